"""Finding past reflections: word search (case- and accent-insensitive, literal), filters,
sorting.

Pure functions and small classes over model records, shared by the journal screen and the
shell commands. A query is words that must all appear, in any order ("zoe nervous"); a
quoted part is one phrase ("\"system design\""). The search index is each reflection's text
folded once, so a query is a few C-level substring tests per reflection (fewer as you type on).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pendulum

from debrief.dates import DateParseError, format_day, parse_day, relative_or_absolute
from debrief.model import Opportunity, Reflection, Stage, Status, interview_order

# Combining marks left over after NFKD ("é" -> "e" + U+0301): dropped, so "resume" finds "résumé".
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower-case, accents removed: the form both searching and sorting compare."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


def fold_with_positions(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each folded character the index it came from in `text`."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = fold(char)
        folded.append(piece)
        origin.extend([index] * len(piece))
    return "".join(folded), origin


_QUOTED_OR_WORD = re.compile(r'"([^"]*)"?|(\S+)')


def search_terms(query: str) -> tuple[str, ...]:
    """The folded terms a query asks for: each word, or each quoted phrase, once.

    Nothing is a pattern (`c++` is three characters); an unclosed quote runs to the end, so
    a phrase being typed already narrows the list.
    """
    terms: list[str] = []
    for phrase, word in _QUOTED_OR_WORD.findall(query):
        term = fold(" ".join((phrase or word).split()))
        if term and term not in terms:
            terms.append(term)
    return tuple(terms)


def has_all(text: str, terms: Sequence[str]) -> bool:
    """Whether folded `text` holds every term."""
    return all(term in text for term in terms)


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's terms occur in `text`, as sorted, non-overlapping (start, end)."""
    terms = search_terms(query)
    if not terms:
        return []
    folded, origin = fold_with_positions(text)
    found: list[tuple[int, int]] = []
    for term in terms:
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            found.append((origin[start], origin[end - 1] + 1))
            start = folded.find(term, end)
    spans: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


_WORD_START = re.compile(r"(?<![^\W_])\w")  # a letter or digit that starts a word


def complete(typed: str, known: Iterable[str]) -> str | None:
    """The known value that typing `typed` most likely means, if it is more than typed:
    the first that starts with it, else the first with a word that starts with it ("zo"
    for "Dr. Zoë Brontë"); case and accents aside."""
    wanted = fold(typed.strip())
    if not wanted:
        return None
    by_word: str | None = None
    for value in known:
        folded = fold(value)
        if folded == wanted:
            continue
        if folded.startswith(wanted):
            return value
        if by_word is None and any(
            folded.startswith(wanted, word.start()) for word in _WORD_START.finditer(folded)
        ):
            by_word = value
    return by_word


@dataclass(frozen=True)
class Entry:
    """One row of the journal: a reflection with its opportunity."""

    reflection: Reflection
    opportunity: Opportunity

    @property
    def id(self) -> str:
        return self.reflection.id


def entries_of(
    reflections: Iterable[Reflection], opportunities: Iterable[Opportunity]
) -> list[Entry]:
    by_id = {o.id: o for o in opportunities}
    return [Entry(r, by_id[r.opportunity_id]) for r in reflections if r.opportunity_id in by_id]


def searchable_text(entry: Entry) -> str:
    """Everything a user may remember a reflection by, in one string, folded.

    Folded part by part: most answers are plain ASCII and take the fast path even when
    an interviewer's name has an accent.
    """
    r, o = entry.reflection, entry.opportunity
    parts = [o.company, o.role, o.location]
    for person in r.interviewers:
        parts += [person.name, person.title, person.email, person.notes]
    for question in r.questions:
        parts += [question.text, question.better_answer]
    parts += [
        r.went_well, r.went_badly, r.answer_differently, r.rapport, r.likes_role,
        r.likes_company, r.reservations, r.resolve_reservations, r.money_notes,
        r.vs_current_job, r.vs_other_opportunities, r.next_steps, r.feedback,
        r.key_point, r.lessons,
    ]  # fmt: skip
    text = "\n".join(p for p in parts if p)
    return text.lower() if text.isascii() else "\n".join(fold(p) for p in parts if p)


def narrows(terms: Sequence[str], earlier: Sequence[str]) -> bool:
    """Whether whatever holds `terms` surely held `earlier` too (each earlier term is inside
    a new one), so only the earlier matches need testing: typing on narrows."""
    return all(any(old in new for new in terms) for old in earlier)


class SearchIndex:
    """Word search across every reflection's text; a query is never a pattern.

    Each reflection's text is searched on its own (`term in text`, a C loop that stops at
    the first match). Typing on only narrows the last result.
    """

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = entries
        self._texts = [searchable_text(entry) for entry in entries]
        self._narrowing: tuple[tuple[str, ...], list[int]] | None = None

    def matching(self, query: str) -> list[int]:
        """Positions in `entries` of reflections holding every term of `query`, in order."""
        terms = search_terms(query)
        if not terms:
            return list(range(len(self.entries)))
        texts = self._texts
        previous = self._narrowing
        if previous is not None and narrows(terms, previous[0]):
            found = [index for index in previous[1] if has_all(texts[index], terms)]
        else:
            found = [index for index, text in enumerate(texts) if has_all(text, terms)]
        self._narrowing = (terms, found)
        return found


# --- filters ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """What the journal is narrowed to; empty means everything."""

    statuses: frozenset[Status] = frozenset()
    stages: frozenset[Stage] = frozenset()
    company: str = ""
    rating_min: int | None = None
    rating_max: int | None = None
    since: date | None = None
    until: date | None = None
    period_label: str = field(default="", compare=False)  # "last 30 days", shown as typed
    # Exactly these reflections (a weak spot's interviews, from the trends), and what they are.
    reflection_ids: frozenset[str] = frozenset()
    ids_label: str = field(default="", compare=False)

    @property
    def active(self) -> bool:
        return self != Filters()

    def accepts(self, entry: Entry) -> bool:
        r, o = entry.reflection, entry.opportunity
        day = r.interview_at.date()
        return (
            (not self.statuses or o.status in self.statuses)
            and (not self.stages or r.stage in self.stages)
            and (not self.company or fold(o.company) == fold(self.company))
            and (self.rating_min is None or r.rating >= self.rating_min)
            and (self.rating_max is None or r.rating <= self.rating_max)
            and (self.since is None or day >= self.since)
            and (self.until is None or day <= self.until)
            and (not self.reflection_ids or r.id in self.reflection_ids)
        )

    def describe(self) -> list[str]:
        """One short phrase per active filter, for the bar above the table."""
        parts = []
        if self.reflection_ids:
            parts.append(self.ids_label or f"{len(self.reflection_ids)} chosen interviews")
        if self.statuses:
            parts.append("Status: " + ", ".join(s.label for s in sorted(self.statuses)))
        if self.stages:
            parts.append("Stage: " + ", ".join(s.label for s in sorted(self.stages)))
        if self.company:
            parts.append(f"Company: {self.company}")
        if self.rating_min is not None or self.rating_max is not None:
            low, high = self.rating_min or 1, self.rating_max or 10
            parts.append(f"Rating {low}–{high}" if low != high else f"Rating {low}")
        if self.period_label:
            parts.append(self.period_label)
        elif self.since or self.until:
            since = format_day(self.since) if self.since else "…"
            until = format_day(self.until) if self.until else "today"
            parts.append(f"{since} – {until}")
        return parts


_LAST_N = re.compile(r"^(?:last|past)\s+(\d{1,4})\s+(day|week|month|year)s?$")


def parse_period(text: str, today: date) -> tuple[date | None, date | None]:
    """`last 30 days`, `last 2 weeks`, `this month`, `this year` as (since, until)."""
    cleaned = " ".join(text.lower().split())
    anchor = pendulum.Date(today.year, today.month, today.day)
    if cleaned in ("", "all", "any time"):
        return None, None
    if cleaned == "this month":
        return anchor.start_of("month"), None
    if cleaned == "this year":
        return anchor.start_of("year"), None
    match = _LAST_N.match(cleaned)
    if not match:
        raise DateParseError(
            f"Try 'last 30 days', 'last 3 months', 'this month' — not {text.strip()!r}"
        )
    count, unit = int(match.group(1)), match.group(2)
    return anchor.subtract(**{f"{unit}s": count}), None


def parse_optional_day(text: str, today: date) -> date | None:
    return parse_day(text, today, prefer="past") if text.strip() else None


def parse_rating_bound(text: str) -> int | None:
    cleaned = text.strip()
    if not cleaned:
        return None
    if not cleaned.isdigit() or not 1 <= int(cleaned) <= 10:
        raise ValueError(f"A rating is 1 to 10, not {cleaned!r}")
    return int(cleaned)


# --- columns and sorting -----------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int
    sort_key: Callable[[Entry], Any]
    numeric: bool = False  # numbers sort highest first when descending, and align right
    drop: int = 0  # on a narrow terminal, the order columns go in (0: never)
    narrowest: int | None = None  # how far it may shrink there (None: not at all)


def _rating_key(value: int | None) -> int:
    return -1 if value is None else value


COLUMNS: tuple[Column, ...] = (
    Column("when", "When", 16, lambda e: e.reflection.interview_at),
    Column("company", "Company", 20, lambda e: fold(e.opportunity.company), narrowest=10),
    Column("role", "Role", 24, lambda e: fold(e.opportunity.role), drop=3, narrowest=12),
    Column(
        "stage",
        "Stage",
        15,
        lambda e: list(Stage).index(e.reflection.stage) if e.reflection.stage else -1,
        drop=2,
    ),
    Column("rating", "Rating", 8, lambda e: e.reflection.rating, numeric=True),
    Column("want", "Want", 6, lambda e: _rating_key(e.reflection.want_job), numeric=True, drop=1),
    Column("status", "Status", 12, lambda e: list(Status).index(e.opportunity.status)),
)
COLUMN_BY_KEY = {column.key: column for column in COLUMNS}


def sort_entries(entries: Iterable[Entry], column_key: str, descending: bool) -> list[Entry]:
    """Stable sort by one column; ties keep newest-first order."""
    newest_first = sorted(entries, key=lambda e: interview_order(e.reflection), reverse=True)
    if column_key == "when":
        return newest_first if descending else newest_first[::-1]
    return sorted(newest_first, key=COLUMN_BY_KEY[column_key].sort_key, reverse=descending)


def cell_text(entry: Entry, column_key: str, now: datetime) -> str:
    """What one cell shows (plain text; the UI never parses it as markup)."""
    r, o = entry.reflection, entry.opportunity
    if column_key == "when":
        return relative_or_absolute(r.interview_at, now)
    if column_key == "company":
        return o.company
    if column_key == "role":
        return o.role
    if column_key == "stage":
        return r.stage.label if r.stage else "—"
    if column_key == "rating":
        return f"{r.rating}/10"
    if column_key == "want":
        return f"{r.want_job}/10" if r.want_job is not None else "—"
    if column_key == "status":
        return o.status.label
    raise KeyError(column_key)
