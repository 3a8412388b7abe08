"""The plain-dict form of records: `to_dict` and `from_dict`.

`to_dict` makes a JSON-ready dict (datetimes as ISO-8601 with offset, money as decimal
strings, enums as their values); `from_dict` rebuilds a record from one, decoding each
field by its type hint (worked out once per class) and raising ModelError naming the
field for a bad value. It knows no record by name: any of them, nested ones included.
"""

from __future__ import annotations

import dataclasses
import functools
import types
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from debrief.model.values import ModelError, quoted

Record = TypeVar("Record")


def to_dict(record: Any) -> dict[str, Any]:
    """A JSON-ready dict of a record (nested records, enums, dates and money included)."""
    encoded = _encode(record)
    assert isinstance(encoded, dict)
    return encoded


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    return value


def from_dict(cls: type[Record], data: Any) -> Record:
    """Rebuild a record from `to_dict` output; a bad value raises ModelError naming it."""
    if not isinstance(data, dict):
        raise ModelError(cls.__name__, "must be an object")
    kwargs = {}
    for name, as_is, decode, required in _fields_of(cls):  # type: ignore[arg-type]
        raw = data.get(name, MISSING)
        if raw.__class__ in as_is:  # a plain string, whole number or null: nothing to do
            kwargs[name] = raw
        elif raw is not MISSING:
            kwargs[name] = decode(raw)
        elif required:
            raise ModelError(name, "is missing")
    try:
        return cls(**kwargs)
    except ModelError:
        raise
    except (TypeError, ValueError) as error:
        raise ModelError(cls.__name__, str(error)) from error


Decoder = Callable[[Any], Any]
MISSING = object()


@functools.cache
def _fields_of(cls: type) -> tuple[tuple[str, frozenset[type], Decoder, bool], ...]:
    """Each field's name, the classes of stored value kept as they are, the decoder of
    anything else, and whether it must be present (worked out once per class: reading
    type hints is slow, and a journal decodes thousands of records as it opens)."""
    hints = get_type_hints(cls)
    return tuple(
        (
            f.name,
            _kept_as_is(hints[f.name]),
            _decoder(f.name, hints[f.name]),
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
    )


def _kept_as_is(hint: Any) -> frozenset[type]:
    """Stored values of these exact classes are the field's value as they are. (Exact: a
    bool is not a whole number, though it is an int.)"""
    kept: set[type] = set()
    if get_origin(hint) in (Union, types.UnionType):
        kept.add(type(None))
        (hint,) = [a for a in get_args(hint) if a is not type(None)]
    if hint in (str, int, bool):
        kept.add(hint)
    return frozenset(kept)


def _decoder(name: str, hint: Any) -> Decoder:
    """The decoder of a stored value that is not kept as it is (`_kept_as_is`: a null of
    an optional field is, so an optional field's decoder is its type's)."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in get_args(hint) if a is not type(None)]
        return _decoder(name, inner)
    if origin is tuple:
        decode_item = _decoder(name, get_args(hint)[0])
        return lambda raw: tuple(decode_item(v) for v in _expect(name, raw, list))
    if hint is Any:
        return lambda raw: raw
    if origin is dict:
        return lambda raw: _expect(name, raw, dict)
    if dataclasses.is_dataclass(hint):
        return lambda raw: from_dict(hint, raw)  # type: ignore[arg-type]
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        members: dict[object, StrEnum] = {member.value: member for member in hint}
        return lambda raw: (
            (members.get(raw) if isinstance(raw, str) else None) or _not_a_member(name, hint, raw)
        )
    if hint in (datetime, date):
        return functools.partial(_parse_iso, name, hint.fromisoformat)
    if hint is Decimal:
        return lambda raw: _decimal(name, raw)
    if hint is int:
        return lambda raw: _whole_number(name, raw)
    if hint in (bool, str):
        return lambda raw: _expect(name, raw, hint)
    raise TypeError(f"no decoder for {hint!r}")  # a programming error, not bad data


def _not_a_member(name: str, enum: type[StrEnum], raw: Any) -> StrEnum:
    raise ModelError(name, f"{quoted(raw)} is not one of {[m.value for m in enum]}")


def _decimal(name: str, raw: Any) -> Decimal:
    try:
        return Decimal(_expect(name, raw, str))
    except InvalidOperation:
        raise ModelError(name, f"{quoted(raw)} is not a number") from None


def _whole_number(name: str, raw: Any) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise ModelError(name, f"{quoted(raw)} is not a whole number")
    return raw


def _expect(name: str, raw: Any, kind: type) -> Any:
    if not isinstance(raw, kind):
        raise ModelError(name, f"expected {kind.__name__}, got {type(raw).__name__}")
    return raw


def _parse_iso(name: str, parse: Callable[[str], Any], raw: Any) -> Any:
    try:
        return parse(raw)
    except TypeError:
        raise ModelError(name, f"expected str, got {type(raw).__name__}") from None
    except ValueError:
        raise ModelError(name, f"{quoted(raw)} is not an ISO-8601 date") from None
