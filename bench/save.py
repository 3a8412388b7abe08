"""How long saving one reflection takes in a big journal (the atomic write included).

    python bench/save.py [--sizes 1000 10000] [--runs 15]

Each save is what the questionnaire does: the reflection, its opportunity and its
follow-up plan, in one locked, fsynced, atomic file write.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pendulum

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import write_synthetic_journal
from debrief.followups import plan
from debrief.model import Opportunity, Reflection
from debrief.store.journal import Journal


def median_save_ms(path: Path, runs: int) -> float:
    journal = Journal.open(path)
    now = pendulum.now("Europe/Berlin")
    times = []
    for number in range(runs):
        job = Opportunity(
            company=f"Bench {number}", role="Engineer", created_at=now, updated_at=now
        )
        reflection = Reflection(
            opportunity_id=job.id, interview_at=now, rating=7, created_at=now, updated_at=now,
            went_well="Explained the migration clearly. " * 20,
        )  # fmt: skip
        items = plan(reflection, job, "Europe/Berlin")
        started = time.perf_counter()
        journal.save_reflection(reflection, job, items)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print("save one reflection (with its plan), median")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as scratch:
            path = write_synthetic_journal(Path(scratch) / "journal.json", size)
            megabytes = path.stat().st_size / 1e6
            median = median_save_ms(path, args.runs)
            print(f"  {size:>6} reflections ({megabytes:.0f} MB)  {median:>8.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
