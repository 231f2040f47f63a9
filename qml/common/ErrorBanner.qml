// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// An error as one plain sentence across the top of the window, until dismissed.
Rectangle {
    id: root

    required property string message
    signal dismissed

    objectName: "errorBanner"
    visible: message !== ""
    implicitHeight: visible ? row.implicitHeight + 20 : 0
    color: Style.dangerSoft
    border.color: Style.danger
    border.width: 0

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Style.danger
        opacity: 0.4
    }
    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Style.gap
        anchors.rightMargin: Style.gap / 2
        Label {
            objectName: "errorText"
            Layout.fillWidth: true
            text: root.message
            color: Style.danger
            wrapMode: Text.WordWrap
            font.pixelSize: Style.bodySize
            Accessible.role: Accessible.AlertMessage
        }
        Button {
            text: qsTr("Dismiss")
            flat: true
            onClicked: root.dismissed()
        }
    }
}
