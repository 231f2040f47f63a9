// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// One row of the clients list: code, name, status, last session and the themes that recur; in the
// "open risk" view, the latest open flag first.
ItemDelegate {
    id: root

    required property int index
    required property string code
    required property string name
    required property string status
    required property string setting
    required property string lastSession
    required property var themes
    required property string openRisk
    required property string openRiskDate
    property bool current: false
    property bool mayEdit: true
    signal editRequested
    signal dischargeRequested

    objectName: "client-" + code
    height: 56
    leftPadding: 12
    rightPadding: 12
    highlighted: current
    Accessible.name: qsTr("%1, %2, %3").arg(code).arg(name).arg(status)
                     + (openRisk !== "" ? qsTr(", open risk: %1").arg(openRisk) : "")

    background: Rectangle {
        color: root.highlighted ? Style.accentSoft : root.hovered ? Style.hover : Style.surface
        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Style.border
        }
    }
    contentItem: RowLayout {
        spacing: Style.gap
        Label {
            textFormat: Text.PlainText
            Layout.preferredWidth: 80
            text: root.code
            color: Style.muted
            font.family: "DejaVu Sans Mono"
            font.pixelSize: Style.smallSize + 1
        }
        ColumnLayout {
            Layout.preferredWidth: 220
            Layout.maximumWidth: 220
            spacing: 2
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: root.name
                color: Style.text
                font.pixelSize: Style.bodySize
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                visible: root.setting !== ""
                text: root.setting
                color: Style.muted
                font.pixelSize: Style.smallSize
            }
        }
        Item {
            Layout.preferredWidth: 96
            implicitHeight: badge.implicitHeight
            StatusBadge {
                id: badge
                status: root.status
            }
        }
        Label {
            textFormat: Text.PlainText
            Layout.preferredWidth: 110
            text: root.lastSession === "" ? qsTr("no sessions") : Style.date(root.lastSession)
            color: root.lastSession === "" ? Style.muted : Style.text
            font.pixelSize: Style.bodySize
        }
        Flow {
            Layout.fillWidth: true
            Layout.maximumHeight: 24
            clip: true
            spacing: 6
            Rectangle {
                objectName: "openRisk-" + root.code
                visible: root.openRisk !== ""
                implicitWidth: riskText.implicitWidth + 14
                implicitHeight: riskText.implicitHeight + 6
                radius: 4
                color: "#a8322d"
                Label {
                    id: riskText
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    text: qsTr("Open risk: %1, %2").arg(root.openRisk).arg(Style.date(root.openRiskDate))
                    color: "#ffffff"
                    font.pixelSize: Style.smallSize
                    font.weight: Font.DemiBold
                }
            }
            Repeater {
                model: root.themes
                ThemeChip {
                    required property string modelData
                    text: modelData
                }
            }
        }
        ToolButton {
            objectName: "actions-" + root.code
            visible: root.mayEdit
            text: "⋯"
            font.pixelSize: 18
            Accessible.name: qsTr("Actions for %1").arg(root.code)
            onClicked: actions.open()
            Menu {
                id: actions
                y: parent.height
                MenuItem {
                    text: qsTr("Edit…")
                    onTriggered: root.editRequested()
                }
                MenuItem {
                    text: qsTr("Discharge…")
                    enabled: root.status === "active"
                    onTriggered: root.dischargeRequested()
                }
            }
        }
    }
}
