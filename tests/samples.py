"""Hand-made records for tests: every field set, with text that tempts the markup parser."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pendulum

from debrief.model import (
    AskedQuestion,
    Channel,
    Format,
    Interview,
    Interviewer,
    Money,
    Opportunity,
    Period,
    Rapport,
    Reflection,
    Stage,
    Status,
)

BERLIN = "Europe/Berlin"
NOW = pendulum.datetime(2026, 11, 22, 14, 5, tz=BERLIN)
MARKUP = "[bold]x[/] [/] [@click=app.quit]quit[/] :smile: [$var]"


def fixed_clock() -> pendulum.DateTime:
    return NOW


def opportunity(
    company: str = "Acme", role: str = "Data Engineer", **changes: object
) -> Opportunity:
    fields: dict[str, object] = {
        "company": company,
        "role": role,
        "created_at": NOW.subtract(days=3),
        "updated_at": NOW.subtract(days=3),
        "status": Status.INTERVIEWING,
        "location": "Berlin",
        "link": "https://acme.example/jobs/42",
        "recruiter_name": "Mo Salah",
        "recruiter_email": "mo@acme.example",
    }
    fields.update(changes)
    return Opportunity(**fields)  # type: ignore[arg-type]


def full_reflection(opportunity_id: str, **changes: object) -> Reflection:
    """A reflection with every field filled, so a round trip checks them all."""
    fields: dict[str, object] = {
        "opportunity_id": opportunity_id,
        "interview_at": NOW.subtract(days=1).set(hour=15, minute=0),
        "rating": 7,
        "created_at": NOW,
        "updated_at": NOW,
        "stage": Stage.TECHNICAL,
        "format": Format.VIDEO,
        "interviewers": (
            Interviewer(
                name="Jane Dœ",
                title="CTO",
                email="jane@acme.example",
                phone="+49 30 1234567",
                linkedin="https://linkedin.com/in/janedoe",
                preferred=Channel.LINKEDIN,
                notes="Ex-Google",
            ),
            Interviewer(name="Ravi 🚀 Kumar", preferred=Channel.POST),
        ),
        "went_well": "Explained the Kafka migration.\nSecond line.",
        "went_badly": "Fumbled the system-design question about sharding.",
        "answer_differently": "Start from the read/write ratio.",
        "rapport": MARKUP,
        "could_work_with": Rapport.UNSURE,
        "likes_role": "Greenfield platform work",
        "likes_company": "Remote-first, مرحبا",
        "reservations": "On-call load",
        "resolve_reservations": "Ask the team lead about rotations",
        "money": Money(Decimal("95000.50"), "EUR", Period.YEAR),
        "money_notes": "plus 10% bonus",
        "vs_current_job": "Better growth",
        "vs_other_opportunities": "Ahead of Globex",
        "want_job": 8,
        "next_steps": "Take-home task; then onsite.",
        "reply_by": date(2026, 11, 27),
        "feedback": "Asked; they liked the clarity.",
        "key_point": "Migrating the ingestion pipeline to Kafka",
        "lessons": "Practise sharding answers.",
        "questions": (
            AskedQuestion("How would you shard a 2 TB table?", 2, "Start from the access pattern."),
            AskedQuestion("Tell me about a conflict in your team.", 4),
        ),
    }
    fields.update(changes)
    return Reflection(**fields)  # type: ignore[arg-type]


def bare_reflection(opportunity_id: str, **changes: object) -> Reflection:
    """Only what is required: for tests where stray sample text would get in the way."""
    fields: dict[str, object] = {
        "opportunity_id": opportunity_id,
        "interview_at": NOW,
        "rating": 6,
        "created_at": NOW,
        "updated_at": NOW,
    }
    fields.update(changes)
    return Reflection(**fields)  # type: ignore[arg-type]


def scheduled(opportunity_id: str, **changes: object) -> Interview:
    """An interview still to come: the day after tomorrow, 10:00, an onsite with one
    interviewer."""
    fields: dict[str, object] = {
        "opportunity_id": opportunity_id,
        "start": NOW.add(days=2).set(hour=10, minute=0),
        "created_at": NOW,
        "updated_at": NOW,
        "duration_minutes": 90,
        "stage": Stage.ONSITE,
        "format": Format.IN_PERSON,
        "where": "Acme HQ, Room 4",
        "interviewers": (Interviewer(name="Jane Dœ", title="CTO", email="jane@acme.example"),),
    }
    fields.update(changes)
    return Interview(**fields)  # type: ignore[arg-type]
