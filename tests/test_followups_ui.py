"""The follow-up planner through the real app: agenda, done, snooze, skip, note, drafts, profile."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, OptionList, Static, TextArea

from debrief.followups import mark_done, plan
from debrief.model import FollowUpKind, Interviewer, Reply, Settings, Stage, Status
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp
from debrief.ui.screens.checklist import ChecklistScreen
from debrief.ui.screens.draft import DraftScreen
from debrief.ui.screens.home import HomeScreen
from debrief.ui.screens.profile import ProfileScreen
from debrief.ui.screens.reflect import ReflectScreen
from debrief.ui.widgets.footer import KeysFooter
from tests.pilot_helpers import record_notifications, type_text
from tests.samples import NOW, bare_reflection, opportunity

AppFactory = Callable[[], DebriefApp]
SIZE = (120, 36)
JANE = Interviewer(
    name="Jane Doe", title="CTO", email="jane@acme.example", linkedin="https://linkedin.com/in/jane"
)


@pytest.fixture
def planned(journal: Journal) -> Journal:
    """Friday's (10:00) technical interview at Acme with Jane, and its plan; it is Sunday."""
    job = opportunity()
    reflection = bare_reflection(
        job.id, id="r1", interview_at=NOW.subtract(days=2).set(hour=10, minute=0), stage=Stage.TECHNICAL,
        interviewers=(JANE,), key_point="the Kafka migration",
    )  # fmt: skip
    journal.save_reflection(reflection, job, plan(job, [reflection], "Europe/Berlin"))
    journal.save_settings(Settings(name="Alex Morgan", email="alex@example.com"))
    return journal


def agenda_lines(app: DebriefApp) -> list[str]:
    agenda = app.screen.query_one("#agenda", OptionList)
    return [str(agenda.get_option_at_index(i).prompt) for i in range(agenda.option_count)]


def item(journal: Journal, key: str) -> Any:
    return next(f for f in journal.followups() if f.key == key)


async def test_the_home_screen_lists_overdue_and_upcoming_with_company_and_when(
    build_app: AppFactory, planned: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = agenda_lines(app)
        assert lines == [
            "Overdue (1)",
            "  ✉  Thank-you note to Jane Doe (by email) · Acme — Data Engineer · technical  1 day overdue",
            "Upcoming (3)",
            " in  Connect on LinkedIn with Jane Doe (optional) · Acme — Data Engineer · technical  in 21 hours",
            "  ☎  Short follow-up call with Mo Salah (optional) · Acme — Data Engineer · technical  in 2 days",
            "  ?  Status check to Mo Salah (by email) · Acme — Data Engineer · technical  in 4 days",
        ]
        title = str(app.screen.query_one("#agenda-title", Static).content)
        assert title == "Follow-ups · 1 overdue · 3 upcoming"


async def test_a_long_overdue_list_shows_the_first_ones_and_how_many_more(
    build_app: AppFactory, journal: Journal
) -> None:
    for number in range(20):  # twenty old interviews: far more overdue items than fit
        job = opportunity(company=f"Firm {number}")
        reflection = bare_reflection(
            job.id, id=f"r{number}", interview_at=NOW.subtract(days=3 + number)
        )
        journal.save_reflection(reflection, job, plan(job, [reflection], "Europe/Berlin"))
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = agenda_lines(app)
        overdue = int(lines[0].removeprefix("Overdue (").removesuffix(")"))
        assert overdue > 11
        assert all("overdue" in line for line in lines[1:11])
        assert lines[11] == f"   … and {overdue - 10} more: they move up as you clear these"


async def test_saving_a_reflection_creates_its_plan(
    build_app: AppFactory, journal: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Globex")
        await pilot.press("tab")
        await type_text(pilot, "SRE")
        await pilot.press("tab")
        await type_text(pilot, "today 9:00")
        await pilot.press("ctrl+n", "ctrl+n", "6", "ctrl+s", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Thank-you note (by email) · Globex — SRE" in " ".join(agenda_lines(app))
    journal.refresh()  # (the app saved through its own journal object)
    kinds = sorted(f.kind.value for f in journal.followups())
    assert kinds == ["call", "status_check", "thank_you"]  # (the second check comes later)


async def test_done_records_when_and_undo_brings_it_back(
    build_app: AppFactory, planned: Journal, journal_path: Path
) -> None:
    app = build_app()
    said = record_notifications(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("space")
        assert item(Journal.open(journal_path), "thank_you:jane doe").done_at == NOW
        assert "Thank-you note" not in " ".join(agenda_lines(app))
        assert any("Done: Thank-you note to Jane Doe" in message for message in said)
        await pilot.press("u")
        assert item(Journal.open(journal_path), "thank_you:jane doe").done_at is None
        assert "Thank-you note" in " ".join(agenda_lines(app))


async def test_skip_dismisses(build_app: AppFactory, planned: Journal, journal_path: Path) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "x")  # the LinkedIn invitation, just under the thank-you
        linkedin = item(Journal.open(journal_path), "linkedin:jane doe")
        assert linkedin.dismissed_at == NOW and linkedin.done_at is None
        assert "LinkedIn" not in " ".join(agenda_lines(app))


async def test_snooze_to_tomorrow_or_to_a_date_typed(
    build_app: AppFactory, planned: Journal, journal_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("enter")  # Tomorrow morning
        await pilot.pause()
        snoozed = item(Journal.open(journal_path), "thank_you:jane doe")
        assert snoozed.snoozed_until == NOW.add(days=1).set(hour=9, minute=0)
        assert agenda_lines(app)[0] == "Upcoming (4)"
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("end", "enter")  # Pick a date…
        await pilot.pause()
        await type_text(pilot, "yesterday")
        await pilot.press("enter")
        assert (
            str(app.screen.query_one("#prompt-error", Static).content)
            == "⚠ Pick a moment in the future"
        )
        await pilot.press("ctrl+u")
        await type_text(pilot, "friday 9:00")
        await pilot.press("enter")
        await pilot.pause()
        assert item(Journal.open(journal_path), "thank_you:jane doe").snoozed_until == NOW.add(
            days=5
        ).set(hour=9, minute=0)


async def test_snoozing_offers_nothing_sooner_than_the_item_is_due(
    build_app: AppFactory, planned: Journal, journal_path: Path
) -> None:
    """The LinkedIn invitation is due Monday at 12:00 (it is Sunday): "Monday morning"
    (09:00) would bring it sooner, so it is not offered, nor accepted when typed."""
    from debrief.ui.screens.dialogs import ChoiceScreen

    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        agenda = app.screen.query_one("#agenda", OptionList)
        agenda.highlighted = next(
            i for i, line in enumerate(agenda_lines(app)) if "Connect on LinkedIn" in line
        )
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert app.screen.title_text.endswith("(due Mon 23 Nov, 12:00)")
        choices = app.screen.query_one("#choices", OptionList)
        labels = [
            str(choices.get_option_at_index(i).prompt).strip() for i in range(choices.option_count)
        ]
        assert labels == [
            "A working day later · Tue 24 Nov, 12:00",
            "In 3 working days · Wed 25 Nov, 09:00",
            "A week later · Mon 30 Nov, 12:00",  # ("next week" is tomorrow 09:00: sooner)
            "Pick a date…",
        ]
        await pilot.press("end", "enter")  # Pick a date…
        await pilot.pause()
        await type_text(pilot, "monday 9:00")
        await pilot.press("enter")
        assert (
            str(app.screen.query_one("#prompt-error", Static).content)
            == "⚠ It is due Mon 23 Nov, 12:00: pick a later moment"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert item(Journal.open(journal_path), "linkedin:jane doe").snoozed_until is None


async def test_a_note_is_kept_and_shown(
    build_app: AppFactory, planned: Journal, journal_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("end", "a")  # the status check
        await pilot.pause()
        await type_text(pilot, "[b]left[/b] voicemail")
        await pilot.press("enter")
        await pilot.pause()
        assert item(Journal.open(journal_path), "status_check:1").note == "[b]left[/b] voicemail"
        assert agenda_lines(app)[-1].endswith("in 4 days\n      ✎ [b]left[/b] voicemail")


async def test_the_thank_you_draft_can_be_edited_copied_saved_and_marked_sent(
    build_app: AppFactory,
    planned: Journal,
    journal_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    app = build_app()
    said = record_notifications(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DraftScreen)
        assert (
            screen.query_one("#subject", Input).value == "Thank You for the Interview – Alex Morgan"
        )
        body = screen.query_one("#body", TextArea)
        assert body.text.startswith(
            "Dear [fill in: Ms./Mr./Mx.] Doe,\n\nThank you for taking the time to meet with me on Friday"
        )
        assert "our discussion about the Kafka migration, and" in body.text
        assert body.text.endswith("Kind regards,\n\nAlex Morgan\nalex@example.com")
        await pilot.press("ctrl+t")  # unedited: the tone can switch
        assert body.text.startswith("Hi Jane,")
        body.move_cursor(body.document.end)
        await type_text(pilot, "\nPS: the slides are attached.")
        await pilot.press("ctrl+t")  # edited: the tone stays, the edit is kept
        assert body.text.endswith("PS: the slides are attached.")
        await pilot.press("ctrl+o")
        assert app.clipboard == (
            "To: jane@acme.example\nSubject: Thank You for the Interview – Alex Morgan\n\n"
            + body.text
        )
        assert any("Copied to the clipboard" in message for message in said)
        await pilot.press("ctrl+s")
        await pilot.pause()
        suggested = app.screen.query_one("#answer", Input).value
        assert suggested == str(tmp_path / "thank-you-acme-jane-doe.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert (
            (tmp_path / "thank-you-acme-jane-doe.txt")
            .read_text()
            .endswith("PS: the slides are attached.\n")
        )
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert item(Journal.open(journal_path), "thank_you:jane doe").done_at == NOW


async def test_the_draft_never_overwrites_an_existing_file(
    build_app: AppFactory, planned: Journal, tmp_path: Path
) -> None:
    existing = tmp_path / "mine.txt"
    existing.write_text("precious")
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        app.screen.query_one("#answer", Input).value = str(existing)
        await pilot.press("enter")
        error = app.screen.query_one("#prompt-error", Static)
        assert str(error.content) == f"⚠ {existing} exists already; choose another name"
    assert existing.read_text() == "precious"


async def test_profile_is_validated_at_the_field_and_signs_drafts(
    build_app: AppFactory, planned: Journal, journal_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        app.screen.query_one("#profile-name", Input).value = "Sam Lee"
        app.screen.query_one("#profile-email", Input).value = "sam@"
        app.screen.query_one("#profile-timezone", Input).value = "Mars/Olympus"
        await pilot.press("ctrl+s")
        assert (
            str(app.screen.query_one("#error-email", Static).content)
            == "⚠ 'sam@' is not an email address"
        )
        app.screen.query_one("#profile-email", Input).value = "sam@example.com"
        await pilot.press("ctrl+s")
        assert str(app.screen.query_one("#error-timezone", Static).content).startswith(
            "⚠ 'Mars/Olympus' is not a time zone"
        )
        assert Journal.open(journal_path).settings().name == "Alex Morgan"  # nothing saved yet
        app.screen.query_one("#profile-timezone", Input).value = "Europe/Berlin"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert (
            app.screen.query_one("#subject", Input).value == "Thank You for the Interview – Sam Lee"
        )
    settings = Journal.open(journal_path).settings()
    assert (settings.name, settings.email, settings.timezone) == (
        "Sam Lee",
        "sam@example.com",
        "Europe/Berlin",
    )


async def test_after_two_checks_it_suggests_marking_the_opportunity_cold(
    build_app: AppFactory, planned: Journal, journal_path: Path
) -> None:
    job = planned.opportunities()[0]
    for key in ("status_check:1", "status_check:2"):  # each sent brings the next
        sent = mark_done(item(planned, key), NOW)
        planned.save_plan(job, plan(job, planned.rounds(job.id), "Europe/Berlin", [*planned.followups(), sent], NOW))  # fmt: skip
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = agenda_lines(app)
        assert any("Mark as gone cold?" in line for line in lines)
        agenda = app.screen.query_one("#agenda", OptionList)
        agenda.highlighted = next(i for i, line in enumerate(lines) if "gone cold" in line)
        await pilot.press("space")
    reopened = Journal.open(journal_path)
    assert reopened.opportunities()[0].status is Status.GHOSTED
    assert item(reopened, "mark_cold").done_at == NOW


async def test_an_edit_keeps_what_was_done_and_adds_nothing_twice(
    build_app: AppFactory, planned: Journal, journal_path: Path
) -> None:
    done = mark_done(item(planned, "thank_you:jane doe"), NOW, note="sent")
    planned.save_plan(
        planned.opportunities()[0], [done if f.id == done.id else f for f in planned.followups()]
    )
    before = len(planned.followups())
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen)
        await pilot.press("ctrl+n", "ctrl+n", "9", "ctrl+s", "ctrl+s")
        await pilot.pause()
    reopened = Journal.open(journal_path)
    assert len(reopened.followups()) == before
    thank_you = item(reopened, "thank_you:jane doe")
    assert thank_you.done_at == NOW and thank_you.note == "sent"
    assert reopened.reflections()[0].rating == 9


async def test_a_closed_opportunity_drops_its_status_checks(
    build_app: AppFactory, planned: Journal
) -> None:
    job = planned.opportunities()[0]
    planned.save_opportunity(dataclasses.replace(job, status=Status.OFFER))
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = " ".join(agenda_lines(app))
        assert "Status check" not in text and "follow-up call" not in text
        assert "Thank-you note" in text


async def test_the_before_you_leave_checklist(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        asks = app.screen.query_one("#asks", OptionList)
        prompts = [str(asks.get_option_at_index(i).prompt) for i in range(asks.option_count)]
        assert prompts[0] == "Asked about next steps and timing"
        assert len(prompts) == 4


async def test_the_detail_view_lists_the_plan_and_lessons(
    build_app: AppFactory, planned: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3", "enter")
        await pilot.pause()
        texts = [str(s.content) for s in app.screen.query("#document Static").results(Static)]
        assert "Next time, before you leave" in texts
        assert any("• ask for feedback on your fit for the role" in t for t in texts)
        assert "Follow-up" in texts
        assert "1 day overdue" in texts
        assert FollowUpKind.THANK_YOU.label in " ".join(texts)


async def test_the_current_job_is_part_of_the_profile(
    build_app: AppFactory, journal: Journal, journal_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#profile-current_company", Input).value = "Initrode"
        app.screen.query_one("#profile-current_pay", Input).value = "abc"
        await pilot.press("ctrl+s")
        assert (
            str(app.screen.query_one("#error-current_pay", Static).content)
            == "⚠ 'abc' is not an amount — type digits, e.g. 85000 or 85k"
        )
        app.screen.query_one("#profile-current_pay", Input).value = "6,000"
        app.screen.query_one("#profile-pay-period").value = "month"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
    settings = Journal.open(journal_path).settings()
    assert settings.current_company == "Initrode"
    assert settings.current_pay is not None and (
        str(settings.current_pay.amount),
        settings.current_pay.period.value,
    ) == ("6000", "month")


async def test_the_footer_follows_focus_between_the_agenda_and_the_table(
    build_app: AppFactory, planned: Journal
) -> None:
    def footer_keys() -> list[str]:
        return [key.description for key in app.screen.query_one(KeysFooter).keys]

    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Done" in footer_keys()
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#latest")
        assert "Done" not in footer_keys()
        await pilot.press("shift+tab")
        await pilot.pause()
        assert "Done" in footer_keys()


async def write_round(pilot: Any, when: str, stage: str) -> None:
    """The questionnaire for Globex's platform role, by keyboard: company, role, date,
    stage; Ravi's card; a rating; then saved."""
    await pilot.press("n")
    await pilot.pause()
    await type_text(pilot, "Globex")
    await pilot.press("tab")
    await type_text(pilot, "Platform Engineer")
    await pilot.press("tab")
    await type_text(pilot, when)
    await pilot.press("tab", "tab", "space")  # past the length, onto the stage: open it
    await type_text(pilot, stage)
    await pilot.press("enter", "ctrl+n")
    await type_text(pilot, "Ravi Kumar")
    await pilot.press("ctrl+n", "6", "ctrl+s", "ctrl+s")
    await pilot.pause()


async def test_two_rounds_of_one_opportunity_make_one_chain_on_the_agenda(
    build_app: AppFactory, journal: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await write_round(pilot, "2026-11-09 10:00", "phone")  # a Monday, two weeks ago
        lines = " ".join(agenda_lines(app))
        assert (
            "Status check to Ravi Kumar (by email) · Globex — Platform Engineer · phone screen"
            in lines
        )
        agenda = app.screen.query_one("#agenda", OptionList)
        agenda.highlighted = next(
            i for i, line in enumerate(agenda_lines(app)) if "Status check" in line
        )
        await pilot.press("space")  # the first check sent: the second comes into the plan
        await pilot.pause()
        assert "Second status check" in " ".join(agenda_lines(app))

        await write_round(pilot, "2026-11-20 14:00", "onsite")  # round 2, on Friday
        lines = agenda_lines(app)
        chasers = [line for line in lines if "status check" in line.casefold() or "call" in line]
        assert chasers and all("round 2 · onsite" in line for line in chasers)  # one chain
        assert any(
            "Thank-you note to Ravi Kumar" in line and "round 1 · phone screen" in line
            for line in lines
        )  # its own, kept
        assert any(
            "Thank-you note to Ravi Kumar" in line and "round 2 · onsite" in line for line in lines
        )
        assert not any("Second status check" in line for line in lines)  # retired with round 1
    journal.refresh()
    first_round = journal.rounds(journal.opportunities()[0].id)[0]
    history = {f.key: f for f in journal.followups(first_round.id)}
    assert history["status_check:1"].done_at is not None  # what was done stays as it was
    assert history["status_check:2"].superseded_at is not None


async def test_the_history_lists_what_is_behind_you_and_puts_a_mistake_back(
    build_app: AppFactory, planned: Journal, journal_path: Path
) -> None:
    from debrief.ui.screens.detail import DetailScreen
    from debrief.ui.screens.history import HistoryScreen
    from debrief.ui.widgets.virtual_table import VirtualTable

    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "Nothing behind you yet" in str(
            app.screen.query_one("#history-count", Static).content
        )
        await pilot.press("escape", "space", "x", "h")  # thank-you done, the next one skipped
        await pilot.pause()
        table = app.screen.query_one(VirtualTable)
        rows = [table.row_texts(row) for row in range(table.row_count)]
        assert sorted(row[1] for row in rows) == ["Done", "Skipped"]
        assert ["Done", "Thank-you note to Jane Doe"] in [row[1:3] for row in rows]
        assert rows[0][0] == "just now" and rows[0][3] == "Acme — Data Engineer"
        done_row = next(i for i, row in enumerate(rows) if row[1] == "Done")
        await pilot.press(*["down"] * done_row, "r")  # marked done by mistake
        await pilot.pause()
        assert item(Journal.open(journal_path), "thank_you:jane doe").done_at is None
        assert [table.row_texts(row)[1] for row in range(table.row_count)] == ["Skipped"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Thank-you note" in " ".join(agenda_lines(app))


async def test_an_item_a_later_round_retired_is_not_put_back(
    build_app: AppFactory, journal: Journal, journal_path: Path
) -> None:
    from debrief.ui.widgets.virtual_table import VirtualTable

    job = opportunity()
    one = bare_reflection(job.id, id="r1", interview_at=NOW.subtract(days=12), interviewers=(JANE,))
    journal.save_reflection(one, job, plan(job, [one], "Europe/Berlin", now=NOW.subtract(days=12)))
    two = bare_reflection(job.id, id="r2", interview_at=NOW.subtract(days=2), stage=Stage.ONSITE)
    journal.save_reflection(
        two, job, plan(job, [one, two], "Europe/Berlin", journal.followups(), now=NOW)
    )
    retired = [f for f in journal.followups() if f.superseded_at is not None]
    assert retired
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one(VirtualTable)
        rows = [table.row_texts(row) for row in range(table.row_count)]
        assert all(row[1] == "Not needed" for row in rows)
        await pilot.press("r")
        await pilot.pause()
        assert table.row_count == len(rows)  # still behind you: a later round took its place
    assert all(
        f.superseded_at
        for f in Journal.open(journal_path).followups()
        if f.id in {r.id for r in retired}
    )


async def test_undo_in_one_window_keeps_what_another_window_saved_since(
    build_app: AppFactory, planned: Journal, journal_path: Path
) -> None:
    """Window A marks the thank-you done; window B edits the opportunity's location; A's
    `u` takes back the done mark only (it used to write back its stale opportunity)."""
    from debrief.ui.screens.job_details import JobDetailsScreen

    window_a, window_b = build_app(), build_app()
    said = record_notifications(window_a)
    async with window_a.run_test(size=SIZE) as a:
        await a.pause()
        await a.press("space")  # done: the thank-you note
        async with window_b.run_test(size=SIZE) as b:
            await b.pause()
            await b.press("f3", "i")  # job details of the highlighted reflection
            await b.pause()
            assert isinstance(window_b.screen, JobDetailsScreen)
            window_b.screen.query_one("#job-location", Input).value = "B-EDIT"
            await b.press("ctrl+s")
            await b.pause()
        assert Journal.open(journal_path).opportunities()[0].location == "B-EDIT"
        await a.press("u")
        await a.pause()
        on_disk = Journal.open(journal_path)
        assert on_disk.opportunities()[0].location == "B-EDIT"  # B's edit stands
        assert item(on_disk, "thank_you:jane doe").done_at is None  # A's done mark undone
        assert "Undone: “Done: Thank-you note to Jane Doe (by email)”" in said
        assert "Thank-you note" in " ".join(agenda_lines(window_a))


async def test_undo_refuses_when_another_window_changed_the_same_thing(
    build_app: AppFactory, planned: Journal, journal_path: Path
) -> None:
    app = build_app()
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space")  # done
        elsewhere = Journal.open(journal_path)
        thanks = item(elsewhere, "thank_you:jane doe")
        again = dataclasses.replace(thanks, done_at=NOW.add(minutes=5), note="sent from B")
        # (another window marked it done again, with a note)
        in_plan = [again if f.id == again.id else f for f in elsewhere.followups()]
        elsewhere.save_plan(elsewhere.opportunities()[0], in_plan)
        await pilot.press("u")
        await pilot.pause()
        assert item(Journal.open(journal_path), "thank_you:jane doe") == again  # untouched
        assert any(
            m.startswith(
                "Can't undo “Done: Thank-you note to Jane Doe (by email).”: It was changed again since"
            )
            for m in said
        ), said


async def test_they_replied_can_be_undone(
    build_app: AppFactory, planned: Journal, journal_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("y")  # on the thank-you's line: Acme replied
        await pilot.pause()
        await pilot.press("down", "enter")  # the second answer: an offer
        await pilot.pause()
        await pilot.press("enter")  # "today"
        await pilot.pause()
        replied = Journal.open(journal_path)
        assert replied.reflection("r1").reply is Reply.OFFER  # type: ignore[union-attr]
        assert replied.opportunities()[0].status is Status.OFFER
        await pilot.press("u")
        await pilot.pause()
        back = Journal.open(journal_path)
        assert back.reflection("r1").reply is None  # type: ignore[union-attr]
        assert back.reflection("r1").replied_at is None  # type: ignore[union-attr]
        assert back.opportunities()[0].status is Status.INTERVIEWING
        assert {f.key for f in back.followups() if f.done_at is None} == {
            f.key for f in planned.followups() if f.done_at is None
        }  # the chasers the reply retired are back


async def test_marking_a_draft_sent_can_be_undone_and_says_when_a_gap_is_left(
    build_app: AppFactory, planned: Journal, journal_path: Path
) -> None:
    """Found by a new user: Ctrl+R marked a note sent with '[fill in: …]' still in it, and
    u then said 'Nothing to undo.'"""
    from tests.pilot_helpers import record_notifications

    app = build_app()
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the thank-you's draft
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        gap_left = "[fill in" in app.screen.query_one(TextArea).text
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert item(Journal.open(journal_path), "thank_you:jane doe").done_at == NOW
        assert any(("still had a [fill in" in m) == gap_left for m in said if "Done:" in m)
        await pilot.press("u")
        await pilot.pause()
        assert item(Journal.open(journal_path), "thank_you:jane doe").done_at is None
