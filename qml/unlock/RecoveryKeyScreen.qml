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

    Component.onCompleted: groupField.forceActiveFocus()

    objectName: "recoveryKeyScreen"
    title: qsTr("Write down your recovery key")
    subtitle: qsTr("If you forget your passphrase, this key is the only way back into your notes. It is shown once and stored nowhere. Keep it on paper, somewhere safe.")

    // The key's groups, each numbered under it: however the row wraps, "group 4" is findable.
    Rectangle {
        Layout.fillWidth: true
        implicitHeight: keyGroups.implicitHeight + 28
        radius: Style.radius
        color: Style.accentSoft
        Flow {
            id: keyGroups
            objectName: "recoveryKeyText"
            readonly property var groups: root.recoveryKey.split("-")
            readonly property string text: groups.join("  ")
            x: 12
            y: 14
            width: parent.width - 24
            spacing: 14
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            Repeater {
                model: keyGroups.groups
                Column {
                    id: keyGroup
                    required property string modelData
                    required property int index
                    objectName: "keyGroup" + (index + 1)
                    spacing: 2
                    Label {
                        textFormat: Text.PlainText
                        text: keyGroup.modelData
                        font.family: "DejaVu Sans Mono"
                        font.pixelSize: 18
                        font.letterSpacing: 1
                        color: Style.text
                    }
                    Label {
                        textFormat: Text.PlainText
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: String(keyGroup.index + 1)
                        color: keyGroup.index + 1 === root.group ? Style.text : Style.muted
                        font.pixelSize: Style.smallSize
                        font.weight: keyGroup.index + 1 === root.group ? Font.Bold : Font.Normal
                    }
                }
            }
        }
    }
    // A paper copy: a one-page PDF to print, then delete (the file holds the key too).
    RowLayout {
        Layout.fillWidth: true
        spacing: 12
        ReportButton {
            id: printButton
            objectName: "printRecoveryKeyButton"
            text: qsTr("Save to print…")
            fileName: qsTr("Undercurrent recovery key")
            hint: qsTr("A one-page PDF of the key, to print and then delete")
            onChosen: file => Workspace.reports.printRecoveryKey(root.recoveryKey, file)
        }
        Label {
            textFormat: Text.PlainText
            objectName: "printedHint"
            Layout.fillWidth: true
            visible: printButton.outcome !== ""
            text: qsTr("%1. Print it, then delete the file and empty the trash: it holds the key too.").arg(printButton.outcome)
            wrapMode: Text.Wrap
            color: Style.muted
            font.pixelSize: Style.smallSize
        }
    }
    FieldLabel {
        Layout.topMargin: 8
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: qsTr("To confirm, type group %1 of the key (the groups are numbered under it)").arg(root.group)
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
        textFormat: Text.PlainText
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
