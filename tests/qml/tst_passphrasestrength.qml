// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Undercurrent

// The strength hint under a new passphrase: what it says and how many segments it lights, as the
// user types.
TestCase {
    id: root

    name: "PassphraseStrength"
    when: windowShown
    visible: true // TestCase is invisible by default; the checks below are about what shows
    width: 400
    height: 100

    Component {
        id: strengthComponent
        PassphraseStrength {
            width: 360
            passphrase: ""
        }
    }

    function test_hintFollowsTheText_data() {
        return [
            { tag: "empty", text: "", level: 0, acceptable: false, hint: "Use at least 12 characters" },
            { tag: "short", text: "tulip7", level: 0, acceptable: false, hint: "Too short" },
            { tag: "repeats", text: "aaaaaaaaaaaaaaaa", level: 1, acceptable: false, hint: "Weak" },
            { tag: "common word", text: "password1234", level: 1, acceptable: false, hint: "Weak" },
            { tag: "three words", text: "quiet river lantern", level: 4, acceptable: true, hint: "Strong" },
            { tag: "mixed", text: "Blue-kettle-2024!", level: 4, acceptable: true, hint: "Strong" }
        ];
    }

    function test_hintFollowsTheText(data) {
        const strength = createTemporaryObject(strengthComponent, root);
        verify(strength);
        strength.passphrase = data.text;
        compare(strength.level, data.level);
        compare(strength.acceptable, data.acceptable);
        const hint = findChild(strength, "strengthHint");
        verify(hint.text.indexOf(data.hint) === 0, hint.text);
    }

    function test_levelsRiseWithLength() {
        const strength = createTemporaryObject(strengthComponent, root);
        let previous = -1;
        for (const text of ["abc", "abcdefghijkl", "abcdefghijklmnopq", "abcdefghijklmnopqrstuvw"]) {
            strength.passphrase = text;
            verify(strength.level >= previous, text + ": " + strength.level);
            previous = strength.level;
        }
        verify(previous >= 3);
    }
}
