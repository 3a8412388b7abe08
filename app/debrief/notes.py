"""Drafts of what the follow-up plan calls for, written offline, for one real person and the
channel they prefer: an email (with its To: line and subject), a LinkedIn message (at most
300 characters; an invitation to connect carries it when you are not connected yet), a
letter (with the date and an address block) or a call script.

A thank-you's words are `debrief.thanks`'s; here are the other kinds (status checks, a
withdrawal, a note to your references, a call script, a LinkedIn invitation) and
`draft_for`, which picks the kind a follow-up needs. Answers are woven into sentences,
never pasted after a colon; day names are used only within the week, the date otherwise.

Private answers (money, reservations, ratings, notes about a person) never appear in a
draft. A missing piece (no name, no key point, no profile) becomes a visible
`[fill in: …]` gap, never a broken sentence, and only when the journal truly lacks it.

Each kind of note is one function given a `Writer`: to whom a note goes, how they are
greeted, and the form its channel needs are `debrief.addressing`'s. This module is what
callers import drafts from (`__all__`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from debrief.addressing import (
    LINKEDIN_LIMIT,
    Addressee,
    Draft,
    Message,
    Writer,
    address_as,
    addressee,
    recipient,
    recipients,
    salutation,
)
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
from debrief.names import gap
from debrief.thanks import VOICEMAIL, talking_point, thank_you, what_you_like

__all__ = [
    "LINKEDIN_LIMIT",
    "Draft",
    "address_as",
    "addressee",
    "draft_for",
    "recipients",
    "salutation",
]

INTERVIEW_NAMED = {
    Stage.PHONE_SCREEN: "phone screen", Stage.TECHNICAL: "technical interview",
    Stage.HIRING_MANAGER: "interview with the hiring manager", Stage.PANEL: "panel interview",
    Stage.ONSITE: "onsite interview", Stage.FINAL: "final interview",
}  # fmt: skip
SOMETHING_NEW = gap("an article, a result or a piece of work that shows what you would bring")


# --- checks, withdrawals, calls, invitations -------------------------------------------


def status_check(w: Writer, first_sent: datetime | None) -> Message:
    """The first asks politely where things stand; the second, later, offers something
    new rather than asking again."""
    role, company = w.opportunity.role, w.opportunity.company
    stage = w.reflection.stage
    stage_named = INTERVIEW_NAMED.get(stage, "interview") if stage else "interview"
    day = w.when()
    if w.item.key.endswith(":2"):
        since = f" {w.on_day(first_sent)}" if first_sent else ""
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
                f"“Hello {w.spoken_name()}, this is {w.name}. I wrote to you about the "
                f"{role} position, and I'd like to share something new since then.”",
                f"“{SOMETHING_NEW}”",
                "“Could you tell me how your decision is progressing?”",
                VOICEMAIL.replace("one sentence of thanks", "what is new, in one sentence"),
            ],
            sign_off="Kind regards," if w.formal else "Best wishes,",
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
            f"“Hello {w.spoken_name()}, this is {w.name}. I'm calling to follow up on "
            f"my {stage_named} for the {role} position {day}.”",
            "“I remain very interested. Could you tell me where things stand, and whether I "
            "can provide anything more?”",
            VOICEMAIL.replace("one sentence of thanks", "that you are still very interested"),
        ],
        sign_off="Kind regards," if w.formal else "Best wishes,",
    )


def withdrawal(w: Writer) -> Message:
    """Don't burn bridges: thanks, the decision in one line, the door left open."""
    role, company = w.opportunity.role, w.opportunity.company
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
            f"“Hello {w.spoken_name()}, this is {w.name}. Thank you for considering "
            f"me for the {role} position.”",
            f"“After careful thought I have decided to withdraw my application. {why}”",
            "“I enjoyed meeting the team and hope our paths cross again.”",
            "Then send a short email, so that they have it in writing.",
        ],
        sign_off="Kind regards," if w.formal else "Best wishes,",
    )


def to_references(w: Writer) -> Message:
    """A short note to one of your references: who may call and about what, so they can
    speak to it (never how the interview went for you privately)."""
    role, company = w.opportunity.role, w.opportunity.company
    stage = w.reflection.stage
    interview = INTERVIEW_NAMED.get(stage, "interview") if stage else "interview"
    liked, _ = what_you_like(w)
    about = (
        f"The role centres on {liked}, so anything you can say about my work in that area "
        "would help most." if liked
        else gap("what the role is about, so they know what to speak to")
    )  # fmt: skip
    return Message(
        long=[
            f"I hope you are well. I had my {interview} for the {role} position at {company} "
            f"{w.when()}, and they may contact you for a reference soon.",
            about,
            "Thank you again for being one of my references; I will let you know how it goes.",
        ],
        short=[
            [
                f"I had my {interview} for the {role} role at {company} {w.when()}, and they "
                "may contact you for a reference soon.",
                "Thank you again for being one of my references.",
            ]
        ],
        spoken=[
            f"“Hello, this is {w.name}. I had my {interview} for the {role} position at "
            f"{company} {w.when()}, and they may call you for a reference soon.”",
            f"“{about}”",
            "“Thank you again for being one of my references.”",
        ],
        sign_off="Kind regards," if w.formal else "Best wishes,",
    )


def call_script(w: Writer) -> Draft:
    """A short call: who you are, thanks, one question, and when to leave it. To someone
    you have not met (the recruiter): thanks for their help, not for meeting."""
    role = w.opportunity.role
    if w.person is None or w.met() or w.earlier_meetings():
        opening = [
            f"“Hello {w.spoken_name()}, this is {w.name}. We met {w.when()} about the {role} "
            "position.”",
            "“Thank you again for your time. I enjoyed our discussion about "
            f"{talking_point(w)}, and I'm still very interested.”",
        ]
    else:
        opening = [
            f"“Hello {w.spoken_name()}, this is {w.name}. I had my interview for the {role} "
            f"position {w.when()}, and I wanted to thank you for your help.”",
            "“I enjoyed meeting the team, and I'm still very interested.”",
        ]
    script = "\n\n".join(
        [
            *opening,
            "“Is there anything more I can provide, and is there a date I should expect "
            "to hear by?”",
            VOICEMAIL,
        ]
    )
    to = recipient(w.person, Channel.PHONE, w.opportunity)
    return Draft(Channel.PHONE, to, "", script)


def invitation(w: Writer) -> Draft:
    """An invitation to connect, with a note LinkedIn accepts (at most 300 characters)."""
    role, company = w.opportunity.role, w.opportunity.company
    met = "speak with you" if w.reflection.format is Format.PHONE else "meet you"
    start = f"it was good to {met} {w.when()} about the {role} role at {company}."
    point = talking_point(w)
    choices = [
        [start, f"I enjoyed our discussion about {point}.", "I'd be glad to connect."],
        [start, "I'd be glad to connect and stay in touch."],
    ]
    if w.person is not None and not (w.met() or w.earlier_meetings()):  # (the recruiter)
        thanks = f"thank you for your help with my application for the {role} role at {company}."
        choices = [[thanks, "I'd be glad to connect and stay in touch."]]
    body = w.shortest_fitting(choices)
    to = recipient(w.person, Channel.LINKEDIN, w.opportunity)
    return Draft(Channel.LINKEDIN, to, "", body, invitation=True)


def _subject(item: FollowUp, opportunity: Opportunity, profile: Settings) -> str:
    name = profile.name or gap("your name")
    if item.kind is FollowUpKind.STATUS_CHECK:
        return f"Following up on my {opportunity.role} interview – {name}"
    if item.kind is FollowUpKind.WITHDRAWAL:
        return f"{opportunity.role} application – {name}"
    if item.kind is FollowUpKind.REFERENCES:
        return f"{opportunity.company} may call you for a reference – {name}"
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
    if to:
        addressed = Addressee(to)
    elif item.kind is FollowUpKind.REFERENCES:
        addressed = Addressee(None, "your reference")
    else:
        addressed = addressee(item, reflection, opportunity, rounds)
    sent = item.when if item.when > now else None  # (worded for the day it is due)
    writer = Writer(
        item, reflection, opportunity, profile, now, formal, addressed,
        rounds or (reflection,), followups, sent,
    )  # fmt: skip
    if item.kind is FollowUpKind.LINKEDIN:
        return invitation(writer)
    if item.kind is FollowUpKind.CALL:
        return call_script(writer)
    channel = (to.preferred if to else None) or item.channel or Channel.EMAIL
    if item.kind is FollowUpKind.STATUS_CHECK:
        message = status_check(writer, earlier.finished_at if earlier is not None else None)
    elif item.kind is FollowUpKind.WITHDRAWAL:
        message = withdrawal(writer)
    elif item.kind is FollowUpKind.REFERENCES:
        message = to_references(writer)
    else:
        message = thank_you(writer)
    subject = _subject(item, opportunity, profile)
    if item.kind is FollowUpKind.THANK_YOU and writer.person is not None and not writer.met():
        subject = subject.replace("for the Interview", "for Your Help")  # (not in it)
    return writer.in_channel(channel, message, subject)
