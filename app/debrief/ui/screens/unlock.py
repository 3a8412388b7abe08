"""The passphrase dialog of an encrypted journal: shown before anything of the journal,
masked, three tries; a wrong passphrase changes nothing."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from debrief.actions.unlock import TRIES, too_many_tries
from debrief.failures import unexpected
from debrief.store.files import JournalError
from debrief.store.sealed import Passphrase, Sealer, WrongPassphrase, unlock


class UnlockApp(App[Sealer | None]):
    """Asks for the passphrase; returns what opens the journal, or None (Esc)."""

    CSS = """
    Screen { align: center middle; }
    #unlock { width: 64; height: auto; padding: 1 2; border: round $accent; }
    #unlock-title { text-style: bold; margin-bottom: 1; }
    #unlock-error { color: $error; height: auto; margin-top: 1; }
    #unlock-hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "quit_unopened", "Quit", id="unlock.quit")]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.wrong = 0  # passphrases refused so far

    def compose(self) -> ComposeResult:
        with Vertical(id="unlock"):
            yield Static(Content(f"{self.path.name} is encrypted"), id="unlock-title")
            yield Input(placeholder="Passphrase", password=True, id="passphrase")
            yield Static(id="unlock-error")
            yield Static("Enter opens it · Esc quits", id="unlock-hint")

    def on_mount(self) -> None:
        self.title = "Debrief"
        self.query_one("#unlock-error").display = False

    @on(Input.Submitted, "#passphrase")
    async def _try(self, event: Input.Submitted) -> None:
        field = event.input
        if not event.value:
            return
        field.disabled = True  # (the key derivation takes a moment, on purpose)
        try:
            sealer = await asyncio.to_thread(unlock, self.path, Passphrase(event.value))
        except WrongPassphrase:
            self.wrong += 1
            if self.wrong >= TRIES:
                self.exit(None, return_code=3)
                return
            left = TRIES - self.wrong
            self._say(f"Wrong passphrase; nothing was changed. {left} more {_tries(left)}.")
        except JournalError as error:
            self._say(str(error))
        except Exception as error:  # (never a crash report here: it would show the passphrase)
            self._say(unexpected(error, "opening the journal"))
        else:
            self.exit(sealer)
            return
        field.disabled = False
        field.value = ""
        field.focus()

    def _say(self, message: str) -> None:
        error = self.query_one("#unlock-error", Static)
        error.update(Content(message))
        error.display = True

    def action_quit_unopened(self) -> None:
        self.exit(None)


def _tries(count: int) -> str:
    return "try" if count == 1 else "tries"


def ask_for_passphrase(path: Path) -> Sealer | None:
    """The sealer the user unlocked; None if they quit; JournalError after three wrong tries."""
    app = UnlockApp(path)
    sealer = app.run()
    if app.wrong >= TRIES:
        raise JournalError(too_many_tries(path))
    return sealer
