"""Derived tables that several aggregate indicators read, built once per engine and run.

Sharing matters for speed: a bank's transactions are scanned once into `txn_features` (local
time, month, merchant groups, whether each side is a business) and every financial indicator
reads that narrow table instead of joining the raw ones again.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pyarrow as pa

from redflags.catalogue.lists import load_merchant_categories
from redflags.engines import Engine

DEFAULT_SETTINGS: dict[str, Any] = {"timezone": "Europe/Copenhagen", "currency": "DKK"}

# Every transaction in the home currency, with the facts most indicators ask for. `epoch_s` is
# whole seconds so that window arithmetic gives the same answer on every engine.
TXN_FEATURES = """
SELECT t.txn_id, t.ts, CAST(floor(epoch(t.ts)) AS BIGINT) AS epoch_s,
       t.payer, t.payee, t.amount, t.channel, t.merchant,
       lower(t.merchant_category) AS category, t.memo, t.city, t.country,
       coalesce(g.groups, []::VARCHAR[]) AS groups,
       hour(t.local_ts) AS local_hour,
       CAST(t.local_ts AS DATE) AS local_day,
       CAST(date_trunc('month', t.local_ts) AS DATE) AS local_month,
       payer_b.account_id IS NOT NULL AS payer_is_business,
       payee_b.account_id IS NOT NULL AS payee_is_business
FROM (
    SELECT *, ts AT TIME ZONE $timezone AS local_ts FROM transactions
    WHERE upper(currency) = upper($currency)
) t
LEFT JOIN merchant_category_groups g ON g.category = lower(t.merchant_category)
-- a narrow table of business accounts: joining the wide holders table twice costs more
LEFT JOIN (SELECT account_id FROM account_holders WHERE segment = 'business') payer_b
    ON payer_b.account_id = t.payer
LEFT JOIN (SELECT account_id FROM account_holders WHERE segment = 'business') payee_b
    ON payee_b.account_id = t.payee
"""

# One row per account: its holder (the first KYC record by customer id when an account has
# several, so every engine picks the same one).
ACCOUNT_HOLDERS = """
SELECT account_id, customer_id, first_name, last_name, birth_date, nationality, phone, email,
       address, onboarded_at, device_id, occupation, declared_income, segment
FROM (
    SELECT c.*, row_number() OVER (PARTITION BY account_id ORDER BY customer_id) AS rank
    FROM customers c WHERE account_id IS NOT NULL
) WHERE rank = 1
"""

GROUPS = """
SELECT category, list(grp ORDER BY grp) AS groups FROM merchant_category_pairs GROUP BY category
"""


def settings(options: Mapping[str, Any]) -> dict[str, Any]:
    """The run's currency and time zone (a bank's own), else Danish defaults. They are run-wide
    on purpose: every indicator of a run reads one `txn_features` table built with them."""
    return {key: options.get(key) or default for key, default in DEFAULT_SETTINGS.items()}


def ensure_features(engine: Engine, options: Mapping[str, Any]) -> dict[str, Any]:
    """Build the shared tables once per engine; return the settings they were built with."""
    run_settings = settings(options)
    if engine.has("txn_features"):
        return run_settings
    pairs = load_merchant_categories().pairs()
    engine.register(
        "merchant_category_pairs",
        pa.table({"category": [c for c, _ in pairs], "grp": [g for _, g in pairs]}),
    )
    engine.materialise("merchant_category_groups", GROUPS)
    engine.materialise("account_holders", ACCOUNT_HOLDERS)
    engine.materialise("txn_features", TXN_FEATURES, run_settings)
    return run_settings


# -- KYC and device features (issue #5) -----------------------------------------------------------
# One row per device event, with whole epoch seconds and the local day for same-day joins.
DEVICE_EVENT_FEATURES = """
SELECT event_id, account, device_id, ip, ts, CAST(floor(epoch(ts)) AS BIGINT) AS epoch_s,
       CAST(ts AT TIME ZONE $timezone AS DATE) AS local_day, event, upper(country) AS country
FROM device_events
"""

# One row per customer and identifier kind (phone, email, address), normalised in Python the way
# every other detector normalises them (`extract.identifiers_of`), so SQL only compares strings.
CUSTOMER_KEYS_COLUMNS = ("customer_id", "kind", "value")
# One row per customer: the facts the KYC indicators ask for, with the surname folded.
CUSTOMER_FEATURES_COLUMNS = (
    "customer_id", "account_id", "surname", "address", "phone", "email", "device_id",
    "onboarded_at", "onboard_s", "occupation", "declared_income", "segment",
)  # fmt: skip


def ensure_kyc_features(engine: Engine, options: Mapping[str, Any]) -> dict[str, Any]:
    """Build `device_event_features`, `customer_features` and `customer_keys` once per engine
    (plus the financial tables); return the run settings."""
    run_settings = ensure_features(engine, options)
    if engine.has("customer_features"):
        return run_settings
    from redflags.detectors.base import run_region
    from redflags.extract import identifiers_of  # kept local: this module stays light
    from redflags.model import RecordKind
    from redflags.normalise.identifiers import normalise_name

    region = run_region(options)
    rows: dict[str, list[Any]] = {c: [] for c in CUSTOMER_FEATURES_COLUMNS}
    keys: dict[str, list[Any]] = {c: [] for c in CUSTOMER_KEYS_COLUMNS}
    for record in engine.records(RecordKind.CUSTOMER):
        cid = str(record["customer_id"])
        found: dict[str, str | None] = {"phone": None, "email": None, "address": None}
        for ident in identifiers_of("customer", record, region):
            if ident.kind in found:
                found[ident.kind] = found[ident.kind] or ident.value
                keys["customer_id"].append(cid)
                keys["kind"].append(ident.kind)
                keys["value"].append(ident.value)
        onboarded = record.get("onboarded_at")
        values = {
            "customer_id": cid,
            "account_id": record.get("account_id"),
            "surname": normalise_name(record.get("last_name")),
            **found,
            "device_id": record.get("device_id"),
            "onboarded_at": onboarded,
            "onboard_s": int(onboarded.timestamp()) if onboarded is not None else None,
            "occupation": (record.get("occupation") or "").strip().lower() or None,
            "declared_income": record.get("declared_income"),
            "segment": record.get("segment"),
        }
        for column, value in values.items():
            rows[column].append(value)
    schema = pa.schema(
        [
            ("customer_id", pa.string()), ("account_id", pa.string()), ("surname", pa.string()),
            ("address", pa.string()), ("phone", pa.string()), ("email", pa.string()),
            ("device_id", pa.string()), ("onboarded_at", pa.timestamp("us", tz="UTC")),
            ("onboard_s", pa.int64()), ("occupation", pa.string()),
            ("declared_income", pa.float64()), ("segment", pa.string()),
        ]
    )  # fmt: skip
    engine.register("customer_features", pa.table(rows, schema=schema))
    engine.register(
        "customer_keys",
        pa.table(keys, schema=pa.schema([(c, pa.string()) for c in CUSTOMER_KEYS_COLUMNS])),
    )
    engine.materialise("device_event_features", DEVICE_EVENT_FEATURES, run_settings)
    return run_settings


# -- the company register -------------------------------------------------------------------------
# One row per register entry (a company and one owner over one period), with what the register
# indicators compare: the trade and country in one case, the owner as one key (name and birth
# date, as a register names a person), and dates as day numbers too, so that every engine does
# the same integer arithmetic on them.
COMPANY_FEATURES_SCHEMA = pa.schema(
    [
        ("entry_id", pa.string()), ("cvr", pa.string()), ("trade", pa.string()),
        ("account_id", pa.string()), ("employees", pa.float64()), ("owner_key", pa.string()),
        ("owner_country", pa.string()), ("owner_customer_id", pa.string()),
        ("owner_from", pa.date32()), ("owner_to", pa.date32()),
        ("owner_from_day", pa.int64()), ("owner_to_day", pa.int64()),
        ("owner_age", pa.float64()), ("is_current", pa.bool_()),
    ]
)  # fmt: skip
_EPOCH_DAY = date(1970, 1, 1)


def _day_number(value: date | None) -> int | None:
    return (value - _EPOCH_DAY).days if value is not None else None


def ensure_company_features(engine: Engine, options: Mapping[str, Any]) -> dict[str, Any]:
    """Build `company_features` once per engine (plus the financial tables); return the run
    settings."""
    run_settings = ensure_features(engine, options)
    if engine.has("company_features"):
        return run_settings
    from redflags.model import RecordKind  # kept local, as above
    from redflags.normalise.identifiers import normalise_name

    rows: dict[str, list[Any]] = {name: [] for name in COMPANY_FEATURES_SCHEMA.names}
    for record in engine.records(RecordKind.COMPANY):
        if not record.get("cvr"):
            continue
        born, since, until = (
            record.get("owner_birth_date"),
            record.get("owner_from"),
            record.get("owner_to"),
        )
        name = normalise_name(record.get("owner_name")) or ""
        values = {
            "entry_id": str(record["entry_id"]),
            "cvr": str(record["cvr"]).strip(),
            "trade": (record.get("trade") or "").strip().lower() or None,
            "account_id": record.get("account_id") or None,
            "employees": record.get("employees"),
            "owner_key": f"{name}|{born.isoformat() if born else ''}" if name else None,
            "owner_country": (record.get("owner_country") or "").strip().upper() or None,
            "owner_customer_id": record.get("owner_customer_id") or None,
            "owner_from": since,
            "owner_to": until,
            "owner_from_day": _day_number(since),
            "owner_to_day": _day_number(until),
            "owner_age": (since - born).days / 365.25 if born and since else None,
            "is_current": until is None,
        }
        for column, value in values.items():
            rows[column].append(value)
    engine.register("company_features", pa.table(rows, schema=COMPANY_FEATURES_SCHEMA))
    return run_settings
