import QtQuick
import QtQuick.Shapes

// The phase's ring: a track, and an arc that empties as the phase runs out.
Item {
    id: ring

    property real progress: 0          // 0 at the phase's start, 1 at its end
    property color color: Theme.accent
    property real thickness: Math.max(6, width / 22)
    property bool pulsing: false

    readonly property real radius: (Math.min(width, height) - thickness) / 2 - pulseRoom
    readonly property real pulseRoom: thickness * 1.2

    Shape {
        anchors.fill: parent
        preferredRendererType: Shape.CurveRenderer

        ShapePath {
            strokeColor: Theme.ringTrack
            strokeWidth: ring.thickness
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap
            PathAngleArc {
                centerX: ring.width / 2; centerY: ring.height / 2
                radiusX: ring.radius; radiusY: ring.radius
                startAngle: 0; sweepAngle: 360
            }
        }
        ShapePath {
            strokeColor: ring.color
            strokeWidth: ring.thickness
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap
            PathAngleArc {
                centerX: ring.width / 2; centerY: ring.height / 2
                radiusX: ring.radius; radiusY: ring.radius
                startAngle: -90
                sweepAngle: 360 * Math.max(0.0001, 1 - ring.progress)
            }
        }
    }

    // A soft halo that swells on every cue: the visual twin of the sound.
    Rectangle {
        id: halo
        objectName: "cuePulse"
        anchors.centerIn: parent
        width: ring.radius * 2 + ring.thickness
        height: width
        radius: width / 2
        color: "transparent"
        antialiasing: true
        border.color: ring.color
        border.width: ring.thickness / 2
        opacity: 0
        scale: 1
    }

    function pulse() { pulseAnimation.restart() }

    ParallelAnimation {
        id: pulseAnimation
        NumberAnimation { target: halo; property: "opacity"; from: 0.7; to: 0; duration: 650 }
        NumberAnimation {
            target: halo; property: "scale"; from: 1; to: 1 + ring.pulseRoom * 2 / halo.width
            duration: 650; easing.type: Easing.OutCubic
        }
    }
}
