// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Undercurrent
import UndercurrentTest

// Settings › Practice, the sync indicator and the refusal banner, on fixed states (Fixtures): the
// join form by keyboard when not a member; the membership and Sync now once joined; the indicator
// hidden outside a practice and saying why it is offline; the refusal banner until acknowledged.
TestCase {
    id: root

    name: "PracticeScreen"
    when: windowShown
    visible: true
    width: 800
    height: 700

    Component {
        id: cardComponent
        PracticeCard {
            width: 430
            membership: Fixtures.practice
            sync: Fixtures.sync
        }
    }
    Component {
        id: indicatorComponent
        SyncIndicator { sync: Fixtures.sync }
    }
    Component {
        id: bannerComponent
        SyncRefusedBanner {
            width: 800
            sync: Fixtures.sync
        }
    }
    SignalSpy {
        id: failedSpy
        target: Fixtures.practice
        signalName: "failed"
    }

    function cleanup() {
        Fixtures.showPractice("not-joined");
    }

    function test_theJoinFormIsReachedAndSentByKeyboard() {
        Fixtures.showPractice("not-joined");
        const card = createTemporaryObject(cardComponent, root);
        const server = findChild(card, "practiceServerField");
        const code = findChild(card, "practiceCodeField");
        verify(server.visible && code.visible, "not a member: the join form shows");
        verify(!findChild(card, "syncNowButton").visible);
        compare(code.echoMode, TextInput.Password); // the code is a secret
        server.forceActiveFocus();
        keyClick(Qt.Key_Tab);
        verify(code.activeFocus, "Tab goes from the server to the code");
        keyClick(Qt.Key_Tab);
        verify(findChild(card, "practiceJoinButton").activeFocus, "then to Join");
        failedSpy.clear();
        code.forceActiveFocus();
        keyClick(Qt.Key_Return); // Enter joins; empty fields are refused at once, in plain words
        compare(failedSpy.count, 1);
        const error = findChild(card, "practiceJoinError");
        verify(error.visible);
        verify(error.text.indexOf("server's address") >= 0, error.text);
    }

    function test_aMemberSeesTheMembershipAndSyncNow() {
        Fixtures.showPractice("synced");
        const card = createTemporaryObject(cardComponent, root);
        verify(!findChild(card, "practiceServerField").visible, "a member: no join form");
        const syncNow = findChild(card, "syncNowButton");
        verify(syncNow.visible && syncNow.enabled);
        compare(syncNow.text, "Sync now");
        compare(findChild(card, "autoSyncBox").value, 0); // off unless chosen
        verify(!findChild(card, "practiceAdvice").visible);
    }

    function test_theIndicatorIsHiddenOutsideAPracticeAndSaysWhy() {
        Fixtures.showPractice("not-joined");
        const indicator = createTemporaryObject(indicatorComponent, root);
        verify(!indicator.visible, "not a member: no indicator");
        Fixtures.showPractice("synced");
        verify(indicator.visible);
        verify(indicator.text.indexOf("Synced today") === 0, indicator.text);
        compare(indicator.Accessible.name, "Practice sync: " + indicator.text);
        Fixtures.showPractice("offline");
        compare(indicator.text, "Offline");
        verify(indicator.Accessible.description.indexOf("could not be reached") >= 0);
        verify(indicator.Accessible.description.indexOf("cannot be reached") >= 0, "the reason, in plain words");
    }

    function test_theRefusalBannerStaysUntilAcknowledged() {
        Fixtures.showPractice("refused");
        const banner = createTemporaryObject(bannerComponent, root);
        verify(banner.visible);
        const text = findChild(banner, "syncRefusedText").text;
        verify(text.indexOf("Nothing here was changed") >= 0, text);
        verify(text.indexOf("sync --accept-rollback") >= 0, "says what to do");
        const indicator = createTemporaryObject(indicatorComponent, root);
        compare(indicator.text, "Sync refused");
        mouseClick(findChild(banner, "acknowledgeRefusalButton"));
        verify(!banner.visible, "acknowledged: the banner goes");
        compare(indicator.text, "Sync refused"); // the state stays until a sync succeeds
    }
}
