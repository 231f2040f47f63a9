// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// A member's practice: who they are there, what is pinned, the last sync, Sync now and the
// automatic sync's interval.
ColumnLayout {
    id: root

    required property PracticeMembership membership
    required property PracticeSync sync

    spacing: 8

    Repeater {
        model: [
            [qsTr("Practice"), root.membership.practiceId],
            [qsTr("Member id"), root.membership.memberId],
            [qsTr("Role"), root.membership.administrator ? qsTr("%1, administrator").arg(root.membership.role) : root.membership.role],
            [qsTr("Server"), root.membership.server],
            [qsTr("CA fingerprint (SHA-256)"), root.membership.caFingerprint],
            [qsTr("Pinned heads"), qsTr("notes %1, audit %2").arg(root.membership.itemsHead).arg(root.membership.auditHead)],
            [qsTr("Last sync"), root.sync.lastSynced !== "" ? root.sync.lastSynced : qsTr("not yet on this machine")],
            [qsTr("Result"), root.sync.lastResult]
        ]
        delegate: RowLayout {
            id: line
            required property var modelData
            Layout.fillWidth: true
            visible: line.modelData[1] !== ""
            spacing: 8
            Label {
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 150
                text: line.modelData[0]
                color: Style.muted
                wrapMode: Text.WordWrap
            }
            Label {
                Layout.fillWidth: true
                text: line.modelData[1]
                color: Style.text
                wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            }
        }
    }
    Label {
        objectName: "practiceAdvice"
        Layout.fillWidth: true
        visible: text !== ""
        text: root.sync.advice
        color: root.sync.state === PracticeSync.Refused ? Style.danger : Style.warning
        wrapMode: Text.WordWrap
    }
    RowLayout {
        spacing: 10
        Button {
            objectName: "syncNowButton"
            text: root.sync.state === PracticeSync.Syncing ? qsTr("Syncing…") : qsTr("Sync now")
            enabled: root.sync.state !== PracticeSync.Syncing
            Accessible.name: qsTr("Sync with the practice now")
            onClicked: root.sync.syncNow()
        }
    }
    RowLayout {
        spacing: 10
        Label { text: qsTr("Sync by itself every"); color: Style.text }
        SpinBox {
            objectName: "autoSyncBox"
            from: 0
            to: 240
            stepSize: 5
            editable: true
            value: root.sync.autoSyncMinutes
            Accessible.name: qsTr("Minutes between automatic syncs (0 for never)")
            onValueModified: root.sync.autoSyncMinutes = value
        }
        Label { text: qsTr("minutes (0: by hand only)"); color: Style.muted }
    }
}
