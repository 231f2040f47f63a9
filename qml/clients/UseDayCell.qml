// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// One day of a use-day strip: "U" used (filled), "A" abstinent (outlined), "?" unknown (no box).
// The letter and the shape say it without the colour.
Rectangle {
    id: root

    // 'U', 'A' or '?'
    property string day

    Layout.preferredWidth: 14
    Layout.preferredHeight: 18
    radius: 2
    color: root.day === "U" ? Style.danger : "transparent"
    border.width: root.day === "A" ? 1 : 0
    border.color: Style.accent

    Label {
        textFormat: Text.PlainText
        anchors.centerIn: parent
        text: root.day
        font.pixelSize: 10
        font.bold: root.day !== "?"
        color: root.day === "U" ? Style.surface : root.day === "A" ? Style.accent : Style.muted
    }
}
