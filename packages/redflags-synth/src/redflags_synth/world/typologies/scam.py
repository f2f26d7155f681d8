"""Recruitment into forced scam work in South-East Asia.

Posts offer well-paid customer-service, IT or "online marketing" jobs in Cambodia, Myanmar, Laos,
the Thai border or the Philippines, with flights, visa and housing paid and contact on Telegram.
A recruiter writes to candidates on a job site, Facebook or by e-mail, moves them to Telegram
within a few messages, asks for a passport photo the same day, presses for a quick answer and
asks for a "visa fee" paid to a Danish money-mule account, which then buys one-way tickets for
several candidates. Candidates who travel log in to their bank from the destination.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any, ClassVar

from redflags_synth.world import text
from redflags_synth.world.context import WorldContext
from redflags_synth.world.typologies import fields, kit
from redflags_synth.world.typologies.truth.financial_spending import tickets_for_others

# Destination -> how the post names it, per language (grammatical forms where the slot needs one).
_LANGUAGES = ("en", "da", "ru", "uk", "th", "ro")
DESTINATIONS = {
    code: dict(zip(_LANGUAGES, names.split("|"), strict=True))
    for code, names in {
        "KH": "Cambodia|Cambodja|Камбодже|Камбоджі|กัมพูชา|Cambodgia",
        "MM": "Myanmar|Myanmar|Мьянме|М'янмі|เมียวดี|Myanmar",
        "LA": "Laos|Laos|Лаосе|Лаосі|ลาว|Laos",
        "TH": "Mae Sot, Thailand|Mae Sot i Thailand|Таиланде|Таїланді|แม่สอด|Thailanda",
        "PH": "the Philippines|Filippinerne|Филиппинах|Філіппінах|ฟิลิปปินส์|Filipine",
    }.items()
}
# Who is targeted, and in which language they are written to.
CANDIDATES = [("DK", "da"), ("DK", "en"), ("UA", "uk"), ("UA", "ru"), ("TH", "th"), ("RO", "ro")]
AIRLINES = ["Qatar Airways", "Emirates", "Thai Airways", "Turkish Airlines"]


class ScamCompoundRecruitment:
    name: ClassVar[str] = "scam_compound_recruitment"
    positive: ClassVar[bool] = True
    hard_negative: ClassVar[bool] = False

    def generate(self, ctx: WorldContext, instance: int) -> None:
        rng = ctx.rng(self.name, instance)
        country = rng.choice(list(DESTINATIONS))
        places = DESTINATIONS[country]
        nid = ctx.network(
            self.name,
            positive=True,
            hard_negative=False,
            description=f"Scam-compound recruitment to {places['en']}: fake customer-service "
            "and IT jobs, Telegram, passport requests, visa fees to a mule account.",
        )
        ledger = kit.Ledger(ctx, nid)
        words = (["hr", "career", "jobs", "recruit"], ["asia", "global", "team", "work"])
        recruiters = [
            fields.handle(ctx, rng, rng.choice(words[0]), rng.choice(words[1]))
            for _ in range(rng.randint(1, 2))
        ]
        whatsapp = kit.phone(ctx, rng.choice(["KH", "TH", "PH", "VN"]))
        for handle in recruiters:
            ledger.member("handle", handle, "recruiter")
        ledger.member("phone", whatsapp, "recruiter")
        salary = rng.randrange(12, 35) * 100
        begin = rng.randint(min(10, ctx.days // 4), max(ctx.days // 4, ctx.days - 60))
        mule = kit.holder(
            ctx,
            ledger,
            rng,
            nationality="DK",
            sex=None,
            age=(19, 30),
            at_bank=True,
            role="recruiter",
        )
        audience = ctx.city(rng).name  # where the posts are aimed (their location tag)
        targets = rng.sample(CANDIDATES, rng.randint(2, len(CANDIDATES) - 1))
        for language in dict.fromkeys([lang for _, lang in targets] + ["en"]):
            for _ in range(rng.randint(1, 2)):
                handle = rng.choice(recruiters)
                written = text.write(
                    rng,
                    "scam",
                    "post",
                    language,
                    destination=places[language],
                    salary=salary + rng.choice([0, 0, 300, 500]),
                    handle=rng.choice([f"@{handle}", f"t.me/{handle}"]),
                    contact=text.show_phone(rng, whatsapp),
                )
                kit.ad(
                    ctx,
                    ledger,
                    posted_at=kit.clock(ctx, rng, begin + rng.randint(0, 20), kit.WAKING),
                    site=rng.choice(["facebook", "telegram", "instagram", *kit.sites("jobs")]),
                    written=written,
                    contact=f"handle:{handle}",
                    city=audience,
                    phone_number=whatsapp if rng.random() < 0.3 else None,
                )
        travellers = []
        for nationality, language in targets:
            candidate = kit.holder(
                ctx,
                ledger,
                rng,
                nationality=nationality,
                sex=None,
                age=(19, 35),
                at_bank=rng.random() < 0.7,
                role="victim",
                job=rng.choice(["ledig", "studerende", "kontorassistent", None]),
            )
            self._conversation(
                ctx, ledger, rng, candidate, language, recruiters, begin, salary, mule
            )
            # the mule's card buys the ticket of everyone who agrees to go, whether or not
            # they bank here (FIN-TRAVEL-FOR-OTHERS reads the mule's card)
            if rng.random() < 0.85:
                travellers.append(candidate)
        self._tickets(ctx, ledger, rng, mule, travellers, begin, country)
        ledger.close()

    def _conversation(
        self,
        ctx: WorldContext,
        ledger: kit.Ledger,
        rng: random.Random,
        candidate: kit.Holder,
        language: str,
        recruiters: list[str],
        begin: int,
        salary: int,
        mule: kit.Holder,
    ) -> None:
        handle = rng.choice(recruiters)
        person = candidate.person
        candidate_handle = fields.handle(ctx, rng, person.first_name, person.last_name)
        ledger.member("handle", candidate_handle, "victim")
        first_platform = rng.choice(["messenger", "email"])
        if first_platform == "email":
            sender = fields.business_email(
                ctx, rng, "hr", rng.choice(["asiacareers", "globaljobs"])
            )
            addressee = fields.email(ctx, rng, person)
        else:
            sender, addressee = handle, candidate_handle
        day = begin + rng.randint(2, 25)
        ts = kit.clock(ctx, rng, day, kit.WAKING)
        first = kit.Thread(ctx, ledger, first_platform)
        slots: dict[str, Any] = {
            "name": person.first_name,
            "salary": salary,
            "handle": f"@{handle}",
        }
        first.say(
            sender, addressee, ts, text.write(rng, "scam", "first_contact", language, **slots)
        )
        ts = kit.later(rng, ts, 0.2, 6)
        reply = text.write(rng, "scam", "candidate_reply", language, choice=0)
        first.say(addressee, sender, ts, reply)
        ts = kit.later(rng, ts, 0.05, 2)
        first.say(sender, addressee, ts, text.write(rng, "scam", "switch", language, **slots))
        chat = kit.Thread(ctx, ledger, "telegram")
        flight_day = kit.clock(ctx, rng, day + rng.randint(3, 10), kit.DAYTIME)
        fee = rng.choice([1500, 1850, 2200, 2500, 2950, 3400])
        more: dict[str, Any] = {
            "day": flight_day.strftime("%d.%m"),
            "fee": fee,
            "account": mule.account,
        }
        for group in ("passport_request", "urgency", "visa_fee"):
            ts = kit.later(rng, ts, 0.1, 8)
            chat.say(handle, candidate_handle, ts, text.write(rng, "scam", group, language, **more))
            ts = kit.later(rng, ts, 0.02, 3)
            index = rng.choice([1, 2, 3]) if group == "visa_fee" else rng.choice([1, 2])
            reply = text.write(rng, "scam", "candidate_reply", language, choice=index)
            chat.say(candidate_handle, handle, ts, reply)
        self._quota(ctx, chat, handle, candidate_handle, language, flight_day)
        if candidate.record:  # a customer here: the fee shows in the bank's data
            kit.pay(
                ctx,
                ledger,
                ts=kit.later(rng, ts, 0.5, 20),
                payer=candidate.account,
                payee=mule.account,
                amount=fee,
                channel=rng.choice(["transfer", "p2p"]),
                memo_text=kit.memo(rng, "fee"),
                # a one-off fee before any wage: not FIN-RECRUIT-FEES-DEDUCTIONS, whose rule
                # (recurring deductions from wages) is all that is implemented; its licence-
                # register half would catch this payment to an unlicensed recruiter
                indicators=["RCS-REC-FEES-DEBT"],
            )

    @staticmethod
    def _quota(
        ctx: WorldContext,
        chat: kit.Thread,
        boss: str,
        worker: str,
        language: str,
        arrived: datetime,
    ) -> None:
        """Half of those who went are later told their target and what missing it costs, on
        the same Telegram chat (the compound keeps the account). Own random stream."""
        rng = ctx.rng(ScamCompoundRecruitment.name, "quota", worker)
        if rng.random() >= 0.5:
            return
        ts = kit.later(rng, arrived, 24 * rng.randint(5, 20), 24 * rng.randint(21, 30))
        if ts >= ctx.start + timedelta(days=ctx.days):
            return
        chat.say(boss, worker, ts, text.write(rng, "scam", "quota", language))

    def _tickets(
        self,
        ctx: WorldContext,
        ledger: kit.Ledger,
        rng: random.Random,
        mule: kit.Holder,
        travellers: list[kit.Holder],
        begin: int,
        country: str,
    ) -> None:
        """The mule's card buys one-way tickets; the travellers later log in from abroad."""
        tickets = []
        for traveller in travellers:
            airline = rng.choice(AIRLINES)
            day = begin + rng.randint(10, 35)
            tickets.append(
                kit.pay(
                    ctx,
                    ledger,
                    ts=kit.clock(ctx, rng, day, kit.WAKING),
                    payer=mule.account,
                    payee=kit.merchant_account(ctx, airline),
                    amount=round(rng.uniform(3800, 7900), 2),
                    channel="card",
                    merchant=airline,
                    category="airline",
                    memo_text=f"{traveller.person.first_name} {traveller.person.last_name}".upper(),
                    city=ctx.city(rng).name,
                )
            )
            first_login = day + rng.randint(3, 8)
            if traveller.record is None:  # not a customer here: no logins the bank sees
                continue
            for later_day in range(first_login, min(ctx.days, day + 40), 4):
                kit.device_event(
                    ctx,
                    ledger,
                    account=traveller.account,
                    device=traveller.device,
                    ts=kit.clock(ctx, rng, later_day, kit.WAKING),
                    ip_address=kit.ip(rng, country),
                    country=country,
                )
        several = tickets_for_others(tickets)  # one card, several passengers' names
        for ticket in tickets:
            if ticket["txn_id"] in several:
                ledger.flag(ticket, "FIN-TRAVEL-FOR-OTHERS")
        kit.logins(ctx, ledger, rng, mule.account, mule.device, (begin, ctx.days), 1.0)
        home = ctx.city(rng).name
        for holder in [mule, *travellers]:
            kit.everyday_spending(ctx, ledger, rng, holder.account, home, (0, ctx.days), 3)
