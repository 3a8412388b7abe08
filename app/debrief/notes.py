"""Drafts of what the follow-up plan calls for, written offline, for one real person and the
channel they prefer: an email (with its To: line and subject), a LinkedIn message (at most
300 characters; an invitation to connect carries it when you are not connected yet), a
letter (with the date and an address block) or a call script.

A thank-you draws on its own round: that person's part in it (what they mentioned, their
role on the panel), the round's key point, and one sentence on why you fit (what went well,
what you like about the role). A later round's note to someone you thanked before says
something new rather than the same sentences again. Answers are woven into sentences,
never pasted after a colon; day names are used only within the week, the date otherwise.

Private answers (money, reservations, ratings, notes about a person) never appear in a
draft. A missing piece (no name, no key point, no profile) becomes a visible
`[fill in: …]` gap, never a broken sentence, and only when the journal truly lacks it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
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
    Stage,
)
from debrief.names import gap, is_recruiter
from debrief.wording import (
    MONTHS,
    as_clause,
    as_noun_phrase,
    on_day,
    proper_words,
    said_to_them,
    what_went_well,
)

LINKEDIN_LIMIT = 300  # characters LinkedIn allows in an invitation's note
STAGE_PART = {
    Stage.PHONE_SCREEN: "the phone screen", Stage.TECHNICAL: "the technical interview",
    Stage.HIRING_MANAGER: "the hiring manager interview", Stage.PANEL: "the panel interview",
    Stage.ONSITE: "the onsite interviews", Stage.FINAL: "the final round",
    Stage.OTHER: "the next round",
}  # fmt: skip
INTERVIEW_NAMED = {
    Stage.PHONE_SCREEN: "phone screen", Stage.TECHNICAL: "technical interview",
    Stage.HIRING_MANAGER: "interview with the hiring manager", Stage.PANEL: "panel interview",
    Stage.ONSITE: "onsite interview", Stage.FINAL: "final interview",
}  # fmt: skip
VOICEMAIL = (
    "If you reach voicemail, leave your name, your number and one sentence of thanks; "
    "don't call again the same day."
)
SOMETHING_NEW = gap("an article, a result or a piece of work that shows what you would bring")


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


def _fold(name: str) -> str:
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
    wanted = _fold(item.person)
    recruiter = recruiter_card(opportunity)
    cards = [*reflection.interviewers, *[p for r in reversed(rounds) for p in r.interviewers]]
    cards += [recruiter] if recruiter else []
    for card in cards:
        if _fold(card.name) == wanted and wanted:
            return Addressee(card)
    if is_recruiter(item.person):
        return Addressee(recruiter, "the recruiter")
    name = item.person.split(",", 1)[0].strip()
    if name and not is_recruiter(name):
        return Addressee(Interviewer(name=name))
    return Addressee(None)


def _recipient(person: Interviewer | None, channel: Channel, opportunity: Opportunity) -> str:
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


# --- the drafts ------------------------------------------------------------------------------


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
    """Writes the drafts of one follow-up, for one person."""

    item: FollowUp
    reflection: Reflection
    opportunity: Opportunity
    profile: Settings
    now: datetime
    formal: bool
    to: Addressee
    rounds: Sequence[Reflection]
    followups: Sequence[FollowUp]
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
        return on_day(self.reflection.interview_at, self.now)

    def verb(self, *, ing: bool = False) -> str:
        by_phone = self.reflection.format is Format.PHONE
        if ing:
            return "speaking with me" if by_phone else "meeting with me"
        return "speak with me" if by_phone else "meet with me"

    def earlier_meetings(self) -> list[Reflection]:
        """The opportunity's earlier rounds in which this person interviewed you."""
        if self.person is None:
            return []
        wanted = _fold(self.person.name)
        before = [
            r
            for r in self.rounds
            if r.interview_at < self.reflection.interview_at and r.id != self.reflection.id
        ]
        return [r for r in before if any(_fold(p.name) == wanted for p in r.interviewers)]

    # -- what a thank-you says ---------------------------------------------------------------

    def point(self) -> str:
        """What this person's note is about, in this round: what they mentioned (unless an
        earlier note to them said it), else the round's key point (unless another
        panelist with nothing else to tell them apart has it); a gap otherwise."""
        person = self.person
        said_before = {
            _fold(text)
            for r in self.earlier_meetings()
            for text in (r.key_point, *[p.mentioned for p in r.interviewers if self._is(p)])
            if text.strip()
        }
        mentioned = person.mentioned.strip() if person else ""
        if mentioned and _fold(mentioned) not in said_before:
            return said_to_them(as_clause(mentioned))
        key = self.reflection.key_point.strip()
        usable = key and _fold(key) not in said_before
        if usable and person is not None and not person.title.strip():
            plain = [p for p in self.reflection.interviewers if not p.mentioned and not p.title]
            usable = not plain or self._is(plain[0])
        if usable:
            return self._whose(as_clause(key))
        if person is not None and len(self.reflection.interviewers) > 1:
            first = names.friendly(person.name, person.title, person.address_as)
            return gap(f"something {first} said or asked")
        return gap("one point from your conversation")

    def _whose(self, point: str) -> str:
        """A key point that is another panelist's mention ("her dashboard"), said to
        someone else: "Selina's dashboard"."""
        for other in self.reflection.interviewers:
            if self._is(other) or _fold(other.mentioned) != _fold(self.reflection.key_point):
                continue
            first = names.friendly(other.name, other.title, other.address_as)
            if not first.startswith("["):
                return re.sub(r"^(his|her|their)\s", f"{first}'s ", point)
        return point

    def _is(self, other: Interviewer) -> bool:
        return self.person is not None and _fold(other.name) == _fold(self.person.name)

    def liked(self) -> tuple[str, bool]:
        """What you like about the role, as a phrase, and whether an earlier round said it."""
        for reflection in [self.reflection, *reversed(self.rounds)]:
            if reflection.interview_at > self.reflection.interview_at:
                continue
            phrase = as_noun_phrase(reflection.likes_role, self.proper)
            if phrase:
                return phrase, reflection.id != self.reflection.id
        return "", False

    def fit(self) -> str:
        """Why you fit, in one sentence: what draws you to the role and what went well."""
        liked, inherited = self.liked()
        went = what_went_well(self.reflection.went_well, self.proper)
        again = bool(self.earlier_meetings())
        if liked and inherited and again:
            start = f"This round only strengthened my interest in {liked}"
        elif liked:
            start = f"What draws me to the role is {liked}"
        else:
            start = ""
        if start and went:
            return f"{start}, and I hope {went} showed what I would bring to the team."
        if start:
            return f"{start}, and I am confident my experience would let me contribute early."
        if went:
            return f"I hope {went} showed what I would bring to the team."
        return gap("one sentence on why your skills fit the role")

    def perspective(self) -> str:
        """On a panel, what this person brought to it (their role)."""
        person = self.person
        if person is None or len(self.reflection.interviewers) < 2:
            return ""
        title = " ".join(person.title.split())
        if not title or (names.parse(title).honorific and len(title.split()) == 1):
            return ""
        if self.earlier_meetings():
            return f"I appreciated hearing more about the work from your side as {title}."
        return f"It was especially useful to hear your perspective as {title}."

    def thank_you(self) -> Message:
        role, company = self.opportunity.role, self.opportunity.company
        times = len(self.earlier_meetings())
        when = self.when()
        stage = STAGE_PART.get(self.reflection.stage) if self.reflection.stage else None
        if times == 0 and (stage is None or self.reflection.id == self.rounds[0].id):
            opening = (
                f"Thank you for taking the time to {self.verb()} {when} about the {role} "
                f"position at {company}."
            )
        elif times == 0:
            opening = (
                f"Thank you for taking the time to {self.verb()} {when} as part of {stage} "
                f"for the {role} position at {company}."
            )
        elif times % 2 == 1:
            opening = (
                f"Thank you for {self.verb(ing=True)} again {when}; it was good to take our "
                f"conversation about the {role} position further."
            )
        else:
            opening = (
                f"Thank you once more for your time {when}, and for staying involved as my "
                f"application for the {role} position at {company} moves forward."
            )
        perspective = self.perspective()
        point = self.point()
        if times == 0:
            about = (
                f"I particularly appreciated our discussion about {point}, and I would be "
                "glad to continue that conversation."
            )
            closing = (
                "Please let me know if I can provide any further information. I look "
                "forward to hearing from you about the next steps."
            )
        else:
            about = (
                f"Our conversation about {point} gave me a clearer picture of the work, and "
                "I would welcome the chance to contribute to it."
            )
            closing = (
                "If anything else would help your decision, I would be happy to provide it. "
                "I look forward to hearing from you."
            )
        fit = self.fit()
        liked, inherited = self.liked()
        short_fit = (
            "" if not liked
            else f"This round only strengthened my interest in {liked}." if inherited and times
            else f"What draws me to the role is {liked}."
        )  # fmt: skip
        about_short = (
            f"I enjoyed our discussion about {point}." if times == 0
            else f"Our conversation about {point} made the role even more appealing."
        )  # fmt: skip
        thanks_short = (
            f"thank you for {self.verb(ing=True)} {when} about the {role} role at {company}."
            if times == 0
            else f"thank you for {self.verb(ing=True)} again {when}."
        )
        ending = (
            self.stay_in_touch() if times == 0 or self.connected() else "I'd be glad to connect."
        )
        return Message(
            long=[f"{opening} {perspective}".strip(), about, fit, closing],
            short=[
                [thanks_short, about_short, short_fit, ending],
                [thanks_short, about_short, ending],
                [thanks_short, ending],
            ],
            spoken=[
                f"“Hello {self.spoken_name()}, this is {self.name}. I'm calling to thank you "
                f"for {self.verb(ing=True)} {when} about the {role} position.”"
                if times == 0
                else f"“Hello {self.spoken_name()}, this is {self.name}. I'm calling to thank "
                f"you for {self.verb(ing=True)} again {when}.”",
                f"“I particularly enjoyed our discussion about {point}, and I'm very "
                "interested in the role.”",
                "“I look forward to hearing about the next steps.”"
                if times == 0
                else "“I look forward to hearing from you.”",
                VOICEMAIL,
            ],
            sign_off="Kind regards," if self.formal else "Best wishes,",
        )

    def connected(self) -> bool:
        """Whether you are connected on LinkedIn with this person already: an invitation
        (or a thank-you by LinkedIn) to them marked done."""
        if self.person is None:
            return False
        later = {r.id for r in self.rounds if r.interview_at > self.reflection.interview_at}
        for other in self.followups:
            if other.done_at is None or other.id == self.item.id or other.reflection_id in later:
                continue
            if _fold(other.person) != _fold(self.person.name):
                continue
            if other.kind is FollowUpKind.LINKEDIN or (
                other.kind is FollowUpKind.THANK_YOU and other.channel is Channel.LINKEDIN
            ):
                return True
        return False

    def stay_in_touch(self) -> str:
        if self.connected():
            return "I look forward to hearing about the next steps."
        return "I'd be glad to connect and stay in touch."

    # -- checks, withdrawals, calls, invitations -------------------------------------------

    def status_check(self, first_sent: datetime | None) -> Message:
        """The first asks politely where things stand; the second, later, offers something
        new rather than asking again."""
        role, company = self.opportunity.role, self.opportunity.company
        stage = self.reflection.stage
        stage_named = INTERVIEW_NAMED.get(stage, "interview") if stage else "interview"
        day = on_day(self.reflection.interview_at, self.now)
        if self.item.key.endswith(":2"):
            since = f" {on_day(first_sent, self.now)}" if first_sent else ""
            return Message(
                long=[
                    f"I hope you are well. Following my note{since} about the {role} position "
                    f"at {company}, I wanted to share something new with you.",
                    SOMETHING_NEW,
                    "I remain very interested, and would be glad to hear how your decision is "
                    "progressing whenever you have a moment.",
                    "Thank you for your time.",
                ],
                short=[
                    [
                        f"following my note{since} about the {role} role at {company}, I "
                        "wanted to share something new.",
                        SOMETHING_NEW,
                        "I remain very interested and would be glad to hear how things are going.",
                    ],
                    [
                        f"following my note{since}, I wanted to share something new.",
                        SOMETHING_NEW,
                        "I remain very interested.",
                    ],
                ],
                spoken=[
                    f"“Hello {self.spoken_name()}, this is {self.name}. I wrote to you about the "
                    f"{role} position, and I'd like to share something new since then.”",
                    f"“{SOMETHING_NEW}”",
                    "“Could you tell me how your decision is progressing?”",
                    VOICEMAIL.replace("one sentence of thanks", "what is new, in one sentence"),
                ],
                sign_off="Kind regards," if self.formal else "Best wishes,",
            )
        return Message(
            long=[
                f"I hope you are well. I am writing to follow up on my {stage_named} for the "
                f"{role} position at {company} {day}.",
                "I remain very interested in the role. Could you let me know where things "
                "stand, and whether there is anything more I can provide to help with your "
                "decision?",
                "Thank you for your time.",
            ],
            short=[
                [
                    f"I hope you're well. I wanted to follow up on my {stage_named} for the "
                    f"{role} role at {company} {day}.",
                    "I remain very interested. Could you let me know where things stand?",
                ],
                [
                    f"I wanted to follow up on my interview for the {role} role {day}.",
                    "Could you let me know where things stand?",
                ],
            ],
            spoken=[
                f"“Hello {self.spoken_name()}, this is {self.name}. I'm calling to follow up on "
                f"my {stage_named} for the {role} position {day}.”",
                "“I remain very interested. Could you tell me where things stand, and whether I "
                "can provide anything more?”",
                VOICEMAIL.replace("one sentence of thanks", "that you are still very interested"),
            ],
            sign_off="Kind regards," if self.formal else "Best wishes,",
        )

    def withdrawal(self) -> Message:
        """Don't burn bridges: thanks, the decision in one line, the door left open."""
        role, company = self.opportunity.role, self.opportunity.company
        why = gap("one honest, kind sentence on why, if you wish")
        return Message(
            long=[
                f"Thank you very much for your time and for considering me for the {role} "
                f"position at {company}.",
                f"After careful thought I have decided to withdraw my application. {why}",
                "I enjoyed meeting the team and hope our paths cross again.",
            ],
            short=[
                [
                    f"thank you for considering me for the {role} role at {company}.",
                    "After careful thought I have decided to withdraw my application.",
                    "I enjoyed meeting the team and hope our paths cross again.",
                ]
            ],
            spoken=[
                f"“Hello {self.spoken_name()}, this is {self.name}. Thank you for considering "
                f"me for the {role} position.”",
                f"“After careful thought I have decided to withdraw my application. {why}”",
                "“I enjoyed meeting the team and hope our paths cross again.”",
                "Then send a short email, so that they have it in writing.",
            ],
            sign_off="Kind regards," if self.formal else "Best wishes,",
        )

    def call_script(self) -> Draft:
        """A short call: who you are, thanks, one question, and when to leave it."""
        script = "\n\n".join(
            [
                f"“Hello {self.spoken_name()}, this is {self.name}. We met {self.when()} about "
                f"the {self.opportunity.role} position.”",
                f"“Thank you again for your time. I enjoyed our discussion about "
                f"{self.point()}, and I'm still very interested.”",
                "“Is there anything more I can provide, and is there a date I should expect "
                "to hear by?”",
                VOICEMAIL,
            ]
        )
        to = _recipient(self.person, Channel.PHONE, self.opportunity)
        return Draft(Channel.PHONE, to, "", script)

    def invitation(self) -> Draft:
        """An invitation to connect, with a note LinkedIn accepts (at most 300 characters)."""
        role, company = self.opportunity.role, self.opportunity.company
        met = "speak with you" if self.reflection.format is Format.PHONE else "meet you"
        start = f"it was good to {met} {self.when()} about the {role} role at {company}."
        point = self.point()
        choices = [
            [start, f"I enjoyed our discussion about {point}.", "I'd be glad to connect."],
            [start, "I'd be glad to connect and stay in touch."],
        ]
        body = self.shortest_fitting(choices)
        to = _recipient(self.person, Channel.LINKEDIN, self.opportunity)
        return Draft(Channel.LINKEDIN, to, "", body, invitation=True)

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
        to = _recipient(self.person, channel, self.opportunity)
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
            today = pendulum.instance(self.now).date()
            dated = f"{today.day} {MONTHS[today.month - 1]} {today.year}"
            letter = f"{sender}\n\n{dated}\n\n{to}\n\n{body}"
            return Draft(channel, to.split("\n", 1)[0], "", letter)
        return Draft(channel, to, subject, body)


def _subject(item: FollowUp, opportunity: Opportunity, profile: Settings) -> str:
    name = profile.name or gap("your name")
    if item.kind is FollowUpKind.STATUS_CHECK:
        return f"Following up on my {opportunity.role} interview – {name}"
    if item.kind is FollowUpKind.WITHDRAWAL:
        return f"{opportunity.role} application – {name}"
    return f"Thank You for the Interview – {name}"


def draft_for(
    item: FollowUp,
    reflection: Reflection,
    opportunity: Opportunity,
    profile: Settings,
    now: datetime,
    *,
    formal: bool = True,
    earlier: FollowUp | None = None,
    to: Interviewer | None = None,
    rounds: Sequence[Reflection] = (),
    followups: Sequence[FollowUp] = (),
) -> Draft:
    """The draft that fits a follow-up, for its person (or `to`, chosen instead) and their
    channel. `earlier`: for a second status check, the first (when it was sent); `rounds`:
    the opportunity's rounds, oldest first (a later round's note says something new);
    `followups`: the opportunity's follow-ups (whether you are connected on LinkedIn)."""
    addressed = Addressee(to) if to else addressee(item, reflection, opportunity, rounds)
    writer = Writer(
        item, reflection, opportunity, profile, now, formal, addressed,
        rounds or (reflection,), followups,
    )  # fmt: skip
    if item.kind is FollowUpKind.LINKEDIN:
        return writer.invitation()
    if item.kind is FollowUpKind.CALL:
        return writer.call_script()
    channel = (to.preferred if to else None) or item.channel or Channel.EMAIL
    build: Callable[[], Message]
    if item.kind is FollowUpKind.STATUS_CHECK:
        sent = earlier.finished_at if earlier is not None else None
        build = lambda: writer.status_check(sent)  # noqa: E731
    elif item.kind is FollowUpKind.WITHDRAWAL:
        build = writer.withdrawal
    else:
        build = writer.thank_you
    return writer.in_channel(channel, build(), _subject(item, opportunity, profile))
