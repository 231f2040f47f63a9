// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// A new one-to-one session: when, how long, where, whether the client came, and the note template.
Dialog {
    id: root

    required property string clientCode
    required property string setting
    property string error
    readonly property var attendances: ["attended", "late", "no-show", "cancelled"]
    readonly property var settings: ["", "residential", "outpatient", "aftercare", "telehealth"]

    objectName: "newNoteDialog"
    title: qsTr("New session note")
    modal: true
    padding: 20
    anchors.centerIn: Overlay.overlay
    width: 440

    function start() {
        root.error = "";
        dateField.text = Qt.formatDate(new Date(), "yyyy-MM-dd");
        timeField.text = "";
        minutesField.value = 50;
        settingBox.currentIndex = Math.max(0, root.settings.indexOf(root.setting));
        attendanceBox.currentIndex = 0;
        root.open();
    }

    Connections {
        target: VaultSession
        enabled: root.opened
        function onNoteOpened() { root.close(); }
        function onNoteFailed(message: string) { root.error = message; }
    }

    contentItem: GridLayout {
        columns: 2
        columnSpacing: 12
        rowSpacing: 8
        FieldLabel { text: qsTr("Date") }
        TextField { id: dateField; Layout.fillWidth: true; Accessible.name: qsTr("Session date") }
        FieldLabel { text: qsTr("Start (HH:MM)") }
        TextField { id: timeField; Layout.fillWidth: true; placeholderText: "14:00"; Accessible.name: qsTr("Start time") }
        FieldLabel { text: qsTr("Minutes") }
        SpinBox { id: minutesField; from: 5; to: 240; stepSize: 5; editable: true; Accessible.name: qsTr("Length in minutes") }
        FieldLabel { text: qsTr("Setting") }
        ComboBox {
            id: settingBox
            Layout.fillWidth: true
            model: [qsTr("Not set"), qsTr("Residential"), qsTr("Outpatient"), qsTr("Aftercare"), qsTr("Telehealth")]
            Accessible.name: qsTr("Setting")
        }
        FieldLabel { text: qsTr("Attendance") }
        ComboBox {
            id: attendanceBox
            Layout.fillWidth: true
            model: [qsTr("Attended"), qsTr("Late"), qsTr("No-show"), qsTr("Cancelled")]
            Accessible.name: qsTr("Attendance")
        }
        FieldLabel { text: qsTr("Template") }
        ComboBox {
            id: templateBox
            objectName: "templateBox"
            Layout.fillWidth: true
            model: VaultSession.templates
            textRole: "label"
            valueRole: "id"
            Accessible.name: qsTr("Note template")
        }
        Label {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            visible: root.error !== ""
            text: root.error
            color: Theme.danger
            wrapMode: Text.WordWrap
        }
    }
    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        PrimaryButton {
            objectName: "startNoteButton"
            text: qsTr("Start the note")
            enabled: !VaultSession.busy
            onClicked: VaultSession.createNote(root.clientCode, dateField.text, timeField.text, minutesField.value,
                                               root.settings[settingBox.currentIndex],
                                               root.attendances[attendanceBox.currentIndex], templateBox.currentValue)
        }
    }
}
