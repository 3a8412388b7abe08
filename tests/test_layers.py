"""The domain knows no UI and no storage; storage knows no UI (checked in a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys

import pytest

DOMAIN = ["debrief.model", "debrief.dates", "debrief.questionnaire"]


def imported_after(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return {name.split(".")[0] for name in output.stdout.split()}


@pytest.mark.parametrize("module", DOMAIN)
def test_domain_modules_import_neither_textual_nor_tinydb(module: str) -> None:
    loaded = imported_after(module)
    assert "textual" not in loaded
    assert "tinydb" not in loaded


@pytest.mark.parametrize("module", ["debrief.store.journal", "debrief.cli"])
def test_storage_and_cli_entry_do_not_import_textual(module: str) -> None:
    assert "textual" not in imported_after(module)


def test_the_app_starts_without_the_code_only_some_screens_need() -> None:
    """What the home screen never uses is loaded when first used: the trends and their
    chart library (F4), dateutil's free-form date parser (a date typed by hand)."""
    code = (
        "import sys, debrief.ui.app, pendulum\n"
        "print(' '.join(sorted(sys.modules)))\n"
        "from debrief.dates import parse_when\n"
        "moment = parse_when('December 3rd', pendulum.datetime(2026, 11, 22))\n"
        "print(moment.date(), 'dateutil.parser._parser' in sys.modules)\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    at_start = set(output[0].split())
    assert {"debrief.trends", "textual_plotext", "dateutil.parser._parser"}.isdisjoint(at_start)
    assert output[1] == "2026-12-03 True"  # the parser still parses, once asked to
