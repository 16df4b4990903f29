import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Files that failed to load (or loaded with warnings), each with its messages.
Rectangle {
    id: panel

    property bool expanded: false

    objectName: "problemsPanel"
    visible: library.problemCount > 0
    radius: Theme.radius
    color: Theme.errorBg
    implicitHeight: column.implicitHeight + Theme.space3 * 2

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.space3
        spacing: Theme.space2

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.space2
            Text {
                Layout.fillWidth: true
                objectName: "problemsSummary"
                text: library.problemCount === 1 ? words.problemsPanel.oneFile
                      : words.problemsPanel.manyFiles.arg(library.problemCount)
                color: Theme.errorText
                font.pointSize: Theme.textBody
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
            }
            AppButton {
                objectName: "problemsToggle"
                kind: "quiet"
                text: panel.expanded ? words.problemsPanel.hideDetails : words.problemsPanel.showDetails
                Accessible.name: panel.expanded ? words.problemsPanel.hideTheProblems : words.problemsPanel.showTheProblems
                onClicked: panel.expanded = !panel.expanded
            }
        }

        Repeater {
            model: panel.expanded ? library.problems : []
            delegate: ColumnLayout {
                id: fileEntry
                required property var modelData
                Layout.fillWidth: true
                spacing: Theme.space1
                Text {
                    Layout.fillWidth: true
                    text: fileEntry.modelData.file
                          + (fileEntry.modelData.loaded ? words.problemsPanel.loadedWithWarnings : "")
                    color: Theme.text
                    font.pointSize: Theme.textBody
                    font.weight: Font.DemiBold
                    wrapMode: Text.WrapAnywhere
                }
                Repeater {
                    model: fileEntry.modelData.messages
                    delegate: TextEdit {
                        required property string modelData
                        Layout.fillWidth: true
                        objectName: "problemMessage"
                        text: modelData
                        readOnly: true
                        selectByMouse: true
                        color: Theme.text
                        font.family: "monospace"
                        font.pointSize: Theme.textSmall
                        wrapMode: TextEdit.WrapAnywhere
                        Accessible.role: Accessible.StaticText
                        Accessible.name: modelData
                    }
                }
            }
        }
    }
}
