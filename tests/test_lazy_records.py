"""Records decoded when first read: same answers as decoding everything, and a damaged
record is still refused (later, but before anything is written)."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

import orjson
import pytest
from textual.widgets import Static

from debrief.demo import build_demo_journal
from debrief.followups import actionable, mark_done, plan
from debrief.model import interview_order, new_id
from debrief.store.journal import Journal, JournalError
from debrief.ui.app import make_app
from debrief.ui.screens.reflect import ReflectScreen
from debrief.ui.widgets.virtual_table import VirtualTable
from tests.pilot_helpers import finish_background_work, type_text
from tests.samples import NOW, fixed_clock, full_reflection, opportunity


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "journal.json"
    build_demo_journal(path, NOW)
    return path


def test_lazy_reads_answer_as_a_fully_decoded_journal_does(demo_path: Path) -> None:
    lazy = Journal.open(demo_path, check_records=False)
    full = Journal.open(demo_path)
    every = list(full.reflections())
    assert lazy.reflections()[:5] == sorted(every, key=interview_order, reverse=True)[:5]
    assert list(lazy.reflections()) == every
    for reflection in every:
        assert lazy.opportunity_of(reflection.id) == full.opportunity(reflection.opportunity_id)
        assert lazy.followups(reflection.id) == [
            f for f in full.followups() if f.reflection_id == reflection.id
        ]
    assert lazy.opportunity_of("no such reflection") is None
    among = lazy.actionable_followups()
    everything = actionable(full.followups(), every, full.opportunities())
    assert sorted(f.id for f in among) == sorted(f.id for f in everything) != []


def damage_oldest_rating(path: Path) -> bytes:
    """Set an impossible rating on the oldest reflection (one the home screen doesn't show)."""
    tables = orjson.loads(path.read_bytes())
    reflections = tables["reflections"]
    oldest = min(reflections, key=lambda doc_id: reflections[doc_id]["interview_at"])
    reflections[oldest]["rating"] = 42
    damaged = orjson.dumps(tables)
    path.write_bytes(damaged)
    return damaged


def test_a_damaged_record_is_refused_when_checked_and_before_any_write(demo_path: Path) -> None:
    damaged = damage_oldest_rating(demo_path)
    with pytest.raises(JournalError, match="field rating: must be from 1 to 10, not 42"):
        Journal.open(demo_path)  # the default: every record checked on open
    lazy = Journal.open(demo_path, check_records=False)
    assert len(lazy.reflections()[:3]) == 3  # the newest read fine
    job = opportunity("Initech")
    with pytest.raises(JournalError, match="left untouched"):
        lazy.save_reflection(full_reflection(job.id), job)
    for _ in range(2):  # once found, it stays found
        with pytest.raises(JournalError, match="not 42"):
            lazy.check_some_records(None)
    with pytest.raises(JournalError, match="not 42"):
        lazy.save_reflection(full_reflection(job.id), job)
    assert demo_path.read_bytes() == damaged


async def test_the_app_draws_first_then_reports_a_damaged_record_and_saves_nothing(
    demo_path: Path,
) -> None:
    damaged = damage_oldest_rating(demo_path)
    journal = Journal.open(demo_path, check_records=False)
    app = make_app(journal, clock=fixed_clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await finish_background_work(pilot)
        [notice] = list(app._notifications)
        assert notice.title == "Your journal has a damaged record" and "not 42" in notice.message
        await pilot.press("n")  # writing a reflection still works; saving it is refused
        await pilot.pause()
        await type_text(pilot, "Globex")
        await pilot.press("tab")
        await type_text(pilot, "Engineer")
        await pilot.press("ctrl+n", "ctrl+n", "7", "ctrl+s", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen)  # still on the questionnaire
        refused = list(app._notifications)[-1].message
        assert "not 42" in refused and "kept in the draft" in refused
        app.follow_journal()  # the refused save made the journal re-read the file ...
        await finish_background_work(pilot)
        assert len(app._notifications) == 2  # ... and the same damage is not said again
        app.flush_drafts()
    assert demo_path.read_bytes() == damaged
    assert [d.answers.get("company") for d in journal.drafts()] == ["Globex"]


async def test_a_damaged_record_on_the_home_screen_is_a_refusal_not_a_crash(
    journal_path: Path,
) -> None:
    job = opportunity()
    Journal.open(journal_path).save_reflection(full_reflection(job.id), job)
    damaged = journal_path.read_bytes().replace(b'"rating":7', b'"rating":0')
    journal_path.write_bytes(damaged)
    app = make_app(Journal.open(journal_path, check_records=False), clock=fixed_clock)
    # The home screen reads the newest reflection, the damaged one, and the app ends by
    # itself (run_test would wait for a screen that is never ready).
    await asyncio.wait_for(app.run_async(headless=True, size=(120, 36)), timeout=20)
    assert app.return_code == 2
    assert app.refusal is not None and "field rating" in app.refusal
    assert journal_path.read_bytes() == damaged


async def test_a_sound_journal_opened_unchecked_shows_everything(demo_path: Path) -> None:
    app = make_app(Journal.open(demo_path, check_records=False), clock=fixed_clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await finish_background_work(pilot)
        assert app.journal.check_some_records(0)  # the background check finished
        assert app.screen.query_one("#latest", VirtualTable).row_count == 10
        title = str(app.screen.query_one("#latest-title", Static).content)
        assert "18 in your journal, 12 opportunities" in title
        assert app.return_code is None and app.refusal is None


@pytest.mark.parametrize("planned_ids", [True, False], ids=["planned ids", "imported ids"])
def test_a_later_step_waits_on_the_earlier_one_whatever_the_ids(
    journal_path: Path, planned_ids: bool
) -> None:
    job = opportunity()
    reflection = full_reflection(job.id)
    items = plan(reflection, job, "Europe/Berlin")
    if not planned_ids:  # as another tool might have written them
        items = [dataclasses.replace(item, id=new_id()) for item in items]
    by_key = {item.key: item for item in items}
    assert {"status_check:1", "status_check:2"} <= set(by_key)
    Journal.open(journal_path).save_reflection(reflection, job, items)

    def shown_keys() -> set[str]:
        lazy = Journal.open(journal_path, check_records=False)
        return {item.key for item in lazy.actionable_followups()}

    assert "status_check:2" not in shown_keys()
    journal = Journal.open(journal_path)
    journal.save_followup(mark_done(by_key["status_check:1"], NOW))
    assert "status_check:2" in shown_keys()


async def test_asking_for_the_check_again_while_it_runs_does_not_restart_it(
    demo_path: Path,
) -> None:
    app = make_app(Journal.open(demo_path, check_records=False), clock=fixed_clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.check_journal_records()  # as the half-second timer does...
        app.check_journal_records()  # ...and a change by another window, at the same time
        await app.workers.wait_for_complete()  # nothing was cancelled on the way
        assert app.journal.check_some_records(0)
