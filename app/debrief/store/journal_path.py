"""Where the journal lives: `--db` beats `DEBRIEF_DB`, which beats the user data folder."""

from __future__ import annotations

import os
from pathlib import Path


def default_journal_path() -> Path:
    configured = os.environ.get("DEBRIEF_DB")
    if configured:
        return Path(configured).expanduser()
    import platformdirs  # only needed when no path was given

    return platformdirs.user_data_path("debrief") / "journal.json"


def drafts_path_of(path: Path) -> Path:
    """The journal's drafts file (unfinished questionnaires): `journal.drafts.json`."""
    return path.with_name(path.stem + ".drafts.json")


DAMAGED = ".damaged-"  # a drafts file that could not be used is set aside as `…<DAMAGED><when>`


def set_aside_drafts(path: Path) -> list[Path]:
    """The drafts files set aside beside the journal at `path` (`journal.drafts.json.damaged-…`)."""
    drafts = drafts_path_of(path)
    prefix = drafts.name + DAMAGED
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    return [path.parent / name for name in sorted(names) if name.startswith(prefix)]
