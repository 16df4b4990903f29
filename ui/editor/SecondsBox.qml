import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ".."

// A labelled number input (seconds, repetitions) for one draft value. With
// `inheritable`, a line under it says where the value comes from: "default" when
// it is the routine's, else a "Use default" button that asks for the default back.
ColumnLayout {
    id: box

    property alias label: caption.text
    property string unit: "s"
    property int value: 0
    property var limits: [0, 100]
    property string accessibleName: label
    property bool invalid: false
    property bool inheritable: false
    property bool inherited: false
    property string contextWords: ""  // which step, for the Use default button's description
    readonly property alias input: spin
    signal edited(int value)
    signal useDefault()

    readonly property string spokenName: box.inheritable && box.inherited
                                         ? words.secondsBox.inheritedName.arg(box.accessibleName)
                                         : box.accessibleName

    spacing: 2

    FieldLabel { id: caption }

    RowLayout {
        spacing: Theme.space1
        SpinBox {
            id: spin
            objectName: box.objectName + "Spin"
            from: box.limits[0]
            to: box.limits[1]
            value: box.value
            editable: true
            focusPolicy: Qt.StrongFocus
            font.pointSize: Theme.textBody
            Accessible.name: box.spokenName
            Layout.preferredWidth: Theme.basePoint * 11
            onValueModified: box.edited(value)

            contentItem: TextInput {
                text: spin.displayText
                font: spin.font
                color: Theme.text
                selectionColor: Theme.accent
                selectedTextColor: Theme.textOnAccent
                horizontalAlignment: Qt.AlignHCenter
                verticalAlignment: Qt.AlignVCenter
                readOnly: !spin.editable
                validator: spin.validator
                inputMethodHints: Qt.ImhDigitsOnly
                clip: true
                Accessible.role: Accessible.SpinBox
                Accessible.name: box.spokenName
            }
            up.indicator: Rectangle {
                x: spin.mirrored ? 0 : parent.width - width
                height: parent.height
                implicitWidth: 32
                implicitHeight: 36
                radius: Theme.radiusSmall
                color: spin.up.pressed ? Theme.accentSoft : "transparent"
                Text {
                    anchors.centerIn: parent
                    text: "+"
                    color: spin.up.indicator.enabled ? Theme.accent : Theme.textMuted
                    font.pointSize: Theme.textLarge
                }
            }
            down.indicator: Rectangle {
                x: spin.mirrored ? parent.width - width : 0
                height: parent.height
                implicitWidth: 32
                implicitHeight: 36
                radius: Theme.radiusSmall
                color: spin.down.pressed ? Theme.accentSoft : "transparent"
                Text {
                    anchors.centerIn: parent
                    text: "−"
                    color: spin.down.indicator.enabled ? Theme.accent : Theme.textMuted
                    font.pointSize: Theme.textLarge
                }
            }
            background: Rectangle {
                implicitWidth: 110
                implicitHeight: 36
                radius: Theme.radiusSmall
                color: Theme.surface
                border.width: spin.activeFocus || box.invalid ? 2 : 1
                border.color: spin.activeFocus ? Theme.focus
                              : box.invalid ? Theme.errorText : Theme.border
            }
        }
        Text {
            visible: box.unit !== ""
            text: box.unit
            color: Theme.textMuted
            font.pointSize: Theme.textSmall
        }
    }

    Item {
        visible: box.inheritable
        Layout.preferredWidth: spin.width
        Layout.preferredHeight: useDefaultButton.implicitHeight
        Text {
            objectName: box.objectName + "Default"
            visible: box.inherited
            anchors.verticalCenter: parent.verticalCenter
            text: words.secondsBox.defaultNote
            color: Theme.textMuted
            font.pointSize: Theme.textSmall
            font.italic: true
        }
        AbstractButton {
            id: useDefaultButton
            objectName: box.objectName + "UseDefault"
            x: -leftPadding  // its text in line with the label and the box above
            visible: !box.inherited
            text: words.secondsBox.useDefault
            focusPolicy: Qt.StrongFocus
            hoverEnabled: true
            padding: Theme.space1 / 2
            leftPadding: Theme.space1
            rightPadding: Theme.space1
            Accessible.name: words.secondsBox.useDefaultName.arg(box.label.toLowerCase())
            Accessible.description: box.contextWords
            Keys.onReturnPressed: clicked()
            Keys.onEnterPressed: clicked()
            // The button goes once clicked: the focus stays on this value, in its box.
            onClicked: { spin.forceActiveFocus(Qt.TabFocusReason); box.useDefault() }
            contentItem: Text {
                text: useDefaultButton.text
                color: Theme.accent
                font.pointSize: Theme.textSmall
                font.weight: Font.Medium
                font.underline: useDefaultButton.hovered || useDefaultButton.visualFocus
            }
            background: Rectangle {
                radius: Theme.radiusSmall
                color: useDefaultButton.down ? Theme.accentSoft : "transparent"
                border.width: useDefaultButton.visualFocus ? 2 : 0
                border.color: Theme.focus
            }
        }
    }
}
