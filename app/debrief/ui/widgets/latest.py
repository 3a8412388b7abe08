"""The home screen's latest reflections: a row each, every column as wide as its text.

The journal screen lists them all; this is the few newest, opened with Enter.
"""

from __future__ import annotations

from collections.abc import Sequence

import pendulum

from debrief.columns import TableColumn
from debrief.dates import relative_or_absolute
from debrief.model import Reflection
from debrief.store.journal import Journal
from debrief.ui.widgets.virtual_table import VirtualTable

LATEST = 10  # reflections on the home screen; the journal shows everything
# The latest reflections' columns: key, label, widest it grows to fit its cells, and
# whether it is a number (aligned right). Longer text is cut with an ellipsis.
LATEST_COLUMNS = (
    TableColumn("when", "When", 16),
    TableColumn("company", "Company", 24, narrowest=10),
    TableColumn("role", "Role", 28, drop=2, narrowest=12),
    TableColumn("stage", "Stage", 15, drop=1),
    TableColumn("rating", "Rating", 7, align_right=True),
    TableColumn("status", "Status", 12, drop=3),
)


class LatestTable(VirtualTable):
    """The newest reflections, a row each; `reflection_ids[row]` says whose row it is."""

    def __init__(self, journal: Journal, *, id: str | None = None) -> None:
        super().__init__(LATEST_COLUMNS, id=id)
        self.journal = journal
        self.reflection_ids: list[str] = []

    def show(self, reflections: Sequence[Reflection], now: pendulum.DateTime) -> None:
        """Show the newest of `reflections` (newest first), the columns fitted to them."""
        newest = reflections[:LATEST]
        rows: list[dict[str, str]] = []
        for reflection in newest:
            opportunity = self.journal.opportunity_of(reflection.id)
            rows.append(
                {
                    "when": relative_or_absolute(reflection.interview_at, now),
                    "company": opportunity.company if opportunity else "?",
                    "role": opportunity.role if opportunity else "?",
                    "stage": reflection.stage.label if reflection.stage else "—",
                    "rating": f"{reflection.rating:>2} / 10",
                    "status": opportunity.status.label if opportunity else "",
                }
            )
        self.reflection_ids = [reflection.id for reflection in newest]
        self.show_rows(len(rows), lambda row, key: rows[row][key], fit=True)
