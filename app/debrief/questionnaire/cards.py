"""The business cards a questionnaire collects: an interviewer's, and a question they
asked; what each card holds, the record a filled card becomes, and back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from debrief.model import AskedQuestion, Channel, Interviewer, ModelError
from debrief.questionnaire.form import CardSpec, choices_of

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
CARD_CHOICES = {"preferred", "answered"}


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


def describe_interviewer(person: Interviewer) -> str:
    """`Jane Doe, CTO · jane@acme.com · prefers email` on one line."""
    head = ", ".join(p for p in (person.name, person.title) if p)
    details = [d for d in (person.email, person.phone, person.linkedin) if d]
    return " · ".join([head, *details, f"prefers {person.preferred.label}"])


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


INTERVIEWER_CARD = CardSpec(
    noun="Interviewer",
    fields=CARD_FIELDS,
    rows=(("name", "title"), ("email", "phone"), ("linkedin", "preferred"),
          ("address_as", "mentioned")),
    choices={"preferred": CHANNEL_CHOICES},
    defaults={"preferred": Channel.EMAIL.value},
    prefix={"preferred": "Prefers "},
    build=_interviewer_from_card,
    describe=describe_interviewer,
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
    build=_question_from_card,
    describe=describe_question,
    add_label="+ Add another question",
)  # fmt: skip
