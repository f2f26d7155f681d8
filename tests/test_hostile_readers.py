"""Hostile and broken input to the readers (issue #11): every row is stored or quarantined with
its reason and line, memory and time stay bounded, and nothing but a one-line IngestError
reaches the caller."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redflags.ingest import IngestError, IngestReport, SourceDescriptor, ingest_file
from redflags.ingest.limits import IngestLimits
from redflags.ingest.readers import BadRow, open_rows
from redflags.model.records import RecordKind
from redflags.store import Store

TXN_HEADER = "txn_id,ts,payer,payee,amount,channel\n"


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(None) as opened:
        yield opened


def txn(i: int, amount: str = "1", memo_channel: str = "p2p") -> str:
    return f"T{i},2024-01-05 10:00,a,b,{amount},{memo_channel}\n"


def ingest(store: Store, path: Path, kind: str = "transaction", **kw: Any) -> IngestReport:
    report = ingest_file(store, path, SourceDescriptor(name="src", kind=RecordKind(kind), **kw))
    assert report.read == report.stored + report.quarantined
    table = {"transaction": "transactions", "ad": "ads"}[kind]
    stored = store.connection.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    quarantined = store.connection.execute("SELECT count(*) FROM quarantine").fetchall()[0][0]
    assert (stored, quarantined) == (report.stored_new, report.quarantined)
    return report


def reasons(store: Store) -> dict[int, str]:
    rows = store.connection.execute("SELECT _line, reason FROM quarantine ORDER BY _line")
    return dict(rows.fetchall())


def read_all(path: Path, fmt: str, **kw: Any) -> list[tuple[int, Any]]:
    with open_rows(path, fmt, **kw) as stream:  # type: ignore[arg-type]
        return list(stream.rows)


# -- 2. CSV quotes that never close -----------------------------------------------------------


def test_a_quote_left_open_costs_one_row_not_the_rest_of_the_file(
    store: Store, tmp_path: Path
) -> None:
    good = [txn(i) for i in range(40)]
    text = TXN_HEADER + txn(100) + 'T101,2024-01-05 10:00,"a,b,1,p2p\n' + "".join(good)
    path = tmp_path / "transactions.csv"
    path.write_text(text)
    report = ingest(store, path)
    assert (report.read, report.stored_new, report.quarantined) == (42, 41, 1)
    assert reasons(store) == {3: "unterminated quoted field at end of file"}


def test_a_stray_quote_closed_by_another_re_reads_the_rows_between(
    store: Store, tmp_path: Path
) -> None:
    rows = [txn(i) for i in range(40)]
    rows[0] = 'T0,2024-01-05 10:00,a,b,1,"p2p\n'  # opens a quote
    rows[39] = 'T39,2024-01-05 10:00,a",b,1,p2p\n'  # a quote in a field closes it
    path = tmp_path / "transactions.csv"
    path.write_text(TXN_HEADER + "".join(rows))
    report = ingest(store, path)
    assert (report.read, report.quarantined) == (40, 1)
    assert 2 in reasons(store) and "quoted field opened at line 2" in reasons(store)[2]
    assert store.count("transaction") == 39


def test_a_record_spanning_more_lines_than_the_limit_is_refused_by_its_first_line(
    tmp_path: Path,
) -> None:
    body = "".join(f"line {i}\n" for i in range(10))
    path = tmp_path / "ads.csv"
    path.write_text(f'ad_id,body\nA1,"{body}"\nA2,short\nA3,"two\nlines"\n')
    legit = read_all(path, "csv")
    assert [(n, r["ad_id"]) for n, r in legit] == [(2, "A1"), (13, "A2"), (14, "A3")]
    assert legit[0][1]["body"] == body
    strict = read_all(path, "csv", limits=IngestLimits(max_record_lines=5))
    first, *rest = strict
    assert first[0] == 2 and isinstance(first[1], BadRow)
    assert "not closed within 5 lines" in first[1].reason
    # The lines after it are read again: every line is accounted for, A2 and A3 survive.
    assert [n for n, _ in rest] == list(range(3, 15))
    assert [r["ad_id"] for _, r in rest if not isinstance(r, BadRow)] == ["A2", "A3"]


def test_a_file_cut_inside_its_last_quoted_field_does_not_store_the_cut_row(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "transactions.csv"
    path.write_text(
        "txn_id,ts,payer,payee,amount,channel,memo\n" + 'T1,2024-01-05,a,b,1,p2p,"tak fo'
    )
    report = ingest(store, path)
    assert (report.read, report.quarantined) == (1, 1)
    assert reasons(store) == {2: "unterminated quoted field at end of file"}


def test_a_nul_byte_late_in_a_csv_does_not_fail_the_file(store: Store, tmp_path: Path) -> None:
    body = "".join(txn(i) for i in range(1000)) + "T9999,2024-01-05,a\x00,b,1,p2p\n" + txn(5000)
    path = tmp_path / "transactions.csv"
    path.write_text(TXN_HEADER + body)
    report = ingest(store, path)
    assert report.read == 1002


# -- 3. line separators -----------------------------------------------------------------------

SEPARATORS = "\u2028\u2029\u0085\x1c\x1d\x1e\x0b\x0c\r"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8", "cp1252"])
def test_only_newline_ends_a_line_in_any_encoding(
    store: Store, tmp_path: Path, encoding: str
) -> None:
    memo = "a" + "".join(c for c in SEPARATORS if c.encode(encoding, "ignore")) + "b"
    csv_path = tmp_path / "transactions.csv"
    csv_text = TXN_HEADER.replace("\n", ",memo\n") + f'T1,2024-01-05,a,b,1,p2p,"{memo}"\n'
    csv_path.write_bytes((csv_text + txn(2).replace("\n", ",x\n")).encode(encoding))
    report = ingest(store, csv_path, encoding=encoding)
    assert (report.read, report.stored_new) == (2, 2)
    jsonl = tmp_path / "more" / "transactions.jsonl"
    jsonl.parent.mkdir()
    row = {"txn_id": "J1", "ts": "2024-01-05", "payer": "a", "payee": "b", "amount": 1}
    lines = [json.dumps({**row, "channel": "p2p", "memo": memo}, ensure_ascii=False)]
    lines.append(json.dumps({**row, "txn_id": "J2", "channel": "card"}))
    jsonl.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    report = ingest_file(
        store, jsonl, SourceDescriptor(name="j", kind="transaction", encoding=encoding)
    )
    assert (report.read, report.stored_new) == (2, 2)
    stored = store.connection.execute("SELECT memo FROM transactions WHERE txn_id IN ('T1', 'J1')")
    # CSV keeps the field as written; the separators are data, not line breaks.
    assert {r[0] for r in stored.fetchall()} == {memo.strip()}


# -- 4. values that used to raise ------------------------------------------------------------


@pytest.mark.parametrize(
    "ts",
    ["0001-01-01", "0001-01-01T00:30:00", "9999-12-31T23:59:59-05:00", "99999-01-01", "+99999"],
)
def test_timestamps_out_of_range_are_quarantined(store: Store, tmp_path: Path, ts: str) -> None:
    path = tmp_path / "transactions.csv"
    path.write_text(TXN_HEADER + f"T1,{ts},a,b,1,p2p\n" + txn(2))
    report = ingest(store, path)
    assert (report.read, report.quarantined) == (2, 1)
    assert reasons(store)[2].startswith("ts: ")


def test_hostile_json_lines_are_quarantined(store: Store, tmp_path: Path) -> None:
    base = '"ts": "2024-01-05", "payer": "a", "payee": "b", "channel": "p2p"'
    lines = [
        '{"txn_id": "T1", "amount": 1, ' + base + "}",
        '{"txn_id": "T2", "amount": 1, "memo": '
        + "[" * 100_000
        + "]" * 100_000
        + ", "
        + base
        + "}",
        '{"txn_id": "T3", "amount": ' + "9" * 5000 + ", " + base + "}",
        '{"txn_id": "T4", "amount": ' + "9" * 400 + ", " + base + "}",
        '{"txn_id": "T5", "amount": 1, "memo": "\\ud800", ' + base + "}",
        '{"txn_id": "T6", "amount": 1, "\\udfff": "x", ' + base + "}",
        '{"txn_id": "T7", "amount": NaN, ' + base + "}",
        '{"txn_id": "T8", "amount": 1, "memo": ' + "[" * 70 + "]" * 70 + ", " + base + "}",
        '{"txn_id": "T9", "amount": 1, "memo": "\\ud83d\\ude00", ' + base + "}",  # a real pair
    ]
    path = tmp_path / "transactions.jsonl"
    path.write_text("\n".join(lines) + "\n")
    report = ingest(store, path)
    assert (report.read, report.stored_new, report.quarantined) == (9, 2, 7)
    why = reasons(store)
    assert "nested deeper than 64" in why[2] and "nested deeper than 64" in why[8]
    assert "digits" in why[3]
    assert why[4].startswith("amount: ") and "beyond" in why[4]
    assert "surrogate" in why[5] and "surrogate" in why[6]
    assert "NaN" in why[7]
    raws = store.connection.execute("SELECT raw FROM quarantine").fetchall()
    assert all(len(r[0]) < 2000 for r in raws)  # refused raw text is cut short


def test_parquet_values_python_cannot_hold_are_quarantined(store: Store, tmp_path: Path) -> None:
    far = pa.array([3 * 10**17, 1_700_000_000_000_000], pa.int64()).cast(pa.timestamp("us", "UTC"))
    table = pa.table(
        {
            "txn_id": ["T1", "T2"],
            "ts": far,
            "payer": ["a", "a"],
            "payee": ["b", "b"],
            "amount": [1.0, 1.0],
            "channel": ["p2p", "p2p"],
        }
    )
    path = tmp_path / "transactions.parquet"
    pq.write_table(table, path)
    # The row path (a mapped column takes it) and the fast path agree.
    for extra in ({"columns": {"memo": "payer"}}, {}):
        with Store.open(None) as fresh:
            report = ingest(fresh, path, **extra)
            assert (report.read, report.quarantined) == (2, 1)
            assert list(reasons(fresh)) == [1]


def _corrupt_parquet(tmp_path: Path) -> Path:
    path = tmp_path / "transactions.parquet"
    n = 20_000
    table = pa.table(
        {
            "txn_id": [f"T{i}" for i in range(n)],
            "ts": pa.array([1_700_000_000_000_000 + i for i in range(n)], pa.int64()).cast(
                pa.timestamp("us", "UTC")
            ),
            "payer": [f"payer-{i * 7919 % 10007}" for i in range(n)],
            "payee": ["b"] * n,
            "amount": [float(i) for i in range(n)],
            "channel": ["p2p"] * n,
        }
    )
    pq.write_table(table, path, compression="snappy", use_dictionary=False)
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes((b ^ 0x5A) for b in data[middle : middle + 64])
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("row_path", [False, True])
def test_a_corrupt_parquet_page_is_one_line(store: Store, tmp_path: Path, row_path: bool) -> None:
    path = _corrupt_parquet(tmp_path)
    extra = {"columns": {"memo": "payer"}} if row_path else {}
    with pytest.raises(IngestError) as info:
        ingest(store, path, **extra)
    assert str(info.value).startswith(f"{path}: ") and "\n" not in str(info.value)
    assert store.count("transaction") == 0


def test_a_fifo_is_refused_without_blocking(store: Store, tmp_path: Path) -> None:
    fifo = tmp_path / "transactions.csv"
    os.mkfifo(fifo)

    def hung(*_: Any) -> None:
        raise TimeoutError("blocked on a FIFO")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(5)
    try:
        for call in (lambda: ingest(store, fifo), lambda: read_all(fifo, "csv")):
            with pytest.raises(IngestError, match=r"not a (regular )?file") as info:
                call()
            assert "\n" not in str(info.value)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- 5. limits --------------------------------------------------------------------------------


def test_an_over_long_field_is_quarantined_and_reading_goes_on(
    store: Store, tmp_path: Path
) -> None:
    big = "x" * (1024 * 1024 + 1)
    path = tmp_path / "transactions.csv"
    path.write_text(
        TXN_HEADER.replace("\n", ",memo\n")
        + f"T1,2024-01-05,a,b,1,p2p,{big}\n"
        + txn(2).replace("\n", ",ok\n")
    )
    report = ingest(store, path)
    assert (report.read, report.quarantined) == (2, 1)
    assert reasons(store)[2] == "memo: field longer than 1048576 bytes"
    jsonl = tmp_path / "j" / "transactions.jsonl"
    jsonl.parent.mkdir()
    row = {"txn_id": "J1", "ts": "2024-01-05", "payer": "a", "payee": "b", "amount": 1}
    jsonl.write_text(json.dumps({**row, "channel": "p2p", "memo": big}) + "\n")
    with open_rows(jsonl, "jsonl") as stream:
        ((_, bad),) = list(stream.rows)
    assert isinstance(bad, BadRow) and bad.reason == "memo: longer than 1048576 bytes"
    assert len(bad.raw) < 2000


def test_limits_are_settings(tmp_path: Path) -> None:
    path = tmp_path / "ads.jsonl"
    path.write_text(
        '{"ad_id": "A1", "body": "' + "y" * 300 + '", "n": [[[1]]]}\n' + "z" * 600 + "\n"
    )
    rows = read_all(path, "jsonl")
    assert isinstance(rows[0][1], dict) and isinstance(rows[1][1], BadRow)
    tight = read_all(path, "jsonl", limits=IngestLimits(max_field_bytes=100, max_line_bytes=500))
    assert [r.reason for _, r in tight] == [  # type: ignore[union-attr]
        "body: longer than 100 bytes",
        "line longer than 500 bytes",
    ]
    nested = read_all(path, "jsonl", limits=IngestLimits(max_nesting=3))
    assert nested[0][1].reason == "JSON nested deeper than 3 levels"  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        IngestLimits(max_line_bytes=0)
    with pytest.raises(ValueError):
        IngestLimits().max_line_bytes = 5  # type: ignore[misc]


_MEMORY_PROBE = """
import json, resource, sys
from pathlib import Path
from redflags.ingest.readers import open_rows
path, fmt = Path(sys.argv[1]), sys.argv[2]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with open_rows(path, fmt) as stream:
    rows = [(n, getattr(r, "reason", None) or sorted(r)) for n, r in stream.rows]
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps(rows), (after - before) // 1024)
"""


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_huge_line_is_skipped_in_bounded_memory(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"ads.{fmt}.gz"
    first, last = (
        ('{"ad_id": "A1"}\n', '{"ad_id": "A3"}\n') if fmt == "jsonl" else ("ad_id\nA1\n", "A3\n")
    )
    with gzip.open(path, "wb", compresslevel=1) as out:
        out.write(first.encode())
        chunk = b"x" * (1 << 20)
        for _ in range(200):  # one line of 200 MiB
            out.write(chunk)
        out.write(b"\n" + last.encode())
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(path), fmt],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    rows_text, growth_mib = done.stdout.rsplit(" ", 1)
    head = 2 if fmt == "csv" else 1
    assert json.loads(rows_text) == [
        [head, ["ad_id"]],
        [head + 1, "line longer than 8388608 bytes"],
        [head + 2, ["ad_id"]],
    ]
    assert int(growth_mib) < 64, f"peak memory grew by {growth_mib} MiB"
    assert time.monotonic() - started < 30


# -- 6. blank lines ---------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "gz"), [("csv", False), ("jsonl", True), ("csv", True)])
def test_fifty_megabytes_of_blank_lines_are_skipped_fast(
    tmp_path: Path, fmt: str, gz: bool
) -> None:
    blank = b"\n" * (50 * 1024 * 1024)
    head, row = (b"ad_id\n", b"A1\n") if fmt == "csv" else (b"", b'{"ad_id": "A1"}\n')
    data = head + blank + row + b"\r\n" * 1000 + row
    path = tmp_path / (f"ads.{fmt}.gz" if gz else f"ads.{fmt}")
    path.write_bytes(gzip.compress(data, 1) if gz else data)
    started = time.monotonic()
    with open_rows(path, fmt) as stream:  # type: ignore[arg-type]
        rows = list(stream.rows)
        consumed = stream.lines_read()
    assert time.monotonic() - started < 5
    offset = 1 if fmt == "csv" else 0
    first = offset + len(blank) + 1
    assert [n for n, _ in rows] == [first, first + 1001]
    assert consumed == first + 1001  # blank lines count as progress


# -- 7. money ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "refused"),
    [
        ("1e308", "amount: 1e+308 is beyond ±1e12"),
        ("1e300", "amount: 1e+300 is beyond ±1e12"),
        ("-1e308", "amount: -1e+308 is beyond ±1e12"),
        ("1e999", "amount: not a finite number '1e999'"),
        ("1000000000001", "amount: 1000000000001 is beyond ±1e12"),
        ("1e12", None),
    ],
)
def test_absurd_amounts_are_quarantined(
    store: Store, tmp_path: Path, amount: str, refused: str | None
) -> None:
    path = tmp_path / "transactions.csv"
    path.write_text(TXN_HEADER + txn(1, amount))
    report = ingest(store, path)
    assert reasons(store) == ({} if refused is None else {2: refused})
    assert report.stored_new == (refused is None)


# -- property-based ---------------------------------------------------------------------------

HOSTILE = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@HOSTILE
@given(
    data=st.binary(max_size=600),
    fmt=st.sampled_from(["csv", "jsonl"]),
    encoding=st.sampled_from(["utf-8", "utf-16-le", "cp1252"]),
)
def test_any_bytes_are_rows_or_one_line_error(
    tmp_path: Path, data: bytes, fmt: str, encoding: str
) -> None:
    path = tmp_path / f"ads.{fmt}"
    path.write_bytes(data)
    limits = IngestLimits(max_line_bytes=64, max_field_bytes=16, max_record_lines=4, max_nesting=4)
    try:
        with open_rows(path, fmt, encoding=encoding, limits=limits) as stream:  # type: ignore[arg-type]
            rows = list(stream.rows)
            consumed = stream.lines_read()
    except IngestError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(str(path))
        return
    numbers = [n for n, _ in rows]
    assert numbers == sorted(set(numbers))  # one entry per line, in order
    assert all(1 <= n <= consumed for n in numbers)
    assert consumed <= data.count(b"\n") + 1  # no encoding splits on anything but "\n"


@settings(HOSTILE, max_examples=40)  # a store per example: slower
@given(data=st.binary(max_size=400))
def test_any_bytes_ingest_reconciles_or_fails_in_one_line(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "transactions.csv"
    path.write_bytes(TXN_HEADER.encode() + data)
    with Store.open(None) as fresh:
        try:
            ingest(fresh, path)
        except IngestError as exc:
            assert "\n" not in str(exc)


# NUL is left out: a NUL in the first 8 KiB makes the file "binary data", by design.
_TEXT = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=30
)


@HOSTILE
@given(
    rows=st.lists(st.lists(_TEXT, min_size=3, max_size=3), min_size=1, max_size=8),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]),
    encoding=st.sampled_from(["utf-8", "utf-16"]),
)
def test_csv_written_by_python_round_trips(
    tmp_path: Path, rows: list[list[str]], quoting: int, encoding: str
) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=quoting)
    writer.writerow(["a", "b", "c"])
    writer.writerows(rows)
    path = tmp_path / "ads.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    read = [r for _, r in read_all(path, "csv", encoding=encoding)]
    # A row of three empty fields is written as a line of two commas, read as a row of "".
    assert read == [dict(zip("abc", r, strict=True)) for r in rows]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_a_long_line_is_skipped_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "ads.csv"
    text = "ad_id,body\nA1,x\nA2," + "y" * 5000 + "\n\nA3,z\nA4," + "w" * 5000
    path.write_bytes(text.encode(encoding))
    limits = IngestLimits(max_line_bytes=1000)
    rows = read_all(path, "csv", encoding=encoding, limits=limits)
    assert [(n, getattr(r, "reason", None) or r["ad_id"]) for n, r in rows] == [
        (2, "A1"),
        (3, "line longer than 1000 bytes"),
        (5, "A3"),
        (6, "line longer than 1000 bytes"),
    ]
    with pytest.raises(IngestError, match="header: line longer than 1000 bytes"):
        path.write_bytes(("a" * 2000 + "\nx\n").encode(encoding))
        read_all(path, "csv", encoding=encoding, limits=limits)
