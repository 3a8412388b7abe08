"""Drafts of the emails the follow-up plan calls for, written offline from the reflection.

A missing piece (no interviewer name, no key point, no profile) becomes a visible
`[fill in: …]` gap, never a broken sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pendulum

from debrief.dates import format_day
from debrief.model import FollowUp, FollowUpKind, Interviewer, Opportunity, Reflection, Settings

HONORIFICS = ("dr", "dr.", "prof", "prof.", "professor")


@dataclass(frozen=True)
class EmailDraft:
    subject: str
    body: str

    @property
    def text(self) -> str:
        return f"Subject: {self.subject}\n\n{self.body}"


def gap(what: str) -> str:
    return f"[fill in: {what}]"


def draft_for(
    item: FollowUp,
    reflection: Reflection,
    opportunity: Opportunity,
    profile: Settings,
    now: datetime,
    *,
    formal: bool = True,
) -> EmailDraft:
    """The draft that fits a follow-up: a thank-you, a status check or a LinkedIn note."""
    person = next((p for p in reflection.interviewers if p.name == item.person), None)
    if item.kind is FollowUpKind.STATUS_CHECK:
        second = item.key.endswith(":2")
        return status_check_note(reflection, opportunity, profile, person, second=second)
    if item.kind is FollowUpKind.LINKEDIN:
        return linkedin_note(opportunity, profile, person)
    return thank_you_note(reflection, opportunity, profile, person, now, formal=formal)


def salutation(person: Interviewer | None, *, formal: bool) -> str:
    """`Dear Jane Doe,` / `Dear Dr. Okafor,` / `Hi Jane,`; a gap when the name is unknown."""
    if person is None or not person.name.strip():
        return f"Dear {gap('interviewer’s name')},"
    names = person.name.split()
    title = person.title.strip()
    if formal and title.casefold().rstrip(".") in {h.rstrip(".") for h in HONORIFICS}:
        return f"Dear {title.rstrip('.').capitalize()}. {names[-1]},"
    return f"Dear {person.name.strip()}," if formal else f"Hi {names[0]},"


def signature(profile: Settings) -> str:
    lines = [profile.name or gap("your name")]
    lines += [detail for detail in (profile.email, profile.phone, profile.linkedin) if detail]
    if len(lines) == 1:
        lines.append(gap("your email or phone"))
    return "\n".join(lines)


def thank_you_note(
    reflection: Reflection,
    opportunity: Opportunity,
    profile: Settings,
    person: Interviewer | None,
    now: datetime,
    *,
    formal: bool = True,
) -> EmailDraft:
    subject = f"Thank You for the Interview – {profile.name or gap('your name')}"
    interview = pendulum.instance(reflection.interview_at)
    same_day = interview.in_timezone(pendulum.instance(now).timezone or "UTC").date() == now.date()
    when = "today" if same_day else f"on {interview.format('dddd')}"
    point = reflection.key_point.strip().rstrip(".") or gap("one point from your conversation")
    liked = reflection.likes_role.strip().rstrip(".")
    interest = (
        f"Our conversation confirmed my interest in the {opportunity.role} role at "
        f"{opportunity.company}" + (f", especially: {liked}." if liked else ".")
    )
    body = "\n\n".join(
        [
            salutation(person, formal=formal),
            f"Thank you for taking the time to meet with me {when} about the {opportunity.role} "
            f"position at {opportunity.company}. I enjoyed learning more about the team "
            "and the work.",
            interest,
            f"I particularly appreciated our discussion about {point}, and I would be "
            "glad to continue that conversation.",
            "Please let me know if I can provide any further information. I look forward "
            "to hearing from you about the next steps.",
            "Kind regards," if formal else "Best wishes,",
            signature(profile),
        ]
    )
    return EmailDraft(subject, body)


def status_check_note(
    reflection: Reflection,
    opportunity: Opportunity,
    profile: Settings,
    person: Interviewer | None,
    *,
    second: bool = False,
) -> EmailDraft:
    stage = f"{reflection.stage.label.lower()} " if reflection.stage else ""
    day = format_day(reflection.interview_at)
    opening = (
        "I hope you are well. I am following up once more"
        if second
        else "I hope you are well. I am writing to follow up"
    )
    body = "\n\n".join(
        [
            salutation(person, formal=True),
            f"{opening} on my {stage}interview for the {opportunity.role} position at "
            f"{opportunity.company} on {day}.",
            "I remain very interested in the role. Could you let me know where things stand, and "
            "whether there is anything more I can provide to help with your decision?",
            "Thank you for your time.",
            "Kind regards,",
            signature(profile),
        ]
    )
    return EmailDraft(
        f"Following up: {opportunity.role} interview – {profile.name or gap('your name')}", body
    )


def linkedin_note(
    opportunity: Opportunity, profile: Settings, person: Interviewer | None
) -> EmailDraft:
    """A connection request note (LinkedIn allows about 300 characters)."""
    first = person.name.split()[0] if person and person.name.strip() else gap("name")
    body = (
        f"Hi {first}, thank you for the conversation about the {opportunity.role} role at "
        f"{opportunity.company}. I enjoyed it and would be glad to stay in touch. "
        f"– {profile.name or gap('your name')}"
    )
    return EmailDraft(f"LinkedIn invitation to {person.name if person else gap('name')}", body)
