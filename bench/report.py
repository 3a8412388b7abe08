"""What every benchmark prints: figures, each with its target when it has one.

A benchmark prints a readable table, or with `--json` one JSON object per figure for
`bench/run_all.py` to gather into a single table.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Figure:
    what: str
    value: float
    unit: str = "ms"
    target: float | None = None  # the figure should be at most this
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        return "met" if self.value <= self.target else "NOT MET"

    def line(self, width: int = 56) -> str:
        digits = 2 if self.unit == "×" else 1 if self.value < 10 else 0
        value = f"{self.value:.{digits}f}"
        target = f"≤ {self.target:g} {self.unit}" if self.target is not None else ""
        text = f"  {self.what:<{width}}{value:>9} {self.unit:<3}{target:>12}  {self.verdict}"
        return text + (f"  ({self.note})" if self.note else "")


def bench_parser(doc: str | None) -> argparse.ArgumentParser:
    """A benchmark's command line: described by its docstring's first line, with --json."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--json", action="store_true", help="one JSON object per figure")
    return parser


def emit(title: str, figures: Sequence[Figure], *, as_json: bool) -> None:
    if as_json:
        for figure in figures:
            print(json.dumps({"bench": title, **asdict(figure)}))
        return
    print(title)
    for figure in figures:
        print(figure.line())
