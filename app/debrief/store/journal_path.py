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
