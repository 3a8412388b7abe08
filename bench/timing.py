"""Timing a Textual app from a key press to the last frame it caused (shared by benchmarks)."""

from __future__ import annotations

import gc
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from debrief.ui.app import DebriefApp


class PaintClock:
    """Records when the app last displayed a frame (to its headless terminal), through
    Textual's public `App.post_display_hook`, called right after each display."""

    def __init__(self, app: Any) -> None:
        self.last = 0.0
        original = app.post_display_hook

        def displayed() -> None:
            original()
            self.last = time.perf_counter()

        app.post_display_hook = displayed


def app_as_debrief_starts_it(path: Path) -> DebriefApp:
    """The app on the journal at `path` as the `debrief` command starts it: with the
    garbage collector off until its first frame, when the app turns it back on with what
    start-up built frozen out of its sight (see `run_app`). Without that, every pass of
    the collector walked the 14,000 records of a 2,000-reflection journal, ~100 ms of a
    first open of F4 that no user waits for."""
    from debrief.cli import build_app

    gc.unfreeze()  # (the apps of earlier rounds: collected, as if in a process of their own)
    gc.collect()
    gc.disable()
    return build_app(path)


async def timed_press(pilot: Any, key: str, clock: PaintClock) -> float:
    """Milliseconds from sending `key` to the last frame painted because of it."""
    started = time.perf_counter()
    clock.last = started
    await pilot.press(key)
    await pilot.pause()
    return (clock.last - started) * 1000


BARE = """
from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input
class Page(Screen):
    def compose(self):
        yield Header(); yield Input(); yield DataTable(); yield Footer()
class Bare(App):
    MODES = {"one": Page, "two": Page}
    DEFAULT_MODE = "one"
    BINDINGS = [("f2", "switch_mode('one')", "One"), ("f3", "switch_mode('two')", "Two")]
"""


async def bare_switch() -> tuple[float, float]:
    """A bare Textual app with two modes of four widgets each: F3 → its screen painted
    the first time (Textual initialises the mode), and again (median)."""
    namespace: dict[str, Any] = {}
    exec(BARE, namespace)
    app = namespace["Bare"]()
    clock = PaintClock(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        first = await timed_press(pilot, "f3", clock)
        times = []
        for _ in range(10):
            await pilot.press("f2")
            times.append(await timed_press(pilot, "f3", clock))
        return first, statistics.median(times)


BARE_TYPING = """
from textual.app import App
from textual.widgets import Footer, Header, Input, Static
class Bare(App):
    def compose(self):
        yield Header(); yield Input(); yield Static("0"); yield Footer()
    def on_input_changed(self, event):
        self.query_one(Static).update(str(len(event.value)))
"""


async def bare_keystrokes(text: str) -> float:
    """A bare Textual app with an input and a count under it: key → repainted (median)."""
    namespace: dict[str, Any] = {}
    exec(BARE_TYPING, namespace)
    app = namespace["Bare"]()
    clock = PaintClock(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        times = [await timed_press(pilot, char, clock) for char in text if char.isalpha()]
        return statistics.median(times)
