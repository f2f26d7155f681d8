"""The identifiers of every record, kept in DuckDB instead of Python memory.

A scan of millions of records has tens of millions of (record, pivot) pairs, but only the
components that hold findings become groups. `IdentifierIndex` streams the pairs into a table
on the store's connection, counts each pivot's distinct other identities there (the hub test),
and hands the linker only the records reachable from the findings through pivots that are not
cut: exactly the components the in-memory path would keep, without holding the rest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import duckdb
import pyarrow as pa

from redflags.model import Finding, Identifier

TABLE = "link_identifiers"
BATCH = 250_000
_SCHEMA = pa.schema([("rec", pa.string()), ("pv", pa.string())])  # PIVOT is an SQL word


class IdentifierIndex:
    """(rec, pv) pairs, a record ('kind:id') and one of its pivots, in a temporary DuckDB table."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.con = connection

    @classmethod
    def build(
        cls,
        connection: duckdb.DuckDBPyConnection,
        identifiers: Iterable[Identifier],
        pairs: str | None = None,
        stored: str | None = None,
    ) -> IdentifierIndex:
        """The index of `identifiers`, of the (rec, pv) pairs of the table `pairs` (an
        incremental scan's kept pivots), and of every row of the table `stored` (the extract
        stage's `record_identifiers`: record_kind, record_id, pivot) read in SQL."""
        index = cls(connection)
        con = index.con
        con.execute(f"CREATE OR REPLACE TEMP TABLE {TABLE}_raw (rec VARCHAR, pv VARCHAR)")
        if stored is not None:
            con.execute(
                f"INSERT INTO {TABLE}_raw SELECT record_kind || ':' || record_id, \"pivot\" "
                f"FROM {stored}"
            )
        records: list[str] = []
        pivots: list[str] = []
        for ident in identifiers:
            records.append(f"{ident.record_kind}:{ident.record_id}")
            pivots.append(ident.pivot)
            if len(records) >= BATCH:
                index._append(records, pivots)
                records, pivots = [], []
        index._append(records, pivots)
        kept = f" UNION SELECT rec, pv FROM {pairs}" if pairs else ""
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE {TABLE} AS "
            f"SELECT DISTINCT rec, pv FROM {TABLE}_raw{kept}"
        )
        con.execute(f"DROP TABLE {TABLE}_raw")
        return index

    def _append(self, records: list[str], pivots: list[str]) -> None:
        if not records:
            return
        batch = pa.table([pa.array(records), pa.array(pivots)], schema=_SCHEMA)
        self.con.register("link_batch", batch)
        self.con.execute(f"INSERT INTO {TABLE}_raw SELECT rec, pv FROM link_batch")
        self.con.unregister("link_batch")

    def pivot_count(self) -> int:
        return int(self.con.execute(f"SELECT count(DISTINCT pv) FROM {TABLE}").fetchone()[0])  # type: ignore[index]

    def degrees_over(self, limit: int) -> dict[str, int]:
        """Pivots that tie more than `limit` distinct other identities, with that number
        capped at `limit + 1` (as the in-memory count, which stops there). A customer record
        counts as one identity (its customer pivot); any other record's pivots are identities
        of their own."""
        rows = self.con.execute(
            f"""
            SELECT a.pv, least(count(DISTINCT b.pv), $cap) AS n
            FROM {TABLE} a JOIN {TABLE} b ON a.rec = b.rec AND a.pv <> b.pv
            WHERE NOT starts_with(a.rec, 'customer:') OR starts_with(b.pv, 'customer:')
            GROUP BY a.pv HAVING count(DISTINCT b.pv) > $limit
            """,
            {"cap": limit + 1, "limit": limit},
        ).fetchall()
        return {str(p): int(n) for p, n in rows}

    def reachable(self, findings: Sequence[Finding], blocked: set[str]) -> dict[str, set[str]]:
        """The pivots of every record connected to a finding through unblocked pivots: the
        findings' evidence records and pivots, then records sharing a pivot, until nothing new
        is reached."""
        con = self.con
        seed_records = sorted({f"{e.kind}:{e.record_id}" for f in findings for e in f.evidence})
        seed_pivots = sorted({p for f in findings for p in f.pivots if p not in blocked})
        con.execute("CREATE OR REPLACE TEMP TABLE link_blocked (pv VARCHAR)")
        if blocked:
            con.execute("INSERT INTO link_blocked SELECT unnest($1::VARCHAR[])", [sorted(blocked)])
        con.execute("CREATE OR REPLACE TEMP TABLE link_reached (rec VARCHAR)")
        con.execute("CREATE OR REPLACE TEMP TABLE link_seen (pv VARCHAR)")
        con.execute("CREATE OR REPLACE TEMP TABLE link_frontier (pv VARCHAR)")
        con.execute(
            "INSERT INTO link_frontier SELECT DISTINCT pv FROM ("
            f" SELECT pv FROM {TABLE} WHERE rec IN (SELECT unnest($1::VARCHAR[]))"
            " UNION ALL SELECT unnest($2::VARCHAR[]) AS pv)"
            " WHERE pv NOT IN (SELECT pv FROM link_blocked)",
            [seed_records, seed_pivots],
        )
        con.execute("INSERT INTO link_reached SELECT unnest($1::VARCHAR[])", [seed_records])
        while True:
            con.execute("INSERT INTO link_seen SELECT pv FROM link_frontier")
            # records carrying a frontier pivot that are new ...
            con.execute(
                "CREATE OR REPLACE TEMP TABLE link_new AS "
                f"SELECT DISTINCT rec FROM {TABLE} "
                "WHERE pv IN (SELECT pv FROM link_frontier) "
                "AND rec NOT IN (SELECT rec FROM link_reached)"
            )
            new = con.execute("SELECT count(*) FROM link_new").fetchone()
            if not new or not new[0]:
                break
            con.execute("INSERT INTO link_reached SELECT rec FROM link_new")
            # ... and their unblocked pivots not seen yet are the next frontier
            con.execute(
                "CREATE OR REPLACE TEMP TABLE link_frontier AS "
                f"SELECT DISTINCT pv FROM {TABLE} "
                "WHERE rec IN (SELECT rec FROM link_new) "
                "AND pv NOT IN (SELECT pv FROM link_seen) "
                "AND pv NOT IN (SELECT pv FROM link_blocked)"
            )
        result: dict[str, set[str]] = defaultdict(set)
        rows = con.execute(
            f"SELECT rec, pv FROM {TABLE} WHERE rec IN (SELECT rec FROM link_reached)"
        ).fetchall()
        for record, pivot in rows:
            result[str(record)].add(str(pivot))
        for table in ("link_blocked", "link_reached", "link_seen", "link_frontier", "link_new"):
            con.execute(f"DROP TABLE IF EXISTS {table}")
        return result

    def close(self) -> None:
        self.con.execute(f"DROP TABLE IF EXISTS {TABLE}")
