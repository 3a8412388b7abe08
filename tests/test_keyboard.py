"""One meaning for Enter, guarded one-key actions: what a fast, tired typist meets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual.widgets import Button, Input, OptionList, Select, SelectionList, TextArea

from debrief.followups import plan
from debrief.model import Interviewer, Settings
from debrief.store.journal import Journal
from debrief.ui import guard
from debrief.ui.app import DebriefApp, make_app
from debrief.ui.commands import palette_entries
from debrief.ui.keyboard import FORM_KEYS, LIST_KEYS
from debrief.ui.screens.filters import FilterScreen
from debrief.ui.screens.help import HelpScreen
from debrief.ui.screens.home import HomeScreen
from debrief.ui.screens.profile import ProfileScreen
from debrief.ui.screens.reflect import ReflectScreen
from debrief.ui.widgets.footer import KeysFooter
from debrief.ui.widgets.virtual_table import VirtualTable
from tests.pilot_helpers import burst, focused, record_notifications, type_text
from tests.samples import NOW, bare_reflection, fixed_clock, opportunity

AppFactory = Callable[[], DebriefApp]
SIZE = (120, 36)
PARAGRAPH = "Call me on +44 20 7946 0000, or write: alex@example.com. Thanks! x a z y u 42"


@pytest.fixture
def agenda(journal: Journal) -> Journal:
    """Two interviews' follow-ups on the home agenda (thank-yous overdue, checks upcoming)."""
    for number, company in enumerate(("Acme", "Globex")):
        job = opportunity(company)
        reflection = bare_reflection(
            job.id, id=f"r{number}", interview_at=NOW.subtract(days=2 + number).set(hour=10),
            interviewers=(Interviewer(name="Zoë Park"),),
        )  # fmt: skip
        journal.save_reflection(reflection, job, plan(job, [reflection], "Europe/Berlin"))
    return journal


class StoppedClock:
    """The guard's clock, moved only when a test says time passes (a slow test machine
    must not turn one run of keys into two)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def stopped(app: DebriefApp, monkeypatch: pytest.MonkeyPatch) -> StoppedClock:
    """The guard as a person meets it (a second's pause ends a run), on a stopped clock."""
    monkeypatch.setattr(guard, "PAUSE_SECONDS", 1.0)
    clock = StoppedClock()
    app.typing.clock = clock
    return clock


def state(journal_path: Path) -> tuple[Any, ...]:
    journal = Journal.open(journal_path)
    return journal.bundle(), [d.answers for d in journal.drafts()]


# --- Enter, the same everywhere ----------------------------------------------------------------


async def test_in_the_profile_enter_goes_to_the_next_field_and_never_saves(
    build_app: AppFactory, journal_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await type_text(pilot, "Alex Morgan\nalex@example.com\n")
        assert isinstance(app.screen, ProfileScreen)  # Enter did not save and close it
        assert focused(pilot).id == "profile-phone"
        for _ in range(9):  # Enter down the fields (the pay period's drop-down too) to Save
            await pilot.press("enter")
        assert isinstance(focused(pilot), Button) and focused(pilot).id == "save"
        assert Journal.open(journal_path).settings().name == ""  # nothing saved yet
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert Journal.open(journal_path).settings().email == "alex@example.com"


async def test_a_burst_of_typing_lands_in_the_fields_its_tabs_and_enters_chose(
    build_app: AppFactory,
) -> None:
    """Keys typed faster than the app draws (a paste, a fast typist) follow the focus."""
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Acme\tData Engineer\nyesterday 15:00\n45 min")
        screen = app.screen
        assert isinstance(screen, ReflectScreen)
        values = {i.id: i.value for i in screen.query(Input) if i.id}
        assert values["q-company"] == "Acme" and values["q-role"] == "Data Engineer"
        assert values["q-interview_at"] == "yesterday 15:00"
        assert values["q-duration_minutes"] == "45 min"


async def test_keys_typed_ahead_of_a_new_step_land_in_it(build_app: AppFactory) -> None:
    """Ctrl+N, a rating, Ctrl+N and a question typed in one burst: each lands on its own
    step, none in the field left behind (it did: "SRE6T" in Role)."""
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Acme\tSRE")
        await burst(pilot, "ctrl+n", "ctrl+n", "6", "ctrl+n", "W", "h", "y", "?")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReflectScreen)
        assert (screen.answers["role"], screen.answers["rating"]) == ("SRE", 6)
        assert screen.answers["questions"][0]["text"] == "Why?"
        await type_text(pilot, "\n")  # Enter at a step's end, then keys at once: the next step's
        await burst(pilot, "enter", "enter", "G", "o", "o", "d")
        assert screen.query_one("#q-went_well", TextArea).text == "Good"


async def test_enter_in_a_business_card_goes_to_the_next_card_field_not_a_later_step(
    build_app: AppFactory,
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReflectScreen)
        await screen.show_step(1)
        await type_text(pilot, "Zoë Park\nHead of Data\nzoe@acme.example\n")
        assert screen.step_index == 1
        assert "card-phone" in focused(pilot).classes
        for _ in range(4):  # phone, LinkedIn, "prefers", address as
            await pilot.press("enter")
            await pilot.pause()
        assert "card-mentioned" in focused(pilot).classes and screen.step_index == 1
        await pilot.press("enter")  # past the step's last field: the next step
        await pilot.pause()
        assert screen.step_index == 2


async def test_enter_in_a_text_area_is_a_new_line_and_a_choice_moves_on(
    build_app: AppFactory,
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReflectScreen)
        stage = screen.query_one("#q-stage", Select)
        stage.focus()
        await pilot.press("space")  # opens the drop-down
        await type_text(pilot, "onsite")
        await pilot.press("enter")  # chooses: on to the next field
        await pilot.pause()
        assert stage.value == "onsite" and focused(pilot).id == "q-format"
        await screen.show_step(4)
        await type_text(pilot, "First line\nsecond line")
        area = focused(pilot)
        assert isinstance(area, TextArea) and area.text == "First line\nsecond line"


async def test_in_the_filter_dialog_enter_moves_on_and_ctrl_s_applies(
    build_app: AppFactory, agenda: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3", "f")
        await pilot.pause()
        assert isinstance(app.screen, FilterScreen)
        app.screen.query_one("#rating-min", Input).focus()
        await type_text(pilot, "3\n")
        assert isinstance(app.screen, FilterScreen) and focused(pilot).id == "rating-max"
        await type_text(pilot, "9")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FilterScreen)


# --- one-key actions that wait for the typing to stop -----------------------------------------


async def test_typing_that_runs_on_after_the_profile_closes_changes_nothing(
    build_app: AppFactory, agenda: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = state(journal_path)
    app = build_app()
    stopped(app, monkeypatch)
    said = record_notifications(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await type_text(pilot, "Alex Morgan")
        await pilot.press("escape")  # closed mid-run, and the typing runs on
        await type_text(pilot, PARAGRAPH)
        await pilot.pause()
        assert said.count(said[-1]) == 1 and said[-1].startswith(
            "Still typing? Nothing was changed"
        )
    assert state(journal_path) == before


async def test_after_a_pause_or_a_move_the_keys_act_again(
    build_app: AppFactory, agenda: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app()
    clock = stopped(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await type_text(pilot, "Alex")
        await pilot.press("escape", "space")  # held: the typing ran on
        assert all(f.done_at is None for f in Journal.open(journal_path).followups())
        await pilot.press("down", "up", "space")  # a deliberate move, then Done
        await pilot.pause()
        assert len([f for f in Journal.open(journal_path).followups() if f.done_at]) == 1
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("escape")
        clock.now += 2  # a pause of two seconds
        await pilot.press("space")
        await pilot.pause()
    assert len([f for f in Journal.open(journal_path).followups() if f.done_at]) == 2


async def test_after_a_skip_the_highlight_stays_in_place_on_the_next_item(
    build_app: AppFactory, agenda: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        agenda_list = app.screen.query_one("#agenda", OptionList)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        second, third = list(screen.items)[1:3]
        agenda_list.highlighted = agenda_list.get_option_index(second)
        below = third
        await pilot.press("x")
        await pilot.pause()
        assert agenda_list.highlighted_option is not None
        assert agenda_list.highlighted_option.id == below
        assert app.focused is agenda_list  # and the keys keep acting on the list


async def test_a_dialog_gives_the_focus_back_to_the_list(
    build_app: AppFactory, agenda: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#agenda")


async def test_a_draft_with_no_profile_says_how_to_sign_it_in_one_key(
    build_app: AppFactory, agenda: Journal, journal: Journal
) -> None:
    journal.save_settings(Settings())
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        text = " ".join(str(w.content) for w in app.screen.query("#draft-hint"))
        assert "press F6 to fill in your profile" in text
        await pilot.press("f6")
        await pilot.pause()
        await type_text(pilot, "Alex Morgan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        body = app.screen.query_one("#body", TextArea).text
        assert body.endswith("Alex Morgan\n[fill in: your email or phone]")
        assert not app.screen.query_one("#draft-hint").display


# --- the first run, and drafts ------------------------------------------------------------------


async def test_a_first_run_says_what_debrief_does_and_offers_the_profile_first(
    build_app: AppFactory, journal: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        welcome = str(app.screen.query_one("#empty-state").content)  # type: ignore[attr-defined]
        assert welcome.startswith("Welcome to Debrief: reflect straight after each interview")
        assert "press  p  for your profile" in welcome and "Press  n  to reflect" in welcome
        footer = " ".join(key.description for key in app.screen.query_one("KeysFooter").keys)  # type: ignore[attr-defined]
        assert "Done" not in footer and "Snooze" not in footer  # nothing to act on yet
    journal.save_settings(Settings(name="Alex Morgan"))
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "profile" not in str(app.screen.query_one("#empty-state").content)  # type: ignore[attr-defined]


async def test_every_kept_draft_is_listed_and_reachable_with_n(
    build_app: AppFactory, agenda: Journal
) -> None:
    from debrief.model import Draft

    agenda.save_draft(
        Draft(answers={"company": "Initech", "role": "SRE"}, started_at=NOW, updated_at=NOW)
    )
    agenda.save_draft(Draft(answers={"company": "Acme", "role": "Data Engineer", "went_well": "Fumbled"},
                            started_at=NOW, updated_at=NOW.add(minutes=1), reflection_id="r0", step=4))  # fmt: skip
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # (the start-up offer: not now)
        line = str(app.screen.query_one("#drafts-line").content)  # type: ignore[attr-defined]
        assert line == "✎ 2 unfinished reflections · n lists them"
        await pilot.press("n")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        labels = [
            str(options.get_option_at_index(i).prompt).strip() for i in range(options.option_count)
        ]
        assert labels[0].startswith("Edit of Acme — Data Engineer (started")
        assert (
            labels[1].startswith("Initech — SRE (started") and labels[2] == "Start a new reflection"
        )
        await pilot.press("enter")  # the edit
        await pilot.pause()
        await pilot.press("r")  # resume
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReflectScreen) and screen.title == "Edit reflection"
        await type_text(pilot, " the sharding question.")  # typing on goes after what is there
        assert screen.query_one("#q-went_well", TextArea).text == "Fumbled the sharding question."


# --- small terminals ------------------------------------------------------------------------------

SMALL = (80, 24)


def drawn_footer(app: DebriefApp) -> str:
    return app.screen.query_one("KeysFooter").render_line(0).text


async def test_at_80_columns_each_follow_up_is_one_line_ending_with_when_it_is_due(
    build_app: AppFactory, agenda: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        agenda_list = screen.query_one("#agenda", OptionList)
        prompts = [
            agenda_list.get_option(item_id).prompt for item_id in screen.items
        ]  # (Content: one line, no wrapping)
        texts = [str(prompt) for prompt in prompts]
        assert all("\n" not in text for text in texts), texts
        assert all(cell_len(text) <= agenda_list.content_region.width for text in texts)
        assert texts[0].startswith("  ✉  Thank-you note to Zoë Park · Globex")  # brief: no role
        assert texts[0].endswith("overdue")


async def test_the_journal_at_80_columns_keeps_date_company_rating_and_status(
    build_app: AppFactory, agenda: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#reflections", VirtualTable)
        keys = [column.key for column in table.columns]
        assert {"when", "company", "rating", "status"} <= set(keys)
        assert table.row_texts(0)[keys.index("company")].strip() == "Acme"
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert len(table.columns) == len(table.all_columns)  # room for every column again


async def test_the_questionnaire_folds_its_step_list_below_100_columns(
    build_app: AppFactory, journal: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert not app.screen.query_one("#step-list").display
        assert str(app.screen.query_one("#progress").content).startswith("Step 1 of 12")  # type: ignore[attr-defined]
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert app.screen.query_one("#step-list").display


@pytest.mark.parametrize("size", [SMALL, (120, 36)])
async def test_the_filter_dialog_scrolls_its_fields_and_always_shows_its_buttons(
    build_app: AppFactory, agenda: Journal, size: tuple[int, int]
) -> None:
    app = build_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("f3", "f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FilterScreen)
        for button in screen.query(Button):
            assert button.region.bottom <= size[1] and button.region.height == 3, button
        for _ in range(4):  # from the statuses: stages, company, rating from, rating to
            await pilot.press("tab")
        await pilot.pause()
        rating_to = screen.query_one("#rating-max", Input)
        assert focused(pilot) is rating_to
        assert screen.query_one("#filter-body").region.contains_region(rating_to.region)


@pytest.mark.parametrize(("size", "keys"), [(SMALL, ()), ((120, 36), ("n",))])
async def test_no_footer_key_is_cut_and_f1_stays_when_some_do_not_fit(
    build_app: AppFactory, agenda: Journal, size: tuple[int, int], keys: tuple[str, ...]
) -> None:
    app = build_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press(*keys)  # (the questionnaire's footer was cut at 120: "f4 Trend")
        await pilot.pause()
        footer = drawn_footer(app)
        assert "f1 Help" in footer and footer.rstrip().endswith("^p palette")
        shown = footer.split("▏")[0]
        for key in app.screen.query_one(KeysFooter).keys:
            whole = f" {key.display} {key.description} "
            if not key.palette and key.description[:3] in shown:
                assert whole in shown + " ", (whole, shown)  # whole keys or none


async def test_compare_says_when_it_scrolls_sideways(
    build_app: AppFactory, agenda: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        assert app.screen.query_one("#weights-hint").display  # the matrix needs 61 columns
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert not app.screen.query_one("#aspects-hint").display
        assert not app.screen.query_one("#weights-hint").display


# --- dates, review, palette, remapped keys ---------------------------------------------------


async def test_snooze_choices_show_their_dates(build_app: AppFactory, agenda: Journal) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        labels = [
            str(options.get_option_at_index(i).prompt).strip() for i in range(options.option_count)
        ]
        # (NOW is a Sunday afternoon: nothing today, Monday first)
        assert labels == [
            "Tomorrow morning · Mon 23 Nov, 09:00",
            "In 3 working days · Wed 25 Nov, 09:00",
            "Pick a date…",
        ]


async def test_the_review_page_scrolls_with_page_keys_and_words_pay_as_show_does(
    build_app: AppFactory, journal: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReflectScreen)
        screen.answers.update(
            company="Acme", role="Data Engineer", rating=7, money_amount="95000",
            money_currency="EUR", money_period="month",
        )  # fmt: skip
        await pilot.press("ctrl+s")
        await pilot.pause()
        pane = screen.query_one("#step-review")
        assert pane.scroll_y == 0 and pane.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y
        await pilot.press("pageup")
        await pilot.pause()
        assert 0 < pane.scroll_y < pane.max_scroll_y
        money = str(screen.query_one("#review-money").content)  # type: ignore[attr-defined]
        assert money.splitlines()[0] == ("Pay  95,000 EUR per month (≈ 1,140,000 EUR a year, × 12)")


async def test_the_palette_lists_each_command_once_and_no_cursor_keys(
    build_app: AppFactory, agenda: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        for screen_key in ("f2", "f3", "f5"):
            await pilot.press(screen_key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            titles = [title for title, _, _ in palette_entries(app, app.screen)] + [
                command.title for command in app.get_system_commands(app.screen)
            ]
            assert len(titles) == len(set(titles)), titles
            assert not {
                "Up",
                "Down",
                "First",
                "Last",
                "Page Up",
                "Copy selected text",
                "Keys",
            } & set(titles)
            assert {"New reflection", "Home", "Help", "Quit"} <= set(titles)


async def test_remapped_keys_show_in_the_footer_from_the_first_frame(
    journal: Journal, tmp_path: Path
) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\n"home.new" = "insert"\n')
    app = make_app(journal, clock=fixed_clock, keymap_path=keys)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "insert New" in drawn_footer(app)
        await pilot.press("insert")
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen)


def test_the_readme_states_the_keyboard_model_f1_shows() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert FORM_KEYS in readme
    assert LIST_KEYS in readme


async def test_f1_explains_the_keyboard_model_above_the_keys(
    build_app: AppFactory, agenda: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.HELP == LIST_KEYS
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.query(".help-model")  # (the keyboard model, below the keys)
        await pilot.press("f1", "p")
        await pilot.pause()
        assert app.screen.HELP == FORM_KEYS


async def test_business_cards_stay_readable_at_60_by_20(
    build_app: AppFactory, journal: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Initech\nSRE\n")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert str(app.screen.query_one("#progress").content).startswith("Step 2 of 12")  # type: ignore[attr-defined]
        for field in app.screen.query(".card-name, .card-email, .card-linkedin"):
            assert field.region.width >= 20, field


async def test_compare_starts_with_the_keys_on_the_choice_of_opportunities(
    build_app: AppFactory, agenda: Journal
) -> None:
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#chosen", SelectionList)


async def test_letters_typed_while_a_new_card_is_drawn_go_into_it(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReflectScreen)
        await screen.show_step(3)  # the questions they asked
        await type_text(pilot, "Design a cache")
        screen.set_focus(screen.query_one("#q-questions .add-card", Button))
        await burst(pilot, "enter", "W", "h", "y", "space", "u", "s", "?")
        await pilot.pause()
        texts = [card["text"] for card in screen.query_one("#q-questions").raw]  # type: ignore[attr-defined]
        assert texts == ["Design a cache", "Why us?"]
