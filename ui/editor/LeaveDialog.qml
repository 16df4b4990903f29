import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ".."

// "Save your changes?" when leaving the editor with unsaved changes.
Dialog {
    id: dialog

    signal saveChosen()
    signal discardChosen()

    objectName: "leaveDialog"
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - Theme.space8 : 480,
                    Theme.basePoint * 44)
    padding: Theme.space6

    onOpened: saveButton.enabled ? saveButton.forceActiveFocus() : keepButton.forceActiveFocus()

    Overlay.modal: Rectangle { color: Theme.scrim }

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
    }

    contentItem: ColumnLayout {
        Accessible.role: Accessible.Dialog
        Accessible.name: words.leaveDialog.saveYourChanges
        spacing: Theme.space3
        Text {
            Layout.fillWidth: true
            text: words.leaveDialog.heading.arg(editor.title || editor.fileName)
            color: Theme.text
            font.pointSize: Theme.textTitle
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
        }
        Text {
            Layout.fillWidth: true
            text: editor.canSave ? words.leaveDialog.changesLost : words.leaveDialog.cannotSave
            color: Theme.textMuted
            font.pointSize: Theme.textBody
            wrapMode: Text.WordWrap
        }
        RowLayout {
            Layout.topMargin: Theme.space2
            Layout.alignment: Qt.AlignRight
            spacing: Theme.space2
            AppButton {
                objectName: "leaveDiscard"
                kind: "quiet"
                text: words.leaveDialog.discardChanges
                onClicked: { dialog.close(); dialog.discardChosen() }
            }
            AppButton {
                id: keepButton
                objectName: "leaveKeep"
                text: words.leaveDialog.keepEditing
                onClicked: dialog.reject()
            }
            AppButton {
                id: saveButton
                objectName: "leaveSave"
                kind: "primary"
                text: words.leaveDialog.save
                enabled: editor.canSave
                onClicked: { dialog.close(); dialog.saveChosen() }
            }
        }
    }
}
