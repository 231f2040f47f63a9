// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Before a review with the client: the themes the client will see (at most eight, ticked on the
// shared patterns model that review mode shows), the findings (each can be left out), and the
// shareable summary to edit (each save is
// kept as a version). Process notes are never part of it.
Dialog {
    id: root

    required property string clientCode
    required property string clientName
    property string error
    property string updated
    property string savedText
    // The summary in force has arrived: until then the field is closed, so nothing typed early is
    // overwritten when it comes.
    property bool loaded
    // The shared patterns model that review mode shows (a test hands in its own).
    property PatternsModel patterns: Workspace.patterns
    signal startReview

    objectName: "reviewSetupDialog"
    title: qsTr("Review with %1").arg(root.clientName)
    Component.onCompleted: header.textFormat = Text.PlainText // the style's title Label is AutoText
    modal: true
    padding: 20
    anchors.centerIn: Overlay.overlay
    width: 560
    readonly property bool themesReady: root.patterns.code === root.clientCode && !root.patterns.loading

    function start() {
        root.error = "";
        root.updated = "";
        root.savedText = "";
        root.loaded = false;
        summary.text = "";
        Workspace.clientReview.loadSummary(root.clientCode);
        root.patterns.load(root.clientCode, "month", "", "");
        root.open();
    }

    Connections {
        target: Workspace.clientReview
        enabled: root.opened
        function onSummaryLoaded(code: string, text: string, updated: string) {
            if (code !== root.clientCode)
                return;
            summary.text = text;
            root.savedText = text;
            root.updated = updated;
            root.loaded = true;
            summary.forceActiveFocus();
        }
        function onSummarySaved(code: string) {
            root.savedText = summary.text.trim();
            root.error = "";
        }
        function onFailed(failure) {
            if (failure.action === "summary")
                root.error = failure.message;
        }
    }

    contentItem: ColumnLayout {
        spacing: 10
        Label {
            Layout.fillWidth: true
            text: qsTr("The screen fills with this client's themes over time, their measures and the summary below, in large type. Private process notes and other clients stay hidden. Leaving asks for your passphrase.")
            color: Style.muted
            wrapMode: Text.WordWrap
        }
        PatternThemeList {
            objectName: "reviewThemeChoice"
            Layout.fillWidth: true
            Layout.preferredHeight: 170
            visible: root.themesReady && root.patterns.themes.count > 0
            themes: root.patterns.themes
            title: qsTr("Themes to show")
            note: qsTr("%1 of at most %2 ticked").arg(root.patterns.themes.checkedCount)
                      .arg(root.patterns.themes.maxChecked)
        }
        Label {
            textFormat: Text.PlainText
            objectName: "reviewThemeChoiceEmpty"
            Layout.fillWidth: true
            visible: !root.themesReady || root.patterns.themes.count === 0
            text: root.themesReady ? root.patterns.chart.empty : qsTr("Finding this client's themes…")
            color: Style.muted
            wrapMode: Text.WordWrap
        }
        // The findings the client will see (what tends to come before use or relapse): each can be
        // left out, as a therapist judges what this client is ready to look at.
        FieldLabel {
            visible: root.themesReady && root.patterns.findings.clientFindings.length > 0
            text: qsTr("Findings to show")
        }
        ColumnLayout {
            objectName: "reviewFindingChoice"
            Layout.fillWidth: true
            visible: root.themesReady && root.patterns.findings.clientFindings.length > 0
            spacing: 0
            Repeater {
                model: root.patterns.findings.clientFindings
                delegate: CheckBox {
                    id: findingBox
                    required property string modelData
                    required property int index
                    objectName: "reviewFinding" + index
                    Layout.fillWidth: true
                    checked: root.patterns.findings.reviewFindings.indexOf(modelData) >= 0
                    onToggled: root.patterns.findings.setShownInReview(findingBox.index, findingBox.checked)
                    Accessible.name: modelData
                    contentItem: Label {
                        textFormat: Text.PlainText
                        leftPadding: findingBox.indicator.width + findingBox.spacing
                        text: findingBox.modelData
                        wrapMode: Text.WordWrap
                        color: Style.text
                        font.pixelSize: Style.smallSize + 1
                        verticalAlignment: Text.AlignVCenter
                    }
                }
            }
        }
        FieldLabel {
            text: root.updated !== "" ? qsTr("Shareable summary (saved %1)").arg(Style.stamp(root.updated))
                                      : qsTr("Shareable summary")
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: 140
            TextArea {
                id: summary
                objectName: "summaryField"
                enabled: root.loaded
                wrapMode: TextEdit.Wrap
                placeholderText: root.loaded ? qsTr("What you and the client can look at together: progress, goals, what to keep in mind. No process-note material.")
                                             : qsTr("Opening the summary…")
                Accessible.name: qsTr("Shareable summary")
                KeyNavigation.priority: KeyNavigation.BeforeItem
                KeyNavigation.tab: saveButton
            }
        }
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: root.error !== ""
            text: root.error
            color: Style.danger
            wrapMode: Text.WordWrap
        }
    }
    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            id: saveButton
            objectName: "saveSummaryButton"
            text: qsTr("Save summary")
            enabled: root.loaded && !VaultSession.vaultThread.busy && summary.text.trim() !== root.savedText
            onClicked: Workspace.clientReview.saveSummary(root.clientCode, summary.text)
        }
        PrimaryButton {
            objectName: "startReviewButton"
            text: qsTr("Start review")
            enabled: root.loaded && !VaultSession.vaultThread.busy
            onClicked: {
                if (summary.text.trim() !== root.savedText)
                    Workspace.clientReview.saveSummary(root.clientCode, summary.text);
                root.close();
                root.startReview();
            }
        }
    }
}
