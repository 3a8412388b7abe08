"""Every command fed a damaged file refuses cleanly: never a traceback, never a changed file.

Valid files the project makes (the demo journal, its JSON and calendar exports, the journal
encrypted with `debrief encrypt`, a sync folder's conflict copy, a calendar invitation) are
damaged by seeded mutations (tests/mutation.py: bits flipped, truncation, bytes that are
not UTF-8, fields deleted, JSON types swapped, dates out of range, huge numbers, duplicate
keys, the envelope's key parameters, broken iCalendar properties, dates and zones) and given
to every command that reads them, in-process. Each must exit 0 (still valid), 1 where that
means "not found" or "something due", or 2 with one line on stderr saying why; no file may
change unless the command succeeded at writing it. A few mutants also start the app, and
one of each input goes through a process of its own.

DEBRIEF_MUTANTS sets how many mutants in all (330 by default, about 20 s of one core);
the seed is fixed (DEBRIEF_MUTATION_SEED changes it). A finding names its mutant (input,
number, kind, what was changed): the same seed and budget make the same bytes again.
`DEBRIEF_MUTANTS=5000 pytest tests/test_file_mutation.py -n0 -s` prints how every command
ended; DEBRIEF_MUTATION_REPORT=FILE writes every finding to FILE.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from debrief.actions.unlock import PASSPHRASE_COMMAND
from debrief.cli import build_demo_journal, main
from debrief.store.files import JournalError
from debrief.store.journal import Journal
from debrief.store.sealed import KeyParams
from debrief.ui.app import make_app
from debrief.ui.screens.dialogs import ConfirmScreen
from tests.mutation import (
    ENVELOPE_MUTATORS,
    ICS_MUTATORS,
    JSON_MUTATORS,
    Mutant,
    Mutator,
    Run,
    differences,
    mutants,
    run_main,
    snapshot,
)
from tests.samples import NOW, bare_reflection, fixed_clock, opportunity
from tests.test_hostile_text import screen_lines

SEED = os.environ.get("DEBRIEF_MUTATION_SEED", "debrief-2026")
BUDGET = int(os.environ.get("DEBRIEF_MUTANTS", "330"))
SHARES = {  # of the budget, by input
    "journal": 0.25,
    "export.json": 0.15,
    "export.ics": 0.1,
    "invitation.ics": 0.2,
    "envelope": 0.12,
    "conflict copy": 0.18,
}
PASSPHRASE = "mutation test passphrase"  # (given by a command, never on a command line)
EXPORT_FORMATS = ("json", "csv", "md", "ics", "compare-md")
COPY_NAMES = (
    "journal.sync-conflict-20261201-101500-ABCDEF1.json",  # Syncthing
    "journal (Alex's conflicted copy 2026-12-01).json",  # Dropbox
    "journal (conflicted copy 2026-12-01 101500).json",  # Nextcloud
)
NOW_UTC = NOW.in_timezone("UTC").isoformat().replace("+00:00", "Z")  # (a zone with a name)
KEY_MEMORY_LIMIT = 128 * 2**20  # bytes: a key costing more (up to the 256 MB allowed) takes ~0.7 s

INVITATION = textwrap.dedent("""\
    BEGIN:VCALENDAR
    PRODID:-//Example Corp//Calendar 16.0//EN
    VERSION:2.0
    METHOD:REQUEST
    BEGIN:VTIMEZONE
    TZID:Europe/Berlin
    BEGIN:DAYLIGHT
    TZOFFSETFROM:+0100
    TZOFFSETTO:+0200
    TZNAME:CEST
    DTSTART:19700329T020000
    RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
    END:DAYLIGHT
    BEGIN:STANDARD
    TZOFFSETFROM:+0200
    TZOFFSETTO:+0100
    TZNAME:CET
    DTSTART:19701025T030000
    RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
    END:STANDARD
    END:VTIMEZONE
    BEGIN:VEVENT
    UID:onsite-1@globex.example
    DTSTAMP:20261120T090000Z
    SUMMARY:Onsite interview – Globex (Platform Engineer)
    DTSTART;TZID=Europe/Berlin:20261126T100000
    DTEND;TZID=Europe/Berlin:20261126T113000
    LOCATION:Globex HQ\\, 3rd floor
    ORGANIZER;CN=Mo Recruiter:mailto:mo@globex.example
    ATTENDEE;CN="Jane Dœ";ROLE=REQ-PARTICIPANT:mailto:jane@globex.example
    ATTENDEE;CN=Alex Morgan:mailto:alex.morgan@example.com
    SEQUENCE:0
    END:VEVENT
    BEGIN:VEVENT
    UID:screen-2@acme.example
    DTSTAMP:20261120T090000Z
    SUMMARY:Data Engineer at Acme
    DTSTART:20261124T130000Z
    DTEND:20261124T133000Z
    URL:https://meet.google.com/abc-defg
    END:VEVENT
    BEGIN:VEVENT
    UID:panel-3@initech.example
    SUMMARY:Initech: panel interview
    DTSTART:20261201T090000
    DURATION:PT1H
    LOCATION:Video call
    END:VEVENT
    BEGIN:VEVENT
    UID:day-4@initech.example
    SUMMARY:Initech — on-site day
    DTSTART;VALUE=DATE:20261202
    END:VEVENT
    BEGIN:VTODO
    UID:todo-5
    SUMMARY:Send CV
    END:VTODO
    END:VCALENDAR
    """).replace("\n", "\r\n")


# --- what was found -------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    mutant: Mutant
    command: str
    problem: str

    def __str__(self) -> str:
        return f"{self.mutant} | debrief {self.command} | {self.problem}"


@dataclass
class Tally:
    tried: Counter[str] = field(default_factory=Counter)  # mutants, by input
    runs: int = 0  # commands run
    outcomes: Counter[str] = field(default_factory=Counter)  # "journal: list refused"…
    findings: list[Finding] = field(default_factory=list)


TALLY = Tally()


def record(mutant: Mutant, run: Run, problems: list[str]) -> None:
    command = " ".join(a for a in run.argv[2:] if "/" not in a) or "app-start"
    TALLY.runs += 1
    ending = {0: "ok", 1: "ok (1)", 2: "refused"}.get(run.code, str(run.code))  # type: ignore[arg-type]
    TALLY.outcomes[
        f"{mutant.input}: {command.split(' ')[0]} {'crashed' if run.crash else ending}"
    ] += 1
    TALLY.findings += [Finding(mutant, command, problem) for problem in problems]


# --- checking one command ----------------------------------------------------------------------


def problems_of(run: Run, allowed: set[int]) -> list[str]:
    """What is wrong with how a command ended (the files are checked apart)."""
    problems = []
    said = run.out + run.err
    if run.crash is not None:
        problems.append(f"crash: {run.crash_line}")
    elif "Traceback" in said:
        problems.append("a traceback in the output")
    if PASSPHRASE in said:
        problems.append("the passphrase was printed")
    if run.crash is None and run.code not in allowed:
        problems.append(f"exit status {run.code!r}: {run.err.strip()[:300]!r}")
    if run.code == 2 and run.crash is None:
        lines = run.err.strip().splitlines()
        if len(lines) != 1 or not lines[0].startswith("debrief: ") or "usage:" in run.err:
            problems.append(f"refused without one line saying why: {run.err[:300]!r}")
        elif len(lines[0]) > 1000:
            problems.append(f"a refusal {len(lines[0])} characters long: {lines[0][:200]!r}…")
    return problems


def run_checked(
    mutant: Mutant,
    folder: Path,
    argv: list[str],
    *,
    allowed: set[int],
    writes: Callable[[Run], list[str]] | None = None,
) -> Run:
    """Run `debrief --db folder/journal.json ARGV`; check its ending and that no file in
    `folder` changed, except those `writes(run)` names when it succeeded."""
    before = snapshot(folder)
    run = run_main(main, ["--db", str(folder / "journal.json"), *argv])
    problems = problems_of(run, allowed | {2})
    may_change = writes(run) if writes is not None and run.code == 0 else []
    changed = differences(before, snapshot(folder), may_change)
    if changed:
        status = "crashed" if run.crash else f"exit {run.code}"
        problems.append(f"files changed ({status}): {', '.join(changed)}")
    record(mutant, run, problems)
    return run


def fresh(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True)
    for name, payload in files.items():
        (folder / name).write_bytes(payload)
    return folder


# --- the samples -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Samples:
    journal: bytes  # the demo journal
    files: dict[str, bytes]  # by input name
    show_id: str  # a reflection of the demo journal, as `show` takes it


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fixed clock, no colour, no user settings, and the passphrase from a command (a
    script that prints it: it is on no command line and in no environment variable)."""
    folder = tmp_path_factory.mktemp("environment")
    script = folder / "passphrase"
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' '{PASSPHRASE}'\n")
    script.chmod(0o700)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DEBRIEF_NOW", NOW_UTC)
        patch.setenv("NO_COLOR", "1")
        patch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
        patch.setenv("XDG_DATA_HOME", str(folder / "data"))
        patch.delenv("DEBRIEF_DB", raising=False)
        patch.setenv(PASSPHRASE_COMMAND, str(script))
        patch.setenv("DEBRIEF_DEBUG", "1")  # an unexpected error raised, for its traceback
        yield folder


@pytest.fixture(scope="module")
def samples(environment: Path) -> Samples:
    folder = environment / "samples"
    demo = folder / "demo" / "journal.json"
    journal = build_demo_journal(demo, NOW)
    show_id = journal.reflections()[0].id[:8]
    files = {"journal": demo.read_bytes(), "invitation.ics": INVITATION.encode()}
    for kind in ("json", "ics"):
        out = folder / f"export.{kind}"
        assert main(["--db", str(demo), "export", "--format", kind, "-o", str(out)]) == 0
        files[f"export.{kind}"] = out.read_bytes()
    # Encrypted by the command itself, at the lowest key cost allowed (scrypt's 0.2 s per
    # open would be the whole budget); the passphrase comes from the command above.
    sealed = fresh(folder / "sealed", {"journal.json": files["journal"]}) / "journal.json"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(KeyParams, "fresh", classmethod(lambda cls: cls(os.urandom(16), n=2**10)))
        assert main(["--db", str(sealed), "encrypt"]) == 0
    files["envelope"] = sealed.read_bytes()
    # The other device's journal: a reflection deleted there (so the copy remembers a
    # deletion, with when) and a new one added.
    laptop = fresh(folder / "laptop", {"journal.json": files["journal"]}) / "journal.json"
    there = Journal.open(laptop)
    there.delete_reflection(there.reflections()[-1].id, now=NOW)
    Journal.open(laptop)  # (the trash is emptied as it opens: the deletion stays remembered)
    globex = opportunity("Globex", "SRE")
    there = Journal.open(laptop)
    there.save_reflection(bare_reflection(globex.id, id="from-the-laptop"), globex)
    files["conflict copy"] = laptop.read_bytes()
    assert b'"deleted"' in files["conflict copy"]
    return Samples(files["journal"], files, show_id)


MUTATORS: dict[str, dict[str, Mutator]] = {
    "journal": JSON_MUTATORS,
    "export.json": JSON_MUTATORS,
    "export.ics": ICS_MUTATORS,
    "invitation.ics": ICS_MUTATORS,
    "envelope": ENVELOPE_MUTATORS,
    "conflict copy": JSON_MUTATORS,
}


def budget(input_name: str) -> int:
    return max(len(MUTATORS[input_name]), round(BUDGET * SHARES[input_name]))


def mutants_of(samples: Samples, input_name: str, count: int) -> Iterator[Mutant]:
    return mutants(input_name, samples.files[input_name], MUTATORS[input_name], SEED, count)


def tried(mutant: Mutant, counted_as: str = "") -> None:
    TALLY.tried[counted_as or mutant.input] += 1


# --- each input through the commands that read it -----------------------------------------------


def merged_copy(name: str) -> Callable[[Run], list[str]]:
    """A merge that succeeded writes the journal (and its backup), keeps the journal as it
    was before in merged/, and moves the copy there, bytes as they were (checked by the
    caller)."""
    return lambda run: [
        "journal.json", "journal.json.bak", name, f"merged/{glob.escape(name)}",
        "merged/journal.before-merge-*.json",
    ]  # fmt: skip


def check_merge(samples: Samples, mutant: Mutant, folder: Path) -> None:
    """The mutant as a sync folder's conflict copy beside the (intact) demo journal."""
    name = COPY_NAMES[mutant.number % len(COPY_NAMES)]
    work = fresh(folder, {"journal.json": samples.journal, name: mutant.payload})
    argv = ["merge", "--yes"] if mutant.number % 2 else ["merge", str(work / name)]
    run = run_checked(mutant, work, argv, allowed={0}, writes=merged_copy(name))
    if run.code == 0:
        moved = work / "merged" / name
        if not moved.exists() or moved.read_bytes() != mutant.payload or (work / name).exists():
            record(mutant, run, ["the merged copy was not kept in merged/ as it was"])


def check_journal(samples: Samples, mutant: Mutant, folder: Path) -> None:
    work = fresh(folder / "read", {"journal.json": mutant.payload})
    export = EXPORT_FORMATS[mutant.number % len(EXPORT_FORMATS)]
    for argv, allowed in (
        (["list"], {0}),
        (["list", "--json"] if mutant.number % 2 else ["list", "--company", "a"], {0}),
        (["show", samples.show_id], {0, 1}),  # 1: that reflection is not in this file
        (["due", "--all"] if mutant.number % 2 else ["due", "--done"], {0, 1}),  # 1: some due
        (["export", "--format", export], {0, 1}),  # 1: no comparison saved (compare-md)
    ):
        run_checked(mutant, work, argv, allowed=allowed)
    check_merge(samples, mutant, folder / "merge")
    # Opened to be written: a copy merged into it, or an interview added to it.
    writes = ["journal.json", "journal.json.bak", "merged/*"]
    if mutant.number % 2:
        copy = {COPY_NAMES[0]: samples.files["conflict copy"]}
        work = fresh(folder / "merge into", {"journal.json": mutant.payload, **copy})
        run_checked(mutant, work, ["merge"], allowed={0}, writes=lambda _: [*writes, COPY_NAMES[0]])  # fmt: skip
    else:
        work = fresh(folder / "add", {"journal.json": mutant.payload})
        add = ["add-interview", "--company", "Initech", "--role", "SRE", "--at", "2026-12-01 10:00"]  # fmt: skip
        run_checked(mutant, work, add, allowed={0}, writes=lambda _: writes)


def check_import(samples: Samples, mutant: Mutant, folder: Path) -> None:
    """`import` and `import --dry-run` of the mutant into the demo journal (every third
    into a journal not made yet)."""
    name = {"export.json": "journal-export.json"}.get(mutant.input, mutant.input)
    into = {} if mutant.number % 3 == 2 else {"journal.json": samples.journal}
    dry = fresh(folder / "dry-run", {**into, name: mutant.payload})
    run_checked(mutant, dry, ["import", str(dry / name), "--dry-run"], allowed={0})
    work = fresh(folder / "import", {**into, name: mutant.payload})
    run_checked(
        mutant,
        work,
        ["import", str(work / name)],
        allowed={0},
        writes=lambda _: ["journal.json", "journal.json.bak"],
    )


def key_cost(payload: bytes) -> int:
    """The memory the envelope's key derivation would take, if Debrief accepts its costs."""
    from debrief.store.sealed import envelope_of, params_of

    envelope = envelope_of(payload)
    try:
        params = None if envelope is None else params_of(envelope, Path("journal.json"))
    except JournalError:
        return 0
    return 0 if params is None else 128 * params.n * params.r * params.p


def check_envelope(samples: Samples, mutant: Mutant, folder: Path) -> None:
    if key_cost(mutant.payload) > KEY_MEMORY_LIMIT:  # allowed, but ~0.7 s a command
        TALLY.outcomes["envelope: not run (key costs over 128 MB, within the bound)"] += 1
        return
    work = fresh(folder / "read", {"journal.json": mutant.payload})
    run_checked(mutant, work, ["list"], allowed={0})
    run_checked(mutant, work, ["due"], allowed={0, 1})
    work = fresh(folder / "decrypt", {"journal.json": mutant.payload})
    run_checked(mutant, work, ["decrypt"], allowed={0}, writes=lambda _: ["journal.json"])


CHECKS: dict[str, Callable[[Samples, Mutant, Path], None]] = {
    "journal": check_journal,
    "export.json": check_import,
    "export.ics": check_import,
    "invitation.ics": check_import,
    "envelope": check_envelope,
    "conflict copy": lambda samples, mutant, folder: check_merge(samples, mutant, folder),
}


@pytest.mark.parametrize("input_name", list(SHARES))
def test_every_command_refuses_a_damaged_file_cleanly(
    samples: Samples, input_name: str, tmp_path: Path
) -> None:
    before = len(TALLY.findings)
    for mutant in mutants_of(samples, input_name, budget(input_name)):
        tried(mutant)
        folder = tmp_path / str(mutant.number)
        CHECKS[input_name](samples, mutant, folder)
        shutil.rmtree(folder)
    found = TALLY.findings[before:]
    assert not found, f"{len(found)} findings:\n" + "\n".join(map(str, found[:40]))


# --- what the mutants found, each on its own ----------------------------------------------------


def demo_with(samples: Samples, folder: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """The demo journal in `folder`, changed by `change` (on its parsed tables)."""
    document = json.loads(samples.journal)
    change(document)
    return fresh(folder / "work", {"journal.json": json.dumps(document).encode()}) / "journal.json"


def first(table: dict[str, Any]) -> dict[str, Any]:
    return next(iter(table.values()))  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("table", "field_name", "argv"),
    [
        ("reflections", "opportunity_id", ["show", "SHOW_ID"]),  # was AssertionError
        ("interviews", "opportunity_id", ["list", "--company", "a"]),  # was KeyError
        ("followups", "reflection_id", ["due"]),
    ],
)
@pytest.mark.parametrize("schema", [2, 1])  # 1: an older journal, upgraded only if sound
def test_a_record_that_belongs_to_one_not_in_the_file_is_refused(
    samples: Samples, tmp_path: Path, table: str, field_name: str, argv: list[str], schema: int
) -> None:
    def orphan(document: dict[str, Any]) -> None:
        first(document[table])[field_name] = "0123456789abcdef" * 2
        first(document["meta"])["schema"] = schema

    path = demo_with(samples, tmp_path, orphan)
    before = snapshot(path.parent)
    argv = [samples.show_id if a == "SHOW_ID" else a for a in argv]
    run = run_main(main, ["--db", str(path), *argv])
    assert run.code == 2 and problems_of(run, {2}) == []
    assert f"field {field_name}: '{'0123456789abcdef' * 2}' names none of the file's" in run.err
    with pytest.raises(JournalError, match=f"record {table}/"):
        Journal.open(path)  # (as the app opens it: an older one is not upgraded)
    assert snapshot(path.parent) == before


def test_a_refusal_quotes_a_huge_value_in_a_few_words(samples: Samples, tmp_path: Path) -> None:
    def huge(document: dict[str, Any]) -> None:
        first(document["followups"])["due"] = "A" * 100_000

    path = demo_with(samples, tmp_path, huge)
    run = run_main(main, ["--db", str(path), "due"])
    assert run.code == 2 and problems_of(run, {2}) == []
    assert len(run.err) < 400 and "field due: 'AAAA" in run.err and "…" in run.err
    envelope = json.loads(samples.files["envelope"]) | {"cipher": "A" * 100_000}
    sealed = fresh(tmp_path / "sealed", {"journal.json": json.dumps(envelope).encode()})
    run = run_main(main, ["--db", str(sealed / "journal.json"), "list"])
    assert run.code == 2 and problems_of(run, {2}) == []
    assert len(run.err) < 400 and "cipher 'AAAA" in run.err


def test_a_calendar_that_icalendar_trips_on_is_refused_not_a_crash(
    samples: Samples, tmp_path: Path
) -> None:
    two_tzids = INVITATION.replace("TZID:Europe/Berlin\r\n", "TZID:Europe/Berlin\r\nTZID:Other\r\n", 1)  # fmt: skip
    work = fresh(tmp_path / "work", {"journal.json": samples.journal, "x.ics": two_tzids.encode()})
    before = snapshot(work)
    for dry_run in (["--dry-run"], []):  # (was AttributeError from icalendar's parser)
        run = run_main(main, ["--db", str(work / "journal.json"), "import", str(work / "x.ics"), *dry_run])  # fmt: skip
        assert run.code == 2 and problems_of(run, {2}) == [], run
        assert "x.ics is not a calendar file" in run.err
    assert snapshot(work) == before


def test_a_refused_calendar_makes_no_journal_and_upgrades_none(
    samples: Samples, tmp_path: Path
) -> None:
    bad = INVITATION.replace("20261126T100000", "99991126T100000", 1).encode()
    work = fresh(tmp_path / "none yet", {"x.ics": bad})
    run = run_main(main, ["--db", str(work / "journal.json"), "import", str(work / "x.ics")])
    assert run.code == 2 and problems_of(run, {2}) == []
    assert sorted(p.name for p in work.iterdir()) == ["x.ics"]  # (it made an empty journal)

    def older(document: dict[str, Any]) -> None:
        first(document["meta"])["schema"] = 1

    path = demo_with(samples, tmp_path / "older", older)
    (path.parent / "x.ics").write_bytes(bad)
    before = snapshot(path.parent)
    assert run_main(main, ["--db", str(path), "import", str(path.parent / "x.ics")]).code == 2
    assert snapshot(path.parent) == before  # (it was upgraded, and the old one kept aside)
    (path.parent / "x.ics").write_bytes(INVITATION.encode())
    assert run_main(main, ["--db", str(path), "import", str(path.parent / "x.ics")]).code == 0
    assert len(Journal.open(path, readonly=True).interviews()) == 3 + 3  # the demo's, and these


# --- the lead's list: crashes fixed while this test was written, kept fixed ---------------------


def ran_clean(work: Path, argv: list[str], allowed: set[int]) -> Run:
    before = snapshot(work)
    run = run_main(main, ["--db", str(work / "journal.json"), *argv])
    assert problems_of(run, allowed) == [], run
    if run.code != 0:
        assert snapshot(work) == before, run
    return run


@pytest.mark.parametrize("start", ["99991126T100000", "00011126T100000", "22011126T100000", "18991126T100000", "20261301T250000"])  # fmt: skip
def test_an_invitation_out_of_the_years_is_refused_naming_the_event(
    samples: Samples, tmp_path: Path, start: str
) -> None:
    ics = INVITATION.replace("20261126T100000", start, 1).encode()
    work = fresh(tmp_path / "work", {"journal.json": samples.journal, "x.ics": ics})
    for dry_run in (["--dry-run"], []):
        run = ran_clean(work, ["import", str(work / "x.ics"), *dry_run], {2})
        assert "Onsite interview" in run.err


def test_an_outlook_invitation_with_a_windows_zone_name_is_read(
    samples: Samples, tmp_path: Path
) -> None:
    ics = INVITATION.replace("Europe/Berlin", "W. Europe Standard Time").encode()
    work = fresh(tmp_path / "work", {"journal.json": samples.journal, "x.ics": ics})
    ran_clean(work, ["import", str(work / "x.ics")], {0})
    (onsite,) = [i for i in Journal.open(work / "journal.json").interviews() if i.uid.startswith("onsite")]  # fmt: skip
    assert onsite.start.isoformat() == "2026-11-26T10:00:00+01:00"


@pytest.mark.parametrize(("n", "r"), [(2**20, 1), (2**20, 8), (2**20, 16), (2**19, 16)])
def test_an_envelope_with_key_costs_beyond_the_bound_is_refused_at_once(
    samples: Samples, tmp_path: Path, n: int, r: int
) -> None:
    envelope = json.loads(samples.files["envelope"])
    envelope["kdf"] |= {"n": n, "r": r}
    work = fresh(tmp_path / "work", {"journal.json": json.dumps(envelope).encode()})
    for argv in (["list"], ["decrypt"]):
        run = ran_clean(work, argv, {2})
        assert "key parameters are damaged" in run.err  # (said before deriving a key)


def test_a_copy_whose_deletion_has_no_time_zone_merges_cleanly(
    samples: Samples, tmp_path: Path
) -> None:
    copy = json.loads(samples.files["conflict copy"])
    for entry in copy["deleted"].values():
        entry["at"] = entry["at"][:19]  # 2026-12-07T22:40:00, no offset
    work = fresh(tmp_path / "work", {"journal.json": samples.journal, COPY_NAMES[0]: json.dumps(copy).encode()})  # fmt: skip
    for argv in (["merge"], ["merge", "--yes"]):  # (was TypeError, merge and app start)
        ran_clean(work, argv, {0, 2})


def debrief_process(argv: list[str], *, without: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """`debrief ARGV` as a person runs it (no DEBRIEF_DEBUG), its input at its end."""
    drop = {"DEBRIEF_DEBUG", *without}
    env = {key: value for key, value in os.environ.items() if key not in drop}
    command = [sys.executable, "-m", "debrief", *argv]
    return subprocess.run(command, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=60, check=False)  # fmt: skip


def said_cleanly(done: subprocess.CompletedProcess[str]) -> bool:
    lines = done.stderr.strip().splitlines()
    one_line = len(lines) == 1 and lines[0].startswith("debrief: ")
    return "Traceback" not in done.stdout + done.stderr and PASSPHRASE not in done.stdout + done.stderr and (done.returncode != 2 or one_line)  # fmt: skip


@pytest.mark.parametrize("command", ["encrypt", "passphrase"])
def test_encrypt_and_passphrase_with_input_at_its_end_refuse(
    samples: Samples, tmp_path: Path, command: str
) -> None:
    """No terminal and nothing to read: a refusal, not EOFError (the current passphrase
    still comes from the command; the new one would be typed)."""
    sample = samples.files["envelope" if command == "passphrase" else "journal"]
    work = fresh(tmp_path / "work", {"journal.json": sample})
    before = snapshot(work)
    without = (PASSPHRASE_COMMAND,) if command == "encrypt" else ()
    done = debrief_process(["--db", str(work / "journal.json"), command], without=without)
    assert done.returncode == 2 and said_cleanly(done), done
    assert snapshot(work) == before


def test_a_real_process_fed_a_damaged_file_says_one_line_never_a_trace(
    samples: Samples, tmp_path: Path
) -> None:
    """One mutant of each input through `python -m debrief`, as a person would run it."""
    for input_name in SHARES:
        mutant = list(mutants_of(samples, input_name, 2))[-1]
        tried(mutant, "own process")
        name = {"export.json": "export.json", "conflict copy": COPY_NAMES[0]}.get(input_name, input_name)  # fmt: skip
        journal = {} if input_name in ("journal", "envelope") else {"journal.json": samples.journal}
        name = "journal.json" if input_name in ("journal", "envelope") else name
        work = fresh(tmp_path / input_name, {**journal, name: mutant.payload})
        argv = {"journal": ["due"], "envelope": ["list"], "conflict copy": ["merge"]}.get(input_name, ["import", str(work / name)])  # fmt: skip
        before = snapshot(work)
        done = debrief_process(["--db", str(work / "journal.json"), *argv])
        assert done.returncode in (0, 1, 2) and said_cleanly(done), (str(mutant), done)
        if done.returncode:
            assert snapshot(work) == before, str(mutant)


# --- the app ----------------------------------------------------------------------------------


async def test_the_app_starts_on_a_damaged_journal_or_says_why(
    samples: Samples, tmp_path: Path
) -> None:
    """The first three mutants `Journal.open` accepts start the app (home, then the journal
    and trends screens); the first three it refuses make `debrief` say why in one line,
    before Textual starts."""
    started = refused = 0
    for mutant in mutants_of(samples, "journal", 60):
        if started >= 3 and refused >= 3:
            break
        path = fresh(tmp_path / str(mutant.number), {"journal.json": mutant.payload}) / "journal.json"  # fmt: skip
        try:
            journal = Journal.open(path)
        except JournalError:
            if refused < 3:
                refused += 1
                tried(mutant, "app start")
                run = run_main(main, ["--db", str(path)])  # the app, as `debrief` starts it
                record(mutant, run, problems_of(run, {2}))
                assert run.code == 2 and problems_of(run, {2}) == [], run
            continue
        if started >= 3:
            continue
        started += 1
        tried(mutant, "app start")
        app = make_app(journal, clock=fixed_clock)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await pilot.pause()
            for key in ("f3", "f4"):
                await pilot.press(key)
                await pilot.pause()
            assert any(line.strip() for line in screen_lines(app)), str(mutant)
    assert started == refused == 3


async def test_the_app_names_a_damaged_conflict_copy_and_leaves_it(
    samples: Samples, tmp_path: Path
) -> None:
    """A conflict copy beside the journal is offered, merged or named as it starts (six
    mutants, one at least that can't be merged)."""
    shown: Counter[str] = Counter()
    for mutant in mutants_of(samples, "conflict copy", 40):
        if shown.total() >= 6 and shown["named"]:
            break
        tried(mutant, "app start")
        name = COPY_NAMES[mutant.number % len(COPY_NAMES)]
        folder = fresh(tmp_path / str(mutant.number), {"journal.json": samples.journal, name: mutant.payload})  # fmt: skip
        app = make_app(Journal.open(folder / "journal.json"), clock=fixed_clock)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await pilot.pause()
            await pilot.pause()
            text = " ".join(screen_lines(app))
            if isinstance(app.screen, ConfirmScreen):
                shown["offered"] += 1
            elif "Not merged" in text:
                shown["named"] += 1
                assert (folder / name).read_bytes() == mutant.payload, str(mutant)
            else:
                assert "Merged" in text, f"{mutant}: {text[:300]}"
                shown["merged"] += 1
    assert shown["named"], shown


# --- the summary ------------------------------------------------------------------------------


def test_summary(record_property: Callable[[str, Any], None]) -> None:
    """How many mutants were tried and how each command ended (-s -p no:xdist shows it;
    DEBRIEF_MUTATION_REPORT=FILE writes every finding there, one a line)."""
    total = sum(TALLY.tried.values())
    record_property("mutants", total)
    lines = [
        f"file mutation: {total} mutants {dict(TALLY.tried)}, {TALLY.runs} commands run, "
        f"{len(TALLY.findings)} findings, seed {SEED!r}",
        *(f"  {outcome}: {count}" for outcome, count in sorted(TALLY.outcomes.items())),
    ]
    print("\n".join(lines))
    report = os.environ.get("DEBRIEF_MUTATION_REPORT")
    if report:
        Path(report).write_text("".join(f"{finding}\n" for finding in TALLY.findings))
