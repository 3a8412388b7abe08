"""The Debrief application: places (modes), global keys, start-up, following the journal
file, theme and keys, quitting; the work itself is in the flows (ui/flows/), the palette
in ui/commands.py.

`make_app` is the one way to build it; the CLI, the Pilot tests, the snapshot tests and
the screenshot script all call it, each with its own journal (and clock, in tests).

Each top-level place (home, journal) is a Textual *mode* with its own screen stack, so
jumping to the journal from a half-written questionnaire leaves the questionnaire
exactly where it was.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pendulum
from textual import events, on
from textual.app import App, ScreenStackError, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.filter import LineFilter
from textual.screen import ModalScreen, Screen, ScreenResultCallbackType

from debrief.actions.settings import remember_theme
from debrief.dates import Clock
from debrief.store.journal import Journal, JournalError
from debrief.ui import messages
from debrief.ui.commands import DebriefCommands
from debrief.ui.flows.requests import Flows
from debrief.ui.guard import TypingGuard, held_back, typed_ahead
from debrief.ui.keymap import KeymapError, read_keymap, refuse_taken
from debrief.ui.leaving import LeaveOnSignal
from debrief.ui.safety import VisibleControlCharacters
from debrief.ui.screens.home import HomeScreen
from debrief.ui.screens.view import JournalView

if TYPE_CHECKING:
    from debrief.questionnaire import AnswerContext

HOME, JOURNAL, TRENDS, COMPARE = "home", "journal", "trends", "compare"
FOLLOW_EVERY_SECONDS = 2.0  # how often to look whether another process changed the journal
KEYS_IN_FLIGHT_SECONDS = 0.2  # Textual reads the terminal every 0.1 s: what was typed is in
# Textual's palette entries that ours make redundant ("Keys": F1 shows every key).
TEXTUAL_COMMANDS_LEFT_OUT = frozenset({"Keys"})


class DebriefApp(App[None]):
    """A journal of interview reflections, one screen per job to be done."""

    CSS_PATH = "app.tcss"
    TITLE = "Debrief"
    DEFAULT_MODE = HOME
    # Screens get `-narrow` below 100 columns (the stylesheet folds side panels away)
    # and `-short` below 30 rows.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    COMMANDS = App.COMMANDS | {DebriefCommands}
    BINDINGS = [
        Binding(
            "f1", "help", "Help", id="app.help", priority=True, tooltip="The keys of this screen"
        ),
        Binding(
            "question_mark",
            "help",
            "Help",
            id="app.help_key",
            show=False,
            tooltip="The keys of this screen",
        ),
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
        Binding(
            "f6",
            "open('profile')",
            "Profile",
            id="app.profile",
            priority=True,
            show=False,
            tooltip="Your name and contact details: drafts are signed with them",
        ),
    ]

    def __init__(
        self,
        journal: Journal,
        *,
        clock: Clock | None = None,
        handle_signals: bool = False,
        keymap_path: Path | None = None,
    ) -> None:
        super().__init__()
        self._visible_controls = VisibleControlCharacters()
        self.keymap_path = keymap_path
        self.journal = journal
        self.clock: Clock = clock or self._now_in_users_zone
        self._handle_signals = handle_signals
        self._leaving: LeaveOnSignal | None = None
        self._quit_warned: str | None = None  # what the last Ctrl+Q said it would lose
        self._followed_revision = -1  # the journal revision last drawn (follow_journal)
        self._follow_problem = ""  # the last journal problem reported, said only once
        self.typing = TypingGuard()  # when the current run of keys began (see guard.py)
        self.keymap: dict[str, str] = {}  # binding id -> keys, as keys.toml remapped them
        self.flows = Flows(self)
        # Keys remapped before any screen is built, so the first footer shows them.
        self._keymap_problem = self._load_keymap()
        self.add_mode(HOME, lambda: HomeScreen(self.journal, self.clock, self.typing))
        self.add_mode(JOURNAL, self._journal_screen)
        self.add_mode(TRENDS, self._trends_screen)
        self.add_mode(COMPARE, self._compare_screen)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.typing.saw_key(event.key)  # (every key, whichever widget then takes it)
            if typed_ahead(self.typing, event, self.focused, self.notify):
                return  # (`e e`: the second e is not typed into the edit the first opened)
        await super().on_event(event)

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*super().get_line_filters(), self._visible_controls]

    def _now_in_users_zone(self) -> pendulum.DateTime:
        zone = self.journal.settings().timezone
        return pendulum.now(zone) if zone else pendulum.now()

    # --- places ------------------------------------------------------------------------

    def _journal_screen(self) -> Screen[None]:
        from debrief.ui.screens.journal import JournalScreen  # loaded when first opened

        return JournalScreen(self.journal, self.clock, self.typing)

    def _trends_screen(self) -> Screen[None]:
        from debrief.ui.screens.trends import TrendsScreen  # loaded when first opened

        return TrendsScreen(self.journal, self.clock)

    def _compare_screen(self) -> Screen[None]:
        from debrief.ui.screens.compare import CompareScreen  # loaded when first opened

        return CompareScreen(self.journal, self.clock)

    async def action_go(self, mode: str) -> None:
        await self.go(mode)

    async def go(self, mode: str) -> None:
        """To a place's own screen: F2 is home even when history, a reflection or the
        question bank was opened over it. A page being written in (a form, a draft) stays:
        its Esc keeps what was typed."""
        if self.current_mode != mode:
            await self._close_palette()
            await self.switch_mode(mode)
        while len(self.screen_stack) > 1 and getattr(self.screen, "SHOWS_ONLY", False):
            await self.pop_screen()
        if len(self.screen_stack) > 1 and not isinstance(self.screen, ModalScreen):
            self.notify("Esc leaves this page first (what you typed is kept).", timeout=3)

    async def _close_palette(self) -> None:
        """A palette is only ever on top: an F-key that leaves it (for another mode, or
        the profile over it) closes it. Left open under them, it clashed with the one
        Ctrl+P opens in another mode (both have Textual's one id: DuplicateIds)."""
        if isinstance(self.screen, CommandPalette):
            await self.pop_screen()

    @on(messages.ShowInterviews)
    async def show_interviews(self, message: messages.ShowInterviews) -> None:
        """Show the journal narrowed to exactly some reflections (a weak spot's)."""
        from debrief.ui.screens.journal import JournalScreen

        await self.go(JOURNAL)
        screen = self.screen_stack[0] if self.screen_stack else self.screen
        if isinstance(screen, JournalScreen):
            screen.show_only(message.reflection_ids, message.label)

    # --- what the flows need of the app (flows.Host) --------------------------------------

    def answer_context(self) -> AnswerContext:
        from debrief.questionnaire import AnswerContext  # with the questionnaire, not at start

        return AnswerContext(
            now=self.clock(), default_currency=self.journal.settings().default_currency
        )

    def show(
        self, screen: Screen[Any], then: ScreenResultCallbackType[Any] | None = None
    ) -> Awaitable[Any]:
        return self.push_screen(screen, callback=then)

    def save_file(
        self,
        title: str,
        suggested: Path,
        payload: Callable[[], bytes],
        done: str,
        on_saved: Callable[[], object] | None = None,
    ) -> None:
        from debrief.ui.screens.dialogs import save_to_new_file

        save_to_new_file(self, title, suggested, payload, done, on_saved, journal=self.journal)

    def reload_view(self) -> None:
        if isinstance(self.screen, JournalView):
            self.screen.reload()
        self.screen.refresh_bindings()

    # --- start-up and following the file -------------------------------------------------

    def on_mount(self) -> None:
        self._restore_theme()
        if self._keymap_problem:
            self.notify(
                self._keymap_problem,
                title="Not every key setting was used",
                severity="warning",
                markup=False,
                timeout=10,
            )
        for notice in self.journal.notices:  # (what opening the journal had to do)
            self.notify(
                notice, title="Drafts set aside", severity="warning", markup=False, timeout=30
            )
        if self._handle_signals:
            self._leaving = LeaveOnSignal(self._terminate, asyncio.get_running_loop())
            self._leaving.install()
        self.call_after_refresh(self._first_frame_drawn)
        self._followed_revision = self.journal.revision
        self.set_interval(FOLLOW_EVERY_SECONDS, self.follow_journal)

    def _first_frame_drawn(self) -> None:
        if not gc.isenabled():  # (`debrief` turns the collector off for start-up)
            gc.freeze()  # what start-up built lives as long as the app: out of its sight
            gc.enable()
        self.flows.moving.merge_at_start(then=self.flows.reflecting.offer_unfinished_draft)

    def follow_journal(self) -> None:
        """Redraw the screen if the journal changed: another window or a shell command
        (`debrief import`) may have written it. Costs two `stat` calls when nothing did."""
        try:
            self.journal.refresh()
        except JournalError as error:  # damaged elsewhere: keep showing what we have, say so
            self._report_follow_problem(str(error), title="The journal changed on disk")
            return
        self._follow_problem = ""  # all is well again: a new problem is news
        revision = self.journal.revision
        if revision == self._followed_revision:
            return
        self._followed_revision = revision
        try:
            screen = self.screen
        except ScreenStackError:
            return  # the app is closing (a last tick of the timer)
        # (A screen still mounting draws the journal as it is when it mounts: redrawn
        # half-built, F4's company list crashed.)
        if isinstance(screen, JournalView) and screen.is_mounted:
            screen.reload()

    def _report_follow_problem(self, message: str, *, title: str) -> None:
        """Say once (not every two seconds) why the journal can't be used as it is now."""
        if message != self._follow_problem:
            self._follow_problem = message
            self.notify(message, title=title, severity="error", markup=False, timeout=60)

    def on_app_focus(self) -> None:
        self.follow_journal()  # back from another window: show what it did at once

    # --- preferences: theme and keys -----------------------------------------------------

    def _restore_theme(self) -> None:
        saved = self.journal.settings().theme
        if saved in self.available_themes:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: object) -> None:
        try:
            remember_theme(self.journal, self.theme)
        except JournalError as error:
            self.notify(str(error), severity="error", markup=False)

    def _load_keymap(self) -> str:
        """Keys remapped in keys.toml ("binding id" = "key"); a bad file is reported (the
        problem is returned), not fatal."""
        try:
            keymap = read_keymap(self.keymap_path)
        except KeymapError as error:
            return str(error)
        everywhere = [binding for binding in self.BINDINGS if isinstance(binding, Binding)]
        self.keymap, refused = refuse_taken(keymap, everywhere)
        if self.keymap:
            self.set_keymap(self.keymap)
        return "; ".join(refused)

    async def action_help(self) -> None:
        """Show (or hide) the keys of the current screen."""
        from debrief.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
        else:
            self.push_screen(HelpScreen(self.screen))

    # --- the work, in the flows: keys and the palette run these actions -------------------

    async def action_new_reflection(self) -> None:
        if not held_back(self.typing, lambda text: self.notify(text, timeout=4)):
            await self.flows.reflecting.start()

    def action_schedule(self) -> None:
        if not held_back(self.typing, lambda text: self.notify(text, timeout=4)):
            self.flows.ahead.schedule()

    def action_prepare(self) -> None:
        self.flows.ahead.prepare_next()

    def action_export(self) -> None:
        self.flows.moving.export()

    def action_import(self) -> None:
        self.flows.moving.import_export()

    def action_import_invitations(self) -> None:
        self.flows.moving.import_invitations()

    def action_merge_copies(self) -> None:
        self.flows.moving.merge_copies()

    def action_undo_merge(self) -> None:
        self.flows.moving.undo_merge()

    def action_undo_delete(self) -> None:
        self.flows.opportunity.undo_delete()

    async def action_open(self, page: str) -> None:
        """A page over the current place: profile, checklist, history, question_bank."""
        await self._close_palette()  # (F6 opens the profile over it)
        self.flows.pages.open(page)

    @on(messages.Request)
    async def _carry_out(self, request: messages.Request) -> None:
        """What a screen asks for (ui/messages.py), done by a flow."""
        await self.flows.carry_out(request)

    # --- quitting without losing a word ---------------------------------------------------

    def flush_drafts(self) -> str | None:
        """Save the questionnaire's draft now; why its answers are in no file, if they are not."""
        return self.flows.reflecting.flush()

    async def action_quit(self) -> None:
        """Quit; but answers that could not be saved, not even as a draft, are never lost
        silently: first say why and offer to copy them or write them elsewhere."""
        screen = self.screen
        held = screen.held_back() if isinstance(screen, JournalView) else None
        if held is not None and held != self._quit_warned:
            self._quit_warned = held  # (said once: Ctrl+Q again quits)
            self.notify(f"{held} Ctrl+Q again quits without it.", severity="warning", markup=False)
            return
        unsaved = self.flows.reflecting.unsaved_answers()
        if unsaved is None:
            self.exit()
            return
        problem, text = unsaved
        self.flows.reflecting.offer_to_keep(
            problem, text, give_up_label="Quit and lose them", give_up=self.exit
        )

    def _terminate(self, _number: int) -> None:
        """SIGTERM, or SIGHUP from a closed window: keep the draft (nobody is left to ask),
        then exit, once the keys already typed have reached their fields (they may still
        be on their way when the window closes)."""
        self.flush_drafts()
        # (the loop's own timer: after a hang-up, Textual's timers were seen never to fire)
        asyncio.get_running_loop().call_later(KEYS_IN_FLIGHT_SECONDS, self._flush_and_exit)

    def _flush_and_exit(self) -> None:
        self.flush_drafts()
        self.exit()

    def on_unmount(self) -> None:
        """The app closes (Ctrl+Q, SIGTERM, SIGHUP), its screens closed and saved: what was
        deleted leaves the disk now (undo lived until you quit)."""
        from debrief.actions.reflections import forget_deleted

        if self._leaving is not None:
            self._leaving.stand_down()

        # (Never a trace on the way out: it would show records. A journal that can't be
        # written now keeps them until the next start, which empties the trash too.)
        with contextlib.suppress(Exception):
            forget_deleted(self.journal)

    # --- the palette: ours is ui/commands.py; Textual's own, less what ours replace -------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title not in TEXTUAL_COMMANDS_LEFT_OUT:
                yield command


def make_app(
    journal: Journal,
    *,
    clock: Clock | None = None,
    handle_signals: bool = False,
    keymap_path: Path | None = None,
) -> DebriefApp:
    """Build the app on a journal; the one factory the CLI and the tests share.

    `keymap_path` is the user's keys.toml: the CLI passes the real one, tests their own or
    none, so a developer's settings never leak into a test.
    """
    return DebriefApp(journal, clock=clock, handle_signals=handle_signals, keymap_path=keymap_path)
