"""Schema versions of the journal file and the steps between them.

`MIGRATIONS[n]` turns a schema-`n` document (the whole file as a dict of tables)
into schema `n + 1`. Adding a schema version means bumping SCHEMA_VERSION and adding
one entry here; the journal runs the chain on open, keeping the old file as backup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Tables = dict[str, dict[str, dict[str, Any]]]

SCHEMA_VERSION = 4


def _to_2(tables: Tables) -> Tables:
    """Schema 2 adds scheduled interviews (a table of their own, made on first use), the
    questions asked, recruiter details, replies and the user's own checklist (fields with
    defaults): old records read as they are. The version says that a Debrief which knows
    only schema 1 must not open the file (it would drop what it does not know)."""
    return tables


def _to_3(tables: Tables) -> Tables:
    """Schema 3 adds what a calendar invitation says of an interview (its zone, its
    SEQUENCE, an all-day day whose time is still to confirm, its cancellation), fields with
    defaults: old records read as they are. A Debrief of schema 2 would drop them (and put
    a cancelled interview back on the agenda), so it must not open the file."""
    return tables


def _to_4(tables: Tables) -> Tables:
    """Schema 4 lets "did they ask for your references?" be unanswered (null) as well as
    yes or no, so that an explicit "No" stays one when the reflection is edited; old
    records read as they are (false). A Debrief of schema 3 would refuse a null there as a
    damaged record, so it must not open the file."""
    return tables


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {1: _to_2, 2: _to_3, 3: _to_4}


def migrate(tables: Tables, from_version: int, to_version: int | None = None) -> Tables:
    """Run every step from `from_version` up to `to_version` (the current schema by default)."""
    for version in range(from_version, SCHEMA_VERSION if to_version is None else to_version):
        step = MIGRATIONS.get(version)
        if step is None:
            raise LookupError(f"no migration from schema {version} to {version + 1}")
        tables = step(tables)
    return tables
