"""Running Debrief: the full-screen app on a journal (unlocked first when encrypted), the
sample journal of `--demo`, and what every shell command shares: opening the journal,
saying a line, refusing, the time now, the exit statuses."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from debrief.actions.unlock import has_command, sealer_for
from debrief.model import Settings
from debrief.store.files import JournalError
from debrief.store.journal import Journal
from debrief.store.sealed import Sealer, sealed_params
from debrief.text import printable

if TYPE_CHECKING:
    import pendulum

    from debrief.dates import Clock
    from debrief.ui.app import DebriefApp

EXIT_OK, EXIT_NOT_FOUND, EXIT_JOURNAL_ERROR = 0, 1, 2
EXIT_INTERNAL_ERROR = 70  # (EX_SOFTWARE) a bug: said in one line, never a trace
EXIT_INTERRUPTED = 130
EXIT_SOMETHING_DUE = 1


def open_journal(path: Path, *, readonly: bool = False, with_followups: bool = True) -> Journal:
    """The journal at `path`; an encrypted one unlocked from the passphrase command, or by
    asking on the terminal."""
    return Journal.open(
        path, readonly=readonly, sealer=sealer_for(path), with_followups=with_followups
    )


def say(message: str, *, error: bool = False) -> None:
    """A line for the user (on stderr when `error`), every name in it (a file, a copy, a
    path) shown literally: a control character as its visible symbol (`text.printable`),
    so a file named with an ESC never clears the screen or retitles the window."""
    print(printable(message), file=sys.stderr if error else sys.stdout)


def refuse(message: str) -> int:
    """Say on stderr why nothing was done; the exit status for a journal problem."""
    say(f"debrief: {message}", error=True)
    return EXIT_JOURNAL_ERROR


def now_for(settings: Settings) -> pendulum.DateTime:
    """Now in the user's zone; DEBRIEF_NOW (ISO 8601) pretends it is another moment (one
    without an offset in the user's zone, as the app reads it)."""
    import pendulum  # (not at the top: `debrief list` never loads it)

    from debrief.dates import pretended_moment

    pretend = os.environ.get("DEBRIEF_NOW")
    if pretend:
        return pretended_moment(pretend, settings.timezone)
    return pendulum.now(settings.timezone) if settings.timezone else pendulum.now()


# --- the app ---------------------------------------------------------------------------------


def run_app(path: Path) -> int:
    # Starting up allocates a great deal and frees next to nothing, and the collector's
    # passes over it are pure cost: off until the app's first frame (the app turns it back
    # on, with what start-up built out of its sight). See the README's performance notes.
    from debrief.dates import DateParseError

    gc.disable()
    try:
        app = build_app(path, app_sealer(path))
    except (JournalError, DateParseError) as error:  # (DateParseError: DEBRIEF_NOW)
        gc.enable()
        return refuse(str(error))
    except Cancelled:
        gc.enable()
        return refuse(f"{path} stays locked; nothing was opened.")
    app.run()
    return app.return_code or EXIT_OK


class Cancelled(Exception):
    """The user closed the passphrase dialog: nothing was opened."""


def app_sealer(path: Path) -> Sealer | None:
    """What opens an encrypted journal for the app: the passphrase command's, else the
    passphrase typed in a dialog shown before anything of the journal (three tries)."""
    if sealed_params(path) is None:
        return None
    if has_command():  # (run once: `pass` may ask for its own key)
        return sealer_for(path)
    from debrief.ui.screens.unlock import ask_for_passphrase  # (Textual: only to ask)

    sealer = ask_for_passphrase(path)
    if sealer is None:
        raise Cancelled
    return sealer


def build_app(path: Path, sealer: Sealer | None = None) -> DebriefApp:
    """The app on the journal at `path`, as `debrief` runs it (the benchmarks too). Raises
    JournalError, before Textual is even loaded, for a journal that cannot be opened."""
    journal = Journal.open(path, sealer=sealer)
    from debrief.ui.app import make_app  # (Textual loads only for the full-screen app)
    from debrief.ui.keymap import default_keymap_path

    return make_app(
        journal,
        clock=app_clock(journal),
        handle_signals=True,
        keymap_path=default_keymap_path(),
    )


def app_clock(journal: Journal) -> Clock | None:
    """The app's clock under DEBRIEF_NOW: it starts at that moment (read as every shell
    command reads it) and runs on from there; None (the real clock) without it."""
    from debrief.dates import pretended_moment, running_from

    pretend = os.environ.get("DEBRIEF_NOW")
    if not pretend:
        return None
    start = pretended_moment(pretend, journal.settings().timezone)
    return running_from(start, lambda: journal.settings().timezone)


# --- the demo --------------------------------------------------------------------------------


def build_demo_journal(path: Path, now: pendulum.DateTime) -> Journal:
    """Write the sample journal to `path` (a new file) and return it open."""
    from debrief.demo import demo_bundle  # (the sample story: only for --demo)

    journal = Journal.open(path)
    journal.apply_import(demo_bundle(now))
    return journal
