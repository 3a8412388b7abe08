"""Lines laid out for the width they get, not wrapped after the fact.

A `Static` wraps at any space: at 80 columns "(7 interviews)" broke in two, and a long
question's "→ 4 → 4)" went on at the left margin. Here the screen says how to lay the
lines out for a width (a shorter bar, a hanging indent), and the widget asks it again
when its width changes; its height is that of the lines laid out.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

LayOut = Callable[[int], list[Content]]  # the lines for a width (in cells)


def hanging(head: Content, body: Content, width: int) -> list[Content]:
    """`head` then `body`, its further lines indented under the body's start."""
    indent = head.cell_length
    lines = body.wrap(max(width - indent, 1))
    return [head + lines[0], *(Content(" " * indent) + line for line in lines[1:])]


class FittedLines(Widget):
    """Lines from a `LayOut`, laid out again for each width."""

    DEFAULT_CSS = """
    FittedLines {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.lay_out: LayOut = lambda width: []
        self._laid_out: tuple[int, list[Content]] | None = None  # (width, lines)

    def show(self, lay_out: LayOut) -> None:
        self.lay_out = lay_out
        self._laid_out = None
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        """The lines at this width; any still too long wrap (so the height is right)."""
        if self._laid_out is None or self._laid_out[0] != width:
            lines = [part for line in self.lay_out(width) for part in line.wrap(max(width, 1))]
            self._laid_out = (width, lines)
        return self._laid_out[1]

    @property
    def content(self) -> Content:
        """What is shown, at the width the widget has now."""
        return Content("\n").join(self.lines(self.content_size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return self.content
