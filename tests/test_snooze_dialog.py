"""Snoozing to a date typed, at 80×24: the examples shown can be typed as they are (none
lies in the past or before the item is due), and a problem shown goes as soon as the date
is corrected (issue #29)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pendulum
import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from debrief.dates import parse_when, typed_examples_after
from debrief.followups import plan
from debrief.model import Interviewer
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp
from debrief.ui.screens.dialogs import PromptScreen
from tests.pilot_helpers import type_text
from tests.samples import NOW, bare_reflection, opportunity

AppFactory = Callable[[], DebriefApp]
SMALL = (80, 24)


@pytest.fixture
def a_thank_you_due_in_a_week(journal: Journal) -> Journal:
    """Only a thank-you on the agenda, due next Sunday: later than "friday 9:00"."""
    job = opportunity()
    reflection = bare_reflection(job.id, id="r1", interview_at=NOW.subtract(days=2),
                                 interviewers=(Interviewer(name="Jane Doe"),))  # fmt: skip
    thank_you = next(
        item for item in plan(job, [reflection], "Europe/Berlin") if item.key.startswith("thank")
    )
    journal.save_reflection(reflection, job, [replace(thank_you, due=NOW.add(days=7))])
    return journal


async def open_pick_a_date(pilot: Pilot[Any]) -> PromptScreen:
    await pilot.pause()
    await pilot.press("z")
    await pilot.pause()
    await pilot.press("end", "enter")  # Pick a date…
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PromptScreen)
    return screen


def test_the_examples_come_after_the_item_is_due() -> None:
    due = NOW.add(days=9)
    for example in typed_examples_after(NOW, due).split(", "):
        assert parse_when(example, NOW, prefer="future") > due, example
    for example in typed_examples_after(NOW, NOW.subtract(days=3)).split(", "):
        assert parse_when(example, NOW, prefer="future") > NOW, example


@pytest.mark.usefixtures("a_thank_you_due_in_a_week")
async def test_the_placeholder_typed_as_shown_is_taken(
    build_app: AppFactory, journal_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        prompt = await open_pick_a_date(pilot)
        placeholder = prompt.query_one("#answer", Input).placeholder
        assert "2026-12-01" not in placeholder
        await type_text(pilot, placeholder.split(", ")[0])
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, PromptScreen)
    snoozed = [f for f in Journal.open(journal_path).followups() if f.snoozed_until]
    assert len(snoozed) == 1 and snoozed[0].snoozed_until > pendulum.instance(NOW)


@pytest.mark.usefixtures("a_thank_you_due_in_a_week")
async def test_a_problem_shown_goes_once_the_date_is_corrected(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        prompt = await open_pick_a_date(pilot)
        await type_text(pilot, "yesterday")
        await pilot.press("enter")
        error = prompt.query_one("#prompt-error", Static)
        assert error.display and "future" in str(error.content)
        await pilot.press("ctrl+u")
        await type_text(pilot, "in 20 days")
        await pilot.pause()
        assert not error.display


def test_a_weekday_already_past_today_means_next_week_when_the_future_is_meant() -> None:
    tuesday_noon = pendulum.datetime(2026, 12, 8, 12, tz="Europe/Berlin")
    assert parse_when("tuesday 9:00", tuesday_noon, prefer="future") == tuesday_noon.add(
        days=7
    ).set(hour=9)
    assert parse_when("tuesday 15:00", tuesday_noon, prefer="future") == tuesday_noon.set(hour=15)
    assert parse_when("tuesday 9:00", tuesday_noon, prefer="past") == tuesday_noon.set(hour=9)


@pytest.mark.parametrize(
    ("typed", "moment"),
    [
        ("next friday", "2026-12-11 09:00"),
        ("tomorrow", "2026-12-09 09:00"),
        ("dec 20", "2026-12-20 09:00"),
        ("friday 3pm", "2026-12-11 15:00"),
        ("2026-12-10 14:00", "2026-12-10 14:00"),
    ],
)
def test_a_day_typed_without_a_time_snoozes_to_the_morning(typed: str, moment: str) -> None:
    """The report: "next friday" snoozed to Friday at 02:53, the minute it was typed at
    night, while the choices offered 9:00."""
    import pendulum

    from debrief.ui.screens.snooze import typed_moment

    night = pendulum.datetime(2026, 12, 8, 2, 53, tz="Europe/Berlin")
    assert typed_moment(typed, night).format("YYYY-MM-DD HH:mm") == moment
