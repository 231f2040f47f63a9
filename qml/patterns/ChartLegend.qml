// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// A row of colour swatches and names under a chart (any model with "color" and a name role).
Item {
    id: root

    required property var model
    property string textRole: "name"
    property int fontSize: Style.smallSize

    implicitHeight: flow.implicitHeight
    implicitWidth: flow.implicitWidth

    Flow {
        id: flow
        width: root.width
        spacing: 14
        Repeater {
            model: root.model
            delegate: Row {
                id: entry
                required property var model
                spacing: 6
                visible: entry.model.checked === undefined || entry.model.checked
                Rectangle {
                    anchors.verticalCenter: parent.verticalCenter
                    width: 14
                    height: 4
                    radius: 2
                    color: entry.model.color
                }
                Label {
                    textFormat: Text.PlainText
                    text: entry.model[root.textRole]
                    color: Style.text
                    font.pixelSize: root.fontSize
                }
            }
        }
    }
}
