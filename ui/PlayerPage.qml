import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The routine playing: picture, what to do, the countdown ring, progress and controls.
Rectangle {
    id: page

    readonly property var view: player.view
    readonly property var tick: player.tick  // the figures that change every second
    readonly property color phaseColor: Theme.role(view.phaseRole)

    signal stopRequested()

    objectName: "playerPage"
    color: Theme.background

    function focusFirst() {
        if (player.mustAcknowledge)
            acknowledgeButton.forceActiveFocus()
        else if (player.sideQuestion)
            sideChooser.forceActiveFocus()
        else
            pauseButton.forceActiveFocus()
    }

    Connections {
        target: player
        function onCueShown(kind, words) {
            // Words not already on screen (the bridge says which) get a moment of their own.
            if (words !== "") {
                flashText.text = words
                flashAnimation.restart()
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.space6
        spacing: Theme.space4

        // The routine, the step, and the way out.
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.space3
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Text {
                    objectName: "playerRoutineTitle"
                    Layout.fillWidth: true
                    text: page.view.routineTitle
                    color: Theme.text
                    font.pointSize: Theme.textLarge
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                }
                Text {
                    objectName: "stepText"
                    text: page.view.stepText
                    color: Theme.textMuted
                    font.pointSize: Theme.textSmall
                }
            }
            AppButton {
                id: muteButton
                objectName: "muteButton"
                kind: "quiet"
                text: settings.muted ? "Sound off" : "Sound on"
                Accessible.name: settings.muted ? "Turn the sound on (M)" : "Mute (M)"
                onClicked: settings.toggleMute()
            }
            AppButton {
                id: stopButton
                objectName: "stopButton"
                kind: "secondary"
                text: "Stop"
                Accessible.name: "Stop the routine (Escape)"
                onClicked: page.stopRequested()
            }
        }

        // The session paused itself (the computer slept): say so and offer to resume.
        Rectangle {
            objectName: "autoPauseBanner"
            Layout.fillWidth: true
            implicitHeight: autoRow.implicitHeight + Theme.space3 * 2
            visible: page.view.autoPaused
            radius: Theme.radius
            color: Theme.warnBg
            border.color: Theme.warnText
            RowLayout {
                id: autoRow
                anchors.fill: parent
                anchors.margins: Theme.space3
                spacing: Theme.space3
                Text {
                    objectName: "autoPauseText"
                    Layout.fillWidth: true
                    text: player.autoPauseText || "The routine paused itself."
                    color: Theme.warnText
                    font.pointSize: Theme.textBody
                    wrapMode: Text.WordWrap
                }
                AppButton {
                    objectName: "autoResumeButton"
                    kind: "primary"
                    text: "Resume"
                    Accessible.name: "Resume the routine"
                    onClicked: player.togglePause()
                }
            }
        }

        // The routine's safety note, until the first stretch begins.
        Rectangle {
            objectName: "safetyBanner"
            Layout.fillWidth: true
            implicitHeight: bannerText.implicitHeight + Theme.space3 * 2
            visible: player.safetyShown && player.safetyText !== "" && !player.preparing
            radius: Theme.radius
            color: Theme.warnBg
            border.color: Theme.warnText
            Accessible.role: Accessible.AlertMessage
            Accessible.name: player.words.safetyHeading + ": " + player.safetyText
            Text {
                id: bannerText
                objectName: "safetyBannerText"
                anchors.fill: parent
                anchors.margins: Theme.space3
                text: player.safetyText
                color: Theme.warnText
                font.pointSize: Theme.textBody
                wrapMode: Text.WordWrap
                maximumLineCount: 4
                elide: Text.ElideRight
            }
        }

        // The picture and what to do.
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.space6

            StretchPicture {
                id: picture
                objectName: "stretchPicture"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 5
                source: player.imageSource
                caption: page.view.stretchName
                         + (page.view.mirrored ? ", shown for the right side" : "")
                color: Theme.surface
                border.color: Theme.border
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 6
                spacing: Theme.space2

                Chip {
                    objectName: "phaseLabel"
                    text: page.view.phaseLabel
                    color: page.phaseColor
                    textColor: Theme.background
                    pointSize: Theme.textBody
                    visible: text !== ""
                }
                Text {
                    objectName: "stretchName"
                    Layout.fillWidth: true
                    text: page.view.stretchName
                    color: Theme.text
                    font.pointSize: Theme.textTitle
                    font.weight: Font.Bold
                    wrapMode: Text.WordWrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Text {
                    objectName: "sideRepText"
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: page.view.sideRepText
                    color: Theme.textMuted
                    font.pointSize: Theme.textLarge
                }

                Item {
                    id: ringBox
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: Theme.basePoint * 12
                    readonly property real size: Math.min(width, height)

                    CountdownRing {
                        id: ring
                        objectName: "countdownRing"
                        width: ringBox.size
                        height: ringBox.size
                        anchors.centerIn: parent
                        progress: player.phaseProgress
                        pulse: player.pulse
                        color: page.phaseColor
                    }

                    Column {
                        anchors.centerIn: parent
                        spacing: 0
                        Text {
                            objectName: "countdownText"
                            anchors.horizontalCenter: parent.horizontalCenter
                            text: page.view.counted ? page.tick.countText : page.tick.countdownText
                            color: Theme.text
                            font.pointSize: Math.max(Theme.textTitle,
                                                     Math.min(Theme.textCountdown,
                                                              ringBox.size * 0.22))
                            font.weight: Font.Light
                            font.features: { "tnum": 1 }
                            Accessible.role: Accessible.StaticText
                            Accessible.name: page.view.counted
                                             ? "Count " + text + " " + page.view.countOfText
                                             : text + " seconds left"
                        }
                        Text {
                            objectName: "countOfText"
                            anchors.horizontalCenter: parent.horizontalCenter
                            visible: page.view.counted
                            text: page.tick.countLine
                            color: Theme.textMuted
                            font.pointSize: Theme.textBody
                        }
                        Text {
                            anchors.horizontalCenter: parent.horizontalCenter
                            visible: page.view.paused
                            text: "Paused"
                            color: Theme.textMuted
                            font.pointSize: Theme.textBody
                            font.weight: Font.DemiBold
                        }
                    }

                    // The words of a cue, shown as it sounds (for people with the sound off).
                    Rectangle {
                        id: flash
                        objectName: "cueFlash"
                        anchors.horizontalCenter: parent.horizontalCenter
                        y: parent.height / 2 + ringBox.size * 0.2
                        width: flashText.implicitWidth + Theme.space4 * 2
                        height: flashText.implicitHeight + Theme.space2 * 2
                        radius: height / 2
                        color: page.phaseColor
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

                Text {
                    objectName: "instructions"
                    Layout.fillWidth: true
                    text: page.view.instructions
                    color: Theme.text
                    font.pointSize: Theme.textBody
                    lineHeight: 1.2
                    wrapMode: Text.WordWrap
                    maximumLineCount: 6
                    elide: Text.ElideRight
                }

                Rectangle {
                    objectName: "nextCard"
                    Layout.fillWidth: true
                    visible: page.view.showNext
                    implicitHeight: nextColumn.implicitHeight + Theme.space3 * 2
                    radius: Theme.radius
                    color: Theme.accentSoft
                    Column {
                        id: nextColumn
                        anchors.fill: parent
                        anchors.margins: Theme.space3
                        spacing: 2
                        Text {
                            text: "Up next"
                            color: Theme.textOnAccentSoft
                            font.pointSize: Theme.textSmall
                            font.weight: Font.DemiBold
                        }
                        Text {
                            objectName: "nextName"
                            width: parent.width
                            text: page.view.nextName
                                  + (page.view.nextDetail ? "  ·  " + page.view.nextDetail : "")
                            color: Theme.textOnAccentSoft
                            font.pointSize: Theme.textBody
                            wrapMode: Text.WordWrap
                        }
                    }
                }
            }
        }

        // The whole routine: a bar with the time played and the time left.
        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.space1
            Rectangle {
                id: track
                objectName: "routineProgress"
                Layout.fillWidth: true
                implicitHeight: Theme.unit * 1.5
                radius: height / 2
                color: Theme.ringTrack
                Accessible.role: Accessible.ProgressBar
                Accessible.name: "Routine progress: " + page.tick.elapsedText + " played, "
                                 + page.tick.remainingText.replace("-", "") + " left"
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
                    text: page.tick.elapsedText
                    color: Theme.textMuted
                    font.pointSize: Theme.textSmall
                    font.features: { "tnum": 1 }
                }
                Item { Layout.fillWidth: true }
                Text {
                    objectName: "remainingText"
                    text: page.tick.remainingText
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
                id: backButton
                objectName: "backButton"
                text: "‹  Back"
                Accessible.name: "Back: restart this step, or go to the one before (Left arrow)"
                onClicked: player.back()
            }
            AppButton {
                id: pauseButton
                objectName: "pauseButton"
                kind: "primary"
                large: true
                Layout.preferredWidth: Theme.basePoint * 15
                text: page.view.paused ? "Resume" : "Pause"
                Accessible.name: (page.view.paused ? "Resume" : "Pause") + " (Space)"
                onClicked: player.togglePause()
            }
            AppButton {
                id: skipButton
                objectName: "skipButton"
                text: "Skip  ›"
                Accessible.name: "Skip to what comes next (Right arrow)"
                onClicked: player.skip()
            }
        }
    }

    // The get-ready screen before the first step of every start: the routine's
    // safety note (a relief routine's is acknowledged once), while the sounds and
    // the voice get ready. The session clock starts when it closes.
    Rectangle {
        id: getReady
        objectName: "preparingOverlay"
        anchors.fill: parent
        visible: player.preparing
        color: Theme.background
        onVisibleChanged: if (visible && acknowledgeButton.visible) acknowledgeButton.forceActiveFocus()

        ColumnLayout {
            anchors.centerIn: parent
            width: Math.min(parent.width - Theme.space8, Theme.basePoint * 44)
            spacing: Theme.space4

            Text {
                objectName: "getReadyTitle"
                Layout.fillWidth: true
                text: page.view.routineTitle || player.words.safetyHeading
                color: Theme.text
                font.pointSize: Theme.textTitle
                font.weight: Font.DemiBold
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Rectangle {
                objectName: "getReadySafety"
                Layout.fillWidth: true
                visible: player.safetyText !== ""
                implicitHeight: safetyColumn.implicitHeight + Theme.space4 * 2
                radius: Theme.radius
                color: Theme.warnBg
                border.color: Theme.warnText
                Accessible.role: Accessible.AlertMessage
                Accessible.name: player.words.safetyHeading + ": " + player.safetyText
                                 + (player.redFlags.length > 0 ? ". " + player.redFlagsHeading
                                    + ": " + player.redFlags.join(" ") : "")
                Column {
                    id: safetyColumn
                    anchors.fill: parent
                    anchors.margins: Theme.space4
                    spacing: Theme.space2
                    Text {
                        width: parent.width
                        text: player.words.safetyHeading
                        color: Theme.warnText
                        font.pointSize: Theme.textLarge
                        font.weight: Font.DemiBold
                    }
                    Text {
                        objectName: "getReadySafetyText"
                        width: parent.width
                        text: player.safetyText
                        color: Theme.warnText
                        font.pointSize: Theme.textBody
                        lineHeight: 1.2
                        wrapMode: Text.WordWrap
                    }
                    // A relief routine's red flags: read before the first stretch.
                    Text {
                        width: parent.width
                        visible: player.redFlags.length > 0
                        topPadding: Theme.space2
                        text: player.redFlagsHeading
                        color: Theme.warnText
                        font.pointSize: Theme.textBody
                        font.weight: Font.DemiBold
                    }
                    Repeater {
                        model: player.redFlags
                        delegate: Text {
                            required property string modelData
                            objectName: "getReadyRedFlag"
                            width: safetyColumn.width
                            text: "•  " + modelData
                            color: Theme.warnText
                            font.pointSize: Theme.textSmall
                            wrapMode: Text.WordWrap
                        }
                    }
                }
            }
            AppButton {
                id: acknowledgeButton
                objectName: "acknowledgeButton"
                Layout.alignment: Qt.AlignHCenter
                visible: player.mustAcknowledge
                kind: "primary"
                large: true
                text: player.words.acknowledgeButton
                Accessible.name: player.words.acknowledgeButton + " (Enter)"
                onClicked: player.acknowledge()
                onVisibleChanged: if (visible) forceActiveFocus()
            }
            Text {
                Layout.fillWidth: true
                visible: player.mustAcknowledge
                text: player.words.acknowledgeHint
                color: Theme.textMuted
                font.pointSize: Theme.textSmall
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "preparingVoiceText"
                Layout.fillWidth: true
                visible: !player.voiceReady
                text: player.words.preparingVoice
                color: Theme.text
                font.pointSize: Theme.textLarge
                horizontalAlignment: Text.AlignHCenter
            }
            Rectangle {
                Layout.fillWidth: true
                visible: !player.voiceReady
                implicitHeight: Theme.unit * 1.5
                radius: height / 2
                color: Theme.ringTrack
                Accessible.role: Accessible.ProgressBar
                Accessible.name: "Voice preparation " + Math.round(player.prepareProgress * 100)
                                 + " percent"
                Rectangle {
                    width: Math.max(height, parent.width * player.prepareProgress)
                    height: parent.height
                    radius: height / 2
                    color: Theme.accent
                }
            }
            // A routine with `sides: choose` steps asks which side first.
            SideChooser {
                id: sideChooser
                Layout.fillWidth: true
                Layout.topMargin: Theme.space4
                // Asked once the safety note is acknowledged: one question at a time.
                visible: player.sideQuestion && !player.mustAcknowledge
                focus: visible
                choices: player.sideChoices
                onVisibleChanged: if (visible) { current = 0; forceActiveFocus() }
                Component.onCompleted: if (visible) forceActiveFocus()
                onChosen: (key) => {
                    player.chooseSide(key)
                    page.focusFirst()
                }
            }
            AppButton {
                objectName: "startNowButton"
                Layout.alignment: Qt.AlignHCenter
                visible: !player.voiceReady && !player.mustAcknowledge && !player.sideQuestion
                text: player.words.startNow
                Accessible.name: "Start now, without waiting for the voice"
                onClicked: player.startNow()
            }
        }
        Shortcut {
            sequences: ["Return", "Enter"]
            enabled: getReady.visible && player.mustAcknowledge
            onActivated: player.acknowledge()
        }
    }
}
