"""F1 at 80×24 says every key a screen has: the parts Tab reaches (the decision matrix, a
list to tick), what Enter does, and a dialog's own title (issue #29's help gaps)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from debrief.cli import build_demo_journal
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp, make_app
from debrief.ui.screens.help import HelpScreen
from tests.samples import NOW

SMALL = (80, 24)


def demo_app(tmp_path: Path) -> DebriefApp:
    path = tmp_path / "demo.json"
    build_demo_journal(path, NOW)
    return make_app(Journal.open(path), clock=lambda: NOW)


async def help_text(pilot: Pilot[None], *keys: str) -> str:
    """F1 on the screen `keys` lead to, as drawn."""
    await pilot.press(*keys)
    await pilot.pause()
    await pilot.press("f1")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)
    return pilot.app.export_screenshot().replace("&#160;", " ")


async def test_compare_help_says_space_tab_and_the_matrix_keys(tmp_path: Path) -> None:
    """It listed only ^s and ^n."""
    app = demo_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        drawn = await help_text(pilot, "f5")
        for said in ("Tick or untick", "Next cell", "Row below", "Export Markdown"):
            assert said in drawn, said


async def test_trends_and_a_reflection_say_what_enter_does(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        assert "On a weak spot" in await help_text(pilot, "f4")
        assert "On the list of rounds" in await help_text(pilot, "escape", "f3", "enter")


async def test_the_filter_dialog_help_is_titled_for_it_with_no_empty_heading(
    tmp_path: Path,
) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await help_text(pilot, "f3", "f")
        assert isinstance(app.screen, HelpScreen)
        title = app.screen.query_one(".dialog-title", Static).content
        assert str(title) == "Keys · Filter the journal"
        headings = [str(h.content) for h in app.screen.query(".help-heading").results(Static)]
        assert "On every screen" not in headings
