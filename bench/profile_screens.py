"""Where the first open of F3, F4 and F5 spends its time (the breakdown in the README).

    python bench/profile_screens.py [--reflections 300]

Each key's first open in a fresh app, headless at 120×36, under cProfile (which slows
Python code about twofold: read the shares, not the milliseconds). The parts: Textual
starting the mode (its stylesheet parsed again), the screen's module loaded, its widgets
composed and mounted, styles applied, the screen's own work, and the frames painted.
Work in a thread (the trends' figures) is timed on its own.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import copy_of_synthetic_journal
from bench.timing import app_as_debrief_starts_it

# (label, file ending, function): cumulative time of each, as cProfile reports it
PARTS = [
    ("Textual starts the mode (switch_mode)", "textual/app.py", "switch_mode"),
    ("  its stylesheet parsed again (refresh_css)", "textual/app.py", "refresh_css"),
    ("stylesheets parsed (all, new widgets' included)", "css/stylesheet.py", "parse"),
    ("styles applied to widgets", "css/stylesheet.py", "update_nodes"),
    ("widgets composed and mounted", "textual/widget.py", "mount_all"),
    ("frames painted (compositor)", "textual/_compositor.py", "render_update"),
    ("journal: the screen's module loaded", "ui/app.py", "_journal_screen"),
    ("journal: the screen's own work (reload)", "screens/journal.py", "reload"),
    ("trends: the screen's module loaded", "ui/app.py", "_trends_screen"),
    ("trends: drawing the figures", "screens/trends.py", "_draw"),
    ("compare: the screen's module loaded", "ui/app.py", "_compare_screen"),
    ("compare: the screen's own work (redraw)", "screens/compare.py", "redraw"),
]
KEYS = {"f3": "journal", "f4": "trends", "f5": "compare"}


def cumulative(stats: pstats.Stats, ending: str, name: str) -> float:
    """Milliseconds spent in (and under) `name` of a file ending in `ending`."""
    total = 0.0
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    for (path, _line, function), (_cc, _nc, _tt, ct, _callers) in table.items():
        if function == name and path.endswith(ending):
            total = max(total, ct * 1000)  # (a coroutine is counted once per resumption)
    return total


async def first_open(path: Path, key: str) -> tuple[float, pstats.Stats, float]:
    """Wall milliseconds of the first open, its profile, and the thread's figures."""
    import debrief.ui.screens.trends as trends

    threaded = [0.0]
    real = trends.figures_of

    def timed(*args: Any) -> Any:
        started = time.perf_counter()
        try:
            return real(*args)
        finally:
            threaded[0] += (time.perf_counter() - started) * 1000

    trends.figures_of = timed  # type: ignore[assignment]
    app = app_as_debrief_starts_it(path)
    profile = cProfile.Profile()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        profile.enable()
        await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        profile.disable()
        wall = (time.perf_counter() - started) * 1000
    trends.figures_of = real
    return wall, pstats.Stats(profile), threaded[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reflections", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = copy_of_synthetic_journal(Path(scratch), args.reflections)
        asyncio.run(first_open(path, "f3"))  # (bytecode and files warm)
        print(f"first opens, {args.reflections} reflections, under cProfile (ms)")
        for key, name in KEYS.items():
            wall, stats, threaded = asyncio.run(first_open(path, key))
            print(f"{key.upper()} → {name}: {wall:.0f} ms in all")
            for label, ending, function in PARTS:
                if ":" in label and not label.startswith(name):
                    continue
                print(f"  {label:<52}{cumulative(stats, ending, function):>7.0f}")
            if threaded:
                print(f"  {'trends: the figures, in a thread (wall)':<52}{threaded:>7.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
