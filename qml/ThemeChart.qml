// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtCharts

// Themes over time. Empty until a vault is open; the patterns screen feeds it real series.
ChartView {
    id: root

    property alias emptyText: emptyLabel.text

    title: qsTr("Themes over time")
    antialiasing: true
    legend.alignment: Qt.AlignBottom

    DateTimeAxis {
        id: timeAxis
        format: "MMM yyyy"
        min: new Date(new Date().getFullYear(), 0, 1)
        max: new Date()
        tickCount: 6
    }
    ValueAxis {
        id: countAxis
        min: 0
        max: 6
        tickCount: 7
        labelFormat: "%d"
        titleText: qsTr("Sessions")
    }
    LineSeries {
        name: qsTr("No vault open")
        axisX: timeAxis
        axisY: countAxis
    }

    Text {
        id: emptyLabel
        anchors.centerIn: parent
        text: qsTr("Open a vault to see how themes recur across sessions.")
        color: "#666666"
        font.pixelSize: 14
    }
}
