"""Crashes the keyboard monkey (scripts/monkey.py) found, each replayed with the few keys
that matter, so they stay fixed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from textual.command import CommandPalette
from textual.widgets import Select

from debrief.followups import plan
from debrief.model import Interviewer
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp, make_app
from debrief.ui.screens.journal import JournalScreen
from debrief.ui.screens.profile import ProfileScreen
from debrief.ui.screens.trends import TrendsScreen
from tests.samples import NOW, bare_reflection, fixed_clock, full_reflection, opportunity

AppFactory = Callable[[], DebriefApp]


async def test_the_palette_left_open_by_an_f_key_does_not_clash_with_the_next(
    build_app: AppFactory,
) -> None:
    """Ctrl+P, F3, Ctrl+P crashed (DuplicateIds): the first palette stayed open in the home
    screen's stack and the second has the same id. Going elsewhere closes it."""
    app = build_app()
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("f3")
        assert isinstance(app.screen, JournalScreen)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape", "f2")
        assert not isinstance(app.screen, CommandPalette)  # home, not a palette left there


async def test_the_profile_opened_over_the_palette_closes_it(build_app: AppFactory) -> None:
    """Ctrl+P, F6, F3, Ctrl+P crashed the same way: F6 put the profile over the open
    palette, and F3 left both behind in the home screen's stack."""
    app = build_app()
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p", "f6")
        assert isinstance(app.screen, ProfileScreen)
        assert not any(isinstance(screen, CommandPalette) for screen in app.screen_stack)
        await pilot.press("f3", "ctrl+p")
        assert isinstance(app.screen, CommandPalette)


async def test_a_change_followed_while_a_screen_mounts_leaves_it_to_draw_itself(
    build_app: AppFactory,
) -> None:
    """The two-second look for changes (`follow_journal`) crashed (NoMatches in the trends'
    company list) when it ticked after a save while F4's screen was still mounting: it
    redrew the screen half-built. A screen that mounts draws the journal as it is then."""
    app = build_app()
    async with app.run_test() as pilot:
        settings = app.journal.settings()
        app.journal.save_settings(dataclasses.replace(settings, name="Zoë"))  # a change to follow
        trends = TrendsScreen(app.journal, app.clock)
        mounted = app.push_screen(trends)  # the top screen now, not mounted yet
        app.follow_journal()  # the timer's tick, as it may land
        await mounted
        await pilot.pause()
        assert trends.query_one("#company", Select).is_mounted


@pytest.fixture
def deleted_then_replanned(journal: Journal) -> Journal:
    """Globex's reflection saved first, with more follow-ups than Acme's saved after it:
    deleting Globex's frees the document ids Acme's plan then takes when it is saved."""
    cards = tuple(
        Interviewer(name=f"Panelist {n}", linkedin=f"https://linkedin.com/in/p{n}")
        for n in range(3)
    )
    globex = opportunity("Globex")
    first = full_reflection(globex.id, id="globex-round", interviewers=cards)
    journal.save_reflection(first, globex, plan(globex, [first], "Europe/Berlin"))
    acme = opportunity("Acme")
    second = bare_reflection(acme.id, id="acme-round", interview_at=NOW.subtract(days=2))
    journal.save_reflection(second, acme, plan(acme, [second], "Europe/Berlin"))
    assert len(journal.followups("globex-round")) > len(journal.followups("acme-round"))
    return journal


async def test_undoing_a_delete_after_another_plan_was_saved_brings_it_back(
    deleted_then_replanned: Journal,
) -> None:
    """Delete, mark another opportunity's follow-up done, undo: crashed (ValueError:
    Document with ID 4 already exists). The other plan, saved again, took the deleted
    follow-ups' document ids; the undo moved the first of them to new ids, and those
    new ids were the ones the next follow-ups back wanted."""
    journal = deleted_then_replanned
    app = make_app(journal, clock=fixed_clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f3", "d", "y")  # the newest: Globex's
        assert journal.reflection("globex-round") is None
        await pilot.press("f2", "space")  # Acme's first follow-up done: its plan saved
        assert any(item.done_at for item in journal.followups("acme-round"))
        await pilot.press("f3", "u")
        await pilot.pause()
    assert journal.reflection("globex-round") is not None
    assert len(journal.followups("globex-round")) == 7
    reopened = Journal.open(journal.file_path)
    assert {r.id for r in reopened.reflections()} == {"globex-round", "acme-round"}
