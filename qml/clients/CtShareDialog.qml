// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Asks before sharing one entry of the author's countertransference with a supervisor assigned to
// them, naming the supervisor and showing the words that will be shared (vault/ctshares.h;
// docs/countertransference.md). Keyboard only: the supervisor list, then Share or Cancel; Escape
// cancels, and Cancel has the focus, so Enter alone shares nothing.
Dialog {
    id: root

    required property CountertransferenceView view
    property string code
    property var note: 0
    property int number: 0
    property string words
    property string error
    property var choices: [] // the supervisors who do not hold the entry yet
    readonly property string supervisor: chooser.currentIndex >= 0 ? chooser.currentText : ""

    objectName: "ctShareDialog"
    title: qsTr("Share with your supervisor?")
    modal: true
    focus: true
    padding: 20
    anchors.centerIn: Overlay.overlay
    width: 480

    function openFor(clientCode: string, noteId: var, entryNumber: int, text: string, shareWith: var) {
        root.code = clientCode;
        root.note = noteId;
        root.number = entryNumber;
        root.words = text;
        root.error = "";
        root.choices = shareWith;
        chooser.currentIndex = root.choices.length > 0 ? 0 : -1;
        root.open();
        cancelButton.forceActiveFocus(Qt.TabFocusReason); // shown as focused: Enter here shares nothing
    }

    Connections {
        target: root.view
        enabled: root.opened
        function onShared() { root.close(); }
        function onFailed(message) { root.error = message; }
    }

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("This entry of your process note:")
            color: Style.muted
        }
        Label {
            textFormat: Text.PlainText
            objectName: "ctShareWords"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: root.words
        }
        RowLayout {
            Layout.fillWidth: true
            visible: root.choices.length > 1
            Label {
                textFormat: Text.PlainText
                text: qsTr("Supervisor")
            }
            ComboBox {
                id: chooser
                objectName: "ctShareSupervisor"
                Layout.fillWidth: true
                model: root.choices
                Accessible.name: qsTr("Supervisor to share with")
            }
        }
        Label {
            textFormat: Text.PlainText
            objectName: "ctShareText"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("Share it with %1? Only %1 will read its words and codes, sealed to their key; not "
                       + "another colleague, an auditor or an export. You can withdraw it later, but what %1 "
                       + "has read, they have read.").arg(root.supervisor)
        }
        Label {
            textFormat: Text.PlainText
            objectName: "ctShareError"
            Layout.fillWidth: true
            visible: root.error !== ""
            text: root.error
            color: Style.danger
            wrapMode: Text.WordWrap
        }
    }
    footer: DialogButtonBox {
        Button {
            id: cancelButton
            objectName: "ctShareCancelButton"
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            objectName: "ctShareOkButton"
            text: qsTr("Share with %1").arg(root.supervisor)
            enabled: root.supervisor !== "" && !VaultSession.vaultThread.busy
            // Not AcceptRole, which would close at once: the dialog closes when the vault has shared.
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: root.view.share(root.code, root.note, root.number, root.supervisor)
        }
    }
}
