"""The post-interview questionnaire: its steps as data, and the rules that turn answers into
a Reflection (or a scheduled interview).

Answers travel as *raw* values, exactly as typed, so a draft keeps even text that does not
validate yet; `parse_answer` and `parse_answers` turn them into typed values or field-level
messages. The modules, each importing the others directly (never this package):

- `form`: what a questionnaire is made of (`Kind`, `Question`, `Step`, `CardSpec`);
- `cards`: the interviewer's and the question's business cards, and the records they become;
- `steps`: the data: `STEPS` (with their hints), `QUESTIONS`, the `SCHEDULE` form;
- `checks`: one answer parsed and checked (`AnswerContext`, `AnswerError`, `step_errors`);
- `answers`: answers as a whole: fresh, prefilled, dates pinned, parsed into records;
- `review`: answers shown back (the review page, the note under a date, plain text).
"""

from __future__ import annotations

from debrief.questionnaire.answers import (
    MONEY_KEYS,
    ParsedAnswers,
    ParsedSchedule,
    answers_from_interview,
    answers_from_reflection,
    answers_from_schedule,
    money_of,
    new_answers,
    parse_answers,
    parse_schedule,
    pin_dates,
)
from debrief.questionnaire.cards import (
    ANSWERED_CHOICES,
    CARD_CHOICES,
    CARD_FIELDS,
    CHANNEL_CHOICES,
    INTERVIEWER_CARD,
    QUESTION_CARD,
    card_of_interviewer,
    card_of_question,
    describe_interviewer,
    describe_question,
)
from debrief.questionnaire.checks import (
    AnswerContext,
    AnswerError,
    AnswersInvalid,
    anchored,
    answer_errors,
    is_empty,
    parse_amount,
    parse_answer,
    schedule_errors,
    step_errors,
)
from debrief.questionnaire.form import YES_NO, CardSpec, Kind, Question, Raw, Step, choices_of
from debrief.questionnaire.review import (
    answer_note,
    answer_refusal,
    answers_as_text,
    display_answer,
)
from debrief.questionnaire.steps import QUESTIONS, SCHEDULE, STEPS

__all__ = [
    "ANSWERED_CHOICES",
    "CARD_CHOICES",
    "CARD_FIELDS",
    "CHANNEL_CHOICES",
    "INTERVIEWER_CARD",
    "MONEY_KEYS",
    "QUESTIONS",
    "QUESTION_CARD",
    "SCHEDULE",
    "STEPS",
    "YES_NO",
    "AnswerContext",
    "AnswerError",
    "AnswersInvalid",
    "CardSpec",
    "Kind",
    "ParsedAnswers",
    "ParsedSchedule",
    "Question",
    "Raw",
    "Step",
    "anchored",
    "answer_errors",
    "answer_note",
    "answer_refusal",
    "answers_as_text",
    "answers_from_interview",
    "answers_from_reflection",
    "answers_from_schedule",
    "card_of_interviewer",
    "card_of_question",
    "choices_of",
    "describe_interviewer",
    "describe_question",
    "display_answer",
    "is_empty",
    "money_of",
    "new_answers",
    "parse_amount",
    "parse_answer",
    "parse_answers",
    "parse_schedule",
    "pin_dates",
    "schedule_errors",
    "step_errors",
]
