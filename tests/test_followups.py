"""The follow-up rules (`followups.RULES`), each case a row: times of day, weekends, time
zones, daylight saving, what they said, and one chain of chasers per opportunity."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pendulum
import pytest

from debrief.followups import (
    RULES,
    Outcome,
    actionable,
    add_working_days,
    agenda,
    describe,
    dismiss,
    due_phrase,
    history,
    mark_done,
    plan,
    record_reply,
    snooze,
    snooze_choices,
)
from debrief.model import (
    Channel,
    FollowUp,
    FollowUpKind,
    Interviewer,
    Opportunity,
    Reflection,
    Reply,
    Stage,
    Status,
)
from tests.samples import bare_reflection, opportunity

BERLIN = "Europe/Berlin"


def berlin(*args: int) -> pendulum.DateTime:
    return pendulum.datetime(*args, tz=BERLIN)


def planned(at: pendulum.DateTime, tz: str = BERLIN, **changes: object) -> dict[str, FollowUp]:
    job = opportunity()
    reflection = bare_reflection(job.id, id="r1", interview_at=at, **changes)
    return {item.key: item for item in plan(job, [reflection], tz)}


JANE = Interviewer(
    name="Jane  Doe", preferred=Channel.LINKEDIN, linkedin="https://linkedin.com/in/jane"
)
RAVI = Interviewer(name="Ravi Kumar", email="ravi@acme.example")


# --- the thank-you note --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "minutes", "due", "why"),
    [
        (berlin(2026, 11, 18, 10, 0), None, berlin(2026, 11, 18, 20, 0), "a morning: same evening"),
        (berlin(2026, 11, 18, 15, 59), None, berlin(2026, 11, 18, 20, 0), "ends 16:59: same evening"),
        (berlin(2026, 11, 18, 16, 0), None, berlin(2026, 11, 18, 20, 0), "ends 17:00 sharp: same evening"),
        (berlin(2026, 11, 18, 16, 1), None, berlin(2026, 11, 19, 10, 0), "ends 17:01: next morning"),
        (berlin(2026, 11, 18, 14, 59), 120, berlin(2026, 11, 18, 20, 0), "two hours from 14:59 end 16:59"),
        (berlin(2026, 11, 18, 14, 0), 180, berlin(2026, 11, 18, 20, 0), "three hours ending 17:00"),
        (berlin(2026, 11, 18, 15, 0), 150, berlin(2026, 11, 19, 10, 0), "2h30 from 15:00 ends 17:30"),
        (berlin(2026, 11, 20, 15, 30), None, berlin(2026, 11, 20, 20, 0), "Friday 15:30 ends 16:30: Friday evening"),
        (berlin(2026, 11, 20, 16, 30), None, berlin(2026, 11, 23, 10, 0), "Friday 16:30: Monday morning, never Saturday"),
        (berlin(2026, 11, 21, 10, 0), None, berlin(2026, 11, 23, 10, 0), "a Saturday: Monday morning"),
        (berlin(2026, 11, 18, 23, 30), None, berlin(2026, 11, 20, 10, 0), "ends after midnight: next working morning"),
        (berlin(2026, 10, 24, 10, 0), None, berlin(2026, 10, 26, 10, 0), "Saturday before the clocks change"),
    ],
)  # fmt: skip
def test_the_thank_you_deadline(
    start: pendulum.DateTime, minutes: int | None, due: pendulum.DateTime, why: str
) -> None:
    items = planned(start, interviewers=(RAVI,), duration_minutes=minutes)
    assert items["thank_you:ravi kumar"].due == due, why


def test_each_interviewer_gets_a_note_by_their_own_channel_and_someone_gets_one_anyway() -> None:
    items = planned(berlin(2026, 11, 18, 10, 0), interviewers=(JANE, RAVI))
    assert items["thank_you:jane doe"].channel is Channel.LINKEDIN
    assert items["thank_you:ravi kumar"].channel is Channel.EMAIL
    alone = planned(berlin(2026, 11, 18, 10, 0))
    assert alone["thank_you:"].person == "" and alone["thank_you:"].channel is Channel.EMAIL


def test_time_zones_plan_in_the_users_own_zone() -> None:
    # A video interview at 08:00 in New York is 14:00 in Berlin: the same evening there.
    ny_morning = pendulum.datetime(2026, 11, 18, 8, 0, tz="America/New_York")
    assert planned(ny_morning, BERLIN)["thank_you:"].due == berlin(2026, 11, 18, 20, 0)
    # The same moment in Tokyo is 22:00 (ending 23:00): the next working morning there.
    assert planned(ny_morning, "Asia/Tokyo")["thank_you:"].due == pendulum.datetime(
        2026, 11, 19, 10, 0, tz="Asia/Tokyo"
    )


# --- LinkedIn and references --------------------------------------------------------------


def test_linkedin_only_for_interviewers_with_a_profile_and_optional() -> None:
    jane = replace(JANE, preferred=Channel.EMAIL)
    items = planned(berlin(2026, 11, 20, 10, 0), interviewers=(jane, RAVI))  # a Friday
    assert items["linkedin:jane doe"].optional
    assert items["linkedin:jane doe"].due == berlin(2026, 11, 23, 12, 0)
    assert "linkedin:ravi kumar" not in items


@pytest.mark.parametrize(
    ("stage", "asked", "expected"),
    [(Stage.PHONE_SCREEN, False, False), (Stage.ONSITE, False, True),
     (Stage.FINAL, False, True), (Stage.TECHNICAL, True, True)],
)  # fmt: skip
def test_references_at_later_stages_or_when_asked(
    stage: Stage, asked: bool, expected: bool
) -> None:
    items = planned(berlin(2026, 11, 18, 10, 0), stage=stage, references_requested=asked)
    assert ("references" in items) is expected


# --- the chain: call, checks, gone cold -----------------------------------------------------


@pytest.mark.parametrize(
    ("interview", "said", "call", "check", "why"),
    [
        (berlin(2026, 11, 18, 10, 0), None, berlin(2026, 11, 23, 10, 0), berlin(2026, 11, 25, 10, 0), "no date: a week after"),
        (berlin(2026, 11, 21, 10, 0), None, berlin(2026, 11, 25, 10, 0), berlin(2026, 11, 30, 10, 0), "a Saturday + 7 is a Saturday: Monday"),
        (berlin(2026, 11, 18, 10, 0), date(2026, 11, 18), berlin(2026, 11, 23, 10, 0), berlin(2026, 11, 20, 10, 0), "today: 2 working days after"),
        (berlin(2026, 11, 18, 10, 0), date(2026, 11, 19), berlin(2026, 11, 23, 10, 0), berlin(2026, 11, 23, 10, 0), "tomorrow: 2 working days after"),
        (berlin(2026, 11, 18, 10, 0), date(2026, 11, 25), None, berlin(2026, 11, 30, 10, 0), "a week: ~10 days, no call before it"),
        (berlin(2026, 11, 18, 10, 0), date(2026, 12, 2), None, berlin(2026, 12, 7, 10, 0), "two weeks: no call at +3"),
        (berlin(2026, 11, 18, 10, 0), date(2026, 11, 20), berlin(2026, 11, 23, 10, 0), berlin(2026, 11, 25, 10, 0), "a Friday: waits over the weekend"),
        (berlin(2026, 11, 18, 10, 0), date(2026, 11, 10), berlin(2026, 11, 23, 10, 0), berlin(2026, 11, 25, 10, 0), "a date before the interview is ignored"),
        (berlin(2026, 10, 20, 14, 0), None, berlin(2026, 10, 23, 10, 0), berlin(2026, 10, 27, 10, 0), "across the end of summer time"),
    ],
)  # fmt: skip
def test_when_the_call_and_the_first_check_fall_due(
    interview: pendulum.DateTime,
    said: date | None,
    call: pendulum.DateTime | None,
    check: pendulum.DateTime,
    why: str,
) -> None:
    items = planned(interview, reply_by=said)
    assert (items["call"].due if "call" in items else None) == call, why
    assert items["status_check:1"].due == check, why
    assert "status_check:2" not in items and "mark_cold" not in items  # not before the first


def test_summer_time_keeps_the_wall_clock() -> None:
    check = planned(berlin(2026, 10, 20, 14, 0))["status_check:1"].due
    assert check.utcoffset().total_seconds() == 3600  # CET by then, still 10:00


def live(job: Opportunity, rounds: list[Reflection], items: list[FollowUp], at: pendulum.DateTime) -> dict[str, FollowUp]:  # fmt: skip
    return {item.id: item for item in plan(job, rounds, BERLIN, items, at)}


def keyed(items: dict[str, FollowUp], reflection: Reflection) -> dict[str, FollowUp]:
    return {f.key: f for f in items.values() if f.reflection_id == reflection.id}


def test_the_second_check_counts_from_when_the_first_was_sent_then_gone_cold() -> None:
    job = opportunity()
    one = bare_reflection(job.id, id="r1", interview_at=berlin(2026, 11, 16, 10, 0))
    items = live(job, [one], [], berlin(2026, 11, 16, 12, 0))
    first = keyed(items, one)["status_check:1"]
    assert first.due == berlin(2026, 11, 23, 10, 0)
    sent_late = mark_done(first, berlin(2026, 11, 27, 16, 0))  # sent four days late
    items = live(job, [one], [*items.values(), sent_late], berlin(2026, 11, 27, 16, 0))
    second = keyed(items, one)["status_check:2"]
    assert second.due == berlin(2026, 12, 4, 10, 0)  # 5 working days after it was sent
    assert "mark_cold" not in keyed(items, one)
    skipped = dismiss(second, berlin(2026, 12, 4, 11, 0))  # skipping moves on, too
    items = live(job, [one], [*items.values(), skipped], berlin(2026, 12, 4, 11, 0))
    cold = keyed(items, one)["mark_cold"]
    assert cold.due == berlin(2026, 12, 11, 10, 0)


def test_skipping_the_first_check_moves_on_to_the_second() -> None:
    job = opportunity()
    one = bare_reflection(job.id, id="r1", interview_at=berlin(2026, 11, 16, 10, 0))
    items = live(job, [one], [], berlin(2026, 11, 16, 12, 0))
    skipped = dismiss(keyed(items, one)["status_check:1"], berlin(2026, 11, 23, 9, 0))
    items = live(job, [one], [*items.values(), skipped], berlin(2026, 11, 23, 9, 0))
    assert keyed(items, one)["status_check:2"].due == berlin(2026, 11, 30, 10, 0)


def test_undoing_a_sent_check_takes_its_successor_away_without_a_trace() -> None:
    job = opportunity()
    one = bare_reflection(job.id, id="r1", interview_at=berlin(2026, 11, 16, 10, 0))
    items = live(job, [one], [], berlin(2026, 11, 16, 12, 0))
    first = keyed(items, one)["status_check:1"]
    items = live(job, [one], [*items.values(), mark_done(first, berlin(2026, 11, 23, 11, 0))], berlin(2026, 11, 23, 11, 0))  # fmt: skip
    assert "status_check:2" in keyed(items, one)
    items = live(job, [one], [*items.values(), first], berlin(2026, 11, 23, 11, 1))  # undone
    assert "status_check:2" not in keyed(items, one)


def test_told_not_to_follow_up_means_no_call_and_a_single_check_after_their_date() -> None:
    job = opportunity()
    one = bare_reflection(job.id, id="r1", interview_at=berlin(2026, 11, 16, 10, 0),
                          may_follow_up=False, reply_by=date(2026, 11, 20))  # fmt: skip
    items = live(job, [one], [], berlin(2026, 11, 16, 12, 0))
    assert set(keyed(items, one)) == {"thank_you:", "status_check:1"}
    first = keyed(items, one)["status_check:1"]
    assert first.due == berlin(2026, 11, 25, 10, 0)
    items = live(job, [one], [*items.values(), mark_done(first, berlin(2026, 11, 25, 10, 0))], berlin(2026, 11, 25, 10, 0))  # fmt: skip
    assert "status_check:2" not in keyed(items, one)
    assert keyed(items, one)["mark_cold"].due == berlin(2026, 12, 2, 10, 0)


def test_checks_go_to_whoever_said_they_would_reply_by_their_channel() -> None:
    items = planned(berlin(2026, 11, 16, 10, 0), interviewers=(JANE, RAVI),
                    replies_from="ravi  kumar")  # fmt: skip
    check = items["status_check:1"]
    assert (check.person, check.channel) == ("Ravi Kumar", Channel.EMAIL)
    recruiter = planned(berlin(2026, 11, 16, 10, 0), replies_from="the recruiter")
    assert recruiter["status_check:1"].person == "Mo Salah"  # the recruiter, by name


@pytest.mark.parametrize(
    ("replies_from", "recruiter", "person", "channel"),
    [
        ("", "Mo Salah", "Mo Salah", Channel.EMAIL),  # nobody named: the recruiter
        ("", "", "Jane  Doe", Channel.LINKEDIN),  # …else the first interviewer, by their channel
        ("the recruiter", "", "the recruiter", Channel.EMAIL),  # (a gap in the draft)
        ("mo salah", "Mo Salah", "Mo Salah", Channel.EMAIL),
        ("Sam from HR", "Mo Salah", "Sam from HR", Channel.EMAIL),
    ],
)
def test_checks_and_a_withdrawal_go_to_a_real_person(
    replies_from: str, recruiter: str, person: str, channel: Channel
) -> None:
    job = opportunity(recruiter_name=recruiter, recruiter_email="")
    one = bare_reflection(job.id, id="r1", interview_at=berlin(2026, 11, 16, 10, 0),
                          interviewers=(JANE, RAVI), replies_from=replies_from)  # fmt: skip
    check = {f.key: f for f in plan(job, [one], BERLIN)}["status_check:1"]
    assert (check.person, check.channel) == (person, channel)
    withdrawn = replace(job, status=Status.WITHDRAWN, updated_at=berlin(2026, 11, 18, 9, 0))
    note = {f.key: f for f in plan(withdrawn, [one], BERLIN)}["withdrawal"]
    assert (note.person, note.channel) == (person, channel)


# --- one chain per opportunity ----------------------------------------------------------------


def test_a_new_round_retires_the_earlier_rounds_chasers_and_keeps_its_thank_yous() -> None:
    job = opportunity()
    one = bare_reflection(job.id, id="r1", interview_at=berlin(2026, 11, 2, 10, 0), interviewers=(RAVI,))  # fmt: skip
    items = live(job, [one], [], berlin(2026, 11, 2, 12, 0))
    thanked = mark_done(keyed(items, one)["thank_you:ravi kumar"], berlin(2026, 11, 2, 19, 0))
    sent = mark_done(keyed(items, one)["status_check:1"], berlin(2026, 11, 9, 11, 0))
    items = live(job, [one], [*items.values(), thanked, sent], berlin(2026, 11, 9, 11, 0))
    two = bare_reflection(job.id, id="r2", interview_at=berlin(2026, 11, 16, 10, 0), stage=Stage.ONSITE)  # fmt: skip
    items = live(job, [one, two], list(items.values()), berlin(2026, 11, 16, 12, 0))
    first_round = keyed(items, one)
    assert first_round["thank_you:ravi kumar"].done_at is not None  # its own, kept
    assert first_round["status_check:1"].done_at is not None  # history stays as it was
    assert first_round["status_check:2"].superseded_at == berlin(2026, 11, 16, 12, 0)
    assert first_round["call"].superseded_at is not None
    second_round = keyed(items, two)
    assert {"call", "status_check:1", "references", "thank_you:"} <= set(second_round)
    to_do = actionable(items.values(), [one, two], [job])
    chasers = [f for f in to_do if f.kind in (FollowUpKind.CALL, FollowUpKind.STATUS_CHECK, FollowUpKind.MARK_COLD)]  # fmt: skip
    assert {f.reflection_id for f in chasers} == {"r2"}  # one chain, on the latest round


TOM = Interviewer(
    name="Tom Becker", email="tom@acme.example", linkedin="https://linkedin.com/in/tom"
)


def two_rounds(done_in_round_one: set[str]) -> tuple[list[Reflection], dict[str, FollowUp]]:
    """Round 1 (onsite, Tom) planned and partly done; then round 2 (final, Tom again)."""
    job = opportunity()
    one = bare_reflection(job.id, id="r1", interview_at=berlin(2026, 11, 2, 10, 0),
                          stage=Stage.ONSITE, interviewers=(TOM,))  # fmt: skip
    items = live(job, [one], [], berlin(2026, 11, 2, 12, 0))
    items |= {i.id: mark_done(i, berlin(2026, 11, 3, 12, 0)) for i in items.values()
              if i.key in done_in_round_one}  # fmt: skip
    two = bare_reflection(job.id, id="r2", interview_at=berlin(2026, 11, 16, 10, 0),
                          stage=Stage.FINAL, interviewers=(TOM,))  # fmt: skip
    return [one, two], live(job, [one, two], list(items.values()), berlin(2026, 11, 16, 12, 0))


def test_references_and_linkedin_come_once_per_opportunity_the_later_round_replacing() -> None:
    (one, _), items = two_rounds(done_in_round_one=set())
    pending = [f for f in items.values() if f.pending]
    once = [(f.kind, f.person) for f in pending if f.kind in (FollowUpKind.REFERENCES, FollowUpKind.LINKEDIN)]  # fmt: skip
    assert sorted(once) == [(FollowUpKind.LINKEDIN, "Tom Becker"), (FollowUpKind.REFERENCES, "")]
    assert {f.reflection_id for f in pending if f.kind is not FollowUpKind.THANK_YOU} == {"r2"}
    replaced = keyed(items, one)
    assert replaced["linkedin:tom becker"].superseded_at == berlin(2026, 11, 16, 12, 0)
    assert replaced["references"].superseded_at is not None
    thanks = [f for f in pending if f.kind is FollowUpKind.THANK_YOU]
    assert {f.reflection_id for f in thanks} == {"r1", "r2"}  # each round its own thank-you


def test_what_was_done_in_an_earlier_round_is_not_asked_again() -> None:
    (one, two), items = two_rounds(done_in_round_one={"linkedin:tom becker", "references"})
    assert keyed(items, one)["linkedin:tom becker"].done_at is not None  # history as it was
    assert keyed(items, one)["references"].done_at is not None
    assert "linkedin:tom becker" not in keyed(items, two)  # connected already
    assert "references" not in keyed(items, two)  # told already


def test_no_item_is_listed_twice_after_a_second_round() -> None:
    (one, two), items = two_rounds(done_in_round_one={"thank_you:tom becker"})
    job = opportunity()
    to_do = actionable(items.values(), [one, two], [replace(job, id=one.opportunity_id)])
    described = [describe(f) for f in to_do]
    assert len(described) == len(set(described)), described


def test_someone_thanked_by_linkedin_gets_no_separate_invitation() -> None:
    items = planned(berlin(2026, 11, 18, 10, 0), interviewers=(JANE, TOM))
    assert "linkedin:jane doe" not in items  # her thank-you is the invitation
    assert items["linkedin:tom becker"].channel is Channel.LINKEDIN  # he is thanked by email


def test_history_lists_done_skipped_and_retired_newest_first() -> None:
    job = opportunity()
    one = bare_reflection(job.id, id="r1", interview_at=berlin(2026, 11, 2, 10, 0), interviewers=(RAVI,))  # fmt: skip
    items = live(job, [one], [], berlin(2026, 11, 2, 12, 0))
    thanked = mark_done(keyed(items, one)["thank_you:ravi kumar"], berlin(2026, 11, 2, 19, 0))
    called = dismiss(keyed(items, one)["call"], berlin(2026, 11, 5, 9, 0))
    items = live(job, [one], [*items.values(), thanked, called], berlin(2026, 11, 5, 9, 0))
    two = bare_reflection(job.id, id="r2", interview_at=berlin(2026, 11, 16, 10, 0))
    items = live(job, [one, two], list(items.values()), berlin(2026, 11, 16, 12, 0))
    behind = [(f.outcome, f.item.key, f.at) for f in history(items.values())]
    assert behind == [
        (Outcome.RETIRED, "status_check:1", berlin(2026, 11, 16, 12, 0)),
        (Outcome.SKIPPED, "call", berlin(2026, 11, 5, 9, 0)),
        (Outcome.DONE, "thank_you:ravi kumar", berlin(2026, 11, 2, 19, 0)),
    ]
    assert Outcome.RETIRED.label == "No longer needed"


def test_gone_cold_is_never_suggested_while_a_later_round_is_live() -> None:
    job = opportunity()
    one = bare_reflection(job.id, id="r1", interview_at=berlin(2026, 10, 1, 10, 0))
    items = live(job, [one], [], berlin(2026, 10, 1, 12, 0))
    for key in ("status_check:1", "status_check:2"):
        items = live(job, [one], [*items.values(), dismiss(keyed(items, one)[key], berlin(2026, 10, 20, 9, 0))], berlin(2026, 10, 20, 9, 0))  # fmt: skip
    assert keyed(items, one)["mark_cold"].pending
    two = bare_reflection(job.id, id="r2", interview_at=berlin(2026, 10, 22, 10, 0))
    items = live(job, [one, two], list(items.values()), berlin(2026, 10, 22, 12, 0))
    assert keyed(items, one)["mark_cold"].superseded_at is not None
    assert not [f for f in actionable(items.values(), [one, two], [job]) if f.kind is FollowUpKind.MARK_COLD]  # fmt: skip


def test_they_replied_retires_the_chasers_and_sets_the_status() -> None:
    job = opportunity()
    one = bare_reflection(job.id, id="r1", interview_at=berlin(2026, 11, 16, 10, 0))
    items = live(job, [one], [], berlin(2026, 11, 16, 12, 0))
    answered, offered = record_reply(one, job, Reply.OFFER, berlin(2026, 11, 20, 9, 0))
    assert offered.status is Status.OFFER and answered.replied_at == berlin(2026, 11, 20, 9, 0)
    items = live(offered, [answered], list(items.values()), berlin(2026, 11, 20, 9, 0))
    assert all(f.superseded_at is not None for f in keyed(items, one).values() if f.kind is not FollowUpKind.THANK_YOU)  # fmt: skip
    assert keyed(items, one)["thank_you:"].pending
    _, next_round = record_reply(one, job, Reply.NEXT_ROUND, berlin(2026, 11, 20, 9, 0))
    assert next_round.status is Status.INTERVIEWING
    _, other = record_reply(one, replace(job, status=Status.OFFER), Reply.OTHER, berlin(2026, 11, 20, 9, 0))  # fmt: skip
    assert other.status is Status.OFFER


def test_withdrawing_brings_a_polite_note_and_keeps_the_thank_you() -> None:
    job = opportunity()
    one = bare_reflection(job.id, id="r1", interview_at=berlin(2026, 11, 16, 10, 0))
    items = live(job, [one], [], berlin(2026, 11, 16, 12, 0))
    withdrawn = replace(job, status=Status.WITHDRAWN, updated_at=berlin(2026, 11, 18, 15, 0))
    items = live(withdrawn, [one], list(items.values()), berlin(2026, 11, 18, 15, 0))
    round_items = keyed(items, one)
    assert round_items["withdrawal"].due == berlin(2026, 11, 19, 10, 0)
    assert round_items["thank_you:"].pending
    assert round_items["status_check:1"].superseded_at is not None
    to_do = {f.key for f in actionable(items.values(), [one], [withdrawn])}
    assert to_do == {"withdrawal", "thank_you:"}


def test_the_rules_table_names_every_kind_of_follow_up() -> None:
    named = " ".join(rule.what for rule in RULES).casefold()
    for kind in FollowUpKind:
        assert kind.label.casefold().split(" (")[0] in named


# --- the agenda ------------------------------------------------------------------------------


def test_working_days() -> None:
    friday = berlin(2026, 11, 20, 9, 0)
    assert add_working_days(friday, 1) == berlin(2026, 11, 23, 9, 0)
    assert add_working_days(friday, 5) == berlin(2026, 11, 27, 9, 0)
    assert add_working_days(friday, 0) == friday


def test_agenda_sorts_overdue_today_and_upcoming() -> None:
    now = berlin(2026, 11, 18, 12, 0)
    items = planned(berlin(2026, 11, 16, 10, 0), interviewers=(RAVI,))
    sections = agenda([items["thank_you:ravi kumar"], items["call"], items["status_check:1"]], now)
    assert [i.key for i in sections.overdue] == ["thank_you:ravi kumar"]
    assert [i.key for i in sections.today] == []
    assert [i.key for i in sections.upcoming] == ["call", "status_check:1"]
    later_today = snooze(items["call"], berlin(2026, 11, 18, 17, 0))
    assert [i.key for i in agenda([later_today], now).today] == ["call"]


@pytest.mark.parametrize(
    "due, phrase",
    [
        (berlin(2026, 11, 18, 15, 0), "in 3 hours"),
        (berlin(2026, 11, 16, 12, 0), "2 days overdue"),
        (berlin(2026, 11, 18, 12, 0), "due now"),
        (berlin(2026, 11, 18, 11, 30), "30 minutes overdue"),
    ],
)
def test_due_phrases(due: pendulum.DateTime, phrase: str) -> None:
    item = FollowUp("r1", FollowUpKind.CALL, "call", due)
    assert due_phrase(item, berlin(2026, 11, 18, 12, 0)) == phrase


def test_what_left_the_agenda_is_never_called_overdue() -> None:
    due = FollowUp("r1", FollowUpKind.MARK_COLD, "mark_cold", berlin(2026, 11, 16, 10, 0))
    now = berlin(2026, 11, 18, 12, 0)
    retired = replace(due, superseded_at=berlin(2026, 11, 17, 9, 0))
    assert due_phrase(retired, now) == "no longer needed"
    assert due_phrase(mark_done(due, now), now) == "done"
    assert due_phrase(dismiss(due, now), now) == "skipped"
    assert due_phrase(due, now) == "2 days overdue"


def test_descriptions() -> None:
    items = planned(berlin(2026, 11, 16, 10, 0), interviewers=(JANE, RAVI, TOM), replies_from="Ravi Kumar")  # fmt: skip
    assert describe(items["thank_you:jane doe"]) == "Thank-you note to Jane  Doe (by LinkedIn)"
    assert describe(items["linkedin:tom becker"]) == "Connect on LinkedIn with Tom Becker"
    assert describe(items["status_check:1"]) == "Status check to Ravi Kumar (by email)"
    second = replace(items["status_check:1"], key="status_check:2")
    assert describe(second).startswith("Second status check to Ravi Kumar")


def test_the_readme_shows_the_rules_table_as_the_code_has_it() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    for rule in RULES:
        assert f"| {rule.what} | {rule.due} | {rule.planned} |" in readme


# --- snoozing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (  # a Thursday afternoon: later today, tomorrow, three working days, next week
            "2026-12-03T14:00",
            [
                "In 2 hours · Thu 3 Dec, 16:00",
                "Tomorrow morning · Fri 4 Dec, 09:00",
                "Next week · Mon 7 Dec, 09:00",
                "In 3 working days · Tue 8 Dec, 09:00",
            ],
        ),
        (  # a Friday: the next working morning is Monday, said once
            "2026-12-04T10:00",
            [
                "In 2 hours · Fri 4 Dec, 12:00",
                "Monday morning · Mon 7 Dec, 09:00",
                "In 3 working days · Wed 9 Dec, 09:00",
            ],
        ),
        (  # a Saturday: nothing lands on the weekend
            "2026-12-05T11:00",
            ["Monday morning · Mon 7 Dec, 09:00", "In 3 working days · Wed 9 Dec, 09:00"],
        ),
        (  # a Thursday evening: no "in 2 hours" at night
            "2026-12-03T18:00",
            [
                "Tomorrow morning · Fri 4 Dec, 09:00",
                "Next week · Mon 7 Dec, 09:00",
                "In 3 working days · Tue 8 Dec, 09:00",
            ],
        ),
    ],
)
def test_snooze_choices_show_their_dates_and_skip_weekends(now: str, expected: list[str]) -> None:
    choices = snooze_choices(pendulum.parse(now, tz="Europe/Berlin"))  # type: ignore[arg-type]
    assert [label for label, _ in choices] == expected
    assert all(moment.weekday() < 5 for _, moment in choices)


def test_snoozing_never_makes_an_item_due_sooner() -> None:
    now = berlin(2026, 12, 3, 14, 0)  # a Thursday afternoon
    due = berlin(2026, 12, 4, 12, 0)  # the item is due tomorrow at noon
    choices = snooze_choices(now, due)
    assert all(moment > due for _, moment in choices)
    assert [label for label, _ in choices] == [
        "Next week · Mon 7 Dec, 09:00",
        "A working day later · Mon 7 Dec, 12:00",
        "In 3 working days · Tue 8 Dec, 09:00",
        "A week later · Fri 11 Dec, 12:00",
    ]
    overdue = snooze_choices(now, berlin(2026, 12, 1, 10, 0))  # overdue: every usual choice
    assert [label for label, _ in overdue] == [label for label, _ in snooze_choices(now)]
