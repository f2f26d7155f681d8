"""Issue #11 for the store: re-ingest semantics, idempotent quarantine, and a store that
cannot be used (locked, a folder, a text file, no memory) stopping with one line."""

from __future__ import annotations

import json
import multiprocessing
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from redflags.ingest import (
    DescriptorError,
    IngestError,
    IngestReport,
    SourceDescriptor,
    discover,
    ingest_file,
    ingest_records,
    load_descriptor,
)
from redflags.ingest import ingest as ingest_module
from redflags.store import Store, StoreError

TXN_HEADER = "txn_id,ts,payer,payee,amount,channel\n"


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


# -- 4. descriptors: plain data, text encodings, files inside the descriptor's folder ----------


def _descriptor(tmp_path: Path, text: str, name: str = "bank.source.yaml") -> Path:
    return write(tmp_path / name, text)


BASE = "name: bank\nkind: transaction\n"


def test_billion_laughs_is_refused_before_expanding(tmp_path: Path) -> None:
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 9):
        prev = chr(ord("a") + n - 1)
        cur = chr(ord("a") + n)
        levels.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    path = _descriptor(tmp_path, BASE + "\n".join(levels) + "\n")
    with pytest.raises(DescriptorError, match="anchors and aliases") as exc:
        load_descriptor(path)
    assert str(exc.value).startswith(f"{path}:3:")


@pytest.mark.parametrize(
    "value",
    [
        "!!python/name:os.system x",
        "!!python/object/apply:os.system ['echo hi']",
        "!!binary aGVsbG8=",
        "!custom x",
    ],
)
def test_yaml_tags_are_one_clean_error(tmp_path: Path, value: str) -> None:
    path = _descriptor(tmp_path, BASE + f"description: {value}\n")
    with pytest.raises(DescriptorError, match="YAML tags such as") as exc:
        load_descriptor(path)
    assert "\n" not in str(exc.value)


def test_deep_nesting_is_one_clean_error(tmp_path: Path) -> None:
    path = _descriptor(tmp_path, BASE + "defaults: " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(DescriptorError, match="nested more than"):
        load_descriptor(path)
    path = _descriptor(
        tmp_path, BASE + "defaults:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 600))
    )
    with pytest.raises(DescriptorError, match="nested more than"):
        load_descriptor(path)


def test_a_huge_descriptor_is_refused_unread(tmp_path: Path) -> None:
    path = _descriptor(tmp_path, BASE + "description: " + "x" * 400_000 + "\n")
    with pytest.raises(DescriptorError, match="larger than"):
        load_descriptor(path)


def test_a_mapping_as_key_is_one_clean_error(tmp_path: Path) -> None:
    path = _descriptor(tmp_path, BASE + "? {a: 1}\n: x\n")
    with pytest.raises(DescriptorError, match="a key must be a plain word"):
        load_descriptor(path)


@pytest.mark.parametrize("codec", ["rot13", "base64", "zlib", "hex", "bz2", "unicode_escape"])
def test_codecs_that_are_not_text_encodings_are_refused(tmp_path: Path, codec: str) -> None:
    path = _descriptor(tmp_path, BASE + f"encoding: {codec}\n")
    with pytest.raises(DescriptorError) as exc:
        load_descriptor(path)
    message = str(exc.value)
    assert f"{path}:3" in message and "encoding" in message and "not a text encoding" in message
    assert "Value error" not in message


@pytest.mark.parametrize("codec", ["utf-8", "cp1252", "latin-1", "utf-16"])
def test_real_text_encodings_are_accepted(tmp_path: Path, codec: str) -> None:
    assert load_descriptor(_descriptor(tmp_path, BASE + f"encoding: {codec}\n")).encoding == codec


@pytest.mark.parametrize(
    "file",
    [
        "/etc/passwd",
        "../outside.csv",
        "sub/../../outside.csv",
        "..\\\\outside.csv",
        "../*.csv",
        "/tmp/*.csv",
        "**/../../*.csv",
        "C:/Windows/win.ini",
        "~/secrets.csv",
    ],
)
def test_files_outside_the_descriptor_folder_are_refused(tmp_path: Path, file: str) -> None:
    write(tmp_path / "outside.csv", TXN_HEADER)
    path = _descriptor(tmp_path / "in", BASE + f'file: "{file}"\n')
    with pytest.raises(DescriptorError) as exc:
        discover([path])
    message = str(exc.value)
    assert f"{path}:3" in message and message.count("\n") == 0
    assert "file:" in message and ("folder" in message)


def test_a_symlink_out_of_the_descriptor_folder_is_refused(tmp_path: Path) -> None:
    secret = write(
        tmp_path / "secret" / "transactions.csv", TXN_HEADER + "T1,2024-01-05,a,b,1,p2p\n"
    )
    inside = tmp_path / "in"
    inside.mkdir()
    (inside / "link.csv").symlink_to(secret)
    path = _descriptor(inside, BASE + "file: link.csv\n")
    with pytest.raises(IngestError, match="outside the descriptor's folder"):
        discover([path])


def test_a_folder_name_with_spaces_gives_a_valid_source_name(tmp_path: Path) -> None:
    write(tmp_path / "Den Danske Bank" / "transactions.csv", TXN_HEADER)
    [spec] = discover([tmp_path / "Den Danske Bank"])
    assert spec.name == "Den_Danske_Bank"


# -- 5. discovery: symlinks, non-regular files, names that look like patterns ----------------


def test_symlink_loops_are_walked_once(tmp_path: Path) -> None:
    root = tmp_path / "data"
    write(root / "bank" / "transactions.csv", TXN_HEADER)
    (root / "bank" / "loop").symlink_to(root)  # back up to the root
    (root / "bank" / "self").symlink_to(root / "bank")
    (root / "bank" / "transactions_link").symlink_to(root / "bank")
    found = discover([root])
    files = [f for spec in found for f in spec.files]
    assert [f.name for f in files] == ["transactions.csv"]


def test_symlinks_never_leave_the_given_folders(tmp_path: Path) -> None:
    write(tmp_path / "elsewhere" / "transactions.csv", TXN_HEADER)
    root = tmp_path / "data"
    write(root / "ads.csv", "ad_id,posted_at\n")
    (root / "other").symlink_to(tmp_path / "elsewhere")
    (root / "customers.csv").symlink_to(tmp_path / "elsewhere" / "transactions.csv")
    found = discover([root])
    assert [f.name for spec in found for f in spec.files] == ["ads.csv"]
    reasons = {s.path.name: s.reason for s in found.skipped}
    assert "outside the folders given" in reasons["other"]
    assert "outside the folders given" in reasons["customers.csv"]


def test_fifos_are_skipped_with_a_reason_and_never_opened(tmp_path: Path) -> None:
    root = tmp_path / "data"
    write(root / "ads.csv", "ad_id,posted_at\n")
    os.mkfifo(root / "transactions.csv")  # opening it would block forever
    os.mkfifo(root / "bank.source.yaml")
    found = discover([root])
    assert [f.name for spec in found for f in spec.files] == ["ads.csv"]
    reasons = {s.path.name: s.reason for s in found.skipped}
    assert "FIFO" in reasons["transactions.csv"] and "FIFO" in reasons["bank.source.yaml"]
    with pytest.raises(IngestError, match="FIFO"):
        discover([root / "transactions.csv"])


def test_names_with_brackets_are_names_not_patterns(store: Store, tmp_path: Path) -> None:
    ts = datetime(2026, 9, 1, tzinfo=UTC)
    folder = tmp_path / "bank" / "transactions"
    folder.mkdir(parents=True)
    for name, ids in (("part[1].parquet", ["A1", "A2"]), ("part1.parquet", ["B1"])):
        n = len(ids)
        pq.write_table(
            pa.table(
                {
                    "txn_id": ids,
                    "ts": [ts] * n,
                    "payer": ["a"] * n,
                    "payee": ["b"] * n,
                    "amount": [1.0] * n,
                    "channel": ["p2p"] * n,
                }
            ),
            folder / name,
        )
    for spec in discover([tmp_path / "bank"]):
        for path in spec.files:
            reconciles(ingest_file(store, path, spec.descriptor), store)
    assert sorted(r[0] for r in rows_of(store, "SELECT txn_id FROM transactions")) == [
        "A1",
        "A2",
        "B1",
    ]
    # a descriptor naming a file with brackets reads that file, not what the pattern matches
    write(tmp_path / "d" / "data[1].csv", TXN_HEADER + "X1,2024-01-05,a,b,1,p2p\n")
    write(tmp_path / "d" / "data1.csv", TXN_HEADER + "Y1,2024-01-05,a,b,1,p2p\n")
    [spec] = discover([_descriptor(tmp_path / "d", BASE + 'file: "data[1].csv"\n')])
    assert [f.name for f in spec.files] == ["data[1].csv"]


def test_a_non_canonical_file_named_after_a_kind_says_what_it_found(
    store: Store, tmp_path: Path
) -> None:
    path = write(tmp_path / "ads.csv", "annonce,dato,tekst\n1,2024-01-05,hej\n")
    [spec] = discover([path])
    with pytest.raises(IngestError) as exc:
        ingest_file(store, path, spec.descriptor)
    message = str(exc.value)
    assert "missing columns: ad_id, posted_at" in message
    assert "the file has annonce, dato, tekst" in message
    assert "*.source.yaml" in message and "\n" not in message


def test_hostile_column_names_stay_on_one_bounded_line(store: Store, tmp_path: Path) -> None:
    header = ",".join(['"evil\nname"', "x" * 500, *[f"c{i}" for i in range(40)]])
    path = write(tmp_path / "ads.csv", header + "\n" + ",".join(["1"] * 42) + "\n")
    with pytest.raises(IngestError) as exc:
        ingest_file(store, path, SourceDescriptor(name="bank", kind="ad"))
    message = str(exc.value)
    assert "\n" not in message and "'evil\\nname'" in message and "and 30 more" in message
    assert len(message) < 600


def test_running_out_of_memory_while_ingesting_names_the_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def starved(*_: Any, **__: Any) -> Any:
        store.connection.execute("INSERT INTO meta VALUES ('half', 'done')")
        raise duckdb.OutOfMemoryException("Out of Memory Error: failed to allocate\n\nPossible ...")

    monkeypatch.setattr(ingest_module, "_ingest_rows", starved)
    store.limit_memory("300MB")
    path = write(tmp_path / "transactions.csv", TXN_HEADER + "T1,2024-01-05,a,b,1,p2p\n")
    with pytest.raises(StoreError) as exc:
        ingest_file(store, path, bank())
    assert _one_line(exc) == (
        "ran out of the 300MB memory limit while ingesting transactions.csv; raise --memory-limit"
    )
    assert rows_of(store, "SELECT count(*) FROM meta WHERE key = 'half'") == [(0,)]  # rolled back
