// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Other treatment, read-only (docs/treatment-events.md): the client's mutual-help meetings, groups,
// medication-assisted treatment changes and drug screens, newest first, as `event add` recorded
// them. An event's note is not shown here.
SectionCard {
    id: root

    required property ClientOverview overview

    objectName: "treatmentEventsCard"
    title: qsTr("Other treatment")
    note: root.overview.treatmentEvents.length === 0 ? qsTr("none yet")
                                                     : qsTr("%n event(s)", "", root.overview.treatmentEvents.length)

    Label {
        Layout.fillWidth: true
        visible: root.overview.treatmentEvents.length === 0
        text: qsTr("No mutual-help meeting, group, medication-assisted treatment or drug screen recorded yet. "
                   + "Record one with `event add` from the command line.")
        color: Style.muted
        wrapMode: Text.WordWrap
    }
    Repeater {
        objectName: "treatmentEvents"
        model: root.overview.treatmentEvents
        RowLayout {
            id: line
            required property var modelData
            Layout.fillWidth: true
            spacing: 8
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("%1, %2: %3").arg(Style.date(line.modelData.date)).arg(line.modelData.label)
                                 .arg(line.modelData.details)

            Label {
                text: Style.date(line.modelData.date)
                color: Style.muted
                font.pixelSize: Style.smallSize
                Layout.preferredWidth: 90
            }
            Label {
                text: line.modelData.label
                font.bold: true
            }
            Label {
                Layout.fillWidth: true
                text: line.modelData.details
                elide: Text.ElideRight
            }
        }
    }
}
