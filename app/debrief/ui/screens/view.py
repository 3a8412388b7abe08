"""The base of every screen that shows journal content and must follow its changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.screen import Screen

if TYPE_CHECKING:
    from debrief.ui.app import DebriefApp


class JournalView(Screen[None]):
    """Shows journal content; `reload()` redraws it after a save, an edit or an undo."""

    # Whether it was suspended since its widgets were styled (as they mounted). Textual
    # restyles a whole screen each time it shows, to catch what changed while it was away;
    # a screen not yet away changed nothing, and that restyle cost the first frame ~10 ms
    # (home) to ~30 ms (trends), twice on a mode's first screen (Textual sends it two
    # resumes: one as the mode starts, one as it is switched to).
    _away_since_styled = False

    def reload(self) -> None:
        raise NotImplementedError

    def on_screen_suspend(self) -> None:
        self._away_since_styled = True

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self._away_since_styled:
            self._away_since_styled = False  # (Screen's own handler, called next, restyles)
        else:
            event.refresh_styles = False
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
