// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The open note's session details (date, start, length, modality, setting, the client's
// attendance), changeable while the session's notes are drafts; stays open until they are saved.
Dialog {
    id: root

    required property NoteEditor note
    property string error
    readonly property var modalities: ["individual", "group", "couple", "family"]
    readonly property var settings: ["", "residential", "outpatient", "aftercare", "telehealth"]
    readonly property var attendances: ["attended", "late", "no-show", "cancelled"]

    objectName: "sessionDialog"
    title: qsTr("Session details")
    modal: true
    focus: true // the keyboard goes into the dialog, not to the screen behind it
    padding: 20
    anchors.centerIn: Overlay.overlay
    width: 440

    // Opens the dialog on the note's session as it is now.
    function start() {
        root.error = "";
        sessionDate.text = root.note.date;
        sessionTime.text = root.note.session.start ?? "";
        sessionMinutes.value = root.note.session.minutes ?? 50;
        sessionModality.currentIndex = Math.max(0, root.modalities.indexOf(root.note.session.modality));
        sessionSetting.currentIndex = Math.max(0, root.settings.indexOf(root.note.session.setting ?? ""));
        sessionAttendance.currentIndex = Math.max(0, root.attendances.indexOf(root.note.session.attendance));
        root.open();
    }
    onOpened: sessionDate.forceActiveFocus()
    Connections {
        target: root.note.session
        enabled: root.opened
        function onUpdated() { root.close(); }
        function onFailed(failure) { root.error = failure.message; }
    }
    contentItem: GridLayout {
        columns: 2
        columnSpacing: 12
        rowSpacing: 8
        Label {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            text: qsTr("These can change until a note on the session is signed.")
            color: Style.muted
            font.pixelSize: Style.smallSize
            wrapMode: Text.WordWrap
        }
        FieldLabel { text: qsTr("Date") }
        TextField { id: sessionDate; objectName: "sessionDateField"; Layout.fillWidth: true; Accessible.name: qsTr("Session date") }
        FieldLabel { text: qsTr("Start (HH:MM)") }
        TextField { id: sessionTime; Layout.fillWidth: true; placeholderText: "14:00"; Accessible.name: qsTr("Start time") }
        FieldLabel { text: qsTr("Minutes") }
        SpinBox { id: sessionMinutes; from: 5; to: 240; stepSize: 5; editable: true; Accessible.name: qsTr("Length in minutes") }
        FieldLabel { text: qsTr("Modality") }
        ComboBox {
            id: sessionModality
            Layout.fillWidth: true
            model: [qsTr("Individual"), qsTr("Group"), qsTr("Couple"), qsTr("Family")]
            Accessible.name: qsTr("Modality")
        }
        FieldLabel { text: qsTr("Setting") }
        ComboBox {
            id: sessionSetting
            Layout.fillWidth: true
            model: [qsTr("Not set"), qsTr("Residential"), qsTr("Outpatient"), qsTr("Aftercare"), qsTr("Telehealth")]
            Accessible.name: qsTr("Setting")
        }
        FieldLabel { text: qsTr("Attendance (%1)").arg(root.note.clientCode) }
        ComboBox {
            id: sessionAttendance
            Layout.fillWidth: true
            model: [qsTr("Attended"), qsTr("Late"), qsTr("No-show"), qsTr("Cancelled")]
            Accessible.name: qsTr("Attendance")
        }
        Label {
            textFormat: Text.PlainText
            Layout.columnSpan: 2
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
            objectName: "saveSessionButton"
            text: qsTr("Save the details")
            enabled: !VaultSession.vaultThread.busy
            onClicked: root.note.session.update(sessionDate.text, sessionTime.text, sessionMinutes.value,
                                               root.modalities[sessionModality.currentIndex],
                                               root.settings[sessionSetting.currentIndex],
                                               root.attendances[sessionAttendance.currentIndex])
        }
    }
}
