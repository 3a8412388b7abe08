"""One reflection as a readable document, with its other rounds one keypress away."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from debrief.browse import match_spans
from debrief.dates import Clock, format_day
from debrief.document import reflection_document
from debrief.model import Reflection
from debrief.questionnaire import AnswerContext, describe_interviewer
from debrief.store.journal import Journal
from debrief.ui.guard import TypingGuard, held_back
from debrief.ui.keyboard import LIST_KEYS
from debrief.ui.messages import (
    ChangeStatus,
    DeleteReflection,
    EditJobDetails,
    EditReflection,
    RecordReply,
    UndoLast,
)
from debrief.ui.screens.view import JournalView
from debrief.ui.widgets.footer import KeysFooter

HIGHLIGHT = "bold reverse $warning"


def highlighted(text: str, query: str) -> Content:
    """`text` shown literally, with every match of `query` marked."""
    content = Content(text)
    for start, end in match_spans(text, query):
        content = content.stylize(HIGHLIGHT, start, end)
    return content


def _first_hit(widgets: list[Static | OptionList]) -> Static | None:
    """The question above the first answer a search highlighted (None: no highlight below
    the title, which shows anyway)."""
    question: Static | None = None
    for widget in widgets[2:]:  # (the title and subtitle are at the top already)
        if not isinstance(widget, Static):
            continue
        if widget.has_class("doc-question"):
            question = widget
        elif isinstance(widget.content, Content) and widget.content.spans:
            return question or widget
    return None


class DetailScreen(JournalView):
    """The whole reflection: headings per question, cards, money, dates, other rounds."""

    HELP = LIST_KEYS
    ENTER = "On the list of rounds (an opportunity seen more than once): opens that round"

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="detail.back"),
        Binding("e", "edit", "Edit", id="detail.edit"),
        Binding("o", "status", "Status", id="detail.status"),
        Binding(
            "i",
            "job_details",
            "Job details",
            id="detail.details",
            tooltip="Location, job posting and recruiter of the opportunity",
        ),
        Binding("y", "replied", "They replied", id="detail.replied"),
        Binding(
            "u", "undo", "Undo", id="detail.undo", show=False, tooltip="Undo the last change"
        ),
        Binding("d,delete", "delete", "Delete", id="detail.delete"),
        Binding("left_square_bracket", "round(-1)", "Earlier round", id="detail.earlier"),
        Binding("right_square_bracket", "round(1)", "Later round", id="detail.later"),
    ]

    def __init__(
        self,
        journal: Journal,
        reflection_id: str,
        clock: Clock,
        *,
        query: str = "",
        typing: TypingGuard | None = None,
    ) -> None:
        super().__init__(journal, clock, typing)
        self.reflection_id = reflection_id
        self.search_text = query

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="document")
        yield KeysFooter()

    async def on_mount(self) -> None:
        await self.show(self.reflection_id)

    def reload(self) -> None:
        self._show_again()

    # (a worker of a method, not of a coroutine made at once: a reload cancels the one
    # before it, which may not have started, and its coroutine was then never awaited)
    @work(group="detail", exclusive=True)
    async def _show_again(self) -> None:
        await self.show(self.reflection_id)

    async def show(self, reflection_id: str) -> None:
        reflection = self.journal.reflection(reflection_id)
        if reflection is None:  # deleted (here, or in another window): nothing left to show
            if self.is_current:
                self.app.pop_screen()
            return
        self.reflection_id = reflection_id
        self.refresh_bindings()  # ([ and ] follow the round shown)
        opportunity = self.journal.opportunity(reflection.opportunity_id)
        assert opportunity is not None
        rounds = self.journal.rounds(opportunity.id)
        followups = self.journal.followups(reflection.id)
        context = AnswerContext(
            now=self.clock(), default_currency=self.journal.settings().default_currency
        )
        document = reflection_document(reflection, opportunity, rounds, context, followups)
        self.title = document.title
        page = self.query_one("#document", VerticalScroll)
        await page.remove_children()
        widgets: list[Static | OptionList] = [
            Static(highlighted(document.title, self.search_text), classes="doc-title"),
            Static(Content(document.subtitle), classes="doc-subtitle"),
        ]
        for section in document.sections:
            widgets.append(Static(Content(section.heading), classes="doc-heading"))
            for answer in section.answers:
                widgets.append(Static(Content(answer.question), classes="doc-question"))
                if answer.key == "interviewers":
                    widgets += [
                        Static(
                            highlighted(
                                describe_interviewer(p).replace(" · ", "\n"), self.search_text
                            ),
                            classes="doc-card",
                        )
                        for p in reflection.interviewers
                    ]
                else:
                    widgets.append(
                        Static(highlighted(answer.text, self.search_text), classes="doc-answer")
                    )
        if len(rounds) > 1:
            widgets.append(Static(Content("All rounds of this opportunity"), classes="doc-heading"))
            widgets.append(self._rounds_list(rounds, reflection))
        widgets.append(Static(Content(document.footer), classes="doc-footer"))
        await page.mount_all(widgets)
        page.scroll_home(animate=False)
        first_hit = _first_hit(widgets)
        if first_hit is not None:  # opened from a search: show where the words are
            self.call_after_refresh(page.scroll_to_widget, first_hit, animate=False, top=True)

    def _rounds_list(self, rounds: list[Reflection], current: Reflection) -> OptionList:
        options = []
        for number, reflection in enumerate(rounds, start=1):
            marker = "●" if reflection.id == current.id else " "
            stage = reflection.stage.label if reflection.stage else "Interview"
            day = format_day(reflection.interview_at)
            line = f"{marker} {number}. {stage} · {day} · {reflection.rating}/10"
            options.append(Option(Content(line), id=reflection.id))
        rounds_list = OptionList(*options, id="rounds")
        rounds_list.highlighted = [r.id for r in rounds].index(current.id)
        return rounds_list

    @on(OptionList.OptionSelected, "#rounds")
    async def _jump(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and event.option.id != self.reflection_id:
            await self.show(event.option.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`[` and `]` only where there is an earlier or a later round (F1 and the footer
        offered them on an opportunity of one round, where they did nothing)."""
        if action != "round":
            return True
        return self._round_at(int(str(parameters[0]))) is not None if parameters else False

    def _round_at(self, step: int) -> str | None:
        """The id of the round `step` rounds from this one, if there is one."""
        reflection = self.journal.reflection(self.reflection_id)
        if reflection is None:
            return None
        ids = [r.id for r in self.journal.rounds(reflection.opportunity_id)]
        target = ids.index(self.reflection_id) + step if self.reflection_id in ids else -1
        return ids[target] if 0 <= target < len(ids) else None

    async def action_round(self, step: int) -> None:
        target = self._round_at(step)
        if target is not None:
            await self.show(target)
        else:
            self.app.bell()

    def action_edit(self) -> None:
        self._request(EditReflection(self.reflection_id))

    def action_status(self) -> None:
        self._request(ChangeStatus(self.reflection_id))

    def action_delete(self) -> None:
        self._request(DeleteReflection(self.reflection_id))

    def action_job_details(self) -> None:
        self._request(EditJobDetails(self.reflection_id))

    def action_replied(self) -> None:
        self._request(RecordReply(self.reflection_id))

    def action_undo(self) -> None:
        self._request(UndoLast())

    def _request(self, message: Message) -> None:
        if not held_back(self.typing, lambda text: self.notify(text, timeout=4)):
            self.post_message(message)
