// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Full-text search over the notes this user may read. Typing searches after a short pause (on the
// vault thread); Enter or a click opens the note; Down moves into the results.
Rectangle {
    id: root

    required property SearchResultModel results
    required property string userName
    property bool demo: false
    signal back
    signal lockRequested
    signal search(string text)
    signal openNote(string code, var noteId)

    objectName: "searchScreen"
    color: Style.background

    Component.onCompleted: {
        field.text = root.results.query;
        field.forceActiveFocus();
        field.selectAll();
    }

    Shortcut {
        sequences: [StandardKey.Back, "Esc"]
        onActivated: root.back()
    }
    Shortcut {
        sequence: StandardKey.Find
        onActivated: { field.forceActiveFocus(); field.selectAll(); }
    }
    Timer {
        id: pause
        interval: 300
        onTriggered: root.search(field.text)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TopBar {
            Layout.fillWidth: true
            userName: root.userName
            demo: root.demo
            onLockRequested: root.lockRequested()
            Button {
                objectName: "backButton"
                text: qsTr("‹ Back")
                flat: true
                Accessible.name: qsTr("Back")
                onClicked: root.back()
            }
            Label {
                text: qsTr("Search notes")
                color: Style.text
                font.pixelSize: Style.headingSize + 3
                font.weight: Font.DemiBold
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Style.gap
            spacing: Style.gap
            TextField {
                id: field
                objectName: "searchField"
                Layout.fillWidth: true
                Layout.maximumWidth: 560
                placeholderText: qsTr("Words in any note you may read  (Ctrl+F)")
                Accessible.name: qsTr("Search notes")
                onTextEdited: pause.restart()
                onAccepted: { pause.stop(); root.search(field.text); }
                Keys.onDownPressed: { list.currentIndex = 0; list.forceActiveFocus(); }
            }
            Label {
                textFormat: Text.PlainText
                objectName: "resultCount"
                Layout.fillWidth: true
                text: root.results.query === "" ? ""
                      : root.results.count === 0 ? qsTr("No note matches “%1”.").arg(root.results.query)
                      : qsTr("%1 for “%2”, best first").arg(Style.plural(root.results.count, qsTr("note"), qsTr("notes")))
                                                       .arg(root.results.query)
                color: Style.muted
                font.pixelSize: Style.smallSize
                elide: Text.ElideRight
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.leftMargin: Style.gap
            Layout.rightMargin: Style.gap
            Layout.bottomMargin: Style.gap
            radius: Style.radius
            color: Style.surface
            border.color: Style.border
            clip: true

            ListView {
                id: list
                objectName: "resultList"
                anchors.fill: parent
                anchors.margins: 1
                clip: true
                model: root.results
                keyNavigationEnabled: true
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                Keys.onReturnPressed: if (currentItem) root.openNote(currentItem.clientCode, currentItem.noteId)
                Keys.onUpPressed: (event) => {
                    if (list.currentIndex <= 0) field.forceActiveFocus();
                    else event.accepted = false;
                }
                delegate: SearchResultItem {
                    width: ListView.view.width
                    current: ListView.isCurrentItem && list.activeFocus
                    onClicked: root.openNote(clientCode, noteId)
                }
            }
            Label {
                textFormat: Text.PlainText
                anchors.centerIn: parent
                visible: list.count === 0
                width: parent.width - 64
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                color: Style.muted
                text: root.results.query === ""
                      ? qsTr("Type a few words: every note you may read is searched, newest matches ranked first.")
                      : qsTr("Nothing found. Try fewer or different words.")
            }
        }
    }
}
