"""The fast path for typed Parquet: validate and store a whole file inside DuckDB.

A bank's export of ten million transactions is already typed; checking it row by row in Python
(about 40k rows/s) would dominate a scan. When a Parquet file's columns carry the canonical
types and the descriptor maps nothing, the same rules as `validate.py` run as one SQL pass:
trim text (blank is absent), apply model defaults, require required fields, check choices,
numeric bounds (and the ±1e12 bound of every number) and the timestamp range Python can hold,
refuse duplicate ids (the first wins). Every row is still stored or quarantined with its line
and reason, and tests/test_ingest_bulk.py holds both paths to the same result. Anything else
(CSV, JSON, mapped columns, events or register entries without ids) takes the row path.

Nothing from the file is pasted into SQL. pyarrow reads the file by its exact path (DuckDB's
read_parquet would take the path as a glob: `p[1].parquet`, `p*.parquet`) and DuckDB scans the
stream lazily; only canonical field names appear in the SQL, quoted; the source's own column
names (for the raw row of a refused record) are bound parameters, and its columns are read
under positional names.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, suppress
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import annotated_types
import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from redflags.ingest.descriptor import SourceDescriptor
from redflags.ingest.errors import IngestError
from redflags.ingest.limits import MAX_ABS_NUMBER, MAX_ABS_NUMBER_TEXT, IngestLimits
from redflags.ingest.readers import open_parquet
from redflags.model.records import (
    KIND_TABLES,
    RECORD_TYPES,
    FieldSpec,
    RecordKind,
    derives_id,
    field_specs,
)
from redflags.store import Store
from redflags.store.sql import quote_identifier, quote_literal

# Python's str.strip() set, so both paths trim the same characters.
_WHITESPACE = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
_BOUNDS = {"ge": ">=", "gt": ">", "le": "<=", "lt": "<"}

# Cheap test first: trimming with the full set costs 4x, and almost no value needs it.
_EDGE_SPACE = r"^[\s\pZ\x0b\x1c-\x1f\x85]|[\s\pZ\x0b\x1c-\x1f\x85]$"

# The instants a Python datetime can hold (the row path converts every value to one).
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_FIRST_US = (datetime(1, 1, 1, tzinfo=UTC) - _EPOCH) // timedelta(microseconds=1)
_LAST_US = (datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC) - _EPOCH) // timedelta(
    microseconds=1
)

_SOURCE_VIEW = "_bulk_source"
_RAW_VIEW = "_bulk_raw"


def _trimmed(column: str) -> str:
    full = f"nullif(trim({column}, {quote_literal(_WHITESPACE)}), '')"
    return (
        f"CASE WHEN {column} = '' OR regexp_matches({column}, {quote_literal(_EDGE_SPACE)}) "
        f"THEN {full} ELSE {column} END"
    )


def _type_fits(spec: FieldSpec, arrow: pa.DataType) -> bool:
    if spec.many:
        return bool(pa.types.is_list(arrow) and pa.types.is_string(arrow.value_type))
    if spec.base is str:
        return bool(pa.types.is_string(arrow) or pa.types.is_large_string(arrow))
    if spec.base is float:
        return bool(pa.types.is_floating(arrow) or pa.types.is_integer(arrow))
    if spec.base is datetime:
        return bool(pa.types.is_timestamp(arrow) and arrow.tz is not None)
    if spec.base is date:
        return bool(pa.types.is_date32(arrow))
    return False


def eligible(path: Path, kind: RecordKind, descriptor: SourceDescriptor) -> bool:
    """Whether the file can take the fast path (else the row path reads it, with its errors)."""
    if descriptor.columns or descriptor.defaults:
        return False
    try:
        with ExitStack() as stack:
            schema = open_parquet(Path(path), stack).schema_arrow
    except (IngestError, pa.ArrowException, OSError):
        return False  # the row path reports the broken file in its own words
    present = {f.name: f.type for f in schema}
    if len(present) != len(schema.names):
        return False  # duplicate column names: the row path refuses the file
    canonical = {s.name for s in field_specs(kind)}
    if any(name.partition(".")[0] in canonical and name not in canonical for name in present):
        return False  # pyarrow would read `amount.x` as a part of `amount`
    for spec in field_specs(kind):
        if spec.name not in present:
            if spec.required:
                return False
            continue
        if not _type_fits(spec, present[spec.name]):
            return False
    return True


def _model_default(kind: RecordKind, name: str) -> Any:
    field = RECORD_TYPES[kind].model_fields[name]
    if field.is_required() or field.default in (None, ()):
        return None
    return field.default


def _clean(spec: FieldSpec, present: bool) -> str:
    """SQL for the canonical value of one field, as the row validator would produce it."""
    column = quote_identifier(spec.name)
    if not present:
        return "NULL" if not spec.many else "[]::VARCHAR[]"
    if spec.many:
        trimmed = _trimmed("x")
        return (
            f"list_filter(list_transform(coalesce({column}, []::VARCHAR[]), lambda x: {trimmed}), "
            "lambda x: x IS NOT NULL)"
        )
    if spec.base is str:
        return _trimmed(column)
    if spec.base is float:
        return f"CAST({column} AS DOUBLE)"
    return column


def _number_checks(kind: RecordKind, spec: FieldSpec, value: str) -> list[tuple[str, str]]:
    name = spec.name
    finite = f"{value} IS NOT NULL AND isfinite({value})"
    within = f"{finite} AND abs({value}) <= {MAX_ABS_NUMBER!r}"
    checks = [
        (
            f"{value} IS NOT NULL AND NOT isfinite({value})",
            quote_literal(f"{name}: not a finite number"),
        ),
        (
            f"{finite} AND abs({value}) > {MAX_ABS_NUMBER!r}",
            f"{quote_literal(name + ': ')} || printf('%.15g', {value}) || "
            f"{quote_literal(f' is beyond ±{MAX_ABS_NUMBER_TEXT}')}",
        ),
    ]
    for meta in RECORD_TYPES[kind].model_fields[name].metadata:
        for bound, op in _BOUNDS.items():
            if isinstance(meta, annotated_types.BaseMetadata) and hasattr(meta, bound):
                limit = float(getattr(meta, bound))
                checks.append(
                    (
                        f"{within} AND NOT ({value} {op} {limit!r})",
                        f"{quote_literal(f'{name}: input should be {op} {limit!r}, got ')} "
                        f"|| {value}",
                    )
                )
    return checks


def _checks(kind: RecordKind, spec: FieldSpec, value: str, present: bool) -> list[tuple[str, str]]:
    """(SQL condition that is true when the value is wrong, reason) pairs for one field."""
    name = spec.name
    checks: list[tuple[str, str]] = []
    if spec.required and not spec.many:
        checks.append((f"{value} IS NULL", quote_literal(f"missing required field {name}")))
    if not present:
        return checks  # NULL or its default, which is valid
    if spec.choices:
        allowed = ", ".join(quote_literal(c) for c in spec.choices)
        checks.append(
            (
                f"{value} IS NOT NULL AND lower({value}) NOT IN ({allowed})",
                f"{quote_literal(name + ': ')} || {value} || "
                f"{quote_literal(' is not one of ' + ', '.join(spec.choices))}",
            )
        )
    if spec.base is float and not spec.many:
        checks += _number_checks(kind, spec, value)
    if spec.base is datetime:
        checks.append(
            (
                f"{value} IS NOT NULL AND NOT (epoch_us({value}) BETWEEN {_FIRST_US} AND "
                f"{_LAST_US})",
                quote_literal(f"{name}: timestamp out of range"),
            )
        )
    if spec.base is date:
        checks.append(
            (
                f"{value} IS NOT NULL AND NOT ({value} BETWEEN DATE '0001-01-01' AND "
                "DATE '9999-12-31')",
                quote_literal(f"{name}: date out of range"),
            )
        )
    return checks


def _numbered(
    parquet: pq.ParquetFile, columns: Sequence[int], names: Sequence[str], batch_rows: int
) -> pa.RecordBatchReader:
    """A stream of the file's rows: the columns at `columns` under `names`, plus `_line`."""
    source = parquet.schema_arrow
    fields = [source.field(i).with_name(n) for i, n in zip(columns, names, strict=True)]
    schema = pa.schema([*fields, pa.field("_line", pa.int64())])
    everything = list(columns) == list(range(len(source.names)))
    wanted = None if everything else [source.names[i] for i in columns]

    def batches() -> Iterator[pa.RecordBatch]:
        line = 1
        for batch in parquet.iter_batches(batch_size=batch_rows, columns=wanted):
            lines = pa.array(np.arange(line, line + batch.num_rows, dtype=np.int64))
            line += batch.num_rows
            yield pa.RecordBatch.from_arrays([*batch.columns, lines], schema=schema)

    return pa.RecordBatchReader.from_batches(schema, batches())


def _has_null(parquet: pq.ParquetFile, column: str, batch_rows: int) -> bool:
    for batch in parquet.iter_batches(batch_size=batch_rows, columns=[column]):
        if batch.column(0).null_count:
            return True
    return False


def bulk_ingest(
    store: Store,
    path: Path,
    kind: RecordKind,
    source: str,
    file: str,
    limits: IngestLimits | None = None,
) -> tuple[int, int, int, int]:
    """Validate and store one eligible Parquet file; returns (read, new, updated, quarantined).

    Runs inside the caller's transaction. Events and register entries whose id is missing take
    the row path instead (their id is derived in Python), signalled by returning (-1, 0, 0, 0).
    A file that turns out unreadable half-way raises IngestError.
    """
    path = Path(path)
    limits = limits or IngestLimits()
    with ExitStack() as stack:
        parquet = open_parquet(path, stack)
        try:
            return _bulk_ingest(store, parquet, kind, source, file, limits)
        except (duckdb.Error, pa.ArrowException, OSError) as exc:
            raise IngestError(path, f"unreadable Parquet: {_cause(exc)}") from None
        finally:
            for view in (_SOURCE_VIEW, _RAW_VIEW):
                # never registered, or a failed statement aborted the transaction
                with suppress(duckdb.Error):
                    store.connection.unregister(view)


def _cause(exc: BaseException) -> str:
    """The reader's own words: DuckDB wraps an error of our Arrow stream in its message, with
    the Python traceback as "Detail", which must not reach the user."""
    text = str(exc).split(" Detail: ", 1)[0]
    _, found, inner = text.partition(f"reading the stream registered as '{_SOURCE_VIEW}' failed: ")
    return (inner if found else text).strip().rstrip(".") or type(exc).__name__


def _bulk_ingest(
    store: Store,
    parquet: pq.ParquetFile,
    kind: RecordKind,
    source: str,
    file: str,
    limits: IngestLimits,
) -> tuple[int, int, int, int]:
    con = store.connection
    id_field = KIND_TABLES[kind][1]
    file_names = list(parquet.schema_arrow.names)
    specs = field_specs(kind)
    present = [s.name for s in specs if s.name in file_names]
    if derives_id(kind) and (
        id_field not in present or _has_null(parquet, id_field, limits.batch_rows)
    ):
        return -1, 0, 0, 0
    values: list[str] = []
    reasons: list[str] = []
    for spec in specs:
        value = _clean(spec, spec.name in present)
        default = _model_default(kind, spec.name)
        if spec.choices:  # lenient about case only, as the row path
            choices = ", ".join(map(quote_literal, spec.choices))
            value = f"CASE WHEN {value} IN ({choices}) THEN {value} ELSE lower({value}) END"
        if default is not None:
            value = f"coalesce({value}, {quote_literal(str(default))})"
        values.append(f"{value} AS {quote_identifier(spec.name)}")
        # checked on the cleaned column of _bulk, as the row path checks the coerced value
        checks = _checks(kind, spec, quote_identifier(spec.name), spec.name in present)
        reasons += [f"CASE WHEN {cond} THEN {why} END" for cond, why in checks]
    positions = [file_names.index(name) for name in present]
    con.register(_SOURCE_VIEW, _numbered(parquet, positions, present, limits.batch_rows))
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _bulk AS
        SELECT _line, {", ".join(values)} FROM {_SOURCE_VIEW}"""
    )
    con.unregister(_SOURCE_VIEW)
    # The first valid row of an id wins; an invalid one does not block a later valid one.
    id_column = quote_identifier(id_field)
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _bulk_checked AS
        SELECT *, min(CASE WHEN _reason = '' THEN _line END)
                      OVER (PARTITION BY {id_column}) AS _first
        FROM (SELECT *, concat_ws('; ', {", ".join(reasons)}) AS _reason FROM _bulk)"""
    )
    names = ", ".join(quote_identifier(s.name) for s in specs)
    # The valid first rows merge like the row path's (new, updated with history, unchanged).
    con.execute(
        f"""CREATE OR REPLACE TEMP VIEW _bulk_valid AS
        SELECT {names}, _line FROM _bulk_checked WHERE _reason = '' AND _line = _first"""
    )
    merged = store.merge_staged(kind, "_bulk_valid", source, file)
    refused = "c._reason <> '' OR c._line IS DISTINCT FROM c._first"
    quarantined = 0
    if con.execute(f"SELECT count(*) FROM _bulk_checked c WHERE {refused}").fetchall()[0][0]:
        quarantined = _quarantine(
            store,
            parquet,
            kind=kind,
            source=source,
            file=file,
            id_field=id_field,
            refused=refused,
            limits=limits,
        )
    read = con.execute("SELECT count(*) FROM _bulk").fetchall()[0][0]
    con.execute("DROP VIEW _bulk_valid; DROP TABLE _bulk; DROP TABLE _bulk_checked")
    return int(read), merged.new, merged.updated, quarantined


def _quarantine(
    store: Store,
    parquet: pq.ParquetFile,
    *,
    kind: RecordKind,
    source: str,
    file: str,
    id_field: str,
    refused: str,
    limits: IngestLimits,
) -> int:
    """Quarantine the refused rows with their reasons and their raw rows as JSON. The raw row is
    read back only for them: JSON for millions would cost more than the whole check. The
    source's column names are parameters; its columns are scanned as c0, c1, ...
    Rows quarantined by an earlier ingest of the same file are not added twice."""
    con = store.connection
    file_names = list(parquet.schema_arrow.names)
    positional = [f"c{i}" for i in range(len(file_names))]
    con.register(
        _RAW_VIEW, _numbered(parquet, range(len(file_names)), positional, limits.batch_rows)
    )
    pairs = ", ".join(f"?, r.{name}" for name in positional)
    id_column = quote_identifier(id_field)
    duplicate = (
        f"{quote_literal(f'duplicate {id_field} ' + chr(39))} || c.{id_column} "
        f"|| {quote_literal(chr(39) + ', first at line ')} || c._first"
    )
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _bulk_refused AS
        SELECT ? AS _source, ? AS _file, c._line, ? AS kind,
               CASE WHEN c._reason <> '' THEN c._reason ELSE {duplicate} END AS reason,
               CAST(json_object({pairs}) AS VARCHAR) AS raw
        FROM _bulk_checked c JOIN {_RAW_VIEW} r ON r._line = c._line
        WHERE {refused}""",
        [source, file, kind.value, *file_names],
    )
    con.unregister(_RAW_VIEW)
    quarantined = store.add_quarantine_from("_bulk_refused")
    con.execute("DROP TABLE _bulk_refused")
    return quarantined
