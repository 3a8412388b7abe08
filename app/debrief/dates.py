"""Reading the dates people type, and showing dates the way people say them.

Accepts ISO dates and times (`2026-11-20 14:00`), a bare time (`14:00`, `2pm`), and
the words people use straight after an interview: `now`, `today`, `yesterday`,
`tomorrow`, weekday names (`friday`, `last friday`, `next friday`), `in 3 days`,
`2 weeks ago`, `next week` — each optionally followed by a time. Everything is
computed from an injected `now`, so nothing depends on the clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Literal

import pendulum

from debrief.model import YEARS

Clock = Callable[[], pendulum.DateTime]  # what tells the time: the real clock, or a test's

Direction = Literal["past", "future"]

EARLIEST_YEAR, LATEST_YEAR = YEARS  # typed dates follow the journal's own rule

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_TIME = re.compile(r"(?:^|\s)(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")
_COUNTS = {
    "a": 1, "an": 1, "one": 1, "a couple of": 2, "couple of": 2, "two": 2, "three": 3,
    "a few": 3, "few": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10,
}  # fmt: skip
_OFFSET = re.compile(
    r"^(?:in|within|about|around|by|after)?\s*(?:the\s+next\s+)?"
    rf"(\d{{1,3}}|{'|'.join(sorted(_COUNTS, key=len, reverse=True))})\s+(day|week|fortnight)s?"
    r"(\s+ago)?$"
)
# Ways people name a part of a week ("they'll decide by the end of next week").
_WEEK_PARTS = re.compile(
    r"^(?:by\s+|at\s+|in\s+|around\s+)?(?:the\s+)?"
    r"(end of|early|later|late|start of|beginning of)\s+(?:the\s+)?(this|next)?\s*week$"
)
# 9/12 or 09.12.2026: which is the day? Refused unless the numbers tell.
_NUMERIC_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?\.?$")


class DateParseError(ValueError):
    """The text is not a date we can read; the message says what would work."""


class AmbiguousDate(DateParseError):
    """Digits that name two days (9/12): typing on cannot settle it, so a field says so
    at once."""


def parse_when(
    text: str, now: pendulum.DateTime, *, prefer: Direction = "past"
) -> pendulum.DateTime:
    """A timezone-aware moment from what the user typed, in `now`'s time zone.

    A day without a time keeps `now`'s time of day, so the preview stays close to
    what the user meant and is easy to correct.
    """
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        raise DateParseError("Enter a date, e.g. 2026-11-20 14:00, today 14:00 or yesterday")
    if cleaned == "now":
        return now
    day_text, clock = _split_time(cleaned)
    day = _relative_day(day_text, now.date(), prefer) if day_text else now.date()
    if day is None:
        return _parse_absolute(text.strip(), now)
    hour, minute = clock if clock else (now.hour, now.minute)
    moment = pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=now.timezone)
    qualifier, _, name = day_text.rpartition(" ")
    bare_weekday = qualifier in ("", "on", "by", "until") and _weekday(name) is not None
    if prefer == "future" and moment < now and bare_weekday:
        moment = moment.add(weeks=1)  # "tuesday 9:00" on a Tuesday at noon: next week's
    return _check_range(moment)


def parse_day(text: str, today: date, *, prefer: Direction = "future") -> date:
    """A calendar day, e.g. when they said you would hear back."""
    now = pendulum.datetime(today.year, today.month, today.day, 12, tz="UTC")
    return parse_when(text, now, prefer=prefer).date()


def _split_time(text: str) -> tuple[str, tuple[int, int] | None]:
    match = _TIME.search(text)
    if not match or (match.group(2) is None and match.group(3) is None):
        return text, None  # "2026" or "3" alone is not a time
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    meridiem = match.group(3)
    if meridiem:
        if not 1 <= hour <= 12:
            raise DateParseError(f"{hour}{meridiem} is not a time")
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        raise DateParseError(f"{match.group(0).strip()} is not a time of day")
    return text[: match.start()].strip(), (hour, minute)


def _relative_day(text: str, today: date, prefer: Direction) -> date | None:
    anchor = pendulum.Date(today.year, today.month, today.day)
    simple = {
        "today": 0, "yesterday": -1, "tomorrow": 1, "next week": 7, "last week": -7,
        "by tomorrow": 1, "by today": 0, "later today": 0,
    }  # fmt: skip
    if text in simple:
        return anchor.add(days=simple[text])
    offset = _OFFSET.match(text)
    if offset:
        number, unit = offset.group(1), offset.group(2)
        count = int(number) if number.isdigit() else _COUNTS[number]
        count *= {"day": 1, "week": 7, "fortnight": 14}[unit]
        return anchor.add(days=-count if offset.group(3) else count)
    part = _WEEK_PARTS.match(text)
    if part:
        return _part_of_week(anchor, part.group(1), part.group(2))
    numeric = _numeric_day(text, anchor, prefer)
    if numeric is not None:
        return numeric
    qualifier, _, name = text.rpartition(" ")
    weekday = _weekday(name)
    if weekday is None or qualifier not in ("", "last", "next", "this", "on", "by", "until"):
        return None
    direction = {"last": "past", "next": "future"}.get(qualifier, prefer)
    if direction == "past":
        back = (anchor.weekday() - weekday) % 7
        return anchor.subtract(days=back or (7 if qualifier == "last" else 0))
    forward = (weekday - anchor.weekday()) % 7
    return anchor.add(days=forward or (7 if qualifier == "next" else 0))


def _part_of_week(anchor: pendulum.Date, part: str, which: str | None) -> pendulum.Date:
    """ "end of next week" → that week's Friday; "early next week" → its Tuesday ("later this
    week" and "end of the week": this week's Friday, or next week's from a weekend)."""
    monday = anchor.subtract(days=anchor.weekday())
    if which == "next" or (which is None and anchor.weekday() >= 5):
        monday = monday.add(days=7)
    elif which is None and part in ("early", "start of", "beginning of"):
        monday = monday.add(days=7)  # ("early in the week", said on a Wednesday: the next)
    day = 1 if part in ("early", "start of", "beginning of") else 4
    return max(monday.add(days=day), anchor)


def _numeric_day(text: str, anchor: pendulum.Date, prefer: Direction) -> pendulum.Date | None:
    """13/12 or 12/13 (the numbers tell which is the day); 9/12 is 9 December in most of
    the world and September 12 in the US, so it is refused, never guessed."""
    match = _NUMERIC_DAY.match(text)
    if match is None:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    if 1 <= first <= 12 and 1 <= second <= 12 and first != second:
        raise AmbiguousDate(
            f"{text} could be {first} {_MONTH_NAMES[second - 1]} or {second} "
            f"{_MONTH_NAMES[first - 1]}: write the month ({first} {_MONTH_NAMES[second - 1]})"
            " or YYYY-MM-DD"  # (one line under a field at 80 columns: it was cut there)
        )
    day, month = (first, second) if first > 12 or first == second else (second, first)
    year_text = match.group(3)
    year = (
        (int(year_text) + 2000 if len(year_text) == 2 else int(year_text))
        if year_text
        else anchor.year
    )
    try:
        found = pendulum.Date(year, month, day)
    except ValueError:
        raise DateParseError(f"{text} is not a day of the calendar") from None
    if not year_text:  # the nearest such day in the direction meant
        if prefer == "future" and found < anchor:
            found = found.add(years=1)
        elif prefer == "past" and found > anchor:
            found = found.subtract(years=1)
    return found


def _weekday(name: str) -> int | None:
    for index, day in enumerate(_WEEKDAYS):
        if len(name) >= 3 and day.startswith(name):
            return index
    return None


def _parse_absolute(text: str, now: pendulum.DateTime) -> pendulum.DateTime:
    try:
        parsed = pendulum.parse(text, tz=now.timezone, strict=False)
    except (ValueError, OverflowError, TypeError):
        parsed = None
    if not isinstance(parsed, pendulum.DateTime):
        raise DateParseError(
            f"Can't read {text!r} as a date. Try 2026-11-20 14:00, today 14:00 or yesterday"
        )
    if not re.search(r"\d:\d", text):
        parsed = parsed.set(hour=now.hour, minute=now.minute)
    return _check_range(parsed)


def _check_range(moment: pendulum.DateTime) -> pendulum.DateTime:
    if not EARLIEST_YEAR < moment.year < LATEST_YEAR:  # (a day from the ends, any offset)
        raise DateParseError(
            f"{moment.year} is out of range ({EARLIEST_YEAR + 1}–{LATEST_YEAR - 1})"
        )
    return moment


def pretended_moment(text: str, zone: str) -> pendulum.DateTime:
    """The moment DEBRIEF_NOW names (ISO 8601), in `zone` (the profile's): one written
    without an offset is that wall-clock time there (the computer's, with no profile zone),
    not UTC; with no profile zone, an offset written stays as written."""
    try:
        moment = pendulum.parse(text.strip(), tz=zone or pendulum.tz.local_timezone())
    except ValueError:  # (pendulum's ParserError is one)
        moment = None
    if not isinstance(moment, pendulum.DateTime):
        raise DateParseError(f"DEBRIEF_NOW={text!r} is not a moment: write e.g. 2026-12-01T09:00")
    return moment.in_timezone(zone) if zone else moment


def running_from(moment: pendulum.DateTime, zone: Callable[[], str]) -> Clock:
    """A clock that starts at `moment` and runs on with real time, telling it in `zone()`
    (the profile's, read at each call; the computer's when empty): the app under
    DEBRIEF_NOW."""
    started = pendulum.now()

    def now() -> pendulum.DateTime:
        here = moment + (pendulum.now() - started)
        return here.in_timezone(zone() or pendulum.tz.local_timezone())

    return now


def typed_examples_after(now: pendulum.DateTime, after: datetime) -> str:
    """How a moment later than `after` (and than now) may be typed, for a placeholder:
    `Thu 17 Dec 9:00, in 9 days`. Each example, typed as shown, is accepted: a fixed
    example (`2026-12-01`) soon lies in the past."""
    later = max(now, pendulum.instance(after).in_timezone(now.timezone_name or "UTC"))
    day = later.add(days=2)
    days = (day.date() - now.date()).days
    return f"{day.format('ddd D MMM')} 9:00, in {days} days"


def format_moment(moment: datetime) -> str:
    """`Fri 20 Nov 2026, 14:00` in the moment's own time zone."""
    return f"{format_day(moment.date())}, {moment:%H:%M}"


def format_day(day: date) -> str:
    """`Fri 20 Nov 2026`, in English whatever the system's locale (as pendulum's `ddd D MMM
    YYYY` was, whose first use loaded its locale files: ~5 ms of the first frame)."""
    return f"{_DAY_NAMES[day.weekday()]} {day.day} {_MONTH_NAMES[day.month - 1]} {day.year}"


def short_day(day: date, today: date) -> str:
    """`14 Sep`, with the year when it is not this year's (`28 Dec 2025`)."""
    year = f" {day.year}" if day.year != today.year else ""
    return f"{day.day} {_MONTH_NAMES[day.month - 1]}{year}"


def relative_or_absolute(moment: datetime, now: datetime, *, within_days: int = 7) -> str:
    """ "3 days ago" / "in 2 hours" for nearby moments, the date itself otherwise."""
    seconds = moment.timestamp() - now.timestamp()  # floats: pendulum's "-" is slow
    if abs(seconds) > within_days * 86400:
        return format_day(moment.date())
    return humanize_delta(seconds)


def humanize_delta(seconds: float) -> str:
    """A signed gap in words: negative is the past ("3 days ago"), positive the future."""
    size = abs(seconds)
    if size < 60:
        return "just now"
    for unit, length in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if size >= length:
            count = int(size // length)
            words = plural(count, unit)
            return f"{words} ago" if seconds < 0 else f"in {words}"
    raise AssertionError("unreachable")


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """`1 round`, `3 rounds`, `2 opportunities` (with `plural_form`)."""
    return f"{count} {noun if count == 1 else plural_form or noun + 's'}"


def ordinal(number: int) -> str:
    """`1st`, `2nd`, `3rd`, `11th`, `33rd`."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def has_time_of_day(text: str) -> bool:
    """Whether what was typed names a time of day ("friday 3pm", "2026-12-10 14:00"), not
    only a day (which `parse_when` gives the time of day it was typed at)."""
    cleaned = " ".join(text.strip().lower().split())
    try:
        named = _split_time(cleaned)[1] is not None
    except DateParseError:
        named = True  # (a time, if a wrong one: parsing it says so)
    return named or re.search(r"\d:\d{2}", cleaned) is not None
