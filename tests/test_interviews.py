"""Scheduled interviews, preparation and the question bank: the domain, without the app."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from debrief.interviews import (
    before_leaving,
    ended_phrase,
    interview_title,
    schedule,
    suggest_prep,
    when_phrase,
)
from debrief.model import AskedQuestion, ModelError, Money, Stage, Status
from debrief.questions import every_question, fold_question, question_bank, similar, weakest
from tests.samples import NOW, bare_reflection, opportunity, scheduled

ACME = opportunity()


def test_schedule_splits_what_is_ahead_from_what_awaits_a_reflection() -> None:
    ahead = scheduled(ACME.id, id="ahead")
    over = scheduled(ACME.id, id="over", start=NOW.subtract(hours=3), duration_minutes=60)
    running = scheduled(ACME.id, id="running", start=NOW.subtract(minutes=30))
    reflected = replace(over, id="reflected", reflection_id="r1")
    dismissed = replace(over, id="dismissed", dismissed_at=NOW)
    plan = schedule([ahead, over, running, reflected, dismissed], NOW)
    assert [i.id for i in plan.upcoming] == ["running", "ahead"]  # (running: not over yet)
    assert [i.id for i in plan.to_reflect] == ["over"]
    assert ended_phrase(over, NOW) == "ended 2 hours ago"


@pytest.mark.parametrize("status", [Status.WITHDRAWN, Status.REJECTED, Status.ACCEPTED])
def test_an_opportunity_you_are_done_with_has_no_interview_ahead(status: Status) -> None:
    """The report: after setting Withdrawn, its Fri 11 Dec interview was still on the agenda
    as ahead. One that took place still asks for a reflection."""
    done = replace(ACME, status=status)
    ahead = scheduled(ACME.id, id="ahead")
    over = scheduled(ACME.id, id="over", start=NOW.subtract(hours=3), duration_minutes=60)
    plan = schedule([ahead, over], NOW, [done])
    assert plan.upcoming == []
    assert [i.id for i in plan.to_reflect] == ["over"]
    for still in (Status.INTERVIEWING, Status.OFFER, Status.GHOSTED):
        assert schedule([ahead], NOW, [replace(ACME, status=still)]).upcoming == [ahead]


def test_titles_and_times_read_as_a_person_says_them() -> None:
    onsite = scheduled(ACME.id)
    assert interview_title(onsite, ACME) == "Acme — onsite"
    assert interview_title(replace(onsite, stage=None), ACME) == "Acme — Data Engineer"
    assert when_phrase(NOW.add(hours=1), NOW) == "today 15:05"
    assert when_phrase(NOW.add(days=1).set(hour=10, minute=0), NOW) == "tomorrow 10:00"
    assert when_phrase(NOW.add(days=5).set(hour=9, minute=30), NOW) == "Fri 27 Nov, 09:30"


def test_an_interview_must_have_a_sane_length_and_ends_after_it() -> None:
    assert scheduled(ACME.id, duration_minutes=None).end == NOW.add(days=2).set(hour=11, minute=0)
    with pytest.raises(ModelError, match="duration_minutes"):
        scheduled(ACME.id, duration_minutes=2)


def test_prep_suggests_from_the_earlier_rounds_and_the_checklist() -> None:
    first = bare_reflection(
        ACME.id, interview_at=NOW.subtract(days=7), stage=Stage.TECHNICAL,
        reservations="On-call load", resolve_reservations="Ask the team lead about rotations",
        went_well="Explained the Kafka migration.\nMore.",
        answer_differently="Start from the read/write ratio.",
        money=Money(Decimal(90000), "EUR"), references_requested=True,
    )  # fmt: skip
    second = bare_reflection(ACME.id, reservations="Long commute")
    prep = suggest_prep(scheduled(ACME.id), [first, second], [], ["Ask about parking"])
    assert prep.questions[:2] == [  # the latest round first
        "Ask about Long commute (your reservation after round 2)",
        "Ask the team lead about rotations (your reservation after round 1: On-call load)",
    ]
    assert prep.questions[2:] == before_leaving(["Ask about parking"])
    assert prep.questions[-1] == "Ask about parking"
    assert prep.mention == [
        "Explained the Kafka migration. (went well after round 1)",
        "Start from the read/write ratio. (to answer better than after round 1)",
    ]
    assert prep.salary == ["Discussed: 90,000 EUR per year (after round 1)"]
    assert prep.references  # asked for them before (and an onsite is a late stage)


def test_prep_lists_the_questions_answered_worst_at_the_same_stage() -> None:
    onsite = [
        bare_reflection(ACME.id, id=f"r{n}", stage=Stage.ONSITE, interview_at=NOW.subtract(days=n),
                        questions=(AskedQuestion(text, answered),))
        for n, (text, answered) in enumerate(
            [("Why do you want to leave?", 2), ("Design a URL shortener", 1),
             ("Tell me about yourself", 5)], start=1)
    ]  # fmt: skip
    phone = bare_reflection(ACME.id, stage=Stage.PHONE_SCREEN,
                            questions=(AskedQuestion("Salary expectations?", 1),))  # fmt: skip
    asked = every_question([*onsite, phone], {ACME.id: ACME})
    prep = suggest_prep(scheduled(ACME.id), [], asked)
    assert prep.weakest == [
        "Design a URL shortener (your answers: 1 of 5)",
        "Why do you want to leave? (your answers: 2 of 5)",
    ]


def test_questions_fold_and_group_near_duplicates() -> None:
    assert fold_question("  Tell me about YOURSELF?! ") == fold_question("tell me about yourself")
    assert fold_question("Pourquoi Été ?") == "pourquoi ete"
    assert similar(
        fold_question("Tell me about yourself."), fold_question("Tell me about yourself")
    )
    assert similar(
        fold_question("Why do you want to work here?"),
        fold_question("Why do you want to work at Acme here?"),
    )
    assert not similar(fold_question("Tell me about yourself"), fold_question("Design a cache"))


def test_the_bank_counts_and_follows_each_question_over_time() -> None:
    globex = opportunity("Globex")
    reflections = [
        bare_reflection(ACME.id, id="a", interview_at=NOW.subtract(days=20), stage=Stage.TECHNICAL,
                        questions=(AskedQuestion("Tell me about yourself.", 2),
                                   AskedQuestion("Design a cache", 3))),
        bare_reflection(globex.id, id="b", interview_at=NOW.subtract(days=5), stage=Stage.PHONE_SCREEN,
                        questions=(AskedQuestion("tell me about yourself", 4, "Lead with the move to data"),)),
    ]  # fmt: skip
    asked = every_question(reflections, {ACME.id: ACME, globex.id: globex})
    bank = question_bank(asked)
    assert [(g.text, g.count, g.trend()) for g in bank] == [
        ("tell me about yourself", 2, "2 → 4"),
        ("Design a cache", 1, "3"),
    ]
    assert bank[0].companies == ["Acme", "Globex"]
    assert bank[0].better_answer == "Lead with the move to data"
    assert [g.text for g in question_bank(asked, company="globex")] == ["tell me about yourself"]
    assert [g.text for g in question_bank(asked, stage=Stage.TECHNICAL)] == [
        "Tell me about yourself.",
        "Design a cache",
    ]
    assert weakest(bank) == []  # (the latest answer to the first was 4)
    assert bank[0].latest - bank[0].asked[0].when == timedelta(days=15)


def test_an_asked_question_needs_words_and_a_1_to_5_answer() -> None:
    with pytest.raises(ModelError, match="question"):
        AskedQuestion("  ")
    with pytest.raises(ModelError, match="answered"):
        AskedQuestion("Why?", 6)
    with pytest.raises(ModelError, match="answered"):
        AskedQuestion("Why?", True)  # type: ignore[arg-type]


def test_prep_says_each_thing_once_from_the_latest_round() -> None:
    same = {"answer_differently": "Start from the read/write ratio.", "reservations": "Commute"}
    rounds = [
        bare_reflection(ACME.id, interview_at=NOW.subtract(days=9), **same),  # type: ignore[arg-type]
        bare_reflection(ACME.id, interview_at=NOW.subtract(days=2), **same),  # type: ignore[arg-type]
    ]
    prep = suggest_prep(scheduled(ACME.id), rounds, [])
    assert prep.mention == [
        "Start from the read/write ratio. (to answer better than after round 2)"
    ]
    assert prep.questions[0] == "Ask about Commute (your reservation after round 2)"
    assert len(prep.questions) == 1 + len(before_leaving([]))
