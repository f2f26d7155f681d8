"""Readers: stream (line number, raw row) pairs out of CSV, JSON Lines and Parquet files.

A row that cannot even be split into fields (a JSONL line that is not JSON, a CSV row with the
wrong number of fields, a line or field over a limit) comes out as a BadRow so it can be
quarantined. A problem with the whole file raises IngestError with a one-line message.

Text is split into lines on "\\n" only, whatever the encoding (Unicode's other line breaks,
U+2028, U+0085, \\x1c-\\x1e ..., are data), and never more than `IngestLimits.max_line_bytes` of
a line is held: the rest of an over-long line is skipped in chunks. The rules for CSV records
that span lines are in `_csv` and docs/data.md ("Limits and hostile input").
"""

from __future__ import annotations

import codecs
import csv
import gzip
import json
import re
import stat
import zlib
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from io import BufferedReader
from pathlib import Path
from typing import Any, Literal, NamedTuple, Protocol

import pyarrow as pa
import pyarrow.parquet as pq

from redflags.ingest.errors import IngestError
from redflags.ingest.limits import RAW_PREFIX_CHARS, IngestLimits

FileFormat = Literal["csv", "jsonl", "parquet", "whatsapp"]

EXTENSIONS: dict[str, FileFormat] = {
    ".csv": "csv",
    ".tsv": "csv",  # the delimiter (tab) is found from the header
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}

GZIP_MAGIC = b"\x1f\x8b"
PARQUET_MAGIC = b"PAR1"
READ_BATCH = IngestLimits().batch_rows  # kept for callers; the limits decide
_SNIFF_BYTES = 8192
_CHUNK = 1 << 16  # bytes read at a time where a line is skipped or decoded as a stream

# Records are bounded by IngestLimits.max_line_bytes before the csv module sees them; its own
# per-field limit must not be the tighter one.
csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))

_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)
_BLANK_RUN = re.compile(r"[\r\n]+")


@dataclass(frozen=True)
class BadRow:
    """A row that could not be parsed into fields; it goes to quarantine as is."""

    reason: str
    raw: str


Row = tuple[int, dict[str, Any] | BadRow]


@dataclass
class RowStream:
    """An open file: its header (None for JSONL, which has none) and its rows.

    `lines_read()` is how many physical lines (rows for Parquet) have been consumed so far,
    blank and refused ones included, for progress reports on files that yield few rows.
    """

    columns: tuple[str, ...] | None
    rows: Iterator[Row]
    lines_read: Callable[[], int] = field(default=lambda: 0)


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
            "cannot tell the format from the name; use .csv, .tsv, .jsonl or .parquet "
            "(optionally .gz) or set 'format' in a source descriptor",
        )
    if fmt == "parquet" and gz:
        raise IngestError(
            path,
            "gzip-compressed Parquet is not supported (Parquet compresses "
            "internally); decompress it first",
        )
    return fmt


def check_regular_file(path: Path) -> None:
    """Refuse anything but a regular file before opening it: a FIFO or device would block
    or never end."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise IngestError(path, "no such file") from None
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        raise IngestError(path, "is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise IngestError(path, "not a regular file (a FIFO, socket or device); copy it first")


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


def shorten(text: str, limit: int = RAW_PREFIX_CHARS) -> str:
    """A prefix of refused raw text for quarantine, marked as cut."""
    return text if len(text) <= limit else text[:limit] + "…[cut]"


# -- physical lines ---------------------------------------------------------------------------


class Line(NamedTuple):
    """One physical line, with its "\\n"; `text` is a short prefix when `too_long`."""

    number: int
    text: str
    too_long: bool = False


class LineSource(Protocol):
    @property
    def lines(self) -> int:
        """Physical lines consumed so far, blank ones included."""

    def next_line(self, at_record_start: bool) -> Line | None:
        """The next line, or None at the end. At a record's start runs of blank lines are
        skipped in bulk (inside a quoted CSV field they are data)."""


class _ByteLines:
    """Lines of an ASCII-compatible encoding: split on the byte "\\n", decoded one by one."""

    def __init__(self, binary: Any, encoding: str, path: Path, limits: IngestLimits) -> None:
        self.binary = binary
        self.encoding = encoding
        self.path = path
        self.limit = limits.max_line_bytes
        self.lines = 0

    def _skip_blank_run(self) -> None:
        while True:
            buffered = self.binary.peek(1)
            if not buffered or buffered[:1] not in (b"\n", b"\r"):
                return
            rest = buffered.lstrip(b"\r\n")
            cut = buffered.rfind(b"\n", 0, len(buffered) - len(rest)) + 1
            if not cut:
                return  # a lone "\r": leave it to the line
            self.lines += buffered.count(b"\n", 0, cut)
            self.binary.read(cut)
            if rest or cut < len(buffered):
                return

    def next_line(self, at_record_start: bool) -> Line | None:
        try:
            if at_record_start:
                self._skip_blank_run()
            raw = self.binary.readline(self.limit + 1)
            if not raw:
                return None
            return self._line(raw)
        except _GZIP_ERRORS as exc:
            raise IngestError(self.path, f"damaged gzip data: {exc or 'truncated'}") from None
        except OSError as exc:
            raise IngestError(self.path, f"cannot read: {exc.strerror or exc}") from None

    def _line(self, raw: bytes) -> Line:
        self.lines += 1
        if len(raw) > self.limit and not raw.endswith(b"\n"):
            prefix = raw[: RAW_PREFIX_CHARS * 4].decode(self.encoding, errors="replace")
            while raw and not raw.endswith(b"\n"):  # skip the rest in bounded chunks
                raw = self.binary.readline(_CHUNK)
            return Line(self.lines, shorten(prefix), too_long=True)
        try:
            text = raw.decode(self.encoding)
        except UnicodeDecodeError as exc:
            byte = raw[exc.start : exc.start + 1].hex()
            raise IngestError(
                self.path,
                f"not valid {self.encoding}: line {self.lines} has byte 0x{byte} at "
                f"column {exc.start + 1}; set 'encoding' in a source descriptor (e.g. cp1252)",
            ) from None
        return Line(self.lines, text.removeprefix("\ufeff") if self.lines == 1 else text)


class _DecodedLines:
    """Lines of UTF-16/32 and other encodings where "\\n" is not one byte: decoded as a
    stream, split on the character "\\n" only (codecs' readline also splits on U+2028 ...)."""

    def __init__(self, binary: Any, encoding: str, path: Path, limits: IngestLimits) -> None:
        self.binary = binary
        self.encoding = encoding
        self.path = path
        self.limit = limits.max_line_bytes
        self.decoder = codecs.getincrementaldecoder(encoding)("strict")
        self.buffer = ""
        self.position = 0
        self.ended = False
        self.skipping = False  # inside an over-long line already reported
        self.lines = 0

    def _fill(self) -> None:
        try:
            chunk = self.binary.read(_CHUNK)
        except _GZIP_ERRORS as exc:
            raise IngestError(self.path, f"damaged gzip data: {exc or 'truncated'}") from None
        except OSError as exc:
            raise IngestError(self.path, f"cannot read: {exc.strerror or exc}") from None
        try:
            text = self.decoder.decode(chunk, final=not chunk)
        except UnicodeError as exc:  # UnicodeDecodeError, or UTF-16 without a byte-order mark
            why = getattr(exc, "reason", None) or str(exc)
            raise IngestError(
                self.path, f"not valid {self.encoding}: near line {self.lines + 1}: {why}"
            ) from None
        self.buffer = self.buffer[self.position :] + text
        self.position = 0
        self.ended = not chunk

    def _skip_blank_run(self) -> None:
        while True:
            start = self.position
            match = _BLANK_RUN.match(self.buffer, start)
            end = match.end() if match else start
            cut = self.buffer.rfind("\n", start, end) + 1
            if cut:
                self.lines += self.buffer.count("\n", start, cut)
                self.position = cut
            if end < len(self.buffer) or self.ended:
                return
            self._fill()

    def next_line(self, at_record_start: bool) -> Line | None:
        if at_record_start and not self.skipping:
            self._skip_blank_run()
        while True:
            newline = self.buffer.find("\n", self.position)
            if newline >= 0 or (self.ended and self.position < len(self.buffer)):
                end = newline + 1 if newline >= 0 else len(self.buffer)
                text = self.buffer[self.position : end]
                self.position = end
                if self.skipping:
                    self.skipping = False
                    continue
                self.lines += 1
                if len(text) > self.limit:
                    return Line(self.lines, shorten(text), too_long=True)
                return Line(self.lines, text.removeprefix("\ufeff") if self.lines == 1 else text)
            if self.ended:
                return None
            if not self.skipping and len(self.buffer) - self.position > self.limit:
                self.lines += 1
                prefix = self.buffer[self.position : self.position + RAW_PREFIX_CHARS]
                self.buffer, self.position, self.skipping = "", 0, True
                return Line(self.lines, shorten(prefix + "…"), too_long=True)
            if self.skipping:
                self.buffer, self.position = "", 0
            self._fill()


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


def _check_encoding(path: Path, encoding: str) -> None:
    try:
        "\n".encode(encoding)  # also refuses codecs that are not text encodings (rot13, zip)
        codecs.getincrementaldecoder(encoding)
    except (LookupError, UnicodeError, TypeError, ValueError):
        raise IngestError(path, f"unknown text encoding {encoding!r}") from None


@contextmanager
def open_rows(
    path: Path,
    fmt: FileFormat,
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
    wanted: Sequence[str] | None = None,
    limits: IngestLimits | None = None,
) -> Iterator[RowStream]:
    """Open a data file and stream its rows. `wanted` limits the Parquet columns read."""
    path = Path(path)
    limits = limits or IngestLimits()
    check_regular_file(path)
    if path.stat().st_size == 0:
        raise IngestError(path, "empty file")
    with ExitStack() as stack:
        if fmt == "parquet":
            yield _parquet(path, wanted, limits, stack)
            return
        _check_encoding(path, encoding)
        try:
            binary = _open_binary(path, stack)
            head = binary.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
        except _GZIP_ERRORS as exc:
            raise IngestError(path, f"damaged gzip data: {exc or 'truncated'}") from None
        except OSError as exc:
            raise IngestError(path, f"cannot read: {exc.strerror or exc}") from None
        _sniff_text(path, head, fmt, encoding)
        kind = _ByteLines if _ascii_compatible(encoding) else _DecodedLines
        source = kind(binary, encoding, path, limits)
        if fmt == "csv":
            if delimiter == "auto":
                delimiter = sniff_delimiter(head, encoding)
            yield _csv(path, source, delimiter, limits)
        elif fmt == "whatsapp":
            from redflags.ingest.chat_export import whatsapp_rows  # it reads through this module

            yield whatsapp_rows(path, source, limits)
        else:
            yield _jsonl(path, source, limits)


# -- CSV --------------------------------------------------------------------------------------

DELIMITERS = (",", ";", "\t", "|")


def sniff_delimiter(head: bytes, encoding: str) -> str:
    """The delimiter of a CSV file from its header line: the candidate (`,` `;` tab `|`) seen
    most often outside quotes; `,` when none is or on a tie with it. Exports from Danish and
    other European spreadsheets use `;` because the comma is their decimal mark."""
    text = head.decode(encoding, errors="replace").lstrip("\ufeff")
    line = next((part for part in text.splitlines() if part.strip()), "")
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


class _RecordOverLimit(Exception):
    """Raised through csv.reader by _Feed when the record being read passes a bound."""


class _Feed:
    """The physical lines csv.reader pulls, one record at a time, within the limits.

    It remembers the lines of the current record, so that a broken record can be refused by its
    first line and the lines after it pushed back and read again as records of their own.
    """

    def __init__(self, source: LineSource, limits: IngestLimits) -> None:
        self.source = source
        self.limits = limits
        self.pushed: deque[Line] = deque()
        self.taken: list[Line] = []
        self.size = 0
        self.ended = False  # the reader asked past the last line: a quote was left open

    def start_record(self) -> None:
        self.taken, self.size, self.ended = [], 0, False

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        limits = self.limits
        if len(self.taken) >= limits.max_record_lines:
            raise _RecordOverLimit(
                f"quoted field opened at line {self.taken[0].number} is not closed within "
                f"{limits.max_record_lines} lines"
            )
        line = self.pushed.popleft() if self.pushed else self.source.next_line(not self.taken)
        if line is None:
            self.ended = True
            raise StopIteration
        self.taken.append(line)
        if line.too_long:
            raise _RecordOverLimit(
                f"quoted field opened at line {self.taken[0].number} is not closed before "
                f"line {line.number}, which is longer than {limits.max_line_bytes} bytes"
            )
        self.size += len(line.text)
        if self.size > limits.max_line_bytes:
            raise _RecordOverLimit(
                f"record from line {self.taken[0].number} is longer than "
                f"{limits.max_line_bytes} bytes (a quoted field not closed?)"
            )
        return line.text

    def refuse(self, reason: str) -> Row:
        """Quarantine the record's first line; read the lines after it again."""
        first, rest = self.taken[0], self.taken[1:]
        self.pushed.extendleft(reversed(rest))
        if first.too_long:
            reason = f"line longer than {self.limits.max_line_bytes} bytes"
        return first.number, BadRow(reason, shorten(first.text))


def _oversized_field(header: Sequence[str], fields: Sequence[str], limit: int) -> str | None:
    if max(map(len, fields)) <= limit // 4:  # the common case: no field can be over
        return None
    for name, value in zip(header, fields, strict=True):
        if len(value) > limit // 4 and len(value.encode("utf-8", "replace")) > limit:
            return name
    return None


def _csv_header(path: Path, reader: Any, feed: _Feed) -> list[str]:
    while True:
        feed.start_record()
        try:
            fields = next(reader)
        except StopIteration:
            raise IngestError(path, "empty file: no header line") from None
        except (_RecordOverLimit, csv.Error) as exc:
            why = str(exc)
            if feed.taken and feed.taken[0].too_long:
                why = f"line longer than {feed.limits.max_line_bytes} bytes"
            raise IngestError(path, f"unreadable CSV header: {why}") from None
        if feed.ended:
            raise IngestError(path, "unreadable CSV header: unterminated quoted field")
        if any(f.strip() for f in fields):
            return [f.strip() for f in fields]


def _csv(path: Path, source: LineSource, delimiter: str, limits: IngestLimits) -> RowStream:
    """CSV rows. A quoted field may span lines, but a record is refused by its first line, and
    the lines after it are read again as records, when it (a) reaches the end of the file
    with its quote open, (b) spans more than `max_record_lines` lines or `max_line_bytes`
    bytes, or (c) spans lines and has the wrong number of fields. So a stray quote costs one
    row, not the rest of the file, and every line is counted.
    """
    feed = _Feed(source, limits)
    try:
        reader = csv.reader(feed, delimiter=delimiter)
    except (TypeError, csv.Error) as exc:
        raise IngestError(path, f"unusable delimiter {delimiter!r}: {exc}") from None
    header = _csv_header(path, reader, feed)
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise IngestError(path, f"duplicate column {shorten(name, 80)!r} in the header")
        seen.add(name)
    width = len(header)

    def rows() -> Iterator[Row]:
        while True:
            feed.start_record()
            try:
                fields = next(reader)
            except StopIteration:
                return
            except _RecordOverLimit as exc:
                yield feed.refuse(str(exc))
                continue
            except csv.Error as exc:
                yield feed.refuse(f"unreadable CSV: {exc}")
                continue
            if feed.ended:  # csv.reader asks past the last line only with a quote open
                yield feed.refuse("unterminated quoted field at end of file")
                continue
            if not fields:
                continue  # a blank line
            start = feed.taken[0].number
            if len(fields) != width:
                spans = len(feed.taken)
                if spans > 1:
                    yield feed.refuse(
                        f"{len(fields)} fields, the header has {width}, in a record of "
                        f"{spans} lines: quoted field opened at line {start} not closed?"
                    )
                    continue
                raw = shorten(json.dumps(fields, ensure_ascii=False))
                yield start, BadRow(f"{len(fields)} fields, the header has {width}", raw)
                continue
            oversized = _oversized_field(header, fields, limits.max_field_bytes)
            if oversized is not None:
                raw = shorten(json.dumps(fields, ensure_ascii=False))
                why = f"{oversized}: field longer than {limits.max_field_bytes} bytes"
                yield start, BadRow(why, raw)
                continue
            yield start, dict(zip(header, fields, strict=True))

    return RowStream(tuple(header), rows(), lambda: source.lines)


# -- JSON Lines -------------------------------------------------------------------------------


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _text_problem(text: str, limit: int) -> str | None:
    if text.isascii():
        size = len(text)
    else:
        try:
            size = len(text.encode("utf-8"))
        except UnicodeEncodeError:
            return "contains a lone surrogate (\\ud800-\\udfff), not valid Unicode"
    return f"longer than {limit} bytes" if size > limit else None


def _json_problem(value: Any, limits: IngestLimits) -> str | None:
    """Why a parsed JSON value breaks a limit: nesting, string size, lone surrogates."""
    stack: list[tuple[Any, int, str]] = [(value, 1, "row")]
    while stack:
        item, depth, where = stack.pop()
        if depth > limits.max_nesting:
            return f"JSON nested deeper than {limits.max_nesting} levels"
        pairs = item.items() if isinstance(item, dict) else ((where, v) for v in item)
        for key, child in pairs:
            name = shorten(str(key), 60)
            if isinstance(item, dict) and (why := _text_problem(key, limits.max_field_bytes)):
                return f"a key {why}"
            if isinstance(child, str):
                if why := _text_problem(child, limits.max_field_bytes):
                    return f"{name}: {why}"
            elif isinstance(child, dict | list):
                stack.append((child, depth + 1, name))
    return None


def _parse_json(text: str, limits: IngestLimits) -> tuple[Any, str | None, bool]:
    """(value, problem, whether the problem is a plain syntax error)."""
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON: {exc.msg} at column {exc.colno}", True
    except RecursionError:
        return None, f"JSON nested deeper than {limits.max_nesting} levels", False
    except ValueError as exc:  # an integer of over 4300 digits, NaN, Infinity
        return None, f"not valid JSON: {' '.join(str(exc).split())[:200]}", False
    if isinstance(value, dict | list):
        return value, _json_problem(value, limits), False
    return value, None, False


def _jsonl(path: Path, source: LineSource, limits: IngestLimits) -> RowStream:
    def rows() -> Iterator[Row]:
        parsed_any = first_failed = seen_any = False
        while (line := source.next_line(True)) is not None:
            number, text = line.number, line.text
            if line.too_long:
                seen_any = True
                yield number, BadRow(f"line longer than {limits.max_line_bytes} bytes", text)
                continue
            if not text.strip():
                continue
            value, problem, syntax = _parse_json(text, limits)
            first_failed = first_failed or (syntax and not seen_any)
            seen_any = True
            parsed_any = parsed_any or not syntax
            raw = text.rstrip("\r\n")
            if problem is not None:
                yield number, BadRow(problem, shorten(raw))
            elif isinstance(value, dict):
                yield number, value
            else:
                kind = "a list" if isinstance(value, list) else f"a {type(value).__name__}"
                yield number, BadRow(f"not a JSON object but {kind}", shorten(raw))
        if not seen_any:
            raise IngestError(path, "empty file: only blank lines")
        if first_failed and not parsed_any:
            raise IngestError(path, "not JSON Lines: no line parses as JSON")

    return RowStream(None, rows(), lambda: source.lines)


# -- Parquet ----------------------------------------------------------------------------------


def open_parquet(path: Path, stack: ExitStack) -> pq.ParquetFile:
    """A Parquet file opened by its exact local path (no URI or glob reading), or IngestError."""
    check_regular_file(path)
    try:
        size = path.stat().st_size
        magic = size >= 12 and _head(path)[:4] == _tail(path, 4) == PARQUET_MAGIC
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from None
    if not magic:
        raise IngestError(path, "not a Parquet file (no PAR1 magic bytes)")
    try:
        handle = stack.enter_context(pa.OSFile(str(path), "r"))
        parquet = pq.ParquetFile(handle)
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise IngestError(path, f"unreadable Parquet: {exc}") from None
    stack.callback(parquet.close)
    names = parquet.schema_arrow.names
    if len(set(names)) != len(names):
        twice = next(n for n in names if names.count(n) > 1)
        raise IngestError(path, f"duplicate column {shorten(twice, 80)!r}")
    return parquet


def _parquet(
    path: Path, wanted: Sequence[str] | None, limits: IngestLimits, stack: ExitStack
) -> RowStream:
    parquet = open_parquet(path, stack)
    names = tuple(parquet.schema_arrow.names)
    selected = None if wanted is None else [n for n in names if n in set(wanted)]
    number = 0

    def rows() -> Iterator[Row]:
        nonlocal number
        try:
            for batch in parquet.iter_batches(batch_size=limits.batch_rows, columns=selected):
                for row in _python_rows(_python_friendly(batch)):
                    number += 1
                    yield number, row
        except (pa.ArrowException, OSError) as exc:
            raise IngestError(path, f"unreadable Parquet after row {number}: {exc}") from None

    return RowStream(names, rows(), lambda: number)


def _python_rows(batch: pa.RecordBatch) -> list[dict[str, Any] | BadRow]:
    """The batch as Python dicts; a row whose values Python cannot hold (a timestamp in year
    10000) becomes a BadRow instead of failing the batch."""
    try:
        return list(batch.to_pylist())
    except (ValueError, OverflowError):
        pass
    rows: list[dict[str, Any] | BadRow] = []
    for index in range(batch.num_rows):
        one = batch.slice(index, 1)
        try:
            rows.append(one.to_pylist()[0])
        except (ValueError, OverflowError) as exc:
            rows.append(BadRow(f"a value out of range: {exc}", _arrow_raw(one)))
    return rows


def _arrow_raw(one: pa.RecordBatch) -> str:
    raw: dict[str, str | None] = {}
    for name, column in zip(one.schema.names, one.columns, strict=True):
        try:
            raw[name] = column.cast(pa.string())[0].as_py()
        except (pa.ArrowException, ValueError, OverflowError):
            raw[name] = "?"
    return shorten(json.dumps(raw, ensure_ascii=False))


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
