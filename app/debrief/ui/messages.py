"""Requests that screens send to the app: a screen never imports the app that shows it.

Each is posted by a screen and bubbles up to `DebriefApp`, which carries it out (it may
open a dialog or another screen, or switch mode).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.message import Message


@dataclass
class EditReflection(Message):
    """Reopen the questionnaire on a saved reflection."""

    reflection_id: str


@dataclass
class EditJobDetails(Message):
    """Edit the details of a reflection's opportunity: location, posting, recruiter."""

    reflection_id: str


@dataclass
class ChangeStatus(Message):
    """Pick a new status for the opportunity of a reflection."""

    reflection_id: str


@dataclass
class RecordReply(Message):
    """They got back to you about the opportunity of a reflection (its latest round)."""

    reflection_id: str


@dataclass
class DeleteReflection(Message):
    """Ask, then move a reflection to the trash (undone by UndoDelete)."""

    reflection_id: str


class UndoDelete(Message):
    """Bring back the reflection deleted last."""


@dataclass
class Undoable(Message):
    """A change `u` can undo: what it was ("Done: Thank-you note to Jane Doe") and its
    inverse (planning.py's undo_*: CantUndo or JournalError when it can't). The app keeps
    them, newest last, until it quits."""

    what: str
    undo: Callable[[], None]


class UndoLast(Message):
    """Undo the newest change still kept."""


@dataclass
class ShowInterviews(Message):
    """Show the journal narrowed to exactly these reflections (a weak spot's interviews),
    named in the filter bar as `label`."""

    reflection_ids: tuple[str, ...]
    label: str


@dataclass
class KeepUnsavedAnswers(Message):
    """The questionnaire is being left, but not even a draft of its answers could be saved:
    offer to copy them or write them elsewhere before they are lost."""

    reason: str
    text: str


@dataclass
class ReflectOnInterview(Message):
    """Start the questionnaire prefilled with a scheduled interview that is over."""

    interview_id: str


@dataclass
class PrepareInterview(Message):
    """Open a scheduled interview's preparation."""

    interview_id: str
