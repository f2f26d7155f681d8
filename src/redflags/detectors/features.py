"""Derived tables that several aggregate indicators read, built once per engine and run.

Sharing matters for speed: a bank's transactions are scanned once into `txn_features` (local
time, month, merchant groups, whether each side is a business) and every financial indicator
reads that narrow table instead of joining the raw ones again.
"""

from __future__ import annotations

from collections.abc import Mapping
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
       hour(t.ts AT TIME ZONE $timezone) AS local_hour,
       CAST(t.ts AT TIME ZONE $timezone AS DATE) AS local_day,
       CAST(date_trunc('month', t.ts AT TIME ZONE $timezone) AS DATE) AS local_month,
       coalesce(payer_h.segment = 'business', false) AS payer_is_business,
       coalesce(payee_h.segment = 'business', false) AS payee_is_business
FROM transactions t
LEFT JOIN merchant_category_groups g ON g.category = lower(t.merchant_category)
LEFT JOIN account_holders payer_h ON payer_h.account_id = t.payer
LEFT JOIN account_holders payee_h ON payee_h.account_id = t.payee
WHERE upper(t.currency) = upper($currency)
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
