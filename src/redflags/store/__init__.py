"""Persistence: one embedded DuckDB database whose schema this package owns."""

from redflags.store.schema import SCHEMA_VERSION, arrow_schema, id_field, table_name
from redflags.store.store import (
    BATCH_ROWS,
    MIN_MEMORY,
    MergeCounts,
    QuarantineEntry,
    Store,
    StoreError,
    parse_size,
)

__all__ = [
    "BATCH_ROWS",
    "MIN_MEMORY",
    "SCHEMA_VERSION",
    "MergeCounts",
    "QuarantineEntry",
    "Store",
    "StoreError",
    "arrow_schema",
    "id_field",
    "parse_size",
    "table_name",
]
