"""Persistence: one embedded DuckDB database whose schema this package owns."""

from redflags.store.schema import SCHEMA_VERSION, arrow_schema, id_field, table_name
from redflags.store.store import BATCH_ROWS, QuarantineEntry, Store, StoreError

__all__ = [
    "BATCH_ROWS",
    "SCHEMA_VERSION",
    "QuarantineEntry",
    "Store",
    "StoreError",
    "arrow_schema",
    "id_field",
    "table_name",
]
