// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// A theme found in the note with all the words that show it (one card, however many phrases
// raised it); confirm or reject the theme, which decides every piece of its evidence.
Rectangle {
    id: root

    required property var modelData // one entry of ThemeTagModel.themes
    property bool readOnly: false
    readonly property string label: modelData.label
    readonly property string decision: modelData.decision
    signal decided(string decision)

    objectName: "themeCard-" + modelData.theme
    implicitHeight: column.implicitHeight + 16
    radius: Style.radius
    color: decision === "confirmed" ? Style.accentSoft : Style.surface
    border.color: decision === "suggested" ? Style.accent : Style.border
    opacity: decision === "rejected" ? 0.55 : 1
    Accessible.name: qsTr("%1: %2, %3").arg(root.label)
                         .arg(root.modelData.evidence.map((e) => e.words).join("; ")).arg(root.decision)

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 8
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: root.label
                color: Style.text
                font.weight: Font.DemiBold
                font.strikeout: root.decision === "rejected"
                wrapMode: Text.WordWrap
            }
            Label {
                textFormat: Text.PlainText
                text: root.decision
                color: root.decision === "confirmed" ? Style.accent : Style.muted
                font.pixelSize: Style.smallSize
            }
        }
        Repeater {
            model: root.modelData.evidence
            Label {
                textFormat: Text.PlainText
                required property var modelData
                objectName: "evidence"
                Layout.fillWidth: true
                text: (modelData.inText ? "“" + modelData.words + "”" : qsTr("“%1” (no longer in the text)").arg(modelData.words))
                      + (modelData.reading ? " " + qsTr("— suggested by the wording as a whole") : "")
                color: Style.muted
                font.pixelSize: Style.smallSize
                font.italic: true
                font.strikeout: modelData.decision === "rejected" && root.decision !== "rejected"
                wrapMode: Text.WordWrap
            }
        }
        RowLayout {
            visible: !root.readOnly
            spacing: 6
            Button {
                objectName: "confirm-" + root.label
                text: qsTr("Confirm")
                enabled: root.modelData.evidence.some((e) => e.decision !== "confirmed" && e.decision !== "manual")
                Accessible.name: qsTr("Confirm %1").arg(root.label)
                onClicked: root.decided("confirmed")
            }
            Button {
                objectName: "reject-" + root.label
                text: qsTr("Reject")
                enabled: root.modelData.evidence.some((e) => e.decision !== "rejected")
                Accessible.name: qsTr("Reject %1").arg(root.label)
                onClicked: root.decided("rejected")
            }
        }
    }
}
