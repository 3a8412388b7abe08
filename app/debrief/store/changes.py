"""A big journal's recent saves, appended to a change log instead of rewriting the file.

Rewriting a 70 MB journal to store one reflection costs ~160 ms (serialising, writing and
fsyncing all of it). Above `LOG_ABOVE_BYTES`, a save that only puts or deletes documents
appends one line to `.<name>.changes` beside the journal instead, and fsyncs that:

    <crc32 of the JSON, 8 hex digits> {"checkpoint": "<id>", "ops": [...]}\\n

Each line names the checkpoint it applies to: the id kept in the journal's `_checkpoint`
table, renewed at every whole-file write ("fold"). So a fold that replaced the journal
but was killed before deleting the log leaves lines that no longer apply, and they are
ignored. A line cut short by a kill (no newline, or a CRC that does not match) can only
be the last one: it was never acknowledged, is ignored, and the next writer cuts it off
before appending. Anything else that does not read back is refused, like a bad journal.

The log is folded into the journal when the app opens and closes the journal, and when
the log grows past a fraction of the journal, so the file a user copies is normally
complete. No TinyDB here: the shell commands read through this too.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from debrief.store.files import (
    FILE_MODE,
    JournalError,
    Signature,
    describe_os_error,
    fsync_folder,
    read_document,
    signature_of,
)

LOG_ABOVE_BYTES = 4_000_000  # smaller journals are rewritten whole: simple and fast enough
CHECKPOINT_TABLE = "_checkpoint"

Op = list[Any]  # ["put", table, doc id, document] or ["delete", table, doc id]
Signatures = tuple[Signature | None, Signature | None]  # of the journal and of its log


def changes_path_of(path: Path) -> Path:
    return path.with_name(f".{path.name}.changes")


@dataclass
class Loaded:
    """A journal as read: its tables with the log applied, and what the writer needs."""

    tables: dict[str, Any]
    signature: Signatures
    size: int  # of the journal file alone
    log_length: int  # bytes of the log that were read back whole (the rest is a torn tail)


def checkpoint_of(tables: dict[str, Any]) -> str | None:
    document = tables.get(CHECKPOINT_TABLE, {}).get("1")
    return str(document["id"]) if isinstance(document, dict) and "id" in document else None


def read_journal(path: Path) -> Loaded | None:
    """The journal with its change log applied; None if there is no journal."""
    log = changes_path_of(path)
    for _ in range(3):  # a writer may fold between our two reads: read both again
        loaded = read_document(path)
        if loaded is None:
            return None
        tables, journal_signature = loaded
        log_signature, log_length = _replay(tables, log, checkpoint_of(tables))
        if journal_signature == _signature_of_file(path):
            return Loaded(
                tables, (journal_signature, log_signature), journal_signature[2], log_length
            )
    raise JournalError(f"{path} kept changing while it was read; try again.")


def signatures(path: Path) -> Signatures:
    """What `Loaded.signature` would be now, from two `stat` calls."""
    return _signature_of_file(path), _signature_of_file(changes_path_of(path))


def encode(checkpoint: str, ops: list[Op]) -> bytes:
    payload = orjson.dumps({"checkpoint": checkpoint, "ops": ops})
    return b"%08x " % zlib.crc32(payload) + payload + b"\n"


def append(path: Path, line: bytes, *, keep: int) -> None:
    """Add one line to the journal's log, durably; first cut off any torn tail past `keep`."""
    log = changes_path_of(path)
    created = not log.exists()
    descriptor = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    try:
        if os.fstat(descriptor).st_size > keep:
            os.ftruncate(descriptor, keep)
        view = memoryview(line)
        while view:
            view = view[os.write(descriptor, view) :]
        os.fsync(descriptor)
    except BaseException:
        with contextlib.suppress(OSError):
            os.ftruncate(descriptor, keep)  # never leave half a line after a failed write
        raise
    finally:
        os.close(descriptor)
    if created:
        fsync_folder(path.parent)


def remove(path: Path) -> None:
    """Delete the log after a fold (its lines are in the journal now)."""
    try:
        os.unlink(changes_path_of(path))
    except FileNotFoundError:
        return
    fsync_folder(path.parent)


def apply(tables: dict[str, Any], ops: list[Op]) -> None:
    for op in ops:
        if op[0] == "put":
            _, table, doc_id, document = op
            tables.setdefault(table, {})[doc_id] = document
        else:
            _, table, doc_id = op
            tables.get(table, {}).pop(doc_id, None)


def _replay(
    tables: dict[str, Any], log: Path, checkpoint: str | None
) -> tuple[Signature | None, int]:
    try:
        with open(log, "rb") as handle:
            signature = signature_of(os.fstat(handle.fileno()))
            payload = handle.read()
    except FileNotFoundError:
        return None, 0
    except OSError as error:
        raise JournalError(f"{log} can't be read: {describe_os_error(error)}.") from error
    length = 0
    lines = payload.split(b"\n")
    for number, line in enumerate(lines[:-1], start=1):  # the last piece has no newline
        decoded = _decode_line(line, log, number, last=number == len(lines) - 1 and not lines[-1])
        if decoded is None:
            break  # a torn last line: never acknowledged
        line_checkpoint, ops = decoded
        if line_checkpoint == checkpoint:
            apply(tables, ops)
        length += len(line) + 1
    return signature, length


def _decode_line(line: bytes, log: Path, number: int, *, last: bool) -> tuple[str, list[Op]] | None:
    crc, _, payload = line.partition(b" ")
    try:
        intact = int(crc, 16) == zlib.crc32(payload)
    except ValueError:
        intact = False
    if not intact:
        if last:
            return None
        raise JournalError(_damaged(log, number))
    try:
        record = orjson.loads(payload)
        checkpoint, ops = record["checkpoint"], record["ops"]
        if not isinstance(checkpoint, str) or not all(_well_formed(op) for op in ops):
            raise ValueError(number)
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as error:
        raise JournalError(_damaged(log, number)) from error
    return checkpoint, ops


def _damaged(log: Path, number: int) -> str:
    return (
        f"{log}, the log of recent saves, is damaged at line {number}. Moving it elsewhere "
        "opens the journal as it was when Debrief last closed (without those saves)."
    )


def _well_formed(op: Any) -> bool:
    if not isinstance(op, list) or not op or not all(isinstance(part, str) for part in op[1:3]):
        return False
    if op[0] == "put":
        return len(op) == 4 and isinstance(op[3], dict)
    return op[0] == "delete" and len(op) == 3


def _signature_of_file(path: Path) -> Signature | None:
    try:
        return signature_of(os.stat(path))
    except OSError:
        return None
