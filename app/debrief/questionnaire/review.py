"""Showing answers back: what a date was understood as, under its field; each answer as
the review page shows it; every answer as plain text, to keep when nothing can be saved."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from debrief.dates import format_day, format_moment
from debrief.questionnaire.checks import (
    AnswerContext,
    AnswerError,
    anchored,
    is_empty,
    minutes_text,
    parse_answer,
)
from debrief.questionnaire.form import Kind, Question, Raw
from debrief.questionnaire.steps import STEPS


def answer_note(question: Question, raw: Raw, ctx: AnswerContext) -> str:
    """What a date field's answer was understood as (`→ Thu 3 Dec 2026, 15:00`), shown
    under it as the user types; empty for other kinds or while it can't be read."""
    if question.kind not in (Kind.WHEN, Kind.UPCOMING, Kind.DAY):
        return ""
    try:
        value = parse_answer(question, raw, ctx)
    except AnswerError:
        return ""
    if value is None:
        return ""
    shown = "→ " + (format_day(value) if question.kind is Kind.DAY else format_moment(value))
    return shown + _surprise(question, value, ctx)


def _surprise(question: Question, value: object, ctx: AnswerContext) -> str:
    """A date on the wrong side of now, said beside it rather than refused (it may be
    meant): an interview reflected on that is still ahead; an answer expected by a day
    that has passed."""
    if isinstance(value, date) and not isinstance(value, datetime):  # (a DAY's answer)
        past = question.kind is Kind.DAY and value < ctx.now.date()
        return "  · already past" if past else ""
    if not isinstance(value, datetime):
        return ""
    later = value > ctx.now
    if question.kind is Kind.WHEN and later:
        return "  · still to come? (i on home plans it)"
    if question.kind is Kind.UPCOMING and not later:
        return "  · already past"
    return ""


def answer_refusal(question: Question, raw: Raw, ctx: AnswerContext) -> str:
    """Why an answer is refused already as it is typed (a date that could be two days,
    `9/12`); empty while typing on could still make it right."""
    try:
        parse_answer(question, raw, ctx)
    except AnswerError as error:
        return str(error) if error.final else ""
    return ""


def display_answer(question: Question, raw: Raw, ctx: AnswerContext) -> str:
    """How an answer reads on the review page; empty string when unanswered."""
    if is_empty(raw):
        return ""
    try:
        value = parse_answer(question, raw, ctx)
    except AnswerError:
        return str(raw)
    if question.kind in (Kind.CHOICE, Kind.YESNO):
        return dict(question.choices)[raw]
    if question.kind is Kind.CHECKS:
        labels = dict(question.choices)
        return "\n".join(f"✓ {labels[item]}" for item in value)
    if question.kind is Kind.RATING:
        return f"{value} / 10"
    if question.kind is Kind.MINUTES:
        return minutes_text(value)
    if question.kind in (Kind.WHEN, Kind.UPCOMING):
        return format_moment(value)
    if question.kind is Kind.DAY:
        return format_day(value)
    if question.kind is Kind.CARDS and question.card is not None:
        return "\n".join(question.card.describe(record) for record in value)
    return str(value)


def answers_as_text(answers: Mapping[str, Raw], ctx: AnswerContext) -> str:
    """Every answer given so far as plain text, each under its question: what a user can
    keep (copy, or write to a file) when not even the draft can be saved."""
    parts = []
    ctx = anchored(answers, ctx)
    for step in STEPS:
        for question in step.questions:
            shown = display_answer(question, answers.get(question.key), ctx)
            if shown:
                parts.append(f"{question.label}\n{shown}")
    return "\n\n".join(parts) + "\n"
