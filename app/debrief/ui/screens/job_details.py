"""An opportunity's details beside its rounds: where, the posting, and the recruiter."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from debrief.model import ModelError, Opportunity
from debrief.ui.guard import opening_an_edit
from debrief.ui.screens.form import FormKeys

FIELDS = (
    ("location", "Location", "Berlin, hybrid"),
    ("link", "Job posting", "https://globex.example/jobs/42"),
    ("recruiter_name", "Recruiter", "Mo Salah"),
    ("recruiter_email", "Recruiter's email", "mo@globex.example"),
    ("recruiter_phone", "Recruiter's phone", "+49 30 1234567"),
)


class JobDetailsScreen(FormKeys, ModalScreen[Opportunity | None]):
    """Edits an opportunity's details; dismisses with it changed, or None. The recruiter
    is offered as a recipient for status checks."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="job.cancel"),
        Binding("ctrl+s", "save", "Save", id="job.save"),
    ]

    def __init__(self, opportunity: Opportunity, now: datetime) -> None:
        super().__init__(classes="dialog-screen")
        self.opportunity = opportunity
        self.now = now

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog", classes="job-details"):
            yield Static(
                Content.styled(f"{self.opportunity.title}: details", "bold"),
                classes="dialog-title",
            )
            for key, label, placeholder in FIELDS:  # (a line each: all of it fits 80×24)
                with Horizontal(classes="job-row"):
                    yield Label(Content(label))
                    yield Input(
                        getattr(self.opportunity, key),
                        placeholder=placeholder,
                        id=f"job-{key}",
                        compact=True,
                    )
            yield Static(id="job-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        first = self.query_one(Input)
        first.focus()
        opening_an_edit(self.app, first)  # (`i i` must not type "i" after the location)

    def form_done(self) -> None:
        self.query_one("#save", Button).focus()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        values: dict[str, Any] = {
            key: self.query_one(f"#job-{key}", Input).value.strip() for key, _, _ in FIELDS
        }
        if all(getattr(self.opportunity, key) == value for key, value in values.items()):
            self.dismiss(None)  # (nothing changed: nothing to write)
            return
        try:
            changed = dataclasses.replace(self.opportunity, **values, updated_at=self.now)
        except ModelError as error:
            message = self.query_one("#job-error", Static)
            message.update(Content(f"⚠ {error.message}"))
            message.display = True
            culprit = self.query(f"#job-{error.field}")
            if culprit:
                culprit.first().focus()
            return
        self.dismiss(changed)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
