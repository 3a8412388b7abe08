"""Time from starting `debrief` to its home screen, against a bare Textual app.

    python bench/startup.py [--runs N] [--sizes 0 1000 10000] [--json]

Each run is a fresh process on a real 120×36 pseudo-terminal (what a user sees: the
terminal driver included, unlike a headless `run_test`), and the clock stops when the
home screen's footer ("Checklist") reaches the terminal. Debrief draws its home screen
complete in its first frame, so that moment is the home screen ready for keys. A bare
Textual app (a header and a footer) takes turns with it in the same run, as the floor.

Two starts per journal: as every start after the first (the app opens on the home
figures it kept beside the journal, and reads the journal in a thread after the first
frame; its CSS comes parsed from the user's cache folder, here a scratch one), and
"cold", with those figures removed, as the first start after another program changed
the journal (it reads the whole journal before the first frame).
Since the journal is read after the first frame, the keys pressed then are timed too:
arrow keys every 0.1 s for 3 s from the first frame, the slowest one to change the
screen (the worst of 3 runs). Also reported: peak memory (VmHWM), read just before the
process is stopped. Journals are synthetic (bench/synthetic.py). Prints medians; the ratios
to the bare app are the medians of each round's ratio (see `take_turns`).
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
from debrief.store.summary import summary_path_of

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
# The same start headless, as the issue first asked: `run_test` in a fresh process, the
# clock stopped when the home screen is idle (the child prints IDLE_MARKER then).
IDLE_MARKER = b"HOME-SCREEN-IDLE"
HEADLESS = """
import asyncio, sys
async def idle(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        print("HOME-SCREEN-" + "IDLE", flush=True)
        await asyncio.sleep(3600)  # (stopped by the benchmark)
"""
HEADLESS_BARE = BARE_APP.replace("Bare().run()", HEADLESS + "asyncio.run(idle(Bare()))")
HEADLESS_DEBRIEF = HEADLESS + (
    "import gc; gc.disable()\n"  # (as debrief.cli.main does)
    "from pathlib import Path\n"
    "from debrief.cli import build_app\n"
    "asyncio.run(idle(build_app(Path(sys.argv[1]))))\n"
)
TARGET_RATIO = {1000: 1.3, 10_000: 1.6}  # from the issue: × the bare app


KEYS_FOR = 3.0  # seconds of arrow keys after the first frame
# Seconds each command runs once before it is timed: the file cache is warm, Python's
# bytecode written, and Debrief has kept the CSS it parsed (after its start-up work).
WARM_UP_FOR = 1.5
KEY_EVERY = 0.1
ARROWS = (b"\x1b[B", b"\x1b[A")  # down, up: the agenda's highlight moves each time


@dataclass(frozen=True)
class Launch:
    """A command to time, what it writes once ready, and a file to remove before each run
    (the kept figures)."""

    command: list[str]
    forget: Path | None = None
    marker: bytes = MARKER


def start_once(
    launch: Launch, timeout: float = 60.0, *, keys: bool = False, linger: float = 0.0
) -> tuple[float, float, float]:
    """Milliseconds until its marker is on the terminal, the process's peak RSS in MB when it
    is stopped, and with `keys` the longest wait for an arrow key to change the screen
    (the process is then stopped after KEYS_FOR seconds of keys, its journal read). With
    `linger`, the process runs that many seconds more before it is stopped."""
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached
    if launch.forget is not None:
        launch.forget.unlink(missing_ok=True)
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(launch.command[0], launch.command, env)
    seen = b""
    try:
        while launch.marker not in seen:
            if time.perf_counter() - started > timeout:
                raise TimeoutError(" ".join(launch.command))
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                seen += os.read(fd, 65536)
        elapsed = (time.perf_counter() - started) * 1000
        slowest = slowest_key_ms(fd) if keys else 0.0
        until = time.perf_counter() + linger
        while time.perf_counter() < until:  # (reading: a full terminal would block it)
            if select.select([fd], [], [], 0.1)[0]:
                os.read(fd, 65536)
        return elapsed, peak_rss_mb(pid), slowest
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def slowest_key_ms(fd: int) -> float:
    """Press arrow keys for KEYS_FOR seconds; the longest one took to change the screen."""
    slowest = 0.0
    until = time.perf_counter() + KEYS_FOR
    presses = 0
    while time.perf_counter() < until:
        while select.select([fd], [], [], 0.05)[0]:  # what was still on its way
            os.read(fd, 65536)
        pressed = time.perf_counter()
        os.write(fd, ARROWS[presses % 2])
        presses += 1
        if not select.select([fd], [], [], 10.0)[0]:
            raise TimeoutError("a key changed nothing on the screen")
        slowest = max(slowest, (time.perf_counter() - pressed) * 1000)
        os.read(fd, 65536)
        time.sleep(KEY_EVERY)
    return slowest


def peak_rss_mb(pid: int) -> float:
    """The process's own high-water mark (not inherited across exec, unlike ru_maxrss)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass(frozen=True)
class Timed:
    """A command's median start-up, its peak RSS, and its median ratio to the floor."""

    ms: float
    rss_mb: float
    ratio: float


def take_turns(commands: dict[str, Launch], runs: int, floor: str) -> dict[str, Timed]:
    """Time each command `runs` times; the commands take turns, in a new order each round.

    The ratio to the `floor` command is the median of each round's own ratio: the runs
    of a round are a few seconds apart, and this machine's speed shifts by a third from
    one minute to the next (a ratio of medians moved by 10% between identical runs).
    """
    for command in commands.values():
        start_once(command, linger=WARM_UP_FOR)  # as after a first session: see WARM_UP_FOR
    samples: dict[str, list[tuple[float, float, float]]] = {label: [] for label in commands}
    turns = random.Random(len(commands))  # (seeded: the same orders on every run)
    for _ in range(runs):
        for label in turns.sample(list(commands), len(commands)):
            samples[label].append(start_once(commands[label]))
    floors = [ms for ms, _, _ in samples[floor]]
    return {
        label: Timed(
            ms=statistics.median(ms for ms, _, _ in taken),
            rss_mb=max(rss for _, rss, _ in taken),
            ratio=statistics.median(
                ms / low for (ms, _, _), low in zip(taken, floors, strict=True)
            ),
        )
        for label, taken in samples.items()
    }


def main() -> int:
    parser = bench_parser(__doc__)
    parser.add_argument("--runs", type=int, default=15)  # (9 left medians 10% apart)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 10_000])
    args = parser.parse_args()
    bare = "bare Textual app (header + footer)"
    commands = {bare: Launch([sys.executable, "-c", BARE_APP])}
    headless = {bare: Launch([sys.executable, "-c", HEADLESS_BARE], marker=IDLE_MARKER)}
    after_keys: dict[int, tuple[float, float]] = {}  # size -> (peak RSS, slowest key)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["XDG_CACHE_HOME"] = str(Path(scratch) / "cache")  # not the user's own
        for size in args.sizes:
            folder = Path(scratch) / str(size)
            folder.mkdir()
            path = copy_of_synthetic_journal(folder, size) if size else folder / "journal.json"
            command = [sys.executable, "-m", "debrief", "--db", str(path)]
            commands[f"debrief, {size} reflections"] = Launch(command)
            headless[f"debrief, {size} reflections"] = Launch(
                [sys.executable, "-c", HEADLESS_DEBRIEF, str(path)], marker=IDLE_MARKER
            )
            if size:
                cold = Launch(command, forget=summary_path_of(path))
                commands[f"debrief, {size} reflections, cold"] = cold
        results = take_turns(commands, args.runs, floor=bare)
        results_headless = take_turns(headless, args.runs, floor=bare)
        for size in args.sizes:
            if size:  # (the empty journal's home screen has nothing for arrows to move)
                launch = commands[f"debrief, {size} reflections"]
                runs = [start_once(launch, keys=True)[1:] for _ in range(3)]
                after_keys[size] = max(r for r, _ in runs), max(k for _, k in runs)
    figures = [Figure(f"start → home screen: {bare}", results[bare].ms)]
    for size in args.sizes:
        timed = results[f"debrief, {size} reflections"]
        figures.append(Figure(f"start → home screen: debrief, {size} reflections", timed.ms))
        figures.append(
            Figure(f"  × bare, {size} reflections", timed.ratio, "×", TARGET_RATIO.get(size))
        )
        if size:
            first = results[f"debrief, {size} reflections, cold"]
            note = f"{first.ratio:.2f} × bare"
            figures.append(Figure("  cold (figures not kept)", first.ms, note=note))
            figures.append(Figure("  slowest key in the first 3 s", after_keys[size][1]))
    figures.append(Figure(f"headless (run_test) → idle: {bare}", results_headless[bare].ms))
    for size in args.sizes:
        timed = results_headless[f"debrief, {size} reflections"]
        label = f"headless (run_test) → idle: debrief, {size} reflections"
        figures.append(Figure(label, timed.ms))
        target = TARGET_RATIO.get(size)
        figures.append(Figure(f"  × bare, {size} reflections", timed.ratio, "×", target))
    figures.append(Figure(f"peak memory: {bare}", results[bare].rss_mb, "MB"))
    for size in args.sizes:  # once the journal is read (after the keys), where there is one
        rss = after_keys[size][0] if size else results[f"debrief, {size} reflections"].rss_mb
        figures.append(Figure(f"peak memory: debrief, {size} reflections", rss, "MB"))
    title = f"start-up, medians of {args.runs} runs (a 120×36 pty; headless); × bare: per round"
    emit(title, figures, as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
