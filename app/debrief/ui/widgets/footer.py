"""Textual's footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    """A Footer that skips rebuilding itself when the shown keys are the same as before.

    Textual's Footer recomposes (every key a new widget, each styled anew) whenever the
    screen's bindings are recomputed, which happens on every focus change even when
    nothing it shows changes. On the home screen that was three rebuilds at start-up,
    about a fifth of the time to the first frame; in the questionnaire, one per field.
    """

    _shown: tuple[Any, ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        will_rebuild = screen.app.app_focus and self.is_attached and screen is self.screen
        if will_rebuild:
            shown = self._shown_keys(screen)
            if shown == self._shown:
                return
            self._shown = shown
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # Start each bound key as the footer is: a key starts compact and is then
                # bound to the footer's style, so each was styled three times over.
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    def _shown_keys(self, screen: Screen[Any]) -> tuple[Any, ...]:
        return tuple(
            (binding.key, self.app.get_key_display(binding), binding.description, enabled, tooltip)
            for _node, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        )
