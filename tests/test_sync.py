"""Two devices, one journal in a sync folder: the conflict copies each tool makes are found,
merged by id (newer wins, follow-ups with their reflection, deletions respected on either
side) and moved to merged/; a damaged copy is named and left alone."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from debrief.actions.merging import conflict_copies, merge_conflict_copy
from debrief.cli import main
from debrief.followups import mark_done, plan
from debrief.model import Bundle, Draft
from debrief.store.journal import Journal, JournalError, change_encryption
from debrief.store.sealed import KeyParams, Passphrase, Sealer, unlock
from debrief.sync import merge_copy
from debrief.ui.app import make_app
from debrief.ui.screens.dialogs import ConfirmScreen
from tests.samples import NOW, bare_reflection, fixed_clock, opportunity

ACME = opportunity("Acme", "Data Engineer")
GLOBEX = opportunity("Globex", "SRE")


def reflection(rid: str, job=ACME, **changes: object):  # type: ignore[no-untyped-def]
    return bare_reflection(job.id, id=rid, interview_at=NOW.subtract(days=3), **changes)


@pytest.fixture
def two_devices(tmp_path: Path) -> tuple[Journal, Path]:
    """A synced journal with two rounds, copied to a second device; each then changes it."""
    folder = tmp_path / "Sync"
    folder.mkdir()
    path = folder / "journal.json"
    here = Journal.open(path)
    for rid in ("r1", "r2"):
        one = reflection(rid)
        here.save_reflection(one, ACME, plan(ACME, [one], "Europe/Berlin"))
    other_path = tmp_path / "laptop" / "journal.json"
    other_path.parent.mkdir()
    shutil.copy(path, other_path)
    return here, other_path


def test_each_tools_naming_is_found_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    Journal.open(path)
    names = [
        "journal.sync-conflict-20261201-101500-ABCDEF1.json",  # Syncthing
        "journal (Alex's conflicted copy 2026-12-01).json",  # Dropbox
        "journal (conflicted copy 2026-12-01 101500).json",  # Nextcloud
        "journal-LAPTOP.json",  # OneDrive: a journal, so it counts
    ]
    for name in names:
        shutil.copy(path, tmp_path / name)
    (tmp_path / "journal-export.json").write_text('{"format": "debrief-export"}')  # not one
    for other in ("journal.json.bak", "journal.drafts.json", "notes.json"):
        shutil.copy(path, tmp_path / other)
    assert sorted(p.name for p in conflict_copies(path)) == sorted(names)


def test_both_devices_work_ends_up_in_one_journal(two_devices: tuple[Journal, Path]) -> None:
    here, other_path = two_devices
    there = Journal.open(other_path)
    new_there = reflection("r3", GLOBEX, went_well="written on the laptop")
    there.save_reflection(new_there, GLOBEX, plan(GLOBEX, [new_there], "Europe/Berlin"))
    edited = dataclasses.replace(
        there.reflection("r1"), lessons="edited later on the laptop", updated_at=NOW.add(hours=1)
    )
    there.save_reflection(edited, ACME)
    there.delete_reflection("r2", now=NOW.add(hours=2))
    new_here = reflection("r4", went_well="written on the desktop")
    here.save_reflection(new_here, ACME)
    copy = here.file_path.with_name("journal.sync-conflict-20261201-101500-LAPTOP.json")
    shutil.copy(other_path, copy)
    merged, moved_to = merge_conflict_copy(here, copy)
    assert merged.summary().startswith("2 added from the copy made on ")  # Globex and r3
    assert merged.merge.updated == 1 and merged.merge.deleted == 1
    reread = Journal.open(here.file_path)
    assert {r.id for r in reread.reflections()} == {"r1", "r3", "r4"}
    assert reread.reflection("r1").lessons == "edited later on the laptop"  # newer wins
    assert {f.reflection_id for f in reread.followups()} >= {"r3"}  # with their reflection
    assert not any(f.reflection_id == "r2" for f in reread.followups())
    assert moved_to == here.file_path.parent / "merged" / copy.name and not copy.exists()
    assert moved_to.read_bytes()  # kept, never deleted


def test_a_deletion_here_is_not_undone_by_an_older_copy(two_devices: tuple[Journal, Path]) -> None:
    here, other_path = two_devices
    here.delete_reflection("r2", now=NOW)
    Journal.open(here.file_path)  # (a new session: the trash is emptied, the deletion kept)
    copy = here.file_path.with_name("journal (conflicted copy 2026-12-01 101500).json")
    shutil.copy(other_path, copy)  # still has r2, unchanged
    merged, _ = merge_conflict_copy(here, copy)
    assert merged.merge.added == 0
    assert Journal.open(here.file_path).reflection("r2") is None


def test_a_record_changed_here_after_the_other_device_deleted_it_stays() -> None:
    kept = reflection("r1", updated_at=NOW.add(days=1))
    mine = Bundle((ACME,), (kept,), ())
    theirs = Bundle((ACME,), (), ())
    merge = merge_copy(mine, {}, theirs, {"r1": NOW}, now=NOW.add(days=3))
    assert merge.deletions == {} and merge.deleted == 0
    gone = merge_copy(
        mine, {}, theirs, {"r1": NOW.add(days=2), ACME.id: NOW.add(days=2)}, now=NOW.add(days=3)
    )
    assert gone.deletions == {"reflections": ("r1",), "opportunities": (ACME.id,)}


def test_what_was_done_about_a_follow_up_on_either_device_counts() -> None:
    one = reflection("r1")
    items = plan(ACME, [one], "Europe/Berlin")
    thanked = mark_done(items[0], NOW)
    mine = Bundle((ACME,), (one,), tuple(items))
    theirs = Bundle((ACME,), (one,), (thanked, *items[1:]))
    merge = merge_copy(mine, {}, theirs, {}, now=NOW)
    assert merge.writes.followups == (thanked,)  # done there: done here
    assert (
        merge_copy(theirs, {}, mine, {}, now=NOW).writes.followups == ()
    )  # pending never undoes it


def test_a_damaged_or_foreign_copy_is_named_and_left_alone(
    two_devices: tuple[Journal, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    here, _ = two_devices
    damaged = here.file_path.with_name("journal.sync-conflict-20261201-101500-BROKEN.json")
    damaged.write_bytes(b'{"meta": {"1": {"format": "debrief-journal", "schema": 2}}, "reflect')
    before = here.file_path.read_bytes()
    with pytest.raises(JournalError):
        merge_conflict_copy(here, damaged)
    assert main(["--db", str(here.file_path), "merge"]) == 2
    assert f"{damaged.name} was left as it is" in capsys.readouterr().err
    assert damaged.exists() and here.file_path.read_bytes() == before


def test_the_shell_merges_every_copy_found(
    two_devices: tuple[Journal, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    here, other_path = two_devices
    there = Journal.open(other_path)
    there.save_reflection(reflection("r9", GLOBEX), GLOBEX)
    copy = here.file_path.with_name("journal-LAPTOP.json")
    shutil.copy(other_path, copy)
    assert main(["--db", str(here.file_path), "merge"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("journal-LAPTOP.json: 2 added from the copy made on ")
    assert out.rstrip().endswith("moved to merged/journal-LAPTOP.json")
    assert main(["--db", str(here.file_path), "merge"]) == 0
    assert capsys.readouterr().out.startswith("No conflict copies beside")


def test_encrypted_copies_merge_with_the_same_passphrase(two_devices: tuple[Journal, Path]) -> None:
    here, other_path = two_devices
    passphrase = "one passphrase for both"
    change_encryption(
        here.file_path,
        None,
        Sealer(Passphrase(passphrase), KeyParams(b"salt-of-desktop!", n=2**10)),
    )
    change_encryption(
        other_path, None, Sealer(Passphrase(passphrase), KeyParams(b"salt-of-laptop!!", n=2**10))
    )
    there = Journal.open(other_path, sealer=unlock(other_path, Passphrase(passphrase)))
    there.save_reflection(reflection("r5", GLOBEX), GLOBEX)
    copy = here.file_path.with_name("journal.sync-conflict-20261201-101500-LAPTOP.json")
    shutil.copy(other_path, copy)
    sealer = unlock(here.file_path, Passphrase(passphrase))
    merged, _ = merge_conflict_copy(Journal.open(here.file_path, sealer=sealer), copy)
    assert merged.merge.added == 2
    assert b"debrief-encrypted" in here.file_path.read_bytes()  # still sealed
    (snapshot,) = (here.file_path.parent / "merged").glob("journal.before-merge-*.json")
    assert snapshot.read_bytes().startswith(b'{"format":"debrief-encrypted"')  # sealed too
    assert snapshot.stat().st_mode & 0o077 == 0
    assert Journal.open(here.file_path, sealer=sealer).reflection("r5") is not None


async def test_the_app_offers_to_merge_a_copy_when_it_starts(
    two_devices: tuple[Journal, Path],
) -> None:
    here, other_path = two_devices
    there = Journal.open(other_path)
    there.save_reflection(reflection("r7", GLOBEX), GLOBEX)
    copy = here.file_path.with_name("journal (Alex's conflicted copy 2026-12-01).json")
    shutil.copy(other_path, copy)
    app = make_app(here, clock=fixed_clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        message = " ".join(str(s.content) for s in app.screen.query(Static).results(Static))
        assert "a sync folder kept that version as" in message and "2 added" in message
        await pilot.press("y")
        await pilot.pause()
        assert here.reflection("r7") is not None
        assert not copy.exists() and (copy.parent / "merged" / copy.name).exists()


async def test_a_merge_put_off_at_start_is_in_the_palette(
    two_devices: tuple[Journal, Path],
) -> None:
    here, other_path = two_devices
    Journal.open(other_path).save_reflection(reflection("r8", GLOBEX), GLOBEX)
    copy = here.file_path.with_name("journal.sync-conflict-20261201-101500-LAPTOP.json")
    shutil.copy(other_path, copy)
    app = make_app(here, clock=fixed_clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # not now
        await pilot.pause()
        assert copy.exists() and here.reflection("r8") is None
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Merge copies from", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert here.reflection("r8") is not None and not copy.exists()


def test_a_plain_copy_beside_an_encrypted_journal_is_kept_sealed(
    two_devices: tuple[Journal, Path],
) -> None:
    here, other_path = two_devices
    Journal.open(other_path).save_reflection(
        reflection("r6", GLOBEX, went_well="plain secret"), GLOBEX
    )
    sealer = Sealer(Passphrase("a passphrase here"), KeyParams(b"salt-of-desktop!", n=2**10))
    change_encryption(here.file_path, None, sealer)
    copy = here.file_path.with_name("journal.sync-conflict-20261201-101500-OLDLAPTOP.json")
    shutil.copy(other_path, copy)  # made before the laptop's journal was encrypted
    _, moved_to = merge_conflict_copy(Journal.open(here.file_path, sealer=sealer), copy)
    assert not copy.exists() and b"plain secret" not in moved_to.read_bytes()
    kept = Journal.open(moved_to, readonly=True, sealer=sealer)  # nothing lost, only sealed
    assert kept.reflection("r6") is not None


def _with_naive_tombstones(copy: Path) -> None:
    """The copy remembers deleting r1, written without a time zone (as a hand-edit or an
    older tool would)."""
    import orjson

    data = orjson.loads(copy.read_bytes())
    data["deleted"] = {"1": {"id": "r1", "at": "2026-12-01T10:15:00"}}
    copy.write_bytes(orjson.dumps(data))


async def test_a_deletion_without_a_time_zone_in_a_copy_is_ignored_not_a_crash(
    two_devices: tuple[Journal, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    here, other_path = two_devices
    copy = here.file_path.with_name("journal.sync-conflict-20261201-101500-NAIVE01.json")
    shutil.copy(other_path, copy)
    _with_naive_tombstones(copy)
    app = make_app(here, clock=fixed_clock)  # (this crashed the app at every start)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert app.is_running
    assert main(["--db", str(here.file_path), "merge"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert Journal.open(here.file_path).reflection("r1") is not None  # not deleted by it


def _with_tombstones_for_everything(journal: Journal, copy: Path, at: str) -> int:
    """The copy says every record was deleted `at`; how many records that is."""
    import orjson

    ids = [
        record.id
        for kind in ("opportunities", "reflections", "interviews")
        for record in getattr(journal.bundle(), kind)
    ]
    data = orjson.loads(copy.read_bytes())
    data["deleted"] = {str(n): {"id": i, "at": at} for n, i in enumerate(ids, start=1)}
    copy.write_bytes(orjson.dumps(data))
    return len(ids)


def test_deletions_dated_in_the_future_are_ignored(
    two_devices: tuple[Journal, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A copy with a tombstone for every id dated 2199 emptied the journal ("18 deleted")."""
    here, other_path = two_devices
    copy = here.file_path.with_name("journal.sync-conflict-20261201-101500-FUTURE1.json")
    shutil.copy(other_path, copy)
    _with_tombstones_for_everything(here, copy, "2199-01-01T00:00:00+00:00")
    assert main(["--db", str(here.file_path), "merge"]) == 0
    assert Journal.open(here.file_path).reflection("r1") is not None
    assert Journal.open(here.file_path).reflection("r2") is not None


def test_a_merge_that_would_empty_the_journal_asks_and_can_be_undone(
    two_devices: tuple[Journal, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    here, other_path = two_devices
    copy = here.file_path.with_name("journal.sync-conflict-20261201-101500-SWEEP01.json")
    shutil.copy(other_path, copy)
    count = _with_tombstones_for_everything(here, copy, "2026-12-01T10:15:00+00:00")
    before = here.file_path.read_bytes()
    assert main(["--db", str(here.file_path), "merge"]) == 2  # reported, not done
    err = capsys.readouterr().err
    assert f"would delete {count} of the {count} records in your journal" in err
    assert "`debrief merge --yes` merges it" in err
    assert here.file_path.read_bytes() == before and copy.exists()

    assert main(["--db", str(here.file_path), "merge", "--yes"]) == 0
    assert Journal.open(here.file_path).reflections() == []
    capsys.readouterr()
    assert main(["--db", str(here.file_path), "merge", "--undo"]) == 0
    assert capsys.readouterr().out.startswith("The journal is back as it was before the merge of")
    back = Journal.open(here.file_path)
    assert {r.id for r in back.reflections()} == {"r1", "r2"}
    assert main(["--db", str(here.file_path), "merge", "--undo"]) == 2  # nothing more to undo
    assert "No merge to undo" in capsys.readouterr().err


async def test_the_app_says_first_what_a_sweeping_merge_would_delete(
    two_devices: tuple[Journal, Path],
) -> None:
    here, other_path = two_devices
    copy = here.file_path.with_name("journal.sync-conflict-20261201-101500-SWEEP02.json")
    shutil.copy(other_path, copy)
    count = _with_tombstones_for_everything(here, copy, "2026-12-01T10:15:00+00:00")
    app = make_app(here, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        message = " ".join(str(s.content) for s in app.screen.query(Static).results(Static))
        assert f"⚠ Merging {copy.name} would delete {count} of the {count} records" in message
        await pilot.press("escape")  # not now
        await pilot.pause()
    assert {r.id for r in Journal.open(here.file_path).reflections()} == {"r1", "r2"}


@pytest.mark.parametrize(
    "own", ["journal.json", "journal.json.bak", "journal.drafts.json", ".journal.json.lock"]
)
def test_the_journals_own_files_are_never_taken_as_copies(
    two_devices: tuple[Journal, Path], capsys: pytest.CaptureFixture[str], own: str
) -> None:
    """`debrief merge journal.json` moved the live journal into merged/."""
    here, _ = two_devices
    here.save_draft(Draft(answers={"company": "Acme"}, started_at=NOW, updated_at=NOW))
    here.save_reflection(reflection("r3"), ACME)  # (and a backup)
    target = here.file_path.with_name(own)
    assert target.exists()
    before = here.file_path.read_bytes()
    assert main(["--db", str(here.file_path), "merge", str(target)]) == 2
    assert "is this journal's own file, not a copy from another device" in capsys.readouterr().err
    assert target.exists() and here.file_path.read_bytes() == before
    assert not (here.file_path.parent / "merged").exists()


def test_a_copys_own_drafts_and_backup_are_not_taken_for_copies(tmp_path: Path) -> None:
    """A conflict copy opened in the app makes its own drafts file beside it; `debrief
    merge` called that 'not a Debrief journal'."""
    path = tmp_path / "journal.json"
    Journal.open(path)
    copy = tmp_path / "journal.sync-conflict-20261201-101500-ABCDEF1.json"
    shutil.copy(path, copy)
    for own in (".drafts.json", ".json.bak"):
        (tmp_path / f"journal.sync-conflict-20261201-101500-ABCDEF1{own}").write_text("{}")
    assert conflict_copies(path) == [copy]


def test_a_note_made_here_survives_a_copy_whose_reflection_is_newer() -> None:
    """Found by a new user: the copy's newer reflection brought its whole plan, and the
    note written here later (on the same status check) was gone."""
    one = reflection("r1")
    items = plan(ACME, [one], "Europe/Berlin")
    check = next(item for item in items if item.kind.value == "status_check")
    here_noted = dataclasses.replace(check, note="main-device note")
    there_noted = dataclasses.replace(check, note="copy-device note")
    edited_there = dataclasses.replace(one, went_well="more", updated_at=NOW.add(hours=1))
    mine = Bundle((ACME,), (one,), tuple(here_noted if i.id == check.id else i for i in items))
    theirs = Bundle(
        (ACME,), (edited_there,), tuple(there_noted if i.id == check.id else i for i in items)
    )
    merge = merge_copy(mine, {}, theirs, {}, now=NOW.add(days=1))
    assert merge.writes.reflections == (edited_there,)  # the newer reflection wins
    (written,) = [item for item in merge.writes.followups if item.id == check.id]
    assert written.note == "copy-device note / main-device note"  # and no word is lost
    done_here = dataclasses.replace(check, done_at=NOW)
    mine = Bundle((ACME,), (one,), tuple(done_here if i.id == check.id else i for i in items))
    merge = merge_copy(mine, {}, theirs, {}, now=NOW.add(days=1))
    (written,) = [item for item in merge.writes.followups if item.id == check.id]
    assert written.done_at == NOW  # done here stays done


async def test_a_reflection_deleted_after_a_merge_leaves_the_merge_snapshot_too(
    two_devices: tuple[Journal, Path],
) -> None:
    """The snapshot kept before a merge held a reflection deleted later, readable on
    disk after the app closed."""
    here, other_path = two_devices
    edited = reflection("r1", went_well="edited there", updated_at=NOW.add(hours=1))
    Journal.open(other_path).save_reflection(edited, ACME)
    copy = here.file_path.with_name("journal.sync-conflict-20261201-101500-SNAP001.json")
    shutil.copy(other_path, copy)
    merge_conflict_copy(here, copy)
    merged = here.file_path.parent / "merged"
    assert list(merged.glob("journal.before-merge-*.json"))  # (it holds r1 and r2)
    app = make_app(Journal.open(here.file_path), clock=fixed_clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        deleted = app.journal.reflections()[0].id  # the journal's first row
        await pilot.press("d", "y")
        await pilot.pause()
        assert app.journal.in_trash() == [deleted]
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not list(merged.glob("journal.before-merge-*.json"))  # it held the deleted one
