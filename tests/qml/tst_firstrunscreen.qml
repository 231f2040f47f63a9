// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Undercurrent

// First run: Create is enabled only with a folder, a user, a fair passphrase and the same one
// typed twice; creating hands everything over once and empties the passphrase fields.
TestCase {
    id: root

    name: "FirstRunScreen"
    when: windowShown
    visible: true // TestCase is invisible by default; the checks below are about what shows
    width: 900
    height: 760

    Component {
        id: screenComponent
        FirstRunScreen {
            width: 900
            height: 760
            defaultFolder: "/tmp/undercurrent-test-vault"
        }
    }
    SignalSpy {
        id: createSpy
        signalName: "create"
    }

    function fill(screen, user, pass, confirm) {
        findChild(screen, "userField").text = user;
        findChild(screen, "passphraseField").text = pass;
        findChild(screen, "confirmField").text = confirm;
    }

    function test_createNeedsEverything_data() {
        return [
            { tag: "complete", user: "asmith", pass: "quiet river lantern", confirm: "quiet river lantern", ready: true },
            { tag: "no user", user: "", pass: "quiet river lantern", confirm: "quiet river lantern", ready: false },
            { tag: "mismatch", user: "asmith", pass: "quiet river lantern", confirm: "quiet river lanterns", ready: false },
            { tag: "weak", user: "asmith", pass: "password1234", confirm: "password1234", ready: false },
            { tag: "short", user: "asmith", pass: "tulip", confirm: "tulip", ready: false }
        ];
    }

    function test_createNeedsEverything(data) {
        const screen = createTemporaryObject(screenComponent, root);
        fill(screen, data.user, data.pass, data.confirm);
        compare(screen.ready, data.ready);
        compare(findChild(screen, "createButton").enabled, data.ready);
        compare(findChild(screen, "mismatchHint").visible, data.pass !== data.confirm);
    }

    function test_createSendsOnceAndClearsTheSecrets() {
        const screen = createTemporaryObject(screenComponent, root);
        createSpy.target = screen;
        createSpy.clear();
        compare(findChild(screen, "folderField").text, "/tmp/undercurrent-test-vault");
        fill(screen, " asmith ", "quiet river lantern", "quiet river lantern");
        mouseClick(findChild(screen, "createButton"));
        compare(createSpy.count, 1);
        compare(createSpy.signalArguments[0][0], "/tmp/undercurrent-test-vault");
        compare(createSpy.signalArguments[0][1], "asmith");
        compare(createSpy.signalArguments[0][2], "quiet river lantern");
        compare(findChild(screen, "passphraseField").text, "");
        compare(findChild(screen, "confirmField").text, "");
        verify(!findChild(screen, "createButton").enabled, "nothing left to send twice");
    }

    function test_errorIsShownInline() {
        const screen = createTemporaryObject(screenComponent, root);
        const error = findChild(screen, "createError");
        verify(!error.visible);
        screen.error = "Vault: the folder is not empty.";
        verify(error.visible);
        compare(error.text, "Vault: the folder is not empty.");
    }

    function test_versionInfoNamesTheLibraries() {
        verify(AppInfo.libraries.indexOf("SQLCipher 4.") >= 0, AppInfo.libraries);
        verify(AppInfo.libraries.indexOf("libsodium") >= 0);
    }
}
