"""Calendar invitations in: the VEVENTs of an .ics file, read as Outlook, Google, Apple,
Zoom, Webex and the hiring teams' schedulers write them, become interviews ahead.

Reading (invitation_reading) keeps every event (all-day, recurring and cancelled ones too)
with its time in its own zone, its people and its place; a guess then says which read as
interviews and fills in what a person reading the invitation would write down: company,
role and stage (invitation_names), when, where and how, and who (the user's own address
never a card, an organizer who is not an attendee the recruiter). The user confirms the
guesses (the app's preview; the shell takes those that read as interviews), and the plan
writes them: again the same UID updates its interview (a later SEQUENCE moves it, the
preparation kept), a cancellation cancels it. A file that is not a calendar is refused
whole. This module is the face of the three: `__all__` is what callers import from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

import pendulum

from debrief.invitation_names import (
    COMPANY_UNKNOWN,
    ROLE_UNKNOWN,
    Named,
    name_from_summary,
    reads_as_interview,
)
from debrief.invitation_reading import (
    Invitation,
    InvitationsRejected,
    Person,
    ReadCalendar,
    place_of,
    read_invitations,
)
from debrief.model import Format, Interview, Interviewer, ModelError, Opportunity, Stage

__all__ = [
    "COMPANY_UNKNOWN",
    "ROLE_UNKNOWN",
    "Guess",
    "Invitation",
    "InvitationPlan",
    "InvitationsRejected",
    "Person",
    "ReadCalendar",
    "guess_invitations",
    "name_from_summary",
    "plan_invitations",
    "read_invitations",
]

# Addresses that stand for a service or a team, never a person.
ROLE_ADDRESS = re.compile(
    r"^(?:no-?reply|do-?not-?reply|notifications?|calendar|scheduling|scheduler|invites?"
    r"|recruiting|careers|jobs|talent|hr|noreply-[\w-]+)@",
    re.IGNORECASE,
)


# --- the guess: which events are interviews, and what they say ----------------------------------


@dataclass(frozen=True)
class Me:
    """Who the user is: their profile's address and name."""

    email: str = ""
    name: str = ""


@dataclass(frozen=True)
class Guess:
    """One event, as the preview shows it: ticked or not (and why), and what importing
    it would write."""

    invitation: Invitation
    interview_like: bool
    ticked: bool
    why: str  # why it is left out ("repeats", "all day", "past", "not an interview"…)
    action: str  # "add", "update", "cancel", "unchanged", "nothing" (can't be ticked)
    company: str
    role: str
    stage: Stage | None
    format: Format | None
    where: str
    link: str
    people: tuple[Interviewer, ...]
    recruiter: Interviewer | None
    existing: Interview | None = None  # the interview of the same UID, imported before
    opportunity: Opportunity | None = None  # the user's own one it joins
    named: Named | None = field(default=None, compare=False)

    @property
    def time_to_confirm(self) -> bool:
        return self.invitation.all_day


def guess_invitations(
    read: ReadCalendar,
    interviews: Sequence[Interview],
    opportunities: Sequence[Opportunity],
    now: datetime,
    me: Me = Me(),
    *,
    take_all: bool = False,
) -> list[Guess]:
    """Each event's guess, soonest first. Ticked: what reads as an interview (and is not
    recurring, past, or an all-day event that is not one); `take_all`: every timed event
    (and all-day interviews). A cancellation is ticked when it cancels one imported
    before; an event older than the one imported (a lower SEQUENCE) changes nothing."""
    by_uid = {i.uid: i for i in interviews if i.uid}
    mine = _own_addresses(read.invitations, me)
    guesses = [
        _guess(invitation, by_uid.get(invitation.uid), opportunities, now, me, mine, take_all)
        for invitation in read.invitations
    ]
    return sorted(guesses, key=lambda g: g.invitation.start.timestamp())


def _guess(
    invitation: Invitation,
    existing: Interview | None,
    opportunities: Sequence[Opportunity],
    now: datetime,
    me: Me,
    mine: set[str],
    take_all: bool,
) -> Guess:
    people = [p for p in invitation.attendees if p.email.casefold() not in mine]
    own_names = [me.name, *(p.name for p in invitation.attendees if p.email.casefold() in mine)]
    organizer = invitation.organizer
    if organizer is not None and organizer.email.casefold() in mine:
        organizer = None
    domains = [p.email.rpartition("@")[2] for p in [*people, *([organizer] if organizer else [])]]
    named = name_from_summary(
        invitation.summary,
        opportunities,
        domains,
        own_name=next((n for n in own_names if n.strip()), ""),
    )
    cards = _cards(people, organizer, named, own_names)
    recruiter = None
    attendee_addresses = {p.email.casefold() for p in people if p.email}
    if (
        organizer is not None
        and organizer.email.casefold() not in attendee_addresses
        and not any(c.name.casefold() == organizer.name.casefold() for c in cards)
        and not ROLE_ADDRESS.match(organizer.email)
    ):
        recruiter = _card(organizer.name, organizer.email)
    place = place_of(invitation)
    interview_like = reads_as_interview(invitation.summary) or existing is not None
    ticked, why, action = _decide(invitation, existing, interview_like, now, take_all)
    guess = Guess(
        invitation=invitation,
        interview_like=interview_like,
        ticked=ticked,
        why=why,
        action=action,
        company=named.company,
        role=named.role,
        stage=named.stage,
        format=place.format,
        where=place.where,
        link=place.link,
        people=tuple(cards),
        recruiter=recruiter,
        existing=existing,
        opportunity=named.opportunity,
        named=named,
    )
    if existing is not None and action == "update" and rescheduled(existing, guess) == existing:
        return replace(guess, ticked=False, why="imported before, unchanged", action="unchanged")
    return guess


def _decide(
    invitation: Invitation,
    existing: Interview | None,
    interview_like: bool,
    now: datetime,
    take_all: bool,
) -> tuple[bool, str, str]:
    """Ticked or not, why not, and what it would do."""
    if existing is not None:
        if invitation.sequence < existing.sequence:
            return False, "an older copy of one imported", "unchanged"
        if invitation.cancelled:
            if existing.cancelled_at is not None:
                return False, "cancelled already", "unchanged"
            return True, "", "cancel"
        return True, "", "update"
    if invitation.cancelled:
        return False, "cancelled", "nothing"  # (never imported: nothing to cancel)
    end = invitation.start + timedelta(minutes=invitation.minutes or 60)
    if invitation.all_day:
        end = pendulum.instance(invitation.start).end_of("day")
    if take_all and (interview_like or not invitation.all_day):
        return True, "", "add"
    if invitation.recurring:
        return False, "repeats", "add"
    if invitation.all_day and not interview_like:
        return False, "all day", "add"
    if end <= now:
        return False, "past", "add"
    if not interview_like:
        return False, "not an interview", "add"
    return True, "", "add"


def _own_addresses(invitations: Sequence[Invitation], me: Me) -> set[str]:
    """The user's addresses: the profile's; an attendee of the profile's name; in an
    invitation from an employer, the one attendee outside the employer's domain; and an
    address invited to every event of a file of several."""
    mine = {me.email.casefold()} if me.email else set()
    for invitation in invitations:
        for person in invitation.attendees:
            if me.name and person.name.casefold() == me.name.casefold():
                mine.add(person.email.casefold())
        organizer = invitation.organizer
        if organizer is None or not organizer.email:
            continue
        home = organizer.email.rpartition("@")[2].casefold()
        others = [
            p for p in invitation.attendees
            if p.email and p.email.rpartition("@")[2].casefold() != home
            and p.email.casefold() != organizer.email.casefold()
        ]  # fmt: skip
        insiders = [p for p in invitation.attendees if p.email.rpartition("@")[2] == home]
        if len(others) == 1 and (insiders or len(invitation.attendees) == 1):
            mine.add(others[0].email.casefold())
    with_people = [i for i in invitations if i.attendees]
    if len(with_people) >= 2:
        everywhere = set.intersection(
            *({p.email.casefold() for p in i.attendees if p.email} for i in with_people)
        )
        if len(everywhere) == 1:
            mine |= everywhere
    mine.discard("")
    return mine


def _cards(
    people: Sequence[Person], organizer: Person | None, named: Named, own_names: Sequence[str]
) -> list[Interviewer]:
    """The interviewers: the attendees (less the user), and whoever the summary names
    ("Interview with Priya Raman", "… between Dana Whitfield and Alex Morgan")."""
    own = {n.casefold() for n in own_names if n.strip()}
    cards: list[Interviewer] = []
    for person in people:
        card = _card(person.name, person.email)
        if card is not None and card.name.casefold() not in own:
            cards.append(card)
    for name in named.people:
        if name.casefold() in own or any(c.name.casefold() == name.casefold() for c in cards):
            continue
        same = organizer is not None and organizer.name.casefold() == name.casefold()
        email = organizer.email if organizer is not None and same else ""
        card = _card(name, email)
        if card is not None:
            cards.append(card)
    return cards


def _card(name: str, email: str) -> Interviewer | None:
    try:
        return Interviewer(name=name[:200], email=email)
    except ModelError:
        return None


# --- into the journal ----------------------------------------------------------------------------


@dataclass(frozen=True)
class InvitationPlan:
    """What importing would write, and counts for the summary."""

    interviews: tuple[Interview, ...]
    opportunities: tuple[Opportunity, ...]  # new ones
    added: int
    updated: int
    unchanged: int
    skipped: int
    cancelled: int = 0
    left_out: tuple[Guess, ...] = ()

    def summary(self) -> str:
        text = f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"
        if self.cancelled:
            text += f", {self.cancelled} cancelled"
        if self.left_out:
            text += f", {len(self.left_out)} left out"
        if self.skipped:
            text += f", {self.skipped} skipped (not an event)"
        return text


def plan_invitations(
    guesses: Iterable[Guess],
    opportunities: Iterable[Opportunity],
    now: datetime,
    skipped: int = 0,
) -> InvitationPlan:
    """What the ticked guesses write: new interviews (on the user's opportunity it names,
    or a new one with the organizer as its recruiter), the ones imported before moved or
    cancelled (the preparation, opportunity and stage kept)."""
    known = list(opportunities)
    written: list[Interview] = []
    new_opportunities: list[Opportunity] = []
    counts = {"added": 0, "updated": 0, "unchanged": 0, "cancelled": 0}
    left_out: list[Guess] = []
    for guess in guesses:
        if not guess.ticked:
            if guess.action == "unchanged" or guess.existing is not None:
                counts["unchanged"] += 1
            else:
                left_out.append(guess)
            continue
        invitation = guess.invitation
        current = guess.existing
        if current is not None and guess.action == "cancel":
            written.append(replace(current, cancelled_at=now, sequence=invitation.sequence,
                                   updated_at=now))  # fmt: skip
            counts["cancelled"] += 1
            continue
        if current is not None:
            changed = rescheduled(current, guess)
            if changed == current:
                counts["unchanged"] += 1
                continue
            written.append(replace(changed, updated_at=now))
            counts["updated"] += 1
            continue
        opportunity = _opportunity_for(guess, [*known, *new_opportunities], now)
        if opportunity not in known and opportunity not in new_opportunities:
            new_opportunities.append(opportunity)
        written.append(
            Interview(
                opportunity_id=opportunity.id,
                created_at=now,
                updated_at=now,
                stage=guess.stage,
                format=guess.format,
                **_scheduled(guess),
            )
        )
        counts["added"] += 1
    return InvitationPlan(
        tuple(written),
        tuple(new_opportunities),
        skipped=skipped,
        left_out=tuple(left_out),
        **counts,
    )


def _scheduled(guess: Guess) -> dict[str, Any]:
    """What the event says of an interview: when, how long, where, with whom."""
    invitation = guess.invitation
    return {
        "start": invitation.start,
        "duration_minutes": invitation.minutes,
        "where": guess.where,
        "interviewers": guess.people,
        "uid": invitation.uid,
        "zone": invitation.zone,
        "sequence": invitation.sequence,
        "time_to_confirm": invitation.all_day,
    }


def rescheduled(current: Interview, guess: Guess) -> Interview:
    """The interview imported before, as this newer copy of its event has it (the
    preparation, opportunity and stage kept); equal to `current` when nothing changed."""
    return replace(
        current,
        stage=current.stage or guess.stage,
        format=guess.format or current.format,
        cancelled_at=None,
        **_scheduled(guess),
    )


def _opportunity_for(guess: Guess, known: Sequence[Opportunity], now: datetime) -> Opportunity:
    """The opportunity with this company and role (as corrected in the preview); or the
    only one at the company when the role was not said; or a new one (the organizer who
    is not an attendee as its recruiter)."""
    fold = str.casefold
    company, role = guess.company.strip() or COMPANY_UNKNOWN, guess.role.strip() or ROLE_UNKNOWN
    same = [o for o in known if fold(o.company) == fold(company)]
    exact = [o for o in same if fold(o.role) == fold(role)]
    if exact:
        return exact[0]
    if role == ROLE_UNKNOWN and len(same) == 1:
        return same[0]
    recruiter = guess.recruiter
    return Opportunity(
        company=company,
        role=role,
        created_at=now,
        updated_at=now,
        recruiter_name=recruiter.name if recruiter else "",
        recruiter_email=recruiter.email if recruiter else "",
    )
