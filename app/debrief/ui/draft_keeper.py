"""The questionnaire's answers on their way to the drafts file, so nothing typed is lost.

The screen says when the answers changed and when to write them (a second after a
keystroke, at every step change, when it closes or the app quits); the keeper writes only
if something changed since its last write, says once that writing failed, and keeps why
until a write succeeds again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from debrief.actions.reflections import discard_draft, keep_draft
from debrief.model import Draft
from debrief.questionnaire import AnswerContext, pin_dates
from debrief.store.journal import Journal, JournalError

Notify = Callable[..., None]  # a screen's `notify`


class DraftKeeper:
    """Keeps one questionnaire's draft: `dirty` once the answers changed, `unsaved_reason`
    while the last write failed."""

    def __init__(
        self,
        journal: Journal,
        draft: Draft,
        context: Callable[[], AnswerContext],
        notify: Notify,
    ) -> None:
        self.journal = journal
        self.draft = draft  # as last written (or as it opened)
        self.context = context
        self.notify = notify
        self.dirty = False  # the answers changed since the last write
        self.unsaved_reason: str | None = None  # why the answers are in no file, if so

    def write(self, answers: dict[str, Any], step: int) -> None:
        """Write the answers (and the step shown) if anything changed since the last write."""
        if not self.dirty:
            return
        self.draft = dataclasses.replace(
            self.draft,
            answers=pin_dates(answers, self.context()),
            step=step,
            updated_at=self.context().now,
        )
        try:
            keep_draft(self.journal, self.draft)
        except JournalError as error:
            if self.unsaved_reason is None:
                self.notify(
                    f"Couldn't save your draft: {error} "
                    "Keep this window open; your text is still here.",
                    severity="error",
                    timeout=10,
                    markup=False,
                )
            self.unsaved_reason = str(error)
            return
        self.dirty = False
        self.unsaved_reason = None

    def discard(self) -> None:
        """Remove the draft from the drafts file (nothing worth keeping was typed)."""
        discard_draft(self.journal, self.draft.id)
