"""The decision matrix at 80×24 on the demo journal, by the keys, as fresh-eyes users
tried it (issue #29): what they saw in the rendered lines, and what was kept."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from textual.containers import HorizontalScroll
from textual.widgets import Checkbox, Static

from debrief.cli import build_demo_journal
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp
from debrief.ui.screens.compare import CompareScreen
from debrief.ui.widgets.decision_matrix import HEAD_LINES, DecisionMatrix
from tests.pilot_helpers import record_notifications, type_text
from tests.samples import NOW
from tests.test_compare_ui import at, matrix, open_compare

AppFactory = Callable[[], DebriefApp]
SMALL = (80, 24)


@pytest.fixture
def demo(journal_path: Path) -> Journal:
    """`debrief --demo`: Acme Analytics, Globex and Wonka Labs compared, scored."""
    return build_demo_journal(journal_path, NOW)


async def into_matrix(pilot: Any) -> tuple[CompareScreen, DecisionMatrix]:
    """F5, then Tab×3, as a user reaches the matrix."""
    screen = await open_compare(pilot)
    await pilot.press("tab", "tab", "tab")
    await pilot.pause()
    return screen, matrix(screen)


async def tab_to(pilot: Any, cell: str) -> None:
    for _ in range(80):
        if at(pilot.app) == cell:
            return
        await pilot.press("tab")
    raise AssertionError(f"Tab never reached {cell}")


def shown(grid: DecisionMatrix, y: int) -> list[str]:
    """Line `y` as drawn, split where two spaces part its columns."""
    return [part for part in re.split(r" {2,}", grid.render_line(y).text.strip()) if part]


def whole_columns_only(grid: DecisionMatrix) -> None:
    """Every title and total drawn is a whole one (a cut column read 'e Analytics', '0')."""
    titles = {*grid.cells.titles, "Criterion", "Weight"}
    assert set(shown(grid, 0)) <= titles, shown(grid, 0)
    totals = {part for line in grid.total_lines for part in line if part}
    assert set(shown(grid, HEAD_LINES + len(grid.texts))[1:]) <= totals


async def test_sideways_scrolling_shows_whole_columns_and_comes_back(
    build_app: AppFactory, demo: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        _, grid = await into_matrix(pilot)
        first = grid.cells.titles[0]
        assert first in shown(grid, 0)
        await tab_to(pilot, "remove-0")  # Tab along the row to its ✕
        await pilot.pause()
        whole_columns_only(grid)
        assert first not in shown(grid, 0)  # (scrolled by a whole column)
        assert grid.render_line(HEAD_LINES).text.rstrip().endswith("✕")
        await pilot.press("tab")  # the next row's name: the scores scroll back
        await pilot.pause()
        assert at(app) == "name-1"
        assert first in shown(grid, 0)
        whole_columns_only(grid)
        for _ in range(len(grid.cells.titles) + 1):  # Enter through to the last score
            await pilot.press("enter")
        await pilot.pause()
        assert at(app) == f"score-1-{len(grid.cells.titles) - 1}"
        whole_columns_only(grid)
        assert grid.cells.titles[-1] in shown(grid, 0)


async def test_tab_into_the_matrix_lands_on_the_first_score(
    build_app: AppFactory, demo: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        _, grid = await into_matrix(pilot)
        assert at(app) == "score-0-0"
        name = grid.value("name-0")
        await type_text(pilot, "4")
        assert grid.value("name-0") == name and grid.value("score-0-0") == "4"


async def test_space_never_blanks_a_score(build_app: AppFactory, demo: Journal) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        _, grid = await into_matrix(pilot)
        cell = "score-3-0"
        grid.focus_cell(cell)
        score = grid.value(cell)
        assert score
        await pilot.press("space", "enter")
        await pilot.pause()
        assert grid.value(cell) == score
        await pilot.press("shift+tab", "space", "2")
        assert grid.value(cell) == "2"  # (not " 2")


async def test_a_removed_criterion_comes_back_with_its_scores(
    build_app: AppFactory, demo: Journal
) -> None:
    app = build_app()
    said = record_notifications(app)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        screen, grid = await into_matrix(pilot)
        before = screen.decision
        name, score = grid.value("name-0"), grid.value("score-0-0")
        await type_text(pilot, "9")  # (refused: its message goes with the row)
        await tab_to(pilot, "remove-0")
        await pilot.press("enter")
        await pilot.pause()
        assert not screen.query_one("#matrix-error").display
        assert len(screen.decision.criteria) == len(before.criteria) - 1
        assert not (at(app) or "").startswith("remove-")  # never on the next ✕
        await pilot.press("enter")  # so a second Enter removes nothing more
        await pilot.pause()
        assert len(screen.decision.criteria) == len(before.criteria) - 1
        assert said[-1] == f"Removed '{name}' and its scores. u or Ctrl+Z brings it back."
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.decision.criteria == before.criteria
        assert screen.decision.scores == before.scores
        assert grid.value("name-0") == name
        assert said[-1] == f"Brought back '{name}' with its scores."
        await tab_to(pilot, "remove-0")  # u right after, as the toast says
        await pilot.press("enter", "u")
        await pilot.pause()
        assert screen.decision.criteria == before.criteria
        assert at(app) == "name-0" and grid.value("score-0-0") == score
        await pilot.press("escape", "u")  # (u in the list: nothing left to undo)
        await pilot.pause()
        assert screen.decision.criteria == before.criteria


async def test_valid_edits_count_and_are_kept_beside_an_invalid_one(
    build_app: AppFactory, demo: Journal, journal_path: Path
) -> None:
    app = build_app()
    said = record_notifications(app)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        screen, grid = await into_matrix(pilot)
        grid.focus_cell("score-0-0")
        pay = grid.value("score-0-0")
        await type_text(pilot, "9")  # refused
        await pilot.press("tab")
        await type_text(pilot, "5")
        await pilot.pause()
        assert grid.invalid is not None and grid.value("score-0-1") == "5"
        scores = screen.decision.scores
        acme, globex = screen.decision.chosen[:2]
        assert scores[globex][grid.value("name-0")] == 5  # counted
        assert scores[acme][grid.value("name-0")] == int(pay)  # the refused cell held back
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and said[-1] == (
            "'9' in the decision matrix is invalid, so not saved. Ctrl+Q again quits without it."
        )
        await pilot.press("ctrl+q")
    kept = Journal.open(journal_path).decision()
    assert kept.scores[globex][kept.criteria[0].name] == 5
    assert kept.scores[acme][kept.criteria[0].name] == int(pay)


async def test_esc_leaves_the_matrix_for_the_list(build_app: AppFactory, demo: Journal) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        await into_matrix(pilot)
        await pilot.press("down", "down", "escape")
        await pilot.pause()
        assert at(app) == "chosen"


async def test_a_decimal_comma_and_enter_past_the_last_cell(
    build_app: AppFactory, demo: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        screen, grid = await into_matrix(pilot)
        await pilot.press("shift+tab")
        await type_text(pilot, "1,5")
        await pilot.pause()
        assert grid.invalid is None
        assert screen.decision.criteria[0].weight == Decimal("1.5")
        last = len(grid.texts) - 1
        grid.focus_cell(f"score-{last}-{len(grid.cells.titles) - 1}")
        await pilot.press("enter")
        assert at(app) == "add-criterion"


async def test_the_side_by_sides_row_labels_stay_when_it_scrolls(
    build_app: AppFactory, demo: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_compare(pilot)
        screen.query_one("#include-current", Checkbox).value = True  # four: wider than 80
        await pilot.pause()
        scroll = screen.query_one("#side-by-side", HorizontalScroll)
        labels = screen.query_one("#aspect-labels", Static)
        scroll.focus()
        await pilot.pause()
        where = labels.region
        assert scroll.max_scroll_x > 0
        await pilot.press(*["right"] * scroll.max_scroll_x)  # to the last option
        await pilot.pause()
        assert scroll.scroll_x == scroll.max_scroll_x
        assert labels.region == where  # (not scrolled away: 'on', 'nterview')
        first = labels.render_line(HEAD_LINES).text.strip()
        assert first and first in str(labels.content).split("\n")[HEAD_LINES]
        assert first not in str(screen.query_one("#aspects", Static).content)
