// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Change the passphrase: the current one (checked on the vault thread), the new one twice.
SectionCard {
    id: root

    required property VaultSettings settings
    property string error
    property string done

    title: qsTr("Change passphrase")

    Connections {
        target: root.settings
        function onPassphraseChanged() {
            root.error = "";
            root.done = qsTr("Your passphrase has been changed. Use the new one next time you unlock.");
            current.text = "";
            fresh.text = "";
            again.text = "";
        }
        function onFailed(failure) {
            if (failure.action !== "passphrase")
                return;
            root.done = "";
            root.error = failure.message;
        }
    }

    TextField {
        id: current
        objectName: "currentPassphraseField"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        placeholderText: qsTr("Current passphrase")
        Accessible.name: qsTr("Current passphrase")
    }
    TextField {
        id: fresh
        objectName: "newPassphraseField"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        placeholderText: qsTr("New passphrase")
        Accessible.name: qsTr("New passphrase")
    }
    PassphraseStrength {
        Layout.fillWidth: true
        visible: fresh.text !== ""
        passphrase: fresh.text
    }
    TextField {
        id: again
        objectName: "confirmPassphraseField"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        placeholderText: qsTr("New passphrase again")
        Accessible.name: qsTr("New passphrase again")
        onAccepted: change.clicked()
    }
    Label {
        textFormat: Text.PlainText
        Layout.fillWidth: true
        visible: root.error !== "" || root.done !== ""
        text: root.error !== "" ? root.error : root.done
        color: root.error !== "" ? Style.danger : Style.accent
        wrapMode: Text.WordWrap
    }
    Button {
        id: change
        objectName: "changePassphraseButton"
        text: qsTr("Change passphrase")
        enabled: !VaultSession.vaultThread.busy && current.text !== "" && fresh.text !== ""
        onClicked: root.settings.changePassphrase(current.text, fresh.text, again.text)
    }
}
