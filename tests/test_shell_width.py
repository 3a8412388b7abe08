"""`debrief list` and `due` on an 80-column terminal: every line fits, a wrapped row breaks
between words, what is due comes before what is ahead, and "nothing due" is said; piped,
the lines are as they always were (issue #29)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from debrief.columns import wrap_words
from debrief.followups import mark_done, plan
from debrief.model import Interviewer, Settings, Stage
from debrief.shell import Style, due_lines, list_lines
from debrief.store.journal import Journal
from debrief.text import cell_width
from tests.samples import BERLIN, NOW, bare_reflection, opportunity, scheduled

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
PLAIN = Style(enabled=False)


def on_a_terminal(journal_path: Path, *args: str, columns: int = 80) -> list[str]:
    """The lines `debrief` prints to a pseudo-terminal `columns` wide (no colour)."""
    reading, writing = os.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1", "DEBRIEF_NOW": NOW.isoformat()}
    env.pop("DEBRIEF_DB", None)
    subprocess.run(
        [sys.executable, "-m", "debrief", "--db", str(journal_path), *args],
        stdout=writing, env=env, check=False, timeout=60,
    )  # fmt: skip
    os.close(writing)
    output = b""
    while True:
        try:
            chunk = os.read(reading, 65536)
        except OSError:  # (the terminal's other end is closed: all read)
            break
        if not chunk:
            break
        output += chunk
    os.close(reading)
    return output.decode().replace("\r\n", "\n").splitlines()


@pytest.fixture
def long_names(journal: Journal, journal_path: Path) -> Path:
    """A company and role long enough to overflow 80 columns, a thank-you and
    an interview ahead (the thank-you is a day overdue)."""
    journal.save_settings(Settings(name="Alex Morgan", timezone=BERLIN))
    job = opportunity("Globex Corporation International", "Senior Platform Engineer")
    reflection = bare_reflection(
        job.id, id="r1", interview_at=NOW.subtract(days=2), stage=Stage.ONSITE,
        interviewers=(Interviewer(name="Maximiliane Oberhuber-Schwarzenegger"),),
    )  # fmt: skip
    journal.save_reflection(reflection, job, plan(job, [reflection], BERLIN, now=NOW))
    journal.save_interview(scheduled(job.id), job)
    return journal_path


def words_of(lines: list[str]) -> list[str]:
    return " ".join(lines).split()


def test_due_fits_80_columns_and_breaks_only_between_words(long_names: Path) -> None:
    lines = on_a_terminal(long_names, "due")
    assert lines and max(cell_width(line) for line in lines) <= 80, lines
    assert "Platform" in words_of(lines) and "Engineer" in words_of(lines)
    thank_you = next(i for i, line in enumerate(lines) if "Thank-you" in line)
    interview = next(i for i, line in enumerate(lines) if "Interview:" in line)
    assert thank_you < interview  # what is due first, then what is ahead


def test_list_fits_80_columns(long_names: Path) -> None:
    lines = on_a_terminal(long_names, "list")
    assert len(lines) == 2 and max(cell_width(line) for line in lines) <= 80, lines


def test_nothing_due_says_so_in_one_line(journal: Journal, journal_path: Path) -> None:
    assert on_a_terminal(journal_path, "due") == [
        "Nothing due: no follow-up overdue or due today, no interview to reflect on."
    ]


def test_piped_lines_stay_whole(long_names: Path) -> None:
    env = {**os.environ, "COLUMNS": "80", "DEBRIEF_NOW": NOW.isoformat()}
    piped = subprocess.run(
        [sys.executable, "-m", "debrief", "--db", str(long_names), "due"],
        capture_output=True, text=True, env=env, check=False, timeout=60,
    ).stdout.splitlines()  # fmt: skip
    assert "Thank-you" in piped[0] and "Interview:" in piped[1]  # due first, as on a terminal
    assert all("Globex Corporation International — Senior Platform Engineer" in line
               for line in piped)  # fmt: skip


def test_a_row_too_long_goes_on_under_what_it_is() -> None:
    row = {
        "what": "Thank-you note to Maximiliane Oberhuber-Schwarzenegger (by email)",
        "company": "Platform", "role": "Engineer Engineer Engineer Engineer Engineer",
        "when": "in 17 hours", "overdue": False, "note": None,
    }  # fmt: skip
    lines = due_lines([row], PLAIN, 60)
    assert max(cell_width(line) for line in lines) <= 60
    assert all(line.startswith(" " * len("in 17 hours  ")) for line in lines[1:])
    assert due_lines([row], PLAIN) == [  # piped: whole (it was cut to 52 with "…")
        "in 17 hours  " + row["what"] + "  Platform — " + row["role"]
    ]


def test_list_lines_fit_a_width_by_cutting_company_and_role_alike() -> None:
    job = opportunity("Vandelay Industries International", "Senior Site Reliability Engineer")
    reflection = bare_reflection(job.id, id="r" * 32, interview_at=NOW, stage=Stage.TECHNICAL)
    (line,) = list_lines([(reflection, job)], PLAIN, width=80)
    assert cell_width(line) <= 80
    assert "Technical" not in line  # the stage goes before a name is cut
    (piped,) = list_lines([(reflection, job)], PLAIN)
    assert "Technical" in piped


def test_words_wrap_whole() -> None:
    assert wrap_words("Acme — Senior Platform Engineer", 14) == [
        "Acme — Senior",
        "Platform",
        "Engineer",
    ]
    assert wrap_words("Supercalifragilistic", 8) == ["Superca…"]


def test_what_is_behind_you_fits_80_columns_too(long_names: Path) -> None:
    journal = Journal.open(long_names)
    job = journal.opportunities()[0]
    done = [mark_done(item, NOW) for item in journal.followups()]
    journal.save_plan(job, done)
    lines = on_a_terminal(long_names, "due", "--done")
    assert lines and max(cell_width(line) for line in lines) <= 80, lines


def test_an_interview_ahead_is_listed_but_is_not_due(journal: Journal, journal_path: Path) -> None:
    """Exit 1 means something is due (`debrief due || notify-send "Follow-ups due"`): an
    interview ahead alone is listed, as before, and exits 0."""
    job = opportunity("Globex", "SRE")
    journal.save_interview(scheduled(job.id), job)
    env = {**os.environ, "DEBRIEF_NOW": NOW.isoformat()}
    piped = subprocess.run(
        [sys.executable, "-m", "debrief", "--db", str(journal_path), "due"],
        capture_output=True, text=True, env=env, check=False, timeout=60,
    )  # fmt: skip
    assert "Interview: Globex" in piped.stdout and piped.returncode == 0
    lines = on_a_terminal(journal_path, "due")
    assert lines[0].startswith("Nothing due") and "Interview: Globex" in lines[2]


def test_due_and_ahead_start_their_text_in_one_column(long_names: Path) -> None:
    """An interview's "tomorrow 10:00" and a follow-up's "1 day overdue" are measured
    together: the interview's text started 3 columns left of the follow-ups'."""
    lines = [line for line in on_a_terminal(long_names, "due") if line.strip()]
    starts = {len(line) - len(line.split("  ", 1)[1].lstrip()) for line in lines if "  " in line}
    assert len(starts) == 1, lines


def test_an_interview_with_no_stage_names_company_and_role_once(
    journal: Journal, journal_path: Path
) -> None:
    job = opportunity("Globex Corporation", "Platform Engineer")
    journal.save_interview(scheduled(job.id, stage=None), job)
    text = "\n".join(on_a_terminal(journal_path, "due"))
    assert text.count("Globex Corporation — Platform Engineer") == 1, text


def test_show_wraps_between_words_under_its_indent(long_names: Path) -> None:
    journal = Journal.open(long_names)
    (reflection,) = journal.reflections()
    job = journal.opportunities()[0]
    card = Interviewer(name="Rachel Rosen", title="Engineering Director", phone="+49 30 1234 5678",
                       email="rachel@tyrell.example")  # fmt: skip
    journal.save_reflection(replace(reflection, interviewers=(card,)), job)
    lines = on_a_terminal(long_names, "show", "r1")
    assert max(cell_width(line) for line in lines) <= 80, lines
    assert "5678" in words_of(lines) and "+49" in words_of(lines)
    card_lines = [line for line in lines if "rachel@" in line or "5678" in line]
    assert all(line.startswith("    ") for line in card_lines), card_lines


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("list",), "No reflections yet"),
        (("due", "--all"), "Nothing planned"),
        (("due", "--done"), "Nothing done yet"),
    ],
)
def test_an_empty_journal_says_so_in_one_line(
    journal: Journal, journal_path: Path, args: tuple[str, ...], said: str
) -> None:
    (line,) = on_a_terminal(journal_path, *args)
    assert line.startswith(said) and cell_width(line) <= 80
