"""A process that saves reflections in a loop and says which saves returned (for crash tests).

    python tests/crash_writer.py JOURNAL FIRST_NUMBER

Each line on stdout is the id of a reflection whose save has returned: acknowledged.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pendulum

from debrief.actions.unlock import sealer_for
from debrief.model import Opportunity, Reflection
from debrief.store.journal import Journal


def main() -> None:
    path = Path(sys.argv[1])
    journal = Journal.open(path, sealer=sealer_for(path))  # (encrypted: the command's)
    number = int(sys.argv[2])
    now = pendulum.datetime(2026, 11, 22, 14, tz="Europe/Berlin")
    job = Opportunity(
        company="Acme", role="Data Engineer", created_at=now, updated_at=now, id="crash-test"
    )
    text = "Long answer. " * 200
    while True:
        reflection = Reflection(
            opportunity_id=job.id, interview_at=now, rating=5, created_at=now, updated_at=now,
            id=f"r{number:06d}", went_well=text,
        )  # fmt: skip
        journal.save_reflection(reflection, job)
        sys.stdout.write(reflection.id + "\n")
        sys.stdout.flush()
        number += 1


if __name__ == "__main__":
    main()
