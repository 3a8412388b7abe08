"""Run every benchmark, each in its own process, and print one table of the figures.

    python bench/run_all.py [--quick]

Every figure of the app's speed comes with its ratio to a bare Textual app measured in the
same benchmark, taking turns with it (start-up, each screen's first open and switching
back, a search keystroke): the targets are those ratios, since this machine's speed drifts
by a third within minutes. Saving, encryption, the trends' figures and the shell have
their own yardsticks (a file size, scrypt, jrnl). --quick uses fewer runs (a few minutes
instead of ten); the figures in the README come from the full run. Synthetic journals are
generated once a day and reused (bench/synthetic.py).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import Figure

HERE = Path(__file__).resolve().parent


def benchmarks(quick: bool) -> list[list[str]]:
    return [
        ["startup.py", *(["--runs", "5"] if quick else [])],
        ["save.py", *(["--runs", "5"] if quick else [])],
        ["encryption.py", *(["--runs", "5"] if quick else [])],
        ["screens.py", *(["--rounds", "2"] if quick else [])],
        ["search.py"],
        ["trends.py"],
        ["shell.py", *(["--runs", "5"] if quick else [])],
    ]


def run(arguments: list[str]) -> list[tuple[str, Figure]]:
    command = [sys.executable, str(HERE / arguments[0]), *arguments[1:], "--json"]
    print(f"running {' '.join(arguments)} …", file=sys.stderr, flush=True)
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    figures = []
    for line in output.splitlines():
        record = json.loads(line)
        bench = record.pop("bench")
        figures.append((bench, Figure(**record)))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    results = [figure for arguments in benchmarks(args.quick) for figure in run(arguments)]
    current, heading = None, ""
    missed = []
    for bench, figure in results:
        if bench != current:
            print(bench)
            current = bench
        print(figure.line())
        if not figure.what.startswith(" "):
            heading = figure.what  # (an indented figure is a ratio of the one above it)
        if figure.verdict == "NOT MET":
            what = figure.what.strip()
            missed.append(f"{bench}: {heading}, {what}" if what != heading else f"{bench}: {what}")
    print(f"\ntargets not met: {len(missed)}" + "".join(f"\n  {what}" for what in missed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
