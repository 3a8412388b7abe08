"""Addressing a note, whatever it says: to whom it goes (an interviewer of any round, the
recruiter), how they are greeted and how you sign, what you are to them already (met in
an earlier round, connected on LinkedIn), and the form its channel needs: an email's To:
line and subject, LinkedIn's 300 characters, a letter's date and address block, a call
script. `Writer` holds all this for one follow-up; the words are notes.py's (a thank-you's,
thanks.py's).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import pendulum

from debrief import names
from debrief.model import (
    Channel,
    FollowUp,
    FollowUpKind,
    Format,
    Interviewer,
    Opportunity,
    Reflection,
    Settings,
)
from debrief.names import gap, is_recruiter
from debrief.wording import MONTHS, casual, on_day, proper_words

LINKEDIN_LIMIT = 300  # characters LinkedIn allows in an invitation's note


@dataclass(frozen=True)
class Draft:
    """A message to send your way: by `channel`, to `to` (an address or number), with a
    `subject` for an email only. `invitation`: a LinkedIn invitation to connect, its note
    the message."""

    channel: Channel
    to: str
    subject: str
    body: str
    invitation: bool = False

    @property
    def heading(self) -> str:
        """What the draft is, before whom it goes to: `To`, `LinkedIn message to`…"""
        if self.channel is Channel.LINKEDIN:
            return "LinkedIn invitation to" if self.invitation else "LinkedIn message to"
        return {Channel.EMAIL: "To", Channel.PHONE: "Call", Channel.POST: "A letter to"}[
            self.channel
        ]

    @property
    def text(self) -> str:
        """The whole draft as one text, to copy or save."""
        if self.channel is Channel.EMAIL:
            return f"To: {self.to}\nSubject: {self.subject}\n\n{self.body}"
        if self.channel is Channel.POST:
            return self.body
        return f"{self.heading} {self.to}\n\n{self.body}"


# --- greeting people as they would be greeted -------------------------------------------------


def address_as(person: Interviewer | None, *, formal: bool) -> str:
    """How a note greets someone: what their card says to use, else the rule of
    `debrief.names` ("Dr. Brontë", "Professor Márquez"; the first name in the friendly
    tone); a gap where the rule is not sure."""
    if person is None or not person.name.strip():
        return gap("interviewer’s name")
    if formal:
        return " ".join(person.address_as.split()) or names.formal(person.name, person.title)
    return names.friendly(person.name, person.title, person.address_as)


def salutation(person: Interviewer | None, *, formal: bool) -> str:
    """`Dear Dr. Okafor,` / `Hi Amara,`; a gap when the name is unknown."""
    return f"{'Dear' if formal else 'Hi'} {address_as(person, formal=formal)},"


# --- to whom ------------------------------------------------------------------------------------


def recruiter_card(opportunity: Opportunity) -> Interviewer | None:
    """The opportunity's recruiter as a card a draft can be addressed to, if known."""
    if not opportunity.recruiter_name:
        return None
    return Interviewer(
        name=opportunity.recruiter_name,
        title="Recruiter",
        email=opportunity.recruiter_email,
        phone=opportunity.recruiter_phone,
    )


def recipients(reflection: Reflection, opportunity: Opportunity) -> list[Interviewer]:
    """Whom a draft may go to: the round's interviewers, then the recruiter."""
    recruiter = recruiter_card(opportunity)
    return [*reflection.interviewers, *([recruiter] if recruiter else [])]


def fold(name: str) -> str:
    return " ".join(name.casefold().split())


@dataclass(frozen=True)
class Addressee:
    """Whom a draft goes to: their card, or what is unknown about them."""

    card: Interviewer | None
    unknown: str = "interviewer"  # whose name a gap asks for: "the recruiter"


def addressee(
    item: FollowUp, reflection: Reflection, opportunity: Opportunity,
    rounds: Sequence[Reflection] = (),
) -> Addressee:  # fmt: skip
    """The card of the person a follow-up names: an interviewer of any round (this one's
    first), or the recruiter; someone named only in "who will get back to you" gets a card
    of their name ("Sam, the recruiter": Sam); "the recruiter" with none saved is a gap."""
    wanted = fold(item.person)
    recruiter = recruiter_card(opportunity)
    cards = [*reflection.interviewers, *[p for r in reversed(rounds) for p in r.interviewers]]
    cards += [recruiter] if recruiter else []
    for card in cards:
        if fold(card.name) == wanted and wanted:
            return Addressee(card)
    if is_recruiter(item.person):
        return Addressee(recruiter, "the recruiter")
    name = item.person.split(",", 1)[0].strip()
    if name and not is_recruiter(name):
        return Addressee(Interviewer(name=name))
    return Addressee(None)


def recipient(person: Interviewer | None, channel: Channel, opportunity: Opportunity) -> str:
    """Where it goes: the address, profile or number the channel needs (or a gap)."""
    if channel is Channel.EMAIL:
        return (person.email if person else "") or gap("their email address")
    if channel is Channel.PHONE:
        name = person.name if person else gap("name")
        return f"{name}, {(person.phone if person else '') or gap('their phone number')}"
    if channel is Channel.LINKEDIN:
        name = person.name if person else gap("name")
        return f"{name} ({person.linkedin})" if person and person.linkedin else name
    return "\n".join(
        [
            person.name if person else gap("name"),
            *([person.title] if person and person.title else []),
            opportunity.company,
            opportunity.location or gap("postal address"),
        ]
    )


def signature(profile: Settings) -> str:
    lines = [profile.name or gap("your name")]
    lines += [detail for detail in (profile.email, profile.phone, profile.linkedin) if detail]
    if len(lines) == 1:
        lines.append(gap("your email or phone"))
    return "\n".join(lines)


# --- one follow-up's writer -------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    """One message, in each shape a channel needs: `long` paragraphs between greeting and
    sign-off (email, letter); `short` sentences for LinkedIn, each list a shorter choice
    than the one before; `spoken` lines of a call script."""

    long: list[str]
    short: list[list[str]]
    spoken: list[str]
    sign_off: str = "Kind regards,"


@dataclass
class Writer:
    """What the drafts of one follow-up, for one person, are written from, and the form
    each channel gives them (notes.py writes the words)."""

    item: FollowUp
    reflection: Reflection
    opportunity: Opportunity
    profile: Settings
    now: datetime
    formal: bool
    to: Addressee
    rounds: Sequence[Reflection]
    followups: Sequence[FollowUp]
    sent: datetime | None = None  # when it is to be sent, if not now (due another day)
    proper: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.proper = proper_words(self.rounds, self.opportunity)

    # -- who, when ------------------------------------------------------------------------

    @property
    def person(self) -> Interviewer | None:
        return self.to.card

    def greeting(self) -> str:
        if self.person is None:
            return f"{'Dear' if self.formal else 'Hi'} {gap(self.to.unknown + '’s name')},"
        return salutation(self.person, formal=self.formal)

    def spoken_name(self) -> str:
        if self.person is None:
            return gap(self.to.unknown + "’s name")
        return address_as(self.person, formal=self.formal)

    @property
    def name(self) -> str:
        return self.profile.name or gap("your name")

    def when(self) -> str:
        return self.on_day(self.reflection.interview_at)

    def on_day(self, moment: datetime) -> str:
        """A day as it reads when the note is sent (on the day it is due, if later)."""
        return on_day(moment, self.now, self.sent)

    def met(self) -> bool:
        """Whether this person was in the interview (a note redirected to the recruiter
        who was not must not thank them for meeting)."""
        return self.person is not None and any(
            self.is_them(p) for p in self.reflection.interviewers
        )

    def panel_index(self) -> int:
        """This person's place on the panel, so that each panelist's note differs."""
        for index, other in enumerate(self.reflection.interviewers):
            if self.is_them(other):
                return index
        return 0

    def gets_back(self) -> bool | None:
        """Whether this person is who said they would get back to you (None: nobody was
        named), so that only their note looks forward to hearing from them."""
        named = self.reflection.replies_from.strip()
        if not named:
            return None
        if self.person is None:
            return False
        if is_recruiter(named):
            if self.opportunity.recruiter_name:
                return fold(self.person.name) == fold(self.opportunity.recruiter_name)
            return "recruit" in self.person.title.casefold()
        return fold(named.split(",", 1)[0]) == fold(self.person.name)

    def verb(self, *, ing: bool = False) -> str:
        by_phone = self.reflection.format is Format.PHONE
        if ing:
            return "speaking with me" if by_phone else "meeting with me"
        return "speak with me" if by_phone else "meet with me"

    def earlier_meetings(self) -> list[Reflection]:
        """The opportunity's earlier rounds in which this person interviewed you."""
        if self.person is None:
            return []
        wanted = fold(self.person.name)
        before = [
            r
            for r in self.rounds
            if r.interview_at < self.reflection.interview_at and r.id != self.reflection.id
        ]
        return [r for r in before if any(fold(p.name) == wanted for p in r.interviewers)]

    def is_them(self, other: Interviewer) -> bool:
        """Whether `other` is the person this note goes to."""
        return self.person is not None and fold(other.name) == fold(self.person.name)

    def connected(self) -> bool:
        """Whether you are connected on LinkedIn with this person already: an invitation
        (or a thank-you by LinkedIn) to them marked done."""
        if self.person is None:
            return False
        later = {r.id for r in self.rounds if r.interview_at > self.reflection.interview_at}
        for other in self.followups:
            if other.done_at is None or other.id == self.item.id or other.reflection_id in later:
                continue
            if fold(other.person) != fold(self.person.name):
                continue
            if other.kind is FollowUpKind.LINKEDIN or (
                other.kind is FollowUpKind.THANK_YOU and other.channel is Channel.LINKEDIN
            ):
                return True
        return False

    # -- in the channel ------------------------------------------------------------------------

    def shortest_fitting(self, choices: list[list[str]]) -> str:
        """The richest choice of sentences that fits LinkedIn's limit, after the greeting
        and before your name; the last one cut at a word if nothing fits."""
        greeting, sign = self.greeting(), f"– {self.name}"
        bodies = []
        for sentences in choices:
            bodies.append(" ".join([greeting, *[s for s in sentences if s], sign]))
        for body in bodies:
            if len(body) <= LINKEDIN_LIMIT:
                return body
        last = bodies[-1]
        cut = last[: LINKEDIN_LIMIT - len(sign) - 2].rsplit(" ", 1)[0].rstrip(",;.")
        return f"{cut}… {sign}"

    def in_channel(self, channel: Channel, message: Message, subject: str) -> Draft:
        if not self.formal:
            message = Message(
                [casual(text) for text in message.long],
                [[casual(text) for text in choice] for choice in message.short],
                message.spoken,
                message.sign_off,
            )
        to = recipient(self.person, channel, self.opportunity)
        if channel is Channel.LINKEDIN:
            body = self.shortest_fitting(message.short)
            invitation = self.item.kind is FollowUpKind.THANK_YOU and not self.connected()
            return Draft(channel, to, "", body, invitation=invitation)
        if channel is Channel.PHONE:
            script = "If they answer, in your own words:\n\n" + "\n\n".join(message.spoken)
            return Draft(channel, to, "", script)
        body = "\n\n".join(
            [self.greeting(), *message.long, message.sign_off, signature(self.profile)]
        )
        if channel is Channel.POST:
            contact = [detail for detail in (self.profile.email, self.profile.phone) if detail]
            sender = "\n".join([self.name, *contact])
            today = pendulum.instance(self.sent or self.now).date()
            dated = f"{today.day} {MONTHS[today.month - 1]} {today.year}"
            letter = f"{sender}\n\n{dated}\n\n{to}\n\n{body}"
            return Draft(channel, to.split("\n", 1)[0], "", letter)
        return Draft(channel, to, subject, body)
