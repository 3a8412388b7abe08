"""The values records are made of, and the rules they keep.

The limits (ratings, amounts, the years a journal holds), the enums with their labels,
ISO 4217 currencies, the checks every record runs on construction (raising ModelError,
which names the field), `Private` (the base that keeps a record's contents out of its
repr) and Money.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum

RATING_MIN, RATING_MAX = 1, 10
MAX_AMOUNT = Decimal("1e12")  # no salary is this large: a typo or a hostile file
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


def is_valid_timezone(name: str) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


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
