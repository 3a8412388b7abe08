"""What makes a file a Debrief journal (or its drafts file), and how a refusal is worded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from debrief.store.files import JournalError, backup_path_of
from debrief.store.migrations import SCHEMA_VERSION

FORMAT_NAME = "debrief-journal"
DRAFTS_FORMAT_NAME = "debrief-drafts"
WHAT = {FORMAT_NAME: "a Debrief journal", DRAFTS_FORMAT_NAME: "Debrief's drafts file"}


def refusal(path: Path, reason: str) -> str:
    """The message for a file we won't use: what is wrong, that it is untouched, the backup."""
    backup = backup_path_of(path)
    message = f"{reason} The file was left untouched."
    if backup.exists() and backup != path:
        message += f" The previous version is kept at {backup}."
    return message


def schema_of(tables: dict[str, Any], path: Path, format_name: str) -> int:
    """The file's schema version, refusing another program's file or a newer Debrief's."""
    meta = next(iter(tables.get("meta", {}).values()), None)
    if not isinstance(meta, dict) or meta.get("format") != format_name:
        raise JournalError(refusal(path, f"{path} is not {WHAT[format_name]}."))
    schema = meta.get("schema")
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
        raise JournalError(refusal(path, f"{path} has no valid schema version."))
    if schema > SCHEMA_VERSION:
        raise JournalError(
            refusal(
                path,
                f"{path} was written by a newer Debrief (schema {schema}; this "
                f"version reads up to {SCHEMA_VERSION}). Upgrade Debrief to open it.",
            )
        )
    return schema
