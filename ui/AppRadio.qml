import QtQuick
import QtQuick.Controls.Basic

// One choice among several, in the app's colours.
RadioButton {
    id: control

    focusPolicy: Qt.StrongFocus
    font.pointSize: Theme.textBody
    Accessible.name: text
    spacing: Theme.space2

    indicator: Rectangle {
        implicitWidth: 22
        implicitHeight: 22
        x: control.leftPadding
        y: (control.height - height) / 2
        radius: width / 2
        color: Theme.surface
        border.width: control.visualFocus ? 3 : 2
        border.color: control.visualFocus ? Theme.focus
                      : control.checked ? Theme.accent : Theme.textMuted
        Rectangle {
            anchors.centerIn: parent
            width: 10
            height: 10
            radius: 5
            color: Theme.accent
            visible: control.checked
        }
    }
    contentItem: Text {
        text: control.text
        font: control.font
        color: Theme.text
        verticalAlignment: Text.AlignVCenter
        leftPadding: control.indicator.width + control.spacing
    }
}
