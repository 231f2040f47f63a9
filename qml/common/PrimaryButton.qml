// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Undercurrent

// The one main action of a screen or dialog, in the accent colour. Disabled, it is plainly grey
// with dark text (contrast about 5.2:1) so it reads as "not yet", not as a washed-out accent.
Button {
    id: root

    highlighted: true
    padding: 8
    leftPadding: 16
    rightPadding: 16

    contentItem: Label {
        textFormat: Text.PlainText
        text: root.text
        color: root.enabled ? "#ffffff" : "#566163"
        font.pixelSize: Style.bodySize
        font.weight: Font.DemiBold
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        implicitHeight: 34
        radius: 6
        color: !root.enabled ? "#e3e8e9" : root.down ? Qt.darker(Style.accent, 1.2) : root.hovered ? Qt.lighter(Style.accent, 1.1) : Style.accent
        border.width: root.visualFocus ? 2 : root.enabled ? 0 : 1
        border.color: root.visualFocus ? Style.text : "#c3cccd"
    }
}
