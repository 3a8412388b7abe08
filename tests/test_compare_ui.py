"""The compare screen: pick, read side by side, weigh, decide, persist, export."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from textual.containers import HorizontalScroll
from textual.widgets import Checkbox, Input, SelectionList, Static

from debrief.cli import main
from debrief.model import Money, Period, Rapport, Settings, Status
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp
from debrief.ui.screens.compare import CompareScreen
from debrief.ui.widgets.decision_matrix import GAP, HEAD_LINES, Cell, DecisionMatrix
from tests.pilot_helpers import record_notifications, type_text
from tests.samples import NOW, bare_reflection, opportunity

AppFactory = Callable[[], DebriefApp]
SIZE = (120, 60)


@pytest.fixture
def three(journal: Journal) -> Journal:
    """Acme (want 9, pay 90k), Globex (offer, 7,000/month), Initech (rejected)."""
    acme = opportunity("Acme", "Data Engineer", created_at=NOW.subtract(days=30))
    globex = opportunity("Globex", "SRE", status=Status.OFFER)
    initech = opportunity("Initech", "Backend", status=Status.REJECTED)
    journal.save_reflection(
        bare_reflection(acme.id, rating=8, want_job=9, could_work_with=Rapport.YES,
                        money=Money(Decimal(90000), "EUR"), likes_role="Greenfield [b]platform[/b]"), acme,
    )  # fmt: skip
    journal.save_reflection(
        bare_reflection(globex.id, rating=6, want_job=6, could_work_with=Rapport.UNSURE,
                        money=Money(Decimal(7000), "EUR", Period.MONTH)), globex,
    )  # fmt: skip
    journal.save_reflection(bare_reflection(initech.id, rating=3), initech)
    journal.save_settings(
        Settings(current_company="Initrode", current_pay=Money(Decimal(70000), "EUR"))
    )
    return journal


async def open_compare(pilot: Any) -> CompareScreen:
    await pilot.press("f5")
    await pilot.pause()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    return screen


def side_by_side(screen: CompareScreen) -> list[str]:
    """The side by side as drawn, at the widths the screen chose: its row labels (which
    stay put) beside the options' lines (which scroll sideways)."""
    labels, options = (
        str(screen.query_one(part, Static).content).split("\n")
        for part in ("#aspect-labels", "#aspects")
    )
    return [(label + line).rstrip() for label, line in zip(labels, options, strict=True)]


def verdict(screen: CompareScreen) -> str:
    return str(screen.query_one("#verdict", Static).content)


def matrix(screen: CompareScreen) -> DecisionMatrix:
    return screen.query_one("#weights", DecisionMatrix)


def at(app: DebriefApp) -> str | None:
    """Where the keys go: the matrix's cell (`score-3-2`), else the focused widget's id."""
    if isinstance(app.focused, DecisionMatrix):
        return app.focused.cursor_key
    return app.focused.id if app.focused is not None else None


async def enter(pilot: Any, screen: CompareScreen, cell: str, text: str) -> None:
    """Go to the matrix's `cell` and type `text` over what it held (a cell reached is
    selected whole: the first key replaces it)."""
    matrix(screen).focus_cell(cell)
    await pilot.pause()
    if text:
        await type_text(pilot, text)
    else:
        await pilot.press("backspace")


def total(screen: CompareScreen, option: int) -> str:
    """An option's total as drawn under its scores (wrapped within its column)."""
    lines = matrix(screen).total_lines
    return " ".join(line[option] for line in lines if line[option])


async def test_with_fewer_than_two_opportunities_it_explains(
    build_app: AppFactory, journal: Journal
) -> None:
    job = opportunity()
    journal.save_reflection(bare_reflection(job.id), job)
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        notice = screen.query_one("#compare-too-few", Static)
        assert notice.display
        assert "at least two opportunities, and your journal has 1" in str(notice.content)


async def test_side_by_side_with_the_current_job(build_app: AppFactory, three: Journal) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        assert sorted(screen.query_one("#chosen", SelectionList).selected) == sorted(
            o.id for o in three.opportunities()[:2]
        )
        screen.query_one("#include-current", Checkbox).value = True
        await pilot.pause()
        await pilot.pause()
        lines = side_by_side(screen)
        assert lines[0].split() == ["Acme", "Globex", "Initrode", "(now)"]
        pay = lines.index(next(line for line in lines if line.startswith("Pay (a year)")))
        assert [cell.strip() for cell in lines[pay].split("  ") if cell.strip()] == [
            "Pay (a year)",
            "90,000 EUR a year",
            "84,000 EUR a year (7,000",
            "70,000 EUR a year",
        ]
        assert lines[pay + 1].split() == ["per", "month;", "monthly", "×", "12)"]  # wrapped
        assert any("Greenfield [b]platform[/b]" in line for line in lines)  # literal
        assert verdict(screen).startswith("Not ranked yet")  # Initrode is scored on pay only
        assert "Initrode (now) on growth" in verdict(screen)
        assert total(screen, 2) == "4.00 (1 of 6 criteria scored)"  # 70k of 90k, and nothing else


async def test_a_fifth_choice_is_refused(build_app: AppFactory, journal: Journal) -> None:
    for name in "ABCDE":
        job = opportunity(name)
        journal.save_reflection(bare_reflection(job.id), job)
    app = build_app()
    said = record_notifications(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_compare(pilot)
        picker = screen.query_one("#chosen", SelectionList)
        picker.select_all()
        await pilot.pause()
        assert len(picker.selected) == 2  # nothing changed
        assert any("up to 4" in message for message in said)


async def test_editing_a_weight_changes_the_ranking_and_persists(
    build_app: AppFactory, three: Journal, journal_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        # Prefilled: pay 5 and 5 (90k vs 84k rounds to 5), culture 4 vs 3, role fit 4 vs 3.
        await enter(pilot, screen, "score-1-1", "5")  # growth: Globex 5
        await enter(pilot, screen, "score-2-1", "5")  # balance: Globex 5
        await pilot.pause()
        assert verdict(screen).startswith("Not ranked yet")
        assert "score Acme on growth, work–life balance and location / commute" in verdict(screen)
        for field in ("score-1-0", "score-2-0", "score-3-0", "score-3-1"):
            await enter(pilot, screen, field, "3")  # Acme growth, balance; both location
        await pilot.pause()
        assert verdict(screen).startswith("Ranking: 1. Globex  2. Acme")
        await enter(pilot, screen, "weight-5", "30")  # role fit, where Acme leads
        await pilot.pause()
        assert verdict(screen).startswith("Ranking: 1. Acme  2. Globex")
        assert (
            "Acme leads on culture / people and role fit; Globex on growth and work–life balance."
            in verdict(screen)
        )
        screen.save()
    restarted = build_app()
    async with restarted.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        assert matrix(screen).value("weight-5") == "30"
        assert verdict(screen).startswith("Ranking: 1. Acme  2. Globex")
    assert Journal.open(journal_path).decision().criteria[5].weight == Decimal(30)


@pytest.mark.parametrize(
    "field, value, message",
    [
        (
            "weight-0",
            "abc",
            "⚠ The weight of 'Pay' must be a number, not 'abc' — not saved until fixed.",
        ),
        ("weight-0", "-1", "⚠ The weight of 'Pay' must not be negative — not saved until fixed."),
        (
            "score-0-0",
            "7",
            "⚠ A score is a whole number from 0 to 5, not '7' ('Pay', Acme) — not saved until fixed.",
        ),
        ("name-1", "pay", "⚠ Two criteria have the same name — not saved until fixed."),
        ("name-2", "", "⚠ A criterion needs a name — not saved until fixed."),
    ],
)
async def test_bad_values_get_a_message_and_nothing_is_saved(
    build_app: AppFactory, three: Journal, journal_path: Path, field: str, value: str, message: str
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        screen.save()
        before = Journal.open(journal_path).decision()
        await enter(pilot, screen, field, value)
        await pilot.pause()
        error = screen.query_one("#matrix-error", Static)
        assert error.display and str(error.content) == message
        assert matrix(screen).invalid == Cell.named(field)
        screen.save()
    assert Journal.open(journal_path).decision() == before


async def test_weights_that_sum_to_zero_are_refused(build_app: AppFactory, three: Journal) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        for row in range(6):
            await enter(pilot, screen, f"weight-{row}", "0")
        await pilot.pause()
        assert str(screen.query_one("#matrix-error", Static).content).startswith(
            "⚠ The weights add up to zero"
        )


async def test_add_and_remove_criteria(build_app: AppFactory, three: Journal) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert at(app) == "name-6"
        await pilot.press("ctrl+u")
        await type_text(pilot, "Visa sponsorship")
        assert [c.name for c in screen.decision.criteria][-1] == "Visa sponsorship"
        grid = matrix(screen)
        remove = grid.fixed_width + sum(width + GAP for width in grid.score_widths) + 1
        await pilot.click("#weights", offset=(remove, HEAD_LINES))  # the first row's ✕
        await pilot.pause()
        assert screen.decision.criteria[0].name == "Growth"
        assert len(screen.decision.criteria) == 6
        add = HEAD_LINES + len(grid.texts) + len(grid.total_lines)  # the line under the totals
        assert grid.render_line(add).text.strip() == "+ Add criterion (ctrl+n)"
        await pilot.click("#weights", offset=(3, add))
        await pilot.pause()
        assert len(screen.decision.criteria) == 7
        assert at(app) == "name-6"


async def test_export_markdown_from_the_screen_and_the_shell(
    build_app: AppFactory,
    three: Journal,
    journal_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#answer", Input).value = str(tmp_path / "choice.md")
        await pilot.press("enter")
        await pilot.pause()
        screen.save()
    text = (tmp_path / "choice.md").read_text()
    assert text.startswith("# Comparing opportunities\n\n| | Acme | Globex |")
    assert "| Self-rating, latest | **8/10** | 6/10 |" in text
    assert main(["--db", str(journal_path), "export", "--format", "compare-md"]) == 0
    assert capsys.readouterr().out.strip() == text.strip()


async def test_a_narrow_terminal_scrolls_sideways(build_app: AppFactory, three: Journal) -> None:
    app = build_app()
    async with app.run_test(size=(80, 40)) as pilot:
        screen = await open_compare(pilot)
        screen.query_one("#include-current", Checkbox).value = True
        await pilot.pause()
        await pilot.pause()  # three columns share 80 columns: no scrolling
        assert screen.query_one("#side-by-side", HorizontalScroll).max_scroll_x == 0
        assert not screen.query_one("#aspects-hint").display
        await pilot.resize_terminal(60, 40)
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one("#side-by-side", HorizontalScroll).max_scroll_x > 0
        assert screen.query_one("#aspects-hint").display  # and it says so


async def test_opening_the_comparison_writes_nothing(
    build_app: AppFactory, three: Journal, journal_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        screen.save()  # what the change timer does
        before = journal_path.read_bytes()
        await pilot.press("f2")
        screen = await open_compare(pilot)
        screen.save()
        assert journal_path.read_bytes() == before  # the same comparison is not written again
        screen.query_one("#include-current", Checkbox).value = True
        await pilot.pause()
        screen.save()
        assert journal_path.read_bytes() != before  # a real change is


async def test_every_control_is_reached_and_worked_from_the_keyboard(
    build_app: AppFactory, three: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_compare(pilot)
        assert at(app) == "chosen"
        await pilot.press("down", "down", "space")  # Initech (third) joins Acme and Globex
        await pilot.pause()
        assert len(screen.query_one("#chosen", SelectionList).selected) == 3
        await pilot.press("tab")
        assert at(app) == "include-current"
        await pilot.press("space")
        await pilot.pause()
        await pilot.pause()
        assert screen.decision.include_current
        assert side_by_side(screen)[0].split() == ["Acme", "Globex", "Initech", "Initrode", "(now)"]
        reached = []  # the order Tab goes in
        while at(app) != "add-criterion":
            await pilot.press("tab")
            reached.append(at(app))
        assert reached[1] == "score-0-0"  # (into the matrix at its first score, not a name)
        for wanted in ("score-0-3", "remove-0", "name-1", "weight-1"):
            assert wanted in reached
        assert reached.index("score-0-0") < reached.index("remove-0") < reached.index("name-1")
        await pilot.press("shift+tab")
        assert at(app) == "remove-5"  # back into the matrix at its last cell
        while at(app) != "score-3-2":
            await pilot.press("tab")
        await type_text(pilot, "4")  # Initech, location
        await pilot.pause()
        assert screen.decision.scores[three.opportunities()[2].id]["Location / commute"] == 4
        await pilot.press("enter")  # on to the next field…
        assert at(app) == "score-3-3"  # (Initrode's)
        await pilot.press("enter")  # …and past the row's ✕, never pressing it
        assert at(app) == "name-4"
        assert len(screen.decision.criteria) == 6
        while at(app) != "add-criterion":
            await pilot.press("tab")
        await pilot.press("enter")
        await pilot.pause()
        assert len(screen.decision.criteria) == 7
        assert at(app) == "name-6"
        while at(app) != "remove-6":
            await pilot.press("tab")
        await pilot.press("enter")
        await pilot.pause()
        assert len(screen.decision.criteria) == 6


async def test_an_empty_comparison_offers_no_matrix_keys_and_saves_nothing(
    build_app: Callable[[], DebriefApp], journal: Journal, journal_path: Path
) -> None:
    """Found by a new user: on a journal with fewer than two opportunities, Ctrl+N added
    criteria nobody could see (and typed into them), and saved them."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("ctrl+n", "6", "ctrl+n", "x")
        await pilot.pause()
        assert "add_criterion" not in {
            b.binding.action for b in app.screen.active_bindings.values() if b.enabled
        }
    criteria = Journal.open(journal_path).decision().criteria
    assert not [c.name for c in criteria if c.name.startswith("Criterion ")]


async def test_keys_typed_while_a_criterion_is_added_never_crash(
    build_app: Callable[[], DebriefApp], three: Journal, journal_path: Path
) -> None:
    """Found by a new user: Ctrl+N then a digit within a few milliseconds crashed the app
    (NoMatches '#name-15': the new row was not mounted when the digit was read). The
    matrix is now drawn at once, so an edit can no longer arrive mid-draw."""
    from tests.pilot_helpers import burst

    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        before = len(screen.decision.criteria)
        for _ in range(3):
            await burst(pilot, "ctrl+n", "6", "6")
        grid = matrix(screen)
        screen.action_add_criterion()
        grid.post_message(DecisionMatrix.Changed(grid, "weight-0"))  # an edit right after
        await pilot.pause()
        assert app.is_running
        assert len(screen.decision.criteria) == before + 4


async def test_fast_typing_in_the_matrix_keeps_its_order(
    build_app: AppFactory, three: Journal
) -> None:
    """Found trying it in a terminal: '4', Enter, '3' typed fast gave '43' in one cell (Enter
    acted once it reached the app, after the keys typed behind it)."""
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "Visa\n2\n4\n")  # all sent at once
        grid = matrix(screen)
        assert [grid.value(cell) for cell in ("name-6", "weight-6", "score-6-0")] == [
            "Visa",
            "2",
            "4",
        ]
        assert at(app) == "score-6-1"
