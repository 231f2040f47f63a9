// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Other treatment (docs/treatment-events.md): the client's mutual-help meetings, groups,
// medication-assisted treatment changes and drug screens, newest first. Who may add measures records
// one ("Add event…", the checks of `event add`) and deletes one entered in error ("Delete…" on its
// row, asked first); others read. An event's note is not shown here.
SectionCard {
    id: root

    required property ClientOverview overview

    objectName: "treatmentEventsCard"
    title: qsTr("Other treatment")
    note: root.overview.treatmentEvents.length === 0 ? qsTr("none yet")
                                                     : qsTr("%n event(s)", "", root.overview.treatmentEvents.length)
    actions: [
        Button {
            objectName: "addEventButton"
            visible: VaultSession.can("add-measure")
            enabled: root.overview.code !== ""
            text: qsTr("Add event…")
            Accessible.name: qsTr("Record a mutual-help meeting, a group, a medication change or a drug screen")
            onClicked: eventDialog.openFor(root.overview.code)
        }
    ]

    Label {
        textFormat: Text.PlainText
        Layout.fillWidth: true
        visible: root.overview.treatmentEvents.length === 0
        text: VaultSession.can("add-measure")
              ? qsTr("No mutual-help meeting, group, medication-assisted treatment or drug screen recorded yet. "
                     + "Record one with Add event…")
              : qsTr("No mutual-help meeting, group, medication-assisted treatment or drug screen recorded yet.")
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
                textFormat: Text.PlainText
                text: Style.date(line.modelData.date)
                color: Style.muted
                font.pixelSize: Style.smallSize
                Layout.preferredWidth: 90
            }
            Label {
                textFormat: Text.PlainText
                text: line.modelData.label
                font.bold: true
            }
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: line.modelData.details
                elide: Text.ElideRight
            }
            Button {
                objectName: "deleteEventButton"
                visible: VaultSession.can("add-measure")
                flat: true
                text: qsTr("Delete…")
                Accessible.name: qsTr("Delete %1").arg(line.Accessible.name)
                onClicked: eventDelete.openFor(root.overview.code, line.modelData.id, line.Accessible.name)
            }
        }
    }
    TreatmentEventDialog {
        id: eventDialog
    }
    TreatmentEventDeleteDialog {
        id: eventDelete
    }
}
