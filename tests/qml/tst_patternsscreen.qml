// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Undercurrent
import UndercurrentTest

// The patterns screen's controls with nothing loaded: Apply asks for the chosen bucket and range,
// "Whole record" drops the range, and the empty findings say so in words. On fixed patterns
// (Fixtures, qmlfixtures.h): the episode control asks for one episode by keyboard, and the charts
// shade each episode of care on the time axis.
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
