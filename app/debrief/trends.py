"""How interviews go over time: pure aggregations over reflections, no UI, no storage.

Every figure says how many interviews it rests on, because a job search produces small
numbers and the user deserves to know when a trend is three data points.
"""

from __future__ import annotations

import functools
import itertools
import statistics
import string
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from debrief.dates import plural
from debrief.model import (
    FollowUp,
    FollowUpKind,
    Format,
    Opportunity,
    Reflection,
    Stage,
    Status,
    interview_order,
)
from debrief.questions import QuestionGroup, every_question, question_bank, weakest

MOVING_WINDOW = 3
LOW_RATING = 4  # a rating at or below this is a hard interview
LOW_RUN = 3  # this many hard interviews in a row earns a gentle word
MIN_MENTIONS = 2  # a weak spot is a word that comes back in at least this many interviews
WEAK_SPOT_WINDOW = 500  # weak spots come from the latest interviews: old ones may be fixed
PERIODS: dict[str, int | None] = {
    "Last 30 days": 30,
    "Last 90 days": 90,
    "Last 365 days": 365,
    "All time": None,
}

GENTLE_NOTE = (
    "The last few interviews felt hard. One interview is one data point, and rejections are "
    "rarely about you alone. What is one thing that went well in the last one?"
)

# Words that say nothing about what went wrong.
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each even few for from
    further get got had has have having he her here hers him his how i if in into is it its itself
    just like little lot me more most much my myself no nor not now of off on once only or other
    our out over own quite really same she should so some still such than that the their them then
    there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your bit maybe also didn don doesn wasn isn
    next time interview interviewer question questions answer answers went well good bad better
    thing things think felt feel way one two ask asked asking make made need needed know knew say
    said take took tell told try tried use used want give gave come came see saw look let put keep
    start started read""".split()
)
# Everything but letters, apostrophes and hyphens becomes a space before splitting.
_NOT_LETTERS = str.maketrans(
    {
        c: " "
        for c in string.punctuation.replace("'", "").replace("-", "") + string.digits + "“”‘’—–…•·"
    }
)
# Longest first, so "nervousness" loses "ousness", not just "ness".
_SUFFIXES = "ousness iveness ations ation ness ment ings ing ous ies ive ed es ly er s e".split()


@dataclass(frozen=True)
class Point:
    day: date
    rating: int
    reflection_id: str


@dataclass(frozen=True)
class Group:
    label: str
    count: int
    average: float | None


@dataclass(frozen=True)
class Comparison:
    """Average rating of interviews that led on versus those that ended the road."""

    advanced: Group
    stopped: Group
    pending: int  # still waiting for an answer (interviewing, no later round)
    withdrawn: int = 0  # you ended it: neither led on nor stopped


@dataclass(frozen=True)
class WeakSpot:
    term: str  # the word as the user wrote it most often
    stem: str  # what was counted (and what to search for)
    count: int  # interviews mentioning it
    reflection_ids: tuple[str, ...]


@dataclass(frozen=True)
class Discipline:
    thank_yous: int
    on_time: int
    median_days_to_reply: float | None
    replies: int

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.thank_yous if self.thank_yous else None


@dataclass(frozen=True)
class Funnel:
    opportunities: int
    next_round: int
    offers: int


@dataclass(frozen=True)
class Trends:
    count: int
    points: list[Point]
    moving_average: list[float]
    by_stage: list[Group]
    by_format: list[Group]
    outcome: Comparison
    want_vs_rating: dict[str, int]
    weak_spots: list[WeakSpot]
    discipline: Discipline
    funnel: Funnel
    gentle_note: str | None
    weak_spot_window: int = 0  # how many (latest) interviews the weak spots come from
    total: int = 0  # interviews in the journal, whatever the period and company chosen
    sparkline: list[int] = field(default_factory=list)
    most_asked: list[QuestionGroup] = field(default_factory=list)  # asked twice or more
    weakest_answers: list[QuestionGroup] = field(default_factory=list)


TOO_FEW_WHAT = (
    "• your self-rating over time, with a moving average;\n"
    "• how you do by stage (phone screen … final) and by format;\n"
    "• whether interviews you rate well lead to a next round or an offer;\n"
    "• the words that keep coming back under what didn't go well;\n"
    "• how often your thank-you notes go out on time."
)


def too_few_note(
    trends: Trends, *, minimum: int, period: str, company: str | None, clear_hint: str
) -> str:
    """What trends will show once there are `minimum` interviews. When a period or company
    leaves out some of the journal, it says so (with how to clear them): "With 0 so far"
    read as if a journal of 18 were new."""
    scope = " ".join(
        part
        for part in (
            f"for {company}" if company else "",
            f"in the {period[0].lower()}{period[1:]}" if PERIODS[period] is not None else "",
        )
        if part
    )
    if not scope or trends.count == trends.total:
        opening = f"Trends need a few interviews. With {trends.count} so far, here is"
    else:
        found = plural(trends.count, "interview") if trends.count else "none"
        opening = (
            f"Trends need a few interviews: {found} {scope}, of the {trends.total} in your "
            f"journal ({clear_hint}). Here is"
        )
    return f"{opening} what appears from {minimum}:\n\n{TOO_FEW_WHAT}"


def outcome_aside(outcome: Comparison) -> str:
    """The interviews neither led on nor stopped ("5 interviews still waiting for an answer,
    1 withdrawn"), so that the outcome's counts add up to the interviews shown."""
    parts: list[str] = []
    for count, words in (
        (outcome.pending, "still waiting for an answer"),
        (outcome.withdrawn, "withdrawn (you ended it)"),
    ):
        if count:
            parts.append(f"{plural(count, 'interview') if not parts else count} {words}")
    return ", ".join(parts)


# --- selecting -------------------------------------------------------------------------------


def within(reflections: Iterable[Reflection], days: int | None, now: datetime) -> list[Reflection]:
    """Reflections from the last `days` days (all of them for None), by the calendar day."""
    if days is None:
        return list(reflections)
    first = (now - timedelta(days=days)).date()
    return [r for r in reflections if r.interview_at.astimezone(now.tzinfo).date() >= first]


def of_company(
    reflections: Iterable[Reflection], opportunities: dict[str, Opportunity], company: str
) -> list[Reflection]:
    wanted = company.casefold()
    return [r for r in reflections if opportunities[r.opportunity_id].company.casefold() == wanted]


# --- figures -----------------------------------------------------------------------------------


def rating_points(reflections: Iterable[Reflection]) -> list[Point]:
    """Each interview's self-rating, oldest first."""
    ordered = sorted(reflections, key=interview_order)
    return [Point(r.interview_at.date(), r.rating, r.id) for r in ordered]


def moving_average(values: Sequence[float], window: int = MOVING_WINDOW) -> list[float]:
    """The mean of each value and the ones before it, up to `window` of them."""
    averages = []
    for index in range(len(values)):
        chunk = values[max(0, index - window + 1) : index + 1]
        averages.append(sum(chunk) / len(chunk))
    return averages


def _average(ratings: Sequence[int]) -> float | None:
    return sum(ratings) / len(ratings) if ratings else None


def by_stage(reflections: Iterable[Reflection]) -> list[Group]:
    """Average rating and count per stage, in interview order; unknown stages last."""
    ratings: dict[Stage | None, list[int]] = defaultdict(list)
    for reflection in reflections:
        ratings[reflection.stage].append(reflection.rating)
    order: list[Stage | None] = [*Stage, None]
    return [
        Group(s.label if s else "Not recorded", len(ratings[s]), _average(ratings[s]))
        for s in order
        if ratings[s]
    ]


def by_format(reflections: Iterable[Reflection]) -> list[Group]:
    ratings: dict[Format | None, list[int]] = defaultdict(list)
    for reflection in reflections:
        ratings[reflection.format].append(reflection.rating)
    order: list[Format | None] = [*Format, None]
    return [
        Group(f.label if f else "Not recorded", len(ratings[f]), _average(ratings[f]))
        for f in order
        if ratings[f]
    ]


def outcome_of(reflection: Reflection, rounds: Sequence[Reflection], status: Status) -> str:
    """ "advanced" (a later round, or an offer), "stopped" (rejected or ghosted), "pending"
    (still interviewing: waiting for an answer), or "withdrawn" (you ended it: none of
    those)."""
    later = any(r.interview_at > reflection.interview_at for r in rounds if r.id != reflection.id)
    if later or status in (Status.OFFER, Status.ACCEPTED):
        return "advanced"
    if status in (Status.REJECTED, Status.GHOSTED):
        return "stopped"
    return "withdrawn" if status is Status.WITHDRAWN else "pending"


def rating_vs_outcome(
    reflections: Sequence[Reflection],
    every_round: Sequence[Reflection],
    opportunities: dict[str, Opportunity],
) -> Comparison:
    """Outcomes judge each interview by all rounds of its opportunity, even outside the period."""
    rounds: dict[str, list[Reflection]] = defaultdict(list)
    for reflection in every_round:
        rounds[reflection.opportunity_id].append(reflection)
    ratings: dict[str, list[int]] = defaultdict(list)
    for reflection in reflections:
        status = opportunities[reflection.opportunity_id].status
        ratings[outcome_of(reflection, rounds[reflection.opportunity_id], status)].append(
            reflection.rating
        )
    return Comparison(
        advanced=Group(
            "Led to a next round or an offer",
            len(ratings["advanced"]),
            _average(ratings["advanced"]),
        ),
        stopped=Group(
            "Ended in rejection or silence", len(ratings["stopped"]), _average(ratings["stopped"])
        ),
        pending=len(ratings["pending"]),
        withdrawn=len(ratings["withdrawn"]),
    )


def want_vs_rating(reflections: Iterable[Reflection], *, middle: int = 6) -> dict[str, int]:
    """Counts in four quadrants: how it went (rating) against how much you want it."""
    quadrants = Counter(
        {
            "want it, went well": 0,
            "want it, went badly": 0,
            "not keen, went well": 0,
            "not keen, went badly": 0,
        }
    )
    for reflection in reflections:
        if reflection.want_job is None:
            continue
        want = "want it" if reflection.want_job >= middle else "not keen"
        went = "went well" if reflection.rating >= middle else "went badly"
        quadrants[f"{want}, {went}"] += 1
    return dict(quadrants)


def stem(word: str) -> str:
    """A crude stem, enough for "nervous" and "nerves" to count together."""
    word = word.casefold().replace("'", "").strip("-")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


Words = tuple[frozenset[str], frozenset[tuple[str, str]]]  # stems, and (stem, spelling) pairs
WordCache = dict[tuple[str, datetime], Words]


@functools.lru_cache(maxsize=65536)
def _stem_cached(word: str) -> str:
    return stem(word)


def weak_spot_words(reflection: Reflection) -> Words:
    """The distinct telling words under "didn't go well" and "lessons": stems and spellings."""
    text = " ".join((reflection.went_badly, reflection.answer_differently, reflection.lessons))
    words = set(text.casefold().translate(_NOT_LETTERS).split())
    pairs = frozenset(
        (_stem_cached(word), word) for word in words if len(word) >= 3 and word not in STOP_WORDS
    )
    return frozenset(word_stem for word_stem, _ in pairs), pairs


def weak_spots(
    reflections: Sequence[Reflection],
    *,
    minimum: int = MIN_MENTIONS,
    limit: int = 12,
    cache: WordCache | None = None,
) -> list[WeakSpot]:
    """Words that keep coming back under "what didn't go well" and "lessons", most frequent first.

    Counted once per interview; the most common spelling is shown; ties read alphabetically.
    `cache` (kept by the caller) remembers each reflection's words until it is edited.
    """
    cache = {} if cache is None else cache
    words_of = []
    for reflection in reflections:
        key = (reflection.id, reflection.updated_at)
        if key not in cache:
            cache[key] = weak_spot_words(reflection)
        words_of.append(cache[key])
    stems_of = [stems for stems, _ in words_of]
    mentions = Counter(itertools.chain.from_iterable(stems_of))  # counted in C, not in a loop
    spelled = Counter(itertools.chain.from_iterable(pairs for _, pairs in words_of))
    best: dict[str, tuple[int, str]] = {}
    for (word_stem, spelling), count in spelled.items():
        known = best.get(word_stem)
        if known is None or count > known[0] or (count == known[0] and spelling < known[1]):
            best[word_stem] = (count, spelling)
    chosen = sorted(
        (word_stem for word_stem, count in mentions.items() if count >= minimum),
        key=lambda word_stem: (-mentions[word_stem], best[word_stem][1]),
    )[:limit]
    ids: dict[str, list[str]] = {word_stem: [] for word_stem in chosen}
    for reflection, stems in zip(reflections, stems_of, strict=True):
        for word_stem in ids.keys() & stems:
            ids[word_stem].append(reflection.id)
    return [WeakSpot(best[s][1], s, mentions[s], tuple(ids[s])) for s in chosen]


def discipline(
    followups: Iterable[FollowUp],
    reflections: Sequence[Reflection],
    opportunities: dict[str, Opportunity],
    now: datetime,
) -> Discipline:
    """Thank-you notes sent on time (of those sent, or whose deadline has passed: one not
    yet due is neither), and how long answers took to come.

    An answer is a reply recorded on a round ("They replied"), counted from that round's
    interview; for an opportunity with none, when its status last changed to an answer
    (offer, accepted, rejected), from its latest interview. Debrief does not see your inbox.
    """
    ids = {r.id for r in reflections}
    thank_yous = [
        f
        for f in followups
        if f.kind is FollowUpKind.THANK_YOU
        and f.reflection_id in ids
        and f.dismissed_at is None
        and f.superseded_at is None
        and (f.done_at is not None or f.due < now)
    ]
    on_time = sum(1 for f in thank_yous if f.done_at is not None and f.done_at <= f.due)
    waits = [
        (r.replied_at - r.interview_at).total_seconds() / 86400
        for r in reflections
        if r.replied_at is not None and r.replied_at > r.interview_at
    ]
    answered = {r.opportunity_id for r in reflections if r.replied_at is not None}
    latest: dict[str, datetime] = {}
    for reflection in reflections:
        if reflection.opportunity_id in answered:
            continue
        if (
            reflection.opportunity_id not in latest
            or reflection.interview_at > latest[reflection.opportunity_id]
        ):
            latest[reflection.opportunity_id] = reflection.interview_at
    waits += [
        (opportunities[oid].updated_at - when).total_seconds() / 86400
        for oid, when in latest.items()
        if opportunities[oid].status in (Status.OFFER, Status.ACCEPTED, Status.REJECTED)
        and opportunities[oid].updated_at > when
    ]
    return Discipline(
        len(thank_yous), on_time, statistics.median(waits) if waits else None, len(waits)
    )


def funnel(reflections: Sequence[Reflection], opportunities: dict[str, Opportunity]) -> Funnel:
    rounds = Counter(r.opportunity_id for r in reflections)
    offers = sum(
        1 for oid in rounds if opportunities[oid].status in (Status.OFFER, Status.ACCEPTED)
    )
    return Funnel(len(rounds), sum(1 for count in rounds.values() if count >= 2), offers)


def gentle_note(
    points: Sequence[Point], *, low: int = LOW_RATING, run: int = LOW_RUN
) -> str | None:
    """A word of perspective after `run` hard interviews in a row (the latest ones)."""
    recent = points[-run:]
    if len(recent) == run and all(p.rating <= low for p in recent):
        return GENTLE_NOTE
    return None


def compute(
    reflections: Sequence[Reflection],
    every_round: Sequence[Reflection],
    opportunities: dict[str, Opportunity],
    followups: Iterable[FollowUp],
    now: datetime,
    word_cache: WordCache | None = None,
) -> Trends:
    """Every figure of the trends screen for the chosen reflections, as of `now`."""
    points = rating_points(reflections)
    ratings = [float(p.rating) for p in points]
    by_id = {r.id: r for r in reflections}
    latest = [by_id[p.reflection_id] for p in points[-WEAK_SPOT_WINDOW:]]
    return Trends(
        count=len(points),
        points=points,
        moving_average=moving_average(ratings),
        by_stage=by_stage(reflections),
        by_format=by_format(reflections),
        outcome=rating_vs_outcome(reflections, every_round, opportunities),
        want_vs_rating=want_vs_rating(reflections),
        weak_spots=weak_spots(latest, cache=word_cache),
        weak_spot_window=len(latest),
        total=len(every_round),
        discipline=discipline(followups, reflections, opportunities, now),
        funnel=funnel(reflections, opportunities),
        gentle_note=gentle_note(points),
        sparkline=[p.rating for p in points[-12:]],
        **asked_questions(reflections, opportunities),
    )


QUESTIONS_SHOWN = 5


def asked_questions(
    reflections: Sequence[Reflection], opportunities: dict[str, Opportunity]
) -> dict[str, list[QuestionGroup]]:
    """The questions asked most often (twice or more), and those answered worst last time."""
    bank = question_bank(every_question(reflections, opportunities))
    return {
        "most_asked": [group for group in bank if group.count > 1][:QUESTIONS_SHOWN],
        "weakest_answers": weakest(bank, QUESTIONS_SHOWN),
    }
