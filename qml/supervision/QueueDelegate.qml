// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// One note in the review queue: client and session date, how long it has waited, whether the
// co-signature is required, whether it was returned, and whether it has open risk (those come first).
// A note received from the practice (another machine) is marked so, and once co-signed here, so.
ItemDelegate {
    id: root

    required property int index
    required property var noteId
    required property string clientCode
    required property string sessionDate
    required property string supervisor
    required property string modeLabel
    required property string waitingText
    required property int daysWaiting
    required property bool returned
    required property int comments
    required property bool openRisk
    required property string item // a received note's item id, "" for a note of this vault
    required property bool fromPractice
    required property bool cosigned
    // A therapist's own queue names the supervisor each note waits on.
    property bool showSupervisor: false
    property bool current: false

    padding: 10
    Accessible.name: qsTr("%1, session %2, %3, %4%5").arg(clientCode).arg(Style.date(sessionDate)).arg(waitingText)
                     .arg(modeLabel).arg(returned ? qsTr(", returned") : "") + (openRisk ? qsTr(", open risk") : "")
                     + (cosigned ? qsTr(", co-signed by you") : "")
    background: Rectangle {
        color: root.current ? Style.accentSoft : root.hovered ? Style.background : Style.surface
        border.width: root.visualFocus ? 2 : 0
        border.color: Style.accent
    }

    contentItem: ColumnLayout {
        spacing: 3
        RowLayout {
            Layout.fillWidth: true
            Label {
                textFormat: Text.PlainText
                text: root.clientCode
                color: Style.text
                font.weight: Font.DemiBold
            }
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: Style.date(root.sessionDate)
                color: Style.muted
            }
            Rectangle {
                objectName: "openRiskMark"
                visible: root.openRisk
                implicitWidth: riskLabel.implicitWidth + 12
                implicitHeight: riskLabel.implicitHeight + 4
                radius: 4
                color: "#a8322d"
                Label {
                    id: riskLabel
                    anchors.centerIn: parent
                    textFormat: Text.PlainText
                    text: qsTr("open risk")
                    color: "#ffffff"
                    font.pixelSize: Style.smallSize
                    font.weight: Font.DemiBold
                }
            }
            Rectangle {
                objectName: "practiceMark"
                visible: root.fromPractice
                implicitWidth: practiceLabel.implicitWidth + 12
                implicitHeight: practiceLabel.implicitHeight + 4
                radius: 4
                color: Style.accentSoft
                Label {
                    id: practiceLabel
                    anchors.centerIn: parent
                    textFormat: Text.PlainText
                    text: qsTr("practice") // co-signed says so on the line below
                    color: Style.accent
                    font.pixelSize: Style.smallSize
                }
            }
            Rectangle {
                visible: root.returned
                implicitWidth: returnedLabel.implicitWidth + 12
                implicitHeight: returnedLabel.implicitHeight + 4
                radius: 4
                color: Style.dangerSoft
                Label {
                    id: returnedLabel
                    anchors.centerIn: parent
                    textFormat: Text.PlainText
                    text: qsTr("returned")
                    color: Style.danger
                    font.pixelSize: Style.smallSize
                }
            }
        }
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: [root.waitingText, root.modeLabel].concat(
                      root.comments > 0 ? [Style.plural(root.comments, qsTr("comment"), qsTr("comments"))] : []).concat(
                      root.showSupervisor ? [qsTr("with %1").arg(root.supervisor)] : []).join(" · ")
            color: root.daysWaiting >= 7 && !root.cosigned ? Style.warning : Style.muted
            font.pixelSize: Style.smallSize
            elide: Text.ElideRight
        }
    }
}
