"""The preview of a calendar file's events as text: one row per event (ticked or not,
when in the user's zone, company, role, stage, what it is), and the details of one (where,
who, the event's own zone). The app's preview screen and `debrief import --dry-run` show
the same words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from debrief.interviews import day_phrase, when_phrase, zone_note_at
from debrief.invitations import COMPANY_UNKNOWN, ROLE_UNKNOWN, Guess
from debrief.text import one_line

LINK_SHOWN = 48  # characters of a join link (the whole of it on the prep page)
ACTIONS = {
    "add": "new", "update": "details change", "cancel": "cancelled", "unchanged": "as before",
}  # fmt: skip


def guess_when(guess: Guess, now: datetime) -> str:
    """`tomorrow 10:00`, `Tue 8 Dec, time to confirm`, in the user's zone."""
    start = guess.invitation.start
    if not guess.time_to_confirm:
        return when_phrase(start, now)
    return f"{day_phrase(start, now)}, time to confirm"


def short_when(guess: Guess, now: datetime) -> str:
    """`Tue 1 Dec 14:00`, `tomorrow 10:00`, `Tue 8 Dec all day`: for a table's column."""
    if not guess.time_to_confirm:
        return when_phrase(guess.invitation.start, now).replace(", ", " ")
    return guess_when(guess, now).replace(", time to confirm", " all day")


def what_it_is(guess: Guess, now: datetime) -> str:
    """Ticked, what it does (`new`, `moves from Thu 10 Dec 9:30`, `details change`,
    `cancelled`); else why it is left out (`repeats`, `past`, `not an interview`…)."""
    if not guess.ticked:
        return guess.why or "left out"
    before = guess.existing
    if guess.action == "update" and before is not None and before.start != guess.invitation.start:
        return f"moves from {when_phrase(before.start, now).replace(', ', ' ')}"
    return ACTIONS.get(guess.action, guess.action)


def row_of(guess: Guess, now: datetime) -> dict[str, str]:
    """An interview's row names its company, role and stage (what it will be filed as);
    another event's, its title as written ("Coffee chat with Sam", not "Coffee Sam —
    Role to confirm")."""
    filed = guess.ticked or guess.interview_like
    return {
        "take": "[x]" if guess.ticked else "[ ]",
        "when": short_when(guess, now),
        "company": one_line(guess.company or COMPANY_UNKNOWN)
        if filed
        else one_line(guess.invitation.summary) or "without a title",
        "role": one_line(guess.role or ROLE_UNKNOWN) if filed else "",
        "stage": guess.stage.label if guess.stage and filed else "",
        "what": what_it_is(guess, now),
    }


def details_of(guess: Guess, now: datetime) -> list[str]:
    """The event's summary as written, then when (and in its own zone), where and how,
    and who."""
    invitation = guess.invitation
    lines = [f"“{one_line(invitation.summary) or 'without a title'}”"]
    when = guess_when(guess, now)
    if invitation.minutes and not guess.time_to_confirm:
        when += f" · {invitation.minutes} min"
    note = zone_note_at(invitation.start, invitation.zone, now)
    lines.append(when + (f" ({note})" if note and not guess.time_to_confirm else ""))
    kind = "Interview" if guess.interview_like else "Not an interview?"
    stage = f" · {guess.stage.label}" if guess.stage else ""
    how = f" · {guess.format.label}" if guess.format else " · format to confirm"
    where = one_line(guess.where)
    if guess.link and len(where) > LINK_SHOWN:
        where = where[: LINK_SHOWN - 1] + "…"
    lines.append(kind + stage + how + (f" · {where}" if where else ""))
    who = ", ".join(one_line(p.name) for p in guess.people) or "nobody named"
    if guess.recruiter is not None:
        who += f" · recruiter: {one_line(guess.recruiter.name)}"
    lines.append(f"with {who}" if guess.people else who)
    return lines


def preview_text(guesses: Sequence[Guess], now: datetime) -> list[str]:
    """The preview as lines of text: each event's row, then its details indented."""
    lines = []
    for guess in guesses:
        row = row_of(guess, now)
        title = " — ".join(part for part in (row["company"], row["role"]) if part)
        about = "; ".join(part for part in (row["stage"], row["what"]) if part)
        lines.append(f"{row['take']} {row['when']}  {title}  ({about})")
        lines += [f"      {line}" for line in details_of(guess, now)]
    return lines


def left_out_lines(left_out: Sequence[Guess], now: datetime) -> list[str]:
    """What an import left out, and why: `Fri 27 Nov 10:00  Recruiter check-in – …  (repeats)`."""
    return [
        f"  {short_when(guess, now)}  {one_line(guess.invitation.summary) or 'without a title'}"
        f"  ({guess.why or 'unticked'})"
        for guess in left_out
    ]
