// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Writes a client's treatment plan: its first version, or the next one started from the newest
// (its objectives keep their ids). Problems → goals → objectives → interventions, the client's
// agreement and the next review. Saving signs the version as `plan add|update` do; a refusal shows
// here in the core's words and nothing is written. Ctrl+Enter saves; Escape asks before losing
// what was typed.
Dialog {
    id: root

    readonly property PlanEditor editor: Workspace.planEditor
    readonly property PlanDraft draft: root.editor.draft

    objectName: "planDialog"
    title: root.editor.version === 0 ? qsTr("Write the treatment plan")
                                     : qsTr("Treatment plan: version %1").arg(root.editor.version + 1)
    modal: true
    focus: true
    padding: 16
    anchors.centerIn: Overlay.overlay
    width: Math.min(800, (Overlay.overlay ? Overlay.overlay.width : 800) - 40)
    height: Math.min(720, (Overlay.overlay ? Overlay.overlay.height : 720) - 40)
    closePolicy: Popup.NoAutoClose

    function start() {
        root.editor.begin();
        root.open();
        root.focusRow(0);
    }
    function focusRow(row: int) {
        Qt.callLater(() => {
            const item = rows.itemAt(Math.min(row, rows.count - 1));
            if (item)
                item.focusText();
        });
    }
    function leave() {
        if (root.draft.edited)
            discardDialog.open();
        else
            root.close();
    }

    Connections {
        target: root.editor
        enabled: root.opened
        function onSaved() { root.close(); }
    }
    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        enabled: root.opened && !discardDialog.opened
        onActivated: root.editor.save()
    }
    Shortcut {
        sequence: "Esc"
        enabled: root.opened && !discardDialog.opened
        onActivated: root.leave()
    }

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: root.editor.damaged === "" ? Style.muted : Style.danger
            text: root.editor.damaged !== ""
                  ? qsTr("The newest version does not match its signature (%1), so this one starts from nothing.").arg(root.editor.damaged)
                  : qsTr("Enter in a line adds the next one of its kind; Ctrl+Enter signs and saves. Saving signs a new version; earlier ones are kept.")
        }
        ScrollView {
            id: scroll
            objectName: "planScroll"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true
            ColumnLayout {
                width: scroll.availableWidth - 12
                spacing: 6
                Repeater {
                    id: rows
                    model: root.draft
                    delegate: PlanDraftRow {
                        draft: root.draft
                        onAdded: (row) => root.focusRow(row)
                    }
                }
                Button {
                    objectName: "planAddProblem"
                    text: qsTr("+ Problem")
                    Accessible.name: qsTr("Add a problem")
                    onClicked: root.focusRow(root.draft.addProblem())
                }
                PlanFieldsForm {
                    Layout.fillWidth: true
                    Layout.topMargin: 8
                    draft: root.draft
                }
            }
        }
        Label {
            textFormat: Text.PlainText
            objectName: "planError"
            Layout.fillWidth: true
            visible: root.editor.error !== ""
            text: root.editor.error
            color: Style.danger
            wrapMode: Text.WordWrap
        }
    }
    footer: DialogButtonBox {
        Button {
            objectName: "cancelPlanButton"
            text: qsTr("Cancel")
            onClicked: root.leave()
        }
        PrimaryButton {
            objectName: "savePlanButton"
            text: qsTr("Sign and save")
            enabled: !VaultSession.vaultThread.busy
            onClicked: root.editor.save()
        }
    }

    Dialog {
        id: discardDialog
        objectName: "discardPlanDialog"
        title: qsTr("Leave the plan unsaved?")
        modal: true
        anchors.centerIn: Overlay.overlay
        width: 420
        Label {
            width: parent.width
            text: qsTr("What you wrote here is not saved. Leaving now loses it.")
            wrapMode: Text.WordWrap
        }
        footer: DialogButtonBox {
            Button {
                objectName: "discardPlanButton"
                text: qsTr("Leave and lose it")
                onClicked: { discardDialog.close(); root.close(); }
            }
            PrimaryButton {
                objectName: "keepPlanButton"
                text: qsTr("Keep writing")
                onClicked: discardDialog.close()
            }
        }
    }
}
