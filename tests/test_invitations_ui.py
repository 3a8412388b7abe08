"""Importing calendar invitations in the app: the preview of every event, keyboard-only at
80×24 (the palette, the file, Space, Enter, Ctrl+S), then the agenda and the prep page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pendulum
from textual.widgets import Input, OptionList, Static

from debrief.model import Settings
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp, make_app
from debrief.ui.screens.home import HomeScreen
from debrief.ui.screens.invitations import InvitationsPreviewScreen
from debrief.ui.screens.prep import PrepScreen
from debrief.ui.widgets.virtual_table import VirtualTable
from tests.pilot_helpers import type_text

FIXTURES = Path(__file__).parent / "fixtures" / "invitations"
SMALL = (80, 24)
NOW = pendulum.datetime(2026, 11, 22, 14, 5, tz="Europe/London")


def app_on(journal_path: Path) -> DebriefApp:
    journal = Journal.open(journal_path)
    journal.save_settings(
        Settings(name="Alex Morgan", email="alex.morgan@example.com", timezone="Europe/London")
    )
    return make_app(Journal.open(journal_path), clock=lambda: NOW)


def said(app: DebriefApp) -> list[str]:
    """What the app tells the user (app.notify wrapped: public API only)."""
    messages: list[str] = []
    notify = app.notify

    def recorded(message: str, *args: Any, **kwargs: Any) -> None:
        messages.append(str(message))
        notify(message, *args, **kwargs)

    app.notify = recorded  # type: ignore[method-assign]
    return messages


def rows(screen: InvitationsPreviewScreen) -> list[str]:
    table = screen.query_one("#invitations-table", VirtualTable)
    return ["  ".join(c.strip() for c in table.row_texts(i)) for i in range(len(screen.guesses))]


async def test_the_preview_is_used_with_the_keyboard_alone_at_80_by_24(
    journal_path: Path,
) -> None:
    app = app_on(journal_path)
    messages = said(app)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "Import calendar")
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, str(FIXTURES / "google-export-several.ics") + "\n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InvitationsPreviewScreen)
        assert rows(screen) == [
            "[ ]  Tue 10 Nov 09:00  Zalando  Senior Backend Engineer  past",
            "[ ]  Fri 27 Nov 10:00  Recruiter check-in – Zalando (Senior Backend Engineer)    repeats",
            "[ ]  Mon 30 Nov 11:00  Coffee chat with Sam    cancelled",
            "[x]  Tue 1 Dec 14:00  Zalando  Senior Backend Engineer  new",
            "[x]  Tue 8 Dec all day  Zalando  Role to confirm  new",
            "[ ]  Mon 14 Dec 08:30  Trial week stand-up – SAP (Cloud Architect)    repeats",
            "[ ]  Wed 23 Dec all day  Out of office    all day",
        ]
        # The onsite day: its role corrected (Enter, Enter to the role, a new one, Enter).
        await pilot.press("down", "down", "down", "down")
        detail = str(screen.query_one("#invitations-detail", Static).content)
        assert "“Onsite interview – Zalando”" in detail
        assert "Tue 8 Dec, time to confirm" in detail
        assert "Interview · Onsite · In person · Zalando Campus" in detail
        await pilot.press("enter", "enter")
        role = screen.query_one("#invitation-role", Input)
        assert app.focused is role  # ("Role to confirm" is its hint, not text to delete)
        assert (role.value, role.placeholder) == ("", "Role to confirm")
        await type_text(pilot, "Senior Backend Engineer\n")
        assert isinstance(app.focused, VirtualTable)
        # The weekly check-in stays out; the trial week's stand-up is ticked, then not.
        await pilot.press("down", "space")
        assert rows(screen)[5].startswith("[x]")
        await pilot.press("space")
        await pilot.press("up", "up", "up", "space")  # (a cancelled one: nothing to import)
        assert rows(screen)[2].startswith("[ ]")
        assert messages[-1] == "Nothing to import: cancelled."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert messages[-1] == "2 added, 0 updated, 0 unchanged, 5 left out"

        journal = Journal.open(journal_path)
        (zalando,) = journal.opportunities()
        assert (zalando.company, zalando.role) == ("Zalando", "Senior Backend Engineer")
        technical, onsite = journal.interviews()
        assert onsite.time_to_confirm and onsite.opportunity_id == zalando.id
        assert technical.start == NOW.set(month=12, day=1, hour=14, minute=0)

        # b: the nearest one's preparation.
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
        about = str(app.screen.query_one("#prep-about", Static).content)
        assert about.startswith("Tue 1 Dec, 14:00 · 60 min")


async def test_escape_leaves_a_field_then_cancels_and_nothing_is_written(
    journal_path: Path,
) -> None:
    app = app_on(journal_path)
    before = journal_path.read_bytes()
    async with app.run_test(size=SMALL) as pilot:
        app.action_import_invitations()
        await pilot.pause()
        await type_text(pilot, str(FIXTURES / "outlook-teams-request.ics") + "\n")
        screen = app.screen
        assert isinstance(screen, InvitationsPreviewScreen)
        detail = str(screen.query_one("#invitations-detail", Static).content)
        assert "Thu 10 Dec, 09:30 · 75 min (10:30 Berlin = 09:30 your time)" in detail
        assert "with Jonas Weber · recruiter: Ayşe Öztürk" in detail
        await pilot.press("e")
        assert isinstance(app.focused, Input)
        await pilot.press("escape")
        assert isinstance(app.focused, VirtualTable)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert journal_path.read_bytes() == before


BERLIN_ONSITE = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Test//EN\r
BEGIN:VEVENT\r
UID:onsite@globex\r
DTSTAMP:20261120T090000Z\r
SUMMARY:Onsite interview – Globex (Platform Engineer)\r
DTSTART;TZID=Europe/Berlin:20261124T140000\r
DTEND;TZID=Europe/Berlin:20261124T150000\r
LOCATION:Globex HQ\\, Invalidenstraße 1\\, Berlin\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:day@globex\r
DTSTAMP:20261120T090000Z\r
SUMMARY:Final interview – Globex (Platform Engineer)\r
DTSTART;VALUE=DATE:20261126\r
END:VEVENT\r
END:VCALENDAR\r
"""


async def test_list_due_home_and_prep_agree_on_every_time(
    journal_path: Path, tmp_path: Path, monkeypatch: Any, capsys: Any
) -> None:
    """A 14:00 Berlin interview, the profile in UTC: 13:00 everywhere, Berlin named once
    (on the prep page); an all-day one is that day, its time to confirm."""
    from debrief.cli import main

    now = pendulum.datetime(2026, 11, 22, 14, 5, tz="UTC")
    monkeypatch.setenv("DEBRIEF_NOW", now.isoformat())
    journal = Journal.open(journal_path)
    journal.save_settings(Settings(name="Alex Morgan", timezone="UTC"))
    ics = tmp_path / "globex.ics"
    ics.write_text(BERLIN_ONSITE, encoding="utf-8")
    assert main(["--db", str(journal_path), "import", str(ics)]) == 0
    assert capsys.readouterr().out.startswith("2 added")

    assert main(["--db", str(journal_path), "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert "2026-11-24 13:00  Globex" in listed[0] and "2026-11-26 --:--  Globex" in listed[1]
    main(["--db", str(journal_path), "due", "--all"])  # (exit 1: something is due)
    due = capsys.readouterr().out
    assert "Tue 24 Nov, 13:00" in due and "Thu 26 Nov, time to confirm" in due
    assert "Berlin" not in due

    app = make_app(Journal.open(journal_path), clock=lambda: now)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#agenda", OptionList)
        agenda = " ".join(
            str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
        )
        assert "Tue 24 Nov, 13:00" in agenda and "Thu 26 Nov, time to confirm" in agenda
        await pilot.press("b")
        await pilot.pause()
        about = str(app.screen.query_one("#prep-about", Static).content)
        assert about.startswith("Tue 24 Nov, 13:00 (14:00 Berlin = 13:00 your time) · 60 min")
