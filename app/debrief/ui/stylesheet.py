"""Textual's stylesheet, without parsing what cannot have changed.

Textual re-parses every stylesheet when a mode's first screen opens, whether or not a CSS
variable changed, in a fresh stylesheet whose cache of parsed CSS is then thrown away,
after emptying its own: the home screen's first frame parsed app.tcss three times (as it
was added, in that re-parse, and as the screen's widgets brought their own CSS to the
emptied cache). Parsed CSS depends only on the CSS and the variables, so this stylesheet
empties its cache only when a variable changes, and re-parses in place, through it.

And it need not parse at all from one run to the next: `ParsedStyles` keeps what was
parsed in the user's cache folder, as Python keeps bytecode beside its sources (parsing
the app's and its widgets' CSS was ~20 ms of the first frame; loading it back ~2 ms).
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
from pathlib import Path

import rich
import textual
from textual.cache import LRUCache
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

from debrief.store.files import write_cache_file

PARSED_KEPT = 256  # sources: Textual keeps 64, fewer than the app's widgets and screens bring
STYLES_FORMAT = 2  # of the file below; a new one is simply not read
# The variables (as one string), then the CSS, where it was read from, whether it is a
# widget's default CSS, its tie breaker and scope: what Textual's parse depends on.
StylesKey = tuple[str, str, CSSLocation, bool, int, str]


def default_styles_path() -> Path:
    import platformdirs

    return platformdirs.user_cache_path("debrief") / "styles.pickle"


class ParsedStyles:
    """Parsed CSS kept in a file between runs, under everything it depends on: the CSS,
    where it came from, how Textual adds it, and the variables (the theme).

    The file is a pickle, loaded only if the user owns it and nobody else can write it
    (pickles run code: it is trusted as the bytecode in the user's own packages is), and
    only as written by this Python and this installed Textual (the rules are its objects).
    Anything else, or a file that does not load, is as no file: the CSS is parsed.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._kept: dict[StylesKey, bytes] | None = None  # pickled rules; loaded lazily
        self._used: dict[StylesKey, bytes] = {}  # what this run took from it or wrote, to write
        self._parsed: dict[StylesKey, list[RuleSet]] = {}  # what this run parsed, to write

    def rules(self, key: StylesKey) -> list[RuleSet] | None:
        if self._kept is None:
            self._kept = self._read()
        pickled = self._kept.get(key)
        if pickled is None:
            return None
        try:
            rules: list[RuleSet] = pickle.loads(pickled)
        except Exception:  # (any: whatever a stale pickle raises, parsing is the answer)
            return None
        self._used[key] = pickled
        return rules

    def keep(self, key: StylesKey, rules: list[RuleSet]) -> None:
        self._parsed[key] = rules  # (pickled when saved: not amid a first frame)

    def save(self) -> None:
        """Write the file if this run parsed anything new: what it used first, then what
        else was kept, up to PARSED_KEPT sources (other themes, say)."""
        if not self._parsed:
            return
        for key, rules in self._parsed.items():
            self._used[key] = pickle.dumps(rules, pickle.HIGHEST_PROTOCOL)
        self._parsed.clear()
        others = [(k, p) for k, p in (self._kept or {}).items() if k not in self._used]
        kept = dict([*self._used.items(), *others][:PARSED_KEPT])
        payload = pickle.dumps({"stamp": _stamp(), "rules": kept}, pickle.HIGHEST_PROTOCOL)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return
        write_cache_file(self.path, payload)

    def _read(self) -> dict[StylesKey, bytes]:
        try:
            with open(self.path, "rb") as file:
                status = os.fstat(file.fileno())
                if status.st_uid != os.getuid() or status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                    return {}
                stored = pickle.load(file)
            if stored["stamp"] != _stamp():
                return {}
            rules = stored["rules"]
            if isinstance(rules, dict):
                return rules
        except Exception:  # (missing, unreadable, another format: all the same to a cache)
            pass
        return {}


def _stamp() -> tuple[object, ...]:
    """Which Python, Textual and Rich wrote the file (the rules hold their objects): an
    upgrade rewrites a package's files, so a new one meets a stamp of its own."""
    installed = [
        (package.__name__, os.stat(str(package.__file__)).st_mtime_ns)
        for package in (textual, rich)
    ]
    return STYLES_FORMAT, sys.version_info[:2], installed


class KeepParsedStylesheet(Stylesheet):
    def __init__(
        self, *, variables: dict[str, str] | None = None, kept: ParsedStyles | None = None
    ) -> None:
        super().__init__(variables=variables)
        self._parse_cache: LRUCache[tuple[object, ...], list[RuleSet]] = LRUCache(PARSED_KEPT)
        self.kept = kept
        self._variables_said: str | None = None  # the variables, as the kept rules' keys say them

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables != self._variables:
            super().set_variables(variables)  # (empties the cache: the CSS parses differently)
            self._variables_said = None

    def reparse(self) -> None:
        """Parse every source again, taking unchanged ones from the cache. (An error leaves
        the rules as they were, as Textual's own re-parse does.)"""
        self.parse()

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        """Textual's parse, taking the rules from the kept file when it has them, and
        giving it those it did not have (if they parsed without an error)."""
        source = (css, read_from, is_default_rules, tie_breaker, scope)
        if self.kept is None:
            return super()._parse_rules(*source)
        parsed = self._parse_cache.get(source)
        if parsed is not None:
            return parsed
        if self._variables_said is None:
            self._variables_said = repr(sorted(self._variables.items()))
        key = (self._variables_said, *source)  # (exact: a digest would cost hashlib's import)
        rules = self.kept.rules(key)
        if rules is None:
            rules = super()._parse_rules(*source)
            if not any(rule.errors for rule in rules):
                self.kept.keep(key, rules)
        self._parse_cache[source] = rules
        return rules
