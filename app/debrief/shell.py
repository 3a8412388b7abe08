"""The journal as lines of text for the shell: `debrief list`, `show` and `due`.

Plain text or one JSON object per line; colour only for a terminal and never when
NO_COLOR is set. User text is printed literally, with control characters made
visible. Nothing here imports Textual, and the `list` path avoids even pendulum.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import IO, TYPE_CHECKING, Any

from debrief.columns import TableColumn, fit_columns, fitted_to_texts, wrap_words
from debrief.model import FollowUp, Interview, Opportunity, Reflection
from debrief.text import BIDI_CONTROLS, cell_width, fit, one_line, printable

if TYPE_CHECKING:
    from debrief.followups import Finished

# `list`'s columns, each at most this wide; on a narrow terminal the stage goes first,
# then company and role are cut alike (piped, a line is as long as its columns).
LIST_COLUMNS = (
    TableColumn("id", "", 8),
    TableColumn("when", "", 16),
    TableColumn("company", "", 24, narrowest=8),
    TableColumn("role", "", 28, narrowest=10),
    TableColumn("stage", "", 14, drop=1),
    TableColumn("rating", "", 5),
    TableColumn("status", "", 12),
)


@dataclass(frozen=True)
class Style:
    """ANSI styling, or none: decided once per command from the output stream."""

    enabled: bool

    @classmethod
    def for_stream(cls, stream: IO[str]) -> Style:
        return cls(stream.isatty() and "NO_COLOR" not in os.environ)

    def __call__(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.enabled and text.strip() else text


BOLD, DIM, RED, GREEN, YELLOW, CYAN = "1", "2", "31", "32", "33", "36"


def stamp(moment: datetime) -> str:
    """`2026-11-21 15:00`, in the time zone it was recorded in."""
    return moment.strftime("%Y-%m-%d %H:%M")


def short_id(record_id: str) -> str:
    return record_id[:8]


def rating_colour(rating: int) -> str:
    return RED if rating <= 4 else GREEN if rating >= 8 else YELLOW


# --- list ----------------------------------------------------------------------------------


def reflection_row(reflection: Reflection, opportunity: Opportunity) -> dict[str, Any]:
    return {
        "id": reflection.id,
        "interview_at": reflection.interview_at.isoformat(),
        "company": opportunity.company,
        "role": opportunity.role,
        "stage": reflection.stage.value if reflection.stage else None,
        "format": reflection.format.value if reflection.format else None,
        "rating": reflection.rating,
        "want_job": reflection.want_job,
        "status": opportunity.status.value,
    }


def ahead_stamp(interview: Interview, zone: tzinfo | None) -> str:
    """`2026-12-10 09:30` in the user's `zone` (as home, due and prep say it); an all-day
    invitation whose time is still to confirm, `2026-12-08 --:--`."""
    local = interview.start.astimezone(zone) if zone is not None else interview.start
    return local.strftime("%Y-%m-%d --:--" if interview.time_to_confirm else "%Y-%m-%d %H:%M")


def list_lines(
    rows: Sequence[tuple[Reflection, Opportunity]],
    style: Style,
    ahead: Sequence[tuple[Interview, Opportunity]] = (),
    zone: tzinfo | None = None,
    width: int | None = None,
) -> list[str]:
    """Aligned columns: id, date, company, role, stage, rating, status; the interviews
    ahead first (their time in the user's `zone`), in the same columns (`ahead` where the
    rating and status go). On a terminal `width` cells wide the columns fit it, as the
    app's tables do (the stage goes first, then company and role are cut alike); without
    one (piped), each column keeps its own limit."""
    cells = [
        {
            "id": short_id(i.id),
            "when": ahead_stamp(i, zone),
            "company": one_line(o.company),
            "role": one_line(o.role),
            "stage": i.stage.label if i.stage else "—",
            "rating": "",
            "status": "ahead",
        }
        for i, o in ahead
    ] + [
        {
            "id": short_id(r.id),
            "when": stamp(r.interview_at),
            "company": one_line(o.company),
            "role": one_line(o.role),
            "stage": r.stage.label if r.stage else "—",
            "rating": f"{r.rating}/10",
            "status": o.status.label,
        }
        for r, o in rows
    ]
    if not cells:
        return []
    columns = [  # (id, date and rating have one width)
        fitted_to_texts(column, (c[column.key] for c in cells))
        if column.narrowest or column.drop or column.key == "status"
        else column
        for column in LIST_COLUMNS
    ]
    if width is not None:
        columns = fit_columns(columns, width, edges=0)
    widths = {column.key: column.width for column in columns}
    ratings = [None] * len(ahead) + [r.rating for r, _ in rows]
    lines = []
    for rating, c in zip(ratings, cells, strict=True):
        parts = [
            style(c["id"], DIM),
            c["when"],
            style(fit(c["company"], widths["company"]), BOLD),
            fit(c["role"], widths["role"]),
            fit(c["stage"], widths["stage"]) if "stage" in widths else None,
            style(fit(c["rating"], 5, align_right=True), rating_colour(rating))
            if rating is not None
            else " " * 5,
            style(fit(c["status"], widths["status"]).rstrip(), DIM if rating is not None else CYAN),
        ]
        lines.append("  ".join(part for part in parts if part is not None).rstrip())
    return lines


def interview_row(interview: Interview, opportunity: Opportunity) -> dict[str, Any]:
    """A scheduled interview for `list --json` (told apart by its "upcoming" key)."""
    return {
        "id": interview.id,
        "upcoming": True,
        "start": interview.start.isoformat(),
        "company": opportunity.company,
        "role": opportunity.role,
        "stage": interview.stage.value if interview.stage else None,
        "format": interview.format.value if interview.format else None,
        "where": interview.where or None,
    }


def json_line(record: dict[str, Any]) -> str:
    """One JSON object; bidi controls escaped (\\u202e), so a terminal never obeys them."""
    return json.dumps(record, ensure_ascii=False).translate(_BIDI_ESCAPED)


_BIDI_ESCAPED = {code: f"\\u{code:04x}" for code in BIDI_CONTROLS}


# --- show ------------------------------------------------------------------------------------


def match_prefix(prefix: str, ids: Sequence[str]) -> tuple[str | None, list[str]]:
    """The one id starting with `prefix`, or None and every candidate (none, or several)."""
    wanted = prefix.strip().lower()
    candidates = [i for i in ids if i.startswith(wanted)] if wanted else []
    return (candidates[0], candidates) if len(candidates) == 1 else (None, candidates)


def styled_document(text: str, style: Style, width: int | None = None) -> str:
    """The plain document with its title and section headings emphasised on a terminal;
    on one `width` cells wide, a long line goes on under its own indent, broken between
    words (never "1234 567 / 8"). Piped (no width), each line stays whole."""
    lines = [printable(line) for line in text.split("\n")]
    out = []
    for index, line in enumerate(lines):
        code = None
        if index == 0:
            code = BOLD
        elif line and not line.startswith(" ") and line.isupper():
            code = CYAN
        elif index == 1 or index == len(lines) - 1:
            code = DIM
        parts = [line] if width is None else _wrapped_indented(line, width)
        out += [style(part, code) if code else part for part in parts]
    return "\n".join(out)


def _wrapped_indented(line: str, width: int) -> list[str]:
    """`line` broken between words to `width` cells, each part under its indent."""
    text = line.lstrip(" ")
    if cell_width(line) <= width or not text:
        return [line]
    indent = " " * (len(line) - len(text))
    return [indent + part for part in wrap_words(text, max(20, width - len(indent)))]


# --- due ---------------------------------------------------------------------------------------


def followup_row(
    item: FollowUp,
    opportunity: Opportunity,
    what: str,
    when: str,
    overdue: bool,
    round_: str = "",
) -> dict[str, Any]:
    """A follow-up as a `due` row; `round_` names its round when the opportunity has had
    several ("round 2 · onsite"), as the home screen does: two rounds' items never read
    the same."""
    return {
        "id": item.id,
        "kind": item.kind.value,
        "what": what,
        "person": item.person or None,
        "company": opportunity.company,
        "role": opportunity.role,
        "round": round_ or None,
        "due": item.when.isoformat(),
        "when": when,
        "overdue": overdue,
        "optional": item.optional,
        "note": item.note or None,
    }


def finished_row(
    finished: Finished, opportunity: Opportunity, what: str, when: str, round_: str = ""
) -> dict[str, Any]:
    """A follow-up of the history (`due --done`): the `due` row, with how and when it ended."""
    row = followup_row(finished.item, opportunity, what, when, False, round_)
    return row | {"outcome": finished.outcome.value, "at": finished.at.isoformat()}


def interview_due_row(
    interview: Interview, opportunity: Opportunity, what: str, when: str, over: bool
) -> dict[str, Any]:
    """A nudge to reflect (`over`) or an interview ahead, as a `due` row."""
    return {
        "id": interview.id,
        "kind": "reflect" if over else "interview",
        "what": what,
        "person": None,
        "company": opportunity.company,
        "role": opportunity.role,
        "due": interview.end.isoformat() if over else interview.start.isoformat(),
        "when": when,
        "overdue": over,
        "optional": False,
        "note": None,
    }


def due_lines(
    rows: Sequence[dict[str, Any]],
    style: Style,
    width: int | None = None,
    aligned_with: Sequence[dict[str, Any]] = (),
) -> list[str]:
    """`2 days overdue  Thank-you note to Jane Doe (by email)  Acme — Data Engineer`.

    On a terminal `width` cells wide, a row too long for it goes on under its "what",
    broken between words (never "Platform E / ngineer"); piped (no width), one line a row.
    Columns are as wide as `rows` and `aligned_with` need (the rows printed in another
    group under these: both groups' texts start in the same column).
    """
    if not rows:
        return []
    measured = [*rows, *aligned_with]
    when_width = max(cell_width(r["when"]) for r in measured)
    what_width = min(52, max(cell_width(one_line(r["what"])) for r in measured))
    lines = []
    for row in rows:
        colour = RED if row["overdue"] else YELLOW
        if "outcome" in row:
            colour = GREEN if row["outcome"] == "done" else DIM
        when = style(fit(row["when"], when_width), colour)
        round_ = f" · {row['round']}" if row.get("round") else ""
        where = one_line(f"{row['company']} — {row['role']}{round_}")
        note = f"✎ {one_line(row['note'])}" if row["note"] else ""
        what = one_line(row["what"])  # (whole: a long one runs past the column, never cut)
        what += " " * max(0, what_width - cell_width(what))
        plain = f"{what}  {where}" + (f"  {note}" if note else "")
        if width is None or when_width + 2 + cell_width(plain) <= width:
            line = f"{when}  {what}  {style(where, DIM)}"
            lines.append(line + (style(f"  {note}", DIM) if note else ""))
            continue
        indent = when_width + 2
        room = max(20, width - indent)
        below = [
            *wrap_words(row["what"], room),
            *(style(part, DIM) for part in wrap_words(where, room)),
            *(style(part, DIM) for part in (wrap_words(note, room) if note else [])),
        ]
        lines.append(f"{when}  {below[0]}")
        lines += [" " * indent + part for part in below[1:]]
    return lines
