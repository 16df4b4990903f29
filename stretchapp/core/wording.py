"""Every sentence a user sees about problems and the library, made in one place.

This is the translation seam: the rest of the code hands over data (a
Problem, a count, an error) and gets text back. Nobody parses this text back
into data; that is what a Problem's code, key path and severity are for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stretchapp.core.errors import Problem


def where(path: str, line: int, column: int) -> str:
    """'routines/a.yaml:12:5', as editors and compilers write a place in a file."""
    text = path
    if line:
        text += f":{line}"
        if column:
            text += f":{column}"
    return text


def problem_line(problem: Problem, shown_path: str | None = None) -> str:
    """'<file>:12:5: error: <message>' (or 'warning:'), the path shown as the caller says."""
    path = str(problem.path) if shown_path is None else shown_path
    return f"{where(path, problem.line, problem.column)}: {problem.severity.value}: " \
           f"{problem.message}"


def place_in_file(line: int, column: int, message: str) -> str:
    """'12:5: message' for a problem shown next to the file it is in (the editor)."""
    if not line:
        return message
    at = f"{line}:{column}" if column else str(line)
    return f"{at}: {message}"


def library_load_failed(error: Exception) -> str:
    """The notice shown when a whole load of the library went wrong."""
    return f"The routines could not be loaded again ({type(error).__name__}: {error}). " \
           "The ones shown are from before; fix or remove the file and it is tried again."


def plural(number: int, word: str) -> str:
    """'1 step', '3 steps'."""
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def import_contents(source: str, target: str, routines: list[tuple[str, str, int]],
                    stretches: list[tuple[str, str]]) -> list[str]:
    """What an import would add: a heading line, then a routine or stretch a line."""
    lines = [f"from {source}, into {target}:"]
    lines += [f"routine '{ident}': {title} ({plural(steps, 'step')})"
              for ident, title, steps in routines]
    lines += [f"stretch '{ident}': {name}" for ident, name in stretches]
    return lines


def delete_prompt(title: str, *, new: bool) -> dict[str, str]:
    """The question asked before a delete: heading, message and the answer that deletes."""
    if new:
        return {"heading": f"Discard “{title}”?",
                "message": "It has never been saved, so it cannot be brought back.",
                "accept": "Discard"}
    return {"heading": f"Delete “{title}”?",
            "message": "It is moved to the backups folder; you can undo right after.",
            "accept": "Delete"}


def problem_summary(errors: int, warnings: int) -> str:
    """'2 problems to fix before saving', '1 warning' or ''."""
    if errors:
        return f"{plural(errors, 'problem')} to fix before saving"
    if warnings:
        return plural(warnings, "warning")
    return ""
