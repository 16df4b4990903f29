"""`stretchapp history` and `stretchapp desktop`, run in-process on a temporary home."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

import pytest

from stretchapp import cli
from stretchapp.core.storage.history import History


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _seed(home: Path) -> None:
    history = History(home)
    now = time.time()
    for days_ago in range(5):
        history.record("calf-relief", "Calf cramp relief", 480, finished=True,
                       ended_at=now - days_ago * 86400)
    history.record("neck-relief", "Stiff neck relief", 75, finished=False, ended_at=now)
    history.close()


def test_history_prints_streak_weeks_and_routines(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The summary names the streak, minutes per week by group and each routine."""
    _seed(home)
    code, out, err = run(capsys, "history")
    assert code == 0 and err == ""
    assert out.startswith("Current streak: 5 days (longest 5 days")
    assert "Sessions: 6, 41 minutes in all" in out
    assert "Calf cramp relief  finished 5" in out
    assert "Stiff neck relief  finished 0, stopped 1" in out


def test_history_of_an_empty_home_says_so(home: Path, capsys: pytest.CaptureFixture[str]
                                          ) -> None:
    """With no sessions the command says how to get some, and succeeds."""
    code, out, _ = run(capsys, "history")
    assert code == 0 and "No sessions yet" in out


def test_history_csv_writes_every_session(home: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """--csv prints one row per session with its group; -o writes the same to a file."""
    _seed(home)
    code, out, _ = run(capsys, "history", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 6
    assert {r["group"] for r in rows} == {"calf", "neck"}
    assert [r["finished"] for r in rows].count("no") == 1
    target = tmp_path / "out.csv"
    code, out, _ = run(capsys, "history", "--csv", "-o", str(target))
    assert code == 0 and "wrote 6 session(s)" in out
    assert len(target.read_text(encoding="utf-8").splitlines()) == 7
    code, _, err = run(capsys, "history", "--csv", "-o", str(tmp_path / "no" / "x.csv"))
    assert code == 1 and "cannot write" in err


def test_desktop_install_and_uninstall_use_the_xdg_folders(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """install writes the entry and icon under XDG_DATA_HOME; uninstall removes both."""
    data = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    code, out, _ = run(capsys, "--home", str(tmp_path / "my home"), "desktop", "install")
    entry = data / "applications" / "stretchapp.desktop"
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / "stretchapp.svg"
    assert code == 0 and f"wrote {entry}" in out
    text = entry.read_text(encoding="utf-8")
    assert "Exec=" in text and '--home "' in text and "Icon=stretchapp" in text
    assert icon.read_text(encoding="utf-8").lstrip().startswith("<")
    code, out, _ = run(capsys, "desktop", "uninstall")
    assert code == 0 and not entry.exists() and not icon.exists()
    code, out, _ = run(capsys, "desktop", "uninstall")
    assert code == 0 and "nothing to remove" in out
