// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The bar across the top of the unlocked screens: where you are, the practice sync (for a member),
// who is signed in, and Lock.
Rectangle {
    id: root

    required property string userName
    property bool demo: false
    default property alias leading: leadingRow.data
    signal lockRequested

    // The sections strip (clients, review queue, audit trail …) sits under the bar once unlocked.
    implicitHeight: 56 + (sections.visible ? sections.height : 0)
    color: Style.surface

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Style.border
    }
    RowLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: 56
        anchors.leftMargin: Style.gap
        anchors.rightMargin: Style.gap
        spacing: Style.gap
        // Takes the room Lock and the user name leave; a screen's label that may elide (fillWidth,
        // a small minimumWidth) gives way first on a narrow window.
        RowLayout {
            id: leadingRow
            Layout.fillWidth: true
            spacing: Style.gap
        }
        Item { Layout.fillWidth: true }
        // Short on a narrow window, so a screen's own label keeps the room; the whole sentence on hover.
        Label {
            textFormat: Text.PlainText
            objectName: "demoLabel"
            visible: root.demo
            text: root.width < 1200 ? qsTr("Demo") : qsTr("Demo practice: invented clients")
            color: Style.warning
            font.pixelSize: Style.smallSize
            ToolTip.visible: demoHover.hovered && root.width < 1200
            ToolTip.text: qsTr("Demo practice: invented clients")
            Accessible.name: qsTr("Demo practice: invented clients")
            HoverHandler { id: demoHover }
        }
        SyncIndicator {
            sync: Workspace.sync
        }
        Label {
            textFormat: Text.PlainText
            text: root.userName
            ToolTip.visible: userHover.hovered && VaultSession.role !== ""
            ToolTip.text: qsTr("Signed in as %1").arg(VaultSession.role)
            HoverHandler { id: userHover }
            color: Style.muted
            font.pixelSize: Style.smallSize
        }
        Button {
            objectName: "lockButton"
            text: qsTr("Lock")
            Accessible.name: qsTr("Lock the vault (Ctrl+L)")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Lock the vault (Ctrl+L)")
            onClicked: root.lockRequested()
        }
    }
    SectionNav {
        id: sections
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 1
        x: Style.gap - 8
        height: 34
        visible: VaultSession.unlocked
    }
}
