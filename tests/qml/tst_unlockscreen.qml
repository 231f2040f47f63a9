// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Undercurrent

// Unlock: the passphrase goes out once and leaves the field; a failure is said under the field;
// during the delay after five failures the button waits and says how long; the demo shows its
// credentials.
TestCase {
    id: root

    name: "UnlockScreen"
    when: windowShown
    visible: true // TestCase is invisible by default; the checks below are about what shows
    width: 900
    height: 760

    Component {
        id: screenComponent
        UnlockScreen {
            width: 900
            height: 760
            folder: "/tmp/vault"
            userName: "asmith"
            retryDelay: 0
            working: false
        }
    }
    SignalSpy {
        id: unlockSpy
        signalName: "unlock"
    }

    function test_unlockSendsAndClearsThePassphrase() {
        const screen = createTemporaryObject(screenComponent, root);
        unlockSpy.target = screen;
        unlockSpy.clear();
        const button = findChild(screen, "unlockButton");
        verify(!button.enabled, "nothing typed yet");
        compare(findChild(screen, "userField").text, "asmith");
        const pass = findChild(screen, "passphraseField");
        pass.forceActiveFocus();
        pass.text = "quiet river lantern";
        verify(button.enabled);
        keyClick(Qt.Key_Return);
        compare(unlockSpy.count, 1);
        compare(unlockSpy.signalArguments[0][0], "asmith");
        compare(unlockSpy.signalArguments[0][1], "quiet river lantern");
        compare(pass.text, "");
    }

    function test_failureIsInline() {
        const screen = createTemporaryObject(screenComponent, root);
        const error = findChild(screen, "unlockError");
        verify(!error.visible);
        screen.failed("The user name or passphrase is wrong.");
        verify(error.visible);
        compare(error.text, "The user name or passphrase is wrong.");
    }

    function test_delayHoldsTheButtonAndCountsDown() {
        const screen = createTemporaryObject(screenComponent, root);
        findChild(screen, "passphraseField").text = "quiet river lantern";
        const button = findChild(screen, "unlockButton");
        verify(button.enabled);
        screen.retryDelay = 10;
        verify(!button.enabled);
        const error = findChild(screen, "unlockError");
        verify(error.visible);
        verify(error.text.indexOf("10 seconds") >= 0, error.text);
        screen.retryDelay = 1;
        verify(error.text.indexOf("1 second.") >= 0, error.text);
        screen.retryDelay = 0;
        verify(button.enabled);
        screen.working = true;
        verify(!button.enabled, "no second unlock while one is on its way");
    }

    function test_demoShowsItsCredentials() {
        const screen = createTemporaryObject(screenComponent, root);
        const notice = findChild(screen, "demoNotice");
        verify(!notice.visible);
        screen.demoPassphrase = "undercurrent demo practice";
        verify(notice.visible);
    }

    // The notice is StyledText for its bold: a user name that looks like markup is escaped into it,
    // so it shows as typed and fetches nothing.
    function test_demoNoticeEscapesTheUserName() {
        const screen = createTemporaryObject(screenComponent, root, { userName: "<img src=\"http://127.0.0.1:9/b\"><b>x</b> & co" });
        screen.demoPassphrase = "pass";
        const notice = findChild(screen, "demoNotice");
        verify(notice.text.indexOf("<b>&lt;img src=&quot;http://127.0.0.1:9/b&quot;&gt;&lt;b&gt;x&lt;/b&gt; &amp; co</b>") >= 0, notice.text);
        verify(notice.text.indexOf("<img") < 0);
    }

    function test_aFolderWithoutAVaultAsksForAnother() {
        const screen = createTemporaryObject(screenComponent, root);
        verify(!findChild(screen, "folderRow").visible);
        screen.folderIsVault = false;
        verify(findChild(screen, "folderRow").visible);
        verify(screen.subtitle.indexOf("no vault") >= 0, screen.subtitle);
    }

    // Enter while the vault is busy is kept and tried when it is free, and says so meanwhile;
    // Enter with nothing to send says what is missing.
    function test_enterWhileBusyIsQueuedNotDropped() {
        const screen = createTemporaryObject(screenComponent, root);
        unlockSpy.target = screen;
        unlockSpy.clear();
        screen.working = true;
        const pass = findChild(screen, "passphraseField");
        pass.forceActiveFocus();
        pass.text = "quiet river lantern";
        keyClick(Qt.Key_Return);
        compare(unlockSpy.count, 0);
        const error = findChild(screen, "unlockError");
        verify(error.visible);
        verify(error.text.indexOf("as soon as it is free") >= 0, error.text);
        screen.working = false;
        tryCompare(unlockSpy, "count", 1);
        compare(unlockSpy.signalArguments[0][1], "quiet river lantern");
        keyClick(Qt.Key_Return);
        compare(unlockSpy.count, 1);
        verify(error.text.indexOf("passphrase") >= 0, error.text);
    }

    function test_autoLockSaysWhy() {
        const screen = createTemporaryObject(screenComponent, root, { lockReason: "Locked after 5 minutes without use" });
        const reason = findChild(screen, "lockReason");
        verify(reason.visible);
        compare(reason.text, "Locked after 5 minutes without use");
    }
}
