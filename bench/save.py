"""How long saving one reflection takes (the atomic write included).

    python bench/save.py [--sizes 300 2000] [--runs 15] [--json]

Each save is what the questionnaire does: the reflection, its opportunity and its
follow-up plan, through TinyDB's tables, in one locked and fsynced write of the whole
file. Next to it, what rewriting the file alone costs (serialising and `atomic_write`).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import orjson
import pendulum

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import Figure, bench_parser, emit
from bench.synthetic import copy_of_synthetic_journal
from debrief.followups import plan
from debrief.model import Opportunity, Reflection
from debrief.store.files import atomic_write, read_document
from debrief.store.journal import Journal

TARGET_MS = {300: 20.0, 2000: 60.0}


def median_ms(action: Callable[[int], None], runs: int) -> float:
    times = []
    for number in range(runs):
        started = time.perf_counter()
        action(number)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def save_reflection(journal: Journal) -> Callable[[int], None]:
    now = pendulum.now("Europe/Berlin")

    def save(number: int) -> None:
        job = Opportunity(
            company=f"Bench {number}", role="Engineer", created_at=now, updated_at=now
        )
        reflection = Reflection(
            opportunity_id=job.id, interview_at=now, rating=7, created_at=now, updated_at=now,
            went_well="Explained the migration clearly. " * 20,
        )  # fmt: skip
        journal.save_reflection(reflection, job, plan(job, [reflection], "Europe/Berlin"))

    return save


def rewrite_file(path: Path) -> Callable[[int], None]:
    loaded = read_document(path)
    assert loaded is not None
    tables = loaded[0]

    def rewrite(_: int) -> None:
        atomic_write(path, orjson.dumps(tables, option=orjson.OPT_SORT_KEYS))

    return rewrite


def main() -> int:
    parser = bench_parser(__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 2000])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    figures = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as scratch:
            path = copy_of_synthetic_journal(Path(scratch), size)
            megabytes = path.stat().st_size / 1e6
            saving = median_ms(save_reflection(Journal.open(path)), args.runs)
            floor = median_ms(rewrite_file(path), args.runs)
        figures.append(
            Figure(f"save one reflection, {size} reflections ({megabytes:.1f} MB)", saving,
                   target=TARGET_MS.get(size))
        )  # fmt: skip
        figures.append(Figure(f"  of which the whole-file write of {megabytes:.1f} MB", floor))
    emit(f"saving, medians of {args.runs}", figures, as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
