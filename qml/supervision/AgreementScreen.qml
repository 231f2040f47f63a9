// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The blind agreement check: choose an assigned therapist and a sample size; rate each sampled
// note from its words alone by ticking the themes you see (the vault keeps its tags from you until
// you have); then Cohen's kappa per theme between you, the therapist and the tagger.
Rectangle {
    id: root

    required property AgreementCheck check
    required property string userName
    property bool demo: false
    signal lockRequested

    // The themes ticked for the note on screen: theme id → true.
    property var ticked: ({})
    readonly property bool rating: check.checkId !== 0 && !check.finished

    objectName: "agreementScreen"
    color: Style.background

    function toggle(id: string, on: bool) {
        const next = Object.assign({}, root.ticked);
        if (on)
            next[id] = true;
        else
            delete next[id];
        root.ticked = next;
    }

    Component.onCompleted: root.check.loadSetup()

    Connections {
        target: root.check
        function onNoteRated() { root.ticked = ({}); }
        function onStarted() { error.text = ""; }
        function onFailed(failure) { error.text = failure.message; }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TopBar {
            Layout.fillWidth: true
            userName: root.userName
            demo: root.demo
            onLockRequested: root.lockRequested()
            Label {
                text: qsTr("Agreement check")
                color: Style.text
                font.pixelSize: Style.headingSize + 3
                font.weight: Font.DemiBold
            }
            Label {
                textFormat: Text.PlainText
                objectName: "agreementProgress"
                visible: root.check.checkId !== 0
                text: qsTr("%1: %2 of %3 rated").arg(root.check.therapist).arg(root.check.rated).arg(root.check.sampled)
                color: Style.muted
                font.pixelSize: Style.smallSize
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Style.gap
            spacing: 10

            Label {
                id: error
                objectName: "agreementError"
                Layout.fillWidth: true
                visible: text !== ""
                color: Style.danger
                wrapMode: Text.WordWrap
            }

            AgreementSetup {
                Layout.fillWidth: true
                visible: root.check.checkId === 0
                check: root.check
            }

            BlindRating {
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: root.rating
                check: root.check
                ticked: root.ticked
                onToggled: (id, on) => root.toggle(id, on)
                onRate: root.check.rate(Object.keys(root.ticked))
            }

            AgreementReportTable {
                Layout.fillWidth: true
                Layout.fillHeight: !root.rating
                Layout.preferredHeight: 220
                visible: root.check.hasReport
                report: root.check.report
                rated: root.check.reportRated
                therapist: root.check.therapist
            }

            RowLayout {
                Layout.fillWidth: true
                visible: root.check.checkId !== 0 && !root.rating
                Item { Layout.fillWidth: true }
                Button {
                    objectName: "newCheckButton"
                    text: qsTr("Start another check")
                    onClicked: root.check.reset()
                }
            }
        }
    }
}
