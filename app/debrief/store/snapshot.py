"""A read-only view of a journal for the shell commands: fast to open, never writes.

Records are decoded only when asked for, so `debrief list -n 10` decodes ten
reflections, not a thousand. Files are refused by the same rules as the app
(`fileformat`), and every record that is read is validated as the app validates it.
No TinyDB and no lock: a snapshot never writes, so it needs neither.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from debrief.model import Bundle, Decision, FollowUp, Opportunity, Reflection, Settings
from debrief.store.fileformat import FORMAT_NAME, read_tables, refusal, schema_of
from debrief.store.files import JournalError
from debrief.store.migrations import SCHEMA_VERSION
from debrief.store.records import RecordTables


class Snapshot:
    """The journal as it is on disk now."""

    def __init__(self, path: Path, tables: dict[str, Any]) -> None:
        self.path = path
        self._tables = tables
        self.records = RecordTables(path, tables)

    @classmethod
    def open(cls, path: Path) -> Snapshot:
        """Read the file (an absent one is an empty journal); JournalError when unusable."""
        tables = read_tables(path)
        if tables is None:
            return cls(path, {})
        if schema_of(tables, path, FORMAT_NAME) != SCHEMA_VERSION:
            raise JournalError(
                refusal(
                    path, f"{path} uses an older schema; open it in the app once to upgrade it."
                )
            )
        return cls(path, tables)

    def _single(self, record_class: type[Any], table: str) -> Any:
        documents = list(self._tables.get(table, {}).values())
        return self.records.decode(record_class, table, documents[0]) if documents else None

    def opportunities(self) -> Mapping[str, Opportunity]:
        return self.records.opportunities

    def reflections_newest_first(self) -> Iterator[Reflection]:
        """Reflections newest first, each decoded only when the caller gets to it."""
        return iter(self.records.newest_first())

    def reflections(
        self, where: Callable[[Reflection], bool] | None = None, limit: int | None = None
    ) -> list[Reflection]:
        """The newest `limit` reflections that satisfy `where`."""
        chosen: list[Reflection] = []
        for reflection in self.reflections_newest_first():
            if limit is not None and len(chosen) >= limit:
                break
            if where is None or where(reflection):
                chosen.append(reflection)
        return chosen

    def followups(self) -> list[FollowUp]:
        return list(self.records.followups.values())

    def bundle(self) -> Bundle:
        """Every record (validated), for an export."""
        return Bundle(
            opportunities=tuple(self.opportunities().values()),
            reflections=tuple(self.reflections()),
            followups=tuple(self.followups()),
            settings=self._single(Settings, "settings"),
            decision=self._single(Decision, "decision"),
        )

    def decision(self) -> Decision:
        found: Decision | None = self._single(Decision, "decision")
        return found if found is not None else Decision()

    def settings(self) -> Settings:
        found: Settings | None = self._single(Settings, "settings")
        return found if found is not None else Settings()
