"""Every screen and dialog at 80×24 not pictured in test_snapshots.py (the key screens) or
test_snapshots_decide.py (compare and trends): a layout change anywhere is seen in review.

Each picture is opened the way a person opens it: keys, or the palette command's action."""

from __future__ import annotations

import os
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from debrief.model import Draft
from debrief.store.journal import Journal
from debrief.ui.screens.dialogs import KeepAnswersScreen
from debrief.ui.screens.unlock import UnlockApp
from tests.pilot_helpers import type_text
from tests.samples import NOW, bare_reflection, opportunity
from tests.test_snapshots import app_on, sample_journal, still

SnapCompare = Callable[..., bool]
SMALL = (80, 24)
Opener = Callable[[Pilot[Any]], Awaitable[None]]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fixed home folder: the journal's path in the header reads the same everywhere."""
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def keys(*names: str) -> Opener:
    async def press(pilot: Pilot[Any]) -> None:
        for name in names:
            await pilot.press(name)
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return press


def action(name: str, *typed: str) -> Opener:
    """The app's action `name` (what the palette runs), then `typed` into what it opens."""

    async def run(pilot: Pilot[Any]) -> None:
        await pilot.app.run_action(name)
        await pilot.pause()
        for text in typed:
            await type_text(pilot, text)
        await pilot.pause()

    return run


def on_the_agenda(what: str, *then: str) -> Opener:
    """Highlight the home agenda's first line saying `what`, then press `then`."""

    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        agenda = pilot.app.screen.query_one("#agenda", OptionList)
        agenda.highlighted = next(
            i
            for i in range(agenda.option_count)
            if what in str(agenda.get_option_at_index(i).prompt)
        )
        await keys(*then)(pilot)

    return run


async def keep_answers(pilot: Pilot[Any]) -> None:
    """What Esc on a questionnaire offers when its draft could not be written."""
    reason = "Your answers could not be saved as a draft: the disk is full."
    pilot.app.push_screen(KeepAnswersScreen(reason, give_up_label="Close and lose them"))
    await pilot.pause()


OPENED_BY: dict[str, Opener] = {
    "history": on_the_agenda("Thank-you", "space", "h"),
    "profile": keys("p"),
    "help": keys("f1"),
    "checklist": action("open('checklist')"),
    "palette": keys("ctrl+p", *"merge"),  # (a search: with none, the order varies)
    "job_details": keys("f3", "i"),
    "status": keys("f3", "o"),
    "delete": keys("f3", "d"),
    "replied": keys("f3", "y"),
    "snooze": on_the_agenda("Thank-you", "z"),
    "snooze_date": on_the_agenda("Thank-you", "z", "end", "enter"),
    "export": action("export"),
    "import": action("import"),
    "invitations_file": action("import_invitations"),
    "questionnaire_review": keys("n", *"Initech", "tab", *"SRE", "ctrl+s"),
    "questionnaire_step_2": keys("n", *"Initech", "tab", *"SRE", "tab", *"today 9:00", "ctrl+n"),
    "question_detail": keys("q", "down"),
    "draft_recipient": on_the_agenda("Thank-you", "enter", "ctrl+g"),
    "note": on_the_agenda("Thank-you", "a"),
    "draft_save": on_the_agenda("Thank-you", "enter", "ctrl+s", "ctrl+u", *"~/thank-you.txt"),
    "keep_answers": keep_answers,
    "theme": keys("ctrl+p", *"theme", "enter"),
}


@pytest.mark.parametrize("screen", list(OPENED_BY))
def test_every_screen_and_dialog_at_80_by_24(
    snap_compare: SnapCompare, folder: Path, screen: str
) -> None:
    async def open_screen(pilot: Pilot[Any]) -> None:
        await OPENED_BY[screen](pilot)
        await pilot.pause()
        still(pilot)

    assert snap_compare(app_on(sample_journal(folder)), terminal_size=SMALL, run_before=open_screen)


def test_first_start_at_80_by_24(snap_compare: SnapCompare, folder: Path) -> None:
    app = app_on(Journal.open(folder / "journal.json"))
    assert snap_compare(app, terminal_size=SMALL, run_before=still)


def test_resume_dialog_at_80_by_24(snap_compare: SnapCompare, folder: Path) -> None:
    journal = sample_journal(folder)
    journal.save_draft(
        Draft(
            answers={"company": "Acme", "role": "Data Engineer"},
            started_at=NOW.subtract(minutes=3),
            updated_at=NOW,
        )
    )
    assert snap_compare(app_on(journal), terminal_size=SMALL, run_before=still)


def test_merge_dialog_at_80_by_24(snap_compare: SnapCompare, folder: Path) -> None:
    """A copy a sync folder kept, with an opportunity the journal does not have."""
    journal = sample_journal(folder)
    copy = folder / "journal.sync-conflict-20261120-101500-LAPTOP.json"
    shutil.copy(journal.file_path, copy)
    initech = opportunity("Initech", "SRE")
    Journal.open(copy).save_reflection(
        bare_reflection(initech.id, id="laptop", interview_at=NOW.subtract(days=1)), initech
    )
    for leftover in folder.glob(".*.lock"):  # (as the other device left it: no lock)
        leftover.unlink()
    os.utime(copy, (NOW.timestamp(), NOW.timestamp()))  # (the dialog says when it was made)
    assert snap_compare(app_on(journal), terminal_size=SMALL, run_before=still)


def test_unlock_at_80_by_24(snap_compare: SnapCompare, folder: Path) -> None:
    app = UnlockApp(folder / "journal.json")
    assert snap_compare(app, terminal_size=SMALL, run_before=still)
