// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The client's safety plan in force (Stanley–Brown, seven steps), who signed it and when; with the
// buttons to write its next version and to print the client's take-home copy. In review with the
// client it is shown read-only (editable: false).
SectionCard {
    id: root

    required property string clientCode
    property bool editable: true
    readonly property SafetyPlanEditor plan: Workspace.safetyPlan

    objectName: "safetyPlanCard"
    title: qsTr("Safety plan")
    note: root.plan.version === 0 ? qsTr("none yet")
                                  : qsTr("version %1, signed by %2, %3").arg(root.plan.version).arg(root.plan.author)
                                        .arg(Style.date(root.plan.signedAt.substring(0, 10)))
    onClientCodeChanged: if (clientCode !== "") root.plan.load(clientCode)
    Component.onCompleted: if (clientCode !== "") root.plan.load(clientCode)

    actions: [
        Button {
            objectName: "editSafetyPlanButton"
            visible: root.editable && VaultSession.can("write-note")
            text: root.plan.version === 0 ? qsTr("Write…") : qsTr("New version…")
            Accessible.name: qsTr("Write the safety plan's next version")
            onClicked: dialog.openFor(root.clientCode)
        },
        ReportButton {
            objectName: "printSafetyPlanButton"
            visible: root.editable && root.plan.version > 0
            text: qsTr("Print for the client")
            hint: qsTr("Save the client's take-home copy as PDF")
            fileName: qsTr("Safety plan %1").arg(root.clientCode)
            onChosen: (file) => Workspace.reports.printSafetyPlan(root.clientCode, file)
        }
    ]

    Label {
        Layout.fillWidth: true
        visible: root.plan.version > 0 && !root.plan.verified
        text: qsTr("This version does not match its signature: it was changed outside the app.")
        color: Style.danger
        wrapMode: Text.WordWrap
    }
    Label {
        textFormat: Text.PlainText
        Layout.fillWidth: true
        visible: root.plan.version === 0
        text: root.editable ? qsTr("No safety plan yet. Write one with the client: warning signs, what helps, who to call.")
                            : qsTr("No safety plan yet.")
        color: Style.muted
        wrapMode: Text.WordWrap
    }
    Repeater {
        objectName: "safetyPlanSteps"
        model: root.plan.version > 0 ? root.plan.titles.length : 0
        ColumnLayout {
            id: step
            required property int index
            readonly property string items: root.plan.steps[index] ?? ""
            Layout.fillWidth: true
            spacing: 2
            Label {
                textFormat: Text.PlainText
                text: qsTr("%1. %2").arg(step.index + 1).arg(root.plan.titles[step.index])
                color: Style.text
                font.weight: Font.DemiBold
            }
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: step.items === "" ? "—" : step.items.split("\n").map((item) => "• " + item).join("\n")
                color: step.items === "" ? Style.muted : Style.text
                wrapMode: Text.WordWrap
            }
        }
    }

    SafetyPlanDialog {
        id: dialog
    }
}
