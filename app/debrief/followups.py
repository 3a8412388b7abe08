"""What to do after an interview, and when: the follow-up plan as pure functions.

The rules come from career advice the product is built on, and are written once, as the
table `RULES` (the README shows it):
- a thank-you note to each interviewer the same evening, at the latest within 24 hours;
- a LinkedIn invitation to interviewers who gave a profile (optional; for someone you
  thank by LinkedIn, the thank-you is the invitation);
- at later stages, or when they asked for them, a word to your references;
- those two once per opportunity: a later round's replaces one still pending, and none
  comes again once done;
- one chain of chasers per opportunity, on its latest round: a short call, then one or
  two polite status checks, spaced from when the previous one was actually sent and
  never before the date they named, then the suggestion that it has gone cold.

A new round retires the earlier rounds' pending chasers (kept as history, "superseded");
so does their reply, and a withdrawal, which brings a polite note instead. Thank-you
notes stay with their round whatever happens: don't burn bridges.

Times are worked out in the user's own (named) time zone, so a week across a daylight
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
    LabelledEnum,
    Opportunity,
    Reflection,
    Reply,
    Stage,
    Status,
    followup_id,
)
from debrief.names import is_recruiter

DEFAULT_LENGTH_MINUTES = 60  # how long an interview lasted, when the reflection does not say
ENDED_BY = 17  # an interview over by 17:00 gets its thank-you the same evening…
SAME_EVENING = 20  # …by 20:00, read first thing the next morning
MORNING = 10  # everything else is due at 10:00 on a working day
SNOOZE_MORNING = 9  # a snoozed follow-up comes back at the start of the working day
LINKEDIN_AT = 12
CALL_AFTER = 3  # working days after the interview (the advice says 3–5)
CHECK_AFTER_NAMED = 3  # working days after the date they named…
CHECK_AFTER_SOON = 2  # …or after it, when they said today or tomorrow
CHECK_WITHOUT_DATE = 7  # calendar days after the interview, when they named no date
SECOND_CHECK_AFTER = 5  # working days after the first check was sent (or skipped)
COLD_AFTER = 7  # calendar days after the last check was sent (or skipped)
LATER_STAGES = {Stage.ONSITE, Stage.FINAL}
CHASERS = {FollowUpKind.CALL, FollowUpKind.STATUS_CHECK, FollowUpKind.MARK_COLD}
FIRST_CHECK, SECOND_CHECK, COLD, CALL = "status_check:1", "status_check:2", "mark_cold", "call"
WITHDRAWAL = "withdrawal"

# While an opportunity has this status, these kinds of follow-up still make sense.
STILL_USEFUL: dict[FollowUpKind, set[Status]] = {
    FollowUpKind.THANK_YOU: {Status.INTERVIEWING, Status.OFFER, Status.REJECTED, Status.GHOSTED,
                             Status.WITHDRAWN, Status.ACCEPTED},
    FollowUpKind.LINKEDIN: {Status.INTERVIEWING, Status.OFFER, Status.REJECTED, Status.GHOSTED,
                            Status.WITHDRAWN, Status.ACCEPTED},
    FollowUpKind.REFERENCES: {Status.INTERVIEWING, Status.OFFER},
    FollowUpKind.CALL: {Status.INTERVIEWING},
    FollowUpKind.STATUS_CHECK: {Status.INTERVIEWING},
    FollowUpKind.MARK_COLD: {Status.INTERVIEWING},
    FollowUpKind.WITHDRAWAL: {Status.WITHDRAWN},
}  # fmt: skip


@dataclass(frozen=True)
class Rule:
    """One row of the follow-up rules: what, when it is due, and when it is planned."""

    what: str
    due: str
    planned: str


RULES: tuple[Rule, ...] = (
    Rule("Thank-you note, to each interviewer",
         "20:00 on the interview's day if it ended by 17:00 (it lasts an hour unless you say "
         "otherwise); else 10:00 the next working morning. Never a weekend deadline.",
         "Every round, whatever happens next (even after a rejection or a withdrawal)."),
    Rule("Connect on LinkedIn (optional)", "12:00 the next working day.",
         "Each interviewer whose profile you noted, once per opportunity (for one you thank "
         "by LinkedIn, the thank-you is the invitation)."),
    Rule("Tell your references", "10:00 the next working day.",
         "Onsite and final rounds, or when they asked for references; once per opportunity."),
    Rule("Short follow-up call (optional)", "10:00, 3 working days after the interview.",
         "The latest round, unless they said not to follow up, or named a later date."),
    Rule("Status check", "10:00, 3 working days after the date they named (2 if they said "
         "today or tomorrow); with no date, a week after the interview.",
         "The latest round, to whoever said they would get back to you (else the recruiter, "
         "else the first interviewer)."),
    Rule("Second status check, with something new", "10:00, 5 working days after the first "
         "was sent or skipped.", "Unless they said not to follow up."),
    Rule("Mark as gone cold?", "A week after the last check was sent or skipped.",
         "Never while a later round, or the date they named, is ahead."),
    Rule("Polite withdrawal note", "10:00 the next working day.",
         "When you withdraw, to whoever the checks went to: it replaces the chasers; thank-you "
         "notes stay."),
)  # fmt: skip


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


def _next_working_day(moment: pendulum.DateTime) -> pendulum.DateTime:
    while moment.weekday() >= 5:
        moment = moment.add(days=1)
    return moment


def _next_working_morning(moment: pendulum.DateTime) -> pendulum.DateTime:
    """10:00 on the first working day after `moment`'s day."""
    return _at(add_working_days(moment, 1), MORNING)


def thank_you_due(reflection: Reflection, timezone: str) -> pendulum.DateTime:
    """By 20:00 the same evening if the interview ended by 17:00 on a working day; else by
    10:00 the next working morning (never a weekend deadline)."""
    started = _local(reflection.interview_at, timezone)
    ended = started.add(minutes=reflection.duration_minutes or DEFAULT_LENGTH_MINUTES)
    by_five = ended.date() == started.date() and ended <= _at(started, ENDED_BY)
    if by_five and started.weekday() < 5:
        return _at(started, SAME_EVENING)
    return _next_working_morning(ended)


def first_check_due(reflection: Reflection, timezone: str) -> pendulum.DateTime:
    """A few working days after the date they named (two if they said today or tomorrow);
    a week after the interview otherwise."""
    started = _local(reflection.interview_at, timezone)
    named = reflection.reply_by
    if named is not None and named >= started.date():
        day = started.set(year=named.year, month=named.month, day=named.day)
        soon = (named - started.date()).days <= 1
        return _at(add_working_days(day, CHECK_AFTER_SOON if soon else CHECK_AFTER_NAMED), MORNING)
    return _next_working_day(_at(started.add(days=CHECK_WITHOUT_DATE), MORNING))


def _round_items(reflection: Reflection, timezone: str) -> list[FollowUp]:
    """What a round calls for whatever comes after it: thank-yous, LinkedIn, references."""
    started = _local(reflection.interview_at, timezone)
    thanks = thank_you_due(reflection, timezone)
    items: list[FollowUp] = []
    for person in reflection.interviewers:
        name_key = " ".join(person.name.casefold().split())
        items.append(
            FollowUp(
                reflection.id,
                FollowUpKind.THANK_YOU,
                f"thank_you:{name_key}",
                thanks,
                person=person.name,
                channel=person.preferred,
            )
        )
        if person.linkedin and person.preferred is not Channel.LINKEDIN:
            items.append(
                FollowUp(
                    reflection.id,
                    FollowUpKind.LINKEDIN,
                    f"linkedin:{name_key}",
                    _at(add_working_days(started, 1), LINKEDIN_AT),
                    person=person.name,
                    channel=Channel.LINKEDIN,
                    optional=True,
                )
            )
    if not reflection.interviewers:
        items.append(
            FollowUp(
                reflection.id, FollowUpKind.THANK_YOU, "thank_you:", thanks, channel=Channel.EMAIL
            )
        )
    if reflection.stage in LATER_STAGES or reflection.references_requested:
        items.append(
            FollowUp(
                reflection.id, FollowUpKind.REFERENCES, "references", _next_working_morning(started)
            )
        )
    return items  # fmt: skip


RECRUITER = "the recruiter"


def who_replies(reflection: Reflection, opportunity: Opportunity) -> tuple[str, Channel]:
    """Whom status checks and a withdrawal go to, and how: whoever said they would get back
    to you (an interviewer by their channel, the recruiter by name when saved); if nobody
    was named, the recruiter, else the first interviewer."""
    wanted = " ".join(reflection.replies_from.casefold().split())
    for person in reflection.interviewers:
        if " ".join(person.name.casefold().split()) == wanted:
            return person.name, person.preferred
    recruiter = opportunity.recruiter_name.strip()
    if wanted and (is_recruiter(wanted) or wanted == recruiter.casefold()):
        return recruiter or RECRUITER, Channel.EMAIL
    if wanted:
        return reflection.replies_from.strip(), Channel.EMAIL
    if recruiter:
        return recruiter, Channel.EMAIL
    if reflection.interviewers:
        first = reflection.interviewers[0]
        return first.name, first.preferred
    return "", Channel.EMAIL


def _chain(
    reflection: Reflection,
    opportunity: Opportunity,
    timezone: str,
    earlier: dict[str, FollowUp],
) -> list[FollowUp]:
    """The chasers of an opportunity, on its latest round: only while interviewing and no
    answer came; each check only once the one before it was sent or skipped (`earlier`:
    what was planned before, by id, with what the user did)."""
    if opportunity.status is Status.WITHDRAWN:
        since = max(
            _local(opportunity.updated_at, timezone), _local(reflection.interview_at, timezone)
        )
        person, channel = who_replies(reflection, opportunity)
        return [FollowUp(reflection.id, FollowUpKind.WITHDRAWAL, WITHDRAWAL,
                         _next_working_morning(since), person=person, channel=channel)]  # fmt: skip
    if opportunity.status is not Status.INTERVIEWING or reflection.replied_at is not None:
        return []
    started = _local(reflection.interview_at, timezone)
    person, channel = who_replies(reflection, opportunity)
    allowed = reflection.may_follow_up is not False
    first = first_check_due(reflection, timezone)
    items = []
    call_due = _at(add_working_days(started, CALL_AFTER), MORNING)
    named = reflection.reply_by
    if allowed and (named is None or named <= call_due.date()):
        items.append(FollowUp(reflection.id, FollowUpKind.CALL, CALL, call_due, person=person,
                              channel=Channel.PHONE, optional=True))  # fmt: skip
    items.append(FollowUp(reflection.id, FollowUpKind.STATUS_CHECK, FIRST_CHECK, first,
                          person=person, channel=channel))  # fmt: skip
    last = FIRST_CHECK
    sent = _finished(earlier, reflection.id, FIRST_CHECK, timezone)
    if allowed and sent is not None:
        second = _at(add_working_days(sent, SECOND_CHECK_AFTER), MORNING)
        items.append(FollowUp(reflection.id, FollowUpKind.STATUS_CHECK, SECOND_CHECK, second,
                              person=person, channel=channel))  # fmt: skip
        last = SECOND_CHECK
    sent = _finished(earlier, reflection.id, last, timezone)
    if sent is not None:
        cold = _next_working_day(_at(sent.add(days=COLD_AFTER), MORNING))
        items.append(FollowUp(reflection.id, FollowUpKind.MARK_COLD, COLD, cold))
    return items


def _finished(
    earlier: dict[str, FollowUp], reflection_id: str, key: str, timezone: str
) -> pendulum.DateTime | None:
    item = earlier.get(followup_id(reflection_id, key))
    finished = item.finished_at if item is not None else None
    return None if finished is None else _local(finished, timezone)


def plan(
    opportunity: Opportunity,
    rounds: Sequence[Reflection],
    timezone: str,
    existing: Iterable[FollowUp] = (),
    now: datetime | None = None,
) -> list[FollowUp]:
    """Every follow-up of an opportunity's rounds (oldest first), merged with what was
    planned before (`existing`, with what the user did about each):

    - an item planned again keeps its state (done, skipped, snoozed, a note);
    - a done or skipped item no longer planned stays, as history;
    - a pending chaser no longer planned because a later round, a reply or the status
      took over is retired as superseded at `now`, and stays as history too; so is a
      pending word to your references or LinkedIn invitation that a later round's replaces
      (those come once per opportunity, see `_once_per_opportunity`);
    - any other pending item no longer planned (an interviewer removed, the successor of
      a check whose "done" was undone) goes.
    """
    earlier = {item.id: item for item in existing}
    planned: list[FollowUp] = []
    for reflection in rounds:
        planned += _round_items(reflection, timezone)
    planned, replaced = _once_per_opportunity(planned, earlier)
    latest = rounds[-1] if rounds else None
    if latest is not None:
        planned += _chain(latest, opportunity, timezone, earlier)
    merged = []
    for item in planned:
        old = earlier.pop(item.id, None)
        merged.append(item if old is None else _with_state_of(old, item))
    answered = opportunity.status is not Status.INTERVIEWING or (
        latest is not None and latest.replied_at is not None
    )
    for old in earlier.values():
        chaser = old.kind in CHASERS or old.kind is FollowUpKind.WITHDRAWAL
        if not old.pending:
            merged.append(old)
        elif (chaser and (latest is None or old.reflection_id != latest.id or answered)) or (
            old.id in replaced
        ):
            merged.append(replace(old, superseded_at=old.superseded_at or now or old.due))
        # (else it no longer applies at all, e.g. an undone check's successor: it goes)
    return merged


ONCE_PER_OPPORTUNITY = {FollowUpKind.REFERENCES, FollowUpKind.LINKEDIN}


def _once_per_opportunity(
    planned: list[FollowUp], earlier: dict[str, FollowUp]
) -> tuple[list[FollowUp], set[str]]:
    """Your references are told, and each person invited on LinkedIn, once per opportunity:
    of the rounds' items with the same key, the one already done or skipped stays (the
    later rounds plan none), else the latest round's; the ids of the others, replaced."""
    by_key: dict[str, list[FollowUp]] = {}
    for item in planned:
        if item.kind in ONCE_PER_OPPORTUNITY:
            by_key.setdefault(item.key, []).append(item)
    dropped: set[str] = set()
    for same in by_key.values():
        finished = [i for i in same if (old := earlier.get(i.id)) and old.finished_at]
        kept = finished[0] if finished else same[-1]
        dropped |= {item.id for item in same if item is not kept}
    return [item for item in planned if item.id not in dropped], dropped


def _with_state_of(old: FollowUp, item: FollowUp) -> FollowUp:
    """`item` as newly planned, carrying what the user did about `old` (a retired item
    planned again, its round the latest once more, is no longer retired)."""
    return replace(
        item,
        done_at=old.done_at,
        dismissed_at=old.dismissed_at,
        snoozed_until=old.snoozed_until,
        note=old.note,
    )


REPLY_STATUS = {
    Reply.NEXT_ROUND: Status.INTERVIEWING,
    Reply.OFFER: Status.OFFER,
    Reply.REJECTED: Status.REJECTED,
}


def record_reply(
    latest: Reflection, opportunity: Opportunity, reply: Reply, at: datetime
) -> tuple[Reflection, Opportunity]:
    """They got back to you about the latest round: the reply is kept on that round (its
    wait feeds the trends), and the opportunity's status follows it ("something else"
    leaves it as it is). Planning again then retires the chasers."""
    status = REPLY_STATUS.get(reply, opportunity.status)
    return (
        replace(latest, replied_at=at, reply=reply),
        replace(opportunity, status=status, updated_at=at),
    )


def round_name(number: int, count: int, reflection: Reflection) -> str:
    """`round 2 · onsite` when an opportunity has had several rounds, else the stage alone."""
    stage = reflection.stage.label.lower() if reflection.stage else ""
    if count > 1:
        return f"round {number}" + (f" · {stage}" if stage else "")
    return stage


# --- what to show, and when ---------------------------------------------------------------


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
    next_morning = _at(add_working_days(now, 1), SNOOZE_MORNING)
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
        ("In 3 working days", _at(add_working_days(now, 3), SNOOZE_MORNING)),
        ("Next week", _at(now.next(pendulum.MONDAY), SNOOZE_MORNING)),
    ]
    if due is not None and due > now:
        planned = _local(due, now.timezone_name or "UTC")
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
