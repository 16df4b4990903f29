import QtQuick

// The phase's ring: a track, and an arc that empties clockwise as the phase runs out.
// The arc is twelve fixed sectors, each a small Shape boxed to its own twelfth of the
// ring, and its moving end a dot placed by x and y: a step of the ring repaints the one
// sector the end is in and the dot, not the whole ring's box (which a rotating or
// resized item would, and in software rendering that box was most of a frame's cost).
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

    // The arc, a quarter at a time: each quarter of the ring's box shows the arc from
    // its first angle to the end, through a half-plane clip turned to the end's angle.
    // A quarter the end is not in does not change, so it is not drawn again.
    Repeater {
        model: 4
        Item {
            id: quarter

            required property int index
            readonly property real from: 90 * index
            readonly property real to: Math.max(from, Math.min(ring.endAngle, from + 90))

            objectName: "ringQuarter" + index
            x: ring.boxX + (index === 0 || index === 1 ? ring.box / 2 : 0)
            y: ring.boxY + (index === 1 || index === 2 ? ring.box / 2 : 0)
            width: ring.box / 2
            height: ring.box / 2
            clip: true
            visible: ring.endAngle > from + 0.01

            Item {  // the half-plane [to - 180, to], turned about the ring's centre
                x: ring.boxX - quarter.x
                y: ring.boxY - quarter.y
                width: ring.box
                height: ring.box
                rotation: quarter.to
                Item {
                    width: ring.box / 2
                    height: ring.box
                    clip: true
                    Rectangle {  // turned back: the ring is drawn unturned, only clipped
                        width: ring.box
                        height: ring.box
                        rotation: -quarter.to
                        radius: width / 2
                        color: "transparent"
                        border.width: ring.thickness
                        border.color: ring.color
                        antialiasing: true
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
