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
    property color trackColor: Theme.ringTrack
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
    // Each sector's arc reaches this far (degrees) into the next, over its soft edge;
    // past the arc's end it hides under the round end.
    readonly property real overlap: 1
    // What the parts' bindings read, so that a step wakes few of them: the sectors
    // change only when a boundary is crossed, the ends only when the arc is used up.
    readonly property int wholeSectors: Math.floor(endAngle / sectorAngle)
    readonly property bool inLastSector: endAngle < sectorAngle
    readonly property bool hasArc: remaining > 0.001 && arcRadius > 0

    // The box around one sector's part of the ring, reaching `overlap` into the next
    // (sectors meet the axes only at their ends, so its four corners bound it).
    function sectorBox(index) {
        const from = index * sectorAngle, reach = from + sectorAngle + overlap
        const outer = arcRadius + thickness / 2 + 1, inner = arcRadius - thickness / 2 - 1
        const corners = [pointAt(from, outer), pointAt(from, inner),
                         pointAt(reach, outer), pointAt(reach, inner)]
        const xs = corners.map(point => point.x), ys = corners.map(point => point.y)
        const left = Math.floor(Math.min(...xs)), top = Math.floor(Math.min(...ys))
        return Qt.rect(left, top, Math.ceil(Math.max(...xs)) - left,
                       Math.ceil(Math.max(...ys)) - top)
    }

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
        border.color: ring.trackColor
        antialiasing: true
    }

    // The arc: the sectors it covers whole, each a fixed arc in a box just around its
    // twelfth of the ring, and a fixed end piece turned to the arc's end (below). A
    // rotating half ring made the whole ring's box dirty each step, the numbers inside
    // it included; an arc whose path changes costs two frames; a ring shown through a
    // turned clip was most of a frame's drawing in the software backend.
    Repeater {
        model: ring.sectors
        Item {
            id: sector

            required property int index
            readonly property rect area: ring.sectorBox(index)

            objectName: "ringSector" + index
            x: area.x
            y: area.y
            width: area.width
            height: area.height
            clip: true
            visible: index < ring.wholeSectors && ring.arcRadius > 0

            Shape {
                x: ring.boxX - sector.x
                y: ring.boxY - sector.y
                width: ring.box
                height: ring.box
                antialiasing: true  // the software backend's QPainter needs it
                preferredRendererType: Shape.CurveRenderer
                ShapePath {
                    strokeColor: ring.color
                    strokeWidth: ring.thickness
                    fillColor: "transparent"
                    capStyle: ShapePath.FlatCap
                    PathAngleArc {  // a little into the next sector: no seam between
                        centerX: ring.box / 2
                        centerY: ring.box / 2
                        radiusX: ring.arcRadius
                        radiusY: ring.arcRadius
                        startAngle: sector.index * ring.sectorAngle - 90
                        sweepAngle: ring.sectorAngle + ring.overlap
                    }
                }
            }
        }
    }
    // The arc's last stretch: a fixed arc one sector long, turned so that it ends at the
    // arc's end. With the whole sectors before it, it covers the arc exactly; a step
    // turns it (no path changes, no turned clip), so the boxes drawn again are the old
    // and new boxes around it. In the last sector it would reach back past the top,
    // so there it is drawn through a clip to the ring's right half (a plain box).
    Repeater {
        model: 2
        Item {
            id: endPiece

            required property int index
            readonly property bool last: index === 1  // the one for the last sector

            objectName: last ? "ringEndPieceLast" : "ringEndPiece"
            x: last ? ring.centreX : 0
            y: 0
            width: last ? ring.width - ring.centreX : ring.width
            height: ring.height
            clip: last
            visible: ring.hasArc && ring.inLastSector === last

            Shape {
                x: ring.boxX - endPiece.x
                y: ring.boxY
                width: ring.box
                height: ring.box
                rotation: endPiece.visible ? ring.endAngle : 0  // the hidden one rests
                antialiasing: true
                preferredRendererType: Shape.CurveRenderer
                ShapePath {
                    strokeColor: ring.color
                    strokeWidth: ring.thickness
                    fillColor: "transparent"
                    capStyle: ShapePath.FlatCap
                    PathAngleArc {  // from a sector before the top to the top
                        centerX: ring.box / 2
                        centerY: ring.box / 2
                        radiusX: ring.arcRadius
                        radiusY: ring.arcRadius
                        startAngle: -90 - ring.sectorAngle
                        sweepAngle: ring.sectorAngle
                    }
                }
            }
        }
    }

    // Round ends: one fixed at the top, one riding on the arc's end.
    Rectangle {
        readonly property point at: ring.pointAt(0, ring.arcRadius)
        visible: ring.hasArc
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
        readonly property real radians: ring.endAngle * Math.PI / 180
        visible: ring.hasArc
        x: ring.centreX + ring.arcRadius * Math.sin(radians) - width / 2
        y: ring.centreY - ring.arcRadius * Math.cos(radians) - height / 2
        width: ring.thickness
        height: ring.thickness
        radius: width / 2
        color: ring.color
        antialiasing: true
    }

    // A soft halo that swells on every cue: the visual twin of the sound. It follows
    // `pulse`, which the player steps with the ring, so it costs no frames of its own.
    // Gone by its opacity, not `visible`: a visibility change makes Qt walk every item
    // of the window (to restack child windows) on the next frame, twice per cue.
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
        opacity: 0.7 * ring.pulse
        scale: 1 + (1 - ring.pulse) * ring.pulseRoom * 2 / width
    }
}
