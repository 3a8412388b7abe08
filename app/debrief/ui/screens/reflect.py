"""The guided post-interview questionnaire: one step at a time, a review page, then save.

Rendered entirely from `questionnaire.STEPS`. Every edit lands in `self.answers` (raw,
exactly as typed) and is autosaved to the journal's draft file within a second, on
every step change and when the screen or the app closes, so nothing typed is lost.

This screen moves between the steps and saves; the step list and the review page are
widgets (widgets/step_list.py, widgets/review.py), and the draft file is written by a
DraftKeeper (ui/draft_keeper.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, ContentSwitcher, Header, Input, OptionList, Static

from debrief.actions.reflections import save_reflection
from debrief.dates import plural
from debrief.interviews import met_before
from debrief.model import Draft, Interviewer, Reflection
from debrief.questionnaire import (
    QUESTIONS,
    STEPS,
    AnswerContext,
    AnswersInvalid,
    Kind,
    Step,
    anchored,
    answer_errors,
    answer_note,
    answer_refusal,
    answers_as_text,
    is_empty,
    new_answers,
    parse_answers,
    step_errors,
)
from debrief.store.journal import Journal, JournalError
from debrief.ui.draft_keeper import DraftKeeper
from debrief.ui.guard import opening_an_edit
from debrief.ui.messages import KeepUnsavedAnswers
from debrief.ui.screens.form import FIELDS, FormKeys
from debrief.ui.widgets.completion import KnownValues
from debrief.ui.widgets.fields import CompanyAndRole, FieldRow
from debrief.ui.widgets.footer import KeysFooter
from debrief.ui.widgets.review import ReviewPage
from debrief.ui.widgets.step_list import DEFAULTED, StepList

REVIEW = len(STEPS)  # the step index of the review page
AUTOSAVE_DELAY = 1.0  # seconds between a keystroke and the draft reaching the disk


def step_pane_id(step: Step) -> str:
    return f"step-{step.key}"


def is_blank_draft(answers: dict[str, Any]) -> bool:
    """True when the user has not typed anything yet (prefilled defaults don't count)."""
    return all(is_empty(raw) for key, raw in answers.items() if key not in DEFAULTED)


class ReflectScreen(FormKeys):
    """Walks through STEPS, then a review page; dismisses with the saved reflection."""

    # Priority keys: the app carries each out before it hands on the next key, so what is
    # typed straight after (faster than a step is drawn) lands in the new step's field.
    BINDINGS = [
        Binding(
            "ctrl+n",
            "next_step",
            "Next",
            id="reflect.next",
            priority=True,
            tooltip="Check this step and go to the next",
        ),
        Binding(
            "ctrl+b",
            "previous_step",
            "Back",
            id="reflect.back",
            priority=True,
            tooltip="Go to the previous step",
        ),
        Binding(
            "ctrl+s",
            "save",
            "Review / Save",
            id="reflect.save",
            priority=True,
            tooltip="Review the answers; on the review page, save",
        ),
        Binding(
            "escape",
            "leave",
            "Close (draft kept)",
            id="reflect.leave",
            tooltip="Leave; the draft is kept to resume later",
        ),
        # The page scrolls with these wherever the focused field has no use for them (on
        # the review page, where the Save button has focus, always).
        *(
            Binding(key, f"scroll_step('{how}')", how, show=False)
            for key, how in (
                ("pagedown", "page_down"),
                ("pageup", "page_up"),
                ("end", "end"),
                ("home", "home"),
            )
        ),
    ]

    def __init__(
        self,
        journal: Journal,
        draft: Draft,
        context: Callable[[], AnswerContext],
        *,
        fresh: bool = True,
    ) -> None:
        super().__init__()
        self.journal = journal
        self.context = context
        self.keeper = DraftKeeper(journal, draft, context, self.notify)
        self.answers: dict[str, Any] = {**new_answers(context()), **draft.answers}
        self.completions = CompanyAndRole(
            journal.opportunities, lambda: str(self.answers.get("company") or "")
        )
        self.step_index = max(0, min(draft.step, REVIEW))
        # What the questionnaire held when it opened, if it was not a resumed draft:
        # leaving with exactly that discards the draft instead of keeping a copy.
        self._pristine = dict(self.answers) if fresh else None
        self.saved: Reflection | None = None
        self._autosave: Timer | None = None
        self._save_refused = False  # after a refused save, every step shows its problems

    @property
    def draft(self) -> Draft:
        """The draft as last written: its id, and the reflection it edits (if any)."""
        return self.keeper.draft

    # --- layout --------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="reflect-body"):
            yield StepList(self.answers, id="step-list")
            with Vertical(id="reflect-main"):
                yield Static(id="progress")
                yield Static(id="hint")
                with ContentSwitcher(initial=self._pane_id(self.step_index), id="steps"):
                    for index in range(len(STEPS)):
                        with VerticalScroll(id=self._pane_id(index), classes="step"):
                            if index == self.step_index:  # the other steps mount when first shown
                                yield from self._make_rows(STEPS[index])
                    yield ReviewPage(id=self._pane_id(REVIEW), classes="step")
                with Horizontal(id="nav"):
                    back = Button("◀ Back", id="back", compact=True)
                    # Not on Tab's way (Ctrl+B or a click): Tab out of the last answer
                    # goes to "Next ▶", so the Enter after it never goes back by surprise.
                    back.can_focus = False
                    yield back
                    yield Static(id="nav-status")
                    yield Button("Next ▶", id="next", variant="primary", compact=True)
        yield KeysFooter()

    async def on_mount(self) -> None:
        editing = self.journal.reflection(self.draft.reflection_id or "") is not None
        self.title = "Edit reflection" if editing else "New reflection"
        if editing:  # (typing of the run that pressed `e` waits for a pause)
            for company in self.query("#q-company").results(Input):  # (if step 1 is shown)
                opening_an_edit(self.app, company)
        await self.show_step(self.step_index)

    def _make_rows(self, step: Step) -> list[FieldRow]:
        return [
            FieldRow(
                q,
                self.answers[q.key],
                self._suggester_for(q.key),
                met_before=self._met_before if q.key == "interviewers" else None,
            )
            for q in step.questions
        ]

    def _suggester_for(self, key: str) -> KnownValues | None:
        if key == "replies_from":
            return KnownValues(self._known_people)
        return self.completions.suggester(QUESTIONS[key].kind)

    def _known_people(self) -> list[str]:
        """Who may get back to you: the interviewers on the cards, or the recruiter."""
        cards = self.answers.get("interviewers") or []
        names = [str(card.get("name") or "").strip() for card in cards if isinstance(card, dict)]
        return [name for name in names if name] + ["the recruiter"]

    def _met_before(self) -> list[Interviewer]:
        """The interviewers of this opportunity's other rounds and scheduled interviews."""
        company, role = (str(self.answers.get(k) or "") for k in ("company", "role"))
        existing = self.journal.find_opportunity(company, role)
        if existing is None:
            return []
        rounds = [r for r in self.journal.rounds(existing.id) if r.id != self.draft.reflection_id]
        scheduled = [i for i in self.journal.interviews() if i.opportunity_id == existing.id]
        return met_before(rounds, scheduled)

    @staticmethod
    def _pane_id(index: int) -> str:
        return "step-review" if index == REVIEW else step_pane_id(STEPS[index])

    def _refresh_step_marks(self) -> None:
        """✓ on the steps answered; after a refused save, ! on those with a problem."""
        problems = self.context() if self._save_refused else None
        self.query_one("#step-list", StepList).mark(self.answers, problems)

    # --- moving between steps ------------------------------------------------------

    async def show_step(self, index: int) -> None:
        """Switch to a step (mounting its fields on first visit) and focus its first field."""
        self.step_index = index
        self._refresh_step_marks()
        pane = self.query_one(f"#{self._pane_id(index)}", VerticalScroll)
        if index != REVIEW and not pane.children:
            await pane.mount_all(self._make_rows(STEPS[index]))
        self.query_one("#steps", ContentSwitcher).current = pane.id
        self.query_one("#step-list", OptionList).highlighted = index
        progress, hint = self.query_one("#progress", Static), self.query_one("#hint", Static)
        if index == REVIEW:
            progress.update(Content.from_markup("[b]Review[/b] · check your answers, then save"))
            hint.update(
                Content("Empty answers are fine: only company, role, date and rating are required.")
            )
            self._render_review()
            self.set_focus(self.query_one("#next", Button))
        else:
            step = STEPS[index]
            optional = " · optional" if step.optional else ""
            progress.update(
                Content.from_markup(
                    "[b]Step $n of $total[/b] · $title[dim]$optional[/dim]",
                    n=str(index + 1),
                    total=str(len(STEPS)),
                    title=step.title,
                    optional=optional,
                )
            )
            hint.update(Content(step.hint))
            for question in step.questions:
                self._refresh_note(question.key)
            if self._save_refused:
                self._show_errors(step, step_errors(step, self.answers, self.context()))
            self._rows(step)[0].focus_control()
        self._update_nav()
        self._save_draft()

    def _update_nav(self) -> None:
        next_button = self.query_one("#next", Button)
        on_review = self.step_index == REVIEW
        next_button.label = (
            "Save reflection ✔"
            if on_review
            else ("Review ▶" if self.step_index == REVIEW - 1 else "Next ▶")
        )
        next_button.variant = "success" if on_review else "primary"
        self.query_one("#back", Button).disabled = self.step_index == 0
        if not on_review:
            self.query_one("#nav-status", Static).update("")

    async def action_next_step(self) -> None:
        if self.step_index == REVIEW:  # (the last page: "next" never saves by surprise)
            self.app.bell()
            self.notify("This is the last page: Ctrl+S saves the reflection.", timeout=4)
            return
        step = STEPS[self.step_index]
        await self.settled()
        self._take_answers(step)
        errors = step_errors(step, self.answers, self.context())
        self._show_errors(step, errors)
        if errors:
            self.app.bell()
            self._rows(step)[
                [q.key for q in step.questions].index(next(iter(errors)))
            ].focus_control()
            return
        await self.show_step(self.step_index + 1)

    async def action_previous_step(self) -> None:
        if self.step_index > 0:
            await self.settled()
            self._take_current_answers()
            await self.show_step(self.step_index - 1)

    def _take_current_answers(self) -> None:
        """The shown step's answers as its fields hold them (the review page has none)."""
        if self.step_index != REVIEW:
            self._take_answers(STEPS[self.step_index])

    def _take_answers(self, step: Step) -> None:
        """The step's answers as its fields hold them now: a step-changing key is handled
        at once (a priority key), perhaps before the fields' own change messages."""
        for row in self._rows(step):
            if self.answers.get(row.question.key) != row.raw:
                self.answers[row.question.key] = row.raw
                self.keeper.dirty = True

    @on(Button.Pressed, "#next")
    async def _next_pressed(self) -> None:
        """"Next ▶", which the review page labels "Save reflection ✔"."""
        if self.step_index == REVIEW:
            await self.action_save()
        else:
            await self.action_next_step()

    @on(Button.Pressed, "#back")
    async def _back_pressed(self) -> None:
        await self.action_previous_step()

    @on(OptionList.OptionSelected, "#step-list")
    async def _step_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option_index != self.step_index:
            await self.show_step(event.option_index)

    # --- the form keys: Enter moves through the step's fields, then to the next step --------

    def form_fields(self) -> list[Widget]:
        if self.step_index == REVIEW:
            return []
        step = self.query_one(f"#{self._pane_id(self.step_index)}")
        return [widget for widget in step.query("*") if isinstance(widget, FIELDS)]

    async def form_done(self) -> None:
        await self.action_next_step()

    # --- editing -------------------------------------------------------------------

    @on(FieldRow.Edited)
    def _answer_edited(self, event: FieldRow.Edited) -> None:
        if self.answers.get(event.key) == event.raw:
            return
        self.answers[event.key] = event.raw
        self._refresh_note(event.key)
        refused = answer_refusal(event.row.question, event.raw, self.context())
        if refused or event.row.has_class("-invalid"):  # (9/12 is refused as it is typed)
            event.row.show_error(
                answer_errors(self.answers, self.context(), [event.key]).get(event.key)
            )
        self.keeper.dirty = True
        if self._autosave is None:
            self._autosave = self.set_timer(AUTOSAVE_DELAY, self._save_draft)

    def _refresh_note(self, key: str) -> None:
        """Live feedback under a field: the date as understood, or the opportunity matched."""
        question = QUESTIONS[key]
        note = ""
        if key == "interview_at":
            self._refresh_note("reply_by")  # ("in a week" counts from the interview)
        if question.kind in (Kind.WHEN, Kind.DAY):
            note = answer_note(question, self.answers[key], anchored(self.answers, self.context()))
        elif key in ("company", "role"):
            key, note = "role", self._opportunity_note()
        else:
            return
        for row in self.query(f"#row-{key}").results(FieldRow):  # absent until its step mounts
            row.show_note(note)

    def _opportunity_note(self) -> str:
        company, role = (str(self.answers.get(k) or "").strip() for k in ("company", "role"))
        if not company or not role:
            return ""
        existing = self.journal.find_opportunity(company, role)
        if existing is None:
            return "→ a new opportunity"
        others = [r for r in self.journal.rounds(existing.id) if r.id != self.draft.reflection_id]
        if not others:
            return f"→ {existing.title}: its first round"
        return f"→ {existing.title}, with {plural(len(others), 'other round')}"

    def _rows(self, step: Step) -> list[FieldRow]:
        return list(
            self.query_one(f"#{step_pane_id(step)}").query_children(FieldRow).results(FieldRow)
        )

    def _show_errors(self, step: Step, errors: dict[str, str]) -> None:
        for row in self._rows(step):
            row.show_error(errors.get(row.question.key))

    # --- drafts --------------------------------------------------------------------

    def _save_draft(self) -> None:
        """Write the answers to the draft file if anything changed since the last write."""
        self._autosave = None
        if self.saved is None:
            self.keeper.write(self.answers, self.step_index)

    def flush_draft(self) -> str | None:
        """Save pending edits now (called when the app is about to quit); the reason the
        answers are in no file, if they are not.

        The fields are read directly: a signal can arrive after a keystroke has reached
        its field but before the field's message about it has reached this screen.
        """
        for row in self.query(FieldRow):
            if self.answers.get(row.question.key) != row.raw:
                self.answers[row.question.key] = row.raw
                self.keeper.dirty = True
        self._save_draft()
        return self.keeper.unsaved_reason if self.keeper.dirty else None

    def answers_text(self) -> str:
        """The answers as plain text, for a user to keep when no draft could be saved."""
        return answers_as_text(self.answers, self.context())

    def action_leave(self) -> None:
        if self.flush_draft() is not None:
            reason = self.keeper.unsaved_reason or ""
            self.post_message(KeepUnsavedAnswers(reason, self.answers_text()))  # the app asks

            return
        editing = self.journal.reflection(self.draft.reflection_id or "") is not None
        if self.answers == self._pristine or (not editing and is_blank_draft(self.answers)):
            self.keeper.discard()
        else:
            where = "your changes" if editing else "your answers"
            self.notify(
                f"Kept as a draft: n on the home screen picks {where} up again.",
                title="Reflection not saved yet",
            )
        self.dismiss(None)

    def action_scroll_step(self, how: str) -> None:
        pane = self.query_one(f"#{self._pane_id(self.step_index)}", VerticalScroll)
        scroll = {
            "page_down": pane.scroll_page_down,
            "page_up": pane.scroll_page_up,
            "end": pane.scroll_end,
            "home": pane.scroll_home,
        }[how]
        scroll(animate=False)

    # --- review and save -----------------------------------------------------------

    async def action_save(self) -> None:
        if self.step_index != REVIEW:
            await self.settled()
            self._take_current_answers()
            await self.show_step(REVIEW)
            return
        ctx = self.context()
        try:
            parsed = parse_answers(self.answers, ctx)
        except AnswersInvalid as invalid:
            await self._reveal_errors(invalid.errors)
            return
        try:
            reflection = save_reflection(self.journal, parsed, self.draft, ctx.now)
        except JournalError as error:
            kept = (
                "Your answers are kept in the draft."
                if self.flush_draft() is None
                else "Your answers could not be kept in a draft either: keep this window "
                "open, and press Ctrl+Q to copy them or write them to another file."
            )
            self.notify(f"{error} {kept}", severity="error", timeout=15, markup=False)
            return
        self.saved = reflection
        self.dismiss(reflection)

    async def _reveal_errors(self, errors: dict[str, str]) -> None:
        """Jump to the first step that needs attention, with messages at its fields."""
        self._save_refused = True
        first = next(
            i for i, step in enumerate(STEPS) if any(q.key in errors for q in step.questions)
        )
        count = len(errors)
        self.notify(
            f"{plural(count, 'answer')} to fix before saving.",
            severity="warning",
        )
        await self.show_step(first)
        first_bad = next(row for row in self._rows(STEPS[first]) if row.question.key in errors)
        first_bad.focus_control()

    def _render_review(self) -> None:
        review = self.query_one(f"#{self._pane_id(REVIEW)}", ReviewPage)
        errors = review.show(self.answers, self.context())
        status = f"⚠ {len(errors)} to fix" if errors else "Ready to save"
        self.query_one("#nav-status", Static).update(Content(status))
