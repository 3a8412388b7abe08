"""Opportunities side by side, and a weighted decision: pure functions, no UI, no storage.

Money is compared only within one currency: amounts in different currencies are flagged,
never converted with a made-up rate. Annual figures state their working-time assumption.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from debrief.dates import format_day, plural
from debrief.model import (
    ANNUAL_FACTOR,
    CURRENT_JOB,
    SCORE_MAX,
    Criterion,
    Decision,
    Money,
    Opportunity,
    Period,
    Rapport,
    Reflection,
    Settings,
)
from debrief.text import md_escape, printable_lines

MAX_CHOSEN = 4
RAPPORT_ORDER = {Rapport.NO: 0, Rapport.UNSURE: 1, Rapport.YES: 2}
RAPPORT_SCORE = {Rapport.YES: 4, Rapport.UNSURE: 3, Rapport.NO: 1}  # culture prefill
ASSUMPTIONS = {
    Period.YEAR: "",
    Period.MONTH: "monthly × 12",
    Period.DAY: "daily × 5 × 52",
    Period.HOUR: "hourly × 40 × 52",
}


@dataclass(frozen=True)
class Column:
    """One thing being compared: an opportunity with its rounds, or the current job."""

    key: str
    title: str
    role: str
    opportunity: Opportunity | None
    rounds: tuple[Reflection, ...]  # oldest first
    pays: tuple[tuple[int, Money], ...] = ()  # (round number, figure), oldest first
    current_pay: Money | None = None  # the current job's, from the profile
    notes: str = ""

    @property
    def latest(self) -> Reflection | None:
        return self.rounds[-1] if self.rounds else None

    @property
    def pay(self) -> Money | None:
        """The latest figure: what was said last is what is on the table."""
        return self.pays[-1][1] if self.pays else self.current_pay


@dataclass(frozen=True)
class Row:
    aspect: str
    cells: tuple[str, ...]
    best: frozenset[int] = frozenset()  # indexes of the cells to highlight
    note: str = ""  # e.g. how money was made annual
    sources: tuple[str, ...] = ()  # per cell: where an older answer came from ("round 1")


def columns_for(
    chosen: Sequence[Opportunity],
    reflections: Sequence[Reflection],
    settings: Settings,
    *,
    include_current: bool,
) -> list[Column]:
    columns = []
    for opportunity in chosen:
        rounds = tuple(
            sorted(
                (r for r in reflections if r.opportunity_id == opportunity.id),
                key=lambda r: r.interview_at,
            )
        )
        pays = tuple(
            (number, r.money) for number, r in enumerate(rounds, start=1) if r.money is not None
        )
        columns.append(
            Column(opportunity.id, opportunity.company, opportunity.role, opportunity, rounds, pays)
        )
    if include_current:
        title = settings.current_company or "Current job"
        columns.append(
            Column(
                CURRENT_JOB,
                f"{title} (now)",
                settings.current_role,
                None,
                (),
                current_pay=settings.current_pay,
                notes=settings.current_notes,
            )
        )
    return columns


def latest_answer(column: Column, attribute: str) -> tuple[object, str]:
    """The latest round's answer, or (when it left the question empty) the latest earlier
    one, with where it came from: (`None`, "") when no round answered."""
    count = len(column.rounds)
    for number in range(count, 0, -1):
        value = getattr(column.rounds[number - 1], attribute)
        if value is not None and value != "":
            return value, "" if number == count else f"round {number}"
    return None, ""


def annual(money: Money) -> Decimal:
    return money.amount * ANNUAL_FACTOR[money.period]


def describe_pay(money: Money | None) -> str:
    if money is None:
        return "—"
    yearly = f"{annual(money):,.0f} {money.currency} a year"
    assumption = ASSUMPTIONS[money.period]
    return (
        f"{yearly} ({money.amount:,} {money.period.label}; {assumption})" if assumption else yearly
    )


def _highest(values: Sequence[float | None]) -> frozenset[int]:
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return frozenset()
    top = max(known)
    return frozenset(i for i, v in enumerate(values) if v == top)


def pay_source(column: Column) -> str:
    """Where the figure shown came from, when older than the latest round, and the other
    figures said before it (`round 1: 85,000 EUR per year`); a figure repeated is not news."""
    if not column.pays:
        return ""
    latest_number, latest = column.pays[-1]
    parts = [f"round {latest_number}"] if latest_number != len(column.rounds) else []
    parts += [
        f"round {number}: {money.amount:,} {money.currency} {money.period.label}"
        for number, money in column.pays[:-1]
        if money != latest
    ]
    return "; ".join(parts)


def pay_row(columns: Sequence[Column]) -> Row:
    """Annual pay in each column's own currency; the best only among one currency."""
    pays = [c.pay for c in columns]
    currencies = {p.currency for p in pays if p is not None}
    best = (
        _highest([float(annual(p)) if p else None for p in pays])
        if len(currencies) == 1
        else frozenset()
    )
    notes = []
    if len(currencies) > 1:
        listed = ", ".join(sorted(currencies))
        notes.append(f"different currencies ({listed}): not compared, no exchange rate assumed")
    if any(p is not None and p.period is not Period.YEAR for p in pays):
        notes.append("a year is 52 weeks of 5 days or 40 hours")
    return Row(
        "Pay (a year)",
        tuple(describe_pay(p) for p in pays),
        best,
        "; ".join(notes),
        tuple(pay_source(c) for c in columns),
    )


def matrix(columns: Sequence[Column]) -> list[Row]:
    """Every aspect as a row, one cell per column; comparable rows mark their best cells.

    An answer left empty in the latest round shows the latest round that gave one, and
    says which: what you liked in round 1 still counts once round 2 exists.
    """

    def answers(attribute: str) -> list[tuple[object, str]]:
        return [latest_answer(c, attribute) for c in columns]

    def text_row(aspect: str, attribute: str) -> Row:
        found = answers(attribute)
        return Row(aspect, tuple(str(v or "—") for v, _ in found), sources=_sources(found))

    def detail(attribute: str) -> tuple[str, ...]:
        return tuple(
            str(getattr(c.opportunity, attribute) or "—") if c.opportunity else "—" for c in columns
        )

    latest_ratings = [float(c.latest.rating) if c.latest else None for c in columns]
    averages = [
        sum(r.rating for r in c.rounds) / len(c.rounds) if c.rounds else None for c in columns
    ]
    wants = answers("want_job")
    want_values = [float(v) if isinstance(v, int) else None for v, _ in wants]
    rapports = answers("could_work_with")
    rapport_values = [v if isinstance(v, Rapport) else None for v, _ in rapports]
    replies = answers("reply_by")
    return [
        Row("Role", tuple(c.role or "—" for c in columns)),
        Row(
            "Status",
            tuple(c.opportunity.status.label if c.opportunity else "your job now" for c in columns),
        ),
        Row("Location", detail("location")),
        Row("Rounds", tuple(str(len(c.rounds)) if c.opportunity else "—" for c in columns)),
        Row(
            "Last interview",
            tuple(format_day(c.latest.interview_at) if c.latest else "—" for c in columns),
        ),
        text_row("Next step", "next_steps"),
        Row(
            "You should hear by",
            tuple(format_day(v) if isinstance(v, date) else "—" for v, _ in replies),
            sources=_sources(replies),
        ),
        Row(
            "Self-rating, latest",
            tuple(_score(v) for v in latest_ratings),
            _highest(latest_ratings),
        ),
        Row("Self-rating, average", tuple(_score(v) for v in averages), _highest(averages)),
        Row(
            "Do you want it?",
            tuple(_score(v) for v in want_values),
            _highest(want_values),
            sources=_sources(wants),
        ),
        Row(
            "Could work with them",
            tuple(r.label if r else "—" for r in rapport_values),
            _highest([float(RAPPORT_ORDER[r]) if r else None for r in rapport_values]),
            sources=_sources(rapports),
        ),
        pay_row(columns),
        text_row("Money notes", "money_notes"),
        text_row("What you like: the role", "likes_role"),
        text_row("What you like: the company", "likes_company"),
        text_row("Reservations", "reservations"),
        text_row("…and how to resolve them", "resolve_reservations"),
        _against_current_job(columns),
        text_row("Against your other options", "vs_other_opportunities"),
        Row("Job posting", detail("link")),
        Row("Recruiter", tuple(_recruiter(c.opportunity) for c in columns)),
    ]


def _sources(found: Sequence[tuple[object, str]]) -> tuple[str, ...]:
    return tuple(source for _, source in found)


def _against_current_job(columns: Sequence[Column]) -> Row:
    """The reflection's comparison; for the current job itself, its notes from the profile."""
    found = [
        (c.notes, "") if c.key == CURRENT_JOB else latest_answer(c, "vs_current_job")
        for c in columns
    ]
    return Row(
        "Against your current job",
        tuple(str(v or "—") for v, _ in found),
        sources=_sources(found),
    )


def _recruiter(opportunity: Opportunity | None) -> str:
    if opportunity is None or not opportunity.recruiter_name:
        return "—"
    reach = [x for x in (opportunity.recruiter_email, opportunity.recruiter_phone) if x]
    return opportunity.recruiter_name + (f" ({', '.join(reach)})" if reach else "")


def _score(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.1f}/10" if value != int(value) else f"{int(value)}/10"


# --- deciding ------------------------------------------------------------------------------


def prefilled(decision: Decision, columns: Sequence[Column]) -> Decision:
    """Scores the journal gives a basis for, where the user has not scored yet.

    Pay: the best annual pay of one currency scores 5, others in proportion. Culture: from
    "could you work with them". Role fit: half of "do you want this job".
    """
    scores = {key: dict(value) for key, value in decision.scores.items()}
    names = {c.name.casefold(): c.name for c in decision.criteria}
    pays = [c.pay for c in columns]
    currencies = {p.currency for p in pays if p is not None}
    top = max((annual(p) for p in pays if p is not None), default=Decimal(0))
    for column in columns:
        own = scores.setdefault(column.key, {})
        guesses: dict[str, int] = {}
        if column.pay is not None and len(currencies) == 1 and top > 0:
            guesses["pay"] = round(annual(column.pay) / top * SCORE_MAX)
        rapport, _ = latest_answer(column, "could_work_with")
        if isinstance(rapport, Rapport):
            guesses["culture / people"] = RAPPORT_SCORE[rapport]
        want, _ = latest_answer(column, "want_job")
        if isinstance(want, int):
            guesses["role fit"] = round(want / 2)
        for folded, score in guesses.items():
            if folded in names and names[folded] not in own:
                own[names[folded]] = max(0, min(SCORE_MAX, score))
    return replace(decision, scores=scores)


def weighted(decision: Decision) -> list[Criterion]:
    """The criteria that count: a weight of 0 keeps a criterion on the list, out of the sums."""
    return [c for c in decision.criteria if c.weight > 0]


def totals(decision: Decision, keys: Sequence[str]) -> dict[str, float | None]:
    """Weighted average score (0–5) per column, over the criteria it has a score for: an
    unscored criterion is missing, not 0 (None when nothing is scored)."""
    result: dict[str, float | None] = {}
    for key in keys:
        scores = decision.scores.get(key, {})
        scored = [c for c in weighted(decision) if c.name in scores]
        weight = sum(c.weight for c in scored)
        points = sum(c.weight * scores[c.name] for c in scored)
        result[key] = float(points / weight) if weight else None
    return result


def unscored(decision: Decision, key: str) -> list[str]:
    scores = decision.scores.get(key, {})
    return [c.name for c in weighted(decision) if c.name not in scores]


def scored_phrase(decision: Decision, key: str) -> str:
    """`3 of 6 criteria scored` when some are missing, else empty."""
    missing = len(unscored(decision, key))
    if not missing:
        return ""
    count = len(weighted(decision))
    return f"{count - missing} of {plural(count, 'criterion', 'criteria')} scored"


def format_total(decision: Decision, key: str, total: float | None) -> str:
    """`3.40`, `3.40 (3 of 6 criteria scored)`, or `—` with nothing scored."""
    if total is None:
        return "—"
    gaps = scored_phrase(decision, key)
    return f"{total:.2f} ({gaps})" if gaps else f"{total:.2f}"


def fully_scored(decision: Decision, keys: Sequence[str]) -> bool:
    """Whether every option has a score for every weighted criterion: only then is a
    ranking a verdict rather than an artefact of what was left empty."""
    return all(not unscored(decision, key) for key in keys)


def missing_scores(decision: Decision, columns: Sequence[Column]) -> str:
    """`To rank them, score Globex on growth and balance; Initrode (now) on role fit.`"""
    gaps = [
        f"{c.title} on {_and([name.lower() for name in unscored(decision, c.key)])}"
        for c in columns
        if unscored(decision, c.key)
    ]
    return f"To rank them, score {'; '.join(gaps)}." if gaps else ""


def ranking(total_by_key: Mapping[str, float | None]) -> list[list[str]]:
    """Keys grouped by total, best first; a group of several is a tie."""
    known = {k: round(v, 6) for k, v in total_by_key.items() if v is not None}
    ordered = sorted(set(known.values()), reverse=True)
    return [[k for k, v in known.items() if v == level] for level in ordered]


def explanation(decision: Decision, columns: Sequence[Column]) -> str:
    """`Acme leads on pay and growth; Globex on work–life balance.` (or a tie, plainly);
    nothing until every option is scored on every weighted criterion."""
    keys = [c.key for c in columns]
    if len(columns) < 2 or not fully_scored(decision, keys):
        return ""
    titles = {c.key: c.title for c in columns}
    places = ranking(totals(decision, keys))
    leads: dict[str, list[str]] = {c.key: [] for c in columns}
    for criterion in weighted(decision):
        scores = {k: decision.scores[k][criterion.name] for k in keys}
        top = max(scores.values())
        leaders = [k for k, v in scores.items() if v == top]
        if len(leaders) == 1:
            leads[leaders[0]].append(criterion.name.lower())
    first = places[0]
    if len(first) > 1:
        opening = f"{_and([titles[k] for k in first])} tie."
    else:
        opening = f"{titles[first[0]]} comes first."
    parts = [
        f"{titles[k]} on {_and(leads[k])}"
        for k in [k for group in places for k in group]
        if leads[k]
    ]
    if not parts:
        return opening
    parts[0] = parts[0].replace(" on ", " leads on ", 1)
    return f"{opening} {'; '.join(parts)}."


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def with_criteria(decision: Decision, criteria: Sequence[Criterion]) -> Decision:
    """The decision with new criteria, scores of renamed criteria carried over by position."""
    renames = {
        old.name: new.name
        for old, new in zip(decision.criteria, criteria, strict=False)
        if old.name != new.name
    }
    scores = {
        key: {renames.get(name, name): score for name, score in value.items()}
        for key, value in decision.scores.items()
    }
    return Decision(tuple(criteria), scores, decision.chosen, decision.include_current)


# --- sharing --------------------------------------------------------------------------------------


def markdown(columns: Sequence[Column], decision: Decision) -> str:
    """The comparison and the decision as a Markdown document."""
    header = "| | " + " | ".join(_md(c.title) for c in columns) + " |"
    rule = "|---|" + "---|" * len(columns)
    lines = ["# Comparing opportunities", "", header, rule]
    rows = matrix(columns)
    for row in rows:
        cells = [
            (f"**{_md(cell)}**" if i in row.best else _md(cell))
            + (f" *({_md(row.sources[i])})*" if row.sources and row.sources[i] else "")
            for i, cell in enumerate(row.cells)
        ]
        lines.append(f"| {row.aspect} | " + " | ".join(cells) + " |")
    notes = [row.note for row in rows if row.note]
    if notes:
        lines += ["", *[f"*{note}*" for note in notes]]
    keys = [c.key for c in columns]
    total_by_key = totals(decision, keys)
    lines += [
        "",
        "## Decision",
        "",
        "| Criterion | Weight | " + " | ".join(_md(c.title) for c in columns) + " |",
        "|---|---|" + "---|" * len(columns),
    ]
    for criterion in decision.criteria:
        scores = [str(decision.scores.get(k, {}).get(criterion.name, "—")) for k in keys]
        lines.append(f"| {_md(criterion.name)} | {criterion.weight} | " + " | ".join(scores) + " |")
    lines.append(
        "| **Total (0–5)** | | "
        + " | ".join(f"**{format_total(decision, k, total_by_key[k])}**" for k in keys)
        + " |"
    )
    verdict = explanation(decision, columns) or missing_scores(decision, columns)
    lines += ["", _md(verdict), ""]
    return printable_lines("\n".join(lines))  # (controls and bidi overrides made visible)


def _md(text: str) -> str:
    """Table-safe and literal: formatting characters escaped, line breaks as <br>."""
    return md_escape(text, newline="<br>")
