"""Row validation: map source columns to canonical fields, coerce, and check with the model."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from redflags.ingest.coerce import CoercionError, coerce, show
from redflags.ingest.descriptor import SourceDescriptor
from redflags.ingest.errors import IngestError
from redflags.model.records import KIND_TABLES, RECORD_TYPES, RecordKind, field_specs


def derive_event_id(record: Mapping[str, Any]) -> str:
    """A stable id for an event or register entry from its canonical content (sources often
    have none)."""
    content = {k: v for k, v in record.items() if k != "event_id"}
    text = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _explain(exc: ValidationError) -> str:
    """Pydantic's errors as a short reason: 'amount: input should be ... , got -5.0'."""
    parts = []
    for err in exc.errors(include_url=False):
        field = ".".join(str(p) for p in err["loc"]) or "record"
        message = err["msg"]
        message = message[:1].lower() + message[1:]
        parts.append(f"{field}: {message}, got {show(err['input'])}")
    return "; ".join(parts)


class RowValidator:
    """Turns raw rows of one source into canonical record dicts, or a reason why not."""

    def __init__(self, kind: RecordKind, descriptor: SourceDescriptor) -> None:
        self.kind = RecordKind(kind)
        self.model = RECORD_TYPES[self.kind]
        self.id_field = KIND_TABLES[self.kind][1]
        self.specs = field_specs(self.kind)
        self.descriptor = descriptor
        self.zone = ZoneInfo(descriptor.timezone)
        self.separator = descriptor.list_separator
        self.sources = {s.name: descriptor.source_column(s.name) for s in self.specs}
        by_name = {s.name: s for s in self.specs}
        self.defaults = {
            name: coerce(by_name[name], value, self.zone, self.separator)
            for name, value in descriptor.defaults.items()
        }

    @property
    def source_columns(self) -> list[str]:
        """Every source column this validator may read."""
        return sorted(set(self.sources.values()))

    def check_columns(self, columns: Iterable[str], file: str | Path) -> None:
        """Refuse a file whose header lacks a required or an explicitly mapped column."""
        present = set(columns)
        missing = []
        for spec in self.specs:
            column = self.sources[spec.name]
            if column in present:
                continue
            if spec.required and spec.name not in self.defaults:
                missing.append(column if column == spec.name else f"{column} (for {spec.name})")
            elif spec.name in self.descriptor.columns:
                missing.append(f"{column} (mapped to {spec.name})")
        if missing:
            plural = "s" if len(missing) > 1 else ""
            raise IngestError(file, f"missing column{plural}: {', '.join(missing)}")

    def validate(self, raw: Mapping[str, Any]) -> dict[str, Any] | str:
        """A canonical record dict, or a short human reason why the row is refused."""
        values: dict[str, Any] = {}
        problems: list[str] = []
        for spec in self.specs:
            try:
                value = coerce(spec, raw.get(self.sources[spec.name]), self.zone, self.separator)
            except CoercionError as exc:
                problems.append(f"{spec.name}: {exc}")
                continue
            if value is None or value == ():
                value = self.defaults.get(spec.name, value)
            if value is None:
                if spec.required:
                    problems.append(f"missing required field {spec.name}")
                continue  # leave it to the model's default
            values[spec.name] = value
        if problems:
            return "; ".join(problems)
        try:
            record = self.model.model_validate(values)
        except ValidationError as exc:
            return _explain(exc)
        result = record.model_dump()
        if result.get(self.id_field) is None:  # only kinds that derive ids may
            result[self.id_field] = derive_event_id(result)
        return result
