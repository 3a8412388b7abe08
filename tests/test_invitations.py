"""Calendar invitations in: events become scheduled interviews, again by UID, never twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from debrief.cli import main
from debrief.invitations import (
    ROLE_UNKNOWN,
    InvitationsRejected,
    name_from_summary,
    plan_invitations,
    read_invitations,
)
from debrief.model import Format, Stage
from debrief.store.journal import Journal
from tests.samples import NOW, opportunity

BERLIN = "Europe/Berlin"


def calendar(*events: str, extra: str = "") -> bytes:
    body = "".join(events) + extra
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" + body + "END:VCALENDAR\r\n"
    ).encode()


def event(uid: str, summary: str, start: str, end: str = "", **more: str) -> str:
    lines = [f"UID:{uid}", f"SUMMARY:{summary}", f"DTSTART{start}", "DTSTAMP:20261120T090000Z"]
    if end:
        lines.append(f"DTEND{end}")
    lines += [f"{key.upper()}{value}" for key, value in more.items()]
    return "BEGIN:VEVENT\r\n" + "\r\n".join(lines) + "\r\nEND:VEVENT\r\n"


ONSITE = event(
    "onsite-1@globex",
    "Onsite interview – Globex (Platform Engineer)",
    ";TZID=Europe/Berlin:20261126T100000",
    ";TZID=Europe/Berlin:20261126T113000",
    location=":Globex HQ\\, 3rd floor",
    attendee=';CN="Jane Dœ":mailto:jane@globex.example',
    organizer=";CN=Mo Recruiter:mailto:mo@globex.example",
)
VIDEO = event(
    "screen-2@acme",
    "Data Engineer at Acme",
    ":20261124T130000Z",
    ":20261124T133000Z",
    url=":https://meet.google.com/abc-defg",
)


@pytest.mark.parametrize(
    ("summary", "company", "role", "stage"),
    [
        ("Onsite interview – Globex (Platform Engineer)", "Globex", "Platform Engineer", Stage.ONSITE),
        ("Data Engineer at Acme", "Acme", "Data Engineer", None),
        ("Globex: technical interview", "Globex", ROLE_UNKNOWN, Stage.TECHNICAL),
        ("Interview with Initech - SRE", "Initech", "SRE", None),
        ("Hooli | Senior Python Engineer | hiring manager", "Hooli", "Senior Python Engineer",
         Stage.HIRING_MANAGER),
        ("Phone screen: Umbrella Health", "Umbrella Health", ROLE_UNKNOWN, Stage.PHONE_SCREEN),
    ],
)  # fmt: skip
def test_the_summary_names_company_role_and_stage(
    summary: str, company: str, role: str, stage: Stage | None
) -> None:
    named = name_from_summary(summary)
    assert (named.company, named.role, named.stage) == (company, role, stage)


def test_events_become_interviews_with_time_place_people_and_format() -> None:
    read = read_invitations(calendar(ONSITE, VIDEO), "cal.ics", BERLIN, me="alex@example.com")
    plan = plan_invitations(read, [], [], NOW)
    assert plan.summary() == "2 added, 0 updated, 0 unchanged"
    onsite, video = plan.interviews
    assert onsite.start.isoformat() == "2026-11-26T10:00:00+01:00"
    assert (onsite.duration_minutes, onsite.where) == (90, "Globex HQ, 3rd floor")
    assert (onsite.stage, onsite.format) == (Stage.ONSITE, Format.IN_PERSON)
    assert [(p.name, p.email) for p in onsite.interviewers] == [("Jane Dœ", "jane@globex.example")]
    globex = next(o for o in plan.opportunities if o.id == onsite.opportunity_id)
    assert (globex.company, globex.role) == ("Globex", "Platform Engineer")
    assert (globex.recruiter_name, globex.recruiter_email) == ("Mo Recruiter", "mo@globex.example")
    assert (video.format, video.where) == (Format.VIDEO, "https://meet.google.com/abc-defg")


def test_an_existing_opportunity_is_used_and_a_known_uid_is_updated() -> None:
    acme = opportunity("Acme", "Data Engineer")
    first = plan_invitations(read_invitations(calendar(VIDEO), "a.ics", BERLIN), [], [acme], NOW)
    assert first.opportunities == () and first.interviews[0].opportunity_id == acme.id
    moved = VIDEO.replace("20261124T130000Z", "20261125T130000Z")
    again = plan_invitations(
        read_invitations(calendar(moved), "a.ics", BERLIN), list(first.interviews), [acme], NOW
    )
    assert again.summary() == "0 added, 1 updated, 0 unchanged"
    assert again.interviews[0].id == first.interviews[0].id
    assert again.interviews[0].start.isoformat() == "2026-11-25T13:00:00+00:00"
    same = plan_invitations(
        read_invitations(calendar(moved), "a.ics", BERLIN), list(again.interviews), [acme], NOW
    )
    assert same.summary() == "0 added, 0 updated, 1 unchanged"


def test_what_is_not_a_timed_event_is_skipped_and_counted() -> None:
    todo = "BEGIN:VTODO\r\nUID:t1\r\nSUMMARY:Send CV\r\nEND:VTODO\r\n"
    all_day = event("d1", "Globex — on-site day", ";VALUE=DATE:20261126")
    read = read_invitations(calendar(ONSITE, all_day, extra=todo), "c.ics", BERLIN)
    assert (len(read.invitations), read.skipped) == (1, 2)
    assert plan_invitations(read, [], [], NOW).summary().endswith("2 skipped (not a timed event)")


@pytest.mark.parametrize(
    "payload", [b"not a calendar", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", b""]
)
def test_a_malformed_file_is_refused_whole(payload: bytes) -> None:
    with pytest.raises(InvitationsRejected, match=r"bad\.ics"):
        read_invitations(payload, "bad.ics", BERLIN)


def test_the_shell_imports_a_calendar_and_again_updates_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal_path = tmp_path / "journal.json"
    ics = tmp_path / "invitations.ics"
    ics.write_bytes(calendar(ONSITE, VIDEO))
    assert main(["--db", str(journal_path), "import", "--format", "ics", str(ics)]) == 0
    assert capsys.readouterr().out.startswith("2 added, 0 updated, 0 unchanged")
    assert main(["--db", str(journal_path), "import", "--format", "ics", str(ics)]) == 0
    assert capsys.readouterr().out.startswith("0 added, 0 updated, 2 unchanged")
    assert len(Journal.open(journal_path).interviews()) == 2
    bad = tmp_path / "bad.ics"
    bad.write_bytes(b"nonsense")
    before = journal_path.read_bytes()
    assert main(["--db", str(journal_path), "import", "--format", "ics", str(bad)]) != 0
    assert journal_path.read_bytes() == before
