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
        width: Math.min(480, root.width - 2 * Theme.gap)
        height: column.implicitHeight + 64
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border

        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: 32
            spacing: Theme.gap

            Label {
                Layout.fillWidth: true
                text: root.title
                color: Theme.text
                font.pixelSize: Theme.titleSize
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
            }
            Label {
                Layout.fillWidth: true
                visible: root.subtitle !== ""
                text: root.subtitle
                color: Theme.muted
                font.pixelSize: Theme.bodySize
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
