"""Shared fixtures: a journal on a temporary file and the app built on it with a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp, make_app
from tests.samples import fixed_clock


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
