// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Theme × session: a row per checked theme, a cell per attended session, darker for more
// mentions. Hover a cell for its date and count.
Item {
    id: root

    required property PatternHeatmapModel heatmap
    readonly property int labelWidth: 170
    readonly property real cellWidth: root.heatmap.sessionCount === 0 ? 0
        : Math.max(4, (root.width - root.labelWidth) / root.heatmap.sessionCount)
    // The width the columns take (the event strip under the heatmap is placed over it).
    readonly property real drawnWidth: Math.min(root.cellWidth * root.heatmap.sessionCount, root.width - root.labelWidth)

    objectName: "themeHeatmap"
    implicitHeight: Math.max(1, root.heatmap.themeCount) * 24
    Accessible.name: qsTr("Theme by session heatmap, %1 themes over %2 sessions")
                     .arg(root.heatmap.themeCount).arg(root.heatmap.sessionCount)

    VerticalHeaderView {
        id: header
        width: root.labelWidth
        height: parent.height
        syncView: table
        clip: true
        delegate: Label {
            textFormat: Text.PlainText
            required property string display
            text: display
            color: Style.text
            font.pixelSize: Style.smallSize
            elide: Text.ElideRight
            verticalAlignment: Text.AlignVCenter
            rightPadding: 8
        }
    }
    TableView {
        id: table
        objectName: "heatmapTable"
        anchors.left: header.right
        anchors.right: parent.right
        height: parent.height
        model: root.heatmap
        interactive: false
        clip: true
        columnWidthProvider: () => root.cellWidth
        rowHeightProvider: () => 24
        onWidthChanged: forceLayout()
        delegate: Rectangle {
            id: cell
            required property int hits
            required property real level
            required property string date
            required property string label
            required property color themeColor
            implicitHeight: 24
            color: cell.hits === 0 ? Style.chip : Qt.rgba(cell.themeColor.r, cell.themeColor.g, cell.themeColor.b, 0.35 + 0.65 * cell.level)
            border.color: Style.surface
            border.width: root.cellWidth > 6 ? 1 : 0
            HoverHandler { id: hover }
            ToolTip.visible: hover.hovered
            ToolTip.text: qsTr("%1, %2: %3").arg(cell.label).arg(Style.date(cell.date))
                          .arg(Style.plural(cell.hits, qsTr("mention"), qsTr("mentions")))
        }
    }
}
