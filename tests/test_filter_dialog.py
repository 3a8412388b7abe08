"""The journal's filter dialog at 80×24: every field in sight, placeholders whole, each
choice once, a fixed mistake's message gone, and the whole rating range no filter at all
(issue #29)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Select, Static

from debrief.model import Stage
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp
from debrief.ui.screens.filters import FilterScreen
from debrief.ui.screens.journal import JournalScreen
from tests.pilot_helpers import type_text
from tests.samples import NOW, bare_reflection, opportunity

AppFactory = Callable[[], DebriefApp]
SMALL = (80, 24)
FIELDS = ("#statuses", "#stages", "#company", "#rating-min", "#rating-max", "#period",
          "#since", "#until", "#apply", "#clear", "#cancel")  # fmt: skip


@pytest.fixture
def two_reflections(journal: Journal) -> Journal:
    for rid, company, rating in (("a1", "Acme", 4), ("g1", "Globex", 9)):
        job = opportunity(company, "Data Engineer")
        journal.save_reflection(
            bare_reflection(job.id, id=rid, interview_at=NOW.subtract(days=3), rating=rating,
                            stage=Stage.TECHNICAL),
            job,
        )  # fmt: skip
    return journal


async def open_filters(pilot: Pilot[Any]) -> FilterScreen:
    await pilot.press("f3", "f")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, FilterScreen)
    return screen


@pytest.mark.usefixtures("two_reflections")
async def test_every_field_is_in_sight_at_80_by_24(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_filters(pilot)
        assert screen.query_one("#filter-body").max_scroll_y == 0  # nothing below the fold
        for selector in FIELDS:
            region = screen.query_one(selector).region
            assert region.height and region.bottom <= SMALL[1], (selector, region)


@pytest.mark.usefixtures("two_reflections")
async def test_placeholders_are_whole(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_filters(pilot)
        for field in screen.query(Input):
            assert field.content_region.width >= cell_len(field.placeholder), field.id


@pytest.mark.usefixtures("two_reflections")
async def test_any_time_is_offered_once(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_filters(pilot)
        period = screen.query_one("#period", Select)
        period.focus()
        await pilot.press("enter")
        await pilot.pause()
        options = period.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert prompts.count("Any time") == 1, prompts


@pytest.mark.usefixtures("two_reflections")
async def test_a_mistake_s_message_goes_once_it_is_fixed(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_filters(pilot)
        screen.query_one("#rating-min", Input).focus()
        await type_text(pilot, "abc")
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = screen.query_one("#filter-error", Static)
        assert message.display and "not 'abc'" in str(message.content)
        await pilot.press("backspace", "backspace", "backspace")
        await type_text(pilot, "5")
        await pilot.pause()
        assert not message.display


@pytest.mark.usefixtures("two_reflections")
async def test_the_whole_rating_range_is_no_filter(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_filters(pilot)
        screen.query_one("#rating-min", Input).value = "1"
        screen.query_one("#rating-max", Input).value = "10"
        screen.query_one("#apply", Button).press()
        await pilot.pause()
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        assert not journal.filters.active
        assert not journal.query_one("#active-filters").display


@pytest.mark.usefixtures("two_reflections")
async def test_an_unticked_box_is_empty_and_a_ticked_one_shows_its_x(build_app: AppFactory) -> None:
    """The report: every box read ▐X▌, ticked or not (only the X's colour differed, dim
    against bright): a new user read every filter as on. Unticked, the X is drawn in the
    box's own colour: an empty box."""
    from textual.widgets import SelectionList

    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_filters(pilot)
        statuses = screen.query_one("#statuses", SelectionList)
        empty = statuses.get_component_rich_style("selection-list--button")
        ticked = statuses.get_component_rich_style("selection-list--button-selected")
        assert empty.color is not None and empty.bgcolor is not None
        assert empty.color.get_truecolor() == empty.bgcolor.get_truecolor()
        assert ticked.color is not None and ticked.color != ticked.bgcolor
