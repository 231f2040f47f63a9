// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Undercurrent

// The review pane's rules in its bindings: Return (and Comment) stay disabled until there is a
// comment that is more than blanks, and with no role signed in (locked) no action is offered at all.
TestCase {
    id: root

    name: "ReviewNotePane"
    when: windowShown
    visible: true
    width: 900
    height: 600

    Component {
        id: paneComponent
        ReviewNotePane {
            width: 900
            height: 600
            review: Workspace.review
        }
    }

    function test_returnNeedsAComment() {
        const pane = createTemporaryObject(paneComponent, root);
        const field = findChild(pane, "commentField");
        const returnButton = findChild(pane, "returnButton");
        const commentButton = findChild(pane, "commentButton");
        verify(!returnButton.enabled);
        verify(!commentButton.enabled);
        field.text = "   \n ";
        verify(!returnButton.enabled, "blanks are not a comment");
        field.text = "Add the lapse and the safety plan.";
        verify(returnButton.enabled);
        verify(commentButton.enabled);
        field.text = "";
        verify(!returnButton.enabled);
    }

    function test_nothingOfferedWithoutARole() {
        const pane = createTemporaryObject(paneComponent, root);
        compare(VaultSession.role, "");
        verify(!pane.mayCosign);
        verify(!pane.mayReturn);
        verify(!pane.mayComment);
        verify(!findChild(pane, "cosignButton").visible);
        verify(!findChild(pane, "returnButton").visible);
        verify(!findChild(pane, "openInEditorButton").visible);
    }
}
