// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Undercurrent

// The clients screen with no vault open: it says there are no clients, the add dialog asks for a
// code and a name before Save, and a save the vault refuses is reported in the dialog, not lost.
TestCase {
    id: root

    name: "ClientsScreen"
    when: windowShown
    visible: true // TestCase is invisible by default; the checks below are about what shows
    width: 1000
    height: 700

    Component {
        id: screenComponent
        ClientsScreen {
            width: 1000
            height: 700
            clients: Workspace.clients
            userName: "asmith"
        }
    }

    function test_emptyListSaysSo() {
        const screen = createTemporaryObject(screenComponent, root);
        const empty = findChild(screen, "emptyClients");
        verify(empty.visible);
        verify(empty.text.indexOf("No clients yet") === 0, empty.text);
        compare(findChild(screen, "clientCount").text, "0 clients");
    }

    function test_addDialogNeedsCodeAndNameAndShowsRefusal() {
        const screen = createTemporaryObject(screenComponent, root);
        mouseClick(findChild(screen, "addClientButton"));
        const code = findChild(screen, "codeField");
        tryCompare(code, "visible", true);
        const save = findChild(screen, "saveClientButton");
        verify(!save.enabled);
        code.text = "C-0001";
        verify(!save.enabled);
        findChild(screen, "nameField").text = "Ann Example";
        verify(save.enabled);
        mouseClick(save);
        // No vault is open: the vault thread refuses, and the dialog stays open saying why.
        const error = findChild(screen, "clientDialogError");
        tryCompare(error, "visible", true, 5000);
        verify(error.text.indexOf("locked") >= 0, error.text);
        verify(code.visible, "the dialog is still open");
    }
}
