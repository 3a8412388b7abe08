"""Conversations that span several screens and dialogs, each with one job: writing a
reflection and its drafts (`reflecting`), acting on an opportunity (`opportunity`),
interviews ahead (`ahead`), moving data in and out and merging (`moving`); and the pages
opened over a place (`pages`). `requests` says which flow carries out what a screen asks.

A flow sees the app only through `Host`, the little it needs: the journal and the clock,
showing a screen, saying something, redrawing and going to a place. So a flow can be read,
and tested, without the rest of the app; and the app stays a thin shell around them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pendulum
from textual.notifications import SeverityLevel
from textual.screen import Screen, ScreenResultCallbackType

from debrief.store.journal import Journal
from debrief.ui.guard import TypingGuard

if TYPE_CHECKING:
    from debrief.questionnaire import AnswerContext


class Host(Protocol):
    """What a flow needs of the app."""

    journal: Journal
    typing: TypingGuard

    def clock(self) -> pendulum.DateTime: ...

    def answer_context(self) -> AnswerContext: ...

    def show(
        self, screen: Screen[Any], then: ScreenResultCallbackType[Any] | None = None
    ) -> Awaitable[Any]:
        """Push `screen`; `then` gets what it is dismissed with."""
        ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def copy_to_clipboard(self, text: str) -> None: ...

    def save_file(
        self,
        title: str,
        suggested: Path,
        payload: Callable[[], bytes],
        done: str,
        on_saved: Callable[[], object] | None = None,
    ) -> None:
        """Ask for a new file's name and write `payload()` there (never over a file, nor
        one of the journal's own), saying how it went."""
        ...

    def reload_view(self) -> None:
        """Redraw the current screen from the journal."""
        ...

    async def go(self, mode: str) -> None:
        """Switch to a place (a mode: home, journal, trends, compare)."""
        ...

    @property
    def current_mode(self) -> str: ...
