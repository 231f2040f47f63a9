// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The recovery key, shown once after the vault is made. Going on needs one group of it typed back,
// which proves it was written down rather than skimmed.
FormCard {
    id: root

    required property string recoveryKey
    required property int group // 1-based
    readonly property bool confirmed: Credentials.recoveryGroupMatches(recoveryKey, group, groupField.text)
    signal done

    objectName: "recoveryKeyScreen"
    title: qsTr("Write down your recovery key")
    subtitle: qsTr("If you forget your passphrase, this key is the only way back into your notes. It is shown once and stored nowhere. Keep it on paper, somewhere safe.")

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: keyText.implicitHeight + 28
        radius: Style.radius
        color: Style.accentSoft
        Label {
            id: keyText
            objectName: "recoveryKeyText"
            anchors.centerIn: parent
            width: parent.width - 24
            horizontalAlignment: Text.AlignHCenter
            text: root.recoveryKey.split("-").join("  ")
            font.family: "DejaVu Sans Mono"
            font.pixelSize: 18
            font.letterSpacing: 1
            color: Style.text
            wrapMode: Text.WordWrap
        }
    }
    FieldLabel {
        Layout.topMargin: 8
        text: qsTr("To confirm, type group %1 of the key (counting from the left)").arg(root.group)
    }
    TextField {
        id: groupField
        objectName: "groupField"
        Layout.preferredWidth: 140
        maximumLength: 8
        font.family: "DejaVu Sans Mono"
        font.capitalization: Font.AllUppercase
        Accessible.name: qsTr("Group %1 of the recovery key").arg(root.group)
        onAccepted: if (root.confirmed) root.done()
    }
    Label {
        objectName: "groupHint"
        Layout.fillWidth: true
        visible: groupField.text.length >= 4 && !root.confirmed
        text: qsTr("That is not group %1. Check what you wrote down.").arg(root.group)
        color: Style.danger
        font.pixelSize: Style.smallSize
    }
    PrimaryButton {
        objectName: "writtenDownButton"
        Layout.alignment: Qt.AlignRight
        text: qsTr("I have written it down")
        enabled: root.confirmed
        onClicked: root.done()
    }
}
