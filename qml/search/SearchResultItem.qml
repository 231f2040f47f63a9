// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// One search hit: the client, the session date, the kind of note and the snippet with the matched
// words highlighted (the highlighting is SearchResultModel's, in C++).
ItemDelegate {
    id: root

    required property var noteId
    required property string clientCode
    required property string clientName
    required property string date
    required property string kind
    required property string snippet
    required property string snippetHtml
    property bool current: false

    implicitHeight: column.implicitHeight + 20
    Accessible.name: qsTr("%1, %2: %3").arg(clientName).arg(Style.date(date)).arg(snippet)

    background: Rectangle {
        color: root.current ? Style.accentSoft : root.hovered ? Style.hover : Style.surface
        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Style.border
        }
    }
    contentItem: ColumnLayout {
        id: column
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            spacing: 10
            Label {
                textFormat: Text.PlainText
                text: root.clientName
                color: Style.text
                font.weight: Font.DemiBold
            }
            Label {
                textFormat: Text.PlainText
                text: root.clientCode
                color: Style.muted
                font.family: "DejaVu Sans Mono"
                font.pixelSize: Style.smallSize
            }
            Label {
                textFormat: Text.PlainText
                text: Style.date(root.date)
                color: Style.muted
                font.pixelSize: Style.smallSize
            }
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: root.kind === "process" ? qsTr("Process note (private)") : qsTr("Progress note")
                color: root.kind === "process" ? Style.warning : Style.muted
                font.pixelSize: Style.smallSize
                elide: Text.ElideRight
            }
        }
        Label {
            objectName: "snippet"
            Layout.fillWidth: true
            text: root.snippetHtml
            textFormat: Text.RichText
            color: Style.text
            wrapMode: Text.WordWrap
        }
    }
}
