"""The journal's file as people really keep it: behind a symbolic link, with its own
permissions, beside damaged drafts, and never the target of an export."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from debrief.cli import main
from debrief.followups import plan
from debrief.model import Criterion, Decision, Interviewer
from debrief.store.files import JournalError
from debrief.store.journal import Journal, drafts_path_of
from debrief.text import BIDI_CONTROLS
from debrief.ui.app import make_app
from tests.pilot_helpers import record_notifications
from tests.samples import fixed_clock, full_reflection, opportunity


def save_one(journal: Journal, company: str = "Acme") -> None:
    job = opportunity(company=company)
    journal.save_reflection(full_reflection(job.id), job)


# --- a journal behind a symbolic link ---------------------------------------------------------


def test_a_symlinked_journal_is_written_through_the_link_which_stays_a_link(
    tmp_path: Path,
) -> None:
    synced = tmp_path / "Dropbox"
    synced.mkdir()
    target = synced / "journal.json"
    link = tmp_path / "journal.json"
    Journal.open(target)
    link.symlink_to(target)
    journal = Journal.open(link)
    save_one(journal, "Acme")
    save_one(journal, "Globex")
    assert link.is_symlink() and link.resolve() == target
    assert {o.company for o in Journal.open(target).opportunities()} == {"Acme", "Globex"}
    backup = synced / "journal.json.bak"
    assert backup.exists() and not backup.is_symlink()
    assert not (tmp_path / "journal.json.bak").exists()
    assert not list(tmp_path.glob(".*.tmp")) and not list(synced.glob(".*.tmp"))


def test_the_link_and_the_target_share_one_lock_and_merge(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    link = tmp_path / "journal.json"
    Journal.open(target)
    link.symlink_to(target)
    by_link, direct = Journal.open(link), Journal.open(target)
    save_one(by_link, "Acme")
    save_one(direct, "Globex")
    assert {o.company for o in Journal.open(link).opportunities()} == {"Acme", "Globex"}


# --- permissions and owners -------------------------------------------------------------------


@pytest.mark.parametrize(("before", "after"), [(0o400, 0o400), (0o600, 0o600), (0o666, 0o600), (0o644, 0o600)])  # fmt: skip
def test_a_stricter_mode_is_kept_a_looser_one_tightened_and_the_backup_follows(
    journal_path: Path, before: int, after: int
) -> None:
    journal = Journal.open(journal_path)
    save_one(journal)
    journal_path.chmod(before)
    save_one(journal, "Globex")
    assert stat.S_IMODE(journal_path.stat().st_mode) == after
    assert stat.S_IMODE(journal.backup_path.stat().st_mode) == after


def test_a_journal_owned_by_another_user_is_refused_never_rewritten(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_one(Journal.open(journal_path))
    before = journal_path.read_bytes()
    import debrief.store.files as files

    monkeypatch.setattr(files.os, "getuid", lambda: journal_path.stat().st_uid + 1)
    with pytest.raises(JournalError, match="run Debrief as"):
        Journal.open(journal_path)
    assert len(Journal.open(journal_path, readonly=True).reflections()) == 1  # reading is fine
    assert journal_path.read_bytes() == before


# --- exports never over the journal -------------------------------------------------------


OWN_FILES = [
    "journal", "backup", "drafts", "drafts' backup", "lock", "a hard link to it",
    "a symbolic link to it", "the lock, not made yet", "the drafts' backup, not made yet",
]  # fmt: skip


def own_files(journal_path: Path, *, made: bool = True) -> dict[str, Path]:
    """The journal's own files, by name (each made, with a draft saved twice, if `made`)."""
    from debrief.model import Draft
    from tests.samples import NOW

    journal = Journal.open(journal_path)
    save_one(journal)
    save_one(journal, "Globex")  # (now there is a backup)
    drafts = drafts_path_of(journal_path)
    targets = {
        "journal": journal_path,
        "backup": journal.backup_path,
        "drafts": drafts,
        "drafts' backup": drafts.with_name(drafts.name + ".bak"),
        "lock": journal_path.with_name(".journal.json.lock"),
        "a hard link to it": journal_path.with_name("other-name.json"),
        "a symbolic link to it": journal_path.with_name("link.json"),
    }
    if made:
        for initech in ("Initech", "Initech AG"):
            journal.save_draft(Draft(answers={"company": initech}, started_at=NOW, updated_at=NOW))
        os.link(journal_path, targets["a hard link to it"])
        targets["a symbolic link to it"].symlink_to(journal_path)
    else:
        targets["lock, not made yet"] = targets.pop("lock")
        targets["lock, not made yet"].unlink()
        targets["drafts' backup, not made yet"] = targets.pop("drafts' backup")
    return targets


@pytest.mark.parametrize("which", OWN_FILES)
def test_an_export_never_writes_over_the_journals_own_files(
    journal_path: Path, which: str, capsys: pytest.CaptureFixture[str]
) -> None:
    made = "not made yet" not in which
    targets = own_files(journal_path, made=made)
    target = targets[which.removeprefix("the ")]
    before = {path: path.read_bytes() for path in targets.values() if path.exists()}
    code = main(["--db", str(journal_path), "export", "--format", "csv", "-o", str(target), "--force"])  # fmt: skip
    assert code != 0 and "your journal's own file" in capsys.readouterr().err
    assert {path: path.read_bytes() for path in targets.values() if path.exists()} == before
    assert made or not target.exists()


@pytest.mark.parametrize("which", ["lock", "drafts' backup, not made yet", "drafts"])
async def test_the_apps_exports_never_write_to_the_journals_own_files(
    journal_path: Path, which: str
) -> None:
    from textual.widgets import Input, Static

    targets = own_files(journal_path, made="not made yet" not in which)
    target = targets[which]
    before = target.read_bytes() if target.exists() else None
    app = make_app(Journal.open(journal_path), clock=fixed_clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.action_export()
        await pilot.pause()
        await pilot.press("down", "enter")  # CSV
        await pilot.pause()
        app.screen.query_one("#answer", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        said = str(app.screen.query_one("#prompt-error", Static).content)
        assert "your journal's own file" in said
    assert (target.read_bytes() if target.exists() else None) == before


def test_the_lock_is_never_opened_through_a_symbolic_link(
    journal_path: Path, tmp_path: Path
) -> None:
    save_one(Journal.open(journal_path))
    lock = journal_path.with_name(".journal.json.lock")
    lock.unlink()
    elsewhere = tmp_path / "elsewhere"
    lock.symlink_to(elsewhere)  # (dangling: following it would create the file)
    before = journal_path.read_bytes()
    with pytest.raises(JournalError, match="is a symbolic link"):
        save_one(Journal.open(journal_path), "Globex")
    assert not elsewhere.exists() and lock.is_symlink()
    elsewhere.write_text("someone's file")
    assert main(["--db", str(journal_path), "add-interview", "--company", "X", "--role", "Y", "--at", "tomorrow 10:00"]) == 2  # fmt: skip
    assert elsewhere.read_text() == "someone's file" and journal_path.read_bytes() == before


def test_an_export_never_replaces_a_file_unless_forced(
    journal_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_one(Journal.open(journal_path))
    existing = tmp_path / "applications.csv"
    existing.write_text("my spreadsheet")
    arguments = ["--db", str(journal_path), "export", "--format", "csv", "-o", str(existing)]
    assert main(arguments) != 0
    assert "exists already" in capsys.readouterr().err
    assert existing.read_text() == "my spreadsheet"
    assert main([*arguments, "--force"]) == 0
    assert "Acme" in existing.read_text()


# --- damaged drafts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"", "is empty (0 bytes), so it is not Debrief's drafts file"),
        (b"{ not json", "is not valid JSON"),
        (b'{"meta": {"1": {"format": "someone-else"}}}', "is not Debrief's drafts file"),
        (
            b'{"meta": {"1": {"format": "debrief-drafts", "schema": 1}}, "drafts": {"1": {"answers": 3}}}',
            "drafts.json: record drafts/#1",
        ),
    ],
)
async def test_a_damaged_drafts_file_is_set_aside_named_and_the_app_opens(
    journal_path: Path, content: bytes, said: str
) -> None:
    save_one(Journal.open(journal_path))
    drafts = drafts_path_of(journal_path)
    drafts.write_bytes(content)
    journal = Journal.open(journal_path)
    (aside,) = journal_path.parent.glob("journal.drafts.json.damaged-*")
    assert aside.read_bytes() == content and not drafts.exists()
    (notice,) = journal.notices
    assert said in notice and aside.name in notice and "journal.json:" not in notice
    app = make_app(journal, clock=fixed_clock)
    told = record_notifications(app)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        assert any(aside.name in message for message in told)
        await pilot.press("n")  # and a new draft can be written
        await pilot.pause()
        app.screen.query_one("Input").value = "Globex"  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.pause()
    assert Journal.open(journal_path).drafts()[0].answers["company"] == "Globex"


def test_the_shell_ignores_a_damaged_drafts_file(journal_path: Path) -> None:
    save_one(Journal.open(journal_path))
    drafts_path_of(journal_path).write_bytes(b"")
    assert main(["--db", str(journal_path), "list"]) == 0
    assert drafts_path_of(journal_path).read_bytes() == b""  # (read-only: left as it was)


# --- control characters leaving Debrief ------------------------------------------------------


HOSTILE = "Evil\x1b]52;c;cGF5bG9hZA==\x07Corp\x1b[2J \u202egnirts\u202c"


def run_cli(journal_path: Path, *arguments: str, tty: bool) -> bytes:
    """`debrief …`'s standard output, from a pseudo-terminal or a pipe."""
    command = [sys.executable, "-m", "debrief", "--db", str(journal_path), *arguments]
    env = {**os.environ, "NO_COLOR": "1"}
    if not tty:
        return subprocess.run(command, capture_output=True, env=env, check=False).stdout
    import pty

    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(command[0], command, env)
    output = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.waitpid(pid, 0)
    os.close(fd)
    return output


@pytest.fixture
def hostile_journal(journal_path: Path) -> Path:
    journal = Journal.open(journal_path)
    job = opportunity(company=HOSTILE)
    reflection = full_reflection(job.id, id="r1", went_well=HOSTILE)
    journal.save_reflection(reflection, job, plan(job, [reflection], "Europe/Berlin"))
    return journal_path


@pytest.mark.parametrize(
    "arguments",
    [["list"], ["show", "r1"], ["due", "--all"], ["export", "--format", "csv"], ["list", "--json"]],
)
def test_terminal_output_shows_control_and_bidi_characters_never_obeys_them(
    hostile_journal: Path, arguments: list[str]
) -> None:
    shown = run_cli(hostile_journal, *arguments, tty=True)
    assert b"\x1b]52" not in shown and b"\x1b[2J" not in shown
    for bidi in ("\u202e", "\u202c"):
        assert bidi.encode() not in shown


def test_the_json_export_keeps_the_text_exactly(hostile_journal: Path) -> None:
    piped = run_cli(hostile_journal, "export", "--format", "json", tty=False)
    assert HOSTILE.encode() in piped.replace(b"\\u001b", b"\x1b").replace(b"\\u0007", b"\x07")


CONTROLS = "nul\x00 esc\x1b[2J bel\x07 cr\r del\x7f c1\x9b rlo\u202e lri\u2066 pdi\u2069 tab\tend"
SHOWN = "nul␀ esc␛"  # (what the export holds instead: the terminal's visible symbols)


def obeyed_by_a_terminal(text: str) -> list[str]:
    """The characters of `text` a terminal would act on rather than show (a line break and
    a tab aside; a CSV's own line ends too)."""
    return [
        char
        for char in text.replace("\r\n", "\n")
        if (ord(char) < 0x20 and char not in "\n\t")
        or 0x7F <= ord(char) < 0xA0
        or ord(char) in BIDI_CONTROLS
    ]


@pytest.fixture
def controls_journal(journal_path: Path) -> Path:
    journal = Journal.open(journal_path)
    jobs = [opportunity(company=f"Evil{CONTROLS}Corp"), opportunity(company="Globex")]
    for number, job in enumerate(jobs):
        reflection = full_reflection(
            job.id,
            id=f"r{number}",
            went_well=CONTROLS,
            next_steps=CONTROLS,
            interviewers=(Interviewer(name=f"Jane{CONTROLS}"),),
        )
        journal.save_reflection(reflection, job, plan(job, [reflection], "Europe/Berlin"))
    journal.save_decision(
        Decision(
            criteria=(Criterion(f"Pay{CONTROLS}", Decimal(1)),),
            chosen=tuple(job.id for job in jobs),
        )
    )
    return journal_path


@pytest.mark.parametrize("format_name", ["csv", "md", "compare-md"])
def test_csv_and_markdown_files_show_control_and_bidi_characters_never_hold_them(
    controls_journal: Path, tmp_path: Path, format_name: str
) -> None:
    target = tmp_path / f"out.{format_name}"
    arguments = ["--db", str(controls_journal), "export", "--format", format_name]
    assert main([*arguments, "-o", str(target)]) == 0
    text = target.read_bytes().decode()
    assert obeyed_by_a_terminal(text) == []
    assert SHOWN in text and "␇" in text and "␍" in text and "\ttab" not in text
    assert "\tend" in text  # (a tab lays text out: it stays)
    piped = run_cli(controls_journal, "export", "--format", format_name, tty=False)
    assert obeyed_by_a_terminal(piped.decode()) == []


async def test_the_apps_csv_markdown_and_comparison_exports_hold_no_control_characters(
    controls_journal: Path, tmp_path: Path
) -> None:
    from textual.widgets import Input

    app = make_app(Journal.open(controls_journal), clock=fixed_clock)
    written = {name: tmp_path / f"app.{name}" for name in ("csv", "md", "compare.md")}

    async def save_as(target: Path) -> None:
        await pilot.pause()
        app.screen.query_one("#answer", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for downs, name in ((1, "csv"), (2, "md")):  # (json, csv, md, ics)
            app.action_export()
            await pilot.pause()
            await pilot.press(*["down"] * downs, "enter")
            await save_as(written[name])
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await save_as(written["compare.md"])
    for name, target in written.items():
        text = target.read_bytes().decode()
        assert obeyed_by_a_terminal(text) == [], name
        assert SHOWN in text, name


def test_calendar_values_drop_control_characters(hostile_journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "follow-ups.ics"
    main(["--db", str(hostile_journal), "export", "--format", "ics", "-o", str(target)])
    calendar = target.read_bytes()
    unfolded = calendar.replace(b"\r\n ", b"").replace(b"\\;", b";")
    assert b"Evil]52;c;cGF5bG9hZA==Corp[2J gnirts" in unfolded  # the controls alone dropped
    assert not any(byte < 0x20 and byte not in b"\r\n\t" for byte in calendar)
    assert "\u202e".encode() not in calendar


# --- names printed by the shell ----------------------------------------------------------


ESCAPING_NAME = "journal.sync-conflict-\x1b[2J\x1b]0;pwned\x07-\u202eX.json"


def test_merge_prints_a_copys_name_literally_never_its_escapes(
    journal_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    save_one(Journal.open(journal_path))
    copy = journal_path.with_name(ESCAPING_NAME)
    shutil.copy(journal_path, copy)
    assert main(["--db", str(journal_path), "merge"]) == 0
    out, err = capsys.readouterr()
    shown = out + err
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "journal.sync-conflict-␛[2J␛]0;pwned␇-" in out
    assert "moved to merged/journal.sync-conflict-␛[2J" in out


def test_every_name_the_shell_prints_is_shown_literally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "\x1b[2Jdir"
    folder.mkdir()
    journal_path = folder / "journal.json"
    save_one(Journal.open(journal_path))
    damaged = journal_path.with_name("journal.sync-conflict-\x1b]0;x\x07.json")
    damaged.write_bytes(b"{ not json")
    target = folder / "out\x1b[31m.csv"
    runs = [
        ["merge"],  # a damaged copy: named, left alone
        ["merge", str(folder / "missing\x1b[2J.json")],
        ["export", "--format", "csv", "-o", str(target)],
        ["export", "--format", "csv", "-o", str(target)],  # exists already
        ["decrypt"],  # not encrypted, naming the journal
        ["import", str(folder / "no\x1b[2J.json")],
    ]
    for arguments in runs:
        main(["--db", str(journal_path), *arguments])
        out, err = capsys.readouterr()
        assert "\x1b" not in out + err and "\x07" not in out + err, arguments
        assert "␛" in out + err, arguments
    journal_path.write_bytes(b"{ not json")  # a damaged journal, named in the refusal
    main(["--db", str(journal_path), "list"])
    err = capsys.readouterr().err
    assert "\x1b" not in err and "␛[2Jdir" in err


# --- every file written is private ---------------------------------------------------------


@pytest.mark.parametrize("which", ["drafts", "drafts' backup", "lock", "backup"])
def test_a_loose_file_of_the_journal_is_tightened_at_the_next_save(
    journal_path: Path, which: str
) -> None:
    targets = own_files(journal_path)
    targets[which].chmod(0o666)
    save_one(Journal.open(journal_path), "Hooli")
    assert stat.S_IMODE(targets[which].stat().st_mode) == 0o600


def test_a_stricter_drafts_file_keeps_its_mode_never_looser_than_0600(journal_path: Path) -> None:
    from debrief.model import Draft
    from tests.samples import NOW

    targets = own_files(journal_path)
    targets["drafts"].chmod(0o400)
    save_one(Journal.open(journal_path), "Hooli")
    assert stat.S_IMODE(targets["drafts"].stat().st_mode) == 0o400
    targets["drafts"].chmod(0o644)
    Journal.open(journal_path).save_draft(Draft(answers={}, started_at=NOW, updated_at=NOW))
    assert stat.S_IMODE(targets["drafts"].stat().st_mode) == 0o600


def test_exports_and_merged_copies_are_private(journal_path: Path, tmp_path: Path) -> None:
    import shutil

    save_one(Journal.open(journal_path))
    replaced = tmp_path / "applications.csv"
    replaced.write_text("old")
    replaced.chmod(0o644)
    assert main(["--db", str(journal_path), "export", "--format", "csv", "-o", str(replaced), "--force"]) == 0  # fmt: skip
    fresh = tmp_path / "journal.md"
    assert main(["--db", str(journal_path), "export", "--format", "md", "-o", str(fresh)]) == 0
    copy = journal_path.with_name("journal.sync-conflict-20261201-101500-ABCDEF1.json")
    shutil.copy(journal_path, copy)
    copy.chmod(0o644)  # (as a sync tool writes it)
    assert main(["--db", str(journal_path), "merge"]) == 0
    written = [replaced, fresh, *(journal_path.parent / "merged").iterdir()]
    assert len(written) == 3
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


# --- exports of an encrypted journal ------------------------------------------------------


@pytest.fixture
def encrypted_with_a_choice(journal_path: Path) -> Journal:
    """An encrypted journal, two opportunities chosen on the compare screen."""
    from tests.test_encryption import cheap

    journal = Journal.open(journal_path, sealer=cheap())
    save_one(journal, "Acme")
    save_one(journal, "Globex")
    journal.save_decision(Decision(chosen=tuple(o.id for o in journal.opportunities())))
    return journal


@pytest.mark.parametrize("export", ["compare, Ctrl+S", "palette, CSV"])
async def test_every_export_from_the_app_of_an_encrypted_journal_says_it_is_not_encrypted(
    encrypted_with_a_choice: Journal, tmp_path: Path, export: str
) -> None:
    from textual.widgets import Input

    target = tmp_path / "out.txt"
    app = make_app(encrypted_with_a_choice, clock=fixed_clock)
    said: list[str] = []
    notify = app.notify

    def recorded(message: str, *, title: str = "", **options: Any) -> None:
        said.append(f"{title}: {message}")
        notify(message, title=title, **options)

    app.notify = recorded  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if export == "compare, Ctrl+S":
            await pilot.press("f5")
            await pilot.pause()
            await pilot.press("ctrl+s")
        else:
            app.action_export()
            await pilot.pause()
            await pilot.press("down", "enter")
        await pilot.pause()
        app.screen.query_one("#answer", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
    assert target.exists()
    (saved,) = [text for text in said if str(target) in text]
    assert "not encrypted" in saved


def test_the_shells_comparison_export_of_an_encrypted_journal_says_so(
    encrypted_with_a_choice: Journal,
    journal_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from debrief.actions.unlock import PASSPHRASE_COMMAND
    from tests.test_encryption import PASSPHRASE

    monkeypatch.setenv(PASSPHRASE_COMMAND, f"echo '{PASSPHRASE}'")
    target = tmp_path / "choice.md"
    assert main(["--db", str(journal_path), "export", "--format", "compare-md", "-o", str(target)]) == 0  # fmt: skip
    assert "not encrypted" in capsys.readouterr().err and target.exists()


# --- a deleted reflection is gone from disk once the app closes -----------------------------


SECRET = "I would take a pay cut to leave Initrode"


@pytest.mark.parametrize("quit_by", ["ctrl+q", "SIGTERM"])
async def test_a_deleted_reflections_text_is_gone_from_disk_when_the_app_closes(
    journal_path: Path, quit_by: str
) -> None:
    import signal

    from tests.samples import NOW

    journal = Journal.open(journal_path)
    save_one(journal, "Acme")
    job = opportunity(company="Initrode Rival")
    latest = full_reflection(job.id, went_badly=SECRET, interview_at=NOW)  # (the first row)
    journal.save_reflection(latest, job)
    app = make_app(Journal.open(journal_path), clock=fixed_clock, handle_signals=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.journal.in_trash() == [latest.id]
        assert SECRET.encode() in journal_path.read_bytes()  # (kept for undo until you quit)
        if quit_by == "ctrl+q":
            await pilot.press("ctrl+q")
        else:
            os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(1000):  # (on a signal, the app exits once the keys in flight land)
            await pilot.pause()
            if not app.is_running:
                break
        assert not app.is_running
    for file in journal_path.parent.iterdir():  # the journal, its backup, drafts, lock
        assert SECRET.encode() not in file.read_bytes(), file.name
    assert [o.company for o in Journal.open(journal_path).opportunities()] == ["Acme"]


async def test_a_deleted_reflections_draft_leaves_the_drafts_backup_and_no_link_is_left(
    journal_path: Path,
) -> None:
    """Found by a new user: the questionnaire's draft of a deleted reflection stayed in
    journal.drafts.json.bak; and once the backup was the journal itself (a hard link), the
    next save left a `.journal.json.bak.….tmp` holding the old text beside it."""
    from debrief.model import Draft
    from tests.samples import NOW

    journal = Journal.open(journal_path)
    save_one(journal, "Acme")
    job = opportunity(company="Initrode Rival")
    draft = Draft(answers={"went_badly": SECRET}, started_at=NOW, updated_at=NOW)
    journal.save_draft(draft)
    journal.save_reflection(full_reflection(job.id, went_badly=SECRET, interview_at=NOW), job)
    journal.discard_draft(draft.id)  # (saved: the draft goes, its text stays in the backup)
    assert SECRET.encode() in drafts_path_of(journal_path).with_suffix(".json.bak").read_bytes()
    app = make_app(Journal.open(journal_path), clock=fixed_clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f3", "d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    after = Journal.open(journal_path)
    after.save_settings(after.settings())  # a save after the backup became the file itself
    for file in journal_path.parent.iterdir():
        assert SECRET.encode() not in file.read_bytes(), file.name
        assert not file.name.endswith(".tmp"), file.name
