import QtQuick
import QtQuick.Layouts

// The player's foot: the whole routine's progress with the time played and left,
// and the buttons to go back, pause and skip.
ColumnLayout {
    id: controls

    required property var view  // the player's view (player.view)
    required property var tick  // the figures that change every second (player.tick)

    function focusPause() { pauseButton.forceActiveFocus() }

    spacing: Theme.space4

    ColumnLayout {
        Layout.fillWidth: true
        spacing: Theme.space1
        Rectangle {
            objectName: "routineProgress"
            Layout.fillWidth: true
            implicitHeight: Theme.unit * 1.5
            radius: height / 2
            color: Theme.ringTrack
            Accessible.role: Accessible.ProgressBar
            Accessible.name: words.playerPage.progressName.arg(controls.tick.elapsedText)
                             .arg(controls.tick.remainingText.replace("-", ""))
            Rectangle {
                width: Math.max(height, parent.width * player.routineProgress)
                height: parent.height
                radius: height / 2
                color: Theme.accent
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Text {
                objectName: "elapsedText"
                text: controls.tick.elapsedText
                color: Theme.textMuted
                font.pointSize: Theme.textSmall
                font.features: { "tnum": 1 }
            }
            Item { Layout.fillWidth: true }
            Text {
                objectName: "remainingText"
                text: controls.tick.remainingText
                color: Theme.textMuted
                font.pointSize: Theme.textSmall
                font.features: { "tnum": 1 }
            }
        }
    }

    RowLayout {
        Layout.alignment: Qt.AlignHCenter
        spacing: Theme.space3
        AppButton {
            objectName: "backButton"
            text: words.playerPage.back
            Accessible.name: words.playerPage.backName
            onClicked: player.back()
        }
        AppButton {
            id: pauseButton
            objectName: "pauseButton"
            kind: "primary"
            large: true
            Layout.preferredWidth: Theme.basePoint * 15
            text: controls.view.paused ? words.playerPage.resume : words.playerPage.pause
            Accessible.name: words.playerPage.pauseKey.arg(text)
            onClicked: player.togglePause()
        }
        AppButton {
            objectName: "skipButton"
            text: words.playerPage.skip
            Accessible.name: words.playerPage.skipName
            onClicked: player.skip()
        }
    }
}
