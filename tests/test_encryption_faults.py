"""Changing the encryption always completes: `debrief encrypt`, `decrypt` and `passphrase`
stopped after each of their file writes in turn (killed after it, killed during it with its
temporary file left behind, or refused by a full disk), then finished by running the same
command again, or by opening the app with either passphrase. Nothing is lost, nothing is
set aside as damaged, and after an encrypt no readable copy of the journal's text is left.

The table of what happened at each write is printed by the last test (`pytest -n0 -s
tests/test_encryption_faults.py`)."""

from __future__ import annotations

import errno
import getpass
import io
import os
import shutil
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import orjson
import pytest

import debrief.store.encryption as encryption
from debrief.actions.unlock import PASSPHRASE_COMMAND
from debrief.cli import build_demo_journal, main
from debrief.model import Bundle, Draft
from debrief.store.files import atomic_write, hidden_name
from debrief.store.journal import Journal, change_encryption, drafts_path_of
from debrief.store.sealed import (
    KeyParams,
    Passphrase,
    Sealer,
    WrongPassphrase,
    change_record_path,
    envelope_of,
    params_of,
    read_change,
    unlock,
)
from debrief.ui.app import make_app
from tests.samples import NOW, bare_reflection, fixed_clock, opportunity

OLD, NEW = "correct horse battery staple", "a brand new passphrase"
SECRET = "I would take a pay cut to leave Initrode"  # never readable on disk once encrypted
DRAFT_SECRET = "my salary floor is 91k"
MERGED_COPY = Path("merged") / "journal-LAPTOP.json"
DAMAGED = "journal.drafts.json.damaged-20261201-101500"
COMMANDS = ("encrypt", "decrypt", "passphrase")
WAYS = ("killed after", "killed during", "disk full")
WRITES = 7  # the record, the journal, its backup, the drafts, their backup, two copies


class Killed(BaseException):
    """The process dies here: no handler of ours runs (as with SIGKILL)."""


class TerminalInput(io.StringIO):
    def isatty(self) -> bool:
        return True


@dataclass
class Fault:
    """`atomic_write` as the change calls it, stopping the change at write number `at`."""

    at: int
    way: str
    written: list[str] = field(default_factory=list)  # the files, in the order written

    def __call__(self, path: Path, payload: bytes, *, keep_backup: bool = True) -> None:
        self.written.append(path.name)
        if len(self.written) != self.at:
            atomic_write(path, payload, keep_backup=keep_backup)
        elif self.way == "killed after":
            atomic_write(path, payload, keep_backup=keep_backup)
            raise Killed
        elif self.way == "killed during":  # its temporary written, not yet swapped in
            temporary = path.parent / f"{hidden_name(path)}.{uuid.uuid4().hex}.tmp"
            temporary.write_bytes(payload)
            raise Killed
        else:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@dataclass
class Row:
    command: str
    write: int
    file: str
    way: str
    stopped: str = ""
    rerun: str = ""
    app: str = ""


TABLE: list[Row] = []


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """New passphrases get the cheapest scrypt allowed, and no write waits for the disk:
    the tests are about which files are written, stopped as a kill stops them."""
    monkeypatch.setattr(KeyParams, "fresh", classmethod(lambda cls: cls(os.urandom(16), n=2**10)))
    monkeypatch.setattr(os, "fsync", lambda descriptor: None)


def cheap(passphrase: str) -> Sealer:
    return Sealer(Passphrase(passphrase), KeyParams(os.urandom(16), n=2**10))


def build(folder: Path, command: str) -> Path:
    """A journal with a secret answer, drafts and their backup, a copy from an earlier
    merge and a drafts file set aside as damaged; encrypted with OLD unless `command` is
    encrypt."""
    path = folder / "journal.json"
    journal = build_demo_journal(path, NOW)
    job = opportunity("Initrode Rival", "Engineer")
    journal.save_reflection(bare_reflection(job.id, id="secret", went_badly=SECRET), job)
    for text in ("first", DRAFT_SECRET):
        journal.save_draft(Draft(id="d1", started_at=NOW, updated_at=NOW, answers={"x": text}))
    (folder / "merged").mkdir(mode=0o700)
    shutil.copyfile(path, folder / MERGED_COPY)
    shutil.copyfile(drafts_path_of(path), folder / DAMAGED)
    if command != "encrypt":
        change_encryption(path, None, cheap(OLD), [folder / MERGED_COPY])
    return path


TEMPLATES: dict[str, Path] = {}
Make = Callable[[str, str], Path]


@pytest.fixture
def journal_for(tmp_path_factory: pytest.TempPathFactory) -> Make:
    """A fresh copy of the journal `command` starts from (built once per command)."""

    def make(command: str, scenario: str) -> Path:
        if command not in TEMPLATES:
            TEMPLATES[command] = build(tmp_path_factory.mktemp(f"template-{command}"), command)
        folder = tmp_path_factory.mktemp(scenario)
        shutil.copytree(TEMPLATES[command].parent, folder, dirs_exist_ok=True)
        return folder / "journal.json"

    return make


def run(
    monkeypatch: pytest.MonkeyPatch, path: Path, *args: str, current: str | None, typed: str = NEW
) -> int:
    """`debrief --db PATH ARGS`, the passphrase command giving `current`, `typed` typed."""
    with monkeypatch.context() as patch:
        if current is None:
            patch.delenv(PASSPHRASE_COMMAND, raising=False)
        else:
            patch.setenv(PASSPHRASE_COMMAND, f"echo '{current}'")
        answers = iter([typed, typed])
        patch.setattr(getpass, "getpass", lambda prompt="": next(answers))
        patch.setattr(sys, "stdin", TerminalInput())
        return main(["--db", str(path), *args])


def bundle_of(path: Path, passphrase: str | None) -> Bundle:
    sealer = None if passphrase is None else unlock(path, Passphrase(passphrase))
    return Journal.open(path, readonly=True, sealer=sealer).bundle()


def every_byte(folder: Path) -> bytes:
    """Every file under the folder: journal, backups, drafts, copies, temporaries, records."""
    return b"".join(f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file())


def form(file: Path) -> KeyParams | None:
    envelope = envelope_of(file.read_bytes())
    return None if envelope is None else params_of(envelope, file)


def own_files(path: Path) -> list[Path]:
    """The files a change rewrites: the journal's own and the copies beside it."""
    folder = path.parent
    return [
        path,
        path.with_name("journal.json.bak"),
        drafts_path_of(path),
        path.with_name("journal.drafts.json.bak"),
        folder / MERGED_COPY,
        folder / DAMAGED,
    ]


def assert_complete(path: Path, command: str, passphrase: str | None, before: Bundle) -> None:
    """The change is done: no record, every file in its new form, every record kept, no
    drafts set aside, and (encrypted) no readable secret anywhere."""
    folder = path.parent
    assert read_change(path) is None and not change_record_path(path).exists()
    assert sorted(p.name for p in folder.glob("*.damaged-*")) == [DAMAGED]
    forms = {form(file) for file in own_files(path)}
    assert len(forms) == 1, f"files in different forms after {command}"
    if passphrase is None:
        assert forms == {None}
        assert SECRET.encode() in path.read_bytes()
    else:
        sealer = unlock(path, Passphrase(passphrase))
        assert sealer is not None and forms == {sealer.params}
        assert SECRET.encode() not in every_byte(folder)
        assert DRAFT_SECRET.encode() not in every_byte(folder)
        if command == "passphrase":
            with pytest.raises(WrongPassphrase):
                unlock(path, Passphrase(OLD))
    sealer = None if passphrase is None else unlock(path, Passphrase(passphrase))
    journal = Journal.open(path, readonly=True, sealer=sealer)
    assert journal.bundle() == before
    opened = Journal.open(path, sealer=sealer)  # as the app opens it: drafts read too
    assert [d.answers for d in opened.drafts()] == [{"x": DRAFT_SECRET}]
    assert sorted(p.name for p in folder.glob("*.damaged-*")) == [DAMAGED]
    for copy in (folder / MERGED_COPY, folder / DAMAGED):
        payload = copy.read_bytes()
        if sealer is not None:
            envelope = envelope_of(payload)
            assert envelope is not None
            payload = sealer.open(envelope, copy)
        assert SECRET.encode() in payload or DRAFT_SECRET.encode() in payload


TARGET = {"encrypt": NEW, "decrypt": None, "passphrase": NEW}
SOURCE = {"encrypt": None, "decrypt": OLD, "passphrase": OLD}


def stop(
    monkeypatch: pytest.MonkeyPatch, path: Path, command: str, at: int, way: str
) -> tuple[Fault, int | str]:
    """Run `command`, stopped at write `at`; what it returned (or "killed")."""
    fault = Fault(at, way)
    with monkeypatch.context() as patch:
        patch.setattr(encryption, "atomic_write", fault)
        try:
            status: int | str = run(monkeypatch, path, command, current=SOURCE[command])
        except Killed:
            status = "killed"
    return fault, status


SCENARIOS = [(c, at, way) for c in COMMANDS for at in range(1, WRITES + 1) for way in WAYS]


@pytest.mark.parametrize(("command", "at", "way"), SCENARIOS)
async def test_a_stopped_change_completes(
    command: str,
    at: int,
    way: str,
    journal_for: Make,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path: Path = journal_for(command, f"{command}-{at}-{way.replace(' ', '-')}")
    before = bundle_of(path, SOURCE[command])
    fault, status = stop(monkeypatch, path, command, at, way)
    assert len(fault.written) == at  # (the change stopped where it was told to)
    row = Row(command, at, fault.written[-1], way)
    if way == "disk full":
        assert status == 2
        said = capsys.readouterr().err.strip()
        assert said.count("\n") == 0 and said.startswith("debrief: ")  # one sentence
        # Nothing was rewritten when the record or the first file failed to be: nor is it.
        untouched = at <= 2
        assert ("nothing was changed" in said) == untouched, said
        assert ("run again finishes it" in said) == (not untouched), said
        row.stopped = "exit 2: " + ("nothing changed" if untouched else "run it again")
    else:
        assert status == "killed"
        row.stopped = "killed"
    capsys.readouterr()

    # The app, opened at once with either passphrase, finishes it (on a copy of the folder;
    # the app itself runs with the first, the journal is opened as it opens it with the other).
    ran_app = False
    for who in (SOURCE[command], TARGET[command]):
        name = {OLD: "old", NEW: "new", None: "no"}[who]
        other = path.parent.with_name(f"{path.parent.name}-opened-with-{name}")
        shutil.copytree(path.parent, other)
        app_path = other / "journal.json"
        recorded = read_change(app_path) is not None
        if (who is None) != (form(app_path) is None) or (who == TARGET[command] and not recorded):
            continue  # (not what opens it: the app would ask for a passphrase, or none)
        sealer = None if who is None else unlock(app_path, Passphrase(who))
        journal = Journal.open(app_path, sealer=sealer)
        if recorded:  # (said in the app as it starts)
            assert any("was interrupted" in notice for notice in journal.notices)
        if not ran_app:
            app = make_app(journal, clock=fixed_clock)
            async with app.run_test() as pilot:
                await pilot.pause()
            ran_app = True
        if recorded and (command != "encrypt" or sealer is not None):
            assert_complete(app_path, command, TARGET[command], before)
            done = "finished"
        else:  # nothing begun (or nothing recorded): dropped, every file as it was
            assert read_change(app_path) is None
            assert {form(file) for file in own_files(app_path)} == {
                None if sealer is None else sealer.params
            }
            assert Journal.open(app_path, readonly=True, sealer=sealer).bundle() == before
            assert sorted(p.name for p in other.glob("*.damaged-*")) == [DAMAGED]
            done = "not begun: as before" if recorded else "nothing recorded: as before"
        row.app += ("; " if row.app else "") + f"{name} passphrase: {done}"
    assert ran_app

    # `debrief list` works meanwhile, with the passphrase(s) that open the journal now.
    recorded = read_change(path) is not None
    for who in {SOURCE[command], TARGET[command]}:
        if (who is None) == (form(path) is None) and (who == SOURCE[command] or recorded):
            assert run(monkeypatch, path, "list", current=who) == 0
            assert "Initrode Rival" in capsys.readouterr().out

    # Running the same command again finishes it.
    assert run(monkeypatch, path, command, current=SOURCE[command]) == 0, capsys.readouterr().err
    said = capsys.readouterr().out
    row.rerun = "finished" if "Finished" in said else "done afresh"
    assert_complete(path, command, TARGET[command], before)
    assert run(monkeypatch, path, "list", current=TARGET[command]) == 0
    assert "Initrode Rival" in capsys.readouterr().out
    assert sorted(p.name for p in path.parent.glob("*.damaged-*")) == [DAMAGED]
    TABLE.append(row)


def test_each_command_writes_what_the_faults_stop(
    journal_for: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a fault: seven writes, the journal first when sealing and last when not."""
    for command in COMMANDS:
        path: Path = journal_for(command, f"{command}-whole")
        fault, status = stop(monkeypatch, path, command, 0, "none")
        assert status == 0 and len(fault.written) == WRITES
        own = ["journal.json", "journal.json.bak", "journal.drafts.json", "journal.drafts.json.bak"]
        copies = ["journal-LAPTOP.json", DAMAGED]
        if command == "decrypt":
            expected = [".journal.json.encryption-change", *own[1:], *copies, own[0]]
        else:
            expected = [".journal.json.encryption-change", *own, *copies]
        assert fault.written == expected


def test_the_record_holds_no_passphrase_and_no_key_in_the_clear(
    journal_for: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    path: Path = journal_for("passphrase", "record")
    stop(monkeypatch, path, "passphrase", 2, "killed after")
    record = change_record_path(path).read_bytes()
    assert OLD.encode() not in record and NEW.encode() not in record
    data = orjson.loads(record)
    assert set(data) == {"format", "version", "from", "to", "copies", "to_key", "from_key"}
    assert data["copies"] == [str(MERGED_COPY), DAMAGED]
    assert oct(change_record_path(path).stat().st_mode & 0o777) == "0o600"
    change = read_change(path)
    assert change is not None and change.command == "passphrase"
    assert "to_key" not in repr(change)


def test_another_command_is_refused_until_the_change_is_finished(
    journal_for: Make, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path: Path = journal_for("passphrase", "refused")
    stop(monkeypatch, path, "passphrase", 3, "killed after")
    before = every_byte(path.parent)
    capsys.readouterr()
    for other in ("decrypt", "encrypt"):
        assert run(monkeypatch, path, other, current=OLD) == 2
        said = capsys.readouterr().err
        assert said == (
            "debrief: Changing the journal's passphrase was interrupted: run `debrief "
            "passphrase` again to finish it first (nothing was changed).\n"
        )
        assert every_byte(path.parent) == before
    assert run(monkeypatch, path, "passphrase", current="neither of them") == 2
    assert "Wrong passphrase" in capsys.readouterr().err
    assert every_byte(path.parent) == before
    assert run(monkeypatch, path, "passphrase", current=NEW) == 0  # the new one finishes it too
    assert "Finished changing the passphrase" in capsys.readouterr().out


def test_a_finish_stopped_again_still_completes(
    journal_for: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    for command in COMMANDS:
        path: Path = journal_for(command, f"{command}-twice")
        before = bundle_of(path, SOURCE[command])
        stop(monkeypatch, path, command, 3, "killed after")
        with monkeypatch.context() as patch:
            patch.setattr(encryption, "atomic_write", Fault(2, "killed during"))
            with pytest.raises(Killed):
                run(monkeypatch, path, command, current=SOURCE[command])
        assert run(monkeypatch, path, command, current=SOURCE[command]) == 0
        assert_complete(path, command, TARGET[command], before)


def test_an_encrypt_an_older_debrief_left_half_done_completes_with_its_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before the change record: the journal plain, its backup and drafts sealed, and the
    drafts the app then set aside as damaged sealed too. `debrief encrypt` with the
    passphrase typed then finishes it; with another it refuses, in one sentence."""
    path = build(tmp_path, "encrypt")
    before = bundle_of(path, None)
    half_way = cheap(NEW)
    for name in ("journal.json.bak", "journal.drafts.json", "journal.drafts.json.bak", DAMAGED):
        file = path.with_name(name)
        file.write_bytes(half_way.seal(file.read_bytes()))
    untouched = every_byte(tmp_path)
    assert run(monkeypatch, path, "encrypt", current=None, typed="another passphrase") == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and "with another passphrase" in said
    assert every_byte(tmp_path) == untouched
    assert run(monkeypatch, path, "encrypt", current=None, typed=NEW) == 0
    assert_complete(path, "encrypt", NEW, before)


def test_encrypt_names_the_copies_it_sealed_and_those_left_to_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = build(tmp_path, "encrypt")
    conflict = path.with_name("journal.sync-conflict-20261201-101500-ABCDEF1.json")
    shutil.copyfile(path, conflict)
    assert run(monkeypatch, path, "encrypt", current=NEW) == 0
    out, err = capsys.readouterr()
    assert out == (
        "Encrypted journal.json, journal.json.bak, journal.drafts.json, journal.drafts.json.bak, "
        "and the copies beside it that hold its text (merged/journal-LAPTOP.json, "
        f"{DAMAGED}). Keep the passphrase safe: without it the journal can't be read, by you "
        "or anyone.\n"
    )
    assert err == (
        f"debrief: note: {conflict.name} (copies a sync tool made, not merged yet) stay readable until merged: `debrief "
        "merge` merges them and keeps them sealed.\n"
    )


def test_each_refusal_is_one_sentence_with_status_2_and_leaves_every_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = build(tmp_path / "plain", "encrypt")
    sealed = build(tmp_path / "sealed", "decrypt")
    cases = [
        (sealed, "encrypt", OLD, "is encrypted already (`debrief passphrase` changes it)."),
        (plain, "decrypt", None, "is not encrypted."),
        (plain, "passphrase", None, "is not encrypted (`debrief encrypt` does that)."),
        (sealed, "decrypt", "not the passphrase", "altered): nothing was changed."),
        (sealed, "passphrase", "not the passphrase", ": nothing was changed."),
    ]
    for path, command, current, ending in cases:
        before = every_byte(path.parent)
        assert run(monkeypatch, path, command, current=current) == 2
        said = capsys.readouterr().err
        assert said.startswith("debrief: ") and said.endswith(ending + "\n"), said
        assert said.count("\n") == 1 and said.count(". ") == 0, said  # one sentence
        assert every_byte(path.parent) == before


def test_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    """Every write of every command, stopped every way, completed (printed with -s)."""
    if len(TABLE) != len(SCENARIOS):
        pytest.skip("the scenarios ran elsewhere (another worker), or only some of them")
    assert {(r.command, r.write, r.way) for r in TABLE} == set(SCENARIOS)
    widths = (10, 5, 31, 13, 30, 11, 60)
    header = ("command", "write", "file written", "stopped", "then", "re-run", "app opened")
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    for r in TABLE:
        cells = (r.command, str(r.write), r.file, r.way, r.stopped, r.rerun, r.app)
        lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))
    with capsys.disabled():
        print("\n" + "\n".join(lines))
