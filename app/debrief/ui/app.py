"""The Debrief application: screens, global keys and the command palette.

`make_app` is the one way to build it; the CLI, the Pilot tests, the snapshot tests and
the screenshot script all call it, each with its own journal (and clock, in tests).

Each top-level place (home, journal) is a Textual *mode* with its own screen stack, so
jumping to the journal from a half-written questionnaire leaves the questionnaire
exactly where it was.
"""

from __future__ import annotations

import asyncio
import dataclasses
import signal
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pendulum
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from debrief.dates import format_day, plural
from debrief.model import Draft, Reflection, Status, new_id
from debrief.questionnaire import AnswerContext, answers_from_reflection
from debrief.store.journal import Journal, JournalError
from debrief.ui.screens.home import HomeScreen
from debrief.ui.screens.view import JournalView

if TYPE_CHECKING:
    from debrief.ui.screens.reflect import ReflectScreen
    from debrief.ui.screens.resume import Choice

Clock = Callable[[], pendulum.DateTime]
HOME, JOURNAL, TRENDS, COMPARE = "home", "journal", "trends", "compare"


class DebriefApp(App[None]):
    """A journal of interview reflections, one screen per job to be done."""

    CSS_PATH = "app.tcss"
    TITLE = "Debrief"
    DEFAULT_MODE = HOME
    BINDINGS = [
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            id="app.quit",
            priority=True,
            tooltip="Quit; an unfinished reflection is kept as a draft",
        ),
        Binding(
            "f2", "go('home')", "Home", id="app.home", priority=True, tooltip="The home screen"
        ),
        Binding(
            "f3",
            "go('journal')",
            "Journal",
            id="app.journal",
            priority=True,
            tooltip="Browse and search every reflection",
        ),
        Binding(
            "f4",
            "go('trends')",
            "Trends",
            id="app.trends",
            priority=True,
            tooltip="How your interviews go over time",
        ),
        Binding(
            "f5",
            "go('compare')",
            "Compare",
            id="app.compare",
            priority=True,
            tooltip="Opportunities side by side, and a weighted decision",
        ),
    ]

    def __init__(
        self, journal: Journal, *, clock: Clock | None = None, handle_signals: bool = False
    ) -> None:
        super().__init__()
        self.journal = journal
        self.clock: Clock = clock or self._now_in_users_zone
        self._handle_signals = handle_signals
        self._questionnaire: tuple[str, ReflectScreen] | None = None  # (mode, screen) being written
        self.add_mode(HOME, lambda: HomeScreen(self.journal, self.clock))
        self.add_mode(JOURNAL, self._journal_screen)
        self.add_mode(TRENDS, self._trends_screen)
        self.add_mode(COMPARE, self._compare_screen)

    def _now_in_users_zone(self) -> pendulum.DateTime:
        zone = self.journal.settings().timezone
        return pendulum.now(zone) if zone else pendulum.now()

    def _journal_screen(self) -> Screen[None]:
        from debrief.ui.screens.journal import JournalScreen  # loaded when first opened

        return JournalScreen(self.journal, self.clock)

    def _trends_screen(self) -> Screen[None]:
        from debrief.ui.screens.trends import TrendsScreen  # loaded when first opened

        return TrendsScreen(self.journal, self.clock)

    def _compare_screen(self) -> Screen[None]:
        from debrief.ui.screens.compare import CompareScreen  # loaded when first opened

        return CompareScreen(self.journal, self.clock)

    async def search_journal(self, text: str) -> None:
        """Show the journal searched for `text` (e.g. a weak spot from the trends)."""
        from debrief.ui.screens.journal import JournalScreen

        await self.action_go(JOURNAL)
        screen = self.screen_stack[0] if self.screen_stack else self.screen
        if isinstance(screen, JournalScreen):
            screen.search_for(text)

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

    async def action_go(self, mode: str) -> None:
        if self.current_mode != mode:
            await self.switch_mode(mode)

    # --- writing reflections -------------------------------------------------------

    async def action_new_reflection(self) -> None:
        if await self._back_to_open_questionnaire():
            return
        drafts = [
            d
            for d in self.journal.drafts()
            if self.journal.reflection(d.reflection_id or "") is None
        ]
        if not drafts:
            await self.open_questionnaire(self._new_draft())
            return
        self._ask_about_draft(
            drafts[0], discard_label="Discard it, start afresh", on_discard=self._start_afresh
        )

    async def edit_reflection(self, reflection_id: str) -> None:
        """Reopen the questionnaire on a saved reflection (offering an unsaved edit back first)."""
        if await self._back_to_open_questionnaire():
            return
        pending = [d for d in self.journal.drafts() if d.reflection_id == reflection_id]
        if pending:
            self._ask_about_draft(
                pending[0], discard_label="Discard those changes", on_discard=None
            )
            return
        reflection = self.journal.reflection(reflection_id)
        opportunity = self.journal.opportunity(reflection.opportunity_id) if reflection else None
        if reflection is None or opportunity is None:
            return
        context = self.answer_context()
        answers = answers_from_reflection(reflection, opportunity, context)
        draft = Draft(
            answers=answers,
            started_at=context.now,
            updated_at=context.now,
            reflection_id=reflection_id,
        )
        await self.open_questionnaire(draft, fresh=True)

    async def _back_to_open_questionnaire(self) -> bool:
        """One questionnaire at a time: if one is open, go back to it instead."""
        if self._questionnaire is None:
            return False
        mode, _ = self._questionnaire
        await self.action_go(mode)
        self.notify(
            "You are already writing a reflection: here it is. Esc closes it (the draft is kept)."
        )
        return True

    def _offer_unfinished_draft(self) -> None:
        drafts = self.journal.drafts()
        if drafts:
            self._ask_about_draft(drafts[0], discard_label="Discard it", on_discard=None)

    def _ask_about_draft(
        self, draft: Draft, *, discard_label: str, on_discard: Callable[[], object] | None
    ) -> None:
        from debrief.ui.screens.resume import ResumeDraftScreen

        async def decided(choice: Choice | None) -> None:
            if choice == "resume":
                await self.open_questionnaire(draft)
            elif choice == "discard":
                self.journal.discard_draft(draft.id)
                if on_discard is None:
                    self.notify("Draft discarded.")
                else:
                    await self._call(on_discard)

        editing = self.journal.reflection(draft.reflection_id or "") is not None
        self.push_screen(
            ResumeDraftScreen(draft, self.clock(), discard_label=discard_label, editing=editing),
            callback=decided,
        )

    async def _call(self, callback: Callable[[], object]) -> None:
        result = callback()
        if asyncio.iscoroutine(result):
            await result

    async def _start_afresh(self) -> None:
        await self.open_questionnaire(self._new_draft())

    def _new_draft(self) -> Draft:
        context = self.answer_context()
        return Draft(
            answers={}, started_at=context.now, updated_at=context.now, reflection_id=new_id()
        )

    async def open_questionnaire(self, draft: Draft, *, fresh: bool = False) -> None:
        """Push the questionnaire and wait until it is mounted, so no keystroke goes astray."""
        from debrief.ui.screens.reflect import ReflectScreen  # loaded when first needed

        editing = self.journal.reflection(draft.reflection_id or "") is not None
        screen = ReflectScreen(
            self.journal, draft, self.answer_context, fresh=fresh or not draft.answers
        )
        self._questionnaire = (self.current_mode, screen)

        def done(reflection: Reflection | None) -> None:
            self._questionnaire = None
            if reflection is not None:
                self._announce_saved(reflection, editing=editing)

        await self.push_screen(screen, callback=done)

    def _announce_saved(self, reflection: Reflection, *, editing: bool) -> None:
        opportunity = self.journal.opportunity(reflection.opportunity_id)
        title = opportunity.title if opportunity else "your interview"
        if editing:
            self.notify(
                f"{title}: your changes are saved.", title="Reflection updated", markup=False
            )
            return
        rounds = len(self.journal.rounds(reflection.opportunity_id))
        self.notify(
            f"{title}, round {rounds}. Well done for writing it down.",
            title="Reflection saved",
            markup=False,
        )

    def action_profile(self) -> None:
        from debrief.ui.screens.profile import ProfileScreen

        self.push_screen(ProfileScreen(self.journal))

    def action_checklist(self) -> None:
        from debrief.ui.screens.checklist import ChecklistScreen

        self.push_screen(ChecklistScreen())

    # --- status, delete, undo ------------------------------------------------------

    def change_status(self, reflection_id: str) -> None:
        """Pick a new status for the reflection's opportunity (all its rounds show it)."""
        from debrief.ui.screens.dialogs import ChoiceScreen

        reflection = self.journal.reflection(reflection_id)
        opportunity = self.journal.opportunity(reflection.opportunity_id) if reflection else None
        if opportunity is None:
            return

        def chosen(value: str | None) -> None:
            if value is None or value == opportunity.status.value:
                return
            changed = dataclasses.replace(
                opportunity, status=Status(value), updated_at=self.clock()
            )
            try:
                self.journal.save_opportunity(changed)
            except JournalError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            rounds = plural(len(self.journal.rounds(opportunity.id)), "round")
            self.notify(
                f"{opportunity.title}: “{changed.status.label}”, shown on its {rounds}.",
                title="Status changed",
                markup=False,
            )

        choices = [(status.value, status.label) for status in Status]
        self.push_screen(
            ChoiceScreen(f"Status of {opportunity.title}", choices, opportunity.status.value),
            callback=chosen,
        )

    def delete_reflection(self, reflection_id: str) -> None:
        """Ask first; once deleted, `u` (or the palette's Undo delete) brings it back."""
        from debrief.ui.screens.dialogs import ConfirmScreen

        reflection = self.journal.reflection(reflection_id)
        opportunity = self.journal.opportunity(reflection.opportunity_id) if reflection else None
        if reflection is None or opportunity is None:
            return
        what = f"{opportunity.title}, {format_day(reflection.interview_at)}"

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.journal.delete_reflection(reflection_id, now=self.clock())
            except JournalError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            # The screen underneath redraws itself when the dialog closes (a detail view
            # of the deleted reflection closes itself).
            self.notify(
                f"{what}. Press u in the journal to undo.",
                title="Reflection deleted",
                timeout=10,
                markup=False,
            )

        message = f"Delete your reflection on {what}? You can undo this until you quit."
        self.push_screen(
            ConfirmScreen("Delete reflection", message, confirm_label="Delete"), callback=confirmed
        )

    def undo_delete(self) -> None:
        deleted = self.journal.in_trash()
        if not deleted:
            self.notify("Nothing to undo.")
            return
        try:
            self.journal.restore_reflection(deleted[-1])
        except JournalError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self._reload_view()
        self.notify("The reflection is back.", title="Delete undone")

    def _reload_view(self) -> None:
        if isinstance(self.screen, JournalView):
            self.screen.reload()
        self.screen.refresh_bindings()

    # --- quitting without losing a word -------------------------------------------

    def flush_drafts(self) -> None:
        if self._questionnaire is not None:
            self._questionnaire[1].flush_draft()

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
        yield SystemCommand(
            "Journal",
            "Browse, search and edit every reflection (F3)",
            lambda: self.action_go(JOURNAL),
        )
        yield SystemCommand(
            "Home", "The home screen and what to follow up (F2)", lambda: self.action_go(HOME)
        )
        yield SystemCommand(
            "Profile", "Your name and contact details, used to sign drafts (p)", self.action_profile
        )
        yield SystemCommand(
            "Before you leave", "What to ask before leaving an interview (b)", self.action_checklist
        )
        if self.journal.in_trash():
            yield SystemCommand(
                "Undo delete", "Bring back the reflection you just deleted (u)", self.undo_delete
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
