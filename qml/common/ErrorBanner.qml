// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// A failure no form shows, across the top of the window until dismissed: what its kind means for
// the user ("Not allowed for your role", "The vault may be damaged …") above the plain sentence
// that says what failed.
Rectangle {
    id: root

    required property string title
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
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                textFormat: Text.PlainText
                objectName: "errorTitle"
                Layout.fillWidth: true
                visible: root.title !== ""
                text: root.title
                color: Style.danger
                wrapMode: Text.WordWrap
                font.pixelSize: Style.bodySize
                font.weight: Font.DemiBold
            }
            Label {
                textFormat: Text.PlainText
                objectName: "errorText"
                Layout.fillWidth: true
                text: root.message
                color: Style.danger
                wrapMode: Text.WordWrap
                font.pixelSize: Style.bodySize
                Accessible.role: Accessible.AlertMessage
                Accessible.name: root.title !== "" ? root.title + ": " + root.message : root.message
            }
        }
        Button {
            text: qsTr("Dismiss")
            flat: true
            onClicked: root.dismissed()
        }
    }
}
