// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtCharts
import Undercurrent

// The checked themes over time, one line each in its list colour. The points come from C++
// (PatternChart.fillThemeSeries); this file only makes a series per checked theme.
ChartView {
    id: root

    required property PatternsModel patterns
    property int fontSize: Style.smallSize

    function rebuild() {
        removeAllSeries();
        for (const s of root.patterns.chart.checkedSeries()) {
            const line = createSeries(ChartView.SeriesTypeLine, s.label, xAxis, yAxis);
            line.color = s.color;
            line.width = 2.5;
            line.pointsVisible = true;
            root.patterns.chart.fillThemeSeries(line, s.theme);
        }
    }

    objectName: "themeChart"
    antialiasing: true
    backgroundColor: Style.surface
    backgroundRoundness: 0
    plotAreaColor: Style.surface
    legend.visible: false
    margins { left: 4; right: 8; top: 4; bottom: 4 }
    Accessible.name: qsTr("Themes over time, by %1").arg(root.patterns.by)

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
        max: root.patterns.chart.themeMax
        tickCount: root.patterns.chart.themeTicks
        labelFormat: "%d"
        labelsColor: Style.muted
        labelsFont.pixelSize: root.fontSize
        gridLineColor: Style.border
        lineVisible: false
        titleText: root.patterns.chart.themeAxisTitle
        titleFont.pixelSize: root.fontSize
        titleBrush: Style.muted
    }

    EpisodeBands {
        chart: root
        spans: root.patterns.chart.episodeSpans
    }

    Connections {
        target: root.patterns.chart
        function onSeriesChanged() { root.rebuild(); }
    }
    Component.onCompleted: rebuild()
}
