// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Shown while the vault thread works on something that has taken more than half a second: the
// window stays responsive, input is held back until the answer comes.
Rectangle {
    id: root

    required property bool active
    required property string text

    visible: active
    color: Qt.rgba(0.96, 0.96, 0.97, 0.75)

    MouseArea {
        anchors.fill: parent
        hoverEnabled: true
        acceptedButtons: Qt.AllButtons
        onWheel: (wheel) => wheel.accepted = true
    }
    Rectangle {
        anchors.centerIn: parent
        width: column.implicitWidth + 48
        height: column.implicitHeight + 40
        radius: Style.radius
        color: Style.surface
        border.color: Style.border
        ColumnLayout {
            id: column
            anchors.centerIn: parent
            spacing: 12
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                running: root.active
            }
            Label {
                textFormat: Text.PlainText
                Layout.alignment: Qt.AlignHCenter
                text: root.text
                color: Style.text
                font.pixelSize: Style.bodySize
            }
        }
    }
}
