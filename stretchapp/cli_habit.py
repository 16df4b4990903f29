"""`stretchapp history` and `stretchapp desktop`: the habit, seen from a terminal."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from stretchapp.cli_support import fail, load_library_of, os_reason, safe
from stretchapp.core.storage import paths
from stretchapp.core.wording import cli_help as help_text
from stretchapp.core.wording import cli_words as words
from stretchapp.core.wording.habit import history_summary_lines


def cmd_history(args: argparse.Namespace) -> int:
    """Print the habit summary, or every session as CSV."""
    from datetime import datetime

    from stretchapp.core.habit.stats import sessions_csv, summarize
    from stretchapp.core.storage.history import History

    history = History(paths.home_dir(args.home))
    sessions = history.sessions()
    history.close()
    if history.notice:
        print(words.command_notice("history", safe(history.notice)), file=sys.stderr)
    groups = {r.id: r.group for r in load_library_of(args).routines.values()}
    now = datetime.now().astimezone()
    assert now.tzinfo is not None  # astimezone() always gives the local zone
    if args.csv:
        text = sessions_csv(sessions, groups, now.tzinfo)
        if args.output:
            try:
                Path(args.output).write_text(text, encoding="utf-8")
            except OSError as error:
                return fail("history", words.cannot_write(args.output, os_reason(error)))
            print(words.wrote_sessions(len(sessions), args.output))
        else:
            sys.stdout.write(text)
        return 0
    summary = summarize(sessions, groups, now.date(), now.tzinfo)
    print("\n".join(history_summary_lines(summary)))
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
                print(words.wrote(str(path)))
        else:
            removed = uninstall()
            for path in removed:
                print(words.removed(str(path)))
            if not removed:
                print(words.NOTHING_TO_REMOVE)
    except DesktopEntryError as error:
        return fail("desktop", error)
    except OSError as error:
        return fail("desktop", os_reason(error))
    return 0


def add_habit_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("history", help=help_text.HISTORY_HELP)
    p.add_argument("--csv", action="store_true", help=help_text.HISTORY_CSV_HELP)
    p.add_argument("-o", "--output", metavar="FILE", help=help_text.HISTORY_OUTPUT_HELP)
    p.set_defaults(handler=cmd_history, command="history")

    p = sub.add_parser("desktop", help=help_text.DESKTOP_HELP)
    p.add_argument("action", choices=("install", "uninstall"))
    p.set_defaults(handler=cmd_desktop, command="desktop")
