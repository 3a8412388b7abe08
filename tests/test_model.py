"""Records validate themselves and survive the trip to plain dicts and back."""

from __future__ import annotations

from decimal import Decimal

import pytest

from debrief.model import (
    Draft,
    Interviewer,
    ModelError,
    Money,
    Opportunity,
    Period,
    Reflection,
    Settings,
    from_dict,
    to_dict,
)
from tests.samples import NOW, full_reflection, opportunity


def test_every_reflection_field_survives_a_round_trip() -> None:
    original = full_reflection("opp-1")
    data = to_dict(original)
    assert data["money"] == {"amount": "95000.50", "currency": "EUR", "period": "year"}
    assert data["interview_at"] == "2026-11-21T15:00:00+01:00"
    assert data["reply_by"] == "2026-11-27"
    assert data["interviewers"][1]["preferred"] == "post"
    assert from_dict(Reflection, data) == original


def test_opportunity_and_draft_round_trip() -> None:
    job = opportunity()
    assert from_dict(Opportunity, to_dict(job)) == job
    draft = Draft(
        answers={"company": "Acme", "rating": 7, "interviewers": [{"name": "J"}]},
        started_at=NOW,
        updated_at=NOW,
    )
    assert from_dict(Draft, to_dict(draft)) == draft


@pytest.mark.parametrize("rating", [0, 11, 42, -1])
def test_rating_outside_one_to_ten_is_refused(rating: int) -> None:
    with pytest.raises(ModelError) as caught:
        full_reflection("opp-1", rating=rating)
    assert caught.value.field == "rating"


def test_a_boolean_is_not_a_rating() -> None:
    with pytest.raises(ModelError):
        full_reflection("opp-1", want_job=True)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ModelError, match="time zone"):
        full_reflection("opp-1", interview_at=NOW.naive())


@pytest.mark.parametrize("company, role", [("", "Engineer"), ("Acme", "   ")])
def test_company_and_role_must_not_be_blank(company: str, role: str) -> None:
    with pytest.raises(ModelError):
        opportunity(company=company, role=role)


def test_interviewer_email_must_look_like_an_email() -> None:
    with pytest.raises(ModelError) as caught:
        Interviewer(name="Jane", email="jane@acme")
    assert caught.value.field == "email"
    assert Interviewer(name="Jane", email="jane@acme.example").email == "jane@acme.example"


@pytest.mark.parametrize("amount", [Decimal("-1"), Decimal("NaN"), Decimal("Infinity")])
def test_money_must_be_finite_and_not_negative(amount: Decimal) -> None:
    with pytest.raises(ModelError):
        Money(amount, "EUR")


def test_currency_is_normalised_and_checked_against_iso_4217() -> None:
    assert Money(Decimal(1), " eur ").currency == "EUR"
    with pytest.raises(ModelError, match="ISO 4217"):
        Money(Decimal(1), "EUD")
    with pytest.raises(ModelError):
        Settings(default_currency="euro")


@pytest.mark.parametrize(
    "period, annual",
    [
        (Period.YEAR, 60000),
        (Period.MONTH, 720000),
        (Period.DAY, 15600000),
        (Period.HOUR, 124800000),
    ],
)
def test_annual_figure_uses_stated_working_time(period: Period, annual: int) -> None:
    assert Money(Decimal(60000), "USD", period).annual() == annual


def test_decoding_names_the_bad_field() -> None:
    data = to_dict(full_reflection("opp-1"))
    data["rating"] = 42
    with pytest.raises(ModelError) as caught:
        from_dict(Reflection, data)
    assert caught.value.field == "rating"
    data["rating"] = "7"
    with pytest.raises(ModelError, match="whole number"):
        from_dict(Reflection, data)
    data["rating"] = 7
    data["interview_at"] = "2026-13-45"
    with pytest.raises(ModelError) as caught:
        from_dict(Reflection, data)
    assert caught.value.field == "interview_at"
    data["interview_at"] = "2026-11-20T14:00:00+01:00"
    data["stage"] = "lunch"
    with pytest.raises(ModelError, match="lunch"):
        from_dict(Reflection, data)


def test_missing_required_field_is_reported() -> None:
    data = to_dict(full_reflection("opp-1"))
    del data["rating"]
    with pytest.raises(ModelError, match="rating: is missing"):
        from_dict(Reflection, data)


def test_draft_label_says_what_the_draft_is_about() -> None:
    assert (
        Draft(answers={"company": "Acme", "role": "SRE"}, started_at=NOW, updated_at=NOW).label
        == "Acme — SRE"
    )
    assert Draft(answers={}, started_at=NOW, updated_at=NOW).label == "an untitled interview"
