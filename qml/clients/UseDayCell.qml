// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// One day of a use-day strip: "U" used (filled), "A" abstinent (outlined), "?" unknown (no box);
// implied by a signed note, the letter is lower case ("u", "a") and the box paler; a day a note's
// claim contradicts is underlined. The letter and the shape say it without the colour.
Rectangle {
    id: root

    // 'U', 'A' or '?'
    property string day
    // ' ' recorded or unknown, 'n' implied by a signed note, '!' a note's claim contradicts it
    property string mark: " "

    Layout.preferredWidth: 14
    Layout.preferredHeight: 18
    radius: 2
    color: root.day === "U" ? Style.danger : "transparent"
    opacity: root.mark === "n" ? 0.6 : 1
    border.width: root.day === "A" ? 1 : 0
    border.color: Style.accent

    Label {
        textFormat: Text.PlainText
        anchors.centerIn: parent
        text: root.mark === "n" ? root.day.toLowerCase() : root.day
        font.pixelSize: 10
        font.bold: root.day !== "?"
        color: root.day === "U" ? Style.surface : root.day === "A" ? Style.accent : Style.muted
    }
    Rectangle {
        visible: root.mark === "!"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.bottom
        anchors.topMargin: 1
        height: 2
        color: Style.danger
    }
}
