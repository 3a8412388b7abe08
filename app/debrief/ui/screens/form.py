"""One keyboard model for every form: the questionnaire, the profile, the dialogs.

- Tab and Shift+Tab go to the next and previous control.
- Enter in a field goes to the next field (buttons are passed over: Enter never presses
  "Remove this card" by surprise); past the form's last field it does what the form does
  next (the next step, OK). A multi-line field keeps Enter as a new line; on a button or
  in an open drop-down Enter does what it always does there.
- A drop-down opens with Space or Down; choosing in it moves on to the next field. A list
  of checkboxes ticks with Space; a rating takes a digit.

Tab and Enter are priority keys here, so that what is typed ahead, faster than the app
draws (a fast typist, a paste), lands in the field the keys before it moved to.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
from collections.abc import Awaitable, Callable
from typing import Any

from textual import on
from textual.actions import SkipAction
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Select, SelectionList, TextArea

from debrief.ui.guard import closing_a_typed_screen
from debrief.ui.keyboard import FORM_KEYS
from debrief.ui.widgets.completion import CompletingInput
from debrief.ui.widgets.rating import RatingPicker

FIELDS = (Input, TextArea, Select, SelectionList, RatingPicker)
SETTLE_SECONDS = 1.0  # the longest a priority key waits for the focused field


class ActNowButton(Button):
    """A button whose action a form carries out on Enter before it hands on the next key:
    what it makes (a new card) is where the typing goes."""

    def __init__(self, act: Callable[[], Awaitable[None]], label: str, **kwargs: Any) -> None:
        super().__init__(label, **kwargs)
        self.act = act


class FormKeys(Screen[Any]):
    """A screen whose controls follow the form keyboard model (see the module)."""

    HELP = FORM_KEYS
    ENTER = (
        "Goes to the next field; past the last one, what the form does next (the next step, "
        "its main button); in an answer of several lines, a new line"
    )  # (said first in F1: screens/help.py)

    BINDINGS = [
        Binding("enter", "next_field", show=False, priority=True, id="form.next"),
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True, id="form.tab"),
        Binding(
            "shift+tab",
            "app.focus_previous",
            "Previous field",
            show=False,
            priority=True,
            id="form.back_tab",
        ),
    ]

    def dismiss(self, result: Any = None) -> AwaitComplete:
        """Close; what is still being typed must not act on the screen underneath."""
        closing_a_typed_screen(self.app)
        return super().dismiss(result)

    def form_fields(self) -> list[Widget]:
        """The fields Enter steps through, in order (the whole screen's, by default)."""
        return [widget for widget in self.query("*") if isinstance(widget, FIELDS)]

    def form_done(self) -> object:
        """What Enter does past the last field (override: the next step, OK…); a
        coroutine is awaited before the next key is handled."""

    async def action_next_field(self) -> None:
        focused = self.focused
        if isinstance(focused, ActNowButton):
            await focused.act()  # (done before the next key: it goes where this leads)
            return
        if not isinstance(focused, FIELDS) or isinstance(focused, TextArea):
            raise SkipAction()  # (a new line, a button pressed, a choice made, as usual)
        if isinstance(focused, Input):
            await self.settled()
        if isinstance(focused, CompletingInput):
            focused.accept_completion()  # (what is shown in grey is what Enter takes)
        await self.focus_after(focused)

    async def settled(self) -> None:
        """Wait until the focused field has handled the keys already sent to it: a
        priority key is handled by the app at once, ahead of them, and what it does next
        (check the step, complete a company) must see what they typed."""
        focused = self.focused
        if focused is None:
            return
        handled = asyncio.get_running_loop().create_future()
        focused.call_later(handled.set_result, None)  # (queued behind those keys)
        with contextlib.suppress(TimeoutError):  # (a field removed meanwhile never answers)
            await asyncio.wait_for(handled, SETTLE_SECONDS)

    async def focus_after(self, field: Widget) -> None:
        """The field after `field` (as Enter moves on), or the form's next move."""
        fields = [f for f in self.form_fields() if f.focusable]
        if field in fields and fields.index(field) + 1 < len(fields):
            # (At once, not `focus()`, which waits a turn: the next key is already coming.)
            self.set_focus(fields[fields.index(field) + 1])
        else:
            done = self.form_done()
            if inspect.isawaitable(done):
                await done

    @on(Select.Changed)
    async def _chosen_moves_on(self, event: Select.Changed) -> None:
        if event.select.has_focus_within:  # (chosen by the user, not set by the code)
            await self.focus_after(event.select)
