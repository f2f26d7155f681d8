"""What the record store knows about a case beyond the case itself, in clear: its customers
(KYC), the companies behind its accounts, every one of its transactions, and its ads and
messages. The FollowTheMoney export draws people with names and one payment per transaction
from it; the goAML report and the referral package (filing/) read it too.

Only the case's own records and the KYC and register rows of its accounts are read, with the ids
passed as a bound list: nothing from a record is pasted into SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from redflags.engines import DuckDBEngine
from redflags.model import KIND_TABLES, Case, RecordKind
from redflags.store.sql import quote_identifier

# the ad and message columns an export shows (texts, when and where, who wrote to whom)
RECORD_COLUMNS: dict[RecordKind, tuple[str, ...]] = {
    RecordKind.AD: ("ad_id", "site", "posted_at", "city", "persona", "title", "body", "poster"),
    RecordKind.MESSAGE: (
        "message_id",
        "thread_id",
        "sender",
        "recipient",
        "sent_at",
        "platform",
        "text",
    ),
}


@dataclass(frozen=True)
class CaseDetail:
    """A case's rows from the record store (all values in clear: redact before writing)."""

    customers: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # id -> KYC row
    companies: Sequence[Mapping[str, Any]] = ()  # register rows of its accounts and owners
    transactions: Sequence[Mapping[str, Any]] = ()  # oldest first
    records: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # "ad:ID" -> row

    def holder_of(self, account: str) -> Mapping[str, Any] | None:
        """The customer whose account this is, if the bank knows it."""
        for row in self.customers.values():
            if row.get("account_id") == account:
                return row
        return None

    def company_of(self, account: str) -> Mapping[str, Any] | None:
        """The register entry (the latest owner's) of the company whose account this is."""
        rows = [r for r in self.companies if r.get("account_id") == account]
        return max(rows, key=lambda r: str(r.get("owner_from") or "")) if rows else None


def _ids(case: Case, kind: str) -> list[str]:
    return sorted({r.split(":", 1)[1] for r in case.records if r.startswith(kind + ":")})


def _select(
    engine: DuckDBEngine, kind: RecordKind, where: str, values: Iterable[str], columns: str = "*"
) -> list[dict[str, Any]]:
    wanted = sorted(set(values))
    if not wanted:
        return []
    table = quote_identifier(KIND_TABLES[kind][0])
    return engine.query(
        f"SELECT {columns} FROM {table} WHERE {quote_identifier(where)} "
        "IN (SELECT unnest(?::VARCHAR[]))",
        [wanted],
    )


def read_case_detail(engine: DuckDBEngine, case: Case) -> CaseDetail:
    """The case's customers, companies, transactions, ads and messages from the store."""
    accounts = {p.split(":", 1)[1] for p in case.pivots if p.startswith("account:")}
    transactions = sorted(
        _select(engine, RecordKind.TRANSACTION, "txn_id", _ids(case, "transaction")),
        key=lambda r: (str(r["ts"]), str(r["txn_id"])),
    )
    accounts |= {str(t[side]) for t in transactions for side in ("payer", "payee")}
    customers = {
        str(r["customer_id"]): r
        for r in (
            *_select(engine, RecordKind.CUSTOMER, "customer_id", _ids(case, "customer")),
            *_select(engine, RecordKind.CUSTOMER, "account_id", accounts),
        )
    }
    companies = {
        (r["cvr"], r.get("owner_from"), r.get("owner_name")): r
        for r in (
            *_select(engine, RecordKind.COMPANY, "entry_id", _ids(case, "company")),
            *_select(engine, RecordKind.COMPANY, "account_id", accounts),
        )
    }
    records: dict[str, dict[str, Any]] = {}
    for kind, columns in RECORD_COLUMNS.items():
        id_field = KIND_TABLES[kind][1]
        shown = ", ".join(quote_identifier(c) for c in columns)
        for row in _select(engine, kind, id_field, _ids(case, kind.value), shown):
            records[f"{kind.value}:{row[id_field]}"] = row
    return CaseDetail(customers, list(companies.values()), transactions, records)
