import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ".."

// Add a step: search the stretch catalogue by name or group, pick one with the keys
// (type, Down, Enter) or the mouse.
Popup {
    id: picker

    readonly property var catalogue: editor.catalogue
    signal picked(string stretchId)

    function pick(row) {
        const id = picker.catalogue.stretchIdAt(row)
        if (id === "")
            return
        picker.close()
        picker.picked(id)
    }

    objectName: "cataloguePicker"
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - Theme.space8 : 560,
                    Theme.basePoint * 58)
    height: Math.min(Overlay.overlay ? Overlay.overlay.height - Theme.space8 : 600,
                     Theme.basePoint * 64)
    padding: Theme.space4

    onOpened: {
        search.text = ""
        picker.catalogue.filterText = ""
        picker.catalogue.groupFilter = ""
        groupBox.currentIndex = 0
        results.currentIndex = 0
        search.forceActiveFocus()
    }

    Overlay.modal: Rectangle { color: Theme.scrim }

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
    }

    contentItem: ColumnLayout {
        Accessible.role: Accessible.Dialog
        Accessible.name: words.cataloguePicker.addAStep
        spacing: Theme.space3

        Text {
            text: words.cataloguePicker.addAStep
            color: Theme.text
            font.pointSize: Theme.textTitle
            font.weight: Font.DemiBold
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.space2
            EditorTextField {
                id: search
                objectName: "catalogueSearch"
                Layout.fillWidth: true
                placeholderText: words.cataloguePicker.searchStretchesByName
                Accessible.name: words.cataloguePicker.searchTheStretches
                onEdited: (text) => { picker.catalogue.filterText = text; results.currentIndex = 0 }
                Keys.onDownPressed: { results.forceActiveFocus(); results.currentIndex = 0 }
                Keys.onReturnPressed: picker.pick(results.currentIndex)
                Keys.onEnterPressed: picker.pick(results.currentIndex)
            }
            ChoiceBox {
                id: groupBox
                objectName: "catalogueGroup"
                model: picker.catalogue.groups
                value: picker.catalogue.groupFilter
                Accessible.name: words.cataloguePicker.showStretchesOfOne
                onChosen: (value) => { picker.catalogue.groupFilter = value; results.currentIndex = 0 }
            }
        }

        Text {
            objectName: "catalogueCount"
            text: results.count === 0 ? words.cataloguePicker.noMatch
                  : results.count === 1 ? words.cataloguePicker.oneStretch
                  : words.cataloguePicker.stretches.arg(results.count)
            color: Theme.textMuted
            font.pointSize: Theme.textSmall
        }

        ListView {
            id: results
            objectName: "catalogueResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: picker.catalogue
            spacing: 2
            keyNavigationEnabled: true
            // No delegates made ahead in the background: a search or an edit can change
            // the rows while one is half made, which Qt warns about.
            cacheBuffer: 0
            activeFocusOnTab: true
            highlightMoveDuration: 0
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: words.cataloguePicker.stretches2
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
            Keys.onReturnPressed: picker.pick(currentIndex)
            Keys.onEnterPressed: picker.pick(currentIndex)
            Keys.onUpPressed: (event) => {
                if (currentIndex <= 0) search.forceActiveFocus()
                else decrementCurrentIndex()
            }

            delegate: ItemDelegate {
                id: entry
                required property int index
                required property string stretchId
                required property string name
                required property string groupLabel
                required property bool sided
                required property string thumbnail
                required property string summary

                objectName: "catalogue_" + stretchId
                width: results.width
                highlighted: ListView.isCurrentItem
                focusPolicy: Qt.NoFocus
                Accessible.role: Accessible.ListItem
                Accessible.name: (sided ? words.cataloguePicker.sidedName : words.cataloguePicker.entryName)
                                     .arg(name).arg(groupLabel)
                onClicked: picker.pick(index)

                contentItem: RowLayout {
                    spacing: Theme.space3
                    StretchPicture {
                        Layout.preferredWidth: Theme.basePoint * 5
                        Layout.preferredHeight: Layout.preferredWidth
                        source: entry.thumbnail
                        caption: entry.name
                        compact: true
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Text {
                            Layout.fillWidth: true
                            text: entry.name
                            color: Theme.text
                            font.pointSize: Theme.textBody
                            font.weight: Font.DemiBold
                            elide: Text.ElideRight
                        }
                        Text {
                            objectName: "catalogueLine_" + entry.stretchId
                            Layout.fillWidth: true
                            text: (entry.sided ? words.cataloguePicker.sidedGroup.arg(entry.groupLabel)
                                               : entry.groupLabel)
                                  + " — " + entry.summary
                            color: Theme.textMuted
                            font.pointSize: Theme.textSmall
                            elide: Text.ElideRight
                        }
                    }
                }
                background: Rectangle {
                    radius: Theme.radiusSmall
                    color: entry.highlighted ? Theme.accentSoft
                           : entry.hovered ? Theme.surfaceMuted : "transparent"
                    border.width: entry.highlighted && results.activeFocus ? 2 : 0
                    border.color: Theme.focus
                }
            }
        }

        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: Theme.space2
            AppButton {
                objectName: "catalogueCancel"
                text: words.cataloguePicker.cancel
                onClicked: picker.close()
            }
            AppButton {
                objectName: "catalogueAdd"
                kind: "primary"
                text: words.cataloguePicker.addStep
                enabled: results.count > 0
                Accessible.name: words.cataloguePicker.addTheSelectedStretch
                onClicked: picker.pick(results.currentIndex)
            }
        }
    }
}
