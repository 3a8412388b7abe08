"""The journal: the only code that touches TinyDB, speaking model records in and out.

One file holds the opportunities, reflections, settings and a `meta` table naming the
format and schema. Unfinished questionnaires live in a small sidecar file
(`<name>.drafts.json`) so that autosaving a draft every second never rewrites the
whole journal. Writers take a short exclusive lock and re-read a file another process
changed before writing, so two Debrief windows on one journal merge rather than
overwrite each other.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from tinydb import Query
from tinydb.table import Table

from debrief.model import (
    Bundle,
    Decision,
    Draft,
    FollowUp,
    Opportunity,
    Reflection,
    Settings,
    due_order,
    to_dict,
)
from debrief.store import changes
from debrief.store.fileformat import DRAFTS_FORMAT_NAME, FORMAT_NAME, refusal, schema_of
from debrief.store.files import (
    JournalError,
    backup_path_of,
    describe_os_error,
    file_lock,
    lock_path_of,
    remove_stale_temporaries,
)
from debrief.store.migrations import SCHEMA_VERSION, migrate
from debrief.store.records import RECORD_TABLES, RecordTables
from debrief.store.storage import AtomicJSONStorage
from debrief.store.summary import HomeFigures, figures_of, keep_figures, kept_figures

TRASH = "trash"

Record = TypeVar("Record", Opportunity, Reflection, FollowUp)

__all__ = ["Journal", "JournalError"]


def drafts_path_of(path: Path) -> Path:
    return path.with_name(path.stem + ".drafts.json")


def _meta(format_name: str) -> dict[str, Any]:
    return {"format": format_name, "schema": SCHEMA_VERSION}


class _File:
    """One TinyDB file with its atomic storage and its own format name."""

    def __init__(
        self,
        path: Path,
        format_name: str,
        *,
        readonly: bool,
        lock: Path,
        log_above: int | None = None,
    ) -> None:
        self.path = path
        self.format_name = format_name
        self.lock = lock  # one lock for the journal and its drafts
        self.storage = AtomicJSONStorage(path, readonly=readonly, log_above=log_above)

    def table(self, name: str) -> Table:
        # A fresh Table per use: TinyDB caches the next document id and query results
        # per Table object, and both go stale when another process writes the file.
        return Table(self.storage, name, cache_size=0)

    def read(self) -> dict[str, Any] | None:
        try:
            return self.storage.read()
        except JournalError as error:
            raise JournalError(refusal(self.path, str(error))) from error

    def check(self, *, create: bool) -> None:
        """Refuse a file that is not ours, or too new; create or migrate it when allowed."""
        data = self.read()
        if data is None:
            if create:
                self._create()
            return
        schema = schema_of(data, self.path, self.format_name)
        if schema < SCHEMA_VERSION:
            self._migrate(schema)

    def drop_table(self, name: str) -> None:
        """Remove a whole table (TinyDB keeps empty tables in the file otherwise)."""
        tables = self.storage.read() or {}
        if name in tables:
            del tables[name]
            self.storage.write(tables)

    def fold(self) -> None:
        """Write the change log of a big journal back into the file, if there is one.

        A failure (a full disk, say) is harmless: the log stays, and is read with the file.
        """
        if self.storage.readonly or not self.storage.has_log:
            return
        with contextlib.suppress(OSError, JournalError), file_lock(self.lock):
            self.storage.fold()

    def tidy(self) -> None:
        """Remove temporary files that a killed writer left beside this file."""
        with contextlib.suppress(OSError), file_lock(self.lock):
            remove_stale_temporaries(self.path)

    def _create(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with file_lock(self.lock):
                if self.storage.read() is None:  # another process may have just made it
                    self.storage.write({"meta": {"1": _meta(self.format_name)}})
        except OSError as error:
            raise JournalError(
                f"Can't create {self.path}: {describe_os_error(error)}. "
                "Pass another location with --db PATH or DEBRIEF_DB."
            ) from error

    def _migrate(self, schema: int) -> None:
        if self.storage.readonly:
            raise JournalError(
                f"{self.path} uses an older schema; open it in the app once to upgrade it."
            )
        with file_lock(self.lock):
            data = self.storage.read() or {}
            upgraded = migrate(data, schema)
            upgraded["meta"] = {"1": _meta(self.format_name)}
            self.storage.write(upgraded)  # the old file becomes the backup

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


class Journal:
    """Opportunities, reflections, settings and drafts of one journal file."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        if path.is_dir():
            raise JournalError(
                f"{path} is a folder; a journal is a file. Pass a file path with --db."
            )
        self.path = path
        self.readonly = readonly
        lock = lock_path_of(path)
        self._main = _File(
            path, FORMAT_NAME, readonly=readonly, lock=lock, log_above=changes.LOG_ABOVE_BYTES
        )
        self._drafts = _File(drafts_path_of(path), DRAFTS_FORMAT_NAME, readonly=readonly, lock=lock)
        self._seen_generation = -1
        self._records = RecordTables(path, {})
        self._next_doc_ids: dict[str, int] = {}  # per table, worked out at its first write
        self._by_company: list[Opportunity] | None = None
        self._settings = Settings()
        self._revision = 0
        # Opened on the home figures kept last time (`home_first`): the records are read
        # when first needed. The signatures: of the journal the figures were kept for,
        # and of the state whose figures are in the file now.
        self._figures: HomeFigures | None = None
        self._figures_signature: changes.Signatures | None = None
        self._kept_signature: changes.Signatures | None = None
        self._records_ahead: tuple[dict[str, Any], RecordTables] | None = None  # read_ahead's
        self._worked_out: tuple[int, int, HomeFigures] | None = None  # (revision, newest, …)

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        readonly: bool = False,
        check_records: bool = True,
        home_first: bool = False,
    ) -> Journal:
        """Open (creating when missing, unless read-only) or raise JournalError.

        With `check_records=False` the records are validated later (`check_some_records`,
        and in any case before the first write), so that a big journal opens at once;
        a damaged record then raises JournalError when it is read. With `home_first`,
        if the home figures kept last time (`summary.py`) are those of the journal as it
        is, the file is not even read: `home_figures` answers from them, and any other
        question reads the records first (`read_ahead` does that part in a thread).
        """
        journal = cls(Path(path).expanduser(), readonly=readonly)
        if home_first and not readonly and journal._open_on_kept_figures():
            journal._drafts.check(create=False)
            return journal
        journal._main.check(create=not readonly)
        journal._drafts.check(create=False)
        journal._sync()
        if check_records:
            journal.check_some_records(None)
        if not readonly:
            journal._finish_opening()
        return journal

    def _finish_opening(self) -> None:
        self._main.tidy()
        self._main.fold()
        self._drafts.tidy()
        self._empty_trash()

    def _open_on_kept_figures(self) -> bool:
        signature = changes.signatures(self.path)
        figures = kept_figures(self.path, signature) if signature[0] is not None else None
        if figures is None:
            return False
        self._figures = figures
        self._figures_signature = self._kept_signature = signature
        self._settings = figures.settings
        return True

    @property
    def opened_on_figures(self) -> bool:
        """True until the records the home figures stood in for are read."""
        return self._figures is not None

    def read_ahead(self) -> None:
        """Parse the journal file and index its records for their first use, in the
        caller's thread: the app's start-up work calls it in a thread, so that this
        (0.4 s at 10,000 reflections) does not hold up the UI as much."""
        if self._figures is not None:
            tables = self._main.storage.read_ahead()
            if tables is not None:
                self._records_ahead = tables, RecordTables(self.path, tables)

    def _current_figures(self) -> HomeFigures | None:
        """The kept figures, while the journal on disk is still the one they describe."""
        if self._figures is None or changes.signatures(self.path) != self._figures_signature:
            return None
        return self._figures

    def fold_changes(self) -> None:
        """Write a big journal's recent saves, kept in its change log, into the file itself
        (done on open and when the app closes, so the file a user copies is complete)."""
        self._main.fold()

    def _empty_trash(self) -> None:
        """Deleted reflections are kept only for undo within one session."""
        if self._main.table(TRASH):
            with self._write():
                self._main.drop_table(TRASH)

    def check_some_records(self, limit: int | None) -> bool:
        """Validate up to `limit` more records (None: all); True once every one is valid.

        Raises JournalError, naming the record and field, at the first damaged one.
        """
        self._sync()
        return self._records.check_some(limit)

    @property
    def revision(self) -> int:
        """Changes whenever the journal's content may have: a save here or a write elsewhere."""
        if self._current_figures() is None:
            self._sync()
        return self._revision

    def home_figures(self, newest: int) -> HomeFigures:
        """What the home screen shows, with the `newest` latest reflections; kept beside
        the journal (best effort) for the next start to open on."""
        figures = self._current_figures()
        if figures is not None and len(figures.newest) >= min(newest, figures.reflection_count):
            return figures
        self._sync()
        if self._worked_out is not None and self._worked_out[:2] == (self._revision, newest):
            return self._worked_out[2]  # (the home redraws every minute for its times)
        stored = figures_of(self._records, self._settings, newest)
        self._worked_out = self._revision, newest, stored.figures
        signature = self._main.storage.signature
        if not self.readonly and signature is not None and signature != self._kept_signature:
            keep_figures(self.path, stored, signature)
            self._kept_signature = signature
        return stored.figures

    @property
    def backup_path(self) -> Path:
        return backup_path_of(self.path)

    @property
    def drafts_path(self) -> Path:
        return self._drafts.path

    # --- reading -------------------------------------------------------------------

    def reflections(self) -> Sequence[Reflection]:
        """Every reflection, newest interview first (each decoded when first read)."""
        self._sync()
        return self._records.newest_first()

    def opportunity_count(self) -> int:
        self._sync()
        return len(self._records.opportunities)

    def reflection(self, reflection_id: str) -> Reflection | None:
        self._sync()
        found: Reflection | None = self._records.reflections.get(reflection_id)
        return found

    def opportunities(self) -> list[Opportunity]:
        """Every opportunity, by company then role."""
        self._sync()
        if self._by_company is None:
            self._by_company = sorted(
                self._records.opportunities.values(),
                key=lambda o: (o.company.casefold(), o.role.casefold()),
            )
        return self._by_company

    def opportunity(self, opportunity_id: str) -> Opportunity | None:
        self._sync()
        found: Opportunity | None = self._records.opportunities.get(opportunity_id)
        return found

    def opportunity_of(self, reflection_id: str) -> Opportunity | None:
        """The opportunity a reflection belongs to (found without decoding the reflection)."""
        self._sync()
        return self._records.opportunity_of(reflection_id)

    def find_opportunity(self, company: str, role: str) -> Opportunity | None:
        """The opportunity with this company and role, ignoring case and spacing."""
        wanted = (_fold(company), _fold(role))
        for candidate in self.opportunities():
            if (_fold(candidate.company), _fold(candidate.role)) == wanted:
                return candidate
        return None

    def settings(self) -> Settings:
        if self._current_figures() is None:
            self._sync()
        return self._settings

    def drafts(self) -> list[Draft]:
        """Unfinished questionnaires, most recently touched first."""
        if self._drafts.read() is None:
            return []
        drafts = [self._decode(Draft, "drafts", doc) for doc in self._drafts.table("drafts").all()]
        return sorted(drafts, key=lambda d: d.updated_at, reverse=True)

    # --- writing -------------------------------------------------------------------

    def rounds(self, opportunity_id: str) -> list[Reflection]:
        """Every interview round of one opportunity, oldest first."""
        self._sync()
        return self._records.rounds(opportunity_id)

    def followups(
        self, reflection_id: str | None = None, *, soonest_first: bool = True
    ) -> list[FollowUp]:
        """Follow-ups of one reflection, or of all; soonest first unless told not to
        bother (sorting 60,000 takes a UI-visible moment)."""
        self._sync()
        if reflection_id is None:
            items = self._records.followups.every()
        else:
            items = self._records.plan(reflection_id)
        return sorted(items, key=due_order) if soonest_first else items

    def actionable_followups(self) -> list[FollowUp]:
        """What the user should do now (the home screen's agenda), in no order; found
        without decoding finished follow-ups or the reflections they belong to."""
        self._sync()
        return self._records.actionable_followups()

    def save_reflection(
        self,
        reflection: Reflection,
        opportunity: Opportunity,
        followups: Sequence[FollowUp] | None = None,
    ) -> None:
        """Store a reflection, its opportunity and its follow-up plan in one atomic write.

        `followups`, when given, becomes the reflection's whole plan. An edit that moves
        the reflection to another opportunity removes the old one if no round is left.
        """
        if reflection.opportunity_id != opportunity.id:
            raise ValueError("the reflection belongs to another opportunity")
        if followups is not None and any(f.reflection_id != reflection.id for f in followups):
            raise ValueError("a follow-up belongs to another reflection")
        with self._write():
            before = self._records.reflections.get(reflection.id)
            self._put("opportunities", opportunity)
            self._put("reflections", reflection)
            if followups is not None:
                keep = {f.id for f in followups}
                planned_before = [] if before is None else self.followups(reflection.id)
                for stale in planned_before:  # a new reflection has none: skip the scan
                    if stale.id not in keep:
                        self._take("followups", stale.id)
                for item in followups:
                    self._put("followups", item)
            if before is not None and before.opportunity_id != opportunity.id:
                self._remove_if_empty(before.opportunity_id)

    def save_followup(self, item: FollowUp) -> None:
        """Store what the user did about one follow-up (done, snoozed, dismissed, a note)."""
        self._sync()
        if item.id not in self._records.followups:
            raise KeyError(f"no follow-up {item.id}")
        with self._write():
            self._put("followups", item)

    def save_opportunity(self, opportunity: Opportunity) -> None:
        """Store a changed opportunity (its status, say); every round shows the change."""
        self._sync()
        if opportunity.id not in self._records.opportunities:
            raise KeyError(f"no opportunity {opportunity.id}")
        with self._write():
            self._put("opportunities", opportunity)

    def delete_reflection(self, reflection_id: str, *, now: datetime) -> None:
        """Move a reflection (and its opportunity, if this was its last round) to the trash.

        The trash exists for undo: it is emptied the next time the journal is opened.
        """
        with self._write():
            reflection = self._records.reflections[reflection_id]
            entry: dict[str, Any] = {"id": reflection_id, "deleted_at": now.isoformat()}
            entry["reflection"] = self._take("reflections", reflection_id)
            entry["followups"] = [
                self._take("followups", followup_id)
                for followup_id in list(self._records.plan_ids(reflection_id))
            ]
            if not any(
                r.opportunity_id == reflection.opportunity_id
                for r in self._records.reflections.values()
            ):
                entry["opportunity"] = self._take("opportunities", reflection.opportunity_id)
            self._main.table(TRASH).insert(entry)

    def restore_reflection(self, reflection_id: str) -> None:
        """Undo a delete: everything goes back exactly as it was."""
        with self._write():
            trash = self._main.table(TRASH)
            entries = trash.search(Query().id == reflection_id)
            if not entries:
                raise KeyError(f"{reflection_id} is not in the trash")
            entry = entries[0]
            if "opportunity" in entry:
                self._give_back("opportunities", entry["opportunity"])
            self._give_back("reflections", entry["reflection"])
            for taken in entry.get("followups", []):
                self._give_back("followups", taken)
            trash.remove(doc_ids=[entry.doc_id])
            if not trash:
                self._main.drop_table(TRASH)

    def in_trash(self) -> list[str]:
        """Ids of reflections deleted in this session and not yet restored."""
        self._sync()
        return [str(entry["id"]) for entry in self._main.table(TRASH).all()]

    def bundle(self) -> Bundle:
        """Every record, for an export; settings and decision only if they were ever saved."""
        self._sync()
        settings = self._main.table("settings").all()
        decision = self._main.table("decision").all()
        return Bundle(
            opportunities=tuple(self._records.opportunities.values()),
            reflections=tuple(self._records.reflections.values()),
            followups=tuple(self._records.followups.values()),
            settings=self._settings if settings else None,
            decision=self.decision() if decision else None,
        )

    def apply_import(self, writes: Bundle) -> None:
        """Store imported records in one atomic write: all of them, or none."""
        with self._write():
            for opportunity in writes.opportunities:
                self._put("opportunities", opportunity)
            for reflection in writes.reflections:
                self._put("reflections", reflection)
            for item in writes.followups:
                self._put("followups", item)
            if writes.settings is not None:
                self._replace_single("settings", to_dict(writes.settings))
                self._settings = writes.settings
            if writes.decision is not None:
                self._replace_single("decision", to_dict(writes.decision))

    def _replace_single(self, table_name: str, document: dict[str, Any]) -> None:
        table = self._main.table(table_name)
        table.truncate()
        table.insert(document)

    def decision(self) -> Decision:
        """The saved comparison (criteria, weights, scores, what was chosen), or the defaults."""
        documents = self._main.table("decision").all()
        return self._decode(Decision, "decision", documents[0]) if documents else Decision()

    def save_decision(self, decision: Decision) -> None:
        """Store the comparison, unless it is already what is stored: the compare screen
        saves after every change, opening it included, and a big journal is 72 MB."""
        if decision == self.decision():  # (the defaults need not be stored either)
            return
        with self._write():
            self._replace_single("decision", to_dict(decision))

    def save_settings(self, settings: Settings) -> None:
        with self._write():
            self._replace_single("settings", to_dict(settings))
            self._settings = settings

    def save_draft(self, draft: Draft) -> None:
        """Upsert a draft in the sidecar file (created on first use)."""
        self._drafts.check(create=True)
        with self._drafts.transaction():
            self._drafts.table("drafts").upsert(to_dict(draft), Query().id == draft.id)

    def discard_draft(self, draft_id: str) -> None:
        if self._drafts.read() is None:
            return
        with self._drafts.transaction():
            self._drafts.table("drafts").remove(Query().id == draft_id)

    # --- internals -----------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        if self._figures is not None:  # read them first: that read takes the lock itself
            self._sync()
        try:
            with self._main.transaction():
                self._sync()  # under the lock: pick up what another process wrote
                self.check_some_records(None)  # never write into a journal with a bad record
                yield
        except BaseException:
            self._seen_generation = -1  # the in-memory records may hold the failed change
            raise
        self._records.changed()
        self._by_company = None
        self._revision += 1

    def _take(self, table_name: str, record_id: str) -> dict[str, Any]:
        """Remove a record, returning its document and document id for the trash."""
        doc_id = int(self._records.table(table_name).doc_id(record_id))
        document = self._main.storage.delete_document(table_name, doc_id) or {}
        self._records.table(table_name).pop(record_id)
        return {"doc_id": doc_id, "data": dict(document)}

    def _give_back(self, table_name: str, taken: dict[str, Any]) -> None:
        record = self._decode(RECORD_TABLES[table_name], table_name, taken["data"])
        doc_id = int(taken["doc_id"])
        in_use = self._main.storage.read() or {}
        if str(doc_id) in in_use.get(table_name, {}):  # another process took the id meanwhile
            doc_id = self._new_doc_id(table_name)
        self._main.storage.put_document(table_name, doc_id, taken["data"])
        self._next_doc_ids[table_name] = max(self._next_free_doc_id(table_name), doc_id + 1)
        self._records.table(table_name).put(record, record.id, str(doc_id), taken["data"])

    def _remove_if_empty(self, opportunity_id: str) -> None:
        if any(r.opportunity_id == opportunity_id for r in self._records.reflections.values()):
            return
        if opportunity_id in self._records.opportunities:
            self._take("opportunities", opportunity_id)

    def _put(self, table_name: str, record: Opportunity | Reflection | FollowUp) -> None:
        records = self._records.table(table_name)
        doc_id = records.doc_id(record.id) if record.id in records else None
        if doc_id is None:
            doc_id = str(self._new_doc_id(table_name))
        document = to_dict(record)
        self._main.storage.put_document(table_name, int(doc_id), document)
        records.put(record, record.id, doc_id, document)

    def _new_doc_id(self, table_name: str) -> int:
        doc_id = self._next_free_doc_id(table_name)
        self._next_doc_ids[table_name] = doc_id + 1
        return doc_id

    def _next_free_doc_id(self, table_name: str) -> int:
        """As TinyDB would pick it: one past the largest (worked out at the first write, not
        at open: a big journal has 74,000 ids to read)."""
        doc_id = self._next_doc_ids.get(table_name)
        if doc_id is None:
            documents = (self._main.storage.read() or {}).get(table_name, {})
            doc_id = self._next_doc_ids[table_name] = max(map(int, documents), default=0) + 1
        return doc_id

    def _sync(self) -> None:
        """Rebuild the in-memory records if the file changed since we last read it."""
        if self._figures is not None:  # the first read of a journal opened on its figures
            self._figures = None
            self._main.check(create=False)  # still ours? (it was when they were kept)
            if not self.readonly:
                self._finish_opening()
        tables = self._main.read() or {}
        if self._main.storage.generation == self._seen_generation:
            return
        # Straight from the storage's documents: TinyDB's Table.all() would copy each.
        ahead, self._records_ahead = self._records_ahead, None
        self._records = (
            ahead[1] if ahead and ahead[0] is tables else RecordTables(self.path, tables)
        )
        self._next_doc_ids.clear()
        stored_settings = self._main.table("settings").all()
        self._settings = (
            self._decode(Settings, "settings", stored_settings[0])
            if stored_settings
            else Settings()
        )
        self._by_company = None
        if self._main.storage.signature != self._figures_signature:
            self._revision += 1  # (the figures drawn from the kept file are still right)
        self._figures_signature = None
        self._seen_generation = self._main.storage.generation

    def _decode(self, record_class: type[Any], table_name: str, document: Any) -> Any:
        return self._records.decode(record_class, table_name, document)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())
