import QtQuick
import QtQuick.Layouts

// A titled card of settings.
Rectangle {
    id: section

    property string title: ""
    default property alias content: body.data

    Layout.fillWidth: true
    implicitHeight: column.implicitHeight + Theme.space4 * 2
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.space4
        spacing: Theme.space2
        Text {
            text: section.title
            color: Theme.text
            font.pointSize: Theme.textLarge
            font.weight: Font.DemiBold
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        ColumnLayout {
            id: body
            Layout.fillWidth: true
            spacing: Theme.space2
        }
    }
}
