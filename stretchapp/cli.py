"""The `stretchapp` command: the app, and tools for routine authors."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from stretchapp import __version__
from stretchapp.core.storage import paths

if TYPE_CHECKING:
    from stretchapp.core.loading.library import Library
    from stretchapp.core.loading.problems import Problem
    from stretchapp.core.pose.model import PoseSpec

# The library (pydantic, the schema), and even the problems and durations (with
# dataclasses), are imported by the commands that use them, not here: the GUI
# and `--help` start faster without them on their critical path.


# Characters that move the cursor, recolour, hide text or retitle a terminal
# (C0, DEL, C1), and the invisible ones that reorder or hide what follows.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
# Render sizes worth drawing: a 0 or negative size has no picture, a huge one no memory.
RENDER_SIZES = (16, 4096)


def safe(text: object) -> str:
    """Text from a file or the user, with every control character shown escaped.

    A shared routine must not be able to hide lines ('\\e[8m'), fake a prompt or
    retitle the terminal through a title or a value that a command prints.
    """
    return _UNSAFE.sub(_escape, str(text))


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return {9: "\\t", 10: "\\n", 13: "\\r"}.get(code) or (
        f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def fail(command: str, message: object, code: int = 1) -> int:
    """Print the one error line of a command and return its exit code."""
    print(f"stretchapp {command}: error: {safe(message)}", file=sys.stderr)
    return code


class HomeUnusable(Exception):
    """--home (or STRETCHAPP_HOME) names a folder the app cannot use."""


def _home(args: argparse.Namespace, *, writing: bool = False) -> Path:
    """The home, checked: HomeUnusable says why it cannot be used."""
    home = paths.home_dir(args.home)
    if home.exists():
        if not home.is_dir():
            raise HomeUnusable(f"the home {home} is not a folder")
        if writing and not os.access(home, os.W_OK | os.X_OK):
            raise HomeUnusable(f"the home {home} cannot be written to")
    else:
        parent = home.parent
        if not parent.is_dir():
            raise HomeUnusable(f"the home {home} cannot be made: {parent} is not a folder "
                               "that exists")
        if writing and not os.access(parent, os.W_OK | os.X_OK):
            raise HomeUnusable(f"the home {home} cannot be made: {parent} cannot be "
                               "written to")
    return home


def _shown_path(path: Path) -> str:
    """A path as people type it: relative to here when it is below here."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def format_problem(problem: Problem) -> str:
    """'path:line:col: error: message' (or 'warning:'), the path as people type it."""
    from stretchapp.core.wording import problem_line

    return safe(problem_line(problem, _shown_path(problem.path)))


def _library(args: argparse.Namespace) -> Library:
    from stretchapp.core.loading.library import load_library

    return load_library(user_dir=paths.user_routines_dir(_home(args)))


def cmd_list(args: argparse.Namespace) -> int:
    from stretchapp.core.loading.durations import format_clock
    from stretchapp.core.pose.equipment import what_you_need

    library = _library(args)
    rows: list[dict[str, object]]
    if args.stretches:
        rows = [{"id": s.id, "group": s.group, "sided": s.sided, "name": s.name,
                 "source": "built-in" if s.builtin else "user"}
                for s in sorted(library.stretches.values(), key=lambda s: (s.group, s.id))]
        header = ["id", "group", "sided", "name", "source"]
    else:
        rows = [{"id": r.id, "group": r.group, "kind": str(r.kind), "steps": len(r.steps),
                 "total": format_clock(r.total_seconds), "seconds": r.total_seconds,
                 "source": "built-in" if r.builtin else "user", "title": r.title,
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
        print(f"{len(broken)} file(s) could not be loaded: run 'stretchapp validate' "
              "for details", file=sys.stderr)
    return 0


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):  # what a routine needs
        return safe(", ".join(str(item) for item in value) or "nothing")
    return safe(value)


def cmd_validate(args: argparse.Namespace) -> int:
    problems: list[Problem]
    library = _library(args)
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
    noted = f", {warnings} warning(s)" if warnings else ""
    if errors:
        files_with = len({p.path for p in errors})
        print(f"{len(errors)} error(s) in {files_with} of {checked} file(s){noted}",
              file=sys.stderr)
        return 1
    print(f"{checked} file(s) checked, no errors{noted}")
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
        return [Problem(path, 0, 0, "no such file", code="unreadable")]
    return check_file(path, library)


def cmd_schema(args: argparse.Namespace) -> int:
    from stretchapp.core.loading.schema import json_schema

    text = json.dumps(json_schema(), indent=2)
    if args.output:
        from stretchapp.core.storage.safe_write import write_atomically

        try:
            write_atomically(Path(args.output), text + "\n")
        except OSError as error:
            return fail("schema", f"cannot write {args.output}: {_reason(error)}")
        print(f"wrote {safe(args.output)}")
    else:
        print(text)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from stretchapp.core.editing.routine_copy import CopyError, copy_routine

    home = _home(args, writing=True)
    library = _library(args)
    try:
        path = copy_routine(library, args.source, args.id, paths.user_routines_dir(home))
    except CopyError as error:
        return fail("new", error)
    except OSError as error:
        return fail("new", f"cannot write the copy into {paths.user_routines_dir(home)}: "
                    f"{_reason(error)}")
    print(safe(path))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from stretchapp.core.editing.archive import ArchiveRefused, export_routine

    try:
        written = export_routine(_library(args), args.id, Path(args.output))
    except ArchiveRefused as error:
        return fail("export", error)
    except OSError as error:
        return fail("export", f"cannot write {args.output}: {_reason(error)}")
    print(safe(written))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from stretchapp.core.editing.archive import ArchiveRefused, apply_import, plan_import

    home = _home(args, writing=True)
    try:
        plan = plan_import(Path(args.file), home, _library(args))
    except ArchiveRefused as error:
        return fail("import", error)
    except OSError as error:
        return fail("import", f"cannot prepare the import in {paths.cache_dir(home)}: "
                    f"{_reason(error)}")
    for problem in plan.problems:
        print(format_problem(problem), file=sys.stderr)
    if not plan.ok:
        plan.discard()
        print("stretchapp import: nothing imported", file=sys.stderr)
        return 1
    print("\n".join(safe(line) for line in plan.summary()))
    overwrite = args.overwrite
    if plan.replaces and not overwrite and sys.stdin.isatty():
        overwrite = input("Replace these? [y/N] ").strip().lower() in ("y", "yes")
    if plan.replaces and not overwrite:
        plan.discard()
        print("stretchapp import: not imported: it would replace what is listed above "
              "(use --overwrite to replace)", file=sys.stderr)
        return 1
    try:
        written = apply_import(plan, home, overwrite=overwrite)
    except ArchiveRefused as error:
        return fail("import", error)
    except OSError as error:
        plan.discard()
        return fail("import", f"nothing imported: {_reason(error)}")
    print(f"imported {len(written)} file(s)")
    return 0


def _reason(error: OSError) -> str:
    from stretchapp.core.storage.safe_write import os_error_text

    return os_error_text(error)


def cmd_render(args: argparse.Namespace) -> int:
    from stretchapp.core.loading.schema_errors import did_you_mean
    from stretchapp.core.pose.svg import PALETTES, render_spec_svg

    library = _library(args)
    stretch = library.stretches.get(args.stretch)
    if stretch is None:
        # The stretch may be in a file that failed to load: say why.
        for problem in library.problems:
            if problem.blocking:
                print(format_problem(problem), file=sys.stderr)
        return fail("render", f"no stretch with id '{args.stretch}'"
                    + did_you_mean(args.stretch, library.stretches))
    if stretch.pose is None:
        return fail("render", f"'{stretch.id}' has no pose: to draw it, "
                    "give it 'pose:' (see docs/poses.md)")
    if args.check:
        return _check_contacts(stretch.id, stretch.pose)
    if args.output is None:
        return fail("render", "give -o FILE.svg or FILE.png, or --check")
    output = Path(args.output)
    low, high = RENDER_SIZES
    if not low <= args.size <= high:
        return fail("render", f"--size must be between {low} and {high} pixels, "
                    f"got {args.size}")
    if output.suffix.lower() not in (".png", ".svg"):
        return fail("render", "the output must end in .svg or .png")
    if not output.parent.is_dir():
        return fail("render", f"cannot write {output}: the folder {output.parent} "
                    "does not exist")
    mirrored = args.side == "right"
    svg = render_spec_svg(stretch.pose, args.theme, mirrored, args.size, args.at)
    try:
        if output.suffix.lower() == ".png":
            from stretchapp.app.svg_raster import SvgError, svg_to_png

            try:
                svg_to_png(svg, output, args.size, PALETTES[args.theme].background)
            except SvgError as error:
                return fail("render", error)
        else:
            output.write_text(svg, encoding="utf-8")
    except OSError as error:
        return fail("render", f"cannot write {output}: {_reason(error)}")
    print(safe(output))
    return 0


def _check_contacts(stretch_id: str, spec: PoseSpec) -> int:
    """Print each frame's contacts and gaps; 1 when one does not touch or is missing."""
    from stretchapp.core.pose.scene import GAP_LIMIT, frame_gaps

    failures: list[str] = []
    if spec.start.view != "top" and not spec.start.contacts:
        failures.append("the pose declares no contacts: say what touches the floor, mat, "
                        "seat or wall (docs/poses.md, 'Contacts')")
    for at, gaps in frame_gaps(spec):
        label = f"frame {at:.2f}" if spec.is_movement else "pose"
        if not gaps:
            print(f"{label}: no contacts" + (" (top view: lies flat)"
                                             if spec.start.view == "top" else ""))
        for contact, gap in gaps:
            where = f"{contact.part} on {contact.surface}"
            if gap is None:
                print(f"{label}: {where}: missing")
                failures.append(f"{label}: {where}: there is no {contact.surface} "
                                "in the picture (add it to props)")
            else:
                print(f"{label}: {where}: gap {gap:+.1f}")
                if abs(gap) > GAP_LIMIT:
                    state = "floats" if gap > 0 else "sinks"
                    failures.append(f"{label}: {where} {state} {abs(gap):.1f} units "
                                    f"(more than {GAP_LIMIT:g})")
    for failure in failures:
        print(f"stretchapp render: {stretch_id}: {failure}", file=sys.stderr)
    if not failures:
        print(f"{stretch_id}: every contact touches")
    return 1 if failures else 0
def cmd_history(args: argparse.Namespace) -> int:
    """Print the habit summary, or every session as CSV."""
    from datetime import datetime

    from stretchapp.core.habit.stats import sessions_csv, summarize, summary_lines
    from stretchapp.core.storage.history import History

    history = History(paths.home_dir(args.home))
    sessions = history.sessions()
    history.close()
    if history.notice:
        print(f"stretchapp history: {history.notice}", file=sys.stderr)
    groups = {r.id: r.group for r in _library(args).routines.values()}
    now = datetime.now().astimezone()
    assert now.tzinfo is not None  # astimezone() always gives the local zone
    if args.csv:
        text = sessions_csv(sessions, groups, now.tzinfo)
        if args.output:
            try:
                Path(args.output).write_text(text, encoding="utf-8")
            except OSError as error:
                print(f"stretchapp history: error: cannot write {args.output}: "
                      f"{error.strerror}", file=sys.stderr)
                return 1
            print(f"wrote {len(sessions)} session(s) to {args.output}")
        else:
            sys.stdout.write(text)
        return 0
    print("\n".join(summary_lines(summarize(sessions, groups, now.date(), now.tzinfo))))
    return 0


def cmd_desktop(args: argparse.Namespace) -> int:
    """Add the app to (or remove it from) the desktop's menus."""
    from stretchapp.core.habit.desktop_entry import (
        DesktopEntryError,
        install,
        launch_command,
        uninstall,
    )

    home = Path(args.home).expanduser().resolve() if args.home else None
    try:
        if args.action == "install":
            icon = (paths.assets_dir() / "icons" / "stretchapp.svg").read_text(encoding="utf-8")
            written = install(launch_command(sys.executable, home), icon)
            for path in written:
                print(f"wrote {path}")
        else:
            removed = uninstall()
            for path in removed:
                print(f"removed {path}")
            if not removed:
                print("nothing to remove: the desktop entry is not installed")
    except (DesktopEntryError, OSError) as error:
        print(f"stretchapp desktop: error: {error}", file=sys.stderr)
        return 1
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from stretchapp.app.main import run_app

    return int(run_app(home=_home(args, writing=True),
                       routine_id=getattr(args, "routine", None)))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stretchapp", description="Timed, guided stretching routines. "
        "With no command, opens the app.")
    parser.add_argument("--version", action="version", version=f"stretchapp {__version__}")
    parser.add_argument("--home", metavar="DIR", help="the folder for your routines, "
                        f"settings and history (default: ${paths.HOME_VARIABLE}, or "
                        "the platform's config folder)")
    parser.set_defaults(handler=cmd_gui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("list", help="list routines (or stretches) with their durations")
    p.add_argument("--stretches", action="store_true", help="list the stretch catalogue")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("validate", help="check routine files; exit 1 on any error")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders "
                   "(default: the whole library, built-in and yours)")
    p.set_defaults(handler=cmd_validate)

    p = sub.add_parser("schema", help="print the JSON Schema of routine and catalogue files")
    p.add_argument("-o", "--output", metavar="FILE", help="write it to FILE")
    p.set_defaults(handler=cmd_schema)

    p = sub.add_parser("new", help="copy a routine into your folder under a new id")
    p.add_argument("id", help="the new routine's id: lowercase letters, digits and dashes, "
                   "at most 80 characters (like my-calf-routine)")
    p.add_argument("--from", dest="source", required=True, metavar="ROUTINE",
                   help="the id of the routine to copy")
    p.set_defaults(handler=cmd_new)

    p = sub.add_parser("export", help="write a routine (with its images and sounds) "
                       "to one file to share")
    p.add_argument("id", help="the routine's id")
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="FILE.zip, or FILE.yaml when the routine needs no other file")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("import", help="add a shared routine (.yaml or .zip) to your folder")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--overwrite", action="store_true",
                   help="replace routines, stretches or files that already exist")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("render", help="draw a stretch's pose to an SVG or PNG file")
    p.add_argument("stretch", metavar="STRETCH_ID")
    p.add_argument("-o", "--output", metavar="FILE", help="FILE.svg or FILE.png")
    p.add_argument("--check", action="store_true", help="print each contact's gap per "
                   "frame instead; exit 1 when one is over 1 unit or missing")
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.add_argument("--side", choices=("left", "right"), default="left",
                   help="right draws the mirror image")
    p.add_argument("--at", type=float, default=0.0, metavar="T",
                   help="for a movement: 0 = start pose, 1 = end pose")
    p.add_argument("--size", type=int, default=512, help="pixels (PNG)")
    p.set_defaults(handler=cmd_render)

    _add_habit_commands(sub)

    p = sub.add_parser("run", help="open the app straight into a routine's player",
                       description="Open the app and start playing one routine at once.")
    p.add_argument("routine", metavar="ID", help="the id of the routine to play, as "
                   "'stretchapp list' shows it (for example calf-relief)")
    p.set_defaults(handler=cmd_gui)
    return parser


def _add_habit_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("history", help="your streak, minutes per week and routines done")
    p.add_argument("--csv", action="store_true", help="write every session as CSV")
    p.add_argument("-o", "--output", metavar="FILE", help="with --csv: write to FILE")
    p.set_defaults(handler=cmd_history)

    p = sub.add_parser("desktop", help="add the app to the desktop's menus (or remove it)")
    p.add_argument("action", choices=("install", "uninstall"))
    p.set_defaults(handler=cmd_desktop)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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
        return fail(command, _reason(error))
    except (ValueError, RuntimeError, MemoryError, RecursionError) as error:
        # A case no check foresaw still ends in one line, never a traceback.
        return fail(command, f"{type(error).__name__}: {_first_line(error)} (please "
                    "report this)")


def _command_name(args: argparse.Namespace) -> str:
    names = {cmd_list: "list", cmd_validate: "validate", cmd_schema: "schema", cmd_new: "new",
             cmd_export: "export", cmd_import: "import", cmd_render: "render"}
    if args.handler is cmd_gui:
        return "run" if getattr(args, "routine", None) else "app"
    return names.get(args.handler, "app")


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:200] if text else ""


__all__ = ["build_parser", "format_problem", "main"]
