// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The audit entries as a table: number, time, user (and who signed, when someone else did), action,
// object, detail and whether the entry's signature holds as the last verification left it. The list
// reuses its rows, so a trail of a hundred thousand entries scrolls like ten.
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
            FieldLabel { text: qsTr("User"); Layout.preferredWidth: 130 }
            FieldLabel { text: qsTr("Action"); Layout.preferredWidth: 160 }
            FieldLabel { text: qsTr("Object"); Layout.preferredWidth: 180 }
            FieldLabel { text: qsTr("Detail"); Layout.fillWidth: true }
            FieldLabel { text: qsTr("Signature"); Layout.preferredWidth: 80 }
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
                required property string signer
                required property string signature
                // Failed-unlock reports are signed by the user who unlocked and folded them in.
                readonly property string userText: (user === "" ? qsTr("(unknown)") : user)
                                                   + (signer !== "" && signer !== user ? qsTr(" (signed by %1)").arg(signer) : "")
                readonly property string signatureText: signature === "verified" ? qsTr("verified")
                                                        : signature === "broken" ? qsTr("does not hold")
                                                        : signature === "unsigned" ? qsTr("unsigned") : qsTr("not checked")
                width: ListView.view.width
                implicitHeight: 30
                color: ListView.isCurrentItem && list.activeFocus ? Style.accentSoft : index % 2 ? Style.background : Style.surface
                Accessible.role: Accessible.Row
                Accessible.name: qsTr("Entry %1, %2, %3 %4 %5 %6, signature %7").arg(seq).arg(at).arg(userText).arg(action).arg(objectLabel).arg(detail).arg(signatureText)
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 10
                    anchors.rightMargin: 10
                    spacing: 12
                    Cell { text: String(row.seq); Layout.preferredWidth: 56; color: Style.muted }
                    Cell { text: row.at.replace("T", " ").slice(0, 19); Layout.preferredWidth: 140 }
                    Cell { objectName: "auditUser"; text: row.userText; Layout.preferredWidth: 130 }
                    Cell {
                        text: row.action
                        Layout.preferredWidth: 160
                        font.weight: Font.DemiBold
                        color: row.action.startsWith("unlock-failed") ? Style.danger : Style.text
                    }
                    Cell { text: row.objectLabel; Layout.preferredWidth: 180 }
                    Cell { text: row.detail; Layout.fillWidth: true; color: Style.muted }
                    Cell {
                        objectName: "auditSignature"
                        text: row.signatureText
                        Layout.preferredWidth: 80
                        color: row.signature === "broken" ? Style.danger : row.signature === "verified" ? Style.text : Style.muted
                    }
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
