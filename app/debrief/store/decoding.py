"""Stored documents decoded into validated model records, or a refusal that says where.

A damaged record refuses the whole file: the message names the file, the record (table
and id) and the field, says the file was left untouched and where its backup is. So does
a record that names one that is not there (`check_links`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

from tinydb.table import Document

from debrief.model import ModelError, from_dict, quoted
from debrief.store.fileformat import refusal
from debrief.store.files import JournalError

Record = TypeVar("Record")


def decode(
    record_class: type[Record],
    table_name: str,
    document: Document | dict[str, Any],
    path: Path,
) -> Record:
    """A validated record, or JournalError naming the file, record and field."""
    try:
        return from_dict(record_class, document)
    except ModelError as error:
        doc_id = getattr(document, "doc_id", "?")
        record_id = document.get("id") if isinstance(document, dict) else None
        name = record_id if isinstance(record_id, str) else f"#{doc_id}"
        reason = f"{path}: record {table_name}/{name}, field {error.field}: {error.message}."
        raise JournalError(refusal(path, reason)) from error


def decode_tables(
    data: dict[str, Any], tables: dict[str, type[Any]], path: Path
) -> dict[str, dict[str, Any]]:
    """Every record of a raw file's `tables` decoded, by table and id (JournalError at the
    first bad one)."""
    decoded: dict[str, dict[str, Any]] = {}
    for table_name, record_class in tables.items():
        documents = data.get(table_name, {})
        if not isinstance(documents, dict):
            raise JournalError(refusal(path, f"{path}: table {table_name} is not an object."))
        records = decoded.setdefault(table_name, {})
        for doc_id, document in documents.items():
            stored = Document(document, doc_id=doc_id)
            record = decode(record_class, table_name, stored, path)
            records[str(getattr(record, "id", doc_id))] = record
    return decoded


LINKS = (  # a record of the first table belongs to one of the last, named by this field
    ("reflections", "opportunity_id", "opportunities"),
    ("interviews", "opportunity_id", "opportunities"),
    ("followups", "reflection_id", "reflections"),
)


def check_links(records: Mapping[str, Mapping[str, Any]], path: Path) -> None:
    """Refuse a file in which a record belongs to one that is not there (a reflection or
    an interview without its opportunity, a follow-up without its reflection): every
    screen and command takes these links as given, and an import refuses them too."""
    for table_name, field_name, parent in LINKS:
        if table_name not in records or parent not in records:
            continue  # (a listing leaves the follow-ups unread)
        for record_id, record in records[table_name].items():
            if getattr(record, field_name) not in records[parent]:
                reason = (
                    f"{path}: record {table_name}/{record_id[:40]}, field {field_name}: "
                    f"{quoted(getattr(record, field_name))} names none of the file's {parent}."
                )
                raise JournalError(refusal(path, reason))
