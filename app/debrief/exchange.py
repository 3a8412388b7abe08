"""The journal in other formats, and back.

- JSON: lossless (every record, the profile, the decision), versioned; import merges by id.
- CSV: one row per reflection, safe to open in a spreadsheet.
- Markdown: a readable document, one section per opportunity.
- iCalendar: pending follow-ups as events with stable UIDs, so re-importing updates them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pendulum

from debrief.dates import format_day, format_moment, plural
from debrief.followups import actionable, describe
from debrief.interviews import interview_title
from debrief.model import (
    Bundle,
    Decision,
    FollowUp,
    Interview,
    ModelError,
    Opportunity,
    Reflection,
    Settings,
    from_dict,
    to_dict,
)
from debrief.questionnaire import AnswerContext
from debrief.text import calendar_safe, md_escape, printable_lines

EVENT_LENGTH = timedelta(minutes=15)
REMINDER_BEFORE = timedelta(hours=1)  # an interview ahead, in the exported calendar
PRODUCT_ID = "-//Debrief//Follow-ups//EN"


class _InZone:
    """Times in the user's zone (that of `now`), as the app shows them; UTC when it has
    no name."""

    def __init__(self, now: datetime) -> None:
        import zoneinfo

        name = str(getattr(now, "timezone_name", "") or getattr(now.tzinfo, "key", "") or "")
        try:
            self.zone = zoneinfo.ZoneInfo(name) if name and "/" in name else None
        except (ValueError, zoneinfo.ZoneInfoNotFoundError):
            self.zone = None

    def __call__(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone or UTC)


def followups_ics(
    followups: Iterable[FollowUp],
    reflections: Iterable[Reflection],
    opportunities: Iterable[Opportunity],
    *,
    now: datetime,
    interviews: Iterable[Interview] = (),
) -> bytes:
    """An RFC 5545 calendar of every follow-up still to do, and of the interviews ahead
    scheduled in Debrief (with a reminder an hour before; those imported from an
    invitation are in the calendar already, under the organiser's own event)."""
    from icalendar import Alarm, Calendar, Event  # loaded only here: it is slow to import

    reflections = list(reflections)
    opportunities = list(opportunities)
    reflection_by_id = {r.id: r for r in reflections}
    opportunity_by_id = {o.id: o for o in opportunities}
    local = _InZone(now)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Debrief follow-ups")
    for interview in sorted(interviews, key=lambda i: (i.start, i.id)):
        opportunity = opportunity_by_id.get(interview.opportunity_id)
        if interview.uid or not interview.open or interview.end <= now or opportunity is None:
            continue
        event = Event()
        event.add("uid", f"{interview.id}@debrief")
        event.add("dtstamp", now)
        event.add("dtstart", local(interview.start))
        event.add("dtend", local(interview.end))
        event.add("summary", calendar_safe(f"Interview: {interview_title(interview, opportunity)}"))
        if interview.where:
            event.add("location", calendar_safe(interview.where))
        people = ", ".join(p.name for p in interview.interviewers)
        details = [f"{opportunity.role} at {opportunity.company}."]
        details += [f"With {people}."] if people else []
        details.append("Prepare it in Debrief (b on the home screen), and reflect after.")
        event.add("description", calendar_safe("\n".join(details)))
        event.add("categories", ["Debrief", "Interview"])
        reminder = Alarm()
        reminder.add("action", "DISPLAY")
        reminder.add("description", calendar_safe(f"Interview: {opportunity.company} in an hour"))
        reminder.add("trigger", -REMINDER_BEFORE)
        event.add_component(reminder)
        calendar.add_component(event)
    for item in sorted(
        actionable(followups, reflections, opportunities), key=lambda f: (f.when, f.id)
    ):
        reflection = reflection_by_id[item.reflection_id]
        opportunity = opportunity_by_id[reflection.opportunity_id]
        event = Event()
        event.add("uid", f"{item.id}@debrief")
        event.add("dtstamp", now)
        start = local(item.when)
        event.add("dtstart", start)
        event.add("dtend", start + EVENT_LENGTH)
        event.add("summary", calendar_safe(f"{describe(item)} · {opportunity.title}"))
        stage = f"{reflection.stage.label.lower()} " if reflection.stage else ""
        where = f"{opportunity.company} ({opportunity.role})"
        details = [
            f"{item.kind.label} for your {stage}interview at {where}.",
            "Planned by Debrief.",
        ]
        if item.note:
            details.insert(1, f"Note: {item.note}")
        event.add("description", calendar_safe("\n".join(details)))
        event.add("categories", ["Debrief", item.kind.label])
        calendar.add_component(event)
    if local.zone is not None:
        calendar.add_missing_timezones()  # (its VTIMEZONE: every calendar reads it)
    return bytes(calendar.to_ical())


# --- the lossless JSON export, and importing it back ------------------------------------------

EXPORT_FORMAT = "debrief-export"
# 2: scheduled interviews, questions asked, recruiter details, replies, own checklist.
# Version 1 exports read as they are: every new field has a default.
EXPORT_VERSION = 2
READS_VERSIONS = (1, 2)
RECORD_KINDS: tuple[tuple[str, type[Any]], ...] = (
    ("opportunities", Opportunity),
    ("reflections", Reflection),
    ("followups", FollowUp),
    ("interviews", Interview),
)


class ImportRejected(ValueError):
    """The file can't be imported; the message names the file, the record and the field."""


def export_document(bundle: Bundle) -> dict[str, Any]:
    """Format name and version first, then every record in a stable (id) order."""
    document: dict[str, Any] = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION}
    for kind, _ in RECORD_KINDS:
        records: Sequence[Any] = getattr(bundle, kind)
        document[kind] = [to_dict(record) for record in sorted(records, key=lambda r: r.id)]
    document["settings"] = to_dict(bundle.settings) if bundle.settings else None
    document["decision"] = to_dict(bundle.decision) if bundle.decision else None
    return document


def export_json(bundle: Bundle) -> bytes:
    import orjson

    return orjson.dumps(export_document(bundle), option=orjson.OPT_INDENT_2) + b"\n"


def parse_export(payload: bytes, name: str) -> Bundle:
    """A validated bundle from an export file, or ImportRejected saying what is wrong where."""
    import orjson

    try:
        document = orjson.loads(payload)
    except orjson.JSONDecodeError as error:
        raise ImportRejected(f"{name} is not valid JSON ({error}).") from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ImportRejected(f'{name} is not a Debrief export (no "format": "{EXPORT_FORMAT}").')
    version = document.get("version")
    if version not in READS_VERSIONS:
        raise ImportRejected(
            f"{name} has export version {version!r}; this Debrief reads versions "
            f"{READS_VERSIONS[0]}–{READS_VERSIONS[-1]}."
        )
    parts: dict[str, Any] = {}
    for kind, record_class in RECORD_KINDS:
        items = document.get(kind, [])
        if not isinstance(items, list):
            raise ImportRejected(f'{name}: "{kind}" must be a list.')
        parts[kind] = tuple(
            _record(name, kind, number, record_class, item)
            for number, item in enumerate(items, start=1)
        )
    for key, record_class in (("settings", Settings), ("decision", Decision)):
        raw = document.get(key)
        parts[key] = None if raw is None else _record(name, key, 1, record_class, raw)
    bundle = Bundle(**parts)
    _check_links(bundle, name)
    return bundle


def _record(name: str, kind: str, number: int, record_class: type[Any], raw: Any) -> Any:
    try:
        return from_dict(record_class, raw)
    except ModelError as error:
        record_id = raw.get("id") if isinstance(raw, dict) else None
        which = f"{kind} #{number}" + (f" (id {record_id})" if record_id else "")
        raise ImportRejected(f"{name}: {which}, field {error.field}: {error.message}.") from None


def _check_links(bundle: Bundle, name: str) -> None:
    opportunities = {o.id for o in bundle.opportunities}
    for reflection in bundle.reflections:
        if reflection.opportunity_id not in opportunities:
            missing = "belongs to an opportunity that is not in the file"
            raise ImportRejected(f"{name}: reflection {reflection.id} {missing}.")
    for interview in bundle.interviews:
        if interview.opportunity_id not in opportunities:
            missing = "belongs to an opportunity that is not in the file"
            raise ImportRejected(f"{name}: interview {interview.id} {missing}.")
    reflections = {r.id for r in bundle.reflections}
    for item in bundle.followups:
        if item.reflection_id not in reflections:
            raise ImportRejected(
                f"{name}: follow-up {item.id} belongs to a reflection that is not in the file."
            )
    for kind, _ in RECORD_KINDS:
        ids = [record.id for record in getattr(bundle, kind)]
        if len(ids) != len(set(ids)):
            raise ImportRejected(f"{name}: two {kind} share an id.")


@dataclass(frozen=True)
class MergePlan:
    """What an import would change: records to write, and counts for the summary."""

    writes: Bundle
    added: int
    updated: int
    unchanged: int
    kept_newer: int

    def summary(self) -> str:
        text = f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"
        if self.kept_newer:
            text += f", {self.kept_newer} kept (yours are newer)"
        return text


def plan_merge(incoming: Bundle, existing: Bundle) -> MergePlan:
    """Merge by id: new records are added, identical ones skipped, changed ones taken only if newer.

    Opportunities, reflections and scheduled interviews compare `updated_at`; follow-ups
    have none, so an existing follow-up stays as it is unless its reflection is taken from
    the file. Settings and the
    decision are taken only when the journal has none yet.
    """
    counts = {"added": 0, "updated": 0, "unchanged": 0, "kept_newer": 0}
    writes: dict[str, list[Any]] = {kind: [] for kind, _ in RECORD_KINDS}
    taken_reflections: set[str] = set()
    for kind in ("opportunities", "reflections", "interviews"):
        mine = {record.id: record for record in getattr(existing, kind)}
        for record in getattr(incoming, kind):
            current = mine.get(record.id)
            if current is None:
                counts["added"] += 1
            elif current == record:
                counts["unchanged"] += 1
                continue
            elif record.updated_at > current.updated_at:
                counts["updated"] += 1
            else:
                counts["kept_newer"] += 1
                continue
            writes[kind].append(record)
            if kind == "reflections":
                taken_reflections.add(record.id)
    mine_followups = {f.id: f for f in existing.followups}
    for item in incoming.followups:
        current = mine_followups.get(item.id)
        if current == item:
            counts["unchanged"] += 1
        elif current is None or item.reflection_id in taken_reflections:
            counts["added" if current is None else "updated"] += 1
            writes["followups"].append(item)
        else:
            counts["kept_newer"] += 1
    bundle = Bundle(
        opportunities=tuple(writes["opportunities"]),
        reflections=tuple(writes["reflections"]),
        followups=tuple(writes["followups"]),
        settings=incoming.settings if existing.settings is None else None,
        decision=incoming.decision if existing.decision is None else None,
        interviews=tuple(writes["interviews"]),
    )
    return MergePlan(bundle, **counts)


# --- CSV and Markdown, for people and spreadsheets ------------------------------------------

CSV_COLUMNS = (
    "interview date", "time", "company", "role", "stage", "format", "status", "rating",
    "want the job", "interviewers", "next steps", "hear by", "questions asked", "id",
)  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """A cell a spreadsheet will never run as a formula: a leading =, +, -, @ gets a quote.
    Its control characters (but newline and tab) and bidi overrides are visible symbols,
    as a terminal shows them (`text.printable_lines`): `cat` of the file obeys none."""
    text = printable_lines(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def export_csv(bundle: Bundle) -> bytes:
    """One row per reflection, oldest first: proof of applications (e.g. for a job centre)."""
    import csv
    import io

    opportunities = {o.id: o for o in bundle.opportunities}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for reflection in sorted(bundle.reflections, key=lambda r: (r.interview_at, r.id)):
        opportunity = opportunities[reflection.opportunity_id]
        people = "; ".join(
            f"{p.name} ({p.title})" if p.title else p.name for p in reflection.interviewers
        )
        row = [
            reflection.interview_at.strftime("%Y-%m-%d"),
            reflection.interview_at.strftime("%H:%M"),
            opportunity.company,
            opportunity.role,
            reflection.stage.label if reflection.stage else "",
            reflection.format.label if reflection.format else "",
            opportunity.status.label,
            str(reflection.rating),
            str(reflection.want_job or ""),
            people,
            reflection.next_steps,
            reflection.reply_by.isoformat() if reflection.reply_by else "",
            "; ".join(question.text for question in reflection.questions),
            reflection.id,
        ]
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return out.getvalue().encode("utf-8")


def export_markdown(bundle: Bundle, ctx: AnswerContext) -> bytes:
    """The journal as a document: one section per opportunity, its rounds in order."""
    from debrief.document import reflection_document

    lines = ["# Debrief journal", ""]
    by_opportunity: dict[str, list[Reflection]] = {}
    for reflection in sorted(bundle.reflections, key=lambda r: r.interview_at):
        by_opportunity.setdefault(reflection.opportunity_id, []).append(reflection)
    followups = sorted(bundle.followups, key=lambda f: (f.when, f.key))
    for opportunity in sorted(
        bundle.opportunities, key=lambda o: (o.company.casefold(), o.role.casefold())
    ):
        rounds = by_opportunity.get(opportunity.id, [])
        lines += [
            f"## {md_escape(opportunity.title)}",
            "",
            f"Status: {opportunity.status.label} · {plural(len(rounds), 'round')}",
            "",
        ]
        for interview in sorted(bundle.interviews, key=lambda i: i.start):
            if interview.opportunity_id == opportunity.id and interview.open:
                local = _InZone(ctx.now)(interview.start)  # (the user's zone, as the app)
                facts = [
                    f"{format_day(local.date())}, time to confirm"
                    if interview.time_to_confirm
                    else format_moment(local)
                ]
                facts += [interview.stage.label] if interview.stage else []
                facts += [interview.where] if interview.where else []
                lines += [f"Scheduled: {md_escape(' · '.join(facts))}", ""]
        for number, reflection in enumerate(rounds, start=1):
            own = [f for f in followups if f.reflection_id == reflection.id]
            document = reflection_document(reflection, opportunity, rounds, ctx, own)
            lines += [f"### Round {number}: {md_escape(document.subtitle)}", ""]
            for section in document.sections:
                lines += [f"#### {section.heading}", ""]
                for answer in section.answers:
                    lines += [f"**{md_escape(answer.question)}**  ", md_escape(answer.text), ""]
    # (control characters, but newline and tab, and bidi overrides as visible symbols:
    # `cat journal.md` obeys none of them)
    return printable_lines("\n".join(lines)).encode("utf-8")


EXPORT_FORMATS = {
    "json": "everything, lossless: `debrief import` reads it back",
    "csv": "one row per reflection, for a spreadsheet",
    "md": "a readable document, one section per opportunity",
    "ics": "pending follow-ups and interviews ahead as calendar events",
}


def export_bundle(bundle: Bundle, format_name: str, now: datetime) -> bytes:
    """The bundle in one of EXPORT_FORMATS (shared by the shell and the app)."""
    if format_name == "json":
        return export_json(bundle)
    if format_name == "csv":
        return export_csv(bundle)
    if format_name == "md":
        currency = bundle.settings.default_currency if bundle.settings else "USD"
        return export_markdown(
            bundle, AnswerContext(now=pendulum.instance(now), default_currency=currency)
        )
    if format_name == "ics":
        return followups_ics(
            bundle.followups,
            bundle.reflections,
            bundle.opportunities,
            now=now,
            interviews=bundle.interviews,
        )
    raise ValueError(f"unknown export format {format_name!r}")
