// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Undercurrent

// Other treatment under a chart, on the chart's time axis (PatternEventModel): a tick per
// mutual-help meeting or group, a labelled line per medication change (drug and dose), a dot per
// drug screen — a filled diamond for a positive, a hollow ring for a negative, so the result reads
// without colour. Hover or keyboard focus (Tab to the strip, then the arrow keys) says each event in
// words. When the range has none the strip is hidden and, with explainEmpty, one line says so.
// Under a chart it takes the chart's plot area; under the heatmap (bySession), whose columns are
// sessions and not time, each mark sits among the session columns (PatternEventModel.SessionAtRole)
// over plotX and plotWidth as the heatmap gives them.
ColumnLayout {
    id: root

    property ChartView chart: null
    property bool bySession: false
    property real plotX: root.chart ? root.chart.plotArea.x : 0
    property real plotWidth: root.chart ? root.chart.plotArea.width : root.width
    required property PatternEventModel events
    property bool explainEmpty: true
    property int fontSize: Style.smallSize - 1
    // The mark read by keyboard (-1 for none yet).
    property int current: -1

    function textAt(row: int): string {
        return row < 0 || row >= root.events.count ? ""
               : root.events.data(root.events.index(row, 0), PatternEventModel.TextRole);
    }

    objectName: "eventStrip"
    spacing: 2

    Connections {
        target: root.events
        function onModelReset() { root.current = -1; }
    }

    Item {
        id: strip
        objectName: "eventMarks"
        Layout.fillWidth: true
        Layout.preferredHeight: 32 + Math.ceil(root.fontSize * 1.4)
        visible: root.events.count > 0 && root.plotWidth > 0
        activeFocusOnTab: visible
        // The strip lies under the chart, at the same x: the plot area's left edge and width place the marks.
        readonly property real plotX: root.plotX
        readonly property real plotWidth: root.plotWidth

        Accessible.role: Accessible.List
        Accessible.name: root.current >= 0 ? root.textAt(root.current)
                                           : qsTr("Other treatment: %1. The arrow keys read each event.").arg(root.events.summary)
        Accessible.focusable: true

        // Pixels a medication label may take beside its line before it meets the next line, or that
        // line's own label coming the other way (then each gets half the gap), so labels never overlap.
        function labelRoom(index: int, place: real, leftward: bool): real {
            let room = leftward ? place : 1 - place;
            for (let i = 0; i < marks.count; ++i) {
                const other = marks.itemAt(i);
                if (!other || i === index || other.mark !== "line")
                    continue;
                const gap = leftward ? place - other.place : other.place - place;
                if (gap <= 0)
                    continue;
                const facing = leftward ? !other.leftward : other.leftward;
                room = Math.min(room, facing ? gap / 2 : gap);
            }
            return room * strip.plotWidth - 8;
        }
        function step(by: int) {
            root.current = Math.max(0, Math.min(root.events.count - 1, root.current + by));
        }
        onActiveFocusChanged: if (strip.activeFocus && root.current < 0) root.current = 0
        Keys.onLeftPressed: strip.step(-1)
        Keys.onRightPressed: strip.step(1)
        Keys.onPressed: event => {
            if (event.key === Qt.Key_Home) { root.current = 0; event.accepted = true; }
            else if (event.key === Qt.Key_End) { root.current = root.events.count - 1; event.accepted = true; }
        }

        Rectangle { // the axis the marks sit on
            x: strip.plotX
            y: 14
            width: strip.plotWidth
            height: 1
            color: Style.border
        }
        Rectangle {
            anchors.fill: parent
            visible: strip.activeFocus
            color: "transparent"
            border.color: Style.accent
            border.width: 1
            radius: 3
        }

        Repeater {
            id: marks
            objectName: "eventMarkRepeater"
            model: root.events
            delegate: Item {
                id: markItem
                required property int index
                required property string mark
                required property real at
                required property real sessionAt
                readonly property real place: root.bySession ? markItem.sessionAt : markItem.at
                readonly property bool leftward: markItem.place > 0.8 // its label left of its line near the axis' end
                required property string label
                required property string text
                readonly property bool reading: strip.activeFocus && root.current === markItem.index

                x: strip.plotX + strip.plotWidth * markItem.place - width / 2
                width: 12
                height: strip.height
                Accessible.role: Accessible.StaticText
                Accessible.name: markItem.text

                HoverHandler { id: hover }
                ToolTip.visible: hover.hovered || markItem.reading
                ToolTip.text: markItem.text
                ToolTip.delay: hover.hovered ? 300 : 0

                Rectangle { // the mark being read
                    anchors.fill: parent
                    anchors.margins: -2
                    visible: markItem.reading
                    color: Style.accentSoft
                    radius: 3
                }
                Rectangle { // a meeting or a group: a tick above the axis
                    visible: markItem.mark === "tick"
                    anchors.horizontalCenter: parent.horizontalCenter
                    y: 2
                    width: 2
                    height: 12
                    color: Style.muted
                }
                Rectangle { // a medication change: a line through the strip, its drug and dose beside it
                    visible: markItem.mark === "line"
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: 2
                    height: parent.height
                    color: Style.accent
                }
                Text {
                    textFormat: Text.PlainText
                    visible: markItem.mark === "line" && width >= 30 // no room for a word: the line alone, its words on focus and hover
                    // Right of the line, or left of it near the axis' end.
                    x: markItem.leftward ? parent.width / 2 - 4 - width : parent.width / 2 + 4
                    y: parent.height - height
                    // (marks.count: read again once every mark exists)
                    width: marks.count < 0 ? 0 : Math.max(0, Math.min(implicitWidth, 150,
                                                                      strip.labelRoom(markItem.index, markItem.place, markItem.leftward)))
                    text: markItem.label
                    elide: Text.ElideRight
                    color: Style.text
                    font.pixelSize: root.fontSize
                }
                Rectangle { // a negative screen: a hollow ring on the axis
                    visible: markItem.mark === "negative"
                    anchors.horizontalCenter: parent.horizontalCenter
                    y: 21
                    width: 10
                    height: 10
                    radius: 5
                    color: Style.surface
                    border.color: Style.text
                    border.width: 1.5
                }
                Rectangle { // a positive screen: a filled diamond
                    visible: markItem.mark === "positive"
                    anchors.horizontalCenter: parent.horizontalCenter
                    y: 21
                    width: 9
                    height: 9
                    rotation: 45
                    color: Style.danger
                }
            }
        }
    }

    Label {
        textFormat: Text.PlainText
        objectName: "eventLegend"
        Layout.fillWidth: true
        Layout.leftMargin: strip.plotX
        visible: strip.visible
        text: qsTr("Other treatment: %1 — │ meeting or group, ┃ medication change, ◆ positive screen, ○ negative screen")
              .arg(root.events.summary)
        color: Style.muted
        font.pixelSize: root.fontSize
        wrapMode: Text.WordWrap
    }

    Label {
        textFormat: Text.PlainText
        objectName: "eventsEmpty"
        Layout.fillWidth: true
        Layout.leftMargin: strip.plotX
        visible: root.explainEmpty && text !== ""
        text: root.events.empty
        color: Style.muted
        font.pixelSize: root.fontSize
        wrapMode: Text.WordWrap
    }
}
