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
- ``app_words``: notices around the pages, the settings' choices, the renderer's reasons
- ``cli_words``: the command line's errors and reports
- ``sound``: the notices when cue sounds or the voice cannot play
- ``page_words``, ``editor_words``, ``player_page_words``: each view's fixed words,
  handed to QML once as its ``words`` context object (``words.<view>.<name>``,
  %1 filled by ``.arg()``)
"""
