"""Interviews ahead: scheduling one (the app's form and `debrief add-interview`), its
preparation, the nudge after it, and calendar invitations in (the app's palette and
`debrief import x.ics`)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pendulum

from debrief.invitations import InvitationPlan, plan_invitations, read_invitations
from debrief.model import Interview, Opportunity
from debrief.store.journal import Journal, JournalError

if TYPE_CHECKING:
    from debrief.questionnaire import ParsedSchedule


def schedule_interview(
    journal: Journal,
    parsed: ParsedSchedule,
    now: pendulum.DateTime,
    previous: Interview | None = None,
) -> tuple[Interview, Opportunity]:
    """Store the interview a schedule form describes (a new one, or `previous` changed),
    with its opportunity: the one with that company and role, or a new one."""
    opportunity = journal.find_opportunity(parsed.company, parsed.role) or Opportunity(
        company=parsed.company, role=parsed.role, created_at=now, updated_at=now
    )
    interview = parsed.interview(opportunity.id, now=now, previous=previous)
    journal.save_interview(interview, opportunity)
    return interview, opportunity


def keep_preparation(journal: Journal, interview: Interview, now: pendulum.DateTime) -> None:
    """Store what was written on an interview's preparation page."""
    opportunity = journal.opportunity(interview.opportunity_id)
    if opportunity is None:
        raise JournalError("The interview's opportunity is no longer in the journal.")
    journal.save_interview(dataclasses.replace(interview, updated_at=now), opportunity)


def delete_interview(journal: Journal, interview_id: str) -> None:
    journal.delete_interview(interview_id)


def plan_invitation_import(
    journal: Journal, payload: bytes, name: str, now: pendulum.DateTime
) -> InvitationPlan:
    """What importing an .ics file would write (InvitationsRejected for a file that is not
    a calendar, or an event that can't be read: nothing is written)."""
    read = read_invitations(payload, name, now.timezone_name or "UTC", me=journal.settings().email)
    return plan_invitations(read, journal.interviews(), journal.opportunities(), now)


def import_invitations(journal: Journal, plan: InvitationPlan) -> None:
    """Store what `plan_invitation_import` planned, in one write."""
    journal.save_interviews(plan.interviews, plan.opportunities)
