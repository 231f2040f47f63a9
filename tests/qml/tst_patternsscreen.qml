// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Undercurrent
import UndercurrentTest

// The patterns screen's controls with nothing loaded: Apply asks for the chosen bucket and range,
// "Whole record" drops the range, and the empty findings say so in words. On fixed patterns
// (Fixtures, qmlfixtures.h): the episode control asks for one episode by keyboard, and the charts
// shade each episode of care on the time axis, with the treatment events marked under the lines.
TestCase {
    id: root

    name: "PatternsScreen"
    when: windowShown
    visible: true
    width: 1100
    height: 800

    Component {
        id: screenComponent
        PatternsScreen {
            width: 1100
            height: 800
            patterns: Workspace.patterns
            userName: "asmith"
        }
    }
    SignalSpy { id: queried; signalName: "query" }

    Component {
        id: loadedComponent
        PatternsScreen {
            width: 1100
            height: 800
            patterns: Fixtures.patterns
            userName: "asmith"
        }
    }

    function test_noEpisodesNoControl() {
        const screen = createTemporaryObject(screenComponent, root);
        verify(!findChild(screen, "courseOfCare").visible);
        compare(findChild(findChild(screen, "measureChart"), "episodeBands").count, 0);
    }

    function test_episodeControlAsksForOneEpisode() {
        Fixtures.reset();
        const screen = createTemporaryObject(loadedComponent, root);
        queried.clear();
        queried.target = screen;
        verify(findChild(screen, "courseOfCare").visible);
        const box = findChild(screen, "episodeBox");
        compare(box.count, 3);
        compare(box.currentIndex, 0);
        compare(box.textAt(0), "Whole record");
        compare(box.textAt(1), "Residential, 6 Jan – 16 Mar 2025");
        compare(box.textAt(2), "Aftercare, from 17 Mar 2025");
        // Keyboard only: focus the control, step down to aftercare, the query names that episode.
        box.forceActiveFocus();
        keyClick(Qt.Key_Down);
        keyClick(Qt.Key_Down);
        compare(queried.count, 2);
        compare(queried.signalArguments[1][0], "month");
        compare(queried.signalArguments[1][1], "");
        compare(queried.signalArguments[1][2], "");
        compare(queried.signalArguments[1][3], 5);
        keyClick(Qt.Key_Up);
        keyClick(Qt.Key_Up);
        compare(queried.signalArguments[3][3], 0); // back to the whole record
    }

    function test_chartsShadeEachEpisode() {
        Fixtures.reset();
        const screen = createTemporaryObject(loadedComponent, root);
        const chart = findChild(screen, "measureChart");
        const bands = findChild(chart, "episodeBands");
        compare(bands.count, 2);
        const residential = bands.itemAt(0);
        const aftercare = bands.itemAt(1);
        compare(residential.Accessible.name, "Residential, 6 Jan – 16 Mar 2025");
        // Residential starts on the axis' sixth day; aftercare follows it and runs to the axis' end.
        verify(residential.x > 0);
        verify(residential.x + residential.width <= aftercare.x + 1);
        verify(Math.abs(aftercare.x + aftercare.width - chart.plotArea.width) < 1);
        compare(findChild(findChild(screen, "themeChart"), "episodeBands").count, 2);
    }

    Component {
        id: readOnlyComponent
        PatternsScreen {
            width: 1100
            height: 800
            patterns: Fixtures.patterns
            userName: "sjones"
            mayEditCare: false
        }
    }

    // A supervisor or auditor (no edit-client permission) reads the course of care but is not
    // offered Add episode or End episode, which the vault would refuse them.
    function test_episodeButtonsOnlyForWhoMayEditCare() {
        Fixtures.reset();
        const editor = createTemporaryObject(loadedComponent, root);
        verify(findChild(editor, "addEpisodeButton").visible);
        verify(findChild(editor, "endEpisodeButton").visible); // the fixture's aftercare is open
        const reader = createTemporaryObject(readOnlyComponent, root);
        verify(findChild(reader, "courseOfCare").visible);
        verify(!findChild(reader, "addEpisodeButton").visible);
        verify(!findChild(reader, "endEpisodeButton").visible);
    }

    Component {
        id: quietComponent
        PatternsScreen {
            width: 1100
            height: 800
            patterns: Fixtures.emptyPatterns
            userName: "asmith"
        }
    }

    // Other treatment under the lines, on their time axis: a mark per event where the chart puts
    // its day, each named in words, read by keyboard (Tab to the strip, then the arrow keys).
    function test_eventStripUnderTheLines() {
        Fixtures.reset();
        const screen = createTemporaryObject(loadedComponent, root);
        const strip = findChild(screen, "themeEventStrip");
        const lines = findChild(screen, "lineChartSwitch");
        verify(!strip.visible); // with the lines only
        lines.checked = true;
        verify(strip.visible);
        const marks = findChild(strip, "eventMarkRepeater");
        compare(marks.count, 4);
        compare(marks.itemAt(0).Accessible.name, "20 Jan 2025: naltrexone started, 50 mg a day");
        compare(marks.itemAt(1).Accessible.name, "1 Feb 2025: mutual-help meeting (AA)");
        compare(marks.itemAt(3).Accessible.name, "15 Apr 2025: drug screen for alcohol, positive (breath)");
        compare(marks.itemAt(0).mark, "line");
        compare(marks.itemAt(2).mark, "negative");
        compare(marks.itemAt(3).mark, "positive");
        // On the chart's axis: each mark's centre at its part of the plot area.
        const chart = findChild(screen, "themeChart");
        tryVerify(() => chart.plotArea.width > 100);
        for (let i = 0; i < marks.count; ++i) {
            const item = marks.itemAt(i);
            fuzzyCompare(item.x + item.width / 2, chart.plotArea.x + chart.plotArea.width * item.at, 0.5);
        }
        verify(marks.itemAt(0).x < marks.itemAt(1).x);
        verify(!findChild(strip, "eventsEmpty").visible);
        verify(findChild(strip, "eventLegend").text.indexOf("1 medication change") >= 0);
        // Keyboard: Tab from the switch reaches the strip, which names the first event; the arrows step.
        const area = findChild(strip, "eventMarks");
        lines.forceActiveFocus();
        keyClick(Qt.Key_Tab);
        verify(area.activeFocus);
        compare(area.Accessible.name, "20 Jan 2025: naltrexone started, 50 mg a day");
        keyClick(Qt.Key_Right);
        compare(area.Accessible.name, "1 Feb 2025: mutual-help meeting (AA)");
        keyClick(Qt.Key_End);
        compare(area.Accessible.name, "15 Apr 2025: drug screen for alcohol, positive (breath)");
        keyClick(Qt.Key_Right); // stays on the last
        compare(area.Accessible.name, "15 Apr 2025: drug screen for alcohol, positive (breath)");
        keyClick(Qt.Key_Home);
        compare(area.Accessible.name, "20 Jan 2025: naltrexone started, 50 mg a day");
    }

    // A range without any event: no strip, one line saying so, once: under the heatmap, which is
    // always shown, and not again under the lines.
    function test_eventStripHiddenWhenTheRangeHasNone() {
        Fixtures.reset();
        const screen = createTemporaryObject(quietComponent, root);
        findChild(screen, "lineChartSwitch").checked = true;
        const strip = findChild(screen, "themeEventStrip");
        verify(!findChild(strip, "eventMarks").visible);
        verify(!findChild(strip, "eventsEmpty").visible);
        const under = findChild(screen, "heatmapEventStrip");
        verify(!findChild(under, "eventMarks").visible);
        const empty = findChild(under, "eventsEmpty");
        verify(empty.visible);
        compare(empty.text, "No meeting, group, medication change or drug screen recorded in this range.");
        // Nothing loaded at all: nothing to explain.
        const blank = createTemporaryObject(screenComponent, root);
        verify(!findChild(findChild(blank, "heatmapEventStrip"), "eventsEmpty").visible);
    }

    // The heatmap's columns are sessions, not time: each event sits among them (on a session's day
    // in its column's middle, between two sessions between their middles), with the lines hidden.
    function test_eventStripUnderTheHeatmap() {
        Fixtures.reset();
        const screen = createTemporaryObject(loadedComponent, root);
        verify(!findChild(screen, "lineChartSwitch").checked);
        const strip = findChild(screen, "heatmapEventStrip");
        const heatmap = findChild(screen, "themeHeatmap");
        tryVerify(() => heatmap.drawnWidth > 100);
        const marks = findChild(strip, "eventMarkRepeater");
        compare(marks.count, 4);
        verify(findChild(strip, "eventMarks").visible);
        // Sessions 13 Jan, 10 Feb, 10 Mar, 14 Apr, 12 May: naltrexone on 20 Jan is a quarter of the
        // way from the first column's middle to the second's.
        const column = heatmap.drawnWidth / 5;
        const first = marks.itemAt(0);
        fuzzyCompare(first.x + first.width / 2, heatmap.labelWidth + column * (0.5 + 7 / 28), 0.5);
        for (let i = 0; i < marks.count; ++i) {
            const item = marks.itemAt(i);
            fuzzyCompare(item.x + item.width / 2, heatmap.labelWidth + heatmap.drawnWidth * item.sessionAt, 0.5);
        }
        compare(marks.itemAt(1).Accessible.name, "1 Feb 2025: mutual-help meeting (AA)");
    }

    // Use days under the charts: a row per substance, its days marked used or abstinent, each
    // month's percent of its known days abstinent; Tab reaches the row and the arrow keys read the
    // months in words.
    function test_useDaysRowsReadByKeyboard() {
        Fixtures.reset();
        const screen = createTemporaryObject(loadedComponent, root);
        const card = findChild(screen, "useDaysCard");
        verify(card.visible);
        const rows = findChild(screen, "useDayRows");
        compare(rows.count, 1);
        const row = findChild(screen, "useDayRow0");
        compare(row.label, "Alcohol");
        compare(row.cells.length, 6);
        compare(row.cells[0].percent, "100%");
        compare(row.cells[1].percent, "96%"); // 27 of 28 known days in February
        compare(row.cells[3].percent, "93%"); // 13 of 14 in April
        compare(row.cells[4].percent, "–"); // none known in May
        compare(row.marks.length, 4); // 6 Jan – 13 Feb, 14 Feb, 15 Feb – 13 Apr, 14 Apr
        compare(row.marks[1].used, true);
        // With the lines shown, on their plot area.
        const lines = findChild(screen, "lineChartSwitch");
        lines.checked = true;
        const chart = findChild(screen, "themeChart");
        tryVerify(() => chart.plotArea.width > 100);
        const strip = findChild(screen, "useDayStrip");
        fuzzyCompare(strip.plotX, chart.plotArea.x, 0.5);
        fuzzyCompare(strip.plotWidth, chart.plotArea.width, 0.5);
        // Keyboard: Tab on from the lines' switch until the row has focus; it reads January first.
        lines.forceActiveFocus();
        for (let i = 0; i < 8 && !row.activeFocus; ++i)
            keyClick(Qt.Key_Tab);
        verify(row.activeFocus);
        compare(row.Accessible.name, "Alcohol, Jan 2025: 100% of known days abstinent (used 0, abstinent 26, unknown 5)");
        keyClick(Qt.Key_Right);
        compare(row.Accessible.name, "Alcohol, Feb 2025: 96% of known days abstinent (used 1, abstinent 27, unknown 0)");
        keyClick(Qt.Key_End);
        compare(row.Accessible.name, "Alcohol, Jun 2025: no day known (used 0, abstinent 0, unknown 30)");
        keyClick(Qt.Key_Home);
        verify(row.Accessible.name.startsWith("Alcohol, Jan 2025"));
        // Nothing recorded: no card.
        const quiet = createTemporaryObject(quietComponent, root);
        verify(!findChild(quiet, "useDaysCard").visible);
    }

    function test_applyAsksForTheBucketAndRange() {
        const screen = createTemporaryObject(screenComponent, root);
        queried.clear();
        queried.target = screen;
        findChild(screen, "bucketBox").currentIndex = 3;
        findChild(screen, "fromField").text = "2025-01-01";
        findChild(screen, "toField").text = "2025-06-30";
        mouseClick(findChild(screen, "applyButton"));
        compare(queried.count, 1);
        compare(queried.signalArguments[0][0], "quarter");
        compare(queried.signalArguments[0][1], "2025-01-01");
        compare(queried.signalArguments[0][2], "2025-06-30");
        mouseClick(findChild(screen, "wholeRecordButton"));
        compare(queried.count, 2);
        compare(queried.signalArguments[1][0], "quarter");
        compare(queried.signalArguments[1][1], "");
        compare(queried.signalArguments[1][2], "");
    }

    function test_emptyFindingsSaySo() {
        const screen = createTemporaryObject(screenComponent, root);
        const leadLag = findChild(screen, "leadLagCard");
        verify(leadLag !== null);
        compare(leadLag.findings.length, 0);
        const empty = findChild(leadLag, "emptyFindings");
        verify(empty.visible);
        compare(empty.text, "No finding yet: no two themes to compare in this range.");
        compare(findChild(screen, "themeChart").count, 0); // nothing ticked, nothing drawn
    }
}
