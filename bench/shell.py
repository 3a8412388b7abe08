"""`debrief list -n 10` and `debrief due` against `jrnl -n 10`, as whole processes.

    python bench/shell.py [--runs 15] [--reflections 1000] [--json]

Builds a synthetic journal (with its follow-up plans) and a jrnl journal of the same
entries and text, installs jrnl in a venv of its own (under the system temp folder,
never as a Debrief dependency), then times each command as a fresh process, taking
turns. Prints median wall time, the ratio to jrnl, and peak memory (max RSS).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import Figure, bench_parser, emit
from bench.synthetic import synthetic_tables
from debrief.model import Opportunity, Reflection, from_dict

JRNL_VENV = Path(tempfile.gettempdir()) / "debrief-bench-jrnl"


def jrnl_command() -> list[str]:
    executable = JRNL_VENV / "bin" / "jrnl"
    if not executable.exists():
        subprocess.run([sys.executable, "-m", "venv", str(JRNL_VENV)], check=True)
        subprocess.run([str(JRNL_VENV / "bin" / "pip"), "install", "--quiet", "jrnl"], check=True)
    return [str(executable)]


def write_journals(folder: Path, count: int) -> tuple[Path, Path, Path]:
    """The Debrief journal (with plans), the jrnl journal, and jrnl's config file."""
    tables = synthetic_tables(count)
    opportunities = {d["id"]: from_dict(Opportunity, d) for d in tables["opportunities"].values()}
    reflections = [from_dict(Reflection, d) for d in tables["reflections"].values()]
    debrief_path = folder / "journal.json"
    debrief_path.write_bytes(orjson.dumps(tables, option=orjson.OPT_SORT_KEYS))
    entries = []
    for r in sorted(reflections, key=lambda r: r.interview_at):
        o = opportunities[r.opportunity_id]
        title = f"{o.company} — {o.role}, rating {r.rating}/10."
        body = "\n".join(t for t in (r.went_well, r.went_badly, r.lessons, r.likes_role) if t)
        entries.append(f"[{r.interview_at.strftime('%Y-%m-%d %H:%M')}] {title}\n{body}\n")
    jrnl_path = folder / "jrnl.txt"
    jrnl_path.write_text("\n".join(entries))
    config = folder / "jrnl" / "jrnl.yaml"
    config.parent.mkdir()
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\n"
        "editor: ''\nencrypt: false\nhighlight: false\nindent_character: '|'\n"
        f"journals:\n  default:\n    journal: {jrnl_path}\nlinewrap: 79\ntagsymbols: '#@'\n"
        "template: false\ntimeformat: '%F %r'\nversion: v4.6\n"
    )
    return debrief_path, jrnl_path, folder


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of one process.

    Linux keeps a process's peak-memory mark across fork and exec, so a child forked
    from this (large) benchmark would report our pages. posix_spawn starts GNU time
    with a fresh address space, and time reports the command's own peak.
    """
    with tempfile.TemporaryFile() as report:
        actions = [
            (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_DUP2, report.fileno(), 2),
        ]
        started = time.perf_counter()
        pid = os.posix_spawn(
            "/usr/bin/time", ["time", "-f", "%M", *command], env, file_actions=actions
        )
        os.waitpid(pid, 0)
        elapsed = time.perf_counter() - started
        report.seek(0)
        return elapsed, int(report.read().decode().strip().splitlines()[-1])


def main() -> int:
    parser = bench_parser(__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--reflections", type=int, default=1000)
    args = parser.parse_args()
    jrnl = jrnl_command()
    debrief = [sys.executable, "-m", "debrief"]
    with tempfile.TemporaryDirectory() as scratch:
        debrief_path, _, config_home = write_journals(Path(scratch), args.reflections)
        env = {**os.environ, "XDG_CONFIG_HOME": str(config_home), "NO_COLOR": "1"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # installed apps have their bytecode cached
        commands = {
            "jrnl -n 10": [*jrnl, "-n", "10"],
            "debrief list -n 10": [*debrief, "--db", str(debrief_path), "list", "-n", "10"],
            "debrief due": [*debrief, "--db", str(debrief_path), "due"],
        }
        for command in commands.values():
            run_once(command, env)  # warm the file cache
        samples: dict[str, list[tuple[float, int]]] = {label: [] for label in commands}
        for _ in range(args.runs):
            for label, command in commands.items():
                samples[label].append(run_once(command, env))
    jrnl_median = statistics.median(t for t, _ in samples["jrnl -n 10"])
    figures = []
    for label, runs in samples.items():
        wall = statistics.median(t for t, _ in runs)
        figures.append(Figure(f"{label}: wall", wall * 1000))
        if label != "jrnl -n 10":
            target = 0.5 if label.startswith("debrief list") else None
            figures.append(Figure(f"{label}: × jrnl", wall / jrnl_median, "×", target))
        figures.append(Figure(f"{label}: peak memory", max(m for _, m in runs) / 1024, "MB"))
    title = f"shell, {args.reflections} reflections, medians of {args.runs} whole processes"
    emit(title, figures, as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
