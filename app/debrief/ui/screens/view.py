"""The base of every screen that shows journal content and must follow its changes."""

from __future__ import annotations

from collections.abc import Callable

import pendulum
from textual.screen import Screen

Clock = Callable[[], pendulum.DateTime]


class JournalView(Screen[None]):
    """Shows journal content; `reload()` redraws it after a save, an edit or an undo, and
    each time the screen shows again (something may have changed while it was away)."""

    def reload(self) -> None:
        raise NotImplementedError

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.reload()
