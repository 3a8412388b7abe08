"""The `debrief` command: version, journal location, and refusals without a traceback."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from debrief import __version__
from debrief.cli import main
from debrief.store.journal_path import default_journal_path


def run_debrief(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debrief", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_version() -> None:
    result = run_debrief("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"debrief {__version__}"


def test_a_bad_journal_is_refused_with_a_message_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    path.write_bytes(b"not json at all")
    result = run_debrief("--db", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"debrief: {path} is not valid JSON")
    assert "left untouched" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == b"not json at all"


def test_debrief_db_names_the_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "from-env.json"
    path.write_bytes(b"[]")
    monkeypatch.setenv("DEBRIEF_DB", str(path))
    assert default_journal_path() == path
    result = run_debrief(env={"DEBRIEF_DB": str(path)})
    assert result.returncode == 2
    assert str(path) in result.stderr


def test_without_configuration_the_journal_lives_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DEBRIEF_DB", raising=False)
    path = default_journal_path()
    assert path.name == "journal.json"
    assert path.parent.name == "debrief"


def test_refusal_happens_before_textual_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "journal.json"
    path.write_bytes(b"")
    assert main(["--db", str(path)]) == 2
    assert "is empty (0 bytes)" in capsys.readouterr().err


def test_a_command_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    assert main(["--db", str(path), "list"]) == 0
    assert gc.isenabled()  # (off while the command ran: it starts faster)
    with pytest.raises(SystemExit):  # (argparse leaves by exiting)
        main(["--db", str(path), "--version"])
    assert gc.isenabled()
