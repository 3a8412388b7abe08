"""Text that looks like markup is shown exactly, on every screen and in every picker, and
clicking it runs nothing (an imported company name once overwrote the journal)."""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Select

from debrief.followups import plan
from debrief.model import Criterion, Decision, Interviewer, Settings
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp, make_app
from tests.samples import NOW, fixed_clock, full_reflection, opportunity

ACTION = "[@click=app.screenshot('journal.json','.')]Acme[/]"
HOSTILE = [ACTION, "[/]", "Foo [/bar]", "[link=https://x.example]x[/link]", "ACME [EU]"]
TYPED = "[Stealth] Startup"  # reachable by typing, not only by importing
SIZE = (160, 50)


def screen_lines(app: App[Any]) -> list[str]:
    """The screen as text, line by line, read from Textual's own SVG screenshot."""
    svg = app.export_screenshot()
    rows: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in re.findall(r'<text class="terminal-[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>', svg):  # fmt: skip
        rows.setdefault(float(y), []).append((float(x), html.unescape(text)))
    return ["".join(t for _, t in sorted(parts)).replace("\xa0", " ") for _, parts in sorted(rows.items())]  # fmt: skip


@pytest.fixture
def hostile(journal_path: Path) -> Journal:
    journal = Journal.open(journal_path)
    for number, company in enumerate([*HOSTILE, TYPED]):
        job = opportunity(company=company, role=f"Role {company}")
        reflection = full_reflection(
            job.id,
            id=f"r{number}",
            interview_at=NOW.subtract(days=2 + number),
            interviewers=(Interviewer(name=f"{company} Person", title="[b]CTO[/b]"),),
            went_badly=f"Nervous about {company}",
            key_point=company,
        )
        journal.save_reflection(reflection, job, plan(job, [reflection], "Europe/Berlin"))
    chosen = tuple(o.id for o in journal.opportunities()[:2])
    journal.save_decision(
        Decision(
            criteria=(Criterion(ACTION, Decimal(2)), Criterion("[/]", Decimal(1))),
            chosen=chosen,
        )
    )
    journal.save_settings(Settings(name="[@click=app.quit]Me[/]", current_company="[/]"))
    return journal


Visit = Callable[[Pilot[Any]], Awaitable[None]]


async def press(pilot: Pilot[Any], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_select(pilot: Pilot[Any], selector: str) -> None:
    pilot.app.screen.query_one(selector, Select).focus()
    await press(pilot, "space")


async def home(pilot: Pilot[Any]) -> None:
    await pilot.pause()


async def journal(pilot: Pilot[Any]) -> None:
    await press(pilot, "f3")


async def journal_filter(pilot: Pilot[Any]) -> None:
    await press(pilot, "f3", "f")
    await open_select(pilot, "#company")


async def detail(pilot: Pilot[Any]) -> None:
    await press(pilot, "f3", "enter")


async def status_dialog(pilot: Pilot[Any]) -> None:
    await press(pilot, "f3", "o")


async def delete_dialog(pilot: Pilot[Any]) -> None:
    await press(pilot, "f3", "d")


async def trends_companies(pilot: Pilot[Any]) -> None:
    await press(pilot, "f4")
    await open_select(pilot, "#company")


async def compare(pilot: Pilot[Any]) -> None:
    await press(pilot, "f5")


async def draft(pilot: Pilot[Any]) -> None:
    await press(pilot, "enter")  # the agenda's first item: a thank-you note


async def snooze_dialog(pilot: Pilot[Any]) -> None:
    await press(pilot, "z")


VISITS: dict[str, Visit] = {
    "home": home,
    "journal": journal,
    "journal filter, companies": journal_filter,
    "detail": detail,
    "status dialog": status_dialog,
    "delete dialog": delete_dialog,
    "trends, companies": trends_companies,
    "compare": compare,
    "draft": draft,
    "snooze dialog": snooze_dialog,
}
# What each must show literally (at least one of these, whole).
EXPECTED = {name: [*HOSTILE, TYPED] for name in VISITS}


@pytest.mark.parametrize("visit", list(VISITS))
async def test_hostile_text_shows_exactly_and_clicking_it_runs_nothing(
    hostile: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch, visit: str
) -> None:
    ran: list[str] = []
    monkeypatch.setattr(App, "action_screenshot", lambda *a, **k: ran.append("screenshot"))
    monkeypatch.setattr(App, "open_url", lambda *a, **k: ran.append("open_url"))
    monkeypatch.setattr(DebriefApp, "action_quit", lambda *a, **k: ran.append("quit"))
    before = Journal.open(journal_path).bundle()
    app = make_app(Journal.open(journal_path), clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await VISITS[visit](pilot)
        lines = screen_lines(app)
        shown = [text for text in EXPECTED[visit] if any(text in line for line in lines)]
        assert shown, f"no hostile text shown literally on {visit}:\n" + "\n".join(lines)
        for row, line in enumerate(lines):  # click every visible action link, as a user might
            for match in re.finditer(re.escape("[@click"), line):
                await pilot.click(offset=(match.start() + 2, row))
                await pilot.pause()
        assert app.is_running
    assert ran == []
    after = Journal.open(journal_path).bundle()  # (still a journal: nothing wrote over it)
    assert (after.opportunities, after.reflections) == (before.opportunities, before.reflections)


async def test_a_company_typed_with_brackets_reads_as_typed_in_every_picker(
    hostile: Journal, journal_path: Path
) -> None:
    app = make_app(Journal.open(journal_path), clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await trends_companies(pilot)
        assert any(TYPED in line for line in screen_lines(app))
        await press(pilot, "escape", "f5")
        assert any(f"{TYPED} — Role {TYPED}" in line for line in screen_lines(app))
