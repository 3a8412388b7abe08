"""Time from starting `debrief` to its home screen on a real pseudo-terminal.

    python bench/startup.py [--runs N]

Each run is a fresh process on a 120×36 pty; the clock stops when the footer of the
home screen ("Checklist") has been written to the terminal. A bare Textual app
with the same header and footer runs alongside as the floor. Prints medians.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pendulum

from debrief.demo import build_demo_journal

BARE_APP = """
from textual.app import App
from textual.binding import Binding
from textual.widgets import Footer, Header
class Bare(App):
    BINDINGS = [Binding("n", "bell", "Checklist")]
    def compose(self):
        yield Header()
        yield Footer()
Bare().run()
"""


def time_to_text(command: list[str], marker: bytes, timeout: float = 30.0) -> float:
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"}
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(command[0], command, env)
    seen = b""
    try:
        while marker not in seen:
            if time.perf_counter() - started > timeout:
                raise TimeoutError(" ".join(command))
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                seen += os.read(fd, 65536)
        return time.perf_counter() - started
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def medians_ms(commands: dict[str, list[str]], marker: bytes, runs: int) -> dict[str, float]:
    """Median start-up time per command, the commands taking turns so drift hits all alike."""
    for command in commands.values():
        time_to_text(command, marker)  # warm the file cache
    samples: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, command in commands.items():
            samples[label].append(time_to_text(command, marker) * 1000)
    return {label: statistics.median(times) for label, times in samples.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        empty = Path(scratch) / "empty.json"
        sample = Path(scratch) / "sample.json"
        build_demo_journal(sample, pendulum.now())
        debrief = [sys.executable, "-m", "debrief", "--db"]
        commands = {
            "bare Textual app (header + footer)": [sys.executable, "-c", BARE_APP],
            "debrief, new journal": [*debrief, str(empty)],
            "debrief, demo journal (6 reflections)": [*debrief, str(sample)],
        }
        results = medians_ms(commands, b"Checklist", args.runs)
    bare = results["bare Textual app (header + footer)"]
    rows = list(results.items())
    print(f"{'start → home screen painted':<44}{'median ms':>10}{'× bare':>8}")
    for label, ms in rows:
        print(f"{label:<44}{ms:>10.0f}{ms / bare:>8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
