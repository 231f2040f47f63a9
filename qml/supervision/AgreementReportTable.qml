// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Cohen's kappa per theme for the three pairs of raters, as the report computed them.
Rectangle {
    id: root

    required property AgreementReportModel report
    required property int rated
    required property string therapist

    radius: Style.radius
    color: Style.surface
    border.color: Style.border
    clip: true

    component Cell: Label {
        Layout.preferredWidth: 150
        horizontalAlignment: Text.AlignRight
        color: text === "n/a" ? Style.muted : Style.text
        font.family: "DejaVu Sans Mono"
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 14
        spacing: 6
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: qsTr("Agreement over %1 of %2: Cohen's kappa per theme. 1 is full agreement, 0 no better than chance; n/a where chance explains all the agreement.")
                  .arg(Style.plural(root.rated, qsTr("rated note"), qsTr("rated notes"))).arg(root.therapist)
            color: Style.muted
            font.pixelSize: Style.smallSize
            wrapMode: Text.WordWrap
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            FieldLabel { text: qsTr("Theme"); Layout.fillWidth: true }
            FieldLabel { text: qsTr("You and the therapist"); Layout.preferredWidth: 150; horizontalAlignment: Text.AlignRight }
            FieldLabel { text: qsTr("You and the tagger"); Layout.preferredWidth: 150; horizontalAlignment: Text.AlignRight }
            FieldLabel { text: qsTr("Therapist and tagger"); Layout.preferredWidth: 150; horizontalAlignment: Text.AlignRight }
        }
        Rectangle {
            Layout.fillWidth: true
            height: 1
            color: Style.border
        }
        ListView {
            objectName: "reportList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.report
            keyNavigationEnabled: true
            ScrollBar.vertical: ScrollBar {}
            Accessible.name: qsTr("Agreement per theme")
            delegate: Item {
                id: row
                required property string label
                required property string supervisorTherapist
                required property string supervisorTagger
                required property string therapistTagger
                width: ListView.view.width
                height: 28
                Accessible.role: Accessible.Row
                Accessible.name: qsTr("%1: you and the therapist %2, you and the tagger %3, therapist and tagger %4")
                                 .arg(label).arg(supervisorTherapist).arg(supervisorTagger).arg(therapistTagger)
                RowLayout {
                    anchors.fill: parent
                    spacing: 12
                    Label { textFormat: Text.PlainText; text: row.label; Layout.fillWidth: true; elide: Text.ElideRight; color: Style.text }
                    Cell { text: row.supervisorTherapist }
                    Cell { text: row.supervisorTagger }
                    Cell { text: row.therapistTagger }
                }
            }
        }
        Label {
            visible: root.report.count === 0
            text: qsTr("No theme was seen in the rated notes yet.")
            color: Style.muted
        }
    }
}
