"""CMM Case 1: women recruited abroad on Telegram for a Danish massage clinic, controlled remotely.

One instance is one network. Recruitment posts in the women's languages offer massage work in
Denmark with earnings, paid travel and messenger-only contact; a private Telegram chat follows
(pitch, passport photo, travel debt). After arrival the controller, abroad, writes rules and
threats, demands locations and photos, counts the debt down per client and keeps the passports.
He writes the ads: one phone for several personas, third-person templates, reused photos, cities
rotating. Buyers pay his account by MobilePay in the evening and at night; what reaches the
women's own accounts is swept to him within hours; he logs in to their bank apps from abroad with
one device, registered them at the clinic and with his phone, and wipes everything at the raid.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from redflags_synth.world import field_notes, text
from redflags_synth.world.context import WorldContext
from redflags_synth.world.images import ImageMaker
from redflags_synth.world.pools import Municipality, Person
from redflags_synth.world.typologies import case_log, fields, inspection, kit, register, spending
from redflags_synth.world.typologies.pay import too_good_pay
from redflags_synth.world.typologies.truth.kyc import customers_sharing_identifiers

ORIGINS = ["RO", "BG", "UA", "TH", "NG"]
REMOTE = "RCS-REMOTE-CONTROLLER"


def language_of(rng: random.Random, nationality: str) -> str:
    if nationality == "UA":
        return rng.choice(["uk", "ru"])
    return {"RO": "ro", "BG": "bg", "TH": "th", "RU": "ru"}.get(nationality, "en")


def money_slots(rng: random.Random, language: str) -> dict[str, Any]:
    """Amounts for recruitment and control messages in the currency the women think in."""
    if language == "th":
        return {
            "currency": "THB",
            "earn": f"{rng.randrange(8, 21) * 10_000:,}",
            "debt": f"{rng.randrange(10, 25) * 10_000:,}",
            "fine": f"{rng.randrange(2, 6) * 10_000:,}",
            "per_client": rng.choice([1000, 1500, 2000]),
            "quota": rng.randrange(5, 11),
        }
    return {
        "currency": rng.choice(["EUR", "EUR", "€"]),
        "earn": rng.randrange(5, 13) * 500,
        "debt": rng.randrange(4, 11) * 500,
        "fine": rng.randrange(1, 5) * 500,
        "per_client": rng.choice([20, 30, 40, 50]),
        "quota": rng.randrange(5, 11),
    }


@dataclass
class Worker:
    person: Person
    language: str
    handle: str
    device: str  # her own phone, for her own logins
    record: dict[str, Any] = field(default_factory=dict)
    personas: list[str] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)  # persona -> 'massage' or 'escort'
    chat: kit.Thread | None = None  # the controller's chat with her after arrival


class Case1SexualExploitation:
    name: ClassVar[str] = "case1_sexual_exploitation"
    positive: ClassVar[bool] = True
    hard_negative: ClassVar[bool] = False

    def generate(self, ctx: WorldContext, instance: int) -> None:
        _Case1(ctx, ctx.rng(self.name, instance), f"{self.name}/{instance}").build()


class _Case1:
    def __init__(self, ctx: WorldContext, rng: random.Random, key: str) -> None:
        self.ctx, self.rng, self.key = ctx, rng, key
        self.origins = rng.sample(ORIGINS, k=rng.choice([1, 1, 2]))
        self.town: Municipality = ctx.city(rng)
        self.clinic = ctx.address(rng, self.town)
        # The women arrive on `start`, the raid is on `end` (shorter worlds squeeze the story).
        self.start = min(rng.randint(25, 40), ctx.days // 4)
        self.end = max(self.start + 2, min(ctx.days - 3, self.start + rng.randint(60, 78)))
        home = self.origins[0]
        self.controller = ctx.person(rng, home, "M", (27, 52))
        self.abroad = home
        self.device = ctx.new_device()  # the controller's phone, logged in to every account
        self.ad_phone = kit.phone(ctx)  # prepaid Danish number on every ad
        self.foreign_phone = kit.phone(ctx, home)
        words = rng.sample(["nordic", "work", "jobs", "euro", "spa", "scandi", "lux", "vip"], 2)
        self.recruiter = fields.handle(ctx, rng, *words)
        same = rng.random() < 0.6  # recruiter and controller are often one Telegram account
        boss = fields.handle(ctx, rng, self.controller.first_name, self.controller.last_name)
        self.boss = self.recruiter if same else boss
        # Two price lists, massage and escort, priced like the site's other ads; each persona is
        # offered under one of them. Four values in all: buyers pay a few round amounts.
        self.menus = {
            kind: sorted({max(400, fields.ad_price(rng, kind)) for _ in range(2)})
            for kind in ("massage", "escort")
        }
        self.prices = sorted({p for menu in self.menus.values() for p in menu})
        # Every other instance advertises far below the market (BEH-LOW-PRICE): at most 250 kr,
        # under 0.6 x any local median, while buyers still pay the menu. Drawn from its own
        # stream so that every other draw of the instance stays as it was.
        cheap = ctx.rng(key, "cheap_prices")
        undercut = int(key.rsplit("/", 1)[1]) % 2 == 0
        self.ad_prices = {
            p: max(150, min(250, round(p * cheap.uniform(0.2, 0.4) / 50) * 50))
            for p in (self.prices if undercut else ())
        }
        nid = ctx.network(
            Case1SexualExploitation.name,
            positive=True,
            hard_negative=False,
            description=(
                f"CMM Case 1: women from {', '.join(self.origins)} recruited on Telegram for a "
                f"massage clinic in {self.town.name}; controller in {home} runs the ads, takes "
                f"the buyers' MobilePay payments and the women's earnings; wipe on day "
                f"{self.end}."
            ),
        )
        self.images = ImageMaker(ctx)
        self.ledger = kit.Ledger(ctx, nid, self.images)
        self.workers: list[Worker] = []

    def build(self) -> None:
        self._people()
        self._recruitment()
        self._control_chats()
        self._ads()
        buyers = self._buyers()
        self._booking_chats(buyers)
        self._worker_money()
        self._hotels()
        self._remote_logins()
        self._wipe()
        self._spending()
        self._clinic_register()
        self._serial_emails()
        self._messenger_logins()
        self._clinic_company(buyers)
        self._kyc_case_log()
        self._raid_notes()
        self.ledger.close()

    def _raid_notes(self) -> None:
        """At the raid the joint inspection (with the police) meets the women at the clinic and
        notes what it sees (field notes), in half of the instances. Own stream, drawn last."""
        rng = self.ctx.rng(self.key, "raid_notes")
        if rng.random() >= 0.5 or not self.workers:
            return
        met = [
            field_notes.met(
                w.person.first_name,
                w.person.last_name,
                w.person.nationality,
                w.record.get("phone") if rng.random() < 0.7 else self.ad_phone,
                self.clinic if rng.random() < 0.5 else None,
            )
            for w in self.workers
        ]
        inspection.inspect(
            self.ctx,
            rng,
            self.ledger,
            day=self.end,
            observer=field_notes.observer(rng),
            place=f"Massageklinik i {self.town.name}",
            place_address=self.clinic,
            boss=self.controller.first_name,
            workers=met,
        )

    def _kyc_case_log(self) -> None:
        """The bank's KYC case log. Each woman was identified in a branch meeting when she
        opened her account (he came along). Days later he moves two or three of them to the
        number registered on his own account (KYC-CONTACT-TAKEOVER); when the bank asks them
        to identify again, they fail or refuse video-ID and decline meetings while he calls on
        their behalf (KYC-AVOID-FACE-TO-FACE). Own random stream, drawn last; truth by rule in
        the ledger."""
        rng = self.ctx.rng(self.key, "kyc_case_log")
        records = [w.record for w in self.workers]
        case_log.identified_at_onboarding(self.ctx, rng, self.ledger, records)
        speaker = f"{self.controller.first_name} {self.controller.last_name}"
        target = self.collection["phone"]
        for record in case_log.taken_over(
            self.ctx, rng, self.ledger, records, target, speaker, rng.randint(2, 3)
        ):
            # today's record carries his number, which is what the onboarding rule reads (as for
            # the women onboarded with his number)
            self.ledger.flag(record, "KYC-THIRD-PARTY-ONBOARDING")

    def _messenger_logins(self) -> None:
        """The platform's login log for the Telegram accounts: the boss logs in from home
        abroad, the women from Denmark, and they are never in one country on the same days.
        Own random stream, drawn last."""
        ctx = self.ctx
        rng = ctx.rng(self.key, "messenger_logins")
        boss_ip = kit.ip(rng, self.abroad)
        for day in range(self.start, self.end + 1):
            if rng.random() < 0.35:
                kit.device_event(
                    ctx,
                    self.ledger,
                    account=kit.as_shown(self.boss, "telegram"),
                    device="",  # the messenger's log names no device a bank could match
                    ts=kit.clock(ctx, rng, day, kit.WAKING),
                    ip_address=boss_ip,
                    country=self.abroad,
                )
        for worker in self.workers:
            worker_ip = kit.ip(rng, "DK")
            for day in range(self.start, self.end + 1):
                if rng.random() < 0.3:
                    kit.device_event(
                        ctx,
                        self.ledger,
                        account=kit.as_shown(worker.handle, "telegram"),
                        device="",
                        ts=kit.clock(ctx, rng, day, kit.WAKING),
                        ip_address=worker_ip,
                        country="DK",
                    )

    def _clinic_register(self) -> None:
        """The clinic banks as a registered massage business (a straw owner from home): the
        register stand-in that KYC-ADDRESS-AT-WORKPLACE matches the women's addresses against.
        Own random stream and drawn last, so nothing else in the instance changes."""
        ctx = self.ctx
        rng = ctx.rng(self.key, "clinic_register")
        owner = ctx.person(rng, self.origins[0], None, (30, 60))
        self.clinic_record = kit.customer(
            ctx,
            self.ledger,
            rng,
            owner,
            onboarded_at=kit.clock(ctx, rng, -rng.randrange(200, 2000), kit.OFFICE),
            phone_number=kit.phone(ctx),
            address=self.clinic,
            job="massageklinik",
            segment="business",
        )

    def _clinic_company(self, buyers: list[kit.Holder]) -> None:
        """The clinic in the company register, and its takings. Straw owners from home hold it
        in turn: the banked owner, then another, then (a few weeks before the women arrive) the
        front whose private account the buyers pay, who also stands behind a second clinic in
        another town (two owner changes within a year: KYC-NOMINEE-OWNER). The employees the
        clinic declares get no wages (FIN-BIZ-NO-PAYROLL): its account takes the card payments
        of the buyers who pay at the terminal, mostly in the evening, while the rest pay the
        owner privately by P2P (FIN-FRONT-MASSAGE). Own random stream, drawn last."""
        ctx, ledger, clinic, front = self.ctx, self.ledger, self.clinic_record, self.collection
        rng = ctx.rng(self.key, "clinic_company")
        second = self.start - rng.randint(20, 90)  # the front takes over
        first = second - rng.randint(90, 300)  # a second straw owner from home
        onboarded = (clinic["onboarded_at"] - ctx.start).days
        founded = min(onboarded, first - rng.randint(60, 400))
        name = f"{rng.choice(['Lotus', 'Orchid', 'Harmony', 'Relax', 'Jade', 'Sunrise'])} Massage"
        company = {
            "cvr": ctx.new_id("cvr"),
            "name": name,
            "trade": register.trade_code("massageklinik"),
            "address": self.clinic,
            "account_id": clinic["account_id"],
            "founded_on": register.day(ctx, founded),
            "employees": float(rng.randint(2, 4)),  # the women, declared
        }
        straw = ctx.person(rng, self.origins[0], None, (25, 55))
        owners = [
            (register.owner_of(clinic), founded, first),
            (register.owner(straw.first_name, straw.last_name, straw.birth_date), first, second),
            (register.owner_of(front), second, None),
        ]
        for holder, since, until in owners:
            register.entry(
                ctx,
                ledger,
                company,
                holder,
                register.day(ctx, since),
                register.day(ctx, until) if until is not None else None,
            )
        town = ctx.city(rng)
        opened = second + rng.randint(5, 40)
        register.entry(
            ctx,
            ledger,
            {
                "cvr": ctx.new_id("cvr"),
                "name": f"{rng.choice(['Bamboo', 'Lily', 'Zen', 'Thai Garden'])} Massage",
                "trade": register.trade_code("massageklinik"),
                "address": ctx.address(rng, town),
                "founded_on": register.day(ctx, opened),
                "employees": float(rng.randint(1, 3)),
            },
            register.owner_of(front),
            register.day(ctx, opened),
        )
        # The terminal's takings: card payments from the first day to the last, adding up to
        # 1.3 x the 500,000 DKK a year of FIN-BIZ-NO-PAYROLL over those days, so the clinic
        # has a clinic's revenue (and none of it is paid on as wages).
        menu = self.menus["massage"]
        days = list(range(self.start + 1, self.end))
        target = 1.3 * 500_000 * len(days) / 365
        taken = 0.0
        paid_days = [days[0], days[-1]]
        while taken < target:
            day = paid_days.pop() if paid_days else rng.choice(days)
            hours = (18.0, 25.5) if rng.random() < 0.85 else kit.AFTERNOON
            amount = rng.choice(menu)
            taken += amount
            kit.pay(
                ctx,
                ledger,
                ts=kit.clock(ctx, rng, day, hours),
                payer=rng.choice(buyers).account,
                payee=clinic["account_id"],
                amount=amount,
                channel="card",
                merchant=name,
                category="health",
                city=self.town.name,
            )

    def _serial_emails(self) -> None:
        """The controller registers two or more of the women with his own serial addresses (one
        stem, digit suffixes: KYC-DISPOSABLE-CONTACT). Own random stream and drawn last, so
        nothing else in the instance changes; only women with an address of their own (not the
        shared one) are re-addressed."""
        rng = self.ctx.rng(self.key, "serial_emails")
        emails = Counter(w.record.get("email") for w in self.workers)
        own = [w for w in self.workers if w.record.get("email") and emails[w.record["email"]] == 1]
        names = {n for w in own for n in (w.person.first_name, w.person.last_name)}
        taken = {fields._slug(n) for n in names}
        stems = [
            f"{first}.{initial}"
            for first in ("anna", "maria", "lina", "sofia", "nina", "eva", "kira", "mila")
            for initial in "bkmsv"
            if not any(t and t in f"{first}.{initial}".replace(".", "") for t in taken)
        ]
        if len(own) < 2 or not stems:
            return
        stem = rng.choice(stems)
        domain = rng.choice(["gmail.com", "outlook.com", "yahoo.com", "mail.ru"])
        chosen = rng.sample(own, rng.randint(2, len(own)))
        first = rng.randint(1, 5)
        for n, worker in enumerate(chosen):
            address = f"{stem}{first + n}@{domain}"
            worker.record["email"] = fields._unique(self.ctx, "email", address, rng)
            self.ledger.flag(worker.record, "KYC-DISPOSABLE-CONTACT")

    # -- people ------------------------------------------------------------------------------
    def _people(self) -> None:
        ctx, rng, ledger = self.ctx, self.rng, self.ledger
        surnames: set[str] = set()
        for _ in range(rng.randint(3, 6)):
            nationality = rng.choice(self.origins)
            person = ctx.person(rng, nationality, "F", (19, 34))
            for _ in range(20):  # Case 1 women are unrelated: distinct surnames
                if person.last_name.lower() not in surnames:
                    break
                person = ctx.person(rng, nationality, "F", (19, 34))
            surnames.add(person.last_name.lower())
            worker = Worker(
                person=person,
                language=language_of(rng, nationality),
                handle=fields.handle(ctx, rng, person.first_name, person.last_name),
                device=ctx.new_device(),
            )
            taken = [p for w in self.workers for p in w.personas]
            worker.personas.append(kit.stage_name(rng, taken, worker.language))
            if rng.random() < 0.3:
                more = [*taken, *worker.personas]
                worker.personas.append(kit.stage_name(rng, more, worker.language))
            worker.kinds = {p: fields.personal_ad_kind(rng) for p in worker.personas}
            self.workers.append(worker)
        # The account buyers pay: the controller's own or a front's, opened well before.
        front = self.controller if rng.random() < 0.6 else ctx.person(rng, "DK", None, (20, 60))
        self.collection = kit.customer(
            ctx,
            ledger,
            rng,
            front,
            onboarded_at=kit.clock(ctx, rng, -rng.randrange(100, 900), kit.OFFICE),
            phone_number=self.ad_phone if rng.random() < 0.5 else kit.phone(ctx),
            address=ctx.address(rng),
            device=self.device,
            job=rng.choice(["konsulent", "chauffør", "ledig", None]),
        )
        for entity_kind, value in (
            ("customer", self.collection["customer_id"]),
            ("account", self.collection["account_id"]),
            ("phone", self.ad_phone),
            ("phone", self.foreign_phone),
            ("handle", self.recruiter),
            ("handle", self.boss),
            ("device", self.device),
        ):
            ledger.member(
                entity_kind, value, "recruiter" if value == self.recruiter else "controller"
            )
        self._onboard_workers()

    def _onboard_workers(self) -> None:
        ctx, rng, ledger = self.ctx, self.rng, self.ledger
        day = self.start + rng.randint(2, 6)
        shared_email = fields.email(ctx, rng, self.controller)
        for worker in self.workers:
            at_clinic = rng.random() < 0.75
            phone_choice = rng.random()
            number = (
                self.ad_phone
                if phone_choice < 0.35
                else self.foreign_phone
                if phone_choice < 0.5
                else kit.phone(ctx)
            )
            device = self.device if rng.random() < 0.7 else worker.device
            worker.record = kit.customer(
                ctx,
                ledger,
                rng,
                worker.person,
                onboarded_at=kit.clock(ctx, rng, day + rng.randint(0, 8), kit.OFFICE),
                phone_number=number,
                address=self.clinic if at_clinic else ctx.address(rng, self.town),
                device=device,
                email=shared_email if rng.random() < 0.2 else "",
                job=rng.choice(["rengøringsassistent", "frisør", "ledig", "studerende"]),
                recent_arrival=True,
            )
            if at_clinic:
                ledger.flag(worker.record, "KYC-ADDRESS-AT-WORKPLACE")
            if number in (self.ad_phone, self.foreign_phone):
                ledger.flag(worker.record, "KYC-THIRD-PARTY-ONBOARDING")
        records = [w.record for w in self.workers]
        if not customers_sharing_identifiers([*records, self.collection]):
            for record in records:  # the controller onboarded them all from his phone
                record["device_id"] = self.device
        on_device = [r for r in records if r["device_id"] == self.device]
        for record in on_device:
            ledger.flag(record, "RCS-SURV-ACCOUNT-CONTROL", "KYC-DOC-HANDLING")
            if len(on_device) >= 3:
                ledger.flag(record, "KYC-BATCH-ONBOARDING", "KYC-THIRD-PARTY-ONBOARDING")
        for worker in self.workers:
            for entity_kind, value in (
                ("customer", worker.record["customer_id"]),
                ("account", worker.record["account_id"]),
                ("handle", worker.handle),
                *(("persona", p) for p in worker.personas),
            ):
                ledger.member(entity_kind, value, "victim")

    # -- recruitment and control ------------------------------------------------------------------
    def _recruitment(self) -> None:
        ctx, rng, ledger = self.ctx, self.rng, self.ledger
        languages = [*sorted({w.language for w in self.workers}), "en"]
        for language in dict.fromkeys(languages):
            for _ in range(rng.choice([1, 1, 2])):
                shown = rng.choice([f"@{self.recruiter}", f"t.me/{self.recruiter}"])
                phone_shown = text.show_phone(rng, self.foreign_phone)
                money = money_slots(rng, language)  # drawn in the same order as before
                written = text.write(
                    rng,
                    "recruitment",
                    "post",
                    language,
                    handle=shown,
                    phone_shown=phone_shown,
                    **money,
                )
                kit.ad(
                    ctx,
                    ledger,
                    posted_at=kit.clock(ctx, rng, self.start - rng.randint(15, 30), kit.WAKING),
                    site=rng.choice(["telegram", "telegram", "facebook", "vk"]),
                    written=written,
                    contact=f"handle:{self.recruiter}",
                    city=self.town.name,  # every ad names a town (the background's rule)
                    phone_number=self.foreign_phone if rng.random() < 0.4 else None,
                    handle=shown if rng.random() < 0.5 else None,
                    indicators=too_good_pay(money["earn"], money["currency"]),
                )
        for worker in self.workers:
            thread = kit.Thread(ctx, ledger, "telegram")
            day = self.start - rng.randint(8, 14)
            lang, money = worker.language, money_slots(rng, worker.language)
            steps = [
                (worker.handle, text.write(rng, "recruitment", "worker_first", lang)),
                (self.recruiter, text.write(rng, "recruitment", "pitch", lang, **money)),
                (self.recruiter, text.write(rng, "recruitment", "passport_request", lang)),
                (worker.handle, text.write(rng, "recruitment", "worker_reply", lang)),
                (self.recruiter, text.write(rng, "recruitment", "debt_intro", lang, **money)),
            ]
            ts = kit.clock(ctx, rng, day, kit.WAKING)
            pay = too_good_pay(money["earn"], money["currency"])  # the pitch states the wage
            for sender, written in steps:
                other = self.recruiter if sender == worker.handle else worker.handle
                thread.say(sender, other, ts, written, pay if steps[1][1] is written else [])
                ts = kit.later(rng, ts, 0.1, 20)

    def _control_chats(self) -> None:
        ctx, rng, ledger = self.ctx, self.rng, self.ledger
        groups = [
            "rules_threats",
            "location",
            "checkin_photo",
            "debt_quota",
            "passport_retained",
            "cameras",
            "money",
        ]
        # Check-in follow-ups and image blackmail come from their own stream, so that every
        # other draw of the instance stays as it was.
        extra = ctx.rng(self.key, "control_extra")
        for worker in self.workers:
            thread = kit.Thread(ctx, ledger, "telegram")
            money = money_slots(rng, worker.language)
            chosen = ["rules_threats", "debt_quota", *rng.sample(groups, rng.randint(2, 5))]
            days = sorted(rng.choices(range(self.start + 1, self.end), k=len(chosen)))
            for group, day in zip(chosen, days, strict=True):
                ts = kit.clock(ctx, rng, day, kit.WAKING)
                written = text.write(rng, "recruitment", group, worker.language, **money)
                thread.say(self.boss, worker.handle, ts, written, [REMOTE])
                if rng.random() < 0.7:
                    reply = text.write(rng, "recruitment", "worker_reply", worker.language)
                    thread.say(worker.handle, self.boss, kit.later(rng, ts, 0.01, 0.5), reply)
                if group == "checkin_photo":  # the demand is repeated the same day
                    for _ in range(extra.randint(1, 3)):
                        ts = kit.later(extra, ts, 0.5, 3)
                        again = text.write(extra, "recruitment", "checkin_again", worker.language)
                        thread.say(self.boss, worker.handle, ts, again, [REMOTE])
            if extra.random() < 0.5:  # videos filmed at the clinic, held over her
                day = extra.randrange(self.start + 1, self.end)
                threat = text.write(extra, "recruitment", "blackmail", worker.language)
                when = kit.clock(ctx, extra, day, kit.WAKING)
                thread.say(self.boss, worker.handle, when, threat, [REMOTE])
            worker.chat = thread

    # -- ads --------------------------------------------------------------------------------------
    def _ads(self) -> None:
        ctx, rng, ledger = self.ctx, self.rng, self.ledger
        others = [self.ctx.city(rng).name for _ in range(8)]
        rotation = list(dict.fromkeys([self.town.name, *others]))[: rng.randint(3, 5)]
        site_choice = rng.sample(kit.sites("sex_ads"), rng.randint(2, 4))
        mail = fields.email(ctx, rng, self.controller)
        third_share = rng.uniform(0.6, 1.0)
        stock = [f"{self.key}/stock{j}" for j in range(rng.randint(1, 2))]
        plan: list[tuple[int, str, Worker, str, list[str]]] = []
        for worker in self.workers:
            for persona in worker.personas:
                day, k = self.start + rng.randint(1, 4), rng.randrange(len(rotation))
                while day < self.end:
                    bases = [f"{self.key}/{persona}"]
                    if rng.random() < 0.5:
                        bases.append(rng.choice(stock))
                    plan.append((day, persona, worker, rotation[k % len(rotation)], bases))
                    k += 1
                    day += rng.randint(4, 9)
        uses = Counter(base for *_, bases in plan for base in bases)
        refs: dict[str, Iterator[str]] = {
            b: iter(self.images.variants(b, n)) for b, n in uses.items()
        }
        for day, persona, worker, city, bases in plan:
            language = "da" if rng.random() < 0.7 else "en"
            group = "third_person" if rng.random() < third_share else "first_person"
            obscured = rng.random() < 0.15
            shown = (
                text.obfuscate_phone(rng, self.ad_phone, language)
                if obscured
                else text.show_phone(rng, self.ad_phone)
            )
            price = rng.choice(self.menus[worker.kinds[persona]])
            price = self.ad_prices.get(price, price)
            written = text.write(
                rng,
                "sex_ads",
                group,
                language,
                persona=persona,
                age=ctx.start.year - worker.person.birth_date.year - rng.randint(0, 2),
                city=city,
                phone=shown,
                price=price,
            )
            spoken = kit.spoken(worker.person.nationality, worker.language)
            flags = ["BEH-OBSCURED-PHONE"] if obscured else []
            if self.ad_prices:
                flags.append("BEH-LOW-PRICE")
            if language == "da":
                flags.append("BEH-AD-LANG-MISMATCH")
            images = [next(refs[b]) for b in bases]
            kit.ad(
                ctx,
                ledger,
                posted_at=kit.clock(ctx, rng, day, kit.WAKING),
                site=rng.choice(site_choice),
                written=written,
                contact=f"phone:{self.ad_phone}",
                city=city,
                persona=persona,
                phone_number=None if obscured or rng.random() < 0.15 else self.ad_phone,
                email=mail if rng.random() < 0.15 else None,
                price=float(price),
                images=images,
                languages=spoken,
                indicators=flags,
            )
            kit.register_images(ledger, images, "victim")

    # -- money ------------------------------------------------------------------------------------
    def _buyers(self) -> list[kit.Holder]:
        ctx, rng, ledger = self.ctx, self.rng, self.ledger
        buyers = [
            kit.holder(
                ctx,
                ledger,
                rng,
                nationality=kit.resident_nationality(rng),
                sex="M",
                age=(21, 70),
                at_bank=rng.random() < 0.4,
                role="customer",
            )
            # one to two visits a day keep >= 20 distinct payers in any 30 days (Case 1: many)
            for _ in range(int((self.end - self.start) * rng.uniform(1.0, 1.8)))
        ]
        weights = [rng.uniform(1, 4) for _ in self.prices]
        payments = []
        for buyer in buyers:
            for _ in range(1 if rng.random() < 0.82 else rng.randint(2, 3)):
                day = rng.randrange(self.start + 1, self.end)
                hours = kit.EVENING_NIGHT if rng.random() < 0.85 else kit.AFTERNOON
                amount = rng.choices(self.prices, weights)[0]
                if rng.random() < 0.1:
                    amount = rng.choice([400, 900, 1100, 1300, 2500, 3000])
                note = kit.memo(rng, "buyer")
                payments.append(
                    kit.pay(
                        ctx,
                        ledger,
                        ts=kit.clock(ctx, rng, day, hours),
                        payer=buyer.account,
                        payee=self.collection["account_id"],
                        amount=amount,
                        channel="p2p",
                        memo_text=note,
                        # RCS-EARNINGS-CONTROL is read in field notes, not payments
                    )
                )
        # FIN-PAYMENT-MEMO-CUES (buyers' notes such as "massage" or a rose) is applied by the
        # ledger over everything the network was paid
        return buyers

    def _booking_chats(self, buyers: list[kit.Holder]) -> None:
        ctx, rng, ledger = self.ctx, self.rng, self.ledger
        personas = [p for w in self.workers for p in w.personas]
        for buyer in rng.sample(buyers, min(len(buyers), rng.randint(4, 10))):
            thread = kit.Thread(ctx, ledger, rng.choice(["sms", "whatsapp"]))
            language = "da" if buyer.person.nationality == "DK" else "en"
            persona = rng.choice(personas)
            slots: dict[str, Any] = {
                "persona": persona,
                "other": rng.choice([p for p in personas if p != persona] or [persona]),
                "hour": f"{rng.randint(18, 23)}:{rng.choice(['00', '30'])}",
                "price": rng.choice(self.prices),
            }
            ts = kit.clock(ctx, rng, rng.randrange(self.start + 1, self.end), kit.EVENING_NIGHT)
            ask = text.write(rng, "sex_ads", "ask", language, **slots)
            thread.say(str(buyer.phone), self.ad_phone, ts, ask)
            reply = text.write(rng, "sex_ads", "proxy_reply", language, **slots)
            thread.say(self.ad_phone, str(buyer.phone), kit.later(rng, ts, 0.02, 0.4), reply)

    def _worker_money(self) -> None:
        """Some buyers pay a woman directly; within hours it is swept to the controller."""
        ctx, rng, ledger = self.ctx, self.rng, self.ledger
        # One or two women buy no food of their own: the controller does (FIN-NO-OWN-LIVING-COSTS,
        # which the ledger applies by rule). Chosen on the instance's own stream; their everyday
        # spending is still drawn from the main stream, only not paid, so every draw stays.
        fed_rng = ctx.rng(self.key, "fed_by_controller")
        fed = {
            w.handle
            for w in fed_rng.sample(self.workers, k=min(len(self.workers), fed_rng.choice([1, 2])))
        }
        for worker in self.workers:
            account = worker.record["account_id"]
            day = self.start + rng.randint(2, 6)
            while day < self.end:
                received = []
                for _ in range(rng.randint(1, 3)):
                    payer = ctx.new_id("account")
                    ledger.member("account", payer, "customer")
                    received.append(
                        kit.pay(
                            ctx,
                            ledger,
                            ts=kit.clock(ctx, rng, day, kit.EVENING_NIGHT),
                            payer=payer,
                            payee=account,
                            amount=rng.choice(self.prices),
                            channel="p2p",
                            memo_text=kit.memo(rng, "buyer"),
                            indicators=["FIN-WORKER-SWEEP"],
                        )
                    )
                total = sum(p["amount"] for p in received)
                kit.pay(
                    ctx,
                    ledger,
                    ts=kit.later(rng, max(p["ts"] for p in received), 1, 10),
                    payer=account,
                    payee=self.collection["account_id"],
                    amount=total if rng.random() < 0.6 else total - rng.choice([50, 100, 200]),
                    channel="transfer",
                    memo_text=kit.memo(rng, "sweep"),
                    indicators=["FIN-WORKER-SWEEP"],
                )
                day += rng.randint(4, 9)
            city = self.town.name
            kit.everyday_spending(
                ctx,
                ledger,
                rng,
                account,
                city,
                (self.start, self.end),
                2,
                paid=worker.handle not in fed,
            )
        front = self.collection["account_id"]
        kit.everyday_spending(ctx, ledger, rng, front, self.town.name, (0, ctx.days), 3)

    def _hotels(self) -> None:
        """Some weeks the women are sent on tour: the collection account pays one-night hotel
        rooms in other towns, sometimes two rooms a night (FIN-HOTEL-SHORT-STAYS, which the
        ledger applies to every stay the account paid). Its own random stream keeps every
        other draw as it was."""
        ctx, ledger = self.ctx, self.ledger
        rng = ctx.rng(self.key, "hotels")
        chains = fields.chains("hotel")
        towns: list[str] = []
        for _ in range(50):  # two or three different towns on the tour
            town = ctx.city(rng).name
            if town not in towns:
                towns.append(town)
            if len(towns) >= 3 or (len(towns) == 2 and rng.random() < 0.5):
                break
        day = self.start + rng.randint(3, 10)
        while day < self.end - 1:
            town = rng.choice(towns)
            hotel = f"{rng.choice(chains)} {town}"
            for _ in range(2 if rng.random() < 0.3 else 1):
                kit.pay(
                    ctx,
                    ledger,
                    ts=kit.clock(ctx, rng, day + 1, (7.0, 12.0)),
                    payer=self.collection["account_id"],
                    payee=kit.merchant_account(ctx, hotel),
                    amount=fields.hotel_bill(rng, 1),
                    channel="card",
                    merchant=hotel,
                    category="hotel",
                    city=town,
                )
            day += rng.randint(2, 7)

    def _remote_logins(self) -> None:
        ctx, rng, ledger = self.ctx, self.rng, self.ledger
        controller_ip = kit.ip(rng, self.abroad)
        remote = ["BEH-REMOTE-CONTROL-LOGIN", "RCS-SURV-ACCOUNT-CONTROL", "BEH-SHARED-DEVICE"]
        for worker in self.workers:
            account = worker.record["account_id"]
            for day in range(self.start + 3, self.end):
                if rng.random() < 2.0 / 7:
                    kit.device_event(
                        ctx,
                        ledger,
                        account=account,
                        device=self.device,
                        ts=kit.clock(ctx, rng, day, kit.WAKING),
                        ip_address=controller_ip,
                        country=self.abroad,
                        indicators=remote,
                    )
            kit.logins(ctx, ledger, rng, account, worker.device, (self.start + 3, self.end), 0.6)
        for day in range(self.start, self.end):
            if rng.random() < 1.5 / 7:
                kit.device_event(
                    ctx,
                    ledger,
                    account=self.collection["account_id"],
                    device=self.device,
                    ts=kit.clock(ctx, rng, day, kit.WAKING),
                    ip_address=controller_ip,
                    country=self.abroad,
                    indicators=["BEH-SHARED-DEVICE"],
                )

    # -- the raid ----------------------------------------------------------------------------------
    def _wipe(self) -> None:
        """Within an hour of the raid: a last order, ads removed, chats cleared, device unlinked."""
        ctx, rng, ledger = self.ctx, self.rng, self.ledger
        raid = kit.clock(ctx, rng, self.end, (6.0, 9.0))
        wipe = ["BEH-COORDINATED-DELETION", "RCS-SURV-EVIDENCE-WIPE"]
        controller_ip = kit.ip(rng, self.abroad)
        events: list[tuple[str, str]] = [(self.ad_phone, "ad_removed")]
        events += [(self.boss, "chat_history_cleared")]
        for worker in self.workers:
            assert worker.chat is not None
            order = text.write(rng, "recruitment", "wipe", worker.language)
            worker.chat.say(self.boss, worker.handle, kit.later(rng, raid, 0, 0.3), order, [REMOTE])
            events += [(worker.handle, "chat_history_cleared")]
            events += [(worker.record["account_id"], "device_removed")]
        for ad_record in ledger.records("ad"):
            if ad_record["persona"]:
                ledger.flag(ad_record, "BEH-COORDINATED-DELETION")
        for account, event in events:
            kit.device_event(
                ctx,
                ledger,
                account=account,
                device=self.device,
                ts=kit.later(rng, raid, 0.05, 1.0),
                ip_address=controller_ip,
                country=self.abroad,
                event=event,
                indicators=wipe,
            )

    # -- the controller's card spending (issue #5; its own stream) ---------------------------------
    def _spending(self) -> None:
        numbers = [self.ad_phone, *(str(w.record["phone"]) for w in self.workers)]
        spending.controller_spending(
            self.ctx,
            self.ledger,
            self.ctx.rng(self.key, "controller_spending"),
            self.collection["account_id"],
            self.town.name,
            (self.start, self.end),
            [n for n in numbers if n],
            str(self.collection["address"] or ""),
        )
