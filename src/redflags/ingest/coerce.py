"""Turn source values (CSV text, JSON scalars, Arrow values) into canonical Python values.

Each function returns None for an absent value and raises CoercionError with a short reason
("not a number 'abc'") that becomes part of a quarantine entry.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, tzinfo
from decimal import Decimal
from typing import Any

from redflags.ingest.limits import MAX_ABS_NUMBER, MAX_ABS_NUMBER_TEXT
from redflags.model.records import FieldSpec


class CoercionError(ValueError):
    """A value that cannot be read as its canonical type; str() is the reason."""


def show(value: Any) -> str:
    """A short repr of a value for a reason; never fails, never long."""
    if isinstance(value, str) and len(value) > 60:
        value = value[:60]
    if isinstance(value, int) and value.bit_length() > 256:
        return f"an integer of about {int(value.bit_length() * 0.30103)} digits"
    try:
        text = repr(value)
    except (ValueError, RecursionError):
        return f"a {type(value).__name__}"
    return text if len(text) <= 60 else text[:57] + "..."


_show = show


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__}"


def to_text(value: Any) -> str | None:
    """Text, trimmed; blank -> None. Numbers from typed sources become their plain spelling."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate: no database or file can hold it
                raise CoercionError("contains a lone surrogate, not valid Unicode") from None
        return text or None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and value.bit_length() > 256:
        raise CoercionError(f"expected text, got {show(value)}")
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, float):
        # Ids read by pandas-like tools often arrive as 123.0; keep them as "123".
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise CoercionError(f"expected text, got {_kind_of(value)}")


_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
_GROUPED_DOTS = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # 1.234.567,50
_GROUPED_COMMAS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # 1,234,567.50
_SPACES = str.maketrans("", "", " \u00a0\u202f'")  # thousands separators that are never decimal


def to_float(value: Any) -> float | None:
    """A finite number. Text may use a decimal comma ("1234,50") and thousands separators.

    "1,234" is read as 1.234: sources here are Danish first, where the comma is decimal.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise CoercionError(f"not a number {_show(value)}")
    if isinstance(value, str) and not value.strip().translate(_SPACES):
        return None
    try:
        number = _parse_number(value)
    except OverflowError:  # an int past the float range, e.g. a JSON literal of 400 digits
        raise CoercionError(f"{_show(value)} is beyond ±{MAX_ABS_NUMBER_TEXT}") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise CoercionError(f"not a finite number {_show(value)}")
    if abs(number) > MAX_ABS_NUMBER:
        raise CoercionError(f"{number:.15g} is beyond ±{MAX_ABS_NUMBER_TEXT}")
    return number


def _parse_number(value: Any) -> float:
    if isinstance(value, int | float | Decimal):
        return float(value)
    if isinstance(value, str):
        text = value.strip().translate(_SPACES)
        if _PLAIN.fullmatch(text):
            return float(text)
        if _DECIMAL_COMMA.fullmatch(text):
            return float(text.replace(",", "."))
        if _GROUPED_DOTS.fullmatch(text):
            return float(text.replace(".", "").replace(",", "."))
        if _GROUPED_COMMAS.fullmatch(text):
            return float(text.replace(",", ""))
        raise CoercionError(f"not a number {_show(value)}")
    raise CoercionError(f"not a number: got {_kind_of(value)}")


def to_datetime(value: Any, naive_zone: tzinfo) -> datetime | None:
    """An aware UTC datetime. Naive values are read in `naive_zone` (the source's local time)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            # Python accepts any character between date and time; ISO-8601 means T (or a space).
            at = 10 if text[4:5] == "-" else 8  # 2024-01-05T... or 20240105T...
            if len(text) > at and text[at] not in "Tt ":
                raise ValueError(text)
            moment = datetime.fromisoformat(text)
        except (ValueError, OverflowError):
            raise CoercionError(f"not an ISO-8601 timestamp {_show(value)}") from None
    else:
        raise CoercionError(f"not an ISO-8601 timestamp {_show(value)}")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=naive_zone)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):  # 0001-01-01 local, 9999-12-31T23:59-05:00, ...
        raise CoercionError(f"timestamp out of range in UTC {_show(value)}") from None


def to_date(value: Any) -> date | None:
    """A calendar date; a timestamp keeps only its date part."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            raise CoercionError(f"not an ISO-8601 date {_show(value)}") from None
    raise CoercionError(f"not an ISO-8601 date {_show(value)}")


def to_texts(value: Any, separator: str) -> tuple[str, ...]:
    """A list field: split text on `separator`, keep list items; blanks are dropped."""
    if value is None:
        return ()
    if isinstance(value, str):
        items: list[Any] = value.split(separator)
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        items = [value]
    texts = (to_text(item) for item in items)
    return tuple(t for t in texts if t is not None)


def coerce(spec: FieldSpec, value: Any, naive_zone: tzinfo, separator: str) -> Any:
    """Coerce one value to the canonical type of `spec`."""
    if spec.many:
        return to_texts(value, separator)
    if spec.base is datetime:
        return to_datetime(value, naive_zone)
    if spec.base is date:
        return to_date(value)
    if spec.base is float:
        return to_float(value)
    text = to_text(value)
    if text is not None and spec.choices and text not in spec.choices:
        # Be lenient about case only; any other spelling is a real mismatch for review.
        if text.lower() in spec.choices:
            return text.lower()
        raise CoercionError(f"{_show(text)} is not one of {', '.join(spec.choices)}")
    return text
