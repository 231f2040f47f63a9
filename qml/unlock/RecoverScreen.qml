// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// A forgotten passphrase: the recovery key written down at first run opens the vault and sets a
// new passphrase.
FormCard {
    id: root

    required property string userName
    required property bool working
    property string error
    readonly property bool ready: userField.text.trim() !== "" && keyField.text.trim() !== ""
                                  && strength.acceptable && passField.text === confirmField.text
    signal recover(string user, string key, string passphrase, string confirmation)
    signal back

    objectName: "recoverScreen"
    title: qsTr("Reset your passphrase")
    subtitle: qsTr("Type the recovery key you wrote down when the vault was made, then choose a new passphrase.")

    function submit() {
        if (!root.ready || root.working)
            return;
        root.error = "";
        root.recover(userField.text.trim(), keyField.text, passField.text, confirmField.text);
        keyField.clear();
        passField.clear();
        confirmField.clear();
    }

    FieldLabel { text: qsTr("User name") }
    TextField {
        id: userField
        objectName: "userField"
        Layout.fillWidth: true
        text: root.userName
        Accessible.name: qsTr("User name")
    }
    FieldLabel { text: qsTr("Recovery key") }
    TextField {
        id: keyField
        objectName: "keyField"
        Layout.fillWidth: true
        placeholderText: "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
        font.family: "DejaVu Sans Mono"
        Accessible.name: qsTr("Recovery key")
    }
    FieldLabel { text: qsTr("New passphrase") }
    TextField {
        id: passField
        objectName: "passphraseField"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        Accessible.name: qsTr("New passphrase")
    }
    PassphraseStrength {
        id: strength
        Layout.fillWidth: true
        passphrase: passField.text
    }
    FieldLabel { text: qsTr("New passphrase again") }
    TextField {
        id: confirmField
        objectName: "confirmField"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        Accessible.name: qsTr("New passphrase again")
        onAccepted: root.submit()
    }
    Label {
        textFormat: Text.PlainText
        objectName: "recoverError"
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
            text: qsTr("Back")
            flat: true
            onClicked: root.back()
        }
        Item { Layout.fillWidth: true }
        PrimaryButton {
            objectName: "recoverButton"
            text: qsTr("Reset and unlock")
            enabled: root.ready && !root.working
            onClicked: root.submit()
        }
    }
}
