"""A registered business's money, read against the company register.

FIN-BIZ-NO-PAYROLL: per account of a company currently in the register, over the data's window for
that account: its revenue (everything paid into it from another account), its payroll-type outflows
(payments whose memo, or its first word, is a salary, withholding-tax, ATP or holiday-pay word in
`payroll_memos` - 'Løn', 'løn marts' - or to a payee named in `payroll_payees`) and its cash
withdrawals (`cash_channels`). Revenue is annualised over the days between the account's first and
last transaction (at least `min_days`). The account qualifies when the annual revenue is above
`annual_revenue_above` and payroll is below `payroll_share_below` of revenue, or when the register
says it employs staff and it withdraws at least `min_monthly_cash` in cash in at least
`min_cash_months` months while its payroll stays below that share of its revenue or cash. A sole
proprietorship (no employees in the register) is left aside unless its annual revenue reaches
`sole_trader_revenue_above`: the owner draws the profit privately, the catalogue's false positive,
but one person alone does not take in millions. The evidence is the revenue and the cash withdrawn.

FIN-FRONT-MASSAGE: per company with a trade in `trade_codes` (massage, nails, beauty, cleaning)
that banks here: its customer payments are everything paid into its account, plus the P2P
payments into its owner's own private account (the owner as a customer, a private-segment
account other than the company's) while they own it. It qualifies with at least `min_payments`
of them, at least `min_evening_share` of them between `evening_start_hour` and
`evening_end_hour` local time, and at least `min_owner_p2p_share` of their amount paid P2P to the
owner privately rather than to the company. A sole proprietor who banks the business on her own
account is not diverting anything from it, so her account's P2P counts as the company's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redflags.catalogue.lists import load_trade_codes
from redflags.catalogue.params.fin import BusinessNoPayrollParams, FrontMassageParams
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register
from redflags.detectors.features import ensure_company_features
from redflags.engines import Engine

NO_PAYROLL = """
WITH accounts AS (
    SELECT account_id, min(cvr) AS cvr, max(coalesce(employees, 0)) AS employees
    FROM company_features WHERE is_current AND account_id IS NOT NULL
    GROUP BY account_id
),
moves AS (
    SELECT a.account_id AS account, t.txn_id, t.ts, t.epoch_s, t.local_month,
           t.amount AS revenue, CAST(0 AS DOUBLE) AS payroll, CAST(0 AS DOUBLE) AS cash
    FROM txn_features t JOIN accounts a ON a.account_id = t.payee
    WHERE t.payer IS NULL OR t.payer <> t.payee
    UNION ALL
    SELECT a.account_id AS account, t.txn_id, t.ts, t.epoch_s, t.local_month,
           CAST(0 AS DOUBLE) AS revenue,
           CASE WHEN list_contains($payroll_memos, lower(trim(coalesce(t.memo, ''))))
                  OR list_contains($payroll_memos,
                                   split_part(lower(trim(coalesce(t.memo, ''))), ' ', 1))
                  OR list_contains($payroll_payees, lower(trim(coalesce(t.merchant, ''))))
                THEN t.amount ELSE CAST(0 AS DOUBLE) END AS payroll,
           CASE WHEN list_contains($cash_channels, t.channel)
                THEN t.amount ELSE CAST(0 AS DOUBLE) END AS cash
    FROM txn_features t JOIN accounts a ON a.account_id = t.payer
    WHERE t.payee IS NULL OR t.payee <> t.payer
),
totals AS (
    SELECT account, sum(revenue) AS revenue, sum(payroll) AS payroll, sum(cash) AS cash,
           min(ts) AS first_ts, max(ts) AS last_ts,
           greatest((max(epoch_s) - min(epoch_s)) / 86400.0, $min_days) AS days
    FROM moves GROUP BY account
),
cash_months AS (
    SELECT account, count(*) AS months
    FROM (
        SELECT account, local_month, sum(cash) AS cash FROM moves GROUP BY account, local_month
    ) m
    WHERE cash >= $min_monthly_cash
    GROUP BY account
),
evidence AS (
    SELECT account, list(txn_id) AS evidence FROM moves WHERE revenue > 0 OR cash > 0
    GROUP BY account
),
scored AS (
    SELECT t.*, a.cvr, a.employees, t.revenue * 365.0 / t.days AS annual_revenue,
           coalesce(c.months, 0) AS cash_months, e.evidence
    FROM totals t
    JOIN accounts a ON a.account_id = t.account
    JOIN evidence e ON e.account = t.account
    LEFT JOIN cash_months c ON c.account = t.account
)
SELECT account AS subject, first_ts AS window_start, last_ts AS window_end, evidence,
       annual_revenue AS rank, cvr, employees, revenue, annual_revenue, payroll,
       CASE WHEN revenue > 0 THEN payroll / revenue ELSE CAST(0 AS DOUBLE) END AS payroll_share,
       cash, cash_months
FROM scored
WHERE (annual_revenue > $annual_revenue_above AND payroll < $payroll_share_below * revenue
       AND (employees > 0 OR annual_revenue >= $sole_trader_revenue_above))
   OR (employees > 0 AND cash_months >= $min_cash_months
       AND payroll < $payroll_share_below * greatest(revenue, cash))
"""

FRONT = """
WITH owners AS (
    SELECT r.cvr, r.account_id, r.owner_from, r.owner_to, c.account_id AS owner_account
    FROM company_features r
    LEFT JOIN customers c ON c.customer_id = r.owner_customer_id
    WHERE r.account_id IS NOT NULL AND list_contains($trades, r.trade)
),
private_owners AS (
    SELECT o.* FROM owners o JOIN account_holders h ON h.account_id = o.owner_account
    WHERE h.segment = 'private' AND o.owner_account <> o.account_id
),
payments AS (
    SELECT DISTINCT o.cvr, t.txn_id, t.ts, t.amount, t.local_hour, 0 AS to_owner
    FROM txn_features t JOIN (SELECT DISTINCT cvr, account_id FROM owners) o
      ON o.account_id = t.payee
    WHERE t.payer IS NULL OR t.payer <> t.payee
    UNION ALL
    SELECT DISTINCT o.cvr, t.txn_id, t.ts, t.amount, t.local_hour, 1 AS to_owner
    FROM txn_features t JOIN private_owners o ON o.owner_account = t.payee
    WHERE list_contains($owner_channels, t.channel)
      AND t.payer IS NOT NULL AND t.payer <> t.payee AND t.payer <> o.account_id
      AND t.local_day >= o.owner_from AND (o.owner_to IS NULL OR t.local_day < o.owner_to)
),
firms AS (
    SELECT cvr, count(*) AS payments, sum(amount) AS amount,
           sum(CASE WHEN local_hour >= $evening_start_hour OR local_hour < $evening_end_hour
                    THEN 1 ELSE 0 END) AS evening,
           sum(CASE WHEN to_owner = 1 THEN amount ELSE CAST(0 AS DOUBLE) END) AS to_owner,
           min(ts) AS first_ts, max(ts) AS last_ts, list(txn_id) AS evidence
    FROM payments GROUP BY cvr
)
SELECT cvr AS subject, first_ts AS window_start, last_ts AS window_end, evidence,
       payments AS rank, payments, amount, CAST(evening AS DOUBLE) / payments AS evening_share,
       to_owner AS owner_p2p, to_owner / amount AS owner_p2p_share
FROM firms
WHERE payments >= $min_payments AND amount > 0
  AND CAST(evening AS DOUBLE) / payments >= $min_evening_share
  AND to_owner >= $min_owner_p2p_share * amount
"""


class _RegisterDetector(AggregateDetector):
    """Reads the company register's feature table besides the financial ones."""

    def feature_tables(self, engine: Engine) -> dict[str, Any]:
        return ensure_company_features(engine, self.options)


def _lower(values: Any) -> list[str]:
    return sorted({str(v).strip().lower() for v in values or ()})


@register
class BusinessNoPayrollDetector(_RegisterDetector):
    kind = "business_no_payroll"
    p: BusinessNoPayrollParams
    record_kinds = ("transaction", "company")
    description = "A registered business with revenue but no payroll, or cash instead of wages."
    definition = NO_PAYROLL
    facts = (
        "cvr",
        "employees",
        "revenue",
        "annual_revenue",
        "payroll",
        "payroll_share",
        "cash",
        "cash_months",
    )
    summary_en = (
        "Company {cvr} ({employees:.0f} employees in the register) took in {revenue:,.0f} "
        "(about {annual_revenue:,.0f} a year) and paid {payroll:,.0f} in payroll "
        "({payroll_share:.1%}); cash withdrawn {cash:,.0f} ({cash_months} months with large "
        "withdrawals)."
    )
    summary_da = (
        "Virksomhed {cvr} ({employees:.0f} ansatte i registret) fik {revenue:,.0f} ind "
        "(omkring {annual_revenue:,.0f} om året) og betalte {payroll:,.0f} i løn "
        "({payroll_share:.1%}); kontanthævninger {cash:,.0f} ({cash_months} måneder med store "
        "hævninger)."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "payroll_memos": _lower(self.p.payroll_memos),
            "payroll_payees": _lower(self.p.payroll_payees),
            "cash_channels": _lower(self.p.cash_channels),
            "min_days": float(self.p.min_days),
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.4 + float(facts["annual_revenue"]) / 5e6)


@register
class FrontMassageDetector(_RegisterDetector):
    kind = "front_massage"
    p: FrontMassageParams
    record_kinds = ("transaction", "company", "customer")
    description = (
        "A wellness business paid mostly in the evening and largely by P2P to its owner's "
        "private account."
    )
    definition = FRONT
    subject_kind = "company"
    pivot_kind = None
    facts = ("payments", "amount", "evening_share", "owner_p2p", "owner_p2p_share")
    summary_en = (
        "Wellness company: {payments} customer payments ({amount:,.0f}), {evening_share:.0%} of "
        "them between {p.evening_start_hour:02d}:00 and {p.evening_end_hour:02d}:00, and "
        "{owner_p2p_share:.0%} of the money ({owner_p2p:,.0f}) paid by P2P to the owner's "
        "private account instead of the company."
    )
    summary_da = (
        "Wellnessvirksomhed: {payments} kundebetalinger ({amount:,.0f}), {evening_share:.0%} af "
        "dem mellem kl. {p.evening_start_hour:02d} og {p.evening_end_hour:02d}, og "
        "{owner_p2p_share:.0%} af pengene ({owner_p2p:,.0f}) betalt via P2P til ejerens private "
        "konto i stedet for virksomheden."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        trades = load_trade_codes()
        return {
            **super().sql_params(run_settings),
            "trades": sorted({m for g in self.p.trade_codes for m in trades.members(g)}),
            "owner_channels": _lower(self.p.owner_channels),
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, float(facts["evening_share"]) * 0.5 + float(facts["owner_p2p_share"]))
