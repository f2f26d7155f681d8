"""KYC-NOMINEE-OWNER: a company registered to straw owners.

Read from the company register (`company_features`, one row per company, owner and period) and
the owner's KYC record when the register links one. Per CVR number, four elements:

- churn: the owner changes (a period that begins after the company's first) within any
  `window_months` months, counted; at least `min_owner_changes` of them flag on their own;
- several firms: a current owner who currently owns at least `min_same_trade_cvr_numbers`
  companies of the same trade, in the trades of `same_trade_groups` (massage, nails, beauty,
  cleaning: catalogue list `trade_codes`);
- abroad: a current owner resident outside `home_country` (if `flag_owner_abroad`);
- implausible: a current owner younger than `min_owner_age` or at least `max_owner_age` when
  taking over, or linked to a private customer who declares a yearly income below
  `low_income_below` (a low-paid worker fronting the firm).

Churn flags on its own; the other three flag only two together (`min_elements`). That is our
reading of the catalogued false positives: a franchisee who owns several salons, and an owner
who lives in Sweden or Germany, each show one element and are common and lawful; a family
handover is one change. The evidence is every register row of the flagged company.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redflags.catalogue.lists import load_trade_codes
from redflags.catalogue.params.kyc import NomineeOwnerParams
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register
from redflags.detectors.features import ensure_company_features
from redflags.engines import Engine

DEFINITION = """
WITH starts AS (
    SELECT cvr, min(owner_from_day) AS first_day FROM company_features GROUP BY cvr
),
changes AS (
    SELECT DISTINCT r.cvr, r.owner_from_day AS day
    FROM company_features r JOIN starts s ON s.cvr = r.cvr
    WHERE r.owner_from_day > s.first_day
),
changes_within AS (
    SELECT a.cvr, a.day, count(*) AS changes
    FROM changes a JOIN changes b
      ON b.cvr = a.cvr AND b.day >= a.day AND b.day <= a.day + $window_days
    GROUP BY a.cvr, a.day
),
churn AS (
    SELECT cvr, max(changes) AS changes FROM changes_within GROUP BY cvr
),
holdings AS (
    SELECT owner_key, trade, count(DISTINCT cvr) AS cvrs FROM company_features
    WHERE is_current AND owner_key IS NOT NULL AND list_contains($same_trades, trade)
    GROUP BY owner_key, trade
),
several AS (
    SELECT r.cvr, max(h.cvrs) AS cvrs
    FROM company_features r JOIN holdings h ON h.owner_key = r.owner_key AND h.trade = r.trade
    WHERE r.is_current AND h.cvrs >= $min_same_trade_cvr_numbers
    GROUP BY r.cvr
),
abroad AS (
    SELECT cvr, count(DISTINCT owner_country) AS countries FROM company_features
    WHERE $flag_owner_abroad AND is_current AND owner_country IS NOT NULL
      AND owner_country <> $home_country
    GROUP BY cvr
),
implausible AS (
    SELECT r.cvr, count(*) AS owners
    FROM company_features r LEFT JOIN customers c ON c.customer_id = r.owner_customer_id
    WHERE r.is_current AND (
        r.owner_age < $min_owner_age OR r.owner_age >= $max_owner_age
        OR (c.segment = 'private' AND c.declared_income > 0
            AND c.declared_income < $low_income_below)
    )
    GROUP BY r.cvr
),
firms AS (
    SELECT cvr, min(owner_from) AS first_from, max(coalesce(owner_to, owner_from)) AS last_date,
           count(*) AS owner_periods, list(entry_id) AS evidence
    FROM company_features GROUP BY cvr
),
scored AS (
    SELECT c.*, coalesce(ch.changes, 0) AS owner_changes, coalesce(s.cvrs, 1) AS same_trade_cvrs,
           coalesce(a.countries, 0) AS owner_countries_abroad,
           i.cvr IS NOT NULL AS implausible_owner,
           CASE WHEN s.cvr IS NULL THEN 0 ELSE 1 END + CASE WHEN a.cvr IS NULL THEN 0 ELSE 1 END
             + CASE WHEN i.cvr IS NULL THEN 0 ELSE 1 END AS elements
    FROM firms c
    LEFT JOIN churn ch ON ch.cvr = c.cvr
    LEFT JOIN several s ON s.cvr = c.cvr
    LEFT JOIN abroad a ON a.cvr = c.cvr
    LEFT JOIN implausible i ON i.cvr = c.cvr
)
SELECT cvr AS subject, first_from AS window_start, last_date AS window_end, evidence,
       owner_changes * 10 + elements AS rank, owner_periods, owner_changes, same_trade_cvrs,
       owner_countries_abroad, implausible_owner, elements
FROM scored
WHERE owner_changes >= $min_owner_changes OR elements >= $min_elements
"""


@register
class NomineeOwnerDetector(AggregateDetector):
    kind = "nominee_owner"
    p: NomineeOwnerParams
    record_kinds = ("company", "customer")
    description = (
        "A company whose owners change often, or whose owner lives abroad, fronts several "
        "firms of the trade or does not fit the business."
    )
    definition = DEFINITION
    subject_kind = "company"
    evidence_kind = "company"
    pivot_kind = None  # a CVR number is no linking identifier (its account and owner are)
    facts = (
        "owner_periods",
        "owner_changes",
        "same_trade_cvrs",
        "owner_countries_abroad",
        "implausible_owner",
        "elements",
    )
    summary_en = (
        "Company register: {owner_periods} owner periods, {owner_changes} owner changes within "
        "{p.window_months} months; the owner holds {same_trade_cvrs} companies of the same trade, "
        "{owner_countries_abroad} current owner countries abroad, implausible owner: "
        "{implausible_owner} ({elements} of the three owner elements)."
    )
    summary_da = (
        "Virksomhedsregistret: {owner_periods} ejerperioder, {owner_changes} ejerskift inden for "
        "{p.window_months} måneder; ejeren har {same_trade_cvrs} virksomheder i samme branche, "
        "{owner_countries_abroad} nuværende ejerlande i udlandet, usandsynlig ejer: "
        "{implausible_owner} ({elements} af de tre ejerforhold)."
    )

    def feature_tables(self, engine: Engine) -> dict[str, Any]:
        return ensure_company_features(engine, self.options)

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        trades = load_trade_codes()
        groups = self.p.same_trade_groups
        return {
            **super().sql_params(run_settings),
            "window_days": round(float(self.p.window_months) * 365 / 12),
            "same_trades": sorted({m for g in groups for m in trades.members(g)}),
            "home_country": self.p.home_country.upper(),
            "min_owner_age": float(self.p.min_owner_age),
            "max_owner_age": float(self.p.max_owner_age),
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.3 * int(facts["owner_changes"]) + 0.25 * int(facts["elements"]))
