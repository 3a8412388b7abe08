"""Schedule an interview ahead (or change one): company and role, when, how long, the
stage and format, where, and who you will meet."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pendulum
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Static

from debrief.actions.interviews import schedule_interview
from debrief.interviews import met_before
from debrief.model import Interview, Interviewer
from debrief.questionnaire import (
    SCHEDULE,
    AnswerContext,
    AnswersInvalid,
    answer_note,
    answer_refusal,
    answers_from_schedule,
    parse_schedule,
)
from debrief.store.journal import Journal, JournalError
from debrief.ui.screens.form import FormKeys
from debrief.ui.widgets.fields import CompanyAndRole, FieldRow
from debrief.ui.widgets.footer import KeysFooter

INTRO = (
    "An interview ahead: Debrief lists it on the home screen with a page to prepare it "
    "(b), and once it is over, reminds you to reflect on it while it is fresh."
)


class ScheduleScreen(FormKeys):
    """The schedule form; dismisses with the interview saved, or None."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="schedule.cancel"),
        Binding("ctrl+s", "save", "Save", id="schedule.save"),
    ]

    def __init__(
        self,
        journal: Journal,
        context: Callable[[], AnswerContext],
        interview: Interview | None = None,
    ) -> None:
        super().__init__()
        self.journal = journal
        self.context = context
        self.interview = interview
        opportunity = journal.opportunity(interview.opportunity_id) if interview else None
        self.answers: dict[str, Any] = answers_from_schedule(interview, opportunity, context())
        self.completions = CompanyAndRole(
            journal.opportunities, lambda: str(self.answers.get("company") or "")
        )

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="schedule"):
            yield Static(Content(INTRO), classes="doc-subtitle")
            for question in SCHEDULE:
                yield FieldRow(
                    question,
                    self.answers[question.key],
                    self.completions.suggester(question.kind),
                    met_before=self._met_before if question.key == "interviewers" else None,
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Change the interview" if self.interview else "Schedule an interview"
        self._refresh_note()
        self.query_one(FieldRow).focus_control()

    def _met_before(self) -> list[Interviewer]:
        company, role = (str(self.answers.get(k) or "") for k in ("company", "role"))
        existing = self.journal.find_opportunity(company, role)
        if existing is None:
            return []
        others = [
            i
            for i in self.journal.interviews()
            if i.opportunity_id == existing.id
            and (self.interview is None or i.id != self.interview.id)
        ]
        return met_before(self.journal.rounds(existing.id), others)

    @on(FieldRow.Edited)
    def _edited(self, event: FieldRow.Edited) -> None:
        self.answers[event.key] = event.raw
        if event.key == "start":
            self._refresh_note()
        refused = answer_refusal(event.row.question, event.raw, self.context())
        if refused or event.row.has_class("-invalid"):  # (9/12 is refused as it is typed)
            event.row.show_error(refused or None)

    def _refresh_note(self) -> None:
        row = self.query_one("#row-start", FieldRow)
        row.show_note(answer_note(row.question, self.answers["start"], self.context()))

    def form_done(self) -> None:
        self.query_one("#save", Button).focus()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        ctx = self.context()
        try:
            parsed = parse_schedule(self.answers, ctx)
        except AnswersInvalid as invalid:
            rows = {row.question.key: row for row in self.query(FieldRow)}
            for key, row in rows.items():
                row.show_error(invalid.errors.get(key))
            rows[next(iter(invalid.errors))].focus_control()
            self.app.bell()
            return
        now = pendulum.instance(ctx.now)
        try:
            interview, _ = schedule_interview(self.journal, parsed, now, self.interview)
        except JournalError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.dismiss(interview)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
