import QtQuick

// The countdown ring with the numbers inside it (seconds left, or the count of a
// movement), "Paused", and the words of a cue flashed under them as it sounds.
Item {
    id: box

    required property var view  // the player's view (player.view)
    required property var tick  // the figures that change every second (player.tick)
    property color phaseColor: Theme.accent
    readonly property real size: Math.min(width, height)

    // Shows a cue's words for a moment (for people with the sound off).
    function flash(text) {
        flashText.text = text
        flashAnimation.restart()
    }

    CountdownRing {
        objectName: "countdownRing"
        width: box.size
        height: box.size
        anchors.centerIn: parent
        progress: player.phaseProgress
        pulse: player.pulse
        color: box.phaseColor
    }

    Column {
        anchors.centerIn: parent
        spacing: 0
        Text {
            objectName: "countdownText"
            anchors.horizontalCenter: parent.horizontalCenter
            text: box.view.counted ? box.tick.countText : box.tick.countdownText
            color: Theme.text
            font.pointSize: Math.max(Theme.textTitle,
                                     Math.min(Theme.textCountdown, box.size * 0.22))
            font.weight: Font.Light
            font.features: { "tnum": 1 }
            Accessible.role: Accessible.StaticText
            Accessible.name: box.view.counted
                             ? words.playerPage.countName.arg(text).arg(box.view.countOfText)
                             : words.playerPage.secondsLeftName.arg(text)
        }
        Text {
            objectName: "countOfText"
            anchors.horizontalCenter: parent.horizontalCenter
            visible: box.view.counted
            text: box.tick.countLine
            color: Theme.textMuted
            font.pointSize: Theme.textBody
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            visible: box.view.paused
            text: words.playerPage.paused
            color: Theme.textMuted
            font.pointSize: Theme.textBody
            font.weight: Font.DemiBold
        }
    }

    Rectangle {
        id: flash
        objectName: "cueFlash"
        anchors.horizontalCenter: parent.horizontalCenter
        y: parent.height / 2 + box.size * 0.2
        width: flashText.implicitWidth + Theme.space4 * 2
        height: flashText.implicitHeight + Theme.space2 * 2
        radius: height / 2
        color: box.phaseColor
        opacity: 0
        Text {
            id: flashText
            objectName: "cueFlashText"
            anchors.centerIn: parent
            color: Theme.background
            font.pointSize: Theme.textLarge
            font.weight: Font.DemiBold
        }
        SequentialAnimation {
            id: flashAnimation
            NumberAnimation { target: flash; property: "opacity"; to: 1; duration: 120 }
            PauseAnimation { duration: 700 }
            NumberAnimation { target: flash; property: "opacity"; to: 0; duration: 400 }
        }
    }
}
