"""Answers as a whole: a fresh questionnaire's, one prefilled from a saved reflection or a
scheduled interview, relative dates pinned in a draft, and every answer checked and turned
into the records saving needs (`ParsedAnswers`, `ParsedSchedule`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

import pendulum

from debrief.model import (
    Ask,
    Format,
    Interview,
    ModelError,
    Money,
    Opportunity,
    Period,
    Rapport,
    Reflection,
    Stage,
    new_id,
)
from debrief.questionnaire.cards import card_of_interviewer, card_of_question
from debrief.questionnaire.checks import (
    AnswerContext,
    AnswerError,
    AnswersInvalid,
    anchored,
    answer_errors,
    minutes_text,
    parse_answer,
    schedule_errors,
)
from debrief.questionnaire.form import Kind, Raw
from debrief.questionnaire.steps import QUESTIONS, SCHEDULE


def new_answers(ctx: AnswerContext) -> dict[str, Raw]:
    """The answers of a fresh questionnaire: everything empty but sensible defaults."""
    answers: dict[str, Raw] = {
        key: [] if q.kind in (Kind.CARDS, Kind.CHECKS) else None if q.kind is Kind.RATING else ""
        for key, q in QUESTIONS.items()
    }
    answers["interview_at"] = ctx.now.format("YYYY-MM-DD HH:mm")
    answers["money_currency"] = ctx.default_currency
    answers["money_period"] = Period.YEAR.value
    return answers


def pin_dates(answers: Mapping[str, Raw], ctx: AnswerContext) -> dict[str, Raw]:
    """The answers with relative dates ("yesterday 3pm") written out as absolute ones.

    A draft resumed tomorrow must still mean the day the user meant today.
    """
    ctx = anchored(answers, ctx)
    pinned = dict(answers)
    for key, question in QUESTIONS.items():
        if question.kind not in (Kind.WHEN, Kind.DAY):
            continue
        try:
            value = parse_answer(question, answers.get(key), ctx)
        except AnswerError:
            continue  # kept exactly as typed, to be fixed by the user
        if value is not None:
            pinned[key] = value.format(
                "YYYY-MM-DD HH:mm" if question.kind is Kind.WHEN else "YYYY-MM-DD"
            )
    return pinned


MONEY_KEYS = ("money_amount", "money_currency", "money_period")


def money_of(answers: Mapping[str, Raw], ctx: AnswerContext) -> Money | None:
    """The pay the money step's answers describe; None without an amount, or while one of
    them is not valid (its field says why)."""
    try:
        amount, currency, period = (
            parse_answer(QUESTIONS[key], answers.get(key), ctx) for key in MONEY_KEYS
        )
        if amount is None:
            return None
        return Money(amount, currency or ctx.default_currency, Period(period or Period.YEAR))
    except (AnswerError, ModelError):
        return None


@dataclass(frozen=True)
class ParsedAnswers:
    """Every answer typed and checked; what saving needs besides ids and timestamps."""

    company: str
    role: str
    values: dict[str, Any] = field(default_factory=dict)

    def reflection(
        self,
        opportunity_id: str,
        *,
        now: datetime,
        reflection_id: str | None = None,
        previous: Reflection | None = None,
        interview_id: str | None = None,
    ) -> Reflection:
        """A new Reflection, or `previous` updated (same id and created_at, and what the
        questionnaire does not ask: their reply, recorded since, and the scheduled
        interview it reflects on)."""
        return Reflection(
            opportunity_id=opportunity_id,
            id=previous.id if previous else (reflection_id or new_id()),
            created_at=previous.created_at if previous else now,
            updated_at=now,
            replied_at=previous.replied_at if previous else None,
            reply=previous.reply if previous else None,
            interview_id=previous.interview_id if previous else interview_id,
            **self.values,
        )

    def opportunity(self, existing: Opportunity | None, *, now: datetime) -> Opportunity:
        """The opportunity these answers belong to: `existing`, or a new one."""
        if existing is not None:
            return existing
        return Opportunity(company=self.company, role=self.role, created_at=now, updated_at=now)


def parse_answers(answers: Mapping[str, Raw], ctx: AnswerContext) -> ParsedAnswers:
    """All answers parsed, or AnswersInvalid listing every field that needs attention."""
    errors = answer_errors(answers, ctx)
    if errors:
        raise AnswersInvalid(errors)
    ctx = anchored(answers, ctx)
    typed = {
        key: parse_answer(QUESTIONS[key], answers.get(key), ctx)
        for key in QUESTIONS
        if key not in MONEY_KEYS
    }
    money = money_of(answers, ctx)
    values: dict[str, Any] = {
        key: value
        for key, value in typed.items()
        if key not in ("company", "role") and value is not None
    }
    for key, enum in (("stage", Stage), ("format", Format), ("could_work_with", Rapport)):
        if key in values:
            values[key] = enum(values[key])
    values["asked"] = tuple(Ask(value) for value in values.get("asked", ()))
    values["money"] = money
    return ParsedAnswers(company=typed["company"], role=typed["role"], values=values)


def answers_from_reflection(
    reflection: Reflection, opportunity: Opportunity, ctx: AnswerContext
) -> dict[str, Raw]:
    """The raw answers that would produce `reflection`: the questionnaire prefilled for an edit."""
    answers = new_answers(ctx)
    local_time = pendulum.instance(reflection.interview_at).in_timezone(ctx.now.timezone or "UTC")
    answers.update(
        company=opportunity.company,
        role=opportunity.role,
        interview_at=local_time.format("YYYY-MM-DD HH:mm"),
        reply_by=reflection.reply_by.isoformat() if reflection.reply_by else "",
        interviewers=[card_of_interviewer(person) for person in reflection.interviewers],
        questions=[card_of_question(question) for question in reflection.questions],
    )
    if reflection.money is not None:
        answers.update(
            money_amount=str(reflection.money.amount),
            money_currency=reflection.money.currency,
            money_period=reflection.money.period.value,
        )
    for key in QUESTIONS.keys() - _NOT_PLAIN_FIELDS:
        value = getattr(reflection, key)
        if isinstance(value, StrEnum):
            value = value.value
        elif isinstance(value, bool):  # (a yes-or-no question: an explicit "No" stays)
            value = "yes" if value else "no"
        elif value is None and QUESTIONS[key].kind is not Kind.RATING:
            value = ""
        answers[key] = value
    answers["asked"] = [ask.value for ask in reflection.asked]
    minutes = reflection.duration_minutes
    answers["duration_minutes"] = "" if minutes is None else minutes_text(minutes)
    return answers


def answers_from_interview(
    interview: Interview, opportunity: Opportunity, ctx: AnswerContext
) -> dict[str, Raw]:
    """A new questionnaire prefilled with what was scheduled: company, role, time, length,
    stage, format and the interviewers."""
    answers = new_answers(ctx)
    local_time = pendulum.instance(interview.start).in_timezone(ctx.now.timezone or "UTC")
    minutes = interview.duration_minutes
    answers.update(
        company=opportunity.company,
        role=opportunity.role,
        interview_at=local_time.format("YYYY-MM-DD HH:mm"),
        duration_minutes="" if minutes is None else minutes_text(minutes),
        stage=interview.stage.value if interview.stage else "",
        format=interview.format.value if interview.format else "",
        interviewers=[card_of_interviewer(person) for person in interview.interviewers],
    )
    return answers


# Answers that are not one Reflection field each (set one by one above).
_NOT_PLAIN_FIELDS = {
    "asked",
    "duration_minutes",
    "company",
    "role",
    "interview_at",
    "reply_by",
    "interviewers",
    "questions",
    "money_amount",
    "money_currency",
    "money_period",
}


# --- scheduling an interview ahead ----------------------------------------------------------


@dataclass(frozen=True)
class ParsedSchedule:
    company: str
    role: str
    values: dict[str, Any]

    def interview(
        self, opportunity_id: str, *, now: datetime, previous: Interview | None = None
    ) -> Interview:
        """A new scheduled interview, or `previous` changed (its preparation, link to a
        reflection and calendar UID kept)."""
        if previous is not None:
            return replace(previous, opportunity_id=opportunity_id, updated_at=now, **self.values)
        return Interview(
            opportunity_id=opportunity_id, created_at=now, updated_at=now, **self.values
        )


def parse_schedule(answers: Mapping[str, Raw], ctx: AnswerContext) -> ParsedSchedule:
    """The schedule form's answers typed and checked, or AnswersInvalid."""
    errors = schedule_errors(answers, ctx)
    if errors:
        raise AnswersInvalid(errors)
    typed = {q.key: parse_answer(q, answers.get(q.key), ctx) for q in SCHEDULE}
    company, role = typed.pop("company"), typed.pop("role")
    typed["stage"] = Stage(typed["stage"]) if typed["stage"] else None
    typed["format"] = Format(typed["format"]) if typed["format"] else None
    typed["where"] = typed["where"] or ""
    typed["interviewers"] = typed["interviewers"] or ()
    return ParsedSchedule(company, role, typed)


def answers_from_schedule(
    interview: Interview | None, opportunity: Opportunity | None, ctx: AnswerContext
) -> dict[str, Raw]:
    """The schedule form prefilled: empty for a new interview, or as `interview` is."""
    answers: dict[str, Raw] = {q.key: [] if q.kind is Kind.CARDS else "" for q in SCHEDULE}
    if opportunity is not None:
        answers.update(company=opportunity.company, role=opportunity.role)
    if interview is not None:
        scheduled = answers_from_interview(interview, opportunity, ctx) if opportunity else {}
        answers.update(
            {key: scheduled.get(key, "") for key in ("duration_minutes", "stage", "format")},
            start=scheduled.get("interview_at", ""),
            where=interview.where,
            interviewers=[card_of_interviewer(person) for person in interview.interviewers],
        )
    return answers
