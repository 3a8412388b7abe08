"""The post-interview questionnaire as data, and the rules that turn answers into a Reflection.

The UI renders whatever `STEPS` lists: adding a question is one `Question` entry here
(plus a field on `Reflection` if it is stored). Answers travel as *raw* values, exactly
as typed, so a draft keeps even text that does not validate yet; `parse_answer` and
`build_reflection` turn them into typed values or field-level messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

import pendulum

from debrief.dates import DateParseError, format_day, format_moment, parse_day, parse_when
from debrief.model import (
    MAX_AMOUNT,
    Ask,
    AskedQuestion,
    Channel,
    Format,
    Interview,
    Interviewer,
    LabelledEnum,
    ModelError,
    Money,
    Opportunity,
    Period,
    Rapport,
    Reflection,
    Stage,
    new_id,
    normalise_currency,
)

Raw = Any  # str for text-like kinds, int | None for ratings, list[dict[str, str]] for cards


class Kind(StrEnum):
    LINE = "line"  # one line of text
    TEXT = "text"  # free text, several lines
    CHOICE = "choice"  # one of `Question.choices`
    RATING = "rating"  # 1–10
    WHEN = "when"  # a moment: date and time
    DAY = "day"  # a calendar day
    AMOUNT = "amount"  # a non-negative decimal
    CURRENCY = "currency"  # an ISO 4217 code
    CARDS = "cards"  # interviewers' business cards
    CHECKS = "checks"  # any number of `Question.choices`
    YESNO = "yesno"  # yes, no, or not answered
    COMPANY = "company"  # a line completed from known companies
    ROLE = "role"  # a line completed from the company's known roles
    MINUTES = "minutes"  # how long something lasted: 45, 45 min, 1h30
    UPCOMING = "upcoming"  # a moment, read as one ahead ("friday" is the next one)


def choices_of(enum: type[LabelledEnum]) -> tuple[tuple[str, str], ...]:
    return tuple((member.value, member.label) for member in enum)


YES_NO = (("yes", "Yes"), ("no", "No"))


@dataclass(frozen=True)
class CardSpec:
    """What a CARDS question collects, one card each: the fields, how they are laid out
    (rows of keys), which of them are a choice, and the record a filled card becomes."""

    noun: str  # "Interviewer": each card's title is "Interviewer 2"
    fields: tuple[tuple[str, str], ...]  # key, label
    rows: tuple[tuple[str, ...], ...]
    choices: Mapping[str, tuple[tuple[str, str], ...]]  # key -> (value, label)
    defaults: Mapping[str, str]  # a choice's value on a new card
    prefix: Mapping[str, str]  # shown before a choice's label ("Prefers ")
    build: Callable[[Mapping[str, Any]], Any]  # a filled card -> its record, or ModelError
    describe: Callable[[Any], str]  # a record on one line, for the review page
    add_label: str  # the button that adds a card

    def filled(self, card: Any) -> bool:
        """A card with something typed in it (a choice alone is not an answer)."""
        return isinstance(card, dict) and any(
            str(card.get(key) or "").strip() for key, _ in self.fields if key not in self.choices
        )

    def errors(self, cards: list[Any]) -> dict[int, tuple[str, str]]:
        """Problems per filled card (by position): the field at fault and what is wrong."""
        problems: dict[int, tuple[str, str]] = {}
        for index, card in enumerate(cards):
            if not self.filled(card):
                continue
            try:
                self.build(card)
            except ModelError as error:
                problems[index] = (error.field, error.message)
        return problems


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    kind: Kind
    required: bool = False
    placeholder: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    card: CardSpec | None = None  # what a CARDS question collects


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    hint: str
    questions: tuple[Question, ...]

    @property
    def optional(self) -> bool:
        return not any(q.required for q in self.questions)


CARD_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "Name"),
    ("title", "Title"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("linkedin", "LinkedIn"),
    ("preferred", "Preferred contact"),
    ("address_as", "Address as"),
    ("mentioned", "Something they mentioned"),
)
CHANNEL_CHOICES = choices_of(Channel)
ANSWERED_CHOICES = (
    ("1", "1 · badly"),
    ("2", "2 · not well"),
    ("3", "3 · all right"),
    ("4", "4 · well"),
    ("5", "5 · very well"),
)


INTERVIEWER_CARD = CardSpec(
    noun="Interviewer",
    fields=CARD_FIELDS,
    rows=(("name", "title"), ("email", "phone"), ("linkedin", "preferred"),
          ("address_as", "mentioned")),
    choices={"preferred": CHANNEL_CHOICES},
    defaults={"preferred": Channel.EMAIL.value},
    prefix={"preferred": "Prefers "},
    build=lambda card: _interviewer_from_card(card),
    describe=lambda person: describe_interviewer(person),
    add_label="+ Add another interviewer",
)  # fmt: skip
QUESTION_CARD = CardSpec(
    noun="Question",
    fields=(("text", "The question"), ("answered", "How well you answered"),
            ("better_answer", "A better answer")),
    rows=(("text",), ("answered", "better_answer")),
    choices={"answered": ANSWERED_CHOICES},
    defaults={},
    prefix={"answered": "Answered "},
    build=lambda card: _question_from_card(card),
    describe=lambda question: describe_question(question),
    add_label="+ Add another question",
)  # fmt: skip


def _text(key: str, label: str, placeholder: str = "") -> Question:
    return Question(key, label, Kind.TEXT, placeholder=placeholder)


STEPS: tuple[Step, ...] = (
    Step(
        "opportunity",
        "The opportunity",
        "Write it down now, while it is fresh: the details fade within hours.",
        (
            Question("company", "Company", Kind.COMPANY, required=True, placeholder="Acme"),
            Question("role", "Role", Kind.ROLE, required=True, placeholder="Data Engineer"),
            Question(
                "interview_at",
                "Interview date and time",
                Kind.WHEN,
                required=True,
                placeholder="2026-11-20 14:00, today 14:00, yesterday",
            ),
            Question(
                "duration_minutes",
                "How long did it last?",
                Kind.MINUTES,
                placeholder="45 min, 1h30 (an hour if left empty)",
            ),
            Question("stage", "Stage", Kind.CHOICE, choices=choices_of(Stage)),
            Question("format", "Format", Kind.CHOICE, choices=choices_of(Format)),
        ),
    ),
    Step(
        "interviewers",
        "Interviewers",
        "Spelling matters: get each name, title and email exactly right — "
        "your thank-you note depends on them.",
        (Question("interviewers", "Business cards", Kind.CARDS, card=INTERVIEWER_CARD),),
    ),
    Step(
        "rating",
        "Your performance",
        "Be honest with yourself — you'll only get better if you see where to improve.",
        (Question("rating", "Overall, how did you do? (1–10)", Kind.RATING, required=True),),
    ),
    Step(
        "questions",
        "Questions they asked",
        "Think over the questions you were asked while you remember them: the ones you "
        "answered badly are the best practice for next time.",
        (Question("questions", "Questions", Kind.CARDS, card=QUESTION_CARD),),
    ),
    Step(
        "went_well",
        "What went well",
        "Note where you performed strongly, so you can do it again.",
        (_text("went_well", "Where did you perform strongly?"),),
    ),
    Step(
        "went_badly",
        "What didn't go so well",
        "Every interview is a lesson: an answer you would change is one you'll nail next time.",
        (
            _text("went_badly", "What didn't go so well?"),
            _text("answer_differently", "Where would you answer differently?"),
        ),
    ),
    Step(
        "interviewer",
        "The interviewer",
        "You were interviewing them too: could you see yourself working with this person?",
        (
            _text("rapport", "How did you get on?"),
            Question(
                "could_work_with",
                "Could you see yourself working with them?",
                Kind.CHOICE,
                choices=choices_of(Rapport),
            ),
        ),
    ),
    Step(
        "likes",
        "Role and company",
        "What draws you to this job? It helps you decide, and it makes a sincere thank-you.",
        (
            _text("likes_role", "What do you like about the role?"),
            _text("likes_company", "What do you like about the company?"),
        ),
    ),
    Step(
        "reservations",
        "Reservations",
        "Name your doubts now, and how they could be resolved — ask about them next round.",
        (
            _text("reservations", "Any reservations?"),
            _text("resolve_reservations", "How could they be resolved?"),
        ),
    ),
    Step(
        "money",
        "Money",
        "Optional. Write down any figure mentioned, exactly as it was said.",
        (
            Question("money_amount", "Amount", Kind.AMOUNT, placeholder="85000"),
            Question("money_currency", "Currency (ISO code)", Kind.CURRENCY, placeholder="EUR"),
            Question("money_period", "Period", Kind.CHOICE, choices=choices_of(Period)),
            _text("money_notes", "Notes", "bonus, equity, range, flexibility…"),
        ),
    ),
    Step(
        "comparison",
        "Comparison",
        "Compare honestly: with the job you have, and with your other options.",
        (
            _text("vs_current_job", "Compared with your current job?"),
            _text("vs_other_opportunities", "Compared with your other opportunities?"),
        ),
    ),
    Step(
        "next",
        "Next steps",
        "Ask about next steps and timing before you leave; keep one point for your thank-you.",
        (
            Question("asked", "Before leaving, did you…", Kind.CHECKS, choices=choices_of(Ask)),
            Question("want_job", "Do you want this job? (1–10)", Kind.RATING),
            _text("next_steps", "Next steps they described"),
            Question(
                "references_requested",
                "Did they ask for your references?",
                Kind.YESNO,
                choices=YES_NO,
            ),
            Question(
                "reply_by",
                "When did they say you'd hear?",
                Kind.DAY,
                placeholder="by friday, in a week, end of next week, 2026-12-11",
            ),
            Question(
                "replies_from",
                "Who said they would get back to you?",
                Kind.LINE,
                placeholder="one of the interviewers, or the recruiter",
            ),
            Question(
                "may_follow_up",
                "May you follow up? What they said",
                Kind.YESNO,
                choices=(("yes", "They said yes"), ("no", "They said no")),
            ),
            _text("feedback", "Feedback asked for / received"),
            _text("key_point", "One key discussion point (for the thank-you note)"),
            _text("lessons", "Lessons for next time"),
        ),
    ),
)

QUESTIONS: dict[str, Question] = {q.key: q for step in STEPS for q in step.questions}


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
    """One answer cannot be used as typed; the message is shown at the field."""


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


CARD_CHOICES = {"preferred", "answered"}


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


_REQUIRED = {
    Kind.RATING: "Required: press a digit 1–9, or 0 for 10",
    Kind.WHEN: "Required: e.g. 2026-11-20 14:00, today 14:00 or yesterday",
}


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
        raise AnswerError(str(error)) from None


def _parse_upcoming(question: Question, raw: Raw, ctx: AnswerContext) -> pendulum.DateTime:
    try:
        return parse_when(str(raw), ctx.now, prefer="future")
    except DateParseError as error:
        raise AnswerError(str(error)) from None


def _parse_day(question: Question, raw: Raw, ctx: AnswerContext) -> Any:
    try:
        return parse_day(str(raw), ctx.interview_day or ctx.now.date(), prefer="future")
    except DateParseError as error:
        raise AnswerError(str(error)) from None


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


def _parse_amount(question: Question, raw: Raw, ctx: AnswerContext) -> Decimal:
    return parse_amount(str(raw))


def parse_amount(raw: str) -> Decimal:
    """`85,000` or `85 000.50` as a Decimal; AnswerError saying what would work."""
    text = raw.strip().replace(",", "").replace("_", "").replace(" ", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise AnswerError(
            f"{str(raw).strip()!r} is not an amount — type digits, e.g. 85000"
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


def _text_of(card: Mapping[str, Any], key: str) -> str:
    return str(card.get(key) or "").strip()


def _interviewer_from_card(card: Mapping[str, Any]) -> Interviewer:
    preferred = _text_of(card, "preferred") or Channel.EMAIL.value
    if preferred not in {value for value, _ in CHANNEL_CHOICES}:
        raise ModelError("preferred", f"{preferred!r} is not a channel")
    return Interviewer(
        name=_text_of(card, "name"),
        title=_text_of(card, "title"),
        email=_text_of(card, "email"),
        phone=_text_of(card, "phone"),
        linkedin=_text_of(card, "linkedin"),
        preferred=Channel(preferred),
        notes=_text_of(card, "notes"),  # not on the card form, but kept through an edit
        address_as=_text_of(card, "address_as"),
        mentioned=_text_of(card, "mentioned"),
    )


def _question_from_card(card: Mapping[str, Any]) -> AskedQuestion:
    answered = _text_of(card, "answered")
    if answered and answered not in dict(ANSWERED_CHOICES):
        raise ModelError("answered", f"{answered!r} is not from 1 to 5")
    return AskedQuestion(
        text=_text_of(card, "text"),
        answered=int(answered) if answered else None,
        better_answer=_text_of(card, "better_answer"),
    )


def describe_question(question: AskedQuestion) -> str:
    """`Design a cache · answered 2/5 · better: start from the access pattern`."""
    parts = [question.text]
    if question.answered is not None:
        parts.append(f"answered {question.answered}/5")
    if question.better_answer:
        parts.append(f"better: {question.better_answer}")
    return " · ".join(parts)


def card_of_interviewer(person: Interviewer) -> dict[str, str]:
    return {key: getattr(person, key) for key, _ in CARD_FIELDS if key != "preferred"} | {
        "preferred": person.preferred.value,
        "notes": person.notes,
    }


def card_of_question(question: AskedQuestion) -> dict[str, str]:
    answered = "" if question.answered is None else str(question.answered)
    return {"text": question.text, "answered": answered, "better_answer": question.better_answer}


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
        elif value is None and QUESTIONS[key].kind is not Kind.RATING:
            value = ""
        answers[key] = value
    answers["asked"] = [ask.value for ask in reflection.asked]
    answers["references_requested"] = "yes" if reflection.references_requested else ""
    answers["may_follow_up"] = {True: "yes", False: "no", None: ""}[reflection.may_follow_up]
    minutes = reflection.duration_minutes
    answers["duration_minutes"] = "" if minutes is None else _minutes_text(minutes)
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
        duration_minutes="" if minutes is None else _minutes_text(minutes),
        stage=interview.stage.value if interview.stage else "",
        format=interview.format.value if interview.format else "",
        interviewers=[card_of_interviewer(person) for person in interview.interviewers],
    )
    return answers


def _minutes_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours}h{rest:02d}" if hours and rest else f"{hours}h" if hours else f"{rest} min"


# Answers that are not one Reflection field each (set one by one above).
_NOT_PLAIN_FIELDS = {
    "asked",
    "references_requested",
    "may_follow_up",
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

SCHEDULE: tuple[Question, ...] = (
    Question("company", "Company", Kind.COMPANY, required=True, placeholder="Globex"),
    Question("role", "Role", Kind.ROLE, required=True, placeholder="Platform Engineer"),
    Question(
        "start",
        "Date and time",
        Kind.UPCOMING,
        required=True,
        placeholder="tomorrow 10:00, friday 14:30, 2026-12-10 09:00",
    ),
    Question(
        "duration_minutes",
        "How long?",
        Kind.MINUTES,
        placeholder="45 min, 1h30 (an hour if left empty)",
    ),
    Question("stage", "Stage", Kind.CHOICE, choices=choices_of(Stage)),
    Question("format", "Format", Kind.CHOICE, choices=choices_of(Format)),
    Question(
        "where",
        "Where, or the video link",
        Kind.LINE,
        placeholder="Globex HQ, 3rd floor · https://meet.example/abc",
    ),
    Question("interviewers", "Who you will meet (if you know)", Kind.CARDS, card=INTERVIEWER_CARD),
)
SCHEDULE_QUESTIONS = {question.key: question for question in SCHEDULE}


def schedule_errors(answers: Mapping[str, Raw], ctx: AnswerContext) -> dict[str, str]:
    errors = {}
    for question in SCHEDULE:
        try:
            parse_answer(question, answers.get(question.key), ctx)
        except AnswerError as error:
            errors[question.key] = str(error)
    return errors


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
    return "→ " + (format_day(value) if question.kind is Kind.DAY else format_moment(value))


# --- showing answers back (review page) -------------------------------------------------


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
        return _minutes_text(value)
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


def describe_interviewer(person: Interviewer) -> str:
    """`Jane Doe, CTO · jane@acme.com · prefers email` on one line."""
    head = ", ".join(p for p in (person.name, person.title) if p)
    details = [d for d in (person.email, person.phone, person.linkedin) if d]
    return " · ".join([head, *details, f"prefers {person.preferred.label}"])
