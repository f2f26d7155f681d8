"""Ingest: readers, descriptors, coercion, quarantine, idempotence, file errors, discovery."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

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
    ingest_source,
    load_descriptor,
)
from redflags.ingest import ingest as ingest_module
from redflags.ingest.coerce import CoercionError, to_float
from redflags.model.records import RecordKind
from redflags.store import Store

TXN_HEADER = "txn_id,ts,payer,payee,amount,channel\n"


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(None) as opened:
        yield opened


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    return write(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


def descriptor(kind: str = "transaction", name: str = "bank", **kw: Any) -> SourceDescriptor:
    return SourceDescriptor(name=name, kind=RecordKind(kind), **kw)


def checked(report: IngestReport, store: Store) -> IngestReport:
    """Every test ingest must reconcile, in the report and in the store."""
    assert report.read == report.stored + report.quarantined
    assert report.stored == report.stored_new + report.updated + report.already_stored
    if report.file is not None and not report.skipped_file:
        quarantined = store.connection.execute(
            "SELECT count(*) FROM quarantine WHERE _source = ? AND _file = ?",
            [report.source, report.file],
        ).fetchall()[0][0]
        assert quarantined >= report.quarantined
    return report


def one(store: Store, sql: str, params: list[Any] | None = None) -> tuple[Any, ...]:
    rows = store.connection.execute(sql, params or []).fetchall()
    assert len(rows) == 1, rows
    return rows[0]


def quarantine(store: Store) -> list[tuple[int, str]]:
    rows = store.connection.execute("SELECT _line, reason FROM quarantine ORDER BY _line")
    return [(r[0], r[1]) for r in rows.fetchall()]


# -- each format reads and stores ------------------------------------------------------------


def test_csv_reads_and_stores(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "transactions.csv",
        TXN_HEADER
        + "T1,2024-01-05T20:30:00Z,DK1,DK2,500,p2p\n"
        + 'T2,2024-01-06T08:00:00+00:00,DK1,DK3,"1234,50",card\n',
    )
    report = checked(ingest_file(store, path, descriptor()), store)
    assert (report.read, report.stored_new, report.quarantined) == (2, 2, 0)
    assert report.summary() == (
        "transactions.csv: read 2 = stored 2 (new 2, updated 0, already stored 0) + quarantined 0"
    )
    row = one(
        store,
        "SELECT amount, currency, _source, _file, _line FROM transactions WHERE txn_id = 'T2'",
    )
    assert row == (1234.5, "DKK", "bank", str(path), 3)


def test_jsonl_reads_lists_and_skips_blank_lines(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "ads.jsonl",
        json.dumps(
            {
                "ad_id": "A1",
                "posted_at": "2024-02-01T10:00:00Z",
                "image_refs": ["x", "y"],
                "languages": "da;en",
                "price": 1500,
                "body": "Ny i byen",
            }
        )
        + "\n\n"
        + json.dumps({"ad_id": "A2", "posted_at": "2024-02-02T10:00:00Z", "phone": 4512345678})
        + "\n",
    )
    report = checked(ingest_file(store, path, descriptor("ad", "site")), store)
    assert (report.read, report.stored_new) == (2, 2)
    assert one(store, "SELECT image_refs, languages, price, _line FROM ads WHERE ad_id='A1'") == (
        ["x", "y"],
        ["da", "en"],
        1500.0,
        1,
    )
    # Numbers in a text field become text; the line number counts the blank line.
    assert one(store, "SELECT phone, _line FROM ads WHERE ad_id = 'A2'") == ("4512345678", 3)


def test_parquet_reads_in_batches_with_typed_columns(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from redflags.ingest import readers

    monkeypatch.setattr(readers, "READ_BATCH", 2)
    table = pa.table(
        {
            "txn_id": pa.array([f"T{i}" for i in range(5)]),
            # naive nanosecond timestamps: read as Copenhagen local time
            "ts": pa.array([datetime(2024, 1, 5, 21, 30)] * 5, pa.timestamp("ns")),
            "payer": pa.array(["DK1"] * 5),
            "payee": pa.array(["DK2"] * 5),
            "amount": pa.array([10.0, 20.0, 30.0, -1.0, 50.0]),
            "channel": pa.array(["p2p"] * 5),
            "unused": pa.array([1, 2, 3, 4, 5]),
        }
    )
    path = tmp_path / "transactions.parquet"
    pq.write_table(table, path)
    report = checked(ingest_file(store, path, descriptor()), store)
    assert (report.read, report.stored_new, report.quarantined) == (5, 4, 1)
    assert quarantine(store) == [
        (4, "amount: input should be greater than or equal to 0, got -1.0")
    ]
    assert one(store, "SELECT ts FROM transactions WHERE txn_id = 'T0'") == (
        datetime(2024, 1, 5, 20, 30, tzinfo=UTC),
    )


def test_gzip_csv_and_jsonl(store: Store, tmp_path: Path) -> None:
    csv_gz = tmp_path / "transactions.csv.gz"
    csv_gz.write_bytes(gzip.compress((TXN_HEADER + "T1,2024-01-05,a,b,1,p2p\n").encode()))
    jsonl_gz = tmp_path / "messages.jsonl.gz"
    jsonl_gz.write_bytes(
        gzip.compress(b'{"message_id": "M1", "sender": "s", "sent_at": "2024-01-05T10:00:00Z"}\n')
    )
    assert checked(ingest_file(store, csv_gz, descriptor()), store).stored_new == 1
    assert checked(ingest_file(store, jsonl_gz, descriptor("message")), store).stored_new == 1


def test_customers_dates_decimal_comma_and_case_of_choices(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "customers.csv",
        "customer_id,birth_date,declared_income,segment,onboarded_at\n"
        'C1,2001-03-04,"1.234.567,50",Business,2023-06-01T10:00:00\n'
        "C2,,,,\n",
    )
    report = checked(ingest_file(store, path, descriptor("customer")), store)
    assert report.stored_new == 2
    assert one(
        store,
        "SELECT birth_date, declared_income, segment, onboarded_at FROM customers "
        "WHERE customer_id = 'C1'",
    ) == (
        date(2001, 3, 4),
        1234567.5,
        "business",
        datetime(2023, 6, 1, 8, 0, tzinfo=UTC),  # summer: Copenhagen is UTC+2
    )
    # Empty strings are absent values, and model defaults apply.
    assert one(
        store, "SELECT birth_date, declared_income, segment FROM customers WHERE customer_id = 'C2'"
    ) == (None, None, "private")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1234,50", 1234.5),
        ("1234.50", 1234.5),
        ("1 234,50", 1234.5),
        ("1.234,50", 1234.5),
        ("1,234.50", 1234.5),
        ("-7", -7.0),
        ("2e3", 2000.0),
        (" 12 ", 12.0),
    ],
)
def test_numbers_with_decimal_comma(text: str, number: float) -> None:
    assert to_float(text) == number


@pytest.mark.parametrize("text", ["abc", "1.2.3", "nan", "inf", "1_000", "12kr"])
def test_not_numbers(text: str) -> None:
    with pytest.raises(CoercionError, match="not a"):
        to_float(text)


# -- descriptors and column mapping ------------------------------------------------------------


DESCRIPTOR_YAML = """\
name: nordbank
kind: transactions
file: export.csv
delimiter: ";"
columns:
  txn_id: Transaktions-ID
  ts: Tidspunkt
  payer: Fra konto
  payee: Til konto
  amount: Beløb
  memo: Tekst
defaults:
  channel: transfer
  country: NO
"""


def test_descriptor_maps_columns_and_applies_defaults(store: Store, tmp_path: Path) -> None:
    desc_path = write(tmp_path / "nordbank.source.yaml", DESCRIPTOR_YAML)
    write(
        tmp_path / "export.csv",
        "Transaktions-ID;Tidspunkt;Fra konto;Til konto;Beløb;Tekst;currency;Ekstra\n"
        "N1;2024-01-05 21:30;DK11;DK22;1234,50;husleje;;x\n"
        "N2;2024-01-06 09:00;DK11;DK33;99;;EUR;y\n",
        encoding="utf-8",
    )
    desc = load_descriptor(desc_path)
    assert desc.kind is RecordKind.TRANSACTION
    assert desc.defaults["country"] == "NO"  # not YAML's boolean False
    [spec] = discover([desc_path])
    assert spec.files == (tmp_path / "export.csv",)
    [report] = ingest_source(store, spec)
    checked(report, store)
    assert report.stored_new == 2
    rows = store.connection.execute(
        "SELECT txn_id, ts, amount, currency, channel, country, memo FROM transactions "
        "ORDER BY txn_id"
    ).fetchall()
    assert rows == [
        (
            "N1",
            datetime(2024, 1, 5, 20, 30, tzinfo=UTC),
            1234.5,
            "DKK",
            "transfer",
            "NO",
            "husleje",
        ),
        ("N2", datetime(2024, 1, 6, 8, 0, tzinfo=UTC), 99.0, "EUR", "transfer", "NO", None),
    ]


def test_timezone_conversion_naive_copenhagen_winter(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "transactions.csv",
        TXN_HEADER
        + "T1,2024-01-05 21:30,a,b,1,p2p\n"  # naive, winter: UTC+1
        + "T2,2024-07-05 21:30,a,b,1,p2p\n"  # naive, summer: UTC+2
        + "T3,2024-01-05T21:30:00-05:00,a,b,1,p2p\n",  # explicit offset wins
    )
    checked(ingest_file(store, path, descriptor()), store)
    rows = store.connection.execute("SELECT txn_id, ts FROM transactions ORDER BY txn_id")
    assert rows.fetchall() == [
        ("T1", datetime(2024, 1, 5, 20, 30, tzinfo=UTC)),
        ("T2", datetime(2024, 7, 5, 19, 30, tzinfo=UTC)),
        ("T3", datetime(2024, 1, 6, 2, 30, tzinfo=UTC)),
    ]


def test_descriptor_timezone_is_used(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "t.csv", TXN_HEADER + "T1,2024-01-05 21:30,a,b,1,p2p\n")
    checked(ingest_file(store, path, descriptor(timezone="UTC")), store)
    assert one(store, "SELECT ts FROM transactions") == (datetime(2024, 1, 5, 21, 30, tzinfo=UTC),)


@pytest.mark.parametrize(
    ("yaml_text", "line", "fragment"),
    [
        ("name: b\nkind: transaction\ncolums: {}\n", 3, "colums: unknown key"),
        (
            "name: b\nkind: transaction\ncolumns:\n  txn_id: Id\n  amout: Beløb\n",
            5,
            "'amout' is not a canonical transaction field",
        ),
        ("name: b\nkind: transaction\ntimezone: Europe/Kobenhavn\n", 3, "unknown time zone"),
        ("name: b\nkind: invoice\n", 2, "kind:"),
        ("name: b\nname: c\nkind: ad\n", 2, "duplicate key 'name'"),
        ("name: b\nkind: transaction\ndefaults:\n  amount: lots\n", 4, "not a number 'lots'"),
        ("kind: ad\n", 1, "name: required key missing"),
        ("name: [b\nkind: ad\n", 2, "not valid YAML"),
    ],
)
def test_descriptor_errors_name_file_and_line(
    tmp_path: Path, yaml_text: str, line: int, fragment: str
) -> None:
    path = write(tmp_path / "bad.source.yaml", yaml_text)
    with pytest.raises(DescriptorError) as info:
        load_descriptor(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert fragment in message
    assert "\n" not in message


def test_descriptor_refuses_unknown_keys_in_python_too() -> None:
    with pytest.raises(ValueError, match="Extra inputs"):
        SourceDescriptor(name="b", kind=RecordKind.AD, colour="red")  # type: ignore[call-arg]


# -- quarantine ------------------------------------------------------------------------------


def test_bad_rows_are_quarantined_with_reasons_and_lines(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "transactions.csv",
        TXN_HEADER
        + "T1,2024-01-05 10:00,a,b,100,p2p\n"  # line 2: good
        + "T2,2024-01-05 10:00,a,b,abc,p2p\n"  # line 3: bad amount
        + 'T3,"2024-01-05\n10:00",a,b,1,p2p\n'  # lines 4-5: one record, bad timestamp
        + "T4,,a,b,1,p2p\n"  # line 6: missing required value
        + "T5,2024-01-05 10:00,a,b,1,p2p\n"  # line 7: good
        + "T6,2024-01-05 10:00,a,b,1,p2p,extra\n"  # line 8: too many fields
        + "T5,2024-01-06 10:00,a,b,2,p2p\n"  # line 9: duplicate of line 7
        + "T7,2024-01-05 10:00,a,b,1,wire\n",  # line 10: not a channel
    )
    report = checked(ingest_file(store, path, descriptor()), store)
    assert (report.read, report.stored_new, report.quarantined) == (8, 2, 6)
    assert quarantine(store) == [
        (3, "amount: not a number 'abc'"),
        (4, "ts: not an ISO-8601 timestamp '2024-01-05\\n10:00'"),
        (6, "missing required field ts"),
        (8, "7 fields, the header has 6"),
        (9, "duplicate txn_id 'T5', first at line 7"),
        (
            10,
            "channel: 'wire' is not one of p2p, card, transfer, atm, cash; "
            "a descriptor's values: maps a source's own names",
        ),
    ]
    raw = one(store, "SELECT raw, kind, _source, _file FROM quarantine WHERE _line = 3")
    assert json.loads(raw[0])["amount"] == "abc"
    assert raw[1:] == ("transaction", "bank", str(path))
    assert store.count("transaction") == 2


def test_jsonl_bad_lines_are_quarantined(store: Store, tmp_path: Path) -> None:
    good = {"message_id": "M1", "sender": "s", "sent_at": "2024-01-05T10:00:00Z"}
    path = write(
        tmp_path / "messages.jsonl",
        json.dumps(good) + "\n{not json\n[1, 2]\n" + json.dumps({"message_id": "M2"}) + "\n",
    )
    report = checked(ingest_file(store, path, descriptor("message", "chat")), store)
    assert (report.read, report.stored_new, report.quarantined) == (4, 1, 3)
    reasons = quarantine(store)
    assert [line for line, _ in reasons] == [2, 3, 4]
    assert reasons[0][1].startswith("not valid JSON")
    assert reasons[1][1] == "not a JSON object but a list"
    assert reasons[2][1] == "missing required field sender; missing required field sent_at"
    assert one(store, "SELECT raw FROM quarantine WHERE _line = 2") == ("{not json",)


def test_jsonl_with_a_bad_first_line_but_good_later_lines_is_read(
    store: Store, tmp_path: Path
) -> None:
    good = {"message_id": "M1", "sender": "s", "sent_at": "2024-01-05T10:00:00Z"}
    path = write(tmp_path / "messages.jsonl", "garbage\n" + json.dumps(good) + "\n")
    report = checked(ingest_file(store, path, descriptor("message")), store)
    assert (report.stored_new, report.quarantined) == (1, 1)


def test_declared_format_and_encoding_override_the_name(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes((TXN_HEADER + "T1,2024-01-05,Søren,b,1,p2p\n").encode("utf-16"))
    with pytest.raises(IngestError, match="looks like UTF-16"):
        ingest_file(store, path, descriptor(format="csv"))
    report = checked(ingest_file(store, path, descriptor(format="csv", encoding="utf-16")), store)
    assert report.stored_new == 1
    assert one(store, "SELECT payer FROM transactions") == ("Søren",)


def test_device_events_get_a_stable_content_id(store: Store, tmp_path: Path) -> None:
    rows = [
        {"account": "DK1", "device_id": "dev-1", "ts": "2024-01-05T10:00:00Z"},
        {"account": "DK2", "device_id": "dev-1", "ts": "2024-01-05T10:00:00Z"},
        {"account": "DK1", "device_id": "dev-1", "ts": "2024-01-05T10:00:00Z"},  # same as 1
    ]
    report = checked(ingest_records(store, "device_event", rows, "app"), store)
    assert (report.stored_new, report.quarantined) == (2, 1)
    ids = [r[0] for r in store.connection.execute("SELECT event_id FROM device_events").fetchall()]
    assert len(set(ids)) == 2 and all(len(i) == 16 for i in ids)
    [(line, reason)] = quarantine(store)
    assert line == 3 and reason.startswith("duplicate event_id") and "first at line 1" in reason
    # The id depends on content only: the same event from a file gets the same id.
    path = write_jsonl(tmp_path / "device_events.jsonl", rows[:1])
    again = checked(ingest_file(store, path, descriptor("device_event", "app")), store)
    assert (again.stored_new, again.already_stored) == (0, 1)


def test_ingest_records_validates_like_files(store: Store) -> None:
    rows: list[Any] = [
        {
            "txn_id": "T1",
            "ts": "2024-01-05 21:30",
            "payer": "a",
            "payee": "b",
            "amount": "12,5",
            "channel": "p2p",
        },
        {
            "txn_id": "T2",
            "ts": datetime(2024, 1, 5, 21, 30, tzinfo=UTC),
            "payer": "a",
            "payee": "b",
            "amount": 3,
            "channel": "cash",
        },
        {
            "txn_id": "T3",
            "ts": "2024-01-05",
            "payer": "a",
            "payee": "b",
            "amount": -1,
            "channel": "p2p",
        },
        "not a row",
    ]
    report = checked(ingest_records(store, RecordKind.TRANSACTION, rows, "examples"), store)
    assert (report.read, report.stored_new, report.quarantined) == (4, 2, 2)
    assert report.file is None
    assert report.summary().startswith("examples transaction records: read 4")
    assert one(store, "SELECT ts, amount FROM transactions WHERE txn_id = 'T1'") == (
        datetime(2024, 1, 5, 20, 30, tzinfo=UTC),
        12.5,
    )
    assert [line for line, _ in quarantine(store)] == [3, 4]


def test_report_counts_must_reconcile() -> None:
    with pytest.raises(ValueError, match="reconcile"):
        IngestReport("bank", "t.csv", RecordKind.TRANSACTION, read=3, stored_new=1, quarantined=1)


def test_batches_and_progress(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest_module, "BATCH_ROWS", 4)
    body = "".join(f"T{i},2024-01-05 10:00,a,b,{i},p2p\n" for i in range(10))
    path = write(tmp_path / "transactions.csv", TXN_HEADER + body + "T0,2024-01-05,a,b,1,p2p\n")
    seen: list[int] = []
    report = checked(ingest_file(store, path, descriptor(), on_progress=seen.append), store)
    assert (report.read, report.stored_new, report.quarantined) == (11, 10, 1)
    assert seen == [4, 8, 11]
    assert quarantine(store) == [(12, "duplicate txn_id 'T0', first at line 2")]


# -- re-ingest adds nothing --------------------------------------------------------------------


def test_reingest_of_the_same_file_is_skipped(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "transactions.csv",
        TXN_HEADER + "T1,2024-01-05,a,b,x,p2p\nT2,2024-01-05,a,b,2,p2p\n",
    )
    first = checked(ingest_file(store, path, descriptor()), store)
    assert (first.stored_new, first.quarantined) == (1, 1)
    second = checked(ingest_file(store, path, descriptor()), store)
    assert second.skipped_file and second.read == 0
    assert "already ingested" in second.summary()
    assert store.count("transaction") == 1 and store.count("quarantine") == 1
    # Another source may load the same file.
    third = checked(ingest_file(store, path, descriptor(name="other")), store)
    assert not third.skipped_file and third.stored_new == 1


def test_reingest_of_the_same_rows_in_another_file_adds_nothing(
    store: Store, tmp_path: Path
) -> None:
    rows = "T1,2024-01-05,a,b,1,p2p\nT2,2024-01-05,a,b,2,p2p\n"
    first = write(tmp_path / "a" / "transactions.csv", TXN_HEADER + rows)
    second = write(
        tmp_path / "b" / "transactions.csv", TXN_HEADER + rows + "T3,2024-01-05,a,b,3,p2p\n"
    )
    checked(ingest_file(store, first, descriptor()), store)
    report = checked(ingest_file(store, second, descriptor()), store)
    assert (report.read, report.stored_new, report.already_stored) == (3, 1, 2)
    assert store.count("transaction") == 3
    assert report.summary() == (
        "transactions.csv: read 3 = stored 3 (new 1, updated 0, already stored 2) + quarantined 0"
    )


# -- broken files ------------------------------------------------------------------------------


def _broken_files(tmp: Path) -> list[tuple[Path, SourceDescriptor, str]]:
    cases: list[tuple[Path, SourceDescriptor, str]] = []
    latin = write(
        tmp / "latin1.csv",
        TXN_HEADER + "T1,2024-01-05,a,b,1,p2p\nT2,2024-01-05,Søren,b,1,p2p\n",
        encoding="cp1252",
    )
    cases.append((latin, descriptor(), "not valid utf-8: line 3"))
    missing = write(tmp / "missing.csv", "txn_id,ts,payer,amount,channel\nT1,2024,a,1,p2p\n")
    cases.append((missing, descriptor(), "missing column: payee"))
    mapped = write(tmp / "mapped.csv", TXN_HEADER + "T1,2024-01-05,a,b,1,p2p\n")
    cases.append(
        (mapped, descriptor(columns={"memo": "Tekst"}), "missing column: Tekst (mapped to memo)")
    )
    not_parquet = write(tmp / "fake.parquet", TXN_HEADER + "T1,2024-01-05,a,b,1,p2p\n")
    cases.append((not_parquet, descriptor(), "not a Parquet file"))
    real_parquet = tmp / "real.parquet"
    pq.write_table(pa.table({"txn_id": ["T1"]}), real_parquet)
    parquet_as_csv = tmp / "parquet.csv"
    parquet_as_csv.write_bytes(real_parquet.read_bytes())
    cases.append((parquet_as_csv, descriptor(), "is a Parquet file, not CSV"))
    not_json = write(tmp / "notjson.jsonl", "txn_id,ts\nT1,2024\n")
    cases.append((not_json, descriptor(), "not JSON Lines"))
    for name in ("empty.csv", "empty.jsonl", "empty.parquet"):
        cases.append((write(tmp / name, ""), descriptor(), "empty file"))
    cases.append((write(tmp / "blank.jsonl", "\n\n  \n"), descriptor(), "empty file"))
    cases.append((write(tmp / "blank.csv", "\n\n"), descriptor(), "empty file"))
    cases.append((write(tmp / "fake.csv.gz", TXN_HEADER), descriptor(), "not gzip-compressed"))
    cases.append((write(tmp / "binary.csv", "txn_id\x00\x01\x02"), descriptor(), "binary data"))
    cases.append((write(tmp / "dupes.csv", "txn_id,txn_id\n"), descriptor(), "duplicate column"))
    cases.append((write(tmp / "notes.txt", "hello"), descriptor(), "cannot tell the format"))
    cases.append((tmp / "nowhere.csv", descriptor(), "no such file"))
    truncated = tmp / "truncated.csv.gz"
    truncated.write_bytes(gzip.compress((TXN_HEADER * 2000).encode())[:200])
    cases.append((truncated, descriptor(), "gzip"))
    return cases


def test_broken_files_raise_one_line_errors_and_store_nothing(store: Store, tmp_path: Path) -> None:
    cases = _broken_files(tmp_path)
    assert len(cases) == 17
    for path, desc, fragment in cases:
        with pytest.raises(IngestError) as info:
            ingest_file(store, path, desc)
        message = str(info.value)
        assert message.startswith(f"{path}: "), message
        assert fragment in message, message
        assert "\n" not in message
    assert store.count("transaction") == 0
    assert store.count("quarantine") == 0  # rolled back with the file
    assert store.count("ingested_files") == 0


def test_a_late_encoding_error_rolls_back_earlier_batches(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest_module, "BATCH_ROWS", 2)
    body = "".join(f"T{i},2024-01-05,a,b,1,p2p\n" for i in range(6)) + "T9,2024-01-05,Åse,b,1,p2p\n"
    path = write(tmp_path / "transactions.csv", TXN_HEADER + body, encoding="latin-1")
    with pytest.raises(IngestError, match="line 8"):
        ingest_file(store, path, descriptor())
    assert store.count("transaction") == 0
    # Declaring the right encoding reads it.
    report = checked(ingest_file(store, path, descriptor(encoding="latin-1")), store)
    assert report.stored_new == 7


# -- discovery ---------------------------------------------------------------------------------


def test_discover_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write(data / "bank" / "transactions.csv", TXN_HEADER)
    write(data / "bank" / "customers.csv.gz", "")
    write(data / "bank" / "nordbank.source.yaml", DESCRIPTOR_YAML)
    write(data / "bank" / "export.csv", "")  # claimed by the descriptor
    write(data / "site" / "ads.jsonl", "")
    write(data / "site" / "device_events" / "part-0001.parquet", "")
    write(data / "site" / "device_events" / "part-0000.parquet", "")
    write(data / "site" / "device_events" / "_SUCCESS", "")
    write(data / "site" / "device_events" / ".part-0000.parquet.crc", "")
    write(data / "truth" / "transactions.csv", TXN_HEADER)
    write(data / ".cache" / "ads.jsonl", "")
    write(data / "bank" / ".~lock.transactions.csv#", "")
    write(data / "bank" / "notes.txt", "")
    write(data / "bank" / "mystery.csv", "")

    found = discover([data])
    summary = [
        (s.name, s.kind.value, [f.relative_to(data).as_posix() for f in s.files]) for s in found
    ]
    assert summary == [
        ("bank", "customer", ["bank/customers.csv.gz"]),
        ("bank", "transaction", ["bank/transactions.csv"]),
        ("nordbank", "transaction", ["bank/export.csv"]),
        ("site", "ad", ["site/ads.jsonl"]),
        (
            "site",
            "device_event",
            ["site/device_events/part-0000.parquet", "site/device_events/part-0001.parquet"],
        ),
    ]
    nordbank = next(s for s in found if s.name == "nordbank")
    assert nordbank.origin == data / "bank" / "nordbank.source.yaml"
    assert nordbank.descriptor.columns["amount"] == "Beløb"
    skipped = {s.path.relative_to(data).as_posix(): s.reason for s in found.skipped}
    assert set(skipped) == {"bank/notes.txt", "bank/mystery.csv"}
    assert "not a data file" in skipped["bank/notes.txt"]
    assert "cannot tell the record kind" in skipped["bank/mystery.csv"]


def test_discover_single_files_and_part_folders(tmp_path: Path) -> None:
    txns = write(tmp_path / "bank" / "transactions.jsonl", "")
    [spec] = discover([txns])
    assert (spec.name, spec.kind, spec.files) == ("bank", RecordKind.TRANSACTION, (txns,))
    part = write(tmp_path / "lake" / "messages" / "day=1" / "part-0.parquet", "")
    [spec] = discover([tmp_path / "lake" / "messages"])
    assert (spec.name, spec.kind, spec.files) == ("lake", RecordKind.MESSAGE, (part,))
    # A kind's singular name works too.
    [spec] = discover([write(tmp_path / "x" / "device_event.csv", "")])
    assert spec.kind is RecordKind.DEVICE_EVENT


@pytest.mark.parametrize("name", ["mystery.csv", "notes.txt", "missing.csv"])
def test_discover_refuses_unknown_single_files(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name != "missing.csv":
        write(path, "x")
    with pytest.raises(IngestError) as info:
        discover([path])
    assert str(info.value).startswith(f"{path}: ")
    assert "\n" not in str(info.value)


def test_descriptor_without_file_uses_its_stem(tmp_path: Path) -> None:
    write(tmp_path / "ledger.source.yaml", "name: ledger\nkind: transaction\n")
    data = write(tmp_path / "ledger.csv", TXN_HEADER)
    write(tmp_path / "lonely.source.yaml", "name: lonely\nkind: ad\n")
    found = discover([tmp_path])
    assert [(s.name, s.files) for s in found] == [("ledger", (data,))]
    assert [s.path.name for s in found.skipped] == ["lonely.source.yaml"]


def test_discover_then_ingest_end_to_end(store: Store, tmp_path: Path) -> None:
    write(tmp_path / "bank" / "transactions.csv", TXN_HEADER + "T1,2024-01-05,a,b,1,p2p\n")
    write_jsonl(tmp_path / "bank" / "customers.jsonl", [{"customer_id": "C1", "account_id": "a"}])
    reports = [r for spec in discover([tmp_path]) for r in ingest_source(store, spec)]
    assert [checked(r, store).stored_new for r in reports] == [1, 1]
    assert one(store, "SELECT _source FROM customers") == ("bank",)


def test_a_file_merged_in_parts_finds_duplicates_and_changes_across_parts(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # parts of 4 rows: a duplicate of line 2 far later in the file is still a duplicate, and a
    # re-ingest with changed rows updates them whatever part they fall in
    monkeypatch.setattr(ingest_module, "BATCH_ROWS", 2)
    monkeypatch.setattr(ingest_module, "MERGE_ROWS", 4)
    body = "".join(f"T{i},2024-01-05 10:00,a,b,{i},p2p\n" for i in range(10))
    path = write(tmp_path / "transactions.csv", TXN_HEADER + body + "T0,2024-01-06,a,b,9,p2p\n")
    report = checked(ingest_file(store, path, descriptor()), store)
    assert (report.read, report.stored_new, report.quarantined) == (11, 10, 1)
    assert quarantine(store)[0][0] == 12
    assert "first at line 2" in quarantine(store)[0][1]
    changed = body.replace("T7,2024-01-05 10:00,a,b,7", "T7,2024-01-05 10:00,a,b,70")
    changed = changed.replace("T1,2024-01-05 10:00,a,b,1", "T1,2024-01-05 10:00,a,b,10")
    again = write(tmp_path / "again" / "transactions.csv", TXN_HEADER + changed)
    report = checked(ingest_file(store, again, descriptor()), store)
    assert (report.stored_new, report.updated, report.already_stored) == (0, 2, 8)
    assert one(store, "SELECT amount FROM transactions WHERE txn_id = 'T7'") == (70.0,)
    assert one(store, "SELECT count(*) FROM record_versions") == (2,)
