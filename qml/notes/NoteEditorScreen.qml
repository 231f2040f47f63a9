// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The note editor: the note's text under its template's headings, saved while typing (its draft
// hands the text on within two seconds), the themes found in it as chips to confirm or reject with
// their words highlighted, then Sign, after which only an addendum can be added.
Rectangle {
    id: root

    required property NoteEditor note
    required property string userName
    property bool demo: false
    signal back
    signal lockRequested

    objectName: "noteEditorScreen"
    color: Style.background

    // Opens another member's note of the same group session (what is typed is saved first).
    function openMember(index: int) {
        if (index >= 0 && index < root.note.session.members.length && index !== root.note.session.memberIndex)
            root.note.open(root.note.session.members[index].noteId);
    }

    // The note just opened gets the keyboard, the caret in its first section's body.
    property var focusedNote: -1
    function focusBody() {
        if (root.note.noteId <= 0 || root.focusedNote === root.note.noteId)
            return;
        root.focusedNote = root.note.noteId;
        editor.forceActiveFocus(Qt.OtherFocusReason);
        editor.cursorPosition = root.note.draft.firstBodyPosition();
    }
    Component.onCompleted: Qt.callLater(root.focusBody)
    // The next control before or after the note's text, past the scroll view around it (a focus
    // scope that would hand the keyboard straight back to the text).
    function leaveEditor(forward: bool) {
        let next = editor.nextItemInFocusChain(forward);
        for (let i = 0; next && i < 100; ++i) {
            let inside = false;
            for (let p = next; p; p = p.parent)
                inside = inside || p === editorScroll;
            if (!inside)
                break;
            next = next.nextItemInFocusChain(forward);
        }
        if (next)
            next.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason);
    }

    // Opens the theme picker for the words selected in the note (kept while the dialog is open).
    function tagSelection() {
        if (!root.note.tagging.mayTag || editor.selectedText.trim() === "")
            return;
        tagDialog.start = editor.selectionStart;
        tagDialog.end = editor.selectionEnd;
        tagDialog.words = editor.selectedText.trim();
        tagDialog.open();
    }

    Shortcut {
        sequence: "Ctrl+S"
        enabled: !root.note.readOnly
        onActivated: signDialog.open()
    }
    Shortcut {
        sequence: "Ctrl+T"
        enabled: root.note.tagging.mayTag
        onActivated: root.tagSelection()
    }
    Shortcut {
        sequence: "Ctrl+PgDown"
        enabled: root.note.session.members.length > 1
        onActivated: root.openMember(root.note.session.memberIndex + 1)
    }
    Shortcut {
        sequence: "Ctrl+PgUp"
        enabled: root.note.session.members.length > 1
        onActivated: root.openMember(root.note.session.memberIndex - 1)
    }
    Shortcut {
        sequences: [StandardKey.Back]
        onActivated: root.back()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TopBar {
            Layout.fillWidth: true
            userName: root.userName
            demo: root.demo
            onLockRequested: root.lockRequested()
            Button {
                objectName: "noteBackButton"
                text: qsTr("‹ %1").arg(root.note.clientCode)
                flat: true
                Accessible.name: qsTr("Back to the client")
                onClicked: root.back()
            }
            Label {
                textFormat: Text.PlainText
                objectName: "sessionWhen"
                text: (root.note.session.start ?? "") !== "" ? qsTr("%1, %2").arg(Style.date(root.note.date)).arg(root.note.session.start)
                                                            : Style.date(root.note.date)
                color: Style.text
                font.pixelSize: Style.headingSize + 1
                font.weight: Font.DemiBold
            }
            // A long template name takes two lines before it elides; the whole name on hover.
            Label {
                id: noteKindLabel
                textFormat: Text.PlainText
                objectName: "noteKindLabel"
                Layout.fillWidth: true
                Layout.minimumWidth: 60
                Layout.maximumWidth: implicitWidth
                text: root.note.kind === "process" ? qsTr("Process note (private)") : root.note.templateLabel
                color: root.note.kind === "process" ? Style.warning : Style.muted
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                ToolTip.visible: kindHover.hovered && truncated
                ToolTip.text: text
                HoverHandler { id: kindHover }
            }
            StatusBadge { status: root.note.status }
            Label {
                textFormat: Text.PlainText
                objectName: "saveState"
                visible: !root.note.readOnly
                text: root.note.draft.saveState === "saved" ? qsTr("All changes saved")
                      : root.note.draft.saveState === "saving" ? qsTr("Saving…") : qsTr("Editing…")
                color: Style.muted
                font.pixelSize: Style.smallSize
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Style.gap
            spacing: Style.gap

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 10

                RiskBanner {
                    Layout.fillWidth: true
                    flags: root.note.risk.flags
                    advice: root.note.kind === "process" && !root.note.readOnly
                            ? qsTr("A process note is private: record the risk and its assessment in the progress note.")
                            : root.note.risk.needsAssessment
                            ? qsTr("Signing asks for the assessed level and the action taken.")
                            : !root.note.readOnly ? qsTr("The note documents its risk assessment.")
                            : qsTr("Open until an assessment closes it.")
                }
                RowLayout {
                    objectName: "memberBar"
                    Layout.fillWidth: true
                    visible: root.note.session.members.length > 1
                    spacing: 8
                    Label {
                        textFormat: Text.PlainText
                        text: qsTr("Group note: member %1 of %2").arg(root.note.session.memberIndex + 1).arg(root.note.session.members.length)
                        color: Style.text
                        font.weight: Font.DemiBold
                    }
                    Label {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: (root.note.session.groupTopic ?? "") !== "" ? "· " + root.note.session.groupTopic : ""
                        color: Style.muted
                        elide: Text.ElideRight
                    }
                    Button {
                        text: qsTr("‹ Previous")
                        enabled: root.note.session.memberIndex > 0
                        Accessible.name: qsTr("The previous member's note (Ctrl+Page Up)")
                        onClicked: root.openMember(root.note.session.memberIndex - 1)
                    }
                    ComboBox {
                        objectName: "memberBox"
                        implicitWidth: 140
                        model: root.note.session.members
                        textRole: "clientCode"
                        currentIndex: root.note.session.memberIndex
                        Accessible.name: qsTr("Member whose note is open")
                        onActivated: (index) => root.openMember(index)
                    }
                    Button {
                        text: qsTr("Next ›")
                        enabled: root.note.session.memberIndex < root.note.session.members.length - 1
                        Accessible.name: qsTr("The next member's note (Ctrl+Page Down)")
                        onClicked: root.openMember(root.note.session.memberIndex + 1)
                    }
                }
                Rectangle {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    radius: Style.radius
                    color: Style.surface
                    border.color: Style.border
                    ScrollView {
                        id: editorScroll
                        anchors.fill: parent
                        anchors.margins: 1
                        TextArea {
                            id: editor
                            objectName: "noteText"
                            text: root.note.draft.text
                            readOnly: root.note.readOnly
                            wrapMode: TextEdit.Wrap
                            textFormat: TextEdit.PlainText
                            selectByMouse: true
                            persistentSelection: true
                            leftPadding: 20
                            rightPadding: 20
                            topPadding: 16
                            font.pixelSize: Style.bodySize + 1
                            color: Style.text
                            background: null
                            Accessible.name: qsTr("Note text")
                            // True while a structured field's edit is applied (one edit, not two).
                            property bool applying: false
                            onTextChanged: if (!applying) root.note.draft.edit(text)
                            TapHandler {
                                acceptedButtons: Qt.RightButton
                                onTapped: (eventPoint) => editorMenu.popup()
                            }
                            Keys.onMenuPressed: editorMenu.popup()
                            // Tab and Shift+Tab move on like everywhere else; Ctrl+Tab types a tab.
                            Keys.onPressed: (event) => {
                                if (event.key === Qt.Key_Tab && (event.modifiers & Qt.ControlModifier)) {
                                    if (!editor.readOnly)
                                        editor.insert(editor.cursorPosition, "\t");
                                } else if (event.key === Qt.Key_Tab && event.modifiers === Qt.NoModifier) {
                                    root.leaveEditor(true);
                                } else if (event.key === Qt.Key_Backtab) {
                                    root.leaveEditor(false);
                                } else {
                                    return;
                                }
                                event.accepted = true;
                            }
                        }
                    }
                    Menu {
                        id: editorMenu
                        objectName: "noteTextMenu"
                        MenuItem {
                            text: qsTr("Copy")
                            enabled: editor.selectedText !== ""
                            onTriggered: editor.copy()
                        }
                        MenuItem {
                            objectName: "tagSelectionAction"
                            text: qsTr("Tag selection…")
                            visible: root.note.tagging.mayTag
                            height: visible ? implicitHeight : 0
                            enabled: editor.selectedText.trim() !== ""
                            onTriggered: root.tagSelection()
                        }
                    }
                    Connections {
                        target: root.note
                        function onLoaded() { Qt.callLater(root.focusBody); }
                    }
                    Connections {
                        target: root.note.fields
                        // A structured field rewrote its section: the same edit here, so the
                        // cursor, the rest of the text and its highlights stay where they are.
                        function onTextReplaced(position: int, removed: int, inserted: string) {
                            editor.applying = true;
                            editor.remove(position, position + removed);
                            editor.insert(position, inserted);
                            editor.applying = false;
                            root.note.draft.edit(editor.text);
                        }
                    }
                    EvidenceHighlighter {
                        id: highlighter
                        objectName: "evidenceHighlighter"
                        document: editor.textDocument
                        tags: root.note.tagging.tags
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: !root.note.readOnly
                              ? qsTr("Saved automatically as you type. Sign when the note is complete (Ctrl+S).")
                              : root.note.status === "draft"
                              ? qsTr("A draft: only its author can change or sign it.")
                              : root.note.mayAddAddendum
                              ? qsTr("Signed by %1, %2. The note is locked; corrections go in an addendum.").arg(root.note.signedBy).arg(Style.stamp(root.note.signedAt))
                              : qsTr("Signed by %1, %2. Read-only.").arg(root.note.signedBy).arg(Style.stamp(root.note.signedAt))
                        color: Style.muted
                        font.pixelSize: Style.smallSize
                        wrapMode: Text.WordWrap
                    }
                    ReportButton {
                        objectName: "printNoteButton"
                        visible: root.note.kind === "progress" && root.note.status !== "draft" && VaultSession.can("export-record")
                        text: qsTr("Print note (PDF)")
                        fileName: qsTr("Note %1 %2").arg(root.note.clientCode).arg(root.note.date)
                        onChosen: (file) => Workspace.reports.printNote(root.note.noteId, file)
                    }
                    Button {
                        objectName: "sessionDetailsButton"
                        visible: !root.note.readOnly
                        text: qsTr("Session details…")
                        onClicked: sessionDialog.start()
                    }
                    Button {
                        objectName: "tagSelectionButton"
                        visible: root.note.tagging.mayTag
                        enabled: editor.selectedText.trim() !== ""
                        text: qsTr("Tag selection…")
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Tag the selected words with a theme (Ctrl+T)")
                        onClicked: root.tagSelection()
                    }
                    Button {
                        objectName: "addendumButton"
                        visible: root.note.mayAddAddendum
                        text: qsTr("Add addendum…")
                        onClicked: addendumDialog.open()
                    }
                    Button {
                        objectName: "discardButton"
                        visible: !root.note.readOnly
                        text: qsTr("Discard draft…")
                        Accessible.name: qsTr("Discard this draft")
                        onClicked: discardDialog.open()
                    }
                    PrimaryButton {
                        objectName: "signButton"
                        visible: !root.note.readOnly
                        text: qsTr("Sign…")
                        onClicked: signDialog.open()
                    }
                }
                Repeater {
                    model: root.note.addenda
                    Rectangle {
                        id: addendum
                        required property var modelData
                        Layout.fillWidth: true
                        implicitHeight: addendumText.implicitHeight + 20
                        radius: Style.radius
                        color: Style.surface
                        border.color: Style.border
                        Label {
                            id: addendumText
                            textFormat: Text.PlainText
                            x: 10
                            y: 10
                            width: parent.width - 20
                            wrapMode: Text.WordWrap
                            text: qsTr("Addendum by %1, %2: %3").arg(addendum.modelData.author).arg(Style.stamp(addendum.modelData.signedAt)).arg(addendum.modelData.text)
                            color: Style.text
                            font.pixelSize: Style.smallSize + 1
                        }
                    }
                }
            }

            ColumnLayout {
                Layout.preferredWidth: 300
                Layout.maximumWidth: 300
                Layout.fillHeight: true
                spacing: Style.gap
                AddictionFieldsCard {
                    objectName: "addictionFields"
                    Layout.preferredWidth: 300
                    visible: root.note.fields.available
                    editor: root.note
                }
                PlanObjectivesCard {
                    objectName: "notePlanObjectives"
                    Layout.preferredWidth: 300
                    visible: root.note.objectives.available
                    editor: root.note
                }
                SectionCard {
                    Layout.preferredWidth: 300
                    Layout.fillHeight: true
                    title: qsTr("Themes in this note")
                    note: root.note.tagging.tags.themes.length > 0 ? String(root.note.tagging.tags.themes.length) : ""
                    ListView {
                        objectName: "tagList"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        spacing: 8
                        model: root.note.tagging.tags.themes
                        ScrollBar.vertical: ScrollBar {}
                        delegate: ThemeEvidenceCard {
                            width: ListView.view.width
                            readOnly: root.note.readOnly
                            onDecided: (decision) => {
                                for (const tagId of modelData.tagIds)
                                    root.note.tagging.decide(tagId, decision);
                            }
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 260 // wraps inside the card rather than widening it
                        visible: root.note.tagging.tags.count === 0
                        text: qsTr("No themes found yet. They appear here as you write.")
                        color: Style.muted
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }
    }

    Dialog {
        id: signDialog
        objectName: "signDialog"
        // The note has a present risk flag and no assessment of its own: the dialog asks for one
        // from the start (a level and the action, or the assessment to follow).
        readonly property bool asksForAssessment: root.note.risk.needsAssessment
        readonly property string level: riskLevel.currentIndex >= 0 ? String(riskLevel.currentValue) : ""
        readonly property bool ready: level === "" ? !asksForAssessment
                                      : level === "to-follow" || riskAction.text.trim() !== ""
        title: asksForAssessment ? qsTr("Sign this note: risk assessment needed") : qsTr("Sign this note?")
        modal: true
        focus: true
        padding: 20
        anchors.centerIn: Overlay.overlay
        width: 460
        onOpened: {
            checklist.check(editor.text, root.note.tagging.tags);
            riskLevel.currentIndex = asksForAssessment ? -1 : 0;
            if (asksForAssessment)
                riskLevel.forceActiveFocus();
        }
        footer: DialogButtonBox {
            PrimaryButton {
                id: signOk
                objectName: "signOkButton"
                text: qsTr("Sign") // highlighted: Enter signs; plainly grey until a level is chosen
                enabled: signDialog.ready
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        ColumnLayout {
            width: parent.width
            spacing: 10
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("Signing locks the note with your name and the time. Afterwards it cannot be changed; only an addendum can be added.")
            }
            SignChecklist {
                id: checklist
            }
            Label {
                objectName: "signEmptySections"
                Layout.fillWidth: true
                visible: checklist.emptySections.length > 0
                wrapMode: Text.WordWrap
                color: Style.warning
                textFormat: Text.PlainText
                text: qsTr("Empty sections: %1. Once signed they stay empty; anything later goes in an addendum.")
                      .arg(checklist.emptySections.join(", "))
            }
            Label {
                objectName: "signUndecided"
                Layout.fillWidth: true
                visible: checklist.undecided.length > 0
                wrapMode: Text.WordWrap
                color: Style.muted
                textFormat: Text.PlainText
                text: qsTr("Theme suggestions not yet reviewed (%1), still yours to confirm or reject after signing:\n%2")
                      .arg(checklist.undecided.length).arg(checklist.undecided.slice(0, 6).map((s) => "• " + s).join("\n")
                                                           + (checklist.undecided.length > 6 ? "\n…" : ""))
            }
            Rectangle {
                objectName: "signRiskNotice"
                Layout.fillWidth: true
                visible: root.note.risk.flags.length > 0
                implicitHeight: notice.implicitHeight + 16
                radius: 6
                color: Style.dangerSoft
                border.color: Style.danger
                Label {
                    id: notice
                    x: 10
                    y: 8
                    width: parent.width - 20
                    wrapMode: Text.WordWrap
                    color: Style.danger
                    textFormat: Text.PlainText
                    text: [root.note.risk.flags.map((f) => qsTr("This note records %1 risk: “%2”.").arg(f.label.toLowerCase()).arg(f.evidence)).join(" "),
                           signDialog.asksForAssessment ? qsTr("Choose the assessed level and write the action taken, or sign with the assessment to follow.")
                                                        : qsTr("The note documents its risk assessment."),
                           root.note.kind === "process" ? qsTr("This is a private process note: record the risk and its assessment in the progress note too.") : ""]
                          .filter((part) => part !== "").join("\n")
                }
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.bold: true
                text: qsTr("Risk assessment")
            }
            Label {
                Layout.fillWidth: true
                visible: !signDialog.asksForAssessment
                wrapMode: Text.WordWrap
                color: Style.muted
                text: qsTr("A note that records suicide, self-harm, overdose, harm to others or abuse risk needs the assessed level and the action taken. In an emergency, sign with the assessment to follow: the risk stays open in the review queue.")
            }
            ComboBox {
                id: riskLevel
                objectName: "riskLevel"
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "value"
                displayText: currentIndex < 0 ? qsTr("Choose the assessed level…") : currentText
                Accessible.name: qsTr("Assessed risk level")
                model: (signDialog.asksForAssessment ? [] : [{ text: qsTr("No risk assessment in this note"), value: "" }]).concat([
                    { text: qsTr("Low"), value: "low" },
                    { text: qsTr("Moderate"), value: "moderate" },
                    { text: qsTr("High"), value: "high" },
                    { text: qsTr("Assessment to follow (emergency; the risk stays open)"), value: "to-follow" }
                ])
            }
            TextArea {
                id: riskAction
                objectName: "riskAction"
                Layout.fillWidth: true
                Layout.preferredHeight: 80
                visible: signDialog.level === "low" || signDialog.level === "moderate" || signDialog.level === "high"
                placeholderText: qsTr("Action taken (safety plan reviewed, crisis line given, …)")
                wrapMode: TextEdit.Wrap
                Accessible.name: qsTr("Action taken")
                KeyNavigation.priority: KeyNavigation.BeforeItem
                KeyNavigation.tab: signOk
            }
        }
        onAccepted: {
            root.note.signWithAssessment(signDialog.level, riskAction.text);
            riskAction.clear();
        }
    }
    Dialog {
        id: discardDialog
        objectName: "discardDialog"
        title: qsTr("Discard this draft?")
        modal: true
        focus: true
        padding: 20
        anchors.centerIn: Overlay.overlay
        width: 440
        footer: DialogButtonBox {
            Button {
                objectName: "discardOkButton"
                text: qsTr("Discard")
                DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole
                onClicked: {
                    discardDialog.close();
                    root.note.discard();
                }
            }
            Button {
                text: qsTr("Keep the draft")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        Label {
            width: parent.width
            wrapMode: Text.WordWrap
            text: qsTr("The draft's text, its themes and its progress ratings are removed for good. The session stays on the client's record; the audit trail records that a draft was discarded, never its text.")
        }
    }
    Connections {
        target: root.note
        function onNoteDiscarded() { root.back(); }
    }
    SessionDetailsDialog {
        id: sessionDialog
        note: root.note
    }
    TagSelectionDialog {
        id: tagDialog
        note: root.note
        onClosed: editor.forceActiveFocus()
    }
    Dialog {
        id: addendumDialog
        title: qsTr("Add an addendum")
        modal: true
        focus: true
        padding: 20
        anchors.centerIn: Overlay.overlay
        width: 480
        standardButtons: Dialog.Cancel | Dialog.Ok
        onOpened: addendumField.forceActiveFocus()
        onAccepted: {
            root.note.addAddendum(addendumField.text);
            addendumField.clear();
        }
        TextArea {
            id: addendumField
            width: parent.width
            height: 120
            wrapMode: TextEdit.Wrap
            placeholderText: qsTr("What is corrected or added, and why")
            Accessible.name: qsTr("Addendum text")
        }
    }
}
