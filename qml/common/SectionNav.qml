// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The sections of the app the signed-in role may use, as tabs under the top bar (Ctrl+1 … Ctrl+4).
// Which ones show is the permission matrix's answer (VaultSession.permissions), not a rule kept here.
Item {
    id: root

    implicitWidth: row.implicitWidth
    implicitHeight: 34

    RowLayout {
        id: row
        anchors.fill: parent
        spacing: 0
        Repeater {
            model: [
                { area: "clients", label: qsTr("Clients"), action: "read-records", key: "Ctrl+1" },
                { area: "queue", label: VaultSession.role === "therapist" ? qsTr("My notes in review") : qsTr("Review queue"), action: "review-queue", key: "Ctrl+2" },
                { area: "agreement", label: qsTr("Agreement check"), action: "agreement-check", key: "Ctrl+3" },
                { area: "audit", label: qsTr("Audit trail"), action: "read-audit", key: "Ctrl+4" }
            ]
            delegate: Button {
                id: section
                required property var modelData
                readonly property bool current: !Navigation.aside && Navigation.area === modelData.area
                objectName: "nav-" + modelData.area
                visible: VaultSession.permissions[modelData.action] === true
                Layout.fillHeight: true
                text: modelData.label
                leftPadding: 10
                rightPadding: 10
                Accessible.name: qsTr("%1 (%2)").arg(modelData.label).arg(modelData.key)
                ToolTip.visible: hovered
                ToolTip.text: modelData.key
                ToolTip.delay: 600
                onClicked: Navigation.go(modelData.area)
                contentItem: Label {
                    textFormat: Text.PlainText
                    text: section.text
                    color: section.current ? Style.accent : Style.muted
                    font.pixelSize: Style.smallSize + 1
                    font.weight: section.current ? Font.DemiBold : Font.Normal
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle {
                    color: section.hovered ? Style.background : "transparent"
                    border.width: section.visualFocus ? 1 : 0
                    border.color: Style.accent
                    Rectangle {
                        anchors.bottom: parent.bottom
                        width: parent.width
                        height: 2
                        visible: section.current
                        color: Style.accent
                    }
                }
                Shortcut {
                    sequence: section.modelData.key
                    enabled: section.visible
                    onActivated: Navigation.go(section.modelData.area)
                }
            }
        }
    }
}
