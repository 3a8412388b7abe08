"""Time from starting `debrief` to its home screen, against a bare Textual app.

    python bench/startup.py [--runs N] [--sizes 0 1000 10000] [--json]

Each run is a fresh process on a real 120×36 pseudo-terminal (what a user sees: the
terminal driver included, unlike a headless `run_test`), and the clock stops when the
home screen's footer ("Checklist") reaches the terminal. Debrief draws its home screen
complete, with the journal loaded, in its first frame, so that moment is the home screen
ready for keys. A bare Textual app (a header and a footer) takes turns with it in the
same run, as the floor. Also reported: peak memory (VmHWM) of each, read just before the
process is stopped. Journals are synthetic (bench/synthetic.py). Prints medians.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import Figure, bench_parser, emit
from bench.synthetic import copy_of_synthetic_journal

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
MARKER = b"Checklist"
TARGET_RATIO = {1000: 1.3, 10_000: 1.6}  # from the issue: × the bare app


def start_once(command: list[str], timeout: float = 60.0) -> tuple[float, float]:
    """Milliseconds until MARKER is on the terminal, and the process's peak RSS in MB."""
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


def medians(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Median start-up time and peak RSS per command; the commands take turns, so that
    drift in the machine's speed hits all alike."""
    for command in commands.values():
        start_once(command)  # warm the file cache and write bytecode
    samples: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, command in commands.items():
            samples[label].append(start_once(command))
    return {
        label: (statistics.median(t for t, _ in runs_), max(m for _, m in runs_))
        for label, runs_ in samples.items()
    }


def main() -> int:
    parser = bench_parser(__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 10_000])
    args = parser.parse_args()
    bare = "bare Textual app (header + footer)"
    commands = {bare: [sys.executable, "-c", BARE_APP]}
    with tempfile.TemporaryDirectory() as scratch:
        for size in args.sizes:
            folder = Path(scratch) / str(size)
            folder.mkdir()
            path = copy_of_synthetic_journal(folder, size) if size else folder / "journal.json"
            commands[f"debrief, {size} reflections"] = [
                sys.executable, "-m", "debrief", "--db", str(path)
            ]  # fmt: skip
        results = medians(commands, args.runs)
    bare_ms, bare_rss = results[bare]
    figures = [Figure(f"start → home screen: {bare}", bare_ms)]
    for size in args.sizes:
        ms, _ = results[f"debrief, {size} reflections"]
        figures.append(Figure(f"start → home screen: debrief, {size} reflections", ms))
        figures.append(
            Figure(f"  × bare, {size} reflections", ms / bare_ms, "×", TARGET_RATIO.get(size))
        )
    figures.append(Figure(f"peak memory: {bare}", bare_rss, "MB"))
    for size in args.sizes:
        rss = results[f"debrief, {size} reflections"][1]
        figures.append(Figure(f"peak memory: debrief, {size} reflections", rss, "MB"))
    emit(f"start-up, medians of {args.runs} runs on a 120×36 pty", figures, as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
