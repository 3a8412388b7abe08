"""A table that renders only the rows on screen, so 2,000 rows cost what 30 do.

Rows are not widgets and not stored: the table asks `cell(row, column_key)` for the
text of each visible cell as it paints. Replacing the rows (a new search result, a new
sort) is a count and a callback, then a repaint. Text is shown literally.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from debrief.columns import GAP, TableColumn, fit_columns, fitted_to_texts, width_of
from debrief.text import one_line

CellText = Callable[[int, str], str]


def content_widths(
    columns: Sequence[TableColumn], count: int, cell: CellText, label_room: int = 0
) -> list[TableColumn]:
    """`columns` each as wide as its widest cell over `count` rows (or its label, with
    `label_room` for an arrow), up to its `width`."""
    return [
        fitted_to_texts(column, (cell(row, column.key) for row in range(count)), label_room)
        for column in columns
    ]


class VirtualTable(ScrollView, can_focus=True):
    """A sticky header, a cursor row, keyboard and mouse; rows drawn on demand."""

    COMPONENT_CLASSES = {
        "virtual-table--header",
        "virtual-table--cursor",
        "virtual-table--odd",
    }

    DEFAULT_CSS = """
    VirtualTable {
        background: $surface;
        scrollbar-gutter: stable;
    }
    VirtualTable > .virtual-table--header {
        text-style: bold;
        background: $panel;
        color: $text;
    }
    VirtualTable > .virtual-table--odd {
        background: $surface-lighten-1 30%;
    }
    VirtualTable > .virtual-table--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
    }
    VirtualTable:focus > .virtual-table--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    """

    # (The cursor keys are `system`: not in the palette or the key panel, like Textual's.)
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False, system=True, id="table.up"),
        Binding("down", "move(1)", "Down", show=False, system=True, id="table.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, system=True, id="table.page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, system=True, id="table.page_down"),
        Binding("home", "jump(0)", "First", show=False, system=True, id="table.first"),
        Binding("end", "jump(-1)", "Last", show=False, system=True, id="table.last"),
        Binding("enter", "select", "Open", show=False, id="table.open"),
    ]

    cursor_row: reactive[int] = reactive(0, init=False)

    @dataclass
    class Highlighted(Message):
        table: VirtualTable
        row: int

    @dataclass
    class Selected(Message):
        table: VirtualTable
        row: int

    @dataclass
    class HeaderClicked(Message):
        table: VirtualTable
        column_key: str

    def __init__(
        self, columns: Sequence[TableColumn], *, label_room: int = 0, id: str | None = None
    ) -> None:
        """`label_room`: cells kept beside every header label (for a sort arrow)."""
        super().__init__(id=id)
        self.row_count = 0
        self.label_room = label_room
        self.pinned: str | None = None
        self._cell: CellText = lambda row, key: ""
        self.set_columns(columns)

    def set_columns(self, columns: Sequence[TableColumn]) -> None:
        """Change the columns (each at its widest); `show_rows` repaints."""
        self.all_columns = list(columns)
        self._measured = self.all_columns
        self._labels = {c.key: c.label for c in columns}
        self._fit()

    def fit_to(self, count: int, cell: CellText) -> None:
        """Make each column as wide as its widest cell over these rows (up to its widest):
        measured once when the rows change, not as a search narrows them."""
        self._measured = content_widths(self.all_columns, count, cell, self.label_room)
        self._fit()

    def pin(self, column_key: str) -> None:
        """Keep this column on screen however narrow the table (the one sorted by: its
        arrow says so); another gives way instead."""
        self.pinned = column_key
        self._fit()
        self.virtual_size = Size(self._width, self.row_count + 1)
        self.refresh()

    def _fit(self) -> None:
        """The columns shown: as many as the table's width allows (all, before layout)."""
        room = self.scrollable_content_region.width if self.size.width else 10_000
        measured = [replace(c, drop=0) if c.key == self.pinned else c for c in self._measured]
        self.columns = fit_columns(measured, room, self.label_room)
        self._width = width_of(self.columns)

    def on_resize(self) -> None:
        before = self.columns
        self._fit()
        if self.columns != before:
            self.virtual_size = Size(self._width, self.row_count + 1)
            self.refresh()

    # --- data ------------------------------------------------------------------------

    def show_rows(
        self, count: int, cell: CellText, *, cursor: int | None = None, fit: bool = False
    ) -> None:
        """Display `count` rows whose cells come from `cell(row, column_key)`; `fit`: the
        columns as wide as these rows need (`fit_to`)."""
        if fit:
            self.fit_to(count, cell)
        resized = count != self.row_count  # (a table as tall as its rows lays out again)
        self.row_count = count
        self._cell = cell
        self.virtual_size = Size(self._width, count + 1)
        target = self.cursor_row if cursor is None else cursor
        self.set_reactive(VirtualTable.cursor_row, max(0, min(target, count - 1)))
        self._keep_cursor_visible()
        self.refresh(layout=resized)
        if count:
            self.post_message(self.Highlighted(self, self.cursor_row))

    def set_header_label(self, column_key: str, label: str) -> None:
        self._labels[column_key] = label
        self.refresh_line(0)

    # --- painting --------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        if y == 0:
            strip = self._row_strip(
                self._header_texts(), self.get_component_rich_style("virtual-table--header")
            )
        else:
            row = scroll_y + y - 1
            if row >= self.row_count:
                return Strip.blank(width, self.rich_style)
            strip = self._row_strip(self.row_texts(row), self._row_style(row))
        return strip.crop(scroll_x, scroll_x + width).extend_cell_length(width, strip_style(strip))

    def row_texts(self, row: int) -> list[str]:
        """What a row's cells say, before they are fitted to their columns."""
        return [self._cell(row, column.key) for column in self.columns]

    def _header_texts(self) -> list[str]:
        return [self._labels[column.key] for column in self.columns]

    def _row_style(self, row: int) -> Style:
        style = self.rich_style
        if row % 2:
            style += self.get_component_rich_style("virtual-table--odd")
        if row == self.cursor_row:
            style += self.get_component_rich_style("virtual-table--cursor")
        return style

    def _row_strip(self, texts: list[str], style: Style) -> Strip:
        segments = [Segment(" ", style)]
        for index, (column, text) in enumerate(zip(self.columns, texts, strict=True)):
            cell = _fit(text, column.width, column.align_right, column.keep_end)
            segments.append(Segment(cell, style))
            if index < len(self.columns) - 1:
                segments.append(Segment(" " * GAP, style))
        segments.append(Segment(" ", style))
        return Strip(segments, self._width)

    # --- moving ----------------------------------------------------------------------

    def watch_cursor_row(self, previous: int, current: int) -> None:
        self._refresh_row(previous)
        self._refresh_row(current)
        self._keep_cursor_visible()
        if self.row_count:
            self.post_message(self.Highlighted(self, current))

    def _refresh_row(self, row: int) -> None:
        line = row - self.scroll_offset.y + 1
        if 1 <= line < self.size.height:
            self.refresh_line(line)

    def _keep_cursor_visible(self) -> None:
        visible_rows = max(1, self.size.height - 1)
        top = self.scroll_offset.y
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False)
        elif self.cursor_row >= top + visible_rows:
            self.scroll_to(y=self.cursor_row - visible_rows + 1, animate=False)

    def action_move(self, step: int) -> None:
        if self.row_count:
            self.cursor_row = max(0, min(self.row_count - 1, self.cursor_row + step))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.size.height - 2))

    def action_jump(self, row: int) -> None:
        if self.row_count:
            self.cursor_row = row if row >= 0 else self.row_count - 1

    def action_select(self) -> None:
        if self.row_count:
            self.post_message(self.Selected(self, self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            key = self._column_at(offset.x + self.scroll_offset.x)
            if key is not None:
                self.post_message(self.HeaderClicked(self, key))
            return
        row = self.scroll_offset.y + offset.y - 1
        if row == self.cursor_row < self.row_count:  # the highlighted row (or a double click)
            self.post_message(self.Selected(self, row))
        elif row < self.row_count:
            self.cursor_row = row

    def _column_at(self, x: int) -> str | None:
        left = 1
        for column in self.columns:
            if left <= x < left + column.width + GAP:
                return column.key
            left += column.width + GAP
        return None


def _fit(text: str, width: int, align_right: bool, keep_end: bool = False) -> str:
    """Exactly `width` cells: one line, cut with an ellipsis (at its start if `keep_end`),
    padded (wide characters counted)."""
    line = one_line(text)
    if cell_len(line) > width and keep_end:
        while cell_len(line) > width - 1:
            line = line[1:]
        line = "…" + line
    elif cell_len(line) > width:
        line = set_cell_size(line, width - 1) + "…"
    padding = " " * (width - cell_len(line))
    return padding + line if align_right else line + padding


def strip_style(strip: Strip) -> Style | None:
    segments = list(strip)
    return segments[-1].style if segments else None
