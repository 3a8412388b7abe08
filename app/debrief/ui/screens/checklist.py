"""Before you leave the interview: the questions the follow-up depends on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, SelectionList, Static

from debrief.model import Ask
from debrief.ui.widgets.footer import KeysFooter

INTRO = "Read this just before you go in. Before you leave, make sure you have:"
WHY = (
    "Why it matters: the answers decide when your thank-you goes out, who it is addressed to, "
    "and when it is polite to check on your status. After the interview, press n: the "
    "questionnaire asks which of these you managed, and the rest become lessons for next time."
)


class ChecklistScreen(Screen[None]):
    """A cue card to tick through; nothing here is saved (the questionnaire records it)."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="checklist.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="checklist"):
            yield Static(
                Content.styled("Before you leave the interview", "bold"), classes="doc-title"
            )
            yield Static(Content(INTRO), classes="doc-subtitle")
            yield SelectionList[str](*[(ask.label, ask.value) for ask in Ask], id="asks")
            yield Static(Content(WHY), classes="doc-footer")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Before you leave"
        self.query_one("#asks").focus()
