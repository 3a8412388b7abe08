"""A realistic sample journal: `debrief --demo`, the screenshots, and the tests that every
screen renders with real content.

One job search told as it happened: a dozen opportunities over three months, nervous early
rounds rated low, feedback taken in, steadier rounds, one offer, one ghosting, one
withdrawal, rejections with their dates, four processes still running and interviews
ahead. Each company has its own people and its own text; weak spots come back a few times,
as they do. Money per year, month, day and hour in two currencies; follow-ups in every
state. Dates count back from `now`, so the sample always looks current; ids are seeded, so
`debrief --demo list` then `debrief --demo show ID` finds the same reflection.
"""

from __future__ import annotations

import dataclasses
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import pendulum

from debrief.followups import dismiss, mark_done, plan, record_reply, snooze
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
    Reply,
    Settings,
    Stage,
    Status,
)

P, T, H = Stage.PHONE_SCREEN, Stage.TECHNICAL, Stage.HIRING_MANAGER
PA, ON, F = Stage.PANEL, Stage.ONSITE, Stage.FINAL
PHONE, VIDEO, IN_PERSON = Format.PHONE, Format.VIDEO, Format.IN_PERSON
EMAIL, CALL, LINKEDIN = Channel.EMAIL, Channel.PHONE, Channel.LINKEDIN
YEAR, MONTH, DAY, HOUR = Period.YEAR, Period.MONTH, Period.DAY, Period.HOUR
SEED = "debrief-demo"  # ids are made from it: `debrief --demo list`, then `show ID`, works


def demo_id(*parts: object) -> str:
    """The same id on every run, for the same record."""
    return uuid.uuid5(uuid.NAMESPACE_URL, ":".join([SEED, *map(str, parts)])).hex


@dataclass(frozen=True)
class Person:
    name: str
    title: str
    channel: Channel = EMAIL
    mentioned: str = ""  # what they brought up: their thank-you draws on it
    linkedin: bool = False
    called: str = ""  # "Address as", as the user wrote it on the card (empty: the rule's)


@dataclass(frozen=True)
class Round:
    """One interview as its reflection tells it."""

    days_ago: int
    stage: Stage
    form: Format
    rating: int
    want: int
    people: tuple[Person, ...]
    answers: dict[str, object]  # the reflection's text fields, as written that evening
    pay: tuple[int, str, Period] | None = None


@dataclass(frozen=True)
class Story:
    company: str
    role: str
    status: Status
    rounds: tuple[Round, ...]
    ending: tuple[int, Reply | None] | None = None  # (days ago, their reply) for a closed one
    domain: str = ""


def held(
    days: int,
    stage: Stage,
    form: Format,
    rating: int,
    want: int,
    *people: Person,
    pay: tuple[int, str, Period] | None = None,
    **answers: object,
) -> Round:
    """A round held `days` ago, and what its reflection said."""
    return Round(days, stage, form, rating, want, people, answers, pay)


# fmt: off
DYSON = Person("Miles Dyson", "Director of Engineering", mentioned="their move to Kubernetes", called="Mr. Dyson")
ART = Person("Art Vandelay", "VP Data", CALL, "the import/export data warehouse", called="Mr. Vandelay")
FOX = Person("Lucius Fox", "Head of Analytics", mentioned="the foundation's open-data grants", called="Mr. Fox")
KYLE = Person("Selina Kyle", "Senior Analyst", LINKEDIN, "her dashboard for the donors", True, "Ms. Kyle")
LUMBERGH = Person("Bill Lumbergh", "Engineering Manager", mentioned="the TPS report service", called="Mr. Lumbergh")
ALICE = Person("Alice Abernathy", "Hiring Manager", LINKEDIN, "the hospital on-call rota", True, "Ms. Abernathy")
ROTH = Person("Sol Roth", "Head of Data Engineering", mentioned="the recipe-data lake", called="Mr. Roth")
DIAZ = Person("Rosa Díaz", "Talent Partner", mentioned="the team doubling next year", called="Ms. Díaz")
WEBER = Person("Jonas Weber", "Dr.", mentioned="the Postgres-to-Kafka migration")
TANAKA = Person("Mei Tanaka", "Engineering Manager", LINKEDIN, "their blameless post-mortems", True, "Ms. Tanaka")
SCORPIO = Person("Hank Scorpio", "CEO", mentioned="the expansion to Lisbon", called="Mr. Scorpio")
BUCKET = Person("Charlie Bucket", "Engineering Manager", mentioned="the golden-ticket checkout", called="Mr. Bucket")
BRONTE = Person("Zoë Brontë", "Principal Engineer", LINKEDIN, "event sourcing for orders", True, "Dr. Brontë")
RAMAN = Person("Priya Raman", "Recruiter", CALL, "the relocation package", called="Ms. Raman")
LI = Person("Li Wei", "Staff Engineer", mentioned="their async task framework", called="Mr. Li")
GARCIA = Person("Sofia García", "Recruiter", mentioned="the published salary bands", called="Ms. García")
BECKER = Person("Tom Becker", "Data Lead", LINKEDIN, "dbt and the data contracts", True, "Mr. Becker")
POTTS = Person("Pepper Potts", "Head of ML Platform", mentioned="the feature store", called="Ms. Potts")
ROSEN = Person("Rachel Rosen", "Engineering Director", mentioned="replicating the staff track", linkedin=True, called="Ms. Rosen")
# fmt: on

# The search, oldest first: nervous early phone screens and a tough first technical round,
# feedback taken in, steadier rounds, one offer, a ghosting, a withdrawal, and four
# processes still running. Each company's rounds tell one story.
STORIES: tuple[Story, ...] = (
    Story("Cyberdyne", "Platform Engineer", Status.GHOSTED, (
        held(85, T, VIDEO, 3, 5, DYSON,
           went_well="Knew the Terraform questions cold.",
           went_badly="Nervous from the start; rambled through the Kubernetes scheduling question.",
           answer_differently="Sketch the control loop, then talk.",
           rapport="Polite but distant; camera off half the time.", could_work_with=Rapport.UNSURE,
           likes_role="Greenfield platform work.", reservations="No one could say who owns on-call.",
           resolve_reservations="Ask the team lead directly next round.",
           next_steps="Dyson said they'd be in touch within the week.",
           key_point="their move to Kubernetes",
           lessons="Breathe before answering; the nerves settle."),
    ), ending=(62, None), domain="cyberdyne.example"),
    Story("Vandelay Industries", "Data Platform Lead", Status.WITHDRAWN, (
        held(78, P, PHONE, 5, 3, ART,
           went_well="Clear about what I want next.",
           went_badly="The role turned out to be people management with no hands-on work; I stayed nervous and polite instead of asking.",
           rapport="Friendly, a salesman's energy.", could_work_with=Rapport.YES,
           likes_company="Small, profitable, no investors.",
           reservations="A lead role with six reports and no coding.",
           resolve_reservations="Nothing to resolve: not the job I want.",
           next_steps="A second call with their COO.", key_point="the import/export data warehouse",
           lessons="Ask how hands-on the job is before anything else."),
    ), ending=(74, None), domain="vandelay.example"),
    Story("Wayne Foundation", "Analytics Engineer", Status.REJECTED, (
        held(70, P, VIDEO, 4, 6, FOX,
           went_well="The mission resonated and it showed.",
           went_badly="Nervous again; rambled about my early career.",
           rapport="Warm, patient.", could_work_with=Rapport.YES,
           likes_company="Open data for non-profits.", next_steps="A panel with the analytics team.",
           key_point="the foundation's open-data grants",
           lessons="Prepare a two-minute career story and stop there."),
        held(62, PA, IN_PERSON, 5, 6, FOX, KYLE,
           went_well="The SQL exercise went well: window functions, no hesitation.",
           went_badly="Froze on the stakeholder question: no story ready about pushing back on a donor.",
           answer_differently="The dashboard I rebuilt when finance and fundraising disagreed.",
           rapport="Selina asked sharp questions; Lucius kept it friendly.", could_work_with=Rapport.YES,
           likes_role="Analytics that funds real projects.",
           reservations="Pay is well below market.", resolve_reservations="Ask about the band.",
           next_steps="Decision in two weeks.", hear_in_days=14, feedback="Strong SQL, weaker on stakeholder stories.",
           key_point="her dashboard for the donors",
           lessons="Write three stakeholder stories in STAR form."),
    ), ending=(55, Reply.REJECTED), domain="wayne.example"),
    Story("Initech", "Backend Developer", Status.REJECTED, (
        held(58, T, VIDEO, 4, 5, LUMBERGH,
           went_well="Clean code in the live exercise, tests first.",
           went_badly="Nervous on the design question, and never asked about scale.",
           answer_differently="Ask for traffic, data size and growth.",
           rapport="Formal, checklist interview.", could_work_with=Rapport.NO,
           likes_role="Mature codebase, good tooling.", reservations="Four days a week in the office.",
           next_steps="They would decide by Friday.", hear_in_days=4, key_point="the TPS report service",
           lessons="Requirements and scale come before any whiteboard."),
    ), ending=(50, Reply.REJECTED), domain="initech.example"),
    Story("Umbrella Health", "Site Reliability Engineer", Status.REJECTED, (
        held(48, H, PHONE, 6, 6, ALICE, pay=(95000, "EUR", YEAR),
           went_well="Calm this time: the two-minute story worked.",
           went_badly="Vague about my on-call numbers.",
           rapport="Easy conversation, lots of laughter.", could_work_with=Rapport.YES,
           likes_role="Reliability for hospitals: it matters.", likes_company="Strong mentoring culture.",
           reservations="On-call every third week.", resolve_reservations="Ask how pages are shared.",
           money_notes="95k stated as the top of the band.", next_steps="A technical round, probably.",
           key_point="the hospital on-call rota",
           lessons="Bring numbers: pages per week, time to recover."),
    ), ending=(40, Reply.REJECTED), domain="umbrella.example"),
    Story("Soylent Systems", "Data Engineer", Status.REJECTED, (
        held(38, H, IN_PERSON, 6, 5, ROTH, pay=(70000, "EUR", YEAR),
           went_well="My stakeholder story about the finance dashboard landed.",
           went_badly="Named a salary figure before they did, and too low.",
           answer_differently="Ask for their band before giving a number.",
           rapport="Dry humour, direct.", could_work_with=Rapport.UNSURE,
           likes_role="Streaming pipelines from day one.", reservations="70k is below what I earn now.",
           resolve_reservations="Negotiate, or let it go.", money_notes="Their offer range: 65–72k.",
           vs_current_job="Less pay than Initrode for similar work.",
           next_steps="Decision next week.", hear_in_days=7, key_point="the recipe-data lake",
           lessons="Salary: let them name a number before I do."),
    ), ending=(31, Reply.REJECTED), domain="soylent.example"),
    Story("Globex", "Platform Engineer", Status.OFFER, (
        held(32, P, VIDEO, 7, 6, DIAZ, pay=(7200, "EUR", MONTH),
           went_well="Relaxed, good questions about the team.",
           went_badly="Unsure how to describe my current title.",
           rapport="Rosa was lovely.", could_work_with=Rapport.YES,
           likes_company="Team doubling next year; good reviews from ex-colleagues.",
           reservations="Is the platform team a cost centre?",
           resolve_reservations="Ask the engineering manager how they measure the team.",
           money_notes="Range 7,000–7,600 a month, 13 salaries.", next_steps="Onsite in two weeks.",
           key_point="the team doubling next year"),
        held(23, ON, IN_PERSON, 8, 8, WEBER, TANAKA,
           went_well="System design on Kafka partitions went well: asked about throughput first.",
           went_badly="A tiring day; my closing answer was flat.",
           rapport="Mei is the manager I'd want.", could_work_with=Rapport.YES,
           likes_role="Owning the event platform end to end.",
           reservations="The office is 50 minutes away.",
           resolve_reservations="Ask about two remote days.",
           next_steps="A final conversation with the CEO.", key_point="the Postgres-to-Kafka migration",
           lessons="Eat before an onsite; book nothing after it."),
        held(16, F, IN_PERSON, 9, 9, SCORPIO, TANAKA, pay=(7600, "EUR", MONTH),
           went_well="Hank asked about ambition; I had a clear answer.",
           went_badly="Said yes to the salary offer too fast, again.",
           rapport="Energetic CEO; Mei steady.", could_work_with=Rapport.YES,
           reservations="Commute, twice a week at least.",
           resolve_reservations="Two remote days confirmed verbally: get it in writing.",
           money_notes="7,600 a month, 13 salaries, 10% bonus.",
           vs_current_job="More growth than Initrode, and better pay.",
           vs_other_opportunities="Acme's data role excites me more; Globex pays sooner.",
           next_steps="Written offer within a week.", hear_in_days=7, key_point="the expansion to Lisbon",
           lessons="Salary: pause before agreeing, and ask about the whole package."),
    ), ending=(11, Reply.OFFER), domain="globex.example"),
    Story("Wonka Labs", "Backend Developer", Status.INTERVIEWING, (
        held(19, P, PHONE, 6, 7, BUCKET, pay=(78000, "GBP", YEAR),
           went_well="The two-minute story, then a real conversation.",
           went_badly="Didn't know their product well enough.",
           rapport="Charlie is kind and curious.", could_work_with=Rapport.YES,
           likes_company="Remote-first, four-day weeks in summer.",
           reservations="Pay in pounds; taxes?", resolve_reservations="Ask about an employer of record.",
           money_notes="78k GBP, fully remote.", next_steps="A panel with two engineers.",
           key_point="the golden-ticket checkout",
           lessons="Use the product before the opening call."),
        held(8, PA, VIDEO, 7, 8, BUCKET, BRONTE,
           went_well="Event sourcing discussion with Zoë: we sketched it together.",
           went_badly="My stakeholder story ran long.",
           answer_differently="Cut it to the conflict, my action, the result.",
           rapport="Zoë pushes hard, in a good way.", could_work_with=Rapport.YES,
           likes_role="Orders and payments: interesting domain.",
           next_steps="A final round with Violet, their CTO.", key_point="event sourcing for orders"),
    ), domain="wonka.example"),
    Story("Hooli", "Senior Python Engineer", Status.INTERVIEWING, (
        held(13, P, PHONE, 6, 6, RAMAN, pay=(68, "EUR", HOUR),
           went_well="Clear on what I want.", went_badly="The contract rate question caught me off guard.",
           rapport="Brisk, friendly.", could_work_with=Rapport.UNSURE,
           reservations="A contract, not a permanent role.",
           resolve_reservations="Ask whether it converts after six months.",
           money_notes="68 an hour, six-month contract.", next_steps="Technical round next week.",
           key_point="the relocation package"),
        held(6, T, VIDEO, 7, 7, LI,
           went_well="Async Python deep dive: my best technical round so far.",
           went_badly="Forgot to ask about scale before the caching design.",
           rapport="Li is thoughtful, generous with hints.", could_work_with=Rapport.YES,
           likes_role="A real async codebase.", next_steps="Hiring manager call.",
           key_point="their async task framework",
           lessons="Scale before design, still: keep a sticky note on the screen."),
    ), domain="hooli.example"),
    Story("Acme Analytics", "Data Engineer", Status.INTERVIEWING, (
        held(10, P, PHONE, 7, 8, GARCIA, pay=(88000, "EUR", YEAR),
           went_well="Calm, concise, the career story in two minutes.",
           went_badly="Hesitated on my notice period.",
           rapport="Sofia explained the process clearly.", could_work_with=Rapport.YES,
           likes_company="Published salary bands; a data team of twelve.",
           reservations="Is the stack still on cron jobs?", resolve_reservations="Ask how much still runs on cron jobs.",
           money_notes="Band 82–95k; said 88k.", next_steps="Technical round with the data lead.",
           key_point="the published salary bands"),
        held(2, T, VIDEO, 8, 9, BECKER, pay=(92000, "EUR", YEAR),
           went_well="dbt modelling exercise: fast, and I explained the trade-offs.",
           went_badly="Slow on the final SQL puzzle.",
           rapport="Tom is the lead I'd learn most from.", could_work_with=Rapport.YES,
           likes_role="Owning data contracts across the company.",
           reservations="The onsite is three hours.", resolve_reservations="Ask for the agenda in advance.",
           money_notes="Sofia confirmed 92k is possible.",
           vs_current_job="More growth than Initrode, shorter commute.",
           vs_other_opportunities="Ahead of Globex on the work itself.",
           next_steps="A three-hour onsite with Tom and the CTO.", key_point="dbt and the data contracts",
           lessons="Practise SQL puzzles under a timer."),
    ), domain="acme.example"),
    Story("Stark Logistics", "ML Engineer", Status.INTERVIEWING, (
        held(4, H, VIDEO, 6, 6, POTTS, pay=(450, "EUR", DAY),
           went_well="Feature store design questions: solid.",
           went_badly="My ML theory is rusty: couldn't explain regularisation crisply.",
           rapport="Pepper is sharp and fast.", could_work_with=Rapport.UNSURE,
           reservations="Freelance day rate, no holidays paid.", money_notes="450 a day, 12 months.",
           next_steps="They will decide within a week.", hear_in_days=7, key_point="the feature store",
           lessons="Review the ML basics before the technical round."),
    ), domain="stark.example"),
    Story("Tyrell Tech", "Staff Engineer", Status.INTERVIEWING, (
        held(0, P, VIDEO, 8, 9, ROSEN,
           went_well="Talked about the staff track with real examples.",
           went_badly="Went over the half hour.",
           rapport="Rachel is direct and warm.", could_work_with=Rapport.YES,
           likes_role="A staff role with a defined track.", next_steps="A system design round.",
           key_point="replicating the staff track"),
    ), domain="tyrell.example"),
)  # fmt: skip

# Questions asked, and how well (1–5): some come back, answered better each time.
QUESTIONS = [
    ("Tell me about yourself.", [2, 3, 4, 4, 5]),
    ("Design a rate limiter for our public API.", [2, 2, 3, 4]),
    ("Why do you want to leave your current job?", [3, 4, 4]),
    ("Tell me about a time you disagreed with a stakeholder.", [1, 2, 3]),
    ("How would you shard a 2 TB table?", [1, 2]),
    ("What does good on-call look like to you?", [4]),
    ("Walk me through a pipeline you rebuilt.", [5, 5]),
]
BETTER = {
    "Tell me about yourself.": "Two minutes: data platform, the on-call incident, why this team.",
    "How would you shard a 2 TB table?": "Start from the access pattern, then pick the key.",
    "Design a rate limiter for our public API.": "Token bucket per key; then bursts and storage.",
    "Tell me about a time you disagreed with a stakeholder.": (
        "Finance vs fundraising dashboard: the conflict, what I did, the result."
    ),
}


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
    opportunities: list[Opportunity] = []
    reflections: list[Reflection] = []
    followups: list[FollowUp] = []
    for number, story in enumerate(STORIES):
        first = now.subtract(days=story.rounds[0].days_ago + 4)
        job = Opportunity(
            company=story.company, role=story.role, created_at=first, updated_at=first,
            id=demo_id("opportunity", story.company),
        )  # fmt: skip
        held = [_reflection(job, story, index, number, now) for index in range(len(story.rounds))]
        job, held, items = _lived(job, story, held, zone, now)
        reflections += held
        followups += items
        opportunities.append(job)
    reflections = _with_questions(reflections)
    ids = {o.company: o.id for o in opportunities}
    opportunities = [
        dataclasses.replace(
            o, recruiter_name="Sofia García", recruiter_email="sofia@acme.example",
            location="Berlin, hybrid", link="https://acme.example/jobs/data-engineer",
        ) if o.company == "Acme Analytics" else
        dataclasses.replace(o, location="Hamburg, two days remote") if o.company == "Globex" else
        dataclasses.replace(o, location="Remote (UK employer)") if o.company == "Wonka Labs" else o
        for o in opportunities
    ]  # fmt: skip
    interviews = _scheduled(opportunities, now)
    criteria = ("Pay", "Growth", "Work–life balance", "Location / commute", "Culture / people",
                "Role fit")  # fmt: skip
    scores = {  # every option scored on every criterion: the ranking is a real verdict
        "Acme Analytics": (5, 5, 3, 4, 4, 5),
        "Globex": (4, 3, 4, 2, 4, 4),
        "Wonka Labs": (4, 4, 4, 5, 3, 4),
    }
    decision = Decision(
        criteria=tuple(
            Criterion(name, Decimal(weight))
            for name, weight in zip(criteria, (3, 3, 2, 1, 2, 3), strict=True)
        ),
        scores={ids[c]: dict(zip(criteria, values, strict=True)) for c, values in scores.items()},
        chosen=(ids["Acme Analytics"], ids["Globex"], ids["Wonka Labs"]),
        include_current=False,
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
    call an hour ago, waiting for its reflection (each on a working day: on a weekend, the
    next one, or for Hooli's, Friday's)."""
    by_company = {o.company: o for o in opportunities}
    at = now.set(second=0, microsecond=0)

    def interview(
        company: str, start: pendulum.DateTime, stage: Stage, **more: object
    ) -> Interview:
        return Interview(
            opportunity_id=by_company[company].id, start=start, created_at=now.subtract(days=2),
            updated_at=now.subtract(days=2), stage=stage, id=demo_id("interview", company),
            **more,  # type: ignore[arg-type]
        )  # fmt: skip

    return (
        interview("Acme Analytics", _working_day_after(at.add(days=2).set(hour=10, minute=0)), ON,
                  duration_minutes=180, format=IN_PERSON, where="Acme Analytics, Torstraße 1",
                  interviewers=(_card(BECKER, "acme.example"),
                                Interviewer(name="Amara Okafor", title="CTO",
                                            email="amara@acme.example"))),
        interview("Wonka Labs", _working_day_after(at.add(days=6).set(hour=14, minute=0)), F,
                  duration_minutes=60, format=VIDEO, where="https://meet.example/wonka-final",
                  interviewers=(Interviewer(name="Violet Beauregarde", title="CTO"),)),
        interview("Hooli", _working_day_before(at.subtract(minutes=100)), H,
                  duration_minutes=45, format=VIDEO,
                  where="https://meet.example/hooli",
                  interviewers=(Interviewer(name="Gavin Belson", title="Head of Engineering",
                                            email="gavin@hooli.example"),)),
    )  # fmt: skip


def _reflection(
    job: Opportunity, story: Story, index: int, number: int, now: pendulum.DateTime
) -> Reflection:
    """One round's reflection, written two hours after the interview."""
    round_ = story.rounds[index]
    when = now.subtract(days=round_.days_ago).set(
        hour=[10, 14, 16][(number + index) % 3], minute=0, second=0, microsecond=0
    )
    when = min(when, now.subtract(hours=2).set(minute=0))  # today's is already over
    when = _working_day_before(when)  # (nobody interviews on a Sunday)
    people = tuple(_card(person, story.domain) for person in round_.people)
    answers = dict(round_.answers)
    hear_in = answers.pop("hear_in_days", None)  # "when will you hear", as they said it
    if isinstance(hear_in, int):
        answers["reply_by"] = (when + timedelta(days=hear_in)).date()
    money = Money(Decimal(round_.pay[0]), round_.pay[1], round_.pay[2]) if round_.pay else None
    return Reflection(
        opportunity_id=job.id,
        interview_at=when,
        created_at=when.add(hours=2),
        updated_at=when.add(hours=2),
        id=demo_id("reflection", story.company, index + 1),
        rating=round_.rating,
        want_job=round_.want,
        stage=round_.stage,
        format=round_.form,
        interviewers=people,
        money=money,
        asked=tuple(ask for n, ask in enumerate(Ask) if (number + index + n) % 3),
        references_requested=round_.stage is Stage.FINAL,
        replies_from=people[0].name,
        **answers,  # type: ignore[arg-type]
    )


def _card(person: Person, domain: str) -> Interviewer:
    first = unicodedata.normalize("NFKD", person.name.split()[0].lower())
    first = first.encode("ascii", "ignore").decode()  # (zoe@, not zoë@)
    return Interviewer(
        name=person.name,
        title=person.title,
        email=f"{first}@{domain}" if person.channel is not Channel.PHONE else "",
        phone="+49 30 1234 5678",  # (a call script to anyone has a number to dial)
        preferred=person.channel,
        linkedin=f"https://www.linkedin.com/in/{first}-demo" if person.linkedin else "",
        mentioned=person.mentioned,
        address_as=person.called,
    )


def _lived(
    job: Opportunity, story: Story, rounds: list[Reflection], zone: str, now: pendulum.DateTime
) -> tuple[Opportunity, list[Reflection], list[FollowUp]]:
    """The opportunity as a busy but diligent person lived it, in order: each round planned
    as it happened, what fell due before the next event (the next round, their answer, or
    a day ago) done (mostly), the chain moving on from each check sent; then how it ended
    (their reply, a ghosting, a withdrawal) and the plan after that. Nothing is done after
    the opportunity closed, and "gone cold" is only ever marked on the ghosting."""
    items: list[FollowUp] = []
    late = len(story.company) % 4 == 0  # some thank-yous go out late
    ended_at = None
    if story.ending is not None:
        ended_at = now.subtract(days=story.ending[0]).set(
            hour=11, minute=0, second=0, microsecond=0
        )
        ended_at = _working_day_before(ended_at)
    for count in range(1, len(rounds) + 1):
        planned_at = pendulum.instance(rounds[count - 1].interview_at).add(hours=2)
        if count < len(rounds):
            until = pendulum.instance(rounds[count].interview_at)
        else:
            until = ended_at or now.subtract(days=1)
        for _ in range(3):  # (each check sent brings the next one into the plan)
            items = _history(plan(job, rounds[:count], zone, items, planned_at), until, late)
    if story.ending is not None and ended_at is not None:
        reply = story.ending[1]
        if reply is not None:
            latest, job = record_reply(rounds[-1], job, reply, ended_at)
            rounds = [*rounds[:-1], latest]
        else:
            if story.status is Status.GHOSTED:  # what marking "gone cold?" done does
                items = [
                    mark_done(item, ended_at)
                    if item.kind is FollowUpKind.MARK_COLD and item.pending
                    else item
                    for item in items
                ]
            job = dataclasses.replace(job, status=story.status, updated_at=ended_at)
        items = _history(plan(job, rounds, zone, items, ended_at), now.subtract(days=1), late)
    return job, rounds, items


def _working_day_before(moment: pendulum.DateTime) -> pendulum.DateTime:
    """The moment, or the same time on the working day before it (no weekend interviews)."""
    while moment.weekday() >= 5:
        moment = moment.subtract(days=1)
    return moment


def _working_day_after(moment: pendulum.DateTime) -> pendulum.DateTime:
    while moment.weekday() >= 5:
        moment = moment.add(days=1)
    return moment


def _history(items: list[FollowUp], until: pendulum.DateTime, late: bool) -> list[FollowUp]:
    """What a busy but diligent person would have done before `until`: most things, not
    all; each by the channel it was planned for."""
    result = []
    for item in items:
        past = item.pending and item.when < until
        if past and item.kind is FollowUpKind.THANK_YOU:
            sent_at = min(item.when + timedelta(hours=5 if late else -2), until)
            item = mark_done(item, sent_at, note="sent late" if late else "")
        elif past and item.kind in (
            FollowUpKind.LINKEDIN,
            FollowUpKind.REFERENCES,
            FollowUpKind.WITHDRAWAL,
        ):
            item = mark_done(item, item.when)
        elif past and item.kind is FollowUpKind.CALL:
            item = dismiss(item, item.when)
        elif past and item.kind is FollowUpKind.STATUS_CHECK:
            by_phone = item.channel is Channel.PHONE
            item = mark_done(item, item.when, note="left voicemail" if by_phone else "")
        elif item.pending and item.snoozed_until is None and item.kind is FollowUpKind.CALL:
            item = snooze(item, item.when + timedelta(days=1))  # "not before their offsite"
        result.append(item)
    return result
