"""Typing that runs on after a form closes must not act on the screen underneath.

Someone fills in the profile, presses Esc, and the rest of what they were typing lands on
the home screen, where `space` marks a thank-you done and `x` skips one. So the app notes
when each run of keys began (keys less than a second apart are one run) and when a
screen that is typed into (a form, a draft) last closed; while the run that was going on
then goes on, the screens underneath hold back their one-key actions, until a pause or a
deliberate move of the highlight, and say why.

The other way round too: `e` pressed twice opened an edit and typed "e" after the company.
An edit form notes when it opened; the characters of the run that opened it wait for a
pause before they are typed into it (when its first field holds text: an empty form
takes typing at once).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea

PAUSE_SECONDS = 1.0  # keys closer than this are one run of typing
MOVES = frozenset({"up", "down", "pageup", "pagedown", "home", "end", "left", "right"})


HELD = (
    "Still typing? Nothing was changed: pause a moment or move the highlight, then press "
    "the key again."
)
HELD_TYPING = "Still typing? Nothing was typed into the form: pause a moment, then type."


class TypingGuard:
    """When the current run of keys began, and when the screen last changed; the app tells
    it of both."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.last_key = float("-inf")
        # What happened in which order (counted, not timed: two events can share a tick).
        self._events = 0
        self.run_began = 0  # the event that began the current run of keys
        self.form_closed = 0  # the event of the last close of a screen typed into
        self.form_opened = 0  # the event of the last opening of an edit form
        self._said_for_run = -1

    def saw_form_close(self) -> None:
        self._events += 1
        self.form_closed = self._events

    def saw_form_open(self) -> None:
        self._events += 1
        self.form_opened = self._events

    def saw_key(self, key: str) -> None:
        self._events += 1
        now = self.clock()
        if now - self.last_key >= PAUSE_SECONDS or key in MOVES:
            self.run_began = self._events  # a new run: after a pause, or a deliberate move
        self.last_key = now

    def holds(self) -> bool:
        """True while the keys coming began before a screen typed into closed, without a
        pause: they were typed for that screen."""
        return self.run_began < self.form_closed

    def holds_typing(self) -> bool:
        """True while the keys coming began before an edit form opened, without a pause:
        they were typed for the screen underneath."""
        return self.run_began < self.form_opened

    def first_hold_of_run(self) -> bool:
        """True once per run of held keys: say why once, not at every key."""
        if self._said_for_run == self.run_began:
            return False
        self._said_for_run = self.run_began
        return True


def held_back(guard: TypingGuard | None, say: Callable[[str], object]) -> bool:
    """True (and said, once a run) if a one-key action must wait: the keys are still the
    run typed for the screen that has just closed."""
    if guard is None or not guard.holds():
        return False
    if guard.first_hold_of_run():
        say(HELD)
    return True


def closing_a_typed_screen(app: object) -> None:
    """Tell the app's guard (if it has one) that a screen typed into is closing."""
    guard = getattr(app, "typing", None)
    if isinstance(guard, TypingGuard):
        guard.saw_form_close()


def opening_an_edit(app: object, first: Input) -> None:
    """Tell the app's guard (if it has one) that a form is opening on `first`, its first
    field: if that holds text (an edit), the rest of the run of keys that opened it waits;
    an empty one is typed into at once (its first words are why it was opened)."""
    guard = getattr(app, "typing", None)
    if isinstance(guard, TypingGuard) and first.value:
        guard.saw_form_open()


def typed_ahead(
    guard: TypingGuard, event: events.Key, focused: Widget | None, say: Callable[[str], object]
) -> bool:
    """True (said once a run) if a typed character must not reach `focused`: a text field
    of an edit form that the same run of keys opened."""
    if not event.is_printable or not isinstance(focused, Input | TextArea):
        return False
    if not guard.holds_typing():
        return False
    if guard.first_hold_of_run():
        say(HELD_TYPING)
    return True
