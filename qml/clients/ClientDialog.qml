// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Add a client, or edit one's name and setting. Stays open until the vault thread has saved.
Dialog {
    id: root

    property bool editing: false
    property string error
    readonly property var settings: ["", "residential", "outpatient", "aftercare", "telehealth"]

    title: editing ? qsTr("Edit client") : qsTr("Add client")
    modal: true
    focus: true // the keyboard goes into the dialog, not to the screen behind it
    padding: 20
    anchors.centerIn: Overlay.overlay
    width: 420

    function openFor(code: string, name: string, setting: string) {
        root.editing = code !== "";
        root.error = "";
        codeField.text = code;
        nameField.text = name;
        settingBox.currentIndex = Math.max(0, root.settings.indexOf(setting));
        intakeField.text = "";
        root.open();
        (root.editing ? nameField : codeField).forceActiveFocus();
    }
    function save() {
        root.error = "";
        const setting = root.settings[settingBox.currentIndex];
        if (root.editing)
            Workspace.clients.update(codeField.text, nameField.text, setting);
        else
            Workspace.clients.add(codeField.text, nameField.text, setting, intakeField.text);
    }

    Connections {
        target: Workspace.clients
        enabled: root.opened
        function onSaved() { root.close(); }
        function onFailed(failure) { root.error = failure.message; }
    }

    contentItem: ColumnLayout {
        spacing: 8
        FieldLabel { text: qsTr("Code") }
        TextField {
            id: codeField
            objectName: "codeField"
            Layout.fillWidth: true
            enabled: !root.editing
            placeholderText: "C-0142"
            Accessible.name: qsTr("Client code")
        }
        FieldLabel { text: qsTr("Name") }
        TextField {
            id: nameField
            objectName: "nameField"
            Layout.fillWidth: true
            Accessible.name: qsTr("Client name")
        }
        FieldLabel { text: qsTr("Setting") }
        ComboBox {
            id: settingBox
            Layout.fillWidth: true
            model: [qsTr("Not set"), qsTr("Residential"), qsTr("Outpatient"), qsTr("Aftercare"), qsTr("Telehealth")]
            Accessible.name: qsTr("Setting")
        }
        FieldLabel {
            visible: !root.editing
            text: qsTr("Intake date (YYYY-MM-DD, optional)")
        }
        TextField {
            id: intakeField
            Layout.fillWidth: true
            visible: !root.editing
            placeholderText: Qt.formatDate(new Date(), "yyyy-MM-dd")
            Accessible.name: qsTr("Intake date")
        }
        Label {
            textFormat: Text.PlainText
            objectName: "clientDialogError"
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
        PrimaryButton {
            objectName: "saveClientButton"
            text: qsTr("Save")
            enabled: codeField.text.trim() !== "" && nameField.text.trim() !== "" && !VaultSession.vaultThread.busy
            onClicked: root.save()
        }
    }
}
