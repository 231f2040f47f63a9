// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Adds an episode of care to the client's course (EpisodeEntry, the checks of `episode add`): a
// level (one offered, or the practice's own typed), a start, an end or none while it lasts, and
// where. What does not read, or what the vault refuses (an overlap names the episode in the way), is
// said under the fields and nothing is stored. Keyboard only: Tab through, Enter saves, Escape closes.
Dialog {
    id: root

    property string code
    property string error
    readonly property EpisodeEntry entry: Workspace.episodeEntry
    signal added

    function openFor(clientCode: string) {
        root.code = clientCode;
        root.error = "";
        levelBox.editText = "";
        levelBox.currentIndex = -1;
        startField.text = "";
        endField.text = "";
        serviceField.text = "";
        root.open();
        levelBox.contentItem.forceActiveFocus(); // the text of the editable box, so Tab leaves it
    }
    function save() {
        root.error = root.entry.problem(levelBox.editText, startField.text, endField.text);
        if (root.error === "")
            root.entry.add(root.code, levelBox.editText, startField.text, endField.text, serviceField.text);
    }

    objectName: "episodeDialog"
    title: qsTr("Add an episode of care")
    modal: true
    focus: true
    padding: 20
    anchors.centerIn: Overlay.overlay
    width: 460

    Connections {
        target: root.entry
        enabled: root.opened
        function onSaved(clientCode) {
            root.close();
            root.added();
        }
        function onFailed(failure) { root.error = failure.message; }
    }

    contentItem: GridLayout {
        columns: 2
        columnSpacing: 12
        rowSpacing: 8
        FieldLabel { text: qsTr("Level of care") }
        ComboBox {
            id: levelBox
            objectName: "episodeLevel"
            Layout.fillWidth: true
            editable: true
            model: root.entry ? root.entry.levels : []
            Accessible.name: qsTr("Level of care: one of the list, or the practice's own")
            onAccepted: root.save()
        }
        FieldLabel { text: qsTr("Start") }
        TextField {
            id: startField
            objectName: "episodeStart"
            Layout.fillWidth: true
            placeholderText: "YYYY-MM-DD"
            Accessible.name: qsTr("Start date")
            onAccepted: root.save()
        }
        FieldLabel { text: qsTr("End") }
        TextField {
            id: endField
            objectName: "episodeEnd"
            Layout.fillWidth: true
            placeholderText: qsTr("YYYY-MM-DD, or empty while it lasts")
            Accessible.name: qsTr("End date, empty while the episode lasts")
            onAccepted: root.save()
        }
        FieldLabel { text: qsTr("Service") }
        TextField {
            id: serviceField
            objectName: "episodeService"
            Layout.fillWidth: true
            placeholderText: qsTr("Where, e.g. Riverside IOP (optional)")
            Accessible.name: qsTr("Service, optional")
            onAccepted: root.save()
        }
        Label {
            textFormat: Text.PlainText
            objectName: "episodeError"
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
            objectName: "episodeSaveButton"
            text: qsTr("Add episode")
            enabled: !VaultSession.vaultThread.busy
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole // closes only once stored
            onClicked: root.save()
        }
    }
}
