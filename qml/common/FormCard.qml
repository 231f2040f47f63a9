// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The centred card the first-run, unlock and recovery screens put their form in.
Item {
    id: root

    required property string title
    property string subtitle
    default property alias content: body.data

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(480, root.width - 2 * Style.gap)
        height: column.implicitHeight + 64
        radius: Style.radius
        color: Style.surface
        border.color: Style.border

        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: 32
            spacing: Style.gap

            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: root.title
                color: Style.text
                font.pixelSize: Style.titleSize
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
            }
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                visible: root.subtitle !== ""
                text: root.subtitle
                color: Style.muted
                font.pixelSize: Style.bodySize
                wrapMode: Text.WordWrap
            }
            ColumnLayout {
                id: body
                Layout.fillWidth: true
                spacing: 10
            }
        }
    }
}
