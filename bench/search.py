"""How fast the journal browser searches.

    python bench/search.py [--reflections 2000] [--json]

Builds a synthetic journal, runs the real app headless at 120×36 (started as `debrief`
starts it) and times each keystroke of a search, from the moment the key is sent to the
last screen update it caused (Textual's `post_display_hook`, so the test harness's
idle-waiting is not counted), and the screen's own work per keystroke.
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
from bench.timing import PaintClock, app_as_debrief_starts_it, bare_keystrokes, timed_press
from debrief.store.journal import Journal
from debrief.ui.screens.journal import JournalScreen

QUERIES = ["sharding", "nervous", "kafka migration", "zzz-nothing"]


async def measure(path: Path) -> dict[str, float]:
    started = time.perf_counter()
    Journal.open(path)  # (reading and checking every record, as every start does)
    opened = (time.perf_counter() - started) * 1000
    floor_before = await bare_keystrokes("".join(QUERIES))  # (the floor before and after)
    app = app_as_debrief_starts_it(path)
    clock = PaintClock(app)
    results: dict[str, float] = {"open journal file": opened}
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        await pilot.press("slash")
        strokes: list[float] = []
        for query in QUERIES:
            for char in query:
                strokes.append(await timed_press(pilot, "space" if char == " " else char, clock))
            await pilot.press("ctrl+u")
        results["keystroke → results repainted"] = statistics.median(strokes)
        floor = (floor_before + await bare_keystrokes("".join(QUERIES))) / 2
        results["  × bare keystroke"] = results["keystroke → results repainted"] / floor
        results["  bare Textual app: keystroke → count repainted"] = floor
        results["keystroke → results repainted (slowest)"] = max(strokes)
        work = []
        search = screen.query_one("#search")
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                search.value = query[:end]  # type: ignore[attr-defined]
                started = time.perf_counter()
                screen.apply()
                work.append((time.perf_counter() - started) * 1000)
        results["screen work per keystroke (no waiting)"] = statistics.median(work)
    return results


TARGET = {"  × bare keystroke": 1.2}  # from the issue


def main() -> int:
    parser = bench_parser(__doc__)
    parser.add_argument("--reflections", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = copy_of_synthetic_journal(Path(scratch), args.reflections)
        size = path.stat().st_size / 1e6
        results = asyncio.run(measure(path))
    figures = [
        Figure(label, value, "×" if label in TARGET else "ms", TARGET.get(label))
        for label, value in results.items()
    ]
    title = f"journal browser, {args.reflections} reflections ({size:.1f} MB)"
    emit(title, figures, as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
