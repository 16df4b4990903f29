import QtQuick

// A small rounded label: a routine's kind, "Yours", a phase.
Rectangle {
    id: chip

    property alias text: label.text
    property color textColor: Theme.textOnAccentSoft
    property real pointSize: Theme.textSmall

    implicitWidth: label.implicitWidth + Theme.space2 * 2
    implicitHeight: label.implicitHeight + Theme.space1 * 1.5
    radius: height / 2
    color: Theme.accentSoft

    Text {
        id: label
        anchors.centerIn: parent
        color: chip.textColor
        font.pointSize: chip.pointSize
        font.weight: Font.DemiBold
    }
}
