"""Pilot helpers (also used by the benchmarks): typing a burst of key events, as fast as
a user pastes or types."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widget import Widget


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Send each character as a key press into the focused widget, then wait for the app."""
    app = pilot.app
    for char in text:
        if char == "\n":
            event = events.Key("enter", "\r")
        else:
            key = char if char.isalnum() else _character_to_key(char)
            event = events.Key(key, char)
        event.set_sender(app)
        app.post_message(event)
    await pilot.pause()


async def burst(pilot: Pilot[Any], *keys: str) -> None:
    """Send key presses all at once (`ctrl+n`, `6`, …), as fast as a typist ahead of
    the screen, then wait for the app."""
    app = pilot.app
    for key in keys:
        character = key if len(key) == 1 else {"space": " "}.get(key)
        event = events.Key(key, character)
        event.set_sender(app)
        app.post_message(event)
    await pilot.pause()


def focused(pilot: Pilot[Any]) -> Widget:
    widget = pilot.app.focused
    assert widget is not None, "nothing has focus"
    return widget
