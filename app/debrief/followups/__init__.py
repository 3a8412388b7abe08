"""What to do after an interview, and when: the follow-up plan as pure functions.

The rules come from career advice the product is built on, and are written once, as the
table `RULES` (the README shows it):
- a thank-you note to each interviewer the same evening, at the latest within 24 hours;
- a LinkedIn invitation to interviewers who gave a profile (optional; for someone you
  thank by LinkedIn, the thank-you is the invitation);
- at later stages, or when they asked for them, a word to your references;
- those two once per opportunity: a later round's replaces one still pending, and none
  comes again once done;
- one chain of chasers per opportunity, on its latest round: a short call, then one or
  two polite status checks, spaced from when the previous one was actually sent and
  never before the date they named, then the suggestion that it has gone cold.

A new round retires the earlier rounds' pending chasers (kept as history, "superseded");
so does their reply, and a withdrawal, which brings a polite note instead. Thank-you
notes stay with their round whatever happens: don't burn bridges.

Times are worked out in the user's own (named) time zone, so a week across a daylight
saving change is still "10:00 next Friday". `now` is always passed in.

The modules, each importing the others directly (never this package):

- `rules`: the table `RULES`, its numbers, and when a thank-you or a first check is due;
- `planner`: `plan` (an opportunity's follow-ups, merged with what was planned before)
  and `record_reply`;
- `agenda`: what is on the agenda and how it reads, what is behind you, and what the user
  does (done, skip, snooze, reopen).

This face re-exports what the rest of the app imports: `from debrief.followups import X`.
"""

from debrief.followups.agenda import (
    Agenda,
    Finished,
    Outcome,
    actionable,
    agenda,
    describe,
    dismiss,
    due_phrase,
    history,
    mark_done,
    reopen,
    round_name,
    snooze,
    snooze_choices,
)
from debrief.followups.planner import plan, record_reply
from debrief.followups.rules import RULES, add_working_days

__all__ = [
    "RULES",
    "Agenda",
    "Finished",
    "Outcome",
    "actionable",
    "add_working_days",
    "agenda",
    "describe",
    "dismiss",
    "due_phrase",
    "history",
    "mark_done",
    "plan",
    "record_reply",
    "reopen",
    "round_name",
    "snooze",
    "snooze_choices",
]
