import QtQuick
import QtQuick.Controls.Basic
import "../../../ui"
import "../../../ui/editor"

// The editor page in a window of its own, as the tests drive it.
ApplicationWindow {
    id: window

    property bool dark: false

    objectName: "editorHarness"
    width: 1180
    height: 820
    visible: true
    color: Theme.background
    font.pointSize: Theme.textBody

    Binding { target: Theme; property: "dark"; value: window.dark }

    EditorPage {
        id: page
        anchors.fill: parent
    }

    SharingDialogs {
        id: sharingDialogs
        objectName: "sharingDialogs"
    }

    UndoToast {
        id: toast
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.space4
        onUndoClicked: editor.deleting.undo()
    }

    Connections {
        target: editor
        function onToast(message, undoable) { toast.show(message, undoable) }
    }
    Connections {
        target: sharing
        function onToast(message, undoable) { toast.show(message, undoable) }
    }
}
