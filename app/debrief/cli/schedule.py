"""`debrief add-interview`: schedule an interview ahead from the shell, with the same
fields, checks and use case (actions.interviews.schedule_interview) as the app's form."""

from __future__ import annotations

import argparse
from pathlib import Path

from debrief.actions.interviews import schedule_interview
from debrief.cli.running import EXIT_NOT_FOUND, EXIT_OK, now_for, open_journal, refuse, say
from debrief.interviews import interview_title, when_phrase
from debrief.questionnaire import AnswerContext, AnswersInvalid, parse_schedule
from debrief.store.files import JournalError

OPTION_OF = {"start": "at", "duration_minutes": "duration", "interviewers": "interviewer"}


def add_interview_command(path: Path, args: argparse.Namespace) -> int:
    """Schedule an interview from the shell: the same fields, and checks, as the app's."""
    cards = []
    for text in args.interviewer:
        name, _, email = text.partition(",")
        cards.append({"name": name.strip(), "email": email.strip()})
    answers = {
        "company": args.company, "role": args.role, "start": args.at,
        "duration_minutes": args.duration or "", "stage": args.stage or "",
        "format": args.format or "", "where": args.where, "interviewers": cards,
    }  # fmt: skip
    try:
        journal = open_journal(path)
        settings = journal.settings()
        now = now_for(settings)
        parsed = parse_schedule(answers, AnswerContext(now, settings.default_currency))
        interview, opportunity = schedule_interview(journal, parsed, now)
    except AnswersInvalid as invalid:
        for key, message in invalid.errors.items():
            say(f"debrief: --{OPTION_OF.get(key, key)}: {message}", error=True)
        return EXIT_NOT_FOUND
    except JournalError as error:
        return refuse(str(error))
    title = interview_title(interview, opportunity)
    say(f"Scheduled {title}, {when_phrase(interview.start, now)} (id {interview.id[:8]})")
    return EXIT_OK
