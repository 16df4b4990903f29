import QtQuick
import QtQuick.Controls.Basic
import ".."

// A one-line text input for a draft value. While it has the focus it shows what
// is typed (every change goes to the bridge); otherwise it shows the draft's value.
TextField {
    id: field

    property string value: ""
    property bool invalid: false
    signal edited(string text)

    color: Theme.text
    placeholderTextColor: Theme.textMuted
    selectedTextColor: Theme.textOnAccent
    selectionColor: Theme.accent
    font.pointSize: Theme.textBody
    leftPadding: Theme.space3
    rightPadding: Theme.space3
    topPadding: Theme.space2
    bottomPadding: Theme.space2
    selectByMouse: true
    onTextEdited: field.edited(text)

    Binding on text {
        value: field.value
        when: !field.activeFocus
        restoreMode: Binding.RestoreNone
    }

    background: Rectangle {
        implicitHeight: 40
        implicitWidth: 200
        radius: Theme.radiusSmall
        color: Theme.surface
        border.width: field.activeFocus || field.invalid ? 2 : 1
        border.color: field.activeFocus ? Theme.focus
                      : field.invalid ? Theme.errorText : Theme.border
    }
}
