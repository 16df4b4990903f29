"""The `stretchapp` command: the app, and tools for routine authors."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from stretchapp import __version__
from stretchapp.cli_habit import add_habit_commands
from stretchapp.cli_render import add_render_command
from stretchapp.cli_support import (
    HomeUnusable,
    checked_home,
    fail,
    format_problem,
    load_library_of,
    os_reason,
    safe,
)
from stretchapp.core.storage import paths
from stretchapp.core.wording import cli_help as help_text
from stretchapp.core.wording import cli_words as words

if TYPE_CHECKING:
    from stretchapp.core.loading.library import Library
    from stretchapp.core.loading.problems import Problem

# The library (pydantic, the schema), and even the problems and durations (with
# dataclasses), are imported by the commands that use them, not here: the GUI
# and `--help` start faster without them on their critical path.


def cmd_list(args: argparse.Namespace) -> int:
    from stretchapp.core.loading.durations import format_clock
    from stretchapp.core.pose.equipment import what_you_need

    library = load_library_of(args)
    rows: list[dict[str, object]]
    if args.stretches:
        rows = [{"id": s.id, "group": s.group, "sided": s.sided, "name": s.name,
                 "source": words.source_cell(s.builtin)}
                for s in sorted(library.stretches.values(), key=lambda s: (s.group, s.id))]
        header = ["id", "group", "sided", "name", "source"]
    else:
        rows = [{"id": r.id, "group": r.group, "kind": str(r.kind), "steps": len(r.steps),
                 "total": format_clock(r.total_seconds), "seconds": r.total_seconds,
                 "source": words.source_cell(r.builtin), "title": r.title,
                 "needs": list(what_you_need(r))}
                for r in library.routines.values()]
        header = ["id", "group", "kind", "steps", "total", "source", "title", "needs"]
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        table = [header] + [[_cell(row[h]) for h in header] for row in rows]
        widths = [max(len(line[i]) for line in table) for i in range(len(header))]
        for line in table:
            print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())
    broken = library.broken_files
    if broken:
        print(words.broken_files(len(broken)), file=sys.stderr)
    return 0


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return words.yes_no(value)
    if isinstance(value, list):  # what a routine needs
        return safe(words.needs_cell([str(item) for item in value]))
    return safe(value)


def cmd_validate(args: argparse.Namespace) -> int:
    problems: list[Problem]
    library = load_library_of(args)
    if args.paths:
        from stretchapp.core.loading.library import scan_folder

        problems = []
        checked = 0
        for name in args.paths:
            path = Path(name)
            if path.is_dir():
                files, skipped = scan_folder(path)
                problems.extend(skipped)
                checked += len(skipped)
            else:
                files = [path]
            for file in files:
                checked += 1
                problems.extend(_validate_one(_absolute(file), library))
    else:
        problems = library.problems
        checked = len(library.files)
    for problem in problems:
        print(format_problem(problem), file=sys.stderr)
    errors = [p for p in problems if p.blocking]
    warnings = len(problems) - len(errors)
    if errors:
        files_with = len({p.path for p in errors})
        print(words.validate_failed(len(errors), files_with, checked, warnings), file=sys.stderr)
        return 1
    print(words.validate_passed(checked, warnings))
    return 0


def _absolute(path: Path) -> Path:
    """path made absolute, following links where they lead somewhere."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _validate_one(path: Path, library: Library) -> list[Problem]:
    """One file's problems, checked against the library's catalogue."""
    from stretchapp.core.loading.library import check_file
    from stretchapp.core.loading.problems import Problem

    for report in library.files:
        if report.path == path or _absolute(report.path) == path:
            return list(report.problems)
    # A file outside the library: check it on its own against the catalogue.
    if not path.exists() and not path.is_symlink():
        return [Problem(path, 0, 0, words.NO_SUCH_FILE, code="unreadable")]
    return check_file(path, library)


def cmd_schema(args: argparse.Namespace) -> int:
    from stretchapp.core.loading.schema import json_schema

    text = json.dumps(json_schema(), indent=2)
    if args.output:
        from stretchapp.core.storage.safe_write import write_atomically

        try:
            write_atomically(Path(args.output), text + "\n")
        except OSError as error:
            return fail("schema", words.cannot_write(args.output, os_reason(error)))
        print(words.wrote(safe(args.output)))
    else:
        print(text)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from stretchapp.core.editing.routine_copy import CopyError, copy_routine

    home = checked_home(args, writing=True)
    library = load_library_of(args)
    try:
        path = copy_routine(library, args.source, args.id, paths.user_routines_dir(home))
    except CopyError as error:
        return fail("new", error)
    except OSError as error:
        return fail("new", words.cannot_write_copy(str(paths.user_routines_dir(home)),
                                                   os_reason(error)))
    print(safe(path))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from stretchapp.core.editing.archive import ArchiveRefused, export_routine

    try:
        written = export_routine(load_library_of(args), args.id, Path(args.output))
    except ArchiveRefused as error:
        return fail("export", error)
    except OSError as error:
        return fail("export", words.cannot_write(args.output, os_reason(error)))
    print(safe(written))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from stretchapp.core.editing.archive import ArchiveRefused, apply_import, plan_import

    home = checked_home(args, writing=True)
    try:
        plan = plan_import(Path(args.file), home, load_library_of(args))
    except ArchiveRefused as error:
        return fail("import", error)
    except OSError as error:
        return fail("import", words.cannot_prepare_import(str(paths.cache_dir(home)),
                                                          os_reason(error)))
    for problem in plan.problems:
        print(format_problem(problem), file=sys.stderr)
    if not plan.ok:
        plan.discard()
        print(words.command_notice("import", words.NOTHING_IMPORTED), file=sys.stderr)
        return 1
    print("\n".join(safe(line) for line in plan.summary()))
    overwrite = args.overwrite
    if plan.replaces and not overwrite and sys.stdin.isatty():
        overwrite = input(words.REPLACE_PROMPT).strip().lower() in ("y", "yes")
    if plan.replaces and not overwrite:
        plan.discard()
        print(words.command_notice("import", words.WOULD_REPLACE), file=sys.stderr)
        return 1
    try:
        written = apply_import(plan, home, overwrite=overwrite)
    except ArchiveRefused as error:
        return fail("import", error)
    except OSError as error:
        plan.discard()
        return fail("import", words.import_failed(os_reason(error)))
    print(words.imported(len(written)))
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from stretchapp.app.main import run_app

    return int(run_app(home=checked_home(args, writing=True),
                       routine_id=getattr(args, "routine", None)))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stretchapp", description=help_text.APP_HELP)
    parser.add_argument("--version", action="version", version=f"stretchapp {__version__}")
    parser.add_argument("--home", metavar="DIR", help=help_text.home_help(paths.HOME_VARIABLE))
    parser.set_defaults(handler=cmd_gui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("list", help=help_text.LIST_HELP)
    p.add_argument("--stretches", action="store_true", help=help_text.LIST_STRETCHES_HELP)
    p.add_argument("--json", action="store_true", help=help_text.LIST_JSON_HELP)
    p.set_defaults(handler=cmd_list, command="list")

    p = sub.add_parser("validate", help=help_text.VALIDATE_HELP)
    p.add_argument("paths", nargs="*", metavar="PATH", help=help_text.VALIDATE_PATH_HELP)
    p.set_defaults(handler=cmd_validate, command="validate")

    p = sub.add_parser("schema", help=help_text.SCHEMA_HELP)
    p.add_argument("-o", "--output", metavar="FILE", help=help_text.SCHEMA_OUTPUT_HELP)
    p.set_defaults(handler=cmd_schema, command="schema")

    p = sub.add_parser("new", help=help_text.NEW_HELP)
    p.add_argument("id", help=help_text.NEW_ID_HELP)
    p.add_argument("--from", dest="source", required=True, metavar="ROUTINE",
                   help=help_text.NEW_FROM_HELP)
    p.set_defaults(handler=cmd_new, command="new")

    p = sub.add_parser("export", help=help_text.EXPORT_HELP)
    p.add_argument("id", help=help_text.EXPORT_ID_HELP)
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help=help_text.EXPORT_OUTPUT_HELP)
    p.set_defaults(handler=cmd_export, command="export")

    p = sub.add_parser("import", help=help_text.IMPORT_HELP)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--overwrite", action="store_true",
                   help=help_text.IMPORT_OVERWRITE_HELP)
    p.set_defaults(handler=cmd_import, command="import")

    add_render_command(sub)
    add_habit_commands(sub)

    p = sub.add_parser("run", help=help_text.RUN_HELP,
                       description=help_text.RUN_DESCRIPTION)
    p.add_argument("routine", metavar="ID", help=help_text.RUN_ID_HELP)
    p.set_defaults(handler=cmd_gui)
    return parser


def gui_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """A plain start of the app (`[--home DIR] [run ID]`) parsed as the parser would.

    Building the whole parser costs about 5 ms on the way to the first frame;
    anything else (help, other commands, unusual spellings) returns None and
    goes through it.
    """
    rest = list(argv)
    home: str | None = None
    if rest and rest[0].startswith("--home="):
        home = rest.pop(0).removeprefix("--home=")
    elif len(rest) >= 2 and rest[0] == "--home" and not rest[1].startswith("-"):
        home, rest = rest[1], rest[2:]
    if not rest:
        return argparse.Namespace(home=home, handler=cmd_gui)
    if len(rest) == 2 and rest[0] == "run" and not rest[1].startswith("-"):
        return argparse.Namespace(home=home, handler=cmd_gui, routine=rest[1])
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = (gui_arguments(sys.argv[1:] if argv is None else argv)
            or build_parser().parse_args(argv))
    command = _command_name(args)
    try:
        return int(args.handler(args))
    except HomeUnusable as error:
        return fail(command, error, 2)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:
        return fail(command, os_reason(error))
    except (ValueError, RuntimeError, MemoryError, RecursionError) as error:
        # A case no check foresaw still ends in one line, never a traceback.
        return fail(command, words.unforeseen(type(error).__name__, _first_line(error)))


def _command_name(args: argparse.Namespace) -> str:
    if args.handler is cmd_gui:
        return "run" if getattr(args, "routine", None) else "app"
    return str(getattr(args, "command", "app"))


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:200] if text else ""


__all__ = ["build_parser", "format_problem", "main", "safe"]
