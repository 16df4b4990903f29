import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Reminders: on or off, pause, the rules (one a line), idle detection, start at login.
ColumnLayout {
    id: section

    objectName: "reminderSettings"
    Layout.fillWidth: true
    spacing: Theme.space2

    AppSwitch {
        objectName: "remindersSwitch"
        Layout.fillWidth: true
        text: words.reminderSettings.remindMeToStretch
        checked: reminders.enabled
        onToggled: reminders.setEnabled(checked)
    }
    Text {
        objectName: "remindersStatus"
        Layout.fillWidth: true
        text: reminders.statusText
        color: Theme.text
        font.pointSize: Theme.textBody
        wrapMode: Text.WordWrap
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.space2
        visible: reminders.enabled
        AppButton {
            objectName: "pauseHour"
            text: words.reminderSettings.pauseFor1Hour
            onClicked: reminders.pauseHour()
        }
        AppButton {
            objectName: "pauseTomorrow"
            text: words.reminderSettings.pauseUntilTomorrow
            onClicked: reminders.pauseUntilTomorrow()
        }
        AppButton {
            objectName: "pauseResume"
            kind: "quiet"
            visible: reminders.paused
            text: words.reminderSettings.resumeNow
            onClicked: reminders.resume()
        }
    }
    Text {
        Layout.fillWidth: true
        Layout.topMargin: Theme.space2
        text: words.reminderSettings.rulesHint.arg(reminders.examples.join("\n"))
        color: Theme.textMuted
        font.pointSize: Theme.textSmall
        wrapMode: Text.WordWrap
    }
    TextArea {
        id: rulesArea
        objectName: "reminderRules"
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.basePoint * 6
        text: reminders.rules.join("\n")
        placeholderText: reminders.examples[0]
        placeholderTextColor: Theme.textMuted
        color: Theme.text
        font.pointSize: Theme.textBody
        wrapMode: TextEdit.Wrap
        Accessible.name: words.reminderSettings.reminderRulesOneA
        background: Rectangle {
            radius: Theme.radiusSmall
            color: Theme.background
            border.color: rulesArea.activeFocus ? Theme.focus : Theme.border
            border.width: rulesArea.activeFocus ? 2 : 1
        }
    }
    RowLayout {
        spacing: Theme.space2
        AppButton {
            objectName: "saveReminders"
            kind: "primary"
            text: words.reminderSettings.saveReminders
            enabled: rulesArea.text !== reminders.rules.join("\n")
            onClicked: reminders.setRules(rulesArea.text.split("\n"))
        }
    }
    Repeater {
        model: reminders.problems
        delegate: Text {
            required property string modelData
            Layout.fillWidth: true
            text: modelData
            color: Theme.errorText
            font.pointSize: Theme.textBody
            wrapMode: Text.WordWrap
        }
    }
    Text {
        objectName: "idleText"
        Layout.fillWidth: true
        text: reminders.idleText
        color: Theme.textMuted
        font.pointSize: Theme.textSmall
        wrapMode: Text.WordWrap
    }
    AppSwitch {
        objectName: "startAtLogin"
        Layout.fillWidth: true
        text: words.reminderSettings.startStretchappWhenI
        checked: reminders.startAtLogin
        onToggled: reminders.setStartAtLogin(checked)
    }
    Text {
        visible: text !== ""
        Layout.fillWidth: true
        text: reminders.loginProblem
        color: Theme.errorText
        font.pointSize: Theme.textBody
        wrapMode: Text.WordWrap
    }
}
