"""Labour exploitation: workers recruited abroad for cleaning, farm work, construction or
restaurant kitchens in Denmark.

A gangmaster posts jobs with paid travel and housing on Facebook and Telegram with WhatsApp or
Viber contact, charges a registration fee, asks for passport and bank-card photos, opens the
workers' bank accounts in one sitting from his own phone with the workplace as their address,
keeps their passports, and takes their wages: paid into his account for several workers at once,
or paid to them and sent back within days. His phone logs in to their bank apps.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from redflags_synth.world import field_notes, text
from redflags_synth.world.context import WorldContext
from redflags_synth.world.pools import Person
from redflags_synth.world.typologies import case_log, inspection, kit
from redflags_synth.world.typologies.sexual import language_of

ORIGINS = ["RO", "BG", "UA", "PL", "LT", "VN", "TH", "PH"]
INSPECTED = 0.6  # share of the workplaces the municipality inspects in the window
# Where the travel debt is paid home by bank transfer (FIN-DEBT-REMITTANCE): the European
# origins, whose transfers lawful seasonal workers from the same countries also send.
REMITTANCE_ORIGINS = ("RO", "BG", "UA", "PL", "LT")
# Sector -> (the employer's trade, the workers' occupation), from the background's lists.
TRADES = {
    "cleaning": ("rengøringsfirma", "rengøringsassistent"),
    "agriculture": ("landbrug", "landbrugsmedhjælper"),
    "construction": ("tømrerfirma", "lagermedarbejder"),
    "restaurants": ("restaurant", "kok"),
}


@dataclass
class Recruit:
    person: Person
    language: str
    phone: str
    device: str
    record: dict[str, Any] = field(default_factory=dict)
    chat: kit.Thread | None = None


class LabourExploitation:
    name: ClassVar[str] = "labour_exploitation"
    positive: ClassVar[bool] = True
    hard_negative: ClassVar[bool] = False

    def generate(self, ctx: WorldContext, instance: int) -> None:
        _Labour(ctx, ctx.rng(self.name, instance), f"{self.name}/{instance}").build()


class _Labour:
    def __init__(self, ctx: WorldContext, rng: random.Random, key: str = "labour") -> None:
        self.ctx, self.rng, self.key = ctx, rng, key
        self.sector = rng.choice(["cleaning", "agriculture", "construction", "restaurants"])
        self.sector_info = text.load("labour")["sectors"][self.sector]
        self.origins = rng.sample(ORIGINS, k=rng.choice([1, 1, 2]))
        self.town = ctx.city(rng)
        self.workplace = ctx.address(rng, self.town)
        self.housing = self.workplace if rng.random() < 0.6 else ctx.address(rng, self.town)
        self.start = rng.randint(20, 35)  # arrival
        self.agent = ctx.person(rng, self.origins[0], "M", (28, 60))
        self.agent_phone = kit.phone(ctx, self.origins[0] if rng.random() < 0.5 else "DK")
        self.agent_device = ctx.new_device()
        self.pooled = rng.random() < 0.5  # wages into the agent's account, else kicked back
        nid = ctx.network(
            LabourExploitation.name,
            positive=True,
            hard_negative=False,
            description=(
                f"Labour exploitation in {self.sector} in {self.town.name}: workers from "
                f"{', '.join(self.origins)}; recruitment fee and debt; wages "
                f"{'pooled in the agent account' if self.pooled else 'sent back to the agent'}."
            ),
        )
        self.ledger = kit.Ledger(ctx, nid)
        self.recruits: list[Recruit] = []

    def build(self) -> None:
        self._accounts()
        self._posts()
        self._chats()
        self._wages()
        self._logins()
        self._debt_remittances()
        self._circuit()
        self._kyc_case_log()
        self._inspection()
        self.ledger.close()

    def _inspection(self) -> None:
        """Most workplaces are inspected near the end of the window: the inspectors meet some
        of the workers, who give their own number or the agent's, and note what they see. Own
        random stream, drawn last."""
        rng = self.ctx.rng(self.key, "inspection")
        if rng.random() >= INSPECTED or not self.recruits:
            return
        met = [
            field_notes.met(
                r.person.first_name,
                r.person.last_name,
                r.person.nationality,
                r.phone if rng.random() < 0.6 else self.agent_phone,
                self.housing if rng.random() < 0.7 else None,
            )
            for r in self.recruits
        ]
        inspection.inspect(
            self.ctx,
            rng,
            self.ledger,
            day=self.ctx.days - rng.randint(5, 25),
            observer=field_notes.observer(rng),
            place=f"{TRADES[self.sector][0]} i {self.town.name}",
            place_address=self.workplace,
            boss=self.agent.first_name,
            workers=met,
        )

    def _kyc_case_log(self) -> None:
        """The bank's KYC case log: the workers were identified in a branch meeting at
        onboarding (the agent brought them); later he moves one or two of them to his own
        number (KYC-CONTACT-TAKEOVER) and speaks for them while they fail or refuse video-ID
        (KYC-AVOID-FACE-TO-FACE). Own random stream, drawn last; truth by rule in the ledger."""
        rng = self.ctx.rng(self.key, "kyc_case_log")
        records = [r.record for r in self.recruits]
        case_log.identified_at_onboarding(self.ctx, rng, self.ledger, records)
        speaker = f"{self.agent.first_name} {self.agent.last_name}"
        for record in case_log.taken_over(
            self.ctx, rng, self.ledger, records, self.agent_phone, speaker, rng.randint(1, 2)
        ):
            self.ledger.flag(record, "KYC-THIRD-PARTY-ONBOARDING")  # his number, as onboarded

    def _word(self, language: str) -> str:
        return str(self.sector_info["words"][language])

    def _concepts(self) -> list[str]:
        return ["sector"] if self.sector_info["job_ad_sector"] else []

    def _accounts(self) -> None:
        ctx, rng, ledger = self.ctx, self.rng, self.ledger
        owner = ctx.person(rng, "DK", None, (35, 65))
        self.employer = kit.customer(
            ctx,
            ledger,
            rng,
            owner,
            onboarded_at=kit.clock(ctx, rng, -rng.randrange(400, 4000), kit.OFFICE),
            phone_number=kit.phone(ctx),
            address=self.workplace,
            job=TRADES[self.sector][0],
            segment="business",
        )
        self.agent_record = kit.customer(
            ctx,
            ledger,
            rng,
            self.agent,
            onboarded_at=kit.clock(ctx, rng, -rng.randrange(100, 1500), kit.OFFICE),
            phone_number=self.agent_phone,
            address=ctx.address(rng),
            device=self.agent_device,
            job=rng.choice(["chauffør", "konsulent", "vognmand"]),
        )
        ledger.member("customer", self.employer["customer_id"], "controller")
        ledger.member("account", self.employer["account_id"], "controller")
        for entity_kind, value in (
            ("customer", self.agent_record["customer_id"]),
            ("account", self.agent_record["account_id"]),
            ("phone", self.agent_phone),
            ("device", self.agent_device),
        ):
            ledger.member(entity_kind, value, "recruiter")
        day = self.start + rng.randint(1, 5)
        for _ in range(rng.randint(4, 10)):
            nationality = rng.choice(self.origins)
            person = ctx.person(rng, nationality, "M" if rng.random() < 0.75 else "F", (19, 55))
            recruit = Recruit(
                person=person,
                language=language_of(rng, nationality),
                phone=kit.phone(ctx, nationality),
                device=ctx.new_device(),
            )
            by_agent = rng.random() < 0.8
            recruit.record = kit.customer(
                ctx,
                ledger,
                rng,
                person,
                onboarded_at=kit.clock(ctx, rng, day + rng.randint(0, 6), kit.OFFICE),
                phone_number=self.agent_phone if rng.random() < 0.3 else kit.phone(ctx),
                address=self.housing,
                device=self.agent_device if by_agent else recruit.device,
                email="" if rng.random() < 0.7 else None,
                job=TRADES[self.sector][1],
                recent_arrival=True,
            )
            self.recruits.append(recruit)
            ledger.member("customer", recruit.record["customer_id"], "victim")
            ledger.member("account", recruit.record["account_id"], "victim")
            ledger.member("phone", recruit.phone, "victim")
        by_agent_records = [
            r.record for r in self.recruits if r.record["device_id"] == self.agent_device
        ]
        if len(by_agent_records) < 3:  # the batch is the typology: at least three
            for recruit in self.recruits[:3]:
                recruit.record["device_id"] = self.agent_device
            by_agent_records = [
                r.record for r in self.recruits if r.record["device_id"] == self.agent_device
            ]
        for recruit in self.recruits:
            record = recruit.record
            if record["device_id"] == self.agent_device:
                ledger.flag(
                    record,
                    "KYC-BATCH-ONBOARDING",
                    "KYC-THIRD-PARTY-ONBOARDING",
                    "KYC-DOC-HANDLING",
                    "RCS-SURV-ACCOUNT-CONTROL",
                )
            if record["phone"] == self.agent_phone:
                ledger.flag(record, "KYC-THIRD-PARTY-ONBOARDING")
            if self.housing == self.workplace:
                ledger.flag(record, "KYC-ADDRESS-AT-WORKPLACE")

    def _posts(self) -> None:
        ctx, rng, ledger = self.ctx, self.rng, self.ledger
        languages = list(dict.fromkeys([r.language for r in self.recruits] + ["en"]))
        for language in [lang for lang in languages for _ in range(rng.randint(1, 3))]:
            shown = text.show_phone(rng, self.agent_phone)
            written = text.write(
                rng,
                "labour",
                "post",
                language,
                concepts=self._concepts(),
                sector_word=self._word(language),
                currency="EUR" if language != "th" else "THB",
                earn=rng.randrange(4, 9) * 250
                if language != "th"
                else rng.randrange(4, 9) * 10_000,
                fee=rng.randrange(2, 7) * 100 if language != "th" else rng.randrange(2, 7) * 5000,
                contact=shown,
            )
            kit.ad(
                ctx,
                ledger,
                posted_at=kit.clock(ctx, rng, self.start - rng.randint(12, 25), kit.WAKING),
                site=rng.choice(["facebook", "facebook", "telegram", "vk"]),
                written=written,
                contact=f"phone:{self.agent_phone}",
                city=self.town.name,
                phone_number=self.agent_phone if rng.random() < 0.6 else None,
            )

    def _chats(self) -> None:
        ctx, rng, ledger = self.ctx, self.rng, self.ledger
        platform = "whatsapp"  # phone-based, as the posts ask
        for recruit in self.recruits:
            lang = recruit.language
            slots: dict[str, Any] = {
                "sector_word": self._word(lang),
                "currency": "EUR" if lang != "th" else "THB",
                "earn": rng.randrange(4, 9) * 250,
                "fee": rng.randrange(2, 7) * 100,
            }
            recruit.chat = thread = kit.Thread(ctx, ledger, platform)
            ts = kit.clock(ctx, rng, self.start - rng.randint(8, 14), kit.WAKING)
            steps = [
                (False, text.write(rng, "labour", "worker_first", lang)),
                (
                    True,
                    text.write(rng, "labour", "pitch", lang, concepts=self._concepts(), **slots),
                ),
                (True, text.write(rng, "labour", "fee", lang, **slots)),
                (True, text.write(rng, "labour", "passport_request", lang)),
                (False, text.write(rng, "labour", "worker_reply", lang)),
            ]
            for from_agent, written in steps:
                self._say(thread, recruit, from_agent, ts, written)
                ts = kit.later(rng, ts, 0.1, 20)
            ts = kit.clock(ctx, rng, self.start + rng.randint(2, 8), kit.WAKING)
            self._say(thread, recruit, True, ts, text.write(rng, "labour", "passport_kept", lang))
            if rng.random() < 0.5:
                ts = kit.clock(ctx, rng, self.start + rng.randint(20, 50), kit.WAKING)
                self._say(thread, recruit, True, ts, text.write(rng, "labour", "threat", lang))

    def _say(
        self, thread: kit.Thread, recruit: Recruit, from_agent: bool, ts: datetime, body: text.Text
    ) -> None:
        agent, worker = self.agent_phone, recruit.phone
        thread.say(agent if from_agent else worker, worker if from_agent else agent, ts, body)

    def _wages(self) -> None:
        """Monthly wages; pooled in the agent's account or paid out and largely sent back."""
        ctx, rng, ledger = self.ctx, self.rng, self.ledger
        agent_account = self.agent_record["account_id"]
        fee_debt = {r.record["customer_id"]: rng.randrange(6, 16) * 500.0 for r in self.recruits}
        for payday in range(self.start + 25, ctx.days - 1, 30):
            kickbacks = []
            for recruit in self.recruits:
                record = recruit.record
                wage = round(rng.uniform(13_000, 22_000), 2)
                ts = kit.clock(ctx, rng, payday, kit.OFFICE)
                memo = f"løn {record['first_name']} {record['last_name']} {kit.month_da(ts)}"
                if self.pooled:
                    kit.pay(
                        ctx,
                        ledger,
                        ts=ts,
                        payer=self.employer["account_id"],
                        payee=agent_account,
                        amount=wage,
                        channel="transfer",
                        memo_text=memo,
                        indicators=["FIN-WAGES-POOLED"],
                    )
                    allowance = rng.randrange(6, 16) * 250
                    kit.pay(
                        ctx,
                        ledger,
                        ts=kit.later(rng, ts, 4, 60),
                        payer=agent_account,
                        payee=record["account_id"],
                        amount=allowance,
                        channel="p2p",
                        memo_text=None,
                    )
                    net = float(allowance)
                else:
                    kit.pay(
                        ctx,
                        ledger,
                        ts=ts,
                        payer=self.employer["account_id"],
                        payee=record["account_id"],
                        amount=wage,
                        channel="transfer",
                        memo_text=kit.memo(rng, "wage", month=kit.month_da(ts)),
                        indicators=["FIN-WAGES-POOLED"],
                    )
                    back = round(wage * rng.uniform(0.55, 0.8), -2)
                    kickbacks.append(
                        kit.pay(
                            ctx,
                            ledger,
                            ts=kit.later(rng, ts, 3, 60),
                            payer=record["account_id"],
                            payee=agent_account,
                            amount=back,
                            channel=rng.choice(["transfer", "p2p"]),
                            memo_text=kit.memo(rng, "fee"),
                            indicators=["FIN-WAGES-POOLED", "FIN-RECRUIT-FEES-DEDUCTIONS"],
                        )
                    )
                    net = wage - back
                debt = max(0.0, fee_debt[record["customer_id"]] - 1500)
                fee_debt[record["customer_id"]] = debt
                if recruit.chat is not None and rng.random() < 0.6:
                    lang = recruit.language
                    written = text.write(
                        rng,
                        "labour",
                        "deductions",
                        lang,
                        net=f"{net:.0f}",
                        debt=debt,
                        currency="DKK",
                        quota=rng.randrange(10, 14),
                    )
                    self._say(recruit.chat, recruit, True, kit.later(rng, ts, 1, 30), written)
            # FIN-FAN-IN-FROM-WORKERS (several new workers paying one agent month after month)
            # is applied by the ledger over the network's payments
        for recruit in self.recruits:
            account = recruit.record["account_id"]
            days = (self.start + 5, ctx.days)
            kit.everyday_spending(ctx, ledger, rng, account, self.town.name, days, 3)
        agent_account = self.agent_record["account_id"]
        kit.everyday_spending(ctx, ledger, rng, agent_account, self.town.name, (0, ctx.days), 3)

    def _debt_remittances(self) -> None:
        """The travel debt paid home in instalments: from their first wage, most workers send
        two transfers a month to one collector in the recruiting country (FIN-DEBT-REMITTANCE,
        applied by the ledger by its rule). Own random stream and drawn last, so nothing else
        in the instance changes."""
        ctx, ledger = self.ctx, self.ledger
        rng = ctx.rng(self.key, "debt_remittance")
        home = self.origins[0]
        if home not in REMITTANCE_ORIGINS or rng.random() < 0.25:
            # the debt comes out of the wages only, or (Asian recruitment) is collected through
            # informal channels the bank does not see
            return
        collector = ctx.new_id("account")
        ledger.member("account", collector, "recruiter")
        paying = [r for r in self.recruits if rng.random() < 0.85]
        if len(paying) < 3:
            paying = self.recruits[:3]
        for recruit in paying:
            instalment = rng.randrange(4, 13) * 100
            for payday in range(self.start + 26, ctx.days - 1, 30):
                for offset in (rng.randint(0, 3), rng.randint(12, 16)):
                    if payday + offset >= ctx.days or rng.random() < 0.1:
                        continue
                    kit.pay(
                        ctx,
                        ledger,
                        ts=kit.clock(ctx, rng, payday + offset, kit.WAKING),
                        payer=recruit.record["account_id"],
                        payee=collector,
                        amount=instalment,
                        channel="transfer",
                        memo_text=None,
                        country=home,
                    )

    def _circuit(self) -> None:
        """Farm and building crews are often driven from site to site: every fortnight the
        workers are taken to new towns and pay for food with their cards there (FIN-GEO-CIRCUIT,
        applied by the ledger by its rule). Farm crews always follow the harvest from farm to
        farm; building crews about 70 % of the time. Own random stream and drawn last, so nothing
        else in the instance changes; the stay-put draw is made for every crew, farm crews
        included, so the stream's later draws (the towns) are as before."""
        ctx, ledger = self.ctx, self.ledger
        rng = ctx.rng(self.key, "circuit")
        stays_put = rng.random() < 0.3
        if self.sector != "agriculture" and (self.sector != "construction" or stays_put):
            return
        used = {self.town.name}
        day = self.start + 5 + rng.randint(0, 10)
        while day + 14 <= ctx.days:
            towns: list[str] = []
            while len(towns) < rng.randint(3, 4):
                town = ctx.city(rng).name
                if town not in used:
                    used.add(town)
                    towns.append(town)
            stay = 14 // len(towns)
            for at, town in enumerate(towns):
                span = (day + at * stay, day + (at + 1) * stay)
                for recruit in self.recruits:
                    account = recruit.record["account_id"]
                    kit.everyday_spending(ctx, ledger, rng, account, town, span, 7)
            day += 14

    def _logins(self) -> None:
        ctx, rng, ledger = self.ctx, self.rng, self.ledger
        agent_ip = kit.ip(rng)
        for recruit in self.recruits:
            account = recruit.record["account_id"]
            for day in range(self.start + 5, ctx.days):
                if rng.random() < 1.0 / 7:
                    kit.device_event(
                        ctx,
                        ledger,
                        account=account,
                        device=self.agent_device,
                        ts=kit.clock(ctx, rng, day, kit.WAKING),
                        ip_address=agent_ip,
                        country="DK",
                        indicators=["BEH-SHARED-DEVICE", "RCS-SURV-ACCOUNT-CONTROL"],
                    )
            kit.logins(ctx, ledger, rng, account, recruit.device, (self.start + 5, ctx.days), 1.0)
        agent_account = self.agent_record["account_id"]
        shared = ["BEH-SHARED-DEVICE"]  # the same phone as on the workers' accounts
        kit.logins(ctx, ledger, rng, agent_account, self.agent_device, (0, ctx.days), 1.5, shared)
