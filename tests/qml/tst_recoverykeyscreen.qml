// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Undercurrent

// "I have written it down" stays disabled until the asked-for group of the recovery key is typed
// back; case, dashes and the letters read as digits do not matter.
TestCase {
    id: root

    name: "RecoveryKeyScreen"
    when: windowShown
    visible: true // TestCase is invisible by default; the checks below are about what shows
    width: 800
    height: 700

    readonly property string key: "7K2M-Q9XA-T4VB-1C0D-ZZ8E-HJ3F-WN5G-RP6S"

    Component {
        id: screenComponent
        RecoveryKeyScreen {
            width: 800
            height: 700
            recoveryKey: root.key
            group: 4
        }
    }
    SignalSpy {
        id: doneSpy
        signalName: "done"
    }

    function test_theKeyIsShownInGroups() {
        const screen = createTemporaryObject(screenComponent, root);
        const text = findChild(screen, "recoveryKeyText");
        compare(text.text, "7K2M  Q9XA  T4VB  1C0D  ZZ8E  HJ3F  WN5G  RP6S");
    }

    // The field to type in has the keyboard from the start, and the asked group is findable by
    // its number even when the groups wrap onto two lines.
    function test_confirmFieldFocusedAndGroupsNumbered() {
        const screen = createTemporaryObject(screenComponent, root, { width: 300 });
        tryVerify(() => findChild(screen, "groupField").activeFocus);
        const asked = findChild(screen, "keyGroup4");
        verify(asked);
        compare(asked.children[0].text, "1C0D");
        compare(asked.children[1].text, "4");
        verify(findChild(screen, "keyGroup8").y > findChild(screen, "keyGroup1").y, "the groups wrap at this width");
    }

    function test_onlyTheAskedGroupConfirms_data() {
        return [
            { tag: "exact", typed: "1C0D", confirmed: true },
            { tag: "lower case", typed: "1c0d", confirmed: true },
            { tag: "O for zero, L for one", typed: "LCOD", confirmed: true },
            { tag: "spaces", typed: " 1C0D ", confirmed: true },
            { tag: "another group", typed: "T4VB", confirmed: false },
            { tag: "one wrong character", typed: "1C0E", confirmed: false },
            { tag: "too short", typed: "1C0", confirmed: false },
            { tag: "empty", typed: "", confirmed: false }
        ];
    }

    function test_onlyTheAskedGroupConfirms(data) {
        const screen = createTemporaryObject(screenComponent, root);
        const field = findChild(screen, "groupField");
        const button = findChild(screen, "writtenDownButton");
        field.text = data.typed;
        compare(screen.confirmed, data.confirmed);
        compare(button.enabled, data.confirmed);
        compare(findChild(screen, "groupHint").visible, !data.confirmed && data.typed.length >= 4);
    }

    function test_confirmingByKeyboard() {
        const screen = createTemporaryObject(screenComponent, root);
        doneSpy.target = screen;
        doneSpy.clear();
        const field = findChild(screen, "groupField");
        field.forceActiveFocus();
        keyClick(Qt.Key_9);
        keyClick(Qt.Key_Return);
        compare(doneSpy.count, 0, "a wrong group does not go on");
        field.text = "";
        for (const k of [Qt.Key_1, Qt.Key_C, Qt.Key_0, Qt.Key_D])
            keyClick(k);
        keyClick(Qt.Key_Return);
        compare(doneSpy.count, 1);
    }
}
