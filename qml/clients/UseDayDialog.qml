// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Records use days (UseDayEntry, the checks of `useday record`): the substance, a day or a range
// (From, and To for a range), used or abstinent, on a day used an optional amount (standard drinks
// for alcohol) and how the days are known. Days recorded already are refused unless "Replace" is
// ticked (a correction). What does not read, or what the vault refuses, is said under the fields in
// the model's words and nothing is stored. Keyboard only: Tab through, Enter saves, Escape closes.
Dialog {
    id: root

    property string code
    property string error
    readonly property UseDayEntry entry: Workspace.useDayEntry
    readonly property bool used: usedBox.currentIndex === 0

    function openFor(clientCode: string) {
        root.code = clientCode;
        root.error = "";
        substanceBox.currentIndex = 0;
        fromField.text = "";
        toField.text = "";
        usedBox.currentIndex = 1;
        amountField.text = "";
        unitField.text = "";
        sourceBox.currentIndex = 0;
        replaceBox.checked = false;
        root.open();
        substanceBox.forceActiveFocus();
    }
    function fields(): var {
        return {
            substance: substanceBox.currentText,
            from: fromField.text,
            to: toField.text,
            used: root.used,
            amount: root.used ? amountField.text : "",
            unit: root.used ? unitField.text : "",
            source: root.entry ? root.entry.sources[sourceBox.currentIndex] : "",
            replace: replaceBox.checked
        };
    }
    function save() {
        if (VaultSession.vaultThread.busy)
            return; // one at a time: Enter again while it is stored adds nothing
        root.error = root.entry.problem(root.fields());
        if (root.error === "")
            root.entry.record(root.code, root.fields());
    }

    objectName: "useDayDialog"
    title: qsTr("Record use days")
    modal: true
    focus: true
    padding: 20
    anchors.centerIn: Overlay.overlay
    width: 480

    Connections {
        target: root.entry
        enabled: root.opened
        function onSaved(clientCode, days) {
            root.close();
            Workspace.overview.open(clientCode); // the strip with them
        }
        function onFailed(failure) { root.error = failure.message; }
    }

    contentItem: GridLayout {
        columns: 2
        columnSpacing: 12
        rowSpacing: 8
        // Enter from any field records (a text field's Return comes up to here once).
        Keys.onReturnPressed: root.save()
        Keys.onEnterPressed: root.save()

        FieldLabel { text: qsTr("Substance") }
        ComboBox {
            id: substanceBox
            objectName: "useDaySubstance"
            Layout.fillWidth: true
            model: root.entry ? root.entry.substances : []
            Accessible.name: qsTr("Substance class")
        }
        FieldLabel { text: qsTr("From") }
        TextField {
            id: fromField
            objectName: "useDayFrom"
            Layout.fillWidth: true
            placeholderText: "YYYY-MM-DD"
            Accessible.name: qsTr("The day, or the first day of a range")
        }
        FieldLabel { text: qsTr("To") }
        TextField {
            id: toField
            objectName: "useDayTo"
            Layout.fillWidth: true
            placeholderText: qsTr("YYYY-MM-DD, empty for one day")
            Accessible.name: qsTr("The last day of a range, empty for one day")
        }
        FieldLabel { text: qsTr("That day") }
        ComboBox {
            id: usedBox
            objectName: "useDayUsed"
            Layout.fillWidth: true
            model: [qsTr("Used"), qsTr("Abstinent")]
            Accessible.name: qsTr("Used or abstinent")
        }
        FieldLabel { text: qsTr("Amount"); visible: root.used }
        RowLayout {
            visible: root.used
            Layout.fillWidth: true
            TextField {
                id: amountField
                objectName: "useDayAmount"
                Layout.fillWidth: true
                placeholderText: qsTr("Optional, e.g. 4")
                Accessible.name: qsTr("Amount, optional: standard drinks for alcohol")
            }
            TextField {
                id: unitField
                objectName: "useDayUnit"
                Layout.preferredWidth: 150
                placeholderText: substanceBox.currentText === "alcohol" ? qsTr("standard drinks") : qsTr("unit, e.g. g")
                enabled: substanceBox.currentText !== "alcohol"
                Accessible.name: qsTr("Unit of the amount")
            }
        }
        FieldLabel { text: qsTr("Known from") }
        ComboBox {
            id: sourceBox
            objectName: "useDaySource"
            Layout.fillWidth: true
            model: [qsTr("The client's recall"), qsTr("A drug screen"), qsTr("Collateral (someone close)")]
            Accessible.name: qsTr("How the days are known")
        }
        Item { implicitWidth: 1 }
        CheckBox {
            id: replaceBox
            objectName: "useDayReplace"
            text: qsTr("Replace days recorded already (a correction)")
        }
        Label {
            textFormat: Text.PlainText
            objectName: "useDayError"
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
            objectName: "useDaySaveButton"
            text: qsTr("Record")
            enabled: !VaultSession.vaultThread.busy
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole // closes only once stored
            onClicked: root.save()
        }
    }
}
