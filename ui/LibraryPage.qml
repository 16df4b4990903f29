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

    function focusFirst() { if (list.headerItem) list.headerItem.focusSearch() }

    // The page's width for content, centred; cards fill rows of `columns`.
    readonly property real pageWidth: Math.min(width - Theme.space6 * 2,
                                               Theme.contentWidth * 1.4)
    readonly property real sideMargin: (width - pageWidth) / 2
    readonly property real gap: Theme.space3
    readonly property int columns: Math.max(1, Math.floor(
        (pageWidth + gap) / (Theme.basePoint * 30 + gap)))
    readonly property real cardWidth: (pageWidth - gap * (columns - 1)) / columns

    // Python arranges the cards in rows of this many; a resize keeps the row in view.
    onColumnsChanged: {
        const top = list.indexAt(list.width / 2, list.contentY + 1)
        const row = library.setColumns(columns, top)
        if (top >= 0 && row >= 0)
            list.positionViewAtIndex(row, ListView.Beginning)
    }
    Component.onCompleted: library.setColumns(columns, -1)

    // One ListView for the whole page: only the rows on screen are made, however
    // many routines the library holds. No cache buffer: rows made ahead of time
    // are incubated asynchronously, and a filter that resets the model while one
    // is incubating makes Qt warn "DelegateModel::cancel: index out range".
    ListView {
        id: list
        objectName: "libraryList"
        anchors.fill: parent
        model: library.rows
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        cacheBuffer: 0
        bottomMargin: Theme.space8
        reuseItems: true
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }

        header: Item {
            width: list.width
            height: headerColumn.implicitHeight + Theme.space6
            // A ListView keeps its contentY when the header grows (the problems
            // panel arriving with the library): the title would slide off the top.
            // Seen from the top, the page stays at the top.
            onHeightChanged: if (!list.moving && list.contentY - list.originY <= height)
                                 list.positionViewAtBeginning()

            function focusSearch() { search.forceActiveFocus() }

            ColumnLayout {
                id: headerColumn
                width: page.pageWidth
                x: page.sideMargin
                y: Theme.space6
                spacing: Theme.space4

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.space3
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: Theme.space1
                        Text {
                            text: words.libraryPage.stretch
                            color: Theme.text
                            font.pointSize: Theme.textHeadline
                            font.weight: Font.Bold
                            Accessible.role: Accessible.Heading
                            Accessible.name: text
                        }
                        Text {
                            Layout.fillWidth: true
                            text: words.libraryPage.pickARoutineFor
                            color: Theme.textMuted
                            font.pointSize: Theme.textBody
                            wrapMode: Text.WordWrap
                        }
                    }
                    AppButton {
                        objectName: "newRoutineButton"
                        kind: "quiet"
                        text: words.libraryPage.newRoutine
                        Accessible.name: words.libraryPage.newRoutineStartAn
                        // The editor is made on this first click (editing.ensure); not
                        // while a first load may import the loader on its worker.
                        enabled: !library.loading
                        onClicked: { editing.ensure(); editor.newRoutine() }
                    }
                    AppButton {
                        objectName: "importButton"
                        kind: "quiet"
                        text: words.libraryPage.importButton
                        Accessible.name: words.libraryPage.importARoutineFile
                        enabled: !library.loading
                        onClicked: { editing.ensure(); sharingLoader.item.importFile() }
                    }
                    AppButton {
                        objectName: "historyButton"
                        kind: "quiet"
                        text: words.libraryPage.history
                        Accessible.name: words.libraryPage.yourHistoryAndStreak
                        onClicked: app.openHistory()
                    }
                    AppButton {
                        objectName: "settingsButton"
                        kind: "quiet"
                        text: words.libraryPage.settings
                        Accessible.name: words.libraryPage.settings
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
                        placeholderText: words.libraryPage.searchRoutinesAndStretches
                        placeholderTextColor: Theme.textMuted
                        text: library.searchText
                        color: Theme.text
                        font.pointSize: Theme.textBody
                        leftPadding: Theme.space3
                        rightPadding: Theme.space3
                        topPadding: Theme.space2
                        bottomPadding: Theme.space2
                        selectByMouse: true
                        Accessible.name: words.libraryPage.searchRoutines
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
                        Accessible.name: words.libraryPage.showRoutinesOfA
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
                                Accessible.name: words.libraryPage.showKind.arg(modelData.value ? modelData.label
                                                                                      : words.libraryPage.allKinds)
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
                    text: words.libraryPage.loadingRoutines
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
            }
        }

        delegate: Item {
            id: row
            required property int index
            required property string group
            required property string heading
            required property var cards

            width: list.width
            height: heading !== "" ? headingText.implicitHeight + Theme.space4 + Theme.space2
                                   : cardsRow.implicitHeight + page.gap
            objectName: heading !== "" ? "section_" + group : ""

            Text {
                id: headingText
                visible: row.heading !== ""
                x: page.sideMargin
                y: Theme.space4
                width: page.pageWidth
                text: row.heading
                color: Theme.text
                font.pointSize: Theme.textTitle
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            RowLayout {
                id: cardsRow
                visible: row.heading === ""
                x: page.sideMargin
                width: page.pageWidth
                spacing: page.gap
                Repeater {
                    model: row.cards
                    delegate: RoutineCard {
                        required property var modelData
                        routine: modelData
                        Layout.preferredWidth: page.cardWidth
                        Layout.fillHeight: true
                        onClicked: app.openDetail(routine.id)
                        // Tabbing to a card below the fold brings it into view.
                        onActiveFocusChanged: if (activeFocus)
                                                  list.positionViewAtIndex(row.index, ListView.Contain)
                    }
                }
                Item { Layout.fillWidth: true }
            }
        }
    }

    // Made once the sharing bridge exists (the first Import or Export asks for it). By
    // file, not inline: the first frame then compiles neither it nor QtQuick.Dialogs.
    Loader {
        id: sharingLoader
        active: sharing !== null
        source: "editor/SharingDialogs.qml"
        onLoaded: item.objectName = "librarySharing"
    }
}
