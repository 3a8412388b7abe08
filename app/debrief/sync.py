"""Merging the copy of a journal that a sync folder made when two devices both changed it.

Pure functions over bundles. Records are matched by id and the newer `updated_at` wins;
follow-ups travel with their reflection (the side whose reflection wins brings its plan, with
what was done about each item on either device: no note or done mark is dropped);
a deletion on either side is respected: each journal remembers the ids it deleted, with
when, so a record deleted here does not come back from the copy, and one deleted on the
other device goes here too unless it was changed here after that.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from debrief.model import Bundle, FollowUp

# Kinds of record, as the journal's tables name them; their ids never collide (uuid4 hex,
# or derived from the reflection's for follow-ups).
KINDS = ("opportunities", "reflections", "interviews")
Deleted = Mapping[str, datetime]  # record id -> when it was deleted


@dataclass(frozen=True)
class CopyMerge:
    """What merging a copy changes here: records to write, ids to delete, and counts."""

    writes: Bundle
    deletions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # kind -> ids
    deleted_there: dict[str, datetime] = field(default_factory=dict)  # remembered from now on
    added: int = 0
    updated: int = 0
    deleted: int = 0

    @property
    def changes_anything(self) -> bool:
        return bool(
            self.added
            or self.updated
            or self.deleted
            or any(getattr(self.writes, kind) for kind in (*KINDS, "followups"))
        )

    def summary(self, made: str) -> str:
        """`3 added from the copy made on Tue 1 Dec, 1 updated, 1 deleted`."""
        parts = [f"{self.added} added from the copy made {made}"]
        if self.updated:
            parts.append(f"{self.updated} updated")
        if self.deleted:
            parts.append(f"{self.deleted} deleted")
        return ", ".join(parts)


CLOCK_SKEW = timedelta(minutes=10)  # how far ahead another device's clock may plausibly be


def merge_copy(
    mine: Bundle,
    mine_deleted: Deleted,
    theirs: Bundle,
    theirs_deleted: Deleted,
    *,
    now: datetime,
) -> CopyMerge:
    """What to change here so that this journal holds both devices' work. A deletion the
    copy dates in the future (beyond CLOCK_SKEW) is ignored: no device made it yet, and it
    would win over every edit made here until then."""
    theirs_deleted = {
        record_id: at for record_id, at in theirs_deleted.items() if at <= now + CLOCK_SKEW
    }
    writes: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    deletions: dict[str, list[str]] = {kind: [] for kind in (*KINDS, "followups")}
    counts = {"added": 0, "updated": 0, "deleted": 0}
    reflections_taken: set[str] = set()
    for kind in KINDS:
        ours = {record.id: record for record in getattr(mine, kind)}
        for record in getattr(theirs, kind):
            current = ours.get(record.id)
            if current is None:
                if record.id in mine_deleted:
                    continue  # deleted here: it stays deleted
                counts["added"] += 1
            elif current == record or current.updated_at >= record.updated_at:
                continue
            else:
                counts["updated"] += 1
            writes[kind].append(record)
            if kind == "reflections":
                reflections_taken.add(record.id)
        for record in ours.values():
            gone_at = theirs_deleted.get(record.id)
            if gone_at is not None and gone_at >= record.updated_at:
                deletions[kind].append(record.id)
                counts["deleted"] += kind == "reflections"
    deletions["opportunities"] = _unused(deletions, mine, writes)
    dropped = set(deletions["reflections"])
    present = ({r.id for r in mine.reflections} | reflections_taken) - dropped
    followups, deletions["followups"] = _merge_followups(
        mine.followups, theirs.followups, reflections_taken, present, mine_deleted
    )
    deletions["followups"] += [f.id for f in mine.followups if f.reflection_id in dropped]
    bundle = Bundle(
        opportunities=tuple(writes["opportunities"]),
        reflections=tuple(writes["reflections"]),
        followups=tuple(followups),
        settings=theirs.settings if mine.settings is None else None,
        decision=theirs.decision if mine.decision is None else None,
        interviews=tuple(writes["interviews"]),
    )
    return CopyMerge(
        bundle,
        {kind: tuple(ids) for kind, ids in deletions.items() if ids},
        dict(theirs_deleted),
        **counts,
    )


def _unused(
    deletions: dict[str, list[str]], mine: Bundle, writes: dict[str, list[Any]]
) -> list[str]:
    """The opportunities deleted on the other device that nothing left here still uses (a
    round added here since keeps its opportunity)."""
    gone = {kind: set(ids) for kind, ids in deletions.items()}
    used = {
        record.opportunity_id
        for kind in ("reflections", "interviews")
        for record in [*getattr(mine, kind), *writes[kind]]
        if record.id not in gone[kind]
    }
    return [record_id for record_id in deletions["opportunities"] if record_id not in used]


def _merge_followups(
    mine: Sequence[FollowUp],
    theirs: Sequence[FollowUp],
    reflections_taken: set[str],
    present: set[str],
    mine_deleted: Deleted,
) -> tuple[list[FollowUp], list[str]]:
    """Follow-ups to write and to delete. A reflection taken from the copy brings its
    whole plan; every item both devices have is merged: what was done about it on either
    device counts (`_what_both_did`)."""
    ours = {item.id: item for item in mine}
    theirs_ids = {item.id for item in theirs}
    writes: list[FollowUp] = []
    deletions = [
        item.id
        for item in mine
        if item.reflection_id in reflections_taken and item.id not in theirs_ids
    ]
    for item in theirs:
        current = ours.get(item.id)
        if item.reflection_id not in present or current == item:
            continue
        taken = item.reflection_id in reflections_taken
        if current is None:
            if taken or item.id not in mine_deleted:  # (one deleted here stays so)
                writes.append(item)
            continue
        merged = _what_both_did(item, current) if taken else _what_both_did(current, item)
        if merged != current:
            writes.append(merged)
    return writes, deletions


def _what_both_did(base: FollowUp, other: FollowUp) -> FollowUp:
    """`base` (the plan that wins: the copy's when its reflection is taken, else ours)
    with what was done about the item on the other device too: follow-ups carry no edit
    time, so nothing either device recorded is dropped — done or skipped at the earlier
    time, snoozed to the later, both notes kept."""
    notes = [note for note in dict.fromkeys((base.note.strip(), other.note.strip())) if note]
    done_at = _earliest(base.done_at, other.done_at)
    return replace(
        base,
        done_at=done_at,
        dismissed_at=None if done_at else _earliest(base.dismissed_at, other.dismissed_at),
        snoozed_until=max(
            (t for t in (base.snoozed_until, other.snoozed_until) if t is not None),
            default=None,
        ),
        note=" / ".join(notes),
    )


def _earliest(*moments: datetime | None) -> datetime | None:
    return min((moment for moment in moments if moment is not None), default=None)
