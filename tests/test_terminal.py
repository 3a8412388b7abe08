"""The real `debrief` in a real pseudo-terminal: killed mid-questionnaire, nothing typed is lost."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from debrief.cli import build_demo_journal
from debrief.store.journal import Journal, drafts_path_of
from tests.samples import NOW, full_reflection, opportunity

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

DEADLINE = 30.0


class Terminal:
    """`python -m debrief` on a 120×36 pty, its output collected by a thread."""

    def __init__(self, journal_path: Path, *, command: list[str] | None = None) -> None:
        command = command or ["-m", "debrief", "--db", str(journal_path)]
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"}
        env.pop("DEBRIEF_DB", None)
        env["XDG_CONFIG_HOME"] = str(journal_path.parent / "config")  # (not the user's keys)
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal, then become debrief
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
            os.execvpe(sys.executable, [sys.executable, *command], env)
        self.pid, self.fd = pid, fd
        self.output = bytearray()
        self.exit_status: int | None = None
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def wait_for(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + DEADLINE
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"timed out waiting for {what}; screen tail: {bytes(self.output[-400:])!r}"
                )
            time.sleep(0.02)

    def wait_for_text(self, text: str) -> None:
        self.wait_for(lambda: text.encode() in self.output, repr(text))

    def type(self, text: str) -> None:
        for char in text:  # one key at a time, as a person types
            os.write(self.fd, char.encode())
            time.sleep(0.01)

    def signal(self, number: int) -> None:
        os.kill(self.pid, number)

    def hang_up(self) -> None:
        """Close the terminal, as closing its window does (the kernel sends SIGHUP)."""
        os.close(self.fd)
        self.fd = -1

    def wait_exit(self) -> int:
        def exited() -> bool:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.exit_status = status
            return bool(done)

        self.wait_for(exited, "the process to exit")
        assert self.exit_status is not None
        return self.exit_status

    def close(self) -> None:
        if self.exit_status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        if self.fd >= 0:
            os.close(self.fd)


def draft_company(journal_path: Path) -> str | None:
    drafts_file = drafts_path_of(journal_path)
    if not drafts_file.exists() or b"company" not in drafts_file.read_bytes():
        return None
    drafts = Journal.open(journal_path, readonly=True).drafts()
    return str(drafts[0].answers.get("company")) if drafts else None


@pytest.fixture
def terminal(journal_path: Path) -> object:
    term = Terminal(journal_path)
    yield term
    term.close()


def start_questionnaire(term: Terminal) -> None:
    term.wait_for_text("Welcome to Debrief")
    term.type("n")
    term.wait_for_text("Step 1 of 12")


def test_sigkill_after_a_pause_loses_nothing(terminal: Terminal, journal_path: Path) -> None:
    start_questionnaire(terminal)
    terminal.type("Acme Corp")
    terminal.wait_for(lambda: draft_company(journal_path) == "Acme Corp", "the autosaved draft")
    terminal.signal(signal.SIGKILL)
    terminal.wait_exit()
    journal = Journal.open(journal_path)
    assert journal.reflections() == []
    assert journal.drafts()[0].answers["company"] == "Acme Corp"


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_terminate_or_hang_up_saves_the_draft_at_once(
    terminal: Terminal, journal_path: Path, number: int
) -> None:
    start_questionnaire(terminal)
    terminal.type("Globex")
    terminal.wait_for_text("Globex")
    terminal.signal(number)
    status = terminal.wait_exit()
    assert os.WIFEXITED(status), "debrief should exit by itself, not die of the signal"
    assert draft_company(journal_path) == "Globex"


@pytest.mark.parametrize("delay", [0.0, 0.01, 0.02, 0.03, 0.05, 0.08])
def test_closing_the_window_while_typing_ends_debrief_and_keeps_every_key(
    terminal: Terminal, journal_path: Path, delay: float
) -> None:
    """Closing a window sends SIGHUP, then takes the terminal away. Done while keys were
    still on their way, it used to leave `debrief` asleep for ever (Textual's output thread
    stopped at the first write to the gone terminal; its shutdown waited on it), deaf to
    SIGTERM; or it exited before reading the keys already typed."""
    start_questionnaire(terminal)
    os.write(terminal.fd, b"Globex corp")  # typed fast, as the window closes
    time.sleep(0.02)
    os.killpg(terminal.pid, signal.SIGHUP)
    time.sleep(delay)
    terminal.hang_up()
    terminal.wait_exit()
    assert draft_company(journal_path) == "Globex corp"


def test_a_damaged_record_on_the_home_screen_ends_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    job = opportunity()
    Journal.open(path).save_reflection(full_reflection(job.id), job)
    damaged = path.read_bytes().replace(b'"rating":7', b'"rating":0')
    path.write_bytes(damaged)
    term = Terminal(path)
    try:
        status = term.wait_exit()
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 2
        term.wait_for_text("must be from 1 to 10")  # printed by `debrief` on the way out
        assert b"Traceback" not in term.output and b"RuntimeWarning" not in term.output
    finally:
        term.close()
    assert path.read_bytes() == damaged


def test_two_starts_in_a_row_each_save_a_follow_up(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    build_demo_journal(path, NOW)
    journal = Journal.open(path)
    for interview in journal.interviews():  # so the agenda starts with a follow-up
        journal.delete_interview(interview.id)
    done_before = sum(f.done_at is not None for f in journal.followups())
    for _ in range(2):
        term = Terminal(path)
        try:
            term.wait_for_text("Latest reflections")
            term.type(" ")  # Done, on the first follow-up of the agenda
            term.wait_for_text("Done:")
            term.type("\x11")  # ctrl+q
            assert term.wait_exit() == 0
        finally:
            term.close()
    done_after = sum(f.done_at is not None for f in Journal.open(path).followups())
    assert done_after == done_before + 2


def test_an_app_that_ends_on_an_error_makes_debrief_exit_non_zero(tmp_path: Path) -> None:
    """A crash must not look like a normal quit to a script or a shell prompt."""
    path = tmp_path / "journal.json"
    crash = (
        "import sys\n"
        "from debrief.ui.screens.home import HomeScreen\n"
        "def broken(self): raise RuntimeError('boom')\n"
        "HomeScreen.reload = broken\n"
        "from debrief.cli import main\n"
        f"sys.exit(main(['--db', {str(path)!r}]))\n"
    )
    term = Terminal(path, command=["-c", crash])
    try:
        status = term.wait_exit()
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) != 0
    finally:
        term.close()


def encrypted_journal(tmp_path: Path, passphrase: str) -> Path:
    from debrief.store.journal import change_encryption
    from debrief.store.sealed import KeyParams, Passphrase, Sealer

    path = tmp_path / "journal.json"
    journal = Journal.open(path)
    job = opportunity("Acme", "Data Engineer")
    journal.save_reflection(full_reflection(job.id, id="r1", interview_at=NOW), job)
    change_encryption(
        path, None, Sealer(Passphrase(passphrase), KeyParams(b"terminal-salt-01", n=2**10))
    )
    return path


def test_the_shell_asks_for_the_passphrase_without_echoing_it(tmp_path: Path) -> None:
    path = encrypted_journal(tmp_path, "open sesame please")
    term = Terminal(path, command=["-m", "debrief", "--db", str(path), "show", "r1"])
    try:
        term.wait_for_text("Passphrase for")
        term.type("wrong guess\r")
        term.wait_for_text("Wrong passphrase. 2 more tries.")
        # (getpass turns echo off, discarding what was typed ahead, before the prompt)
        term.wait_for(lambda: term.output.count(b"Passphrase for") == 2, "the second prompt")
        term.type("open sesame please\r")
        term.wait_for_text("Acme — Data Engineer")
        assert os.WEXITSTATUS(term.wait_exit()) == 0
        assert b"open sesame" not in term.output and b"wrong guess" not in term.output
    finally:
        term.close()


def test_the_app_opens_an_encrypted_journal_after_its_dialog(tmp_path: Path) -> None:
    path = encrypted_journal(tmp_path, "open sesame please")
    term = Terminal(path)
    try:
        term.wait_for_text("journal.json is encrypted")
        term.type("open sesame please\r")
        term.wait_for_text("Latest reflections")
        term.type("\x11")  # ctrl+q
        assert term.wait_exit() == 0
        assert b"open sesame" not in term.output  # masked
    finally:
        term.close()
    assert b"debrief-encrypted" in path.read_bytes() and b"Acme" not in path.read_bytes()
