// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The first screen: what the program is, and where patterns will appear once a vault is open.
Page {
    id: root

    objectName: "welcomeScreen"

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 32
        spacing: 16

        Label {
            objectName: "welcomeTitle"
            text: AppInfo.name
            font.pixelSize: 32
            font.weight: Font.DemiBold
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("Private, encrypted session notes that notice which themes keep coming back.")
            font.pixelSize: 16
            opacity: 0.8
        }
        ThemeChart {
            objectName: "themeChart"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 240
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Version %1 · %2").arg(AppInfo.version).arg(AppInfo.libraries.replace(/\n/g, " · "))
            font.pixelSize: 11
            opacity: 0.6
            elide: Text.ElideRight
        }
    }
}
