// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The plan's own fields under its rows: when the version takes effect, its next review and the
// interval after a review, and the client's agreement (how and when). Dates as YYYY-MM-DD; the
// reader that saving goes through refuses a day that does not exist.
GridLayout {
    id: root

    required property PlanDraft draft

    columns: 4
    columnSpacing: 8
    rowSpacing: 4

    FieldLabel { text: qsTr("Takes effect") }
    TextField {
        objectName: "planEffective"
        Layout.preferredWidth: 130
        text: root.draft.effective
        placeholderText: qsTr("YYYY-MM-DD")
        Accessible.name: qsTr("Takes effect on")
        onTextEdited: root.draft.effective = text
    }
    FieldLabel { text: qsTr("Next review") }
    TextField {
        objectName: "planNextReview"
        Layout.preferredWidth: 130
        text: root.draft.nextReview
        placeholderText: qsTr("YYYY-MM-DD")
        Accessible.name: qsTr("Next review on")
        onTextEdited: root.draft.nextReview = text
    }
    FieldLabel { text: qsTr("Then review every") }
    SpinBox {
        objectName: "planReviewEvery"
        from: 7
        to: 366
        editable: true
        value: root.draft.reviewEveryDays
        textFromValue: (value) => qsTr("%1 days").arg(value)
        valueFromText: (text) => parseInt(text)
        Accessible.name: qsTr("Review every so many days")
        onValueModified: root.draft.reviewEveryDays = value
    }
    Item { Layout.columnSpan: 2; implicitHeight: 1 }
    FieldLabel { text: qsTr("Client's agreement") }
    ComboBox {
        id: howBox
        readonly property var values: [""].concat(root.draft.agreements)
        objectName: "planAgreement"
        Layout.preferredWidth: 150
        model: [qsTr("not recorded"), qsTr("verbal"), qsTr("signed"), qsTr("declined")]
        currentIndex: Math.max(0, howBox.values.indexOf(root.draft.agreedHow))
        Accessible.name: qsTr("How the client agreed")
        onActivated: (i) => root.draft.agreedHow = howBox.values[i]
    }
    FieldLabel { text: qsTr("Agreed on") }
    TextField {
        objectName: "planAgreedOn"
        Layout.preferredWidth: 130
        text: root.draft.agreedOn
        placeholderText: qsTr("YYYY-MM-DD")
        Accessible.name: qsTr("Agreed on")
        onTextEdited: root.draft.agreedOn = text
    }
}
