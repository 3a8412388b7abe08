"""Opportunities side by side, and a weighted decision: pure functions, no UI, no storage.

Money is compared only within one currency: amounts in different currencies are flagged,
never converted with a made-up rate. Annual figures state their working-time assumption.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from debrief.dates import format_day
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
from debrief.text import md_escape

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
    opportunity: Opportunity | None
    rounds: tuple[Reflection, ...]  # oldest first
    pay: Money | None
    notes: str = ""

    @property
    def latest(self) -> Reflection | None:
        return self.rounds[-1] if self.rounds else None


@dataclass(frozen=True)
class Row:
    aspect: str
    cells: tuple[str, ...]
    best: frozenset[int] = frozenset()  # indexes of the cells to highlight
    note: str = ""  # e.g. how money was made annual


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
        pay = next((r.money for r in reversed(rounds) if r.money is not None), None)
        columns.append(Column(opportunity.id, opportunity.company, opportunity, rounds, pay))
    if include_current:
        title = settings.current_company or "Current job"
        columns.append(
            Column(
                CURRENT_JOB,
                f"{title} (now)",
                None,
                (),
                settings.current_pay,
                settings.current_notes,
            )
        )
    return columns


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
    return Row("Pay (a year)", tuple(describe_pay(p) for p in pays), best, "; ".join(notes))


def matrix(columns: Sequence[Column]) -> list[Row]:
    """Every aspect as a row, one cell per column; comparable rows mark their best cells."""

    def latest(attribute: str) -> tuple[str, ...]:
        return tuple(str(getattr(c.latest, attribute) or "—") if c.latest else "—" for c in columns)

    def of_opportunity(text: str, column: Column) -> str:
        return text if column.opportunity is not None else "—"

    def detail(attribute: str) -> tuple[str, ...]:
        return tuple(
            str(getattr(c.opportunity, attribute) or "—") if c.opportunity else "—" for c in columns
        )

    latest_ratings = [float(c.latest.rating) if c.latest else None for c in columns]
    averages = [
        sum(r.rating for r in c.rounds) / len(c.rounds) if c.rounds else None for c in columns
    ]
    wants = [
        float(c.latest.want_job) if c.latest and c.latest.want_job is not None else None
        for c in columns
    ]
    rapports = [c.latest.could_work_with if c.latest else None for c in columns]
    return [
        Row("Role", tuple(c.opportunity.role if c.opportunity else "—" for c in columns)),
        Row(
            "Status",
            tuple(c.opportunity.status.label if c.opportunity else "your job now" for c in columns),
        ),
        Row("Location", detail("location")),
        Row("Rounds", tuple(of_opportunity(str(len(c.rounds)), c) for c in columns)),
        Row(
            "Last interview",
            tuple(format_day(c.latest.interview_at) if c.latest else "—" for c in columns),
        ),
        Row("Next step", latest("next_steps")),
        Row(
            "You should hear by",
            tuple(
                format_day(c.latest.reply_by) if c.latest and c.latest.reply_by else "—"
                for c in columns
            ),
        ),
        Row(
            "Self-rating, latest",
            tuple(_score(v) for v in latest_ratings),
            _highest(latest_ratings),
        ),
        Row("Self-rating, average", tuple(_score(v) for v in averages), _highest(averages)),
        Row("Do you want it?", tuple(_score(v) for v in wants), _highest(wants)),
        Row(
            "Could work with them",
            tuple(r.label if r else "—" for r in rapports),
            _highest([float(RAPPORT_ORDER[r]) if r else None for r in rapports]),
        ),
        pay_row(columns),
        Row("Money notes", latest("money_notes")),
        Row("What you like: the role", latest("likes_role")),
        Row("What you like: the company", latest("likes_company")),
        Row("Reservations", latest("reservations")),
        Row("…and how to resolve them", latest("resolve_reservations")),
        Row(
            "Against your current job",
            tuple(
                c.notes or "—" if c.key == CURRENT_JOB else _text(c, "vs_current_job")
                for c in columns
            ),
        ),
        Row("Against your other options", latest("vs_other_opportunities")),
        Row("Job posting", detail("link")),
        Row("Recruiter", tuple(_recruiter(c.opportunity) for c in columns)),
    ]


def _recruiter(opportunity: Opportunity | None) -> str:
    if opportunity is None or not opportunity.recruiter_name:
        return "—"
    reach = [x for x in (opportunity.recruiter_email, opportunity.recruiter_phone) if x]
    return opportunity.recruiter_name + (f" ({', '.join(reach)})" if reach else "")


def _text(column: Column, attribute: str) -> str:
    return str(getattr(column.latest, attribute) or "—") if column.latest else "—"


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
        if column.latest and column.latest.could_work_with:
            guesses["culture / people"] = RAPPORT_SCORE[column.latest.could_work_with]
        if column.latest and column.latest.want_job is not None:
            guesses["role fit"] = round(column.latest.want_job / 2)
        for folded, score in guesses.items():
            if folded in names and names[folded] not in own:
                own[names[folded]] = max(0, min(SCORE_MAX, score))
    return replace(decision, scores=scores)


def totals(decision: Decision, keys: Sequence[str]) -> dict[str, float]:
    """Weighted average score (0–5) per column; an unscored criterion counts as 0."""
    weight = sum(c.weight for c in decision.criteria)
    result = {}
    for key in keys:
        scores = decision.scores.get(key, {})
        points = sum(c.weight * scores.get(c.name, 0) for c in decision.criteria)
        result[key] = float(points / weight) if weight else 0.0
    return result


def unscored(decision: Decision, key: str) -> list[str]:
    scores = decision.scores.get(key, {})
    return [c.name for c in decision.criteria if c.weight > 0 and c.name not in scores]


def ranking(total_by_key: dict[str, float]) -> list[list[str]]:
    """Keys grouped by total, best first; a group of several is a tie."""
    ordered = sorted(set(round(v, 6) for v in total_by_key.values()), reverse=True)
    return [[k for k, v in total_by_key.items() if round(v, 6) == level] for level in ordered]


def explanation(decision: Decision, columns: Sequence[Column]) -> str:
    """`Acme leads on pay and growth; Globex on work–life balance.` (or a tie, plainly)."""
    if len(columns) < 2:
        return ""
    titles = {c.key: c.title for c in columns}
    places = ranking(totals(decision, [c.key for c in columns]))
    leads: dict[str, list[str]] = {c.key: [] for c in columns}
    for criterion in decision.criteria:
        if criterion.weight == 0:
            continue
        scores = {c.key: decision.scores.get(c.key, {}).get(criterion.name) for c in columns}
        known = {k: v for k, v in scores.items() if v is not None}
        if not known:
            continue
        top = max(known.values())
        leaders = [k for k, v in known.items() if v == top]
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
    for row in matrix(columns):
        cells = [
            f"**{_md(cell)}**" if i in row.best else _md(cell) for i, cell in enumerate(row.cells)
        ]
        lines.append(f"| {row.aspect} | " + " | ".join(cells) + " |")
    notes = [row.note for row in matrix(columns) if row.note]
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
        "| **Total (0–5)** | | " + " | ".join(f"**{total_by_key[k]:.2f}**" for k in keys) + " |"
    )
    lines += ["", explanation(decision, columns), ""]
    return "\n".join(lines)


def _md(text: str) -> str:
    """Table-safe and literal: formatting characters escaped, line breaks as <br>."""
    return md_escape(text, newline="<br>")
