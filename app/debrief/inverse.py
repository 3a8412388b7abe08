"""Undo as an inverse, not a snapshot: put back only what one action changed.

An action turns a record `before` into `after` (a follow-up marked done, an opportunity's
status, a reply). Between the action and its undo, another window or a shell command may
have changed the same record elsewhere (its location, a note). Writing `before` back would
erase that work; undoing reverts only the fields the action itself changed, on the record
as it is now, and refuses when one of them was changed again since.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    Record = TypeVar("Record", bound=DataclassInstance)
else:
    Record = TypeVar("Record")

STAMPS = frozenset({"updated_at"})  # when a record was written: set by every write, not undone


class ChangedSince(Exception):
    """What the action changed was changed again since (elsewhere): nothing is undone."""


def revert(current: Record, before: Record, after: Record) -> Record:
    """`current` with the fields that differ between `before` and `after` as in `before`,
    every other field as it is now; ChangedSince if one of those fields no longer holds
    what the action wrote."""
    back: dict[str, Any] = {}
    for field in fields(before):
        name = field.name
        was, wrote = getattr(before, name), getattr(after, name)
        if name in STAMPS or was == wrote:
            continue
        if getattr(current, name) != wrote:
            raise ChangedSince(name)
        back[name] = was
    return replace(current, **back)
