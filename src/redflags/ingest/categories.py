"""Merchant categories the financial indicators do not know, counted while a file is read.

A bank's own category names ("travel", "Rejser") pass validation, since merchant_category is free
text, but no indicator reads them: a transaction to an airline filed under "travel" never counts
as travel for others. Ingest counts them per file and says which, how often, and what they might
be (catalogue/lists/merchant_categories.yaml), so the user can add them to the list or map them
with a descriptor's `values:`.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from redflags.catalogue.lists import load_merchant_categories

_CATEGORY_LIKE = re.compile(r"[^\W_][\w &/.-]{0,39}")
MAX_DISTINCT = 1000  # distinct unknown values counted per file (a hostile file may hold millions)
SHOWN = 5


@dataclass(frozen=True)
class UnknownCategory:
    value: str
    rows: int
    suggestion: str | None  # "airline, travel_agency, ..." or None


@cache
def _known() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    lists = load_merchant_categories()
    known = {v.lower() for _, spec in lists.groups.items() for v in (*spec.categories, *spec.mcc)}
    groups = {name.lower(): spec.categories for name, spec in lists.groups.items()}
    return frozenset(known), groups


class CategoryCounter:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, value: str | None) -> None:
        if not value:
            return
        key = value.strip().lower()
        known, _ = _known()
        if key in known:
            return
        if key in self.counts or len(self.counts) < MAX_DISTINCT:
            self.counts[key] += 1

    def unknown(self) -> tuple[UnknownCategory, ...]:
        """The most frequent unknown categories that look like category names (a word or an
        MCC code; anything else may be an identifier and is never shown), each with what it
        may mean."""
        known, groups = _known()
        return tuple(
            UnknownCategory(value, rows, _suggest(value, known, groups))
            for value, rows in self.counts.most_common()
            if _CATEGORY_LIKE.fullmatch(value) and sum(c.isdigit() for c in value) <= 4
        )[:SHOWN]


def _suggest(value: str, known: frozenset[str], groups: dict[str, tuple[str, ...]]) -> str | None:
    if value in groups:  # a group's name used as a category
        return ", ".join(groups[value])
    if value.isdigit():  # an MCC code: a similar-looking code is not a similar trade
        return None
    close = difflib.get_close_matches(value, sorted(known | set(groups)), n=3, cutoff=0.75)
    return ", ".join(close) if close else None
