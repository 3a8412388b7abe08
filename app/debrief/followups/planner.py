"""The planner: every follow-up an opportunity's rounds call for, merged with what was
planned before and what the user did about it; and a reply, which ends the chain."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime

import pendulum

from debrief.followups.rules import (
    CALL,
    CALL_AFTER,
    CHASERS,
    COLD,
    COLD_AFTER,
    FIRST_CHECK,
    LATER_STAGES,
    LINKEDIN_AT,
    MORNING,
    SECOND_CHECK,
    SECOND_CHECK_AFTER,
    WITHDRAWAL,
    add_working_days,
    at_hour,
    first_check_due,
    in_zone,
    next_working_day,
    next_working_morning,
    thank_you_due,
)
from debrief.model import (
    Channel,
    FollowUp,
    FollowUpKind,
    Opportunity,
    Reflection,
    Reply,
    Status,
    followup_id,
)
from debrief.names import is_recruiter


def _round_items(reflection: Reflection, timezone: str) -> list[FollowUp]:
    """What a round calls for whatever comes after it: thank-yous, LinkedIn, references."""
    started = in_zone(reflection.interview_at, timezone)
    thanks = thank_you_due(reflection, timezone)
    items: list[FollowUp] = []
    for person in reflection.interviewers:
        name_key = " ".join(person.name.casefold().split())
        items.append(
            FollowUp(
                reflection.id,
                FollowUpKind.THANK_YOU,
                f"thank_you:{name_key}",
                thanks,
                person=person.name,
                channel=person.preferred,
            )
        )
        if person.linkedin and person.preferred is not Channel.LINKEDIN:
            items.append(
                FollowUp(
                    reflection.id,
                    FollowUpKind.LINKEDIN,
                    f"linkedin:{name_key}",
                    at_hour(add_working_days(started, 1), LINKEDIN_AT),
                    person=person.name,
                    channel=Channel.LINKEDIN,
                    optional=True,
                )
            )
    if not reflection.interviewers:
        items.append(
            FollowUp(
                reflection.id, FollowUpKind.THANK_YOU, "thank_you:", thanks, channel=Channel.EMAIL
            )
        )
    if reflection.stage in LATER_STAGES or reflection.references_requested:
        items.append(
            FollowUp(
                reflection.id, FollowUpKind.REFERENCES, "references", next_working_morning(started)
            )
        )
    return items  # fmt: skip


RECRUITER = "the recruiter"


def who_replies(reflection: Reflection, opportunity: Opportunity) -> tuple[str, Channel]:
    """Whom status checks and a withdrawal go to, and how: whoever said they would get back
    to you (an interviewer by their channel, the recruiter by name when saved); if nobody
    was named, the recruiter, else the first interviewer."""
    wanted = " ".join(reflection.replies_from.casefold().split())
    for person in reflection.interviewers:
        if " ".join(person.name.casefold().split()) == wanted:
            return person.name, person.preferred
    recruiter = opportunity.recruiter_name.strip()
    if wanted and (is_recruiter(wanted) or wanted == recruiter.casefold()):
        return recruiter or RECRUITER, Channel.EMAIL
    if wanted:
        return reflection.replies_from.strip(), Channel.EMAIL
    if recruiter:
        return recruiter, Channel.EMAIL
    if reflection.interviewers:
        first = reflection.interviewers[0]
        return first.name, first.preferred
    return "", Channel.EMAIL


def _chain(
    reflection: Reflection,
    opportunity: Opportunity,
    timezone: str,
    earlier: dict[str, FollowUp],
) -> list[FollowUp]:
    """The chasers of an opportunity, on its latest round: only while interviewing and no
    answer came; each check only once the one before it was sent or skipped (`earlier`:
    what was planned before, by id, with what the user did)."""
    if opportunity.status is Status.WITHDRAWN:
        since = max(
            in_zone(opportunity.updated_at, timezone), in_zone(reflection.interview_at, timezone)
        )
        person, channel = who_replies(reflection, opportunity)
        return [FollowUp(reflection.id, FollowUpKind.WITHDRAWAL, WITHDRAWAL,
                         next_working_morning(since), person=person, channel=channel)]  # fmt: skip
    if opportunity.status is not Status.INTERVIEWING or reflection.replied_at is not None:
        return []
    started = in_zone(reflection.interview_at, timezone)
    person, channel = who_replies(reflection, opportunity)
    allowed = reflection.may_follow_up is not False
    first = first_check_due(reflection, timezone)
    items = []
    call_due = at_hour(add_working_days(started, CALL_AFTER), MORNING)
    named = reflection.reply_by
    if allowed and (named is None or named <= call_due.date()):
        items.append(FollowUp(reflection.id, FollowUpKind.CALL, CALL, call_due, person=person,
                              channel=Channel.PHONE, optional=True))  # fmt: skip
    items.append(FollowUp(reflection.id, FollowUpKind.STATUS_CHECK, FIRST_CHECK, first,
                          person=person, channel=channel))  # fmt: skip
    last = FIRST_CHECK
    sent = _finished(earlier, reflection.id, FIRST_CHECK, timezone)
    if allowed and sent is not None:
        second = at_hour(add_working_days(sent, SECOND_CHECK_AFTER), MORNING)
        items.append(FollowUp(reflection.id, FollowUpKind.STATUS_CHECK, SECOND_CHECK, second,
                              person=person, channel=channel))  # fmt: skip
        last = SECOND_CHECK
    sent = _finished(earlier, reflection.id, last, timezone)
    if sent is not None:
        cold = next_working_day(at_hour(sent.add(days=COLD_AFTER), MORNING))
        items.append(FollowUp(reflection.id, FollowUpKind.MARK_COLD, COLD, cold))
    return items


def _finished(
    earlier: dict[str, FollowUp], reflection_id: str, key: str, timezone: str
) -> pendulum.DateTime | None:
    item = earlier.get(followup_id(reflection_id, key))
    finished = item.finished_at if item is not None else None
    return None if finished is None else in_zone(finished, timezone)


def plan(
    opportunity: Opportunity,
    rounds: Sequence[Reflection],
    timezone: str,
    existing: Iterable[FollowUp] = (),
    now: datetime | None = None,
) -> list[FollowUp]:
    """Every follow-up of an opportunity's rounds (oldest first), merged with what was
    planned before (`existing`, with what the user did about each):

    - an item planned again keeps its state (done, skipped, snoozed, a note);
    - a done or skipped item no longer planned stays, as history;
    - a pending chaser no longer planned because a later round, a reply or the status
      took over is retired as superseded at `now`, and stays as history too; so is a
      pending word to your references or LinkedIn invitation that a later round's replaces
      (those come once per opportunity, see `_once_per_opportunity`);
    - any other pending item no longer planned (an interviewer removed, the successor of
      a check whose "done" was undone) goes.
    """
    earlier = {item.id: item for item in existing}
    planned: list[FollowUp] = []
    for reflection in rounds:
        planned += _round_items(reflection, timezone)
    planned, replaced = _once_per_opportunity(planned, earlier)
    latest = rounds[-1] if rounds else None
    if latest is not None:
        planned += _chain(latest, opportunity, timezone, earlier)
    merged = []
    for item in planned:
        old = earlier.pop(item.id, None)
        merged.append(item if old is None else _with_state_of(old, item))
    answered = opportunity.status is not Status.INTERVIEWING or (
        latest is not None and latest.replied_at is not None
    )
    for old in earlier.values():
        chaser = old.kind in CHASERS or old.kind is FollowUpKind.WITHDRAWAL
        if not old.pending:
            merged.append(old)
        elif (chaser and (latest is None or old.reflection_id != latest.id or answered)) or (
            old.id in replaced
        ):
            merged.append(replace(old, superseded_at=old.superseded_at or now or old.due))
        # (else it no longer applies at all, e.g. an undone check's successor: it goes)
    return merged


ONCE_PER_OPPORTUNITY = {FollowUpKind.REFERENCES, FollowUpKind.LINKEDIN}


def _once_per_opportunity(
    planned: list[FollowUp], earlier: dict[str, FollowUp]
) -> tuple[list[FollowUp], set[str]]:
    """Your references are told, and each person invited on LinkedIn, once per opportunity:
    of the rounds' items with the same key, the one already done or skipped stays (the
    later rounds plan none), else the latest round's; the ids of the others, replaced."""
    by_key: dict[str, list[FollowUp]] = {}
    for item in planned:
        if item.kind in ONCE_PER_OPPORTUNITY:
            by_key.setdefault(item.key, []).append(item)
    dropped: set[str] = set()
    for same in by_key.values():
        finished = [i for i in same if (old := earlier.get(i.id)) and old.finished_at]
        kept = finished[0] if finished else same[-1]
        dropped |= {item.id for item in same if item is not kept}
    return [item for item in planned if item.id not in dropped], dropped


def _with_state_of(old: FollowUp, item: FollowUp) -> FollowUp:
    """`item` as newly planned, carrying what the user did about `old` (a retired item
    planned again, its round the latest once more, is no longer retired)."""
    return replace(
        item,
        done_at=old.done_at,
        dismissed_at=old.dismissed_at,
        snoozed_until=old.snoozed_until,
        note=old.note,
    )


REPLY_STATUS = {
    Reply.NEXT_ROUND: Status.INTERVIEWING,
    Reply.OFFER: Status.OFFER,
    Reply.REJECTED: Status.REJECTED,
}


def record_reply(
    latest: Reflection, opportunity: Opportunity, reply: Reply, at: datetime
) -> tuple[Reflection, Opportunity]:
    """They got back to you about the latest round: the reply is kept on that round (its
    wait feeds the trends), and the opportunity's status follows it ("something else"
    leaves it as it is). Planning again then retires the chasers."""
    status = REPLY_STATUS.get(reply, opportunity.status)
    return (
        replace(latest, replied_at=at, reply=reply),
        replace(opportunity, status=status, updated_at=at),
    )
