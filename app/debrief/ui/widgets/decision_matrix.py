"""The compare screen's decision matrix: a row per criterion (its name, its weight and a
0–5 score for each option), edited in place, then a row of totals.

The matrix shows a decision and reads back what is typed; the screen keeps the decision,
saves it and says what is wrong, so an invalid edit never reaches the journal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

from textual.containers import Grid
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Input, Static

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

MATRIX_FIELDS = ".matrix-name, .matrix-weight, .matrix-score"  # what is typed in, row by row


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


class DecisionMatrix(Grid):
    """Fields named `name-{row}`, `weight-{row}` and `score-{row}-{column}`, a ✕ button
    `remove-{row}` ending each row, and `total-{column}` under the scores."""

    async def draw(self, decision: Decision, columns: Sequence[Column], room: int) -> None:
        """Lay out a row per criterion of `decision` for `columns`, narrower when the
        widths wanted exceed `room` (what still does not fit scrolls sideways)."""
        await self.remove_children()
        count = len(columns)
        self.styles.grid_size_columns = count + 3
        name, weight, score = 24, 10, 14
        if name + weight + score * count + 5 + 2 * (count + 2) > room:
            name, weight, score = 19, 8, 10
        self.styles.grid_columns = f"{name} {weight} " + " ".join([str(score)] * count) + " 5"
        self.styles.width = name + weight + score * count + 5 + 2 * (count + 2)
        cells: list[Widget] = [
            Static(Content.styled(text, "bold"), classes="cell head")
            for text in ("Criterion", "Weight")
        ]
        cells += [Static(Content.styled(c.title, "bold"), classes="cell head") for c in columns]
        cells.append(Static("", classes="cell head"))
        for row, criterion in enumerate(decision.criteria):
            # Compact fields (a line each, the focused one highlighted): six criteria and
            # their scores fit a 24-row terminal without scrolling.
            cells.append(
                Input(criterion.name, id=f"name-{row}", classes="matrix-name", compact=True)
            )
            cells.append(
                Input(
                    str(criterion.weight), id=f"weight-{row}", classes="matrix-weight", compact=True
                )
            )
            for column, item in enumerate(columns):
                score = decision.scores.get(item.key, {}).get(criterion.name)
                cells.append(
                    Input(
                        "" if score is None else str(score),
                        placeholder="0–5",
                        id=f"score-{row}-{column}",
                        classes="matrix-score",
                        compact=True,
                    )
                )
            cells.append(
                Button(
                    "✕",
                    id=f"remove-{row}",
                    classes="remove-criterion",
                    compact=True,
                    tooltip=Content(f"Remove {criterion.name}"),
                )
            )
        cells += [
            Static(Content.styled("Total (0–5)", "bold"), classes="cell"),
            Static("", classes="cell"),
        ]
        cells += [Static(id=f"total-{column}", classes="cell total") for column in range(count)]
        cells.append(Static("", classes="cell"))
        await self.mount_all(cells)

    def field_after(self, field: Input) -> Input | None:
        """The field Enter goes on to (never a ✕: Enter must not remove a criterion by
        surprise); None after the last."""
        fields = list(self.query(MATRIX_FIELDS).results(Input))
        position = fields.index(field) if field in fields else -1
        return fields[position + 1] if 0 <= position < len(fields) - 1 else None

    def read(self, decision: Decision, columns: Sequence[Column]) -> Decision | str:
        """`decision` as the fields now have it, or what is wrong, its field flagged."""
        for field in self.query(MATRIX_FIELDS):
            field.remove_class("-invalid")
        criteria: list[Criterion] = []
        scores: dict[str, dict[str, int]] = {c.key: {} for c in columns}
        for row in range(len(decision.criteria)):
            name = self.query_one(f"#name-{row}", Input).value.strip()
            weight_text = self.query_one(f"#weight-{row}", Input).value.strip()
            try:
                criterion = Criterion(name, Decimal(weight_text))
            except InvalidOperation:
                what = name or "this criterion"
                return self._refuse(
                    f"#weight-{row}", f"The weight of {what} must be a number, not {weight_text!r}"
                )
            except ModelError as error:
                if error.field == "criterion":
                    return self._refuse(f"#name-{row}", "A criterion needs a name")
                return self._refuse(f"#weight-{row}", sentence(error.message))
            if criterion.name.casefold() in {c.name.casefold() for c in criteria}:
                return self._refuse(f"#name-{row}", "Two criteria have the same name")
            criteria.append(criterion)
            for column, item in enumerate(columns):
                text = self.query_one(f"#score-{row}-{column}", Input).value.strip()
                if not text:
                    continue
                if not text.isdigit() or not SCORE_MIN <= int(text) <= SCORE_MAX:
                    where = f"{name}, {item.title}"
                    message = f"A score is a whole number from 0 to 5, not {text!r} ({where})"
                    return self._refuse(f"#score-{row}-{column}", message)
                scores[item.key][name] = int(text)
        kept = {key: value for key, value in decision.scores.items() if key not in scores}
        try:
            renamed = with_criteria(decision, criteria)
            return Decision(
                renamed.criteria, {**kept, **scores}, decision.chosen, decision.include_current
            )
        except ModelError as error:
            target = "#weight-0" if error.field == "weight" else "#name-0"
            return self._refuse(target, sentence(error.message))

    def _refuse(self, selector: str, message: str) -> str:
        """Flag the field; the message says what is wrong with it."""
        self.query_one(selector).add_class("-invalid")
        return message

    def show_totals(
        self, decision: Decision, keys: Sequence[str], total_by_key: Mapping[str, float | None]
    ) -> None:
        """Each option's total under its scores (`keys`: the options, in column order)."""
        for column, key in enumerate(keys):
            self.query_one(f"#total-{column}", Static).update(
                Content.styled(format_total(decision, key, total_by_key[key]), "bold")
            )


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
