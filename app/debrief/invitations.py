"""Calendar invitations in: the VEVENTs of an .ics file become scheduled interviews.

Each event's summary gives the company, the role and the stage as well as it can
("Onsite interview – Globex (Platform Engineer)", "Platform Engineer at Globex"); its
start, end, location or URL and attendees fill in the rest. Importing the same file
again updates the interviews it made (by the event's UID) instead of adding them twice.
A file that is not a calendar is refused whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import pendulum

from debrief.model import (
    Format,
    Interview,
    Interviewer,
    ModelError,
    Opportunity,
    Stage,
    check_moment,
    is_valid_email,
)
from debrief.text import one_line

ROLE_UNKNOWN = "Role to confirm"  # when the summary names only the company
STAGE_WORDS: tuple[tuple[str, Stage], ...] = (
    (r"phone[ -]?screen(?:ing)?|screening call|recruiter call", Stage.PHONE_SCREEN),
    (r"hiring[ -]manager", Stage.HIRING_MANAGER),
    (r"technical|coding|tech(?:nical)? interview|system design", Stage.TECHNICAL),
    (r"panel", Stage.PANEL),
    (r"on[ -]?site", Stage.ONSITE),
    (r"final", Stage.FINAL),
)
VIDEO_HINTS = ("zoom.", "meet.google", "teams.microsoft", "webex", "whereby", "http")
# Words that say "interview" rather than name the company or the role.
FILLER = re.compile(
    r"\b(?:interviews?|round|call|meeting|invitation|invite|with|re|fwd?)\b|[:()\[\]]",
    re.IGNORECASE,
)


class InvitationsRejected(ValueError):
    """The file can't be read as a calendar; nothing is imported."""


@dataclass(frozen=True)
class Invitation:
    """One calendar event, as read."""

    uid: str
    summary: str
    start: datetime
    minutes: int | None
    where: str
    attendees: tuple[Interviewer, ...]
    organizer: Interviewer | None


@dataclass(frozen=True)
class ReadCalendar:
    invitations: list[Invitation]
    skipped: int  # components that are not timed events (tasks, all-day events…)


def read_invitations(payload: bytes, name: str, timezone: str, *, me: str = "") -> ReadCalendar:
    """The timed events of an .ics file (floating times taken in `timezone`; `me`, the
    user's email, left off the attendees), or InvitationsRejected naming the file."""
    from icalendar import Calendar  # loaded only for an import: it is slow to import

    # icalendar's parser fails in many ways on a damaged file (ValueError, KeyError, an
    # AttributeError for a VTIMEZONE with two TZIDs…): each means it is not a calendar.
    try:
        calendar = Calendar.from_ical(payload)
    except Exception as error:
        raise InvitationsRejected(f"{name} is not a calendar file ({_reason(error)}).") from None
    if calendar.name != "VCALENDAR":
        raise InvitationsRejected(f"{name} is not a calendar file (no VCALENDAR).")
    invitations: list[Invitation] = []
    skipped = 0
    for component in calendar.subcomponents:
        if component.name == "VTIMEZONE":
            continue
        try:
            invitation = (
                _invitation(component, timezone, me.casefold())
                if component.name == "VEVENT"
                else None
            )
        except (ValueError, TypeError, OverflowError) as error:  # (ModelError, icalendar's)
            raise InvitationsRejected(
                f"{name}: the event {_event_name(component)} can't be read ({_reason(error)})."
            ) from None
        if invitation is None:
            skipped += 1
        else:
            invitations.append(invitation)
    return ReadCalendar(invitations, skipped)


def _invitation(event: Any, timezone: str, me: str) -> Invitation | None:
    start = _moment(event.get("dtstart"), timezone, "start")
    if start is None:
        return None  # an all-day event, or none at all: not an interview's time
    end = _moment(event.get("dtend"), timezone, "end")
    minutes = round((end - start).total_seconds() / 60) if end else None
    where = str(event.get("location") or event.get("url") or "").strip()
    attendees = event.get("attendee") or []
    if not isinstance(attendees, list):
        attendees = [attendees]
    people = [_person(attendee) for attendee in attendees]
    organizer = _person(event.get("organizer")) if event.get("organizer") else None
    return Invitation(
        uid=str(event.get("uid") or "").strip(),
        summary=" ".join(str(event.get("summary") or "").split()),
        start=start,
        minutes=minutes if minutes and 5 <= minutes <= 24 * 60 else None,
        where=where,
        attendees=tuple(p for p in people if p is not None and p.email.casefold() != me),
        organizer=organizer if organizer is None or organizer.email.casefold() != me else None,
    )


def _moment(prop: Any, timezone: str, field_name: str) -> pendulum.DateTime | None:
    """The property's time, in its own zone where that is one pendulum knows: an IANA
    name, or a Windows name as Outlook writes them (`W. Europe Standard Time`, through
    icalendar's own mapping); other zones built from a VTIMEZONE as the same instant in UTC.
    ModelError for a time outside the years a journal keeps."""
    value = getattr(prop, "dt", None)
    if not isinstance(value, datetime):  # (none, or a date alone: all day)
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=pendulum.timezone(timezone))
    check_moment(field_name, value)
    instant = pendulum.instance(value.astimezone(UTC))
    zone = _zone_name(value)
    return instant.in_timezone(zone) if zone else instant


def _zone_name(value: datetime) -> str | None:
    """The IANA name of the zone `value` was given in, if it has one."""
    from icalendar.timezone import tzid_from_dt
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    tzid = tzid_from_dt(value) or ""
    name = WINDOWS_TO_OLSON.get(tzid, tzid)
    try:
        return pendulum.timezone(name).name if name else None
    except ValueError:  # (pendulum's InvalidTimezone)
        return None


def _event_name(event: Any) -> str:
    """`"Onsite – Globex" (UID abc)`: how a person finds the event in their calendar."""
    summary = one_line(str(event.get("summary") or ""))[:60]
    uid = one_line(str(event.get("uid") or ""))[:40]
    named = f'"{summary}"' if summary else "without a title"
    return f"{named} (UID {uid})" if uid else named


def _reason(error: Exception) -> str:
    return one_line(str(error))[:120] or type(error).__name__


def _person(address: Any) -> Interviewer | None:
    if address is None:
        return None
    email = str(address).removeprefix("mailto:").removeprefix("MAILTO:").strip()
    name = str(getattr(address, "params", {}).get("CN", "") or "").strip() or email.split("@")[0]
    if not name:
        return None
    try:
        return Interviewer(name=name, email=email if is_valid_email(email) else "")
    except ModelError:
        return None


# --- from the summary: company, role, stage ----------------------------------------------------


@dataclass(frozen=True)
class Named:
    company: str
    role: str
    stage: Stage | None


def name_from_summary(summary: str) -> Named:
    """`Onsite interview – Globex (Platform Engineer)`, `Platform Engineer at Globex`,
    `Globex: technical interview`: the company, the role (ROLE_UNKNOWN when not said)
    and the stage."""
    stage = next(
        (stage for words, stage in STAGE_WORDS if re.search(words, summary, re.IGNORECASE)),
        None,
    )
    bracketed = re.search(r"\(([^)]+)\)", summary)
    plain = summary
    for words, _ in STAGE_WORDS:
        plain = re.sub(words, " ", plain, flags=re.IGNORECASE)
    if bracketed:
        plain = plain.replace(bracketed.group(0), " ")
    at = re.split(r"\s+at\s+|\s+@\s+", plain, maxsplit=1, flags=re.IGNORECASE)
    if len(at) == 2:
        role, company = at
    else:
        parts = [p for p in re.split(r"\s+[—–|-]\s+|:\s+|\s+/\s+", plain) if _tidy(p)]
        company, role = (parts[0], parts[1]) if len(parts) >= 2 else (plain, "")
        if bracketed:
            role = bracketed.group(1)
        if len(parts) >= 2 and not _tidy(role):
            role = parts[1]
    company, role = _tidy(company), _tidy(role)
    if not company:
        company, role = role or summary.strip() or "Unnamed", ""
    return Named(company, role or ROLE_UNKNOWN, stage)


def _tidy(text: str) -> str:
    return " ".join(FILLER.sub(" ", text).split()).strip(" -–—,.|/")


# --- into the journal ----------------------------------------------------------------------------


@dataclass(frozen=True)
class InvitationPlan:
    """What importing would write, and counts for the summary."""

    interviews: tuple[Interview, ...]
    opportunities: tuple[Opportunity, ...]  # new ones
    added: int
    updated: int
    unchanged: int
    skipped: int

    def summary(self) -> str:
        text = f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"
        if self.skipped:
            text += f", {self.skipped} skipped (not a timed event)"
        return text


def plan_invitations(
    read: ReadCalendar,
    interviews: Sequence[Interview],
    opportunities: Iterable[Opportunity],
    now: datetime,
) -> InvitationPlan:
    """New interviews for new events, the ones made before updated (same UID: its
    time, place and people; the preparation and opportunity kept)."""
    known = list(opportunities)
    by_uid = {i.uid: i for i in interviews if i.uid}
    written: list[Interview] = []
    new_opportunities: list[Opportunity] = []
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    for invitation in read.invitations:
        named = name_from_summary(invitation.summary)
        scheduled: dict[str, Any] = {
            "start": invitation.start,
            "duration_minutes": invitation.minutes,
            "where": invitation.where,
            "interviewers": invitation.attendees,
            "uid": invitation.uid,
        }
        current = by_uid.get(invitation.uid) if invitation.uid else None
        if current is not None:
            changed = replace(current, stage=current.stage or named.stage, **scheduled)
            if changed == current:
                counts["unchanged"] += 1
                continue
            written.append(replace(changed, updated_at=now))
            counts["updated"] += 1
            continue
        opportunity = _opportunity_for(named, invitation, [*known, *new_opportunities], now)
        if opportunity not in known and opportunity not in new_opportunities:
            new_opportunities.append(opportunity)
        written.append(
            Interview(
                opportunity_id=opportunity.id,
                created_at=now,
                updated_at=now,
                stage=named.stage,
                format=_format_of(invitation),
                **scheduled,
            )
        )
        counts["added"] += 1
    return InvitationPlan(tuple(written), tuple(new_opportunities), skipped=read.skipped, **counts)


def _opportunity_for(
    named: Named, invitation: Invitation, known: Sequence[Opportunity], now: datetime
) -> Opportunity:
    """The opportunity with this company and role; or the only one at the company when
    the role was not said; or a new one (the organizer as its recruiter)."""
    fold = str.casefold
    same = [o for o in known if fold(o.company) == fold(named.company)]
    exact = [o for o in same if fold(o.role) == fold(named.role)]
    if exact:
        return exact[0]
    if named.role == ROLE_UNKNOWN and len(same) == 1:
        return same[0]
    organizer = invitation.organizer
    return Opportunity(
        company=named.company,
        role=named.role,
        created_at=now,
        updated_at=now,
        recruiter_name=organizer.name if organizer else "",
        recruiter_email=organizer.email if organizer else "",
    )


def _format_of(invitation: Invitation) -> Format | None:
    where = invitation.where.casefold()
    if any(hint in where for hint in VIDEO_HINTS):
        return Format.VIDEO
    if "phone" in invitation.summary.casefold() or "phone" in where:
        return Format.PHONE
    return Format.IN_PERSON if where else None
