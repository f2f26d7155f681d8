"""Shared fixtures: an in-memory store filled from example-style record dicts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from redflags.engines import DuckDBEngine
from redflags.ingest import ingest_records
from redflags.model import KIND_TABLES, RecordKind
from redflags.store import Store

TABLE_KINDS = {table: kind for kind, (table, _) in KIND_TABLES.items()}


def load_records(store: Store, records: dict[str, list[dict[str, Any]]]) -> None:
    """Ingest records keyed by table name; fail loudly if any row is quarantined."""
    for table, rows in records.items():
        report = ingest_records(store, TABLE_KINDS[table], rows, source="test")
        assert report.quarantined == 0, f"{table}: a test row was quarantined"


@pytest.fixture(autouse=True)
def _redaction_key(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests never touch the user's key file.
    monkeypatch.setenv(
        "REDFLAGS_REDACTION_KEY", "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"
    )


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(None) as opened:
        yield opened


@pytest.fixture
def engine_for(store: Store) -> Any:
    def build(records: dict[str, list[dict[str, Any]]]) -> DuckDBEngine:
        load_records(store, records)
        return DuckDBEngine(store.connection)

    return build


__all__ = ["TABLE_KINDS", "RecordKind", "load_records"]
