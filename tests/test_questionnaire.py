"""The questionnaire as data, and the rules that turn raw answers into a Reflection."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from debrief.model import Channel, Money, Period, Rapport, Reflection, Stage
from debrief.questionnaire import (
    QUESTIONS,
    STEPS,
    AnswerContext,
    AnswersInvalid,
    Kind,
    answer_errors,
    answers_from_reflection,
    display_answer,
    new_answers,
    parse_answers,
    pin_dates,
    step_errors,
)
from tests.samples import NOW

CTX = AnswerContext(now=NOW, default_currency="EUR")
COMPOSITE = {"company", "role", "money_amount", "money_currency", "money_period"}


def filled(**changes: object) -> dict[str, object]:
    answers = new_answers(CTX)
    answers.update(company="Acme", role="Data Engineer", rating=7)
    answers.update(changes)
    return answers


def test_twelve_steps_each_with_a_hint() -> None:
    assert len(STEPS) == 12
    assert all(step.hint and step.questions for step in STEPS)
    assert [q.key for q in STEPS[0].questions] == [
        "company",
        "role",
        "interview_at",
        "duration_minutes",
        "stage",
        "format",
    ]


def test_every_question_lands_in_a_reflection_field() -> None:
    fields = {f.name for f in dataclasses.fields(Reflection)}
    assert set(QUESTIONS) - COMPOSITE <= fields
    assert {k for k, q in QUESTIONS.items() if q.required} == {
        "company",
        "role",
        "interview_at",
        "rating",
    }


def test_a_fresh_questionnaire_has_sensible_defaults() -> None:
    answers = new_answers(CTX)
    assert answers["interview_at"] == "2026-11-22 14:05"
    assert answers["money_currency"] == "EUR"
    assert answers["money_period"] == "year"
    assert answers["interviewers"] == [] and answers["rating"] is None


def test_required_answers_are_reported_at_their_fields() -> None:
    errors = answer_errors(new_answers(CTX), CTX)
    assert errors == {
        "company": "Company is required",
        "role": "Role is required",
        "rating": "Required: press a digit 1–9, or 0 for 10",
    }
    with pytest.raises(AnswersInvalid) as caught:
        parse_answers(new_answers(CTX), CTX)
    assert set(caught.value.errors) == {"company", "role", "rating"}


@pytest.mark.parametrize(
    "key, raw, message",
    [
        ("rating", 11, "Pick a number from 1 to 10, not 11"),
        ("want_job", 0, "Pick a number from 1 to 10, not 0"),
        ("money_amount", "abc", "'abc' is not an amount — type digits, e.g. 85000 or 85k"),
        ("money_amount", "-5", "The amount must be a positive number"),
        ("money_amount", "1e15", "That amount is too large to be pay"),
        ("money_currency", "EUD", "'EUD' is not an ISO 4217 currency code (e.g. USD, EUR, GBP)"),
        (
            "interview_at",
            "2026-13-45",
            "Can't read '2026-13-45' as a date. Try 2026-11-20 14:00, today 14:00 or yesterday",
        ),
        (
            "reply_by",
            "someday",
            "Can't read 'someday' as a date. Try 2026-11-20 14:00, today 14:00 or yesterday",
        ),
        ("stage", "lunch", "'lunch' is not one of the choices"),
    ],
)
def test_bad_answers_get_a_clear_message(key: str, raw: object, message: str) -> None:
    errors = answer_errors(filled(**{key: raw}), CTX)
    assert errors == {key: message}


def test_a_complete_set_of_answers_becomes_a_reflection() -> None:
    answers = filled(
        interview_at="yesterday 15:00",
        stage="technical",
        format="video",
        interviewers=[
            {
                "name": " Jane Doe ",
                "title": "CTO",
                "email": "jane@acme.example",
                "preferred": "linkedin",
            },
            {
                "name": "",
                "title": "",
                "email": "",
                "phone": "",
                "linkedin": "",
                "preferred": "email",
            },
        ],
        could_work_with="yes",
        money_amount="95,000.50",
        money_currency="gbp",
        money_period="month",
        want_job=9,
        reply_by="friday",
        went_well="  Clear answers\n",
    )
    parsed = parse_answers(answers, CTX)
    assert (parsed.company, parsed.role) == ("Acme", "Data Engineer")
    reflection = parsed.reflection("opp-1", now=NOW, reflection_id="r-1")
    assert reflection.id == "r-1"
    assert reflection.interview_at == NOW.subtract(days=1).set(hour=15, minute=0)
    assert reflection.stage is Stage.TECHNICAL
    assert reflection.could_work_with is Rapport.YES
    assert reflection.money == Money(Decimal("95000.50"), "GBP", Period.MONTH)
    assert reflection.reply_by == date(2026, 11, 27)
    assert [i.name for i in reflection.interviewers] == ["Jane Doe"]  # the blank card is dropped
    assert reflection.interviewers[0].preferred is Channel.LINKEDIN
    assert reflection.went_well == "Clear answers"
    assert reflection.created_at == reflection.updated_at == NOW


def test_no_amount_means_no_money_whatever_the_currency() -> None:
    reflection = parse_answers(filled(money_currency="GBP"), CTX).reflection("opp", now=NOW)
    assert reflection.money is None


def test_updating_keeps_identity_and_creation_time() -> None:
    first = parse_answers(filled(), CTX).reflection("opp", now=NOW.subtract(days=2))
    later = parse_answers(filled(rating=9), CTX).reflection("opp", now=NOW, previous=first)
    assert (later.id, later.created_at, later.updated_at, later.rating) == (
        first.id,
        first.created_at,
        NOW,
        9,
    )


def test_a_card_without_a_name_is_flagged_with_its_number() -> None:
    cards = [{"name": "Jane"}, {"name": "", "email": "x@y.example"}]
    assert answer_errors(filled(interviewers=cards), CTX) == {
        "interviewers": "Interviewer 2: Name must not be empty"
    }


def test_step_errors_only_look_at_that_step() -> None:
    answers = new_answers(CTX)
    rating_step = next(step for step in STEPS if step.key == "rating")
    assert step_errors(rating_step, answers, CTX) == {
        "rating": "Required: press a digit 1–9, or 0 for 10"
    }


def test_relative_dates_are_pinned_in_drafts() -> None:
    pinned = pin_dates(
        filled(interview_at="yesterday 3pm", reply_by="friday", went_well="yesterday"), CTX
    )
    assert pinned["interview_at"] == "2026-11-21 15:00"
    assert pinned["reply_by"] == "2026-11-27"
    assert pinned["went_well"] == "yesterday"  # text answers are never touched
    assert pin_dates(filled(interview_at="2026-13-45"), CTX)["interview_at"] == "2026-13-45"


def test_review_shows_answers_in_words() -> None:
    assert display_answer(QUESTIONS["rating"], 7, CTX) == "7 / 10"
    assert display_answer(QUESTIONS["stage"], "hiring_manager", CTX) == "Hiring manager"
    assert (
        display_answer(QUESTIONS["interview_at"], "yesterday 15:00", CTX)
        == "Sat 21 Nov 2026, 15:00"
    )
    assert display_answer(QUESTIONS["went_well"], "   ", CTX) == ""
    card = {"name": "Jane", "title": "CTO", "email": "jane@acme.example", "preferred": "post"}
    assert display_answer(QUESTIONS["interviewers"], [card], CTX) == (
        "Jane, CTO · jane@acme.example · prefers post / express mail"
    )
    assert all(q.kind in Kind for q in QUESTIONS.values())


def test_an_edit_prefills_answers_that_rebuild_the_same_reflection() -> None:
    from tests.samples import full_reflection, opportunity

    job = opportunity()
    original = full_reflection(job.id)
    answers = answers_from_reflection(original, job, CTX)
    assert answers["interview_at"] == "2026-11-21 15:00"
    assert answers["stage"] == "technical" and type(answers["stage"]) is str
    assert answers["money_amount"] == "95000.50"
    parsed = parse_answers(answers, CTX)
    assert (parsed.company, parsed.role) == (job.company, job.role)
    rebuilt = parsed.reflection(job.id, now=NOW.add(hours=1), previous=original)
    assert rebuilt == dataclasses.replace(original, updated_at=NOW.add(hours=1))


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("90k", "90000"), ("90K", "90000"), ("92.5k", "92500"), ("1.2m", "1200000"), ("85,000", "85000")],
)
def test_pay_is_read_as_people_say_it(typed: str, amount: str) -> None:
    """The report: "90k" was refused ("not an amount")."""
    from decimal import Decimal

    from debrief.questionnaire.checks import parse_amount

    assert parse_amount(typed) == Decimal(amount)


@pytest.mark.parametrize(
    ("key", "typed", "note"),
    [
        ("interview_at", "yesterday 14:00", "→ Sat 21 Nov 2026, 14:00"),
        ("interview_at", "next friday 10:00", "→ Fri 27 Nov 2026, 10:00  · still to come? (i on home plans it)"),
        ("reply_by", "end of next week", "→ Fri 27 Nov 2026"),
        ("reply_by", "Mar", "→ Sun 8 Mar 2026  · already past"),
    ],
)
def test_a_date_on_the_wrong_side_of_now_is_said_beside_it(key: str, typed: str, note: str) -> None:
    """The reports: an interview "next friday" was taken silently for a reflection; "When
    did they say you'd hear?" took "Mar" as nine months before the interview."""
    from debrief.questionnaire.review import answer_note
    from debrief.questionnaire.steps import STEPS

    question = next(q for step in STEPS for q in step.questions if q.key == key)
    assert answer_note(question, typed, CTX) == note
