"""How the decision matrix is drawn: its columns' widths, and each line of it as segments
(the name and weight columns, which stay put, apart from the scores, which scroll
sideways), and which column a point on it falls in.

The widget (decision_matrix.py) owns the keys, the messages and the scrolling; this module
knows only the cells (debrief.decision_cells) and Rich's segments. Text is drawn as it is,
never read as markup.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from debrief.decision_cells import Cell, Cells

GAP = 2  # cells between columns
WEIGHT_WIDTH = 8
REMOVE = " ✕ "
SCORE_PLACEHOLDER = "0–5"
HEAD_LINES = 2  # the titles, then a rule
ADD = " + Add criterion (ctrl+n) "  # the last line, reached by Tab like a button
NAME_WIDTHS = (12, 24)  # a criterion's column, by its longest name, within these
SCORE_WIDTHS = (10, 20)  # an option's column, by its title, within these

Line = tuple[list[Segment], list[Segment]]  # the fixed part of a line, then the rest


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells, cut with an ellipsis when longer."""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


class MatrixLines:
    """The matrix's lines for its `cells`: two of titles, a row per criterion, the totals
    (wrapped within their columns), then + Add criterion. `style` gives the style of a
    component class by its name after `decision-matrix--`."""

    def __init__(self, cells: Cells, style: Callable[[str], Style]) -> None:
        self.cells = cells
        self.style = style
        self.name_width = NAME_WIDTHS[0]
        self.score_widths: list[int] = []
        self.total_lines: list[list[str]] = [[]]  # per line of the totals row, per option
        self.focused = False  # (the cursor is shown only then)

    def measure(self) -> None:
        """The columns' widths for the cells' names and titles; the totals left blank."""
        longest = max((cell_len(row[0]) for row in self.cells.texts), default=0)
        self.name_width = min(max(longest + 2, NAME_WIDTHS[0]), NAME_WIDTHS[1])
        self.score_widths = [
            min(max(cell_len(title) + 1, SCORE_WIDTHS[0]), SCORE_WIDTHS[1])
            for title in self.cells.titles
        ]
        self.total_lines = [[""] * len(self.cells.titles)]

    def wrap_totals(self, totals: Sequence[str]) -> None:
        """Each option's total (in column order) wrapped within its column."""
        wrapped = [
            textwrap.wrap(total, width - 1) or [""]
            for total, width in zip(totals, self.score_widths, strict=False)
        ]
        height = max((len(lines) for lines in wrapped), default=1)
        self.total_lines = [
            [lines[line] if line < len(lines) else "" for lines in wrapped]
            for line in range(height)
        ]

    @property
    def fixed_width(self) -> int:
        """The name and weight columns, which stay while the scores scroll sideways."""
        return self.name_width + GAP + WEIGHT_WIDTH + GAP

    @property
    def wanted_width(self) -> int:
        """Every column at its width: wider than the room, the scores scroll sideways."""
        return self.fixed_width + sum(w + GAP for w in self.score_widths) + len(REMOVE)

    @property
    def height(self) -> int:
        return HEAD_LINES + len(self.cells.texts) + len(self.total_lines) + 1

    def line_of(self, cell: Cell) -> int:
        """The line a cell is drawn on."""
        below_totals = len(self.total_lines) if cell == self.cells.add_cell else 0
        return HEAD_LINES + cell.row + below_totals

    def starts(self) -> list[int]:
        """Where each scrolling column starts among them: each score's, then the ✕'s."""
        starts = [0]
        for width in self.score_widths:
            starts.append(starts[-1] + width + GAP)
        return starts

    def window(self, scroll_x: int, room: int) -> tuple[int, int]:
        """The part of the scrolling columns shown at `scroll_x` in `room` cells: whole
        columns only (a column cut at its left read 'e Analytics', its total '0' for
        4.50), from the one at `scroll_x`; scrolled to the end, from the first column
        after which the rest fits."""
        starts = self.starts()
        end = starts[-1] + len(REMOVE)
        if scroll_x >= end - room:
            start = next((s for s in starts if s >= end - room), starts[-1])
        else:
            start = max(s for s in starts if s <= scroll_x)
        ends = [s + w for s, w in zip(starts, [*self.score_widths, len(REMOVE)], strict=True)]
        shown = [e for s, e in zip(starts, ends, strict=True) if s >= start and e <= start + room]
        return start, max(shown, default=start)

    def scroll_for(self, cell: Cell, scroll_x: int, room: int) -> int:
        """Where to scroll so that `cell` is shown whole: the names and weights scroll the
        scores back to their start; a column out of view comes in by whole columns."""
        if cell.column < 2:
            return 0
        start, width = self.span(cell)
        shown, _ = self.window(scroll_x, room)
        if start < shown:
            return start
        if start + width <= shown + room:
            return scroll_x
        return next(s for s in self.starts() if start + width <= s + room or s == start)

    def span(self, cell: Cell) -> tuple[int, int]:
        """Where a score's or a ✕'s cell starts among the scrolling columns, and its width."""
        start = sum(w + GAP for w in self.score_widths[: cell.column - 2])
        if cell.column == self.cells.remove_column:
            return start, len(REMOVE)
        return start, self.score_widths[cell.column - 2]

    # --- drawing -------------------------------------------------------------------

    def line(self, y: int) -> Line:
        """Line `y` of the whole matrix: its fixed part (name, weight) and the rest."""
        gap = Segment(" " * GAP)
        if y == 0:
            head = self.style("head")
            fixed = [Segment(fit("Criterion", self.name_width), head), gap]
            fixed += [Segment(fit("Weight", WEIGHT_WIDTH), head), gap]
            moving = []
            for title, width in zip(self.cells.titles, self.score_widths, strict=True):
                moving += [Segment(fit(title, width), head), gap]
            return fixed, moving
        if y == 1:
            rule = self.style("rule")
            return [Segment("─" * self.fixed_width, rule)], [
                Segment("─" * (self.wanted_width - self.fixed_width), rule)
            ]
        row = y - HEAD_LINES
        if row < len(self.cells.texts):
            return self._row(row)
        line = row - len(self.cells.texts)
        if line == len(self.total_lines):
            add = self._cell_style(self.cells.add_cell, self.style("add"))
            return [Segment(ADD, add)], []
        if line > len(self.total_lines):
            return [], []
        total = self.style("total")
        label = "Total (0–5)" if line == 0 else ""
        fixed = [Segment(fit(label, self.fixed_width), total)]
        moving = []
        for text, width in zip(self.total_lines[line], self.score_widths, strict=False):
            moving += [Segment(fit(text, width), total), gap]
        return fixed, moving

    def _row(self, row: int) -> Line:
        gap = Segment(" " * GAP)
        fixed = [*self._field(Cell(row, 0), self.name_width), gap]
        fixed += [*self._field(Cell(row, 1), WEIGHT_WIDTH), gap]
        moving = []
        for option, width in enumerate(self.score_widths):
            moving += [*self._field(Cell(row, 2 + option), width), gap]
        remove = Cell(row, self.cells.remove_column)
        moving.append(Segment(REMOVE, self._cell_style(remove, Style())))
        return fixed, moving

    def _cell_style(self, cell: Cell, base: Style) -> Style:
        style = base
        if cell == self.cells.invalid:
            style += self.style("invalid")
        if cell == self.cells.cursor and self.focused:
            style += self.style("cursor")
        return style

    def _field(self, cell: Cell, width: int) -> list[Segment]:
        """A field: its text on a tint, the cursor's with its caret or its selection."""
        cells = self.cells
        text = cells.texts[cell.row][cell.column]
        style = self._cell_style(cell, self.style("field"))
        editing = cell == cells.cursor and self.focused
        if not text and not editing and cell.column >= 2:
            muted = style + self.style("placeholder")
            return [Segment(fit(SCORE_PLACEHOLDER, width), muted)]
        if not editing:
            return [Segment(fit(text, width), style)]
        mark = style + self.style("selected")
        if cells.selected and text:
            shown = fit(text, width)
            return [Segment(shown[: cell_len(text)], mark), Segment(shown[cell_len(text) :], style)]
        start = max(0, cells.caret - (width - 1))  # (a long text shows the part being typed)
        before, after = text[start : cells.caret], text[cells.caret :]
        caret = after[:1] or " "
        segments = [Segment(before, style), Segment(caret, mark), Segment(after[1:], style)]
        return list(Strip(segments).adjust_cell_length(width, style))

    def column_at(self, x: int, shown: int) -> int | None:
        """The column at `x` across the widget (the scores shown from `shown`)."""
        if x < self.name_width:
            return 0
        if x < self.fixed_width:
            return 1 if x >= self.name_width + GAP else None
        x += shown - self.fixed_width
        for option, width in enumerate(self.score_widths):
            if x < width:
                return 2 + option
            x -= width + GAP
            if x < 0:
                return None
        return self.cells.remove_column if x < len(REMOVE) else None
