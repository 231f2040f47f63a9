// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Undercurrent

// A failure reaches QML as one value with its kind, its action and a sentence, so a screen can
// tell a malformed field from a refusal for the role or a damaged vault; the banner shows what
// the kind means above the sentence.
TestCase {
    id: root

    name: "Failure"
    when: windowShown
    visible: true
    width: 600
    height: 200

    SignalSpy {
        id: failedSpy
        target: VaultSession
        signalName: "failed"
    }
    Component {
        id: bannerComponent
        ErrorBanner {
            width: 600
            title: "Not allowed for your role"
            message: "Note: an auditor cannot co-sign notes."
        }
    }

    function test_aFormFailureCarriesItsKindActionAndSentence() {
        failedSpy.clear();
        VaultSession.createVault("", "", "", ""); // refused at once: no folder, no user
        compare(failedSpy.count, 1);
        const failure = failedSpy.signalArguments[0][0];
        compare(failure.kind, Failure.BadInput);
        verify(failure.kind !== Failure.NotAllowed && failure.kind !== Failure.Damaged);
        compare(failure.action, "create");
        compare(failure.message, "Choose a folder and a user name.");
        verify(failure.title !== "");
    }

    function test_theBannerShowsTheKindAboveTheSentence() {
        const banner = createTemporaryObject(bannerComponent, root);
        verify(banner.visible);
        compare(findChild(banner, "errorTitle").text, "Not allowed for your role");
        compare(findChild(banner, "errorText").text, "Note: an auditor cannot co-sign notes.");
        banner.message = "";
        verify(!banner.visible);
    }
}
