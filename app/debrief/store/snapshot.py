"""A read-only view of a journal for the shell commands: fast to open, never writes.

Records are decoded only when asked for, so `debrief list -n 10` decodes ten
reflections, not a thousand. Files are refused by the same rules as the app
(`fileformat`), and every record that is read is validated as the app validates it.
No TinyDB and no lock: a snapshot never writes, so it needs neither.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from debrief.model import (
    Bundle,
    Decision,
    FollowUp,
    ModelError,
    Opportunity,
    Reflection,
    Settings,
    from_dict,
)
from debrief.store.fileformat import FORMAT_NAME, read_tables, refusal, schema_of
from debrief.store.files import JournalError
from debrief.store.migrations import SCHEMA_VERSION

Record = TypeVar("Record")


class Snapshot:
    """The journal as it is on disk now."""

    def __init__(self, path: Path, tables: dict[str, Any]) -> None:
        self.path = path
        self._tables = tables
        self._opportunities: dict[str, Opportunity] | None = None

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

    def _documents(self, table: str) -> list[dict[str, Any]]:
        return list(self._tables.get(table, {}).values())

    def _decode(self, record_class: type[Record], table: str, document: dict[str, Any]) -> Record:
        try:
            return from_dict(record_class, document)
        except ModelError as error:
            record_id = str(document.get("id", "?"))
            reason = (
                f"{self.path}: record {table}/{record_id}, field {error.field}: {error.message}."
            )
            raise JournalError(refusal(self.path, reason)) from error

    def opportunities(self) -> dict[str, Opportunity]:
        if self._opportunities is None:
            decoded = (
                self._decode(Opportunity, "opportunities", d)
                for d in self._documents("opportunities")
            )
            self._opportunities = {o.id: o for o in decoded}
        return self._opportunities

    def reflections_newest_first(self) -> Iterator[Reflection]:
        """Reflections newest first, each decoded only when the caller gets to it."""
        documents = self._documents("reflections")
        documents.sort(key=_interview_moment, reverse=True)
        for document in documents:
            yield self._decode(Reflection, "reflections", document)

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
        return [self._decode(FollowUp, "followups", d) for d in self._documents("followups")]

    def bundle(self) -> Bundle:
        """Every record (validated), for an export."""
        settings, decision = self._documents("settings"), self._documents("decision")
        return Bundle(
            opportunities=tuple(self.opportunities().values()),
            reflections=tuple(self.reflections()),
            followups=tuple(self.followups()),
            settings=self.settings() if settings else None,
            decision=self.decision() if decision else None,
        )

    def decision(self) -> Decision:
        documents = self._documents("decision")
        return self._decode(Decision, "decision", documents[0]) if documents else Decision()

    def settings(self) -> Settings:
        documents = self._documents("settings")
        return self._decode(Settings, "settings", documents[0]) if documents else Settings()


_NEVER = datetime(1, 1, 2, tzinfo=UTC)


def _interview_moment(document: dict[str, Any]) -> tuple[datetime, str]:
    """Sort key read straight from the stored text, so sorting decodes nothing."""
    try:
        moment = datetime.fromisoformat(str(document.get("interview_at")))
    except ValueError:
        moment = _NEVER  # a bad record sorts last, and fails when it is decoded
    if moment.tzinfo is None:
        moment = _NEVER
    return moment, str(document.get("created_at"))
