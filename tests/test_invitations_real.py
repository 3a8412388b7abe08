"""Calendar invitations as real programs write them (tests/fixtures/invitations/, each
file's X-DEBRIEF-FIXTURE line says where its shape comes from): every event reads as a
person reading the invitation would write it down."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pendulum
import pytest

from debrief.actions.interviews import import_invitations, plan_invitation_import
from debrief.interviews import interview_when, join_link, schedule, zone_note
from debrief.invitation_names import ROLE_UNKNOWN
from debrief.invitation_preview import preview_text
from debrief.invitations import (
    Guess,
    InvitationsRejected,
    Me,
    guess_invitations,
    plan_invitations,
    read_invitations,
)
from debrief.model import Format, Settings, Stage
from debrief.store.journal import Journal
from tests.samples import opportunity

FIXTURES = Path(__file__).parent / "fixtures" / "invitations"
YOUR_ZONE = "Europe/London"  # the profile's: every start below is in it
NOW = pendulum.datetime(2026, 11, 22, 14, 5, tz=YOUR_ZONE)
ME = Me(email="alex.morgan@example.com", name="Alex Morgan")
TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_"
V, P, C = Format.VIDEO, Format.IN_PERSON, Format.PHONE


@dataclass(frozen=True)
class Expected:
    file: str
    summary: str  # (which event of the file)
    ticked: bool
    company: str
    role: str
    stage: Stage | None
    start: str  # in YOUR_ZONE
    format: Format | None
    link: str  # the start of the join link ("" for none)
    people: tuple[str, ...]
    recruiter: str = ""
    why: str = ""  # why it is left out


TABLE = [
    Expected("outlook-teams-request.ics", "Panel Interview: Cloud Architect - SAP", True, "SAP",
             "Cloud Architect", Stage.PANEL, "2026-12-10 09:30", V, TEAMS, ("Jonas Weber",),
             "Ayşe Öztürk"),
    Expected("outlook-teams-update.ics", "Panel Interview: Cloud Architect - SAP", True, "SAP",
             "Cloud Architect", Stage.PANEL, "2026-12-11 13:00", V, TEAMS, ("Jonas Weber",),
             "Ayşe Öztürk"),
    Expected("outlook-cancel.ics", "Canceled: Panel Interview: Cloud Architect - SAP", False,
             "SAP", "Cloud Architect", Stage.PANEL, "2026-12-11 13:00", V, "", ("Jonas Weber",),
             "Ayşe Öztürk", why="cancelled"),
    Expected("outlook-pacific-onsite.ics", "Contoso | Senior Data Engineer | Onsite", True,
             "Contoso", "Senior Data Engineer", Stage.ONSITE, "2026-12-03 17:00", P, "",
             ("Minh Nguyen", "Priya Patel"), "Jordan Lee"),
    Expected("google-meet-utc.ics", "Zalando – Recruiter screen (Senior Backend Engineer)", True,
             "Zalando", "Senior Backend Engineer", Stage.PHONE_SCREEN, "2026-11-24 15:00", V,
             "https://meet.google.com/riu-josb-pdb", ("Jana Schmidt",)),
    Expected("google-export-several.ics", "Intro call – Zalando (Senior Backend Engineer)", False,
             "Zalando", "Senior Backend Engineer", Stage.PHONE_SCREEN, "2026-11-10 09:00", V,
             "https://meet.google.com/abc-mnop-qrs", (), why="past"),
    Expected("google-export-several.ics", "Recruiter check-in – Zalando (Senior Backend Engineer)",
             False, "Zalando", "Senior Backend Engineer", None, "2026-11-27 10:00", V,
             "https://meet.google.com/pow-unuv-btf", ("Jana Schmidt",), why="repeats"),
    Expected("google-export-several.ics", "Coffee chat with Sam", False, "Coffee Sam",
             ROLE_UNKNOWN, None, "2026-11-30 11:00", P, "", (), why="cancelled"),
    Expected("google-export-several.ics", "Technical Interview: Senior Backend Engineer - Zalando",
             True, "Zalando", "Senior Backend Engineer", Stage.TECHNICAL, "2026-12-01 14:00",
             None, "", ()),
    Expected("google-export-several.ics", "Onsite interview – Zalando", True, "Zalando",
             ROLE_UNKNOWN, Stage.ONSITE, "2026-12-08, time to confirm", P, "", ()),
    Expected("google-export-several.ics", "Trial week stand-up – SAP (Cloud Architect)", False,
             "SAP", "Cloud Architect", None, "2026-12-14 08:30", P, "", (), why="repeats"),
    Expected("google-export-several.ics", "Out of office", False, "Out of office", ROLE_UNKNOWN,
             None, "2026-12-23, time to confirm", None, "", (), why="all day"),
    Expected("apple-calendar.ics", "Final round: Platform Engineer at Globex", True, "Globex",
             "Platform Engineer", Stage.FINAL, "2026-12-02 15:00", P, "", ()),
    Expected("zoom.ics", "Interview with Priya Raman (Initech)", True, "Initech", ROLE_UNKNOWN,
             None, "2026-11-25 13:00", V, "https://us06web.zoom.us/j/81234567890",
             ("Priya Raman",)),
    Expected("webex.ics", "Umbrella Health | Data Scientist | Hiring manager interview", True,
             "Umbrella Health", "Data Scientist", Stage.HIRING_MANAGER, "2026-11-30 15:00", V,
             "https://umbrella-health.webex.com/umbrella-health/j.php?MTID=", ("Marcus Bell",)),
    Expected("calendly.ics", "Hiring manager chat between Dana Whitfield and Alex Morgan", True,
             "Hooli", ROLE_UNKNOWN, Stage.HIRING_MANAGER, "2026-11-26 17:00", C, "",
             ("Dana Whitfield",)),
    Expected("greenhouse.ics", "Pied Piper – Virtual onsite (Staff Engineer)", True, "Pied Piper",
             "Staff Engineer", Stage.ONSITE, "2026-12-04 18:00", V,
             "https://piedpiper.zoom.us/j/94321567801", (), "Monica Hall"),
    Expected("lever.ics", "Acme: Data Engineer – Technical interview", True, "Acme",
             "Data Engineer", Stage.TECHNICAL, "2026-11-30 16:00", V,
             "https://meet.google.com/kfr-wqmz-tnb", ("Sam Okafor",), "Robin Ellis"),
    Expected("goodtime.ics", "Alex Morgan <> Initrode | System Design Interview", True,
             "Initrode", ROLE_UNKNOWN, Stage.TECHNICAL, "2026-12-01 16:00", V, TEAMS,
             ("Marta Kowalski",)),
]  # fmt: skip


def guesses_of(file: str, me: Me = ME, **kwargs: object) -> list[Guess]:
    read = read_invitations((FIXTURES / file).read_bytes(), file, YOUR_ZONE)
    return guess_invitations(read, [], [], NOW, me, **kwargs)  # type: ignore[arg-type]


def start_in_your_zone(guess: Guess) -> str:
    local = pendulum.instance(guess.invitation.start).in_timezone(YOUR_ZONE)
    if guess.time_to_confirm:
        return local.format("YYYY-MM-DD") + ", time to confirm"
    return local.format("YYYY-MM-DD HH:mm")


def test_every_fixture_says_where_its_shape_comes_from_and_is_in_the_table() -> None:
    from icalendar import Calendar

    files = sorted(path.name for path in FIXTURES.glob("*.ics"))
    assert sorted({row.file for row in TABLE}) == files
    for name in files:
        first = (FIXTURES / name).read_text(encoding="utf-8").splitlines()[1]
        assert first.startswith("X-DEBRIEF-FIXTURE:"), name
        assert (
            len(str(Calendar.from_ical((FIXTURES / name).read_bytes())["X-DEBRIEF-FIXTURE"])) > 40
        )


@pytest.mark.parametrize("row", TABLE, ids=lambda row: f"{row.file}:{row.summary[:30]}")
def test_each_event_reads_as_a_person_would_write_it_down(row: Expected) -> None:
    guesses = {g.invitation.summary: g for g in guesses_of(row.file)}
    guess = guesses[row.summary]
    seen = Expected(
        row.file, row.summary, guess.ticked, guess.company, guess.role, guess.stage,
        start_in_your_zone(guess), guess.format,
        guess.link[: len(row.link)] if row.link else guess.link,
        tuple(p.name for p in guess.people), guess.recruiter.name if guess.recruiter else "",
        guess.why,
    )  # fmt: skip
    assert seen == row
    assert all(p.email != ME.email for p in guess.people)  # the user is never a card


def test_the_count_of_events_per_file() -> None:
    counts = {row.file: 0 for row in TABLE}
    for row in TABLE:
        counts[row.file] += 1
    for file, count in counts.items():
        assert len(guesses_of(file)) == count, file


def test_the_invitee_is_known_without_a_profile_address() -> None:
    """Sent to another address of the user's (Exchange, the one attendee outside the
    employer's domain), and with no profile at all (Google: the invitee)."""
    for file in ("outlook-pacific-onsite.ics", "google-meet-utc.ics", "outlook-teams-request.ics"):
        for guess in guesses_of(file, me=Me()):
            assert all("Alex" not in p.name and "alex" not in p.email for p in guess.people)


def test_the_users_own_opportunities_are_the_strongest_hint() -> None:
    """A Zoom invitation names no role and no domain; a Calendly booking only the host's
    domain: each joins the user's own opportunity at that company."""
    initech = opportunity("Initech", "Backend Developer")
    hooli = opportunity("Hooli, Inc.", "Senior Python Engineer")
    sap = opportunity("SAP SE", "Cloud Architect")
    for file, job in (
        ("zoom.ics", initech),
        ("calendly.ics", hooli),
        ("outlook-teams-request.ics", sap),
    ):
        read = read_invitations((FIXTURES / file).read_bytes(), file, YOUR_ZONE)
        (guess,) = guess_invitations(read, [], [initech, hooli, sap], NOW, ME)
        assert (guess.company, guess.role) == (job.company, job.role)
        plan = plan_invitations([guess], [initech, hooli, sap], NOW)
        assert plan.opportunities == () and plan.interviews[0].opportunity_id == job.id


def test_shell_takes_interviews_and_all_takes_every_timed_event() -> None:
    ticked = [g.invitation.summary for g in guesses_of("google-export-several.ics") if g.ticked]
    assert ticked == [
        "Technical Interview: Senior Backend Engineer - Zalando",
        "Onsite interview – Zalando",
    ]
    every = [g.invitation.summary for g in guesses_of("google-export-several.ics", take_all=True)
             if g.ticked]  # fmt: skip
    assert every == [
        "Intro call – Zalando (Senior Backend Engineer)",
        "Recruiter check-in – Zalando (Senior Backend Engineer)",
        "Technical Interview: Senior Backend Engineer - Zalando",
        "Onsite interview – Zalando",
        "Trial week stand-up – SAP (Cloud Architect)",
    ]  # (not the cancelled one, nor the day off)


def test_the_preview_as_text_names_the_zone_once() -> None:
    (guess,) = guesses_of("outlook-teams-request.ics")
    text = "\n".join(preview_text([guess], NOW))
    assert text.splitlines()[0] == (
        "[x] Thu 10 Dec 09:30  SAP — Cloud Architect  (Panel; new)"
    )
    assert "Thu 10 Dec, 09:30 · 75 min (10:30 Berlin = 09:30 your time)" in text
    assert text.count("Berlin") == 1
    assert "with Jonas Weber · recruiter: Ayşe Öztürk" in text


def test_an_update_moves_it_keeping_the_preparation_and_a_cancellation_cancels_it(
    tmp_path: Path,
) -> None:
    journal = Journal.open(tmp_path / "journal.json")
    journal.save_settings(Settings(name=ME.name, email=ME.email, timezone=YOUR_ZONE))

    def run(file: str) -> str:
        plan = plan_invitation_import(journal, (FIXTURES / file).read_bytes(), file, NOW)
        import_invitations(journal, plan)
        return plan.summary()

    assert run("outlook-teams-request.ics") == "1 added, 0 updated, 0 unchanged"
    (first,) = journal.interviews()
    journal.save_interview(
        replace(first, prep_questions="Ask about the on-call"), journal.opportunities()[0]
    )
    assert zone_note(first, NOW) == "10:30 Berlin = 09:30 your time"
    assert join_link(first).startswith(TEAMS)
    assert run("outlook-teams-update.ics") == "0 added, 1 updated, 0 unchanged"
    (moved,) = journal.interviews()
    assert moved.id == first.id and moved.prep_questions == "Ask about the on-call"
    assert interview_when(moved, NOW) == "Fri 11 Dec, 13:00" and moved.sequence == 1
    assert run("outlook-teams-request.ics") == "0 added, 0 updated, 1 unchanged"  # older
    assert journal.interviews()[0].start == moved.start
    assert run("outlook-cancel.ics") == "0 added, 0 updated, 0 unchanged, 1 cancelled"
    (cancelled,) = journal.interviews()  # kept in the journal…
    assert cancelled.cancelled_at == NOW and cancelled.prep_questions == "Ask about the on-call"
    agenda = schedule(journal.interviews(), NOW)
    assert agenda.upcoming == [] and agenda.to_reflect == []  # …off the agenda
    assert run("outlook-cancel.ics") == "0 added, 0 updated, 1 unchanged"


def preview_after(journal: Journal, file: str) -> str:
    """The first line of a file's preview, once the journal holds what came before."""
    interviews, opportunities = journal.interviews(), journal.opportunities()
    read = read_invitations((FIXTURES / file).read_bytes(), file, YOUR_ZONE)
    guesses = guess_invitations(read, interviews, opportunities, NOW, ME)
    return preview_text(guesses, NOW)[0]


def test_the_preview_says_new_as_before_or_moves_from_when(tmp_path: Path) -> None:
    """The same invitation imported twice was labelled "moves", and a real move never said
    from when."""
    journal = Journal.open(tmp_path / "journal.json")
    assert preview_after(journal, "outlook-teams-request.ics").endswith("(Panel; new)")
    first = plan_invitation_import(journal, (FIXTURES / "outlook-teams-request.ics").read_bytes(), "r.ics", NOW)  # fmt: skip
    import_invitations(journal, first)
    assert preview_after(journal, "outlook-teams-request.ics") == (
        "[ ] Thu 10 Dec 09:30  SAP — Cloud Architect  (Panel; imported before, unchanged)"
    )
    assert preview_after(journal, "outlook-teams-update.ics") == (
        "[x] Fri 11 Dec 13:00  SAP — Cloud Architect  (Panel; moves from Thu 10 Dec 09:30)"
    )


def test_an_event_that_is_no_interview_is_shown_by_its_own_title() -> None:
    lines = preview_text(guesses_of("google-export-several.ics"), NOW)
    rows = [line for line in lines if line.startswith("[")]
    assert "[ ] Mon 30 Nov 11:00  Coffee chat with Sam  (cancelled)" in rows
    assert "[ ] Wed 23 Dec all day  Out of office  (all day)" in rows
    assert not any("—;" in row or "(—" in row for row in rows)


@pytest.mark.parametrize(
    ("payload", "said"),
    [
        (b"", "bad.ics is empty."),
        (b"hello\nworld\n", "bad.ics is not a calendar file: an invitation's .ics begins with BEGIN:VCALENDAR"),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nhello\r\nEND:VCALENDAR\r\n", "the line “hello” is not a calendar line"),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n", "it is cut short or its parts don't close"),
        (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Interview Acme\r\n"
            b"DTSTART:2026130T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            'the event "Interview Acme" (UID x) can\'t be read (its start “2026130T100000Z” is not a date and time)',
        ),
    ],
)
def test_a_refused_file_is_explained_in_a_users_words(payload: bytes, said: str) -> None:
    """Not the parser's: "Content line could not be parsed into parts", "Found no components
    where exactly one is required: b''", "Cannot access 'dt' on broken property"."""
    with pytest.raises(InvitationsRejected) as refused:
        read_invitations(payload, "bad.ics", YOUR_ZONE)
    message = str(refused.value)
    assert said in message
    for jargon in ("parsed into parts", "components", "broken property", "vDDDTypes", "b''"):
        assert jargon not in message
