"""The command line: `debrief [--db PATH] [--demo] [COMMAND …]`, one builder per command group."""

from __future__ import annotations

import argparse
from pathlib import Path

from debrief import __version__
from debrief.model import Format, Stage, Status

EXPORT_FORMATS = ("json", "csv", "md", "ics", "compare-md")

Commands = argparse._SubParsersAction  # (argparse names no public type for it)


def choice_key(text: str) -> str:
    """A choice as people type it ("Rejected", "phone screen", "Phone-Screen") as its value."""
    return "_".join(text.casefold().replace("-", " ").split())


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
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use a throwaway sample journal (a dozen opportunities); your own is never touched",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_browsing(commands)
    add_exchange(commands)
    add_journal_file(commands)
    add_schedule(commands)
    return parser


def add_browsing(commands: Commands[argparse.ArgumentParser]) -> None:
    """list, show, due."""
    listing = commands.add_parser("list", help="reflections, one per line, newest first")
    listing.add_argument("-n", type=int, metavar="N", help="at most N reflections")
    listing.add_argument("--company", metavar="X", help="only companies whose name contains X")
    listing.add_argument(
        "--status",
        type=choice_key,
        choices=[s.value for s in Status],
        help="only opportunities with this status",
    )
    listing.add_argument(
        "--since", metavar="DATE", help="only interviews on or after DATE (2026-10-01, 30 days ago)"
    )
    listing.add_argument(
        "--search", metavar="TEXT", help="only reflections mentioning TEXT anywhere"
    )
    listing.add_argument("--json", action="store_true", help="one JSON object per line")

    show = commands.add_parser("show", help="one reflection as readable text")
    show.add_argument(
        "id", metavar="ID|PREFIX", help="a reflection id, or its first characters (see list)"
    )

    due = commands.add_parser(
        "due", help="follow-ups overdue and due today (exit 1 if any, else 0)"
    )
    due.add_argument(
        "--all", action="store_true", help="every pending follow-up, upcoming included"
    )
    due.add_argument(
        "--done",
        action="store_true",
        help="instead: the follow-ups behind you (done, skipped, no longer needed), newest first",
    )
    due.add_argument("--json", action="store_true", help="one JSON object per line")


def add_exchange(commands: Commands[argparse.ArgumentParser]) -> None:
    """export, import."""
    export = commands.add_parser(
        "export", help="write the journal, or part of it, in another format"
    )
    export.add_argument(
        "--format",
        required=True,
        type=str.lower,
        choices=EXPORT_FORMATS,
        help="json: everything, lossless (debrief import reads it back); csv: one row per "
        "reflection; md: a readable document; ics: pending follow-ups as calendar events; "
        "compare-md: the saved comparison (F5 in the app)",
    )
    export.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here instead of to stdout"
    )
    export.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (never the journal)"
    )

    importing = commands.add_parser(
        "import", help="merge a JSON export, or calendar invitations (.ics), into the journal"
    )
    importing.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help="a file written by `debrief export --format json`, or an .ics of invitations",
    )
    importing.add_argument(
        "--format",
        type=str.lower,
        choices=("json", "ics"),
        help="json (an export) or ics (invitations become interviews ahead); "
        "default: from the file name",
    )
    importing.add_argument(
        "--dry-run",
        action="store_true",
        help="say what would change, write nothing (for invitations: each event, as guessed)",
    )
    importing.add_argument(
        "--all",
        action="store_true",
        help="invitations: every timed event, not only those that read as interviews",
    )


def add_journal_file(commands: Commands[argparse.ArgumentParser]) -> None:
    """encrypt, decrypt, passphrase, merge."""
    commands.add_parser(
        "encrypt",
        help="encrypt the journal (and its backup and drafts) with a passphrase",
    )
    commands.add_parser("decrypt", help="turn an encrypted journal back into plain JSON")
    commands.add_parser("passphrase", help="change an encrypted journal's passphrase")
    merging = commands.add_parser(
        "merge",
        help="merge the copies a sync folder made of the journal (conflict copies)",
    )
    merging.add_argument(
        "file",
        type=Path,
        nargs="?",
        metavar="FILE",
        help="one copy to merge (default: every conflict copy beside the journal)",
    )
    merging.add_argument(
        "--yes",
        action="store_true",
        help="merge even a copy that would delete most of the journal (otherwise: reported)",
    )
    merging.add_argument(
        "--undo",
        action="store_true",
        help="put the journal back as it was before the last merge",
    )


def add_schedule(commands: Commands[argparse.ArgumentParser]) -> None:
    """add-interview."""
    ahead = commands.add_parser("add-interview", help="schedule an interview ahead")
    ahead.add_argument("--company", required=True)
    ahead.add_argument("--role", required=True)
    ahead.add_argument(
        "--at", required=True, metavar="WHEN", help='e.g. "tomorrow 10:00", "2026-12-10 09:30"'
    )
    ahead.add_argument("--duration", metavar="LENGTH", help="e.g. 45 min, 1h30")
    ahead.add_argument("--stage", type=choice_key, choices=[stage.value for stage in Stage])
    ahead.add_argument("--format", type=choice_key, choices=[kind.value for kind in Format])
    ahead.add_argument("--where", default="", help="the address, or the video link")
    ahead.add_argument(
        "--interviewer",
        action="append",
        default=[],
        metavar="NAME[,EMAIL]",
        help="someone you will meet (repeat for each)",
    )
