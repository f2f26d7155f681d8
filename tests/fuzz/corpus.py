"""The fuzz corpus: malformed inputs across formats, record kinds and descriptor options.

Each builder returns Cases (tests/fuzz/harness.py); a case writes its input into a temporary
folder at test time and states the outcome the contract promises: a one-line error, or
acceptance where every row is stored or quarantined (with the counts and lines the case pins).
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from redflags.model.records import RecordKind
from redflags.store import Store

from .build import (
    ALL_FORMATS,
    ID_FIELDS,
    SCRIPT,
    STEMS,
    csv_bytes,
    descriptor_text,
    jsonl_bytes,
    parquet_bytes,
    table_bytes,
    text_fields,
    valid_row,
    write,
)
from .harness import Case, Runs

AD, TXN = RecordKind.AD, RecordKind.TRANSACTION
Builder = Callable[[Path], Runs]


def one(name: str, content: bytes | str | Callable[[], bytes]) -> Builder:
    """A case of one file `name` (relative to the case folder), passed to ingest directly."""

    def build(root: Path) -> Runs:
        body = content() if callable(content) else content
        return [[write(root / name, body)]]

    return build


def folder(files: dict[str, bytes | str]) -> Builder:
    """A case of several files; the folder itself is passed to ingest."""

    def build(root: Path) -> Runs:
        for name, body in files.items():
            write(root / name, body)
        return [[root]]

    return build


def rows(kind: RecordKind, n: int, start: int = 0) -> list[dict[str, Any]]:
    return [valid_row(kind, i) for i in range(start, start + n)]


def txn_csv(*lines: str, header: str = "txn_id,ts,payer,payee,amount,channel") -> bytes:
    return ("\n".join([header, *lines]) + "\n").encode("utf-8")


def txn_line(i: int, **changes: str) -> str:
    row = valid_row(TXN, i)
    row.update(changes)
    return ",".join(row[c] for c in ("txn_id", "ts", "payer", "payee", "amount", "channel"))


def ids_present(kind: RecordKind, ids: list[str]) -> Callable[[Store], None]:
    """A store check: these ids are stored, or their row is in quarantine (nothing vanished)."""
    table, id_field = STEMS[kind], ID_FIELDS[kind]

    def check(store: Store) -> None:
        con = store.connection
        stored = {r[0] for r in con.execute(f"SELECT {id_field} FROM {table}").fetchall()}
        raws = " ".join(r[0] or "" for r in con.execute("SELECT raw FROM quarantine").fetchall())
        lost = [i for i in ids if i not in stored and i not in raws]
        assert not lost, f"rows vanished: {lost} neither stored nor quarantined"

    return check


def unique_target(tag: str) -> str:
    """A path outside the case folder that a hostile input tries to create."""
    return os.path.join(tempfile.gettempdir(), f"redflags-fuzz-{tag}-{uuid.uuid4().hex[:8]}")


# -- 1. a bad value in every record kind and every format ------------------------------------------

BAD_VALUE = {
    RecordKind.AD: ("posted_at", "2026-02-30T10:00:00"),
    RecordKind.MESSAGE: ("sent_at", "yesterday"),
    RecordKind.TRANSACTION: ("amount", "to hundrede"),
    RecordKind.CUSTOMER: ("birth_date", "31/12/1999"),
    RecordKind.DEVICE_EVENT: ("ts", "2026-13-01T00:00:00Z"),
    RecordKind.KYC_EVENT: ("ts", "not a time"),
    RecordKind.COMPANY: ("cvr", "   "),
    RecordKind.OBSERVATION: ("observed_at", "sidste tirsdag"),
}


def row_value_cases() -> Iterator[Case]:
    for kind in RecordKind:
        for fmt in ALL_FORMATS:
            data = rows(kind, 4)
            field, value = BAD_VALUE[kind]
            data[2][field] = value
            line = 4 if fmt.startswith("csv") else 3  # CSV counts its header line
            content = (
                parquet_bytes(kind, data, typed=False) if fmt == "parquet" else None
            ) or table_bytes(kind, data, fmt)
            yield Case(
                f"bad-value-{kind.value}-{fmt}",
                "bad value per kind and format",
                one(f"{STEMS[kind]}.{fmt}", content),
                "accept",
                read=4,
                stored=3,
                quarantined=1,
                quarantine_lines=(line,),
            )


# -- 2. HTML and script payloads in every text field of every kind ---------------------------------


def _payload_stored_verbatim(kind: RecordKind, fields: list[str]) -> Callable[[Store], None]:
    def check(store: Store) -> None:
        columns = ", ".join(fields)
        got = store.connection.execute(f"SELECT {columns} FROM {STEMS[kind]}").fetchall()
        assert got, "nothing stored"
        for row in got:
            assert all(value == SCRIPT for value in row), f"payload not stored verbatim: {row}"

    return check


def html_payload_cases() -> Iterator[Case]:
    for number, kind in enumerate(RecordKind):
        fmt = ALL_FORMATS[number % len(ALL_FORMATS)]
        fields = [f for f in text_fields(kind) if f not in ("currency", "event")]
        data = rows(kind, 2)
        for row in data:
            row.update(dict.fromkeys(fields, SCRIPT))
        content = (
            parquet_bytes(kind, data, typed=False) if fmt == "parquet" else None
        ) or table_bytes(kind, data, fmt)
        yield Case(
            f"html-payload-{kind.value}-{fmt}",
            "HTML/script payload in every text field",
            one(f"{STEMS[kind]}.{fmt}", content),
            "accept",
            read=2,
            stored=2,
            quarantined=0,
            check=_payload_stored_verbatim(kind, fields),
        )


# -- 3. encodings, BOMs, NUL bytes, line separators, surrogates ------------------------------------


def _ads_text(body: str = "plain", n: int = 2) -> list[dict[str, Any]]:
    data = rows(AD, n)
    data[-1]["body"] = body
    return data


def _descriptor_for(data_name: str, **extra: Any) -> str:
    return descriptor_text(name="bank", kind="ad", file=data_name, **extra)


def _with_descriptor(data_name: str, content: bytes, **extra: Any) -> Builder:
    def build(root: Path) -> Runs:
        write(root / data_name, content)
        desc = write(root / "bank.source.yaml", _descriptor_for(data_name, **extra))
        return [[desc]]

    return build


SEPARATORS = "\u2028 \u2029 \x85 \x0b \x0c \x1c \x1e"  # line breaks to str.splitlines()


def encoding_cases() -> Iterator[Case]:
    klass = "broken encodings, BOMs, NUL bytes, separators"
    latin = csv_bytes(_ads_text()).replace(b"plain", "Sørensen".encode("latin-1"))
    yield Case("latin1-byte-mid-csv", klass, one("ads.csv", latin), "error", mentions=("line 3",))
    yield Case(
        "latin1-byte-jsonl",
        klass,
        one("ads.jsonl", jsonl_bytes(_ads_text()).replace(b"plain", b"S\xf8rensen")),
        "error",
    )
    yield Case(
        "cp1252-declared",
        klass,
        _with_descriptor(
            "ads_export.csv", latin.replace(b"Aarhus", b"\x80 \x93"), encoding="cp1252"
        ),
        "accept",
        stored=2,
        quarantined=0,
    )
    bom = b"\xef\xbb\xbf"
    for fmt in ("csv", "jsonl", "csv.gz", "jsonl.gz"):
        plain = table_bytes(AD, rows(AD, 2), fmt.removesuffix(".gz"))
        content = gzip.compress(bom + plain) if fmt.endswith(".gz") else bom + plain
        yield Case(f"utf8-bom-{fmt}", klass, one(f"ads.{fmt}", content), "accept", stored=2)
    for fmt in ("csv", "jsonl"):
        text = table_bytes(AD, _ads_text("a\u2028b"), fmt).decode()
        yield Case(
            f"utf16-undeclared-{fmt}",
            klass,
            one(f"ads.{fmt}", text.encode("utf-16")),
            "error",
            mentions=("UTF-16",),
        )
        yield Case(
            f"utf16-declared-u2028-{fmt}",
            klass,
            _with_descriptor(f"export.{fmt}", text.encode("utf-16"), encoding="utf-16"),
            "accept",
            read=2,
            stored=2,
            quarantined=0,
            check=_body_is(AD, "A1", "a\u2028b"),
        )
        yield Case(
            f"line-separators-in-field-{fmt}",
            klass,
            one(f"ads.{fmt}", table_bytes(AD, _ads_text(SEPARATORS), fmt)),
            "accept",
            read=2,
            stored=2,
            quarantined=0,
        )
    yield Case(
        "unquoted-cr-in-field-csv",
        klass,
        one("ads.csv", csv_bytes(rows(AD, 3)).replace(b"Sweet and", b"Sweet\rand", 1)),
        "either",
        read=3,
    )
    yield Case(
        "utf32-declared",
        klass,
        _with_descriptor(
            "export.csv", csv_bytes(rows(AD, 2)).decode().encode("utf-32"), encoding="utf-32"
        ),
        "accept",
        stored=2,
    )
    nul_head = csv_bytes(_ads_text("a\x00b"))
    yield Case("nul-in-head-csv", klass, one("ads.csv", nul_head), "error")
    yield Case(
        "nul-in-head-jsonl",
        klass,
        one("ads.jsonl", jsonl_bytes(_ads_text()).replace(b"plain", b"a\x00b")),
        "error",
    )
    many = rows(AD, 200)
    many[150]["body"] = "a\x00b"
    yield Case("nul-after-8k-csv", klass, one("ads.csv", csv_bytes(many)), "either", read=200)
    yield Case(
        "nul-after-8k-jsonl",
        klass,
        one("ads.jsonl", jsonl_bytes(many).replace(b"\\u0000", b"\x00")),
        "either",
        read=200,
    )
    surrogate = jsonl_bytes(rows(AD, 3)).replace(b'"Sweet', b'"\\ud800 Sweet', 1)
    yield Case("lone-surrogate-escaped-jsonl", klass, one("ads.jsonl", surrogate), "accept", read=3)
    yield Case(
        "lone-surrogate-escaped-key-jsonl",
        klass,
        one("ads.jsonl", jsonl_bytes(rows(AD, 2)).replace(b'"site"', b'"\\udfff"', 1)),
        "accept",
        read=2,
    )
    raw = csv_bytes(_ads_text()).replace(b"plain", b"\xed\xa0\x80")
    yield Case("lone-surrogate-bytes-csv", klass, one("ads.csv", raw), "error")
    overlong = csv_bytes(_ads_text()).replace(b"plain", b"\xc0\xaf")
    yield Case("overlong-utf8-csv", klass, one("ads.csv", overlong), "error")
    for codec in ("rot13", "base64", "zlib_codec", "hex"):
        yield Case(
            f"descriptor-encoding-{codec}",
            "descriptor: bad encodings",
            _with_descriptor("export.csv", csv_bytes(rows(AD, 2)), encoding=codec),
            "error",
        )
    yield Case(
        "descriptor-encoding-idna",
        "descriptor: bad encodings",
        _with_descriptor("export.csv", csv_bytes(_ads_text("ø")), encoding="idna"),
        "either",
    )


def _whole_or_quarantined(record_id: str, body: str) -> Callable[[Store], None]:
    """A huge field is stored whole or its row quarantined (a field limit), never cut."""

    def check(store: Store) -> None:
        got = store.connection.execute(
            "SELECT body FROM ads WHERE ad_id = ?", [record_id]
        ).fetchall()
        if got:
            assert got == [(body,)], f"{record_id}: body stored cut to {len(got[0][0] or '')}"
        else:
            assert store.count("quarantine") >= 1, f"{record_id} neither stored nor quarantined"

    return check


def _body_is(kind: RecordKind, record_id: str, body: str) -> Callable[[Store], None]:
    def check(store: Store) -> None:
        got = store.connection.execute(
            f"SELECT body FROM {STEMS[kind]} WHERE {ID_FIELDS[kind]} = ?", [record_id]
        ).fetchall()
        assert got == [(body,)], f"{record_id}: stored body {got!r}, read {body!r}"

    return check


# -- 4. gzip: damaged, truncated, bombs ------------------------------------------------------------


def _gz_bomb(size: int, line: bytes = b"a") -> bytes:
    compressor = gzip.compress  # one member; repetitive data compresses ~1000:1
    chunk = line * (1 << 20)
    import zlib

    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [z.compress(b"ad_id,posted_at,body\nA1,2026-01-01T00:00:00Z,")]
    for _ in range(size >> 20):
        parts.append(z.compress(chunk))
    parts.append(z.flush())
    del compressor
    return b"".join(parts)


def gzip_cases() -> Iterator[Case]:
    klass = "damaged or truncated gzip"
    for fmt in ("csv", "jsonl"):
        whole = table_bytes(AD, rows(AD, 50), f"{fmt}.gz")
        yield Case(f"gzip-truncated-{fmt}", klass, one(f"ads.{fmt}.gz", whole[:-30]), "error")
        middle = len(whole) // 2
        flipped = whole[:middle] + bytes(b ^ 0xFF for b in whole[middle : middle + 8])
        yield Case(
            f"gzip-damaged-{fmt}",
            klass,
            one(f"ads.{fmt}.gz", flipped + whole[middle + 8 :]),
            "error",
        )
        yield Case(f"gzip-header-only-{fmt}", klass, one(f"ads.{fmt}.gz", whole[:10]), "error")
    yield Case("gzip-name-plain-content", klass, one("ads.csv.gz", csv_bytes(rows(AD, 2))), "error")
    yield Case("gzip-of-nothing", klass, one("ads.csv.gz", gzip.compress(b"")), "error")
    two = gzip.compress(csv_bytes(rows(AD, 2))) + gzip.compress(b"A9,2026-01-01T00:00:00Z\n")
    yield Case(
        "gzip-two-members",
        klass,
        one("ads.csv.gz", two),
        "accept",
        read=3,
        quarantined=1,  # the second member's row has 2 fields, the header 7
    )
    yield Case(
        "gzip-trailing-garbage",
        klass,
        one("ads.csv.gz", gzip.compress(csv_bytes(rows(AD, 2))) + b"garbage!"),
        "either",
    )
    yield Case(
        "gzip-bomb-one-line-256MB",
        "huge fields and lines (bounded memory)",
        one("ads.csv.gz", lambda: _gz_bomb(256 << 20)),
        "either",
        isolated=True,
    )
    yield Case(
        "gzip-parquet-name",
        klass,
        one("ads.parquet.gz", gzip.compress(parquet_bytes(AD, rows(AD, 2)))),
        "error",
    )


# -- 5. structure: empty, header-only, quotes, field counts, headers -------------------------------


def structure_cases() -> Iterator[Case]:
    klass = "empty, header-only, blank-lines-only"
    for name in ("ads.csv", "ads.jsonl", "ads.parquet", "ads.csv.gz"):
        yield Case(f"empty-{name}", klass, one(name, b""), "error")
    yield Case("header-only-csv", klass, one("ads.csv", b"ad_id,posted_at\n"), "either", read=0)
    yield Case("blank-lines-only-csv", klass, one("ads.csv", b"\n\n\r\n\n"), "error")
    yield Case("blank-lines-only-jsonl", klass, one("ads.jsonl", b"\n \n\t\n\r\n"), "error")
    yield Case("commas-only-header-csv", klass, one("ads.csv", b",,,\n,,,\n"), "error")
    yield Case(
        "blank-lines-before-header-csv",
        klass,
        one("ads.csv", b"\n\n\n" + csv_bytes(rows(AD, 2)) + b"A9,oops\n"),
        "accept",
        read=3,
        stored=2,
        quarantine_lines=(7,),
    )
    yield Case(
        "crlf-csv",
        klass,
        one("ads.csv", csv_bytes(rows(AD, 2)).replace(b"\n", b"\r\n")),
        "accept",
        stored=2,
        quarantined=0,
    )
    yield Case(
        "cr-only-csv", klass, one("ads.csv", csv_bytes(rows(AD, 2)).replace(b"\n", b"\r")), "either"
    )

    klass = "unterminated quotes"
    ids = [f"T{i}" for i in range(6)]
    before = [txn_line(i) for i in range(3)]
    after = [txn_line(i) for i in range(4, 6)]
    header = "txn_id,ts,payer,payee,amount,channel,memo"
    mid = txn_csv(
        *[b + ",ok" for b in before],
        txn_line(3) + ',"rent for the room',
        *[a + ",ok" for a in after],
        header=header,
    )
    yield Case(
        "unterminated-quote-mid-csv",
        klass,
        one("transactions.csv", mid),
        "either",
        quarantine_lines=(5,),
        check=ids_present(TXN, ids),
    )
    at_eof = txn_csv(*[b + ",ok" for b in before], txn_line(3) + ',"rent', header=header)
    yield Case(
        "unterminated-quote-eof-csv",
        klass,
        one("transactions.csv", at_eof),
        "either",
        stored=3,
        quarantine_lines=(5,),
        check=ids_present(TXN, ids[:4]),
    )
    yield Case(
        "quote-in-unquoted-field-csv",
        klass,
        one("transactions.csv", txn_csv(txn_line(0), txn_line(1, payer='DK"1"2'))),
        "accept",
        read=2,
    )
    jsonl = jsonl_bytes(rows(AD, 4)).split(b"\n")
    jsonl[2] = jsonl[2][:-5]  # cut inside a string
    yield Case(
        "unterminated-string-jsonl",
        klass,
        one("ads.jsonl", b"\n".join(jsonl)),
        "accept",
        read=4,
        stored=3,
        quarantine_lines=(3,),
    )

    klass = "wrong field counts and headers"
    yield Case(
        "too-many-fields-csv",
        klass,
        one("transactions.csv", txn_csv(txn_line(0), txn_line(1) + ",extra,more", txn_line(2))),
        "accept",
        stored=2,
        quarantined=1,
        quarantine_lines=(3,),
    )
    yield Case(
        "too-few-fields-csv",
        klass,
        one("transactions.csv", txn_csv(txn_line(0), "T1,2026-01-01T00:00:00Z", txn_line(2))),
        "accept",
        stored=2,
        quarantine_lines=(3,),
    )
    yield Case(
        "commas-only-row-csv",
        klass,
        one("transactions.csv", txn_csv(txn_line(0), ",,,,,", txn_line(2))),
        "accept",
        read=3,
        stored=2,
        quarantine_lines=(3,),
    )
    yield Case(
        "duplicate-header-column-csv",
        klass,
        one(
            "transactions.csv",
            txn_csv(txn_line(0), header="txn_id,ts,payer,payee,amount,amount,channel"),
        ),
        "error",
        mentions=("amount",),
    )
    yield Case(
        "duplicate-header-after-trim-csv",
        klass,
        one(
            "transactions.csv", txn_csv(txn_line(0), header="txn_id,ts,payer,payee, amount,amount ")
        ),
        "error",
    )
    yield Case(
        "empty-header-name-csv",
        klass,
        one("ads.csv", b"ad_id,,posted_at\nA1,x,2026-01-01T00:00:00Z\n"),
        "accept",
        stored=1,
    )
    yield Case(
        "missing-required-column-csv",
        klass,
        one(
            "transactions.csv",
            txn_csv("T1,2026-01-01T00:00:00Z,a,b,1", header="txn_id,ts,payer,payee,amount"),
        ),
        "error",
        mentions=("channel",),
    )
    yield Case(  # `;` (a European spreadsheet's export) is found from the header (issue #13)
        "semicolon-delimiter-csv",
        klass,
        one("ads.csv", csv_bytes(rows(AD, 2), delimiter=";")),
        "accept",
        read=2,
        stored=2,
        quarantined=0,
    )
    yield Case(  # a delimiter the sniffer does not know leaves one column: the header is wrong
        "unknown-delimiter-csv",
        klass,
        one("ads.csv", csv_bytes(rows(AD, 2), delimiter="#")),
        "error",
    )
    yield Case(
        "jsonl-non-objects",
        klass,
        one("ads.jsonl", jsonl_bytes([valid_row(AD, 0), [1, 2], "text", 7, None, True])),
        "accept",
        read=6,
        stored=1,
        quarantined=5,
        quarantine_lines=(2, 3, 4, 5, 6),
    )
    yield Case(
        "jsonl-duplicate-keys",
        klass,
        one("ads.jsonl", b'{"ad_id":"A1","ad_id":"A2","posted_at":"2026-01-01T00:00:00Z"}\n'),
        "either",
        read=1,
    )
    yield Case(
        "jsonl-missing-required-everywhere",
        klass,
        one("ads.jsonl", jsonl_bytes([{"body": "x"}, {"title": "y"}])),
        "accept",
        read=2,
        stored=0,
        quarantined=2,
    )
    yield Case(
        "jsonl-object-as-text",
        klass,
        one("ads.jsonl", jsonl_bytes([{**valid_row(AD, 0), "body": {"html": SCRIPT}}])),
        "accept",
        read=1,
        quarantined=1,
    )
    yield Case(
        "not-jsonl-at-all",
        klass,
        one("ads.jsonl", b"<html><body>hello</body></html>\n"),
        "error",
    )


# -- 6. ids: duplicates, changed rows re-ingested --------------------------------------------------


def _changed_row_is_honest(store: Store) -> None:
    """A re-ingested row with a changed body is either stored as read or quarantined, never
    counted 'already stored' while the store keeps other content."""
    body = store.connection.execute("SELECT body FROM ads WHERE ad_id = 'A1'").fetchall()
    reasons = store.connection.execute(
        "SELECT reason FROM quarantine WHERE raw LIKE '%A1%'"
    ).fetchall()
    assert body == [("changed body",)] or reasons, (
        f"A1 changed on re-ingest but the store holds {body} and quarantine nothing"
    )


def _reason_names_first_line(line: int) -> Callable[[Store], None]:
    def check(store: Store) -> None:
        reasons = [
            r[0] for r in store.connection.execute("SELECT reason FROM quarantine").fetchall()
        ]
        assert any(f"first at line {line}" in r for r in reasons), reasons

    return check


def id_cases() -> Iterator[Case]:
    klass = "duplicate ids and re-ingest"
    for fmt, first in (("csv", 2), ("jsonl", 1), ("parquet", 1)):
        data = [*rows(AD, 2), valid_row(AD, 0)]
        yield Case(
            f"duplicate-id-in-file-{fmt}",
            klass,
            one(f"ads.{fmt}", table_bytes(AD, data, fmt)),
            "accept",
            read=3,
            stored=2,
            quarantined=1,
            quarantine_lines=(first + 2,),
            check=_reason_names_first_line(first),
        )
    yield Case(
        "duplicate-id-across-parts",
        klass,
        folder(
            {
                "ads/part-1.csv": csv_bytes(rows(AD, 2)),
                "ads/part-2.csv": csv_bytes(rows(AD, 2, start=1)),
            }
        ),
        "accept",
        read=4,
        stored=4,
    )

    def twice(root: Path) -> Runs:
        path = write(root / "ads.csv", csv_bytes(rows(AD, 2)))
        return [[path], [path]]

    yield Case("same-file-twice", klass, twice, "accept", read=2, stored=2)

    def changed(root: Path) -> Runs:
        first = write(root / "v1" / "ads.csv", csv_bytes(rows(AD, 2)))
        data = rows(AD, 2)
        data[1]["body"] = "changed body"
        second = write(root / "v2" / "ads.csv", csv_bytes(data))
        # the same source name for both: the folder is the source, so use one descriptor each
        write(
            root / "v1" / "a.source.yaml", descriptor_text(name="site", kind="ad", file="ads.csv")
        )
        write(
            root / "v2" / "a.source.yaml", descriptor_text(name="site", kind="ad", file="ads.csv")
        )
        del first, second
        return [[root / "v1" / "a.source.yaml"], [root / "v2" / "a.source.yaml"]]

    yield Case(
        "changed-row-reingested", klass, changed, "accept", read=4, check=_changed_row_is_honest
    )
    padded = rows(AD, 2)
    padded[1]["ad_id"] = " A0 "
    yield Case(
        "duplicate-id-after-trim",
        klass,
        one("ads.csv", csv_bytes(padded)),
        "accept",
        stored=1,
        quarantined=1,
    )
    event = {k: v for k, v in valid_row(RecordKind.DEVICE_EVENT, 0).items() if k != "event_id"}
    yield Case(
        "derived-id-duplicate",
        klass,
        one("device_events.jsonl", jsonl_bytes([event, event])),
        "accept",
        read=2,
        stored=1,
        quarantined=1,
    )


# -- 7. numbers and timestamps ---------------------------------------------------------------------


def number_cases() -> Iterator[Case]:
    klass = "NaN/Infinity/1e308 amounts, huge integers"
    amounts = ["NaN", "Infinity", "-inf", "1e309", "9" * 400, "-5", "", "1e308", "0.5", "12"]
    lines = [txn_line(i, amount=a) for i, a in enumerate(amounts)]
    yield Case(
        "amounts-csv",
        klass,
        one("transactions.csv", txn_csv(*lines)),
        "accept",
        read=10,
        stored=2,
        quarantined=8,
        quarantine_lines=(2, 3, 4, 5, 6, 7, 8, 9),  # 1e308 is past the money bound of 1e12
    )
    base = valid_row(TXN, 0)
    json_lines = [
        json.dumps({**base, "txn_id": f"J{i}"})[:-1] + f', "amount": {literal}}}'
        for i, literal in enumerate(
            [
                "NaN",
                "Infinity",
                "-Infinity",
                "1e400",
                "9" * 5000,
                "true",
                "[1]",
                "{}",
                "1e308",
                "12.5",
            ]
        )
    ]
    yield Case(
        "amounts-jsonl",
        klass,
        one("transactions.jsonl", "\n".join(json_lines) + "\n"),
        "accept",
        read=10,
        stored=1,
        quarantined=9,
        quarantine_lines=(1, 2, 3, 4, 5, 6, 7, 8, 9),
    )
    typed = pa.table(
        {
            "txn_id": [f"P{i}" for i in range(5)],
            "ts": pa.array([1_700_000_000_000_000] * 5, pa.timestamp("us", tz="UTC")),
            "payer": ["a"] * 5,
            "payee": ["b"] * 5,
            "amount": [float("nan"), float("inf"), -1.0, 1e308, 5.0],
            "channel": ["p2p"] * 5,
        }
    )
    yield Case(
        "amounts-parquet-typed",
        klass,
        one("transactions.parquet", lambda: _parquet(typed)),
        "accept",
        read=5,
        stored=1,
        quarantined=4,
        quarantine_lines=(1, 2, 3, 4),
    )
    customers = pa.table(
        {
            "customer_id": ["K1", "K2"],
            "declared_income": pa.array([2**63 - 1, -(2**63)], pa.int64()),
        }
    )
    yield Case(
        "int64-extremes-parquet",
        klass,
        one("customers.parquet", lambda: _parquet(customers)),
        "accept",
        read=2,
        stored=0,
        quarantined=2,  # both past the bound of 1e12
    )


def _parquet(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return bytes(sink.getvalue().to_pybytes())


def timestamp_cases() -> Iterator[Case]:
    klass = "overflowing timestamps"
    stamps = [
        "0001-01-01",  # naive, read in Copenhagen: before year 1 in UTC
        "0001-01-01T00:00:00+01:00",
        "9999-12-31T23:59:59-05:00",  # after year 9999 in UTC
        "2026-02-30T10:00:00",
        "2026-03-01T10:00:00+99:00",
        "2026-03-01 10:00",
        "9999-12-31T23:59:59Z",
        "0001-01-02T00:00:00Z",
    ]
    ads = [{**valid_row(AD, i), "posted_at": s} for i, s in enumerate(stamps)]
    for fmt in ("csv", "jsonl"):
        first = 2 if fmt == "csv" else 1
        yield Case(
            f"timestamps-{fmt}",
            klass,
            one(f"ads.{fmt}", table_bytes(AD, ads, fmt)),
            "accept",
            read=8,
            quarantine_lines=tuple(range(first, first + 5)),
            check=ids_present(AD, ["A5"]),  # '2026-03-01 10:00' is a plain local time
        )
    dates = [
        {**valid_row(RecordKind.CUSTOMER, i), "birth_date": d}
        for i, d in enumerate(
            ["0000-01-01", "1999-02-29", "99999-01-01", "1999-12-31", "0001-01-01"]
        )
    ]
    yield Case(
        "dates-csv",
        klass,
        one("customers.csv", csv_bytes(dates)),
        "accept",
        read=5,
        quarantine_lines=(2, 3, 4),
        check=ids_present(RecordKind.CUSTOMER, ["K3"]),
    )
    extremes = pa.table(
        {
            "ad_id": ["A1", "A2"],
            "posted_at": pa.array(
                [-62135596800000000, 253402300799000000], pa.timestamp("us", tz="UTC")
            ),
        }
    )
    yield Case(
        "timestamp-extremes-parquet",
        klass,
        one("ads.parquet", lambda: _parquet(extremes)),
        "accept",
        read=2,
    )
    far = pa.table(
        {"customer_id": ["K1", "K2"], "birth_date": pa.array([2**31 - 1, 0], pa.date32())}
    )

    def far_dates(root: Path) -> Runs:
        write(root / "people.parquet", _parquet(far))
        desc = descriptor_text(
            name="bank",
            kind="customer",
            file="people.parquet",
            columns={"customer_id": "customer_id"},
        )
        return [[write(root / "people.source.yaml", desc)]]

    yield Case("date32-beyond-python-parquet", klass, far_dates, "either", read=2)


# -- 8. deep JSON, huge fields and lines -----------------------------------------------------------


def deep_and_huge_cases() -> Iterator[Case]:
    klass = "deep JSON nesting"
    base = json.dumps(valid_row(AD, 1))[:-1]
    for opener, closer, depth in (("[", "]", 100_000), ('{"a":', "}", 100_000), ("[", "]", 60)):
        deep = base + ', "body": ' + opener * depth + "1" + closer * depth + "}"
        content = "\n".join([json.dumps(valid_row(AD, 0)), deep, json.dumps(valid_row(AD, 2))])
        yield Case(
            f"deep-json-{depth}-{'list' if opener == '[' else 'object'}",
            klass,
            one("ads.jsonl", content + "\n"),
            "accept",
            read=3,
            stored=2,
            quarantine_lines=(2,),
        )
    wide = {**valid_row(AD, 0), **{f"k{i}": i for i in range(50_000)}}
    yield Case("jsonl-50k-keys", klass, one("ads.jsonl", jsonl_bytes([wide])), "accept", stored=1)

    klass = "huge fields and lines (bounded memory)"
    body = "x" * (5 << 20)
    for fmt in ("csv", "jsonl"):
        yield Case(
            f"five-mb-field-{fmt}",
            klass,
            one(f"ads.{fmt}", table_bytes(AD, _ads_text(body), fmt)),
            "accept",
            read=2,
            check=_whole_or_quarantined("A1", body),
        )
    columns = ",".join(["ad_id", "posted_at", *(f"c{i}" for i in range(20_000))])
    values = ",".join(["A1", "2026-01-01T00:00:00Z", *("v" for _ in range(20_000))])
    yield Case(
        "twenty-thousand-columns-csv",
        klass,
        one("ads.csv", f"{columns}\n{values}\n"),
        "either",  # a column limit may refuse it; if read, the row is stored
        stored=1,
    )

    def huge_line(fmt: str) -> Builder:
        def build(root: Path) -> Runs:
            path = root / f"ads.{fmt}"
            with path.open("wb") as handle:
                if fmt == "csv":
                    handle.write(b"ad_id,posted_at,body\nA1,2026-01-01T00:00:00Z,")
                else:
                    handle.write(b'{"ad_id": "A1", "posted_at": "2026-01-01T00:00:00Z", "body": "')
                chunk = b"y" * (1 << 20)
                for _ in range(200):
                    handle.write(chunk)
                handle.write(b"\n" if fmt == "csv" else b'"}\n')
                handle.write(b"A2,2026-01-01T00:00:00Z,ok\n" if fmt == "csv" else b"")
            return [[path]]

        return build

    for fmt in ("csv", "jsonl"):
        yield Case(f"two-hundred-mb-line-{fmt}", klass, huge_line(fmt), "either", isolated=True)


# -- 9. Parquet: hostile column names, corrupt pages, names with glob characters -------------------


HOSTILE_COLUMNS = {
    "double-quote": '"',
    "single-quote": "'",
    "copy-to": "x\") TO '{target}' --",
    "statement": "a\" := 1)); COPY (SELECT 42) TO '{target}'; --",
    "newline": "a\nb",
    "empty": "",
    "rich-markup": "[/]",
}


def parquet_cases() -> Iterator[Case]:
    klass = "Parquet with hostile column names"
    for label, template in HOSTILE_COLUMNS.items():
        for typed in (True, False):
            target = unique_target(label)
            name = template.format(target=target)
            data = rows(AD, 3)
            data[2]["price"] = "many"  # one row to quarantine: no price (strings), no time (typed)
            if typed:
                data[2]["price"], data[2]["posted_at"] = "1", None
            base = pa.Table.from_pylist(
                [
                    {
                        "ad_id": r["ad_id"],
                        "posted_at": _utc(r["posted_at"])
                        if typed and r["posted_at"]
                        else r["posted_at"],
                        "price": float(r["price"]) if typed else r["price"],
                    }
                    for r in data
                ]
            )
            table = base.append_column(pa.field(name, pa.string()), pa.array(["v"] * 3))
            yield Case(
                f"parquet-column-{label}-{'typed' if typed else 'strings'}",
                klass,
                one("ads.parquet", _parquet(table)),
                "accept",
                read=3,
                stored=2,
                quarantined=1,
                forbidden=(target,),
            )
    target = unique_target("mapped")
    hostile = f"x\") TO '{target}' --"

    def mapped(root: Path) -> Runs:
        table = pa.table({hostile: ["A1", "A2"], "posted_at": ["2026-01-01T00:00:00Z"] * 2})
        write(root / "export.parquet", _parquet(table))
        desc = descriptor_text(
            name="site", kind="ad", file="export.parquet", columns={"ad_id": hostile}
        )
        return [[write(root / "export.source.yaml", desc)]]

    yield Case(
        "parquet-hostile-mapped-column", klass, mapped, "accept", stored=2, forbidden=(target,)
    )

    klass = "corrupt or mislabelled Parquet"
    whole = parquet_bytes(AD, rows(AD, 200))
    middle = len(whole) // 3
    corrupt = whole[:middle] + bytes(64) + whole[middle + 64 :]
    yield Case("parquet-corrupt-page", klass, one("ads.parquet", corrupt), "either")
    yield Case(
        "parquet-truncated", klass, one("ads.parquet", whole[: len(whole) // 2] + b"PAR1"), "error"
    )
    yield Case("parquet-magic-only", klass, one("ads.parquet", b"PAR1PAR1PAR1"), "error")
    yield Case(
        "parquet-footer-garbage",
        klass,
        one("ads.parquet", whole[:-8] + b"\xff\xff\xff\x7fPAR1"),
        "error",
    )
    yield Case("parquet-named-csv", klass, one("ads.csv", whole), "error", mentions=("Parquet",))
    yield Case("csv-named-parquet", klass, one("ads.parquet", csv_bytes(rows(AD, 2))), "error")
    nested = pa.table(
        {
            "txn_id": ["T1", "T2"],
            "ts": ["2026-01-01T00:00:00Z"] * 2,
            "payer": ["a", "b"],
            "payee": ["b", "a"],
            "amount": pa.array([{"v": 1}, {"v": 2}]),
            "channel": ["p2p"] * 2,
        }
    )
    yield Case(
        "parquet-struct-amount",
        klass,
        one("transactions.parquet", lambda: _parquet(nested)),
        "accept",
        read=2,
        quarantined=2,
    )
    empty = pa.table({"ad_id": pa.array([], pa.string()), "posted_at": pa.array([], pa.string())})
    yield Case(
        "parquet-zero-rows", klass, one("ads.parquet", lambda: _parquet(empty)), "either", read=0
    )

    klass = "Parquet named with glob characters"
    for label, name in (
        ("star", "part-*.parquet"),
        ("bracket", "part-[1].parquet"),
        ("question", "part-?.parquet"),
    ):
        yield Case(
            f"parquet-name-{label}",
            klass,
            folder(
                {
                    f"ads/{name}": parquet_bytes(AD, rows(AD, 1)),
                    "ads/part-1.parquet": parquet_bytes(AD, rows(AD, 2, start=1)),
                    "ads/part-a.parquet": parquet_bytes(AD, rows(AD, 2, start=3)),
                }
            ),
            "either",  # refusing such a name is fine; reading a file twice is not
            read=5,
            stored=5,
            quarantined=0,
        )
    yield Case(
        "parquet-name-quote",
        klass,
        folder({"ads/o'brien.parquet": parquet_bytes(AD, rows(AD, 2))}),
        "accept",
        read=2,
        stored=2,
    )


def _utc(text: str) -> Any:
    from datetime import UTC, datetime

    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


# -- 10. the file system: FIFOs, symlinks, names with spaces, escapes and markup -------------------


def path_cases() -> Iterator[Case]:
    klass = "FIFO, symlink loop"

    def fifo(direct: bool) -> Builder:
        def build(root: Path) -> Runs:
            os.mkfifo(root / "ads.csv")
            return [[root / "ads.csv" if direct else root]]

        return build

    yield Case("fifo-direct", klass, fifo(True), "error", isolated=True)
    yield Case("fifo-in-folder", klass, fifo(False), "either", isolated=True)

    def self_loop(root: Path) -> Runs:
        os.symlink("ads.csv", root / "ads.csv")
        return [[root / "ads.csv"]]

    yield Case("symlink-self-loop", klass, self_loop, "error")

    def dir_loop(root: Path) -> Runs:
        write(root / "ads.csv", csv_bytes(rows(AD, 2)))
        os.symlink(".", root / "loop")
        os.symlink("..", root / "up")
        return [[root]]

    yield Case("symlink-dir-loop", klass, dir_loop, "either", isolated=True)

    def part_loop(root: Path) -> Runs:
        (root / "ads").mkdir()
        write(root / "ads" / "part-1.csv", csv_bytes(rows(AD, 2)))
        os.symlink("..", root / "ads" / "again")
        return [[root / "ads"]]

    yield Case("symlink-loop-in-part-folder", klass, part_loop, "either", isolated=True)

    klass = "file names: spaces, escapes, markup"
    yield Case(
        "spaces-in-names",
        klass,
        folder({"bank exports 2026/ads.csv": csv_bytes(rows(AD, 2))}),
        "accept",
        stored=2,
    )
    bad = csv_bytes(rows(AD, 2)) + b"A9\n"
    for label, name in (
        ("csi-colour", "part-\x1b[31mred\x1b[0m.csv"),
        ("osc-title", "part-\x1b]0;owned\x07.csv"),
        ("clear-screen", "part-\x1b[2J\x1b[H.csv"),
        ("c1-csi", "part-\u009b31m.csv"),
        ("carriage-return", "part-\rerror: fake.csv"),
    ):
        yield Case(
            f"escape-name-{label}-accepted", klass, folder({f"ads/{name}": bad}), "either", stored=2
        )
        yield Case(f"escape-name-{label}-error", klass, folder({f"ads/{name}": b""}), "error")
    yield Case(
        "newline-in-name-error",
        klass,
        folder({"ads/part\nerror: everything is fine.csv": b""}),
        "error",
    )
    for label, name in (
        ("closing-tag", "[/]"),
        ("style", "[bold red]x[/bold red]"),
        ("link", "[link=http://evil]y[/link]"),
    ):
        yield Case(
            f"markup-name-{label}",
            klass,
            folder({f"ads/{name}.csv": b""}),
            "error",
            # a "/" in the name makes folders: the message names the path, up to the first one
            mentions=(name.partition("/")[0],),
        )
    yield Case(
        "markup-in-duplicate-column",
        klass,
        one("ads.csv", b"ad_id,posted_at,[/],[/]\nA1,2026-01-01T00:00:00Z,a,b\n"),
        "error",
        mentions=("[/]",),
    )
    yield Case(
        "escape-in-duplicate-column",
        klass,
        one("ads.csv", b"ad_id,posted_at,\x1b[2J,\x1b[2J\nA1,2026-01-01T00:00:00Z,a,b\n"),
        "error",
    )
    yield Case("missing-path", klass, lambda root: [[root / "nope" / "ads.csv"]], "error")
    yield Case("unknown-kind-name", klass, one("adverts.csv", csv_bytes(rows(AD, 1))), "error")


# -- 11. descriptors -------------------------------------------------------------------------------


def _txn_source(desc: str, data_name: str = "bank.csv", data: bytes | None = None) -> Builder:
    """A transaction source `bank.source.yaml` (text as given) beside a valid CSV."""

    def build(root: Path) -> Runs:
        write(root / data_name, data if data is not None else csv_bytes(rows(TXN, 2)))
        return [[write(root / "bank.source.yaml", desc)]]

    return build


GOOD = "name: bank\nkind: transaction\nfile: bank.csv\n"


def descriptor_cases() -> Iterator[Case]:
    klass = "descriptor: YAML tags"
    target = unique_target("yaml-tag")
    for label, extra in (
        ("python-name", "description: !!python/name:os.system\n"),
        ("python-apply", f"description: !!python/object/apply:os.system ['touch {target}']\n"),
        ("python-new", "description: !!python/object/new:subprocess.Popen [['true']]\n"),
        ("custom-tag", "description: !evil x\n"),
        ("set", "description: !!set {a, b}\n"),
        ("tag-on-key", f"!!python/object/apply:os.system ['touch {target}']: x\n"),
    ):
        yield Case(
            f"descriptor-tag-{label}",
            klass,
            _txn_source(GOOD + extra),
            "error",
            forbidden=(target,),
        )

    yield Case(
        "descriptor-tag-binary",
        klass,
        _txn_source(GOOD + "description: !!binary aGVsbG8=\n"),
        "either",
    )

    klass = "descriptor: billion laughs, deep nesting"
    laughs = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        laughs.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    yield Case(
        "descriptor-billion-laughs",
        klass,
        _txn_source(GOOD + "description:\n  " + "\n  ".join(laughs) + "\n"),
        "error",
        isolated=True,
    )
    yield Case(
        "descriptor-laughs-in-columns",
        klass,
        _txn_source(
            "name: bank\nkind: transaction\nfile: bank.csv\nx0: &x ["
            + ",".join(["lol"] * 50)
            + "]\n"
            + "".join(
                f"x{i}: &x{i} [" + ",".join(["*x" if i == 1 else f"*x{i - 1}"] * 50) + "]\n"
                for i in range(1, 6)
            )
        ),
        "error",
        isolated=True,
    )
    for label, text in (
        ("list", "description: " + "[" * 5000 + "]" * 5000 + "\n"),
        ("mapping", "description: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n"),
        ("block", "description:\n" + "".join("  " * i + "- \n" for i in range(1, 400))),
    ):
        yield Case(f"descriptor-deep-{label}", klass, _txn_source(GOOD + text), "error")

    klass = "descriptor: paths outside its folder"

    def outside(spec: Callable[[Path], str]) -> Builder:
        def build(root: Path) -> Runs:
            secret = write(root / "outside" / "secret" / "bank.csv", csv_bytes(rows(TXN, 2)))
            inner = root / "inside"
            desc = descriptor_text(name="bank", kind="transaction", file=spec(secret))
            return [[write(inner / "bank.source.yaml", desc)]]

        return build

    for label, spec in (
        ("absolute", lambda s: str(s)),
        ("dotdot", lambda s: "../outside/secret/bank.csv"),
        ("dotdot-glob", lambda s: "../outside/*/bank.csv"),
        ("absolute-glob", lambda s: str(s.parent / "*.csv")),
        ("dotdot-folder", lambda s: "../outside/secret"),
        ("recursive-glob", lambda s: "../**/bank.csv"),
        ("home", lambda s: "~/bank.csv"),
    ):
        yield Case(f"descriptor-file-{label}", klass, outside(spec), "error")

    klass = "descriptor: unknown keys, wrong types"
    for label, text in (
        ("unknown-key", GOOD + "sheet: 1\n"),
        ("unknown-field", GOOD + "columns: {ghost: x}\n"),
        ("columns-list", GOOD + "columns: [a, b]\n"),
        ("columns-nested", GOOD + "columns: {txn_id: {a: b}}\n"),
        ("defaults-string", GOOD + "defaults: abc\n"),
        ("default-not-number", GOOD + "defaults: {amount: abc}\n"),
        ("default-nan", GOOD + "defaults: {amount: .nan}\n"),
        ("default-list", GOOD + "defaults: {payer: [1, 2]}\n"),
        ("default-channel", GOOD + "defaults: {channel: teleport}\n"),
        ("delimiter-two", GOOD + 'delimiter: ",,"\n'),
        ("delimiter-empty", GOOD + 'delimiter: ""\n'),
        ("delimiter-quote", GOOD + "delimiter: '\"'\n"),
        ("delimiter-newline", GOOD + 'delimiter: "\\n"\n'),
        ("delimiter-cr", GOOD + 'delimiter: "\\r"\n'),
        ("delimiter-nul", GOOD + 'delimiter: "\\0"\n'),
        ("list-separator-empty", GOOD + 'list_separator: ""\n'),
        ("timezone-number", GOOD + "timezone: 5\n"),
        ("timezone-path", GOOD + "timezone: ../../../etc/passwd\n"),
        ("timezone-empty", GOOD + 'timezone: ""\n'),
        ("timezone-nul", GOOD + 'timezone: "Europe/\\0"\n'),
        # a folder of the zone database: zoneinfo raised IsADirectoryError (found by atheris)
        ("timezone-folder", GOOD + "timezone: Europe\n"),
        ("kind-ghost", "name: bank\nkind: ghost\nfile: bank.csv\n"),
        ("kind-number", "name: bank\nkind: 7\nfile: bank.csv\n"),
        ("kind-list", "name: bank\nkind: [ad]\nfile: bank.csv\n"),
        ("name-space", 'name: "a b"\nkind: transaction\nfile: bank.csv\n'),
        ("name-slash", "name: ../x\nkind: transaction\nfile: bank.csv\n"),
        ("name-missing", "kind: transaction\nfile: bank.csv\n"),
        ("name-number", "name: 12\nkind: transaction\nfile: bank.csv\n"),
        ("format-exe", GOOD + "format: exe\n"),
        ("encoding-unknown", GOOD + "encoding: klingon\n"),
        ("file-number", "name: bank\nkind: transaction\nfile: 5\n"),
        ("file-list", "name: bank\nkind: transaction\nfile: [bank.csv]\n"),
        ("file-nul", 'name: bank\nkind: transaction\nfile: "bank\\0.csv"\n'),
        ("duplicate-key", GOOD + "name: other\n"),
        ("a-list", "- name: bank\n- kind: transaction\n"),
        ("a-scalar", "just text\n"),
        ("empty", ""),
        ("comment-only", "# nothing\n"),
        ("not-yaml", "name: [unclosed\n"),
        ("tab-indent", "name: bank\n\tkind: transaction\n"),
        ("merge-key", "base: &b {name: bank}\n<<: *b\nkind: transaction\nfile: bank.csv\n"),
    ):
        yield Case(f"descriptor-{label}", klass, _txn_source(text), "error")
    yield Case(
        "descriptor-not-utf8",
        klass,
        _txn_source((GOOD + "description: Søren\n").encode("latin-1")),  # type: ignore[arg-type]
        "error",
    )
    yield Case(
        "descriptor-utf16",
        klass,
        _txn_source(GOOD.encode("utf-16")),  # type: ignore[arg-type]
        "error",
    )
    yield Case(
        "descriptor-nul",
        klass,
        _txn_source(GOOD + "description: a\x00b\n"),
        "error",
    )
    yield Case(
        "descriptor-empty-values",
        klass,
        _txn_source(GOOD + "description:\ndefaults: {}\n"),
        "either",
    )
    yield Case(
        "descriptor-huge-description",
        klass,
        _txn_source(GOOD + "description: " + "x" * (2 << 20) + "\n"),
        "either",
    )
    yield Case(
        "descriptor-markup-in-unknown-key",
        klass,
        _txn_source(GOOD + "'[/]': 1\n"),
        "error",
        mentions=("[/]",),
    )
    yield Case(
        "descriptor-escape-in-unknown-key",
        klass,
        _txn_source(GOOD + '"\\e[2J": 1\n'),
        "error",
    )

    klass = "descriptor: every option"
    semi = csv_bytes(rows(TXN, 2), delimiter=";")
    for label, delimiter, content in (
        ("semicolon", ";", semi),
        ("tab", "\t", csv_bytes(rows(TXN, 2), delimiter="\t")),
        ("pipe", "|", csv_bytes(rows(TXN, 2), delimiter="|")),
    ):
        yield Case(
            f"option-delimiter-{label}",
            klass,
            _txn_source(GOOD + f"delimiter: {json.dumps(delimiter)}\n", data=content),
            "accept",
            stored=2,
        )
    mapped = csv_bytes(
        [
            {
                "bilag": r["txn_id"],
                "tid": r["ts"],
                "fra": r["payer"],
                "til": r["payee"],
                "beloeb": r["amount"],
            }
            for r in rows(TXN, 2)
        ]
    )
    yield Case(
        "option-columns-defaults-timezone",
        klass,
        _txn_source(
            GOOD
            + "timezone: America/New_York\n"
            + "columns: {txn_id: bilag, ts: tid, payer: fra, payee: til, amount: beloeb}\n"
            + "defaults: {channel: p2p, currency: SEK}\n",
            data=mapped,
        ),
        "accept",
        stored=2,
        check=_currency_is("SEK"),
    )
    ads_list = csv_bytes([{**valid_row(AD, 0), "image_refs": "a.jpg|b.jpg", "languages": "da|en"}])

    def list_sep(root: Path) -> Runs:
        write(root / "site.csv", ads_list)
        desc = descriptor_text(name="site", kind="ads", file="site.csv", list_separator="|")
        return [[write(root / "site.source.yaml", desc)]]

    yield Case(
        "option-list-separator",
        klass,
        list_sep,
        "accept",
        stored=1,
        check=_images_are(["a.jpg", "b.jpg"]),
    )
    for label, fmt, name, content, expect in (
        ("jsonl-as-txt", "jsonl", "bank.txt", jsonl_bytes(rows(TXN, 2)), "accept"),
        ("csv-as-dat", "csv", "bank.dat", csv_bytes(rows(TXN, 2)), "accept"),
        ("parquet-claim-on-csv", "parquet", "bank.csv", csv_bytes(rows(TXN, 2)), "error"),
        ("csv-claim-on-parquet", "csv", "bank.parquet", parquet_bytes(TXN, rows(TXN, 2)), "error"),
        ("jsonl-claim-on-csv", "jsonl", "bank.csv", csv_bytes(rows(TXN, 2)), "error"),
    ):
        yield Case(
            f"option-format-{label}",
            klass,
            _txn_source(
                f"name: bank\nkind: transaction\nfile: {name}\nformat: {fmt}\n", name, content
            ),
            expect,  # type: ignore[arg-type]
            stored=2 if expect == "accept" else None,
        )

    def glob_files(root: Path) -> Runs:
        write(root / "exports" / "a.csv", csv_bytes(rows(TXN, 2)))
        write(root / "exports" / "b.csv", csv_bytes(rows(TXN, 2, start=2)))
        desc = "name: bank\nkind: transaction\nfile: exports/*.csv\n"
        return [[write(root / "bank.source.yaml", desc)]]

    yield Case("option-file-glob", klass, glob_files, "accept", read=4, stored=4)
    yield Case(
        "option-no-file-matches",
        klass,
        _txn_source("name: bank\nkind: transaction\nfile: nothing-*.csv\n"),
        "error",
    )
    sql_name = "x');DROP/**/TABLE/**/transactions;--"
    yield Case(
        "option-sql-in-source-name",
        klass,
        _txn_source(
            f'name: "{sql_name.replace("/", "")}"\nkind: transaction\nfile: bank.parquet\n',
            "bank.parquet",
            parquet_bytes(TXN, rows(TXN, 2)),
        ),
        "accept",
        stored=2,
        check=_source_is(sql_name.replace("/", "")),
    )
    target = unique_target("csv-mapped")
    hostile = f"x\") TO '{target}' --"
    data = csv_bytes(
        [
            {hostile: r["txn_id"], **{k: v for k, v in r.items() if k != "txn_id"}}
            for r in rows(TXN, 2)
        ]
    )
    yield Case(
        "option-hostile-csv-column-mapped",
        klass,
        _txn_source(GOOD + f"columns: {{txn_id: {json.dumps(hostile)}}}\n", data=data),
        "accept",
        stored=2,
        forbidden=(target,),
    )


def _currency_is(currency: str) -> Callable[[Store], None]:
    def check(store: Store) -> None:
        got = store.connection.execute("SELECT DISTINCT currency FROM transactions").fetchall()
        assert got == [(currency,)], got

    return check


def _images_are(images: list[str]) -> Callable[[Store], None]:
    def check(store: Store) -> None:
        got = store.connection.execute("SELECT image_refs FROM ads").fetchall()
        assert got == [(images,)], got

    return check


def _source_is(name: str) -> Callable[[Store], None]:
    def check(store: Store) -> None:
        got = store.connection.execute("SELECT DISTINCT _source FROM transactions").fetchall()
        assert got == [(name,)], got

    return check


BUILDERS = (
    row_value_cases,
    html_payload_cases,
    encoding_cases,
    gzip_cases,
    structure_cases,
    id_cases,
    number_cases,
    timestamp_cases,
    deep_and_huge_cases,
    parquet_cases,
    path_cases,
    descriptor_cases,
)


def all_cases() -> list[Case]:
    cases = [case for builder in BUILDERS for case in builder()]
    ids = [c.id for c in cases]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"duplicate case ids: {sorted(duplicates)}")
    return cases
