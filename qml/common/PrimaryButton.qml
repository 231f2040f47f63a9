// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Undercurrent

// The one main action of a screen or dialog, in the accent colour.
Button {
    id: root

    highlighted: true
    padding: 8
    leftPadding: 16
    rightPadding: 16

    contentItem: Label {
        text: root.text
        color: root.enabled ? "#ffffff" : "#f0f3f4"
        font.pixelSize: Style.bodySize
        font.weight: Font.DemiBold
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        implicitHeight: 34
        radius: 6
        color: !root.enabled ? "#a9bcbd" : root.down ? Qt.darker(Style.accent, 1.2) : root.hovered ? Qt.lighter(Style.accent, 1.1) : Style.accent
        border.width: root.visualFocus ? 2 : 0
        border.color: Style.text
    }
}
