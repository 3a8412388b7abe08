"""The test helpers send what Textual itself sends: a typed character arrives under the key
name `pilot.press` gives it (and a terminal too), so bindings on punctuation still match."""

from __future__ import annotations

import string

from textual import events, on
from textual.app import App, ComposeResult
from textual.widgets import Input

from tests.pilot_helpers import key_of, record_notifications, type_text

CHARACTERS = string.punctuation + " \t" + "é–…€·"


class KeyRecorder(App[None]):
    """Nothing to focus: every key reaches the app."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[str] = []

    @on(events.Key)
    def record(self, event: events.Key) -> None:
        self.keys.append(event.key)


class OneInput(App[None]):
    def compose(self) -> ComposeResult:
        yield Input()


async def test_a_typed_character_has_the_key_name_textual_gives_it() -> None:
    app = KeyRecorder()
    async with app.run_test() as pilot:
        await pilot.press(*CHARACTERS)  # named by Textual
        named_by_textual = app.keys[:]
        app.keys.clear()
        await type_text(pilot, CHARACTERS)  # named by key_of, all at once
        assert app.keys == named_by_textual
    assert [key_of(character) for character in CHARACTERS] == named_by_textual
    assert named_by_textual[:3] == ["exclamation_mark", "quotation_mark", "number_sign"]


async def test_typed_text_lands_in_the_input_as_typed() -> None:
    app = OneInput()
    async with app.run_test() as pilot:
        await type_text(pilot, "Zoë <zoe@acme.example>, 50% (¿y tú?)")
        assert app.query_one(Input).value == "Zoë <zoe@acme.example>, 50% (¿y tú?)"


async def test_notifications_are_recorded_and_still_shown() -> None:
    app = OneInput()
    said = record_notifications(app)
    async with app.run_test(notifications=True) as pilot:
        app.notify("Saved [b]Acme[/b]", markup=False)
        app.screen.notify("From a screen", severity="warning")
        await pilot.pause()
        assert said == ["Saved [b]Acme[/b]", "From a screen"]
        assert len(app.query("Toast")) == 2
