"""The journal's records in memory, and how a write changes them with their documents.

`Records` holds every record of the journal file, decoded, by id, with the TinyDB document
id of each: read from the file whole (`Records.read`), answered from by the journal's
reads, and copied for a write, whose changes go into the file's tables and the copy in
step (`put`, `take`, `give_back`). The ids a write removes are remembered, with when
(`DELETED`), so that a sync conflict copy does not bring them back; a deleted reflection
waits in the trash (`TRASH`) for undo until the app closes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from tinydb import Query
from tinydb.table import Document

from debrief.model import (
    Bundle,
    Decision,
    FollowUp,
    Interview,
    Opportunity,
    Reflection,
    Settings,
    interview_order,
    to_dict,
)
from debrief.store.database import DatabaseFile
from debrief.store.decoding import check_links, decode

DELETED = "deleted"  # ids of deleted records, with when: a sync copy won't bring them back
TRASH = "trash"  # deleted reflections, kept for undo until the app closes
RECORD_TABLES: dict[str, type[Any]] = {
    "opportunities": Opportunity,
    "reflections": Reflection,
    "followups": FollowUp,
    "interviews": Interview,
}

Record = TypeVar("Record")
AnyRecord = Opportunity | Reflection | FollowUp | Interview


@dataclass(repr=False)  # (its records' text must not reach a crash report)
class Records:
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

    def copy(self) -> Records:
        return Records(
            dict(self.opportunities),
            dict(self.reflections),
            dict(self.followups),
            dict(self.interviews),
            {name: dict(ids) for name, ids in self.doc_ids.items()},
            self.settings,
            self.decision,
            dict(self.deleted),
        )

    @classmethod
    def read(cls, file: DatabaseFile, tables: Mapping[str, type[Any]], path: Path) -> Records:
        """Every record of `tables` (and the settings, the decision and the deletions) as
        the file holds them, checked; JournalError naming `path` at the first bad one."""
        records = cls()
        for table_name, record_class in tables.items():
            stored, doc_ids = records.of(table_name), records.doc_ids[table_name]
            for document in file.table(table_name).all():
                record = decode(record_class, table_name, document, path)
                stored[record.id] = record
                doc_ids[record.id] = document.doc_id
        check_links({name: records.of(name) for name in tables}, path)
        records.settings = _single(file, Settings, "settings", path)
        records.decision = _single(file, Decision, "decision", path)
        records.deleted = _deletions(file)
        return records

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

    def find_opportunity(self, company: str, role: str) -> Opportunity | None:
        """The opportunity with this company and role, ignoring case and spacing."""
        wanted = (_fold(company), _fold(role))
        for candidate in self.by_company():
            if (_fold(candidate.company), _fold(candidate.role)) == wanted:
                return candidate
        return None

    # --- a write: the file's tables and these records changed in step --------------------

    def put(self, file: DatabaseFile, table_name: str, items: Sequence[AnyRecord]) -> None:
        """Write records over their documents, inserting the new ones (one TinyDB
        operation each way: each copies the table)."""
        if not items:
            return
        table = file.table(table_name)
        doc_ids = self.doc_ids[table_name]
        known = [item for item in items if item.id in doc_ids]
        for item in known:
            table.update(to_dict(item), doc_ids=[doc_ids[item.id]])
        new = [item for item in items if item.id not in doc_ids]
        for item, doc_id in zip(
            new, table.insert_multiple(to_dict(item) for item in new), strict=True
        ):
            doc_ids[item.id] = doc_id
        stored = self.of(table_name)
        for item in items:
            stored[item.id] = item
        self.written.update(item.id for item in items)

    def put_bundle(self, file: DatabaseFile, writes: Bundle) -> None:
        """Write every record of `writes` (an import, a merged copy), with its settings
        and comparison when it holds them."""
        for table_name in RECORD_TABLES:
            self.put(file, table_name, getattr(writes, table_name))
        if writes.settings is not None:
            file.replace_single("settings", to_dict(writes.settings))
            self.settings = writes.settings
        if writes.decision is not None:
            file.replace_single("decision", to_dict(writes.decision))
            self.decision = writes.decision

    def take(
        self, file: DatabaseFile, table_name: str, record_ids: Sequence[str]
    ) -> list[dict[str, Any]]:
        """Remove records, returning their documents and document ids (for the trash)."""
        doc_ids = self.doc_ids[table_name]
        taken = [record_id for record_id in record_ids if record_id in doc_ids]
        if not taken:
            return []
        table = file.table(table_name)
        documents = []
        for record_id in taken:
            document = table.get(doc_id=doc_ids[record_id])
            documents.append({"doc_id": doc_ids[record_id], "data": dict(document or {})})
        table.remove(doc_ids=[doc_ids[record_id] for record_id in taken])
        for record_id in taken:
            del doc_ids[record_id]
            del self.of(table_name)[record_id]
            self.removed[record_id] = table_name
        return documents

    def give_back(
        self, file: DatabaseFile, table_name: str, taken: Sequence[dict[str, Any]], path: Path
    ) -> None:
        """Put removed documents back under their document ids (under new ones, if a
        later write or another process has used those meanwhile)."""
        table = file.table(table_name)
        in_use = set(self.doc_ids[table_name].values())
        for entry in taken:
            record = decode(RECORD_TABLES[table_name], table_name, entry["data"], path)
            doc_id = int(entry["doc_id"])
            if doc_id in in_use:
                doc_id = table.insert(entry["data"])
            else:
                table.insert(Document(entry["data"], doc_id=doc_id))
            # (A new id may be the one a document after this wants back: it is taken now.)
            in_use.add(doc_id)
            self.doc_ids[table_name][record.id] = doc_id
            self.of(table_name)[record.id] = record
            self.written.add(record.id)

    def in_use(self, opportunity_id: str) -> bool:
        """Whether a round or a scheduled interview still belongs to the opportunity."""
        return any(r.opportunity_id == opportunity_id for r in self.reflections.values()) or any(
            i.opportunity_id == opportunity_id for i in self.interviews.values()
        )

    def drop_if_unused(self, file: DatabaseFile, opportunity_id: str) -> None:
        if not self.in_use(opportunity_id):
            self.take(file, "opportunities", [opportunity_id])

    def replace_plan(
        self, file: DatabaseFile, opportunity_id: str, followups: Sequence[FollowUp]
    ) -> None:
        rounds = {r.id for r in self.reflections.values() if r.opportunity_id == opportunity_id}
        if any(f.reflection_id not in rounds for f in followups):
            raise ValueError("a follow-up belongs to another opportunity")
        stale = [f.id for f in self.followups.values() if f.reflection_id in rounds]
        self.take(file, "followups", stale)
        self.put(file, "followups", followups)

    def remember_deletions(
        self, file: DatabaseFile, elsewhere: Mapping[str, datetime] | None = None
    ) -> None:
        """Keep the ids this write removed (and did not write back), with when, so that a
        sync conflict copy does not bring them back; forget those written again (an
        undone delete). `elsewhere`: deletions another device made, remembered too."""
        now = datetime.now(UTC)
        gone = {record_id: now for record_id in self.removed if record_id not in self.written}
        gone |= {k: v for k, v in (elsewhere or {}).items() if k not in self.deleted}
        back = [record_id for record_id in self.written if record_id in self.deleted]
        self.removed, self.written = {}, set()
        if not gone and not back:
            return
        table = file.table(DELETED)
        if back:
            table.remove(Query().id.one_of(back))
        if gone:
            table.insert_multiple({"id": k, "at": v.isoformat()} for k, v in gone.items())
        elif not table:
            file.database.drop_table(DELETED)  # (an undone delete leaves no trace)
        for record_id in back:
            del self.deleted[record_id]
        self.deleted.update(gone)

    # --- the trash: a deleted reflection kept, for undo within one session ---------------

    def move_to_trash(self, file: DatabaseFile, reflection_id: str, now: datetime) -> None:
        """Take a reflection, its plan and its opportunity (if this was its last round)
        out, into one entry of the trash."""
        reflection = self.reflections[reflection_id]
        entry: dict[str, Any] = {"id": reflection_id, "deleted_at": now.isoformat()}
        entry["reflections"] = self.take(file, "reflections", [reflection_id])
        plan_ids = [f.id for f in self.plan(reflection_id)]
        entry["followups"] = self.take(file, "followups", plan_ids)
        if not self.in_use(reflection.opportunity_id):
            entry["opportunities"] = self.take(file, "opportunities", [reflection.opportunity_id])
        file.table(TRASH).insert(entry)

    def restore_from_trash(self, file: DatabaseFile, reflection_id: str, path: Path) -> None:
        """Put everything of a trash entry back exactly as it was."""
        trash = file.table(TRASH)
        entry = trash.get(Query().id == reflection_id)
        if not isinstance(entry, Document):
            raise KeyError(f"{reflection_id} is not in the trash")
        for table_name in RECORD_TABLES:
            self.give_back(file, table_name, entry.get(table_name, []), path)
        trash.remove(doc_ids=[entry.doc_id])
        if not trash:
            file.database.drop_table(TRASH)


def _single(
    file: DatabaseFile, record_class: type[Record], table_name: str, path: Path
) -> Record | None:
    documents = file.table(table_name).all()
    if not documents:
        return None
    return decode(record_class, table_name, documents[0], path)


def _deletions(file: DatabaseFile) -> dict[str, datetime]:
    deleted = {}
    for document in file.table(DELETED).all():
        try:
            at = datetime.fromisoformat(str(document["at"]))
        except (KeyError, ValueError):
            continue  # (a damaged entry only means one deletion may come back)
        if at.tzinfo is not None:  # (one without a zone can't be ordered against edits)
            deleted[str(document["id"])] = at
    return deleted


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())
