"""The app's colours by role: read from its one palette, ui/Theme.qml, for Python's uses.

Theme.qml is the palette (the views bind to it); nothing else writes a colour.
Python needs colours in two places and takes both from there: the SVG renderer,
which is handed a `Palette` for the figures (the seams between parts take the
colour of what the picture sits on), and the bridges, which tell QML which role
a routine's kind or a phase is shown in, so QML never compares their names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, TypeAlias

from stretchapp.core.model import OTHER_GROUP, Kind, PhaseKind
from stretchapp.core.storage import paths

Theme: TypeAlias = Literal["light", "dark"]

# What a picture sits on: a card (the library, lists) or a plain surface (the player).
CARD = "surfaceMuted"
SURFACE = "surface"

# The roles a kind's chip is drawn in: background, text.
KIND_ROLES: dict[Kind, tuple[str, str]] = {
    Kind.WARM_UP: ("warmupBg", "warmupText"),
    Kind.COOL_DOWN: ("cooldownBg", "cooldownText"),
    Kind.RELIEF: ("reliefBg", "reliefText"),
}

# The role of each phase's ring and heading: the pauses share one.
PHASE_ROLES: dict[PhaseKind, str] = {
    PhaseKind.PREPARE: "phasePrepare",
    PhaseKind.HOLD: "phaseHold",
    PhaseKind.COUNT: "phaseHold",
    PhaseKind.SWITCH: "phaseSwitch",
    PhaseKind.RELAX: "phaseRest",
    PhaseKind.REST: "phaseRest",
}

# The role each muscle group is drawn in on the history page's chart and its key;
# "other" (a routine no longer in the library) stays muted.
GROUP_ROLES: dict[str, str] = {
    "calf": "phaseSwitch",
    "back": "phasePrepare",
    "neck": "phaseHold",
    OTHER_GROUP: "textMuted",
}


class PaletteError(RuntimeError):
    """Theme.qml is missing or lacks a colour: the installation is broken."""


@dataclass(frozen=True)
class Palette:
    """A figure's colours (the roles named figure* in Theme.qml), handed to the renderer."""

    background: str  # what the picture is drawn for: gaps between parts take this colour
    near: str  # the trunk, head and near limbs
    far: str  # far limbs, toned toward the background for depth
    accent: str  # highlighted muscles on near limbs and trunk
    far_accent: str
    prop: str
    prop_edge: str
    floor: str
    mat: str
    towel: str


# Palette field -> Theme.qml role.
_FIGURE_ROLES = {
    "near": "figureNear", "far": "figureFar", "accent": "figureAccent",
    "far_accent": "figureFarAccent", "prop": "figureProp", "prop_edge": "figurePropEdge",
    "floor": "figureFloor", "mat": "figureMat", "towel": "figureTowel",
}


@lru_cache(maxsize=2)
def theme_colours(theme: Theme) -> Mapping[str, str]:
    """Every role of one theme, as Theme.qml writes it ("role": "#rrggbb")."""
    source = paths.ui_dir() / "Theme.qml"
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as error:
        raise PaletteError(f"cannot read the palette {source}: {error.strerror}") from None
    name = "darkPalette" if theme == "dark" else "lightPalette"
    block = re.search(name + r": \(\{(.*?)\}\)", text, re.DOTALL)
    if block is None:
        raise PaletteError(f"{source}: no {name} found")
    return dict(re.findall(r'"(\w+)": "(#[0-9a-fA-F]{6,8})"', block.group(1)))


def colour(theme: Theme, role: str) -> str:
    """One role's colour; PaletteError names the role when Theme.qml lacks it."""
    try:
        return theme_colours(theme)[role]
    except KeyError:
        raise PaletteError(f"Theme.qml has no colour '{role}' in its {theme} palette") from None


@lru_cache(maxsize=8)
def figure_palette(theme: Theme, on: str = SURFACE) -> Palette:
    """The figure colours of a theme, drawn on the role `on` (a card or a surface)."""
    return Palette(background=colour(theme, on),
                   **{field: colour(theme, role) for field, role in _FIGURE_ROLES.items()})


def kind_roles(kind: Kind) -> dict[str, str]:
    """The roles of a kind's chip, by the names QML reads them: kindBg, kindText."""
    background, text = KIND_ROLES[kind]
    return {"kindBg": background, "kindText": text}


def phase_role(kind: PhaseKind | None) -> str:
    """The role a phase is shown in; the hold's before any phase."""
    return PHASE_ROLES[kind] if kind is not None else PHASE_ROLES[PhaseKind.HOLD]
