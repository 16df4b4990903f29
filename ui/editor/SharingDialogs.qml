import QtCore
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Dialogs
import QtQuick.Layouts
import ".."

// Export and import from the library: the system's file dialogs, then, for an
// import, what it would add and replace, asked before anything is written.
// Place one in a page and call exportRoutine(id) or importFile().
Item {
    id: dialogs

    // True while one of these dialogs is up (the window's keys then wait).
    readonly property bool dialogOpen: planDialog.visible || errorDialog.visible

    function exportRoutine(routineId) {
        exportDialog.routineId = routineId
        exportDialog.selectedFile = exportDialog.currentFolder + "/" + routineId + ".yaml"
        exportDialog.open()
    }
    function importFile() { importDialog.open() }
    // What the file dialogs do with the file chosen (also for a file given another way).
    function exportTo(fileUrl) { sharing.exportRoutine(exportDialog.routineId, fileUrl) }
    // The plan is made off the GUI thread; its dialog opens when sharing says it is ready.
    function importFrom(fileUrl) { sharing.planImport(fileUrl) }
    // The plan sharing.planImport made (from a file dropped or given some other way).
    function showPlan() { if (sharing.importing) planDialog.open() }

    FileDialog {
        id: exportDialog
        property string routineId: ""
        objectName: "exportDialog"
        title: words.sharingDialogs.exportTheRoutine
        fileMode: FileDialog.SaveFile
        nameFilters: ["Routine files (*.yaml *.zip)"]
        currentFolder: StandardPaths.writableLocation(StandardPaths.DocumentsLocation)
        onAccepted: dialogs.exportTo(selectedFile)
    }

    FileDialog {
        id: importDialog
        objectName: "importDialog"
        title: words.sharingDialogs.importARoutine
        fileMode: FileDialog.OpenFile
        nameFilters: ["Routines (*.yaml *.yml *.zip)"]
        currentFolder: StandardPaths.writableLocation(StandardPaths.DownloadLocation)
        onAccepted: dialogs.importFrom(selectedFile)
    }

    // What the import would do; Import stays off until replacing is agreed to.
    Dialog {
        id: planDialog
        objectName: "importPlanDialog"
        modal: true
        focus: true
        closePolicy: Popup.CloseOnEscape
        anchors.centerIn: Overlay.overlay
        width: Math.min(Overlay.overlay ? Overlay.overlay.width - Theme.space8 : 520,
                        Theme.basePoint * 52)
        padding: Theme.space6
        onOpened: replaceSwitch.checked = false
        onRejected: sharing.cancelImport()

        Overlay.modal: Rectangle { color: Theme.scrim }
        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
        }

        contentItem: ColumnLayout {
            spacing: Theme.space2
            Accessible.role: Accessible.Dialog
            Accessible.name: words.sharingDialogs.importARoutine

            Text {
                text: sharing.canImport ? words.sharingDialogs.importThis : words.sharingDialogs.thisFileCannotBe
                color: Theme.text
                font.pointSize: Theme.textTitle
                font.weight: Font.DemiBold
            }
            Repeater {
                model: sharing.importSummary
                delegate: Text {
                    required property string modelData
                    required property int index
                    objectName: "importSummary_" + index
                    Layout.fillWidth: true
                    text: modelData
                    color: index === 0 ? Theme.textMuted : Theme.text
                    font.pointSize: index === 0 ? Theme.textSmall : Theme.textBody
                    wrapMode: Text.WrapAnywhere
                }
            }
            Repeater {
                model: sharing.importProblems
                delegate: FieldProblem {
                    required property string modelData
                    Layout.fillWidth: true
                    text: modelData
                    wrapMode: Text.WrapAnywhere
                }
            }
            Rectangle {
                Layout.fillWidth: true
                Layout.topMargin: Theme.space1
                visible: sharing.importReplaces.length > 0 && sharing.canImport
                implicitHeight: replaceColumn.implicitHeight + Theme.space3 * 2
                radius: Theme.radiusSmall
                color: Theme.warnBg
                ColumnLayout {
                    id: replaceColumn
                    anchors.fill: parent
                    anchors.margins: Theme.space3
                    spacing: Theme.space1
                    Text {
                        Layout.fillWidth: true
                        text: words.sharingDialogs.itWouldReplace
                        color: Theme.warnText
                        font.pointSize: Theme.textBody
                        font.weight: Font.DemiBold
                    }
                    Repeater {
                        model: sharing.importReplaces
                        delegate: Text {
                            required property string modelData
                            Layout.fillWidth: true
                            text: "• " + modelData
                            color: Theme.warnText
                            font.pointSize: Theme.textSmall
                            wrapMode: Text.WrapAnywhere
                        }
                    }
                    AppSwitch {
                        id: replaceSwitch
                        objectName: "importReplace"
                        text: words.sharingDialogs.replaceThemTheOld
                        Layout.fillWidth: true
                    }
                }
            }
            FieldProblem {
                objectName: "importError"
                Layout.fillWidth: true
                text: sharing.errorText
            }
            RowLayout {
                Layout.topMargin: Theme.space2
                Layout.alignment: Qt.AlignRight
                spacing: Theme.space2
                AppButton {
                    objectName: "importCancel"
                    text: words.sharingDialogs.cancel
                    onClicked: planDialog.reject()
                }
                AppButton {
                    objectName: "importConfirm"
                    kind: "primary"
                    text: words.sharingDialogs.importButton
                    enabled: sharing.canImport
                             && (sharing.importReplaces.length === 0 || replaceSwitch.checked)
                    onClicked: if (sharing.confirmImport(replaceSwitch.checked)) planDialog.close()
                }
            }
        }
    }

    // Why an export or the reading of an import failed (the plan dialog shows its own).
    Dialog {
        id: errorDialog
        objectName: "sharingErrorDialog"
        modal: true
        focus: true
        anchors.centerIn: Overlay.overlay
        width: Math.min(Overlay.overlay ? Overlay.overlay.width - Theme.space8 : 480,
                        Theme.basePoint * 44)
        padding: Theme.space6
        onClosed: sharing.dismissError()
        Overlay.modal: Rectangle { color: Theme.scrim }
        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
        }
        contentItem: ColumnLayout {
            spacing: Theme.space3
            Accessible.role: Accessible.Dialog
            Accessible.name: words.sharingDialogs.notDone
            Text {
                objectName: "sharingErrorText"
                Layout.fillWidth: true
                text: sharing.errorText
                color: Theme.errorText
                font.pointSize: Theme.textBody
                wrapMode: Text.WordWrap
            }
            AppButton {
                Layout.alignment: Qt.AlignRight
                kind: "primary"
                text: words.sharingDialogs.ok
                onClicked: errorDialog.close()
            }
        }
    }

    Connections {
        target: sharing
        function onPlanReady() { planDialog.open() }
        function onErrorChanged() {
            if (sharing.errorText !== "" && !planDialog.visible)
                errorDialog.open()
        }
    }
}
