"""The trends screen shows the figures of a fixed journal, and its filters change them."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from textual.widgets import Input, OptionList, Select, Sparkline, Static

from debrief.model import Format, Stage, Status
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp
from debrief.ui.screens.journal import JournalScreen
from debrief.ui.screens.trends import TrendsInput, TrendsScreen
from debrief.ui.widgets.fitted import FittedLines
from tests.samples import NOW, bare_reflection, opportunity

AppFactory = Callable[[], DebriefApp]
SIZE = (120, 60)


@pytest.fixture
def history(journal: Journal) -> Journal:
    """Five interviews: Acme three rounds (two in the last 30 days), Globex rejected after two."""
    acme = opportunity("Acme", "Data Engineer")
    globex = opportunity("Globex", "SRE", status=Status.REJECTED)
    rounds = [
        (acme, 60, 5, Stage.PHONE_SCREEN, Format.PHONE, "Nervous start, rambled"),
        (acme, 20, 7, Stage.TECHNICAL, Format.VIDEO, "Sharding question was hard"),
        (acme, 2, 9, Stage.ONSITE, Format.IN_PERSON, "Still a little nervous"),
        (globex, 50, 3, Stage.PHONE_SCREEN, Format.PHONE, "Nerves; rambling answers"),
        (globex, 40, 4, Stage.TECHNICAL, Format.VIDEO, "Sharding again"),
    ]
    for job, days, rating, stage, form, badly in rounds:
        reflection = bare_reflection(
            job.id,
            interview_at=NOW.subtract(days=days),
            rating=rating,
            stage=stage,
            format=form,
            went_badly=badly,
        )
        journal.save_reflection(reflection, job)
    return journal


async def open_trends(pilot: object) -> TrendsScreen:
    app = pilot.app  # type: ignore[attr-defined]
    await pilot.press("f4")  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, TrendsScreen)
    return app.screen


def text(screen: TrendsScreen, selector: str) -> str:
    widget = screen.query_one(selector)
    assert isinstance(widget, Static | FittedLines)
    return str(widget.content)


async def test_the_screen_shows_the_expected_figures(
    build_app: AppFactory, history: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        assert text(screen, "#trends-count") == "Based on 5 interviews"
        stages = text(screen, "#by-stage").splitlines()
        assert [line.split("  ")[0] for line in stages] == [
            "Phone screen",
            "Technical",
            "Onsite",
        ]
        assert "█" * 16 + "▌" in stages[1]  # 5.5 of 10 on a 30-cell bar
        assert (
            stages[0].endswith("4.0  (2 interviews)")
            and stages[1].endswith("5.5  (2 interviews)")
            and stages[2].endswith("9.0  (1 interview)")
        )
        # Led on: both early Acme rounds and Globex's phone screen (it had a technical round
        # after it): 5, 7, 3. Stopped: Globex's last round, 4. Acme's onsite still waits.
        outcome = text(screen, "#outcome").splitlines()
        assert outcome[0].startswith("Led to a next round or an offer") and outcome[0].endswith(
            "5.0  (3 interviews)"
        )
        assert outcome[1].endswith("4.0  (1 interview)")
        spots = screen.query_one("#weak-spots", OptionList)
        terms = [
            str(spots.get_option_at_index(i).prompt).split()[0] for i in range(spots.option_count)
        ]
        assert terms == ["nervous", "rambled", "sharding"]
        assert "Funnel: 2 opportunities interviewed → 2 reached a next round → 0 offers" in text(
            screen, "#discipline"
        )


async def test_the_period_and_company_filters_change_the_figures(
    build_app: AppFactory, history: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        screen.query_one("#period", Select).value = "Last 30 days"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text(screen, "#trends-count") == "Based on 2 interviews"
        assert "2 interviews in the last 30 days, of the 5 in your journal" in text(
            screen, "#too-few"
        )
        assert not screen.query_one("#by-stage").display
        screen.query_one("#period", Select).value = "All time"
        screen.query_one("#company", Select).value = "Globex"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text(screen, "#trends-count") == "Based on 2 interviews"
        screen.query_one("#company", Select).value = Select.NULL
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text(screen, "#trends-count") == "Based on 5 interviews"


async def test_a_tiny_journal_explains_what_will_appear(
    build_app: AppFactory, journal: Journal
) -> None:
    job = opportunity()
    journal.save_reflection(bare_reflection(job.id), job)
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        assert screen.query_one("#too-few").display
        assert "your self-rating over time" in text(screen, "#too-few")
        assert not screen.query_one("#rating-chart").display


async def test_a_run_of_hard_interviews_gets_a_gentle_note(
    build_app: AppFactory, journal: Journal
) -> None:
    job = opportunity()
    for days, rating in ((9, 7), (6, 4), (3, 3), (1, 2)):
        journal.save_reflection(
            bare_reflection(job.id, interview_at=NOW.subtract(days=days), rating=rating), job
        )
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        note = screen.query_one("#gentle-note", Static)
        assert note.display and "one interview is one data point" in str(note.content).lower()


async def test_a_weak_spot_opens_exactly_the_interviews_it_counted(
    build_app: AppFactory, history: Journal
) -> None:
    """Not a word search: "nervous" written elsewhere (their rapport, another company's
    notes) is not one of the weak spot's interviews."""
    hooli = opportunity("Hooli", "Backend")
    noted = bare_reflection(hooli.id, interview_at=NOW.subtract(days=5), rapport="She was nervous")
    history.save_reflection(noted, hooli)
    counted = {r.id for r in history.reflections() if "nerv" in r.went_badly.casefold()}
    assert len(counted) == 3
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        spots = screen.query_one("#weak-spots", OptionList)
        assert "nervous" in str(spots.get_option_at_index(0).prompt)
        assert "in 3 interviews" in str(spots.get_option_at_index(0).prompt)
        spots.focus()
        spots.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        journal_screen = app.screen
        assert isinstance(journal_screen, JournalScreen)
        assert journal_screen.query_one("#search", Input).value == ""  # not a word search
        assert {entry.id for entry in journal_screen.shown} == counted
        bar = str(journal_screen.query_one("#active-filters", Static).content)
        assert bar == "Filtered by Weak spot “nervous”: its 3 interviews   (x clears)"
        await pilot.press("x")
        await pilot.pause()
        assert len(journal_screen.shown) == 6


async def test_the_home_screen_shows_a_sparkline(build_app: AppFactory, history: Journal) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one(Sparkline).data == [5, 3, 4, 7, 9]
        assert "3–9 of 10" in str(app.screen.query_one("#sparkline-range", Static).content)


async def test_figures_are_worked_out_once_and_again_after_a_new_reflection(
    build_app: AppFactory, history: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    import debrief.ui.screens.trends as trends_screen

    worked_out: list[int] = []

    def counting_compute(*args: object, **kwargs: object) -> object:
        worked_out.append(1)
        return real_compute(*args, **kwargs)  # type: ignore[arg-type]

    real_compute = trends_screen.compute
    monkeypatch.setattr(trends_screen, "compute", counting_compute)
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        assert text(screen, "#trends-count") == "Based on 5 interviews"
        await pilot.press("f2")
        screen = await open_trends(pilot)
        assert worked_out == [1]  # nothing changed: drawn as it was
        job = opportunity("Initech", "Analyst")
        app.journal.save_reflection(bare_reflection(job.id, rating=8), job)
        await pilot.press("f2")
        screen = await open_trends(pilot)
        assert worked_out == [1, 1]  # the journal changed: worked out again
        assert text(screen, "#trends-count") == "Based on 6 interviews"


async def test_figures_a_thread_finishes_late_never_replace_those_asked_for_since(
    build_app: AppFactory, history: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """30 days (worked out slowly), then back to all time: the 30 days' figures arriving
    last must not be shown under "All time"."""
    import debrief.ui.screens.trends as trends_screen

    release = threading.Event()
    real = trends_screen.figures_of

    def slow_for_30_days(given: TrendsInput, words: Any) -> Any:
        if given.period == "Last 30 days":
            release.wait(timeout=10)
        return real(given, words)

    monkeypatch.setattr(trends_screen, "figures_of", slow_for_30_days)
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        screen.query_one("#period", Select).value = "Last 30 days"
        await pilot.pause()
        screen.query_one("#period", Select).value = "All time"
        await pilot.pause()
        await app.workers.wait_for_complete([w for w in app.workers if not w.is_cancelled])
        await pilot.pause()
        assert text(screen, "#trends-count") == "Based on 5 interviews"
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text(screen, "#trends-count") == "Based on 5 interviews"


async def test_every_dot_shows_over_the_moving_average_at_80_by_24(
    build_app: AppFactory, journal: Journal
) -> None:
    """Found by a new user: the moving-average line hid ~6 of 18 dots (the 3s, 4s and
    7s it crossed). Each interview's dot is drawn, on a day of its own."""
    job = opportunity()
    ratings = [3, 4, 7, 3, 8, 4, 7, 5, 3, 6, 7, 4, 9, 3, 7, 4, 6, 7]
    for days, rating in zip(range(90, 0, -5), ratings, strict=True):
        journal.save_reflection(
            bare_reflection(job.id, interview_at=NOW.subtract(days=days), rating=rating), job
        )
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trends(pilot)
        chart = screen.query_one("#rating-chart")
        rows = [chart.render_line(y).text for y in range(1, 11)]  # 10 at the top, 1 at the bottom
        by_column = sorted(
            (column, 10 - row)
            for row, line in enumerate(rows)
            for column, char in enumerate(line)
            if char == "●"
        )
        assert [rating for _, rating in by_column] == ratings  # oldest first, left to right


async def test_at_80_by_24_the_keys_start_on_the_page(
    build_app: AppFactory, history: Journal
) -> None:
    """Found by a new user: the keys started on the period's list, where ↓ opened it and
    PageDown did nothing, so the figures below the chart could not be reached by reading on."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trends(pilot)
        page = screen.query_one("#trends")
        assert app.focused is page
        await pilot.press("pagedown")
        await pilot.pause()
        assert page.scroll_y > 0
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is screen.query_one("#period", Select)
