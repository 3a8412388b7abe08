"""Reading the journal from the shell: `debrief list`, `show` and `due`, on a journal
opened read-only.

`list` is the quick one (bench/shell.py): it loads neither pendulum nor the domain's date
rules unless an option needs them, so those are imported inside the functions that use
them, not here.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from debrief.cli.running import EXIT_NOT_FOUND, EXIT_OK, EXIT_SOMETHING_DUE, now_for, say
from debrief.model import Interview, Opportunity, Reflection, Settings, Status
from debrief.shell import (
    Style,
    due_lines,
    finished_row,
    followup_row,
    interview_due_row,
    interview_row,
    json_line,
    list_lines,
    match_prefix,
    reflection_row,
    short_id,
    styled_document,
)
from debrief.store.journal import Journal

if TYPE_CHECKING:
    import pendulum

AHEAD_IN_DUE = 7  # days: `due` lists the interviews this close (all of them with --all)
NOTHING_DUE = "Nothing due: no follow-up overdue or due today, no interview to reflect on."
NOTHING_PLANNED = "Nothing planned: no follow-up or interview ahead, none due or overdue."
NOTHING_DONE = "Nothing done yet: no follow-up has been marked done, skipped or not needed."
NO_REFLECTIONS = "No reflections yet, and no interview ahead (debrief opens the app to write one)."
NO_MATCH = "No reflection matches."


def print_lines(lines: Sequence[str]) -> None:
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")


def terminal_width() -> int | None:
    """The terminal's width ($COLUMNS first, as `shutil` reads it) when the output is a
    terminal; None when piped, where lines stay whole for the programs reading them."""
    import shutil

    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


# --- list ------------------------------------------------------------------------------------


def list_command(journal: Journal, args: argparse.Namespace) -> int:
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
        width = terminal_width()
        lines = list_lines(rows, style, ahead, _users_zone(journal), width)
        if not lines and width is not None:  # (piped: no line, for the programs reading)
            lines = [NO_MATCH if known else NO_REFLECTIONS]
    print_lines(lines)
    return EXIT_OK


def _users_zone(journal: Journal) -> tzinfo | None:
    """The profile's zone (the computer's own when none is set): interviews ahead are
    listed in it, as `due`, the home screen and the prep page say them."""
    import zoneinfo

    name = journal.settings().timezone
    try:
        return zoneinfo.ZoneInfo(name) if name else datetime.now().astimezone().tzinfo
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return None


def _now_timestamp(zone: tzinfo | None) -> float:
    """Now (or DEBRIEF_NOW: one without an offset in `zone`, the user's, as every command
    and the app read it), without loading pendulum: `list` stays quick."""
    pretend = os.environ.get("DEBRIEF_NOW")
    if not pretend:
        return time.time()
    moment = datetime.fromisoformat(pretend.strip())
    return (moment if moment.tzinfo else moment.replace(tzinfo=zone)).timestamp()


def _upcoming_for_list(
    journal: Journal, args: argparse.Namespace, opportunities: Mapping[str, Opportunity]
) -> list[tuple[Interview, Opportunity]]:
    """The interviews ahead, soonest first, for `list` (those of --company only; none
    when the list is narrowed by date, status or words: those are about reflections)."""
    if args.since or args.status or args.search:
        return []
    now = _now_timestamp(_users_zone(journal))
    ahead = [i for i in journal.interviews() if i.open and i.end.timestamp() > now]
    if args.company:
        from debrief.browse import fold  # (loads pendulum: only for --company)

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
    text = styled_document(document_text(document), Style.for_stream(sys.stdout), terminal_width())
    print_lines([text])
    return EXIT_OK


# --- due -------------------------------------------------------------------------------------


def due_command(journal: Journal, args: argparse.Namespace) -> int:
    from debrief.followups import actionable, agenda, describe, due_phrase

    now = now_for(journal.settings())
    if args.done:
        return _history_command(journal, now, as_json=args.json)
    to_do = actionable(journal.followups(), journal.reflections(), journal.opportunities())
    sections = agenda(to_do, now)
    items = [*sections.overdue, *sections.today, *(sections.upcoming if args.all else [])]
    overdue = {item.id for item in sections.overdue}
    rows = _interview_rows(journal, now, everything=args.all)
    rows += [
        followup_row(
            item,
            opportunity,
            describe(item),
            due_phrase(item, now),
            item.id in overdue,
            _round_of(journal, item.reflection_id),
        )
        for item in items
        if (opportunity := journal.opportunity_of(item.reflection_id)) is not None  # always is
    ]
    width = terminal_width()
    now_due = [row for row in rows if row["kind"] != "interview"]
    ahead = [row for row in rows if row["kind"] == "interview"]
    style = Style.for_stream(sys.stdout)
    if args.json:  # what is due first, then what is ahead: piped and on a terminal alike
        lines = [json_line(row) for row in [*now_due, *ahead]]
    elif width is None:  # (piped: one line a row, no words about nothing)
        lines = due_lines([*now_due, *ahead], style)
    else:
        nothing = NOTHING_PLANNED if args.all and not ahead else NOTHING_DUE
        lines = due_lines(now_due, style, width, aligned_with=ahead) or [nothing]
        if ahead:
            lines += ["", *due_lines(ahead, style, width, aligned_with=now_due)]
    print_lines(lines)
    due = any(row["kind"] != "interview" for row in rows)  # (one ahead is not due)
    return EXIT_SOMETHING_DUE if due else EXIT_OK


def _round_of(journal: Journal, reflection_id: str) -> str:
    """ "round 2 · onsite" for a round of an opportunity that has had several, else ""."""
    from debrief.followups import round_name

    reflection = journal.reflection(reflection_id)
    if reflection is None:
        return ""
    rounds = journal.rounds(reflection.opportunity_id)
    ids = [r.id for r in rounds]
    if len(rounds) < 2 or reflection_id not in ids:
        return ""
    return round_name(ids.index(reflection_id) + 1, len(rounds), reflection)


def _history_command(journal: Journal, now: pendulum.DateTime, *, as_json: bool) -> int:
    from debrief.dates import relative_or_absolute
    from debrief.followups import describe, history

    rows = [
        finished_row(
            finished,
            opportunity,
            f"{finished.outcome.label}: {describe(finished.item)}",
            relative_or_absolute(finished.at, now),
            _round_of(journal, finished.item.reflection_id),
        )
        for finished in history(journal.followups())
        if (opportunity := journal.opportunity_of(finished.item.reflection_id)) is not None
    ]
    width = terminal_width()
    if as_json:
        lines = [json_line(row) for row in rows]
    else:
        lines = due_lines(rows, Style.for_stream(sys.stdout), width)
        if not lines and width is not None:
            lines = [NOTHING_DONE]
    print_lines(lines)
    return EXIT_OK


def _interview_rows(
    journal: Journal, now: pendulum.DateTime, *, everything: bool
) -> list[dict[str, Any]]:
    """The interviews over and not reflected on (`Reflect on …`), then those ahead."""
    from debrief.interviews import ended_phrase, interview_title, interview_when, schedule

    plan = schedule(journal.interviews(), now, journal.opportunities())
    horizon = now.add(days=AHEAD_IN_DUE)
    ahead = [i for i in plan.upcoming if everything or i.start <= horizon]
    rows = []
    for interview, over in [*((i, True) for i in plan.to_reflect), *((i, False) for i in ahead)]:
        opportunity = journal.opportunity(interview.opportunity_id)
        if opportunity is None:
            continue
        # (with no stage the title is "company — role": the row's second line says that)
        title = interview_title(interview, opportunity) if interview.stage else opportunity.company
        what, when = (
            (f"Reflect on {title}", ended_phrase(interview, now))
            if over
            else (f"Interview: {title}", interview_when(interview, now))
        )
        rows.append(interview_due_row(interview, opportunity, what, when, over))
    return rows


COMMANDS: dict[str, Callable[[Journal, argparse.Namespace], int]] = {
    "list": list_command,
    "show": show_command,
    "due": due_command,
}
