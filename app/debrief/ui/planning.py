"""Working an opportunity's follow-up plan out again after a change, from the journal.

The rules are `debrief.followups`'; this only gathers what they need (the opportunity's
rounds and what was planned for them before) and lets one change stand in for what the
journal holds: a round being saved, or a follow-up the user just did something about.
"""

from __future__ import annotations

import pendulum

from debrief.followups import plan
from debrief.model import FollowUp, Opportunity, Reflection, interview_order
from debrief.store.journal import Journal


def planned_for(
    journal: Journal,
    opportunity: Opportunity,
    now: pendulum.DateTime,
    *,
    changed_round: Reflection | None = None,
    changed: FollowUp | None = None,
) -> list[FollowUp]:
    """The whole plan of `opportunity`'s rounds as it should be stored, with
    `changed_round` (new or edited) among them and `changed` in place of the follow-up
    with its id."""
    rounds = {r.id: r for r in journal.rounds(opportunity.id)}
    if changed_round is not None:
        rounds[changed_round.id] = changed_round
    ordered = sorted(rounds.values(), key=interview_order)
    existing = [item for r in ordered for item in journal.followups(r.id)]
    if changed is not None:
        existing = [changed if item.id == changed.id else item for item in existing]
    timezone = now.timezone_name or "UTC"
    return plan(opportunity, ordered, timezone, existing, now)


def save_plan_after(
    journal: Journal,
    opportunity: Opportunity,
    now: pendulum.DateTime,
    *,
    changed: FollowUp | None = None,
) -> None:
    """Store what was done about a follow-up (`changed`) and/or the opportunity's new
    status, with the chain worked out again, in one write."""
    journal.save_plan(opportunity, planned_for(journal, opportunity, now, changed=changed))
