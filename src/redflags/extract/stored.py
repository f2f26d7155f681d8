"""Identifiers extracted once per scan and kept: the rows of the store's `record_identifiers`
table, and the contacts of free texts read back from it.

A scan used to read the contacts of every ad and message text again in each detector that
lists a record's pivots and once more in the linker; past the contact cache's size (about
260,000 texts: a `medium` world) every one of those readings ran the careful extractor again.
The extract stage (stages/extract.py) now reads each text once, with the careful extractor
only where `cues.has_cue` says a contact may be, and stores every identifier. Inside
`stored_texts(...)` (evaluate and link), `identifiers_of` takes the contacts of a text from
here instead of reading the text again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from redflags.model import Identifier
from redflags.normalise.contact import Contact

TABLE = "record_identifiers"
# The free-text fields of each record kind (extract/identifiers.py reads them with
# `find_contacts`); every other identifier comes from a contact field.
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "ad": ("title", "body"),
    "message": ("text",),
    "observation": ("text",),
}
SCHEMA = pa.schema(
    [
        ("record_kind", pa.string()),
        ("record_id", pa.string()),
        ("position", pa.int32()),  # the identifier's place in `identifiers_of`'s list
        ("kind", pa.string()),
        ("value", pa.string()),
        ("field", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("raw", pa.string()),
        ("obfuscated", pa.bool_()),
        ("pivot", pa.string()),
        ("text_chars", pa.int32()),  # the length of the text it was read in (free text only)
    ]
)
COLUMNS = (
    'record_kind VARCHAR, record_id VARCHAR, "position" INTEGER, kind VARCHAR, value VARCHAR, '
    'field VARCHAR, start INTEGER, "end" INTEGER, raw VARCHAR, obfuscated BOOLEAN, '
    '"pivot" VARCHAR, text_chars INTEGER'
)  # PIVOT, POSITION and END are SQL words
CREATE = f"CREATE OR REPLACE TEMP TABLE {TABLE} ({COLUMNS})"


@dataclass
class IdentifierRows:
    """Identifiers gathered column by column, for one Arrow batch into the table."""

    columns: dict[str, list[Any]] = field(
        default_factory=lambda: {name: [] for name in SCHEMA.names}
    )

    def __len__(self) -> int:
        return len(self.columns["record_id"])

    def add(self, identifiers: Iterable[Identifier], record: Mapping[str, Any]) -> None:
        columns = self.columns
        for position, ident in enumerate(identifiers):
            text = record.get(ident.field) if ident.start is not None else None
            for name, value in (
                ("record_kind", ident.record_kind),
                ("record_id", ident.record_id),
                ("position", position),
                ("kind", ident.kind),
                ("value", ident.value),
                ("field", ident.field),
                ("start", ident.start),
                ("end", ident.end),
                ("raw", ident.raw),
                ("obfuscated", ident.obfuscated),
                ("pivot", ident.pivot),
                ("text_chars", len(text) if isinstance(text, str) else None),
            ):
                columns[name].append(value)

    def table(self) -> pa.Table:
        return pa.table(self.columns, schema=SCHEMA)


TextKey = tuple[str, str, str]  # record kind, record id, field


class StoredTexts:
    """The contacts of every free text the extract stage read, by record and field. A text
    absent from it had none. Only valid for the records of the store it was read from, in
    the region it was read in: `identifiers_of` falls back to reading the text when the
    region differs or the text is not the one read (its length differs)."""

    def __init__(self, region: str, contacts: dict[TextKey, tuple[int, tuple[Contact, ...]]]):
        self.region = region
        self._contacts = contacts

    @classmethod
    def from_rows(cls, region: str, rows: Iterable[tuple[Any, ...]]) -> StoredTexts:
        """Rows of (record_kind, record_id, field, text_chars, kind, value, start, end,
        obfuscated, raw), in text order within each text."""
        grouped: dict[TextKey, list[Contact]] = {}
        chars: dict[TextKey, int] = {}
        for record_kind, record_id, field_name, text_chars, *contact in rows:
            key = (str(record_kind), str(record_id), str(field_name))
            grouped.setdefault(key, []).append(Contact(*contact))
            chars[key] = int(text_chars)
        return cls(region, {key: (chars[key], tuple(found)) for key, found in grouped.items()})

    def contacts(
        self, record_kind: str, record_id: str, field_name: str, text: str, region: str
    ) -> tuple[Contact, ...] | None:
        """The stored contacts of this text, or None when this store cannot say."""
        if region != self.region:
            return None
        stored = self._contacts.get((record_kind, record_id, field_name))
        if stored is None:
            return ()
        chars, found = stored
        return found if chars == len(text) else None

    def __len__(self) -> int:
        return len(self._contacts)


_stored: StoredTexts | None = None


@contextmanager
def stored_texts(texts: StoredTexts) -> Iterator[None]:
    """Inside, `identifiers_of` reads free texts' contacts from `texts` (the records of one
    scan's store, which do not change while it runs)."""
    global _stored
    before, _stored = _stored, texts
    try:
        yield
    finally:
        _stored = before


def current() -> StoredTexts | None:
    return _stored
