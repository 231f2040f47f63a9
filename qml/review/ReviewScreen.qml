// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Review with client: full screen, large type, one client's themes over time, measures and the
// therapist's shareable summary and the safety plan. Nothing leads anywhere else; leaving asks for the passphrase
// (checked on the vault thread), and a wrong one keeps the screen as it is.
Rectangle {
    id: root

    required property PatternsModel patterns
    required property ClientReview review
    signal leave(string passphrase)
    signal lockRequested

    readonly property int big: 22

    objectName: "reviewScreen"
    color: Style.background

    Binding {
        target: root.patterns
        property: "dark"
        value: Style.dark
    }

    function askToLeave() {
        leaveDialog.error = "";
        passphrase.text = "";
        leaveDialog.open();
        passphrase.forceActiveFocus();
    }

    Connections {
        target: root.review
        function onFailed(failure) {
            leaveDialog.error = failure.message;
            passphrase.selectAll();
            passphrase.forceActiveFocus();
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            objectName: "reviewBanner"
            Layout.fillWidth: true
            implicitHeight: bannerRow.implicitHeight + 28
            color: Style.accent
            RowLayout {
                id: bannerRow
                anchors.fill: parent
                anchors.leftMargin: 24
                anchors.rightMargin: 16
                spacing: Style.gap
                Label {
                    objectName: "reviewBannerText"
                    Layout.fillWidth: true
                    text: qsTr("Review with client — private notes are hidden")
                    color: "#ffffff"
                    font.pixelSize: root.big
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                }
                Button {
                    objectName: "leaveReviewButton"
                    text: qsTr("Leave review…")
                    font.pixelSize: Style.bodySize + 2
                    Accessible.name: qsTr("Leave review mode (asks for your passphrase)")
                    onClicked: root.askToLeave()
                }
                Button {
                    text: qsTr("Lock")
                    font.pixelSize: Style.bodySize + 2
                    Accessible.name: qsTr("Lock the vault (Ctrl+L)")
                    onClicked: root.lockRequested()
                }
            }
        }

        Label {
            textFormat: Text.PlainText
            objectName: "reviewClientName"
            Layout.leftMargin: 32
            Layout.topMargin: 20
            text: root.patterns.name
            color: Style.text
            font.pixelSize: Style.titleSize + 8
            font.weight: Font.DemiBold
        }
        Label {
            textFormat: Text.PlainText
            Layout.leftMargin: 32
            text: root.patterns.from === "" ? qsTr("No sessions recorded yet.")
                  : qsTr("Our sessions from %1 to %2").arg(Style.date(root.patterns.recordFrom)).arg(Style.date(root.patterns.recordTo))
            color: Style.muted
            font.pixelSize: root.big - 4
        }

        // Neutral on purpose: the client may read this screen, and the words of an abuse or
        // harm-to-others flag could put them at risk (docs/risk.md). Never which risk, never its words.
        Rectangle {
            objectName: "safetyMatter"
            Layout.fillWidth: true
            Layout.leftMargin: 32
            Layout.rightMargin: 32
            Layout.topMargin: 12
            visible: root.review.safetyMatter
            implicitHeight: visible ? safetyText.implicitHeight + 20 : 0
            radius: Style.radius
            color: Style.accentSoft
            border.color: Style.accent
            Label {
                id: safetyText
                objectName: "safetyMatterText"
                x: 16
                y: 10
                width: parent.width - 32
                text: qsTr("There is a safety matter to talk through.")
                color: Style.text
                font.pixelSize: root.big - 2
                wrapMode: Text.WordWrap
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: 24
            spacing: 24

            // Scrolls when the findings under the charts do not fit: the charts keep readable sizes.
            ScrollView {
                id: chartScroll
                objectName: "reviewChartScroll"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 3
                contentWidth: availableWidth
                clip: true
                ColumnLayout {
                    width: chartScroll.availableWidth
                    spacing: 12
                    Label {
                        text: qsTr("What has come up, session by session")
                        color: Style.text
                        font.pixelSize: root.big
                        font.weight: Font.DemiBold
                    }
                    ThemeHeatmap {
                        objectName: "reviewGrid"
                        Layout.fillWidth: true
                        visible: root.patterns.heatmap.themeCount > 0
                        heatmap: root.patterns.heatmap
                    }
                    // Never an empty grid without saying why.
                    Label {
                        textFormat: Text.PlainText
                        objectName: "reviewGridEmpty"
                        Layout.fillWidth: true
                        visible: root.patterns.heatmap.themeCount === 0
                        text: root.patterns.chart.empty !== "" ? root.patterns.chart.empty
                                                               : qsTr("No theme was chosen to show.")
                        color: Style.muted
                        wrapMode: Text.WordWrap
                        font.pixelSize: root.big - 4
                    }
                    Label {
                        text: qsTr("What has come up, month by month")
                        color: Style.text
                        font.pixelSize: root.big
                        font.weight: Font.DemiBold
                    }
                    ThemeChart {
                        id: reviewThemeChart
                        objectName: "reviewThemeChart"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 300
                        patterns: root.patterns
                        fontSize: Style.bodySize + 2
                        // Never a blank chart without saying why.
                        Label {
                            textFormat: Text.PlainText
                            objectName: "reviewChartEmpty"
                            anchors.centerIn: parent
                            width: parent.width * 0.7
                            visible: text !== ""
                            text: root.patterns.chart.empty
                            horizontalAlignment: Text.AlignHCenter
                            color: Style.muted
                            wrapMode: Text.WordWrap
                            font.pixelSize: root.big - 2
                        }
                    }
                    // Other treatment on the same axis: meetings, groups, medication changes and
                    // drug screens are facts of care shared with the client; an event's note is never
                    // shown (docs/treatment-events.md, "In the GUI").
                    EventStrip {
                        objectName: "reviewEventStrip"
                        Layout.fillWidth: true
                        chart: reviewThemeChart
                        events: root.patterns.events
                        fontSize: root.big - 4
                    }
                    // Use days on the same axis: the client's own days used and abstinent per substance,
                    // in counts only, never a day's amount (docs/use-days.md, "In review with the client").
                    UseDayStrip {
                        objectName: "reviewUseDayStrip"
                        Layout.fillWidth: true
                        visible: root.patterns.useDays.count > 0
                        chart: reviewThemeChart
                        useDays: root.patterns.useDays
                        fontSize: root.big - 4
                    }
                    ChartLegend {
                        Layout.fillWidth: true
                        Layout.leftMargin: 48
                        model: root.patterns.themes
                        textRole: "label"
                        fontSize: root.big - 4
                    }
                    Label {
                        visible: root.patterns.measures.count > 0
                        text: qsTr("Questionnaires")
                        color: Style.text
                        font.pixelSize: root.big
                        font.weight: Font.DemiBold
                    }
                    MeasureChart {
                        visible: root.patterns.measures.count > 0
                        Layout.fillWidth: true
                        Layout.preferredHeight: 190
                        patterns: root.patterns
                        fontSize: Style.bodySize + 2
                        // One questionnaire: its bands behind it. Several: none, so a client never
                        // reads one measure's bands behind another's line.
                        bandsOf: root.patterns.measures.count === 1
                                 ? root.patterns.measures.data(root.patterns.measures.index(0, 0), PatternMeasureModel.InstrumentRole)
                                 : ""
                    }
                    ChartLegend {
                        visible: root.patterns.measures.count > 0
                        Layout.fillWidth: true
                        Layout.leftMargin: 48
                        model: root.patterns.measures
                        fontSize: root.big - 4
                    }
                    Label {
                        visible: root.patterns.findings.reviewFindings.length > 0
                        text: qsTr("What tends to come before use or relapse")
                        color: Style.text
                        font.pixelSize: root.big
                        font.weight: Font.DemiBold
                    }
                    Repeater {
                        objectName: "reviewFindings"
                        model: root.patterns.findings.reviewFindings
                        delegate: Label {
                            textFormat: Text.PlainText
                            required property string modelData
                            Layout.fillWidth: true
                            text: "•  " + modelData
                            color: Style.text
                            wrapMode: Text.WordWrap
                            font.pixelSize: root.big - 4
                        }
                    }
                    Label {
                        textFormat: Text.PlainText
                        objectName: "reviewNotCauses"
                        visible: root.patterns.findings.reviewFindings.length > 0
                        Layout.fillWidth: true
                        text: root.patterns.findings.notCauses
                        color: Style.muted
                        wrapMode: Text.WordWrap
                        font.pixelSize: Style.bodySize
                    }
                }
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 2
                radius: Style.radius
                color: Style.surface
                border.color: Style.border
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 24
                    spacing: 12
                    Label {
                        text: qsTr("Summary")
                        color: Style.text
                        font.pixelSize: root.big
                        font.weight: Font.DemiBold
                    }
                    ScrollView {
                        id: summaryScroll
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        contentWidth: availableWidth
                        clip: true
                        Label {
                            textFormat: Text.PlainText
                            objectName: "reviewSummary"
                            width: summaryScroll.availableWidth
                            text: root.patterns.summary !== "" ? root.patterns.summary
                                                               : qsTr("No summary has been written yet.")
                            color: root.patterns.summary !== "" ? Style.text : Style.muted
                            wrapMode: Text.WordWrap
                            font.pixelSize: root.big
                            lineHeight: 1.25
                        }
                    }
                    Label {
                        textFormat: Text.PlainText
                        visible: root.patterns.summaryUpdated !== ""
                        text: qsTr("Written %1").arg(Style.date(root.patterns.summaryUpdated.slice(0, 10)))
                        color: Style.muted
                        font.pixelSize: Style.bodySize
                    }
                    ScrollView {
                        id: planScroll
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        contentWidth: availableWidth
                        clip: true
                        // The plan the client takes home, read-only: nothing here leads elsewhere.
                        SafetyPlanCard {
                            width: planScroll.availableWidth
                            clientCode: root.review.code
                            editable: false
                        }
                    }
                }
            }
        }
    }

    Dialog {
        id: leaveDialog
        property string error
        objectName: "leaveReviewDialog"
        title: qsTr("Leave review mode")
        modal: true
        padding: 20
        anchors.centerIn: Overlay.overlay
        width: 420
        contentItem: ColumnLayout {
            spacing: 10
            Label {
                Layout.fillWidth: true
                text: qsTr("Enter your passphrase to return to your notes.")
                wrapMode: Text.WordWrap
                color: Style.text
            }
            TextField {
                id: passphrase
                objectName: "leavePassphraseField"
                Layout.fillWidth: true
                echoMode: TextInput.Password
                Accessible.name: qsTr("Passphrase")
                onAccepted: root.leave(passphrase.text)
            }
            Label {
                textFormat: Text.PlainText
                objectName: "leaveError"
                Layout.fillWidth: true
                visible: leaveDialog.error !== ""
                text: leaveDialog.error
                color: Style.danger
                wrapMode: Text.WordWrap
            }
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Stay in review")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
            PrimaryButton {
                objectName: "confirmLeaveButton"
                text: qsTr("Leave")
                enabled: !VaultSession.vaultThread.busy && passphrase.text !== ""
                onClicked: root.leave(passphrase.text)
            }
        }
    }
}
