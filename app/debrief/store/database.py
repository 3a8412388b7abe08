"""One TinyDB database in one file: the journal, or its drafts file.

Over the atomic storage (`storage.py`), with the file's format name: refusing a file that
is not ours or is too new, creating or migrating it when allowed (never overwriting a
damaged one), and writing in locked transactions that explain a failure. The journal keeps
one for its file and one for its drafts, under one lock.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from debrief.store.fileformat import WHAT, refusal, schema_of
from debrief.store.files import JournalError, describe_os_error, file_lock, remove_stale_temporaries
from debrief.store.migrations import SCHEMA_VERSION, migrate
from debrief.store.sealed import PassphraseNeeded, Sealer, WrongPassphrase
from debrief.store.storage import AtomicJSONStorage


class DatabaseFile:
    """One TinyDB database in one file, over the atomic storage, with its format name."""

    def __init__(
        self,
        path: Path,
        format_name: str,
        *,
        readonly: bool,
        lock: Path,
        sealer: Sealer | None = None,
    ) -> None:
        self.path = path
        self.format_name = format_name
        self.lock = lock  # one lock for the journal and its drafts
        self.database = TinyDB(
            path,
            storage=AtomicJSONStorage,
            readonly=readonly,
            what=WHAT[format_name],
            sealer=sealer,
        )
        storage = self.database.storage
        assert isinstance(storage, AtomicJSONStorage)
        self.storage = storage

    def table(self, name: str) -> Table:
        # A fresh Table per use: TinyDB keeps the next document id per Table object,
        # and it goes stale when another process writes the file.
        return Table(self.storage, name, cache_size=0)

    def read(self) -> dict[str, Any] | None:
        try:
            return self.storage.read()
        except (PassphraseNeeded, WrongPassphrase):
            raise  # (nothing wrong with the file: said as it is)
        except JournalError as error:
            raise JournalError(refusal(self.path, str(error))) from error

    def check(self, *, create: bool, validate: Callable[[dict[str, Any]], None]) -> None:
        """Refuse a file that is not ours, or too new; create or migrate it when allowed.
        `validate` refuses (JournalError) a file with a damaged record before a migration
        would write it: a damaged file is never overwritten."""
        data = self.read()
        if data is None:
            if create:
                self._create()
            return
        schema = schema_of(data, self.path, self.format_name)
        if schema < SCHEMA_VERSION:
            # (On a copy, before the lock: a refusal leaves no trace.)
            upgraded = migrate(copy.deepcopy(data), schema)
            validate(upgraded)
            if self.storage.readonly:  # the shell, or a sync copy: upgraded in memory only
                self.storage.hold(upgraded)
            else:
                self._migrate(schema, validate)

    def _meta(self) -> dict[str, Any]:
        return {"format": self.format_name, "schema": SCHEMA_VERSION}

    def _create(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with file_lock(self.lock):
                if self.storage.read() is None:  # another process may have just made it
                    self.table("meta").insert(self._meta())
        except OSError as error:
            raise JournalError(
                f"Can't create {self.path}: {describe_os_error(error)}. "
                "Pass another location with --db PATH or DEBRIEF_DB."
            ) from error

    def _migrate(self, schema: int, validate: Callable[[dict[str, Any]], None]) -> None:
        with file_lock(self.lock):
            upgraded = migrate(self.storage.read() or {}, schema)
            validate(upgraded)
            upgraded["meta"] = {"1": self._meta()}
            self.storage.write(upgraded)  # the old file becomes the backup

    def tidy(self) -> None:
        """Remove temporary files that a killed writer left beside this file."""
        with contextlib.suppress(OSError), file_lock(self.lock):
            remove_stale_temporaries(self.path)

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

    def replace_single(self, table_name: str, document: dict[str, Any]) -> None:
        """Make `document` the only one of its table (the settings, the decision)."""
        table = self.table(table_name)
        table.truncate()
        table.insert(document)
