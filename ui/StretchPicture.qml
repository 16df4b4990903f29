import QtQuick
import QtQuick.Shapes

// A stretch's picture from image://stretch/..., or a calm placeholder when there is none.
Rectangle {
    id: picture

    property string source: ""
    property string caption: ""
    property bool compact: false
    // Drawn at the size shown, pixel for pixel (the player): a picture that changes four
    // times a second is then copied, not scaled again on every change.
    property bool exactSize: false
    readonly property bool showsImage: image.status === Image.Ready
    // The exact size, taken once the layout has settled: a picture is drawn anew at every
    // size it is asked for, and a page's first layout passes through several (1 px
    // wide, then part of its height) before the one it keeps.
    property size settledSize: Qt.size(0, 0)

    function settle() {
        settledSize = Qt.size(Math.floor(image.width), Math.floor(image.height))
    }

    radius: compact ? Theme.radiusSmall : Theme.radius
    color: Theme.surfaceMuted
    clip: true
    Accessible.role: Accessible.Graphic
    Accessible.name: caption

    Image {
        id: image
        objectName: "pictureImage"
        anchors.fill: parent
        anchors.margins: picture.compact ? Theme.space1 : Theme.space4
        source: picture.exactSize && (picture.settledSize.width < 1
                                      || picture.settledSize.height < 1) ? "" : picture.source
        sourceSize.width: picture.exactSize ? Math.max(1, picture.settledSize.width)
                                            : Math.max(64, Math.ceil(width / 64) * 64)
        sourceSize.height: picture.exactSize ? Math.max(1, picture.settledSize.height)
                                             : Math.max(64, Math.ceil(height / 64) * 64)
        onWidthChanged: if (picture.exactSize) Qt.callLater(picture.settle)
        onHeightChanged: if (picture.exactSize) Qt.callLater(picture.settle)
        Component.onCompleted: if (picture.exactSize) Qt.callLater(picture.settle)
        fillMode: picture.exactSize ? Image.Pad : Image.PreserveAspectFit
        cache: !picture.exactSize
        // Drawn on the GUI thread, never in Qt's image thread: the provider is
        // Python, and a reader thread waiting for Python's lock while Python
        // waits for the reader's lock freezes the window (seen in the editor).
        asynchronous: false
        smooth: true
        visible: picture.source !== "" && status === Image.Ready
    }

    // The placeholder: a simple figure drawn in the muted text colour.
    Item {
        id: placeholder
        anchors.centerIn: parent
        width: Math.min(parent.width, parent.height) * (picture.compact ? 0.62 : 0.36)
        height: width
        visible: !image.visible

        Shape {
            anchors.fill: parent
            preferredRendererType: Shape.CurveRenderer
            ShapePath {
                strokeColor: Theme.textMuted
                strokeWidth: Math.max(1.5, placeholder.width / 22)
                fillColor: "transparent"
                capStyle: ShapePath.RoundCap
                joinStyle: ShapePath.RoundJoin
                // head
                PathAngleArc {
                    centerX: placeholder.width * 0.5; centerY: placeholder.height * 0.17
                    radiusX: placeholder.width * 0.1; radiusY: placeholder.width * 0.1
                    startAngle: 0; sweepAngle: 360
                }
                // body and legs
                PathMove { x: placeholder.width * 0.5; y: placeholder.height * 0.3 }
                PathLine { x: placeholder.width * 0.5; y: placeholder.height * 0.62 }
                PathLine { x: placeholder.width * 0.33; y: placeholder.height * 0.92 }
                PathMove { x: placeholder.width * 0.5; y: placeholder.height * 0.62 }
                PathLine { x: placeholder.width * 0.67; y: placeholder.height * 0.92 }
                // arms reaching up in a stretch
                PathMove { x: placeholder.width * 0.22; y: placeholder.height * 0.2 }
                PathLine { x: placeholder.width * 0.5; y: placeholder.height * 0.4 }
                PathLine { x: placeholder.width * 0.78; y: placeholder.height * 0.2 }
            }
        }
    }

    Text {
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.top: placeholder.bottom
        anchors.topMargin: Theme.space3
        width: parent.width - Theme.space4 * 2
        horizontalAlignment: Text.AlignHCenter
        visible: placeholder.visible && !picture.compact
        text: words.stretchPicture.noPicture
        color: Theme.textMuted
        font.pointSize: Theme.textSmall
        wrapMode: Text.WordWrap
    }
}
