"""Follow-ups behind you: what was done, skipped or no longer needed, the most recent first.

A thank-you marked done by mistake is put back on the agenda from here (`r`), and the
reflection each one came from opens with Enter.
"""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Header, Static

from debrief.actions.followups import StaysFinished, put_back_on_agenda, why_it_stays
from debrief.columns import TableColumn
from debrief.dates import Clock, format_moment, plural, relative_or_absolute
from debrief.followups import Finished, Outcome, describe, history
from debrief.store.journal import Journal, JournalError
from debrief.ui.guard import TypingGuard
from debrief.ui.messages import Undoable, UndoLast
from debrief.ui.screens.view import JournalView
from debrief.ui.widgets.footer import KeysFooter
from debrief.ui.widgets.virtual_table import VirtualTable

COLUMNS = (
    TableColumn("when", "When", 16),
    TableColumn("outcome", "", 10),
    TableColumn("what", "Follow-up", 40, narrowest=22),
    # (never dropped: which company; cut first, so the follow-up keeps its person's name)
    TableColumn("where", "Opportunity", 34, narrowest=15, yields=True),
)
IN_THE_TABLE = {Outcome.DONE: "Done", Outcome.SKIPPED: "Skipped", Outcome.RETIRED: "Not needed"}
SINCE = {
    Outcome.DONE: "Done on",
    Outcome.SKIPPED: "Skipped on",
    Outcome.RETIRED: "Not needed since",
}


def when_finished(moment: datetime, now: datetime) -> str:
    """`3 hours ago` within a week, else the day, short (`25 Nov`, `25 Nov 2025`)."""
    if abs(now.timestamp() - moment.timestamp()) <= 7 * 86400:
        return relative_or_absolute(moment, now)
    return moment.strftime("%-d %b" if moment.year == now.year else "%-d %b %Y")


EMPTY = (
    "Nothing behind you yet. Follow-ups you mark done (Space on the home screen) or skip (x) "
    "are listed here, the most recent first, with the ones a later round or a reply made "
    "unnecessary."
)


class HistoryScreen(JournalView):
    """The history as a table; the highlighted item's details below it."""

    ENTER = "Opens the reflection the highlighted follow-up belongs to"

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="history.back"),
        Binding("r", "reopen", "Back on the agenda", id="history.reopen"),
        Binding(
            "u", "undo", "Undo", id="history.undo", show=False, tooltip="Undo the last change"
        ),
    ]

    def __init__(
        self,
        journal: Journal,
        clock: Clock,
        typing: TypingGuard | None = None,
    ) -> None:
        super().__init__(journal, clock, typing)
        self.finished: list[Finished] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="history"):
            yield Static(id="history-count")
            yield VirtualTable(COLUMNS, id="history-table")
            yield Static(id="history-detail")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Follow-ups behind you"
        self.reload()
        self.query_one("#history-table").focus()

    def reload(self) -> None:
        table = self.query_one("#history-table", VirtualTable)
        keep = self._highlighted()
        self.finished = history(self.journal.followups())
        now = self.clock()
        rows = []
        for finished in self.finished:
            opportunity = self.journal.opportunity_of(finished.item.reflection_id)
            rows.append(
                {
                    "when": when_finished(finished.at, now),
                    "outcome": IN_THE_TABLE[finished.outcome],
                    "what": describe(finished.item, brief=True),
                    "where": f"{opportunity.company} — {opportunity.role}" if opportunity else "",
                }
            )
        ids = [f.item.id for f in self.finished]
        cursor = ids.index(keep.item.id) if keep is not None and keep.item.id in ids else 0
        table.show_rows(len(rows), lambda row, key: rows[row][key], cursor=cursor, fit=True)
        table.display = bool(rows)
        done = sum(f.outcome is Outcome.DONE for f in self.finished)
        self.query_one("#history-count", Static).update(
            Content.styled(
                f"{plural(done, 'follow-up')} done, {len(self.finished) - done} skipped or "
                "not needed · Enter opens the reflection",  # (one line at 80 columns)
                "$text-muted",
            )
            if rows
            else Content(EMPTY)
        )
        if not rows:
            self.query_one("#history-detail", Static).update("")
        self.refresh_bindings()  # (r follows the highlighted item: check_action)

    def _highlighted(self) -> Finished | None:
        if not self.is_mounted or not self.finished:
            return None
        row = self.query_one("#history-table", VirtualTable).cursor_row
        return self.finished[row] if 0 <= row < len(self.finished) else None

    @on(VirtualTable.Highlighted)
    def _show_detail(self, event: VirtualTable.Highlighted) -> None:
        if not 0 <= event.row < len(self.finished):
            return
        finished = self.finished[event.row]
        item = finished.item
        opportunity = self.journal.opportunity_of(item.reflection_id)
        where = f" · {opportunity.company} — {opportunity.role}" if opportunity else ""
        lines = [
            Content.styled(describe(item), "bold") + Content(where),
            Content(
                f"{SINCE[finished.outcome]} {format_moment(finished.at)} · "
                f"it was due {format_moment(item.due)}"
            ),
        ]
        if item.note:
            lines.append(Content.styled(f"✎ {item.note}", "$text-muted"))
        if finished.outcome is Outcome.RETIRED:
            lines.append(
                Content.styled(
                    "A later round, their reply or a withdrawal took its place.", "$text-muted"
                )
            )
        else:
            stays = why_it_stays(self.journal, item, self.clock())
            lines.append(Content.styled(stays or "r puts it back on the agenda", "$text-muted"))
        self.query_one("#history-detail", Static).update(Content("\n").join(lines))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """r is offered only on an item it can put back (not one a later round or their
        reply took the place of, nor one that stays as recorded: the line below says why)."""
        if action != "reopen":
            return True
        finished = self._highlighted()
        if finished is None or finished.outcome is Outcome.RETIRED:
            return False
        return not why_it_stays(self.journal, finished.item, self.clock())

    @on(VirtualTable.Highlighted)
    def _line_changed(self) -> None:
        self.refresh_bindings()

    @on(VirtualTable.Selected)
    def _open_reflection(self, event: VirtualTable.Selected) -> None:
        from debrief.ui.screens.detail import DetailScreen

        if 0 <= event.row < len(self.finished):
            reflection_id = self.finished[event.row].item.reflection_id
            self.app.push_screen(
                DetailScreen(self.journal, reflection_id, self.clock, typing=self.typing)
            )

    def action_reopen(self) -> None:
        finished = self._highlighted()
        if finished is None:
            return
        if finished.outcome is Outcome.RETIRED:
            self.notify(
                "No longer needed: a later round or their reply planned what comes next.",
                timeout=4,
            )
            return
        try:
            undo = put_back_on_agenda(self.journal, finished.item, self.clock())
        except StaysFinished as why:
            self.notify(str(why), severity="warning", markup=False, timeout=6)
            return
        except JournalError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        message = f"Back on the agenda: {describe(finished.item)}."
        self.post_message(Undoable(message, lambda: undo(self.clock())))
        self.reload()
        self.notify(f"{message} (u undoes)", markup=False, timeout=4)

    def action_undo(self) -> None:
        self.post_message(UndoLast())
