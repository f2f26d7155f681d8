"""Small writers for the fuzz corpus: valid rows per record kind and files in every format.

Everything is generated at test time into a temporary folder; nothing big is committed.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from redflags.model.records import KIND_TABLES, RecordKind, field_specs

# The file stem (table name) of each kind: `ads.csv`, `transactions.jsonl` ...
STEMS: dict[RecordKind, str] = {kind: table for kind, (table, _) in KIND_TABLES.items()}
ID_FIELDS: dict[RecordKind, str] = {kind: field for kind, (_, field) in KIND_TABLES.items()}

TEXT_FORMATS = ("csv", "jsonl")
ALL_FORMATS = ("csv", "jsonl", "parquet", "csv.gz", "jsonl.gz")

SCRIPT = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>'


def valid_row(kind: RecordKind, i: int) -> dict[str, Any]:
    """A row of `kind` that validates, with its id (where the kind has one) unique per i."""
    ts = f"2026-03-{1 + i % 28:02d}T10:{i % 60:02d}:00Z"
    rows: dict[RecordKind, dict[str, Any]] = {
        RecordKind.AD: {
            "ad_id": f"A{i}",
            "posted_at": ts,
            "site": "escortsite.example",
            "city": "Aarhus",
            "title": f"New girl {i}",
            "body": "Sweet and discreet, call me",
            "price": "1500",
        },
        RecordKind.MESSAGE: {
            "message_id": f"M{i}",
            "sender": f"user{i}",
            "sent_at": ts,
            "text": "hello, are you free tonight?",
        },
        RecordKind.TRANSACTION: {
            "txn_id": f"T{i}",
            "ts": ts,
            "payer": f"DK{i:04d}",
            "payee": "DK9999",
            "amount": f"{100 + i}.50",
            "channel": "p2p",
            "memo": "rent",
        },
        RecordKind.CUSTOMER: {
            "customer_id": f"K{i}",
            "first_name": "Maria",
            "last_name": "Popescu",
            "birth_date": "1999-04-01",
            "phone": "+45 20 12 34 56",
        },
        RecordKind.DEVICE_EVENT: {
            "event_id": f"E{i}",
            "account": f"DK{i:04d}",
            "ts": ts,
            "device_id": "dev-1",
            "ip": "10.0.0.1",
        },
        RecordKind.KYC_EVENT: {
            "event_id": f"Y{i}",
            "customer_id": f"K{i}",
            "ts": ts,
            "event": "video_id_failed",
            "channel": "video",
        },
        RecordKind.COMPANY: {
            "entry_id": f"C{i}",
            "cvr": f"{10000000 + i}",
            "name": "Relax Massage ApS",
            "trade": "960400",
            "owner_name": "Ion Vasile",
            "owner_from": "2020-01-01",
        },
        RecordKind.OBSERVATION: {
            "observation_id": f"TS-{i}",
            "observed_at": ts,
            "place": "Relax Massage ApS",
            "person": "Ana Pop",
            "phone": "+45 20 12 34 56",
            "text": "Ingen bemærkninger.",
        },
    }
    return dict(rows[kind])


def required_fields(kind: RecordKind) -> list[str]:
    return [s.name for s in field_specs(kind) if s.required]


def text_fields(kind: RecordKind) -> list[str]:
    """Free-text canonical fields of a kind (str, not a choice, not the id)."""
    return [
        s.name
        for s in field_specs(kind)
        if s.base is str and not s.many and s.choices is None and s.name != ID_FIELDS[kind]
    ]


def columns_of(rows: Sequence[dict[str, Any]]) -> list[str]:
    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(row))
    return list(names)


def csv_bytes(
    rows: Sequence[dict[str, Any]],
    *,
    header: Sequence[str] | None = None,
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> bytes:
    header = list(header) if header is not None else columns_of(rows)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in header])
    return out.getvalue().encode(encoding, errors="surrogatepass")


def jsonl_bytes(rows: Sequence[Any], *, encoding: str = "utf-8") -> bytes:
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    return ("\n".join(lines) + "\n").encode(encoding, errors="surrogatepass")


def _arrow_value(kind: RecordKind, name: str, value: Any) -> Any:
    spec = next((s for s in field_specs(kind) if s.name == name), None)
    if spec is None or value is None:
        return value
    if spec.base is datetime:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
    if spec.base is date:
        return date.fromisoformat(value)
    if spec.base is float:
        return float(value)
    return value


def parquet_bytes(kind: RecordKind, rows: Sequence[dict[str, Any]], *, typed: bool = True) -> bytes:
    """Parquet of `rows`. Typed: canonical Arrow types (the bulk path), else all strings."""
    names = columns_of(rows)
    data = {
        name: [_arrow_value(kind, name, row.get(name)) if typed else row.get(name) for row in rows]
        for name in names
    }
    table = pa.table(data)
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def table_bytes(kind: RecordKind, rows: Sequence[dict[str, Any]], fmt: str) -> bytes:
    """`rows` in format `fmt` (one of ALL_FORMATS)."""
    if fmt == "parquet":
        return parquet_bytes(kind, rows)
    plain = csv_bytes(rows) if fmt.startswith("csv") else jsonl_bytes(rows)
    return gzip.compress(plain, mtime=0) if fmt.endswith(".gz") else plain


def write(path: Path, content: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def descriptor_text(**keys: Any) -> str:
    """A descriptor as YAML text; values are written as JSON, which YAML reads as flow style."""
    return "".join(f"{key}: {json.dumps(value)}\n" for key, value in keys.items())
