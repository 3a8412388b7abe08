"""Trends: am I getting better, and what keeps going wrong? The figures come from `trends.py`;
this screen only draws them, after working them out off the UI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pendulum
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Header, OptionList, Select, Static
from textual.widgets.option_list import Option

from debrief.dates import Clock, ordinal, plural
from debrief.model import MIN_FOR_TRENDS, FollowUp, Opportunity, Reflection
from debrief.store.journal import Journal
from debrief.trends import (
    PERIODS,
    Group,
    Trends,
    WeakSpot,
    WordCache,
    compute,
    of_company,
    outcome_aside,
    too_few_note,
    within,
)
from debrief.ui.messages import ShowInterviews
from debrief.ui.screens.view import JournalView
from debrief.ui.widgets.fitted import FittedLines, hanging
from debrief.ui.widgets.footer import KeysFooter
from debrief.ui.widgets.rating_chart import RatingChart

BAR_WIDTH = 30  # cells for a rating of 10, where there is room
NARROWEST_BAR = 10  # a bar shrinks to this before a group's line wraps
CHART_POINTS = 300  # more interviews than this are sampled evenly for the chart
ALL_COMPANIES = "__all__"
FIRST_PERIOD = "All time"  # what the screen shows when it opens

CLEAR_HINT = "x clears the filters"


def bar(value: float | None, *, scale: float = 10, cells: int = BAR_WIDTH) -> Content:
    """`███████▌░░░ 7.5`: a rating as a bar; empty when there is nothing to show."""
    if value is None:
        return Content.styled("—", "$text-muted")
    eighths = round(value / scale * cells * 8)
    full, part = divmod(eighths, 8)
    partial = " ▏▎▍▌▋▊▉"[part] if part else ""
    filled = "█" * full + partial
    return (
        Content.styled(filled, "$accent")
        + Content.styled("░" * (cells - len(filled)), "$text-muted 30%")
        + Content(f" {value:.1f}")
    )


@dataclass(frozen=True, repr=False)
class TrendsInput:
    """What the figures are worked out from, read on the UI thread (the journal is not
    shared with threads); the records are immutable, so a thread may then use them."""

    now: pendulum.DateTime
    every_round: Sequence[Reflection]
    opportunities: dict[str, Opportunity]
    followups: list[FollowUp]
    period: str
    company: str

    def __repr__(self) -> str:
        # Short: Textual names a worker by the repr of its arguments (the full one of
        # 2,000 reflections took ~0.2 s on the UI thread).
        return f"TrendsInput({self.period!r}, {self.company!r}, {len(self.every_round)} rounds)"


def figures_of(given: TrendsInput, words: WordCache) -> Trends:
    """The trends of the chosen period and company (on any thread)."""
    chosen = within(given.every_round, PERIODS[given.period], given.now)
    if given.company != ALL_COMPANIES:
        chosen = of_company(chosen, given.opportunities, given.company)
    return compute(
        chosen, given.every_round, given.opportunities, given.followups, given.now, words
    )


def group_lines(groups: list[Group], width: int) -> list[Content]:
    """A line per group: its label, its bar (shorter where the line would not fit) and
    how many interviews it rests on."""
    label_width = max((len(g.label) for g in groups), default=0)
    counts = [f"  ({plural(g.count, 'interview')})" for g in groups]
    room = width - label_width - len("  ") - len(" 10.0") - max(map(len, counts), default=0)
    cells = min(BAR_WIDTH, max(NARROWEST_BAR, room))
    return [
        line
        for g, count in zip(groups, counts, strict=True)
        for line in hanging(
            Content(f"{g.label:<{label_width}}  "),
            bar(g.average, cells=cells) + Content.styled(count, "$text-muted"),
            width,
        )
    ]


def asked_lines(trends: Trends, width: int) -> list[Content]:
    """Most asked, and weakest answers: the practice list, each question's further lines
    under its start."""
    if not trends.most_asked and not trends.weakest_answers:
        return [
            Content.styled(
                "No question asked twice, nor answered badly, yet: step 4 of the questionnaire "
                "records them.",
                "$text-muted",
            )
        ]
    lines = []
    if trends.most_asked:
        lines.append(Content.styled("Most asked", "italic"))
        for group in trends.most_asked:
            lines += hanging(
                Content(f"  {group.count}×  "),
                Content(f"{group.text}  (your answers: {group.trend()})"),
                width,
            )
    if trends.weakest_answers:
        lines.append(Content.styled("Weakest answers: practise these", "italic"))
        for group in trends.weakest_answers:
            better = f"  better: {group.better_answer}" if group.better_answer else ""
            lines += hanging(
                Content(f"  {group.answers[-1]}/5  "),
                Content(group.text) + Content.styled(better, "$success"),
                width,
            )
    lines.append(
        Content.styled("q on the home screen: every question, by company and stage.", "$text-muted")
    )
    return lines


class TrendsScreen(JournalView):
    """Self-rating over time, by stage and format, against outcomes; weak spots; discipline."""

    # The keys start on the page, so ↓ and PageDown read on at 80×24 (on the period's
    # Select, ↓ opened it and PageDown did nothing); Shift+Tab reaches the filters.
    AUTO_FOCUS = "#trends"
    ENTER = "On a weak spot: the journal, showing the interviews it came up in"  # (F1)

    BINDINGS = [
        Binding("r", "refresh_trends", "Refresh", id="trends.refresh", show=False),
        Binding(
            "x",
            "clear_filters",
            "Clear filters",
            id="trends.clear",
            tooltip="Every company, all time",
        ),
        # The page scrolls from the filters too (a Select has no use for these keys).
        *(
            Binding(key, f"read({where!r})", show=False, id=f"trends.{where}")
            for key, where in (
                ("pageup", "page_up"),
                ("pagedown", "page_down"),
                ("home", "home"),
                ("end", "end"),
            )
        ),
    ]

    def __init__(self, journal: Journal, clock: Clock) -> None:
        super().__init__(journal, clock)
        self.words: WordCache = {}  # each reflection's words, kept until it is edited
        self.period = FIRST_PERIOD
        self.company = ALL_COMPANIES
        self.trends: Trends | None = None
        self.weak_spots: list[WeakSpot] = []  # as listed: Enter shows one's interviews
        self._drawn: tuple[int, str, str] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="trends-bar"):
            yield Select(
                [(p, p) for p in PERIODS], value=self.period, allow_blank=False, id="period"
            )
            yield Select([], prompt="Every company", id="company")
            yield Static(id="trends-count")
        with VerticalScroll(id="trends"):
            yield Static(id="gentle-note")
            yield Static(id="too-few")
            yield Static(
                Content.styled("Self-rating over time", "bold"), classes="trend-heading chart-part"
            )
            yield RatingChart(id="rating-chart", classes="chart-part")
            yield Static(Content.styled("By stage", "bold"), classes="trend-heading")
            yield FittedLines(id="by-stage", classes="trend-body")
            yield Static(Content.styled("By format", "bold"), classes="trend-heading")
            yield FittedLines(id="by-format", classes="trend-body")
            yield Static(Content.styled("Rating and outcome", "bold"), classes="trend-heading")
            yield FittedLines(id="outcome", classes="trend-body")
            yield Static(
                Content.styled("Do you want it, and how did it go?", "bold"),
                classes="trend-heading",
            )
            yield Static(id="quadrants", classes="trend-body")
            yield Static(Content.styled("Recurring weak spots", "bold"), classes="trend-heading")
            yield Static(id="weak-hint", classes="trend-body")
            yield OptionList(id="weak-spots")
            yield Static(Content.styled("Follow-up discipline", "bold"), classes="trend-heading")
            yield Static(id="discipline", classes="trend-body")
            yield Static(
                Content.styled("The questions you were asked", "bold"), classes="trend-heading"
            )
            yield FittedLines(id="asked", classes="trend-body")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Trends"
        self.reload()

    def reload(self) -> None:
        """Work the figures out again if the journal or the choices changed."""
        key = (self.journal.revision, self.period, self.company)
        if key == self._drawn:
            return
        self._drawn = key
        self._fill_companies()
        self.query_one("#trends-count", Static).update(
            Content.styled("Working out your trends…", "$text-muted")
        )
        self._calculate(self.period, self.company)

    def _fill_companies(self) -> None:
        companies = sorted({o.company for o in self.journal.opportunities()}, key=str.casefold)
        select = self.query_one("#company", Select)
        with select.prevent(Select.Changed):
            select.set_options([(Content(c), c) for c in companies])  # literal, never markup
            if self.company in companies:
                select.value = self.company

    def _calculate(self, period: str, company: str) -> None:
        given = TrendsInput(
            now=self.clock(),
            every_round=self.journal.reflections(),
            opportunities={o.id: o for o in self.journal.opportunities()},
            followups=self.journal.followups(),
            period=period,
            company=company,
        )
        self._figures_in_thread(given, self._drawn)

    @work(thread=True, exclusive=True, group="trends")
    def _figures_in_thread(self, given: TrendsInput, asked: object) -> None:
        trends = figures_of(given, self.words)
        self.app.call_from_thread(self._draw_if_asked, asked, trends)

    def _draw_if_asked(self, asked: object, trends: Trends) -> None:
        """Draw figures worked out in a thread unless the screen asked for others since."""
        if asked == self._drawn:
            self._draw(trends)

    # --- drawing ------------------------------------------------------------------

    def _draw(self, trends: Trends) -> None:
        self.trends = trends
        count = Content(f"Based on {plural(trends.count, 'interview')}")
        self.query_one("#trends-count", Static).update(count)
        note = self.query_one("#gentle-note", Static)
        note.display = trends.gentle_note is not None
        note.update(Content(trends.gentle_note or ""))
        too_few = trends.count < MIN_FOR_TRENDS
        self.query_one("#too-few", Static).display = too_few
        self.query_one("#too-few", Static).update(
            Content(
                too_few_note(
                    trends,
                    minimum=MIN_FOR_TRENDS,
                    period=self.period,
                    company=None if self.company == ALL_COMPANIES else self.company,
                    clear_hint=CLEAR_HINT,
                )
            )
        )
        self.refresh_bindings()  # (x clears the filters: shown only while there are some)
        for part in self.query(".trend-heading, .trend-body, #weak-spots, .chart-part"):
            part.display = not too_few
        if too_few:
            return
        self._draw_chart(trends)
        self.query_one("#by-stage", FittedLines).show(
            lambda width: group_lines(trends.by_stage, width)
        )
        self.query_one("#by-format", FittedLines).show(
            lambda width: group_lines(trends.by_format, width)
        )
        self.query_one("#outcome", FittedLines).show(lambda width: self._outcome(trends, width))
        self.query_one("#quadrants", Static).update(self._quadrants(trends))
        self._draw_weak_spots(trends)
        self.query_one("#discipline", Static).update(self._discipline(trends))
        self.query_one("#asked", FittedLines).show(lambda width: asked_lines(trends, width))

    def _draw_chart(self, trends: Trends) -> None:
        step = max(1, len(trends.points) // CHART_POINTS)  # 10,000 dots would not fit anyway
        points, averages = trends.points[::step], trends.moving_average[::step]
        label = "interview" if step == 1 else f"every {ordinal(step)} interview"
        self.query_one("#rating-chart", RatingChart).plot(
            [p.day.toordinal() for p in points],
            [p.rating for p in points],
            averages,
            label,
            today=self.clock().date(),
        )

    @staticmethod
    def _outcome(trends: Trends, width: int) -> list[Content]:
        outcome = trends.outcome
        lines = group_lines([outcome.advanced, outcome.stopped], width)
        aside = outcome_aside(outcome)  # (so that the counts add up to the interviews)
        if aside:
            lines.append(Content.styled(aside, "$text-muted"))
        if outcome.advanced.count + outcome.stopped.count < 5:
            lines.append(
                Content.styled(
                    "Few outcomes yet: read this as a hint, not a verdict.", "$text-muted"
                )
            )
        return lines

    def _quadrants(self, trends: Trends) -> Content:
        q = trends.want_vs_rating
        rows = [
            ("", "went well (6+)", "went badly"),
            ("want it (6+)", str(q["want it, went well"]), str(q["want it, went badly"])),
            ("not keen", str(q["not keen, went well"]), str(q["not keen, went badly"])),
        ]
        return Content("\n").join(Content(f"{a:<14}{b:>16}{c:>12}") for a, b, c in rows)

    def _draw_weak_spots(self, trends: Trends) -> None:
        spots = self.query_one("#weak-spots", OptionList)
        spots.clear_options()
        hint = self.query_one("#weak-hint", Static)
        if not trends.weak_spots:
            hint.update(
                Content.styled("No word comes back in two interviews yet: good.", "$text-muted")
            )
            spots.display = False
            return
        hint.update(
            Content.styled(
                "Words from “what didn't go well” and “lessons”. Enter shows those interviews.",
                "$text-muted",
            )
        )
        spots.display = True
        self.weak_spots = list(trends.weak_spots)
        for spot in trends.weak_spots:
            line = Content.styled(f"{spot.term:<18}", "bold") + Content(
                f" in {plural(spot.count, 'interview')}"
            )
            spots.add_option(Option(line, id=spot.stem))

    def _discipline(self, trends: Trends) -> Content:
        d, f = trends.discipline, trends.funnel
        share = d.on_time_share
        lines = [
            "Thank-you notes on time: "
            + (
                f"{d.on_time} of {d.thank_yous} ({share:.0%})"
                if share is not None
                else "none planned yet"
            ),
            "Time to an answer (median): "
            + (
                f"{d.median_days_to_reply:.0f} days, {plural(d.replies, 'answer')}"
                if d.median_days_to_reply is not None
                else "no answers recorded yet"
            ),
            f"Funnel: {plural(f.opportunities, 'opportunity', 'opportunities')} interviewed → "
            f"{f.next_round} reached a next round → {plural(f.offers, 'offer')}",
        ]
        return Content("\n").join(Content(line) for line in lines)

    # --- choices -------------------------------------------------------------------

    @on(Select.Changed, "#period")
    def _period_changed(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL:
            self.period = str(event.value)
            self.reload()
            self._back_to_the_page()

    @on(Select.Changed, "#company")
    def _company_changed(self, event: Select.Changed) -> None:
        self.company = ALL_COMPANIES if event.value is Select.NULL else str(event.value)
        self.reload()
        self._back_to_the_page()

    def _back_to_the_page(self) -> None:
        """After a choice the keys read the page again: on the Select, ↑ opened it anew and
        the chart above was out of reach until Tab Tab."""
        self.query_one("#trends", VerticalScroll).focus()

    def action_clear_filters(self) -> None:
        self.query_one("#period", Select).value = FIRST_PERIOD
        self.query_one("#company", Select).clear()

    def action_read(self, where: str) -> None:
        page = self.query_one("#trends", VerticalScroll)
        {
            "page_up": page.scroll_page_up,
            "page_down": page.scroll_page_down,
            "home": page.scroll_home,
            "end": page.scroll_end,
        }[where]()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """x shows only while a filter narrows the figures."""
        if action == "clear_filters":
            return self.period != FIRST_PERIOD or self.company != ALL_COMPANIES
        return True

    @on(events.DescendantFocus, "#weak-spots")
    def _highlight_a_weak_spot(self) -> None:
        """The list shows where ↓ and Enter act as soon as it has the keys."""
        spots = self.query_one("#weak-spots", OptionList)
        if spots.highlighted is None and spots.option_count:
            spots.highlighted = 0

    def action_refresh_trends(self) -> None:
        self._drawn = None
        self.reload()

    @on(OptionList.OptionSelected, "#weak-spots")
    def _show_weak_spot(self, event: OptionList.OptionSelected) -> None:
        """The journal, showing exactly the interviews the weak spot was counted from."""
        spot = next((s for s in self.weak_spots if s.stem == event.option.id), None)
        if spot is not None:
            label = f"Weak spot “{spot.term}”: its {plural(spot.count, 'interview')}"
            self.post_message(ShowInterviews(spot.reflection_ids, label))
