"""Requests that screens send to the app: a screen never imports the app that shows it.

Each is posted by a screen and bubbles up to `DebriefApp`: a `Request` is carried out by
a flow (ui/flows/requests.py), which may open a dialog or another screen; `ShowInterviews`
by the app itself (it changes place).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.message import Message


class Request(Message):
    """Something for a flow to do (ui/flows/requests.py says which)."""


@dataclass
class EditReflection(Request):
    """Reopen the questionnaire on a saved reflection."""

    reflection_id: str


@dataclass
class EditJobDetails(Request):
    """Edit the details of a reflection's opportunity: location, posting, recruiter."""

    reflection_id: str


@dataclass
class ChangeStatus(Request):
    """Pick a new status for the opportunity of a reflection."""

    reflection_id: str


@dataclass
class RecordReply(Request):
    """They got back to you about the opportunity of a reflection (its latest round)."""

    reflection_id: str


@dataclass
class DeleteReflection(Request):
    """Ask, then move a reflection to the trash (undone by UndoDelete)."""

    reflection_id: str


class UndoDelete(Request):
    """Bring back the reflection deleted last."""


@dataclass
class Undoable(Request):
    """A change `u` can undo: what it was ("Done: Thank-you note to Jane Doe") and its
    inverse (planning.py's undo_*: CantUndo or JournalError when it can't). The app keeps
    them, newest last, until it quits."""

    what: str
    undo: Callable[[], None]


class UndoLast(Request):
    """Undo the newest change still kept."""


@dataclass
class ShowInterviews(Message):
    """Show the journal narrowed to exactly these reflections (a weak spot's interviews),
    named in the filter bar as `label`."""

    reflection_ids: tuple[str, ...]
    label: str


@dataclass
class KeepUnsavedAnswers(Request):
    """The questionnaire is being left, but not even a draft of its answers could be saved:
    offer to copy them or write them elsewhere before they are lost."""

    reason: str
    text: str


@dataclass
class ReflectOnInterview(Request):
    """Start the questionnaire prefilled with a scheduled interview that is over."""

    interview_id: str


@dataclass
class PrepareInterview(Request):
    """Open a scheduled interview's preparation."""

    interview_id: str
