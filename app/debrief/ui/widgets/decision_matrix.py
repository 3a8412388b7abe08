"""The compare screen's decision matrix: a row per criterion (its name, its weight and a
0–5 score for each option), edited in place, then a row of totals and + Add criterion.

One widget on Textual's line API (it draws each line itself): the grid of ~40 `Input`s it
replaces cost ~190 ms to mount on every first open of F5. The keys are those of a form:
Tab goes through every cell (each row ending in its ✕), Enter on to the next field (never
onto a ✕), typing replaces a cell just reached, ← → move within it. The criterion names
and weights stay put while the scores scroll sideways.

The matrix shows a decision and reads back what is typed; the screen keeps the decision,
saves it and says what is wrong, so an invalid edit never reaches the journal.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from debrief.compare import (
    Column,
    explanation,
    format_total,
    fully_scored,
    missing_scores,
    ranking,
    with_criteria,
)
from debrief.model import SCORE_MAX, SCORE_MIN, Criterion, Decision, ModelError

GAP = 2  # cells between columns
WEIGHT_WIDTH = 8
REMOVE = " ✕ "
SCORE_PLACEHOLDER = "0–5"
HEAD_LINES = 2  # the titles, then a rule
ADD = " + Add criterion (ctrl+n) "  # the last line, reached by Tab like a button
NAME_WIDTHS = (12, 24)  # a criterion's column, by its longest name, within these
SCORE_WIDTHS = (10, 20)  # an option's column, by its title, within these


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells, cut with an ellipsis when longer."""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


@dataclass(frozen=True)
class Cell:
    """A place in the matrix: `column` 0 is the name, 1 the weight, then one per option's
    score, then the row's ✕. The row after the criteria holds one cell: + Add criterion."""

    row: int
    column: int

    @classmethod
    def named(cls, key: str) -> Cell:
        """`name-2`, `weight-2` or `score-2-1` as a cell (the names the screen's messages
        and the tests use); `remove-2` is (2, -1) and `add-criterion` (-1, 0), which the
        matrix places (`DecisionMatrix.cell_named`)."""
        kind, row, *option = key.split("-")
        if kind == "add":
            return cls(-1, 0)
        if kind == "score":
            return cls(int(row), 2 + int(option[0]))
        return cls(int(row), {"name": 0, "weight": 1}.get(kind, -1))


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
    and `add-criterion` (see `cell_named`); the cursor is the cell being edited."""

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

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.texts: list[list[str]] = []  # per row: name, weight, then each score
        self.titles: list[str] = []
        self.total_lines: list[list[str]] = [[]]  # per line of the totals row, per option
        self.cursor = Cell(0, 0)
        self.invalid: Cell | None = None
        self.caret = 0
        self.selected = True  # the cell's text is taken whole by the next key typed
        self.name_width = NAME_WIDTHS[0]
        self.score_widths: list[int] = []
        self._keep_cursor = False

    # --- what is shown -------------------------------------------------------------

    def draw(self, decision: Decision, columns: Sequence[Column]) -> None:
        """Show a row per criterion of `decision` for `columns` (the cursor stays in its
        cell when that cell is still there)."""
        self.titles = [c.title for c in columns]
        self.texts = [
            [criterion.name, str(criterion.weight)]
            + [_score_text(decision, c.key, criterion.name) for c in columns]
            for criterion in decision.criteria
        ]
        longest = max((cell_len(row[0]) for row in self.texts), default=0)
        self.name_width = min(max(longest + 2, NAME_WIDTHS[0]), NAME_WIDTHS[1])
        self.score_widths = [
            min(max(cell_len(title) + 1, SCORE_WIDTHS[0]), SCORE_WIDTHS[1]) for title in self.titles
        ]
        self.total_lines = [[""] * len(columns)]
        self.invalid = None
        if not self._cell_exists(self.cursor):  # (its row removed: the row above)
            row = min(self.cursor.row, len(self.texts) - 1)
            self.cursor = Cell(max(row, 0), min(self.cursor.column, self._remove_column))
        self._enter_cell()
        self._resize()

    def show_totals(
        self, decision: Decision, keys: Sequence[str], total_by_key: Mapping[str, float | None]
    ) -> None:
        """Each option's total under its scores (`keys`: the options, in column order),
        wrapped within its column."""
        wrapped = [
            textwrap.wrap(format_total(decision, key, total_by_key[key]), width - 1) or [""]
            for key, width in zip(keys, self.score_widths, strict=False)
        ]
        height = max((len(lines) for lines in wrapped), default=1)
        self.total_lines = [
            [lines[line] if line < len(lines) else "" for lines in wrapped]
            for line in range(height)
        ]
        self._resize()

    @property
    def fixed_width(self) -> int:
        """The name and weight columns, which stay while the scores scroll sideways."""
        return self.name_width + GAP + WEIGHT_WIDTH + GAP

    @property
    def wanted_width(self) -> int:
        """Every column at its width: wider than the room, the scores scroll sideways."""
        return self.fixed_width + sum(w + GAP for w in self.score_widths) + len(REMOVE)

    def _resize(self) -> None:
        """Lay the screen out again only when the matrix changed size (not on each key)."""
        height = HEAD_LINES + len(self.texts) + len(self.total_lines) + 1  # (+ Add criterion)
        size = Size(self.wanted_width, height)
        resized = size != self.virtual_size
        self.virtual_size = size
        self.refresh(layout=resized)

    def value(self, key: str) -> str:
        """The text of the cell named `key`."""
        cell = self.cell_named(key)
        return self.texts[cell.row][cell.column]

    def cell_named(self, key: str) -> Cell:
        cell = Cell.named(key)
        if cell.row < 0:
            return self._add_cell
        return Cell(cell.row, self._remove_column) if cell.column < 0 else cell

    @property
    def _add_cell(self) -> Cell:
        return Cell(len(self.texts), 0)

    @property
    def cursor_key(self) -> str:
        return self._key(self.cursor)

    def _key(self, cell: Cell) -> str:
        if cell == self._add_cell:
            return "add-criterion"
        if cell.column == 0:
            return f"name-{cell.row}"
        if cell.column == 1:
            return f"weight-{cell.row}"
        if cell.column == self._remove_column:
            return f"remove-{cell.row}"
        return f"score-{cell.row}-{cell.column - 2}"

    @property
    def _remove_column(self) -> int:
        return 2 + len(self.titles)

    def _cell_exists(self, cell: Cell) -> bool:
        in_row = 0 <= cell.row < len(self.texts) and 0 <= cell.column <= self._remove_column
        return in_row or cell == self._add_cell

    # --- reading it back -----------------------------------------------------------

    def read(self, decision: Decision, columns: Sequence[Column]) -> Decision | str:
        """`decision` as the cells now have it, or what is wrong, its cell flagged."""
        self.invalid = None
        self.refresh()
        criteria: list[Criterion] = []
        scores: dict[str, dict[str, int]] = {c.key: {} for c in columns}
        for row, texts in enumerate(self.texts):
            name, weight_text = texts[0].strip(), texts[1].strip()
            try:
                criterion = Criterion(name, Decimal(weight_text))
            except InvalidOperation:
                what = name or "this criterion"
                return self._refuse(
                    Cell(row, 1), f"The weight of {what} must be a number, not {weight_text!r}"
                )
            except ModelError as error:
                if error.field == "criterion":
                    return self._refuse(Cell(row, 0), "A criterion needs a name")
                return self._refuse(Cell(row, 1), sentence(error.message))
            if criterion.name.casefold() in {c.name.casefold() for c in criteria}:
                return self._refuse(Cell(row, 0), "Two criteria have the same name")
            criteria.append(criterion)
            for option, item in enumerate(columns):
                text = texts[2 + option].strip()
                if not text:
                    continue
                if not text.isdigit() or not SCORE_MIN <= int(text) <= SCORE_MAX:
                    where = f"{name}, {item.title}"
                    message = f"A score is a whole number from 0 to 5, not {text!r} ({where})"
                    return self._refuse(Cell(row, 2 + option), message)
                scores[item.key][name] = int(text)
        kept = {key: value for key, value in decision.scores.items() if key not in scores}
        try:
            renamed = with_criteria(decision, criteria)
            return Decision(
                renamed.criteria, {**kept, **scores}, decision.chosen, decision.include_current
            )
        except ModelError as error:
            return self._refuse(
                Cell(0, 1 if error.field == "weight" else 0), sentence(error.message)
            )

    def _refuse(self, cell: Cell, message: str) -> str:
        """Flag the cell; the message says what is wrong with it."""
        self.invalid = cell
        return message

    # --- drawing -------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        fixed, moving = self._line(y)
        scroll_x = round(self.scroll_offset.x)
        visible = Strip(moving).crop(scroll_x, scroll_x + max(width - self.fixed_width, 0))
        base = self.rich_style
        return Strip.join([Strip(fixed), visible]).apply_style(base).adjust_cell_length(width, base)

    def _line(self, y: int) -> tuple[list[Segment], list[Segment]]:
        """Line `y` of the whole matrix: its fixed part (name, weight) and the rest."""
        style = self.get_component_rich_style
        gap = Segment(" " * GAP)
        if y == 0:
            head = style("decision-matrix--head")
            fixed = [Segment(fit("Criterion", self.name_width), head), gap]
            fixed += [Segment(fit("Weight", WEIGHT_WIDTH), head), gap]
            moving = []
            for title, width in zip(self.titles, self.score_widths, strict=True):
                moving += [Segment(fit(title, width), head), gap]
            return fixed, moving
        if y == 1:
            rule = style("decision-matrix--rule")
            return [Segment("─" * self.fixed_width, rule)], [
                Segment("─" * (self.wanted_width - self.fixed_width), rule)
            ]
        row = y - HEAD_LINES
        if row < len(self.texts):
            fixed = [*self._field(Cell(row, 0), self.name_width), gap]
            fixed += [*self._field(Cell(row, 1), WEIGHT_WIDTH), gap]
            moving = []
            for option, width in enumerate(self.score_widths):
                moving += [*self._field(Cell(row, 2 + option), width), gap]
            remove = Cell(row, self._remove_column)
            moving.append(Segment(REMOVE, self._cell_style(remove, Style())))
            return fixed, moving
        line = row - len(self.texts)
        if line == len(self.total_lines):
            add = self._cell_style(self._add_cell, style("decision-matrix--add"))
            return [Segment(ADD, add)], []
        if line > len(self.total_lines):
            return [], []
        total = style("decision-matrix--total")
        label = "Total (0–5)" if line == 0 else ""
        fixed = [Segment(fit(label, self.name_width + GAP + WEIGHT_WIDTH + GAP), total)]
        moving = []
        for text, width in zip(self.total_lines[line], self.score_widths, strict=False):
            moving += [Segment(fit(text, width), total), gap]
        return fixed, moving

    def _cell_style(self, cell: Cell, base: Style) -> Style:
        style = base
        if cell == self.invalid:
            style += self.get_component_rich_style("decision-matrix--invalid")
        if cell == self.cursor and self.has_focus:
            style += self.get_component_rich_style("decision-matrix--cursor")
        return style

    def _field(self, cell: Cell, width: int) -> list[Segment]:
        """A field: its text on a tint, the cursor's with its caret or its selection.
        Text is shown as it is (segments, never markup)."""
        text = self.texts[cell.row][cell.column]
        style = self._cell_style(cell, self.get_component_rich_style("decision-matrix--field"))
        editing = cell == self.cursor and self.has_focus
        if not text and not editing and cell.column >= 2:
            muted = style + self.get_component_rich_style("decision-matrix--placeholder")
            return [Segment(fit(SCORE_PLACEHOLDER, width), muted)]
        if not editing:
            return [Segment(fit(text, width), style)]
        mark = style + self.get_component_rich_style("decision-matrix--selected")
        if self.selected and text:
            shown = fit(text, width)
            return [Segment(shown[: cell_len(text)], mark), Segment(shown[cell_len(text) :], style)]
        start = max(0, self.caret - (width - 1))  # (a long text shows the part being typed)
        before, after = text[start : self.caret], text[self.caret :]
        caret = after[:1] or " "
        segments = [Segment(before, style), Segment(caret, mark), Segment(after[1:], style)]
        return list(Strip(segments).adjust_cell_length(width, style))

    def on_focus(self) -> None:
        self._enter_cell()
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self._focus_moved, init=False)

    def _focus_moved(self, before: Widget | None, now: Widget | None) -> None:
        """Tab into the matrix starts at its first cell, Shift+Tab at its last, as it
        would be among separate fields."""
        if now is not self or before is None or self._keep_cursor:
            self._keep_cursor = False
            return
        chain = self.screen.focus_chain
        backwards = before in chain and chain.index(before) > chain.index(self)
        self._move(self._add_cell if backwards else Cell(0, 0))

    def focus_cell(self, key: str) -> None:
        """Focus the matrix with the cursor on the cell named `key`."""
        self._keep_cursor = True
        self._move(self.cell_named(key))
        self.screen.set_focus(self)  # (at once: keys typed right behind Ctrl+N come here)

    # --- moving --------------------------------------------------------------------

    def _cells(self, *, fields_only: bool) -> list[Cell]:
        """Every cell in the order Tab goes (Enter's skips the ✕)."""
        last = self._remove_column - 1 if fields_only else self._remove_column
        cells = [Cell(r, c) for r in range(len(self.texts)) for c in range(last + 1)]
        return cells if fields_only else [*cells, self._add_cell]

    def _move(self, cell: Cell) -> None:
        if not self._cell_exists(cell):
            return
        self.cursor = cell
        self._enter_cell()
        self._show_cursor()
        self.refresh()

    def _enter_cell(self) -> None:
        """A cell reached is selected whole (typing replaces it), as a field is."""
        self.selected = True
        self.caret = len(self._text)

    def _show_cursor(self) -> None:
        """Scroll the scores sideways, and the screen up or down, to the cursor."""
        if self.cursor.column >= 2:  # (a score or a ✕)
            start = sum(w + GAP for w in self.score_widths[: self.cursor.column - 2])
            width = (
                len(REMOVE)
                if self.cursor.column == self._remove_column
                else self.score_widths[self.cursor.column - 2]
            )
            room = self.scrollable_content_region.width - self.fixed_width
            if start < self.scroll_x:
                self.scroll_to(x=start, animate=False)
            elif start + width > self.scroll_x + room:
                self.scroll_to(x=start + width - room, animate=False)
        container = self.parent
        if isinstance(container, Widget) and container.is_scrollable:
            y = self.virtual_region.y + HEAD_LINES + self.cursor.row
            if self.cursor == self._add_cell:
                y += len(self.total_lines)
            container.scroll_to_region(Region(0, y, 1, 1), animate=False)

    def _step(self, step: int, *, fields_only: bool) -> Cell | None:
        cells = self._cells(fields_only=fields_only)
        if self.cursor not in cells:
            return None
        position = cells.index(self.cursor) + step
        return cells[position] if 0 <= position < len(cells) else None

    def action_next_cell(self, _: int = 0) -> None:
        after = self._step(1, fields_only=False)
        if after is None:
            self.screen.focus_next()
        else:
            self._move(after)

    def action_previous_cell(self, _: int = 0) -> None:
        before = self._step(-1, fields_only=False)
        if before is None:
            self.screen.focus_previous()
        else:
            self._move(before)

    def action_submit(self, _: int = 0) -> None:
        """Enter presses a ✕; in a field it goes on to the next field (never a ✕: Enter
        must not remove a criterion by surprise), and after the last stays. On
        + Add criterion it adds one."""
        if self.cursor == self._add_cell:
            self.post_message(self.AddRequested(self))
            return
        if self.cursor.column == self._remove_column:
            self.post_message(self.RemoveRequested(self, self.cursor.row))
            return
        after = self._step(1, fields_only=True)
        if after is not None:
            self._move(after)

    def action_row(self, step: int) -> None:
        """Up and down: the same column's cell in the row above or below; past the
        first or last row the screen scrolls as usual."""
        cell = Cell(self.cursor.row + step, self.cursor.column)
        if not self._cell_exists(cell):
            raise SkipAction()
        self._move(cell)

    # --- editing -------------------------------------------------------------------

    @property
    def _text(self) -> str:
        """The cursor's text ("" on a ✕)."""
        row = self.texts[self.cursor.row] if self._editable() else []
        return row[self.cursor.column] if self.cursor.column < len(row) else ""

    def _editable(self) -> bool:
        on_a_field = self.cursor.column != self._remove_column and self.cursor != self._add_cell
        return self._cell_exists(self.cursor) and on_a_field

    def _set_text(self, text: str, caret: int) -> None:
        self.texts[self.cursor.row][self.cursor.column] = text
        self.caret = caret
        self.selected = False
        self.refresh()
        self.post_message(self.Changed(self, self.cursor_key))

    def insert(self, text: str) -> None:
        """Type `text` at the caret (replacing the cell's text when it is selected)."""
        if not self._editable():
            return
        if self.selected:
            self._set_text(text, len(text))
            return
        current = self._text
        self._set_text(current[: self.caret] + text + current[self.caret :], self.caret + len(text))

    def on_key(self, event: events.Key) -> None:
        """Each key in turn: a form's key acts, a character is typed; a key the matrix
        has no use for here (↑ on its first row) goes on to the page."""
        if event.key in self.KEYS:
            action, argument, _ = self.KEYS[event.key]
            try:
                getattr(self, f"action_{action}")(argument)
            except SkipAction:
                return
        elif event.is_printable and event.character and self._editable():
            self.insert(event.character)
        else:
            return
        event.stop()
        event.prevent_default()

    def on_paste(self, event: events.Paste) -> None:
        first_line = event.text.splitlines()[0] if event.text else ""
        if first_line and self._editable():
            event.stop()
            self.insert(first_line)

    def action_caret(self, step: int) -> None:
        """← →: within the cell's text; from its edge, on to the next field of the row."""
        if not self._editable():
            raise SkipAction()
        if self.selected:
            self.selected = False
            self.caret = 0 if step < 0 else len(self._text)
        elif 0 <= self.caret + step <= len(self._text):
            self.caret += step
        else:
            cell = Cell(self.cursor.row, self.cursor.column + step)
            if cell.column < 0 or cell.column >= self._remove_column:
                return
            self._move(cell)
            self.selected = False
            self.caret = 0 if step > 0 else len(self._text)
        self.refresh()

    def action_caret_to(self, where: int) -> None:
        if self._editable():
            self.selected = False
            self.caret = len(self._text) if where < 0 else 0
            self.refresh()

    def action_delete(self, direction: int) -> None:
        if not self._editable():
            return
        text = self._text
        if self.selected:
            self._set_text("", 0)
        elif direction < 0 and self.caret > 0:
            self._set_text(text[: self.caret - 1] + text[self.caret :], self.caret - 1)
        elif direction > 0 and self.caret < len(text):
            self._set_text(text[: self.caret] + text[self.caret + 1 :], self.caret)

    def action_clear(self, direction: int) -> None:
        """Ctrl+U clears to the start, Ctrl+K to the end (all of it when selected)."""
        if not self._editable():
            return
        text = self._text
        if self.selected:
            self._set_text("", 0)
        elif direction < 0:
            self._set_text(text[self.caret :], 0)
        else:
            self._set_text(text[: self.caret], self.caret)

    def on_click(self, event: events.Click) -> None:
        """A click puts the cursor on the cell; on a ✕, it removes the row."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = offset.y - HEAD_LINES
        if row == len(self.texts) + len(self.total_lines) and offset.x < len(ADD):
            self._keep_cursor = True
            self._move(self._add_cell)
            self.post_message(self.AddRequested(self))
            return
        if not 0 <= row < len(self.texts):
            return
        column = self._column_at(offset.x)
        if column is None:
            return
        self._keep_cursor = True
        self._move(Cell(row, column))
        if column == self._remove_column:
            self.post_message(self.RemoveRequested(self, row))

    def _column_at(self, x: int) -> int | None:
        if x < self.name_width:
            return 0
        if x < self.fixed_width:
            return 1 if x >= self.name_width + GAP else None
        x += round(self.scroll_x) - self.fixed_width
        for option, width in enumerate(self.score_widths):
            if x < width:
                return 2 + option
            x -= width + GAP
            if x < 0:
                return None
        return self._remove_column if x < len(REMOVE) else None


def _score_text(decision: Decision, key: str, criterion: str) -> str:
    score = decision.scores.get(key, {}).get(criterion)
    return "" if score is None else str(score)


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
