import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// One routine in the library: thumbnail, title, kind, duration and steps.
AbstractButton {
    id: card

    required property var routine

    objectName: "routineCard_" + routine.id
    focusPolicy: Qt.StrongFocus
    hoverEnabled: true
    implicitHeight: row.implicitHeight + Theme.space3 * 2
    Accessible.role: Accessible.Button
    Accessible.name: routine.accessibleName
    Accessible.description: routine.description

    Keys.onReturnPressed: card.clicked()
    Keys.onEnterPressed: card.clicked()

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.width: card.visualFocus ? 2 : 1
        border.color: card.visualFocus ? Theme.focus
                      : card.hovered ? Theme.accent : Theme.border
        Behavior on border.color { ColorAnimation { duration: Theme.fast } }
    }

    contentItem: Item {
        RowLayout {
            id: row
            anchors.fill: parent
            anchors.margins: Theme.space3
            spacing: Theme.space3

            StretchPicture {
                Layout.preferredWidth: Theme.basePoint * 8
                Layout.preferredHeight: Theme.basePoint * 8
                Layout.alignment: Qt.AlignTop
                source: card.routine.thumbnail
                compact: true
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                spacing: Theme.space1

                Text {
                    Layout.fillWidth: true
                    text: card.routine.title
                    color: Theme.text
                    font.pointSize: Theme.textLarge
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.space1
                    Chip {
                        text: card.routine.kindLabel
                        color: Theme.role(card.routine.kindBg)
                        textColor: Theme.role(card.routine.kindText)
                    }
                    Chip {
                        visible: card.routine.user
                        text: words.routineCard.yours
                        color: Theme.userBg
                        textColor: Theme.userText
                    }
                }
                Text {
                    Layout.fillWidth: true
                    text: card.routine.totalText + "  ·  " + card.routine.stepsText
                    color: Theme.textMuted
                    font.pointSize: Theme.textSmall
                    elide: Text.ElideRight
                }
                // What to have at hand, from the props the steps' pictures draw.
                Text {
                    objectName: "cardNeeds_" + card.routine.id
                    Layout.fillWidth: true
                    text: card.routine.needsLine
                    color: Theme.textMuted
                    font.pointSize: Theme.textSmall
                    elide: Text.ElideRight
                }
            }
        }
    }
}
