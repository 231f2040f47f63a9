// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Asks before deleting one event of other treatment, naming it; the vault keeps it as deleted, with
// who deleted it and when (uc::vault::TreatmentEvents::remove), and it leaves the card.
Dialog {
    id: root

    property string code
    property var eventId: 0
    property string name // "2025-03-05, Medication-assisted treatment: buprenorphine start 8 mg"
    property string error
    readonly property TreatmentEventEntry entry: Workspace.treatmentEventEntry

    objectName: "treatmentEventDeleteDialog"
    title: qsTr("Delete an event?")
    modal: true
    focus: true
    padding: 20
    anchors.centerIn: Overlay.overlay
    width: 440

    function openFor(clientCode: string, event: var, description: string) {
        root.code = clientCode;
        root.eventId = event;
        root.name = description;
        root.error = "";
        root.open();
        cancelButton.forceActiveFocus(Qt.TabFocusReason); // shown as focused; Enter here does nothing destructive
    }

    Connections {
        target: root.entry
        enabled: root.opened
        function onRemoved(clientCode) {
            root.close();
            Workspace.overview.open(clientCode); // the card without it
        }
        function onFailed(failure) { root.error = failure.message; }
    }

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            textFormat: Text.PlainText
            objectName: "eventDeleteText"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("Delete %1? It leaves the card and the reports; the vault keeps it as deleted.").arg(root.name)
        }
        Label {
            textFormat: Text.PlainText
            objectName: "eventDeleteError"
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
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            objectName: "deleteEventOkButton"
            text: qsTr("Delete")
            enabled: !VaultSession.vaultThread.busy
            DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole
            onClicked: root.entry.remove(root.eventId, root.code)
        }
    }
}
