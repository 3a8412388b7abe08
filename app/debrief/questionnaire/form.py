"""What a questionnaire is made of: steps of questions, each of a kind, and the business
cards a CARDS question collects. The steps themselves are data, in `steps.py`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from debrief.model import LabelledEnum, ModelError

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
