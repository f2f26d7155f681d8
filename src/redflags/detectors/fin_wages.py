"""FIN-WAGES-POOLED and FIN-RECRUIT-FEES-DEDUCTIONS: wages that the worker does not keep.

A salary credit is a transfer whose memo carries a salary word (`salary_pattern`, a regular
expression over the lower-cased memo, in the catalogue's languages) or that the bank booked as
salary (merchant category group `salary`, for banks whose salary memos name only the employer); the
employer is its payer, whether a customer here or not. Money sent on from the worker counts as going
back to the employer or agent when it goes to the employer itself, or to a private account that
receives such money from at least `min_workers_per_agent` workers of the same employer who are also
at least `min_agent_payer_share` of everyone paying it: one worker moving pay to her own savings is
not an agent, nor is a housing association that hundreds pay rent to; co-workers paying one person
are. Pooled salaries are credits with different memos (the employees' names) on one payday.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Mapping
from typing import Any

from redflags.catalogue.params.fin import RecruitFeeDeductionsParams, WageParams, WagesPooledParams
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register

SALARIES = """
salaries AS (
    SELECT txn_id, payer AS employer, payee AS worker, amount AS wage, epoch_s, ts, local_month,
           lower(trim(memo)) AS memo
    FROM txn_features
    WHERE channel = 'transfer' AND NOT payee_is_business AND amount > 0
      AND (regexp_matches(lower(coalesce(memo, '')), $salary_pattern)
           OR list_contains(groups, 'salary'))
),
sent AS (
    SELECT payer AS worker, payee AS recipient, txn_id, epoch_s, amount, payee_is_business
    FROM txn_features
    WHERE list_contains($outflow_channels, channel) AND NOT payer_is_business
),
after_pay AS (
    -- what each worker sends each recipient within the hours/days after a salary
    SELECT s.txn_id AS salary_id, s.employer, s.worker, s.wage, s.ts, s.local_month,
           o.recipient, o.txn_id, o.amount, o.epoch_s - s.epoch_s AS after_s
    FROM salaries s
    JOIN sent o ON o.worker = s.worker AND o.recipient <> s.worker
        AND o.epoch_s > s.epoch_s AND o.epoch_s <= s.epoch_s + $follow_seconds
    WHERE o.recipient = s.employer OR NOT o.payee_is_business
),
payers_of AS (
    SELECT payee AS recipient, count(DISTINCT payer) AS payers FROM txn_features
    WHERE list_contains($outflow_channels, channel) GROUP BY payee
),
"""

POOLED = (
    "WITH "
    + SALARIES
    + """
pooled AS (
    SELECT a.worker AS account, a.txn_id AS anchor, a.ts AS anchor_ts,
           count(DISTINCT b.memo) AS employees, count(*) AS credits, sum(b.wage) AS wages,
           max(b.ts) AS last_ts, list(b.txn_id) AS evidence
    FROM salaries a
    JOIN salaries b ON b.worker = a.worker
        AND b.epoch_s BETWEEN a.epoch_s AND a.epoch_s + $pooled_seconds
    GROUP BY a.worker, a.txn_id, a.ts
    HAVING count(DISTINCT b.memo) >= $min_employees_per_account
),
returned AS (
    SELECT * FROM after_pay
    WHERE after_s <= $return_seconds AND amount >= $min_returned_share * wage
),
agents AS (
    SELECT r.employer, r.recipient FROM returned r
    JOIN payers_of y ON y.recipient = r.recipient
    GROUP BY r.employer, r.recipient, y.payers
    HAVING count(DISTINCT r.worker) >= $min_workers_per_agent
       AND count(DISTINCT r.worker) >= $min_agent_payer_share * y.payers
),
returns AS (
    SELECT r.* FROM returned r
    LEFT JOIN agents g ON g.employer = r.employer AND g.recipient = r.recipient
    WHERE r.recipient = r.employer OR g.recipient IS NOT NULL
)
SELECT account AS subject, anchor_ts AS window_start, last_ts AS window_end, evidence,
       employees AS rank, 'pooled' AS pattern, employees, wages, 0.0 AS returned_share
FROM pooled
UNION ALL
SELECT worker AS subject, ts AS window_start, ts AS window_end,
       [salary_id, txn_id] AS evidence, 0 AS rank, 'returned' AS pattern, 1 AS employees,
       wage AS wages, amount / wage AS returned_share
FROM returns
"""
)

DEDUCTIONS = (
    "WITH "
    + SALARIES
    + """
per_pay AS (
    SELECT salary_id, employer, worker, wage, ts, local_month, recipient,
           sum(amount) AS paid, list(txn_id) AS evidence
    FROM after_pay
    GROUP BY salary_id, employer, worker, wage, ts, local_month, recipient
    HAVING sum(amount) >= $min_wage_share * wage
),
agents AS (
    SELECT p.employer, p.recipient FROM per_pay p
    JOIN payers_of y ON y.recipient = p.recipient
    GROUP BY p.employer, p.recipient, y.payers
    HAVING count(DISTINCT p.worker) >= $min_workers_per_agent
       AND count(DISTINCT p.worker) >= $min_agent_payer_share * y.payers
),
deducted AS (
    SELECT p.* FROM per_pay p
    LEFT JOIN agents g ON g.employer = p.employer AND g.recipient = p.recipient
    WHERE p.recipient = p.employer OR g.recipient IS NOT NULL
),
recurring AS (
    SELECT worker, recipient, count(DISTINCT salary_id) AS months FROM deducted
    GROUP BY worker, recipient HAVING count(DISTINCT salary_id) >= $min_months
)
SELECT d.worker AS subject, d.ts AS window_start, d.ts AS window_end, d.evidence,
       d.paid / d.wage AS rank, r.months, d.paid / d.wage AS wage_share, d.paid, d.wage
FROM deducted d
JOIN recurring r ON r.worker = d.worker AND r.recipient = d.recipient
"""
)


class _WageDetector(AggregateDetector):
    p: WageParams

    record_kinds = ("transaction", "customer")

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {**super().sql_params(run_settings), "follow_seconds": self.follow_seconds()}

    @abstractmethod
    def follow_seconds(self) -> int:
        """How long after a salary money sent on counts as sent from that salary."""


@register
class WagesPooledDetector(_WageDetector):
    kind = "wages_pooled"
    p: WagesPooledParams
    description = "Several employees' salaries into one account, or a salary sent straight back."
    definition = POOLED
    facts = ("pattern", "employees", "wages", "returned_share")
    summary_en = (
        "Wages not kept ({pattern}): {employees} employees' salary credits, {wages:,.0f} in all; "
        "share sent back within days {returned_share:.0%}."
    )
    summary_da = (
        "Løn, der ikke bliver hos medarbejderen ({pattern}): lønindbetalinger til {employees} "
        "ansatte, {wages:,.0f} i alt; andel sendt tilbage inden for få dage {returned_share:.0%}."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "pooled_seconds": self.seconds("pooled_within_hours"),
            "return_seconds": self.seconds("return_within_hours"),
        }

    def follow_seconds(self) -> int:
        return self.seconds("return_within_hours")  # only what comes back within the return


@register
class RecruitFeesDeductionsDetector(_WageDetector):
    kind = "recruit_fee_deductions"
    p: RecruitFeeDeductionsParams
    description = "Recurring transfers from a worker to the employer or agent of >= 30 % of pay."
    definition = DEDUCTIONS
    facts = ("months", "wage_share", "paid", "wage")
    summary_en = (
        "In {months} pay periods the worker sent the employer or agent a large part of the "
        "wage; at most {wage_share:.0%} ({paid:,.0f} of {wage:,.0f})."
    )
    summary_da = (
        "I {months} lønperioder sendte medarbejderen en stor del af lønnen til arbejdsgiveren "
        "eller formidleren; højst {wage_share:.0%} ({paid:,.0f} af {wage:,.0f})."
    )

    def follow_seconds(self) -> int:
        return self.seconds("follow_days")
