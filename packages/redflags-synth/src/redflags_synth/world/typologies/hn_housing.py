"""Hard negatives for shared KYC identifiers: households and residences where unrelated or related
adults lawfully share an address, a landline or a device."""

from __future__ import annotations

import dataclasses
import random
from typing import Any, ClassVar

from redflags.catalogue.lists import default_list_path, load_allow_list
from redflags_synth.world import text
from redflags_synth.world.context import WorldContext
from redflags_synth.world.pools import Municipality, Person, municipalities
from redflags_synth.world.typologies import case_log, fields, kit

UNIVERSITY_TOWNS = ("København", "Aarhus", "Odense", "Aalborg", "Frederiksberg", "Roskilde")


def _town(name: str) -> Municipality:
    return next(m for m in municipalities() if m.name == name)


def _resident(
    ctx: WorldContext,
    ledger: kit.Ledger,
    rng: random.Random,
    person: Person,
    *,
    address: str,
    onboarded_day: int,
    phone_number: str | None,
    job: str | None,
    device: str | None = None,
    email: str | None = "",
) -> dict[str, Any]:
    record = kit.customer(
        ctx,
        ledger,
        rng,
        person,
        onboarded_at=kit.clock(ctx, rng, onboarded_day, kit.OFFICE),
        phone_number=phone_number,
        address=address,
        device=device,
        email=email,
        job=job,
    )
    ledger.member("customer", record["customer_id"], "benign")
    ledger.member("account", record["account_id"], "benign")
    return record


def _party(ctx: WorldContext, rng: random.Random, record: dict[str, Any]) -> kit.Party:
    handle = fields.handle(ctx, rng, record["first_name"], record["last_name"])
    return kit.Party(phone=record["phone"], handle=handle, email=record["email"])


def _day_of_birthday(ctx: WorldContext, person: Person, years: int) -> int:
    """World day on which the person turns `years` (accounts are opened at 18)."""
    when = person.birth_date.replace(year=person.birth_date.year + years)
    return (when - ctx.start.date()).days


def _chat(
    ctx: WorldContext,
    ledger: kit.Ledger,
    rng: random.Random,
    group: str,
    people: list[tuple[kit.Party, str]],  # (who, language)
    count: int,
    **slots: Any,
) -> None:
    thread = kit.Thread(ctx, ledger, rng.choice(["whatsapp", "sms", "telegram", "messenger"]))
    for _ in range(count):
        sender, language = rng.choice(people)
        recipient = rng.choice([p for p, _ in people if p != sender] or [sender])
        written = text.write(rng, "everyday", group, language, **slots)
        thread.say(
            sender, recipient, kit.clock(ctx, rng, rng.randrange(ctx.days), kit.WAKING), written
        )


class FamilySharedAddress:
    """Parents with different surnames, grown children, one address, one landline."""

    name: ClassVar[str] = "hn_family_shared_address"
    positive: ClassVar[bool] = False
    hard_negative: ClassVar[bool] = True

    def generate(self, ctx: WorldContext, instance: int) -> None:
        rng = ctx.rng(self.name, instance)
        town = ctx.city(rng)
        address = ctx.address(rng, town)
        nid = ctx.network(
            self.name,
            positive=False,
            hard_negative=True,
            description=f"A family in {town.name}: two surnames, one address, one landline.",
        )
        ledger = kit.Ledger(ctx, nid)
        landline = kit.phone(ctx)
        tablet = ctx.new_device()
        nationality = rng.choice(["DK", "DK", "DK", "PL", "TH", "DE"])
        mother = ctx.person(rng, nationality, "F", (42, 62))
        father = ctx.person(rng, "DK", "M", (42, 65))
        family_mail = fields.email(ctx, rng, father)
        people = [
            (mother, _day_of_birthday(ctx, mother, 18) + rng.randint(0, 3000)),
            (father, _day_of_birthday(ctx, father, 18) + rng.randint(0, 3000)),
        ]
        for _ in range(rng.randint(1, 4)):
            child = ctx.person(rng, "DK", None, (18, 26))
            child = dataclasses.replace(
                child, last_name=father.last_name, native_last=father.last_name
            )
            people.append((child, _day_of_birthday(ctx, child, 18) + rng.randint(0, 60)))
        records = []
        for index, (person, day) in enumerate(people):
            parent = index < 2
            records.append(
                _resident(
                    ctx,
                    ledger,
                    rng,
                    person,
                    address=address,
                    onboarded_day=min(day, -1),
                    phone_number=landline if index < 3 and rng.random() < 0.8 else kit.phone(ctx),
                    job=None,
                    device=tablet if parent and rng.random() < 0.5 else None,
                    email=family_mail if parent and rng.random() < 0.5 else "",
                )
            )
        ledger.member("phone", landline, "benign")
        parents, children = records[:2], records[2:]
        for day in range(3, ctx.days, 30):
            for kid in children:
                kit.pay(
                    ctx,
                    ledger,
                    ts=kit.clock(ctx, rng, day, kit.WAKING),
                    payer=rng.choice(parents)["account_id"],
                    payee=kid["account_id"],
                    amount=rng.choice([200, 300, 500, 1000, 1500]),
                    channel="p2p",
                    memo_text=rng.choice(["lommepenge", "husleje", None, "tak"]),
                )
            if rng.random() < 0.5:  # a loan, a gift, help with the car
                kit.pay(
                    ctx,
                    ledger,
                    ts=kit.clock(ctx, rng, day + rng.randint(0, 20), kit.WAKING),
                    payer=rng.choice(parents)["account_id"],
                    payee=rng.choice(records)["account_id"],
                    amount=rng.choice([1000, 2000, 2500, 5000, 10000]),
                    channel="transfer",
                    memo_text=rng.choice(["Lån", "Gave", "Til dig", "Bil", None]),
                )
        for record in records:
            kit.everyday_spending(
                ctx, ledger, rng, record["account_id"], town.name, (0, ctx.days), 3
            )
            kit.logins(
                ctx, ledger, rng, record["account_id"], record["device_id"], (0, ctx.days), 2
            )
        members = [(_party(ctx, rng, r), "da") for r in records]
        _chat(ctx, ledger, rng, "family_chat", members, rng.randint(4, 12))
        # FIN-DEBT-REMITTANCE look-alike: the family supports grandmother abroad, the mother
        # twice a month, the father and the grown children who have banked here for years once
        # a month; all long-standing customers. Own stream, drawn last (issue #5).
        own = ctx.rng(self.name, instance, "remittance")
        home = nationality if nationality != "DK" else own.choice(["SE", "DE", "ES", "PL"])
        grandmother = ctx.new_id("account")
        ledger.member("account", grandmother, "benign")
        senders = [(records[0], 2), (records[1], 1)] + [
            (record, 1)
            for record, (_, day) in zip(records[2:], people[2:], strict=True)
            if day < -365
        ]
        for day in range(own.randint(1, 6), ctx.days, 30):
            for record, times in senders:
                for _ in range(times):
                    kit.pay(
                        ctx,
                        ledger,
                        ts=kit.clock(
                            ctx, own, min(day + own.randint(0, 20), ctx.days - 1), kit.WAKING
                        ),
                        payer=record["account_id"],
                        payee=grandmother,
                        amount=own.randrange(3, 16) * 100,
                        channel="transfer",
                        memo_text=own.choice(["Mor", "Til mormor", None]),
                        country=home,
                    )
        _family_case_log(
            ctx, ctx.rng(self.name, instance, "kyc_case_log"), ledger, records, landline
        )
        ledger.close()


class StudentsSharedAddress:
    """Students sharing a flat: different surnames and nationalities, rent split by MobilePay."""

    name: ClassVar[str] = "hn_students_shared_address"
    positive: ClassVar[bool] = False
    hard_negative: ClassVar[bool] = True

    def generate(self, ctx: WorldContext, instance: int) -> None:
        rng = ctx.rng(self.name, instance)
        town = _town(rng.choice(UNIVERSITY_TOWNS))
        address = ctx.address(rng, town)
        nid = ctx.network(
            self.name,
            positive=False,
            hard_negative=True,
            description=f"Students sharing a flat in {town.name}.",
        )
        ledger = kit.Ledger(ctx, nid)
        term_start = rng.randint(-120, 60)
        records = []
        for _ in range(rng.randint(3, 4)):  # mostly a near miss of KYC-SHARED-IDENTIFIERS
            nationality = rng.choice(["DK"] * 5 + ["DE", "SE", "PL", "RO", "UA", "TH", "VN", "GB"])
            person = ctx.person(rng, nationality, None, (19, 27))
            # Danes have banked here since 18; newcomers open accounts at term start.
            day = (
                _day_of_birthday(ctx, person, 18) + rng.randint(0, 400)
                if nationality == "DK"
                else term_start + rng.randint(0, 25)
            )
            records.append(
                _resident(
                    ctx,
                    ledger,
                    rng,
                    person,
                    address=address,
                    onboarded_day=min(day, ctx.days - 1),
                    phone_number=kit.personal_phone(ctx, rng, nationality),
                    job="studerende",
                )
            )
        tenant = records[0]
        rent = rng.randrange(55, 90) * 50
        landlord = ctx.new_id("account")
        for day in range(0, ctx.days, 30):
            for flatmate in records[1:]:
                kit.pay(
                    ctx,
                    ledger,
                    ts=kit.clock(ctx, rng, day + rng.randint(0, 3), kit.WAKING),
                    payer=flatmate["account_id"],
                    payee=tenant["account_id"],
                    amount=rent / len(records)
                    if rng.random() < 0.5
                    else rng.randrange(25, 45) * 100,
                    channel="p2p",
                    memo_text=kit.memo(rng, "household"),
                )
            kit.pay(
                ctx,
                ledger,
                ts=kit.clock(ctx, rng, day + 1, kit.OFFICE),
                payer=tenant["account_id"],
                payee=landlord,
                amount=rent,
                channel="transfer",
                memo_text=kit.memo(rng, "rent", month=kit.month_da(ctx.at(day))),
            )
        for record in records:
            account = record["account_id"]
            kit.everyday_spending(ctx, ledger, rng, account, town.name, (0, ctx.days), 4)
            kit.logins(ctx, ledger, rng, account, record["device_id"], (0, ctx.days), 2)
        speakers = [
            (_party(ctx, rng, r), "da" if r["nationality"] == "DK" else "en") for r in records
        ]
        _chat(
            ctx,
            ledger,
            rng,
            "flat_chat",
            speakers,
            rng.randint(5, 15),
            amount=f"{rng.uniform(80, 400):.2f}",
        )
        if rng.random() < 0.5:  # a room is advertised when someone moves out
            written = text.write(
                rng,
                "everyday",
                "rental_ad",
                rng.choice(["da", "en"]),
                city=town.name,
                phone=text.show_phone(rng, str(tenant["phone"])),
                rent=rent // len(records),
                size=rng.randint(9, 18),
                month=rng.choice(["august", "september", "februar"]),
            )
            kit.ad(
                ctx,
                ledger,
                posted_at=kit.clock(ctx, rng, rng.randrange(ctx.days), kit.WAKING),
                site=rng.choice(kit.sites("classifieds")),
                written=written,
                contact=f"phone:{tenant['phone']}",
                city=town.name,
                phone_number=tenant["phone"] if rng.random() < 0.7 else None,
                price=float(rent // len(records)),
                images=[],
            )
        ledger.close()


class ShelterDormitory:
    """Residents of a shelter, student hall or care home on the address allow-list."""

    name: ClassVar[str] = "hn_shelter_dormitory"
    positive: ClassVar[bool] = False
    hard_negative: ClassVar[bool] = True

    def generate(self, ctx: WorldContext, instance: int) -> None:
        rng = ctx.rng(self.name, instance)
        entries = load_allow_list(default_list_path("address_allow_list")).entries
        entry = entries[instance % len(entries)]  # every listed kind of residence in turn
        nid = ctx.network(
            self.name,
            positive=False,
            hard_negative=True,
            description=f"Residents of an allow-listed {entry.kind}: {entry.address}.",
        )
        ledger = kit.Ledger(ctx, nid)
        ages = {"shelter": (20, 65), "dormitory": (19, 27), "care_home": (75, 95)}.get(
            entry.kind, (20, 70)
        )
        nationalities = ["DK"] * 6 + ["UA", "RO", "PL", "NG", "SY", "SO", "TH", "DE"]
        town = entry.address.rsplit(" ", 1)[-1]
        intake = rng.randint(-60, 40)
        authority = kit.merchant_account(ctx, "Udbetaling Danmark")
        records = []
        for _ in range(rng.randint(5, 12)):
            nationality = "DK" if entry.kind == "care_home" else rng.choice(nationalities)
            person = ctx.person(rng, nationality, None, ages)
            records.append(
                _resident(
                    ctx,
                    ledger,
                    rng,
                    person,
                    address=entry.address,
                    onboarded_day=intake + rng.randint(0, 45),
                    phone_number=kit.personal_phone(ctx, rng, nationality),
                    job={"dormitory": "studerende", "care_home": "pensionist"}.get(entry.kind),
                    email="" if entry.kind != "care_home" else None,
                )
            )
        for record in records:
            account = record["account_id"]
            for day in range(1, ctx.days, 30):
                kit.pay(
                    ctx,
                    ledger,
                    ts=kit.clock(ctx, rng, day, kit.OFFICE),
                    payer=authority,
                    payee=account,
                    amount=round(rng.uniform(6_000, 14_000), 2),
                    channel="transfer",
                    memo_text=rng.choice(["ydelse", "pension", "SU", "boligstøtte"]),
                )
            kit.everyday_spending(ctx, ledger, rng, account, town, (0, ctx.days), 3)
            kit.logins(ctx, ledger, rng, account, record["device_id"], (0, ctx.days), 1)
        staff_phone = kit.phone(ctx)
        for resident in [r for r in records if r["phone"]][: rng.randint(3, 8)]:
            ts = kit.clock(ctx, rng, rng.randrange(ctx.days), kit.OFFICE)
            body = text.write(rng, "everyday", "shelter_chat", "da")
            kit.Thread(ctx, ledger, "sms").say(staff_phone, str(resident["phone"]), ts, body)
        _shelter_case_log(ctx, ctx.rng(self.name, instance, "kyc_case_log"), ledger, records)
        ledger.close()


# -- the KYC case log (look-alikes of KYC-CONTACT-TAKEOVER and KYC-AVOID-FACE-TO-FACE) ------------


def _family_case_log(
    ctx: WorldContext,
    rng: random.Random,
    ledger: kit.Ledger,
    records: list[dict[str, Any]],
    landline: str,
) -> None:
    """One of the family moves to the landline the others are registered with (or did so in
    the window): a change to another customer's number, at home, two surnames - a household,
    not a takeover. The father passes a video-ID. Own random stream, drawn last."""
    own = [r for r in records if r["phone"] != landline]
    member = rng.choice(own or records)
    old = member["phone"] if member["phone"] != landline else kit.phone(ctx)
    day = max((member["onboarded_at"] - ctx.start).days + 1, rng.randrange(ctx.days))
    case_log.kyc_event(
        ctx,
        ledger,
        customer_id=member["customer_id"],
        ts=kit.clock(ctx, rng, min(day, ctx.days - 1), kit.WAKING),
        event="detail_change",
        field="phone",
        old_value=old,
        new_value=landline,
        channel=rng.choice(["app", "web", "branch"]),
    )
    member["phone"] = landline
    case_log.kyc_event(
        ctx,
        ledger,
        customer_id=records[1]["customer_id"],
        ts=kit.clock(ctx, rng, rng.randrange(ctx.days), kit.WAKING),
        event="video_id_passed",
        channel="video",
    )


def _shelter_case_log(
    ctx: WorldContext, rng: random.Random, ledger: kit.Ledger, records: list[dict[str, Any]]
) -> None:
    """A social worker helps residents through identification: video-ID fails twice (no
    smartphone), she calls for them, a first meeting is declined, then they meet staff in the
    branch with her; another resident refuses video and comes to the branch. Failures and
    a third party, but the customer is identified in the end. Own random stream, drawn last."""
    worker = ctx.person(rng, "DK", "F", (28, 60))
    helper = f"{worker.first_name} {worker.last_name}"
    chosen = rng.sample(records, min(len(records), rng.randint(2, 3)))
    for index, record in enumerate(chosen):
        day = min(max((record["onboarded_at"] - ctx.start).days + 1, 0), ctx.days - 25)
        ts = kit.clock(ctx, rng, day + rng.randrange(10), kit.OFFICE)
        customer_id = record["customer_id"]
        if index == len(chosen) - 1:
            case_log.kyc_event(
                ctx,
                ledger,
                customer_id=customer_id,
                ts=ts,
                event="video_id_refused",
                channel="video",
                note=case_log.NOTES["refused"],
            )
        else:
            steps = [
                ("video_id_failed", "video", None, case_log.NOTES["no_smartphone"]),
                ("video_id_failed", "video", None, None),
                ("contact_via_third_party", "phone", helper, case_log.NOTES["on_behalf"]),
                ("meeting_declined", "phone", helper, None),
            ]
            for event, channel, actor, note in steps:
                case_log.kyc_event(
                    ctx,
                    ledger,
                    customer_id=customer_id,
                    ts=ts,
                    event=event,
                    channel=channel,
                    actor=actor,
                    note=note,
                )
                ts = kit.later(rng, ts, 2, 48)
        case_log.kyc_event(
            ctx,
            ledger,
            customer_id=customer_id,
            ts=kit.later(rng, ts, 24, 240),
            event="meeting_held",
            channel="branch",
            actor=helper if index < len(chosen) - 1 else None,
        )
