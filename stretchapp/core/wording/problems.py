"""Words for problems: where one is in a file, its line, a summary, a failed load."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretchapp.core.wording.amounts import plural

if TYPE_CHECKING:
    from stretchapp.core.loading.problems import Problem


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


def problem_summary(errors: int, warnings: int) -> str:
    """'2 problems to fix before saving', '1 warning' or ''."""
    if errors:
        return f"{plural(errors, 'problem')} to fix before saving"
    if warnings:
        return plural(warnings, "warning")
    return ""
