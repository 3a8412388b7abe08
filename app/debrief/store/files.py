"""Writing files so that a crash never leaves a torn one, and reading them back strictly.

Every write goes to a temporary file in the same folder, is flushed and fsynced, the
current file is kept as `<name>.bak`, and `os.replace` swaps the new one in (then the
folder is fsynced). A kill at any instant leaves the old file or the new one.

Reading refuses an empty, invalid or wrongly shaped file instead of guessing.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import os
import shutil
import stat
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

FILE_MODE = 0o600

Signature = tuple[int, int, int, int]  # device, inode, size, mtime in ns


class JournalError(Exception):
    """A journal file that can't be used as it is; the message is meant for the user."""


def backup_path_of(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def describe_os_error(error: OSError) -> str:
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the file system is read-only",
        errno.EISDIR: "it is a folder, not a file",
        errno.ENOENT: "the folder does not exist",
    }
    if error.errno == errno.ENOENT and error.filename and Path(error.filename).parent.is_dir():
        return "there is no such file"  # (reading: the folder is there, the file is not)
    return reasons.get(error.errno or 0, error.strerror or str(error))


def read_document(
    path: Path, what: str = "a journal", unseal: Callable[[bytes], bytes] | None = None
) -> tuple[dict[str, Any], Signature] | None:
    """The parsed file and its signature; None if there is no file; JournalError if unusable
    (the message calls it `what` it should have been). `unseal` turns the bytes read into
    the JSON (an encrypted journal's are an envelope)."""
    try:
        with open(path, "rb") as handle:
            signature = signature_of(os.fstat(handle.fileno()))
            payload = handle.read()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise JournalError(f"{path} can't be read: {describe_os_error(error)}.") from error
    if not payload.strip():
        raise JournalError(f"{path} is empty ({len(payload)} bytes), so it is not {what}.")
    if unseal is not None:
        payload = unseal(payload)
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError as error:
        raise JournalError(f"{path} is not valid JSON ({error}).") from error
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise JournalError(f"{path} is JSON, but not in the shape of {what}.")
    return data, signature


def private_mode(path: Path) -> int:
    """The mode a new version of `path` gets: the old one's if stricter than FILE_MODE
    (a journal made read-only stays so), else FILE_MODE (a 0666 one is tightened)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode) & FILE_MODE
    except FileNotFoundError:
        return FILE_MODE


def tighten(path: Path) -> None:
    """Give the file at `path`, if there, the mode `private_mode` would: a looser one
    (0644, 0666) becomes 0600, a stricter one stays. A symbolic link, or a file we may
    not change (another user's), is left as it is."""
    try:
        status = os.lstat(path)
    except OSError:
        return
    mode = stat.S_IMODE(status.st_mode)
    if stat.S_ISREG(status.st_mode) and mode & ~FILE_MODE:
        with contextlib.suppress(OSError):
            os.chmod(path, mode & FILE_MODE)


def atomic_write(path: Path, payload: bytes, *, keep_backup: bool = True) -> None:
    """Replace `path` with `payload` so that a crash leaves the old or the new file.

    `path` is written as it is: a symbolic link is replaced by a file. (The journal
    resolves its link once, as it opens, and writes beside the target.)
    """
    folder = path.parent
    mode = private_mode(path)
    temporary = folder / f"{hidden_name(path)}.{uuid.uuid4().hex}.tmp"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.chmod(temporary, mode)  # (after the write: a 0400 file could not be written)
        if keep_backup and path.exists():
            _keep_backup(path, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    fsync_folder(folder)


def _keep_backup(path: Path, mode: int) -> None:
    """Make `<name>.bak` the current file, as private as the new one: a hard link costs
    nothing, a copy where links fail."""
    backup = backup_path_of(path)
    with contextlib.suppress(OSError):
        if os.path.samefile(path, backup):  # (linked already: a rename between two links
            os.chmod(backup, mode)  # of one file does nothing, and left the staging link)
            return
    staging = path.with_name(f".{backup.name}.{uuid.uuid4().hex}.tmp")
    try:
        os.link(path, staging)
    except OSError:
        shutil.copy2(path, staging)
    os.chmod(staging, mode)
    os.replace(staging, backup)


def backup_as_it_is(path: Path) -> None:
    """Make `<name>.bak` the file as it is now: after a save that removed what must not
    stay on disk (the backup, the version before, still held it)."""
    _keep_backup(path, private_mode(path))
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def signature_of(status: os.stat_result) -> Signature:
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def hidden_name(path: Path) -> str:
    """The name its temporaries start with: the file's, hidden."""
    return path.name if path.name.startswith(".") else f".{path.name}"


def remove_stale_temporaries(path: Path) -> None:
    """Delete temp files a killed writer left behind (call holding the journal's lock)."""
    for leftover in path.parent.glob(f"{glob.escape(hidden_name(path))}*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def refuse_if_not_ours(path: Path) -> None:
    """Refuse to write a file another user owns: rewritten by us (root, say), it would
    become ours and unreadable to its owner."""
    try:
        owner = os.stat(path).st_uid
    except FileNotFoundError:
        return
    if owner != os.getuid():
        import pwd

        try:
            name = pwd.getpwuid(owner).pw_name
        except KeyError:
            name = f"user {owner}"
        raise JournalError(
            f"{path} belongs to {name}; run Debrief as {name} (it never rewrites another "
            "user's journal)."
        )


def lock_path_of(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def same_file(target: Path, own: Path) -> bool:
    """Whether `target` names the file `own` is, or would be: by its own name (whatever
    links its folder goes through), through a symbolic link, or as a hard link."""
    try:
        spellings = {target.resolve(), target.parent.resolve() / target.name}
        if own.parent.resolve() / own.name in spellings:
            return True
        return target.exists() and own.exists() and os.path.samefile(target, own)
    except (OSError, RuntimeError):  # (RuntimeError: a loop of links)
        return False


@contextlib.contextmanager
def file_lock(lock_path: Path) -> Iterator[None]:
    """An exclusive advisory lock shared by every Debrief process writing one journal.

    The lock file is opened as itself, never through a symbolic link (O_NOFOLLOW): a link
    planted there would have Debrief create or open another file. Such a link, or anything
    but a plain file, is refused (JournalError) and left as it is."""
    try:
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, FILE_MODE)
    except OSError as error:
        if error.errno == errno.ELOOP or lock_path.is_symlink():
            raise JournalError(
                f"{lock_path} is a symbolic link; Debrief's lock file must be a plain file "
                "(it never opens one through a link). Remove the link and try again: "
                "nothing was changed."
            ) from error
        raise
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise JournalError(
                f"{lock_path} is not a plain file; Debrief's lock file must be one. Remove it "
                "and try again: nothing was changed."
            )
        mode = stat.S_IMODE(status.st_mode)
        if mode & ~FILE_MODE:  # (made 0666 by hand, say: private like every other file)
            with contextlib.suppress(OSError):
                os.fchmod(descriptor, mode & FILE_MODE)
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock
