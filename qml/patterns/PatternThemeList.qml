// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The themes in the range, each with a check box and a swatch in its line colour (a grey dot while
// not drawn); the recurring ones start ticked. Space or a click toggles (the model keeps the ticks).
SectionCard {
    id: root

    required property PatternThemeModel themes

    title: qsTr("Themes")
    note: qsTr("%1 of %2 shown").arg(root.themes.checkedCount).arg(root.themes.count)

    ListView {
        id: list
        objectName: "patternThemeList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: root.themes
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        delegate: CheckDelegate {
            id: row
            required property int index
            required property var model
            readonly property string label: model.label
            readonly property int sessions: model.sessions
            readonly property bool recurring: model.recurring
            readonly property string trend: model.trend
            readonly property bool ticked: model.checked
            objectName: "themeRow_" + model.theme
            width: ListView.view.width
            padding: 4
            checkable: false // the model holds the tick; a click asks it to change
            checkState: row.ticked ? Qt.Checked : Qt.Unchecked
            Accessible.name: qsTr("%1, %2").arg(row.label).arg(Style.plural(row.sessions, qsTr("session"), qsTr("sessions")))
            onClicked: root.themes.setChecked(row.index, !row.ticked)
            contentItem: RowLayout {
                spacing: 8
                // In its line's colour when drawn; a small grey dot when not, so two themes never seem
                // to share a colour (an unticked theme's colour is only the one it would take).
                Item {
                    Layout.preferredWidth: 12
                    Layout.preferredHeight: 12
                    Rectangle {
                        objectName: "swatch"
                        anchors.centerIn: parent
                        width: row.ticked ? 12 : 6
                        height: width
                        radius: 3
                        color: row.ticked ? row.model.color : Style.border
                    }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: row.label
                        color: Style.text
                        elide: Text.ElideRight
                        font.weight: row.recurring ? Font.DemiBold : Font.Normal
                    }
                    Label {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: Style.plural(row.sessions, qsTr("session"), qsTr("sessions"))
                              + (row.recurring ? qsTr(" · recurring") : "")
                              + (row.trend !== "stable" ? " · " + row.trend : "")
                        color: Style.muted
                        font.pixelSize: Style.smallSize
                        elide: Text.ElideRight
                    }
                }
                // The check box sits in the content's right end: the labels stop before it.
                Item {
                    Layout.preferredWidth: row.indicator.width + 6
                }
            }
        }
    }
}
