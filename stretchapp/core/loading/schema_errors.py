"""pydantic's validation errors rewritten as messages people can act on.

pydantic says "Extra inputs are not permitted" at ('steps', 1, 'hodl'); a
person wants "unknown key 'hodl' in step 2 (did you mean 'hold'?)" at the
line and column of that key.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from pydantic import BaseModel, ValidationError

from stretchapp.core.loading.problems import Problem
from stretchapp.core.loading.schema import FORMAT_VERSION, ID_PATTERN
from stretchapp.core.loading.yaml_source import Document, Key

# Problem codes (listed in ROUTINE_FORMAT.md) for pydantic's error types.
_CODES = {
    "extra_forbidden": "unknown-key",
    "missing": "missing-key",
    "literal_error": "not-allowed",
    "enum": "not-allowed",
    "duration": "bad-duration",
    "duration_range": "out-of-range",
    "too_short": "empty",
    "string_too_short": "empty",
    "string_too_long": "too-long",
    "string_pattern_mismatch": "bad-pattern",
    "greater_than_equal": "out-of-range",
    "less_than_equal": "out-of-range",
}

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


# Words people write for a key of the format that difflib would not match.
_SYNONYMS = {
    "stretches": "steps", "exercises": "steps", "duration": "hold", "time": "hold",
    "seconds": "hold", "repeat": "reps", "repeats": "reps", "repetitions": "reps",
    "times": "reps", "side": "sides", "description": "instructions", "text": "instructions",
    "speak": "say", "picture": "image", "id": "stretch",
}


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a close choice exists, else ''."""
    close = difflib.get_close_matches(word, [c for c in choices if c != word], n=1, cutoff=0.6)
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
        noun = {"steps": "step", "stretches": "stretch"}.get(names[-1], f"{names[-1]} entry")
        return f"{noun} {loc[-1] + 1}"
    return names[-1]


def _type_hint(kind: str, value: object, loc: Key) -> str:
    """A hint for the usual ways a value ends up with the wrong type."""
    if isinstance(value, str):
        text = value.strip().lower()
        if kind.startswith("int") and re.fullmatch(r"-?\d+", text):
            return " (write the number without quotes)"
        if kind.startswith("bool") and text in ("true", "false", "yes", "no", "on", "off"):
            return " (write true or false without quotes)"
        if kind.startswith("model") and loc[-2:-1] == ("steps",):
            return f" (for a catalogue stretch write 'stretch: {value.strip()}')"
    elif kind == "string_type" and isinstance(value, int | float):
        return " (put it in quotes to use it as text)"
    elif kind == "list_type" and isinstance(value, dict):
        return " (start each entry on its own line with '- ')"
    return ""


def _pattern_message(name: str, loc: Key, value: object) -> str:
    example = ("calf or upper-back" if loc[-1:] == ("group",)
               else "my-calf-routine" if loc == ("id",) else "wall-calf-stretch")
    message = (f"{name} must be lowercase letters, digits and single dashes "
               f"(like {example}), got {shown(value)}")
    if isinstance(value, str):
        slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
        if slug != value and re.match(ID_PATTERN, slug):
            message += f" (did you mean '{slug}'?)"
    return message


def _literal_message(name: str, loc: Key, expected: list[str], value: object) -> str:
    if loc == ("format",) and isinstance(value, int) and not isinstance(value, bool) \
            and value > FORMAT_VERSION:
        return (f"format {value} is newer than this version of stretchapp can read "
                f"(it reads format {FORMAT_VERSION})")
    choices = expected[0] if len(expected) == 1 else f"one of {', '.join(expected)}"
    message = f"{name} must be {choices}, got {shown(value)}"
    if isinstance(value, str):
        if value.strip() in expected:
            return message + " (write it without quotes)"
        message += did_you_mean(value, expected)
    return message


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
        code = _CODES.get(kind, "wrong-type" if kind in _TYPE_WORDS else "invalid")
        missing_key = loc
        if kind == "extra_forbidden":
            key = str(loc[-1])
            allowed = _fields_at(model, tuple(loc[len(prefix):-1]))
            hint = did_you_mean(key, allowed)
            if not hint and _SYNONYMS.get(key) in allowed:
                hint = f" (did you mean '{_SYNONYMS[key]}'?)"
            if not hint and allowed:
                hint = f" (the keys here are {', '.join(sorted(allowed))})"
            message = f"unknown key '{key}'{where}{hint}"
            of_key = True
        elif kind == "missing":
            message = f"missing required key '{loc[-1]}'{where}"
            if loc == ("format",):
                message += f" (add 'format: {FORMAT_VERSION}' at the top)"
            # Reported where the mapping that lacks it starts, but about the key itself.
            loc = loc[:-1]
        elif kind in _TYPE_WORDS:
            message = (f"{name} must be {_TYPE_WORDS[kind]}, got {shown(value)}"
                       + _type_hint(kind, value, loc))
        elif kind in ("literal_error", "enum"):
            expected = str(item.get("ctx", {}).get("expected", "")).replace("'", "")
            message = _literal_message(name, loc, expected.replace(" or ", ", ").split(", "),
                                       value)
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
            message = _pattern_message(name, loc, value)
        elif kind in ("greater_than_equal", "less_than_equal"):
            ctx = item.get("ctx", {})
            bound = ctx.get("ge", ctx.get("le"))
            word = "at least" if kind == "greater_than_equal" else "at most"
            message = f"{name} must be {word} {bound}, got {shown(value)}"
        else:
            message = f"{name}: {item['msg']}"
        if kind == "literal_error" and message.startswith("format ") and "newer" in message:
            code = "format-too-new"
        problem = doc.problem(loc, message, of_key=of_key, code=code)
        if missing_key != loc:
            problem = replace(problem, key=missing_key)
        problems.append(problem)
    return problems
