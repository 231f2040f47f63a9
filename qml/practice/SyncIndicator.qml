// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The top bar's sync state: hidden outside a practice; "Synced 14:05", "Syncing…", "Offline" or
// "Sync refused", the reason on hover and for screen readers. Clicking syncs now.
ToolButton {
    id: root

    required property PracticeSync sync

    objectName: "syncIndicator"
    visible: root.sync.state !== PracticeSync.NotMember
    enabled: root.sync.state !== PracticeSync.Syncing
    text: root.sync.summary
    font.pixelSize: Style.smallSize
    palette.buttonText: root.sync.state === PracticeSync.Refused ? Style.danger
                      : root.sync.state === PracticeSync.Failed ? Style.warning : Style.muted
    readonly property string detail: root.sync.advice !== "" ? root.sync.advice + " " + root.sync.lastResult
                                                              : root.sync.lastResult
    Accessible.name: qsTr("Practice sync: %1").arg(root.sync.summary)
    Accessible.description: root.detail + " " + qsTr("Press to sync now.")
    ToolTip.visible: hovered && root.detail !== ""
    ToolTip.text: root.detail
    ToolTip.delay: 400
    onClicked: root.sync.syncNow()

    BusyIndicator {
        anchors.right: parent.left
        anchors.verticalCenter: parent.verticalCenter
        width: 20
        height: 20
        running: root.sync.state === PracticeSync.Syncing
        visible: running
    }
}
