// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Other treatment (docs/treatment-events.md): the client's mutual-help meetings, groups,
// medication-assisted treatment changes and drug screens, newest first. Who may add measures records
// one ("Add event…", the checks of `event add`) and deletes one entered in error ("Delete…" on its
// row, asked first); others read. An event's note is not shown here. The latest eight are listed; a
// client with more (a year of weekly meetings) has "Show all" rather than a card pages long.
SectionCard {
    id: root

    required property ClientOverview overview
    readonly property int latest: 8
    property bool showAll: false
    readonly property var shown: root.showAll ? root.overview.treatmentEvents
                                              : root.overview.treatmentEvents.slice(0, root.latest)

    readonly property string forClient: root.overview.code
    onForClientChanged: root.showAll = false // each client opens on their latest events
    objectName: "treatmentEventsCard"
    title: qsTr("Other treatment")
    // Singular and plural in words: without a translation loaded, %n leaves "event(s)".
    note: root.overview.treatmentEvents.length === 0
          ? qsTr("none yet") : Style.plural(root.overview.treatmentEvents.length, qsTr("event"), qsTr("events"))
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
        model: root.shown
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
    Button {
        objectName: "showAllEventsButton"
        visible: root.overview.treatmentEvents.length > root.latest
        flat: true
        text: root.showAll ? qsTr("Show the latest %1").arg(root.latest)
                           : qsTr("Show all %1").arg(root.overview.treatmentEvents.length)
        Accessible.name: root.showAll ? qsTr("Show only the latest %1 events").arg(root.latest)
                                      : qsTr("Show all %1 events").arg(root.overview.treatmentEvents.length)
        onClicked: root.showAll = !root.showAll
    }
    TreatmentEventDialog {
        id: eventDialog
    }
    TreatmentEventDeleteDialog {
        id: eventDelete
    }
}
