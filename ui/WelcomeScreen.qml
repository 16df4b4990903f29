import QtQuick
import QtQuick.Layouts

// The first-launch screen: what the app is and is not, shown once.
Rectangle {
    id: welcome

    objectName: "welcomeScreen"
    color: Theme.scrim

    function focusFirst() { welcomeButton.forceActiveFocus() }

    Shortcut {
        sequences: ["Return", "Enter"]
        onActivated: settings.markWelcomeSeen()
    }

    // Clicks do not fall through to the library underneath.
    MouseArea { anchors.fill: parent; acceptedButtons: Qt.AllButtons }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.space8, Theme.basePoint * 46)
        implicitHeight: column.implicitHeight + Theme.space6 * 2
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        Accessible.role: Accessible.Dialog
        Accessible.name: words.player.welcomeHeading

        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: Theme.space6
            spacing: Theme.space4
            Text {
                objectName: "welcomeHeading"
                Layout.fillWidth: true
                text: words.player.welcomeHeading
                color: Theme.text
                font.pointSize: Theme.textTitle
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.Heading
            }
            Text {
                objectName: "welcomeText"
                Layout.fillWidth: true
                text: words.player.welcomeText
                color: Theme.text
                font.pointSize: Theme.textBody
                lineHeight: 1.25
                wrapMode: Text.WordWrap
            }
            AppButton {
                id: welcomeButton
                objectName: "welcomeButton"
                Layout.alignment: Qt.AlignRight
                kind: "primary"
                text: words.player.welcomeButton
                Accessible.name: words.welcomeScreen.buttonName.arg(words.player.welcomeButton)
                onClicked: settings.markWelcomeSeen()
            }
        }
    }
}
