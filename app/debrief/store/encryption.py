"""Changing a journal's encryption (encrypt, decrypt, a new passphrase) so that it always
completes, wherever it was stopped.

A change rewrites several files, one at a time: the journal, its backup, its drafts and
their backup, and the copies beside them that hold the journal's text too (`merged/` copies
of earlier merges, drafts files set aside as damaged). A kill, a crash or a full disk can
stop it after any of these writes. The design:

1. Before any file is rewritten, a change record (`sealed.ChangeRecord`) is written
   atomically beside the journal (`.journal.json.encryption-change`): the old key's
   parameters and the new key's (None: plain), the copies to rewrite, and, for a new
   passphrase, each key sealed with the other. Never a passphrase; never a key in the
   clear.
2. Every file is read and opened first (a wrong passphrase or a damaged file stops the change
   before anything is written), then each is replaced atomically, in an order that keeps one
   rule: *while any file is sealed, the journal is sealed*, so whatever opens the journal
   asks for a passphrase whenever one is needed. Sealing (encrypt, a new passphrase) the
   journal goes first; decrypting it goes last.
3. The record is removed last. A file already in the new form is skipped, so doing the
   change again only finishes it.

Whoever next takes the journal's lock with a key completes what the record says
(`finish_change`): the same command run again, or anything that opens the journal to write
(the app, `debrief import`, `merge`, `add-interview`). Changing the passphrase, either
passphrase does: the one given unwraps the other's key from the record, and the sealer then
opens files sealed with either (`sealed.unlock`); the read-only commands (`list`, `show`)
open the journal with either too. Every drafts file is then one this sealer opens (or
plain), so none is ever set aside as damaged. An encrypt stopped before it sealed the
journal had sealed nothing: opened without a passphrase, its record is dropped (the journal
stays plain; `debrief encrypt` starts again).

The price: until a change of passphrase completes, the old passphrase opens everything,
as it did before the change began; the record goes as it completes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from debrief.store.files import (
    JournalError,
    atomic_write,
    backup_path_of,
    file_lock,
    fsync_folder,
    lock_path_of,
    remove_stale_temporaries,
)
from debrief.store.journal_path import drafts_path_of
from debrief.store.sealed import (
    ChangeRecord,
    PassphraseNeeded,
    Sealer,
    WrongPassphrase,
    change_record_path,
    envelope_of,
    params_of,
    read_change,
)

COMMAND_DOES = {
    "encrypt": "encrypting the journal",
    "decrypt": "decrypting the journal",
    "passphrase": "changing the journal's passphrase",
}


@dataclass(frozen=True)
class Finished:
    """An interrupted change, completed (or dropped: it had not begun)."""

    change: ChangeRecord
    sealer: Sealer | None  # what opens the journal now (None: plain)
    rewritten: list[Path]
    begun: bool = True

    def notice(self) -> str:
        """What to tell the user who opened the journal."""
        command = f"`debrief {self.change.command}`"
        if not self.begun:
            return (
                f"{command} was interrupted before it changed anything: the journal is not "
                "encrypted (run it again to encrypt it)."
            )
        return f"{command} was interrupted; Debrief finished it as the journal opened."


def unfinished(path: Path) -> ChangeRecord | None:
    """The change of encryption left unfinished for the journal at `path` (a link
    followed); an encrypt stopped before it sealed anything does not count."""
    real = _real(path)
    change = read_change(real)
    return change if change is not None and _begun(real, change) else None


def finish_first(change: ChangeRecord) -> str:
    """Why another change of encryption can't begin before `change` is finished."""
    command = change.command
    return (
        f"{COMMAND_DOES[command].capitalize()} was interrupted: run `debrief {command}` again "
        "to finish it first (nothing was changed)."
    )


def change_encryption(
    path: Path, current: Sealer | None, new: Sealer | None, copies: Sequence[Path] = ()
) -> list[Path]:
    """Rewrite the journal, its backup, its drafts, their backup and `copies` sealed with
    `new` (None: plain), each opened with whichever key fits; the files rewritten, in the
    order written. A copy no key opens (another passphrase's) is left as it is.

    Nothing is written when a file can't be opened. Another change left unfinished is
    finished first by the command that began it (JournalError), unless it had not begun."""
    real = _real(path)
    with file_lock(lock_path_of(real)):
        _tidy(real, copies)
        pending = read_change(real)
        if pending is not None and _begun(real, pending):
            raise JournalError(finish_first(pending))
        target = new.params if new is not None else None
        chosen = tuple(_beside(real, copy) for copy in copies if not _in_form(copy, target))
        change = ChangeRecord.between(current, new, chosen)
        working = new.joined(current) if new and current else new or current
        return _complete(real, change, working, write_record=True)


def finish_change(path: Path, sealer: Sealer | None) -> Finished | None:
    """Complete the change of encryption left unfinished for the journal at `path`, if one
    was, with `sealer` (what opens the journal, with either passphrase of a change of
    passphrase; None: it is plain). PassphraseNeeded or WrongPassphrase, with nothing
    written, when it does not open what is left to rewrite."""
    real = _real(path)
    if read_change(real) is None:  # (no lock taken: the folder may not even exist)
        return None
    with file_lock(lock_path_of(real)):
        change = read_change(real)
        if change is None:  # (finished meanwhile)
            return None
        _tidy(real, [real.parent / name for name in change.copies])
        if sealer is not None:
            sealer = change.both_keys(sealer, real)
        if change.target is not None and (sealer is None or not sealer.holds(change.target)):
            if change.source is not None or _begun(real, change):
                which = "the old one or the new one" if change.source else "the one chosen"
                raise PassphraseNeeded(
                    f"{real} is encrypted: Debrief needs its passphrase ({which}) to finish "
                    f"{COMMAND_DOES[change.command]}."
                )
            _drop(real)  # an encrypt that sealed nothing yet (the journal goes first)
            return Finished(change, sealer, [], begun=False)
        rewritten = _complete(real, change, sealer, write_record=False)
        after = (
            None if change.target is None or sealer is None else sealer.writing_with(change.target)
        )
        return Finished(change, after, rewritten)


def _complete(
    real: Path, change: ChangeRecord, sealer: Sealer | None, *, write_record: bool
) -> list[Path]:
    """Do `change` (recording it first when `write_record`): every file opened first, then
    each rewritten in the order that keeps the journal sealed while anything is, then the
    record removed. Under the journal's lock."""
    copies = [real.parent / name for name in change.copies]
    backup, drafts = backup_path_of(real), drafts_path_of(real)
    own = [backup, drafts, backup_path_of(drafts)]
    order = [real, *own, *copies] if change.target is not None else [*own, *copies, real]
    work: list[tuple[Path, bytes]] = []
    for file in order:
        try:
            plain = _opened(file, change, sealer)
        except FileNotFoundError:
            continue
        except (OSError, JournalError) as error:
            if file in copies:
                continue  # a copy this change can't open (another passphrase's): left as it is
            raise _explained(error, file, change) from error
        if plain is not None:
            work.append((file, plain))
    if write_record:
        atomic_write(change_record_path(real), change.as_bytes(), keep_backup=False)
    target = None
    if change.target is not None:
        assert sealer is not None
        target = sealer.writing_with(change.target)
    for number, (file, plain) in enumerate(work):
        try:
            atomic_write(file, target.seal(plain) if target else plain, keep_backup=False)
        except Exception:
            if number == 0 and write_record:  # (a full disk, say) before anything changed
                with contextlib.suppress(OSError):
                    _drop(real)
            raise
    _drop(real)
    return [file for file, _ in work]


def _opened(file: Path, change: ChangeRecord, sealer: Sealer | None) -> bytes | None:
    """The file's plain bytes, to be rewritten; None: it is in the new form already (a
    change run again). A file sealed with another key than the change's opens if the
    sealer's passphrase opens it (an earlier encrypt's, stopped half-way, say)."""
    payload = file.read_bytes()
    envelope = envelope_of(payload)
    if _form(envelope, file) == change.target:
        return None
    if envelope is None:
        return payload
    if sealer is None:
        raise PassphraseNeeded(f"{file} is encrypted: Debrief needs its passphrase.")
    return sealer.open(envelope, file)


def _explained(error: Exception, file: Path, change: ChangeRecord) -> Exception:
    """Why the change can't open one of the journal's own files, said for a person."""
    if isinstance(error, WrongPassphrase) and change.source is None:
        return JournalError(
            f"{file} is encrypted already, with another passphrase (an earlier `debrief "
            "encrypt` stopped half-way?): run `debrief encrypt` again with that one (nothing "
            "was changed)."
        )
    return error


def _form(envelope: dict[str, object] | None, file: Path) -> object:
    """The key parameters a file is sealed with (None: plain)."""
    return None if envelope is None else params_of(envelope, file)


def _in_form(file: Path, params: object) -> bool:
    """Whether `file` is plain (`params` None) or sealed with `params`."""
    try:
        payload = file.read_bytes()
    except OSError:
        return False
    try:
        return _form(envelope_of(payload), file) == params
    except JournalError:
        return False  # (not a sealed file this Debrief can read: left as it is)


def _begun(real: Path, change: ChangeRecord) -> bool:
    """Whether the change may have rewritten a file: sealing, the journal is sealed first;
    decrypting, its first write may be any (and it needs no new key to finish)."""
    if change.target is None:
        return True
    try:
        return _in_form(real, change.target)
    except OSError:
        return True


def _drop(real: Path) -> None:
    """Remove the change record: the change is complete."""
    with contextlib.suppress(FileNotFoundError):
        change_record_path(real).unlink()
    fsync_folder(real.parent)


def _tidy(real: Path, copies: Sequence[Path]) -> None:
    """Remove the temporaries a killed writer left (plain text, maybe) beside each file."""
    for file in (real, drafts_path_of(real), *copies):
        remove_stale_temporaries(file)


def _beside(real: Path, file: Path) -> str:
    """`file`'s name relative to the journal's folder (a `merged/` copy: `merged/…`)."""
    try:
        return str(file.relative_to(real.parent))
    except ValueError:
        raise ValueError(f"{file} is not beside {real}") from None


def _real(path: Path) -> Path:
    return path.resolve() if path.is_symlink() else path
