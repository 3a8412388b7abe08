"""The question bank: every question you were asked, near-duplicates together, how often,
and how your answers went; by company and stage."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Select, Static

from debrief.columns import TableColumn
from debrief.dates import plural
from debrief.model import Stage
from debrief.questions import QuestionGroup, every_question, question_bank
from debrief.store.journal import Journal
from debrief.ui.widgets.footer import KeysFooter
from debrief.ui.widgets.virtual_table import VirtualTable

COLUMNS = (
    TableColumn("question", "Question", 60, narrowest=36),  # (the others drop first)
    TableColumn("count", "Asked", 6, align_right=True),
    TableColumn("answers", "Answers (1–5)", 18, narrowest=8, keep_end=True),  # (latest)
    TableColumn("latest", "Last asked", 12, drop=2),
    TableColumn("companies", "At", 24, drop=1, narrowest=10),
)
EMPTY = (
    "No questions yet. After an interview, the questionnaire's step 4 asks which questions "
    "you were asked and how well you answered: they collect here, near-duplicates together."
)


class QuestionBankScreen(Screen[None]):
    """The bank as a table; the highlighted question's history below it, every time it
    was asked (Tab or Enter goes down to it to scroll)."""

    ENTER = "Goes down to the highlighted question's history, every time it was asked"
    BINDINGS = [Binding("escape", "back", "Back", id="questions.back")]
    SHOWS_ONLY = True  # (as a JournalView's: F2 closes it on the way home)

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.groups: list[QuestionGroup] = []

    def compose(self) -> ComposeResult:
        companies = sorted({o.company for o in self.journal.opportunities()}, key=str.casefold)
        yield Header()
        with Vertical(id="bank"):
            with Horizontal(id="bank-filters"):
                yield Select(
                    [(Content(c), c) for c in companies], prompt="Every company", id="bank-company"
                )
                yield Select(
                    [(s.label, s.value) for s in Stage], prompt="Every stage", id="bank-stage"
                )
                yield Static(id="bank-count")
            yield VirtualTable(COLUMNS, id="bank-table")
            with VerticalScroll(id="bank-detail"):
                yield Static(id="bank-history")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Question bank"
        self.show()
        self.query_one("#bank-table").focus()

    @on(Select.Changed)
    def show(self) -> None:
        company = self.query_one("#bank-company", Select).value
        stage = self.query_one("#bank-stage", Select).value
        opportunities = {o.id: o for o in self.journal.opportunities()}
        asked = every_question(self.journal.reflections(), opportunities)
        self.groups = question_bank(
            asked,
            company=str(company) if company is not Select.NULL else "",
            stage=Stage(str(stage)) if stage is not Select.NULL else None,
        )
        times = sum(group.count for group in self.groups)
        self.query_one("#bank-count", Static).update(
            Content.styled(
                f"{plural(len(self.groups), 'question')}, asked {plural(times, 'time')}",
                "$text-muted",
            )
        )
        rows = [
            {
                "question": group.text,
                "count": str(group.count),
                "answers": group.trend(),
                "latest": group.latest.strftime("%-d %b %Y"),
                "companies": ", ".join(group.companies),
            }
            for group in self.groups
        ]
        table = self.query_one("#bank-table", VirtualTable)
        table.show_rows(len(rows), lambda row, key: rows[row][key], cursor=0, fit=True)
        table.display = bool(rows)
        if not rows:
            self.query_one("#bank-history", Static).update(
                Content(EMPTY if not asked else "No question matches these filters.")
            )

    @on(VirtualTable.Highlighted)
    def _show_history(self, event: VirtualTable.Highlighted) -> None:
        if not 0 <= event.row < len(self.groups):
            return
        group = self.groups[event.row]
        lines = [Content.styled(group.text, "bold")]
        for asked in reversed(group.asked):
            stage = f" · {asked.stage.label.lower()}" if asked.stage else ""
            answered = f" · answered {asked.answered}/5" if asked.answered is not None else ""
            lines.append(
                Content(
                    f"  {asked.when.strftime('%a %-d %b %Y')} · {asked.company}{stage}{answered}"
                )
            )
            if asked.better_answer:
                lines.append(Content.styled(f"      better: {asked.better_answer}", "$success"))
        if len(group.asked) > 1:
            wordings = {a.text for a in group.asked}
            if len(wordings) > 1:
                lines.append(
                    Content.styled(
                        "  Also worded: " + " / ".join(sorted(wordings - {group.text})),
                        "$text-muted",
                    )
                )
        self.query_one("#bank-history", Static).update(Content("\n").join(lines))
        self.query_one("#bank-detail", VerticalScroll).scroll_home(animate=False)

    @on(VirtualTable.Selected)
    def _read_history(self) -> None:
        self.query_one("#bank-detail", VerticalScroll).focus()

    def action_back(self) -> None:
        """Esc: from a question's history back up to the list (it went home at once);
        from the list, back to where the bank was opened."""
        table = self.query_one("#bank-table", VirtualTable)
        if table.display and not table.has_focus:
            table.focus()
            return
        self.app.pop_screen()
