"""Self-rating over time: a dot per interview, the moving average as a line beneath them.

Drawn line by line (Textual's line API): the plotting library it replaces cost ~45 ms to
import and ~50 ms to build each time it was drawn, most of the trends screen's first
open; and its line hid the dots it crossed (a third of them, the 3s, 4s and 7s). Here a
dot is always drawn over the line.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from debrief.dates import short_day

DOT = "●"
LINE = "─"
TOP, BOTTOM = 10, 1  # the ratings the rows stand for, top to bottom
LABELLED = (10, 8, 6, 4, 2)
MARGIN = 5  # "10 ┤ "
TICKS = 5


class RatingChart(Widget):
    """A row per rating (10 at the top), days across; a legend above, dates below."""

    COMPONENT_CLASSES = {"rating-chart--dot", "rating-chart--average", "rating-chart--axis"}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.days: list[int] = []  # each interview's day (ordinal), oldest first
        self.ratings: list[int] = []
        self.averages: list[float] = []
        self.label = "interview"
        self.today = date.min  # (set by plot): the dates below leave out its year
        self._lines: tuple[int, list[Strip]] | None = None  # (width, lines) drawn

    def plot(
        self,
        days: Sequence[int],
        ratings: Sequence[int],
        averages: Sequence[float],
        label: str,
        *,
        today: date,
    ) -> None:
        """Show these interviews (`label` names what a dot is; dates in `today`'s year are
        written without it, as everywhere else in the app)."""
        self.days, self.ratings, self.averages = list(days), list(ratings), list(averages)
        self.label, self.today = label, today
        self._lines = None
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if self._lines is None or self._lines[0] != width:
            self._lines = (width, self._draw(width))
        lines = self._lines[1]
        return lines[y] if y < len(lines) else Strip.blank(width, self.rich_style)

    def _draw(self, width: int) -> list[Strip]:
        """Every line: the legend, a row per rating, the axis, the dates."""
        base = self.rich_style
        dot = base + self.get_component_rich_style("rating-chart--dot")
        line = base + self.get_component_rich_style("rating-chart--average")
        axis = base + self.get_component_rich_style("rating-chart--axis")
        room = max(width - MARGIN, 1)
        cells: dict[tuple[int, int], tuple[str, Style]] = {}  # (row, column) → what is there
        columns = [self._column(day, room) for day in self.days]
        for (left, start), (right, end) in zip(
            zip(columns, self.averages, strict=True),
            zip(columns[1:], self.averages[1:], strict=True),
            strict=False,
        ):
            for column in range(left, right + 1):
                share = (column - left) / (right - left) if right > left else 0.0
                cells[(self._row(start + (end - start) * share), column)] = (LINE, line)
        for column, rating in zip(columns, self.ratings, strict=True):
            cells[(self._row(rating), column)] = (DOT, dot)  # (over the line, always)
        legend = Strip(
            [
                Segment(" " * MARGIN),
                Segment(DOT, dot),
                Segment(f" {self.label}   "),
                Segment(LINE * 2, line),
                Segment(" moving average (3)"),
            ]
        )
        lines = [legend]
        for rating in range(TOP, BOTTOM - 1, -1):
            row = TOP - rating
            label = f"{rating:>2} ┤" if rating in LABELLED else "   │"
            segments = [Segment(label + " ", axis)]
            for column in range(room):
                char, style = cells.get((row, column), (" ", base))
                segments.append(Segment(char, style))
            lines.append(Strip(segments))
        lines.append(Strip([Segment("   └" + "─" * (room + 1), axis)]))
        lines.append(Strip([Segment(self._dates(room), axis)]))
        return [strip.apply_style(base).adjust_cell_length(width, base) for strip in lines]

    def _column(self, day: int, room: int) -> int:
        first, last = self.days[0], self.days[-1]
        if last <= first:
            return room // 2
        return round((day - first) / (last - first) * (room - 1))

    @staticmethod
    def _row(value: float) -> int:
        return TOP - min(max(round(value), BOTTOM), TOP)

    def _dates(self, room: int) -> str:
        """A few dates under the axis, evenly spaced, none overlapping the next."""
        text = " " * (MARGIN + room)
        if not self.days:
            return text
        free = 0
        for day in date_ticks(self.days[0], self.days[-1], TICKS):
            label = short_day(date.fromordinal(int(day)), self.today)
            start = MARGIN + self._column(int(day), room) - len(label) // 2
            start = min(max(start, free), MARGIN + room - len(label))
            if start < free:
                continue
            text = text[:start] + label + text[start + len(label) :]
            free = start + len(label) + 1
        return text


def date_ticks(first: int, last: int, count: int = TICKS) -> list[float]:
    """Evenly spaced days (as ordinals) from `first` to `last`: labels never collide."""
    if last <= first:
        return [first]
    return sorted({round(first + (last - first) * i / (count - 1)) for i in range(count)})
