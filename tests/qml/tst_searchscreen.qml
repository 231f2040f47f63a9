// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Undercurrent

// The search screen with no vault open: the field has the focus, Enter asks for a search with what
// was typed, typing asks after a pause, and the empty list explains what to do.
TestCase {
    id: root

    name: "SearchScreen"
    when: windowShown
    visible: true
    width: 1000
    height: 700

    Component {
        id: screenComponent
        SearchScreen {
            width: 1000
            height: 700
            results: Workspace.searchResults
            userName: "asmith"
        }
    }
    SignalSpy { id: searched; signalName: "search" }

    function test_enterSearchesWhatWasTyped() {
        const screen = createTemporaryObject(screenComponent, root);
        searched.clear();
        searched.target = screen;
        const field = findChild(screen, "searchField");
        tryVerify(() => field.activeFocus);
        keyClick("d");
        keyClick("r");
        keyClick("i");
        keyClick(Qt.Key_Return);
        compare(searched.count, 1);
        compare(searched.signalArguments[0][0], "dri");
        compare(findChild(screen, "resultCount").text, ""); // no query answered yet
    }

    function test_typingSearchesAfterAPause() {
        const screen = createTemporaryObject(screenComponent, root);
        searched.clear();
        searched.target = screen;
        tryVerify(() => findChild(screen, "searchField").activeFocus);
        keyClick("a");
        keyClick("b");
        compare(searched.count, 0); // not on every key
        tryCompare(searched, "count", 1, 2000);
        compare(searched.signalArguments[0][0], "ab");
    }
}
