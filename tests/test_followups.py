"""The follow-up rules, hand-checked across times of day, weekends, time zones and DST."""

from __future__ import annotations

from datetime import date

import pendulum
import pytest

from debrief.followups import (
    add_working_days,
    agenda,
    describe,
    dismiss,
    due_phrase,
    is_actionable,
    mark_done,
    plan,
    replan,
    snooze,
    snooze_choices,
)
from debrief.model import Channel, FollowUp, FollowUpKind, Interviewer, Stage, Status
from tests.samples import bare_reflection, opportunity

BERLIN = "Europe/Berlin"


def berlin(*args: int) -> pendulum.DateTime:
    return pendulum.datetime(*args, tz=BERLIN)


def planned(at: pendulum.DateTime, tz: str = BERLIN, **changes: object) -> dict[str, FollowUp]:
    job = opportunity()
    reflection = bare_reflection(job.id, id="r1", interview_at=at, **changes)
    return {item.key: item for item in plan(reflection, job, tz)}


JANE = Interviewer(
    name="Jane  Doe", preferred=Channel.LINKEDIN, linkedin="https://linkedin.com/in/jane"
)
RAVI = Interviewer(name="Ravi Kumar")


def test_a_morning_interview_gets_its_thank_you_the_same_evening() -> None:
    items = planned(berlin(2026, 11, 18, 10, 0), interviewers=(JANE, RAVI))  # a Wednesday
    assert items["thank_you:jane doe"].due == berlin(2026, 11, 18, 20, 0)
    assert items["thank_you:ravi kumar"].due == berlin(2026, 11, 18, 20, 0)
    assert items["thank_you:jane doe"].channel is Channel.LINKEDIN  # her preferred channel
    assert items["thank_you:ravi kumar"].channel is Channel.EMAIL


def test_a_late_afternoon_interview_gets_24_hours() -> None:
    items = planned(berlin(2026, 11, 18, 15, 30), interviewers=(RAVI,))  # ends 16:30
    assert items["thank_you:ravi kumar"].due == berlin(2026, 11, 19, 16, 30)


def test_without_interviewers_there_is_still_one_thank_you() -> None:
    items = planned(berlin(2026, 11, 18, 9, 0))
    assert items["thank_you:"].person == "" and items["thank_you:"].due == berlin(
        2026, 11, 18, 20, 0
    )


def test_linkedin_only_for_interviewers_with_a_profile_and_optional() -> None:
    items = planned(berlin(2026, 11, 20, 10, 0), interviewers=(JANE, RAVI))  # a Friday
    assert "linkedin:ravi kumar" not in items
    linkedin = items["linkedin:jane doe"]
    assert linkedin.optional and linkedin.due == berlin(
        2026, 11, 23, 12, 0
    )  # next working day: Monday


def test_references_at_later_stages_or_when_asked() -> None:
    assert "references" not in planned(berlin(2026, 11, 18, 10, 0), stage=Stage.TECHNICAL)
    assert planned(berlin(2026, 11, 18, 10, 0), stage=Stage.ONSITE)["references"].due == berlin(
        2026, 11, 19, 10, 0
    )
    assert "references" in planned(
        berlin(2026, 11, 18, 10, 0), stage=Stage.PHONE_SCREEN, references_requested=True
    )


def test_call_three_working_days_after_skipping_the_weekend() -> None:
    call = planned(berlin(2026, 11, 19, 10, 0))["call"]  # a Thursday
    assert call.optional and call.channel is Channel.PHONE
    assert call.due == berlin(2026, 11, 24, 10, 0)  # Fri, Mon, Tue


def test_status_check_after_a_week_when_no_date_was_named() -> None:
    items = planned(berlin(2026, 11, 16, 14, 0))  # a Monday
    assert items["status_check:1"].due == berlin(2026, 11, 23, 10, 0)
    assert items["status_check:2"].due == berlin(2026, 11, 30, 10, 0)
    assert items["mark_cold"].due == berlin(2026, 12, 7, 10, 0)


def test_told_a_week_means_about_ten_days() -> None:
    items = planned(
        berlin(2026, 11, 16, 14, 0), reply_by=date(2026, 11, 23)
    )  # Monday, told "a week"
    check = items["status_check:1"].due
    assert check == berlin(2026, 11, 26, 10, 0)  # three working days after the named Monday
    assert (check.date() - date(2026, 11, 16)).days == 10


def test_a_decision_date_on_a_friday_waits_over_the_weekend() -> None:
    items = planned(berlin(2026, 11, 16, 14, 0), reply_by=date(2026, 11, 20))
    assert items["status_check:1"].due == berlin(2026, 11, 25, 10, 0)


def test_a_week_from_a_saturday_lands_on_a_working_day() -> None:
    items = planned(berlin(2026, 11, 21, 11, 0))  # Saturday interview
    assert items["status_check:1"].due == berlin(2026, 11, 30, 10, 0)  # Sat +7 = Sat -> Monday


def test_a_decision_date_before_the_interview_is_ignored() -> None:
    items = planned(berlin(2026, 11, 16, 14, 0), reply_by=date(2026, 11, 1))
    assert items["status_check:1"].due == berlin(2026, 11, 23, 10, 0)


def test_a_week_across_the_end_of_summer_time_keeps_the_wall_clock() -> None:
    items = planned(berlin(2026, 10, 20, 14, 0))  # CEST; clocks go back on 25 October
    check = items["status_check:1"].due
    assert check == berlin(2026, 10, 27, 10, 0)
    assert check.utcoffset().total_seconds() == 3600  # CET by then


def test_time_zones_plan_in_the_users_own_zone() -> None:
    # A video interview at 08:00 in New York is 14:00 in Berlin: the same evening there.
    ny_morning = pendulum.datetime(2026, 11, 18, 8, 0, tz="America/New_York")
    in_berlin = planned(ny_morning, BERLIN)["thank_you:"]
    assert in_berlin.due == berlin(2026, 11, 18, 20, 0)
    # The same moment planned for someone in Tokyo (22:00 there, ending 23:00) gets 24 hours.
    in_tokyo = planned(ny_morning, "Asia/Tokyo")["thank_you:"]
    assert in_tokyo.due == pendulum.datetime(2026, 11, 19, 23, 0, tz="Asia/Tokyo")


def test_working_days() -> None:
    friday = berlin(2026, 11, 20, 9, 0)
    assert add_working_days(friday, 1) == berlin(2026, 11, 23, 9, 0)
    assert add_working_days(friday, 5) == berlin(2026, 11, 27, 9, 0)
    assert add_working_days(friday, 0) == friday


def test_replanning_keeps_what_was_done_and_never_duplicates() -> None:
    at = berlin(2026, 11, 16, 10, 0)
    first = planned(at, interviewers=(JANE, RAVI))
    done = mark_done(first["thank_you:jane doe"], at.add(hours=8), note="sent by LinkedIn")
    snoozed = snooze(first["status_check:1"], berlin(2026, 11, 24, 9, 0))
    gone = dismiss(first["thank_you:ravi kumar"], at.add(hours=9))
    existing = [
        done,
        snoozed,
        gone,
        *[i for k, i in first.items() if k not in (done.key, snoozed.key, gone.key)],
    ]
    # The edit removes Ravi and moves the interview by an hour.
    job = opportunity()
    edited = bare_reflection(job.id, id="r1", interview_at=at.add(hours=1), interviewers=(JANE,))
    merged = {i.key: i for i in replan(plan(edited, job, BERLIN), existing)}
    assert len(merged) == len(set(merged))
    assert (
        merged["thank_you:jane doe"].done_at == done.done_at
        and merged["thank_you:jane doe"].note == "sent by LinkedIn"
    )
    assert merged["status_check:1"].snoozed_until == berlin(2026, 11, 24, 9, 0)
    assert merged["thank_you:ravi kumar"].dismissed_at is not None  # history stays
    assert "linkedin:ravi kumar" not in merged
    assert merged["call"].due == berlin(2026, 11, 19, 10, 0) and merged["call"].pending


def test_the_second_check_and_the_cold_suggestion_wait_their_turn() -> None:
    items = planned(berlin(2026, 11, 16, 10, 0))
    first, second = items["status_check:1"], items["status_check:2"]
    assert not is_actionable(second, first, Status.INTERVIEWING)
    first_done = mark_done(first, berlin(2026, 11, 23, 11, 0))
    assert is_actionable(second, first_done, Status.INTERVIEWING)
    assert not is_actionable(items["mark_cold"], second, Status.INTERVIEWING)
    assert not is_actionable(second, None, Status.INTERVIEWING)  # its first check is gone
    assert not is_actionable(second, first_done, Status.OFFER)  # no need once there is an offer
    assert is_actionable(items["thank_you:"], None, Status.REJECTED)  # still good manners
    assert not is_actionable(items["thank_you:"], None, Status.WITHDRAWN)


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


def test_descriptions() -> None:
    items = planned(berlin(2026, 11, 16, 10, 0), interviewers=(JANE,))
    assert describe(items["thank_you:jane doe"]) == "Thank-you note to Jane  Doe (by LinkedIn)"
    assert describe(items["linkedin:jane doe"]) == "Connect on LinkedIn with Jane  Doe"
    assert describe(items["status_check:1"]) == "Status check"


def test_snooze_choices_start_from_now() -> None:
    choices = dict(snooze_choices(berlin(2026, 11, 18, 12, 0)))  # a Wednesday
    assert choices["Tomorrow morning"] == berlin(2026, 11, 19, 9, 0)
    assert choices["In 3 days"] == berlin(2026, 11, 21, 9, 0)
    assert choices["Next Monday"] == berlin(2026, 11, 23, 9, 0)
