"""A small, realistic sample journal: for screenshots now, for `--demo` later.

Dates are computed back from a given `now`, so the sample always looks recent.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pendulum

from debrief.followups import dismiss, mark_done, plan, snooze
from debrief.model import (
    Ask,
    Channel,
    FollowUp,
    FollowUpKind,
    Format,
    Interviewer,
    Money,
    Opportunity,
    Period,
    Rapport,
    Reflection,
    Settings,
    Stage,
    Status,
)
from debrief.store.journal import Journal

# company, role, status, [(days ago, stage, format, rating, want), ...]
ROUNDS: list[tuple[str, str, Status, list[tuple[int, Stage, Format, int, int]]]] = [
    (
        "Acme Analytics",
        "Data Engineer",
        Status.INTERVIEWING,
        [
            (9, Stage.PHONE_SCREEN, Format.PHONE, 7, 7),
            (1, Stage.TECHNICAL, Format.VIDEO, 6, 8),
        ],
    ),
    (
        "Globex",
        "Platform Engineer",
        Status.OFFER,
        [
            (30, Stage.PHONE_SCREEN, Format.VIDEO, 8, 6),
            (21, Stage.ONSITE, Format.IN_PERSON, 8, 7),
        ],
    ),
    ("Initech", "Backend Developer", Status.REJECTED, [(40, Stage.TECHNICAL, Format.VIDEO, 4, 5)]),
    (
        "Umbrella Health",
        "Site Reliability Engineer",
        Status.GHOSTED,
        [(55, Stage.HIRING_MANAGER, Format.PHONE, 6, 6)],
    ),
]


def build_demo_journal(path: Path, now: pendulum.DateTime) -> Journal:
    """A journal whose follow-ups are in every state: done, skipped, snoozed, pending."""
    journal = Journal.open(path)
    profile = Settings(name="Alex Morgan", email="alex.morgan@example.com", default_currency="EUR")
    journal.save_settings(profile)
    zone = now.timezone_name or "UTC"
    for company, role, status, rounds in ROUNDS:
        first = now.subtract(days=rounds[0][0] + 3)
        job = Opportunity(
            company=company, role=role, status=status, created_at=first, updated_at=first
        )
        for days_ago, stage, form, rating, want in rounds:
            when = now.subtract(days=days_ago).set(hour=14, minute=0, second=0, microsecond=0)
            reflection = _reflection(job, when, stage, form, rating, want)
            history = _with_history(plan(reflection, job, zone), now)
            journal.save_reflection(reflection, job, history)
    return journal


def _with_history(items: list[FollowUp], now: pendulum.DateTime) -> list[FollowUp]:
    """What a diligent user would have done by `now`: past thank-yous sent, a call skipped."""
    done = []
    for item in items:
        long_ago = item.when < now.subtract(days=2)
        if long_ago and item.kind is FollowUpKind.THANK_YOU:
            item = mark_done(item, item.when - timedelta(hours=2), note="sent by email")
        elif long_ago and item.kind in (FollowUpKind.LINKEDIN, FollowUpKind.REFERENCES):
            item = mark_done(item, item.when)
        elif long_ago and item.kind is FollowUpKind.CALL:
            item = dismiss(item, item.when)
        elif item.kind is FollowUpKind.LINKEDIN and item.when < now:
            item = snooze(item, now.add(days=1).set(hour=9, minute=0))
        done.append(item)
    return done


def _reflection(
    job: Opportunity, when: pendulum.DateTime, stage: Stage, form: Format, rating: int, want: int
) -> Reflection:
    first_name = job.company.split()[0]
    return Reflection(
        opportunity_id=job.id,
        interview_at=when,
        created_at=when.add(hours=2),
        updated_at=when.add(hours=2),
        rating=rating,
        want_job=want,
        stage=stage,
        format=form,
        interviewers=(
            Interviewer(
                name="Priya Raman",
                title="Engineering Manager",
                email=f"priya@{first_name.lower()}.example",
                linkedin="https://www.linkedin.com/in/priya-raman",
                preferred=Channel.EMAIL,
            ),
        ),
        went_well="Walked through the pipeline I rebuilt; they asked good follow-ups.",
        went_badly="Rushed the system-design question on sharding; forgot to ask about scale.",
        answer_differently="Start from the read/write ratio, then talk about partitions.",
        rapport="Friendly and direct; she laughed at the on-call story.",
        could_work_with=Rapport.YES,
        likes_role="Ownership of the data platform, small team.",
        likes_company="Remote-first and a sane on-call rotation.",
        reservations="The salary range may be below my current pay.",
        resolve_reservations="Ask about the band and the review cycle next round.",
        money=Money(Decimal("92000"), "EUR", Period.YEAR),
        money_notes="Range 85–95k plus bonus.",
        asked=(Ask.NEXT_STEPS, Ask.CARDS),
        next_steps="Take-home task, then a panel.",
        reply_by=date(when.year, when.month, when.day) + timedelta(days=7),
        key_point="How the pipeline rebuild cut costs by a third",
        lessons="Ask about team size and scale before designing.",
    )
