"""How long the trends figures take to work out (F4's screen: bench/screens.py).

    python bench/trends.py [--reflections 2000] [--json]

The figures alone: the first time, when every reflection's words are read, and again,
when they are remembered (a change of period or company).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import pendulum

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import Figure, bench_parser, emit
from bench.synthetic import copy_of_synthetic_journal
from debrief.store.journal import Journal
from debrief.trends import compute


def figures(journal: Journal) -> tuple[float, float]:
    reflections = journal.reflections()
    opportunities = {o.id: o for o in journal.opportunities()}
    followups = journal.followups()
    words: dict = {}  # type: ignore[type-arg]
    now = pendulum.now()
    started = time.perf_counter()
    compute(reflections, reflections, opportunities, followups, now, words)
    cold = time.perf_counter() - started
    again = []
    for _ in range(3):
        started = time.perf_counter()
        compute(reflections, reflections, opportunities, followups, now, words)
        again.append(time.perf_counter() - started)
    return cold * 1000, statistics.median(again) * 1000


def main() -> int:
    parser = bench_parser(__doc__)
    parser.add_argument("--reflections", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = copy_of_synthetic_journal(Path(scratch), args.reflections)
        cold, warm = figures(Journal.open(path))
    emit(
        f"trends, {args.reflections} reflections",
        [
            Figure("figures, first time (reading every answer)", cold),
            Figure("figures, again (words remembered)", warm),
        ],
        as_json=args.json,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
