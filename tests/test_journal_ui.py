"""The journal browser through the real app: sort, search, filter, read, edit, status, delete."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from textual.content import Content
from textual.widgets import Input, Select, SelectionList, Static

from debrief.model import Interviewer, Opportunity, Stage, Status
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp
from debrief.ui.screens.detail import DetailScreen
from debrief.ui.screens.journal import JournalScreen
from debrief.ui.screens.reflect import ReflectScreen
from debrief.ui.widgets.virtual_table import VirtualTable
from tests.pilot_helpers import record_notifications, type_text
from tests.samples import NOW, bare_reflection, opportunity

AppFactory = Callable[[], DebriefApp]
SIZE = (120, 36)


@pytest.fixture
def sample(journal: Journal) -> Journal:
    """Four reflections over three opportunities, with distinct values in every column."""
    acme = opportunity("Acme", "Data Engineer")
    globex = opportunity("Globex", "Platform Engineer", status=Status.OFFER)
    emile = opportunity("Émile & Co", "Backend Developer", status=Status.REJECTED)

    def add(
        job: Opportunity, rid: str, days_ago: int, rating: int, stage: Stage, **more: Any
    ) -> None:
        when = NOW.subtract(days=days_ago)
        reflection = bare_reflection(
            job.id, id=rid, interview_at=when, rating=rating, stage=stage, **more
        )
        journal.save_reflection(reflection, job)

    add(acme, "a1", 2, 6, Stage.TECHNICAL, want_job=8, interviewers=(Interviewer(name="Zoë Park"),),
        went_badly="Fumbled the system-design question about sharding")  # fmt: skip
    add(
        acme,
        "a0",
        20,
        7,
        Stage.PHONE_SCREEN,
        want_job=7,
        went_well="Clear story about C++ migration",
    )
    add(globex, "g1", 10, 9, Stage.ONSITE, want_job=6, lessons="Bring questions about on-call")
    add(emile, "e1", 45, 3, Stage.FINAL, reservations="[bold]Long[/] commute")
    return journal


def rows(app: DebriefApp) -> list[str]:
    """The table as the user sees it: one string per visible row, header excluded."""
    table = app.screen.query_one(VirtualTable)
    return [table.render_line(y).text.strip() for y in range(1, table.row_count + 1)]


def companies(app: DebriefApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, JournalScreen)
    return [e.opportunity.company for e in screen.shown]


def count_label(app: DebriefApp) -> str:
    return str(app.screen.query_one("#result-count", Static).content)


async def open_journal(pilot: Any) -> None:
    await pilot.press("f3")
    await pilot.pause()
    assert isinstance(pilot.app.screen, JournalScreen)


async def test_the_table_lists_every_reflection_newest_first(
    build_app: AppFactory, sample: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        table_rows = rows(app)
        assert table_rows[0].split() == [
            "2",
            "days",
            "ago",
            "Acme",
            "Data",
            "Engineer",
            "Technical",
            "6/10",
            "8/10",
            "Interviewing",
        ]
        assert [r.split("  ")[0] for r in table_rows] == [
            "2 days ago",
            "Thu 12 Nov 2026",
            "Mon 2 Nov 2026",
            "Thu 8 Oct 2026",
        ]
        assert count_label(app) == "4 reflections"
        header = app.screen.query_one(VirtualTable).render_line(0).text
        assert "When ▼" in header


@pytest.mark.parametrize(
    "presses, expected",
    [
        ([], ["Acme", "Globex", "Acme", "Émile & Co"]),
        (["s"], ["Acme", "Acme", "Émile & Co", "Globex"]),  # company A→Z, accents folded
        (
            ["s", "s"],
            ["Émile & Co", "Acme", "Acme", "Globex"],
        ),  # role: Backend, Data, Data, Platform
        (
            ["s", "s", "s"],
            ["Acme", "Acme", "Globex", "Émile & Co"],
        ),  # stage: phone, technical, onsite, final
        (["s", "s", "s", "s"], ["Globex", "Acme", "Acme", "Émile & Co"]),  # rating high→low
        (
            ["s", "s", "s", "s", "s"],
            ["Acme", "Acme", "Globex", "Émile & Co"],
        ),  # want high→low, none last
        (["s", "s", "s", "s", "s", "s"], ["Acme", "Acme", "Globex", "Émile & Co"]),  # status
        (["r"], ["Émile & Co", "Acme", "Globex", "Acme"]),  # oldest first
    ],
)
async def test_sort_by_each_column(
    build_app: AppFactory, sample: Journal, presses: list[str], expected: list[str]
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press(*presses)
        assert companies(app) == expected


async def test_clicking_a_header_sorts_and_clicking_again_reverses(
    build_app: AppFactory, sample: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        table = app.screen.query_one(VirtualTable)
        rating_x = table.render_line(0).text.index("Rating") + 1  # (columns fit their text)
        await pilot.click(table, offset=(rating_x, 0))
        assert [e.reflection.rating for e in app.screen.shown] == [9, 7, 6, 3]  # type: ignore[attr-defined]
        assert "Rating ▼" in table.render_line(0).text
        await pilot.click(table, offset=(rating_x, 0))
        assert [e.reflection.rating for e in app.screen.shown] == [3, 6, 7, 9]  # type: ignore[attr-defined]


async def test_search_narrows_as_you_type_and_clears(
    build_app: AppFactory, sample: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("slash")
        await type_text(pilot, "SYSTEM-design")
        assert companies(app) == ["Acme"]
        assert count_label(app) == "1 of 4 reflections"
        await pilot.press("ctrl+u")
        await type_text(pilot, "zoe")  # the interviewer, accent-insensitive
        assert [e.id for e in app.screen.shown] == ["a1"]  # type: ignore[attr-defined]
        await pilot.press("ctrl+u")
        await type_text(pilot, "c++")
        assert [e.id for e in app.screen.shown] == ["a0"]  # type: ignore[attr-defined]
        await type_text(pilot, "zz")
        assert rows(app) == []
        # (x is a letter in the search box: it said "x clears", and x typed "c++zzx")
        assert count_label(app) == "Nothing matches · Esc clears"
        await pilot.press("escape")
        assert app.screen.query_one("#search", Input).value == ""
        assert len(rows(app)) == 4
        await pilot.press("escape")
        assert isinstance(app.focused, VirtualTable)


async def test_results_are_ready_in_the_frame_of_the_keystroke_and_scroll_when_long(
    build_app: AppFactory, sample: Journal
) -> None:
    """The search runs as the box's text changes, not a message later (which cost a frame
    showing only the typed character); the scrollbar follows the results."""
    app = build_app()
    async with app.run_test(size=(120, 9)) as pilot:  # (short: three rows need scrolling)
        await open_journal(pilot)
        search = app.screen.query_one("#search", Input)
        table = app.screen.query_one(VirtualTable)
        assert table.size.height == 3 and table.show_vertical_scrollbar
        search.value = "engineer"  # (no pause: what the next frame will show)
        assert companies(app) == ["Acme", "Globex", "Acme"]
        search.value = "sharding"
        assert companies(app) == ["Acme"]
        await pilot.pause()
        assert not table.show_vertical_scrollbar


async def test_filters_narrow_show_and_clear_with_one_key(
    build_app: AppFactory, sample: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("f")
        dialog = app.screen
        dialog.query_one("#statuses", SelectionList).select(Status.INTERVIEWING.value)
        dialog.query_one("#stages", SelectionList).select(Stage.TECHNICAL.value)
        await pilot.press("ctrl+s")
        assert [e.id for e in app.screen.shown] == ["a1"]  # type: ignore[attr-defined]
        bar = app.screen.query_one("#active-filters", Static)
        assert bar.display
        assert (
            str(bar.content) == "Filtered by Status: Interviewing · Stage: Technical   (x clears)"
        )
        await pilot.press("x")
        assert len(rows(app)) == 4
        assert not bar.display


@pytest.mark.parametrize(
    "field, value, expected",
    [
        ("company", "Acme", ["a1", "a0"]),
        ("rating-min", "7", ["g1", "a0"]),
        ("rating-max", "6", ["a1", "e1"]),
        ("period", "Last 30 days", ["a1", "g1", "a0"]),
        ("since", "2026-11-01", ["a1", "g1", "a0"]),
        ("until", "2026-11-01", ["e1"]),
    ],
)
async def test_each_filter(
    build_app: AppFactory, sample: Journal, field: str, value: str, expected: list[str]
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("f")
        control = app.screen.query_one(f"#{field}")
        if isinstance(control, Select):
            control.value = value
        else:
            assert isinstance(control, Input)
            control.value = value
        await pilot.press("ctrl+s")
        assert [e.id for e in app.screen.shown] == expected  # type: ignore[attr-defined]


async def test_bad_filter_values_are_explained_and_nothing_changes(
    build_app: AppFactory, sample: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("f")
        app.screen.query_one("#rating-min", Input).value = "8"
        app.screen.query_one("#rating-max", Input).value = "3"
        await pilot.press("ctrl+s")
        error = app.screen.query_one("#filter-error", Static)
        assert str(error.content) == "⚠ The rating range 8–3 is upside down"
        app.screen.query_one("#rating-max", Input).value = "eleven"
        await pilot.press("ctrl+s")
        assert str(error.content) == "⚠ A rating is 1 to 10, not 'eleven'"
        await pilot.press("escape")
        assert len(rows(app)) == 4


async def test_two_remembered_words_find_the_reflection_and_both_are_highlighted(
    build_app: AppFactory, sample: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("slash")
        await type_text(pilot, "sharding fumbled")
        await pilot.pause()
        assert count_label(app).startswith("1 of ")
        await pilot.press("enter", "enter")
        await pilot.pause()
        answer = next(
            s
            for s in app.screen.query(".doc-answer").results(Static)
            if "sharding" in str(s.content)
        )
        content = answer.content
        assert isinstance(content, Content)
        assert [content.plain[span.start : span.end] for span in content.spans] == [
            "Fumbled",
            "sharding",
        ]
        await pilot.pause()
        page = app.screen.query_one("#document")
        visible = page.region
        assert page.scroll_y > 0  # scrolled down to where the words are…
        assert visible.y <= answer.region.y and answer.region.bottom <= visible.bottom  # …shown


async def test_the_detail_view_reads_as_a_document(build_app: AppFactory, sample: Journal) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("slash")
        await type_text(pilot, "sharding")
        await pilot.press("enter", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailScreen)
        texts = [str(s.content) for s in screen.query("#document Static").results(Static)]
        assert texts[:2] == [
            "Acme — Data Engineer",
            "Fri 20 Nov 2026, 14:05 · Technical · round 2 of 2 · status: interviewing",
        ]
        assert "What didn't go so well?" in texts
        assert "Fumbled the system-design question about sharding" in texts
        answer = next(
            s for s in screen.query(".doc-answer").results(Static) if "sharding" in str(s.content)
        )
        spans = [(span.start, span.end) for span in answer.content.spans]  # type: ignore[union-attr]
        assert (41, 49) in spans  # "sharding" is highlighted
        assert "Zoë Park\nprefers email" in texts
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert str(screen.query_one(".doc-subtitle", Static).content).startswith("Mon 2 Nov 2026")
        await pilot.press("escape")
        assert isinstance(app.screen, JournalScreen)


async def test_markup_in_answers_is_shown_literally(build_app: AppFactory, sample: Journal) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("end", "enter")
        await pilot.pause()
        texts = [str(s.content) for s in app.screen.query("#document Static").results(Static)]
        assert "[bold]Long[/] commute" in texts


async def test_edit_round_trip_keeps_identity_and_creation_time(
    build_app: AppFactory, sample: Journal, journal_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen)
        assert app.screen.query_one("#q-company", Input).value == "Acme"
        await pilot.press("ctrl+n", "ctrl+n", "4", "ctrl+s", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert rows(app)[0].split()[-3] == "4/10"
    stored = orjson.loads(journal_path.read_bytes())["reflections"]
    edited = next(doc for doc in stored.values() if doc["id"] == "a1")
    assert edited["rating"] == 4
    assert edited["created_at"] == NOW.isoformat()
    assert edited["updated_at"] == NOW.isoformat()  # the fixed clock; created_at kept
    assert len(stored) == 4


async def test_cancelling_an_edit_leaves_the_journal_untouched(
    build_app: AppFactory, sample: Journal, journal_path: Path
) -> None:
    before = journal_path.read_bytes()
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert journal_path.read_bytes() == before
    assert Journal.open(journal_path).drafts() == []


async def test_a_changed_but_unsaved_edit_is_kept_and_offered_back(
    build_app: AppFactory, sample: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("e", "ctrl+n", "ctrl+n", "2", "escape")
        await pilot.pause()
        assert [d.reflection_id for d in sample.drafts()] == ["a1"]
        await pilot.press("e")
        await pilot.pause()
        text = " ".join(str(s.content) for s in app.screen.query(Static))
        assert "Resume unfinished edit of Acme — Data Engineer" in text


async def test_status_change_shows_on_every_round(
    build_app: AppFactory, sample: Journal, journal_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("down", "enter")  # Interviewing -> Offer
        await pilot.pause()
        acme_rows = [r for r in rows(app) if "Acme" in r]
        assert len(acme_rows) == 2 and all(r.endswith("Offer") for r in acme_rows)
    assert {
        o.status for o in Journal.open(journal_path).opportunities() if o.company == "Acme"
    } == {Status.OFFER}


async def test_delete_and_undo_restore_byte_identical_data(
    build_app: AppFactory, sample: Journal, journal_path: Path
) -> None:
    before = journal_path.read_bytes()
    app = build_app()
    said = record_notifications(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("escape")  # cancel: nothing happens
        assert journal_path.read_bytes() == before
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert len(rows(app)) == 3
        assert any("Press u in the journal to undo" in message for message in said)
        await pilot.press("u")
        await pilot.pause()
        assert len(rows(app)) == 4
    assert journal_path.read_bytes() == before


async def test_a_confirmed_delete_is_gone_after_restart(
    build_app: AppFactory, sample: Journal, journal_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("end", "d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    restarted = build_app()
    async with restarted.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        assert "Émile & Co" not in companies(restarted)
        assert len(rows(restarted)) == 3
    assert "Émile" not in journal_path.read_text()


async def test_deleting_from_the_detail_view_closes_it(
    build_app: AppFactory, sample: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert len(rows(app)) == 3


async def test_an_empty_journal_says_how_to_start(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        empty = app.screen.query_one("#journal-empty", Static)
        assert empty.display
        assert "Press  n  straight after your next interview" in str(empty.content)
        await pilot.press("e", "d", "o")  # nothing to act on: nothing happens
        assert isinstance(app.screen, JournalScreen)


async def test_the_journal_keeps_a_half_written_questionnaire(
    build_app: AppFactory, sample: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Initech")
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen)
        assert app.screen.query_one("#q-company", Input).value == "Initech"


@pytest.mark.parametrize("where", ["home", "journal"])
async def test_a_click_highlights_a_row_and_a_click_on_the_highlighted_row_opens_it(
    build_app: AppFactory, sample: Journal, where: str
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        if where == "journal":
            await open_journal(pilot)
        await pilot.pause()
        table = app.screen.query_one(VirtualTable)
        await pilot.click(table, offset=(5, 3))  # the third row
        await pilot.pause()
        assert table.cursor_row == 2 and not isinstance(app.screen, DetailScreen)
        await pilot.click(table, offset=(5, 3))
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.reflection_id == "a0"


async def test_the_home_screen_opens_a_reflection(build_app: AppFactory, sample: Journal) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.reflection_id == "a1"
