"""Drafts through the real app: a LinkedIn message counts its characters as you edit it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, Static, TextArea

from debrief.followups import plan
from debrief.model import Channel, Interviewer, Settings, Stage
from debrief.notes import LINKEDIN_LIMIT
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp
from debrief.ui.screens.draft import CallScreen, DraftScreen, draft_screen
from debrief.ui.widgets.footer import KeysFooter
from tests.pilot_helpers import record_notifications, type_text
from tests.samples import NOW, bare_reflection, opportunity

AppFactory = Callable[[], DebriefApp]
SIZE = (120, 36)
SELINA = Interviewer(
    name="Selina Kyle", title="Senior Analyst", linkedin="https://linkedin.com/in/selina",
    preferred=Channel.LINKEDIN, mentioned="her dashboard for the donors",
)  # fmt: skip


@pytest.fixture
def by_linkedin(journal: Journal) -> Journal:
    """Friday's panel with Selina, who prefers LinkedIn; it is Sunday."""
    job = opportunity(company="Wayne Foundation", role="Analytics Engineer")
    reflection = bare_reflection(
        job.id, id="r1", interview_at=NOW.subtract(days=2).set(hour=10, minute=0),
        stage=Stage.PANEL, interviewers=(SELINA,), likes_role="Analytics that funds real projects.",
    )  # fmt: skip
    journal.save_reflection(reflection, job, plan(job, [reflection], "Europe/Berlin"))
    journal.save_settings(Settings(name="Alex Morgan", email="alex@example.com"))
    return journal


def count_of(app: DebriefApp) -> str:
    return str(app.screen.query_one("#draft-count", Static).content)


async def test_a_linkedin_draft_counts_its_characters_as_you_edit(
    build_app: AppFactory, by_linkedin: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the overdue thank-you, by LinkedIn
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        heading = str(app.screen.query_one("#draft-to", Static).content)
        assert heading.startswith("LinkedIn invitation to Selina Kyle")  # not connected yet
        body = app.screen.query_one("#body", TextArea)
        assert len(body.text) <= LINKEDIN_LIMIT
        assert count_of(app) == f"{len(body.text)} / {LINKEDIN_LIMIT} characters"
        body.move_cursor(body.document.end)
        await type_text(pilot, " PS")
        assert count_of(app) == f"{len(body.text)} / {LINKEDIN_LIMIT} characters"
        await type_text(pilot, " and more" * 40)
        over = len(body.text) - LINKEDIN_LIMIT
        assert count_of(app) == (
            f"{len(body.text)} / {LINKEDIN_LIMIT} characters: {over} too many for LinkedIn"
        )


async def test_an_email_draft_shows_no_count(
    build_app: AppFactory, planned_by_email: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        assert not app.screen.query_one("#draft-count", Static).display


@pytest.fixture
def planned_by_email(journal: Journal) -> Journal:
    job = opportunity()
    jane = Interviewer(name="Jane Doe", email="jane@acme.example")
    reflection = bare_reflection(
        job.id, id="r1", interview_at=NOW.subtract(days=2), interviewers=(jane,)
    )
    journal.save_reflection(reflection, job, plan(job, [reflection], "Europe/Berlin"))
    return journal


PS = "P.S. I published a write-up."


def body_of(app: DebriefApp) -> str:
    return app.screen.query_one("#body", TextArea).text


async def test_an_edited_draft_comes_back_when_reopened_and_after_a_restart(
    build_app: AppFactory, planned_by_email: Journal
) -> None:
    """Never lose a word: typed, Esc, Enter on the same item: the text is still there;
    after quitting and starting again too; Ctrl+N goes back to the generated text."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        generated = body_of(app)
        assert not app.screen.query_one("#draft-kept").display
        body = app.screen.query_one("#body", TextArea)
        body.move_cursor(body.document.end)
        await type_text(pilot, "\n" + PS)
        assert app.screen.query_one("#draft-kept").display
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        assert body_of(app) == generated + "\n" + PS
        assert app.screen.query_one("#draft-kept").display
        body = app.screen.query_one("#body", TextArea)
        body.move_cursor(body.document.end)
        await type_text(pilot, " More.")  # typed, and the app quits with the draft open
    again = build_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert body_of(again) == generated + "\n" + PS + " More."
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert body_of(again) == generated
        assert not again.screen.query_one("#draft-kept").display
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert body_of(again) == generated


async def test_an_edited_draft_is_gone_once_its_follow_up_is_done(
    build_app: AppFactory, planned_by_email: Journal, journal_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        item_id = app.screen.followup_id
        await type_text(pilot, PS)
        await pilot.press("escape")
        await pilot.pause()
        assert Journal.open(journal_path).note_draft(item_id) is not None
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+r")  # marked sent
        await pilot.pause()
        assert Journal.open(journal_path).note_draft(item_id) is None
    reopened = Journal.open(journal_path)
    assert reopened.drafts_path.read_text().count(PS) == 0  # not kept on in the file


@pytest.fixture
def panel_waiting(journal: Journal) -> Journal:
    """Friday's panel: Jane said she would reply by next Friday; a call and the
    references are planned too."""
    job = opportunity(company="Contoso", role="Data Engineer")
    jane = Interviewer(name="Jane Doe", email="jane@acme.example")
    reflection = bare_reflection(
        job.id, id="r1", interview_at=NOW.subtract(days=2), interviewers=(jane,),
        stage=Stage.FINAL, replies_from="Jane Doe", reply_by=NOW.add(days=8).date(),
        references_requested=True, likes_role="Owning the streaming platform end to end",
    )  # fmt: skip
    journal.save_reflection(reflection, job, plan(job, [reflection], "Europe/Berlin"))
    other = opportunity(company="Initech", role="Data Engineer")  # (no date named: a call)
    called = bare_reflection(
        other.id, id="r2", interview_at=NOW.subtract(days=2), interviewers=(jane,)
    )
    journal.save_reflection(called, other, plan(other, [called], "Europe/Berlin"))
    journal.save_settings(Settings(name="Alex Morgan", email="alex@example.com"))
    return journal


def item_of(journal: Journal, kind: str) -> str:
    return next(f.id for f in journal.followups() if f.kind.value == kind)


async def toast_on_marking_sent(app: DebriefApp, followup_id: str) -> str:
    """What the app says when the follow-up's draft, opened at 80x24, is marked sent."""
    said = record_notifications(app)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.push_screen(draft_screen(app.journal, followup_id, app.clock))
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
    return said[-1]


async def test_a_check_marked_sent_before_their_date_is_nudged_once(
    build_app: AppFactory, panel_waiting: Journal
) -> None:
    toast = await toast_on_marking_sent(build_app(), item_of(panel_waiting, "status_check"))
    assert "They said they would reply by " in toast and "8 days from now" in toast
    assert toast.count("u undoes") == 1 and "(u undoes)" not in toast


async def test_the_done_toast_says_u_undoes_once(
    build_app: AppFactory, planned_by_email: Journal
) -> None:
    toast = await toast_on_marking_sent(build_app(), item_of(planned_by_email, "thank_you"))
    assert toast == (
        "Done: Thank-you note to Jane Doe (by email). It still had a [fill in …] gap. "
        "If it is not sent yet, u undoes."
    )


async def test_tell_references_opens_a_note_to_a_reference_and_a_call_is_marked_called(
    build_app: AppFactory, panel_waiting: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        row = next(i for i, o in enumerate(home.query_one("#agenda").options)
                   if "references" in str(o.prompt).casefold())  # fmt: skip
        home.query_one("#agenda").highlighted = row
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        body = app.screen.query_one("#body", TextArea).text
        assert body.startswith("Dear [fill in: your reference’s name],")
        assert "they may contact you for a reference soon" in body
        assert "owning the streaming platform end to end" in body
        await pilot.press("escape")
        await pilot.pause()
        app.push_screen(draft_screen(app.journal, item_of(panel_waiting, "call"), app.clock))
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        keys = {k.key: k.description for k in app.screen.query_one(KeysFooter).keys}
        assert keys["ctrl+r"] == "Mark called"
        assert "make the call" in str(app.screen.query_one("#draft-help", Static).content)


async def test_an_edited_draft_comes_back_to_whom_and_in_the_tone_it_was_written(
    build_app: AppFactory, journal: Journal
) -> None:
    """Redirected to the recruiter (Ctrl+G), friendly (Ctrl+T), edited: reopened, it is
    still to the recruiter, friendly, with the edit."""
    job = opportunity(recruiter_name="Jordan Lee", recruiter_email="jordan@acme.example")
    jane = Interviewer(name="Jane Doe", email="jane@acme.example")
    reflection = bare_reflection(job.id, interview_at=NOW.subtract(days=2), interviewers=(jane,))
    journal.save_reflection(reflection, job, plan(job, [reflection], "Europe/Berlin"))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("down", "enter")  # Jordan Lee, the recruiter
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert body_of(app).startswith("Hi Jordan,")
        await type_text(pilot, PS)
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert str(app.screen.query_one("#draft-to", Static).content) == "To jordan@acme.example"
        assert body_of(app).startswith(PS + "Hi Jordan,")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert body_of(app).startswith("Hi Jordan,")  # (whom and tone stay as chosen)


async def test_tab_to_the_subject_and_typing_adds_to_it_never_replaces_it(
    build_app: AppFactory, planned_by_email: Journal
) -> None:
    """The report: Tab from the text to the Subject selected all of it, and the next words
    typed replaced "Thank You for the Interview – …" entirely."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        subject = app.screen.query_one("#subject", Input)
        before = subject.value
        assert before
        await pilot.press("tab")
        assert app.focused is subject
        await type_text(pilot, " PS")
        assert subject.value == before + " PS"
