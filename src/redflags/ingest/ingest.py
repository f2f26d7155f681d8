"""Ingest: read rows, validate them, store the good ones and quarantine the rest.

Every row read is either stored or quarantined, and the report's counts must reconcile.
A file is ingested in one transaction, so a file-level error leaves the store as it was.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redflags.ingest import bulk
from redflags.ingest.categories import UnknownCategory
from redflags.ingest.descriptor import SourceDescriptor
from redflags.ingest.errors import IngestError
from redflags.ingest.readers import BadRow, Row, open_rows, resolve_format
from redflags.ingest.validate import RowValidator
from redflags.model.records import RecordKind
from redflags.store import BATCH_ROWS, QuarantineEntry, Store

Progress = Callable[[int], None]
# Staged rows merged into the record table at a time: a part, not the whole file, is held.
MERGE_ROWS = 4 * BATCH_ROWS
_SHOWN_COLUMNS = 12  # columns named in a missing-column error
_COLUMN_CHARS = 40


@dataclass(frozen=True)
class IngestReport:
    """What happened to one file (or one batch of records) of one source.

    Stored rows are new ids, updates of a record whose content changed (the old version kept in
    `record_versions`) or identical to the stored record ("already stored").
    """

    source: str
    file: str | None
    kind: RecordKind
    read: int = 0
    stored_new: int = 0
    already_stored: int = 0  # valid and identical to the record the source already had
    quarantined: int = 0
    skipped_file: bool = False  # the same content was ingested before; nothing was read
    updated: int = 0  # valid, the source had the id with other content: replaced
    # merchant categories no indicator knows, most frequent first (ingest/categories.py)
    unknown_categories: tuple[UnknownCategory, ...] = ()

    def __post_init__(self) -> None:
        if min(self.read, self.stored_new, self.already_stored, self.quarantined, self.updated) < 0:
            raise ValueError(f"negative count: {self!r}")
        if self.read != self.stored + self.quarantined:
            raise ValueError(f"counts do not reconcile: {self.summary()}")

    @property
    def stored(self) -> int:
        return self.stored_new + self.updated + self.already_stored

    def summary(self) -> str:
        name = Path(self.file).name if self.file else f"{self.source} {self.kind.value} records"
        if self.skipped_file:
            return f"{name}: skipped, the same content was already ingested for {self.source}"
        return (
            f"{name}: read {self.read} = stored {self.stored} (new {self.stored_new}, "
            f"updated {self.updated}, already stored {self.already_stored}) "
            f"+ quarantined {self.quarantined}"
        )

    def categories_note(self) -> str | None:
        """A line about merchant categories no indicator reads, or None."""
        if not self.unknown_categories:
            return None
        name = Path(self.file).name if self.file else self.source
        shown = []
        for unknown in self.unknown_categories:
            text = f"{unknown.value!r} ({unknown.rows} rows"
            text += f"; perhaps {unknown.suggestion})" if unknown.suggestion else ")"
            shown.append(text)
        return (
            f"note: {name}: merchant categories no indicator knows: "
            + ", ".join(shown)
            + " (add them to catalogue/lists/merchant_categories.yaml or map them with values:)"
        )


def _raw_json(raw: Any) -> str:
    text = json.dumps(raw, ensure_ascii=False, default=str)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: keep it as an escape, not as broken text
        return json.dumps(raw, ensure_ascii=True, default=str)
    return text


def _ingest_rows(
    store: Store,
    validator: RowValidator,
    rows: Iterable[Row],
    source: str,
    file: str | None,
    on_progress: Progress | None,
) -> IngestReport:
    """Validate rows into a per-file stage in DuckDB and merge it into the store part by part.

    Duplicate ids inside the file are found batch by batch against the ids staged so far, so
    memory is bounded by the batch and the part, not by the file (the first valid row of an
    id wins); only the ids and lines of the whole file are kept until its end.
    """
    kind = validator.kind
    id_field = validator.id_field
    stage = store.create_stage(kind)
    # one batch of valid rows, with their lines and raw rows (kept for a duplicate's quarantine)
    batch: list[tuple[int, dict[str, Any], Any]] = []
    quarantine: list[QuarantineEntry] = []
    read = quarantined = staged = 0
    counts = [0, 0, 0]  # new, updated, unchanged over the merged parts

    def merge() -> None:
        nonlocal staged
        if staged:
            for i, n in enumerate(store.merge_staged(kind, stage, source, file)):
                counts[i] += n
            store.clear_stage(stage)
            staged = 0

    def flush() -> None:
        nonlocal quarantined, staged
        if batch:
            ids = list({record[id_field] for _, record, _ in batch})
            first_at = store.staged_lines(kind, stage, ids)
            records: list[dict[str, Any]] = []
            lines: list[int] = []
            for line, record, raw in batch:
                record_id = record[id_field]
                if record_id in first_at:
                    reason = (
                        f"duplicate {id_field} {record_id!r}, first at line {first_at[record_id]}"
                    )
                    quarantine.append(QuarantineEntry(line, reason, _raw_json(raw)))
                else:
                    first_at[record_id] = line
                    records.append(record)
                    lines.append(line)
            store.append_stage(kind, stage, records, lines)
            staged += len(records)
        if quarantine:
            quarantined += store.insert_quarantine(kind, source, file, quarantine)
        batch.clear()
        quarantine.clear()
        if on_progress is not None:
            on_progress(read)

    for line, raw in rows:
        read += 1
        if isinstance(raw, BadRow):
            quarantine.append(QuarantineEntry(line, raw.reason, raw.raw))
        else:
            result = validator.validate(raw)
            if isinstance(result, str):
                quarantine.append(QuarantineEntry(line, result, _raw_json(raw)))
            else:
                batch.append((line, result, raw))
        if len(batch) + len(quarantine) >= BATCH_ROWS:
            flush()
            if staged >= MERGE_ROWS:
                merge()
    flush()
    merge()
    store.drop_stage(stage)
    return IngestReport(
        source=source,
        file=file,
        kind=kind,
        read=read,
        stored_new=counts[0],
        updated=counts[1],
        already_stored=counts[2],
        quarantined=quarantined,
        unknown_categories=validator.categories.unknown() if validator.categories else (),
    )


def _numbered(rows: Iterable[Any]) -> Iterator[Row]:
    for number, row in enumerate(rows, start=1):
        if isinstance(row, dict):
            yield number, row
        else:
            yield number, BadRow(f"not a mapping but a {type(row).__name__}", _raw_json(row))


def ingest_records(
    store: Store,
    kind: RecordKind | str,
    rows: Iterable[dict[str, Any]],
    source: str,
    file: str | None = None,
    *,
    descriptor: SourceDescriptor | None = None,
) -> IngestReport:
    """Ingest in-memory rows, validated exactly as rows from a file. Line = position (1-based)."""
    kind = RecordKind(kind)
    descriptor = descriptor or SourceDescriptor(name=source, kind=kind)
    validator = RowValidator(kind, descriptor)
    with store.transaction():
        return _ingest_rows(store, validator, _numbered(rows), source, file, None)


def _check_columns(validator: RowValidator, columns: Sequence[str], path: Path) -> None:
    """The validator's column check, saying what the file has and how to map another layout."""
    try:
        validator.check_columns(columns, path)
    except IngestError as exc:
        shown = ", ".join(_column_label(c) for c in columns[:_SHOWN_COLUMNS]) or "none"
        more = f" and {len(columns) - _SHOWN_COLUMNS} more" if len(columns) > _SHOWN_COLUMNS else ""
        hint = (
            "; a *.source.yaml descriptor maps other column names to the canonical fields "
            "(docs/data.md)"
            if not validator.descriptor.columns
            else ""
        )
        raise IngestError(path, f"{exc.problem}; the file has {shown}{more}{hint}") from None


def _column_label(name: str) -> str:
    # Column names come from the file's author: escaped, one line, bounded.
    text = name if len(name) <= _COLUMN_CHARS else name[: _COLUMN_CHARS - 1] + "…"
    return repr(text) if not text.isprintable() or not text or text != text.strip() else text


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with Path(path).open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise IngestError(Path(path), f"cannot read: {exc.strerror or exc}") from None
    return digest.hexdigest()


def ingest_file(
    store: Store,
    path: Path,
    descriptor: SourceDescriptor,
    on_progress: Progress | None = None,
) -> IngestReport:
    """Ingest one file of a source. `on_progress` is called with the number of rows read so far.

    Content already ingested for this source (same sha256) is not read again.
    Raises IngestError, with nothing stored, when the file as a whole cannot be read, and
    StoreError (one line) when DuckDB runs out of its memory limit.
    """
    path = Path(path)
    with store.memory_guard(f"ingesting {path.name}"):
        return _ingest_file(store, path, descriptor, on_progress)


def _ingest_file(
    store: Store, path: Path, descriptor: SourceDescriptor, on_progress: Progress | None
) -> IngestReport:
    if not path.is_file():
        raise IngestError(path, "no such file" if not path.exists() else "not a file")
    fmt = resolve_format(path, descriptor.format)
    source, kind, file = descriptor.name, descriptor.kind, str(path)
    sha256 = file_sha256(path)
    if store.file_seen(sha256, source):
        return IngestReport(source=source, file=file, kind=kind, skipped_file=True)
    if fmt == "parquet" and bulk.eligible(path, kind, descriptor):
        with store.transaction():
            read, new, updated, quarantined = bulk.bulk_ingest(
                store, path, kind, source, file, descriptor.limits
            )
            if read >= 0:
                report = IngestReport(
                    source=source,
                    file=file,
                    kind=kind,
                    read=read,
                    stored_new=new,
                    updated=updated,
                    already_stored=read - new - updated - quarantined,
                    quarantined=quarantined,
                )
                store.record_file(
                    sha256,
                    path=file,
                    source=source,
                    kind=kind,
                    read=report.read,
                    stored=report.stored,
                    quarantined=report.quarantined,
                )
                if on_progress is not None:
                    on_progress(read)
                return report
    validator = RowValidator(kind, descriptor)
    with store.transaction():
        with open_rows(
            path,
            fmt,
            encoding=descriptor.encoding,
            delimiter=descriptor.delimiter,
            wanted=validator.source_columns,
            limits=descriptor.limits,
        ) as stream:
            if stream.columns is not None:
                _check_columns(validator, stream.columns, path)
            report = _ingest_rows(store, validator, stream.rows, source, file, on_progress)
        store.record_file(
            sha256,
            path=file,
            source=source,
            kind=kind,
            read=report.read,
            stored=report.stored,
            quarantined=report.quarantined,
        )
    return report
