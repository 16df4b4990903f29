"""The renderer that fits the machine: software where OpenGL is software, forced either way."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretchapp.app.renderer import (
    RENDERER_VARIABLE,
    choose_renderer,
    gpu_device_present,
    is_software_gl,
)
from stretchapp.core.storage.settings import load_settings, save_settings, settings_path
from tests.app.test_startup import start_app
from tests.helpers.ui import Ui
from tests.helpers.xvfb import private_display

REPO = Path(__file__).resolve().parents[2]


def _never() -> str | None:
    raise AssertionError("the GL renderer was read when it was not needed")


@pytest.mark.parametrize("name", ["llvmpipe (LLVM 15.0.6, 256 bits)", "softpipe",
                                  "Mesa swrast", "LLVMPIPE"])
def test_a_software_gl_renderer_gets_the_software_backend(name: str) -> None:
    """With a GPU device, a GL renderer named llvmpipe, softpipe or swrast means software."""
    choice = choose_renderer("auto", {}, "xcb", has_gpu=lambda: True, probe=lambda: name,
                             system="linux")
    assert choice.backend == "software"
    assert name in choice.reason


def test_a_hardware_gl_renderer_keeps_opengl() -> None:
    """A GPU's own GL renderer keeps Qt Quick on OpenGL."""
    choice = choose_renderer("auto", {}, "wayland", has_gpu=lambda: True,
                             probe=lambda: "Mesa Intel(R) UHD Graphics 620 (KBL GT2)",
                             system="linux")
    assert choice.backend == "opengl"


def test_no_gpu_device_means_software_without_reading_gl() -> None:
    """Without a GPU device the choice is made from the file system alone (no GL loaded)."""
    choice = choose_renderer("auto", {}, "xcb", has_gpu=lambda: False, probe=_never,
                             system="linux")
    assert choice.backend == "software"


def test_no_opengl_at_all_means_software() -> None:
    """Where no GL context can be made, Qt Quick draws in software."""
    choice = choose_renderer("auto", {}, "xcb", has_gpu=lambda: True, probe=lambda: None,
                             system="linux")
    assert choice.backend == "software"


def test_mesa_told_to_draw_in_software_is_seen() -> None:
    """LIBGL_ALWAYS_SOFTWARE or GALLIUM_DRIVER=llvmpipe count as software GL."""
    for env in ({"LIBGL_ALWAYS_SOFTWARE": "1"}, {"GALLIUM_DRIVER": "llvmpipe"}):
        choice = choose_renderer("auto", env, "xcb", has_gpu=lambda: True, probe=_never,
                                 system="linux")
        assert choice.backend == "software"


def test_the_environment_wins_over_the_setting() -> None:
    """STRETCHAPP_RENDERER forces either backend whatever the setting and the machine say."""
    software = choose_renderer("opengl", {RENDERER_VARIABLE: "software"}, "xcb",
                               has_gpu=lambda: True, probe=lambda: "NVIDIA", system="linux")
    opengl = choose_renderer("software", {RENDERER_VARIABLE: "OpenGL"}, "xcb",
                             has_gpu=lambda: False, probe=_never, system="linux")
    assert (software.backend, opengl.backend) == ("software", "opengl")
    assert RENDERER_VARIABLE in software.reason


def test_the_setting_forces_a_backend_and_auto_detects() -> None:
    """The renderer setting forces a backend; a bad environment value is ignored."""
    forced = choose_renderer("software", {RENDERER_VARIABLE: "vulkan"}, "xcb",
                             has_gpu=lambda: True, probe=_never, system="linux")
    assert forced.backend == "software" and "setting" in forced.reason
    auto = choose_renderer("auto", {RENDERER_VARIABLE: "auto"}, "xcb",
                           has_gpu=lambda: True, probe=lambda: "AMD Radeon", system="linux")
    assert auto.backend == "opengl"


def test_qt_choices_and_headless_platforms_are_left_alone() -> None:
    """QT_QUICK_BACKEND set by the user, offscreen, or not Linux: Qt chooses, nothing is read."""
    for env, platform, system in (({"QT_QUICK_BACKEND": "software"}, "xcb", "linux"),
                                  ({}, "offscreen", "linux"), ({}, "windows", "win32")):
        choice = choose_renderer("auto", env, platform, has_gpu=_never_bool, probe=_never,
                                 system=system)
        assert choice.backend == ""


def _never_bool() -> bool:
    raise AssertionError("the device check ran when it was not needed")


def test_gpu_devices_are_found_in_dev(tmp_path: Path) -> None:
    """A DRM render node or the NVIDIA device counts as a GPU; a bare card node does not."""
    (tmp_path / "dri").mkdir()
    (tmp_path / "dri" / "card0").touch()
    assert gpu_device_present(tmp_path) is False
    (tmp_path / "dri" / "renderD128").touch()
    assert gpu_device_present(tmp_path) is True
    nvidia = tmp_path / "nv"
    nvidia.mkdir()
    (nvidia / "nvidia0").touch()
    assert gpu_device_present(nvidia) is True
    assert is_software_gl("Mesa Intel(R) Xe Graphics") is False


def test_the_renderer_setting_is_kept_and_checked(tmp_path: Path) -> None:
    """The renderer setting round-trips; an unknown value falls back to auto with a notice."""
    save_settings(tmp_path, load_settings(tmp_path).settings.__class__(renderer="software"))
    assert load_settings(tmp_path).settings.renderer == "software"
    settings_path(tmp_path).write_text(json.dumps({"renderer": "vulkan"}), encoding="utf-8")
    loaded = load_settings(tmp_path)
    assert loaded.settings.renderer == "auto" and "renderer" in loaded.notice


def test_the_settings_page_sets_the_renderer(home: Path, ui: Ui) -> None:
    """Choosing Software on the settings page is saved for the next start."""
    ui.window.resize(1120, 1600)  # the whole settings page, without scrolling
    ui.click("settingsButton")
    ui.settle()
    ui.click("renderer_software")
    assert ui.shell.settings.renderer == "software"
    ui.shell.settings.save_now()
    assert load_settings(home).settings.renderer == "software"


# --- the real app, on a real X display ----------------------------------------------


@pytest.fixture(scope="module")
def xvfb_display() -> Iterator[str]:
    """An Xvfb display of its own, where Qt's xcb platform can open windows."""
    with private_display() as display:
        yield display


def test_on_a_display_without_gpu_the_app_draws_in_software(
        tmp_path: Path, xvfb_display: str) -> None:
    """On Xvfb (OpenGL there is always software) the app picks Qt Quick's software backend."""
    figures = start_app(tmp_path / "home", {"DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "xcb"})
    assert figures["graphics_api"] == "Software"
    assert "software" in str(figures["renderer"])


def test_opengl_can_be_forced_on_a_display(tmp_path: Path, xvfb_display: str) -> None:
    """STRETCHAPP_RENDERER=opengl keeps Qt Quick on OpenGL even where it is software."""
    figures = start_app(tmp_path / "home", {"DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "xcb",
                                             RENDERER_VARIABLE: "opengl"})
    assert figures["graphics_api"] == "OpenGL"
