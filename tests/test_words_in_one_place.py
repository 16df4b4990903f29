"""Every sentence a user sees is made in core.wording: none is written in QML or the Qt layer.

A heuristic, on purpose: it reads the source as text and could be fooled, but it
fails the day someone types a label into a view or a notice into a bridge.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from stretchapp.core.wording.page_words import view_words

REPO = Path(__file__).resolve().parent.parent

# Properties whose value a person reads or hears.
_SHOWN = re.compile(
    r"\b(?:text|title|placeholderText|Accessible\.name|Accessible\.description|heading|message"
    r"|acceptText|rejectText|firstAction|secondAction|accessibleName|label|unit)\s*:(.*)$")
# A quoted literal with a word in it ("•  " and "" are layout, not words).
_WORDS = re.compile(r'"((?:[^"\\]|\\.)*[A-Za-z]{2,}(?:[^"\\]|\\.)*)"')

# Literals that look like words but are not shown as text, each with why.
_QML_ALLOWED = {
    ("RoutineFields.qml", "defaults."),  # a key path into the problems map, never shown
    ("RoutineFields.qml", "cues."),  # likewise
    ("AppDialog.qml", "OK"),  # the component's default; every dialog sets its own words
    ("AppDialog.qml", "Cancel"),  # likewise
}


def _shown_literals(path: Path) -> list[tuple[int, str]]:
    """Quoted words on a shown property's line or its continuation lines (+ ? :)."""
    found = []
    inside = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        code = "" if line.strip().startswith("//") else line
        stripped = code.strip()
        match = _SHOWN.search(code)
        if match and "objectName" not in code and not stripped.startswith("property "):
            inside, value = True, match.group(1)
        elif inside and stripped[:1] in ("+", "?", ":", "."):
            value = stripped
        else:
            inside, value = False, ""
        found += [(number, text) for text in _WORDS.findall(value)]
        # A label in a QML list model: { "value": ..., "label": "Both sides" }.
        found += [(number, text) for text in re.findall(r'"label"\s*:\s*"([^"]*[A-Za-z][^"]*)"',
                                                        code)]
    return found


def test_no_qml_view_writes_a_sentence() -> None:
    """No QML file (outside the explained allow-list) gives a shown property a literal word."""
    found = [f"{path.relative_to(REPO)}:{number}: {text!r}"
             for path in sorted((REPO / "ui").rglob("*.qml"))
             for number, text in _shown_literals(path)
             if (path.name, text) not in _QML_ALLOWED]
    assert found == []


def test_the_heuristic_finds_a_literal_label(tmp_path: Path) -> None:
    """The QML check flags a typed-in label, a continued sentence and a model label."""
    view = tmp_path / "View.qml"
    view.write_text('Item {\n    Text { text: "Hello there" }\n    Accessible.name: a\n'
                    '        + " more words"\n    model: [{ "label": "Both sides" }]\n'
                    '    objectName: "notShown"\n}\n', encoding="utf-8")
    assert [text for _, text in _shown_literals(view)] == ["Hello there", " more words",
                                                          "Both sides"]


def test_every_words_reference_in_qml_exists() -> None:
    """Each words.<view>.<name> a QML file reads is made by core.wording (no undefined text)."""
    words = view_words()
    missing = sorted({f"{path.name}: {view}.{name}"
                      for path in (REPO / "ui").rglob("*.qml")
                      for view, name in re.findall(r"\bwords\.(\w+)\.(\w+)",
                                                   path.read_text(encoding="utf-8"))
                      if name not in words.get(view, {})})
    assert missing == []


# Qt-layer modules whose words are still written in the module, each with why.
_APP_NOT_YET = {
    # The start-up helper's, changed on a parallel branch right now: the window that
    # failed to load, and the hand-over to an app already open.
    "main.py",
    # Lines of the app's own log file, for developers.
    "app_log.py",
}
# Literals that look like sentences but are never shown, each with why.
_APP_ALLOWED = {
    ("audio.py", "No audio device detected"),  # Qt's own log line, matched to keep it quiet
    ("audio.py", "No QtMultimedia backends found"),  # the same (QT_MEDIA_BACKEND=none)
}
# A literal is a sentence when it has two words in a row and is not a docstring,
# a log line or a task's name (the log is for developers) or an *Error's text.
_SENTENCE = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,}")
_FOR_DEVELOPERS = {"debug", "info", "warning", "error", "exception", "critical"}


def _bridge_sentences(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(body, list) and body and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)):
            skip.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in _FOR_DEVELOPERS or name.endswith("Error"):  # a log line, a bug
                skip |= {id(n) for arg in node.args for n in ast.walk(arg)}
            # A task's name= is for the log, never shown.
            skip |= {id(k.value) for k in node.keywords if k.arg == "name"}
        if isinstance(node, ast.Raise) and node.exc is not None:
            # An exception's text is the detail a wording function puts in its sentence.
            skip |= {id(n) for n in ast.walk(node.exc)}
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.JoinedStr):
            skip |= {id(v) for v in node.values}
            text = "".join(v.value for v in node.values
                           if isinstance(v, ast.Constant) and isinstance(v.value, str))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if _SENTENCE.search(text):
            found.append((node.lineno, text))
    return found


def test_no_qt_module_writes_a_sentence() -> None:
    """No module of stretchapp/app has a sentence in a string literal: it asks core.wording."""
    found = [f"{path.name}:{line}: {text!r}"
             for path in sorted((REPO / "stretchapp" / "app").glob("*.py"))
             if path.name not in _APP_NOT_YET
             for line, text in _bridge_sentences(path)
             if (path.name, text) not in _APP_ALLOWED]
    assert found == []
