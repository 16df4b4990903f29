import QtQuick
import QtQuick.Layouts

// The player's top line: the routine, the step, and the ways to quieten or leave it.
RowLayout {
    id: bar

    required property var view  // the player's view (player.view)

    signal stopRequested()

    spacing: Theme.space3

    ColumnLayout {
        Layout.fillWidth: true
        spacing: 0
        Text {
            objectName: "playerRoutineTitle"
            Layout.fillWidth: true
            text: bar.view.routineTitle
            color: Theme.text
            font.pointSize: Theme.textLarge
            font.weight: Font.DemiBold
            elide: Text.ElideRight
        }
        Text {
            objectName: "stepText"
            text: bar.view.stepText
            color: Theme.textMuted
            font.pointSize: Theme.textSmall
        }
    }
    AppButton {
        objectName: "muteButton"
        kind: "quiet"
        text: settings.muted ? words.playerPage.soundOff : words.playerPage.soundOn
        Accessible.name: settings.muted ? words.playerPage.turnTheSoundOn : words.playerPage.mute
        onClicked: settings.toggleMute()
    }
    AppButton {
        objectName: "stopButton"
        kind: "secondary"
        text: words.playerPage.stop
        Accessible.name: words.playerPage.stopTheRoutine
        onClicked: bar.stopRequested()
    }
}
