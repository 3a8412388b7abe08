"""Leaving when the window is closed or the system asks (SIGHUP, SIGTERM), never hanging.

Closing a terminal window sends SIGHUP, then takes the terminal away. Every write to it
then fails, and Textual's output thread stops at the first failure; its shutdown can then
wait for ever on that thread. Seen: closing a tmux window a few milliseconds after a
keystroke left `debrief` asleep, deaf to SIGTERM, one close in two. So, on the signal:

- output goes to /dev/null at once (after a hang-up: nobody is left to read it), so no
  write fails;
- the app keeps the draft and exits as usual (`leave`, run by the event loop, not in the
  signal handler: the handler may have interrupted a write to the same file);
- a watchdog thread ends the process a few seconds later if that exit is stuck: the draft
  is on disk by then. (Textual also resumes the terminal on the SIGCONT that follows a
  hang-up, with a new output thread for a terminal that is gone: not after a hang-up.)
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

STUCK_EXIT_SECONDS = 3.0  # a normal exit takes well under a second
SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class LeaveOnSignal:
    """Turns SIGTERM and SIGHUP into `leave(number)` on the event loop, with a watchdog."""

    def __init__(self, leave: Callable[[int], None], loop: asyncio.AbstractEventLoop) -> None:
        self.leave = leave
        self.loop = loop
        self.received: int | None = None  # the signal that came, if one did
        self._wake_read, self._wake_write = os.pipe()
        self._stood_down = threading.Event()
        self._before: dict[int, Any] = {}

    def install(self) -> None:
        """Handle the signals from now on (call from the main thread)."""
        threading.Thread(target=self._watch, name="debrief-exit-watchdog", daemon=True).start()
        for number in SIGNALS:
            self._before[number] = signal.signal(number, self._on_signal)

    def stand_down(self) -> None:
        """The app has closed: the signals' handlers as they were, and no watchdog, unless
        the terminal is gone (then ending the process is all that is left to do, and the
        watchdog sees to it)."""
        for number, handler in self._before.items():
            signal.signal(number, handler)
        if self.received != signal.SIGHUP:
            self._stood_down.set()
            os.write(self._wake_write, b"\0")  # (a watchdog still waiting: nothing came)

    def _on_signal(self, number: int, _frame: FrameType | None) -> None:
        """Runs between two bytecodes of the main thread, wherever it was: only what is
        safe there (system calls, and a callback handed to the loop)."""
        self.received = number
        os.write(self._wake_write, bytes([number]))  # the watchdog starts counting
        if number == signal.SIGHUP:
            silence_output()
            # The kernel follows a hang-up with SIGCONT, on which Textual resumes the
            # terminal (a new output thread for a terminal that is gone): nothing to resume.
            signal.signal(signal.SIGCONT, signal.SIG_DFL)
        with contextlib.suppress(RuntimeError):  # (the loop already closed: exiting anyway)
            self.loop.call_soon_threadsafe(self.leave, number)

    def _watch(self) -> None:
        number = os.read(self._wake_read, 1)[0]
        if number and not self._stood_down.wait(STUCK_EXIT_SECONDS):
            os._exit(128 + number)  # the shell's convention for "ended by signal N"


def silence_output() -> None:
    """Point standard output and error at /dev/null (the terminal is gone)."""
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        for descriptor in (1, 2):
            os.dup2(null, descriptor)
        os.close(null)
