"""Drafts of what the follow-up plan calls for, written offline, for one person and the
channel they prefer: an email (with its To: line and subject), a LinkedIn message (under
300 characters), a letter (with the date and an address block) or a call script.

Each person's thank-you draws on what they mentioned (their card), so panelists get
different notes. Private answers (money, reservations, ratings, notes about a person)
never appear in a draft. A missing piece (no name, no key point, no profile) becomes a
visible `[fill in: …]` gap, never a broken sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pendulum

from debrief import names
from debrief.dates import format_day
from debrief.model import (
    Channel,
    FollowUp,
    FollowUpKind,
    Interviewer,
    Opportunity,
    Reflection,
    Settings,
)
from debrief.names import gap

LINKEDIN_LIMIT = 300  # characters LinkedIn allows in an invitation's note
# The first words of a key point that the sentence around it already says.
SAID_ALREADY = (
    "our discussion about", "our discussion of", "our discussion on", "the discussion about",
    "discussion about", "our conversation about", "the conversation about", "conversation about",
    "we discussed", "we talked about", "talking about", "discussing", "talked about",
)  # fmt: skip
LOWER_FIRST = {"the", "a", "an", "how", "what", "why", "when", "your", "my", "our", "their"}


@dataclass(frozen=True)
class Draft:
    """A message to send your way: by `channel`, to `to` (an address or number), with a
    `subject` for an email only."""

    channel: Channel
    to: str
    subject: str
    body: str

    @property
    def text(self) -> str:
        """The whole draft as one text, to copy or save."""
        head = {
            Channel.EMAIL: f"To: {self.to}\nSubject: {self.subject}\n\n",
            Channel.LINKEDIN: f"LinkedIn message to {self.to}\n\n",
            Channel.PHONE: f"Call {self.to}\n\n",
            Channel.POST: "",
        }[self.channel]
        return head + self.body


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


def as_clause(point: str) -> str:
    """A key point as it reads after "our discussion about": its own opening words that
    say the same dropped, a capital kept only where it belongs to a name."""
    text = " ".join(point.strip().rstrip(".").split())
    folded = text.casefold()
    for opening in SAID_ALREADY:
        if folded.startswith(opening + " "):
            text = text[len(opening) + 1 :]
            break
    first = text.split(" ", 1)[0]
    sentence_start = first[:1].isupper() and first[1:].islower() and first.endswith("ing")
    if first.casefold() in LOWER_FIRST or sentence_start:  # ("Migrating…", not "Kafka…")
        text = text[:1].lower() + text[1:]
    return text


def signature(profile: Settings) -> str:
    lines = [profile.name or gap("your name")]
    lines += [detail for detail in (profile.email, profile.phone, profile.linkedin) if detail]
    if len(lines) == 1:
        lines.append(gap("your email or phone"))
    return "\n".join(lines)


def _point_for(person: Interviewer | None, reflection: Reflection) -> str:
    """What this person's note is about: what they mentioned, else the round's key point."""
    point = (person.mentioned if person else "") or reflection.key_point
    return as_clause(point) if point.strip() else gap("one point from your conversation")


def _when(reflection: Reflection, now: datetime) -> str:
    interview = pendulum.instance(reflection.interview_at)
    zone = pendulum.instance(now).timezone or "UTC"
    same_day = interview.in_timezone(zone).date() == pendulum.instance(now).date()
    return "today" if same_day else f"on {interview.format('dddd')}"


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


def _person_of(
    item: FollowUp, reflection: Reflection, opportunity: Opportunity
) -> Interviewer | None:
    """The card of the person a follow-up names: an interviewer, or the recruiter."""
    for person in recipients(reflection, opportunity):
        if person.name == item.person:
            return person
    recruiter = recruiter_card(opportunity)
    if recruiter is not None and item.person.casefold() in ("the recruiter", "recruiter"):
        return recruiter
    return None


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
) -> Draft:
    """The draft that fits a follow-up, for its person (or `to`, chosen instead) and their
    channel. `earlier`: for a second status check, the first (when it was sent)."""
    person = to or _person_of(item, reflection, opportunity)
    channel = (to.preferred if to else None) or item.channel or Channel.EMAIL
    if item.kind is FollowUpKind.LINKEDIN:
        return linkedin_note(reflection, opportunity, profile, person)
    if item.kind is FollowUpKind.CALL:
        return call_script(reflection, opportunity, profile, person, item)
    if item.kind is FollowUpKind.STATUS_CHECK:
        sent = earlier.finished_at if earlier is not None else None
        body = status_check_body(reflection, opportunity, profile, person, item, sent)
    elif item.kind is FollowUpKind.WITHDRAWAL:
        body = withdrawal_body(opportunity, profile, person)
    else:
        body = thank_you_body(reflection, opportunity, profile, person, now, formal=formal)
    return _in_channel(channel, person, opportunity, profile, now, item, body)


def _subject(item: FollowUp, opportunity: Opportunity, profile: Settings) -> str:
    name = profile.name or gap("your name")
    if item.kind is FollowUpKind.STATUS_CHECK:
        return f"Following up: {opportunity.role} interview – {name}"
    if item.kind is FollowUpKind.WITHDRAWAL:
        return f"{opportunity.role} application – {name}"
    return f"Thank You for the Interview – {name}"


def _in_channel(
    channel: Channel,
    person: Interviewer | None,
    opportunity: Opportunity,
    profile: Settings,
    now: datetime,
    item: FollowUp,
    body: str,
) -> Draft:
    """An email as it is; a letter with the date and address block; a phone call as a
    script to read from; LinkedIn as a message with no subject."""
    to = _recipient(person, channel, opportunity)
    if channel is Channel.POST:
        contact = [detail for detail in (profile.email, profile.phone) if detail]
        sender = "\n".join([profile.name or gap("your name"), *contact])
        letter = f"{sender}\n\n{format_day(now)}\n\n{to}\n\n{body}"
        return Draft(channel, to.split("\n", 1)[0], "", letter)
    if channel is Channel.PHONE:
        script = "If they answer, in your own words:\n\n" + body.replace(
            "\n\n" + signature(profile), ""
        )
        return Draft(channel, to, "", script)
    if channel is Channel.LINKEDIN:
        return Draft(channel, to, "", body)
    return Draft(channel, to, _subject(item, opportunity, profile), body)


def thank_you_body(
    reflection: Reflection,
    opportunity: Opportunity,
    profile: Settings,
    person: Interviewer | None,
    now: datetime,
    *,
    formal: bool = True,
) -> str:
    liked = reflection.likes_role.strip().rstrip(".")
    interest = (
        f"Our conversation confirmed my interest in the {opportunity.role} role at "
        f"{opportunity.company}" + (f", especially: {liked}." if liked else ".")
    )
    return "\n\n".join(
        [
            salutation(person, formal=formal),
            f"Thank you for taking the time to meet with me {_when(reflection, now)} about "
            f"the {opportunity.role} position at {opportunity.company}. I enjoyed learning "
            "more about the team and the work.",
            interest,
            f"I particularly appreciated our discussion about {_point_for(person, reflection)}, "
            "and I would be glad to continue that conversation.",
            "Please let me know if I can provide any further information. I look forward "
            "to hearing from you about the next steps.",
            "Kind regards," if formal else "Best wishes,",
            signature(profile),
        ]
    )


def status_check_body(
    reflection: Reflection,
    opportunity: Opportunity,
    profile: Settings,
    person: Interviewer | None,
    item: FollowUp,
    first_sent: datetime | None,
) -> str:
    """The first check asks politely where things stand; the second, later, offers
    something new rather than asking again."""
    stage = f"{reflection.stage.label.lower()} " if reflection.stage else ""
    day = format_day(reflection.interview_at)
    greeting = (
        salutation(person, formal=True)
        if person or not item.person
        else f"Dear {item.person.strip()},"
    )
    if item.key.endswith(":2"):
        since = f" of {format_day(first_sent)}" if first_sent else ""
        middle = [
            f"I hope you are well. Following my note{since} about the {opportunity.role} "
            f"position at {opportunity.company}, I wanted to share something new: "
            + gap("an article, a result or a piece of work that shows what you would bring"),
            "I remain very interested, and would be glad to hear how your decision is "
            "progressing whenever you have a moment.",
        ]
    else:
        middle = [
            f"I hope you are well. I am writing to follow up on my {stage}interview for the "
            f"{opportunity.role} position at {opportunity.company} on {day}.",
            "I remain very interested in the role. Could you let me know where things stand, "
            "and whether there is anything more I can provide to help with your decision?",
        ]
    return "\n\n".join(
        [greeting, *middle, "Thank you for your time.", "Kind regards,", signature(profile)]
    )


def withdrawal_body(opportunity: Opportunity, profile: Settings, person: Interviewer | None) -> str:
    """Don't burn bridges: thanks, the decision in one line, the door left open."""
    return "\n\n".join(
        [
            salutation(person, formal=True),
            f"Thank you very much for your time and for considering me for the "
            f"{opportunity.role} position at {opportunity.company}.",
            "After careful thought I have decided to withdraw my application. "
            + gap("one honest, kind sentence on why, if you wish"),
            "I enjoyed meeting the team and hope our paths cross again.",
            "Kind regards,",
            signature(profile),
        ]
    )


def linkedin_note(
    reflection: Reflection, opportunity: Opportunity, profile: Settings, person: Interviewer | None
) -> Draft:
    """An invitation note LinkedIn accepts: under 300 characters, the point cut to fit."""
    first = address_as(person, formal=False)
    name = profile.name or gap("your name")
    point = _point_for(person, reflection)
    head = (
        f"Hi {first}, thank you for the conversation about the {opportunity.role} role "
        f"at {opportunity.company}"
    )
    tail = f". I'd be glad to stay in touch. – {name}"
    room = LINKEDIN_LIMIT - len(head) - len(tail) - len(", especially ")
    if room >= 12 and not point.startswith("[fill in"):
        clipped = point if len(point) <= room else point[: room - 1].rstrip() + "…"
        body = f"{head}, especially {clipped}{tail}"
    else:
        body = head + tail
    to = _recipient(person, Channel.LINKEDIN, opportunity)
    return Draft(Channel.LINKEDIN, to, "", body[:LINKEDIN_LIMIT])


def call_script(
    reflection: Reflection,
    opportunity: Opportunity,
    profile: Settings,
    person: Interviewer | None,
    item: FollowUp,
) -> Draft:
    """A short call: who you are, thanks, one question, and when to leave it."""
    name = profile.name or gap("your name")
    day = format_day(reflection.interview_at)
    script = "\n\n".join(
        [
            f"“Hello {address_as(person, formal=True) if person else item.person or gap('name')}, "
            f"this is {name}. We met on {day} about the {opportunity.role} position.”",
            f"“Thank you again for your time. I enjoyed our discussion about "
            f"{_point_for(person, reflection)}, and I'm still very interested.”",
            "“Is there anything more I can provide, and is there a date I should expect to "
            "hear by?”",
            "If you reach voicemail: leave your name, number and one sentence of thanks; "
            "don't call again the same day.",
        ]
    )
    return Draft(Channel.PHONE, _recipient(person, Channel.PHONE, opportunity), "", script)
