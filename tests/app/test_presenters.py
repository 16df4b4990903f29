"""Presenters with no event loop: player_view, draft_problems, routine_text, editor_view."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from stretchapp.app.draft_problems import place_problems
from stretchapp.app.editor_view import field_problems, other_problems, shown_cues, step_problems
from stretchapp.app.player_presenter import PlayerPresenter
from stretchapp.app.player_view import countdown_text, player_view
from stretchapp.app.stretch_images import StretchImages
from stretchapp.core.loading.library import load_library
from stretchapp.core.loading.problems import Problem
from stretchapp.core.model import Side
from stretchapp.core.session.engine import SessionEngine
from stretchapp.core.session.timeline import PhaseKind
from stretchapp.core.wording.player import REST_HEADING
from stretchapp.core.wording.routines import matches, side_rep_text, sides_text, step_summary
from tests.helpers.clock import FakeClock
from tests.helpers.routines import BOTH, routine, step, three_steps

# --- player_view -------------------------------------------------------------------------


def test_countdown_rounds_up_and_shows_minutes_from_sixty() -> None:
    """0.2 s left still shows 1; 59.5 s shows 60 as 1:00; 5 s shows 5."""
    assert (countdown_text(0.2), countdown_text(5), countdown_text(59.5)) == ("1", "5", "1:00")
    assert countdown_text(0) == "0"


def test_player_view_during_a_rest_names_what_comes_next() -> None:
    """In a rest the heading rests, the next stretch is announced, and the step is the next's."""
    clock = FakeClock()
    engine = SessionEngine(routine(step("Neck tilt", hold=5, rest=4), step("Calf stretch")),
                           clock)
    engine.start()
    while engine.state().phase is None or engine.state().phase.kind is not PhaseKind.REST:
        clock.advance(0.5)
        engine.tick()
    view = player_view(engine.routine, engine.state(), StretchImages(), "light")
    assert view["stretchName"] == REST_HEADING and view["phaseKind"] == "rest"
    assert view["showNext"] and view["nextName"] == "Calf stretch"
    assert view["stepText"] == "Step 2 of 2"


def test_player_view_of_a_counted_phase_shows_the_count() -> None:
    """A counted movement shows the count reached and 'of N'."""
    clock = FakeClock()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    while engine.state().phase is None or engine.state().phase.kind is not PhaseKind.COUNT:
        clock.advance(0.5)
        engine.tick()
    clock.advance(2.5)
    engine.tick()
    view = player_view(engine.routine, engine.state(), StretchImages(), "dark")
    assert view["counted"] and view["countOfText"] == "of 4" and view["countText"] in "12"


@settings(max_examples=12, deadline=None)
@given(routine_id=st.sampled_from(["neck-warm-up", "calf-relief", "back-cool-down"]),
       steps=st.lists(st.sampled_from([0.05, 0.2, 0.2, 0.2, 0.37, 0.5, 1.0, 1.6]),
                      min_size=40, max_size=400))
def test_a_refresh_that_moves_only_the_ring_and_picture_shows_the_whole_view(
        routine_id: str, steps: list[float]) -> None:
    """At every refresh of a real routine, whatever the gaps between refreshes, the view
    the presenter keeps (made whole, or only its moving values) is player_view's."""
    routine = load_library().routines[routine_id]
    clock = FakeClock()
    engine = SessionEngine(routine, clock)
    images = StretchImages()
    presenter = PlayerPresenter(images)
    presenter.theme = "dark"
    presenter.reset(routine.title)
    engine.start()
    for gap in steps:
        clock.advance(gap)
        engine.tick()
        state = engine.state()
        presenter.show(routine, state)
        made = dict(presenter.view)
        del made["pulse"]
        whole = player_view(routine, state, images, "dark")
        del whole["pulse"]
        whole["routineProgress"] = made["routineProgress"]  # steps with the seconds only
        assert made == whole, state.elapsed


# --- draft_problems ----------------------------------------------------------------------


def _problem(key: tuple[str | int, ...], line: int = 3) -> Problem:
    return Problem(Path("a.yaml"), line, 5, "bad", True, "invalid", key)


def test_problems_are_placed_by_their_key_path() -> None:
    """A step's field, a routine default, a top field and the whole file go where their key says."""
    placed = place_problems(None, [_problem(("steps", 1, "hold")), _problem(("defaults", "hold")),
                                   _problem(("title",)), _problem((), line=0)])
    assert [(p.step, p.field) for p in placed] == [(1, "hold"), (-1, "defaults.hold"),
                                                   (-1, "title"), (-1, "")]
    assert placed[0].text == "3:5: bad" and placed[3].text == "bad"


def test_editor_view_groups_problems_by_field_and_step() -> None:
    """Field problems by field, step problems by step, the rest listed apart."""
    placed = place_problems(None, [_problem(("title",)), _problem(("steps", 0, "hold")),
                                   _problem(("cues", "sounds", "start"))])
    assert field_problems(placed) == {"title": "3:5: bad", "cues.sounds": "3:5: bad"}
    assert step_problems(placed) == {0: ["3:5: bad"]}
    assert other_problems(placed) == ["3:5: bad"]


def test_cues_shown_take_the_formats_defaults() -> None:
    """With no cues section: a 3 s countdown, no halfway, the voice on."""
    assert shown_cues(None) == {"countdown": 3, "halfway": False, "voice": True}


# --- routine_text ------------------------------------------------------------------------


def test_step_texts_say_sides_reps_and_duration() -> None:
    """A sided step with two reps, a one-sided step and a counted step, in words."""
    both = step("Calf stretch", hold=30, sides=BOTH, reps=2)
    assert step_summary(both) == "30 s each side · 2 times"
    assert sides_text(both) == "Left, then right"
    one = step("Calf stretch", hold=30, sides=(Side.RIGHT,))
    assert step_summary(one) == "30 s · right side only"
    assert step_summary(step("Heel raise", count=10, tempo=2)) == "10 × 2 s"
    assert side_rep_text(Side.LEFT, 2, 3) == "Left side – 2 of 3"
    assert side_rep_text(None, 1, 1) == ""


def test_search_matches_every_word_anywhere() -> None:
    """Every word must be found in the title, text, group, kind or a stretch's name."""
    subject = three_steps()
    assert matches(subject, ["heel", "neck"])
    assert not matches(subject, ["heel", "shoulder"])
