// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// One client at a glance: sessions on a timeline, the themes that keep recurring, the latest
// measures and the notes. Everything is computed on the vault thread (ClientOverview).
Rectangle {
    id: root

    required property ClientOverview overview
    required property string userName
    property bool demo: false
    // The role writes notes (a supervisor or an auditor reads them only).
    property bool mayWrite: true
    signal back
    signal lockRequested
    signal openNote(var noteId)
    signal openPatterns
    signal startReview

    objectName: "clientOverviewScreen"
    color: Style.background

    Shortcut {
        sequences: [StandardKey.Back, "Esc"]
        onActivated: root.back()
    }
    Shortcut {
        sequence: StandardKey.New
        enabled: root.mayWrite
        onActivated: newNote.start()
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
                text: qsTr("‹ Clients")
                flat: true
                Accessible.name: qsTr("Back to clients")
                onClicked: root.back()
            }
            Label {
                textFormat: Text.PlainText
                text: root.overview.code
                color: Style.muted
                font.family: "DejaVu Sans Mono"
                font.pixelSize: Style.bodySize
            }
            Label {
                textFormat: Text.PlainText
                objectName: "clientName"
                text: root.overview.name
                color: Style.text
                font.pixelSize: Style.headingSize + 3
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Layout.maximumWidth: 320
            }
            StatusBadge {
                visible: root.overview.status !== ""
                status: root.overview.status
            }
            PrimaryButton {
                objectName: "newNoteButton"
                visible: root.mayWrite
                text: qsTr("New note…")
                enabled: root.overview.status === "active"
                ToolTip.visible: hovered
                ToolTip.text: qsTr("A new session note (Ctrl+N)")
                onClicked: newNote.start()
            }
        }

        RiskBanner {
            objectName: "clientRiskBanner"
            Layout.fillWidth: true
            Layout.leftMargin: Style.gap
            Layout.rightMargin: Style.gap
            Layout.topMargin: Style.gap
            flags: root.overview.latestRisk
            showDates: true
            advice: root.overview.openRiskCount > 1
                    ? qsTr("The latest of %1 open risk flags. Open until an assessment closes them (a signed note's assessment, or risk close).").arg(root.overview.openRiskCount)
                    : qsTr("Open until an assessment closes it (a signed note's assessment, or risk close).")
        }
        SectionCard {
            Layout.fillWidth: true
            Layout.margins: Style.gap
            title: qsTr("Sessions")
            actions: [
                Button {
                    objectName: "patternsButton"
                    text: qsTr("Patterns")
                    enabled: root.overview.code !== ""
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Themes over time, measures and what comes before use")
                    onClicked: root.openPatterns()
                },
                Button {
                    objectName: "reviewButton"
                    text: qsTr("Review with client…")
                    enabled: root.overview.code !== ""
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("A full-screen view to share in the session; private notes stay hidden")
                    onClicked: reviewSetup.start()
                }
            ]
            note: [root.overview.setting,
                   root.overview.intake !== "" ? qsTr("intake %1").arg(Style.date(root.overview.intake)) : "",
                   qsTr("%1 attended").arg(Style.plural(root.overview.attended, qsTr("session"), qsTr("sessions"))),
                   qsTr("%1 missed").arg(root.overview.missed)].filter((part) => part !== "")
                  .map((part) => part.replace(/ /g, "\u00a0")).join("  ·  ") // a narrow card wraps between parts, not inside one
            SessionTimeline {
                Layout.fillWidth: true
                sessions: root.overview.sessions
                firstDate: root.overview.firstSession
                lastDate: root.overview.lastSession
            }
            // The plan's next review at the left; at the right the client report, its opt-in sections
            // inline beside its button (under the timeline, so the title row keeps its room).
            RowLayout {
                Layout.fillWidth: true
                spacing: 12
                Label {
                    textFormat: Text.PlainText
                    objectName: "planReviewLine"
                    Layout.fillWidth: true
                    visible: root.overview.plan.reviewDue !== ""
                    text: root.overview.plan.reviewOverdue
                          ? qsTr("Treatment plan review overdue: it was due %1").arg(Style.date(root.overview.plan.reviewDue))
                          : qsTr("Treatment plan review due %1").arg(Style.date(root.overview.plan.reviewDue))
                    color: root.overview.plan.reviewOverdue ? Style.warning : Style.muted
                    font.pixelSize: Style.smallSize
                    font.weight: root.overview.plan.reviewOverdue ? Font.DemiBold : Font.Normal
                    wrapMode: Text.WordWrap
                }
                Item {
                    Layout.fillWidth: true
                    visible: root.overview.plan.reviewDue === ""
                }
                RowLayout {
                    spacing: 10
                    visible: VaultSession.can("export-record")
                    CheckBox {
                        id: reportRisk
                        objectName: "reportRiskOption"
                        text: qsTr("With risk")
                        checked: false
                        leftPadding: 0
                        rightPadding: 0
                        spacing: 4
                        topPadding: 0
                        bottomPadding: 0
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Add a risk section to the client report: the flags on record, present or denied, and whether each is open")
                        Accessible.name: qsTr("Add a risk section to the client report")
                    }
                    CheckBox {
                        id: reportPlan
                        objectName: "reportPlanOption"
                        visible: VaultSession.can("read-plan")
                        text: qsTr("With plan")
                        checked: false
                        leftPadding: 0
                        rightPadding: 0
                        spacing: 4
                        topPadding: 0
                        bottomPadding: 0
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Add the treatment plan to the client report: its problems, goals and objectives with their latest progress, and the next review")
                        Accessible.name: qsTr("Add the treatment plan section to the client report")
                    }
                    CheckBox {
                        id: reportEvents
                        objectName: "reportEventsOption"
                        text: qsTr("With events")
                        checked: false
                        leftPadding: 0
                        rightPadding: 0
                        spacing: 4
                        topPadding: 0
                        bottomPadding: 0
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Add the other treatment to the client report: mutual-help meetings, groups, medication changes and drug screens, by date")
                        Accessible.name: qsTr("Add the other treatment section to the client report")
                    }
                    CheckBox {
                        id: reportUseDays
                        objectName: "reportUseDaysOption"
                        text: qsTr("With use days")
                        checked: false
                        leftPadding: 0
                        rightPadding: 0
                        spacing: 4
                        topPadding: 0
                        bottomPadding: 0
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Add the use days to the client report: per substance, percent days abstinent of the known days, the longest abstinent run and days since last use, by month")
                        Accessible.name: qsTr("Add the use days section to the client report")
                    }
                }
                ReportButton {
                    objectName: "clientReportButton"
                    text: qsTr("Client report (PDF)")
                    visible: VaultSession.can("export-record")
                    enabled: root.overview.code !== ""
                    fileName: qsTr("Client report %1").arg(root.overview.code)
                    onChosen: (file) => Workspace.reports.writeClientReport(root.overview.code, file, reportRisk.checked,
                                                                         reportPlan.checked, reportEvents.checked,
                                                                         reportUseDays.checked)
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.leftMargin: Style.gap
            Layout.rightMargin: Style.gap
            Layout.bottomMargin: Style.gap
            spacing: Style.gap

            ScrollView {
                id: leftColumn
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 3
                contentWidth: availableWidth
                clip: true

                ColumnLayout {
                    width: leftColumn.availableWidth
                    spacing: Style.gap

                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Recurring themes")
                        note: qsTr("in the last 6 sessions attended")
                        GridLayout {
                            Layout.fillWidth: true
                            columns: width > 900 ? 3 : 2
                            columnSpacing: 8
                            rowSpacing: 8
                            Repeater {
                                objectName: "themeCards"
                                model: root.overview.themes
                                ThemeCard {
                                    Layout.fillWidth: true
                                    Layout.preferredWidth: 1
                                    Layout.fillHeight: true
                                }
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: root.overview.themes.count === 0
                            text: qsTr("No theme has come up in two or more of the last six sessions.")
                            color: Style.muted
                            wrapMode: Text.WordWrap
                        }
                    }
                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Measures at a glance")
                        actions: [
                            Button {
                                objectName: "addMeasureButton"
                                visible: VaultSession.can("add-measure")
                                text: qsTr("Add measure…")
                                Accessible.name: qsTr("Enter a questionnaire the client filled in")
                                onClicked: measureDialog.openFor(root.overview.code)
                            }
                        ]
                        Repeater {
                            model: root.overview.measures
                            MeasureCard {
                                id: measureCard
                                Layout.fillWidth: true
                                editable: VaultSession.can("add-measure")
                                onCorrectRequested: measureDialog.openToCorrect(root.overview.code, measureCard.measureId,
                                                                                measureCard.instrument, measureCard.date,
                                                                                measureCard.answers)
                                onDeleteRequested: measureDelete.openFor(root.overview.code, measureCard.measureId,
                                                                         measureCard.name, measureCard.date,
                                                                         measureCard.total, measureCard.bandLabel)
                            }
                        }
                        Label {
                            visible: root.overview.measures.count === 0
                            text: qsTr("No measures recorded yet.")
                            color: Style.muted
                        }
                    }
                    FieldTrendsCard {
                        Layout.fillWidth: true
                        trends: root.overview.fieldTrends
                    }
                    TreatmentEventsCard {
                        Layout.fillWidth: true
                        overview: root.overview
                    }
                    UseDaysCard {
                        Layout.fillWidth: true
                        overview: root.overview
                    }
                    PlanCard {
                        Layout.fillWidth: true
                        visible: VaultSession.can("read-plan")
                        overview: root.overview
                    }
                    SafetyPlanCard {
                        Layout.fillWidth: true
                        clientCode: root.overview.code
                        editable: root.mayWrite
                    }
                    CountertransferenceCard {
                        Layout.fillWidth: true
                        visible: root.mayWrite
                        view: root.overview.countertransference
                        clientCode: root.overview.code
                    }
                    SharedCountertransferenceCard {
                        Layout.fillWidth: true
                        visible: VaultSession.can("cosign")
                        view: root.overview.sharedCountertransference
                        clientCode: root.overview.code
                    }
                }
            }

            SectionCard {
                Layout.fillHeight: true
                Layout.fillWidth: true
                Layout.preferredWidth: 2
                title: qsTr("Notes")
                note: Style.plural(root.overview.notes.count, qsTr("note"), qsTr("notes"))
                ListView {
                    id: notes
                    objectName: "noteList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: root.overview.notes
                    reuseItems: true
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar {}
                    delegate: NoteListItem {
                        width: ListView.view.width
                        onClicked: root.openNote(noteId)
                    }
                }
                Label {
                    visible: root.overview.notes.count === 0
                    text: qsTr("No notes yet.")
                    color: Style.muted
                }
            }
        }
    }

    ReviewSetupDialog {
        id: reviewSetup
        clientCode: root.overview.code
        clientName: root.overview.name
        onStartReview: root.startReview()
    }
    MeasureDialog {
        id: measureDialog
    }
    MeasureDeleteDialog {
        id: measureDelete
    }
    NewNoteDialog {
        id: newNote
        clientCode: root.overview.code
        clientName: root.overview.name
        setting: root.overview.setting
        sessions: root.overview.sessions
    }
}
