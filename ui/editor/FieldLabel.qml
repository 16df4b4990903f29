import QtQuick
import ".."

// The small label above an input.
Text {
    color: Theme.textMuted
    font.pointSize: Theme.textSmall
    font.weight: Font.DemiBold
    elide: Text.ElideRight
}
