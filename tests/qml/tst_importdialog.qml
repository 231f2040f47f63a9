// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Undercurrent

// The import dialog from the clients screen, with no vault open: offered only to a role that
// writes notes, "Check" waits for a path, and "Import" stays off while nothing good is previewed.
TestCase {
    id: root

    name: "ImportDialog"
    when: windowShown
    visible: true
    width: 1100
    height: 720

    Component {
        id: screenComponent
        ClientsScreen {
            width: 1100
            height: 720
            clients: Workspace.clients
            userName: "asmith"
        }
    }

    function test_importIsOfferedToWritersOnly() {
        const screen = createTemporaryObject(screenComponent, root);
        verify(findChild(screen, "importNotesButton").visible);
        screen.mayEdit = false;
        verify(!findChild(screen, "importNotesButton").visible);
    }

    function test_checkNeedsAPathAndImportNeedsGoodRows() {
        const screen = createTemporaryObject(screenComponent, root);
        mouseClick(findChild(screen, "importNotesButton"));
        const dialog = findChild(screen, "importDialog");
        tryCompare(dialog, "opened", true);
        const path = findChild(screen, "importPath");
        const check = findChild(screen, "importCheck");
        const importButton = findChild(screen, "importButton");
        verify(!check.enabled);
        verify(!importButton.enabled);
        path.text = "/tmp/notes.csv";
        verify(check.enabled);
        verify(!importButton.enabled);
        compare(findChild(screen, "importRows").count, 0);
        dialog.close();
        tryCompare(dialog, "visible", false);
    }
}
