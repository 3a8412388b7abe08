"""Moving data in and out from the shell: `debrief export` (JSON, CSV, Markdown, the
follow-ups as a calendar, the saved comparison) and `debrief import` (a JSON export, or
calendar invitations: .ics). Importing goes through the same use cases as the app's
palette (actions.exchange, actions.interviews).

Each format's code loads only when that format is asked for (the comparison, the export
formats and the calendar reader each take tens of milliseconds to import).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from debrief.cli.running import EXIT_NOT_FOUND, EXIT_OK, now_for, open_journal, refuse, say
from debrief.store.files import JournalError, atomic_write, describe_os_error
from debrief.store.journal import Journal
from debrief.text import printable_lines

# --- export ----------------------------------------------------------------------------------


def export_command(journal: Journal, args: argparse.Namespace) -> int:
    if args.format == "compare-md":
        payload = _comparison_markdown(journal)
        if payload is None:
            say(
                "debrief: choose two opportunities on the compare screen (F5) first.",
                error=True,
            )
            return EXIT_NOT_FOUND
    else:
        from debrief.exchange import export_bundle

        payload = export_bundle(journal.bundle(), args.format, now_for(journal.settings()))
    if args.output is None:
        if sys.stdout.isatty():  # shown, not stored: control characters made visible
            payload = printable_lines(payload.decode()).encode()
        sys.stdout.buffer.write(payload)
        warn_if_decrypted(journal)
        return EXIT_OK
    target = args.output.expanduser()
    refusal = export_target_problem(target, journal, force=args.force)
    if refusal is not None:
        say(f"debrief: {refusal}", error=True)
        return EXIT_NOT_FOUND
    try:
        atomic_write(target, payload, keep_backup=False)
    except OSError as error:
        say(f"debrief: can't write {args.output}: {describe_os_error(error)}.", error=True)
        return EXIT_NOT_FOUND
    say(f"debrief: wrote {args.output}", error=True)
    warn_if_decrypted(journal)
    return EXIT_OK


def warn_if_decrypted(journal: Journal) -> None:
    """An export of an encrypted journal is plain text: say so, every time."""
    if journal.sealer is not None:
        say("debrief: note: the export is not encrypted (your journal is).", error=True)


def export_target_problem(target: Path, journal: Journal, *, force: bool) -> str | None:
    """Why an export may not be written to `target`: it is one of the journal's own files
    (the journal, its backup, drafts, their backup, its lock; by any name), or it exists
    and `--force` was not given."""
    own = journal.own_file(target)
    if own is not None:
        return f"{target} is your journal's own file ({own.name}); choose another name."
    if not target.exists():
        return None
    if not force:
        return f"{target} exists already; choose another name, or add --force to replace it."
    return None


def _comparison_markdown(journal: Journal) -> bytes | None:
    """The comparison as last saved in the app, or None when fewer than two were chosen."""
    from debrief.compare import columns_for, markdown, prefilled

    decision = journal.decision()
    chosen = [o for key in decision.chosen if (o := journal.opportunity(key)) is not None]
    if len(chosen) < 2:
        return None
    settings = journal.settings()
    columns = columns_for(
        chosen, journal.reflections(), settings, include_current=decision.include_current
    )
    return markdown(columns, prefilled(decision, columns)).encode()


# --- import ----------------------------------------------------------------------------------


def import_command(path: Path, args: argparse.Namespace) -> int:
    """`debrief import FILE`: an .ics (by --format, else by its name) or a JSON export."""
    if (args.format or args.file.suffix.lstrip(".").lower()) == "ics":
        return import_invitations_command(path, args.file, dry_run=args.dry_run, take_all=args.all)
    return import_export_command(path, args.file, dry_run=args.dry_run)


def import_export_command(path: Path, source: Path, *, dry_run: bool) -> int:
    """Merge an export; a bad file changes nothing and says what is wrong, and where."""
    from debrief.actions.exchange import import_export, plan_export_import
    from debrief.exchange import ImportRejected

    try:
        payload = source.expanduser().read_bytes()
    except OSError as error:
        return refuse(f"can't read {source}: {describe_os_error(error)}.")
    try:
        # Read-only until the export is read: a refused file makes, upgrades or writes
        # no journal.
        journal = open_journal(path, readonly=True)
        plan = plan_export_import(journal, payload, str(source))
        if dry_run:
            say(f"{plan.summary()} (dry run: nothing written)")
            return EXIT_OK
        journal = Journal.open(path, sealer=journal.sealer)  # (the passphrase asked once)
        plan = plan_export_import(journal, payload, str(source))
        import_export(journal, plan)
    except ImportRejected as error:
        return refuse(f"{error} Nothing was imported.")
    except JournalError as error:
        return refuse(str(error))
    say(plan.summary())
    return EXIT_OK


def import_invitations_command(
    path: Path, source: Path, *, dry_run: bool, take_all: bool = False
) -> int:
    """Calendar invitations become interviews ahead: the events that read as interviews
    (`take_all`: every timed one), those left out listed with why; again, the same events
    update them, a cancellation cancels. `dry_run` prints the preview the app shows."""
    from debrief.actions.interviews import (
        import_invitations,
        plan_previewed,
        preview_invitations,
    )
    from debrief.invitation_preview import left_out_lines, preview_text
    from debrief.invitations import InvitationsRejected

    try:
        payload = source.expanduser().read_bytes()
        # Read-only until the calendar is read: a refused file makes, upgrades or writes
        # no journal.
        journal = open_journal(path, readonly=True)
        now = now_for(journal.settings())
        preview = preview_invitations(journal, payload, str(source), now, take_all=take_all)
        if not preview.guesses:
            say(f"There is no event in {source}: nothing was imported.")
            return EXIT_OK
        plan = plan_previewed(journal, preview, now)
        if not dry_run:
            journal = Journal.open(path, sealer=journal.sealer)  # (the passphrase asked once)
            preview = preview_invitations(journal, payload, str(source), now, take_all=take_all)
            plan = plan_previewed(journal, preview, now)
            import_invitations(journal, plan)
    except OSError as error:
        return refuse(f"can't read {source}: {describe_os_error(error)}.")
    except InvitationsRejected as error:
        return refuse(f"{error} Nothing was imported.")
    except JournalError as error:
        return refuse(str(error))
    if dry_run:
        for line in preview_text(preview.guesses, now):
            say(line)
        say(plan.summary() + " (dry run: nothing written)")
        return EXIT_OK
    say(plan.summary())
    if plan.left_out:
        more = "" if take_all else "; --all takes every timed event"
        say(f"Left out (--dry-run shows them all{more}):")
        for line in left_out_lines(plan.left_out, now):
            say(line)
    return EXIT_OK
