"""The compare screen's decision matrix: a row per criterion (its name, its weight and a
0–5 score for each option), edited in place, then a row of totals and + Add criterion.

One widget on Textual's line API (it draws each line itself): the grid of ~40 `Input`s it
replaces cost ~190 ms to mount on every first open of F5. The keys are those of a form:
Tab goes through every cell (each row ending in its ✕), Enter on to the next field (never
onto a ✕), typing replaces a cell just reached, ← → move within it. The criterion names
and weights stay put while the scores scroll sideways.

Three parts: the cells, the cursor and what each key does to them, without Textual
(debrief/decision_cells.py); the lines drawn (matrix_lines.py); and here the widget,
which turns keys and clicks into those, scrolls to the cursor and tells its screen.

The matrix shows a decision and reads back what is typed; the screen keeps the decision,
saves it and says what is wrong, so an invalid edit never reaches the journal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual import events
from textual.actions import SkipAction
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from debrief.compare import Column, explanation, format_total, fully_scored, missing_scores, ranking
from debrief.decision_cells import Cell, Cells, sentence
from debrief.model import Decision
from debrief.ui.widgets.matrix_lines import ADD, GAP, HEAD_LINES, MatrixLines

__all__ = ["GAP", "HEAD_LINES", "Cell", "DecisionMatrix", "MatrixMessage", "sentence", "verdict"]


class MatrixMessage(Message):
    """What the matrix tells its screen; `@on(..., "#weights")` matches its `control`."""

    def __init__(self, matrix: DecisionMatrix) -> None:
        super().__init__()
        self.matrix = matrix

    @property
    def control(self) -> DecisionMatrix:
        return self.matrix


class DecisionMatrix(ScrollView, can_focus=True):
    """Cells named `name-{row}`, `weight-{row}`, `score-{row}-{option}`, `remove-{row}`
    and `add-criterion` (see `Cells.cell_named`); the cursor is the cell being edited."""

    COMPONENT_CLASSES = {
        "decision-matrix--head",
        "decision-matrix--rule",
        "decision-matrix--field",
        "decision-matrix--cursor",
        "decision-matrix--invalid",
        "decision-matrix--placeholder",
        "decision-matrix--selected",
        "decision-matrix--total",
        "decision-matrix--add",
    }

    # A form's keys, acted on as each key arrives (`on_key`), in the order typed: as
    # bindings they were run once the key had bubbled up to the app, after the keys typed
    # behind it ("4", Enter, "3" fast gave "43"). Listed as bindings for the help screen.
    KEYS: dict[str, tuple[str, int, str]] = {  # key: (action, its argument, what it does)
        "tab": ("next_cell", 0, "Next cell"),
        "shift+tab": ("previous_cell", 0, "Previous cell"),
        "enter": ("submit", 0, "Next field"),
        "up": ("row", -1, "Row above"),
        "down": ("row", 1, "Row below"),
        "left": ("caret", -1, "Left"),
        "right": ("caret", 1, "Right"),
        "home": ("caret_to", 0, "Start"),
        "end": ("caret_to", -1, "End"),
        "backspace": ("delete", -1, "Delete left"),
        "delete": ("delete", 1, "Delete right"),
        "ctrl+u": ("clear", -1, "Delete to start"),
        "ctrl+k": ("clear", 1, "Delete to end"),
        "escape": ("leave", 0, "Back to the opportunity list"),
    }
    BINDINGS = [
        Binding(key, f"{action}({argument})", description, show=False)
        for key, (action, argument, description) in KEYS.items()
    ]

    class Changed(MatrixMessage):
        """A cell's text was edited (`key`: its name, as in `Cell.named`)."""

        def __init__(self, matrix: DecisionMatrix, key: str) -> None:
            super().__init__(matrix)
            self.key = key

    class AddRequested(MatrixMessage):
        """+ Add criterion was pressed (Enter or a click)."""

    class RemoveRequested(MatrixMessage):
        """A row's ✕ was pressed (Enter or a click): the screen removes `row`."""

        def __init__(self, matrix: DecisionMatrix, row: int) -> None:
            super().__init__(matrix)
            self.row = row

    class LeaveRequested(MatrixMessage):
        """Esc: back to the choice of opportunities (not 50 Shift+Tabs away)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.cells = Cells()
        self.lines = MatrixLines(
            self.cells, lambda name: self.get_component_rich_style(f"decision-matrix--{name}")
        )
        self._keep_cursor = False
        self.passes_next: str | None = None  # a key the screen takes if it comes next

    # --- what is shown -------------------------------------------------------------

    def draw(self, decision: Decision, columns: Sequence[Column]) -> None:
        """Show a row per criterion of `decision` for `columns` (the cursor stays in its
        cell when that cell is still there)."""
        self.cells.show(decision, columns)
        self.lines.measure()
        self._resize()

    def show_totals(
        self, decision: Decision, keys: Sequence[str], total_by_key: Mapping[str, float | None]
    ) -> None:
        """Each option's total under its scores (`keys`: the options, in column order),
        wrapped within its column."""
        self.lines.wrap_totals([format_total(decision, key, total_by_key[key]) for key in keys])
        self._resize()

    @property
    def texts(self) -> list[list[str]]:
        """Per row: the name, the weight, then each score, as typed."""
        return self.cells.texts

    @property
    def invalid(self) -> Cell | None:
        return self.cells.invalid

    @property
    def total_lines(self) -> list[list[str]]:
        return self.lines.total_lines

    @property
    def score_widths(self) -> list[int]:
        return self.lines.score_widths

    @property
    def fixed_width(self) -> int:
        return self.lines.fixed_width

    @property
    def wanted_width(self) -> int:
        return self.lines.wanted_width

    @property
    def cursor_key(self) -> str:
        return self.cells.key(self.cells.cursor)

    def value(self, key: str) -> str:
        """The text of the cell named `key`."""
        return self.cells.value(key)

    def _resize(self) -> None:
        """Lay the screen out again only when the matrix changed size (not on each key)."""
        size = Size(self.wanted_width, self.lines.height)
        resized = size != self.virtual_size
        self.virtual_size = size
        self.refresh(layout=resized)

    def read(self, decision: Decision, columns: Sequence[Column]) -> tuple[Decision, str | None]:
        """`decision` as the cells now have it (a wrong cell keeps what it had), and
        what is wrong, its cell flagged."""
        self.refresh()
        return self.cells.read(decision, columns)

    # --- drawing -------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        self.lines.focused = self.has_focus
        fixed, moving = self.lines.line(y)
        visible = Strip(moving).crop(*self._window())
        base = self.rich_style
        return Strip.join([Strip(fixed), visible]).apply_style(base).adjust_cell_length(width, base)

    @property
    def room(self) -> int:
        """The cells the scrolling columns (scores and ✕) have beside the fixed ones."""
        return max(self.scrollable_content_region.width - self.fixed_width, 0)

    def _window(self) -> tuple[int, int]:
        return self.lines.window(round(self.scroll_x), self.room)

    def on_focus(self) -> None:
        self.cells.enter()
        self.refresh()

    def on_blur(self) -> None:
        self.passes_next = None
        self.refresh()

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self._focus_moved, init=False)

    def _focus_moved(self, before: Widget | None, now: Widget | None) -> None:
        """Tab into the matrix starts at its first score (a digit typed at once must not
        rename the first criterion), Shift+Tab at its last cell, as among separate fields."""
        if now is not self or before is None or self._keep_cursor:
            self._keep_cursor = False
            return
        chain = self.screen.focus_chain
        backwards = before in chain and chain.index(before) > chain.index(self)
        first = Cell(0, 2 if self.cells.titles else 0)
        self._move(self.cells.add_cell if backwards else first)

    def focus_cell(self, key: str) -> None:
        """Focus the matrix with the cursor on the cell named `key`."""
        self._keep_cursor = True
        self._move(self.cells.cell_named(key))
        self.screen.set_focus(self)  # (at once: keys typed right behind Ctrl+N come here)

    # --- moving --------------------------------------------------------------------

    def _move(self, cell: Cell) -> None:
        if self.cells.move(cell):
            self._show_cursor()
            self.refresh()

    def _show_cursor(self) -> None:
        """Scroll the scores sideways, and the screen up or down, to the cursor."""
        cursor = self.cells.cursor
        x = self.lines.scroll_for(cursor, round(self.scroll_x), self.room)
        if x != round(self.scroll_x):
            self.scroll_to(x=min(x, self.max_scroll_x), animate=False)
        container = self.parent
        if isinstance(container, Widget) and container.is_scrollable:
            y = self.virtual_region.y + self.lines.line_of(cursor)
            container.scroll_to_region(Region(0, y, 1, 1), animate=False)

    def action_next_cell(self, _: int = 0) -> None:
        after = self.cells.step(1, fields_only=False)
        if after is None:
            self.screen.focus_next()
        else:
            self._move(after)

    def action_previous_cell(self, _: int = 0) -> None:
        before = self.cells.step(-1, fields_only=False)
        if before is None:
            self.screen.focus_previous()
        else:
            self._move(before)

    def action_submit(self, _: int = 0) -> None:
        """Enter presses a ✕; in a field it goes on to the next field (never a ✕: Enter
        must not remove a criterion by surprise), and after the last on to + Add
        criterion. On + Add criterion it adds one."""
        cursor = self.cells.cursor
        if cursor == self.cells.add_cell:
            self.post_message(self.AddRequested(self))
            return
        if cursor.column == self.cells.remove_column:
            self.post_message(self.RemoveRequested(self, cursor.row))
            return
        after = self.cells.step(1, fields_only=True)
        self._move(self.cells.add_cell if after is None else after)

    def action_leave(self, _: int = 0) -> None:
        self.post_message(self.LeaveRequested(self))

    def action_row(self, step: int) -> None:
        """Up and down: the same column's cell in the row above or below; past the
        first or last row the screen scrolls as usual."""
        cell = Cell(self.cells.cursor.row + step, self.cells.cursor.column)
        if not self.cells.exists(cell):
            raise SkipAction()
        self._move(cell)

    # --- editing -------------------------------------------------------------------

    def _edited(self, changed: bool) -> None:
        """Repaint, and tell the screen when the cursor's text was set."""
        self.refresh()
        if changed:
            self.post_message(self.Changed(self, self.cursor_key))

    def insert(self, text: str) -> None:
        """Type `text` at the caret (replacing the cell's text when it is selected)."""
        self._edited(self.cells.insert(text))

    def on_key(self, event: events.Key) -> None:
        """Each key in turn: a form's key acts, a character is typed; a key the matrix
        has no use for here (↑ on its first row) goes on to the page, and so does the
        key the screen asked for next (u right after a removal undoes it, never types)."""
        passes, self.passes_next = self.passes_next, None
        if event.key == passes:
            return
        if event.key in self.KEYS:
            action, argument, _ = self.KEYS[event.key]
            try:
                getattr(self, f"action_{action}")(argument)
            except SkipAction:
                return
        elif event.is_printable and event.character and self.cells.editable():
            self.insert(event.character)
        else:
            return
        event.stop()
        event.prevent_default()

    def on_paste(self, event: events.Paste) -> None:
        first_line = event.text.splitlines()[0] if event.text else ""
        if first_line and self.cells.editable():
            event.stop()
            self.insert(first_line)

    def action_caret(self, step: int) -> None:
        """← →: within the cell's text; from its edge, on to the next field of the row."""
        if not self.cells.editable():
            raise SkipAction()
        if self.cells.nudge(step):
            self._show_cursor()
        self.refresh()

    def action_caret_to(self, where: int) -> None:
        self.cells.caret_to(where)
        self.refresh()

    def action_delete(self, direction: int) -> None:
        self._edited(self.cells.delete(direction))

    def action_clear(self, direction: int) -> None:
        """Ctrl+U clears to the start, Ctrl+K to the end (all of it when selected)."""
        self._edited(self.cells.clear(direction))

    def on_click(self, event: events.Click) -> None:
        """A click puts the cursor on the cell; on a ✕, it removes the row."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = offset.y - HEAD_LINES
        texts = self.cells.texts
        if row == len(texts) + len(self.total_lines) and offset.x < len(ADD):
            self._keep_cursor = True
            self._move(self.cells.add_cell)
            self.post_message(self.AddRequested(self))
            return
        if not 0 <= row < len(texts):
            return
        column = self.lines.column_at(offset.x, self._window()[0])
        if column is None:
            return
        self._keep_cursor = True
        self._move(Cell(row, column))
        if column == self.cells.remove_column:
            self.post_message(self.RemoveRequested(self, row))


def verdict(
    decision: Decision, columns: Sequence[Column], total_by_key: Mapping[str, float | None]
) -> Content:
    """The ranking and why, or what is still to score before there can be one."""
    keys = [c.key for c in columns]
    if not fully_scored(decision, keys):
        lines = [
            Content.styled("Not ranked yet: ", "bold")
            + Content(
                "an unscored criterion is missing, not 0, so the totals above cover "
                "only what is scored."
            ),
            Content.styled(missing_scores(decision, columns), "$warning"),
        ]
    else:
        titles = {c.key: c.title for c in columns}
        order = "  ".join(
            f"{place}. " + " = ".join(titles[k] for k in group)
            for place, group in enumerate(ranking(total_by_key), start=1)
        )
        lines = [
            Content.styled("Ranking: ", "bold") + Content(order),
            Content(explanation(decision, columns)),
        ]
    return Content("\n").join(lines)
