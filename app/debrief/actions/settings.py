"""The user's own settings and choices: the profile, the checklist items, the theme, an
opportunity's details and the saved comparison."""

from __future__ import annotations

import dataclasses

from debrief.model import Decision, Opportunity, Settings
from debrief.store.journal import Journal


def save_settings(journal: Journal, settings: Settings) -> None:
    journal.save_settings(settings)


def remember_theme(journal: Journal, theme: str) -> None:
    """Keep the theme for the next start (nothing is written when it is already kept,
    or the journal is read-only)."""
    settings = journal.settings()
    if settings.theme != theme and not journal.readonly:
        journal.save_settings(dataclasses.replace(settings, theme=theme))


def save_job_details(journal: Journal, opportunity: Opportunity) -> None:
    journal.save_opportunity(opportunity)


def save_decision(journal: Journal, decision: Decision) -> None:
    journal.save_decision(decision)
