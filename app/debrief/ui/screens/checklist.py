"""Before you leave the interview: the questions the follow-up depends on, and your own."""

from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Label, SelectionList, Static, TextArea

from debrief.actions.settings import save_settings
from debrief.model import Ask
from debrief.store.journal import Journal, JournalError
from debrief.ui.widgets.fields import AnswerArea
from debrief.ui.widgets.footer import KeysFooter

INTRO = "Read this just before you go in. Before you leave, make sure you have:"
WHY = (
    "Why it matters: the answers decide when your thank-you goes out, who it is addressed to, "
    "and when it is polite to check on your status. After the interview, press n: the "
    "questionnaire asks which of these you managed, and the rest become lessons for next time."
)
OWN = "Your own items, one per line (they also join every interview's questions to ask):"


class ChecklistScreen(Screen[None]):
    """A cue card to tick through (the ticks are not kept: the questionnaire records what
    was done), with the user's own items, which are."""

    BINDINGS = [Binding("escape", "close", "Back (kept)", id="checklist.back")]

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal

    def compose(self) -> ComposeResult:
        own = self.journal.settings().checklist
        yield Header()
        with VerticalScroll(id="checklist"):
            yield Static(
                Content.styled("Before you leave the interview", "bold"), classes="doc-title"
            )
            yield Static(Content(INTRO), classes="doc-subtitle")
            items: list[tuple[Content, str]] = [(Content(ask.label), ask.value) for ask in Ask]
            items += [(Content(item), f"own:{n}") for n, item in enumerate(own)]  # (literal)
            yield SelectionList[str](*items, id="asks")
            yield Label(Content(OWN), classes="field-label")
            yield AnswerArea("\n".join(own), id="own-items", classes="prep-area")
            yield Static(Content(WHY), classes="doc-footer")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Before you leave"
        self.query_one("#asks").focus()

    def action_close(self) -> None:
        """Keep the user's own items if they changed, then go back."""
        text = self.query_one("#own-items", TextArea).text
        own = tuple(line.strip() for line in text.splitlines() if line.strip())
        settings = self.journal.settings()
        if own != settings.checklist:
            try:
                save_settings(self.journal, dataclasses.replace(settings, checklist=own))
            except JournalError as error:
                self.notify(f"{error} Your items are still here.", severity="error", markup=False)
                return
            self.notify("Your checklist items are kept.")
        self.dismiss()
