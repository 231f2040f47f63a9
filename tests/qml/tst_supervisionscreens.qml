// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Undercurrent

// Rules in the bindings of the agreement set-up and the audit viewer: a check cannot start
// without an assigned therapist to choose; the export needs a file; the top bar offers no section
// while nobody is signed in.
TestCase {
    id: root

    name: "SupervisionScreens"
    when: windowShown
    visible: true
    width: 1000
    height: 700

    Component {
        id: setupComponent
        AgreementSetup {
            width: 900
            check: Workspace.agreement
        }
    }
    Component {
        id: auditComponent
        AuditScreen {
            width: 1000
            height: 700
            audit: Workspace.audit
            userName: "kaudit"
        }
    }

    function test_checkNeedsATherapist() {
        const setup = createTemporaryObject(setupComponent, root);
        compare(Workspace.agreement.therapists.length, 0);
        verify(!setup.ready);
        verify(!findChild(setup, "startCheckButton").enabled);
    }

    function test_exportNeedsAFile() {
        const screen = createTemporaryObject(auditComponent, root);
        const file = findChild(screen, "exportFileField");
        const button = findChild(screen, "exportButton");
        verify(file.text.indexOf(".csv") > 0, file.text);
        verify(button.enabled);
        file.text = "  ";
        verify(!button.enabled);
        compare(findChild(screen, "nav-audit").visible, false, "no section while locked");
    }
}
