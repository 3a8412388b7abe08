"""Offer an unfinished reflection back: resume it, discard it, or leave it for later."""

from __future__ import annotations

from typing import Literal

import pendulum
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from debrief.model import Draft

Choice = Literal["resume", "discard", "later"]


def describe_draft(draft: Draft, now: pendulum.DateTime) -> str:
    """`Acme — Data Engineer (started 14:02)`, with the day when it was not today."""
    started = pendulum.instance(draft.started_at).in_timezone(now.timezone or "UTC")
    when = (
        started.format("HH:mm")
        if started.date() == now.date()
        else started.format("ddd D MMM, HH:mm")
    )
    return f"{draft.label} (started {when})"


class ResumeDraftScreen(ModalScreen[Choice]):
    """A small dialog; `later_label` says what not resuming means in context."""

    BINDINGS = [
        Binding("r", "choose('resume')", "Resume", id="resume.resume"),
        Binding("d", "choose('discard')", "Discard", id="resume.discard"),
        Binding("escape", "choose('later')", "Not now", id="resume.later"),
    ]

    def __init__(
        self,
        draft: Draft,
        now: pendulum.DateTime,
        *,
        discard_label: str = "Discard it",
        editing: bool = False,
    ) -> None:
        super().__init__()
        self.draft = draft
        self.now = now
        self.discard_label = discard_label
        self.editing = editing

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(
                Content.from_markup("[b]Unfinished reflection[/b]"), classes="dialog-title"
            )
            what = "edit of" if self.editing else "reflection for"
            yield Static(
                Content(f"Resume unfinished {what} {describe_draft(self.draft, self.now)}?")
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Resume (r)", id="resume", variant="primary")
                yield Button(f"{self.discard_label} (d)", id="discard", variant="error")
                yield Button("Not now (esc)", id="later")

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id or "later")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice if choice in ("resume", "discard") else "later")  # type: ignore[arg-type]
