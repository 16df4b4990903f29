import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ".."

// A short notice at the bottom of the window ("Saved", "Deleted … Undo"), gone after a while.
Rectangle {
    id: toast

    property string message: ""
    property bool undoable: false
    signal undoClicked()

    function show(text, canUndo) {
        toast.message = text
        toast.undoable = canUndo
        hideTimer.restart()
    }

    objectName: "undoToast"
    visible: message !== ""
    width: Math.min(parent ? parent.width - Theme.space6 * 2 : 480, Theme.basePoint * 56)
    implicitHeight: row.implicitHeight + Theme.space2 * 2
    radius: Theme.radius
    color: Theme.text
    Accessible.role: Accessible.AlertMessage
    Accessible.name: message

    Timer {
        id: hideTimer
        interval: toast.undoable ? 8000 : 4000
        onTriggered: toast.message = ""
    }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.space2
        anchors.leftMargin: Theme.space4
        spacing: Theme.space2
        Text {
            objectName: "undoToastText"
            Layout.fillWidth: true
            text: toast.message
            color: Theme.background
            font.pointSize: Theme.textBody
            wrapMode: Text.WordWrap
        }
        AbstractButton {
            id: undoButton
            objectName: "undoToastUndo"
            visible: toast.undoable
            text: words.undoToast.undo
            focusPolicy: Qt.StrongFocus
            Accessible.name: words.undoToast.undoName.arg(toast.message)
            padding: Theme.space2
            onClicked: { toast.message = ""; toast.undoClicked() }
            contentItem: Text {
                text: undoButton.text
                color: Theme.background
                font.pointSize: Theme.textBody
                font.weight: Font.Bold
                font.underline: undoButton.visualFocus || undoButton.hovered
            }
            background: Rectangle {
                color: "transparent"
                radius: Theme.radiusSmall
                border.width: undoButton.visualFocus ? 2 : 0
                border.color: Theme.background
            }
        }
        AbstractButton {
            id: closeButton
            objectName: "undoToastClose"
            text: "✕"
            focusPolicy: Qt.StrongFocus
            Accessible.name: words.undoToast.closeTheNotice
            padding: Theme.space2
            onClicked: toast.message = ""
            contentItem: Text {
                text: closeButton.text
                color: Theme.background
                font.pointSize: Theme.textBody
            }
            background: Rectangle {
                color: "transparent"
                radius: Theme.radiusSmall
                border.width: closeButton.visualFocus ? 2 : 0
                border.color: Theme.background
            }
        }
    }
}
