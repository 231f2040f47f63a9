// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Undercurrent

TestCase {
    id: root

    name: "WelcomeScreen"
    when: windowShown
    width: 800
    height: 600

    Component {
        id: screenComponent
        WelcomeScreen {
            width: 800
            height: 600
        }
    }

    function test_showsProductNameAndChart() {
        const screen = createTemporaryObject(screenComponent, root);
        verify(screen, "the welcome screen loads from the Undercurrent module");
        const title = findChild(screen, "welcomeTitle");
        compare(title.text, "Undercurrent");
        const chart = findChild(screen, "themeChart");
        verify(chart, "the themes-over-time chart is part of the screen");
        compare(chart.title, "Themes over time");
        verify(chart.count >= 1, "the chart has a series to draw into");
    }

    function test_versionInfoNamesTheLibraries() {
        verify(AppInfo.libraries.indexOf("SQLCipher 4.") >= 0, AppInfo.libraries);
        verify(AppInfo.libraries.indexOf("libsodium") >= 0);
    }
}
