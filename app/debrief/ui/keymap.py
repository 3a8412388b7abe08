"""Remapping keys: a small TOML file in the user's config folder.

    # ~/.config/debrief/keys.toml
    [keys]
    "app.journal" = "f6"          # binding id = key, or several: "f6,ctrl+j"
    "journal.delete" = "ctrl+d"

Every binding in Debrief has an id (see the README's key table); unknown ids are ignored
by Textual, a malformed file is reported and skipped.
"""

from __future__ import annotations

from pathlib import Path


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
