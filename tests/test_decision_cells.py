"""The decision matrix's cells without Textual: where the cursor goes, what a key does to
the text being edited, and the cells read back as a decision or as what is wrong."""

from __future__ import annotations

from decimal import Decimal

from debrief.compare import Column
from debrief.decision_cells import Cell, Cells
from debrief.model import Criterion, Decision

COLUMNS = [Column("a", "Acme", "", None, ()), Column("g", "Globex", "", None, ())]
DECISION = Decision(
    (Criterion("Pay", Decimal(3)), Criterion("Growth", Decimal(1))), {"a": {"Pay": 4}}
)


def cells_on(key: str) -> Cells:
    cells = Cells()
    cells.show(DECISION, COLUMNS)
    cells.move(cells.cell_named(key))
    return cells


def test_cells_are_named_as_the_screen_and_the_tests_name_them() -> None:
    cells = cells_on("name-0")
    assert cells.texts == [["Pay", "3", "4", ""], ["Growth", "1", "", ""]]
    for key in ("name-1", "weight-0", "score-1-1", "remove-0", "add-criterion"):
        assert cells.key(cells.cell_named(key)) == key
    assert cells.cell_named("add-criterion") == Cell(2, 0)


def test_tab_goes_through_every_cell_and_enter_only_through_the_fields() -> None:
    cells = cells_on("score-0-1")
    assert cells.step(1, fields_only=False) == cells.cell_named("remove-0")
    assert cells.step(1, fields_only=True) == cells.cell_named("name-1")
    assert cells_on("remove-1").step(1, fields_only=False) == cells.cell_named("add-criterion")
    assert cells_on("name-0").step(-1, fields_only=False) is None


def test_a_cell_reached_is_replaced_by_what_is_typed_then_edited_at_the_caret() -> None:
    cells = cells_on("name-1")
    assert cells.insert("Visa") and cells.value("name-1") == "Visa"
    assert not cells.nudge(-1) and cells.caret == 3
    assert cells.delete(-1) and cells.value("name-1") == "Via"
    assert cells.clear(1) and cells.value("name-1") == "Vi"
    assert not cells.delete(1)  # (nothing right of the caret)
    assert cells.nudge(1) and cells.cursor == cells.cell_named("weight-1") and cells.caret == 0
    assert not cells_on("remove-0").insert("x")


def test_reading_back_flags_the_cell_that_is_wrong() -> None:
    cells = cells_on("score-1-1")
    cells.insert("3")
    read, problem = cells.read(DECISION, COLUMNS)
    assert problem is None and read.scores["g"] == {"Growth": 3}
    cells.insert("9")
    held, problem = cells.read(read, COLUMNS)
    assert problem == "A score is a whole number from 0 to 5, not '39' ('Growth', Globex)"
    assert cells.invalid == cells.cell_named("score-1-1")
    assert held.scores["g"] == {"Growth": 3}  # the wrong cell keeps its last valid score


def test_only_the_wrong_cell_is_held_back() -> None:
    """A name cleared keeps the row's old name, not its old weight; a bad weight keeps
    the old weight under the new name; a space never blanks a number."""
    cells = cells_on("weight-1")
    assert cells.insert("1,5")  # (a decimal comma)
    cells.move(cells.cell_named("name-1"))
    assert cells.clear(1)
    read, problem = cells.read(DECISION, COLUMNS)
    assert problem == "A criterion needs a name" and cells.invalid == cells.cell_named("name-1")
    assert read.criteria[1] == Criterion("Growth", Decimal("1.5"))
    cells = cells_on("name-0")
    cells.insert("Salary")
    cells.move(cells.cell_named("weight-0"))
    assert not cells.insert(" ") and cells.value("weight-0") == "3"
    cells.insert("x")
    read, problem = cells.read(DECISION, COLUMNS)
    assert problem == "The weight of 'Salary' must be a number, not 'x'"
    assert read.criteria[0] == Criterion("Salary", Decimal(3))
    assert read.scores["a"] == {"Salary": 4}
