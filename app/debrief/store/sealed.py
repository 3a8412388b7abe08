"""Encryption at rest: a journal file sealed with a passphrase.

A sealed file is a small JSON envelope, recognised by its `format`, so that anything that
cannot open it says so rather than guessing:

    {"format": "debrief-encrypted", "version": 1,
     "kdf": {"name": "scrypt", "n": 65536, "r": 8, "p": 1, "salt": "…"},
     "cipher": "AES-256-GCM", "nonce": "…", "ciphertext": "…"}

The key comes from the passphrase with scrypt (cost parameters in the file, tuned to about
0.2 s here, so guessing is slow); AES-256-GCM seals the journal's JSON with a fresh random
nonce on every write, and authenticates the envelope's header too (changing the cost
parameters or the salt makes the file unreadable, not weaker). The key lives only in
memory; the passphrase is never written anywhere. A journal, its backup and its drafts
share one salt, so one derivation opens all three.

While the encryption is being changed (`store/encryption.py`), a change record beside the
journal names the old key's parameters and the new one's; for a new passphrase it also
holds each key sealed with the other, so that either passphrase unlocks both keys and a
`Sealer` opens a file sealed with either (`unlock`). The record goes once the change is
complete.
"""

from __future__ import annotations

import base64
import contextlib
import hmac
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from debrief.model import quoted
from debrief.store.files import JournalError, hidden_name

# (`cryptography` is imported where it is used: ~28 ms that a plain journal, and every
# `debrief list`, would otherwise pay at start.)

SEALED_FORMAT = "debrief-encrypted"
SEALED_VERSION = 1
CIPHER = "AES-256-GCM"
SCRYPT_COST = 2**16  # ~0.2 s on the machine it was tuned on; stored per file
SCRYPT_BLOCK, SCRYPT_PARALLEL = 8, 1
SALT_BYTES, NONCE_BYTES = 16, 12
MIN_SALT_BYTES, MAX_SALT_BYTES = 8, 64
KDF_MEMORY_BYTES = 256 * 2**20  # the most one unlock may take (see `affordable`)


class PassphraseNeeded(JournalError):
    """The file is encrypted, and no passphrase was given."""


class WrongPassphrase(JournalError):
    """The passphrase does not open the file (or the file was tampered with)."""


class Passphrase:
    """A passphrase that never shows itself: it prints as `***`, so that a crash report,
    which shows every frame's local variables, can't carry it to the terminal."""

    __slots__ = ("_secret",)

    def __init__(self, secret: str) -> None:
        self._secret = secret

    def __repr__(self) -> str:
        return "Passphrase(***)"

    __str__ = __repr__

    def __len__(self) -> int:
        return len(self._secret)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Passphrase) and hmac.compare_digest(
            self.encoded(), other.encoded()
        )

    def __hash__(self) -> int:
        return hash(Passphrase)  # (equal ones hash alike; the secret itself is not hashed)

    def encoded(self) -> bytes:
        return self._secret.encode("utf-8")


@dataclass(frozen=True)
class KeyParams:
    """How the key was made from the passphrase: scrypt's salt and costs."""

    salt: bytes
    n: int = SCRYPT_COST
    r: int = SCRYPT_BLOCK
    p: int = SCRYPT_PARALLEL

    @classmethod
    def fresh(cls) -> KeyParams:
        return cls(os.urandom(SALT_BYTES))

    def as_dict(self) -> dict[str, Any]:
        return {"name": "scrypt", "n": self.n, "r": self.r, "p": self.p, "salt": _b64(self.salt)}

    def header(self) -> bytes:
        """What the cipher authenticates besides the text: the format and these costs."""
        return orjson.dumps(
            {"format": SEALED_FORMAT, "version": SEALED_VERSION, "kdf": self.as_dict()},
            option=orjson.OPT_SORT_KEYS,
        )


def envelope_of(payload: bytes) -> dict[str, Any] | None:
    """The envelope, if `payload` is a sealed file (None: it is something else)."""
    if SEALED_FORMAT.encode() not in payload[:200]:
        return None
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError:
        return None
    return data if isinstance(data, dict) and data.get("format") == SEALED_FORMAT else None


def params_of(envelope: dict[str, Any], path: Path) -> KeyParams:
    """The envelope's key parameters, refusing a version or cipher this Debrief can't open."""
    kdf = envelope.get("kdf")
    if envelope.get("version") != SEALED_VERSION or envelope.get("cipher") != CIPHER:
        raise JournalError(
            f"{path} is encrypted in a way this version of Debrief can't open "
            f"(version {quoted(envelope.get('version'))}, cipher {quoted(envelope.get('cipher'))})."
        )
    return kdf_params(kdf, path)


def kdf_params(kdf: object, path: Path) -> KeyParams:
    """Key parameters as a file states them (`KeyParams.as_dict`), refusing damaged ones."""
    damaged = JournalError(
        f"{path} is encrypted, but its key parameters are damaged, so no passphrase can open "
        f"it: nothing was changed; its backup ({path.name}.bak) or a copy on another device "
        "may be whole."
    )
    if not isinstance(kdf, dict) or kdf.get("name") != "scrypt":
        raise damaged
    try:
        n, r, p = (int(kdf[key]) for key in ("n", "r", "p"))
        salt = base64.b64decode(kdf["salt"], validate=True)
    except (KeyError, TypeError, ValueError) as error:
        raise damaged from error
    if not affordable(n, r, p) or not MIN_SALT_BYTES <= len(salt) <= MAX_SALT_BYTES:
        raise damaged
    return KeyParams(salt, n, r, p)


def affordable(n: int, r: int, p: int) -> bool:
    """Whether one key derivation with these costs is one a person can wait for: at most
    KDF_MEMORY_BYTES (scrypt needs 128·n·r bytes; 256 MB took 0.7 s here) and within what
    scrypt itself accepts (n a power of two below 2^(16·r)). A damaged or hostile file
    must not make unlocking take minutes, gigabytes, or end in MemoryError."""
    return (
        p == 1
        and 1 <= r <= 16
        and n >= 2**10
        and n & (n - 1) == 0
        and n < 2 ** (16 * r)
        and 128 * n * r <= KDF_MEMORY_BYTES
    )


def sealed_params(path: Path) -> KeyParams | None:
    """The key parameters of an encrypted file; None if it is not encrypted (or missing)."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(200)  # (a plain journal is told apart without reading it)
            if SEALED_FORMAT.encode() not in start:
                return None
            payload = start + handle.read()
    except FileNotFoundError:
        return None
    envelope = envelope_of(payload)
    return None if envelope is None else params_of(envelope, path)


class Sealer:
    """Seals and opens files with keys made from one passphrase (kept in memory only).

    It holds a key per set of key parameters: the one new writes are sealed with
    (`params`), others made as files with their own salt are opened (a sync conflict
    copy), and, while the encryption is being changed, the old key and the new one
    (`joined`, `ChangeRecord.both_keys`): a file sealed with either opens."""

    def __init__(
        self,
        passphrase: Passphrase,
        params: KeyParams,
        *,
        keys: dict[KeyParams, bytes] | None = None,
    ) -> None:
        self.params = params  # what new writes are sealed with
        self._passphrase = passphrase
        self._keys = dict(keys or {})
        if params not in self._keys:
            self._keys[params] = _derive(passphrase, params)

    def __repr__(self) -> str:
        return "Sealer(***)"

    def _key(self, params: KeyParams) -> bytes:
        """A copy made elsewhere (a sync conflict) may have its own salt."""
        if params not in self._keys:
            self._keys[params] = _derive(self._passphrase, params)
        return self._keys[params]

    def holds(self, params: KeyParams) -> bool:
        """Whether the key for `params` is at hand (made, or unwrapped: not necessarily
        right until a file opens with it)."""
        return params in self._keys

    def joined(self, other: Sealer) -> Sealer:
        """A sealer holding this one's keys and `other`'s, sealing as this one does."""
        return Sealer(self._passphrase, self.params, keys={**other._keys, **self._keys})

    def writing_with(self, params: KeyParams) -> Sealer:
        """The same keys, new writes sealed with `params` (a key held: see `holds`)."""
        if params not in self._keys:
            raise ValueError("no key for these parameters")
        return Sealer(self._passphrase, params, keys=self._keys)

    def seal(self, plaintext: bytes) -> bytes:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(NONCE_BYTES)
        key = self._keys[self.params]
        sealed = AESGCM(key).encrypt(nonce, plaintext, self.params.header())
        envelope = {
            "format": SEALED_FORMAT,
            "version": SEALED_VERSION,
            "kdf": self.params.as_dict(),
            "cipher": CIPHER,
            "nonce": _b64(nonce),
            "ciphertext": _b64(sealed),
        }
        return orjson.dumps(envelope)

    def open(self, envelope: dict[str, Any], path: Path) -> bytes:
        """The file's plaintext, or WrongPassphrase (a wrong passphrase and a tampered file
        look the same to an authenticated cipher)."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        params = params_of(envelope, path)
        try:
            nonce = base64.b64decode(envelope["nonce"], validate=True)
            sealed = base64.b64decode(envelope["ciphertext"], validate=True)
            return AESGCM(self._key(params)).decrypt(nonce, sealed, params.header())
        except (InvalidTag, KeyError, TypeError, ValueError) as error:
            raise WrongPassphrase(
                f"Wrong passphrase for {path} (or the file was altered): nothing was changed."
            ) from error


CHANGE_FORMAT = "debrief-encryption-change"
CHANGE_VERSION = 1


def change_record_path(path: Path) -> Path:
    """Where the record of a change of encryption under way lives: beside the journal,
    hidden (`.journal.json.encryption-change`)."""
    return path.with_name(f"{hidden_name(path)}.encryption-change")


@dataclass(frozen=True)
class ChangeRecord:
    """A change of encryption under way (see `store/encryption.py`): from which key to
    which (None: plain), which copies beside the journal it rewrites too, and, changing
    the passphrase, each key sealed with the other. Never a passphrase; never a key in
    the clear."""

    source: KeyParams | None
    target: KeyParams | None
    copies: tuple[str, ...] = ()  # relative to the journal's folder
    target_key: dict[str, Any] | None = field(default=None, repr=False)  # sealed with source
    source_key: dict[str, Any] | None = field(default=None, repr=False)  # sealed with target

    @property
    def command(self) -> str:
        """The command that makes this change."""
        if self.source is None:
            return "encrypt"
        return "decrypt" if self.target is None else "passphrase"

    @classmethod
    def between(
        cls, current: Sealer | None, new: Sealer | None, copies: tuple[str, ...] = ()
    ) -> ChangeRecord:
        """The record of changing from `current`'s key to `new`'s (None: plain)."""
        target_key = source_key = None
        if current is not None and new is not None:
            target_key = orjson.loads(current.seal(new._key(new.params)))
            source_key = orjson.loads(new.seal(current._key(current.params)))
        return cls(
            current.params if current else None,
            new.params if new else None,
            copies,
            target_key,
            source_key,
        )

    def as_bytes(self) -> bytes:
        return orjson.dumps(
            {
                "format": CHANGE_FORMAT,
                "version": CHANGE_VERSION,
                "from": self.source.as_dict() if self.source else None,
                "to": self.target.as_dict() if self.target else None,
                "copies": list(self.copies),
                "to_key": self.target_key,
                "from_key": self.source_key,
            }
        )

    @classmethod
    def parse(cls, payload: bytes, path: Path) -> ChangeRecord:
        """The record in `payload` (read from `path`); JournalError if it is not one."""
        damaged = JournalError(
            f"{path} should say how the journal's encryption is being changed, but it is "
            "damaged: nothing was changed."
        )
        try:
            data = orjson.loads(payload)
        except orjson.JSONDecodeError as error:
            raise damaged from error
        if not isinstance(data, dict) or data.get("format") != CHANGE_FORMAT:
            raise damaged
        if data.get("version") != CHANGE_VERSION:
            raise JournalError(
                f"{path} was written by another version of Debrief: finish the change of "
                "encryption with that version (nothing was changed)."
            )
        copies = data.get("copies")
        if not isinstance(copies, list) or not all(_a_name_beside(c) for c in copies):
            raise damaged
        wrapped = [data.get("to_key"), data.get("from_key")]
        if not all(w is None or isinstance(w, dict) for w in wrapped):
            raise damaged
        source = None if data.get("from") is None else kdf_params(data["from"], path)
        target = None if data.get("to") is None else kdf_params(data["to"], path)
        if source is not None and target is not None and None in wrapped:
            raise damaged
        return cls(source, target, tuple(copies), wrapped[0], wrapped[1])

    def both_keys(self, sealer: Sealer, path: Path) -> Sealer:
        """`sealer` holding the old key and the new one of a change of passphrase: the one
        it has unwraps the other (WrongPassphrase: its passphrase is neither). Changing to
        or from plain, it is returned as it is."""
        if self.source is None or self.target is None:
            return sealer
        assert self.target_key is not None and self.source_key is not None
        attempts = [(self.target_key, self.target), (self.source_key, self.source)]
        if sealer.holds(self.target) and not sealer.holds(self.source):
            attempts.reverse()  # (the key it has first: no derivation)
        refused: WrongPassphrase | None = None
        for wrapped, reveals in attempts:
            try:
                key = sealer.open(wrapped, path)
            except WrongPassphrase as error:
                refused = error
                continue
            return Sealer(sealer._passphrase, sealer.params, keys={**sealer._keys, reveals: key})
        assert refused is not None
        raise refused


def _a_name_beside(name: object) -> bool:
    """A file name relative to the journal's folder, inside it."""
    if not isinstance(name, str) or not name or name.startswith(("/", "\\")):
        return False
    return ".." not in Path(name).parts


def read_change(path: Path) -> ChangeRecord | None:
    """The change of encryption under way for the journal at `path`, if one is."""
    record = change_record_path(path)
    try:
        payload = record.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise JournalError(f"{record} can't be read ({error.strerror}).") from error
    return ChangeRecord.parse(payload, record)


def unsealed(payload: bytes, path: Path, sealer: Sealer | None) -> bytes:
    """A file's JSON: as it is when it is not encrypted, else opened with `sealer`."""
    envelope = envelope_of(payload)
    if envelope is None:
        return payload
    if sealer is None:
        raise PassphraseNeeded(f"{path} is encrypted: Debrief needs its passphrase to open it.")
    return sealer.open(envelope, path)


def unlock(path: Path, passphrase: Passphrase) -> Sealer | None:
    """A sealer that opens `path` (WrongPassphrase if it does not); None: not encrypted.
    While its passphrase is being changed, the old passphrase and the new one both do
    (and the sealer holds both keys: see `ChangeRecord`)."""
    try:
        envelope = envelope_of(path.read_bytes())
    except FileNotFoundError:
        return None
    if envelope is None:
        return None
    sealer = Sealer(passphrase, params_of(envelope, path))
    change = read_change(path)
    try:
        sealer.open(envelope, path)  # (the file read once: its key and its check)
    except WrongPassphrase:
        if change is None or change.source is None or change.target is None:
            raise
        sealer = change.both_keys(sealer, path)  # the other passphrase of the change?
        sealer.open(envelope, path)
        return sealer
    if change is not None:
        with contextlib.suppress(WrongPassphrase):  # (a record of keys it does not open)
            sealer = change.both_keys(sealer, path)
    return sealer


def _derive(passphrase: Passphrase, params: KeyParams) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    try:
        kdf = Scrypt(salt=params.salt, length=32, n=params.n, r=params.r, p=params.p)
        return kdf.derive(passphrase.encoded())
    except (MemoryError, ValueError, OverflowError) as error:  # (costs `affordable` let by)
        raise JournalError(
            "The journal's key parameters can't be used on this computer "
            f"(scrypt n={params.n}, r={params.r}): {error}"
        ) from error


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
