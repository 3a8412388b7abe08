"""Dates as people type them, read against a fixed now (Sunday 22 Nov 2026, 14:05 Berlin)."""

from __future__ import annotations

from datetime import date, datetime

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from debrief.dates import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    DateParseError,
    format_day,
    format_moment,
    humanize_delta,
    ordinal,
    parse_day,
    parse_when,
    plural,
    relative_or_absolute,
    short_day,
)
from tests.samples import NOW


@pytest.mark.parametrize(
    "text, expected",
    [
        ("now", (2026, 11, 22, 14, 5)),
        ("2026-11-20 14:00", (2026, 11, 20, 14, 0)),
        ("2026-11-20T09:30", (2026, 11, 20, 9, 30)),
        ("today 14:00", (2026, 11, 22, 14, 0)),
        ("Today at 9am", (2026, 11, 22, 9, 0)),
        ("yesterday", (2026, 11, 21, 14, 5)),
        ("yesterday 3pm", (2026, 11, 21, 15, 0)),
        ("12pm", (2026, 11, 22, 12, 0)),
        ("12am", (2026, 11, 22, 0, 0)),
        ("16:45", (2026, 11, 22, 16, 45)),
        ("friday", (2026, 11, 20, 14, 5)),
        ("last fri 10:00", (2026, 11, 20, 10, 0)),
        ("sunday", (2026, 11, 22, 14, 5)),
        ("last sunday", (2026, 11, 15, 14, 5)),
        ("2 days ago", (2026, 11, 20, 14, 5)),
        ("1 week ago 11:00", (2026, 11, 15, 11, 0)),
        ("2026-11-20", (2026, 11, 20, 14, 5)),
    ],
)
def test_parse_when_reads_common_forms(text: str, expected: tuple[int, ...]) -> None:
    moment = parse_when(text, NOW)
    assert (moment.year, moment.month, moment.day, moment.hour, moment.minute) == expected
    assert moment.timezone_name == "Europe/Berlin"


@pytest.mark.parametrize(
    "text", ["", "   ", "2026-13-45", "abc", "25:00", "13pm", "9999-01-01", "1900-01-01"]
)
def test_parse_when_refuses_what_it_cannot_read(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_when(text, NOW)


def test_an_iso_offset_is_kept() -> None:
    moment = parse_when("2026-11-20T14:00+05:30", NOW)
    assert moment.utcoffset().total_seconds() == 5.5 * 3600


def test_day_words_look_forward_for_a_reply_date() -> None:
    today = date(2026, 11, 22)  # a Sunday
    assert parse_day("friday", today) == date(2026, 11, 27)
    assert parse_day("next friday", today) == date(2026, 11, 27)
    assert parse_day("next sunday", today) == date(2026, 11, 29)
    assert parse_day("in 2 weeks", today) == date(2026, 12, 6)
    assert parse_day("next week", today) == date(2026, 11, 29)
    assert parse_day("tomorrow", today) == date(2026, 11, 23)
    assert parse_day("2026-12-01", today) == date(2026, 12, 1)


def test_relative_words_respect_the_injected_now_across_a_dst_change() -> None:
    before_change = pendulum.datetime(2026, 10, 25, 12, 0, tz="Europe/Berlin")  # CET starts 03:00
    moment = parse_when("yesterday 12:00", before_change)
    assert moment.utcoffset().total_seconds() == 2 * 3600  # still summer time yesterday


def test_humanised_gaps() -> None:
    assert humanize_delta(-30) == "just now"
    assert humanize_delta(-3 * 86400 - 5) == "3 days ago"
    assert humanize_delta(3 * 3600) == "in 3 hours"
    assert humanize_delta(-60) == "1 minute ago"


def test_recent_moments_are_relative_older_ones_absolute() -> None:
    assert relative_or_absolute(NOW.subtract(days=3), NOW) == "3 days ago"
    assert relative_or_absolute(NOW.subtract(days=30), NOW) == "Fri 23 Oct 2026"


def test_plural() -> None:
    assert plural(1, "round") == "1 round"
    assert plural(2, "round") == "2 rounds"
    assert plural(2, "opportunity", "opportunities") == "2 opportunities"


def test_ordinals_read_as_english() -> None:
    numbers = [1, 2, 3, 4, 11, 12, 13, 21, 22, 33, 101, 111, 112]
    assert [ordinal(n) for n in numbers] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "33rd",
        "101st", "111th", "112th",
    ]  # fmt: skip


@given(
    st.datetimes(
        min_value=datetime(EARLIEST_YEAR, 1, 2),
        max_value=datetime(LATEST_YEAR, 12, 30),
        timezones=st.just(pendulum.UTC),
    ),
    st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"]),
)
def test_dates_read_as_they_always_did_in_english(instant: datetime, zone: str) -> None:
    """Formatted by hand since pendulum's formatter costs the first frame its locale files."""
    moment = instant.astimezone(pendulum.timezone(zone))  # (a real moment: no DST gap)
    assert format_moment(moment) == pendulum.instance(moment).format("ddd D MMM YYYY, HH:mm")
    day = moment.date()
    assert format_day(day) == pendulum.Date(day.year, day.month, day.day).format("ddd D MMM YYYY")


def test_a_short_day_has_its_year_only_when_it_is_not_this_years() -> None:
    today = NOW.date()
    assert short_day(date(2026, 9, 14), today) == "14 Sep"
    assert short_day(date(2025, 12, 28), today) == "28 Dec 2025"
