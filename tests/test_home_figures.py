"""The home screen's figures kept beside the journal: the app opens on them without
reading the journal, shows exactly what the journal would, and never trusts them once
the journal changed or the file is not what it should be."""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import os
import stat
import sys
import threading
from pathlib import Path
from typing import Any

import orjson
import pytest
from textual.widgets import OptionList, Static

from debrief.demo import build_demo_journal
from debrief.store import changes
from debrief.store.journal import Journal
from debrief.store.summary import summary_path_of
from debrief.ui.app import DebriefApp, make_app
from debrief.ui.screens.trends import TrendsMemo
from debrief.ui.start_up import FULL_PASS_EVERY, UI_TURN_SECONDS
from debrief.ui.widgets.virtual_table import VirtualTable
from tests.pilot_helpers import finish_background_work
from tests.samples import NOW, fixed_clock, full_reflection, opportunity
from tests.test_lazy_records import damage_oldest_rating

SIZE = (120, 36)
NEWEST = 12


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "journal.json"
    build_demo_journal(path, NOW)
    return path


@pytest.fixture
def kept(demo_path: Path) -> Path:
    """The demo journal after a session that showed its home screen."""
    Journal.open(demo_path).home_figures(NEWEST)
    return demo_path


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every parse of a journal file (not of its small drafts file)."""
    seen: list[Path] = []
    real = changes.read_journal

    def counted(path: Path) -> changes.Loaded | None:
        if not path.name.endswith(".drafts.json"):
            seen.append(path)
        return real(path)

    monkeypatch.setattr(changes, "read_journal", counted)
    return seen


def test_a_journal_opens_on_its_kept_figures_without_being_read(
    kept: Path, reads: list[Path]
) -> None:
    full = Journal.open(kept).home_figures(NEWEST)
    reads.clear()
    journal = Journal.open(kept, check_records=False, home_first=True)
    figures = journal.home_figures(NEWEST)
    assert journal.opened_on_figures and reads == []
    assert figures == full and figures.reflection_count == 18 and len(figures.to_do) > 0
    assert journal.settings() == Journal.open(kept).settings()
    revision = journal.revision
    assert reads == [kept]  # the fresh journal opened just above
    assert journal.reflections()[0] == figures.newest[0]  # anything else reads the records
    assert not journal.opened_on_figures and journal.revision == revision  # same content


def test_figures_of_an_older_journal_are_not_used(kept: Path) -> None:
    other_window = Journal.open(kept)
    job = opportunity("Initech")
    other_window.save_reflection(full_reflection(job.id), job)
    journal = Journal.open(kept, check_records=False, home_first=True)
    assert not journal.opened_on_figures
    figures = journal.home_figures(NEWEST)
    assert (figures.reflection_count, figures.opportunity_count) == (19, 13)
    assert Journal.open(kept, check_records=False, home_first=True).opened_on_figures  # kept anew


def test_a_change_after_opening_on_figures_is_seen(kept: Path) -> None:
    journal = Journal.open(kept, check_records=False, home_first=True)
    before = journal.revision
    job = opportunity("Initech")
    Journal.open(kept).save_reflection(full_reflection(job.id), job)
    assert journal.revision != before
    assert journal.home_figures(NEWEST).reflection_count == 19


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"format": "debrief-home-figures", "version": 99}',
        "damaged record",
        "another journal's",
    ],
)
def test_a_damaged_or_foreign_figures_file_is_ignored_and_replaced(
    kept: Path, content: bytes | str
) -> None:
    summary = summary_path_of(kept)
    stored = orjson.loads(summary.read_bytes())
    if content == "damaged record":
        stored["newest"][0]["rating"] = 42
        content = orjson.dumps(stored)
    elif content == "another journal's":
        stored["journal"][0][1] += 1  # the inode of another file
        content = orjson.dumps(stored)
    assert isinstance(content, bytes)
    summary.write_bytes(content)
    journal_bytes = kept.read_bytes()
    journal = Journal.open(kept, check_records=False, home_first=True)
    assert not journal.opened_on_figures
    assert journal.home_figures(NEWEST) == Journal.open(kept).home_figures(NEWEST)
    assert Journal.open(kept, check_records=False, home_first=True).opened_on_figures
    assert kept.read_bytes() == journal_bytes


def test_the_figures_file_is_private_and_never_written_read_only(demo_path: Path) -> None:
    Journal.open(demo_path, readonly=True).home_figures(NEWEST)
    assert not summary_path_of(demo_path).exists()
    Journal.open(demo_path).home_figures(NEWEST)
    assert stat.S_IMODE(os.stat(summary_path_of(demo_path)).st_mode) == 0o600


def test_a_folder_that_refuses_the_figures_costs_only_speed(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def full_disk(path: str | Path, *args: object) -> int:
        if ".home" in str(path):
            raise OSError(28, "No space left on device")
        return real_open(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", full_disk)
    figures = Journal.open(demo_path).home_figures(NEWEST)
    assert figures.reflection_count == 18
    assert not summary_path_of(demo_path).exists()
    assert not list(demo_path.parent.glob(".*.tmp"))


def home_text(app: DebriefApp) -> list[str]:
    """What the home screen shows: titles, agenda lines and the latest reflections."""
    screen = app.screen
    agenda = screen.query_one("#agenda", OptionList)
    table = screen.query_one("#latest", VirtualTable)
    return [
        *(str(screen.query_one(f"#{name}", Static).content) for name in ("agenda-title", "latest-title")),
        *(str(agenda.get_option_at_index(i).prompt) for i in range(agenda.option_count)),
        *(" ".join(table.row_texts(i)) for i in range(table.row_count)),
    ]  # fmt: skip


async def test_the_app_on_kept_figures_shows_the_same_home_then_reads_the_records(
    kept: Path,
) -> None:
    app = make_app(Journal.open(kept, check_records=False), clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        expected = home_text(app)
    journal = Journal.open(kept, check_records=False, home_first=True)
    app = make_app(journal, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert journal.opened_on_figures and home_text(app) == expected
        await finish_background_work(pilot)  # the records are read in a thread, then checked
        assert not journal.opened_on_figures and home_text(app) == expected
        assert not app._notifications


async def test_done_on_kept_figures_reads_the_records_and_saves(kept: Path) -> None:
    journal = Journal.open(kept, check_records=False, home_first=True)
    app = make_app(journal, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        agenda = app.screen.query_one("#agenda", OptionList)
        first = agenda.highlighted_option
        assert first is not None and first.id is not None
        await pilot.press("space")
        await pilot.pause()
        assert Journal.open(kept).followups(None)  # still a valid journal
        done = next(f for f in Journal.open(kept).followups() if f.id == first.id)
        assert done.done_at == NOW
        assert all(option.id != first.id for option in agenda._options)


async def test_figures_damaged_by_hand_end_the_session_saying_what_to_delete(kept: Path) -> None:
    summary = summary_path_of(kept)
    stored = orjson.loads(summary.read_bytes())
    stored["to_do"][0]["kind"] = "carrier pigeon"  # the first overdue: shown, so read
    summary.write_bytes(orjson.dumps(stored))
    journal_bytes = kept.read_bytes()
    app = make_app(Journal.open(kept, check_records=False, home_first=True), clock=fixed_clock)
    await asyncio.wait_for(app.run_async(headless=True, size=SIZE), timeout=20)
    assert app.return_code == 2 and app.refusal is not None
    assert str(summary) in app.refusal and "delete it" in app.refusal
    assert kept.read_bytes() == journal_bytes


def test_kept_figures_read_only_the_follow_ups_shown(kept: Path) -> None:
    journal = Journal.open(kept, check_records=False, home_first=True)
    figures = journal.home_figures(NEWEST)
    sections = figures.agenda(NOW)
    full = Journal.open(kept).home_figures(NEWEST).agenda(NOW)
    assert [list(part) for part in (sections.overdue, sections.today, sections.upcoming)] == [
        list(part) for part in (full.overdue, full.today, full.upcoming)
    ]
    fresh = Journal.open(kept, check_records=False, home_first=True).home_figures(NEWEST)
    parts = fresh.agenda(NOW)
    assert (len(parts.overdue), len(parts.today), len(parts.upcoming)) == (
        len(full.overdue),
        len(full.today),
        len(full.upcoming),
    )  # counted without reading a follow-up
    read = parts.upcoming[:1]
    decoded = fresh.to_do._records._decoded  # type: ignore[attr-defined]
    assert len(fresh.to_do) > 1 and decoded.keys() == {read[0].id}


async def test_a_screen_pressed_for_at_once_waits_for_the_one_read_of_the_journal(
    kept: Path, reads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    on_ui_thread: list[bool] = []
    counted = changes.read_journal

    def noting_the_thread(path: Path) -> changes.Loaded | None:
        if path == kept:
            on_ui_thread.append(threading.current_thread() is threading.main_thread())
        return counted(path)

    monkeypatch.setattr(changes, "read_journal", noting_the_thread)
    journal = Journal.open(kept, check_records=False, home_first=True)
    app = make_app(journal, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert journal.opened_on_figures and reads == []
        await pilot.press("f4")  # before the start-up work has even begun
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "TrendsScreen"
        assert "Based on 18 interviews" in str(
            app.screen.query_one("#trends-count", Static).content
        )
        assert reads == [kept] and on_ui_thread == [False]  # once, in the thread, keys free


def test_figures_are_worked_out_once_per_change_of_the_journal(kept: Path) -> None:
    journal = Journal.open(kept)
    first = journal.home_figures(NEWEST)
    assert journal.home_figures(NEWEST) is first  # the home's redraw each minute: no new work
    job = opportunity("Initech")
    journal.save_reflection(full_reflection(job.id), job)
    assert journal.home_figures(NEWEST).reflection_count == first.reflection_count + 1


def test_a_save_first_thing_on_kept_figures_reads_the_records_then_saves(kept: Path) -> None:
    journal = Journal.open(kept, check_records=False, home_first=True)
    theme = dataclasses.replace(journal.settings(), theme="gruvbox")
    saving = threading.Thread(target=journal.save_settings, args=(theme,), daemon=True)
    saving.start()
    saving.join(timeout=20)  # (reading the records under the save's own lock would hang)
    assert not saving.is_alive()
    assert Journal.open(kept).settings().theme == "gruvbox"


@pytest.mark.parametrize("start", ["kept figures", "figures not kept", "a damaged record"])
async def test_start_up_work_leaves_the_keys_their_turn_then_the_interpreter_as_it_was(
    kept: Path, start: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`debrief` starts with the garbage collector off (start-up is faster without its
    passes); left off, a session of hours would keep every cycle of dropped widgets. Its
    full passes wait for start-up's work (one amid it walked all that work made: ~50 ms of
    no keys at 10,000 reflections), which then ends out of its sight too; meanwhile a
    busy thread gives the UI the interpreter within half a millisecond, not Python's 5."""
    if start != "kept figures":
        summary_path_of(kept).unlink()
    if start == "a damaged record":  # (the check stops there: no trends warmed up)
        damage_oldest_rating(kept)
    journal = Journal.open(kept, check_records=False, home_first=True)
    assert journal.opened_on_figures == (start == "kept figures")
    app = make_app(journal, clock=fixed_clock)
    switch_interval = sys.getswitchinterval()
    while_warming: list[float] = []
    real_figures = TrendsMemo.figures

    def figures(memo: TrendsMemo, *args: Any) -> Any:
        while_warming.append(sys.getswitchinterval())
        return real_figures(memo, *args)

    monkeypatch.setattr(TrendsMemo, "figures", figures)
    gc.disable()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert not gc.isenabled()
            await finish_background_work(pilot)
            assert gc.isenabled() and gc.get_threshold()[2] == FULL_PASS_EVERY
            # (what the last few frames made: ~200; without the last freeze, 700–4,000
            # here and ~120,000 at 10,000 reflections)
            assert len(gc.get_objects()) < 500
            assert sys.getswitchinterval() == switch_interval
            assert while_warming == ([] if start == "a damaged record" else [UI_TURN_SECONDS])
    finally:
        gc.enable()


async def test_a_screen_pressed_for_at_once_shows_the_key_was_heard_while_it_waits(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 10,000 reflections the read takes a second: the home shows it is loading."""
    release = threading.Event()
    real = changes.read_journal

    def slow(path: Path) -> changes.Loaded | None:
        if path == kept:
            release.wait(timeout=10)
        return real(path)

    monkeypatch.setattr(changes, "read_journal", slow)
    journal = Journal.open(kept, check_records=False, home_first=True)
    app = make_app(journal, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = app.screen
        waiting = asyncio.create_task(app.records_read())  # what F3–F5 wait on (test above)
        await pilot.pause()
        assert home.loading and "●" in app.export_screenshot()  # Textual's loading dots
        release.set()
        await waiting
        await pilot.pause()
        assert not home.loading and "●" not in app.export_screenshot()
