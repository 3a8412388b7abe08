"""The base of every screen that shows journal content and must follow its changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.screen import Screen

if TYPE_CHECKING:
    from debrief.ui.app import DebriefApp


class JournalView(Screen[None]):
    """Shows journal content; `reload()` redraws it after a save, an edit or an undo."""

    _resumed_before = False

    def reload(self) -> None:
        raise NotImplementedError

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._resumed_before:
            # Its widgets were styled as they mounted, a moment ago: Textual's restyling
            # of the whole screen as it first shows changed nothing and cost the first
            # frame ~10 ms (home) to ~30 ms (trends). (Called before Screen's handler.)
            event.refresh_styles = False
            self._resumed_before = True
        if self.is_mounted:
            self.reload()

    def on_resize(self, event: events.Resize) -> None:
        if event.size == self.outer_size:
            # The terminal's size, which Textual sends as the app starts, usually after
            # the first frame: laid out at that size a moment before, the screen need not
            # lay out and draw everything again (at start-up that second frame held back
            # the first one's last bytes, its writer waiting on the busy UI thread). The
            # check Textual itself makes when a screen resumes. (Called before Screen's
            # own handler, which only lays out again here: the app sets no breakpoints.)
            event.prevent_default()

    @property
    def debrief(self) -> DebriefApp:
        from debrief.ui.app import DebriefApp

        assert isinstance(self.app, DebriefApp)
        return self.app
