// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Every session as a mark on a line, oldest on the left: a filled dot where the client came, a
// hollow one where they did not. The newest sessions are in view; older ones scroll.
// (An Item at the root, not a layout: Qt 6.4 crashes destroying a layout that is a component's root.)
Item {
    id: root

    required property SessionTimelineModel sessions
    required property string firstDate
    required property string lastDate

    implicitHeight: column.implicitHeight

    ColumnLayout {
        id: column
        anchors.fill: parent
        spacing: 6

        Label {
            Layout.fillWidth: true
            Layout.preferredHeight: 30
            visible: root.sessions.count === 0
            verticalAlignment: Text.AlignVCenter
            text: qsTr("No sessions yet.")
            color: Style.muted
        }
        ListView {
            id: line
            visible: root.sessions.count > 0
            objectName: "sessionTimeline"
            Layout.fillWidth: true
            Layout.preferredHeight: 30
            orientation: ListView.Horizontal
            model: root.sessions
            clip: true
            spacing: 3
            boundsBehavior: Flickable.StopAtBounds
            // More sessions than fit: the bar stays in sight, so the line reads as one that scrolls.
            ScrollBar.horizontal: ScrollBar {
                objectName: "timelineScrollBar"
                policy: line.contentWidth > line.width ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
            }
            onCountChanged: Qt.callLater(() => line.positionViewAtEnd())
            Component.onCompleted: positionViewAtEnd()

            Rectangle {
                parent: line.contentItem
                x: 0
                y: 11
                width: line.contentWidth
                height: 2
                color: Style.border
                z: -1
            }
            // Where the line is cut on the left, it fades out instead of showing half a dot.
            Rectangle {
                parent: line
                visible: !line.atXBeginning
                x: 0
                width: 20
                height: 24
                z: 2
                gradient: Gradient {
                    orientation: Gradient.Horizontal
                    GradientStop { position: 0.0; color: Style.surface }
                    GradientStop { position: 1.0; color: Qt.rgba(Style.surface.r, Style.surface.g, Style.surface.b, 0) }
                }
            }
            delegate: Item {
                id: mark
                required property string date
                required property string attendance
                required property bool attended
                required property int themeCount
                width: 12
                height: 24
                Rectangle {
                    anchors.horizontalCenter: parent.horizontalCenter
                    y: 6
                    width: 10
                    height: 10
                    radius: 5
                    color: mark.attended ? (mark.attendance === "late" ? Style.warning : Style.accent) : Style.surface
                    border.width: mark.attended ? 0 : 2
                    border.color: mark.attendance === "no-show" ? Style.danger : Style.muted
                }
                HoverHandler { id: hover }
                ToolTip.visible: hover.hovered
                ToolTip.text: qsTr("%1: %2, %3").arg(Style.date(mark.date)).arg(mark.attendance)
                                     .arg(Style.plural(mark.themeCount, qsTr("theme"), qsTr("themes")))
                Accessible.name: qsTr("%1, %2").arg(Style.date(mark.date)).arg(mark.attendance)
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 14
            // How many sessions are out of sight to the left (the newest are in view).
            Label {
                textFormat: Text.PlainText
                objectName: "earlierSessions"
                readonly property int hidden: line.visible && !line.atXBeginning ? line.indexAt(line.contentX + 1, 12) : 0
                visible: hidden > 0
                text: qsTr("‹ %1 earlier").arg(hidden)
                color: Style.muted
                font.pixelSize: Style.smallSize
                Accessible.name: qsTr("%1 earlier sessions: scroll the line left to see them").arg(hidden)
            }
            Repeater {
                model: [
                    { label: qsTr("attended"), fill: Style.accent, ring: Style.accent },
                    { label: qsTr("late"), fill: Style.warning, ring: Style.warning },
                    { label: qsTr("no-show"), fill: Style.surface, ring: Style.danger },
                    { label: qsTr("cancelled"), fill: Style.surface, ring: Style.muted }
                ]
                RowLayout {
                    id: legend
                    required property var modelData
                    spacing: 5
                    Rectangle {
                        width: 10
                        height: 10
                        radius: 5
                        color: legend.modelData.fill
                        border.width: legend.modelData.fill === legend.modelData.ring ? 0 : 2
                        border.color: legend.modelData.ring
                    }
                    Label {
                        textFormat: Text.PlainText
                        text: legend.modelData.label
                        color: Style.muted
                        font.pixelSize: Style.smallSize
                    }
                }
            }
            Item { Layout.fillWidth: true }
            Label {
                textFormat: Text.PlainText
                visible: root.sessions.count > 0
                text: qsTr("%1, %2 – %3").arg(Style.plural(root.sessions.count, qsTr("session"), qsTr("sessions")))
                                          .arg(Style.date(root.firstDate)).arg(Style.date(root.lastDate))
                color: Style.muted
                font.pixelSize: Style.smallSize
            }
        }
    }
}
