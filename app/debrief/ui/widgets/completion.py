"""One completion behaviour for every field that completes (company, role, people).

Typing a few letters of any word of a known value, case and accents aside, shows the
value in grey after the cursor; Enter (or → at the end) takes it. A value that starts with
what was typed shows as its rest ("Glo" + "bex"); one matched by a later word shows after
an arrow ("zo → Dr. Zoë Brontë"), since Textual's Input draws a suggestion as the part
past what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from textual.suggester import Suggester
from textual.widgets import Input

from debrief.browse import complete, fold


class KnownValues(Suggester):
    """Suggests completions from a list that may change while the user types."""

    def __init__(self, values: Callable[[], Iterable[str]]) -> None:
        # (case_sensitive: the value arrives as typed, so that what is drawn lines up)
        super().__init__(use_cache=False, case_sensitive=True)
        self.values = values

    def completion(self, typed: str) -> str | None:
        return complete(typed, self.values())

    async def get_suggestion(self, value: str) -> str | None:
        completion = self.completion(value)
        if completion is None:
            return None
        if fold(completion[: len(value)]) == fold(value):
            return value + completion[len(value) :]
        return f"{value} → {completion}"


class CompletingInput(Input):
    """An Input whose grey completion Enter and → take (see the module)."""

    def __init__(self, value: str, *, known: KnownValues, **kwargs: Any) -> None:
        super().__init__(value, suggester=known, **kwargs)
        self.known = known

    def accept_completion(self) -> None:
        """Take the completion shown after what was typed, if any."""
        completion = self.known.completion(self.value)
        if completion is not None:
            self.value = completion
            self.cursor_position = len(completion)

    def action_cursor_right(self, select: bool = False) -> None:
        if not select and self.cursor_at_end and self.known.completion(self.value):
            self.accept_completion()
        else:
            super().action_cursor_right(select)
