// SPDX-License-Identifier: GPL-3.0-or-later
// No "pragma ComponentBehavior: Bound" here: in Qt 6.4 it leaves a ListView's section delegate
// "not ready", and the queue is grouped by therapist with one.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The review queue beside the note under review. A supervisor sees their therapists' signed notes
// waiting for a co-signature, by therapist and oldest first; a therapist sees their own notes
// waiting on a supervisor, and those returned to them with the comment.
Rectangle {
    id: root

    required property ReviewQueueModel queue
    required property NoteReview review
    required property string userName
    property bool demo: false
    signal lockRequested
    signal editNote(int noteId)

    objectName: "reviewQueueScreen"
    color: Style.background

    Component.onCompleted: root.queue.reload()

    function open(index: int) {
        list.currentIndex = index;
        if (!list.currentItem)
            return;
        // A note received from the practice has an item id and no note id in this vault.
        const item = list.currentItem.item;
        const noteId = list.currentItem.noteId;
        if (item !== "") {
            if (item !== root.review.item)
                root.review.openReceived(item);
        } else if (noteId > 0 && noteId !== root.review.noteId) {
            root.review.open(noteId);
        }
    }
    // The row of whatever note is open.
    function currentRow(): int {
        return root.review.fromPractice ? root.queue.indexOfItem(root.review.item) : root.queue.indexOf(root.review.noteId);
    }

    Connections {
        target: root.queue
        // The first note opens by itself, so the screen never starts empty-handed.
        function onCountChanged() {
            if (root.review.noteId === 0 && !root.review.fromPractice && root.queue.count > 0)
                root.open(0);
            else
                list.currentIndex = root.currentRow();
        }
    }

    Connections {
        target: Workspace.sync
        // A sync may have received notes from the practice: they join the queue.
        function onFinished() { root.queue.reload(); }
    }

    Connections {
        target: root.review
        // The list marks whichever note is open, however it was opened.
        function onLoaded() { list.currentIndex = root.currentRow(); }
        // Co-signed through the practice: the row says so (the server took it).
        function onPracticeActed(item, action, outcome) {
            if (action === "cosign" && outcome === "sent")
                root.queue.markCosigned(item);
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TopBar {
            Layout.fillWidth: true
            userName: root.userName
            demo: root.demo
            onLockRequested: root.lockRequested()
            Label {
                textFormat: Text.PlainText
                text: VaultSession.role === "therapist" ? qsTr("My notes in review") : qsTr("Review queue")
                color: Style.text
                font.pixelSize: Style.headingSize + 3
                font.weight: Font.DemiBold
            }
            Label {
                textFormat: Text.PlainText
                objectName: "queueCount"
                text: Style.plural(root.queue.waitingCount, qsTr("note waiting"), qsTr("notes waiting"))
                      + (root.queue.returnedCount > 0 ? qsTr(", %1 returned").arg(root.queue.returnedCount) : "")
                color: Style.muted
                font.pixelSize: Style.smallSize
            }
            ReportButton {
                objectName: "supervisionReportButton"
                // A therapist reports on their own notes; a supervisor on the therapist of the note open.
                readonly property string therapist: VaultSession.role === "therapist" ? VaultSession.userName : root.review.author
                visible: VaultSession.can("supervision-report")
                enabled: therapist !== ""
                text: qsTr("Supervision report (PDF)")
                fileName: qsTr("Supervision report %1").arg(therapist)
                onChosen: (file) => Workspace.reports.writeSupervisionReport(therapist, "", "", file)
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Style.gap
            spacing: Style.gap

            ColumnLayout {
                Layout.preferredWidth: 340
                Layout.maximumWidth: 340
                Layout.fillHeight: true
                spacing: Style.gap
                Label {
                    objectName: "practiceProblem"
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: root.queue.practiceProblem
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                    color: Style.danger
                    padding: 8
                    background: Rectangle { color: Style.dangerSoft; radius: Style.radius }
                }
                Rectangle {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    radius: Style.radius
                    color: Style.surface
                    border.color: Style.border
                    clip: true
                    ListView {
                        id: list
                        objectName: "queueList"
                        anchors.fill: parent
                        anchors.margins: 1
                        model: root.queue
                        keyNavigationEnabled: true
                        focus: true
                        currentIndex: -1
                        boundsBehavior: Flickable.StopAtBounds
                        ScrollBar.vertical: ScrollBar {}
                        Accessible.name: qsTr("Notes waiting for review")
                        Keys.onReturnPressed: root.open(list.currentIndex)
                        Keys.onSpacePressed: root.open(list.currentIndex)
                        section.property: "therapist"
                        section.delegate: Rectangle {
                            id: header
                            required property string section
                            width: ListView.view.width
                            implicitHeight: 30
                            color: Style.background
                            FieldLabel {
                                anchors.verticalCenter: parent.verticalCenter
                                x: 10
                                text: qsTr("Notes by %1").arg(header.section)
                            }
                        }
                        delegate: QueueDelegate {
                            width: ListView.view.width
                            current: ListView.isCurrentItem
                            showSupervisor: VaultSession.role === "therapist"
                            onClicked: root.open(index)
                        }
                    }
                    Label {
                        textFormat: Text.PlainText
                        objectName: "emptyQueue"
                        anchors.centerIn: parent
                        width: parent.width - 48
                        visible: root.queue.count === 0 && !root.queue.loading
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                        color: Style.muted
                        text: VaultSession.role === "therapist" ? qsTr("None of your notes is waiting on a supervisor.")
                                                                : qsTr("Nothing waiting: every signed note of your therapists is co-signed.")
                    }
                }
            }

            ReviewNotePane {
                Layout.fillWidth: true
                Layout.fillHeight: true
                review: root.review
                onEditNote: root.editNote(root.review.noteId)
            }
        }
    }
}
