"""KYC-PROFILE-MISMATCH: a private account's month far above what its holder declared.

Per account whose holder's segment is a declared private purpose (`declared_purposes`) and per
local calendar month: the inflow (payments of the `inflow_channels` into the account from another
account, in the home currency) and its distinct payers. The month qualifies when the inflow is
more than `inflow_to_income_ratio_above` times the declared monthly income (`declared_income` is
yearly, so monthly = yearly / 12; a missing or zero income leaves only the payers part), or when
more than `distinct_payers_above` distinct payers paid in.

Public benefits, pensions and student grants (a memo in `benefit_memos`) are income the customer
declared or should have, not activity far from the profile: they are left out of the inflow and
its payers. The evidence is the counted inflow of the flagged month.

A weak flag on its own: a landlord collecting rent, a club treasurer collecting fees or an
independent worker's busy month also match the rule (its catalogued false positives).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redflags.catalogue.params.kyc import ProfileMismatchParams
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register

DEFINITION = """
WITH holders AS (
    SELECT account_id, declared_income FROM account_holders
    WHERE list_contains($declared_purposes, segment)
),
inflow AS (
    SELECT t.payee AS account, t.payer, t.txn_id, t.ts, t.amount, t.local_month
    FROM txn_features t
    JOIN holders h ON h.account_id = t.payee
    WHERE list_contains($inflow_channels, t.channel)
      AND t.payer IS NOT NULL AND t.payer <> t.payee
      AND NOT list_contains($benefit_memos, lower(trim(coalesce(t.memo, ''))))
),
months AS (
    SELECT account, local_month, sum(amount) AS inflow, count(DISTINCT payer) AS payers,
           min(ts) AS first_ts, max(ts) AS last_ts, list(txn_id) AS evidence
    FROM inflow GROUP BY account, local_month
),
flagged AS (
    SELECT m.*, CASE WHEN h.declared_income > 0 THEN h.declared_income / 12 END AS monthly,
           CASE WHEN h.declared_income > 0 THEN m.inflow * 12 / h.declared_income END AS ratio
    FROM months m
    JOIN holders h ON h.account_id = m.account
)
SELECT account AS subject, first_ts AS window_start, last_ts AS window_end, evidence,
       coalesce(ratio / $ratio_above, 0) + payers / $payers_above AS rank,
       local_month AS month, inflow, monthly AS declared_monthly_income, ratio,
       payers AS distinct_payers
FROM flagged
WHERE ratio > $ratio_above OR payers > $payers_above
"""


@register
class ProfileMismatchDetector(AggregateDetector):
    kind = "profile_mismatch"
    p: ProfileMismatchParams
    record_kinds = ("transaction", "customer")
    description = "A private account's monthly inflow or payers far above the declared profile."
    definition = DEFINITION
    facts = ("month", "inflow", "declared_monthly_income", "ratio", "distinct_payers")
    summary_en = (
        "In {month}, the private account received {inflow:,.0f} from "
        "{distinct_payers:# payer|# payers}, public benefits left out"
    )
    summary_da = (
        "I {month} modtog privatkontoen {inflow:,.0f} fra "
        "{distinct_payers:# betaler|# betalere}, offentlige ydelser fraregnet"
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "ratio_above": self.p.inflow_to_income_ratio_above,
            "payers_above": self.p.distinct_payers_above,
            "benefit_memos": [m.strip().lower() for m in self.p.benefit_memos],
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        by_income = (facts["ratio"] or 0) > self.p.inflow_to_income_ratio_above
        by_payers = int(facts["distinct_payers"]) > self.p.distinct_payers_above
        return 1.0 if by_income and by_payers else 0.6

    def describe(self, facts: Mapping[str, Any], days: int | None) -> tuple[str, str]:
        summary_en, summary_da = super().describe(facts, days)
        if facts["ratio"] is None:  # no income declared: only the payers part can hold
            en, da = "no income declared", "ingen oplyst indkomst"
        else:
            ratio, monthly = float(facts["ratio"]), float(facts["declared_monthly_income"])
            en = f"{ratio:.1f} x the declared monthly income of {monthly:,.0f}"
            da = f"{ratio:.1f} x den oplyste månedsindkomst på {monthly:,.0f}"
        return f"{summary_en}; {en}.", f"{summary_da}; {da}."
