"""The Debrief application: screens, global keys and the command palette.

`make_app` is the one way to build it; the CLI, the Pilot tests, the snapshot tests and
the screenshot script all call it, each with its own journal (and clock, in tests).
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pendulum
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from debrief.model import Draft, Reflection, new_id
from debrief.questionnaire import AnswerContext
from debrief.store.journal import Journal
from debrief.ui.screens.home import HomeScreen

if TYPE_CHECKING:
    from debrief.ui.screens.reflect import ReflectScreen
    from debrief.ui.screens.resume import Choice

Clock = Callable[[], pendulum.DateTime]


class DebriefApp(App[None]):
    """A journal of interview reflections, one screen per job to be done."""

    CSS_PATH = "app.tcss"
    TITLE = "Debrief"
    BINDINGS = [
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            id="app.quit",
            priority=True,
            tooltip="Quit; an unfinished reflection is kept as a draft",
        ),
    ]

    def __init__(
        self, journal: Journal, *, clock: Clock | None = None, handle_signals: bool = False
    ) -> None:
        super().__init__()
        self.journal = journal
        self.clock: Clock = clock or pendulum.now
        self._handle_signals = handle_signals

    def get_default_screen(self) -> Screen[None]:
        return HomeScreen(self.journal, self.clock)

    def on_mount(self) -> None:
        if self._handle_signals:
            loop = asyncio.get_running_loop()
            for number in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(number, self._terminate)
        self.call_after_refresh(self._offer_unfinished_draft)

    def answer_context(self) -> AnswerContext:
        return AnswerContext(
            now=self.clock(), default_currency=self.journal.settings().default_currency
        )

    # --- reflections ---------------------------------------------------------------

    async def action_new_reflection(self) -> None:
        if self._open_questionnaires():
            self.notify(
                "Finish or close (Esc) the reflection you are writing first.", severity="warning"
            )
            return
        drafts = self.journal.drafts()
        if not drafts:
            await self.open_questionnaire(self._new_draft())
            return
        self._ask_about_draft(
            drafts[0], discard_label="Discard it, start afresh", start_afresh=True
        )

    def _offer_unfinished_draft(self) -> None:
        drafts = self.journal.drafts()
        if drafts:
            self._ask_about_draft(drafts[0], discard_label="Discard it", start_afresh=False)

    def _ask_about_draft(self, draft: Draft, *, discard_label: str, start_afresh: bool) -> None:
        from debrief.ui.screens.resume import ResumeDraftScreen

        async def decided(choice: Choice | None) -> None:
            if choice == "resume":
                await self.open_questionnaire(draft)
            elif choice == "discard":
                self.journal.discard_draft(draft.id)
                if start_afresh:
                    await self.open_questionnaire(self._new_draft())
                else:
                    self.notify("Draft discarded.")

        self.push_screen(
            ResumeDraftScreen(draft, self.clock(), discard_label=discard_label), callback=decided
        )

    def _new_draft(self) -> Draft:
        context = self.answer_context()
        return Draft(
            answers={}, started_at=context.now, updated_at=context.now, reflection_id=new_id()
        )

    async def open_questionnaire(self, draft: Draft) -> None:
        """Push the questionnaire and wait until it is mounted, so no keystroke goes astray."""
        from debrief.ui.screens.reflect import ReflectScreen  # loaded when first needed

        await self.push_screen(
            ReflectScreen(self.journal, draft, self.answer_context), callback=self._reflection_done
        )

    def _reflection_done(self, reflection: Reflection | None) -> None:
        if reflection is None:
            return
        opportunity = self.journal.opportunity(reflection.opportunity_id)
        rounds = sum(
            1 for r in self.journal.reflections() if r.opportunity_id == reflection.opportunity_id
        )
        title = opportunity.title if opportunity else "your interview"
        self.notify(
            f"{title}, round {rounds}. Well done for writing it down.",
            title="Reflection saved",
            markup=False,
        )

    # --- quitting without losing a word -------------------------------------------

    def _open_questionnaires(self) -> list[ReflectScreen]:
        from debrief.ui.screens.reflect import ReflectScreen

        return [screen for screen in self.screen_stack if isinstance(screen, ReflectScreen)]

    def flush_drafts(self) -> None:
        for screen in self._open_questionnaires():
            screen.flush_draft()

    async def action_quit(self) -> None:
        self.flush_drafts()
        self.exit()

    def _terminate(self) -> None:
        """SIGTERM, or SIGHUP from a closed terminal: keep the draft, then exit."""
        self.flush_drafts()
        self.exit()

    # --- command palette -----------------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "New reflection", "Reflect on an interview you just had (n)", self.action_new_reflection
        )
        yield from super().get_system_commands(screen)


def make_app(
    journal: Journal, *, clock: Clock | None = None, handle_signals: bool = False
) -> DebriefApp:
    """Build the app on a journal; the one factory the CLI and the tests share."""
    return DebriefApp(journal, clock=clock, handle_signals=handle_signals)


def make_app_on_file(path: str | Path, *, clock: Clock | None = None) -> DebriefApp:
    """Open (or create) the journal at `path` and build the app on it."""
    return make_app(Journal.open(path), clock=clock)
