"""The store: schema derived from the record models, idempotent inserts, bookkeeping."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pytest

from redflags.model.records import KIND_TABLES, RecordKind, field_specs
from redflags.store import SCHEMA_VERSION, QuarantineEntry, Store, StoreError
from redflags.store import store as store_module


def txn(txn_id: str, **overrides: object) -> dict[str, object]:
    row: dict[str, object] = {
        "txn_id": txn_id,
        "ts": datetime(2024, 1, 5, 20, 30, tzinfo=UTC),
        "payer": "DK001",
        "payee": "DK002",
        "amount": 500.0,
        "currency": "DKK",
        "channel": "p2p",
    }
    row.update(overrides)
    return row


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(None) as opened:
        yield opened


def columns(store: Store, table: str) -> dict[str, str]:
    rows = store.connection.execute(f"DESCRIBE {table}").fetchall()
    return {r[0]: r[1] for r in rows}


def test_one_table_per_kind_with_every_canonical_field_and_provenance(store: Store) -> None:
    for kind, (table, _) in KIND_TABLES.items():
        expected = [s.name for s in field_specs(kind)] + ["_source", "_file", "_line"]
        assert list(columns(store, table)) == expected


def test_column_types_follow_the_model(store: Store) -> None:
    assert columns(store, "transactions")["ts"] == "TIMESTAMP WITH TIME ZONE"
    assert columns(store, "transactions")["amount"] == "DOUBLE"
    assert columns(store, "transactions")["channel"] == "VARCHAR"
    assert columns(store, "customers")["birth_date"] == "DATE"
    assert columns(store, "ads")["image_refs"] == "VARCHAR[]"
    assert columns(store, "ads")["_line"] == "BIGINT"


def test_bookkeeping_tables_exist(store: Store) -> None:
    assert list(columns(store, "quarantine")) == [
        "_source",
        "_file",
        "_line",
        "kind",
        "reason",
        "raw",
    ]
    assert list(columns(store, "ingested_files")) == [
        "sha256",
        "path",
        "source",
        "kind",
        "read",
        "stored",
        "quarantined",
        "ingested_at",
    ]
    meta = dict(store.connection.execute("SELECT key, value FROM meta").fetchall())
    assert meta["schema_version"] == str(SCHEMA_VERSION)


def test_session_time_zone_is_utc(store: Store) -> None:
    zone = store.connection.execute("SELECT current_setting('TimeZone')").fetchall()[0]
    assert zone == ("UTC",)


def test_insert_counts_new_rows_and_ignores_same_source_and_id(store: Store) -> None:
    assert store.insert_records("transaction", [txn("T1"), txn("T2")], "bank", "a.csv", [2, 3]) == 2
    assert store.insert_records(RecordKind.TRANSACTION, [txn("T2"), txn("T3")], "bank") == 1
    assert store.count("transaction") == 3
    # The same id from another source is another record.
    assert store.insert_records("transaction", [txn("T1")], "other") == 1
    assert store.count("transactions") == 4
    assert store.count("transaction", source="bank") == 3


def test_duplicates_inside_one_batch_keep_the_first(store: Store) -> None:
    inserted = store.insert_records(
        "transaction", [txn("T1", amount=1.0), txn("T1", amount=2.0)], "bank"
    )
    assert inserted == 1
    assert store.connection.execute("SELECT amount FROM transactions").fetchall() == [(1.0,)]


def test_insert_goes_in_batches(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "BATCH_ROWS", 3)
    rows = [txn(f"T{i}") for i in range(10)]
    assert store.insert_records("transaction", rows, "bank", "f.csv", list(range(2, 12))) == 10
    lines = store.connection.execute("SELECT _line FROM transactions ORDER BY _line").fetchall()
    assert [r[0] for r in lines] == list(range(2, 12))


def test_values_round_trip_with_provenance(store: Store) -> None:
    copenhagen_winter = timezone(timedelta(hours=1))
    store.insert_records(
        "transaction",
        [txn("T1", ts=datetime(2024, 1, 5, 21, 30, tzinfo=copenhagen_winter))],
        "bank",
        "bank/transactions.csv",
        [7],
    )
    store.insert_records(
        "ad",
        [
            {
                "ad_id": "A1",
                "posted_at": datetime(2024, 3, 1, tzinfo=UTC),
                "image_refs": ("img1", "img2"),
                "languages": (),
            }
        ],
        "site",
    )
    ts, source, file, line = store.connection.execute(
        "SELECT ts, _source, _file, _line FROM transactions"
    ).fetchall()[0]
    assert ts == datetime(2024, 1, 5, 20, 30, tzinfo=UTC)
    assert (source, file, line) == ("bank", "bank/transactions.csv", 7)
    refs, langs = store.connection.execute("SELECT image_refs, languages FROM ads").fetchall()[0]
    assert (refs, langs) == (["img1", "img2"], [])


def test_required_fields_are_not_null(store: Store) -> None:
    with pytest.raises(duckdb.ConstraintException):
        store.insert_records("transaction", [txn("T1", payer=None)], "bank")


def test_line_numbers_must_match_rows(store: Store) -> None:
    with pytest.raises(ValueError, match="2 rows but 1 line"):
        store.insert_records("transaction", [txn("T1"), txn("T2")], "bank", "f.csv", [2])


def test_quarantine_and_file_bookkeeping(store: Store) -> None:
    entries = [QuarantineEntry(3, "amount: not a number 'abc'", '{"amount": "abc"}')]
    assert store.insert_quarantine("transaction", "bank", "t.csv", entries) == 1
    assert store.insert_quarantine("transaction", "bank", "t.csv", []) == 0
    assert store.count("quarantine") == 1
    row = store.connection.execute("SELECT * FROM quarantine").fetchall()[0]
    assert row == ("bank", "t.csv", 3, "transaction", "amount: not a number 'abc'", row[5])

    assert not store.file_seen("abc", "bank")
    store.record_file(
        "abc", path="t.csv", source="bank", kind="transaction", read=3, stored=2, quarantined=1
    )
    assert store.file_seen("abc", "bank")
    assert not store.file_seen("abc", "other")  # the same file may feed another source
    assert store.count("ingested_files") == 1


def test_transaction_rolls_back_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.insert_records("transaction", [txn("T1")], "bank")
        with store.transaction():  # nested: joins the outer one
            store.insert_records("transaction", [txn("T2")], "bank")
        raise RuntimeError("boom")
    assert store.count("transaction") == 0
    with store.transaction():
        store.insert_records("transaction", [txn("T1")], "bank")
    assert store.count("transaction") == 1


def test_file_database_persists_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "redflags.duckdb"
    with Store.open(path) as first:
        first.insert_records("transaction", [txn("T1")], "bank")
    with Store.open(path) as second:  # creating tables again is a no-op
        assert second.count("transaction") == 1
        assert second.path == path
    with Store.open(path, read_only=True) as reader:
        assert reader.count("transaction") == 1


def test_refuses_foreign_or_mismatched_databases(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE people (name VARCHAR)")
    con.close()
    with pytest.raises(StoreError, match="not a redflags store"):
        Store.open(foreign)

    old = tmp_path / "old.duckdb"
    Store.open(old).close()
    con = duckdb.connect(str(old))
    con.execute("UPDATE meta SET value = 'something-else' WHERE key = 'schema_fingerprint'")
    con.close()
    with pytest.raises(StoreError, match="new database"):
        Store.open(old)


def test_count_rejects_unknown_tables(store: Store) -> None:
    with pytest.raises(ValueError):
        store.count("people")


def test_merge_staged_inserts_updates_with_history_and_counts_unchanged(store: Store) -> None:
    store.insert_records("transaction", [txn("T1"), txn("T2")], "bank", "old.csv", [2, 3])
    stage = store.create_stage("transaction")
    store.append_stage(
        "transaction", stage, [txn("T1"), txn("T2", amount=99.0), txn("T3")], [5, 6, 7]
    )
    assert store.staged_lines("transaction", stage, ["T2", "T9"]) == {"T2": 6}
    counts = store.merge_staged("transaction", stage, "bank", "new.csv")
    store.drop_stage(stage)
    assert (counts.new, counts.updated, counts.unchanged) == (1, 1, 1)
    rows = store.connection.execute(
        "SELECT txn_id, amount, _file, _line FROM transactions ORDER BY txn_id"
    ).fetchall()
    assert rows == [
        ("T1", 500.0, "old.csv", 2),  # identical: provenance unchanged
        ("T2", 99.0, "new.csv", 6),
        ("T3", 500.0, "new.csv", 7),
    ]
    [(record_id, old_row)] = store.connection.execute(
        "SELECT record_id, old_row FROM record_versions"
    ).fetchall()
    assert record_id == "T2" and '"amount":500.0' in old_row and '"_file":"old.csv"' in old_row
    # another source with the same id is another record
    stage = store.create_stage("transaction")
    store.append_stage("transaction", stage, [txn("T2", amount=1.0)], [1])
    assert store.merge_staged("transaction", stage, "other", "o.csv").new == 1
