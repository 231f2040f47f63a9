// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtTest
import Undercurrent
import UndercurrentTest

// Choosing the themes before a review with the client (ReviewSetupDialog), on fixed patterns
// (Fixtures, qmlfixtures.h): the recurring themes start ticked, a click or Space unticks one and
// takes it off what the review draws, never more than eight, and the choice says why it is empty —
// no theme in the range, still loading, or patterns that are another client's (never offered); each
// finding can be left out of what review shows.
TestCase {
    id: root

    name: "ReviewSetupDialog"
    when: windowShown
    visible: true
    width: 900
    height: 760

    Component {
        id: dialogComponent
        ReviewSetupDialog {
            clientCode: "C-1"
            clientName: "Test Client"
            patterns: Fixtures.patterns
        }
    }

    function init() {
        Fixtures.reset();
    }

    function openDialog(properties) {
        const dialog = createTemporaryObject(dialogComponent, root, properties ?? {});
        dialog.open();
        tryCompare(dialog, "opened", true);
        return dialog;
    }

    // A theme's row, once the list has laid its delegates out.
    function row(dialog, theme) {
        tryVerify(() => findChild(dialog.contentItem, "themeRow_" + theme) !== null, 2000, theme);
        return findChild(dialog.contentItem, "themeRow_" + theme);
    }

    // Clicks a theme's row, scrolled into view first as a user would.
    function clickRow(dialog, theme) {
        const r = row(dialog, theme);
        findChild(dialog.contentItem, "patternThemeList").positionViewAtIndex(r.index, ListView.Contain);
        waitForRendering(r);
        mouseClick(r);
    }

    function ticked(dialog, theme) {
        return row(dialog, theme).checkState === Qt.Checked;
    }

    function test_theRecurringThemesStartTicked() {
        const dialog = openDialog();
        const choice = findChild(dialog.contentItem, "reviewThemeChoice");
        verify(choice.visible);
        verify(!findChild(dialog.contentItem, "reviewThemeChoiceEmpty").visible);
        compare(Fixtures.patterns.themes.checkedCount, 6);
        compare(choice.note, "6 of at most 8 ticked");
        for (const theme of ["abandonment", "shame", "craving", "relapse", "anxiety", "loneliness"])
            verify(ticked(dialog, theme), theme);
        verify(!ticked(dialog, "grief"));
        compare(Fixtures.patterns.chart.checkedSeries().length, 6);
    }

    function test_untickingTakesAThemeOffTheReview() {
        const dialog = openDialog();
        clickRow(dialog, "shame");
        verify(!ticked(dialog, "shame"));
        compare(Fixtures.patterns.themes.checkedCount, 5);
        compare(findChild(dialog.contentItem, "reviewThemeChoice").note, "5 of at most 8 ticked");
        // What review mode draws is the shared model's ticks: shame is no longer among them.
        const drawn = Fixtures.patterns.chart.checkedSeries().map(s => s.theme);
        verify(drawn.indexOf("shame") < 0);
        compare(drawn.length, 5);
        // and its swatch is the small grey dot, not a colour another theme could take
        const swatch = findChild(row(dialog, "shame"), "swatch");
        compare(swatch.width, 6);
    }

    function test_neverMoreThanEight() {
        const dialog = openDialog();
        clickRow(dialog, "family-conflict");
        clickRow(dialog, "grief");
        compare(Fixtures.patterns.themes.checkedCount, 8);
        clickRow(dialog, "anger");
        verify(!ticked(dialog, "anger"));
        compare(Fixtures.patterns.themes.checkedCount, 8);
        compare(findChild(dialog.contentItem, "reviewThemeChoice").note, "8 of at most 8 ticked");
    }

    function test_spaceTicksTheFocusedTheme() {
        const dialog = openDialog();
        row(dialog, "grief").forceActiveFocus();
        keyClick(Qt.Key_Space);
        verify(ticked(dialog, "grief"));
        keyClick(Qt.Key_Space);
        verify(!ticked(dialog, "grief"));
    }

    function test_noThemeInTheRangeSaysSo() {
        const dialog = openDialog({ clientCode: "C-2", clientName: "Quiet Client", patterns: Fixtures.emptyPatterns });
        verify(!findChild(dialog.contentItem, "reviewThemeChoice").visible);
        const empty = findChild(dialog.contentItem, "reviewThemeChoiceEmpty");
        verify(empty.visible);
        compare(empty.text, "No theme has come up in the progress notes of this range.");
    }

    function test_whileLoadingItSaysSo() {
        const dialog = openDialog({ clientCode: "C-3", patterns: Fixtures.loadingPatterns });
        verify(!findChild(dialog.contentItem, "reviewThemeChoice").visible);
        compare(findChild(dialog.contentItem, "reviewThemeChoiceEmpty").text, "Finding this client's themes…");
    }

    // The shared model still holds another client's patterns (the Patterns screen was left on
    // them): their themes are never offered for this client's review.
    function test_anotherClientsThemesAreNeverOffered() {
        const dialog = openDialog({ clientCode: "C-9", clientName: "Other Client" });
        verify(!findChild(dialog.contentItem, "reviewThemeChoice").visible);
        compare(findChild(dialog.contentItem, "themeRow_abandonment")?.visible ?? false, false);
        compare(findChild(dialog.contentItem, "reviewThemeChoiceEmpty").text, "Finding this client's themes…");
    }

    function test_aFindingCanBeLeftOutOfTheReview() {
        const dialog = openDialog();
        const choice = findChild(dialog.contentItem, "reviewFindingChoice");
        verify(choice.visible);
        compare(Fixtures.patterns.findings.reviewFindings.length, 2);
        const second = findChild(dialog.contentItem, "reviewFinding1");
        verify(second.checked);
        mouseClick(second);
        verify(!second.checked);
        compare(Fixtures.patterns.findings.reviewFindings, ["Abandonment came before lapse or relapse in 5 of 6 sessions."]);
        // By keyboard too: Space on the focused box puts it back.
        second.forceActiveFocus();
        keyClick(Qt.Key_Space);
        verify(second.checked);
        compare(Fixtures.patterns.findings.reviewFindings.length, 2);
    }

    function test_noFindingsNoChoice() {
        const dialog = openDialog({ clientCode: "C-2", clientName: "Quiet Client", patterns: Fixtures.emptyPatterns });
        verify(!findChild(dialog.contentItem, "reviewFindingChoice").visible);
    }
}
