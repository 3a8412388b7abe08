"""Crashes the keyboard monkey (scripts/monkey.py) found, each replayed with the few keys
that matter, so they stay fixed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from textual.command import CommandPalette
from textual.widgets import Select

from debrief.ui.app import DebriefApp
from debrief.ui.screens.journal import JournalScreen
from debrief.ui.screens.profile import ProfileScreen
from debrief.ui.screens.trends import TrendsScreen

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
