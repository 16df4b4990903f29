"""YAML text's faults said in words an author can act on, and nesting kept bounded.

PyYAML's syntax and reader errors become Problems at the most useful line and
column; text that might nest too deep is measured on the parser's events before
libyaml composes it (composing recurses in C, and a 40 KB line of '[' would
overflow the stack and kill the process).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

import yaml

from stretchapp.core.loading.problems import Problem, RoutineError

# The composer: libyaml's where present (about 8x faster), else PyYAML's own.
COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 60
# Text that might nest deeper than this is measured before it is composed.
SAFE_NESTING = 500


def first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def could_nest_deeper(text: str, limit: int) -> bool:
    """False when text certainly nests no deeper than limit (a cheap upper bound).

    Each level needs a '[' or '{', a '- ' or '? ' indicator, or more indentation.
    """
    if len(text) <= limit:
        return False
    flow = text.count("[") + text.count("{")
    indicators = sum(text.count(c + w) for c in "-?" for w in " \t\r\n")
    # What is left of the limit for indentation; no run of that many spaces
    # anywhere means no line is indented that deep.
    room = limit // 2 - flow - indicators - 2
    return room < 0 or " " * (room + 1) in text


def check_nesting(path: Path, text: str) -> None:
    """RoutineError when collections nest deeper than MAX_DEPTH."""
    depth = 0
    events = yaml.parse(text, Loader=COMPOSER)
    while True:
        try:
            event = next(events)
        except StopIteration:
            return
        except yaml.MarkedYAMLError as error:
            # libyaml's scanner reads ahead through flow brackets and may meet
            # its own depth limit before we see a single event: the same fault.
            if "nesting depth" not in str(error):
                raise
            mark = error.problem_mark or error.context_mark
            raise RoutineError([_too_deep(path, mark)]) from None
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise RoutineError([_too_deep(path, event.start_mark)])
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _Position(Protocol):
    line: int
    column: int


def _too_deep(path: Path, mark: _Position | None) -> Problem:
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    return Problem(path, line, column, f"nested more than {MAX_DEPTH} levels deep",
                   code="too-deep")


# PyYAML's syntax errors, said in words a routine's author can act on: the
# problem they contain, whether the context's mark (where the construct began)
# is the better place to point at, and the message.
_SYNTAX_HINTS: tuple[tuple[str, bool, str], ...] = (
    ("escape|hexdecimal", False,
     "a '\\' in double quotes starts an escape sequence: use single quotes around "
     "the value, or write '\\\\'"),
    ("quoted scalar|unexpected end of stream", True,
     "a quoted value is not closed: add the closing quote"),
    ("mapping values are not allowed", False,
     "a ':' that cannot go here: check the indentation of this line, or put a "
     "value that contains ': ' in quotes"),
    ("could not find expected ':'", True,
     "this line is not 'key: value': add the ':' after the key, or check the "
     "indentation"),
    ("did not find expected key", False,
     "this line does not line up with the keys above it: check its indentation"),
    ("did not find expected '-' indicator", False,
     "this line does not line up with the list above it: check its indentation"),
    ("expected ',' or ']'", True, "a list opened with '[' is not closed with ']'"),
    ("expected ',' or '}'", True, "a mapping opened with '{' is not closed with '}'"),
    ("another document", False,
     "a second document ('---' or '...'): a file holds one routine or one catalogue"),
)


def syntax_problem(path: Path, text: str, error: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error as a Problem at the most useful line and column."""
    problem = error.problem or ""
    context = error.context or ""
    mark = error.problem_mark or error.context_mark
    message = problem or context or "not valid YAML"
    at = _char_at(text, mark)
    if at == "\t" or "tab character" in problem:
        message = "a tab character: indent with spaces, not tabs"
    elif "undefined alias" in problem:
        name = _word_after(text, mark)
        message = f"alias '*{name}' refers to no anchor '&{name}' defined before it"
    elif "duplicate anchor" in context and error.context_mark is not None:
        name = _word_after(text, mark)
        message = (f"anchor '&{name}' is defined twice (first on line "
                   f"{error.context_mark.line + 1})")
    elif "cannot start any token" in problem and at:
        message = f"'{at}' cannot start a value: put the value in quotes"
    else:
        for pattern, at_context, hint in _SYNTAX_HINTS:
            if re.search(pattern, f"{problem} {context}"):
                message = hint
                if at_context and error.context_mark is not None:
                    mark = error.context_mark
                break
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    return Problem(path, line, column, f"YAML syntax error: {message}", code="yaml-syntax")


def reader_problem(path: Path, text: str, error: yaml.reader.ReaderError) -> Problem:
    # libyaml gives the offset in UTF-8 bytes, the pure-Python reader in characters.
    offset = error.position if COMPOSER is yaml.SafeLoader else len(
        text.encode("utf-8", "surrogatepass")[: error.position].decode("utf-8", "ignore"))
    lines = _LINE_BREAK.split(text[:offset])
    line, column = len(lines), len(lines[-1]) + 1
    code = error.character if isinstance(error.character, int) else ord(error.character[:1] or "\0")
    what = ("a control character" if code < 0x20 or 0x7F <= code <= 0x9F
            else "a character")
    return Problem(path, line, column, f"the file contains {what} (U+{code:04X}) "
                   "that YAML does not allow", code="bad-character")


_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


def _char_at(text: str, mark: yaml.Mark | None) -> str:
    """The character at a mark, or '' past the end."""
    if mark is None:
        return ""
    lines = _LINE_BREAK.split(text)
    if mark.line >= len(lines):
        return ""
    return lines[mark.line][mark.column: mark.column + 1]


def _word_after(text: str, mark: yaml.Mark | None) -> str:
    """The anchor or alias name at a mark ('*name' or '&name')."""
    if mark is None:
        return ""
    lines = _LINE_BREAK.split(text)
    rest = lines[mark.line][mark.column:] if mark.line < len(lines) else ""
    found = re.match(r"[*&]?([^\s,\[\]{}]*)", rest)
    return found.group(1) if found else ""
