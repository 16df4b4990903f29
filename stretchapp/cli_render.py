"""`stretchapp render`: draw a stretch's pose to a file, or check that its contacts touch."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from stretchapp.cli_support import fail, format_problem, load_library_of, os_reason, safe

if TYPE_CHECKING:
    from stretchapp.core.pose.model import PoseSpec

# Render sizes worth drawing: a 0 or negative size has no picture, a huge one no memory.
RENDER_SIZES = (16, 4096)


def cmd_render(args: argparse.Namespace) -> int:
    from stretchapp.core.loading.schema_errors import did_you_mean
    from stretchapp.core.palette import PaletteError, figure_palette
    from stretchapp.core.pose.svg import render_spec_svg

    library = load_library_of(args)
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
    try:
        palette = figure_palette(args.theme)
    except PaletteError as error:
        return fail("render", error)
    svg = render_spec_svg(stretch.pose, palette, mirrored, args.size, args.at)
    try:
        if output.suffix.lower() == ".png":
            from stretchapp.app.svg_raster import SvgError, svg_to_png

            try:
                svg_to_png(svg, output, args.size, palette.background)
            except SvgError as error:
                return fail("render", error)
        else:
            output.write_text(svg, encoding="utf-8")
    except OSError as error:
        return fail("render", f"cannot write {output}: {os_reason(error)}")
    print(safe(output))
    return 0


def _check_contacts(stretch_id: str, spec: PoseSpec) -> int:
    """Print each frame's contacts, gaps and slides; 1 when one does not touch, is
    missing, or slides along its surface while planted."""
    from stretchapp.core.pose.checks import GAP_LIMIT, SLIDE_LIMIT, check_frames

    failures: list[str] = []
    if spec.start.view != "top" and not spec.start.contacts:
        failures.append("the pose declares no contacts: say what touches the floor, mat, "
                        "seat or wall (docs/poses.md, 'Contacts')")
    for frame in check_frames(spec):
        label = f"frame {frame.at:.2f}" if spec.is_movement else "pose"
        if not frame.gaps:
            print(f"{label}: no contacts" + (" (top view: lies flat)"
                                             if spec.start.view == "top" else ""))
        slid = dict(frame.slides)
        for contact, gap in frame.gaps:
            where = f"{contact.part} on {contact.surface}"
            if gap is None:
                print(f"{label}: {where}: missing")
                failures.append(f"{label}: {where}: there is no {contact.surface} "
                                "in the picture (add it to props)")
                continue
            moved = slid.get(contact)
            print(f"{label}: {where}: gap {gap:+.1f}"
                  + ("" if moved is None else f", slid {moved:.1f}"))
            if abs(gap) > GAP_LIMIT:
                state = "floats" if gap > 0 else "sinks"
                failures.append(f"{label}: {where} {state} {abs(gap):.1f} units "
                                f"(more than {GAP_LIMIT:g})")
            if moved is not None and moved > SLIDE_LIMIT:
                failures.append(f"{label}: {where} slides {moved:.1f} units along the "
                                f"{contact.surface} since the frame before (more than "
                                f"{SLIDE_LIMIT:g}): a planted part must stay put")
    for failure in failures:
        print(f"stretchapp render: {stretch_id}: {failure}", file=sys.stderr)
    if not failures:
        print(f"{stretch_id}: every contact touches")
    return 1 if failures else 0


def add_render_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("render", help="draw a stretch's pose to an SVG or PNG file")
    p.add_argument("stretch", metavar="STRETCH_ID")
    p.add_argument("-o", "--output", metavar="FILE", help="FILE.svg or FILE.png")
    p.add_argument("--check", action="store_true", help="print each contact's gap (and "
                   "slide, for a movement) per frame instead; exit 1 when a gap or a "
                   "slide is over 1 unit or a contact is missing")
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.add_argument("--side", choices=("left", "right"), default="left",
                   help="right draws the mirror image")
    p.add_argument("--at", type=float, default=None, metavar="T",
                   help="for a movement: 0 = start pose, 1 = end pose "
                        "(default: where a hold of it is drawn, as on its card)")
    p.add_argument("--size", type=int, default=512, help="pixels (PNG)")
    p.set_defaults(handler=cmd_render, command="render")
