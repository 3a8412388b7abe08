"""Narrow the journal: status, stage, company, rating range and a period, all in one dialog."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, SelectionList, Static

from debrief.browse import Filters, parse_optional_day, parse_period, parse_rating_bound
from debrief.dates import DateParseError
from debrief.model import Stage, Status
from debrief.model.values import RATING_MAX, RATING_MIN
from debrief.ui.screens.form import FormKeys

# The periods offered; no choice is "Any time" (the prompt, offered once).
PERIODS = [
    "Last 7 days",
    "Last 30 days",
    "Last 90 days",
    "Last 12 months",
    "This month",
    "This year",
]
# The dialog's rows besides its fields: border, padding, title, message and buttons.
CHROME = 2 + 2 + 2 + 1 + 4


class FilterScreen(FormKeys, ModalScreen[Filters | None]):
    """Edits a `Filters`; dismisses with the new filters, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="filters.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="filters.apply"),
    ]

    def __init__(self, filters: Filters, companies: list[str], today: date) -> None:
        super().__init__(classes="dialog-screen")
        self.filters = filters
        self.companies = companies
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="filters"):
            yield Static(Content.styled("Filter the journal", "bold"), classes="dialog-title")
            # (the fields scroll on a short screen; the buttons below always show)
            with VerticalScroll(id="filter-body"):
                yield from self._fields()
            yield Static(id="filter-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply (ctrl+s)", id="apply", variant="primary")
                yield Button("Clear all", id="clear")
                yield Button("Cancel (esc)", id="cancel")

    def _fields(self) -> ComposeResult:
        """Status and stage side by side, company, rating and period beside them, the
        dates below: compact fields, so that all of it fits 80×24 without scrolling."""
        f = self.filters
        with Horizontal(classes="filter-lists"):
            with Vertical(classes="filter-list"):
                yield Label("Status")
                yield SelectionList[str](
                    *[(s.label, s.value, s in f.statuses) for s in Status],
                    id="statuses",
                    compact=True,
                )
            with Vertical(classes="filter-list"):
                yield Label("Stage")
                yield SelectionList[str](
                    *[(s.label, s.value, s in f.stages) for s in Stage], id="stages", compact=True
                )
            with Vertical(id="filter-side"):
                yield Label("Company")
                yield Select(
                    [(Content(company), company) for company in self.companies],  # literal
                    prompt="Any company",
                    value=f.company if f.company in self.companies else Select.NULL,
                    id="company",
                    compact=True,
                )
                yield Label("Rating")
                with Horizontal(classes="filter-row"):
                    yield Input(
                        str(f.rating_min or ""), placeholder="from 1", id="rating-min", compact=True
                    )
                    yield Static("–", classes="filter-dash")
                    yield Input(
                        str(f.rating_max or ""), placeholder="to 10", id="rating-max", compact=True
                    )
                yield Label("When")
                yield Select(
                    [(label, label) for label in PERIODS],
                    prompt="Any time",
                    value=f.period_label if f.period_label in PERIODS else Select.NULL,
                    id="period",
                    compact=True,
                )
        with Horizontal(classes="filter-row", id="filter-dates"):
            since = f.since.isoformat() if f.since and not f.period_label else ""
            until = f.until.isoformat() if f.until and not f.period_label else ""
            yield Label("Or from")
            yield Input(since, placeholder="2026-09-01, last monday…", id="since", compact=True)
            yield Label("to")
            yield Input(until, placeholder="today", id="until", compact=True)

    def on_mount(self) -> None:
        self.query_one("#statuses").focus()

    def on_resize(self, event: events.Resize) -> None:
        """The fields get what the screen has left beside the title and the buttons (as
        tall as they need when it is enough), so the buttons never fall off a short one."""
        self.query_one("#filter-body").styles.max_height = max(event.size.height - CHROME, 4)

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        filters = self._checked()
        if filters is not None:
            self.dismiss(filters)

    def _checked(self) -> Filters | None:
        """The filters as the fields say them, or None with what is wrong shown (and
        nothing shown when nothing is)."""
        message = self.query_one("#filter-error", Static)
        try:
            filters = self._read()
        except (ValueError, DateParseError) as error:
            message.update(Content(f"⚠ {error}"))
            message.display = True
            return None
        message.display = False
        return filters

    @on(Input.Changed)
    @on(Select.Changed)
    def _recheck(self) -> None:
        """A problem shown goes as soon as it is fixed, not at the next Apply."""
        if self.query_one("#filter-error").display:
            self._checked()

    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        self.dismiss(Filters())

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    def form_done(self) -> None:
        self.query_one("#apply", Button).focus()

    def _read(self) -> Filters:
        statuses = frozenset(Status(v) for v in self.query_one("#statuses", SelectionList).selected)
        stages = frozenset(Stage(v) for v in self.query_one("#stages", SelectionList).selected)
        company = self.query_one("#company", Select).value
        low = parse_rating_bound(self.query_one("#rating-min", Input).value)
        high = parse_rating_bound(self.query_one("#rating-max", Input).value)
        if low is not None and high is not None and low > high:
            raise ValueError(f"The rating range {low}–{high} is upside down")
        low = None if low == RATING_MIN else low  # (1 to 10 is every rating: no filter)
        high = None if high == RATING_MAX else high
        filters = Filters(
            statuses=statuses,
            stages=stages,
            company=str(company) if company is not Select.NULL else "",
            rating_min=low,
            rating_max=high,
        )
        period = self.query_one("#period", Select).value
        since_text = self.query_one("#since", Input).value
        until_text = self.query_one("#until", Input).value
        if since_text.strip() or until_text.strip():
            since = parse_optional_day(since_text, self.today)
            until = parse_optional_day(until_text, self.today)
            if since and until and since > until:
                raise ValueError("The period ends before it starts")
            return replace(filters, since=since, until=until)
        if period is not Select.NULL:
            since, until = parse_period(str(period), self.today)
            return replace(filters, since=since, until=until, period_label=str(period))
        return filters
