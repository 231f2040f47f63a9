// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Settings › Practice: the join form until the user is a member, then the membership and its sync.
SectionCard {
    id: root

    required property PracticeMembership membership
    required property PracticeSync sync

    objectName: "practiceCard"
    visible: root.membership.available
    title: qsTr("Practice")
    note: root.membership.joined ? qsTr("a member") : qsTr("not joined")

    PracticeJoinForm {
        Layout.fillWidth: true
        visible: root.membership.loaded && !root.membership.joined
        membership: root.membership
        available: root.width - 28
    }
    PracticeDetails {
        Layout.fillWidth: true
        visible: root.membership.joined
        membership: root.membership
        sync: root.sync
        available: root.width - 28
    }
}
