"""Follow-ups as iCalendar, parsed back with `icalendar`: valid, complete, stable."""

from __future__ import annotations

import dataclasses
from datetime import UTC, timedelta
from pathlib import Path

import icalendar
import pytest

from debrief.cli import main
from debrief.exchange import followups_ics
from debrief.followups import mark_done, plan
from debrief.model import Interviewer, Status
from debrief.store.journal import Journal
from tests.samples import NOW, bare_reflection, opportunity


def sample() -> tuple[list, list, list]:  # type: ignore[type-arg]
    job = opportunity()
    reflection = bare_reflection(
        job.id,
        id="r1",
        interview_at=NOW.subtract(days=1).set(hour=10),
        interviewers=(Interviewer(name="Jane Doe"),),
    )
    items = plan(job, [reflection], "Europe/Berlin")
    return items, [reflection], [job]


def events(payload: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(payload)
    return list(calendar.walk("VEVENT"))


def test_every_pending_follow_up_becomes_an_event_with_company_and_person() -> None:
    items, reflections, opportunities = sample()
    parsed = events(followups_ics(items, reflections, opportunities, now=NOW))
    summaries = [str(e["SUMMARY"]) for e in parsed]
    assert summaries == [
        "Thank-you note to Jane Doe (by email) · Acme — Data Engineer",
        "Short follow-up call with Mo Salah · Acme — Data Engineer",  # (nobody named: the recruiter)
        "Status check to Mo Salah (by email) · Acme — Data Engineer",
    ]
    first = parsed[0]
    # (the interview was on a Saturday: its thank-you is due Monday at 10:00, not that evening)
    assert first.decoded("DTSTART") == NOW.add(days=1).set(hour=10, minute=0).astimezone(UTC)
    assert str(first["UID"]) == f"{items[0].id}@debrief"
    calendar = icalendar.Calendar.from_ical(
        followups_ics(items, reflections, opportunities, now=NOW)
    )
    assert str(calendar["VERSION"]) == "2.0" and "Debrief" in str(calendar["PRODID"])


def test_uids_are_stable_and_done_items_are_left_out() -> None:
    items, reflections, opportunities = sample()
    first = {
        str(e["UID"]) for e in events(followups_ics(items, reflections, opportunities, now=NOW))
    }
    replanned = plan(opportunities[0], [reflections[0]], "Europe/Berlin")
    replanned[0] = mark_done(replanned[0], NOW)
    second = {
        str(e["UID"])
        for e in events(followups_ics(replanned, reflections, opportunities, now=NOW.add(days=1)))
    }
    assert second == first - {f"{replanned[0].id}@debrief"}


def test_closed_opportunities_have_no_status_checks_in_the_calendar() -> None:
    items, reflections, opportunities = sample()
    rejected = [dataclasses.replace(opportunities[0], status=Status.REJECTED)]
    summaries = [
        str(e["SUMMARY"]) for e in events(followups_ics(items, reflections, rejected, now=NOW))
    ]
    assert summaries == ["Thank-you note to Jane Doe (by email) · Acme — Data Engineer"]


def test_debrief_export_ics_writes_a_file_and_never_touches_the_journal(
    journal: Journal, journal_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items, reflections, opportunities = sample()
    journal.save_reflection(reflections[0], opportunities[0], items)
    before = journal_path.read_bytes(), journal_path.stat().st_mtime_ns
    target = tmp_path / "follow-ups.ics"
    assert main(["--db", str(journal_path), "export", "--format", "ics", "-o", str(target)]) == 0
    assert len(events(target.read_bytes())) == 3
    assert (journal_path.read_bytes(), journal_path.stat().st_mtime_ns) == before
    assert main(["--db", str(journal_path), "export", "--format", "ics"]) == 0
    assert "BEGIN:VCALENDAR" in capsys.readouterr().out


def test_interviews_ahead_scheduled_here_go_into_the_calendar_with_a_reminder() -> None:
    from debrief.model import Interview, Stage

    items, reflections, opportunities = sample()
    job = opportunities[0]

    def ahead(days: float, **changes: object) -> Interview:
        start = NOW.add(hours=int(days * 24))
        return Interview(opportunity_id=job.id, start=start, created_at=NOW, updated_at=NOW,
                         stage=Stage.ONSITE, **changes)  # type: ignore[arg-type]  # fmt: skip

    onsite = ahead(2, where="Acme, Torstraße 1", interviewers=(Interviewer(name="Jane Doe"),))
    invited = ahead(3, uid="abc@calendar.example")  # in the calendar already
    over = ahead(-1)
    payload = followups_ics(items, reflections, opportunities, now=NOW,
                            interviews=[invited, over, onsite])  # fmt: skip
    parsed = [e for e in events(payload) if str(e["SUMMARY"]).startswith("Interview")]
    assert [str(e["SUMMARY"]) for e in parsed] == ["Interview: Acme — onsite"]
    (event,) = parsed
    assert event.decoded("DTSTART") == onsite.start.astimezone(UTC)
    assert str(event["LOCATION"]) == "Acme, Torstraße 1"
    assert "With Jane Doe." in str(event["DESCRIPTION"])
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -timedelta(hours=1)


def test_the_calendar_export_is_in_the_users_zone_as_the_app_shows_it() -> None:
    """Every time in the profile's zone (TZID and its VTIMEZONE), the same instant."""
    items, reflections, opportunities = sample()
    payload = followups_ics(items, reflections, opportunities, now=NOW)
    calendar = icalendar.Calendar.from_ical(payload)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    first = events(payload)[0]
    assert first["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert first.decoded("DTSTART").strftime("%H:%M") == "10:00"  # as the home screen says
