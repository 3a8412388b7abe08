"""The decision matrix's cells without a screen: which cell is where, where the cursor
goes from one, what a key does to the text of the cell being edited, and the cells read
back as a `Decision` or as what is wrong with them.

Kept apart from the widget (ui/widgets/decision_matrix.py), which draws these cells and
turns keys and clicks into the calls below, so that the rules of the form can be read,
and tried, without Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from debrief.compare import Column, with_criteria
from debrief.model import SCORE_MAX, SCORE_MIN, Criterion, Decision, ModelError, quoted


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


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
        matrix places (`Cells.cell_named`)."""
        kind, row, *option = key.split("-")
        if kind == "add":
            return cls(-1, 0)
        if kind == "score":
            return cls(int(row), 2 + int(option[0]))
        return cls(int(row), {"name": 0, "weight": 1}.get(kind, -1))


def score_text(decision: Decision, key: str, criterion: str) -> str:
    score = decision.scores.get(key, {}).get(criterion)
    return "" if score is None else str(score)


class Cells:
    """The text of every cell (per row: name, weight, then each score), the cursor (the
    cell being edited), the caret in its text, and the cell found invalid, if any.

    The edits return whether a cell's text was set, so that the widget says so."""

    def __init__(self) -> None:
        self.texts: list[list[str]] = []
        self.titles: list[str] = []
        self.cursor = Cell(0, 0)
        self.invalid: Cell | None = None
        self.caret = 0
        self.selected = True  # the cell's text is taken whole by the next key typed

    def show(self, decision: Decision, columns: Sequence[Column]) -> None:
        """A row per criterion of `decision` for `columns` (the cursor stays in its cell
        when that cell is still there, else goes to the row above)."""
        self.titles = [c.title for c in columns]
        self.texts = [
            [criterion.name, str(criterion.weight)]
            + [score_text(decision, c.key, criterion.name) for c in columns]
            for criterion in decision.criteria
        ]
        self.invalid = None
        if not self.exists(self.cursor):
            row = min(self.cursor.row, len(self.texts) - 1)
            self.cursor = Cell(max(row, 0), min(self.cursor.column, self.remove_column))
        self.enter()

    # --- where the cells are -------------------------------------------------------

    @property
    def remove_column(self) -> int:
        return 2 + len(self.titles)

    @property
    def add_cell(self) -> Cell:
        return Cell(len(self.texts), 0)

    def exists(self, cell: Cell) -> bool:
        in_row = 0 <= cell.row < len(self.texts) and 0 <= cell.column <= self.remove_column
        return in_row or cell == self.add_cell

    def cell_named(self, key: str) -> Cell:
        cell = Cell.named(key)
        if cell.row < 0:
            return self.add_cell
        return Cell(cell.row, self.remove_column) if cell.column < 0 else cell

    def key(self, cell: Cell) -> str:
        """The name of `cell` (the inverse of `cell_named`)."""
        if cell == self.add_cell:
            return "add-criterion"
        if cell.column == 0:
            return f"name-{cell.row}"
        if cell.column == 1:
            return f"weight-{cell.row}"
        if cell.column == self.remove_column:
            return f"remove-{cell.row}"
        return f"score-{cell.row}-{cell.column - 2}"

    def value(self, key: str) -> str:
        """The text of the cell named `key`."""
        cell = self.cell_named(key)
        return self.texts[cell.row][cell.column]

    # --- moving --------------------------------------------------------------------

    def order(self, *, fields_only: bool) -> list[Cell]:
        """Every cell in the order Tab goes (Enter's skips the ✕ and + Add criterion)."""
        last = self.remove_column - 1 if fields_only else self.remove_column
        cells = [Cell(r, c) for r in range(len(self.texts)) for c in range(last + 1)]
        return cells if fields_only else [*cells, self.add_cell]

    def step(self, step: int, *, fields_only: bool) -> Cell | None:
        """The cell `step` places from the cursor in that order; None past either end."""
        cells = self.order(fields_only=fields_only)
        if self.cursor not in cells:
            return None
        position = cells.index(self.cursor) + step
        return cells[position] if 0 <= position < len(cells) else None

    def move(self, cell: Cell) -> bool:
        """Put the cursor on `cell`, if there is one."""
        if not self.exists(cell):
            return False
        self.cursor = cell
        self.enter()
        return True

    def enter(self) -> None:
        """A cell reached is selected whole (typing replaces it), as a field is."""
        self.selected = True
        self.caret = len(self.text)

    # --- editing -------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The cursor's text ("" on a ✕)."""
        row = self.texts[self.cursor.row] if self.editable() else []
        return row[self.cursor.column] if self.cursor.column < len(row) else ""

    def editable(self) -> bool:
        on_a_field = self.cursor.column != self.remove_column and self.cursor != self.add_cell
        return self.exists(self.cursor) and on_a_field

    def _set(self, text: str, caret: int) -> bool:
        self.texts[self.cursor.row][self.cursor.column] = text
        self.caret = caret
        self.selected = False
        return True

    def insert(self, text: str) -> bool:
        """Type `text` at the caret (replacing the cell's text when it is selected)."""
        if not self.editable():
            return False
        if self.cursor.column >= 1:  # (a number: space chooses in the list, never blanks)
            text = "".join(text.split())
            if not text:
                return False
        if self.selected:
            return self._set(text, len(text))
        current = self.text
        return self._set(
            current[: self.caret] + text + current[self.caret :], self.caret + len(text)
        )

    def delete(self, direction: int) -> bool:
        """Backspace (-1) or Delete (1): one character, or all of a selected text."""
        start = self.caret - 1 if direction < 0 else self.caret
        return self._cut(start, start + 1)

    def clear(self, direction: int) -> bool:
        """Ctrl+U clears to the start, Ctrl+K to the end (all of it when selected)."""
        return self._cut(0, self.caret) if direction < 0 else self._cut(self.caret, len(self.text))

    def _cut(self, start: int, end: int) -> bool:
        """Remove the text from `start` to `end` (all of it when selected), the caret left
        where it was cut; nothing to remove sets nothing."""
        if not self.editable():
            return False
        if self.selected:
            return self._set("", 0)
        text = self.text
        start, end = max(start, 0), min(end, len(text))
        return start < end and self._set(text[:start] + text[end:], start)

    def nudge(self, step: int) -> bool:
        """← →: within the cell's text; from its edge, on to the next field of the row
        (True: the cursor moved to it). Only on an editable cell."""
        if self.selected:
            self.selected = False
            self.caret = 0 if step < 0 else len(self.text)
            return False
        if 0 <= self.caret + step <= len(self.text):
            self.caret += step
            return False
        cell = Cell(self.cursor.row, self.cursor.column + step)
        if cell.column < 0 or cell.column >= self.remove_column:
            return False
        self.move(cell)
        self.selected = False
        self.caret = 0 if step > 0 else len(self.text)
        return True

    def caret_to(self, where: int) -> None:
        """Home (0) and End (-1)."""
        if self.editable():
            self.selected = False
            self.caret = len(self.text) if where < 0 else 0

    # --- reading it back -----------------------------------------------------------

    def read(self, decision: Decision, columns: Sequence[Column]) -> tuple[Decision, str | None]:
        """`decision` as the cells now have it, and what is wrong with the first cell
        found wrong (flagged), if any. A wrong cell keeps what `decision` had, and only
        it: the valid edits beside it count and are saved (they were all held back)."""
        self.invalid = None
        problems: list[str] = []
        criteria: list[Criterion] = []
        scores: dict[str, dict[str, int]] = {c.key: {} for c in columns}
        for row, texts in enumerate(self.texts):
            before = decision.criteria[row] if row < len(decision.criteria) else None
            criterion = self._criterion(row, texts, criteria, problems, before)
            if criterion is None:
                continue
            criteria.append(criterion)
            for option, item in enumerate(columns):
                text = texts[2 + option].strip()
                if not text:
                    continue
                if text.isdigit() and SCORE_MIN <= int(text) <= SCORE_MAX:
                    scores[item.key][criterion.name] = int(text)
                    continue
                where = f"{quoted(criterion.name)}, {item.title}"
                message = f"A score is a whole number from 0 to 5, not {text!r} ({where})"
                self._refuse(Cell(row, 2 + option), message, problems)
                kept_score = decision.scores.get(item.key, {}).get(before.name) if before else None
                if kept_score is not None:
                    scores[item.key][criterion.name] = kept_score
        kept = {key: value for key, value in decision.scores.items() if key not in scores}
        try:
            renamed = with_criteria(decision, criteria)
            read = Decision(
                renamed.criteria, {**kept, **scores}, decision.chosen, decision.include_current
            )
        except ModelError as error:
            cell = Cell(0, 1 if error.field == "weight" else 0)
            return decision, self._refuse(cell, sentence(error.message), problems)
        return read, problems[0] if problems else None

    def _criterion(
        self,
        row: int,
        texts: list[str],
        criteria: list[Criterion],
        problems: list[str],
        before: Criterion | None,
    ) -> Criterion | None:
        """Row `row`'s name and weight as a criterion; a wrong name or weight is said and
        replaced by what `before` had (the other kept), None if there was nothing before."""
        name, weight_text = texts[0].strip(), texts[1].strip()
        if not name or name.casefold() in {c.name.casefold() for c in criteria}:
            problem = "Two criteria have the same name" if name else "A criterion needs a name"
            self._refuse(Cell(row, 0), problem, problems)
            if before is None:
                return None
            name = before.name
        try:
            return Criterion(name, Decimal(weight_text.replace(",", ".")))
        except InvalidOperation:
            message = f"The weight of {quoted(name)} must be a number, not {weight_text!r}"
        except ModelError as error:
            message = sentence(error.message)
        self._refuse(Cell(row, 1), message, problems)
        return None if before is None else Criterion(name, before.weight)

    def _refuse(self, cell: Cell, message: str, problems: list[str]) -> str:
        """Flag the first cell found wrong; the first message says what is wrong with it."""
        if self.invalid is None:
            self.invalid = cell
        problems.append(message)
        return problems[0]
