"""Interviews still to come: the agenda of them, what to prepare, and the nudge to reflect
once one is over.

The advice: prepare for the next round (questions to ask, salary, references, your
application), think over the questions you were asked, and reflect while it is fresh.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import pendulum

from debrief.dates import humanize_delta
from debrief.model import (
    Ask,
    Interview,
    Interviewer,
    Opportunity,
    Reflection,
    Stage,
    Status,
)
from debrief.questions import Asked, question_bank, weakest

WEAKEST_SHOWN = 5  # the worst-answered questions a prep page lists


@dataclass(frozen=True)
class Schedule:
    """The open scheduled interviews: those still to come, soonest first, and those over
    but not reflected on (the nudge), the latest first."""

    upcoming: list[Interview]
    to_reflect: list[Interview]


# An opportunity in these is over for the user: its interviews ahead will not take place.
OVER = frozenset({Status.WITHDRAWN, Status.REJECTED, Status.ACCEPTED})


def schedule(
    interviews: Iterable[Interview], now: datetime, opportunities: Iterable[Opportunity] = ()
) -> Schedule:
    """The interviews still to come and those to reflect on. Those ahead of an opportunity
    withdrawn from, rejected or accepted elsewhere are left out (one that took place is
    still worth a reflection)."""
    over_for_you = {o.id for o in opportunities if o.status in OVER}
    open_ones = [interview for interview in interviews if interview.open]
    upcoming = sorted(
        (i for i in open_ones if i.end > now and i.opportunity_id not in over_for_you),
        key=lambda i: i.start.timestamp(),
    )
    over = sorted((i for i in open_ones if i.end <= now), key=lambda i: -i.end.timestamp())
    return Schedule(upcoming, over)


PREP_FIELDS = ("prep_questions", "prep_mention", "prep_salary", "prep_references")


def is_prepared(interview: Interview) -> bool:
    """Something of the preparation was written or ticked by the user (suggestions shown on
    the prep page and left as they were are not kept, so they don't count)."""
    written = any(getattr(interview, name).strip() for name in PREP_FIELDS)
    return written or interview.prep_application_reread


def interview_title(interview: Interview, opportunity: Opportunity | None) -> str:
    """`Globex — onsite`, or `Globex — Platform Engineer` when the stage is not known."""
    company = opportunity.company if opportunity else "?"
    if interview.stage is not None:
        return f"{company} — {interview.stage.label.lower()}"
    return f"{company} — {opportunity.role}" if opportunity else company


def when_phrase(moment: datetime, now: datetime) -> str:
    """`today 15:30`, `tomorrow 10:00`, `Fri 4 Dec, 10:00`: when an interview is, in the
    user's time zone (that of `now`)."""
    local = pendulum.instance(moment).in_timezone(pendulum.instance(now).timezone or "UTC")
    today = pendulum.instance(now).date()
    days = (local.date() - today).days
    clock = local.format("HH:mm")
    if days == 0:
        return f"today {clock}"
    if days == 1:
        return f"tomorrow {clock}"
    if days == -1:
        return f"yesterday {clock}"
    return local.format("ddd D MMM, HH:mm")


def interview_when(interview: Interview, now: datetime) -> str:
    """When an interview is, in the user's zone: `tomorrow 10:00`; an all-day invitation
    whose time is still to be confirmed, `Tue 8 Dec, time to confirm`."""
    if not interview.time_to_confirm:
        return when_phrase(interview.start, now)
    return f"{day_phrase(interview.start, now)}, time to confirm"


def day_phrase(moment: datetime, now: datetime) -> str:
    """`today`, `tomorrow`, `Tue 8 Dec`: the day of `moment` in the user's zone."""
    local = pendulum.instance(moment).in_timezone(_zone_of(now))
    days = (local.date() - pendulum.instance(now).in_timezone(_zone_of(now)).date()).days
    return {0: "today", 1: "tomorrow", -1: "yesterday"}.get(days, local.format("ddd D MMM"))


def zone_note(interview: Interview, now: datetime) -> str:
    """`10:30 Berlin = 09:30 your time`: the invitation's own zone, named where its clock
    differs from the user's (else "")."""
    if interview.time_to_confirm:
        return ""
    return zone_note_at(interview.start, interview.zone, now)


def zone_note_at(moment: datetime, zone: str, now: datetime) -> str:
    """`10:30 Berlin = 09:30 your time` for a moment set in `zone` (else "")."""
    if not zone:
        return ""
    try:
        theirs = pendulum.instance(moment).in_timezone(zone)
    except ValueError:  # (a zone this computer does not know)
        return ""
    yours = pendulum.instance(moment).in_timezone(_zone_of(now))
    if theirs.utcoffset() == yours.utcoffset():
        return ""
    day = "" if theirs.date() == yours.date() else theirs.format("ddd ")
    place = zone_label(zone)
    return f"{day}{theirs.format('HH:mm')} {place} = {yours.format('HH:mm')} your time"


def zone_label(zone: str) -> str:
    """`Europe/Berlin` → `Berlin`, `America/Los_Angeles` → `Los Angeles`."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def join_link(interview: Interview) -> str:
    """The link that joins a video interview, if it has one."""
    where = interview.where.strip()
    return where if where.casefold().startswith("https://") and " " not in where else ""


def _zone_of(now: datetime) -> pendulum.Timezone | pendulum.FixedTimezone:
    """The user's zone: that of `now` (a name, or a fixed offset)."""
    return pendulum.instance(now).timezone or pendulum.UTC


def ended_phrase(interview: Interview, now: datetime) -> str:
    """`ended 20 minutes ago`."""
    seconds = max(now.timestamp() - interview.end.timestamp(), 60)
    return f"ended {humanize_delta(seconds).removeprefix('in ')} ago"


def met_before(
    rounds: Iterable[Reflection], interviews: Iterable[Interview] = ()
) -> list[Interviewer]:
    """Everyone on the cards of an opportunity's rounds and scheduled interviews, once
    each (the latest card of a name wins), by name."""
    people: dict[str, Interviewer] = {}
    dated = [(r.interview_at, r.interviewers) for r in rounds]
    dated += [(i.start, i.interviewers) for i in interviews]
    for _, cards in sorted(dated, key=lambda pair: pair[0].timestamp()):
        for person in cards:
            people[person.name.casefold()] = person
    return sorted(people.values(), key=lambda p: p.name.casefold())


# --- preparation ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestions:
    """What a prep page offers before the user has written their own: each list one item
    per line, each item saying where it comes from."""

    questions: list[str]  # to ask
    mention: list[str]
    salary: list[str]
    references: list[str]
    weakest: list[str]  # questions answered badly before, at this stage


def suggest_prep(
    interview: Interview,
    rounds: Sequence[Reflection],
    asked: Iterable[Asked],
    checklist: Sequence[str] = (),
) -> Suggestions:
    """What to prepare, from the earlier rounds of this opportunity (oldest first), every
    question asked so far (`questions.every_question`: the worst answered at the same
    stage) and the user's own checklist items."""
    questions: list[str] = []
    mention: list[str] = []
    salary: list[str] = []
    said: set[str] = set()  # each text once, from the latest round that has it

    def add(items: list[str], text: str, source: str) -> None:
        text = _first_line(text)
        if text and text.casefold() not in said:
            said.add(text.casefold())
            items.append(f"{text} ({source})")

    for number, past in reversed(list(enumerate(rounds, start=1))):  # the latest first
        after = f"after round {number}"
        reservation = past.reservations.strip()
        if past.resolve_reservations.strip():
            detail = f": {reservation}" if reservation else ""
            add(questions, past.resolve_reservations, f"your reservation {after}{detail}")
        elif reservation:
            add(questions, f"Ask about {reservation}", f"your reservation {after}")
        add(mention, past.went_well, f"went well {after}")
        add(mention, past.answer_differently, f"to answer better than {after}")
        if past.money is not None:
            add(salary, f"Discussed: {past.money.describe()}", after)
        add(salary, past.money_notes, after)
    questions += before_leaving(checklist)
    references = []
    if any(past.references_requested for past in rounds) or interview.stage in LATE_STAGES:
        references.append(
            "Tell your references they may get a call: who, and what to stress for this role"
        )
    return Suggestions(
        questions, mention, salary, references, weakest_answers(asked, interview.stage)
    )


LATE_STAGES = {Stage.ONSITE, Stage.FINAL, Stage.HIRING_MANAGER}
# What the advice says to ask before leaving, as questions (the user's own items follow).
BEFORE_LEAVING = {
    Ask.NEXT_STEPS: "What are the next steps, and when can I expect to hear from you?",
    Ask.MAY_FOLLOW_UP: "May I follow up with you if I haven't heard by then?",
    Ask.FEEDBACK: "Is there anything about my background that makes you doubt my fit?",
    Ask.CARDS: "Could I have your card? (exact spelling, title, email)",
}


def before_leaving(own_items: Sequence[str]) -> list[str]:
    """The before-you-leave checklist as questions: the advice's, then the user's own."""
    return [*BEFORE_LEAVING.values(), *(item.strip() for item in own_items if item.strip())]


def weakest_answers(asked: Iterable[Asked], stage: Stage | None) -> list[str]:
    """The questions whose latest answer was worst (2 of 5 or less), in interviews at
    `stage` (any stage when it is not known)."""
    return [
        f"{group.text} (your answers: {group.trend()} of 5)"
        for group in weakest(question_bank(asked, stage=stage), WEAKEST_SHOWN)
    ]


def _first_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0].strip() if lines else ""
