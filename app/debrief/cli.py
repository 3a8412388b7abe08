"""The `debrief` command: the app by default, on the journal named by --db or DEBRIEF_DB.

Textual is imported only when the app actually runs, so errors and future shell
subcommands stay fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from debrief import __version__
from debrief.store.journal import Journal, JournalError, default_journal_path

EXIT_JOURNAL_ERROR = 2


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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    path: Path = args.db.expanduser() if args.db else default_journal_path()
    try:
        journal = Journal.open(path)
    except JournalError as error:
        print(f"debrief: {error}", file=sys.stderr)
        return EXIT_JOURNAL_ERROR
    from debrief.ui.app import make_app  # Textual loads only for the full-screen app

    make_app(journal, handle_signals=True).run()
    return 0
