import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ".."

// One step of the routine being edited: its picture, name and time, and its settings.
// The card is one stop in the Tab order; Ctrl+Up/Down (on the page) moves it, Delete
// removes it; the handle on the left drags it to another place.
FocusScope {
    id: card

    required property int index
    required property int number
    required property string stretchId
    required property string name
    required property string thumbnail
    required property bool sided
    required property bool counted
    required property int hold
    required property int count
    required property int tempo
    required property int reps
    required property string sides
    required property int prepare
    required property int rest
    required property int sideSwitch
    required property int relax
    required property bool showsSwitch
    required property bool showsRelax
    required property bool holdInherited
    required property bool prepareInherited
    required property bool restInherited
    required property bool switchInherited
    required property bool relaxInherited
    required property string summary
    required property string timeText
    required property string problem

    readonly property ListView view: ListView.view
    readonly property var limits: editor.limits
    readonly property string stepWords: words.stepCard.stepWords.arg(number)

    signal moveRequested(int from, int to)
    signal removeRequested(int index)

    objectName: "step_" + index
    width: view ? view.width : implicitWidth
    implicitHeight: frame.implicitHeight + Theme.space2
    activeFocusOnTab: true
    Accessible.role: Accessible.ListItem
    Accessible.name: summary !== ""
                     ? words.stepCard.nameWithSummary.arg(number).arg(view ? view.count : number)
                                                     .arg(name).arg(summary)
                     : words.stepCard.name.arg(number).arg(view ? view.count : number).arg(name)
    Accessible.description: words.stepCard.controlUpAndControl

    Keys.onDeletePressed: card.removeRequested(card.index)
    onActiveFocusChanged: if (activeFocus && view) view.currentIndex = index

    Rectangle {
        id: frame
        width: parent.width
        implicitHeight: layout.implicitHeight + Theme.space3 * 2
        radius: Theme.radius
        color: Theme.surface
        border.width: card.activeFocus ? 2 : 1
        border.color: card.activeFocus ? Theme.focus
                      : card.problem !== "" ? Theme.errorText : Theme.border

        ColumnLayout {
            id: layout
            anchors.fill: parent
            anchors.margins: Theme.space3
            spacing: Theme.space2

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.space2

                // Drag handle: press and move up or down to put the step elsewhere.
                Text {
                    id: handle
                    objectName: card.objectName + "Handle"
                    text: "⋮⋮"
                    color: Theme.textMuted
                    font.pointSize: Theme.textLarge
                    Accessible.ignored: true
                    MouseArea {
                        id: dragArea
                        anchors.fill: parent
                        anchors.margins: -Theme.space1
                        cursorShape: pressed ? Qt.ClosedHandCursor : Qt.OpenHandCursor
                        drag.target: card
                        drag.axis: Drag.YAxis
                        preventStealing: true  // the list would take the drag as a flick
                        property real startY: 0
                        onPressed: { startY = card.y; card.z = 10; card.forceActiveFocus() }
                        onCanceled: { card.z = 0; card.y = startY }
                        onReleased: {
                            card.z = 0
                            // The new place: after every other step whose middle is above
                            // the dragged card's middle (one scrolled out of sight, so not
                            // made, stays on the side of the card it was on).
                            const view = card.view
                            const middle = card.y + card.height / 2
                            let to = 0
                            for (let i = 0; i < view.count; ++i) {
                                if (i === card.index)
                                    continue
                                const other = view.itemAtIndex(i)
                                if (other ? other.y + other.height / 2 < middle : i < card.index)
                                    ++to
                            }
                            card.y = startY
                            if (to !== card.index)
                                card.moveRequested(card.index, to)
                        }
                    }
                }

                Rectangle {
                    Layout.preferredWidth: Theme.basePoint * 2.6
                    Layout.preferredHeight: Layout.preferredWidth
                    radius: width / 2
                    color: Theme.accentSoft
                    Text {
                        anchors.centerIn: parent
                        text: card.number
                        color: Theme.textOnAccentSoft
                        font.pointSize: Theme.textSmall
                        font.weight: Font.DemiBold
                    }
                }

                StretchPicture {
                    Layout.preferredWidth: Theme.basePoint * 5
                    Layout.preferredHeight: Layout.preferredWidth
                    source: card.thumbnail
                    caption: card.name
                    compact: true
                }

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Text {
                        objectName: card.objectName + "Name"
                        Layout.fillWidth: true
                        text: card.name
                        color: Theme.text
                        font.pointSize: Theme.textBody
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: text !== ""
                        text: card.summary
                        color: Theme.textMuted
                        font.pointSize: Theme.textSmall
                        elide: Text.ElideRight
                    }
                }

                Text {
                    objectName: card.objectName + "Time"
                    text: card.timeText
                    color: Theme.textMuted
                    font.pointSize: Theme.textSmall
                }

                StepButton {
                    objectName: card.objectName + "Up"
                    text: "↑"
                    enabled: card.index > 0
                    Accessible.name: words.stepCard.moveUp.arg(card.stepWords)
                    onClicked: card.moveRequested(card.index, card.index - 1)
                }
                StepButton {
                    objectName: card.objectName + "Down"
                    text: "↓"
                    enabled: card.view !== null && card.index < card.view.count - 1
                    Accessible.name: words.stepCard.moveDown.arg(card.stepWords)
                    onClicked: card.moveRequested(card.index, card.index + 1)
                }
                StepButton {
                    objectName: card.objectName + "Remove"
                    text: "✕"
                    Accessible.name: words.stepCard.remove.arg(card.stepWords).arg(card.name)
                    onClicked: card.removeRequested(card.index)
                }
            }

            // What the step does: a hold or a counted movement, how often, which sides.
            Flow {
                Layout.fillWidth: true
                spacing: Theme.space3

                ColumnLayout {
                    spacing: 2
                    FieldLabel { text: words.stepCard.type }
                    ChoiceBox {
                        objectName: card.objectName + "Mode"
                        value: card.counted ? "counted" : "held"
                        model: [{ "value": "held", "label": editor.stepLabels.hold },
                                { "value": "counted", "label": words.stepCard.counted }]
                        Accessible.name: words.stepCard.typeName.arg(card.stepWords)
                        onChosen: (value) => editor.stepActions.setStepCounted(card.index, value === "counted")
                    }
                }
                SecondsBox {
                    objectName: card.objectName + "Hold"
                    visible: !card.counted
                    label: editor.stepLabels.hold
                    value: card.hold
                    limits: card.limits.hold
                    inheritable: true
                    inherited: card.holdInherited
                    contextWords: card.stepWords
                    accessibleName: words.stepCard.holdName.arg(card.stepWords)
                    onEdited: (value) => editor.stepActions.setStepValue(card.index, "hold", value)
                    onUseDefault: editor.stepActions.useStepDefault(card.index, "hold")
                }
                SecondsBox {
                    objectName: card.objectName + "Count"
                    visible: card.counted
                    label: words.stepCard.count
                    unit: "×"
                    value: card.count
                    limits: card.limits.count
                    accessibleName: words.stepCard.countName.arg(card.stepWords)
                    onEdited: (value) => editor.stepActions.setStepValue(card.index, "count", value)
                }
                SecondsBox {
                    objectName: card.objectName + "Tempo"
                    visible: card.counted
                    label: words.stepCard.tempo
                    value: card.tempo
                    limits: card.limits.tempo
                    accessibleName: words.stepCard.tempoName.arg(card.stepWords)
                    onEdited: (value) => editor.stepActions.setStepValue(card.index, "tempo", value)
                }
                SecondsBox {
                    objectName: card.objectName + "Reps"
                    label: words.stepCard.reps
                    unit: "×"
                    value: card.reps
                    limits: card.limits.reps
                    accessibleName: words.stepCard.repsName.arg(card.stepWords)
                    onEdited: (value) => editor.stepActions.setStepValue(card.index, "reps", value)
                }
                ColumnLayout {
                    visible: card.sided
                    spacing: 2
                    FieldLabel { text: words.stepCard.sides }
                    ChoiceBox {
                        objectName: card.objectName + "Sides"
                        value: card.sides
                        model: [{ "value": "both", "label": words.stepCard.bothSides },
                                { "value": "left", "label": words.stepCard.leftOnly },
                                { "value": "right", "label": words.stepCard.rightOnly }]
                        Accessible.name: words.stepCard.sidesName.arg(card.stepWords)
                        onChosen: (value) => editor.stepActions.setStepValue(card.index, "sides", value)
                    }
                }
            }

            // The pauses around it, in the order they come: each the routine's default
            // unless the step sets its own.
            Flow {
                Layout.fillWidth: true
                spacing: Theme.space3

                SecondsBox {
                    objectName: card.objectName + "Prepare"
                    label: editor.stepLabels.prepare
                    value: card.prepare
                    limits: card.limits.prepare
                    inheritable: true
                    inherited: card.prepareInherited
                    contextWords: card.stepWords
                    accessibleName: words.stepCard.prepareName.arg(card.stepWords)
                    onEdited: (value) => editor.stepActions.setStepValue(card.index, "prepare", value)
                    onUseDefault: editor.stepActions.useStepDefault(card.index, "prepare")
                }
                SecondsBox {
                    objectName: card.objectName + "Switch"
                    visible: card.showsSwitch
                    label: editor.stepLabels.switch
                    value: card.sideSwitch
                    limits: card.limits["switch"]
                    inheritable: true
                    inherited: card.switchInherited
                    contextWords: card.stepWords
                    accessibleName: words.stepCard.switchName.arg(card.stepWords)
                    onEdited: (value) => editor.stepActions.setStepValue(card.index, "switch", value)
                    onUseDefault: editor.stepActions.useStepDefault(card.index, "switch")
                }
                SecondsBox {
                    objectName: card.objectName + "Relax"
                    visible: card.showsRelax
                    label: editor.stepLabels.relax
                    value: card.relax
                    limits: card.limits.relax
                    inheritable: true
                    inherited: card.relaxInherited
                    contextWords: card.stepWords
                    accessibleName: words.stepCard.relaxName.arg(card.stepWords)
                    onEdited: (value) => editor.stepActions.setStepValue(card.index, "relax", value)
                    onUseDefault: editor.stepActions.useStepDefault(card.index, "relax")
                }
                SecondsBox {
                    objectName: card.objectName + "Rest"
                    label: editor.stepLabels.rest
                    value: card.rest
                    limits: card.limits.rest
                    inheritable: true
                    inherited: card.restInherited
                    contextWords: card.stepWords
                    accessibleName: words.stepCard.restName.arg(card.stepWords)
                    onEdited: (value) => editor.stepActions.setStepValue(card.index, "rest", value)
                    onUseDefault: editor.stepActions.useStepDefault(card.index, "rest")
                }
            }

            FieldProblem {
                objectName: card.objectName + "Problem"
                Layout.fillWidth: true
                text: card.problem
            }
        }
    }
}
