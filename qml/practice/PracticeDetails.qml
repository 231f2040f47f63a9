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
    // The width the card gives its content: wrapped text is capped to it (the layout's own width
    // would follow the text's, a loop).
    required property real available

    spacing: 8

    component Name: Label {
        Layout.alignment: Qt.AlignTop
        Layout.preferredWidth: 110
        color: Style.muted
        wrapMode: Text.WordWrap
    }
    // Capped to the card, so a fingerprint or an id wraps instead of running out of it.
    component Value: Label {
        Layout.fillWidth: true
        Layout.maximumWidth: Math.max(40, root.available - 120)
        color: Style.text
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
    }

    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: 10
        rowSpacing: 4
        Name { text: qsTr("Practice") }
        Value { text: root.membership.practiceId }
        Name { text: qsTr("Member id") }
        Value { text: root.membership.memberId }
        Name { text: qsTr("Role") }
        Value {
            text: root.membership.administrator ? qsTr("%1, administrator").arg(root.membership.role)
                                                : root.membership.role
        }
        Name { text: qsTr("Server") }
        Value { text: root.membership.server }
        Name { text: qsTr("CA fingerprint (SHA-256)") }
        Value { objectName: "practiceFingerprint"; text: root.membership.caFingerprint }
        Name { text: qsTr("Pinned heads") }
        Value { text: qsTr("notes %1, audit %2").arg(root.membership.itemsHead).arg(root.membership.auditHead) }
        Name { text: qsTr("Last sync") }
        Value { text: root.sync.lastSynced !== "" ? root.sync.lastSynced : qsTr("not yet on this machine") }
        Name { text: qsTr("Result") }
        Value { objectName: "practiceLastResult"; text: root.sync.lastResult !== "" ? root.sync.lastResult : "—" }
    }
    Label {
        textFormat: Text.PlainText
        objectName: "practiceAdvice"
        Layout.fillWidth: true
        Layout.maximumWidth: root.available
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
        Label { text: qsTr("minutes"); color: Style.text }
    }
    Label {
        Layout.fillWidth: true
        Layout.maximumWidth: root.available
        text: qsTr("0: only when you press Sync now. On: also each time you unlock.")
        color: Style.muted
        font.pixelSize: Style.smallSize
        wrapMode: Text.WordWrap
    }
}
