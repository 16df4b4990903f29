import QtQuick
import QtQuick.Controls.Basic
import ".."

// Several lines of text for a draft value (description, safety); like EditorTextField.
TextArea {
    id: area

    property string value: ""
    property bool invalid: false
    signal edited(string text)

    color: Theme.text
    placeholderTextColor: Theme.textMuted
    selectedTextColor: Theme.textOnAccent
    selectionColor: Theme.accent
    font.pointSize: Theme.textBody
    wrapMode: TextEdit.Wrap
    leftPadding: Theme.space3
    rightPadding: Theme.space3
    topPadding: Theme.space2
    bottomPadding: Theme.space2
    selectByMouse: true
    // Tab moves on to the next control, as everywhere else in the editor.
    Keys.onTabPressed: (event) => { nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason); event.accepted = true }
    Keys.onBacktabPressed: (event) => { nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason); event.accepted = true }
    onTextChanged: if (activeFocus && text !== value) area.edited(text)

    Binding on text {
        value: area.value
        when: !area.activeFocus
        restoreMode: Binding.RestoreNone
    }

    background: Rectangle {
        implicitHeight: 72
        implicitWidth: 200
        radius: Theme.radiusSmall
        color: Theme.surface
        border.width: area.activeFocus || area.invalid ? 2 : 1
        border.color: area.activeFocus ? Theme.focus
                      : area.invalid ? Theme.errorText : Theme.border
    }
}
