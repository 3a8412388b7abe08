"""The screen's keys along the bottom: Textual's footer, drawn as one widget.

Textual's Footer is a row of FooterKey widgets, each styled with two component classes
of its own, and rebuilt whenever the screen's bindings are recomputed (every focus
change). On the home screen that was 14 widgets and 45 style applications before the
first frame: the home reached the terminal 50–95 ms sooner without its footer. This one
draws the same line (the same theme variables and spacing: `key description` pairs, the
command palette key on the right behind a thin rule) as a single widget, and finds the
key under the mouse by its column for the hover highlight, the tooltip and the click.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import RenderResult
from textual.screen import Screen
from textual.widget import Widget

PALETTE_RULE = "▏"
HELP_KEY = "f1"  # its screen lists every key, so it stays when others do not fit


@dataclass(frozen=True)
class FooterKey:
    """One key as the footer shows it."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str
    palette: bool = False  # the command palette's key, kept on the right

    @property
    def text(self) -> tuple[str, str]:
        """(key part, description part): `" key "` `"description "`; the palette's key is
        drawn compact, `"key"` `" description"`, as Textual draws it."""
        if self.palette:
            return self.display, f" {self.description}"
        return f" {self.display} ", f"{self.description} "

    @property
    def width(self) -> int:
        key, description = self.text
        return Text(key + description).cell_len


class KeysFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "keys-footer--key",
        "keys-footer--description",
        "keys-footer--hover",
        "keys-footer--rule",
    }
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .keys-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keys-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .keys-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .keys-footer--rule {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._keys: tuple[FooterKey, ...] = ()
        self._ready = False  # the screen's bindings are known (its first bindings update)
        self._hovered: FooterKey | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._ready = True
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            return
        keys = self._keys_of(screen)
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    @property
    def keys(self) -> tuple[FooterKey, ...]:
        """The keys shown now, the command palette's last."""
        return self._keys

    def _keys_of(self, screen: Screen[Any]) -> tuple[FooterKey, ...]:
        """The shown bindings, one key per action (the first bound), as Textual's footer
        lists them, then the command palette's."""
        app = self.app
        first_of_action: dict[str, FooterKey] = {}
        for _node, binding, enabled, tooltip in screen.active_bindings.values():
            if binding.show and binding.action not in first_of_action:
                first_of_action[binding.action] = FooterKey(
                    binding.key, app.get_key_display(binding), binding.description,
                    enabled, tooltip,
                )  # fmt: skip
        keys = list(first_of_action.values())
        palette = screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
        if app.ENABLE_COMMAND_PALETTE and palette is not None:
            _node, binding, enabled, _tooltip = palette
            keys.append(
                FooterKey(binding.key, app.get_key_display(binding), binding.description,
                          enabled, binding.tooltip or binding.description, palette=True)
            )  # fmt: skip
        return tuple(keys)

    def _palette_key(self) -> FooterKey | None:
        return next((key for key in self._keys if key.palette), None)

    def _palette_column(self) -> int:
        """Where the palette's key begins (its rule; a space follows it): the other keys
        are cut there, as Textual's are hidden behind it."""
        palette = self._palette_key()
        return self.size.width - (palette.width + 2 if palette else 0)

    def _fitted(self) -> list[FooterKey]:
        """The keys left of the palette's that fit whole, in order; when some do not, the
        help key (which lists them all) takes the place of the last ones."""
        stop = self._palette_column()
        shown: list[FooterKey] = []
        column = 0
        others = [key for key in self._keys if not key.palette]
        for key in others:
            if column + key.width > stop:
                break
            shown.append(key)
            column += key.width
        help_key = next((key for key in others if key.key == HELP_KEY), None)
        if len(shown) < len(others) and help_key is not None and help_key not in shown:
            while shown and column + help_key.width > stop:
                column -= shown.pop().width
            if column + help_key.width <= stop:
                shown.append(help_key)
        return shown

    def _placed(self) -> list[tuple[int, int, FooterKey]]:
        """The keys drawn, each with the columns it covers (start, end)."""
        placed: list[tuple[int, int, FooterKey]] = []
        column = 0
        for key in self._fitted():
            placed.append((column, column + key.width, key))
            column += key.width
        palette = self._palette_key()
        if palette is not None:
            placed.append((self._palette_column(), self.size.width, palette))
        return placed

    def render(self) -> RenderResult:
        if not self._ready:
            return Text()
        styles = (
            self.get_component_rich_style("keys-footer--key"),
            self.get_component_rich_style("keys-footer--description"),
            self.get_component_rich_style("keys-footer--hover"),
        )
        stop = self._palette_column()
        line = Text(no_wrap=True, overflow="crop", end="")
        for key in self._fitted():
            line.append_text(self._key_text(key, *styles))
        line.pad_right(max(0, stop - line.cell_len))
        palette = self._palette_key()
        if palette is not None:
            line.append(PALETTE_RULE, self.get_component_rich_style("keys-footer--rule"))
            line.append_text(self._key_text(palette, *styles))
            line.append(" ")
        return line

    def _key_text(
        self, key: FooterKey, key_style: Style, description_style: Style, hover_style: Style
    ) -> Text:
        key_part, description_part = key.text
        text = Text.assemble((key_part, key_style), (description_part, description_style))
        if key is self._hovered:  # (under the parts' own colours, as Textual's hover is)
            text.stylize(Style(bgcolor=hover_style.bgcolor))
        if not key.enabled:
            text.stylize_before(Style(dim=True))
        return text

    def _key_at(self, x: int) -> FooterKey | None:
        for start, end, key in self._placed():
            if start <= x < end:
                return key
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover(self._key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._hover(None)

    def _hover(self, key: FooterKey | None) -> None:
        if key is not self._hovered:
            self._hovered = key
            self.tooltip = key.tooltip if key is not None and key.tooltip else None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
