"""The journal's drafts file: unfinished questionnaires, and follow-up drafts as the user
edited them (table `notes`), in a small file of their own.

The questionnaire autosaves a draft every second, so drafts live beside the journal
(`<name>.drafts.json`, their own format, under the journal's lock and sealed like it)
rather than rewriting the whole journal each time. A drafts file that can't be used is
renamed aside (`…drafts.json.damaged-<when>`) and never overwritten: the journal opens
without it and says so.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import Query

from debrief.model import Draft, NoteDraft, to_dict
from debrief.store.database import DatabaseFile
from debrief.store.decoding import decode, decode_tables
from debrief.store.fileformat import DRAFTS_FORMAT_NAME
from debrief.store.files import JournalError, describe_os_error
from debrief.store.journal_path import DAMAGED, drafts_path_of
from debrief.store.sealed import Sealer


class DraftsFile(DatabaseFile):
    """The drafts file of the journal at `journal_path`."""

    def __init__(
        self, journal_path: Path, *, readonly: bool, lock: Path, sealer: Sealer | None
    ) -> None:
        super().__init__(
            drafts_path_of(journal_path),
            DRAFTS_FORMAT_NAME,
            readonly=readonly,
            lock=lock,
            sealer=sealer,
        )

    def set_aside_if_unusable(self) -> str | None:
        """A drafts file that can't be used is renamed aside, and the notice saying so
        returned (None: it is fine, or there is none)."""
        try:
            self.check(create=False, validate=self.validate)
            self.drafts()
        except JournalError as error:
            aside = self.path.with_name(f"{self.path.name}{DAMAGED}{datetime.now():%Y%m%d-%H%M%S}")
            try:
                self.path.rename(aside)
            except OSError as rename_error:
                raise JournalError(
                    f"{error} It could not be set aside either "
                    f"({describe_os_error(rename_error)}): move it away to start Debrief."
                ) from rename_error
            self.storage.close()
            return (
                f"Your drafts file could not be used: {error} It was renamed to {aside.name} "
                "(in the same folder) and Debrief started without it."
            )
        return None

    def drafts(self) -> list[Draft]:
        """Unfinished questionnaires, most recently touched first."""
        if self.read() is None:
            return []
        drafts = [
            decode(Draft, "drafts", document, self.path) for document in self.table("drafts").all()
        ]
        return sorted(drafts, key=lambda d: d.updated_at, reverse=True)

    def save(self, draft: Draft) -> None:
        """Upsert a draft (the file created on first use)."""
        self.check(create=True, validate=self.validate)
        with self.transaction():
            self.table("drafts").upsert(to_dict(draft), Query().id == draft.id)

    def discard(self, draft_id: str) -> None:
        with self.transaction():
            self.table("drafts").remove(Query().id == draft_id)

    def note(self, followup_id: str) -> NoteDraft | None:
        """A follow-up's draft as edited, if the user edited it."""
        if self.read() is None:
            return None
        document = self.table("notes").get(Query().id == followup_id)
        if document is None or isinstance(document, list):
            return None
        return decode(NoteDraft, "notes", document, self.path)

    def notes(self) -> list[NoteDraft]:
        if self.read() is None:
            return []
        return [decode(NoteDraft, "notes", d, self.path) for d in self.table("notes").all()]

    def save_note(self, note: NoteDraft) -> None:
        self.check(create=True, validate=self.validate)
        with self.transaction():
            self.table("notes").upsert(to_dict(note), Query().id == note.id)

    def discard_notes(self, followup_ids: set[str]) -> None:
        with self.transaction():
            self.table("notes").remove(Query().id.one_of(sorted(followup_ids)))

    def validate(self, data: dict[str, Any]) -> None:
        """Decode every draft of a raw drafts file (JournalError at the first bad one)."""
        decode_tables(data, {"drafts": Draft, "notes": NoteDraft}, self.path)
