"""Interviews ahead: scheduling one (the app's form and `debrief add-interview`), its
preparation, the nudge after it, and calendar invitations in (the app's palette and
`debrief import x.ics`)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pendulum

from debrief.invitations import (
    Guess,
    InvitationPlan,
    Me,
    guess_invitations,
    plan_invitations,
    read_invitations,
)
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
    # (the time saved in the form is the user's own: an all-day invitation's is confirmed)
    interview = dataclasses.replace(interview, time_to_confirm=False)
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


@dataclass(frozen=True)
class InvitationPreview:
    """A calendar file's events as guessed, before the user confirms them."""

    guesses: list[Guess]
    skipped: int  # components that are not events


def preview_invitations(
    journal: Journal, payload: bytes, name: str, now: pendulum.DateTime, *, take_all: bool = False
) -> InvitationPreview:
    """Every event of an .ics file with its guess (InvitationsRejected for a file that is
    not a calendar, or an event that can't be read: nothing is written). `take_all`:
    every timed event ticked, not only those that read as interviews."""
    read = read_invitations(payload, name, now.timezone_name or "UTC")
    settings = journal.settings()
    guesses = guess_invitations(
        read,
        journal.interviews(),
        journal.opportunities(),
        now,
        Me(email=settings.email, name=settings.name),
        take_all=take_all,
    )
    return InvitationPreview(guesses, read.skipped)


def plan_previewed(
    journal: Journal, preview: InvitationPreview, now: pendulum.DateTime
) -> InvitationPlan:
    """What the previewed guesses (as the user ticked and corrected them) would write."""
    return plan_invitations(preview.guesses, journal.opportunities(), now, preview.skipped)


def plan_invitation_import(
    journal: Journal, payload: bytes, name: str, now: pendulum.DateTime, *, take_all: bool = False
) -> InvitationPlan:
    """What importing an .ics file would write, its guesses taken as they are: the events
    that read as interviews (`take_all`: every timed one)."""
    preview = preview_invitations(journal, payload, name, now, take_all=take_all)
    return plan_previewed(journal, preview, now)


def import_invitations(journal: Journal, plan: InvitationPlan) -> None:
    """Store what `plan_invitation_import` planned, in one write."""
    journal.save_interviews(plan.interviews, plan.opportunities)
