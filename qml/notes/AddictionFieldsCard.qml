// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The addiction note's structured fields: cravings 0–10, stage of change, use since last session
// (with days abstinent) and triggers. Each is its section's text (StructuredFields writes and reads it back), so what is set
// here is in the note as words; a value written some other way is shown as it was written.
SectionCard {
    id: root

    required property NoteEditor editor
    readonly property StructuredFields fields: root.editor.fields

    title: qsTr("Addiction fields")

    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: 10
        rowSpacing: 6

        FieldLabel { text: qsTr("Cravings (0–10)") }
        SpinBox {
            id: cravings
            objectName: "cravingsField"
            Layout.fillWidth: true
            from: -1
            to: 10
            value: root.fields.cravings ?? -1
            enabled: !root.editor.readOnly
            editable: true
            textFromValue: (value, locale) => value < 0 ? "–" : String(value)
            valueFromText: (text, locale) => text.trim() === "" || text.trim() === "–" ? -1 : parseInt(text)
            Accessible.name: qsTr("Cravings from 0 to 10")
            onValueModified: root.editor.fields.set("cravings", cravings.value)
        }
        Label {
            textFormat: Text.PlainText
            Layout.columnSpan: 2
            Layout.fillWidth: true
            visible: (root.fields.cravingsText ?? "") !== ""
            text: qsTr("Written as: “%1”").arg(root.fields.cravingsText ?? "")
            color: Style.muted
            font.pixelSize: Style.smallSize
            wrapMode: Text.WordWrap
        }

        FieldLabel { text: qsTr("Stage") }
        ComboBox {
            id: stage
            objectName: "stageField"
            Layout.fillWidth: true
            model: [qsTr("Not recorded")].concat(root.editor.fields.stages)
            currentIndex: (root.fields.stage ?? -1) + 1
            enabled: !root.editor.readOnly
            Accessible.name: qsTr("Stage of change")
            onActivated: (index) => root.editor.fields.set("stage", index - 1)
        }
        Label {
            textFormat: Text.PlainText
            Layout.columnSpan: 2
            Layout.fillWidth: true
            visible: (root.fields.stageText ?? "") !== ""
            text: qsTr("Written as: “%1”").arg(root.fields.stageText ?? "")
            color: Style.muted
            font.pixelSize: Style.smallSize
            wrapMode: Text.WordWrap
        }

        Label {
            Layout.columnSpan: 2
            Layout.topMargin: 4
            text: qsTr("Use since last session")
            color: Style.text
            font.weight: Font.DemiBold
        }
        FieldLabel { text: qsTr("Substance") }
        TextField {
            objectName: "substanceField"
            Layout.fillWidth: true
            text: root.fields.substance ?? ""
            readOnly: root.editor.readOnly
            placeholderText: qsTr("e.g. alcohol")
            Accessible.name: qsTr("Substance used")
            onTextEdited: root.editor.fields.set("substance", text)
        }
        FieldLabel { text: qsTr("Amount") }
        TextField {
            objectName: "amountField"
            Layout.fillWidth: true
            text: root.fields.amount ?? ""
            readOnly: root.editor.readOnly
            Accessible.name: qsTr("Amount used")
            onTextEdited: root.editor.fields.set("amount", text)
        }
        FieldLabel { text: qsTr("Last use") }
        TextField {
            objectName: "lastUseField"
            Layout.fillWidth: true
            text: root.fields.lastUse ?? ""
            readOnly: root.editor.readOnly
            placeholderText: qsTr("e.g. Saturday night")
            Accessible.name: qsTr("Last use")
            onTextEdited: root.editor.fields.set("lastUse", text)
        }
        FieldLabel { text: qsTr("Days abstinent") }
        SpinBox {
            id: days
            objectName: "daysAbstinentField"
            Layout.fillWidth: true
            from: -1
            to: root.fields.maxDaysAbstinent
            value: root.fields.daysAbstinent ?? -1
            enabled: !root.editor.readOnly
            editable: true
            textFromValue: (value, locale) => value < 0 ? "–" : String(value)
            valueFromText: (text, locale) => text.trim() === "" || text.trim() === "–" ? -1 : parseInt(text)
            Accessible.name: qsTr("Days abstinent")
            onValueModified: root.editor.fields.set("daysAbstinent", days.value)
        }
        Label {
            textFormat: Text.PlainText
            Layout.columnSpan: 2
            Layout.fillWidth: true
            visible: (root.fields.daysAbstinentText ?? "") !== ""
            text: qsTr("Written as: “%1”").arg(root.fields.daysAbstinentText ?? "")
            color: Style.muted
            font.pixelSize: Style.smallSize
            wrapMode: Text.WordWrap
        }
        Label {
            textFormat: Text.PlainText
            Layout.columnSpan: 2
            Layout.fillWidth: true
            visible: (root.fields.useText ?? "") !== ""
            text: qsTr("Also written: “%1”").arg(root.fields.useText ?? "")
            color: Style.muted
            font.pixelSize: Style.smallSize
            wrapMode: Text.WordWrap
            maximumLineCount: 3
            elide: Text.ElideRight
        }

        FieldLabel {
            Layout.columnSpan: 2
            Layout.topMargin: 4
            text: qsTr("Triggers and high-risk situations")
        }
        TextArea {
            objectName: "triggersField"
            Layout.columnSpan: 2
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(56, implicitHeight)
            text: root.fields.triggers ?? ""
            readOnly: root.editor.readOnly
            wrapMode: TextEdit.Wrap
            background: Rectangle {
                color: Style.surface
                border.color: Style.border
                radius: 2
            }
            Accessible.name: qsTr("Triggers and high-risk situations")
            onTextChanged: if (activeFocus) root.editor.fields.set("triggers", text)
        }
    }
}
