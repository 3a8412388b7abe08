"""A seeded keyboard monkey: a random walk of keys over the real app, on a copy of the demo.

    python scripts/monkey.py --keys 20000 --seed 1 [--size 80x24|120x36] [--quiet]
    python scripts/monkey.py --replay monkey-seed1-80x24.keys

Why: the Pilot tests press the keys someone thought of; a monkey presses the ones nobody
did, in orders nobody tried, on every screen. Each walk builds the app with `make_app`
(the factory the CLI uses) on a fresh copy of the demo journal, with the tests' fixed
clock, and presses keys drawn from the current screen's active bindings, text, the
navigation keys and the ctrl keys; now and then it jumps to a screen by its key, so it
goes deep rather than round in circles on one screen.

The walk depends only on the seed, the size and the app's state: the same seed presses
the same keys, and a failure prints the one-line command that replays it (and writes the
exact keys to a file `--replay` presses). The app's own timers run on the wall clock (the
two-second look for changes, the draft's autosave): they may tick between other keys in
a replay, which is how the monkey found a race in one of them. The typing guard's clock
is the walk's (`TypingTime`), so keys held back after a form closes are the same ones.

Each walk runs in a process of its own, `--jobs` at a time: Pilot waits until the
process is idle after every key, so walks sharing a process would wait for each other.

It fails on any exception in the app (handlers and workers: `run_test` re-raises what
crashed the app when it closes, and `return_code` is 1), on a key the app takes more than
`KEY_TIMEOUT` seconds to handle, if the journal file no longer opens, and if a saved
reflection is missing that the walk did not delete (deletions are recorded by a journal
subclass, the journal's own API). It never quits on purpose (quit bindings are never
drawn); quitting from the palette or a dialog restarts the app on the same file,
counted. Nothing leaves the sandbox: HOME and the working folder are a temporary
folder deep enough that a path edited in a "save to file" prompt stays inside it, and the
clipboard is Textual's own (no program runs). The demo journal is plain, so no
passphrase command runs either.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import io
import multiprocessing
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pendulum
from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerState

from debrief.demo import demo_bundle
from debrief.model import FollowUp, Opportunity, Reflection
from debrief.store.journal import Journal, JournalError
from debrief.ui.app import DebriefApp, make_app

# The tests' fixed moment (tests/samples.py NOW): a failing test seed replays here exactly.
NOW = pendulum.datetime(2026, 11, 22, 14, 5, tz="Europe/Berlin")
SIZES = {"80x24": (80, 24), "120x36": (120, 36)}
KEY_TIMEOUT = 120.0  # seconds: a key not handled by then is a hang (a loaded machine is slow)
NOTIFICATIONS = True  # toasts drawn too: their text is the app's, markup and all
QUIT_ACTIONS = frozenset({"quit", "app.quit"})
NEVER = frozenset({"ctrl+q"})  # quit's default key, even where it is not bound
SANDBOX_DEPTH = 16  # folders between HOME and the real file system (see module doc)

NAVIGATION = (
    "enter", "tab", "shift+tab", "escape", "up", "down", "left", "right",
    "pageup", "pagedown", "home", "end", "space", "backspace",
)  # fmt: skip
# The project's own ctrl and function keys, and the palette (they are in the active
# bindings only where they apply; pressed elsewhere they must do no harm either).
CTRL_KEYS = (
    "ctrl+n", "ctrl+b", "ctrl+s", "ctrl+r", "ctrl+o", "ctrl+t", "ctrl+g", "ctrl+p",
    "ctrl+a", "ctrl+e", "ctrl+k", "ctrl+u", "ctrl+w", "ctrl+x", "ctrl+v", "ctrl+z",
    "ctrl+y", "ctrl+c", "delete",
)  # fmt: skip
FUNCTION_KEYS = ("f1", "f2", "f3", "f4", "f5", "f6", "question_mark")
# Printable characters by the key names Textual gives them (`pilot.press` types each:
# tests/test_monkey.py checks, in an Input). No "/": see SANDBOX_DEPTH.
PUNCTUATION = {
    " ": "space", "!": "exclamation_mark", '"': "quotation_mark", "#": "number_sign",
    "$": "dollar_sign", "%": "percent_sign", "&": "ampersand", "'": "apostrophe",
    "(": "left_parenthesis", ")": "right_parenthesis", "*": "asterisk", "+": "plus",
    ",": "comma", "-": "minus", ".": "full_stop", ":": "colon", ";": "semicolon",
    "<": "less_than_sign", "=": "equals_sign", ">": "greater_than_sign",
    "?": "question_mark", "@": "at", "[": "left_square_bracket", "\\": "backslash",
    "]": "right_square_bracket", "^": "circumflex_accent", "_": "underscore",
    "`": "grave_accent", "{": "left_curly_bracket", "|": "vertical_line",
    "}": "right_curly_bracket", "~": "tilde",
}  # fmt: skip
PUNCTUATION_KEYS = tuple(PUNCTUATION.values())
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ëéßœ"
# What people type into these forms: companies to complete, dates and amounts that parse
# (and some that don't), searches, markup-looking text.
WORDS = (
    "Acme", "Globex", "Initech", "Hooli", "Data Engineer", "today 14:00", "yesterday 3pm",
    "last friday", "2026-11-20 10:00", "tomorrow 9am", "friday", "in 2 weeks", "9/12",
    "9 Dec", "EUR", "USD", "95000", "42", "zoe nervous", '"system design"', "c++", "Zoë",
    "Jane Dœ", "jane@acme.example", "https:x.example", "[bold]x[/]", "$var", "Berlin",
    "Europe", "0", "-1", "Kafka",
)  # fmt: skip
# Screens by their keys from anywhere (Esc first closes what is on top), each with the
# screen it leads to (most of the time: a draft offered back, a held key or a moved
# highlight lead elsewhere). Now and then the walk takes one, rather to a screen it has
# seen little, so that it goes deep instead of round in circles on the first screens.
JUMPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("HomeScreen", ("f2",)),
    ("JournalScreen", ("f3",)),
    ("TrendsScreen", ("f4",)),
    ("CompareScreen", ("f5",)),
    ("ProfileScreen", ("f6",)),
    ("ProfileScreen", ("escape", "f2", "p")),
    ("ReflectScreen", ("escape", "f2", "n")),
    ("ReflectScreen:review", ("escape", "f2", "n", "ctrl+s")),
    ("ReflectScreen:review", ("escape", "f3", "escape", "e", "ctrl+s")),
    ("ScheduleScreen", ("escape", "f2", "i")),
    ("PrepScreen", ("escape", "f2", "b")),
    ("PrepScreen", ("escape", "f2", "down", "enter")),
    ("QuestionBankScreen", ("escape", "f2", "q")),
    ("HistoryScreen", ("escape", "f2", "h")),
    ("DraftScreen", ("escape", "f2", "end", "enter")),
    ("DraftScreen", ("escape", "f2", "pagedown", "enter")),
    ("PromptScreen", ("escape", "f2", "end", "a")),
    # Errands, not places ("+"): a walk also finishes what it starts, now and then.
    ("+save an edit", ("escape", "f3", "escape", "e", "ctrl+s", "ctrl+s")),
    ("+delete one", ("escape", "f3", "escape", "d", "y")),
    ("ChoiceScreen", ("escape", "f2", "end", "z")),
    ("DetailScreen", ("escape", "f3", "escape", "enter")),
    ("FilterScreen", ("escape", "f3", "escape", "f")),
    ("ConfirmScreen", ("escape", "f3", "escape", "d")),
    ("ChoiceScreen", ("escape", "f3", "escape", "o")),
    ("ChoiceScreen", ("escape", "f3", "escape", "y")),
    ("JobDetailsScreen", ("escape", "f3", "escape", "i")),
    ("CommandPalette", ("ctrl+p",)),
)
# The screens walks must reach, by the name `screen_name` gives them. (Also reached, less
# surely: the draft offered back, the before-you-leave card. Never: the dialog for answers
# no file would take, which needs a full disk, and the unlock screen of encrypted journals.)
MAIN_SCREENS = frozenset({
    "HomeScreen", "ReflectScreen", "ReflectScreen:review", "JournalScreen", "DetailScreen",
    "FilterScreen", "TrendsScreen", "CompareScreen", "QuestionBankScreen", "HistoryScreen",
    "PrepScreen", "ScheduleScreen", "DraftScreen", "ProfileScreen", "ConfirmScreen",
    "ChoiceScreen", "PromptScreen", "JobDetailsScreen", "CommandPalette",
})  # fmt: skip


def frozen_clock() -> pendulum.DateTime:
    return NOW


@dataclass
class Ledger:
    """What the walk did to saved reflections, recorded by the journal as it did it."""

    saved: set[str] = field(default_factory=set)
    deleted: set[str] = field(default_factory=set)  # and not restored


class RecordingJournal(Journal):
    """The real journal, noting which reflections were saved, deleted and restored, so
    the end can tell a reflection the walk deleted from one that vanished."""

    ledger: Ledger

    def save_reflection(
        self,
        reflection: Reflection,
        opportunity: Opportunity,
        followups: Sequence[FollowUp] | None = None,
    ) -> None:
        super().save_reflection(reflection, opportunity, followups)
        self.ledger.saved.add(reflection.id)

    def delete_reflection(self, reflection_id: str, *, now: datetime) -> None:
        super().delete_reflection(reflection_id, now=now)
        self.ledger.deleted.add(reflection_id)

    def restore_reflection(self, reflection_id: str) -> None:
        super().restore_reflection(reflection_id)
        self.ledger.deleted.discard(reflection_id)


@dataclass
class Walk:
    """One walk's outcome: the keys it pressed and what it saw."""

    seed: int
    size: tuple[int, int]
    pressed: list[str] = field(default_factory=list)
    visits: Counter[str] = field(default_factory=Counter)  # arrivals on each screen
    first_seen: dict[str, int] = field(default_factory=dict)  # screen: keys pressed by then
    restarts: int = 0  # the app quit (palette, dialog) and was started again
    saved: int = 0  # reflections saved (new or edited) by the walk
    deleted: int = 0  # reflections the walk deleted and did not bring back
    reflections_at_end: int | None = None  # in the journal opened again; None: it did not open
    failure: str | None = None
    warnings: Counter[str] = field(default_factory=Counter)  # Python's, by message
    seconds: float = 0.0

    def arrive(self, screen: str) -> None:
        self.visits[screen] += 1
        self.first_seen.setdefault(screen, len(self.pressed))

    @property
    def size_text(self) -> str:
        return f"{self.size[0]}x{self.size[1]}"

    def replay_command(self) -> str:
        return (
            f"python scripts/monkey.py --keys {len(self.pressed)} --seed {self.seed} "
            f"--size {self.size_text}"
        )


def screen_name(app: App[Any]) -> str:
    """The class of the screen on top; the questionnaire's review page by itself."""
    from debrief.ui.screens.reflect import REVIEW, ReflectScreen

    screen = app.screen
    if isinstance(screen, ReflectScreen) and screen.step_index == REVIEW:
        return "ReflectScreen:review"
    return type(screen).__name__


def text_keys(text: str) -> list[str]:
    """The key names that type `text` (characters outside the tables are left out)."""
    return [
        char if char.isalnum() else PUNCTUATION[char]
        for char in text
        if char.isalnum() or char in PUNCTUATION
    ]


def bindings_to_draw(app: App[Any]) -> list[tuple[str, int]]:
    """The keys of the screen's enabled bindings (never one that quits), each weighted:
    the screen's and its widgets' three times the app's, which every screen shares; a
    save twice that again, so that walks finish what they start (a reflection saved from
    its review page, not only ever begun)."""
    keys = []
    for key, active in sorted(app.screen.active_bindings.items()):
        if not active.enabled or active.binding.action in QUIT_ACTIONS or key in NEVER:
            continue
        weight = 1 if active.node is app else 3
        keys.append((key, weight * 2 if active.binding.action == "save" else weight))
    return keys


def quits(app: App[Any], key: str) -> bool:
    """True if `key` would quit the app on this screen."""
    if key in NEVER:
        return True
    active = app.screen.active_bindings.get(key)
    return active is not None and active.binding.action in QUIT_ACTIONS


def draw(rng: random.Random, app: App[Any], visits: Counter[str]) -> list[str]:
    """The next key or keys (a word, a jump), from the seed and what the app shows (and
    has shown: a jump goes where the walk has not been yet, else rather where least)."""
    roll = rng.random()
    if roll < 0.09:
        if unseen := [jump for jump in JUMPS if not visits[jump[0]]]:
            where, keys = rng.choice(unseen)
        else:
            rarely_seen = [1 / (1 + visits[screen]) for screen, _ in JUMPS]
            where, keys = rng.choices(JUMPS, rarely_seen)[0]
        if where.startswith("+"):
            visits[where] += 1  # (an errand is no screen: counted as it is set off)
        return list(keys)
    if roll < 0.50:
        if weighted := bindings_to_draw(app):
            return [rng.choices([k for k, _ in weighted], [w for _, w in weighted])[0]]
        return [rng.choice(NAVIGATION)]
    if roll < 0.70:
        return [rng.choice(NAVIGATION)]
    if roll < 0.78:
        return text_keys(rng.choice(WORDS))
    if roll < 0.86:
        return [rng.choice(LETTERS if rng.random() < 0.8 else PUNCTUATION_KEYS)]
    if roll < 0.92:
        return [str(rng.randrange(10))]
    if roll < 0.97:
        return [rng.choice(CTRL_KEYS)]
    return [rng.choice(FUNCTION_KEYS)]


class TypingTime:
    """The typing guard's clock (guard.py): seconds of a virtual typist, so that whether
    keys run on after a form closes depends on the seed, not on how fast this machine is."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng  # its own stream: a replay of the keys alone gets the same pauses
        self.now = 0.0

    def advance(self) -> None:
        rng = self.rng
        self.now += rng.uniform(0.05, 0.4) if rng.random() < 0.85 else rng.uniform(1.0, 3.0)

    def __call__(self) -> float:
        return self.now


def app_problems(app: App[Any]) -> str | None:
    """Why the app is not well: it crashed (a handler or a worker raised), or a worker
    ended in error without taking the app down."""
    if app.return_code not in (None, 0):
        return f"the app exited with return code {app.return_code}"
    for worker in app.workers:
        if worker.state is WorkerState.ERROR:
            return f"worker {worker.name!r} failed: {worker.error!r}"
    return None


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until the app has handled the key (`press` waits for that) and what it set
    off: workers, then the messages they posted. (`pause(0)`: no idle polling.)"""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0)


@contextlib.contextmanager
def sandbox(folder: Path) -> Iterator[Path]:
    """HOME, the XDG folders and the working folder deep inside `folder`: every file the
    app suggests (exports, drafts, answers, screenshots) goes there."""
    home = folder.joinpath(*["h"] * SANDBOX_DEPTH)
    (home / "Downloads").mkdir(parents=True)
    saved = {name: os.environ.get(name) for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME")}
    cwd = Path.cwd()
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / ".config")
    os.environ["XDG_DATA_HOME"] = str(home / ".local")
    os.chdir(home)
    try:
        yield home
    finally:
        os.chdir(cwd)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def open_recording(path: Path, ledger: Ledger, journal_class: type[RecordingJournal]) -> Journal:
    journal = journal_class.open(path)
    assert isinstance(journal, RecordingJournal)
    journal.ledger = ledger
    return journal


async def walk(
    journal_path: Path,
    *,
    keys: int = 0,
    seed: int = 1,
    replay: Sequence[str] = (),
    size: tuple[int, int] = (80, 24),
    journal_class: type[RecordingJournal] = RecordingJournal,
    on_key: Callable[[int], None] | None = None,
) -> Walk:
    """Press `keys` keys drawn from `seed` (or exactly the `replay` keys, with the seed's
    typing pauses) on the app built on `journal_path`; restart it whenever it quits.
    Never raises: a problem is the walk's `failure`."""
    where = f"{size[0]}x{size[1]}"  # (each size walks its own way)
    rng = random.Random(f"{seed}:{where}")
    typist = TypingTime(random.Random(f"{seed}:{where}:typist"))
    result = Walk(seed=seed, size=size)
    total = len(replay) if replay else keys
    ledger = Ledger()
    started = time.perf_counter()
    loop_errors: list[str] = []
    loop = asyncio.get_running_loop()
    previous_handler = loop.get_exception_handler()
    loop.set_exception_handler(
        lambda _loop, context: loop_errors.append(str(context.get("exception") or context))
    )
    try:
        initial = {r.id for r in Journal.open(journal_path).reflections()}
        with warnings.catch_warnings(record=True) as warned:
            warnings.simplefilter("always")  # (reported, not failed: a warning is no crash)
            while len(result.pressed) < total and result.failure is None:
                await _run_app(
                    journal_path, result, ledger, journal_class, rng, typist, total, replay,
                    on_key,
                )  # fmt: skip
                if loop_errors and result.failure is None:
                    result.failure = f"an asyncio task failed: {loop_errors[0]}"
        result.warnings.update(f"{w.category.__name__}: {w.message}" for w in warned)
        result.saved, result.deleted = len(ledger.saved), len(ledger.deleted)
        if result.failure is None:
            result.failure = check_journal(journal_path, initial, ledger, result)
    finally:
        loop.set_exception_handler(previous_handler)
        result.seconds = time.perf_counter() - started
    return result


async def _run_app(
    journal_path: Path,
    result: Walk,
    ledger: Ledger,
    journal_class: type[RecordingJournal],
    rng: random.Random,
    typist: TypingTime,
    total: int,
    replay: Sequence[str],
    on_key: Callable[[int], None] | None,
) -> None:
    """One life of the app: start it on the file, press keys until the walk is done or
    the app quits (a restart follows) or fails (`result.failure`)."""
    try:
        journal = open_recording(journal_path, ledger, journal_class)
    except JournalError as error:
        result.failure = f"the journal no longer opens: {error}"
        return
    app: DebriefApp = make_app(journal, clock=frozen_clock)
    app.typing.clock = typist
    try:
        # (Textual also prints a crash's traceback to stderr: the failure carries it.)
        with contextlib.redirect_stderr(io.StringIO()):
            await _press_on(app, result, rng, typist, total, replay, on_key)
    except Exception:
        result.failure = "the app raised:\n" + traceback.format_exc()
        return
    if app.return_code not in (None, 0):
        result.failure = f"the app exited with return code {app.return_code}"
    elif app.return_code == 0:
        result.restarts += 1


async def _press_on(
    app: DebriefApp,
    result: Walk,
    rng: random.Random,
    typist: TypingTime,
    total: int,
    replay: Sequence[str],
    on_key: Callable[[int], None] | None,
) -> None:
    """Run the app and press keys until the walk is done, the app quits, or a problem
    (`result.failure`); `run_test` raises what crashed the app as it closes."""
    async with app.run_test(size=result.size, notifications=NOTIFICATIONS) as pilot:
        await settle(pilot)
        shown = screen_name(app)
        result.arrive(shown)
        while len(result.pressed) < total and app.return_code is None:
            batch = [replay[len(result.pressed)]] if replay else draw(rng, app, result.visits)
            for key in batch[: total - len(result.pressed)]:
                if not replay and quits(app, key):
                    continue  # (a quit key drawn from the pools, or a remapped one)
                typist.advance()
                result.pressed.append(key)
                try:
                    await asyncio.wait_for(pilot.press(key), KEY_TIMEOUT)
                    await asyncio.wait_for(settle(pilot), KEY_TIMEOUT)
                except TimeoutError:
                    result.failure = f"no answer to {key!r} within {KEY_TIMEOUT:.0f} s"
                    return
                if on_key is not None:
                    on_key(len(result.pressed))
                if app.return_code is not None:
                    break  # quit (restarted) or crashed (raised as the context closes)
                if (problem := app_problems(app)) is not None:
                    result.failure = problem
                    return
                if (name := screen_name(app)) != shown:
                    result.arrive(name)
                    shown = name


def check_journal(path: Path, initial: set[str], ledger: Ledger, result: Walk) -> str | None:
    """The file opens, every reflection saved is there unless the walk deleted it, and
    none the walk deleted came back."""
    try:
        now = {r.id for r in Journal.open(path).reflections()}
    except JournalError as error:
        return f"the journal no longer opens: {error}"
    result.reflections_at_end = len(now)
    expected = (initial | ledger.saved) - ledger.deleted
    vanished = sorted(expected - now)
    back = sorted(ledger.deleted & now)
    if vanished:
        return f"{len(vanished)} saved reflection(s) vanished: {', '.join(vanished)}"
    if back:
        return f"{len(back)} deleted reflection(s) came back: {', '.join(back)}"
    return None


def demo_template(folder: Path) -> Path:
    """The demo journal at the fixed moment, built once: each walk gets a copy."""
    built = folder / "demo" / "journal.json"
    built.parent.mkdir()
    Journal.open(built).apply_import(demo_bundle(NOW))  # (as `debrief --demo` builds it)
    return built


@dataclass(frozen=True)
class Spec:
    """One walk to run, in a process of its own."""

    seed: int
    size: str  # a key of SIZES
    keys: int
    replay: tuple[str, ...] = ()
    progress: bool = False


def run_spec(spec: Spec, template: Path, folder: Path) -> Walk:
    """Run one walk on a copy of the demo in `folder`, sandboxed (in a child process:
    the sandbox changes the environment and the working folder)."""
    folder.mkdir()
    path = folder / "journal.json"
    shutil.copyfile(template, path)

    def progress(count: int) -> None:
        if count % 1000 == 0:
            print(f"  seed {spec.seed} {spec.size}: {count} keys", file=sys.__stderr__, flush=True)

    with sandbox(folder):
        return asyncio.run(
            walk(path, keys=spec.keys, seed=spec.seed, replay=spec.replay,
                 size=SIZES[spec.size], on_key=progress if spec.progress else None)
        )  # fmt: skip


def run_walks(
    specs: Sequence[Spec], *, jobs: int, on_done: Callable[[Walk], None] | None = None
) -> list[Walk]:
    """Run the walks, `jobs` at a time, each in a new process; `on_done` hears of each
    as it ends (a long run's failure is news before the others end). In `specs` order.

    Processes, because Pilot waits until the process is idle after every key (~60 ms of
    sleep); walks in one process would wait for each other, processes share the cores."""
    context = multiprocessing.get_context("spawn")  # (a clean interpreter: no test state)
    with (
        tempfile.TemporaryDirectory(prefix="debrief-monkey-") as scratch,
        ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool,
    ):
        template = demo_template(Path(scratch))
        futures = [
            pool.submit(run_spec, spec, template, Path(scratch) / f"walk-{number}")
            for number, spec in enumerate(specs)
        ]
        try:
            for future in as_completed(futures):
                if on_done is not None:
                    on_done(future.result())
            return [future.result() for future in futures]
        except BaseException:  # (stopped: Ctrl+C, or SIGTERM below) the walks stop too;
            pool.shutdown(wait=False, cancel_futures=True)  # they don't carry this script's
            for child in multiprocessing.active_children():  # name: `pkill -f` missed them,
                child.terminate()  # and they walked on for hours
            raise


def report(result: Walk, *, keys_file: Path | None) -> str:
    """The walk in a few lines; a failure with its keys and how to replay it."""
    lines = [
        f"seed {result.seed}  size {result.size_text}  keys {len(result.pressed)}  "
        f"restarts {result.restarts}  saved {result.saved}  deleted {result.deleted}  "
        f"{result.seconds:.0f} s",
        "screens: " + ", ".join(f"{name} {n}" for name, n in sorted(result.visits.items())),
    ]
    missing = sorted(MAIN_SCREENS - set(result.visits))
    if missing:
        lines.append("not reached: " + ", ".join(missing))
    lines += [f"warning ({n}x): {message}" for message, n in sorted(result.warnings.items())]
    if result.failure is not None:
        lines += [
            "FAILED: " + result.failure,
            "keys: " + " ".join(result.pressed),
            "replay: " + result.replay_command(),
        ]
        if keys_file is not None:
            lines.append(f"exact keys: python scripts/monkey.py --replay {keys_file}")
    return "\n".join(lines)


def write_keys(path: Path, result: Walk) -> None:
    """The pressed keys, one a line, after a header with the seed and size."""
    header = f"# seed {result.seed} size {result.size_text}"
    path.write_text("\n".join([header, *result.pressed]) + "\n")


def read_keys(path: Path) -> tuple[int, str, list[str]]:
    """The seed, size and keys `write_keys` wrote."""
    header, *keys = path.read_text().split("\n")
    _, _, seed, _, size = header.split()
    return int(seed), size, [key for key in keys if key]


def main(argv: Sequence[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))  # (ends the walks)
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--keys", type=int, default=2000, help="keys per walk")
    parser.add_argument("--seed", type=int, nargs="+", default=[1], help="one walk per seed")
    parser.add_argument(
        "--size", nargs="+", choices=sorted(SIZES), help="terminal sizes (default 80x24)"
    )
    parser.add_argument("--replay", type=Path, help="press exactly the keys of a keys file")
    parser.add_argument("--jobs", type=int, default=4, help="walks at a time (processes)")
    parser.add_argument("--quiet", action="store_true", help="no progress, only the summaries")
    args = parser.parse_args(argv)
    if args.replay:
        seed, size_name, replay = read_keys(args.replay)
        specs = [Spec(seed, (args.size or [size_name])[0], len(replay), tuple(replay))]
    else:
        specs = [
            Spec(seed, size, args.keys) for seed in args.seed for size in args.size or ["80x24"]
        ]
    specs = [dataclasses.replace(spec, progress=not args.quiet) for spec in specs]
    started = time.perf_counter()
    visits: Counter[str] = Counter()

    def done(result: Walk) -> None:
        keys_file = None
        if result.failure is not None:
            keys_file = Path(f"monkey-seed{result.seed}-{result.size_text}.keys").absolute()
            write_keys(keys_file, result)
        print(report(result, keys_file=keys_file) + "\n", flush=True)
        visits.update(result.visits)

    results = run_walks(specs, jobs=max(1, min(args.jobs, len(specs))), on_done=done)
    seconds = time.perf_counter() - started
    pressed = sum(len(result.pressed) for result in results)
    failed = sum(result.failure is not None for result in results)
    print(
        f"Summary: {pressed} keys in {len(results)} walks (seeds "
        f"{' '.join(str(s.seed) for s in specs)}; sizes {' '.join(s.size for s in specs)}), "
        f"{sum(r.restarts for r in results)} restarts, {failed} failed, {seconds:.0f} s "
        f"({pressed / max(seconds, 1e-9):.1f} keys/s)"
    )
    print("screens: " + ", ".join(f"{name} {n}" for name, n in sorted(visits.items())))
    missing = sorted(MAIN_SCREENS - set(visits))
    print("not reached: " + (", ".join(missing) if missing else "none"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
