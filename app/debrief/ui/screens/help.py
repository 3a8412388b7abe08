"""F1: the keys of the screen underneath, laid out for the terminal's width.

The screen's own keys come first, with what Enter does there, then the keys of every
screen, then how keys work (the keyboard model, `screen.HELP`). A widget's generic keys
(scroll left, page right: bindings without an id) are left out: they are not Debrief's,
and they buried its own keys in Textual's help panel (a ~30-column strip at 80×24).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown, Static


@dataclass(frozen=True)
class KeyLine:
    keys: str  # "d / delete"
    what: str  # "Delete · Delete the highlighted reflection"


def key_lines(app: App[Any], screen: Screen[Any]) -> tuple[list[KeyLine], list[KeyLine]]:
    """(the screen's own keys, the keys of every screen), one line per action, in the order
    the bindings are declared; a widget's generic keys (no id) left out."""
    own: dict[str, tuple[list[str], Binding]] = {}
    everywhere: dict[str, tuple[list[str], Binding]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.id is None or binding.system or not active.enabled:
            continue
        if key == "enter" or not (binding.description or binding.tooltip):
            continue  # (Enter is said first, in the screen's words; unnamed: nothing to say)
        group = everywhere if active.node is app else own
        keys, _ = group.setdefault(binding.action, ([], binding))
        display = app.get_key_display(binding)
        if display not in keys:
            keys.append(display)
    return _lines(own), _lines(everywhere)


def _lines(group: dict[str, tuple[list[str], Binding]]) -> list[KeyLine]:
    lines = []
    for keys, binding in group.values():
        what = binding.description or binding.tooltip or binding.action
        if binding.tooltip and binding.tooltip != what:
            what = f"{what} · {binding.tooltip}"
        lines.append(KeyLine(" / ".join(keys), what))
    return lines


def key_table(lines: list[KeyLine], enter: str = "") -> Table:
    """Keys left, what they do right (wrapped in what the width leaves)."""
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(no_wrap=True, style="bold")
    table.add_column(ratio=1)
    if enter:
        table.add_row(Text("enter"), Text(enter))
    for line in lines:
        table.add_row(Text(line.keys), Text(line.what))  # (Text: never read as markup)
    return table


class HelpScreen(ModalScreen[None]):
    """The keys of `screen`; F1, ? or Esc closes it."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="help.close"),
        Binding("q", "dismiss", "Close", show=False, id="help.close_q"),
    ]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__(classes="dialog-screen")
        self.underneath = screen

    def compose(self) -> ComposeResult:
        own, everywhere = key_lines(self.app, self.underneath)
        title = self.underneath.title or self.app.title
        enter = getattr(self.underneath, "ENTER", "")
        with VerticalScroll(id="help"):
            yield Static(Content.styled(f"Keys · {title}", "bold"), classes="dialog-title")
            if own or enter:
                yield Static(key_table(own, enter), classes="help-keys")
            yield Static(Content.styled("On every screen", "bold"), classes="help-heading")
            yield Static(key_table(everywhere), classes="help-keys")
            model = getattr(self.underneath, "HELP", None)
            if model:
                yield Static(Content.styled("How keys work", "bold"), classes="help-heading")
                yield Markdown(model, classes="help-model")
            yield Static(Content("Esc or F1 closes this."), classes="help-heading")
