// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// A titled white card that groups one part of a screen.
Rectangle {
    id: root

    required property string title
    property string note
    default property alias content: body.data
    // Buttons at the right of the title row (after the note).
    property alias actions: actionRow.data

    implicitHeight: column.implicitHeight + 28
    radius: Style.radius
    color: Style.surface
    border.color: Style.border

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 14
        spacing: 10
        RowLayout {
            Layout.fillWidth: true
            Label {
                textFormat: Text.PlainText
                text: root.title
                color: Style.text
                font.pixelSize: Style.headingSize
                font.weight: Font.DemiBold
            }
            // The note takes the room left and gives it up first: in a narrow window it wraps onto a
            // second line, then is cut short (whole in its tooltip), so the actions stay inside the card.
            Label {
                id: noteLabel
                textFormat: Text.PlainText
                Layout.fillWidth: true
                Layout.minimumWidth: 0
                horizontalAlignment: Text.AlignRight
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                text: root.note
                color: Style.muted
                font.pixelSize: Style.smallSize
                HoverHandler { id: noteHover }
                ToolTip.visible: noteLabel.truncated && noteHover.hovered
                ToolTip.text: root.note
            }
            RowLayout {
                id: actionRow
                spacing: 8
                visible: children.length > 0
            }
        }
        ColumnLayout {
            id: body
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8
        }
    }
}
