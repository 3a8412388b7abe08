"""Shared fixtures: a journal on a temporary file and the app built on it with a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from debrief.store.journal import Journal
from debrief.ui import guard
from debrief.ui.app import DebriefApp, make_app
from tests.samples import fixed_clock


@pytest.fixture(autouse=True)
def keys_never_run_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot presses keys far faster than a person: as one run of typing, they would be
    held back after every form that closes (guard.py). Each key is its own run here; the
    tests of the guard itself (test_keyboard.py) put the pause back."""
    monkeypatch.setattr(guard, "PAUSE_SECONDS", 0.0)


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.json"


@pytest.fixture
def journal(journal_path: Path) -> Journal:
    return Journal.open(journal_path)


@pytest.fixture
def build_app(journal_path: Path) -> Callable[[], DebriefApp]:
    """A new app instance on the same journal file each call (as after a restart)."""

    def build() -> DebriefApp:
        return make_app(Journal.open(journal_path), clock=fixed_clock)

    return build
