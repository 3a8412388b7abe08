"""Saving a reflection with its plan, deleting and bringing one back, and the
questionnaire's draft."""

from __future__ import annotations

import contextlib
import dataclasses
from datetime import datetime
from typing import TYPE_CHECKING

import pendulum

from debrief.actions.followups import planned_for
from debrief.model import Draft, Reflection
from debrief.store.journal import Journal, JournalError

if TYPE_CHECKING:
    from debrief.questionnaire import ParsedAnswers


def save_reflection(
    journal: Journal, parsed: ParsedAnswers, draft: Draft, now: pendulum.DateTime
) -> Reflection:
    """Store the reflection the questionnaire's answers make, with its opportunity (found
    by company and role, or new) and the opportunity's plan worked out again; an edit
    that moved the round to another opportunity moves the old one's chain on too. The
    draft is discarded once the reflection is safe. JournalError: nothing was saved."""
    opportunity = parsed.opportunity(journal.find_opportunity(parsed.company, parsed.role), now=now)
    previous = journal.reflection(draft.reflection_id or "")
    if previous is None:  # (an edit of one deleted meanwhile: kept as a new reflection,
        draft = dataclasses.replace(draft, reflection_id=None)  # the deleted one stays so)
    # Started from a scheduled interview but moved to another company or role: it is not
    # that interview's reflection (which stays on the agenda, asking for its own).
    scheduled = journal.interview(draft.interview_id or "")
    same = scheduled is not None and scheduled.opportunity_id == opportunity.id
    reflection = parsed.reflection(
        opportunity.id,
        reflection_id=draft.reflection_id,
        now=now,
        previous=previous,
        interview_id=draft.interview_id if same else None,
    )
    journal.save_reflection(
        reflection, opportunity, planned_for(journal, opportunity, now, changed_round=reflection)
    )
    left = journal.opportunity(previous.opportunity_id) if previous else None
    if left is not None and left.id != opportunity.id:
        journal.save_plan(left, planned_for(journal, left, now))
    # The saved reflection is what matters; a stale draft would re-save the same id.
    with contextlib.suppress(JournalError):
        journal.discard_draft(draft.id)
    return reflection


def keep_draft(journal: Journal, draft: Draft) -> None:
    """Write the questionnaire's answers so far to the drafts file."""
    journal.save_draft(draft)


def discard_draft(journal: Journal, draft_id: str) -> None:
    journal.discard_draft(draft_id)


def delete_reflection(journal: Journal, reflection_id: str, now: datetime) -> None:
    """Move a reflection to the trash (its opportunity too, if it was the last round):
    `restore_last_deleted` brings it back until the app closes."""
    journal.delete_reflection(reflection_id, now=now)


def restore_last_deleted(journal: Journal) -> bool:
    """Bring back the reflection deleted last; False when the trash is empty."""
    deleted = journal.in_trash()
    if not deleted:
        return False
    journal.restore_reflection(deleted[-1])
    return True


def forget_deleted(journal: Journal) -> None:
    """Empty the trash: deleted reflections leave the disk (the app calls this as it
    closes; undo lives until then), and so do the snapshots kept before a merge that
    still hold one of them (`debrief merge --undo` can then go back no further)."""
    from debrief.actions.merging import drop_snapshots_holding

    gone = journal.in_trash()
    journal.empty_trash()
    if gone:
        drop_snapshots_holding(journal, set(gone))
