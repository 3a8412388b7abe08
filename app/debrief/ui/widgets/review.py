"""The questionnaire's review page: every answer under its step, before the save.

What is empty says so, and what would stop the save is flagged at its answer, so the
user sees at a glance what they wrote and what is still to fix.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from debrief.questionnaire import (
    MONEY_KEYS,
    STEPS,
    AnswerContext,
    anchored,
    answer_errors,
    display_answer,
    money_of,
)


class ReviewPage(VerticalScroll):
    """A heading per step (`3. Your performance`), its answers below."""

    def compose(self) -> ComposeResult:
        for number, step in enumerate(STEPS, start=1):
            yield Static(Content(f"{number}. {step.title}"), classes="review-heading")
            yield Static(id=f"review-{step.key}", classes="review-body")

    def show(self, answers: dict[str, Any], context: AnswerContext) -> dict[str, str]:
        """Show `answers` as they would be saved; what is wrong, by question key."""
        ctx = anchored(answers, context)
        errors = answer_errors(answers, ctx)
        money = money_of(answers, ctx)
        for step in STEPS:
            lines = []
            for question in step.questions:
                if money is not None and question.key in MONEY_KEYS:
                    if question.key == MONEY_KEYS[0]:  # one line, worded as `debrief show` does
                        lines.append(Content.styled("Pay  ", "bold") + Content(money.describe()))
                    continue
                shown = display_answer(question, answers.get(question.key), ctx)
                label = Content.styled(f"{question.label}  ", "bold")
                if question.key in errors:
                    value = Content(shown + "  ") + Content.styled(
                        f"⚠ {errors[question.key]}", "$error"
                    )
                elif shown:
                    value = Content(shown)
                else:
                    value = Content.styled("— empty", "$text-muted")
                lines.append(label + value)
            self.query_one(f"#review-{step.key}", Static).update(Content("\n").join(lines))
        return errors
