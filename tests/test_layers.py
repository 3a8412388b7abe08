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
