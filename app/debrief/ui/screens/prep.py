"""Prepare an interview ahead: questions to ask, things to mention, salary, references,
your application; filled in from the earlier rounds until you write your own."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pendulum
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Header, Label, Static, TextArea

from debrief.actions.interviews import delete_interview, keep_preparation
from debrief.interviews import (
    Suggestions,
    interview_title,
    interview_when,
    join_link,
    suggest_prep,
    zone_note,
)
from debrief.model import Interview
from debrief.questionnaire import AnswerContext
from debrief.questions import every_question
from debrief.store.journal import Journal, JournalError
from debrief.ui.screens.form import FormKeys
from debrief.ui.widgets.fields import AnswerArea
from debrief.ui.widgets.footer import KeysFooter

# The prep fields: the Interview field, its label, and the suggestions that fill it.
AREAS: tuple[tuple[str, str, Callable[[Suggestions], list[str]]], ...] = (
    ("prep_questions", "Questions to ask (one per line)", lambda s: s.questions),
    ("prep_mention", "Things to mention", lambda s: s.mention),
    ("prep_salary", "Salary: what was said, what you will ask for", lambda s: s.salary),
    ("prep_references", "References to warn", lambda s: s.references),
)
NOTHING_WEAK = "No question answered badly at this stage yet: q shows every question asked."


class PrepScreen(FormKeys):
    """One interview's preparation; what is typed is kept when the page closes."""

    ENTER = "In a box, a new line (Tab goes to the next); on a button, presses it"

    BINDINGS = [
        # (a priority key, offered only in an empty box with a suggestion: elsewhere → is
        # the text's own, and so is every key typed, which writes your own words)
        Binding(
            "right",
            "take_suggestion",
            "Use the suggestion",
            key_display="→",
            priority=True,
            id="prep.take",
            tooltip="Put the suggestion shown in grey into this box, to edit it",
        ),
        Binding("escape", "close", "Back (kept)", id="prep.back"),
        Binding("ctrl+s", "close", "Save", id="prep.save", show=False),
        # (not Ctrl+E or Ctrl+D: a text area's end of line and delete)
        Binding("ctrl+t", "edit", "Change time, place…", id="prep.edit"),
        Binding("ctrl+r", "delete", "Remove it", id="prep.delete"),
        Binding("ctrl+l", "copy_link", "Copy link", id="prep.copy_link", tooltip="The join link"),
    ]

    def __init__(
        self, journal: Journal, interview_id: str, context: Callable[[], AnswerContext]
    ) -> None:
        super().__init__()
        self.journal = journal
        self.interview_id = interview_id
        self.context = context  # the clock and the user's defaults
        self.shown: dict[str, str] = {}  # each area's text as the page opened

    def clock(self) -> pendulum.DateTime:
        return self.context().now

    @property
    def interview(self) -> Interview | None:
        return self.journal.interview(self.interview_id)

    def compose(self) -> ComposeResult:
        interview = self.interview
        yield Header()
        with VerticalScroll(id="prep"):
            if interview is None:
                yield Static(Content("This interview is no longer in the journal."))
                return
            yield Static(id="prep-title", classes="doc-title")
            yield Static(id="prep-about", classes="doc-subtitle")
            yield Static(id="prep-link", classes="doc-subtitle")
            suggestions = self._suggestions(interview)
            for key, label, suggested in AREAS:
                yield Label(Content(label), classes="field-label")
                # What you wrote, else an empty box that shows the suggestion in grey
                # until you take it (→) or type your own: typing never goes into it.
                text = getattr(interview, key)
                self.shown[key] = text
                yield AnswerArea(  # (drawn again once re-wrapped to a new width)
                    text,
                    id=key,
                    classes="prep-area",
                    placeholder="\n".join(suggested(suggestions)),
                )
            yield Checkbox(
                "I have reread the CV and the application I sent them",
                interview.prep_application_reread,
                id="prep_application_reread",
            )
            yield Label(
                Content("Questions you answered worst at this stage"), classes="field-label"
            )
            weak = "\n".join(f"• {line}" for line in suggestions.weakest) or NOTHING_WEAK
            yield Static(Content(weak), id="prep-weakest")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Done (esc)", id="done", variant="primary")
                yield Button("Change time, place… (ctrl+t)", id="edit")
                yield Button("Remove it (ctrl+r)", id="delete", variant="error")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Prepare"
        self._show_heading()
        areas = self.query(TextArea)
        if areas:
            self.set_focus(areas.first())
            self.call_after_refresh(self._fit_suggestions)
            # (the heading stays in sight: focusing scrolls the first area into view)
            self.call_after_refresh(
                self.query_one("#prep", VerticalScroll).scroll_home, animate=False
            )

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_suggestions)

    def _fit_suggestions(self) -> None:
        """An empty box is as tall as the suggestion it shows (as wrapped), up to its
        most: its height follows its text, not its placeholder."""
        for area in self.query(".prep-area").results(TextArea):
            lines = Content(str(area.placeholder)).wrap(max(1, area.content_size.width))
            tall = len(lines) + 2  # (and its border)
            area.styles.min_height = min(12, max(4, tall)) if not area.text else 4

    def _suggestion_here(self) -> TextArea | None:
        """The focused box, if it is empty and shows a suggestion to take."""
        area = self.focused
        if not isinstance(area, TextArea) or not area.has_class("prep-area"):
            return None
        return area if not area.text and area.placeholder else None

    def action_take_suggestion(self) -> None:
        area = self._suggestion_here()
        if area is None:
            raise SkipAction()  # (→ moves the cursor, as ever)
        area.insert(str(area.placeholder))
        area.move_cursor(area.document.end)

    @on(TextArea.Changed, ".prep-area")
    def _offer_again(self) -> None:
        """→ is offered while the box is empty (again, once cleared)."""
        self.refresh_bindings()
        self._fit_suggestions()

    def _suggestions(self, interview: Interview) -> Suggestions:
        opportunities = {o.id: o for o in self.journal.opportunities()}
        rounds = [
            r
            for r in self.journal.rounds(interview.opportunity_id)
            if r.interview_at < interview.start
        ]
        asked = every_question(self.journal.reflections(), opportunities)
        return suggest_prep(interview, rounds, asked, self.journal.settings().checklist)

    def _show_heading(self) -> None:
        interview = self.interview
        if interview is None:
            return
        opportunity = self.journal.opportunity(interview.opportunity_id)
        self.query_one("#prep-title", Static).update(
            Content.styled(f"Prepare: {interview_title(interview, opportunity)}", "bold")
        )
        minutes = interview.duration_minutes
        now = self.clock()
        note = zone_note(interview, now)
        about = [interview_when(interview, now) + (f" ({note})" if note else "")]
        about += [f"{minutes} min"] if minutes and not interview.time_to_confirm else []
        link = join_link(interview)
        about += [interview.where] if interview.where and not link else []
        people = ", ".join(
            p.name + (f" ({p.title})" if p.title else "") for p in interview.interviewers
        )
        about += [f"with {people}"] if people else []
        if opportunity is not None:
            about += [opportunity.role]
            about += [f"job: {opportunity.link}"] if opportunity.link else []
            if opportunity.recruiter_name:
                about += [f"recruiter: {opportunity.recruiter_name}"]
        self.query_one("#prep-about", Static).update(Content(" · ".join(about)))
        self.query_one("#prep-link", Static).update(
            Content.assemble("Join: ", (link, "underline"), "  (ctrl+l copies it)")
            if link
            else Content("")
        )
        self.query_one("#prep-link", Static).display = bool(link)

    def _typed(self, interview: Interview) -> Interview:
        """The interview with what the user wrote on the page: an area left as it opened
        (the suggestions, or what was kept before) stays as stored, so opening the page
        and leaving it prepares nothing."""
        values: dict[str, Any] = {}
        for key, _, _ in AREAS:
            text = self.query_one(f"#{key}", TextArea).text
            unchanged = text == self.shown.get(key)
            values[key] = getattr(interview, key) if unchanged else text.strip()
        reread = self.query_one("#prep_application_reread", Checkbox).value
        return dataclasses.replace(interview, prep_application_reread=reread, **values)

    def _keep(self) -> bool:
        """Store what is on the page if it changed; False (and said) if it could not be."""
        interview = self.interview
        if interview is None or not self.query(TextArea):
            return True
        typed = self._typed(interview)
        if typed == interview:
            return True
        try:
            keep_preparation(self.journal, typed, self.clock())
        except JournalError as error:
            self.notify(
                f"{error} Your notes are still on this page.", severity="error", markup=False
            )
            return False
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Ctrl+L is offered only for an interview with a join link, → only in an empty
        box with a suggestion."""
        if action == "take_suggestion":
            return self._suggestion_here() is not None
        if action == "copy_link":
            interview = self.interview
            return interview is not None and bool(join_link(interview))
        return True

    def action_copy_link(self) -> None:
        interview = self.interview
        link = join_link(interview) if interview is not None else ""
        if not link:
            self.notify("This interview has no join link.", timeout=4)
            return
        self.app.copy_to_clipboard(link)
        self.notify("The join link is copied.", timeout=4)

    @on(Button.Pressed, "#done")
    def action_close(self) -> None:
        if self._keep():
            self.dismiss()

    @on(Button.Pressed, "#edit")
    def action_edit(self) -> None:
        from debrief.ui.screens.schedule import ScheduleScreen

        interview = self.interview
        if interview is None or not self._keep():
            return

        def changed(result: Interview | None) -> None:
            if result is not None:
                self._show_heading()
                self.notify("The interview is changed.")

        self.app.push_screen(ScheduleScreen(self.journal, self.context, self.interview), changed)

    @on(Button.Pressed, "#delete")
    def action_delete(self) -> None:
        from debrief.ui.screens.dialogs import ConfirmScreen

        interview = self.interview
        if interview is None:
            return
        title = interview_title(interview, self.journal.opportunity(interview.opportunity_id))

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                delete_interview(self.journal, self.interview_id)
            except JournalError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.notify(f"{title} is deleted, with its preparation.", markup=False)
            self.dismiss()

        self.app.push_screen(
            ConfirmScreen(
                f"Delete {title}?", "Its preparation goes with it.", confirm_label="Delete"
            ),
            confirmed,
        )
