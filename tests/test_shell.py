"""`debrief list`, `show` and `due` on a fixed journal: exact lines, filters, JSON, exit codes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from debrief.cli import main
from debrief.followups import dismiss, mark_done, plan
from debrief.model import Interviewer, Settings, Stage, Status
from debrief.shell import Style
from debrief.store.journal import Journal
from tests.samples import NOW, bare_reflection, opportunity

ACME_ID = "a1" + "0" * 30
ACME_EARLIER_ID = "a2" + "0" * 30
GLOBEX_ID = "b1" + "0" * 30


@pytest.fixture
def fixed(journal: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three reflections, two opportunities, follow-ups planned; it is Sunday 22 Nov 2026, 14:05."""
    monkeypatch.setenv("DEBRIEF_NOW", NOW.isoformat())
    monkeypatch.delenv("NO_COLOR", raising=False)
    journal.save_settings(Settings(name="Alex Morgan", timezone="Europe/Berlin"))
    acme = opportunity("Acme", "Data Engineer")
    globex = opportunity("Globex Corporation", "Platform Engineer", status=Status.OFFER)
    jane = Interviewer(name="Jane Doe")
    for reflection, job in (
        (bare_reflection(acme.id, id=ACME_ID, interview_at=NOW.subtract(days=2).set(hour=10, minute=0), rating=7,
                         stage=Stage.TECHNICAL, interviewers=(jane,), went_badly="Fumbled sharding"), acme),
        (bare_reflection(acme.id, id=ACME_EARLIER_ID, interview_at=NOW.subtract(days=20).set(hour=9, minute=30),
                         rating=4, stage=Stage.PHONE_SCREEN), acme),
        (bare_reflection(globex.id, id=GLOBEX_ID, interview_at=NOW.subtract(days=40).set(hour=16, minute=0), rating=9,
                         stage=Stage.FINAL, lessons="Résumé gaps: explain them"), globex),
    ):  # fmt: skip
        journal.save_reflection(reflection, job)
    for job in (acme, globex):
        rounds = journal.rounds(job.id)
        items = [
            mark_done(i, NOW) if i.reflection_id != ACME_ID else i
            for i in plan(job, rounds, "Europe/Berlin", now=NOW)
        ]
        journal.save_plan(job, items)
    return journal_path


def run(path: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    code = main(["--db", str(path), *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_list_prints_aligned_lines_newest_first(
    fixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines, _ = run(fixed, "list", capsys=capsys)
    assert code == 0
    assert lines == [
        "a1000000  2026-11-20 10:00  Acme                Data Engineer      Technical      7/10  Interviewing",
        "a2000000  2026-11-02 09:30  Acme                Data Engineer      Phone screen   4/10  Interviewing",
        "b1000000  2026-10-13 16:00  Globex Corporation  Platform Engineer  Final          9/10  Offer",
    ]


@pytest.mark.parametrize(
    "options, ids",
    [
        (["-n", "1"], ["a1000000"]),
        (["--company", "globex"], ["b1000000"]),
        (["--status", "interviewing"], ["a1000000", "a2000000"]),
        (["--status", "Offer"], ["b1000000"]),  # choices as people type them
        (["--since", "2026-11-01"], ["a1000000", "a2000000"]),
        (["--since", "3 weeks ago"], ["a1000000", "a2000000"]),
        (["--search", "resume"], ["b1000000"]),  # "Résumé", accents ignored
        (["--search", "SHARDING", "-n", "5"], ["a1000000"]),
        (["--search", "sharding fumbled"], ["a1000000"]),  # words in any order
        (["--search", '"sharding fumbled"'], []),  # a quoted phrase as written
        (["--company", "nobody"], []),
    ],
)
def test_list_filters(
    fixed: Path, capsys: pytest.CaptureFixture[str], options: list[str], ids: list[str]
) -> None:
    code, lines, _ = run(fixed, "list", *options, capsys=capsys)
    assert code == 0
    assert [line.split()[0] for line in lines] == ids


def test_list_json_parses_back(fixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, lines, _ = run(fixed, "list", "--json", capsys=capsys)
    records = [json.loads(line) for line in lines]
    assert records[0] == {
        "id": ACME_ID,
        "interview_at": "2026-11-20T10:00:00+01:00",
        "company": "Acme",
        "role": "Data Engineer",
        "stage": "technical",
        "format": None,
        "rating": 7,
        "want_job": None,
        "status": "interviewing",
    }
    assert [r["company"] for r in records] == ["Acme", "Acme", "Globex Corporation"]


def test_a_bad_since_is_a_usage_error(fixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(fixed), "list", "--since", "the day before"])
    assert exited.value.code == 2
    assert "--since: Can't read 'the day before'" in capsys.readouterr().err


def test_show_by_prefix_prints_the_document(
    fixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines, _ = run(fixed, "show", "b1", capsys=capsys)
    assert code == 0
    assert lines[:2] == [
        "Globex Corporation — Platform Engineer",
        "Tue 13 Oct 2026, 16:00 · Final · status: offer",
    ]
    assert "  Lessons for next time" in lines
    assert "    Résumé gaps: explain them" in lines
    assert lines[-1] == "Written Sun 22 Nov 2026, 14:05"


def test_show_ambiguous_or_unknown_prefix(fixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = run(fixed, "show", "a", capsys=capsys)
    assert (code, lines) == (1, [])
    assert err == "debrief: 'a' matches 2 reflections (a1000000, a2000000); type more of the id.\n"
    code, lines, err = run(fixed, "show", "zz", capsys=capsys)
    assert (code, lines) == (1, [])
    assert err == "debrief: no reflection has an id starting with 'zz' (see: debrief list).\n"


def test_due_lists_overdue_and_today_and_exits_1(
    fixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines, _ = run(fixed, "due", capsys=capsys)
    assert code == 1
    assert lines == [
        "1 day overdue  Thank-you note to Jane Doe (by email)  "
        "Acme — Data Engineer · round 2 · technical"  # (Acme has had two rounds)
    ]


def test_due_all_includes_upcoming(fixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = run(fixed, "due", "--all", capsys=capsys)
    assert code == 1
    assert [line.split("  ")[0] for line in lines] == ["1 day overdue", "in 2 days", "in 4 days"]


def test_due_json(fixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, lines, _ = run(fixed, "due", "--json", capsys=capsys)
    (record,) = [json.loads(line) for line in lines]
    assert (
        record["kind"] == "thank_you"
        and record["person"] == "Jane Doe"
        and record["overdue"] is True
    )
    assert record["due"] == "2026-11-20T20:00:00+01:00"
    assert record["company"] == "Acme" and record["round"] == "round 2 · technical"


def test_due_done_lists_what_is_behind_you_newest_first(
    fixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = Journal.open(fixed)
    (thank_you,) = [f for f in journal.followups(ACME_ID) if f.kind.value == "thank_you"]
    skipped = dismiss(thank_you, NOW.subtract(hours=2))
    acme = journal.opportunity_of(ACME_ID)
    assert acme is not None
    in_plan = [f for r in journal.rounds(acme.id) for f in journal.followups(r.id)]
    journal.save_plan(acme, [skipped if f.id == skipped.id else f for f in in_plan])
    code, lines, _ = run(fixed, "due", "--done", capsys=capsys)
    assert code == 0
    assert lines[0].split()[:3] == ["just", "now", "Done:"]
    assert lines[-1].split("  ")[:3] == [
        "2 hours ago",
        "Skipped: Thank-you note to Jane Doe (by email)",
        "Acme — Data Engineer · round 2 · technical",
    ]
    _, lines, _ = run(fixed, "due", "--done", "--json", capsys=capsys)
    records = [json.loads(line) for line in lines]
    assert [r["at"] for r in records] == sorted((r["at"] for r in records), reverse=True)
    assert records[-1]["outcome"] == "skipped" and records[-1]["id"] == thank_you.id
    code, lines, _ = run(fixed, "due", capsys=capsys)
    assert (code, lines) == (0, [])  # and it has left the agenda


def test_due_shows_two_rounds_of_one_opportunity_without_a_duplicate(
    journal: Journal, journal_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Round 1 (onsite) and round 2 (final) with Tom, nothing done yet: each round its own
    thank-you, named by its round; his invitation and the word to your references once."""
    monkeypatch.setenv("DEBRIEF_NOW", NOW.isoformat())
    monkeypatch.setenv("NO_COLOR", "1")
    journal.save_settings(Settings(name="Alex Morgan", timezone="Europe/Berlin"))
    acme = opportunity("Acme", "Data Engineer")
    tom = Interviewer(name="Tom Becker", linkedin="https://linkedin.com/in/tom")
    one = bare_reflection(acme.id, id="r1", interview_at=NOW.subtract(days=9).set(hour=10, minute=0),
                          stage=Stage.ONSITE, interviewers=(tom,))  # fmt: skip
    journal.save_reflection(one, acme, plan(acme, [one], "Europe/Berlin", now=NOW.subtract(days=9)))
    two = bare_reflection(acme.id, id="r2", interview_at=NOW.subtract(days=2).set(hour=10, minute=0),
                          stage=Stage.FINAL, interviewers=(tom,))  # fmt: skip
    journal.save_reflection(
        two, acme, plan(acme, [one, two], "Europe/Berlin", journal.followups(), NOW)
    )
    code, lines, _ = run(journal_path, "due", "--all", capsys=capsys)
    assert code == 1
    assert len(set(lines)) == len(lines)
    assert sum("Thank-you note to Tom Becker" in line for line in lines) == 2
    assert any("Thank-you note to Tom Becker" in x and "round 1 · onsite" in x for x in lines)
    assert any("Thank-you note to Tom Becker" in x and "round 2 · final" in x for x in lines)
    assert sum("Connect on LinkedIn with Tom Becker" in line for line in lines) == 1
    assert sum("Tell your references" in line for line in lines) == 1
    assert all("round 2" in line for line in lines if "Thank-you" not in line)


def test_nothing_due_exits_0(
    journal: Journal, journal_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines, _ = run(journal_path, "due", capsys=capsys)
    assert (code, lines) == (0, [])


def test_shell_commands_never_write(fixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in fixed.parent.iterdir()}
    for args in (
        ["list"],
        ["show", "a1"],
        ["due"],
        ["due", "--all", "--json"],
        ["export", "--format", "ics"],
    ):
        run(fixed, *args, capsys=capsys)
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in fixed.parent.iterdir()}
    assert after == before  # no file changed, none created (not even a lock)


@pytest.mark.parametrize(
    "content",
    [b"", b"{nope", b"[]", b'{"meta": {"1": {"format": "debrief-journal", "schema": 99}}}'],
)
@pytest.mark.parametrize("command", [["list"], ["show", "a1"], ["due"]])
def test_bad_files_are_refused_as_the_app_refuses_them(
    tmp_path: Path, content: bytes, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "journal.json"
    path.write_bytes(content)
    code, lines, err = run(path, *command, capsys=capsys)
    assert (code, lines) == (2, [])
    assert err.startswith(f"debrief: {path}") and "left untouched" in err
    assert path.read_bytes() == content


def test_a_bad_record_is_named(fixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = fixed.read_text().replace('"rating":7', '"rating":42')
    fixed.write_text(text)
    code, _, err = run(fixed, "list", capsys=capsys)
    assert code == 2
    assert f"record reflections/{ACME_ID}, field rating: must be from 1 to 10, not 42" in err


def test_colour_only_for_a_terminal_and_never_with_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert Style.for_stream(Terminal()).enabled
    assert not Style.for_stream(io.StringIO()).enabled
    monkeypatch.setenv("NO_COLOR", "1")
    assert not Style.for_stream(Terminal()).enabled
    assert Style(True)("Acme", "1") == "\x1b[1mAcme\x1b[0m"


def test_control_characters_in_user_text_are_made_visible(
    journal: Journal, journal_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    job = opportunity("Evil\x1b[31mCorp", "Role\nwith newline")
    journal.save_reflection(bare_reflection(job.id), job)
    _, lines, _ = run(journal_path, "list", capsys=capsys)
    assert "\x1b" not in lines[0]
    assert "Evil␛[31mCorp" in lines[0] and "Role with newline" in lines[0]


@pytest.mark.parametrize(
    "command", [["list", "-n", "10"], ["show", "a1"], ["due"], ["export", "--format", "ics"]]
)
def test_shell_commands_never_import_textual(fixed: Path, command: list[str]) -> None:
    code = (
        "import sys; from debrief.cli import main; "
        f"main(['--db', {str(fixed)!r}, *{command!r}]); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ}
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


# --- interviews ahead -----------------------------------------------------------------------


def test_add_interview_then_list_and_due_show_it(
    fixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        fixed, "add-interview", "--company", "globex corporation", "--role", "platform engineer",
        "--at", "tomorrow 10:00", "--duration", "1h30", "--stage", "onsite",
        "--interviewer", "Jane Doe, jane@globex.example", capsys=capsys,
    )  # fmt: skip
    assert code == 0
    assert out[0].startswith("Scheduled Globex Corporation — onsite, tomorrow 10:00 (id ")
    interview = Journal.open(fixed).interviews()[0]
    assert interview.opportunity_id == Journal.open(fixed).opportunities()[1].id  # the known one
    assert [(p.name, p.email) for p in interview.interviewers] == [
        ("Jane Doe", "jane@globex.example")
    ]
    code, out, _ = run(fixed, "list", capsys=capsys)
    assert out[0].split()[1:] == ["2026-11-23", "10:00", "Globex", "Corporation", "Platform",
                                  "Engineer", "Onsite", "ahead"]  # fmt: skip
    assert len(out) == 4  # and the three reflections below
    assert out[0].index("Platform Engineer") == out[3].index("Platform Engineer")  # aligned
    code, out, _ = run(fixed, "due", capsys=capsys)
    interview = next(line for line in out if "Interview:" in line)  # (after what is due)
    assert interview.split("  ")[0:2] == [
        "tomorrow 10:00",
        "Interview: Globex Corporation — onsite",
    ]


@pytest.mark.parametrize(
    "typed, stage, kind",
    [("Phone Screen", "phone_screen", "VIDEO"), ("hiring-manager", "hiring_manager", "in person")],
)
def test_choices_are_read_whatever_their_case_or_spacing(
    fixed: Path, capsys: pytest.CaptureFixture[str], typed: str, stage: str, kind: str
) -> None:
    code, _, err = run(fixed, "add-interview", "--company", "Initech", "--role", "SRE",
                       "--at", "tomorrow 9:00", "--stage", typed, "--format", kind,
                       capsys=capsys)  # fmt: skip
    assert code == 0, err
    interview = Journal.open(fixed).interviews()[0]
    assert (interview.stage.value if interview.stage else None) == stage
    code, lines, _ = run(fixed, "export", "--format", "CSV", capsys=capsys)
    assert code == 0 and lines[0].startswith("interview date,")


def test_an_interview_that_is_over_asks_for_its_reflection_in_due(
    fixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(fixed, "add-interview", "--company", "Initech", "--role", "SRE", "--at", "today 9:00",
        "--stage", "technical", capsys=capsys)  # fmt: skip
    code, out, _ = run(fixed, "due", "--json", capsys=capsys)
    first = json.loads(out[0])
    assert (first["kind"], first["what"], first["when"]) == (
        "reflect",
        "Reflect on Initech — technical",
        "ended 4 hours ago",
    )
    assert code == 1


def test_add_interview_refuses_a_bad_date_and_writes_nothing(
    fixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = fixed.read_bytes()
    code, _, err = run(fixed, "add-interview", "--company", "Initech", "--role", "SRE",
                       "--at", "someday", capsys=capsys)  # fmt: skip
    assert code == 1 and err.startswith("debrief: --at: ")
    assert fixed.read_bytes() == before
