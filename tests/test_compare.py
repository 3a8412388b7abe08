"""Side by side and deciding: normalised money, currencies kept apart, hand-computed totals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from debrief.compare import (
    annual,
    columns_for,
    describe_pay,
    explanation,
    format_total,
    fully_scored,
    markdown,
    matrix,
    missing_scores,
    prefilled,
    ranking,
    scored_phrase,
    totals,
    unscored,
    with_criteria,
)
from debrief.model import (
    CURRENT_JOB,
    Criterion,
    Decision,
    ModelError,
    Money,
    Period,
    Rapport,
    Settings,
    Status,
)
from tests.samples import NOW, bare_reflection, opportunity


def money(amount: int, currency: str = "EUR", period: Period = Period.YEAR) -> Money:
    return Money(Decimal(amount), currency, period)


@pytest.mark.parametrize(
    "pay, yearly",
    [
        (money(60000), 60000),
        (money(5000, period=Period.MONTH), 60000),
        (money(400, period=Period.DAY), 104000),
        (money(50, period=Period.HOUR), 104000),
    ],
)
def test_pay_is_normalised_to_a_year(pay: Money, yearly: int) -> None:
    assert annual(pay) == yearly


def test_the_assumption_is_shown() -> None:
    assert (
        describe_pay(money(50, period=Period.HOUR))
        == "104,000 EUR a year (50 per hour; hourly × 40 × 52)"
    )
    assert describe_pay(money(60000)) == "60,000 EUR a year"
    assert describe_pay(None) == "—"


def sample(acme_pay: Money | None = None, globex_pay: Money | None = None) -> tuple:  # type: ignore[type-arg]
    acme, globex = opportunity("Acme"), opportunity("Globex", "SRE", status=Status.OFFER)
    reflections = [
        bare_reflection(acme.id, interview_at=NOW.subtract(days=9), rating=6, want_job=6),
        bare_reflection(acme.id, interview_at=NOW.subtract(days=2), rating=8, want_job=9, could_work_with=Rapport.YES,
                        money=acme_pay or money(90000), likes_role="Greenfield"),
        bare_reflection(globex.id, interview_at=NOW.subtract(days=5), rating=7, want_job=6, could_work_with=Rapport.UNSURE,
                        money=globex_pay or money(7000, period=Period.MONTH)),
    ]  # fmt: skip
    settings = Settings(
        current_company="Initrode", current_pay=money(70000), current_notes="Stable, little growth"
    )
    return [acme, globex], reflections, settings


def test_the_matrix_rows_and_best_cells() -> None:
    chosen, reflections, settings = sample()
    columns = columns_for(chosen, reflections, settings, include_current=True)
    rows = {row.aspect: row for row in matrix(columns)}
    assert [c.title for c in columns] == ["Acme", "Globex", "Initrode (now)"]
    assert rows["Rounds"].cells == ("2", "1", "—")
    assert rows["Self-rating, latest"].cells == ("8/10", "7/10", "—") and rows[
        "Self-rating, latest"
    ].best == {0}
    assert rows["Self-rating, average"].cells == ("7/10", "7/10", "—") and rows[
        "Self-rating, average"
    ].best == {0, 1}
    assert rows["Could work with them"].cells == ("Yes", "Unsure", "—") and rows[
        "Could work with them"
    ].best == {0}
    pay = rows["Pay (a year)"]
    assert pay.cells == (
        "90,000 EUR a year",
        "84,000 EUR a year (7,000 per month; monthly × 12)",
        "70,000 EUR a year",
    )
    assert pay.best == {0}
    assert pay.note == "a year is 52 weeks of 5 days or 40 hours"
    assert rows["What you like: the role"].cells == ("Greenfield", "—", "—")
    assert rows["Against your current job"].cells[2] == "Stable, little growth"


def test_different_currencies_are_flagged_never_compared() -> None:
    chosen, reflections, settings = sample(globex_pay=money(80000, "GBP"))
    rows = {
        row.aspect: row
        for row in matrix(columns_for(chosen, reflections, settings, include_current=False))
    }
    assert rows["Pay (a year)"].best == frozenset()
    assert (
        rows["Pay (a year)"].note
        == "different currencies (EUR, GBP): not compared, no exchange rate assumed"
    )


def test_prefill_from_the_journal_never_overrides_the_user() -> None:
    chosen, reflections, settings = sample()
    columns = columns_for(chosen, reflections, settings, include_current=True)
    decision = Decision(scores={chosen[1].id: {"Pay": 2}})
    filled = prefilled(decision, columns)
    acme, globex = chosen[0].id, chosen[1].id
    assert filled.scores[acme] == {
        "Pay": 5,
        "Culture / people": 4,
        "Role fit": 4,
    }  # 90k is the best; yes; 9/2 rounds to 4
    assert filled.scores[globex] == {
        "Pay": 2,
        "Culture / people": 3,
        "Role fit": 3,
    }  # the user's 2 stays
    assert filled.scores[CURRENT_JOB] == {"Pay": 4}  # 70k of 90k is 3.9


def test_weighted_totals_ranking_and_sentence() -> None:
    criteria = (
        Criterion("Pay", Decimal(3)),
        Criterion("Growth", Decimal(1)),
        Criterion("Balance", Decimal(2)),
    )
    decision = Decision(
        criteria,
        {"a": {"Pay": 5, "Growth": 4, "Balance": 1}, "b": {"Pay": 3, "Growth": 2, "Balance": 5}},
    )
    result = totals(decision, ["a", "b"])
    assert result == {"a": pytest.approx((15 + 4 + 2) / 6), "b": pytest.approx((9 + 2 + 10) / 6)}
    assert ranking(result) == [["a", "b"]]  # 21/6 each: a tie
    chosen, reflections, settings = sample()
    columns = columns_for(chosen, reflections, settings, include_current=False)
    keys = [c.key for c in columns]
    decided = Decision(
        criteria,
        {
            keys[0]: {"Pay": 5, "Growth": 4, "Balance": 1},
            keys[1]: {"Pay": 3, "Growth": 2, "Balance": 5},
        },
    )
    assert (
        explanation(decided, columns)
        == "Acme and Globex tie. Acme leads on pay and growth; Globex on balance."
    )
    ahead = Decision(
        criteria,
        {
            keys[0]: {"Pay": 5, "Growth": 4, "Balance": 3},
            keys[1]: {"Pay": 3, "Growth": 2, "Balance": 5},
        },
    )
    assert ranking(totals(ahead, keys)) == [[keys[0]], [keys[1]]]
    assert (
        explanation(ahead, columns)
        == "Acme comes first. Acme leads on pay and growth; Globex on balance."
    )


def test_an_unscored_criterion_is_missing_not_zero_and_nothing_is_ranked_until_scored() -> None:
    decision = Decision(scores={"a": {"Pay": 5, "Growth": 2}, "b": {}})
    assert totals(decision, ["a", "b"]) == {"a": pytest.approx((15 + 6) / 6), "b": None}
    assert unscored(decision, "a") == [
        "Work–life balance",
        "Location / commute",
        "Culture / people",
        "Role fit",
    ]
    assert scored_phrase(decision, "a") == "2 of 6 criteria scored"
    assert format_total(decision, "a", 3.5) == "3.50 (2 of 6 criteria scored)"
    assert format_total(decision, "b", None) == "—"
    assert not fully_scored(decision, ["a", "b"])
    chosen, reflections, settings = sample()
    columns = columns_for(chosen, reflections, settings, include_current=True)
    current_only_pay = prefilled(Decision(), columns)  # Acme and Globex: pay, culture, role fit
    assert explanation(current_only_pay, columns) == ""  # no verdict from what was left empty
    assert missing_scores(current_only_pay, columns) == (
        "To rank them, score Acme on growth, work–life balance and location / commute; "
        "Globex on growth, work–life balance and location / commute; "
        "Initrode (now) on growth, work–life balance, location / commute, culture / people "
        "and role fit."
    )
    text = markdown(columns, current_only_pay)
    assert "| **Total (0–5)** | | **4.38 (3 of 6 criteria scored)** |" in text
    assert text.rstrip().endswith("culture / people and role fit.")


def test_a_weight_of_zero_keeps_a_criterion_out_of_the_count() -> None:
    criteria = (Criterion("Pay", Decimal(1)), Criterion("Visa", Decimal(0)))
    decision = Decision(criteria, {"a": {"Pay": 4}, "b": {"Pay": 2}})
    assert fully_scored(decision, ["a", "b"]) and scored_phrase(decision, "a") == ""
    assert ranking(totals(decision, ["a", "b"])) == [["a"], ["b"]]


def test_each_row_shows_the_latest_answer_across_rounds_and_says_which() -> None:
    acme = opportunity("Acme")
    reflections = [
        bare_reflection(acme.id, interview_at=NOW.subtract(days=20), likes_role="Greenfield",
                        reservations="On-call", money=money(85000), want_job=8),
        bare_reflection(acme.id, interview_at=NOW.subtract(days=15), money=money(7500, period=Period.MONTH)),
        bare_reflection(acme.id, interview_at=NOW.subtract(days=9), reservations="None left",
                        money=money(7500, period=Period.MONTH)),
        bare_reflection(acme.id, interview_at=NOW.subtract(days=2), likes_role=""),
    ]  # fmt: skip
    settings = Settings(current_company="Initrode", current_role="Analyst", current_pay=money(1))
    columns = columns_for([acme], reflections, settings, include_current=True)
    rows = {row.aspect: row for row in matrix(columns)}
    assert rows["What you like: the role"].cells[0] == "Greenfield"
    assert rows["What you like: the role"].sources[0] == "round 1"
    assert rows["Reservations"].cells[0] == "None left"
    assert rows["Reservations"].sources[0] == "round 3"
    assert rows["Do you want it?"].cells[0] == "8/10"
    assert rows["Pay (a year)"].cells[0] == "90,000 EUR a year (7,500 per month; monthly × 12)"
    assert rows["Pay (a year)"].sources[0] == "round 3; round 1: 85,000 EUR per year"
    assert rows["Role"].cells == (acme.role, "Analyst")  # the current job's, from the profile
    text = markdown(columns, Decision())
    assert "| What you like: the role | Greenfield *(round 1)* | — |" in text


@pytest.mark.parametrize(
    "build, message",
    [
        (lambda: Criterion("Pay", Decimal(-1)), "must not be negative"),
        (lambda: Criterion("  ", Decimal(1)), "must not be empty"),
        (lambda: Decision((Criterion("Pay", Decimal(0)),)), "add up to zero"),
        (
            lambda: Decision((Criterion("Pay", Decimal(1)), Criterion("pay", Decimal(1)))),
            "same name",
        ),
        (lambda: Decision(scores={"a": {"Pay": 6}}), "from 0 to 5"),
        (lambda: Decision(scores={"a": {"Pay": -1}}), "from 0 to 5"),
    ],
)
def test_bad_weights_and_scores_are_refused(build: object, message: str) -> None:
    with pytest.raises(ModelError, match=message):
        build()  # type: ignore[operator]


def test_renaming_a_criterion_keeps_its_scores() -> None:
    decision = Decision(scores={"a": {"Growth": 4, "Pay": 2}})
    renamed = with_criteria(
        decision,
        [Criterion("Pay", Decimal(3)), Criterion("Learning", Decimal(3)), *decision.criteria[2:]],
    )
    assert renamed.scores == {"a": {"Learning": 4, "Pay": 2}}


def test_markdown_export_marks_the_best_and_escapes_pipes() -> None:
    chosen, reflections, settings = sample()
    chosen[0] = opportunity("Acme | Co")
    reflections = [
        bare_reflection(chosen[0].id, rating=9, money=money(1), likes_role="line one\nline two"),
        *reflections[2:],
    ]
    columns = columns_for(chosen, reflections, settings, include_current=False)
    text = markdown(columns, Decision())
    assert "| | Acme \\| Co | Globex |" in text
    assert "| Self-rating, latest | **9/10** | 7/10 |" in text
    assert "line one<br>line two" in text
    assert "| **Total (0–5)** | | **—** | **—** |" in text  # nothing scored: no total
    assert "score Acme \\| Co on pay" in text
