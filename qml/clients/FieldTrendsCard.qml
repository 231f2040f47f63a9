// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Undercurrent

// Craving 0–10 and days abstinent over the client's sessions, and the stage of change as labelled
// steps under them, from the typed fields of the progress notes (docs/patterns.md, "Structured
// fields"). Empty until a note states one.
SectionCard {
    id: root

    required property FieldTrends trends

    function ms(iso) { return Date.parse(iso + "T12:00:00"); }
    function fill() {
        craving.clear();
        days.clear();
        stage.clear();
        for (const p of root.trends.cravings)
            craving.append(ms(p.date), p.value);
        for (const p of root.trends.daysAbstinent)
            days.append(ms(p.date), p.value);
        const steps = root.trends.stageSteps;
        for (let i = 0; i < steps.length; ++i) {
            if (i > 0)
                stage.append(ms(steps[i].date), steps[i - 1].value);
            stage.append(ms(steps[i].date), steps[i].value);
        }
        if (steps.length > 0)
            stage.append(ms(root.trends.lastDate), steps[steps.length - 1].value);
    }

    objectName: "fieldTrendsCard"
    title: qsTr("Craving, abstinence and stage of change")
    note: root.trends.latest
    Accessible.name: root.trends.empty ? qsTr("No craving, days abstinent or stage of change recorded") : root.trends.latest

    Connections {
        target: root.trends
        function onChanged() { root.fill(); }
    }
    Component.onCompleted: fill()

    Label {
        textFormat: Text.PlainText
        Layout.fillWidth: true
        visible: root.trends.empty
        text: qsTr("No craving, days abstinent or stage of change recorded yet. They are read from a progress "
                   + "note's \u201cCravings (0-10)\u201d and \u201cStage of change\u201d sections and a "
                   + "\u201cDays abstinent: N\u201d line.")
        color: Style.muted
        wrapMode: Text.WordWrap
    }
    ChartView {
        id: chart
        objectName: "fieldTrendsChart"
        Layout.fillWidth: true
        Layout.preferredHeight: 200
        visible: !root.trends.empty
        antialiasing: true
        backgroundColor: Style.surface
        backgroundRoundness: 0
        plotAreaColor: Style.surface
        legend.visible: true
        legend.alignment: Qt.AlignBottom
        legend.labelColor: Style.muted
        legend.font.pixelSize: Style.smallSize
        margins { left: 4; right: 4; top: 4; bottom: 4 }

        DateTimeAxis {
            id: xAxis
            min: new Date(root.ms(root.trends.firstDate || "2000-01-01") - 3 * 86400000)
            max: new Date(root.ms(root.trends.lastDate || "2000-01-02") + 3 * 86400000)
            format: "d MMM"
            tickCount: 5
            truncateLabels: false; labelsColor: Style.muted
            labelsFont.pixelSize: Style.smallSize
            gridLineColor: Style.border
            lineVisible: false
        }
        ValueAxis {
            id: cravingAxis
            min: 0; max: 10; tickCount: 6; labelFormat: "%d"
            truncateLabels: false; labelsColor: Style.muted; labelsFont.pixelSize: Style.smallSize
            gridLineColor: Style.border; lineVisible: false
            titleText: qsTr("craving"); titleFont.pixelSize: Style.smallSize; titleBrush: Style.muted
        }
        ValueAxis {
            id: daysAxis
            visible: root.trends.daysAbstinent.length > 0
            min: 0; max: root.trends.daysScale; tickCount: 6; labelFormat: "%d"
            truncateLabels: false; labelsColor: Style.muted; labelsFont.pixelSize: Style.smallSize
            gridVisible: false; lineVisible: false
            titleText: qsTr("days"); titleFont.pixelSize: Style.smallSize; titleBrush: Style.muted
        }
        LineSeries { id: craving; name: qsTr("Craving 0–10"); axisX: xAxis; axisY: cravingAxis; color: "#D55E00"; width: 2.5; pointsVisible: true }
        LineSeries { id: days; name: qsTr("Days abstinent"); axisX: xAxis; axisYRight: daysAxis; color: "#0072B2"; width: 2.5; pointsVisible: true }
    }
    ChartView {
        objectName: "stageChart"
        Layout.fillWidth: true
        Layout.preferredHeight: 130
        visible: root.trends.stageSteps.length > 0
        antialiasing: true
        backgroundColor: Style.surface
        backgroundRoundness: 0
        plotAreaColor: Style.surface
        legend.visible: false
        margins { left: 4; right: 4; top: 4; bottom: 4 }
        Accessible.name: qsTr("Stage of change over time")

        DateTimeAxis {
            id: stageX
            min: xAxis.min; max: xAxis.max; format: "d MMM"; tickCount: 5
            truncateLabels: false; labelsColor: Style.muted; labelsFont.pixelSize: Style.smallSize
            gridLineColor: Style.border; lineVisible: false
        }
        CategoryAxis {
            id: stageAxis
            min: -0.5; max: 4.5
            labelsPosition: CategoryAxis.AxisLabelsPositionOnValue
            truncateLabels: false; labelsColor: Style.muted; labelsFont.pixelSize: Style.smallSize
            gridLineColor: Style.border; lineVisible: false
            CategoryRange { label: root.trends.stageNames[0]; endValue: 0 }
            CategoryRange { label: root.trends.stageNames[1]; endValue: 1 }
            CategoryRange { label: root.trends.stageNames[2]; endValue: 2 }
            CategoryRange { label: root.trends.stageNames[3]; endValue: 3 }
            CategoryRange { label: root.trends.stageNames[4]; endValue: 4 }
        }
        LineSeries { id: stage; axisX: stageX; axisY: stageAxis; color: "#009E73"; width: 2.5; pointsVisible: true }
    }
}
