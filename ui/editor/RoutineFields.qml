import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ".."

// The routine's own fields: title, description, kind, group, safety, the timing
// every step inherits, and the cues. Each shows the problems found in it.
ColumnLayout {
    id: fields

    readonly property var problems: editor.fieldProblems
    readonly property var defaults: editor.defaults
    readonly property var cues: editor.cues
    readonly property var limits: editor.limits

    function focusTitle() { title.forceActiveFocus() }

    spacing: Theme.space4

    SettingsSection {
        title: words.routineFields.routine

        FieldLabel { text: words.routineFields.title }
        EditorTextField {
            id: title
            objectName: "titleField"
            Layout.fillWidth: true
            value: editor.title
            invalid: (fields.problems.title || "") !== ""
            placeholderText: words.routineFields.aNamePeopleWill
            Accessible.name: words.routineFields.title
            onEdited: (text) => editor.setField("title", text)
        }
        FieldProblem {
            objectName: "titleProblem"
            Layout.fillWidth: true
            text: fields.problems.title || ""
        }

        FieldLabel { text: words.routineFields.description; Layout.topMargin: Theme.space1 }
        EditorTextArea {
            objectName: "descriptionField"
            Layout.fillWidth: true
            value: editor.description
            invalid: (fields.problems.description || "") !== ""
            placeholderText: words.routineFields.whatTheRoutineIs
            Accessible.name: words.routineFields.description
            onEdited: (text) => editor.setField("description", text)
        }
        FieldProblem {
            Layout.fillWidth: true
            text: fields.problems.description || ""
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: Theme.space1
            spacing: Theme.space3
            ColumnLayout {
                spacing: 2
                FieldLabel { text: words.routineFields.kind }
                ChoiceBox {
                    objectName: "kindField"
                    model: editor.kinds
                    value: editor.kind
                    invalid: (fields.problems.kind || "") !== ""
                    Accessible.name: words.routineFields.kindOfRoutine
                    onChosen: (value) => editor.setField("kind", value)
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                FieldLabel { text: words.routineFields.muscleGroup }
                ComboBox {
                    id: group
                    objectName: "groupField"
                    Layout.fillWidth: true
                    editable: true
                    model: editor.groups
                    focusPolicy: Qt.StrongFocus
                    font.pointSize: Theme.textBody
                    Accessible.name: words.routineFields.muscleGroup
                    onActivated: editor.setField("group", currentText)
                    onAccepted: editor.setField("group", editText)
                    onEditTextChanged: if (contentItem.activeFocus && editText !== editor.group)
                                           editor.setField("group", editText)
                    Binding on editText {
                        value: editor.group
                        when: !group.contentItem.activeFocus
                        restoreMode: Binding.RestoreNone
                    }
                    contentItem: TextField {
                        text: group.editText
                        font: group.font
                        color: Theme.text
                        selectionColor: Theme.accent
                        selectedTextColor: Theme.textOnAccent
                        leftPadding: Theme.space3
                        rightPadding: Theme.space2
                        verticalAlignment: Text.AlignVCenter
                        background: null
                        Accessible.name: words.routineFields.muscleGroup
                    }
                    indicator: Text {
                        x: group.width - width - Theme.space3
                        y: (group.height - height) / 2
                        text: "▾"
                        color: Theme.textMuted
                        font.pointSize: Theme.textBody
                    }
                    background: Rectangle {
                        implicitWidth: 140
                        implicitHeight: 36
                        radius: Theme.radiusSmall
                        color: Theme.surface
                        readonly property bool invalid: (fields.problems.group || "") !== ""
                        border.width: group.activeFocus || invalid ? 2 : 1
                        border.color: group.activeFocus ? Theme.focus
                                      : invalid ? Theme.errorText : Theme.border
                    }
                    popup.background: Rectangle {
                        color: Theme.surface
                        border.color: Theme.border
                        radius: Theme.radiusSmall
                    }
                    delegate: ItemDelegate {
                        id: groupChoice
                        required property var modelData
                        required property int index
                        width: group.width
                        highlighted: group.highlightedIndex === index
                        contentItem: Text {
                            text: groupChoice.modelData
                            color: groupChoice.highlighted ? Theme.textOnAccent : Theme.text
                            font: group.font
                        }
                        background: Rectangle {
                            color: groupChoice.highlighted ? Theme.accent : Theme.surface
                        }
                    }
                }
            }
        }
        FieldProblem {
            objectName: "kindProblem"
            Layout.fillWidth: true
            text: fields.problems.kind || ""
        }
        FieldProblem {
            objectName: "groupProblem"
            Layout.fillWidth: true
            text: fields.problems.group || ""
        }

        FieldLabel { text: words.routineFields.safetyNoteShownBefore; Layout.topMargin: Theme.space1 }
        EditorTextArea {
            objectName: "safetyField"
            Layout.fillWidth: true
            value: editor.safety
            invalid: (fields.problems.safety || "") !== ""
            placeholderText: words.routineFields.forExampleStopIf
            Accessible.name: words.routineFields.safetyNote
            onEdited: (text) => editor.setField("safety", text)
        }
        FieldProblem {
            Layout.fillWidth: true
            text: fields.problems.safety || ""
        }
    }

    SettingsSection {
        title: words.routineFields.timingForEveryStep

        Text {
            Layout.fillWidth: true
            text: words.routineFields.stepsUseTheseUnless
            color: Theme.textMuted
            font.pointSize: Theme.textSmall
            wrapMode: Text.WordWrap
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.space3
            Repeater {
                model: editor.timingFields
                delegate: SecondsBox {
                    required property var modelData
                    objectName: "default_" + modelData.name
                    label: modelData.label
                    value: fields.defaults[modelData.name]
                    limits: fields.limits[modelData.name]
                    invalid: (fields.problems["defaults." + modelData.name] || "") !== ""
                    accessibleName: words.routineFields.defaultName.arg(modelData.label)
                    onEdited: (value) => editor.setDefault(modelData.name, value)
                }
            }
        }
        Repeater {
            model: ["prepare", "hold", "rest", "switch", "relax"]
            delegate: FieldProblem {
                required property string modelData
                Layout.fillWidth: true
                text: fields.problems["defaults." + modelData] || ""
            }
        }
    }

    SettingsSection {
        title: words.routineFields.cues

        SecondsBox {
            objectName: "cueCountdown"
            label: words.routineFields.countdownBeepsAtThe
            unit: words.routineFields.beeps
            value: fields.cues.countdown
            limits: fields.limits.countdown
            accessibleName: words.routineFields.countdownBeepsAtThe2
            onEdited: (value) => editor.setCue("countdown", value)
        }
        AppSwitch {
            objectName: "cueHalfway"
            text: words.routineFields.aCueHalfwayThrough
            checked: fields.cues.halfway
            onToggled: editor.setCue("halfway", checked)
        }
        AppSwitch {
            objectName: "cueVoice"
            text: words.routineFields.spokenCues
            checked: fields.cues.voice
            onToggled: editor.setCue("voice", checked)
        }
        Repeater {
            model: ["countdown", "halfway", "voice"]
            delegate: FieldProblem {
                required property string modelData
                Layout.fillWidth: true
                text: fields.problems["cues." + modelData] || ""
            }
        }
    }

    // Problems that belong to no field shown here (an unknown key, a YAML error...).
    Repeater {
        model: editor.otherProblems
        delegate: FieldProblem {
            required property string modelData
            Layout.fillWidth: true
            text: modelData
        }
    }
}
