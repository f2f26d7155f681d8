"""The Parquet fast path stores and quarantines exactly what the row-by-row path does."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from redflags.ingest import IngestError, SourceDescriptor, ingest_file
from redflags.ingest import bulk as bulk_module
from redflags.model import RecordKind
from redflags.store import Store

T0 = datetime(2026, 9, 1, 20, 0, tzinfo=UTC)

TRANSACTIONS = pa.table(
    {
        "txn_id": ["T1", "T2", " T3 ", "T4", "T5", "T6", "T7", "T7", "T8", "T8", "T9", ""],
        "ts": [T0] * 12,
        "payer": ["A", "A", "A", None, "A", "A", "A", "A", "A", "A", "  ", "A"],
        "payee": ["B"] * 12,
        "amount": [500.0, -5.0, 10.0, 10.0, float("nan"), 10.0, 1.0, 2.0, -1.0, 3.0, 1.0, 1.0],
        "currency": [
            None,
            "EUR",
            "DKK",
            "DKK",
            "DKK",
            "DKK",
            "DKK",
            "DKK",
            "DKK",
            "DKK",
            "DKK",
            "DKK",
        ],
        "channel": [
            "p2p",
            "P2P",
            "card",
            "p2p",
            "p2p",
            "wire",
            "p2p",
            "p2p",
            "p2p",
            "p2p",
            "p2p",
            "p2p",
        ],
        "memo": ["  tak  ", "", None, "x", "x", "x", "first", "second", "bad", "good", "x", "x"],
        "extra_column": list(range(12)),
    }
)

CUSTOMERS = pa.table(
    {
        "customer_id": ["C1", "C2", "C3"],
        "account_id": ["A", None, "B"],
        "birth_date": [date(1990, 1, 1), None, date(2001, 5, 5)],
        "declared_income": [300000.0, -1.0, None],
        "segment": [None, "Business", "club"],
    }
)

ADS = pa.table(
    {
        "ad_id": ["AD1", "AD2", "AD3"],
        "posted_at": [T0, T0, None],
        "body": ["hej", "  ", "x"],
        "image_refs": [["a.jpg", " ", "b.jpg "], None, []],
        "price": pa.array([1000, None, 5], pa.int64()),
    }
)


def _both(tmp_path: Path, kind: RecordKind, data: pa.Table, monkeypatch: Any) -> list[Any]:
    path = tmp_path / f"{kind.value}.parquet"
    pq.write_table(data, path)
    descriptor = SourceDescriptor(name="src", kind=kind)
    results = []
    for fast in (True, False):
        assert bulk_module.eligible(path, kind, descriptor)
        with monkeypatch.context() as patch:
            if not fast:
                patch.setattr(bulk_module, "eligible", lambda *_: False)
            with Store.open(None) as store:
                report = ingest_file(store, path, descriptor)
                table = {
                    RecordKind.TRANSACTION: "transactions",
                    RecordKind.CUSTOMER: "customers",
                    RecordKind.AD: "ads",
                }[kind]
                rows = store.connection.execute(
                    f"SELECT * EXCLUDE (_file) FROM {table} ORDER BY _line"
                ).fetchall()
                quarantined = store.connection.execute(
                    "SELECT _line FROM quarantine ORDER BY _line"
                ).fetchall()
                results.append((report.read, report.stored, report.quarantined, rows, quarantined))
    return results


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (RecordKind.TRANSACTION, TRANSACTIONS),
        (RecordKind.CUSTOMER, CUSTOMERS),
        (RecordKind.AD, ADS),
    ],
    ids=["transactions", "customers", "ads"],
)
def test_fast_path_matches_row_path(
    kind: RecordKind, data: pa.Table, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, rows = _both(tmp_path, kind, data, monkeypatch)
    assert fast == rows
    read, stored, quarantined, _, _ = fast
    assert read == data.num_rows == stored + quarantined
    assert quarantined > 0  # the planted problems are there


def test_planted_problems_are_quarantined_with_reasons(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    pq.write_table(TRANSACTIONS, path)
    with Store.open(None) as store:
        report = ingest_file(store, path, SourceDescriptor(name="src", kind="transaction"))
        reasons = dict(store.connection.execute("SELECT _line, reason FROM quarantine").fetchall())
        stored = dict(
            store.connection.execute("SELECT txn_id, currency FROM transactions").fetchall()
        )
    assert report.read == 12
    assert "amount" in reasons[2] and "amount" in reasons[5]  # negative, NaN
    assert "payer" in reasons[4] and "payer" in reasons[11]  # missing, blank
    assert "channel" in reasons[6]
    assert reasons[8] == "duplicate txn_id 'T7', first at line 7"
    assert 9 in reasons and 10 not in reasons  # an invalid first row does not block the id
    assert "txn_id" in reasons[12]
    assert stored["T1"] == "DKK" and stored["T3"] == "DKK"  # default currency; trimmed id


def test_mapped_or_untyped_files_take_the_row_path(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    pq.write_table(TRANSACTIONS.set_column(1, "ts", pa.array(["2026-09-01"] * 12)), path)
    descriptor = SourceDescriptor(name="src", kind="transaction")
    assert not bulk_module.eligible(path, RecordKind.TRANSACTION, descriptor)
    pq.write_table(TRANSACTIONS, path)
    mapped = SourceDescriptor(name="src", kind="transaction", columns={"memo": "extra_column"})
    assert not bulk_module.eligible(path, RecordKind.TRANSACTION, mapped)


# -- hostile files (issue #11) -----------------------------------------------------------------

EVIL_NAMES = [
    "x\" ) TO '{target}' --",
    'a"b',
    "it's",
    "p[1]",
    "*",
    "what?",
    "x\"; COPY (SELECT 1) TO '{target}'; --",
]


def test_column_names_never_reach_sql(tmp_path: Path) -> None:
    target = tmp_path / "pwned.csv"
    extra = {name.format(target=target): [f"v{i}"] * 12 for i, name in enumerate(EVIL_NAMES)}
    data = TRANSACTIONS
    for name, values in extra.items():
        data = data.append_column(name, pa.array(values))
    path = tmp_path / "transactions.parquet"
    pq.write_table(data, path)
    descriptor = SourceDescriptor(name="src", kind="transaction")
    assert bulk_module.eligible(path, RecordKind.TRANSACTION, descriptor)
    with Store.open(None) as store:
        report = ingest_file(store, path, descriptor)
        raws = store.connection.execute("SELECT raw FROM quarantine ORDER BY _line").fetchall()
    assert not target.exists()
    assert report.read == 12 and report.quarantined == 8
    for (raw,) in raws:  # the refused rows keep their columns, under their own names
        assert set(extra) <= set(json.loads(raw))
        assert json.loads(raw)["extra_column"] is not None


@pytest.mark.parametrize("name", ["p[1].parquet", "p*.parquet", "p?.parquet", "it's.parquet"])
def test_a_file_name_is_a_name_not_a_pattern(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "transactions"
    folder.mkdir()
    for sibling in ("p1.parquet", "px.parquet", "p.parquet"):  # what a glob would match
        pq.write_table(TRANSACTIONS.slice(0, 3), folder / sibling)
    path = folder / name
    pq.write_table(TRANSACTIONS, path)
    with Store.open(None) as store:
        report = ingest_file(store, path, SourceDescriptor(name="src", kind="transaction"))
        stored = store.connection.execute(
            "SELECT count(*), count(DISTINCT _file) FROM transactions"
        ).fetchall()[0]
    assert (report.read, report.stored_new, report.already_stored) == (12, 4, 0)
    assert stored == (4, 1)  # what is counted stored really is in the store


def _hostile_values() -> pa.Table:
    amounts = [1e308, -1e308, 1e300, 1e12, 1e12 + 1, float("inf"), -5.0, 7.0]
    n = len(amounts)
    micros = [1_700_000_000_000_000] * n
    micros[6] = 3 * 10**17  # year 11476: no Python datetime holds it
    micros[7] = -62135596800 * 10**6  # 0001-01-01T00:00Z, the first instant Python holds
    return pa.table(
        {
            "txn_id": [f"T{i}" for i in range(n)],
            "ts": pa.array(micros, pa.int64()).cast(pa.timestamp("us", "UTC")),
            "payer": ["A"] * n,
            "payee": ["B"] * n,
            "amount": amounts,
            "channel": ["p2p"] * n,
        }
    )


def test_both_paths_refuse_absurd_numbers_and_times_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, rows = _both(tmp_path, RecordKind.TRANSACTION, _hostile_values(), monkeypatch)
    assert fast == rows
    quarantined = [line for (line,) in fast[4]]
    assert quarantined == [1, 2, 3, 5, 6, 7]
    path = tmp_path / "transaction.parquet"
    with Store.open(None) as store:
        ingest_file(store, path, SourceDescriptor(name="src", kind="transaction"))
        reasons = dict(store.connection.execute("SELECT _line, reason FROM quarantine").fetchall())
    assert reasons[1] == "amount: 1e+308 is beyond ±1e12"
    assert reasons[5] == "amount: 1000000000001 is beyond ±1e12"


def test_a_corrupt_page_on_the_fast_path_is_one_line(tmp_path: Path) -> None:
    n = 20_000
    table = pa.table(
        {
            "txn_id": [f"T{i}" for i in range(n)],
            "ts": [T0] * n,
            "payer": [f"payer-{i * 7919 % 10007}" for i in range(n)],
            "payee": ["B"] * n,
            "amount": [float(i) for i in range(n)],
            "channel": ["p2p"] * n,
        }
    )
    path = tmp_path / "transactions.parquet"
    pq.write_table(table, path, use_dictionary=False)
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(b ^ 0x5A for b in data[middle : middle + 64])
    path.write_bytes(bytes(data))
    descriptor = SourceDescriptor(name="src", kind="transaction")
    assert bulk_module.eligible(path, RecordKind.TRANSACTION, descriptor)
    with Store.open(None) as store:
        with pytest.raises(IngestError) as info:
            ingest_file(store, path, descriptor)
        assert store.count("transaction") == 0
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message


def test_a_column_named_like_a_nested_field_takes_the_row_path(tmp_path: Path) -> None:
    path = tmp_path / "transactions.parquet"
    pq.write_table(TRANSACTIONS.append_column("amount.evil", pa.array(["x"] * 12)), path)
    descriptor = SourceDescriptor(name="src", kind="transaction")
    assert not bulk_module.eligible(path, RecordKind.TRANSACTION, descriptor)
    with Store.open(None) as store:
        report = ingest_file(store, path, descriptor)
    assert (report.read, report.stored_new, report.quarantined) == (12, 4, 8)
