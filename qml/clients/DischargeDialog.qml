// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Discharge a client on a date. The record stays; the client moves to "discharged".
Dialog {
    id: root

    property string code
    property string name
    property string error

    title: qsTr("Discharge client")
    modal: true
    focus: true // the keyboard goes into the dialog, not to the screen behind it
    padding: 20
    anchors.centerIn: Overlay.overlay
    width: 420

    function openFor(clientCode: string, clientName: string) {
        root.code = clientCode;
        root.name = clientName;
        root.error = "";
        dateField.text = Qt.formatDate(new Date(), "yyyy-MM-dd");
        root.open();
        dateField.forceActiveFocus();
    }

    Connections {
        target: Workspace.clients
        enabled: root.opened
        function onSaved() { root.close(); }
        function onFailed(failure) { root.error = failure.message; }
    }

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("Discharge %1 (%2)? Their record and notes stay in the vault.").arg(root.name).arg(root.code)
        }
        FieldLabel { text: qsTr("Discharge date (YYYY-MM-DD)") }
        TextField {
            id: dateField
            Layout.fillWidth: true
            Accessible.name: qsTr("Discharge date")
        }
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: root.error !== ""
            text: root.error
            color: Style.danger
            wrapMode: Text.WordWrap
        }
    }
    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            text: qsTr("Discharge")
            enabled: !VaultSession.vaultThread.busy
            onClicked: Workspace.clients.discharge(root.code, dateField.text)
        }
    }
}
