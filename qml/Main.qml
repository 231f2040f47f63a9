// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Undercurrent

ApplicationWindow {
    id: root

    width: 1100
    height: 720
    minimumWidth: 720
    minimumHeight: 480
    visible: true
    title: qsTr("Undercurrent")

    WelcomeScreen {
        anchors.fill: parent
    }
}
