"""The journal: the only code that touches TinyDB, speaking model records in and out.

One file holds the opportunities, reflections, follow-ups, settings and a `meta` table
naming the format and schema. Every record is read and written through TinyDB tables
over the atomic storage (`storage.py`), and decoded (validated) once, as the file is
read: a damaged record refuses the whole file, naming the record and field, before
anything is shown. Unfinished questionnaires live in a small sidecar file
(`<name>.drafts.json`) so that autosaving a draft every second never rewrites the
whole journal.

Reads answer from the records in memory. Writers take a short exclusive lock and read
again a file another process changed before writing, so two Debrief windows on one
journal merge rather than overwrite each other; `refresh()` picks up such a change
between writes (the app calls it every few seconds).
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from tinydb import Query, TinyDB
from tinydb.table import Document, Table

from debrief.model import (
    Bundle,
    Decision,
    Draft,
    FollowUp,
    Interview,
    ModelError,
    Opportunity,
    Reflection,
    Settings,
    due_order,
    from_dict,
    interview_order,
    quoted,
    to_dict,
)
from debrief.store import encryption
from debrief.store.fileformat import DRAFTS_FORMAT_NAME, FORMAT_NAME, WHAT, refusal, schema_of
from debrief.store.files import (
    JournalError,
    backup_as_it_is,
    backup_path_of,
    describe_os_error,
    file_lock,
    lock_path_of,
    refuse_if_not_ours,
    remove_stale_temporaries,
    same_file,
    tighten,
)
from debrief.store.journal_path import DAMAGED, drafts_path_of, set_aside_drafts
from debrief.store.migrations import SCHEMA_VERSION, migrate
from debrief.store.sealed import PassphraseNeeded, Sealer, WrongPassphrase
from debrief.store.storage import AtomicJSONStorage

TRASH = "trash"
DELETED = "deleted"  # ids of deleted records, with when: a sync copy won't bring them back
RECORD_TABLES: dict[str, type[Any]] = {
    "opportunities": Opportunity,
    "reflections": Reflection,
    "followups": FollowUp,
    "interviews": Interview,
}

Record = TypeVar("Record")
AnyRecord = Opportunity | Reflection | FollowUp | Interview

__all__ = ["Journal", "JournalError", "change_encryption", "drafts_path_of"]


class _File:
    """One TinyDB database in one file, over the atomic storage, with its format name."""

    def __init__(
        self,
        path: Path,
        format_name: str,
        *,
        readonly: bool,
        lock: Path,
        sealer: Sealer | None = None,
    ) -> None:
        self.path = path
        self.format_name = format_name
        self.lock = lock  # one lock for the journal and its drafts
        self.database = TinyDB(
            path,
            storage=AtomicJSONStorage,
            readonly=readonly,
            what=WHAT[format_name],
            sealer=sealer,
        )
        storage = self.database.storage
        assert isinstance(storage, AtomicJSONStorage)
        self.storage = storage

    def table(self, name: str) -> Table:
        # A fresh Table per use: TinyDB keeps the next document id per Table object,
        # and it goes stale when another process writes the file.
        return Table(self.storage, name, cache_size=0)

    def read(self) -> dict[str, Any] | None:
        try:
            return self.storage.read()
        except (PassphraseNeeded, WrongPassphrase):
            raise  # (nothing wrong with the file: said as it is)
        except JournalError as error:
            raise JournalError(refusal(self.path, str(error))) from error

    def check(self, *, create: bool, validate: Callable[[dict[str, Any]], None]) -> None:
        """Refuse a file that is not ours, or too new; create or migrate it when allowed.
        `validate` refuses (JournalError) a file with a damaged record before a migration
        would write it: a damaged file is never overwritten."""
        data = self.read()
        if data is None:
            if create:
                self._create()
            return
        schema = schema_of(data, self.path, self.format_name)
        if schema < SCHEMA_VERSION:
            # (On a copy, before the lock: a refusal leaves no trace.)
            upgraded = migrate(copy.deepcopy(data), schema)
            validate(upgraded)
            if self.storage.readonly:  # the shell, or a sync copy: upgraded in memory only
                self.storage.hold(upgraded)
            else:
                self._migrate(schema, validate)

    def _meta(self) -> dict[str, Any]:
        return {"format": self.format_name, "schema": SCHEMA_VERSION}

    def _create(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with file_lock(self.lock):
                if self.storage.read() is None:  # another process may have just made it
                    self.table("meta").insert(self._meta())
        except OSError as error:
            raise JournalError(
                f"Can't create {self.path}: {describe_os_error(error)}. "
                "Pass another location with --db PATH or DEBRIEF_DB."
            ) from error

    def _migrate(self, schema: int, validate: Callable[[dict[str, Any]], None]) -> None:
        with file_lock(self.lock):
            upgraded = migrate(self.storage.read() or {}, schema)
            validate(upgraded)
            upgraded["meta"] = {"1": self._meta()}
            self.storage.write(upgraded)  # the old file becomes the backup

    def tidy(self) -> None:
        """Remove temporary files that a killed writer left beside this file."""
        with contextlib.suppress(OSError), file_lock(self.lock):
            remove_stale_temporaries(self.path)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Lock, batch every write into one atomic file write, and explain failures."""
        if self.storage.readonly:
            raise JournalError(f"{self.path} is open read-only.")
        try:
            with file_lock(self.lock), self.storage.batch():
                yield
        except OSError as error:
            raise JournalError(
                f"Could not save to {self.path}: {describe_os_error(error)}. "
                "Nothing was changed on disk."
            ) from error


@dataclass(repr=False)  # (its records' text must not reach a crash report)
class _Records:
    """Every record of the journal, decoded, by id; with the TinyDB document id of each,
    so that a change is written to its own document. Orders and indexes are worked out
    when first asked for (a copy, made for a write, starts without them)."""

    opportunities: dict[str, Opportunity] = field(default_factory=dict)
    reflections: dict[str, Reflection] = field(default_factory=dict)
    followups: dict[str, FollowUp] = field(default_factory=dict)
    interviews: dict[str, Interview] = field(default_factory=dict)
    doc_ids: dict[str, dict[str, int]] = field(
        default_factory=lambda: {name: {} for name in RECORD_TABLES}
    )
    settings: Settings | None = None  # None: never saved
    decision: Decision | None = None
    deleted: dict[str, datetime] = field(default_factory=dict)  # id -> when (for syncing)
    removed: dict[str, str] = field(default_factory=dict)  # by this write: id -> table
    written: set[str] = field(default_factory=set)  # by this write
    _newest_first: list[Reflection] | None = None
    _plans: dict[str, list[FollowUp]] | None = None
    _rounds: dict[str, list[Reflection]] | None = None
    _by_company: list[Opportunity] | None = None

    def copy(self) -> _Records:
        return _Records(
            dict(self.opportunities),
            dict(self.reflections),
            dict(self.followups),
            dict(self.interviews),
            {name: dict(ids) for name, ids in self.doc_ids.items()},
            self.settings,
            self.decision,
            dict(self.deleted),
        )

    def of(self, table_name: str) -> dict[str, Any]:
        records: dict[str, Any] = getattr(self, table_name)
        return records

    def newest_first(self) -> list[Reflection]:
        if self._newest_first is None:
            self._newest_first = sorted(self.reflections.values(), key=interview_order)[::-1]
        return self._newest_first

    def rounds(self, opportunity_id: str) -> list[Reflection]:
        if self._rounds is None:
            self._rounds = {}
            for reflection in reversed(self.newest_first()):
                self._rounds.setdefault(reflection.opportunity_id, []).append(reflection)
        return self._rounds.get(opportunity_id, [])

    def plan(self, reflection_id: str) -> list[FollowUp]:
        if self._plans is None:
            self._plans = {}
            for item in self.followups.values():
                self._plans.setdefault(item.reflection_id, []).append(item)
        return self._plans.get(reflection_id, [])

    def by_company(self) -> list[Opportunity]:
        if self._by_company is None:
            self._by_company = sorted(
                self.opportunities.values(),
                key=lambda o: (o.company.casefold(), o.role.casefold()),
            )
        return self._by_company


class Journal:
    """Opportunities, reflections, follow-ups, settings and drafts of one journal file."""

    def __init__(
        self,
        path: Path,
        *,
        readonly: bool = False,
        sealer: Sealer | None = None,
        with_followups: bool = True,
    ) -> None:
        if path.is_dir():
            raise JournalError(
                f"{path} is a folder; a journal is a file. Pass a file path with --db."
            )
        self.path = path  # as given (shown to the user)
        self.readonly = readonly
        # A symbolic link (to a synced folder, say) is followed once, here: the file, its
        # temporaries, backup, drafts and lock all live beside the target, and the link
        # stays a link.
        real = path.resolve() if path.is_symlink() else path
        if not readonly:
            refuse_if_not_ours(real)
        lock = lock_path_of(real)
        self.sealer = sealer  # set: the journal is encrypted (see sealed.py)
        self._main = _File(real, FORMAT_NAME, readonly=readonly, lock=lock, sealer=sealer)
        self._drafts = _File(
            drafts_path_of(real), DRAFTS_FORMAT_NAME, readonly=readonly, lock=lock, sealer=sealer
        )
        self._records = _Records()
        if not with_followups and not readonly:
            raise ValueError("only a read-only journal may leave its follow-ups unread")
        self._tables = {
            name: kind
            for name, kind in RECORD_TABLES.items()
            if with_followups or name != "followups"
        }
        self._read_generation = -1  # the storage's generation the records were read from
        self.revision = 0  # changes whenever the records may have: a save, or a refresh
        self.notices: list[str] = []  # what opening had to do that the user should hear

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        readonly: bool = False,
        sealer: Sealer | None = None,
        with_followups: bool = True,
    ) -> Journal:
        """Open (creating when missing, unless read-only) and read every record, or raise
        JournalError naming what is wrong. Read-only: no lock, no write, ever. An encrypted
        journal needs its `sealer` (`sealed.unlock`): without one, PassphraseNeeded.
        `with_followups=False` (read-only): the follow-ups are not read, for a listing that
        shows none (a third of `debrief list`'s time at 1,000 reflections)."""
        journal = cls(
            Path(path).expanduser(),
            readonly=readonly,
            sealer=sealer,
            with_followups=with_followups,
        )
        if not readonly:  # a change of encryption left unfinished: completed first
            finished = encryption.finish_change(journal.file_path, sealer)
            if finished is not None:
                journal = cls(journal.path, sealer=finished.sealer, with_followups=with_followups)
                journal.notices.append(finished.notice())
        journal._main.check(create=not readonly, validate=journal._validate_journal)
        journal._sync()
        if not readonly:  # (the shell never reads drafts)
            journal._check_drafts()
            journal._main.tidy()
            journal._drafts.tidy()
            journal.empty_trash()
        return journal

    def _check_drafts(self) -> None:
        """A drafts file that can't be used is renamed aside and said (in `notices`): the
        journal opens without it, and it is never overwritten."""
        try:
            self._drafts.check(create=False, validate=self._validate_drafts)
            self.drafts()
        except JournalError as error:
            aside = self._drafts.path.with_name(
                f"{self._drafts.path.name}{DAMAGED}{datetime.now():%Y%m%d-%H%M%S}"
            )
            try:
                self._drafts.path.rename(aside)
            except OSError as rename_error:
                raise JournalError(
                    f"{error} It could not be set aside either "
                    f"({describe_os_error(rename_error)}): move it away to start Debrief."
                ) from rename_error
            self._drafts.storage.close()
            self.notices.append(
                f"Your drafts file could not be used: {error} It was renamed to {aside.name} "
                "(in the same folder) and Debrief started without it."
            )

    def refresh(self) -> bool:
        """Read the file again if another process changed it; True if it did. Raises
        JournalError if it is now damaged (the records read before stay in memory)."""
        before = self.revision
        self._sync()
        return self.revision != before

    @property
    def file_path(self) -> Path:
        """Where the journal really is (a symbolic link followed)."""
        return self._main.path

    @property
    def backup_path(self) -> Path:
        return backup_path_of(self.file_path)

    @property
    def drafts_path(self) -> Path:
        return self._drafts.path

    def own_file(self, target: Path) -> Path | None:
        """The journal's own file `target` names, by any name (a link, a hard link), or
        None: the journal, its backup, its drafts, their backup and its lock are never an
        export's target, even one that may replace a file."""
        return next((file for file in self._own_files() if same_file(target, file)), None)

    def _own_files(self) -> tuple[Path, ...]:
        drafts = self.drafts_path
        return (self.file_path, self.backup_path, drafts, backup_path_of(drafts), self._main.lock)

    def _keep_private(self) -> None:
        """After a save: none of the journal's own files is looser than 0600 (a drafts
        file made 0666 by hand is tightened by the next save of either file; a stricter
        mode stays)."""
        for file in self._own_files():
            tighten(file)

    # --- reading -------------------------------------------------------------------

    def reflections(self) -> list[Reflection]:
        """Every reflection, newest interview first."""
        return self._records.newest_first()

    def reflection(self, reflection_id: str) -> Reflection | None:
        return self._records.reflections.get(reflection_id)

    def rounds(self, opportunity_id: str) -> list[Reflection]:
        """Every interview round of one opportunity, oldest first."""
        return self._records.rounds(opportunity_id)

    def opportunities(self) -> list[Opportunity]:
        """Every opportunity, by company then role."""
        return self._records.by_company()

    def opportunity(self, opportunity_id: str) -> Opportunity | None:
        return self._records.opportunities.get(opportunity_id)

    def opportunity_of(self, reflection_id: str) -> Opportunity | None:
        """The opportunity a reflection belongs to."""
        reflection = self.reflection(reflection_id)
        return None if reflection is None else self.opportunity(reflection.opportunity_id)

    def find_opportunity(self, company: str, role: str) -> Opportunity | None:
        """The opportunity with this company and role, ignoring case and spacing."""
        wanted = (_fold(company), _fold(role))
        for candidate in self.opportunities():
            if (_fold(candidate.company), _fold(candidate.role)) == wanted:
                return candidate
        return None

    def followups(self, reflection_id: str | None = None) -> list[FollowUp]:
        """One reflection's follow-ups, soonest first; or every follow-up, in no order."""
        if "followups" not in self._tables:
            raise RuntimeError("this journal was opened without its follow-ups")
        if reflection_id is None:
            return list(self._records.followups.values())
        return sorted(self._records.plan(reflection_id), key=due_order)

    def followup(self, followup_id: str) -> FollowUp | None:
        return self._records.followups.get(followup_id)

    def interviews(self) -> list[Interview]:
        """Every scheduled interview, soonest first (reflected and dismissed ones too)."""
        return sorted(self._records.interviews.values(), key=lambda i: i.start.timestamp())

    def interview(self, interview_id: str) -> Interview | None:
        return self._records.interviews.get(interview_id)

    def settings(self) -> Settings:
        return self._records.settings or Settings()

    def decision(self) -> Decision:
        """The saved comparison (criteria, weights, scores, what was chosen), or the defaults."""
        return self._records.decision or Decision()

    def drafts(self) -> list[Draft]:
        """Unfinished questionnaires, most recently touched first."""
        if self._drafts.read() is None:
            return []
        drafts = [
            self._decode(Draft, "drafts", document, self._drafts.path)
            for document in self._drafts.table("drafts").all()
        ]
        return sorted(drafts, key=lambda d: d.updated_at, reverse=True)

    def in_trash(self) -> list[str]:
        """Ids of reflections deleted in this session and not yet restored."""
        return [str(entry["id"]) for entry in self._main.table(TRASH).all()]

    def deleted(self) -> dict[str, datetime]:
        """Ids of the records deleted from this journal, and when (never brought back by a
        sync conflict copy)."""
        return dict(self._records.deleted)

    def bundle(self) -> Bundle:
        """Every record, for an export; settings and decision only if they were ever saved."""
        records = self._records
        return Bundle(
            opportunities=tuple(records.opportunities.values()),
            reflections=tuple(records.newest_first()),
            followups=tuple(records.followups.values()),
            settings=records.settings,
            decision=records.decision,
            interviews=tuple(records.interviews.values()),
        )

    # --- writing -------------------------------------------------------------------

    def save_reflection(
        self,
        reflection: Reflection,
        opportunity: Opportunity,
        followups: Sequence[FollowUp] | None = None,
    ) -> None:
        """Store a reflection, its opportunity and their follow-ups in one atomic write.

        `followups`, when given, becomes the whole plan of the opportunity's rounds, this
        one included (`followups.plan` works it out). An edit that moves the reflection to
        another opportunity removes the old one if no round is left.
        """
        if reflection.opportunity_id != opportunity.id:
            raise ValueError("the reflection belongs to another opportunity")
        with self._write() as records:
            before = records.reflections.get(reflection.id)
            self._put(records, "opportunities", [opportunity])
            self._put(records, "reflections", [reflection])
            if followups is not None:
                self._replace_plan(records, opportunity.id, followups)
            if before is not None and before.opportunity_id != opportunity.id:
                self._drop_if_unused(records, before.opportunity_id)  # moved from its last round
            scheduled = records.interviews.get(reflection.interview_id or "")
            if scheduled is not None and scheduled.reflection_id != reflection.id:
                linked = replace(
                    scheduled, reflection_id=reflection.id, updated_at=reflection.updated_at
                )
                self._put(records, "interviews", [linked])  # reflected on: off the agenda

    def save_interview(self, interview: Interview, opportunity: Opportunity) -> None:
        """Store a scheduled interview and its opportunity (new or changed), in one write."""
        if interview.opportunity_id != opportunity.id:
            raise ValueError("the interview belongs to another opportunity")
        with self._write() as records:
            before = records.interviews.get(interview.id)
            self._put(records, "opportunities", [opportunity])
            self._put(records, "interviews", [interview])
            if before is not None and before.opportunity_id != opportunity.id:
                self._drop_if_unused(records, before.opportunity_id)

    def save_interviews(
        self, interviews: Sequence[Interview], opportunities: Sequence[Opportunity]
    ) -> None:
        """Store several scheduled interviews with their opportunities (a calendar import)."""
        with self._write() as records:
            self._put(records, "opportunities", opportunities)
            self._put(records, "interviews", interviews)

    def delete_interview(self, interview_id: str) -> None:
        """Remove a scheduled interview (and its opportunity, if nothing else uses it)."""
        with self._write() as records:
            interview = records.interviews[interview_id]
            self._take(records, "interviews", [interview_id])
            self._drop_if_unused(records, interview.opportunity_id)

    @staticmethod
    def _in_use(records: _Records, opportunity_id: str) -> bool:
        """Whether a round or a scheduled interview still belongs to the opportunity."""
        return any(r.opportunity_id == opportunity_id for r in records.reflections.values()) or any(
            i.opportunity_id == opportunity_id for i in records.interviews.values()
        )

    def _drop_if_unused(self, records: _Records, opportunity_id: str) -> None:
        if not self._in_use(records, opportunity_id):
            self._take(records, "opportunities", [opportunity_id])

    def save_plan(self, opportunity: Opportunity, followups: Sequence[FollowUp]) -> None:
        """Store an opportunity (its status, say) and the whole plan of its rounds, in one
        atomic write (after something was done about one of them: a chain moves on)."""
        with self._write() as records:
            if opportunity.id not in records.opportunities:
                raise KeyError(f"no opportunity {opportunity.id}")
            self._put(records, "opportunities", [opportunity])
            self._replace_plan(records, opportunity.id, followups)

    def _replace_plan(
        self, records: _Records, opportunity_id: str, followups: Sequence[FollowUp]
    ) -> None:
        rounds = {r.id for r in records.reflections.values() if r.opportunity_id == opportunity_id}
        if any(f.reflection_id not in rounds for f in followups):
            raise ValueError("a follow-up belongs to another opportunity")
        stale = [f.id for f in records.followups.values() if f.reflection_id in rounds]
        self._take(records, "followups", stale)
        self._put(records, "followups", followups)

    def save_followup(self, item: FollowUp) -> None:
        """Store what the user did about one follow-up (done, snoozed, dismissed, a note)."""
        with self._write() as records:
            if item.id not in records.followups:
                raise KeyError(f"no follow-up {item.id}")
            self._put(records, "followups", [item])

    def save_opportunity(self, opportunity: Opportunity) -> None:
        """Store a changed opportunity (its status, say); every round shows the change."""
        with self._write() as records:
            if opportunity.id not in records.opportunities:
                raise KeyError(f"no opportunity {opportunity.id}")
            self._put(records, "opportunities", [opportunity])

    def delete_reflection(self, reflection_id: str, *, now: datetime) -> None:
        """Move a reflection (and its opportunity, if this was its last round) to the trash.

        The trash exists for undo: it is emptied when the app closes (`empty_trash`).
        """
        with self._write() as records:
            reflection = records.reflections[reflection_id]
            entry: dict[str, Any] = {"id": reflection_id, "deleted_at": now.isoformat()}
            entry["reflections"] = self._take(records, "reflections", [reflection_id])
            plan_ids = [f.id for f in records.plan(reflection_id)]
            entry["followups"] = self._take(records, "followups", plan_ids)
            if not self._in_use(records, reflection.opportunity_id):
                entry["opportunities"] = self._take(
                    records, "opportunities", [reflection.opportunity_id]
                )
            self._main.table(TRASH).insert(entry)

    def restore_reflection(self, reflection_id: str) -> None:
        """Undo a delete: everything goes back exactly as it was."""
        with self._write() as records:
            trash = self._main.table(TRASH)
            entry = trash.get(Query().id == reflection_id)
            if not isinstance(entry, Document):
                raise KeyError(f"{reflection_id} is not in the trash")
            for table_name in RECORD_TABLES:
                self._give_back(records, table_name, entry.get(table_name, []))
            trash.remove(doc_ids=[entry.doc_id])
            if not trash:
                self._main.database.drop_table(TRASH)

    def apply_import(self, writes: Bundle) -> None:
        """Store imported records in one atomic write: all of them, or none."""
        with self._write() as records:
            self._put(records, "opportunities", writes.opportunities)
            self._put(records, "reflections", writes.reflections)
            self._put(records, "followups", writes.followups)
            self._put(records, "interviews", writes.interviews)
            if writes.settings is not None:
                self._replace_single("settings", to_dict(writes.settings))
                records.settings = writes.settings
            if writes.decision is not None:
                self._replace_single("decision", to_dict(writes.decision))
                records.decision = writes.decision

    def apply_merge(
        self,
        writes: Bundle,
        deletions: Mapping[str, Sequence[str]],
        deleted_elsewhere: Mapping[str, datetime],
    ) -> None:
        """Store a merged copy's changes in one write: records written, records deleted
        (by table), and the deletions the other device made, remembered from now on."""
        with self._write() as records:
            self._put(records, "opportunities", writes.opportunities)
            self._put(records, "reflections", writes.reflections)
            self._put(records, "followups", writes.followups)
            self._put(records, "interviews", writes.interviews)
            for table_name, ids in deletions.items():
                self._take(records, table_name, ids)
            if writes.settings is not None:
                self._replace_single("settings", to_dict(writes.settings))
                records.settings = writes.settings
            if writes.decision is not None:
                self._replace_single("decision", to_dict(writes.decision))
                records.decision = writes.decision
            self._remember_deletions(records, deleted_elsewhere)

    def restore(self, snapshot: Path) -> None:
        """Make the journal what `snapshot` (a copy of its file, kept before a merge)
        holds, in one write; the current file becomes the backup. JournalError for a
        snapshot that is damaged or not a journal (nothing changed)."""
        kept = Journal.open(snapshot, readonly=True, sealer=self.sealer)
        data = kept._main.read()
        if data is None:
            raise JournalError(f"{snapshot} is gone: nothing was changed.")
        with self._main.transaction():
            self._main.storage.write(data)
        self._read_generation = -1  # (every record read again, from what was written)
        self._sync()

    def save_decision(self, decision: Decision) -> None:
        """Store the comparison, unless it is already what is stored (the compare screen
        saves after every change, opening it included)."""
        if decision == self.decision():  # (the defaults need not be stored either)
            return
        with self._write() as records:
            self._replace_single("decision", to_dict(decision))
            records.decision = decision

    def save_settings(self, settings: Settings) -> None:
        with self._write() as records:
            self._replace_single("settings", to_dict(settings))
            records.settings = settings

    def save_draft(self, draft: Draft) -> None:
        """Upsert a draft in the sidecar file (created on first use)."""
        self._drafts.check(create=True, validate=self._validate_drafts)
        with self._drafts.transaction():
            self._drafts.table("drafts").upsert(to_dict(draft), Query().id == draft.id)
        self._keep_private()

    def discard_draft(self, draft_id: str) -> None:
        if self._drafts.read() is None:
            return
        with self._drafts.transaction():
            self._drafts.table("drafts").remove(Query().id == draft_id)
        self._keep_private()

    # --- internals -----------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[_Records]:
        """One atomic write under the lock, on a copy of the records that replaces them
        only once the file is written (a failed write leaves them as they were)."""
        with self._main.transaction():
            self._sync()  # under the lock: pick up what another process wrote
            records = self._records.copy()
            yield records
            self._remember_deletions(records)
        self._records = records
        self.revision += 1
        self._keep_private()

    def _remember_deletions(
        self, records: _Records, elsewhere: Mapping[str, datetime] | None = None
    ) -> None:
        """Keep the ids this write removed (and did not write back), with when, so that a
        sync conflict copy does not bring them back; forget those written again (an
        undone delete). `elsewhere`: deletions another device made, remembered too."""
        now = datetime.now(UTC)
        gone = {record_id: now for record_id in records.removed if record_id not in records.written}
        gone |= {k: v for k, v in (elsewhere or {}).items() if k not in records.deleted}
        back = [record_id for record_id in records.written if record_id in records.deleted]
        records.removed, records.written = {}, set()
        if not gone and not back:
            return
        table = self._main.table(DELETED)
        if back:
            table.remove(Query().id.one_of(back))
        if gone:
            table.insert_multiple({"id": k, "at": v.isoformat()} for k, v in gone.items())
        elif not table:
            self._main.database.drop_table(DELETED)  # (an undone delete leaves no trace)
        for record_id in back:
            del records.deleted[record_id]
        records.deleted.update(gone)

    def _put(self, records: _Records, table_name: str, items: Sequence[AnyRecord]) -> None:
        """Write records over their documents, inserting the new ones (one TinyDB
        operation each way: each copies the table)."""
        if not items:
            return
        table = self._main.table(table_name)
        doc_ids = records.doc_ids[table_name]
        known = [item for item in items if item.id in doc_ids]
        for item in known:
            table.update(to_dict(item), doc_ids=[doc_ids[item.id]])
        new = [item for item in items if item.id not in doc_ids]
        for item, doc_id in zip(
            new, table.insert_multiple(to_dict(item) for item in new), strict=True
        ):
            doc_ids[item.id] = doc_id
        stored = records.of(table_name)
        for item in items:
            stored[item.id] = item
        records.written.update(item.id for item in items)

    def _take(
        self, records: _Records, table_name: str, record_ids: Sequence[str]
    ) -> list[dict[str, Any]]:
        """Remove records, returning their documents and document ids (for the trash)."""
        doc_ids = records.doc_ids[table_name]
        taken = [record_id for record_id in record_ids if record_id in doc_ids]
        if not taken:
            return []
        table = self._main.table(table_name)
        documents = []
        for record_id in taken:
            document = table.get(doc_id=doc_ids[record_id])
            documents.append({"doc_id": doc_ids[record_id], "data": dict(document or {})})
        table.remove(doc_ids=[doc_ids[record_id] for record_id in taken])
        for record_id in taken:
            del doc_ids[record_id]
            del records.of(table_name)[record_id]
            records.removed[record_id] = table_name
        return documents

    def _give_back(
        self, records: _Records, table_name: str, taken: Sequence[dict[str, Any]]
    ) -> None:
        """Put removed documents back under their document ids (under new ones, if another
        process has used those meanwhile)."""
        table = self._main.table(table_name)
        in_use = set(records.doc_ids[table_name].values())
        for entry in taken:
            record = self._decode(RECORD_TABLES[table_name], table_name, entry["data"])
            doc_id = int(entry["doc_id"])
            if doc_id in in_use:
                doc_id = table.insert(entry["data"])
            else:
                table.insert(Document(entry["data"], doc_id=doc_id))
            records.doc_ids[table_name][record.id] = doc_id
            records.of(table_name)[record.id] = record
            records.written.add(record.id)

    def _replace_single(self, table_name: str, document: dict[str, Any]) -> None:
        table = self._main.table(table_name)
        table.truncate()
        table.insert(document)

    def empty_trash(self) -> None:
        """Deleted reflections are kept only for undo within one session: the app empties
        the trash as it closes (and opening does, after a session that could not). Their
        text is then gone from the file and from its backup, which becomes the file as it
        is (the version before differed only by the trash)."""
        if self.readonly or not self._main.table(TRASH):
            return
        with self._write():
            self._main.database.drop_table(TRASH)
        with file_lock(self._main.lock):
            backup_as_it_is(self.file_path)

    def _sync(self) -> None:
        """Read every record again if the file changed since they were read."""
        self._main.read()
        if self._main.storage.generation == self._read_generation:
            return
        records = _Records()
        for table_name, record_class in self._tables.items():
            stored, doc_ids = records.of(table_name), records.doc_ids[table_name]
            for document in self._main.table(table_name).all():
                record = self._decode(record_class, table_name, document, self.path)
                stored[record.id] = record
                doc_ids[record.id] = document.doc_id
        _check_links({name: records.of(name) for name in self._tables}, self.path)
        records.settings = self._single(Settings, "settings")
        records.decision = self._single(Decision, "decision")
        records.deleted = self._deletions()
        self._records = records
        self._read_generation = self._main.storage.generation
        self.revision += 1

    def _deletions(self) -> dict[str, datetime]:
        deleted = {}
        for document in self._main.table(DELETED).all():
            try:
                at = datetime.fromisoformat(str(document["at"]))
            except (KeyError, ValueError):
                continue  # (a damaged entry only means one deletion may come back)
            if at.tzinfo is not None:  # (one without a zone can't be ordered against edits)
                deleted[str(document["id"])] = at
        return deleted

    def _validate_journal(self, data: dict[str, Any]) -> None:
        """Decode every record of a raw journal file (JournalError at the first bad one)."""
        tables = {**RECORD_TABLES, "settings": Settings, "decision": Decision}
        decoded = self._validate(data, tables, self._main.path)
        _check_links(decoded, self._main.path)

    def _validate_drafts(self, data: dict[str, Any]) -> None:
        self._validate(data, {"drafts": Draft}, self._drafts.path)

    def _validate(
        self, data: dict[str, Any], tables: dict[str, type[Any]], path: Path
    ) -> dict[str, dict[str, Any]]:
        """Every record decoded, by table and id (JournalError at the first bad one)."""
        decoded: dict[str, dict[str, Any]] = {}
        for table_name, record_class in tables.items():
            documents = data.get(table_name, {})
            if not isinstance(documents, dict):
                raise JournalError(refusal(path, f"{path}: table {table_name} is not an object."))
            records = decoded.setdefault(table_name, {})
            for doc_id, document in documents.items():
                stored = Document(document, doc_id=doc_id)
                record = self._decode(record_class, table_name, stored, path)
                records[str(getattr(record, "id", doc_id))] = record
        return decoded

    def _single(self, record_class: type[Record], table_name: str) -> Record | None:
        documents = self._main.table(table_name).all()
        if not documents:
            return None
        return self._decode(record_class, table_name, documents[0], self.path)

    def _decode(
        self,
        record_class: type[Record],
        table_name: str,
        document: Document | dict[str, Any],
        path: Path | None = None,
    ) -> Record:
        """A validated record, or JournalError naming the file, record and field."""
        try:
            return from_dict(record_class, document)
        except ModelError as error:
            where = path or self.path
            doc_id = getattr(document, "doc_id", "?")
            record_id = document.get("id") if isinstance(document, dict) else None
            name = record_id if isinstance(record_id, str) else f"#{doc_id}"
            reason = f"{where}: record {table_name}/{name}, field {error.field}: {error.message}."
            raise JournalError(refusal(where, reason)) from error


LINKS = (  # a record of the first table belongs to one of the last, named by this field
    ("reflections", "opportunity_id", "opportunities"),
    ("interviews", "opportunity_id", "opportunities"),
    ("followups", "reflection_id", "reflections"),
)


def _check_links(records: Mapping[str, Mapping[str, Any]], path: Path) -> None:
    """Refuse a file in which a record belongs to one that is not there (a reflection or
    an interview without its opportunity, a follow-up without its reflection): every
    screen and command takes these links as given, and an import refuses them too."""
    for table_name, field_name, parent in LINKS:
        if table_name not in records or parent not in records:
            continue  # (a listing leaves the follow-ups unread)
        for record_id, record in records[table_name].items():
            if getattr(record, field_name) not in records[parent]:
                reason = (
                    f"{path}: record {table_name}/{record_id[:40]}, field {field_name}: "
                    f"{quoted(getattr(record, field_name))} names none of the file's {parent}."
                )
                raise JournalError(refusal(path, reason))


def change_encryption(
    path: Path, current: Sealer | None, new: Sealer | None, copies: Sequence[Path] = ()
) -> list[Path]:
    """Rewrite the journal, its backup, its drafts and their backup sealed with `new`
    (None: plain), each opened with `current` (or `new`: a file the change has sealed
    already), with `copies` and any drafts files set aside as damaged that are in the
    current form; the files rewritten. How a change always completes, wherever it is
    stopped: `store/encryption.py`.

    The journal is checked first (opened with `current`, read-only): a wrong passphrase
    or a damaged journal changes nothing."""
    real = path.resolve() if path.is_symlink() else path
    Journal.open(real, readonly=True, sealer=current)
    copies = [*copies, *set_aside_drafts(real)]
    return encryption.change_encryption(real, current, new, copies)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())
