"""The built-in stretches' poses, as the real loader reads them."""

from __future__ import annotations

from functools import cache

from stretchapp.core.loading.library import load_library
from stretchapp.core.pose.model import PoseSpec


@cache
def builtin_specs() -> dict[str, PoseSpec]:
    """Stretch id -> pose of every built-in stretch drawn from a pose."""
    return {stretch.id: stretch.pose for stretch in load_library().stretches.values()
            if isinstance(stretch.pose, PoseSpec)}
