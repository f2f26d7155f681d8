"""What the truth rules share: the catalogue's thresholds, the local clock and small helpers."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

CPH = ZoneInfo("Europe/Copenhagen")
DAY = timedelta(days=1)


@cache
def indicator_params(indicator: str) -> dict[str, Any]:
    """An indicator's published thresholds: truth reads them from the catalogue, never a copy."""
    from redflags.catalogue import load_catalogue

    return dict(load_catalogue().get(indicator).detector.params)


def words(values: Iterable[str]) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)


def norm(value: str) -> str:
    """An address as it is compared: commas dropped, spaces collapsed, lower case."""
    return " ".join(value.replace(",", " ").lower().split())


def month(ts: datetime) -> str:
    """The Copenhagen calendar month of a moment, as `YYYY-MM`."""
    return ts.astimezone(CPH).strftime("%Y-%m")


def windows_with(
    items: Sequence[tuple[datetime, Hashable]], width: timedelta, at_least: int
) -> set[int]:
    """Indices of items inside some window [start, start + width] (starting at an item) that holds
    at least `at_least` distinct values."""
    ordered = sorted(range(len(items)), key=lambda i: items[i][0])
    hit: set[int] = set()
    for a in ordered:
        start = items[a][0]
        inside = [i for i in ordered if start <= items[i][0] <= start + width]
        if len({items[i][1] for i in inside}) >= at_least:
            hit.update(inside)
    return hit


def account_holders(customers: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """An account's holder is its first customer by id (as the detectors' account_holders)."""
    holders: dict[str, dict[str, Any]] = {}
    for c in sorted(customers, key=lambda c: str(c["customer_id"])):
        if c.get("account_id"):
            holders.setdefault(c["account_id"], c)
    return holders


def is_dkk(t: dict[str, Any]) -> bool:
    return str(t.get("currency") or "DKK").upper() == "DKK"
