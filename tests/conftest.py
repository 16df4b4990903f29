"""Test-wide set-up: headless Qt, a throwaway home, a patient Hypothesis."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.helpers.alone import machine_share

# Before anything imports Qt: no display here, and no reading of the user's home.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("STRETCHAPP_HOME", None)

settings.register_profile(
    "stretchapp", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("stretchapp")

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh STRETCHAPP_HOME for one test."""
    folder = tmp_path / "home"
    (folder / "routines").mkdir(parents=True)
    monkeypatch.setenv("STRETCHAPP_HOME", str(folder))
    yield folder


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[object]:
    """Tests marked `alone` run with no other test running beside them (see helpers/alone)."""
    with machine_share(alone=item.get_closest_marker("alone") is not None):
        return (yield)
