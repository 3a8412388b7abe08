"""The keyboard monkey (scripts/monkey.py): seeded random walks of keys over the real app
must never crash it, never lose a saved reflection and always leave a journal that opens.

The walks run in processes of their own (Pilot waits for the process to be idle after
each key: walks sharing one would wait for each other). A failure prints the seed, size,
keys and the command that replays the walk exactly.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from scripts.monkey import (
    MAIN_SCREENS,
    NOW,
    PUNCTUATION,
    RecordingJournal,
    Spec,
    Walk,
    demo_template,
    report,
    run_walks,
    text_keys,
    walk,
)
from textual.app import App, ComposeResult
from textual.widgets import Input
from textual.worker import NoActiveWorker, get_current_worker

from debrief.model import Reflection
from debrief.store.journal import Journal
from tests.samples import NOW as SAMPLES_NOW

KEYS_PER_WALK = 250
WALKS = [Spec(seed, size, KEYS_PER_WALK) for seed in (1, 5) for size in ("80x24", "120x36")]
PREFIX = Spec(1, "120x36", 60)  # the first keys of a walk above, walked on their own
# Every walk goes this wide at least: a walk stuck on a few screens fails.
EACH_WALK_REACHES = {"HomeScreen", "JournalScreen"}
EACH_WALK_SCREENS = 8


@pytest.fixture(scope="module")
def walks() -> list[Walk]:
    """The seeded walks, at once (a process each); the prefix walk last."""
    return run_walks([*WALKS, PREFIX], jobs=len(WALKS) + 1)


def test_no_walk_crashes_the_app_or_loses_a_reflection(walks: list[Walk]) -> None:
    for result in walks:
        assert result.failure is None, report(result, keys_file=None)
        assert result.reflections_at_end is not None  # the journal opened again
    assert any(result.saved for result in walks), "no walk saved a reflection"
    assert any(result.deleted for result in walks), "no walk deleted a reflection"


def test_the_walks_reach_every_screen(walks: list[Walk]) -> None:
    seen = set().union(*(result.visits for result in walks))
    assert seen >= MAIN_SCREENS, f"never reached: {sorted(MAIN_SCREENS - seen)}"
    for result in walks[: len(WALKS)]:
        assert len(result.pressed) == KEYS_PER_WALK
        assert set(result.visits) >= EACH_WALK_REACHES, report(result, keys_file=None)
        assert len(result.visits) >= EACH_WALK_SCREENS, report(result, keys_file=None)


def test_the_same_seed_presses_the_same_keys(walks: list[Walk]) -> None:
    """The walk depends on the seed and the app's state only: its first keys again are
    the same keys (so a failure's replay line walks the same way)."""
    prefix = walks[-1]
    (whole,) = [w for w in walks[:-1] if (w.seed, w.size_text) == (PREFIX.seed, PREFIX.size)]
    assert prefix.pressed == whole.pressed[: PREFIX.keys]


class CrashOnDelete(RecordingJournal):
    def delete_reflection(self, reflection_id: str, *, now: datetime) -> None:
        raise RuntimeError("planted in a handler")


class CrashInWorker(RecordingJournal):
    def reflection(self, reflection_id: str) -> Reflection | None:
        try:
            get_current_worker()
        except NoActiveWorker:
            return super().reflection(reflection_id)
        raise RuntimeError("planted in a worker")


@pytest.mark.parametrize(
    ("journal_class", "keys", "planted"),
    [
        (CrashOnDelete, ["f3", "down", "d", "y"], "RuntimeError: planted in a handler"),
        (CrashInWorker, ["f3", "down", "enter"], "WorkerFailed"),
    ],
)
async def test_a_planted_exception_fails_the_walk(
    tmp_path: Path, journal_class: type[RecordingJournal], keys: list[str], planted: str
) -> None:
    """The proof that a crash is seen: in a key's handler (a confirmed delete) and in a
    worker (the reflection view draws in one), each raised by the journal the app is on."""
    result = await walk(demo_template(tmp_path), replay=keys, journal_class=journal_class)
    assert result.failure is not None
    assert planted in result.failure
    assert "replay: python scripts/monkey.py --keys" in report(result, keys_file=None)


async def test_a_vanished_reflection_fails_the_walk(tmp_path: Path) -> None:
    """A reflection that goes missing without a delete the walk made is reported."""

    class Forgetful(RecordingJournal):
        def delete_reflection(self, reflection_id: str, *, now: datetime) -> None:
            super().delete_reflection(reflection_id, now=now)
            self.ledger.deleted.discard(reflection_id)  # as if the walk had not deleted it

    result = await walk(
        demo_template(tmp_path), replay=["f3", "down", "d", "y"], journal_class=Forgetful
    )
    assert result.failure is not None
    assert "vanished" in result.failure


async def test_the_walk_records_deletes_and_undoes_through_the_journal(tmp_path: Path) -> None:
    path = demo_template(tmp_path)
    before = len(Journal.open(path).reflections())
    result = await walk(path, replay=["f3", "down", "d", "y", "d", "y", "u"])
    assert result.failure is None, report(result, keys_file=None)
    assert result.deleted == 1  # two deleted, one brought back
    assert len(Journal.open(path).reflections()) == before - 1


class OneField(App[None]):
    def compose(self) -> ComposeResult:
        yield Input()


async def test_the_printable_key_names_type_their_characters() -> None:
    app = OneField()
    async with app.run_test() as pilot:
        await pilot.press(*PUNCTUATION.values())
        assert app.query_one(Input).value == "".join(PUNCTUATION)
    assert text_keys("Zoë c++ 9/12") == [
        "Z", "o", "ë", "space", "c", "plus", "plus", "space", "9", "1", "2"
    ]  # fmt: skip


def test_the_monkey_and_the_tests_stop_the_clock_at_the_same_moment() -> None:
    assert NOW == SAMPLES_NOW
