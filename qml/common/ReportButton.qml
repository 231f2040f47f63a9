// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import Undercurrent

// A button that makes a PDF report: asks where to save it (a save dialog, starting in Documents
// or home), then hands the chosen file to chosen(); where it was written shows as the button's
// tool tip, and why it was not in the window's banner until dismissed.
Button {
    id: root

    required property string fileName // suggested, without ".pdf"
    property bool waiting: false
    property string outcome: ""
    // What the button makes, when nobody has asked yet.
    property string hint: qsTr("Save as PDF, with the 42 CFR Part 2 notice on every page")
    signal chosen(url file)

    // Hands file on as the dialog does when accepted, and waits for the answer.
    function save(file: url) {
        root.waiting = true;
        root.chosen(file);
    }

    ToolTip.visible: hovered || outcome !== ""
    ToolTip.timeout: outcome !== "" ? 6000 : -1
    ToolTip.text: outcome !== "" ? outcome : hint
    Accessible.name: text
    onClicked: {
        outcome = "";
        dialog.currentFolder = AppInfo.saveFolder();
        dialog.selectedFile = AppInfo.saveFile(root.fileName + ".pdf");
        dialog.open();
    }

    Connections {
        target: Workspace.reports
        enabled: root.waiting
        function onWritten(file) {
            root.waiting = false;
            root.outcome = qsTr("Written to %1").arg(file);
        }
        function onFailed(failure) {
            root.waiting = false;
            VaultSession.banner.show(failure);
        }
    }

    FileDialog {
        id: dialog
        title: root.text
        fileMode: FileDialog.SaveFile
        acceptLabel: qsTr("Save")
        defaultSuffix: "pdf"
        nameFilters: [qsTr("PDF files (*.pdf)")]
        onAccepted: root.save(selectedFile)
    }
}
