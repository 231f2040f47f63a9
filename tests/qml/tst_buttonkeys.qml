// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtTest
import Undercurrent

// Enter and Space on a focused button click it, on every screen; Enter in a dialog clicks its
// default button unless the focused field acts on Enter itself. Driven by key presses alone.
TestCase {
    id: root

    name: "ButtonKeys"
    when: windowShown
    visible: true
    width: 800
    height: 600

    Component {
        id: buttons
        Row {
            id: row
            property int plain: 0
            property int primary: 0
            Button { objectName: "plain"; text: "New note…"; onClicked: row.plain++ }
            PrimaryButton { objectName: "primary"; text: "Start the note"; onClicked: row.primary++ }
            CheckBox { objectName: "check"; text: "Signed" }
        }
    }

    Component {
        id: dialog
        Dialog {
            id: dlg
            property int saved: 0
            property int searched: 0
            property alias ready: save.enabled
            anchors.centerIn: Overlay.overlay
            contentItem: Column {
                TextField { objectName: "field" }
                TextField { objectName: "search"; onAccepted: dlg.searched++ }
                CheckBox { objectName: "dialogCheck"; text: "Group" }
            }
            footer: DialogButtonBox {
                Button { text: "Cancel"; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
                PrimaryButton { id: save; text: "Save"; onClicked: dlg.saved++ }
            }
        }
    }

    function test_enterAndSpaceClickAFocusedButton() {
        const row = createTemporaryObject(buttons, root);
        const plain = findChild(row, "plain");
        plain.forceActiveFocus();
        keyClick(Qt.Key_Return);
        compare(row.plain, 1, "Return clicks");
        keyClick(Qt.Key_Enter, Qt.KeypadModifier);
        compare(row.plain, 2, "keypad Enter clicks");
        keyClick(Qt.Key_Space);
        compare(row.plain, 3, "Space clicks");
        keyClick(Qt.Key_Tab);
        verify(findChild(row, "primary").activeFocus, "Tab reaches the next button");
        keyClick(Qt.Key_Return);
        compare(row.primary, 1);
        keyClick(Qt.Key_Return, Qt.ControlModifier);
        compare(row.primary, 1, "Ctrl+Return is not a click");
    }

    function test_disabledButtonIgnoresEnter() {
        const row = createTemporaryObject(buttons, root);
        const plain = findChild(row, "plain");
        plain.forceActiveFocus();
        plain.enabled = false;
        keyClick(Qt.Key_Return);
        compare(row.plain, 0);
    }

    function test_enterInADialogClicksItsDefaultButton() {
        const d = createTemporaryObject(dialog, root);
        d.open();
        tryCompare(d, "opened", true);
        const field = findChild(d.contentItem, "field");
        field.forceActiveFocus();
        keyClick(Qt.Key_A);
        keyClick(Qt.Key_Return);
        compare(d.saved, 1, "Enter in a plain field saves");
        findChild(d.contentItem, "dialogCheck").forceActiveFocus();
        keyClick(Qt.Key_Return);
        compare(d.saved, 2, "Enter on a check box saves too (Space toggles it)");
        d.ready = false;
        field.forceActiveFocus();
        keyClick(Qt.Key_Return);
        compare(d.saved, 2, "a disabled default button is not clicked");
    }

    function test_aFieldThatActsOnEnterKeepsIt() {
        const d = createTemporaryObject(dialog, root);
        d.open();
        tryCompare(d, "opened", true);
        findChild(d.contentItem, "search").forceActiveFocus();
        keyClick(Qt.Key_Return);
        compare(d.searched, 1);
        compare(d.saved, 0, "the dialog is not submitted by the search field's Enter");
    }

    Component {
        id: clientsScreen
        ClientsScreen {
            width: 800
            height: 600
            clients: Workspace.clients
            userName: "asmith"
        }
    }

    // Add client by keyboard alone: Enter on "Add client", type, Enter saves (the locked vault
    // refuses, which shows that Save was asked for).
    function test_addClientByKeyboard() {
        const screen = createTemporaryObject(clientsScreen, root);
        findChild(screen, "addClientButton").forceActiveFocus();
        keyClick(Qt.Key_Return);
        const code = findChild(screen, "codeField");
        tryCompare(code, "activeFocus", true);
        for (const c of "C-0001")
            keyClick(c);
        keyClick(Qt.Key_Tab);
        verify(findChild(screen, "nameField").activeFocus, "Tab goes from code to name");
        for (const c of "Ann")
            keyClick(c);
        keyClick(Qt.Key_Return);
        const error = findChild(screen, "clientDialogError");
        tryCompare(error, "visible", true, 5000);
        verify(error.text.indexOf("locked") >= 0, error.text);
    }
}
