"""The journal: what the app reads and writes, as model records, over one file.

The file (`database.py`) holds every record; each is decoded and checked once, as the file
is read (`records.py`, `decoding.py`): a damaged one refuses the whole file before anything
is shown. Drafts have a small file of their own (`drafts.py`). Reads answer from the records
in memory. A write takes a short lock and first reads again a file another process changed,
so two Debrief windows on one journal merge rather than overwrite each other; `refresh()`
picks up such a change between writes (the app calls it every few seconds).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from debrief.model import (
    Bundle,
    Decision,
    Draft,
    FollowUp,
    Interview,
    NoteDraft,
    Opportunity,
    Reflection,
    Settings,
    due_order,
    to_dict,
)
from debrief.store import encryption
from debrief.store.database import DatabaseFile
from debrief.store.decoding import check_links, decode_tables
from debrief.store.drafts import DraftsFile
from debrief.store.fileformat import FORMAT_NAME
from debrief.store.files import (
    JournalError,
    backup_as_it_is,
    backup_path_of,
    file_lock,
    lock_path_of,
    refuse_if_not_ours,
    same_file,
    tighten,
)
from debrief.store.journal_path import drafts_path_of, set_aside_drafts
from debrief.store.records import RECORD_TABLES, TRASH, Records
from debrief.store.sealed import Sealer

__all__ = ["Journal", "JournalError", "change_encryption", "drafts_path_of"]


class Journal:
    """Opportunities, reflections, follow-ups, settings and drafts of one journal file."""

    def __init__(
        self,
        path: Path,
        *,
        readonly: bool = False,
        sealer: Sealer | None = None,
        with_followups: bool = True,
    ) -> None:
        if path.is_dir():
            raise JournalError(
                f"{path} is a folder; a journal is a file. Pass a file path with --db."
            )
        self.path = path  # as given (shown to the user)
        self.readonly = readonly
        # A symbolic link (to a synced folder, say) is followed once, here: the file, its
        # temporaries, backup, drafts and lock all live beside the target, and the link
        # stays a link.
        real = path.resolve() if path.is_symlink() else path
        if not readonly:
            refuse_if_not_ours(real)
        lock = lock_path_of(real)
        self.sealer = sealer  # set: the journal is encrypted (see sealed.py)
        self._main = DatabaseFile(real, FORMAT_NAME, readonly=readonly, lock=lock, sealer=sealer)
        self._drafts = DraftsFile(real, readonly=readonly, lock=lock, sealer=sealer)
        self._records = Records()
        if not with_followups and not readonly:
            raise ValueError("only a read-only journal may leave its follow-ups unread")
        self._tables = {
            name: kind
            for name, kind in RECORD_TABLES.items()
            if with_followups or name != "followups"
        }
        self._read_generation = -1  # the storage's generation the records were read from
        self.revision = 0  # changes whenever the records may have: a save, or a refresh
        self.notices: list[str] = []  # what opening had to do that the user should hear

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        readonly: bool = False,
        sealer: Sealer | None = None,
        with_followups: bool = True,
    ) -> Journal:
        """Open (creating when missing, unless read-only) and read every record, or raise
        JournalError naming what is wrong. Read-only: no lock, no write, ever. An encrypted
        journal needs its `sealer` (`sealed.unlock`): without one, PassphraseNeeded.
        `with_followups=False` (read-only): the follow-ups are not read, for a listing that
        shows none (a third of `debrief list`'s time at 1,000 reflections)."""
        journal = cls(
            Path(path).expanduser(),
            readonly=readonly,
            sealer=sealer,
            with_followups=with_followups,
        )
        if not readonly:  # a change of encryption left unfinished: completed first
            finished = encryption.finish_change(journal.file_path, sealer)
            if finished is not None:
                journal = cls(journal.path, sealer=finished.sealer, with_followups=with_followups)
                journal.notices.append(finished.notice())
        journal._main.check(create=not readonly, validate=journal._validate_journal)
        journal._sync()
        if not readonly:  # (the shell never reads drafts)
            notice = journal._drafts.set_aside_if_unusable()
            if notice is not None:
                journal.notices.append(notice)
            journal._main.tidy()
            journal._drafts.tidy()
            journal._forget_finished_notes()
            journal.empty_trash()
        return journal

    def refresh(self) -> bool:
        """Read the file again if another process changed it; True if it did. Raises
        JournalError if it is now damaged (the records read before stay in memory)."""
        before = self.revision
        self._sync()
        return self.revision != before

    @property
    def file_path(self) -> Path:
        """Where the journal really is (a symbolic link followed)."""
        return self._main.path

    @property
    def backup_path(self) -> Path:
        return backup_path_of(self.file_path)

    @property
    def drafts_path(self) -> Path:
        return self._drafts.path

    def own_file(self, target: Path) -> Path | None:
        """The journal's own file `target` names, by any name (a link, a hard link), or
        None: the journal, its backup, its drafts, their backup and its lock are never an
        export's target, even one that may replace a file."""
        return next((file for file in self._own_files() if same_file(target, file)), None)

    def _own_files(self) -> tuple[Path, ...]:
        drafts = self.drafts_path
        return (self.file_path, self.backup_path, drafts, backup_path_of(drafts), self._main.lock)

    def _keep_private(self) -> None:
        """After a save: none of the journal's own files is looser than 0600 (a drafts
        file made 0666 by hand is tightened by the next save of either file; a stricter
        mode stays)."""
        for file in self._own_files():
            tighten(file)

    # --- reading -------------------------------------------------------------------

    def reflections(self) -> list[Reflection]:
        """Every reflection, newest interview first."""
        return self._records.newest_first()

    def reflection(self, reflection_id: str) -> Reflection | None:
        return self._records.reflections.get(reflection_id)

    def rounds(self, opportunity_id: str) -> list[Reflection]:
        """Every interview round of one opportunity, oldest first."""
        return self._records.rounds(opportunity_id)

    def opportunities(self) -> list[Opportunity]:
        """Every opportunity, by company then role."""
        return self._records.by_company()

    def opportunity(self, opportunity_id: str) -> Opportunity | None:
        return self._records.opportunities.get(opportunity_id)

    def opportunity_of(self, reflection_id: str) -> Opportunity | None:
        """The opportunity a reflection belongs to."""
        reflection = self.reflection(reflection_id)
        return None if reflection is None else self.opportunity(reflection.opportunity_id)

    def find_opportunity(self, company: str, role: str) -> Opportunity | None:
        """The opportunity with this company and role, ignoring case and spacing."""
        return self._records.find_opportunity(company, role)

    def followups(self, reflection_id: str | None = None) -> list[FollowUp]:
        """One reflection's follow-ups, soonest first; or every follow-up, in no order."""
        if "followups" not in self._tables:
            raise RuntimeError("this journal was opened without its follow-ups")
        if reflection_id is None:
            return list(self._records.followups.values())
        return sorted(self._records.plan(reflection_id), key=due_order)

    def followup(self, followup_id: str) -> FollowUp | None:
        return self._records.followups.get(followup_id)

    def interviews(self) -> list[Interview]:
        """Every scheduled interview, soonest first (reflected and dismissed ones too)."""
        return sorted(self._records.interviews.values(), key=lambda i: i.start.timestamp())

    def interview(self, interview_id: str) -> Interview | None:
        return self._records.interviews.get(interview_id)

    def settings(self) -> Settings:
        return self._records.settings or Settings()

    def decision(self) -> Decision:
        """The saved comparison (criteria, weights, scores, what was chosen), or the defaults."""
        return self._records.decision or Decision()

    def drafts(self) -> list[Draft]:
        """Unfinished questionnaires, most recently touched first."""
        return self._drafts.drafts()

    def in_trash(self) -> list[str]:
        """Ids of reflections deleted in this session and not yet restored."""
        return [str(entry["id"]) for entry in self._main.table(TRASH).all()]

    def deleted(self) -> dict[str, datetime]:
        """Ids of the records deleted from this journal, and when (never brought back by a
        sync conflict copy)."""
        return dict(self._records.deleted)

    def bundle(self) -> Bundle:
        """Every record, for an export; settings and decision only if they were ever saved."""
        records = self._records
        return Bundle(
            opportunities=tuple(records.opportunities.values()),
            reflections=tuple(records.newest_first()),
            followups=tuple(records.followups.values()),
            settings=records.settings,
            decision=records.decision,
            interviews=tuple(records.interviews.values()),
        )

    # --- writing -------------------------------------------------------------------

    def save_reflection(
        self,
        reflection: Reflection,
        opportunity: Opportunity,
        followups: Sequence[FollowUp] | None = None,
    ) -> None:
        """Store a reflection, its opportunity and their follow-ups in one atomic write.

        `followups`, when given, becomes the whole plan of the opportunity's rounds, this
        one included (`followups.plan` works it out). An edit that moves the reflection to
        another opportunity removes the old one if no round is left.
        """
        if reflection.opportunity_id != opportunity.id:
            raise ValueError("the reflection belongs to another opportunity")
        with self._write() as records:
            before = records.reflections.get(reflection.id)
            records.put(self._main, "opportunities", [opportunity])
            records.put(self._main, "reflections", [reflection])
            if followups is not None:
                records.replace_plan(self._main, opportunity.id, followups)
            if before is not None and before.opportunity_id != opportunity.id:
                # (moved from its last round)
                records.drop_if_unused(self._main, before.opportunity_id)
            scheduled = records.interviews.get(reflection.interview_id or "")
            if scheduled is not None and scheduled.reflection_id != reflection.id:
                linked = replace(
                    scheduled, reflection_id=reflection.id, updated_at=reflection.updated_at
                )
                records.put(self._main, "interviews", [linked])  # reflected on: off the agenda

    def save_interview(self, interview: Interview, opportunity: Opportunity) -> None:
        """Store a scheduled interview and its opportunity (new or changed), in one write."""
        if interview.opportunity_id != opportunity.id:
            raise ValueError("the interview belongs to another opportunity")
        with self._write() as records:
            before = records.interviews.get(interview.id)
            records.put(self._main, "opportunities", [opportunity])
            records.put(self._main, "interviews", [interview])
            if before is not None and before.opportunity_id != opportunity.id:
                records.drop_if_unused(self._main, before.opportunity_id)

    def save_interviews(
        self, interviews: Sequence[Interview], opportunities: Sequence[Opportunity]
    ) -> None:
        """Store several scheduled interviews with their opportunities (a calendar import)."""
        with self._write() as records:
            records.put(self._main, "opportunities", opportunities)
            records.put(self._main, "interviews", interviews)

    def delete_interview(self, interview_id: str) -> None:
        """Remove a scheduled interview (and its opportunity, if nothing else uses it)."""
        with self._write() as records:
            interview = records.interviews[interview_id]
            records.take(self._main, "interviews", [interview_id])
            records.drop_if_unused(self._main, interview.opportunity_id)

    def save_plan(self, opportunity: Opportunity, followups: Sequence[FollowUp]) -> None:
        """Store an opportunity (its status, say) and the whole plan of its rounds, in one
        atomic write (after something was done about one of them: a chain moves on)."""
        with self._write() as records:
            if opportunity.id not in records.opportunities:
                raise gone(opportunity)
            records.put(self._main, "opportunities", [opportunity])
            records.replace_plan(self._main, opportunity.id, followups)

    def save_opportunity(self, opportunity: Opportunity) -> None:
        """Store a changed opportunity (its status, say); every round shows the change."""
        with self._write() as records:
            if opportunity.id not in records.opportunities:
                raise gone(opportunity)
            records.put(self._main, "opportunities", [opportunity])

    def delete_reflection(self, reflection_id: str, *, now: datetime) -> None:
        """Move a reflection (and its opportunity, if this was its last round) to the trash.

        The trash exists for undo: it is emptied when the app closes (`empty_trash`).
        """
        with self._write() as records:
            records.move_to_trash(self._main, reflection_id, now)

    def restore_reflection(self, reflection_id: str) -> None:
        """Undo a delete: everything goes back exactly as it was."""
        with self._write() as records:
            records.restore_from_trash(self._main, reflection_id, self.path)

    def apply_import(self, writes: Bundle) -> None:
        """Store imported records in one atomic write: all of them, or none."""
        with self._write() as records:
            records.put_bundle(self._main, writes)

    def apply_merge(
        self,
        writes: Bundle,
        deletions: Mapping[str, Sequence[str]],
        deleted_elsewhere: Mapping[str, datetime],
    ) -> None:
        """Store a merged copy's changes in one write: records written, records deleted
        (by table), and the deletions the other device made, remembered from now on."""
        with self._write() as records:
            records.put_bundle(self._main, writes)
            for table_name, ids in deletions.items():
                records.take(self._main, table_name, ids)
            records.remember_deletions(self._main, deleted_elsewhere)

    def restore(self, snapshot: Path) -> None:
        """Make the journal what `snapshot` (a copy of its file, kept before a merge)
        holds, in one write; the current file becomes the backup. JournalError for a
        snapshot that is damaged or not a journal (nothing changed)."""
        kept = Journal.open(snapshot, readonly=True, sealer=self.sealer)
        data = kept._main.read()
        if data is None:
            raise JournalError(f"{snapshot} is gone: nothing was changed.")
        with self._main.transaction():
            self._main.storage.write(data)
        self._read_generation = -1  # (every record read again, from what was written)
        self._sync()

    def save_decision(self, decision: Decision) -> None:
        """Store the comparison, unless it is already what is stored (the compare screen
        saves after every change, opening it included)."""
        if decision == self.decision():  # (the defaults need not be stored either)
            return
        with self._write() as records:
            self._main.replace_single("decision", to_dict(decision))
            records.decision = decision

    def save_settings(self, settings: Settings) -> None:
        with self._write() as records:
            self._main.replace_single("settings", to_dict(settings))
            records.settings = settings

    def save_draft(self, draft: Draft) -> None:
        """Upsert a draft in the sidecar file (created on first use)."""
        self._drafts.save(draft)
        self._keep_private()

    def note_draft(self, followup_id: str) -> NoteDraft | None:
        """A follow-up's draft as the user edited it, while the follow-up is pending."""
        item = self.followup(followup_id)
        if item is None or not item.pending:
            return None
        return self._drafts.note(followup_id)

    def save_note_draft(self, note: NoteDraft) -> None:
        """Keep a follow-up's edited draft in the sidecar file (created on first use)."""
        self._drafts.save_note(note)
        self._keep_private()

    def discard_note_draft(self, followup_id: str) -> None:
        """Back to the generated text: the edited draft is no longer kept."""
        if self._drafts.read() is not None:
            self._drafts.discard_notes({followup_id})

    def _forget_finished_notes(self) -> None:
        """Edited drafts of follow-ups since done, skipped or gone are not kept on (an
        undo in the session that finished one still found its draft)."""
        with contextlib.suppress(JournalError):
            finished = {
                note.id
                for note in self._drafts.notes()
                if (item := self.followup(note.id)) is None or not item.pending
            }
            if finished:
                self._drafts.discard_notes(finished)

    def discard_draft(self, draft_id: str) -> None:
        if self._drafts.read() is None:
            return
        self._drafts.discard(draft_id)
        self._keep_private()

    # --- internals -----------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[Records]:
        """One atomic write under the lock, on a copy of the records that replaces them
        only once the file is written (a failed write leaves them as they were)."""
        with self._main.transaction():
            self._sync()  # under the lock: pick up what another process wrote
            records = self._records.copy()
            yield records
            records.remember_deletions(self._main)
        self._records = records
        self.revision += 1
        self._keep_private()

    def empty_trash(self) -> None:
        """Deleted reflections are kept only for undo within one session: the app empties
        the trash as it closes (and opening does, after a session that could not). Their
        text is then gone from the file and from its backup, which becomes the file as it
        is (the version before differed only by the trash); the drafts' backup too, which
        may still hold the draft it was written from."""
        if self.readonly or not self._main.table(TRASH):
            return
        with self._write():
            self._main.database.drop_table(TRASH)
        with file_lock(self._main.lock):
            backup_as_it_is(self.file_path)
            if self.drafts_path.exists():  # (its backup may hold the deleted one's draft)
                backup_as_it_is(self.drafts_path)

    def _sync(self) -> None:
        """Read every record again if the file changed since they were read."""
        self._main.read()
        if self._main.storage.generation == self._read_generation:
            return
        self._records = Records.read(self._main, self._tables, self.path)
        self._read_generation = self._main.storage.generation
        self.revision += 1

    def _validate_journal(self, data: dict[str, Any]) -> None:
        """Decode every record of a raw journal file (JournalError at the first bad one)."""
        tables = {**RECORD_TABLES, "settings": Settings, "decision": Decision}
        decoded = decode_tables(data, tables, self._main.path)
        check_links(decoded, self._main.path)


def change_encryption(
    path: Path, current: Sealer | None, new: Sealer | None, copies: Sequence[Path] = ()
) -> list[Path]:
    """Rewrite the journal, its backup, its drafts and their backup sealed with `new`
    (None: plain), each opened with `current` (or `new`: a file the change has sealed
    already), with `copies` and any drafts files set aside as damaged that are in the
    current form; the files rewritten. How a change always completes, wherever it is
    stopped: `store/encryption.py`.

    The journal is checked first (opened with `current`, read-only): a wrong passphrase
    or a damaged journal changes nothing."""
    real = path.resolve() if path.is_symlink() else path
    Journal.open(real, readonly=True, sealer=current)
    copies = [*copies, *set_aside_drafts(real)]
    return encryption.change_encryption(real, current, new, copies)


def gone(opportunity: Opportunity) -> JournalError:
    """An opportunity changed on a screen left open while it was deleted elsewhere (its
    last round deleted from the journal, in another place or another window)."""
    return JournalError(
        f"{opportunity.title} is no longer in the journal (its last interview was deleted): "
        "nothing was saved."
    )
