"""The home screen: what to follow up on now, then the latest reflections.

An empty journal shows a first-run invitation instead.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pendulum
from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from debrief.actions.followups import change_followup, dismiss_nudge
from debrief.dates import Clock, DateParseError, parse_when, plural, relative_or_absolute
from debrief.followups import (
    Agenda,
    actionable,
    agenda,
    describe,
    dismiss,
    due_phrase,
    mark_done,
    round_name,
    snooze,
    snooze_choices,
)
from debrief.interviews import Schedule, ended_phrase, interview_title, schedule, when_phrase
from debrief.model import MIN_FOR_TRENDS, FollowUp, FollowUpKind, Interview, Reflection, Status
from debrief.store.journal import Journal, JournalError
from debrief.text import one_line
from debrief.ui.guard import TypingGuard, held_back
from debrief.ui.keyboard import LIST_KEYS
from debrief.ui.messages import (
    PrepareInterview,
    RecordReply,
    ReflectOnInterview,
    Undoable,
    UndoLast,
)
from debrief.ui.screens.view import JournalView
from debrief.ui.widgets.footer import KeysFooter
from debrief.ui.widgets.virtual_table import TableColumn, VirtualTable

SPARKLINE_POINTS = 12
LATEST = 10  # reflections on the home screen; the journal shows everything
# The latest reflections' columns: key, label, widest it grows to fit its cells, and
# whether it is a number (aligned right). Longer text is cut with an ellipsis.
LATEST_COLUMNS = (
    TableColumn("when", "When", 16),
    TableColumn("company", "Company", 24, narrowest=10),
    TableColumn("role", "Role", 28, drop=2, narrowest=12),
    TableColumn("stage", "Stage", 15, drop=1),
    TableColumn("rating", "Rating", 7, align_right=True),
    TableColumn("status", "Status", 12, drop=3),
)
# The agenda lists this many items per section, then "and N more": a long list would
# bury today's calls (and Textual's OptionList draws every option as it is filled:
# 65 of them cost the first frame ~35 ms).
SHOWN_PER_SECTION = {"overdue": 10, "today": 10, "upcoming": 6}
SHOWN_AHEAD = 5  # interviews ahead on the home; the nearest first
INTERVIEW_ROW = "interview:"  # the agenda row id of a scheduled interview, before its id
MORE_HINT = {
    "overdue": "they move up as you clear these",
    "today": "they move up as you clear these",
    "upcoming": "see each reflection in the journal",
}
DRAFTED = {
    FollowUpKind.THANK_YOU,
    FollowUpKind.STATUS_CHECK,
    FollowUpKind.LINKEDIN,
    FollowUpKind.CALL,
    FollowUpKind.WITHDRAWAL,
}
SECTION_STYLE = {"overdue": "bold $error", "today": "bold $warning", "upcoming": "bold $accent"}
ICONS = {
    FollowUpKind.THANK_YOU: "✉",
    FollowUpKind.LINKEDIN: "in",
    FollowUpKind.REFERENCES: "☎",
    FollowUpKind.CALL: "☎",
    FollowUpKind.STATUS_CHECK: "?",
    FollowUpKind.MARK_COLD: "❄",
    FollowUpKind.WITHDRAWAL: "✉",
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
NOTHING_DUE = (
    "Nothing to follow up right now. Keep job hunting until a firm offer is on the table, "
    "and don't assume the worst while you wait."
)


def display_path(path: Path) -> str:
    """The journal's path as a user would type it: `~/…` under the home folder."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


def fitted_columns(rows: Sequence[dict[str, str]]) -> list[TableColumn]:
    """The latest reflections' columns, each as wide as its widest cell (up to a limit)."""
    return [
        dataclasses.replace(
            column,
            width=min(
                column.width,
                max(
                    [cell_len(column.label), *(cell_len(one_line(row[column.key])) for row in rows)]
                ),
            ),
        )
        for column in LATEST_COLUMNS
    ]


class AgendaList(OptionList):
    """The follow-ups, grouped by when they are due; its keys act on the highlighted one."""

    BINDINGS = [
        Binding(
            "space", "screen.done", "Done", id="agenda.done", tooltip="Mark it done (records when)"
        ),
        Binding("z", "screen.snooze", "Snooze", id="agenda.snooze", tooltip="Do it later"),
        Binding(
            "x",
            "screen.skip",
            "Skip",
            id="agenda.skip",
            tooltip="Dismiss it: you won't do this one",
        ),
        Binding(
            "a",
            "screen.note",
            "Note",
            id="agenda.note",
            tooltip="Attach a note, e.g. left voicemail",
        ),
        Binding(
            "y",
            "screen.replied",
            "They replied",
            id="agenda.replied",
            tooltip="They got back to you: record what they said (ends the status checks)",
        ),
        Binding(
            "u", "screen.undo", "Undo", id="agenda.undo", show=False, tooltip="Undo the last change"
        ),
    ]


class HomeColumn(Vertical):
    """The home's content; tells the screen when its size changes."""

    class Resized(Message):
        pass

    def on_resize(self) -> None:
        self.post_message(self.Resized())


class HomeScreen(JournalView):
    """Overdue, due today and upcoming follow-ups; the latest reflections below."""

    # Focus is given by `reload`, to the list that is shown: Textual's own would land on
    # the agenda even when it is hidden (an empty journal), and its keys would show and act.
    AUTO_FOCUS = ""

    HELP = LIST_KEYS

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
            "app.question_bank",
            "Questions",
            id="home.questions",
            show=False,
            tooltip="Every question you were asked, and how your answers went",
        ),
        Binding(
            "h",
            "app.history",
            "History",
            id="home.history",
            show=False,
            tooltip="Follow-ups done, skipped or no longer needed",
        ),
        Binding(
            "p",
            "app.profile",
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
        self.items: dict[str, FollowUp] = {}
        self.interview_rows: dict[str, Interview] = {}  # by agenda row id
        # Earlier states of the follow-ups changed here, with their opportunity's.
        self._shown: tuple[int, datetime] | None = None  # journal revision and minute last drawn
        self._latest_ids: list[str] = []  # the reflection on each row of the latest
        self._shown_width = 0  # the agenda width last drawn for

    def compose(self) -> ComposeResult:
        yield Header()
        with HomeColumn(id="home"):
            yield Static(id="empty-state")
            yield Static(id="drafts-line")
            yield Static(id="agenda-title")
            yield AgendaList(id="agenda")
            with Horizontal(id="rating-trend"):
                yield Static(Content("Latest ratings  "), id="sparkline-label")
                yield Sparkline([], id="sparkline")
                yield Static(id="sparkline-range")
            yield Static(id="latest-title")
            yield VirtualTable(fitted_columns([]), id="latest")
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
            self._show_agenda(now)
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

    def _show_agenda(self, now: pendulum.DateTime) -> None:
        journal = self.journal
        to_do = actionable(journal.followups(), journal.reflections(), journal.opportunities())
        sections = agenda(to_do, now)
        ahead = schedule(journal.interviews(), now)
        shown = {
            name: items[: SHOWN_PER_SECTION[name]]
            for name, items in (
                ("overdue", sections.overdue),
                ("today", sections.today),
                ("upcoming", sections.upcoming),
            )
        }  # (the rest is only counted: a long list would bury today's calls)
        agenda_list = self.query_one("#agenda", AgendaList)
        highlighted = agenda_list.highlighted_option.id if agenda_list.highlighted_option else None
        before = [*self.interview_rows, *self.items]
        position = before.index(highlighted) if highlighted in before else 0
        self.items = {item.id: item for items in shown.values() for item in items}
        self.interview_rows = {
            INTERVIEW_ROW + interview.id: interview
            for interview in (*ahead.to_reflect, *ahead.upcoming[:SHOWN_AHEAD])
        }
        agenda_list.clear_options()
        agenda_list.add_options(
            [*self._interview_options(ahead, now), *self._agenda_options(sections, shown, now)]
        )
        self.query_one("#agenda-title", Static).update(self._agenda_title(sections, ahead))
        ids = [*self.interview_rows, *self.items]
        if ids:  # the same row, or (done, skipped) the one that took its place
            keep = highlighted if highlighted in ids else ids[min(position, len(ids) - 1)]
            agenda_list.highlighted = agenda_list.get_option_index(keep)
        agenda_list.display = bool(ids)

    def _agenda_title(self, sections: Agenda, ahead: Schedule) -> Content:
        counts = [
            f"{len(items)} {name}"
            for name, items in (
                ("to reflect on", ahead.to_reflect),
                ("interviews ahead" if len(ahead.upcoming) != 1 else "interview ahead",
                 ahead.upcoming),
                ("overdue", sections.overdue),
                ("due today", sections.today),
                ("upcoming", sections.upcoming),
            )
            if items
        ]  # fmt: skip
        if not counts:
            return Content(NOTHING_DUE)
        heading = "Your agenda" if ahead.upcoming or ahead.to_reflect else "Follow-ups"
        return Content.from_markup(
            "[b]$heading[/b] [dim]· $counts[/dim]", heading=heading, counts=" · ".join(counts)
        )

    def _interview_options(self, ahead: Schedule, now: pendulum.DateTime) -> list[Option | None]:
        """The nudge to reflect on interviews that are over, then the interviews ahead."""
        options: list[Option | None] = []
        if ahead.to_reflect:
            title = f"Reflect while it is fresh ({len(ahead.to_reflect)}) · n or Enter"
            options.append(Option(Content.styled(title, "bold $success"), disabled=True))
            for interview in ahead.to_reflect:
                line = f"Reflect on {self._interview_title(interview)}"
                options.append(
                    Option(
                        self._fitted(" ✎  ", line, ended_phrase(interview, now), "bold $success"),
                        id=INTERVIEW_ROW + interview.id,
                    )
                )
        if ahead.upcoming:
            if options:
                options.append(None)
            title = f"Interviews ahead ({len(ahead.upcoming)}) · Enter to prepare"
            options.append(Option(Content.styled(title, "bold $accent"), disabled=True))
            for interview in ahead.upcoming[:SHOWN_AHEAD]:
                prepared = " · prepared ✓" if interview.prep_questions else ""
                options.append(
                    Option(
                        self._fitted(
                            " ◷  ",
                            self._interview_title(interview) + prepared,
                            when_phrase(interview.start, now),
                            "bold $accent",
                        ),
                        id=INTERVIEW_ROW + interview.id,
                    )
                )
        if options and self.items:
            options.append(None)
        return options

    def _interview_title(self, interview: Interview) -> str:
        return interview_title(interview, self.journal.opportunity(interview.opportunity_id))

    def _fitted(self, icon: str, text: str, when: str, when_style: str) -> Content:
        """`icon text  when` on one line: the text cut to leave room for when."""
        due = Content("  ") + Content.styled(when, when_style)
        line = Content(icon + text)
        room = max(self._agenda_width() - due.cell_length, 8)
        return line.truncate(room, ellipsis=True) + due

    def _agenda_options(
        self,
        sections: Agenda,
        shown_of: dict[str, Sequence[FollowUp]],
        now: pendulum.DateTime,
    ) -> list[Option | None]:
        options: list[Option | None] = []
        for name, title, items in (
            ("overdue", "Overdue", sections.overdue),
            ("today", "Due today", sections.today),
            ("upcoming", "Upcoming", sections.upcoming),
        ):
            if not items:
                continue
            if options:
                options.append(None)  # a separator line
            options.append(
                Option(
                    Content.styled(f"{title} ({len(items)})", SECTION_STYLE[name]), disabled=True
                )
            )
            shown = shown_of[name]
            options += [Option(self._item_prompt(item, now, name), id=item.id) for item in shown]
            if len(items) > len(shown):
                more = f"   … and {len(items) - len(shown)} more: {MORE_HINT[name]}"
                options.append(Option(Content.styled(more, "$text-muted"), disabled=True))
        return options

    def _item_prompt(self, item: FollowUp, now: pendulum.DateTime, section: str) -> Content:
        """One line per follow-up, whatever the width: the full wording where it fits, then
        the brief one (company and round number only), then cut with an ellipsis; when it
        is due always shows."""
        when_style = {"overdue": "$error", "today": "$warning"}.get(section, "$text-muted")
        due = Content("  ") + Content.styled(due_phrase(item, now), f"bold {when_style}")
        room = self._agenda_width() - due.cell_length
        optional = " (optional)" if item.optional else ""
        for brief in (False, True):
            line = Content(
                f" {ICONS[item.kind]:>2}  {describe(item, brief=brief)}{optional}"
            ) + Content.styled(f" · {self._where(item, brief=brief)}", "$text-muted")
            if line.cell_length <= room:
                break
        line = line.truncate(max(room, 8), ellipsis=True) + due
        if item.note:
            note = Content.styled(f"      ✎ {item.note}", "italic $text-muted")
            line += Content("\n") + note.truncate(self._agenda_width(), ellipsis=True)
        return line

    def _where(self, item: FollowUp, *, brief: bool) -> str:
        """`Acme — Data Engineer · round 2 · technical`; brief: `Acme · round 2`."""
        opportunity = self.journal.opportunity_of(item.reflection_id)
        if opportunity is None:
            return ""
        rounds = self.journal.rounds(opportunity.id)
        number = next((n for n, r in enumerate(rounds, 1) if r.id == item.reflection_id), 1)
        if brief:
            return opportunity.company + (f" · round {number}" if len(rounds) > 1 else "")
        named = round_name(number, len(rounds), rounds[number - 1])
        return opportunity.title + (f" · {named}" if named else "")

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
            Content.styled(f"  {low}–{high} of 10 · F4 for trends", "$text-muted")
        )

    def _show_latest(self, reflections: Sequence[Reflection], now: pendulum.DateTime) -> None:
        self.query_one("#latest-title", Static).update(
            Content.from_markup(
                "[b]Latest reflections[/b] "
                "[dim]· $count in your journal, $opportunities · F3 for all[/dim]",
                count=str(len(reflections)),
                opportunities=plural(
                    len(self.journal.opportunities()), "opportunity", "opportunities"
                ),
            )
        )
        newest = reflections[:LATEST]
        rows: list[dict[str, str]] = []
        for reflection in newest:
            opportunity = self.journal.opportunity_of(reflection.id)
            rows.append(
                {
                    "when": relative_or_absolute(reflection.interview_at, now),
                    "company": opportunity.company if opportunity else "?",
                    "role": opportunity.role if opportunity else "?",
                    "stage": reflection.stage.label if reflection.stage else "—",
                    "rating": f"{reflection.rating:>2} / 10",
                    "status": opportunity.status.label if opportunity else "",
                }
            )
        self._latest_ids = [reflection.id for reflection in newest]
        table = self.query_one("#latest", VirtualTable)
        table.set_columns(fitted_columns(rows))
        table.show_rows(len(rows), lambda row, key: rows[row][key])

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
        option = self.query_one("#agenda", AgendaList).highlighted_option
        return self.items.get(option.id or "") if option else None

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

    def action_done(self) -> None:
        interview = self._highlighted_interview()
        if interview is not None:  # (space on an interview: as Enter)
            if not held_back(self.typing, lambda text: self.notify(text, timeout=4)):
                self._open_interview(interview)
            return
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
        from debrief.ui.screens.dialogs import ChoiceScreen, PromptScreen

        item = self._highlighted()
        if item is None:
            return
        now = self.clock()
        choices = snooze_choices(now)

        def snooze_until(moment: pendulum.DateTime) -> None:
            self._change(
                item, snooze(item, moment), f"Snoozed until {moment.format('ddd D MMM, HH:mm')}."
            )

        def picked_date(text: str | None) -> None:
            if text is not None:
                snooze_until(parse_when(text, now, prefer="future"))

        def check_date(text: str) -> str | None:
            try:
                moment = parse_when(text, now, prefer="future")
            except DateParseError as error:
                return str(error)
            return None if moment > now else "Pick a moment in the future"

        def chosen(value: str | None) -> None:
            if value == "pick":
                prompt = PromptScreen(
                    "Snooze until…",
                    "When should it come back?",
                    placeholder="friday 9:00, in 5 days, 2026-12-01",
                    check=check_date,
                )
                self.app.push_screen(prompt, callback=picked_date)
            elif value is not None:
                snooze_until(dict(choices)[value])

        options = [(label, label) for label, _ in choices] + [("pick", "Pick a date…")]
        self.app.push_screen(
            ChoiceScreen(f"Snooze: {describe(item)}", options, ""), callback=chosen
        )

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
            from debrief.ui.screens.draft import DraftScreen

            self.app.push_screen(DraftScreen(self.journal, item.id, self.clock))
        else:
            self._open_reflection(item.reflection_id)

    def _open_interview(self, interview: Interview) -> None:
        """One that is over: reflect on it; one ahead: its preparation."""
        if interview.end <= self.clock():
            self.post_message(ReflectOnInterview(interview.id))
        else:
            self.post_message(PrepareInterview(interview.id))

    def _highlighted_interview(self) -> Interview | None:
        option = self.query_one("#agenda", AgendaList).highlighted_option
        return self.interview_rows.get(option.id or "") if option else None

    def _dismiss_interview(self, interview: Interview) -> None:
        """x on a nudge: no reflection for this one (u brings the nudge back)."""
        title = self._interview_title(interview)
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
        self._open_reflection(self._latest_ids[event.row])

    def _open_reflection(self, reflection_id: str) -> None:
        from debrief.ui.screens.detail import DetailScreen

        self.app.push_screen(
            DetailScreen(self.journal, reflection_id, self.clock, typing=self.typing)
        )
