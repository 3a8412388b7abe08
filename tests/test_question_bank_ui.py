"""The question bank at 80×24 (issue #29): every time a question was asked can be read
(Tab or Enter goes down to its history), the answer trail keeps the latest answers, and
the company list shows each name on one line."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Select

from debrief.ui.widgets.virtual_table import VirtualTable
from tests.test_help_screen import demo_app

SMALL = (80, 24)


@pytest.fixture
async def bank(tmp_path: Path) -> AsyncIterator[Pilot[None]]:
    """The demo's question bank at 80×24."""
    app = demo_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("q")
        await pilot.pause()
        yield pilot


async def test_enter_and_tab_go_down_to_every_time_a_question_was_asked(bank: Pilot[None]) -> None:
    """The history showed 5 lines of 6 occurrences and nothing could reach the rest."""
    app = bank.app
    history = app.screen.query_one("#bank-detail", VerticalScroll)
    assert history.max_scroll_y > 0  # (more than fits: the demo's first question, 6 times)
    await bank.press("enter")
    await bank.pause()
    assert app.focused is history
    await bank.press("end")
    await bank.pause()
    assert history.scroll_y == history.max_scroll_y > 0
    await bank.press("shift+tab", "tab")
    await bank.pause()
    assert app.focused is history


async def test_the_answer_trail_keeps_the_latest_answers(bank: Pilot[None]) -> None:
    app = bank.app
    table = app.screen.query_one("#bank-table", VirtualTable)
    group = app.screen.groups[0]  # type: ignore[attr-defined]
    first = table.render_line(1).text.rstrip()
    assert first.endswith(f"→ {group.answers[-1]}") and "…" in first, first


async def test_the_company_list_shows_each_name_on_one_line(bank: Pilot[None]) -> None:
    """The open list put "Soylent Systems" on two lines at 80 columns."""
    app = bank.app
    app.screen.query_one("#bank-company", Select).focus()
    await bank.press("enter")
    await bank.pause()
    overlay = app.screen.query_one("#bank-company SelectOverlay", Widget)
    names = {o.company for o in app.screen.journal.opportunities()}  # type: ignore[attr-defined]
    assert overlay.virtual_size.height == len(names) + 1  # (one line each, and "Every")


async def test_esc_from_a_questions_history_goes_back_to_the_list(bank: Pilot[None]) -> None:
    """The report: Esc from a question's history went straight home, not back to the
    question list; a second Esc leaves the bank."""
    from debrief.ui.screens.home import HomeScreen
    from debrief.ui.screens.question_bank import QuestionBankScreen

    app = bank.app
    await bank.press("enter")
    await bank.pause()
    await bank.press("escape")
    await bank.pause()
    assert isinstance(app.screen, QuestionBankScreen)
    assert isinstance(app.focused, VirtualTable)
    await bank.press("escape")
    await bank.pause()
    assert isinstance(app.screen, HomeScreen)
