"""A journal parsed a piece at a time reads exactly as parsed whole, whatever is in it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debrief.demo import build_demo_journal
from debrief.store import pieces
from debrief.store.pieces import loads_in_pieces
from tests.samples import NOW

TRICKY = ['},"1":{', '}},"reflections":{', '"', "\\", "}", "{", ",", "\n", "é", "🙂"]
texts = st.lists(st.sampled_from(TRICKY) | st.text(max_size=8), max_size=6).map("".join)
values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | texts,
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["1", "2", "a", "reflections", "x"]) | texts, inner, max_size=3),
    max_leaves=8,
)  # fmt: skip
documents = st.dictionaries(st.integers(1, 40).map(str), st.dictionaries(texts, values, max_size=3))
journals = st.dictionaries(
    st.sampled_from(["_checkpoint", "followups", "meta", "reflections", "1", "x"]) | texts,
    documents,
    max_size=4,
)


@settings(max_examples=150, deadline=None)
@given(journal=journals, sort=st.booleans(), piece_bytes=st.integers(1, 200))
def test_pieces_read_as_the_whole(journal: dict[str, Any], sort: bool, piece_bytes: int) -> None:
    payload = orjson.dumps(journal, option=orjson.OPT_SORT_KEYS if sort else None)
    assert loads_in_pieces(payload, piece_bytes) == orjson.loads(payload)


@pytest.mark.parametrize(
    "payload",
    [
        b'{"a":{"1":{},"2":{}},"a":{"3":{}}}',  # a table named twice: the last one wins
        b'{"a":{"1":{},"2":{},"3":{}}}  \n',
        b'[{"a":{"1":{},"2":{}}}]',
        b'{"a":{"1":{"b":{"1":{},"2":{}}},"2":{}}}',  # a cut inside a document
    ],
)
def test_odd_files_read_as_the_whole(payload: bytes) -> None:
    assert loads_in_pieces(payload, 1) == orjson.loads(payload)


@pytest.mark.parametrize("payload", [b'{"a":{"1":{},"2":{}}', b'{"a":{"1":{},"2":{}}}}', b"{,}"])
def test_invalid_json_is_refused_as_the_whole_would_be(payload: bytes) -> None:
    with pytest.raises(orjson.JSONDecodeError):
        orjson.loads(payload)
    with pytest.raises(orjson.JSONDecodeError):
        loads_in_pieces(payload, 1)


def test_a_real_journal_is_read_in_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "journal.json"
    build_demo_journal(path, NOW)
    payload = path.read_bytes()
    whole_parses: list[int] = []
    real_loads = orjson.loads

    def counted(data: bytes) -> Any:
        if len(data) == len(payload):
            whole_parses.append(len(data))
        return real_loads(data)

    monkeypatch.setattr(pieces.orjson, "loads", counted)
    assert loads_in_pieces(payload, 2_000) == real_loads(payload)
    assert whole_parses == []  # every piece stood alone: the interpreter was let go between
