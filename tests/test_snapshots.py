"""What the key screens look like, compared with accepted SVG snapshots (120×36, and
80×24 for a small terminal)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from debrief.followups import plan
from debrief.model import Draft
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp, make_app
from tests.pilot_helpers import type_text
from tests.samples import NOW, fixed_clock, full_reflection, opportunity, scheduled

SnapCompare = Callable[..., bool]
SIZE = (120, 36)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fixed home folder, so the journal path in the header reads the same on every machine."""
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def app_on(journal: Journal) -> DebriefApp:
    return make_app(journal, clock=fixed_clock)


def still(pilot: Pilot[Any]) -> None:
    """No blinking cursors or animations: the picture must not depend on the moment."""
    pilot.app.animation_level = "none"
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False


def sample_journal(home: Path) -> Journal:
    journal = Journal.open(home / "journal.json")
    acme = opportunity()
    globex = opportunity(company="Globex", role="Platform Engineer")
    for reflection, job in (
        (full_reflection(acme.id, id="r1"), acme),
        (full_reflection(acme.id, id="r2", interview_at=NOW.subtract(days=12), rating=5), acme),
        (full_reflection(globex.id, id="r3", interview_at=NOW.subtract(hours=3), rating=9), globex),
    ):
        journal.save_reflection(reflection, job, plan(job, [reflection], "Europe/Berlin"))
    journal.save_interview(scheduled(acme.id), acme)  # the day after tomorrow: an onsite
    return journal


def test_home_empty(snap_compare: SnapCompare, home: Path) -> None:
    assert snap_compare(
        app_on(Journal.open(home / "journal.json")), terminal_size=SIZE, run_before=still
    )


def test_home_with_reflections(snap_compare: SnapCompare, home: Path) -> None:
    assert snap_compare(app_on(sample_journal(home)), terminal_size=SIZE, run_before=still)


def test_questionnaire_first_step(snap_compare: SnapCompare, home: Path) -> None:
    async def fill(pilot: Pilot[Any]) -> None:
        await pilot.press("n")
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "Data Engineer")
        await pilot.press("tab")
        await type_text(pilot, "yesterday 15:00")
        still(pilot)

    assert snap_compare(app_on(sample_journal(home)), terminal_size=SIZE, run_before=fill)


def test_questionnaire_review_with_a_problem(snap_compare: SnapCompare, home: Path) -> None:
    async def review(pilot: Pilot[Any]) -> None:
        await pilot.press("n")
        await type_text(pilot, "Initech")
        await pilot.press("tab")
        await type_text(pilot, "[b]TPS[/b] Report Engineer")
        await pilot.press("ctrl+s")
        still(pilot)

    assert snap_compare(
        app_on(Journal.open(home / "journal.json")), terminal_size=SIZE, run_before=review
    )


def test_resume_dialog(snap_compare: SnapCompare, home: Path) -> None:
    journal = Journal.open(home / "journal.json")
    journal.save_draft(
        Draft(
            answers={"company": "Acme", "role": "Data Engineer"},
            started_at=NOW.subtract(minutes=3),
            updated_at=NOW,
        )
    )
    assert snap_compare(app_on(journal), terminal_size=SIZE, run_before=still)


def test_journal_browser(snap_compare: SnapCompare, home: Path) -> None:
    async def browse(pilot: Pilot[Any]) -> None:
        await pilot.press("f3")
        await pilot.app.workers.wait_for_complete()
        still(pilot)

    assert snap_compare(app_on(sample_journal(home)), terminal_size=SIZE, run_before=browse)


def test_journal_search_with_a_filter(snap_compare: SnapCompare, home: Path) -> None:
    async def search(pilot: Pilot[Any]) -> None:
        await pilot.press("f3", "slash")
        await pilot.app.workers.wait_for_complete()
        await type_text(pilot, "kafka")
        await pilot.press("enter", "f")
        pilot.app.screen.query_one("#rating-min", Input).value = "6"
        await pilot.press("ctrl+s")
        still(pilot)

    assert snap_compare(app_on(sample_journal(home)), terminal_size=SIZE, run_before=search)


def test_reflection_detail(snap_compare: SnapCompare, home: Path) -> None:
    async def detail(pilot: Pilot[Any]) -> None:
        await pilot.press("f3", "down", "enter")
        await pilot.app.workers.wait_for_complete()
        still(pilot)

    assert snap_compare(app_on(sample_journal(home)), terminal_size=SIZE, run_before=detail)


def test_follow_up_draft(snap_compare: SnapCompare, home: Path) -> None:
    async def draft(pilot: Pilot[Any]) -> None:
        await pilot.press("down", "enter")  # (the first line is the interview ahead)
        still(pilot)

    assert snap_compare(app_on(sample_journal(home)), terminal_size=SIZE, run_before=draft)


def test_trends(snap_compare: SnapCompare, home: Path) -> None:
    async def trends(pilot: Pilot[Any]) -> None:
        await pilot.press("f4")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        still(pilot)

    assert snap_compare(app_on(sample_journal(home)), terminal_size=SIZE, run_before=trends)


def test_compare(snap_compare: SnapCompare, home: Path) -> None:
    async def compare(pilot: Pilot[Any]) -> None:
        await pilot.press("f5")
        await pilot.pause()
        still(pilot)

    assert snap_compare(app_on(sample_journal(home)), terminal_size=SIZE, run_before=compare)


# --- at 80×24: every key screen usable in a small terminal -----------------------------------

SMALL = (80, 24)
# The keys that open each key screen from the home.
OPENED_BY = {
    "home": (),
    "questionnaire": ("n", "I", "n", "i", "t", "e", "c", "h", "enter"),
    "journal": ("f3",),
    "filters": ("f3", "f", "tab", "tab", "tab"),  # (the focus on the company)
    "detail": ("f3", "down", "enter"),
    "draft": ("down", "enter"),  # (the first line is the interview ahead: its preparation)
    "trends": ("f4",),
    "compare": ("f5",),
    "schedule": ("i", "G", "l", "o", "b", "e", "x", "enter"),
    "prep": ("b",),
    "questions": ("q",),
}


@pytest.mark.parametrize("screen", ["schedule", "prep", "questions"])
def test_the_screens_before_and_after_an_interview(
    snap_compare: SnapCompare, home: Path, screen: str
) -> None:
    async def open_screen(pilot: Pilot[Any]) -> None:
        for key in OPENED_BY[screen]:
            await pilot.press(key)
        await pilot.pause()
        still(pilot)

    assert snap_compare(app_on(sample_journal(home)), terminal_size=SIZE, run_before=open_screen)


@pytest.mark.parametrize("screen", list(OPENED_BY))
def test_key_screens_at_80_by_24(snap_compare: SnapCompare, home: Path, screen: str) -> None:
    async def open_screen(pilot: Pilot[Any]) -> None:
        for key in OPENED_BY[screen]:
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        still(pilot)

    assert snap_compare(app_on(sample_journal(home)), terminal_size=SMALL, run_before=open_screen)


async def test_a_theme_chosen_on_another_screen_reaches_the_home_screen(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Coming back to the home after choosing a theme on the trends shows it in that
    theme, as a fresh start does."""

    async def picture(folder: str, *, chosen_on_trends: bool) -> str:
        monkeypatch.setenv("HOME", str(home / folder))  # (the header shows ~/journal.json)
        app = app_on(sample_journal(home / folder))
        async with app.run_test(size=SIZE) as pilot:
            if chosen_on_trends:
                await pilot.press("f4")
                await app.workers.wait_for_complete()
                await pilot.pause()
            app.theme = "nord"
            await pilot.pause()
            if chosen_on_trends:
                await pilot.press("f2")
                await pilot.pause()
            still(pilot)
            await pilot.pause()
            return re.sub(r"terminal-\d+", "terminal", app.export_screenshot())

    fresh = await picture("fresh", chosen_on_trends=False)
    assert await picture("away", chosen_on_trends=True) == fresh


def test_the_invitations_preview_at_80_by_24(snap_compare: SnapCompare, home: Path) -> None:
    """A calendar export of several events: what reads as an interview ticked, the rest
    saying why not; the highlighted one's details and its company and role below."""
    several = Path(__file__).parent / "fixtures" / "invitations" / "google-export-several.ics"

    async def open_preview(pilot: Pilot[Any]) -> None:
        pilot.app.action_import_invitations()  # type: ignore[attr-defined]
        await pilot.pause()
        await type_text(pilot, f"{several}\n")
        await pilot.press("down", "down", "down", "down")
        await pilot.pause()
        still(pilot)

    app = app_on(Journal.open(home / "journal.json"))
    assert snap_compare(app, terminal_size=SMALL, run_before=open_preview)
