import QtQuick

// The phase's ring: a track, and an arc that empties clockwise as the phase runs out.
// Drawn from two clipped, rotating half rings instead of a Shape: a rotation costs
// one frame, where a Shape's new geometry costs two, and the ring moves 10 times a
// second for as long as a routine plays.
Item {
    id: ring

    property real progress: 0          // 0 at the phase's start, 1 at its end
    property color color: Theme.accent
    property real thickness: Math.max(6, width / 22)
    property real pulse: 0             // 1 as a cue sounds, fading to 0 (set 10 times a second)

    readonly property real radius: (Math.min(width, height) - thickness) / 2 - pulseRoom
    readonly property real pulseRoom: thickness * 1.2
    readonly property real remaining: Math.min(1, Math.max(0, 1 - progress))
    // The ring's outer diameter, even and on whole pixels: the two halves are
    // clipped at its middle, and a clip edge inside a pixel leaves a seam.
    readonly property real box: 2 * Math.round(radius + thickness / 2)

    Item {
        id: face
        width: ring.box
        height: ring.box
        x: Math.round((ring.width - ring.box) / 2)
        y: Math.round((ring.height - ring.box) / 2)

        Rectangle {
            objectName: "ringTrack"
            anchors.fill: parent
            radius: width / 2
            color: "transparent"
            border.width: ring.thickness
            border.color: Theme.ringTrack
            antialiasing: true
        }

        // The right half shows the arc from the top to 6 o'clock.
        Item {
            x: face.width / 2
            width: face.width / 2
            height: face.height
            clip: true
            Item {
                x: -face.width / 2
                width: face.width
                height: face.height
                rotation: 360 * Math.min(ring.remaining, 0.5)
                Item {
                    width: face.width / 2
                    height: face.height
                    clip: true
                    Rectangle {
                        width: face.width
                        height: face.height
                        radius: width / 2
                        color: "transparent"
                        border.width: ring.thickness
                        border.color: ring.color
                        antialiasing: true
                    }
                }
            }
        }
        // The left half shows the rest, from 6 o'clock back up to the top.
        Item {
            width: face.width / 2
            height: face.height
            clip: true
            Item {
                width: face.width
                height: face.height
                rotation: 360 * Math.max(0, ring.remaining - 0.5)
                Item {
                    x: face.width / 2
                    width: face.width / 2
                    height: face.height
                    clip: true
                    Rectangle {
                        x: -face.width / 2
                        width: face.width
                        height: face.height
                        radius: width / 2
                        color: "transparent"
                        border.width: ring.thickness
                        border.color: ring.color
                        antialiasing: true
                    }
                }
            }
        }
        // Round ends: one fixed at the top, one riding on the arc's end.
        Rectangle {
            visible: ring.remaining > 0.001
            x: (face.width - ring.thickness) / 2
            width: ring.thickness
            height: ring.thickness
            radius: width / 2
            color: ring.color
            antialiasing: true
        }
        Item {
            anchors.fill: parent
            visible: ring.remaining > 0.001
            rotation: 360 * ring.remaining
            Rectangle {
                x: (face.width - ring.thickness) / 2
                width: ring.thickness
                height: ring.thickness
                radius: width / 2
                color: ring.color
                antialiasing: true
            }
        }
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
