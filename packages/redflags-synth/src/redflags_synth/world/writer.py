"""Writing a world folder: record files by kind, and the ground truth.

Layout (what `redflags scan DIR` reads; it ignores truth/ and images/):

    DIR/ads/part-00000.parquet            record kinds, each a folder of part files of at most
    DIR/messages/part-00000.parquet       500,000 rows, sorted by the kind's time field (posted_at,
    DIR/transactions/part-00000.parquet   sent_at, ts; customers by onboarded_at) within and across
    DIR/customers/part-00000.parquet      parts; columns and types exactly the canonical fields
    DIR/device_events/part-00000.parquet  (timestamp[us, UTC], date32, list<string>)
    DIR/kyc_events/part-00000.parquet     the KYC case log, by ts
    DIR/companies/part-00000.parquet      the company register, by owner_from
    DIR/images/<id>.jpg                   ad images named in image_refs
    DIR/truth/...                         ground truth, below

With `--format csv` the parts are `part-00000.csv` (UTF-8, header, ISO timestamps in UTC, lists
joined by ';'); truth stays Parquet.

Typology records are merged into the background stream by time, so neither file, position nor
neighbourhood sets them apart. Bytes are deterministic: fixed part and row-group sizes, fixed
compression, no wall-clock metadata; the same seed writes the same bytes.

Truth (truth/; the schemas are the scanner's, redflags.evaluation.truth_schema):
- networks.parquet: network_id, typology, positive (a trafficking network), hard_negative (a
  look-alike that must not become a case), description.
- entities.parquet: network_id, entity_kind (customer, account, phone, handle, image, ...),
  entity_id, role (victim, controller, recruiter, customer, benign); further text columns when
  typologies note more (image_base: the scene an image shows, shared by its variants).
- records.parquet: kind, record_id, network_id (null: a typology record outside any network),
  expected_indicators (list of indicator ids an expert expects to fire on the record). Records
  not listed are background: no network, no expected indicators.
- world.json: generator and version, seed, scale and its sizes, start and days, format, counts per
  kind (background, typology, total), typologies with their instances, images written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from redflags.evaluation.truth_schema import (
    ENTITIES_FILE,
    ENTITIES_SCHEMA,
    NETWORKS_FILE,
    NETWORKS_SCHEMA,
    RECORDS_FILE,
    RECORDS_SCHEMA,
    TRUTH_FOLDER,
    WORLD_FILE,
)
from redflags_synth.world.context import Truth
from redflags_synth.world.schema import TIME_FIELD, id_field, record_schema, table_name

PART_ROWS = 500_000
ROW_GROUP_ROWS = 100_000  # PART_ROWS is a multiple, so every part has whole row groups
FORMATS = ("parquet", "csv")
_PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 3,
    "use_dictionary": True,
    "write_statistics": True,
    "version": "2.6",
}


class KindWriter:
    """Writes one kind as part files, merging pending rows (the typologies') in by time.

    `write(table, horizon)` takes background rows of a slice of time; rows earlier than the
    horizon (from this table or pending) are written in (time, id) order and the rest wait for
    the next slice. `close()` writes whatever is left and returns the row count.
    """

    def __init__(self, out: Path, kind: str, fmt: str, pending: pa.Table | None = None) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        self.folder = out / table_name(kind)
        self.kind, self.fmt = kind, fmt
        self.schema = record_schema(kind)
        self.time, self.id = TIME_FIELD[kind], id_field(kind)
        self.pending = pending if pending is not None else self.schema.empty_table()
        self.buffer: list[pa.Table] = []
        self.buffered = 0
        self.rows = 0
        self.part_rows = 0
        self.part = 0
        self._writer: pq.ParquetWriter | pacsv.CSVWriter | None = None

    def write(self, table: pa.Table, horizon: int | None) -> None:
        merged = pa.concat_tables([self.pending, table.cast(self.schema)])
        if horizon is None:
            ready, self.pending = merged, self.schema.empty_table()
        else:
            times = pc.cast(merged.column(self.time), pa.int64())
            early = pc.fill_null(pc.less(times, horizon), True)  # no time: write it now
            ready, self.pending = merged.filter(early), merged.filter(pc.invert(early))
        self._emit(ready)

    def close(self) -> int:
        self._emit(self.pending)
        self.pending = self.schema.empty_table()
        self._flush(final=True)
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self.rows == 0:  # an empty kind still gets a file, so the layout never varies
            self._open()
            self._close_part()
        return self.rows

    # -- internals ------------------------------------------------------------------------------
    def _emit(self, table: pa.Table) -> None:
        if not table.num_rows:
            return
        order = pc.sort_indices(
            table, [(self.time, "ascending", "at_start"), (self.id, "ascending", "at_start")]
        )
        self.buffer.append(table.take(order))
        self.buffered += table.num_rows
        self._flush(final=False)

    def _flush(self, final: bool) -> None:
        """Write whole row groups; at the end, the remainder too."""
        if not self.buffered:
            return
        combined = pa.concat_tables(self.buffer).combine_chunks()
        start = 0
        while combined.num_rows - start >= ROW_GROUP_ROWS or (final and start < combined.num_rows):
            size = min(ROW_GROUP_ROWS, combined.num_rows - start)
            self._write_group(combined.slice(start, size))
            start += size
        rest = combined.slice(start)
        self.buffer, self.buffered = ([rest], rest.num_rows) if rest.num_rows else ([], 0)

    def _write_group(self, group: pa.Table) -> None:
        if self._writer is None:
            self._open()
        assert self._writer is not None
        if self.fmt == "parquet":
            assert isinstance(self._writer, pq.ParquetWriter)
            self._writer.write_table(group, row_group_size=ROW_GROUP_ROWS)
        else:
            self._writer.write_table(csv_table(group))
        self.rows += group.num_rows
        self.part_rows += group.num_rows
        if self.part_rows >= PART_ROWS:
            self._close_part()

    def _open(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"part-{self.part:05d}.{self.fmt}"
        if self.fmt == "parquet":
            self._writer = pq.ParquetWriter(path, self.schema, **_PARQUET_OPTIONS)
        else:
            self._writer = pacsv.CSVWriter(path, csv_table(self.schema.empty_table()).schema)

    def _close_part(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._writer = None
        self.part += 1
        self.part_rows = 0


def csv_table(table: pa.Table) -> pa.Table:
    """Lists joined by ';' (the default list separator of CSV sources); the rest as is."""
    columns = []
    for field, column in zip(table.schema, table.columns, strict=True):
        if pa.types.is_list(field.type):
            column = pc.binary_join(column, ";")
        columns.append(column)
    names = table.schema.names
    return pa.table(dict(zip(names, columns, strict=True)))


def write_truth(out: Path, truth: Truth, world: dict[str, Any]) -> None:
    """truth/networks.parquet, entities.parquet, records.parquet and world.json."""
    folder = out / TRUTH_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    networks = sorted(truth.networks, key=lambda n: n["network_id"])
    entities = sorted(
        truth.entities,
        key=lambda e: (e["network_id"], e["entity_kind"], e["entity_id"], e["role"]),
    )
    records = sorted(truth.records, key=lambda r: (r["kind"], r["record_id"]))
    for name, rows, schema in (
        (NETWORKS_FILE, networks, NETWORKS_SCHEMA),
        (ENTITIES_FILE, entities, ENTITIES_SCHEMA),
        (RECORDS_FILE, records, RECORDS_SCHEMA),
    ):
        # Typologies may note more about an entity (an image's scene key): extra text columns.
        extra = sorted({k for row in rows for k in row} - set(schema.names))
        for key in extra:
            schema = schema.append(pa.field(key, pa.string()))
        table = pa.Table.from_pylist(
            [
                {
                    k: (str(row[k]) if k in extra and row.get(k) is not None else row.get(k))
                    for k in schema.names
                }
                for row in rows
            ],
            schema=schema,
        )
        pq.write_table(table, folder / name, **_PARQUET_OPTIONS)
    text = json.dumps(world, indent=2, sort_keys=True, ensure_ascii=False)
    (folder / WORLD_FILE).write_text(text + "\n", encoding="utf-8")
