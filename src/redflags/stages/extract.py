"""Stage 2, extract: the identifiers of every record, read once and stored in the store's
`record_identifiers` table (extract/stored.py), for the detectors and the linker.

Free texts go through two passes. DuckDB runs `cues.cue_pattern` over each text column at
once; a text with no cue there (and not four number words: `cues.has_cue`) holds no contact
and is not read by Python at all. Only the texts with a cue go to the careful extractor
(`normalise.contacts.find_contacts`, through `identifiers_of`). The SQL that reads the records
for it lives here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import duckdb

from redflags.extract import IDENTITY_KINDS, identifiers_of
from redflags.extract.cues import cue_pattern, has_cue
from redflags.extract.stored import CREATE, TABLE, TEXT_FIELDS, IdentifierRows, StoredTexts
from redflags.model import KIND_TABLES, RecordKind
from redflags.stages.context import ScanContext, Workspace

BATCH = 50_000  # rows fetched, and identifiers inserted, at a time


@dataclass(frozen=True)
class Extracted:
    identifiers: int  # rows of the table
    careful_texts: int  # free texts the careful extractor read (they had a cue)
    plain_texts: int  # free texts without a cue: no contact, not read by Python


# (the store's connection, the region) -> the table filled, as `extract_identifiers` does
Extract = Callable[[duckdb.DuckDBPyConnection, str], Extracted]


class ExtractStage:
    def __init__(self, context: ScanContext) -> None:
        self.context = context

    def run(self, workspace: Workspace, extract: Extract | None = None) -> Extracted:
        """`extract`: another way to fill the table (an incremental scan's, reading only the
        records it touches)."""
        self.context.progress.stage("extract identifiers")
        with workspace.store.memory_guard("extracting identifiers"):
            return (extract or extract_identifiers)(workspace.store.connection, self.context.region)


def extract_identifiers(connection: duckdb.DuckDBPyConnection, region: str) -> Extracted:
    """Fill `record_identifiers` with the identifiers of every record of the identity kinds."""
    connection.execute(CREATE)
    careful = plain = 0
    rows = IdentifierRows()
    for kind in IDENTITY_KINDS:
        table, id_field = KIND_TABLES[RecordKind(kind)]
        fields = TEXT_FIELDS.get(kind, ())
        cues = "".join(
            f', regexp_matches(coalesce("{f}", \'\'), $cue) AS "_cue_{f}"' for f in fields
        )
        # a cursor of its own streams the records; the temp table lives on `connection`
        result = connection.cursor().execute(
            f'SELECT *{cues} FROM {table} ORDER BY "{id_field}"',
            {"cue": cue_pattern()} if fields else None,
        )
        names = [d[0] for d in result.description]
        while batch := result.fetchmany(BATCH):
            for values in batch:
                record = dict(zip(names, values, strict=True))
                for f in fields:
                    if not record.get(f):
                        continue
                    if has_cue(record[f], record.pop(f"_cue_{f}")):
                        careful += 1
                    else:
                        plain += 1
                        record[f] = None  # no contact can be in it: not read again
                rows.add(identifiers_of(kind, record, region), record)
            if len(rows) >= BATCH:
                _insert(connection, rows)
                rows = IdentifierRows()
    _insert(connection, rows)
    # fetchall: a result left open would block the connection's next query
    count = connection.execute(f"SELECT count(*) FROM {TABLE}").fetchall()[0][0]
    return Extracted(int(count), careful, plain)


def _insert(connection: duckdb.DuckDBPyConnection, rows: IdentifierRows) -> None:
    if not len(rows):
        return
    connection.register("extract_batch", rows.table())
    try:
        connection.execute(f"INSERT INTO {TABLE} SELECT * FROM extract_batch")
    finally:
        connection.unregister("extract_batch")


def read_back(connection: duckdb.DuckDBPyConnection, region: str) -> StoredTexts:
    """The contacts of the free texts, read back from the table (what evaluate and link use
    instead of reading the texts again)."""
    result = connection.execute(
        'SELECT record_kind, record_id, field, text_chars, kind, value, start, "end", '
        f"obfuscated, raw FROM {TABLE} WHERE start IS NOT NULL "
        'ORDER BY record_kind, record_id, field, "position"'
    )
    return StoredTexts.from_rows(region, _batched(result))


def _batched(result: duckdb.DuckDBPyConnection) -> Iterator[tuple[Any, ...]]:
    while batch := result.fetchmany(BATCH):
        yield from batch
