"""The journal browser: every reflection in a table that searches as you type.

The table draws only visible rows (`VirtualTable`), and the search index holds each
reflection's text folded once, so a keystroke costs a few milliseconds of substring tests
and one repaint even at 10,000 reflections.
"""

from __future__ import annotations

from dataclasses import replace

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Header, Input, Static

from debrief.browse import (
    COLUMNS,
    Entry,
    Filters,
    SearchIndex,
    cell_text,
    entries_of,
    sort_entries,
)
from debrief.columns import TableColumn
from debrief.dates import Clock, plural
from debrief.store.journal import Journal
from debrief.ui.guard import TypingGuard, held_back
from debrief.ui.keyboard import LIST_KEYS
from debrief.ui.messages import (
    ChangeStatus,
    DeleteReflection,
    EditJobDetails,
    EditReflection,
    RecordReply,
    UndoDelete,
)
from debrief.ui.screens.view import JournalView
from debrief.ui.widgets.footer import KeysFooter
from debrief.ui.widgets.virtual_table import CellText, VirtualTable

SORT_ORDER = [column.key for column in COLUMNS]
DESCENDING_FIRST = {"when", "rating", "want"}  # newest and best first; names A→Z
INDEX_AFTER = 0.3  # seconds: build the search index once the table has been painted

EMPTY_JOURNAL = (
    "No reflections yet.\n\n"
    "Press  n  straight after your next interview to write the first one;\n"
    "it will appear here, searchable by anything you wrote."
)


class JournalScreen(JournalView):
    """Find, sort, filter and open past reflections."""

    HELP = LIST_KEYS
    ENTER = "Opens the highlighted reflection (in the search box: back to the table)"

    # Focus is the table's (on_mount, reload): Textual's own, on coming back with nothing
    # focused (the last reflection deleted), went to the search box, and `u` typed "u".
    AUTO_FOCUS = ""

    BINDINGS = [
        Binding(
            "slash",
            "focus_search",
            "Search",
            id="journal.search",
            tooltip="Search everything you wrote",
        ),
        # (first of the screen's keys while it acts: at 80 columns the footer ends
        # before the last ones, and after a delete this is the one that matters)
        Binding(
            "u",
            "undo",
            "Undo delete",
            id="journal.undo",
            tooltip="Bring back what you just deleted",
        ),
        Binding(
            "f",
            "filters",
            "Filter",
            id="journal.filter",
            tooltip="Filter by status, stage, company, rating, date",
        ),
        Binding(
            "x", "clear", "Clear", id="journal.clear", tooltip="Clear the search and every filter"
        ),
        Binding("s", "sort", "Sort", id="journal.sort", tooltip="Sort by the next column"),
        Binding(
            "r",
            "reverse",
            "Reverse",
            id="journal.reverse",
            show=False,
            tooltip="Reverse the sort order",
        ),
        Binding("e", "edit", "Edit", id="journal.edit", tooltip="Edit the highlighted reflection"),
        Binding(
            "o", "status", "Status", id="journal.status", tooltip="Change the opportunity's status"
        ),
        Binding(
            "i",
            "job_details",
            "Job details",
            id="journal.details",
            show=False,
            tooltip="Location, job posting and recruiter of the opportunity",
        ),
        Binding(
            "y",
            "replied",
            "They replied",
            id="journal.replied",
            show=False,
            tooltip="They got back to you: record what they said (ends the status checks)",
        ),
        Binding(
            "d,delete",
            "delete",
            "Delete",
            id="journal.delete",
            tooltip="Delete the highlighted reflection",
        ),
        Binding(
            "n",
            "app.new_reflection",
            "New",
            id="journal.new",
            show=False,
            tooltip="Reflect on a new interview",
        ),
    ]

    def __init__(
        self,
        journal: Journal,
        clock: Clock,
        typing: TypingGuard | None = None,
    ) -> None:
        super().__init__(journal, clock, typing)
        self.entries: list[Entry] = []  # every reflection, newest first
        self.ordered: list[Entry] = []  # every reflection, in the chosen sort order
        self.shown: list[Entry] = []  # what the table shows: search and filters applied
        self.filters = Filters()
        self.sort_key = "when"
        self.descending = True
        self._index: SearchIndex | None = None
        self._revision = -1
        self._now = clock()
        self._query = ""
        self._ordered_positions: list[int] = []
        self._when_cache: dict[str, str] = {}
        self._shown_sort: tuple[str, bool] | None = None
        self._fitted: tuple[int, int] | None = None  # (revision, hour) the widths were measured at
        self._undoing = False  # u was pressed: the next redraw highlights what came back

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="journal"):
            with Horizontal(id="journal-bar"):
                yield Input(placeholder="Search everything you wrote…  ( / )", id="search")
                yield Static(id="result-count")
            yield Static(id="active-filters")
            yield VirtualTable(
                [
                    TableColumn(c.key, c.label, c.width, c.numeric, c.drop, c.narrowest)
                    for c in COLUMNS
                ],
                label_room=len(" ▼"),
                id="reflections",
            )
            yield Static(Content(EMPTY_JOURNAL), id="journal-empty")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Journal"
        # Searched as the value changes, not on Input.Changed: that message came after a
        # frame showing only the typed character, and the results waited for the next
        # (~1/60 s later): one frame now, ~20 ms sooner at 10,000 reflections.
        self.watch(self.query_one("#search", Input), "value", self._search_changed, init=False)
        self.reload()
        self.query_one(VirtualTable).focus()

    # --- data ----------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the journal if it changed (a save, an edit, another window)."""
        now = self.clock()
        hour_passed = now.date() != self._now.date() or now.hour != self._now.hour
        self._now = now
        revision = self.journal.revision
        table = self.query_one(VirtualTable)
        if revision == self._revision and not hour_passed and self.shown:
            return  # back from another screen and nothing changed: the table is current
        if hour_passed:
            self._when_cache.clear()  # "3 hours ago" moves on
        came_back = None
        if revision != self._revision:
            self._revision = revision
            before = {entry.id for entry in self.entries}
            self.entries = entries_of(self.journal.reflections(), self.journal.opportunities())
            if self._undoing:  # (the reflection an undo brought back)
                came_back = next((e.id for e in self.entries if e.id not in before), None)
            self._index = None
            self._when_cache.clear()
            self._sort()
            self.set_timer(INDEX_AFTER, self._prepare_search)  # once the table is on screen
        self._undoing = False
        self.apply(select=came_back)
        if self.focused is None and table.display:
            table.focus()
        self.refresh_bindings()

    def _sort(self) -> None:
        self.ordered = sort_entries(self.entries, self.sort_key, self.descending)
        position = {entry.id: index for index, entry in enumerate(self.entries)}
        self._ordered_positions = [position[entry.id] for entry in self.ordered]

    def _search_index(self) -> SearchIndex:
        if self._index is None:
            self._index = SearchIndex(self.entries)
        return self._index

    @work(thread=True, exclusive=True, group="search-index")
    def _prepare_search(self) -> None:
        """Build the search index off the UI thread, ready before the first keystroke."""
        index = SearchIndex(self.entries)
        self.app.call_from_thread(self._index_ready, index)

    def _index_ready(self, index: SearchIndex) -> None:
        if index.entries is self.entries:  # not stale: the journal did not change meanwhile
            self._index = index

    def apply(self, *, select: str | None = None) -> None:
        """Show the entries that match the search and the filters, keeping the cursor's row
        (or putting it on the reflection `select`)."""
        table = self.query_one(VirtualTable)
        current = self.highlighted_entry()
        keep = select or (current.id if current is not None else None)
        query = self._query = self.query_one("#search", Input).value
        if query.strip():
            wanted = bytearray(len(self.entries))
            for position in self._search_index().matching(query):
                wanted[position] = 1
            entries = self.entries
            candidates = [entries[p] for p in self._ordered_positions if wanted[p]]
        else:
            candidates = self.ordered
        self.shown = (
            [e for e in candidates if self.filters.accepts(e)]
            if self.filters.active
            else candidates
        )
        cursor = 0
        if keep is not None:  # (by id: the entries are new objects after a change)
            cursor = next((row for row, e in enumerate(self.shown) if e.id == keep), 0)
        if self._fitted != (self._revision, self._now.hour):  # widths from every reflection
            self._fitted = (self._revision, self._now.hour)
            table.fit_to(len(self.ordered), self._cells(self.ordered))
        table.show_rows(len(self.shown), self._cells(self.shown), cursor=cursor)
        self._show_status(query)

    def _cells(self, entries: list[Entry]) -> CellText:
        """What the table shows of `entries`, row by row."""
        now, when = self._now, self._when_cache

        def cell(row: int, key: str) -> str:
            entry = entries[row]
            if key != "when":
                return cell_text(entry, key, now)
            if entry.id not in when:  # formatting dates is the costly cell: once per entry
                when[entry.id] = cell_text(entry, key, now)
            return when[entry.id]

        return cell

    def _show_status(self, query: str) -> None:
        """Count, active filters and sort arrow; each redrawn only when its text changes."""
        empty_journal = not self.entries
        self.query_one("#journal-empty").display = empty_journal
        self.query_one(VirtualTable).display = not empty_journal
        shown, total = len(self.shown), len(self.entries)
        if total and not shown:  # (typing in the search box, x is a letter: Esc clears it)
            typing = self.query_one("#search", Input).has_focus
            count = "Nothing matches · " + ("Esc clears" if typing else "x clears")
        elif shown == total:
            count = plural(total, "reflection")
        else:
            count = f"{shown} of {plural(total, 'reflection')}"
        self._update_if_changed("#result-count", count, layout=False)  # (fixed width)
        self._update_if_changed(
            "#active-filters",
            "Filtered by " + " · ".join(self.filters.describe()) + "   (x clears)",
        )
        self.query_one("#active-filters").display = self.filters.active
        sort_state = (self.sort_key, self.descending)
        if sort_state != self._shown_sort:
            self._shown_sort = sort_state
            table = self.query_one(VirtualTable)
            for column in COLUMNS:
                arrow = (" ▼" if self.descending else " ▲") if column.key == self.sort_key else ""
                table.set_header_label(column.key, column.label + arrow)

    def _update_if_changed(self, selector: str, text: str, *, layout: bool = True) -> None:
        label = self.query_one(selector, Static)
        if str(label.content) != text:
            label.update(Content(text), layout=layout)

    def highlighted_entry(self) -> Entry | None:
        if not self.shown:  # (nothing shown yet: not even the table, as the screen mounts)
            return None
        table = self.query_one(VirtualTable)
        return self.shown[table.cursor_row] if table.row_count else None

    # --- search, sort, filter ------------------------------------------------------

    def _search_changed(self) -> None:
        had_query = bool(self._query.strip())
        self.apply()
        if had_query != bool(self._query.strip()):
            self.refresh_bindings()  # "x Clear" appears or goes; the footer is costly to redraw

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one(VirtualTable).focus()

    def show_only(self, reflection_ids: tuple[str, ...], label: str) -> None:
        """Show exactly these reflections, the filter bar naming them (`label`); no
        search, no other filter (x clears it)."""
        self.filters = Filters(reflection_ids=frozenset(reflection_ids), ids_label=label)
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""  # (applied as it changes: see on_mount)
        else:
            self.apply()
        self.refresh_bindings()
        self.query_one(VirtualTable).focus()

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def key_escape(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus:
            if search.value:
                search.value = ""
            else:
                self.query_one(VirtualTable).focus()

    def action_sort(self) -> None:
        """Sort by the next column on screen (one a narrow terminal hides would sort
        invisibly, with no arrow to say so)."""
        shown = [column.key for column in self.query_one(VirtualTable).columns]
        order = [key for key in SORT_ORDER if key in shown or key == self.sort_key]
        self.sort_by(order[(order.index(self.sort_key) + 1) % len(order)])

    def sort_by(self, column_key: str, *, descending: bool | None = None) -> None:
        self.sort_key = column_key
        self.descending = column_key in DESCENDING_FIRST if descending is None else descending
        self.query_one(VirtualTable).pin(column_key)  # (never sorted by a column out of sight)
        self._sort()
        self.apply()

    def action_reverse(self) -> None:
        self.sort_by(self.sort_key, descending=not self.descending)

    @on(VirtualTable.HeaderClicked)
    def _header_clicked(self, event: VirtualTable.HeaderClicked) -> None:
        if event.column_key == self.sort_key:
            self.action_reverse()
        else:
            self.sort_by(event.column_key)

    def action_filters(self) -> None:
        from debrief.ui.screens.filters import FilterScreen

        companies = sorted({e.opportunity.company for e in self.entries}, key=str.casefold)

        def chosen(filters: Filters | None) -> None:
            if filters is not None:
                if filters.active:  # (the dialog narrows a weak spot's interviews further)
                    kept = self.filters
                    filters = replace(
                        filters, reflection_ids=kept.reflection_ids, ids_label=kept.ids_label
                    )
                self.filters = filters
                self.apply()
                self.refresh_bindings()

        self.app.push_screen(
            FilterScreen(self.filters, companies, self._now.date()), callback=chosen
        )

    def action_clear(self) -> None:
        self.filters = Filters()
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""  # (shown as it changes: see on_mount)
        else:
            self.apply()
        self.refresh_bindings()

    # --- acting on a reflection ----------------------------------------------------

    @on(VirtualTable.Selected)
    def _open(self, event: VirtualTable.Selected) -> None:
        from debrief.ui.screens.detail import DetailScreen

        entry = self.shown[event.row]
        self.app.push_screen(
            DetailScreen(
                self.journal,
                entry.id,
                self.clock,
                query=self.query_one("#search", Input).value,
                typing=self.typing,
            )
        )

    def action_edit(self) -> None:
        self._request(EditReflection)

    def action_status(self) -> None:
        self._request(ChangeStatus)

    def action_job_details(self) -> None:
        self._request(EditJobDetails)

    def action_delete(self) -> None:
        self._request(DeleteReflection)

    def action_replied(self) -> None:
        self._request(RecordReply)

    def _request(
        self,
        message: type[
            EditReflection | ChangeStatus | DeleteReflection | RecordReply | EditJobDetails
        ],
    ) -> None:
        entry = self.highlighted_entry()
        if entry is not None and not held_back(self.typing, self._say):
            self.post_message(message(entry.id))

    def action_undo(self) -> None:
        if not held_back(self.typing, self._say):
            self._undoing = True
            self.post_message(UndoDelete())

    def _say(self, text: str) -> None:
        self.notify(text, timeout=4)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the keys that would do nothing right now, so the footer stays short."""
        if action in ("edit", "status", "delete", "replied"):
            return self.highlighted_entry() is not None
        if action == "undo":
            return bool(self.journal.in_trash())
        if action == "clear":
            return self.filters.active or bool(self._query.strip())
        return True
