"""Importing calendar invitations in the app: the preview of every event, keyboard-only at
80×24 (the palette, the file, Space, Enter, Ctrl+S), then the agenda and the prep page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pendulum
from textual.widgets import Input, Static

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
            "[ ]  Fri 27 Nov 10:00  Zalando  Senior Backend Engineer  repeats",
            "[ ]  Mon 30 Nov 11:00  Coffee Sam  Role to confirm  cancelled",
            "[x]  Tue 1 Dec 14:00  Zalando  Senior Backend Engineer  interview",
            "[x]  Tue 8 Dec all day  Zalando  Role to confirm  interview",
            "[ ]  Mon 14 Dec 08:30  SAP  Cloud Architect  repeats",
            "[ ]  Wed 23 Dec all day  Out of office  Role to confirm  all day",
        ]
        # The onsite day: its role corrected (Enter, Enter to the role, a new one, Enter).
        await pilot.press("down", "down", "down", "down")
        detail = str(screen.query_one("#invitations-detail", Static).content)
        assert "“Onsite interview – Zalando”" in detail
        assert "Tue 8 Dec, time to confirm" in detail
        assert "Interview · Onsite · In person · Zalando Campus" in detail
        await pilot.press("enter", "enter", "ctrl+u")
        assert app.focused is screen.query_one("#invitation-role", Input)
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
