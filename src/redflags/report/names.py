"""What redaction must know beyond the findings to hide people wherever they are written: the
names behind a run's records (advertised personas, customers, the actors of KYC events and the
customers those events are about, company owners, the people and observers of field notes) and
the bank's customer ids.

Only the records a run can write about are read (those of its findings' evidence and of its
cases), with the ids passed as a bound list: nothing from a record is pasted into SQL.
"""

from __future__ import annotations

from collections.abc import Iterable

from redflags.engines import DuckDBEngine
from redflags.model import Case, Finding

# record kind -> (table, id column, SQL expressions that give a name)
_NAME_COLUMNS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "ad": ("ads", "ad_id", ("persona",)),
    "customer": ("customers", "customer_id", ("concat_ws(' ', first_name, last_name)",)),
    "kyc_event": ("kyc_events", "event_id", ("actor",)),
    "company": ("companies", "entry_id", ("owner_name",)),
    "observation": ("observations", "observation_id", ("person", "observer")),
}


def records_written(findings: Iterable[Finding], cases: Iterable[Case]) -> set[str]:
    """'kind:id' of every record a run's outputs may name: evidence records and case members."""
    records = {f"{e.kind}:{e.record_id}" for f in findings for e in f.evidence}
    for case in cases:
        records.update(case.records)
        records.update(f"{e.kind}:{e.record_id}" for f in case.findings for e in f.evidence)
    return records


def record_names(engine: DuckDBEngine, records: Iterable[str]) -> set[str]:
    """Every person's name the given records carry (see the module text)."""
    ids: dict[str, set[str]] = {}
    for record in records:
        kind, _, record_id = record.partition(":")
        if kind in _NAME_COLUMNS and record_id:
            ids.setdefault(kind, set()).add(record_id)
    names: set[str] = set()
    customers = set(ids.get("customer", ()))
    for kind, wanted in sorted(ids.items()):
        table, id_column, expressions = _NAME_COLUMNS[kind]
        extra = ", customer_id" if kind in ("kyc_event", "observation") else ""
        extra += ", owner_customer_id" if kind == "company" else ""
        rows = engine.query(
            f"SELECT {', '.join(f'{e} AS n{i}' for i, e in enumerate(expressions))}{extra} "
            f"FROM {table} WHERE {id_column} IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(wanted)],
        )
        for row in rows:
            names.update(str(row[f"n{i}"]) for i in range(len(expressions)) if row[f"n{i}"])
            for column in ("customer_id", "owner_customer_id"):
                if row.get(column):
                    customers.add(str(row[column]))
    if customers - ids.get("customer", set()):
        table, id_column, expressions = _NAME_COLUMNS["customer"]
        rows = engine.query(
            f"SELECT {expressions[0]} AS n0 FROM {table} "
            f"WHERE {id_column} IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(customers - ids.get("customer", set()))],
        )
        names.update(str(r["n0"]) for r in rows if r["n0"])
    return {n for n in (" ".join(n.split()) for n in names) if n}


def customer_ids(engine: DuckDBEngine) -> set[str]:
    """Every customer id the store knows (customers, KYC events, company owners)."""
    rows = engine.query(
        "SELECT customer_id AS id FROM customers UNION SELECT customer_id FROM kyc_events "
        "UNION SELECT owner_customer_id FROM companies WHERE owner_customer_id IS NOT NULL"
    )
    return {str(r["id"]) for r in rows if r["id"]}
