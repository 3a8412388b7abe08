"""The history screen through the real app: `r` puts a follow-up back exactly as it was
before it was done, `u` undoes that, and a record is never lost to a later round."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from textual.widgets import Static

from debrief.followups import mark_done, plan
from debrief.model import FollowUp, Interviewer, Stage
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp
from debrief.ui.screens.history import HistoryScreen
from debrief.ui.widgets.footer import KeysFooter
from debrief.ui.widgets.virtual_table import VirtualTable
from tests.samples import NOW, bare_reflection, opportunity

AppFactory = Callable[[], DebriefApp]
SIZE = (120, 36)
RAVI = Interviewer(name="Ravi Kumar", email="ravi@acme.example")


def said_by(app: DebriefApp) -> list[str]:
    """What the app tells the user, as it says it (its notify, wrapped)."""
    said: list[str] = []
    original = app.notify

    def notify(message: str, *args: Any, **kwargs: Any) -> None:
        said.append(message)
        original(message, *args, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return said


def rows_of(app: DebriefApp) -> list[list[str]]:
    table = app.screen.query_one(VirtualTable)
    return [table.row_texts(row) for row in range(table.row_count)]


def by_key(journal_path: Path, reflection_id: str) -> dict[str, FollowUp]:
    return {f.key: f for f in Journal.open(journal_path).followups(reflection_id)}


async def open_history_on(app: DebriefApp, pilot: Any, what: str) -> None:
    await pilot.pause()
    await pilot.press("h")
    await pilot.pause()
    assert isinstance(app.screen, HistoryScreen)
    row = next(i for i, r in enumerate(rows_of(app)) if what in r[2])
    await pilot.press(*["down"] * row)


async def test_r_puts_a_check_back_as_it_was_and_u_marks_it_sent_again(
    build_app: AppFactory, journal: Journal, journal_path: Path
) -> None:
    """The first check was snoozed, noted, then marked sent, which brought the second into
    the plan; `r` takes back only the "sent" (the snooze and the note stay, the second goes
    as it came), `u` puts the "sent" back, with the second."""
    job = opportunity()
    one = bare_reflection(job.id, id="r1", interview_at=NOW.subtract(days=20), interviewers=(RAVI,),
                          replies_from="Ravi Kumar")  # fmt: skip
    items = {f.key: f for f in plan(job, [one], "Europe/Berlin", now=NOW.subtract(days=20))}
    snoozed = replace(items["status_check:1"], snoozed_until=NOW.subtract(days=9), note="by email")
    sent = mark_done(snoozed, NOW.subtract(days=8))
    journal.save_reflection(
        one, job, plan(job, [one], "Europe/Berlin", [*items.values(), sent], NOW)
    )
    assert "status_check:2" in by_key(journal_path, "r1")
    app = build_app()
    said = said_by(app)
    async with app.run_test(size=SIZE) as pilot:
        await open_history_on(app, pilot, "Status check")
        await pilot.press("r")
        await pilot.pause()
        back = by_key(journal_path, "r1")
        assert back["status_check:1"] == replace(sent, done_at=None)  # as before it was sent
        assert "status_check:2" not in back  # it came with the "sent"
        assert any(m.startswith("Back on the agenda: Status check to Ravi Kumar") for m in said)
        assert not [r for r in rows_of(app) if "Status check" in r[2]]
        await pilot.press("u")
        await pilot.pause()
        again = by_key(journal_path, "r1")
        assert again["status_check:1"] == sent  # sent, when it was
        assert again["status_check:2"].pending
        assert any(m.startswith("Undone: “Back on the agenda") for m in said)
        assert ["Done", "Status check to Ravi Kumar"] in [r[1:3] for r in rows_of(app)]


async def test_r_on_an_earlier_rounds_done_check_keeps_its_record(
    build_app: AppFactory, journal: Journal, journal_path: Path
) -> None:
    """Round 1's check was sent; round 2 came. `r` on it used to say "Back on the agenda"
    and turn it into "Not needed · just now", on no agenda at all."""
    job = opportunity()
    one = bare_reflection(job.id, id="r1", interview_at=NOW.subtract(days=20), interviewers=(RAVI,),
                          replies_from="Ravi Kumar")  # fmt: skip
    items = plan(job, [one], "Europe/Berlin", now=NOW.subtract(days=20))
    sent = [mark_done(f, NOW.subtract(days=12)) if f.key == "status_check:1" else f for f in items]
    journal.save_reflection(
        one, job, plan(job, [one], "Europe/Berlin", sent, NOW.subtract(days=12))
    )
    two = bare_reflection(job.id, id="r2", interview_at=NOW.subtract(days=2), stage=Stage.ONSITE,
                          interviewers=(RAVI,))  # fmt: skip
    journal.save_reflection(
        two, job, plan(job, [one, two], "Europe/Berlin", journal.followups(), NOW)
    )
    before = by_key(journal_path, "r1")["status_check:1"]
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_history_on(app, pilot, "Status check")
        detail = str(app.screen.query_one("#history-detail", Static).content)
        assert "It can't go back on the agenda: a later round has its own plan." in detail
        # r is not offered on it (the footer shows the keys of the line; the line says why)
        offered = [key.description for key in app.screen.query_one(KeysFooter).keys]
        assert "Back on the agenda" not in offered
        await pilot.press("r")
        await pilot.pause()
        assert by_key(journal_path, "r1")["status_check:1"] == before  # nothing written
        assert ["Done", "Status check to Ravi Kumar"] in [r[1:3] for r in rows_of(app)]
        assert not [r for r in rows_of(app) if r[1] == "Not needed" and "Status check" in r[2]]


async def test_at_80_columns_each_row_names_its_company(
    build_app: AppFactory, journal: Journal
) -> None:
    """Two opportunities' thank-yous to people with the same name: only the company tells
    the rows apart (the column went first on a narrow terminal)."""
    for company in ("Contoso", "Initech"):
        job = opportunity(company=company, role="Senior Data Engineer")
        one = bare_reflection(job.id, interview_at=NOW.subtract(days=3), interviewers=(RAVI,))
        done = [mark_done(f, NOW.subtract(days=2)) for f in plan(job, [one], "Europe/Berlin")]
        journal.save_reflection(one, job, done)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one(VirtualTable)
        assert [c.key for c in table.columns][-1] == "where"
        painted = [app.screen.query_one(VirtualTable).render_line(y).text for y in range(1, 5)]
        assert any("Contoso" in line for line in painted), painted
        assert any("Initech" in line for line in painted), painted
