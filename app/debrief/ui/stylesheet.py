"""Textual's stylesheet, without re-parsing what cannot have changed.

Textual re-parses every stylesheet when a mode's first screen opens, whether or not a CSS
variable changed, in a fresh stylesheet whose cache of parsed CSS is then thrown away,
after emptying its own: the home screen's first frame parsed app.tcss three times (as it
was added, in that re-parse, and as the screen's widgets brought their own CSS to the
emptied cache). Parsed CSS depends only on the CSS and the variables, so this stylesheet
empties its cache only when a variable changes, and re-parses in place, through it.
"""

from __future__ import annotations

from textual.cache import LRUCache
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

PARSED_KEPT = 256  # sources: Textual keeps 64, fewer than the app's widgets and screens bring


class KeepParsedStylesheet(Stylesheet):
    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._parse_cache: LRUCache[tuple[object, ...], list[RuleSet]] = LRUCache(PARSED_KEPT)

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables != self._variables:
            super().set_variables(variables)  # (empties the cache: the CSS parses differently)

    def reparse(self) -> None:
        """Parse every source again, taking unchanged ones from the cache. (An error leaves
        the rules as they were, as Textual's own re-parse does.)"""
        self.parse()
