"""A reflection as a readable document: the same words in the app's detail view and in the shell.

Built from the questionnaire itself, so every question the user answered appears under
its own heading, in the order it was asked; unanswered questions are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from debrief.dates import format_moment
from debrief.model import ANNUAL_FACTOR, Opportunity, Period, Reflection
from debrief.questionnaire import (
    STEPS,
    AnswerContext,
    Kind,
    answers_from_reflection,
    describe_interviewer,
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
    reflection: Reflection, opportunity: Opportunity, rounds: list[Reflection], ctx: AnswerContext
) -> Document:
    """Title, one section per questionnaire step that has answers, and when it was written."""
    answers = answers_from_reflection(reflection, opportunity, ctx)
    sections = []
    for step in STEPS:
        shown = []
        for question in step.questions:
            if question.key in SKIPPED_IN_BODY or question.kind is Kind.CURRENCY:
                continue
            if question.kind is Kind.CARDS:
                text = "\n".join(describe_interviewer(p) for p in reflection.interviewers)
            elif question.key == "money_amount":
                text = describe_money(reflection)
            elif question.key == "money_period":
                continue
            else:
                text = display_answer(question, answers.get(question.key), ctx)
            if text:
                shown.append(Answer(question.key, question.label, text))
        if shown:
            sections.append(Section(step.title, tuple(shown)))
    number = next((i for i, r in enumerate(rounds, start=1) if r.id == reflection.id), len(rounds))
    facts = [
        format_moment(reflection.interview_at),
        reflection.stage.label if reflection.stage else "",
        reflection.format.label if reflection.format else "",
        f"round {number} of {len(rounds)}" if len(rounds) > 1 else "",
        f"status: {opportunity.status.label.lower()}",
    ]
    footer = f"Written {format_moment(reflection.created_at)}"
    if reflection.updated_at != reflection.created_at:
        footer += f" · edited {format_moment(reflection.updated_at)}"
    return Document(
        title=opportunity.title,
        subtitle=" · ".join(f for f in facts if f),
        sections=tuple(sections),
        footer=footer,
    )


def describe_money(reflection: Reflection) -> str:
    """`95,000 EUR per month (≈ 1,140,000 EUR a year)`: the annual figure states its assumption."""
    money = reflection.money
    if money is None:
        return ""
    text = f"{money.amount:,} {money.currency} {money.period.label}"
    if money.period is not Period.YEAR:
        factor = ANNUAL_FACTOR[money.period]
        text += f" (≈ {money.annual():,.0f} {money.currency} a year, × {factor})"
    return text


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
