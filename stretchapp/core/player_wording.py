"""The player's sentences about safety, in one place for `core.wording` to fold in.

Kept apart from the code that uses them so the lead can move them into the
app's single wording module (the translation seam) in one go.
"""

from __future__ import annotations

# Spoken at the start of every routine, after the first step is named.
SAFETY_SPOKEN = "Stop if anything hurts sharply"

# Shown on the get-ready screen above the routine's own safety note.
SAFETY_HEADING = "Before you start"
# A relief routine's note is acknowledged once per routine, with one key or click.
ACKNOWLEDGE_BUTTON = "I have read this"
ACKNOWLEDGE_HINT = "Press Enter or click to go on. You will not be asked again for this routine."
# The get-ready screen while the voice is rendered, and its escape.
PREPARING_VOICE = "Getting the voice ready…"
START_NOW = "Start now"

# The first-launch screen: what the app is, and is not, in two sentences.
WELCOME_HEADING = "Welcome to stretchapp"
WELCOME_TEXT = (
    "stretchapp guides you through gentle, timed stretching routines for the calf, "
    "back and neck, with pictures, sounds and a voice. "
    "It is not medical advice: for pain that is severe, frequent or not easing, "
    "see a doctor or physiotherapist."
)
WELCOME_BUTTON = "Got it"


def player_words() -> dict[str, str]:
    """The sentences above by the names QML reads them by."""
    return {
        "safetyHeading": SAFETY_HEADING,
        "acknowledgeButton": ACKNOWLEDGE_BUTTON,
        "acknowledgeHint": ACKNOWLEDGE_HINT,
        "preparingVoice": PREPARING_VOICE,
        "startNow": START_NOW,
        "welcomeHeading": WELCOME_HEADING,
        "welcomeText": WELCOME_TEXT,
        "welcomeButton": WELCOME_BUTTON,
    }
