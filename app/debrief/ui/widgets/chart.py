"""The trends chart: textual-plotext's widget, painted straight from plotext's output.

PlotextPlot renders plotext's text as `rich.text.Text.from_ansi(...)`, which Textual then
turns back into lines of styled segments: at 10,000 reflections that round trip cost
~40 ms of the first F4 (about as much as plotext drawing the chart). Plotext writes only
a few kinds of escape sequence (colours by number or RGB, bold, reset), so the lines are
read straight into segments here, with one Rich style per distinct sequence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual_plotext import PlotextPlot

SGR = re.compile(r"\x1b\[([0-9;]*)m")


class ChartPlot(PlotextPlot):
    """A PlotextPlot whose lines are read from plotext's output, not via Rich Text."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lines: tuple[tuple[object, ...], list[Strip]] | None = None

    def redraw(self) -> None:
        """Paint the chart again after `plt` was given new data (a new size or theme is
        noticed when painted)."""
        self._lines = None
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width, height = self.size
        key = (width, height, self.app.theme)
        if self._lines is None or self._lines[0] != key:
            self._lines = (key, self._draw())
        lines = self._lines[1]
        return lines[y] if y < len(lines) else Strip.blank(width, self.rich_style)

    def _draw(self) -> list[Strip]:
        """What `PlotextPlot.render` draws, as strips."""
        width, height = self.size
        plot = self.plt
        plot.plotsize(width, height)
        plot._set_size(width, height)  # (as PlotextPlot.render does: see its comment)
        plot.theme(self._get_plotext_theme_name(self.app.theme))
        return [strip_of(line, width) for line in plot.build().split("\n")]


def strip_of(line: str, width: int) -> Strip:
    """One line of plotext's output as a strip `width` cells wide."""
    segments: list[Segment] = []
    style = Style()
    position = 0
    for match in SGR.finditer(line):
        if match.start() > position:
            segments.append(Segment(line[position : match.start()], style))
        parameters = match.group(1)
        if parameters in ("", "0"):
            style = Style()
        else:
            style += style_of(parameters)
        position = match.end()
    if position < len(line):
        segments.append(Segment(line[position:], style))
    return Strip(segments).adjust_cell_length(width)


@lru_cache(maxsize=256)
def style_of(parameters: str) -> Style:
    """What one escape sequence sets ("38;2;r;g;b", "48;5;n", "1"...), read as Rich reads
    it for PlotextPlot (a colour is a colour whichever way it was written)."""
    spans = Text.from_ansi(f"\x1b[{parameters}m.").spans
    return spans[0].style if spans and isinstance(spans[0].style, Style) else Style()
