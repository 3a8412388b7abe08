"""The footer's keys work with the mouse as Textual's own footer's do."""

from __future__ import annotations

from collections.abc import Callable

from textual.command import CommandPalette

from debrief.ui.app import DebriefApp
from debrief.ui.screens.reflect import ReflectScreen
from debrief.ui.widgets.footer import KeysFooter

SIZE = (120, 36)


def column_of(footer: KeysFooter, description: str) -> int:
    """The column of a key's first character, as drawn."""
    return next(start for start, _end, key in footer._placed() if key.description == description)


async def test_clicking_a_key_does_what_pressing_it_does(
    build_app: Callable[[], DebriefApp],
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        assert [key.description for key in footer.keys][-1] == "palette"
        await pilot.click(KeysFooter, offset=(column_of(footer, "New") + 2, 0))
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen)


async def test_the_palette_key_on_the_right_opens_the_palette(
    build_app: Callable[[], DebriefApp],
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click(KeysFooter, offset=(SIZE[0] - 4, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_hovering_a_key_shows_its_tooltip_and_highlights_it(
    build_app: Callable[[], DebriefApp],
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        before = footer.render_line(0).text
        plain = list(footer.render_line(0))
        await pilot.hover(KeysFooter, offset=(column_of(footer, "Journal") + 1, 0))
        await pilot.pause()
        assert footer.tooltip == "Browse and search every reflection"
        assert footer.render_line(0).text == before  # the same words ...
        assert list(footer.render_line(0)) != plain  # ... on the hover background
        await pilot.hover(KeysFooter, offset=(0, -3))  # off the footer
        await pilot.pause()
        assert footer.tooltip is None
