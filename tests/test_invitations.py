"""Calendar invitations in: events become scheduled interviews, again by UID, never twice."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pendulum
import pytest

from debrief.cli import main
from debrief.interviews import interview_when
from debrief.invitation_names import ROLE_UNKNOWN, name_from_summary
from debrief.invitations import (
    InvitationPlan,
    InvitationsRejected,
    Me,
    guess_invitations,
    plan_invitations,
    read_invitations,
)
from debrief.model import Format, Interview, Opportunity, Stage
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
    "Video interview: Data Engineer at Acme",
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


def plan_of(
    payload: bytes,
    interviews: Sequence[Interview] = (),
    opportunities: Sequence[Opportunity] = (),
    me: Me | None = None,
    zone: str = BERLIN,
    now: pendulum.DateTime = NOW,
) -> InvitationPlan:
    read = read_invitations(payload, "cal.ics", zone)
    guesses = guess_invitations(read, interviews, opportunities, now, me or Me())
    return plan_invitations(guesses, opportunities, now, read.skipped)


def test_events_become_interviews_with_time_place_people_and_format() -> None:
    plan = plan_of(calendar(ONSITE, VIDEO), me=Me(email="alex@example.com"))
    assert plan.summary() == "2 added, 0 updated, 0 unchanged"
    video, onsite = plan.interviews
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
    first = plan_of(calendar(VIDEO), opportunities=[acme])
    assert first.opportunities == () and first.interviews[0].opportunity_id == acme.id
    moved = VIDEO.replace("20261124T130000Z", "20261125T130000Z")
    again = plan_of(calendar(moved), list(first.interviews), [acme])
    assert again.summary() == "0 added, 1 updated, 0 unchanged"
    assert again.interviews[0].id == first.interviews[0].id
    assert again.interviews[0].start.isoformat() == "2026-11-25T13:00:00+00:00"
    same = plan_of(calendar(moved), list(again.interviews), [acme])
    assert same.summary() == "0 added, 0 updated, 1 unchanged"


def test_what_is_not_an_event_is_skipped_and_counted_and_an_all_day_interview_kept() -> None:
    todo = "BEGIN:VTODO\r\nUID:t1\r\nSUMMARY:Send CV\r\nEND:VTODO\r\n"
    all_day = event("d1", "Globex — on-site day", ";VALUE=DATE:20261126")
    plan = plan_of(calendar(ONSITE, all_day, extra=todo))
    assert plan.summary() == "2 added, 0 updated, 0 unchanged, 1 skipped (not an event)"
    day = next(i for i in plan.interviews if i.uid == "d1")
    assert day.time_to_confirm and day.start.isoformat() == "2026-11-26T09:00:00+01:00"
    assert interview_when(day, NOW) == "Thu 26 Nov, time to confirm"


@pytest.mark.parametrize(
    "payload", [b"not a calendar", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", b""]
)
def test_a_malformed_file_is_refused_whole(payload: bytes) -> None:
    with pytest.raises(InvitationsRejected, match=r"bad\.ics"):
        read_invitations(payload, "bad.ics", BERLIN)


def test_the_shell_imports_a_calendar_and_again_updates_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEBRIEF_NOW", NOW.isoformat())
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


def test_the_shell_says_when_a_file_is_missing_or_holds_no_event(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file was "the folder does not exist" (the folder was there); a calendar with
    no event printed only "0 added, 0 updated, 0 unchanged"."""
    db = ["--db", str(tmp_path / "journal.json")]
    assert main([*db, "import", str(tmp_path / "missing.ics")]) == 2
    assert "missing.ics: there is no such file." in capsys.readouterr().err
    assert main([*db, "import", str(tmp_path / "nowhere" / "x.ics")]) == 2
    assert "x.ics: the folder does not exist." in capsys.readouterr().err
    empty = tmp_path / "empty.ics"
    empty.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")
    assert main([*db, "import", str(empty)]) == 0
    assert capsys.readouterr().out == f"There is no event in {empty}: nothing was imported.\n"
    assert not (tmp_path / "journal.json").exists()


def test_the_shell_imports_the_interviews_lists_what_it_left_out_and_all_takes_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEBRIEF_NOW", NOW.isoformat())
    several = Path(__file__).parent / "fixtures" / "invitations" / "google-export-several.ics"
    db = ["--db", str(tmp_path / "journal.json")]
    assert main([*db, "import", str(several), "--dry-run"]) == 0
    preview = capsys.readouterr().out.splitlines()
    assert (
        preview[0]
        == "[ ] Tue 10 Nov 10:00  Zalando — Senior Backend Engineer  (Phone screen; past)"
    )
    assert "      Tue 8 Dec, time to confirm" in preview
    assert preview[-1] == "2 added, 0 updated, 0 unchanged, 5 left out (dry run: nothing written)"
    assert not (tmp_path / "journal.json").exists()

    assert main([*db, "import", str(several)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "2 added, 0 updated, 0 unchanged, 5 left out",
        "Left out (--dry-run shows them all; --all takes every timed event):",
        "  Tue 10 Nov 10:00  Intro call – Zalando (Senior Backend Engineer)  (past)",
        "  Fri 27 Nov 11:00  Recruiter check-in – Zalando (Senior Backend Engineer)  (repeats)",
        "  Mon 30 Nov 12:00  Coffee chat with Sam  (cancelled)",
        "  Mon 14 Dec 09:30  Trial week stand-up – SAP (Cloud Architect)  (repeats)",
        "  Wed 23 Dec all day  Out of office  (all day)",
    ]
    assert main([*db, "import", str(several), "--all"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "3 added, 0 updated, 2 unchanged, 2 left out"
    )
    assert len(Journal.open(tmp_path / "journal.json").interviews()) == 5
