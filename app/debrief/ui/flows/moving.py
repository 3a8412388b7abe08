"""Moving data in and out: exporting the journal, importing an export or calendar
invitations (shown first, written on confirmation), and merging the copies a sync folder
made (a snapshot first, which "Undo the last merge" puts back).

Whatever comes from outside may hold anything: an error no rule expected becomes a
message here, never a crash report (it would print the records it was holding)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from debrief.actions.merging import (
    MERGED,
    conflict_copies,
    merge_conflict_copy,
    plan_conflict_copy,
    undo_last_merge,
)
from debrief.failures import reason
from debrief.store.journal import JournalError
from debrief.ui.flows import Host

KNOWN = (JournalError, OSError)  # errors whose own message is written for the user

if TYPE_CHECKING:
    from debrief.invitations import Guess

Planner = Callable[[Path], tuple[str, Callable[[], None]]]  # a file -> summary, write


class Moving:
    def __init__(self, host: Host) -> None:
        self.host = host

    # --- out ------------------------------------------------------------------------------

    def export(self) -> None:
        """Pick a format, then a file; the journal is written there (never over a file)."""
        from debrief.exchange import EXPORT_FORMATS, export_bundle
        from debrief.ui.screens.dialogs import ChoiceScreen

        host = self.host

        def chosen(format_name: str | None) -> None:
            if format_name is None:
                return
            stamp = host.clock().format("YYYY-MM-DD")
            suggested = Path.home() / f"debrief-{stamp}.{format_name}"

            def payload() -> bytes:
                return export_bundle(host.journal.bundle(), format_name, host.clock())

            host.save_file("Export the journal", suggested, payload, "Journal exported")

        choices = [
            (name, f"{name.upper()}\t{description}")
            for name, description in EXPORT_FORMATS.items()
        ]
        host.show(ChoiceScreen("Export the journal as…", choices, "json"), chosen)

    # --- in -------------------------------------------------------------------------------

    def import_export(self) -> None:
        """Ask for a JSON export, show what would change, merge on confirmation."""
        from debrief.actions.exchange import import_export, plan_export_import

        journal = self.host.journal

        def plan_for(source: Path) -> tuple[str, Callable[[], None]]:
            plan = plan_export_import(journal, source.read_bytes(), str(source))
            return plan.summary(), lambda: import_export(journal, plan)

        self._import("Import a JSON export", "~/debrief-2026-11-22.json", plan_for)

    def import_invitations(self) -> None:
        """Ask for an .ics file; show every event with its guess (what reads as an
        interview ticked), and import what the user confirms (again: updated)."""
        from debrief.actions.interviews import (
            import_invitations,
            plan_previewed,
            preview_invitations,
        )
        from debrief.ui.screens.dialogs import PromptScreen
        from debrief.ui.screens.invitations import InvitationsPreviewScreen

        host = self.host

        def chosen(text: str | None) -> None:
            if text is None:
                return
            source = Path(text).expanduser()
            try:
                preview = preview_invitations(
                    host.journal, source.read_bytes(), str(source), host.clock()
                )
            except Exception as error:  # (a file from outside: whatever it holds)
                why = reason(error, f"reading {source.name}", (OSError, ValueError))
                host.notify(
                    f"{why} Nothing was imported.",
                    title="Import refused",
                    severity="error",
                    markup=False,
                )
                return

            def confirmed(guesses: list[Guess] | None) -> None:
                if guesses is None:
                    return
                try:
                    now = host.clock()
                    plan = plan_previewed(host.journal, replace(preview, guesses=guesses), now)
                    import_invitations(host.journal, plan)
                except Exception as error:  # (never a crash report: it shows the records)
                    why = reason(error, "importing", (JournalError, OSError, ValueError))
                    host.notify(why, severity="error", markup=False)
                    return
                host.reload_view()
                host.notify(plan.summary(), title="Imported", markup=False)

            host.show(InvitationsPreviewScreen(source.name, preview.guesses, host.clock), confirmed)

        host.show(
            PromptScreen(
                "Import calendar invitations",
                "File",
                placeholder="~/Downloads/invitations.ics",
                check=_is_a_file,
            ),
            chosen,
        )

    def _import(self, title: str, placeholder: str, plan_for: Planner) -> None:
        """Ask for a file, say what importing it would change, write it on confirmation; a
        file that can't be imported changes nothing and says why."""
        from debrief.ui.screens.dialogs import ConfirmScreen, PromptScreen

        host = self.host

        def chosen(text: str | None) -> None:
            if text is None:
                return
            source = Path(text).expanduser()
            try:
                summary, write = plan_for(source)
            except Exception as error:  # (a file from outside: whatever it holds)
                # (ValueError: ImportRejected, InvitationsRejected)
                why = reason(error, f"reading {source.name}", (OSError, ValueError))
                host.notify(
                    f"{why} Nothing was imported.",
                    title="Import refused",
                    severity="error",
                    markup=False,
                )
                return

            def confirmed(yes: bool | None) -> None:
                if not yes:
                    return
                try:
                    write()
                except Exception as error:  # (never a crash report: it shows the records)
                    why = reason(error, "importing", (JournalError, OSError))
                    host.notify(why, severity="error", markup=False)
                    return
                host.reload_view()
                host.notify(summary, title="Imported", markup=False)

            question = f"Import {source.name}: {summary}?"
            host.show(ConfirmScreen("Import", question, confirm_label="Import"), confirmed)

        host.show(PromptScreen(title, "File", placeholder=placeholder, check=_is_a_file), chosen)

    # --- merging the copies a sync folder made ------------------------------------------------

    def merge_at_start(self, then: Callable[[], object]) -> None:
        self._offer_merges(conflict_copies(self.host.journal.file_path), then)

    def merge_copies(self) -> None:
        copies = conflict_copies(self.host.journal.file_path)
        if not copies:
            self.host.notify("No copies from other devices beside your journal.", timeout=4)
        self._offer_merges(copies, lambda: None)

    def undo_merge(self) -> None:
        host = self.host
        try:
            merged_at = undo_last_merge(host.journal)
        except JournalError as error:
            host.notify(str(error), severity="warning", markup=False)
            return
        host.reload_view()
        host.notify(
            f"Your journal is back as it was before the merge of "
            f"{merged_at:%a %-d %b, %H:%M} (the merged version is its backup).",
            title="Merge undone",
            markup=False,
        )

    def _offer_merges(
        self, copies: list[Path], then: Callable[[], object], unmerged: tuple[str, ...] = ()
    ) -> None:
        """Offer to merge each copy a sync folder made (one that brings nothing new is put
        away without asking); then say which could not be merged, and why, once every
        dialog is closed (a toast over a dialog hid its buttons for 20 s); then `then`."""
        from debrief.ui.screens.dialogs import ConfirmScreen

        host = self.host
        if not copies:
            if unmerged:
                host.notify(
                    " ".join(unmerged) + " Left as they are.",
                    title="Not merged",
                    severity="warning",
                    markup=False,
                    timeout=20,
                )
            then()
            return
        copy, rest = copies[0], copies[1:]
        try:
            plan = plan_conflict_copy(host.journal, copy)
        except Exception as error:  # (a copy is a file from outside: whatever it holds)
            why = reason(error, f"reading {copy.name}", KNOWN)
            note = f"{copy.name} looks like a copy of your journal made by a sync folder: {why}"
            self._offer_merges(rest, then, (*unmerged, note))
            return

        def merge(yes: bool | None) -> None:
            failed = unmerged
            if yes or not plan.merge.changes_anything:
                try:
                    merged, moved_to = merge_conflict_copy(host.journal, copy)
                except Exception as error:  # (never a crash report: it shows the records)
                    failed = (*unmerged, reason(error, f"merging {copy.name}", KNOWN))
                else:
                    host.reload_view()
                    host.notify(
                        f"{merged.summary()}. The copy is kept in {MERGED}/{moved_to.name}.",
                        title="Merged",
                        markup=False,
                        timeout=10,
                    )
            self._offer_merges(rest, then, failed)

        if not plan.merge.changes_anything:
            merge(True)
            return
        warning = f"⚠ {plan.warning()} " if plan.sweeping else ""
        question = (
            f"{warning}Your journal was also changed on another device: a sync folder kept "
            f"that version as {copy.name}. Merging it: {plan.summary()}. Merge? (The copy then "
            f"moves to {MERGED}/; after Esc, the palette's “Merge copies from other devices” "
            "asks again; “Undo the last merge” puts your journal back.)"
        )
        title = "Merge a copy from another device"
        host.show(ConfirmScreen(title, question, confirm_label="Merge"), merge)


def _is_a_file(text: str) -> str | None:
    target = Path(text).expanduser()
    return None if target.is_file() else f"There is no file {target}"
