// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Undercurrent

// The patterns screen's controls with nothing loaded: Apply asks for the chosen bucket and range,
// "Whole record" drops the range, and the empty findings say so in words.
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
