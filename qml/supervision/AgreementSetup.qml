// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// A new blind agreement check: one of the therapists assigned to you, and how many of their
// signed notes to draw at random.
Rectangle {
    id: root

    required property AgreementCheck check
    readonly property bool ready: therapist.currentIndex >= 0 && root.check.therapists.length > 0

    implicitHeight: column.implicitHeight + 32
    radius: Style.radius
    color: Style.surface
    border.color: Style.border

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 16
        spacing: 10
        Label {
            Layout.fillWidth: true
            text: qsTr("Draw a random sample of a therapist's signed notes and give your own themes for each, from the note's words alone. Its tags stay hidden until you have rated it; then you see how far you, the therapist and the tagger agree.")
            wrapMode: Text.WordWrap
            color: Style.text
        }
        RowLayout {
            spacing: 10
            FieldLabel { text: qsTr("Therapist") }
            ComboBox {
                id: therapist
                objectName: "therapistBox"
                Layout.preferredWidth: 200
                model: root.check.therapists
                Accessible.name: qsTr("Therapist")
            }
            FieldLabel { text: qsTr("Notes to sample") }
            SpinBox {
                id: sample
                objectName: "sampleBox"
                from: 1
                to: 200
                value: 10
                editable: true
                Accessible.name: qsTr("Notes to sample")
            }
            PrimaryButton {
                objectName: "startCheckButton"
                text: qsTr("Start the check")
                enabled: root.ready
                onClicked: root.check.start(therapist.currentText, sample.value)
            }
        }
        Label {
            visible: root.check.therapists.length === 0
            text: qsTr("No therapist is assigned to you yet.")
            color: Style.muted
        }
    }
}
