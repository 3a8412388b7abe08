"""Getting the passphrase of an encrypted journal, as mail clients do: from a command the
user names (`DEBRIEF_PASSPHRASE_COMMAND="pass show debrief"`, its first line), else by
asking on the terminal. Never from an environment variable or the command line, never
written anywhere. The app asks in its own dialog instead (ui/screens/unlock.py).
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from debrief.store.files import JournalError
from debrief.store.sealed import (
    KeyParams,
    Passphrase,
    Sealer,
    WrongPassphrase,
    sealed_params,
    unlock,
)
from debrief.text import printable

PASSPHRASE_COMMAND = "DEBRIEF_PASSPHRASE_COMMAND"
TRIES = 3
SHORTEST = 8  # characters: shorter is guessed too quickly, whatever the key derivation


def has_command() -> bool:
    """Whether a passphrase command is set (without running it)."""
    return bool(os.environ.get(PASSPHRASE_COMMAND, "").strip())


def from_command() -> Passphrase | None:
    """The first line the passphrase command prints; None when no command is set."""
    command = os.environ.get(PASSPHRASE_COMMAND, "").strip()
    if not command:
        return None
    import subprocess  # (here: `debrief list` on a plain journal never needs it)

    try:  # (stdin and stderr stay the terminal's: `pass` may ask for its own key)
        result = subprocess.run(command, shell=True, stdout=subprocess.PIPE, check=False)
    except OSError as error:
        raise JournalError(f"{PASSPHRASE_COMMAND} could not run: {error}.") from error
    if result.returncode != 0:
        raise JournalError(f"{PASSPHRASE_COMMAND} failed (exit status {result.returncode}).")
    first = Passphrase(result.stdout.decode("utf-8", "replace").split("\n", 1)[0].rstrip("\r"))
    del result  # (its output is the passphrase: not a local a crash report would show)
    if not len(first):
        raise JournalError(f"{PASSPHRASE_COMMAND} printed no passphrase.")
    return first


def sealer_for(path: Path, ask: Callable[[str], str] | None = None) -> Sealer | None:
    """What opens the journal at `path`: None when it is not encrypted; else a sealer from
    the passphrase command, or from asking (three tries). JournalError when neither works."""
    if sealed_params(path) is None:
        return None
    given = from_command()
    if given is not None:
        try:
            return unlock(path, given)
        except WrongPassphrase as error:
            raise JournalError(f"The passphrase from {PASSPHRASE_COMMAND}: {error}") from error
    need_terminal(ask, f"{path} is encrypted")
    for attempt in range(1, TRIES + 1):
        try:
            return unlock(path, typed(ask, printable(f"Passphrase for {path}: ")))
        except WrongPassphrase:
            left = TRIES - attempt
            print(f"Wrong passphrase.{f' {left} more tries.' if left else ''}", file=sys.stderr)
    raise JournalError(too_many_tries(path))


def too_many_tries(path: Path) -> str:
    return f"Wrong passphrase {TRIES} times: {path} was neither opened nor changed."


def new_sealer(ask: Callable[[str], str] | None = None, *, typed_always: bool = False) -> Sealer:
    """A sealer for a new passphrase: from the command, else typed twice (`typed_always`:
    typed even with a command, as when the command gives the current one)."""
    given = None if typed_always else from_command()
    if given is not None:
        problem = passphrase_problem(given)  # (the same rule as for one typed)
        if problem is not None:
            raise JournalError(
                f"The passphrase from {PASSPHRASE_COMMAND}: {problem} Nothing was changed."
            )
        return Sealer(given, KeyParams.fresh())
    need_terminal(ask, "A new passphrase is needed")
    for attempt in range(1, TRIES + 1):
        given = typed(ask, "New passphrase: ")
        problem = passphrase_problem(given)
        if problem is None and typed(ask, "The same passphrase again: ") == given:
            return Sealer(given, KeyParams.fresh())
        problem = problem or "The two passphrases differ."
        if attempt == TRIES:
            raise JournalError(f"{problem} Nothing was changed.")
        print(f"{problem} Try again.", file=sys.stderr)
    raise AssertionError("not reached")


def need_terminal(ask: Callable[[str], str] | None, why: str) -> None:
    """Refuse to ask when nobody can answer (stdin is a file, a pipe or /dev/null)."""
    if ask is None and not sys.stdin.isatty():
        raise JournalError(
            f"{why}: run this in a terminal to type the passphrase, or set "
            f'{PASSPHRASE_COMMAND} (e.g. "pass show debrief"). Nothing was changed.'
        )


def typed(ask: Callable[[str], str] | None, prompt: str) -> Passphrase:
    """A passphrase typed at `prompt` (hidden); JournalError when the input ends first."""
    try:
        return Passphrase((ask or getpass.getpass)(prompt))
    except (EOFError, KeyboardInterrupt) as error:
        raise JournalError("No passphrase was typed: nothing was changed.") from error


def passphrase_problem(passphrase: Passphrase) -> str | None:
    """Why a new passphrase is refused, or None."""
    if len(passphrase) < SHORTEST:
        return (
            f"A passphrase needs at least {SHORTEST} characters (a few words are easiest "
            "to remember)."
        )
    return None
