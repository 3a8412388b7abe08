"""The Debrief application: screens, global keys and the command palette.

`make_app` is the one way to build it; the CLI, the Pilot tests, the snapshot tests and
the screenshot script all call it, each with its own journal (and clock, in tests).

Each top-level place (home, journal) is a Textual *mode* with its own screen stack, so
jumping to the journal from a half-written questionnaire leaves the questionnaire
exactly where it was.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import gc
import signal
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pendulum
from textual import events, on
from textual.app import App, ScreenStackError, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.filter import LineFilter
from textual.screen import Screen

from debrief.dates import DateParseError, format_day, parse_when, plural
from debrief.failures import reason, unexpected
from debrief.model import Draft, Interview, Opportunity, Reflection, Reply, Status, new_id
from debrief.store.journal import Journal, JournalError
from debrief.ui import messages
from debrief.ui.guard import TypingGuard, held_back
from debrief.ui.keymap import KeymapError, read_keymap
from debrief.ui.planning import CantUndo, planned_for, save_plan_after, undo_reply
from debrief.ui.safety import VisibleControlCharacters
from debrief.ui.screens.home import HomeScreen
from debrief.ui.screens.view import JournalView

if TYPE_CHECKING:
    from debrief.questionnaire import AnswerContext
    from debrief.ui.screens.reflect import ReflectScreen
    from debrief.ui.screens.resume import Choice

Clock = Callable[[], pendulum.DateTime]
HOME, JOURNAL, TRENDS, COMPARE = "home", "journal", "trends", "compare"
FOLLOW_EVERY_SECONDS = 2.0  # how often to look whether another process changed the journal


NUDGE = "interview:"  # a choice that reflects on a scheduled interview, before its id
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
            "profile",
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
        self._questionnaire: tuple[str, ReflectScreen] | None = None  # (mode, screen) being written
        self._followed_revision = -1  # the journal revision last drawn (follow_journal)
        self._follow_problem = ""  # the last journal problem reported, said only once
        self._answers_kept: str | None = None  # unsaved answers copied or written elsewhere
        self.typing = TypingGuard()  # when the current run of keys began (see guard.py)
        self.undoable: list[messages.Undoable] = []  # changes `u` undoes, newest last
        # Keys remapped before any screen is built, so the first footer shows them.
        self._keymap_problem = self._load_keymap()
        self.add_mode(HOME, lambda: HomeScreen(self.journal, self.clock, self.typing))
        self.add_mode(JOURNAL, self._journal_screen)
        self.add_mode(TRENDS, self._trends_screen)
        self.add_mode(COMPARE, self._compare_screen)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.typing.saw_key(event.key)  # (every key, whichever widget then takes it)
        await super().on_event(event)

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*super().get_line_filters(), self._visible_controls]

    def _now_in_users_zone(self) -> pendulum.DateTime:
        zone = self.journal.settings().timezone
        return pendulum.now(zone) if zone else pendulum.now()

    def _journal_screen(self) -> Screen[None]:
        from debrief.ui.screens.journal import JournalScreen  # loaded when first opened

        return JournalScreen(self.journal, self.clock, self.typing)

    def _trends_screen(self) -> Screen[None]:
        from debrief.ui.screens.trends import TrendsScreen  # loaded when first opened

        return TrendsScreen(self.journal, self.clock)

    def _compare_screen(self) -> Screen[None]:
        from debrief.ui.screens.compare import CompareScreen  # loaded when first opened

        return CompareScreen(self.journal, self.clock)

    @on(messages.SearchJournal)
    async def search_journal(self, message: messages.SearchJournal) -> None:
        """Show the journal searched for a text (e.g. a weak spot from the trends)."""
        from debrief.ui.screens.journal import JournalScreen

        text = message.text
        await self.action_go(JOURNAL)
        screen = self.screen_stack[0] if self.screen_stack else self.screen
        if isinstance(screen, JournalScreen):
            screen.search_for(text)

    def on_mount(self) -> None:
        self._restore_theme()
        if self._keymap_problem:
            self.notify(
                self._keymap_problem,
                title="Your key settings were not loaded",
                severity="warning",
                markup=False,
                timeout=10,
            )
        for notice in self.journal.notices:  # (what opening the journal had to do)
            self.notify(
                notice, title="Drafts set aside", severity="warning", markup=False, timeout=30
            )
        if self._handle_signals:
            loop = asyncio.get_running_loop()
            for number in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(number, self._terminate)
        self.call_after_refresh(self._first_frame_drawn)
        self._followed_revision = self.journal.revision
        self.set_interval(FOLLOW_EVERY_SECONDS, self.follow_journal)

    def _first_frame_drawn(self) -> None:
        if not gc.isenabled():  # (`debrief` turns the collector off for start-up)
            gc.freeze()  # what start-up built lives as long as the app: out of its sight
            gc.enable()
        from debrief.conflicts import conflict_copies

        self._offer_merges(conflict_copies(self.journal.file_path), self._offer_unfinished_draft)

    def action_merge_copies(self) -> None:
        from debrief.conflicts import conflict_copies

        copies = conflict_copies(self.journal.file_path)
        if not copies:
            self.notify("No copies from other devices beside your journal.", timeout=4)
        self._offer_merges(copies, lambda: None)

    def action_undo_merge(self) -> None:
        from debrief.conflicts import undo_last_merge

        try:
            merged_at = undo_last_merge(self.journal)
        except JournalError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        self._reload_view()
        self.notify(
            f"Your journal is back as it was before the merge of "
            f"{merged_at:%a %-d %b, %H:%M} (the merged version is its backup).",
            title="Merge undone",
            markup=False,
        )

    def _offer_merges(self, copies: list[Path], then: Callable[[], object]) -> None:
        """Offer to merge each copy a sync folder made (one that brings nothing new is put
        away without asking; a damaged one is named and left alone); then `then`."""
        if not copies:
            then()
            return
        from debrief.conflicts import MERGED, merge_conflict_copy, plan_conflict_copy
        from debrief.ui.screens.dialogs import ConfirmScreen

        copy, rest = copies[0], copies[1:]
        try:
            plan = plan_conflict_copy(self.journal, copy)
        except Exception as error:  # (a copy is a file from outside: whatever it holds)
            why = reason(error, f"reading {copy.name}", (JournalError, OSError))
            self.notify(
                f"{copy.name} looks like a copy of your journal made by a sync folder, but it "
                f"can't be merged: {why} It was left as it is.",
                title="Conflict copy not merged",
                severity="warning",
                markup=False,
                timeout=20,
            )
            self._offer_merges(rest, then)
            return

        def merge(yes: bool | None) -> None:
            if yes or not plan.merge.changes_anything:
                try:
                    merged, moved_to = merge_conflict_copy(self.journal, copy)
                except (JournalError, OSError) as error:
                    self.notify(str(error), severity="error", markup=False)
                except Exception as error:  # (never a crash report: it shows the records)
                    self.notify(
                        unexpected(error, f"merging {copy.name}"), severity="error", markup=False
                    )
                else:
                    self._reload_view()
                    self.notify(
                        f"{merged.summary()}. The copy is kept in {MERGED}/{moved_to.name}.",
                        title="Merged",
                        markup=False,
                        timeout=10,
                    )
            self._offer_merges(rest, then)

        if not plan.merge.changes_anything:
            merge(True)
            return
        warning = f"⚠ {plan.warning()} " if plan.sweeping else ""
        question = (
            f"{warning}Your journal was also changed on another device: a sync folder kept "
            f"that version as {copy.name}. Merging it: {plan.summary()}. Merge? (The copy then "
            f"moves to {MERGED}/; after Esc, the palette's “Merge copies from other devices” "
            "asks again; “Undo the last merge” puts your journal back.)"
        )
        self.push_screen(
            ConfirmScreen("Merge a copy from another device", question, confirm_label="Merge"),
            callback=merge,
        )

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

    # --- preferences: theme and keys -----------------------------------------------

    def _restore_theme(self) -> None:
        saved = self.journal.settings().theme
        if saved in self.available_themes:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: object) -> None:
        settings = self.journal.settings()
        if settings.theme == self.theme or self.journal.readonly:
            return
        try:
            self.journal.save_settings(dataclasses.replace(settings, theme=self.theme))
        except JournalError as error:
            self.notify(str(error), severity="error", markup=False)

    def _load_keymap(self) -> str:
        """Keys remapped in keys.toml ("binding id" = "key"); a bad file is reported (the
        problem is returned), not fatal."""
        try:
            keymap = read_keymap(self.keymap_path)
        except KeymapError as error:
            return str(error)
        if keymap:
            self.set_keymap(keymap)
        return ""

    async def action_help(self) -> None:
        """Show (or hide) the keys of the current screen."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def answer_context(self) -> AnswerContext:
        from debrief.questionnaire import AnswerContext  # with the questionnaire, not at start

        return AnswerContext(
            now=self.clock(), default_currency=self.journal.settings().default_currency
        )

    async def action_go(self, mode: str) -> None:
        if self.current_mode != mode:
            if isinstance(self.screen, CommandPalette):
                # Left open in this mode, it would clash with the one Ctrl+P opens in the
                # next (both have Textual's one id: DuplicateIds); going elsewhere closes it.
                await self.pop_screen()
            await self.switch_mode(mode)

    # --- writing reflections -------------------------------------------------------

    async def action_new_reflection(self) -> None:
        if held_back(self.typing, lambda text: self.notify(text, timeout=4)):
            return
        if await self._back_to_open_questionnaire():
            return
        drafts = self.journal.drafts()
        nudges = self._unreflected()
        if not drafts and not nudges:
            await self.open_questionnaire(self._new_draft())
        elif not drafts and len(nudges) == 1:
            await self.reflect_on_interview(nudges[0].id)
        elif len(drafts) == 1 and not nudges and not self._is_edit(drafts[0]):
            self._ask_about_draft(
                drafts[0], discard_label="Discard it, start afresh", on_discard=self._start_afresh
            )
        else:
            self._choose_draft(drafts, offer_new=True, nudges=nudges)

    def _unreflected(self) -> list[Interview]:
        """Interviews that are over, not reflected on, and with no draft started from them."""
        from debrief.interviews import schedule

        started = {draft.interview_id for draft in self.journal.drafts()}
        over = schedule(self.journal.interviews(), self.clock()).to_reflect
        return [interview for interview in over if interview.id not in started]

    @on(messages.ReflectOnInterview)
    async def _reflect_on(self, message: messages.ReflectOnInterview) -> None:
        if not await self._back_to_open_questionnaire():
            await self.reflect_on_interview(message.interview_id)

    async def reflect_on_interview(self, interview_id: str) -> None:
        """The questionnaire prefilled with the scheduled interview (or the draft already
        started from it)."""
        from debrief.questionnaire import answers_from_interview

        started = [d for d in self.journal.drafts() if d.interview_id == interview_id]
        if started:
            await self.open_questionnaire(started[0])
            return
        interview = self.journal.interview(interview_id)
        opportunity = self.journal.opportunity(interview.opportunity_id) if interview else None
        if interview is None or opportunity is None:
            return
        context = self.answer_context()
        draft = Draft(
            answers=answers_from_interview(interview, opportunity, context),
            started_at=context.now,
            updated_at=context.now,
            reflection_id=new_id(),
            interview_id=interview_id,
        )
        await self.open_questionnaire(draft, fresh=True)

    @on(messages.PrepareInterview)
    def _prepare(self, message: messages.PrepareInterview) -> None:
        self.prepare(message.interview_id)

    def prepare(self, interview_id: str) -> None:
        from debrief.ui.screens.prep import PrepScreen

        self.push_screen(PrepScreen(self.journal, interview_id, self.answer_context))

    def action_prepare(self) -> None:
        """The nearest interview ahead's preparation; with none, the before-you-leave card."""
        from debrief.interviews import schedule

        ahead = schedule(self.journal.interviews(), self.clock()).upcoming
        if ahead:
            self.prepare(ahead[0].id)
        else:
            self.action_checklist()

    def action_schedule(self) -> None:
        from debrief.ui.screens.schedule import ScheduleScreen

        if held_back(self.typing, lambda text: self.notify(text, timeout=4)):
            return

        def scheduled(interview: Interview | None) -> None:
            if interview is not None:
                from debrief.interviews import interview_title, when_phrase

                title = interview_title(
                    interview, self.journal.opportunity(interview.opportunity_id)
                )
                when = when_phrase(interview.start, self.clock())
                self.notify(f"{title}, {when}: on your agenda, b prepares it.", markup=False)
                self._reload_view()

        self.push_screen(ScheduleScreen(self.journal, self.answer_context), scheduled)

    def action_history(self) -> None:
        from debrief.ui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen(self.journal, self.clock, typing=self.typing))

    def action_question_bank(self) -> None:
        from debrief.ui.screens.question_bank import QuestionBankScreen

        self.push_screen(QuestionBankScreen(self.journal))

    def _is_edit(self, draft: Draft) -> bool:
        return self.journal.reflection(draft.reflection_id or "") is not None

    def _choose_draft(
        self, drafts: Sequence[Draft], *, offer_new: bool, nudges: Sequence[Interview] = ()
    ) -> None:
        """Every kept draft (new reflections and edits) to pick one up, every interview
        over and not reflected on; or a new one."""
        from debrief.interviews import ended_phrase, interview_title
        from debrief.ui.screens.dialogs import ChoiceScreen
        from debrief.ui.screens.resume import describe_draft

        now = self.clock()
        by_id = {draft.id: draft for draft in drafts}
        choices = [
            (draft.id, ("Edit of " if self._is_edit(draft) else "") + describe_draft(draft, now))
            for draft in drafts
        ]
        for interview in nudges:
            title = interview_title(interview, self.journal.opportunity(interview.opportunity_id))
            choices.append(
                (NUDGE + interview.id, f"Reflect on {title} ({ended_phrase(interview, now)})")
            )
        if offer_new:
            choices.append(("new", "Start a new reflection"))

        async def chosen(value: str | None) -> None:
            if value == "new":
                await self._start_afresh()
            elif value is not None and value.startswith(NUDGE):
                await self.reflect_on_interview(value.removeprefix(NUDGE))
            elif value in by_id:
                self._ask_about_draft(by_id[value], discard_label="Discard it", on_discard=None)

        if drafts and nudges:
            title = "Unfinished reflections, and interviews to reflect on"
        elif drafts:
            title = f"{plural(len(drafts), 'unfinished reflection')}: pick one up"
        else:
            title = "Which interview?"
        self.push_screen(ChoiceScreen(title, choices, ""), callback=chosen)

    @on(messages.EditReflection)
    async def _edit_reflection(self, message: messages.EditReflection) -> None:
        await self.edit_reflection(message.reflection_id)

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
        from debrief.questionnaire import answers_from_reflection

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
        if len(drafts) == 1:
            self._ask_about_draft(drafts[0], discard_label="Discard it", on_discard=None)
        elif drafts:
            self._choose_draft(drafts, offer_new=False)

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

        self.push_screen(ChecklistScreen(self.journal))

    # --- status, delete, undo ------------------------------------------------------

    @on(messages.EditJobDetails)
    def edit_job_details(self, message: messages.EditJobDetails) -> None:
        from debrief.ui.screens.job_details import JobDetailsScreen

        opportunity = self.journal.opportunity_of(message.reflection_id)
        if opportunity is None:
            return

        def saved(changed: Opportunity | None) -> None:
            if changed is None:
                return
            try:
                self.journal.save_opportunity(changed)
            except JournalError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self._reload_view()
            self.notify(f"{changed.title}: details saved.", markup=False)

        self.push_screen(JobDetailsScreen(opportunity, self.clock()), saved)

    @on(messages.ChangeStatus)
    def change_status(self, message: messages.ChangeStatus) -> None:
        """Pick a new status for the reflection's opportunity (all its rounds show it)."""
        from debrief.ui.screens.dialogs import ChoiceScreen

        reflection_id = message.reflection_id
        opportunity = self.journal.opportunity_of(reflection_id)
        if opportunity is None:
            return

        def chosen(value: str | None) -> None:
            if value is None or value == opportunity.status.value:
                return
            changed = dataclasses.replace(
                opportunity, status=Status(value), updated_at=self.clock()
            )
            try:  # (the chain follows: a withdrawal brings its note, an answer ends it)
                save_plan_after(self.journal, changed, self.clock())
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

    @on(messages.RecordReply)
    def record_reply(self, message: messages.RecordReply) -> None:
        """They got back to you: what they said, then when; the chasers are retired, the
        status follows, and the wait counts in the trends."""
        from debrief.followups import record_reply
        from debrief.ui.screens.dialogs import ChoiceScreen, PromptScreen

        opportunity = self.journal.opportunity_of(message.reflection_id)
        rounds = self.journal.rounds(opportunity.id) if opportunity else []
        if opportunity is None or not rounds:
            return
        latest = rounds[-1]
        now = self.clock()

        def when_problem(text: str) -> str | None:
            try:
                moment = parse_when(text, now, prefer="past")
            except DateParseError as error:
                return str(error)
            if moment > now:
                return "That is still to come: when did they reply?"
            return None if moment >= latest.interview_at else "That is before the interview"

        def record(reply: Reply, text: str | None) -> None:
            if text is None:
                return
            answered, changed = record_reply(
                latest, opportunity, reply, parse_when(text, now, prefer="past")
            )
            planned = planned_for(self.journal, changed, now, changed_round=answered)
            try:
                self.journal.save_reflection(answered, changed, planned)
            except JournalError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            what = f"{opportunity.title}: {reply.label.lower()}"
            self.remember_undoable(
                messages.Undoable(
                    what,
                    lambda: undo_reply(
                        self.journal, (latest, answered), (opportunity, changed), self.clock()
                    ),
                )
            )
            self._reload_view()
            self.notify(
                f"{what}. Its status checks are retired. (u undoes)",
                title="Reply recorded",
                markup=False,
            )

        def chosen(value: str | None) -> None:
            if value is None:
                return
            reply = Reply(value)
            prompt = PromptScreen("When did they reply?", "Date", value="today", check=when_problem)
            self.push_screen(prompt, callback=lambda text: record(reply, text))

        round_text = f"round {len(rounds)}" if len(rounds) > 1 else "your interview"
        choices = [(reply.value, reply.label) for reply in Reply]
        title = f"{opportunity.title} replied about {round_text}: what did they say?"
        self.push_screen(ChoiceScreen(title, choices, ""), callback=chosen)

    @on(messages.DeleteReflection)
    def delete_reflection(self, message: messages.DeleteReflection) -> None:
        """Ask first; once deleted, `u` (or the palette's Undo delete) brings it back."""
        from debrief.ui.screens.dialogs import ConfirmScreen

        reflection_id = message.reflection_id
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

        question = f"Delete your reflection on {what}? You can undo this until you quit."
        self.push_screen(
            ConfirmScreen("Delete reflection", question, confirm_label="Delete"), callback=confirmed
        )

    @on(messages.Undoable)
    def remember_undoable(self, change: messages.Undoable) -> None:
        self.undoable.append(change)

    @on(messages.UndoLast)
    def undo_last(self) -> None:
        """Undo the newest change: its inverse, on the records as they are now."""
        if not self.undoable:
            self.notify("Nothing to undo.")
            return
        change = self.undoable.pop()
        try:
            change.undo()
        except (CantUndo, JournalError) as error:
            self.notify(f"Can't undo “{change.what}”: {error}", severity="warning", markup=False)
            return
        self._reload_view()
        self.notify(f"Undone: {change.what}", markup=False, timeout=4)

    @on(messages.UndoDelete)
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

    def flush_drafts(self) -> str | None:
        """Save the questionnaire's draft now; why its answers are in no file, if they are not."""
        if self._questionnaire is None:
            return None
        return self._questionnaire[1].flush_draft()

    async def action_quit(self) -> None:
        """Quit; but answers that could not be saved, not even as a draft, are never lost
        silently: first say why and offer to copy them or write them elsewhere."""
        problem = self.flush_drafts()
        if problem is None or self._questionnaire is None:
            self.exit()
            return
        text = self._questionnaire[1].answers_text()
        if text == self._answers_kept:
            self.exit()  # (copied or written elsewhere, and nothing typed since)
            return
        self._offer_to_keep(problem, text, give_up_label="Quit and lose them", give_up=self.exit)

    @on(messages.KeepUnsavedAnswers)
    def _keep_before_leaving(self, message: messages.KeepUnsavedAnswers) -> None:
        """Esc on a questionnaire whose answers are in no file."""
        questionnaire = self._questionnaire

        def close() -> None:
            if questionnaire is not None:
                questionnaire[1].dismiss(None)

        if message.text == self._answers_kept:
            close()
            return
        self._offer_to_keep(
            message.reason, message.text, give_up_label="Close and lose them", give_up=close
        )

    def _offer_to_keep(
        self, reason: str, text: str, *, give_up_label: str, give_up: Callable[[], object]
    ) -> None:
        from debrief.ui.screens.dialogs import KeepAnswersScreen, save_to_new_file

        def kept() -> None:
            self._answers_kept = text

        def chosen(choice: str | None) -> None:
            if choice == "copy":
                self.copy_to_clipboard(text)
                kept()
                self.notify(
                    "Your answers are on the clipboard: paste them somewhere safe. "
                    "Ctrl+Q again quits.",
                    title="Answers copied",
                    timeout=15,
                )
            elif choice == "file":
                suggested = (
                    Path.home() / f"debrief-answers-{self.clock().format('YYYY-MM-DD-HHmm')}.txt"
                )
                save_to_new_file(
                    self,
                    "Save your answers",
                    suggested,
                    text.encode,
                    "Answers saved",
                    kept,
                    journal=self.journal,
                )
            elif choice == "discard":
                give_up()

        self.push_screen(KeepAnswersScreen(reason, give_up_label=give_up_label), callback=chosen)

    def _terminate(self) -> None:
        """SIGTERM, or SIGHUP from a closed terminal: keep the draft (nobody is left to
        ask), then exit."""
        self.flush_drafts()
        self.exit()

    def on_unmount(self) -> None:
        """The app closes (Ctrl+Q, SIGTERM, SIGHUP), its screens closed and saved: what was
        deleted leaves the disk now (undo lived until you quit)."""
        # (Never a trace on the way out: it would show records. A journal that can't be
        # written now keeps them until the next start, which empties the trash too.)
        with contextlib.suppress(Exception):
            self.journal.empty_trash()

    # --- export and import from the app -----------------------------------------------

    def action_export(self) -> None:
        """Pick a format, then a file; the journal is written there (never over a file)."""
        from debrief.exchange import EXPORT_FORMATS
        from debrief.ui.screens.dialogs import ChoiceScreen

        def chosen(format_name: str | None) -> None:
            if format_name is not None:
                self._export_to_file(format_name)

        choices = [
            (name, f"{name.upper():<5} {description}")
            for name, description in EXPORT_FORMATS.items()
        ]
        self.push_screen(ChoiceScreen("Export the journal as…", choices, "json"), callback=chosen)

    def _export_to_file(self, format_name: str) -> None:
        from debrief.exchange import export_bundle
        from debrief.ui.screens.dialogs import save_to_new_file

        suggested = Path.home() / f"debrief-{self.clock().format('YYYY-MM-DD')}.{format_name}"

        def payload() -> bytes:
            return export_bundle(self.journal.bundle(), format_name, self.clock())

        save_to_new_file(
            self, "Export the journal", suggested, payload, "Journal exported", journal=self.journal
        )

    def action_import(self) -> None:
        """Ask for a JSON export, show what would change, merge on confirmation."""
        from debrief.exchange import parse_export, plan_merge

        def plan_for(source: Path) -> tuple[str, Callable[[], None]]:
            plan = plan_merge(parse_export(source.read_bytes(), str(source)), self.journal.bundle())
            return plan.summary(), lambda: self.journal.apply_import(plan.writes)

        self._import("Import a JSON export", "~/debrief-2026-11-22.json", plan_for)

    def action_import_invitations(self) -> None:
        """Ask for an .ics file; its events become interviews ahead (again: updated)."""
        from debrief.invitations import plan_invitations, read_invitations

        def plan_for(source: Path) -> tuple[str, Callable[[], None]]:
            settings = self.journal.settings()
            now = self.clock()
            read = read_invitations(
                source.read_bytes(), str(source), now.timezone_name or "UTC", me=settings.email
            )
            plan = plan_invitations(
                read, self.journal.interviews(), self.journal.opportunities(), now
            )
            return plan.summary(), lambda: self.journal.save_interviews(
                plan.interviews, plan.opportunities
            )

        self._import("Import calendar invitations", "~/Downloads/invitations.ics", plan_for)

    def _import(
        self,
        title: str,
        placeholder: str,
        plan_for: Callable[[Path], tuple[str, Callable[[], None]]],
    ) -> None:
        """Ask for a file, say what importing it would change, write it on confirmation; a
        file that can't be imported changes nothing and says why."""
        from debrief.ui.screens.dialogs import ConfirmScreen, PromptScreen

        def check(text: str) -> str | None:
            target = Path(text).expanduser()
            return None if target.is_file() else f"There is no file {target}"

        def chosen(text: str | None) -> None:
            if text is None:
                return
            source = Path(text).expanduser()
            try:
                summary, write = plan_for(source)
            except Exception as error:  # (a file from outside: whatever it holds)
                # (ValueError: ImportRejected, InvitationsRejected)
                why = reason(error, f"reading {source.name}", (OSError, ValueError))
                self.notify(
                    f"{why} Nothing was imported.",
                    title="Import refused",
                    severity="error",
                    markup=False,
                )
                return

            def confirmed(yes: bool | None) -> None:
                if not yes:
                    return
                try:
                    write()
                except (JournalError, OSError) as error:
                    self.notify(str(error), severity="error", markup=False)
                    return
                except Exception as error:  # (never a crash report: it shows the records)
                    self.notify(unexpected(error, "importing"), severity="error", markup=False)
                    return
                self._reload_view()
                self.notify(summary, title="Imported", markup=False)

            question = f"Import {source.name}: {summary}?"
            self.push_screen(
                ConfirmScreen("Import", question, confirm_label="Import"), callback=confirmed
            )

        self.push_screen(
            PromptScreen(title, "File", placeholder=placeholder, check=check), callback=chosen
        )

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
            "Trends",
            "Self-rating over time, weak spots, follow-up discipline (F4)",
            lambda: self.action_go(TRENDS),
        )
        yield SystemCommand(
            "Compare",
            "Opportunities side by side, and decide with weights (F5)",
            lambda: self.action_go(COMPARE),
        )
        yield SystemCommand(
            "Profile", "Your name and contact details, used to sign drafts (p)", self.action_profile
        )
        yield SystemCommand(
            "Schedule an interview…",
            "An interview ahead: prepare it, be reminded to reflect (i)",
            self.action_schedule,
        )
        yield SystemCommand(
            "Prepare the next interview",
            "Questions to ask, what to mention, salary, references (b)",
            self.action_prepare,
        )
        yield SystemCommand(
            "Question bank",
            "Every question you were asked, and how your answers went (q)",
            self.action_question_bank,
        )
        yield SystemCommand(
            "Follow-ups behind you",
            "Done, skipped and no longer needed, the most recent first (h)",
            self.action_history,
        )
        yield SystemCommand(
            "Merge copies from other devices",
            "The conflict copies a sync folder kept beside your journal",
            self.action_merge_copies,
        )
        yield SystemCommand(
            "Undo the last merge",
            "Put your journal back as it was before the last copy was merged",
            self.action_undo_merge,
        )
        yield SystemCommand(
            "Before you leave",
            "What to ask before leaving an interview, and your own items",
            self.action_checklist,
        )
        yield SystemCommand(
            "Export the journal…",
            "As JSON (lossless), CSV, Markdown or a calendar",
            self.action_export,
        )
        yield SystemCommand(
            "Import a journal export…", "Merge a JSON export into this journal", self.action_import
        )
        yield SystemCommand(
            "Import calendar invitations…",
            "An .ics file: its events become interviews ahead",
            self.action_import_invitations,
        )
        yield SystemCommand("Help", "The keys of this screen (F1 or ?)", self.action_help)
        if self.journal.in_trash():
            yield SystemCommand(
                "Undo delete", "Bring back the reflection you just deleted (u)", self.undo_delete
            )
        yield from self._screen_commands(screen)
        for command in super().get_system_commands(screen):
            if command.title not in TEXTUAL_COMMANDS_LEFT_OUT:
                yield command

    def _screen_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action of the screen underneath, so each one is in the palette too: ours
        only (they have an id), not a widget's own cursor keys (Down, First, Page Up…)."""
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if (
                not active.enabled
                or not binding.description
                or binding.id is None
                or binding.system
                or binding.action in seen
            ):
                continue
            if active.node is self or binding.action.startswith("app."):
                continue  # the app's own commands are listed above
            seen.add(binding.action)
            display = self.get_key_display(binding)
            help_text = f"{binding.tooltip or binding.description} ({display or key})"
            yield SystemCommand(
                binding.description, help_text, self._runner(binding.action, active.node)
            )

    def _runner(self, action: str, node: object) -> Callable[[], object]:
        return lambda: self.run_action(action, node)  # type: ignore[arg-type]


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


def make_app_on_file(path: str | Path, *, clock: Clock | None = None) -> DebriefApp:
    """Open (or create) the journal at `path` and build the app on it."""
    return make_app(Journal.open(path), clock=clock)
