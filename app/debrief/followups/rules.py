"""The follow-up rules and their clock: the table `RULES` (the README shows it), the
numbers behind it, and when a thank-you or a first status check is due. Times are worked
out in the user's own (named) zone, on working days (Monday to Friday)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pendulum

from debrief.model import FollowUpKind, Reflection, Stage, Status

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


def at_hour(moment: pendulum.DateTime, hour: int) -> pendulum.DateTime:
    return moment.set(hour=hour, minute=0, second=0, microsecond=0)


def in_zone(moment: datetime, timezone: str) -> pendulum.DateTime:
    return pendulum.instance(moment).in_timezone(timezone)


def next_working_day(moment: pendulum.DateTime) -> pendulum.DateTime:
    while moment.weekday() >= 5:
        moment = moment.add(days=1)
    return moment


def next_working_morning(moment: pendulum.DateTime) -> pendulum.DateTime:
    """10:00 on the first working day after `moment`'s day."""
    return at_hour(add_working_days(moment, 1), MORNING)


def thank_you_due(reflection: Reflection, timezone: str) -> pendulum.DateTime:
    """By 20:00 the same evening if the interview ended by 17:00 on a working day; else by
    10:00 the next working morning (never a weekend deadline)."""
    started = in_zone(reflection.interview_at, timezone)
    ended = started.add(minutes=reflection.duration_minutes or DEFAULT_LENGTH_MINUTES)
    by_five = ended.date() == started.date() and ended <= at_hour(started, ENDED_BY)
    if by_five and started.weekday() < 5:
        return at_hour(started, SAME_EVENING)
    return next_working_morning(ended)


def first_check_due(reflection: Reflection, timezone: str) -> pendulum.DateTime:
    """A few working days after the date they named (two if they said today or tomorrow);
    a week after the interview otherwise."""
    started = in_zone(reflection.interview_at, timezone)
    named = reflection.reply_by
    if named is not None and named >= started.date():
        day = started.set(year=named.year, month=named.month, day=named.day)
        soon = (named - started.date()).days <= 1
        return at_hour(
            add_working_days(day, CHECK_AFTER_SOON if soon else CHECK_AFTER_NAMED), MORNING
        )
    return next_working_day(at_hour(started.add(days=CHECK_WITHOUT_DATE), MORNING))
