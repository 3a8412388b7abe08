"""Crashes the keyboard monkey (scripts/monkey.py) found, each replayed with the few keys
that matter, so they stay fixed."""

from __future__ import annotations

from collections.abc import Callable

from textual.command import CommandPalette

from debrief.ui.app import DebriefApp
from debrief.ui.screens.journal import JournalScreen

AppFactory = Callable[[], DebriefApp]


async def test_the_palette_left_open_by_an_f_key_does_not_clash_with_the_next(
    build_app: AppFactory,
) -> None:
    """Ctrl+P, F3, Ctrl+P crashed (DuplicateIds): the first palette stayed open in the home
    screen's stack and the second has the same id. Going elsewhere closes it."""
    app = build_app()
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p")
        assert CommandPalette.is_open(app)
        await pilot.press("f3")
        assert isinstance(app.screen, JournalScreen)
        await pilot.press("ctrl+p")
        assert CommandPalette.is_open(app)
        await pilot.press("escape", "f2")
        assert not CommandPalette.is_open(app)  # the home screen, not a palette left there
