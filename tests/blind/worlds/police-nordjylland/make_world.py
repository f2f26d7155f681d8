#!/usr/bin/env python3
"""Blind world 'police-nordjylland': data seized and collected by a (fictional) cyber unit of
Nordjyllands Politi in one investigation period (1 Jul - 31 Oct 2026).

Standard library only, fixed seed: `python3 make_world.py` rewrites every data file and
truth.yaml in this folder, byte for byte the same.  Everything is invented.
"""
import csv
import io
import json
import os
import random
import datetime as dt
from collections import defaultdict

SEED = 20261207
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
D0 = dt.date(2026, 7, 1)
D1 = dt.date(2026, 10, 31)
RAID = dt.datetime(2026, 10, 14, 6, 0)

# ----------------------------------------------------------------------------- helpers

def days(a=D0, b=D1):
    d = a
    while d <= b:
        yield d
        d += dt.timedelta(days=1)


def at(d, h0, h1=None, m=None):
    """A datetime on date d between hour h0 and h1 (h1 may pass midnight: 26 = 02:00)."""
    if h1 is None:
        h1 = h0 + 1
    mins = R.randint(int(h0 * 60), int(h1 * 60) - 1)
    return dt.datetime(d.year, d.month, d.day) + dt.timedelta(minutes=mins, seconds=R.randint(0, 59) if m is None else 0)


def months():
    return [(2026, 7), (2026, 8), (2026, 9), (2026, 10)]


def mday(y, mo, d):
    return dt.date(y, mo, min(d, 30 if mo in (9, 11) else 31))


_phones = set()


def phone(fixed=None):
    if fixed:
        _phones.add(fixed)
        return fixed
    while True:
        p = "+45 20 00 %02d %02d" % (R.randint(10, 99), R.randint(10, 99))
        if p not in _phones:
            _phones.add(p)
            return p


for _p in ["+45 20 00 47 11", "+45 20 00 47 52", "+45 20 00 31 08", "+45 20 00 52 61", "+45 20 00 52 74",
           "+45 20 00 52 89", "+45 20 00 53 02", "+45 20 00 71 35", "+45 20 00 63 18", "+45 20 00 64 40",
           "+45 20 00 80 80", "+45 20 00 81 12"]:
    _phones.add(_p)

_ibans = set()


def iban(cc="DK"):
    while True:
        if cc == "DK":
            s = "DK00 0000 %04d %04d %02d" % (R.randint(0, 9999), R.randint(0, 9999), R.randint(0, 99))
        elif cc == "RO":
            s = "RO00 BANK 0000 %04d %04d %04d" % (R.randint(0, 9999), R.randint(0, 9999), R.randint(0, 9999))
        elif cc == "UA":
            s = "UA00 0000 0000 0000 %04d %04d %04d %01d" % (R.randint(0, 9999), R.randint(0, 9999), R.randint(0, 9999), R.randint(0, 9))
        else:
            s = "%s00 0000 %04d %04d %04d" % (cc, R.randint(0, 9999), R.randint(0, 9999), R.randint(0, 9999))
        if s not in _ibans:
            _ibans.add(s)
            return s


def kr(x):
    """Danish number format: -1.234,50"""
    neg = x < 0
    s = "%.2f" % abs(x)
    whole, dec = s.split(".")
    parts = []
    while len(whole) > 3:
        parts.insert(0, whole[-3:])
        whole = whole[:-3]
    parts.insert(0, whole)
    return ("-" if neg else "") + ".".join(parts) + "," + dec


DK_M = ["Anders", "Mikkel", "Jesper", "Søren", "Thomas", "Lars", "Martin", "Henrik", "Rasmus", "Kasper", "Jens",
        "Niels", "Peter", "Michael", "Christian", "Morten", "Jakob", "Frederik", "Mads", "Simon", "Kim", "Bo",
        "Torben", "Kenneth", "Brian", "Ole", "Poul", "Steffen", "Jonas", "Emil", "Mathias", "Oliver", "Lasse",
        "Nicolai", "Tobias", "Allan", "Carsten", "Flemming", "Jan", "René"]
DK_F = ["Anne", "Mette", "Louise", "Camilla", "Maria", "Julie", "Sofie", "Emma", "Ida", "Laura", "Signe", "Line",
        "Hanne", "Susanne", "Karina", "Pia", "Lene", "Trine", "Cecilie", "Freja", "Marianne", "Birgitte", "Tina"]
DK_L = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
        "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Johansen", "Møller",
        "Mortensen", "Knudsen", "Jakobsen", "Lauridsen", "Mikkelsen", "Frandsen", "Bach", "Vinther", "Dam",
        "Kjeldsen", "Overgaard", "Skov", "Thygesen", "Søndergaard", "Nørgaard", "Bundgaard", "Kirk", "Holst"]
STREETS_AAL = ["Vesterbrogade", "Hasserisgade", "Kastetvej", "Danmarksgade", "Løkkegade", "Sohngårdsholmsvej",
               "Hjortevej", "Egevej", "Mølleparkvej", "Thistedvej", "Nørre Tranders Vej", "Hadsundvej",
               "Rughaven", "Byplanvej", "Tornhøjvej", "Skelagervej"]
TOWNS = [("9000", "Aalborg"), ("9000", "Aalborg"), ("9220", "Aalborg Øst"), ("9200", "Aalborg SV"),
         ("9400", "Nørresundby"), ("9800", "Hjørring"), ("9900", "Frederikshavn"), ("9700", "Brønderslev"),
         ("9210", "Aalborg SØ")]


def addr():
    pc, town = R.choice(TOWNS)
    return "%s %d%s" % (R.choice(STREETS_AAL), R.randint(1, 140), R.choice([", st.", ", 1. th.", ", 2. tv.", ", 3.", ""])), pc, town


def ip(cc):
    if cc == "DK":
        return R.choice(["100.64.%d.%d" % (R.randint(0, 255), R.randint(1, 254)),
                         "198.%d.%d.%d" % (R.choice([18, 19]), R.randint(0, 255), R.randint(1, 254))])
    if cc == "RO":
        return "203.0.113.%d" % R.randint(10, 60)
    if cc == "KH":
        return "192.0.2.%d" % R.randint(100, 140)
    if cc == "TH":
        return "198.51.100.%d" % R.randint(1, 60)
    if cc == "PT":
        return "198.51.100.%d" % R.randint(200, 250)
    return "203.0.113.%d" % R.randint(200, 250)


def dev():
    return "dev-%06x" % R.randint(0, 0xFFFFFF)


# truth: tag -> file -> list of ids / line numbers
TRUTH = defaultdict(lambda: defaultdict(list))

# ============================================================================ bank data
# Vendelbo Sparekasse (fictional), response to a court order (editionskendelse).


class Cust:
    def __init__(self, kind, first, last, birth, nat, street, pc, town, tel, email, since, occ, income,
                 seg="Privat", resident_from=None, lang="da", mp=None, device=None, tags=()):
        self.nr = None
        self.first, self.last = first, last
        self.birth, self.nat = birth, nat
        self.street, self.pc, self.town = street, pc, town
        self.tel, self.email, self.since = tel, email, since
        self.occ, self.income, self.seg = occ, income, seg
        self.resident_from = resident_from or (birth if nat == "DK" else since)
        self.lang, self.mp = lang, mp
        self.device = device or dev()
        self.iban = iban("DK")
        self.tags = set(tags)
        self.kind = kind
        self.bal = R.randint(2000, 40000) if seg == "Privat" else R.randint(50000, 300000)

    @property
    def name(self):
        return ("%s %s" % (self.first, self.last)).strip()


CUSTS = []
_knr = set()


def cust(*a, **k):
    c = Cust(*a, **k)
    while True:
        n = R.randint(100100, 189999)
        if n not in _knr:
            _knr.add(n)
            c.nr = str(n)
            break
    CUSTS.append(c)
    return c


TX = []   # dicts


def tx(c, ts, typ, text, modpart, modkonto, amount, by=None, land="DK", tags=()):
    TX.append(dict(c=c, ts=ts, typ=typ, text=text, modpart=modpart, modkonto=modkonto, amount=round(amount, 2),
                   by=by if by is not None else (c.town if typ in ("Dankort", "Visa/Dankort", "Hævning", "Indbetaling kontant") else ""),
                   land=land, tags=set(tags)))


def xfer(a, b, ts, amount, typ="Overførsel", text=None, tags=(), text_b=None):
    """Transfer between two customers of the bank: a row on each statement."""
    if typ == "MobilePay":
        ta = text if text is not None else "MobilePay %s" % b.name
        tb = text_b if text_b is not None else "MobilePay %s" % a.name
        tx(a, ts, typ, ta, b.name, b.mp or b.tel, -amount, tags=tags)
        tx(b, ts, typ, tb, a.name, a.mp or a.tel, amount, tags=tags)
    else:
        tx(a, ts, typ, text or "Overført til %s" % b.name, b.name, b.iban, -amount, tags=tags)
        tx(b, ts + dt.timedelta(minutes=R.randint(0, 3)), typ, text_b or text or "Fra %s" % a.name, a.name, a.iban, amount, tags=tags)


GROC = [("Netto", 80, 420), ("Rema 1000", 90, 520), ("Føtex", 120, 780), ("Lidl", 70, 390), ("Bilka", 250, 1400),
        ("Coop 365", 60, 350), ("Meny", 120, 650)]
OTHER = [("Circle K", 250, 650, "fuel"), ("Q8", 250, 600, "fuel"), ("Matas", 60, 400, ""), ("Jysk", 150, 1800, ""),
         ("Normal", 40, 250, ""), ("Sportmaster", 200, 900, ""), ("Burger King", 70, 180, ""), ("Sunset Boulevard", 60, 170, ""),
         ("Apotek", 40, 300, ""), ("Biffen Aalborg", 90, 200, ""), ("Vinbaren Jomfru Ane", 150, 650, ""),
         ("DSB", 60, 400, ""), ("NT Nordjyllands Trafikselskab", 24, 200, ""), ("Elgiganten", 200, 3000, "")]
SUBS = [("Betalingsservice", "Netflix", 129), ("Betalingsservice", "Telmore", 149), ("Betalingsservice", "Spotify", 109),
        ("Betalingsservice", "Fitness World", 259), ("Betalingsservice", "Oister mobil", 119)]


def ordinary(c, salary=None, salary_from="Løn", rent=None, landlord=None, grocery_n=(4, 8), mp_friends=None, extra_n=(2, 5),
             start=D0, end=D1, tags=(), remit=None):
    """An ordinary private account: income, rent, bills, groceries, a few MobilePay to friends."""
    for (y, mo) in months():
        first = dt.date(y, mo, 1)
        if salary:
            d = mday(y, mo, R.choice([28, 29, 30]) if salary_from != "SU" else 1)
            if start <= d <= end:
                tx(c, at(d, 2, 5), "Løn" if salary_from != "SU" else "Overførsel",
                   {"SU": "SU Uddannelsesstyrelsen", "Pension": "Udbetaling Danmark Folkepension"}.get(salary_from, "Lønoverførsel %s" % salary_from),
                   salary_from, "", salary * R.uniform(0.98, 1.02) if salary_from not in ("SU", "Pension") else salary, tags=tags)
        if rent:
            d = mday(y, mo, 1)
            if start <= d <= end:
                if isinstance(landlord, Cust):
                    xfer(c, landlord, at(d, 6, 9), rent, text="Husleje %s" % c.street.split(",")[0], tags=set(tags) | landlord.tags)
                else:
                    tx(c, at(d, 1, 5), "Betalingsservice", "Husleje %s" % (landlord or "Himmerland Boligforening"),
                       landlord or "Himmerland Boligforening", "", -rent, tags=tags)
        for bs in R.sample(SUBS, 1):
            d = mday(y, mo, R.randint(2, 8))
            if start <= d <= end:
                tx(c, at(d, 2, 6), bs[0], bs[1], bs[1], "", -bs[2], tags=tags)
        d = mday(y, mo, R.randint(10, 14))
        if start <= d <= end:
            tx(c, at(d, 2, 6), "Betalingsservice", R.choice(["Andel Energi", "Aalborg Forsyning", "Norlys"]),
               "Forsyning", "", -R.randint(350, 1100), tags=tags)
        for _ in range(R.randint(*grocery_n)):
            d = mday(y, mo, R.randint(1, 31))
            if start <= d <= end:
                g = R.choice(GROC)
                tx(c, at(d, 9, 20), R.choice(["Dankort", "Visa/Dankort"]), "Dankort-køb %s %s" % (g[0].upper(), c.town.upper()),
                   g[0], "", -R.randint(g[1], g[2]) - R.randint(0, 99) / 100, tags=tags)
        for _ in range(R.randint(*extra_n)):
            d = mday(y, mo, R.randint(1, 31))
            if start <= d <= end:
                o = R.choice(OTHER)
                tx(c, at(d, 10, 21), "Visa/Dankort", "Visa-køb %s" % o[0].upper(), o[0], "", -R.randint(o[1], o[2]) - R.randint(0, 99) / 100, tags=tags)
        if mp_friends:
            for _ in range(R.randint(0, 2)):
                d = mday(y, mo, R.randint(1, 31))
                if start <= d <= end:
                    f = R.choice(mp_friends)
                    amt = R.choice([50, 75, 100, 120, 150, 200, 250, 300, 350])
                    note = R.choice(["", "pizza", "øl 🍺", "gave til Sanne", "biograf", "tak for lån", "fodbold", "🍕", "benzin"])
                    if f is not c:
                        xfer(c, f, at(d, 11, 23), amt, typ="MobilePay", text="MobilePay %s %s" % (f.name, note) if note else None,
                             text_b="MobilePay %s %s" % (c.name, note) if note else None, tags=tags)
        if remit:
            d = mday(y, mo, R.randint(2, 6))
            if start <= d <= end:
                tx(c, at(d, 10, 18), "Udlandsoverførsel", "Udlandsoverførsel %s" % remit[0], remit[0], remit[1],
                   -remit[2] * R.uniform(0.9, 1.1) // 10 * 10, land=remit[3], tags=tags)
        if R.random() < 0.5:
            d = mday(y, mo, R.randint(1, 31))
            if start <= d <= end:
                tx(c, at(d, 10, 20), "Hævning", "Kontanthævning automat %s" % c.town, "", "", -R.choice([200, 300, 500, 1000]), tags=tags)


# ----------------------------------------------------------------------------- people and accounts
CLINIC = ("Kløvermarken 14, st. tv.", "9000", "Aalborg")
FARM = ("Bjergbyvej 212", "9800", "Hjørring")
BOOKER = "+45 20 00 47 11"      # N1: the booking number in every Rosé ad (MobilePay on Ionut's account)
BOOKER2 = "+45 20 00 47 52"     # N1: second booking phone from September
MARIUS_IBAN = iban("RO")
DEV_IONUT = "dev-9c41e2"        # Ionut's iPhone (also registered as the workers' bank-app device)
DEV_MARIUS = "dev-5b0d77"       # Marius' phone in Romania
DEV_KH = "dev-c4a17b"           # the compound's laptop in Cambodia

N1, N2 = "N1-rose", "N2-atc"

# --- N1: sexual exploitation, 'Klinik Rosé'
ionut = cust("N1", "Ionuț", "Rusu", dt.date(1994, 3, 2), "RO", "Fyrrebakken 3, 2. th.", "9220", "Aalborg Øst",
             "+45 20 00 31 08", "ionut.rusu94@gmail.com", dt.date(2025, 4, 11), "Lagerarbejder", 19500,
             resident_from=dt.date(2025, 3, 20), lang="ro", mp=BOOKER, device=DEV_IONUT, tags=[N1])
workers = []
for (f, l, b, tel, since, em) in [("Bianca", "Stan", dt.date(2003, 5, 19), "+45 20 00 52 61", dt.date(2026, 7, 20), "bianca.stan03@yahoo.com"),
                                  ("Larisa", "Munteanu", dt.date(2005, 1, 8), "+45 20 00 52 74", dt.date(2026, 7, 24), "larisa.m05@yahoo.com"),
                                  ("Denisa", "Ungureanu", dt.date(2006, 2, 27), "+45 20 00 52 89", dt.date(2026, 8, 5), "rose.wellness3@gmail.com"),
                                  ("Roxana", "Lungu", dt.date(2000, 10, 3), "+45 20 00 53 02", dt.date(2026, 8, 7), "rose.wellness4@gmail.com")]:
    w = cust("N1", f, l, b, "RO", CLINIC[0], CLINIC[1], CLINIC[2], tel, em, since, "Massør", 22000,
             resident_from=since - dt.timedelta(days=R.randint(3, 10)), lang="ro", device=DEV_IONUT, tags=[N1])
    w.bal = R.randint(0, 300)
    workers.append(w)
bianca, larisa, denisa, roxana = workers

# --- N2: scam-compound recruitment and forced criminality (mule accounts)
mads = cust("N2", "Mads", "Vestergaard", dt.date(1995, 9, 14), "DK", "Rughaven 41, 1. th.", "9200", "Aalborg SV",
            "+45 20 00 71 35", "madsvest95@gmail.com", dt.date(2014, 2, 3), "Ledig (dagpenge)", 15800, tags=[N2])
recruits = []
for (f, l, b, occ, inc, sal, a) in [("Frederik", "Holm", dt.date(2004, 4, 22), "Ledig", 11900, ("Aalborg Kommune Kontanthjælp", 11900), addr()),
                                     ("Nikolaj", "Brandt", dt.date(2002, 11, 5), "Lagermedarbejder (deltid)", 14200, ("Nordlager A/S", 14200), ("Tornhøjvej 17, 2. tv.", "9220", "Aalborg Øst")),
                                     ("Sara", "Dahl", dt.date(2005, 6, 30), "Studerende", 6820, ("SU", 6820), addr())]:
    r = cust("N2", f, l, b, "DK", a[0], a[1], a[2], phone(), "%s.%s%d@gmail.com" % (f.lower(), l.lower(), b.year % 100),
             dt.date(R.randint(2018, 2023), R.randint(1, 12), R.randint(1, 28)), occ, inc, tags=[N2])
    r.sal = sal
    recruits.append(r)
frederik, nikolaj, sara = recruits

# --- look-alikes
L_SOFIE, L_ELENA, L_SABAI, L_POPA, L_STUD, L_FARM, L_LANDLORD, L_CLUB, L_TRAVEL, L_LISBON, L_FAMGPS, L_COURIER = (
    "L01-independent-escort", "L02-independent-ro-escort", "L03-thai-massage-clinic", "L04-popa-family",
    "L05-student-flat", "L06-seasonal-farm", "L07-landlord", "L08-handball-club", "L09-travel-agency",
    "L10-lisbon-customer-service", "L11-family-locator", "L12-courier-fleet")

sofie = cust("L", "Sofie", "Lund", dt.date(1997, 2, 11), "DK", "Hasserisgade 22, 3.", "9000", "Aalborg", "+45 20 00 63 18",
             "sofie.lund.priv@gmail.com", dt.date(2016, 8, 1), "Selvstændig (massage/escort, CVR)", 34000,
             mp="+45 20 00 63 18", tags=[L_SOFIE])
elena = cust("L", "Elena", "Vasilescu", dt.date(1993, 7, 7), "RO", "Vesterbrogade 88, 2. th.", "9000", "Aalborg", "+45 20 00 64 40",
             "elena.v.dk@gmail.com", dt.date(2021, 5, 2), "Selvstændig", 28000, resident_from=dt.date(2021, 3, 1), lang="en",
             mp="+45 20 00 64 40", tags=[L_ELENA])
sabai = cust("L", "Sabai Thai Massage ApS", "", dt.date(2017, 3, 1), "DK", "Lindholmsvej 30", "9400", "Nørresundby",
             "+45 20 00 80 80", "booking@sabaithai-nord.dk", dt.date(2017, 3, 15), "Thaimassage (960400)", 0, seg="Erhverv",
             mp="+45 20 00 80 80", tags=[L_SABAI])
POPA_ADDR = ("Bispensgade 9, 1.", "9800", "Hjørring")
popa_tel = phone()
popa_dev = dev()
popas = []
for (f, b, occ, inc) in [("Vasile", dt.date(1971, 4, 3), "Fiskeindustriarbejder", 27500), ("Maria", dt.date(1974, 8, 21), "Rengøringsassistent", 21000),
                         ("Cristian", dt.date(2001, 12, 2), "Smed", 29000), ("Ana", dt.date(2004, 3, 15), "Studerende (UCN)", 6820)]:
    p = cust("L", f, "Popa", b, "RO", POPA_ADDR[0], POPA_ADDR[1], POPA_ADDR[2], popa_tel if f in ("Vasile", "Maria") else phone(),
             "%s.popa@gmail.com" % f.lower(), dt.date(2019, 9, 2) if f != "Ana" else dt.date(2022, 8, 15), occ, inc,
             resident_from=dt.date(2019, 8, 1), lang="ro", device=popa_dev if f != "Cristian" else dev(), tags=[L_POPA])
    popas.append(p)
STUD_ADDR = ("Danmarksgade 51, 3. th.", "9000", "Aalborg")
studs = []
for (f, l, nat, b, since, lang) in [("Magnus", "Friis", "DK", dt.date(2004, 1, 9), dt.date(2026, 8, 18), "da"),
                                    ("Ioana", "Marin", "RO", dt.date(2005, 9, 23), dt.date(2026, 8, 25), "en"),
                                    ("Lukas", "Becker", "DE", dt.date(2004, 6, 2), dt.date(2026, 8, 27), "en"),
                                    ("Freja", "Nørgaard", "DK", dt.date(2005, 11, 30), dt.date(2026, 9, 2), "da")]:
    s = cust("L", f, l, b, nat, STUD_ADDR[0], STUD_ADDR[1], STUD_ADDR[2], phone(),
             "%s%s@student.aau-example.dk" % (f.lower()[:3], l.lower()[:3]), since, "Studerende (AAU)", 6820,
             resident_from=since - dt.timedelta(days=20) if nat != "DK" else None, lang=lang, tags=[L_STUD])
    studs.append(s)
farm = cust("L", "Vendsyssel Bær & Grønt ApS", "", dt.date(2009, 1, 1), "DK", FARM[0], FARM[1], FARM[2], phone(),
            "job@vbg-example.dk", dt.date(2009, 2, 1), "Frugt- og bæravl (012500)", 0, seg="Erhverv", tags=[L_FARM])
seasonals = []
for (f, l, nat, lang) in [("Mihai", "Ionescu", "RO", "ro"), ("Florin", "Matei", "RO", "ro"), ("Oksana", "Kovalenko", "UA", "uk"),
                          ("Iryna", "Shevchuk", "UA", "uk"), ("Gheorghe", "Radu", "RO", "ro")]:
    since = dt.date(2026, 6, 2)
    s = cust("L", f, l, dt.date(R.randint(1975, 2001), R.randint(1, 12), R.randint(1, 28)), nat, FARM[0] + ", bolig %d" % R.randint(1, 6),
             FARM[1], FARM[2], phone(), "%s.%s%d@gmail.com" % (f.lower(), l.lower(), R.randint(1, 99)), since,
             "Sæsonarbejder (bærplukker)", 24000, resident_from=dt.date(2026, 5, 28), lang=lang, tags=[L_FARM])
    seasonals.append(s)
bent = cust("L", "Bent", "Kristensen", dt.date(1958, 5, 5), "DK", "Skelagervej 4", "9000", "Aalborg", phone(),
            "bent.k.udlejning@gmail.com", dt.date(1988, 1, 1), "Pensionist / privat udlejer", 21000, tags=[L_LANDLORD])
club = cust("L", "Aalborg Øst Håndboldklub", "", dt.date(1978, 1, 1), "DK", "Humlebakken 2", "9220", "Aalborg Øst", phone(),
            "kasserer@aoehk-example.dk", dt.date(2001, 1, 1), "Idrætsforening", 0, seg="Erhverv", mp="+45 20 00 81 12", tags=[L_CLUB])
travel = cust("L", "Limfjord Rejser ApS", "", dt.date(2004, 1, 1), "DK", "Boulevarden 13", "9000", "Aalborg", phone(),
              "info@limfjordrejser-example.dk", dt.date(2004, 4, 1), "Rejsebureau (791100)", 0, seg="Erhverv", tags=[L_TRAVEL])

sofie.bal, elena.bal, ionut.bal = 52000, 38000, 16000
for _w in workers:
    _w.bal = 400

# --- background customers (the bank's 'linked accounts': payers to numbers in the order, neighbours, tenants)
bg = []
for i in range(15):
    male = i < 10
    f = R.choice(DK_M if male else DK_F)
    l = R.choice(DK_L)
    a = addr()
    age = R.randint(22, 74)
    occ, inc, sfrom = R.choice([("Tømrer", 34000, "Tømrerfirma Nord"), ("Sygeplejerske", 36000, "Region Nordjylland"),
                                ("IT-konsulent", 48000, "Netcompany-afd. Aalborg"), ("Chauffør", 30000, "DanFragt"),
                                ("Pædagog", 31000, "Aalborg Kommune"), ("Elektriker", 35000, "Nordjysk El"),
                                ("Lærer", 37000, "Aalborg Kommune"), ("Pensionist", 14500, "Pension"),
                                ("Salgskonsulent", 33000, "Jysk Handel"), ("Smed", 32000, "Aalborg Portland-leverandør")])
    if age > 67:
        occ, inc, sfrom = ("Pensionist", 14500, "Pension")
    c = cust("B", f, l, dt.date(2026 - age, R.randint(1, 12), R.randint(1, 28)), "DK", a[0], a[1], a[2], phone(),
             "%s.%s%d@%s" % (f.lower().replace("ø", "oe").replace("é", "e"), l.lower().replace("ø", "oe"), R.randint(1, 99), R.choice(["gmail.com", "hotmail.com", "live.dk"])),
             dt.date(R.randint(1995, 2024), R.randint(1, 12), R.randint(1, 28)), occ, inc)
    c.sfrom = sfrom
    c.male = male
    bg.append(c)
tenants = bg[8:15] + [studs[0]]   # Bent's tenants; Magnus pays the flat's rent to Bent


# ----------------------------------------------------------------------------- transactions: background
for c in bg:
    if c in tenants:
        ordinary(c, salary=c.income, salary_from=c.sfrom, rent=R.choice([5400, 6100, 6800, 7250]), landlord=bent,
                 mp_friends=bg, extra_n=(1, 2), grocery_n=(2, 5))
    else:
        ordinary(c, salary=c.income, salary_from=c.sfrom, rent=R.choice([5200, 6900, 8400, 9900]),
                 landlord=R.choice(["Himmerland Boligforening", "Alabu Bolig", "Vivabolig", "Realkredit Danmark"]),
                 mp_friends=bg, extra_n=(1, 2), grocery_n=(2, 5))

# ----------------------------------------------------------------------------- N1 money
PAYER_POOL = []
for i in range(170):
    PAYER_POOL.append(("%s %s" % (R.choice(DK_M + ["John", "Ahmad", "Tomasz", "Piotr", "Erik", "Ali", "Daniel"]), R.choice(DK_L + ["Nowak", "Hussein", "Berg"])), phone()))
buyers_in_bank = bg[:6]
# Ionut: lawful life until August (job, rent), then the clinic money
ordinary(ionut, rent=5600, landlord="Alabu Bolig", grocery_n=(2, 4), extra_n=(1, 2), tags=[N1])
for d in (dt.date(2026, 6, 30), dt.date(2026, 7, 30)):
    if d >= D0:
        tx(ionut, at(d, 2, 4), "Løn", "Lønoverførsel Nordlager A/S", "Nordlager A/S", "", 19500 * R.uniform(.97, 1.03), tags=[N1])

ROTA = ["Aalborg", "Hjørring", "Aalborg", "Frederikshavn", "Aalborg", "Aarhus"]
ARRIVE = {bianca: dt.date(2026, 7, 12), larisa: dt.date(2026, 7, 12), denisa: dt.date(2026, 8, 2), roxana: dt.date(2026, 8, 2)}
TOUR0 = dt.date(2026, 8, 3)


def city_of(w, d):
    """Where worker w is on date d (the clinic in Aalborg, or a hotel room on tour)."""
    if d < TOUR0:
        return "Aalborg"
    seg = ((d - TOUR0).days * 2) // 7
    return ROTA[(seg + workers.index(w) * 2) % len(ROTA)]


HOTELS = {"Hjørring": "Hotel Vendelbo Hjørring", "Frederikshavn": "Hotel Kattegat Frederikshavn", "Aarhus": "Aros Budget Hotel Aarhus"}
week_in = defaultdict(float)
seen_payers = []
for d in days(dt.date(2026, 7, 14), dt.date(2026, 10, 13)):
    present = [w for w in workers if ARRIVE[w] <= d]
    n = R.choice([0, 1, 1, 2, 2, 2, 3, 3, 4]) if len(present) > 2 else R.choice([0, 1, 1, 2])
    for _ in range(n):
        w = R.choice(present)
        if seen_payers and R.random() < 0.18:
            p = R.choice(seen_payers)
        elif R.random() < 0.06:
            p = R.choice(buyers_in_bank)
        else:
            p = PAYER_POOL.pop() if PAYER_POOL else R.choice(seen_payers)
        if not isinstance(p, Cust):
            seen_payers.append(p)
        amt = R.choice([500, 800, 800, 800, 1200, 1200, 1500, 2000, 900, 1000])
        hour = R.choice([(18, 22), (22, 26), (22, 26), (19, 24), (12, 18)])
        ts = at(d, *hour)
        memo = R.choice(["", "", "", "", "🌹", w.first[0], "massage", "1t", "tak 😉", "%s 💋" % w.first, "ok", "30 min"])
        # 4 in 5 pay the booking number (Ionut's MobilePay); 1 in 5 pay the woman's own MobilePay
        to = ionut if (R.random() < 0.8 or d < w.since) else w
        if isinstance(p, Cust):
            xfer(p, to, ts, amt, typ="MobilePay", text="MobilePay %s %s" % (BOOKER if to is ionut else to.tel, memo),
                 text_b="MobilePay %s %s" % (p.name, memo), tags=[N1])
        else:
            tx(to, ts, "MobilePay", ("MobilePay %s %s" % (p[0], memo)).strip(), p[0], p[1], amt, tags=[N1])
        week_in[(to, d.isocalendar()[1])] += amt

# women's cash from the hotel rooms / clinic, deposited at night, swept to Ionut within two days
for w in workers:
    for d in days(max(ARRIVE[w] + dt.timedelta(days=3), w.since), dt.date(2026, 10, 13)):
        if R.random() < 0.33:
            cty = city_of(w, d)
            tx(w, at(d, 23, 26), "Indbetaling kontant", "Indbetaling kontant automat %s" % cty, "", "", R.choice([1500, 2000, 2400, 3000, 3500, 4000]),
               by=cty, tags=[N1])
        if R.random() < 0.25:
            cty = city_of(w, d)
            tx(w, at(d, 13, 23), "Dankort", "Dankort-køb 7-ELEVEN %s" % cty.upper(), "7-Eleven", "", -R.randint(25, 79), by=cty, tags=[N1])

TX_BIANCA_MUM = iban("RO")
for mo in (8, 9, 10):
    tx(bianca, at(dt.date(2026, mo, 3), 10, 16), "Udlandsoverførsel", "Udlandsoverførsel Elena Stan", "Elena Stan", TX_BIANCA_MUM, -1000, land="RO", tags=[N1])


def sweep_workers():
    """Each woman's balance goes to Ionut's MobilePay 8-40 hours after it builds up."""
    for w in workers:
        rows = sorted([t for t in TX if t["c"] is w], key=lambda t: t["ts"])
        bal = w.bal
        last = None
        for t in rows:
            bal += t["amount"]
            if bal > 1800 and (last is None or t["ts"] - last > dt.timedelta(hours=30)):
                ts = t["ts"] + dt.timedelta(hours=R.randint(8, 40))
                if ts.date() > dt.date(2026, 10, 13):
                    continue
                amt = (bal - R.randint(50, 250)) // 100 * 100
                xfer(w, ionut, ts, amt, typ="MobilePay", text="MobilePay %s" % BOOKER, text_b="MobilePay %s" % w.name, tags=[N1])
                bal -= amt
                last = ts


sweep_workers()
# Ionut pays: weekly to Marius in Romania, ads, hotels, top-ups, the clinic's rent, shopping for the house
for d in days(dt.date(2026, 7, 20), dt.date(2026, 10, 13)):
    wd = d.weekday()
    if wd == 0:
        tx(ionut, at(d, 9, 12), "Udlandsoverførsel", "Udlandsoverførsel Marius Dobre", "Marius Dobre", MARIUS_IBAN,
           -R.choice([14500, 14600, 14800, 14900, 14700]), land="RO", tags=[N1])
    if wd in (1, 4) or (wd == 3 and R.random() < .5):
        site = R.choice([("RØDLYGTE.DK", 149), ("RØDLYGTE.DK", 149), ("NORDESCORT.COM", 299), ("RØDLYGTE.DK TOP", 99)])
        tx(ionut, at(d, 0, 3) if R.random() < .5 else at(d, 9, 23), "Visa/Dankort", "Visa-køb %s" % site[0], site[0].split()[0].title(), "", -site[1], by="Internet", tags=[N1])
    if d >= TOUR0 and wd in (0, 3):
        for cty in sorted({city_of(w, d) for w in workers if ARRIVE[w] <= d} - {"Aalborg"}):
            nights = 3 if wd == 0 else 4
            rooms = sum(1 for w in workers if city_of(w, d) == cty and ARRIVE[w] <= d)
            tx(ionut, at(d, 14, 18), "Visa/Dankort", "Visa-køb %s" % HOTELS[cty].upper(), HOTELS[cty], "", -rooms * nights * R.choice([645, 695, 745]),
               by=cty, tags=[N1])
    if R.random() < .3:
        tx(ionut, at(d, 8, 22), "Dankort", "Dankort-køb 7-ELEVEN TALETIDSKORT", "7-Eleven", "", -R.choice([100, 100, 150, 200]), tags=[N1])
    if wd == 5:
        tx(ionut, at(d, 10, 18), "Dankort", "Dankort-køb BILKA AALBORG", "Bilka", "", -R.randint(1400, 2600) - R.randint(0, 99) / 100, by="Aalborg", tags=[N1])
        if R.random() < .5:
            tx(ionut, at(d, 11, 17), "Visa/Dankort", "Visa-køb LINGERI SHOP AALBORG", "Lingeri Shop Aalborg", "", -R.randint(450, 1900), by="Aalborg", tags=[N1])
    if d.day == 1:
        tx(ionut, at(d, 6, 9), "Overførsel", "Husleje Kløvermarken 14", "Nordjysk Erhvervsudlejning ApS", iban(), -14000, tags=[N1])

# ----------------------------------------------------------------------------- N2 money
DEPART = {frederik: dt.date(2026, 8, 3), nikolaj: dt.date(2026, 8, 16), sara: dt.date(2026, 8, 24)}
FEE_DAY = {frederik: dt.date(2026, 7, 29), nikolaj: dt.date(2026, 8, 12), sara: dt.date(2026, 8, 20)}
MULE0 = {frederik: dt.date(2026, 9, 7), nikolaj: dt.date(2026, 9, 10), sara: dt.date(2026, 9, 8)}
MULE1 = {frederik: D1, nikolaj: dt.date(2026, 10, 15), sara: D1}
KH_PHONE = "+855 10 000 231"
ordinary(mads, salary=15800, salary_from="A-kasse 3F", rent=6100, landlord="Alabu Bolig", mp_friends=bg[:5], tags=[N2])
for r in recruits:
    ordinary(r, salary=r.sal[1], salary_from=r.sal[0], rent=R.choice([3900, 4300, 4650]), landlord="Kollegiet Nordkraft-Øst" if r is sara else "Himmerland Boligforening",
             mp_friends=bg[6:12], end=DEPART[r] - dt.timedelta(days=1), tags=[N2])
    xfer(r, mads, at(FEE_DAY[r], 17, 22), 4500, typ="MobilePay", text="MobilePay %s visum" % mads.tel,
         text_b="MobilePay %s %s" % (r.name, R.choice(["visum", "visa + handling", "visum Thailand"])), tags=[N2])
    tx(mads, at(FEE_DAY[r] + dt.timedelta(days=2), 9, 13), "Visa/Dankort", "Visa-køb TRIPFARE.COM CPH-BKK", "Tripfare.com", "", -R.randint(4300, 5200), by="Internet", tags=[N2])
    dep = DEPART[r]
    tx(r, at(dep, 6, 8), "Visa/Dankort", "Visa-køb 7-ELEVEN CPH LUFTHAVN", "7-Eleven", "", -R.randint(40, 120), by="Kastrup", tags=[N2])
    for k, (place, cc) in enumerate([("BANGKOK", "TH"), ("BANGKOK", "TH"), ("MAE SOT", "TH"), ("POIPET", "KH")]):
        d = dep + dt.timedelta(days=1 + k * 2)
        typ = "Hævning" if cc == "KH" else "Visa/Dankort"
        tx(r, at(d, 9, 21), typ, ("Kontanthævning ATM %s" if cc == "KH" else "Visa-køb 7-ELEVEN %s") % place, "" if cc == "KH" else "7-Eleven", "",
           -R.randint(80, 400) if cc != "KH" else -R.choice([1300, 2000]), by=place.title(), land=cc, tags=[N2])
    tx(mads, at(dep + dt.timedelta(days=8), 10, 14), "Udlandsoverførsel", "Indgående udlandsoverførsel BRIGHTWAY HOLDINGS LTD consulting fee",
       "Brightway Holdings Ltd", iban("HK"), R.choice([7150, 7260, 7410]), land="HK", tags=[N2])
# a fourth recruit, not a customer of this bank
tx(mads, at(dt.date(2026, 9, 21), 18, 21), "MobilePay", "MobilePay Jonas Bak visum", "Jonas Bak", phone(), 4500, tags=[N2])
tx(mads, at(dt.date(2026, 9, 23), 9, 12), "Visa/Dankort", "Visa-køb TRIPFARE.COM CPH-BKK", "Tripfare.com", "", -4890, by="Internet", tags=[N2])
tx(mads, at(dt.date(2026, 10, 2), 10, 14), "Udlandsoverførsel", "Indgående udlandsoverførsel BRIGHTWAY HOLDINGS LTD consulting fee",
   "Brightway Holdings Ltd", iban("HK"), 7300, land="HK", tags=[N2])
for k in range(7):
    tx(mads, at(dt.date(2026, 9, 2 + k * 4), 20, 24), "Visa/Dankort", "Visa-køb COINFLUX.IO", "CoinFlux OÜ", "", -R.choice([995, 1000, 1000, 1005]), by="Internet", land="EE", tags=[N2])
for k in range(9):
    tx(mads, at(dt.date(2026, 8, 5) + dt.timedelta(days=k * 9), 21, 26), "Visa/Dankort", "Visa-køb LUCKYNORD CASINO", "LuckyNord Casino", "", -R.choice([500, 500, 1000, 750]), by="Internet", land="MT", tags=[N2])
# Nikolaj comes home
tx(nikolaj, at(dt.date(2026, 10, 18), 11, 15), "Visa/Dankort", "Visa-køb SUVARNABHUMI AIRPORT", "BKK Airport shop", "", -312, by="Bangkok", land="TH", tags=[N2])
tx(nikolaj, at(dt.date(2026, 10, 20), 7, 9), "Visa/Dankort", "Visa-køb 7-ELEVEN CPH LUFTHAVN", "7-Eleven", "", -64, by="Kastrup", tags=[N2])
ordinary(nikolaj, salary=None, rent=None, grocery_n=(1, 2), extra_n=(0, 1), start=dt.date(2026, 10, 21), tags=[])
# the mule period: fraud victims in Denmark pay 'investments' in; it leaves within hours
VICT_F = ["Grethe", "Inger", "Kirsten", "Bodil", "Hanne", "Ruth", "Jytte", "Else"]
VICT_M = ["Poul Erik", "Knud", "Arne", "Bent", "Erling", "Svend Åge", "Jørgen", "Preben"]
for r in recruits:
    d = MULE0[r]
    while d <= MULE1[r]:
        if R.random() < 0.28:
            nm = "%s %s" % (R.choice(VICT_F + VICT_M), R.choice(DK_L))
            amt = R.choice([4000, 7500, 9800, 12000, 15000, 19500, 25000, 32000, 48000]) + R.choice([0, 0, 500])
            ts = at(d, 9, 17)
            tx(r, ts, "Overførsel", "Fra %s %s" % (nm, R.choice(["Investering", "Indskud Nordic Crypto Invest", "Frigivelsesgebyr", "skat af gevinst", "Depositum handelskonto"])),
               nm, iban(), amt, tags=[N2])
            out_to = R.choice([("CoinFlux OÜ", "EE", "Overførsel COINFLUX OÜ ref %06d" % R.randint(0, 999999)),
                               ("Skarvlund Trading Ltd", "HK", "Udlandsoverførsel SKARVLUND TRADING LTD")])
            tx(r, ts + dt.timedelta(minutes=R.randint(25, 300)), "Udlandsoverførsel" if out_to[1] == "HK" else "Overførsel",
               out_to[2], out_to[0], iban(out_to[1]), -(amt - R.choice([0, 0, 100, 200])), land=out_to[1], tags=[N2])
        d += dt.timedelta(days=1)
    # rent keeps being paid from the account while it is used (Betalingsservice) - until it is spent
    for mo in (9, 10):
        tx(r, at(dt.date(2026, mo, 1), 1, 5), "Betalingsservice", "Husleje", "Himmerland Boligforening" if r is not sara else "Kollegiet Nordkraft-Øst", "",
           -R.choice([3900, 4300]), tags=[N2])

# ----------------------------------------------------------------------------- look-alike money
# L01 Sofie: independent escort; her own MobilePay, her own rent, tax and ads
ordinary(sofie, rent=9800, landlord="Hasseris Ejendomme ApS", mp_friends=bg[:8], tags=[L_SOFIE])
SOFIE_TOUR = [(dt.date(2026, 9, 8), dt.date(2026, 9, 10)), (dt.date(2026, 10, 20), dt.date(2026, 10, 22))]
s_payers = []
for d in days():
    if R.random() < 0.42:
        if s_payers and R.random() < 0.35:
            p = R.choice(s_payers)
        else:
            p = ("%s %s" % (R.choice(DK_M), R.choice(DK_L)), phone())
            s_payers.append(p)
        amt = R.choice([1600, 1600, 1600, 2400, 3000, 1000])
        tx(sofie, at(d, *R.choice([(11, 17), (17, 22), (19, 23), (20, 25)])), "MobilePay", ("MobilePay %s %s" % (p[0], R.choice(["", "", "", "tak", "❤️", "S"]))).strip(),
           p[0], p[1], amt, tags=[L_SOFIE])
for (a, b) in SOFIE_TOUR:
    tx(sofie, at(a, 14, 16), "Visa/Dankort", "Visa-køb AROS BUDGET HOTEL AARHUS", "Aros Budget Hotel Aarhus", "", -2 * 745, by="Aarhus", tags=[L_SOFIE])
    tx(sofie, at(a, 10, 12), "Visa/Dankort", "Visa-køb DSB BILLET AALBORG-AARHUS", "DSB", "", -219, by="Aalborg", tags=[L_SOFIE])
for (y, mo) in months():
    tx(sofie, at(dt.date(y, mo, 20), 8, 10), "Betalingsservice", "Skattestyrelsen B-skat", "Skattestyrelsen", "", -9200, tags=[L_SOFIE])
    tx(sofie, at(dt.date(y, mo, 5), 8, 10), "Betalingsservice", "Velliv ratepension", "Velliv", "", -2500, tags=[L_SOFIE])
    for k in range(2):
        tx(sofie, at(dt.date(y, mo, 4 + k * 14), 10, 22), "Visa/Dankort", "Visa-køb RØDLYGTE.DK", "Rødlygte", "", -149, by="Internet", tags=[L_SOFIE])
# L02 Elena: independent, Romanian, own flat, sends money to her mother monthly; a trip home in September
ordinary(elena, rent=7600, landlord="Vivabolig", remit=("Mama Vasilescu Doina", iban("RO"), 2500, "RO"), tags=[L_ELENA])
for d in days():
    if dt.date(2026, 9, 12) <= d <= dt.date(2026, 9, 22):
        if R.random() < .5:
            tx(elena, at(d, 10, 20), "Visa/Dankort", "Visa-køb %s BACAU" % R.choice(["KAUFLAND", "LIDL", "CAFENEA"]), "", "", -R.randint(60, 400), by="Bacău", land="RO", tags=[L_ELENA])
        continue
    if R.random() < 0.27:
        p = ("%s %s" % (R.choice(DK_M), R.choice(DK_L)), phone())
        tx(elena, at(d, *R.choice([(12, 18), (18, 23), (20, 25)])), "MobilePay", "MobilePay %s" % p[0], p[0], p[1], R.choice([1400, 1400, 2500, 800]), tags=[L_ELENA])
tx(elena, at(dt.date(2026, 9, 12), 6, 8), "Visa/Dankort", "Visa-køb WIZZ AIR BLL-BCM", "Wizz Air", "", -1180, by="Internet", tags=[L_ELENA])
for (y, mo) in months():
    tx(elena, at(dt.date(y, mo, 20), 8, 10), "Betalingsservice", "Skattestyrelsen B-skat", "Skattestyrelsen", "", -6100, tags=[L_ELENA])
    tx(elena, at(dt.date(y, mo, 9), 10, 22), "Visa/Dankort", "Visa-køb NORDESCORT.COM", "Nordescort", "", -299, by="Internet", tags=[L_ELENA])
# L03 Sabai Thai Massage ApS: card terminal, salaries, A-skat/ATP, rent for the premises
SABAI_STAFF = [("Nok Srisuk", iban()), ("Dao Phanit", iban()), ("Ploy Chaiyaporn", iban())]
for d in days():
    if d.weekday() in (0, 2, 4):
        tx(sabai, at(d, 2, 4), "Indbetaling", "Nets kortindløsning %s" % d.strftime("%d%m"), "Nets", "", R.randint(4400, 11800), tags=[L_SABAI])
    if d.weekday() < 6 and R.random() < 0.3:
        p = ("%s %s" % (R.choice(DK_M + DK_F), R.choice(DK_L)), phone())
        tx(sabai, at(d, 10, 19), "MobilePay", "MobilePay %s" % p[0], p[0], p[1], R.choice([450, 650, 650, 900]), tags=[L_SABAI])
for (y, mo) in months():
    for nm, ib in SABAI_STAFF:
        tx(sabai, at(mday(y, mo, 30), 3, 5), "Overførsel", "Løn %s" % nm.split()[0], nm, ib, -R.choice([21800, 22400, 23100]), tags=[L_SABAI])
    tx(sabai, at(dt.date(y, mo, 10), 3, 5), "Betalingsservice", "Skattestyrelsen A-skat og AM-bidrag", "Skattestyrelsen", "", -R.randint(24000, 26000), tags=[L_SABAI])
    tx(sabai, at(dt.date(y, mo, 10), 3, 5), "Betalingsservice", "ATP bidrag", "ATP", "", -856.8, tags=[L_SABAI])
    tx(sabai, at(dt.date(y, mo, 1), 3, 5), "Overførsel", "Husleje Lindholmsvej 30", "Nørresundby Erhvervsejendomme", iban(), -12500, tags=[L_SABAI])
    tx(sabai, at(dt.date(y, mo, 14), 9, 15), "Visa/Dankort", "Visa-køb MASSAGEOLIE GROSSISTEN", "Massageolie Grossisten", "", -R.randint(900, 2100), by="Internet", tags=[L_SABAI])
    tx(sabai, at(dt.date(y, mo, 15), 9, 15), "Visa/Dankort", "Visa-køb GOOGLE ADS", "Google Ads", "", -R.randint(600, 1200), by="Internet", tags=[L_SABAI])
# L04 the Popa family: salaries, one pays the rent, the others chip in, both parents send to grandmother
gran = iban("RO")
vasile, maria, cristian, ana = popas
ordinary(vasile, salary=27500, salary_from="Hirtshals Fiskeindustri A/S", rent=7800, landlord="Hjørring Almene Boliger",
         remit=("Elena Popa", gran, 2000, "RO"), tags=[L_POPA])
ordinary(maria, salary=21000, salary_from="Rengøringsfirma Nord ApS", remit=("Elena Popa", gran, 1000, "RO"), grocery_n=(5, 9), tags=[L_POPA])
ordinary(cristian, salary=29000, salary_from="Vendsyssel Stål ApS", mp_friends=bg[:4], tags=[L_POPA])
ordinary(ana, salary=6820, salary_from="SU", grocery_n=(1, 3), tags=[L_POPA])
for (y, mo) in months():
    xfer(maria, vasile, at(dt.date(y, mo, 1), 8, 20), 2500, text="Husleje andel", tags=[L_POPA])
    xfer(cristian, vasile, at(dt.date(y, mo, 1), 8, 20), 2000, typ="MobilePay", text="MobilePay Tata chirie", text_b="MobilePay Cristian Popa chirie", tags=[L_POPA])
# L05 students: Magnus pays the whole rent to the landlord (Bent); the three others pay him their part
magnus, ioana, lukas, freja = studs
for s in studs:
    ordinary(s, salary=6820, salary_from="SU", grocery_n=(3, 5), extra_n=(1, 3), mp_friends=studs, start=s.since, tags=[L_STUD])
tx(ioana, at(dt.date(2026, 9, 1), 10, 14), "Udlandsoverførsel", "Indgående udlandsoverførsel MARIN GHEORGHE", "Marin Gheorghe", iban("RO"), 3000, land="RO", tags=[L_STUD])
tx(ioana, at(dt.date(2026, 10, 1), 10, 14), "Udlandsoverførsel", "Indgående udlandsoverførsel MARIN GHEORGHE", "Marin Gheorghe", iban("RO"), 3000, land="RO", tags=[L_STUD])
tx(lukas, at(dt.date(2026, 9, 1), 10, 14), "Udlandsoverførsel", "Indgående udlandsoverførsel BECKER MARTIN", "Martin Becker", iban("DE"), 4000, land="DE", tags=[L_STUD])
tx(lukas, at(dt.date(2026, 10, 1), 10, 14), "Udlandsoverførsel", "Indgående udlandsoverførsel BECKER MARTIN", "Martin Becker", iban("DE"), 4000, land="DE", tags=[L_STUD])
for mo in (9, 10):
    for s in (ioana, lukas, freja):
        if s.since < dt.date(2026, mo, 1):
            xfer(s, magnus, at(dt.date(2026, mo, 1) - dt.timedelta(days=R.randint(0, 3)), 9, 23), 2150, typ="MobilePay",
                 text="MobilePay Magnus Friis husleje %s 🏠" % ("sep" if mo == 9 else "okt"), text_b="MobilePay %s husleje 🏠" % s.name, tags=[L_STUD])
    xfer(magnus, bent, at(dt.date(2026, mo, 1), 10, 14), 8600, text="Husleje Danmarksgade 51 3th", tags=[L_STUD, L_LANDLORD])
# L06 the farm: revenue from invoices, wages every 14 days to each worker's own account, tax, ATP; workers pay rent back
for d in days():
    if d.weekday() == 2:
        tx(farm, at(d, 3, 5), "Overførsel", "Faktura %d Salling Group" % R.randint(20260, 20999), "Salling Group A/S", iban(), R.randint(48000, 125000) if d.month < 10 else R.randint(5000, 12000), tags=[L_FARM])
    if d.weekday() == 4 and (d - dt.date(2026, 7, 3)).days % 14 == 0 and d <= dt.date(2026, 10, 2):
        for s in seasonals:
            amt = R.randint(10800, 12900) if d < dt.date(2026, 10, 1) else R.randint(6000, 7000)
            xfer(farm, s, at(d, 3, 5), amt, typ="Løn", text="Løn uge %d-%d %s" % (d.isocalendar()[1] - 1, d.isocalendar()[1], s.first), text_b="Lønoverførsel Vendsyssel Bær & Grønt ApS", tags=[L_FARM])
for (y, mo) in months():
    tx(farm, at(dt.date(y, mo, 10), 3, 5), "Betalingsservice", "Skattestyrelsen A-skat og AM-bidrag", "Skattestyrelsen", "", -R.randint(52000, 61000) if mo < 10 else -21000, tags=[L_FARM])
    tx(farm, at(dt.date(y, mo, 10), 3, 5), "Betalingsservice", "ATP bidrag", "ATP", "", -1428 if mo < 10 else -571.2, tags=[L_FARM])
    tx(farm, at(dt.date(y, mo, 12), 9, 14), "Overførsel", "Faktura DLG foder og gødning", "DLG", iban(), -R.randint(18000, 42000), tags=[L_FARM])
for s in seasonals:
    ordinary(s, grocery_n=(3, 6), extra_n=(0, 1), end=dt.date(2026, 10, 4),
             remit=("%s %s" % (R.choice(["Elena", "Ion", "Natalia", "Olena", "Vasyl"]), s.last), iban("RO" if s.nat == "RO" else "UA"), R.choice([5000, 6000, 7000]), s.nat), tags=[L_FARM])
    for mo in (7, 8, 9):
        xfer(s, farm, at(dt.date(2026, mo, 1), 8, 18), 2200, text="Husleje bolig Bjergbyvej %s" % s.first, tags=[L_FARM])
# L07 Bent the landlord: pension, rent from tenants (paid above), repairs, property tax
ordinary(bent, salary=14500, salary_from="Pension", grocery_n=(3, 5), extra_n=(1, 2), tags=[L_LANDLORD])
for (y, mo) in months():
    tx(bent, at(dt.date(y, mo, 2), 3, 5), "Løn", "Udbetaling Sampension", "Sampension", "", 9800, tags=[L_LANDLORD])
    if mo in (7, 10):
        tx(bent, at(dt.date(y, mo, 15), 3, 5), "Betalingsservice", "Ejendomsskat Aalborg Kommune", "Aalborg Kommune", "", -18750, tags=[L_LANDLORD])
    tx(bent, at(dt.date(y, mo, R.randint(8, 25)), 9, 15), "Overførsel", "Faktura %s" % R.choice(["VVS Nord ApS", "Malerfirmaet Kirk", "Låsesmed Aalborg"]),
       "Håndværker", iban(), -R.randint(1800, 9800), tags=[L_LANDLORD])
# L08 the handball club: membership fees by MobilePay from many parents in the evening, coaches paid, hall rent
kids = [R.choice(DK_M + DK_F) for _ in range(60)]
for i, k in enumerate(kids[:44]):
    parent = ("%s %s" % (R.choice(DK_M + DK_F), R.choice(DK_L)), phone())
    d = dt.date(2026, 8, 10) + dt.timedelta(days=R.randint(0, 40))
    team = R.choice(["U9", "U11", "U13", "U15", "U17"])
    tx(club, at(d, *R.choice([(17, 22), (19, 23), (7, 9), (12, 16)])), "MobilePay", "MobilePay %s kontingent %s %s" % (parent[0], team, k), parent[0], parent[1],
       {"U9": 600, "U11": 900, "U13": 900, "U15": 1200, "U17": 1200}[team], tags=[L_CLUB])
for p in bg[:3]:
    xfer(p, club, at(dt.date(2026, 8, 20) + dt.timedelta(days=R.randint(0, 10)), 19, 22), 900, typ="MobilePay",
         text="MobilePay Aalborg Øst Håndboldklub kontingent U11", text_b="MobilePay %s kontingent U11" % p.name, tags=[L_CLUB])
for (y, mo) in months():
    tx(club, at(dt.date(y, mo, 3), 9, 12), "Overførsel", "Haltid Aalborg Kommune", "Aalborg Kommune Kultur", iban(), -R.randint(3000, 6000), tags=[L_CLUB])
    for coach in ("Lasse Thygesen", "Mette Skov", "Ali Hussein"):
        tx(club, at(mday(y, mo, 28), 18, 21), "MobilePay", "MobilePay %s trænerhonorar" % coach, coach, phone() if mo == 7 else "", -1500, tags=[L_CLUB])
tx(club, at(dt.date(2026, 9, 2), 10, 12), "Overførsel", "DHF holdtilmelding sæson 26/27", "Dansk Håndbold Forbund", iban(), -8400, tags=[L_CLUB])
tx(club, at(dt.date(2026, 8, 28), 10, 16), "Visa/Dankort", "Visa-køb SPORTMASTER AALBORG", "Sportmaster", "", -6240, by="Aalborg", tags=[L_CLUB])
# L09 the travel agency: 14 travellers pay a group trip to Thailand; the agency buys the flights and pays the hotel
for i in range(14):
    f, l = R.choice(DK_M + DK_F), R.choice(DK_L)
    tx(travel, at(dt.date(2026, 8, 1) + dt.timedelta(days=R.randint(0, 45)), 8, 20), "Overførsel", "Fra %s %s Gruppetur Thailand nov" % (f, l), "%s %s" % (f, l), iban(), 14995, tags=[L_TRAVEL])
tx(travel, at(dt.date(2026, 9, 18), 10, 12), "Visa/Dankort", "Visa-køb FLYBOOKING NORDIC GRP CPH-BKK-CPH 14 PAX", "Flybooking Nordic", "", -98420, by="Internet", tags=[L_TRAVEL])
tx(travel, at(dt.date(2026, 9, 25), 10, 12), "Udlandsoverførsel", "Udlandsoverførsel RIVERSIDE GARDEN HOTEL BANGKOK depositum", "Riverside Garden Hotel", iban("TH"), -41300, land="TH", tags=[L_TRAVEL])
for (y, mo) in months():
    for nm in ("Karina Bach", "Jan Overgaard"):
        tx(travel, at(mday(y, mo, 30), 3, 5), "Overførsel", "Løn %s" % nm.split()[0], nm, iban(), -R.randint(27000, 31000), tags=[L_TRAVEL])
    tx(travel, at(dt.date(y, mo, 10), 3, 5), "Betalingsservice", "Skattestyrelsen A-skat og AM-bidrag", "Skattestyrelsen", "", -R.randint(19000, 21000), tags=[L_TRAVEL])
    tx(travel, at(dt.date(y, mo, 1), 3, 5), "Overførsel", "Husleje Boulevarden 13", "Boulevarden Ejendomme", iban(), -9500, tags=[L_TRAVEL])
    for _ in range(R.randint(3, 6)):
        f, l = R.choice(DK_M + DK_F), R.choice(DK_L)
        tx(travel, at(dt.date(y, mo, R.randint(1, 28)), 8, 20), "Overførsel", "Fra %s %s %s" % (f, l, R.choice(["Mallorca okt", "Rom forlænget weekend", "Krydstogt Norge", "Skiferie Ischgl"])),
           "%s %s" % (f, l), iban(), R.choice([4995, 7990, 12400, 3495]), tags=[L_TRAVEL])

# ----------------------------------------------------------------------------- KYC change log (the bank's 'ændringslog')
KYC = []


def kyc(c, ts, ev, felt="", old="", new="", kanal="", af="", note="", tags=None):
    KYC.append(dict(c=c, ts=ts, ev=ev, felt=felt, old=old, new=new, kanal=kanal, af=af, note=note, tags=set(tags if tags is not None else c.tags)))


# N1 onboarding with an 'interpreter', contact details moving to the booking phone, serial e-mails, a shared app device
for w, interp in ((bianca, True), (larisa, True)):
    kyc(w, at(w.since, 10, 12), "Kunde oprettet", kanal="Filial Aalborg C", af="", note="Privatkunde, lønkonto + Dankort + MobilePay")
    kyc(w, at(w.since, 10, 12), "Henvendelse via tredjemand", kanal="Filial Aalborg C", af="Ionuț Rusu (oplyst som tolk/ven)",
        note="Kunden taler hverken dansk eller engelsk. Tolken svarede på spørgsmål om formål og arbejdsgiver. Arbejdsgiver oplyst: 'klinik'.")
    kyc(w, at(w.since, 11, 12), "Møde i filial afholdt", kanal="Filial Aalborg C", note="Pas forevist af tolk. Bopæl Kløvermarken 14.")
kyc(bianca, at(dt.date(2026, 8, 4), 21, 23), "Stamdata ændret", "Telefon", "+45 20 00 52 61", BOOKER, "Mobilbank")
kyc(larisa, at(dt.date(2026, 8, 4), 21, 23), "Stamdata ændret", "Telefon", "+45 20 00 52 74", BOOKER, "Mobilbank")
kyc(bianca, at(dt.date(2026, 8, 4), 21, 23), "Stamdata ændret", "E-mail", "bianca.stan03@yahoo.com", "rose.wellness1@gmail.com", "Mobilbank")
kyc(larisa, at(dt.date(2026, 8, 4), 21, 23), "Stamdata ændret", "E-mail", "larisa.m05@yahoo.com", "rose.wellness2@gmail.com", "Mobilbank")
bianca.email, larisa.email = "rose.wellness1@gmail.com", "rose.wellness2@gmail.com"
bianca.tel = larisa.tel = BOOKER
for w in (denisa, roxana):
    kyc(w, at(w.since, 13, 15), "Kunde oprettet", kanal="App (selvbetjening)", note="Onboarding startet i app")
    kyc(w, at(w.since, 13, 15), "Legitimation: video-ID ikke godkendt", kanal="Video", note="To personer i billedet; den anden person svarede på spørgsmålene")
    kyc(w, at(w.since + dt.timedelta(days=1), 10, 12), "Legitimation: video-ID afvist af kunde", kanal="Video", note="Kunden afbrød forbindelsen")
    kyc(w, at(w.since + dt.timedelta(days=1), 14, 16), "Henvendelse via tredjemand", kanal="Telefon", af="Ionuț Rusu",
        note="Ringede på kundens vegne og bad om møde uden video")
    kyc(w, at(w.since + dt.timedelta(days=2), 10, 12), "Møde i filial afholdt", kanal="Filial Aalborg C", af="Ionuț Rusu (tolk)", note="Tolk medbragt")
ROX_OWN_DEV = dev()
kyc(roxana, at(dt.date(2026, 8, 20), 22, 24), "Stamdata ændret", "App-enhed", ROX_OWN_DEV, DEV_IONUT, "Mobilbank")
kyc(denisa, at(dt.date(2026, 9, 3), 20, 23), "Stamdata ændret", "Telefon", "+45 20 00 52 89", BOOKER2, "Mobilbank")
denisa.tel = BOOKER2
kyc(ionut, at(dt.date(2026, 7, 16), 9, 11), "Stamdata ændret", "MobilePay-nummer", "+45 20 00 31 08", BOOKER, "App", tags=[N1])
# N2: after the recruits left, their contact details and app device moved to the compound's
for i, r in enumerate(recruits):
    t0 = MULE0[r] - dt.timedelta(days=2)
    kyc(r, at(t0, 3, 6), "Stamdata ændret", "App-enhed", r.device, DEV_KH, "Mobilbank", note="MitID-godkendt")
    kyc(r, at(t0, 3, 6), "Stamdata ændret", "Telefon", r.tel, KH_PHONE, "Netbank")
    kyc(r, at(t0, 3, 6), "Stamdata ændret", "E-mail", r.email, "dksupport0%d@gmail.com" % (i + 1), "Netbank")
    r.old = (r.tel, r.email, r.device)
    r.mp = r.tel
    r.tel, r.email, r.device = KH_PHONE, "dksupport0%d@gmail.com" % (i + 1), DEV_KH
kyc(frederik, at(dt.date(2026, 10, 2), 10, 12), "Legitimation: video-ID ikke godkendt", kanal="Video",
    note="Kontrol efter advarsel om indbetalinger. Kunden læste svar op fra papir, en anden person talte engelsk i baggrunden.")
kyc(sara, at(dt.date(2026, 10, 5), 10, 12), "Møde aflyst af kunde", kanal="Telefon", af="'Kevin' (oplyst som kollega)", note="Opkald fra +855-nummer")
kyc(sara, at(dt.date(2026, 10, 6), 10, 12), "Henvendelse via tredjemand", kanal="Telefon", af="'Kevin' (oplyst som kollega)", note="Bad om ophævelse af beløbsgrænse")
kyc(nikolaj, at(dt.date(2026, 10, 22), 10, 12), "Møde i filial afholdt", kanal="Filial Aalborg C",
    note="Kunden oplyser at kontoen har været brugt af andre mens han var i Cambodja. Konto spærret for udlandsbetalinger. Anmeldt til politiet.")
NIK_NEW = (phone(), dev())
kyc(nikolaj, at(dt.date(2026, 10, 22), 12, 13), "Stamdata ændret", "Telefon", KH_PHONE, NIK_NEW[0], "Filial Aalborg C")
kyc(nikolaj, at(dt.date(2026, 10, 22), 12, 13), "Stamdata ændret", "E-mail", nikolaj.email, nikolaj.old[1], "Filial Aalborg C")
kyc(nikolaj, at(dt.date(2026, 10, 22), 12, 13), "Stamdata ændret", "App-enhed", DEV_KH, NIK_NEW[1], "Filial Aalborg C")
nikolaj.tel, nikolaj.email, nikolaj.device = NIK_NEW[0], nikolaj.old[1], NIK_NEW[1]
nikolaj.mp = NIK_NEW[0]
# look-alikes and background entries
for s in seasonals:
    kyc(s, at(dt.date(2026, 6, 2), 9, 12), "Kunde oprettet", kanal="Filial Hjørring", note="Lønkonto, sæsonansættelse jun-sep")
    kyc(s, at(dt.date(2026, 6, 2), 9, 12), "Henvendelse via tredjemand", kanal="Filial Hjørring", af="Lene Mikkelsen (HR, Vendsyssel Bær & Grønt ApS)",
        note="Arbejdsgiver bookede tiden og medbragte ansættelseskontrakter. Kunden selv til stede med eget pas, svarede selv (engelsk/rumænsk tolk fra banken).")
    kyc(s, at(dt.date(2026, 6, 2), 9, 12), "Møde i filial afholdt", kanal="Filial Hjørring", note="Eget pas forevist")
for s in studs:
    kyc(s, at(s.since, 10, 20), "Kunde oprettet", kanal="App (selvbetjening)", note="Ung/studerende")
    kyc(s, at(s.since, 10, 20), "Legitimation: video-ID godkendt", kanal="Video")
kyc(maria, at(dt.date(2026, 7, 9), 18, 20), "Stamdata ændret", "Telefon", phone(), popa_tel, "Mobilbank", note="")
kyc(ana, at(dt.date(2026, 8, 30), 18, 20), "Stamdata ændret", "Adresse", "Kollegievej 3, 9800 Hjørring", "Bispensgade 9, 1., 9800 Hjørring", "Mobilbank")
old_pens = [c for c in bg if c.occ == "Pensionist"]
for c in old_pens[:2]:
    kyc(c, at(dt.date(2026, 8, 12), 10, 12), "Legitimation: video-ID ikke godkendt", kanal="Video", note="Billedet frøs; kunden har ingen smartphone")
    kyc(c, at(dt.date(2026, 8, 19), 10, 12), "Legitimation: video-ID ikke godkendt", kanal="Video", note="Lånt tablet, dårlig forbindelse")
    kyc(c, at(dt.date(2026, 8, 26), 10, 12), "Møde i filial afholdt", kanal="Filial Aalborg C", note="Legitimation ok")
    kyc(c, at(dt.date(2026, 9, 2), 10, 12), "Fuldmagt registreret", kanal="Filial Aalborg C", af="%s %s (søn)" % (R.choice(DK_M), c.last))
for c in R.sample(bg, 5):
    newtel = phone()
    kyc(c, at(dt.date(2026, R.randint(7, 10), R.randint(1, 28)), 8, 22), "Stamdata ændret", "Telefon", c.tel, newtel, R.choice(["Mobilbank", "Netbank"]))
    c.tel = newtel
for c in R.sample(bg, 4):
    a = addr()
    kyc(c, at(dt.date(2026, R.randint(7, 10), R.randint(1, 28)), 8, 22), "Stamdata ændret", "Adresse", "%s, %s %s" % (c.street, c.pc, c.town), "%s, %s %s" % a, "Netbank")
    c.street, c.pc, c.town = a
for c in R.sample(bg, 6):
    kyc(c, at(dt.date(2026, R.randint(7, 10), R.randint(1, 28)), 8, 22), "Stamdata ændret", "App-enhed", c.device, dev(), "Mobilbank", note="Ny telefon")
kyc(sofie, at(dt.date(2026, 8, 18), 10, 11), "Legitimation: video-ID godkendt", kanal="Video", note="Periodisk KYC-opdatering, selvstændig erhvervsdrivende")
kyc(elena, at(dt.date(2026, 9, 28), 10, 11), "Møde i filial afholdt", kanal="Filial Aalborg C", note="Periodisk KYC: oplyser selvstændig virksomhed, CVR forevist, indtægter fra kunder via MobilePay")
for c in CUSTS:
    if c in (bianca, larisa, denisa):
        continue
    if c is roxana:
        continue

# ----------------------------------------------------------------------------- netbank / mobile bank log
LOG = []
MARIUS_IP = "203.0.113.27"
KH_IP = "192.0.2.117"


def login(c, ts, devid, ipa, cc, kanal=None, ev="Login OK", tags=None):
    LOG.append(dict(c=c, ts=ts, kanal=kanal or R.choice(["Mobilbank", "Mobilbank", "MobilePay", "Netbank"]), ev=ev, dev=devid, ip=ipa, cc=cc,
                    tags=set(tags if tags is not None else c.tags)))


SHARED_FLAT_PC = dev()
for c in CUSTS:
    if c in workers or c in recruits:
        continue
    home_ip = ip("DK")
    d = max(D0, c.since)
    while d <= D1:
        dv = c.device
        if c in (lukas, freja) and R.random() < .5:
            dv = SHARED_FLAT_PC
        if c is elena and dt.date(2026, 9, 12) <= d <= dt.date(2026, 9, 22):
            login(c, at(d, 8, 23), dv, ip("RO"), "RO")
        elif c in seasonals and d > dt.date(2026, 10, 4):
            login(c, at(d, 8, 23), dv, ip("RO" if c.nat == "RO" else "PL"), "RO" if c.nat == "RO" else "PL")
        else:
            login(c, at(d, 7, 23), dv, home_ip if R.random() < .6 else ip("DK"), "DK")
        d += dt.timedelta(days=R.randint(8, 20) if c.seg == "Privat" else R.randint(6, 12))
for w in workers:
    d = w.since
    first = True
    while d <= dt.date(2026, 10, 13):
        dv = DEV_IONUT if (w is not roxana or d >= dt.date(2026, 8, 20)) else ROX_OWN_DEV
        if first:
            login(w, at(d, 12, 16), dv, ip("DK"), "DK", kanal="Mobilbank", ev="Ny enhed tilknyttet")
            first = False
        if R.random() < .2:
            login(w, at(d, 9, 23), dv, ip("DK"), "DK", kanal=R.choice(["Mobilbank", "MobilePay"]))
        if d >= dt.date(2026, 8, 10) and R.random() < .3:
            login(w, at(d, 8, 12), DEV_MARIUS, MARIUS_IP, "RO", kanal="Netbank")
        d += dt.timedelta(days=1)
for r in recruits:
    d = max(D0, r.since)
    while d <= D1:
        if d < DEPART[r]:
            if R.random() < .15:
                login(r, at(d, 8, 23), r.old[2], ip("DK"), "DK")
        elif d < MULE0[r] - dt.timedelta(days=2):
            if R.random() < .12:
                cc = "TH" if d < DEPART[r] + dt.timedelta(days=6) else "KH"
                login(r, at(d, 8, 23), r.old[2], ip(cc), cc, kanal="Mobilbank")
        elif d <= MULE1[r]:
            if d == MULE0[r] - dt.timedelta(days=2):
                login(r, at(d, 3, 5), DEV_KH, KH_IP, "KH", kanal="Netbank", ev="Ny enhed tilknyttet")
            if R.random() < .35:
                login(r, at(d, 8, 18), DEV_KH, KH_IP, "KH", kanal="Netbank")
            if R.random() < .05:
                login(r, at(d, 8, 18), DEV_KH, KH_IP, "KH", kanal="Netbank", ev="Login afvist (forkert kode)")
        elif r is nikolaj and d >= dt.date(2026, 10, 22):
            if R.random() < .3:
                login(r, at(d, 8, 23), NIK_NEW[1], ip("DK"), "DK", tags=[])
        d += dt.timedelta(days=1)

# ----------------------------------------------------------------------------- CVR extract
CVR = []


def cvr(nr, name, code, text, adr, start, band, owner, obirth, ocountry, ofrom, oto="", tags=()):
    CVR.append(dict(nr=nr, name=name, code=code, text=text, adr=adr, start=start, band=band, owner=owner, obirth=obirth,
                    ocountry=ocountry, ofrom=ofrom, oto=oto, tags=set(tags)))


ROSE_CVR = "40918273"
cvr(ROSE_CVR, "Klinik Rosé Wellness IVS", "960400", "Fysisk velvære", "%s, %s %s" % CLINIC, dt.date(2025, 11, 1), "1", "Ionuț Rusu",
    ionut.birth, "Danmark", dt.date(2025, 11, 1), dt.date(2026, 5, 31), tags=[N1])
cvr(ROSE_CVR, "Klinik Rosé Wellness IVS", "960400", "Fysisk velvære", "%s, %s %s" % CLINIC, dt.date(2025, 11, 1), "1", "Cătălin Dobre",
    dt.date(1969, 12, 1), "Rumænien", dt.date(2026, 6, 1), dt.date(2026, 8, 31), tags=[N1])
cvr(ROSE_CVR, "Klinik Rosé Wellness IVS", "960400", "Fysisk velvære", "%s, %s %s" % CLINIC, dt.date(2025, 11, 1), "1", "Larisa Munteanu",
    larisa.birth, "Danmark", dt.date(2026, 9, 1), tags=[N1])
cvr("37120456", "Sabai Thai Massage ApS", "960400", "Fysisk velvære", "Lindholmsvej 30, 9400 Nørresundby", dt.date(2017, 3, 1), "2-4",
    "Ploy Chaiyaporn", dt.date(1979, 5, 14), "Danmark", dt.date(2017, 3, 1), tags=[L_SABAI])
cvr("31556677", "Vendsyssel Bær & Grønt ApS", "012500", "Dyrkning af bær, nødder og andre frugter", "%s, %s %s" % FARM, dt.date(2009, 1, 1), "5-9",
    "Lene og Karsten Mikkelsen", dt.date(1966, 2, 2), "Danmark", dt.date(2009, 1, 1), tags=[L_FARM])
cvr("27345120", "Limfjord Rejser ApS", "791100", "Rejsebureauer", "Boulevarden 13, 9000 Aalborg", dt.date(2004, 1, 1), "2-4",
    "Karina Bach", dt.date(1972, 9, 9), "Danmark", dt.date(2004, 1, 1), tags=[L_TRAVEL])
cvr("43001992", "NordicSupport ApS", "822000", "Callcentre", "Jernbanegade 7, 9000 Aalborg", dt.date(2021, 6, 1), "50-99",
    "NordicSupport Holding A/S", "", "Danmark", dt.date(2021, 6, 1), tags=[L_LISBON])
cvr("29887766", "Aalborg Øst Håndboldklub", "931200", "Sportsklubber", "Humlebakken 2, 9220 Aalborg Øst", dt.date(1978, 1, 1), "0",
    "(forening)", "", "Danmark", dt.date(1978, 1, 1), tags=[L_CLUB])
cvr("41234098", "Hurtig Kurér ApS", "532000", "Andre post- og kurertjenester", "Gasværksvej 20, 9000 Aalborg", dt.date(2020, 2, 1), "10-19",
    "Jesper Dam", dt.date(1985, 3, 3), "Danmark", dt.date(2020, 2, 1), tags=[L_COURIER])
cvr("35667788", "Nordjysk Erhvervsudlejning ApS", "682040", "Udlejning af erhvervsejendomme", "Hadsundvej 100, 9000 Aalborg", dt.date(2013, 5, 1), "1",
    "Ole Frandsen", dt.date(1961, 8, 8), "Danmark", dt.date(2013, 5, 1))
cvr("38899001", "Hirtshals Fiskeindustri A/S", "102000", "Forarbejdning af fisk", "Havnegade 4, 9850 Hirtshals", dt.date(1998, 1, 1), "100-199",
    "HF Holding A/S", "", "Danmark", dt.date(1998, 1, 1))
cvr("36112233", "Sofie Lund Massage & Escort", "960900", "Andre personlige serviceydelser", "Hasserisgade 22, 3., 9000 Aalborg", dt.date(2018, 4, 1), "0",
    "Sofie Lund", sofie.birth, "Danmark", dt.date(2018, 4, 1), tags=[L_SOFIE])

# ============================================================================ scraped ads
ADS = []
SITES = {"roedlygte.dk": "https://roedlygte.dk/annonce/%d", "nordescort.com": "https://nordescort.com/profile/%d",
         "massageguiden-nord.net": "https://massageguiden-nord.net/a/%d"}


def phash():
    return "%016x" % R.getrandbits(64)


def ad(ts, site, city, kat, titel, tekst, navn, alder, tlf, pris, varighed, hashes, sprog, tags=(), removed=None):
    ADS.append(dict(ts=ts, site=site, city=city, kat=kat, titel=titel, tekst=tekst, navn=navn, alder=alder, tlf=tlf, pris=pris,
                    varighed=varighed, hashes=hashes, sprog=sprog, tags=set(tags), removed=removed))


DIGITS_DA = ["nul", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni"]
KEYCAP = ["0️⃣", "1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]


def written(p, style):
    d = p.replace("+45", "").replace(" ", "")
    if style == "plain":
        return "%s %s %s %s" % (d[0:2], d[2:4], d[4:6], d[6:8])
    if style == "tight":
        return d
    if style == "intl":
        return "+45" + d
    if style == "words":
        return " ".join(DIGITS_DA[int(x)] for x in d)
    if style == "letters":
        return ("%s %s %s %s" % (d[0:2], d[2:4], d[4:6], d[6:8])).replace("0", "O").replace("1", "l")
    if style == "keycap":
        return "".join(KEYCAP[int(x)] for x in d)
    if style == "dots":
        return ".".join(d[i:i + 2] for i in range(0, 8, 2))
    return d


EMO = [("💋", .43), ("👅", .19), ("🍭", .11), ("🎀", .09), ("🌹", .09), ("🍒", .07), ("🍑", .06), ("🔥", .2), ("😘", .2), ("✨", .12)]
NAT_DA = {"dansk": "dansk", "latina": "latina", "asian": "asiatisk", "thai": "thailandsk", "svensk": "svensk", "polsk": "polsk",
          "brasiliansk": "brasiliansk", "ebony": "mørk", "russisk": "russisk"}


def bg_persona():
    nat = R.choice(["dansk"] * 9 + ["latina", "asian", "thai", "svensk", "polsk", "brasiliansk", "ebony", "russisk"])
    name = R.choice(["Mia", "Nanna", "Josefine", "Katja", "Lulu", "Bella", "Nicole", "Vanessa", "Jasmin", "Stine", "Luna", "Emily",
                     "Tanja", "Sabrina", "Pernille", "Amalie", "Kiki", "Maja", "Sandra", "Lea", "Gabriela", "Mai", "Linh", "Ewa",
                     "Carla", "Natascha", "Ronja", "Victoria", "Isabella", "Chanel", "Dorthe", "Lotte", "Anja", "Yasmin", "Roxy"])
    age = R.choice([19] + list(range(21, 46)) + [24, 25, 27, 29, 31, 34])
    return dict(nat=nat, name=name, age=age, tel=phone(), lang=R.choice(["da"] * 3 + ["en"]) if nat == "dansk" else R.choice(["en", "en", "da"]),
                city=R.choice(["Aalborg"] * 6 + ["Hjørring", "Frederikshavn", "Aarhus", "Aarhus", "Randers", "Thisted", "Brønderslev"]),
                price=R.choice([1200, 1300, 1400, 1500, 1500, 1500, 1600, 1800, 2000, 1000]), hashes=[phash() for _ in range(R.randint(1, 4))],
                site=R.choice(list(SITES)), phone_style=R.choice(["plain"] * 8 + ["tight"] * 4 + ["intl"] * 2 + ["words", "letters", "dots", "keycap"]),
                massage=R.random() < .14, young=R.random() < .12, real=R.random() < .2, indep=R.random() < .22, h247=R.random() < .07,
                sms=R.random() < .05, msgr=R.random() < .03, gfe=R.random() < .03, tour=R.random() < .12, petite=R.random() < .08,
                emo=[e for e, p in EMO if R.random() < p])


def bg_text(p, city, newtown=False):
    da = p["lang"] == "da"
    bits = []
    if da:
        bits.append(R.choice(["Hej søde mand", "Hej med dig", "Hej og velkommen", "Hej gentleman", "Hej du"]) + " " + (p["emo"][0] if p["emo"] else ""))
        adj = " ".join(x for x in [("ung" if p["young"] else ""), ("lille" if p["petite"] else ""), R.choice(["sød", "sød", "lækker", "smilende", "sensuel", "frisk"] + ([] if p["young"] else ["moden"]))] if x)
        bits.append("Jeg hedder %s og er en %s %s kvinde på %d år." % (p["name"], adj, NAT_DA[p["nat"]], p["age"]))
        if newtown:
            bits.append("Ny i %s – kun få dage!" % city)
        bits.append(R.choice(["Jeg tager mig god tid og giver dig en dejlig oplevelse.", "Jeg er nærværende, diskret og elsker at forkæle.",
                              "Jeg er glad, uhøjtidelig og god til at få dig til at slappe af.", "Hos mig er der ingen stress, kun hygge og nærhed."]))
        if p["massage"]:
            bits.append("Jeg tilbyder også afslappende olie- og bodymassage.")
        if p["gfe"]:
            bits.append("Kæresteoplevelse (GFE) efter aftale.")
        bits.append("Jeg tager imod i %s i diskret lejlighed%s." % (city, R.choice(["", " og kommer gerne ud til hotel"])))
        if p["indep"]:
            bits.append(R.choice(["Jeg er selvstændig og arbejder for mig selv.", "100% selvstændig – ingen mellemmænd."]))
        if p["real"]:
            bits.append(R.choice(["100% ægte billeder.", "Billederne er 100% ægte og mig selv."]))
        if p["h247"]:
            bits.append("Tilgængelig 24/7.")
        bits.append("Pris: 1 time %s kr." % format(p["price"], ",").replace(",", "."))
        ph = written(p["tel"], p["phone_style"])
        if p["sms"]:
            bits.append("Kun sms: %s – ingen skjulte numre." % ph)
        elif p["msgr"]:
            bits.append("Skriv på WhatsApp %s" % ph)
        else:
            bits.append(R.choice(["Ring eller sms %s", "Ring på %s", "Kontakt mig på %s", "Tlf %s"]) % ph)
    else:
        bits.append(R.choice(["Hi gentlemen", "Hello darling", "Hey there", "Welcome"]) + " " + (p["emo"][0] if p["emo"] else ""))
        adj = " ".join(x for x in [("young" if p["young"] else ""), ("petite" if p["petite"] else ""), R.choice(["sweet", "sweet", "sexy", "elegant", "smiling", "naughty"] + ([] if p["young"] else ["mature"]))] if x)
        nat = {"dansk": "Danish", "latina": "Latina", "asian": "Asian", "thai": "Thai", "svensk": "Swedish", "polsk": "Polish",
               "brasiliansk": "Brazilian", "ebony": "ebony", "russisk": "Russian"}[p["nat"]]
        bits.append("I'm %s, a %s %s lady, %d years." % (p["name"], adj, nat, p["age"]))
        if newtown:
            bits.append("New in %s, only a few days!" % city)
        bits.append(R.choice(["I take my time and love to make you feel good.", "Discreet, clean and always in a good mood.",
                              "Come and relax with me, no rush.", "Let me spoil you with my sweet touch."]))
        if p["massage"]:
            bits.append("Also relaxing body to body massage.")
        if p["gfe"]:
            bits.append("GFE possible.")
        bits.append("Incall in %s%s." % (city, R.choice(["", ", outcall to hotels"])))
        if p["indep"]:
            bits.append("Independent lady, no agency.")
        if p["real"]:
            bits.append(R.choice(["100% real pics.", "Real photos, no surprises."]))
        if p["h247"]:
            bits.append("Available 24/7.")
        bits.append("1 hour %d kr." % p["price"])
        ph = written(p["tel"], p["phone_style"])
        if p["sms"]:
            bits.append("Text only %s" % ph)
        elif p["msgr"]:
            bits.append("WhatsApp/Telegram %s" % ph)
        else:
            bits.append(R.choice(["Call or text %s", "Call me %s", "Phone %s"]) % ph)
    bits.append("".join(p["emo"][1:]))
    return " ".join(b for b in bits if b)


for _ in range(40):
    p = bg_persona()
    n = R.randint(3, 10)
    t = at(D0 + dt.timedelta(days=R.randint(0, 40)), 8, 23)
    last_text = None
    for k in range(n):
        city = p["city"]
        newtown = False
        if p["tour"] and R.random() < .35:
            city = R.choice([c for c in ["Aalborg", "Aarhus", "Hjørring", "Frederikshavn", "Randers"] if c != p["city"]])
            newtown = True
        txt = last_text if (last_text and R.random() < .15 and not newtown) else bg_text(p, city, newtown)
        last_text = txt
        titel = R.choice(["%s %s" % (p["name"], p["emo"][0] if p["emo"] else ""), "%s – %d år" % (p["name"], p["age"]), "Sød %s i %s" % (p["name"], city),
                          "%s ❤️" % p["name"], "NY: %s" % p["name"] if k == 0 else "%s %s" % (p["name"], city)]).strip()
        showtel = p["tel"] if p["phone_style"] in ("plain", "tight", "intl") and R.random() < .85 else ""
        ad(t, p["site"], city, "massage" if p["massage"] and R.random() < .5 else "escort", titel, txt, p["name"], p["age"], showtel, p["price"], 60,
           p["hashes"], "dansk, engelsk" if p["nat"] == "dansk" else R.choice(["engelsk", "engelsk, spansk", "engelsk, dansk", "engelsk, polsk"]))
        t = t + dt.timedelta(days=R.randint(6, 20), hours=R.randint(-5, 5))
        if t.date() > D1:
            break

# lawful massage clinics (no erotic services)
for (nm, city, tel, tags, hashes, text) in [
        ("Sabai Thai Massage", "Nørresundby", "+45 20 00 80 80", [L_SABAI], [phash(), phash(), phash()],
         "Traditionel thaimassage i Nørresundby 🌺 Vores uddannede thailandske massører Nok, Dao og Ploy giver dig en ægte thaimassage, olie- og fodmassage. "
         "Åbent man-lør 10-19. Ingen erotiske ydelser. 60 min 450 kr, 90 min 650 kr. Book på tlf 20 00 80 80 eller sabaithai-nord.dk. CVR 37120456."),
        ("Aalborg Sportsmassage", "Aalborg", phone(), [], [phash()],
         "Sportsmassage og behandling af ømme muskler. Uddannet massør med 12 års erfaring. Tider hverdage 8-18. 60 min 495 kr. Book online."),
        ("Hjørring Zoneterapi & Massage", "Hjørring", phone(), [], [phash()],
         "Klassisk massage, zoneterapi og hot stone. RAB-registreret. Tilskud fra sygeforsikring danmark. Ring og book."),
        ("Jasmin Thai Wellness", "Frederikshavn", phone(), [], [phash(), phash()],
         "Thai wellness i Frederikshavn. Thailandske massører, traditionel massage og olie. Åbent alle dage 10-20. Ingen sex, tak. 1 time 400 kr.")]:
    for k in range(R.randint(5, 8) if tags else R.randint(3, 5)):
        ad(at(D0 + dt.timedelta(days=k * 16 + R.randint(0, 6)), 9, 17), "massageguiden-nord.net", city, "massage", nm, text,
           "Nok, Dao, Ploy" if tags else nm, "", tel, 450 if tags else 450, 60, hashes, "dansk, thai, engelsk" if tags else "dansk", tags=tags)

# L01 Sofie: first person, her own number, two short tours to Aarhus
SOF_HASH = [phash(), phash(), phash()]
for k, d in enumerate(sorted({dt.date(2026, 7, 2) + dt.timedelta(days=9 * i + R.randint(0, 2)) for i in range(13)} | {a for a, b in SOFIE_TOUR})):
    tour = any(a == d for a, b in SOFIE_TOUR)
    city = "Aarhus" if tour else "Aalborg"
    txt = ("Hej, jeg hedder Sofie, 29 år, dansk og selvstændig 💋 " + ("Ny i Aarhus – kun 3 dage! " if tour else "") +
           "Jeg er sød, glad og tager mig god tid – jeg bestemmer selv hvem jeg ser. 100%% ægte billeder af mig selv. "
           "Privat og diskret lejlighed i %s. 1 time 1.600 kr, 2 timer 3.000 kr. Betaling kontant eller MobilePay. Ring eller sms 20 00 63 18 – "
           "ingen skjulte numre. Sikker sex altid. 🌹" % city)
    ad(at(d, 10, 22), "roedlygte.dk", city, "escort", "Sofie – selvstændig, dansk 29 år" + (" · NY I AARHUS" if tour else ""), txt, "Sofie", 29,
       "+45 20 00 63 18", 1600, 60, SOF_HASH, "dansk, engelsk", tags=[L_SOFIE])
# L02 Elena: English, independent, messenger contact
EL_HASH = [phash(), phash()]
for k in range(11):
    d = dt.date(2026, 7, 5) + dt.timedelta(days=k * 10 + R.randint(0, 3))
    if dt.date(2026, 9, 12) <= d <= dt.date(2026, 9, 22):
        continue
    city = "Aarhus" if k in (3, 8) else "Aalborg"
    txt = ("Hello gentlemen, I'm Elena, 33, independent Romanian lady living in Aalborg 🍒 %sI work for myself, no agency, no driver. "
           "Real photos, I am exactly like in pictures. Sensual massage and more, always safe. 1 hour 1.400 kr. "
           "Text me on WhatsApp or Telegram %s, I answer myself. Speaking English, Romanian and a little Danish 😊" %
           ("New in Aarhus this weekend! " if city == "Aarhus" else "", written("+45 20 00 64 40", "plain")))
    ad(at(d, 9, 23), "nordescort.com", city, "escort", "Elena 33 – independent Romanian 🍒", txt, "Elena", 33, "+45 20 00 64 40", 1400, 60, EL_HASH,
       "română, English, dansk (lidt)", tags=[L_ELENA])

# N1: one poster, one template, four (then six) women, one or two booking numbers, rotating cities, gone at the raid
H = {w: phash() for w in workers}
H_ALINA, H_IOANA = phash(), phash()
ROSE_PERSONAS = [(bianca, "Bianca", 21, [H[bianca]]), (larisa, "Larisa", 19, [H[larisa]]), (denisa, "Denisa", 19, [H[denisa]]),
                 (roxana, "Roxana", 24, [H[roxana]])]
N1_TPL_DA = ("{ny}{name} ({age}) – smuk pige fra Rumænien 🌹 Hun er ny i {city} og klar til at forkæle dig. Sød, lækker og uden tabuer{nl}. "
             "Diskret lejlighed, {av}. 100% ægte billeder. 30 min {p30} kr · 1 time {p60} kr. Kun sms/WhatsApp: {ph} 💋")
N1_TPL_EN = ("{ny}{name} ({age}) – beautiful girl from Romania 🌹 She is new in {city} and ready to spoil you. Sweet, sexy and no taboos{nl}. "
             "Discreet apartment, {av}. 100% real photos. 30 min {p30} kr · 1 hour {p60} kr. Only sms/WhatsApp: {ph} 💋")


def n1_ad(ts, name, age, city, hashes, tags, booking):
    site = R.choice(["roedlygte.dk", "roedlygte.dk", "nordescort.com"])
    style = R.choice(["plain", "plain", "tight", "words", "letters", "keycap", "dots"])
    tpl = N1_TPL_EN if site == "nordescort.com" else N1_TPL_DA
    nl = R.choice(["", "", "", " – alt er muligt, også uden kondom" if tpl is N1_TPL_DA else " – everything possible, also without condom"])
    txt = tpl.format(ny=R.choice(["NY! ", "", "NY PIGE! " if tpl is N1_TPL_DA else "NEW! "]), name=name, age=age, city=city, nl=nl,
                     av=R.choice(["døgnet rundt 24/7", "24/7", "åbent 24/7"]) if tpl is N1_TPL_DA else "24/7",
                     p30=500, p60=800, ph=written(booking, style))
    ad(ts, site, city, "escort", "%s %d år – NY i %s 🌹" % (name, age, city), txt, name, age,
       booking if style in ("plain", "tight") else "", 800, 60, hashes, "română, English", tags=tags)


for (w, name, age, hashes) in ROSE_PERSONAS:
    d = ARRIVE[w] + dt.timedelta(days=2)
    while d <= dt.date(2026, 10, 12):
        booking = BOOKER if d < dt.date(2026, 9, 3) or R.random() < .5 else BOOKER2
        n1_ad(at(d, 0, 24), name, age, city_of(w, d), hashes, [N1], booking)
        d += dt.timedelta(days=R.choice([3, 4, 4, 5]))
for (name, age, hashes, d0, city0) in [("Alina", 20, [H[bianca], H_ALINA], dt.date(2026, 9, 15), "Aalborg"),
                                       ("Ioana", 22, [H[larisa], H_IOANA], dt.date(2026, 9, 22), "Aarhus")]:
    d = d0
    k = 0
    while d <= dt.date(2026, 10, 12):
        n1_ad(at(d, 0, 24), name, age, ROTA[(k * 2 + (0 if city0 == "Aalborg" else 5)) % 6], hashes, [N1], BOOKER2)
        d += dt.timedelta(days=R.choice([4, 5]))
        k += 1
for k, d in enumerate([dt.date(2026, 8, 8), dt.date(2026, 8, 29), dt.date(2026, 9, 19), dt.date(2026, 10, 6)]):
    ad(at(d, 11, 14), "roedlygte.dk", "Aalborg", "massage", "Klinik Rosé – nye piger hver uge 🌹",
       "Klinik Rosé i Aalborg: vores søde piger fra Rumænien giver dig massage med happy ending og meget mere. Nye piger hver uge! "
       "I denne uge: %s. Vi har åbent døgnet rundt. Billige priser fra 500 kr. Ring eller sms %s – kun for herrer." %
       (", ".join(["Bianca", "Larisa", "Denisa", "Roxana"] + (["Alina", "Ioana"] if d.month >= 9 and d.day >= 19 or d.month == 10 else [])),
        written(BOOKER if d.month < 9 else BOOKER2, "plain")), "Klinik Rosé", "", BOOKER if d.month < 9 else BOOKER2, 500, 30,
       list(H.values()), "română, English", tags=[N1])

# ----------------------------------------------------------------------------- scraped job posts (social media, Telegram channels, a job board)
JOBS = []


def job(ts, kilde, kanal, profil, oprettet, sprog, titel, tekst, kontakt, sted, tags=()):
    JOBS.append(dict(ts=ts, kilde=kilde, kanal=kanal, profil=profil, oprettet=oprettet, sprog=sprog, titel=titel, tekst=tekst, kontakt=kontakt,
                     sted=sted, tags=set(tags)))


BG_JOBS = [
    ("da", "Lagermedarbejder søges – Aalborg Øst", "Vi søger 3 friske lagermedarbejdere til plukning og pakning. Truckcertifikat en fordel. Løn efter overenskomst, ca. 175 kr/t + tillæg. Skiftehold. Send CV til job@nordlager-example.dk", "job@nordlager-example.dk", "Aalborg Øst"),
    ("da", "Pædagogmedhjælper til børnehave", "Børnehaven Solsikken søger pædagogmedhjælper 32 t/uge fra 1. september. Ansøgning via kommunens jobportal. Børneattest indhentes.", "jobportal", "Aalborg"),
    ("da", "Rengøringsassistent – morgenhold", "Rengøring af kontorer i Aalborg C, man-fre 6-9. Timeløn 152 kr + tillæg. Kørekort en fordel. Ring til Lone 20 00 %02d %02d" , "", "Aalborg"),
    ("da", "SOSU-hjælper vikar", "Vikarbureau søger SOSU-hjælpere og -assistenter til hjemmeplejen i Hjørring og Frederikshavn. Gode timelønninger. Ring eller skriv.", "", "Hjørring"),
    ("da", "Chauffør C-kørekort", "Fragtfirma i Brønderslev søger chauffør med C-kort og chaufføruddannelse. Fast rute, hjemme hver aften. Løn efter aftale.", "", "Brønderslev"),
    ("da", "Tjener/servitrice weekend", "Restaurant ved havnen søger smilende tjenere til weekender. Erfaring ikke et krav, vi oplærer. Skriv en besked til siden.", "", "Aalborg"),
    ("da", "Elev til tømrerfirma", "Tømrerfirma Nord søger lærling. Vi er 12 mand og laver primært renovering. Send ansøgning på mail.", "", "Aalborg"),
    ("da", "Kassemedarbejder deltid", "Supermarked søger kassemedarbejdere 15-20 timer, også unge fra 15 år. Ansøg i butikken eller online.", "", "Frederikshavn"),
    ("da", "Fiskeindustri – produktionsmedarbejdere", "Hirtshals Fiskeindustri A/S søger 10 produktionsmedarbejdere til filetering og pakning. Overenskomst, kantineordning. Engelsk eller dansk. CVR 38899001.", "hr@hf-example.dk", "Hirtshals"),
    ("da", "Flyttehjælp søges lørdag", "Søger 2 stærke personer til flytning lørdag i Nørresundby, 4-5 timer, 200 kr/t. Skriv privat.", "", "Nørresundby"),
    ("da", "Barnepige søges", "Familie i Hasseris søger barnepige 2 eftermiddage om ugen til to piger på 6 og 9. Gerne studerende.", "", "Aalborg"),
    ("en", "Warehouse workers – Aalborg", "We are hiring warehouse workers for our Aalborg site. English is fine. Collective agreement pay. Apply via our website with CV and work permit.", "", "Aalborg"),
    ("en", "Student assistant – IT support", "Student job 10-15 h/week in IT support for a software company in Aalborg. Danish or English. Apply with CV and transcript.", "", "Aalborg"),
    ("ro", "Căutăm sudori în Danemarca", "Firmă daneză caută sudori cu experiență MIG/MAG pentru Aalborg. Salariu conform contractului colectiv, contract danez, CPR și cont bancar vă ajutăm să le faceți. Trimiteți CV.", "", "Aalborg"),
    ("ro", "Muncă la abator Danemarca", "Abator în Iutlanda de Nord angajează muncitori. Contract danez direct cu firma, salariu ca danezii. Fără taxe de recrutare.", "", "Nordjylland"),
    ("uk", "Робота на фермі в Данії", "Ферма в Північній Ютландії шукає працівників на сезон. Офіційний договір, зарплата за колективною угодою, житло за окрему плату.", "", "Hjørring"),
    ("en", "Fishing vessel crew – Norway", "Norwegian fishing company seeks deckhands for the season. Certificates required. Contract via Norwegian employer.", "", "Norge"),
    ("da", "Au pair til familie i London", "Dansk familie i London søger au pair fra januar. Eget værelse, lommepenge efter britiske regler. Skriv til os.", "", "London"),
    ("da", "Julehjælp søges", "Butik i Aalborg city søger julehjælp nov-dec. Fleksible timer. Aflever CV i butikken.", "", "Aalborg"),
    ("da", "Bud/kurér med egen bil", "Hurtig Kurér ApS søger bude med egen bil til pakkeruter. Timeløn + kørselsgodtgørelse. CVR 41234098.", "job@hurtigkurer-example.dk", "Aalborg"),
]
BG_SOURCES = [("facebook-gruppe", "Job i Nordjylland"), ("facebook-gruppe", "Unge i Aalborg – job & bolig"), ("facebook-gruppe", "Români în Danemarca"),
              ("facebook-gruppe", "Українці в Данії / Ukrainians in Denmark"), ("jobportal", "jobfinder-nord.dk"), ("telegram-kanal", "Locuri de muncă Europa 🇪🇺"),
              ("telegram-kanal", "Jobs Scandinavia")]
for i in range(150):
    j = R.choice(BG_JOBS)
    src = R.choice([s for s in BG_SOURCES if (j[0] == "ro") == ("Români" in s[1] or "Locuri" in s[1]) or s[0] == "jobportal"]) if j[0] in ("ro", "da") else R.choice(BG_SOURCES)
    prof = R.choice(["%s %s" % (R.choice(DK_M + DK_F), R.choice(DK_L)), "HR-afdelingen", "Jobservice Nord", "%s %s" % (R.choice(["Ion", "Maria", "Andrei", "Olena"]), R.choice(["Pop", "Radu", "Kravets"]))])
    tekst = j[2] % (R.randint(10, 99), R.randint(10, 99)) if "%02d" in j[2] else j[2]
    job(at(D0 + dt.timedelta(days=R.randint(0, 121)), 7, 22), src[0], src[1], prof, dt.date(R.randint(2012, 2024), R.randint(1, 12), R.randint(1, 28)),
        j[0], j[1], tekst, j[3], j[4])

# N1 recruitment posts in Romanian Telegram channels and a Facebook group
for (d, ch) in [(dt.date(2026, 6, 26), "Locuri de muncă Europa 🇪🇺"), (dt.date(2026, 7, 1), "Munca in strainatate – fete"),
                (dt.date(2026, 7, 18), "Locuri de muncă Europa 🇪🇺"), (dt.date(2026, 8, 22), "Munca in strainatate – fete"),
                (dt.date(2026, 9, 5), "Locuri de muncă Europa 🇪🇺"), (dt.date(2026, 9, 28), "Munca in strainatate – fete")]:
    job(at(d, 10, 23), "telegram-kanal", ch, "Rose Job DK", dt.date(2026, 6, 20), "ro", "Masaj în Danemarca 🇩🇰 – câștig mare",
        "Căutăm fete serioase 18-30 ani pentru salon de masaj în Danemarca 🇩🇰 Câștig 3.000–5.000 € pe lună, cazare gratuită și bilet de avion plătit de noi. "
        "Nu e nevoie de experiență sau de limba engleză. Plecare imediată! Scrie doar pe Telegram @rose_job_dk 🌹", "@rose_job_dk", "Danemarca", tags=[N1])
job(at(dt.date(2026, 7, 9), 20, 23), "facebook-gruppe", "Români în Danemarca", "Rose Job DK", dt.date(2026, 6, 20), "ro", "Fete pentru masaj Aalborg",
    "Salon masaj Aalborg angajează fete, bani buni în fiecare zi, cazare și drum plătit. Detalii doar în privat pe Telegram @rose_job_dk", "@rose_job_dk", "Aalborg", tags=[N1])

# N2 recruitment: well-paid 'customer service' in Bangkok, travel and visa paid, messenger only, no company
N2_POSTS = [
    (dt.date(2026, 7, 14), "facebook-gruppe", "Job i Nordjylland", "da", "Kundeservice i Bangkok 🌴 28.000 kr/md skattefrit",
     "Drømmer du om sol og god løn? 🌴 Vi søger dansktalende kundeservicemedarbejdere til vores kontor i Bangkok. Løn 28.000 kr/md skattefrit + bonus. "
     "Fly, visum og lejlighed betales af firmaet! Ingen erfaring krævet – du skal bare kunne dansk og lidt engelsk. Start om 1-2 uger. "
     "Skriv til mig på Telegram @mads_jobdk for info 📲"),
    (dt.date(2026, 7, 21), "facebook-gruppe", "Unge i Aalborg – job & bolig", "da", "JOB I THAILAND – fly og bolig betalt!",
     "Er du 18-30 og træt af at være ledig? Job i Asien med online marketing og kundesupport på dansk. 25-30.000 kr om måneden, gratis bolig, "
     "vi betaler flybillet og visum. Kun få pladser, afrejse hurtigt. PM mig eller Telegram @mads_jobdk"),
    (dt.date(2026, 8, 6), "telegram-kanal", "Jobs Scandinavia", "en", "Danish/Swedish speakers – customer support Asia",
     "Hiring Danish, Swedish and Norwegian speakers for customer support & crypto investment desk. Location: Bangkok, later Cambodia office. "
     "Salary 3,500-4,500 USD, free flight, visa, apartment and food. No experience needed. Fast start! Contact HR Sarah on Telegram @atc_hr_sarah or WhatsApp +855 10 000 231"),
    (dt.date(2026, 8, 27), "facebook-gruppe", "Job i Nordjylland", "da", "Stadig ledige pladser – kundeservice Asien 🌴",
     "Vi har stadig 3 ledige pladser på det danske team i Asien! Løn op til 30.000 kr/md, alt betalt (fly, visum, bolig, mad). "
     "Det eneste du betaler er visumbehandling, som du får refunderet første løn. Skriv Telegram @mads_jobdk"),
    (dt.date(2026, 9, 16), "facebook-gruppe", "Unge i Aalborg – job & bolig", "da", "Job i udlandet – start næste uge",
     "Kundeservice/online marketing i Sydøstasien, dansk team. 28.000 kr skattefrit, fly + bolig betalt. Kun seriøse, afrejse inden for 10 dage. Telegram @mads_jobdk"),
    (dt.date(2026, 9, 20), "telegram-kanal", "Jobs Scandinavia", "en", "URGENT: Nordic language agents – Sihanoukville",
     "URGENT hiring Nordic language agents for online sales team in Sihanoukville, Cambodia. 4,000 USD + commission, visa & ticket paid, accommodation inside company. "
     "Typing 30 wpm, good English. Apply Telegram @atc_hr_sarah"),
]
for (d, k, ch, lang, titel, tekst) in N2_POSTS:
    prof, opr, kont = ("Mads V", dt.date(2026, 7, 2), "@mads_jobdk") if "mads" in tekst else ("Asia Talent Connect HR", dt.date(2026, 7, 28), "@atc_hr_sarah")
    job(at(d, 9, 22), k, ch, prof, opr, lang, titel, tekst, kont, "Bangkok / Asien" if lang == "da" else "Bangkok/Cambodia", tags=[N2])

# L06 seasonal farm: housing and transport offered - with a company, a contract, a landline and no fees
for (d, ch, lang, t, x) in [
        (dt.date(2026, 3, 10) + dt.timedelta(days=130), "Români în Danemarca", "ro", "Culegători căpșuni și fructe – Hjørring",
         "Vendsyssel Bær & Grønt ApS (CVR 31556677) angajează culegători pentru sezonul iunie-septembrie. Salariu 131,50 kr/oră conform contractului colectiv (overenskomst), "
         "plata la 14 zile în contul propriu. Cazare în căsuțe la fermă 2.200 kr/lună, transport asigurat de la Aalborg. Contract în română și daneză înainte de plecare. "
         "Fără taxe. Tel. fermă +45 20 00 90 12, job@vbg-example.dk"),
        (dt.date(2026, 7, 7), "Українці в Данії / Ukrainians in Denmark", "uk", "Збір полуниці – Hjørring",
         "Vendsyssel Bær & Grønt ApS (CVR 31556677) шукає працівників на збір ягід. Оплата 131,50 kr/год за колективною угодою, житло на фермі 2.200 kr/міс., "
         "договір до початку роботи, жодних зборів. job@vbg-example.dk"),
        (dt.date(2026, 7, 20), "Job i Nordjylland", "da", "Bærplukkere søges – Hjørring",
         "Vendsyssel Bær & Grønt ApS søger bærplukkere resten af sæsonen. Overenskomst, løn hver 14. dag. Mulighed for bolig på gården mod husleje. Kontakt Lene på job@vbg-example.dk")]:
    job(at(d, 8, 16), "facebook-gruppe", ch, "Vendsyssel Bær & Grønt", dt.date(2014, 3, 1), lang, t, x, "job@vbg-example.dk", "Hjørring", tags=[L_FARM])
# L10 NordicSupport: Danish customer service abroad, relocation paid - a registered company with a contract before travel
for (d, ch) in [(dt.date(2026, 7, 8), "jobfinder-nord.dk"), (dt.date(2026, 7, 22), "Job i Nordjylland"), (dt.date(2026, 9, 9), "Unge i Aalborg – job & bolig")]:
    job(at(d, 9, 15), "jobportal" if "." in ch else "facebook-gruppe", ch, "NordicSupport ApS", dt.date(2021, 6, 10), "da",
        "Dansktalende kundeservice i Lissabon – fly og første måneds bolig betalt",
        "NordicSupport ApS (CVR 43001992) søger dansktalende kundeservicemedarbejdere til vores kontor i Lissabon. Løn 1.450 € + bonus, portugisisk kontrakt med "
        "dansk arbejdsgiver, underskrives digitalt før afrejse. Vi betaler flybilletten og første måneds bolig. Ingen gebyrer – nogensinde. "
        "Samtale på Teams. Ansøg på nordicsupport-example.com/job eller ring 98 00 00 00.", "nordicsupport-example.com/job", "Lissabon", tags=[L_LISBON])
# L09 travel agency posts its group trip (a 'paid flight and hotel to Thailand' that is just a holiday)
for d in (dt.date(2026, 7, 15), dt.date(2026, 8, 12)):
    job(at(d, 9, 15), "facebook-gruppe", "Job i Nordjylland" if d.month == 7 else "Unge i Aalborg – job & bolig", "Limfjord Rejser", dt.date(2015, 1, 1), "da",
        "Gruppetur til Thailand i november – fly og hotel inkluderet",
        "Limfjord Rejser (CVR 27345120, medlem af Rejsegarantifonden) arrangerer gruppetur til Bangkok og Hua Hin 7.-21. november. Pris 14.995 kr inkl. fly, hotel og dansk rejseleder. "
        "Opslaget er en rejse, ikke et job 😊 Tilmelding på limfjordrejser-example.dk", "limfjordrejser-example.dk", "Bangkok", tags=[L_TRAVEL])

# ============================================================================ chats from seized phones
TG = []                      # Telegram, from the forensic tool's export (one CSV for all phones)
WA = defaultdict(list)       # WhatsApp, the app's own .txt exports: path -> [(ts, sender, text, tags)]
WA_OWNER = {}


def T(s):
    """'13.07 10:02' (2026) or '27.06.2026 10:02' -> datetime"""
    d, h = s.split(" ")
    p = d.split(".")
    y = int(p[2]) if len(p) > 2 and p[2] else 2026
    hh, mm = h.split(":")
    return dt.datetime(y, int(p[1]), int(p[0]), int(hh), int(mm), R.randint(0, 59))


def tg(beslag, ejer, chat, chattype, rows, tags=(), me=None, other=None):
    """rows: (time, sender, text[, status[, attachment]]); 'me' is the phone owner's account name."""
    for r in rows:
        ts, fra, text = r[0], r[1], r[2]
        status = r[3] if len(r) > 3 and r[3] else ("Sendt" if fra == me else "Læst")
        vedh = r[4] if len(r) > 4 else ""
        til = chat if fra == me else (me if chattype in ("Privat", "Hemmelig") else chat)
        TG.append(dict(beslag=beslag, ejer=ejer, chat=chat, chattype=chattype, ts=T(ts) if isinstance(ts, str) else ts, fra=fra, til=til,
                       text=text, vedh=vedh, status=status, tags=set(r[5] if len(r) > 5 else tags)))


def wa(path, owner, rows, tags=()):
    WA_OWNER[path] = owner
    for r in rows:
        WA[path].append((T(r[0]) if isinstance(r[0], str) else r[0], r[1], r[2], set(r[3] if len(r) > 3 else tags)))


SD = "Selvdestruerende besked (24 t) – gendannet fra cache"
DEL = "Slettet af afsender – gendannet"
B1, B2, B3, B4 = "BS-26-0417-01", "BS-26-0417-02", "BS-26-0417-03", "BS-26-0502-01"
B5 = "BS-26-0388-01"

# --- N1, Bianca's phone
tg(B1, "Bianca Stan", "Rose Job DK (@rose_job_dk)", "Privat", [
    ("27.06.2026 21:14", "Bianca", "Bună ziua, am văzut anunțul pentru masaj în Danemarca. Mai este valabil?"),
    ("27.06.2026 21:20", "Rose Job DK", "Bună draga 🌹 da, mai avem 2 locuri. Câți ani ai?"),
    ("27.06.2026 21:22", "Bianca", "23. Am trei copii și soțul meu a murit anul trecut, am nevoie de bani"),
    ("27.06.2026 21:25", "Rose Job DK", "Îmi pare rău. La noi câștigi 3-5 mii euro pe lună. E masaj pentru bărbați, uneori și mai mult dacă vrei 😉"),
    ("27.06.2026 21:26", "Rose Job DK", "Trimite-mi 3 poze cu tine (corp întreg) și poza de la pașaport, ca să facem biletul"),
    ("27.06.2026 21:31", "Bianca", "Ce înseamnă mai mult?"),
    ("27.06.2026 21:33", "Rose Job DK", "Vorbim când ajungi. Biletul și cazarea le plătim noi, le dai înapoi din primii bani"),
    ("28.06.2026 09:02", "Rose Job DK", "Avem loc în avion sâmbătă 11. Trebuie să-mi spui azi, altfel dau locul altei fete"),
    ("28.06.2026 09:40", "Bianca", "Bine. Trimit pozele acum", "", "IMG_2031.jpg; IMG_2032.jpg; IMG_2035.jpg; pasaport.jpg"),
    ("28.06.2026 09:44", "Rose Job DK", "Perfect. De acum vorbești doar cu Marius, el se ocupă de tine. Nu spune la nimeni unde mergi"),
], tags=[N1], me="Bianca")
tg(B1, "Bianca Stan", "Marius (@mr_dob)", "Hemmelig", [
    ("10.07.2026 20:01", "Marius", "Salut Bianca. Mâine Ionuț te așteaptă la aeroport în Billund. Îi dai pașaportul lui, îl ține el ca să nu-l pierzi", SD),
    ("12.07 14:10", "Marius", "Ai ajuns? Trimite locația", SD),
    ("12.07 14:12", "Bianca", "Da, sunt la clinică. 📍 Locație delt", SD),
    ("13.07 10:02", "Marius", "Regulile: nu ieși din clinică fără să-mi ceri voie. Telefonul pornit mereu, răspunzi în 2 minute.", SD),
    ("13.07 10:03", "Marius", "Toți banii îi dai lui Ionuț sau clientul plătește pe MobilePay la numărul din anunț. Tu nu ții bani.", SD),
    ("13.07 10:03", "Marius", "Dacă nu respecți, amendă 500 kr de fiecare dată.", SD),
    ("13.07 10:05", "Marius", "Datoria ta: bilet 3.500, cazare 6.000, anunțuri 2.500 = 12.000 kr. Plătești din fiecare client.", SD),
    ("13.07 10:11", "Bianca", "Bine", SD),
    ("19.07 21:40", "Marius", "Mâine mergi cu Ionuț la bancă. Tu nu vorbești, el spune tot. Semnezi unde îți arată.", SD),
    ("24.07 11:15", "Marius", "Instalează aplicația Locora și lasă locația pornită. Vreau să văd unde ești tot timpul.", SD),
    ("24.07 11:30", "Bianca", "Am instalat", SD),
    ("02.08 13:00", "Marius", "Trimite locația acum", SD),
    ("02.08 17:05", "Marius", "Locația!!", SD),
    ("02.08 22:31", "Marius", "De ce e oprită locația? Trimite acum", SD),
    ("02.08 22:40", "Bianca", "Se descărcase telefonul, iertare", SD),
    ("02.08 22:41", "Marius", "Amendă 500. Ultima dată.", SD),
    ("06.08 10:12", "Marius", "Mâine mergi la Hjørring, camera e plătită. Ionuț te duce la 10.", SD),
    ("12.08 12:30", "Marius", "Minim 6 clienți pe zi. Ieri ai făcut 3. Mai ai 11.500 de dat.", SD),
    ("16.08 19:02", "Bianca", "Te rog vreau să vorbesc cu copiii mei", SD),
    ("16.08 19:10", "Marius", "Vorbești duminică 10 minute. Știu unde stau copiii tăi, nu uita asta.", SD),
    ("25.08 09:55", "Marius", "Trimite locația și o poză cu camera, acum", SD),
    ("25.08 09:58", "Bianca", "📍 Locație delt", SD, "IMG_2290.jpg"),
    ("03.09 23:10", "Marius", "Ai refuzat un client aseară. Încă o dată și datoria crește cu 2.000.", SD),
    ("11.09 16:20", "Bianca", "Nu mai pot, vreau acasă. Dă-mi pașaportul", SD),
    ("11.09 16:24", "Marius", "Pleci când termini datoria. Mai ai 9.000.", SD),
    ("11.09 16:25", "Marius", "Și nu uita că am pozele tale. Dacă pleci le trimit la mama ta și la toți din sat.", SD),
    ("22.09 08:40", "Marius", "Trimite locația", SD),
    ("22.09 13:15", "Marius", "Trimite locația", SD),
    ("22.09 19:02", "Marius", "Unde ești? Locația!", SD),
    ("22.09 19:05", "Bianca", "📍 Locație delt", SD),
    ("02.10 11:00", "Marius", "Săptămâna asta Frederikshavn, apoi Aarhus. Fără discuții.", SD),
    ("09.10 21:34", "Marius", "De ce ai vorbit cu clientul despre bani? Tu nu vorbești cu nimeni despre bani.", SD),
    ("14.10 06:05", "Marius", "Poliția e la clinică? Șterge tot ACUM. Nu spui nimic. Nu mă cunoști.", DEL),
    ("14.10 06:06", "Marius", "Șterge Telegram după ce citești", DEL),
], tags=[N1], me="Bianca")
tg(B1, "Bianca Stan", "Larisa", "Privat", [
    ("21.07 23:50", "Larisa", "Bianca, ai dormit? Eu nu pot"),
    ("21.07 23:52", "Bianca", "Nici eu. Camera din hol ne vede tot timpul"),
    ("30.07 02:10", "Larisa", "Câți bani ai pentru tine luna asta?"),
    ("30.07 02:14", "Bianca", "200 kr. Totul merge la Ionuț, pe card nu rămâne nimic"),
    ("30.07 02:15", "Larisa", "La fel. Nu ne dă nimic"),
    ("18.08 04:05", "Larisa", "Am fost la Hjørring 4 zile. Am avut 9 clienți într-o zi. Nu mai pot"),
    ("18.08 04:07", "Bianca", "Ai grijă, citește telefonul tău. Scrie doar aici"),
    ("10.09 03:30", "Larisa", "Ionuț mi-a luat iar telefonul ieri seara"),
    ("27.09 01:12", "Bianca", "A venit o fată nouă, Alina. Are doar 20 de ani. Îi e frică"),
], tags=[N1], me="Bianca")
# --- N1, Larisa's phone
tg(B2, "Larisa Munteanu", "Marius (@mr_dob)", "Hemmelig", [
    ("12.07 16:00", "Marius", "Bine ai venit. Aceleași reguli ca la Bianca: nu ieși singură, telefonul pornit, banii la Ionuț.", SD),
    ("13.07 10:20", "Marius", "În anunț ai 19 ani. Dacă întreabă cineva, ai 19. Clienții plătesc mai mult pentru fete tinere.", SD),
    ("13.07 10:22", "Marius", "Datoria ta e 12.000 kr. Fiecare client 300 kr la datorie.", SD),
    ("29.07 18:44", "Marius", "Ai lipsit 2 ore din clinică. Unde ai fost? Amendă 1000.", SD),
    ("29.07 18:50", "Larisa", "Am fost la farmacie, mă durea", SD),
    ("29.07 18:51", "Marius", "Ceri voie înainte. Mereu.", SD),
    ("05.08 12:00", "Marius", "Trimite locația", SD),
    ("05.08 16:10", "Marius", "Trimite locația", SD),
    ("05.08 21:30", "Marius", "Locația acum", SD),
    ("05.08 21:33", "Larisa", "📍 Locație delt", SD),
    ("20.08 11:00", "Marius", "Hjørring de luni. Hotel Vendelbo. Ionuț vine cu tine.", SD),
    ("01.09 09:12", "Marius", "Acum ești șefa clinicii pe hârtie. Semnezi ce îți dă Ionuț la firmă. Nu pune întrebări.", SD),
    ("15.09 14:02", "Marius", "Clienții se plâng că nu zâmbești. Încă o plângere și amendă.", SD),
    ("30.09 20:20", "Marius", "Ai făcut doar 4 clienți ieri. Minim 6. Datoria ta crește cu 500.", SD),
    ("14.10 06:07", "Marius", "Ștergeți tot. Acum.", DEL),
], tags=[N1], me="Larisa")
# --- N1, Ionut's phone
tg(B3, "Ionuț Rusu", "Marius (@mr_dob)", "Privat", [
    ("11.07 19:00", "Marius", "Fetele ajung mâine la 13:40 în Billund. Iei pașapoartele de la ele."),
    ("14.07 23:50", "Ionuț", "Prima zi: 5 clienți, 4.800 pe MobilePay"),
    ("16.07 09:10", "Marius", "Pune numărul 47 11 pe MobilePay la tine. Clienții plătesc doar acolo."),
    ("19.07 20:00", "Marius", "Deschide conturi la bancă la fete. Aplicația băncii o pui pe telefonul tău, ele nu au nevoie."),
    ("20.07 13:30", "Ionuț", "Bianca are cont. Am zis că sunt translator 😂"),
    ("27.07 09:00", "Marius", "Trimite luni 14.800 ca de obicei. Nu peste 15.000, să nu întrebe banca."),
    ("03.08 10:15", "Marius", "Program: Bianca Hjørring, Larisa Aalborg, Denisa Frederikshavn, Roxana Aalborg. Plătești hotelurile cu cardul tău."),
    ("09.08 22:40", "Ionuț", "Denisa plânge tot timpul. Un client a zis că pare de 16"),
    ("09.08 22:45", "Marius", "Îi iei telefonul seara. Și în anunț rămâne 19."),
    ("17.08 11:00", "Marius", "Schimbă la Denisa și Roxana emailul pe rose.wellness3 și 4, ca la celelalte."),
    ("20.08 23:30", "Ionuț", "Am pus și contul Roxanei pe telefonul meu"),
    ("28.08 10:00", "Marius", "Firma o trecem pe Larisa de la 1 septembrie. Cătălin iese."),
    ("02.09 18:20", "Marius", "Numărul nou 47 52 în anunțuri de mâine. Cel vechi doar pentru clienții vechi."),
    ("14.09 12:00", "Marius", "Vine Alina marți. Pune anunț cu pozele Biancăi până facem poze noi."),
    ("21.09 12:05", "Marius", "Ioana în Aarhus cu pozele Larisei."),
    ("26.09 09:30", "Ionuț", "Săptămâna asta 31.200 pe MobilePay + 14.000 cash"),
    ("26.09 09:31", "Marius", "Bine. 14.800 luni și restul cash cu Cătălin."),
    ("05.10 21:00", "Marius", "Camera din hol nu merge din noaptea trecută. Repar-o azi, vreau să văd tot."),
    ("14.10 06:03", "Ionuț", "Poliția e aici!!!", DEL),
    ("14.10 06:04", "Marius", "Șterge Telegram. Resetez eu telefoanele fetelor din contul Google. Nu spui nimic.", DEL),
], tags=[N1], me="Ionuț")
tg(B3, "Ionuț Rusu", "Rose 🌹 program", "Gruppe", [
    ("15.07 12:00", "Marius", "Bună fetelor. Aici primiți programul. Răspundeți cu OK."),
    ("15.07 12:03", "Bianca", "OK"), ("15.07 12:04", "Larisa", "OK"),
    ("15.07 12:05", "Marius", "Program 12:00-04:00 în fiecare zi. Pauză când nu sunt clienți."),
    ("15.07 12:06", "Marius", "Nu vorbiți cu clienții despre bani. Banii doar pe MobilePay la număr sau la Ionuț."),
    ("15.07 12:07", "Marius", "Cine nu răspunde la client în 5 minute plătește amendă."),
    ("04.08 10:00", "Marius", "Bun venit Denisa și Roxana. Aceleași reguli."),
    ("04.08 10:01", "Marius", "Toate trimiteți locația din Locora la fiecare 2 ore."),
    ("04.08 10:02", "Denisa", "ok"), ("04.08 10:02", "Roxana", "Ok"),
    ("10.08 10:00", "Marius", "Luni: Bianca Hjørring, Larisa Aalborg, Denisa Frederikshavn, Roxana Aalborg."),
    ("17.08 10:00", "Marius", "Luni: Bianca Aalborg, Larisa Frederikshavn, Denisa Aalborg, Roxana Aarhus."),
    ("24.08 10:00", "Marius", "Roxana ai lipsit ieri 3 ore 🤬 Amendă 1000. Următoarea dată e mai rău."),
    ("31.08 10:00", "Marius", "Luni: Bianca Aarhus, Larisa Aalborg, Denisa Hjørring, Roxana Aalborg."),
    ("16.09 10:00", "Marius", "Bun venit Alina. Citește regulile de sus."),
    ("16.09 10:03", "Alina", "Ok"),
    ("23.09 10:00", "Marius", "Bun venit Ioana. Aarhus de mâine."),
    ("01.10 10:00", "Marius", "Luna asta minim 6 clienți pe zi fiecare. Cine nu face, datoria crește."),
    ("13.10 23:58", "Marius", "Mâine dimineață nimeni nu iese din clinică."),
], tags=[N1], me="Ionuț")
tg(B3, "Ionuț Rusu", "Vlad frate", "Privat", [
    ("05.07 20:10", "Vlad frate", "Ai văzut meciul? Rapid a pierdut iar 😂"), ("05.07 20:15", "Ionuț", "Nu, am lucrat. Ce scor?"),
    ("05.07 20:16", "Vlad frate", "2-0. Rușine"), ("19.07 11:00", "Vlad frate", "Mama întreabă când vii acasă de Crăciun"),
    ("19.07 11:30", "Ionuț", "Probabil decembrie. Spune-i că sunt bine"), ("08.08 18:40", "Vlad frate", "Am luat mașina nouă 🚗"),
    ("08.08 18:45", "Ionuț", "Felicitări frate!"), ("30.08 12:00", "Vlad frate", "La mulți ani de la noi toți 🎂"),
    ("30.08 14:10", "Ionuț", "Mulțumesc 🙏"), ("20.09 21:00", "Vlad frate", "Meciul de diseară îl vezi?"),
    ("20.09 21:30", "Ionuț", "Da, la bar cu băieții"), ("07.10 19:00", "Vlad frate", "Tata a ieșit din spital, e bine"),
    ("07.10 19:12", "Ionuț", "Slavă Domnului. Îl sun mâine"),
], me="Ionuț")
# --- N2, Nikolaj's phone
tg(B4, "Nikolaj Brandt", "Mads Job (@mads_jobdk)", "Privat", [
    ("30.07 19:02", "Mads Job", "Hej Nikolaj! Fedt du skrev under opslaget 👍 Vi tager det herinde på Telegram i stedet for Messenger, det er nemmere"),
    ("30.07 19:04", "Mads Job", "Det er kundeservice på dansk for et stort online-firma i Bangkok. 28.000 om måneden skattefrit + bonus, lejlighed og fly betalt"),
    ("30.07 19:10", "Nikolaj", "Lyder vildt. Hvad skal jeg lave præcist?"),
    ("30.07 19:12", "Mads Job", "Svare kunder på chat og telefon, sælge lidt investering. Du lærer det på 2 dage. Skriv til Sarah fra HR, @atc_hr_sarah, hun klarer papirerne"),
    ("11.08 20:30", "Mads Job", "Husk de 4.500 til visum på MobilePay til mig senest i morgen, ellers mister du pladsen"),
    ("12.08 18:05", "Nikolaj", "Sendt 👍"),
    ("15.08 22:00", "Mads Job", "God tur i morgen mand! Sig ikke for meget til din familie om firmaet, de forstår det alligevel ikke 😉"),
    ("20.08 07:12", "Nikolaj", "Mads wtf, vi er blevet kørt over grænsen til Cambodia i nat. De har taget vores pas og telefoner"),
    ("20.08 07:30", "Mads Job", "Slap af mand, det er bare det andet kontor. Pas får du igen efter prøvetiden. Gør det de siger så går det fint"),
    ("14.09 23:40", "Nikolaj", "Du vidste det godt. Det er svindel det vi laver her. Vi bliver slået hvis vi ikke når target", DEL),
    ("15.09 08:00", "Mads Job", "Ved ikke hvad du snakker om. Skriv ikke til mig igen", DEL),
], tags=[N2], me="Nikolaj")
tg(B4, "Nikolaj Brandt", "Sarah HR ATC (@atc_hr_sarah)", "Privat", [
    ("01.08 10:15", "Sarah HR ATC", "Hi Nikolaj, I'm Sarah from Asia Talent Connect HR 😊 Mads told me about you."),
    ("01.08 10:16", "Sarah HR ATC", "Please send photo of your passport (both pages), a selfie and your bank name + account number so we can set up salary."),
    ("01.08 10:40", "Nikolaj", "Ok sending now", "", "pas.jpg; selfie.jpg"),
    ("01.08 10:45", "Sarah HR ATC", "Salary 3,800 USD/month, free apartment and food, flight and visa paid by company. Only the visa processing 4,500 DKK you pay to our partner Mads, refunded with first salary."),
    ("01.08 10:50", "Nikolaj", "Can I see a contract first?"),
    ("01.08 10:52", "Sarah HR ATC", "Contract is signed in Bangkok office on arrival, this is normal in Thailand."),
    ("10.08 09:00", "Sarah HR ATC", "Flight is Sunday 16th. We need your answer today, only 2 seats left in the Danish team."),
    ("10.08 09:20", "Nikolaj", "ok I'm in"),
    ("17.08 20:00", "Sarah HR ATC", "Welcome to Bangkok! Driver picks you up at the hotel 5am tomorrow. Bring passport, you give it to the driver for the work visa."),
    ("03.09 14:00", "Sarah HR ATC", "For salary we need your netbank and MitID. Give the login codes to team leader Leo today."),
    ("10.09 15:10", "Sarah HR ATC", "You owe the company 3,000 USD for flight, visa, training and food. If you want to leave you must pay first."),
    ("10.09 15:12", "Nikolaj", "That was never said. I want my passport back"),
    ("10.09 15:15", "Sarah HR ATC", "Passport is safe with security. Work hard and you can go home after contract."),
    ("01.10 09:00", "Sarah HR ATC", "Your target missed 2 weeks. Penalty 300 USD and no day off. Next time you are transferred to another company."),
    ("17.10 04:30", "Sarah HR ATC", "Where are you? Come back now or your friends pay your debt."),
], tags=[N2], me="Nikolaj")
tg(B4, "Nikolaj Brandt", "DK Team 7", "Gruppe", [
    ("22.08 08:00", "Leo TL", "Good morning team. Target this week: 2 new deposits per agent, minimum 10,000 DKK each."),
    ("22.08 08:01", "Leo TL", "Phones back at 23:00. No photos of the office. No talking about work with family."),
    ("22.08 08:05", "Leo TL", "Script for Danish clients: you are from 'Nordic Crypto Invest' in Copenhagen. Never say Cambodia."),
    ("29.08 20:00", "Leo TL", "Frederik 0 deposits this week. You know the rule: no food bonus and 2 hours standing outside."),
    ("29.08 20:03", "Frederik", "ok"),
    ("05.09 08:00", "Leo TL", "New bank logins for Nikolaj, Sara and Frederik are set on the office laptop. Don't touch your bank apps."),
    ("05.09 08:01", "Leo TL", "When money comes in, tell me in 5 minutes. We move it same day."),
    ("12.09 20:10", "Leo TL", "Sara good job, 2 clients paid 40,000 DKK 👏"),
    ("12.09 20:12", "Sara", "jeg kan ikke mere det her"),
    ("19.09 21:00", "Leo TL", "Anyone who tries to leave goes to the dark room. Remember what happened to Tom."),
    ("26.09 08:00", "Leo TL", "Weekly KPI: Nikolaj 1/2, Frederik 0/2, Sara 2/2. Who is under target works Sunday."),
    ("03.10 08:00", "Leo TL", "New week, target 3 deposits. Penalty for missing is 300 USD on your debt."),
    ("10.10 22:50", "Leo TL", "Phones now. Everybody. Check that chats with family are deleted."),
    ("16.10 06:00", "Leo TL", "Nikolaj not in the room. If anybody knows where he is, tell me now."),
], tags=[N2], me="Nikolaj")
BG_DK_LINES = ["Skal vi se kampen på lørdag?", "Hvem tager chips med", "Haha den var god 😂", "Jeg kommer lidt senere", "Nogen der har en lader?",
               "Fest hos Rasmus fredag 🍻", "Sikke noget vejr", "Jeg har fået nyt job på lageret 👍", "Tillykke mand!", "Vi ses kl 19",
               "Husk at betale for banen", "Hvem vinder i aften?", "Tak for i går", "Jeg er syg, kan ikke komme", "Det lyder fedt"]
BG_NAMES_GUT = ["Nikolaj", "Rasmus", "Oliver", "Emil", "Jonas"]
rows = []
for k in range(24):
    d = dt.date(2026, 6, 20) + dt.timedelta(days=R.randint(0, 50)) if k < 18 else dt.date(2026, 10, 21) + dt.timedelta(days=R.randint(0, 9))
    rows.append((at(d, 10, 23), R.choice(BG_NAMES_GUT), R.choice(BG_DK_LINES)))
rows.sort()
tg(B4, "Nikolaj Brandt", "Gutterne 🍻", "Gruppe", rows, me="Nikolaj")
tg(B4, "Nikolaj Brandt", "Mor", "Privat", [
    ("03.07 17:00", "Mor", "Kommer du til aftensmad søndag?"), ("03.07 17:20", "Nikolaj", "Ja 👍"),
    ("14.08 19:00", "Mor", "Er du sikker på det der job i Thailand? Far er lidt bekymret"), ("14.08 19:30", "Nikolaj", "Det er helt fint mor, det er et stort firma"),
    ("21.10 22:10", "Mor", "Godt du er hjemme skat ❤️ Sov godt"), ("21.10 22:11", "Nikolaj", "Tak mor ❤️"),
], me="Nikolaj")
# --- background on Ioana's phone (a fraud complainant in another case)
tg(B5, "Ioana Marin", "Mama 🌸", "Privat", [
    ("02.08 18:00", "Mama 🌸", "Ai găsit cameră în Aalborg?"), ("02.08 18:30", "Ioana", "Da! Într-un apartament cu încă 3 studenți, 2.150 kr pe lună"),
    ("02.08 18:31", "Mama 🌸", "Bravo puiule. Tata îți trimite 3000 de coroane la început de lună"), ("25.08 20:00", "Ioana", "Am deschis cont la bancă azi, totul pe aplicație"),
    ("01.09 09:00", "Mama 🌸", "Ți-a trimis tata banii"), ("01.09 09:10", "Ioana", "Mulțumesc ❤️"), ("18.09 21:00", "Ioana", "Am avut primul examen, a mers bine"),
    ("18.09 21:02", "Mama 🌸", "Suntem mândri de tine"), ("12.10 20:00", "Ioana", "Am fost păcălită pe un site cu o cameră falsă, am pierdut 1.500 kr. Am făcut plângere la poliție"),
    ("12.10 20:05", "Mama 🌸", "Vai. Ai grijă pe internet"),
], me="Ioana")
tg(B5, "Ioana Marin", "AAU Study group – Data Science", "Gruppe", [
    (at(dt.date(2026, 9, 1) + dt.timedelta(days=R.randint(0, 55)), 9, 22), R.choice(["Ioana", "Lukas", "Mette", "Ahmed", "Sofia"]),
     R.choice(["Anyone done exercise 3?", "Meeting in group room 4.112 at 10?", "I'll share my notes", "Deadline is Friday right?", "Thanks!",
               "Lecture moved to Thursday", "Can someone explain the gradient thing", "Coffee first ☕"])) for _ in range(16)
], me="Ioana")

# WhatsApp booking chats on Ionut's phone: the booking number answers for the women
WA_BUYERS = [
    (None, "da", "Larisa", "Bianca", "02.08 20:41"),
    (None, "da", "Denisa", "Denisa", "09.08 22:05"),
    (None, "en", "Roxana", "Roxana", "18.08 21:30"),
    (None, "da", "Bianca", "Bianca", "27.08 19:12"),
    (None, "da", None, "Larisa", "05.09 23:40"),
    (None, "en", "Alina", "Alina", "19.09 20:15"),
    (None, "da", "Denisa", "Denisa", "29.09 01:10"),
    (None, "da", None, "Roxana", "08.10 21:50"),
]
_wa_payers = R.sample([p for p in seen_payers if not isinstance(p, Cust)], len(WA_BUYERS))
for k, (num, lang, asked, got, t0) in enumerate(WA_BUYERS):
    num = _wa_payers[k][1]
    t = T(t0)
    cty = "Aalborg"
    for w in workers:
        if w.first == got:
            cty = city_of(w, t.date())
    place = "Kløvermarken 14, ring på st. tv" if cty == "Aalborg" else "%s, værelsesnummer kommer når du har betalt" % HOTELS[cty]
    lines = []
    if lang == "da":
        lines.append((num, "Hej, er %s ledig i aften?" % asked if asked else "Hej, har I en pige ledig nu?"))
        if asked and asked != got:
            lines.append(("Rose 🌹", "Hej min ven 🌹 %s er optaget til kl 23. %s er ledig nu, hun er meget sød. Hvilken pige vil du have?" % (asked, got)))
        elif asked:
            lines.append(("Rose 🌹", "Hej min ven 🌹 Ja, %s er klar til dig. Hun er i %s i denne uge." % (got, cty)))
        else:
            lines.append(("Rose 🌹", "Hej 🌹 Vi har Bianca, Larisa og en ny pige. Hvilken pige vil du have?"))
            lines.append((num, "%s" % got))
        lines.append((num, "Hvad koster 1 time?"))
        lines.append(("Rose 🌹", "1 time 800 kr, 30 min 500 kr. Betal på MobilePay til %s før du kommer, så sender jeg adressen" % written(BOOKER, "plain")))
        lines.append((num, "Betalt"))
        lines.append(("Rose 🌹", "%s. Hun venter på dig 💋" % place))
    else:
        lines.append((num, "Hi, is %s available tonight?" % asked))
        lines.append(("Rose 🌹", "Yes my friend 🌹 she is ready at 22. She is in %s this week." % cty))
        lines.append((num, "Does she speak English?"))
        lines.append(("Rose 🌹", "Little. I arrange everything for her. 1 hour 800 kr, MobilePay to %s before, then I send address" % written(BOOKER, "plain")))
        lines.append((num, "ok paid"))
        lines.append(("Rose 🌹", "%s. She waits for you 💋" % place.replace("ring på st. tv", "bell ground floor left").replace("værelsesnummer kommer når du har betalt", "room number after payment")))
    rows = []
    for s, x in lines:
        rows.append((t, s, x))
        if x in ("Betalt", "ok paid"):
            tx(ionut, t - dt.timedelta(minutes=1), "MobilePay", "MobilePay %s" % _wa_payers[k][0], _wa_payers[k][0], num, 800, tags=[N1])
        t += dt.timedelta(minutes=R.randint(1, 9))
    wa("beslag/whatsapp/%s/WhatsApp-chat med %s.txt" % (B3, num), "Ionuț Rusu", rows, tags=[N1])
# Bianca and her mother
wa("beslag/whatsapp/%s/WhatsApp-chat med Mama.txt" % B1, "Bianca Stan", [
    ("15.07 09:30", "Mama", "Ai ajuns bine puiule? Copiii te întreabă", []),
    ("15.07 13:02", "Bianca", "Da mama. Lucrez mult, sun duminică", []),
    ("26.07 10:00", "Mama", "De ce nu ai sunat duminică?", []),
    ("26.07 14:40", "Bianca", "Nu pot vorbi mult, mă verifică tot timpul. Îți explic când vin", [N1]),
    ("04.08 19:00", "Mama", "Am primit 1000 de coroane, mulțumesc. Atât?", []),
    ("04.08 23:55", "Bianca", "Atât pot acum. Am o datorie la firmă", [N1]),
    ("23.08 11:00", "Mama", "Andrei a început școala, e trist că nu ești aici", []),
    ("23.08 11:05", "Bianca", "Spune-i că îl iubesc ❤️", []),
    ("16.09 12:00", "Mama", "Când vii acasă?", []),
    ("16.09 15:20", "Bianca", "Nu știu. Nu mă lasă până nu termin datoria", [N1]),
    ("05.10 10:00", "Mama", "Te-am sunat de 5 ori", []),
    ("05.10 23:10", "Bianca", "Telefonul îl ține Ionuț seara. Nu te speria", [N1]),
])
# Frederik and his mother (export handed in by the mother)
wa("beslag/whatsapp/UDL-26-0611-Hanne Holm/WhatsApp-chat med Frederik.txt", "Hanne Holm", [
    ("20.07 18:00", "Hanne Holm", "Hej skat, hvordan går det med jobsøgningen?", []),
    ("20.07 18:40", "Frederik", "Mor jeg har fundet et job i Bangkok!! Kundeservice på dansk, 25.000 om måneden og de betaler flyet og lejlighed", [N2]),
    ("20.07 18:42", "Hanne Holm", "Hvad? Hvem er firmaet?", []),
    ("20.07 18:50", "Frederik", "Et stort online firma, ham Mads fra Facebook sætter det op. Skal bare betale 4.500 for visum", [N2]),
    ("20.07 18:55", "Hanne Holm", "Har du fået en kontrakt?", []),
    ("20.07 19:10", "Frederik", "Den skriver man under dernede. Flyet går mandag d. 3, de skal have svar nu", [N2]),
    ("03.08 05:40", "Frederik", "Sidder i lufthavnen ✈️ Kys", []),
    ("04.08 16:00", "Frederik", "Bangkok er vildt varmt 🌴", []),
    ("10.08 22:30", "Frederik", "Vi er flyttet til et andet kontor. Det er i Cambodia, tæt på grænsen", [N2]),
    ("10.08 22:35", "Hanne Holm", "Cambodia?? Det var ikke det der stod", []),
    ("10.08 22:40", "Frederik", "Jeg kan ikke skrive så meget, de tjekker telefonerne", [N2]),
    ("24.08 23:15", "Frederik", "Mor de har taget mit pas. De siger jeg får det efter prøvetiden", [N2]),
    ("24.08 23:16", "Hanne Holm", "Frederik du skal ringe til ambassaden", []),
    ("24.08 23:20", "Frederik", "Kan ikke. Vi må kun have telefonen en time om aftenen", [N2]),
    ("07.09 23:50", "Frederik", "Vi arbejder fra 8 til 23. Vi skal få folk i Danmark til at investere i noget crypto. Det er svindel mor", [N2]),
    ("07.09 23:52", "Frederik", "De har taget min MitID og netbank. Lad være med at blive forskrækket hvis der sker noget på min konto", [N2]),
    ("08.09 07:00", "Hanne Holm", "Jeg ringer til politiet", []),
    ("08.09 22:30", "Frederik", "Mor du må ikke ringe til politiet, så bliver det værre for mig", [N2]),
    ("21.09 23:10", "Frederik", "De siger jeg skylder dem 30.000 for flyet og visum og mad. Hvis jeg ikke når target får vi bøder", [N2]),
    ("21.09 23:12", "Frederik", "Send ikke penge til dem hvis de skriver", [N2]),
    ("06.10 23:40", "Frederik", "Hvis vi ikke får nogen til at indbetale siger de at vi bliver solgt til et andet firma", [N2]),
    ("06.10 23:41", "Hanne Holm", "Vi gør alt hvad vi kan. Ambassaden ved det nu. Hold ud ❤️", []),
    ("19.10 23:30", "Frederik", "Nikolaj er væk. De er helt sindssyge i dag", [N2]),
    ("19.10 23:31", "Hanne Holm", "Pas på dig selv skat", []),
])
# L10 Nikolaj and the lawful Lisbon employer (he declined the offer)
wa("beslag/whatsapp/%s/WhatsApp-chat med Camilla NordicSupport.txt" % B4, "Nikolaj Brandt", [
    ("15.07 10:05", "Camilla NordicSupport", "Hej Nikolaj, tak for din ansøgning til kundeservice i Lissabon 😊 Har du tid til en samtale på Teams tirsdag kl 10?", [L_LISBON]),
    ("15.07 10:30", "Nikolaj", "Hej, ja det passer fint", [L_LISBON]),
    ("21.07 11:20", "Camilla NordicSupport", "Tak for en god samtale. Vi kan tilbyde dig stillingen: 1.450 € + bonus, start 1. september.", [L_LISBON]),
    ("21.07 11:21", "Camilla NordicSupport", "Kontrakten sender vi til digital underskrift via e-mail, du har 14 dage til at kigge på den. Vi betaler flyet og første måneds bolig.", [L_LISBON]),
    ("21.07 11:40", "Nikolaj", "Skal jeg betale noget for visum eller noget?", [L_LISBON]),
    ("21.07 11:45", "Camilla NordicSupport", "Nej, du skal ikke betale noget – og du skal selv beholde dit pas. Du skal bare have et gyldigt pas og et EU-sygesikringskort.", [L_LISBON]),
    ("29.07 09:00", "Nikolaj", "Tak, men jeg har fået et tilbud med højere løn i Asien, så jeg takker nej", [L_LISBON]),
    ("29.07 09:30", "Camilla NordicSupport", "Helt i orden. Pas godt på dig selv og tjek firmaet grundigt – held og lykke! 🍀", [L_LISBON]),
])
rows = []
for k in range(20):
    d = D0 + dt.timedelta(days=R.randint(0, 44))
    rows.append((at(d, 9, 22), R.choice(["Nikolaj", "Træner Bo", "Mathias", "Kasper", "Lasse"]),
                 R.choice(["Træning flyttet til kl 19", "Hvem kører til udekampen?", "Jeg er med", "Kan ikke på torsdag", "Husk kontingent",
                           "Godt spillet i dag drenge ⚽", "Nogen der har mine støvler?", "Hvem har nøglen til boldrummet", "Kamp lørdag kl 13 i Gistrup"])))
rows.sort()
wa("beslag/whatsapp/%s/WhatsApp-chat med Fodbold hold 2.txt" % B4, "Nikolaj Brandt", [(a, b, c, []) for a, b, c in rows])
# L05 the students' flat
stud_lines = [
    ("24.08 19:00", "Magnus", "Velkommen i kollektivet 🏠 Husleje er 8.600 i alt, 2.150 hver. Jeg betaler til Bent og I MobilePayer mig inden d. 1."),
    ("24.08 19:05", "Ioana", "Perfect, thanks Magnus! Is it ok if we write English?"),
    ("24.08 19:06", "Magnus", "Of course 😊"), ("27.08 21:00", "Lukas", "Hi all, arrived today. Which shelf in the fridge is mine?"),
    ("27.08 21:02", "Ioana", "The second one 😄"), ("29.08 18:00", "Magnus", "Rengøringsplan: uge 36 Ioana, uge 37 Lukas, uge 38 Freja, uge 39 mig"),
    ("31.08 20:00", "Magnus", "Reminder: rent for September to me by MobilePay please 🙏"), ("31.08 20:10", "Lukas", "Sent!"),
    ("01.09 09:00", "Ioana", "Sent too"), ("02.09 16:00", "Freja", "Hej allesammen, jeg flytter ind i dag 🎉"),
    ("05.09 23:30", "Lukas", "Party at the student bar tomorrow, who's in? 🍻"), ("05.09 23:35", "Freja", "Meee"),
    ("12.09 10:00", "Ioana", "Who took my oat milk 😭"), ("12.09 10:05", "Lukas", "Sorry!! Buying new today"),
    ("19.09 14:00", "Magnus", "Internettet er nede, har ringet til udbyderen"), ("26.09 19:00", "Freja", "Fællesspisning søndag? Jeg laver lasagne"),
    ("26.09 19:10", "Ioana", "Yes!! I bring dessert"), ("30.09 20:00", "Magnus", "Husleje oktober senest i morgen 🙏"),
    ("30.09 20:30", "Freja", "Sendt"), ("01.10 08:10", "Ioana", "Sent, thanks"), ("01.10 09:00", "Lukas", "Done"),
    ("10.10 12:00", "Magnus", "Bent kommer og kigger på radiatoren tirsdag kl 10"), ("14.10 22:00", "Lukas", "Anyone has a charger for iPhone?"),
    ("20.10 18:00", "Freja", "Husk at det er min tur med rengøring, bare rolig"), ("25.10 17:00", "Ioana", "Anyone want to join a walk by the fjord?"),
    ("29.10 21:00", "Magnus", "Husleje november til mig inden 1. 🙏"),
]
wa("beslag/whatsapp/%s/WhatsApp-chat med Kollektivet 🏠.txt" % B5, "Ioana Marin", [(a, b, c, [L_STUD]) for a, b, c in stud_lines])

# ============================================================================ location-sharing app (vendor disclosure, geofence request)
GPS = []
GEO = {"Aalborg": (57.0471, 9.9302), "Hjørring": (57.4562, 9.9828), "Frederikshavn": (57.4409, 10.5371), "Aarhus": (56.1531, 10.2042),
       "Bacău": (46.5671, 26.9138)}


def ping(circle, user, device, shared, ts, place, trig="periodic", tags=(), acc=None, jitter=0.0006):
    lat, lon = place
    utc = ts - dt.timedelta(hours=2)          # CEST in the whole period (DST ends 25 Oct: close enough for Oct 26-31 rows below)
    if ts >= dt.datetime(2026, 10, 25, 3, 0):
        utc = ts - dt.timedelta(hours=1)
    GPS.append(dict(circle=circle, user=user, device=device, shared=shared, utc=utc, lat=lat + R.uniform(-jitter, jitter), lon=lon + R.uniform(-jitter, jitter),
                    acc=acc or R.choice([5, 8, 12, 16, 25, 40]), bat=R.randint(8, 100), trig=trig, tags=set(tags)))


LOC_START = {bianca: dt.date(2026, 7, 24), larisa: dt.date(2026, 7, 24), denisa: dt.date(2026, 8, 4), roxana: dt.date(2026, 8, 4)}
WDEV = {w: "SM-A145F/%04X" % R.randint(0, 0xFFFF) for w in workers}
for w in workers:
    user = {bianca: "bianca_s", larisa: "larisa_m", denisa: "denisa_u", roxana: "roxana_l"}[w]
    for d in days(LOC_START[w], dt.date(2026, 10, 13)):
        cty = city_of(w, d)
        if R.random() < .42:
            ping("c-58e1", user, WDEV[w], "mdob;ionut_r", at(d, 1, 5), GEO[cty], tags=[N1])       # the night: where she sleeps
        if R.random() < .22:
            ping("c-58e1", user, WDEV[w], "mdob;ionut_r", at(d, 10, 22), GEO[cty], trig=R.choice(["request", "request", "manual_checkin"]), tags=[N1])
    ping("c-58e1", user, WDEV[w], "mdob;ionut_r", dt.datetime(2026, 10, 14, 5, R.randint(30, 58)), GEO["Aalborg"], tags=[N1])
for k in range(18):
    ping("c-58e1", "mdob", "Pixel-7/%04X" % 0xB0D7, "", at(dt.date(2026, 7, 20) + dt.timedelta(days=k * 5), 9, 22), GEO["Bacău"], jitter=0.01, tags=[N1])
# L11 a family: parents and two teenagers share location with each other, near the clinic's street
HOME = (57.0489, 9.9336)
SCHOOL = (57.0425, 9.9401)
fam = [("henrik_s", "iPhone13/%04X" % R.randint(0, 65535)), ("lene_s", "iPhone12/%04X" % R.randint(0, 65535)),
       ("mathilde_s", "iPhoneSE/%04X" % R.randint(0, 65535)), ("oscar_s", "SM-A346/%04X" % R.randint(0, 65535))]
for u, dv in fam:
    others = ";".join(x for x, _ in fam if x != u)
    for k in range(17):
        d = D0 + dt.timedelta(days=R.randint(0, 122))
        place = SCHOOL if (u in ("mathilde_s", "oscar_s") and d.weekday() < 5 and R.random() < .6) else HOME
        ping("c-11a0", u, dv, others, at(d, 7, 22), place, trig=R.choice(["periodic", "periodic", "arrived", "left"]), tags=[L_FAMGPS], jitter=0.002)
# L12 courier firm: a dispatcher sees four couriers during working hours
cour = [("hk_kurer%d" % i, "SM-A256/%04X" % R.randint(0, 65535)) for i in range(1, 5)]
for u, dv in cour:
    for k in range(16):
        d = D0 + dt.timedelta(days=R.randint(0, 122))
        if d.weekday() > 4:
            continue
        place = R.choice([(57.0471, 9.9302), (57.0455, 9.9180), (57.0300, 9.9500), (57.0600, 9.9000), (57.0200, 9.8900)])
        ping("c-77k2", u, dv if d < dt.date(2026, 9, 1) else dv[:-4] + "%04X" % (int(dv[-4:], 16) ^ 0x1111), "hk_dispatch", at(d, 8, 17), place,
             tags=[L_COURIER], jitter=0.003)
# background couples
for c in range(4):
    a_, b_ = "%s_%d" % (R.choice(DK_F).lower(), R.randint(1, 99)), "%s_%d" % (R.choice(DK_M).lower(), R.randint(1, 99))
    cid = "c-%04x" % R.randint(0, 65535)
    for u in (a_, b_):
        dv = "iPhone%d/%04X" % (R.randint(11, 15), R.randint(0, 65535))
        for k in range(R.randint(7, 11)):
            d = D0 + dt.timedelta(days=R.randint(0, 122))
            ping(cid, u, dv, b_ if u == a_ else a_, at(d, 7, 23), (57.04 + R.uniform(-.02, .02), 9.93 + R.uniform(-.03, .03)), jitter=0.001)

# ============================================================================ device and account events
EV = []


def ev(kilde, konto, enhed, ts, h, detalje="", ipa="", land="", tags=()):
    EV.append(dict(kilde=kilde, konto=konto, enhed=enhed, ts=T(ts) if isinstance(ts, str) else ts, h=h, detalje=detalje, ip=ipa, land=land, tags=set(tags)))


U1, U2, U3, U4, U5 = ("UFED-udtræk " + b for b in (B1, B2, B3, B4, B5))
SAM_B, SAM_L = "Samsung Galaxy A14 (%s)" % WDEV[bianca], "Samsung Galaxy A14 (%s)" % WDEV[larisa]
IPH_I = "iPhone 14 (%s)" % DEV_IONUT
for (k, b, e, who) in [(U1, B1, SAM_B, "bianca_s"), (U2, B2, SAM_L, "larisa_m")]:
    ev(k, b, e, "12.07 13:55", "SIM-kort indsat", "Taletidskort, nummer %s" % ("+45 20 00 52 61" if who == "bianca_s" else "+45 20 00 52 74"), tags=[N1])
    ev(k, b, e, "12.07 14:05", "App installeret", "Telegram", tags=[N1])
    ev(k, b, e, "24.07 11:20", "App installeret", "Locora Family Locator", tags=[N1])
    ev(k, b, e, "24.07 11:22", "Tilladelse givet", "Locora: placering 'altid', batterioptimering slået fra", tags=[N1])
    ev(k, b, e, "24.07 11:23", "Positionsdeling slået til", "Locora-kreds c-58e1, deler med: mdob, ionut_r", tags=[N1])
    ev(k, b, e, "14.10 06:07", "Telegram: samtale slettet for begge parter", "Slettet af modpart @mr_dob", tags=[N1])
ev(U1, B1, SAM_B, "04.08 21:50", "Bankapp afinstalleret", "Vendelbo Mobilbank (installeret 20.07, brugt 2 gange)", tags=[N1])
ev(U3, B3, IPH_I, "16.07 09:20", "MobilePay: nummer tilknyttet", "+45 20 00 47 11", tags=[N1])
ev(U3, B3, IPH_I, "20.07 12:40", "Bankapp: profil tilføjet", "Vendelbo Mobilbank – Bianca Stan", tags=[N1])
ev(U3, B3, IPH_I, "24.07 12:10", "Bankapp: profil tilføjet", "Vendelbo Mobilbank – Larisa Munteanu", tags=[N1])
ev(U3, B3, IPH_I, "07.08 12:30", "Bankapp: profil tilføjet", "Vendelbo Mobilbank – Denisa Ungureanu", tags=[N1])
ev(U3, B3, IPH_I, "20.08 22:55", "Bankapp: profil tilføjet", "Vendelbo Mobilbank – Roxana Lungu", tags=[N1])
ev(U3, B3, IPH_I, "20.07 18:00", "App installeret", "CamView (IP-kamera)", tags=[N1])
ev(U3, B3, IPH_I, "14.10 06:08", "Telegram: konto slettet", "Brugerhandling; lokal database delvist gendannet", tags=[N1])
ev(U3, B3, IPH_I, "14.10 06:10", "WhatsApp: chats ryddet", "Alle chats undtagen 8 arkiverede", tags=[N1])
for (acc, enhed, t1, t2) in [("denisa.ungureanu06@gmail.com", "Samsung Galaxy A14 (%s)" % WDEV[denisa], "14.10 06:12", "14.10 06:14"),
                             ("roxana.lungu00@gmail.com", "Samsung Galaxy A14 (%s)" % WDEV[roxana], "14.10 06:15", "14.10 06:16"),
                             ("rose.booking2@gmail.com", "Nokia G21 (booking 2, +45 20 00 47 52)", "14.10 06:19", "14.10 06:21")]:
    ev("Google kontoudlevering", acc, enhed, "10.08 09:14" if "booking" not in acc else "02.09 17:40", "Login på konto fra ny enhed", "Pixel 7", MARIUS_IP, "RO", tags=[N1])
    ev("Google kontoudlevering", acc, enhed, t1, "Fjernsletning anmodet (Find min enhed)", "Anmodet fra Pixel 7", MARIUS_IP, "RO", tags=[N1])
    ev("Google kontoudlevering", acc, enhed, t2, "Fabriksnulstilling gennemført", "", "", "", tags=[N1])
for k in range(22):
    d = dt.date(2026, 7, 22) + dt.timedelta(days=k * 4 + R.randint(0, 2))
    if d > dt.date(2026, 10, 13):
        break
    start = at(d, 10, 14)
    ev("CamView Cloud kontoudlevering", "klinikrose_cam", "IP-kamera CamView C2 'gang'", start, "Live-visning",
       "bruger mdob, varighed %d t %02d min" % (R.randint(8, 13), R.randint(0, 59)), MARIUS_IP, "RO", tags=[N1])
ev("CamView Cloud kontoudlevering", "klinikrose_cam", "IP-kamera CamView C2 'gang'", "14.10 06:09", "Optagelser slettet", "bruger mdob, 146 klip", MARIUS_IP, "RO", tags=[N1])
ev("CamView Cloud kontoudlevering", "klinikrose_cam", "IP-kamera CamView C2 'gang'", "14.10 06:11", "Kamera fjernet fra konto", "bruger mdob", MARIUS_IP, "RO", tags=[N1])
IPH_N = "iPhone 12 (%s)" % R.randint(10 ** 14, 10 ** 15 - 1)
for (t, h, dd) in [("16.08 09:40", "Flytilstand slået fra", ""), ("17.08 07:10", "SIM-kort indsat", "Thailandsk turist-SIM"),
                   ("21.08 09:00", "App installeret", "AnyDesk (fjernadgang)"), ("21.08 09:02", "Konfigurationsprofil installeret", "'ATC Office' – fjernstyring (MDM)"),
                   ("05.09 07:55", "WhatsApp: konto registreret på anden enhed", "Verifikationskode brugt på ukendt enhed"),
                   ("05.09 08:10", "MitID: ny enhed tilknyttet", "MitID app på ukendt enhed"), ("10.10 22:55", "Fotos slettet", "212 billeder slettet på én gang"),
                   ("10.10 22:56", "Telegram: selvdestruerende beskeder slået til", "DK Team 7, timer 1 dag"),
                   ("20.10 08:30", "SIM-kort indsat", "Dansk SIM"), ("22.10 11:00", "Konfigurationsprofil fjernet", "'ATC Office'")]:
    ev(U4, B4, IPH_N, t, h, dd, tags=[N2])
# lawful: the courier firm swaps its phones (three resets in 20 minutes), a family's ordinary app events
for i, (u, dv) in enumerate(cour[:3]):
    ev("MDM-log udleveret af Hurtig Kurér ApS", "hurtigkurer-mdm", dv, dt.datetime(2026, 9, 1, 14, 2 + i * 7), "Fabriksnulstilling via MDM", "Udskiftning af firmatelefon, enhed sendt til genbrug", tags=[L_COURIER])
    ev("MDM-log udleveret af Hurtig Kurér ApS", "hurtigkurer-mdm", dv[:-4] + "%04X" % (int(dv[-4:], 16) ^ 0x1111), dt.datetime(2026, 9, 1, 14, 40 + i * 3), "Ny enhed tilmeldt", u, tags=[L_COURIER])
    ev("MDM-log udleveret af Hurtig Kurér ApS", "hurtigkurer-mdm", dv[:-4] + "%04X" % (int(dv[-4:], 16) ^ 0x1111), dt.datetime(2026, 9, 1, 14, 41 + i * 3), "App installeret", "Locora Family Locator (firmakreds c-77k2, deler med hk_dispatch i arbejdstid)", tags=[L_COURIER])
for (k, b, e) in [(U5, B5, "iPhone 13 (%s)" % R.randint(10 ** 14, 10 ** 15 - 1)), (U4, B4, IPH_N), (U3, B3, IPH_I), (U1, B1, SAM_B)]:
    for _ in range(R.randint(4, 7)):
        ev(k, b, e, at(D0 + dt.timedelta(days=R.randint(0, 100)), 8, 23), R.choice(["OS-opdatering", "App opdateret", "Wi-Fi forbundet", "App installeret", "Bluetooth parret"]),
           R.choice(["Spotify", "Instagram", "Netflix", "DSB app", "Rejsekort", "Wolt", "TV 2 Play", "Google Maps", "Vinted", "JBL Flip 5", "NETGEAR-5G"]))

# ============================================================================ writing
def dkd(d):
    return d.strftime("%d-%m-%Y") if d else ""


def out(path):
    p = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


def write_csv(path, header, rows, delimiter=";", bom=False, id_col=None):
    """rows: (values, tags). Records truth by id column or by 1-based data line."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if bom else "\n")
    w.writerow(header)
    for i, (vals, tags) in enumerate(rows, start=1):
        w.writerow(vals)
        for t in tags:
            TRUTH[t][path].append(vals[header.index(id_col)] if id_col else i)
    with open(out(path), "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(buf.getvalue())
    return len(rows)


COUNTS = {}
# --- bank: customers
CUSTS.sort(key=lambda c: c.nr)
COUNTS["bank/kunder.csv"] = write_csv("bank/kunder.csv",
    ["Kunde nr", "Navn", "Fødselsdato", "Statsborgerskab", "Adresse", "Postnr", "By", "Telefon", "E-mail", "Kunde siden", "Konto (IBAN)",
     "Beskæftigelse", "Indkomst pr. md. (kr)", "Kundetype", "Folkeregistreret i DK siden", "Korrespondancesprog", "MobilePay-nummer", "Registreret app-enhed"],
    [([c.nr, c.name, dkd(c.birth) if c.seg == "Privat" else "", c.nat, c.street, c.pc, c.town, c.tel, c.email, dkd(c.since), c.iban, c.occ,
       kr(c.income)[:-3] if c.income else "", c.seg, dkd(c.resident_from) if c.seg == "Privat" else "", c.lang, c.mp or (c.tel if c.seg == "Privat" else ""),
       c.device if c.seg == "Privat" else ""], c.tags) for c in CUSTS], bom=True, id_col="Kunde nr")
# --- bank: postings, per account in time order, with running balance
TX.sort(key=lambda t: (t["c"].nr, t["ts"]))
rows = []
seq = 0
bal = {}
for t in TX:
    c = t["c"]
    bal[c.nr] = round(bal.get(c.nr, c.bal) + t["amount"], 2)
    seq += 1
    ref = "VS%s%05d" % (t["ts"].strftime("%y%m%d"), seq)
    rows.append(([c.iban[:9].replace(" ", "") and "7321", c.iban.replace(" ", "")[-10:], c.nr, dkd(t["ts"].date()), t["ts"].strftime("%d-%m-%Y %H:%M"), t["typ"], t["text"],
                  t["modpart"], t["modkonto"], kr(t["amount"]), kr(bal[c.nr]), "DKK", t["by"], t["land"], ref], t["tags"]))
COUNTS["bank/posteringer.csv"] = write_csv("bank/posteringer.csv",
    ["Reg.nr", "Kontonr", "Kunde nr", "Bogført", "Tidspunkt", "Posteringstype", "Tekst", "Modpart", "Modpart konto/tlf", "Beløb", "Saldo", "Valuta",
     "By", "Land", "Posterings-ID"], rows, bom=True, id_col="Posterings-ID")
# --- bank: login log
LOG.sort(key=lambda l: l["ts"])
COUNTS["bank/netbank_log.csv"] = write_csv("bank/netbank_log.csv",
    ["Kunde nr", "Tidspunkt", "Kanal", "Hændelse", "Enheds-ID", "IP-adresse", "IP-land"],
    [([l["c"].nr, l["ts"].strftime("%d.%m.%Y %H:%M:%S"), l["kanal"], l["ev"], l["dev"], l["ip"], l["cc"]], l["tags"]) for l in LOG], bom=True)
# --- bank: KYC change log
KYC.sort(key=lambda k: k["ts"])
COUNTS["bank/kunde_aendringslog.csv"] = write_csv("bank/kunde_aendringslog.csv",
    ["Løbenr", "Kunde nr", "Tidspunkt", "Hændelse", "Felt", "Gammel værdi", "Ny værdi", "Kanal", "Udført af / på vegne af", "Bemærkning"],
    [(["AE-%05d" % (i + 1), k["c"].nr, k["ts"].strftime("%d-%m-%Y %H:%M"), k["ev"], k["felt"], k["old"], k["new"], k["kanal"], k["af"], k["note"]], k["tags"])
     for i, k in enumerate(KYC)], bom=True, id_col="Løbenr")
# --- CVR
COUNTS["cvr/cvr_udtraek.csv"] = write_csv("cvr/cvr_udtraek.csv",
    ["CVR-nr", "Navn", "Branchekode", "Branchetekst", "Adresse", "Startdato", "Ansatte (interval)", "Ejer (legal/reel)", "Ejer fødselsdato",
     "Ejer bopælsland", "Ejer fra", "Ejer til"],
    [([c["nr"], c["name"], c["code"], c["text"], c["adr"], dkd(c["start"]), c["band"], c["owner"], dkd(c["obirth"]) if c["obirth"] else "", c["ocountry"],
       dkd(c["ofrom"]), dkd(c["oto"]) if c["oto"] else ""], c["tags"]) for c in CVR])
# --- ads (scraper output: comma CSV, ISO 8601 with offset)


def iso(ts):
    off = "+01:00" if ts >= dt.datetime(2026, 10, 25, 3, 0) else "+02:00"
    return ts.strftime("%Y-%m-%dT%H:%M:%S") + off


ADS.sort(key=lambda a: a["ts"])
rows = []
for i, a in enumerate(ADS, start=1):
    fid = "F%06d" % (400000 + i * 7)
    live = dt.timedelta(days=R.randint(5, 21))
    removed = a["ts"] + live
    last = removed - dt.timedelta(hours=R.randint(1, 20))
    if N1 in a["tags"] and removed >= RAID:
        removed = RAID + dt.timedelta(minutes=R.randint(8, 40))
        last = RAID - dt.timedelta(hours=R.randint(1, 5))
    removed_s = iso(removed) if removed <= dt.datetime(2026, 10, 31, 23, 0) else ""
    url = SITES[a["site"]] % R.randint(100000, 999999)
    rows.append(([fid, iso(a["ts"] + dt.timedelta(minutes=R.randint(5, 90))), a["site"], url, a["city"], a["kat"], a["titel"], a["tekst"], a["navn"], a["alder"],
                  a["tlf"].replace(" ", "") if a["tlf"] else "", a["pris"], a["varighed"], "|".join(a["hashes"]), a["sprog"], iso(last), removed_s], a["tags"]))
COUNTS["scraping/annoncer_escort.csv"] = write_csv("scraping/annoncer_escort.csv",
    ["fund_id", "hentet", "site", "url", "by", "kategori", "titel", "tekst", "navn", "alder", "telefon", "pris_kr", "varighed_min", "billed_phash", "sprog",
     "sidst_set", "fjernet"], rows, delimiter=",", id_col="fund_id")
# --- job posts (JSON lines)
JOBS.sort(key=lambda j: j["ts"])
with open(out("scraping/jobopslag.jsonl"), "w", encoding="utf-8") as f:
    for i, j in enumerate(JOBS, start=1):
        nr = "J-%05d" % (i * 3 + 1000)
        f.write(json.dumps({"opslag_nr": nr, "kilde": j["kilde"], "kanal": j["kanal"], "tidspunkt": j["ts"].strftime("%d/%m/%Y %H:%M"),
                            "profil": j["profil"], "profil_oprettet": j["oprettet"].isoformat(), "sprog": j["sprog"], "titel": j["titel"],
                            "tekst": j["tekst"], "kontakt": j["kontakt"], "sted": j["sted"]}, ensure_ascii=False) + "\n")
        for t in j["tags"]:
            TRUTH[t]["scraping/jobopslag.jsonl"].append(nr)
COUNTS["scraping/jobopslag.jsonl"] = len(JOBS)
# --- Telegram extraction (one CSV, no message ids)
TG.sort(key=lambda m: (m["beslag"], m["chat"], m["ts"]))
COUNTS["beslag/telegram_udtraek.csv"] = write_csv("beslag/telegram_udtraek.csv",
    ["Beslag", "Enhedens ejer", "App", "Chat", "Chattype", "Tidspunkt (lokal tid)", "Fra", "Til", "Besked", "Vedhæftning", "Status"],
    [([m["beslag"], m["ejer"], "Telegram", m["chat"], m["chattype"], m["ts"].strftime("%d-%m-%Y %H:%M:%S"), m["fra"], m["til"], m["text"], m["vedh"], m["status"]],
      m["tags"]) for m in TG], bom=True)
# --- WhatsApp .txt exports (Danish Android format)
for path in sorted(WA):
    lines = sorted(WA[path], key=lambda x: x[0])
    t0 = lines[0][0] - dt.timedelta(minutes=1)
    text = ["%s - Beskeder og opkald er end-to-end-krypteret. Ingen uden for denne chat, heller ikke WhatsApp, kan læse eller lytte til dem." % t0.strftime("%d.%m.%Y %H.%M")]
    for i, (ts, who, msg, tags) in enumerate(lines, start=2):
        text.append("%s - %s: %s" % (ts.strftime("%d.%m.%Y %H.%M"), who, msg))
        for t in tags:
            TRUTH[t][path].append(i)
    with open(out(path), "w", encoding="utf-8") as f:
        f.write("\n".join(text) + "\n")
    COUNTS[path] = len(text)
# --- location sharing (vendor CSV, UTC)
GPS.sort(key=lambda g: (g["circle"], g["utc"]))
COUNTS["udlevering/locora_lokationer.csv"] = write_csv("udlevering/locora_lokationer.csv",
    ["circle_id", "member_user", "member_device", "shared_with", "recorded_utc", "lat", "lon", "accuracy_m", "battery_pct", "trigger"],
    [([g["circle"], g["user"], g["device"], g["shared"], g["utc"].strftime("%Y-%m-%dT%H:%M:%SZ"), "%.5f" % g["lat"], "%.5f" % g["lon"], g["acc"], g["bat"], g["trig"]],
      g["tags"]) for g in GPS], delimiter=",")
# --- device and account events
EV.sort(key=lambda e: (e["kilde"], e["ts"]))
COUNTS["beslag/enhedshaendelser.csv"] = write_csv("beslag/enhedshaendelser.csv",
    ["Kilde", "Beslag/konto", "Enhed", "Tidspunkt", "Hændelse", "Detaljer", "IP", "IP-land"],
    [([e["kilde"], e["konto"], e["enhed"], e["ts"].strftime("%d-%m-%Y %H:%M:%S"), e["h"], e["detalje"], e["ip"], e["land"]], e["tags"]) for e in EV], bom=True)

# ============================================================================ truth.yaml
META = [
    (N1, True, "sexual_exploitation",
     "Klinik Rosé: Romanian women recruited by a Telegram job post ('massage in Denmark, 3-5,000 EUR, ticket and housing paid'), "
     "controlled from Romania by 'Marius' (@mr_dob) over Telegram and a location-sharing app, run on the ground by Ionuț Rusu. One booking "
     "number (two from September) fronts four, then six personas in template ads rotating Aalborg/Hjørring/Frederikshavn/Aarhus; buyers pay "
     "Ionuț's MobilePay; the women's accounts (opened with Ionuț as 'interpreter', bank app on his phone, logins from Romania) are swept to "
     "him; he sends ~14,800 DKK a week to Romania, pays ad bumps, hotels and top-ups. Straw owners of the clinic's company. At the raid "
     "(14-10-2026 06:00) chats are deleted, two phones and a booking phone are factory-reset remotely from Romania, the camera account and "
     "all live ads disappear.",
     ["RCS-REC-MESSENGER-JOB-AD", "RCS-REC-TOO-GOOD", "RCS-REC-PAID-TRAVEL-HOUSING", "RCS-REC-EARLY-ID-REQUEST", "RCS-REC-URGENCY",
      "RCS-REC-FEES-DEBT", "RCS-RULES-THREATS", "RCS-DEBT-QUOTA", "RCS-EARNINGS-CONTROL", "RCS-DOCS-RETAINED", "RCS-REMOTE-CONTROLLER",
      "RCS-ISOLATION", "RCS-LIVES-AT-VENUE", "RCS-IMAGE-BLACKMAIL", "RCS-SURV-CAMERAS", "RCS-SURV-LOCATION", "RCS-SURV-CHECKINS",
      "RCS-SURV-ACCOUNT-CONTROL", "RCS-SURV-EVIDENCE-WIPE", "BEH-CONTACT-PROXY", "BEH-AD-THIRD-PERSON", "BEH-AD-LANG-MISMATCH",
      "BEH-AD-TEMPLATE", "BEH-PHOTO-REUSE", "BEH-MULTICITY-CIRCUIT", "BEH-OBSCURED-PHONE", "BEH-TRUST-LANG", "BEH-YOUTH-LANG",
      "BEH-ETHNICITY-MARKETING", "BEH-ALWAYS-AVAILABLE", "BEH-NO-LIMITS", "BEH-LOW-PRICE", "BEH-ROTATING-ROSTER", "BEH-MESSENGER-ONLY",
      "BEH-SHARED-DEVICE", "BEH-REMOTE-CONTROL-LOGIN", "BEH-COORDINATED-DELETION", "BEH-ACCOMPANIED", "FIN-BUYER-PAYS-THIRD-PARTY",
      "FIN-WORKER-SWEEP", "FIN-AD-SITE-PAYMENTS", "FIN-HOTEL-SHORT-STAYS", "FIN-PREPAID-TOPUPS", "FIN-SUSTENANCE-MULTI", "FIN-AFTER-HOURS",
      "FIN-GEO-CIRCUIT", "FIN-NO-OWN-LIVING-COSTS", "FIN-PAYMENT-MEMO-CUES", "FIN-THRESHOLD-AVOID", "KYC-SHARED-IDENTIFIERS",
      "KYC-CONTACT-IN-SEX-ADS", "KYC-THIRD-PARTY-ONBOARDING", "KYC-BATCH-ONBOARDING", "KYC-ADDRESS-AT-WORKPLACE", "KYC-PROFILE-MISMATCH",
      "KYC-NOMINEE-OWNER", "KYC-CONTACT-TAKEOVER", "KYC-DISPOSABLE-CONTACT", "KYC-AVOID-FACE-TO-FACE", "KYC-VULNERABILITY-CONTEXT"]),
    (N2, True, "scam_compound_recruitment_forced_criminality",
     "Asia Talent Connect: Mads Vestergaard (Aalborg) posts 'Danish customer service in Bangkok, 28,000 DKK tax-free, flight, visa and flat "
     "paid' in Facebook groups and moves applicants to Telegram, where 'Sarah HR' (+855 number) asks for passport, selfie and bank details at "
     "once, presses for a decision and has them pay a 4,500 DKK 'visa fee' to Mads by MobilePay; Mads buys their one-way tickets and gets a "
     "'consulting fee' from Hong Kong per recruit. Three young Danes are taken over the border to a scam compound in Cambodia (passports "
     "taken, debt, weekly deposit quotas with punishment). Their Danish accounts become mule accounts: contact details and app device moved to "
     "a compound laptop in Cambodia, Danish fraud victims' 'investments' in, straight out to a crypto exchange or Hong Kong. Nikolaj escapes "
     "on 17-10 and hands in his phone.",
     ["RCS-REC-SCAM-COMPOUND", "RCS-REC-TOO-GOOD", "RCS-REC-PAID-TRAVEL-HOUSING", "RCS-REC-MESSENGER-JOB-AD", "RCS-REC-CHANNEL-SWITCH",
      "RCS-REC-EARLY-ID-REQUEST", "RCS-REC-FEES-DEBT", "RCS-REC-URGENCY", "RCS-REC-UNVERIFIABLE-EMPLOYER", "RCS-DOCS-RETAINED",
      "RCS-DEBT-QUOTA", "RCS-QUOTAS-PUNISH", "RCS-RULES-THREATS", "RCS-ISOLATION", "RCS-SURV-ACCOUNT-CONTROL", "RCS-SURV-EVIDENCE-WIPE",
      "BEH-MESSENGER-ONLY", "BEH-SHARED-DEVICE", "BEH-REMOTE-CONTROL-LOGIN", "FIN-TRAVEL-FOR-OTHERS", "FIN-RECRUIT-FEES-DEDUCTIONS",
      "FIN-CRYPTO-OPAQUE", "FIN-WORKER-SWEEP", "FIN-LUXURY-GAMBLING", "KYC-PROFILE-MISMATCH", "KYC-SHARED-IDENTIFIERS",
      "KYC-CONTACT-TAKEOVER", "KYC-DISPOSABLE-CONTACT", "KYC-AVOID-FACE-TO-FACE"]),
    (L_SOFIE, False, "lookalike_independent_sex_worker",
     "Sofie Lund, 29, Danish, independent escort with her own CVR: first-person ads with her own number, '100% ægte billeder', two short "
     "'ny i Aarhus' tours with a hotel; many one-off MobilePay payers in the evening at round prices into her own account; she pays her own "
     "rent, B-skat, pension and her own ad bumps and keeps her money.",
     ["FIN-BUYER-PAYS-THIRD-PARTY", "KYC-CONTACT-IN-SEX-ADS", "BEH-TRUST-LANG", "BEH-MOVEMENT-WORDS", "FIN-AD-SITE-PAYMENTS", "FIN-HOTEL-SHORT-STAYS",
      "FIN-PAYMENT-MEMO-CUES"]),
    (L_ELENA, False, "lookalike_independent_migrant_sex_worker",
     "Elena Vasilescu, 33, Romanian, living in Aalborg since 2021, independent: English ads 'independent Romanian lady', WhatsApp/Telegram "
     "contact, 'new in Aarhus' weekends; MobilePay from clients into her own account; monthly money to her mother in Romania; a ten-day trip "
     "home in September (logins from Romania together with card payments in Romania); declared her trade at a KYC meeting.",
     ["BEH-ETHNICITY-MARKETING", "BEH-MESSENGER-ONLY", "BEH-MOVEMENT-WORDS", "FIN-DEBT-REMITTANCE", "BEH-REMOTE-CONTROL-LOGIN",
      "KYC-VULNERABILITY-CONTEXT", "FIN-BUYER-PAYS-THIRD-PARTY"]),
    (L_SABAI, False, "lookalike_massage_clinic",
     "Sabai Thai Massage ApS, Nørresundby, since 2017: one booking number and one ad for three named Thai masseuses ('vores massører'), "
     "daytime opening hours, card-terminal settlements, salaries, A-skat and ATP, rent for the premises; staff live elsewhere.",
     ["BEH-CONTACT-PROXY", "BEH-AD-THIRD-PERSON", "BEH-ETHNICITY-MARKETING", "FIN-FRONT-MASSAGE", "BEH-PHOTO-REUSE"]),
    (L_POPA, False, "lookalike_family_shared_identifiers",
     "The Popa family (Romanian, Hjørring since 2019): four adults at one address, the parents on one phone number (the mother moved to it "
     "in July), one tablet for three of them in the bank app; the grown children pay their share of the rent to the father; both parents send "
     "money monthly to the grandmother in Romania.",
     ["KYC-SHARED-IDENTIFIERS", "BEH-SHARED-DEVICE", "KYC-CONTACT-TAKEOVER", "FIN-FAN-IN-FROM-WORKERS", "FIN-DEBT-REMITTANCE", "FIN-WAGES-POOLED"]),
    (L_STUD, False, "lookalike_shared_flat",
     "Four students (two Danes, a Romanian, a German) moving into one flat in Aalborg in Aug-Sep, onboarding in the app within 15 days; three "
     "pay 2,150 DKK by MobilePay to the one who pays the landlord; two share the flat's PC for netbank; parents abroad send money.",
     ["KYC-SHARED-IDENTIFIERS", "KYC-BATCH-ONBOARDING", "BEH-SHARED-DEVICE", "FIN-FAN-IN-FROM-WORKERS", "FIN-WAGES-POOLED"]),
    (L_FARM, False, "lookalike_seasonal_employer",
     "Vendsyssel Bær & Grønt ApS: job posts in Romanian, Ukrainian and Danish offering housing on the farm and transport, with CVR, pay by "
     "the collective agreement, contract before departure and no fees; five seasonal workers onboarded at one branch on one day with the HR "
     "manager present, all registered at the farm, paid every 14 days into their own accounts, paying 2,200 DKK rent back to the farm, sending "
     "money home; revenue from invoices, A-skat and ATP paid.",
     ["RCS-REC-PAID-TRAVEL-HOUSING", "KYC-ADDRESS-AT-WORKPLACE", "KYC-THIRD-PARTY-ONBOARDING", "BEH-ACCOMPANIED", "KYC-BATCH-ONBOARDING",
      "KYC-SHARED-IDENTIFIERS", "FIN-RECRUIT-FEES-DEDUCTIONS", "FIN-DEBT-REMITTANCE", "KYC-VULNERABILITY-CONTEXT"]),
    (L_LANDLORD, False, "lookalike_landlord",
     "Bent Kristensen, pensioner and private landlord: monthly rent from eight tenants with different surnames (one of them the student flat).",
     ["FIN-FAN-IN-FROM-WORKERS", "KYC-PROFILE-MISMATCH"]),
    (L_CLUB, False, "lookalike_sports_club",
     "Aalborg Øst Håndboldklub: season fees by MobilePay from ~47 parents in Aug-Sep, many in the evening, at 600/900/1,200 DKK with the "
     "child's name in the note; coaches paid by MobilePay.",
     ["FIN-BUYER-PAYS-THIRD-PARTY", "FIN-PAYMENT-MEMO-CUES"]),
    (L_TRAVEL, False, "lookalike_travel_agency",
     "Limfjord Rejser ApS: a group trip to Bangkok with flight and hotel included, advertised in the same Facebook job groups; 14 travellers "
     "pay in, the agency buys 14 seats and pays the hotel in Thailand.",
     ["FIN-TRAVEL-FOR-OTHERS", "RCS-REC-SCAM-COMPOUND", "RCS-REC-PAID-TRAVEL-HOUSING", "FIN-FAN-IN-FROM-WORKERS"]),
    (L_LISBON, False, "lookalike_job_abroad",
     "NordicSupport ApS: Danish-speaking customer service in Lisbon, flight and first month's housing paid, posted in the same groups; an "
     "interview on Teams, a contract to sign before travel, no fees, keep your passport (Nikolaj's WhatsApp with the recruiter; he declined).",
     ["RCS-REC-PAID-TRAVEL-HOUSING", "RCS-REC-TOO-GOOD", "RCS-REC-MESSENGER-JOB-AD"]),
    (L_FAMGPS, False, "lookalike_family_location_sharing",
     "A family near the clinic's street (returned by the location app's geofence disclosure): parents and two teenagers share live location "
     "with each other.",
     ["RCS-SURV-LOCATION"]),
    (L_COURIER, False, "lookalike_fleet_tracking_and_device_wipe",
     "Hurtig Kurér ApS: a dispatcher sees four couriers' location in working hours; on 01-09 three old company phones are factory-reset by the "
     "firm's MDM within 20 minutes and replaced.",
     ["RCS-SURV-LOCATION", "BEH-COORDINATED-DELETION"]),
]
ENTITIES = {
    N1: {"phones": [BOOKER, BOOKER2, "+45 20 00 31 08", "+40 700 000 011"], "handles": ["@rose_job_dk", "@mr_dob", "mdob", "ionut_r"],
         "customers": [c.nr for c in [ionut] + workers], "devices": [DEV_IONUT, DEV_MARIUS], "ips": [MARIUS_IP],
         "accounts_abroad": [MARIUS_IBAN], "address": "%s, %s %s" % CLINIC, "cvr": [ROSE_CVR]},
    N2: {"phones": ["+45 20 00 71 35", KH_PHONE], "handles": ["@mads_jobdk", "@atc_hr_sarah"], "customers": [c.nr for c in [mads] + recruits],
         "devices": [DEV_KH], "ips": [KH_IP], "emails": ["dksupport01@gmail.com", "dksupport02@gmail.com", "dksupport03@gmail.com"]},
}


def yq(s):
    return json.dumps(s, ensure_ascii=False)


def ylist(xs):
    return "[" + ", ".join(str(x) if isinstance(x, int) else yq(x) for x in xs) + "]"


y = ["# Truth for the blind world police-nordjylland. Written blind on 2026-12-07 from indicators.md and docs/data.md only.",
     "# Members are given per file: the id column's value where the file has one (kunder.csv: Kunde nr, posteringer.csv: Posterings-ID,",
     "# kunde_aendringslog.csv: Løbenr, annoncer_escort.csv: fund_id, jobopslag.jsonl: opslag_nr); otherwise the 1-based data line",
     "# number (CSV: the header is line 0; WhatsApp .txt: the line number in the file, line 1 being the encryption notice).",
     "# Rows on a background customer's statement that pay into a network (a buyer's MobilePay) are members of that network.",
     "world: police-nordjylland", "seed: %d" % SEED, "period: [\"2026-07-01\", \"2026-10-31\"]", "raid: \"2026-10-14T06:00:00+02:00\"",
     "networks:"]
for (nid, pos, typ, desc, inds) in META:
    y.append("  - id: %s" % nid)
    y.append("    positive: %s" % ("true" if pos else "false"))
    y.append("    typology: %s" % typ)
    y.append("    description: %s" % yq(desc))
    y.append("    indicators: %s" % ylist(inds) if pos else "    lookalike_of: %s" % ylist(inds))
    if nid in ENTITIES:
        y.append("    entities:")
        for k, v in ENTITIES[nid].items():
            y.append("      %s: %s" % (k, ylist(v) if isinstance(v, list) else yq(v)))
    y.append("    members:")
    for f in sorted(TRUTH[nid]):
        y.append("      %s: %s" % (yq(f), ylist(TRUTH[nid][f])))
y.append("row_counts:")
for f in sorted(COUNTS):
    y.append("  %s: %d" % (yq(f), COUNTS[f]))
with open(out("truth.yaml"), "w", encoding="utf-8") as fh:
    fh.write("\n".join(y) + "\n")

if __name__ == "__main__":
    total = sum(COUNTS.values())
    print("rows: %d (%s)" % (total, ", ".join("%s %d" % (k, v) for k, v in sorted(COUNTS.items()) if "whatsapp" not in k)))
