"""Arrow schemas of a world's record files, derived from the canonical models (exactly the types
the store uses). The truth tables' schemas are the scanner's: redflags.evaluation.truth_schema."""

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
