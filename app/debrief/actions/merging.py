"""The copies a sync folder makes of the journal when two devices changed it before
syncing, found beside it and merged into it (the merge itself is `sync.py`'s; this
module opens the copy, stores the result and moves the copy out of the way).

Names each tool gives them, for a journal `journal.json`:
- Syncthing: `journal.sync-conflict-20261201-101500-ABCDEF1.json`
- Dropbox: `journal (Alex's conflicted copy 2026-12-01).json`;
  Nextcloud: `journal (conflicted copy 2026-12-01 101500).json`
- OneDrive: `journal-LAPTOP.json` (a common name for other files too, so only a file that
  is itself a Debrief journal counts)
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from debrief.store.files import (
    JournalError,
    atomic_write,
    backup_path_of,
    lock_path_of,
    tighten,
)
from debrief.store.journal import Journal, drafts_path_of
from debrief.store.sealed import Sealer, envelope_of
from debrief.sync import KINDS, CopyMerge, merge_copy

MERGED = "merged"  # where a merged copy goes, beside the journal: never deleted
# A copy's own drafts, backup, lock and temporaries are not copies of the journal (a
# conflict copy opened in the app makes its own drafts file beside it).
NOT_COPIES = (".drafts.json", ".bak", ".lock", ".tmp")
JOURNAL_MARKS = (b'"debrief-journal"', b'"debrief-encrypted"')


SNAPSHOT_MARK = ".before-merge-"  # the journal as it was before a merge, kept in MERGED
SWEEPING = 3  # records: a merge deleting more than this, or most of the journal, asks first


@dataclass(frozen=True)
class CopyPlan:
    """What merging one conflict copy would do."""

    copy: Path
    merge: CopyMerge
    made: datetime  # when the copy was last written
    records_here: int  # opportunities, reflections and interviews in the journal now

    def summary(self) -> str:
        """`3 added from the copy made on Tue 1 Dec, 1 updated`."""
        return self.merge.summary(f"on {self.made:%a %-d %b}")

    @property
    def removals(self) -> int:
        """Records (not follow-ups) the merge would delete here."""
        return sum(len(ids) for kind, ids in self.merge.deletions.items() if kind in KINDS)

    @property
    def sweeping(self) -> bool:
        """Whether the merge deletes more than a few records, or most of the journal: a
        copy with a deletion for every id would empty it."""
        return self.removals > SWEEPING or 2 * self.removals > self.records_here > 0

    def warning(self) -> str:
        """What a sweeping merge would do, said before it is done."""
        return (
            f"Merging {self.copy.name} would delete {self.removals} of the "
            f"{self.records_here} records in your journal (opportunities, reflections, "
            "interviews ahead)."
        )


def conflict_copies(path: Path) -> list[Path]:
    """The conflict copies of the journal at `path`, oldest first."""
    folder, stem, suffix = path.parent, path.stem, path.suffix
    unambiguous = (f"{stem}.sync-conflict-*{suffix}", f"{stem} (*conflicted copy*){suffix}")
    found = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    for name in names:
        candidate = folder / name
        if name == path.name or name.endswith(NOT_COPIES) or not candidate.is_file():
            continue
        named = any(fnmatch.fnmatchcase(name, pattern) for pattern in unambiguous)
        if named or (fnmatch.fnmatchcase(name, f"{stem}-*{suffix}") and _is_a_journal(candidate)):
            found.append(candidate)
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))


def _is_a_journal(path: Path) -> bool:
    try:
        payload = path.read_bytes()  # (the format is named in the meta table, anywhere)
    except OSError:
        return False
    return any(mark in payload for mark in JOURNAL_MARKS)


def plan_conflict_copy(journal: Journal, copy: Path) -> CopyPlan:
    """What merging `copy` would change. JournalError for a damaged or foreign copy, one
    this passphrase does not open, or one of the journal's own files (nothing is changed)."""
    if is_own_file(journal, copy):
        raise JournalError(
            f"{copy.name} is this journal's own file, not a copy from another device: "
            "nothing was merged."
        )
    made = datetime.fromtimestamp(copy.stat().st_mtime)
    other = Journal.open(copy, readonly=True, sealer=journal.sealer)
    here = journal.bundle()
    merge = merge_copy(
        here, journal.deleted(), other.bundle(), other.deleted(), now=datetime.now(UTC)
    )
    records = sum(len(getattr(here, kind)) for kind in KINDS)
    return CopyPlan(copy, merge, made, records)


def is_own_file(journal: Journal, candidate: Path) -> bool:
    """Whether `candidate` is the journal, its backup, its drafts (or theirs) or its lock:
    merging one would move the live journal away."""
    real = journal.file_path
    drafts = journal.drafts_path
    own = (real, backup_path_of(real), drafts, backup_path_of(drafts), lock_path_of(real))
    for path in own:
        with contextlib.suppress(OSError):
            if candidate.resolve() == path.resolve() or os.path.samefile(candidate, path):
                return True
    return False


def merge_conflict_copy(
    journal: Journal, copy: Path, *, sweeping_allowed: bool = True
) -> tuple[CopyPlan, Path]:
    """Merge `copy` into `journal` in one write (the journal kept first as a snapshot in
    `merged/`, which `undo_last_merge` puts back), then move the copy into `merged/`;
    what was merged, and where the copy went. A sweeping merge not allowed: SweepingMerge,
    nothing changed."""
    plan = plan_conflict_copy(journal, copy)  # (again: the journal may have changed)
    if plan.sweeping and not sweeping_allowed:
        raise SweepingMerge(plan)
    if plan.merge.changes_anything:
        keep_snapshot(journal)
        merge = plan.merge
        journal.apply_merge(merge.writes, merge.deletions, merge.deleted_there)
    folder = journal.file_path.parent / MERGED
    moved_to = set_aside(copy, folder, journal.sealer)
    _set_aside_companions(copy, folder, journal.sealer)
    return plan, moved_to


def _set_aside_companions(copy: Path, folder: Path, sealer: Sealer | None) -> None:
    """The files a copy opened as a journal made beside it go with it: its backup and
    drafts (which may hold text) into `folder`, its locks (empty) away; none is left
    orphaned beside the journal."""
    drafts = drafts_path_of(copy)
    for companion in (backup_path_of(copy), drafts, backup_path_of(drafts)):
        if companion.is_file():
            with contextlib.suppress(OSError):
                set_aside(companion, folder, sealer)
    for lock in (lock_path_of(copy), lock_path_of(drafts)):
        with contextlib.suppress(OSError):
            lock.unlink(missing_ok=True)


class SweepingMerge(JournalError):
    """A merge that would delete most of the journal, not confirmed."""

    def __init__(self, plan: CopyPlan) -> None:
        super().__init__(plan.warning())
        self.plan = plan


def keep_snapshot(journal: Journal) -> Path:
    """Copy the journal file as it is now into `merged/` (sealed as it is, private)."""
    folder = journal.file_path.parent / MERGED
    folder.mkdir(mode=0o700, exist_ok=True)
    real = journal.file_path
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{real.stem}{SNAPSHOT_MARK}{stamp}{real.suffix}"
    atomic_write(target, real.read_bytes(), keep_backup=False)
    return target


def snapshots(journal: Journal) -> list[Path]:
    """The journal's snapshots from before each merge, oldest first."""
    real = journal.file_path
    folder = real.parent / MERGED
    pattern = f"{real.stem}{SNAPSHOT_MARK}*{real.suffix}"
    try:
        return sorted(path for path in folder.iterdir() if fnmatch.fnmatchcase(path.name, pattern))
    except OSError:
        return []


def drop_snapshots_holding(journal: Journal, reflection_ids: set[str]) -> list[Path]:
    """Remove the pre-merge snapshots that hold any of these (deleted) reflections, or
    that can't be read to tell: a deletion leaves no readable copy behind."""
    dropped = []
    for snapshot in snapshots(journal):
        try:
            kept = Journal.open(snapshot, readonly=True, sealer=journal.sealer)
            holds = any(kept.reflection(rid) is not None for rid in reflection_ids)
        except JournalError:
            holds = True
        if holds:
            with contextlib.suppress(OSError):
                snapshot.unlink()
                dropped.append(snapshot)
    return dropped


def undo_last_merge(journal: Journal) -> datetime:
    """Put the journal back as it was before the last merge (the merged state becomes its
    backup; the snapshot is used up); when that merge was. JournalError when there is
    none, or it can't be read (nothing changed)."""
    kept = snapshots(journal)
    if not kept:
        raise JournalError(f"No merge to undo: {MERGED}/ holds no snapshot of {journal.path}.")
    taken = datetime.fromtimestamp(kept[-1].stat().st_mtime)
    journal.restore(kept[-1])
    kept[-1].unlink()
    return taken


def set_aside(copy: Path, folder: Path, sealer: Sealer | None = None) -> Path:
    """Move a merged copy into `folder` (made private if new), under a free name. Beside
    an encrypted journal a plain copy (made before the other device encrypted, say) is
    kept sealed: its text does not stay readable on disk."""
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / copy.name
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{copy.stem}.{number}{copy.suffix}"
    payload = copy.read_bytes()
    if sealer is not None and envelope_of(payload) is None:
        atomic_write(target, sealer.seal(payload), keep_backup=False)
        copy.unlink()
    else:
        os.replace(copy, target)
        tighten(target)  # (a sync tool writes its copies 0644: private here, like the journal)
    return target
