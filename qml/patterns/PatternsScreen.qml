// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// One client's themes over time: pick themes, a bucket and a range; the chart, the measures on
// the same time axis, a theme × session heatmap, what comes up together and what comes before use
// or relapse. Computed on the vault thread (PatternsModel.load).
Rectangle {
    id: root

    required property PatternsModel patterns
    required property string userName
    property bool demo: false
    // Whether this user may add and end episodes (the vault's edit-client permission): the buttons
    // are not offered to a supervisor or an auditor, whom the vault would refuse.
    property bool mayEditCare: true
    signal back
    signal lockRequested
    // bucket "session" | "week" | "month" | "quarter"; from and to ISO or "" for the record's ends;
    // episode: an episode's id to limit the range to (from and to then ""), or 0
    signal query(string bucket, string from, string to, int episode)

    readonly property var buckets: ["session", "week", "month", "quarter"]

    function apply() {
        root.query(root.buckets[bucket.currentIndex], fromField.text, toField.text, 0);
    }

    objectName: "patternsScreen"
    color: Style.background

    Binding {
        target: root.patterns
        property: "dark"
        value: Style.dark
    }

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
                text: qsTr("‹ Overview")
                flat: true
                Accessible.name: qsTr("Back to the client overview")
                onClicked: root.back()
            }
            Label {
                textFormat: Text.PlainText
                text: root.patterns.code
                color: Style.muted
                font.family: "DejaVu Sans Mono"
            }
            Label {
                textFormat: Text.PlainText
                text: qsTr("Patterns — %1").arg(root.patterns.name)
                color: Style.text
                font.pixelSize: Style.headingSize + 3
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Layout.maximumWidth: 420
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Style.gap
            Layout.bottomMargin: 0
            spacing: 10
            FieldLabel { text: qsTr("By") }
            ComboBox {
                id: bucket
                objectName: "bucketBox"
                model: [qsTr("Session"), qsTr("Week"), qsTr("Month"), qsTr("Quarter")]
                currentIndex: Math.max(0, root.buckets.indexOf(root.patterns.by))
                Accessible.name: qsTr("Group sessions by")
                // A new bucket keeps the episode chosen.
                onActivated: root.patterns.episode !== 0
                             ? root.query(root.buckets[bucket.currentIndex], "", "", root.patterns.episode)
                             : root.apply()
            }
            FieldLabel { text: qsTr("From"); Layout.leftMargin: 8 }
            TextField {
                id: fromField
                objectName: "fromField"
                Layout.preferredWidth: 120
                text: root.patterns.from
                placeholderText: "YYYY-MM-DD"
                Accessible.name: qsTr("From date")
                onAccepted: root.apply()
            }
            FieldLabel { text: qsTr("to") }
            TextField {
                id: toField
                objectName: "toField"
                Layout.preferredWidth: 120
                text: root.patterns.to
                placeholderText: "YYYY-MM-DD"
                Accessible.name: qsTr("To date")
                onAccepted: root.apply()
            }
            Button {
                objectName: "applyButton"
                text: qsTr("Apply")
                onClicked: root.apply()
            }
            Button {
                objectName: "wholeRecordButton"
                text: qsTr("Whole record")
                flat: true
                onClicked: root.query(root.buckets[bucket.currentIndex], "", "", 0)
            }
            Item { Layout.fillWidth: true }
            Label {
                textFormat: Text.PlainText
                text: root.patterns.recordFrom === "" ? ""
                      : qsTr("Record: %1 – %2").arg(Style.date(root.patterns.recordFrom)).arg(Style.date(root.patterns.recordTo))
                color: Style.muted
                font.pixelSize: Style.smallSize
            }
        }

        // The course of care: a control limiting the patterns to one episode, and the episodes in
        // words, as the charts shade them.
        RowLayout {
            objectName: "courseOfCare"
            Layout.fillWidth: true
            Layout.leftMargin: Style.gap
            Layout.rightMargin: Style.gap
            Layout.topMargin: 8
            visible: root.patterns.code !== ""
            spacing: 10
            FieldLabel { text: qsTr("Episode") }
            Label {
                objectName: "noEpisodes"
                visible: root.patterns.episodes.length === 0
                text: qsTr("No episode of care recorded")
                color: Style.muted
                font.pixelSize: Style.smallSize
            }
            ComboBox {
                id: episodeBox
                objectName: "episodeBox"
                visible: root.patterns.episodes.length > 0
                Layout.preferredWidth: 320
                // "Whole record", then each episode of care: "Residential, 8 Jan – 29 Mar 2024".
                model: [qsTr("Whole record")].concat(root.patterns.episodes.map(e => e.label))
                currentIndex: Math.max(0, root.patterns.episodes.findIndex(e => e.id === root.patterns.episode) + 1)
                Accessible.name: qsTr("Limit the patterns to an episode of care")
                onActivated: index => root.query(root.buckets[bucket.currentIndex], "", "",
                                                 index === 0 ? 0 : root.patterns.episodes[index - 1].id)
            }
            Flow {
                Layout.fillWidth: true
                Layout.preferredWidth: 1 // wraps rather than widening the screen
                Layout.leftMargin: 8
                spacing: 6
                Repeater {
                    model: root.patterns.episodes
                    delegate: Label {
                        textFormat: Text.PlainText
                        required property var modelData
                        rightPadding: 8
                        text: modelData.service === "" ? modelData.label
                                                       : qsTr("%1 (%2)").arg(modelData.label).arg(modelData.service)
                        color: modelData.id === root.patterns.episode ? Style.text : Style.muted
                        font.pixelSize: Style.smallSize
                        font.weight: modelData.id === root.patterns.episode ? Font.DemiBold : Font.Normal
                    }
                }
            }
            Button {
                // The open episode (at most one: episodes do not overlap), ended on a day.
                readonly property var openEpisode: root.patterns.episodes.find(e => e.end === "")
                objectName: "endEpisodeButton"
                visible: root.mayEditCare && openEpisode !== undefined
                text: qsTr("End episode…")
                flat: true
                Accessible.name: qsTr("End the open episode of care")
                onClicked: episodeEndDialog.openFor(root.patterns.code, openEpisode.id, openEpisode.label)
            }
            Button {
                objectName: "addEpisodeButton"
                visible: root.mayEditCare
                text: qsTr("Add episode…")
                flat: true
                Accessible.name: qsTr("Add an episode of care")
                onClicked: episodeDialog.openFor(root.patterns.code)
            }
        }

        EpisodeDialog {
            id: episodeDialog
            // The course of care read again, the range as it was.
            onAdded: root.patterns.episode !== 0
                     ? root.query(root.buckets[bucket.currentIndex], "", "", root.patterns.episode)
                     : root.apply()
        }

        EpisodeEndDialog {
            id: episodeEndDialog
            onEnded: root.patterns.episode !== 0
                     ? root.query(root.buckets[bucket.currentIndex], "", "", root.patterns.episode)
                     : root.apply()
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Style.gap
            spacing: Style.gap

            PatternThemeList {
                Layout.preferredWidth: 280
                Layout.fillHeight: true
                themes: root.patterns.themes
            }

            ScrollView {
                id: scroll
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentWidth: availableWidth
                clip: true

                ColumnLayout {
                    width: scroll.availableWidth
                    spacing: Style.gap

                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Theme by session")
                        note: Style.plural(root.patterns.heatmap.sessionCount, qsTr("session attended"), qsTr("sessions attended"))
                        ThemeHeatmap {
                            id: heatmapView
                            Layout.fillWidth: true
                            heatmap: root.patterns.heatmap
                        }
                        // Other treatment among the session columns (docs/treatment-events.md): the
                        // one strip always shown, so it says when the range has none.
                        EventStrip {
                            objectName: "heatmapEventStrip"
                            Layout.fillWidth: true
                            bySession: true
                            plotX: heatmapView.labelWidth
                            plotWidth: heatmapView.drawnWidth
                            events: root.patterns.events
                        }
                        Label {
                            textFormat: Text.PlainText
                            objectName: "gridEmpty"
                            visible: text !== ""
                            text: root.patterns.chart.empty
                            color: Style.muted
                        }
                    }
                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Themes over time")
                        note: root.patterns.by === "session" ? qsTr("mentions in each session")
                                                             : qsTr("sessions raising the theme, by %1").arg(root.patterns.by)
                        Switch {
                            id: lineSwitch
                            objectName: "lineChartSwitch"
                            text: qsTr("Show as lines")
                            Accessible.name: qsTr("Show themes over time as a line chart")
                        }
                        ThemeChart {
                            id: themeChart
                            visible: lineSwitch.checked
                            Layout.fillWidth: true
                            Layout.preferredHeight: 250
                            patterns: root.patterns
                        }
                        // Other treatment on the lines' time axis (docs/treatment-events.md).
                        EventStrip {
                            objectName: "themeEventStrip"
                            visible: lineSwitch.checked
                            Layout.fillWidth: true
                            chart: themeChart
                            events: root.patterns.events
                            explainEmpty: false
                        }
                    }
                    SectionCard {
                        Layout.fillWidth: true
                        title: qsTr("Measures")
                        note: qsTr("each as a share of its maximum, same time axis")
                        visible: root.patterns.measures.count > 0
                        MeasureChart {
                            id: measureChart
                            Layout.fillWidth: true
                            Layout.preferredHeight: 180
                            patterns: root.patterns
                            bandsOf: bandsBox.currentValue ?? ""
                        }
                        // The same events on the measures' axis; "none in this range" is said once,
                        // under the heatmap.
                        EventStrip {
                            objectName: "measureEventStrip"
                            Layout.fillWidth: true
                            chart: measureChart
                            events: root.patterns.events
                            explainEmpty: false
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            Layout.leftMargin: 40
                            spacing: 10
                            ChartLegend {
                                Layout.fillWidth: true
                                model: root.patterns.measures
                            }
                            FieldLabel { text: qsTr("Bands shaded") }
                            ComboBox {
                                id: bandsBox
                                objectName: "bandsBox"
                                model: root.patterns.measures
                                textRole: "name"
                                valueRole: "instrument"
                                Accessible.name: qsTr("Shade the clinical bands of")
                                // The instrument chosen stays chosen across reloads; the first one otherwise.
                                property string chosen: ""
                                function keepChoice() {
                                    if (count > 0)
                                        currentIndex = Math.max(0, indexOfValue(chosen));
                                }
                                onActivated: chosen = currentValue
                                onCountChanged: keepChoice()
                                Connections {
                                    target: root.patterns
                                    function onChanged() { bandsBox.keepChoice(); }
                                }
                            }
                        }
                    }
                    SectionCard {
                        objectName: "useDaysCard"
                        Layout.fillWidth: true
                        title: qsTr("Use days")
                        note: qsTr("per substance, same time axis; percent abstinent of the known days")
                        visible: root.patterns.useDays.count > 0
                        // Under the measures' plot when they are shown, else the lines'.
                        UseDayStrip {
                            Layout.fillWidth: true
                            useDays: root.patterns.useDays
                            chart: root.patterns.measures.count > 0 ? measureChart : lineSwitch.checked ? themeChart : null
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Style.gap
                        FindingsCard {
                            objectName: "cooccurrenceCard"
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            Layout.alignment: Qt.AlignTop
                            title: qsTr("Found together")
                            note: qsTr("in the same session")
                            findings: root.patterns.findings.cooccurrence
                            empty: root.patterns.findings.noFindings
                        }
                        FindingsCard {
                            objectName: "leadLagCard"
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            Layout.alignment: Qt.AlignTop
                            title: qsTr("Before use or relapse")
                            note: qsTr("in the session before")
                            findings: root.patterns.findings.leadLag
                            empty: root.patterns.findings.noFindings
                        }
                    }
                    Label {
                        textFormat: Text.PlainText
                        objectName: "testedNote"
                        Layout.fillWidth: true
                        visible: root.patterns.code !== ""
                        text: root.patterns.findings.testedNote
                        color: Style.muted
                        font.pixelSize: Style.smallSize
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }
    }
}
