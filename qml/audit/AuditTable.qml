// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The audit entries as a table: number, time, user, action, object and detail. The list reuses
// its rows, so a trail of a hundred thousand entries scrolls like ten.
Rectangle {
    id: root

    required property AuditModel audit

    radius: Style.radius
    color: Style.surface
    border.color: Style.border
    clip: true

    component Cell: Label {
        color: Style.text
        font.pixelSize: Style.smallSize + 1
        elide: Text.ElideRight
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1
        spacing: 0
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 10
            spacing: 12
            FieldLabel { text: qsTr("No."); Layout.preferredWidth: 56 }
            FieldLabel { text: qsTr("Time (UTC)"); Layout.preferredWidth: 140 }
            FieldLabel { text: qsTr("User"); Layout.preferredWidth: 100 }
            FieldLabel { text: qsTr("Action"); Layout.preferredWidth: 170 }
            FieldLabel { text: qsTr("Object"); Layout.preferredWidth: 110 }
            FieldLabel { text: qsTr("Detail"); Layout.fillWidth: true }
        }
        Rectangle {
            Layout.fillWidth: true
            height: 1
            color: Style.border
        }
        ListView {
            id: list
            objectName: "auditList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.audit
            reuseItems: true
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            Accessible.name: qsTr("Audit entries")
            delegate: Rectangle {
                id: row
                required property int index
                required property var seq
                required property string at
                required property string user
                required property string action
                required property string object
                required property string objectLabel
                required property string detail
                width: ListView.view.width
                implicitHeight: 30
                color: ListView.isCurrentItem && list.activeFocus ? Style.accentSoft : index % 2 ? Style.background : Style.surface
                Accessible.role: Accessible.Row
                Accessible.name: qsTr("Entry %1, %2, %3 %4 %5 %6").arg(seq).arg(at).arg(user).arg(action).arg(objectLabel).arg(detail)
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 10
                    anchors.rightMargin: 10
                    spacing: 12
                    Cell { text: String(row.seq); Layout.preferredWidth: 56; color: Style.muted }
                    Cell { text: row.at.replace("T", " ").slice(0, 19); Layout.preferredWidth: 140 }
                    Cell { text: row.user === "" ? qsTr("(unknown)") : row.user; Layout.preferredWidth: 100 }
                    Cell {
                        text: row.action
                        Layout.preferredWidth: 170
                        font.weight: Font.DemiBold
                        color: row.action.startsWith("unlock-failed") ? Style.danger : Style.text
                    }
                    Cell { text: row.objectLabel; Layout.preferredWidth: 200 }
                    Cell { text: row.detail; Layout.fillWidth: true; color: Style.muted }
                }
            }
        }
    }
    Label {
        objectName: "emptyAudit"
        anchors.centerIn: parent
        visible: root.audit.count === 0 && !root.audit.loading
        text: qsTr("No entries match.")
        color: Style.muted
    }
}
