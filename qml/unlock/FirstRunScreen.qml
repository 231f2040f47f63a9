// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// First run: where the vault goes, who the first user is, and a passphrase typed twice. The vault
// is made on the vault thread; the recovery key screen follows.
FormCard {
    id: root

    // Where the vault goes unless the user picks another folder.
    property string defaultFolder
    property string error
    // Enough to press Create: everything filled in, a fair passphrase, the same one twice.
    readonly property bool ready: folderField.text.trim() !== "" && userField.text.trim() !== ""
                                  && strength.acceptable && passField.text === confirmField.text
    signal create(string folder, string user, string passphrase, string confirmation)
    signal openExisting

    objectName: "firstRunScreen"
    title: qsTr("Create your vault")
    subtitle: qsTr("Notes are encrypted on this computer with your passphrase. Nobody, including us, can open them without it.")

    // Clears the secrets from the fields (after a create is sent, and when leaving).
    function clearSecrets() {
        passField.clear();
        confirmField.clear();
    }
    function submit() {
        if (!root.ready)
            return;
        root.error = "";
        root.create(folderField.text.trim(), userField.text.trim(), passField.text, confirmField.text);
        root.clearSecrets();
    }

    FieldLabel { text: qsTr("Folder") }
    TextField {
        id: folderField
        objectName: "folderField"
        Layout.fillWidth: true
        text: root.defaultFolder
        selectByMouse: true
        Accessible.name: qsTr("Vault folder")
    }
    FieldLabel { text: qsTr("Your user name") }
    TextField {
        id: userField
        objectName: "userField"
        Layout.fillWidth: true
        placeholderText: qsTr("e.g. asmith")
        Accessible.name: qsTr("User name")
        focus: true
    }
    FieldLabel { text: qsTr("Passphrase") }
    TextField {
        id: passField
        objectName: "passphraseField"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        placeholderText: qsTr("A few unrelated words")
        Accessible.name: qsTr("Passphrase")
    }
    PassphraseStrength {
        id: strength
        Layout.fillWidth: true
        passphrase: passField.text
    }
    FieldLabel { text: qsTr("Passphrase again") }
    TextField {
        id: confirmField
        objectName: "confirmField"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        Accessible.name: qsTr("Passphrase again")
        onAccepted: root.submit()
    }
    Label {
        objectName: "mismatchHint"
        Layout.fillWidth: true
        visible: confirmField.text !== "" && confirmField.text !== passField.text
        text: qsTr("The two passphrases are not the same yet.")
        color: Style.danger
        font.pixelSize: Style.smallSize
    }
    Label {
        textFormat: Text.PlainText
        objectName: "createError"
        Layout.fillWidth: true
        visible: root.error !== ""
        text: root.error
        color: Style.danger
        wrapMode: Text.WordWrap
        font.pixelSize: Style.bodySize
    }
    RowLayout {
        Layout.fillWidth: true
        Layout.topMargin: 8
        Button {
            text: qsTr("Open an existing vault…")
            flat: true
            onClicked: root.openExisting()
        }
        Item { Layout.fillWidth: true }
        PrimaryButton {
            objectName: "createButton"
            text: qsTr("Create vault")
            enabled: root.ready
            onClicked: root.submit()
        }
    }
}
