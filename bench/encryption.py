"""What encrypting the journal costs: opening and saving, plain and encrypted.

    python bench/encryption.py [--reflections 300] [--runs 9] [--json]

Opening encrypted is the scrypt key derivation (about 0.2 s by design: it is what makes
guessing a passphrase slow) plus AES-GCM over the file; each save seals the file anew.
The real cost parameters are used, as `debrief encrypt` writes them.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import Figure, bench_parser, emit
from bench.save import median_ms, save_reflection
from bench.synthetic import copy_of_synthetic_journal
from debrief.store.journal import Journal, change_encryption
from debrief.store.sealed import KeyParams, Passphrase, Sealer, unlock

PASSPHRASE = "a benchmark passphrase"


def main() -> int:
    parser = bench_parser(__doc__)
    parser.add_argument("--reflections", type=int, default=300)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    figures = []
    with tempfile.TemporaryDirectory() as scratch:
        path = copy_of_synthetic_journal(Path(scratch), args.reflections)
        plain_open = median_ms(lambda _: Journal.open(path), args.runs)
        plain_save = median_ms(save_reflection(Journal.open(path)), args.runs)
        change_encryption(path, None, Sealer(Passphrase(PASSPHRASE), KeyParams.fresh()))
        sealed_open = median_ms(
            lambda _: Journal.open(path, sealer=unlock(path, Passphrase(PASSPHRASE))), args.runs
        )
        sealer = unlock(path, Passphrase(PASSPHRASE))
        reopen = median_ms(lambda _: Journal.open(path, sealer=sealer), args.runs)
        sealed_save = median_ms(save_reflection(Journal.open(path, sealer=sealer)), args.runs)
    figures += [
        Figure("open, plain", plain_open),
        Figure("open, encrypted (key derivation included)", sealed_open),
        Figure("  of which reading and decrypting (key known)", reopen),
        Figure("save a reflection with its plan, plain", plain_save),
        Figure("save a reflection with its plan, encrypted", sealed_save),
    ]
    emit(f"encryption, {args.reflections} reflections", figures, as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
