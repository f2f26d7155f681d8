"""Row validation: map source columns to canonical fields, coerce, and check with the model."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from redflags.ingest.categories import CategoryCounter
from redflags.ingest.coerce import CoercionError, coerce, show
from redflags.ingest.descriptor import EPOCH_FORMATS, Derived, SourceDescriptor
from redflags.ingest.errors import IngestError
from redflags.model.records import KIND_TABLES, RECORD_TYPES, FieldSpec, RecordKind, field_specs
from redflags.normalise.contacts import find_contacts
from redflags.normalise.phones import DEFAULT_REGION, normalise_phone

# Account numbers: spaces are how a statement prints them, not part of the number.
ACCOUNT_FIELDS: dict[RecordKind, tuple[str, ...]] = {
    RecordKind.TRANSACTION: ("payer", "payee"),
    RecordKind.CUSTOMER: ("account_id",),
    RecordKind.DEVICE_EVENT: ("account",),
    RecordKind.COMPANY: ("account_id",),
}


_ACCOUNT_NUMBER = re.compile(r"\+?[A-Za-z]{0,2}[0-9][0-9A-Za-z]*(?:[ .-][0-9A-Za-z]+)*")


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
        self.values = {
            field: {**{k.strip().casefold(): v for k, v in mapping.items()}, **mapping}
            for field, mapping in descriptor.values.items()
        }
        self.formats = {
            field: [given] if isinstance(given, str) else list(given)
            for field, given in descriptor.formats.items()
        }
        self.factors = {
            field: unit.scale * descriptor.to_canonical_period(field)
            for field, unit in descriptor.units.items()
        }
        self.categories = CategoryCounter() if self.kind is RecordKind.TRANSACTION else None
        self.statement = descriptor.statement
        # payment (ts, payer, payee, amount) -> holders whose listing of it is not yet paired
        self._unpaired: dict[tuple[Any, ...], list[str]] = {}
        by_name = {s.name: s for s in self.specs}
        self.defaults = {
            name: coerce(by_name[name], value, self.zone, self.separator)
            for name, value in descriptor.defaults.items()
        }

    @property
    def source_columns(self) -> list[str]:
        """Every source column this validator may read."""
        derived = {c for d in self.descriptor.derive.values() for c in d.columns}
        if self.statement:
            derived |= set(self.statement.counterparty)
        if self.descriptor.swap is not None:
            derived.add(self.descriptor.swap.column)
        return sorted(set(self.sources.values()) | derived)

    def _raw_value(self, spec: FieldSpec, raw: Mapping[str, Any]) -> Any:
        """The source value of a canonical field: derived, mapped, parsed by its format."""
        derived = self.descriptor.derive.get(spec.name)
        value = _derive(derived, raw) if derived is not None else raw.get(self.sources[spec.name])
        if (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and spec.name in self.formats
        ):
            value = str(value)  # a JSON number of Unix seconds: its format reads it as text
        if isinstance(value, str):
            mapping = self.values.get(spec.name)
            if mapping is not None:
                value = mapping.get(value, mapping.get(value.strip().casefold(), value))
            formats = self.formats.get(spec.name)
            if formats and value.strip():
                return _parse_time(value.strip(), formats, spec.base is date)
        return value

    def check_columns(self, columns: Iterable[str], file: str | Path) -> None:
        """Refuse a file whose header lacks a required or an explicitly mapped column."""
        present = set(columns)
        missing = []
        for spec in self.specs:
            derived = self.descriptor.derive.get(spec.name)
            if derived is not None:
                missing += [
                    f"{c} (to derive {spec.name})" for c in derived.columns if c not in present
                ]
                continue
            column = self.sources[spec.name]
            if column in present or (self.statement and spec.name == "payee"):
                continue
            if spec.required and spec.name not in self.defaults:
                missing.append(column if column == spec.name else f"{column} (for {spec.name})")
            elif spec.name in self.descriptor.columns:
                missing.append(f"{column} (mapped to {spec.name})")
        if missing:
            plural = "s" if len(missing) > 1 else ""
            raise IngestError(file, f"missing column{plural}: {', '.join(missing)}")

    def _posting(self, values: dict[str, Any], raw: Mapping[str, Any]) -> str | None:
        """A statement row as a payment: money out of the holder's account (`payer` as mapped)
        to the counterparty, or in from it; the amount made positive."""
        assert self.statement is not None
        counterparty = next(
            (text for c in self.statement.counterparty if (text := str(raw.get(c) or "").strip())),
            None,
        )
        if counterparty is None:
            shown = ", ".join(self.statement.counterparty)
            return f"statement: no counterparty in {shown}"
        amount = values["amount"]
        if amount < 0:
            values["payee"], values["amount"] = counterparty, -amount
        else:
            values["payee"], values["payer"] = values["payer"], counterparty
        return None

    def _other_side(self, values: dict[str, Any], holder: str) -> str | None:
        """With `both_sides`: the listing of a payment another holder's statement already gave
        (its reason), else None and the listing is remembered. Two equal payments on one
        holder's statement are two payments."""
        key = (values.get("ts"), values["payer"], values["payee"], values["amount"])
        waiting = self._unpaired.setdefault(key, [])
        for index, other in enumerate(waiting):
            if other != holder:
                del waiting[index]
                if not waiting:
                    del self._unpaired[key]  # paired: nothing of it needs keeping
                # one reason for every such row, so they group; time and amount find the pair
                return OTHER_SIDE
        waiting.append(holder)
        return None

    def _hint(self, spec: FieldSpec) -> str:
        """How to fix a value outside a field's choices: a descriptor's value map."""
        if not spec.choices:
            return ""
        if spec.name in self.descriptor.values:
            return f"; add it to the descriptor's values: for {spec.name}"
        return "; a descriptor's values: maps a source's own names"

    def validate(self, raw: Mapping[str, Any]) -> dict[str, Any] | str:
        """A canonical record dict, or a short human reason why the row is refused."""
        values: dict[str, Any] = {}
        problems: list[str] = []
        for spec in self.specs:
            try:
                value = coerce(spec, self._raw_value(spec, raw), self.zone, self.separator)
            except CoercionError as exc:
                problems.append(f"{spec.name}: {exc}{self._hint(spec)}")
                continue
            if spec.name in self.factors and value is not None:
                value = round(value * self.factors[spec.name], 6)
            if value is None or value == ():
                value = self.defaults.get(spec.name, value)
            if value is None:
                if spec.required and not (self.statement and spec.name == "payee"):
                    problems.append(f"missing required field {spec.name}")
                continue  # leave it to the model's default
            values[spec.name] = value
        if problems:
            return "; ".join(problems)
        swap = self.descriptor.swap
        if swap is not None and str(raw.get(swap.column) or "").strip() in swap.values:
            first, second = swap.fields
            values[first], values[second] = values.get(second), values.get(first)
            values = {k: v for k, v in values.items() if v is not None}
        holder = values.get("payer")
        if self.statement:
            problem = self._posting(values, raw)
            if problem:
                return problem
        if self.kind is RecordKind.AD and values.get("persona") == values.get("ad_id"):
            # a persona that is the ad's own id names nobody (giving each ad a persona of its
            # own was the workaround before the persona fallback): without it an advertiser's
            # reposts would read as one contact fronting as many personas as ads
            values.pop("persona")
        for name in ACCOUNT_FIELDS.get(self.kind, ()):
            value = values.get(name)
            if isinstance(value, str) and _ACCOUNT_NUMBER.fullmatch(value):
                # "DK00 0000 6540 7960 91" and "DK0000006540796091" are one account; anything
                # that is not shaped like an account number (a name) is stored as written
                values[name] = "".join(value.split())
        if self.statement and self.statement.both_sides:
            holder = "".join(str(holder).split())
            if problem := self._other_side(values, holder):
                return problem
        try:
            record = self.model.model_validate(values)
        except ValidationError as exc:
            return _explain(exc)
        result = record.model_dump()
        if self.categories is not None:
            self.categories.add(result.get("merchant_category"))
        if result.get(self.id_field) is None:  # only kinds that derive ids may
            result[self.id_field] = derive_event_id(result)
        return result


OTHER_SIDE = "statement: the other side of a payment already stored from another statement"
_PHONE_RUN = re.compile(r"\+?\d[\d ().-]{5,}\d")


def contact_in(text: str) -> str | None:
    """The first phone number, e-mail or handle written in a field beside a name ("Andrii
    (ejer) +4520005809", "@iulik_88 Iulik"), as written; a number in a range the numbering plan
    does not list counts, as in any contact field."""
    for contact in find_contacts(text, DEFAULT_REGION):
        return contact.raw
    for run in _PHONE_RUN.findall(text):
        if normalise_phone(run, DEFAULT_REGION, contact_field=True):
            return str(run).strip()
    return None


def _derive(derived: Derived, raw: Mapping[str, Any]) -> str | None:
    parts = ["" if raw.get(c) is None else str(raw.get(c)).strip() for c in derived.columns]
    if not any(parts):
        return None
    if derived.first is not None:
        return next(p for p in parts if p)
    if derived.contact is not None:
        found = (contact_in(p) for p in parts if p)
        return next((c for c in found if c), next(p for p in parts if p))
    if derived.template is not None:
        return derived.template.format_map(dict(zip(derived.columns, parts, strict=True)))
    if derived.hash is not None:
        text = json.dumps(parts, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return derived.separator.join(p for p in parts if p)


def _parse_time(text: str, formats: list[str], as_date: bool) -> datetime | date:
    """The value read with the first of the descriptor's formats that fits; ISO 8601 always
    works too (an export may mix both)."""
    for fmt in formats:
        try:
            if fmt in EPOCH_FORMATS:
                seconds = float(text) / (1000 if fmt == "epoch_ms" else 1)
                moment = datetime.fromtimestamp(seconds, UTC)
            else:
                moment = datetime.strptime(text, fmt)
        except (ValueError, OverflowError, OSError):
            continue
        return moment.date() if as_date else moment
    try:
        return date.fromisoformat(text) if as_date else datetime.fromisoformat(text)
    except ValueError:
        shown = " or ".join(repr(f) for f in formats)
        raise CoercionError(f"{show(text)} does not fit the format {shown}") from None
