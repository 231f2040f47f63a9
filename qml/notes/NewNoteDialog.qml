// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// A new session: when, how long, where, whether the client came, and the note template; or a
// group session: its members (each with their attendance) and topic, one group note per member.
Dialog {
    id: root

    required property string clientCode
    required property string setting
    property string error
    property bool group: false
    // The group's members as chosen: [{code, name, attendance}] (the client whose overview this
    // is comes first).
    property var members: []
    readonly property var attendances: ["attended", "late", "no-show", "cancelled"]
    readonly property var settings: ["", "residential", "outpatient", "aftercare", "telehealth"]

    objectName: "newNoteDialog"
    title: qsTr("New session note")
    modal: true
    focus: true // the keyboard goes into the dialog, not to the screen behind it
    padding: 20
    anchors.centerIn: Overlay.overlay
    width: root.group ? 520 : 440

    function start() {
        root.error = "";
        dateField.text = Qt.formatDate(new Date(), "yyyy-MM-dd");
        timeField.text = "";
        minutesField.value = 50;
        settingBox.currentIndex = Math.max(0, root.settings.indexOf(root.setting));
        attendanceBox.currentIndex = 0;
        root.group = false;
        root.members = [{ code: root.clientCode, name: "", attendance: "attended" }];
        memberSearch.text = "";
        topicField.text = "";
        root.open();
        dateField.forceActiveFocus();
    }

    Connections {
        target: Workspace.note.session
        enabled: root.opened
        function onCreated() { root.close(); }
        function onFailed(failure) { root.error = failure.message; }
    }

    function addMember(code: string, name: string) {
        if (root.members.some(m => m.code === code))
            return;
        root.members = root.members.concat([{ code: code, name: name, attendance: "attended" }]);
        memberSearch.text = "";
    }
    function setAttendance(index: int, attendance: string) {
        const list = root.members.slice();
        list[index] = { code: list[index].code, name: list[index].name, attendance: attendance };
        root.members = list;
    }

    contentItem: GridLayout {
        columns: 2
        columnSpacing: 12
        rowSpacing: 8
        Switch {
            id: groupSwitch
            objectName: "groupSwitch"
            Layout.columnSpan: 2
            text: qsTr("Group session (a note for each member)")
            checked: root.group
            onToggled: root.group = checked
        }
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
        FieldLabel { text: qsTr("Attendance"); visible: !root.group }
        ComboBox {
            id: attendanceBox
            visible: !root.group
            Layout.fillWidth: true
            model: [qsTr("Attended"), qsTr("Late"), qsTr("No-show"), qsTr("Cancelled")]
            Accessible.name: qsTr("Attendance")
        }
        FieldLabel { text: qsTr("Template"); visible: !root.group }
        ComboBox {
            id: templateBox
            objectName: "templateBox"
            visible: !root.group
            Layout.fillWidth: true
            model: Workspace.note.session.templates
            textRole: "label"
            valueRole: "id"
            Accessible.name: qsTr("Note template")
        }
        FieldLabel { text: qsTr("Group topic"); visible: root.group }
        TextField {
            id: topicField
            objectName: "groupTopicField"
            visible: root.group
            Layout.fillWidth: true
            placeholderText: qsTr("What the group worked on")
            Accessible.name: qsTr("Group topic")
        }
        FieldLabel { text: qsTr("Members"); visible: root.group; Layout.alignment: Qt.AlignTop }
        ColumnLayout {
            visible: root.group
            Layout.fillWidth: true
            spacing: 4
            Repeater {
                model: root.members
                RowLayout {
                    id: memberRow
                    required property var modelData
                    required property int index
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        text: memberRow.modelData.code
                        elide: Text.ElideRight
                    }
                    ComboBox {
                        objectName: "memberAttendance"
                        implicitWidth: 130
                        model: [qsTr("Attended"), qsTr("Late"), qsTr("No-show"), qsTr("Cancelled")]
                        currentIndex: root.attendances.indexOf(memberRow.modelData.attendance)
                        Accessible.name: qsTr("Attendance of %1").arg(memberRow.modelData.code)
                        onActivated: (index) => root.setAttendance(memberRow.index, root.attendances[index])
                    }
                    Button {
                        text: "✕"
                        flat: true
                        Accessible.name: qsTr("Remove %1 from the group").arg(memberRow.modelData.code)
                        onClicked: root.members = root.members.filter((m, i) => i !== memberRow.index)
                    }
                }
            }
            TextField {
                id: memberSearch
                objectName: "memberSearch"
                Layout.fillWidth: true
                placeholderText: qsTr("Add a member: code or name, then Enter")
                Accessible.name: qsTr("Find a client to add to the group")
                onAccepted: {
                    const found = Workspace.clients.findActive(text, 1);
                    if (found.length > 0)
                        root.addMember(found[0].code, found[0].name);
                }
            }
            Flow {
                Layout.fillWidth: true
                spacing: 4
                visible: memberSearch.text.trim() !== ""
                Repeater {
                    model: memberSearch.text.trim() === "" ? [] : Workspace.clients.findActive(memberSearch.text, 6)
                    Button {
                        required property var modelData
                        text: modelData.code + " · " + modelData.name
                        flat: true
                        onClicked: root.addMember(modelData.code, modelData.name)
                    }
                }
            }
        }
        Label {
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
            objectName: "startNoteButton"
            text: root.group ? qsTr("Start the members' notes") : qsTr("Start the note")
            enabled: !VaultSession.vaultThread.busy
            onClicked: {
                if (root.group)
                    Workspace.note.session.createGroup(dateField.text, timeField.text, minutesField.value,
                                                  root.settings[settingBox.currentIndex], topicField.text,
                                                  root.members.map(m => ({ code: m.code, attendance: m.attendance })));
                else
                    Workspace.note.session.create(root.clientCode, dateField.text, timeField.text, minutesField.value,
                                             root.settings[settingBox.currentIndex],
                                             root.attendances[attendanceBox.currentIndex], templateBox.currentValue);
            }
        }
    }
}
