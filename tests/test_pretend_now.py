"""DEBRIEF_NOW in the full-screen app (issue 29): the app pretends it is that moment as the
shell does, and a moment written without an offset is in the profile's zone, not UTC."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from debrief.cli.running import app_clock, now_for
from debrief.model import Settings
from debrief.store.journal import Journal
from debrief.ui.app import make_app
from tests.samples import opportunity, scheduled

# The sample interview ahead: Tue 24 Nov 2026, 10:00 Berlin, 90 minutes.
PRETEND = "2026-11-24T11:45"  # (no offset: 11:45 in the profile's zone, Berlin)


@pytest.fixture
def berlin(journal: Journal) -> Journal:
    job = opportunity()
    journal.save_interview(scheduled(job.id, id="onsite"), job)
    journal.save_settings(Settings(name="Alex Morgan", timezone="Europe/Berlin"))
    return journal


async def test_the_app_pretends_it_is_debrief_now_in_the_profiles_zone(
    berlin: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report: the app ignored DEBRIEF_NOW (so nobody could try the nudge at a chosen
    moment), and the shell read one without a zone as UTC (12:45 in Berlin)."""
    monkeypatch.setenv("DEBRIEF_NOW", PRETEND)
    journal = Journal.open(journal_path)
    app = make_app(journal, clock=app_clock(journal))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        agenda = app.screen.query_one("#agenda", OptionList)
        lines = [str(agenda.get_option_at_index(i).prompt) for i in range(agenda.option_count)]
        assert any("Reflect on Acme — onsite" in line and "15 minutes ago" in line for line in lines)
    shell_now = now_for(journal.settings())
    assert (shell_now.hour, shell_now.minute, shell_now.timezone_name) == (11, 45, "Europe/Berlin")


def test_without_debrief_now_the_app_keeps_the_real_clock(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DEBRIEF_NOW", raising=False)
    assert app_clock(journal) is None
