"""A table's records, decoded from their stored documents only when first read.

Parsing a big journal is quick next to turning every document into a validated record
(10,000 reflections and 60,000 follow-ups: 0.3 s to parse, 0.8 s to decode), and the
home screen shows a few dozen. So records are decoded on demand and kept; whoever
needs the whole table valid (the journal before any write, the app's background check
soon after start-up) asks for `decode_some` until it says everything is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from debrief.followups import actionable_among
from debrief.model import (
    FollowUp,
    ModelError,
    Opportunity,
    Reflection,
    followup_id,
    from_dict,
    interview_order,
)
from debrief.store.fileformat import refusal
from debrief.store.files import JournalError

Record = TypeVar("Record")
Document = dict[str, Any]
Decoder = Callable[[Document, str], Record]  # (document, TinyDB document id) -> record
RECORD_TABLES: dict[str, type[Any]] = {
    "opportunities": Opportunity,
    "reflections": Reflection,
    "followups": FollowUp,
}


def record_id_of(document: Document, doc_id: str) -> str:
    """The record's id, or a stand-in naming its document when the id is missing (such a
    record fails when decoded, and the message names the document)."""
    record_id = document.get("id") if isinstance(document, dict) else None
    return record_id if isinstance(record_id, str) else f"#{doc_id}"


class LazyRecords(Mapping[str, Record], Generic[Record]):
    """Records by id; iterating gives ids (decoding nothing), reading one decodes it."""

    def __init__(self, decode: Decoder[Record], documents: Mapping[str, Document]) -> None:
        self._decode = decode
        try:  # the usual case, quick (10,000 reflections and their plans: 74,000 documents)
            self._documents: dict[str, tuple[str, Document]] = {
                document["id"]: (doc_id, document) for doc_id, document in documents.items()
            }
        except (KeyError, TypeError):  # a document without an id, or not a document at all
            self._documents = {
                record_id_of(document, doc_id): (doc_id, document)
                for doc_id, document in documents.items()
            }
        self._decoded: dict[str, Record] = {}
        self._unchecked = list(self._documents)  # ids still to decode, for decode_some

    def __getitem__(self, record_id: str) -> Record:
        record = self._decoded.get(record_id)
        if record is None:
            doc_id, document = self._documents[record_id]  # KeyError: no such record
            record = self._decoded[record_id] = self._decode(document, doc_id)
        return record

    def __iter__(self) -> Iterator[str]:
        return iter(self._documents)

    def __len__(self) -> int:
        return len(self._documents)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._documents

    def every(self) -> list[Record]:
        """Every record, in no particular order (quick once all are decoded)."""
        if len(self._decoded) == len(self._documents):
            return list(self._decoded.values())
        return [self[record_id] for record_id in self._documents]

    def doc_id(self, record_id: str) -> str:
        """The TinyDB document id the record is stored under."""
        return self._documents[record_id][0]

    def document(self, record_id: str) -> Document:
        """The stored document, not yet validated: for sort keys and quick scans only."""
        return self._documents[record_id][1]

    def documents(self) -> Iterator[tuple[str, Document]]:
        return ((record_id, document) for record_id, (_, document) in self._documents.items())

    def ids_where(self, test: Callable[[Document], bool]) -> list[str]:
        """Ids of the records whose stored document passes `test` (decoding none)."""
        return [record_id for record_id, (_, document) in self._documents.items() if test(document)]

    def put(self, record: Record, record_id: str, doc_id: str, document: Document) -> None:
        self._documents[record_id] = (doc_id, document)
        self._decoded[record_id] = record

    def pop(self, record_id: str) -> None:
        del self._documents[record_id]
        self._decoded.pop(record_id, None)

    def decode_some(self, limit: int) -> bool:
        """Decode (validate) up to `limit` more records; True once every one is."""
        unchecked, decoded, documents = self._unchecked, self._decoded, self._documents
        while unchecked and limit > 0:
            record_id = unchecked[-1]
            entry = documents.get(record_id)
            if entry is not None and record_id not in decoded:
                # A damaged record raises here, and stays unchecked: it fails again.
                decoded[record_id] = self._decode(entry[1], entry[0])
                limit -= 1
            unchecked.pop()
        return not unchecked


class RecordList(Sequence[Record]):
    """Records in a fixed order, each decoded when the caller gets to it; once every one
    has been, a plain list serves (the trends screen walks 10,000 several times)."""

    def __init__(self, records: Mapping[str, Record], ids: list[str]) -> None:
        self._records = records
        self._ids = ids
        self._all: list[Record] | None = None

    @overload
    def __getitem__(self, index: int) -> Record: ...
    @overload
    def __getitem__(self, index: slice) -> list[Record]: ...
    def __getitem__(self, index: int | slice) -> Record | list[Record]:
        if self._all is not None:
            return self._all[index]
        if isinstance(index, slice):
            return [self._records[record_id] for record_id in self._ids[index]]
        return self._records[self._ids[index]]

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[Record]:
        return iter(self._all) if self._all is not None else self._decode_in_order()

    def _decode_in_order(self) -> Iterator[Record]:
        decoded = []
        for record_id in self._ids:
            record = self._records[record_id]
            decoded.append(record)
            yield record
        self._all = decoded

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RecordList | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a list, so unhashable like one


def stored_moment(document: Document, field: str) -> float | None:
    """A stored aware date-time as a timestamp, read straight from the text (None when it
    isn't one: the record will fail when decoded)."""
    try:
        moment = datetime.fromisoformat(document[field])
    except (KeyError, TypeError, ValueError):
        return None
    return None if moment.tzinfo is None else moment.timestamp()


class RecordTables:
    """A journal's opportunities, reflections and follow-ups, decoded as they are read,
    with the lookups the app's journal and the shell's snapshot both need."""

    def __init__(self, path: Path, tables: Mapping[str, Any]) -> None:
        self.path = path  # named in the refusal of a damaged record
        self.opportunities: LazyRecords[Opportunity] = self._lazy("opportunities", tables)
        self.reflections: LazyRecords[Reflection] = self._lazy("reflections", tables)
        self.followups: LazyRecords[FollowUp] = self._lazy("followups", tables)
        self.changed()

    def _lazy(self, table_name: str, tables: Mapping[str, Any]) -> LazyRecords[Any]:
        record_class = RECORD_TABLES[table_name]
        return LazyRecords(
            lambda document, doc_id: self.decode(record_class, table_name, document, doc_id),
            tables.get(table_name, {}),
        )

    def decode(
        self, record_class: type[Record], table_name: str, document: Document, doc_id: str = "?"
    ) -> Record:
        """A validated record, or JournalError naming the file, record and field."""
        try:
            return from_dict(record_class, document)
        except ModelError as error:
            has_id = isinstance(document, dict) and "id" in document
            record_id = str(document["id"]) if has_id else f"#{doc_id}"
            reason = f"{self.path}: record {table_name}/{record_id}, field {error.field}: "
            raise JournalError(refusal(self.path, reason + f"{error.message}.")) from error

    def table(self, table_name: str) -> LazyRecords[Any]:
        found: LazyRecords[Any] = getattr(self, table_name)
        return found

    def changed(self) -> None:
        """Forget the orders and indexes (a record was put or taken)."""
        self._newest_first: RecordList[Reflection] | None = None
        self._plans: dict[str, list[str]] | None = None

    def check_some(self, limit: int | None) -> bool:
        """Decode up to `limit` more records per table (None: all); True once all are."""
        for table_name in RECORD_TABLES:
            records = self.table(table_name)
            if not records.decode_some(len(records) if limit is None else limit):
                return False
        return True

    def newest_first(self) -> RecordList[Reflection]:
        """Reflections, newest interview first, each decoded when the caller gets to it."""
        if self._newest_first is None:
            ids = sorted(self.reflections, key=self._interview_key, reverse=True)
            self._newest_first = RecordList(self.reflections, ids)
        return self._newest_first

    def _interview_key(self, reflection_id: str) -> tuple[float, float]:
        """`interview_order`, read from the stored text when it can be (decoding nothing)."""
        document = self.reflections.document(reflection_id)
        interview_at = stored_moment(document, "interview_at")
        created_at = stored_moment(document, "created_at")
        if interview_at is None or created_at is None:
            return interview_order(self.reflections[reflection_id])  # fails if damaged
        return interview_at, created_at

    def rounds(self, opportunity_id: str) -> list[Reflection]:
        """Every interview round of one opportunity, oldest first (decoding only those)."""
        ids = self.reflections.ids_where(
            lambda document: document.get("opportunity_id") == opportunity_id
        )
        return sorted((self.reflections[i] for i in ids), key=interview_order)

    def opportunity_of(self, reflection_id: str) -> Opportunity | None:
        """The opportunity a reflection belongs to (found without decoding the reflection)."""
        if reflection_id not in self.reflections:
            return None
        opportunity_id = self.reflections.document(reflection_id).get("opportunity_id")
        return self.opportunities.get(opportunity_id) if isinstance(opportunity_id, str) else None

    def pending_followups(self) -> list[FollowUp]:
        """Follow-ups neither done nor dismissed (`FollowUp.pending`), in no order, found
        without decoding the finished ones (most of a big journal's)."""
        unfinished = self.followups.ids_where(
            lambda document: (
                document.get("done_at") is None and document.get("dismissed_at") is None
            )
        )
        return [self.followups[record_id] for record_id in unfinished]

    def actionable_followups(self) -> list[FollowUp]:
        """What the user should do now (`followups.actionable_among`), in no order."""
        return actionable_among(self.pending_followups(), self.opportunity_of, self.step)

    def step(self, reflection_id: str, key: str) -> FollowUp | None:
        """One follow-up of a reflection's plan, by key, decoding only that one.

        Planned follow-ups have ids made from (reflection, key): tried first, as looking
        through the plans means indexing every follow-up (60,000 in a big journal).
        """
        likely = followup_id(reflection_id, key)
        if likely in self.followups:
            document = self.followups.document(likely)
            if document.get("reflection_id") == reflection_id and document.get("key") == key:
                return self.followups[likely]
        for record_id in self.plan_ids(reflection_id):
            if self.followups.document(record_id).get("key") == key:
                return self.followups[record_id]
        return None

    def plan(self, reflection_id: str) -> list[FollowUp]:
        """One reflection's follow-ups, in stored order."""
        return [self.followups[record_id] for record_id in self.plan_ids(reflection_id)]

    def plan_ids(self, reflection_id: str) -> list[str]:
        """Ids of one reflection's follow-ups."""
        if self._plans is None:
            plans: dict[str, list[str]] = {}
            for record_id, document in self.followups.documents():
                plans.setdefault(str(document.get("reflection_id")), []).append(record_id)
            self._plans = plans
        return self._plans.get(reflection_id, [])
