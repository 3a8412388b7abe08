"""Validation at the boundary, once: what an import accepts, every part of Debrief can show
and export (a year-9999 date, a naive snooze and a weight of 1e999999999 once passed
import and crashed later)."""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from debrief.cli import main
from debrief.exchange import EXPORT_FORMATS, ImportRejected, export_bundle, parse_export, plan_merge
from debrief.followups import plan
from debrief.model import Criterion, ModelError, to_dict
from debrief.store.journal import Journal
from debrief.ui.app import make_app
from debrief.ui.screens.detail import DetailScreen
from tests.samples import NOW, fixed_clock, full_reflection, opportunity

OFFSETS = [timezone(timedelta(hours=hours)) for hours in (-12, -5, 0, 5, 14)]
within_range = st.datetimes(
    min_value=datetime(1900, 1, 2), max_value=datetime(2200, 12, 30), timezones=st.sampled_from(OFFSETS)
)  # fmt: skip
moments = st.one_of(
    within_range,
    within_range,
    st.datetimes(  # aware, from year 1 to 9999, at the edges of what any offset allows
        min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.sampled_from(OFFSETS)
    ),
    st.datetimes(  # aware, around the range's ends
        min_value=datetime(1899, 12, 30), max_value=datetime(2201, 1, 2), timezones=st.sampled_from(OFFSETS)
    ),
    st.datetimes(min_value=datetime(1890, 1, 1), max_value=datetime(2210, 1, 1)),  # naive
    st.sampled_from([datetime(1900, 1, 1, 0, 30, tzinfo=OFFSETS[3]), datetime(2200, 12, 31, 23, tzinfo=OFFSETS[0])]),
)  # fmt: skip
weights = st.sampled_from(["1e999999999", "NaN", "-1", "1000", "1000.5", "2", "0.5", "1E+3", "3"])


def export_of(interview_at: str, snoozed_until: str, weight: str) -> bytes:
    job = opportunity()
    reflection = full_reflection(job.id, id="r1")
    followups = [to_dict(item) for item in plan(job, [reflection], "Europe/Berlin")]
    followups[0]["snoozed_until"] = snoozed_until
    decision = {"criteria": [{"name": "Pay", "weight": weight}], "scores": {}}
    return orjson.dumps(
        {
            "format": "debrief-export",
            "version": 1,
            "opportunities": [to_dict(job)],
            "reflections": [dict(to_dict(reflection), interview_at=interview_at)],
            "followups": followups,
            "decision": decision,
        }
    )


def import_into(path: Path, payload: bytes) -> Journal | None:
    """The journal at `path` after importing `payload`, or None if the import refused it
    (cleanly: an ImportRejected naming the file, nothing written)."""
    try:
        incoming = parse_export(payload, "fuzz.json")
    except ImportRejected as rejected:
        assert "fuzz.json" in str(rejected)
        assert not path.exists()
        return None
    journal = Journal.open(path)
    journal.apply_import(plan_merge(incoming, journal.bundle()).writes)
    return Journal.open(path)  # as read back: the open check accepts what import accepted


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(interview_at=moments, snoozed_until=moments, weight=weights)
def test_what_import_accepts_shows_and_exports(
    interview_at: datetime, snoozed_until: datetime, weight: str
) -> None:
    payload = export_of(interview_at.isoformat(), snoozed_until.isoformat(), weight)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "journal.json"
        journal = import_into(path, payload)
        event("refused" if journal is None else "imported, shown and exported")
        if journal is None:
            return
        for format_name in EXPORT_FORMATS:
            assert export_bundle(journal.bundle(), format_name, NOW)
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["--db", str(path), "show", "r1"]) == 0
            assert main(["--db", str(path), "list"]) == 0
            assert main(["--db", str(path), "due", "--all"]) in (0, 1)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(interview_at=moments, snoozed_until=moments)
async def test_what_import_accepts_opens_in_the_app(
    interview_at: datetime, snoozed_until: datetime
) -> None:
    payload = export_of(interview_at.isoformat(), snoozed_until.isoformat(), "2")
    with tempfile.TemporaryDirectory() as scratch:
        journal = import_into(Path(scratch) / "journal.json", payload)
        if journal is None:
            return
        app = make_app(journal, clock=fixed_clock)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("f3", "enter")
            await pilot.pause()
            assert isinstance(app.screen, DetailScreen)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("interview_at", "9999-12-31T23:00:00-05:00", "outside the years 1900–2200"),
        ("interview_at", "0001-01-01T01:00:00+05:00", "outside the years 1900–2200"),
        ("interview_at", "1900-01-01T00:30:00+01:00", "1899-12-31T23:30:00+00:00 is outside"),
        ("reply_by", "2400-01-01", "outside the years"),
        ("interview_at", "2026-11-22T14:00:00", "must carry a time zone"),
    ],
)
def test_dates_outside_the_range_are_refused_naming_record_and_field(
    field: str, value: Any, message: str
) -> None:
    job = opportunity()
    document = {
        "format": "debrief-export",
        "version": 1,
        "opportunities": [to_dict(job)],
        "reflections": [dict(to_dict(full_reflection(job.id, id="r1")), **{field: value})],
    }
    with pytest.raises(ImportRejected, match=f"r1.*{field}.*{re.escape(message)}"):
        parse_export(orjson.dumps(document), "x.json")


def test_a_naive_snooze_is_refused_on_import() -> None:
    with pytest.raises(ImportRejected, match="snoozed_until: must carry a time zone"):
        parse_export(export_of(NOW.isoformat(), "2026-11-22T09:00:00", "2"), "x.json")


@pytest.mark.parametrize("weight", ["1e999999999", "1001", "NaN"])
def test_absurd_weights_are_refused_without_a_traceback(weight: str) -> None:
    with pytest.raises(ImportRejected, match="weight"):
        parse_export(export_of(NOW.isoformat(), NOW.isoformat(), weight), "x.json")
    with pytest.raises(ModelError):
        Criterion("Pay", Decimal(weight))


def test_the_journal_refuses_a_hand_edited_date_naming_it(journal_path: Path) -> None:
    journal = Journal.open(journal_path)
    job = opportunity()
    journal.save_reflection(full_reflection(job.id, id="r1"), job)
    text = journal_path.read_bytes().replace(b'"interview_at":"2026', b'"interview_at":"9026')
    journal_path.write_bytes(text)
    from debrief.store.files import JournalError

    with pytest.raises(JournalError, match="reflections/r1, field interview_at"):
        Journal.open(journal_path)
    assert journal_path.read_bytes() == text
