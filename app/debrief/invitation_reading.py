"""Reading a calendar file: every VEVENT of an .ics file as an `Invitation`, as Outlook,
Google, Apple, Zoom, Webex and the hiring teams' schedulers write them (all-day, recurring
and cancelled ones too): when, in the event's own zone (resolved by icalendar: VTIMEZONE
definitions and Windows zone names); who, as people write their names ("Last, First"
turned round, rooms and resources left out); and where and how (`place_of`: a join link
makes it video, an address in person, a phone number a call). A file that is not a
calendar is refused whole (`InvitationsRejected`). Which events are interviews, and what
importing them writes, is `debrief.invitations`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

import pendulum

from debrief.model import Format, ModelError, check_moment, is_valid_email
from debrief.text import one_line

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
    if not payload.strip():
        raise InvitationsRejected(f"{name} is empty.")
    if b"BEGIN:VCALENDAR" not in payload[:4096].upper():
        raise InvitationsRejected(
            f"{name} is not a calendar file: an invitation's .ics begins with "
            "BEGIN:VCALENDAR (save it from the email's attachment)."
        )
    try:
        calendar = Calendar.from_ical(payload)
    except Exception as error:
        raise InvitationsRejected(
            f"{name} is not a calendar file that can be read: {_file_fault(error)}."
        ) from None
    if calendar.name != "VCALENDAR":
        raise InvitationsRejected(f"{name} is not a calendar file (it holds no VCALENDAR).")
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
                f"{name}: the event {_event_name(component)} can't be read "
                f"({_event_fault(error)})."
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


# What icalendar's messages name, in a user's words.
PROPERTY_WORDS = {
    "DTSTART": "its start", "DTEND": "its end", "DURATION": "its length",
    "RRULE": "its repeat rule", "SEQUENCE": "its version number", "TZID": "its time zone",
    "ATTENDEE": "a guest", "ORGANIZER": "its organizer",
}  # fmt: skip


def _file_fault(error: Exception) -> str:
    """Where icalendar's parser tripped, without its jargon: the line it could not read."""
    line = re.search(r"parsed into parts: '([^']{0,60})", str(error))
    if line:
        return f"the line “{one_line(line.group(1))}” is not a calendar line"
    if "exactly one is required" in str(error) or "END:" in str(error):
        return "it is cut short or its parts don't close"
    return "its text is damaged"


def _event_fault(error: Exception) -> str:
    """Which of the event's fields is damaged, and how, in a user's words (our own
    ModelError already speaks them)."""
    text = one_line(str(error))
    if isinstance(error, ModelError):
        return text[:160]
    field = re.search(r"property '([A-Z-]+)'", text)
    value = re.search(r"Wrong (?:datetime|date|duration) format: (\S{1,40})", text)
    what = PROPERTY_WORDS.get(field.group(1), field.group(1)) if field else "one of its fields"
    if value:
        return f"{what} “{value.group(1)}” is not a date and time"
    return f"{what} is damaged"


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
