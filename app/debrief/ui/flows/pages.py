"""Pages opened over the current place, one screen each with nothing to carry back: your
profile, the before-you-leave card, the follow-ups behind you, the question bank. Each
screen's module is loaded when it is first opened, not at start."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from debrief.ui.flows import Host


class Pages:
    def __init__(self, host: Host) -> None:
        self.host = host

    def open(self, page: str) -> None:
        """Show `page`: the name a key or the palette runs `app.open` with."""
        self.host.show(self._build(page))

    def _build(self, page: str) -> Screen[Any]:
        journal = self.host.journal
        match page:
            case "profile":
                from debrief.ui.screens.profile import ProfileScreen

                return ProfileScreen(journal)
            case "checklist":
                from debrief.ui.screens.checklist import ChecklistScreen

                return ChecklistScreen(journal)
            case "history":
                from debrief.ui.screens.history import HistoryScreen

                return HistoryScreen(journal, self.host.clock, typing=self.host.typing)
            case "question_bank":
                from debrief.ui.screens.question_bank import QuestionBankScreen

                return QuestionBankScreen(journal)
        raise ValueError(f"No page named {page!r}")
