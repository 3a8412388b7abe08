"""Render the key screens of a sample journal into screenshots/*.svg.

    python scripts/make_screenshots.py [OUTPUT_DIR]

Uses the same app factory as the CLI and the tests, on a throwaway journal.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pendulum
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from debrief.cli import build_demo_journal
from debrief.ui.app import make_app
from debrief.ui.screens.detail import DetailScreen
from debrief.ui.screens.home import HomeScreen
from debrief.ui.screens.journal import JournalScreen

NOW = pendulum.datetime(2026, 11, 22, 18, 30, tz="Europe/Berlin")
SIZE = (120, 36)
Steps = Callable[[Pilot[Any]], Awaitable[None]]


async def _nothing(pilot: Pilot[Any]) -> None:
    await pilot.pause()


async def _questionnaire(pilot: Pilot[Any]) -> None:
    """`n` after the Hooli interview that just ended: everything scheduled filled in."""
    await pilot.press("n")
    await pilot.pause()
    company = pilot.app.screen.query_one("#q-company", Input).value
    assert company == "Hooli", f"the questionnaire was not prefilled ({company!r})"


async def _review(pilot: Pilot[Any]) -> None:
    await _questionnaire(pilot)
    await pilot.press("ctrl+n", "ctrl+n", "7", "ctrl+s")


async def _journal(pilot: Pilot[Any]) -> None:
    """Two remembered words, in any order: the early rounds where nerves got the better."""
    await pilot.press("f3")
    await pilot.app.workers.wait_for_complete()
    await pilot.press("slash", *"rambled nervous", "enter")
    journal = pilot.app.screen
    assert isinstance(journal, JournalScreen) and len(journal.shown) >= 2, "nothing matches"


async def _detail(pilot: Pilot[Any]) -> None:
    await _journal(pilot)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DetailScreen), "no reflection opened"


async def _draft(pilot: Pilot[Any]) -> None:
    """The first follow-up's draft (below the interviews on the agenda)."""
    home = pilot.app.screen
    assert isinstance(home, HomeScreen)
    agenda = home.query_one("#agenda", OptionList)
    agenda.highlighted = agenda.get_option_index(next(iter(home.items)))
    await pilot.press("enter")


async def _prep(pilot: Pilot[Any]) -> None:
    await pilot.press("b")


async def _questions(pilot: Pilot[Any]) -> None:
    await pilot.press("q")
    await pilot.pause()


async def _schedule(pilot: Pilot[Any]) -> None:
    await pilot.press("i", *"Globex", "enter", *"Platform Engineer", "enter", *"friday 10:00")


async def _trends(pilot: Pilot[Any]) -> None:
    await pilot.press("f4")
    await pilot.app.workers.wait_for_complete()


async def _compare(pilot: Pilot[Any]) -> None:
    await pilot.press("f5")
    await pilot.pause()
    await pilot.press("tab", "tab", "tab", "tab", "tab", "tab", "tab")  # down to the decision


SHOTS: dict[str, Steps] = {
    "home": _nothing,
    "draft": _draft,
    "questionnaire": _questionnaire,
    "review": _review,
    "journal": _journal,
    "detail": _detail,
    "trends": _trends,
    "compare": _compare,
    "schedule": _schedule,
    "prep": _prep,
    "questions": _questions,
}


async def shoot(name: str, steps: Steps, folder: Path) -> Path:
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["HOME"] = scratch  # the header then shows ~/journal.json, not a temp path
        journal = build_demo_journal(Path(scratch) / "journal.json", NOW)
        app = make_app(journal, clock=lambda: NOW)
        async with app.run_test(size=SIZE) as pilot:
            app.animation_level = "none"
            await steps(pilot)
            await pilot.pause()
            for widget in app.screen.query("Input, TextArea"):
                widget.cursor_blink = False  # type: ignore[attr-defined]
            return Path(app.save_screenshot(f"{name}.svg", path=str(folder)))


def main(argv: list[str]) -> int:
    folder = (
        Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    for name, steps in SHOTS.items():
        print(asyncio.run(shoot(name, steps, folder)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
