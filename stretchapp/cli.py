"""The `stretchapp` command: the app, and tools for routine authors."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from stretchapp import __version__
from stretchapp.core import paths

if TYPE_CHECKING:
    from stretchapp.core.errors import Problem
    from stretchapp.core.library import Library

# The library (pydantic, the schema), and even the problems and durations (with
# dataclasses), are imported by the commands that use them, not here: the GUI
# and `--help` start faster without them on their critical path.


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

    return problem_line(problem, _shown_path(problem.path))


def _library(args: argparse.Namespace) -> Library:
    from stretchapp.core.library import load_library

    return load_library(user_dir=paths.user_routines_dir(paths.home_dir(args.home)))


def cmd_list(args: argparse.Namespace) -> int:
    from stretchapp.core.durations import format_clock

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
                 "source": "built-in" if r.builtin else "user", "title": r.title}
                for r in library.routines.values()]
        header = ["id", "group", "kind", "steps", "total", "source", "title"]
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
    return str(value)


def cmd_validate(args: argparse.Namespace) -> int:
    problems: list[Problem]
    if args.paths:
        library = _library(args)
        problems = []
        checked = 0
        for name in args.paths:
            path = Path(name)
            files = sorted(path.rglob("*.yaml")) if path.is_dir() else [path]
            for file in files:
                checked += 1
                problems.extend(_validate_one(file.resolve(), library))
    else:
        library = _library(args)
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


def _validate_one(path: Path, library: Library) -> list[Problem]:
    """One file's problems, checked against the library's catalogue."""
    from stretchapp.core.errors import Problem
    from stretchapp.core.library import check_file

    for report in library.files:
        if report.path.resolve() == path:
            return list(report.problems)
    # A file outside the library: check it on its own against the catalogue.
    if not path.exists():
        return [Problem(path, 0, 0, "no such file", code="unreadable")]
    return check_file(path, library)


def cmd_schema(args: argparse.Namespace) -> int:
    from stretchapp.core.schema import json_schema

    text = json.dumps(json_schema(), indent=2)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        print(text)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from stretchapp.core.routine_copy import CopyError, copy_routine

    home = paths.home_dir(args.home)
    library = _library(args)
    try:
        path = copy_routine(library, args.source, args.id, paths.user_routines_dir(home))
    except CopyError as error:
        print(f"stretchapp new: error: {error}", file=sys.stderr)
        return 1
    print(path)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from stretchapp.core.routine_archive import ArchiveRefused, export_routine

    try:
        written = export_routine(_library(args), args.id, Path(args.output))
    except (ArchiveRefused, OSError) as error:
        print(f"stretchapp export: error: {error}", file=sys.stderr)
        return 1
    print(written)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from stretchapp.core.routine_archive import ArchiveRefused, apply_import, plan_import

    home = paths.home_dir(args.home)
    try:
        plan = plan_import(Path(args.file), home, _library(args))
    except ArchiveRefused as error:
        print(f"stretchapp import: error: {error}", file=sys.stderr)
        return 1
    for problem in plan.problems:
        print(format_problem(problem), file=sys.stderr)
    if not plan.ok:
        plan.discard()
        print("stretchapp import: nothing imported", file=sys.stderr)
        return 1
    print("\n".join(plan.summary()))
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
    except (ArchiveRefused, OSError) as error:
        print(f"stretchapp import: error: {error}", file=sys.stderr)
        return 1
    print(f"imported {len(written)} file(s)")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from stretchapp.core.pose_svg import PALETTES, render_spec_svg
    from stretchapp.core.schema_errors import did_you_mean

    library = _library(args)
    stretch = library.stretches.get(args.stretch)
    if stretch is None:
        # The stretch may be in a file that failed to load: say why.
        for problem in library.problems:
            if problem.blocking:
                print(format_problem(problem), file=sys.stderr)
        print(f"stretchapp render: error: no stretch with id '{args.stretch}'"
              + did_you_mean(args.stretch, library.stretches), file=sys.stderr)
        return 1
    if stretch.pose is None:
        print(f"stretchapp render: error: '{stretch.id}' has no pose: to draw it, "
              "give it 'pose:' (see docs/poses.md)", file=sys.stderr)
        return 1
    output = Path(args.output)
    mirrored = args.side == "right"
    svg = render_spec_svg(stretch.pose, args.theme, mirrored, args.size, args.at)
    try:
        if output.suffix.lower() == ".png":
            from stretchapp.app.svg_raster import svg_to_png

            svg_to_png(svg, output, args.size, PALETTES[args.theme].background)
        elif output.suffix.lower() == ".svg":
            output.write_text(svg, encoding="utf-8")
        else:
            print("stretchapp render: error: the output must end in .svg or .png",
                  file=sys.stderr)
            return 1
    except OSError as error:
        print(f"stretchapp render: error: cannot write {output}: {error.strerror}",
              file=sys.stderr)
        return 1
    print(output)
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from stretchapp.app.main import run_app

    return int(run_app(home=paths.home_dir(args.home), routine_id=getattr(args, "routine", None)))


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
    p.add_argument("id", help="the new routine's id (lowercase-with-dashes)")
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
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.svg or FILE.png")
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.add_argument("--side", choices=("left", "right"), default="left",
                   help="right draws the mirror image")
    p.add_argument("--at", type=float, default=0.0, metavar="T",
                   help="for a movement: 0 = start pose, 1 = end pose")
    p.add_argument("--size", type=int, default=512, help="pixels (PNG)")
    p.set_defaults(handler=cmd_render)

    p = sub.add_parser("run", help="open the app straight into a routine's player")
    p.add_argument("routine", metavar="ID")
    p.set_defaults(handler=cmd_gui)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


__all__ = ["build_parser", "format_problem", "main"]
