"""A TinyDB storage that never leaves a torn file and never overwrites one it can't read.

Writes go through `files.atomic_write` (temporary file, fsync, the old file kept as
`<name>.bak`, `os.replace`, folder fsync). TinyDB reads the whole file before every
operation, so the parsed file is kept and read again only when the file on disk changed
(another process wrote it): a `stat` per operation. `batch()` groups several TinyDB
operations into one file write: all or nothing.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from debrief.store.files import JournalError, Signature, atomic_write, read_document, signature_of
from debrief.store.sealed import Sealer, unsealed


def signature_on_disk(path: Path) -> Signature | None:
    """What identifies the file's current version (None: there is no file)."""
    try:
        return signature_of(os.stat(path))
    except FileNotFoundError:
        return None


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic, fsynced writes, a backup, and a change-aware read cache."""

    def __init__(
        self,
        path: str | Path,
        *,
        readonly: bool = False,
        what: str = "a journal",
        sealer: Sealer | None = None,
    ) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.what = what  # what the file should be, for messages
        self.sealer = sealer  # set: the file is encrypted, every write sealed
        self.generation = 0  # bumped whenever the cache is (re)filled from disk
        self._cache: dict[str, Any] | None = None
        self._signature: Signature | None = None
        self._batch_depth = 0
        self._pending = False

    def read(self) -> dict[str, Any] | None:
        if self._batch_depth and self._cache is not None:
            return self._cache
        if self._cache is not None and self._signature == signature_on_disk(self.path):
            return self._cache
        loaded = read_document(
            self.path, self.what, lambda payload: unsealed(payload, self.path, self.sealer)
        )
        self._cache, self._signature = loaded if loaded is not None else (None, None)
        self.generation += 1
        return self._cache

    def write(self, data: dict[str, Any]) -> None:
        if self.readonly:
            raise JournalError(f"{self.path} is open read-only.")
        self._cache = data
        if self._batch_depth:
            self._pending = True
        else:
            self._commit()

    def hold(self, data: dict[str, Any]) -> None:
        """Serve `data` instead of what the file holds until the file changes: an older
        schema's file upgraded in memory for a read-only reader (never written)."""
        self._cache = data

    def close(self) -> None:
        self._cache = None

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes into one file write; on an exception nothing is written."""
        if self._batch_depth == 0:
            self.read()  # start from what is on disk now, not from a stale cache
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            if self._batch_depth == 1:
                self._forget()
            raise
        finally:
            self._batch_depth -= 1
        if self._batch_depth == 0 and self._pending:
            self._commit()

    def _commit(self) -> None:
        self._pending = False
        assert self._cache is not None
        try:
            # Sorted keys: the same journal always makes the same bytes, whatever the
            # order of edits (an undone delete leaves the file byte-identical).
            payload = orjson.dumps(self._cache, option=orjson.OPT_SORT_KEYS)
            if self.sealer is not None:
                payload = self.sealer.seal(payload)  # (only sealed bytes reach the disk)
            atomic_write(self.path, payload)
            self._signature = signature_on_disk(self.path)
        except BaseException:
            self._forget()  # the cache holds what failed to reach the disk
            raise

    def _forget(self) -> None:
        self._cache, self._signature, self._pending = None, None, False
