"""Importing calendar invitations: every event of the file with its guess (an interview or
not, company, role, stage, when, who), to untick, correct and confirm, keyboard-only.

Space ticks or unticks the highlighted event; Enter (or e) goes to its company and role,
Enter again back to the list; Ctrl+S imports what is ticked; Esc cancels. Nothing is
written here: the screen gives the guesses back, as corrected, and the flow imports them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, Label, Static

from debrief.columns import TableColumn
from debrief.dates import Clock
from debrief.invitation_preview import details_of, row_of
from debrief.invitations import COMPANY_UNKNOWN, ROLE_UNKNOWN, Guess
from debrief.ui.widgets.footer import KeysFooter
from debrief.ui.widgets.virtual_table import VirtualTable

COLUMNS = (
    TableColumn("take", "", 3),
    TableColumn("when", "When", 18),
    TableColumn("company", "Company", 18, narrowest=12),
    TableColumn("role", "Role", 26, narrowest=14),
    TableColumn("stage", "Stage", 15, drop=1),  # (below 100 columns: in the details)
    TableColumn("what", "", 16, narrowest=10),
)


class InvitationsPreviewScreen(Screen[list[Guess] | None]):
    """The events of one calendar file, as guessed; the result is the guesses as the user
    left them (None: cancelled)."""

    BINDINGS = [
        Binding("ctrl+s", "import", "Import", id="invitations.import", priority=True),
        Binding("space", "tick", "Tick", id="invitations.tick"),
        Binding("e", "edit", "Correct", id="invitations.edit", tooltip="Company and role"),
        Binding("escape", "back", "Cancel", id="invitations.cancel"),
    ]

    def __init__(self, file_name: str, guesses: list[Guess], clock: Clock) -> None:
        super().__init__()
        self.file_name = file_name
        self.guesses = list(guesses)
        self.clock = clock

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="invitations"):
            yield Static(id="invitations-count")
            yield VirtualTable(COLUMNS, id="invitations-table")
            yield Static(id="invitations-detail")
            with Horizontal(id="invitations-edit"):
                yield Label(Content("Company"))
                yield Input(id="invitation-company", compact=True, select_on_focus=False)
                yield Label(Content("Role"))
                yield Input(id="invitation-role", compact=True, select_on_focus=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = f"Import {self.file_name}"
        self._show(0)
        self.query_one("#invitations-table", VirtualTable).focus()

    # --- showing ----------------------------------------------------------------------------

    @property
    def now(self) -> datetime:
        return self.clock()

    @property
    def row(self) -> int:
        return self.query_one("#invitations-table", VirtualTable).cursor_row

    def _show(self, cursor: int) -> None:
        now = self.now
        rows = [row_of(guess, now) for guess in self.guesses]
        table = self.query_one("#invitations-table", VirtualTable)
        table.show_rows(len(rows), lambda row, key: rows[row][key], cursor=cursor, fit=True)
        ticked = sum(guess.ticked for guess in self.guesses)
        events = f"{len(self.guesses)} event" + ("" if len(self.guesses) == 1 else "s")
        self.query_one("#invitations-count", Static).update(
            Content.styled(
                f"{events}, {ticked} to import · Space ticks · Enter or e corrects"
                " · Ctrl+S imports",
                "$text-muted",
            )
        )
        self._show_detail(cursor)

    def _show_detail(self, row: int) -> None:
        if not 0 <= row < len(self.guesses):
            self.query_one("#invitations-detail", Static).update(
                Content("There is no event in this file.")
            )
            return
        guess = self.guesses[row]
        lines = details_of(guess, self.now)
        self.query_one("#invitations-detail", Static).update(
            Content.styled(lines[0], "bold") + Content("\n" + "\n".join(lines[1:]))
        )
        # (a guess's "to confirm" is a hint, not text to delete before typing the real one)
        for key, value, unknown in (
            ("company", guess.company, COMPANY_UNKNOWN),
            ("role", guess.role, ROLE_UNKNOWN),
        ):
            field = self.query_one(f"#invitation-{key}", Input)
            field.placeholder = unknown
            value = "" if value == unknown else value
            if field.value != value:
                with field.prevent(Input.Changed):
                    field.value = value

    @on(VirtualTable.Highlighted)
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        self._show_detail(event.row)

    # --- changing --------------------------------------------------------------------------

    def action_tick(self) -> None:
        row = self.row
        if not 0 <= row < len(self.guesses):
            return
        guess = self.guesses[row]
        if guess.action in ("unchanged", "nothing"):
            self.notify(
                f"Nothing to import: {guess.why or 'as imported before'}.",
                markup=False,
                timeout=4,
            )
            return
        self.guesses[row] = replace(guess, ticked=not guess.ticked)
        self._show(row)

    @on(VirtualTable.Selected)
    def action_edit(self) -> None:
        if 0 <= self.row < len(self.guesses):
            field = self.query_one("#invitation-company", Input)
            field.focus()
            field.cursor_position = len(field.value)

    @on(Input.Changed)
    def _corrected(self, event: Input.Changed) -> None:
        row = self.row
        if not 0 <= row < len(self.guesses) or event.input.id is None:
            return
        key = event.input.id.removeprefix("invitation-")
        guess = self.guesses[row]
        # (a correction is the user's own: it joins an opportunity by its name, not a hint)
        if key == "company":
            self.guesses[row] = replace(guess, opportunity=None, company=event.value)
        elif key == "role":
            self.guesses[row] = replace(guess, opportunity=None, role=event.value)
        table = self.query_one("#invitations-table", VirtualTable)
        now = self.now
        rows = [row_of(g, now) for g in self.guesses]
        table.show_rows(len(rows), lambda r, k: rows[r][k], cursor=row)

    @on(Input.Submitted, "#invitation-company")
    def _to_role(self) -> None:
        self.query_one("#invitation-role", Input).focus()

    @on(Input.Submitted, "#invitation-role")
    def _to_table(self) -> None:
        self.query_one("#invitations-table", VirtualTable).focus()

    def action_back(self) -> None:
        """Esc: from a field back to the list; on the list, cancel the import."""
        if isinstance(self.focused, Input):
            self.query_one("#invitations-table", VirtualTable).focus()
            return
        self.dismiss(None)

    def action_import(self) -> None:
        if not any(guess.ticked for guess in self.guesses):
            self.notify("Nothing is ticked: Space ticks an event.", timeout=4)
            return
        self.dismiss(self.guesses)
