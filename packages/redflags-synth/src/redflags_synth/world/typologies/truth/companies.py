"""The company register: KYC-NOMINEE-OWNER, FIN-BIZ-NO-PAYROLL and FIN-FRONT-MASSAGE, read from
the register rows of the network's companies and the payments of their accounts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from functools import cache
from typing import Any

from redflags_synth.world.typologies.truth.common import (
    CPH,
    DAY,
    account_holders,
    indicator_params,
    is_dkk,
    words,
)
from redflags_synth.world.typologies.truth.registry import NetworkRecords, truth_rule

_NOMINEE = indicator_params("KYC-NOMINEE-OWNER")
NOMINEE_MIN_CHANGES = int(_NOMINEE["min_owner_changes"])  # owner changes ...
NOMINEE_WINDOW_DAYS = round(int(_NOMINEE["window_months"]) * 365 / 12)  # ... within a window
NOMINEE_MIN_CVRS = int(_NOMINEE["min_same_trade_cvr_numbers"])  # one owner, one wellness trade
NOMINEE_MIN_ELEMENTS = int(_NOMINEE["min_elements"])  # several firms, abroad, implausible
NOMINEE_HOME = str(_NOMINEE["home_country"])
NOMINEE_FLAG_ABROAD = bool(_NOMINEE["flag_owner_abroad"])
NOMINEE_TRADE_GROUPS = tuple(str(g) for g in _NOMINEE["same_trade_groups"])
# plausible age when taking over: [from, to)
NOMINEE_OWNER_AGE = (float(_NOMINEE["min_owner_age"]), float(_NOMINEE["max_owner_age"]))
NOMINEE_LOW_INCOME_BELOW = float(_NOMINEE["low_income_below"])  # declared yearly income
_PAYROLL = indicator_params("FIN-BIZ-NO-PAYROLL")
PAYROLL_REVENUE_ABOVE = float(_PAYROLL["annual_revenue_above"])  # DKK a year
PAYROLL_SHARE_BELOW = float(_PAYROLL["payroll_share_below"])
PAYROLL_MIN_DAYS = float(_PAYROLL["min_days"])
PAYROLL_SOLE_TRADER_ABOVE = float(_PAYROLL["sole_trader_revenue_above"])
PAYROLL_MEMOS = words(_PAYROLL["payroll_memos"])
PAYROLL_PAYEES = words(_PAYROLL["payroll_payees"])
PAYROLL_CASH_CHANNELS = frozenset(_PAYROLL["cash_channels"])
PAYROLL_MIN_MONTHLY_CASH = float(_PAYROLL["min_monthly_cash"])
PAYROLL_MIN_CASH_MONTHS = int(_PAYROLL["min_cash_months"])
_FRONT = indicator_params("FIN-FRONT-MASSAGE")
FRONT_MIN_PAYMENTS = int(_FRONT["min_payments"])
FRONT_MIN_EVENING_SHARE = float(_FRONT["min_evening_share"])
FRONT_MIN_OWNER_P2P_SHARE = float(_FRONT["min_owner_p2p_share"])
FRONT_OWNER_CHANNELS = frozenset(_FRONT["owner_channels"])
FRONT_TRADE_GROUPS = tuple(str(g) for g in _FRONT["trade_codes"])
FRONT_EVENING_START = int(_FRONT["evening_start_hour"])
FRONT_EVENING_END = int(_FRONT["evening_end_hour"])


@truth_rule("KYC-NOMINEE-OWNER", "company")
def _nominee_owner(n: NetworkRecords) -> set[str]:
    return nominee_owners(n.companies, n.customers) if n.companies else set()


@truth_rule("FIN-BIZ-NO-PAYROLL", "transaction")
def _no_payroll(n: NetworkRecords) -> set[str]:
    return business_without_payroll(n.transactions, n.companies) if n.companies else set()


@truth_rule("FIN-FRONT-MASSAGE", "transaction")
def _front_massage(n: NetworkRecords) -> set[str]:
    if not n.companies:
        return set()
    return front_massage(n.transactions, n.companies, n.customers)


@cache
def trades(groups: tuple[str, ...]) -> frozenset[str]:
    """Codes and labels of these groups of the `trade_codes` list, in lower case."""
    from redflags.catalogue.lists import load_trade_codes

    codes = load_trade_codes()
    return frozenset(member for group in groups for member in codes.members(group))


def _trade(row: dict[str, Any]) -> str:
    return str(row.get("trade") or "").strip().lower()


def _owner_key(row: dict[str, Any]) -> str | None:
    """An owner as a register names a person: folded name and birth date."""
    from redflags.normalise.identifiers import normalise_name

    name = normalise_name(row.get("owner_name"))
    born = row.get("owner_birth_date")
    return f"{name}|{born.isoformat() if born else ''}" if name else None


def _is_evening(ts: datetime) -> bool:
    hour = ts.astimezone(CPH).hour
    return hour >= FRONT_EVENING_START or hour < FRONT_EVENING_END


def nominee_owners(
    companies: Iterable[dict[str, Any]], customers: Iterable[dict[str, Any]]
) -> set[str]:
    """KYC-NOMINEE-OWNER as implemented: every register row of a CVR number with at least 2
    owner changes (owner periods beginning after its first) within 12 months, or with two of:
    a current owner holding at least 2 current companies of one wellness trade, a current owner
    resident abroad, a current owner under 18 or 80 or older when taking over or linked to a
    private customer declaring less than 250,000 DKK a year."""
    rows = [r for r in companies if r.get("cvr")]
    by_id = {c["customer_id"]: c for c in customers}
    by_cvr: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_cvr[str(row["cvr"]).strip()].append(row)
    holdings: dict[tuple[str, str], set[str]] = defaultdict(set)
    for cvr, group in by_cvr.items():
        for row in group:
            key = _owner_key(row)
            if row.get("owner_to") is None and key and _trade(row) in trades(NOMINEE_TRADE_GROUPS):
                holdings[(key, _trade(row))].add(cvr)
    hits: set[str] = set()
    for group in by_cvr.values():
        starts = [r["owner_from"] for r in group if r.get("owner_from") is not None]
        first = min(starts) if starts else None
        changes = sorted({d for d in starts if first is not None and d > first})
        churn = max(
            (sum(1 for b in changes if a <= b <= a + NOMINEE_WINDOW_DAYS * DAY) for a in changes),
            default=0,
        )
        current = [r for r in group if r.get("owner_to") is None]
        several = any(
            len(holdings.get((_owner_key(r) or "", _trade(r)), ())) >= NOMINEE_MIN_CVRS
            for r in current
        )
        abroad = NOMINEE_FLAG_ABROAD and any(
            str(r.get("owner_country") or "").strip().upper() not in ("", NOMINEE_HOME)
            for r in current
        )
        implausible = False
        for r in current:
            born, since = r.get("owner_birth_date"), r.get("owner_from")
            if born and since:
                age = (since - born).days / 365.25
                implausible |= not NOMINEE_OWNER_AGE[0] <= age < NOMINEE_OWNER_AGE[1]
            kyc = by_id.get(r.get("owner_customer_id"))
            income = float((kyc or {}).get("declared_income") or 0)
            if kyc and kyc.get("segment") == "private" and 0 < income < NOMINEE_LOW_INCOME_BELOW:
                implausible = True
        if churn >= NOMINEE_MIN_CHANGES or several + abroad + implausible >= NOMINEE_MIN_ELEMENTS:
            hits.update(str(r["entry_id"]) for r in group)
    return hits


def business_without_payroll(
    transactions: Iterable[dict[str, Any]], companies: Iterable[dict[str, Any]]
) -> set[str]:
    """FIN-BIZ-NO-PAYROLL as implemented: the revenue and cash withdrawals of a current company's
    account whose revenue, annualised over the days between its first and last transaction (at least
    30), is above 500,000 DKK while payroll-type outflows (a salary, tax, ATP or holiday-pay memo or
    first word of it; payments to Skattestyrelsen or ATP) are below 5 % of it, a sole proprietorship
    (no employees) only from 2,000,000 DKK; or whose register lists employees while it withdraws at
    least 20,000 DKK in cash in at least 3 months and its payroll stays below 5 % of its revenue or
    cash."""
    employees: dict[str, float] = {}
    for row in companies:
        if row.get("account_id") and row.get("owner_to") is None and row.get("cvr"):
            account = row["account_id"]
            employees[account] = max(employees.get(account, 0.0), float(row.get("employees") or 0))
    facts: dict[str, dict[str, Any]] = {
        a: {"revenue": 0.0, "payroll": 0.0, "cash": 0.0, "ts": [], "ids": [], "months": {}}
        for a in employees
    }
    for t in transactions:
        if not is_dkk(t):
            continue
        payee, payer, amount = t.get("payee"), t.get("payer"), float(t["amount"])
        if payee in facts and payer != payee:
            f = facts[payee]
            f["revenue"] += amount
            f["ts"].append(t["ts"])
            if amount > 0:
                f["ids"].append(t["txn_id"])
        if payer in facts and payee != payer:
            f = facts[payer]
            f["ts"].append(t["ts"])
            memo = str(t.get("memo") or "").strip().lower()
            merchant = str(t.get("merchant") or "").strip().lower()
            first_word = memo.split(" ")[0]
            if memo in PAYROLL_MEMOS or first_word in PAYROLL_MEMOS or merchant in PAYROLL_PAYEES:
                f["payroll"] += amount
            if t["channel"] in PAYROLL_CASH_CHANNELS:
                f["cash"] += amount
                month = t["ts"].astimezone(CPH).strftime("%Y-%m")
                f["months"][month] = f["months"].get(month, 0.0) + amount
                if amount > 0:
                    f["ids"].append(t["txn_id"])
    hits: set[str] = set()
    for account, f in facts.items():
        if not f["ts"] or not f["ids"]:
            continue
        span = (int(max(f["ts"]).timestamp()) - int(min(f["ts"]).timestamp())) / 86400
        annual = f["revenue"] * 365 / max(span, PAYROLL_MIN_DAYS)
        staffed = employees[account] > 0
        by_revenue = (
            annual > PAYROLL_REVENUE_ABOVE
            and f["payroll"] < PAYROLL_SHARE_BELOW * f["revenue"]
            and (staffed or annual >= PAYROLL_SOLE_TRADER_ABOVE)
        )
        cash_months = sum(1 for v in f["months"].values() if v >= PAYROLL_MIN_MONTHLY_CASH)
        by_cash = (
            staffed
            and cash_months >= PAYROLL_MIN_CASH_MONTHS
            and f["payroll"] < PAYROLL_SHARE_BELOW * max(f["revenue"], f["cash"])
        )
        if by_revenue or by_cash:
            hits.update(f["ids"])
    return hits


def front_massage(
    transactions: Iterable[dict[str, Any]],
    companies: Iterable[dict[str, Any]],
    customers: Iterable[dict[str, Any]],
) -> set[str]:
    """FIN-FRONT-MASSAGE as implemented: the customer payments of a wellness company that banks
    here (everything into its account, plus P2P into its owner's own private account, another
    account than the company's, while they own it) when there are at least 20, at least 50 % of
    them between 18:00 and 02:00 local time and at least 30 % of their amount paid to the owner
    privately."""
    customers = list(customers)
    account_of = {c["customer_id"]: c.get("account_id") for c in customers}
    holders = account_holders(customers)
    company_accounts: dict[str, set[str]] = defaultdict(set)
    owners: dict[str, list[tuple[str, Any, Any, str]]] = defaultdict(list)
    for row in companies:
        if (
            not row.get("cvr")
            or not row.get("account_id")
            or _trade(row) not in trades(FRONT_TRADE_GROUPS)
        ):
            continue
        cvr, account = str(row["cvr"]).strip(), row["account_id"]
        company_accounts[cvr].add(account)
        own = account_of.get(row.get("owner_customer_id"))
        holder = holders.get(own) if own else None
        if own and own != account and holder and holder.get("segment") == "private":
            owners[cvr].append((own, row.get("owner_from"), row.get("owner_to"), account))
    txns = [t for t in transactions if is_dkk(t)]
    hits: set[str] = set()
    for cvr, accounts in company_accounts.items():
        paid: dict[str, tuple[dict[str, Any], bool]] = {}
        for t in txns:
            if t.get("payee") in accounts and t.get("payer") != t.get("payee"):
                paid[t["txn_id"]] = (t, False)
        for own, since, until, account in owners.get(cvr, ()):
            for t in txns:
                day_local = t["ts"].astimezone(CPH).date()
                if (
                    t.get("payee") == own
                    and t["channel"] in FRONT_OWNER_CHANNELS
                    and t.get("payer") not in (None, own, account)
                    and (since is None or day_local >= since)
                    and (until is None or day_local < until)
                ):
                    paid.setdefault(t["txn_id"], (t, True))
        rows = list(paid.values())
        amount = sum(float(t["amount"]) for t, _ in rows)
        to_owner = sum(float(t["amount"]) for t, private in rows if private)
        evening = sum(1 for t, _ in rows if _is_evening(t["ts"]))
        if (
            len(rows) >= FRONT_MIN_PAYMENTS
            and amount > 0
            and evening / len(rows) >= FRONT_MIN_EVENING_SHARE
            and to_owner >= FRONT_MIN_OWNER_P2P_SHARE * amount
        ):
            hits.update(paid)
    return hits
