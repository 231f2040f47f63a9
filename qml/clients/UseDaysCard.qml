// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Use days, the timeline follow-back (docs/use-days.md): one strip per substance recorded, a cell per
// day over the four weeks to the latest day recorded — used (filled, "U"), abstinent (outlined, "A")
// or unknown (empty, "?"), told apart by shape and letter as well as colour — and the figures under
// it, percent days abstinent of the known days. A day a signed note implies ("Days abstinent: N") is
// a lower-case letter, and a day a note's claim contradicts is underlined. Who may add measures records days ("Record use
// days…", the checks of `useday record`); others read.
SectionCard {
    id: root

    required property ClientOverview overview

    objectName: "useDaysCard"
    title: qsTr("Use days")
    note: root.overview.useDays.length === 0 ? qsTr("none yet") : root.overview.useDayPeriod
    actions: [
        Button {
            objectName: "recordUseDaysButton"
            visible: VaultSession.can("add-measure")
            enabled: root.overview.code !== ""
            text: qsTr("Record use days…")
            Accessible.name: qsTr("Record days used or abstinent, one day or a range")
            onClicked: useDayDialog.openFor(root.overview.code)
        }
    ]

    Label {
        textFormat: Text.PlainText
        Layout.fillWidth: true
        visible: root.overview.useDays.length === 0
        text: qsTr("No day recorded as used or abstinent yet. A timeline follow-back reviews the days with the "
                   + "client one by one, per substance; a day not recorded stays unknown.")
        color: Style.muted
        wrapMode: Text.WordWrap
    }
    Repeater {
        objectName: "useDayStrips"
        model: root.overview.useDays
        ColumnLayout {
            id: row
            required property var modelData
            Layout.fillWidth: true
            spacing: 4
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("%1, %2: %3").arg(row.modelData.label).arg(root.overview.useDayPeriod)
                                 .arg(row.modelData.summary)

            RowLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    textFormat: Text.PlainText
                    text: row.modelData.label
                    font.bold: true
                    Layout.preferredWidth: 90
                }
                Repeater {
                    model: row.modelData.strip.length
                    UseDayCell {
                        required property int index
                        day: row.modelData.strip.charAt(index)
                        mark: row.modelData.marks.charAt(index)
                    }
                }
                Item { Layout.fillWidth: true }
            }
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                Layout.leftMargin: 92
                text: row.modelData.summary
                color: Style.muted
                font.pixelSize: Style.smallSize
                wrapMode: Text.WordWrap
            }
        }
    }
    Label {
        textFormat: Text.PlainText
        Layout.fillWidth: true
        wrapMode: Text.WordWrap // a narrow window wraps the key rather than pushing the card wider
        visible: root.overview.useDays.length > 0
        text: qsTr("U used · A abstinent · ? unknown (never counted as abstinent) · u, a: from a signed note's "
                   + "days abstinent · red line: a note says otherwise")
        color: Style.muted
        font.pixelSize: Style.smallSize
    }
    UseDayDialog {
        id: useDayDialog
    }
}
