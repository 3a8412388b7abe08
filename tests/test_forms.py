"""Forms that never eat your words (issue 29), through the real app at 80×24: one completion
behaviour for company, role and people; Tab out of an answer; dates refused as typed; a
"No" kept; the prep page's suggestions offered, not typed; a resumed answer drawn once."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

import pytest
from textual.widgets import Input, Select, Static, TextArea

from debrief.browse import complete
from debrief.model import Draft
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp
from debrief.ui.screens.prep import PrepScreen
from debrief.ui.screens.reflect import ReflectScreen
from debrief.ui.widgets.footer import KeysFooter
from tests.pilot_helpers import focused, type_text
from tests.samples import NOW, full_reflection, opportunity, scheduled

AppFactory = Callable[[], DebriefApp]
SIZE = (80, 24)


def footer_text(app: DebriefApp) -> str:
    """The keys the footer offers now, as drawn."""
    return " ".join(
        f"{key.display} {key.description}" for key in app.screen.query_one(KeysFooter).keys
    )


def shown(field: Input) -> str:
    """What the field draws on its line (the value and its grey completion)."""
    return field.render_line(0).text.rstrip()


async def type_and_complete(pilot: Any, text: str) -> None:
    """Type, then wait for the completion the field looks up to be drawn."""
    await type_text(pilot, text)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def start_reflection(pilot: Any, company: str = "Acme", role: str = "Data Engineer") -> None:
    """n, then the first step filled in by keyboard: company, role, date."""
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReflectScreen)
    await type_text(pilot, company)
    await pilot.press("tab")
    await type_text(pilot, role)
    await pilot.press("tab")
    await type_text(pilot, "yesterday 15:00")


async def to_last_step(pilot: Any, interviewer: str) -> None:
    """From the first step to the last one, naming one interviewer on the way."""
    await pilot.press("ctrl+n")
    await type_text(pilot, interviewer)
    await pilot.press("ctrl+n", "5")
    for _ in range(9):
        await pilot.press("ctrl+n")
    assert pilot.app.screen.step_index == 11


def test_completion_matches_any_word_case_and_accents_aside() -> None:
    people = ["Dr. Zoë Brontë", "the recruiter"]
    assert complete("Dr", people) == "Dr. Zoë Brontë"
    assert complete("zo", people) == "Dr. Zoë Brontë"
    assert complete("ZOE B", people) == "Dr. Zoë Brontë"
    assert complete("bron", people) == "Dr. Zoë Brontë"
    assert complete("rec", people) == "the recruiter"
    assert complete("Dr. Zoë Brontë", people) is None  # (nothing more to add)
    assert complete("x", people) is None
    # A value that starts with what was typed comes before one matched by a later word.
    assert complete("co", ["Acme Corp", "Contoso"]) == "Contoso"


async def test_enter_takes_the_person_shown_in_grey(build_app: AppFactory) -> None:
    """The report: 'Dr' showed 'Dr. Zoë Brontë' in grey, Enter kept 'Dr' (and the agenda
    then said 'Status check to Dr'); 'zo' showed nothing."""
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reflection(pilot)
        await to_last_step(pilot, "Dr. Zoë Brontë")
        field = app.screen.query_one("#q-replies_from", Input)
        field.focus()
        await type_and_complete(pilot, "Dr")
        assert shown(field) == "Dr. Zoë Brontë"
        await pilot.press("enter")
        assert field.value == "Dr. Zoë Brontë"
        assert focused(pilot) is not field

        field.value = ""
        field.focus()
        await type_and_complete(pilot, "zo")
        assert shown(field) == "zo → Dr. Zoë Brontë"
        await pilot.press("enter")
        assert field.value == "Dr. Zoë Brontë"


async def test_a_company_completes_from_any_word_and_right_arrow_takes_it(
    build_app: AppFactory, journal: Journal
) -> None:
    job = opportunity(company="Globex Corporation", role="Platform Engineer")
    journal.save_reflection(full_reflection(job.id), job)
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        company = app.screen.query_one("#q-company", Input)
        await type_and_complete(pilot, "corp")
        assert shown(company) == "corp → Globex Corporation"
        await pilot.press("right")  # (→ at the end takes it, as for a plain completion)
        assert company.value == "Globex Corporation"
        await pilot.press("enter")
        await type_text(pilot, "ENG")
        await pilot.press("enter")
        assert app.screen.query_one("#q-role", Input).value == "Platform Engineer"
        note = app.screen.query_one("#row-role .field-note", Static)
        assert str(note.content).startswith("→ Globex Corporation — Platform Engineer")


async def test_tab_out_of_an_answer_never_lands_on_back(build_app: AppFactory) -> None:
    """The report: Tab out of a step's last answer of several lines landed on "◀ Back", so
    the next Enter went back a step."""
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reflection(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "5", "ctrl+n", "ctrl+n")
        screen = app.screen
        assert isinstance(screen, ReflectScreen) and screen.step_index == 4
        await type_text(pilot, "The whiteboard part")
        await pilot.press("tab")
        assert focused(pilot).id != "back"
        await pilot.press("enter")
        assert screen.step_index >= 4
        assert screen.answers["went_well"] == "The whiteboard part"


async def test_an_ambiguous_date_is_refused_as_it_is_typed(build_app: AppFactory) -> None:
    """The report: '9/12' was refused only at the review page, while a date that reads
    shows '→ Thu 17 Dec' under the field as it is typed."""
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reflection(pilot)
        await to_last_step(pilot, "Zoë Brontë")
        field = app.screen.query_one("#q-reply_by", Input)
        field.focus()
        await type_text(pilot, "9/12")
        error = app.screen.query_one("#row-reply_by > .field-error", Static)
        assert error.display
        assert "9/12 could be 9 Dec or 12 Sep" in str(error.content)
        await pilot.press("backspace", "backspace")
        await type_text(pilot, "Dec")
        assert not error.display
        note = app.screen.query_one("#row-reply_by .field-note", Static)
        assert str(note.content).startswith("→ ")


async def test_an_explicit_no_to_references_stays_no_when_edited(
    build_app: AppFactory, journal: Journal
) -> None:
    """The report: "No" to "Did they ask for your references?" came back as "Choose…"
    when the reflection was edited, and the review then showed it empty."""
    job = opportunity()
    journal.save_reflection(full_reflection(job.id, references_requested=False), job)
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReflectScreen)
        for _ in range(11):
            await pilot.press("ctrl+n")
        assert screen.step_index == 11
        assert screen.query_one("#q-references_requested", Select).value == "no"
        await pilot.press("ctrl+s", "ctrl+s")  # review, then save
        await pilot.pause()
    assert Journal.open(journal.path).reflections()[0].references_requested is False


async def test_the_prep_page_offers_its_suggestions_and_typing_writes_your_own(
    build_app: AppFactory, journal: Journal
) -> None:
    """The report: the prep boxes were filled with suggestions and the cursor at their
    start, so typing Q gave "QWhat are the next steps…", and clearing a box took Ctrl+U
    and four Ctrl+K. Now a box shows its suggestion in grey until you take it (→, said in
    the footer) or type your own."""
    job = opportunity()
    journal.save_reflection(
        full_reflection(job.id, interview_at=NOW.subtract(days=7), reservations="On-call"),
        job,
    )
    journal.save_interview(scheduled(job.id, id="onsite"), job)
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
        questions = app.screen.query_one("#prep_questions", TextArea)
        assert focused(pilot) is questions
        assert questions.text == "" and "On-call" in str(questions.placeholder)
        assert "→ Use the suggestion" in footer_text(app)
        await type_text(pilot, "Q")
        assert questions.text == "Q"
        assert "Use the suggestion" not in footer_text(app)  # (only in an empty box)
        await pilot.press("left", "right")  # (→ in your own text moves the cursor)
        assert questions.text == "Q"
        await pilot.press("backspace")
        mention = app.screen.query_one("#prep_mention", TextArea)
        await pilot.press("right")  # the suggestion taken, to edit
        assert questions.text == str(questions.placeholder)
        await type_text(pilot, "\nWho owns the data platform?")
        await pilot.press("tab")
        assert focused(pilot) is mention and mention.text == ""
        await pilot.press("escape")
        await pilot.pause()
    kept = Journal.open(journal.path).interview("onsite")
    assert kept is not None
    assert kept.prep_questions.endswith("\nWho owns the data platform?")
    assert "On-call" in kept.prep_questions
    assert kept.prep_mention == ""  # (a suggestion not taken is not kept)


async def test_a_resumed_answer_is_drawn_wrapped_for_the_terminal_it_is_shown_in(
    build_app: AppFactory, journal: Journal
) -> None:
    """The report: resuming at 80×24 showed a wrapped answer garbled (a fragment repeated
    on a second line) until a key was typed. Textual painted the answer at its new width
    before re-wrapping it, and nothing painted it again; a terminal's real size arrives
    after the first frame, as here from 120×36 to 80×24."""
    answer = (
        "I froze on the rate-limiter question: I knew token buckets but could not explain "
        "the refill maths under pressure.\nThen I rambled about Redis for too long."
    )
    first_step = {"company": "Umbrella", "role": "Data Engineer", "interview_at": "2026-11-20"}
    journal.save_draft(
        Draft(
            answers={**first_step, "rating": 6, "went_badly": answer},
            step=5,
            started_at=NOW,
            updated_at=NOW,
        )
    )
    app = build_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("r")  # resume
        await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        drawn = html.unescape(app.export_screenshot()).replace("\xa0", " ")
        lines = [line.strip() for line in re.findall(r">([^<]*)<", drawn)]
        assert "I froze on the rate-limiter question: I knew token buckets but could" in lines
        assert "not explain the refill maths under pressure." in lines


async def test_tab_keeps_what_was_typed_rather_than_the_completion(
    build_app: AppFactory, journal: Journal
) -> None:
    """A new company that shares a word with one in the journal: Tab leaves it as typed."""
    job = opportunity(company="Globex Corporation", role="Platform Engineer")
    journal.save_reflection(full_reflection(job.id), job)
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_and_complete(pilot, "Glob")
        assert shown(app.screen.query_one("#q-company", Input)) == "Globex Corporation"
        await pilot.press("tab")
        assert app.screen.query_one("#q-company", Input).value == "Glob"


def test_a_date_that_could_be_two_days_is_refused_in_one_short_line() -> None:
    """The report: under "Interview date and time" at 80×24 the refusal was cut ("… write
    the month's name (e.g. 9 Dec) or an"), the rest hidden under the Back/Next row."""
    import pendulum

    from debrief.dates import DateParseError, parse_when

    with pytest.raises(DateParseError) as refused:
        parse_when("9/12", pendulum.datetime(2026, 12, 8, tz="Europe/Berlin"))
    message = str(refused.value)
    assert message == "9/12 could be 9 Dec or 12 Sep: write the month (9 Dec) or YYYY-MM-DD"
    assert len("⚠ " + message) <= 74  # (the field's width at 80 columns)
