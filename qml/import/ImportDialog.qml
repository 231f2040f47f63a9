// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Undercurrent

// Import notes from a CSV file or a folder of text files: every row checked first and shown with
// its status; "Import" is offered only when every row is good, and writes them all or none.
Dialog {
    id: root

    required property ImportPreviewModel preview
    property bool folder: false
    property string error
    property string done

    objectName: "importDialog"
    title: qsTr("Import notes")
    modal: true
    padding: 20
    anchors.centerIn: Overlay.overlay
    width: Math.min(980, (parent ? parent.width : 980) - 40)
    height: Math.min(620, (parent ? parent.height : 620) - 40)

    function check() {
        root.error = "";
        root.done = "";
        root.preview.preview(pathField.text, root.folder, createBox.checked);
    }

    // Opens the dialog on a file or folder and checks it (the screenshot driver, tests).
    function checkPath(path: string, isFolder: bool) {
        root.folder = isFolder;
        pathField.text = path;
        root.open();
        root.check();
    }

    onOpened: {
        root.error = "";
        root.done = "";
        pathField.forceActiveFocus();
    }
    onClosed: root.preview.clear()

    Connections {
        target: root.preview
        enabled: root.opened
        function onFailed(failure) { root.error = failure.message; }
        function onImported(notes: int, clients: int) {
            root.done = qsTr("Imported %1 for %2 as drafts: review and sign each one.")
                .arg(Style.plural(notes, qsTr("note"), qsTr("notes")))
                .arg(Style.plural(clients, qsTr("client"), qsTr("clients")));
        }
    }

    component Cell: Label {
        color: Style.text
        font.pixelSize: Style.smallSize + 1
        elide: Text.ElideRight
    }

    contentItem: ColumnLayout {
        spacing: 8
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            RadioButton {
                objectName: "importCsv"
                text: qsTr("CSV file")
                checked: !root.folder
                onToggled: root.folder = false
            }
            RadioButton {
                objectName: "importFolder"
                text: qsTr("Folder of .md or .txt files")
                checked: root.folder
                onToggled: root.folder = true
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            TextField {
                id: pathField
                objectName: "importPath"
                Layout.fillWidth: true
                placeholderText: root.folder ? qsTr("Folder of CLIENTCODE_YYYY-MM-DD….md files")
                                             : qsTr("CSV file with a header row (client_code, date, text, …)")
                Accessible.name: qsTr("File or folder to import")
                onAccepted: root.check()
            }
            Button {
                text: qsTr("Choose…")
                onClicked: root.folder ? folderDialog.open() : fileDialog.open()
            }
            Button {
                objectName: "importCheck"
                text: qsTr("Check")
                enabled: pathField.text.trim() !== "" && !VaultSession.vaultThread.busy
                onClicked: root.check()
            }
        }
        CheckBox {
            id: createBox
            objectName: "importCreateClients"
            text: qsTr("Create unknown clients (their code stands in as the name)")
            onToggled: if (root.preview.source !== "") root.check()
        }
        Label {
            textFormat: Text.PlainText
            objectName: "importSummary"
            Layout.fillWidth: true
            visible: root.preview.count > 0
            wrapMode: Text.WordWrap
            color: root.preview.errorCount > 0 ? Style.danger : Style.text
            text: root.preview.errorCount > 0
                  ? qsTr("%1 of %2 refused: nothing will be imported until every row is good.")
                        .arg(Style.plural(root.preview.errorCount, qsTr("row"), qsTr("rows"))).arg(root.preview.count)
                  : qsTr("Every row is good.") + (root.preview.newClients.length > 0
                        ? " " + qsTr("New clients: %1.").arg(root.preview.newClients.join(", ")) : "")
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
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
                    Layout.margins: 10
                    spacing: 12
                    FieldLabel { text: qsTr("Row"); Layout.preferredWidth: 120 }
                    FieldLabel { text: qsTr("Client"); Layout.preferredWidth: 80 }
                    FieldLabel { text: qsTr("Date"); Layout.preferredWidth: 84 }
                    FieldLabel { text: qsTr("Modality"); Layout.preferredWidth: 76 }
                    FieldLabel { text: qsTr("Template"); Layout.preferredWidth: 150 }
                    FieldLabel { text: qsTr("Status"); Layout.fillWidth: true }
                }
                Rectangle { Layout.fillWidth: true; height: 1; color: Style.border }
                ListView {
                    id: list
                    objectName: "importRows"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: root.preview
                    reuseItems: true
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar {}
                    Accessible.name: qsTr("Rows to import")
                    delegate: Rectangle {
                        id: row
                        required property int index
                        required property string where
                        required property string client
                        required property string date
                        required property string modality
                        required property string templateLabel
                        required property string status
                        required property bool ok
                        width: ListView.view.width
                        implicitHeight: 30
                        color: index % 2 ? Style.background : Style.surface
                        Accessible.role: Accessible.Row
                        Accessible.name: [where, client, date, modality, templateLabel, status].join(", ")
                        RowLayout {
                            anchors.fill: parent
                            anchors.leftMargin: 10
                            anchors.rightMargin: 10
                            spacing: 12
                            Cell { text: row.where; Layout.preferredWidth: 120; color: Style.muted }
                            Cell { text: row.client; Layout.preferredWidth: 80 }
                            Cell { text: row.date; Layout.preferredWidth: 84 }
                            Cell { text: row.modality; Layout.preferredWidth: 76 }
                            Cell { text: row.templateLabel; Layout.preferredWidth: 150 }
                            Cell {
                                text: row.status
                                Layout.fillWidth: true
                                color: row.ok ? Style.accent : Style.danger
                                ToolTip.visible: hoverArea.hovered && truncated
                                ToolTip.text: row.status
                                HoverHandler { id: hoverArea }
                            }
                        }
                    }
                }
            }
            Label {
                textFormat: Text.PlainText
                anchors.centerIn: parent
                visible: list.count === 0
                width: parent.width - 64
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                color: Style.muted
                text: root.preview.loading ? qsTr("Checking…")
                      : qsTr("Choose a file or folder and check it: every row is shown here with what is wrong with it, before anything is written.")
            }
        }
        Label {
            textFormat: Text.PlainText
            objectName: "importMessage"
            Layout.fillWidth: true
            visible: root.error !== "" || root.done !== ""
            text: root.error !== "" ? root.error : root.done
            color: root.error !== "" ? Style.danger : Style.text
            wrapMode: Text.WordWrap
        }
    }
    footer: DialogButtonBox {
        Button {
            text: root.done !== "" ? qsTr("Close") : qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        PrimaryButton {
            objectName: "importButton"
            text: qsTr("Import %1 as drafts").arg(Style.plural(root.preview.count, qsTr("note"), qsTr("notes")))
            enabled: root.preview.canImport && !VaultSession.vaultThread.busy
            onClicked: root.preview.run()
        }
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Import notes from a CSV file")
        nameFilters: [qsTr("CSV files (*.csv)"), qsTr("All files (*)")]
        onAccepted: { pathField.text = AppInfo.localPath(selectedFile); root.check(); }
    }
    FolderDialog {
        id: folderDialog
        title: qsTr("Import a folder of note files")
        onAccepted: { pathField.text = AppInfo.localPath(selectedFolder); root.check(); }
    }
}
