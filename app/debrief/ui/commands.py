"""The command palette (Ctrl+P): one table of what Debrief does, then every action of the
screen underneath (so each key is in the palette too). Textual's own commands (theme,
quit, screenshot) come from its provider beside this one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol, cast

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from debrief.store.journal import Journal
from debrief.ui.keymap import key_named


class PaletteHost(Protocol):
    journal: Journal


@dataclass(frozen=True)
class Command:
    """A palette entry: its title, what it does, and the app action it runs (as its key
    would run it); `shown`: only when it can do something."""

    title: str
    help: str
    action: str
    shown: Callable[[PaletteHost], bool] | None = None
    key: tuple[str, str] | None = None  # (binding id, its default key): named after the help


COMMANDS: tuple[Command, ...] = (
    Command(
        "New reflection", "Reflect on an interview you just had", "new_reflection",
        key=("home.new", "n"),
    ),
    Command(
        "Journal", "Browse, search and edit every reflection", "go('journal')",
        key=("app.journal", "f3"),
    ),
    Command(
        "Home", "The home screen and what to follow up", "go('home')", key=("app.home", "f2")
    ),
    Command(
        "Trends", "Self-rating over time, weak spots, follow-up discipline", "go('trends')",
        key=("app.trends", "f4"),
    ),
    Command(
        "Compare", "Opportunities side by side, and decide with weights", "go('compare')",
        key=("app.compare", "f5"),
    ),
    Command(
        "Profile", "Your name and contact details, used to sign drafts", "open('profile')",
        key=("app.profile", "f6"),
    ),
    Command(
        "Schedule an interview…", "An interview ahead: prepare it, be reminded to reflect",
        "schedule", key=("home.schedule", "i"),
    ),
    Command(
        "Prepare the next interview", "Questions to ask, what to mention, salary, references",
        "prepare", key=("home.checklist", "b"),
    ),
    Command(
        "Question bank", "Every question you were asked, and how your answers went",
        "open('question_bank')", key=("home.questions", "q"),
    ),
    Command(
        "Follow-ups behind you", "Done, skipped and no longer needed, the most recent first",
        "open('history')", key=("home.history", "h"),
    ),
    Command(
        "Merge copies from other devices",
        "The conflict copies a sync folder kept beside your journal", "merge_copies",
    ),
    Command(
        "Undo the last merge", "Put your journal back as it was before the last copy was merged",
        "undo_merge",
    ),
    Command(
        "Before you leave", "What to ask before leaving an interview, and your own items",
        "open('checklist')",
    ),
    Command("Export the journal…", "As JSON (lossless), CSV, Markdown or a calendar", "export"),
    Command("Import a journal export…", "Merge a JSON export into this journal", "import"),
    Command(
        "Import calendar invitations…", "An .ics file: its events become interviews ahead",
        "import_invitations",
    ),
    Command("Help", "The keys of this screen", "help", key=("app.help", "f1")),
    Command(
        "Undo delete", "Bring back the reflection you just deleted", "undo_delete",
        shown=lambda host: bool(host.journal.in_trash()), key=("journal.undo", "u"),
    ),
)  # fmt: skip

Entry = tuple[str, str, Callable[[], Any]]  # title, help, what it runs


def palette_entries(app: App[Any], screen: Screen[Any]) -> list[Entry]:
    """What the palette offers on `screen`: the table, then the screen's own actions."""
    host = cast(PaletteHost, app)
    table = [
        (command.title, _help_of(app, command), partial(app.run_action, command.action))
        for command in COMMANDS
        if command.shown is None or command.shown(host)
    ]
    return [*table, *_screen_actions(app, screen)]


def _help_of(app: App[Any], command: Command) -> str:
    """The command's help, naming its key as it is now (keys.toml may have remapped it)."""
    if command.key is None:
        return command.help
    return f"{command.help} ({key_named(app, *command.key)})"


def _screen_actions(app: App[Any], screen: Screen[Any]) -> Iterator[Entry]:
    """Every action of the screen underneath: ours only (they have an id), not a
    widget's own cursor keys (Down, First, Page Up…), nor the app's (in the table)."""
    seen: set[str] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if (
            not active.enabled
            or not binding.description
            or binding.id is None
            or binding.system
            or binding.action in seen
            or active.node is app
            or binding.action.startswith("app.")
        ):
            continue
        seen.add(binding.action)
        display = app.get_key_display(binding)
        help_text = f"{binding.tooltip or binding.description} ({display or key})"
        yield binding.description, help_text, partial(app.run_action, binding.action, active.node)


class DebriefCommands(Provider):
    """The palette's source of Debrief's commands."""

    async def discover(self) -> Hits:
        for title, help_text, run in palette_entries(self.app, self.screen):
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, run in palette_entries(self.app, self.screen):
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, text=title, help=help_text)
