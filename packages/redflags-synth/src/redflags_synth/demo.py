"""The bundled demo world: small, seeded, deterministic, and shaped like CMM's Case 1.

It holds one network like Case 1 (a Telegram job ad; a massage clinic in Jutland; one phone
fronting several women's ads; customers paying the controller's account by MobilePay in the
evening and at night; a controller who is never at the clinic) and benign look-alikes that must
NOT become cases: an independent sex worker with her own phone and payments, a sports club
receiving many small MobilePay payments, a family sharing an address and a landline, shelter
residents, a massage clinic with one reception phone for three therapists, ordinary job ads and
a background of ordinary customers. `truth/truth.json` says who is who.

Every name, number, account and address is invented; any match with a real person is chance.
The files deliberately include three malformed rows, to show quarantine at work.
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

CPH = ZoneInfo("Europe/Copenhagen")
START = datetime(2026, 9, 1, tzinfo=CPH)
CLINIC_ADDRESS = "Industrivej 12, 7400 Herning"
SHELTER_ADDRESS = "Herbergsvej 3, 5000 Odense C"  # on the shipped address allow-list

DANISH_FIRST_M = [
    "Lars",
    "Jens",
    "Peter",
    "Michael",
    "Søren",
    "Henrik",
    "Thomas",
    "Martin",
    "Anders",
    "Rasmus",
    "Mads",
    "Jesper",
    "Niels",
    "Kasper",
    "Frederik",
    "Mikkel",
]
DANISH_FIRST_F = [
    "Mette",
    "Anne",
    "Camilla",
    "Louise",
    "Sofie",
    "Line",
    "Julie",
    "Maria",
    "Karen",
    "Ida",
    "Emma",
    "Freja",
]
DANISH_LAST = [
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Poulsen",
    "Johansen",
    "Knudsen",
    "Mortensen",
    "Møller",
]
CITIES = [
    "København",
    "Aarhus",
    "Odense",
    "Aalborg",
    "Esbjerg",
    "Randers",
    "Kolding",
    "Horsens",
    "Vejle",
    "Roskilde",
    "Herning",
    "Silkeborg",
]
STREETS = [
    "Vestergade",
    "Østergade",
    "Nørregade",
    "Søndergade",
    "Skolevej",
    "Kirkevej",
    "Birkevej",
    "Egevej",
    "Lindevej",
    "Bakkevej",
    "Engvej",
    "Parkvej",
]


@dataclass
class DemoWorld:
    ads: list[dict[str, Any]] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    transactions: list[dict[str, Any]] = field(default_factory=list)
    customers: list[dict[str, Any]] = field(default_factory=list)
    device_events: list[dict[str, Any]] = field(default_factory=list)
    kyc_events: list[dict[str, Any]] = field(default_factory=list)
    truth: dict[str, Any] = field(default_factory=dict)


class _Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.world = DemoWorld(truth={"networks": [], "seed": seed})
        self._phones: set[str] = set()
        self._accounts: set[str] = set()
        self._counter = {"ad": 0, "msg": 0, "txn": 0, "cust": 0, "dev": 0, "kyc": 0}

    # -- identifiers ------------------------------------------------------------------------
    def phone(self, country: str = "45") -> str:
        while True:
            if country == "45":
                number = f"+45{self.rng.choice('2345')}{self.rng.randrange(10**7):07d}"
            else:
                number = f"+40 7{self.rng.randrange(10**8):08d}"
            if number not in self._phones:
                self._phones.add(number)
                return number

    def account(self) -> str:
        while True:
            number = f"{self.rng.randrange(1000, 9999)}-{self.rng.randrange(10**9, 10**10)}"
            if number not in self._accounts:
                self._accounts.add(number)
                return number

    def next_id(self, kind: str, prefix: str) -> str:
        self._counter[kind] += 1
        return f"{prefix}{self._counter[kind]:05d}"

    def street_address(self, city: str) -> str:
        postcode = 1000 + self.rng.randrange(8900)
        return f"{self.rng.choice(STREETS)} {self.rng.randrange(1, 120)}, {postcode} {city}"

    def at(self, day: float, hour: float) -> datetime:
        """Local Copenhagen time on whole day `day` after START, at `hour` (fractions = minutes)."""
        return START + timedelta(days=int(day), hours=hour)

    # -- record makers ----------------------------------------------------------------------
    def customer(self, first: str, last: str, **fields: Any) -> dict[str, Any]:
        record = {
            "customer_id": self.next_id("cust", "K"),
            "account_id": self.account(),
            "first_name": first,
            "last_name": last,
            "birth_date": date(
                self.rng.randrange(1960, 2003), self.rng.randrange(1, 13), self.rng.randrange(1, 28)
            ).isoformat(),
            "nationality": "DK",
            "phone": self.phone(),
            "email": f"{first.lower()}.{last.lower()}{self.rng.randrange(10, 99)}@mail.example",
            "address": self.street_address(self.rng.choice(CITIES)),
            "onboarded_at": self.at(-self.rng.randrange(60, 2000), 10).isoformat(),
            "device_id": f"dev-{self.rng.randrange(16**10):010x}",
            "occupation": "employee",
            "declared_income": float(self.rng.randrange(240, 720) * 1000),
            "segment": "private",
        }
        record.update(fields)
        self.world.customers.append(record)
        return record

    def pay(
        self,
        payer: str,
        payee: str,
        amount: float,
        ts: datetime,
        channel: str = "p2p",
        memo: str = "",
        merchant: str = "",
        category: str = "",
    ) -> None:
        self.world.transactions.append(
            {
                "txn_id": self.next_id("txn", "T"),
                "ts": ts,
                "payer": payer,
                "payee": payee,
                "amount": amount,
                "currency": "DKK",
                "channel": channel,
                "merchant": merchant,
                "merchant_category": category,
                "memo": memo,
            }
        )

    def ad(self, **fields: Any) -> dict[str, Any]:
        record: dict[str, Any] = {
            "ad_id": self.next_id("ad", "A"),
            "site": "",
            "city": "",
            "persona": "",
            "title": "",
            "body": "",
            "phone": "",
            "email": "",
            "handle": "",
            "price": None,
            "currency": "DKK",
            "image_refs": [],
            "languages": [],
        }
        record.update(fields)
        self.world.ads.append(record)
        return record

    def message(
        self,
        sender: str,
        recipient: str,
        ts: datetime,
        text: str,
        thread: str,
        platform: str = "telegram",
    ) -> None:
        self.world.messages.append(
            {
                "message_id": self.next_id("msg", "M"),
                "thread_id": thread,
                "sender": sender,
                "recipient": recipient,
                "sent_at": ts.isoformat(),
                "platform": platform,
                "text": text,
            }
        )

    def device_event(
        self, account: str, device: str, ip: str, ts: datetime, event: str, country: str
    ) -> None:
        self.world.device_events.append(
            {
                "event_id": self.next_id("dev", "E"),
                "account": account,
                "device_id": device,
                "ip": ip,
                "ts": ts.isoformat(),
                "event": event,
                "country": country,
            }
        )

    def evening_or_night(self, day: float) -> datetime:
        hour = self.rng.choice([18, 19, 20, 21, 22, 23, 0, 1]) + self.rng.uniform(0, 0.9)
        return self.at(day + (1 if hour < 6 else 0), hour)

    def record_network(
        self,
        name: str,
        typology: str,
        members: dict[str, str],
        records: list[str],
        expected: list[str],
        case: bool,
    ) -> None:
        self.world.truth["networks"].append(
            {
                "name": name,
                "typology": typology,
                "members": members,
                "records": records,
                "expected_indicators": expected,
                "should_be_case": case,
            }
        )


def _case1(b: _Builder) -> None:
    """Nordlys: Telegram recruitment, a massage clinic in Herning, a controller abroad."""
    rng = b.rng
    ctrl_phone = b.phone()
    local = ctrl_phone[3:]
    spaced = " ".join(local[i : i + 2] for i in range(0, 8, 2))
    controller = b.customer(
        "Andrei",
        "Munteanu",
        nationality="RO",
        phone=ctrl_phone,
        address="Strada Florilor 14, 900001 Constanța, Romania",
        occupation="consultant",
        declared_income=180000.0,
        email="a.munteanu.consult@mail.example",
        onboarded_at=b.at(-200, 11).isoformat(),
    )
    ctrl_device = "dev-7f3a9c21e0"
    workers = [
        ("Svetlana", "Ivanenko", "UA", "Bella"),
        ("Elena", "Dumitrescu", "RO", "Anna"),
        ("Mariya", "Petrova", "BG", "Lina"),
        ("Irina", "Kovalchuk", "UA", "Sofia"),
    ]
    worker_records = []
    for index, (first, last, nationality, _) in enumerate(workers):
        worker_records.append(
            b.customer(
                first,
                last,
                nationality=nationality,
                address=CLINIC_ADDRESS,
                phone=ctrl_phone if index < 3 else b.phone(),
                device_id=ctrl_device,
                email=f"{first.lower()}{rng.randrange(100, 999)}@mail.example",
                occupation="massage therapist",
                declared_income=96000.0,
                birth_date=date(1990 + 2 * index, 3 + index, 11).isoformat(),
                onboarded_at=b.at(-40 + 3 * index, 13).isoformat(),
            )
        )

    # The recruitment posts in Telegram channels (Romanian, Bulgarian, English).
    recruitment = [
        (
            "Ofertă de muncă în Danemarca",
            "Salon de masaj caută fete serioase. Câștig 3000 EUR "
            "pe lună, cazare asigurată, biletul plătit. Scrie doar pe Telegram @nordlys_jobs sau "
            f"WhatsApp {ctrl_phone}.",
        ),
        (
            "Работа в Дания",
            "Масажен салон търси момичета. Заплата 3000 евро на месец, "
            "квартира и билет. Пишете само в Telegram @nordlys_jobs.",
        ),
        (
            "Work in Denmark",
            "Massage salon hiring girls, no experience needed. Earn 3000 EUR "
            "per month, housing included. Contact only on Telegram t.me/nordlys_jobs, no calls.",
        ),
    ]
    ads = []
    for day, (title, body) in zip((-45, -43, -41), recruitment, strict=True):
        ads.append(
            b.ad(
                site="telegram",
                posted_at=b.at(day, 9).isoformat(),
                title=title,
                body=body,
                handle="@nordlys_jobs",
            )
        )

    # Massage ads written by the controller: one phone, four personas, rotating cities.
    texts = [
        "Ny smuk pige {p} hos os i {c}. Hun tilbyder afslappende massage og meget mere. "
        "Ring eller send SMS på {ph}.",
        "{p} er ny i byen! Hun er sød, diskret og venter på dig. Vores piger giver den bedste "
        "service. Kontakt {ph}.",
        "Dejlige {p} – hun er 24 år og klar til dig i {c}. Vi tilbyder massage hele aftenen. "
        "Tlf {ph}.",
    ]
    personas = [w[3] for w in workers]
    cities = ["Herning", "Aarhus", "Vejle", "Odense"]
    for i in range(16):
        persona = personas[i % 4]
        city = cities[(i // 4 + i) % 4]
        shown = [spaced, ctrl_phone, local, f"{local[:4]} {local[4:]}"][i % 4]
        ads.append(
            b.ad(
                site=rng.choice(["massageguide.example", "escortlisten.example"]),
                posted_at=b.at(2 + 2 * i, rng.choice([10, 14, 16])).isoformat(),
                city=city,
                persona=persona,
                title=f"{persona} – ny massage i {city}",
                body=texts[i % 3].format(p=persona, c=city, ph=shown),
                phone=ctrl_phone if i % 3 == 0 else "",
                price=float(rng.choice([800, 1000, 1200])),
                image_refs=[f"img/nordlys_{persona.lower()}_{i % 2}.jpg"],
            )
        )

    # Telegram: recruitment pitch, then rules and threats (evidence for later detectors).
    pitch = (
        "Hello! Work in Denmark in a massage salon, you earn 3000 EUR per month. "
        "Only Telegram please, no calls."
    )
    msgs = [
        pitch,
        "Send me a photo of your passport so I can buy the ticket.",
        "Rules: you do not leave the clinic without permission. If you leave, you pay a "
        "fine of 5000 kr.",
        "Send your location now. Every evening a photo from the room.",
        "Remember your family at home. Do what I say.",
    ]
    for index, (first, _, _, _) in enumerate(workers):
        thread = f"tg-{first.lower()}"
        for step, text in enumerate(msgs if index == 0 else msgs[2:]):
            b.message(
                "nordlys_jobs",
                f"{first.lower()}_{index}",
                b.at(-39 + index + step, 20),
                text,
                thread,
            )

    # Buyers pay the controller by MobilePay, mostly once, in the evening and at night.
    buyers = [b.customer(rng.choice(DANISH_FIRST_M), rng.choice(DANISH_LAST)) for _ in range(30)]
    payments = [(buyer, 1) for buyer in buyers[:26]] + [(buyer, 2) for buyer in buyers[26:]]
    for buyer, times in payments:
        for _ in range(times):
            b.pay(
                buyer["account_id"],
                controller["account_id"],
                float(rng.choice([500, 800, 1000, 1000, 1200, 1500])),
                b.evening_or_night(rng.uniform(0, 28)),
                memo=rng.choice(["", "", "massage", "tak"]),
            )
    # The workers' own small earnings are swept to the controller within hours.
    for worker in worker_records:
        for week in range(4):
            day = 3 + 7 * week
            b.pay(b.account(), worker["account_id"], 900.0, b.at(day, 15))
            b.pay(worker["account_id"], controller["account_id"], 850.0, b.at(day, 19))
        # The controller logs in to the worker's bank app from abroad; chats are wiped at the raid.
        for day in (5, 12, 19):
            b.device_event(
                worker["account_id"], ctrl_device, "86.120.14.7", b.at(day, 22), "login", "RO"
            )
        b.device_event(
            worker["account_id"],
            ctrl_device,
            "86.120.14.7",
            b.at(33, 6.5),
            "chat_history_cleared",
            "RO",
        )

    b.record_network(
        "Nordlys massage clinic",
        "case1_sexual_exploitation",
        members={
            controller["customer_id"]: "controller",
            **{w["customer_id"]: "victim" for w in worker_records},
            **{x["customer_id"]: "customer" for x in buyers},
        },
        records=[f"ad:{a['ad_id']}" for a in ads]
        + [f"customer:{controller['customer_id']}"]
        + [f"customer:{w['customer_id']}" for w in worker_records],
        expected=[
            "BEH-CONTACT-PROXY",
            "FIN-BUYER-PAYS-THIRD-PARTY",
            "KYC-SHARED-IDENTIFIERS",
            "RCS-REC-MESSENGER-JOB-AD",
        ],
        case=True,
    )


def _independent_worker(b: _Builder) -> None:
    """Maja: her own phone, her own first-person ads, her own MobilePay."""
    rng = b.rng
    maja = b.customer(
        "Maja",
        "Holm",
        address="Istedgade 40, 1650 København V",
        occupation="self-employed",
        declared_income=300000.0,
    )
    ads = [
        b.ad(
            site="escortlisten.example",
            posted_at=b.at(3 + 4 * i, 12).isoformat(),
            city="København",
            persona="Maja",
            title="Maja – selvstændig massør",
            body=(
                "Hej, jeg er Maja, 31 år. Jeg arbejder selvstændigt og bestemmer selv mine "
                f"tider. Ring til mig på {maja['phone']}."
            ),
            phone=maja["phone"],
            price=1200.0,
        )
        for i in range(6)
    ]
    clients = [b.customer(rng.choice(DANISH_FIRST_M), rng.choice(DANISH_LAST)) for _ in range(25)]
    for client in clients:
        b.pay(
            client["account_id"],
            maja["account_id"],
            float(rng.choice([1000, 1200, 1500])),
            b.evening_or_night(rng.uniform(0, 28)),
        )
    b.record_network(
        "Independent sex worker",
        "hard_negative_independent_sex_worker",
        members={maja["customer_id"]: "benign"},
        records=[f"ad:{a['ad_id']}" for a in ads] + [f"customer:{maja['customer_id']}"],
        expected=["FIN-BUYER-PAYS-THIRD-PARTY"],
        case=False,
    )


def _sports_club(b: _Builder) -> None:
    """A club treasurer's private MobilePay: many small, recurring, daytime payments."""
    rng = b.rng
    treasurer = b.customer(
        "Lars", "Kristensen", address="Skolevej 3, 8260 Viby J", occupation="teacher"
    )
    members = [
        b.customer(rng.choice(DANISH_FIRST_M + DANISH_FIRST_F), rng.choice(DANISH_LAST))
        for _ in range(45)
    ]
    for month in range(2):
        for member in members:
            b.pay(
                member["account_id"],
                treasurer["account_id"],
                float(rng.choice([150, 300])),
                b.at(30 * month + rng.uniform(0, 5), rng.uniform(8, 17)),
                memo="kontingent håndbold",
            )
    b.record_network(
        "Viby IF handball",
        "hard_negative_sports_club",
        members={treasurer["customer_id"]: "benign"},
        records=[f"customer:{treasurer['customer_id']}"],
        expected=[],
        case=False,
    )


def _family(b: _Builder) -> None:
    """Five adults, two surnames, one address and one landline."""
    address = "Solsikkevej 8, 8260 Viby J"
    landline = b.phone()
    family = [
        ("Henrik", "Nielsen"),
        ("Karen", "Andersen"),
        ("Emma", "Nielsen"),
        ("Mads", "Nielsen"),
        ("Ida", "Andersen"),
    ]
    records = [
        b.customer(
            first,
            last,
            address=address,
            phone=landline if i < 3 else b.phone(),
            onboarded_at=b.at(-30 + i * 5, 10).isoformat(),
        )
        for i, (first, last) in enumerate(family)
    ]
    b.record_network(
        "Nielsen/Andersen family",
        "hard_negative_family",
        members={r["customer_id"]: "benign" for r in records},
        records=[f"customer:{r['customer_id']}" for r in records],
        expected=[],
        case=False,
    )


def _shelter(b: _Builder) -> None:
    """Residents of an allow-listed shelter, onboarded together with a caseworker's help."""
    residents = [
        ("Ahmed", "Hassan"),
        ("Olena", "Shevchenko"),
        ("Piotr", "Nowak"),
        ("Ana", "Popa"),
        ("Daniel", "Berg"),
    ]
    records = [
        b.customer(
            first,
            last,
            address=SHELTER_ADDRESS,
            nationality="XX",
            onboarded_at=b.at(-20 + 2 * i, 11).isoformat(),
        )
        for i, (first, last) in enumerate(residents)
    ]
    b.record_network(
        "Shelter residents",
        "hard_negative_shelter",
        members={r["customer_id"]: "benign" for r in records},
        records=[f"customer:{r['customer_id']}" for r in records],
        expected=[],
        case=False,
    )


def _legit_clinic(b: _Builder) -> None:
    """A registered massage clinic: one reception number for three therapists."""
    reception = b.phone()
    owner = b.customer(
        "Camilla",
        "Lund",
        phone=reception,
        segment="business",
        address="Banegårdsgade 5, 8000 Aarhus C",
        occupation="clinic owner",
    )
    ads = []
    for i, therapist in enumerate(["Camilla", "Jonas", "Sara"] * 2):
        ads.append(
            b.ad(
                site="massageguide.example",
                posted_at=b.at(1 + 5 * i, 9).isoformat(),
                city="Aarhus",
                persona=therapist,
                title=f"Sportsmassage hos Aarhus Fysio & Massage – {therapist}",
                body=(
                    f"{therapist} er uddannet massør. Book tid i receptionen på "
                    f"{reception}. Vi er autoriseret klinik med CVR."
                ),
                phone=reception,
                price=550.0,
            )
        )
    b.record_network(
        "Aarhus Fysio & Massage",
        "hard_negative_legitimate_business",
        members={owner["customer_id"]: "benign"},
        records=[f"ad:{a['ad_id']}" for a in ads],
        expected=["BEH-CONTACT-PROXY"],
        case=False,
    )


def _background(b: _Builder, customers: int = 120) -> None:
    rng = b.rng
    people = [
        b.customer(rng.choice(DANISH_FIRST_M + DANISH_FIRST_F), rng.choice(DANISH_LAST))
        for _ in range(customers)
    ]
    merchants = [
        ("Netto", "grocery"),
        ("Føtex", "grocery"),
        ("DSB", "travel"),
        ("Circle K", "fuel"),
        ("Matas", "pharmacy"),
        ("Just Eat", "takeaway"),
    ]
    for person in people:
        for _ in range(rng.randrange(4, 12)):
            merchant, category = rng.choice(merchants)
            b.pay(
                person["account_id"],
                f"merchant:{merchant}",
                round(rng.uniform(25, 900), 2),
                b.at(rng.uniform(0, 60), rng.uniform(7, 21)),
                channel="card",
                merchant=merchant,
                category=category,
            )
        for _ in range(rng.randrange(0, 4)):
            friend = rng.choice(people)
            b.pay(
                person["account_id"],
                friend["account_id"],
                round(rng.uniform(20, 600), 2),
                b.at(rng.uniform(0, 60), rng.uniform(9, 23)),
                memo="tak for sidst",
            )
        b.device_event(
            person["account_id"],
            person["device_id"],
            "87.52.100.1",
            b.at(rng.uniform(0, 60), rng.uniform(7, 23)),
            "login",
            "DK",
        )
    # Independent advertisers, each with her own phone and persona.
    for i in range(12):
        phone = b.phone()
        name = rng.choice(["Nina", "Clara", "Vera", "Alma", "Ella", "Rose", "Luna", "Mia"])
        for _j in range(rng.randrange(1, 4)):
            b.ad(
                site="escortlisten.example",
                posted_at=b.at(rng.uniform(0, 55), 12).isoformat(),
                city=rng.choice(CITIES),
                persona=f"{name}{i}",
                title=f"{name} – diskret massage",
                body=f"Jeg er {name}, ring til mig på {phone}. Kun seriøse henvendelser.",
                phone=phone,
                price=float(rng.choice([800, 1000, 1200, 1500])),
            )
    # Ordinary job ads.
    for city in ("Aarhus", "Odense", "Vejle"):
        b.ad(
            site="jobportal.example",
            posted_at=b.at(rng.uniform(0, 50), 8).isoformat(),
            city=city,
            title=f"Rengøringsassistent søges i {city}",
            body=(
                f"Vi søger en rengøringsassistent i {city}. Løn efter overenskomst. "
                f"Ring på {b.phone()} eller send ansøgning via vores hjemmeside."
            ),
        )
    b.ad(
        site="jobportal.example",
        posted_at=b.at(12, 8).isoformat(),
        city="Aalborg",
        title="Seasonal farm work in Denmark",
        body=(
            "Registered farm near Aalborg hires pickers for the season. Salary by collective "
            "agreement, contract in English before arrival. Apply through our website."
        ),
    )
    # Booking chats.
    for i in range(20):
        b.message(
            f"client_{i}",
            f"advertiser_{i % 12}",
            b.at(rng.uniform(0, 55), 19),
            rng.choice(
                ["Hej, er du ledig i aften?", "Hvad koster en time?", "Kan jeg komme kl. 20?"]
            ),
            f"sms-{i}",
            platform="sms",
        )


def build_demo_world(seed: int = 7) -> DemoWorld:
    builder = _Builder(seed)
    for part in (
        _case1,
        _independent_worker,
        _sports_club,
        _family,
        _shelter,
        _legit_clinic,
        _background,
        _case1_kyc_log,
    ):
        part(builder)
    return builder.world


def _case1_kyc_log(b: _Builder) -> None:
    """Nordlys in the bank's KYC case log: the controller moves the one woman with a number of
    her own to his (KYC-CONTACT-TAKEOVER), and two of them fail or refuse video-ID while he
    calls for them (KYC-AVOID-FACE-TO-FACE). Drawn last and without the random generator, so
    every other record of the demo stays as it was."""
    network = next(n for n in b.world.truth["networks"] if n["name"] == "Nordlys massage clinic")
    by_id = {c["customer_id"]: c for c in b.world.customers}
    roles = network["members"]
    controller = next(by_id[c] for c, role in roles.items() if role == "controller")
    victims = [by_id[c] for c, role in roles.items() if role == "victim"]
    speaker = f"{controller['first_name']} {controller['last_name']}"
    entries: list[tuple[dict[str, Any], float, str, dict[str, Any]]] = []
    moved = next(v for v in victims if v["phone"] != controller["phone"])
    entries.append(
        (moved, -30, "detail_change",
         {"field": "phone", "old_value": moved["phone"], "new_value": controller["phone"],
          "channel": "app"})
    )  # fmt: skip
    moved["phone"] = controller["phone"]
    for victim in (moved, victims[0]):
        entries += [
            (victim, -25, "video_id_failed", {"channel": "video",
                                              "note": "Forbindelsen blev afbrudt"}),
            (victim, -24, "contact_via_third_party", {"channel": "phone", "actor": speaker,
                                                      "note": "Ringede på kundens vegne"}),
            (victim, -20, "video_id_refused", {"channel": "video"}),
        ]  # fmt: skip
    for victim, day, event, values in entries:
        record = {
            "event_id": b.next_id("kyc", "Y"),
            "customer_id": victim["customer_id"],
            "ts": b.at(day, 11 + len(b.world.kyc_events) % 5).isoformat(),
            "event": event,
            **{f: values.get(f) for f in ("field", "old_value", "new_value", "channel")},
            "actor": values.get("actor"),
            "note": values.get("note"),
        }
        b.world.kyc_events.append(record)
        network["records"].append(f"kyc_event:{record['event_id']}")
    network["expected_indicators"] += ["KYC-AVOID-FACE-TO-FACE", "KYC-CONTACT-TAKEOVER"]


# -- writing ------------------------------------------------------------------------------------

BANK_DESCRIPTOR = """\
# How this bank's transaction export maps onto redflags' canonical transaction fields.
name: demo_bank
kind: transaction
format: csv
file: bank_transactions.csv
timezone: Europe/Copenhagen   # the bank exports local time without an offset
columns:
  txn_id: bilag_id
  ts: tidspunkt
  payer: fra_konto
  payee: til_konto
  amount: beloeb
  currency: valuta
  channel: kanal
  merchant: modtager
  merchant_category: kategori
  memo: tekst
"""

_BANK_COLUMNS = [
    "bilag_id",
    "tidspunkt",
    "fra_konto",
    "til_konto",
    "beloeb",
    "valuta",
    "kanal",
    "modtager",
    "kategori",
    "tekst",
]


def write_demo(out: Path, seed: int = 7) -> dict[str, int]:
    """Write the demo world as source files (+ truth/) and return rows written per file."""
    world = build_demo_world(seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "truth").mkdir(exist_ok=True)
    counts: dict[str, int] = {}

    ads_lines = [json.dumps(a, ensure_ascii=False) for a in world.ads]
    ads_lines.insert(7, '{"ad_id": "A-broken", "posted_at": "2026-09-03T10:00:00+02:00", "body": ')
    _write_lines(out / "ads.jsonl", ads_lines)
    counts["ads.jsonl"] = len(ads_lines)

    msg_lines = [json.dumps(m, ensure_ascii=False) for m in world.messages]
    _write_lines(out / "messages.jsonl", msg_lines)
    counts["messages.jsonl"] = len(msg_lines)

    rows = []
    for t in world.transactions:
        local = t["ts"].astimezone(CPH).replace(tzinfo=None)
        rows.append(
            [
                t["txn_id"],
                local.isoformat(sep=" ", timespec="seconds"),
                t["payer"],
                t["payee"],
                f"{t['amount']:.2f}".replace(".", ","),
                t["currency"],
                t["channel"],
                t["merchant"],
                t["merchant_category"],
                t["memo"],
            ]
        )
    rows.insert(
        40,
        [
            "T-bad-1",
            "2026-09-31 25:00:00",
            rows[0][2],
            rows[0][3],
            "200,00",
            "DKK",
            "p2p",
            "",
            "",
            "",
        ],
    )
    rows.insert(
        80,
        [
            "T-bad-2",
            "2026-09-12 12:00:00",
            rows[1][2],
            rows[1][3],
            "to hundrede",
            "DKK",
            "p2p",
            "",
            "",
            "",
        ],
    )
    _write_csv(out / "bank_transactions.csv", _BANK_COLUMNS, rows)
    (out / "bank.source.yaml").write_text(BANK_DESCRIPTOR, encoding="utf-8")
    counts["bank_transactions.csv"] = len(rows)

    fields = list(world.customers[0])
    _write_csv(out / "customers.csv", fields, [[c[f] for f in fields] for c in world.customers])
    counts["customers.csv"] = len(world.customers)

    fields = list(world.device_events[0])
    _write_csv(
        out / "device_events.csv", fields, [[e[f] for f in fields] for e in world.device_events]
    )
    counts["device_events.csv"] = len(world.device_events)

    fields = list(world.kyc_events[0])
    _write_csv(out / "kyc_events.csv", fields, [[e[f] for f in fields] for e in world.kyc_events])
    counts["kyc_events.csv"] = len(world.kyc_events)

    (out / "truth" / "truth.json").write_text(
        json.dumps(world.truth, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return counts


def _write_lines(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
