"""An encrypted journal: sealed on disk (journal, backup, drafts), opened only with its
passphrase, from a command or typed; a wrong one changes nothing; back to plain losslessly."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import orjson
import pytest
from textual.widgets import Input, Static

from debrief.actions.unlock import PASSPHRASE_COMMAND, new_sealer, sealer_for
from debrief.cli import build_demo_journal, main
from debrief.model import Draft
from debrief.store.journal import Journal, JournalError, change_encryption, drafts_path_of
from debrief.store.sealed import (
    KeyParams,
    Passphrase,
    PassphraseNeeded,
    Sealer,
    WrongPassphrase,
    sealed_params,
    unlock,
)
from debrief.ui.app import make_app
from debrief.ui.screens.unlock import UnlockApp
from tests.samples import NOW, bare_reflection, fixed_clock, opportunity
from tests.test_hostile_text import screen_lines

PASSPHRASE = "correct horse battery staple"


class TerminalInput(io.StringIO):
    """Standard input that is a terminal (the passphrase is typed; getpass is faked)."""

    def isatty(self) -> bool:
        return True

SECRET = "I would take a pay cut to leave Initrode"  # an answer that must never be on disk


def cheap(passphrase: str = PASSPHRASE) -> Sealer:
    """A sealer with the lowest cost allowed: the tests are about sealing, not scrypt."""
    return Sealer(Passphrase(passphrase), KeyParams(b"a-test-salt-1234", n=2**10))


@pytest.fixture
def journal_with_secret(tmp_path: Path) -> Path:
    path = tmp_path / "journal.json"
    journal = build_demo_journal(path, NOW)
    job = opportunity("Initrode Rival", "Engineer")
    journal.save_reflection(bare_reflection(job.id, id="secret", went_badly=SECRET), job)
    return path


def on_disk(folder: Path) -> bytes:
    """Every byte of every file beside the journal, temporaries and backups included."""
    return b"".join(file.read_bytes() for file in sorted(folder.iterdir()) if file.is_file())


def test_encrypt_use_and_decrypt_round_trip_every_record(journal_with_secret: Path) -> None:
    path = journal_with_secret
    before = Journal.open(path, readonly=True).bundle()
    sealer = cheap()
    leftover = path.with_name(".journal.json.0123abcd.tmp")  # a killed writer's, in plain text
    leftover.write_bytes(path.read_bytes())
    changed = change_encryption(path, None, sealer)
    assert {f.name for f in changed} == {"journal.json", "journal.json.bak"}
    assert not leftover.exists()
    assert SECRET.encode() not in on_disk(path.parent)
    envelope = orjson.loads(path.read_bytes())
    assert (envelope["format"], envelope["version"], envelope["cipher"]) == (
        "debrief-encrypted",
        1,
        "AES-256-GCM",
    )
    assert envelope["kdf"]["name"] == "scrypt" and "salt" in envelope["kdf"]
    journal = Journal.open(path, sealer=unlock(path, Passphrase(PASSPHRASE)))
    assert journal.bundle() == before  # every record, as it was
    job = opportunity("Globex", "SRE")
    journal.save_reflection(bare_reflection(job.id, id="after", went_well=SECRET + " too"), job)
    journal.save_draft(
        Draft(id="d1", started_at=NOW, updated_at=NOW, answers={"went_well": SECRET})
    )
    assert drafts_path_of(path).exists()
    assert SECRET.encode() not in on_disk(path.parent)  # journal, backup, drafts: all sealed
    nonces = {orjson.loads(path.read_bytes())["nonce"], envelope["nonce"]}
    assert len(nonces) == 2  # a fresh nonce for every write
    after = Journal.open(path, readonly=True, sealer=sealer).bundle()
    change_encryption(path, sealer, None)
    plain = Journal.open(path)
    assert plain.bundle() == after
    assert [d.answers for d in plain.drafts()] == [{"went_well": SECRET}]
    assert SECRET.encode() in path.read_bytes()  # plain JSON again


def test_without_the_passphrase_nothing_opens_and_nothing_changes(
    journal_with_secret: Path,
) -> None:
    path = journal_with_secret
    change_encryption(path, None, cheap())
    before = on_disk(path.parent)
    with pytest.raises(PassphraseNeeded, match="is encrypted"):
        Journal.open(path)
    with pytest.raises(WrongPassphrase, match=r"Wrong passphrase .*: nothing was changed"):
        unlock(path, Passphrase("not the passphrase"))
    with pytest.raises(WrongPassphrase):
        change_encryption(path, cheap("not the passphrase"), None)
    assert on_disk(path.parent) == before


def test_two_windows_on_one_encrypted_journal_keep_each_others_saves(
    journal_with_secret: Path,
) -> None:
    path = journal_with_secret
    change_encryption(path, None, cheap())
    first = Journal.open(path, sealer=unlock(path, Passphrase(PASSPHRASE)))
    second = Journal.open(path, sealer=unlock(path, Passphrase(PASSPHRASE)))
    for journal, rid in ((first, "from-first"), (second, "from-second")):
        job = opportunity("Globex", rid)
        journal.save_reflection(bare_reflection(job.id, id=rid), job)
    assert first.refresh() and {"from-first", "from-second"} <= {r.id for r in first.reflections()}
    assert SECRET.encode() not in on_disk(path.parent)


def test_a_tampered_file_is_refused_like_a_wrong_passphrase(journal_with_secret: Path) -> None:
    path = journal_with_secret
    change_encryption(path, None, cheap())
    envelope = orjson.loads(path.read_bytes())
    envelope["kdf"]["n"] = 2**11  # weaker costs slipped in: the header is authenticated
    path.write_bytes(orjson.dumps(envelope))
    with pytest.raises(WrongPassphrase):
        unlock(path, Passphrase(PASSPHRASE))
    envelope["kdf"]["n"] = 2**40  # or costs meant to hang the machine
    path.write_bytes(orjson.dumps(envelope))
    with pytest.raises(JournalError, match="key parameters are damaged"):
        sealed_params(path)


def test_an_interrupted_change_completes_when_run_again(journal_with_secret: Path) -> None:
    path = journal_with_secret
    old, new = (
        cheap(),
        Sealer(Passphrase("another passphrase"), KeyParams(b"another-salt-567", n=2**10)),
    )
    change_encryption(path, None, old)
    backup = path.with_name("journal.json.bak")
    backup.write_bytes(new.seal(old.open(orjson.loads(backup.read_bytes()), backup)))  # half done
    assert change_encryption(path, old, new) == [path]  # the backup was in the new form already
    assert Journal.open(
        path, readonly=True, sealer=unlock(path, Passphrase("another passphrase"))
    ).bundle()


def test_the_passphrase_command_gives_the_first_line(
    journal_with_secret: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = journal_with_secret
    change_encryption(path, None, cheap())
    fake = tmp_path / "fake-pass"
    fake.write_text(f"#!/bin/sh\nprintf '%s\\n' '{PASSPHRASE}' 'second line: ignored'\n")
    fake.chmod(0o700)
    monkeypatch.setenv(PASSPHRASE_COMMAND, str(fake))
    sealer = sealer_for(path)
    assert sealer is not None and Journal.open(path, sealer=sealer).reflection("secret")
    monkeypatch.setenv(PASSPHRASE_COMMAND, "exit 3")
    with pytest.raises(JournalError, match="failed \\(exit status 3\\)"):
        sealer_for(path)
    monkeypatch.setenv(PASSPHRASE_COMMAND, "true")
    with pytest.raises(JournalError, match="printed no passphrase"):
        sealer_for(path)
    monkeypatch.setenv(PASSPHRASE_COMMAND, "echo nope")
    with pytest.raises(JournalError, match="Wrong passphrase"):
        sealer_for(path)


def test_typed_passphrases_get_three_tries(
    journal_with_secret: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = journal_with_secret
    change_encryption(path, None, cheap())
    monkeypatch.delenv(PASSPHRASE_COMMAND, raising=False)
    typed = iter(["wrong", "also wrong", PASSPHRASE])
    assert sealer_for(path, ask=lambda _: next(typed)) is not None
    typed = iter(["wrong"] * 3)
    with pytest.raises(JournalError, match="Wrong passphrase 3 times"):
        sealer_for(path, ask=lambda _: next(typed))
    with pytest.raises(JournalError, match="run this in a terminal"):
        sealer_for(path)  # (pytest's stdin is no terminal, and no command is set)
    short = iter(["short"] * 3)  # (three tries, then nothing is changed)
    with pytest.raises(JournalError, match=r"at least 8 characters.*Nothing was changed"):
        new_sealer(lambda _: next(short))
    differ = iter(["a long passphrase", "a long passphrase!"] * 3)
    with pytest.raises(JournalError, match="differ"):
        new_sealer(lambda _: next(differ))
    second_time = iter(["short", "a long passphrase", "a long passphrase"])
    assert new_sealer(lambda _: next(second_time)) is not None  # asked again, not ended


def test_a_passphrase_from_the_command_follows_the_same_rule_as_one_typed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`DEBRIEF_PASSPHRASE_COMMAND="echo short" debrief encrypt` encrypted with 5 characters."""
    monkeypatch.setenv(PASSPHRASE_COMMAND, "echo short")
    with pytest.raises(JournalError, match="from DEBRIEF_PASSPHRASE_COMMAND: A passphrase needs"):
        new_sealer()


def test_the_shell_encrypts_lists_exports_and_decrypts(
    journal_with_secret: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = journal_with_secret
    monkeypatch.setenv(PASSPHRASE_COMMAND, f"echo '{PASSPHRASE}'")
    db = ["--db", str(path)]
    assert main([*db, "encrypt"]) == 0
    assert "Encrypted journal.json" in capsys.readouterr().out
    assert sealed_params(path) is not None and SECRET.encode() not in on_disk(path.parent)
    assert main([*db, "encrypt"]) == 2  # once is enough
    assert "encrypted already" in capsys.readouterr().err
    assert main([*db, "show", "secret"]) == 0
    assert SECRET in capsys.readouterr().out
    assert main([*db, "export", "--format", "csv"]) == 0
    assert "the export is not encrypted" in capsys.readouterr().err
    monkeypatch.setenv(PASSPHRASE_COMMAND, "echo 'not it at all'")
    before = on_disk(path.parent)
    assert main([*db, "decrypt"]) == 2
    assert "Wrong passphrase" in capsys.readouterr().err and on_disk(path.parent) == before
    monkeypatch.setenv(PASSPHRASE_COMMAND, f"echo '{PASSPHRASE}'")
    assert main([*db, "decrypt"]) == 0
    assert SECRET.encode() in path.read_bytes() and sealed_params(path) is None


def test_encrypting_a_journal_not_made_yet_makes_it_encrypted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new" / "journal.json"
    monkeypatch.setenv(PASSPHRASE_COMMAND, f"echo '{PASSPHRASE}'")
    assert main(["--db", str(path), "encrypt"]) == 0
    assert sealed_params(path) is not None
    assert Journal.open(path, sealer=unlock(path, Passphrase(PASSPHRASE))).reflections() == []


async def test_the_app_asks_for_the_passphrase_before_showing_anything(
    journal_with_secret: Path,
) -> None:
    path = journal_with_secret
    change_encryption(path, None, cheap())
    app = UnlockApp(path)
    async with app.run_test() as pilot:
        field = app.query_one("#passphrase", Input)
        assert field.password  # masked
        await pilot.press(*"wrong one", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        error = str(app.query_one("#unlock-error", Static).content)
        assert error == "Wrong passphrase; nothing was changed. 2 more tries."
        assert field.value == ""
        await pilot.press(*PASSPHRASE, "enter")
        await pilot.pause()
        await pilot.pause()
    assert isinstance(app.return_value, Sealer)
    journal = Journal.open(path, sealer=app.return_value)
    assert journal.reflection("secret") is not None
    debrief = make_app(journal, clock=fixed_clock)
    async with debrief.run_test() as pilot:
        await pilot.pause()
        assert debrief.screen.sub_title.endswith("journal.json · encrypted")


async def test_three_wrong_passphrases_close_the_dialog(journal_with_secret: Path) -> None:
    path = journal_with_secret
    change_encryption(path, None, cheap())
    app = UnlockApp(path)
    async with app.run_test() as pilot:
        for attempt in range(3):
            await pilot.press(*f"wrong {attempt}", "enter")
            for _ in range(3):
                await pilot.pause()
    assert app.return_value is None and app.wrong == 3


async def test_an_export_from_the_app_says_it_is_not_encrypted(
    journal_with_secret: Path, tmp_path: Path
) -> None:
    path = journal_with_secret
    change_encryption(path, None, cheap())
    target = tmp_path / "out.csv"
    app = make_app(
        Journal.open(path, sealer=unlock(path, Passphrase(PASSPHRASE))), clock=fixed_clock
    )
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        app.action_export()
        await pilot.pause()
        await pilot.press("down", "enter")  # CSV
        await pilot.pause()
        app.screen.query_one("#answer", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        shown = " ".join(screen_lines(app))
        assert "not encrypted" in shown
    assert b"Initrode Rival" in target.read_bytes()  # an export is plain: it said so


def test_the_passphrase_command_runs_once_when_the_app_starts(
    journal_with_secret: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from debrief.cli import app_sealer

    path = journal_with_secret
    change_encryption(path, None, cheap())
    runs = tmp_path / "runs"
    monkeypatch.setenv(PASSPHRASE_COMMAND, f"echo run >> {runs}; echo '{PASSPHRASE}'")
    assert isinstance(app_sealer(path), Sealer)
    assert runs.read_text().count("run") == 1  # (`pass` would ask for its key only once)


def test_the_shell_changes_the_passphrase(
    journal_with_secret: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import getpass

    path = journal_with_secret
    change_encryption(path, None, cheap())
    monkeypatch.setenv(PASSPHRASE_COMMAND, f"echo '{PASSPHRASE}'")  # the current one
    typed = iter(["a brand new passphrase", "a brand new passphrase"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(typed))
    monkeypatch.setattr(sys, "stdin", TerminalInput())
    assert main(["--db", str(path), "passphrase"]) == 0
    assert "New passphrase set for journal.json, journal.json.bak." in capsys.readouterr().out
    with pytest.raises(WrongPassphrase):
        unlock(path, Passphrase(PASSPHRASE))
    assert Journal.open(path, sealer=unlock(path, Passphrase("a brand new passphrase"))).reflection(
        "secret"
    )
    assert main(["--db", str(path), "passphrase"]) == 2  # the command's is no longer right
