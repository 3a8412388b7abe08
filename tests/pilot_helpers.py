"""Pilot helpers (also used by the benchmarks): typing a burst of key events, as fast as
a user pastes or types, and what the app told the user. Textual's public API only."""

from __future__ import annotations

import unicodedata
from typing import Any

from textual import events
from textual.app import App
from textual.keys import KEY_NAME_REPLACEMENTS, Keys
from textual.pilot import Pilot
from textual.widget import Widget


def key_of(character: str) -> str:
    """The key Textual names a typed character by (what bindings match): a letter or a
    digit is itself, Tab is `tab`, anything else its Unicode name in lower case with
    underscores, a few shortened as Textual shortens them (`/` is `slash`, `@` is `at`,
    `?` is `question_mark`). tests/test_pilot_helpers.py checks it against `pilot.press`."""
    if character.isalnum():
        return character
    if character == "\t":
        return Keys.Tab.value
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:  # a control character has no name: Textual keeps it as it is
        return character
    return KEY_NAME_REPLACEMENTS.get(name, name)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Send each character as a key press into the focused widget, then wait for the app."""
    app = pilot.app
    for char in text:
        event = events.Key("enter", "\r") if char == "\n" else events.Key(key_of(char), char)
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


def record_notifications(app: App[Any]) -> list[str]:
    """Every message the app notifies from now on, in order (what its toasts say): the
    app's public `notify` wrapped on this instance, which screens and widgets call too.
    Install it before `run_test`, to hear what the app says as it starts."""
    said: list[str] = []
    notify = app.notify

    def recording(message: str, **options: Any) -> None:
        said.append(str(message))
        notify(message, **options)

    app.notify = recording  # type: ignore[method-assign]
    return said
