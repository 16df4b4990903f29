"""The fixed words of the app's pages and dialogs, by view: headings, buttons, screen-reader names.

QML reads them as `words.<view>.<name>`; a name ending in a placeholder (%1, %2) is
filled in by QML with `.arg()`, as Qt's own translated strings are. The editor's views
are in editor_words, the player's in player_page_words.
"""

from __future__ import annotations

from stretchapp.core.wording.editor_words import EDITOR_WORDS
from stretchapp.core.wording.player import player_words
from stretchapp.core.wording.player_page_words import PLAYER_PAGE_WORDS

PAGE_WORDS: dict[str, dict[str, str]] = {
    "detailPage": {
        "startRoutine": "Start %1",
        "theRoutine": "the routine",
        "library": "‹  Library",
        "backToTheLibrary": "Back to the library",
        "yours": "Yours",
        "start": "Start",
        "edit": "Edit",
        "customise": "Customise",
        "editName": "Edit this routine",
        "customiseName": "Customise: edit your own copy of this routine",
        "exportThisRoutineTo": "Export this routine to share it",
        "deleteThisRoutineYou": "Delete this routine (you can undo it)",
        "staySafe": "Stay safe",
        "steps": "Steps",
        "keep": "Keep",
        "exportButton": "Export…",
        "deleteButton": "Delete",
    },
    "finishPage": {
        "timeSpent": "You spent %1 on %2.",
        "seeYourHistoryAnd": "See your history and streak",
        "lookingAfterTheMuscle": "Looking after the muscle",
        "doItAgain": "Do it again",
        "backToTheLibrary": "Back to the library",
    },
    "libraryPage": {
        "showKind": "Show %1",
        "allKinds": "all kinds",
        "stretch": "Stretch",
        "pickARoutineFor": "Pick a routine for the muscle that needs it, and follow along.",
        "newRoutine": "New routine",
        "newRoutineStartAn": "New routine: start an empty one of your own",
        "importARoutineFile": "Import a routine file someone shared",
        "history": "History",
        "yourHistoryAndStreak": "Your history and streak",
        "settings": "Settings",
        "searchRoutinesAndStretches": "Search routines and stretches",
        "searchRoutines": "Search routines",
        "showRoutinesOfA": "Show routines of a kind",
        "loadingRoutines": "Loading routines…",
        "importButton": "Import…",
    },
    "main": {
        "recoveryHeading": "Continue %1?",
        "recoveryMessage": (
            "The app closed before this routine finished. Pick up where you left "
            "off, paused at that step."
        ),
        "stretchapp": "stretchapp",
        "dismiss": "Dismiss",
        "dismissTheNotice": "Dismiss the notice",
        "stopThisRoutine": "Stop this routine?",
        "youCanStartIt": "You can start it again from its page.",
        "stop": "Stop",
        "keepGoing": "Keep going",
        "notNow": "Not now",
        "continueButton": "Continue",
    },
    "nudge": {
        "reminderName": "Reminder: %1",
        "startNowName": "Start %1 now",
        "stretchappReminder": "stretchapp reminder",
        "stillTimeForA": "Still time for a stretch",
        "timeForAStretch": "Time for a stretch",
        "start": "Start",
        "in10Minutes": "In 10 minutes",
        "notToday": "Not today",
    },
    "problemsPanel": {
        "oneFile": "1 routine file has problems. The rest of the library works.",
        "manyFiles": "%1 routine files have problems. The rest of the library works.",
        "loadedWithWarnings": "  (loaded, with warnings)",
        "hideDetails": "Hide details",
        "showDetails": "Show details",
        "hideTheProblems": "Hide the problems",
        "showTheProblems": "Show the problems",
    },
    "reminderSettings": {
        "rulesHint": "One reminder a line, for example:\n%1",
        "remindMeToStretch": "Remind me to stretch",
        "pauseFor1Hour": "Pause for 1 hour",
        "pauseUntilTomorrow": "Pause until tomorrow",
        "resumeNow": "Resume now",
        "reminderRulesOneA": "Reminder rules, one a line",
        "saveReminders": "Save reminders",
        "startStretchappWhenI": "Start stretchapp when I log in",
    },
    "settingsPage": {
        "voiceSpeedName": "Voice speed: %1",
        "drawingHint": "How the window is drawn (a change applies from the next start). %1",
        "playerKeys": (
            "Keys in the player: Space pause or resume, Right skip, Left back, Esc "
            "stop, F full screen, M mute."
        ),
        "back": "‹  Back",
        "back2": "Back",
        "settings": "Settings",
        "appearance": "Appearance",
        "sound": "Sound",
        "playSoundsAndThe": "Play sounds and the voice",
        "volume": "Volume",
        "speakTheCuesName": "Speak the cues (name each stretch, count, say when to switch)",
        "voiceSpeed": "Voice speed",
        "getReadyTime": "Get-ready time",
        "howLongToGet": "How long to get into position before each stretch.",
        "drawing": "Drawing",
        "reminders": "Reminders",
    },
    "sideChooser": {
        "selected": "%1, selected",
        "whichSideFirstLeft": "Which side first? Left and right arrows to choose, Enter to start",
        "whichSideFirst": "Which side first?",
        "startOnTheSide": "Start on the side that needs it most, or do that side only.",
        "toChooseEnterTo": "← → to choose, Enter to start",
    },
    "welcomeScreen": {
        "buttonName": "%1 (Enter)",
    },
    "historyPage": {
        "back": "‹  Back",
        "back2": "Back",
        "yourHistory": "Your history",
        "noSessionsYetFinish": "No sessions yet. Finish a routine and your days show here.",
        "theLast12Weeks": "The last 12 weeks",
        "less": "Less",
        "moreMinutes": "More minutes",
        "minutesPerWeek": "Minutes per week",
        "routines": "Routines",
        "sessions": "Sessions",
    },
    "routineCard": {
        "yours": "Yours",
    },
}


def view_words() -> dict[str, dict[str, str]]:
    """Every view's words, handed to QML once as its `words` context object."""
    every = {**PAGE_WORDS, **EDITOR_WORDS, **PLAYER_PAGE_WORDS, "player": player_words()}
    return {view: dict(names) for view, names in every.items()}
