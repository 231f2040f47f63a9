// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The note under review, read-only: its text with the evidence of each theme highlighted, the
// themes, addenda and comments; then what the reader's role may do with it (comment, co-sign,
// return with a comment). Which buttons show is the permission matrix's answer. A note received from
// the practice reads the same, its author's signature as verified at sync; its actions go to the
// practice server in the background, one at a time, and say how it went (sent, not sent, refused).
Rectangle {
    id: root

    required property NoteReview review
    signal editNote

    readonly property bool signed: review.status === "signed"
    readonly property bool practice: review.fromPractice
    readonly property bool hasComment: commentField.text.trim().length > 0 && !review.sending
    readonly property bool mayCosign: VaultSession.permissions["cosign"] === true && signed
    readonly property bool mayReturn: VaultSession.permissions["return-note"] === true && signed
    readonly property bool mayComment: VaultSession.permissions["comment"] === true
    readonly property bool isAuthor: !practice && review.author === VaultSession.userName
    // Her own note reviewed through the practice: a comment here would reach nobody, so none is offered.
    readonly property bool answersByAddendum: isAuthor && review.practiceReviewed

    function comment() {
        if (root.practice) root.review.practiceComment(commentField.text);
        else root.review.comment(commentField.text);
    }
    function returnNote() {
        if (root.practice) root.review.practiceReturn(commentField.text);
        else root.review.returnToAuthor(commentField.text);
    }

    objectName: "reviewNotePane"
    radius: Style.radius
    color: Style.surface
    border.color: Style.border

    Connections {
        target: root.review
        function onActed() {
            commentField.clear();
            error.text = "";
        }
        function onFailed(failure) { error.text = failure.message; }
        function onOpened() { error.text = ""; }
        function onOpenedItem() { error.text = ""; }
        function onPracticeActed(item, action, outcome) {
            if (outcome === "sent" && action !== "cosign")
                commentField.clear();
        }
    }

    Label {
        anchors.centerIn: parent
        visible: root.review.noteId === 0 && !root.practice
        textFormat: Text.PlainText
        text: qsTr("Choose a note from the queue.")
        color: Style.muted
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 14
        spacing: 10
        visible: root.review.noteId !== 0 || root.practice

        RowLayout {
            Layout.fillWidth: true
            spacing: 10
            Label {
                textFormat: Text.PlainText
                objectName: "reviewTitle"
                text: qsTr("%1 · %2").arg(root.review.clientCode).arg(Style.date(root.review.date))
                color: Style.text
                font.pixelSize: Style.headingSize
                font.weight: Font.DemiBold
            }
            StatusBadge { status: root.review.status }
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: root.review.status === "cosigned"
                      ? qsTr("%1 by %2, signed %3; co-signed by %4, %5").arg(root.review.templateLabel).arg(root.review.author)
                            .arg(Style.stamp(root.review.signedAt)).arg(root.review.cosignedBy).arg(Style.stamp(root.review.cosignedAt))
                      : qsTr("%1 by %2, signed %3").arg(root.review.templateLabel).arg(root.review.author).arg(Style.stamp(root.review.signedAt))
                color: Style.muted
                font.pixelSize: Style.smallSize
                elide: Text.ElideRight
            }
        }
        Label {
            objectName: "practiceProvenance"
            Layout.fillWidth: true
            visible: root.practice
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            text: qsTr("Received from the practice: written on the author's own machine (practice member %1); the author's "
                       + "signature was verified when your sync received it (%2). Read-only: the client's code is the "
                       + "author's, and the note carries no name.")
                  .arg(root.review.authorMember).arg(root.review.signatureState)
            color: Style.muted
            font.pixelSize: Style.smallSize
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 8
                Rectangle {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    radius: Style.radius
                    border.color: Style.border
                    ScrollView {
                        anchors.fill: parent
                        anchors.margins: 1
                        TextArea {
                            id: noteText
                            objectName: "reviewText"
                            text: root.review.text
                            readOnly: true
                            wrapMode: TextEdit.Wrap
                            textFormat: TextEdit.PlainText
                            selectByMouse: true
                            leftPadding: 14
                            rightPadding: 14
                            color: Style.text
                            background: null
                            Accessible.name: qsTr("Note text")
                        }
                    }
                    EvidenceHighlighter {
                        document: noteText.textDocument
                        tags: root.review.tags
                    }
                }
                Repeater {
                    model: root.review.addenda
                    Label {
                        textFormat: Text.PlainText
                        required property var modelData
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        text: qsTr("Addendum by %1, %2: %3").arg(modelData.author).arg(Style.stamp(modelData.signedAt)).arg(modelData.text)
                        color: Style.text
                        font.pixelSize: Style.smallSize + 1
                    }
                }
            }

            ColumnLayout {
                Layout.preferredWidth: 260
                Layout.maximumWidth: 260
                Layout.fillHeight: true
                spacing: 8
                FieldLabel { text: qsTr("Themes in this note") }
                Label {
                    Layout.fillWidth: true
                    visible: root.practice
                    textFormat: Text.PlainText
                    text: qsTr("Not shown for a note from the practice: its themes are kept in the author's vault.")
                    color: Style.muted
                    wrapMode: Text.WordWrap
                    font.pixelSize: Style.smallSize
                }
                Label {
                    objectName: "themesHidden"
                    Layout.fillWidth: true
                    visible: root.review.themesHidden
                    textFormat: Text.PlainText
                    text: qsTr("Hidden until you rate this note in your agreement check.")
                    color: Style.warning
                    wrapMode: Text.WordWrap
                    font.pixelSize: Style.smallSize
                }
                ListView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: 80
                    clip: true
                    spacing: 6
                    model: root.review.tags
                    ScrollBar.vertical: ScrollBar {}
                    delegate: TagChip {
                        width: ListView.view.width
                        readOnly: true
                    }
                }
                FieldLabel { text: qsTr("Comments") }
                ScrollView {
                    id: commentsView
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.min(comments.implicitHeight, 200)
                    clip: true
                    ColumnLayout {
                        id: comments
                        // As wide as the column is given (narrower than 260 in a small window): the
                        // words wrap rather than run under the pane's edge.
                        width: commentsView.availableWidth
                        spacing: 6
                        Label {
                            visible: root.review.comments.length === 0
                            textFormat: Text.PlainText
                            text: qsTr("No comments yet.")
                            color: Style.muted
                            font.pixelSize: Style.smallSize
                        }
                        Repeater {
                            model: root.review.comments
                            Label {
                                required property var modelData
                                Layout.fillWidth: true
                                wrapMode: Text.WordWrap
                                // A comment's signature: said only when it is not the ordinary verified one.
                                readonly property string mark: modelData.signature === "unsigned"
                                                               ? qsTr(" (unsigned: written before comments were signed)")
                                                               : modelData.signature === "broken"
                                                                 ? qsTr(" (signature does not hold: %1)").arg(modelData.signatureProblem) : ""
                                text: (modelData.returned ? qsTr("Returned by %1, %2: %3") : qsTr("%1, %2: %3"))
                                      .arg(modelData.author).arg(Style.stamp(modelData.created)).arg(modelData.text) + mark
                                textFormat: Text.PlainText
                                color: modelData.returned || modelData.signature === "broken" ? Style.danger : Style.text
                                font.pixelSize: Style.smallSize + 1
                            }
                        }
                    }
                }
            }
        }

        Label {
            id: error
            objectName: "reviewError"
            Layout.fillWidth: true
            visible: text !== ""
            color: Style.danger
            wrapMode: Text.WordWrap
            textFormat: Text.PlainText
        }
        Label {
            objectName: "practiceOutcome"
            Layout.fillWidth: true
            visible: root.practice && text !== ""
            text: root.review.practiceMessage
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            padding: root.review.practiceOutcome === "refused" ? 8 : 0
            color: root.review.practiceOutcome === "sent" || root.review.practiceOutcome === "sending" ? Style.muted : Style.danger
            background: Rectangle {
                visible: root.review.practiceOutcome === "refused"
                color: Style.dangerSoft
                radius: Style.radius
            }
            Accessible.name: text
        }
        RowLayout {
            Layout.fillWidth: true
            visible: (root.mayComment || root.mayCosign) && !root.answersByAddendum
            spacing: 8
            TextField {
                id: commentField
                objectName: "commentField"
                Layout.fillWidth: true
                placeholderText: root.mayReturn ? qsTr("A comment for the therapist (needed to return the note)")
                                                : qsTr("A comment on this note")
                Accessible.name: qsTr("Comment")
                onAccepted: if (root.hasComment && root.mayComment) root.comment()
            }
            Button {
                objectName: "commentButton"
                visible: root.mayComment
                enabled: root.hasComment
                text: qsTr("Comment")
                onClicked: root.comment()
            }
            Button {
                objectName: "returnButton"
                visible: root.mayReturn
                enabled: root.hasComment
                text: qsTr("Return with comment")
                ToolTip.visible: hovered && !enabled
                ToolTip.text: qsTr("Write what the therapist should address first.")
                onClicked: root.returnNote()
            }
            PrimaryButton {
                objectName: "cosignButton"
                visible: root.mayCosign
                enabled: !root.review.sending
                text: qsTr("Co-sign…")
                onClicked: cosignDialog.open()
            }
        }
        RowLayout {
            Layout.fillWidth: true
            visible: root.isAuthor && VaultSession.permissions["add-addendum"] === true
            Label {
                objectName: "answerHint"
                Layout.fillWidth: true
                textFormat: Text.PlainText
                text: root.answersByAddendum
                      ? qsTr("Your practice supervisor reviews this note through the practice server: answer with an "
                             + "addendum, which your next sync sends to them (a returned note stays returned until you "
                             + "do). A comment would stay on this machine.")
                      : qsTr("Answer a returned note with an addendum; it stays returned until you do.")
                color: Style.muted
                font.pixelSize: Style.smallSize
                wrapMode: Text.WordWrap
            }
            Button {
                objectName: "openInEditorButton"
                text: qsTr("Open to add an addendum…")
                onClicked: root.editNote()
            }
        }
    }

    Dialog {
        id: cosignDialog
        objectName: "cosignDialog"
        title: qsTr("Co-sign this note?")
        modal: true
        padding: 20
        anchors.centerIn: Overlay.overlay
        width: 420
        standardButtons: Dialog.Cancel | Dialog.Ok
        Label {
            width: parent.width
            wrapMode: Text.WordWrap
            textFormat: Text.PlainText
            text: root.practice
                  ? qsTr("Co-signing sends your signature over the note's signed content to the practice server; the "
                         + "therapist sees it at their next sync. It cannot be undone.")
                  : qsTr("Co-signing records your name and the time with the note's signed content. It cannot be undone.")
        }
        onAccepted: root.practice ? root.review.practiceCosign() : root.review.cosign()
    }
}
