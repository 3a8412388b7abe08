"""Follow-ups as the user sees them and acts on them: which are on the agenda now and in
what order, how each is named and how soon it is due, what is behind you (done, skipped,
no longer needed), and done / skip / snooze / reopen."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

import pendulum

from debrief.dates import humanize_delta
from debrief.followups.rules import (
    SECOND_CHECK,
    SNOOZE_MORNING,
    STILL_USEFUL,
    add_working_days,
    at_hour,
    in_zone,
)
from debrief.model import FollowUp, FollowUpKind, LabelledEnum, Opportunity, Reflection


def round_name(number: int, count: int, reflection: Reflection) -> str:
    """`round 2 · onsite` when an opportunity has had several rounds, else the stage alone."""
    stage = reflection.stage.label.lower() if reflection.stage else ""
    if count > 1:
        return f"round {number}" + (f" · {stage}" if stage else "")
    return stage


def actionable(
    followups: Iterable[FollowUp],
    reflections: Iterable[Reflection],
    opportunities: Iterable[Opportunity],
) -> list[FollowUp]:
    """Every follow-up the user should see now, across a journal: pending, and still of use
    for its opportunity's status."""
    opportunity_by_id = {o.id: o for o in opportunities}
    opportunity_id_of = {r.id: r.opportunity_id for r in reflections}
    chosen = []
    for item in followups:
        if not item.pending:
            continue
        opportunity = opportunity_by_id.get(opportunity_id_of.get(item.reflection_id, ""))
        if opportunity is not None and opportunity.status in STILL_USEFUL[item.kind]:
            chosen.append(item)
    return chosen


@dataclass(frozen=True)
class Agenda:
    overdue: Sequence[FollowUp]
    today: Sequence[FollowUp]
    upcoming: Sequence[FollowUp]

    def __len__(self) -> int:
        return len(self.overdue) + len(self.today) + len(self.upcoming)


def agenda_order(item: FollowUp) -> tuple[float, str, str]:
    """Soonest due first; at the same moment, by kind and person (a stable order)."""
    return item.when.timestamp(), item.kind.value, item.person


def agenda(actionable: Iterable[FollowUp], now: pendulum.DateTime) -> Agenda:
    """Overdue (before now), due later today, and upcoming; each soonest first."""
    ordered = sorted(actionable, key=agenda_order)
    end_of_today = now.end_of("day")
    return Agenda(
        [item for item in ordered if item.when < now],
        [item for item in ordered if now <= item.when <= end_of_today],
        [item for item in ordered if item.when > end_of_today],
    )


def due_phrase(item: FollowUp, now: datetime) -> str:
    """`in 3 hours`, `2 days overdue`, `due now`; for one no longer on the agenda, what
    became of it (`done`, `skipped`, `no longer needed`): never overdue."""
    if not item.pending:
        outcome = outcome_of(item)
        return "done" if outcome is Outcome.DONE else outcome.label.lower()
    seconds = item.when.timestamp() - now.timestamp()  # floats: pendulum's "-" is slow
    if abs(seconds) < 60:
        return "due now"
    if seconds > 0:
        return humanize_delta(seconds)
    return humanize_delta(-seconds).removeprefix("in ") + " overdue"


# Shorter names for a narrow screen (the full label otherwise).
BRIEF_LABEL = {
    FollowUpKind.REFERENCES: "Tell references",
    FollowUpKind.CALL: "Follow-up call",
    FollowUpKind.WITHDRAWAL: "Withdrawal note",
}


def describe(item: FollowUp, *, brief: bool = False) -> str:
    """`Thank-you note to Jane Doe (by email)`, `Second status check to the recruiter`;
    brief: shorter names and no channel (`Follow-up call with Jane Doe`)."""
    if item.key == SECOND_CHECK:
        what = "Second status check"
    else:
        what = BRIEF_LABEL.get(item.kind, item.kind.label) if brief else item.kind.label
    if item.person:
        joiner = "with" if item.kind in (FollowUpKind.CALL, FollowUpKind.LINKEDIN) else "to"
        what += f" {joiner} {item.person}"
    written = (FollowUpKind.THANK_YOU, FollowUpKind.STATUS_CHECK)
    if not brief and item.kind in written and item.channel is not None:
        what += f" (by {item.channel.label})"
    return what


# --- what is behind you -----------------------------------------------------------------------


class Outcome(LabelledEnum):
    DONE = "done"
    SKIPPED = "skipped"
    RETIRED = "no_longer_needed"  # a later round, their reply or a withdrawal took its place


@dataclass(frozen=True)
class Finished:
    """A follow-up that left the agenda: how, and when."""

    item: FollowUp
    outcome: Outcome
    at: datetime


def outcome_of(item: FollowUp) -> Outcome:
    """How a follow-up left the agenda (only for one that did)."""
    if item.done_at is not None:
        return Outcome.DONE
    return Outcome.SKIPPED if item.dismissed_at is not None else Outcome.RETIRED


def history(followups: Iterable[FollowUp]) -> list[Finished]:
    """Every follow-up done, skipped or retired, the most recent first."""
    finished = []
    for item in followups:
        if item.done_at is not None:
            finished.append(Finished(item, Outcome.DONE, item.done_at))
        elif item.dismissed_at is not None:
            finished.append(Finished(item, Outcome.SKIPPED, item.dismissed_at))
        elif item.superseded_at is not None:
            finished.append(Finished(item, Outcome.RETIRED, item.superseded_at))
    return sorted(finished, key=lambda f: (f.at.timestamp(), f.item.id), reverse=True)


# --- what the user does ---------------------------------------------------------------------


def mark_done(item: FollowUp, now: datetime, note: str | None = None) -> FollowUp:
    return replace(item, done_at=now, note=item.note if note is None else note)


def dismiss(item: FollowUp, now: datetime) -> FollowUp:
    return replace(item, dismissed_at=now)


def snooze(item: FollowUp, until: datetime) -> FollowUp:
    return replace(item, snoozed_until=until)


def reopen(item: FollowUp) -> FollowUp:
    return replace(item, done_at=None, dismissed_at=None)


def snooze_choices(
    now: pendulum.DateTime, due: datetime | None = None
) -> list[tuple[str, pendulum.DateTime]]:
    """The usual answers to "not now", each saying when it comes back, on working days only
    (a weekend is for the user to pick): in two hours (on a working day before 17:00), the
    next working morning, three working days on, next week. None is earlier than the item
    is due now (`due`): a snooze never brings it closer; for one not due yet, a day or a
    week after that."""
    next_morning = at_hour(add_working_days(now, 1), SNOOZE_MORNING)
    named = (
        "Tomorrow morning"
        if next_morning.date() == now.add(days=1).date()
        else (f"{next_morning.format('dddd')} morning")
    )
    choices: list[tuple[str, pendulum.DateTime]] = []
    if now.weekday() < 5 and now.hour < 17:
        choices.append(("In 2 hours", now.add(hours=2).set(second=0, microsecond=0)))
    choices += [
        (named, next_morning),
        ("In 3 working days", at_hour(add_working_days(now, 3), SNOOZE_MORNING)),
        ("Next week", at_hour(now.next(pendulum.MONDAY), SNOOZE_MORNING)),
    ]
    if due is not None and due > now:
        planned = in_zone(due, now.timezone_name or "UTC")
        choices += [
            ("A working day later", add_working_days(planned, 1)),
            ("A week later", planned.add(weeks=1)),
        ]
        choices = [(label, moment) for label, moment in choices if moment > planned]
    unique: dict[pendulum.DateTime, str] = {}
    for label, moment in choices:
        unique.setdefault(moment, label)  # (on a Friday, Monday morning is next week)
    return [
        (f"{label} · {moment.format('ddd D MMM, HH:mm')}", moment)
        for moment, label in sorted(unique.items())
    ]
