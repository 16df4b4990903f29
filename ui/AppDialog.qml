import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A calm, centred question with two answers.
Dialog {
    id: dialog

    property string heading: ""
    property string message: ""
    property string acceptText: "OK"
    property string rejectText: "Cancel"
    property bool acceptIsPrimary: true

    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - Theme.space8 : 480,
                    Theme.basePoint * 40)
    padding: Theme.space6

    onOpened: (acceptIsPrimary ? acceptButton : rejectButton).forceActiveFocus()

    Overlay.modal: Rectangle { color: Theme.scrim }

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
    }

    contentItem: ColumnLayout {
        spacing: Theme.space3
        Accessible.role: Accessible.Dialog
        Accessible.name: dialog.heading
        Text {
            Layout.fillWidth: true
            text: dialog.heading
            color: Theme.text
            font.pointSize: Theme.textTitle
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
        }
        Text {
            Layout.fillWidth: true
            visible: text !== ""
            text: dialog.message
            color: Theme.textMuted
            font.pointSize: Theme.textBody
            wrapMode: Text.WordWrap
        }
        RowLayout {
            Layout.topMargin: Theme.space2
            Layout.alignment: Qt.AlignRight
            spacing: Theme.space2
            AppButton {
                id: rejectButton
                objectName: dialog.objectName + "Reject"
                kind: dialog.acceptIsPrimary ? "secondary" : "primary"
                text: dialog.rejectText
                onClicked: dialog.reject()
            }
            AppButton {
                id: acceptButton
                objectName: dialog.objectName + "Accept"
                kind: dialog.acceptIsPrimary ? "primary" : "secondary"
                text: dialog.acceptText
                onClicked: dialog.accept()
            }
        }
    }
}
