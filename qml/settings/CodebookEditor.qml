// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The codebook the tagger uses: each theme with a switch (off: no longer suggested), a new theme
// or more phrases for one. The vault checks every change; a refusal shows its reason here, and
// the codebook stays as it was.
SectionCard {
    id: root

    required property CodebookModel codebook
    property string error
    property string done

    title: qsTr("Codebook")
    note: qsTr("%1 themes").arg(root.codebook.count)

    Connections {
        target: root.codebook
        function onSaved() {
            root.error = "";
            root.done = qsTr("Saved. New and edited notes are tagged with the changed codebook.");
        }
        function onFailed(failure) {
            root.done = "";
            root.error = failure.message;
        }
    }

    ListView {
        id: list
        objectName: "codebookList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 160
        clip: true
        model: root.codebook
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        delegate: Item {
            id: row
            required property string theme
            required property string label
            required property string group
            required property string phrases
            required property int phraseCount
            required property bool enabled
            required property bool custom
            width: ListView.view.width
            implicitHeight: 48
            RowLayout {
                anchors.fill: parent
                anchors.rightMargin: 12
                spacing: 8
                Switch {
                    objectName: "enable_" + row.theme
                    checked: row.enabled
                    Accessible.name: qsTr("Look for %1").arg(row.label)
                    onToggled: root.codebook.setThemeEnabled(row.theme, checked)
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: row.label + (row.custom ? qsTr("  · added here") : "")
                        color: row.enabled ? Style.text : Style.muted
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                    }
                    Label {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: row.phraseCount > 0 ? row.phrases : qsTr("linked theme: %1").arg(row.group)
                        color: Style.muted
                        font.pixelSize: Style.smallSize
                        elide: Text.ElideRight
                    }
                }
            }
        }
    }

    Rectangle { Layout.fillWidth: true; height: 1; color: Style.border }

    GridLayout {
        Layout.fillWidth: true
        columns: 3
        columnSpacing: 8
        rowSpacing: 6
        FieldLabel { text: qsTr("Add phrases to"); Layout.columnSpan: 3 }
        ComboBox {
            id: themeBox
            objectName: "phraseThemeBox"
            Layout.preferredWidth: 170 // the phrases beside it keep room for their hint at 1024 wide
            model: root.codebook
            textRole: "label"
            valueRole: "theme"
            Accessible.name: qsTr("Theme to add phrases to")
            // A reset model leaves no current item: show the first theme again.
            onCountChanged: if (currentIndex < 0 && count > 0) currentIndex = 0
        }
        TextField {
            id: morePhrases
            objectName: "morePhrasesField"
            Layout.fillWidth: true
            placeholderText: qsTr("phrases, with commas")
            Accessible.name: qsTr("Phrases to add, separated by commas")
            onAccepted: addPhrases.clicked()
        }
        Button {
            id: addPhrases
            objectName: "addPhrasesButton"
            text: qsTr("Add")
            enabled: !VaultSession.vaultThread.busy && morePhrases.text.trim() !== ""
            onClicked: root.codebook.addPhrases(themeBox.currentValue, morePhrases.text)
        }
        FieldLabel { text: qsTr("New theme"); Layout.columnSpan: 3; Layout.topMargin: 4 }
        TextField {
            id: newId
            objectName: "newThemeIdField"
            Layout.preferredWidth: 200
            placeholderText: qsTr("id, e.g. gambling-urges")
            Accessible.name: qsTr("New theme id")
        }
        TextField {
            id: newLabel
            objectName: "newThemeLabelField"
            Layout.fillWidth: true
            Layout.columnSpan: 2
            placeholderText: qsTr("Label, e.g. Gambling urges")
            Accessible.name: qsTr("New theme label")
        }
        TextField {
            id: newPhrases
            objectName: "newThemePhrasesField"
            Layout.fillWidth: true
            Layout.columnSpan: 2
            placeholderText: qsTr("phrases, separated by commas (a * may end a word)")
            Accessible.name: qsTr("New theme phrases")
            onAccepted: addTheme.clicked()
        }
        Button {
            id: addTheme
            objectName: "addThemeButton"
            text: qsTr("Add theme")
            enabled: !VaultSession.vaultThread.busy && newId.text.trim() !== ""
            onClicked: root.codebook.addTheme(newId.text, newLabel.text, newPhrases.text)
        }
    }
    Label {
        textFormat: Text.PlainText
        objectName: "codebookMessage"
        Layout.fillWidth: true
        visible: root.error !== "" || root.done !== ""
        text: root.error !== "" ? root.error : root.done
        color: root.error !== "" ? Style.danger : Style.accent
        wrapMode: Text.WordWrap
    }
}
