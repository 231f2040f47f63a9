// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// A note on one of the client's sessions (today's is chosen when there is one: a process note
// after the progress note is the same hour, never a second session), or a new session: when, how
// long, where, whether the client came, and the note template; or a
// group session written in one sitting: its members, the group's part (topic, what the group did,
// in every member's note as the group's) and each member's own part and attendance (in their note
// alone). Saving makes one draft note per member and opens the first.
Dialog {
    id: root

    required property string clientCode
    property string clientName
    required property string setting
    property string error
    property bool group: false
    // The client's sessions (the overview's timeline), and the latest of them to attach a note to.
    property SessionTimelineModel sessions: null
    property var attachable: []
    readonly property bool onExisting: !root.group && sessionBox.currentIndex > 0
    // A new session the client missed: recorded without a note unless one is asked for.
    readonly property bool missed: !root.group && !root.onExisting && attendanceBox.currentIndex >= 2
    readonly property bool noteless: root.missed && !missedNote.checked
    readonly property var attendances: ["attended", "late", "no-show", "cancelled"]
    readonly property var settings: ["", "residential", "outpatient", "aftercare", "telehealth"]

    objectName: "newNoteDialog"
    title: root.group ? qsTr("New group note") : qsTr("New session note")
    modal: true
    focus: true // the keyboard goes into the dialog, not to the screen behind it
    padding: 20
    anchors.centerIn: Overlay.overlay
    width: root.group ? Math.min(960, (Overlay.overlay?.width ?? 1024) - 32) : 440
    height: root.group ? Math.min(680, (Overlay.overlay?.height ?? 700) - 24) : implicitHeight

    // The group's members as chosen, in order (the client whose overview this is comes first):
    // code, name, attendance and their own part as typed. A ListModel, so that changing one
    // member's attendance or part keeps every field (and the keyboard) where it is.
    ListModel { id: members }
    readonly property alias memberCount: members.count

    function start() {
        root.error = "";
        dateField.text = Qt.formatDate(new Date(), "yyyy-MM-dd");
        timeField.text = "";
        minutesField.value = 50;
        settingBox.currentIndex = Math.max(0, root.settings.indexOf(root.setting));
        attendanceBox.currentIndex = 0;
        missedNote.checked = false;
        root.group = false;
        root.attachable = root.sessions ? root.sessions.latest(12) : [];
        const today = root.attachable.findIndex(s => s.date === dateField.text);
        sessionBox.currentIndex = today + 1; // today's session, else a new one
        if (today >= 0 && root.attachable[today].hasNote) // the progress note is written: most likely the process note
            templateBox.currentIndex = Math.max(0, templateBox.indexOfValue("process"));
        members.clear();
        members.append({ code: root.clientCode, name: root.clientName, attendance: "attended", part: "" });
        memberSearch.text = "";
        topicField.text = "";
        processField.text = "";
        root.open();
        (root.onExisting ? sessionBox : dateField).forceActiveFocus();
    }

    Connections {
        target: Workspace.note.session
        enabled: root.opened
        function onCreated() { root.close(); }
        function onRecorded() {
            root.close();
            Workspace.overview.open(root.clientCode); // the timeline shows the missed session
        }
        function onFailed(failure) { root.error = failure.message; }
    }

    function addMember(code: string, name: string) {
        memberSearch.text = "";
        for (let i = 0; i < members.count; ++i)
            if (members.get(i).code === code)
                return;
        members.append({ code: code, name: name, attendance: "attended", part: "" });
    }
    function save() {
        if (root.onExisting) {
            Workspace.note.session.addNote(root.attachable[sessionBox.currentIndex - 1].sessionId, root.clientCode,
                                           templateBox.currentValue);
            return;
        }
        if (root.noteless) {
            Workspace.note.session.record(root.clientCode, dateField.text, timeField.text, minutesField.value,
                                          root.settings[settingBox.currentIndex],
                                          root.attendances[attendanceBox.currentIndex]);
            return;
        }
        if (!root.group) {
            Workspace.note.session.create(root.clientCode, dateField.text, timeField.text, minutesField.value,
                                          root.settings[settingBox.currentIndex],
                                          root.attendances[attendanceBox.currentIndex], templateBox.currentValue);
            return;
        }
        const list = [];
        for (let i = 0; i < members.count; ++i) {
            const m = members.get(i);
            list.push({ code: m.code, attendance: m.attendance, part: m.part });
        }
        Workspace.note.session.createGroup(dateField.text, timeField.text, minutesField.value,
                                           root.settings[settingBox.currentIndex], topicField.text,
                                           processField.text, list);
    }
    // Shows item in the scrolled group form (the keyboard moved to it).
    function reveal(item: Item) {
        const flick = groupScroll.contentItem;
        const top = item.mapToItem(flick.contentItem, 0, 0).y;
        if (top < flick.contentY)
            flick.contentY = Math.max(0, top - 8);
        else if (top + item.height > flick.contentY + flick.height)
            flick.contentY = Math.min(Math.max(0, flick.contentHeight - flick.height), top + item.height - flick.height + 8);
    }

    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        enabled: root.opened && root.group
        onActivated: root.save()
    }

    // A text area of the group form: Tab and Shift+Tab move on, as in the note editor (Ctrl+Tab
    // types a tab).
    component PartArea: TextArea {
        id: area
        required property Item fence // the dialog's item: Tab stays inside it
        activeFocusOnTab: true
        Layout.fillWidth: true
        Layout.preferredHeight: Math.max(64, implicitHeight)
        wrapMode: TextEdit.Wrap
        background: Rectangle {
            color: Style.surface
            border.color: area.activeFocus ? Style.accent : Style.border
            radius: 2
        }
        Keys.onPressed: (event) => {
            if (event.key === Qt.Key_Tab && (event.modifiers & Qt.ControlModifier)) {
                area.insert(area.cursorPosition, "\t");
                event.accepted = true;
            } else if ((event.key === Qt.Key_Tab && event.modifiers === Qt.NoModifier) || event.key === Qt.Key_Backtab) {
                // The next control in the dialog (the window's chain runs on past it).
                const forward = event.key === Qt.Key_Tab;
                let next = area.nextItemInFocusChain(forward);
                for (let i = 0; next && i < 500; ++i) {
                    let inside = false;
                    for (let p = next; p && !inside; p = p.parent)
                        inside = p === area.fence;
                    if (inside && next !== area)
                        break;
                    next = next.nextItemInFocusChain(forward);
                }
                if (next)
                    next.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason);
                event.accepted = true;
            }
        }
    }

    contentItem: ColumnLayout {
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 24

            GridLayout {
                Layout.alignment: Qt.AlignTop
                Layout.fillWidth: !root.group
                Layout.preferredWidth: root.group ? 300 : -1
                Layout.maximumWidth: root.group ? 300 : Number.POSITIVE_INFINITY
                columns: 2
                columnSpacing: 12
                rowSpacing: 8
                Switch {
                    id: groupSwitch
                    objectName: "groupSwitch"
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    text: root.group ? qsTr("Group session") : qsTr("Group session (a note for each member)")
                    checked: root.group
                    onToggled: root.group = checked
                }
                FieldLabel { text: qsTr("Session"); visible: !root.group }
                ComboBox {
                    id: sessionBox
                    objectName: "sessionBox"
                    visible: !root.group
                    Layout.fillWidth: true
                    model: [qsTr("A new session")].concat(root.attachable.map(
                        s => (s.start !== "" ? qsTr("%1, %2").arg(Style.date(s.date)).arg(s.start) : Style.date(s.date))
                             + (s.hasNote ? qsTr(" · has a progress note") : "")))
                    Accessible.name: qsTr("The session the note belongs to")
                }
                FieldLabel { text: qsTr("Date"); visible: !root.onExisting }
                TextField { id: dateField; visible: !root.onExisting; Layout.fillWidth: true; Accessible.name: qsTr("Session date") }
                FieldLabel { text: qsTr("Start (HH:MM)"); visible: !root.onExisting }
                TextField { id: timeField; visible: !root.onExisting; Layout.fillWidth: true; placeholderText: "14:00"; Accessible.name: qsTr("Start time") }
                FieldLabel { text: qsTr("Minutes"); visible: !root.onExisting }
                SpinBox { id: minutesField; visible: !root.onExisting; from: 5; to: 240; stepSize: 5; editable: true; Accessible.name: qsTr("Length in minutes") }
                FieldLabel { text: qsTr("Setting"); visible: !root.onExisting }
                ComboBox {
                    id: settingBox
                    visible: !root.onExisting
                    Layout.fillWidth: true
                    model: [qsTr("Not set"), qsTr("Residential"), qsTr("Outpatient"), qsTr("Aftercare"), qsTr("Telehealth")]
                    Accessible.name: qsTr("Setting")
                }
                FieldLabel { text: qsTr("Attendance"); visible: !root.group && !root.onExisting }
                ComboBox {
                    id: attendanceBox
                    objectName: "attendanceBox"
                    visible: !root.group && !root.onExisting
                    Layout.fillWidth: true
                    model: [qsTr("Attended"), qsTr("Late"), qsTr("No-show"), qsTr("Cancelled")]
                    Accessible.name: qsTr("Attendance")
                }
                CheckBox {
                    id: missedNote
                    objectName: "missedNoteBox"
                    Layout.columnSpan: 2
                    visible: root.missed
                    text: qsTr("Write a note about it (a missed session needs none)")
                }
                FieldLabel { text: qsTr("Template"); visible: !root.group && !root.noteless }
                ComboBox {
                    id: templateBox
                    objectName: "templateBox"
                    visible: !root.group && !root.noteless
                    Layout.fillWidth: true
                    model: Workspace.note.session.templates
                    textRole: "label"
                    valueRole: "id"
                    Accessible.name: qsTr("Note template")
                }
                FieldLabel { text: qsTr("Members"); visible: root.group; Layout.columnSpan: 2; Layout.topMargin: 6 }
                TextField {
                    id: memberSearch
                    objectName: "memberSearch"
                    visible: root.group
                    Layout.columnSpan: 2
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
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    spacing: 4
                    visible: root.group && memberSearch.text.trim() !== ""
                    Repeater {
                        model: memberSearch.text.trim() === "" ? [] : Workspace.clients.findActive(memberSearch.text, 6)
                        Button {
                            id: memberButton
                            required property var modelData
                            text: modelData.code + " · " + modelData.name
                            flat: true
                            contentItem: Label { textFormat: Text.PlainText; text: memberButton.text; verticalAlignment: Text.AlignVCenter }
                            onClicked: root.addMember(modelData.code, modelData.name)
                        }
                    }
                }
                Label {
                    textFormat: Text.PlainText
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    visible: root.group
                    text: qsTr("%1. The group's part goes into every member's note and its themes are the group's; a member's own part goes into their note alone.")
                          .arg(Style.plural(members.count, qsTr("member"), qsTr("members")))
                    color: Style.muted
                    font.pixelSize: Style.smallSize
                    wrapMode: Text.WordWrap
                }
            }

            ScrollView {
                id: groupScroll
                objectName: "groupForm"
                visible: root.group
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentWidth: availableWidth
                clip: true

                ColumnLayout {
                    width: groupScroll.availableWidth
                    spacing: 6

                    Label {
                        text: qsTr("The group's part")
                        color: Style.text
                        font.weight: Font.DemiBold
                    }
                    FieldLabel { text: qsTr("Topic") }
                    TextField {
                        id: topicField
                        objectName: "groupTopicField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("What the group worked on")
                        Accessible.name: qsTr("Group topic")
                        // Enter moves on to the process (taken here, so it saves nothing yet).
                        Keys.onReturnPressed: (event) => { processField.forceActiveFocus(Qt.TabFocusReason); event.accepted = true; }
                        Keys.onEnterPressed: (event) => { processField.forceActiveFocus(Qt.TabFocusReason); event.accepted = true; }
                        onActiveFocusChanged: if (activeFocus) root.reveal(topicField)
                    }
                    FieldLabel { text: qsTr("What the group did (process)") }
                    PartArea {
                        id: processField
                        fence: root.contentItem.parent
                        objectName: "groupProcessField"
                        placeholderText: qsTr("The exercise, the discussion, how the group worked together")
                        Accessible.name: qsTr("What the group did")
                        onActiveFocusChanged: if (activeFocus) root.reveal(processField)
                    }

                    Label {
                        Layout.topMargin: 8
                        text: qsTr("Each member's own part")
                        color: Style.text
                        font.weight: Font.DemiBold
                    }
                    Repeater {
                        model: members
                        ColumnLayout {
                            id: member
                            required property int index
                            required property string code
                            required property string name
                            required property string attendance
                            required property string part
                            Layout.fillWidth: true
                            spacing: 4

                            RowLayout {
                                Layout.fillWidth: true
                                Label {
                                    textFormat: Text.PlainText
                                    Layout.fillWidth: true
                                    text: member.name !== "" ? member.code + " · " + member.name : member.code
                                    color: Style.text
                                    elide: Text.ElideRight
                                }
                                ComboBox {
                                    id: attendanceOf
                                    objectName: "memberAttendance-" + member.code
                                    implicitWidth: 130
                                    model: [qsTr("Attended"), qsTr("Late"), qsTr("No-show"), qsTr("Cancelled")]
                                    currentIndex: root.attendances.indexOf(member.attendance)
                                    Accessible.name: qsTr("Attendance of %1").arg(member.code)
                                    onActivated: (index) => members.setProperty(member.index, "attendance", root.attendances[index])
                                    onActiveFocusChanged: if (activeFocus) root.reveal(attendanceOf)
                                }
                                Button {
                                    text: "✕"
                                    flat: true
                                    Accessible.name: qsTr("Remove %1 from the group").arg(member.code)
                                    onClicked: members.remove(member.index)
                                }
                            }
                            PartArea {
                                id: partOf
                                fence: root.contentItem.parent
                                objectName: "memberPart-" + member.code
                                text: member.part
                                placeholderText: member.attendance === "no-show" || member.attendance === "cancelled"
                                                 ? qsTr("Not there: a line on the absence, if anything")
                                                 : qsTr("Their participation, what they brought of their own, their plan")
                                Accessible.name: qsTr("%1's own part").arg(member.code)
                                onTextChanged: if (partOf.text !== member.part) members.setProperty(member.index, "part", partOf.text)
                                onActiveFocusChanged: if (activeFocus) root.reveal(partOf)
                            }
                        }
                    }
                }
            }
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
    // Words written in the group form: leaving asks first, for they are saved only with the notes.
    readonly property bool written: {
        if (!root.group)
            return false;
        let any = topicField.text.trim() !== "" || processField.text.trim() !== "";
        for (let i = 0; i < members.count && !any; ++i)
            any = members.get(i).part.trim() !== "";
        return any;
    }
    closePolicy: root.written ? Popup.NoAutoClose : (Popup.CloseOnEscape | Popup.CloseOnPressOutside)
    function leave() {
        if (root.written)
            discardDialog.open();
        else
            root.close();
    }
    Shortcut {
        sequence: "Esc"
        enabled: root.opened && root.written && !discardDialog.opened
        onActivated: root.leave()
    }
    Dialog {
        id: discardDialog
        objectName: "discardGroupDialog"
        title: qsTr("Leave the group note?")
        modal: true
        anchors.centerIn: Overlay.overlay
        width: 420
        padding: 20
        contentItem: Label {
            text: qsTr("What is written here is not saved until the members' notes are. Leaving now loses it.")
            wrapMode: Text.WordWrap
        }
        footer: DialogButtonBox {
            Button {
                objectName: "discardGroupButton"
                text: qsTr("Leave and lose it")
                onClicked: { discardDialog.close(); root.close(); }
            }
            PrimaryButton {
                objectName: "keepWritingButton"
                text: qsTr("Keep writing")
                onClicked: discardDialog.close()
            }
        }
    }

    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            onClicked: root.leave()
        }
        PrimaryButton {
            objectName: "startNoteButton"
            text: root.group ? qsTr("Save the members' notes") : root.onExisting ? qsTr("Add the note")
                  : root.noteless ? qsTr("Record the session") : qsTr("Start the note")
            enabled: !VaultSession.vaultThread.busy && (!root.group || members.count >= 2)
            onClicked: root.save()
        }
    }
}
