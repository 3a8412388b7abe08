"""Seeded mutations of the files Debrief reads, and running a command on them in-process.

A mutator takes a random.Random and a valid file's bytes and returns what it did (one
line, for the report) and the damaged bytes. Every choice comes from the Random, so a
seed and a mutant's number give the same bytes again. test_file_mutation.py feeds the
mutants to the commands that read each kind of file.
"""

from __future__ import annotations

import base64
import contextlib
import fnmatch
import hashlib
import io
import json
import re
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from random import Random
from types import FrameType
from typing import Any

Mutator = Callable[[Random, bytes], tuple[str, bytes]]


@dataclass(frozen=True)
class Mutant:
    """One damaged file: which input it came from, how it was damaged, and its bytes."""

    input: str  # "journal", "export.json", …
    number: int  # its place in the seeded sequence of that input
    kind: str  # the mutation kind ("truncate", "swap type", …)
    detail: str  # where and what exactly
    payload: bytes

    def __str__(self) -> str:
        return f"{self.input} #{self.number} [{self.kind}] {self.detail}"


def mutants(input_name: str, sample: bytes, mutators: dict[str, Mutator], seed: str, count: int) -> Iterator[Mutant]:  # fmt: skip
    """`count` mutants of `sample`, each from its own seeded Random (so the n-th is the
    same whatever the budget)."""
    kinds = sorted(mutators)
    for number in range(count):
        rng = Random(f"{seed}/{input_name}/{number}")
        kind = kinds[number % len(kinds)] if number < len(kinds) else rng.choice(kinds)
        detail, payload = mutators[kind](rng, sample)
        yield Mutant(input_name, number, kind, detail, payload)


# --- bytes ------------------------------------------------------------------------------------

NOT_UTF8 = (b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf8\x88\x80\x80\x80", b"\x80", b"\xfe\xff")  # fmt: skip


def flip_bytes(rng: Random, data: bytes) -> tuple[str, bytes]:
    damaged = bytearray(data)
    places = sorted(rng.randrange(len(data)) for _ in range(rng.randint(1, 4)))
    for place in places:
        damaged[place] ^= 1 << rng.randrange(8)
    return f"bits flipped at bytes {places}", bytes(damaged)


def truncate(rng: Random, data: bytes) -> tuple[str, bytes]:
    cut = rng.choice([0, 1, len(data) // 2, len(data) - 1, rng.randrange(len(data))])
    return f"cut to {cut} of {len(data)} bytes", data[:cut]


def not_utf8(rng: Random, data: bytes) -> tuple[str, bytes]:
    """Bytes that are not UTF-8, inside a value (after a quote or a colon), or the whole
    file in another encoding."""
    way = rng.randrange(4)
    if way == 0:
        return "the whole file as UTF-16", data.decode("utf-8").encode("utf-16")
    if way == 1:
        return "a UTF-8 byte order mark first", b"\xef\xbb\xbf" + data
    marks = [m.end() for m in re.finditer(rb'"[A-Za-z]|:[^\r\n]', data)] or [len(data) // 2]
    place, bad = rng.choice(marks), rng.choice(NOT_UTF8)
    return f"{bad!r} inserted at byte {place}", data[:place] + bad + data[place:]


def cut_span(rng: Random, data: bytes) -> tuple[str, bytes]:
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.choice([1, 2, 8, 64, 512]))
    if rng.random() < 0.5:
        return f"bytes {start}–{end} deleted", data[:start] + data[end:]
    return f"bytes {start}–{end} repeated", data[:end] + data[start:end] + data[end:]


BYTE_MUTATORS: dict[str, Mutator] = {
    "flip bits": flip_bytes,
    "truncate": truncate,
    "not UTF-8": not_utf8,
    "cut or repeat a span": cut_span,
}


# --- JSON ------------------------------------------------------------------------------------

Path_ = tuple[str | int, ...]


class Raw(str):
    """JSON text written as it is (a number no parser holds, a lone surrogate)."""


class Pairs(list[tuple[str, Any]]):
    """An object written from its pairs: the same key may come twice."""


def encode(value: Any) -> str:
    """JSON text, keeping Raw text and Pairs' duplicate keys (which json.dumps can't)."""
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, Pairs):
        return "{" + ",".join(f"{json.dumps(k)}:{encode(v)}" for k, v in value) + "}"
    if isinstance(value, dict):
        return encode(Pairs(value.items()))
    if isinstance(value, list):
        return "[" + ",".join(encode(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def nodes(value: Any, at: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every value in the document with its path (the root excluded)."""
    if at:
        yield at, value
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from nodes(inner, (*at, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from nodes(inner, (*at, index))


def get(document: Any, at: Path_) -> Any:
    for step in at:
        document = document[step]
    return document


def put(document: Any, at: Path_, value: Any) -> None:
    get(document, at[:-1])[at[-1]] = value


def shown(at: Path_) -> str:
    return ".".join(str(step) for step in at)


def json_mutator(change: Callable[[Random, Any], str | None]) -> Mutator:
    """A mutator of the parsed document: `change` alters it in place and says what it did
    (None: nothing to change here, e.g. no date in the document)."""

    def mutate(rng: Random, data: bytes) -> tuple[str, bytes]:
        box = {"$": json.loads(data)}  # (so that the root can be changed too: path "$")
        detail = change(rng, box)
        if detail is None:
            return "nothing to change: the file as it was", data
        return detail, encode(box["$"]).encode("utf-8", "surrogatepass")

    return mutate


def _pick(rng: Random, document: Any, where: Callable[[Path_, Any], bool]) -> Path_ | None:
    found = [at for at, value in nodes(document) if where(at, value)]
    return rng.choice(found) if found else None


def delete_field(rng: Random, document: Any) -> str | None:
    at = _pick(rng, document, lambda at, _: len(at) > 1 and isinstance(at[-1], str))
    if at is None:
        return None
    del get(document, at[:-1])[at[-1]]
    return f"{shown(at)} deleted"


def other_types(value: Any) -> list[Any]:
    """Values of every other JSON type than `value`'s."""
    candidates: dict[type, list[Any]] = {
        str: ["", "7", "not a value"],
        int: [0, 7, -1],
        float: [7.5, -0.0],
        bool: [True, False],
        list: [[], [value]],
        dict: [{}, {"value": value}],
        type(None): [None],
    }
    return [v for kind, values in candidates.items() if not isinstance(value, kind) for v in values]  # fmt: skip


def swap_type(rng: Random, document: Any) -> str | None:
    at = _pick(rng, document, lambda _, __: True)
    assert at is not None
    before = get(document, at)
    after = rng.choice(other_types(before))
    put(document, at, after)
    return f"{shown(at)}: {type(before).__name__} -> {json.dumps(after)[:40]}"


ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")


def date_variants(text: str) -> list[str]:
    """`text` (an ISO 8601 date, maybe with a time and offset) made wrong in every way."""
    rest, day = text[4:], text[:10]
    time_part = text[10:]
    naive = re.sub(r"(Z|[+-]\d{2}:\d{2})$", "", text)
    variants = [
        "0001" + rest, "9999" + rest, "10000" + rest, "1899" + rest, "2201" + rest,
        text[:5] + "13" + text[7:], day[:5] + "02-30" + time_part, "garbage", "", naive,
        "9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+23:59", "2200-12-31T23:00:00-05:00",
        "1900-01-01T00:30:00+01:00", day + "T25:00:00+01:00", day + "T10:00:00+24:00",
        day + "T23:59:60+00:00", day + "T10:00:00.1234567+01:00", "2026-W48-2",
        day.replace("-", "") + "T100000+0100", "+002026" + rest,
    ]  # fmt: skip
    return [v for v in variants if v != text]


def bad_date(rng: Random, document: Any) -> str | None:
    at = _pick(rng, document, lambda _, v: isinstance(v, str) and bool(ISO.match(v)))
    if at is None:
        return None
    before = get(document, at)
    after = rng.choice(date_variants(before))
    put(document, at, after)
    return f"{shown(at)}: {before} -> {after!r}"


HUGE = [10**20, -(10**20), 2**63, 2**64, -(2**63) - 1, 1e308, -1e308, 10**100, Raw("1e400"), Raw("-1e400"), Raw("1" + "0" * 400)]  # fmt: skip


def huge_number(rng: Random, document: Any) -> str | None:
    numeric = _pick(rng, document, lambda _, v: isinstance(v, int | float) and not isinstance(v, bool))  # fmt: skip
    at = numeric if numeric is not None and rng.random() < 0.7 else _pick(rng, document, lambda _, __: True)  # fmt: skip
    assert at is not None
    after = rng.choice(HUGE)
    put(document, at, after)
    return f"{shown(at)} -> {str(after)[:30]}"


def odd_string(rng: Random, document: Any) -> str | None:
    at = _pick(rng, document, lambda _, v: isinstance(v, str))
    if at is None:
        return None
    after = rng.choice(["", " ", "\x00", "\u202egnirts", "A" * 100_000, Raw('"\\ud800"'), "é" * 3, "[b]x[/]"])  # fmt: skip
    put(document, at, after)
    return f"{shown(at)} -> {str(after)[:20]!r}{'…' if len(after) > 20 else ''}"


def duplicate_key(rng: Random, document: Any) -> str | None:
    at = _pick(rng, document, lambda _, v: isinstance(v, dict) and bool(v))
    if at is None:
        return None
    target = get(document, at)
    key = rng.choice(list(target))
    first = rng.random() < 0.5  # the changed value first (the original last wins) or last
    other = rng.choice(other_types(target[key]))
    pairs = Pairs(target.items())
    pairs.insert(0 if first else len(pairs), (key, other))
    put(document, at, pairs)
    return f"{shown((*at, key))} twice ({'a changed one first' if first else 'then a changed one'})"  # fmt: skip


JSON_MUTATORS: dict[str, Mutator] = {
    **BYTE_MUTATORS,
    "delete a field": json_mutator(delete_field),
    "swap a type": json_mutator(swap_type),
    "date out of range": json_mutator(bad_date),
    "huge number": json_mutator(huge_number),
    "odd string": json_mutator(odd_string),
    "duplicate key": json_mutator(duplicate_key),
}


# --- the encrypted envelope ----------------------------------------------------------------------


def _b64(size: int) -> str:
    return base64.b64encode(bytes(range(256)) * (size // 256) + bytes(size % 256)).decode()


ENVELOPE_VALUES: dict[Path_, list[Any]] = {
    ("kdf", "n"): [
        2**9,
        2**11,
        2**10 + 1,
        0,
        -1024,
        2**20,
        2**21,
        2**40,
        "1024",
        1024.0,
        True,
        None,
        10**30,
        2**18,
    ],
    ("kdf", "r"): [0, 1, 7, 9, 16, 17, -8, 8.5, "8", None, 2**31],
    ("kdf", "p"): [0, 2, 2**31, -1, "1", None],
    ("kdf", "salt"): ["", "AA==", "!!!", _b64(1), _b64(15), _b64(17), _b64(4096), None, 5],
    ("kdf", "name"): ["pbkdf2", "", None, "SCRYPT"],
    ("nonce",): ["", _b64(1), _b64(11), _b64(13), _b64(64), "not base64", None],
    ("ciphertext",): ["", _b64(15), _b64(16), "not base64", None, 0],
    ("version",): [2, 0, "1", None, 1.0],
    ("cipher",): ["AES-128-GCM", "", None],
    ("format",): ["debrief-encrypte", "DEBRIEF-ENCRYPTED", None],
}


def kdf_parameters(rng: Random, box: Any) -> str | None:
    """The envelope's key parameters, nonce, cipher or version changed (one or two)."""
    envelope, changes = box["$"], []
    for at in rng.sample(sorted(ENVELOPE_VALUES), rng.choice([1, 1, 2])):
        value = rng.choice(ENVELOPE_VALUES[at])
        with contextlib.suppress(KeyError, TypeError):
            put(envelope, at, value)
            changes.append(f"{shown(at)} = {json.dumps(value)[:30]}")
    sealed = envelope.get("ciphertext")
    if rng.random() < 0.15 and isinstance(sealed, str) and sealed:
        envelope["ciphertext"] = sealed[: rng.randrange(len(sealed))]
        changes.append("ciphertext cut")
    return ", ".join(changes) or None


ENVELOPE_MUTATORS: dict[str, Mutator] = {**JSON_MUTATORS, "key parameters": json_mutator(kdf_parameters)}  # fmt: skip


# --- iCalendar ---------------------------------------------------------------------------------


def ics_lines(rng: Random, data: bytes, change: Callable[[Random, list[str]], str | None]) -> tuple[str, bytes]:  # fmt: skip
    lines = data.decode("utf-8").split("\r\n")
    detail = change(rng, lines)
    if detail is None:
        return "nothing to change: the file as it was", data
    return detail, "\r\n".join(lines).encode("utf-8")


def ics_mutator(change: Callable[[Random, list[str]], str | None]) -> Mutator:
    return lambda rng, data: ics_lines(rng, data, change)


def _content_line(rng: Random, lines: list[str], name: str = "") -> int | None:
    found = [
        i for i, line in enumerate(lines)
        if line and not line.startswith((" ", "BEGIN:", "END:")) and line.upper().startswith(name)
    ]  # fmt: skip
    return rng.choice(found) if found else None


def broken_property(rng: Random, lines: list[str]) -> str | None:
    index = _content_line(rng, lines)
    if index is None:
        return None
    line = lines[index]
    name, _, value = line.partition(":")
    broken = rng.choice([
        name + value,  # no colon
        name + ":",  # no value
        name + ";TZID=:" + value,  # an empty parameter
        name + ';CN="unterminated:' + value,
        name + ";=;;:" + value,
        "X" + name.replace(";", " ;") + ":" + value,
        " " + line,  # a continuation of the line before
        name + ":" + value * 2000,  # very long
        name + ";VALUE=PERIOD:" + value,
        name + ":" + value + "\\",
        "DURATION:P99999999W",
        "RRULE:FREQ=SECONDLY;COUNT=999999999999",
        "SEQUENCE:99999999999999999999999",
        "ATTENDEE:mailto:",
        "ORGANIZER;CN=:",
        "DTEND:garbage",
    ])  # fmt: skip
    lines[index] = broken
    return f"line {index + 1} {line[:40]!r} -> {broken[:40]!r}"


DTSTART_VALUES = [
    "99991126T100000", "00011126T100000", "18991126T100000", "22011126T100000",
    "20261301T250000", "20260230T100000", "20261126T246060", "100001126T100000",
    "20261126T100000ZZ", "2026-11-26T10:00:00", "20261126", "garbage", "",
    "99991231T235959Z", "00010101T000000Z", "19000101T003000", "18991231T230000Z",
]  # fmt: skip


def dtstart(rng: Random, lines: list[str]) -> str | None:
    index = _content_line(rng, lines, rng.choice(["DTSTART", "DTSTART", "DTEND"]))
    if index is None:
        return None
    name = lines[index].split(":", 1)[0]
    value = rng.choice(DTSTART_VALUES)
    if rng.random() < 0.2:
        name = name.split(";")[0] + ";VALUE=DATE"
        value = value[:8]
    lines[index] = f"{name}:{value}"
    return f"line {index + 1} -> {lines[index]!r}"


def missing_end(rng: Random, lines: list[str]) -> str | None:
    marks = [i for i, line in enumerate(lines) if line.startswith(("END:", "BEGIN:"))]
    index = rng.choice(marks)
    removed = lines.pop(index)
    if rng.random() < 0.3:
        lines.insert(rng.randrange(len(lines)), removed)  # misplaced, not gone
        return f"{removed} moved"
    return f"{removed} (line {index + 1}) deleted"


TZIDS = [
    "W. Europe Standard Time", "Pacific Standard Time", "(UTC+01:00) Amsterdam, Berlin, Bern",
    "Mars/Olympus", "", "Europe/Berlin ", "../../etc/passwd", "GMT+25", "Etc/GMT+14",
    "tzone://Microsoft/Utc", "UTC", "Custom Zone", "europe/berlin", "Europe/Berlín",
]  # fmt: skip


def tzid(rng: Random, lines: list[str]) -> str | None:
    """A time zone name that may not exist: in the event's TZID parameters only, or in the
    VTIMEZONE too, or with the VTIMEZONE gone."""
    name = rng.choice(TZIDS)
    where = rng.choice(["parameters", "parameters and VTIMEZONE", "no VTIMEZONE"])
    for i, line in enumerate(lines):
        if ";TZID=" in line or (where != "parameters" and line.startswith("TZID:")):
            lines[i] = re.sub(r"TZID[=:][^:;]*", lambda m: m.group(0)[:5] + name, line, count=1)
    if where == "no VTIMEZONE" and "BEGIN:VTIMEZONE" in lines:
        start, end = lines.index("BEGIN:VTIMEZONE"), lines.index("END:VTIMEZONE")
        del lines[start : end + 1]
    if not any(";TZID=" in line for line in lines):
        index = _content_line(rng, lines, "DTSTART")
        if index is None:
            return None
        lines[index] = f"DTSTART;TZID={name}:" + lines[index].split(":", 1)[1].rstrip("Z")
    return f"TZID {name!r} in the {where}"


def duplicate_property(rng: Random, lines: list[str]) -> str | None:
    index = _content_line(rng, lines)
    if index is None:
        return None
    copy = lines[index]
    if rng.random() < 0.5 and ":" in copy:
        copy = copy.split(":", 1)[0] + ":" + rng.choice([*DTSTART_VALUES, "other value"])
    lines.insert(index + 1, copy)
    return f"line {index + 1} {lines[index][:30]!r} twice ({copy[:40]!r})"


def vtimezone_offsets(rng: Random, lines: list[str]) -> str | None:
    found = [i for i, line in enumerate(lines) if line.startswith(("TZOFFSETTO:", "TZOFFSETFROM:", "RRULE:"))]  # fmt: skip
    if not found:
        return None
    index = rng.choice(found)
    name = lines[index].split(":", 1)[0]
    value = rng.choice(["+2500", "-9999", "garbage", "", "+01", "FREQ=YEARLY;BYMONTH=13", "FREQ=DAILY;INTERVAL=0"])  # fmt: skip
    lines[index] = f"{name}:{value}"
    return f"line {index + 1} -> {lines[index]!r}"


ICS_MUTATORS: dict[str, Mutator] = {
    **BYTE_MUTATORS,
    "broken property": ics_mutator(broken_property),
    "DTSTART/DTEND date": ics_mutator(dtstart),
    "BEGIN/END missing": ics_mutator(missing_end),
    "TZID name": ics_mutator(tzid),
    "duplicate property": ics_mutator(duplicate_property),
    "VTIMEZONE offsets": ics_mutator(vtimezone_offsets),
}


# --- running a command in-process ---------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """What one `debrief …` did: its exit status, output, and the traceback if it raised."""

    argv: tuple[str, ...]
    code: int | str | None
    out: str
    err: str
    crash: str | None
    seconds: float

    @property
    def crash_line(self) -> str:
        """The traceback's last line, and where in Debrief it was raised."""
        assert self.crash is not None
        lines = self.crash.rstrip().splitlines()
        frames = [line.strip() for line in lines if line.strip().startswith("File ") and "debrief" in line]  # fmt: skip
        where = frames[-1].replace('File "', "").split('", ')
        place = (
            f" ({Path(where[0]).name}:{where[1].removeprefix('line ')})" if len(where) > 1 else ""
        )
        return lines[-1][:300] + place


class TooSlow(Exception):
    pass


def _too_slow(signum: int, frame: FrameType | None) -> None:
    raise TooSlow("the command ran longer than the time limit")


def run_main(main: Callable[[Sequence[str]], int], argv: Sequence[str], *, limit: float = 20.0) -> Run:  # fmt: skip
    """`main(argv)` with stdout and stderr captured as a UTF-8 terminal would take them; an
    exception (or SystemExit) is caught and kept, never raised."""
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_bytes, encoding="utf-8", errors="strict")
    err = io.TextIOWrapper(err_bytes, encoding="utf-8", errors="backslashreplace")
    code: int | str | None = None
    crash = None
    previous = signal.signal(signal.SIGALRM, _too_slow)
    signal.setitimer(signal.ITIMER_REAL, limit)
    started = time.perf_counter()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(argv))
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int | None) else str(exit_.code)
            except Exception:
                crash = traceback.format_exc()
            finally:
                with contextlib.suppress(Exception):
                    sys.stdout.flush()
                with contextlib.suppress(Exception):
                    sys.stderr.flush()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return Run(
        tuple(argv),
        code,
        out_bytes.getvalue().decode("utf-8", "replace"),
        err_bytes.getvalue().decode("utf-8", "replace"),
        crash,
        time.perf_counter() - started,
    )


# --- files ------------------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (relative name -> sha256), lock files aside (a writer
    makes one to take its lock; it holds nothing)."""
    return {
        str(file.relative_to(folder)): hashlib.sha256(file.read_bytes()).hexdigest()
        for file in sorted(folder.rglob("*"))
        if file.is_file() and not file.name.endswith(".lock")
    }


def differences(before: dict[str, str], after: dict[str, str], allowed: Sequence[str] = ()) -> list[str]:  # fmt: skip
    """The files changed, made or removed, except those `allowed` to be (names or
    patterns: `merged/*.json`)."""
    changed = [(name, "") for name in before.keys() & after.keys() if before[name] != after[name]]
    made = [(name, " (new)") for name in after.keys() - before.keys()]
    gone = [(name, " (gone)") for name in before.keys() - after.keys()]
    return sorted(
        name + how
        for name, how in [*changed, *made, *gone]
        if not any(fnmatch.fnmatchcase(name, pattern) for pattern in allowed)
    )
