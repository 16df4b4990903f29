"""Both palettes in ui/Theme.qml meet WCAG AA contrast for their text and controls."""

from __future__ import annotations

import re

import pytest

from stretchapp.core.storage import paths

# (foreground, background, minimum ratio): 4.5 for text, 3 for large text and
# for the parts of controls and graphics people must see (WCAG 1.4.3, 1.4.11).
PAIRS = [
    ("text", "background", 4.5),
    ("text", "surface", 4.5),
    ("text", "surfaceMuted", 4.5),
    ("textMuted", "background", 4.5),
    ("textMuted", "surface", 4.5),
    ("textMuted", "surfaceMuted", 4.5),
    ("textOnAccent", "accent", 4.5),
    ("textOnAccent", "accentHover", 4.5),
    ("accent", "background", 4.5),
    ("accent", "surface", 4.5),
    ("textOnAccentSoft", "accentSoft", 4.5),
    ("warnText", "warnBg", 4.5),
    ("errorText", "errorBg", 4.5),
    ("text", "errorBg", 4.5),
    ("warmupText", "warmupBg", 4.5),
    ("cooldownText", "cooldownBg", 4.5),
    ("reliefText", "reliefBg", 4.5),
    ("userText", "userBg", 4.5),
    ("text", "accentSoft", 4.5),
    # Phase colours: the ring, and the phase label drawn in the background colour.
    ("background", "phasePrepare", 4.5),
    ("background", "phaseHold", 4.5),
    ("background", "phaseSwitch", 4.5),
    ("background", "phaseRest", 4.5),
    ("phasePrepare", "ringTrack", 3.0),
    ("phaseHold", "ringTrack", 3.0),
    ("phaseSwitch", "ringTrack", 3.0),
    ("phaseRest", "ringTrack", 3.0),
    ("accent", "ringTrack", 3.0),
    ("focus", "background", 3.0),
    ("focus", "surface", 3.0),
    ("textMuted", "surface", 3.0),  # switch and radio outlines
]


def palettes() -> dict[str, dict[str, str]]:
    """The light and dark palettes as written in Theme.qml."""
    text = (paths.ui_dir() / "Theme.qml").read_text(encoding="utf-8")
    found = {}
    for name in ("lightPalette", "darkPalette"):
        block = re.search(name + r": \(\{(.*?)\}\)", text, re.S)
        assert block, f"{name} not found in Theme.qml"
        found[name] = dict(re.findall(r'"(\w+)": "(#[0-9a-fA-F]{6,8})"', block.group(1)))
    return found


def luminance(colour: str) -> float:
    """WCAG relative luminance of #rrggbb."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula() -> None:
    """The formula gives WCAG's figures for black on white and for equal colours."""
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#777777") == pytest.approx(1.0)


def test_palettes_have_the_same_keys() -> None:
    """The light and dark palettes define the same colours."""
    found = palettes()
    assert set(found["lightPalette"]) == set(found["darkPalette"])
    assert len(found["lightPalette"]) >= 25


@pytest.mark.parametrize("palette", ["lightPalette", "darkPalette"])
def test_pairs_meet_wcag_aa(palette: str) -> None:
    """Every text/background pair the views use reaches its WCAG AA ratio."""
    colours = palettes()[palette]
    failing = [f"{fg} on {bg}: {contrast(colours[fg], colours[bg]):.2f} < {minimum}"
               for fg, bg, minimum in PAIRS
               if contrast(colours[fg], colours[bg]) < minimum]
    assert failing == []
