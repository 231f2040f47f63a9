// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// One outcome measure at a glance, as a line: the latest total, its band in words and the change
// since the time before; under it, with two scores or more, the reliable change since the first.
// With editable, its "⋯" menu corrects or deletes that latest entry.
Rectangle {
    id: root

    required property string instrument // "phq9"
    required property string name
    required property string measures
    required property int total
    required property string band
    required property string bandLabel
    required property string date
    required property string change
    required property string previousDate
    required property string reliableChangeText
    required property var measureId // the latest entry's
    required property var answers
    // The user may correct and delete measures.
    property bool editable: false
    signal correctRequested
    signal deleteRequested

    // The bands a clinician would look at twice ("high": the C-SSRS triage).
    readonly property bool concerning: ["moderately-severe", "severe", "harmful", "possible-dependence", "substantial",
                                        "probable-ptsd", "high"].indexOf(band) >= 0

    implicitHeight: 38 + (changeLine.visible ? changeLine.implicitHeight + 4 : 0)
    color: "transparent"
    Accessible.name: qsTr("%1 %2, %3").arg(root.name).arg(root.total).arg(root.bandLabel)
    Accessible.description: root.reliableChangeText

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Style.border
    }
    RowLayout {
        id: line
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: 38
        spacing: 10
        ColumnLayout {
            Layout.preferredWidth: 110
            spacing: 0
            Label {
                textFormat: Text.PlainText
                text: root.name
                color: Style.text
                font.pixelSize: Style.bodySize
                font.weight: Font.DemiBold
            }
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: root.measures
                color: Style.muted
                font.pixelSize: Style.smallSize - 1
                elide: Text.ElideRight
            }
        }
        Label {
            textFormat: Text.PlainText
            Layout.preferredWidth: 28
            horizontalAlignment: Text.AlignRight
            text: root.total
            color: Style.text
            font.pixelSize: Style.headingSize
            font.weight: Font.DemiBold
        }
        Label {
            textFormat: Text.PlainText
            Layout.preferredWidth: 120
            text: root.bandLabel
            color: root.concerning ? Style.danger : Style.text
            font.pixelSize: Style.bodySize
            elide: Text.ElideRight
        }
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignRight
            text: root.change !== "" ? qsTr("%1, %2 since %3").arg(Style.date(root.date)).arg(root.change)
                                                             .arg(Style.date(root.previousDate))
                                     : Style.date(root.date)
            color: Style.muted
            font.pixelSize: Style.smallSize
            elide: Text.ElideRight // the latest day and the change stay in sight
        }
        ToolButton {
            objectName: "measureActions-" + root.instrument
            visible: root.editable
            Layout.preferredWidth: 30
            text: "⋯"
            font.pixelSize: 18
            Accessible.name: qsTr("Correct or delete the %1 of %2").arg(root.name).arg(Style.date(root.date))
            onClicked: actions.open()
            Menu {
                id: actions
                y: parent.height
                MenuItem {
                    objectName: "correctMeasureItem"
                    text: qsTr("Correct…")
                    onTriggered: root.correctRequested()
                }
                MenuItem {
                    objectName: "deleteMeasureItem"
                    text: qsTr("Delete…")
                    onTriggered: root.deleteRequested()
                }
            }
        }
    }
    Label {
        id: changeLine
        textFormat: Text.PlainText
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: line.bottom
        visible: root.reliableChangeText !== ""
        text: root.reliableChangeText
        color: Style.muted
        font.pixelSize: Style.smallSize
        elide: Text.ElideRight
    }
}
