"""Compare 2–4 opportunities (and your current job) side by side, then decide with weights.

The figures come from `compare.py`; this screen lays them out: the picker, the side by
side, and the decision matrix (widgets/decision_matrix.py), which reads what the user
edits. The screen says at the field what is wrong and saves only a valid decision.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, HorizontalScroll, Vertical, VerticalScroll
from textual.content import Content
from textual.strip import Strip
from textual.timer import Timer
from textual.widgets import Checkbox, Header, SelectionList, Static

from debrief.actions.settings import save_decision
from debrief.compare import (
    MAX_CHOSEN,
    Column,
    Row,
    columns_for,
    markdown,
    matrix,
    prefilled,
    totals,
)
from debrief.dates import Clock, plural
from debrief.model import Criterion, Decision, ModelError, Opportunity, Status, quoted
from debrief.store.journal import Journal, JournalError
from debrief.ui.screens.view import JournalView
from debrief.ui.widgets.decision_matrix import DecisionMatrix, sentence, verdict
from debrief.ui.widgets.footer import KeysFooter

ASPECT_WIDTH = 26  # the side-by-side's first column; 20 when the options need the room
NARROW_ASPECT_WIDTH = 20
COLUMN_WIDTH = 30  # an option's column at most; it narrows to fit, down to 14
NARROWEST_COLUMN = 14
COMFORTABLE_COLUMN = 24  # below this, the aspects narrow first
GAP = 2  # between the side-by-side's columns
SIDEWAYS_HINT = "→ Wider than the window: Tab into it and use ← →, or shift + mouse wheel."
SAVE_DELAY = 0.5  # seconds after the last valid edit
OPEN_STATUSES = (Status.INTERVIEWING, Status.OFFER)

TOO_FEW = (
    "Comparing needs at least two opportunities, and your journal has {count}.\n\n"
    "Each company and role you reflect on becomes one: press n after your next interview "
    "(or F2, then n), and come back here when you have two. Adding your current job in the "
    "profile (p on the home screen) gives you a baseline column too."
)


class CompareScreen(JournalView):
    """Pick opportunities; read them side by side; weigh what matters; see who wins and why."""

    AUTO_FOCUS = "#chosen"  # the keys start on the choice of opportunities

    BINDINGS = [
        Binding(
            "ctrl+s",
            "export",
            "Export Markdown",
            id="compare.export",
            tooltip="Save this comparison as a Markdown file",
        ),
        Binding(
            "ctrl+n",
            "add_criterion",
            "Add criterion",
            id="compare.add",
            tooltip="Add a row to the decision matrix",
        ),
        Binding(
            "ctrl+z",
            "undo_remove",
            "Undo removal",
            id="compare.undo",
            show=False,
            tooltip="Bring back the criterion just removed, with its scores",
        ),
        Binding(
            "u",
            "undo_remove",
            "Undo removal",
            id="compare.undo_u",
            show=False,
            tooltip="Bring back the criterion just removed (where u is not typed into a cell)",
        ),
    ]

    def __init__(self, journal: Journal, clock: Clock) -> None:
        super().__init__(journal, clock)
        self.decision = Decision()
        self.columns: list[Column] = []
        self._save_timer: Timer | None = None
        self._drawn_revision = -1
        self._rows: list[Row] = []
        self._too_few = False
        self._aspects_width = 0  # the side by side's, labels and options
        self._removed: tuple[int, Criterion, dict[str, int]] | None = None  # for undo

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="compare"):
            yield Static(id="compare-too-few")
            with Horizontal(id="compare-pick"):
                yield SelectionList[str](id="chosen")
                with Vertical(id="compare-options"):
                    yield Static(id="pick-hint")
                    yield Checkbox("Include my current job", id="include-current")
            yield Static(
                Content.styled("Side by side", "bold"), classes="trend-heading compare-part"
            )
            yield Static(SIDEWAYS_HINT, classes="sideways-hint", id="aspects-hint")
            with Horizontal(id="side-by-side-row", classes="compare-part"):
                yield Static(id="aspect-labels")  # (stays put: the options scroll beside it)
                with HorizontalScroll(id="side-by-side"):
                    yield Static(id="aspects")
            yield Static(id="matrix-notes", classes="compare-part")
            yield Static(Content.styled("Decide", "bold"), classes="trend-heading compare-part")
            yield Static(
                Content.styled(
                    "Weights say how much each criterion matters; score each option 0–5.",
                    "$text-muted",
                ),
                classes="compare-part",
            )
            yield Static(SIDEWAYS_HINT, classes="sideways-hint", id="weights-hint")
            yield DecisionMatrix(id="weights", classes="compare-part")
            yield Static(id="matrix-error", classes="field-error")
            yield Static(id="verdict", classes="compare-part")
        yield KeysFooter()

    async def on_mount(self) -> None:
        self.title = "Compare"
        await self.redraw()

    def reload(self) -> None:
        if self._drawn_revision == -1:
            return  # not drawn yet: on_mount draws it (the first resume may come first)
        if self.journal.revision != self._drawn_revision:
            self._redraw_again()

    # (a worker of a method, not of a coroutine made at once: a reload cancels the one
    # before it, which may not have started, and its coroutine was then never awaited)
    @work(exclusive=True, group="compare")
    async def _redraw_again(self) -> None:
        await self.redraw()

    # --- choosing ------------------------------------------------------------------

    def _candidates(self) -> list[Opportunity]:
        """Open opportunities first, then the rest, each group by company."""
        opportunities = self.journal.opportunities()
        return [o for o in opportunities if o.status in OPEN_STATUSES] + [
            o for o in opportunities if o.status not in OPEN_STATUSES
        ]

    async def redraw(self) -> None:
        """Rebuild everything from the journal and the saved decision."""
        self._drawn_revision = self.journal.revision
        candidates = self._candidates()
        settings = self.journal.settings()
        too_few = self._too_few = len(candidates) < 2
        self.refresh_bindings()  # (no matrix to edit: its keys leave the footer)
        notice = self.query_one("#compare-too-few", Static)
        notice.display = too_few
        notice.update(Content(TOO_FEW.format(count=len(candidates))))
        for part in self.query("#compare-pick, .compare-part"):
            part.display = not too_few
        if too_few:
            self.query(".sideways-hint").set(display=False)
            return
        saved = self.journal.decision()
        known = {o.id for o in candidates}
        chosen = [key for key in saved.chosen if key in known] or [o.id for o in candidates[:2]]
        rounds = {o.id: len(self.journal.rounds(o.id)) for o in candidates}
        picker = self.query_one("#chosen", SelectionList)
        with picker.prevent(SelectionList.SelectedChanged):
            picker.clear_options()
            picker.add_options(
                [
                    (
                        Content(  # literal, never markup
                            f"{o.title} · {o.status.label.lower()} · "
                            + plural(rounds[o.id], "round")
                        ),
                        o.id,
                        o.id in chosen,
                    )
                    for o in candidates
                ]
            )
            picker.highlighted = 0  # (it starts with none: the first Down would be lost)
        has_current = bool(settings.current_company or settings.current_pay)
        checkbox = self.query_one("#include-current", Checkbox)
        with checkbox.prevent(Checkbox.Changed):
            checkbox.value = saved.include_current and has_current
        checkbox.disabled = not has_current
        hint = f"Choose 2 to {MAX_CHOSEN} (space). " + (
            ""
            if has_current
            else "Add your current job in the profile (p on the home screen) for a baseline."
        )
        self.query_one("#pick-hint", Static).update(Content.styled(hint, "$text-muted"))
        self.decision = Decision(saved.criteria, saved.scores, tuple(chosen), checkbox.value)
        await self._rebuild_columns()

    async def _rebuild_columns(self) -> None:
        by_id = {o.id: o for o in self.journal.opportunities()}
        chosen = [by_id[key] for key in self.decision.chosen if key in by_id]
        self.columns = columns_for(
            chosen,
            self.journal.reflections(),
            self.journal.settings(),
            include_current=self.decision.include_current,
        )
        self.decision = prefilled(self.decision, self.columns)
        await self._draw_aspects()
        self._draw_weights()
        self._draw_verdict()

    @on(SelectionList.SelectedChanged, "#chosen")
    async def _chosen_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        picker = event.selection_list
        selected = list(picker.selected)
        if len(selected) > MAX_CHOSEN:
            extra = [key for key in selected if key not in self.decision.chosen]
            with picker.prevent(SelectionList.SelectedChanged):
                for key in extra:
                    picker.deselect(key)
            self.notify(
                f"Compare up to {MAX_CHOSEN} opportunities at a time: deselect one first.",
                severity="warning",
            )
            return
        self.decision = Decision(
            self.decision.criteria,
            self.decision.scores,
            tuple(selected),
            self.decision.include_current,
        )
        self._schedule_save()
        await self._rebuild_columns()

    @on(Checkbox.Changed, "#include-current")
    async def _current_changed(self, event: Checkbox.Changed) -> None:
        self.decision = Decision(
            self.decision.criteria, self.decision.scores, self.decision.chosen, event.value
        )
        self._schedule_save()
        await self._rebuild_columns()

    # --- side by side --------------------------------------------------------------

    async def _draw_aspects(self) -> None:
        """The side by side as one table (a widget per cell cost ~0.4 ms each to style:
        hundreds of them made the first open slow)."""
        rows = matrix(self.columns)
        self._rows = rows
        self._fit_aspects()
        notes = [f"{row.aspect}: {row.note}" for row in rows if row.note]
        legend = "Best values in green; an answer from an earlier round says which."
        self.query_one("#matrix-notes", Static).update(
            Content.styled("\n".join([*notes, legend]), "$text-muted")
        )

    def _room(self) -> int:
        """The width the tables have: the window less the padding and a scrollbar."""
        return self.app.size.width - 6

    def _widths(self) -> tuple[int, int]:
        """The aspect column's width and each option's: 30 cells at most, narrowing to
        14, the aspects to 20 first when the options need the room."""
        count = max(len(self.columns), 1)
        room = self._room()
        aspect = ASPECT_WIDTH
        if room - aspect - count * (COMFORTABLE_COLUMN + GAP) < 0:
            aspect = NARROW_ASPECT_WIDTH
        share = (room - aspect - count * GAP) // count
        return aspect, max(NARROWEST_COLUMN, min(COLUMN_WIDTH, share))

    def _fit_aspects(self) -> None:
        """Draw the table at the widths that fit; what still does not fit scrolls
        sideways, and says so. Its row labels stay put as the options scroll (scrolled,
        they read 'on', 'nterview')."""
        aspect, width = self._widths()
        table = side_by_side(
            self.columns,
            self._rows,
            aspect,
            width,
            best_style=f"bold {self.app.current_theme.success or 'green'}",
        )
        self._aspects_width = aspect + (width + GAP) * len(self.columns)
        labels, options = split_lines(table, self._aspects_width, aspect + GAP)
        self.query_one("#aspect-labels", Static).update(labels)
        self.query_one("#aspect-labels", Static).styles.width = aspect + GAP
        view = self.query_one("#aspects", Static)
        view.styles.width = self._aspects_width - aspect - GAP
        view.update(options)
        self._show_sideways_hints()

    def _show_sideways_hints(self) -> None:
        weights = self.query_one("#weights", DecisionMatrix).wanted_width
        wide = {
            "#aspects-hint": self._aspects_width > self._room(),
            "#weights-hint": weights > self._room(),
        }
        for hint, shown in wide.items():
            self.query_one(hint).display = shown and bool(self.columns)

    def on_resize(self) -> None:
        if self.columns:
            self._fit_aspects()

    # --- the decision matrix -------------------------------------------------------

    def _draw_weights(self) -> None:
        """The matrix drawn again from the decision: a refused text is gone, so is its
        message (it stayed after a removal, naming a cell no longer there)."""
        self.query_one("#weights", DecisionMatrix).draw(self.decision, self.columns)
        self._show_error(None)
        self._show_sideways_hints()

    @on(DecisionMatrix.Changed, "#weights")
    def _matrix_edited(self) -> None:
        """The decision as typed, saved and counted but for a cell that is wrong (it
        keeps its last valid value), which is said at the field."""
        read, problem = self.query_one("#weights", DecisionMatrix).read(self.decision, self.columns)
        self._show_error(problem)
        if read != self.decision:
            self.decision = read
            self._schedule_save()
            self._draw_verdict()

    def held_back(self) -> str | None:
        """A cell refused as invalid is the one edit not saved: quitting says so."""
        matrix = self.query_one("#weights", DecisionMatrix)
        if self._too_few or matrix.invalid is None:
            return None
        text = matrix.value(matrix.cells.key(matrix.invalid))
        return f"{quoted(text)} in the decision matrix is invalid, so not saved."

    def _show_error(self, message: str | None) -> None:
        error = self.query_one("#matrix-error", Static)
        error.display = message is not None
        error.update(Content(f"⚠ {message} — not saved until fixed." if message else ""))

    def _draw_verdict(self) -> None:
        keys = [c.key for c in self.columns]
        total_by_key = totals(self.decision, keys)
        self.query_one("#weights", DecisionMatrix).show_totals(self.decision, keys, total_by_key)
        self.query_one("#verdict", Static).update(
            verdict(self.decision, self.columns, total_by_key)
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Fewer than two opportunities: no matrix, so nothing to add to or export (Ctrl+N
        added criteria nobody could see, and saved them)."""
        if action in ("add_criterion", "export"):
            return not self._too_few
        if action == "undo_remove":
            return self._removed is not None
        return True

    def action_add_criterion(self) -> None:
        existing = {c.name.casefold() for c in self.decision.criteria}
        number = 1
        while f"criterion {number}" in existing:
            number += 1
        criterion = Criterion(f"Criterion {number}", Decimal(1))
        if not self._change_criteria((*self.decision.criteria, criterion)):
            return
        matrix = self.query_one("#weights", DecisionMatrix)
        matrix.focus_cell(f"name-{len(self.decision.criteria) - 1}")

    @on(DecisionMatrix.LeaveRequested, "#weights")
    def _leave_matrix(self) -> None:
        self.query_one("#chosen", SelectionList).focus()

    @on(DecisionMatrix.AddRequested, "#weights")
    def _add_pressed(self) -> None:
        self.action_add_criterion()

    @on(DecisionMatrix.RemoveRequested, "#weights")
    def _remove_pressed(self, event: DecisionMatrix.RemoveRequested) -> None:
        """Remove the row at once, undoably (Ctrl+Z), the cursor on the row that takes
        its place, never on its ✕ (a second Enter removed another)."""
        criteria = self.decision.criteria
        removed = criteria[event.row]
        remaining = criteria[: event.row] + criteria[event.row + 1 :]
        scores = {
            key: value[removed.name]
            for key, value in self.decision.scores.items()
            if removed.name in value
        }
        if not self._change_criteria(remaining):
            return
        self._removed = (event.row, removed, scores)
        self.refresh_bindings()
        self.notify(
            f"Removed {quoted(removed.name)} and its scores. u or Ctrl+Z brings it back.",
            markup=False,
        )
        row = min(event.row, len(remaining) - 1)
        matrix = self.query_one("#weights", DecisionMatrix)
        matrix.focus_cell(f"score-{row}-0" if row >= 0 and self.columns else "add-criterion")
        matrix.passes_next = "u"  # (undoes, as the toast says, rather than typing a u)

    def action_undo_remove(self) -> None:
        """The criterion removed last back in its place, with its scores."""
        if self._removed is None:
            return
        row, criterion, scores = self._removed
        criteria = self.decision.criteria
        restored = (*criteria[:row], criterion, *criteria[row:])
        saved = {
            key: {**self.decision.scores.get(key, {}), criterion.name: score}
            for key, score in scores.items()
        }
        if not self._change_criteria(restored, saved):
            return
        self._removed = None
        self.refresh_bindings()
        self.notify(f"Brought back {quoted(criterion.name)} with its scores.", markup=False)
        self.query_one("#weights", DecisionMatrix).focus_cell(f"name-{row}")

    def _change_criteria(
        self, criteria: tuple[Criterion, ...], scores: dict[str, dict[str, int]] | None = None
    ) -> bool:
        """The decision with these criteria (and these columns' scores), saved and drawn;
        False, said at the field, when it can't be."""
        try:
            decision = Decision(
                criteria,
                {**self.decision.scores, **(scores or {})},
                self.decision.chosen,
                self.decision.include_current,
            )
        except ModelError as error:
            self._show_error(sentence(error.message))
            return False
        self.decision = decision
        self._schedule_save()
        self._draw_weights()
        self._draw_verdict()
        return True

    # --- saving and sharing --------------------------------------------------------

    def _schedule_save(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.save)

    def save(self) -> None:
        """Store the decision as it is now (it is valid: invalid edits never reach it)."""
        self._save_timer = None
        try:
            save_decision(self.journal, self.decision)
        except JournalError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self._drawn_revision = self.journal.revision

    def on_unmount(self) -> None:
        if self._save_timer is not None:
            self.save()

    def action_export(self) -> None:
        from debrief.ui.screens.dialogs import save_to_new_file

        if len(self.columns) < 2:
            self.notify("Choose at least two opportunities first.", severity="warning")
            return
        suggested = Path.home() / f"debrief-comparison-{self.clock().format('YYYY-MM-DD')}.md"
        columns, decision = list(self.columns), self.decision
        save_to_new_file(
            self.app,
            "Export the comparison",
            suggested,
            lambda: markdown(columns, decision).encode(),
            "Comparison exported",
            journal=self.journal,
        )


def side_by_side(
    columns: list[Column], rows: list[Row], aspect: int, width: int, *, best_style: str
) -> Table:
    """The matrix as a table: text wraps within its column, shown literally (Text, never
    markup); the best cells in `best_style`, an older round's answer saying which."""
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, GAP // 2),
        collapse_padding=True,
        expand=False,
    )
    table.add_column("", width=aspect, style="dim", overflow="fold")
    for column in columns:
        title = Text(column.title, style="bold", no_wrap=True, overflow="ellipsis")
        table.add_column(title, width=width, overflow="fold")  # (a title never wraps)
    for row in rows:
        cells: list[Text] = []
        for index, text in enumerate(row.cells):
            cell = Text(text, style=best_style if index in row.best else "")
            source = row.sources[index] if row.sources else ""
            if source:
                cell.append(f"\n{source}", style="dim italic")
            cells.append(cell)
        table.add_row(Text(row.aspect), *cells)
    return table


def split_lines(table: Table, width: int, split: int) -> tuple[Text, Text]:
    """The table drawn `width` wide, cut into its first `split` cells (the row labels)
    and the rest, so that the labels can stay while the rest scrolls; styles kept, text
    literal."""
    console = Console(width=width, file=io.StringIO(), legacy_windows=False)
    labels, options = Text(), Text()
    for number, line in enumerate(console.render_lines(table, pad=True)):
        for part, start, end in ((labels, 0, split), (options, split, width)):
            if number:
                part.append("\n")
            for segment in Strip(line).crop(start, end):
                part.append(segment.text, segment.style)
    return labels, options
