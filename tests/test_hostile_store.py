"""Issue #11 for the store: re-ingest semantics, idempotent quarantine, and a store that
cannot be used (locked, a folder, a text file, no memory) stopping with one line."""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from redflags.ingest import IngestReport, SourceDescriptor, ingest_file, ingest_records
from redflags.ingest import ingest as ingest_module
from redflags.store import Store, StoreError

TXN_HEADER = "txn_id,ts,payer,payee,amount,channel\n"


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(None) as opened:
        yield opened


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def bank() -> SourceDescriptor:
    return SourceDescriptor(name="bank", kind="transaction")


def rows_of(store: Store, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    return store.connection.execute(sql, params or []).fetchall()


def reconciles(report: IngestReport, store: Store) -> IngestReport:
    """The counts add up, and every row counted stored is in the store with this content."""
    assert report.read == report.stored + report.quarantined
    assert report.stored == report.stored_new + report.updated + report.already_stored
    assert store.count("transaction", report.source) >= report.stored
    return report


# -- 1. re-ingest: update with history, idempotent quarantine, bounded duplicate check ---------


def test_a_corrected_row_updates_the_record_and_keeps_the_old_version(
    store: Store, tmp_path: Path
) -> None:
    first = write(
        tmp_path / "v1" / "transactions.csv",
        TXN_HEADER + "T1,2024-01-05,a,b,100,p2p\nT2,2024-01-05,a,b,2,p2p\n",
    )
    second = write(
        tmp_path / "v2" / "transactions.csv",
        TXN_HEADER
        + "T1,2024-01-05,a,b,150,p2p\nT2,2024-01-05,a,b,2,p2p\nT3,2024-01-06,a,b,3,p2p\n",
    )
    reconciles(ingest_file(store, first, bank()), store)
    report = reconciles(ingest_file(store, second, bank()), store)
    assert (report.read, report.stored_new, report.updated, report.already_stored) == (3, 1, 1, 1)
    assert "updated 1" in report.summary()
    # the store holds the corrected value, from the file that corrected it
    assert rows_of(store, "SELECT amount, _file, _line FROM transactions WHERE txn_id = 'T1'") == [
        (150.0, str(second), 2)
    ]
    [(kind, source, record_id, old_row, by_file, by_line)] = rows_of(
        store,
        "SELECT kind, _source, record_id, old_row, replaced_by_file, replaced_by_line "
        "FROM record_versions",
    )
    assert (kind, source, record_id, by_file, by_line) == (
        "transaction",
        "bank",
        "T1",
        str(second),
        2,
    )
    old = json.loads(old_row)
    assert old["amount"] == 100.0 and old["_file"] == str(first) and old["_line"] == 2


def test_identical_rows_stay_already_stored_and_leave_no_history(store: Store) -> None:
    rows = [
        {
            "txn_id": "T1",
            "ts": "2024-01-05",
            "payer": "a",
            "payee": "b",
            "amount": 1,
            "channel": "p2p",
        }
    ]
    reconciles(ingest_records(store, "transaction", rows, "bank"), store)
    again = reconciles(ingest_records(store, "transaction", rows, "bank"), store)
    assert (again.stored_new, again.updated, again.already_stored) == (0, 0, 1)
    assert store.count("record_versions") == 0


def test_the_fast_parquet_path_updates_the_same_way(store: Store, tmp_path: Path) -> None:
    ts = datetime(2026, 9, 1, tzinfo=UTC)

    def part(name: str, amounts: list[float]) -> Path:
        path = tmp_path / name / "transactions.parquet"
        path.parent.mkdir()
        ids = [f"T{i}" for i in range(len(amounts))]
        n = len(ids)
        table = pa.table(
            {
                "txn_id": ids,
                "ts": [ts] * n,
                "payer": ["a"] * n,
                "payee": ["b"] * n,
                "amount": amounts,
                "channel": ["p2p"] * n,
            }
        )
        pq.write_table(table, path)
        return path

    reconciles(ingest_file(store, part("v1", [1.0, 2.0]), bank()), store)
    report = reconciles(ingest_file(store, part("v2", [1.0, 5.0, 7.0]), bank()), store)
    assert (report.stored_new, report.updated, report.already_stored) == (1, 1, 1)
    assert rows_of(store, "SELECT amount FROM transactions WHERE txn_id = 'T1'") == [(5.0,)]
    assert rows_of(store, "SELECT record_id FROM record_versions") == [("T1",)]


def test_a_growing_export_does_not_quarantine_its_bad_rows_twice(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "transactions.csv"
    write(path, TXN_HEADER + "T1,2024-01-05,a,b,abc,p2p\nT2,2024-01-05,a,b,2,p2p\n")
    reconciles(ingest_file(store, path, bank()), store)
    write(
        path,
        TXN_HEADER + "T1,2024-01-05,a,b,abc,p2p\nT2,2024-01-05,a,b,2,p2p\n"
        "T3,2024-01-06,a,b,3,p2p\n",
    )  # the same export, one day longer
    report = reconciles(ingest_file(store, path, bank()), store)
    assert report.quarantined == 1  # the file's own count is still what its reading found
    assert rows_of(store, "SELECT _line, reason FROM quarantine") == [
        (2, "amount: not a number 'abc'")
    ]


def test_ingesting_the_same_records_twice_quarantines_once(store: Store) -> None:
    rows = [
        {
            "txn_id": "T1",
            "ts": "not a time",
            "payer": "a",
            "payee": "b",
            "amount": 1,
            "channel": "p2p",
        }
    ]
    for _ in range(2):
        assert (
            reconciles(ingest_records(store, "transaction", rows, "bank"), store).quarantined == 1
        )
    assert store.count("quarantine") == 1


def test_duplicate_ids_are_found_across_batches(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # batches of 2 rows: the duplicates lie in later batches than their first occurrence
    monkeypatch.setattr(ingest_module, "BATCH_ROWS", 2)
    body = "".join(f"T{i},2024-01-05,a,b,{i + 1},p2p\n" for i in range(5))
    body += "T1,2024-01-05,a,b,9,p2p\nT4,2024-01-05,a,b,9,p2p\nT1,2024-01-05,a,b,9,p2p\n"
    report = reconciles(
        ingest_file(store, write(tmp_path / "transactions.csv", TXN_HEADER + body), bank()), store
    )
    assert (report.read, report.stored_new, report.quarantined) == (8, 5, 3)
    assert rows_of(store, "SELECT _line, reason FROM quarantine ORDER BY _line") == [
        (7, "duplicate txn_id 'T1', first at line 3"),
        (8, "duplicate txn_id 'T4', first at line 6"),
        (9, "duplicate txn_id 'T1', first at line 3"),
    ]
    assert rows_of(store, "SELECT amount FROM transactions WHERE txn_id = 'T1'") == [(2.0,)]


def test_no_python_dict_of_every_id_in_a_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory is bounded by the batch: the largest set of ids held in Python is one batch."""
    monkeypatch.setattr(ingest_module, "BATCH_ROWS", 100)
    seen: list[int] = []
    original = Store.staged_lines

    def spy(self: Store, kind: Any, stage: str, ids: Any) -> dict[str, int]:
        found = original(self, kind, stage, ids)
        seen.append(len(ids))
        return found

    monkeypatch.setattr(Store, "staged_lines", spy)
    body = "".join(f"T{i},2024-01-05,a,b,1,p2p\n" for i in range(1000))
    report = ingest_file(store, write(tmp_path / "transactions.csv", TXN_HEADER + body), bank())
    assert report.stored_new == 1000 and len(seen) == 10 and max(seen) <= 100


# -- 3. a store that cannot be used: one line each -------------------------------------------


def _one_line(exc: pytest.ExceptionInfo[StoreError]) -> str:
    message = str(exc.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_a_folder_as_db(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as exc:
        Store.open(tmp_path)
    assert "is a folder" in _one_line(exc)


def test_a_text_file_as_db(tmp_path: Path) -> None:
    text = write(tmp_path / "notes.txt", "hello\nworld\n")
    with pytest.raises(StoreError) as exc:
        Store.open(text)
    assert _one_line(exc) == f"{text}: is not a DuckDB database"


def test_a_db_in_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as exc:
        Store.open(tmp_path / "nowhere" / "redflags.duckdb")
    assert "does not exist" in _one_line(exc)
    assert not (tmp_path / "nowhere").exists()


def _hold(path: str, ready: Any, done: Any) -> None:
    con = duckdb.connect(path)
    ready.set()
    done.wait(30)
    con.close()


def test_a_store_locked_by_another_process_names_its_pid(tmp_path: Path) -> None:
    path = tmp_path / "redflags.duckdb"
    Store.open(path).close()
    context = multiprocessing.get_context("spawn")
    ready, done = context.Event(), context.Event()
    holder = context.Process(target=_hold, args=(str(path), ready, done))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(StoreError) as exc:
            Store.open(path)
        message = _one_line(exc)
        assert "in use by another process" in message and f"pid {holder.pid}" in message
    finally:
        done.set()
        holder.join(30)


@pytest.mark.parametrize("limit", ["lots", "1KB", "63MB", "3 GB; DROP TABLE x", ""])
def test_bad_memory_limits_are_refused_in_one_line(store: Store, limit: str) -> None:
    with pytest.raises(StoreError) as exc:
        store.limit_memory(limit)
    message = _one_line(exc)
    assert "memory limit" in message
    if limit in ("1KB", "63MB"):
        assert "at least 64MB" in message


def test_a_sane_memory_limit_is_set(store: Store) -> None:
    store.limit_memory("300MB")
    assert store.memory_limit == "300MB"
    setting = rows_of(store, "SELECT current_setting('memory_limit')")[0][0]
    assert setting.startswith("286")  # 300 * 10^6 bytes in DuckDB's MiB


def test_spilling_goes_to_a_temp_folder_not_the_working_directory(tmp_path: Path) -> None:
    with Store.open(None) as memory:
        folder = rows_of(memory, "SELECT current_setting('temp_directory')")[0][0]
        assert Path(folder).is_absolute() and "redflags" in folder
    with Store.open(tmp_path / "r.duckdb") as on_disk:
        folder = rows_of(on_disk, "SELECT current_setting('temp_directory')")[0][0]
        assert folder == str(tmp_path / "r.duckdb") + ".tmp"


def test_running_out_of_memory_is_one_line(store: Store) -> None:
    store.limit_memory("64MB")
    store.connection.execute("SET temp_directory = ''")  # nowhere to spill: a real OOM
    store.connection.execute("SET preserve_insertion_order = true")
    with pytest.raises(StoreError) as exc, store.memory_guard("grouping test rows"):
        store.connection.execute(
            "SELECT list(range) FROM range(50000000) GROUP BY range % 10000000"
        ).fetchall()
    assert _one_line(exc) == (
        "ran out of the 64MB memory limit while grouping test rows; raise --memory-limit"
    )
