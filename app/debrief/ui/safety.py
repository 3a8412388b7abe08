"""No user text may drive the terminal: a line filter over everything Debrief draws.

Rich and Textual pass control characters in text straight to the terminal, so an ESC in
a company name (typed, pasted, imported) could recolour the screen or worse. This filter
replaces them, in every segment of every line, with visible symbols (ESC shows as ␛).
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from debrief.text import printable


class VisibleControlCharacters(LineFilter):
    """Control characters in text become visible; terminal control segments are left alone."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            segment
            if segment.control or segment.text.isprintable()
            else Segment(printable(segment.text), segment.style)
            for segment in segments
        ]
