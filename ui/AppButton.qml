import QtQuick
import QtQuick.Controls.Basic

// A button in the app's look: "primary" (filled), "secondary" (outlined) or "quiet".
Button {
    id: control

    property string kind: "secondary"
    property bool large: false

    focusPolicy: Qt.StrongFocus
    hoverEnabled: true
    font.pointSize: large ? Theme.textLarge : Theme.textBody
    font.weight: kind === "primary" ? Font.DemiBold : Font.Medium
    leftPadding: large ? Theme.space6 : Theme.space4
    rightPadding: leftPadding
    topPadding: large ? Theme.space3 : Theme.space2
    bottomPadding: topPadding
    Accessible.name: text

    Keys.onReturnPressed: control.clicked()
    Keys.onEnterPressed: control.clicked()

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.kind === "primary" ? Theme.textOnAccent
             : control.kind === "quiet" ? Theme.text : Theme.accent
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        opacity: control.enabled ? 1 : 0.5
    }

    background: Rectangle {
        implicitWidth: control.large ? 140 : 88
        implicitHeight: control.large ? 52 : 40
        radius: height / 2
        color: control.kind === "primary"
               ? (control.down || control.hovered ? Theme.accentHover : Theme.accent)
               : (control.down ? Theme.surfaceMuted
                               : control.hovered ? Theme.accentSoft : "transparent")
        border.width: control.kind === "secondary" ? 1.5 : 0
        border.color: Theme.accent
        opacity: control.enabled ? 1 : 0.5

        Rectangle {
            anchors.fill: parent
            anchors.margins: -4
            radius: height / 2
            color: "transparent"
            border.width: 2
            border.color: Theme.focus
            visible: control.visualFocus
        }
    }
}
