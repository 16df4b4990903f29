import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Done: the time spent, after-care for relief routines, and where to go next.
Rectangle {
    id: page

    readonly property var view: player.view

    objectName: "finishPage"
    color: Theme.background

    function focusFirst() { homeButton.forceActiveFocus() }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: Math.max(height, content.implicitHeight + Theme.space8 * 2)
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        ColumnLayout {
            id: content
            width: Math.min(flick.width - Theme.space6 * 2, Theme.contentWidth * 0.8)
            anchors.centerIn: parent
            spacing: Theme.space4

            Rectangle {
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: Theme.basePoint * 7
                Layout.preferredHeight: Layout.preferredWidth
                radius: width / 2
                color: Theme.accentSoft
                Text {
                    anchors.centerIn: parent
                    text: "✓"
                    color: Theme.textOnAccentSoft
                    font.pointSize: Theme.textHeadline * 1.2
                    Accessible.ignored: true
                }
            }
            Text {
                objectName: "finishTitle"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: words.player.finished
                color: Theme.text
                font.pointSize: Theme.textHeadline
                font.weight: Font.Bold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                objectName: "timeSpentText"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: words.finishPage.timeSpent.arg(player.timeSpentText).arg(page.view.routineTitle)
                color: Theme.textMuted
                font.pointSize: Theme.textLarge
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "historyText"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                visible: text !== ""
                text: player.historyText
                color: Theme.textMuted
                font.pointSize: Theme.textBody
                wrapMode: Text.WordWrap
            }

            AppButton {
                objectName: "historyLink"
                Layout.alignment: Qt.AlignHCenter
                kind: "quiet"
                text: words.finishPage.seeYourHistoryAnd
                onClicked: app.openHistory()
            }

            Rectangle {
                objectName: "afterCare"
                Layout.fillWidth: true
                Layout.topMargin: Theme.space2
                visible: page.view.relief
                implicitHeight: careColumn.implicitHeight + Theme.space4 * 2
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                ColumnLayout {
                    id: careColumn
                    anchors.fill: parent
                    anchors.margins: Theme.space4
                    spacing: Theme.space2
                    Text {
                        text: words.finishPage.lookingAfterTheMuscle
                        color: Theme.text
                        font.pointSize: Theme.textLarge
                        font.weight: Font.DemiBold
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    Repeater {
                        model: page.view.afterCare
                        delegate: RowLayout {
                            required property string modelData
                            Layout.fillWidth: true
                            spacing: Theme.space2
                            Rectangle {
                                Layout.alignment: Qt.AlignTop
                                Layout.topMargin: Theme.basePoint * 0.55
                                Layout.preferredWidth: Theme.unit * 1.5
                                Layout.preferredHeight: Layout.preferredWidth
                                radius: width / 2
                                color: Theme.accent
                            }
                            Text {
                                Layout.fillWidth: true
                                text: modelData
                                color: Theme.text
                                font.pointSize: Theme.textBody
                                wrapMode: Text.WordWrap
                            }
                        }
                    }
                }
            }

            RowLayout {
                Layout.alignment: Qt.AlignHCenter
                Layout.topMargin: Theme.space2
                spacing: Theme.space3
                AppButton {
                    objectName: "againButton"
                    text: words.finishPage.doItAgain
                    onClicked: app.startAgain()
                }
                AppButton {
                    id: homeButton
                    objectName: "homeButton"
                    kind: "primary"
                    large: true
                    text: words.finishPage.backToTheLibrary
                    onClicked: app.goHome()
                }
            }
        }
    }
}
