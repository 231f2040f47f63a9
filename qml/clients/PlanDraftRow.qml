// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// One row of the plan being written: a problem, a goal or an objective (its text, target date, how
// it is measured, an optional target on a measure, the interventions a line each), indented by its
// place. Enter in its text adds the next row of its kind; the buttons add what goes under it.
ColumnLayout {
    id: root

    required property PlanDraft draft
    required property int index
    required property int kind
    required property string text
    required property string objectiveId
    required property string targetDate
    required property string measuredBy
    required property string instrument
    required property string comparison
    required property string score
    required property string interventions
    required property string number
    readonly property bool isObjective: root.kind === PlanDraft.Objective
    readonly property string kindName: root.kind === PlanDraft.Problem ? qsTr("Problem")
                                     : root.kind === PlanDraft.Goal ? qsTr("Goal") : qsTr("Objective")
    // A row was added at this index: the dialog moves the keyboard there.
    signal added(int row)

    function focusText() { textField.forceActiveFocus(); }

    Layout.fillWidth: true
    Layout.leftMargin: root.kind * 12
    Layout.topMargin: root.kind === PlanDraft.Problem && root.index > 0 ? 10 : 0
    spacing: 4

    RowLayout {
        Layout.fillWidth: true
        spacing: 6
        ColumnLayout {
            Layout.fillWidth: false // a layout in a layout fills by default
            Layout.preferredWidth: 136 - root.kind * 12
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: 6
            spacing: 0
            FieldLabel {
                Layout.fillWidth: true
                text: qsTr("%1 %2").arg(root.kindName).arg(root.number)
                elide: Text.ElideRight
            }
            Label {
                textFormat: Text.PlainText
                visible: root.objectiveId !== ""
                text: root.objectiveId
                color: Style.muted
                font.pixelSize: Style.smallSize
            }
        }
        // Wraps, so the whole line shows; Enter adds the next row instead of a line break.
        TextArea {
            id: textField
            objectName: "planText-" + root.number
            Layout.fillWidth: true
            wrapMode: TextEdit.Wrap
            text: root.text
            placeholderText: root.kind === PlanDraft.Problem ? qsTr("What brings them, in a line")
                           : root.kind === PlanDraft.Goal ? qsTr("What they want to reach")
                           : qsTr("What will show it, measurably")
            Accessible.name: qsTr("%1 %2").arg(root.kindName).arg(root.number)
            background: Rectangle {
                radius: 4
                color: Style.surface
                border.color: textField.activeFocus ? Style.accent : Style.border
            }
            onTextChanged: if (activeFocus) root.draft.setField(root.index, "text", text)
            Keys.onReturnPressed: (event) => root.addSibling(event)
            Keys.onEnterPressed: (event) => root.addSibling(event)
            Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
            Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
        }
        Button {
            objectName: "planAddUnder-" + root.number
            visible: !root.isObjective
            text: root.kind === PlanDraft.Problem ? qsTr("+ Goal") : qsTr("+ Objective")
            Accessible.name: root.kind === PlanDraft.Problem ? qsTr("Add a goal to problem %1").arg(root.number)
                                                            : qsTr("Add an objective to goal %1").arg(root.number)
            onClicked: root.added(root.kind === PlanDraft.Problem ? root.draft.addGoal(root.index)
                                                                  : root.draft.addObjective(root.index))
        }
        Button {
            objectName: "planRemove-" + root.number
            text: "✕"
            flat: true
            Accessible.name: qsTr("Remove %1 %2").arg(root.kindName.toLowerCase()).arg(root.number)
            ToolTip.visible: hovered
            ToolTip.text: Accessible.name
            onClicked: root.added(root.draft.remove(root.index))
        }
    }

    GridLayout {
        visible: root.isObjective
        Layout.fillWidth: true
        Layout.leftMargin: 142 - root.kind * 12
        columns: 2
        columnSpacing: 8
        rowSpacing: 4
        TextField {
            objectName: "planTarget-" + root.number
            Layout.preferredWidth: 150
            text: root.targetDate
            placeholderText: qsTr("target YYYY-MM-DD")
            Accessible.name: qsTr("Target date of objective %1").arg(root.number)
            onTextEdited: root.draft.setField(root.index, "targetDate", text)
        }
        TextField {
            objectName: "planMeasuredBy-" + root.number
            Layout.fillWidth: true
            text: root.measuredBy
            placeholderText: qsTr("How it is measured: PHQ-9 every four weeks, client report…")
            Accessible.name: qsTr("How objective %1 is measured").arg(root.number)
            onTextEdited: root.draft.setField(root.index, "measuredBy", text)
        }
        RowLayout {
            Layout.columnSpan: 2
            spacing: 6
            ComboBox {
                id: instrumentBox
                readonly property var choices: [{ id: "", name: qsTr("No linked measure") }].concat(root.draft.instruments)
                objectName: "planInstrument-" + root.number
                Layout.preferredWidth: 180
                model: instrumentBox.choices
                textRole: "name"
                valueRole: "id"
                currentIndex: Math.max(0, instrumentBox.choices.findIndex((c) => c.id === root.instrument))
                Accessible.name: qsTr("Measure linked to objective %1").arg(root.number)
                onActivated: root.draft.setField(root.index, "instrument", currentValue)
            }
            ComboBox {
                readonly property var values: ["<", "<=", ">", ">="]
                objectName: "planComparison-" + root.number
                enabled: root.instrument !== ""
                model: [qsTr("below"), qsTr("at most"), qsTr("above"), qsTr("at least")]
                currentIndex: Math.max(0, values.indexOf(root.comparison))
                Accessible.name: qsTr("Target comparison of objective %1").arg(root.number)
                onActivated: (i) => root.draft.setField(root.index, "comparison", values[i])
            }
            TextField {
                objectName: "planScore-" + root.number
                Layout.preferredWidth: 70
                enabled: root.instrument !== ""
                text: root.score
                placeholderText: qsTr("score")
                inputMethodHints: Qt.ImhDigitsOnly
                Accessible.name: qsTr("Target score of objective %1").arg(root.number)
                onTextEdited: root.draft.setField(root.index, "score", text)
            }
        }
        TextArea {
            id: interventionsArea
            objectName: "planInterventions-" + root.number
            Layout.columnSpan: 2
            Layout.fillWidth: true
            Layout.minimumHeight: 48
            wrapMode: TextEdit.Wrap
            text: root.interventions
            placeholderText: qsTr("Interventions, one a line: behavioural activation, relapse-prevention plan…")
            Accessible.name: qsTr("Interventions for objective %1, one a line").arg(root.number)
            background: Rectangle {
                radius: 4
                color: Style.surface
                border.color: interventionsArea.activeFocus ? Style.accent : Style.border
            }
            onTextChanged: if (activeFocus) root.draft.setField(root.index, "interventions", text)
            // Tab leaves the field (a tab is no part of an intervention).
            Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
            Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
        }
    }

    function addSibling(event: KeyEvent) {
        if (event.modifiers & Qt.ControlModifier) { // Ctrl+Enter saves: the dialog's
            event.accepted = false;
            return;
        }
        if (root.kind === PlanDraft.Problem)
            root.added(root.draft.addProblem());
        else if (root.kind === PlanDraft.Goal)
            root.added(root.draft.addGoal(root.index));
        else
            root.added(root.draft.addObjective(root.index));
    }
}
