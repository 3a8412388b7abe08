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

import contextlib
import os
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

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
from debrief.store.files import FILE_MODE
from debrief.store.migrations import SCHEMA_VERSION
from debrief.store.records import Document, RecordTables

SUMMARY_FORMAT = "debrief-home-figures"
SUMMARY_VERSION = 1  # of this file's layout; the journal's schema is stamped beside it


def summary_path_of(path: Path) -> Path:
    return path.with_name(f".{path.name}.home")


@dataclass(frozen=True)
class HomeFigures:
    """What the home screen draws: counts, the newest reflections, the agenda's follow-ups
    (actionable, in no order: the screen sorts them by the time of day), and the
    opportunities they belong to."""

    reflection_count: int
    opportunity_count: int
    newest: Sequence[Reflection]  # newest interview first
    actionable: Sequence[FollowUp]
    opportunity_ids: Mapping[str, str]  # reflection id -> opportunity id, for those above
    opportunities: Mapping[str, Opportunity]
    settings: Settings

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
    actionable = records.actionable_followups()
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
        actionable=actionable,
        opportunity_ids=opportunity_ids,
        opportunities=opportunities,
        settings=settings,
    )
    documents = {
        "reflection_count": figures.reflection_count,
        "opportunity_count": figures.opportunity_count,
        "newest": [records.reflections.document(r.id) for r in latest],
        "actionable": [records.followups.document(f.id) for f in actionable],
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
    target = summary_path_of(path)
    temporary = target.with_name(f"{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        try:
            os.write(descriptor, payload)
        finally:
            os.close(descriptor)
        os.replace(temporary, target)  # readers see the old file or the new, never half
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


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
        return _decode(stored)
    except (ModelError, KeyError, TypeError, ValueError, AttributeError):
        return None


def _as_signatures(stored: Any) -> Signatures | None:
    """The stamp as `changes.signatures` gives it (JSON made its tuples lists)."""
    if not isinstance(stored, list) or len(stored) != 2:
        return None
    journal, log = (tuple(part) if isinstance(part, list) else part for part in stored)
    return journal, log  # compared with the real thing, never used otherwise


def _decode(stored: dict[str, Any]) -> HomeFigures:
    opportunity_ids = stored["opportunity_ids"]
    opportunities: dict[str, Document] = stored["opportunities"]
    if not all(isinstance(v, str) for v in opportunity_ids.values()):
        raise TypeError("opportunity_ids")
    return HomeFigures(
        reflection_count=int(stored["reflection_count"]),
        opportunity_count=int(stored["opportunity_count"]),
        newest=[from_dict(Reflection, document) for document in stored["newest"]],
        actionable=[from_dict(FollowUp, document) for document in stored["actionable"]],
        opportunity_ids=dict(opportunity_ids),
        opportunities={
            oid: from_dict(Opportunity, document) for oid, document in opportunities.items()
        },
        settings=from_dict(Settings, stored["settings"]),
    )
