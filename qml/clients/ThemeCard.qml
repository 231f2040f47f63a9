// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// A recurring theme: its name, how often it came up lately and which way it is going.
Rectangle {
    id: root

    required property string label
    required property string sentence
    required property string trend
    required property int recurrenceIn
    required property int recurrenceLast
    required property string firstSeen

    implicitHeight: column.implicitHeight + 20
    radius: Theme.radius
    color: Theme.surface
    border.color: root.trend === "rising" ? Theme.accent : Theme.border
    Accessible.name: qsTr("%1, %2, first seen %3").arg(root.label).arg(root.sentence).arg(Theme.date(root.firstSeen))

    HoverHandler { id: hover }
    ToolTip.visible: hover.hovered
    ToolTip.text: qsTr("First seen %1").arg(Theme.date(root.firstSeen))

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 10
        spacing: 3
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Label {
                Layout.fillWidth: true
                text: root.label
                color: Theme.text
                font.pixelSize: Theme.bodySize + 1
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
            // Presence in each of the last sessions, oldest first.
            Row {
                spacing: 3
                Repeater {
                    model: root.recurrenceLast
                    Rectangle {
                        required property int index
                        width: 9
                        height: 12
                        radius: 2
                        color: index < root.recurrenceIn ? Theme.accent : Theme.border
                    }
                }
            }
        }
        Label {
            Layout.fillWidth: true
            text: root.sentence
            color: root.trend === "rising" ? Theme.accent : Theme.muted
            font.pixelSize: Theme.smallSize + 1
            elide: Text.ElideRight
        }
    }
}
