"""Card spending that financial indicators of issue #5 read: the Case 1 controller's, and the
independent worker's own (its hard negative).

The controller pays the ads (site bumps, crypto for foreign sites), keeps the prepaid numbers
topped up, pays the night taxis that take the women to outcalls, buys their food, lingerie and
cosmetics, and spends the takings on gambling and luxury. Each caller passes its own random
stream (`ctx.rng(key, ...)`), so every other draw of the typology stays as it was.

Truth: the records drawn here carry their indicator; where the detector's evidence is every
record of a month (taxis, top-ups, food and clothes), the account's other records of that kind
in the same months carry it too (their everyday purchases are part of the month's picture).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from redflags_synth.world.context import WorldContext
from redflags_synth.world.typologies import kit
from redflags_synth.world.typologies.truth.common import month

AD_SITES = ["sexannoncer.example", "escortlisten.example", "massageguide.example"]
NIGHT = (21.5, 28.5)  # 21:30 to 04:30, mostly inside the rule's 22-06
SUSTENANCE = {  # category -> (merchants, amount range)
    "grocery": (["Netto", "Føtex", "Lidl", "Rema 1000"], (450, 1400)),
    "takeaway": (["Wolt", "Just Eat", "Sunset Boulevard"], (300, 900)),
    "lingerie": (["Hunkemöller", "Change Lingerie"], (300, 1200)),
    "cosmetics": (["Matas", "Normal", "Sephora"], (250, 900)),
    "clothing": (["H&M", "Zara", "Only"], (400, 1500)),
}
SUSTENANCE_GROUPS = {"grocery", "groceries", "convenience", "supermarket", "takeaway",
                     "fast_food", "food_delivery", "lingerie", "underwear", "cosmetics",
                     "beauty_products", "clothing", "fashion", "pharmacy", "drugstore"}  # fmt: skip


def _month(record: dict[str, Any]) -> str:
    return month(record["ts"])


def _card(
    ctx: WorldContext,
    ledger: kit.Ledger,
    rng: random.Random,
    account: str,
    day: int,
    hours: tuple[float, float],
    merchant: str,
    category: str,
    amount: float,
    city: str | None,
    indicators: Sequence[str] = (),
    memo: str | None = None,
) -> dict[str, Any]:
    return kit.pay(
        ctx,
        ledger,
        ts=kit.clock(ctx, rng, day, hours),
        payer=account,
        payee=kit.merchant_account(ctx, merchant),
        amount=amount,
        channel="card",
        merchant=merchant,
        category=category,
        city=city,
        memo_text=memo,
        indicators=indicators,
    )


def controller_spending(
    ctx: WorldContext,
    ledger: kit.Ledger,
    rng: random.Random,
    account: str,
    city: str,
    days: tuple[int, int],
    numbers: Sequence[str],
    address: str = "",
) -> None:
    """What the controller's account pays while the women work (days = arrival to raid)."""
    fee = rng.choice([99, 149, 199])  # one bump price on the ad site
    site = rng.choice(AD_SITES)
    crypto = rng.choice([300, 400, 500, 750])
    numbers = list(dict.fromkeys(numbers))
    by_indicator: dict[str, list[dict[str, Any]]] = {}

    def add(indicator: str, record: dict[str, Any]) -> None:
        by_indicator.setdefault(indicator, []).append(record)

    for day in range(*days):
        if rng.random() < 0.25:  # a bump every four days or so
            add(
                "FIN-AD-SITE-PAYMENTS",
                _card(
                    ctx,
                    ledger,
                    rng,
                    account,
                    day,
                    kit.WAKING,
                    site,
                    "adult_ads",
                    fee,
                    None,
                    ["FIN-AD-SITE-PAYMENTS"],
                ),
            )
        if rng.random() < 0.8:  # the women driven to outcalls at night
            add(
                "FIN-RIDESHARE-VOLUME",
                _card(
                    ctx,
                    ledger,
                    rng,
                    account,
                    day,
                    NIGHT,
                    rng.choice(["Dantaxi", "Taxa 4x35", "Uber"]),
                    "taxi",
                    round(rng.uniform(120, 420), 2),
                    city,
                    ["FIN-RIDESHARE-VOLUME"],
                ),
            )
        if rng.random() < 0.35 and numbers:  # the prepaid numbers on the ads
            add(
                "FIN-PREPAID-TOPUPS",
                _card(
                    ctx,
                    ledger,
                    rng,
                    account,
                    day,
                    kit.WAKING,
                    "Lebara Top-up",
                    "phone_topup",
                    rng.choice([100, 150, 200]),
                    None,
                    ["FIN-PREPAID-TOPUPS"],
                    rng.choice(numbers),
                ),
            )
        if rng.random() < 0.22:  # crypto for the foreign ad sites
            amount = round(crypto * rng.uniform(0.97, 1.03), 2)
            add(
                "FIN-CRYPTO-OPAQUE",
                _card(
                    ctx,
                    ledger,
                    rng,
                    account,
                    day,
                    kit.WAKING,
                    "Coinify",
                    "crypto_exchange",
                    amount,
                    None,
                    ["FIN-CRYPTO-OPAQUE"],
                ),
            )
        if rng.random() < 0.5:  # food for the flat, and what the women wear
            category = rng.choice(
                ["grocery", "grocery", "takeaway", "takeaway", "lingerie", "cosmetics", "clothing"]
            )
            names, (low, high) = SUSTENANCE[category]
            add(
                "FIN-SUSTENANCE-MULTI",
                _card(
                    ctx,
                    ledger,
                    rng,
                    account,
                    day,
                    kit.WAKING,
                    rng.choice(names),
                    category,
                    round(rng.uniform(low, high), 2),
                    city,
                    ["FIN-SUSTENANCE-MULTI"],
                ),
            )
        if rng.random() < 0.5:  # the takings gambled
            add(
                "FIN-LUXURY-GAMBLING",
                _card(
                    ctx,
                    ledger,
                    rng,
                    account,
                    day,
                    kit.EVENING_NIGHT,
                    rng.choice(["Danske Spil", "Bet365", "Casino Online"]),
                    rng.choice(["betting", "casino"]),
                    rng.choice([1000, 1500, 2000, 3000, 4000]),
                    None,
                    ["FIN-LUXURY-GAMBLING"],
                ),
            )
        if rng.random() < 1 / 20:  # a watch, a bag, jewellery
            add(
                "FIN-LUXURY-GAMBLING",
                _card(
                    ctx,
                    ledger,
                    rng,
                    account,
                    day,
                    kit.AFTERNOON,
                    rng.choice(["Louis Vuitton", "Rolex Boutique", "Georg Jensen"]),
                    rng.choice(["luxury", "watches", "jewellery"]),
                    round(rng.uniform(8000, 30000), -2),
                    city,
                    ["FIN-LUXURY-GAMBLING"],
                ),
            )
    cash_deposits(ctx, ledger, rng, account, city, days, address)
    # Month-level evidence: the account's other taxi, top-up and sustenance purchases of the
    # same months belong to the finding too.
    months = {m: {_month(r) for r in by_indicator.get(m, ())} for m in by_indicator}
    kinds = {
        "FIN-RIDESHARE-VOLUME": {"taxi", "rideshare", "ride_hailing"},
        "FIN-PREPAID-TOPUPS": {"phone_topup", "prepaid_card", "topup"},
        "FIN-SUSTENANCE-MULTI": SUSTENANCE_GROUPS,
        # everyday card use draws from the background's shops, casinos and jewellers included
        "FIN-LUXURY-GAMBLING": {"casino", "betting", "luxury", "watches", "jewellery"},
    }
    for record in ledger.records("transaction"):
        if record["payer"] != account or record["channel"] != "card":
            continue
        category = str(record["merchant_category"] or "").lower()
        for indicator, categories in kinds.items():
            if category in categories and _month(record) in months.get(indicator, ()):
                ledger.flag(record, indicator)


def _deposit(
    ctx: WorldContext,
    ledger: kit.Ledger,
    rng: random.Random,
    account: str,
    day: int,
    hours: tuple[float, float],
    amount: float,
    city: str,
    indicators: Sequence[str] = (),
) -> dict[str, Any]:
    """Cash paid in at a deposit machine: the machine pays the account."""
    return kit.pay(
        ctx,
        ledger,
        ts=kit.clock(ctx, rng, day, hours),
        payer=kit.merchant_account(ctx, f"Pengeautomat {city}"),
        payee=account,
        amount=amount,
        channel="atm",
        merchant=f"Pengeautomat {city}",
        city=city,
        indicators=indicators,
    )


def cash_deposits(
    ctx: WorldContext,
    ledger: kit.Ledger,
    rng: random.Random,
    account: str,
    city: str,
    days: tuple[int, int],
    address: str = "",
) -> None:
    """The clinic's cash takings, paid in at night every few days; twice in the period a run of
    three deposits just under 15,000 kr within a few days (FIN-THRESHOLD-AVOID)."""
    for day in range(*days):
        if rng.random() < 0.25:
            amount = round(rng.uniform(2000, 9000), -2)
            _deposit(ctx, ledger, rng, account, day, NIGHT, amount, city, ["FIN-AFTER-HOURS"])
    runs = range(days[0], max(days[0] + 2, days[1] - 5))
    for first in sorted(rng.sample(runs, 2)):
        for offset in sorted(rng.sample(range(5), 3)):
            amount = round(rng.uniform(13600, 14950), -1)
            flags = ["FIN-AFTER-HOURS", "FIN-THRESHOLD-AVOID"]
            _deposit(ctx, ledger, rng, account, first + offset, NIGHT, amount, city, flags)
    runs_paid: list[dict[str, Any]] = []
    # On outcalls in other towns the women pay cash in to his account where they are, a few
    # hundred to a few thousand kroner each time (FIN-MULTI-ATM-DEPOSITS).
    for first in sorted(rng.sample(runs, 2)):
        towns: list[str] = []
        while len(towns) < 3:
            town = ctx.city(rng).name
            if town != city and town not in towns and town.lower() not in address.lower():
                towns.append(town)
        for offset, town in zip(sorted(rng.sample(range(6), 3)), towns, strict=True):
            amount = round(rng.uniform(900, 3600), -2)
            flags = ["FIN-MULTI-ATM-DEPOSITS"]
            runs_paid.append(
                _deposit(
                    ctx, ledger, rng, account, first + offset, kit.DAYTIME, amount, town, flags
                )
            )
    # his own night deposits away from his home town fall into the same 7-day windows
    week = timedelta(days=7)
    for record in ledger.records("transaction"):
        if record["payee"] != account or record["channel"] != "atm":
            continue
        if str(record["city"]).lower() in address.lower():
            continue
        if any(abs(record["ts"] - r["ts"]) < week for r in runs_paid):
            ledger.flag(record, "FIN-MULTI-ATM-DEPOSITS")


def own_costs(
    ctx: WorldContext,
    ledger: kit.Ledger,
    rng: random.Random,
    account: str,
    city: str,
    days: tuple[int, int],
    own_phone: str,
) -> None:
    """An independent worker's own business costs, below every rule's line: her own ad now and
    then at varying prices, a taxi home some nights, her own number topped up, a little crypto
    a small bet now and then, and her cash paid in every few weeks, some of it late."""
    next_ad = days[0] + rng.randint(0, 10)
    next_cash = days[0] + rng.randint(0, 10)
    for day in range(*days):
        if day == next_ad:  # her own ad, renewed every two to three weeks
            _card(
                ctx,
                ledger,
                rng,
                account,
                day,
                kit.WAKING,
                rng.choice(AD_SITES),
                "adult_ads",
                rng.choice([99, 149, 199, 249, 299]),
                None,
            )
            next_ad = day + rng.randint(14, 21)
        if rng.random() < 0.2:
            _card(
                ctx,
                ledger,
                rng,
                account,
                day,
                NIGHT,
                rng.choice(["Dantaxi", "Uber"]),
                "taxi",
                round(rng.uniform(120, 350), 2),
                city,
            )
        if rng.random() < 1 / 15:
            _card(
                ctx,
                ledger,
                rng,
                account,
                day,
                kit.WAKING,
                "Lebara Top-up",
                "phone_topup",
                rng.choice([100, 150, 200]),
                None,
                memo=own_phone,
            )
        if rng.random() < 1 / 20:
            _card(
                ctx,
                ledger,
                rng,
                account,
                day,
                kit.WAKING,
                "Coinify",
                "crypto_exchange",
                rng.choice([150, 400, 900, 1500]),
                None,
            )
        if rng.random() < 1 / 15:
            _card(
                ctx,
                ledger,
                rng,
                account,
                day,
                kit.EVENING_NIGHT,
                "Danske Spil",
                "betting",
                rng.choice([50, 100, 200]),
                None,
            )
        if day == next_cash:  # her takings paid in, some nights
            amount = round(rng.uniform(3000, 14900), -2)
            _deposit(ctx, ledger, rng, account, day, (19.0, 25.0), amount, city)
            next_cash = day + rng.randint(16, 24)
