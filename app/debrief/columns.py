"""Columns of text fitted to a width: the app's tables and the shell's `list` and `due`
share these rules, so a narrow terminal gives way the same everywhere.

Each column is as wide as its widest text (up to a limit); on a narrow terminal the
least useful columns go first, then the widest are cut together. Lines that must wrap
break between words, never inside one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from debrief.text import cell_width, one_line

GAP = 2  # spaces between columns


@dataclass(frozen=True)
class TableColumn:
    """A column: the widest it grows to (`width`; fitted to its texts, it is as wide as
    the widest, up to that), and how it gives way on a narrow terminal: `drop` orders the
    columns that go first (1 before 2; 0 never goes), `narrowest` how far it may shrink
    (its text is cut with an ellipsis; never narrower than its label); `keep_end`: a cut
    text keeps its end (a trail of answers, the latest last); `yields`: it gives up its
    cells first (history's opportunity, so the follow-up keeps its person's name)."""

    key: str
    label: str
    width: int
    align_right: bool = False
    drop: int = 0
    narrowest: int | None = None
    keep_end: bool = False
    yields: bool = False  # cut to its `narrowest` before any other column is cut


def width_of(columns: Sequence[TableColumn], edges: int = 2) -> int:
    """Cells a row of `columns` takes, with the gaps and `edges` (a table's margins)."""
    return sum(c.width for c in columns) + GAP * (len(columns) - 1) + edges


def fitted_to_texts(column: TableColumn, texts: Iterable[str], label_room: int = 0) -> TableColumn:
    """`column` as wide as its widest text or its label (with `label_room` for a sort
    arrow), up to its `width`: room goes to the text that needs it."""
    widest = cell_width(column.label) + label_room
    if widest < column.width:  # (each text measured once: names and stages repeat)
        widest = max([widest, *(cell_width(one_line(text)) for text in set(texts))])
    return replace(column, width=min(column.width, widest))


def fit_columns(
    columns: Sequence[TableColumn], room: int, label_room: int = 0, edges: int = 2
) -> list[TableColumn]:
    """The columns that fit in `room` cells. A droppable column goes (in `drop` order)
    only while the rest cannot fit with it and the less useful columns cut (to their
    `narrowest`): a more useful one (a column that never goes, or goes later) is never cut
    to keep it. So the journal hides Want and Stage before it cuts a role, and keeps a role
    cut to 17 cells rather than leave 20 empty ones. What still does not fit is cut: the
    columns that `yields` first, then the widest giving up cells together (two long
    columns both cut a little, rather than one cut to its bone).

    `label_room`: cells a header may add to its label (a sort arrow)."""

    kept = list(columns)
    for column in sorted((c for c in columns if c.drop), key=lambda c: c.drop):
        cut = _shrunk(kept, room, label_room, edges, up_to=_usefulness(column))
        if width_of(cut, edges) <= room:
            break
        kept.remove(column)
    first = _shrunk(kept, room, label_room, edges, yielding_only=True)
    return _shrunk(first, room, label_room, edges)


def _usefulness(column: TableColumn) -> float:
    return column.drop or math.inf


def _shrunk(
    columns: Sequence[TableColumn],
    room: int,
    label_room: int,
    edges: int,
    up_to: float = math.inf,
    yielding_only: bool = False,
) -> list[TableColumn]:
    """`columns` cut to fit `room` if they can: the widest give up a cell each a round,
    none narrower than its `narrowest` or its label, none more useful than `up_to` (and
    only those that `yields`, if `yielding_only`)."""

    def floor(column: TableColumn) -> int:
        kept_whole = _usefulness(column) > up_to or (yielding_only and not column.yields)
        if column.narrowest is None or kept_whole:
            return column.width
        return min(column.width, max(column.narrowest, cell_width(column.label) + label_room))

    floors = {c.key: floor(c) for c in columns}
    kept = list(columns)
    excess = width_of(kept, edges) - room
    while excess > 0:
        shrinkable = [c for c in kept if c.width > floors[c.key]]
        if not shrinkable:
            break
        widest = max(c.width for c in shrinkable)
        for column in (c for c in shrinkable if c.width == widest):
            if excess > 0:
                kept[kept.index(column)] = replace(column, width=column.width - 1)
                excess -= 1
    return kept


def wrap_words(text: str, width: int) -> list[str]:
    """`text` on lines of at most `width` cells, broken between words; a word longer than
    a whole line is the only thing ever cut (with an ellipsis)."""
    from debrief.text import fit

    lines: list[str] = []
    line = ""
    for word in one_line(text).split(" "):
        if cell_width(word) > width:
            word = fit(word, width)
        if not line:
            line = word
        elif cell_width(line) + 1 + cell_width(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines
