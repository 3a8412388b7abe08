"""Compare and trends at 80×24, where they are hardest to read: the decision matrix
scored in its right-hand column (names and weights stay put), a title that would wrap,
and the trends read on past the chart. (The screens as they open are in test_snapshots.py.)"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from debrief.model import Money, Settings
from debrief.store.journal import Journal
from debrief.ui.widgets.decision_matrix import DecisionMatrix
from tests.pilot_helpers import type_text
from tests.samples import NOW, bare_reflection, opportunity
from tests.test_snapshots import SMALL, SnapCompare, app_on, home, still

__all__ = ["home"]  # (the fixture, shared)

COMPANIES = ("Acme Analytics", "Globex", "Wonka Labs")


def three_and_the_current_job(home: Path) -> Journal:
    """Three opportunities (one title long enough to wrap in a narrow column) and a
    current job, so four columns that need more than 80 columns."""
    journal = Journal.open(home / "journal.json")
    for days, (company, rating) in enumerate(zip(COMPANIES, (8, 6, 7), strict=True)):
        job = opportunity(company, "Data Engineer")
        journal.save_reflection(
            bare_reflection(job.id, interview_at=NOW.subtract(days=days + 1), rating=rating), job
        )
    journal.save_settings(
        Settings(current_company="Initrode", current_pay=Money(Decimal(70000), "EUR"))
    )
    return journal


def test_compare_scored_in_its_right_hand_column(snap_compare: SnapCompare, home: Path) -> None:
    async def score(pilot: Pilot[Any]) -> None:
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("down", "down", "space", "tab", "space")  # Wonka Labs, Initrode
        await pilot.pause()
        pilot.app.screen.query_one(DecisionMatrix).focus_cell("score-1-3")  # Initrode, growth
        await pilot.pause()
        await type_text(pilot, "2")
        still(pilot)

    journal = three_and_the_current_job(home)
    assert snap_compare(app_on(journal), terminal_size=SMALL, run_before=score)


def test_compare_with_a_score_out_of_range(snap_compare: SnapCompare, home: Path) -> None:
    async def refuse(pilot: Pilot[Any]) -> None:
        await pilot.press("f5")
        await pilot.pause()
        pilot.app.screen.query_one(DecisionMatrix).focus_cell("score-0-1")  # Globex, pay
        await pilot.pause()
        await type_text(pilot, "9")
        still(pilot)

    journal = three_and_the_current_job(home)
    assert snap_compare(app_on(journal), terminal_size=SMALL, run_before=refuse)


def test_trends_read_on_past_the_chart(snap_compare: SnapCompare, home: Path) -> None:
    async def read_on(pilot: Pilot[Any]) -> None:
        await pilot.press("f4")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()
        still(pilot)

    journal = three_and_the_current_job(home)
    job = opportunity("Hooli", "SRE")
    for days, rating in ((20, 3), (15, 7), (10, 4), (5, 9)):
        journal.save_reflection(
            bare_reflection(job.id, interview_at=NOW.subtract(days=days), rating=rating), job
        )
    assert snap_compare(app_on(journal), terminal_size=SMALL, run_before=read_on)
