import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The first screen: routines grouped by muscle group, filtered by kind and by text.
Rectangle {
    id: page

    objectName: "libraryPage"
    color: Theme.background

    readonly property bool dialogOpen: sharingLoader.item !== null
                                       && sharingLoader.item.dialogOpen

    function focusFirst() { search.forceActiveFocus() }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: content.implicitHeight + Theme.space8
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }

        ColumnLayout {
            id: content
            width: Math.min(flick.width - Theme.space6 * 2, Theme.contentWidth * 1.4)
            x: (flick.width - width) / 2
            y: Theme.space6
            spacing: Theme.space4

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.space3
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.space1
                    Text {
                        text: "Stretch"
                        color: Theme.text
                        font.pointSize: Theme.textHeadline
                        font.weight: Font.Bold
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    Text {
                        Layout.fillWidth: true
                        text: "Pick a routine for the muscle that needs it, and follow along."
                        color: Theme.textMuted
                        font.pointSize: Theme.textBody
                        wrapMode: Text.WordWrap
                    }
                }
                AppButton {
                    objectName: "newRoutineButton"
                    kind: "quiet"
                    text: "New routine"
                    Accessible.name: "New routine: start an empty one of your own"
                    enabled: editor !== null
                    onClicked: editor.newRoutine()
                }
                AppButton {
                    objectName: "importButton"
                    kind: "quiet"
                    text: "Import…"
                    Accessible.name: "Import a routine file someone shared"
                    enabled: sharingLoader.item !== null
                    onClicked: sharingLoader.item.importFile()
                }
                AppButton {
                    objectName: "settingsButton"
                    kind: "quiet"
                    text: "Settings"
                    Accessible.name: "Settings"
                    onClicked: app.openSettings()
                }
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.space3

                TextField {
                    id: search
                    objectName: "searchField"
                    Layout.fillWidth: true
                    Layout.minimumWidth: Theme.basePoint * 14
                    placeholderText: "Search routines and stretches"
                    placeholderTextColor: Theme.textMuted
                    text: library.searchText
                    color: Theme.text
                    font.pointSize: Theme.textBody
                    leftPadding: Theme.space3
                    rightPadding: Theme.space3
                    topPadding: Theme.space2
                    bottomPadding: Theme.space2
                    selectByMouse: true
                    Accessible.name: "Search routines"
                    // Focused for the keyboard at start, but no blinking cursor (a
                    // repaint twice a second) until the user clicks or types here.
                    property bool used: false
                    onActiveFocusChanged: if (!activeFocus) used = false
                    onPressed: used = true
                    Keys.onPressed: (event) => { used = true; event.accepted = false }
                    cursorDelegate: Rectangle {
                        width: 2
                        color: Theme.text
                        opacity: search.used ? 1 : 0
                    }
                    onTextEdited: library.setSearchText(text)
                    Keys.onEscapePressed: { text = ""; library.setSearchText("") }
                    background: Rectangle {
                        implicitHeight: 42
                        radius: height / 2
                        color: Theme.surface
                        border.width: search.activeFocus ? 2 : 1
                        border.color: search.activeFocus ? Theme.focus : Theme.border
                    }
                }

                Row {
                    id: kinds
                    spacing: Theme.space1
                    Accessible.role: Accessible.PageTabList
                    Accessible.name: "Show routines of a kind"
                    Repeater {
                        model: library.kinds
                        delegate: AbstractButton {
                            id: kindButton
                            required property var modelData
                            readonly property bool selected: library.kindFilter === modelData.value
                            objectName: "kindFilter_" + (modelData.value || "all")
                            text: modelData.label
                            checkable: false
                            focusPolicy: Qt.StrongFocus
                            hoverEnabled: true
                            Accessible.role: Accessible.PageTab
                            Accessible.name: "Show " + (modelData.value ? modelData.label : "all kinds")
                            Accessible.checked: selected
                            leftPadding: Theme.space3
                            rightPadding: Theme.space3
                            topPadding: Theme.space2
                            bottomPadding: Theme.space2
                            onClicked: library.setKindFilter(modelData.value)
                            contentItem: Text {
                                text: kindButton.text
                                color: kindButton.selected ? Theme.textOnAccent : Theme.text
                                font.pointSize: Theme.textBody
                                font.weight: kindButton.selected ? Font.DemiBold : Font.Normal
                                verticalAlignment: Text.AlignVCenter
                            }
                            background: Rectangle {
                                implicitHeight: 42
                                radius: height / 2
                                color: kindButton.selected ? Theme.accent
                                       : kindButton.hovered ? Theme.accentSoft : Theme.surface
                                border.width: kindButton.visualFocus ? 2 : 1
                                border.color: kindButton.visualFocus ? Theme.focus
                                              : kindButton.selected ? Theme.accent : Theme.border
                            }
                        }
                    }
                }
            }

            // Made only when some file has problems: most starts have none.
            Loader {
                Layout.fillWidth: true
                active: library.problemCount > 0
                visible: active
                source: "ProblemsPanel.qml"
            }

            Text {
                objectName: "libraryLoading"
                visible: library.loading
                text: "Loading routines…"
                color: Theme.textMuted
                font.pointSize: Theme.textBody
            }

            Text {
                objectName: "libraryEmpty"
                Layout.fillWidth: true
                visible: library.emptyText !== ""
                text: library.emptyText
                color: Theme.textMuted
                font.pointSize: Theme.textBody
                wrapMode: Text.WordWrap
            }

            Repeater {
                model: library.sections
                delegate: ColumnLayout {
                    id: section
                    required property var modelData
                    readonly property real gap: Theme.space3
                    readonly property int columns: Math.max(1, Math.floor(
                        (content.width + gap) / (Theme.basePoint * 30 + gap)))
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.space2
                    spacing: Theme.space2
                    objectName: "section_" + modelData.group

                    Text {
                        text: section.modelData.label
                        color: Theme.text
                        font.pointSize: Theme.textTitle
                        font.weight: Font.DemiBold
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }

                    GridLayout {
                        Layout.fillWidth: true
                        columns: section.columns
                        columnSpacing: section.gap
                        rowSpacing: section.gap
                        uniformCellWidths: true
                        uniformCellHeights: true
                        Repeater {
                            model: section.modelData.routines
                            delegate: RoutineCard {
                                required property var modelData
                                routine: modelData
                                Layout.fillWidth: true
                                Layout.fillHeight: true
                                onClicked: app.openDetail(routine.id)
                            }
                        }
                    }
                }
            }
        }
    }

    // Made once the sharing bridge exists, just after the window first shows. By
    // file, not inline: the first frame then compiles neither it nor QtQuick.Dialogs.
    Loader {
        id: sharingLoader
        active: sharing !== null
        source: "editor/SharingDialogs.qml"
        onLoaded: item.objectName = "librarySharing"
    }
}
