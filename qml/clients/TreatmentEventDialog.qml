// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Records other treatment (TreatmentEventEntry, the checks of `event add`): the kind, then the
// kind's own fields — the programme of a mutual-help meeting, the group's name, a medication's
// change with its dose, a drug screen's substance, result and method —, the date and an optional
// note. What does not read, or what the vault refuses, is said under the fields in the model's words
// and nothing is stored. Keyboard only: Tab through, Enter saves, Escape closes.
Dialog {
    id: root

    property string code
    property string error
    readonly property TreatmentEventEntry entry: Workspace.treatmentEventEntry
    readonly property string kind: kindBox.currentIndex >= 0 ? root.entry.kinds[kindBox.currentIndex] : ""

    function openFor(clientCode: string) {
        root.code = clientCode;
        root.error = "";
        kindBox.currentIndex = 0;
        programBox.currentIndex = 0;
        groupField.text = "";
        medicationField.text = "";
        changeBox.currentIndex = 0;
        doseField.text = "";
        unitBox.currentIndex = 0;
        substanceBox.currentIndex = 0;
        resultBox.currentIndex = 0;
        methodBox.currentIndex = 0;
        dateField.text = "";
        noteField.text = "";
        root.open();
        kindBox.forceActiveFocus();
    }
    function fields(): var {
        return {
            kind: root.kind,
            date: dateField.text,
            note: noteField.text,
            program: programBox.currentText,
            group: groupField.text,
            medication: medicationField.text,
            change: changeBox.currentText,
            dose: changeBox.currentText === "stop" ? "" : doseField.text,
            unit: unitBox.currentText,
            substance: substanceBox.currentText,
            result: resultBox.currentText,
            method: methodBox.currentIndex > 0 ? methodBox.currentText : ""
        };
    }
    function methodChoices(): var {
        const choices = [qsTr("not known")];
        if (root.entry)
            for (const method of root.entry.methods)
                choices.push(method);
        return choices;
    }
    function save() {
        if (VaultSession.vaultThread.busy)
            return; // one at a time: Enter again while it is stored adds nothing
        root.error = root.entry.problem(root.fields());
        if (root.error === "")
            root.entry.add(root.code, root.fields());
    }

    objectName: "treatmentEventDialog"
    title: qsTr("Add other treatment")
    modal: true
    focus: true
    padding: 20
    anchors.centerIn: Overlay.overlay
    width: 480

    Connections {
        target: root.entry
        enabled: root.opened
        function onSaved(clientCode) {
            root.close();
            Workspace.overview.open(clientCode); // the card with it
        }
        function onFailed(failure) { root.error = failure.message; }
    }

    contentItem: GridLayout {
        columns: 2
        columnSpacing: 12
        rowSpacing: 8
        // Enter from any field adds (a text field's Return comes up to here once).
        Keys.onReturnPressed: root.save()
        Keys.onEnterPressed: root.save()

        FieldLabel { text: qsTr("Kind") }
        ComboBox {
            id: kindBox
            objectName: "eventKind"
            Layout.fillWidth: true
            model: [qsTr("Mutual-help meeting"), qsTr("Group"), qsTr("Medication-assisted treatment"), qsTr("Drug screen")]
            Accessible.name: qsTr("Kind of event")
        }
        FieldLabel { text: qsTr("Programme"); visible: root.kind === "mutual-help" }
        ComboBox {
            id: programBox
            objectName: "eventProgram"
            visible: root.kind === "mutual-help"
            Layout.fillWidth: true
            model: root.entry ? root.entry.programs : []
            Accessible.name: qsTr("Mutual-help programme")
        }
        FieldLabel { text: qsTr("Group"); visible: root.kind === "group" }
        TextField {
            id: groupField
            objectName: "eventGroup"
            visible: root.kind === "group"
            Layout.fillWidth: true
            placeholderText: qsTr("The group's name, e.g. CBT group")
            Accessible.name: qsTr("Group name")
        }
        FieldLabel { text: qsTr("Medication"); visible: root.kind === "mat" }
        TextField {
            id: medicationField
            objectName: "eventMedication"
            visible: root.kind === "mat"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. buprenorphine, methadone, naltrexone")
            Accessible.name: qsTr("Medication")
        }
        FieldLabel { text: qsTr("Change"); visible: root.kind === "mat" }
        ComboBox {
            id: changeBox
            objectName: "eventChange"
            visible: root.kind === "mat"
            Layout.fillWidth: true
            model: root.entry ? root.entry.changes : []
            Accessible.name: qsTr("Change: start, dose change or stop")
        }
        FieldLabel { text: qsTr("Daily dose"); visible: root.kind === "mat" && changeBox.currentText !== "stop" }
        RowLayout {
            visible: root.kind === "mat" && changeBox.currentText !== "stop"
            Layout.fillWidth: true
            TextField {
                id: doseField
                objectName: "eventDose"
                Layout.fillWidth: true
                placeholderText: qsTr("e.g. 8")
                Accessible.name: qsTr("Daily dose, a number")
                }
            ComboBox {
                id: unitBox
                objectName: "eventUnit"
                model: root.entry ? root.entry.units : []
                Accessible.name: qsTr("Dose unit")
            }
        }
        FieldLabel { text: qsTr("Substance"); visible: root.kind === "drug-screen" }
        ComboBox {
            id: substanceBox
            objectName: "eventSubstance"
            visible: root.kind === "drug-screen"
            Layout.fillWidth: true
            model: root.entry ? root.entry.substances : []
            Accessible.name: qsTr("Substance class screened")
        }
        FieldLabel { text: qsTr("Result"); visible: root.kind === "drug-screen" }
        ComboBox {
            id: resultBox
            objectName: "eventResult"
            visible: root.kind === "drug-screen"
            Layout.fillWidth: true
            model: root.entry ? root.entry.results : []
            Accessible.name: qsTr("Screen result")
        }
        FieldLabel { text: qsTr("Method"); visible: root.kind === "drug-screen" }
        ComboBox {
            id: methodBox
            objectName: "eventMethod"
            visible: root.kind === "drug-screen"
            Layout.fillWidth: true
            model: root.methodChoices()
            Accessible.name: qsTr("Screen method, or not known")
        }
        FieldLabel { text: qsTr("Date") }
        TextField {
            id: dateField
            objectName: "eventDate"
            Layout.fillWidth: true
            placeholderText: "YYYY-MM-DD"
            Accessible.name: qsTr("Date of the event")
        }
        FieldLabel { text: qsTr("Note") }
        TextField {
            id: noteField
            objectName: "eventNote"
            Layout.fillWidth: true
            placeholderText: qsTr("Optional; not shown on the card or in reports")
            Accessible.name: qsTr("Note, optional")
        }
        Label {
            textFormat: Text.PlainText
            objectName: "eventError"
            Layout.columnSpan: 2
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
            objectName: "eventSaveButton"
            text: qsTr("Add event")
            enabled: !VaultSession.vaultThread.busy
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole // closes only once stored
            onClicked: root.save()
        }
    }
}
