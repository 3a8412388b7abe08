"""The journal file: atomic writes, refusals that never touch a file, merges between processes."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import replace
from pathlib import Path

import orjson
import pytest

from debrief.followups import plan
from debrief.model import Draft, Settings, Status, to_dict
from debrief.store import migrations
from debrief.store.files import atomic_write
from debrief.store.journal import Journal, JournalError, drafts_path_of
from tests.samples import NOW, full_reflection, opportunity
from tests.samples import scheduled as scheduled_interview


def save_one(journal: Journal, company: str = "Acme") -> None:
    job = opportunity(company=company)
    journal.save_reflection(full_reflection(job.id), job)


def test_a_new_journal_is_created_private_with_its_format_named(journal_path: Path) -> None:
    Journal.open(journal_path)
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600
    assert orjson.loads(journal_path.read_bytes()) == {
        "meta": {"1": {"format": "debrief-journal", "schema": migrations.SCHEMA_VERSION}}
    }


def test_missing_parent_folders_are_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "journal.json"
    Journal.open(path)
    assert path.exists()


def test_every_field_round_trips_through_the_file(journal_path: Path) -> None:
    journal = Journal.open(journal_path)
    job = opportunity()
    reflection = full_reflection(job.id)
    journal.save_reflection(reflection, job)
    reopened = Journal.open(journal_path)
    assert reopened.reflections() == [reflection]
    assert reopened.opportunity(job.id) == job
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600


def test_saving_again_updates_in_place(journal: Journal, journal_path: Path) -> None:
    job = opportunity()
    reflection = full_reflection(job.id)
    journal.save_reflection(reflection, job)
    journal.save_reflection(full_reflection(job.id, id=reflection.id, rating=3), job)
    reopened = Journal.open(journal_path)
    assert [r.rating for r in reopened.reflections()] == [3]


def test_a_listing_may_leave_the_follow_ups_unread_and_says_so_if_asked(
    journal: Journal, journal_path: Path
) -> None:
    job = opportunity()
    reflection = full_reflection(job.id)
    journal.save_reflection(reflection, job, plan(job, [reflection], "Europe/Berlin"))
    listing = Journal.open(journal_path, readonly=True, with_followups=False)
    assert [r.id for r in listing.reflections()] == [reflection.id]
    with pytest.raises(RuntimeError, match="without its follow-ups"):
        listing.followups()
    with pytest.raises(ValueError, match="read-only"):
        Journal.open(journal_path, with_followups=False)  # a writer needs the whole plan


def test_reflections_are_newest_first(journal: Journal) -> None:
    job = opportunity()
    for days_ago in (5, 1, 9):
        journal.save_reflection(
            full_reflection(job.id, interview_at=NOW.subtract(days=days_ago)), job
        )
    assert [r.interview_at.day for r in journal.reflections()] == [21, 17, 13]


def test_the_previous_version_is_kept_as_backup(journal: Journal, journal_path: Path) -> None:
    save_one(journal)
    before = journal_path.read_bytes()
    save_one(journal, "Globex")
    assert journal.backup_path.read_bytes() == before
    assert stat.S_IMODE(journal.backup_path.stat().st_mode) == 0o600


def test_a_failed_replace_keeps_the_old_file_and_leaves_no_temp(
    journal: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_one(journal)
    before = journal_path.read_bytes()

    def refuse(src: object, dst: object) -> None:
        if Path(str(dst)) == journal_path:
            raise OSError(errno.EIO, "I/O error")
        os.rename(str(src), str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(JournalError, match="Nothing was changed"):
        save_one(journal, "Globex")
    assert journal_path.read_bytes() == before
    assert not list(journal_path.parent.glob("*.tmp"))
    monkeypatch.undo()
    assert [o.company for o in journal.opportunities()] == ["Acme"]  # memory matches the disk


def test_a_full_disk_is_reported_and_changes_nothing(
    journal: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_one(journal)
    before = journal_path.read_bytes()

    def disk_full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", disk_full)
    with pytest.raises(JournalError, match="the disk is full"):
        save_one(journal, "Globex")
    monkeypatch.undo()
    assert journal_path.read_bytes() == before
    assert len(journal.opportunities()) == 1
    save_one(journal, "Globex")  # and the journal still works afterwards
    assert len(Journal.open(journal_path).opportunities()) == 2


def test_atomic_write_fsyncs_before_replacing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(
        os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1]
    )
    atomic_write(tmp_path / "f.json", b"{}")
    assert calls[:2] == ["fsync", "replace"] and calls[-1] == "fsync"  # data, then the folder


BAD_FILES = {
    "zero bytes": b"",
    "whitespace": b"  \n",
    "invalid json": b'{"meta": {',
    "nul bytes": b"\x00\x00\x00",
    "a json list": b"[1, 2, 3]",
    "tables of lists": b'{"meta": [1]}',
    "another tinydb app": b'{"_default": {"1": {"name": "x"}}}',
    "another format": b'{"meta": {"1": {"format": "jrnl", "schema": 1}}}',
    "no schema": b'{"meta": {"1": {"format": "debrief-journal"}}}',
    "newer schema": b'{"meta": {"1": {"format": "debrief-journal", "schema": 99}}}',
    "bad record": b'{"meta": {"1": {"format": "debrief-journal", "schema": 1}}, '
    b'"reflections": {"1": {"id": "r1", "rating": 42}}}',
}


@pytest.mark.parametrize("content", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_unusable_files_are_refused_and_left_byte_identical(
    journal_path: Path, content: bytes
) -> None:
    journal_path.write_bytes(content)
    before = os.stat(journal_path)
    with pytest.raises(JournalError) as caught:
        Journal.open(journal_path)
    assert str(journal_path) in str(caught.value)
    assert "left untouched" in str(caught.value)
    assert journal_path.read_bytes() == content
    assert os.stat(journal_path).st_mtime_ns == before.st_mtime_ns
    assert sorted(p.name for p in journal_path.parent.iterdir()) == [journal_path.name]


def test_the_refusal_says_what_is_wrong(journal_path: Path) -> None:
    journal_path.write_bytes(b"")
    with pytest.raises(JournalError, match=r"is empty \(0 bytes\)"):
        Journal.open(journal_path)
    journal_path.write_bytes(BAD_FILES["newer schema"])
    with pytest.raises(JournalError, match="newer Debrief"):
        Journal.open(journal_path)
    journal_path.write_bytes(BAD_FILES["bad record"])
    with pytest.raises(JournalError, match="reflections/r1"):
        Journal.open(journal_path)


def test_the_refusal_points_at_the_backup(journal: Journal, journal_path: Path) -> None:
    save_one(journal)
    save_one(journal, "Globex")
    journal_path.write_bytes(b"garbage")
    with pytest.raises(JournalError) as caught:
        Journal.open(journal_path)
    assert str(journal.backup_path) in str(caught.value)


def test_a_folder_is_not_a_journal(tmp_path: Path) -> None:
    with pytest.raises(JournalError, match="is a folder"):
        Journal.open(tmp_path)


def test_an_unwritable_location_is_explained(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(JournalError, match="permission denied"):
            Journal.open(locked / "journal.json")
    finally:
        locked.chmod(0o700)


def test_two_journals_on_one_file_merge_instead_of_overwriting(journal_path: Path) -> None:
    first, second = Journal.open(journal_path), Journal.open(journal_path)
    save_one(first, "Acme")
    save_one(second, "Globex")  # second has not re-read since the first wrote
    save_one(first, "Initech")
    companies = {o.company for o in Journal.open(journal_path).opportunities()}
    assert companies == {"Acme", "Globex", "Initech"}
    second.refresh()  # (the app does this every two seconds)
    assert {o.company for o in second.opportunities()} == companies


def test_stale_temp_files_from_a_killed_writer_are_cleaned(journal_path: Path) -> None:
    Journal.open(journal_path)
    leftover = journal_path.parent / f".{journal_path.name}.deadbeef.tmp"
    leftover.write_bytes(b"half a jour")
    Journal.open(journal_path)
    assert not leftover.exists()


def test_settings_are_stored(journal: Journal, journal_path: Path) -> None:
    assert journal.settings() == Settings()
    journal.save_settings(Settings(default_currency="GBP"))
    assert Journal.open(journal_path).settings().default_currency == "GBP"


def test_find_opportunity_ignores_case_and_spacing(journal: Journal) -> None:
    job = opportunity(company="Acme Corp", role="Data  Engineer")
    journal.save_reflection(full_reflection(job.id), job)
    assert journal.find_opportunity(" acme corp", "data engineer") == job
    assert journal.find_opportunity("Acme", "Data Engineer") is None


def test_status_is_stored_on_the_opportunity(journal: Journal, journal_path: Path) -> None:
    job = opportunity(status=Status.OFFER)
    journal.save_reflection(full_reflection(job.id), job)
    assert Journal.open(journal_path).opportunities()[0].status is Status.OFFER


def test_a_reflection_must_belong_to_the_given_opportunity(journal: Journal) -> None:
    with pytest.raises(ValueError, match="another opportunity"):
        journal.save_reflection(full_reflection("someone-else"), opportunity())


def test_drafts_live_beside_the_journal_and_never_touch_it(
    journal: Journal, journal_path: Path
) -> None:
    before = journal_path.read_bytes()
    draft = Draft(answers={"company": "Acme"}, started_at=NOW, updated_at=NOW)
    journal.save_draft(draft)
    journal.save_draft(
        Draft(
            answers={"company": "Acme", "role": "SRE"},
            started_at=NOW,
            updated_at=NOW.add(minutes=1),
            id=draft.id,
        )
    )
    assert journal_path.read_bytes() == before
    assert drafts_path_of(journal_path).exists()
    drafts = Journal.open(journal_path).drafts()
    assert [d.label for d in drafts] == ["Acme — SRE"]
    journal.discard_draft(draft.id)
    assert Journal.open(journal_path).drafts() == []


def test_readonly_never_writes(journal: Journal, journal_path: Path) -> None:
    save_one(journal)
    before = journal_path.read_bytes(), os.stat(journal_path).st_mtime_ns
    reader = Journal.open(journal_path, readonly=True)
    assert len(reader.reflections()) == 1
    with pytest.raises(JournalError, match="read-only"):
        save_one(reader)
    assert (journal_path.read_bytes(), os.stat(journal_path).st_mtime_ns) == before


def test_readonly_on_a_missing_file_is_an_empty_journal(tmp_path: Path) -> None:
    path = tmp_path / "none.json"
    assert Journal.open(path, readonly=True).reflections() == []
    assert not path.exists()


def test_older_schemas_are_migrated_keeping_a_backup(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = {
        "meta": {"1": {"format": "debrief-journal", "schema": 1}},
        "settings": {"1": {"currency": "GBP"}},
    }
    journal_path.write_bytes(orjson.dumps(old))

    def rename_currency(tables: dict) -> dict:  # type: ignore[type-arg]
        settings = tables.get("settings", {})
        for doc in settings.values():
            doc["default_currency"] = doc.pop("currency")
        return tables

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setattr("debrief.store.database.SCHEMA_VERSION", 2)
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: rename_currency})
    journal = Journal.open(journal_path)
    assert journal.settings().default_currency == "GBP"
    assert orjson.loads(journal_path.read_bytes())["meta"]["1"]["schema"] == 2
    assert orjson.loads(journal.backup_path.read_bytes()) == old


def test_delete_then_undo_leaves_the_file_byte_identical(
    journal: Journal, journal_path: Path
) -> None:
    job = opportunity()
    first, second = full_reflection(job.id, id="r1"), full_reflection(job.id, id="r2", rating=4)
    journal.save_reflection(first, job)
    journal.save_reflection(second, job)
    before = journal_path.read_bytes()
    journal.delete_reflection("r2", now=NOW)
    assert [r.id for r in journal.reflections()] == ["r1"]
    assert journal.in_trash() == ["r2"]
    journal.restore_reflection("r2")
    assert journal_path.read_bytes() == before
    assert journal.in_trash() == []


def test_deleting_the_last_round_takes_the_opportunity_along_and_undo_brings_both(
    journal: Journal, journal_path: Path
) -> None:
    job = opportunity(status=Status.OFFER)
    journal.save_reflection(full_reflection(job.id, id="r1"), job)
    before = journal_path.read_bytes()
    journal.delete_reflection("r1", now=NOW)
    assert journal.opportunities() == []
    journal.restore_reflection("r1")
    assert journal.opportunity(job.id) == job
    assert journal_path.read_bytes() == before


def test_a_confirmed_delete_is_gone_after_restart(journal: Journal, journal_path: Path) -> None:
    save_one(journal)
    reflection_id = journal.reflections()[0].id
    journal.delete_reflection(reflection_id, now=NOW)
    reopened = Journal.open(journal_path)
    assert reopened.reflections() == [] and reopened.in_trash() == []
    assert b"trash" not in journal_path.read_bytes()


def test_a_status_change_belongs_to_the_opportunity(journal: Journal, journal_path: Path) -> None:
    job = opportunity()
    journal.save_reflection(full_reflection(job.id, id="r1"), job)
    journal.save_reflection(full_reflection(job.id, id="r2"), job)
    import dataclasses

    journal.save_opportunity(dataclasses.replace(job, status=Status.REJECTED))
    reopened = Journal.open(journal_path)
    assert {reopened.opportunity(r.opportunity_id).status for r in reopened.reflections()} == {
        Status.REJECTED
    }  # type: ignore[union-attr]


def test_moving_a_reflection_to_another_opportunity_drops_the_empty_one(journal: Journal) -> None:
    old, new = opportunity(), opportunity(company="Globex")
    reflection = full_reflection(old.id, id="r1")
    journal.save_reflection(reflection, old)
    import dataclasses

    journal.save_reflection(dataclasses.replace(reflection, opportunity_id=new.id), new)
    assert [o.company for o in journal.opportunities()] == ["Globex"]


def test_rounds_are_oldest_first(journal: Journal) -> None:
    job = opportunity()
    for days_ago in (1, 9, 4):
        journal.save_reflection(
            full_reflection(job.id, interview_at=NOW.subtract(days=days_ago)), job
        )
    assert [r.interview_at.day for r in journal.rounds(job.id)] == [13, 18, 21]


def test_revision_moves_with_every_change(journal: Journal, journal_path: Path) -> None:
    start = journal.revision
    save_one(journal)
    after_save = journal.revision
    assert after_save > start
    save_one(Journal.open(journal_path), "Globex")  # another window writes
    assert journal.refresh() and journal.revision > after_save
    assert not journal.refresh()  # nothing new


def test_the_file_stays_a_plain_tinydb_database(journal: Journal, journal_path: Path) -> None:
    """Records are written one document at a time, numbered as TinyDB numbers them."""
    from tinydb import TinyDB

    for company in ("Acme", "Globex", "Initech"):
        save_one(journal, company)
    globex = journal.find_opportunity("Globex", "Data Engineer")
    assert globex is not None
    journal.delete_reflection(journal.rounds(globex.id)[0].id, now=NOW)
    save_one(journal, "Hooli")
    copy = journal_path.with_name("copy.json")
    copy.write_bytes(journal_path.read_bytes())
    with TinyDB(copy) as database:
        opportunities = database.table("opportunities")
        assert sorted(doc["company"] for doc in opportunities) == ["Acme", "Hooli", "Initech"]
        assert sorted(doc.doc_id for doc in database.table("reflections")) == [1, 3, 4]
        next_id = opportunities.insert({"company": "TinyDB's own"})
        assert next_id == 5


def test_a_schema_1_journal_opens_upgraded_to_the_current_schema_with_its_records_intact(
    journal_path: Path,
) -> None:
    """Written by the Debrief before scheduled interviews and asked questions existed."""
    job = opportunity()
    reflection = full_reflection(job.id)
    old = {
        "meta": {"1": {"format": "debrief-journal", "schema": 1}},
        "opportunities": {"1": {k: v for k, v in to_dict(job).items() if not k.startswith("recruiter")}},
        "reflections": {"1": {k: v for k, v in to_dict(reflection).items()
                              if k not in ("questions", "interview_id")}},
    }  # fmt: skip
    journal_path.write_bytes(orjson.dumps(old))
    reader = Journal.open(journal_path, readonly=True)  # the shell: upgraded in memory only
    assert reader.reflections()[0] == replace(reflection, questions=())
    assert orjson.loads(journal_path.read_bytes()) == old  # and nothing written
    journal = Journal.open(journal_path)
    assert journal.reflections()[0] == replace(reflection, questions=())
    assert journal.opportunities() == [replace(job, recruiter_name="", recruiter_email="")]
    assert journal.interviews() == []
    schema = orjson.loads(journal_path.read_bytes())["meta"]["1"]["schema"]
    assert schema == migrations.SCHEMA_VERSION == 4
    assert orjson.loads(journal.backup_path.read_bytes()) == old


def test_a_schema_2_journal_opens_with_its_interviews_neither_cancelled_nor_zoned(
    journal_path: Path,
) -> None:
    """Schema 3 adds an invitation's zone, SEQUENCE, all-day day and cancellation, all
    with defaults: a schema-2 interview reads as it was."""
    job = opportunity()
    journal = Journal.open(journal_path)
    journal.save_interview(scheduled_interview(job.id), job)
    document = orjson.loads(journal_path.read_bytes())
    document["meta"]["1"]["schema"] = 2
    for record in document["interviews"].values():
        for key in ("zone", "sequence", "time_to_confirm", "cancelled_at"):
            record.pop(key, None)
    journal_path.write_bytes(orjson.dumps(document))
    (interview,) = Journal.open(journal_path).interviews()
    assert (interview.zone, interview.sequence, interview.cancelled_at) == ("", 0, None)
    assert interview.open and not interview.time_to_confirm
    assert orjson.loads(journal_path.read_bytes())["meta"]["1"]["schema"] == SCHEMA_NOW


SCHEMA_NOW = migrations.SCHEMA_VERSION


def test_a_schema_3_journal_reads_its_references_answer_as_it_was(journal_path: Path) -> None:
    """Schema 4 lets "did they ask for your references?" be unanswered (null): a schema-3
    record's false reads as false, and the file is upgraded."""
    job = opportunity()
    Journal.open(journal_path).save_reflection(full_reflection(job.id), job)
    document = orjson.loads(journal_path.read_bytes())
    document["meta"]["1"]["schema"] = 3
    for record in document["reflections"].values():
        record["references_requested"] = False
    journal_path.write_bytes(orjson.dumps(document))
    (reflection,) = Journal.open(journal_path).reflections()
    assert reflection.references_requested is False
    assert orjson.loads(journal_path.read_bytes())["meta"]["1"]["schema"] == 4
