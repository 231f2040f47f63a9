// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Tags the words selected in the note with a theme chosen by hand (a manual tag).
Dialog {
    id: root

    required property NoteEditor note
    // The selection: UTF-16 offsets into the text on screen, and its words.
    property int start: 0
    property int end: 0
    property string words

    objectName: "tagDialog"
    title: qsTr("Tag the selected words")
    modal: true
    focus: true // the keyboard goes into the dialog, not to the screen behind it
    padding: 20
    anchors.centerIn: Overlay.overlay
    width: 420
    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        PrimaryButton {
            objectName: "tagOkButton"
            text: qsTr("Tag")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }
    onOpened: themeBox.forceActiveFocus()
    onAccepted: root.note.tagging.tagSelection(root.start, root.end, themeBox.currentValue)
    ColumnLayout {
        width: parent.width
        spacing: 10
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: "“" + root.words + "”"
            elide: Text.ElideRight
            maximumLineCount: 3
            wrapMode: Text.WordWrap
            color: Style.text
        }
        FieldLabel { text: qsTr("Theme") }
        ComboBox {
            id: themeBox
            objectName: "tagThemeBox"
            Layout.fillWidth: true
            model: root.note.tagging.themes
            textRole: "label"
            valueRole: "id"
            Accessible.name: qsTr("Theme for the selected words")
            Keys.onReturnPressed: (event) => { if (themeBox.popup.visible) event.accepted = false; else root.accept(); }
            Keys.onEnterPressed: (event) => { if (themeBox.popup.visible) event.accepted = false; else root.accept(); }
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("The words are tagged as yours: a manual tag, counted in the patterns.")
            color: Style.muted
            font.pixelSize: Style.smallSize
            wrapMode: Text.WordWrap
        }
    }
}
