"""The home screen: what to follow up on now, then the latest reflections.

An empty journal shows a first-run invitation instead. The agenda and the latest
reflections are widgets (widgets/agenda.py, widgets/latest.py) that draw themselves from
the journal; this screen lays them out, redraws them when the journal or the width
changes, and carries out their keys (Snooze asks when through snooze.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pendulum
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, OptionList, Sparkline, Static

from debrief.actions.followups import change_followup, dismiss_nudge
from debrief.dates import Clock, plural
from debrief.followups import describe, dismiss, mark_done, snooze
from debrief.model import MIN_FOR_TRENDS, FollowUp, FollowUpKind, Interview, Reflection, Status
from debrief.store.journal import Journal, JournalError
from debrief.ui.guard import TypingGuard, held_back
from debrief.ui.keyboard import LIST_KEYS
from debrief.ui.keymap import key_named
from debrief.ui.messages import (
    PrepareInterview,
    RecordReply,
    ReflectOnInterview,
    Undoable,
    UndoLast,
)
from debrief.ui.screens.view import JournalView
from debrief.ui.widgets.agenda import AgendaList
from debrief.ui.widgets.footer import KeysFooter
from debrief.ui.widgets.latest import LatestTable
from debrief.ui.widgets.virtual_table import VirtualTable

SPARKLINE_POINTS = 12
DRAFTED = {
    FollowUpKind.THANK_YOU,
    FollowUpKind.STATUS_CHECK,
    FollowUpKind.LINKEDIN,
    FollowUpKind.CALL,
    FollowUpKind.WITHDRAWAL,
    FollowUpKind.REFERENCES,
}

WELCOME = (
    "Welcome to Debrief: reflect straight after each interview while it is fresh, follow up "
    "as career advice says, and see how you are doing. Everything stays in one file on this "
    "computer."
)
SET_UP = (
    "First, press  p  for your profile: your name, email, phone, time zone and currency sign "
    "every thank-you draft."
)
START = (
    "Just had an interview? Press  n  to reflect on it: a few minutes of guided questions, "
    "one step at a time.\n\n"
    "One coming up? Press  i  to schedule it (or import calendar invitations: Ctrl+P): "
    "b  prepares it, and once it is over Debrief reminds you to reflect."
)


def display_path(path: Path) -> str:
    """The journal's path as a user would type it: `~/…` under the home folder."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


class HomeColumn(Vertical):
    """The home's content; tells the screen when its size changes."""

    class Resized(Message):
        pass

    def on_resize(self) -> None:
        self.post_message(self.Resized())


# The agenda's keys for the highlighted line (AgendaList.BINDINGS), as the screen runs them.
ROW_ACTIONS = frozenset({"done", "snooze", "skip", "note", "replied"})


class HomeScreen(JournalView):
    """Overdue, due today and upcoming follow-ups; the latest reflections below."""

    # Focus is given by `reload`, to the list that is shown: Textual's own would land on
    # the agenda even when it is hidden (an empty journal), and its keys would show and act.
    AUTO_FOCUS = ""

    HELP = LIST_KEYS
    ENTER = (
        "Opens the highlighted line: a follow-up's draft (or its reflection), an interview's "
        "preparation, or the questionnaire for one that is over"
    )  # (said first in F1: screens/help.py)

    BINDINGS = [
        Binding(
            "n",
            "app.new_reflection",
            "New",
            id="home.new",
            tooltip="Reflect on an interview you just had",
        ),
        Binding(
            "i",
            "app.schedule",
            "Interview ahead",
            id="home.schedule",
            tooltip="Schedule an interview to come: prepare it, and be reminded to reflect",
        ),
        Binding(
            "b",
            "app.prepare",
            "Prepare",
            id="home.checklist",
            tooltip="The next interview's preparation (or the before-you-leave checklist)",
        ),
        Binding(
            "q",
            "app.open('question_bank')",
            "Questions",
            id="home.questions",
            show=False,
            tooltip="Every question you were asked, and how your answers went",
        ),
        Binding(
            "h",
            "app.open('history')",
            "History",
            id="home.history",
            show=False,
            tooltip="Follow-ups done, skipped or no longer needed",
        ),
        Binding(
            "p",
            "app.open('profile')",
            "Profile",
            id="home.profile",
            tooltip="Your name and contact details for drafts",
        ),
        Binding(
            "t",
            "app.go('trends')",
            "Trends",
            id="home.trends",
            show=False,
            tooltip="How your interviews go over time",
        ),
        Binding(
            "c",
            "app.go('compare')",
            "Compare",
            id="home.compare",
            show=False,
            tooltip="Opportunities side by side",
        ),
        Binding(
            "j",
            "app.go('journal')",
            "Journal",
            id="home.journal",
            show=False,
            tooltip="Browse every reflection",
        ),
    ]

    def __init__(
        self,
        journal: Journal,
        clock: Clock,
        typing: TypingGuard | None = None,
    ) -> None:
        super().__init__(journal, clock, typing)
        self._shown: tuple[int, datetime] | None = None  # journal revision and minute last drawn
        self._shown_width = 0  # the agenda width last drawn for
        self._undoing = False  # u was pressed: the next redraw highlights what came back

    @property
    def items(self) -> dict[str, FollowUp]:
        """The follow-ups on the agenda, by row id."""
        return self.query_one("#agenda", AgendaList).items

    @property
    def interview_rows(self) -> dict[str, Interview]:
        """The interviews on the agenda, by row id."""
        return self.query_one("#agenda", AgendaList).interview_rows

    def compose(self) -> ComposeResult:
        yield Header()
        with HomeColumn(id="home"):
            yield Static(id="empty-state")
            yield Static(id="drafts-line")
            yield Static(id="agenda-title")
            yield AgendaList(self.journal, id="agenda")
            with Horizontal(id="rating-trend"):
                yield Static(Content("Latest ratings  "), id="sparkline-label")
                yield Sparkline([], id="sparkline")
                yield Static(id="sparkline-range")
            yield Static(id="latest-title")
            yield LatestTable(self.journal, id="latest")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = display_path(self.journal.path) + (
            " · encrypted" if self.journal.sealer else ""
        )
        self.reload()

    # --- showing ------------------------------------------------------------------

    def reload(self) -> None:
        now = self.clock()
        shown = (self.journal.revision, now.replace(second=0, microsecond=0))
        if shown == self._shown:
            return  # nothing changed since the last redraw (e.g. back from another screen)
        self._shown = shown
        self._shown_width = self._agenda_width()
        reflections = self.journal.reflections()
        # (a first interview scheduled, or imported from a calendar, shows the agenda)
        empty = not reflections and not any(i.open for i in self.journal.interviews())
        for widget_id in ("#agenda-title", "#agenda"):
            self.query_one(widget_id).display = not empty
        for widget_id in ("#rating-trend", "#latest-title", "#latest"):
            self.query_one(widget_id).display = bool(reflections)
        self._show_welcome(empty)
        self._show_drafts(now)
        if not empty:
            agenda = self.query_one("#agenda", AgendaList)
            title = agenda.show(now, self._agenda_width(), to_new=self._undoing)
            self.query_one("#agenda-title", Static).update(title)
            self.refresh_bindings()  # (another line may be highlighted now)
        self._undoing = False
        if reflections:
            self._show_sparkline(reflections)
            self._show_latest(reflections, now)
        if empty:
            self.set_focus(None)
        elif self.focused is None or not self.focused.display:
            agenda_rows = self.items or self.interview_rows
            self.set_focus(
                self.query_one("#agenda" if agenda_rows or not reflections else "#latest")
            )

    def _show_welcome(self, empty: bool) -> None:
        """An empty journal says what Debrief does and how to begin (the profile first,
        while it holds no name)."""
        welcome = self.query_one("#empty-state", Static)
        welcome.display = empty
        if empty:
            parts = [WELCOME, *([] if self.journal.settings().name else [SET_UP]), START]
            welcome.update(Content("\n\n".join(parts)))

    def _show_drafts(self, now: pendulum.DateTime) -> None:
        """Where unfinished reflections are, and the one key that picks them up."""
        from debrief.ui.screens.resume import describe_draft

        drafts = self.journal.drafts()
        line = self.query_one("#drafts-line", Static)
        line.display = bool(drafts)
        if len(drafts) == 1:
            what = describe_draft(drafts[0], now)
            line.update(Content(f"✎ Unfinished: {what} · n picks it up"))
        elif drafts:
            line.update(Content(f"✎ {len(drafts)} unfinished reflections · n lists them"))

    def _agenda_width(self) -> int:
        """The agenda's line width: its column less a scrollbar (before the first layout,
        the screen's less the padding)."""
        width = self.query_one("#home").content_region.width or self.app.size.width - 4
        return max(width - 2, 20)

    @on(HomeColumn.Resized)
    def _fit_agenda_again(self) -> None:
        """A new width (the window, F1's panel opening beside) fits the lines again."""
        if self._shown is not None and self._shown_width != self._agenda_width():
            self._shown = None
            self.reload()

    def _show_sparkline(self, reflections: Sequence[Reflection]) -> None:
        """The last dozen self-ratings as a tiny chart; F4 has the full picture."""
        recent = [r.rating for r in reversed(reflections[:SPARKLINE_POINTS])]
        self.query_one("#rating-trend").display = len(recent) >= MIN_FOR_TRENDS
        self.query_one("#sparkline", Sparkline).data = recent
        low, high = min(recent, default=0), max(recent, default=0)
        self.query_one("#sparkline-range", Static).update(
            Content.styled(
                f"  {low}–{high} of 10 · {key_named(self.app, 'app.trends', 'f4')} for trends",
                "$text-muted",
            )
        )

    def _show_latest(self, reflections: Sequence[Reflection], now: pendulum.DateTime) -> None:
        self.query_one("#latest-title", Static).update(
            Content.from_markup(
                "[b]Latest reflections[/b] "
                "[dim]· $count in your journal, $opportunities · $key for all[/dim]",
                key=key_named(self.app, "app.journal", "f3"),  # (as keys.toml may remap it)
                count=str(len(reflections)),
                opportunities=plural(
                    len(self.journal.opportunities()), "opportunity", "opportunities"
                ),
            )
        )
        self.query_one("#latest", LatestTable).show(reflections, now)

    # --- acting on follow-ups -----------------------------------------------------

    def _highlighted(self) -> FollowUp | None:
        """The follow-up to act on, unless the keys are typing running on (guard.py). On
        an interview's row the follow-up keys say what works there instead."""
        if held_back(self.typing, lambda text: self.notify(text, timeout=4)):
            return None
        if self._highlighted_interview() is not None:
            self.notify(
                "On an interview: Enter opens it (x on a reflection reminder dismisses it)."
            )
            return None
        return self.query_one("#agenda", AgendaList).highlighted_followup()

    def _change(
        self,
        before: FollowUp,
        after: FollowUp,
        message: str,
        *,
        status: Status | None = None,
    ) -> None:
        """Store what was done about a follow-up (and a new status for its opportunity),
        the chain worked out again; `u` puts both back."""
        try:
            undo = change_followup(self.journal, before, after, self.clock(), status=status)
        except JournalError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.post_message(Undoable(message, lambda: undo(self.clock())))
        self.reload()
        self.notify(f"{message} (u undoes)", markup=False, timeout=4)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer offers only what acts on the highlighted line: a follow-up's keys on
        a follow-up; on an interview that is over, x (no reflection); on one ahead, none
        (Enter opens it: Space no longer does, so what is typed next never lands in it)."""
        if action not in ROW_ACTIONS or not self.is_mounted:
            return True
        agenda = self.query_one("#agenda", AgendaList)
        if agenda.highlighted_followup() is not None:
            return True
        interview = agenda.highlighted_interview()
        return action == "skip" and interview is not None and interview.end <= self.clock()

    @on(OptionList.OptionHighlighted, "#agenda")
    def _line_changed(self) -> None:
        self.refresh_bindings()

    def action_done(self) -> None:
        item = self._highlighted()
        if item is None:
            return
        if item.kind is FollowUpKind.MARK_COLD:
            self._mark_cold(item)
            return
        self._change(item, mark_done(item, self.clock()), f"Done: {describe(item)}.")

    def _mark_cold(self, item: FollowUp) -> None:
        opportunity = self.journal.opportunity_of(item.reflection_id)
        if opportunity is None:
            return
        message = f"{opportunity.title} is marked as gone cold."
        self._change(item, mark_done(item, self.clock()), message, status=Status.GHOSTED)

    def action_skip(self) -> None:
        interview = self._highlighted_interview()
        if interview is not None and interview.end <= self.clock():
            if not held_back(self.typing, lambda text: self.notify(text, timeout=4)):
                self._dismiss_interview(interview)
            return
        item = self._highlighted()
        if item is not None:
            self._change(item, dismiss(item, self.clock()), f"Skipped: {describe(item)}.")

    def action_snooze(self) -> None:
        from debrief.ui.screens.snooze import ask_when_to_snooze

        item = self._highlighted()
        if item is None:
            return

        def snooze_until(moment: pendulum.DateTime) -> None:
            self._change(
                item, snooze(item, moment), f"Snoozed until {moment.format('ddd D MMM, HH:mm')}."
            )

        ask_when_to_snooze(self.app, item, self.clock(), snooze_until)

    def action_note(self) -> None:
        from debrief.ui.screens.dialogs import PromptScreen

        item = self._highlighted()
        if item is None:
            return

        def noted(text: str | None) -> None:
            if text is not None:
                self._change(item, dataclasses.replace(item, note=text.strip()), "Note saved.")

        self.app.push_screen(
            PromptScreen(
                f"Note on: {describe(item)}", "Note", value=item.note, placeholder="left voicemail"
            ),
            callback=noted,
        )

    def action_replied(self) -> None:
        item = self._highlighted()
        if item is not None:
            self.post_message(RecordReply(item.reflection_id))

    def action_undo(self) -> None:
        if not held_back(self.typing, lambda text: self.notify(text, timeout=4)):
            self._undoing = True
            self.post_message(UndoLast())

    @on(OptionList.OptionSelected, "#agenda")
    def _open_item(self, event: OptionList.OptionSelected) -> None:
        interview = self.interview_rows.get(event.option.id or "")
        if interview is not None:
            self._open_interview(interview)
            return
        item = self.items.get(event.option.id or "")
        if item is None:
            return
        if item.kind in DRAFTED:
            from debrief.ui.screens.draft import draft_screen

            self.app.push_screen(draft_screen(self.journal, item.id, self.clock))
        else:
            self._open_reflection(item.reflection_id)

    def _open_interview(self, interview: Interview) -> None:
        """One that is over: reflect on it; one ahead: its preparation."""
        if interview.end <= self.clock():
            self.post_message(ReflectOnInterview(interview.id))
        else:
            self.post_message(PrepareInterview(interview.id))

    def _highlighted_interview(self) -> Interview | None:
        return self.query_one("#agenda", AgendaList).highlighted_interview()

    def _dismiss_interview(self, interview: Interview) -> None:
        """x on a nudge: no reflection for this one (u brings the nudge back)."""
        title = self.query_one("#agenda", AgendaList).title_of(interview)
        try:
            undo = dismiss_nudge(self.journal, interview, self.clock())
        except JournalError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        message = f"No reflection for {title}."
        self.post_message(Undoable(message, lambda: undo(self.clock())))
        self.reload()
        self.notify(f"{message} (u undoes)", markup=False, timeout=4)

    @on(VirtualTable.Selected)  # (the only table here)
    def _open_row(self, event: VirtualTable.Selected) -> None:
        self._open_reflection(self.query_one("#latest", LatestTable).reflection_ids[event.row])

    def _open_reflection(self, reflection_id: str) -> None:
        from debrief.ui.screens.detail import DetailScreen

        self.app.push_screen(
            DetailScreen(self.journal, reflection_id, self.clock, typing=self.typing)
        )
