// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtCharts
import Undercurrent

// Measure totals (PHQ-9, GAD-7, AUDIT…) as a share of each one's maximum, on the same time axis as
// the theme chart, over the clinical bands of one of them (bandsOf: an instrument id), shaded from
// clear (the lowest band) to the deepest tint (the most severe) and named at the plot's right edge.
ChartView {
    id: root

    required property PatternsModel patterns
    property int fontSize: Style.smallSize
    property string bandsOf: ""
    // [{from, to, band, label}] in per cent of the maximum (PatternMeasureModel.BandsRole).
    readonly property var bands: {
        root.patterns.measures.count; // re-read when the rows change
        const measures = root.patterns.measures;
        for (let row = 0; row < measures.count; ++row) {
            const index = measures.index(row, 0);
            if (measures.data(index, PatternMeasureModel.InstrumentRole) === root.bandsOf)
                return measures.data(index, PatternMeasureModel.BandsRole);
        }
        return [];
    }

    function rebuild() {
        removeAllSeries();
        const measures = root.patterns.measures;
        for (let row = 0; row < measures.count; ++row) {
            const index = measures.index(row, 0);
            const line = createSeries(ChartView.SeriesTypeLine, measures.data(index, PatternMeasureModel.NameRole),
                                      xAxis, yAxis);
            line.color = measures.data(index, PatternMeasureModel.ColorRole);
            line.width = 2.5;
            line.pointsVisible = true;
            root.patterns.chart.fillMeasureSeries(line, measures.data(index, PatternMeasureModel.InstrumentRole));
        }
    }

    objectName: "measureChart"
    antialiasing: true
    backgroundColor: Style.surface
    backgroundRoundness: 0
    plotAreaColor: Style.surface
    legend.visible: false // ChartLegend beside it; the plot lines up with the theme chart's
    margins { left: 4; right: 8; top: 4; bottom: 4 }
    Accessible.name: qsTr("Measure scores over time")

    DateTimeAxis {
        id: xAxis
        min: root.patterns.chart.axisFrom
        max: root.patterns.chart.axisTo
        format: root.patterns.chart.axisFormat
        tickCount: 6
        labelsColor: Style.muted
        labelsFont.pixelSize: root.fontSize
        gridLineColor: Style.border
        lineVisible: false
    }
    ValueAxis {
        id: yAxis
        min: 0
        max: root.patterns.chart.measureMax
        tickCount: root.patterns.chart.measureTicks
        labelFormat: "%d%%"
        labelsColor: Style.muted
        labelsFont.pixelSize: root.fontSize
        gridLineColor: Style.border
        lineVisible: false
        titleText: qsTr("% of maximum")
        titleFont.pixelSize: root.fontSize
        titleBrush: Style.muted
    }

    EpisodeBands {
        chart: root
        spans: root.patterns.chart.episodeSpans
    }

    // Drawn over the plot in light, translucent tints, so the lines stay readable through them.
    Repeater {
        objectName: "measureBands"
        model: root.bands
        delegate: Item {
            id: band
            required property var modelData
            required property int index
            readonly property real upperEdge: root.plotArea.y + root.plotArea.height * (1 - band.modelData.to / root.patterns.chart.measureMax)
            readonly property real lowerEdge: root.plotArea.y + root.plotArea.height * (1 - band.modelData.from / root.patterns.chart.measureMax)
            x: root.plotArea.x
            y: band.upperEdge
            width: root.plotArea.width
            height: Math.max(0, band.lowerEdge - band.upperEdge)
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("%1 band").arg(band.modelData.label)
            Rectangle {
                anchors.fill: parent
                color: Style.danger
                opacity: root.bands.length > 1 ? 0.16 * band.index / (root.bands.length - 1) : 0
            }
            Text {
                textFormat: Text.PlainText
                anchors.right: parent.right
                anchors.rightMargin: 4
                anchors.verticalCenter: parent.verticalCenter
                visible: band.height >= implicitHeight
                text: band.modelData.label
                color: Style.muted
                font.pixelSize: root.fontSize - 1
            }
        }
    }

    Connections {
        target: root.patterns
        function onChanged() { root.rebuild(); }
    }
    Component.onCompleted: rebuild()
}
