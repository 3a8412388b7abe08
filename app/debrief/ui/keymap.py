"""Remapping keys: a small TOML file in the user's config folder.

    # ~/.config/debrief/keys.toml
    [keys]
    "app.journal" = "f7"          # binding id = key, or several: "f7,ctrl+j"
    "journal.delete" = "ctrl+d"

Every binding in Debrief has an id (see the README's key table); unknown ids are ignored
by Textual, a malformed file is reported and skipped. A key that one of the keys of every
screen (F1–F6, Ctrl+Q…) already has is refused, and said: it would take that key away.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.binding import Binding


class KeymapError(ValueError):
    """keys.toml can't be used; the message names the file and the problem."""


def default_keymap_path() -> Path:
    import platformdirs

    return platformdirs.user_config_path("debrief") / "keys.toml"


def read_keymap(path: Path | None) -> dict[str, str]:
    """Binding id -> keys from the file; empty when there is no file."""
    if path is None or not path.exists():
        return {}
    import tomllib  # only for those who have the file: a few ms of every start-up otherwise

    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise KeymapError(f"{path}: {error}") from None
    keys = document.get("keys", {})
    if not isinstance(keys, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in keys.items()
    ):
        raise KeymapError(f'{path}: expected a [keys] table of "binding id" = "key" lines')
    return dict(keys)


def _keys(keys: str) -> list[str]:
    return [key.strip().lower() for key in keys.split(",") if key.strip()]


def refuse_taken(
    keymap: Mapping[str, str], everywhere: Iterable[Binding]
) -> tuple[dict[str, str], list[str]]:
    """The remaps that take no key from the bindings of every screen (`everywhere`, the
    app's), and a sentence for each one refused ("app.journal" = "f6" would take F6 from
    Profile). Two remaps onto one such key: the first keeps it."""
    owners = {binding.id: binding for binding in everywhere if binding.id}
    held: dict[str, str] = {}  # key -> the id that has it: those left as they are first
    for binding_id, binding in owners.items():
        if binding_id not in keymap:
            held.update((key, binding_id) for key in _keys(binding.key))
    for binding_id, keys in keymap.items():
        for key in _keys(keys):
            held.setdefault(key, binding_id)
    kept: dict[str, str] = {}
    refused: list[str] = []
    for binding_id, keys in keymap.items():
        taken = [key for key in _keys(keys) if held.get(key, binding_id) != binding_id]
        if not taken:
            kept[binding_id] = keys
            continue
        owner = owners[held[taken[0]]]
        refused.append(
            f'"{binding_id}" = "{keys}" is not used: {taken[0].upper()} is already '
            f"{owner.description} ({owner.id}) on every screen"
        )
    return kept, refused


def key_named(app: App[Any], binding_id: str, default: str) -> str:
    """The key of `binding_id` now (the default, or what keys.toml gave it) as a sentence
    names it: "F3", "Ctrl+D", "u", "?" ("F3 for all")."""
    from textual.keys import format_key

    keymap: Mapping[str, str] = getattr(app, "keymap", {})
    *modifiers, key = _keys(keymap.get(binding_id, default))[0].split("+")
    named = format_key(key)
    if modifiers or len(named) > 1:
        named = named.capitalize() if len(named) > 1 else named.upper()
    return "+".join([*(modifier.capitalize() for modifier in modifiers), named])
