"""How long saving one reflection takes in a big journal (the atomic write included).

    python bench/save.py [--sizes 1000 10000] [--runs 15] [--json]

Each save is what the questionnaire does: the reflection, its opportunity and its
follow-up plan, in one locked and fsynced write (in journals over 4 MB, a line appended to
the change log). Next to it, what rewriting the whole file costs (serialising and
`atomic_write`): every save of a small journal, and folding the log on quit and open.
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

TARGET_MS = {10_000: 50.0}


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
        journal.save_reflection(reflection, job, plan(reflection, job, "Europe/Berlin"))

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
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
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
            Figure(f"save one reflection, {size} reflections ({megabytes:.0f} MB)", saving,
                   target=TARGET_MS.get(size))
        )  # fmt: skip
        figures.append(Figure(f"  whole-file write of {megabytes:.0f} MB (a fold)", floor))
    emit(f"saving, medians of {args.runs}", figures, as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
