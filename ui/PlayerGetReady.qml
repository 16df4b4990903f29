import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The get-ready screen before the first step of every start: the routine's
// safety note (a relief routine's is acknowledged once), while the sounds and
// the voice get ready. The session clock starts when it closes.
Rectangle {
    id: getReady

    required property var view  // the player's view (player.view)

    signal sideChosen()

    function focusAcknowledge() { acknowledgeButton.forceActiveFocus() }
    function focusSideChooser() { sideChooser.forceActiveFocus() }

    objectName: "preparingOverlay"
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
            text: getReady.view.routineTitle || words.player.safetyHeading
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
            Accessible.name: player.redFlags.length > 0
                             ? words.getReady.safetyAndFlagsName.arg(words.player.safetyHeading)
                               .arg(player.safetyText).arg(player.redFlagsHeading)
                               .arg(player.redFlags.join(" "))
                             : words.playerPage.headedName.arg(words.player.safetyHeading)
                               .arg(player.safetyText)
            Column {
                id: safetyColumn
                anchors.fill: parent
                anchors.margins: Theme.space4
                spacing: Theme.space2
                Text {
                    width: parent.width
                    text: words.player.safetyHeading
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
            text: words.player.acknowledgeButton
            Accessible.name: words.getReady.enterName.arg(words.player.acknowledgeButton)
            onClicked: player.acknowledge()
            onVisibleChanged: if (visible) forceActiveFocus()
        }
        Text {
            Layout.fillWidth: true
            visible: player.mustAcknowledge
            text: words.player.acknowledgeHint
            color: Theme.textMuted
            font.pointSize: Theme.textSmall
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "preparingVoiceText"
            Layout.fillWidth: true
            visible: !player.voiceReady
            text: words.player.preparingVoice
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
            Accessible.name: words.getReady.voiceProgressName
                             .arg(Math.round(player.prepareProgress * 100))
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
            text: words.player.startNow
            Accessible.name: words.getReady.startNowName
            onClicked: player.startNow()
        }
    }
    Shortcut {
        sequences: ["Return", "Enter"]
        enabled: getReady.visible && player.mustAcknowledge
        onActivated: player.acknowledge()
    }
}
