"""The questionnaire through the real app: keyboard only, drafts, literal text, field messages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from textual.widgets import Input, OptionList, Select, SelectionList, Static

from debrief.model import Draft
from debrief.store.journal import Journal, drafts_path_of
from debrief.ui.app import DebriefApp, make_app
from debrief.ui.screens.detail import DetailScreen
from debrief.ui.screens.reflect import ReflectScreen
from debrief.ui.screens.resume import ResumeDraftScreen
from debrief.ui.widgets.completion import CompletingInput
from debrief.ui.widgets.fields import AnswerArea, FieldRow
from debrief.ui.widgets.rating import RatingPicker
from debrief.ui.widgets.virtual_table import VirtualTable
from tests.pilot_helpers import focused, record_notifications, type_text
from tests.samples import MARKUP, NOW, fixed_clock, full_reflection, opportunity

AppFactory = Callable[[], DebriefApp]
SIZE = (120, 36)


def stored(journal_path: Path) -> dict[str, Any]:
    return orjson.loads(journal_path.read_bytes())  # type: ignore[no-any-return]


def only_document(journal_path: Path, table: str) -> dict[str, Any]:
    documents = list(stored(journal_path).get(table, {}).values())
    assert len(documents) == 1, documents
    return documents[0]  # type: ignore[no-any-return]


async def choose(pilot: Any, search: str) -> None:
    """Open the focused Select (Space: Enter moves on), type to find an option, pick it
    (which moves on to the next field)."""
    await pilot.press("space")
    await type_text(pilot, search)
    await pilot.press("enter")


def field_error(app: DebriefApp, key: str) -> str:
    row = app.screen.query_one(f"#row-{key}", FieldRow)
    error = row.query_one("FieldRow > .field-error", Static)
    return str(error.content) if error.display else ""


def progress(app: DebriefApp) -> str:
    return str(app.screen.query_one("#progress", Static).content)


async def start_reflection(pilot: Any) -> None:
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReflectScreen)


async def fill_first_step(pilot: Any, company: str = "Acme", role: str = "Data Engineer") -> None:
    await type_text(pilot, company)
    await pilot.press("tab")
    await type_text(pilot, role)
    await pilot.press("tab")
    await type_text(pilot, "yesterday 15:00")  # the prefilled date is selected on focus


async def test_every_step_by_keyboard_alone_is_stored_field_by_field(
    build_app: AppFactory, journal_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reflection(pilot)
        assert progress(app) == "Step 1 of 12 · The opportunity"
        await fill_first_step(pilot)
        await pilot.press("tab")
        await type_text(pilot, "1h30")
        await pilot.press("tab")
        await choose(pilot, "tech")  # (the choice moves on to the format)
        await choose(pilot, "vid")  # the step's last field: the choice moves to the next step

        assert progress(app) == "Step 2 of 12 · Interviewers · optional"
        for text in (
            "Jane Dœ",
            "CTO",
            "jane@acme.example",
            "+49 30 1234567",
            "https://linkedin.com/in/janedoe",
        ):
            await type_text(pilot, text)
            await pilot.press("tab")
        await choose(pilot, "prefers l")  # (the choice moves on, to "Address as")
        await pilot.press("tab")  # past "Address as" (the rule's "Jane Dœ" will do)
        await type_text(pilot, "their Rust rewrite")
        await pilot.press(
            "tab", "tab", "enter"
        )  # past "Remove this card" to "+ Add another interviewer"
        await type_text(pilot, "Ravi Kumar")
        await pilot.press("ctrl+n")

        assert progress(app) == "Step 3 of 12 · Your performance"
        await pilot.press("7", "ctrl+n")
        assert progress(app) == "Step 4 of 12 · Questions they asked · optional"
        await type_text(pilot, "How would you shard a 2 TB table?")
        await pilot.press("enter")  # on to how well you answered
        await choose(pilot, "2 ·")  # (on to a better answer)
        await type_text(pilot, "Start from the access pattern.")
        await pilot.press("ctrl+n")
        await type_text(pilot, "Explained the Kafka migration.\nSecond line.")
        await pilot.press("ctrl+n")
        await type_text(pilot, "Fumbled sharding.")
        await pilot.press("tab")
        await type_text(pilot, "Start from the read/write ratio.")
        await pilot.press("ctrl+n")
        await type_text(pilot, "Warm, curious.")
        await pilot.press("tab")
        await choose(pilot, "uns")  # (the step's last field: on to the next step)
        await type_text(pilot, "Greenfield platform")
        await pilot.press("tab")
        await type_text(pilot, "Remote-first")
        await pilot.press("ctrl+n")
        await type_text(pilot, "On-call load")
        await pilot.press("tab")
        await type_text(pilot, "Ask about rotations")
        await pilot.press("ctrl+n")

        assert progress(app) == "Step 10 of 12 · Money · optional"
        await type_text(pilot, "95,000.50")
        await pilot.press("tab")
        await type_text(pilot, "gbp")
        await pilot.press("tab")
        await choose(pilot, "per m")  # (on to the notes)
        await type_text(pilot, "plus 10% bonus")
        await pilot.press("ctrl+n")
        await type_text(pilot, "Better growth")
        await pilot.press("tab")
        await type_text(pilot, "Ahead of Globex")
        await pilot.press("ctrl+n")

        assert progress(app) == "Step 12 of 12 · Next steps · optional"
        await pilot.press(
            "space", "down", "down", "space", "tab"
        )  # asked about next steps, feedback
        await pilot.press("0", "tab")  # 0 means 10
        await type_text(pilot, "Take-home task, then onsite.")
        await pilot.press("tab")
        await choose(pilot, "yes")  # (on to "when will you hear")
        await type_text(pilot, "by friday")
        await pilot.press("tab")
        await type_text(pilot, "Ravi Kumar")
        await pilot.press("tab")
        await choose(pilot, "they said y")
        for text in (
            "Asked; they liked the clarity.",
            "Kafka migration",
            "Practise sharding",
        ):
            await type_text(pilot, text)
            await pilot.press("tab")
        await pilot.press("ctrl+n")
        assert progress(app) == "Review · check your answers, then save"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ReflectScreen)

    opportunity = only_document(journal_path, "opportunities")
    assert (opportunity["company"], opportunity["role"], opportunity["status"]) == (
        "Acme",
        "Data Engineer",
        "interviewing",
    )
    reflection = only_document(journal_path, "reflections")
    assert reflection["opportunity_id"] == opportunity["id"]
    assert reflection["interview_at"] == "2026-11-21T15:00:00+01:00"
    assert (reflection["stage"], reflection["format"]) == ("technical", "video")
    assert reflection["interviewers"] == [
        {
            "name": "Jane Dœ",
            "title": "CTO",
            "email": "jane@acme.example",
            "phone": "+49 30 1234567",
            "linkedin": "https://linkedin.com/in/janedoe",
            "preferred": "linkedin",
            "notes": "",
            "address_as": "",
            "mentioned": "their Rust rewrite",
        },
        {
            "name": "Ravi Kumar",
            "title": "",
            "email": "",
            "phone": "",
            "linkedin": "",
            "preferred": "email",
            "notes": "",
            "address_as": "",
            "mentioned": "",
        },
    ]
    assert reflection["duration_minutes"] == 90
    assert (reflection["replies_from"], reflection["may_follow_up"]) == ("Ravi Kumar", True)
    assert reflection["rating"] == 7
    assert reflection["questions"] == [
        {
            "text": "How would you shard a 2 TB table?",
            "answered": 2,
            "better_answer": "Start from the access pattern.",
        }
    ]
    assert reflection["went_well"] == "Explained the Kafka migration.\nSecond line."
    assert (reflection["went_badly"], reflection["answer_differently"]) == (
        "Fumbled sharding.",
        "Start from the read/write ratio.",
    )
    assert (reflection["rapport"], reflection["could_work_with"]) == ("Warm, curious.", "unsure")
    assert (reflection["likes_role"], reflection["likes_company"]) == (
        "Greenfield platform",
        "Remote-first",
    )
    assert (reflection["reservations"], reflection["resolve_reservations"]) == (
        "On-call load",
        "Ask about rotations",
    )
    assert reflection["money"] == {"amount": "95000.50", "currency": "GBP", "period": "month"}
    assert reflection["money_notes"] == "plus 10% bonus"
    assert (reflection["vs_current_job"], reflection["vs_other_opportunities"]) == (
        "Better growth",
        "Ahead of Globex",
    )
    assert reflection["want_job"] == 10
    assert reflection["asked"] == ["next_steps", "feedback"]
    assert reflection["references_requested"] is True
    assert reflection["next_steps"] == "Take-home task, then onsite."
    assert reflection["reply_by"] == "2026-11-27"
    assert reflection["feedback"] == "Asked; they liked the clarity."
    assert (reflection["key_point"], reflection["lessons"]) == (
        "Kafka migration",
        "Practise sharding",
    )
    assert reflection["created_at"] == reflection["updated_at"] == NOW.isoformat()
    assert list(Journal.open(journal_path).drafts()) == []  # the draft is gone once saved


async def test_the_home_screen_lists_the_saved_reflection(build_app: AppFactory) -> None:
    app = build_app()
    said = record_notifications(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert "Welcome to Debrief" in str(app.screen.query_one("#empty-state", Static).content)
        await start_reflection(pilot)
        await fill_first_step(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "8", "ctrl+s", "ctrl+s")
        await pilot.pause()
        table = app.screen.query_one("#latest", VirtualTable)
        assert table.row_count == 1
        assert table.row_texts(0) == [
            "23 hours ago",
            "Acme",
            "Data Engineer",
            "—",
            " 8 / 10",
            "Interviewing",
        ]
        assert not app.screen.query_one("#empty-state").display
        assert any("Acme — Data Engineer, round 1" in message for message in said)


async def test_quitting_midway_keeps_the_draft_and_a_new_app_resumes_it(
    build_app: AppFactory, journal_path: Path
) -> None:
    first = build_app()
    async with first.run_test(size=SIZE) as pilot:
        await start_reflection(pilot)
        await fill_first_step(pilot, company="Globex")
        await pilot.press("ctrl+n", "ctrl+n", "6")
        await type_text(pilot, "")  # nothing more; quit straight after the keypress
        await pilot.press("ctrl+q")
    assert drafts_path_of(journal_path).exists()
    assert "reflections" not in stored(journal_path)

    second = build_app()
    async with second.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dialog = second.screen
        assert isinstance(dialog, ResumeDraftScreen)
        text = " ".join(str(s.content) for s in dialog.query(Static))
        assert "Resume unfinished reflection for Globex — Data Engineer (started 14:05)?" in text
        await pilot.press("r")
        await pilot.pause()
        screen = second.screen
        assert isinstance(screen, ReflectScreen)
        assert progress(second) == "Step 3 of 12 · Your performance"
        assert screen.query_one(RatingPicker).value == 6
        await pilot.press("ctrl+b", "ctrl+b")
        assert screen.query_one("#q-company", Input).value == "Globex"
        assert (
            screen.query_one("#q-interview_at", Input).value == "2026-11-21 15:00"
        )  # pinned, not "yesterday"
        await pilot.press("ctrl+s", "ctrl+s")
        await pilot.pause()
    reflection = only_document(journal_path, "reflections")
    assert (reflection["rating"], reflection["interview_at"]) == (6, "2026-11-21T15:00:00+01:00")
    assert Journal.open(journal_path).drafts() == []


async def test_a_signal_keeps_text_whose_edit_message_is_still_on_its_way(
    build_app: AppFactory, journal: Journal
) -> None:
    """SIGTERM can land after a key reached its field but before the screen heard of it."""
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reflection(pilot)
        company = app.screen.query_one("#q-company", Input)
        company.value = "Globex"  # its Changed message is queued, not yet handled
        app.flush_drafts()  # what the SIGTERM / SIGHUP handler does first
        assert journal.drafts()[0].answers["company"] == "Globex"


async def test_discarding_the_offered_draft_removes_it(
    build_app: AppFactory, journal: Journal
) -> None:
    journal.save_draft(Draft(answers={"company": "Initech"}, started_at=NOW, updated_at=NOW))
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(app.screen, ResumeDraftScreen)
    assert journal.drafts() == []


async def test_new_reflection_with_a_pending_draft_asks_first(
    build_app: AppFactory, journal: Journal
) -> None:
    journal.save_draft(Draft(answers={"company": "Initech"}, started_at=NOW, updated_at=NOW))
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # not now
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ResumeDraftScreen)
        assert "Discard it, start afresh (d)" in [str(b.label) for b in app.screen.query("Button")]
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen)
        assert app.screen.query_one("#q-company", Input).value == ""


async def test_escape_keeps_a_started_draft_and_drops_an_empty_one(
    build_app: AppFactory, journal: Journal
) -> None:
    app = build_app()
    said = record_notifications(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start_reflection(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert journal.drafts() == []
        await start_reflection(pilot)
        await type_text(pilot, "Umbrella")
        await pilot.press("escape")
        await pilot.pause()
        assert [d.label for d in journal.drafts()] == ["Umbrella"]
        assert any("Kept as a draft" in message for message in said)


async def test_markup_like_text_is_stored_and_shown_literally(
    build_app: AppFactory, journal_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start_reflection(pilot)
        await fill_first_step(pilot, company=MARKUP, role="[red]SRE")
        await pilot.press("ctrl+n")
        await type_text(pilot, "[@click=app.quit]Jane[/]")
        await pilot.press("ctrl+n", "5", "ctrl+n")
        await type_text(pilot, MARKUP)  # a question they asked
        await pilot.press("ctrl+n")
        await type_text(pilot, MARKUP)
        await pilot.press("ctrl+s")
        review = " ".join(str(s.content) for s in app.screen.query(".review-body").results(Static))
        assert f"Company  {MARKUP}" in review
        assert f"Questions  {MARKUP}" in review
        assert "[@click=app.quit]Jane[/] · prefers email" in review
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running  # no link was followed, nothing crashed
        cells = app.screen.query_one("#latest", VirtualTable).row_texts(0)
        assert cells[1:3] == [MARKUP, "[red]SRE"]
    reflection = only_document(journal_path, "reflections")
    assert reflection["went_well"] == MARKUP
    assert reflection["questions"][0]["text"] == MARKUP
    assert reflection["interviewers"][0]["name"] == "[@click=app.quit]Jane[/]"
    assert only_document(journal_path, "opportunities")["company"] == MARKUP


async def test_bad_answers_get_a_message_at_the_field_and_nothing_is_saved(
    build_app: AppFactory, journal: Journal, journal_path: Path
) -> None:
    before = journal_path.read_bytes()
    journal.save_draft(
        Draft(
            answers={
                "company": "Acme",
                "role": "SRE",
                "interview_at": "2026-13-45",
                "rating": 11,
                "money_amount": "abc",
            },
            started_at=NOW,
            updated_at=NOW,
        )
    )
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+n")
        assert progress(app) == "Step 1 of 12 · The opportunity"  # blocked on the bad date
        assert field_error(app, "interview_at") == (
            "⚠ Can't read '2026-13-45' as a date. Try 2026-11-20 14:00, today 14:00 or yesterday"
        )
        assert focused(pilot).id == "q-interview_at"

        await pilot.press("ctrl+s", "ctrl+s")  # save from the review page: refused
        assert field_error(app, "interview_at").startswith("⚠ Can't read")
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "2026-11-20 14:00")
        assert field_error(app, "interview_at") == ""  # the message clears once fixed
        await pilot.press("ctrl+n", "ctrl+n")
        assert field_error(app, "rating") == "⚠ Pick a number from 1 to 10, not 11"
        await pilot.press("ctrl+s", "ctrl+s")
        assert field_error(app, "rating") == "⚠ Pick a number from 1 to 10, not 11"
        await pilot.press("9")
        await pilot.press("ctrl+s", "ctrl+s")
        assert progress(app) == "Step 10 of 12 · Money · optional"
        assert (
            field_error(app, "money_amount") == "⚠ 'abc' is not an amount — type digits, e.g. 85000 or 85k"
        )
        assert journal_path.read_bytes() == before  # nothing saved while anything is wrong
        await pilot.press("ctrl+u")
        await type_text(pilot, "85000")
        await pilot.press("ctrl+s", "ctrl+s")
        await pilot.pause()
    reflection = only_document(journal_path, "reflections")
    assert (reflection["rating"], reflection["money"]["amount"]) == (9, "85000")


async def test_a_bad_email_is_flagged_on_its_card(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reflection(pilot)
        await fill_first_step(pilot)
        await pilot.press("ctrl+n")
        await type_text(pilot, "Jane")
        await pilot.press("tab", "tab")
        await type_text(pilot, "jane@acme")
        await pilot.press("ctrl+n")
        assert progress(app) == "Step 2 of 12 · Interviewers · optional"
        card_error = app.screen.query_one(".card > .field-error", Static)
        assert str(card_error.content) == "⚠ Email 'jane@acme' is not an email address"
        assert focused(pilot).has_class("card-email")


async def test_enter_completes_a_known_company(build_app: AppFactory, journal: Journal) -> None:
    from tests.samples import full_reflection, opportunity

    job = opportunity(company="Globex Corporation", role="Platform Engineer")
    journal.save_reflection(full_reflection(job.id), job)
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reflection(pilot)
        await type_text(pilot, "glo")
        await pilot.press("enter")
        assert app.screen.query_one("#q-company", Input).value == "Globex Corporation"
        await type_text(pilot, "pl")
        await pilot.press("enter")
        assert app.screen.query_one("#q-role", Input).value == "Platform Engineer"
        note = app.screen.query_one("#row-role .field-note", Static)
        assert str(note.content) == "→ Globex Corporation — Platform Engineer, with 1 other round"


async def test_rating_keys(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reflection(pilot)
        await pilot.click("#step-list")  # the mouse works too: jump straight to a step
        await fill_first_step(pilot)
        await app.screen.show_step(2)  # type: ignore[attr-defined]
        picker = app.screen.query_one(RatingPicker)
        await pilot.press("0")
        assert picker.value == 10
        await pilot.press("left", "left")
        assert picker.value == 8
        await pilot.press("backspace")
        assert picker.value is None
        await pilot.press("right")
        assert picker.value == 1


async def test_text_areas_and_selects_render_from_the_questionnaire(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reflection(pilot)
        screen = app.screen
        assert isinstance(screen, ReflectScreen)
        assert [type(r.control).__name__ for r in screen.query(FieldRow)] == [
            "CompletingInput",
            "CompletingInput",
            "Input",
            "Input",
            "Select",
            "Select",
        ]
        await screen.show_step(11)
        kinds = [type(r.control) for r in screen.query("#step-next FieldRow").results(FieldRow)]
        assert kinds == [
            SelectionList,
            RatingPicker,
            AnswerArea,
            Select,
            Input,  # when you will hear
            CompletingInput,  # who will reply
            Select,  # may you follow up
            AnswerArea,
            AnswerArea,
            AnswerArea,
        ]
        assert isinstance(screen.query_one("#q-stage"), Select)


async def test_the_step_list_marks_answered_steps_and_problems(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reflection(pilot)
        await fill_first_step(pilot)
        await pilot.press("ctrl+n", "ctrl+n")
        step_list = app.screen.query_one("#step-list", OptionList)
        prompts = [str(step_list.get_option_at_index(i).prompt) for i in range(3)]
        assert prompts == ["✓  1  The opportunity", "   2  Interviewers", "   3  Your performance"]
        await pilot.press("ctrl+s", "ctrl+s")  # refused: no rating
        assert str(step_list.get_option_at_index(2).prompt) == "!  3  Your performance"


async def test_the_palette_cannot_open_a_second_questionnaire(build_app: AppFactory) -> None:
    app = build_app()
    said = record_notifications(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start_reflection(pilot)
        await type_text(pilot, "Acme")
        await app.run_action("new_reflection")
        await pilot.pause()
        assert len([s for s in app.screen_stack if isinstance(s, ReflectScreen)]) == 1
        assert any("already writing a reflection" in message for message in said)


async def test_the_home_table_opens_the_highlighted_reflection_and_cuts_long_names(
    journal: Journal,
) -> None:
    long_name = "Wayne Enterprises Advanced Research Division, Gotham"
    for days, company in ((1, "Acme"), (2, long_name)):
        job = opportunity(company)
        when = NOW.subtract(days=days)
        journal.save_reflection(full_reflection(job.id, interview_at=when), job)
    app = make_app(journal, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#latest", VirtualTable)
        company = next(c for c in table.columns if c.key == "company")
        assert company.width == 24  # as wide as the longest name, up to its limit
        line = "".join(segment.text for segment in table.render_line(2))
        assert "Wayne Enterprises Advan…" in line and long_name not in line
        table.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.title == f"{long_name} — Data Engineer"


async def test_when_you_will_hear_counts_from_the_interview_and_shows_the_day(
    build_app: AppFactory,
) -> None:
    """Written down on Sunday about Wednesday's interview: "in a week" means a week from
    Wednesday, shown under the field as typed; "9/12" is refused, never guessed."""
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reflection(pilot)
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "Data Engineer")
        await pilot.press("tab")
        await type_text(pilot, "2026-11-18 10:00")
        screen = app.screen
        assert isinstance(screen, ReflectScreen)
        await screen.show_step(11)
        reply_by = screen.query_one("#q-reply_by", Input)
        reply_by.focus()
        await type_text(pilot, "in a week")
        note = screen.query_one("#row-reply_by .field-note", Static)
        assert str(note.content) == "→ Wed 25 Nov 2026"
        reply_by.value = ""
        await type_text(pilot, "end of next week")
        assert str(note.content) == "→ Fri 27 Nov 2026"
        reply_by.value = ""
        await type_text(pilot, "9/12")
        await pilot.press("ctrl+n")  # leaving the step checks it
        await pilot.pause()
        assert "could be 9 Dec or 12 Sep" in field_error(app, "reply_by")


async def test_back_from_the_review_page_returns_to_the_last_step(build_app: AppFactory) -> None:
    """The reported crash: n, company, role, date, Ctrl+N twice, 5, Ctrl+S (review), Ctrl+B."""
    for size in ((80, 24), SIZE):
        app = build_app()
        async with app.run_test(size=size) as pilot:
            await start_reflection(pilot)
            await fill_first_step(pilot)
            await pilot.press("ctrl+n", "ctrl+n", "5", "ctrl+s")
            assert progress(app).startswith("Review")
            await pilot.press("ctrl+b")
            assert progress(app).startswith("Step 12 of 12")
            await pilot.press("ctrl+s")
            await pilot.click("#back")  # the review's "◀ Back" button runs the same action
            assert progress(app).startswith("Step 12 of 12")
            await pilot.press("ctrl+s", "ctrl+s")  # review, then save: nothing was lost
            assert app.journal.reflections()[0].rating == 5


async def test_next_on_the_review_page_does_not_save(build_app: AppFactory) -> None:
    """Found by a new user: Ctrl+N ("Next") on the review page saved the reflection."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_reflection(pilot)
        await fill_first_step(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "5", "ctrl+s")
        assert progress(app).startswith("Review")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert progress(app).startswith("Review") and app.journal.reflections() == []
        await pilot.press("ctrl+s")  # Ctrl+S (or the button) saves
        await pilot.pause()
        assert len(app.journal.reflections()) == 1
