"""The trends screen shows the figures of a fixed journal, and its filters change them."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from rich.console import Console
from rich.text import Text
from textual.widgets import Input, OptionList, Select, Sparkline, Static

from debrief.model import Format, Stage, Status
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp
from debrief.ui.screens.journal import JournalScreen
from debrief.ui.screens.trends import TrendsInput, TrendsMemo, TrendsScreen
from debrief.ui.widgets.chart import strip_of
from tests.pilot_helpers import finish_background_work
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
    return str(screen.query_one(selector, Static).content)


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
        assert "Trends need a few interviews. With 2 so far" in text(screen, "#too-few")
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


async def test_a_weak_spot_opens_the_journal_searched_for_it(
    build_app: AppFactory, history: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        spots = screen.query_one("#weak-spots", OptionList)
        spots.focus()
        spots.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        journal_screen = app.screen
        assert isinstance(journal_screen, JournalScreen)
        assert journal_screen.query_one("#search", Input).value == "nerv"
        assert len(journal_screen.shown) == 2 + 1  # nervous, Nerves, nervous


async def test_the_home_screen_shows_a_sparkline(build_app: AppFactory, history: Journal) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one(Sparkline).data == [5, 3, 4, 7, 9]
        assert "3–9 of 10" in str(app.screen.query_one("#sparkline-range", Static).content)


async def test_figures_are_ready_before_f4_and_follow_a_new_reflection(
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
        await finish_background_work(pilot)
        assert worked_out == [1]  # while the home screen was idle
        screen = await open_trends(pilot)
        assert worked_out == [1]  # F4 only drew them
        assert text(screen, "#trends-count") == "Based on 5 interviews"
        job = opportunity("Initech", "Analyst")
        history.save_reflection(bare_reflection(job.id, rating=8), job)
        await pilot.press("f2")
        screen = await open_trends(pilot)
        assert worked_out == [1, 1]  # the journal changed: worked out again
        assert text(screen, "#trends-count") == "Based on 6 interviews"


async def test_figures_worked_out_while_idle_are_drawn_as_f4_opens_without_a_thread(
    build_app: AppFactory, history: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No "Working out your trends…" frame first: the screen opens with its figures."""
    threads: list[str] = []
    real = TrendsScreen._figures_in_thread

    def recorded(screen: TrendsScreen, *args: object) -> object:
        threads.append(screen.period)
        return real(screen, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(TrendsScreen, "_figures_in_thread", recorded)
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await finish_background_work(pilot)
        await pilot.press("f4")
        assert isinstance(app.screen, TrendsScreen)
        assert text(app.screen, "#trends-count") == "Based on 5 interviews"
        assert threads == []
        app.screen.query_one("#period", Select).value = "Last 30 days"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert threads == ["Last 30 days"]  # not worked out yet: in a thread
        assert text(app.screen, "#trends-count") == "Based on 2 interviews"


async def test_figures_a_thread_finishes_late_never_replace_those_asked_for_since(
    build_app: AppFactory, history: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """30 days (worked out in a thread, slowly), then back to all time (known: drawn at
    once): the 30 days' figures arriving last must not be shown under "All time"."""
    release = threading.Event()
    real = TrendsMemo.figures

    def slow_for_30_days(memo: TrendsMemo, given: TrendsInput, period: str, company: str) -> Any:
        if period == "Last 30 days":
            release.wait(timeout=10)
        return real(memo, given, period, company)

    monkeypatch.setattr(TrendsMemo, "figures", slow_for_30_days)
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await finish_background_work(pilot)
        screen = await open_trends(pilot)
        screen.query_one("#period", Select).value = "Last 30 days"
        await pilot.pause()
        screen.query_one("#period", Select).value = "All time"
        await pilot.pause()
        assert text(screen, "#trends-count") == "Based on 5 interviews"
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text(screen, "#trends-count") == "Based on 5 interviews"


@pytest.mark.parametrize(
    "line",
    [
        "\x1b[48;5;15m  \x1b[0m\x1b[48;5;15m\x1b[38;5;0m┌──┐\x1b[0m",
        "\x1b[48;2;30;30;30m\x1b[38;2;255;160;0;1m⠁⠂⢀ \x1b[0m plain \x1b[38;5;12m••\x1b[0m",
        "no escapes at all",
    ],
)
def test_the_chart_reads_plotexts_lines_as_rich_would(line: str) -> None:
    """The chart paints plotext's output without Rich's Text in between (~40 ms of the
    first F4 at 10,000 reflections): every cell with the style Rich gives it."""
    width = 40
    strip = strip_of(line, width)
    rich = Text.from_ansi(line)
    rich.pad_right(width - rich.cell_len)
    expected = list(rich.render(Console(width=width)))
    cells = [(char, segment.style) for segment in strip for char in segment.text]
    wanted = [(char, segment.style or None) for segment in expected for char in segment.text]
    assert [c for c, _ in cells] == [c for c, _ in wanted] and strip.cell_length == width
    assert [s or None for _, s in cells] == [s for _, s in wanted]
