// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// A supervisor's card: the countertransference entries their therapists chose to share with them
// about this client (docs/countertransference.md, "Sharing with your supervisor"). Hidden until they
// ask, as the author's own card is; each entry with its author, session date, codes and words.
SectionCard {
    id: root

    required property SharedCountertransferenceView view
    required property string clientCode

    objectName: "sharedCountertransferenceCard"
    title: qsTr("Countertransference shared with you")
    note: root.view.shown ? root.view.summary : qsTr("private: what your therapists chose to share with you")
    Accessible.name: root.view.shown ? qsTr("Countertransference shared with you: %1").arg(root.view.summary)
                                     : qsTr("Countertransference shared with you, hidden")
    actions: [
        Button {
            objectName: "sharedCountertransferenceToggle"
            text: root.view.shown ? qsTr("Hide") : qsTr("Show")
            enabled: !root.view.loading
            Accessible.name: root.view.shown ? qsTr("Hide the countertransference shared with you")
                                             : qsTr("Show the countertransference shared with you about this client")
            onClicked: root.view.shown ? root.view.hide() : root.view.show(root.clientCode)
        }
    ]

    Repeater {
        objectName: "sharedCountertransferenceEntries"
        model: root.view.shown ? root.view.entries : []
        ColumnLayout {
            id: entry
            required property var modelData
            Layout.fillWidth: true
            spacing: 0
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: qsTr("%1, session of %2").arg(entry.modelData.author).arg(Style.date(entry.modelData.date))
                      + (entry.modelData.labels === "" ? "" : " \u00b7 " + entry.modelData.labels)
                color: Style.muted
                font.pixelSize: Style.smallSize
            }
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: entry.modelData.text
                color: Style.text
                wrapMode: Text.WordWrap
            }
        }
    }
}
