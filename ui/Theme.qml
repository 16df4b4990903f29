pragma Singleton
import QtQuick

// The one palette, type scale and spacing scale of the app.
// tests/app/test_ui_contrast.py reads the two palettes below and checks that
// every text/background pair meets WCAG AA, and core/palette.py reads them for
// the drawn figures (figure*) and the roles of kinds and phases: keep one
// "key": "#rrggbb" per line.
QtObject {
    id: theme

    property bool dark: false

    readonly property var lightPalette: ({
        "background": "#f4f5f1",
        "surface": "#ffffff",
        "surfaceMuted": "#e9ece6",
        "border": "#d3d9d1",
        "text": "#1c2622",
        "textMuted": "#4d5954",
        "accent": "#2b6958",
        "accentHover": "#235a4b",
        "textOnAccent": "#ffffff",
        "accentSoft": "#dcebe5",
        "textOnAccentSoft": "#1d4d40",
        "warnBg": "#fbf0d9",
        "warnText": "#664704",
        "errorBg": "#fbe8e7",
        "errorText": "#9c2a2b",
        "warmupBg": "#fbe9d3",
        "warmupText": "#76400f",
        "cooldownBg": "#e1ebf7",
        "cooldownText": "#23477a",
        "reliefBg": "#ddefe6",
        "reliefText": "#1e5844",
        "userBg": "#ece6f5",
        "userText": "#4f3a78",
        "phasePrepare": "#3a6aa3",
        "phaseHold": "#2b6958",
        "phaseSwitch": "#9c5a0c",
        "phaseRest": "#56679a",
        "ringTrack": "#dfe4dc",
        "focus": "#1f5fb4",
        "scrim": "#801c2622",
        "figureNear": "#41597a",
        "figureFar": "#9aa9be",
        "figureAccent": "#e4572e",
        "figureFarAccent": "#f0a187",
        "figureProp": "#dde3ea",
        "figurePropEdge": "#aab5c3",
        "figureFloor": "#e8ecf1",
        "figureMat": "#b3c7dc",
        "figureTowel": "#2a9d8f"
    })

    readonly property var darkPalette: ({
        "background": "#111714",
        "surface": "#1a221f",
        "surfaceMuted": "#24302b",
        "border": "#36443e",
        "text": "#e6ede9",
        "textMuted": "#a9b7b0",
        "accent": "#7fc8b1",
        "accentHover": "#98d6c2",
        "textOnAccent": "#0c1914",
        "accentSoft": "#22433a",
        "textOnAccentSoft": "#cdebe0",
        "warnBg": "#3a2f17",
        "warnText": "#f2d496",
        "errorBg": "#3d1f1f",
        "errorText": "#f5aaa7",
        "warmupBg": "#3e2c17",
        "warmupText": "#f5c894",
        "cooldownBg": "#1e2d42",
        "cooldownText": "#b6d0f2",
        "reliefBg": "#1d3a2f",
        "reliefText": "#a9e3cb",
        "userBg": "#2f2744",
        "userText": "#d6c8f2",
        "phasePrepare": "#8db4e8",
        "phaseHold": "#7fc8b1",
        "phaseSwitch": "#e8b26a",
        "phaseRest": "#a9b6e2",
        "ringTrack": "#2b3732",
        "focus": "#9cc3ff",
        "scrim": "#b3050807",
        "figureNear": "#d3dce8",
        "figureFar": "#76849a",
        "figureAccent": "#ff8459",
        "figureFarAccent": "#b8694f",
        "figureProp": "#3a4351",
        "figurePropEdge": "#5d697b",
        "figureFloor": "#2d3440",
        "figureMat": "#3f566e",
        "figureTowel": "#4cc2b0"
    })

    readonly property var palette: dark ? darkPalette : lightPalette

    readonly property color background: palette.background
    readonly property color surface: palette.surface
    readonly property color surfaceMuted: palette.surfaceMuted
    readonly property color border: palette.border
    readonly property color text: palette.text
    readonly property color textMuted: palette.textMuted
    readonly property color accent: palette.accent
    readonly property color accentHover: palette.accentHover
    readonly property color textOnAccent: palette.textOnAccent
    readonly property color accentSoft: palette.accentSoft
    readonly property color textOnAccentSoft: palette.textOnAccentSoft
    readonly property color warnBg: palette.warnBg
    readonly property color warnText: palette.warnText
    readonly property color errorBg: palette.errorBg
    readonly property color errorText: palette.errorText
    readonly property color userBg: palette.userBg
    readonly property color userText: palette.userText
    readonly property color ringTrack: palette.ringTrack
    readonly property color focus: palette.focus
    readonly property color scrim: palette.scrim

    // A colour by its role's name, as the bridges give it (a kind's, a phase's):
    // which role a kind or phase takes is core/palette.py's to say, not the views'.
    function role(name) { return palette[name] || palette.text }

    // Type scale: everything is a multiple of the system's default font size,
    // so text follows the desktop's font settings.
    readonly property real basePoint: Qt.application.font.pointSize > 0
                                      ? Qt.application.font.pointSize : 10
    readonly property real textSmall: basePoint * 0.92
    readonly property real textBody: basePoint * 1.08
    readonly property real textLarge: basePoint * 1.3
    readonly property real textTitle: basePoint * 1.7
    readonly property real textHeadline: basePoint * 2.3
    readonly property real textCountdown: basePoint * 6.4
    readonly property string fontFamily: Qt.application.font.family

    // Spacing scale, in pixels, also following the font size.
    readonly property real unit: Math.max(4, Math.round(basePoint * 0.4))
    readonly property real space1: unit
    readonly property real space2: unit * 2
    readonly property real space3: unit * 3
    readonly property real space4: unit * 4
    readonly property real space6: unit * 6
    readonly property real space8: unit * 8
    readonly property real radius: unit * 3
    readonly property real radiusSmall: unit * 1.5
    readonly property real contentWidth: basePoint * 80

    readonly property int fast: 150
    readonly property int calm: 300
}
