// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The client's treatment plan at a glance: each objective of the newest version with its target
// date, its latest rating on a progress note and, when it is tied to a measure, whether the latest
// score reaches it. Hidden from a user who may not read plans (the overview's planVersion is 0 for
// them, as for a client without a plan). The plan's own therapist (any therapist while the client
// has none) writes its next version and records its reviews from here.
SectionCard {
    id: root

    required property ClientOverview overview
    readonly property PlanEditor editor: Workspace.planEditor
    readonly property string code: root.overview.code
    // The editor has this client loaded and the user may write its plan.
    readonly property bool mayWrite: VaultSession.can("write-note") && root.editor.code === root.code
                                     && root.editor.mayChange

    onCodeChanged: if (root.code !== "" && VaultSession.can("write-note")) root.editor.load(root.code)
    Component.onCompleted: if (root.code !== "" && VaultSession.can("write-note")) root.editor.load(root.code)
    Connections {
        target: root.overview.plan
        // A version written or a review recorded elsewhere (the command line) shows on the next open.
        function onChanged() {
            if (root.code !== "" && VaultSession.can("write-note") && root.overview.plan.version !== root.editor.version)
                root.editor.load(root.code);
        }
    }

    objectName: "planCard"
    title: qsTr("Treatment plan")
    note: root.overview.plan.version === 0 ? qsTr("none yet")
                                          : qsTr("version %1, in force since %2").arg(root.overview.plan.version)
                                                .arg(Style.date(root.overview.plan.effective))

    actions: [
        Button {
            objectName: "reviewPlanButton"
            visible: root.mayWrite && root.editor.version > 0
            text: qsTr("Record review…")
            Accessible.name: qsTr("Record a review of the treatment plan")
            onClicked: reviewDialog.start()
        },
        Button {
            objectName: "writePlanButton"
            visible: root.mayWrite
            text: root.editor.version === 0 ? qsTr("Write plan…") : qsTr("New version…")
            Accessible.name: root.editor.version === 0 ? qsTr("Write the treatment plan")
                                                       : qsTr("Write the treatment plan's next version")
            onClicked: planDialog.start()
        }
    ]

    Label {
        Layout.fillWidth: true
        visible: root.overview.plan.version > 0 && !root.overview.plan.verified
        text: qsTr("This version does not match its signature: it was changed outside the app.")
        color: Style.danger
        wrapMode: Text.WordWrap
    }
    Label {
        textFormat: Text.PlainText
        Layout.fillWidth: true
        visible: root.overview.plan.version === 0
        text: root.mayWrite ? qsTr("No treatment plan yet. Write it with the client: problems, goals, measurable objectives.")
                            : qsTr("No treatment plan yet.")
        color: Style.muted
        wrapMode: Text.WordWrap
    }
    Repeater {
        objectName: "planObjectives"
        model: root.overview.plan.objectives
        ColumnLayout {
            id: objective
            required property string objectiveId
            required property string text
            required property string goal
            required property string target
            required property string rating
            required property string ratingLabel
            required property string ratedOn
            required property string measureLine
            required property bool measureReached
            required property var history
            Layout.fillWidth: true
            spacing: 2
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Objective %1: %2. %3").arg(objective.objectiveId).arg(objective.text)
                                 .arg(objective.rating === "" ? qsTr("Not rated yet") : objective.ratingLabel)

            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                Label {
                    textFormat: Text.PlainText
                    text: objective.objectiveId
                    color: Style.muted
                    font.pixelSize: Style.smallSize
                }
                Label {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: objective.text
                    color: Style.text
                    wrapMode: Text.WordWrap
                    ToolTip.visible: hover.hovered
                    ToolTip.text: qsTr("Goal: %1").arg(objective.goal)
                    HoverHandler {
                        id: hover
                    }
                }
                Rectangle {
                    readonly property bool worse: objective.rating === "worse"
                    readonly property bool good: objective.rating === "much" || objective.rating === "met"
                    implicitWidth: ratingText.implicitWidth + 14
                    implicitHeight: ratingText.implicitHeight + 4
                    radius: 4
                    color: worse ? Style.dangerSoft : good ? Style.accentSoft : Style.chip
                    Label {
                        id: ratingText
                        textFormat: Text.PlainText
                        anchors.centerIn: parent
                        text: objective.rating === "" ? qsTr("not rated yet") : objective.ratingLabel
                        color: parent.worse ? Style.danger : parent.good ? Style.accent : Style.chipText
                        font.pixelSize: Style.smallSize
                    }
                }
            }
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: [objective.target === "" ? "" : qsTr("target %1").arg(Style.date(objective.target)),
                       objective.ratedOn === "" ? "" : qsTr("rated %1").arg(Style.date(objective.ratedOn)),
                       objective.measureLine].filter((part) => part !== "").join(" · ")
                color: objective.measureLine !== "" && objective.measureReached ? Style.accent : Style.muted
                font.pixelSize: Style.smallSize
                wrapMode: Text.WordWrap
            }
            // Its progress over time: a small square per rating, by session date, oldest first (the
            // latest 24; the rest counted), coloured as the latest chip; the date and words on hover.
            RowLayout {
                id: strip
                readonly property var shown: objective.history.slice(-24)
                objectName: "planHistory-" + objective.objectiveId
                Layout.fillWidth: true
                visible: objective.history.length > 1
                spacing: 6
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Ratings of objective %1 over time: %2").arg(objective.objectiveId)
                                     .arg(strip.shown.map((p) => Style.date(p.date) + " " + p.label).join(", "))
                Label {
                    textFormat: Text.PlainText
                    visible: objective.history.length > strip.shown.length
                    text: qsTr("%1 earlier").arg(objective.history.length - strip.shown.length)
                    color: Style.muted
                    font.pixelSize: Style.smallSize - 1
                }
                Row {
                    spacing: 2
                    Repeater {
                        model: strip.shown
                        Rectangle {
                            id: point
                            required property var modelData
                            width: 10
                            height: 10
                            radius: 2
                            color: point.modelData.rating === "worse" ? Style.danger
                                 : point.modelData.rating === "met" || point.modelData.rating === "much" ? Style.accent
                                 : point.modelData.rating === "some" ? Style.accentSoft : Style.chip
                            border.color: Style.border
                            ToolTip.visible: pointHover.hovered
                            ToolTip.text: qsTr("%1: %2").arg(Style.date(point.modelData.date)).arg(point.modelData.label)
                            HoverHandler {
                                id: pointHover
                            }
                        }
                    }
                }
                Item { Layout.fillWidth: true }
            }
        }
    }

    PlanDialog {
        id: planDialog
    }
    PlanReviewDialog {
        id: reviewDialog
    }
}
