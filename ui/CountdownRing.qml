import QtQuick
import QtQuick.Shapes

// The phase's ring: a track, and an arc that empties clockwise as the phase runs out,
// with round ends (the moving one a dot placed by x and y). Drawn so that a step
// repaints small boxes along the ring, not the ring's whole box: in software
// rendering that box, with the numbers inside it, was most of a playing frame.
Item {
    id: ring

    property real progress: 0          // 0 at the phase's start, 1 at its end
    property color color: Theme.accent
    property real thickness: Math.max(6, width / 22)
    property real pulse: 0             // 1 as a cue sounds, fading to 0 (stepped by the player)

    readonly property real radius: (Math.min(width, height) - thickness) / 2 - pulseRoom
    readonly property real pulseRoom: thickness * 1.2
    readonly property real remaining: Math.min(1, Math.max(0, 1 - progress))
    // The arc's end, in degrees clockwise from the top.
    readonly property real endAngle: 360 * remaining
    // The ring's outer diameter, even and on whole pixels, as the track is drawn.
    readonly property real box: 2 * Math.round(radius + thickness / 2)
    readonly property real arcRadius: box / 2 - thickness / 2  // the arc's middle line
    readonly property real boxX: Math.round((width - box) / 2)
    readonly property real boxY: Math.round((height - box) / 2)
    readonly property real centreX: boxX + box / 2
    readonly property real centreY: boxY + box / 2
    readonly property int sectors: 12
    readonly property real sectorAngle: 360 / sectors
    // Each sector's arc reaches this far into the next, over the next one's soft edge.
    readonly property real overlap: 1

    // The point at `degrees` clockwise from the top, at `distance` from the centre.
    function pointAt(degrees, distance) {
        const radians = degrees * Math.PI / 180
        return Qt.point(centreX + distance * Math.sin(radians),
                        centreY - distance * Math.cos(radians))
    }

    Rectangle {
        objectName: "ringTrack"
        x: ring.boxX
        y: ring.boxY
        width: ring.box
        height: ring.box
        radius: width / 2
        color: "transparent"
        border.width: ring.thickness
        border.color: Theme.ringTrack
        antialiasing: true
    }

    // The arc, in twelve sectors. Each sector is a box just around its twelfth of the
    // ring, showing a fixed arc through a half-plane clip turned to the arc's end: a
    // step of the ring turns the clip of the one sector the end is in, so only that
    // small box is drawn again (a rotating half ring, or an arc whose path changes,
    // made the whole ring's box, the numbers inside it included, dirty each step).
    Repeater {
        model: ring.sectors
        Item {
            id: sector

            required property int index
            readonly property real from: index * ring.sectorAngle
            readonly property real reach: from + ring.sectorAngle + ring.overlap
            readonly property real to: Math.max(from, Math.min(ring.endAngle, reach))
            // The box around the sector's part of the ring (sectors meet the axes only
            // at their ends, so its four corners bound it).
            readonly property var corners: [
                ring.pointAt(from, ring.arcRadius + ring.thickness / 2 + 1),
                ring.pointAt(from, ring.arcRadius - ring.thickness / 2 - 1),
                ring.pointAt(reach, ring.arcRadius + ring.thickness / 2 + 1),
                ring.pointAt(reach, ring.arcRadius - ring.thickness / 2 - 1)
            ]
            readonly property real boxLeft: Math.floor(Math.min(corners[0].x, corners[1].x,
                                                                corners[2].x, corners[3].x))
            readonly property real boxTop: Math.floor(Math.min(corners[0].y, corners[1].y,
                                                               corners[2].y, corners[3].y))

            objectName: "ringSector" + index
            x: boxLeft
            y: boxTop
            width: Math.ceil(Math.max(corners[0].x, corners[1].x, corners[2].x,
                                      corners[3].x)) - boxLeft
            height: Math.ceil(Math.max(corners[0].y, corners[1].y, corners[2].y,
                                       corners[3].y)) - boxTop
            clip: true
            visible: ring.endAngle > from + 0.01 && ring.arcRadius > 0

            Item {  // the half-plane of angles [to - 180, to], turned about the centre
                x: ring.boxX - sector.x
                y: ring.boxY - sector.y
                width: ring.box
                height: ring.box
                rotation: sector.to
                Item {
                    width: ring.box / 2
                    height: ring.box
                    clip: true
                    Shape {  // turned back: the arc stays put, only its clip turns
                        width: ring.box
                        height: ring.box
                        rotation: -sector.to
                        preferredRendererType: Shape.CurveRenderer
                        ShapePath {
                            strokeColor: ring.color
                            strokeWidth: ring.thickness
                            fillColor: "transparent"
                            capStyle: ShapePath.FlatCap
                            PathAngleArc {
                                centerX: ring.box / 2
                                centerY: ring.box / 2
                                radiusX: ring.arcRadius
                                radiusY: ring.arcRadius
                                startAngle: sector.from - 90
                                sweepAngle: ring.sectorAngle + ring.overlap
                            }
                        }
                    }
                }
            }
        }
    }

    // Round ends: one fixed at the top, one riding on the arc's end.
    Rectangle {
        readonly property point at: ring.pointAt(0, ring.arcRadius)
        visible: ring.remaining > 0.001
        x: at.x - width / 2
        y: at.y - height / 2
        width: ring.thickness
        height: ring.thickness
        radius: width / 2
        color: ring.color
        antialiasing: true
    }
    Rectangle {
        objectName: "ringEnd"
        readonly property point at: ring.pointAt(ring.endAngle, ring.arcRadius)
        visible: ring.remaining > 0.001
        x: at.x - width / 2
        y: at.y - height / 2
        width: ring.thickness
        height: ring.thickness
        radius: width / 2
        color: ring.color
        antialiasing: true
    }

    // A soft halo that swells on every cue: the visual twin of the sound. It follows
    // `pulse`, which the player steps with the ring, so it costs no frames of its own.
    Rectangle {
        id: halo
        objectName: "cuePulse"
        anchors.centerIn: parent
        width: ring.box
        height: width
        radius: width / 2
        color: "transparent"
        antialiasing: true
        border.color: ring.color
        border.width: ring.thickness / 2
        visible: ring.pulse > 0
        opacity: 0.7 * ring.pulse
        scale: 1 + (1 - ring.pulse) * ring.pulseRoom * 2 / width
    }
}
