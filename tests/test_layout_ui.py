"""Every table at 80×24: columns as wide as their text needs, the least useful dropped first,
and nothing the user acts on hidden (issue #29, the layout half)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pendulum
import pytest
from textual.widgets import OptionList

from debrief.cli import build_demo_journal
from debrief.columns import TableColumn, fit_columns
from debrief.followups import mark_done, plan
from debrief.model import AskedQuestion, Interviewer, Stage, Status
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp, make_app
from debrief.ui.widgets.virtual_table import VirtualTable
from tests.samples import BERLIN, NOW, bare_reflection, opportunity
from tests.test_help_screen import demo_app

AppFactory = Callable[[], DebriefApp]
SMALL = (80, 24)


def header_and_rows(app: DebriefApp, selector: str = "VirtualTable") -> list[str]:
    """The table as the user sees it: its header, then one string per row on screen."""
    table = app.screen.query_one(selector, VirtualTable)
    lines = min(table.row_count + 1, table.size.height)
    return [table.render_line(y).text.rstrip() for y in range(lines)]


@pytest.fixture
def globex_and_a_long_role(journal: Journal) -> None:
    """Short company names, one long role: the row the issue saw cut to 11 characters."""
    globex = opportunity("Globex", "Senior Platform Engineer", status=Status.OFFER)
    acme = opportunity("Acme", "Data Engineer")
    for rid, job, days in (("g1", globex, 2), ("a1", acme, 5)):
        reflection = bare_reflection(
            job.id, id=rid, interview_at=NOW.subtract(days=days), stage=Stage.ONSITE, want_job=7
        )
        journal.save_reflection(reflection, job)


@pytest.mark.usefixtures("globex_and_a_long_role")
async def test_the_journal_at_80_gives_the_role_the_room_a_short_company_leaves(
    build_app: AppFactory,
) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        header, first, _ = header_and_rows(app)
        assert "Senior Platform Engineer" in first
        assert "Globex  " in first and "Globex" + " " * 6 not in first  # as wide as its text
        assert "Rating" in header and "Status" in header


@pytest.mark.usefixtures("globex_and_a_long_role")
async def test_sorting_at_80_goes_through_the_columns_on_screen_and_the_arrow_shows(
    build_app: AppFactory,
) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query_one(VirtualTable)
        on_screen = [column.key for column in table.columns]
        sorted_by = []
        for _ in on_screen:
            header = header_and_rows(app)[0]
            assert "▼" in header or "▲" in header, header
            sorted_by.append(app.screen.sort_key)  # type: ignore[attr-defined]
            await pilot.press("s")
            await pilot.pause()
        assert sorted_by == on_screen  # every column on screen, none hidden
        assert app.screen.sort_key == sorted_by[0]  # type: ignore[attr-defined]


async def test_history_says_when_in_full_at_80(build_app: AppFactory, journal: Journal) -> None:
    job = opportunity("Acme", "Data Engineer")
    reflection = bare_reflection(job.id, id="r1", interview_at=NOW.subtract(days=1),
                                 interviewers=(Interviewer(name="Ravi Kumar"),))  # fmt: skip
    items = plan(job, [reflection], BERLIN, now=NOW.subtract(days=1))
    done = [mark_done(item, NOW.subtract(minutes=22)) for item in items]
    journal.save_reflection(reflection, job, plan(job, [reflection], BERLIN, done, NOW))
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("h")
        await pilot.pause()
        rows = header_and_rows(app, "#history-table")
        assert "22 minutes ago" in rows[1], rows


async def test_the_question_bank_header_is_never_cut(
    build_app: AppFactory, journal: Journal
) -> None:
    job = opportunity("Acme", "Data Engineer")
    question = AskedQuestion(text="Design a rate limiter for a public API " * 3, answered=3)
    reflection = bare_reflection(job.id, id="r1", interview_at=NOW.subtract(days=1),
                                 questions=(question,))  # fmt: skip
    journal.save_reflection(reflection, job)
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("q")
        await pilot.pause()
        header = header_and_rows(app, "#bank-table")[0]
        assert "Answers (1–5)" in header, header


def test_two_long_columns_are_cut_alike_not_one_to_the_bone() -> None:
    columns = [
        TableColumn("company", "Company", 30, narrowest=10),
        TableColumn("role", "Role", 30, narrowest=10),
    ]
    company, role = fit_columns(columns, 2 + 40 + 2)
    assert (company.width, role.width) == (20, 20)


def test_a_column_never_shrinks_below_its_label() -> None:
    (answers,) = fit_columns([TableColumn("answers", "Answers (1–5)", 18, narrowest=4)], 8)
    assert answers.width == len("Answers (1–5)")


def test_the_least_useful_column_goes_first() -> None:
    columns = [
        TableColumn("when", "When", 16),
        TableColumn("stage", "Stage", 15, drop=2),
        TableColumn("want", "Want", 6, drop=1),
    ]
    assert [c.key for c in fit_columns(columns, 2 + 16 + 2 + 15 + 1)] == ["when", "stage"]


@pytest.mark.usefixtures("globex_and_a_long_role")
@pytest.mark.parametrize("keys", [(), ("f3",), ("h",), ("q",)], ids=["home", "journal", "history", "questions"])  # fmt: skip
async def test_no_scrollbar_is_drawn_that_scrolls_nothing(
    build_app: AppFactory, keys: tuple[str, ...]
) -> None:
    """A bar with nothing to scroll draws a thumb as long as its track: the home's latest
    reflections drew one under their rows, beside the agenda's."""
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        for widget in app.screen.query("*"):
            if getattr(widget, "show_horizontal_scrollbar", False):
                assert widget.max_scroll_x > 0, widget


async def test_the_export_choices_wrap_within_their_own_column(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Export the journal", "enter")
        await pilot.pause()
        choices = app.screen.query_one("#choices", OptionList)
        lines = [choices.render_line(y).text for y in range(choices.size.height)]
        ics = next(i for i, line in enumerate(lines) if "ICS" in line)
        description = lines[ics].index("pending")
        wrapped = lines[ics + 1]
        assert wrapped[:description].strip(" ▊▎") == "", lines  # under its description
        assert wrapped[description:].strip(" ▊▎"), lines


@pytest.mark.usefixtures("globex_and_a_long_role")
async def test_the_job_details_dialog_fits_80_by_24(build_app: AppFactory) -> None:
    """Its buttons were below the fold (the dialog scrolled to reach them)."""
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f3", "i")
        await pilot.pause()
        assert app.screen.query_one("#dialog").max_scroll_y == 0
        for button in ("#save", "#cancel"):
            assert app.screen.query_one(button).region.bottom <= SMALL[1]


@pytest.mark.usefixtures("globex_and_a_long_role")
async def test_the_question_bank_count_stays_on_one_line_at_80(
    build_app: AppFactory, journal: Journal
) -> None:
    job = opportunity("Acme", "Data Engineer")
    for n in range(3):
        question = AskedQuestion(text=f"Question number {n}?", answered=3)
        journal.save_reflection(
            bare_reflection(job.id, id=f"q{n}", interview_at=NOW.subtract(days=n + 1),
                            questions=(question,)), job,
        )  # fmt: skip
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("q")
        await pilot.pause()
        count = app.screen.query_one("#bank-count")
        assert count.content_region.height == 1, count.content_region  # (it took three)
        assert count.content_region.width >= len("3 questions, asked 3 times")


@pytest.mark.usefixtures("globex_and_a_long_role")
async def test_the_column_sorted_by_stays_in_sight_when_the_terminal_narrows(
    build_app: AppFactory,
) -> None:
    app = build_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f3", *"sssss")  # When, Company, Role, Stage, Rating, Want
        await pilot.pause()
        assert app.screen.sort_key == "want"  # type: ignore[attr-defined]
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        header = header_and_rows(app)[0]
        assert "Want ▼" in header, header


async def test_the_home_summaries_take_one_line_each_at_80(tmp_path: Path) -> None:
    """The demo's agenda has every kind of section: its summary ran onto a second line."""
    now = pendulum.datetime(2026, 12, 8, 12, tz="Europe/Berlin")
    app = make_app(build_demo_journal(tmp_path / "journal.json", now), clock=lambda: now)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        for title in ("#agenda-title", "#latest-title"):
            assert app.screen.query_one(title).content_region.height == 1, title


async def test_the_history_count_takes_one_line_at_80(tmp_path: Path) -> None:
    """The demo's 33 done and 23 skipped: 'no longer needed · Enter opens the reflection'
    ran onto a second line."""
    now = pendulum.datetime(2026, 12, 8, 12, tz="Europe/Berlin")
    app = make_app(build_demo_journal(tmp_path / "journal.json", now), clock=lambda: now)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("h")
        await pilot.pause()
        count = app.screen.query_one("#history-count")
        assert count.content_region.height == 1, count.render()


def test_a_role_is_cut_rather_than_hidden_when_only_a_more_useful_column_could_give_way() -> None:
    """Keeping the role would cut the company by a cell: it used to hide the role and leave
    20 cells empty; now the role gives up its own cells first."""
    columns = [
        TableColumn("company", "Company", 19, narrowest=10),
        TableColumn("role", "Role", 24, drop=3, narrowest=12),
        TableColumn("status", "Status", 12),
    ]
    fitted = fit_columns(columns, 2 + 19 + 2 + 17 + 2 + 12)
    assert [c.key for c in fitted] == ["company", "role", "status"]


async def test_the_demo_journal_at_80_shows_the_role(tmp_path: Path) -> None:
    """The demo's longest company (Vandelay Industries) hid the Role column at 80×24."""
    app = demo_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        header, *rows = header_and_rows(app)
        assert "Role" in header, header
        assert any("Engineer" in row for row in rows), rows


async def test_the_history_at_80_keeps_the_persons_name_before_the_opportunity(
    tmp_path: Path,
) -> None:
    """It read "Thank-you note to Tom …": the opportunity now gives way first."""
    app = demo_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("h")
        await pilot.pause()
        rows = "\n".join(header_and_rows(app))
        assert "Thank-you note to Tom Becker" in rows and "Thank-you note to Pepper Potts" in rows
        assert "Acme Analytics" in rows  # (the company still reads whole)


async def test_the_role_stays_through_a_status_change_an_edit_and_coming_back(
    build_app: AppFactory, journal: Journal
) -> None:
    """One entry: Role showed after `o`, went after `e` then Esc, and stayed gone after
    F2, F3; with the new rule it is on screen throughout."""
    job = opportunity("Vandelay Industries", "Senior Latex Salesman Director")
    reflection = bare_reflection(job.id, id="v1", interview_at=NOW.subtract(days=2), want_job=7)
    journal.save_reflection(replace(reflection, stage=Stage.ONSITE), job)
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        for keys in (("f3",), ("o", "escape"), ("e", "escape"), ("f2", "f3")):
            await pilot.press(*keys)
            await pilot.pause()
            header, row = header_and_rows(app)
            assert "Role" in header and "Senior Latex" in row, (keys, row)
