// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtCharts
import Undercurrent

// The client's episodes of care shaded on a chart's time axis (PatternChart.episodeSpans): a soft
// band per episode, tinted by its level of care, its level named at the top and a line where it
// starts, so a step-down shows on the lines and the measures. Laid over the chart's plot area.
Item {
    id: root

    required property ChartView chart
    required property var spans // [{id, from, to, level, levelName, label, shade}], parts of the axis
    property int fontSize: Style.smallSize - 1

    // Residential, intensive outpatient, outpatient, aftercare, the practice's own: cool hues apart
    // from the measure bands' red, translucent enough for the lines to read through.
    readonly property var tints: ["#7b61b8", "#2f7fc1", "#2f8f83", "#5f9a3b", "#8a8f96"]

    x: root.chart.plotArea.x
    y: root.chart.plotArea.y
    width: root.chart.plotArea.width
    height: root.chart.plotArea.height

    Repeater {
        objectName: "episodeBands"
        model: root.spans
        delegate: Item {
            id: band
            required property var modelData
            x: root.width * band.modelData.from
            width: Math.max(1, root.width * (band.modelData.to - band.modelData.from))
            height: root.height
            Accessible.role: Accessible.StaticText
            Accessible.name: band.modelData.label
            Rectangle {
                anchors.fill: parent
                color: root.tints[Math.min(band.modelData.shade, root.tints.length - 1)]
                opacity: Style.dark ? 0.2 : 0.11
            }
            Rectangle { // where the episode starts: the step-down
                visible: band.modelData.from > 0
                width: 1
                height: parent.height
                color: Style.muted
                opacity: 0.7
            }
            Text {
                textFormat: Text.PlainText
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: 3
                text: band.modelData.levelName
                elide: Text.ElideRight
                visible: band.width > 40
                color: Style.muted
                font.pixelSize: root.fontSize
            }
        }
    }
}
