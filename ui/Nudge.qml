import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Window

// The reminder: a small window at the screen's edge that never takes the keyboard.
// Left alone it grows more visible (reminders.nudgeLevel 0, 1, 2).
Window {
    id: nudge

    readonly property int level: reminders.nudgeLevel
    readonly property real margin: Theme.space4

    objectName: "nudgeWindow"
    title: words.nudge.stretchappReminder
    flags: Qt.Tool | Qt.FramelessWindowHint | Qt.WindowStaysOnTopHint
           | Qt.WindowDoesNotAcceptFocus
    color: "transparent"
    width: Math.max(Theme.basePoint * (level === 0 ? 34 : level === 1 ? 38 : 42),
                    buttons.implicitWidth + Theme.space4 * 2)
    height: card.implicitHeight
    visible: reminders.nudgeShown
    x: Screen.desktopAvailableWidth - width - margin
    y: Screen.desktopAvailableHeight - height - margin

    Rectangle {
        id: card
        objectName: "nudgeCard"
        anchors.fill: parent
        implicitHeight: column.implicitHeight + Theme.space4 * 2
        radius: Theme.radius
        color: nudge.level >= 2 ? Theme.accentSoft : Theme.surface
        border.color: nudge.level >= 1 ? Theme.accent : Theme.border
        border.width: nudge.level >= 1 ? 3 : 1
        Accessible.role: Accessible.AlertMessage
        Accessible.name: words.nudge.reminderName.arg(reminders.nudgeTitle)

        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: Theme.space4
            spacing: Theme.space2
            Text {
                text: nudge.level >= 1 ? words.nudge.stillTimeForA : words.nudge.timeForAStretch
                color: Theme.textMuted
                font.pointSize: Theme.textSmall
            }
            Text {
                objectName: "nudgeTitle"
                Layout.fillWidth: true
                text: reminders.nudgeTitle
                color: Theme.text
                font.pointSize: nudge.level >= 2 ? Theme.textTitle : Theme.textLarge
                font.weight: Font.Bold
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "nudgeDetail"
                Layout.fillWidth: true
                text: reminders.nudgeDetail
                color: Theme.textMuted
                font.pointSize: Theme.textBody
                wrapMode: Text.WordWrap
            }
            RowLayout {
                id: buttons
                Layout.fillWidth: true
                Layout.topMargin: Theme.space1
                spacing: Theme.space2
                AppButton {
                    objectName: "nudgeStart"
                    kind: "primary"
                    text: words.nudge.start
                    focusPolicy: Qt.NoFocus
                    visible: reminders.nudgeCanStart
                    Accessible.name: words.nudge.startNowName.arg(reminders.nudgeTitle)
                    onClicked: reminders.startNudge()
                }
                AppButton {
                    objectName: "nudgeSnooze"
                    text: words.nudge.in10Minutes
                    focusPolicy: Qt.NoFocus
                    onClicked: reminders.snoozeNudge()
                }
                AppButton {
                    objectName: "nudgeNotToday"
                    kind: "quiet"
                    text: words.nudge.notToday
                    focusPolicy: Qt.NoFocus
                    onClicked: reminders.notToday()
                }
            }
        }
    }
}
