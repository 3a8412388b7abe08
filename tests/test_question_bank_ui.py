"""The question bank at 80×24 (issue #29): every time a question was asked can be read
(Tab or Enter goes down to its history), the answer trail keeps the latest answers, and
the company list shows each name on one line."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Select

from debrief.store.journal import Journal
from debrief.ui.widgets.virtual_table import VirtualTable
from tests.test_help_screen import demo_app

SMALL = (80, 24)


async def test_enter_and_tab_go_down_to_every_time_a_question_was_asked(tmp_path: Path) -> None:
    """The history showed 5 lines of 6 occurrences and nothing could reach the rest."""
    app = demo_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("q")
        await pilot.pause()
        history = app.screen.query_one("#bank-detail", VerticalScroll)
        assert history.max_scroll_y > 0  # (more than fits: the demo's first question, 6 times)
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is history
        await pilot.press("end")
        await pilot.pause()
        assert history.scroll_y == history.max_scroll_y > 0
        await pilot.press("shift+tab", "tab")
        await pilot.pause()
        assert app.focused is history


async def test_the_answer_trail_keeps_the_latest_answers(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("q")
        await pilot.pause()
        table = app.screen.query_one("#bank-table", VirtualTable)
        group = app.screen.groups[0]  # type: ignore[attr-defined]
        first = table.render_line(1).text.rstrip()
        assert first.endswith(f"→ {group.answers[-1]}") and "…" in first, first


async def test_the_company_list_shows_each_name_on_one_line(tmp_path: Path) -> None:
    """The open list put "Soylent Systems" on two lines at 80 columns."""
    app = demo_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("q")
        await pilot.pause()
        app.screen.query_one("#bank-company", Select).focus()
        await pilot.press("enter")
        await pilot.pause()
        overlay = app.screen.query_one("#bank-company SelectOverlay", Widget)
        names = {o.company for o in Journal.open(tmp_path / "demo.json").opportunities()}
        assert overlay.virtual_size.height == len(names) + 1  # (one line each, and "Every")
