"""Reading answers as typed: each raw answer parsed into its typed value, or a message
for its field (`AnswerError`), one step or one form at a time."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import pendulum

from debrief.dates import AmbiguousDate, DateParseError, parse_day, parse_when
from debrief.model import MAX_AMOUNT, ModelError, normalise_currency
from debrief.questionnaire.cards import CARD_CHOICES
from debrief.questionnaire.form import Kind, Question, Raw, Step
from debrief.questionnaire.steps import QUESTIONS, SCHEDULE


@dataclass(frozen=True)
class AnswerContext:
    """What parsing needs besides the answers: the clock, the user's defaults, and the
    interview's day (what "in a week" counts from)."""

    now: pendulum.DateTime
    default_currency: str = "USD"
    interview_day: date | None = None


def anchored(answers: Mapping[str, Raw], ctx: AnswerContext) -> AnswerContext:
    """`ctx` with the interview's day as typed in `answers` (if it reads as a date):
    "when will you hear" counts from the interview, not from when it is written down."""
    try:
        interview = _parse_when(QUESTIONS["interview_at"], answers.get("interview_at"), ctx)
    except AnswerError:
        return ctx
    return replace(ctx, interview_day=interview.date())


class AnswerError(ValueError):
    """One answer cannot be used as typed; the message is shown at the field (at once,
    as it is typed, when it is `final`: typing on cannot mend it)."""

    def __init__(self, message: str, *, final: bool = False) -> None:
        super().__init__(message)
        self.final = final


class AnswersInvalid(ValueError):
    """Some answers cannot be saved; `errors` maps question keys to messages."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = dict(errors)


def is_empty(raw: Raw) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    if isinstance(raw, list):
        return not any(_any_text(card) if isinstance(card, dict) else card for card in raw)
    return False


def _any_text(card: Mapping[str, Any]) -> bool:
    """Something typed on a card (a choice alone, e.g. the preferred channel, is not)."""
    return any(str(value or "").strip() for key, value in card.items() if key not in CARD_CHOICES)


_REQUIRED = {
    Kind.RATING: "Required: press a digit 1–9, or 0 for 10",
    Kind.WHEN: "Required: e.g. 2026-11-20 14:00, today 14:00 or yesterday",
}


def parse_answer(question: Question, raw: Raw, ctx: AnswerContext) -> Any:
    """The typed value of one answer (None when empty), or AnswerError with a message."""
    if is_empty(raw):
        if question.required:
            raise AnswerError(_REQUIRED.get(question.kind, f"{question.label} is required"))
        return None
    parser = _PARSERS[question.kind]
    return parser(question, raw, ctx)


def answer_errors(
    answers: Mapping[str, Raw], ctx: AnswerContext, keys: list[str] | None = None
) -> dict[str, str]:
    """Field-level messages for the given questions (all of them by default)."""
    errors: dict[str, str] = {}
    ctx = anchored(answers, ctx)
    for key in keys if keys is not None else list(QUESTIONS):
        try:
            parse_answer(QUESTIONS[key], answers.get(key), ctx)
        except AnswerError as error:
            errors[key] = str(error)
    return errors


def step_errors(step: Step, answers: Mapping[str, Raw], ctx: AnswerContext) -> dict[str, str]:
    return answer_errors(answers, ctx, [q.key for q in step.questions])


def schedule_errors(answers: Mapping[str, Raw], ctx: AnswerContext) -> dict[str, str]:
    errors = {}
    for question in SCHEDULE:
        try:
            parse_answer(question, answers.get(question.key), ctx)
        except AnswerError as error:
            errors[question.key] = str(error)
    return errors


def _parse_line(question: Question, raw: Raw, ctx: AnswerContext) -> str:
    if not isinstance(raw, str):
        raise AnswerError("must be text")
    return raw.strip() if question.kind is not Kind.TEXT else raw.strip("\n ")


def _parse_choice(question: Question, raw: Raw, ctx: AnswerContext) -> str:
    if raw not in {value for value, _ in question.choices}:
        raise AnswerError(f"{raw!r} is not one of the choices")
    return str(raw)


def _parse_checks(question: Question, raw: Raw, ctx: AnswerContext) -> tuple[str, ...]:
    allowed = [value for value, _ in question.choices]
    if not isinstance(raw, list) or any(item not in allowed for item in raw):
        raise AnswerError(f"{raw!r} is not a set of the choices")
    return tuple(value for value in allowed if value in raw)  # in the questionnaire's order


def _parse_yes_no(question: Question, raw: Raw, ctx: AnswerContext) -> bool:
    if raw not in ("yes", "no"):
        raise AnswerError(f"{raw!r} is not yes or no")
    return bool(raw == "yes")


def _parse_rating(question: Question, raw: Raw, ctx: AnswerContext) -> int:
    if isinstance(raw, str) and raw.strip().isdigit():
        raw = int(raw.strip())
    if isinstance(raw, bool) or not isinstance(raw, int) or not 1 <= raw <= 10:
        raise AnswerError(f"Pick a number from 1 to 10, not {raw!r}")
    return raw


def _parse_when(question: Question, raw: Raw, ctx: AnswerContext) -> pendulum.DateTime:
    try:
        return parse_when(str(raw), ctx.now, prefer="past")
    except DateParseError as error:
        raise AnswerError(str(error), final=isinstance(error, AmbiguousDate)) from None


def _parse_upcoming(question: Question, raw: Raw, ctx: AnswerContext) -> pendulum.DateTime:
    try:
        return parse_when(str(raw), ctx.now, prefer="future")
    except DateParseError as error:
        raise AnswerError(str(error), final=isinstance(error, AmbiguousDate)) from None


def _parse_day(question: Question, raw: Raw, ctx: AnswerContext) -> Any:
    try:
        return parse_day(str(raw), ctx.interview_day or ctx.now.date(), prefer="future")
    except DateParseError as error:
        raise AnswerError(str(error), final=isinstance(error, AmbiguousDate)) from None


_DURATION = re.compile(
    r"^(?:(?P<hours>\d+(?:[.,]\d+)?|an?|one|two)\s*(?:h|hr|hrs|hours?)\s*)?"
    r"(?:(?P<minutes>\d+)\s*(?:m|min|mins|minutes?)?)?$"
)


def _parse_minutes(question: Question, raw: Raw, ctx: AnswerContext) -> int:
    """`45`, `45 min`, `1h`, `1h30`, `1.5 hours`, `an hour`, `1:30` as minutes."""
    text = str(raw).strip().lower()
    if re.fullmatch(r"\d+:\d{2}", text):
        hours, minutes = text.split(":")
        total = int(hours) * 60 + int(minutes)
    else:
        match = _DURATION.match(text)
        if match is None or not (match.group("hours") or match.group("minutes")):
            raise AnswerError(f"Can't read {raw!r} as a length of time: try 45 min, 1h or 1h30")
        hours_text = {"a": "1", "an": "1", "one": "1", "two": "2"}.get(
            match.group("hours") or "", match.group("hours") or "0"
        )
        total = round(float(hours_text.replace(",", ".")) * 60) + int(match.group("minutes") or 0)
    if not 5 <= total <= 24 * 60:
        raise AnswerError("An interview lasts from 5 minutes to a day")
    return total


def minutes_text(minutes: int) -> str:
    """A length as it is typed back (`45 min`, `1h`, `1h30`): what `_parse_minutes` reads."""
    hours, rest = divmod(minutes, 60)
    return f"{hours}h{rest:02d}" if hours and rest else f"{hours}h" if hours else f"{rest} min"


def _parse_amount(question: Question, raw: Raw, ctx: AnswerContext) -> Decimal:
    return parse_amount(str(raw))


THOUSANDS = {"k": Decimal(1000), "m": Decimal(1_000_000)}  # `90k`, `1.2m`: as pay is said


def parse_amount(raw: str) -> Decimal:
    """`85,000`, `85 000.50`, `90k` or `1.2m` as a Decimal; AnswerError saying what would
    work."""
    text = raw.strip().replace(",", "").replace("_", "").replace(" ", "")
    times = THOUSANDS.get(text[-1:].lower(), Decimal(1))
    if times != 1:
        text = text[:-1]
    try:
        amount = Decimal(text) * times
    except InvalidOperation:
        raise AnswerError(
            f"{str(raw).strip()!r} is not an amount — type digits, e.g. 85000 or 85k"
        ) from None
    if not amount.is_finite() or amount < 0:
        raise AnswerError("The amount must be a positive number")
    if amount >= MAX_AMOUNT:
        raise AnswerError("That amount is too large to be pay")
    return amount


def _parse_currency(question: Question, raw: Raw, ctx: AnswerContext) -> str:
    try:
        return normalise_currency(str(raw))
    except ModelError as error:
        raise AnswerError(f"{error.message} (e.g. USD, EUR, GBP)") from None


def _parse_cards(question: Question, raw: Raw, ctx: AnswerContext) -> tuple[Any, ...]:
    spec = question.card
    assert spec is not None, question.key
    if not isinstance(raw, list):
        raise AnswerError(f"must be a list of {spec.noun.lower()} cards")
    problems = spec.errors(raw)
    if problems:
        index, (field_name, message) = next(iter(problems.items()))
        label = dict(spec.fields).get(field_name, field_name)
        raise AnswerError(f"{spec.noun} {index + 1}: {label} {message}")
    return tuple(spec.build(card) for card in raw if spec.filled(card))


_PARSERS: dict[Kind, Callable[[Question, Raw, AnswerContext], Any]] = {
    Kind.LINE: _parse_line,
    Kind.TEXT: _parse_line,
    Kind.COMPANY: _parse_line,
    Kind.ROLE: _parse_line,
    Kind.CHOICE: _parse_choice,
    Kind.RATING: _parse_rating,
    Kind.WHEN: _parse_when,
    Kind.DAY: _parse_day,
    Kind.AMOUNT: _parse_amount,
    Kind.CURRENCY: _parse_currency,
    Kind.CARDS: _parse_cards,
    Kind.CHECKS: _parse_checks,
    Kind.YESNO: _parse_yes_no,
    Kind.MINUTES: _parse_minutes,
    Kind.UPCOMING: _parse_upcoming,
}
