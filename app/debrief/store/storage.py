"""A TinyDB storage that never leaves a torn file and never overwrites one it can't read.

Writes go through `files.atomic_write` (temporary file, fsync, the old file kept as
`<name>.bak`, `os.replace`, folder fsync). Reads are cached and re-read only when the
file on disk changed (another process wrote it), so TinyDB's habit of reading the whole
file on every query costs a `stat`. `batch()` groups several TinyDB writes into one file
write: all or nothing. Inside a batch, `put_document` and `delete_document` change one
document without TinyDB's copy of the whole table; in a big journal (`log_above`), a
batch made only of those is appended to the change log (`changes.py`) instead of
rewriting the file, and `fold()` writes the log back into the file.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from debrief.store import changes
from debrief.store.changes import CHECKPOINT_TABLE, Op, Signatures, checkpoint_of
from debrief.store.files import JournalError, atomic_write


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic, fsynced writes, a backup, and a change-aware read cache."""

    def __init__(
        self, path: str | Path, *, readonly: bool = False, log_above: int | None = None
    ) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.log_above = log_above  # journals at least this big log their saves; None: never
        self.generation = 0  # bumped whenever the cache is (re)filled from disk
        self._cache: dict[str, Any] | None = None
        self._signature: Signatures | None = None
        self._size = 0  # of the file alone, as last read or written
        self._log_length = 0  # bytes of the change log known to be whole
        self._batch_depth = 0
        self._pending = False
        self._ops: list[Op] | None = []  # this batch's document changes; None: a whole write
        self._ahead: changes.Loaded | None = None  # parsed by `read_ahead`, for `read`

    @property
    def signature(self) -> Signatures | None:
        """Of the journal and its log as last read or written (None: not read yet)."""
        return self._signature

    def read_ahead(self) -> dict[str, Any] | None:
        """Parse the file now, in the caller's thread, for the next `read` to take if the
        file is still the same then; returns the tables it will take. A problem is left
        for that `read` to report."""
        with contextlib.suppress(JournalError, OSError):
            self._ahead = changes.read_journal(self.path)
        return self._ahead.tables if self._ahead is not None else None

    def read(self) -> dict[str, Any] | None:
        if self._batch_depth and self._cache is not None:
            return self._cache
        if self._cache is not None and self._signature == changes.signatures(self.path):
            return self._cache
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead.signature == changes.signatures(self.path):
            loaded: changes.Loaded | None = ahead
        else:
            loaded = changes.read_journal(self.path)
        if loaded is None:
            self._cache, self._signature, self._size, self._log_length = None, None, 0, 0
        else:
            self._cache, self._signature = loaded.tables, loaded.signature
            self._size, self._log_length = loaded.size, loaded.log_length
        self.generation += 1
        return self._cache

    def write(self, data: dict[str, Any]) -> None:
        if self.readonly:
            raise JournalError(f"{self.path} is open read-only.")
        self._cache = data
        self._ops = None  # TinyDB hands over whole tables: the file is rewritten
        if self._batch_depth:
            self._pending = True
        else:
            self._commit()

    def close(self) -> None:
        self._cache = None

    @property
    def has_log(self) -> bool:
        return changes.changes_path_of(self.path).exists()

    def fold(self) -> None:
        """Write the change log into the file (call holding the journal's lock)."""
        if self.has_log and self.read() is not None:
            self._ops = None
            self._pending = True
            self._commit()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes into one file write; on an exception nothing is written."""
        if self._batch_depth == 0:
            self.read()  # start from what is on disk now, not from a stale cache
            self._ops = []
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

    def put_document(self, table: str, doc_id: int, document: dict[str, Any]) -> None:
        """Store one document, inside a batch, without rebuilding its table.

        TinyDB's Table copies a whole table (twice) for every insert or update: in a
        journal with 60,000 follow-ups, saving a plan of six spent ~100 ms copying.
        """
        self._tables_in_batch().setdefault(table, {})[str(doc_id)] = document
        self._note(["put", table, str(doc_id), document])

    def delete_document(self, table: str, doc_id: int) -> dict[str, Any] | None:
        """Remove one document, inside a batch; returns it (None if there was none)."""
        tables = self._tables_in_batch()
        removed: dict[str, Any] | None = tables.get(table, {}).pop(str(doc_id), None)
        self._note(["delete", table, str(doc_id)])
        return removed

    def _tables_in_batch(self) -> dict[str, Any]:
        if not self._batch_depth:
            raise RuntimeError("documents are changed one by one only inside batch()")
        if self._cache is None:
            self._cache = {}
        return self._cache

    def _note(self, op: Op) -> None:
        if self._ops is not None:
            self._ops.append(op)
        self._pending = True

    def _commit(self) -> None:
        self._pending = False
        try:
            line = self._log_line()
            if line is not None:
                changes.append(self.path, line, keep=self._log_length)
                self._log_length += len(line)
            else:
                self._write_whole()
            self._signature = changes.signatures(self.path)
        except BaseException:
            self._forget()  # the cache holds what failed to reach the disk
            raise
        finally:
            self._ops = []

    def _log_line(self) -> bytes | None:
        """This batch as a line for the change log, or None if the file must be rewritten:
        a small journal, a whole-table write, or a log that has grown big enough to fold."""
        if self._ops is None or self.log_above is None or self._size < self.log_above:
            return None
        checkpoint = checkpoint_of(self._cache or {})
        if checkpoint is None:
            return None
        line = changes.encode(checkpoint, self._ops)
        if self._log_length + len(line) > max(1_000_000, self._size // 8):
            return None
        return line

    def _write_whole(self) -> None:
        assert self._cache is not None
        logging = self.log_above is not None and self._size >= self.log_above
        if logging or self.has_log:
            # A new checkpoint: log lines written for the old one no longer apply.
            self._cache[CHECKPOINT_TABLE] = {"1": {"id": uuid.uuid4().hex}}
        # Sorted keys: the same journal always makes the same bytes, whatever the
        # order of edits (an undone delete leaves the file byte-identical).
        payload = orjson.dumps(self._cache, option=orjson.OPT_SORT_KEYS)
        atomic_write(self.path, payload)
        self._size, self._log_length = len(payload), 0
        changes.remove(self.path)

    def _forget(self) -> None:
        self._cache, self._signature, self._pending = None, None, False
