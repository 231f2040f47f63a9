// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtTest
import Undercurrent
import UndercurrentTest

// The note editor screen by keyboard, on a note editor without a vault (Fixtures.note): a new note
// opens with the caret in its first section's body, never in a heading; Tab and Shift+Tab leave the
// text and Ctrl+Tab types a tab; the themes panel has one card per theme with all its evidence.
TestCase {
    id: root

    name: "NoteEditorScreen"
    when: windowShown
    visible: true
    width: 1024
    height: 700

    readonly property string template: "## Presenting concerns\n\n## Plan\n"

    Component {
        id: screenComponent
        NoteEditorScreen {
            width: 1024
            height: 700
            note: Fixtures.note
            userName: "asmith"
        }
    }

    property int nextId: 100

    function openScreen(text, tags) {
        const screen = createTemporaryObject(screenComponent, root);
        Fixtures.openDraft(++root.nextId, text, tags ?? []);
        const editor = findChild(screen, "noteText");
        tryVerify(() => editor.activeFocus && editor.text === text, 3000, "the note opens with the keyboard in it");
        wait(20); // the screen focuses a note once, on the next turn of the event loop
        return screen;
    }

    function test_aNewNoteStartsInTheFirstSectionsBody() {
        const screen = openScreen(root.template);
        const editor = findChild(screen, "noteText");
        compare(editor.cursorPosition, root.template.indexOf("\n") + 1);
        for (const c of "Craving")
            keyClick(c);
        compare(editor.text, "## Presenting concerns\nCraving\n## Plan\n"); // the heading is whole
    }

    function test_tabLeavesTheTextAndCtrlTabTypesATab() {
        const screen = openScreen(root.template);
        const editor = findChild(screen, "noteText");
        keyClick(Qt.Key_Tab);
        verify(!editor.activeFocus, "Tab moves on");
        compare(editor.text, root.template);
        keyClick(Qt.Key_Backtab, Qt.ShiftModifier);
        verify(editor.activeFocus, "Shift+Tab comes back");
        keyClick(Qt.Key_Backtab, Qt.ShiftModifier);
        verify(!editor.activeFocus, "Shift+Tab leaves backwards");
        editor.forceActiveFocus();
        keyClick(Qt.Key_Tab, Qt.ControlModifier);
        verify(editor.activeFocus);
        verify(editor.text.indexOf("\t") >= 0, "Ctrl+Tab types a tab");
    }

    function test_oneCardPerThemeWithAllItsEvidence() {
        const text = "## Presenting concerns\nHe left. She felt abandoned, alone, left behind. Craving at night.\n## Plan\n";
        const screen = openScreen(text, [
            { id: 1, theme: "abandonment", words: "felt abandoned" },
            { id: 2, theme: "abandonment", words: "alone" },
            { id: 3, theme: "abandonment", words: "left behind" },
            { id: 4, theme: "craving", words: "Craving" }
        ]);
        const list = findChild(screen, "tagList");
        tryCompare(list, "count", 2);
        let card = null;
        tryVerify(() => (card = findChild(list, "themeCard-abandonment")) !== null);
        let shown = 0;
        const visit = item => {
            if (item.objectName === "evidence" && item.visible)
                ++shown;
            for (let i = 0; i < item.children.length; ++i)
                visit(item.children[i]);
        };
        visit(card);
        compare(shown, 3, "the three phrases on the one card");
        verify(findChild(list, "themeCard-craving") !== null);
    }
}
