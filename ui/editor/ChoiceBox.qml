import QtQuick
import QtQuick.Controls.Basic
import ".."

// A drop-down of {value, label} choices for one draft value.
ComboBox {
    id: combo

    property string value: ""
    property bool invalid: false
    signal chosen(string value)

    textRole: "label"
    valueRole: "value"
    // count: look the value up again once the model is in.
    currentIndex: count > 0 ? Math.max(0, indexOfValue(value)) : -1
    focusPolicy: Qt.StrongFocus
    font.pointSize: Theme.textBody
    onActivated: combo.chosen(currentValue)

    contentItem: Text {
        leftPadding: Theme.space3
        rightPadding: combo.indicator.width + Theme.space2
        text: combo.displayText
        font: combo.font
        color: Theme.text
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    indicator: Text {
        x: combo.width - width - Theme.space3
        y: (combo.height - height) / 2
        text: "▾"
        color: Theme.textMuted
        font.pointSize: Theme.textBody
    }
    background: Rectangle {
        implicitWidth: 140
        implicitHeight: 36
        radius: Theme.radiusSmall
        color: Theme.surface
        border.width: combo.visualFocus || combo.invalid ? 2 : 1
        border.color: combo.visualFocus ? Theme.focus
                      : combo.invalid ? Theme.errorText : Theme.border
    }
    delegate: ItemDelegate {
        id: choice
        required property var model
        required property int index
        width: combo.width
        highlighted: combo.highlightedIndex === index
        contentItem: Text {
            text: choice.model[combo.textRole]
            color: choice.highlighted ? Theme.textOnAccent : Theme.text
            font: combo.font
            elide: Text.ElideRight
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            color: choice.highlighted ? Theme.accent : Theme.surface
        }
    }
    popup.background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radiusSmall
    }
}
