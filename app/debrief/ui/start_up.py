"""Start-up's background work, tuned so that the keys keep their turn.

Just after the first frame the app reads a big journal in a thread, checks its records
a slice per turn of the event loop, then works out the trends figures in a thread: at
10,000 reflections, seconds in which the user may already be pressing keys. Two things
made those keys wait up to ~0.2 s:

- Python lets a busy thread keep the interpreter for 5 ms before another thread may
  have it, and a key's work on the UI thread gives it up many times (each write to the
  terminal, each wait for the next event): each time, up to 5 ms more. While the work
  runs, a thread holds it at most half a millisecond.
- `debrief` starts with the garbage collector off (its passes over everything start-up
  allocates cost ~35 ms before the first frame). Once the journal is read, it comes back
  on with what is alive then out of its sight (the journal's documents and the app,
  alive as long as the app; still freed when no longer used, as documents hold no
  reference cycles), but a full pass amid the work walked all the work had made so far
  (~50 ms of no keys, collecting nothing): full passes wait until the work is done, and
  what it left alive for the session (checked records, trends figures, the chart
  library) goes out of the collector's sight too. Young objects are collected as usual.
"""

from __future__ import annotations

import enum
import gc
import sys

FULL_PASS_EVERY = gc.get_threshold()[2]  # young collections between full ones (Python's)
FULL_PASSES_PUT_OFF = 1_000_000_000  # as many: none while start-up's work runs
UI_TURN_SECONDS = 0.0005  # the longest a busy thread keeps the interpreter from the UI
# What it is otherwise (Python's 5 ms), as found: what each app restores, even when two
# run at once in one process (as tests do).
SWITCH_INTERVAL = sys.getswitchinterval()


class Phase(enum.Enum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"


class StartUpWork:
    """Begins as the app first checks its journal; done once the trends are warm, or the
    check stopped at a problem, or the app exits (each call after the first does nothing)."""

    def __init__(self) -> None:
        self.phase = Phase.PENDING
        self._full_passes_put_off = False

    def begin(self) -> None:
        if self.phase is Phase.PENDING:
            self.phase = Phase.RUNNING
            sys.setswitchinterval(UI_TURN_SECONDS)

    def journal_reading(self) -> None:
        """No collection amid the read's million new objects (0.1 s of no keys)."""
        gc.disable()

    def journal_read(self) -> None:
        """Turn the collector back on if start-up (the command) or the read turned it off,
        with what is alive now out of its sight."""
        if gc.isenabled():
            return
        gc.freeze()
        if self.phase is Phase.RUNNING:
            young, middle, _ = gc.get_threshold()
            gc.set_threshold(young, middle, FULL_PASSES_PUT_OFF)
            self._full_passes_put_off = True
        gc.enable()

    def done(self) -> None:
        if self.phase is not Phase.RUNNING:
            return
        self.phase = Phase.DONE
        if self._full_passes_put_off:
            gc.freeze()
            young, middle, _ = gc.get_threshold()
            gc.set_threshold(young, middle, FULL_PASS_EVERY)
        sys.setswitchinterval(SWITCH_INTERVAL)
