"""The journal file as a whole, from the shell: merging the copies a sync folder made of
it (`debrief merge`, `--undo`, `--yes`; the work is actions.merging's), and encrypting,
decrypting or changing its passphrase (`debrief encrypt`, `decrypt`, `passphrase`), each
finishing a change that was interrupted instead of starting another."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

from debrief.actions.merging import (
    MERGED,
    SweepingMerge,
    conflict_copies,
    merge_conflict_copy,
    undo_last_merge,
)
from debrief.actions.unlock import has_command, new_sealer, sealer_for
from debrief.cli.running import EXIT_JOURNAL_ERROR, EXIT_OK, open_journal, refuse, say
from debrief.store.encryption import COMMAND_DOES, finish_change, finish_first, unfinished
from debrief.store.files import JournalError, backup_path_of, describe_os_error
from debrief.store.journal import Journal, change_encryption, drafts_path_of
from debrief.store.sealed import Sealer, sealed_params

# --- conflict copies -------------------------------------------------------------------------


def merge_command(path: Path, args: argparse.Namespace) -> int:
    """`debrief merge [FILE] [--yes]`, or `debrief merge --undo`."""
    if args.undo:
        return undo_merge_command(path)
    return merge_copies_command(path, args.file, sweeping_allowed=args.yes)


def merge_copies_command(path: Path, copy: Path | None, *, sweeping_allowed: bool = False) -> int:
    """Merge one copy, or every conflict copy beside the journal; a copy that can't be
    merged, or would delete most of the journal without --yes, is named and left where
    it is (exit 2)."""
    try:
        journal = open_journal(path)
    except JournalError as error:
        return refuse(str(error))
    copies = [copy.expanduser()] if copy is not None else conflict_copies(journal.file_path)
    if not copies:
        say(f"No conflict copies beside {path}.")
        return EXIT_OK
    failed = 0
    for each in copies:
        try:
            plan, moved_to = merge_conflict_copy(journal, each, sweeping_allowed=sweeping_allowed)
        except SweepingMerge as sweeping:
            failed += 1
            say(
                f"debrief: {sweeping} Nothing was merged; `debrief merge --yes` merges it "
                f"(`debrief merge --undo` then puts the journal back).",
                error=True,
            )
            continue
        except (JournalError, OSError) as error:
            failed += 1
            say(f"debrief: {each.name} was left as it is: {error}", error=True)
            continue
        say(f"{each.name}: {plan.summary()}; moved to {MERGED}/{moved_to.name}")
    return EXIT_JOURNAL_ERROR if failed else EXIT_OK


def undo_merge_command(path: Path) -> int:
    """Put the journal back as it was before the last merge."""
    try:
        journal = open_journal(path)
        merged_at = undo_last_merge(journal)
    except JournalError as error:
        return refuse(str(error))
    say(
        f"The journal is back as it was before the merge of {merged_at:%a %-d %b, %H:%M}; "
        f"the merged version is "
        f"{journal.backup_path.name}, the merged copies stay in {MERGED}/."
    )
    return EXIT_OK


# --- encryption ------------------------------------------------------------------------------


def encrypt_command(path: Path) -> int:
    """Encrypt the journal, its backup, its drafts and the copies beside it that hold its
    text (`merged/` copies, drafts files set aside as damaged) with a new passphrase; an
    encrypt that was interrupted is finished, with the passphrase chosen then."""
    pending = unfinished(path)
    if pending is not None:
        if pending.command != "encrypt":
            return refuse(finish_first(pending))
        _before_asking("the passphrase you chose for it")
        return _finish(path, "encrypt", sealer_for(path))
    if sealed_params(path) is not None:
        return refuse(f"{path} is encrypted already (`debrief passphrase` changes it).")
    # A damaged journal is refused before any question; a missing one is made, then sealed.
    Journal.open(path, readonly=path.exists())
    status = _change(path, "encrypt", None, new_sealer())
    if status == EXIT_OK:
        _warn_of_unmerged_copies(path)
    return status


def decrypt_command(path: Path) -> int:
    """Turn the encrypted journal (its backup, its drafts, the copies sealed beside it)
    back into plain JSON; a decrypt that was interrupted is finished."""
    pending = unfinished(path)
    if pending is not None and pending.command != "decrypt":
        return refuse(finish_first(pending))
    current = sealer_for(path)
    if pending is not None:
        return _finish(path, "decrypt", current)
    if current is None:
        return refuse(f"{path} is not encrypted.")
    return _change(path, "decrypt", current, None)


def passphrase_command(path: Path) -> int:
    """Change the passphrase: the current one (command or typed), then a new one typed
    twice. A change of passphrase that was interrupted is finished instead: either
    passphrase opens the journal until then, and the new one is the one typed then."""
    pending = unfinished(path)
    if pending is not None and pending.command != "passphrase":
        return refuse(finish_first(pending))
    if pending is not None:
        _before_asking("the old passphrase or the new one")
    current = sealer_for(path)
    if current is None:
        return refuse(f"{path} is not encrypted (`debrief encrypt` does that).")
    if pending is not None:
        return _finish(path, "passphrase", current)
    return _change(path, "passphrase", current, new_sealer(typed_always=True))


DONE = {
    "encrypt": "Encrypted {names}. Keep the passphrase safe: without it the journal can't "
    "be read, by you or anyone.",
    "decrypt": "Decrypted {names}: they are plain JSON again.",
    "passphrase": "New passphrase set for {names}.",
}
FINISHED = {
    "encrypt": "Finished encrypting the journal, which was interrupted ({names}). Keep the "
    "passphrase safe: without it the journal can't be read, by you or anyone.",
    "decrypt": "Finished decrypting the journal, which was interrupted ({names}): it is plain "
    "JSON again.",
    "passphrase": "Finished changing the passphrase, which was interrupted ({names}): the new "
    "one, typed then, opens the journal now.",
}
UNTIL_THEN = {
    "encrypt": "the passphrase you chose opens it until then",
    "decrypt": "the passphrase opens it until then",
    "passphrase": "the old passphrase and the new one both open it until then",
}


def _before_asking(which: str) -> None:
    """Say, before the passphrase is typed, that it finishes a change stopped half-way."""
    if not has_command():
        say(f"debrief: finishing a change that was interrupted: type {which}.", error=True)


def _change(path: Path, command: str, current: Sealer | None, new: Sealer | None) -> int:
    """Make the change; a write that fails leaves it to finish (said), never half-lost."""
    try:
        changed = change_encryption(path, current, new, _merged_copies(path))
    except OSError as error:
        return refuse(_stopped(path, command, error))
    say(DONE[command].format(names=_names(changed, path)))
    return EXIT_OK


def _finish(path: Path, command: str, sealer: Sealer | None) -> int:
    """Finish the change `command` began and did not complete."""
    try:
        finished = finish_change(path, sealer)
    except OSError as error:
        return refuse(_stopped(path, command, error))
    rewritten = finished.rewritten if finished is not None else []
    names = _names(rewritten, path) if rewritten else "nothing was left to rewrite"
    say(FINISHED[command].format(names=names))
    return EXIT_OK


def _stopped(path: Path, command: str, error: OSError) -> str:
    """One sentence for a change stopped by a failed write (a full disk, say)."""
    reason, doing = describe_os_error(error), COMMAND_DOES[command]
    failed = f"couldn't write in {path.parent} ({reason}) while {doing}"
    if unfinished(path) is None:
        kept = f"{path.name} itself is as it was before this command"
        return f"{failed}: nothing was changed; {kept}."
    return (
        f"{failed}: it stopped half-way, nothing is lost, {UNTIL_THEN[command]}, and "
        f"`debrief {command}` run again finishes it."
    )


def _merged_copies(path: Path) -> list[Path]:
    """The copies earlier merges kept in `merged/` beside the journal: whole journals."""
    real = path.resolve() if path.is_symlink() else path
    try:
        found = sorted((real.parent / MERGED).iterdir())
    except OSError:
        return []
    return [p for p in found if not p.name.startswith(".") and p.is_file() and not p.is_symlink()]


def _warn_of_unmerged_copies(path: Path) -> None:
    """Conflict copies beside the journal, not merged yet, are plain journals too: say so."""
    real = path.resolve() if path.is_symlink() else path
    plain = []
    for copy in conflict_copies(real):
        try:
            if sealed_params(copy) is None:
                plain.append(copy)
        except (JournalError, OSError):
            continue
    if plain:
        say(
            f"debrief: note: {', '.join(c.name for c in plain)} (copies a sync tool made, "
            "not merged yet) "
            "stay readable until merged: `debrief merge` merges them and keeps them sealed.",
            error=True,
        )


def _names(files: Sequence[Path], path: Path) -> str:
    """The files' names: the journal's own first, then the copies beside it that hold its
    text (`merged/…` with its folder)."""
    real = path.resolve() if path.is_symlink() else path
    own = [real, backup_path_of(real), drafts_path_of(real), backup_path_of(drafts_path_of(real))]
    names = [file.name for file in own if file in files]
    copies = []
    for file in files:
        if file not in own:
            try:
                copies.append(str(file.relative_to(real.parent)))
            except ValueError:
                copies.append(file.name)
    if copies:
        names.append(f"and the copies beside it that hold its text ({', '.join(copies)})")
    return ", ".join(names)


ENCRYPTION_COMMANDS: dict[str, Callable[[Path], int]] = {
    "encrypt": encrypt_command,
    "decrypt": decrypt_command,
    "passphrase": passphrase_command,
}
