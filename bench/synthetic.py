"""Synthetic journals for benchmarks: realistic text lengths, several rounds per opportunity.

    python bench/synthetic.py PATH [--reflections N]

Each reflection comes with its follow-up plan, most of the older items done or skipped.
Written straight to the journal file format (through the model's own `to_dict`), so a
2,000-reflection journal takes a second rather than 2,000 atomic saves.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import orjson
import pendulum

from debrief.followups import plan
from debrief.model import (
    Channel,
    FollowUp,
    Format,
    Interviewer,
    Money,
    Opportunity,
    Period,
    Rapport,
    Reflection,
    Stage,
    Status,
    to_dict,
)
from debrief.store.fileformat import FORMAT_NAME
from debrief.store.migrations import SCHEMA_VERSION

WORDS = [
    *"team pipeline sharding latency kafka python rust design interview manager question".split(),
    *"answer culture growth salary remote office commute on-call mentor roadmap product".split(),
    *"customer data platform migration testing review feedback nervous confident prepared".split(),
    *"whiteboard system scale budget equity bonus startup enterprise hiring panel onsite".split(),
]
COMPANIES = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Vandelay",
    "Stark",
    "Wayne",
    "Wonka",
    "Cyberdyne",
]
ROLES = [
    "Data Engineer",
    "Backend Developer",
    "SRE",
    "Platform Engineer",
    "Engineering Manager",
    "ML Engineer",
]
NAMES = [
    "Priya Raman",
    "Jonas Weber",
    "Zoë Park",
    "Amara Okafor",
    "Li Wei",
    "Sofia García",
    "Tomás Novák",
]


def prose(rng: random.Random, low: int = 50, high: int = 2000) -> str:
    target = rng.randint(low, high)
    words: list[str] = []
    length = 0
    while length < target:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    return " ".join(words).capitalize() + "."


def synthetic_tables(
    count: int, *, seed: int = 7, now: pendulum.DateTime | None = None
) -> dict[str, dict[str, dict[str, object]]]:
    rng = random.Random(seed)
    now = now or pendulum.now()
    opportunities: dict[str, dict[str, object]] = {}
    reflections: dict[str, dict[str, object]] = {}
    followups: dict[str, dict[str, object]] = {}
    made = 0
    while made < count:
        start = now.subtract(days=rng.randint(1, 1500))
        job = Opportunity(
            company=f"{rng.choice(COMPANIES)} {rng.randint(1, 999)}",
            role=rng.choice(ROLES),
            created_at=start,
            updated_at=start,
            status=rng.choice(list(Status)),
        )
        opportunities[str(len(opportunities) + 1)] = to_dict(job)
        rounds = []
        for round_number in range(min(rng.randint(1, 4), count - made)):
            when = start.add(days=round_number * rng.randint(3, 14), hours=rng.randint(9, 17))
            reflection = Reflection(
                opportunity_id=job.id,
                interview_at=when,
                created_at=when + timedelta(hours=2),
                updated_at=when + timedelta(hours=2),
                rating=rng.randint(1, 10),
                want_job=rng.randint(1, 10),
                stage=list(Stage)[min(round_number * 2, len(Stage) - 1)],
                format=rng.choice(list(Format)),
                interviewers=tuple(
                    Interviewer(
                        name=rng.choice(NAMES),
                        title="Engineer",
                        email="x@example.com",
                        preferred=Channel.EMAIL,
                    )
                    for _ in range(rng.randint(0, 3))
                ),
                went_well=prose(rng),
                went_badly=prose(rng),
                answer_differently=prose(rng, 0, 300),
                rapport=prose(rng, 0, 300),
                could_work_with=rng.choice(list(Rapport)),
                likes_role=prose(rng, 0, 500),
                likes_company=prose(rng, 0, 500),
                reservations=prose(rng, 0, 500),
                money=Money(Decimal(rng.randint(40, 200) * 1000), "EUR", Period.YEAR)
                if rng.random() < 0.5
                else None,
                next_steps=prose(rng, 0, 200),
                key_point=prose(rng, 0, 200),
                lessons=prose(rng),
            )
            reflections[str(made + 1)] = to_dict(reflection)
            rounds.append(reflection)
            made += 1
        for item in worked_through(plan(job, rounds, "Europe/Berlin", now=now), now, rng):
            followups[str(len(followups) + 1)] = to_dict(item)
    return {
        "meta": {"1": {"format": FORMAT_NAME, "schema": SCHEMA_VERSION}},
        "opportunities": opportunities,
        "reflections": reflections,
        "followups": followups,
    }


def worked_through(
    items: list[FollowUp], now: pendulum.DateTime, rng: random.Random
) -> list[FollowUp]:
    """A plan as a user leaves it: most things due over a week ago done, some skipped."""
    worked = []
    for item in items:
        if item.due < now.subtract(days=7):
            chance = rng.random()
            if chance < 0.8:
                item = dataclasses.replace(item, done_at=item.due + timedelta(hours=3))
            elif chance < 0.9:
                item = dataclasses.replace(item, dismissed_at=item.due)
        worked.append(item)
    return worked


def write_synthetic_journal(path: Path, count: int, *, seed: int = 7) -> Path:
    path.write_bytes(orjson.dumps(synthetic_tables(count, seed=seed), option=orjson.OPT_SORT_KEYS))
    path.chmod(0o600)
    return path


def copy_of_synthetic_journal(folder: Path, count: int, *, seed: int = 7) -> Path:
    """A fresh copy of a synthetic journal; each size is generated once a day, in a
    subprocess so that the benchmark's own memory stays small."""
    cache = Path(tempfile.gettempdir()) / "debrief-bench"
    cache.mkdir(exist_ok=True)
    day = pendulum.now().to_date_string()
    original = cache / f"synthetic-{count}-{seed}-schema{SCHEMA_VERSION}-{day}.json"
    if not original.exists():
        partial = original.with_suffix(".partial")
        script = Path(__file__).resolve()
        command = [sys.executable, str(script), str(partial), "--reflections", str(count)]
        subprocess.run([*command, "--seed", str(seed)], check=True, stdout=subprocess.DEVNULL)
        partial.replace(original)
    copy = folder / "journal.json"
    shutil.copyfile(original, copy)
    copy.chmod(0o600)
    return copy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--reflections", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_synthetic_journal(args.path, args.reflections, seed=args.seed)
    print(f"{args.path}: {args.reflections} reflections, {args.path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
