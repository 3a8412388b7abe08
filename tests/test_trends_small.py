"""The trends screen at 80×24 on the demo journal, as a new user first reads it (issue 29):
what a filter leaves out, keys after choosing a period, lines that fit, counts that add up."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Select, Static

from debrief.cli import build_demo_journal
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp, make_app
from debrief.ui.screens.trends import TrendsScreen
from debrief.ui.widgets.fitted import FittedLines
from debrief.ui.widgets.rating_chart import RatingChart
from tests.samples import NOW

SIZE = (80, 24)


@pytest.fixture
def demo(tmp_path: Path) -> Journal:
    return build_demo_journal(tmp_path / "journal.json", NOW)


def app_on(journal: Journal) -> DebriefApp:
    return make_app(journal, clock=lambda: NOW)


async def open_trends(pilot: object) -> TrendsScreen:
    app = pilot.app  # type: ignore[attr-defined]
    await pilot.press("f4")  # type: ignore[attr-defined]
    await settle(pilot)
    assert isinstance(app.screen, TrendsScreen)
    return app.screen


async def settle(pilot: object) -> None:
    await pilot.app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def choose_last_30_days(pilot: object) -> None:
    """As a user does it: Shift+Tab Shift+Tab to the period, open it, ↓ to the next, Enter."""
    await pilot.press("shift+tab", "shift+tab", "enter", "down", "enter")  # type: ignore[attr-defined]
    await settle(pilot)


def shown(screen: TrendsScreen, selector: str) -> list[str]:
    widget = screen.query_one(selector)
    assert isinstance(widget, Static | FittedLines)
    return str(widget.content).splitlines()


async def test_a_filter_says_what_it_leaves_out_and_x_clears_it(demo: Journal) -> None:
    """Cyberdyne in the last 30 days read "With 0 so far", as if the journal of 18 were new."""
    app = app_on(demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        assert not screen.query_one("#too-few").display
        await choose_last_30_days(pilot)
        screen.query_one("#company", Select).value = "Cyberdyne"
        await settle(pilot)
        note = " ".join(shown(screen, "#too-few"))
        assert "none for Cyberdyne in the last 30 days, of the 18 in your journal" in note
        assert "x clears the filters" in note and "so far" not in note
        screen.query_one("#period", Select).value = "All time"
        await settle(pilot)
        note = " ".join(shown(screen, "#too-few"))
        assert "1 interview for Cyberdyne, of the 18 in your journal" in note
        await pilot.press("x")
        await settle(pilot)
        assert screen.query_one("#period", Select).value == "All time"
        assert screen.query_one("#company", Select).value is Select.NULL
        assert shown(screen, "#trends-count") == ["Based on 18 interviews"]
        assert not screen.query_one("#too-few").display
        assert screen.check_action("clear_filters", ()) is False  # (and off the footer)


async def test_after_choosing_a_period_the_page_scrolls(demo: Journal) -> None:
    """The focus stayed on the dropdown: PgUp and Home did nothing and ↑ opened it again."""
    app = app_on(demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        page = screen.query_one("#trends", VerticalScroll)
        await choose_last_30_days(pilot)
        assert shown(screen, "#trends-count") == ["Based on 10 interviews"]
        await pilot.press("end")
        await pilot.pause()
        assert page.scroll_y == page.max_scroll_y > 0
        await pilot.press("pageup")
        await pilot.pause()
        assert 0 < page.scroll_y < page.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert page.scroll_y == 0
        await pilot.press("up")
        await pilot.pause()
        assert not screen.query_one("#period", Select).expanded
        # From a dropdown the page scrolls as well.
        await pilot.press("shift+tab")
        assert isinstance(app.focused, Select)
        await pilot.press("pagedown")
        await pilot.pause()
        assert page.scroll_y > 0


async def test_the_weak_spots_list_highlights_its_first_row_when_it_gets_the_keys(
    demo: Journal,
) -> None:
    app = app_on(demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        spots = screen.query_one("#weak-spots", OptionList)
        await pilot.press("tab")
        assert app.focused is spots
        assert spots.highlighted == 0
        await pilot.press("enter")  # (before, Enter did nothing until ↓)
        await pilot.pause()
        assert not isinstance(app.screen, TrendsScreen)


async def test_lines_fit_80_columns_and_wrap_under_their_start(demo: Journal) -> None:
    app = app_on(demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        width = screen.query_one("#outcome").content_size.width
        outcome = shown(screen, "#outcome")
        assert outcome[0].startswith("Led to a next round or an offer")
        assert outcome[0].endswith("6.7  (7 interviews)")
        assert outcome[1].endswith("4.8  (5 interviews)")
        asked = shown(screen, "#asked")
        assert all(len(line) <= width for line in outcome + asked)
        design = next(i for i, line in enumerate(asked) if "Design a rate limiter" in line)
        assert asked[design + 1].startswith(" " * len("  6×  ") + "→")  # (a hanging indent)
        chart = screen.query_one("#rating-chart", RatingChart)
        lines = [chart.render_line(y).text for y in range(chart.size.height)]
        dates = lines[next(y for y, line in enumerate(lines) if "└" in line) + 1].split()
        assert " ".join(dates[:2]) == "28 Aug"  # not "28 Aug 26": this year's, as elsewhere
        assert len(dates) % 2 == 0 and all(day.isdigit() for day in dates[::2])


async def test_the_outcome_counts_add_up_to_the_interviews(demo: Journal) -> None:
    """7 led on + 5 stopped + 5 waiting = 17 of the 18: the 18th was withdrawn."""
    app = app_on(demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        outcome = shown(screen, "#outcome")
        assert outcome[2] == "5 interviews still waiting for an answer, 1 withdrawn (you ended it)"
