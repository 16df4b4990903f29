"""Words of the command line: its one-line errors and what its commands report."""

from __future__ import annotations


def command_error(command: str, message: str) -> str:
    """'stretchapp validate: error: <message>', the one line a failed command prints."""
    return f"stretchapp {command}: error: {message}"


def command_notice(command: str, message: str) -> str:
    """'stretchapp history: <message>', a note that is not an error."""
    return f"stretchapp {command}: {message}"


def unforeseen(kind: str, first_line: str) -> str:
    """A case no check foresaw, still said in one line."""
    return f"{kind}: {first_line} (please report this)"


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def needs_cell(needs: list[str]) -> str:
    """What a routine needs, in `list`'s table: 'a chair, a wall' or 'nothing'."""
    return ", ".join(needs) or "nothing"


def source_cell(builtin: bool) -> str:
    return "built-in" if builtin else "user"


def broken_files(count: int) -> str:
    return f"{count} file(s) could not be loaded: run 'stretchapp validate' for details"


def validate_failed(errors: int, files_with: int, checked: int, warnings: int) -> str:
    return f"{errors} error(s) in {files_with} of {checked} file(s){_warnings(warnings)}"


def validate_passed(checked: int, warnings: int) -> str:
    return f"{checked} file(s) checked, no errors{_warnings(warnings)}"


def _warnings(count: int) -> str:
    return f", {count} warning(s)" if count else ""


NO_SUCH_FILE = "no such file"


def cannot_write(path: str, reason: str) -> str:
    return f"cannot write {path}: {reason}"


def cannot_write_copy(folder: str, reason: str) -> str:
    return f"cannot write the copy into {folder}: {reason}"


def cannot_prepare_import(folder: str, reason: str) -> str:
    return f"cannot prepare the import in {folder}: {reason}"


def wrote(path: str) -> str:
    return f"wrote {path}"


def removed(path: str) -> str:
    return f"removed {path}"


def wrote_sessions(count: int, path: str) -> str:
    return f"wrote {count} session(s) to {path}"


NOTHING_TO_REMOVE = "nothing to remove: the desktop entry is not installed"
NOTHING_IMPORTED = "nothing imported"
REPLACE_PROMPT = "Replace these? [y/N] "
WOULD_REPLACE = "not imported: it would replace what is listed above (use --overwrite to replace)"


def import_failed(reason: str) -> str:
    return f"nothing imported: {reason}"


def imported(count: int) -> str:
    return f"imported {count} file(s)"


# Why a home folder (--home, STRETCHAPP_HOME) cannot be used.
def home_not_a_folder(home: str) -> str:
    return f"the home {home} is not a folder"


def home_not_writable(home: str) -> str:
    return f"the home {home} cannot be written to"


def home_parent_missing(home: str, parent: str) -> str:
    return f"the home {home} cannot be made: {parent} is not a folder that exists"


def home_parent_not_writable(home: str, parent: str) -> str:
    return f"the home {home} cannot be made: {parent} cannot be written to"
