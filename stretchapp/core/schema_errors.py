"""pydantic's validation errors rewritten as messages people can act on.

pydantic says "Extra inputs are not permitted" at ('steps', 1, 'hodl'); a
person wants "unknown key 'hodl' in step 2 (did you mean 'hold'?)" at the
line and column of that key.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError

from stretchapp.core.errors import Problem
from stretchapp.core.yaml_source import Document, Key

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys to values",
    "model_type": "a mapping of keys to values",
    "model_attributes_type": "a mapping of keys to values",
}


def shown(value: object) -> str:
    """A value as a message quotes it."""
    if value is None:
        return "nothing"
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return f"'{text}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)


def context(loc: Key) -> str:
    """Where in the file a path lies, in words: ' in step 2', ' in cues'."""
    for index in range(len(loc) - 1, -1, -1):
        part = loc[index]
        if isinstance(part, int) and index > 0:
            owner = loc[index - 1]
            noun = {"steps": "step", "stretches": "stretch"}.get(str(owner), f"{owner} item")
            return f" in {noun} {part + 1}"
    if len(loc) > 1:
        return f" in {loc[-2]}"
    return ""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a close choice exists, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _fields_at(model: type[BaseModel], loc: Key) -> list[str]:
    """The keys allowed in the mapping at loc, for did-you-mean."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if field is None:
            return []
        current = _model_in(field.annotation)
    return list(current.model_fields) if hasattr(current, "model_fields") else []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _name(loc: Key) -> str:
    names = [part for part in loc if isinstance(part, str)]
    if not names:
        return "the file"
    if isinstance(loc[-1], int):
        return f"{names[-1]} entry {loc[-1] + 1}"
    return names[-1]


def problems_from(error: ValidationError, doc: Document,
                  model: type[BaseModel], prefix: Key = ()) -> list[Problem]:
    """Every pydantic error of one validation, as positioned Problems."""
    problems: list[Problem] = []
    for item in error.errors(include_url=False):
        loc: Key = (*prefix, *(p for p in item["loc"] if isinstance(p, str | int)))
        kind = item["type"]
        value = item.get("input")
        name = _name(loc)
        where = context(loc)
        of_key = False
        if kind == "extra_forbidden":
            key = str(loc[-1])
            allowed = _fields_at(model, tuple(loc[len(prefix):-1]))
            message = f"unknown key '{key}'{where}{did_you_mean(key, allowed)}"
            of_key = True
        elif kind == "missing":
            message = f"missing required key '{loc[-1]}'{where}"
            loc = loc[:-1]
        elif kind in _TYPE_WORDS:
            message = f"{name} must be {_TYPE_WORDS[kind]}, got {shown(value)}{where}"
        elif kind == "literal_error":
            expected = str(item.get("ctx", {}).get("expected", "")).replace("'", "")
            expected = expected.replace(" or ", ", ")
            message = f"{name} must be one of {expected}, got {shown(value)}"
            if isinstance(value, str):
                message += did_you_mean(value, expected.split(", "))
        elif kind in ("duration", "duration_range"):
            message = f"{name} {item['msg']}".replace(" expected ", " must be ")
        elif kind == "too_short" and isinstance(value, list):
            message = f"{name} must have at least one entry"
        elif kind in ("string_too_short", "too_short"):
            message = f"{name} must not be empty"
        elif kind == "string_too_long":
            limit = item.get("ctx", {}).get("max_length")
            message = f"{name} must be at most {limit} characters, got {len(str(value))}"
        elif kind == "string_pattern_mismatch":
            message = (f"{name} must be lowercase letters, digits and single dashes "
                       f"(like wall-calf-stretch), got {shown(value)}")
        elif kind in ("greater_than_equal", "less_than_equal"):
            ctx = item.get("ctx", {})
            bound = ctx.get("ge", ctx.get("le"))
            word = "at least" if kind == "greater_than_equal" else "at most"
            message = f"{name} must be {word} {bound}, got {shown(value)}"
        else:
            message = f"{name}: {item['msg']}"
        problems.append(doc.problem(loc, message, of_key=of_key))
    return problems
