"""Calendar invitations in: the VEVENTs of an .ics file, read as Outlook, Google, Apple,
Zoom, Webex and the hiring teams' schedulers write them, become interviews ahead.

Reading keeps every event (all-day, recurring and cancelled ones too); a guess then says
which read as interviews and fills in what a person reading the invitation would write
down: company, role and stage (invitation_names), when (in the event's own zone, resolved
by icalendar: VTIMEZONE definitions and Windows zone names), where and how (a join link
makes it video, an address in person, a phone number a call), and who (the user's own
address never a card, "Last, First" turned round, an organizer who is not an attendee the
recruiter). The user confirms the guesses (the app's preview; the shell takes those that
read as interviews), and the plan writes them: again the same UID updates its interview
(a later SEQUENCE moves it, the preparation kept), a cancellation cancels it.
A file that is not a calendar is refused whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

import pendulum

from debrief.invitation_names import (
    COMPANY_UNKNOWN,
    ROLE_UNKNOWN,
    Named,
    name_from_summary,
    reads_as_interview,
)
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

__all__ = [
    "COMPANY_UNKNOWN",
    "ROLE_UNKNOWN",
    "Guess",
    "Invitation",
    "InvitationPlan",
    "InvitationsRejected",
    "Person",
    "ReadCalendar",
    "guess_invitations",
    "name_from_summary",
    "plan_invitations",
    "read_invitations",
]

ALL_DAY_START = (9, 0)  # an all-day interview is kept at 09:00 that day, "time to confirm"
ALL_DAY_MINUTES = 8 * 60
URL = re.compile(r"https://[^\s<>\"'`]+", re.IGNORECASE)
# Links that join a meeting, whatever the words around them.
JOIN_LINK = re.compile(
    r"https://(?:[\w-]+\.)*(?:teams\.microsoft\.com/l/meetup-join/|teams\.live\.com/meet/"
    r"|meet\.google\.com/[a-z]{3}-[a-z]{4}-[a-z]{3}|zoom\.us/(?:j|my|w|s)/|zoomgov\.com/j/"
    r"|webex\.com/(?:[\w.-]+/)?(?:j\.php|meet/|join/)|whereby\.com/|meet\.jit\.si/"
    r"|gotomeet\.me/|gotomeeting\.com/join/|bluejeans\.com/\d|chime\.aws/\d)",
    re.IGNORECASE,
)
# Links in a description that join nothing: help pages, dial-in lists, scheduler pages.
NOT_JOIN_LINK = re.compile(
    r"https://(?:support\.google\.com|tel\.meet|aka\.ms|go\.microsoft\.com"
    r"|(?:[\w-]+\.)*zoom\.us/u/|calendly\.com/(?:cancellations|reschedulings)"
    r"|(?:www\.)?google\.com/(?:maps|calendar)|maps\.|(?:[\w-]+\.)*linkedin\.com)",
    re.IGNORECASE,
)
PHONE = re.compile(r"(?<![\w+])\+\d[\d ().-]{6,}\d(?!\d)")
# A LOCATION that names a meeting service rather than a place.
VIRTUAL_PLACE = re.compile(
    r"\b(?:teams|meet|zoom|webex|skype|online|virtual|remote|video|phone|call|tbd|tba"
    r"|link in (?:the )?description)\b",
    re.IGNORECASE,
)
# Addresses that stand for a service or a team, never a person.
ROLE_ADDRESS = re.compile(
    r"^(?:no-?reply|do-?not-?reply|notifications?|calendar|scheduling|scheduler|invites?"
    r"|recruiting|careers|jobs|talent|hr|noreply-[\w-]+)@",
    re.IGNORECASE,
)
VIDEO_SERVICE = re.compile(r"\b(?:teams|meet|zoom|webex|skype|video)\b", re.IGNORECASE)
NOT_A_PERSON = ("ROOM", "RESOURCE", "GROUP", "UNKNOWN")


class InvitationsRejected(ValueError):
    """The file can't be read as a calendar; nothing is imported."""


@dataclass(frozen=True)
class Person:
    name: str  # as a person writes it ("Ayşe Öztürk", not "Öztürk, Ayşe")
    email: str
    named: bool = True  # False: the calendar gave only the address


@dataclass(frozen=True)
class Invitation:
    """One VEVENT, as read."""

    uid: str
    summary: str
    start: datetime  # in the event's own zone where it has one (UTC otherwise)
    minutes: int | None
    zone: str  # the IANA name of the event's zone ("" for UTC, floating or unknown)
    all_day: bool
    recurring: bool
    cancelled: bool
    sequence: int
    location: str
    description: str
    conference: tuple[str, ...]  # X-GOOGLE-CONFERENCE, CONFERENCE, URL
    attendees: tuple[Person, ...]
    organizer: Person | None


@dataclass(frozen=True)
class ReadCalendar:
    invitations: list[Invitation]
    skipped: int  # components that are not events (tasks, journal entries…)


def read_invitations(payload: bytes, name: str, timezone: str) -> ReadCalendar:
    """Every event of an .ics file (floating times taken in `timezone`, the user's), or
    InvitationsRejected naming the file."""
    from icalendar import Calendar  # loaded only for an import: it is slow to import
    from icalendar.timezone import tzp

    # icalendar keeps the VTIMEZONEs it has read for the whole process: one file's (or a
    # damaged file's) "Pacific Standard Time" would then time the next file's events.
    tzp.use_default()  # (public: resets that cache) each file is read on its own

    # icalendar's parser fails in many ways on a damaged file (ValueError, KeyError, an
    # AttributeError for a VTIMEZONE with two TZIDs…): each means it is not a calendar.
    try:
        calendar = Calendar.from_ical(payload)
    except Exception as error:
        raise InvitationsRejected(f"{name} is not a calendar file ({_reason(error)}).") from None
    if calendar.name != "VCALENDAR":
        raise InvitationsRejected(f"{name} is not a calendar file (no VCALENDAR).")
    cancelling = str(calendar.get("method") or "").strip().upper() == "CANCEL"
    invitations: list[Invitation] = []
    skipped = 0
    for component in calendar.subcomponents:
        if component.name == "VTIMEZONE":
            continue
        if component.name != "VEVENT":
            skipped += 1
            continue
        try:
            invitation = _invitation(component, users_zone(timezone), cancelling)
        except Exception as error:  # (ModelError; icalendar's values fail in many ways)
            raise InvitationsRejected(
                f"{name}: the event {_event_name(component)} can't be read ({_reason(error)})."
            ) from None
        if invitation is None:
            skipped += 1
        else:
            invitations.append(invitation)
    return ReadCalendar(invitations, skipped)


def users_zone(name: str) -> tzinfo:
    """The user's zone by its name: an IANA name, or an offset (`+01:00`, what a fixed
    clock has); UTC for one that is neither."""
    try:
        return pendulum.timezone(name or "UTC")
    except ValueError:  # (pendulum's InvalidTimezone)
        pass
    match = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", name.strip())
    if match is None:
        return UTC
    sign = 1 if match.group(1) == "+" else -1
    minutes = int(match.group(2)) * 60 + int(match.group(3))
    return pendulum.FixedTimezone(sign * minutes * 60) if minutes < 24 * 60 else UTC


def _invitation(event: Any, timezone: tzinfo, cancelling: bool) -> Invitation | None:
    raw_start = getattr(event.get("dtstart"), "dt", None)
    if isinstance(raw_start, datetime):
        start, zone = _moment(raw_start, timezone, "start")
        all_day = False
    elif isinstance(raw_start, date):
        start = pendulum.datetime(raw_start.year, raw_start.month, raw_start.day, tz=timezone)
        start = start.set(hour=ALL_DAY_START[0], minute=ALL_DAY_START[1])
        check_moment("start", start)
        zone, all_day = "", True
    else:
        return None  # no time at all: not an interview's
    minutes: int | None = None
    raw_end = getattr(event.get("dtend"), "dt", None)
    if all_day:
        minutes = ALL_DAY_MINUTES
    elif isinstance(raw_end, datetime):
        end, _ = _moment(raw_end, timezone, "end")
        minutes = round((end - start).total_seconds() / 60)
    elif isinstance(getattr(event.get("duration"), "dt", None), timedelta):
        minutes = round(event.get("duration").dt.total_seconds() / 60)
    status = str(event.get("status") or "").strip().upper()
    conference = [str(event.get(key) or "").strip() for key in ("x-google-conference", "url")]
    conference += [str(value) for value in _many(event.get("conference"))]
    sequence = event.get("sequence")
    return Invitation(
        uid=str(event.get("uid") or "").strip(),
        summary=" ".join(str(event.get("summary") or "").split()),
        start=start,
        minutes=minutes if minutes and 5 <= minutes <= 24 * 60 else None,
        zone=zone,
        all_day=all_day,
        recurring=bool(event.get("rrule") or event.get("rdate") or event.get("recurrence-id")),
        cancelled=cancelling or status == "CANCELLED",
        sequence=max(0, min(int(sequence or 0), 10**9)),
        location=str(event.get("location") or "").strip(),
        description=str(event.get("description") or ""),
        conference=tuple(c for c in conference if c),
        attendees=tuple(p for a in _many(event.get("attendee")) if (p := _person(a))),
        organizer=_person(event.get("organizer")),
    )


def _many(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _moment(value: datetime, timezone: tzinfo, field_name: str) -> tuple[pendulum.DateTime, str]:
    """The time, in its own zone where it names one that icalendar knows (an IANA name,
    a Windows name as Outlook writes them, through icalendar's own lookup), else the same
    instant in UTC (a zone built only from a VTIMEZONE); floating times in `timezone`.
    ModelError for a time outside the years a journal keeps."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone)
        check_moment(field_name, value)
        return pendulum.instance(value), ""
    check_moment(field_name, value)
    instant = pendulum.instance(value.astimezone(UTC))
    zone = _zone_name(value)
    return (instant.in_timezone(zone), zone) if zone else (instant, "")


def zone_of(tzid: str) -> str:
    """The IANA name of a TZID ("W. Europe Standard Time" → "Europe/Berlin", through
    icalendar's own Windows mapping; "/vendor/Europe/Berlin" → "Europe/Berlin"), or "" for
    one no zone database knows (a zone only its VTIMEZONE defines) and for UTC."""
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    cleaned = tzid.strip().strip('"').strip("/")
    parts = cleaned.split("/")
    tried = [WINDOWS_TO_OLSON.get(cleaned, cleaned)]
    tried += ["/".join(parts[start:]) for start in range(1, len(parts))]
    for name in tried:
        if not name or name.upper() in ("UTC", "ETC/UTC", "GMT", "Z", "ETC/GMT"):
            return ""
        try:
            return pendulum.timezone(name).name
        except (ValueError, OSError):  # (pendulum's InvalidTimezone; a path-like name)
            continue
    return ""


def _zone_name(value: datetime) -> str:
    from icalendar.timezone import tzid_from_dt

    return zone_of(tzid_from_dt(value) or "")


def _event_name(event: Any) -> str:
    """`"Onsite – Globex" (UID abc)`: how a person finds the event in their calendar."""
    summary = one_line(str(event.get("summary") or ""))[:60]
    uid = one_line(str(event.get("uid") or ""))[:40]
    named = f'"{summary}"' if summary else "without a title"
    return f"{named} (UID {uid})" if uid else named


def _reason(error: Exception) -> str:
    return one_line(str(error))[:120] or type(error).__name__


def _person(address: Any) -> Person | None:
    """An ATTENDEE or ORGANIZER who is a person (not a room or a resource)."""
    if address is None:
        return None
    params = getattr(address, "params", {})
    if str(params.get("CUTYPE", "") or "").upper() in NOT_A_PERSON:
        return None
    email = re.sub(r"^mailto:", "", str(address).strip(), flags=re.IGNORECASE).strip()
    if not is_valid_email(email) or "resource.calendar.google.com" in email.casefold():
        email = ""
    cn = " ".join(str(params.get("CN", "") or "").strip().strip('"').split())
    named = bool(cn) and cn.casefold() != email.casefold() and "@" not in cn
    name = person_name(cn) if named else _name_from_address(email)
    if not name and not email:
        return None
    return Person(name or email, email, named)


def person_name(text: str) -> str:
    """`Öztürk, Ayşe` → `Ayşe Öztürk` (Outlook writes names last name first)."""
    last, comma, first = text.partition(",")
    if comma and first.strip() and last.strip() and "," not in first:
        suffix = re.fullmatch(r"\s*(?:jr|sr|ii|iii|iv|phd|md|esq)\.?\s*", first, re.IGNORECASE)
        if not suffix and len(last.split()) <= 3 and len(first.split()) <= 3:
            return f"{first.strip()} {last.strip()}"
    return text.strip()


def _name_from_address(email: str) -> str:
    """`jana.schmidt@…` → "Jana Schmidt"; a single word stays as it is."""
    local = email.partition("@")[0]
    words = [w for w in re.split(r"[._-]+", local) if w.isalpha()]
    return " ".join(w.capitalize() for w in words) if len(words) >= 2 else local


# --- where and how ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    format: Format | None
    where: str  # the join link, the address, or the number to call on
    link: str  # a join link, when there is one


def place_of(invitation: Invitation) -> Place:
    """A join link (a meeting service's, in any property; else any https link in the
    conference properties or LOCATION) makes it video; a place in LOCATION in person; a
    phone number (and no link) a call; else any other https link in DESCRIPTION."""
    location = invitation.location
    texts = [*invitation.conference, location, invitation.description]
    for text in texts:
        for link in _links(text):
            if JOIN_LINK.match(link):
                return Place(Format.VIDEO, link, link)
    for text in [*invitation.conference, location]:
        for link in _links(text):
            if not NOT_JOIN_LINK.match(link):
                return Place(Format.VIDEO, link, link)
    place = ", ".join(line.strip() for line in location.splitlines() if line.strip())
    phone = PHONE.search(location)
    virtual = VIRTUAL_PLACE.search(place) is not None and not re.search(r"\d", place)
    if place and not phone and not virtual:
        return Place(Format.IN_PERSON, place, "")
    if phone:
        return Place(Format.PHONE, _phone(phone.group(0)), "")
    for link in _links(invitation.description):
        if not NOT_JOIN_LINK.match(link):
            return Place(Format.VIDEO, link, link)
    phone = PHONE.search(invitation.description)
    if phone or re.search(r"\bphone\b", f"{invitation.summary} {place}", re.IGNORECASE):
        return Place(Format.PHONE, _phone(phone.group(0)) if phone else place, "")
    if VIDEO_SERVICE.search(place):  # ("Microsoft Teams Meeting", the link to come)
        return Place(Format.VIDEO, place, "")
    return Place(None, place, "")


def _links(text: str) -> list[str]:
    return [match.group(0).rstrip(".,;:)>]") for match in URL.finditer(text)]


def _phone(text: str) -> str:
    return " ".join(text.split())


# --- the guess: which events are interviews, and what they say ----------------------------------


@dataclass(frozen=True)
class Me:
    """Who the user is: their profile's address and name."""

    email: str = ""
    name: str = ""


@dataclass(frozen=True)
class Guess:
    """One event, as the preview shows it: ticked or not (and why), and what importing
    it would write."""

    invitation: Invitation
    interview_like: bool
    ticked: bool
    why: str  # why it is left out ("repeats", "all day", "past", "not an interview"…)
    action: str  # "add", "update", "cancel", "unchanged", "nothing" (can't be ticked)
    company: str
    role: str
    stage: Stage | None
    format: Format | None
    where: str
    link: str
    people: tuple[Interviewer, ...]
    recruiter: Interviewer | None
    existing: Interview | None = None  # the interview of the same UID, imported before
    opportunity: Opportunity | None = None  # the user's own one it joins
    named: Named | None = field(default=None, compare=False)

    @property
    def time_to_confirm(self) -> bool:
        return self.invitation.all_day


def guess_invitations(
    read: ReadCalendar,
    interviews: Sequence[Interview],
    opportunities: Sequence[Opportunity],
    now: datetime,
    me: Me = Me(),
    *,
    take_all: bool = False,
) -> list[Guess]:
    """Each event's guess, soonest first. Ticked: what reads as an interview (and is not
    recurring, past, or an all-day event that is not one); `take_all`: every timed event
    (and all-day interviews). A cancellation is ticked when it cancels one imported
    before; an event older than the one imported (a lower SEQUENCE) changes nothing."""
    by_uid = {i.uid: i for i in interviews if i.uid}
    mine = _own_addresses(read.invitations, me)
    guesses = [
        _guess(invitation, by_uid.get(invitation.uid), opportunities, now, me, mine, take_all)
        for invitation in read.invitations
    ]
    return sorted(guesses, key=lambda g: g.invitation.start.timestamp())


def _guess(
    invitation: Invitation,
    existing: Interview | None,
    opportunities: Sequence[Opportunity],
    now: datetime,
    me: Me,
    mine: set[str],
    take_all: bool,
) -> Guess:
    people = [p for p in invitation.attendees if p.email.casefold() not in mine]
    own_names = [me.name, *(p.name for p in invitation.attendees if p.email.casefold() in mine)]
    organizer = invitation.organizer
    if organizer is not None and organizer.email.casefold() in mine:
        organizer = None
    domains = [p.email.rpartition("@")[2] for p in [*people, *([organizer] if organizer else [])]]
    named = name_from_summary(
        invitation.summary,
        opportunities,
        domains,
        own_name=next((n for n in own_names if n.strip()), ""),
    )
    cards = _cards(people, organizer, named, own_names)
    recruiter = None
    attendee_addresses = {p.email.casefold() for p in people if p.email}
    if (
        organizer is not None
        and organizer.email.casefold() not in attendee_addresses
        and not any(c.name.casefold() == organizer.name.casefold() for c in cards)
        and not ROLE_ADDRESS.match(organizer.email)
    ):
        recruiter = _card(organizer.name, organizer.email)
    place = place_of(invitation)
    interview_like = reads_as_interview(invitation.summary) or existing is not None
    ticked, why, action = _decide(invitation, existing, interview_like, now, take_all)
    return Guess(
        invitation=invitation,
        interview_like=interview_like,
        ticked=ticked,
        why=why,
        action=action,
        company=named.company,
        role=named.role,
        stage=named.stage,
        format=place.format,
        where=place.where,
        link=place.link,
        people=tuple(cards),
        recruiter=recruiter,
        existing=existing,
        opportunity=named.opportunity,
        named=named,
    )


def _decide(
    invitation: Invitation,
    existing: Interview | None,
    interview_like: bool,
    now: datetime,
    take_all: bool,
) -> tuple[bool, str, str]:
    """Ticked or not, why not, and what it would do."""
    if existing is not None:
        if invitation.sequence < existing.sequence:
            return False, "an older copy of one imported", "unchanged"
        if invitation.cancelled:
            if existing.cancelled_at is not None:
                return False, "cancelled already", "unchanged"
            return True, "", "cancel"
        return True, "", "update"
    if invitation.cancelled:
        return False, "cancelled", "nothing"  # (never imported: nothing to cancel)
    end = invitation.start + timedelta(minutes=invitation.minutes or 60)
    if invitation.all_day:
        end = pendulum.instance(invitation.start).end_of("day")
    if take_all and (interview_like or not invitation.all_day):
        return True, "", "add"
    if invitation.recurring:
        return False, "repeats", "add"
    if invitation.all_day and not interview_like:
        return False, "all day", "add"
    if end <= now:
        return False, "past", "add"
    if not interview_like:
        return False, "not an interview", "add"
    return True, "", "add"


def _own_addresses(invitations: Sequence[Invitation], me: Me) -> set[str]:
    """The user's addresses: the profile's; an attendee of the profile's name; in an
    invitation from an employer, the one attendee outside the employer's domain; and an
    address invited to every event of a file of several."""
    mine = {me.email.casefold()} if me.email else set()
    for invitation in invitations:
        for person in invitation.attendees:
            if me.name and person.name.casefold() == me.name.casefold():
                mine.add(person.email.casefold())
        organizer = invitation.organizer
        if organizer is None or not organizer.email:
            continue
        home = organizer.email.rpartition("@")[2].casefold()
        others = [
            p for p in invitation.attendees
            if p.email and p.email.rpartition("@")[2].casefold() != home
            and p.email.casefold() != organizer.email.casefold()
        ]  # fmt: skip
        insiders = [p for p in invitation.attendees if p.email.rpartition("@")[2] == home]
        if len(others) == 1 and (insiders or len(invitation.attendees) == 1):
            mine.add(others[0].email.casefold())
    with_people = [i for i in invitations if i.attendees]
    if len(with_people) >= 2:
        everywhere = set.intersection(
            *({p.email.casefold() for p in i.attendees if p.email} for i in with_people)
        )
        if len(everywhere) == 1:
            mine |= everywhere
    mine.discard("")
    return mine


def _cards(
    people: Sequence[Person], organizer: Person | None, named: Named, own_names: Sequence[str]
) -> list[Interviewer]:
    """The interviewers: the attendees (less the user), and whoever the summary names
    ("Interview with Priya Raman", "… between Dana Whitfield and Alex Morgan")."""
    own = {n.casefold() for n in own_names if n.strip()}
    cards: list[Interviewer] = []
    for person in people:
        card = _card(person.name, person.email)
        if card is not None and card.name.casefold() not in own:
            cards.append(card)
    for name in named.people:
        if name.casefold() in own or any(c.name.casefold() == name.casefold() for c in cards):
            continue
        same = organizer is not None and organizer.name.casefold() == name.casefold()
        email = organizer.email if organizer is not None and same else ""
        card = _card(name, email)
        if card is not None:
            cards.append(card)
    return cards


def _card(name: str, email: str) -> Interviewer | None:
    try:
        return Interviewer(name=name[:200], email=email)
    except ModelError:
        return None


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
    cancelled: int = 0
    left_out: tuple[Guess, ...] = ()

    def summary(self) -> str:
        text = f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"
        if self.cancelled:
            text += f", {self.cancelled} cancelled"
        if self.left_out:
            text += f", {len(self.left_out)} left out"
        if self.skipped:
            text += f", {self.skipped} skipped (not an event)"
        return text


def plan_invitations(
    guesses: Iterable[Guess],
    opportunities: Iterable[Opportunity],
    now: datetime,
    skipped: int = 0,
) -> InvitationPlan:
    """What the ticked guesses write: new interviews (on the user's opportunity it names,
    or a new one with the organizer as its recruiter), the ones imported before moved or
    cancelled (the preparation, opportunity and stage kept)."""
    known = list(opportunities)
    written: list[Interview] = []
    new_opportunities: list[Opportunity] = []
    counts = {"added": 0, "updated": 0, "unchanged": 0, "cancelled": 0}
    left_out: list[Guess] = []
    for guess in guesses:
        if not guess.ticked:
            if guess.action == "unchanged" or guess.existing is not None:
                counts["unchanged"] += 1
            else:
                left_out.append(guess)
            continue
        invitation = guess.invitation
        current = guess.existing
        if current is not None and guess.action == "cancel":
            written.append(replace(current, cancelled_at=now, sequence=invitation.sequence,
                                   updated_at=now))  # fmt: skip
            counts["cancelled"] += 1
            continue
        scheduled: dict[str, Any] = {
            "start": invitation.start,
            "duration_minutes": invitation.minutes,
            "where": guess.where,
            "interviewers": guess.people,
            "uid": invitation.uid,
            "zone": invitation.zone,
            "sequence": invitation.sequence,
            "time_to_confirm": invitation.all_day,
        }
        if current is not None:
            changed = replace(
                current,
                stage=current.stage or guess.stage,
                format=guess.format or current.format,
                cancelled_at=None,
                **scheduled,
            )
            if changed == current:
                counts["unchanged"] += 1
                continue
            written.append(replace(changed, updated_at=now))
            counts["updated"] += 1
            continue
        opportunity = _opportunity_for(guess, [*known, *new_opportunities], now)
        if opportunity not in known and opportunity not in new_opportunities:
            new_opportunities.append(opportunity)
        written.append(
            Interview(
                opportunity_id=opportunity.id,
                created_at=now,
                updated_at=now,
                stage=guess.stage,
                format=guess.format,
                **scheduled,
            )
        )
        counts["added"] += 1
    return InvitationPlan(
        tuple(written),
        tuple(new_opportunities),
        skipped=skipped,
        left_out=tuple(left_out),
        **counts,
    )


def _opportunity_for(guess: Guess, known: Sequence[Opportunity], now: datetime) -> Opportunity:
    """The opportunity with this company and role (as corrected in the preview); or the
    only one at the company when the role was not said; or a new one (the organizer who
    is not an attendee as its recruiter)."""
    fold = str.casefold
    company, role = guess.company.strip() or COMPANY_UNKNOWN, guess.role.strip() or ROLE_UNKNOWN
    same = [o for o in known if fold(o.company) == fold(company)]
    exact = [o for o in same if fold(o.role) == fold(role)]
    if exact:
        return exact[0]
    if role == ROLE_UNKNOWN and len(same) == 1:
        return same[0]
    recruiter = guess.recruiter
    return Opportunity(
        company=company,
        role=role,
        created_at=now,
        updated_at=now,
        recruiter_name=recruiter.name if recruiter else "",
        recruiter_email=recruiter.email if recruiter else "",
    )
