// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Records a review of the treatment plan held on a day (today unless changed), as `plan review
// --date`: of the version in force then; the next review falls due review_every_days later.
Dialog {
    id: root

    readonly property PlanEditor editor: Workspace.planEditor

    objectName: "planReviewDialog"
    title: qsTr("Record a plan review")
    modal: true
    focus: true
    padding: 16
    anchors.centerIn: Overlay.overlay
    width: Math.min(440, (parent ? parent.width : 440) - 40)

    function start() {
        root.editor.clearError();
        dateField.text = Qt.formatDate(new Date(), "yyyy-MM-dd"); // this machine's day, as the vault reads it
        root.open();
        dateField.forceActiveFocus();
        dateField.selectAll();
    }

    Connections {
        target: root.editor
        enabled: root.opened
        function onReviewed() { root.close(); }
    }

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Style.muted
            text: qsTr("The day the plan was reviewed with the client. The next review falls due from it.")
        }
        FieldLabel { text: qsTr("Held on") }
        TextField {
            id: dateField
            objectName: "planReviewDate"
            Layout.preferredWidth: 160
            placeholderText: qsTr("YYYY-MM-DD")
            Accessible.name: qsTr("Review held on")
            onAccepted: root.editor.review(text)
        }
        Label {
            textFormat: Text.PlainText
            objectName: "planReviewError"
            Layout.fillWidth: true
            visible: root.editor.error !== ""
            text: root.editor.error
            color: Style.danger
            wrapMode: Text.WordWrap
        }
    }
    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        PrimaryButton {
            objectName: "recordPlanReviewButton"
            text: qsTr("Record review")
            enabled: !VaultSession.vaultThread.busy
            onClicked: root.editor.review(dateField.text)
        }
    }
}
