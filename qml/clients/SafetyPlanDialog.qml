// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Writes the next version of a client's safety plan: the seven steps, an item a line, started from
// the version in force. Saving signs it; the earlier versions stay. Tab moves between the steps.
Dialog {
    id: root

    property string code
    property string error
    readonly property SafetyPlanEditor plan: Workspace.safetyPlan

    objectName: "safetyPlanDialog"
    title: qsTr("Safety plan")
    modal: true
    focus: true // the keyboard goes into the dialog, not to the screen behind it
    padding: 16
    anchors.centerIn: Overlay.overlay
    width: Math.min(640, (parent ? parent.width : 640) - 40)
    height: Math.min(680, (Overlay.overlay ? Overlay.overlay.height : 680) - 40)

    function openFor(clientCode: string) {
        root.code = clientCode;
        root.error = "";
        for (let i = 0; i < fields.count; ++i)
            fields.itemAt(i).text = root.plan.steps[i] ?? "";
        root.open();
        fields.itemAt(0).editor.forceActiveFocus();
    }
    function texts(): list<string> {
        let list = [];
        for (let i = 0; i < fields.count; ++i)
            list.push(fields.itemAt(i).text);
        return list;
    }

    Connections {
        target: root.plan
        enabled: root.opened
        function onSaved() { root.close(); }
        function onFailed(failure) { root.error = failure.message; }
    }

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Style.muted
            text: qsTr("Write it with the client, in their words: one item a line. Saving signs a new version; earlier versions are kept.")
        }
        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true
            ColumnLayout {
                width: scroll.availableWidth
                spacing: 6
                Repeater {
                    id: fields
                    model: root.plan.titles.length
                    ColumnLayout {
                        id: field
                        required property int index
                        property alias text: area.text
                        property alias editor: area
                        Layout.fillWidth: true
                        spacing: 2
                        FieldLabel {
                            text: qsTr("%1. %2").arg(field.index + 1).arg(root.plan.titles[field.index])
                        }
                        TextArea {
                            id: area
                            objectName: "safetyStep" + field.index
                            Layout.fillWidth: true
                            Layout.minimumHeight: 56
                            wrapMode: TextEdit.Wrap
                            placeholderText: root.plan.prompts[field.index]
                            Accessible.name: root.plan.titles[field.index]
                            Accessible.description: root.plan.prompts[field.index]
                            background: Rectangle {
                                radius: 4
                                color: Style.surface
                                border.color: area.activeFocus ? Style.accent : Style.border
                            }
                            KeyNavigation.priority: KeyNavigation.BeforeItem
                            KeyNavigation.tab: field.index + 1 < fields.count ? fields.itemAt(field.index + 1).editor : saveButton
                        }
                    }
                }
            }
        }
        Label {
            textFormat: Text.PlainText
            objectName: "safetyPlanError"
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
            id: saveButton
            objectName: "saveSafetyPlanButton"
            text: qsTr("Sign and save")
            enabled: !VaultSession.vaultThread.busy
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: {
                const texts = root.texts();
                const why = root.plan.problem(texts);
                if (why !== "") {
                    root.error = why;
                    return;
                }
                root.error = "";
                root.plan.save(texts);
            }
        }
    }
}
