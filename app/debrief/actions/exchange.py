"""A journal export brought in (the app's palette and `debrief import`): planned first,
shown, then written in one go."""

from __future__ import annotations

from debrief.exchange import MergePlan, parse_export, plan_merge
from debrief.store.journal import Journal


def plan_export_import(journal: Journal, payload: bytes, name: str) -> MergePlan:
    """What importing an export would change (ImportRejected: a file that is not one)."""
    return plan_merge(parse_export(payload, name), journal.bundle())


def import_export(journal: Journal, plan: MergePlan) -> None:
    journal.apply_import(plan.writes)
