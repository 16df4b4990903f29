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

from stretchapp.core.errors import Problem, RoutineError

MAX_FILE_BYTES = 1024 * 1024
# Aliases can make a small file expand without bound ("billion laughs").
MAX_NODES = 100_000
MAX_DEPTH = 60

_Composer = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}
_TIMESTAMP = _TAG + "timestamp"
_MERGE = _TAG + "merge"

Key = tuple[str | int, ...]


@dataclass
class Document:
    """A file's data plus the position (line, column; 1-based) of each value.

    `positions` maps a path such as ("steps", 1, "hold") to the value's node,
    `key_positions` the same path to the key's node (for "unknown key" errors).
    """

    path: Path
    data: object
    positions: dict[Key, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Key, tuple[int, int]] = field(default_factory=dict)

    def where(self, key: Key, *, of_key: bool = False) -> tuple[int, int]:
        """The position of a path, or of its nearest ancestor that has one."""
        table = self.key_positions if of_key else self.positions
        probe = key
        while True:
            if probe in table:
                return table[probe]
            if of_key and probe in self.positions:
                return self.positions[probe]
            if not probe:
                return (1, 1)
            probe = probe[:-1]

    def problem(self, key: Key, message: str, *, of_key: bool = False,
                blocking: bool = True) -> Problem:
        line, column = self.where(key, of_key=of_key)
        return Problem(self.path, line, column, message, blocking)


def _mark(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns a node tree into plain data, collecting every problem on the way."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Problem] = []
        self.nodes = 0
        self.scalars = SafeConstructor()
        self.active: set[int] = set()

    def fail(self, node: Node, message: str) -> None:
        line, column = _mark(node)
        self.problems.append(Problem(self.doc.path, line, column, message))

    def build(self, node: Node, key: Key) -> object:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooLarge(node)
        self.doc.positions.setdefault(key, _mark(node))
        if len(key) > MAX_DEPTH:
            self.fail(node, f"nested more than {MAX_DEPTH} levels deep")
            return None
        if id(node) in self.active:
            self.fail(node, "an alias refers to a value that contains itself")
            return None
        if isinstance(node, ScalarNode):
            return self.scalar(node)
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
        if node.tag == _TIMESTAMP:
            # A date is text to us: titles such as 2024-01-01 stay as written.
            return node.value
        if node.tag not in _PLAIN_TAGS:
            self.fail(node, _tag_message(node.tag))
            return None
        try:
            return self.scalars.construct_object(node)
        except (ConstructorError, ValueError, OverflowError) as error:
            self.fail(node, f"cannot read value '{node.value}': {error}")
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
            name = str(self.scalar(key_node))
            if name in seen:
                line = seen[name].start_mark.line + 1
                self.fail(key_node, f"duplicate key '{name}' (first given on line {line})")
                continue
            seen[name] = key_node
            self.doc.key_positions[(*key, name)] = _mark(key_node)
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


def _tag_message(tag: str | None) -> str:
    shown = (tag or "").replace(_TAG, "!!")
    return f"tag '{shown}' is not allowed: only plain YAML data is read"


def decode(path: Path, raw: bytes) -> str:
    """The file's text; RoutineError when it is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        byte = raw[error.start]
        raise RoutineError([Problem(
            path, line, column, f"file is not UTF-8 text (byte 0x{byte:02x})")]) from None


def read_document(path: Path) -> Document:
    """Read and compose a file; RoutineError with every problem found."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise RoutineError([Problem(
                path, 0, 0, f"file is {size / 1048576:.1f} MiB, larger than the 1 MiB limit")])
        raw = path.read_bytes()
    except OSError as error:
        raise RoutineError([Problem(path, 0, 0, f"cannot read file: {error.strerror}")]) from None
    return parse_text(path, decode(path, raw))


def parse_text(path: Path, text: str) -> Document:
    """Compose YAML text into a Document; RoutineError with every problem."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise RoutineError([Problem(path, 0, 0, "file is larger than the 1 MiB limit")])
    try:
        root = yaml.compose(text, Loader=_Composer)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = error.problem or error.context or "not valid YAML"
        raise RoutineError([Problem(path, line, column, f"YAML syntax error: {what}")]) from None
    except yaml.YAMLError as error:
        # The reader rejects control characters before any mark is known.
        raise RoutineError([Problem(path, 0, 0, f"YAML error: {_first_line(error)}")]) from None
    except RecursionError:
        raise RoutineError([Problem(path, 0, 0, "YAML nested too deeply")]) from None
    if root is None:
        raise RoutineError([Problem(path, 1, 1, "file is empty")])
    doc = Document(path, None)
    builder = _Builder(doc)
    try:
        doc.data = builder.build(root, ())
    except _TooLarge as error:
        line, column = _mark(error.node)
        raise RoutineError([Problem(
            path, line, column, f"file expands to more than {MAX_NODES} values "
            "(too many aliases?)")]) from None
    if builder.problems:
        raise RoutineError(builder.problems)
    return doc


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
