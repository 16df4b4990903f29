import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ".."

// A message across the top of the editor: an error, a warning, a question.
Rectangle {
    id: banner

    property alias text: message.text
    property bool error: true
    property string firstAction: ""
    property string secondAction: ""
    signal firstClicked()
    signal secondClicked()

    visible: text !== ""
    implicitHeight: row.implicitHeight + Theme.space2 * 2
    radius: Theme.radius
    color: error ? Theme.errorBg : Theme.warnBg
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.space2
        anchors.leftMargin: Theme.space4
        spacing: Theme.space2
        Text {
            id: message
            objectName: banner.objectName + "Text"
            Layout.fillWidth: true
            color: banner.error ? Theme.errorText : Theme.warnText
            font.pointSize: Theme.textBody
            wrapMode: Text.WordWrap
        }
        AppButton {
            objectName: banner.objectName + "First"
            visible: banner.firstAction !== ""
            kind: "quiet"
            text: banner.firstAction
            onClicked: banner.firstClicked()
        }
        AppButton {
            objectName: banner.objectName + "Second"
            visible: banner.secondAction !== ""
            kind: "quiet"
            text: banner.secondAction
            onClicked: banner.secondClicked()
        }
    }
}
