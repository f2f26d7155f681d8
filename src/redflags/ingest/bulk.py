"""The fast path for typed Parquet: validate and store a whole file inside DuckDB.

A bank's export of ten million transactions is already typed; checking it row by row in Python
(about 40k rows/s) would dominate a scan. When a Parquet file's columns carry the canonical
types and the descriptor maps nothing, the same rules as `validate.py` run as one SQL pass:
trim text (blank is absent), apply model defaults, require required fields, check choices and
numeric bounds, refuse duplicate ids (the first wins). Every row is still stored or quarantined
with its line and reason, and tests/test_ingest_bulk.py holds both paths to the same result.
Anything else (CSV, JSON, mapped columns, events or register entries without ids) takes the row
path.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import annotated_types
import pyarrow as pa
import pyarrow.parquet as pq

from redflags.ingest.descriptor import SourceDescriptor
from redflags.model.records import (
    KIND_TABLES,
    RECORD_TYPES,
    FieldSpec,
    RecordKind,
    derives_id,
    field_specs,
)
from redflags.store import Store

# Python's str.strip() set, so both paths trim the same characters.
_WHITESPACE = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
_BOUNDS = {"ge": ">=", "gt": ">", "le": "<=", "lt": "<"}


# Cheap test first: trimming with the full set costs 4x, and almost no value needs it.
_EDGE_SPACE = r"^[\s\pZ\x0b\x1c-\x1f\x85]|[\s\pZ\x0b\x1c-\x1f\x85]$"


def _trimmed(column: str) -> str:
    full = f"nullif(trim({column}, {_quote(_WHITESPACE)}), '')"
    return (
        f"CASE WHEN {column} = '' OR regexp_matches({column}, {_quote(_EDGE_SPACE)}) "
        f"THEN {full} ELSE {column} END"
    )


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


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
    if any(c in str(path) for c in "*?[{"):
        return False  # DuckDB's read_parquet would take the name for a glob and read other files
    try:
        schema = pq.read_schema(path)
    except (pa.ArrowInvalid, OSError):
        return False  # the row path reports the broken file in its own words
    present = {f.name: f.type for f in schema}
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
    column = f'"{spec.name}"'
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


def _checks(kind: RecordKind, spec: FieldSpec, value: str) -> list[tuple[str, str]]:
    """(SQL condition that is true when the value is wrong, reason) pairs for one field."""
    name = spec.name
    checks: list[tuple[str, str]] = []
    if spec.required and not spec.many:
        checks.append((f"{value} IS NULL", _quote(f"missing required field {name}")))
    if spec.choices:
        allowed = ", ".join(_quote(c) for c in spec.choices)
        checks.append(
            (
                f"{value} IS NOT NULL AND lower({value}) NOT IN ({allowed})",
                f"'{name}: ' || {value} || ' is not one of {', '.join(spec.choices)}'",
            )
        )
    if spec.base is float and not spec.many:
        checks.append(
            (
                f"{value} IS NOT NULL AND (isnan({value}) OR isinf({value}))",
                _quote(f"{name}: not a finite number"),
            )
        )
        for meta in RECORD_TYPES[kind].model_fields[name].metadata:
            for bound, op in _BOUNDS.items():
                if isinstance(meta, annotated_types.BaseMetadata) and hasattr(meta, bound):
                    limit = getattr(meta, bound)
                    checks.append(
                        (
                            f"{value} IS NOT NULL AND NOT ({value} {op} {limit})",
                            f"'{name}: input should be {op} {limit}, got ' || {value}",
                        )
                    )
    return checks


def bulk_ingest(
    store: Store, path: Path, kind: RecordKind, source: str, file: str
) -> tuple[int, int, int, int]:
    """Validate and store one eligible Parquet file; returns (read, new, updated, quarantined).

    Runs inside the caller's transaction. Events and register entries whose id is missing take
    the row path instead (their id is derived in Python), signalled by returning (-1, 0, 0, 0).
    """
    con = store.connection
    id_field = KIND_TABLES[kind][1]
    present = set(pq.read_schema(path).names)
    specs = field_specs(kind)
    location = _quote(str(path))
    if derives_id(kind):
        if id_field not in present:
            return -1, 0, 0, 0
        missing = con.execute(
            f'SELECT count(*) FROM read_parquet({location}) WHERE "{id_field}" IS NULL'
        ).fetchall()[0][0]
        if missing:
            return -1, 0, 0, 0
    values: list[str] = []
    reasons: list[str] = []
    for spec in specs:
        value = _clean(spec, spec.name in present)
        default = _model_default(kind, spec.name)
        if spec.choices:  # lenient about case only, as the row path
            choices = ", ".join(map(_quote, spec.choices))
            value = f"CASE WHEN {value} IN ({choices}) THEN {value} ELSE lower({value}) END"
        if default is not None:
            value = f"coalesce({value}, {_quote(str(default))})"
        values.append(f'{value} AS "{spec.name}"')
        # checked on the cleaned column of _bulk, as the row path checks the coerced value
        checks = _checks(kind, spec, f'"{spec.name}"')
        reasons += [f"CASE WHEN {cond} THEN {why} END" for cond, why in checks]
    raw_columns = ", ".join(f'"{name}" := r."{name}"' for name in sorted(present))
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _bulk AS
        SELECT file_row_number + 1 AS _line, {", ".join(values)}
        FROM read_parquet({location}, file_row_number = true)"""
    )
    # The first valid row of an id wins; an invalid one does not block a later valid one.
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _bulk_checked AS
        SELECT *, min(CASE WHEN _reason = '' THEN _line END)
                      OVER (PARTITION BY "{id_field}") AS _first
        FROM (SELECT *, concat_ws('; ', {", ".join(reasons)}) AS _reason FROM _bulk)"""
    )
    names = ", ".join(f'"{s.name}"' for s in specs)
    # The valid first rows merge like the row path's (new, updated with history, unchanged).
    con.execute(
        f"""CREATE OR REPLACE TEMP VIEW _bulk_valid AS
        SELECT {names}, _line FROM _bulk_checked WHERE _reason = '' AND _line = _first"""
    )
    merged = store.merge_staged(kind, "_bulk_valid", source, file)
    duplicate = f"'duplicate {id_field} ''' || c.\"{id_field}\" || ''', first at line ' || c._first"
    # The raw row is read back only for the few refused rows: JSON for millions would cost more
    # than the whole check.
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _bulk_refused AS
        SELECT {_quote(source)} AS _source, {_quote(file)} AS _file, c._line,
               {_quote(kind.value)} AS kind,
               CASE WHEN c._reason <> '' THEN c._reason ELSE {duplicate} END AS reason,
               to_json(struct_pack({raw_columns}))::VARCHAR AS raw
        FROM _bulk_checked c
        JOIN (SELECT file_row_number + 1 AS _line, * EXCLUDE (file_row_number)
              FROM read_parquet({location}, file_row_number = true)) r ON r._line = c._line
        WHERE c._reason <> '' OR c._line IS DISTINCT FROM c._first"""
    )
    quarantined = store.add_quarantine_from("_bulk_refused")
    read = con.execute("SELECT count(*) FROM _bulk").fetchall()[0][0]
    con.execute("DROP VIEW _bulk_valid; DROP TABLE _bulk_refused")
    con.execute("DROP TABLE _bulk; DROP TABLE _bulk_checked")
    return int(read), merged.new, merged.updated, int(quarantined)
