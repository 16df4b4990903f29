"""Settings: defaults, a round trip through the home, and damaged files."""

from __future__ import annotations

import json
from pathlib import Path

from stretchapp.core.loading.library import load_library
from stretchapp.core.storage.settings import (
    Geometry,
    Settings,
    acknowledge,
    load_settings,
    save_settings,
    settings_path,
    with_prepare,
)


def test_missing_file_gives_defaults_without_notice(tmp_path: Path) -> None:
    """No settings file yet: the defaults, and nothing to tell the user."""
    loaded = load_settings(tmp_path)
    assert loaded.settings == Settings()
    assert loaded.notice == ""


def test_round_trip(tmp_path: Path) -> None:
    """What is saved is what is loaded next time."""
    settings = Settings(theme="dark", volume=0.35, muted=True, voice=False, voice_rate=200,
                        prepare_override=10,
                        geometry=Geometry(10, 20, 900, 700, maximized=True))
    save_settings(tmp_path, settings)
    assert load_settings(tmp_path).settings == settings
    assert json.loads(settings_path(tmp_path).read_text(encoding="utf-8"))["theme"] == "dark"


def test_save_leaves_no_temporary_files(tmp_path: Path) -> None:
    """Saving writes the settings file and nothing else into the home."""
    save_settings(tmp_path, Settings())
    save_settings(tmp_path, Settings(theme="light"))
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_corrupt_file_falls_back_with_notice(tmp_path: Path) -> None:
    """A file that is not JSON gives the defaults and a notice, never an exception."""
    settings_path(tmp_path).write_text("{not json", encoding="utf-8")
    loaded = load_settings(tmp_path)
    assert loaded.settings == Settings()
    assert "damaged" in loaded.notice


def test_not_a_mapping_falls_back(tmp_path: Path) -> None:
    """A JSON list instead of an object is treated as damaged."""
    settings_path(tmp_path).write_text("[1, 2]", encoding="utf-8")
    loaded = load_settings(tmp_path)
    assert loaded.settings == Settings() and loaded.notice


def test_bad_values_are_replaced_one_by_one(tmp_path: Path) -> None:
    """Each bad value takes its default and is named; good ones are kept."""
    data = {"theme": "purple", "volume": 3, "muted": "yes", "voice": False,
            "prepare_override": -4, "geometry": {"x": 1, "y": 2, "width": 5, "height": 5},
            "voice_rate": 999}
    settings_path(tmp_path).write_text(json.dumps(data), encoding="utf-8")
    loaded = load_settings(tmp_path)
    assert loaded.settings == Settings(voice=False)
    for name in ("theme", "volume", "muted", "prepare_override", "geometry", "voice_rate"):
        assert name in loaded.notice


def test_not_utf8_falls_back(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 do not crash the loading."""
    settings_path(tmp_path).write_bytes(b"\xff\xfe\x00bad")
    loaded = load_settings(tmp_path)
    assert loaded.settings == Settings() and loaded.notice


def test_prepare_override_changes_every_step() -> None:
    """with_prepare sets every step's get-ready time, and None changes nothing."""
    routine = load_library().routines["calf-relief"]
    assert with_prepare(routine, None) is routine
    changed = with_prepare(routine, 3)
    assert {step.prepare for step in changed.steps} == {3}
    assert changed.total_seconds < routine.total_seconds


def test_welcome_and_acknowledgements_round_trip(tmp_path: Path) -> None:
    """The first-launch flag and the acknowledged relief routines survive a restart."""
    settings = acknowledge(acknowledge(Settings(welcome_seen=True), "calf-relief"), "calf-relief")
    assert settings.safety_acknowledged == ("calf-relief",)
    save_settings(tmp_path, settings)
    assert load_settings(tmp_path).settings == settings


def test_bad_acknowledgements_are_dropped_with_a_notice(tmp_path: Path) -> None:
    """A safety_acknowledged that is not a list of ids is forgotten (so the note asks again)."""
    (tmp_path / "settings.json").write_text(
        json.dumps({"safety_acknowledged": [1, "x"], "welcome_seen": "yes"}), encoding="utf-8")
    loaded = load_settings(tmp_path)
    assert loaded.settings.safety_acknowledged == ()
    assert loaded.settings.welcome_seen is False
    assert "safety_acknowledged" in loaded.notice and "welcome_seen" in loaded.notice
