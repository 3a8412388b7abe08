"""Faults and hostile input: kills mid-write, two windows, failing disks, odd text, fuzzed imports."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Input, Static

from debrief.exchange import ImportRejected, export_json, parse_export
from debrief.model import (
    Bundle,
    Interviewer,
    ModelError,
    Money,
    Period,
    Reflection,
    from_dict,
    to_dict,
)
from debrief.store.journal import Journal, JournalError, change_encryption
from debrief.store.sealed import KeyParams, Passphrase, Sealer
from debrief.ui.app import DebriefApp, make_app
from debrief.ui.screens.reflect import ReflectScreen
from tests.pilot_helpers import record_notifications, type_text
from tests.samples import NOW, fixed_clock, full_reflection, opportunity

ROOT = Path(__file__).resolve().parent.parent
KILLS = 50
AppFactory = Callable[[], DebriefApp]


# --- crash safety -------------------------------------------------------------------------------


PASSPHRASE = "crash test passphrase"


def run_writer_until_killed(journal_path: Path, first: int, rng: random.Random) -> list[str]:
    """Start the writer, wait for its first acknowledged save, kill it at a random moment."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DEBRIEF_PASSPHRASE_COMMAND": f"echo '{PASSPHRASE}'",  # (used if it is encrypted)
    }
    writer = [sys.executable, str(ROOT / "tests" / "crash_writer.py"), str(journal_path)]
    process = subprocess.Popen(
        [*writer, str(first)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    acknowledged: list[str] = []
    first_ack = threading.Event()

    def read() -> None:
        for line in process.stdout:  # type: ignore[union-attr]
            acknowledged.append(line.strip())
            first_ack.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert first_ack.wait(30), "the writer never saved"
    time.sleep(rng.uniform(0, 0.08))  # the fault: a kill at an unpredictable instant
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    reader.join(30)
    return acknowledged


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_sigkill_at_random_moments_never_loses_an_acknowledged_save(
    tmp_path: Path, encrypted: bool
) -> None:
    """Kills land before, amid and after the atomic replace; every check opens the file
    read-only (as the shell does) but every fifth, which opens it as the app does. The
    same holds for an encrypted journal (a cheap key: the kills are what is tested)."""
    journal_path = tmp_path / "journal.json"
    Journal.open(journal_path)
    sealer = None
    if encrypted:
        sealer = Sealer(Passphrase(PASSPHRASE), KeyParams(b"crash-test-salt!", n=2**10))
        change_encryption(journal_path, None, sealer)
    rng = random.Random(20261122)
    acknowledged: list[str] = []
    kills = KILLS if not encrypted else KILLS // 2
    for kill in range(kills):
        acknowledged += run_writer_until_killed(journal_path, len(acknowledged) + 1000 * kill, rng)
        readonly = kill % 5 != 4
        journal = Journal.open(journal_path, readonly=readonly, sealer=sealer)
        stored = {r.id for r in journal.reflections()}
        missing = set(acknowledged) - stored
        assert not missing, f"acknowledged saves lost after a kill: {sorted(missing)[:5]}"
    assert len(acknowledged) >= kills
    Journal.open(journal_path, sealer=sealer)  # opening cleans killed writers' temporaries
    assert not list(tmp_path.glob(".*.tmp"))
    if encrypted:
        assert b"Long answer" not in journal_path.read_bytes()


# --- two windows -------------------------------------------------------------------------------


async def test_two_app_windows_on_one_journal_keep_each_others_reflections(
    journal_path: Path,
) -> None:
    first = make_app(Journal.open(journal_path), clock=fixed_clock)
    second = make_app(Journal.open(journal_path), clock=fixed_clock)
    async with first.run_test(size=(120, 36)) as one, second.run_test(size=(120, 36)) as two:
        for pilot, company in ((one, "Acme"), (two, "Globex")):
            await pilot.press("n")
            await pilot.pause()
            await type_text(pilot, company)
            await pilot.press("tab")
            await type_text(pilot, "Engineer")
            await pilot.press("ctrl+n", "ctrl+n", "7", "ctrl+s", "ctrl+s")
            await pilot.pause()
        for app, pilot in ((first, one), (second, two)):
            app.follow_journal()  # what its timer does every two seconds
            await pilot.pause()
            title = str(app.screen.query_one("#latest-title", Static).content)
            assert "2 in your journal" in title  # each window shows the other's too
    companies = sorted(o.company for o in Journal.open(journal_path).opportunities())
    assert companies == ["Acme", "Globex"]


async def test_a_journal_damaged_by_another_program_is_reported_once_and_left_alone(
    journal_path: Path,
) -> None:
    journal = Journal.open(journal_path)
    job = opportunity()
    journal.save_reflection(full_reflection(job.id), job)
    app = make_app(journal, clock=fixed_clock)
    said = record_notifications(app)
    async with app.run_test(size=(120, 36)) as pilot:
        journal_path.write_bytes(b"{ not json")
        for _ in range(3):  # three ticks of the follow timer
            app.follow_journal()
            await pilot.pause()
        assert len(said) == 1 and "not valid JSON" in said[0]
        title = str(app.screen.query_one("#latest-title", Static).content)
        assert "1 in your journal" in title  # the reflections already read stay on screen
    assert journal_path.read_bytes() == b"{ not json"  # never overwritten


async def test_a_last_follow_tick_while_closing_is_harmless(journal_path: Path) -> None:
    app = make_app(Journal.open(journal_path), clock=fixed_clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
    job = opportunity()
    Journal.open(journal_path).save_reflection(full_reflection(job.id), job)  # another window
    app.follow_journal()  # the timer's tick that lands after the screens are gone


# --- failing disks and folders -------------------------------------------------------------------


@pytest.mark.parametrize(
    "error, message",
    [
        (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
        (PermissionError(errno.EACCES, "Permission denied"), "permission denied"),
        (OSError(errno.EROFS, "Read-only file system"), "the file system is read-only"),
    ],
)
async def test_a_failing_save_explains_keeps_the_file_and_keeps_the_answers(
    build_app: AppFactory,
    journal_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: OSError,
    message: str,
) -> None:
    app = build_app()
    before = journal_path.read_bytes()
    said = record_notifications(app)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "Engineer")
        await pilot.press("ctrl+n", "ctrl+n", "7", "ctrl+s")
        real_open = os.open

        def failing_open(
            path: Any, flags: int, mode: int = 0o777, *args: Any, **kwargs: Any
        ) -> int:
            if str(path).endswith(".tmp"):
                raise error
            return real_open(path, flags, mode, *args, **kwargs)

        monkeypatch.setattr(os, "open", failing_open)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen)  # still there, answers intact
        assert app.screen.answers["company"] == "Acme"
        assert any(message in told for told in said)
        assert journal_path.read_bytes() == before
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ReflectScreen)
    assert [o.company for o in Journal.open(journal_path).opportunities()] == ["Acme"]


def test_an_unwritable_folder_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def no_write(path: Any, flags: int, mode: int = 0o777, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_write)
    with pytest.raises(JournalError, match="permission denied"):
        Journal.open(tmp_path / "journal.json")


def test_a_read_only_journal_refuses_to_save_and_stays_as_it_was(
    journal: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    job = opportunity()
    journal.save_reflection(full_reflection(job.id), job)
    before = journal_path.read_bytes()
    monkeypatch.setattr(
        os,
        "replace",
        lambda *_: (_ for _ in ()).throw(PermissionError(errno.EACCES, "Permission denied")),
    )
    with pytest.raises(JournalError, match=r"permission denied\. Nothing was changed"):
        journal.save_reflection(full_reflection(job.id, id="r2"), job)
    monkeypatch.undo()
    assert journal_path.read_bytes() == before
    assert len(journal.reflections()) == 1


# --- hostile text -------------------------------------------------------------------------------

HOSTILE = [
    "\x1b[31mred\x1b[0m \x1b]0;title\x07 \x1b[2J",  # ANSI colour, window title, clear screen
    "nul\x00 bell\x07 backspace\x08 del\x7f c1\x9b",
    "[bold]x[/] [/] [@click=app.quit]quit[/] :smile: [$var]",
    "🚀 e\u0301 مرحبا עברית 漢字 \u202eevil\u202c",
]


@pytest.mark.parametrize("text", HOSTILE)
async def test_hostile_text_is_stored_exactly_and_never_reaches_the_terminal_raw(
    build_app: AppFactory, journal_path: Path, text: str
) -> None:
    app = build_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReflectScreen)
        screen.query_one("#q-company").value = text  # type: ignore[attr-defined]
        screen.query_one("#q-role").value = "Engineer"  # type: ignore[attr-defined]
        await pilot.press("ctrl+n", "ctrl+n", "7", "ctrl+s", "ctrl+s")
        await pilot.pause()
        drawn = app.export_screenshot()  # the screen's text as drawn, control characters kept
        assert "\x1b" not in drawn and "\x07" not in drawn and "\x00" not in drawn
    assert Journal.open(journal_path).opportunities()[0].company == text


async def test_a_megabyte_answer_is_kept_whole(build_app: AppFactory, journal_path: Path) -> None:
    answer = ("All work and no play. " * 50_000)[:1_000_000]
    app = build_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "Engineer")
        await pilot.press("ctrl+n", "ctrl+n", "7", "ctrl+n")
        app.screen.answers["went_well"] = answer  # type: ignore[attr-defined]
        await pilot.press("ctrl+s", "ctrl+s")
        await pilot.pause()
    assert Journal.open(journal_path).reflections()[0].went_well == answer


# --- model and import validation under hypothesis ------------------------------------------------

any_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    company=any_text.filter(lambda s: s.strip()),
    answer=any_text,
    name=any_text.filter(lambda s: s.strip()),
)
def test_any_text_round_trips_exactly(company: str, answer: str, name: str) -> None:
    job = opportunity(company=company)
    reflection = full_reflection(job.id, went_well=answer, interviewers=(Interviewer(name=name),))
    assert from_dict(Reflection, orjson.loads(orjson.dumps(to_dict(reflection)))) == reflection
    bundle = Bundle(opportunities=(job,), reflections=(reflection,))
    assert parse_export(export_json(bundle), "x.json") == bundle


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | any_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(
    field=st.sampled_from(
        [
            "rating",
            "want_job",
            "interview_at",
            "reply_by",
            "stage",
            "money",
            "interviewers",
            "went_well",
        ]
    ),
    value=json_values,
)
def test_imports_accept_valid_records_or_reject_them_cleanly(field: str, value: Any) -> None:
    job = opportunity()
    document = {
        "format": "debrief-export",
        "version": 1,
        "opportunities": [to_dict(job)],
        "reflections": [dict(to_dict(full_reflection(job.id)), **{field: value})],
    }
    try:
        bundle = parse_export(orjson.dumps(document), "fuzz.json")
    except ImportRejected as rejected:
        assert "fuzz.json" in str(rejected)
        return
    (reflection,) = bundle.reflections
    assert 1 <= reflection.rating <= 10  # whatever was accepted obeys the rules


@pytest.mark.parametrize("amount", ["NaN", "Infinity", "-Infinity", "-5", "1e400"])
def test_money_refuses_nan_infinite_negative(amount: str) -> None:
    with pytest.raises(ModelError):
        Money(Decimal(amount), "EUR", Period.YEAR)


def test_empty_required_text_is_refused() -> None:
    with pytest.raises(ModelError):
        opportunity(company="   ")
    assert NOW  # the fixed clock everything above counts from


# --- a full disk while writing --------------------------------------------------------------


def disk_full_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every new file in `folder` fails as on a full disk (a draft, a journal write)."""
    real_open = os.open

    def failing_open(path: Any, flags: int, mode: int = 0o777, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and Path(path).parent == folder and str(path).endswith(".tmp"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(path, flags, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", failing_open)


async def start_typing(pilot: Any) -> None:
    await pilot.press("n")
    await pilot.pause()
    await type_text(pilot, "Acme")
    await pilot.press("tab")
    await type_text(pilot, "Engineer")


async def test_quit_on_a_full_disk_keeps_the_text_until_it_is_copied(
    build_app: AppFactory, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await start_typing(pilot)
        disk_full_in(journal_path.parent, monkeypatch)
        await type_text(pilot, " Lead")  # the draft can no longer be written
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running  # refused to quit
        lines = "\n".join(str(w.content) for w in app.screen.query(Static))
        assert "Your answers are not saved anywhere" in lines and "the disk is full" in lines
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard.startswith("Company\nAcme\n\nRole\nEngineer Lead")
        assert app.is_running
        await pilot.press("ctrl+q")  # copied, nothing typed since: now it quits
        await pilot.pause()
    assert not app.is_running


async def test_the_answers_can_be_written_to_another_folder_when_the_journals_is_full(
    build_app: AppFactory, journal_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    app = build_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await start_typing(pilot)
        disk_full_in(journal_path.parent, monkeypatch)
        await type_text(pilot, " Lead")
        await pilot.press("escape")  # leaving the questionnaire asks too
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one(Input).value = str(elsewhere / "answers.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert "Engineer Lead" in (elsewhere / "answers.txt").read_text()
        assert isinstance(app.screen, ReflectScreen)  # still open: nothing was closed
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReflectScreen)  # kept elsewhere: Esc closes


async def test_a_failed_save_never_claims_the_draft_kept_what_it_could_not(
    build_app: AppFactory, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app()
    said = record_notifications(app)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await start_typing(pilot)
        disk_full_in(journal_path.parent, monkeypatch)
        await type_text(pilot, " Lead")  # (a change no draft holds)
        await pilot.press("ctrl+n", "ctrl+n", "7", "ctrl+s", "ctrl+s")
        await pilot.pause()
        assert not any("kept in the draft" in message for message in said)
        assert any("could not be kept in a draft either" in message for message in said)
