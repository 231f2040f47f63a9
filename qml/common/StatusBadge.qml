// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Undercurrent

// A client's or a note's status as a word with a quiet colour ("active", "draft", "signed" …).
Rectangle {
    id: root

    required property string status

    readonly property bool calm: status === "active" || status === "signed" || status === "cosigned"
    implicitWidth: label.implicitWidth + 14
    implicitHeight: label.implicitHeight + 4
    radius: 4
    color: calm ? Style.accentSoft : Style.chip

    Label {
        id: label
        textFormat: Text.PlainText
        anchors.centerIn: parent
        text: root.status
        color: root.calm ? Style.accent : Style.muted
        font.pixelSize: Style.smallSize
    }
}
