"""Copying a routine into the user's folder under a new id, ready to edit.

The copy keeps the original's comments and key order (ruamel.yaml round
trip), so what people read in the built-in file they find in their own.
"""

from __future__ import annotations

import io
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from stretchapp.core.editing.draft import round_trip_yaml
from stretchapp.core.loading.library import Library
from stretchapp.core.loading.schema import Identifier
from stretchapp.core.storage.safe_write import write_atomically

# The loader's own rule for ids (pattern and length), so a copy always loads.
_ID_RULE: TypeAdapter[str] = TypeAdapter(Identifier)


class CopyError(Exception):
    """A copy that cannot be made, with the reason in words."""


def copy_routine(library: Library, source_id: str, new_id: str, user_dir: Path,
                 *, title: str | None = None) -> Path:
    """Write a copy of routine source_id as user_dir/new_id.yaml and return its path."""
    try:
        _ID_RULE.validate_python(new_id)
    except ValidationError:
        shown = new_id if len(new_id) <= 40 else f"{new_id[:28]}... ({len(new_id)} characters)"
        raise CopyError(f"'{shown}' is not a valid id: use lowercase letters, digits and "
                        "dashes, at most 80 characters, like my-calf-routine") from None
    routine = library.routines.get(source_id)
    if routine is None or routine.source is None:
        known = ", ".join(sorted(library.routines)) or "none"
        raise CopyError(f"no routine with id '{source_id}' (known: {known})")
    if new_id in library.routines:
        where = library.routines[new_id].source
        raise CopyError(f"a routine with id '{new_id}' already exists ({where})")
    target = user_dir / f"{new_id}.yaml"
    if target.exists():
        raise CopyError(f"{target} already exists")
    text = routine.source.read_text(encoding="utf-8")
    yaml = round_trip_yaml(text)
    data = yaml.load(text)
    if "id" in data:
        data["id"] = new_id
    else:
        data.insert(1, "id", new_id)
    data["title"] = title or _copy_title(routine.title)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    write_atomically(target, buffer.getvalue())
    return target


def _copy_title(title: str) -> str:
    suffix = " (my copy)"
    return title[: 80 - len(suffix)] + suffix
