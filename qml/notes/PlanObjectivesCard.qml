// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The plan objectives a progress note rates (docs/plan.md "Progress in notes"): each open objective
// of the plan in force on the session's date with its target and this note's rating, from "not
// addressed" to "met". Tab reaches each rating; the arrow keys choose, saved at once. A signed note
// shows its ratings fixed.
SectionCard {
    id: root

    required property NoteEditor editor
    readonly property NoteObjectives objectives: root.editor.objectives
    // The objective last rated here: its control takes the focus back when the list is read again
    // after the save, so the arrow keys go on where they were.
    property string lastRated

    Connections {
        target: root.editor
        function onLoaded() { root.lastRated = ""; }
    }
    Connections {
        target: root.objectives
        function onChanged() { Qt.callLater(root.refocus); }
    }
    function refocus() {
        const at = root.objectives.objectives.findIndex((o) => o.objectiveId === root.lastRated);
        const row = at >= 0 ? list.itemAtIndex(at) : null;
        if (row)
            row.control.forceActiveFocus(Qt.TabFocusReason);
    }

    title: qsTr("Plan objectives")
    note: root.objectives.version > 0 ? qsTr("plan version %1").arg(root.objectives.version) : ""

    Label {
        textFormat: Text.PlainText
        Layout.fillWidth: true
        visible: root.objectives.problem !== ""
        text: root.objectives.problem
        color: Style.danger
        wrapMode: Text.WordWrap
    }
    Label {
        textFormat: Text.PlainText
        Layout.fillWidth: true
        visible: !root.objectives.mayRate && root.objectives.problem === ""
        text: root.editor.status === "draft" ? qsTr("Only the note's author rates progress on it.")
                                             : qsTr("Rated when the note was signed; fixed since.")
        color: Style.muted
        font.pixelSize: Style.smallSize
        wrapMode: Text.WordWrap
    }
    ListView {
        id: list
        objectName: "planObjectiveList"
        Layout.fillWidth: true
        // Three objectives show whole; more scroll, so the themes keep their room at 700 high.
        Layout.preferredHeight: Math.min(contentHeight, 190)
        clip: true
        spacing: 8
        interactive: contentHeight > height
        boundsBehavior: Flickable.StopAtBounds
        keyNavigationEnabled: false
        model: root.objectives.objectives
        ScrollBar.vertical: ScrollBar {}
        delegate: ColumnLayout {
            id: objective
            required property var modelData
            required property int index
            readonly property string objectiveId: modelData.objectiveId
            readonly property alias control: rating
            width: ListView.view.width - 8
            spacing: 3
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: qsTr("%1 %2").arg(objective.objectiveId).arg(objective.modelData.text)
                color: Style.text
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                visible: text !== ""
                text: [objective.modelData.targetDate === "" ? "" : qsTr("by %1").arg(Style.date(objective.modelData.targetDate)),
                       objective.modelData.measuredBy].filter((part) => part !== "").join(" · ")
                color: Style.muted
                font.pixelSize: Style.smallSize
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            ComboBox {
                id: rating
                objectName: "objectiveRating-" + objective.objectiveId
                Layout.fillWidth: true
                model: root.objectives.ratings
                textRole: "label"
                valueRole: "value"
                enabled: root.objectives.mayRate
                currentIndex: root.objectives.ratings.findIndex((r) => r.value === objective.modelData.rating)
                Accessible.name: qsTr("Progress on objective %1: %2").arg(objective.objectiveId).arg(objective.modelData.text)
                onActiveFocusChanged: if (activeFocus) list.positionViewAtIndex(objective.index, ListView.Contain)
                onActivated: (index) => {
                    root.lastRated = objective.objectiveId;
                    root.objectives.rate(objective.objectiveId, String(rating.valueAt(index)));
                }
            }
        }
    }
}
