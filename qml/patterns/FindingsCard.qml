// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// A card of plain-words findings, one per line, or a sentence saying there are none.
SectionCard {
    id: root

    required property var findings
    required property string empty
    property int fontSize: Style.bodySize

    Repeater {
        model: root.findings
        delegate: Label {
            textFormat: Text.PlainText
            required property string modelData
            Layout.fillWidth: true
            text: "•  " + modelData
            color: Style.text
            wrapMode: Text.WordWrap
            font.pixelSize: root.fontSize
        }
    }
    Label {
        textFormat: Text.PlainText
        objectName: "emptyFindings"
        Layout.fillWidth: true
        visible: root.findings.length === 0
        text: root.empty
        color: Style.muted
        wrapMode: Text.WordWrap
        font.pixelSize: root.fontSize
    }
}
