import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Theme, sound, voice and get-ready time; every change is kept for the next run.
Rectangle {
    id: page

    objectName: "settingsPage"
    color: Theme.background

    function focusFirst() { backButton.forceActiveFocus() }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: content.implicitHeight + Theme.space8 * 2
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }

        ColumnLayout {
            id: content
            width: Math.min(flick.width - Theme.space6 * 2, Theme.contentWidth * 0.8)
            x: (flick.width - width) / 2
            y: Theme.space4
            spacing: Theme.space4

            BackButton {
                id: backButton
                objectName: "settingsBack"
                text: words.settingsPage.back
                Accessible.name: words.settingsPage.back2
                Layout.leftMargin: -Theme.space3
                onClicked: app.goBack()
            }
            Text {
                text: words.settingsPage.settings
                color: Theme.text
                font.pointSize: Theme.textHeadline
                font.weight: Font.Bold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            SettingsSection {
                title: words.settingsPage.appearance
                ButtonGroup { id: themeGroup }
                Repeater {
                    model: settings.themeChoices
                    delegate: AppRadio {
                        required property var modelData
                        objectName: "theme_" + modelData.value
                        text: modelData.label
                        checked: settings.theme === modelData.value
                        ButtonGroup.group: themeGroup
                        onClicked: settings.setTheme(modelData.value)
                    }
                }
            }

            SettingsSection {
                title: words.settingsPage.sound
                AppSwitch {
                    objectName: "soundSwitch"
                    Layout.fillWidth: true
                    text: words.settingsPage.playSoundsAndThe
                    checked: !settings.muted
                    onToggled: settings.setMuted(!checked)
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.space3
                    Text {
                        text: words.settingsPage.volume
                        color: Theme.text
                        font.pointSize: Theme.textBody
                    }
                    Slider {
                        id: volume
                        objectName: "volumeSlider"
                        Layout.fillWidth: true
                        from: 0
                        to: 1
                        stepSize: 0.05
                        value: settings.volume
                        enabled: !settings.muted
                        focusPolicy: Qt.StrongFocus
                        Accessible.name: words.settingsPage.volume
                        onMoved: settings.setVolume(value)
                        background: Rectangle {
                            x: volume.leftPadding
                            y: volume.topPadding + volume.availableHeight / 2 - height / 2
                            implicitWidth: 200
                            implicitHeight: 6
                            width: volume.availableWidth
                            height: implicitHeight
                            radius: 3
                            color: Theme.ringTrack
                            Rectangle {
                                width: volume.visualPosition * parent.width
                                height: parent.height
                                radius: 3
                                color: Theme.accent
                            }
                        }
                        handle: Rectangle {
                            x: volume.leftPadding + volume.visualPosition
                               * (volume.availableWidth - width)
                            y: volume.topPadding + volume.availableHeight / 2 - height / 2
                            implicitWidth: 22
                            implicitHeight: 22
                            radius: 11
                            color: Theme.surface
                            border.width: volume.visualFocus ? 3 : 2
                            border.color: volume.visualFocus ? Theme.focus : Theme.accent
                        }
                    }
                    Text {
                        text: Math.round(settings.volume * 100) + " %"
                        color: Theme.textMuted
                        font.pointSize: Theme.textBody
                        Layout.preferredWidth: Theme.basePoint * 4
                    }
                }
                AppSwitch {
                    objectName: "voiceSwitch"
                    Layout.fillWidth: true
                    text: words.settingsPage.speakTheCuesName
                    checked: settings.voice
                    onToggled: settings.setVoice(checked)
                }
                ButtonGroup { id: rateGroup }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.space3
                    enabled: settings.voice
                    Text {
                        text: words.settingsPage.voiceSpeed
                        color: Theme.textMuted
                        font.pointSize: Theme.textBody
                        height: implicitHeight
                    }
                    Repeater {
                        model: settings.voiceRateChoices
                        delegate: AppRadio {
                            required property var modelData
                            objectName: "voiceRate_" + modelData.value
                            text: modelData.label
                            Accessible.name: words.settingsPage.voiceSpeedName.arg(modelData.label)
                            checked: settings.voiceRate === modelData.value
                            ButtonGroup.group: rateGroup
                            onClicked: settings.setVoiceRate(modelData.value)
                        }
                    }
                }
            }

            SettingsSection {
                title: words.settingsPage.getReadyTime
                Text {
                    Layout.fillWidth: true
                    text: words.settingsPage.howLongToGet
                    color: Theme.textMuted
                    font.pointSize: Theme.textBody
                    wrapMode: Text.WordWrap
                }
                ButtonGroup { id: prepareGroup }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.space3
                    Repeater {
                        model: settings.prepareChoices
                        delegate: AppRadio {
                            required property var modelData
                            objectName: "prepare_" + modelData.value
                            text: modelData.label
                            checked: settings.prepareOverride === modelData.value
                            ButtonGroup.group: prepareGroup
                            onClicked: settings.setPrepareOverride(modelData.value)
                        }
                    }
                }
            }

            SettingsSection {
                title: words.settingsPage.drawing
                Text {
                    Layout.fillWidth: true
                    text: words.settingsPage.drawingHint.arg(settings.rendererInUse)
                    color: Theme.textMuted
                    font.pointSize: Theme.textBody
                    wrapMode: Text.WordWrap
                }
                ButtonGroup { id: rendererGroup }
                Repeater {
                    model: settings.rendererChoices
                    delegate: AppRadio {
                        required property var modelData
                        objectName: "renderer_" + modelData.value
                        text: modelData.label
                        checked: settings.renderer === modelData.value
                        ButtonGroup.group: rendererGroup
                        onClicked: settings.setRenderer(modelData.value)
                    }
                }
            }

            SettingsSection {
                title: words.settingsPage.reminders
                Loader {
                    Layout.fillWidth: true
                    active: reminders !== null
                    source: "ReminderSettings.qml"
                }
            }

            Text {
                Layout.fillWidth: true
                text: words.settingsPage.playerKeys
                color: Theme.textMuted
                font.pointSize: Theme.textSmall
                wrapMode: Text.WordWrap
            }
        }
    }
}
