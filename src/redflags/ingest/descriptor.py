"""Source descriptors: how one source's columns map onto a record kind's canonical fields.

A descriptor is a small YAML file (`bank.source.yaml`). It is loaded strictly: unknown keys,
duplicate keys and fields the record kind does not have are refused, naming file and line.
Descriptors may come from whoever sent the data, so the YAML is held to plain data (no anchors,
aliases or tags, bounded size and depth) and `file` must stay inside the descriptor's folder.
"""

from __future__ import annotations

import codecs
import string
from datetime import date, datetime
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, Literal
from zoneinfo import ZoneInfo

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from redflags.ingest.coerce import CoercionError, coerce
from redflags.ingest.errors import DescriptorError
from redflags.ingest.limits import IngestLimits
from redflags.model.records import (
    KIND_TABLES,
    PERIODIC_FIELDS,
    FieldSpec,
    RecordKind,
    field_specs,
)
from redflags.settings import is_time_zone

DESCRIPTOR_SUFFIXES = (".source.yaml", ".source.yml")

Format = Literal["csv", "jsonl", "parquet", "whatsapp", "auto"]
Period = Literal["year", "month", "week", "day"]
EPOCH_FORMATS = ("epoch", "epoch_ms")  # Unix seconds or milliseconds, UTC
PER_YEAR: dict[str, float] = {"year": 1.0, "month": 12.0, "week": 52.0, "day": 365.0}

# A descriptor is a dozen lines; these bounds only stop hostile files early.
MAX_DESCRIPTOR_BYTES = 256 * 1024
MAX_DEPTH = 20
# Text codecs that do not read a character set from bytes (they unescape or transcode names).
_NOT_FILE_ENCODINGS = frozenset(
    {"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined", "mbcs", "oem"}
)


def check_relative(pattern: str) -> str | None:
    """Why a descriptor's `file` would leave the descriptor's folder, or None when it stays."""
    if "\x00" in pattern:
        return "contains a NUL character"
    if PurePosixPath(pattern).is_absolute() or PureWindowsPath(pattern).is_absolute():
        return "is an absolute path; give it relative to the descriptor's folder"
    if PureWindowsPath(pattern).drive or pattern.startswith("~"):
        return "names a drive or home folder; give it relative to the descriptor's folder"
    if ".." in PureWindowsPath(pattern).parts:  # splits on / and \ alike
        return "climbs out of the descriptor's folder ('..'); files must lie inside it"
    return None


def kind_for_name(name: str) -> RecordKind | None:
    """A record kind from its value ("transaction") or its table name ("transactions")."""
    for kind in RecordKind:
        if name in (kind.value, KIND_TABLES[kind][0]):
            return kind
    return None


def _specs_of(info: Any) -> dict[str, FieldSpec] | None:
    """The canonical fields of the descriptor's kind, by name (None while the kind is invalid:
    that is reported on its own, so a field validator has nothing to check against)."""
    kind = info.data.get("kind")
    return None if kind is None else {s.name: s for s in field_specs(kind)}


class Unit(BaseModel):
    """How a source's number relates to the canonical one: a `scale` (øre -> kroner: 0.01)
    and, for a per-period amount, the source's `period` (monthly income -> yearly)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    period: Period | None = None
    scale: float = Field(default=1.0, gt=0, le=1e6)


class Derived(BaseModel):
    """A field the source does not have, made from source columns: `hash` (a stable id from
    the values, for exports without ids), `join` (e.g. a persona from name and city),
    `first` (the first column with a value: a card token, else a MobilePay number) or
    `contact` (the phone number, e-mail or handle written in a column beside a name, as
    forensic tools write a chat's sender: "Andrii (ejer) +4520005809"; the value as written
    when it holds none)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    hash: tuple[str, ...] | None = Field(default=None, min_length=1, max_length=20)
    join: tuple[str, ...] | None = Field(default=None, min_length=1, max_length=20)
    first: tuple[str, ...] | None = Field(default=None, min_length=1, max_length=20)
    contact: tuple[str, ...] | None = Field(default=None, min_length=1, max_length=20)
    # "DK00 0000 {Kontonr}": text with {column} placeholders (no formatting, no attributes)
    template: str | None = Field(default=None, min_length=1, max_length=200)
    separator: str = Field(default=" ", max_length=10)

    @model_validator(mode="after")
    def _one_way(self) -> Derived:
        ways = (self.hash, self.join, self.first, self.contact, self.template)
        if sum(way is not None for way in ways) != 1:
            raise ValueError(
                "give exactly one of hash: [columns], join: [columns], first: [columns], "
                "contact: [columns] or template: 'text {column}'"
            )
        if self.template is not None:
            template_columns(self.template)  # raises on a placeholder that is not a plain name
        return self

    @property
    def columns(self) -> tuple[str, ...]:
        if self.template is not None:
            return template_columns(self.template)
        return self.hash or self.join or self.first or self.contact or ()


def template_columns(template: str) -> tuple[str, ...]:
    """The columns a template names; only plain `{column}` placeholders are allowed."""
    names = []
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise ValueError(f"template {template!r}: {exc}") from None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name or spec or conversion or any(c in name for c in ".[]"):
            raise ValueError(f"template {template!r}: use plain {{column}} placeholders")
        names.append(name)
    if not names:
        raise ValueError(f"template {template!r} names no column")
    return tuple(names)


class Statement(BaseModel):
    """An account statement: one row per posting on the holder's account, the amount signed
    from the holder's side (negative = money out). Each row becomes a payment from payer to
    payee with a positive amount: out of the holder's account to the counterparty, or in."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    counterparty: tuple[str, ...] = Field(min_length=1, max_length=10)  # first with a value
    # The export lists several holders' statements, so a transfer between two of them is on
    # both: the second listing (same time, payer, payee and amount, from the other holder's
    # statement) is set aside as that payment's other side, not stored as a second payment.
    both_sides: bool = False


class Swap(BaseModel):
    """Two canonical fields exchanged on the rows whose `column` holds one of `values`: an SMS
    backup lists the other party in one column and says by a type whether the owner sent or
    received the message (`{column: type, values: ["2"], fields: [sender, recipient]}`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    column: str = Field(min_length=1)
    values: tuple[str, ...] = Field(min_length=1, max_length=50)
    fields: tuple[str, str]


class SourceDescriptor(BaseModel):
    """How to read one source of one record kind."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, pattern=r"^[^\s/\\]+$")
    kind: RecordKind
    description: str | None = None
    format: Format = "auto"  # auto: from the file extension
    file: str | None = None  # relative to the descriptor: a file, a folder of parts, or a glob
    columns: dict[str, str] = Field(default_factory=dict)  # canonical field -> source column
    defaults: dict[str, Any] = Field(default_factory=dict)  # canonical field -> constant
    timezone: str = "Europe/Copenhagen"  # for naive timestamps; stored values are UTC
    encoding: str = "utf-8"
    # one character, or auto: the most frequent of , ; tab | in the header line
    delimiter: str = Field(default="auto", min_length=1, max_length=4)
    list_separator: str = Field(default=";", min_length=1)
    # Reader bounds for this source (docs/data.md, "Limits and hostile input"); a source with
    # very long texts may raise them, never remove them.
    limits: IngestLimits = Field(default_factory=IngestLimits)
    # canonical field -> {source value: canonical value} (a bank's "MobilePay" -> p2p)
    values: dict[str, dict[str, str]] = Field(default_factory=dict)
    # canonical timestamp/date field -> strptime format(s) ("%d-%m-%Y %H:%M"); ISO always works
    formats: dict[str, str | list[str]] = Field(default_factory=dict)
    units: dict[str, Unit] = Field(default_factory=dict)  # canonical number field -> its unit
    derive: dict[str, Derived] = Field(default_factory=dict)  # canonical field -> made from
    # transactions only: rows are postings on an account (`account` via columns.payer or derive)
    statement: Statement | None = None
    swap: Swap | None = None  # exchange two fields on some rows (who sent, who received)

    @model_validator(mode="after")
    def _statement_of_transactions(self) -> SourceDescriptor:
        if self.statement is not None and self.kind is not RecordKind.TRANSACTION:
            raise ValueError("statement: is for transactions (postings on an account)")
        if self.swap is not None:
            specs = {f.name: f for f in field_specs(self.kind)}
            first, second = self.swap.fields
            if first == second or first not in specs or second not in specs:
                raise ValueError(f"swap: fields must be two different {self.kind.value} fields")
            if specs[first].base is not specs[second].base:
                raise ValueError("swap: the two fields must be of one type")
        return self

    @field_validator("delimiter")
    @classmethod
    def _one_character_or_auto(cls, value: str) -> str:
        if value != "auto" and len(value) != 1:
            raise ValueError("one character (e.g. ';' or '\\t') or auto")
        return value

    @field_validator("kind", mode="before")
    @classmethod
    def _kind_by_table_name(cls, value: Any) -> Any:
        if isinstance(value, str) and (kind := kind_for_name(value)) is not None:
            return kind
        return value

    @field_validator("columns", "defaults", "values", "formats", "units", "derive")
    @classmethod
    def _canonical_keys(cls, value: dict[str, Any], info: Any) -> dict[str, Any]:
        specs = _specs_of(info)
        if specs is None:
            return value  # the kind itself is invalid and reported on its own
        known = set(specs)
        kind = info.data["kind"]
        for key in value:
            if key not in known:
                raise PydanticCustomError(
                    "unknown_field",
                    "'{key}' is not a canonical {kind} field (known: {known})",
                    {"key": key, "kind": kind.value, "known": ", ".join(sorted(known))},
                )
        return value

    @field_validator("defaults")
    @classmethod
    def _defaults_coerce(cls, value: dict[str, Any], info: Any) -> dict[str, Any]:
        specs = _specs_of(info)
        if specs is None:
            return value  # the kind itself is invalid and reported on its own
        for key, constant in value.items():
            try:
                coerce(specs[key], constant, ZoneInfo("UTC"), ";")
            except CoercionError as exc:
                raise PydanticCustomError(
                    "bad_default", "{key}: {reason}", {"key": key, "reason": str(exc)}
                ) from None
        return value

    @field_validator("values")
    @classmethod
    def _values_are_canonical(
        cls, value: dict[str, dict[str, str]], info: Any
    ) -> dict[str, dict[str, str]]:
        specs = _specs_of(info)
        if specs is None:
            return value  # the kind itself is invalid and reported on its own
        for key, mapping in value.items():
            for source_value, canonical in mapping.items():
                try:
                    coerce(specs[key], canonical, ZoneInfo("UTC"), ";")
                except CoercionError as exc:
                    raise PydanticCustomError(
                        "bad_value",
                        "{key}: {source} maps to {reason}",
                        {"key": key, "source": repr(source_value), "reason": str(exc)},
                    ) from None
        return value

    @field_validator("formats")
    @classmethod
    def _formats_for_times(
        cls, value: dict[str, str | list[str]], info: Any
    ) -> dict[str, str | list[str]]:
        specs = _specs_of(info)
        if specs is None:
            return value  # the kind itself is invalid and reported on its own
        for key, given in value.items():
            if specs[key].base not in (datetime, date):
                raise PydanticCustomError(
                    "bad_format", "{key}: formats are for timestamps and dates", {"key": key}
                )
            for fmt in [given] if isinstance(given, str) else given:
                if fmt not in EPOCH_FORMATS and ("%" not in fmt or len(fmt) > 64):
                    raise PydanticCustomError(
                        "bad_format",
                        "{key}: {fmt} is not a strptime format ('%d-%m-%Y %H:%M') or epoch",
                        {"key": key, "fmt": repr(fmt)},
                    )
        return value

    @field_validator("units")
    @classmethod
    def _units_for_numbers(cls, value: dict[str, Unit], info: Any) -> dict[str, Unit]:
        specs = _specs_of(info)
        if specs is None:
            return value  # the kind itself is invalid and reported on its own
        periodic = PERIODIC_FIELDS.get(info.data["kind"], {})
        for key, unit in value.items():
            if specs[key].base is not float:
                raise PydanticCustomError(
                    "bad_unit", "{key}: units are for number fields", {"key": key}
                )
            if unit.period is not None and key not in periodic:
                raise PydanticCustomError(
                    "bad_unit",
                    "{key}: not an amount per period (periodic: {known})",
                    {"key": key, "known": ", ".join(sorted(periodic)) or "none"},
                )
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if not is_time_zone(value):
            raise ValueError(f"unknown time zone {value!r} (e.g. Europe/Copenhagen, UTC)")
        return value

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, value: str) -> str:
        try:
            info = codecs.lookup(value)
        except LookupError:
            raise ValueError(f"unknown encoding {value!r} (e.g. utf-8, cp1252)") from None
        # rot13, base64, zlib, hex ... are codecs but not character sets of a text file.
        if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_FILE_ENCODINGS:
            raise ValueError(
                f"{value!r} is not a text encoding (use a character set such as utf-8, "
                "cp1252, latin-1 or utf-16)"
            )
        return value

    @field_validator("file")
    @classmethod
    def _inside_folder(cls, value: str | None) -> str | None:
        if value is not None:
            if not value.strip():
                raise ValueError("empty; name a file, a folder of parts or a glob")
            problem = check_relative(value)
            if problem:
                raise ValueError(f"{value!r} {problem}")
        return value

    def source_column(self, field: str) -> str:
        """The source column a canonical field is read from (the same name unless mapped)."""
        return self.columns.get(field, field)

    def to_canonical_period(self, field: str) -> float:
        """The factor that turns this source's per-period amount into the canonical period's."""
        unit = self.units.get(field)
        if unit is None or unit.period is None:
            return 1.0
        canonical = PERIODIC_FIELDS.get(self.kind, {}).get(field, unit.period)
        return PER_YEAR[unit.period] / PER_YEAR[canonical]


# -- loading ------------------------------------------------------------------------------------


class _Located:
    """YAML converted to Python, remembering the line of every mapping key."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: dict[tuple[str, ...], int] = {}

    def convert(self, node: yaml.Node, at: tuple[str, ...] = ()) -> Any:
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise DescriptorError(self._at(key_node), "a key must be a plain word")
                key = self.convert(key_node)
                where = (*at, str(key))
                if key in result:
                    raise DescriptorError(self._at(key_node), f"duplicate key {key!r}")
                self.lines[where] = key_node.start_mark.line + 1
                result[key] = self.convert(value_node, where)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(v, at) for v in node.value]
        # the scalar as YAML's safe constructor reads it (its tag was resolved when composing)
        value = yaml.constructor.SafeConstructor().construct_object(node)
        # No descriptor value is a boolean, and YAML 1.1 would turn the country code NO into False.
        return node.value if isinstance(value, bool) else value

    def _at(self, node: yaml.Node) -> str:
        return f"{self.path}:{node.start_mark.line + 1}"

    def line_of(self, loc: tuple[Any, ...]) -> int:
        parts = tuple(str(p) for p in loc)
        while parts:
            if parts in self.lines:
                return self.lines[parts]
            parts = parts[:-1]
        return 1


def _screen(text: str, path: Path) -> None:
    """Refuse what plain data does not need, before anything is built from the YAML: anchors and
    aliases (a "billion laughs" file expands them exponentially), tags (`!!python/name:` ...)
    and deep nesting (recursion). Reads the event stream, which needs no recursion."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        mark = event.start_mark
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise DescriptorError(where, "anchors and aliases (& and *) are not allowed")
        tag = getattr(event, "tag", None)
        if tag is not None and not isinstance(event, yaml.DocumentStartEvent):
            raise DescriptorError(where, f"YAML tags such as {tag!r} are not allowed")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise DescriptorError(where, f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def load_descriptor(path: Path) -> SourceDescriptor:
    """Load and validate a `*.source.yaml` file; errors name file:line."""
    path = Path(path)
    try:
        if path.exists() and not path.is_file():  # a FIFO or device would block or never end
            raise DescriptorError(path, "not a regular file")
        if path.stat().st_size > MAX_DESCRIPTOR_BYTES:
            raise DescriptorError(
                path, f"larger than {MAX_DESCRIPTOR_BYTES // 1024} KB; not a source descriptor"
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DescriptorError(path, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DescriptorError(path, f"cannot read: {exc}") from None
    located = _Located(path)
    try:
        _screen(text, path)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = None if node is None else located.convert(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        raise DescriptorError(where, f"not valid YAML: {problem}") from None
    if node is None:
        raise DescriptorError(path, "empty descriptor")
    if not isinstance(data, dict):
        raise DescriptorError(f"{path}:1", "a descriptor must be a mapping of keys to values")
    try:
        return SourceDescriptor.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            # An unknown canonical field is reported at its own line inside columns/defaults.
            ctx = err.get("ctx") or {}
            if "key" in ctx and loc:
                loc = (*loc, ctx["key"])
            label = ".".join(str(p) for p in err["loc"]) or "descriptor"
            message = str(err["msg"]).removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                allowed = ", ".join(SourceDescriptor.model_fields)
                message = f"unknown key (allowed: {allowed})"
            elif err["type"] == "missing":
                message = "required key missing"
            problems.append((located.line_of(loc), f"{label}: {message}"))
        line, first = problems[0]
        rest = "".join(f"; line {n}: {p}" for n, p in problems[1:])
        raise DescriptorError(f"{path}:{line}", first + rest) from None
