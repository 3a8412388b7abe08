"""The base of every screen that shows journal content and must follow its changes."""

from __future__ import annotations

from textual.screen import Screen

from debrief.dates import Clock
from debrief.store.journal import Journal
from debrief.ui.guard import TypingGuard


class JournalView(Screen[None]):
    """Shows journal content; `reload()` redraws it after a save, an edit or an undo, and
    each time the screen shows again (something may have changed while it was away).

    It reads `journal`, tells the time by `clock` (injected: tests stop it), and asks
    `typing` whether a one-key action is a key typed ahead (see guard.py)."""

    SHOWS_ONLY = True  # nothing typed here to keep: an F-key to its place may close it

    def __init__(self, journal: Journal, clock: Clock, typing: TypingGuard | None = None) -> None:
        super().__init__()
        self.journal = journal
        self.clock = clock
        self.typing = typing

    def reload(self) -> None:
        raise NotImplementedError

    def held_back(self) -> str | None:
        """What quitting now would lose, said in a sentence (an edit refused as invalid,
        so never saved); None when nothing."""
        return None

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.reload()
