"""A realistic sample journal: `debrief --demo`, the screenshots, and the tests that every
screen renders with real content.

A dozen opportunities over three months, every stage, ratings that dip and recover, money
per year, month, day and hour in two currencies, and follow-ups in every state (sent on
time, late, skipped, snoozed, noted, overdue, upcoming). Dates count back from `now`, so
the sample always looks current.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

import pendulum

from debrief.followups import dismiss, mark_done, plan, snooze
from debrief.model import (
    Ask,
    AskedQuestion,
    Bundle,
    Channel,
    Criterion,
    Decision,
    FollowUp,
    FollowUpKind,
    Format,
    Interview,
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

P, T, H = Stage.PHONE_SCREEN, Stage.TECHNICAL, Stage.HIRING_MANAGER
PA, ON, F = Stage.PANEL, Stage.ONSITE, Stage.FINAL
PHONE, VIDEO, IN_PERSON = Format.PHONE, Format.VIDEO, Format.IN_PERSON

# company, role, status, pay (amount, currency, period) or None,
# rounds: (days ago, stage, format, rating, want)
Pay = tuple[int, str, Period]
Round = tuple[int, Stage, Format, int, int]
OPPORTUNITIES: list[tuple[str, str, Status, Pay | None, list[Round]]] = [
    ("Acme Analytics", "Data Engineer", Status.INTERVIEWING, (92000, "EUR", Period.YEAR),
     [(9, P, PHONE, 7, 7), (1, T, VIDEO, 6, 8)]),
    ("Globex", "Platform Engineer", Status.OFFER, (7600, "EUR", Period.MONTH),
     [(30, P, VIDEO, 8, 6), (21, ON, IN_PERSON, 8, 7), (14, F, IN_PERSON, 9, 8)]),
    ("Initech", "Backend Developer", Status.REJECTED, None, [(40, T, VIDEO, 4, 5)]),
    ("Umbrella Health", "Site Reliability Engineer", Status.GHOSTED, (95000, "EUR", Period.YEAR),
     [(55, H, PHONE, 6, 6)]),
    ("Hooli", "Senior Python Engineer", Status.INTERVIEWING, (68, "EUR", Period.HOUR),
     [(12, P, PHONE, 5, 6), (5, T, VIDEO, 3, 7)]),
    ("Vandelay Industries", "Data Platform Lead", Status.WITHDRAWN, None, [(75, P, PHONE, 6, 3)]),
    ("Stark Logistics", "ML Engineer", Status.INTERVIEWING, (450, "EUR", Period.DAY),
     [(3, H, VIDEO, 4, 6)]),
    ("Wayne Foundation", "Analytics Engineer", Status.REJECTED, None,
     [(60, P, VIDEO, 7, 6), (50, PA, IN_PERSON, 4, 6)]),
    ("Wonka Labs", "Backend Developer", Status.INTERVIEWING, (78000, "GBP", Period.YEAR),
     [(18, P, PHONE, 6, 7), (6, PA, VIDEO, 7, 8)]),
    ("Cyberdyne", "Platform Engineer", Status.GHOSTED, None, [(85, T, VIDEO, 3, 4)]),
    ("Soylent Systems", "Data Engineer", Status.REJECTED, (70000, "EUR", Period.YEAR),
     [(35, H, IN_PERSON, 5, 5)]),
    ("Tyrell Tech", "Staff Engineer", Status.INTERVIEWING, None, [(0, P, VIDEO, 8, 9)]),
]  # fmt: skip

INTERVIEWERS = [
    ("Priya Raman", "Engineering Manager", Channel.EMAIL),
    ("Jonas Weber", "Dr.", Channel.EMAIL),
    ("Zoë Park", "Head of Data", Channel.LINKEDIN),
    ("Amara Okafor", "CTO", Channel.EMAIL),
    ("Li Wei", "Staff Engineer", Channel.PHONE),
    ("Sofia García", "Recruiter", Channel.EMAIL),
]
WENT_WELL = [
    "Walked through the pipeline I rebuilt; they asked good follow-ups.",
    "Clear story about the on-call incident I led, with numbers.",
    "Pair-programming felt natural; I talked through my trade-offs.",
    "Good questions about their roadmap; they noticed my preparation.",
]
WENT_BADLY = [
    "Rushed the system-design question on sharding; forgot to ask about scale.",
    "Nervous at the start and rambled on the first answer.",
    "Blanked on a SQL window function I use every week.",
    "Nerves again in the first ten minutes; the live coding felt slow.",
    "Didn't ask about team size before designing the solution.",
]
LESSONS = [
    "Ask about scale and team size before designing anything.",
    "Practise a two-minute version of my career story to calm the nerves.",
    "Review window functions and indexing before technical rounds.",
    "Slow down: restate the question before answering.",
]
MENTIONED = [  # what each interviewer brought up: their own thank-you draws on it
    "the team's move from cron jobs to an orchestrator",
    "your talk on data contracts",
    "their quarterly hack week",
    "the new office in Leipzig",
    "how on-call is shared across three time zones",
]
# Questions asked, and how well (1–5): some come back, answered better each time.
QUESTIONS = [
    ("Tell me about yourself.", [2, 3, 4, 4, 5]),
    ("Design a rate limiter for our public API.", [2, 2, 3, 4]),
    ("Why do you want to leave your current job?", [3, 4, 4]),
    ("Tell me about a time you disagreed with your manager.", [2, 3]),
    ("How would you shard a 2 TB table?", [1, 2]),
    ("What does good on-call look like to you?", [4]),
    ("Walk me through a pipeline you rebuilt.", [5, 5]),
]
BETTER = {
    "Tell me about yourself.": "Two minutes: data platform, the on-call incident, why this team.",
    "How would you shard a 2 TB table?": "Start from the access pattern, then pick the key.",
    "Design a rate limiter for our public API.": "Token bucket per key; then bursts and storage.",
}
KEY_POINTS = [
    "how the pipeline rebuild cut costs by a third",
    "their plan to move the warehouse to streaming",
    "mentoring juniors through on-call",
    "the migration from cron jobs to an orchestrator",
]


def demo_bundle(now: pendulum.DateTime) -> Bundle:
    """The sample journal's records, as an import would bring them."""
    settings = Settings(
        name="Alex Morgan",
        email="alex.morgan@example.com",
        phone="+44 20 7946 0000",
        linkedin="https://www.linkedin.com/in/alex-morgan",
        default_currency="EUR",
        current_company="Initrode",
        current_role="Software Engineer",
        current_pay=Money(Decimal(74000), "EUR", Period.YEAR),
        current_notes="Stable and kind, but little growth and a long commute.",
    )
    zone = now.timezone_name or "UTC"
    counter = 0
    opportunities: list[Opportunity] = []
    reflections: list[Reflection] = []
    followups: list[FollowUp] = []
    for company, role, status, pay, rounds in OPPORTUNITIES:
        first = now.subtract(days=rounds[0][0] + 4)
        job = Opportunity(
            company=company, role=role, status=status, created_at=first, updated_at=first
        )
        if status is not Status.INTERVIEWING:  # the answer came about six days after the last round
            answered = now.subtract(days=max(0, rounds[-1][0] - 6))
            job = dataclasses.replace(job, updated_at=answered)
        held: list[Reflection] = []
        for days_ago, stage, form, rating, want in rounds:
            when = now.subtract(days=days_ago).set(
                hour=[10, 14, 16][counter % 3], minute=0, second=0, microsecond=0
            )
            when = min(when, now.subtract(hours=2))  # today's interview is already over
            money = Money(Decimal(pay[0]), pay[1], pay[2]) if pay else None
            held.append(_reflection(job, when, stage, form, rating, want, money, counter))
            counter += 1
        reflections += held
        followups += _lived(job, held, zone, now, counter)
        opportunities.append(job)
    reflections = _with_questions(reflections)
    ids = {o.company: o.id for o in opportunities}
    opportunities = [
        dataclasses.replace(
            o, recruiter_name="Sofia García", recruiter_email="sofia@acme.example",
            location="Berlin, hybrid", link="https://acme.example/jobs/data-engineer",
        ) if o.company == "Acme Analytics" else o
        for o in opportunities
    ]  # fmt: skip
    interviews = _scheduled(opportunities, now)
    decision = Decision(
        criteria=(
            Criterion("Pay", Decimal(3)),
            Criterion("Growth", Decimal(3)),
            Criterion("Work–life balance", Decimal(2)),
            Criterion("Location / commute", Decimal(1)),
            Criterion("Culture / people", Decimal(2)),
            Criterion("Role fit", Decimal(3)),
        ),
        scores={
            ids["Acme Analytics"]: {
                "Growth": 4,
                "Work–life balance": 3,
                "Location / commute": 4,
            },
            ids["Globex"]: {
                "Growth": 3,
                "Work–life balance": 4,
                "Location / commute": 2,
            },
        },
        chosen=(ids["Acme Analytics"], ids["Globex"]),
        include_current=True,
    )
    return Bundle(
        tuple(opportunities), tuple(reflections), tuple(followups), settings, decision,
        interviews=interviews,
    )  # fmt: skip


def _with_questions(reflections: list[Reflection]) -> list[Reflection]:
    """Two questions per interview, oldest first: the recurring ones answered better and
    better (the question bank's story)."""
    asked_so_far = {text: 0 for text, _ in QUESTIONS}
    result = []
    ordered = sorted(reflections, key=lambda r: r.interview_at.timestamp())
    for index, reflection in enumerate(ordered):
        chosen = [QUESTIONS[index % len(QUESTIONS)], QUESTIONS[(index * 3 + 1) % len(QUESTIONS)]]
        questions = []
        for text, answers in dict(chosen).items():
            times = asked_so_far[text]
            asked_so_far[text] = times + 1
            answered = answers[min(times, len(answers) - 1)]
            better = BETTER.get(text, "") if answered <= 3 else ""
            questions.append(AskedQuestion(text, answered, better))
        result.append(dataclasses.replace(reflection, questions=tuple(questions)))
    return result


def _scheduled(opportunities: list[Opportunity], now: pendulum.DateTime) -> tuple[Interview, ...]:
    """Acme's onsite the day after tomorrow, Wonka's final next week; Hooli's hiring-manager
    call an hour ago, waiting for its reflection."""
    by_company = {o.company: o for o in opportunities}
    at = now.set(second=0, microsecond=0)

    def interview(
        company: str, start: pendulum.DateTime, stage: Stage, **more: object
    ) -> Interview:
        return Interview(
            opportunity_id=by_company[company].id, start=start, created_at=now.subtract(days=2),
            updated_at=now.subtract(days=2), stage=stage, **more,  # type: ignore[arg-type]
        )  # fmt: skip

    return (
        interview("Acme Analytics", at.add(days=2).set(hour=10, minute=0), ON,
                  duration_minutes=180, format=IN_PERSON, where="Acme Analytics, Torstraße 1",
                  interviewers=(Interviewer(name="Jonas Weber", title="Dr.",
                                            email="jonas@acme.example"),
                                Interviewer(name="Amara Okafor", title="CTO"))),
        interview("Wonka Labs", at.add(days=6).set(hour=14, minute=0), F,
                  duration_minutes=60, format=VIDEO, where="https://meet.example/wonka-final"),
        interview("Hooli", at.subtract(minutes=100), H, duration_minutes=45, format=VIDEO,
                  where="https://meet.example/hooli"),
    )  # fmt: skip


def _reflection(
    job: Opportunity,
    when: pendulum.DateTime,
    stage: Stage,
    form: Format,
    rating: int,
    want: int,
    money: Money | None,
    index: int,
) -> Reflection:
    name, title, channel = INTERVIEWERS[index % len(INTERVIEWERS)]
    slug = job.company.split()[0].lower()
    first_name = name.split()[0].lower()
    profile = f"https://www.linkedin.com/in/{first_name}" if index % 2 else ""
    email = f"{first_name}@{slug}.example"
    people = [
        Interviewer(
            name=name,
            title=title,
            email=email,
            preferred=channel,
            linkedin=profile,
            mentioned=MENTIONED[index % len(MENTIONED)],
        )
    ]
    if stage in (Stage.PANEL, Stage.ONSITE, Stage.FINAL):
        other = INTERVIEWERS[(index + 3) % len(INTERVIEWERS)]
        people.append(
            Interviewer(
                name=other[0],
                title=other[1],
                preferred=other[2],
                mentioned=MENTIONED[(index + 2) % len(MENTIONED)],
            )
        )
    return Reflection(
        opportunity_id=job.id,
        interview_at=when,
        created_at=when.add(hours=2),
        updated_at=when.add(hours=2),
        rating=rating,
        want_job=want,
        stage=stage,
        format=form,
        interviewers=tuple(people),
        went_well=WENT_WELL[index % len(WENT_WELL)],
        went_badly=WENT_BADLY[index % len(WENT_BADLY)],
        answer_differently="Start from the requirements, then the read/write ratio.",
        rapport=[
            "Friendly and direct.",
            "Formal, hard to read.",
            "Warm; we laughed about on-call.",
        ][index % 3],
        could_work_with=[Rapport.YES, Rapport.UNSURE, Rapport.YES, Rapport.NO][index % 4],
        likes_role=[
            "Ownership of the data platform.",
            "A small team with real autonomy.",
            "Hard problems at scale.",
        ][index % 3],
        likes_company=[
            "Remote-first and a sane on-call rotation.",
            "Published salary bands.",
            "Strong mentoring culture.",
        ][index % 3],
        reservations=[
            "The salary range may be below my current pay.",
            "Long interview process.",
            "",
        ][index % 3],
        resolve_reservations=[
            "Ask about the band and the review cycle.",
            "Ask for the timeline in writing.",
            "",
        ][index % 3],
        money=money,
        money_notes="Range discussed, plus bonus." if money else "",
        vs_current_job="More growth than Initrode, shorter commute." if index % 2 else "",
        next_steps=[
            "Take-home task, then a panel.",
            "Final round with the CTO.",
            "They will decide within a week.",
        ][index % 3],
        reply_by=date(when.year, when.month, when.day) + timedelta(days=7)
        if index % 3 != 1
        else None,
        feedback="Asked; they liked the clarity of my answers." if index % 2 else "",
        key_point=KEY_POINTS[index % len(KEY_POINTS)],
        lessons=LESSONS[index % len(LESSONS)],
        asked=tuple(ask for n, ask in enumerate(Ask) if (index + n) % 3),
        references_requested=stage is Stage.FINAL,
        replies_from=name if index % 2 else "",
    )


def _lived(
    job: Opportunity, rounds: list[Reflection], zone: str, now: pendulum.DateTime, index: int
) -> list[FollowUp]:
    """The opportunity's plan as it stands after a busy but diligent person lived it round
    by round: each round planned as it happened, what was due done (mostly), the chain
    moving on from each check sent."""
    items: list[FollowUp] = []
    for count in range(1, len(rounds) + 1):
        planned_at = pendulum.instance(rounds[count - 1].interview_at).add(hours=2)
        for _ in range(3):  # (each check sent brings the next one into the plan)
            items = _history(plan(job, rounds[:count], zone, items, planned_at), now, index)
    return items


def _history(items: list[FollowUp], now: pendulum.DateTime, index: int) -> list[FollowUp]:
    """What a busy but diligent person would have done by `now`: most things, not all."""
    result = []
    for item in items:
        past = item.pending and item.when < now.subtract(days=1)
        if past and item.kind is FollowUpKind.THANK_YOU:
            late = index % 4 == 3
            sent_at = item.when + timedelta(hours=5 if late else -2)
            item = mark_done(item, sent_at, note="sent by email" if not late else "a day late")
        elif past and item.kind in (
            FollowUpKind.LINKEDIN,
            FollowUpKind.REFERENCES,
            FollowUpKind.WITHDRAWAL,
        ):
            item = mark_done(item, item.when)
        elif past and item.kind is FollowUpKind.CALL:
            item = dismiss(item, item.when)
        elif past and item.kind is FollowUpKind.STATUS_CHECK and index % 2:
            item = mark_done(item, item.when, note="left voicemail")
        elif item.pending and item.snoozed_until is None and item.kind is FollowUpKind.CALL:
            item = snooze(item, item.when + timedelta(days=1))  # "not before their offsite"
        result.append(item)
    return result
