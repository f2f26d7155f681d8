"""The register of truth rules: `@truth_rule(ID, kind)` on the function that finds an indicator.

A rule reads one finished network's records (`NetworkRecords`) and returns the ids of the records
of `kind` that carry its indicator. The ledger runs every registered rule when a network closes;
a rule that reads the flags of the others (`reads_flags=True`, the modifier
KYC-VULNERABILITY-CONTEXT) runs after all that do not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # ads.py registers rules itself, so it cannot be imported from here at run time
    from redflags_synth.world.typologies.truth.ads import AdFacts

Records = list[dict[str, Any]]


@dataclass(frozen=True)
class NetworkRecords:
    """What a truth rule reads: one network's records by kind, and every entry with its flags."""

    customers: Records
    transactions: Records
    kyc_events: Records
    companies: Records
    ads: list[tuple[dict[str, Any], AdFacts]]
    entries: list[tuple[str, dict[str, Any], set[str]]]  # live: flags grow as rules apply

    @property
    def business(self) -> set[str]:
        return {c["account_id"] for c in self.customers if c["segment"] == "business"}


Find = Callable[[NetworkRecords], set[str]]


@dataclass(frozen=True)
class TruthRule:
    indicator: str
    kind: str  # the record kind it flags
    find: Find  # ids of the records of `kind` that carry it
    reads_flags: bool = False  # reads the flags the other rules set: runs after them


TRUTH_RULES: dict[str, TruthRule] = {}


def truth_rule(indicator: str, kind: str, *, reads_flags: bool = False) -> Callable[[Find], Find]:
    def register(find: Find) -> Find:
        if indicator in TRUTH_RULES:
            raise ValueError(f"{indicator}: a truth rule is registered already")
        TRUTH_RULES[indicator] = TruthRule(indicator, kind, find, reads_flags)
        return find

    return register


def rules_in_order() -> list[TruthRule]:
    """Every registered rule, those that read the others' flags last (a stable sort)."""
    return sorted(TRUTH_RULES.values(), key=lambda rule: rule.reads_flags)
