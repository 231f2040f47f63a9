// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Unlock: user name and passphrase. A wrong passphrase is said here, under the field; after five
// the button waits out a growing delay (counted by VaultSession.retry).
FormCard {
    id: root

    required property string folder
    property bool folderIsVault: true
    required property string userName
    required property int retryDelay
    required property bool working
    property string demoPassphrase
    property string error
    property bool queued: false
    onWorkingChanged: if (!root.working && root.queued) Qt.callLater(root.submit)
    // Why the vault locked by itself, if it did.
    property string lockReason
    signal unlock(string user, string passphrase)
    signal forgotPassphrase
    signal folderChosen(string folder)
    signal createNew

    objectName: "unlockScreen"
    title: qsTr("Unlock your notes")
    subtitle: root.folderIsVault ? qsTr("Vault in %1").arg(root.folder)
                                 : qsTr("There is no vault in %1 yet. Choose the folder that holds yours.").arg(root.folder)

    // Enter or Unlock. A press that cannot unlock yet says why rather than doing nothing.
    function submit() {
        if (root.working) {
            // Typed while the vault is busy: kept, and tried as soon as it is free.
            root.queued = passField.text !== "";
            root.error = root.queued ? qsTr("The vault is busy: unlocking as soon as it is free…")
                                     : qsTr("Still unlocking with the passphrase already given: wait a moment.");
            return;
        }
        root.queued = false;
        if (root.retryDelay > 0)
            return; // the wait is shown under the field
        if (userField.text.trim() === "" || passField.text === "") {
            root.error = userField.text.trim() === "" ? qsTr("Type your user name first.") : qsTr("Type your passphrase first.");
            return;
        }
        root.error = "";
        root.unlock(userField.text.trim(), passField.text);
        passField.clear();
    }
    function failed(message: string) {
        root.error = message;
        passField.forceActiveFocus();
    }

    Label {
        textFormat: Text.PlainText
        objectName: "lockReason"
        Layout.fillWidth: true
        visible: root.lockReason !== ""
        text: root.lockReason
        color: Style.text
        font.weight: Font.DemiBold
        wrapMode: Text.WordWrap
    }
    Label {
        objectName: "demoNotice"
        Layout.fillWidth: true
        visible: root.demoPassphrase !== ""
        padding: 10
        wrapMode: Text.WordWrap
        color: Style.text
        font.pixelSize: Style.bodySize
        textFormat: Text.StyledText
        text: qsTr("This is the demo practice: every client and note in it is invented.<br>User <b>%1</b>, passphrase <b>%2</b>")
              .arg(Style.escaped(root.userName)).arg(Style.escaped(root.demoPassphrase))
        background: Rectangle {
            radius: Style.radius
            color: Style.accentSoft
        }
    }
    FieldLabel { text: qsTr("User name") }
    TextField {
        id: userField
        objectName: "userField"
        Layout.fillWidth: true
        text: root.userName
        Accessible.name: qsTr("User name")
        onAccepted: passField.forceActiveFocus()
    }
    FieldLabel { text: qsTr("Passphrase") }
    TextField {
        id: passField
        objectName: "passphraseField"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        focus: true
        Accessible.name: qsTr("Passphrase")
        onAccepted: root.submit()
    }
    Label {
        textFormat: Text.PlainText
        objectName: "unlockError"
        Layout.fillWidth: true
        visible: root.error !== "" || root.retryDelay > 0
        text: root.retryDelay > 0
              ? qsTr("Too many wrong passphrases. You can try again in %1.").arg(Style.plural(root.retryDelay, qsTr("second"), qsTr("seconds")))
              : root.error
        color: Style.danger
        wrapMode: Text.WordWrap
        font.pixelSize: Style.bodySize
    }
    RowLayout {
        Layout.fillWidth: true
        Layout.topMargin: 8
        Button {
            objectName: "forgotButton"
            text: qsTr("Forgot passphrase?")
            flat: true
            onClicked: root.forgotPassphrase()
        }
        Item { Layout.fillWidth: true }
        PrimaryButton {
            id: unlockButton
            objectName: "unlockButton"
            text: qsTr("Unlock")
            enabled: !root.working && root.retryDelay === 0 && userField.text.trim() !== "" && passField.text !== ""
            onClicked: root.submit()
        }
    }
    RowLayout {
        Layout.fillWidth: true
        Button {
            text: qsTr("Another folder…")
            flat: true
            font.pixelSize: Style.smallSize
            onClicked: folderRow.visible = !folderRow.visible
        }
        Item { Layout.fillWidth: true }
        Button {
            text: qsTr("Create a new vault")
            flat: true
            font.pixelSize: Style.smallSize
            onClicked: root.createNew()
        }
    }
    RowLayout {
        id: folderRow
        objectName: "folderRow"
        Layout.fillWidth: true
        visible: !root.folderIsVault
        TextField {
            id: folderField
            Layout.fillWidth: true
            text: root.folder
            Accessible.name: qsTr("Vault folder")
            onAccepted: root.folderChosen(text.trim())
        }
        Button {
            text: qsTr("Use")
            onClicked: root.folderChosen(folderField.text.trim())
        }
    }
}
