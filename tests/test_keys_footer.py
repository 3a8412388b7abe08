"""Keys that act on the line they are offered for (issue 29), through the real app at
80×24: the footer offers only what the highlighted line can do, Space never opens an
interview, a key pressed twice never edits by surprise, `u` in the journal undoes rather
than types, and an undo leaves the highlight on what it brought back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest
from textual.widgets import Input, OptionList, Static

from debrief.cli import build_demo_journal
from debrief.followups import plan
from debrief.model import Interviewer, Settings, Stage
from debrief.store.journal import Journal
from debrief.ui import guard
from debrief.ui.app import DebriefApp, make_app
from debrief.ui.commands import palette_entries
from debrief.ui.screens.help import HelpScreen, key_lines
from debrief.ui.screens.history import HistoryScreen
from debrief.ui.screens.home import HomeScreen
from debrief.ui.screens.journal import JournalScreen
from debrief.ui.screens.profile import ProfileScreen
from debrief.ui.screens.reflect import ReflectScreen
from debrief.ui.widgets.footer import KeysFooter
from debrief.ui.widgets.virtual_table import VirtualTable
from tests.pilot_helpers import record_notifications
from tests.samples import (
    NOW,
    bare_reflection,
    fixed_clock,
    full_reflection,
    opportunity,
    scheduled,
)

AppFactory = Callable[[], DebriefApp]
SIZE = (80, 24)


def footer_keys(app: DebriefApp) -> list[str]:
    return [key.description for key in app.screen.query_one(KeysFooter).keys]


def highlighted_line(app: DebriefApp) -> str:
    agenda = app.screen.query_one("#agenda", OptionList)
    option = agenda.highlighted_option
    assert option is not None
    return str(option.prompt)


@pytest.fixture
def busy(journal: Journal) -> Journal:
    """An interview ahead at Globex above the follow-ups of Friday's interview at Acme."""
    job = opportunity()
    reflection = bare_reflection(
        job.id, id="r1", interview_at=NOW.subtract(days=2).set(hour=10, minute=0),
        stage=Stage.TECHNICAL, interviewers=(Interviewer(name="Jane Doe", title="CTO"),),
    )  # fmt: skip
    journal.save_reflection(reflection, job, plan(job, [reflection], "Europe/Berlin"))
    globex = opportunity(company="Globex", role="Platform Engineer")
    journal.save_interview(scheduled(globex.id, id="ahead"), globex)
    journal.save_settings(Settings(name="Alex Morgan", timezone="Europe/Berlin"))
    return journal


async def test_on_an_interview_ahead_the_footer_offers_no_follow_up_keys(
    build_app: AppFactory, busy: Journal
) -> None:
    """The report: on an interview-ahead row the footer showed Done/Snooze/Skip, and z then
    said "On an interview: Enter opens it"; Space opened its preparation, where what was
    typed next went."""
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Globex" in highlighted_line(app)
        offered = footer_keys(app)
        for key in ("Done", "Snooze", "Skip", "Note", "They replied"):
            assert key not in offered
        await pilot.press("space", "z", "x")
        assert isinstance(app.screen, HomeScreen)  # nothing opened, nothing changed
        await pilot.press("down")
        assert "Thank-you note" in highlighted_line(app)
        assert {"Done", "Snooze", "Skip"} <= set(footer_keys(app))


async def test_undo_leaves_the_highlight_on_the_item_brought_back(
    build_app: AppFactory, busy: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down")
        line = highlighted_line(app)
        assert "Thank-you note" in line
        await pilot.press("space")  # done: the highlight moves to the next line
        assert highlighted_line(app) != line
        await pilot.press("u")
        assert highlighted_line(app) == line



async def test_undo_of_a_snooze_leaves_the_highlight_on_the_item_moved_back(
    build_app: AppFactory, journal_path: Path
) -> None:
    """The report (the demo): snooze the overdue status check, then u: it came back to
    Overdue with the highlight on "Status check to Rachel Rosen · in 7 days", a line the
    snoozed item had pushed out of Upcoming and that came back into view."""
    tuesday = pendulum.datetime(2026, 12, 8, 4, 0, tz="Europe/Berlin")  # (as it was seen)
    build_demo_journal(journal_path, tuesday)
    app = make_app(Journal.open(journal_path), clock=lambda: tuesday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        agenda = app.screen.query_one("#agenda", OptionList)
        await pilot.press("home")
        for _ in range(agenda.option_count):
            if "overdue" in highlighted_line(app):
                break
            await pilot.press("down")
        line = highlighted_line(app)
        assert "overdue" in line
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # in 3 working days
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("u")
        await pilot.pause()
        assert highlighted_line(app) == line


@pytest.fixture
def one(journal: Journal) -> Journal:
    """A journal of one reflection, at Acme."""
    job = opportunity()
    journal.save_reflection(full_reflection(job.id), job)
    return journal


async def test_e_pressed_twice_does_not_type_into_the_edit(
    build_app: AppFactory, one: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report: `e` twice in the journal opened the questionnaire and typed "e" into
    the company ("Acmee"). Keys of the run that opened an edit wait for a pause."""
    monkeypatch.setattr(guard, "PAUSE_SECONDS", 1.0)  # (one run of typing, as a person's)
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3", "e", "e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReflectScreen)
        assert screen.query_one("#q-company", Input).value == "Acme"


async def test_undo_delete_in_the_journal_after_switching_screens(
    build_app: AppFactory, one: Journal
) -> None:
    """The report: the only reflection deleted, F2 then F3, and `u` typed "u" into the
    search box instead of bringing it back."""
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3", "d", "y")
        await pilot.pause()
        assert app.journal.reflections() == []
        await pilot.press("f2", "f3")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        assert screen.query_one("#search", Input).value == ""
        assert len(app.journal.reflections()) == 1
        assert app.focused is screen.query_one(VirtualTable)


async def test_undo_delete_highlights_the_reflection_brought_back(
    build_app: AppFactory, journal: Journal
) -> None:
    for days, company in enumerate(("Acme", "Globex", "Initech"), start=1):
        job = opportunity(company=company)
        journal.save_reflection(full_reflection(job.id, interview_at=NOW.subtract(days=days)), job)
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        await pilot.press("down")
        entry = screen.highlighted_entry()
        assert entry is not None
        await pilot.press("d", "y")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        back = screen.highlighted_entry()
        assert back is not None and back.id == entry.id


async def test_a_remap_onto_a_key_every_screen_has_is_refused_and_said(
    journal: Journal, tmp_path: Path
) -> None:
    """The report: the README's keys.toml mapped app.journal to F6, silently taking the
    profile's key."""
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\n"app.journal" = "f6"\n"journal.delete" = "ctrl+d"\n')
    app = make_app(journal, clock=fixed_clock, keymap_path=keys)
    said = record_notifications(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert any('"app.journal" = "f6" is not used: F6 is already Profile' in m for m in said)
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)  # F6 is still the profile's
        assert app.keymap == {"journal.delete": "ctrl+d"}  # (the rest is used)


async def test_after_a_remap_the_palette_and_home_name_the_new_key(
    one: Journal, tmp_path: Path
) -> None:
    """The report: after a remap the home still said "F3 for all", and the palette "(F3)"."""
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\n"app.journal" = "f7"\n')
    app = make_app(one, clock=fixed_clock, keymap_path=keys)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        title = str(app.screen.query_one("#latest-title", Static).content)
        assert title.endswith("F7 for all")
        entries = {name: said for name, said, _ in palette_entries(app, app.screen)}
        assert entries["Journal"] == "Browse, search and edit every reflection (F7)"
        assert entries["Home"].endswith("(F2)")
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)


async def test_f1_is_laid_out_for_the_width_with_the_screens_own_keys_first(
    build_app: AppFactory, busy: Journal
) -> None:
    """The report: F1 at 80×24 was ~30 columns wide, one or two words a line; "← Scroll
    Left" and "^pgdn Page Right" came before the app's own keys; what Enter does was not
    said."""
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down")  # (a follow-up: its keys are the screen's first)
        home = app.screen
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.query_one("#help").size.width >= 76
        own, everywhere = key_lines(app, home)
        assert [line.what.split(" · ")[0] for line in own][:3] == ["Done", "Snooze", "Skip"]
        assert "Journal" in [line.what.split(" · ")[0] for line in everywhere]
        assert not any("Scroll" in line.what or "Page" in line.what for line in own)
        drawn = app.export_screenshot().replace("&#160;", " ")
        enter = drawn.index(">enter")
        assert enter < drawn.index("Opens the highlighted line") < drawn.index("Done")
        headings = [str(h.content) for h in app.screen.query(".help-heading").results(Static)]
        assert headings[:2] == ["On every screen", "How keys work"]  # (below its own keys)
        await pilot.press("escape")
        assert app.screen is home


async def test_history_offers_r_only_on_an_item_it_can_put_back(
    build_app: AppFactory, journal: Journal
) -> None:
    """A follow-up a later round took the place of stays as recorded: r is not offered on
    it (it said so only after being pressed)."""
    job = opportunity()
    jane = Interviewer(name="Jane Doe", title="CTO", email="jane@acme.example")
    one = bare_reflection(job.id, id="r1", interview_at=NOW.subtract(days=12), interviewers=(jane,))
    journal.save_reflection(one, job, plan(job, [one], "Europe/Berlin", now=NOW.subtract(days=12)))
    two = bare_reflection(job.id, id="r2", interview_at=NOW.subtract(days=2), stage=Stage.ONSITE)
    journal.save_reflection(
        two, job, plan(job, [one, two], "Europe/Berlin", journal.followups(), now=NOW)
    )
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "Back on the agenda" not in footer_keys(app)
        await pilot.press("escape", "down", "space", "h")  # a thank-you done: r puts it back
        await pilot.pause()
        table = app.screen.query_one(VirtualTable)
        outcomes = [table.row_texts(row)[1] for row in range(table.row_count)]
        await pilot.press(*["down"] * outcomes.index("Done"))
        assert "Back on the agenda" in footer_keys(app)


async def test_p_pressed_twice_keeps_the_name_and_a_new_profile_takes_typing_at_once(
    build_app: AppFactory, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`p p` typed "p" after the name; an empty field still takes what follows at once."""
    monkeypatch.setattr(guard, "PAUSE_SECONDS", 1.0)  # (one run of typing, as a person's)
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "A", "l")  # a first profile: the name typed straight away
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.query_one("#profile-name", Input).value == "Al"
    journal.save_settings(Settings(name="Alex Morgan"))
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "p")
        await pilot.pause()
        assert app.screen.query_one("#profile-name", Input).value == "Alex Morgan"


async def test_after_a_delete_the_journal_footer_shows_u_at_80_columns(
    build_app: AppFactory, journal_path: Path
) -> None:
    """The report: after d, y the toast said "Press u in the journal to undo", but the
    footer at 80 columns ended before `u` ("… d Delete f1 Help")."""
    from tests.test_hostile_text import screen_lines

    tuesday = pendulum.datetime(2026, 12, 8, 4, 0, tz="Europe/Berlin")
    build_demo_journal(journal_path, tuesday)
    app = make_app(Journal.open(journal_path), clock=lambda: tuesday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Undo delete" not in screen_lines(app)[-1]  # (nothing to undo yet)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "u Undo delete" in screen_lines(app)[-1]
