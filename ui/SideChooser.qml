import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The get-ready question of a routine with `sides: choose` steps: which side goes
// first, or one side only. Left and Right (or Up and Down) move, Enter or Space
// picks; a click picks at once. It shows what the bridge offers and calls it back.
FocusScope {
    id: chooser

    // [{key, label}], in order; the first is the default.
    property var choices: []
    property int current: 0

    signal chosen(string key)

    objectName: "sideChooser"
    implicitWidth: column.implicitWidth
    implicitHeight: column.implicitHeight
    activeFocusOnTab: true
    Accessible.role: Accessible.Grouping
    Accessible.name: words.sideChooser.whichSideFirstLeft

    function move(by) {
        if (choices.length > 0)
            current = (current + by + choices.length) % choices.length
    }
    function pick() {
        if (current >= 0 && current < choices.length)
            chosen(choices[current].key)
    }

    Keys.onLeftPressed: move(-1)
    Keys.onUpPressed: move(-1)
    Keys.onRightPressed: move(1)
    Keys.onDownPressed: move(1)
    Keys.onReturnPressed: pick()
    Keys.onEnterPressed: pick()
    Keys.onSpacePressed: pick()

    ColumnLayout {
        id: column
        anchors.fill: parent
        spacing: Theme.space2

        Text {
            Layout.fillWidth: true
            text: words.sideChooser.whichSideFirst
            color: Theme.text
            font.pointSize: Theme.textLarge
            font.weight: Font.DemiBold
            horizontalAlignment: Text.AlignHCenter
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Text {
            Layout.fillWidth: true
            text: words.sideChooser.startOnTheSide
            color: Theme.textMuted
            font.pointSize: Theme.textBody
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
        GridLayout {
            Layout.alignment: Qt.AlignHCenter
            columns: 2
            columnSpacing: Theme.space2
            rowSpacing: Theme.space2
            Repeater {
                model: chooser.choices
                delegate: AppButton {
                    required property var modelData
                    required property int index
                    objectName: "sideChoice_" + modelData.key
                    Layout.fillWidth: true
                    Layout.preferredWidth: Theme.basePoint * 12
                    focusPolicy: Qt.NoFocus
                    kind: index === chooser.current ? "primary" : "secondary"
                    text: modelData.label
                    Accessible.name: index === chooser.current ? words.sideChooser.selected.arg(modelData.label)
                                                                : modelData.label
                    onClicked: {
                        chooser.current = index
                        chooser.chosen(modelData.key)
                    }
                }
            }
        }
        Text {
            Layout.fillWidth: true
            text: words.sideChooser.toChooseEnterTo
            color: Theme.textMuted
            font.pointSize: Theme.textSmall
            horizontalAlignment: Text.AlignHCenter
        }
    }
}
