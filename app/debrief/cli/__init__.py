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
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from debrief import __version__
from debrief.failures import unexpected
from debrief.model import Format, Interview, Opportunity, Reflection, Settings, Stage, Status
from debrief.store.files import JournalError, atomic_write, describe_os_error
from debrief.store.journal import Journal
from debrief.store.journal_path import default_journal_path
from debrief.text import printable

if TYPE_CHECKING:
    import pendulum

    from debrief.store.sealed import Sealer
    from debrief.ui.app import DebriefApp

EXIT_OK, EXIT_NOT_FOUND, EXIT_JOURNAL_ERROR = 0, 1, 2
EXIT_INTERNAL_ERROR = 70  # (EX_SOFTWARE) a bug: said in one line, never a trace
EXIT_INTERRUPTED = 130
EXIT_SOMETHING_DUE = 1
EXPORT_FORMATS = ("json", "csv", "md", "ics", "compare-md")


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
        "--dry-run", action="store_true", help="say what would change, write nothing"
    )

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
    return parser


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
    import tempfile

    import pendulum

    with tempfile.TemporaryDirectory(prefix="debrief-demo-") as scratch:
        path = Path(scratch) / "journal.json"
        build_demo_journal(path, pendulum.now())
        return dispatch(parser, args, path)


def build_demo_journal(path: Path, now: pendulum.DateTime) -> Journal:
    """Write the sample journal to `path` (a new file) and return it open."""
    from debrief.demo import demo_bundle

    journal = Journal.open(path)
    journal.apply_import(demo_bundle(now))
    return journal


def dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace, path: Path) -> int:
    if args.command is None:
        return run_app(path)
    if args.command == "import":
        if (args.format or args.file.suffix.lstrip(".").lower()) == "ics":
            return import_invitations_command(path, args.file, dry_run=args.dry_run)
        return import_command(path, args.file, dry_run=args.dry_run)
    if args.command == "add-interview":
        return add_interview_command(path, args)
    if args.command == "merge":
        if args.undo:
            return undo_merge_command(path)
        return merge_command(path, args.file, sweeping_allowed=args.yes)
    try:
        if args.command in ENCRYPTION_COMMANDS:
            return ENCRYPTION_COMMANDS[args.command](path)
        listing = args.command == "list"  # (shows no follow-ups: they are not read)
        journal = open_journal(path, readonly=True, with_followups=not listing)
        return COMMANDS[args.command](journal, args)
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


def open_journal(path: Path, *, readonly: bool = False, with_followups: bool = True) -> Journal:
    """The journal at `path`; an encrypted one unlocked from the passphrase command, or by
    asking on the terminal."""
    from debrief.actions.unlock import sealer_for

    return Journal.open(
        path, readonly=readonly, sealer=sealer_for(path), with_followups=with_followups
    )


def say(message: str, *, error: bool = False) -> None:
    """A line for the user (on stderr when `error`), every name in it (a file, a copy, a
    path) shown literally: a control character as its visible symbol (`text.printable`),
    so a file named with an ESC never clears the screen or retitles the window."""
    print(printable(message), file=sys.stderr if error else sys.stdout)


def refuse(message: str) -> int:
    """Say on stderr why nothing was done; the exit status for a journal problem."""
    say(f"debrief: {message}", error=True)
    return EXIT_JOURNAL_ERROR


def now_for(settings: Settings) -> pendulum.DateTime:
    """Now in the user's zone; DEBRIEF_NOW (ISO 8601) pretends it is another moment."""
    import pendulum

    pretend = os.environ.get("DEBRIEF_NOW")
    if pretend:
        moment = pendulum.parse(pretend)
        assert isinstance(moment, pendulum.DateTime)
        return moment.in_timezone(settings.timezone) if settings.timezone else moment
    return pendulum.now(settings.timezone) if settings.timezone else pendulum.now()


def run_app(path: Path) -> int:
    # Starting up allocates a great deal and frees next to nothing, and the collector's
    # passes over it are pure cost: off until the app's first frame (the app turns it back
    # on, with what start-up built out of its sight). See the README's performance notes.
    gc.disable()
    try:
        app = build_app(path, app_sealer(path))
    except JournalError as error:
        gc.enable()
        return refuse(str(error))
    except Cancelled:
        gc.enable()
        return refuse(f"{path} stays locked; nothing was opened.")
    app.run()
    return app.return_code or EXIT_OK


class Cancelled(Exception):
    """The user closed the passphrase dialog: nothing was opened."""


def app_sealer(path: Path) -> Sealer | None:
    """What opens an encrypted journal for the app: the passphrase command's, else the
    passphrase typed in a dialog shown before anything of the journal (three tries)."""
    from debrief.actions.unlock import has_command, sealer_for
    from debrief.store.sealed import sealed_params

    if sealed_params(path) is None:
        return None
    if has_command():  # (run once: `pass` may ask for its own key)
        return sealer_for(path)
    from debrief.ui.screens.unlock import ask_for_passphrase

    sealer = ask_for_passphrase(path)
    if sealer is None:
        raise Cancelled
    return sealer


def build_app(path: Path, sealer: Sealer | None = None) -> DebriefApp:
    """The app on the journal at `path`, as `debrief` runs it (the benchmarks too). Raises
    JournalError, before Textual is even loaded, for a journal that cannot be opened."""
    journal = Journal.open(path, sealer=sealer)
    from debrief.ui.app import make_app  # Textual loads only for the full-screen app
    from debrief.ui.keymap import default_keymap_path

    return make_app(journal, handle_signals=True, keymap_path=default_keymap_path())


# --- list ------------------------------------------------------------------------------------


def list_command(journal: Journal, args: argparse.Namespace) -> int:
    from debrief.shell import (
        Style,
        interview_row,
        json_line,
        list_lines,
        reflection_row,
    )

    opportunities = {o.id: o for o in journal.opportunities()}
    where = _list_filter(args, opportunities)
    known = [r for r in journal.reflections() if r.opportunity_id in opportunities]
    chosen = [r for r in known if where is None or where(r)][: args.n]
    rows = [(r, opportunities[r.opportunity_id]) for r in chosen]
    ahead = _upcoming_for_list(journal, args, opportunities)
    if args.json:
        lines = [json_line(interview_row(i, o)) for i, o in ahead]
        lines += [json_line(reflection_row(r, o)) for r, o in rows]
    else:
        style = Style.for_stream(sys.stdout)
        lines = list_lines(rows, style, ahead)
    _print_lines(lines)
    return EXIT_OK


def _now_timestamp() -> float:
    """Now (or DEBRIEF_NOW), without loading pendulum: `list` stays quick."""
    import time
    from datetime import datetime

    pretend = os.environ.get("DEBRIEF_NOW")
    return datetime.fromisoformat(pretend).timestamp() if pretend else time.time()


def _upcoming_for_list(
    journal: Journal, args: argparse.Namespace, opportunities: Mapping[str, Opportunity]
) -> list[tuple[Interview, Opportunity]]:
    """The interviews ahead, soonest first, for `list` (those of --company only; none
    when the list is narrowed by date, status or words: those are about reflections)."""
    if args.since or args.status or args.search:
        return []
    now = _now_timestamp()
    ahead = [i for i in journal.interviews() if i.open and i.end.timestamp() > now]
    if args.company:
        from debrief.browse import fold

        wanted = fold(args.company)
        ahead = [i for i in ahead if wanted in fold(opportunities[i.opportunity_id].company)]
    return [
        (i, opportunities[i.opportunity_id]) for i in ahead if i.opportunity_id in opportunities
    ]


def _list_filter(
    args: argparse.Namespace, opportunities: Mapping[str, Opportunity]
) -> Callable[[Reflection], bool] | None:
    """One test per option given; None when there is nothing to filter (the fast path)."""
    tests: list[Callable[[Reflection], bool]] = []
    if args.company:
        from debrief.browse import fold

        wanted = fold(args.company)
        tests.append(lambda r: wanted in fold(opportunities[r.opportunity_id].company))
    if args.status:
        status = Status(args.status)
        tests.append(lambda r: opportunities[r.opportunity_id].status is status)
    if args.since:
        since = _parse_since(args.since)
        tests.append(lambda r: r.interview_at.date() >= since)
    if args.search:
        from debrief.browse import Entry, has_all, search_terms, searchable_text

        terms = search_terms(args.search)
        tests.append(
            lambda r: has_all(searchable_text(Entry(r, opportunities[r.opportunity_id])), terms)
        )
    if not tests:
        return None
    return lambda reflection: all(test(reflection) for test in tests)


def _parse_since(text: str) -> date:
    from debrief.dates import DateParseError, parse_day

    try:
        return parse_day(text, now_for(Settings()).date(), prefer="past")
    except DateParseError as error:
        raise ValueError(f"--since: {error}") from None


# --- show ------------------------------------------------------------------------------------


def show_command(journal: Journal, args: argparse.Namespace) -> int:

    from debrief.document import document_text, reflection_document
    from debrief.questionnaire import AnswerContext
    from debrief.shell import Style, match_prefix, short_id, styled_document

    found, candidates = match_prefix(args.id, [r.id for r in journal.reflections()])
    if found is None:
        if candidates:
            choices = ", ".join(short_id(c) for c in candidates[:10])
            message = f"{args.id!r} matches {len(candidates)} reflections ({choices})"
            say(f"debrief: {message}; type more of the id.", error=True)
        else:
            say(
                f"debrief: no reflection has an id starting with {args.id!r} (see: debrief list).",
                error=True,
            )
        return EXIT_NOT_FOUND
    reflection = journal.reflection(found)
    opportunity = journal.opportunity_of(found)
    assert reflection is not None and opportunity is not None
    settings = journal.settings()
    context = AnswerContext(now=now_for(settings), default_currency=settings.default_currency)
    rounds = journal.rounds(opportunity.id)
    followups = journal.followups(found)
    document = reflection_document(reflection, opportunity, rounds, context, followups)
    _print_lines([styled_document(document_text(document), Style.for_stream(sys.stdout))])
    return EXIT_OK


# --- due -------------------------------------------------------------------------------------


def due_command(journal: Journal, args: argparse.Namespace) -> int:

    from debrief.followups import actionable, agenda, describe, due_phrase
    from debrief.shell import Style, due_lines, followup_row, json_line

    now = now_for(journal.settings())
    if args.done:
        return _history_command(journal, now, as_json=args.json)
    to_do = actionable(journal.followups(), journal.reflections(), journal.opportunities())
    sections = agenda(to_do, now)
    items = [*sections.overdue, *sections.today, *(sections.upcoming if args.all else [])]
    overdue = {item.id for item in sections.overdue}
    rows = _interview_rows(journal, now, everything=args.all)
    rows += [
        followup_row(item, opportunity, describe(item), due_phrase(item, now), item.id in overdue)
        for item in items
        if (opportunity := journal.opportunity_of(item.reflection_id)) is not None  # always is
    ]
    lines = (
        [json_line(row) for row in rows]
        if args.json
        else due_lines(rows, Style.for_stream(sys.stdout))
    )
    _print_lines(lines)
    return EXIT_SOMETHING_DUE if rows else EXIT_OK


def _history_command(journal: Journal, now: pendulum.DateTime, *, as_json: bool) -> int:
    from debrief.dates import relative_or_absolute
    from debrief.followups import describe, history
    from debrief.shell import Style, due_lines, finished_row, json_line

    rows = [
        finished_row(
            finished,
            opportunity,
            f"{finished.outcome.label}: {describe(finished.item)}",
            relative_or_absolute(finished.at, now),
        )
        for finished in history(journal.followups())
        if (opportunity := journal.opportunity_of(finished.item.reflection_id)) is not None
    ]
    lines = (
        [json_line(row) for row in rows]
        if as_json
        else due_lines(rows, Style.for_stream(sys.stdout))
    )
    _print_lines(lines)
    return EXIT_OK


AHEAD_IN_DUE = 7  # days: `due` lists the interviews this close (all of them with --all)


def _interview_rows(
    journal: Journal, now: pendulum.DateTime, *, everything: bool
) -> list[dict[str, Any]]:
    """The interviews over and not reflected on (`Reflect on …`), then those ahead."""
    from debrief.interviews import ended_phrase, interview_title, schedule, when_phrase
    from debrief.shell import interview_due_row

    plan = schedule(journal.interviews(), now)
    horizon = now.add(days=AHEAD_IN_DUE)
    ahead = [i for i in plan.upcoming if everything or i.start <= horizon]
    rows = []
    for interview, over in [*((i, True) for i in plan.to_reflect), *((i, False) for i in ahead)]:
        opportunity = journal.opportunity(interview.opportunity_id)
        if opportunity is None:
            continue
        title = interview_title(interview, opportunity)
        what, when = (
            (f"Reflect on {title}", ended_phrase(interview, now))
            if over
            else (f"Interview: {title}", when_phrase(interview.start, now))
        )
        rows.append(interview_due_row(interview, opportunity, what, when, over))
    return rows


# --- export ----------------------------------------------------------------------------------


def export_command(journal: Journal, args: argparse.Namespace) -> int:
    if args.format == "compare-md":
        payload = _comparison_markdown(journal)
        if payload is None:
            say(
                "debrief: choose two opportunities on the compare screen (F5) first.",
                error=True,
            )
            return EXIT_NOT_FOUND
    else:
        from debrief.exchange import export_bundle

        payload = export_bundle(journal.bundle(), args.format, now_for(journal.settings()))
    if args.output is None:
        if sys.stdout.isatty():  # shown, not stored: control characters made visible
            from debrief.text import printable_lines

            payload = printable_lines(payload.decode()).encode()
        sys.stdout.buffer.write(payload)
        warn_if_decrypted(journal)
        return EXIT_OK
    target = args.output.expanduser()
    refusal = export_target_problem(target, journal, force=args.force)
    if refusal is not None:
        say(f"debrief: {refusal}", error=True)
        return EXIT_NOT_FOUND
    try:
        atomic_write(target, payload, keep_backup=False)
    except OSError as error:
        say(f"debrief: can't write {args.output}: {describe_os_error(error)}.", error=True)
        return EXIT_NOT_FOUND
    say(f"debrief: wrote {args.output}", error=True)
    warn_if_decrypted(journal)
    return EXIT_OK


def warn_if_decrypted(journal: Journal) -> None:
    """An export of an encrypted journal is plain text: say so, every time."""
    if journal.sealer is not None:
        say("debrief: note: the export is not encrypted (your journal is).", error=True)


def export_target_problem(target: Path, journal: Journal, *, force: bool) -> str | None:
    """Why an export may not be written to `target`: it is one of the journal's own files
    (the journal, its backup, drafts, their backup, its lock; by any name), or it exists
    and `--force` was not given."""
    own = journal.own_file(target)
    if own is not None:
        return f"{target} is your journal's own file ({own.name}); choose another name."
    if not target.exists():
        return None
    if not force:
        return f"{target} exists already; choose another name, or add --force to replace it."
    return None


def import_command(path: Path, source: Path, *, dry_run: bool) -> int:
    """Merge an export; a bad file changes nothing and says what is wrong, and where."""
    from debrief.exchange import ImportRejected, parse_export, plan_merge

    try:
        incoming = parse_export(source.expanduser().read_bytes(), str(source))
    except OSError as error:
        return refuse(f"can't read {source}: {describe_os_error(error)}.")
    except ImportRejected as error:
        return refuse(f"{error} Nothing was imported.")
    try:
        if dry_run:
            plan = plan_merge(incoming, open_journal(path, readonly=True).bundle())
            say(f"{plan.summary()} (dry run: nothing written)")
            return EXIT_OK
        journal = open_journal(path)
        plan = plan_merge(incoming, journal.bundle())
        journal.apply_import(plan.writes)
    except JournalError as error:
        return refuse(str(error))
    say(plan.summary())
    return EXIT_OK


def import_invitations_command(path: Path, source: Path, *, dry_run: bool) -> int:
    """Calendar invitations become interviews ahead; again, the same events update them."""
    from debrief.invitations import InvitationsRejected, plan_invitations, read_invitations

    try:
        payload = source.expanduser().read_bytes()
        # Read-only until the calendar is read: a refused file makes, upgrades or writes
        # no journal.
        journal = open_journal(path, readonly=True)
        settings = journal.settings()
        now = now_for(settings)
        read = read_invitations(payload, str(source), now.timezone_name or "UTC", me=settings.email)
        if not dry_run:
            journal = Journal.open(path, sealer=journal.sealer)  # (the passphrase asked once)
        plan = plan_invitations(read, journal.interviews(), journal.opportunities(), now)
        if not dry_run:
            journal.save_interviews(plan.interviews, plan.opportunities)
    except OSError as error:
        return refuse(f"can't read {source}: {describe_os_error(error)}.")
    except InvitationsRejected as error:
        return refuse(f"{error} Nothing was imported.")
    except JournalError as error:
        return refuse(str(error))
    say(plan.summary() + (" (dry run: nothing written)" if dry_run else ""))
    return EXIT_OK


def add_interview_command(path: Path, args: argparse.Namespace) -> int:
    """Schedule an interview from the shell: the same fields, and checks, as the app's."""
    from debrief.questionnaire import AnswerContext, AnswersInvalid, parse_schedule

    cards = []
    for text in args.interviewer:
        name, _, email = text.partition(",")
        cards.append({"name": name.strip(), "email": email.strip()})
    answers = {
        "company": args.company, "role": args.role, "start": args.at,
        "duration_minutes": args.duration or "", "stage": args.stage or "",
        "format": args.format or "", "where": args.where, "interviewers": cards,
    }  # fmt: skip
    try:
        journal = open_journal(path)
        settings = journal.settings()
        now = now_for(settings)
        parsed = parse_schedule(answers, AnswerContext(now, settings.default_currency))
        opportunity = journal.find_opportunity(parsed.company, parsed.role) or Opportunity(
            company=parsed.company, role=parsed.role, created_at=now, updated_at=now
        )
        interview = parsed.interview(opportunity.id, now=now)
        journal.save_interview(interview, opportunity)
    except AnswersInvalid as invalid:
        for key, message in invalid.errors.items():
            say(f"debrief: --{OPTION_OF.get(key, key)}: {message}", error=True)
        return EXIT_NOT_FOUND
    except JournalError as error:
        return refuse(str(error))
    from debrief.interviews import interview_title, when_phrase

    title = interview_title(interview, opportunity)
    say(f"Scheduled {title}, {when_phrase(interview.start, now)} (id {interview.id[:8]})")
    return EXIT_OK


OPTION_OF = {"start": "at", "duration_minutes": "duration", "interviewers": "interviewer"}


def _comparison_markdown(journal: Journal) -> bytes | None:
    """The comparison as last saved in the app, or None when fewer than two were chosen."""
    from debrief.compare import columns_for, markdown, prefilled

    decision = journal.decision()
    chosen = [o for key in decision.chosen if (o := journal.opportunity(key)) is not None]
    if len(chosen) < 2:
        return None
    settings = journal.settings()
    columns = columns_for(
        chosen, journal.reflections(), settings, include_current=decision.include_current
    )
    return markdown(columns, prefilled(decision, columns)).encode()


def _print_lines(lines: Sequence[str]) -> None:
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")


# --- conflict copies -------------------------------------------------------------------------


def merge_command(path: Path, copy: Path | None, *, sweeping_allowed: bool = False) -> int:
    """Merge one copy, or every conflict copy beside the journal; a copy that can't be
    merged, or would delete most of the journal without --yes, is named and left where
    it is (exit 2)."""
    from debrief.actions.merging import MERGED, SweepingMerge, conflict_copies, merge_conflict_copy

    try:
        journal = open_journal(path)
    except JournalError as error:
        return refuse(str(error))
    copies = [copy.expanduser()] if copy is not None else conflict_copies(journal.file_path)
    if not copies:
        say(f"No conflict copies beside {path}.")
        return EXIT_OK
    failed = 0
    for each in copies:
        try:
            plan, moved_to = merge_conflict_copy(
                journal, each, sweeping_allowed=sweeping_allowed
            )
        except SweepingMerge as sweeping:
            failed += 1
            say(
                f"debrief: {sweeping} Nothing was merged; `debrief merge --yes` merges it "
                f"(`debrief merge --undo` then puts the journal back).",
                error=True,
            )
            continue
        except (JournalError, OSError) as error:
            failed += 1
            say(f"debrief: {each.name} was left as it is: {error}", error=True)
            continue
        say(f"{each.name}: {plan.summary()}; moved to {MERGED}/{moved_to.name}")
    return EXIT_JOURNAL_ERROR if failed else EXIT_OK


def undo_merge_command(path: Path) -> int:
    """Put the journal back as it was before the last merge."""
    from debrief.actions.merging import MERGED, undo_last_merge

    try:
        journal = open_journal(path)
        merged_at = undo_last_merge(journal)
    except JournalError as error:
        return refuse(str(error))
    say(
        f"The journal is back as it was before the merge of {merged_at:%a %-d %b, %H:%M}; "
        f"the merged version is "
        f"{journal.backup_path.name}, the merged copies stay in {MERGED}/."
    )
    return EXIT_OK


# --- encryption ------------------------------------------------------------------------------


def encrypt_command(path: Path) -> int:
    """Encrypt the journal, its backup, its drafts and the copies beside it that hold its
    text (`merged/` copies, drafts files set aside as damaged) with a new passphrase; an
    encrypt that was interrupted is finished, with the passphrase chosen then."""
    from debrief.actions.unlock import new_sealer, sealer_for
    from debrief.store.encryption import finish_first, unfinished
    from debrief.store.sealed import sealed_params

    pending = unfinished(path)
    if pending is not None:
        if pending.command != "encrypt":
            return refuse(finish_first(pending))
        _before_asking("the passphrase you chose for it")
        return _finish(path, "encrypt", sealer_for(path))
    if sealed_params(path) is not None:
        return refuse(f"{path} is encrypted already (`debrief passphrase` changes it).")
    # A damaged journal is refused before any question; a missing one is made, then sealed.
    Journal.open(path, readonly=path.exists())
    status = _change(path, "encrypt", None, new_sealer())
    if status == EXIT_OK:
        _warn_of_unmerged_copies(path)
    return status


def decrypt_command(path: Path) -> int:
    """Turn the encrypted journal (its backup, its drafts, the copies sealed beside it)
    back into plain JSON; a decrypt that was interrupted is finished."""
    from debrief.actions.unlock import sealer_for
    from debrief.store.encryption import finish_first, unfinished

    pending = unfinished(path)
    if pending is not None and pending.command != "decrypt":
        return refuse(finish_first(pending))
    current = sealer_for(path)
    if pending is not None:
        return _finish(path, "decrypt", current)
    if current is None:
        return refuse(f"{path} is not encrypted.")
    return _change(path, "decrypt", current, None)


def passphrase_command(path: Path) -> int:
    """Change the passphrase: the current one (command or typed), then a new one typed
    twice. A change of passphrase that was interrupted is finished instead: either
    passphrase opens the journal until then, and the new one is the one typed then."""
    from debrief.actions.unlock import new_sealer, sealer_for
    from debrief.store.encryption import finish_first, unfinished

    pending = unfinished(path)
    if pending is not None and pending.command != "passphrase":
        return refuse(finish_first(pending))
    if pending is not None:
        _before_asking("the old passphrase or the new one")
    current = sealer_for(path)
    if current is None:
        return refuse(f"{path} is not encrypted (`debrief encrypt` does that).")
    if pending is not None:
        return _finish(path, "passphrase", current)
    return _change(path, "passphrase", current, new_sealer(typed_always=True))


DONE = {
    "encrypt": "Encrypted {names}. Keep the passphrase safe: without it the journal can't "
    "be read, by you or anyone.",
    "decrypt": "Decrypted {names}: they are plain JSON again.",
    "passphrase": "New passphrase set for {names}.",
}
FINISHED = {
    "encrypt": "Finished encrypting the journal, which was interrupted ({names}). Keep the "
    "passphrase safe: without it the journal can't be read, by you or anyone.",
    "decrypt": "Finished decrypting the journal, which was interrupted ({names}): it is plain "
    "JSON again.",
    "passphrase": "Finished changing the passphrase, which was interrupted ({names}): the new "
    "one, typed then, opens the journal now.",
}
UNTIL_THEN = {
    "encrypt": "the passphrase you chose opens it until then",
    "decrypt": "the passphrase opens it until then",
    "passphrase": "the old passphrase and the new one both open it until then",
}


def _before_asking(which: str) -> None:
    """Say, before the passphrase is typed, that it finishes a change stopped half-way."""
    from debrief.actions.unlock import has_command

    if not has_command():
        say(f"debrief: finishing a change that was interrupted: type {which}.", error=True)


def _change(path: Path, command: str, current: Sealer | None, new: Sealer | None) -> int:
    """Make the change; a write that fails leaves it to finish (said), never half-lost."""
    from debrief.store.journal import change_encryption

    try:
        changed = change_encryption(path, current, new, _merged_copies(path))
    except OSError as error:
        return refuse(_stopped(path, command, error))
    say(DONE[command].format(names=_names(changed, path)))
    return EXIT_OK


def _finish(path: Path, command: str, sealer: Sealer | None) -> int:
    """Finish the change `command` began and did not complete."""
    from debrief.store.encryption import finish_change

    try:
        finished = finish_change(path, sealer)
    except OSError as error:
        return refuse(_stopped(path, command, error))
    rewritten = finished.rewritten if finished is not None else []
    names = _names(rewritten, path) if rewritten else "nothing was left to rewrite"
    say(FINISHED[command].format(names=names))
    return EXIT_OK


def _stopped(path: Path, command: str, error: OSError) -> str:
    """One sentence for a change stopped by a failed write (a full disk, say)."""
    from debrief.store.encryption import COMMAND_DOES, unfinished

    reason, doing = describe_os_error(error), COMMAND_DOES[command]
    failed = f"couldn't write in {path.parent} ({reason}) while {doing}"
    if unfinished(path) is None:
        kept = f"{path.name} itself is as it was before this command"
        return f"{failed}: nothing was changed; {kept}."
    return (
        f"{failed}: it stopped half-way, nothing is lost, {UNTIL_THEN[command]}, and "
        f"`debrief {command}` run again finishes it."
    )


def _merged_copies(path: Path) -> list[Path]:
    """The copies earlier merges kept in `merged/` beside the journal: whole journals."""
    from debrief.actions.merging import MERGED

    real = path.resolve() if path.is_symlink() else path
    try:
        found = sorted((real.parent / MERGED).iterdir())
    except OSError:
        return []
    return [p for p in found if not p.name.startswith(".") and p.is_file() and not p.is_symlink()]


def _warn_of_unmerged_copies(path: Path) -> None:
    """Conflict copies beside the journal, not merged yet, are plain journals too: say so."""
    from debrief.actions.merging import conflict_copies
    from debrief.store.sealed import sealed_params

    real = path.resolve() if path.is_symlink() else path
    plain = []
    for copy in conflict_copies(real):
        try:
            if sealed_params(copy) is None:
                plain.append(copy)
        except (JournalError, OSError):
            continue
    if plain:
        say(
            f"debrief: note: {', '.join(c.name for c in plain)} (copies a sync tool made, "
            "not merged yet) "
            "stay readable until merged: `debrief merge` merges them and keeps them sealed.",
            error=True,
        )


def _names(files: Sequence[Path], path: Path) -> str:
    """The files' names: the journal's own first, then the copies beside it that hold its
    text (`merged/…` with its folder)."""
    from debrief.store.files import backup_path_of
    from debrief.store.journal import drafts_path_of

    real = path.resolve() if path.is_symlink() else path
    own = [real, backup_path_of(real), drafts_path_of(real), backup_path_of(drafts_path_of(real))]
    names = [file.name for file in own if file in files]
    copies = []
    for file in files:
        if file not in own:
            try:
                copies.append(str(file.relative_to(real.parent)))
            except ValueError:
                copies.append(file.name)
    if copies:
        names.append(f"and the copies beside it that hold its text ({', '.join(copies)})")
    return ", ".join(names)


ENCRYPTION_COMMANDS: dict[str, Callable[[Path], int]] = {
    "encrypt": encrypt_command,
    "decrypt": decrypt_command,
    "passphrase": passphrase_command,
}

COMMANDS: dict[str, Callable[[Journal, argparse.Namespace], int]] = {
    "list": list_command,
    "show": show_command,
    "due": due_command,
    "export": export_command,
}
