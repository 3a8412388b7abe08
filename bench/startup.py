"""Time from starting `debrief` to its home screen, against a bare Textual app.

    python bench/startup.py [--runs N] [--sizes 0 300 2000] [--json]

Each run is a fresh process on a real 120×36 pseudo-terminal (what a user sees: the
terminal driver included), and the clock stops when the home screen's footer
("Prepare") reaches the terminal. Debrief draws its home screen complete in its first
frame, so that moment is the home screen ready for keys. A bare Textual app (a header and
a footer) takes turns with it, as the floor. Every start is the same: there is no cache
to be warm or cold. Also reported: peak memory (VmHWM) once the home screen is drawn.
Journals are synthetic (bench/synthetic.py). Prints medians; the ratios to the bare app
are the medians of each round's ratio (see `take_turns`).
"""

from __future__ import annotations

import os
import pty
import random
import select
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import Figure, bench_parser, emit
from bench.synthetic import copy_of_synthetic_journal

BARE_APP = """
from textual.app import App
from textual.binding import Binding
from textual.widgets import Footer, Header
class Bare(App):
    BINDINGS = [Binding("n", "bell", "Prepare")]
    def compose(self):
        yield Header()
        yield Footer()
Bare().run()
"""
MARKER = b"Prepare"
TARGET_RATIO = {300: 1.35, 2000: 1.8}  # from the issue (#30): × the bare app
TARGET_MEMORY_RATIO = {300: 1.5}
SETTLE = 0.3  # seconds after the first frame before memory is read (the frame's aftermath)


@dataclass(frozen=True)
class Timed:
    """A command's median start-up, its peak RSS, and its median ratios to the floor."""

    ms: float
    rss_mb: float
    ratio: float
    rss_ratio: float


def start_once(command: list[str], timeout: float = 60.0) -> tuple[float, float]:
    """Milliseconds until the marker is on the terminal, and the peak RSS in MB then."""
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(command[0], command, env)
    seen = b""
    try:
        while MARKER not in seen:
            if time.perf_counter() - started > timeout:
                raise TimeoutError(" ".join(command))
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                seen += os.read(fd, 65536)
        elapsed = (time.perf_counter() - started) * 1000
        until = time.perf_counter() + SETTLE
        while time.perf_counter() < until:  # (reading: a full terminal would block it)
            if select.select([fd], [], [], 0.05)[0]:
                os.read(fd, 65536)
        return elapsed, peak_rss_mb(pid)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def peak_rss_mb(pid: int) -> float:
    """The process's own high-water mark (not inherited across exec, unlike ru_maxrss)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def take_turns(commands: dict[str, list[str]], runs: int, floor: str) -> dict[str, Timed]:
    """Time each command `runs` times; the commands take turns, in a new order each round.

    The ratio to the `floor` command is the median of each round's own ratio: the runs
    of a round are a few seconds apart, and this machine's speed shifts by a third from
    one minute to the next (a ratio of medians moved by 10% between identical runs).
    """
    for command in commands.values():
        start_once(command)  # (bytecode written, files in the page cache)
    samples: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
    turns = random.Random(len(commands))  # (seeded: the same orders on every run)
    for _ in range(runs):
        for label in turns.sample(list(commands), len(commands)):
            samples[label].append(start_once(commands[label]))
    floors = samples[floor]
    return {
        label: Timed(
            ms=statistics.median(ms for ms, _ in taken),
            rss_mb=statistics.median(rss for _, rss in taken),
            ratio=per_round_median(taken, floors, 0),
            rss_ratio=per_round_median(taken, floors, 1),
        )
        for label, taken in samples.items()
    }


def per_round_median(
    taken: list[tuple[float, float]], floors: list[tuple[float, float]], figure: int
) -> float:
    return statistics.median(
        mine[figure] / low[figure] for mine, low in zip(taken, floors, strict=True)
    )


def main() -> int:
    parser = bench_parser(__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 300, 2000])
    args = parser.parse_args()
    bare = "bare Textual app (header + footer)"
    commands = {bare: [sys.executable, "-c", BARE_APP]}
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["XDG_CONFIG_HOME"] = str(Path(scratch) / "config")  # not the user's keys
        for size in args.sizes:
            folder = Path(scratch) / str(size)
            folder.mkdir()
            path = copy_of_synthetic_journal(folder, size) if size else folder / "journal.json"
            commands[f"debrief, {size} reflections"] = [
                sys.executable, "-m", "debrief", "--db", str(path),
            ]  # fmt: skip
        results = take_turns(commands, args.runs, floor=bare)
    figures = [Figure(f"start → home screen: {bare}", results[bare].ms)]
    for size in args.sizes:
        timed = results[f"debrief, {size} reflections"]
        figures.append(Figure(f"start → home screen: debrief, {size} reflections", timed.ms))
        figures.append(
            Figure(f"  × bare, {size} reflections", timed.ratio, "×", TARGET_RATIO.get(size))
        )
    figures.append(Figure(f"peak memory: {bare}", results[bare].rss_mb, "MB"))
    for size in args.sizes:
        timed = results[f"debrief, {size} reflections"]
        figures.append(Figure(f"peak memory: debrief, {size} reflections", timed.rss_mb, "MB"))
        target = TARGET_MEMORY_RATIO.get(size)
        figures.append(Figure(f"  × bare, {size} reflections", timed.rss_ratio, "×", target))
    title = f"start-up, medians of {args.runs} runs (a 120×36 pty); × bare: per round"
    emit(title, figures, as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
