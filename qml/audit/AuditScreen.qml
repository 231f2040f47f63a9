// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Undercurrent

// The audit trail: who did what and when (never note text), filtered by a start date and a user,
// newest or oldest first; whether the chain is whole; and an export of what is listed as CSV.
// A therapist's trail is their own entries (the vault narrows it).
Rectangle {
    id: root

    required property AuditModel audit
    required property string userName
    property bool demo: false
    signal lockRequested

    objectName: "auditScreen"
    color: Style.background

    function reload() {
        message.text = "";
        root.audit.load(since.text, user.text, until.text);
    }

    Component.onCompleted: root.audit.load("", "")

    Connections {
        target: root.audit
        function onFailed(failure) {
            message.error = true;
            message.text = failure.message;
        }
        function onExported(entries: int, file: string) {
            message.error = false;
            message.text = qsTr("%1 written to %2.").arg(Style.plural(entries, qsTr("entry"), qsTr("entries"))).arg(file);
        }
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
                text: qsTr("Audit trail")
                color: Style.text
                font.pixelSize: Style.headingSize + 3
                font.weight: Font.DemiBold
            }
            Label {
                textFormat: Text.PlainText
                objectName: "auditCount"
                text: Style.plural(root.audit.count, qsTr("entry listed"), qsTr("entries listed"))
                color: Style.muted
                font.pixelSize: Style.smallSize
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Style.gap
            spacing: 10

            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: verification.implicitHeight + 14
                    radius: Style.radius
                    color: !root.audit.verified ? Style.surface : root.audit.whole ? Style.accentSoft : Style.dangerSoft
                    border.color: Style.border
                    Label {
                        id: verification
                        textFormat: Text.PlainText
                        objectName: "verificationText"
                        anchors.verticalCenter: parent.verticalCenter
                        x: 12
                        width: parent.width - 24
                        text: root.audit.verified ? root.audit.verificationText : qsTr("Verifying the chain of entries…")
                        color: !root.audit.verified ? Style.muted : root.audit.whole ? Style.accent : Style.danger
                        font.weight: Font.DemiBold
                        wrapMode: Text.WordWrap
                    }
                }
                Button {
                    objectName: "verifyButton"
                    text: qsTr("Verify again")
                    onClicked: root.audit.verify()
                }
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                FieldLabel { text: qsTr("From") }
                TextField {
                    id: since
                    objectName: "sinceField"
                    Layout.preferredWidth: 110
                    placeholderText: qsTr("YYYY-MM-DD")
                    Accessible.name: qsTr("Entries from (YYYY-MM-DD)")
                    onAccepted: root.reload()
                }
                FieldLabel { text: qsTr("to") }
                TextField {
                    id: until
                    objectName: "untilField"
                    Layout.preferredWidth: 110
                    placeholderText: qsTr("YYYY-MM-DD")
                    Accessible.name: qsTr("Entries to (YYYY-MM-DD), inclusive")
                    onAccepted: root.reload()
                }
                FieldLabel { text: qsTr("User") }
                TextField {
                    id: user
                    objectName: "userField"
                    Layout.preferredWidth: 110
                    placeholderText: qsTr("everyone")
                    Accessible.name: qsTr("Entries by user")
                    onAccepted: root.reload()
                }
                Button {
                    objectName: "applyFilterButton"
                    text: qsTr("Show")
                    onClicked: root.reload()
                }
                ComboBox {
                    objectName: "orderBox"
                    model: [qsTr("Newest first"), qsTr("Oldest first")]
                    currentIndex: root.audit.newestFirst ? 0 : 1
                    onActivated: (index) => root.audit.newestFirst = index === 0
                    Accessible.name: qsTr("Order")
                }
                Item { Layout.fillWidth: true }
            }

            // The export takes the period and user above, as CSV or as a PDF report.
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                FieldLabel { text: qsTr("Export to") }
                TextField {
                    id: exportFile
                    objectName: "exportFileField"
                    Layout.fillWidth: true
                    text: root.audit.suggestedFile
                    Accessible.name: qsTr("File to export to")
                }
                Button {
                    text: qsTr("Browse…")
                    Accessible.name: qsTr("Choose the file to export to")
                    onClicked: fileDialog.open()
                }
                PrimaryButton {
                    objectName: "exportButton"
                    text: qsTr("Export CSV")
                    enabled: exportFile.text.trim() !== ""
                    onClicked: root.audit.exportCsv(since.text, user.text, exportFile.text, until.text)
                }
                Button {
                    objectName: "exportPdfButton"
                    text: qsTr("Export PDF")
                    enabled: exportFile.text.trim() !== ""
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("The same entries as a PDF beside the CSV's name")
                    onClicked: root.audit.exportPdf(since.text, user.text, exportFile.text, until.text)
                }
            }

            Label {
                id: message
                property bool error: false
                objectName: "auditMessage"
                Layout.fillWidth: true
                visible: text !== ""
                color: error ? Style.danger : Style.accent
                wrapMode: Text.WordWrap
            }

            AuditTable {
                Layout.fillWidth: true
                Layout.fillHeight: true
                audit: root.audit
            }
        }
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Export the audit trail")
        fileMode: FileDialog.SaveFile
        acceptLabel: qsTr("Export")
        currentFolder: AppInfo.saveFolder()
        defaultSuffix: "csv"
        nameFilters: [qsTr("CSV files (*.csv)")]
        onAccepted: exportFile.text = AppInfo.localPath(selectedFile)
    }
}
