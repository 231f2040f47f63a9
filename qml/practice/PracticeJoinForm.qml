// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// Joining a practice: the server's address and the invitation code the administrator handed over
// (it carries the practice CA, which it pins). Enter in either field joins; errors in the core's words.
ColumnLayout {
    id: root

    required property PracticeMembership membership
    // The width the card gives its content: wrapped text is capped to it.
    required property real available
    property string error

    spacing: 8

    Connections {
        target: root.membership
        function onJoinedPractice() {
            root.error = "";
            code.text = "";
        }
        function onFailed(failure) {
            if (failure.action === "practice-join")
                root.error = failure.message;
        }
    }

    Label {
        Layout.fillWidth: true
        Layout.maximumWidth: root.available
        text: qsTr("Join your group practice with the invitation code your administrator gave you. Its CA is in the code: nothing else to install.")
        color: Style.muted
        wrapMode: Text.WordWrap
    }
    FieldLabel { text: qsTr("Server") }
    TextField {
        id: server
        objectName: "practiceServerField"
        Layout.fillWidth: true
        placeholderText: qsTr("postgresql://host:port/practice")
        Accessible.name: qsTr("Practice server address")
        onAccepted: join.clicked()
    }
    FieldLabel { text: qsTr("Invitation code") }
    TextField {
        id: code
        objectName: "practiceCodeField"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        placeholderText: qsTr("Paste the code")
        Accessible.name: qsTr("Invitation code (kept hidden: it is a secret)")
        onAccepted: join.clicked()
    }
    Label {
        textFormat: Text.PlainText
        objectName: "practiceJoinError"
        Layout.fillWidth: true
        Layout.maximumWidth: root.available
        visible: root.error !== ""
        text: root.error
        color: Style.danger
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.AlertMessage
        Accessible.name: root.error
    }
    Button {
        id: join
        objectName: "practiceJoinButton"
        text: root.membership.joining ? qsTr("Joining…") : qsTr("Join the practice")
        enabled: !root.membership.joining
        Accessible.name: qsTr("Join the practice")
        onClicked: {
            root.error = "";
            root.membership.join(server.text, code.text);
        }
    }
}
