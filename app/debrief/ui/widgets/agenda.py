"""The home screen's agenda: interviews to reflect on and interviews ahead, then the
follow-ups grouped by when they are due, each on one line fitted to the width.

The list only shows; its keys are carried out by the screen (`screen.done`, …), which
knows the journal's actions, the dialogs and the undo.
"""

from __future__ import annotations

from collections.abc import Sequence

import pendulum
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from debrief.followups import Agenda, actionable, agenda, describe, due_phrase, round_name
from debrief.interviews import (
    Schedule,
    ended_phrase,
    interview_title,
    interview_when,
    is_prepared,
    schedule,
)
from debrief.model import FollowUp, FollowUpKind, Interview
from debrief.store.journal import Journal

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
NOTHING_DUE = (
    "Nothing to follow up right now. Keep job hunting until a firm offer is on the table, "
    "and don't assume the worst while you wait."
)


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

    def __init__(self, journal: Journal, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.journal = journal
        self.items: dict[str, FollowUp] = {}  # the follow-ups shown, by row id
        self.interview_rows: dict[str, Interview] = {}  # the interviews shown, by row id

    def show(self, now: pendulum.DateTime, width: int, *, to_new: bool = False) -> Content:
        """Fill the list with what is to do at `now`, in lines `width` cells wide; the
        highlight stays on its row (or, done or skipped, on the one that took its place;
        `to_new`: on a row that was not there or has changed, as an item an undo brought
        back).
        Returns the heading for above the list."""
        journal = self.journal
        to_do = actionable(journal.followups(), journal.reflections(), journal.opportunities())
        sections = agenda(to_do, now)
        ahead = schedule(journal.interviews(), now, journal.opportunities())
        shown = {
            name: items[: SHOWN_PER_SECTION[name]]
            for name, items in (
                ("overdue", sections.overdue),
                ("today", sections.today),
                ("upcoming", sections.upcoming),
            )
        }  # (the rest is only counted: a long list would bury today's calls)
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        before = [*self.interview_rows, *self.items]
        was: dict[str, object] = {**self.interview_rows, **self.items}
        position = before.index(highlighted) if highlighted in before else 0
        self.items = {item.id: item for items in shown.values() for item in items}
        self.interview_rows = {
            INTERVIEW_ROW + interview.id: interview
            for interview in (*ahead.to_reflect, *ahead.upcoming[:SHOWN_AHEAD])
        }
        self.clear_options()
        self.add_options(
            [
                *self._interview_options(ahead, now, width),
                *self._agenda_options(sections, shown, now, width),
            ]
        )
        ids = [*self.interview_rows, *self.items]
        if ids:  # the same row, or (done, skipped) the one that took its place
            keep = highlighted if highlighted in ids else ids[min(position, len(ids) - 1)]
            if to_new:
                keep = _brought_back(ids, was, {**self.interview_rows, **self.items}) or keep
            self.highlighted = self.get_option_index(keep)
        self.display = bool(ids)
        return agenda_title(sections, ahead)

    def highlighted_followup(self) -> FollowUp | None:
        option = self.highlighted_option
        return self.items.get(option.id or "") if option else None

    def highlighted_interview(self) -> Interview | None:
        option = self.highlighted_option
        return self.interview_rows.get(option.id or "") if option else None

    def title_of(self, interview: Interview) -> str:
        """`Globex — onsite`: the interview as the agenda names it."""
        return interview_title(interview, self.journal.opportunity(interview.opportunity_id))

    def _interview_options(
        self, ahead: Schedule, now: pendulum.DateTime, width: int
    ) -> list[Option | None]:
        """The nudge to reflect on interviews that are over, then the interviews ahead."""
        options: list[Option | None] = []
        if ahead.to_reflect:
            title = f"Reflect while it is fresh ({len(ahead.to_reflect)}) · n or Enter"
            options.append(Option(Content.styled(title, "bold $success"), disabled=True))
            for interview in ahead.to_reflect:
                line = f"Reflect on {self.title_of(interview)}"
                options.append(
                    Option(
                        fitted(" ✎  ", line, ended_phrase(interview, now), "bold $success", width),
                        id=INTERVIEW_ROW + interview.id,
                    )
                )
        if ahead.upcoming:
            if options:
                options.append(None)
            title = f"Interviews ahead ({len(ahead.upcoming)}) · Enter to prepare"
            options.append(Option(Content.styled(title, "bold $accent"), disabled=True))
            for interview in ahead.upcoming[:SHOWN_AHEAD]:
                prepared = " · prepared ✓" if is_prepared(interview) else ""
                options.append(
                    Option(
                        fitted(
                            " ◷  ",
                            self.title_of(interview) + prepared,
                            interview_when(interview, now),
                            "bold $accent",
                            width,
                        ),
                        id=INTERVIEW_ROW + interview.id,
                    )
                )
        if options and self.items:
            options.append(None)
        return options

    def _agenda_options(
        self,
        sections: Agenda,
        shown_of: dict[str, Sequence[FollowUp]],
        now: pendulum.DateTime,
        width: int,
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
            options += [
                Option(self._item_prompt(item, now, name, width), id=item.id) for item in shown
            ]
            if len(items) > len(shown):
                more = f"   … and {len(items) - len(shown)} more: {MORE_HINT[name]}"
                options.append(Option(Content.styled(more, "$text-muted"), disabled=True))
        return options

    def _item_prompt(
        self, item: FollowUp, now: pendulum.DateTime, section: str, width: int
    ) -> Content:
        """One line per follow-up, whatever the width: the full wording where it fits, then
        the brief one (company and round number only), then cut with an ellipsis; when it
        is due always shows."""
        when_style = {"overdue": "$error", "today": "$warning"}.get(section, "$text-muted")
        due = Content("  ") + Content.styled(due_phrase(item, now), f"bold {when_style}")
        room = width - due.cell_length
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
            line += Content("\n") + note.truncate(width, ellipsis=True)
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


def agenda_title(sections: Agenda, ahead: Schedule) -> Content:
    """`Your agenda · 1 to reflect on · 2 overdue`, or that nothing is due."""
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


def fitted(icon: str, text: str, when: str, when_style: str, width: int) -> Content:
    """`icon text  when` on one line of `width` cells: the text cut to leave room for when."""
    due = Content("  ") + Content.styled(when, when_style)
    line = Content(icon + text)
    room = max(width - due.cell_length, 8)
    return line.truncate(room, ellipsis=True) + due


def _brought_back(ids: list[str], was: dict[str, object], shown: dict[str, object]) -> str | None:
    """The row an undo brought back: one shown before and changed (a snooze undone moves
    its item back); else one not shown before (a done undone). A row that only came back
    into view, pushed out by the snoozed item, is not it."""
    changed = (row for row in ids if row in was and was[row] != shown[row])
    new = (row for row in ids if row not in was)
    return next(changed, None) or next(new, None)
