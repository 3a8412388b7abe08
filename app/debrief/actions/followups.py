"""Acting on follow-ups: what a user does about one (done, skipped, snoozed, a note, put
back on the agenda), their reply and an opportunity's status, each with the plan worked out
again from the journal; and undoing each of those.

The rules are `debrief.followups`'; this only gathers what they need (the opportunity's
rounds and what was planned for them before) and lets one change stand in for what the
journal holds: a round being saved, or a follow-up the user just did something about.
An undo is an inverse (`debrief.inverse`): it reads the records as they are now and puts
back only what its action changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

import pendulum

from debrief.followups import actionable, plan, record_reply, reopen
from debrief.inverse import ChangedSince, revert
from debrief.model import (
    FollowUp,
    Interview,
    Opportunity,
    Reflection,
    Reply,
    Status,
    interview_order,
)
from debrief.store.journal import Journal, JournalError

Undo = Callable[[pendulum.DateTime], None]  # puts one change back, at the moment given

Changed = TypeVar("Changed", FollowUp, Opportunity, Reflection, Interview)


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


class CantUndo(Exception):
    """Why the last change can't be undone (the message is for the user); nothing was
    written."""


def undo_followup_change(
    journal: Journal,
    item: tuple[FollowUp, FollowUp],
    opportunity: tuple[Opportunity, Opportunity],
    now: pendulum.DateTime,
) -> None:
    """Undo what one key did to a follow-up (done, skipped, snoozed, a note) and to its
    opportunity's status (`(before, after)` each), the chain worked out again."""
    journal.refresh()
    item_back = _reverted(journal.followup(item[0].id), *item, now)
    opportunity_back = _reverted(journal.opportunity(opportunity[0].id), *opportunity, now)
    save_plan_after(journal, opportunity_back, now, changed=item_back)


def undo_reply(
    journal: Journal,
    latest: tuple[Reflection, Reflection],
    opportunity: tuple[Opportunity, Opportunity],
    now: pendulum.DateTime,
) -> None:
    """Undo "they replied": the round waits for an answer again, the status is as it was
    and the chasers the reply retired come back."""
    journal.refresh()
    round_back = _reverted(journal.reflection(latest[0].id), *latest, now)
    opportunity_back = _reverted(journal.opportunity(opportunity[0].id), *opportunity, now)
    planned = planned_for(journal, opportunity_back, now, changed_round=round_back)
    journal.save_reflection(round_back, opportunity_back, planned)


def undo_interview_change(
    journal: Journal, interview: tuple[Interview, Interview], now: pendulum.DateTime
) -> None:
    """Undo a change to a scheduled interview (no reflection for it, say)."""
    journal.refresh()
    back = _reverted(journal.interview(interview[0].id), *interview, now)
    opportunity = journal.opportunity(back.opportunity_id)
    if opportunity is None:
        raise CantUndo(GONE)
    journal.save_interview(back, opportunity)


GONE = "It is no longer in the journal (deleted in another window?): nothing was undone."
CHANGED = "It was changed again since (in another window?): nothing was undone."


def _reverted(
    current: Changed | None, before: Changed, after: Changed, now: pendulum.DateTime
) -> Changed:
    """`current` with what the action changed put back (stamped `now` if that changes it)."""
    if current is None:
        raise CantUndo(GONE)
    try:
        back = revert(current, before, after)
    except ChangedSince:
        raise CantUndo(CHANGED) from None
    if back == current or not hasattr(back, "updated_at"):
        return back
    return replace(back, updated_at=now)  # type: ignore[call-arg]


# --- what a user does ------------------------------------------------------------------------


def change_followup(
    journal: Journal,
    before: FollowUp,
    after: FollowUp,
    now: pendulum.DateTime,
    *,
    status: Status | None = None,
) -> Undo:
    """Store what was done about a follow-up (and a new status for its opportunity, as
    "gone cold" brings), the chain worked out again; the undo of exactly that."""
    opportunity = journal.opportunity_of(before.reflection_id)
    if opportunity is None:
        raise JournalError("Its opportunity is no longer in the journal: nothing was changed.")
    changed = opportunity if status is None else replace(opportunity, status=status, updated_at=now)
    save_plan_after(journal, changed, now, changed=after)
    return lambda when: undo_followup_change(journal, (before, after), (opportunity, changed), when)


class StaysFinished(Exception):
    """Why a follow-up done or skipped can't go back on the agenda (for the user); nothing
    was written, its record stays as it is."""


def put_back_on_agenda(journal: Journal, finished: FollowUp, now: pendulum.DateTime) -> Undo:
    """A follow-up marked done or skipped by mistake comes back as it was before: pending,
    with its snooze and note, the chain worked out again (a check's successor goes, as it
    came with it); the undo marks it done (or skipped) again. StaysFinished, with nothing
    written, when the plan would not have it on the agenda any more (a later round, their
    reply or the opportunity's status took its place): its record is never lost."""
    opportunity = journal.opportunity_of(finished.reflection_id)
    if opportunity is None:
        raise JournalError("Its opportunity is no longer in the journal: nothing was changed.")
    back = reopen(finished)
    planned = planned_for(journal, opportunity, now, changed=back)
    why = _why_it_stays(journal, opportunity, finished, planned)
    if why is not None:
        raise StaysFinished(why)
    journal.save_plan(opportunity, planned)
    return lambda when: undo_followup_change(
        journal, (finished, back), (opportunity, opportunity), when
    )


def why_it_stays(journal: Journal, finished: FollowUp, now: pendulum.DateTime) -> str | None:
    """Why a follow-up done or skipped could not go back on the agenda now (as
    `put_back_on_agenda` would refuse), or None when it could; nothing is written."""
    opportunity = journal.opportunity_of(finished.reflection_id)
    if opportunity is None or finished.pending:
        return None
    planned = planned_for(journal, opportunity, now, changed=reopen(finished))
    return _why_it_stays(journal, opportunity, finished, planned)


def _why_it_stays(
    journal: Journal, opportunity: Opportunity, finished: FollowUp, planned: list[FollowUp]
) -> str | None:
    mine = next((item for item in planned if item.id == finished.id), None)
    rounds = journal.rounds(opportunity.id)
    if mine is not None and actionable([mine], rounds, [opportunity]):
        return None
    return _why_not_back(finished, rounds, opportunity)


def _why_not_back(item: FollowUp, rounds: list[Reflection], opportunity: Opportunity) -> str:
    stays = "done" if item.done_at is not None else "skipped"
    if rounds and rounds[-1].id != item.reflection_id:
        why = "a later round has its own plan"
    elif opportunity.status is not Status.INTERVIEWING:
        why = f"the opportunity is {opportunity.status.label.lower()}"
    else:
        why = "their reply took its place"
    return f"It can't go back on the agenda: {why}. It stays {stays}, as recorded."


def change_status(
    journal: Journal, opportunity: Opportunity, status: Status, now: pendulum.DateTime
) -> Opportunity:
    """The opportunity's new status (every round shows it); the chain follows: a
    withdrawal brings its note, an answer ends the chasers."""
    changed = replace(opportunity, status=status, updated_at=now)
    save_plan_after(journal, changed, now)
    return changed


def reply_received(
    journal: Journal, opportunity: Opportunity, reply: Reply, at: pendulum.DateTime,
    now: pendulum.DateTime,
) -> Undo:  # fmt: skip
    """They got back to you about the latest round: the reply is kept on it, the status
    follows and the chasers are retired; the undo of exactly that."""
    rounds = journal.rounds(opportunity.id)
    if not rounds:
        raise JournalError("Its rounds are no longer in the journal: nothing was changed.")
    latest = rounds[-1]
    answered, changed = record_reply(latest, opportunity, reply, at)
    journal.save_reflection(
        answered, changed, planned_for(journal, changed, now, changed_round=answered)
    )
    return lambda when: undo_reply(journal, (latest, answered), (opportunity, changed), when)


def dismiss_nudge(journal: Journal, interview: Interview, now: pendulum.DateTime) -> Undo:
    """No reflection for this interview: it leaves the agenda; the undo brings it back."""
    opportunity = journal.opportunity(interview.opportunity_id)
    if opportunity is None:
        raise JournalError("Its opportunity is no longer in the journal: nothing was changed.")
    dismissed = replace(interview, dismissed_at=now)
    journal.save_interview(dismissed, opportunity)
    return lambda when: undo_interview_change(journal, (interview, dismissed), when)
