"""The fixed words of the player's views: its buttons, labels and screen-reader names.

QML reads them as `words.<view>.<name>` (page_words hands them over with the other
views'); %1 and %2 are filled in by QML with `.arg()`. The sentences the player makes
from a session (phase headings, counts, the safety note) are in `player`.
"""

from __future__ import annotations

PLAYER_PAGE_WORDS: dict[str, dict[str, str]] = {
    "playerPage": {
        "soundOff": "Sound off",
        "soundOn": "Sound on",
        "turnTheSoundOn": "Turn the sound on (M)",
        "mute": "Mute (M)",
        "stop": "Stop",
        "stopTheRoutine": "Stop the routine (Escape)",
        "pausedItself": "The routine paused itself.",
        "resume": "Resume",
        "resumeTheRoutine": "Resume the routine",
        "pause": "Pause",
        "pauseKey": "%1 (Space)",
        "shownForTheRight": "%1, shown for the right side",
        "countName": "Count %1 %2",
        "secondsLeftName": "%1 seconds left",
        "paused": "Paused",
        "upNext": "Up next",
        "nextWithDetail": "%1  ·  %2",
        "headedName": "%1: %2",
        "progressName": "Routine progress: %1 played, %2 left",
        "back": "‹  Back",
        "backName": "Back: restart this step, or go to the one before (Left arrow)",
        "skip": "Skip  ›",
        "skipName": "Skip to what comes next (Right arrow)",
    },
    "getReady": {
        "voiceProgressName": "Voice preparation %1 percent",
        "startNowName": "Start now, without waiting for the voice",
        "enterName": "%1 (Enter)",
        "safetyAndFlagsName": "%1: %2. %3: %4",
    },
    "stretchPicture": {
        "noPicture": "No picture for this stretch",
    },
}
