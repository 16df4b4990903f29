import QtQuick
import QtQuick.Controls.Basic
import ".."

// A small square button on a step card: move up, move down, remove.
AbstractButton {
    id: button

    focusPolicy: Qt.StrongFocus
    hoverEnabled: true
    implicitWidth: Theme.basePoint * 3.4
    implicitHeight: implicitWidth
    font.pointSize: Theme.textBody

    contentItem: Text {
        text: button.text
        font: button.font
        color: Theme.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        opacity: button.enabled ? 1 : 0.35
    }
    background: Rectangle {
        radius: Theme.radiusSmall
        color: button.down ? Theme.surfaceMuted
               : button.hovered ? Theme.accentSoft : "transparent"
        border.width: button.visualFocus ? 2 : 0
        border.color: Theme.focus
    }
}
