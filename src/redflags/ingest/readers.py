"""Readers: stream (line number, raw row) pairs out of CSV, JSON Lines and Parquet files.

A row that cannot even be split into fields (a JSONL line that is not JSON, a CSV row with the
wrong number of fields) comes out as a BadRow so it can be quarantined. A problem with the
whole file raises IngestError with a one-line message.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import json
import zlib
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from io import BufferedReader
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from redflags.ingest.errors import IngestError

FileFormat = Literal["csv", "jsonl", "parquet"]

EXTENSIONS: dict[str, FileFormat] = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}

GZIP_MAGIC = b"\x1f\x8b"
PARQUET_MAGIC = b"PAR1"
READ_BATCH = 50_000
_SNIFF_BYTES = 8192

# Ad bodies can be long; the csv module's default limit (128 KiB per field) is too tight.
csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))


@dataclass(frozen=True)
class BadRow:
    """A row that could not be parsed into fields; it goes to quarantine as is."""

    reason: str
    raw: str


Row = tuple[int, dict[str, Any] | BadRow]


@dataclass
class RowStream:
    """An open file: its header (None for JSONL, which has none) and its rows."""

    columns: tuple[str, ...] | None
    rows: Iterator[Row]


def split_name(path: Path) -> tuple[str, FileFormat | None, bool]:
    """(stem, format by extension, gzip-compressed by extension) for e.g. `ads.jsonl.gz`."""
    name = path.name
    gz = name.lower().endswith(".gz")
    if gz:
        name = name[:-3]
    stem, dot, ext = name.rpartition(".")
    if not dot:
        return name, None, gz
    return stem, EXTENSIONS.get(f".{ext.lower()}"), gz


def is_data_file(path: Path) -> bool:
    _, fmt, gz = split_name(path)
    return fmt is not None and not (gz and fmt == "parquet")


def resolve_format(path: Path, declared: str = "auto") -> FileFormat:
    """The format a file is read as: declared in its descriptor, else from its extension."""
    _, by_name, gz = split_name(path)
    fmt: FileFormat | None = by_name if declared == "auto" else declared  # type: ignore[assignment]
    if fmt is None:
        raise IngestError(
            path,
            "cannot tell the format from the name; use .csv, .jsonl or .parquet "
            "(optionally .gz) or set 'format' in a source descriptor",
        )
    if fmt == "parquet" and gz:
        raise IngestError(
            path,
            "gzip-compressed Parquet is not supported (Parquet compresses "
            "internally); decompress it first",
        )
    return fmt


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(_SNIFF_BYTES)


def _tail(path: Path, size: int) -> bytes:
    with path.open("rb") as handle:
        handle.seek(-size, 2)
        return handle.read(size)


def _open_binary(path: Path, stack: ExitStack) -> gzip.GzipFile | BufferedReader:
    """Open for reading, transparently un-gzipping; checks the claim of a `.gz` name."""
    head = _head(path)
    gz_name = path.name.lower().endswith(".gz")
    if head.startswith(GZIP_MAGIC):
        return stack.enter_context(gzip.open(path, "rb"))
    if gz_name:
        raise IngestError(path, "named .gz but not gzip-compressed")
    return stack.enter_context(path.open("rb"))


def _ascii_compatible(encoding: str) -> bool:
    try:
        return "\n,a".encode(encoding) == b"\n,a"
    except (LookupError, UnicodeError):
        return False


def _text_lines(binary: gzip.GzipFile | BufferedReader, encoding: str, path: Path) -> Iterator[str]:
    """Decoded physical lines. Decoding line by line lets an encoding error name its line."""
    try:
        if _ascii_compatible(encoding):
            for number, raw in enumerate(binary, start=1):
                try:
                    text = raw.decode(encoding)
                except UnicodeDecodeError as exc:
                    byte = raw[exc.start : exc.start + 1].hex()
                    raise IngestError(
                        path,
                        f"not valid {encoding}: line {number} has byte 0x{byte} at "
                        f"column {exc.start + 1}; set 'encoding' in a source descriptor "
                        "(e.g. cp1252)",
                    ) from None
                yield text.removeprefix("\ufeff") if number == 1 else text
        else:  # UTF-16 and friends: lines cannot be split on bytes, decode as a stream
            reader = codecs.getreader(encoding)(binary)
            try:
                yield from iter(reader.readline, "")
            except UnicodeDecodeError as exc:
                raise IngestError(path, f"not valid {encoding}: {exc.reason}") from None
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise IngestError(path, f"damaged gzip data: {exc or 'truncated'}") from None


def _sniff_text(path: Path, binary_head: bytes, fmt: FileFormat, encoding: str) -> None:
    """Refuse files that are plainly not text of the claimed format."""
    if binary_head.startswith(PARQUET_MAGIC):
        raise IngestError(path, f"is a Parquet file, not {fmt.upper()}; name it .parquet")
    if not binary_head:
        raise IngestError(path, "empty file")
    if _ascii_compatible(encoding) and binary_head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(
            path,
            f"looks like UTF-16 (byte-order mark), not {encoding}; "
            "set 'encoding: utf-16' in a source descriptor",
        )
    if _ascii_compatible(encoding) and b"\x00" in binary_head:
        raise IngestError(path, f"contains binary data (NUL bytes); not a {fmt.upper()} text file")


@contextmanager
def open_rows(
    path: Path,
    fmt: FileFormat,
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
    wanted: Sequence[str] | None = None,
) -> Iterator[RowStream]:
    """Open a data file and stream its rows. `wanted` limits the Parquet columns read."""
    path = Path(path)
    if not path.is_file():
        raise IngestError(path, "no such file")
    if path.stat().st_size == 0:
        raise IngestError(path, "empty file")
    with ExitStack() as stack:
        if fmt == "parquet":
            yield _parquet(path, wanted)
            return
        binary = _open_binary(path, stack)
        try:
            head = binary.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise IngestError(path, f"damaged gzip data: {exc or 'truncated'}") from None
        _sniff_text(path, head, fmt, encoding)
        lines = _text_lines(binary, encoding, path)
        yield _csv(path, lines, delimiter) if fmt == "csv" else _jsonl(path, lines)


def _csv(path: Path, lines: Iterator[str], delimiter: str) -> RowStream:
    reader = csv.reader(lines, delimiter=delimiter)
    header: list[str] | None = None
    try:
        for fields in reader:
            if any(f.strip() for f in fields):
                header = [f.strip() for f in fields]
                break
    except csv.Error as exc:
        raise IngestError(path, f"unreadable CSV header: {exc}") from None
    if header is None:
        raise IngestError(path, "empty file: no header line")
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise IngestError(path, f"duplicate column {name!r} in the header")
        seen.add(name)

    def rows() -> Iterator[Row]:
        previous = reader.line_num
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise IngestError(path, f"unreadable CSV at line {previous + 1}: {exc}") from None
            start, previous = previous + 1, reader.line_num
            if not fields:
                continue  # a blank line
            if len(fields) != len(header):
                raw = json.dumps(fields, ensure_ascii=False)
                yield start, BadRow(f"{len(fields)} fields, the header has {len(header)}", raw)
                continue
            yield start, dict(zip(header, fields, strict=True))

    return RowStream(tuple(header), rows())


def _jsonl(path: Path, lines: Iterator[str]) -> RowStream:
    def rows() -> Iterator[Row]:
        parsed_any = first_failed = seen_any = False
        for number, text in enumerate(lines, start=1):
            if not text.strip():
                continue
            try:
                value = json.loads(text)
            except json.JSONDecodeError as exc:
                first_failed = first_failed or not seen_any
                seen_any = True
                raw = text.rstrip("\r\n")
                yield number, BadRow(f"not valid JSON: {exc.msg} at column {exc.colno}", raw)
                continue
            seen_any = parsed_any = True
            if isinstance(value, dict):
                yield number, value
            else:
                kind = "a list" if isinstance(value, list) else f"a {type(value).__name__}"
                yield number, BadRow(f"not a JSON object but {kind}", text.rstrip("\r\n"))
        if not seen_any:
            raise IngestError(path, "empty file: only blank lines")
        if first_failed and not parsed_any:
            raise IngestError(path, "not JSON Lines: no line parses as JSON")

    return RowStream(None, rows())


def _parquet(path: Path, wanted: Sequence[str] | None) -> RowStream:
    size = path.stat().st_size
    if size < 12 or _head(path)[:4] != PARQUET_MAGIC or _tail(path, 4) != PARQUET_MAGIC:
        raise IngestError(path, "not a Parquet file (no PAR1 magic bytes)")
    try:
        parquet = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise IngestError(path, f"unreadable Parquet: {exc}") from None
    names = tuple(parquet.schema_arrow.names)
    selected = None if wanted is None else [n for n in names if n in set(wanted)]

    def rows() -> Iterator[Row]:
        number = 0
        try:
            for batch in parquet.iter_batches(batch_size=READ_BATCH, columns=selected):
                for row in _python_friendly(batch).to_pylist():
                    number += 1
                    yield number, row
        except (pa.ArrowException, OSError) as exc:
            raise IngestError(path, f"unreadable Parquet after row {number}: {exc}") from None
        finally:
            parquet.close()

    return RowStream(names, rows())


def _python_friendly(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Nanosecond timestamps cannot become Python datetimes without pandas; cut to µs."""
    columns = []
    changed = False
    for column in batch.columns:
        kind = column.type
        if pa.types.is_timestamp(kind) and kind.unit == "ns":
            column = column.cast(pa.timestamp("us", tz=kind.tz), safe=False)
            changed = True
        columns.append(column)
    if not changed:
        return batch
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)
