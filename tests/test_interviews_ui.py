"""Before and after, through the real app: import an invitation, prepare, get nudged once it
is over, reflect prefilled, record questions, find them in the bank and the next prep."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from textual.widgets import Button, Input, OptionList, Static, TextArea

from debrief.followups import plan
from debrief.model import AskedQuestion, Interviewer, Settings, Stage
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp, make_app
from debrief.ui.screens.checklist import ChecklistScreen
from debrief.ui.screens.draft import DraftScreen
from debrief.ui.screens.home import HomeScreen
from debrief.ui.screens.job_details import JobDetailsScreen
from debrief.ui.screens.prep import PrepScreen
from debrief.ui.screens.question_bank import QuestionBankScreen
from debrief.ui.screens.reflect import ReflectScreen
from debrief.ui.screens.schedule import ScheduleScreen
from debrief.ui.widgets.virtual_table import VirtualTable
from tests.pilot_helpers import record_notifications, type_text
from tests.samples import NOW, bare_reflection, opportunity, scheduled

SIZE = (120, 40)
INVITATION = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:onsite@acme\r\nDTSTAMP:20261120T090000Z\r\n"
    "SUMMARY:Onsite interview – Acme (Data Engineer)\r\n"
    "DTSTART;TZID=Europe/Berlin:20261123T100000\r\nDTEND;TZID=Europe/Berlin:20261123T113000\r\n"
    "LOCATION:Acme HQ\r\nATTENDEE;CN=Jane Dœ:mailto:jane@acme.example\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


class Clock:
    """A clock the test moves on (the end of an interview passing)."""

    def __init__(self, now: pendulum.DateTime) -> None:
        self.now = now

    def __call__(self) -> pendulum.DateTime:
        return self.now


@pytest.fixture
def first_round(journal: Journal) -> Journal:
    """Round 1 at Acme, a technical interview with a reservation and a badly answered
    question."""
    acme = opportunity()
    reflection = bare_reflection(
        acme.id, id="r1", interview_at=NOW.subtract(days=7), stage=Stage.ONSITE,
        reservations="On-call load", resolve_reservations="Ask how on-call rotations work",
        questions=(AskedQuestion("Design a rate limiter", 2),),
    )  # fmt: skip
    journal.save_reflection(reflection, acme, plan(acme, [reflection], "Europe/Berlin"))
    journal.save_settings(Settings(name="Alex Morgan", timezone="Europe/Berlin"))
    return journal


def agenda_lines(app: DebriefApp) -> list[str]:
    agenda = app.screen.query_one("#agenda", OptionList)
    return [str(agenda.get_option_at_index(i).prompt) for i in range(agenda.option_count)]


async def test_the_loop_from_invitation_to_the_next_prep(
    first_round: Journal, journal_path: Path, tmp_path: Path
) -> None:
    ics = tmp_path / "invitation.ics"
    ics.write_text(INVITATION, encoding="utf-8")
    clock = Clock(NOW)
    app = make_app(Journal.open(journal_path), clock=clock)
    said = record_notifications(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        # 1. Import the invitation (from the palette's command).
        app.action_import_invitations()
        await pilot.pause()
        await type_text(pilot, str(ics) + "\n")
        await pilot.press("ctrl+s")  # import what the preview ticked: "1 added, …"
        await pilot.pause()
        assert any("1 added" in message for message in said)
        assert "Acme — onsite" in " ".join(agenda_lines(app))
        assert "tomorrow 10:00" in " ".join(agenda_lines(app))

        # 2. Prepare it: round 1's reservation is a question to ask.
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
        questions = str(app.screen.query_one("#prep_questions", TextArea).placeholder)
        assert questions.splitlines()[0] == (
            "Ask how on-call rotations work (your reservation after round 1: On-call load)"
        )
        weakest = str(app.screen.query_one("#prep-weakest", Static).content)
        assert "Design a rate limiter (your answers: 2 of 5)" in weakest
        await pilot.press("right")  # (the suggestion taken, to add to it)
        await type_text(pilot, "\nWho owns the data platform?")
        await pilot.press("escape")  # (kept)
        await pilot.pause()
        saved = Journal.open(journal_path).interviews()[0]
        assert "Who owns the data platform?" in saved.prep_questions.splitlines()

        # 3. The interview ends: the nudge.
        clock.now = NOW.add(days=1).set(hour=11, minute=50)
        home = app.screen
        assert isinstance(home, HomeScreen)
        home.reload()
        await pilot.pause()
        lines = agenda_lines(app)
        assert lines[1].startswith(" ✎  Reflect on Acme — onsite")
        assert lines[1].endswith("ended 20 minutes ago")

        # 4. n: the questionnaire prefilled with what was scheduled.
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReflectScreen)
        values = {i.id: i.value for i in screen.query(Input) if i.id}
        assert (values["q-company"], values["q-role"]) == ("Acme", "Data Engineer")
        assert values["q-interview_at"] == "2026-11-23 10:00"
        assert values["q-duration_minutes"] == "1h30"
        assert (screen.answers["stage"], screen.answers["format"]) == ("onsite", "in_person")
        assert screen.answers["interviewers"][0]["name"] == "Jane Dœ"

        # 5. Two questions, then save.
        await pilot.press("ctrl+n", "ctrl+n", "8", "ctrl+n")
        await type_text(pilot, "Design a rate limiter\n")
        await pilot.press("space")
        await type_text(pilot, "4")
        await pilot.press("enter")  # (chosen: on to the better answer)
        await type_text(pilot, "Token bucket, then the edge cases")
        screen.query_one("#q-questions .add-card", Button).press()
        await pilot.pause()
        await type_text(pilot, "Why Acme?")
        await pilot.press("ctrl+s", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        journal = Journal.open(journal_path)
        reflection = journal.reflections()[0]
        assert [q.text for q in reflection.questions] == ["Design a rate limiter", "Why Acme?"]
        assert journal.interviews()[0].reflection_id == reflection.id  # off the agenda
        assert "Reflect on" not in " ".join(agenda_lines(app))

        # 6. The question bank: the same question twice, its answers 2 → 4.
        await pilot.press("q")
        await pilot.pause()
        bank = app.screen
        assert isinstance(bank, QuestionBankScreen)
        table = bank.query_one("#bank-table", VirtualTable)
        assert [cell.strip() for cell in table.row_texts(0)[:3]] == [
            "Design a rate limiter",
            "2",
            "2 → 4",
        ]
        await pilot.press("escape")

    # 7. The next prep page, at the same stage, lists what is still weak (none: 4/5 now),
    # and round 2's interviewers are offered when scheduling round 3.
    later = journal.interviews()[0]
    journal.save_interview(
        scheduled(later.opportunity_id, id="next", start=NOW.add(days=9)),
        journal.opportunities()[0],
    )
    app = make_app(Journal.open(journal_path), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert "No question answered badly" in str(
            app.screen.query_one("#prep-weakest", Static).content
        )


async def test_scheduling_an_interview_with_someone_met_before(
    first_round: Journal, journal_path: Path
) -> None:
    acme = first_round.opportunities()[0]
    jane = Interviewer(name="Jane Dœ", title="CTO", email="jane@acme.example")
    met = bare_reflection(
        acme.id, id="r0", interview_at=NOW.subtract(days=20), interviewers=(jane,)
    )
    first_round.save_reflection(met, acme)
    app = make_app(Journal.open(journal_path), clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleScreen)
        await type_text(pilot, "Acme\nData Engineer\nfriday 14:00\n45 min\n")
        app.screen.query_one(".add-met", Button).press()
        await pilot.pause()
        await pilot.press("enter")  # Jane Dœ, CTO
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    interview = Journal.open(journal_path).interviews()[0]
    assert interview.start == NOW.set(day=27, hour=14, minute=0)
    assert interview.duration_minutes == 45 and interview.opportunity_id == acme.id
    assert [(p.name, p.email) for p in interview.interviewers] == [("Jane Dœ", "jane@acme.example")]


async def test_a_bad_date_in_the_schedule_is_said_at_the_field(
    journal: Journal, journal_path: Path
) -> None:
    app = make_app(Journal.open(journal_path), clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await type_text(pilot, "Acme\nSRE\nsoonish")
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = app.screen.query_one("#row-start .field-error", Static)
        assert error.display and str(error.content).startswith("⚠ ")
        assert Journal.open(journal_path).interviews() == []


async def test_x_on_a_nudge_dismisses_it_and_u_brings_it_back(
    first_round: Journal, journal_path: Path
) -> None:
    acme = first_round.opportunities()[0]
    first_round.save_interview(scheduled(acme.id, start=NOW.subtract(hours=3)), acme)
    app = make_app(Journal.open(journal_path), clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Reflect on Acme — onsite" in agenda_lines(app)[1]
        await pilot.press("x")
        await pilot.pause()
        assert not any("Reflect on" in line for line in agenda_lines(app))
        assert Journal.open(journal_path).interviews()[0].dismissed_at == NOW
        await pilot.press("u")
        await pilot.pause()
        assert "Reflect on Acme — onsite" in agenda_lines(app)[1]


async def test_job_details_and_the_recruiter_as_a_recipient(
    first_round: Journal, journal_path: Path
) -> None:
    app = make_app(Journal.open(journal_path), clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await app.workers.wait_for_complete()
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, JobDetailsScreen)
        for field in ("#job-location", "#job-link", "#job-recruiter_name", "#job-recruiter_email"):
            app.screen.query_one(field, Input).value = ""
        await type_text(pilot, "Berlin\nhttps://acme.example/jobs/7\nMo Salah\nnot-an-email")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not an email address" in str(app.screen.query_one("#job-error", Static).content)
        app.screen.query_one("#job-recruiter_email", Input).value = "mo@acme.example"
        await pilot.press("ctrl+s")
        await pilot.pause()
        acme = Journal.open(journal_path).opportunities()[0]
        assert (acme.location, acme.recruiter_name) == ("Berlin", "Mo Salah")
        # Nobody named who would get back: the status check of round 1 goes to the recruiter.
        await pilot.press("f2")
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        check = next(i for i in home.items.values() if i.kind.value == "status_check")
        assert check.person == "Mo Salah"
        app.push_screen(DraftScreen(Journal.open(journal_path), check.id, lambda: NOW))
        await pilot.pause()
        assert str(app.screen.query_one("#draft-to", Static).content) == "To mo@acme.example"
        body = app.screen.query_one("#body", TextArea).text
        assert body.startswith("Dear [fill in: Ms./Mr./Mx.] Salah,")


async def test_own_checklist_items_are_kept_and_join_the_prep(
    first_round: Journal, journal_path: Path
) -> None:
    app = make_app(Journal.open(journal_path), clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")  # (no interview ahead: the checklist)
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        app.screen.query_one("#own-items", TextArea).focus()
        await type_text(pilot, "Ask about parking\nAsk for the team's roadmap")
        await pilot.press("escape")
        await pilot.pause()
    assert Journal.open(journal_path).settings().checklist == (
        "Ask about parking",
        "Ask for the team's roadmap",
    )
    acme = first_round.opportunities()[0]
    first_round.save_interview(scheduled(acme.id), acme)
    app = make_app(Journal.open(journal_path), clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        questions = str(app.screen.query_one("#prep_questions", TextArea).placeholder)
        questions = questions.splitlines()
        assert questions[-2:] == ["Ask about parking", "Ask for the team's roadmap"]


async def test_opening_the_prep_page_prepares_nothing_until_something_is_written_or_ticked(
    first_round: Journal, journal_path: Path
) -> None:
    """The page shows suggestions from round 1; leaving it as it opened keeps none of them
    (it used to store them, and the interview read "prepared ✓")."""
    from textual.widgets import Checkbox

    from debrief.interviews import is_prepared

    acme = first_round.opportunities()[0]
    first_round.save_interview(scheduled(acme.id, id="onsite"), acme)
    app = make_app(Journal.open(journal_path), clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
        assert app.screen.query_one("#prep_questions", TextArea).placeholder  # suggested
        await pilot.press("escape")
        await pilot.pause()
        untouched = Journal.open(journal_path).interview("onsite")
        assert untouched is not None and not is_prepared(untouched)
        assert "prepared" not in " ".join(agenda_lines(app))
        await pilot.press("b")
        await pilot.pause()
        app.screen.query_one("#prep_application_reread", Checkbox).value = True  # ticked
        await pilot.press("escape")
        await pilot.pause()
        ticked = Journal.open(journal_path).interview("onsite")
        assert ticked is not None and is_prepared(ticked)
        assert (ticked.prep_questions, ticked.prep_mention) == ("", "")  # suggestions not kept
        assert "Acme — onsite · prepared ✓" in " ".join(agenda_lines(app))
        await pilot.press("b")
        await pilot.pause()
        assert app.screen.query_one("#prep_questions", TextArea).placeholder  # suggested again


async def test_a_reflection_moved_to_another_company_leaves_the_interview_it_began_from(
    first_round: Journal, journal_path: Path
) -> None:
    """The report: n on "Reflect on Hooli", the company changed to Globex, saved: the Hooli
    interview was silently taken as reflected on, by a Globex reflection."""
    acme = first_round.opportunities()[0]
    first_round.save_interview(scheduled(acme.id, id="acme-onsite", start=NOW.subtract(hours=3)), acme)
    app = make_app(Journal.open(journal_path), clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Reflect on Acme — onsite" in agenda_lines(app)[1]
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReflectScreen)
        screen.query_one("#q-company", Input).value = "Globex"
        await pilot.pause()
        await pilot.press("ctrl+n", "ctrl+n", "8", "ctrl+s", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Reflect on Acme — onsite" in agenda_lines(app)[1]  # still asking
    journal = Journal.open(journal_path)
    globex = next(r for r in journal.reflections() if journal.opportunity(r.opportunity_id).company == "Globex")  # type: ignore[union-attr]
    assert globex.interview_id is None
    assert journal.interview("acme-onsite").reflection_id is None  # type: ignore[union-attr]
