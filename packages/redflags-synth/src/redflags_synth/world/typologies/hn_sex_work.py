"""Hard negatives next to Case 1: an independent sex worker, and lawful businesses that share a
phone across staff or recruit workers from abroad. None of them may become a case; where a
catalogue rule still matches (her P2P inflow, the clinic's reception phone), truth says so.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any, ClassVar

from redflags_synth.world import field_notes, text
from redflags_synth.world.context import WorldContext
from redflags_synth.world.images import ImageMaker
from redflags_synth.world.pools import Municipality
from redflags_synth.world.typologies import fields, inspection, kit, register, spending


class IndependentSexWorker:
    """Her own phone, first-person ads, her own payments, ordinary travel to one other city."""

    name: ClassVar[str] = "hn_independent_sex_worker"
    positive: ClassVar[bool] = False
    hard_negative: ClassVar[bool] = True

    def generate(self, ctx: WorldContext, instance: int) -> None:
        rng = ctx.rng(self.name, instance)
        busy = rng.random() < 0.5  # a busy month's inflow matches FIN-BUYER-PAYS-THIRD-PARTY
        nid = ctx.network(
            self.name,
            positive=False,
            hard_negative=True,
            description=(
                "Independent sex worker with her own phone and account "
                f"({'busy' if busy else 'quiet'})."
            ),
        )
        images = ImageMaker(ctx)
        ledger = kit.Ledger(ctx, nid, images)
        nationality = rng.choice(["DK", "DK", "DK", "SE", "RO", "BG", "TH", "PL", "UA", "NG", "GB"])
        person = ctx.person(rng, nationality, "F", (22, 45))
        home = ctx.city(rng)
        own_phone = kit.phone(ctx)
        device = ctx.new_device()
        record = kit.customer(
            ctx,
            ledger,
            rng,
            person,
            onboarded_at=kit.clock(ctx, rng, -rng.randrange(200, 3000), kit.OFFICE),
            phone_number=own_phone,
            address=ctx.address(rng, home),
            device=device,
            job=rng.choice(["frisør", "konsulent", "ledig", None]),
        )
        account = record["account_id"]
        persona = person.first_name if rng.random() < 0.4 else kit.stage_name(rng)
        for entity_kind, value in (
            ("customer", record["customer_id"]),
            ("account", account),
            ("phone", own_phone),
            ("persona", persona),
            ("device", device),
        ):
            ledger.member(entity_kind, value, "benign")
        start = rng.randint(0, min(20, ctx.days // 4))
        end = max(start + 1, ctx.days - rng.randint(1, max(1, min(15, ctx.days // 4))))
        kind = fields.personal_ad_kind(rng)
        prices = sorted({max(400, fields.ad_price(rng, kind)) for _ in range(3)})
        where = (home, (start, end))
        self._ads(ctx, ledger, rng, images, person.nationality, persona, own_phone, prices, where)
        per_day = rng.uniform(1.2, 1.8) if busy else rng.uniform(0.2, 0.5)
        clients: list[kit.Holder] = []
        for day in range(start, end):
            for _ in range(int(per_day) + (rng.random() < per_day % 1)):
                if clients and rng.random() < 0.15:
                    client = rng.choice(clients)  # a regular
                else:
                    client = kit.holder(
                        ctx,
                        ledger,
                        rng,
                        nationality=kit.resident_nationality(rng),
                        sex="M",
                        age=(21, 70),
                        at_bank=rng.random() < 0.4,
                        role="benign",
                    )
                    clients.append(client)
                hours = kit.EVENING_NIGHT if rng.random() < 0.7 else kit.AFTERNOON
                kit.pay(
                    ctx,
                    ledger,
                    ts=kit.clock(ctx, rng, day, hours),
                    payer=client.account,
                    payee=account,
                    amount=rng.choice(prices),
                    channel="p2p",
                    memo_text=kit.memo(rng, "buyer"),
                )
        for client in rng.sample(clients, min(len(clients), rng.randint(3, 8))):
            thread = kit.Thread(ctx, ledger, rng.choice(["sms", "whatsapp"]))
            language = "da" if client.person.nationality == "DK" else "en"
            slots: dict[str, Any] = {
                "persona": persona,
                "hour": f"{rng.randint(12, 22)}:00",
                "price": prices[0],
            }
            ts = kit.clock(ctx, rng, rng.randrange(start, end), kit.AFTERNOON)
            thread.say(
                str(client.phone),
                own_phone,
                ts,
                text.write(rng, "sex_ads", "ask", language, **slots),
            )
            reply = text.write(rng, "sex_ads", "own_reply", language, **slots)
            thread.say(own_phone, str(client.phone), kit.later(rng, ts, 0.02, 1), reply)
        kit.everyday_spending(ctx, ledger, rng, account, home.name, (0, ctx.days), 4)
        kit.logins(ctx, ledger, rng, account, device, (0, ctx.days), 3)
        own = ctx.rng(self.name, instance, "own_costs")  # its own stream (issue #5)
        spending.own_costs(ctx, ledger, own, account, home.name, (start, end), own_phone)
        kit.device_event(
            ctx,
            ledger,
            account=own_phone,
            device=device,
            ts=kit.clock(ctx, rng, end, kit.WAKING),
            ip_address=kit.ip(rng),
            country="DK",
            event="ad_removed",
        )
        self._sole_proprietorship(ctx, ledger, ctx.rng(self.name, instance, "register"), record)
        ledger.close()

    @staticmethod
    def _sole_proprietorship(
        ctx: WorldContext, ledger: kit.Ledger, rng: random.Random, record: dict[str, Any]
    ) -> None:
        """She is registered as a sole proprietorship in massage, without employees, on her own
        account: one owner for years (KYC-NOMINEE-OWNER), revenue without payroll below what
        one person cannot take in alone (FIN-BIZ-NO-PAYROLL), evening P2P into the business's
        own account (FIN-FRONT-MASSAGE). Own random stream, drawn last."""
        founded = (record["onboarded_at"] - ctx.start).days + rng.randint(0, 150)
        company = {
            "cvr": ctx.new_id("cvr"),
            "name": f"Massage v/{record['first_name']} {record['last_name']}",
            "trade": register.trade_code("massageklinik"),
            "address": record["address"],
            "account_id": record["account_id"],
            "founded_on": register.day(ctx, founded),
            "employees": 0.0,
        }
        register.entry(ctx, ledger, company, register.owner_of(record), company["founded_on"])

    def _ads(
        self,
        ctx: WorldContext,
        ledger: kit.Ledger,
        rng: random.Random,
        images: ImageMaker,
        nationality: str,
        persona: str,
        own_phone: str,
        prices: list[int],
        where: tuple[Municipality, tuple[int, int]],
    ) -> None:
        home, span = where
        photos = [
            images.unique(f"{self.name}/{persona}/{own_phone}/{i}")
            for i in range(rng.randint(2, 4))
        ]
        kit.register_images(ledger, photos, "benign")
        trip_city = ctx.city(rng).name
        trip_day = rng.randrange(*span)
        site_choice = rng.sample(kit.sites("sex_ads"), rng.randint(2, 4))
        age = ctx.start.year - rng.randint(22, 40)
        spoken = kit.spoken(nationality)
        for _ in range(rng.randint(4, 12)):
            day = rng.randrange(*span)
            away = trip_day <= day < trip_day + 4  # one short trip: at most two cities
            city = trip_city if away else home.name
            language = "da" if nationality == "DK" or rng.random() < 0.4 else "en"
            obscured = rng.random() < 0.1
            shown = (
                text.obfuscate_phone(rng, own_phone, language)
                if obscured
                else text.show_phone(rng, own_phone)
            )
            price = rng.choice(prices)
            written = text.write(
                rng,
                "sex_ads",
                "first_person",
                language,
                persona=persona,
                age=ctx.start.year - age,
                city=city,
                phone=shown,
                price=price,
            )
            kit.ad(
                ctx,
                ledger,
                posted_at=kit.clock(ctx, rng, day, kit.WAKING),
                site=rng.choice(site_choice),
                written=written,
                contact=f"phone:{own_phone}",
                city=city,
                persona=persona,
                phone_number=None if obscured or rng.random() < 0.15 else own_phone,
                price=float(price),
                images=rng.sample(photos, rng.randint(1, min(2, len(photos)))),
                # she writes her Danish ads herself, so those profiles list Danish
                languages=spoken if language != "da" else list(dict.fromkeys([*spoken, "da"])),
                indicators=["BEH-OBSCURED-PHONE"] if obscured else [],
            )


CLINIC_NAMES = [
    "{town} Massage & Fysioterapi",
    "Klinik {surname}",
    "{town} Sportsmassage",
    "Massagehuset {town}",
]
FARM_NAMES = [
    "{surname}s Planteskole",
    "{town} Frugt & Bær",
    "{surname} Gartneri",
    "{town} Rengøringsservice ApS",
]


class LegitimateAgencyEmployer:
    """A registered massage clinic with one reception phone for its staff, and a lawful seasonal
    employer recruiting abroad with contracts and website contact (two networks per instance)."""

    name: ClassVar[str] = "hn_legitimate_agency_employer"
    positive: ClassVar[bool] = False
    hard_negative: ClassVar[bool] = True

    def generate(self, ctx: WorldContext, instance: int) -> None:
        rng = ctx.rng(self.name, instance)
        self._clinic(ctx, rng, ctx.rng(self.name, instance, "register"))
        self._seasonal(ctx, rng, ctx.rng(self.name, instance, "remittance"))

    def _business(
        self,
        ctx: WorldContext,
        ledger: kit.Ledger,
        rng: random.Random,
        address: str,
        number: str,
        trade: str,
    ) -> dict[str, Any]:
        owner = ctx.person(rng, "DK", None, (30, 65))
        record = kit.customer(
            ctx,
            ledger,
            rng,
            owner,
            onboarded_at=kit.clock(ctx, rng, -rng.randrange(300, 5000), kit.OFFICE),
            phone_number=number,
            address=address,
            job=trade,
            segment="business",
        )
        ledger.member("customer", record["customer_id"], "benign")
        ledger.member("account", record["account_id"], "benign")
        return record

    def _clinic(self, ctx: WorldContext, rng: random.Random, own: random.Random) -> None:
        town = ctx.city(rng)
        nid = ctx.network(
            self.name,
            positive=False,
            hard_negative=True,
            description=(
                f"Registered massage clinic in {town.name}: one reception phone books for its "
                "staff."
            ),
        )
        images = ImageMaker(ctx)
        ledger = kit.Ledger(ctx, nid, images)
        reception = kit.phone(ctx)
        address = ctx.address(rng, town)
        trade = rng.choice(["massageklinik", "fysioterapeut"])
        clinic = self._business(ctx, ledger, rng, address, reception, trade)
        ledger.member("phone", reception, "benign")
        clinic_name = rng.choice(CLINIC_NAMES).format(town=town.name, surname=clinic["last_name"])
        clinic_mail = fields.business_email(ctx, rng, "info", clinic_name)
        staff = []
        for _ in range(rng.randint(3, 6)):
            holder = kit.holder(
                ctx,
                ledger,
                rng,
                nationality=kit.resident_nationality(rng),
                sex=None,
                age=(23, 60),
                at_bank=rng.random() < 0.5,
                role="benign",
                job=None,
            )
            staff.append(holder)
        sites = rng.sample(kit.sites("sex_ads"), rng.randint(2, 3))
        burst = rng.randint(0, max(0, ctx.days - 40))
        names: Counter[str] = Counter()
        for member in staff:
            name = member.person.first_name
            names[name] += 1
            ledger.member("persona", name, "benign")
            photo = images.unique(f"{self.name}/{nid}/{name}/{names[name]}")
            kit.register_images(ledger, [photo], "benign")
            group = "agency_bio_f" if member.person.sex == "F" else "agency_bio_m"
            for repost in range(rng.randint(1, 3)):
                language = rng.choice(text.languages("sex_ads", group))
                written = text.write(
                    rng,
                    "sex_ads",
                    group,
                    language,
                    persona=name,
                    clinic=clinic_name,
                    city=town.name,
                    phone=text.show_phone(rng, reception),
                    years=rng.randint(2, 15),
                    price=fields.ad_price(rng, "massage"),
                )
                kit.ad(
                    ctx,
                    ledger,
                    posted_at=kit.clock(
                        ctx, rng, burst + 30 * repost + rng.randint(0, 20), kit.OFFICE
                    ),
                    site=rng.choice(sites),
                    written=written,
                    contact=f"phone:{reception}",
                    city=town.name,
                    persona=name,
                    phone_number=reception,
                    email=clinic_mail if rng.random() < 0.5 else None,
                    price=float(fields.ad_price(rng, "massage")),
                    images=[photo],
                    # staff of a registered Danish clinic are residents who speak Danish
                    languages=list(dict.fromkeys([*kit.spoken(member.person.nationality), "da"])),
                )
        for _ in range(rng.randint(3, 8)):  # bookings through the reception
            client = kit.holder(
                ctx,
                ledger,
                rng,
                nationality=kit.resident_nationality(rng),
                sex=None,
                age=(20, 75),
                at_bank=rng.random() < 0.3,
                role="benign",
            )
            thread = kit.Thread(ctx, ledger, rng.choice(["sms", "email"]))
            language = "da" if client.person.nationality == "DK" else "en"
            slots: dict[str, Any] = {
                "persona": rng.choice(staff).person.first_name,
                "other": rng.choice(staff).person.first_name,
                "hour": f"{rng.randint(9, 16)}:00",
            }
            ts = kit.clock(ctx, rng, rng.randrange(ctx.days), kit.OFFICE)
            desk = kit.Party(phone=reception, email=clinic_mail)
            ask = text.write(rng, "sex_ads", "ask", language, **slots)
            thread.say(client.party, desk, ts, ask)
            reply = text.write(rng, "sex_ads", "reception_reply", language, **slots)
            thread.say(desk, client.party, kit.later(rng, ts, 0.1, 3), reply)
            kit.pay(
                ctx,
                ledger,
                ts=kit.clock(ctx, rng, rng.randrange(ctx.days), kit.OFFICE),
                payer=client.account,
                payee=clinic["account_id"],
                amount=rng.choice([500, 550, 600, 650, 700, 795]),
                channel=rng.choice(["card", "card", "p2p"]),
                merchant=clinic_name,
                category="health",
                city=town.name,
            )
        for payday in range(25, ctx.days, 30):
            for member in staff:
                kit.pay(
                    ctx,
                    ledger,
                    ts=kit.clock(ctx, rng, payday, kit.OFFICE),
                    payer=clinic["account_id"],
                    payee=member.account,
                    amount=round(rng.uniform(16_000, 27_000), 2),
                    channel="transfer",
                    memo_text=kit.memo(rng, "wage", month=kit.MONTHS_DA[(payday // 30 + 5) % 12]),
                )
        kit.logins(ctx, ledger, rng, clinic["account_id"], clinic["device_id"], (0, ctx.days), 4)
        kit.device_event(
            ctx,
            ledger,
            account=reception,
            device=clinic["device_id"],
            ts=kit.clock(ctx, rng, ctx.days - 1, kit.OFFICE),
            ip_address=kit.ip(rng),
            country="DK",
            event="ad_removed",
        )
        self._clinic_register(ctx, ledger, own, clinic, clinic_name, trade, len(staff), town)
        ledger.close()

    @staticmethod
    def _clinic_register(
        ctx: WorldContext,
        ledger: kit.Ledger,
        rng: random.Random,
        clinic: dict[str, Any],
        clinic_name: str,
        trade: str,
        staff: int,
        town: Municipality,
    ) -> None:
        """The clinic in the company register, its staff declared; some were handed over by a
        parent (one change of owner). It opens late for commuters, paid at its card terminal,
        mostly in the evening (FIN-FRONT-MASSAGE look-alike), and pays its staff wages
        (FIN-BIZ-NO-PAYROLL look-alike). Own random stream, drawn last."""
        onboarded = (clinic["onboarded_at"] - ctx.start).days
        founded = onboarded - rng.randint(0, 2000)
        company = {
            "cvr": ctx.new_id("cvr"),
            "name": clinic_name,
            "trade": register.trade_code(trade),
            "address": clinic["address"],
            "account_id": clinic["account_id"],
            "founded_on": register.day(ctx, founded),
            "employees": float(staff),
        }
        since = founded
        if founded < -900 and rng.random() < 0.5:  # a family handover: a parent ran it first
            parent = ctx.person(rng, "DK", None, (60, 80))
            since = founded + rng.randint(800, -30 - founded)
            register.entry(
                ctx,
                ledger,
                company,
                register.owner(parent.first_name, clinic["last_name"], parent.birth_date),
                register.day(ctx, founded),
                register.day(ctx, since),
            )
        register.entry(ctx, ledger, company, register.owner_of(clinic), register.day(ctx, since))
        for _ in range(rng.randint(25, 40)):  # clients who bank elsewhere
            client = ctx.new_id("account")
            ledger.member("account", client, "benign")
            hours = (17.0, 21.5) if rng.random() < 0.75 else kit.OFFICE
            kit.pay(
                ctx,
                ledger,
                ts=kit.clock(ctx, rng, rng.randrange(ctx.days), hours),
                payer=client,
                payee=clinic["account_id"],
                amount=rng.choice([500, 550, 600, 650, 700, 795]),
                channel="card",
                merchant=clinic_name,
                category="health",
                city=town.name,
            )

    def _seasonal(self, ctx: WorldContext, rng: random.Random, own: random.Random) -> None:
        town = ctx.city(rng)
        sector = rng.choice(["cleaning", "agriculture"])
        words = text.load("labour")["sectors"][sector]["words"]
        nid = ctx.network(
            self.name,
            positive=False,
            hard_negative=True,
            description=(
                f"Lawful seasonal employer ({sector}) in {town.name}: contracts, website, own "
                "accounts."
            ),
        )
        ledger = kit.Ledger(ctx, nid)
        site_address = ctx.address(rng, town)
        trade = "landbrug" if sector == "agriculture" else "rengøringsfirma"
        employer = self._business(ctx, ledger, rng, site_address, kit.phone(ctx), trade)
        company = rng.choice(FARM_NAMES).format(town=town.name, surname=employer["last_name"])
        website = f"www.{fields.handle(ctx, rng, company.split()[0], 'dk')}.dk"
        mail = fields.business_email(ctx, rng, "job", company)
        start = rng.randint(20, 50)
        for language in rng.sample(text.languages("labour", "seasonal_post"), 2):
            written = text.write(
                rng,
                "labour",
                "seasonal_post",
                language,
                sector_word=words[language],
                company=company,
                city=town.name,
                n=rng.randint(4, 12),
                hourly=rng.choice([142, 148, 155, 161]),
                website=website,
                email=mail,
            )
            kit.ad(
                ctx,
                ledger,
                posted_at=kit.clock(ctx, rng, start - rng.randint(15, 30), kit.OFFICE),
                site=rng.choice([*kit.sites("jobs"), "facebook", "telegram"]),
                written=written,
                contact=f"email:{mail}",
                city=town.name,
                email=mail,
            )
        housing = site_address if rng.random() < 0.5 else None  # employer housing, or own rooms
        hired: list[tuple[dict[str, Any], str]] = []
        for _ in range(rng.randint(4, 10)):
            nationality = rng.choice(["PL", "RO", "UA", "LT", "BG"])
            person = ctx.person(rng, nationality, None, (19, 55))
            number = kit.phone(ctx, nationality if rng.random() < 0.5 else "DK")
            worker = kit.customer(
                ctx,
                ledger,
                rng,
                person,
                onboarded_at=kit.clock(ctx, rng, start + rng.randint(0, 20), kit.OFFICE),
                phone_number=number,
                address=housing or ctx.address(rng, town),
                job="landbrugsmedhjælper" if sector == "agriculture" else "rengøringsassistent",
            )
            ledger.member("customer", worker["customer_id"], "benign")
            hired.append((worker, nationality))
            if housing:  # the rule holds; lawful employer housing is its known false positive
                ledger.flag(worker, "KYC-ADDRESS-AT-WORKPLACE")
            language = {"RO": "ro"}.get(nationality, "en")
            thread = kit.Thread(ctx, ledger, "email")
            own_mail = worker["email"] or fields.email(ctx, rng, person)
            ts = kit.clock(ctx, rng, start - rng.randint(5, 14), kit.WAKING)
            thread.say(
                own_mail, mail, ts, text.write(rng, "labour", "applicant", language, choice=0)
            )
            first_day = kit.clock(ctx, rng, start, kit.OFFICE).strftime("%d.%m.%Y")
            for index in (0, 1):
                ts = kit.later(rng, ts, 2, 40)
                reply = text.write(
                    rng, "labour", "employer_reply", language, choice=index, date=first_day
                )
                thread.say(mail, own_mail, ts, reply)
            for payday in range(start + 14, ctx.days, 14):
                kit.pay(
                    ctx,
                    ledger,
                    ts=kit.clock(ctx, rng, payday, kit.OFFICE),
                    payer=employer["account_id"],
                    payee=worker["account_id"],
                    amount=round(rng.uniform(8_500, 12_500), 2),
                    channel="transfer",
                    memo_text=kit.memo(rng, "wage", month=""),
                )
            kit.everyday_spending(
                ctx, ledger, rng, worker["account_id"], town.name, (start, ctx.days), 4
            )
            kit.logins(
                ctx, ledger, rng, worker["account_id"], worker["device_id"], (start, ctx.days), 2
            )
        # the municipality inspects the farm or the cleaning firm: routine notes, some of them
        # the near-misses (staff housing with a lease, a colleague who translates). Own stream.
        checked = ctx.rng(self.name, nid, "inspection")
        inspection.inspect_lawful(
            ctx,
            checked,
            ledger,
            day=ctx.days - checked.randint(5, 40),
            town=town.name,
            place=company,
            place_address=site_address,
            workers=[
                field_notes.met(
                    w["first_name"],
                    w["last_name"],
                    n,
                    w["phone"],
                    w["address"] if checked.random() < 0.6 else None,
                )
                for w, n in hired
            ],
        )
        # FIN-DEBT-REMITTANCE look-alike: new customers sending part of each wage home, each to
        # their own family (no shared recipient). Own stream, drawn last (issue #5).
        for worker, nationality in hired:
            if own.random() < 0.3:
                continue
            family = ctx.new_id("account")
            ledger.member("account", family, "benign")
            for payday in range(start + 15, ctx.days, 14):
                kit.pay(
                    ctx,
                    ledger,
                    ts=kit.clock(ctx, own, payday, kit.WAKING),
                    payer=worker["account_id"],
                    payee=family,
                    amount=own.randrange(10, 41) * 100,
                    channel="transfer",
                    memo_text=own.choice([None, "family", "home"]),
                    country=nationality,
                )
        ledger.close()
