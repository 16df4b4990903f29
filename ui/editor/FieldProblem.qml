import QtQuick
import ".."

// A problem the loader found in one field or step, shown right under it.
Text {
    visible: text !== ""
    color: Theme.errorText
    font.pointSize: Theme.textSmall
    wrapMode: Text.WordWrap
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text
}
