"""Every sentence a user sees, made in one place: the translation seam.

The rest of the code hands over data (a Problem, a step, a count, an error)
and gets text back, so views never build a sentence, a plural or a duration,
and nobody parses this text back into data. One module per concern; callers
import from the concern's module:

- ``problems``: where a problem is, its line, a summary, a failed load
- ``amounts``: a length of time in words, a count with its noun
- ``routines``: kinds, groups, sides, step summaries, needs, search
- ``player``: phase headings, spoken cues, the safety note, the first launch
- ``editor``: the editor's and sharing's notices, prompts and labels
- ``habit``: history, streaks, reminders, the tray
- ``app_words``: notices around the pages, the settings' choices
- ``cli_words``: the command line's errors and reports
- ``page_words``, ``editor_words``: each view's fixed words, handed to QML once
  as its ``words`` context object (``words.<view>.<name>``, %1 filled by ``.arg()``)
"""

# The player's files are being changed on a parallel branch and still import these
# names from the package; the lead drops this once that branch has moved to
# stretchapp.core.wording.player / .routines / .amounts.
from stretchapp.core.wording.amounts import duration_text
from stretchapp.core.wording.player import (
    PHASE_LABELS,
    REST_HEADING,
    SAFETY_HEADING,
    count_line,
    count_of,
    player_words,
    step_of,
)
from stretchapp.core.wording.routines import AFTER_CARE, side_rep_text

__all__ = ["AFTER_CARE", "PHASE_LABELS", "REST_HEADING", "SAFETY_HEADING", "count_line",
           "count_of", "duration_text", "player_words", "side_rep_text", "step_of"]
