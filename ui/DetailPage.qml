import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import "editor"

// One routine: what it is for, how to stay safe, its steps and its total time; Start.
Rectangle {
    id: page

    readonly property var routine: library.detail

    objectName: "detailPage"
    color: Theme.background

    readonly property bool dialogOpen: (sharingDialogs.item !== null && sharingDialogs.item.dialogOpen)
                                       || deleteDialog.visible

    function focusFirst() { startButton.forceActiveFocus() }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: content.implicitHeight + Theme.space8 * 2
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }

        ColumnLayout {
            id: content
            width: Math.min(flick.width - Theme.space6 * 2, Theme.contentWidth)
            x: (flick.width - width) / 2
            y: Theme.space4
            spacing: Theme.space4

            BackButton {
                objectName: "detailBack"
                text: words.detailPage.library
                Accessible.name: words.detailPage.backToTheLibrary
                Layout.leftMargin: -Theme.space3
                onClicked: app.goBack()
            }

            Flow {
                Layout.fillWidth: true
                spacing: Theme.space1
                Chip {
                    text: page.routine.kindLabel || ""
                    color: Theme.role(page.routine.kindBg)
                    textColor: Theme.role(page.routine.kindText)
                }
                Chip { text: page.routine.groupLabel || "" }
                Chip {
                    visible: page.routine.user === true
                    text: words.detailPage.yours
                    color: Theme.userBg
                    textColor: Theme.userText
                }
            }

            Text {
                objectName: "detailTitle"
                Layout.fillWidth: true
                text: page.routine.title || ""
                color: Theme.text
                font.pointSize: Theme.textHeadline
                font.weight: Font.Bold
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            Text {
                objectName: "detailDescription"
                Layout.fillWidth: true
                visible: text !== ""
                text: page.routine.description || ""
                color: Theme.text
                font.pointSize: Theme.textBody
                lineHeight: 1.25
                wrapMode: Text.WordWrap
            }

            // Total time and Start.
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: startRow.implicitHeight + Theme.space4 * 2
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                RowLayout {
                    id: startRow
                    anchors.fill: parent
                    anchors.margins: Theme.space4
                    spacing: Theme.space4
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Text {
                            objectName: "detailTotal"
                            text: page.routine.totalText || ""
                            color: Theme.text
                            font.pointSize: Theme.textTitle
                            font.weight: Font.DemiBold
                        }
                        Text {
                            text: page.routine.totalCaption || ""
                            color: Theme.textMuted
                            font.pointSize: Theme.textSmall
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                        }
                    }
                    AppButton {
                        id: startButton
                        objectName: "startButton"
                        kind: "primary"
                        large: true
                        text: words.detailPage.start
                        Accessible.name: words.detailPage.startRoutine.arg(page.routine.title || words.detailPage.theRoutine)
                        onClicked: app.startRoutine(page.routine.id)
                    }
                }
            }

            // Make it one's own: edit a copy (or the user's own file), export, delete.
            Flow {
                Layout.fillWidth: true
                spacing: Theme.space2
                AppButton {
                    objectName: "customiseButton"
                    text: page.routine.user === true ? words.detailPage.edit : words.detailPage.customise
                    Accessible.name: page.routine.user === true
                                     ? words.detailPage.editName
                                     : words.detailPage.customiseName
                    // The editor is made on the first click that needs it.
                    onClicked: { editing.ensure(); editor.customise(page.routine.id) }
                }
                AppButton {
                    objectName: "exportButton"
                    visible: page.routine.user === true
                    kind: "quiet"
                    text: words.detailPage.exportButton
                    Accessible.name: words.detailPage.exportThisRoutineTo
                    onClicked: { editing.ensure(); sharingDialogs.item.exportRoutine(page.routine.id) }
                }
                AppButton {
                    objectName: "deleteButton"
                    visible: page.routine.user === true
                    kind: "quiet"
                    text: words.detailPage.deleteButton
                    Accessible.name: words.detailPage.deleteThisRoutineYou
                    onClicked: {
                        editing.ensure()
                        const prompt = editor.deleting.prompt(page.routine.id)
                        deleteDialog.heading = prompt.heading
                        deleteDialog.message = prompt.message
                        deleteDialog.acceptText = prompt.accept
                        deleteDialog.routineId = page.routine.id
                        deleteDialog.open()
                    }
                }
            }
            Text {
                objectName: "detailEditorError"
                Layout.fillWidth: true
                visible: text !== ""
                text: editor !== null && !editor.isOpen ? editor.errorText : ""
                color: Theme.errorText
                font.pointSize: Theme.textSmall
                wrapMode: Text.WordWrap
            }

            // What to have at hand, from the props the steps' pictures draw.
            Text {
                objectName: "detailNeeds"
                Layout.fillWidth: true
                text: page.routine.needsLine || ""
                color: Theme.text
                font.pointSize: Theme.textBody
                wrapMode: Text.WordWrap
            }

            Rectangle {
                objectName: "detailSafety"
                Layout.fillWidth: true
                visible: (page.routine.safety || "") !== ""
                         || (page.routine.redFlags || []).length > 0
                implicitHeight: safetyColumn.implicitHeight + Theme.space3 * 2
                radius: Theme.radius
                color: Theme.warnBg
                ColumnLayout {
                    id: safetyColumn
                    anchors.fill: parent
                    anchors.margins: Theme.space3
                    spacing: Theme.space1
                    Text {
                        text: words.detailPage.staySafe
                        color: Theme.warnText
                        font.pointSize: Theme.textBody
                        font.weight: Font.DemiBold
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: text !== ""
                        text: page.routine.safety || ""
                        color: Theme.warnText
                        font.pointSize: Theme.textBody
                        wrapMode: Text.WordWrap
                    }
                    // A relief routine's red flags: the signs to stop and get help.
                    Text {
                        objectName: "detailRedFlagsHeading"
                        Layout.topMargin: Theme.space1
                        visible: (page.routine.redFlags || []).length > 0
                        text: page.routine.redFlagsHeading || ""
                        color: Theme.warnText
                        font.pointSize: Theme.textBody
                        font.weight: Font.DemiBold
                    }
                    Repeater {
                        model: page.routine.redFlags || []
                        delegate: Text {
                            required property string modelData
                            objectName: "detailRedFlag"
                            Layout.fillWidth: true
                            text: "•  " + modelData
                            color: Theme.warnText
                            font.pointSize: Theme.textBody
                            wrapMode: Text.WordWrap
                        }
                    }
                }
            }

            Text {
                Layout.topMargin: Theme.space2
                text: words.detailPage.steps
                color: Theme.text
                font.pointSize: Theme.textTitle
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            Repeater {
                model: page.routine.steps || []
                delegate: Rectangle {
                    id: stepRow
                    required property var modelData
                    objectName: "detailStep_" + modelData.number
                    Layout.fillWidth: true
                    implicitHeight: stepLayout.implicitHeight + Theme.space3 * 2
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.border
                    Accessible.role: Accessible.ListItem
                    Accessible.name: modelData.accessibleName

                    RowLayout {
                        id: stepLayout
                        anchors.fill: parent
                        anchors.margins: Theme.space3
                        spacing: Theme.space3
                        Rectangle {
                            Layout.preferredWidth: Theme.basePoint * 2.8
                            Layout.preferredHeight: Layout.preferredWidth
                            radius: width / 2
                            color: Theme.accentSoft
                            Text {
                                anchors.centerIn: parent
                                text: stepRow.modelData.number
                                color: Theme.textOnAccentSoft
                                font.pointSize: Theme.textBody
                                font.weight: Font.DemiBold
                            }
                        }
                        StretchPicture {
                            Layout.preferredWidth: Theme.basePoint * 5.5
                            Layout.preferredHeight: Layout.preferredWidth
                            source: stepRow.modelData.thumbnail
                            compact: true
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 2
                            Text {
                                Layout.fillWidth: true
                                text: stepRow.modelData.name
                                color: Theme.text
                                font.pointSize: Theme.textBody
                                font.weight: Font.DemiBold
                                wrapMode: Text.WordWrap
                            }
                            Text {
                                Layout.fillWidth: true
                                text: stepRow.modelData.summary
                                color: Theme.textMuted
                                font.pointSize: Theme.textSmall
                                wrapMode: Text.WordWrap
                            }
                            Text {
                                Layout.fillWidth: true
                                visible: text !== ""
                                text: stepRow.modelData.sides
                                color: Theme.textMuted
                                font.pointSize: Theme.textSmall
                            }
                            Text {
                                objectName: "detailCaution_" + stepRow.modelData.number
                                Layout.fillWidth: true
                                visible: text !== ""
                                text: stepRow.modelData.cautionText
                                color: Theme.warnText
                                font.pointSize: Theme.textSmall
                                wrapMode: Text.WordWrap
                            }
                        }
                        Text {
                            text: stepRow.modelData.time
                            color: Theme.textMuted
                            font.pointSize: Theme.textSmall
                            Layout.alignment: Qt.AlignVCenter
                        }
                    }
                }
            }
        }
    }

    AppDialog {
        id: deleteDialog
        property string routineId: ""
        objectName: "deleteDialog"
        rejectText: words.detailPage.keep
        acceptIsPrimary: false  // Keep has the focus: Enter does not delete
        onAccepted: editor.deleting.deleteRoutine(routineId)
    }

    // Made with the sharing bridge (the first Export or Import asks for it).
    Loader {
        id: sharingDialogs
        active: sharing !== null
        sourceComponent: SharingDialogs { objectName: "detailSharing" }
    }
}
