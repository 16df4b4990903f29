import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Window
import "editor"

// The routine editor: the routine's fields on the left, its steps on the right, the
// total time, Preview and Save on top. Everything shown comes from the `editor`
// bridge; every change goes back to it. Keys: Ctrl+S saves, Ctrl+Shift+A adds a
// step, Ctrl+Up/Down move the focused step, Delete removes it.
Page {
    id: page

    // True while the editor's own dialogs are up (the window's keys then wait).
    readonly property bool dialogOpen: picker.visible || leaveDialog.visible
                                       || deleteDialog.visible
    property bool closeWindowAfterLeaving: false

    // Leave the editor: straight away when saved, else after asking; closeWindow
    // when the window is closing (it closes once the editor has been left).
    function requestLeave(closeWindow) {
        page.closeWindowAfterLeaving = closeWindow === true
        if (editor.dirty)
            leaveDialog.open()
        else
            page.leave()
    }
    function leave() {
        const closing = page.closeWindowAfterLeaving ? page.Window.window : null
        editor.close()
        if (closing)
            closing.close()
    }
    function focusFirst() { fields.focusTitle() }
    // Delete (or for a new routine, discard) the open routine, once the person says so.
    function askDelete() {
        const prompt = editor.deleting.promptOpen()
        deleteDialog.heading = prompt.heading
        deleteDialog.message = prompt.message
        deleteDialog.acceptText = prompt.accept
        deleteDialog.open()
    }
    function focusStep(index) {
        if (index < 0 || index >= stepList.count)
            return
        stepList.currentIndex = index
        stepList.positionViewAtIndex(index, ListView.Contain)
        const item = stepList.itemAtIndex(index)
        if (item)
            item.forceActiveFocus(Qt.TabFocusReason)
    }
    function moveStep(from, to) {
        const moved = editor.stepActions.moveStep(from, to)
        focusStep(moved)
    }
    function removeStep(index) {
        editor.stepActions.removeStep(index)
        if (stepList.count > 0)
            Qt.callLater(page.focusStep, Math.min(index, stepList.count - 1))
        else
            addButton.forceActiveFocus()
    }
    function addStep(stretchId) {
        const at = editor.stepActions.addStep(stretchId)
        if (at >= 0)
            Qt.callLater(page.focusStep, at)
    }

    objectName: "editorPage"
    focus: true
    background: Rectangle { color: Theme.background }

    Shortcut {
        sequence: "Ctrl+S"
        enabled: editor.canSave && page.visible
        onActivated: editor.save()
    }
    Shortcut {
        sequence: "Ctrl+Shift+A"
        enabled: editor.isOpen && page.visible && !picker.visible
        onActivated: picker.open()
    }
    Shortcut {
        sequence: "Ctrl+Up"
        enabled: stepList.activeFocus && stepList.currentIndex >= 0
        onActivated: page.moveStep(stepList.currentIndex, stepList.currentIndex - 1)
    }
    Shortcut {
        sequence: "Ctrl+Down"
        enabled: stepList.activeFocus && stepList.currentIndex >= 0
        onActivated: page.moveStep(stepList.currentIndex, stepList.currentIndex + 1)
    }

    header: Rectangle {
        implicitHeight: headerLayout.implicitHeight + Theme.space3 * 2
        color: Theme.surface
        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Theme.border
        }

        RowLayout {
            id: headerLayout
            anchors.fill: parent
            anchors.margins: Theme.space3
            anchors.leftMargin: Theme.space4
            anchors.rightMargin: Theme.space4
            spacing: Theme.space3

            BackButton {
                objectName: "editorBack"
                text: words.editorPage.back
                Accessible.name: words.editorPage.leaveTheEditor
                onClicked: page.requestLeave(false)
            }

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Text {
                    objectName: "editorHeading"
                    Layout.fillWidth: true
                    text: (editor.isNew ? words.editorPage.newHeading : words.editorPage.editingHeading)
                          .arg(editor.title || words.editorPage.untitled) + (editor.dirty ? "  •" : "")
                    color: Theme.text
                    font.pointSize: Theme.textLarge
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                    Accessible.role: Accessible.Heading
                    Accessible.name: editor.dirty ? words.editorPage.unsaved.arg(text) : text
                }
                Text {
                    objectName: "editorFile"
                    Layout.fillWidth: true
                    text: editor.isNew ? words.editorPage.willBeSavedAs.arg(editor.filePath) : editor.filePath
                    color: Theme.textMuted
                    font.pointSize: Theme.textSmall
                    elide: Text.ElideMiddle
                }
            }

            ColumnLayout {
                spacing: 0
                Text {
                    objectName: "editorTotal"
                    Layout.alignment: Qt.AlignRight
                    text: editor.totalText
                    color: Theme.text
                    font.pointSize: Theme.textLarge
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.StaticText
                    Accessible.name: words.editorPage.totalName.arg(text)
                }
                Text {
                    Layout.alignment: Qt.AlignRight
                    text: editor.totalCaption
                    color: Theme.textMuted
                    font.pointSize: Theme.textSmall
                }
            }

            AppButton {
                objectName: "editorPreview"
                text: words.editorPage.preview
                enabled: editor.canPreview
                Accessible.name: words.editorPage.previewPlayTheRoutine
                onClicked: editor.preview()
            }
            AppButton {
                objectName: "editorSave"
                kind: "primary"
                text: words.editorPage.save
                enabled: editor.canSave
                Accessible.name: editor.canSave ? words.editorPage.save : words.editorPage.saveNothingToSave
                onClicked: editor.save()
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.space4
        spacing: Theme.space3

        // The file: its place, its own text, revert and delete.
        Flow {
            Layout.fillWidth: true
            spacing: Theme.space2
            AppButton {
                objectName: "editorOpenText"
                kind: "quiet"
                text: words.editorPage.openAsText
                enabled: !editor.isNew
                Accessible.name: words.editorPage.openTheRoutineFile
                onClicked: editor.openFileExternally()
            }
            AppButton {
                objectName: "editorReveal"
                kind: "quiet"
                text: words.editorPage.showInFolder
                Accessible.name: words.editorPage.showTheRoutineFile
                onClicked: editor.revealFile()
            }
            AppButton {
                objectName: "editorRevert"
                kind: "quiet"
                text: words.editorPage.revert
                enabled: editor.dirty && !editor.isNew
                Accessible.name: words.editorPage.revertThrowAwayThe
                onClicked: editor.revert()
            }
            AppButton {
                objectName: "editorDelete"
                kind: "quiet"
                text: editor.isNew ? words.editorPage.discard : words.editorPage.deleteRoutine
                Accessible.name: editor.isNew ? words.editorPage.discardTheNewRoutine : words.editorPage.deleteTheRoutine
                onClicked: page.askDelete()
            }
        }

        Banner {
            objectName: "editorError"
            Layout.fillWidth: true
            text: editor.errorText
            firstAction: words.editorPage.dismiss
            onFirstClicked: editor.dismissError()
        }
        Banner {
            objectName: "editorDisk"
            Layout.fillWidth: true
            error: false
            text: editor.diskNotice
            firstAction: words.editorPage.reloadFromDisk
            secondAction: words.editorPage.keepMyVersion
            onFirstClicked: editor.reloadFromDisk()
            onSecondClicked: editor.keepMine()
        }
        Banner {
            objectName: "editorProblems"
            Layout.fillWidth: true
            error: editor.blocked
            text: editor.problemSummary
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.space4

            ScrollView {
                id: fieldsScroll
                Layout.fillHeight: true
                Layout.preferredWidth: Math.max(Theme.basePoint * 36, page.width * 0.38)
                contentWidth: availableWidth
                clip: true
                RoutineFields {
                    id: fields
                    width: fieldsScroll.availableWidth - Theme.space2
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.space2

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.space2
                    Text {
                        Layout.fillWidth: true
                        text: words.editorPage.steps
                        color: Theme.text
                        font.pointSize: Theme.textTitle
                        font.weight: Font.DemiBold
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    AppButton {
                        id: addButton
                        objectName: "addStepButton"
                        text: words.editorPage.addStep
                        Accessible.name: words.editorPage.addAStepFrom
                        onClicked: picker.open()
                    }
                }
                FieldProblem {
                    objectName: "stepsProblem"
                    Layout.fillWidth: true
                    text: editor.fieldProblems.steps || ""
                }
                Text {
                    Layout.fillWidth: true
                    visible: stepList.count === 0
                    text: words.editorPage.noStepsYetAdd
                    color: Theme.textMuted
                    font.pointSize: Theme.textBody
                    wrapMode: Text.WordWrap
                }

                ListView {
                    id: stepList
                    objectName: "stepList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: editor.steps
                    spacing: Theme.space1
                    keyNavigationEnabled: false
                    // No delegates made ahead in the background: a search or an edit can change
                    // the rows while one is half made, which Qt warns about.
                    cacheBuffer: 0
                    boundsBehavior: Flickable.StopAtBounds
                    // A moved step keeps its place on screen while it moves.
                    move: Transition { NumberAnimation { property: "y"; duration: Theme.fast } }
                    displaced: Transition { NumberAnimation { property: "y"; duration: Theme.fast } }
                    Accessible.role: Accessible.List
                    Accessible.name: words.editorPage.stepsOfTheRoutine
                    ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
                    delegate: StepCard {
                        onMoveRequested: (from, to) => page.moveStep(from, to)
                        onRemoveRequested: (index) => page.removeStep(index)
                    }
                }
            }
        }
    }

    CataloguePicker {
        id: picker
        onPicked: (stretchId) => page.addStep(stretchId)
    }

    AppDialog {
        id: deleteDialog
        objectName: "deleteDialog"
        rejectText: words.editorPage.keep
        acceptIsPrimary: false  // Keep has the focus: Enter does not delete
        onAccepted: editor.deleting.deleteOpen()
    }

    LeaveDialog {
        id: leaveDialog
        onSaveChosen: if (editor.save()) page.leave()
        onDiscardChosen: page.leave()
        onRejected: page.closeWindowAfterLeaving = false
    }
}
