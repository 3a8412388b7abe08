"""The home screen: the latest reflections, or a first-run invitation to write one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pendulum
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Static

from debrief.dates import plural, relative_or_absolute
from debrief.model import Reflection
from debrief.store.journal import Journal
from debrief.ui.screens.view import JournalView

LATEST = 15  # rows on the home screen; the journal browser shows everything

EMPTY_STATE = (
    "Your journal is empty.\n\n"
    "Just had an interview? Press  n  to reflect on it while it is fresh:\n"
    "a few minutes of guided questions, one step at a time.\n\n"
    "Everything stays in one file on this computer."
)


def display_path(path: Path) -> str:
    """The journal's path as a user would type it: `~/…` under the home folder."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


class HomeScreen(JournalView):
    """Latest reflections, newest first."""

    BINDINGS = [
        Binding(
            "n",
            "app.new_reflection",
            "New reflection",
            id="home.new",
            tooltip="Reflect on an interview you just had",
        ),
    ]

    def __init__(self, journal: Journal, clock: Callable[[], pendulum.DateTime]) -> None:
        super().__init__()
        self.journal = journal
        self.clock = clock

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static(Content(EMPTY_STATE), id="empty-state")
            yield Static(id="latest-title")
            yield DataTable(id="latest", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#latest", DataTable)
        for label in ("When", "Company", "Role", "Stage", "Rating", "Status"):
            table.add_column(label, key=label.lower())
        self.sub_title = display_path(self.journal.path)
        self.reload()

    def reload(self) -> None:
        reflections = self.journal.reflections()
        empty = not reflections
        self.query_one("#empty-state").display = empty
        self.query_one("#latest").display = not empty
        self.query_one("#latest-title").display = not empty
        if empty:
            return
        opportunities = len(self.journal.opportunities())
        self.query_one("#latest-title", Static).update(
            Content.from_markup(
                "[b]Latest reflections[/b] [dim]· $count in your journal, $opportunities[/dim]",
                count=str(len(reflections)),
                opportunities=plural(opportunities, "opportunity", "opportunities"),
            )
        )
        table = self.query_one("#latest", DataTable)
        table.clear()
        now = self.clock()
        for reflection in reflections[:LATEST]:
            table.add_row(*self._cells(reflection, now), key=reflection.id)

    def _cells(self, reflection: Reflection, now: pendulum.DateTime) -> list[Text]:
        opportunity = self.journal.opportunity(reflection.opportunity_id)
        return [
            Text(relative_or_absolute(reflection.interview_at, now)),
            Text(opportunity.company if opportunity else "?"),
            Text(opportunity.role if opportunity else "?"),
            Text(reflection.stage.label if reflection.stage else "—"),
            Text(f"{reflection.rating:>2} / 10"),
            Text(opportunity.status.label if opportunity else ""),
        ]

    @on(DataTable.RowSelected, "#latest")
    def _open(self, event: DataTable.RowSelected) -> None:
        from debrief.ui.screens.detail import DetailScreen

        if event.row_key.value is not None:
            self.app.push_screen(DetailScreen(self.journal, event.row_key.value))
