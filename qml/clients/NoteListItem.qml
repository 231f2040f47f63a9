// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// A note in the client's list: date, template, status and its first words.
ItemDelegate {
    id: root

    required property var noteId
    required property string date
    required property string kind
    required property string status
    required property string templateLabel
    required property string preview

    implicitHeight: column.implicitHeight + 20
    Accessible.name: qsTr("%1, %2, %3").arg(Style.date(date)).arg(templateLabel).arg(status)

    background: Rectangle {
        color: root.hovered ? Style.hover : Style.surface
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
            spacing: 8
            Label {
                textFormat: Text.PlainText
                text: Style.date(root.date)
                color: Style.text
                font.pixelSize: Style.bodySize
                font.weight: Font.DemiBold
            }
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: root.kind === "process" ? qsTr("Process note (private)") : root.templateLabel
                color: root.kind === "process" ? Style.warning : Style.muted
                font.pixelSize: Style.smallSize
                elide: Text.ElideRight
            }
            StatusBadge { status: root.status }
        }
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: root.preview
            color: Style.muted
            font.pixelSize: Style.smallSize + 1
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
    }
}
