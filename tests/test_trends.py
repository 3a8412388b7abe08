"""Trend figures, checked against numbers worked out by hand."""

from __future__ import annotations

import dataclasses
from datetime import date

import pendulum
import pytest

from debrief.followups import mark_done, plan
from debrief.model import Format, Interviewer, Opportunity, Stage, Status
from debrief.trends import (
    GENTLE_NOTE,
    by_format,
    by_stage,
    compute,
    discipline,
    funnel,
    gentle_note,
    moving_average,
    outcome_aside,
    rating_points,
    rating_vs_outcome,
    stem,
    too_few_note,
    want_vs_rating,
    weak_spots,
    within,
)
from tests.samples import NOW, bare_reflection, opportunity


def test_moving_average_uses_up_to_three_values() -> None:
    assert moving_average([4, 6, 8, 2]) == [4.0, 5.0, 6.0, pytest.approx(16 / 3)]
    assert moving_average([]) == []


def test_points_are_oldest_first_and_ties_keep_creation_order() -> None:
    job = opportunity()
    later = bare_reflection(
        job.id, id="b", interview_at=NOW, rating=3, created_at=NOW.add(minutes=1)
    )
    earlier = bare_reflection(job.id, id="a", interview_at=NOW, rating=9)
    old = bare_reflection(job.id, id="c", interview_at=NOW.subtract(days=5), rating=5)
    assert [p.reflection_id for p in rating_points([later, old, earlier])] == ["c", "a", "b"]


def test_by_stage_and_format_average_and_count() -> None:
    job = opportunity()
    reflections = [
        bare_reflection(job.id, rating=4, stage=Stage.TECHNICAL, format=Format.VIDEO),
        bare_reflection(job.id, rating=7, stage=Stage.TECHNICAL, format=Format.PHONE),
        bare_reflection(job.id, rating=9, stage=Stage.PHONE_SCREEN, format=Format.PHONE),
        bare_reflection(job.id, rating=5),
    ]
    assert [(g.label, g.count, g.average) for g in by_stage(reflections)] == [
        ("Phone screen", 1, 9.0),
        ("Technical", 2, 5.5),
        ("Not recorded", 1, 5.0),
    ]
    assert [(g.label, g.count, g.average) for g in by_format(reflections)] == [
        ("Video", 1, 4.0),
        ("Phone", 2, 8.0),
        ("Not recorded", 1, 5.0),
    ]


def test_rating_vs_outcome() -> None:
    moving_on = opportunity("Acme")
    offer = opportunity("Globex", status=Status.OFFER)
    rejected = opportunity("Initech", status=Status.REJECTED)
    ghosted = opportunity("Umbrella", status=Status.GHOSTED)
    pending = opportunity("Hooli")
    jobs = {o.id: o for o in (moving_on, offer, rejected, ghosted, pending)}
    reflections = [
        bare_reflection(
            moving_on.id, rating=8, interview_at=NOW.subtract(days=10)
        ),  # a later round exists
        bare_reflection(
            moving_on.id, rating=3, interview_at=NOW.subtract(days=2)
        ),  # latest, still pending
        bare_reflection(offer.id, rating=6),
        bare_reflection(rejected.id, rating=4),
        bare_reflection(ghosted.id, rating=5),
        bare_reflection(pending.id, rating=7),
    ]
    result = rating_vs_outcome(reflections, reflections, jobs)
    assert (result.advanced.count, result.advanced.average) == (2, 7.0)
    assert (result.stopped.count, result.stopped.average) == (2, 4.5)
    assert result.pending == 2


@pytest.mark.parametrize(
    ("status", "waiting"),
    [
        (Status.INTERVIEWING, 1),
        (Status.WITHDRAWN, 0),
        (Status.REJECTED, 0),
        (Status.ACCEPTED, 0),
        (Status.OFFER, 0),
        (Status.GHOSTED, 0),
    ],
)
def test_only_an_opportunity_still_interviewing_is_waiting_for_an_answer(
    status: Status, waiting: int
) -> None:
    job = opportunity(status=status)
    one = bare_reflection(job.id)
    assert rating_vs_outcome([one], [one], {job.id: job}).pending == waiting


def test_want_against_rating_quadrants() -> None:
    job = opportunity()
    reflections = [
        bare_reflection(job.id, rating=8, want_job=9),
        bare_reflection(job.id, rating=3, want_job=9),
        bare_reflection(job.id, rating=6, want_job=2),
        bare_reflection(job.id, rating=2, want_job=5),
        bare_reflection(job.id, rating=2),  # no answer: not counted
    ]
    assert want_vs_rating(reflections) == {
        "want it, went well": 1,
        "want it, went badly": 1,
        "not keen, went well": 1,
        "not keen, went badly": 1,
    }


def test_stemming_counts_nervous_and_nerves_together() -> None:
    assert stem("nervous") == stem("nerves") == stem("nervousness") == "nerv"
    assert stem("scaling") == stem("scale")
    assert stem("sql") == "sql"


def test_weak_spots_count_interviews_not_words() -> None:
    job = opportunity()
    reflections = [
        bare_reflection(
            job.id, id="r1", went_badly="I was nervous, so nervous. Rambled on sharding."
        ),
        bare_reflection(job.id, id="r2", lessons="Nerves again; practise sharding answers"),
        bare_reflection(job.id, id="r3", answer_differently="Less rambling, more structure"),
        bare_reflection(job.id, id="r4", went_well="nervous but fine"),  # not a weak-spot field
    ]
    spots = weak_spots(reflections)
    assert [(s.term, s.count, s.reflection_ids) for s in spots] == [
        ("nerves", 2, ("r1", "r2")),  # a tie between spellings reads alphabetically
        ("rambled", 2, ("r1", "r3")),
        ("sharding", 2, ("r1", "r2")),
    ]
    assert all(s.term not in {"the", "so", "again"} for s in weak_spots(reflections, minimum=1))


def test_thank_yous_on_time_and_days_to_reply() -> None:
    interview = pendulum.datetime(2026, 11, 2, 10, tz="Europe/Berlin")
    jane, ravi = Interviewer(name="Jane"), Interviewer(name="Ravi")
    offer = opportunity("Globex", status=Status.OFFER, updated_at=interview.add(days=9))
    rejected = opportunity("Initech", status=Status.REJECTED, updated_at=interview.add(days=3))
    first = bare_reflection(offer.id, interview_at=interview, interviewers=(jane, ravi))
    second = bare_reflection(rejected.id, interview_at=interview)
    items = plan(offer, [first], "Europe/Berlin") + plan(rejected, [second], "Europe/Berlin")
    thanks = [i for i in items if i.kind.value == "thank_you"]
    items = [
        mark_done(thanks[0], thanks[0].due.subtract(hours=1)) if i is thanks[0]
        else mark_done(thanks[1], thanks[1].due.add(hours=5)) if i is thanks[1]
        else i
        for i in items
    ]  # fmt: skip
    jobs = {offer.id: offer, rejected.id: rejected}
    result = discipline(items, [first, second], jobs, interview.add(days=30))
    assert (result.thank_yous, result.on_time) == (3, 1)
    assert result.on_time_share == pytest.approx(1 / 3)
    assert (result.median_days_to_reply, result.replies) == (6.0, 2)


def test_funnel() -> None:
    a, b, c = (
        opportunity("A"),
        opportunity("B", status=Status.OFFER),
        opportunity("C", status=Status.ACCEPTED),
    )
    reflections = [
        bare_reflection(a.id),
        bare_reflection(b.id),
        bare_reflection(b.id),
        bare_reflection(c.id),
    ]
    assert funnel(reflections, {o.id: o for o in (a, b, c)}) == dataclasses.replace(
        funnel([], {}), opportunities=3, next_round=1, offers=2
    )


def test_a_gentle_note_after_three_hard_interviews_in_a_row() -> None:
    job = opportunity()

    def points(*ratings: int) -> list:  # type: ignore[type-arg]
        return rating_points(
            bare_reflection(job.id, rating=r, interview_at=NOW.add(days=i))
            for i, r in enumerate(ratings)
        )

    assert gentle_note(points(8, 4, 3, 2)) == GENTLE_NOTE
    assert gentle_note(points(4, 3, 2, 7)) is None  # the latest went better
    assert gentle_note(points(3, 2)) is None


def test_the_period_counts_calendar_days_in_the_users_zone() -> None:
    job = opportunity()
    now = pendulum.datetime(2026, 11, 30, 0, 30, tz="Europe/Berlin")
    edge = bare_reflection(
        job.id, id="edge", interview_at=pendulum.datetime(2026, 10, 31, 23, 30, tz="UTC")
    )  # 1 Nov 00:30 Berlin
    before = bare_reflection(
        job.id, id="before", interview_at=pendulum.datetime(2026, 10, 31, 22, 30, tz="UTC")
    )  # 31 Oct 23:30
    assert [r.id for r in within([edge, before], 29, now)] == ["edge"]
    assert [r.id for r in within([edge, before], None, now)] == ["edge", "before"]


def test_compute_on_a_single_interview() -> None:
    job: Opportunity = opportunity()
    only = bare_reflection(job.id, rating=6, stage=Stage.FINAL)
    trends = compute([only], [only], {job.id: job}, [], NOW)
    assert trends.count == 1
    assert trends.moving_average == [6.0]
    assert trends.by_stage[0].label == "Final"
    assert trends.weak_spots == [] and trends.gentle_note is None
    assert (
        trends.discipline.on_time_share is None and trends.discipline.median_days_to_reply is None
    )
    assert trends.sparkline == [6]
    assert trends.points[0].day == date(2026, 11, 22)


def test_too_few_says_when_a_filter_narrows_a_full_journal() -> None:
    """ "With 0 so far" read as if a journal of 18 were new: say what the filter leaves out."""
    job = opportunity("Cyberdyne", "SRE")
    every_round = [
        bare_reflection(job.id, interview_at=NOW.subtract(days=days)) for days in (200, 40, 35)
    ]

    def note(count: int, *, period: str, company: str | None) -> str:
        trends = dataclasses.replace(
            compute(every_round[:count], every_round, {job.id: job}, [], NOW), total=18
        )
        opening = too_few_note(
            trends, minimum=3, period=period, company=company, clear_hint="x clears the filters"
        )
        return opening.split(":\n\n")[0]

    assert note(0, period="Last 30 days", company="Cyberdyne") == (
        "Trends need a few interviews: none for Cyberdyne in the last 30 days, of the 18 in "
        "your journal (x clears the filters). Here is what appears from 3"
    )
    assert note(1, period="All time", company="Cyberdyne") == (
        "Trends need a few interviews: 1 interview for Cyberdyne, of the 18 in your journal "
        "(x clears the filters). Here is what appears from 3"
    )
    assert note(2, period="Last 90 days", company=None).startswith(
        "Trends need a few interviews: 2 interviews in the last 90 days, of the 18"
    )
    # No filter (or one that leaves nothing out): the journal is simply new.
    assert note(1, period="All time", company=None) == (
        "Trends need a few interviews. With 1 so far, here is what appears from 3"
    )
    fresh = compute(every_round[:2], every_round[:2], {job.id: job}, [], NOW)
    assert too_few_note(
        fresh, minimum=3, period="Last 365 days", company="Cyberdyne", clear_hint="x"
    ).startswith("Trends need a few interviews. With 2 so far")


def test_the_outcome_aside_names_what_is_neither_led_on_nor_stopped() -> None:
    """7 + 5 + 5 waiting made 17 of 18: the 18th, withdrawn, is named too."""
    comparison = rating_vs_outcome([], [], {})
    assert outcome_aside(comparison) == ""
    both = dataclasses.replace(comparison, pending=5, withdrawn=1)
    assert outcome_aside(both) == (
        "5 interviews still waiting for an answer, 1 withdrawn (you ended it)"
    )
    assert outcome_aside(dataclasses.replace(comparison, withdrawn=1)) == (
        "1 interview withdrawn (you ended it)"
    )
    assert outcome_aside(dataclasses.replace(comparison, pending=1)) == (
        "1 interview still waiting for an answer"
    )


def test_withdrawn_interviews_are_counted_apart() -> None:
    withdrawn = opportunity("Initech", "SRE", status=Status.WITHDRAWN)
    waiting = opportunity("Hooli", "SRE")
    rounds = [bare_reflection(withdrawn.id), bare_reflection(waiting.id)]
    comparison = rating_vs_outcome(rounds, rounds, {o.id: o for o in (withdrawn, waiting)})
    assert (comparison.pending, comparison.withdrawn) == (1, 1)
