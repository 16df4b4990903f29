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
            getReady.focusAcknowledge()
        else if (player.sideQuestion)
            getReady.focusSideChooser()
        else
            controls.focusPause()
    }

    Connections {
        target: player
        function onCueShown(kind, words) {
            // Words not already on screen (the bridge says which) get a moment of their own.
            if (words !== "")
                countdown.flash(words)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.space6
        spacing: Theme.space4

        // The routine, the step, and the way out.
        PlayerTopBar {
            Layout.fillWidth: true
            view: page.view
            onStopRequested: page.stopRequested()
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
                    text: player.autoPauseText || words.playerPage.pausedItself
                    color: Theme.warnText
                    font.pointSize: Theme.textBody
                    wrapMode: Text.WordWrap
                }
                AppButton {
                    objectName: "autoResumeButton"
                    kind: "primary"
                    text: words.playerPage.resume
                    Accessible.name: words.playerPage.resumeTheRoutine
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
            Accessible.name: words.playerPage.headedName.arg(words.player.safetyHeading)
                             .arg(player.safetyText)
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
                exactSize: true
                // The player draws its first movement's frames ahead at this size.
                onSettledSizeChanged: player.pictureSize = settledSize
                caption: page.view.mirrored
                         ? words.playerPage.shownForTheRight.arg(page.view.stretchName)
                         : page.view.stretchName
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

                PlayerCountdown {
                    id: countdown
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: Theme.basePoint * 12
                    view: page.view
                    tick: page.tick
                    phaseColor: page.phaseColor
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
                            text: words.playerPage.upNext
                            color: Theme.textOnAccentSoft
                            font.pointSize: Theme.textSmall
                            font.weight: Font.DemiBold
                        }
                        Text {
                            objectName: "nextName"
                            width: parent.width
                            text: page.view.nextDetail
                                  ? words.playerPage.nextWithDetail.arg(page.view.nextName)
                                    .arg(page.view.nextDetail)
                                  : page.view.nextName
                            color: Theme.textOnAccentSoft
                            font.pointSize: Theme.textBody
                            wrapMode: Text.WordWrap
                        }
                    }
                }
            }
        }

        // The whole routine's progress, and the controls.
        PlayerControls {
            id: controls
            Layout.fillWidth: true
            view: page.view
            tick: page.tick
        }
    }

    PlayerGetReady {
        id: getReady
        anchors.fill: parent
        view: page.view
        onSideChosen: page.focusFirst()
    }
}
