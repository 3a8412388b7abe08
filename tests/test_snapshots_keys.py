"""F1 at 80×24, compared with accepted SVG snapshots: the help laid out for the width, the
screen's own keys first (with what Enter does there), then the keys of every screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.test_snapshots import app_on, sample_journal, still

SnapCompare = Callable[..., bool]
SMALL = (80, 24)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fixed home folder: the journal's path reads the same everywhere."""
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize(
    "keys",
    [("down", "f1"), ("f3", "f1"), ("n", "f1")],
    ids=["home", "journal", "questionnaire"],
)
def test_f1_at_80_by_24(snap_compare: SnapCompare, folder: Path, keys: tuple[str, ...]) -> None:
    async def open_help(pilot: Pilot[Any]) -> None:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        still(pilot)

    assert snap_compare(app_on(sample_journal(folder)), terminal_size=SMALL, run_before=open_help)
