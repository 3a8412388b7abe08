"""Getting data out of the journal in other formats.

iCalendar: pending follow-ups as calendar events, one per item, each with a stable
UID, so importing the file again updates the events instead of duplicating them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from debrief.followups import actionable, describe
from debrief.model import FollowUp, Opportunity, Reflection

EVENT_LENGTH = timedelta(minutes=15)
PRODUCT_ID = "-//Debrief//Follow-ups//EN"


def followups_ics(
    followups: Iterable[FollowUp],
    reflections: Iterable[Reflection],
    opportunities: Iterable[Opportunity],
    *,
    now: datetime,
) -> bytes:
    """An RFC 5545 calendar of every follow-up still to do."""
    from icalendar import Calendar, Event  # loaded only for this export: it is slow to import

    reflections = list(reflections)
    opportunities = list(opportunities)
    reflection_by_id = {r.id: r for r in reflections}
    opportunity_by_id = {o.id: o for o in opportunities}
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Debrief follow-ups")
    for item in sorted(
        actionable(followups, reflections, opportunities), key=lambda f: (f.when, f.id)
    ):
        reflection = reflection_by_id[item.reflection_id]
        opportunity = opportunity_by_id[reflection.opportunity_id]
        event = Event()
        event.add("uid", f"{item.id}@debrief")
        event.add("dtstamp", now)
        start = item.when.astimezone(UTC)  # UTC: every calendar reads it, whatever the zone
        event.add("dtstart", start)
        event.add("dtend", start + EVENT_LENGTH)
        event.add("summary", f"{describe(item)} · {opportunity.title}")
        stage = f"{reflection.stage.label.lower()} " if reflection.stage else ""
        where = f"{opportunity.company} ({opportunity.role})"
        details = [
            f"{item.kind.label} for your {stage}interview at {where}.",
            "Planned by Debrief.",
        ]
        if item.note:
            details.insert(1, f"Note: {item.note}")
        event.add("description", "\n".join(details))
        event.add("categories", ["Debrief", item.kind.label])
        calendar.add_component(event)
    return bytes(calendar.to_ical())
