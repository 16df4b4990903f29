import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ".."

// A labelled number input (seconds, repetitions) for one draft value.
ColumnLayout {
    id: box

    property alias label: caption.text
    property string unit: "s"
    property int value: 0
    property var limits: [0, 100]
    property string accessibleName: label
    property bool invalid: false
    readonly property alias input: spin
    signal edited(int value)

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
            Accessible.name: box.accessibleName
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
                Accessible.name: box.accessibleName
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
}
