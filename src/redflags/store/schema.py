"""The store's tables, derived from the canonical record models so no field list is kept twice."""

from __future__ import annotations

import hashlib
from datetime import date, datetime

import pyarrow as pa

from redflags.model.records import KIND_TABLES, FieldSpec, RecordKind, field_specs

# Bump when the layout of the bookkeeping tables changes. Changes of the record models are caught
# by the fingerprint below, so a database built for other models is refused instead of misread.
SCHEMA_VERSION = 2  # 2: record_versions (the rows a re-ingest replaced)

# Provenance columns every record table carries after its canonical fields.
PROVENANCE = ("_source", "_file", "_line")

_SQL_TYPES: dict[type, str] = {
    str: "VARCHAR",
    datetime: "TIMESTAMPTZ",
    date: "DATE",
    float: "DOUBLE",
}

_ARROW_TYPES: dict[type, pa.DataType] = {
    str: pa.string(),
    datetime: pa.timestamp("us", tz="UTC"),
    date: pa.date32(),
    float: pa.float64(),
}


def table_name(kind: RecordKind) -> str:
    return KIND_TABLES[kind][0]


def id_field(kind: RecordKind) -> str:
    return KIND_TABLES[kind][1]


def sql_type(spec: FieldSpec) -> str:
    base = _SQL_TYPES[spec.base]
    return f"{base}[]" if spec.many else base


def arrow_type(spec: FieldSpec) -> pa.DataType:
    base = _ARROW_TYPES[spec.base]
    return pa.list_(base) if spec.many else base


def arrow_schema(kind: RecordKind) -> pa.Schema:
    """The Arrow schema of a batch headed for a record table, provenance included."""
    fields = [pa.field(s.name, arrow_type(s)) for s in field_specs(kind)]
    fields += [
        pa.field("_source", pa.string(), nullable=False),
        pa.field("_file", pa.string()),
        pa.field("_line", pa.int64()),
    ]
    return pa.schema(fields)


def record_table_ddl(kind: RecordKind) -> str:
    # Required canonical fields are NOT NULL, so a bug upstream cannot store half a record.
    columns = [
        f"{s.name} {sql_type(s)}{' NOT NULL' if s.required else ''}" for s in field_specs(kind)
    ]
    columns += ["_source VARCHAR NOT NULL", "_file VARCHAR", "_line BIGINT"]
    columns.append(f"PRIMARY KEY (_source, {id_field(kind)})")
    body = ",\n  ".join(columns)
    return f"CREATE TABLE IF NOT EXISTS {table_name(kind)} (\n  {body}\n)"


BOOKKEEPING_DDL = (
    """CREATE TABLE IF NOT EXISTS meta (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS quarantine (
  _source VARCHAR NOT NULL,
  _file VARCHAR,
  _line BIGINT,
  kind VARCHAR NOT NULL,
  reason VARCHAR NOT NULL,
  raw VARCHAR
)""",
    """CREATE TABLE IF NOT EXISTS ingested_files (
  sha256 VARCHAR NOT NULL,
  path VARCHAR NOT NULL,
  source VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  read BIGINT NOT NULL,
  stored BIGINT NOT NULL,
  quarantined BIGINT NOT NULL,
  ingested_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (sha256, source)
)""",
    # A re-ingested record whose content changed replaces the stored one; the replaced row is
    # kept here (as JSON, provenance included) with the file and line that replaced it.
    """CREATE TABLE IF NOT EXISTS record_versions (
  kind VARCHAR NOT NULL,
  _source VARCHAR NOT NULL,
  record_id VARCHAR NOT NULL,
  old_row VARCHAR NOT NULL,
  replaced_at TIMESTAMPTZ NOT NULL,
  replaced_by_file VARCHAR,
  replaced_by_line BIGINT
)""",
)


def all_ddl() -> list[str]:
    return [*BOOKKEEPING_DDL, *(record_table_ddl(k) for k in RecordKind)]


def fingerprint() -> str:
    """A short digest of the whole DDL: changes whenever a model field or table changes."""
    text = f"{SCHEMA_VERSION}\n" + "\n".join(all_ddl())
    return hashlib.sha256(text.encode()).hexdigest()[:16]
