"""How long F3, F4 and F5 take to show their screens, as a ratio to a bare Textual app.

    python bench/screens.py [--sizes 300 2000] [--rounds 5] [--json]

The real app, headless at 120×36, started as `debrief` starts it: from pressing the key
to the last frame it caused (threads included: the trends are worked out in one), the
first time (in a fresh app each round) and switching back from home (median of five).
The floor: a bare Textual app with two modes of four widgets, the same two ways. Each
round measures the bare app and then every key, so both sides see the same machine; a
ratio is the median of each round's own ratio (this machine's speed drifts by a third
from one minute to the next).
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
FIRST_OPEN_TARGET = {300: 1.5, 2000: 2.0}  # × the bare app's first new mode, from the issue
SWITCH_BACK_TARGET = 1.0


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


def per_round(mine: list[float], bare: list[float]) -> float:
    return statistics.median(m / b for m, b in zip(mine, bare, strict=True))


def measure(path: Path, size: int, rounds: int) -> list[Figure]:
    """Rounds of (the bare app, then each key in a fresh app): medians and ratios."""
    bare: list[tuple[float, float]] = []
    ours: dict[str, list[tuple[float, float]]] = {key: [] for key in KEYS}
    asyncio.run(painted(path, "f3"))  # (bytecode and files warm, as for every later round)
    for _ in range(rounds):
        bare.append(asyncio.run(bare_switch()))
        for key in KEYS:
            ours[key].append(asyncio.run(painted(path, key)))
    bare_first, bare_again = [b for b, _ in bare], [a for _, a in bare]
    figures = []
    for key, name in KEYS.items():
        first, again = [f for f, _ in ours[key]], [a for _, a in ours[key]]
        figures += [
            Figure(f"{key.upper()} → {name} painted, first open", statistics.median(first)),
            Figure(
                "  × bare first new mode",
                per_round(first, bare_first),
                "×",
                FIRST_OPEN_TARGET.get(size),
            ),
            Figure("  switching back", statistics.median(again)),
            Figure(
                "  × bare switching back", per_round(again, bare_again), "×", SWITCH_BACK_TARGET
            ),
        ]
    figures.append(
        Figure("bare Textual app: key → new mode painted, first", statistics.median(bare_first))
    )
    figures.append(Figure("  switching back", statistics.median(bare_again)))
    return figures


def main() -> int:
    parser = bench_parser(__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 2000])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as scratch:
            path = copy_of_synthetic_journal(Path(scratch), size)
            figures = measure(path, size, args.rounds)
        title = f"screens, {size} reflections, {args.rounds} rounds (headless 120×36)"
        emit(title, figures, as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
