"""The `debrief` command: the app by default; `export` writes the journal in other formats.

Every command works on the journal named by --db, else $DEBRIEF_DB, else the user data
folder. Textual is imported only when the full-screen app actually runs, so the other
commands and every error message stay fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from debrief import __version__
from debrief.store.journal import Journal, JournalError, default_journal_path
from debrief.store.storage import atomic_write, describe_os_error

EXIT_JOURNAL_ERROR = 2
EXPORT_FORMATS = ("ics",)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="debrief",
        description="Reflect right after a job interview, plan the follow-up, and decide.",
    )
    parser.add_argument("--version", action="version", version=f"debrief {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="journal file to use (default: $DEBRIEF_DB, else your user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    export = commands.add_parser(
        "export", help="write the journal, or part of it, in another format"
    )
    export.add_argument(
        "--format",
        required=True,
        choices=EXPORT_FORMATS,
        help="ics: pending follow-ups as calendar events (re-importing updates them)",
    )
    export.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here instead of to stdout"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    path: Path = args.db.expanduser() if args.db else default_journal_path()
    try:
        journal = Journal.open(path, readonly=args.command is not None)
    except JournalError as error:
        print(f"debrief: {error}", file=sys.stderr)
        return EXIT_JOURNAL_ERROR
    if args.command == "export":
        return export(journal, args.format, args.output)
    from debrief.ui.app import make_app  # Textual loads only for the full-screen app

    make_app(journal, handle_signals=True).run()
    return 0


def export(journal: Journal, format_name: str, output: Path | None) -> int:
    import pendulum

    from debrief.exchange import followups_ics

    payload = followups_ics(
        journal.followups(), journal.reflections(), journal.opportunities(), now=pendulum.now()
    )
    if output is None:
        sys.stdout.buffer.write(payload)
        return 0
    try:
        atomic_write(output.expanduser(), payload, keep_backup=False)
    except OSError as error:
        print(f"debrief: can't write {output}: {describe_os_error(error)}.", file=sys.stderr)
        return 1
    print(f"debrief: wrote {output}", file=sys.stderr)
    return 0
