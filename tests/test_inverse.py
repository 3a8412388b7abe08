"""Undo as an inverse: only the fields the action changed go back, on the record as it is
now; a field changed again since refuses the undo."""

from __future__ import annotations

import dataclasses

import pytest

from debrief.inverse import ChangedSince, revert
from debrief.model import Status
from tests.samples import NOW, opportunity


def test_only_what_the_action_changed_goes_back() -> None:
    before = opportunity()
    after = dataclasses.replace(before, status=Status.GHOSTED, updated_at=NOW)
    elsewhere = dataclasses.replace(after, location="B-EDIT", updated_at=NOW.add(minutes=1))
    back = revert(elsewhere, before, after)
    assert back.status is Status.INTERVIEWING  # the action's change, undone
    assert back.location == "B-EDIT"  # the other window's edit, kept
    assert back.updated_at == elsewhere.updated_at  # (the caller stamps the undo's own write)


def test_a_field_changed_again_since_refuses() -> None:
    before = opportunity()
    after = dataclasses.replace(before, status=Status.GHOSTED)
    elsewhere = dataclasses.replace(after, status=Status.OFFER)
    with pytest.raises(ChangedSince):
        revert(elsewhere, before, after)


def test_an_action_that_changed_nothing_undoes_to_the_record_as_it_is() -> None:
    before = opportunity()
    now = dataclasses.replace(before, location="Hamburg")
    assert revert(now, before, before) == now
