"""The records a journal holds: opportunities, reflections (with their interviewers and
the questions asked), scheduled interviews, follow-ups, drafts, settings, the decision
matrix, and the Bundle an export carries.

Every record validates itself on construction, so an invalid one cannot exist, and
prints as its kind and id only (`Private`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

# (Imported at run time though only annotations name some of them: `codec.from_dict` reads
# each record's type hints, resolved in this module.)
from debrief.model.values import (
    Ask,
    Channel,
    FollowUpKind,
    Format,
    ModelError,
    Money,
    Private,
    Rapport,
    Reply,
    Stage,
    Status,
    check_day,
    check_moment,
    check_not_blank,
    check_rating,
    is_valid_email,
    is_valid_timezone,
    new_id,
    normalise_currency,
    quoted,
)


@dataclass(frozen=True, slots=True, repr=False)
class Interviewer(Private):
    """One interviewer's business card; spelling matters for the thank-you note."""

    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    linkedin: str = ""
    preferred: Channel = Channel.EMAIL
    notes: str = ""  # private: never in a draft
    address_as: str = ""  # how a note greets them ("Dr. Brontë"); empty: by the usual rule
    mentioned: str = ""  # something they said, for their own thank-you note

    def __post_init__(self) -> None:
        check_not_blank("name", self.name)
        if self.email and not is_valid_email(self.email):
            raise ModelError("email", f"{quoted(self.email)} is not an email address")


@dataclass(frozen=True, slots=True, repr=False)
class Opportunity(Private):
    """A job at a company: every interview round for it is a Reflection."""

    company: str
    role: str
    created_at: datetime
    updated_at: datetime
    id: str = field(default_factory=new_id)
    status: Status = Status.INTERVIEWING
    location: str = ""
    link: str = ""  # the job posting
    recruiter_name: str = ""
    recruiter_email: str = ""
    recruiter_phone: str = ""

    def __post_init__(self) -> None:
        check_not_blank("company", self.company)
        check_not_blank("role", self.role)
        check_moment("created_at", self.created_at)
        check_moment("updated_at", self.updated_at)
        if self.recruiter_email and not is_valid_email(self.recruiter_email):
            raise ModelError(
                "recruiter_email", f"{quoted(self.recruiter_email)} is not an email address"
            )

    @property
    def title(self) -> str:
        return f"{self.company} — {self.role}"


ANSWER_MIN, ANSWER_MAX = 1, 5  # how well a question was answered


@dataclass(frozen=True, slots=True, repr=False)
class AskedQuestion(Private):
    """A question the interviewers asked, how well it was answered, and a better answer."""

    text: str
    answered: int | None = None  # 1 (badly) to 5 (well); None: not rated
    better_answer: str = ""

    def __post_init__(self) -> None:
        check_not_blank("question", self.text)
        if self.answered is not None and (
            isinstance(self.answered, bool)
            or not isinstance(self.answered, int)
            or not ANSWER_MIN <= self.answered <= ANSWER_MAX
        ):
            raise ModelError("answered", "must be a whole number from 1 to 5")


@dataclass(frozen=True, slots=True, repr=False)
class Reflection(Private):
    """What the user wrote straight after one interview."""

    opportunity_id: str
    interview_at: datetime
    rating: int
    created_at: datetime
    updated_at: datetime
    id: str = field(default_factory=new_id)
    stage: Stage | None = None
    format: Format | None = None
    interviewers: tuple[Interviewer, ...] = ()
    went_well: str = ""
    went_badly: str = ""
    answer_differently: str = ""
    rapport: str = ""
    could_work_with: Rapport | None = None
    likes_role: str = ""
    likes_company: str = ""
    reservations: str = ""
    resolve_reservations: str = ""
    money: Money | None = None
    money_notes: str = ""
    vs_current_job: str = ""
    vs_other_opportunities: str = ""
    want_job: int | None = None
    next_steps: str = ""
    reply_by: date | None = None
    feedback: str = ""
    key_point: str = ""
    lessons: str = ""
    asked: tuple[Ask, ...] = ()  # the before-leaving checklist: what was done
    references_requested: bool | None = None  # None: not answered (a "No" stays one)
    duration_minutes: int | None = None  # how long it lasted; None: about an hour
    may_follow_up: bool | None = None  # their answer to "may I follow up?"; None: not asked
    replies_from: str = ""  # who said they would get back to you (a name, or "the recruiter")
    replied_at: datetime | None = None  # when they got back to you about this round
    reply: Reply | None = None  # and what they said
    questions: tuple[AskedQuestion, ...] = ()  # what they asked
    interview_id: str | None = None  # the scheduled interview this reflects on, if any

    def __post_init__(self) -> None:
        check_not_blank("opportunity_id", self.opportunity_id)
        check_moment("interview_at", self.interview_at)
        check_moment("created_at", self.created_at)
        check_moment("updated_at", self.updated_at)
        check_day("reply_by", self.reply_by)
        check_moment("replied_at", self.replied_at)
        if (self.replied_at is None) != (self.reply is None):
            raise ModelError("reply", "a reply needs both its date and what they said")
        if self.duration_minutes is not None and not 5 <= self.duration_minutes <= 24 * 60:
            raise ModelError("duration_minutes", "must be from 5 minutes to a day")
        check_rating("rating", self.rating, required=True)
        check_rating("want_job", self.want_job, required=False)


@dataclass(frozen=True, slots=True, repr=False)
class Interview(Private):
    """An interview still to come (or just over and not yet reflected on), and the
    preparation for it. Reflecting on it links the reflection (`reflection_id`)."""

    opportunity_id: str
    start: datetime
    created_at: datetime
    updated_at: datetime
    id: str = field(default_factory=new_id)
    duration_minutes: int | None = None  # None: about an hour
    stage: Stage | None = None
    format: Format | None = None
    where: str = ""  # an address, a room, or a video link
    interviewers: tuple[Interviewer, ...] = ()
    uid: str = ""  # the calendar invitation's UID: importing it again updates this one
    reflection_id: str | None = None  # reflected on: off the agenda
    dismissed_at: datetime | None = None  # "I won't reflect on this one"
    # From a calendar invitation: the IANA zone it was set in (named beside the user's own
    # when they differ), its SEQUENCE (an older copy never undoes a newer one), an all-day
    # event (the day is known, the time is still to confirm), and its cancellation (off
    # the agenda, kept in the journal).
    zone: str = ""
    sequence: int = 0
    time_to_confirm: bool = False
    cancelled_at: datetime | None = None
    # The preparation, as the user left it (empty: not prepared yet; the prep page
    # offers suggestions from the earlier rounds).
    prep_questions: str = ""  # questions to ask, one per line
    prep_mention: str = ""  # things to mention
    prep_salary: str = ""
    prep_references: str = ""  # references to warn
    prep_application_reread: bool = False  # the CV / application sent, read again

    def __post_init__(self) -> None:
        check_not_blank("opportunity_id", self.opportunity_id)
        check_moment("start", self.start)
        check_moment("created_at", self.created_at)
        check_moment("updated_at", self.updated_at)
        check_moment("dismissed_at", self.dismissed_at)
        check_moment("cancelled_at", self.cancelled_at)
        if not 0 <= self.sequence <= 10**9:
            raise ModelError("sequence", "must be a whole number from 0")
        if self.zone and not is_valid_timezone(self.zone):
            raise ModelError("zone", f"{quoted(self.zone)} is not a time zone (e.g. Europe/Berlin)")
        if self.duration_minutes is not None and not 5 <= self.duration_minutes <= 24 * 60:
            raise ModelError("duration_minutes", "must be from 5 minutes to a day")

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.duration_minutes or DEFAULT_MINUTES)

    @property
    def open(self) -> bool:
        """Still on the agenda: neither reflected on, dismissed nor cancelled."""
        return (
            self.reflection_id is None and self.dismissed_at is None and self.cancelled_at is None
        )


DEFAULT_MINUTES = 60  # an interview of unknown length


@dataclass(frozen=True, slots=True, repr=False)
class Settings(Private):
    """The user's profile and preferences: drafts are signed with these details."""

    default_currency: str = "USD"
    name: str = ""
    email: str = ""
    phone: str = ""
    linkedin: str = ""
    timezone: str = ""  # an IANA name; empty means the computer's own
    current_company: str = ""  # the job you have now: the baseline when comparing
    current_role: str = ""
    current_pay: Money | None = None
    current_notes: str = ""
    theme: str = ""  # a Textual theme name; empty means the default
    checklist: tuple[str, ...] = ()  # the user's own before-you-leave items

    def __post_init__(self) -> None:
        object.__setattr__(self, "default_currency", normalise_currency(self.default_currency))
        if self.email and not is_valid_email(self.email):
            raise ModelError("email", f"{quoted(self.email)} is not an email address")
        if self.timezone and not is_valid_timezone(self.timezone):
            raise ModelError(
                "timezone", f"{quoted(self.timezone)} is not a time zone (e.g. Europe/Berlin)"
            )


MAX_WEIGHT = Decimal(1000)  # a decision weight beyond this is a typo (or a hostile file)
SCORE_MIN, SCORE_MAX = 0, 5
CURRENT_JOB = "current"  # the column key of the current job in a comparison


@dataclass(frozen=True, slots=True, repr=False)
class Criterion(Private):
    """One thing that matters in deciding, and how much (a weight of 0 ignores it)."""

    name: str
    weight: Decimal

    def __post_init__(self) -> None:
        check_not_blank("criterion", self.name)
        if not isinstance(self.weight, Decimal) or not self.weight.is_finite():
            raise ModelError("weight", f"the weight of {quoted(self.name)} must be a number")
        if self.weight < 0:
            raise ModelError("weight", f"the weight of {quoted(self.name)} must not be negative")
        if self.weight > MAX_WEIGHT:
            raise ModelError(
                "weight", f"the weight of {quoted(self.name)} must be at most {MAX_WEIGHT}"
            )


DEFAULT_CRITERIA = tuple(
    Criterion(name, Decimal(weight))
    for name, weight in (
        ("Pay", 3),
        ("Growth", 3),
        ("Work–life balance", 2),
        ("Location / commute", 1),
        ("Culture / people", 2),
        ("Role fit", 3),
    )
)


@dataclass(frozen=True, slots=True, repr=False)
class Decision(Private):
    """The weighted decision matrix, kept so the comparison is there next time.

    `scores` maps a column (an opportunity id, or CURRENT_JOB) to criterion name -> 0–5.
    """

    criteria: tuple[Criterion, ...] = DEFAULT_CRITERIA
    scores: dict[str, Any] = field(default_factory=dict)
    chosen: tuple[str, ...] = ()
    include_current: bool = False

    def __post_init__(self) -> None:
        names = [c.name.casefold().strip() for c in self.criteria]
        if len(set(names)) != len(names):
            raise ModelError("criteria", "two criteria have the same name")
        if self.criteria and sum(c.weight for c in self.criteria) == 0:
            raise ModelError("weight", "the weights add up to zero: give at least one a weight")
        for column, scores in self.scores.items():
            if not isinstance(scores, dict):
                raise ModelError("scores", f"the scores of {quoted(column)} must be an object")
            for name, score in scores.items():
                if (
                    isinstance(score, bool)
                    or not isinstance(score, int)
                    or not SCORE_MIN <= score <= SCORE_MAX
                ):
                    raise ModelError(
                        "score", f"the score for {quoted(name)} must be a whole number from 0 to 5"
                    )


@dataclass(frozen=True, slots=True, repr=False)
class FollowUp(Private):
    """One thing to do after an interview, planned from its reflection.

    `key` names the item within its reflection ("thank_you:jane doe", "status_check:1"),
    and the id is derived from it, so planning again finds the same items.
    """

    reflection_id: str
    kind: FollowUpKind
    key: str
    due: datetime
    id: str = ""
    person: str = ""
    channel: Channel | None = None
    optional: bool = False
    done_at: datetime | None = None
    dismissed_at: datetime | None = None
    snoozed_until: datetime | None = None
    note: str = ""
    superseded_at: datetime | None = None  # retired: a later round, a reply or a withdrawal

    def __post_init__(self) -> None:
        check_not_blank("reflection_id", self.reflection_id)
        check_moment("due", self.due)
        check_moment("done_at", self.done_at)
        check_moment("dismissed_at", self.dismissed_at)
        check_moment("snoozed_until", self.snoozed_until)
        check_moment("superseded_at", self.superseded_at)
        if not self.id:
            object.__setattr__(self, "id", followup_id(self.reflection_id, self.key))

    @property
    def pending(self) -> bool:
        return self.done_at is None and self.dismissed_at is None and self.superseded_at is None

    @property
    def finished_at(self) -> datetime | None:
        """When it was done or skipped (a chain moves on from either)."""
        return self.done_at or self.dismissed_at

    @property
    def when(self) -> datetime:
        """When it is due now: the snooze, if any, else the planned time."""
        return self.snoozed_until or self.due


def interview_order(reflection: Reflection) -> tuple[float, float]:
    """Sort key, oldest interview first (ties: the one written first).

    Timestamps rather than datetimes: comparing aware datetimes with different offsets
    is several times slower, and a big journal sorts thousands of them.
    """
    return reflection.interview_at.timestamp(), reflection.created_at.timestamp()


def due_order(item: FollowUp) -> tuple[float, str]:
    """Sort key, soonest due first (timestamps, as in `interview_order`)."""
    return item.when.timestamp(), item.key


def followup_id(reflection_id: str, key: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"debrief:{reflection_id}:{key}").hex


@dataclass(frozen=True, slots=True, repr=False)
class Draft(Private):
    """An unfinished questionnaire: the raw answers exactly as typed, valid or not."""

    answers: dict[str, Any]
    started_at: datetime
    updated_at: datetime
    id: str = field(default_factory=new_id)
    step: int = 0
    reflection_id: str | None = None
    interview_id: str | None = None  # started from a scheduled interview: saving links it

    def __post_init__(self) -> None:
        check_moment("started_at", self.started_at)
        check_moment("updated_at", self.updated_at)

    @property
    def label(self) -> str:
        """ "Acme — Data Engineer", or what there is of it so far."""
        parts = [str(self.answers.get(k) or "").strip() for k in ("company", "role")]
        return " — ".join(p for p in parts if p) or "an untitled interview"


@dataclass(frozen=True, slots=True, repr=False)
class NoteDraft(Private):
    """A follow-up's draft as the user edited it (its id is the follow-up's): kept until
    the follow-up is done or skipped, so that reopening it never loses a word. `to`: the
    name of whom it was redirected to ("": the follow-up's person)."""

    id: str
    subject: str
    body: str
    updated_at: datetime
    to: str = ""
    formal: bool = True

    def __post_init__(self) -> None:
        check_not_blank("id", self.id)
        check_moment("updated_at", self.updated_at)


@dataclass(frozen=True, slots=True, repr=False)
class Bundle(Private):
    """Everything a journal holds that an export carries (drafts stay on this computer)."""

    opportunities: tuple[Opportunity, ...] = ()
    reflections: tuple[Reflection, ...] = ()
    followups: tuple[FollowUp, ...] = ()
    settings: Settings | None = None
    decision: Decision | None = None
    interviews: tuple[Interview, ...] = ()
