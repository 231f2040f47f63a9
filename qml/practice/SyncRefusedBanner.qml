// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Across the top of the window while a refused sync is not acknowledged: the practice server's
// history was rolled back or rewritten, nothing here changed, and what to do.
Rectangle {
    id: root

    required property PracticeSync sync

    objectName: "syncRefusedBanner"
    visible: root.sync.refusalShown
    implicitHeight: visible ? row.implicitHeight + 20 : 0
    color: Style.dangerSoft

    RowLayout {
        id: row
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: Style.gap
        anchors.rightMargin: Style.gap / 2
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: qsTr("Sync refused: the practice server's history changed")
                color: Style.danger
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
            }
            Label {
                textFormat: Text.PlainText
                objectName: "syncRefusedText"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: root.sync.advice
                color: Style.danger
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: qsTr("Sync refused: %1").arg(root.sync.advice)
            }
        }
        Button {
            objectName: "acknowledgeRefusalButton"
            text: qsTr("I have read this")
            Accessible.name: qsTr("Acknowledge the refused sync")
            onClicked: root.sync.acknowledgeRefusal()
        }
    }
}
