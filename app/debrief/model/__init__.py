"""The records a journal holds, their invariants, and their plain-dict form.

Nothing here knows about Textual or TinyDB. Every record validates itself on
construction, so an invalid one cannot exist; `to_dict`/`from_dict` convert to and
from JSON-ready dicts (datetimes as ISO-8601 with offset, money as decimal strings).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

RATING_MIN, RATING_MAX = 1, 10
MAX_AMOUNT = Decimal("1e12")  # no salary is this large: a typo or a hostile file
MAX_WEIGHT = Decimal(1000)  # a decision weight beyond this is a typo (or a hostile file)
YEARS = (1900, 2200)  # the dates a journal holds: anything else is a typo or a hostile file
# The fewest interviews worth a trend: fewer, and the trends screen explains what will
# appear instead of drawing empty axes (here, not in `trends`: the home screen's
# sparkline uses it, and the home screen should not load the trends code).
MIN_FOR_TRENDS = 3


def quoted(value: object, limit: int = 60) -> str:
    """`value` as a message quotes it (its repr), cut to `limit` characters: a damaged or
    hostile file's value (a 100,000-character date) must not make the message as long."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ModelError(ValueError):
    """A value breaks a record's rules; `field` names the offending field."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


class LabelledEnum(StrEnum):
    """A string enum whose members also carry a human label."""

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Stage(LabelledEnum):
    PHONE_SCREEN = "phone_screen"
    TECHNICAL = "technical"
    HIRING_MANAGER = "hiring_manager"
    PANEL = "panel"
    ONSITE = "onsite"
    FINAL = "final"
    OTHER = "other"


class Format(LabelledEnum):
    IN_PERSON = "in_person"
    VIDEO = "video"
    PHONE = "phone"


class Status(LabelledEnum):
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    ACCEPTED = "accepted"
    GHOSTED = "ghosted"


class Period(LabelledEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    HOUR = "hour"

    @property
    def label(self) -> str:
        return f"per {self.value}"


class Channel(LabelledEnum):
    """How an interviewer prefers to be contacted."""

    EMAIL = "email"
    PHONE = "phone"
    LINKEDIN = "linkedin"
    POST = "post"

    @property
    def label(self) -> str:
        return {"linkedin": "LinkedIn", "post": "post / express mail"}.get(self.value, self.value)


class Rapport(LabelledEnum):
    """Could you see yourself working with the interviewer?"""

    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


class Ask(LabelledEnum):
    """What the advice says to do before leaving an interview."""

    NEXT_STEPS = "next_steps"
    MAY_FOLLOW_UP = "may_follow_up"
    FEEDBACK = "feedback"
    CARDS = "cards"

    @property
    def label(self) -> str:
        return ASK_LABELS[self]


ASK_LABELS = {
    Ask.NEXT_STEPS: "Asked about next steps and timing",
    Ask.MAY_FOLLOW_UP: "Asked whether I may follow up",
    Ask.FEEDBACK: "Asked for feedback on my fit",
    Ask.CARDS: "Got each interviewer's card (exact spelling, title, email, how to reach them)",
}
ASK_LESSONS = {
    Ask.NEXT_STEPS: "ask about next steps and when you will hear back",
    Ask.MAY_FOLLOW_UP: "ask whether you may follow up",
    Ask.FEEDBACK: "ask for feedback on your fit for the role",
    Ask.CARDS: "get each interviewer's business card and how they prefer to be contacted",
}


class FollowUpKind(LabelledEnum):
    THANK_YOU = "thank_you"
    LINKEDIN = "linkedin"
    REFERENCES = "references"
    CALL = "call"
    STATUS_CHECK = "status_check"
    MARK_COLD = "mark_cold"
    WITHDRAWAL = "withdrawal"

    @property
    def label(self) -> str:
        return {
            "thank_you": "Thank-you note",
            "linkedin": "Connect on LinkedIn",
            "references": "Tell your references",
            "call": "Short follow-up call",
            "status_check": "Status check",
            "mark_cold": "Mark as gone cold?",
            "withdrawal": "Polite withdrawal note",
        }[self.value]


class Reply(LabelledEnum):
    """What they said when they got back to you about a round."""

    NEXT_ROUND = "next_round"
    OFFER = "offer"
    REJECTED = "rejected"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "next_round": "Invited to a next round",
            "offer": "An offer",
            "rejected": "Not this time",
            "other": "Something else",
        }[self.value]


# ISO 4217 active codes: a typo such as "EUD" is refused rather than stored.
CURRENCIES = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL
    BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP
    ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR
    IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL
    LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR
    NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD
    SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX
    USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG
    """.split()
)

# Working time behind the annual figure: 40 hours a week, 5 days a week, 52 weeks.
ANNUAL_FACTOR = {Period.YEAR: 1, Period.MONTH: 12, Period.DAY: 5 * 52, Period.HOUR: 40 * 52}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def new_id() -> str:
    return uuid.uuid4().hex


def check_rating(field_name: str, value: int | None, *, required: bool) -> None:
    """A 1–10 score; `bool` is refused even though it is an int."""
    if value is None:
        if required:
            raise ModelError(field_name, "is required (1–10)")
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ModelError(field_name, "must be a whole number from 1 to 10")
    if not RATING_MIN <= value <= RATING_MAX:
        raise ModelError(field_name, f"must be from 1 to 10, not {value}")


def check_moment(field_name: str, value: datetime | None) -> None:
    """An aware date and time (or none) within the years anyone interviews in, both where it
    was recorded and in UTC: a year-9999 date passes JSON and then breaks every conversion
    to another time zone."""
    if value is None:
        return
    if not isinstance(value, datetime):
        raise ModelError(field_name, "must be a date and time")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ModelError(field_name, "must carry a time zone")
    if not YEARS[0] < value.year < YEARS[1]:  # (only at the ends can the offset cross them)
        check_day(field_name, value)
        check_day(field_name, value.astimezone(UTC))  # (safe now: within a day of the range)


def check_day(field_name: str, value: date | None) -> None:
    """A date (or none) within YEARS."""
    if value is not None and not YEARS[0] <= value.year <= YEARS[1]:
        raise ModelError(
            field_name, f"{value.isoformat()} is outside the years {YEARS[0]}–{YEARS[1]}"
        )


def check_not_blank(field_name: str, value: str) -> None:
    if not value.strip():
        raise ModelError(field_name, "must not be empty")


def normalise_currency(code: str) -> str:
    """Upper-case a currency code and refuse anything that is not ISO 4217."""
    cleaned = code.strip().upper()
    if cleaned not in CURRENCIES:
        raise ModelError("currency", f"{quoted(code.strip())} is not an ISO 4217 currency code")
    return cleaned


def is_valid_email(text: str) -> bool:
    return bool(_EMAIL.match(text))


class Private:
    """Records print as their kind and id, never their contents: a crash report shows the
    local variables of every frame, and these hold answers, names and pay."""

    __slots__ = ()

    def __repr__(self) -> str:
        record_id = getattr(self, "id", None)
        return (
            f"{type(self).__name__}(id={record_id!r})" if record_id else f"{type(self).__name__}(…)"
        )


@dataclass(frozen=True, slots=True, repr=False)
class Money(Private):
    """An amount of pay in one currency for one period (never converted between currencies)."""

    amount: Decimal
    currency: str
    period: Period = Period.YEAR

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal) or not self.amount.is_finite():
            raise ModelError("amount", "must be a finite number")
        if self.amount < 0:
            raise ModelError("amount", "must not be negative")
        if self.amount >= MAX_AMOUNT:
            raise ModelError("amount", "is too large to be pay")
        object.__setattr__(self, "currency", normalise_currency(self.currency))

    def annual(self) -> Decimal:
        """The yearly equivalent, under the working-time assumptions of ANNUAL_FACTOR."""
        return self.amount * ANNUAL_FACTOR[self.period]

    def describe(self) -> str:
        """`5,000 EUR per month (≈ 60,000 EUR a year, × 12)`: the annual figure states its
        assumption."""
        text = f"{self.amount:,} {self.currency} {self.period.label}"
        if self.period is not Period.YEAR:
            factor = ANNUAL_FACTOR[self.period]
            text += f" (≈ {self.annual():,.0f} {self.currency} a year, × {factor})"
        return text


@dataclass(frozen=True, slots=True, repr=False)
class Interviewer(Private):
    """One interviewer's business card; spelling matters for the thank-you note."""

    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    linkedin: str = ""
    preferred: Channel = Channel.EMAIL
    notes: str = ""  # private: never in a draft
    address_as: str = ""  # how a note greets them ("Dr. Brontë"); empty: by the usual rule
    mentioned: str = ""  # something they said, for their own thank-you note

    def __post_init__(self) -> None:
        check_not_blank("name", self.name)
        if self.email and not is_valid_email(self.email):
            raise ModelError("email", f"{quoted(self.email)} is not an email address")


@dataclass(frozen=True, slots=True, repr=False)
class Opportunity(Private):
    """A job at a company: every interview round for it is a Reflection."""

    company: str
    role: str
    created_at: datetime
    updated_at: datetime
    id: str = field(default_factory=new_id)
    status: Status = Status.INTERVIEWING
    location: str = ""
    link: str = ""  # the job posting
    recruiter_name: str = ""
    recruiter_email: str = ""
    recruiter_phone: str = ""

    def __post_init__(self) -> None:
        check_not_blank("company", self.company)
        check_not_blank("role", self.role)
        check_moment("created_at", self.created_at)
        check_moment("updated_at", self.updated_at)
        if self.recruiter_email and not is_valid_email(self.recruiter_email):
            raise ModelError(
                "recruiter_email", f"{quoted(self.recruiter_email)} is not an email address"
            )

    @property
    def title(self) -> str:
        return f"{self.company} — {self.role}"


ANSWER_MIN, ANSWER_MAX = 1, 5  # how well a question was answered


@dataclass(frozen=True, slots=True, repr=False)
class AskedQuestion(Private):
    """A question the interviewers asked, how well it was answered, and a better answer."""

    text: str
    answered: int | None = None  # 1 (badly) to 5 (well); None: not rated
    better_answer: str = ""

    def __post_init__(self) -> None:
        check_not_blank("question", self.text)
        if self.answered is not None and (
            isinstance(self.answered, bool)
            or not isinstance(self.answered, int)
            or not ANSWER_MIN <= self.answered <= ANSWER_MAX
        ):
            raise ModelError("answered", "must be a whole number from 1 to 5")


@dataclass(frozen=True, slots=True, repr=False)
class Reflection(Private):
    """What the user wrote straight after one interview."""

    opportunity_id: str
    interview_at: datetime
    rating: int
    created_at: datetime
    updated_at: datetime
    id: str = field(default_factory=new_id)
    stage: Stage | None = None
    format: Format | None = None
    interviewers: tuple[Interviewer, ...] = ()
    went_well: str = ""
    went_badly: str = ""
    answer_differently: str = ""
    rapport: str = ""
    could_work_with: Rapport | None = None
    likes_role: str = ""
    likes_company: str = ""
    reservations: str = ""
    resolve_reservations: str = ""
    money: Money | None = None
    money_notes: str = ""
    vs_current_job: str = ""
    vs_other_opportunities: str = ""
    want_job: int | None = None
    next_steps: str = ""
    reply_by: date | None = None
    feedback: str = ""
    key_point: str = ""
    lessons: str = ""
    asked: tuple[Ask, ...] = ()  # the before-leaving checklist: what was done
    references_requested: bool = False
    duration_minutes: int | None = None  # how long it lasted; None: about an hour
    may_follow_up: bool | None = None  # their answer to "may I follow up?"; None: not asked
    replies_from: str = ""  # who said they would get back to you (a name, or "the recruiter")
    replied_at: datetime | None = None  # when they got back to you about this round
    reply: Reply | None = None  # and what they said
    questions: tuple[AskedQuestion, ...] = ()  # what they asked
    interview_id: str | None = None  # the scheduled interview this reflects on, if any

    def __post_init__(self) -> None:
        check_not_blank("opportunity_id", self.opportunity_id)
        check_moment("interview_at", self.interview_at)
        check_moment("created_at", self.created_at)
        check_moment("updated_at", self.updated_at)
        check_day("reply_by", self.reply_by)
        check_moment("replied_at", self.replied_at)
        if (self.replied_at is None) != (self.reply is None):
            raise ModelError("reply", "a reply needs both its date and what they said")
        if self.duration_minutes is not None and not 5 <= self.duration_minutes <= 24 * 60:
            raise ModelError("duration_minutes", "must be from 5 minutes to a day")
        check_rating("rating", self.rating, required=True)
        check_rating("want_job", self.want_job, required=False)


@dataclass(frozen=True, slots=True, repr=False)
class Interview(Private):
    """An interview still to come (or just over and not yet reflected on), and the
    preparation for it. Reflecting on it links the reflection (`reflection_id`)."""

    opportunity_id: str
    start: datetime
    created_at: datetime
    updated_at: datetime
    id: str = field(default_factory=new_id)
    duration_minutes: int | None = None  # None: about an hour
    stage: Stage | None = None
    format: Format | None = None
    where: str = ""  # an address, a room, or a video link
    interviewers: tuple[Interviewer, ...] = ()
    uid: str = ""  # the calendar invitation's UID: importing it again updates this one
    reflection_id: str | None = None  # reflected on: off the agenda
    dismissed_at: datetime | None = None  # "I won't reflect on this one" (or cancelled)
    # The preparation, as the user left it (empty: not prepared yet; the prep page
    # offers suggestions from the earlier rounds).
    prep_questions: str = ""  # questions to ask, one per line
    prep_mention: str = ""  # things to mention
    prep_salary: str = ""
    prep_references: str = ""  # references to warn
    prep_application_reread: bool = False  # the CV / application sent, read again

    def __post_init__(self) -> None:
        check_not_blank("opportunity_id", self.opportunity_id)
        check_moment("start", self.start)
        check_moment("created_at", self.created_at)
        check_moment("updated_at", self.updated_at)
        check_moment("dismissed_at", self.dismissed_at)
        if self.duration_minutes is not None and not 5 <= self.duration_minutes <= 24 * 60:
            raise ModelError("duration_minutes", "must be from 5 minutes to a day")

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.duration_minutes or DEFAULT_MINUTES)

    @property
    def open(self) -> bool:
        """Still on the agenda: neither reflected on nor dismissed."""
        return self.reflection_id is None and self.dismissed_at is None


DEFAULT_MINUTES = 60  # an interview of unknown length


@dataclass(frozen=True, slots=True, repr=False)
class Settings(Private):
    """The user's profile and preferences: drafts are signed with these details."""

    default_currency: str = "USD"
    name: str = ""
    email: str = ""
    phone: str = ""
    linkedin: str = ""
    timezone: str = ""  # an IANA name; empty means the computer's own
    current_company: str = ""  # the job you have now: the baseline when comparing
    current_role: str = ""
    current_pay: Money | None = None
    current_notes: str = ""
    theme: str = ""  # a Textual theme name; empty means the default
    checklist: tuple[str, ...] = ()  # the user's own before-you-leave items

    def __post_init__(self) -> None:
        object.__setattr__(self, "default_currency", normalise_currency(self.default_currency))
        if self.email and not is_valid_email(self.email):
            raise ModelError("email", f"{quoted(self.email)} is not an email address")
        if self.timezone and not is_valid_timezone(self.timezone):
            raise ModelError(
                "timezone", f"{quoted(self.timezone)} is not a time zone (e.g. Europe/Berlin)"
            )


SCORE_MIN, SCORE_MAX = 0, 5
CURRENT_JOB = "current"  # the column key of the current job in a comparison


@dataclass(frozen=True, slots=True, repr=False)
class Criterion(Private):
    """One thing that matters in deciding, and how much (a weight of 0 ignores it)."""

    name: str
    weight: Decimal

    def __post_init__(self) -> None:
        check_not_blank("criterion", self.name)
        if not isinstance(self.weight, Decimal) or not self.weight.is_finite():
            raise ModelError("weight", f"the weight of {quoted(self.name)} must be a number")
        if self.weight < 0:
            raise ModelError("weight", f"the weight of {quoted(self.name)} must not be negative")
        if self.weight > MAX_WEIGHT:
            raise ModelError(
                "weight", f"the weight of {quoted(self.name)} must be at most {MAX_WEIGHT}"
            )


DEFAULT_CRITERIA = tuple(
    Criterion(name, Decimal(weight))
    for name, weight in (
        ("Pay", 3),
        ("Growth", 3),
        ("Work–life balance", 2),
        ("Location / commute", 1),
        ("Culture / people", 2),
        ("Role fit", 3),
    )
)


@dataclass(frozen=True, slots=True, repr=False)
class Decision(Private):
    """The weighted decision matrix, kept so the comparison is there next time.

    `scores` maps a column (an opportunity id, or CURRENT_JOB) to criterion name -> 0–5.
    """

    criteria: tuple[Criterion, ...] = DEFAULT_CRITERIA
    scores: dict[str, Any] = field(default_factory=dict)
    chosen: tuple[str, ...] = ()
    include_current: bool = False

    def __post_init__(self) -> None:
        names = [c.name.casefold().strip() for c in self.criteria]
        if len(set(names)) != len(names):
            raise ModelError("criteria", "two criteria have the same name")
        if self.criteria and sum(c.weight for c in self.criteria) == 0:
            raise ModelError("weight", "the weights add up to zero: give at least one a weight")
        for column, scores in self.scores.items():
            if not isinstance(scores, dict):
                raise ModelError("scores", f"the scores of {quoted(column)} must be an object")
            for name, score in scores.items():
                if (
                    isinstance(score, bool)
                    or not isinstance(score, int)
                    or not SCORE_MIN <= score <= SCORE_MAX
                ):
                    raise ModelError(
                        "score", f"the score for {quoted(name)} must be a whole number from 0 to 5"
                    )


def is_valid_timezone(name: str) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@dataclass(frozen=True, slots=True, repr=False)
class FollowUp(Private):
    """One thing to do after an interview, planned from its reflection.

    `key` names the item within its reflection ("thank_you:jane doe", "status_check:1"),
    and the id is derived from it, so planning again finds the same items.
    """

    reflection_id: str
    kind: FollowUpKind
    key: str
    due: datetime
    id: str = ""
    person: str = ""
    channel: Channel | None = None
    optional: bool = False
    done_at: datetime | None = None
    dismissed_at: datetime | None = None
    snoozed_until: datetime | None = None
    note: str = ""
    superseded_at: datetime | None = None  # retired: a later round, a reply or a withdrawal

    def __post_init__(self) -> None:
        check_not_blank("reflection_id", self.reflection_id)
        check_moment("due", self.due)
        check_moment("done_at", self.done_at)
        check_moment("dismissed_at", self.dismissed_at)
        check_moment("snoozed_until", self.snoozed_until)
        check_moment("superseded_at", self.superseded_at)
        if not self.id:
            object.__setattr__(self, "id", followup_id(self.reflection_id, self.key))

    @property
    def pending(self) -> bool:
        return self.done_at is None and self.dismissed_at is None and self.superseded_at is None

    @property
    def finished_at(self) -> datetime | None:
        """When it was done or skipped (a chain moves on from either)."""
        return self.done_at or self.dismissed_at

    @property
    def when(self) -> datetime:
        """When it is due now: the snooze, if any, else the planned time."""
        return self.snoozed_until or self.due


def interview_order(reflection: Reflection) -> tuple[float, float]:
    """Sort key, oldest interview first (ties: the one written first).

    Timestamps rather than datetimes: comparing aware datetimes with different offsets
    is several times slower, and a big journal sorts thousands of them.
    """
    return reflection.interview_at.timestamp(), reflection.created_at.timestamp()


def due_order(item: FollowUp) -> tuple[float, str]:
    """Sort key, soonest due first (timestamps, as in `interview_order`)."""
    return item.when.timestamp(), item.key


def followup_id(reflection_id: str, key: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"debrief:{reflection_id}:{key}").hex


@dataclass(frozen=True, slots=True, repr=False)
class Draft(Private):
    """An unfinished questionnaire: the raw answers exactly as typed, valid or not."""

    answers: dict[str, Any]
    started_at: datetime
    updated_at: datetime
    id: str = field(default_factory=new_id)
    step: int = 0
    reflection_id: str | None = None
    interview_id: str | None = None  # started from a scheduled interview: saving links it

    def __post_init__(self) -> None:
        check_moment("started_at", self.started_at)
        check_moment("updated_at", self.updated_at)

    @property
    def label(self) -> str:
        """ "Acme — Data Engineer", or what there is of it so far."""
        parts = [str(self.answers.get(k) or "").strip() for k in ("company", "role")]
        return " — ".join(p for p in parts if p) or "an untitled interview"


# --- plain-dict codec ---------------------------------------------------------------

Record = TypeVar("Record")


def to_dict(record: Any) -> dict[str, Any]:
    """A JSON-ready dict of a record (nested records, enums, dates and money included)."""
    encoded = _encode(record)
    assert isinstance(encoded, dict)
    return encoded


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    return value


def from_dict(cls: type[Record], data: Any) -> Record:
    """Rebuild a record from `to_dict` output; a bad value raises ModelError naming it."""
    if not isinstance(data, dict):
        raise ModelError(cls.__name__, "must be an object")
    kwargs = {}
    for name, as_is, decode, required in _fields_of(cls):  # type: ignore[arg-type]
        raw = data.get(name, MISSING)
        if raw.__class__ in as_is:  # a plain string, whole number or null: nothing to do
            kwargs[name] = raw
        elif raw is not MISSING:
            kwargs[name] = decode(raw)
        elif required:
            raise ModelError(name, "is missing")
    try:
        return cls(**kwargs)
    except ModelError:
        raise
    except (TypeError, ValueError) as error:
        raise ModelError(cls.__name__, str(error)) from error


Decoder = Callable[[Any], Any]
MISSING = object()


@functools.cache
def _fields_of(cls: type) -> tuple[tuple[str, frozenset[type], Decoder, bool], ...]:
    """Each field's name, the classes of stored value kept as they are, the decoder of
    anything else, and whether it must be present (worked out once per class: reading
    type hints is slow, and a journal decodes thousands of records as it opens)."""
    hints = get_type_hints(cls)
    return tuple(
        (
            f.name,
            _kept_as_is(hints[f.name]),
            _decoder(f.name, hints[f.name]),
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
    )


def _kept_as_is(hint: Any) -> frozenset[type]:
    """Stored values of these exact classes are the field's value as they are. (Exact: a
    bool is not a whole number, though it is an int.)"""
    kept: set[type] = set()
    if get_origin(hint) in (Union, types.UnionType):
        kept.add(type(None))
        (hint,) = [a for a in get_args(hint) if a is not type(None)]
    if hint in (str, int, bool):
        kept.add(hint)
    return frozenset(kept)


def _decoder(name: str, hint: Any) -> Decoder:
    """The decoder of a stored value that is not kept as it is (`_kept_as_is`: a null of
    an optional field is, so an optional field's decoder is its type's)."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in get_args(hint) if a is not type(None)]
        return _decoder(name, inner)
    if origin is tuple:
        decode_item = _decoder(name, get_args(hint)[0])
        return lambda raw: tuple(decode_item(v) for v in _expect(name, raw, list))
    if hint is Any:
        return lambda raw: raw
    if origin is dict:
        return lambda raw: _expect(name, raw, dict)
    if dataclasses.is_dataclass(hint):
        return lambda raw: from_dict(hint, raw)  # type: ignore[arg-type]
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        members: dict[object, StrEnum] = {member.value: member for member in hint}
        return lambda raw: (
            (members.get(raw) if isinstance(raw, str) else None) or _not_a_member(name, hint, raw)
        )
    if hint in (datetime, date):
        return functools.partial(_parse_iso, name, hint.fromisoformat)
    if hint is Decimal:
        return lambda raw: _decimal(name, raw)
    if hint is int:
        return lambda raw: _whole_number(name, raw)
    if hint in (bool, str):
        return lambda raw: _expect(name, raw, hint)
    raise TypeError(f"no decoder for {hint!r}")  # a programming error, not bad data


def _not_a_member(name: str, enum: type[StrEnum], raw: Any) -> StrEnum:
    raise ModelError(name, f"{quoted(raw)} is not one of {[m.value for m in enum]}")


def _decimal(name: str, raw: Any) -> Decimal:
    try:
        return Decimal(_expect(name, raw, str))
    except InvalidOperation:
        raise ModelError(name, f"{quoted(raw)} is not a number") from None


def _whole_number(name: str, raw: Any) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise ModelError(name, f"{quoted(raw)} is not a whole number")
    return raw


def _expect(name: str, raw: Any, kind: type) -> Any:
    if not isinstance(raw, kind):
        raise ModelError(name, f"expected {kind.__name__}, got {type(raw).__name__}")
    return raw


def _parse_iso(name: str, parse: Callable[[str], Any], raw: Any) -> Any:
    try:
        return parse(raw)
    except TypeError:
        raise ModelError(name, f"expected str, got {type(raw).__name__}") from None
    except ValueError:
        raise ModelError(name, f"{quoted(raw)} is not an ISO-8601 date") from None


@dataclass(frozen=True, slots=True, repr=False)
class Bundle(Private):
    """Everything a journal holds that an export carries (drafts stay on this computer)."""

    opportunities: tuple[Opportunity, ...] = ()
    reflections: tuple[Reflection, ...] = ()
    followups: tuple[FollowUp, ...] = ()
    settings: Settings | None = None
    decision: Decision | None = None
    interviews: tuple[Interview, ...] = ()
