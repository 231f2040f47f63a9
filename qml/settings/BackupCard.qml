// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtCore
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Undercurrent

// A backup to one encrypted file, and a restore of one into an empty folder (proved to open with
// the user and passphrase given; the vault open now is not touched).
SectionCard {
    id: root

    required property VaultSettings settings
    required property string userName
    property string backupMessage
    property bool backupOk: false
    property string restoreMessage
    property bool restoreOk: false
    property string restoredDir

    title: qsTr("Backup and restore")

    Connections {
        target: root.settings
        function onBackupWritten(file: string) {
            root.backupOk = true;
            root.backupMessage = qsTr("Backup written to %1.").arg(file);
        }
        function onFailed(failure) {
            if (failure.action === "backup") {
                root.backupOk = false;
                root.backupMessage = failure.message;
            } else if (failure.action === "restore") {
                root.restoreOk = false;
                root.restoredDir = "";
                root.restoreMessage = failure.message;
            }
        }
        function onRestored(dir: string) {
            root.restoreOk = true;
            root.restoredDir = dir;
            root.restoreMessage = qsTr("Restored into %1, and it opens with that user and passphrase.").arg(dir);
            restorePassphrase.text = "";
        }
    }

    // The path has a line of its own (a home folder's path is long), its buttons under it.
    FieldLabel { text: qsTr("Back up to (a new file)") }
    TextField {
        id: backupFile
        objectName: "backupFileField"
        Layout.fillWidth: true
        text: StandardPaths.writableLocation(StandardPaths.DocumentsLocation).toString().replace("file://", "")
              + "/undercurrent-" + Qt.formatDate(new Date(), "yyyy-MM-dd") + ".ucbackup"
        Accessible.name: qsTr("Backup file")
        Component.onCompleted: cursorPosition = 0 // the start of the path, not its end
    }
    RowLayout {
        Layout.fillWidth: true
        Item { Layout.fillWidth: true }
        Button {
            text: qsTr("Browse…")
            Accessible.name: qsTr("Choose the backup file to write")
            onClicked: backupDialog.open()
        }
        Button {
            objectName: "backupButton"
            text: qsTr("Back up")
            enabled: !VaultSession.vaultThread.busy && backupFile.text !== ""
            onClicked: root.settings.backupTo(backupFile.text)
        }
    }
    Label {
        textFormat: Text.PlainText
        objectName: "backupMessage"
        Layout.fillWidth: true
        visible: root.backupMessage !== ""
        text: root.backupMessage
        color: root.backupOk ? Style.accent : Style.danger
        wrapMode: Text.WrapAnywhere
        font.pixelSize: Style.smallSize
    }

    FieldLabel { text: qsTr("Restore a backup into an empty folder"); Layout.topMargin: 6 }
    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: 8
        rowSpacing: 6
        TextField {
            id: restoreFile
            objectName: "restoreFileField"
            Layout.fillWidth: true
            placeholderText: qsTr("Backup file")
            Accessible.name: qsTr("Backup file to restore")
        }
        Button {
            text: qsTr("Browse…")
            Accessible.name: qsTr("Choose the backup file to restore")
            onClicked: restoreDialog.open()
        }
        TextField {
            id: restoreDir
            objectName: "restoreDirField"
            Layout.fillWidth: true
            placeholderText: qsTr("Empty folder to restore into")
            Accessible.name: qsTr("Folder to restore into")
        }
        Button {
            text: qsTr("Browse…")
            Accessible.name: qsTr("Choose the empty folder to restore into")
            onClicked: folderDialog.open()
        }
    }
    // User and passphrase on a row of their own: the fields above keep the card's width.
    RowLayout {
        Layout.fillWidth: true
        spacing: 8
        TextField {
            id: restoreUser
            objectName: "restoreUserField"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            text: root.userName
            placeholderText: qsTr("User")
            Accessible.name: qsTr("User name in the backup")
        }
        TextField {
            id: restorePassphrase
            objectName: "restorePassphraseField"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            echoMode: TextInput.Password
            placeholderText: qsTr("Passphrase")
            Accessible.name: qsTr("Passphrase of the backup")
        }
    }
    Label {
        textFormat: Text.PlainText
        objectName: "restoreMessage"
        Layout.fillWidth: true
        visible: root.restoreMessage !== ""
        text: root.restoreMessage
        color: root.restoreOk ? Style.accent : Style.danger
        wrapMode: Text.WrapAnywhere
        font.pixelSize: Style.smallSize
    }
    RowLayout {
        Button {
            objectName: "restoreButton"
            text: qsTr("Restore")
            enabled: !VaultSession.vaultThread.busy && restoreFile.text !== "" && restoreDir.text !== "" && restorePassphrase.text !== ""
            onClicked: root.settings.restoreBackup(restoreFile.text, restoreDir.text, restoreUser.text, restorePassphrase.text)
        }
        // The vault open now is locked (drafts saved first); the unlock screen then offers the
        // restored one.
        Button {
            objectName: "openRestoredButton"
            visible: root.restoreOk && root.restoredDir !== ""
            text: qsTr("Lock and open the restored vault")
            onClicked: {
                VaultSession.vaultDir = root.restoredDir; // first: locking closes this screen
                VaultSession.lock();
            }
        }
    }

    FileDialog {
        id: backupDialog
        title: qsTr("Back up to")
        fileMode: FileDialog.SaveFile
        acceptLabel: qsTr("Back up")
        currentFolder: AppInfo.saveFolder()
        defaultSuffix: "ucbackup"
        nameFilters: [qsTr("Undercurrent backups (*.ucbackup)")]
        onAccepted: backupFile.text = AppInfo.localPath(selectedFile)
    }
    FileDialog {
        id: restoreDialog
        title: qsTr("Backup to restore")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Undercurrent backups (*.ucbackup)"), qsTr("All files (*)")]
        onAccepted: restoreFile.text = AppInfo.localPath(selectedFile)
    }
    FolderDialog {
        id: folderDialog
        title: qsTr("An empty folder to restore into")
        onAccepted: restoreDir.text = AppInfo.localPath(selectedFolder)
    }
}
