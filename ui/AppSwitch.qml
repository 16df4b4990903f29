import QtQuick
import QtQuick.Controls.Basic

// An on/off setting in the app's colours.
Switch {
    id: control

    focusPolicy: Qt.StrongFocus
    font.pointSize: Theme.textBody
    Accessible.name: text
    spacing: Theme.space3

    indicator: Rectangle {
        implicitWidth: 46
        implicitHeight: 26
        x: control.leftPadding
        y: (control.height - height) / 2
        radius: height / 2
        color: control.checked ? Theme.accent : Theme.surfaceMuted
        border.width: control.visualFocus ? 2 : 1
        border.color: control.visualFocus ? Theme.focus
                      : control.checked ? Theme.accent : Theme.textMuted
        Rectangle {
            x: control.checked ? parent.width - width - 4 : 4
            anchors.verticalCenter: parent.verticalCenter
            width: 18
            height: 18
            radius: 9
            color: control.checked ? Theme.textOnAccent : Theme.textMuted
            Behavior on x { NumberAnimation { duration: Theme.fast } }
        }
    }
    contentItem: Text {
        text: control.text
        font: control.font
        color: Theme.text
        verticalAlignment: Text.AlignVCenter
        leftPadding: control.indicator.width + control.spacing
        wrapMode: Text.WordWrap
    }
}
