// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Asks before deleting one stored measure, naming its questionnaire, day and score; the vault keeps
// the deleted value in its history of changes (uc::vault::Measures::remove).
Dialog {
    id: root

    property string code
    property var measureId: 0
    property string name // "PHQ-9"
    property string date // ISO
    property int total
    property string bandLabel
    property string error
    readonly property MeasureEntry entry: Workspace.measureEntry

    objectName: "measureDeleteDialog"
    title: qsTr("Delete a measure?")
    modal: true
    focus: true
    padding: 20
    anchors.centerIn: Overlay.overlay
    width: 440

    function openFor(clientCode: string, measure: var, instrumentName: string, isoDate: string, score: int, band: string) {
        root.code = clientCode;
        root.measureId = measure;
        root.name = instrumentName;
        root.date = isoDate;
        root.total = score;
        root.bandLabel = band;
        root.error = "";
        root.open();
        cancelButton.forceActiveFocus(Qt.TabFocusReason); // shown as focused; Enter here does nothing destructive
    }

    Connections {
        target: root.entry
        enabled: root.opened
        function onRemoved(clientCode) {
            root.close();
            Workspace.overview.open(clientCode); // the card and the chart without it
        }
        function onFailed(failure) { root.error = failure.message; }
    }

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            textFormat: Text.PlainText
            objectName: "measureDeleteText"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("Delete the %1 of %2, total %3 (%4)? It leaves the chart and the counts; the vault keeps the value in its history of changes.")
                      .arg(root.name).arg(Style.date(root.date)).arg(root.total).arg(root.bandLabel)
        }
        Label {
            textFormat: Text.PlainText
            objectName: "measureDeleteError"
            Layout.fillWidth: true
            visible: root.error !== ""
            text: root.error
            color: Style.danger
            wrapMode: Text.WordWrap
        }
    }
    footer: DialogButtonBox {
        Button {
            id: cancelButton
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            objectName: "deleteMeasureOkButton"
            text: qsTr("Delete")
            enabled: !VaultSession.vaultThread.busy
            DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole
            onClicked: root.entry.remove(root.measureId, root.code)
        }
    }
}
