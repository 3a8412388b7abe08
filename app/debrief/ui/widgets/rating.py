"""A 1–10 picker: digit keys choose (0 means 10), arrows nudge, a click picks."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

CELL_WIDTH = 4
LOWEST, HIGHEST = 1, 10


class RatingPicker(Widget, can_focus=True):
    """Shows `1 … 10` with the chosen score highlighted; `value` is None until chosen."""

    DEFAULT_CSS = """
    RatingPicker {
        height: 3;
        width: auto;
        border: tall $border-blurred;
        padding: 0 1;
    }
    RatingPicker:focus {
        border: tall $border;
    }
    """

    BINDINGS = [
        Binding("right,plus", "nudge(1)", "Higher", show=False, id="rating.higher"),
        Binding("left,minus", "nudge(-1)", "Lower", show=False, id="rating.lower"),
        Binding("backspace,delete", "clear", "Clear", show=False, id="rating.clear"),
    ]

    value: reactive[int | None] = reactive(None)

    @dataclass
    class Changed(Message):
        picker: RatingPicker
        value: int | None

        @property
        def control(self) -> RatingPicker:
            return self.picker

    def __init__(self, value: int | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(RatingPicker.value, value)

    def render(self) -> Content:
        cells = []
        for score in range(LOWEST, HIGHEST + 1):
            style = "reverse bold" if score == self.value else ("$text-muted" if self.value else "")
            cells.append(Content.styled(f"{score:^{CELL_WIDTH}}", style))
        return Content("").join(cells)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return CELL_WIDTH * HIGHEST

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            event.stop()
            event.prevent_default()
            self.value = int(event.character) or HIGHEST

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and 0 <= offset.x < CELL_WIDTH * HIGHEST:
            self.value = offset.x // CELL_WIDTH + LOWEST

    def action_nudge(self, step: int) -> None:
        if self.value is None:
            self.value = LOWEST if step > 0 else HIGHEST
        else:
            self.value = max(LOWEST, min(HIGHEST, self.value + step))

    def action_clear(self) -> None:
        self.value = None
