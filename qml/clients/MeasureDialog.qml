// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Enters a questionnaire the client has filled in: the instrument, the day, and each item's answer
// as written on the form (the item's words and choices where the instrument's terms allow showing
// them, uc::model::measureForm; by number for DAST-10 and the C-SSRS); the total and its band show as the answers go in. A second one of the same
// instrument on the same day is saved only after the clinician says so. openToCorrect fills the same
// form with a stored measure (its instrument fixed) and saves the correction over it; the vault keeps
// the old value in its history.
Dialog {
    id: root

    property string code
    property string error
    property string sameDayMessage
    property var measureId: 0 // the measure being corrected; 0 when adding one
    readonly property bool correcting: root.measureId > 0
    property var answers: []
    readonly property MeasureEntry entry: Workspace.measureEntry
    readonly property var instrument: entry.instruments[instrumentBox.currentIndex] ?? ({})
    readonly property var scored: root.entry.preview(instrument.id ?? "", answers)

    objectName: "measureDialog"
    title: root.correcting ? qsTr("Correct a measure") : qsTr("Add a measure")
    modal: true
    focus: true
    padding: 16
    anchors.centerIn: Overlay.overlay
    width: Math.min(720, (parent ? parent.width : 720) - 40)

    function openFor(clientCode: string) {
        root.code = clientCode;
        root.measureId = 0;
        root.error = "";
        root.sameDayMessage = "";
        dateField.text = Qt.formatDate(new Date(), "yyyy-MM-dd"); // this machine's day, as dateProblem reads it
        root.resetAnswers();
        root.open();
        instrumentBox.forceActiveFocus();
    }
    function openToCorrect(clientCode: string, measure: var, instrumentId: string, isoDate: string, answers: var) {
        root.code = clientCode;
        root.measureId = measure;
        root.error = "";
        root.sameDayMessage = "";
        for (let i = 0; i < root.entry.instruments.length; ++i) {
            if (root.entry.instruments[i].id === instrumentId)
                instrumentBox.currentIndex = i;
        }
        dateField.text = isoDate;
        let list = [];
        for (let i = 0; i < answers.length; ++i)
            list.push(answers[i]);
        root.answers = list;
        root.open();
        dateField.forceActiveFocus();
    }
    function resetAnswers() {
        let list = [];
        for (let i = 0; i < (root.instrument.items ?? 0); ++i)
            list.push("");
        root.answers = list;
    }
    function setAnswer(index: int, value: var) {
        let list = root.answers.slice();
        list[index] = value;
        root.answers = list;
        root.sameDayMessage = "";
    }
    function submit(confirmed: bool) {
        root.error = root.entry.dateProblem(dateField.text);
        if (root.error === "" && root.scored.problem !== undefined)
            root.error = root.scored.problem;
        if (root.error === "" && root.correcting)
            root.entry.correct(root.measureId, root.code, dateField.text, root.instrument.id, root.answers);
        else if (root.error === "")
            root.entry.save(root.code, dateField.text, root.instrument.id, root.answers, confirmed);
    }

    Connections {
        target: root.entry
        enabled: root.opened
        function onSaved(clientCode) {
            root.close();
            Workspace.overview.open(clientCode); // the card, the chart and any risk it raised
        }
        function onSameDay(message) { root.sameDayMessage = message; }
        function onFailed(failure) { root.error = failure.message; }
    }

    contentItem: ColumnLayout {
        spacing: 8
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 10
            FieldLabel { text: qsTr("Questionnaire") }
            FieldLabel { text: qsTr("Filled in on (YYYY-MM-DD)") }
            ComboBox {
                id: instrumentBox
                objectName: "measureInstrument"
                Layout.fillWidth: true
                model: root.entry.instruments
                textRole: "name"
                enabled: !root.correcting // a correction keeps the questionnaire; delete it to change that
                Accessible.name: qsTr("Questionnaire")
                onActivated: { root.resetAnswers(); root.error = ""; root.sameDayMessage = ""; }
            }
            TextField {
                id: dateField
                objectName: "measureDate"
                Layout.preferredWidth: 170
                inputMethodHints: Qt.ImhDate
                Accessible.name: qsTr("Date the questionnaire was filled in")
                onTextEdited: root.sameDayMessage = ""
            }
        }
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: text !== ""
            wrapMode: Text.WordWrap
            font.weight: Font.DemiBold
            text: root.instrument.instruction ?? ""
        }
        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 340) // PCL-5's twenty items scroll
            contentWidth: availableWidth
            clip: true
            ColumnLayout {
                width: scroll.availableWidth
                spacing: 4
                Repeater {
                    id: items
                    model: root.instrument.form ?? []
                    RowLayout {
                        id: itemRow
                        required property int index
                        required property var modelData
                        // "—" is unanswered; then the form's choices, each with the score it gives.
                        readonly property var values: [""].concat(modelData.choices.map((c) => c.value))
                        Layout.fillWidth: true
                        spacing: 8
                        Label {
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: qsTr("%1. %2").arg(itemRow.index + 1)
                                      .arg(itemRow.modelData.text !== "" ? itemRow.modelData.text : qsTr("Item %1").arg(itemRow.index + 1))
                            wrapMode: Text.WordWrap
                            color: Style.text
                        }
                        ComboBox {
                            objectName: "measureItem" + itemRow.index
                            Layout.preferredWidth: 240
                            model: ["—"].concat(itemRow.modelData.choices.map((c) => qsTr("%1 (%2)").arg(c.text).arg(c.value < 0 ? "–" : c.value)))
                            currentIndex: Math.max(0, itemRow.values.indexOf(root.answers[itemRow.index] ?? ""))
                            Accessible.name: itemRow.modelData.text !== "" ? itemRow.modelData.text : qsTr("Item %1").arg(itemRow.index + 1)
                            onActivated: (i) => root.setAnswer(itemRow.index, itemRow.values[i])
                        }
                    }
                }
            }
        }
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: text !== ""
            wrapMode: Text.WordWrap
            color: Style.muted
            font.pixelSize: Style.smallSize
            text: root.instrument.credit ?? ""
        }
        Label {
            textFormat: Text.PlainText
            objectName: "measureScore"
            Layout.fillWidth: true
            font.weight: Font.DemiBold
            text: root.scored.total !== undefined
                  ? qsTr("Total %1: %2").arg(root.scored.total).arg(root.scored.bandLabel)
                  : qsTr("Total: every item answered first")
            color: root.scored.total !== undefined ? Style.text : Style.muted
        }
        Label {
            textFormat: Text.PlainText
            objectName: "measureSameDay"
            Layout.fillWidth: true
            visible: root.sameDayMessage !== ""
            text: root.sameDayMessage
            color: Style.warning
            wrapMode: Text.WordWrap
        }
        Label {
            textFormat: Text.PlainText
            objectName: "measureError"
            Layout.fillWidth: true
            visible: root.error !== ""
            text: root.error
            color: Style.danger
            wrapMode: Text.WordWrap
        }
    }
    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            objectName: "saveMeasureButton"
            text: root.correcting ? qsTr("Save the correction")
                                  : root.sameDayMessage !== "" ? qsTr("Save a second one") : qsTr("Save")
            enabled: !VaultSession.vaultThread.busy
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: root.submit(root.sameDayMessage !== "")
        }
    }
}
