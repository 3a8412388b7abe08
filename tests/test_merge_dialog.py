"""Merging a sync folder's copies at 80×24: the dialog's text is shown as written (no
literal asterisks), a copy that can't be merged is reported once the dialogs are closed
(its 20-second toast hid the next dialog), and a merged copy leaves none of its own
files beside the journal (issue #29)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from textual.widgets import Static

from debrief.actions.merging import merge_conflict_copy
from debrief.followups import plan
from debrief.model import Draft
from debrief.store.files import lock_path_of
from debrief.store.journal import Journal, drafts_path_of
from debrief.ui.app import make_app
from debrief.ui.screens.dialogs import ConfirmScreen
from tests.pilot_helpers import record_notifications
from tests.samples import NOW, bare_reflection, fixed_clock, opportunity

ACME = opportunity("Acme", "Data Engineer")
GLOBEX = opportunity("Globex", "SRE")
COPY = "journal.sync-conflict-20261201-101500-LAPTOP.json"


def a_journal_and_a_changed_copy(tmp_path: Path) -> tuple[Journal, Path]:
    """The journal in a sync folder, and a conflict copy holding one reflection more."""
    here = Journal.open(tmp_path / "journal.json")
    one = bare_reflection(ACME.id, id="r1", interview_at=NOW.subtract(days=3))
    here.save_reflection(one, ACME, plan(ACME, [one], "Europe/Berlin"))
    copy = tmp_path / COPY
    shutil.copy(here.file_path, copy)
    there = Journal.open(copy)  # (opened as a journal: its lock, backup and drafts appear)
    there.save_reflection(
        bare_reflection(GLOBEX.id, id="r2", interview_at=NOW.subtract(days=1)), GLOBEX
    )
    there.save_draft(Draft(answers={"company": "Initech"}, started_at=NOW, updated_at=NOW))
    return here, copy


def test_a_merged_copy_leaves_none_of_its_files_beside_the_journal(tmp_path: Path) -> None:
    here, copy = a_journal_and_a_changed_copy(tmp_path)
    lock_path_of(copy).touch()  # (as the other device's app left it)
    merge_conflict_copy(here, copy)
    left = sorted(name for name in os.listdir(tmp_path) if "sync-conflict" in name)
    assert left == []
    kept = sorted(os.listdir(tmp_path / "merged"))
    assert COPY in kept and drafts_path_of(copy).name in kept  # the draft's text is kept


async def test_a_copy_that_cannot_be_merged_is_told_after_the_dialogs(tmp_path: Path) -> None:
    here, _ = a_journal_and_a_changed_copy(tmp_path)
    damaged = tmp_path / "journal.sync-conflict-20261130-090000-BROKEN.json"
    damaged.write_bytes(b'{"meta": {"1": {"format": "debrief-journal", "schema": 2}}, "refl')
    os.utime(damaged, (1, 1))  # the oldest: offered first
    app = make_app(here, clock=fixed_clock)
    said = record_notifications(app)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        message = " ".join(str(s.content) for s in app.screen.query(Static).results(Static))
        assert "*" not in message and "“Merge copies from other devices”" in message
        assert not any(damaged.name in text for text in said)  # nothing over the dialog
        await pilot.press("y")
        await pilot.pause()
        assert any(damaged.name in text for text in said)
        assert damaged.exists()
