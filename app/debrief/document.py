"""A reflection as a readable document: the same words in the app's detail view and in the shell.

Built from the questionnaire itself, so every question the user answered appears under
its own heading, in the order it was asked; unanswered questions are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from debrief.dates import format_moment
from debrief.followups import describe, due_phrase
from debrief.model import ASK_LESSONS, Ask, FollowUp, Opportunity, Reflection
from debrief.questionnaire import (
    STEPS,
    AnswerContext,
    Kind,
    answers_from_reflection,
    display_answer,
)

SKIPPED_IN_BODY = {"company", "role", "interview_at", "stage", "format"}  # they are in the title


@dataclass(frozen=True)
class Answer:
    key: str  # the questionnaire's key, e.g. "interviewers"
    question: str
    text: str


@dataclass(frozen=True)
class Section:
    heading: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    footer: str


def reflection_document(
    reflection: Reflection,
    opportunity: Opportunity,
    rounds: list[Reflection],
    ctx: AnswerContext,
    followups: Sequence[FollowUp] = (),
) -> Document:
    """Title, a section per answered step, lessons, the follow-up plan, and when it was written."""
    answers = answers_from_reflection(reflection, opportunity, ctx)
    sections = []
    for step in STEPS:
        shown = []
        for question in step.questions:
            if question.key in SKIPPED_IN_BODY or question.kind is Kind.CURRENCY:
                continue
            if question.key == "money_amount":
                text = describe_money(reflection)
            elif question.key == "money_period":
                continue
            else:
                text = display_answer(question, answers.get(question.key), ctx)
            if text:
                shown.append(Answer(question.key, question.label, text))
        if shown:
            sections.append(Section(step.title, tuple(shown)))
    missed = [ask for ask in Ask if ask not in reflection.asked]
    if missed:
        lessons = "\n".join(f"• {ASK_LESSONS[ask]}" for ask in missed)
        sections.append(
            Section("Next time, before you leave", (Answer("lessons", "Remember to", lessons),))
        )
    if followups:
        sections.append(
            Section("Follow-up", tuple(_followup_answer(f, ctx.now) for f in followups))
        )
    number = next((i for i, r in enumerate(rounds, start=1) if r.id == reflection.id), len(rounds))
    facts = [
        format_moment(reflection.interview_at),
        reflection.stage.label if reflection.stage else "",
        reflection.format.label if reflection.format else "",
        f"round {number} of {len(rounds)}" if len(rounds) > 1 else "",
        f"status: {opportunity.status.label.lower()}",
    ]
    details = [
        opportunity.location,
        opportunity.link,
        f"recruiter: {opportunity.recruiter_name}" if opportunity.recruiter_name else "",
    ]
    if any(details):
        sections.insert(
            0, Section("The job", (Answer("job", "Details", " · ".join(d for d in details if d)),))
        )
    footer = f"Written {format_moment(reflection.created_at)}"
    if reflection.updated_at != reflection.created_at:
        footer += f" · edited {format_moment(reflection.updated_at)}"
    return Document(
        title=opportunity.title,
        subtitle=" · ".join(f for f in facts if f),
        sections=tuple(sections),
        footer=footer,
    )


def _followup_answer(item: FollowUp, now: datetime) -> Answer:
    if item.done_at is not None:
        state = f"done {format_moment(item.done_at)}"
    elif item.dismissed_at is not None:
        state = "skipped"
    elif item.superseded_at is not None:  # (a later round or their reply: never overdue)
        state = f"no longer needed since {format_moment(item.superseded_at)}"
    else:
        state = due_phrase(item, now)
        if item.snoozed_until is not None:
            state += f" (snoozed until {format_moment(item.snoozed_until)})"
    if item.note:
        state += f" · {item.note}"
    return Answer("followup", describe(item), state)


def describe_money(reflection: Reflection) -> str:
    """The reflection's pay as `Money.describe` words it; empty when none was noted."""
    return reflection.money.describe() if reflection.money is not None else ""


def document_text(document: Document) -> str:
    """The document as plain text, for the shell."""
    lines = [document.title, document.subtitle, ""]
    for section in document.sections:
        lines.append(section.heading.upper())
        for answer in section.answers:
            lines.append(f"  {answer.question}")
            lines.extend(f"    {line}" for line in answer.text.splitlines() or [""])
        lines.append("")
    lines.append(document.footer)
    return "\n".join(lines)
