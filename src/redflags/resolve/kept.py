"""Comparisons of two profiles kept in the store between incremental scans.

`compare(a, b, holders)` reads nothing but the two profiles' fields and, for the contacts they
share, whether at most one or two named profiles hold each. Its answer (linked, and why) is
kept under a digest of exactly that, and of this package's code: a pair whose profiles and
shared contacts' holders are unchanged gets the kept answer, anything else is compared again.
So resolution over the kept answers is the same as comparing every pair, while a daily delta
compares only the pairs it changes. Blocking, holders and clustering still run whole: a new
profile can grow a block past its limit, share a contact or chain two clusters anywhere.

The table is created on first use, outside the record schema's fingerprint; after each
resolution it holds the comparisons that resolution used, so it does not grow with days."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import duckdb
import pyarrow as pa

from redflags.resolve.compare import MAX_CONTACT_HOLDERS, compare
from redflags.resolve.profiles import Profile

TABLE = "resolve_kept_comparisons"
_DDL = f"CREATE TABLE IF NOT EXISTS {TABLE} (pair VARCHAR, linked BOOLEAN, reason VARCHAR)"


@cache
def _code_digest() -> str:
    """The comparing code (thresholds, name similarity, nicknames): an edit compares again."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix != ".pyc":
            digest.update(f"{path.relative_to(package)}\0".encode() + path.read_bytes())
    return digest.hexdigest()


def profile_digest(profile: Profile) -> str:
    """Every field `compare` reads (sets in sorted order)."""
    fields = (
        profile.names, profile.given, profile.name_kind, profile.birth_year,
        profile.birth_date.isoformat() if profile.birth_date else None,
        sorted(profile.year_hints), sorted(profile.cities), sorted(profile.contacts),
        sorted(profile.images), sorted(profile.devices), sorted(profile.correspondents),
    )  # fmt: skip
    return hashlib.sha256(repr(fields).encode()).hexdigest()


class KeptComparisons:
    """`compare(...)`'s (linked, reason), answered from the store where the inputs are kept."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.con: duckdb.DuckDBPyConnection | None = connection
        self._kept: dict[str, tuple[bool, str]] = {}
        self._used: dict[str, tuple[bool, str]] = {}
        self._digests: dict[int, str] = {}
        self.compared = 0  # pairs compared afresh (not kept)
        try:
            connection.execute(_DDL)
            rows = connection.execute(f"SELECT pair, linked, reason FROM {TABLE}").fetchall()
        except duckdb.Error:  # read-only: compare every pair
            self.con = None
            return
        self._kept = {pair: (bool(linked), str(reason)) for pair, linked, reason in rows}

    def compare(self, a: Profile, b: Profile, holders: Mapping[str, int]) -> tuple[bool, str]:
        shared = sorted(a.contacts & b.contacts)
        # compare() asks only whether a shared contact has <= 1 or <= 2 holders
        held = ",".join(str(min(holders.get(c, 0), MAX_CONTACT_HOLDERS + 1)) for c in shared)
        key = hashlib.sha256(
            f"{_code_digest()}|{self._digest(a)}|{self._digest(b)}|{held}".encode()
        ).hexdigest()
        found = self._kept.get(key)
        if found is None:
            result = compare(a, b, holders)
            found = (result.linked, result.reason)
            self.compared += 1
        self._used[key] = found
        return found

    def _digest(self, profile: Profile) -> str:
        digest = self._digests.get(id(profile))
        if digest is None:
            digest = self._digests[id(profile)] = profile_digest(profile)
        return digest

    def save(self) -> None:
        """Keep the comparisons this resolution used (and only those)."""
        if self.con is None:
            return
        pairs = list(self._used)
        batch = pa.table(
            {
                "pair": pa.array(pairs, pa.string()),
                "linked": pa.array([self._used[p][0] for p in pairs], pa.bool_()),
                "reason": pa.array([self._used[p][1] for p in pairs], pa.string()),
            }
        )
        self.con.register("_kept_comparisons", batch)
        try:
            self.con.execute(f"DELETE FROM {TABLE}")
            self.con.execute(f"INSERT INTO {TABLE} SELECT * FROM _kept_comparisons")
        except duckdb.Error:
            pass  # a store that cannot be written: compared again next time
        finally:
            self.con.unregister("_kept_comparisons")
