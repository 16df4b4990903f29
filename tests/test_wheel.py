"""The built wheel, installed in a fresh virtual environment outside the checkout.

The throwaway venv sees the locked dependencies already installed where the
tests run (a path entry to this interpreter's site-packages, added after its
own, so nothing is downloaded again), but gets stretchapp only from the wheel:
the test checks the imported package lives inside the venv, not in this checkout.
`venv --system-site-packages` would not do: it shares the *base* interpreter's
packages, not those of the virtual environment the tests run in.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BUILTIN_IDS = [f"{g}-{k}" for g in ("calf", "back", "neck")
               for k in ("warm-up", "cool-down", "relief")]


def run(args: list[str | Path], cwd: Path, env: dict[str, str],
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout, check=False)


@pytest.mark.slow
def test_wheel_installs_and_runs_outside_the_checkout(tmp_path: Path) -> None:
    """The wheel carries the routines; installed in a venv, list and validate work."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["STRETCHAPP_HOME"] = str(tmp_path / "home")
    dist = tmp_path / "dist"
    built = run([sys.executable, "-m", "build", "--wheel", "--outdir", dist, REPO],
                cwd=tmp_path, env=env, timeout=300)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    [wheel] = dist.glob("stretchapp-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for routine_id in BUILTIN_IDS:
        group = routine_id.split("-")[0]
        assert f"stretchapp/_data/routines/{group}/{routine_id}.yaml" in names
    assert not any(name.startswith("tests/") for name in names)

    venv = tmp_path / "venv"
    made = run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp_path, env=env)
    assert made.returncode == 0, made.stderr
    python, command = venv / "bin" / "python", venv / "bin" / "stretchapp"
    own = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                   cwd=tmp_path, env=env).stdout.strip())
    # A plain path line: the .pth files over there (this checkout's editable
    # install among them) are not processed, so only the dependencies are seen.
    (own / "zz_test_dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    installed = run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps",
                     "--no-index", "--force-reinstall", "--disable-pip-version-check", wheel],
                    cwd=tmp_path, env=env, timeout=300)
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]

    where = run([python, "-c", "import stretchapp, stretchapp.core.storage.paths as p; "
                 "print(stretchapp.__file__); print(p.builtin_routines_dir())"],
                cwd=tmp_path, env=env)
    package, routines = (Path(line) for line in where.stdout.split())
    assert package.is_relative_to(venv) and routines.is_relative_to(venv), where.stdout
    assert not package.is_relative_to(REPO)

    listed = run([command, "list"], cwd=tmp_path, env=env)
    assert (listed.returncode, listed.stderr) == (0, "")
    listed_ids = [line.split()[0] for line in listed.stdout.splitlines()[1:]]
    shipped = {p.stem for p in (REPO / "routines").rglob("*.yaml") if p.parent.name != "stretches"}
    assert set(BUILTIN_IDS) <= set(listed_ids) and sorted(listed_ids) == sorted(shipped)

    checked = run([command, "validate"], cwd=tmp_path, env=env)
    assert (checked.returncode, checked.stderr) == (0, "")
    assert checked.stdout.endswith("file(s) checked, no errors\n")
