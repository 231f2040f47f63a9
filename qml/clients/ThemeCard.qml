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
    required property color themeColor // the theme's colour, as on Patterns and in the PDF

    implicitHeight: column.implicitHeight + 20
    radius: Style.radius
    color: Style.surface
    border.color: root.trend === "rising" ? Style.accent : Style.border
    Accessible.name: qsTr("%1, %2, first seen %3").arg(root.label).arg(root.sentence).arg(Style.date(root.firstSeen))

    HoverHandler { id: hover }
    ToolTip.visible: hover.hovered
    ToolTip.text: qsTr("First seen %1").arg(Style.date(root.firstSeen))

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 10
        spacing: 3
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Rectangle {
                objectName: "themeSwatch"
                Layout.preferredWidth: 12
                Layout.preferredHeight: 12
                radius: 3
                color: root.themeColor
                border.color: Style.border
            }
            // A long name ("Denial and minimisation") takes a second line in a narrow window; the
            // whole name on hover if even that is not enough.
            Label {
                id: nameLabel
                textFormat: Text.PlainText
                objectName: "themeName"
                Layout.fillWidth: true
                text: root.label
                color: Style.text
                font.pixelSize: Style.bodySize + 1
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                HoverHandler { id: nameHover }
                ToolTip.visible: nameLabel.truncated && nameHover.hovered
                ToolTip.text: root.label
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
                        color: index < root.recurrenceIn ? Style.accent : Style.border
                    }
                }
            }
        }
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: root.sentence
            color: root.trend === "rising" ? Style.accent : Style.muted
            font.pixelSize: Style.smallSize + 1
            elide: Text.ElideRight
        }
    }
}
