// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Undercurrent

// Use days on a chart's time axis (PatternUseDayModel): a row per substance, its days as the
// overview's card marks them — used a filled box "U", abstinent an outlined box "A", unknown left
// blank — under them, per bucket, the percent of the bucket's known days abstinent, and above them
// the substance with its figures over the range. Tab reaches each row; the arrow keys read its
// buckets in words (Home, End: the first, the last). Without a chart (none shown), the rows keep a
// left margin of their own.
ColumnLayout {
    id: root

    required property PatternUseDayModel useDays
    property ChartView chart: null
    property int fontSize: Style.smallSize - 1
    readonly property real plotX: root.chart ? root.chart.plotArea.x : 40
    readonly property real plotWidth: root.chart ? root.chart.plotArea.width : Math.max(0, root.width - root.plotX - 12)

    objectName: "useDayStrip"
    spacing: 6

    Repeater {
        objectName: "useDayRows"
        model: root.useDays
        delegate: Item {
            id: row
            required property int index
            required property string label
            required property var marks
            required property var cells
            required property string summary
            required property string text
            // The bucket read by keyboard (-1 for none yet).
            property int current: -1

            function step(by: int) {
                row.current = Math.max(0, Math.min(row.cells.length - 1, row.current + by));
            }

            objectName: "useDayRow" + row.index
            Layout.fillWidth: true
            implicitHeight: band.y + band.height + cellLabels.height + 4
            activeFocusOnTab: true
            Accessible.role: Accessible.List
            Accessible.name: row.current >= 0 && row.current < row.cells.length
                             ? qsTr("%1, %2").arg(row.label).arg(row.cells[row.current].text)
                             : qsTr("Use days: %1. The arrow keys read each bucket.").arg(row.text)
            Accessible.focusable: true
            onCellsChanged: row.current = -1
            onActiveFocusChanged: if (row.activeFocus && row.current < 0 && row.cells.length > 0) row.current = 0
            Keys.onLeftPressed: row.step(-1)
            Keys.onRightPressed: row.step(1)
            Keys.onPressed: event => {
                if (event.key === Qt.Key_Home) { row.current = 0; event.accepted = true; }
                else if (event.key === Qt.Key_End) { row.current = row.cells.length - 1; event.accepted = true; }
            }

            Rectangle {
                anchors.fill: parent
                anchors.margins: -2
                visible: row.activeFocus
                color: "transparent"
                border.color: Style.accent
                border.width: 1
                radius: 3
            }
            // The substance and its figures over the range, above its days.
            Label {
                id: nameLabel
                textFormat: Text.PlainText
                x: root.plotX
                text: row.label
                color: Style.text
                font.pixelSize: Style.smallSize
                font.bold: true
            }
            Label {
                id: summaryLabel
                textFormat: Text.PlainText
                anchors.left: nameLabel.right
                anchors.leftMargin: 8
                anchors.baseline: nameLabel.baseline
                width: Math.max(0, root.plotWidth - nameLabel.width - 8)
                text: row.summary
                color: Style.muted
                font.pixelSize: root.fontSize
                wrapMode: Text.WordWrap
            }
            Item {
                id: band
                x: root.plotX
                y: Math.max(nameLabel.height, summaryLabel.y + summaryLabel.height) + 3
                width: root.plotWidth
                height: 16
                Rectangle { // the axis the days sit on
                    anchors.bottom: parent.bottom
                    width: parent.width
                    height: 1
                    color: Style.border
                }
                Repeater {
                    model: row.marks
                    delegate: Rectangle {
                        id: mark
                        required property var modelData
                        x: band.width * mark.modelData.from
                        width: Math.max(1.5, band.width * (mark.modelData.to - mark.modelData.from))
                        height: band.height - 2
                        radius: 1
                        color: mark.modelData.used ? Style.danger : "transparent"
                        border.width: mark.modelData.used ? 0 : 1
                        border.color: Style.accent
                        Text {
                            textFormat: Text.PlainText
                            anchors.centerIn: parent
                            visible: parent.width >= 12
                            text: mark.modelData.used ? "U" : "A"
                            font.pixelSize: 9
                            font.bold: true
                            color: mark.modelData.used ? Style.surface : Style.accent
                        }
                    }
                }
            }
            Item {
                id: cellLabels
                anchors.top: band.bottom
                x: root.plotX
                width: root.plotWidth
                height: Math.ceil(root.fontSize * 1.5)
                Repeater {
                    model: row.cells
                    delegate: Item {
                        id: cell
                        required property int index
                        required property var modelData
                        readonly property bool reading: row.activeFocus && row.current === cell.index
                        x: cellLabels.width * cell.modelData.from
                        width: cellLabels.width * (cell.modelData.to - cell.modelData.from)
                        height: cellLabels.height
                        HoverHandler { id: hover }
                        ToolTip.visible: hover.hovered || cell.reading
                        ToolTip.text: cell.modelData.text
                        ToolTip.delay: hover.hovered ? 300 : 0
                        Rectangle { // the bucket being read
                            anchors.fill: parent
                            visible: cell.reading
                            color: Style.accentSoft
                            radius: 2
                        }
                        Rectangle { // where the bucket starts
                            width: 1
                            height: 4
                            color: Style.border
                        }
                        Text {
                            id: percent
                            textFormat: Text.PlainText
                            anchors.centerIn: parent
                            // Only where it fits; hover or the arrow keys read every bucket.
                            visible: implicitWidth + 4 <= cell.width
                            text: cell.modelData.percent
                            color: Style.text
                            font.pixelSize: root.fontSize
                        }
                    }
                }
            }
        }
    }

    Label {
        textFormat: Text.PlainText
        objectName: "useDayLegend"
        Layout.fillWidth: true
        Layout.leftMargin: root.plotX
        visible: root.useDays.count > 0
        text: qsTr("U used (filled) · A abstinent (outlined) · blank: unknown, never counted as abstinent. Under the days, each bucket's percent of its known days abstinent.")
        color: Style.muted
        font.pixelSize: root.fontSize
        wrapMode: Text.WordWrap
    }
}
