"""What to do after an interview, and when: the follow-up plan as pure functions.

The rules come from career advice the product is built on:
- a thank-you note to each interviewer the same evening, at the latest within 24 hours;
- a LinkedIn invitation to interviewers who gave a profile (optional);
- at later stages, or when they asked for them, a word to your references;
- a short phone call 3–5 working days after, where appropriate (optional);
- a status check a few working days after the date they named, or a week after the
  interview when they named none; a second, still polite, if the first gets no answer;
  after that, a suggestion to mark the opportunity as gone cold.

Times are computed in the user's own (named) time zone, so a week across a daylight
saving change is still "10:00 next Friday". `now` is always passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

import pendulum

from debrief.dates import humanize_delta
from debrief.model import (
    Channel,
    FollowUp,
    FollowUpKind,
    Opportunity,
    Reflection,
    Stage,
    Status,
)

INTERVIEW_LENGTH_HOURS = 1  # when it probably ended: we only know when it started
LATE_AFTERNOON = 16  # ended before this hour: the thank-you goes out the same evening
SAME_EVENING = 20  # "this evening" means by 20:00
MORNING = 10  # calls and status checks are due at 10:00 on a working day
DAYS_AFTER_DECISION_DATE = 3  # working days to wait past the date they named
DAYS_WITHOUT_DECISION_DATE = 7  # calendar days: "after a week"
CALL_AFTER = 3  # working days (the advice says 3–5)
SECOND_CHECK_AFTER = 7  # calendar days after the first check
COLD_AFTER = 7  # calendar days after the second check
LATER_STAGES = {Stage.ONSITE, Stage.FINAL}

# While an opportunity has this status, these kinds of follow-up still make sense.
STILL_USEFUL: dict[FollowUpKind, set[Status]] = {
    FollowUpKind.THANK_YOU: {Status.INTERVIEWING, Status.OFFER, Status.REJECTED, Status.GHOSTED},
    FollowUpKind.LINKEDIN: {Status.INTERVIEWING, Status.OFFER, Status.REJECTED, Status.GHOSTED},
    FollowUpKind.REFERENCES: {Status.INTERVIEWING, Status.OFFER},
    FollowUpKind.CALL: {Status.INTERVIEWING},
    FollowUpKind.STATUS_CHECK: {Status.INTERVIEWING},
    FollowUpKind.MARK_COLD: {Status.INTERVIEWING},
}


def add_working_days(moment: pendulum.DateTime, days: int) -> pendulum.DateTime:
    """`days` working days later (Monday to Friday), same time of day."""
    result = moment
    remaining = days
    while remaining > 0:
        result = result.add(days=1)
        if result.weekday() < 5:
            remaining -= 1
    return result


def _at(moment: pendulum.DateTime, hour: int) -> pendulum.DateTime:
    return moment.set(hour=hour, minute=0, second=0, microsecond=0)


def _local(moment: datetime, timezone: str) -> pendulum.DateTime:
    return pendulum.instance(moment).in_timezone(timezone)


def plan(reflection: Reflection, opportunity: Opportunity, timezone: str) -> list[FollowUp]:
    """Every follow-up this interview calls for, before anything was done about them."""
    started = _local(reflection.interview_at, timezone)
    ended = started.add(hours=INTERVIEW_LENGTH_HOURS)
    items: list[FollowUp] = []

    def add(
        kind: FollowUpKind,
        key: str,
        due: pendulum.DateTime,
        *,
        person: str = "",
        channel: Channel | None = None,
        optional: bool = False,
    ) -> None:
        item = FollowUp(
            reflection.id, kind, key, due, person=person, channel=channel, optional=optional
        )
        items.append(item)

    thank_you_due = _at(ended, SAME_EVENING) if ended.hour < LATE_AFTERNOON else ended.add(hours=24)
    people = reflection.interviewers or ()
    for person in people:
        name_key = " ".join(person.name.casefold().split())
        add(
            FollowUpKind.THANK_YOU,
            f"thank_you:{name_key}",
            thank_you_due,
            person=person.name,
            channel=person.preferred,
        )
        if person.linkedin:
            linkedin_due = _at(add_working_days(started, 1), 12)
            add(FollowUpKind.LINKEDIN, f"linkedin:{name_key}", linkedin_due, person=person.name,
                channel=Channel.LINKEDIN, optional=True)  # fmt: skip
    if not people:
        add(FollowUpKind.THANK_YOU, "thank_you:", thank_you_due, channel=Channel.EMAIL)
    if reflection.stage in LATER_STAGES or reflection.references_requested:
        add(FollowUpKind.REFERENCES, "references", _at(add_working_days(started, 1), MORNING))
    call_due = _at(add_working_days(started, CALL_AFTER), MORNING)
    add(FollowUpKind.CALL, "call", call_due, channel=Channel.PHONE, optional=True)
    first = first_status_check(reflection, started)
    add(FollowUpKind.STATUS_CHECK, "status_check:1", first)
    second = first.add(days=SECOND_CHECK_AFTER)
    add(FollowUpKind.STATUS_CHECK, "status_check:2", second)
    add(FollowUpKind.MARK_COLD, "mark_cold", second.add(days=COLD_AFTER))
    return items


def first_status_check(reflection: Reflection, started: pendulum.DateTime) -> pendulum.DateTime:
    """A few working days after the date they named; a week after the interview otherwise."""
    decision = reflection.reply_by
    if decision is not None and decision >= started.date():
        named = started.set(year=decision.year, month=decision.month, day=decision.day)
        return _at(add_working_days(named, DAYS_AFTER_DECISION_DATE), MORNING)
    return _next_working_day(_at(started.add(days=DAYS_WITHOUT_DECISION_DATE), MORNING))


def _next_working_day(moment: pendulum.DateTime) -> pendulum.DateTime:
    while moment.weekday() >= 5:
        moment = moment.add(days=1)
    return moment


def _with_state_of(old: FollowUp, item: FollowUp) -> FollowUp:
    """`item` as newly planned, carrying what the user did about `old`."""
    return replace(
        item,
        done_at=old.done_at,
        dismissed_at=old.dismissed_at,
        snoozed_until=old.snoozed_until,
        note=old.note,
    )


def replan(planned: Sequence[FollowUp], existing: Iterable[FollowUp]) -> list[FollowUp]:
    """The new plan merged with what the user already did (after an edit of the reflection).

    Done, dismissed, snoozed and annotated items keep their state; a done or dismissed
    item no longer in the plan stays (it is history); a pending one no longer planned goes.
    """
    previous = {item.id: item for item in existing}
    merged = []
    for item in planned:
        old = previous.pop(item.id, None)
        if old is None:
            merged.append(item)
        else:
            merged.append(_with_state_of(old, item))
    merged.extend(old for old in previous.values() if not old.pending)
    return merged


# --- what to show, and when ---------------------------------------------------------------


def waits_on(item: FollowUp) -> str | None:
    """The key of the earlier step that must be done before this one is shown, if any."""
    if item.key == "status_check:2":
        return "status_check:1"
    if item.kind is FollowUpKind.MARK_COLD:
        return "status_check:2"
    return None


def is_actionable(item: FollowUp, earlier: FollowUp | None, status: Status) -> bool:
    """Pending, still useful for this status, and not waiting on an earlier step.

    `earlier`: the step `waits_on(item)` names, as the plan has it (None if it has none).
    """
    if not item.pending or status not in STILL_USEFUL[item.kind]:
        return False
    if waits_on(item) is None:
        return True
    return earlier is not None and earlier.done_at is not None


def actionable(
    followups: Iterable[FollowUp],
    reflections: Iterable[Reflection],
    opportunities: Iterable[Opportunity],
) -> list[FollowUp]:
    """Every follow-up the user should see now, across a journal."""
    followups = list(followups)
    opportunity_by_id = {o.id: o for o in opportunities}
    opportunity_id_of = {r.id: r.opportunity_id for r in reflections}
    waited_on = {"status_check:1", "status_check:2"}
    steps = {(f.reflection_id, f.key): f for f in followups if f.key in waited_on}
    chosen = []
    for item in followups:
        if not item.pending:
            continue
        opportunity = opportunity_by_id.get(opportunity_id_of.get(item.reflection_id, ""))
        if opportunity is None:
            continue
        earlier_key = waits_on(item)
        earlier = None if earlier_key is None else steps.get((item.reflection_id, earlier_key))
        if is_actionable(item, earlier, opportunity.status):
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
    """`in 3 hours`, `2 days overdue`, `due now`."""
    seconds = item.when.timestamp() - now.timestamp()  # floats: pendulum's "-" is slow
    if abs(seconds) < 60:
        return "due now"
    if seconds > 0:
        return humanize_delta(seconds)
    return humanize_delta(-seconds).removeprefix("in ") + " overdue"


def describe(item: FollowUp) -> str:
    """`Thank-you note to Jane Doe (by email)`, `Status check`."""
    what = item.kind.label
    if item.person:
        what += f" {'to' if item.kind is FollowUpKind.THANK_YOU else 'with'} {item.person}"
    if item.kind is FollowUpKind.THANK_YOU and item.channel is not None:
        what += f" (by {item.channel.label})"
    return what


# --- what the user does ---------------------------------------------------------------------


def mark_done(item: FollowUp, now: datetime, note: str | None = None) -> FollowUp:
    return replace(item, done_at=now, note=item.note if note is None else note)


def dismiss(item: FollowUp, now: datetime) -> FollowUp:
    return replace(item, dismissed_at=now)


def snooze(item: FollowUp, until: datetime) -> FollowUp:
    return replace(item, snoozed_until=until)


def reopen(item: FollowUp) -> FollowUp:
    return replace(item, done_at=None, dismissed_at=None)


def snooze_choices(now: pendulum.DateTime) -> list[tuple[str, pendulum.DateTime]]:
    """Tomorrow morning, in three days, next Monday: the usual answers to "not now"."""
    tomorrow = _at(now.add(days=1), 9)
    monday = _at(now.next(pendulum.MONDAY), 9)
    return [
        ("Tomorrow morning", tomorrow),
        ("In 3 days", _at(now.add(days=3), 9)),
        ("Next Monday", monday),
    ]
