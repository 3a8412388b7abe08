"""The base of every screen that shows journal content and must follow its changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from debrief.ui.app import DebriefApp


class JournalView(Screen[None]):
    """Shows journal content; `reload()` redraws it after a save, an edit or an undo."""

    def reload(self) -> None:
        raise NotImplementedError

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.reload()

    @property
    def debrief(self) -> DebriefApp:
        from debrief.ui.app import DebriefApp

        assert isinstance(self.app, DebriefApp)
        return self.app
