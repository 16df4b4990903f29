"""Routine files as people write them, for tests that need one on disk."""

from __future__ import annotations

# A user routine with an inline, sided stretch and its own picture (arrow.png).
USER_ROUTINE = """\
format: 1
id: my-calf
title: My picture routine
group: {group}
kind: warm-up
steps:
  - name: Picture stretch
    sided: true
    image: arrow.png
    instructions: Stand tall and reach.
    hold: 5s
"""

# A hand-written user routine, with comments and a block-style description.
HAND_WRITTEN = """\
# My evening routine: keep it short.
format: 1
title: Evening calf   # shown in the library
group: calf
kind: cool-down
description: >
  Slow holds after a long day on my feet.
defaults:
  hold: 30s   # my usual hold
steps:
  # first the wall
  - stretch: wall-calf-stretch
    hold: 40s
  - stretch: heel-raise
    count: 10
    tempo: 2s
  - stretch: towel-calf-stretch
"""

# The smallest routine of one's own: one held built-in stretch ({stretch}: its id).
ONE_HOLD = """\
format: 1
id: my-calves
title: My calves
group: calf
kind: relief
steps:
  - stretch: {stretch}
    hold: 30
"""
