// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// A theme the tagger found in the note, with the words that show it; confirm or reject it.
Rectangle {
    id: root

    required property var tagId
    required property string label
    required property string evidence
    required property string decision
    required property int start
    required property bool reading // suggested by the wording as a whole, not by listed words
    property bool readOnly: false
    signal decided(string decision)

    implicitHeight: column.implicitHeight + 16
    radius: Style.radius
    color: decision === "confirmed" ? Style.accentSoft : Style.surface
    border.color: decision === "suggested" ? Style.accent : Style.border
    opacity: decision === "rejected" ? 0.55 : 1
    Accessible.name: qsTr("%1: %2, %3").arg(root.label).arg(root.evidence).arg(root.decision)

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
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: (root.start >= 0 ? "“" + root.evidence + "”" : qsTr("“%1” (no longer in the text)").arg(root.evidence))
                  + (root.reading ? " " + qsTr("— suggested by the wording as a whole") : "")
            color: Style.muted
            font.pixelSize: Style.smallSize
            font.italic: true
            wrapMode: Text.WordWrap
        }
        RowLayout {
            visible: !root.readOnly
            spacing: 6
            Button {
                objectName: "confirm-" + root.label
                text: qsTr("Confirm")
                enabled: root.decision !== "confirmed"
                Accessible.name: qsTr("Confirm %1").arg(root.label)
                onClicked: root.decided("confirmed")
            }
            Button {
                text: qsTr("Reject")
                enabled: root.decision !== "rejected"
                Accessible.name: qsTr("Reject %1").arg(root.label)
                onClicked: root.decided("rejected")
            }
        }
    }
}
