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

import fnmatch
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from debrief.store.files import atomic_write
from debrief.store.journal import Journal
from debrief.store.sealed import Sealer, envelope_of
from debrief.sync import CopyMerge, merge_copy

MERGED = "merged"  # where a merged copy goes, beside the journal: never deleted
JOURNAL_MARKS = (b'"debrief-journal"', b'"debrief-encrypted"')


@dataclass(frozen=True)
class CopyPlan:
    """What merging one conflict copy would do."""

    copy: Path
    merge: CopyMerge
    made: datetime  # when the copy was last written

    def summary(self) -> str:
        """`3 added from the copy made on Tue 1 Dec, 1 updated`."""
        return self.merge.summary(f"on {self.made:%a %-d %b}")


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
        if name == path.name or not candidate.is_file():
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
    """What merging `copy` would change. JournalError for a damaged or foreign copy, or
    one this passphrase does not open (nothing is changed)."""
    made = datetime.fromtimestamp(copy.stat().st_mtime)
    other = Journal.open(copy, readonly=True, sealer=journal.sealer)
    merge = merge_copy(journal.bundle(), journal.deleted(), other.bundle(), other.deleted())
    return CopyPlan(copy, merge, made)


def merge_conflict_copy(journal: Journal, copy: Path) -> tuple[CopyPlan, Path]:
    """Merge `copy` into `journal` in one write, then move it into `merged/` beside the
    journal; what was merged, and where the copy went."""
    plan = plan_conflict_copy(journal, copy)  # (again: the journal may have changed)
    if plan.merge.changes_anything:
        merge = plan.merge
        journal.apply_merge(merge.writes, merge.deletions, merge.deleted_there)
    return plan, set_aside(copy, journal.file_path.parent / MERGED, journal.sealer)


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
    return target
