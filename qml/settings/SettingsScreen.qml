// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Settings: auto-lock, light or dark, the passphrase, backup and restore, the practice on the left; the codebook
// the tagger uses on the right. Every change goes through settings (on the vault thread).
Rectangle {
    id: root

    required property VaultSettings settings
    required property string userName
    property bool demo: false
    signal back
    signal lockRequested

    objectName: "settingsScreen"
    color: Style.background

    Shortcut {
        sequences: [StandardKey.Back, "Esc"]
        onActivated: root.back()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TopBar {
            Layout.fillWidth: true
            userName: root.userName
            demo: root.demo
            onLockRequested: root.lockRequested()
            Button {
                objectName: "backButton"
                text: qsTr("‹ Back")
                flat: true
                Accessible.name: qsTr("Back")
                onClicked: root.back()
            }
            Label {
                text: qsTr("Settings")
                color: Style.text
                font.pixelSize: Style.headingSize + 3
                font.weight: Font.DemiBold
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Style.gap
            spacing: Style.gap

            ScrollView {
                id: left
                Layout.fillHeight: true
                Layout.preferredWidth: 430
                contentWidth: availableWidth
                clip: true

                ColumnLayout {
                    width: left.availableWidth
                    spacing: Style.gap

                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Privacy and look")
                        RowLayout {
                            spacing: 10
                            Label { text: qsTr("Lock after"); color: Style.text }
                            SpinBox {
                                id: autoLock
                                objectName: "autoLockBox"
                                from: 1
                                to: 30
                                editable: true
                                value: VaultSession.autoLock.minutes
                                Accessible.name: qsTr("Minutes idle before the vault locks")
                                onValueModified: VaultSession.autoLock.minutes = value
                            }
                            Label { text: qsTr("minutes idle (at most 30)"); color: Style.muted }
                        }
                        RowLayout {
                            spacing: 10
                            Label { text: qsTr("Theme"); color: Style.text }
                            RadioButton {
                                objectName: "lightButton"
                                text: qsTr("Light")
                                checked: !Appearance.dark
                                onToggled: if (checked) Appearance.dark = false
                            }
                            RadioButton {
                                objectName: "darkButton"
                                text: qsTr("Dark")
                                checked: Appearance.dark
                                onToggled: if (checked) Appearance.dark = true
                            }
                        }
                    }
                    PassphraseCard {
                        Layout.fillWidth: true
                        settings: root.settings
                    }
                    BackupCard {
                        Layout.fillWidth: true
                        settings: root.settings
                        userName: root.userName
                    }
                    PracticeCard {
                        Layout.fillWidth: true
                        membership: Workspace.practice
                        sync: Workspace.sync
                    }
                }
            }

            CodebookEditor {
                Layout.fillWidth: true
                Layout.fillHeight: true
                codebook: root.settings.codebook
            }
        }
    }
}
