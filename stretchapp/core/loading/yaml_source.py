"""Reading a YAML file into plain data, keeping where every value came from.

PyYAML's composer gives nodes with marks; we turn them into dicts, lists and
scalars ourselves so that every value's line and column survive for the error
messages, and so that only plain data is ever built (no object tags).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from stretchapp.core.loading.bounded_read import (
    MAX_INT_DIGITS,
    ReadRefused,
    decode_text,
    read_bounded,
)
from stretchapp.core.loading.problems import Problem, RoutineError
from stretchapp.core.loading.yaml_syntax import (
    COMPOSER,
    MAX_DEPTH,
    SAFE_NESTING,
    check_nesting,
    could_nest_deeper,
    first_line,
    reader_problem,
    syntax_problem,
)

MAX_FILE_BYTES = 1024 * 1024
# Aliases can make a small file expand without bound ("billion laughs").
MAX_NODES = 100_000

_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}
_STR = _TAG + "str"
_INT = _TAG + "int"
_BOOL = _TAG + "bool"
_BOOL_WORDS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
_TAG_WORDS = {"int": "a whole number", "float": "a number", "bool": "true or false",
              "null": "nothing", "str": "text"}
_TIMESTAMP = _TAG + "timestamp"
_MERGE = _TAG + "merge"

Key = tuple[str | int, ...]


@dataclass
class Document:
    """A file's data plus the position (line, column; 1-based) of each value.

    `positions` maps a path such as ("steps", 1, "hold") to the value's node,
    `key_positions` the same path to the key's node (for "unknown key" errors).
    Both are unpacked from `marks` and `key_marks` when asked for: a position
    is kept as one int (see _pack). Most files are never asked where anything
    is, so the marks are not made while loading: the first question composes
    the kept text once more to make them (a library of 10,000 files then
    holds no 10,000 tables of positions at once).
    """

    path: Path
    data: object
    text: str | None = None
    _marks: dict[Key, int] | None = field(default=None, repr=False, compare=False)
    _key_marks: dict[Key, int] | None = field(default=None, repr=False, compare=False)

    @property
    def marks(self) -> dict[Key, int]:
        if self._marks is None:
            self._make_marks()
        assert self._marks is not None
        return self._marks

    @property
    def key_marks(self) -> dict[Key, int]:
        if self._key_marks is None:
            self._make_marks()
        assert self._key_marks is not None
        return self._key_marks

    def _make_marks(self) -> None:
        self._marks, self._key_marks = {}, {}
        if self.text is None:
            return
        try:
            again = parse_text(self.path, self.text, with_marks=True)
        except RoutineError:
            return
        self._marks, self._key_marks = again._marks, again._key_marks

    @property
    def positions(self) -> dict[Key, tuple[int, int]]:
        return {key: _unpack(mark) for key, mark in self.marks.items()}

    @property
    def key_positions(self) -> dict[Key, tuple[int, int]]:
        return {key: _unpack(mark) for key, mark in self.key_marks.items()}

    def where(self, key: Key, *, of_key: bool = False) -> tuple[int, int]:
        """The position of a path, or of its nearest ancestor that has one."""
        table = self.key_marks if of_key else self.marks
        probe = key
        while True:
            mark = table.get(probe)
            if mark is None and of_key:
                mark = self.marks.get(probe)
            if mark is not None:
                return _unpack(mark)
            if not probe:
                return (1, 1)
            probe = probe[:-1]

    def problem(self, key: Key, message: str, *, of_key: bool = False,
                blocking: bool = True, code: str = "invalid") -> Problem:
        line, column = self.where(key, of_key=of_key)
        return Problem(self.path, line, column, message, blocking, code, key)


def _mark(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _pack(node: Node) -> int:
    """A node's 0-based line and column in one int (columns stay below 2**32)."""
    return (node.start_mark.line << 32) | node.start_mark.column


def _unpack(mark: int) -> tuple[int, int]:
    """A packed mark as a 1-based (line, column)."""
    return ((mark >> 32) + 1, (mark & 0xFFFFFFFF) + 1)


class _Builder:
    """Turns a node tree into plain data, collecting every problem on the way."""

    def __init__(self, doc: Document, *, with_marks: bool) -> None:
        self.doc = doc
        self.problems: list[Problem] = []
        self.nodes = 0
        # Positions are recorded only when asked for (see Document).
        self.record = with_marks
        self.marks: dict[Key, int] = {}
        self.key_marks: dict[Key, int] = {}
        self.scalars = SafeConstructor()
        self.active: set[int] = set()

    def fail(self, node: Node, message: str) -> None:
        line, column = _mark(node)
        self.problems.append(Problem(self.doc.path, line, column, message, code="bad-yaml"))

    def build(self, node: Node, key: Key) -> object:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooLarge(node)
        if self.record:
            self.marks.setdefault(key, _pack(node))
        if len(key) > MAX_DEPTH:
            self.fail(node, f"nested more than {MAX_DEPTH} levels deep")
            return None
        if isinstance(node, ScalarNode):
            # Most values are text: skip the constructor for them (the benchmark's hot path).
            return node.value if node.tag == _STR else self.scalar(node)
        if id(node) in self.active:
            self.fail(node, "an alias refers to a value that contains itself")
            return None
        if node.tag not in _PLAIN_TAGS:
            self.fail(node, _tag_message(node.tag))
            return None
        self.active.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return [self.build(item, (*key, i)) for i, item in enumerate(node.value)]
            if isinstance(node, MappingNode):
                return self.mapping(node, key)
        finally:
            self.active.discard(id(node))
        return None  # pragma: no cover - composer makes only these three

    def scalar(self, node: ScalarNode) -> object:
        tag, value = node.tag, node.value
        if tag == _TIMESTAMP:
            # A date is text to us: titles such as 2024-01-01 stay as written.
            return value
        if tag == _INT:
            return self.integer(node)
        # Plain counts and true/false without the constructor's overhead; it
        # still reads the rest (0x1F, 1_000, 0o17, 1:30, ...).
        if tag == _BOOL and value.lower() in _BOOL_WORDS:
            return _BOOL_WORDS[value.lower()]
        if node.tag not in _PLAIN_TAGS:
            self.fail(node, _tag_message(node.tag))
            return None
        try:
            return self.scalars.construct_object(node)
        except (ConstructorError, ValueError, OverflowError, LookupError):
            # Only an explicit tag gets here: '!!int abc', '!!bool maybe', '!!float'.
            word = _TAG_WORDS.get(str(node.tag).replace(_TAG, ""), "a value of its tag")
            self.fail(node, f"cannot read '{brief(node.value)}' as {word}")
            return None

    def integer(self, node: ScalarNode) -> object:
        """A whole number in plain decimal, at most MAX_INT_DIGITS long.

        YAML 1.1 also reads 0x10, 0o17, 1_000 and 1:30 as numbers; the format
        does not, so a plain value written that way stays text (and the schema
        says what it expected); a quoted one tagged '!!int' is refused.
        """
        value = node.value
        digits = value[1:] if value[:1] in "+-" else value
        if len(digits) > MAX_INT_DIGITS:
            self.fail(node, f"a number with {len(digits)} digits: at most "
                      f"{MAX_INT_DIGITS} are read")
            return None
        if digits.isascii() and digits.isdigit():
            return int(value)
        if not node.style:
            return value
        self.fail(node, f"cannot read '{brief(value)}' as a whole number")
        return None

    def mapping(self, node: MappingNode, key: Key) -> dict[str, object]:
        result: dict[str, object] = {}
        seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                self.merge(value_node, key, result)
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                self.fail(key_node, "keys must be plain text")
                continue
            # A key is the text as written: 'yes:' is the key 'yes', not true.
            name = key_node.value
            if name in seen:
                line = seen[name].start_mark.line + 1
                self.fail(key_node, f"duplicate key '{name}' (first given on line {line})")
                continue
            seen[name] = key_node
            if self.record:
                self.key_marks[(*key, name)] = _pack(key_node)
            result[name] = self.build(value_node, (*key, name))
        return result

    def merge(self, node: Node, key: Key, into: dict[str, object]) -> None:
        # `<<: *defaults` copies keys that the mapping does not set itself.
        sources = node.value if isinstance(node, SequenceNode) else [node]
        for source in sources:
            value = self.build(source, key) if isinstance(source, MappingNode) else None
            if not isinstance(value, dict):
                self.fail(source, "'<<' must merge a mapping")
                continue
            for name, item in value.items():
                into.setdefault(name, item)


class _TooLarge(Exception):
    def __init__(self, node: Node) -> None:
        self.node = node


def brief(value: str, limit: int = 40) -> str:
    """A value short enough to quote in a message (5,000 digits are not echoed back)."""
    if len(value) <= limit:
        return value
    return f"{value[: limit - 12]}... ({len(value)} characters)"


def _tag_message(tag: str | None) -> str:
    shown = (tag or "").replace(_TAG, "!!")
    return f"tag '{shown}' is not allowed: only plain YAML data is read"


def decode(path: Path, raw: bytes) -> str:
    """The file's text; RoutineError when it is not UTF-8."""
    try:
        return decode_text(path, raw)
    except ReadRefused as error:
        raise RoutineError([error.problem]) from None


def read_source_text(path: Path) -> str:
    """A routine file's text through the bounded reader (regular file, 1 MiB, UTF-8).

    For the editor's reload and revert: RoutineError with the problem; the text
    then goes through parse_text, which bounds depth, size and numbers.
    """
    try:
        raw = read_bounded(path, MAX_FILE_BYTES)
    except ReadRefused as error:
        raise RoutineError([error.problem]) from None
    return decode(path, raw)


def read_document(path: Path) -> Document:
    """Read and compose a file through the bounded reader; RoutineError with every problem."""
    return parse_text(path, read_source_text(path))


def parse_text(path: Path, text: str, *, with_marks: bool = False) -> Document:
    """Compose YAML text into a Document; RoutineError with every problem."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise RoutineError([Problem(path, 0, 0, "file is larger than the 1 MiB limit",
                                    code="too-large")])
    try:
        if could_nest_deeper(text, SAFE_NESTING):
            check_nesting(path, text)
        root = yaml.compose(text, Loader=COMPOSER)
    except yaml.MarkedYAMLError as error:
        raise RoutineError([syntax_problem(path, text, error)]) from None
    except yaml.reader.ReaderError as error:
        # The reader rejects control characters before any mark is known.
        raise RoutineError([reader_problem(path, text, error)]) from None
    except yaml.YAMLError as error:
        raise RoutineError([Problem(path, 0, 0, f"YAML error: {first_line(error)}",
                                    code="bad-yaml")]) from None
    except RecursionError:
        raise RoutineError([Problem(path, 0, 0, "YAML nested too deeply",
                                    code="too-deep")]) from None
    if root is None:
        raise RoutineError([Problem(path, 1, 1, "file is empty", code="empty-file")])
    doc = Document(path, None, text)
    builder = _Builder(doc, with_marks=with_marks)
    try:
        doc.data = builder.build(root, ())
    except _TooLarge as error:
        line, column = _mark(error.node)
        raise RoutineError([Problem(
            path, line, column, f"file expands to more than {MAX_NODES} values "
            "(too many aliases?)", code="too-large")]) from None
    if builder.problems:
        raise RoutineError(builder.problems)
    if with_marks:
        doc._marks, doc._key_marks = builder.marks, builder.key_marks
    return doc
