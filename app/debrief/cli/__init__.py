"""The `debrief` command: the full-screen app by default, and shell commands beside it.

    debrief                      the app
    debrief list [-n N] …        reflections, one per line, newest first
    debrief show ID|PREFIX       one reflection as readable text
    debrief due [--all]          follow-ups overdue and due today
    debrief export --format ics  pending follow-ups as a calendar
    debrief import FILE.ics      calendar invitations become interviews ahead
    debrief add-interview …      schedule an interview ahead

Every command works on the journal named by --db, else $DEBRIEF_DB, else the user data
folder. The shell commands open the journal read-only (never write, never lock); the app
loads Textual only when it actually runs.

One module per command group: browsing (list, show, due), exchange (export, import),
schedule (add-interview), journal_file (merge, encrypt, decrypt, passphrase); running (the
app, the demo, what the commands share); parser (the command line). A group's module loads
only when one of its commands runs, so `debrief list` loads nothing `import` needs. The
commands that change the journal do it through the same use cases as the app (actions/).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from debrief.cli.parser import build_parser
from debrief.cli.running import (
    EXIT_INTERNAL_ERROR,
    EXIT_INTERRUPTED,
    EXIT_JOURNAL_ERROR,
    app_sealer,
    build_app,
    build_demo_journal,
    open_journal,
    refuse,
    run_app,
    say,
)
from debrief.failures import unexpected
from debrief.store.files import JournalError, describe_os_error
from debrief.store.journal import Journal
from debrief.store.journal_path import default_journal_path
from debrief.text import printable

__all__ = ["app_sealer", "build_app", "build_demo_journal", "build_parser", "main"]

ENCRYPTION = ("encrypt", "decrypt", "passphrase")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.demo:
            return run_demo(parser, args)
        path: Path = args.db.expanduser() if args.db else default_journal_path()
        return dispatch(parser, args, path)
    except KeyboardInterrupt:
        say("debrief: interrupted; what was saved before stays saved.", error=True)
        return EXIT_INTERRUPTED
    except Exception as error:  # (never a trace: its local variables hold journal text)
        if os.environ.get("DEBRIEF_DEBUG"):
            raise
        doing = f"running `debrief {args.command}`" if args.command else "running the app"
        say(f"debrief: {unexpected(error, doing)}", error=True)
        return EXIT_INTERNAL_ERROR


def run_demo(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Any command on a fresh copy of the sample journal, deleted afterwards."""
    import tempfile  # (these two: only for --demo)

    import pendulum

    with tempfile.TemporaryDirectory(prefix="debrief-demo-") as scratch:
        path = Path(scratch) / "journal.json"
        build_demo_journal(path, pendulum.now())
        return dispatch(parser, args, path)


def dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace, path: Path) -> int:
    """Run the command `args` names on the journal at `path` (the app when none)."""
    if args.command is None:
        return run_app(path)
    if args.command == "import":
        from debrief.cli.exchange import import_command

        return import_command(path, args)
    if args.command == "add-interview":
        from debrief.cli.schedule import add_interview_command

        return add_interview_command(path, args)
    if args.command == "merge":
        from debrief.cli.journal_file import merge_command

        return merge_command(path, args)
    try:
        if args.command in ENCRYPTION:
            from debrief.cli.journal_file import ENCRYPTION_COMMANDS

            return ENCRYPTION_COMMANDS[args.command](path)
        listing = args.command == "list"  # (shows no follow-ups: they are not read)
        journal = open_journal(path, readonly=True, with_followups=not listing)
        return reading_command(args.command)(journal, args)
    except JournalError as error:
        return refuse(str(error))
    except OSError as error:  # (a full disk, a file-size limit, a folder made read-only)
        return refuse(
            f"couldn't write {error.filename or path}: {describe_os_error(error)}. "
            f"{path.name} itself is as it was before this command."
        )
    except ValueError as error:  # a bad option value, e.g. an unreadable --since
        parser.error(printable(str(error)))
        return EXIT_JOURNAL_ERROR  # not reached: parser.error exits


def reading_command(name: str) -> Callable[[Journal, argparse.Namespace], int]:
    """The command that reads the journal opened read-only: list, show, due, export."""
    if name == "export":
        from debrief.cli.exchange import export_command

        return export_command
    from debrief.cli.browsing import COMMANDS

    return COMMANDS[name]
