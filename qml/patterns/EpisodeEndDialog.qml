// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Ends the client's open episode of care on a day (EpisodeEntry.end, the checks of `episode end`):
// the episode named, the day asked. A day that does not read, or one the vault refuses (before the
// episode's start), is said under the field and nothing changes. Keyboard only: Enter ends it,
// Escape closes.
Dialog {
    id: root

    property string code
    property var episodeId: 0
    property string name // "Aftercare, from 3 Mar 2025"
    property string error
    readonly property EpisodeEntry entry: Workspace.episodeEntry
    signal ended

    function openFor(clientCode: string, episode: var, label: string) {
        root.code = clientCode;
        root.episodeId = episode;
        root.name = label;
        root.error = "";
        dayField.text = "";
        root.open();
        dayField.forceActiveFocus();
    }
    function save() {
        if (VaultSession.vaultThread.busy)
            return;
        root.error = root.entry.endProblem(dayField.text);
        if (root.error === "")
            root.entry.end(root.code, root.episodeId, dayField.text);
    }

    objectName: "episodeEndDialog"
    title: qsTr("End the episode of care")
    modal: true
    focus: true
    padding: 20
    anchors.centerIn: Overlay.overlay
    width: 440

    Connections {
        target: root.entry
        enabled: root.opened
        function onEnded(clientCode) {
            root.close();
            root.ended();
        }
        function onFailed(failure) { root.error = failure.message; }
    }

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            textFormat: Text.PlainText
            objectName: "episodeEndText"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("End %1 on:").arg(root.name)
        }
        TextField {
            id: dayField
            objectName: "episodeEndDate"
            Layout.fillWidth: true
            placeholderText: "YYYY-MM-DD"
            Accessible.name: qsTr("The episode's last day")
            onAccepted: root.save()
        }
        Label {
            textFormat: Text.PlainText
            objectName: "episodeEndError"
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
            objectName: "episodeEndButton"
            text: qsTr("End episode")
            enabled: !VaultSession.vaultThread.busy
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole // closes only once stored
            onClicked: root.save()
        }
    }
}
