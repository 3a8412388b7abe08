"""Your profile: the name and contact details that sign every draft, and your defaults."""

from __future__ import annotations

import dataclasses
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Input, Label, Select, Static

from debrief.actions.settings import save_settings
from debrief.model import ModelError, Money, Period, Settings
from debrief.questionnaire import AnswerError, parse_amount
from debrief.store.journal import Journal, JournalError
from debrief.ui.guard import opening_an_edit
from debrief.ui.screens.form import FormKeys
from debrief.ui.widgets.footer import KeysFooter

FIELDS = (
    ("name", "Your name", "Alex Morgan"),
    ("email", "Email", "alex@example.com"),
    ("phone", "Phone", "+44 20 7946 0000"),
    ("linkedin", "LinkedIn", "https://www.linkedin.com/in/…"),
    ("default_currency", "Default currency (ISO code)", "EUR"),
    ("timezone", "Time zone (empty: this computer's)", "Europe/Berlin"),
    ("current_company", "Current employer (the baseline when comparing)", "Initrode"),
    ("current_role", "Current role", "Software Engineer"),
    ("current_pay", "Current pay, in your default currency", "72000"),
    ("current_notes", "What you like and dislike about it now", "stable, but little growth"),
)
PAY_PERIODS = [(period.label, period.value) for period in Period]


class ProfileScreen(FormKeys):
    """Edits the journal's settings; a bad value gets a message at its field. Enter moves
    to the next field (past the last, to the Save button); Ctrl+S saves."""

    BINDINGS = [
        Binding("escape", "dismiss", "Cancel", id="profile.cancel"),
        Binding("ctrl+s", "save", "Save", id="profile.save"),
    ]

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal

    def compose(self) -> ComposeResult:
        settings = self.journal.settings()
        yield Header()
        with VerticalScroll(id="profile"):
            yield Static(
                Content("Drafts are signed with these details. They stay in your journal file."),
                classes="doc-subtitle",
            )
            for key, label, placeholder in FIELDS:
                yield Label(label, classes="field-label")
                value = self._shown(settings, key)
                yield Input(value, placeholder=placeholder, id=f"profile-{key}")
                if key == "current_pay":
                    period = settings.current_pay.period.value if settings.current_pay else "year"
                    yield Select(
                        PAY_PERIODS, value=period, allow_blank=False, id="profile-pay-period"
                    )
                yield Static(id=f"error-{key}", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")
        yield KeysFooter()

    @staticmethod
    def _shown(settings: Settings, key: str) -> str:
        if key == "current_pay":
            return str(settings.current_pay.amount) if settings.current_pay else ""
        return str(getattr(settings, key))

    def on_mount(self) -> None:
        self.title = "Profile"
        name = self.query_one("#profile-name", Input)
        name.focus()
        opening_an_edit(self.app, name)  # (`p p` must not type "p" after your name)

    def form_done(self) -> None:
        self.query_one("#save", Button).focus()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        for key, _, _ in FIELDS:
            self.query_one(f"#error-{key}").display = False
        values: dict[str, Any] = {
            key: self.query_one(f"#profile-{key}", Input).value.strip() for key, _, _ in FIELDS
        }
        pay_text = values.pop("current_pay")
        try:
            pay = self._pay(pay_text, values["default_currency"])
            # (over what is stored: the theme and the checklist are kept)
            settings = dataclasses.replace(self.journal.settings(), current_pay=pay, **values)
        except ModelError as error:
            field = (
                error.field
                if error.field in values or error.field == "current_pay"
                else "default_currency"
            )
            message = self.query_one(f"#error-{field}", Static)
            message.update(Content(f"⚠ {error.message}"))
            message.display = True
            self.query_one(f"#profile-{field}", Input).focus()
            return
        try:
            save_settings(self.journal, settings)
        except JournalError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify("Your profile is saved.", title="Profile")
        self.dismiss()

    def _pay(self, text: str, currency: str) -> Money | None:
        if not text:
            return None
        try:
            amount = parse_amount(text)
        except AnswerError as error:
            raise ModelError("current_pay", str(error)) from None
        period = Period(str(self.query_one("#profile-pay-period", Select).value))
        return Money(amount, currency or "USD", period)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss()
