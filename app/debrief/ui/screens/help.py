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
from textual.widget import Widget
from textual.widgets import Markdown, SelectionList, Static


@dataclass(frozen=True)
class KeyLine:
    keys: str  # "d / delete"
    what: str  # "Delete · Delete the highlighted reflection"


def key_lines(app: App[Any], screen: Screen[Any]) -> tuple[list[KeyLine], list[KeyLine]]:
    """(the screen's own keys, the keys of every screen), one line per action, in the order
    the bindings are declared; a widget's generic keys (no id) left out, but for Debrief's
    own widgets (the decision matrix's keys have no id: they are acted on as they arrive)."""
    own: dict[str, tuple[list[str], Binding]] = {}
    everywhere: dict[str, tuple[list[str], Binding]] = {}
    said_first = bool(getattr(screen, "ENTER", ""))  # (in the screen's own words)
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not active.enabled or not _debriefs(binding, active.node):
            continue
        if key == "enter" and said_first:
            continue
        group = everywhere if active.node is app else own
        _add(app, group, binding)
    focused = [line for kind, line in STOCK_PARTS if isinstance(screen.focused, kind)]
    return _lines(own) + focused, _lines(everywhere)


def part_lines(app: App[Any], screen: Screen[Any]) -> list[KeyLine]:
    """The keys of the screen's parts that are not focused (Tab reaches them), as they
    declare them: Compare's keys in its matrix while its list of opportunities has focus."""
    said_first = bool(getattr(screen, "ENTER", ""))
    seen = {active.binding for active in screen.active_bindings.values()}
    group: dict[str, tuple[list[str], Binding]] = {}
    for part in screen.focus_chain:
        for declared in type(part).BINDINGS:
            if (
                isinstance(declared, Binding)
                and declared not in seen
                and _debriefs(declared, part)
                and not (said_first and declared.key == "enter")
            ):
                _add(app, group, declared)
    lines = _lines(group)
    return lines + [
        line
        for kind, line in STOCK_PARTS
        if screen.query(kind) and not isinstance(screen.focused, kind) and line not in lines
    ]


# Keys of Textual's own widgets worth saying (their bindings have no id, like their
# scrolling keys): a widget of that type on the screen says its line.
STOCK_PARTS: tuple[tuple[type[Widget], KeyLine], ...] = (
    (SelectionList, KeyLine("space", "Tick or untick the highlighted choice")),
)


def _debriefs(binding: Binding, node: object) -> bool:
    """A key Debrief means (an id, or declared by a Debrief class, not inherited from a
    Textual one), named, and not a system one."""
    ours = binding.id is not None or any(
        binding in vars(cls).get("BINDINGS", ())
        for cls in type(node).__mro__
        if cls.__module__.startswith("debrief.")
    )
    return ours and not binding.system and bool(binding.description or binding.tooltip)


def _add(app: App[Any], group: dict[str, tuple[list[str], Binding]], binding: Binding) -> None:
    keys, _ = group.setdefault(binding.action, ([], binding))
    display = app.get_key_display(binding)
    if display not in keys:
        keys.append(display)


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
        title = self.underneath.title or self._dialog_title() or self.app.title
        enter = getattr(self.underneath, "ENTER", "")
        with VerticalScroll(id="help"):
            yield Static(Content.styled(f"Keys · {title}", "bold"), classes="dialog-title")
            if own or enter:
                yield Static(key_table(own, enter), classes="help-keys")
            parts = part_lines(self.app, self.underneath)
            if parts:
                heading = "In its other parts (Tab goes to each)"
                yield Static(Content.styled(heading, "bold"), classes="help-heading")
                yield Static(key_table(parts), classes="help-keys")
            if everywhere:  # (a dialog's keys are its own)
                yield Static(Content.styled("On every screen", "bold"), classes="help-heading")
                yield Static(key_table(everywhere), classes="help-keys")
            model = getattr(self.underneath, "HELP", None)
            if model:
                yield Static(Content.styled("How keys work", "bold"), classes="help-heading")
                yield Markdown(model, classes="help-model")
            yield Static(Content("Esc or F1 closes this."), classes="help-heading")

    def _dialog_title(self) -> str:
        """A dialog's title (it has no screen title): "Keys · Filter the journal"."""
        for title in self.underneath.query(".dialog-title").results(Static):
            return str(title.content)
        return ""
