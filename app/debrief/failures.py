"""What to say when something Debrief did not expect goes wrong at a boundary (unlocking,
merging, importing, a shell command): the kind of error and where, never its message or
the values around it. A crash report would print every frame's local variables, and
those hold passphrases and journal text; an exception's message may quote a file."""

from __future__ import annotations

import os
import traceback


def where(error: BaseException) -> str:
    """`TypeError in sync.py, line 80`: the innermost frame of Debrief's own code."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if f"{os.sep}debrief{os.sep}" in frame.filename]
    if not (ours or frames):
        return type(error).__name__
    frame = (ours or frames)[-1]
    return f"{type(error).__name__} in {os.path.basename(frame.filename)}, line {frame.lineno}"


def unexpected(error: BaseException, doing: str) -> str:
    """One sentence for an error no rule expected, safe to show and to report."""
    return (
        f"Something unexpected went wrong while {doing} ({where(error)}); nothing more was "
        "changed. Please report this line."
    )


def reason(error: Exception, doing: str, expected: tuple[type[Exception], ...]) -> str:
    """The error's own message when it is of a kind written for the user (`expected`),
    else `unexpected`'s sentence."""
    return str(error) if isinstance(error, expected) else unexpected(error, doing)
