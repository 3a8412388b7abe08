"""Parsing a big journal a piece at a time, so that a thread parsing it leaves the UI be.

`orjson.loads` holds the interpreter for the whole call: 0.3–0.4 s for a 72 MB journal,
during which a key pressed in the app waits. The journal is an object of tables, each
an object of documents keyed by number, written compactly (`"7":{...},"8":{...}`), so it
can be cut between two documents, at a `},"<digits>":{` found near every megabyte, and
each piece parsed on its own, wrapped to look whole: the first as `<piece>}}`, the
others as `{"<table>":{<piece>}}` (the table that was open at the cut), the last as
`{"<table>":{<piece>`. The interpreter can switch threads between pieces.

Why the result is exactly `orjson.loads` of the whole: such a cut can't be inside a
string (a quote there is escaped), and a wrapped piece parses only if the cut before it
is inside a table between two documents: the wrapper's `{"<table>":{` stands for what
precedes it then, and the closing `}}` balances only if its own end is such a cut too.
So each piece is a run of one table's documents, perhaps with whole tables after it,
and merging them in order rebuilds the whole. Any piece that does not parse (a file not
laid out this way, or a cut in the wrong place) and the whole file is parsed at once.
"""

from __future__ import annotations

import re
from typing import Any

import orjson

PIECE_BYTES = 1 << 20
_BETWEEN_DOCUMENTS = re.compile(rb'\},"\d+":\{')


class _NotInPieces(Exception):
    """A piece that does not stand alone: parse the whole instead."""


def loads_in_pieces(payload: bytes, piece_bytes: int = PIECE_BYTES) -> Any:
    """`orjson.loads(payload)`, a piece at a time when the payload is big (raises
    `orjson.JSONDecodeError` as it would)."""
    cuts = _cuts(payload, piece_bytes)
    if cuts:
        try:
            return _merged(payload, cuts)
        except (_NotInPieces, orjson.JSONDecodeError):
            pass
    return orjson.loads(payload)


def _cuts(payload: bytes, piece_bytes: int) -> list[int]:
    """Offsets of commas between two documents, about `piece_bytes` apart."""
    cuts: list[int] = []
    position = piece_bytes
    while position < len(payload):
        found = _BETWEEN_DOCUMENTS.search(payload, position)
        if found is None:
            break
        cut = found.start() + 1
        cuts.append(cut)
        position = cut + piece_bytes
    return cuts


def _merged(payload: bytes, cuts: list[int]) -> dict[str, Any]:
    whole: dict[str, Any] = {}
    open_table = ""
    starts, ends = [0, *(cut + 1 for cut in cuts)], [*cuts, len(payload)]
    last = len(cuts)
    for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
        piece = payload[start:end]
        if index == 0:
            parsed = orjson.loads(piece + b"}}")
        else:
            name = orjson.dumps(open_table)
            if b"}," + name + b":{" in piece:  # named again further on? a whole parse decides
                raise _NotInPieces
            parsed = orjson.loads(b"{" + name + b":{" + piece + (b"" if index == last else b"}}"))
        if not isinstance(parsed, dict) or not parsed:
            raise _NotInPieces
        tables = iter(parsed.items())
        if index > 0:  # the table cut open at the start of this piece: its documents go on
            continued, documents = next(tables)
            if continued != open_table or not isinstance(documents, dict):
                raise _NotInPieces
            whole[continued].update(documents)
        for table_name, table in tables:
            whole[table_name] = table  # (named twice: the last wins, as in a whole parse)
        if index < last:
            open_table = next(reversed(parsed))
            if not isinstance(whole[open_table], dict):
                raise _NotInPieces
    return whole
