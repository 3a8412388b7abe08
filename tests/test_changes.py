"""The change log of big journals: saves appended, read back, folded, torn tails, damage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from debrief.store import changes
from debrief.store.changes import CHECKPOINT_TABLE, changes_path_of, encode, read_journal
from debrief.store.journal import Journal, JournalError
from debrief.store.snapshot import Snapshot
from debrief.ui.app import DebriefApp
from tests.samples import NOW, full_reflection, opportunity


@pytest.fixture
def big(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every journal counts as big: its saves go to the change log."""
    monkeypatch.setattr(changes, "LOG_ABOVE_BYTES", 0)


def save(journal: Journal, company: str) -> str:
    job = opportunity(company=company)
    reflection = full_reflection(job.id)
    journal.save_reflection(reflection, job)
    return reflection.id


def companies(journal: Journal) -> set[str]:
    return {o.company for o in journal.opportunities()}


@pytest.mark.usefixtures("big")
def test_a_save_appends_to_the_log_and_leaves_the_file_alone(journal_path: Path) -> None:
    journal = Journal.open(journal_path)  # a new journal is written with a checkpoint
    before = journal_path.read_bytes()
    for company in ("Acme", "Globex", "Initech"):
        save(journal, company)
    assert journal_path.read_bytes() == before
    log = changes_path_of(journal_path).read_bytes()
    assert log.count(b"\n") == 3 and b"Globex" in log and b"Initech" in log
    assert companies(Journal.open(journal_path, readonly=True)) == {"Acme", "Globex", "Initech"}
    shell = Snapshot.open(journal_path)  # the shell commands read the log too
    assert {o.company for o in shell.opportunities().values()} == {"Acme", "Globex", "Initech"}


@pytest.mark.usefixtures("big")
def test_folding_writes_the_log_into_the_file(journal_path: Path) -> None:
    journal = Journal.open(journal_path)
    for company in ("Acme", "Globex", "Initech"):
        save(journal, company)
    journal.fold_changes()
    assert not changes_path_of(journal_path).exists()
    tables = orjson.loads(journal_path.read_bytes())  # the file alone is complete
    assert {o["company"] for o in tables["opportunities"].values()} == {
        "Acme", "Globex", "Initech"
    }  # fmt: skip
    save(journal, "Hooli")
    Journal.open(journal_path)  # opening folds too
    assert not changes_path_of(journal_path).exists()
    assert companies(Journal.open(journal_path, readonly=True)) == {
        "Acme", "Globex", "Initech", "Hooli"
    }  # fmt: skip


@pytest.mark.usefixtures("big")
def test_deletes_and_undo_go_through_the_log(journal_path: Path) -> None:
    journal = Journal.open(journal_path)
    save(journal, "Acme")
    doomed = save(journal, "Globex")
    journal.delete_reflection(doomed, now=NOW)
    assert companies(Journal.open(journal_path, readonly=True)) == {"Acme"}
    journal.restore_reflection(doomed)
    assert companies(Journal.open(journal_path, readonly=True)) == {"Acme", "Globex"}


@pytest.mark.usefixtures("big")
def test_a_torn_last_line_is_ignored_then_cut_off_by_the_next_save(journal_path: Path) -> None:
    journal = Journal.open(journal_path)
    save(journal, "Acme")
    save(journal, "Globex")
    log = changes_path_of(journal_path)
    whole = log.read_bytes()
    with log.open("ab") as handle:  # a writer killed halfway through its line
        handle.write(encode("whatever", [["put", "opportunities", "99", {}]])[:30])
    assert companies(Journal.open(journal_path, readonly=True)) == {"Acme", "Globex"}
    other = Journal.open(journal_path, readonly=True)
    assert companies(other) == {"Acme", "Globex"}
    writer = Journal.open(journal_path, readonly=True)
    writer._main.storage.readonly = False  # a second window that does not fold on open
    save(writer, "Initech")
    after = log.read_bytes()
    assert after.startswith(whole) and after.count(b"\n") == 3 and b"whatever" not in after
    assert companies(Journal.open(journal_path, readonly=True)) == {"Acme", "Globex", "Initech"}


def test_lines_of_an_older_checkpoint_are_ignored(journal_path: Path) -> None:
    """A fold killed after replacing the file but before deleting the log."""
    tables = {"meta": {"1": {"format": "x"}}, CHECKPOINT_TABLE: {"1": {"id": "new"}}}
    journal_path.write_bytes(orjson.dumps(tables))
    changes_path_of(journal_path).write_bytes(
        encode("old", [["put", "opportunities", "1", {"company": "stale"}]])
        + encode("new", [["put", "opportunities", "2", {"company": "fresh"}]])
    )
    loaded = read_journal(journal_path)
    assert loaded is not None
    assert loaded.tables["opportunities"] == {"2": {"company": "fresh"}}


@pytest.mark.parametrize(
    "damage",
    [
        b"00000000 {}\n",  # a bad CRC on a line that is followed by another
        encode("new", [["explode", "opportunities", "1"]]),  # intact, but not an operation
    ],
    ids=["bad checksum mid-log", "unknown operation"],
)
def test_a_damaged_log_is_refused_and_left_alone(journal_path: Path, damage: bytes) -> None:
    tables = {"meta": {"1": {"format": "x"}}, CHECKPOINT_TABLE: {"1": {"id": "new"}}}
    journal_path.write_bytes(orjson.dumps(tables))
    log = changes_path_of(journal_path)
    log.write_bytes(damage + encode("new", [["delete", "opportunities", "1"]]))
    before = log.read_bytes()
    with pytest.raises(JournalError, match="damaged at line 1"):
        read_journal(journal_path)
    assert log.read_bytes() == before


def test_a_small_journal_never_has_a_log(journal_path: Path) -> None:
    journal = Journal.open(journal_path)
    for company in ("Acme", "Globex"):
        save(journal, company)
    assert not changes_path_of(journal_path).exists()
    assert CHECKPOINT_TABLE not in orjson.loads(journal_path.read_bytes())


@pytest.mark.usefixtures("big")
def test_two_windows_on_a_big_journal_keep_each_others_saves(journal_path: Path) -> None:
    first = Journal.open(journal_path)
    second = Journal.open(journal_path)
    save(first, "Acme")
    save(second, "Globex")
    save(first, "Initech")
    assert companies(first) == companies(second) == {"Acme", "Globex", "Initech"}


@pytest.mark.usefixtures("big")
def test_a_log_that_would_grow_too_big_is_folded_instead(journal_path: Path) -> None:
    journal = Journal.open(journal_path)
    save(journal, "Acme")
    assert changes_path_of(journal_path).exists()
    job = opportunity(company="Globex")
    journal.save_reflection(full_reflection(job.id, went_well="x" * 1_200_000), job)
    assert not changes_path_of(journal_path).exists()  # rewritten whole, the log folded in
    assert companies(Journal.open(journal_path, readonly=True)) == {"Acme", "Globex"}


@pytest.mark.usefixtures("big")
async def test_quitting_the_app_folds_the_log_into_the_file(
    journal_path: Path, build_app: Callable[[], DebriefApp]
) -> None:
    journal = Journal.open(journal_path)
    save(journal, "Acme")
    app = build_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        save(app.journal, "Globex")
        assert changes_path_of(journal_path).exists()
        await pilot.press("ctrl+q")
    assert not changes_path_of(journal_path).exists()
    tables = orjson.loads(journal_path.read_bytes())
    assert {o["company"] for o in tables["opportunities"].values()} == {"Acme", "Globex"}
