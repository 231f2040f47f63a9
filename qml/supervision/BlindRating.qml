// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// One sampled note, its words only, beside the codebook's themes to tick.
Item {
    id: root

    required property AgreementCheck check
    required property var ticked
    signal toggled(string id, bool on)
    signal rate

    RowLayout {
        anchors.fill: parent
        spacing: Style.gap

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8
            Label {
                textFormat: Text.PlainText
                objectName: "blindNoteTitle"
                text: qsTr("Note %1 of %2 · %3 · %4").arg(root.check.rated + 1).arg(root.check.sampled)
                      .arg(root.check.noteClient).arg(Style.date(root.check.noteDate))
                color: Style.text
                font.pixelSize: Style.headingSize
                font.weight: Font.DemiBold
            }
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: Style.radius
                color: Style.surface
                border.color: Style.border
                ScrollView {
                    anchors.fill: parent
                    anchors.margins: 1
                    TextArea {
                        objectName: "blindNoteText"
                        text: root.check.noteText
                        readOnly: true
                        wrapMode: TextEdit.Wrap
                        textFormat: TextEdit.PlainText
                        leftPadding: 14
                        rightPadding: 14
                        color: Style.text
                        background: null
                        Accessible.name: qsTr("Note text")
                    }
                }
            }
        }

        ColumnLayout {
            Layout.preferredWidth: 390
            Layout.maximumWidth: 390
            Layout.fillHeight: true
            spacing: 8
            FieldLabel { text: qsTr("The themes you see in this note") }
            ScrollView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                Flow {
                    width: 380
                    spacing: 2
                    Repeater {
                        model: root.check.themes
                        CheckBox {
                            required property var modelData
                            width: 189
                            text: modelData.label
                            Component.onCompleted: contentItem.textFormat = Text.PlainText // a custom theme's label
                            font.pixelSize: Style.smallSize + 1
                            checked: root.ticked[modelData.id] === true
                            onToggled: root.toggled(modelData.id, checked)
                            Accessible.name: modelData.label
                            ToolTip.visible: hovered && implicitWidth > width
                            ToolTip.text: modelData.label
                        }
                    }
                }
            }
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: Object.keys(root.ticked).length === 0 ? qsTr("Nothing ticked: the note is rated as showing none of these themes.")
                                                            : Style.plural(Object.keys(root.ticked).length, qsTr("theme ticked"), qsTr("themes ticked"))
                color: Style.muted
                font.pixelSize: Style.smallSize
                wrapMode: Text.WordWrap
            }
            PrimaryButton {
                objectName: "rateButton"
                Layout.fillWidth: true
                text: root.check.rated + 1 === root.check.sampled ? qsTr("Save and see the report") : qsTr("Save and go to the next note")
                onClicked: root.rate()
            }
            Button {
                objectName: "reportSoFarButton"
                Layout.fillWidth: true
                visible: root.check.rated > 0
                text: qsTr("Report so far")
                onClicked: root.check.loadReport()
            }
        }
    }
}
