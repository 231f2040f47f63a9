// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Undercurrent

// A theme's name in a small rounded chip.
Rectangle {
    id: root

    required property string text
    property bool strong: false

    implicitWidth: label.implicitWidth + 16
    implicitHeight: label.implicitHeight + 6
    radius: height / 2
    color: strong ? Style.accentSoft : Style.chip

    Label {
        id: label
        textFormat: Text.PlainText
        anchors.centerIn: parent
        text: root.text
        color: root.strong ? Style.accent : Style.chipText
        font.pixelSize: Style.smallSize
    }
}
