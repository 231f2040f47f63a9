// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The therapist's own reactions to the client, read from their process notes
// (docs/countertransference.md): hidden until they ask, since the overview may be on a screen the
// client sees. Each reaction's entries per month as a strip, then the entries' words, newest first.
SectionCard {
    id: root

    required property CountertransferenceView view
    required property string clientCode
    // Entries listed under the chart; the CLI lists them all.
    readonly property int listed: 6

    objectName: "countertransferenceCard"
    title: qsTr("Your countertransference")
    note: root.view.shown ? root.view.summary : qsTr("private: yours only, never the client's themes")
    Accessible.name: root.view.shown ? qsTr("Your countertransference: %1").arg(root.view.summary)
                                     : qsTr("Your countertransference, hidden")
    actions: [
        Button {
            objectName: "countertransferenceToggle"
            text: root.view.shown ? qsTr("Hide") : qsTr("Show")
            enabled: !root.view.loading
            Accessible.name: root.view.shown ? qsTr("Hide your countertransference")
                                             : qsTr("Show your countertransference about this client")
            onClicked: root.view.shown ? root.view.hide() : root.view.show(root.clientCode)
        }
    ]

    Label {
        textFormat: Text.PlainText
        Layout.fillWidth: true
        visible: root.view.shown && root.view.entries.length === 0
        text: qsTr("Nothing yet. Entries are the sentences about yourself in the \u201cTransference and "
                   + "countertransference\u201d section of your process notes.")
        color: Style.muted
        wrapMode: Text.WordWrap
    }
    Repeater {
        objectName: "countertransferenceRows"
        model: root.view.shown ? root.view.rows : []
        RowLayout {
            id: row
            required property var modelData
            Layout.fillWidth: true
            spacing: 2
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("%1: %2").arg(row.modelData.label)
                                 .arg(Style.plural(row.modelData.total, qsTr("entry"), qsTr("entries")))
            Label {
                textFormat: Text.PlainText
                Layout.preferredWidth: 140
                text: row.modelData.label
                color: Style.text
                elide: Text.ElideRight
            }
            Repeater {
                model: row.modelData.perMonth
                Rectangle {
                    required property int modelData
                    required property int index
                    Layout.fillWidth: true
                    Layout.preferredHeight: 14
                    radius: 2
                    color: modelData > 0 ? Style.accent : Style.border
                    opacity: modelData > 0 ? 0.35 + 0.65 * modelData / root.view.maxCount : 0.4
                    ToolTip.visible: cellHover.hovered
                    ToolTip.text: qsTr("%1: %2").arg(root.view.months[index]).arg(modelData)
                    HoverHandler { id: cellHover }
                }
            }
            Label {
                textFormat: Text.PlainText
                Layout.preferredWidth: 28
                horizontalAlignment: Text.AlignRight
                text: row.modelData.total
                color: Style.muted
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        visible: root.view.shown && root.view.months.length > 0
        Item { Layout.preferredWidth: 140 }
        Label {
            textFormat: Text.PlainText
            text: root.view.months.length > 0 ? root.view.months[0] : ""
            color: Style.muted
            font.pixelSize: Style.smallSize
        }
        Item { Layout.fillWidth: true }
        Label {
            textFormat: Text.PlainText
            text: root.view.months.length > 0 ? root.view.months[root.view.months.length - 1] : ""
            color: Style.muted
            font.pixelSize: Style.smallSize
        }
        Item { Layout.preferredWidth: 28 }
    }
    Repeater {
        objectName: "countertransferenceEntries"
        model: root.view.shown ? root.view.entries.slice(0, root.listed) : []
        ColumnLayout {
            id: entry
            required property var modelData
            Layout.fillWidth: true
            spacing: 0
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: Style.date(entry.modelData.date)
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
            Flow {
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: entry.modelData.shares
                    Button {
                        id: shareMark
                        required property var modelData
                        objectName: "ctWithdrawButton"
                        flat: true
                        text: qsTr("Shared with %1 \u00b7 Withdraw").arg(shareMark.modelData.supervisor)
                        Accessible.name: qsTr("Withdraw this entry from %1").arg(shareMark.modelData.supervisor)
                        enabled: !VaultSession.vaultThread.busy
                        onClicked: root.view.withdraw(root.clientCode, shareMark.modelData.id)
                    }
                }
                Button {
                    objectName: "ctShareButton"
                    flat: true
                    visible: entry.modelData.shareable
                    text: qsTr("Share with supervisor\u2026")
                    Accessible.name: qsTr("Share this entry with your supervisor")
                    onClicked: shareDialog.openFor(root.clientCode, entry.modelData.note, entry.modelData.number,
                                                   entry.modelData.text, entry.modelData.shareWith)
                }
            }
        }
    }
    CtShareDialog {
        id: shareDialog
        view: root.view
    }
    Label {
        textFormat: Text.PlainText
        visible: root.view.shown && root.view.entries.length > root.listed
        text: qsTr("and %1 earlier; all of them: countertransference list --client %2")
                  .arg(root.view.entries.length - root.listed).arg(root.clientCode)
        color: Style.muted
        font.pixelSize: Style.smallSize
    }
}
