import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Window

// The main window: the library underneath, the page on top, notices, dialogs, keys.
ApplicationWindow {
    id: window

    readonly property bool playing: app.page === "player" && !player.preparing
    readonly property bool dialogOpen: welcomeLoader.active
                                       || (stopLoader.item !== null && stopLoader.item.visible)
                                       || (recoveryLoader.item !== null
                                           && recoveryLoader.item.visible)
                                       || (pageLoader.item !== null
                                           && pageLoader.item.dialogOpen === true)
                                       || (libraryLoader.item !== null
                                           && libraryLoader.item.dialogOpen === true)
    readonly property var pages: ({
        "detail": "DetailPage.qml",
        "player": "PlayerPage.qml",
        "finish": "FinishPage.qml",
        "settings": "SettingsPage.qml",
        "editor": "EditorPage.qml",
        "history": "HistoryPage.qml"
    })

    function showToast(message, undoable) {
        toastLoader.active = true
        toastLoader.item.show(message, undoable)
    }

    function askStop() {
        if (app.page === "player" && stopLoader.item && !stopLoader.item.visible) {
            player.holdForQuestion()
            stopLoader.item.open()
        }
    }

    title: words.main.stretchapp
    width: 1120
    height: 780
    minimumWidth: 720
    minimumHeight: 560
    visible: true
    color: Theme.background
    font.pointSize: Theme.textBody

    // Unsaved changes in the editor: ask before the window goes.
    onClosing: (close) => {
        if (app.page === "editor" && editor.dirty && pageLoader.item) {
            close.accepted = false
            pageLoader.item.requestLeave(true)
        }
    }

    // The system's colour scheme is read here, not in Python (see settings_bridge).
    Binding {
        target: settings
        property: "systemDark"
        value: Application.styleHints.colorScheme === Qt.ColorScheme.Dark
    }
    Binding { target: Theme; property: "dark"; value: settings.dark }

    // The library stays loaded underneath, so coming back to it is instant.
    Loader {
        id: libraryLoader
        anchors.fill: parent
        source: "LibraryPage.qml"
        visible: app.page === "library"
        onLoaded: item.focusFirst()
        onVisibleChanged: if (visible && item) item.focusFirst()
    }

    Loader {
        id: pageLoader
        objectName: "pageLoader"
        anchors.fill: parent
        active: app.page !== "library"
        source: active ? window.pages[app.page] : ""
        onLoaded: {
            item.opacity = 0
            fadeIn.restart()
            item.focusFirst()
        }
        NumberAnimation {
            id: fadeIn
            target: pageLoader.item
            property: "opacity"
            to: 1
            duration: Theme.calm
            easing.type: Easing.OutCubic
        }
    }

    Connections {
        target: app
        function onPageChanged() {
            if (app.page === "detail" && pageLoader.item)
                pageLoader.item.focusFirst()
        }
        // The detail page for another routine reuses the loaded page.
        function onDetailIdChanged() {
            if (app.page === "detail" && pageLoader.item)
                pageLoader.item.focusFirst()
        }
    }

    Connections {
        target: pageLoader.item
        ignoreUnknownSignals: true
        function onStopRequested() { window.askStop() }
    }

    // Notices: a damaged settings file, no audio output, an unknown routine.
    Column {
        id: noticeColumn
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.space4
        width: Math.min(parent.width - Theme.space6 * 2, Theme.contentWidth)
        spacing: Theme.space2
        Repeater {
            model: app.notices
            delegate: Rectangle {
                id: notice
                required property string modelData
                required property int index
                objectName: "notice_" + index
                width: parent.width
                height: noticeRow.implicitHeight + Theme.space2 * 2
                radius: Theme.radius
                color: Theme.warnBg
                border.color: Theme.warnText
                Accessible.role: Accessible.AlertMessage
                Accessible.name: modelData
                // A notice is read once; it then leaves by itself so it never
                // keeps covering the player's controls.
                Timer {
                    interval: 10000
                    running: true
                    onTriggered: app.dismissNoticeText(notice.modelData)
                }
                RowLayout {
                    id: noticeRow
                    anchors.fill: parent
                    anchors.margins: Theme.space2
                    anchors.leftMargin: Theme.space4
                    spacing: Theme.space2
                    Text {
                        Layout.fillWidth: true
                        text: notice.modelData
                        color: Theme.warnText
                        font.pointSize: Theme.textBody
                        wrapMode: Text.WordWrap
                    }
                    AppButton {
                        objectName: "dismissNotice_" + notice.index
                        kind: "quiet"
                        text: words.main.dismiss
                        Accessible.name: words.main.dismissTheNotice
                        onClicked: app.dismissNotice(notice.index)
                    }
                }
            }
        }
    }

    // "Saved", "Deleted … Undo", "Imported …" from the editor and sharing bridges;
    // the toast is made with the first of them, not for the first frame.
    Loader {
        id: toastLoader
        width: Math.min(parent.width - Theme.space6 * 2, Theme.basePoint * 56)
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: noticeColumn.top
        anchors.bottomMargin: Theme.space2
        active: false
        source: "editor/UndoToast.qml"
    }
    Connections {
        target: toastLoader.item
        function onUndoClicked() { editor.deleting.undo() }
    }
    Connections {
        target: editor
        function onToast(message, undoable) { window.showToast(message, undoable) }
    }
    Connections {
        target: sharing
        function onToast(message, undoable) { window.showToast(message, undoable) }
    }

    // The dialogs are only built when they can be needed.
    Loader {
        id: stopLoader
        active: app.page === "player"
        sourceComponent: AppDialog {
            objectName: "stopDialog"
            heading: words.main.stopThisRoutine
            message: words.main.youCanStartIt
            acceptText: words.main.stop
            rejectText: words.main.keepGoing
            acceptIsPrimary: false
            onAccepted: player.stop()
            onRejected: player.releaseQuestion()
        }
    }

    Loader {
        id: recoveryLoader
        active: app.recoveryTitle !== ""
        sourceComponent: AppDialog {
            objectName: "recoveryDialog"
            heading: words.main.recoveryHeading.arg(app.recoveryTitle)
            message: words.main.recoveryMessage
            acceptText: words.main.continueButton
            rejectText: words.main.notNow
            Component.onCompleted: open()
            onAccepted: app.continueInterrupted()
            onRejected: app.discardInterrupted()
        }
    }

    // The first-launch screen, over everything until it is read.
    Loader {
        id: welcomeLoader
        anchors.fill: parent
        active: !settings.welcomeSeen
        source: active ? "WelcomeScreen.qml" : ""
        onLoaded: item.focusFirst()
    }

    // Keys that work from anywhere in the window.
    Shortcut {
        sequence: "Space"
        enabled: window.playing && !window.dialogOpen
        onActivated: player.togglePause()
    }
    Shortcut {
        sequence: "Right"
        enabled: window.playing && !window.dialogOpen
        onActivated: player.skip()
    }
    Shortcut {
        sequence: "Left"
        enabled: window.playing && !window.dialogOpen
        onActivated: player.back()
    }
    Shortcut {
        sequence: "Esc"
        enabled: !window.dialogOpen && app.page !== "library"
        onActivated: app.page === "player" ? window.askStop()
                     : app.page === "editor" ? pageLoader.item.requestLeave(false)
                     : app.goBack()
    }
    Shortcut {
        sequence: "F"
        enabled: !window.dialogOpen
        onActivated: window.visibility = window.visibility === Window.FullScreen
                     ? Window.Windowed : Window.FullScreen
    }
    Shortcut {
        sequence: "M"
        enabled: !window.dialogOpen
        onActivated: settings.toggleMute()
    }
}
