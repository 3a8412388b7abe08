"""The home screen's figures, kept beside the journal so that the app opens on them.

The home screen shows a few dozen records and two counts, but finding them reads the
whole journal: at 10,000 reflections, parsing the file takes 0.33 s and finding the
agenda 0.1 s more, where a bare Textual app opens in 0.3 s. So whenever the journal
works the figures out from its records it also keeps them in `.<name>.home`, stamped
with the journal's signature (the two `stat`s its storage uses to notice a change), and
the next start draws the home screen from that file if the stamp still matches, while
the records are read after the first frame.

The file is only a cache: written without fsync, ignored when stale, damaged, foreign
or from another version, and never the only copy of anything. The stored documents are
the journal's own, so they are decoded (and validated) like the journal's records.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pendulum

from debrief.followups import Agenda, agenda_of_ordered, agenda_order
from debrief.model import (
    FollowUp,
    ModelError,
    Opportunity,
    Reflection,
    Settings,
    from_dict,
    to_dict,
)
from debrief.store.changes import Signatures
from debrief.store.files import JournalError, write_cache_file
from debrief.store.migrations import SCHEMA_VERSION
from debrief.store.records import Decoder, Document, LazyRecords, Record, RecordList, RecordTables

SUMMARY_FORMAT = "debrief-home-figures"
SUMMARY_VERSION = 2  # of this file's layout; the journal's schema is stamped beside it


def summary_path_of(path: Path) -> Path:
    return path.with_name(f".{path.name}.home")


@dataclass(frozen=True)
class HomeFigures:
    """What the home screen draws: counts, the newest reflections, the follow-ups to do
    (in `agenda_order`, with their due times: `agenda` cuts them into overdue, today and
    upcoming for the time it is), and the opportunities they belong to.

    Kept figures decode a follow-up or an opportunity only when it is read: a big
    journal has two thousand follow-ups to do, and the screen shows sixty-five.
    """

    reflection_count: int
    opportunity_count: int
    newest: Sequence[Reflection]  # newest interview first
    to_do: Sequence[FollowUp]  # the actionable follow-ups, in agenda order
    to_do_due: Sequence[float]  # their due times, as timestamps
    opportunity_ids: Mapping[str, str]  # reflection id -> opportunity id, for those above
    opportunities: Mapping[str, Opportunity]
    settings: Settings

    def agenda(self, now: pendulum.DateTime) -> Agenda:
        return agenda_of_ordered(self.to_do, self.to_do_due, now)

    def opportunity_of(self, reflection_id: str) -> Opportunity | None:
        opportunity_id = self.opportunity_ids.get(reflection_id)
        return self.opportunities.get(opportunity_id) if opportunity_id else None


@dataclass(frozen=True)
class StoredFigures:
    """Figures with the stored documents they came from, ready to be kept in a file."""

    figures: HomeFigures
    documents: dict[str, Any]


def figures_of(records: RecordTables, settings: Settings, newest: int) -> StoredFigures:
    """The home figures of a journal's records (the `newest` latest reflections)."""
    latest = records.newest_first()[:newest]
    actionable = sorted(records.actionable_followups(), key=agenda_order)
    opportunity_ids: dict[str, str] = {}
    for reflection_id in {r.id for r in latest} | {f.reflection_id for f in actionable}:
        opportunity = records.opportunity_of(reflection_id)
        if opportunity is not None:
            opportunity_ids[reflection_id] = opportunity.id
    opportunities = {oid: records.opportunities[oid] for oid in set(opportunity_ids.values())}
    figures = HomeFigures(
        reflection_count=len(records.reflections),
        opportunity_count=len(records.opportunities),
        newest=latest,
        to_do=actionable,
        to_do_due=[item.when.timestamp() for item in actionable],
        opportunity_ids=opportunity_ids,
        opportunities=opportunities,
        settings=settings,
    )
    documents = {
        "reflection_count": figures.reflection_count,
        "opportunity_count": figures.opportunity_count,
        "newest": [records.reflections.document(r.id) for r in latest],
        "to_do": [records.followups.document(f.id) for f in actionable],
        "to_do_due": figures.to_do_due,
        "opportunity_ids": opportunity_ids,
        "opportunities": {oid: records.opportunities.document(oid) for oid in opportunities},
        "settings": to_dict(settings),
    }
    return StoredFigures(figures, documents)


def keep_figures(path: Path, stored: StoredFigures, signature: Signatures) -> None:
    """Write the figures beside the journal, for its state `signature`. Best effort: the
    file is a cache, so a failure (a full disk, a read-only folder) only costs speed."""
    payload = orjson.dumps(
        {
            "format": SUMMARY_FORMAT,
            "version": SUMMARY_VERSION,
            "schema": SCHEMA_VERSION,
            "journal": signature,
            **stored.documents,
        }
    )
    write_cache_file(summary_path_of(path), payload)


def kept_figures(path: Path, signature: Signatures) -> HomeFigures | None:
    """The figures kept for the journal as it is now (`signature`), or None when there are
    none that can be trusted: missing, stale, unreadable, or not ours."""
    try:
        stored = orjson.loads(summary_path_of(path).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(stored, dict) or (
        stored.get("format"),
        stored.get("version"),
        stored.get("schema"),
    ) != (SUMMARY_FORMAT, SUMMARY_VERSION, SCHEMA_VERSION):
        return None
    if _as_signatures(stored.get("journal")) != signature:
        return None
    try:
        return _decode(stored, summary_path_of(path))
    except (ModelError, KeyError, TypeError, ValueError, AttributeError):
        return None


def _as_signatures(stored: Any) -> Signatures | None:
    """The stamp as `changes.signatures` gives it (JSON made its tuples lists)."""
    if not isinstance(stored, list) or len(stored) != 2:
        return None
    journal, log = (tuple(part) if isinstance(part, list) else part for part in stored)
    return journal, log  # compared with the real thing, never used otherwise


def _decode(stored: dict[str, Any], kept_in: Path) -> HomeFigures:
    """The kept figures; the newest reflections and the settings decoded (and so checked)
    now, the follow-ups and opportunities when read."""
    opportunity_ids = stored["opportunity_ids"]
    if not all(isinstance(v, str) for v in opportunity_ids.values()):
        raise TypeError("opportunity_ids")
    to_do_documents, to_do_due = stored["to_do"], stored["to_do_due"]
    if not all(isinstance(due, float | int) for due in to_do_due) or to_do_due != sorted(to_do_due):
        raise ValueError("to_do_due")  # (cut by bisection: must be in order)
    to_do = LazyRecords(
        _decoder(FollowUp, kept_in), {str(i): doc for i, doc in enumerate(to_do_documents)}
    )
    if len(to_do) != len(to_do_documents) or len(to_do_due) != len(to_do_documents):
        raise ValueError("to_do")
    return HomeFigures(
        reflection_count=int(stored["reflection_count"]),
        opportunity_count=int(stored["opportunity_count"]),
        newest=[from_dict(Reflection, document) for document in stored["newest"]],
        to_do=RecordList(to_do, list(to_do)),
        to_do_due=to_do_due,
        opportunity_ids=dict(opportunity_ids),
        opportunities=LazyRecords(_decoder(Opportunity, kept_in), stored["opportunities"]),
        settings=from_dict(Settings, stored["settings"]),
    )


def _decoder(record_class: type[Record], kept_in: Path) -> Decoder[Record]:
    def decode(document: Document, _doc_id: str) -> Record:
        try:
            return from_dict(record_class, document)
        except ModelError as error:  # only if the file was edited by hand: the stamp held
            raise JournalError(
                f"{kept_in}, the home screen's figures kept from last time, is damaged "
                f"({error.field}: {error.message}). It is only a copy: delete it, and "
                "Debrief works them out again from the journal."
            ) from error

    return decode
