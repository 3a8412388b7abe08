"""Acting on an opportunity from any screen: its details, its status, their reply,
deleting a reflection; and `u`, which undoes the newest change (each an inverse, see
`debrief.inverse`)."""

from __future__ import annotations

from debrief.actions.followups import CantUndo, change_status, reply_received
from debrief.actions.reflections import delete_reflection, restore_last_deleted
from debrief.actions.settings import save_job_details
from debrief.dates import DateParseError, format_day, parse_when, plural
from debrief.model import Opportunity, Reply, Status
from debrief.store.journal import JournalError
from debrief.ui import messages
from debrief.ui.flows import Host


class OpportunityActions:
    """What the reflection view, the journal and home ask the app to do about an
    opportunity; `undoable` keeps the changes `u` can undo, newest last, until quitting."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.undoable: list[messages.Undoable] = []

    def _failed(self, error: Exception) -> None:
        self.host.notify(str(error), severity="error", markup=False)

    def edit_details(self, reflection_id: str) -> None:
        from debrief.ui.screens.job_details import JobDetailsScreen

        host = self.host
        opportunity = host.journal.opportunity_of(reflection_id)
        if opportunity is None:
            return

        def saved(changed: Opportunity | None) -> None:
            if changed is None:
                return
            try:
                save_job_details(host.journal, changed)
            except JournalError as error:
                self._failed(error)
                return
            host.reload_view()
            host.notify(f"{changed.title}: details saved.", markup=False)

        host.show(JobDetailsScreen(opportunity, host.clock()), saved)

    def change_status(self, reflection_id: str) -> None:
        """Pick a new status for the reflection's opportunity (all its rounds show it)."""
        from debrief.ui.screens.dialogs import ChoiceScreen

        host = self.host
        opportunity = host.journal.opportunity_of(reflection_id)
        if opportunity is None:
            return

        def chosen(value: str | None) -> None:
            if value is None or value == opportunity.status.value:
                return
            try:
                changed = change_status(host.journal, opportunity, Status(value), host.clock())
            except JournalError as error:
                self._failed(error)
                return
            rounds = plural(len(host.journal.rounds(opportunity.id)), "round")
            host.notify(
                f"{opportunity.title}: “{changed.status.label}”, shown on its {rounds}.",
                title="Status changed",
                markup=False,
            )

        choices = [(status.value, status.label) for status in Status]
        title = f"Status of {opportunity.title}"
        host.show(ChoiceScreen(title, choices, opportunity.status.value), chosen)

    def record_reply(self, reflection_id: str) -> None:
        """They got back to you: what they said, then when; the chasers are retired, the
        status follows, and the wait counts in the trends. `u` undoes it."""
        from debrief.ui.screens.dialogs import ChoiceScreen, PromptScreen

        host = self.host
        opportunity = host.journal.opportunity_of(reflection_id)
        rounds = host.journal.rounds(opportunity.id) if opportunity else []
        if opportunity is None or not rounds:
            return
        latest = rounds[-1]
        now = host.clock()

        def when_problem(text: str) -> str | None:
            try:
                moment = parse_when(text, now, prefer="past")
            except DateParseError as error:
                return str(error)
            if moment > now:
                return "That is still to come: when did they reply?"
            return None if moment >= latest.interview_at else "That is before the interview"

        def record(reply: Reply, text: str | None) -> None:
            if text is None:
                return
            at = parse_when(text, now, prefer="past")
            try:
                undo = reply_received(host.journal, opportunity, reply, at, now)
            except JournalError as error:
                self._failed(error)
                return
            what = f"{opportunity.title}: {reply.label.lower()}"
            self.remember(messages.Undoable(what, lambda: undo(host.clock())))
            host.reload_view()
            host.notify(
                f"{what}. Its status checks are retired. (u undoes)",
                title="Reply recorded",
                markup=False,
            )

        def chosen(value: str | None) -> None:
            if value is None:
                return
            reply = Reply(value)
            prompt = PromptScreen("When did they reply?", "Date", value="today", check=when_problem)
            host.show(prompt, lambda text: record(reply, text))

        round_text = f"round {len(rounds)}" if len(rounds) > 1 else "your interview"
        choices = [(reply.value, reply.label) for reply in Reply]
        title = f"{opportunity.title} replied about {round_text}: what did they say?"
        host.show(ChoiceScreen(title, choices, ""), chosen)

    def delete(self, reflection_id: str) -> None:
        """Ask first; once deleted, `u` in the journal (or the palette's Undo delete)
        brings it back until the app closes."""
        from debrief.ui.screens.dialogs import ConfirmScreen

        host = self.host
        reflection = host.journal.reflection(reflection_id)
        opportunity = host.journal.opportunity(reflection.opportunity_id) if reflection else None
        if reflection is None or opportunity is None:
            return
        what = f"{opportunity.title}, {format_day(reflection.interview_at)}"

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                delete_reflection(host.journal, reflection_id, host.clock())
            except JournalError as error:
                self._failed(error)
                return
            # The screen underneath redraws itself when the dialog closes (a detail view
            # of the deleted reflection closes itself).
            host.notify(
                f"{what}. Press u in the journal to undo.",
                title="Reflection deleted",
                timeout=10,
                markup=False,
            )

        question = f"Delete your reflection on {what}? You can undo this until you quit."
        host.show(ConfirmScreen("Delete reflection", question, confirm_label="Delete"), confirmed)

    def undo_delete(self) -> None:
        try:
            restored = restore_last_deleted(self.host.journal)
        except JournalError as error:
            self._failed(error)
            return
        if not restored:
            self.host.notify("Nothing to undo.")
            return
        self.host.reload_view()
        self.host.notify("The reflection is back.", title="Delete undone")

    def remember(self, change: messages.Undoable) -> None:
        self.undoable.append(change)

    def undo_last(self) -> None:
        """Undo the newest change: its inverse, on the records as they are now."""
        if not self.undoable:
            self.host.notify("Nothing to undo.")
            return
        change = self.undoable.pop()
        try:
            change.undo()
        except (CantUndo, JournalError) as error:
            self.host.notify(
                f"Can't undo “{change.what}”: {error}", severity="warning", markup=False
            )
            return
        self.host.reload_view()
        self.host.notify(f"Undone: “{change.what.rstrip('.')}”", markup=False, timeout=4)
