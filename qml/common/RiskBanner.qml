// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The red risk banner (docs/risk.md, "Where it shows"): each present flag with its words and the
// rule that raised it, and its date where it has one, until an assessment closes it.
Rectangle {
    id: root

    // [{id, label, evidence, rule, kind, date}], most important first; kind is the rule in words.
    property var flags: []
    // What to do about it, under the flags.
    property string advice: ""
    property bool showDates: false

    objectName: "riskBanner"
    visible: flags.length > 0
    implicitHeight: visible ? column.implicitHeight + 20 : 0
    radius: Style.radius
    color: "#a8322d" // one red in both themes: white text on it reads at 6.5:1
    Accessible.role: Accessible.AlertMessage
    Accessible.name: qsTr("Risk: %1").arg(root.flags.map((f) => f.label).join(", "))

    ColumnLayout {
        id: column
        x: 14
        y: 10
        width: parent.width - 28
        spacing: 3
        Repeater {
            model: root.flags
            Label {
                id: line
                required property var modelData
                required property int index
                objectName: "riskBannerFlag" + index
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: "#ffffff"
                font.pixelSize: Style.bodySize
                font.weight: Font.DemiBold
                textFormat: Text.PlainText
                text: qsTr("Risk: %1 — “%2” · %3%4").arg(line.modelData.label).arg(line.modelData.evidence)
                      .arg(line.modelData.kind ?? line.modelData.rule).arg(root.showDates && (line.modelData.date ?? "") !== ""
                                                      ? " · " + Style.date(line.modelData.date) : "")
            }
        }
        Label {
            textFormat: Text.PlainText
            objectName: "riskBannerAdvice"
            Layout.fillWidth: true
            visible: root.advice !== ""
            text: root.advice
            wrapMode: Text.WordWrap
            color: "#ffffff"
            font.pixelSize: Style.smallSize
        }
    }
}
