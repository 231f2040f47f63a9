// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Undercurrent

// The top bar's sections: the one showing is marked current, none while search or settings (which
// are outside the sections) show; choosing a section says so, for the window to leave them.
TestCase {
    id: root

    name: "SectionNav"
    when: windowShown
    width: 800
    height: 100

    Component {
        id: navComponent
        SectionNav {}
    }
    SignalSpy {
        id: chosenSpy
        target: Navigation
        signalName: "chosen"
    }

    function cleanup() {
        Navigation.aside = false;
        Navigation.area = "clients";
    }

    function test_noSectionIsCurrentOnSearchOrSettings() {
        const nav = createTemporaryObject(navComponent, root);
        const clients = findChild(nav, "nav-clients");
        verify(clients.current, "the clients area shows");
        Navigation.aside = true;
        verify(!clients.current, "search or settings shows: Clients is not highlighted");
        Navigation.aside = false;
        verify(clients.current);
    }

    function test_choosingASectionIsAnnounced() {
        chosenSpy.clear();
        Navigation.go("audit");
        compare(Navigation.area, "audit");
        compare(chosenSpy.count, 1);
        compare(chosenSpy.signalArguments[0][0], "audit");
    }
}
