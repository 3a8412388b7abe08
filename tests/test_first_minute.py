"""The first minute: the demo, help, the palette, themes, remapped keys, screenshots."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, OptionList

from debrief.cli import build_demo_journal
from debrief.store.journal import Journal
from debrief.ui.app import make_app
from debrief.ui.commands import palette_entries
from debrief.ui.screens.compare import CompareScreen
from debrief.ui.screens.detail import DetailScreen
from debrief.ui.screens.draft import DraftScreen
from debrief.ui.screens.help import HelpScreen
from debrief.ui.screens.home import HomeScreen
from debrief.ui.screens.journal import JournalScreen
from debrief.ui.screens.trends import TrendsScreen
from tests.pilot_helpers import record_notifications
from tests.samples import NOW, fixed_clock

SIZE = (120, 40)


@pytest.fixture
def demo(tmp_path: Path) -> Journal:
    return build_demo_journal(tmp_path / "journal.json", NOW)


def test_the_demo_journal_is_full(demo: Journal) -> None:
    assert len(demo.opportunities()) == 12
    assert len({r.stage for r in demo.reflections()}) >= 6
    assert {r.money.period for r in demo.reflections() if r.money} == {
        "year",
        "month",
        "day",
        "hour",
    }
    assert len({r.money.currency for r in demo.reflections() if r.money}) == 2
    states = {
        (
            "done"
            if f.done_at
            else "skipped"
            if f.dismissed_at
            else "snoozed"
            if f.snoozed_until
            else "pending"
        )
        for f in demo.followups()
    }
    assert states == {"done", "skipped", "snoozed", "pending"}
    assert demo.settings().current_company and len(demo.decision().chosen) == 3


def test_the_demo_tells_one_true_story(demo: Journal) -> None:
    from debrief.model import Reply, Status
    from debrief.trends import weak_spots

    statuses = [o.status for o in demo.opportunities()]
    assert statuses.count(Status.OFFER) == 1
    assert statuses.count(Status.GHOSTED) == statuses.count(Status.WITHDRAWN) == 1
    for opportunity in demo.opportunities():
        latest = demo.rounds(opportunity.id)[-1]
        expected = {Status.OFFER: Reply.OFFER, Status.REJECTED: Reply.REJECTED}
        assert latest.reply is expected.get(opportunity.status)  # an offer has its offer…
        if latest.reply is not None:  # …a rejection its date
            assert latest.replied_at is not None and latest.replied_at > latest.interview_at
    oldest_first = sorted(demo.reflections(), key=lambda r: r.interview_at)
    early = [r.rating for r in oldest_first[:4]]
    late = [r.rating for r in oldest_first[-6:]]
    assert sum(early) / 4 < 5 < sum(late) / 6  # nervous early rounds, steadier later
    lessons = [r.lessons for r in demo.reflections() if r.lessons]
    assert len(lessons) == len(set(lessons)) >= 10  # each interview taught its own lesson
    spots = weak_spots(demo.reflections())
    assert spots and all(2 <= spot.count <= 5 for spot in spots)
    assert spots[0].term == "nervous"
    people = {p.name for r in demo.reflections() for p in r.interviewers}
    assert len(people) >= 15  # each company its own people


def test_demo_ids_are_the_same_on_every_run_so_shell_commands_chain(tmp_path: Path) -> None:
    def debrief(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "debrief", "--db", str(tmp_path / "mine.json"), "--demo", *args],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    listed = [line for line in debrief("list").splitlines() if not line.endswith("ahead")]
    first_id = listed[0].split()[0]
    ids = [{line.split()[0] for line in debrief("list").splitlines()} for _ in range(2)]
    assert ids[0] == ids[1] == {line.split()[0] for line in listed} | ids[0]
    shown = debrief("show", first_id)
    assert shown.startswith("Tyrell Tech — Staff Engineer")


async def test_every_screen_renders_the_demo(demo: Journal) -> None:
    app = make_app(demo, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Your agenda" in str(app.screen.query_one("#agenda-title").render())
        home = app.screen
        assert isinstance(home, HomeScreen)
        agenda = home.query_one("#agenda", OptionList)
        agenda.highlighted = agenda.get_option_index(next(iter(home.items)))
        await pilot.press("enter")  # the first follow-up's draft
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        await pilot.press("escape", "f3")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen) and len(app.screen.shown) == 18
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("f4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (
            isinstance(app.screen, TrendsScreen)
            and app.screen.trends is not None
            and app.screen.trends.count == 18
        )
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen) and [c.title for c in app.screen.columns] == [
            "Acme Analytics",
            "Globex",
            "Wonka Labs",
        ]
        await pilot.press("f2", "p")
        await pilot.pause()
        assert app.screen.query_one("#profile-name", Input).value == "Alex Morgan"


def test_debrief_demo_never_touches_the_real_journal(tmp_path: Path) -> None:
    real = tmp_path / "mine.json"
    result = subprocess.run(
        [sys.executable, "-m", "debrief", "--db", str(real), "--demo", "list", "-n", "3"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert [line.endswith("ahead") for line in lines] == [True, True, False, False, False]
    assert not real.exists()


async def test_f1_shows_the_keys_of_the_screen(journal: Journal) -> None:
    app = make_app(journal, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen is home


async def test_the_palette_lists_the_screens_actions(demo: Journal) -> None:
    app = make_app(demo, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        titles = [title for title, _, _ in palette_entries(app, app.screen)] + [
            command.title for command in app.get_system_commands(app.screen)
        ]
        for expected in (
            "New reflection",
            "Export the journal…",
            "Import a journal export…",
            "Filter",
            "Sort",
            "Edit",
            "Status",
            "Delete",
            "Search",
        ):
            assert expected in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_the_theme_is_remembered(journal: Journal, journal_path: Path) -> None:
    app = make_app(journal, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert Journal.open(journal_path).settings().theme == "nord"
    again = make_app(Journal.open(journal_path), clock=fixed_clock)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_keys_can_be_remapped_by_binding_id(journal: Journal, tmp_path: Path) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\n"app.journal" = "f7"\n')
    app = make_app(journal, clock=fixed_clock, keymap_path=keys)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)


async def test_a_broken_keys_file_is_reported_not_fatal(journal: Journal, tmp_path: Path) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text("[keys\n")
    app = make_app(journal, clock=fixed_clock, keymap_path=keys)
    said = record_notifications(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert any("keys.toml" in message for message in said)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)


async def test_export_and_import_from_the_app(
    demo: Journal, tmp_path: Path, journal_path: Path
) -> None:
    target = tmp_path / "out.json"
    app = make_app(demo, clock=fixed_clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.action_export()
        await pilot.pause()
        await pilot.press("enter")  # JSON
        await pilot.pause()
        app.screen.query_one("#answer", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.exists()
    fresh = make_app(Journal.open(journal_path), clock=fixed_clock)
    said = record_notifications(fresh)
    async with fresh.run_test(size=SIZE, notifications=True) as pilot:
        fresh.action_import()
        await pilot.pause()
        fresh.screen.query_one("#answer", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert any(
            message.startswith("117 added") or " added, 0 updated" in message for message in said
        )
    assert len(Journal.open(journal_path).reflections()) == 18


def test_the_screenshot_script_writes_every_picture(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, str(root / "scripts" / "make_screenshots.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    pictures = sorted(p.name for p in tmp_path.glob("*.svg"))
    assert pictures == sorted(
        f"{name}.svg"
        for name in (
            "home",
            "draft",
            "questionnaire",
            "review",
            "journal",
            "detail",
            "trends",
            "compare",
            "schedule",
            "prep",
            "questions",
        )
    )
    assert all(
        p.stat().st_size > 10_000 and b"<svg" in p.read_bytes()[:200]
        for p in tmp_path.glob("*.svg")
    )


async def test_a_resized_terminal_lays_the_screens_out_again(demo: Journal) -> None:
    """(A screen ignores a resize to the size it already has: Textual sends one at start.)"""
    app = make_app(demo, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        agenda = app.screen.query_one("#agenda")
        assert agenda.size.width > 100
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert app.screen.size == (90, 30) and agenda.size.width < 90
        await pilot.press("f3")
        await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.size == SIZE and agenda.size.width > 100  # (resized while away)
