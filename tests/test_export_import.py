"""Own your data: a lossless JSON round trip, merge rules, all-or-nothing imports, safe CSV."""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import orjson
import pytest

from debrief.cli import main
from debrief.exchange import export_csv, export_json, parse_export, plan_merge, spreadsheet_safe
from debrief.followups import mark_done, plan
from debrief.model import Bundle, Decision, Interviewer, Settings, Status, to_dict
from debrief.store.journal import Journal
from tests.samples import NOW, full_reflection, opportunity, scheduled


@pytest.fixture
def filled(journal: Journal) -> Journal:
    acme, globex = opportunity(), opportunity("Globex", "SRE", status=Status.OFFER)
    for reflection, job in (
        (full_reflection(acme.id, id="r1"), acme),
        (full_reflection(globex.id, id="r2", rating=9), globex),
    ):
        items = plan(job, [reflection], "Europe/Berlin")
        items[0] = mark_done(items[0], NOW, note="sent")
        journal.save_reflection(reflection, job, items)
    journal.save_interview(scheduled(acme.id, uid="abc@calendar"), acme)
    journal.save_settings(
        Settings(name="Alex Morgan", default_currency="EUR", checklist=("Ask about parking",))
    )
    journal.save_decision(Decision(chosen=(acme.id, globex.id), scores={acme.id: {"Pay": 4}}))
    return journal


def run(*args: str) -> int:
    return main(list(args))


def test_export_import_export_gives_the_same_document(
    filled: Journal, journal_path: Path, tmp_path: Path
) -> None:
    first = tmp_path / "first.json"
    assert run("--db", str(journal_path), "export", "--format", "json", "-o", str(first)) == 0
    document = orjson.loads(first.read_bytes())
    assert list(document)[:2] == ["format", "version"] and document["format"] == "debrief-export"
    assert len(document["reflections"]) == 2 and document["settings"]["name"] == "Alex Morgan"
    fresh = tmp_path / "fresh.json"
    assert run("--db", str(fresh), "import", str(first)) == 0
    second = tmp_path / "second.json"
    assert run("--db", str(fresh), "export", "--format", "json", "-o", str(second)) == 0
    assert second.read_bytes() == first.read_bytes()
    assert Journal.open(fresh).reflections() == filled.reflections()
    assert Journal.open(fresh).interviews() == filled.interviews() != []
    assert Journal.open(fresh).settings().checklist == ("Ask about parking",)


def test_a_version_1_export_still_imports(
    filled: Journal, journal_path: Path, tmp_path: Path
) -> None:
    """An export made before scheduled interviews and asked questions existed."""
    document = orjson.loads(export_json(filled.bundle()))
    document["version"] = 1
    del document["interviews"]
    for reflection in document["reflections"]:
        del reflection["questions"], reflection["interview_id"]
    old = tmp_path / "old.json"
    old.write_bytes(orjson.dumps(document))
    fresh = tmp_path / "fresh.json"
    assert run("--db", str(fresh), "import", str(old)) == 0
    assert [r.questions for r in Journal.open(fresh).reflections()] == [(), ()]


def test_import_summary_and_merge_rules(
    filled: Journal, journal_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.json"
    run("--db", str(journal_path), "export", "--format", "json", "-o", str(export))
    capsys.readouterr()
    assert run("--db", str(journal_path), "import", str(export)) == 0
    total = len(filled.opportunities()) + len(filled.reflections()) + len(filled.followups())
    total += len(filled.interviews())
    assert capsys.readouterr().out == f"0 added, 0 updated, {total} unchanged\n"
    document = orjson.loads(export.read_bytes())
    document["reflections"][0]["rating"] = 2
    document["reflections"][0]["updated_at"] = NOW.add(days=1).isoformat()  # newer: taken
    document["reflections"][1]["rating"] = 1
    document["reflections"][1]["updated_at"] = NOW.subtract(days=1).isoformat()  # older: kept
    new = dict(document["opportunities"][0], id="o-new", company="Initech")
    document["opportunities"].append(new)
    export.write_bytes(orjson.dumps(document))
    assert run("--db", str(journal_path), "import", str(export)) == 0
    assert capsys.readouterr().out.startswith("1 added, 1 updated, ")
    ratings = {r.id: r.rating for r in Journal.open(journal_path).reflections()}
    assert ratings == {"r1": 2, "r2": 9}


def test_a_dry_run_writes_nothing(
    filled: Journal, journal_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.json"
    run("--db", str(journal_path), "export", "--format", "json", "-o", str(export))
    empty = tmp_path / "empty.json"
    capsys.readouterr()
    assert run("--db", str(empty), "import", str(export), "--dry-run") == 0
    out = capsys.readouterr().out
    added = 2 + 2 + 1 + len(filled.followups())  # (opportunities, rounds, an interview)
    assert out.startswith(f"{added} added, 0 updated, 0 unchanged")
    assert out.strip().endswith("(dry run: nothing written)")
    assert not empty.exists()


BAD_IMPORTS = {
    "not json": (b"{oops", "is not valid JSON"),
    "another program": (b'{"journals": {}}', "is not a Debrief export"),
    "unknown version": (b'{"format": "debrief-export", "version": 7}', "has export version 7"),
}


@pytest.mark.parametrize("payload, message", BAD_IMPORTS.values(), ids=BAD_IMPORTS.keys())
def test_bad_files_are_rejected_and_the_journal_stays_byte_identical(
    filled: Journal,
    journal_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    payload: bytes,
    message: str,
) -> None:
    source = tmp_path / "in.json"
    source.write_bytes(payload)
    before = journal_path.read_bytes()
    assert run("--db", str(journal_path), "import", str(source)) == 2
    err = capsys.readouterr().err
    assert message in err and "Nothing was imported" in err
    assert journal_path.read_bytes() == before


@pytest.mark.parametrize(
    "kind, field, value, expected",
    [
        (
            "reflections",
            "rating",
            42,
            "reflections #2 (id r2), field rating: must be from 1 to 10, not 42",
        ),
        (
            "reflections",
            "interview_at",
            "2026-13-45",
            "reflections #1 (id r1), field interview_at: '2026-13-45' is not an ISO-8601 date",
        ),
        ("opportunities", "company", "", "field company: must not be empty"),
    ],
)
def test_an_invalid_record_is_named_and_nothing_is_imported(
    filled: Journal,
    journal_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    field: str,
    value: object,
    expected: str,
) -> None:
    export = tmp_path / "export.json"
    run("--db", str(journal_path), "export", "--format", "json", "-o", str(export))
    document = orjson.loads(export.read_bytes())
    index = 1 if field == "rating" else 0
    document[kind][index][field] = value
    document["opportunities"].append(
        dict(document["opportunities"][0], id="o-new")
    )  # a valid new one too
    export.write_bytes(orjson.dumps(document))
    before = journal_path.read_bytes()
    capsys.readouterr()
    assert run("--db", str(journal_path), "import", str(export)) == 2
    assert expected in capsys.readouterr().err
    assert journal_path.read_bytes() == before  # all or nothing: not even the valid new record


def test_a_dangling_reference_is_rejected() -> None:
    document = {
        "format": "debrief-export",
        "version": 1,
        "opportunities": [],
        "reflections": [to_dict(full_reflection("ghost", id="r1"))],
    }
    with pytest.raises(ValueError, match="r1 belongs to an opportunity that is not in the file"):
        parse_export(orjson.dumps(document), "in.json")


def test_settings_and_decision_are_taken_only_into_a_journal_without_them() -> None:
    incoming = Bundle(settings=Settings(name="Them"), decision=Decision())
    assert plan_merge(incoming, Bundle()).writes.settings == Settings(name="Them")
    assert (
        plan_merge(
            incoming, Bundle(settings=Settings(name="Me"), decision=Decision())
        ).writes.settings
        is None
    )


@pytest.mark.parametrize("text", ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\tx"])
def test_csv_cells_never_start_a_formula(text: str) -> None:
    assert spreadsheet_safe(text) == "'" + text
    assert spreadsheet_safe("plain") == "plain"
    assert spreadsheet_safe("\rx") == "␍x"  # (no carriage return reaches the file at all)


def test_csv_has_a_header_and_one_row_per_reflection(filled: Journal) -> None:
    job = opportunity(company="=cmd|' /C calc'!A0", role="@role")
    reflection = full_reflection(
        job.id, id="r3", interviewers=(Interviewer(name="-Jane", title="CTO"),), next_steps="+ call"
    )
    bundle = dataclasses.replace(
        filled.bundle(),
        opportunities=(*filled.bundle().opportunities, job),
        reflections=(*filled.bundle().reflections, reflection),
    )
    rows = list(csv.reader(io.StringIO(export_csv(bundle).decode("utf-8"))))
    assert rows[0][:4] == ["interview date", "time", "company", "role"]
    assert len(rows) == 4
    evil = next(row for row in rows if row[-1] == "r3")
    assert evil[2:4] == ["'=cmd|' /C calc'!A0", "'@role"]
    assert evil[9] == "'-Jane (CTO)" and evil[10] == "'+ call"


def test_markdown_has_a_section_per_opportunity_with_rounds_in_order(
    filled: Journal, journal_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--db", str(journal_path), "export", "--format", "md") == 0
    text = capsys.readouterr().out
    assert text.startswith(
        "# Debrief journal\n\n## Acme — Data Engineer\n\nStatus: Interviewing · 1 round"
    )
    assert "### Round 1: Sat 21 Nov 2026, 15:00 · Technical · Video" in text
    assert "\\[bold\\]x\\[/\\]" in text  # user text shown literally
    assert text.index("## Acme") < text.index("## Globex")
