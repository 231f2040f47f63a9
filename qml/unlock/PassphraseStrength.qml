// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Four segments and a sentence under a new passphrase; the judgement is Credentials' (C++).
// (An Item at the root, not a layout: Qt 6.4 crashes destroying a layout that is a component's root.)
Item {
    id: root

    required property string passphrase
    readonly property int level: Credentials.strength(passphrase)
    readonly property bool acceptable: Credentials.acceptable(passphrase)

    implicitHeight: column.implicitHeight
    implicitWidth: column.implicitWidth

    ColumnLayout {
        id: column
        anchors.fill: parent
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            spacing: 4
            Repeater {
                model: 4
                Rectangle {
                    required property int index
                    Layout.fillWidth: true
                    height: 4
                    radius: 2
                    color: index < root.level
                           ? (root.level <= 1 ? Style.danger : root.level === 2 ? Style.warning : Style.accent)
                           : Style.border
                }
            }
        }
        Label {
            textFormat: Text.PlainText
            objectName: "strengthHint"
            Layout.fillWidth: true
            text: Credentials.hint(root.passphrase)
            color: root.acceptable ? Style.muted : (root.passphrase === "" ? Style.muted : Style.danger)
            wrapMode: Text.WordWrap
            font.pixelSize: Style.smallSize
        }
    }
}
