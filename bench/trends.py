"""How long the trends screen takes.

    python bench/trends.py [--reflections 2000] [--json]

Times the figures alone (first time, when every reflection's words are read, and again,
when they are remembered), then the real app headless at 120×36 from pressing F4 to the
screen painted with every figure. The first open is timed in three fresh apps (the
median is reported).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import Figure, bench_parser, emit
from bench.synthetic import copy_of_synthetic_journal
from bench.timing import PaintClock, app_as_debrief_starts_it, bare_switch, timed_press
from debrief.store.journal import Journal
from debrief.trends import compute


def figures(journal: Journal) -> tuple[float, float]:
    reflections = journal.reflections()
    opportunities = {o.id: o for o in journal.opportunities()}
    followups = journal.followups()
    words: dict = {}  # type: ignore[type-arg]
    started = time.perf_counter()
    compute(reflections, reflections, opportunities, followups, words)
    cold = time.perf_counter() - started
    again = []
    for _ in range(3):
        started = time.perf_counter()
        compute(reflections, reflections, opportunities, followups, words)
        again.append(time.perf_counter() - started)
    return cold * 1000, statistics.median(again) * 1000


async def painted(path: Path) -> tuple[float, float]:
    """F4 → last frame: the first open, then switching back from home (median)."""
    app = app_as_debrief_starts_it(path)
    clock = PaintClock(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        clock.last = started = time.perf_counter()
        await pilot.press("f4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        first = (clock.last - started) * 1000
        again = []
        for _ in range(5):
            await pilot.press("f2")
            again.append(await timed_press(pilot, "f4", clock))
        return first, statistics.median(again)


TARGET_MS = 150.0  # the trends screen's first open at 2,000 reflections, from the issue


def main() -> int:
    parser = bench_parser(__doc__)
    parser.add_argument("--reflections", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = copy_of_synthetic_journal(Path(scratch), args.reflections)
        cold, warm = figures(Journal.open(path))
        opens = [asyncio.run(painted(path)) for _ in range(3)]
        first = statistics.median(first for first, _ in opens)
        again = statistics.median(again for _, again in opens)
        floor = asyncio.run(bare_switch())
    emit(
        f"trends, {args.reflections} reflections",
        [
            Figure("figures, first time (reading every answer)", cold),
            Figure("figures, again (words remembered)", warm),
            Figure("F4 → trends painted, first open", first, target=TARGET_MS),
            Figure("F4 → trends painted, switching back", again),
            Figure("bare Textual app: key → other screen", floor),
        ],
        as_json=args.json,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
