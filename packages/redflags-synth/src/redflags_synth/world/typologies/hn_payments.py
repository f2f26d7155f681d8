"""Hard negatives for the payment indicators: many payers into one account, or one payer for many
people, for ordinary reasons (a club, a flea market, rent, a travel agency, a hotel)."""

from __future__ import annotations

import random
from typing import Any, ClassVar

from redflags_synth.world import text
from redflags_synth.world.context import Role, WorldContext
from redflags_synth.world.typologies import fields, kit
from redflags_synth.world.typologies.truth.financial_spending import short_stays, tickets_for_others

CLUBS = [
    "{town} IF",
    "{town} Håndboldklub",
    "{town} Badmintonklub",
    "FC {town}",
    "{town} Svømmeklub",
]
# Where the agency's clients travel, in turn: holidays in South-East Asia, family visits.
DESTINATIONS = ["KH", "MM", "LA", "PH", "TH", "VN", "RO", "BG", "UA", "NG", "PL", "LT", "TR"]
AGENCIES = ["{town} Rejser", "Balkan Travel {town}", "Asia Tours ApS", "Euro Bus & Fly"]
HOTELS = [f"{chain} {{town}}" for chain in fields.chains("hotel")]  # the background's hotels


def _people(
    ctx: WorldContext,
    ledger: kit.Ledger,
    rng: random.Random,
    n: int,
    role: Role = "benign",
    **kw: Any,
) -> list[kit.Holder]:
    return [
        kit.holder(
            ctx,
            ledger,
            rng,
            nationality=kit.resident_nationality(rng),
            sex=None,
            age=(18, 80),
            at_bank=rng.random() < 0.4,
            role=role,
            **kw,
        )
        for _ in range(n)
    ]


def _owner_account(
    ctx: WorldContext, ledger: kit.Ledger, rng: random.Random, trade: str | None = None
) -> dict[str, Any]:
    """The account holder of a look-alike: a private person, or a business of `trade`."""
    business = trade is not None
    owner = ctx.person(rng, kit.resident_nationality(rng), None, (25, 70))
    record = kit.customer(
        ctx,
        ledger,
        rng,
        owner,
        onboarded_at=kit.clock(ctx, rng, -rng.randrange(300, 5000), kit.OFFICE),
        phone_number=kit.phone(ctx),
        address=ctx.address(rng, ctx.city(rng)),
        job=trade if business else None,
        segment="business" if business else "private",
    )
    ledger.member("customer", record["customer_id"], "benign")
    ledger.member("account", record["account_id"], "benign")
    return record


def _ad(
    ctx: WorldContext,
    ledger: kit.Ledger,
    rng: random.Random,
    group: str,
    phone: str,
    site: str,
    **slots: Any,
) -> None:
    language = rng.choice(text.languages("everyday", group))
    written = text.write(
        rng, "everyday", group, language, phone=text.show_phone(rng, phone), **slots
    )
    kit.ad(
        ctx,
        ledger,
        posted_at=kit.clock(ctx, rng, rng.randrange(ctx.days), kit.WAKING),
        site=site,
        written=written,
        contact=f"phone:{phone}",
        city=str(slots["city"]),
        phone_number=phone if rng.random() < 0.7 else None,
        price=float(slots["price"]) if "price" in slots else None,
    )


class SportsClub:
    """A treasurer's private account: many small recurring membership fees, paid in the day."""

    name: ClassVar[str] = "hn_sports_club"
    positive: ClassVar[bool] = False
    hard_negative: ClassVar[bool] = True

    def generate(self, ctx: WorldContext, instance: int) -> None:
        rng = ctx.rng(self.name, instance)
        town = ctx.city(rng).name
        club = rng.choice(CLUBS).format(town=town)
        nid = ctx.network(
            self.name,
            positive=False,
            hard_negative=True,
            description=f"{club}: membership fees to the treasurer.",
        )
        ledger = kit.Ledger(ctx, nid)
        treasurer = _owner_account(ctx, ledger, rng)
        members = _people(ctx, ledger, rng, rng.randint(30, 110))
        quarterly = rng.random() < 0.4
        fees = (
            [rng.choice([350, 450, 600, 750])]
            if quarterly
            else [rng.choice([100, 125, 150, 200, 250])]
        )
        fees.append(fees[0] // 2)  # juniors
        period = 90 if quarterly else 30
        for member in members:
            fee = rng.choice(fees)
            for due in range(rng.randint(0, 10), ctx.days, period):
                if rng.random() < 0.9:
                    hours = kit.DAYTIME if rng.random() < 0.7 else (17.0, 21.0)
                    kit.pay(
                        ctx,
                        ledger,
                        ts=kit.clock(ctx, rng, due + rng.randint(0, 6), hours),
                        payer=member.account,
                        payee=treasurer["account_id"],
                        amount=fee,
                        channel="p2p",
                        memo_text=kit.memo(rng, "club", month=kit.month_da(ctx.at(due))),
                    )
        for member in rng.sample(members, min(len(members), 15)):  # a tournament
            kit.pay(
                ctx,
                ledger,
                ts=kit.clock(ctx, rng, 60 + rng.randint(0, 5), kit.DAYTIME),
                payer=member.account,
                payee=treasurer["account_id"],
                amount=rng.choice([75, 100, 150]),
                channel="p2p",
                memo_text="turnering",
            )
        _ad(
            ctx,
            ledger,
            rng,
            "club_ad",
            str(treasurer["phone"]),
            "facebook",
            club=club,
            city=town,
            price=fees[0],
        )
        thread = kit.Thread(ctx, ledger, "sms")
        for member in rng.sample(members, min(len(members), rng.randint(3, 8))):
            ts = kit.clock(ctx, rng, rng.randrange(ctx.days), kit.DAYTIME)
            body = text.write(rng, "everyday", "club_chat", "da", month=kit.month_da(ts))
            thread.say(str(treasurer["phone"]), str(member.phone), ts, body)
        kit.everyday_spending(ctx, ledger, rng, treasurer["account_id"], town, (0, ctx.days), 4)
        kit.logins(
            ctx, ledger, rng, treasurer["account_id"], treasurer["device_id"], (0, ctx.days), 3
        )
        ledger.close()


class FleaMarketLandlord:
    """Two private sellers of the ordinary kind: a flea-market seller with many one-off daytime
    buyers paying odd amounts, and a landlord paid rent-like sums every month."""

    name: ClassVar[str] = "hn_flea_market_landlord"
    positive: ClassVar[bool] = False
    hard_negative: ClassVar[bool] = True

    def generate(self, ctx: WorldContext, instance: int) -> None:
        rng = ctx.rng(self.name, instance)
        self._flea(ctx, rng)
        self._landlord(ctx, rng)

    def _flea(self, ctx: WorldContext, rng: random.Random) -> None:
        town = ctx.city(rng).name
        nid = ctx.network(
            self.name,
            positive=False,
            hard_negative=True,
            description=f"Flea-market seller in {town}.",
        )
        ledger = kit.Ledger(ctx, nid)
        seller = _owner_account(ctx, ledger, rng)
        phone = str(seller["phone"])
        saturdays = range(min(5, ctx.days - 1), max(ctx.days - 2, 6), 7)
        weekends = sorted(rng.sample(saturdays, min(len(saturdays), rng.randint(2, 5))))
        buyers = _people(ctx, ledger, rng, rng.randint(20, 60))
        for buyer in buyers:
            day = rng.choice(weekends) + rng.randint(0, 1)
            kit.pay(
                ctx,
                ledger,
                ts=kit.clock(ctx, rng, day, (9.0, 16.0)),
                payer=buyer.account,
                payee=seller["account_id"],
                channel="p2p",
                memo_text=kit.memo(rng, "flea"),
                amount=rng.choice(
                    [20, 35, 40, 60, 75, 80, 120, 150, 175, 220, 250, 300, 375, 450, 600]
                ),
            )
        for _ in range(rng.randint(2, 6)):
            price = rng.choice([150, 250, 300, 450, 600, 850, 1200])
            _ad(
                ctx,
                ledger,
                rng,
                "flea_ad",
                phone,
                rng.choice(kit.sites("classifieds")),
                city=town,
                price=price,
            )
        thread = kit.Thread(ctx, ledger, "sms")
        for buyer in rng.sample(buyers, min(len(buyers), 6)):
            ts = kit.clock(ctx, rng, rng.choice(weekends), kit.DAYTIME)
            thread.say(
                str(buyer.phone),
                phone,
                ts,
                text.write(rng, "everyday", "flea_chat", "da", price=200),
            )
        kit.logins(ctx, ledger, rng, seller["account_id"], seller["device_id"], (0, ctx.days), 3)
        ledger.close()

    def _landlord(self, ctx: WorldContext, rng: random.Random) -> None:
        town = ctx.city(rng)
        nid = ctx.network(
            self.name, positive=False, hard_negative=True, description=f"Landlord in {town.name}."
        )
        ledger = kit.Ledger(ctx, nid)
        landlord = _owner_account(ctx, ledger, rng)
        phone = str(landlord["phone"])
        tenants = _people(ctx, ledger, rng, rng.randint(4, 10))
        for tenant in tenants:
            rent = rng.choice(
                [round(rng.uniform(3500, 8500), 2), float(rng.randrange(70, 170) * 50)]
            )
            for day in range(rng.randint(0, 3), ctx.days, 30):
                kit.pay(
                    ctx,
                    ledger,
                    ts=kit.clock(ctx, rng, day, kit.WAKING),
                    payer=tenant.account,
                    payee=landlord["account_id"],
                    amount=rent,
                    channel=rng.choice(["transfer", "p2p"]),
                    memo_text=kit.memo(rng, "rent", month=kit.month_da(ctx.at(day))),
                )
        size, rent = rng.randint(45, 110), rng.randrange(70, 170) * 50
        _ad(
            ctx,
            ledger,
            rng,
            "rental_ad",
            phone,
            rng.choice(kit.sites("classifieds")),
            city=town.name,
            rent=rent,
            size=size,
            month=rng.choice(["august", "september"]),
        )
        thread = kit.Thread(ctx, ledger, "sms")
        for tenant in rng.sample(tenants, min(len(tenants), 4)):
            ts = kit.clock(ctx, rng, rng.randrange(ctx.days), kit.WAKING)
            thread.say(
                str(tenant.phone),
                phone,
                ts,
                text.write(rng, "everyday", "rent_chat", "da", month=kit.month_da(ts)),
            )
        kit.everyday_spending(ctx, ledger, rng, landlord["account_id"], town.name, (0, ctx.days), 4)
        kit.logins(
            ctx, ledger, rng, landlord["account_id"], landlord["device_id"], (0, ctx.days), 2
        )
        ledger.close()


class TravelAgency:
    """A registered agency buying tickets for many travellers, paid by its clients."""

    name: ClassVar[str] = "hn_travel_agency"
    positive: ClassVar[bool] = False
    hard_negative: ClassVar[bool] = True

    def generate(self, ctx: WorldContext, instance: int) -> None:
        rng = ctx.rng(self.name, instance)
        town = ctx.city(rng).name
        agency = rng.choice(AGENCIES).format(town=town)
        nid = ctx.network(
            self.name,
            positive=False,
            hard_negative=True,
            description=f"{agency}: tickets for clients.",
        )
        ledger = kit.Ledger(ctx, nid)
        office = _owner_account(ctx, ledger, rng, "rejsebureau")
        phone = str(office["phone"])
        desk = kit.Party(phone=phone, email=fields.business_email(ctx, rng, "info", agency))
        clients = _people(ctx, ledger, rng, rng.randint(25, 60))
        trips = 0
        tickets = []
        for client in clients:
            day = rng.randrange(ctx.days - 5)
            party = [client.person] + [
                ctx.person(rng, client.person.nationality) for _ in range(rng.randint(0, 3))
            ]
            fare = round(rng.uniform(900, 5200), 2)
            kit.pay(
                ctx,
                ledger,
                ts=kit.clock(ctx, rng, day, kit.OFFICE),
                payer=client.account,
                payee=office["account_id"],
                amount=round(fare * len(party) * 1.08, 2),
                channel=rng.choice(["card", "transfer"]),
                merchant=agency,
                category="travel_agency",
                city=town,
            )
            for traveller in party:
                carrier = rng.choice(["SAS", "Ryanair", "Wizz Air", "FlixBus", "Norwegian"])
                tickets.append(
                    kit.pay(
                        ctx,
                        ledger,
                        ts=kit.clock(ctx, rng, day + rng.randint(0, 2), kit.OFFICE),
                        payer=office["account_id"],
                        payee=kit.merchant_account(ctx, carrier),
                        amount=fare,
                        channel="card",
                        merchant=carrier,
                        category="airline",
                        city=town,
                        memo_text=f"{traveller.first_name} {traveller.last_name}".upper(),
                    )
                )
            if client.record:  # on the trip, the bank's app is used from abroad
                country = DESTINATIONS[trips % len(DESTINATIONS)]
                trips += 1
                for night in range(rng.randint(1, 4)):
                    kit.device_event(
                        ctx,
                        ledger,
                        account=client.account,
                        device=client.device,
                        ts=kit.clock(ctx, rng, day + 7 + 2 * night, kit.WAKING),
                        ip_address=kit.ip(rng, country),
                        country=country,
                        event=fields.app_event(rng),
                    )
            if rng.random() < 0.3:
                thread = kit.Thread(ctx, ledger, rng.choice(["email", "whatsapp"]))
                language = "da" if client.person.nationality == "DK" else "en"
                slots = {
                    "flight": f"{rng.choice(['SK', 'FR', 'W6', 'DY'])}{rng.randint(100, 9999)}",
                    "date": f"{rng.randint(1, 28)}.{rng.randint(6, 9)}",
                }
                ts = kit.clock(ctx, rng, day - 1, kit.OFFICE)
                thread.say(
                    client.party,
                    desk,
                    ts,
                    text.write(rng, "everyday", "travel_chat", language, choice=0),
                )
                reply = text.write(rng, "everyday", "travel_chat", language, choice=1, **slots)
                thread.say(desk, client.party, kit.later(rng, ts, 1, 20), reply)
        # the agency is a registered business: tickets for its clients are its trade
        several = tickets_for_others(tickets, {office["account_id"]})
        for ticket in tickets:
            if ticket["txn_id"] in several:
                ledger.flag(ticket, "FIN-TRAVEL-FOR-OTHERS")
        for _ in range(rng.randint(2, 5)):
            _ad(
                ctx,
                ledger,
                rng,
                "travel_ad",
                phone,
                rng.choice(kit.sites("social")),
                agency=agency,
                city=town,
            )
        kit.logins(ctx, ledger, rng, office["account_id"], office["device_id"], (0, ctx.days), 5)
        ledger.close()


class Hotel:
    """A hotel: many guests paying by card, and guests' bank-app logins over the hotel Wi-Fi."""

    name: ClassVar[str] = "hn_hotel"
    positive: ClassVar[bool] = False
    hard_negative: ClassVar[bool] = True

    def generate(self, ctx: WorldContext, instance: int) -> None:
        rng = ctx.rng(self.name, instance)
        town = ctx.city(rng).name
        hotel = rng.choice(HOTELS).format(town=town)
        nid = ctx.network(
            self.name,
            positive=False,
            hard_negative=True,
            description=f"{hotel}: guests and shared Wi-Fi.",
        )
        ledger = kit.Ledger(ctx, nid)
        owner = _owner_account(ctx, ledger, rng, "hotel")
        wifi = kit.ip(rng)  # one public address for every guest on the hotel network
        hotel_account = kit.merchant_account(ctx, hotel)
        guests = [
            kit.holder(
                ctx,
                ledger,
                rng,
                nationality=rng.choice(["DK", "DK", "DE", "SE", "GB", "PL", "TH", "UA"]),
                sex=None,
                age=(20, 80),
                at_bank=rng.random() < 0.6,
                role="benign",
            )
            for _ in range(rng.randint(20, 70))
        ]
        stays = []
        for guest in guests:
            day, nights = rng.randrange(max(1, ctx.days - 4)), rng.randint(1, 4)
            stays.append(
                self._stay(ctx, ledger, rng, guest, hotel, hotel_account, town, day, nights)
            )
            if guest.record:
                for night in range(nights + 1):
                    kit.device_event(
                        ctx,
                        ledger,
                        account=guest.account,
                        device=guest.device,
                        ts=kit.clock(ctx, rng, day + night, kit.WAKING),
                        ip_address=wifi,
                        country="DK",
                    )
        business: set[str] = set()
        if rng.random() < 0.5:  # a consultant on the road: many short stays, two cities
            consultant = guests[0]
            # on the company card: the consultancy's business account pays (own random stream,
            # so that every other draw of the instance stays as it was)
            company = _owner_account(
                ctx, ledger, ctx.rng(self.name, instance, "company"), "IT-konsulent"
            )
            business.add(company["account_id"])
            consultant = kit.Holder(
                company["account_id"],
                consultant.person,
                consultant.phone,
                consultant.device,
                consultant.handle,
                consultant.record,
            )
            other_town = ctx.city(rng).name
            other = rng.choice(HOTELS).format(town=other_town)
            begin = rng.randrange(max(1, ctx.days - 30))
            for k in range(rng.randint(4, 6)):
                day = begin + 5 * k
                if k % 2:
                    stays.append(
                        self._stay(
                            ctx,
                            ledger,
                            rng,
                            consultant,
                            other,
                            kit.merchant_account(ctx, other),
                            other_town,
                            day,
                            1,
                        )
                    )
                else:
                    stays.append(
                        self._stay(ctx, ledger, rng, consultant, hotel, hotel_account, town, day, 1)
                    )
        repeated = short_stays(stays, business)
        for stay in stays:
            if stay["txn_id"] in repeated:
                ledger.flag(stay, "FIN-HOTEL-SHORT-STAYS")
        for _ in range(rng.randint(1, 3)):
            _ad(
                ctx,
                ledger,
                rng,
                "hotel_ad",
                str(owner["phone"]),
                rng.choice(kit.sites("social")),
                hotel=hotel,
                city=town,
                price=rng.choice([895, 995, 1195, 1295]),
                website=f"www.{fields.handle(ctx, rng, hotel.split()[-1], 'hotel')}.dk",
            )
        for guest in rng.sample(guests, min(len(guests), rng.randint(3, 8))):
            thread = kit.Thread(ctx, ledger, "email")
            language = "da" if guest.person.nationality == "DK" else "en"
            mail = fields.email(ctx, rng, guest.person)
            ts = kit.clock(ctx, rng, rng.randrange(ctx.days), kit.WAKING)
            thread.say(
                fields.business_email(ctx, rng, "booking", hotel),
                mail,
                ts,
                text.write(rng, "everyday", "hotel_chat", language, choice=0, hotel=hotel),
            )
        kit.logins(ctx, ledger, rng, owner["account_id"], owner["device_id"], (0, ctx.days), 5)
        ledger.close()

    def _stay(
        self,
        ctx: WorldContext,
        ledger: kit.Ledger,
        rng: random.Random,
        guest: kit.Holder,
        hotel: str,
        account: str,
        town: str,
        day: int,
        nights: int,
    ) -> dict[str, Any]:
        return kit.pay(
            ctx,
            ledger,
            ts=kit.clock(ctx, rng, day + nights, (7.0, 12.0)),
            payer=guest.account,
            payee=account,
            amount=fields.hotel_bill(rng, nights),
            channel="card",
            merchant=hotel,
            category="hotel",
            city=town,
        )
