// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Every client with their status, last session and the themes that keep coming back; a search
// field narrows the list (the model filters, in C++). Rows are computed once on the vault thread.
Rectangle {
    id: root

    required property ClientListModel clients
    required property string userName
    property bool demo: false
    // The role adds and edits clients (a supervisor or an auditor reads them only).
    property bool mayEdit: true
    signal openClient(string code)
    signal lockRequested
    signal searchRequested
    signal settingsRequested

    objectName: "clientsScreen"
    color: Style.background

    function focusSearch() {
        search.forceActiveFocus();
        search.selectAll();
    }

    Shortcut {
        sequence: StandardKey.Find
        onActivated: root.focusSearch()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TopBar {
            Layout.fillWidth: true
            userName: root.userName
            demo: root.demo
            onLockRequested: root.lockRequested()
            Label {
                text: qsTr("Clients")
                color: Style.text
                font.pixelSize: Style.headingSize + 3
                font.weight: Font.DemiBold
            }
            Label {
                textFormat: Text.PlainText
                objectName: "clientCount"
                text: root.clients.count === root.clients.total
                      ? Style.plural(root.clients.total, qsTr("client"), qsTr("clients"))
                      : qsTr("%1 of %2").arg(root.clients.count).arg(root.clients.total)
                color: Style.muted
                font.pixelSize: Style.smallSize
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Style.gap
            spacing: Style.gap
            TextField {
                id: search
                objectName: "clientSearch"
                Layout.fillWidth: true
                Layout.maximumWidth: 420
                placeholderText: qsTr("Search by code, name or theme  (Ctrl+F)")
                text: root.clients.filterText
                onTextChanged: root.clients.filterText = text
                Accessible.name: qsTr("Search clients")
                Keys.onDownPressed: list.forceActiveFocus()
            }
            Button {
                objectName: "openRiskButton"
                text: qsTr("Open risk")
                checkable: true
                checked: root.clients.openRiskOnly
                onToggled: root.clients.openRiskOnly = checked
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Only the clients with open risk, the most recent flag first")
                Accessible.name: qsTr("Show only clients with open risk")
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "searchNotesButton"
                text: qsTr("Search notes…")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Full-text search over your notes (Ctrl+Shift+F)")
                onClicked: root.searchRequested()
            }
            Button {
                objectName: "settingsButton"
                text: qsTr("Settings")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Auto-lock, theme, codebook, passphrase, backup (Ctrl+,)")
                onClicked: root.settingsRequested()
            }
            Button {
                objectName: "importNotesButton"
                visible: root.mayEdit
                text: qsTr("Import notes…")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Notes from a CSV file or a folder of text files, checked row by row first")
                onClicked: importDialog.open()
            }
            PrimaryButton {
                objectName: "addClientButton"
                visible: root.mayEdit
                text: qsTr("Add client…")
                onClicked: clientDialog.openFor("", "", "")
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.leftMargin: Style.gap
            Layout.rightMargin: Style.gap
            Layout.bottomMargin: Style.gap
            radius: Style.radius
            color: Style.surface
            border.color: Style.border
            clip: true

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 1
                spacing: 0
                RowLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: 12
                    Layout.rightMargin: 12
                    Layout.topMargin: 10
                    Layout.bottomMargin: 8
                    spacing: Style.gap
                    FieldLabel { text: qsTr("Code"); Layout.preferredWidth: 80 }
                    FieldLabel { text: qsTr("Name"); Layout.preferredWidth: 220 }
                    FieldLabel { text: qsTr("Status"); Layout.preferredWidth: 96 }
                    FieldLabel { text: qsTr("Last session"); Layout.preferredWidth: 110 }
                    FieldLabel { text: qsTr("Recurring themes"); Layout.fillWidth: true }
                }
                Rectangle {
                    Layout.fillWidth: true
                    height: 1
                    color: Style.border
                }
                ListView {
                    id: list
                    objectName: "clientList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: root.clients
                    reuseItems: true
                    cacheBuffer: 600
                    boundsBehavior: Flickable.StopAtBounds
                    keyNavigationEnabled: true
                    activeFocusOnTab: true // Tab reaches the list; arrows choose, Enter opens
                    onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0
                    ScrollBar.vertical: ScrollBar {}
                    Keys.onReturnPressed: if (currentItem) root.openClient(currentItem.code)
                    delegate: ClientDelegate {
                        width: ListView.view.width
                        current: ListView.isCurrentItem && list.activeFocus
                        mayEdit: root.mayEdit
                        onClicked: root.openClient(code)
                        onEditRequested: clientDialog.openFor(code, name, setting)
                        onDischargeRequested: dischargeDialog.openFor(code, name)
                    }
                }
            }
            Label {
                textFormat: Text.PlainText
                objectName: "emptyClients"
                anchors.centerIn: parent
                visible: list.count === 0 && !root.clients.loading
                width: parent.width - 64
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                color: Style.muted
                font.pixelSize: Style.bodySize
                text: root.clients.total === 0
                      ? qsTr("No clients yet. Add your first client to start writing notes.")
                      : root.clients.openRiskOnly && root.clients.filterText === ""
                      ? qsTr("No client has open risk.")
                      : qsTr("No client matches “%1”.").arg(root.clients.filterText)
            }
        }
    }

    ClientDialog { id: clientDialog }
    DischargeDialog { id: dischargeDialog }
    ImportDialog {
        id: importDialog
        preview: Workspace.importPreview
    }
}
