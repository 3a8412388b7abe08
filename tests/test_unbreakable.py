"""Each crash a new user met, ended in one clear sentence: exit status 2, files untouched,
and never a trace that shows a passphrase or a word of the journal."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import orjson
import pendulum
import pytest
from rich.console import Console
from rich.traceback import Traceback
from textual.widgets import Input, Static

from debrief.actions.unlock import PASSPHRASE_COMMAND
from debrief.cli import build_demo_journal, main
from debrief.store.journal import Journal, change_encryption
from debrief.store.sealed import KeyParams, Passphrase, Sealer, affordable
from debrief.ui.app import make_app
from debrief.ui.screens.unlock import UnlockApp
from tests.samples import NOW, bare_reflection, fixed_clock, opportunity

PASSPHRASE = "violet staple under the bridge"
SECRET = "I would take a pay cut to leave Initrode"  # an answer: never in any output
FIXTURES = Path(__file__).parent / "fixtures" / "invitations"


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file beside the journal and its hash: what a refusal must leave as it was."""
    return {
        str(file.relative_to(folder)): hashlib.sha256(file.read_bytes()).hexdigest()
        for file in sorted(folder.rglob("*"))
        if file.is_file()
    }


@pytest.fixture
def journal_with_secret(tmp_path: Path) -> Path:
    path = tmp_path / "journal.json"
    journal = build_demo_journal(path, NOW)
    job = opportunity("Initrode Rival", "Engineer")
    journal.save_reflection(bare_reflection(job.id, id="secret", went_badly=SECRET), job)
    return path


def sealed(path: Path, **costs: int) -> Path:
    """`path` encrypted with PASSPHRASE (the cheapest costs unless given)."""
    params = KeyParams(b"unbreakable-salt", **({"n": 2**10} | costs))
    change_encryption(path, None, Sealer(Passphrase(PASSPHRASE), params))
    return path


def with_key_costs(path: Path, **costs: int) -> None:
    """Edit the envelope's scrypt costs, as a damaged or hostile file would have them."""
    envelope = orjson.loads(path.read_bytes())
    envelope["kdf"].update(costs)
    path.write_bytes(orjson.dumps(envelope))


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    output = captured.out + captured.err
    assert "Traceback" not in output and PASSPHRASE not in output and SECRET not in output
    return code, output


# --- encrypt and passphrase with nobody to type -------------------------------------------


@pytest.mark.parametrize("command", ["encrypt", "passphrase"])
def test_asking_for_a_passphrase_with_no_terminal_refuses_cleanly(
    journal_with_secret: Path, command: str
) -> None:
    """`debrief encrypt </dev/null` ended in EOFError; run as a user would, with no
    controlling terminal (its own session) and standard input at its end."""
    path = journal_with_secret
    if command == "passphrase":
        sealed(path)
    before = fingerprint(path.parent)
    env = {k: v for k, v in os.environ.items() if k != PASSPHRASE_COMMAND}
    done = subprocess.run(
        [sys.executable, "-m", "debrief", "--db", str(path), command],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        start_new_session=True,  # (no /dev/tty for getpass to fall back on)
        env=env,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "run this in a terminal to type the passphrase" in done.stderr
    assert done.stderr.count("\n") == 1  # one sentence, one line
    assert fingerprint(path.parent) == before


def test_input_that_ends_while_typing_the_passphrase_changes_nothing(
    journal_with_secret: Path,
) -> None:
    from debrief.actions.unlock import new_sealer
    from debrief.store.files import JournalError

    def ends(prompt: str) -> str:
        raise EOFError

    with pytest.raises(JournalError, match="No passphrase was typed: nothing was changed"):
        new_sealer(ends)


# --- the key derivation's costs ----------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "r"),
    [
        (2**16, 1),  # the reported MemoryError: scrypt needs n < 2^(16·r)
        (2**20, 16),  # the largest the old bounds allowed: 2 GB and 6–11 s a try
        (2**19, 8),  # 512 MB
        (2**16, 0),
        (2**16 + 1, 8),  # not a power of two
        (2**5, 8),  # too cheap to be ours
    ],
)
def test_unaffordable_key_costs_are_refused_before_deriving(
    journal_with_secret: Path, capsys: pytest.CaptureFixture[str], n: int, r: int
) -> None:
    export = journal_with_secret.parent / "export.json"
    assert (
        main(["--db", str(journal_with_secret), "export", "--format", "json", "-o", str(export)])
        == 0
    )
    path = sealed(journal_with_secret)
    with_key_costs(path, n=n, r=r)
    before = fingerprint(path.parent)
    os.environ[PASSPHRASE_COMMAND] = f"echo '{PASSPHRASE}'"
    try:
        for command in (["list"], ["decrypt"], ["merge"], ["import", str(export)]):
            code, output = run("--db", str(path), *command, capsys=capsys)
            assert code == 2, (command, output)
            assert "key parameters are damaged" in output, (command, output)
    finally:
        del os.environ[PASSPHRASE_COMMAND]
    assert fingerprint(path.parent) == before


def test_the_bound_is_what_one_unlock_can_afford() -> None:
    """At most 256 MB (128·n·r bytes; 0.7 s here): today's cost and up to 4× it pass."""
    assert affordable(2**16, 8, 1)  # what Debrief writes: 64 MB, 0.2 s
    assert affordable(2**18, 8, 1) and affordable(2**17, 16, 1)  # 256 MB
    assert affordable(2**15, 1, 1)
    assert not affordable(2**19, 8, 1) and not affordable(2**16, 1, 1)
    assert not affordable(2**16, 8, 2)


async def test_the_unlock_dialog_says_why_a_file_with_bad_costs_cant_open(
    journal_with_secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sealed(journal_with_secret)
    with_key_costs(path, r=1, n=2**16)
    app = UnlockApp(path)
    async with app.run_test() as pilot:
        app.query_one("#passphrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = str(app.query_one("#unlock-error", Static).content)
        assert "key parameters are damaged" in said
        assert app.is_running
    captured = capsys.readouterr()
    assert PASSPHRASE not in captured.out + captured.err


# --- invitations from the wild and from nowhere ---------------------------------------------


def invitation(dtstart: str) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\n"
        "UID:odd-date@acme\r\nDTSTAMP:20261120T090000Z\r\nSUMMARY:Interview – Acme\r\n"
        f"DTSTART:{dtstart}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


@pytest.mark.parametrize(
    ("dtstart", "why"),
    [
        ("99991231T100000", "start: 9999-12-31T10:00:00"),
        ("00010101T100000", "is outside the years 1900–2200"),
        ("22010101T100000", "is outside the years 1900–2200"),
        ("18991231T100000", "is outside the years 1900–2200"),
        ("20261301T250000", "its start “20261301T250000” is not a date and time"),
    ],
)
@pytest.mark.parametrize("dry_run", [False, True])
def test_an_invitation_at_an_impossible_time_is_refused_naming_the_event(
    journal_with_secret: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    dtstart: str,
    why: str,
    dry_run: bool,
) -> None:
    ics = tmp_path / "odd.ics"
    ics.write_bytes(invitation(dtstart))
    before = fingerprint(tmp_path)
    args = ["--db", str(journal_with_secret), "import", str(ics), *(["--dry-run"] * dry_run)]
    code, output = run(*args, capsys=capsys)
    assert code == 2
    assert f'{ics}: the event "Interview – Acme" (UID odd-date@acme) can' in output
    assert why in output and output.rstrip().endswith("Nothing was imported.")
    assert fingerprint(tmp_path) == before


def test_an_outlook_invitation_with_a_windows_time_zone_imports_at_its_time(
    journal_with_secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`TZID=W. Europe Standard Time` with Outlook's VTIMEZONE: 10:30 in Berlin."""
    ics = FIXTURES / "outlook-teams-request.ics"
    path = str(journal_with_secret)
    assert run("--db", path, "import", str(ics), "--dry-run", capsys=capsys)[0] == 0
    code, output = run("--db", path, "import", str(ics), capsys=capsys)
    assert (code, output) == (0, "1 added, 0 updated, 0 unchanged\n")
    (interview,) = [i for i in Journal.open(journal_with_secret).interviews() if i.uid]
    assert interview.start == pendulum.datetime(2026, 12, 10, 10, 30, tz="Europe/Berlin")


async def test_the_palette_import_of_an_outlook_invitation_keeps_the_app_open(
    journal_with_secret: Path,
) -> None:
    from tests.pilot_helpers import type_text

    app = make_app(Journal.open(journal_with_secret), clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_import_invitations()
        await pilot.pause()
        await type_text(pilot, str(FIXTURES / "outlook-teams-request.ics") + "\n")
        await pilot.press("ctrl+s")  # (the preview: import what it ticked)
        await pilot.pause()
        assert app.is_running
    assert any(i.uid for i in Journal.open(journal_with_secret).interviews())


# --- a full disk ------------------------------------------------------------------------------


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # (the write fails with EFBIG instead)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_encrypt_under_a_file_size_limit_says_so_and_keeps_the_journal(
    journal_with_secret: Path,
) -> None:
    path = journal_with_secret
    plain = path.read_bytes()
    env = {**os.environ, PASSPHRASE_COMMAND: f"echo '{PASSPHRASE}'"}
    done = subprocess.run(
        [sys.executable, "-m", "debrief", "--db", str(path), "encrypt"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=_file_size_limit(len(plain) // 2),
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and PASSPHRASE not in done.stderr
    assert "couldn't write" in done.stderr and "journal.json itself is as it was" in done.stderr
    assert path.read_bytes() == plain


# --- no secret in any trace -------------------------------------------------------------------


def test_what_a_crash_report_shows_of_secrets_and_records(journal_with_secret: Path) -> None:
    """Textual's crash report prints every frame's locals: the types that carry secrets
    print as their kind (and id), whatever goes wrong around them."""
    journal = Journal.open(journal_with_secret)
    passphrase = Passphrase(PASSPHRASE)
    sealer = Sealer(passphrase, KeyParams(b"unbreakable-salt", n=2**10))
    reflection = journal.reflection("secret")
    bundle = journal.bundle()

    def crash() -> None:
        assert sealer and reflection and bundle  # (in this frame's locals)
        raise RuntimeError("planted")

    console = Console(record=True, width=200)
    try:
        crash()
    except RuntimeError:
        console.print(Traceback(show_locals=True, locals_max_length=5))
    shown = console.export_text()
    assert "planted" in shown and "Passphrase(***)" in shown
    assert "Reflection(id='secret')" in shown
    assert PASSPHRASE not in shown and SECRET not in shown and "Initrode" not in shown


async def test_an_unexpected_error_while_unlocking_is_a_message_not_a_crash_report(
    journal_with_secret: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from debrief.store import sealed as sealed_module

    path = sealed(journal_with_secret)

    def broken(passphrase: Passphrase, params: KeyParams) -> bytes:
        raise RuntimeError("something no rule expected")

    monkeypatch.setattr(sealed_module, "_derive", broken)
    app = UnlockApp(path)
    async with app.run_test() as pilot:
        app.query_one("#passphrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = str(app.query_one("#unlock-error", Static).content)
        assert said.startswith("Something unexpected went wrong while opening the journal")
        assert "RuntimeError in sealed.py" in said
        assert app.is_running
    captured = capsys.readouterr()
    assert PASSPHRASE not in captured.out + captured.err


async def test_an_unexpected_error_while_merging_a_copy_is_a_message_not_a_crash_report(
    journal_with_secret: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from debrief import sync

    path = journal_with_secret
    copy = path.with_name("journal.sync-conflict-20261201-101500-ABCDEF1.json")
    copy.write_bytes(path.read_bytes())

    def broken(*args: object) -> object:
        raise TypeError("something no rule expected")

    monkeypatch.setattr("debrief.actions.merging.merge_copy", broken)
    assert sync.merge_copy is not broken  # (only the merge of the copy is broken)
    said: list[str] = []
    app = make_app(Journal.open(path), clock=fixed_clock)
    original = app.notify

    def notify(message: str, *args: object, **kwargs: object) -> None:
        said.append(message)
        original(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.is_running
        assert any("TypeError in merging.py" in message for message in said), said
    captured = capsys.readouterr()
    assert SECRET not in captured.out + captured.err
    assert copy.exists()  # left as it is
    assert main(["--db", str(path), "merge"]) == 70
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and SECRET not in captured.err
    assert "TypeError in merging.py" in captured.err
