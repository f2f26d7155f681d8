"""Arrow schemas of a world's files: the record kinds (derived from the canonical models,
exactly the types the store uses) and the truth tables."""

from __future__ import annotations

from functools import cache

import pyarrow as pa

from redflags.model.records import KIND_TABLES, RecordKind, field_specs
from redflags.store.schema import arrow_type

# The field each kind is ordered by in its files (customers by when they joined).
TIME_FIELD = {
    "ad": "posted_at",
    "message": "sent_at",
    "transaction": "ts",
    "customer": "onboarded_at",
    "device_event": "ts",
    "kyc_event": "ts",
    "company": "owner_from",
    "observation": "observed_at",
}


@cache
def record_schema(kind: str) -> pa.Schema:
    """Canonical fields in model order; required fields are non-nullable."""
    return pa.schema(
        [
            pa.field(s.name, arrow_type(s), nullable=not s.required)
            for s in field_specs(RecordKind(kind))
        ]
    )


def table_name(kind: str) -> str:
    return KIND_TABLES[RecordKind(kind)][0]


def id_field(kind: str) -> str:
    return KIND_TABLES[RecordKind(kind)][1]


NETWORKS_SCHEMA = pa.schema(
    [
        pa.field("network_id", pa.string(), nullable=False),
        pa.field("typology", pa.string(), nullable=False),
        pa.field("positive", pa.bool_(), nullable=False),
        pa.field("hard_negative", pa.bool_(), nullable=False),
        pa.field("description", pa.string()),
    ]
)
ENTITIES_SCHEMA = pa.schema(
    [
        pa.field("network_id", pa.string(), nullable=False),
        pa.field("entity_kind", pa.string(), nullable=False),
        pa.field("entity_id", pa.string(), nullable=False),
        pa.field("role", pa.string(), nullable=False),
    ]
)
RECORDS_SCHEMA = pa.schema(
    [
        pa.field("kind", pa.string(), nullable=False),
        pa.field("record_id", pa.string(), nullable=False),
        pa.field("network_id", pa.string()),
        pa.field("expected_indicators", pa.list_(pa.string()), nullable=False),
    ]
)
