"""The questionnaire's steps down the side: which are answered, and, after a refused save,
which hold a problem, so the way back to it is one click or Enter away.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from debrief.questionnaire import STEPS, AnswerContext, is_empty, step_errors

DEFAULTED = ("interview_at", "money_currency", "money_period")  # prefilled, not typed


class StepList(OptionList):
    """A line per step (`✓  3  Your performance`), then `Review & save`."""

    def __init__(self, answers: dict[str, Any], *, id: str | None = None) -> None:
        steps = [Option(step_prompt(i, answers), id=step.key) for i, step in enumerate(STEPS)]
        super().__init__(*steps, Option(Content("     Review & save"), id="review"), id=id)

    def mark(self, answers: dict[str, Any], problems: AnswerContext | None) -> None:
        """Mark each step for `answers`; with a context, the steps with a problem too."""
        for index in range(len(STEPS)):
            self.replace_option_prompt_at_index(index, step_prompt(index, answers, problems))


def step_prompt(
    index: int, answers: dict[str, Any], problems: AnswerContext | None = None
) -> Content:
    """`✓  3  Your performance` once answered, `!` when checked in `problems` it has one."""
    step = STEPS[index]
    if problems is not None and step_errors(step, answers, problems):
        mark = Content.styled("!", "bold $error")
    elif any(not is_empty(answers.get(q.key)) for q in step.questions if q.key not in DEFAULTED):
        mark = Content.styled("✓", "$success")
    else:
        mark = Content(" ")
    return mark + Content(f" {index + 1:>2}  {step.title}")
