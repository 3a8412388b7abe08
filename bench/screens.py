"""How long F3, F4 and F5 take to show their screens, against a bare Textual app.

    python bench/screens.py [--reflections 2000] [--json]

The real app, headless at 120×36, started as `debrief` starts it: from pressing the key
to the last frame it caused (threads included: the trends are worked out in one), the
first time (in a fresh app each, median of three) and switching back from home (median).
The floor: a bare Textual app with two modes of four widgets, the same two ways.
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
from bench.timing import PaintClock, app_as_debrief_starts_it, bare_switch

KEYS = {"f3": "journal", "f4": "trends", "f5": "compare"}
TARGET_MS = 150.0  # every first open at 2,000 reflections, from the issue


async def painted(path: Path, key: str) -> tuple[float, float]:
    """`key` → last frame: the first open, then switching back from home (median)."""
    app = app_as_debrief_starts_it(path)
    clock = PaintClock(app)

    async def press(name: str) -> float:
        started = clock.last = time.perf_counter()
        await pilot.press(name)
        await app.workers.wait_for_complete()
        await pilot.pause()
        return (clock.last - started) * 1000

    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        first = await press(key)
        again = []
        for _ in range(5):
            await pilot.press("f2")
            await pilot.pause()
            again.append(await press(key))
        return first, statistics.median(again)


def main() -> int:
    parser = bench_parser(__doc__)
    parser.add_argument("--reflections", type=int, default=2000)
    args = parser.parse_args()
    figures = []
    with tempfile.TemporaryDirectory() as scratch:
        path = copy_of_synthetic_journal(Path(scratch), args.reflections)
        bare_first, bare_again = asyncio.run(bare_switch())
        for key, name in KEYS.items():
            opens = [asyncio.run(painted(path, key)) for _ in range(3)]
            first = statistics.median(first for first, _ in opens)
            again = statistics.median(again for _, again in opens)
            label = f"{key.upper()} → {name} painted, first open"
            note = f"{first / bare_first:.2f} × bare"
            figures.append(Figure(label, first, target=TARGET_MS, note=note))
            note = f"{again / bare_again:.2f} × bare"
            figures.append(Figure("  switching back", again, note=note))
    figures.append(Figure("bare Textual app: key → new mode painted, first", bare_first))
    figures.append(Figure("  switching back", bare_again))
    emit(f"screens, {args.reflections} reflections", figures, as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
