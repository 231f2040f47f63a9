// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtCharts
import Undercurrent

// Measure totals (PHQ-9, GAD-7, AUDIT…) as a share of each one's maximum, on the same time axis as
// the theme chart.
ChartView {
    id: root

    required property PatternsModel patterns
    property int fontSize: Style.smallSize

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
            root.patterns.fillMeasureSeries(line, measures.data(index, PatternMeasureModel.InstrumentRole));
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
        min: root.patterns.axisFrom
        max: root.patterns.axisTo
        format: root.patterns.axisFormat
        tickCount: 6
        labelsColor: Style.muted
        labelsFont.pixelSize: root.fontSize
        gridLineColor: Style.border
        lineVisible: false
    }
    ValueAxis {
        id: yAxis
        min: 0
        max: root.patterns.measureMax
        tickCount: root.patterns.measureTicks
        labelFormat: "%d%%"
        labelsColor: Style.muted
        labelsFont.pixelSize: root.fontSize
        gridLineColor: Style.border
        lineVisible: false
        titleText: qsTr("% of maximum")
        titleFont.pixelSize: root.fontSize
        titleBrush: Style.muted
    }

    Connections {
        target: root.patterns
        function onChanged() { root.rebuild(); }
    }
    Component.onCompleted: rebuild()
}
