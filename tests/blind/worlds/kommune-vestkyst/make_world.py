#!/usr/bin/env python3
"""Blind world 'kommune-vestkyst': a joint export from Vestkyst Kommune's job centre and
Vestkystbanken to a cross-agency task force. Standard library only, fixed seed.

    python3 make_world.py        # writes the data files and truth.yaml next to this script
"""
import csv
import datetime as dt
import os
import random

SEED = 20261207
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
D0 = dt.datetime(2026, 9, 1)
D1 = dt.datetime(2026, 11, 30, 23, 0)
RAID = dt.datetime(2026, 11, 26, 6, 5)

# --------------------------------------------------------------------------- identifiers
RESERVED = {"+45 20 00 41 17", "+45 20 00 99 00", "+45 20 00 55 12", "+45 20 00 70 18", "+45 20 00 61 50",
            "+45 20 00 33 90", "+45 20 00 33 91", "+45 20 00 33 92", "+45 20 00 33 93", "+45 20 00 33 94",
            "+45 20 00 63 05", "+45 20 00 63 06", "+45 20 00 63 07", "+45 20 00 63 08"}
_phones = [f"+45 20 00 {a:02d} {b:02d}" for a in range(10, 100) for b in range(100)]
_phones = [p for p in _phones if p not in RESERVED]
R.shuffle(_phones)


def phone():
    return _phones.pop()


_acc = set()


def konto():
    while True:
        n = R.randint(10_000_000, 99_999_999)
        if n not in _acc:
            _acc.add(n)
            return f"0000 00{n}"


def ext_iban(cc="DK"):
    n = R.randint(10 ** 13, 10 ** 14 - 1)
    if cc == "DK":
        return f"DK00 0000 {str(n)[:4]} {str(n)[4:8]} {str(n)[8:10]}"
    return f"{cc}00 0000 {str(n)[:4]} {str(n)[4:8]} {str(n)[8:12]} {str(n)[12:14]}00"


def dkk(x, signed=False):
    s = f"{abs(x):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    if signed:
        return ("-" if x < 0 else "") + s
    return s


def rand_ts(day, h0, h1):
    h = R.uniform(h0, h1)
    return dt.datetime(day.year, day.month, day.day) + dt.timedelta(hours=h)


def days():
    d = D0
    while d <= D1:
        yield d
        d += dt.timedelta(days=1)


DAYS = list(days())
MONTHS = [(2026, 9), (2026, 10), (2026, 11)]

# --------------------------------------------------------------------------- truth bookkeeping
GROUPS = {}      # gid -> dict(meta)
MEMBERS = {}     # gid -> {file: set(ids or line numbers)}


def group(gid, positive, typology, description, indicators):
    GROUPS[gid] = dict(positive=positive, typology=typology, description=description,
                       indicators=indicators)
    MEMBERS[gid] = {}


def member(gid, file, rid):
    if gid:
        MEMBERS[gid].setdefault(file, set()).add(rid)


group("N1-labour-holdleder", True, "labour_exploitation",
      "Team leader Costel Vasilescu recruits Romanian men by Facebook/SMS with paid bus and "
      "housing, places them through Vestjysk Vikar ApS at a fish factory and cleaning contracts, "
      "has the agency pay wages and 'housing/transport' deductions to his own account, makes the "
      "workers who are paid themselves pass most of it on, keeps their passports, registers nine "
      "men at one small house (Strandvejen 41) and sends money to Romania.",
      ["FIN-WAGES-POOLED", "FIN-RECRUIT-FEES-DEDUCTIONS", "FIN-WORKER-SWEEP",
       "FIN-FAN-IN-FROM-WORKERS", "FIN-NO-OWN-LIVING-COSTS", "FIN-TRAVEL-FOR-OTHERS",
       "FIN-THRESHOLD-AVOID", "KYC-SHARED-IDENTIFIERS", "KYC-THIRD-PARTY-ONBOARDING",
       "KYC-BATCH-ONBOARDING", "KYC-DOC-HANDLING", "KYC-CONTACT-TAKEOVER",
       "KYC-AVOID-FACE-TO-FACE", "KYC-VULNERABILITY-CONTEXT", "BEH-ACCOMPANIED",
       "RCS-REC-PAID-TRAVEL-HOUSING", "RCS-REC-FEES-DEBT", "RCS-REC-EARLY-ID-REQUEST",
       "RCS-REC-TOO-GOOD", "RCS-DOCS-RETAINED", "RCS-DEBT-QUOTA", "RCS-RULES-THREATS",
       "RCS-EARNINGS-CONTROL", "RCS-ISOLATION"])
group("N2-sex-lejlighed", True, "sexual_exploitation",
      "Kenneth Bro rents a two-room flat (Kirkegade 7, 2. tv, Ringkøbing) from Kjær Ejendomme, "
      "keeps four women from Moldova, Ukraine and Romania there (three registered at the flat), "
      "takes bookings himself by SMS, has buyers pay MobilePay to him, sweeps what reaches the "
      "women's own accounts, watches the flat by camera, demands locations, holds passports and a "
      "travel debt, buys ad bumps, top-ups and flights, recruits through a Moldovan contact, and "
      "deletes chats on the morning of the raid.",
      ["FIN-BUYER-PAYS-THIRD-PARTY", "FIN-WORKER-SWEEP", "FIN-NO-OWN-LIVING-COSTS",
       "FIN-AD-SITE-PAYMENTS", "FIN-PREPAID-TOPUPS", "FIN-HOTEL-SHORT-STAYS",
       "FIN-TRAVEL-FOR-OTHERS", "FIN-PAYMENT-MEMO-CUES", "FIN-DEBT-REMITTANCE",
       "KYC-THIRD-PARTY-ONBOARDING", "KYC-CONTACT-TAKEOVER", "KYC-SHARED-IDENTIFIERS",
       "KYC-PROFILE-MISMATCH", "KYC-AVOID-FACE-TO-FACE", "RCS-SURV-ACCOUNT-CONTROL",
       "BEH-CONTACT-PROXY", "BEH-ROTATING-ROSTER", "BEH-MESSENGER-ONLY", "RCS-REC-MESSENGER-JOB-AD",
       "RCS-REC-TOO-GOOD", "RCS-REC-PAID-TRAVEL-HOUSING", "RCS-REC-EARLY-ID-REQUEST",
       "RCS-RULES-THREATS", "RCS-DEBT-QUOTA", "RCS-EARNINGS-CONTROL", "RCS-DOCS-RETAINED",
       "RCS-SURV-CAMERAS", "RCS-SURV-LOCATION", "RCS-SURV-CHECKINS", "RCS-IMAGE-BLACKMAIL",
       "RCS-SURV-EVIDENCE-WIPE", "BEH-COORDINATED-DELETION", "RCS-LIVES-AT-VENUE"])
group("L1-vikar-personalebolig", False, "legit_agency_staff_house",
      "Vestjysk Vikar ApS's own staff house (Industrivej 3, Hvide Sande): twelve Polish and "
      "Lithuanian temps registered at one address, onboarded at the bank on one agency "
      "'lønkonto day', housing deducted at a documented 2.400 kr/month, net wages to each worker's "
      "own account; they spend on their own living and send part home to family.",
      ["KYC-SHARED-IDENTIFIERS", "KYC-BATCH-ONBOARDING", "KYC-VULNERABILITY-CONTEXT",
       "FIN-DEBT-REMITTANCE", "FIN-RECRUIT-FEES-DEDUCTIONS"])
group("L2-familie-pizzeria", False, "family_business",
      "The Yilmaz family runs Yilmaz Grill & Pizza (Torvet 4, Hvide Sande) and lives above the "
      "shop: five adults at the workplace address, the parents share one mobile number, the "
      "company pays all of them wages and the children pass money to their parents.",
      ["KYC-SHARED-IDENTIFIERS", "KYC-ADDRESS-AT-WORKPLACE", "FIN-WAGES-POOLED",
       "FIN-FAN-IN-FROM-WORKERS"])
group("L3-udlejer", False, "landlord",
      "Kjær Ejendomme ApS collects monthly rent from about twenty unrelated tenants with "
      "different surnames (including the flat that N2 rents; that rent payment is listed under "
      "N2, not here).",
      ["FIN-FAN-IN-FROM-WORKERS", "KYC-SHARED-IDENTIFIERS"])
group("L4-studiekollektiv", False, "students_sharing_flat",
      "Four students with different surnames and nationalities share a flat in Esbjerg; three pay "
      "their share of rent and internet by MobilePay to the lease holder each month.",
      ["KYC-SHARED-IDENTIFIERS", "FIN-FAN-IN-FROM-WORKERS"])
group("L5-menighed", False, "church_collection",
      "The Romanian Orthodox parish in West Jutland collects donations and candle money by "
      "MobilePay from many Romanian and Moldovan speakers after Sunday liturgy, often small round "
      "sums, and sends a monthly contribution to the diocese abroad.",
      ["FIN-FAN-IN-FROM-WORKERS", "FIN-DEBT-REMITTANCE", "FIN-PAYMENT-MEMO-CUES"])
group("L6-sæsonhotel", False, "seasonal_employer_housing",
      "Hotel Klitrosen in Søndervig employs young seasonal staff from Spain, Italy, Czechia and "
      "Hungary until the autumn holiday, houses them in its staff annex at the hotel address, "
      "deducts lodging and pays wages to their own accounts; they move out in October.",
      ["KYC-ADDRESS-AT-WORKPLACE", "RCS-LIVES-AT-VENUE", "KYC-SHARED-IDENTIFIERS",
       "FIN-RECRUIT-FEES-DEDUCTIONS", "KYC-BATCH-ONBOARDING"])
group("L7-selvstændig-massør", False, "independent_sex_worker",
      "Nadia Lund, self-employed, advertises erotic massage and takes MobilePay from many men in "
      "the evening into her own account; she pays small ad fees, her own rent, groceries and "
      "B-skat, and keeps the money.",
      ["FIN-BUYER-PAYS-THIRD-PARTY", "FIN-AD-SITE-PAYMENTS", "FIN-PAYMENT-MEMO-CUES",
       "KYC-PROFILE-MISMATCH", "FIN-AFTER-HOURS"])
group("L8-boldklub", False, "sports_club_fees",
      "Hvide Sande Boldklub's treasurer collects quarterly membership fees by MobilePay from "
      "many parents into the club account, evenings, round amounts.",
      ["FIN-FAN-IN-FROM-WORKERS", "FIN-BUYER-PAYS-THIRD-PARTY"])
group("L9-fuldmagt", False, "elderly_power_of_attorney",
      "Else Mortensen (88) is represented by her son Bent under a registered power of attorney; "
      "he calls on her behalf and her contact phone is changed to his.",
      ["KYC-CONTACT-TAKEOVER", "KYC-THIRD-PARTY-ONBOARDING", "KYC-AVOID-FACE-TO-FACE"])
group("L10-flygtninge-kommune", False, "refugees_with_caseworker",
      "Three Ukrainian women placed in municipal integration housing are brought to the bank on "
      "one day by a municipal caseworker with an interpreter; the caseworker's office number is "
      "their contact number until they get Danish SIM cards; benefits come from the municipality.",
      ["KYC-THIRD-PARTY-ONBOARDING", "KYC-BATCH-ONBOARDING", "KYC-SHARED-IDENTIFIERS",
       "BEH-ACCOMPANIED", "KYC-VULNERABILITY-CONTEXT", "KYC-CONTACT-TAKEOVER"])

# --------------------------------------------------------------------------- names
DK_M = "Jens Søren Mads Lars Henrik Thomas Martin Anders Peter Michael Kasper Rasmus Jesper Niels Ole Bo Frederik Mikkel Jonas Christian Torben Kim Steffen Brian Morten Jakob Allan Carsten".split()
DK_F = "Anne Mette Hanne Louise Sofie Ida Maria Lene Birgitte Karina Tina Susanne Emma Julie Line Pia Helle Signe Rikke Charlotte Dorthe Malene".split()
DK_L = "Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen Petersen Madsen Kristensen Olsen Thomsen Poulsen Knudsen Iversen Kjeldsen Bech Lund Dam Holm Skov Vestergaard Mikkelsen Toft Søgaard Nørgaard Bruun".split()
STREETS = {
    ("6960", "Hvide Sande"): ["Nørregade", "Bredgade", "Fjordvej", "Toldbodvej", "Parallelvej", "Søndergade", "Havnevej", "Granvej", "Lyngvej"],
    ("6950", "Ringkøbing"): ["Østergade", "Vestergade", "Nygade", "Herningvej", "Ved Fjorden", "Poul Kjærgaards Vej", "Tranevej", "Engvej"],
    ("6700", "Esbjerg"): ["Kongensgade", "Skolegade", "Torvegade", "Jyllandsgade", "Strandbygade", "Finsensgade", "Grundtvigsvej", "Stormgade"],
    ("6800", "Varde"): ["Storegade", "Vestergade", "Ribevej", "Kræmmergade", "Lerpøtvej"],
    ("6950", "Søndervig"): ["Lodbergsvej", "Søndervig Landevej", "Badevej"],
}
TOWNS = list(STREETS)


def address(town=None):
    town = town or R.choice(TOWNS[:4])
    s = R.choice(STREETS[town])
    a = f"{s} {R.randint(1, 120)}"
    if R.random() < 0.35:
        a += R.choice([", st.", ", 1. tv", ", 1. th", ", 2. tv", ", 2. th", ", 3."])
    return a, town[0], town[1]


def bdate(a0, a1):
    y = 2026 - R.randint(a0, a1)
    return dt.date(y, R.randint(1, 12), R.randint(1, 28))


# --------------------------------------------------------------------------- customers
CUST = []           # dicts
BY_ID = {}
_kid = [4100]


def customer(first, last, born, nat, town_addr, occ, inc, *, ph=None, email=None, typ="Privat",
             onb=None, res=None, lang="da", gid=None, acc=None):
    _kid[0] += R.randint(1, 9)
    kid = f"K{_kid[0]:06d}"
    ad, pn, by = town_addr
    if email is None:
        email = f"{first.lower()}.{last.lower()}{R.randint(1, 99)}@{R.choice(['mail.dk', 'post.dk', 'gmail.com', 'hotmail.com'])}"
        email = email.replace("ø", "oe").replace("æ", "ae").replace("å", "aa").replace("ş", "s").replace("ė", "e").replace("ţ", "t").replace("ł", "l").replace("ń", "n").replace("ś", "s").replace("ą", "a").replace("ž", "z").replace("ū", "u").replace("č", "c").replace("í", "i").replace("ó", "o").replace("á", "a").replace("ú", "u").replace("ı", "i").replace(" ", "")
    c = dict(kundenr=kid, fornavn=first, efternavn=last, foedt=born, statsborgerskab=nat,
             mobil=ph if ph is not None else phone(), email=email, adresse=ad, postnr=pn, by=by,
             oprettet=onb or dt.datetime(R.randint(1995, 2025), R.randint(1, 12), R.randint(1, 28),
                                          R.randint(9, 16), R.randint(0, 59)),
             beskaeftigelse=occ, indkomst_md=inc, kundetype=typ, konto=acc or konto(),
             bopael_fra=res, sprog=lang, gid=gid)
    if c["bopael_fra"] is None and nat == "DK":
        c["bopael_fra"] = born if isinstance(born, dt.date) else None
    CUST.append(c)
    BY_ID[kid] = c
    return c


OCC = [("Social- og sundhedsassistent", 27000), ("Fisker", 34000), ("Lærer", 38000),
       ("Elektriker", 36000), ("Pædagog", 31000), ("Butiksassistent", 24000), ("Pensionist", 15000),
       ("Smed", 35000), ("Kontorassistent", 28000), ("Sygeplejerske", 37000), ("Chauffør", 30000),
       ("Landmand", 32000), ("Ingeniør", 48000), ("Tømrer", 35000), ("Studerende", 6500),
       ("Lagermedarbejder", 27000), ("Frisør", 25000), ("Kok", 27000)]

BG = []
for i in range(100):
    sex = R.random() < 0.5
    first = R.choice(DK_M if sex else DK_F)
    last = R.choice(DK_L)
    occ, inc = R.choice(OCC)
    age = (19, 26) if occ == "Studerende" else (67, 88) if occ == "Pensionist" else (24, 64)
    born = bdate(*age)
    c = customer(first, last, born, "DK", address(), occ, inc + R.randint(-30, 30) * 100)
    c["male"] = sex
    BG.append(c)
# a few long-resident foreign background customers (lawful)
for first, last, nat, occ, inc in [("Ana", "Ionescu", "RO", "Sygeplejerske", 36000),
                                   ("Mihai", "Georgescu", "RO", "Ingeniør", 47000),
                                   ("Elena", "Marin", "RO", "Social- og sundhedsassistent", 27500),
                                   ("Radu", "Neagu", "RO", "Mekaniker", 33000),
                                   ("Olga", "Cojocaru", "MD", "Rengøringsassistent", 23000),
                                   ("Andrzej", "Mazur", "PL", "Tømrer", 35000),
                                   ("Svetlana", "Petrova", "BG", "Kok", 26000),
                                   ("Nguyen", "Thi Lan", "VN", "Frisør", 25000)]:
    c = customer(first, last, bdate(28, 55), nat, address(), occ, inc, lang="en",
                 res=dt.date(R.randint(2008, 2020), R.randint(1, 12), 1))
    c["male"] = first in ("Mihai", "Radu", "Andrzej")
    BG.append(c)

MEN = [c for c in BG if c.get("male") and c["beskaeftigelse"] not in ("Pensionist", "Studerende")]

# ---- N1 labour network
COSTEL_PHONE = "+45 20 00 07 71"
costel = customer("Costel", "Vasilescu", dt.date(1983, 4, 17), "RO",
                  ("Violvej 9", "6950", "Ringkøbing"), "Selvstændig (holdleder, service)", 30000,
                  ph=COSTEL_PHONE, email="costel.vasilescu83@gmail.com", lang="ro",
                  onb=dt.datetime(2023, 3, 2, 11, 20), res=dt.date(2022, 11, 1), gid="N1-labour-holdleder")
STRAND = ("Strandvejen 41", "6960", "Hvide Sande")
N1_NAMES = [("Florin", "Dumitru"), ("Ionuț", "Stan"), ("Marian", "Popescu"), ("Gheorghe", "Lungu"),
            ("Vasile", "Ciobanu"), ("Adrian", "Matei"), ("Cristian", "Barbu"), ("Nicolae", "Sandu"),
            ("Petru", "Olaru")]
N1W = []
for j, (f, l) in enumerate(N1_NAMES):
    w = dict(first=f, last=l, born=bdate(21, 52), nat="RO", arrived=dt.date(2026, 8, R.choice([3, 10, 17])))
    if j < 6:   # six got accounts opened in August, two visits
        visit = dt.datetime(2026, 8, 19, 10, 5) if j < 3 else dt.datetime(2026, 8, 26, 13, 40)
        ph = COSTEL_PHONE if j in (1, 2, 4) else phone()
        c = customer(f, l, w["born"], "RO", STRAND, "Fabriksarbejder (vikar)", 26000, ph=ph,
                     email=("vikar.hold.c@gmail.com" if j in (0, 3, 5) else None), lang="ro",
                     onb=visit + dt.timedelta(minutes=25 * (j % 3)), res=w["arrived"],
                     gid="N1-labour-holdleder")
        w["cust"] = c
    N1W.append(w)

# ---- N2 sexual exploitation
KEN_PHONE = "+45 20 00 41 17"
kenneth = customer("Kenneth", "Bro", dt.date(1985, 9, 2), "DK", ("Stormgade 58, 1. th", "6700", "Esbjerg"),
                   "Konsulent", 22000, ph=KEN_PHONE, email="kb.consult@outlook.dk",
                   onb=dt.datetime(2019, 5, 14, 10, 0), gid="N2-sex-lejlighed")
FLAT = ("Kirkegade 7, 2. tv", "6950", "Ringkøbing")
N2W = [dict(first="Irina", last="Ceban", nat="MD", persona="Sofia", born=dt.date(2001, 3, 9)),
       dict(first="Natalia", last="Rusu", nat="MD", persona="Mia", born=dt.date(1998, 7, 21)),
       dict(first="Daria", last="Kovalenko", nat="UA", persona="Nikki", born=dt.date(2003, 1, 30)),
       dict(first="Alina", last="Popa", nat="RO", persona="Bella", born=dt.date(2000, 11, 5))]
for w in N2W[:3]:
    w["flat_from"] = dt.date(2026, R.choice([8, 9]), R.randint(1, 20))
for k, w in enumerate(N2W[:2] + N2W[2:3]):
    if k == 1:
        continue  # Natalia has no account here
    onb = dt.datetime(2026, 9, 8, 11, 15) if k == 0 else dt.datetime(2026, 9, 22, 14, 30)
    c = customer(w["first"], w["last"], w["born"], w["nat"], FLAT, "Massør", 18000,
                 ph=phone(), email=None, lang="en", onb=onb, res=w["flat_from"], gid="N2-sex-lejlighed")
    w["cust"] = c

# ---- L1 staff house
INDU = ("Industrivej 3", "6960", "Hvide Sande")
L1_NAMES = [("Piotr", "Nowak", "PL"), ("Tomasz", "Kowalski", "PL"), ("Marek", "Wiśniewski", "PL"),
            ("Paweł", "Wójcik", "PL"), ("Krzysztof", "Kamiński", "PL"), ("Michał", "Lewandowski", "PL"),
            ("Łukasz", "Zieliński", "PL"), ("Agnieszka", "Szymańska", "PL"), ("Tomas", "Kazlauskas", "LT"),
            ("Darius", "Jankauskas", "LT"), ("Mindaugas", "Petrauskas", "LT"), ("Rasa", "Stankevičienė", "LT")]
L1W = []
for j, (f, l, n) in enumerate(L1_NAMES):
    onb = dt.datetime(2026, 4, 14, 9, 0) + dt.timedelta(minutes=20 * j)
    c = customer(f, l, bdate(22, 55), n, INDU, "Produktionsmedarbejder (vikar)", 29000, lang="en",
                 onb=onb if j < 9 else dt.datetime(2026, 8, 31, 10, 0) + dt.timedelta(minutes=30 * (j - 9)),
                 res=dt.date(2026, 4, 1) if j < 9 else dt.date(2026, 8, 24), gid="L1-vikar-personalebolig")
    L1W.append(c)

# ---- L2 family
TORV = ("Torvet 4, 1.", "6960", "Hvide Sande")
FAM_PHONE = phone()
yil = []
for f, by_, occ, shared in [("Mehmet", 1966, "Selvstændig restauratør", True), ("Ayşe", 1969, "Medhjælpende ægtefælle", True),
                            ("Emre", 1994, "Pizzabager", False), ("Elif", 1997, "Kontorassistent", False),
                            ("Kerem", 2001, "Pizzabager", False)]:
    c = customer(f, "Yilmaz", dt.date(by_, R.randint(1, 12), R.randint(1, 28)), "DK", TORV, occ,
                 R.choice([22000, 26000, 30000]), ph=FAM_PHONE if shared else None,
                 email="yilmaz.familie@mail.dk" if shared else None,
                 res=dt.date(1991, 6, 1) if by_ < 1990 else None, gid="L2-familie-pizzeria")
    yil.append(c)

# ---- L4 students
KONG = ("Kongensgade 90, 3. th", "6700", "Esbjerg")
stud = [customer("Ida", "Holm", dt.date(2003, 5, 2), "DK", KONG, "Studerende", 7200, gid="L4-studiekollektiv"),
        customer("Lukas", "Weber", dt.date(2002, 10, 12), "DE", KONG, "Studerende", 6800, lang="en",
                 res=dt.date(2025, 8, 15), gid="L4-studiekollektiv"),
        customer("Gabija", "Vaitkutė", dt.date(2004, 2, 28), "LT", KONG, "Studerende", 6500, lang="en",
                 res=dt.date(2025, 8, 20), gid="L4-studiekollektiv"),
        customer("Oliver", "Dam", dt.date(2003, 12, 1), "DK", KONG, "Studerende", 7000, gid="L4-studiekollektiv")]

# ---- L5 church treasurer is Elena Marin (background RO nurse); church is a business account
# ---- L6 seasonal hotel staff
HOTEL = ("Lodbergsvej 12", "6950", "Søndervig")
L6 = []
for j, (f, l, n) in enumerate([("Lucía", "Fernández", "ES"), ("Marco", "Bianchi", "IT"), ("Pablo", "Ruiz", "ES"),
                               ("Giulia", "Conti", "IT"), ("Jakub", "Novák", "CZ"), ("Anna", "Horváth", "HU")]):
    c = customer(f, l, bdate(20, 27), n, HOTEL, "Sæsonmedarbejder hotel", 24000, lang="en",
                 onb=dt.datetime(2026, 5, 4, 10, 0) + dt.timedelta(minutes=30 * j), res=dt.date(2026, 4, 28),
                 gid="L6-sæsonhotel")
    L6.append(c)

# ---- L7 independent
nadia = customer("Nadia", "Lund", dt.date(1991, 6, 14), "DK", ("Finsensgade 31, 2. th", "6700", "Esbjerg"),
                 "Selvstændig massør", 28000, email="nadia.wellness@gmail.com", gid="L7-selvstændig-massør")
# ---- L9 elderly + son
else_m = customer("Else", "Mortensen", dt.date(1938, 2, 11), "DK", ("Plejecenter Fjordly, Engvej 40", "6950", "Ringkøbing"),
                  "Pensionist", 17500, gid="L9-fuldmagt")
bent = customer("Bent", "Mortensen", dt.date(1964, 8, 30), "DK", address(("6800", "Varde")), "Smed", 34000,
                gid="L9-fuldmagt")
# ---- L10 refugees
INTEG = ("Havnevej 22", "6950", "Ringkøbing")
KOMMUNE_PHONE = "+45 20 00 99 00"
L10 = []
for j, (f, l) in enumerate([("Olena", "Shevchuk"), ("Tetiana", "Bondar"), ("Iryna", "Melnyk")]):
    c = customer(f, l, bdate(27, 48), "UA", INTEG, "Modtager af ydelse (integration)", 12500,
                 ph=phone(), email=None, lang="uk",
                 onb=dt.datetime(2026, 9, 15, 9, 30) + dt.timedelta(minutes=40 * j), res=dt.date(2026, 9, 1),
                 gid="L10-flygtninge-kommune")
    c["first_phone"] = KOMMUNE_PHONE
    L10.append(c)

# business customers
def biz(name, addr, occ, gid=None):
    c = customer(name, "", None, "DK", addr, occ, 0, typ="Erhverv", ph=phone(),
                 email=f"kontakt@{name.split()[0].lower()}.dk".replace("æ", "ae").replace("ø", "oe"), gid=gid)
    return c


VIKAR = biz("Vestjysk Vikar ApS", ("Havnepladsen 2", "6960", "Hvide Sande"), "CVR 40000001 – 782000 Vikarbureauer")
KJAER = biz("Kjær Ejendomme ApS", ("Østergade 15", "6950", "Ringkøbing"), "CVR 40000002 – 682040 Udlejning af boliger", gid="L3-udlejer")
PIZZA = biz("Yilmaz Grill & Pizza I/S", ("Torvet 4", "6960", "Hvide Sande"), "CVR 40000003 – 561020 Pizzeria", gid="L2-familie-pizzeria")
KLIT = biz("Hotel Klitrosen ApS", HOTEL, "CVR 40000004 – 551010 Hoteller", gid="L6-sæsonhotel")
KIRKE = biz("Rumænsk Ortodokse Menighed Vestjylland", ("Kirkevej 2", "6950", "Ringkøbing"), "CVR 40000005 – 949100 Religiøse institutioner", gid="L5-menighed")
KLUB = biz("Hvide Sande Boldklub", ("Stadionvej 1", "6960", "Hvide Sande"), "CVR 40000006 – 931200 Sportsklubber", gid="L8-boldklub")
KJAER["mobil"] = "+45 20 00 61 50"
BUSINESS = {c["konto"] for c in CUST if c["kundetype"] == "Erhverv"}

# --------------------------------------------------------------------------- transactions
TX = []     # posteringer (private/external)
ST = []     # kontoudtog (business side)


def tx(ts, fra, fra_navn, til, til_navn, amount, kanal, kat, tekst, by="", land="DK", gid=None):
    TX.append(dict(ts=ts, fra=fra, fra_navn=fra_navn, til=til, til_navn=til_navn, amount=round(amount, 2),
                   kanal=kanal, kat=kat, tekst=tekst, by=by, land=land, gid=gid))


def st(day, acc, amount, tekst, modkonto, modpart, gid=None):
    ST.append(dict(day=day if isinstance(day, dt.date) and not isinstance(day, dt.datetime) else day.date(),
                   konto=acc, amount=round(amount, 2), tekst=tekst, modkonto=modkonto, modpart=modpart, gid=gid))


def name(c):
    return (c["fornavn"] + " " + c["efternavn"]).strip()


def card(c, day, merchant, kat, lo, hi, town=None, h=(9, 20), gid=None, land="DK"):
    tx(rand_ts(day, *h), c["konto"], name(c), "", merchant, R.uniform(lo, hi), "Dankort", kat, merchant.upper()[:22],
       by=town or c["by"], land=land, gid=gid)


def mp(ts, a, b, amount, tekst, gid=None):
    tx(ts, a["konto"] if isinstance(a, dict) else a[0], name(a) if isinstance(a, dict) else a[1],
       b["konto"] if isinstance(b, dict) else b[0], name(b) if isinstance(b, dict) else b[1],
       amount, "MobilePay", "Overførsel privat", tekst, gid=gid)


GROC = ["Netto", "Rema 1000", "Coop 365", "SuperBrugsen", "Lidl", "Meny"]
EMPLOYERS = [("Ringkøbing Maskinfabrik A/S", ext_iban()), ("Vestkyst Kommune", ext_iban()),
             ("Region Midtjylland", ext_iban()), ("Hvide Sande Fiskeeksport A/S", ext_iban()),
             ("Udbetaling Danmark", ext_iban()), ("Vestjysk Transport ApS", ext_iban()),
             ("Esbjerg Offshore Service A/S", ext_iban())]
HOUSING = [("Boligselskabet Vestkyst", ext_iban()), ("AB Fjordparken", ext_iban()),
           ("Esbjerg Andelsboligforening", ext_iban())]
KJAER_TENANTS = R.sample([c for c in BG if c["beskaeftigelse"] != "Pensionist"], 19)
for c in BG:
    c["emp"] = EMPLOYERS[4] if c["beskaeftigelse"] == "Pensionist" else (
        ("Uddannelses- og Forskningsstyrelsen SU", ext_iban()) if c["beskaeftigelse"] == "Studerende" else R.choice(EMPLOYERS[:4] + EMPLOYERS[5:]))
    c["rent"] = R.randint(45, 95) * 100
    c["home"] = R.choice(HOUSING)
    c["friends"] = R.sample(BG, 4)

for c in BG:
    for (y, m) in MONTHS:
        pay = dt.datetime(y, m, 1) - dt.timedelta(days=1)
        if pay < D0:
            pay = D0
        tx(pay.replace(hour=R.randint(1, 5)), c["emp"][1], c["emp"][0], c["konto"], name(c),
           c["indkomst_md"] * R.uniform(0.62, 0.68), "Overførsel", "Løn/indkomst",
           "Pension" if c["beskaeftigelse"] == "Pensionist" else ("SU" if c["beskaeftigelse"] == "Studerende" else "Løn"))
        rday = dt.datetime(y, m, 1) + dt.timedelta(days=R.randint(0, 2))
        if c in KJAER_TENANTS:
            st(rday, KJAER["konto"], c["rent"], f"Husleje {m:02d}/{y} {c['adresse'][:18]}", c["konto"], name(c), gid="L3-udlejer")
        else:
            tx(rday.replace(hour=6), c["konto"], name(c), c["home"][1], c["home"][0], c["rent"], "Betalingsservice", "Bolig",
               f"Husleje {m:02d}-{y}")
        n = R.randint(1, 3)
        for _ in range(n):
            d = R.choice([x for x in DAYS if x.month == m])
            card(c, d, R.choice(GROC), "Dagligvarer", 90, 900)
        if R.random() < 0.6:
            d = R.choice([x for x in DAYS if x.month == m])
            card(c, d, R.choice(["Circle K", "Q8", "OK Plus", "Shell"]), "Brændstof", 250, 700)
        if R.random() < 0.35:
            d = R.choice([x for x in DAYS if x.month == m])
            tx(rand_ts(d, 10, 19), c["konto"], name(c), "", "Hæveautomat", R.choice([200, 300, 500, 1000]),
               "Hæveautomat", "Kontanthævning", "Kontanthævning", by=c["by"])
        if R.random() < 0.6:
            f = R.choice(c["friends"])
            if f is not c:
                d = R.choice([x for x in DAYS if x.month == m])
                mp(rand_ts(d, 8, 22), c, f, R.choice([50, 75, 100, 120, 150, 200, 250, 300, 400]),
                   R.choice(["", "Pizza", "Tak for lån", "Gave til Lise", "Fodbold", "Billetter", "🍺", "Benzin", "Halvdelen af regningen"]))
        if R.random() < 0.25:
            d = R.choice([x for x in DAYS if x.month == m])
            card(c, d, R.choice(["Jensens Bøfhus", "Restaurant Fjordgaarden", "Sunset Boulevard", "Café Korsholm"]),
                 "Restaurant", 150, 850, h=(17, 22))

# ---- N1 money
ROAD = dict()
agency_ext = ("Vestjysk Vikar ApS", VIKAR["konto"])
for w in N1W:
    w["hours"] = {m: R.randint(205, 262) for m in MONTHS}
    w["debt"] = R.randint(3500, 6500)
N1_ROIBANS = [ext_iban("RO") for _ in range(3)]
for (y, m) in MONTHS:
    payday = dt.date(y, m, 1) + dt.timedelta(days=R.randint(26, 29)) if m < 11 else dt.date(2026, 11, 27)
    payday = dt.date(y, m, 28) if m != 11 else dt.date(2026, 11, 27)
    lumps = 0
    for j, w in enumerate(N1W):
        gross = w["hours"][(y, m)] * 128.0
        am = gross * 0.08
        tax = (gross - am) * 0.36
        bolig, transport = 4500.0, 1250.0
        andet = 2000.0 if m == 9 else 0.0
        net = gross - am - tax - bolig - transport - andet
        w.setdefault("net", {})[(y, m)] = net
        w.setdefault("andet", {})[(y, m)] = andet
        to_costel = ("cust" not in w) or (j in (1, 4)) or (j == 2 and m >= 10)
        w.setdefault("to_costel", {})[(y, m)] = to_costel
        if to_costel:
            st(payday, VIKAR["konto"], -net, f"Løn {m:02d}-{y} medarb. {1200 + j} jf. fuldmagt", costel["konto"],
               name(costel), gid="N1-labour-holdleder")
        else:
            st(payday, VIKAR["konto"], -net, f"Løn {m:02d}-{y} medarb. {1200 + j}", w["cust"]["konto"], name(w["cust"]),
               gid="N1-labour-holdleder")
            # sweep: 70-90 % to Costel within 1-2 days
            c = w["cust"]
            t0 = dt.datetime(payday.year, payday.month, payday.day) + dt.timedelta(hours=R.choice([R.uniform(17, 22), R.uniform(31, 45)]))
            part = round(net * R.uniform(0.72, 0.88), -2)
            tx(t0, c["konto"], name(c), costel["konto"], name(costel), part * 0.6, "MobilePay", "Overførsel privat",
               R.choice(["datorie", "chirie", "", "avans"]), gid="N1-labour-holdleder")
            tx(t0 + dt.timedelta(minutes=R.randint(3, 50)), c["konto"], name(c), costel["konto"], name(costel),
               part * 0.4, "Overførsel", "Overførsel privat", R.choice(["Bolig", "Transport", "Lån", "Afdrag"]),
               gid="N1-labour-holdleder")
            # tiny own spending
            for _ in range(R.randint(1, 2)):
                d = R.choice([x for x in DAYS if x.month == m])
                card(c, d, "Lidl", "Dagligvarer", 45, 140, gid="N1-labour-holdleder")
        lumps += bolig + transport + andet
    st(payday, VIKAR["konto"], -lumps, f"Bolig/transport{'/forskud' if m == 9 else ''} hold C.V. {m:02d}-{y} iflg. aftale", costel["konto"], name(costel),
       gid="N1-labour-holdleder")
    # Costel out: rent, remittances below 15.000, cash, fuel, bus tickets, car
    rd = dt.datetime(y, m, 1, 9, 12)
    tx(rd, costel["konto"], name(costel), "DK00 0000 7781 2290 11", "Henning Dahl", 12000, "Overførsel", "Bolig",
       "Husleje Strandvejen 41", gid="N1-labour-holdleder")
    for k in range(R.randint(3, 4)):
        d = dt.datetime(payday.year, payday.month, payday.day) + dt.timedelta(days=1 + 2 * k, hours=R.uniform(9, 16))
        if d > D1:
            d = D1 - dt.timedelta(hours=5 - k)
        tx(d, costel["konto"], name(costel), N1_ROIBANS[k % 3], ["Mirela Vasilescu", "SC Vasilescu Trans SRL", "Ion Vasilescu"][k % 3],
           R.choice([14800, 14900, 14950, 14700]), "Udlandsoverførsel", "Overførsel udland", R.choice(["familie", "", "ajutor", "masina"]),
           land="RO", gid="N1-labour-holdleder")
    for _ in range(R.randint(3, 5)):
        d = R.choice([x for x in DAYS if x.month == m])
        tx(rand_ts(d, 10, 22), costel["konto"], name(costel), "", "Hæveautomat", R.choice([2000, 3000, 4000, 5000]),
           "Hæveautomat", "Kontanthævning", "Kontanthævning", by=R.choice(["Hvide Sande", "Ringkøbing"]), gid="N1-labour-holdleder")
    for _ in range(3):
        d = R.choice([x for x in DAYS if x.month == m])
        card(costel, d, R.choice(["Circle K", "Q8", "OK Plus"]), "Brændstof", 500, 1100, gid="N1-labour-holdleder")
    for _ in range(2):
        d = R.choice([x for x in DAYS if x.month == m])
        card(costel, d, R.choice(["Netto", "Lidl", "Bilka"]), "Dagligvarer", 300, 1500, gid="N1-labour-holdleder")
    card(costel, R.choice([x for x in DAYS if x.month == m]), "Danske Spil", "Spil", 500, 2500, h=(20, 23.5), gid="N1-labour-holdleder")
# bus tickets for recruits (Sept + Nov)
for d, n in [(dt.datetime(2026, 9, 4), 3), (dt.datetime(2026, 11, 10), 4)]:
    for k in range(n):
        tx(d + dt.timedelta(hours=14, minutes=4 * k), costel["konto"], name(costel), "", "ATLASSIB ONLINE", R.choice([890.0, 925.0, 960.0]),
           "Visa/Dankort", "Rejser", f"ATLASSIB BILET BACAU-ESBJERG", land="RO", gid="N1-labour-holdleder")
card(costel, dt.datetime(2026, 10, 3), "Audi Center Herning", "Bil", 38000, 42000, town="Herning", gid="N1-labour-holdleder")

# ---- N2 money
BUYERS_INT = R.sample(MEN, 14)
BUYERS_EXT = [phone() for _ in range(95)]
USED_BUYERS = []
persona_names = ["Sofia", "Mia", "Nikki", "Bella"]
AMOUNTS = [1000, 1500, 1500, 2000, 2000, 2500, 1200]
N2_MEMOS = ["", "", "", "🌹", "massage", "tak", "👍", "Sofia", "Mia", "1t", "Nikki 30 min", "💋", "tak for i aftes", "behandling"]
buyer_pool = [("int", b) for b in BUYERS_INT] + [("ext", p) for p in BUYERS_EXT]
for d in DAYS:
    if d > RAID:
        break
    for _ in range(R.choice([0, 1, 1, 2, 2, 3])):
        fresh = [x for x in buyer_pool if x not in USED_BUYERS]
        if USED_BUYERS and (R.random() < 0.3 or not fresh):
            kind, b = R.choice(USED_BUYERS)
        else:
            kind, b = R.choice(fresh)
            USED_BUYERS.append((kind, b))
        ts = rand_ts(d, 18.5, 26.3)
        amount = R.choice(AMOUNTS)
        memo = R.choice(N2_MEMOS)
        # mostly to Kenneth; sometimes straight to a woman's own account
        target = kenneth
        if R.random() < 0.18 and ts > dt.datetime(2026, 9, 24):
            target = R.choice([N2W[0]["cust"], N2W[2]["cust"]])
        if kind == "int":
            tx(ts, b["konto"], name(b), target["konto"], name(target), amount, "MobilePay", "Overførsel privat", memo, gid="N2-sex-lejlighed")
        else:
            tx(ts, b, "MobilePay-bruger", target["konto"], name(target), amount, "MobilePay", "Overførsel privat", memo, gid="N2-sex-lejlighed")
        if target is not kenneth:
            tx(ts + dt.timedelta(minutes=R.randint(20, 240)), target["konto"], name(target), kenneth["konto"], name(kenneth),
               round(amount * R.choice([0.9, 1.0, 1.0]), -1), "MobilePay", "Overførsel privat", R.choice(["", "ok", "k"]), gid="N2-sex-lejlighed")
# Kenneth's outflows
for (y, m) in MONTHS:
    st(dt.date(y, m, 1), KJAER["konto"], 9800, f"Husleje {m:02d}/{y} Kirkegade 7 2tv", kenneth["konto"], name(kenneth), gid="N2-sex-lejlighed")
    for d in [x for x in DAYS if x.month == m and x <= RAID]:
        if R.random() < 0.55:
            tx(rand_ts(d, 0, 23.9), kenneth["konto"], name(kenneth), "", "ANNONCEPORTALEN.DK", R.choice([49.0, 49.0, 99.0]), "Visa/Dankort",
               "Medier/annoncer", "ANNONCEPORTALEN*BUMP", gid="N2-sex-lejlighed")
    for _ in range(R.randint(5, 7)):
        d = R.choice([x for x in DAYS if x.month == m and x <= RAID])
        tx(rand_ts(d, 9, 23), kenneth["konto"], name(kenneth), "", "LEBARA TOPUP", R.choice([100.0, 150.0, 200.0]), "Visa/Dankort",
           "Telefoni", f"LEBARA +45 20 00 {R.choice(['63 05', '63 06', '63 07', '63 08'])}", gid="N2-sex-lejlighed")
    for _ in range(2):
        d = R.choice([x for x in DAYS if x.month == m and x <= RAID and x.weekday() in (4, 5)])
        town = R.choice(["Aarhus", "Odense", "Aalborg", "Vejle", "Herning"])
        tx(rand_ts(d, 14, 20), kenneth["konto"], name(kenneth), "", f"Hotel {town} City", R.uniform(1400, 2600), "Visa/Dankort", "Hotel",
           f"HOTEL {town.upper()} CITY 2 NAT", by=town, gid="N2-sex-lejlighed")
    for _ in range(4):
        d = R.choice([x for x in DAYS if x.month == m])
        card(kenneth, d, R.choice(["Netto", "Føtex", "Matas", "Normal"]), R.choice(["Dagligvarer", "Personlig pleje"]), 300, 1400,
             gid="N2-sex-lejlighed")
    tx(dt.datetime(y, m, 3, 3, 10), kenneth["konto"], name(kenneth), "", "EZVIZ CLOUD", 79.0, "Visa/Dankort", "Abonnement",
       "EZVIZ CLOUDPLAY 4 KAM", land="NL", gid="N2-sex-lejlighed")
    md = dt.datetime(y, m, R.randint(5, 12), 12, 0)
    tx(md, kenneth["konto"], name(kenneth), "MD00 0000 1188 2211 0400", "Vasile Moraru", R.choice([6000, 7500, 9000]), "Udlandsoverførsel",
       "Overførsel udland", "comision", land="MD", gid="N2-sex-lejlighed")
    for _ in range(3):
        d = R.choice([x for x in DAYS if x.month == m])
        tx(rand_ts(d, 22, 23.9), kenneth["konto"], name(kenneth), "", "Hæveautomat", R.choice([2000, 3000]), "Hæveautomat",
           "Kontanthævning", "Kontanthævning", by="Ringkøbing", gid="N2-sex-lejlighed")
card(kenneth, dt.datetime(2026, 9, 2), "Elgiganten Herning", "Elektronik", 1890, 1890, town="Herning", gid="N2-sex-lejlighed")
for k, pax in enumerate(["CEBAN/IRINA", "RUSU/NATALIA"]):
    tx(dt.datetime(2026, 8, 30, 21, 14) + dt.timedelta(minutes=k) if False else dt.datetime(2026, 9, 1, 21, 14 + k), kenneth["konto"],
       name(kenneth), "", "WIZZ AIR", 1340.0, "Visa/Dankort", "Rejser", f"WIZZ AIR KIV-BLL {pax}", land="HU", gid="N2-sex-lejlighed")
for pax in ["POPA/ALINA", "KOVALENKO/DARIA"]:
    tx(dt.datetime(2026, 10, 6, 23, 2) if pax.startswith("POPA") else dt.datetime(2026, 9, 16, 22, 41), kenneth["konto"], name(kenneth),
       "", "RYANAIR" if pax.startswith("POPA") else "FLIXBUS", R.uniform(700, 1100), "Visa/Dankort", "Rejser", f"RYANAIR OTP-BLL {pax}" if pax.startswith("POPA") else f"FLIXBUS KRAKOW-ESBJERG {pax}",
       land="IE", gid="N2-sex-lejlighed")
card(kenneth, dt.datetime(2026, 11, 14), "Louis Vuitton Kbh", "Tøj/mode", 9800, 12500, town="København", gid="N2-sex-lejlighed")
# the women's own accounts: little else than a phone top-up
for w in (N2W[0], N2W[2]):
    c = w["cust"]
    for (y, m) in MONTHS:
        if c["oprettet"].month <= m:
            d = R.choice([x for x in DAYS if x.month == m])
            card(c, d, "7-Eleven", "Dagligvarer", 25, 80, gid="N2-sex-lejlighed")

# ---- L1 staff house money (agency wages to own accounts; own living; family remittances)
L1_FAMILY = {c["kundenr"]: ext_iban("PL" if c["statsborgerskab"] == "PL" else "LT") for c in L1W}
for (y, m) in MONTHS:
    payday = dt.date(y, m, 28) if m != 11 else dt.date(2026, 11, 27)
    for j, c in enumerate(L1W):
        hours = R.randint(150, 168)
        net = (hours * 158.0) * 0.92 * 0.63 - 2400
        c.setdefault("net", {})[(y, m)] = (hours, net)
        st(payday, VIKAR["konto"], -net, f"Løn {m:02d}-{y} medarb. {1100 + j}", c["konto"], name(c), gid="L1-vikar-personalebolig")
        d0 = dt.datetime(payday.year, payday.month, payday.day)
        if R.random() < 0.7:
            tx(d0 + dt.timedelta(days=R.randint(1, 4), hours=R.uniform(10, 20)), c["konto"], name(c), L1_FAMILY[c["kundenr"]],
               "Rodzina " + c["efternavn"] if c["statsborgerskab"] == "PL" else "Šeima " + c["efternavn"], round(net * R.uniform(0.2, 0.35), -2),
               "Udlandsoverførsel", "Overførsel udland", R.choice(["dla mamy", "family", "rodzina", "šeimai", ""]),
               land=c["statsborgerskab"], gid="L1-vikar-personalebolig")
        for _ in range(R.randint(3, 5)):
            d = R.choice([x for x in DAYS if x.month == m])
            card(c, d, R.choice(["Netto", "Lidl", "Rema 1000", "Spar Hvide Sande"]), "Dagligvarer", 120, 650, town="Hvide Sande",
                 gid="L1-vikar-personalebolig")
        if R.random() < 0.5:
            d = R.choice([x for x in DAYS if x.month == m])
            card(c, d, R.choice(["Telia", "Lebara", "Lycamobile"]), "Telefoni", 99, 149, gid="L1-vikar-personalebolig")
    st(dt.date(y, m, 2), VIKAR["konto"], -24000, f"Leje personalebolig Industrivej 3 {m:02d}/{y}", ext_iban(), "Hvide Sande Havns Ejendomme",
       gid="L1-vikar-personalebolig")

# agency background: Danish temps + taxes + client income
DK_TEMPS = R.sample([c for c in BG if c["beskaeftigelse"] in ("Lagermedarbejder", "Chauffør", "Butiksassistent", "Kok")], 8)
for c in DK_TEMPS:
    c["vikar"] = True
for (y, m) in MONTHS:
    payday = dt.date(y, m, 28) if m != 11 else dt.date(2026, 11, 27)
    for j, c in enumerate(DK_TEMPS):
        hours = R.randint(60, 160)
        c.setdefault("vnet", {})[(y, m)] = (hours, hours * 165.0 * 0.92 * 0.62)
        st(payday, VIKAR["konto"], -c["vnet"][(y, m)][1], f"Løn {m:02d}-{y} medarb. {1000 + j}", c["konto"], name(c))
    for cl in ["Vestfisk Filet A/S", "Kyst Rengøring ApS", "Hvide Sande Skibs- og Baadebyggeri", "Ringkøbing Slagteri A/S"]:
        st(dt.date(y, m, R.randint(5, 15)), VIKAR["konto"], R.uniform(180000, 420000), f"Faktura {R.randint(20260000, 20269999)}", ext_iban(), cl)
    st(dt.date(y, m, 10), VIKAR["konto"], -R.uniform(140000, 170000), f"A-skat/AM-bidrag {m - 1:02d}/{y}", "DK00 0000 0000 0001 99", "Skattestyrelsen")
    st(dt.date(y, m, 10), VIKAR["konto"], -R.uniform(4000, 6000), f"ATP {m - 1:02d}/{y}", "DK00 0000 0000 0002 99", "ATP")

# ---- L2 family money
for (y, m) in MONTHS:
    for d in [x for x in DAYS if x.month == m]:
        st(d, PIZZA["konto"], R.uniform(3500, 9500), "Nets indbetaling kortsalg", "DK00 0000 0000 0003 99", "Nets Denmark A/S", gid="L2-familie-pizzeria")
    for c in yil:
        st(dt.date(y, m, 28), PIZZA["konto"], -c["indkomst_md"] * 0.63, f"Løn {m:02d}-{y}", c["konto"], name(c), gid="L2-familie-pizzeria")
    st(dt.date(y, m, 10), PIZZA["konto"], -R.uniform(28000, 33000), f"A-skat/AM-bidrag {m - 1:02d}/{y}", "DK00 0000 0000 0001 99", "Skattestyrelsen",
       gid="L2-familie-pizzeria")
    st(dt.date(y, m, 8), PIZZA["konto"], -R.uniform(60000, 90000), "Varekøb Dansk Cater", ext_iban(), "Dansk Cater A/S", gid="L2-familie-pizzeria")
    for c in yil[2:]:
        tx(dt.datetime(y, m, 29, R.randint(9, 21), R.randint(0, 59)), c["konto"], name(c), yil[0]["konto"], name(yil[0]),
           R.choice([2000, 2500, 3000]), "MobilePay", "Overførsel privat", R.choice(["Til husholdning", "Mad og strøm", "Husleje mor og far", ""]),
           gid="L2-familie-pizzeria")
    for c in yil:
        for _ in range(2):
            card(c, R.choice([x for x in DAYS if x.month == m]), R.choice(GROC), "Dagligvarer", 150, 900, gid="L2-familie-pizzeria")

# ---- L4 students money
for (y, m) in MONTHS:
    for c in stud:
        tx(dt.datetime(y, m, 1, 2, 0) - dt.timedelta(days=1) if (y, m) != (2026, 9) else dt.datetime(2026, 9, 1, 2, 0),
           "DK00 0000 0000 0005 99", "Uddannelses- og Forskningsstyrelsen SU", c["konto"], name(c), 6400, "Overførsel", "Løn/indkomst", "SU",
           gid="L4-studiekollektiv")
    for c in stud[1:]:
        tx(dt.datetime(y, m, R.randint(1, 3), R.randint(10, 23), R.randint(0, 59)), c["konto"], name(c), stud[0]["konto"], name(stud[0]),
           3150 + R.choice([0, 0, 85]), "MobilePay", "Overførsel privat", R.choice(["husleje", "Husleje + net", "rent " + f"{m:02d}", "🏠"]),
           gid="L4-studiekollektiv")
    tx(dt.datetime(y, m, 2, 6, 0), stud[0]["konto"], name(stud[0]), "DK00 0000 6612 0032 40", "Esbjerg Boligudlejning", 12600, "Betalingsservice",
       "Bolig", f"Husleje {m:02d}-{y} Kongensgade 90", gid="L4-studiekollektiv")
    for c in stud:
        for _ in range(2):
            card(c, R.choice([x for x in DAYS if x.month == m]), R.choice(["Netto", "Lidl", "Føtex"]), "Dagligvarer", 60, 420, gid="L4-studiekollektiv")

# ---- L5 church
elena = [c for c in BG if c["efternavn"] == "Marin"][0]
church_donors_int = [c for c in BG if c["statsborgerskab"] in ("RO", "MD")] + R.sample(BG, 3)
church_ext = [phone() for _ in range(14)]
for d in DAYS:
    if d.weekday() == 6:
        for _ in range(R.randint(5, 9)):
            if R.random() < 0.4:
                c = R.choice(church_donors_int)
                mod, navn = c["konto"], name(c)
            else:
                mod, navn = R.choice(church_ext), "MobilePay-bruger"
            st(d, KIRKE["konto"], R.choice([20, 50, 50, 100, 100, 200, 500]), "MobilePay " + R.choice(["donatie", "lumanari", "pomelnic", "🕯️", "Doamne ajuta", "parastas", ""]),
               mod, navn, gid="L5-menighed")
for (y, m) in MONTHS:
    st(dt.date(y, m, 20), KIRKE["konto"], -R.choice([4000, 5000]), "Contributie Episcopia", "SE00 0000 5531 0021 1100", "Rumänska Ortodoxa Stiftet", gid="L5-menighed")
    st(dt.date(y, m, 4), KIRKE["konto"], -2500, "Leje af kirkesal", ext_iban(), "Ringkøbing Sogns Menighedsråd", gid="L5-menighed")
    st(dt.date(y, m, 25), KIRKE["konto"], -1800, "Kørselsgodtgørelse præst", elena["konto"], name(elena), gid="L5-menighed")

# ---- L6 hotel
for (y, m) in MONTHS:
    for d in [x for x in DAYS if x.month == m]:
        if m < 10 or d.day < 20 or R.random() < 0.2:
            st(d, KLIT["konto"], R.uniform(12000, 38000) if m == 9 else R.uniform(4000, 14000), "Nets indbetaling", "DK00 0000 0000 0003 99",
               "Nets Denmark A/S", gid="L6-sæsonhotel")
    for c in L6:
        if (y, m) == (2026, 11):
            continue
        net = (c["indkomst_md"] * (1.0 if m == 9 else 0.55)) * 0.64 - 1800
        st(dt.date(y, m, 28) if m == 9 else dt.date(2026, 10, 23), KLIT["konto"], -net, f"Løn {m:02d}-{y} inkl. fradrag kost/logi", c["konto"], name(c),
           gid="L6-sæsonhotel")
        for _ in range(2):
            card(c, R.choice([x for x in DAYS if x.month == m]), R.choice(["Spar Søndervig", "Netto Ringkøbing", "Søndervig Bageri"]), "Dagligvarer", 40, 350,
                 town="Søndervig", gid="L6-sæsonhotel")
    st(dt.date(y, m, 10), KLIT["konto"], -R.uniform(20000, 60000), f"A-skat/AM-bidrag {m - 1:02d}/{y}", "DK00 0000 0000 0001 99", "Skattestyrelsen",
       gid="L6-sæsonhotel")
for c in L6:
    tx(dt.datetime(2026, 10, R.randint(19, 24), R.randint(6, 14), 0), c["konto"], name(c), "", R.choice(["SAS", "Ryanair", "FlixBus"]), R.uniform(600, 1400),
       "Visa/Dankort", "Rejser", "Hjemrejse", land=R.choice(["SE", "IE", "DE"]), gid="L6-sæsonhotel")

# ---- L7 Nadia
nadia_ext = [phone() for _ in range(26)]
nadia_int = R.sample(MEN, 8)
for d in DAYS:
    if d.weekday() in (6,) or R.random() < 0.35:
        continue
    for _ in range(R.choice([0, 1, 1, 2])):
        ts = rand_ts(d, 15, 22.5)
        memo = R.choice(["", "", "massage", "Tak", "🌸", "behandling 60 min", "👍"])
        amount = R.choice([800, 1000, 1000, 1200, 1500])
        if R.random() < 0.3:
            b = R.choice(nadia_int)
            tx(ts, b["konto"], name(b), nadia["konto"], name(nadia), amount, "MobilePay", "Overførsel privat", memo, gid="L7-selvstændig-massør")
        else:
            tx(ts, R.choice(nadia_ext), "MobilePay-bruger", nadia["konto"], name(nadia), amount, "MobilePay", "Overførsel privat", memo,
               gid="L7-selvstændig-massør")
for (y, m) in MONTHS:
    for w in range(4):
        d = dt.datetime(y, m, 1 + 7 * w)
        tx(rand_ts(d, 9, 12), nadia["konto"], name(nadia), "", "ANNONCEPORTALEN.DK", 49.0, "Visa/Dankort", "Medier/annoncer", "ANNONCEPORTALEN*BUMP",
           gid="L7-selvstændig-massør")
    tx(dt.datetime(y, m, 1, 6, 0), nadia["konto"], name(nadia), "DK00 0000 6612 0032 40", "Esbjerg Boligudlejning", 8900, "Betalingsservice", "Bolig",
       f"Husleje {m:02d}-{y}", gid="L7-selvstændig-massør")
    tx(dt.datetime(y, m, 20, 9, 0), nadia["konto"], name(nadia), "DK00 0000 0000 0001 99", "Skattestyrelsen", 9200, "Betalingsservice", "Skat",
       "B-skat rate", gid="L7-selvstændig-massør")
    tx(dt.datetime(y, m, 25, 9, 0), nadia["konto"], name(nadia), "0000 0055500077", "Nadia Lund opsparing", 6000, "Overførsel", "Opsparing", "Opsparing",
       gid="L7-selvstændig-massør")
    for _ in range(6):
        card(nadia, R.choice([x for x in DAYS if x.month == m]), R.choice(GROC + ["Matas", "Zalando", "Fitness World"]), "Dagligvarer", 90, 800,
             gid="L7-selvstændig-massør")

# ---- L8 club
parents = R.sample(BG, 22)
club_ext = [phone() for _ in range(12)]
for d in [dt.datetime(2026, 9, 1) + dt.timedelta(days=i) for i in range(0, 16)] + [dt.datetime(2026, 10, 1) + dt.timedelta(days=i) for i in range(0, 5)]:
    for _ in range(R.randint(1, 3)):
        if R.random() < 0.6:
            c = R.choice(parents)
            mod, navn = c["konto"], name(c)
        else:
            mod, navn = R.choice(club_ext), "MobilePay-bruger"
        st(d, KLUB["konto"], R.choice([450, 450, 600, 600, 300]), "MobilePay " + R.choice(["Kontingent U13", "Kontingent U17 efterår", "kont. Oscar", "Fodbold Freja", "U11 kontingent", "Kontingent"]),
           mod, navn, gid="L8-boldklub")
for (y, m) in MONTHS:
    st(dt.date(y, m, 15), KLUB["konto"], -R.uniform(3000, 7000), "Dommerudgifter DBU Jylland", ext_iban(), "DBU Jylland", gid="L8-boldklub")
    st(dt.date(y, m, 20), KLUB["konto"], -R.uniform(1500, 4000), "Bolde/trøjer Sportmaster", ext_iban(), "Sportmaster", gid="L8-boldklub")

# ---- L9 elderly
for (y, m) in MONTHS:
    tx(dt.datetime(y, m, 5, 11, 0), else_m["konto"], name(else_m), "DK00 0000 3300 4411 20", "Plejecenter Fjordly", 7600, "Betalingsservice", "Bolig",
       f"Husleje og service {m:02d}", gid="L9-fuldmagt")
    tx(dt.datetime(y, m, R.randint(8, 20), R.randint(10, 16), 0), else_m["konto"], name(else_m), "", "Matas Ringkøbing", R.uniform(80, 300), "Dankort",
       "Personlig pleje", "MATAS RINGKOBING", by="Ringkøbing", gid="L9-fuldmagt")
    tx(dt.datetime(y, m, 1, 2, 0) - dt.timedelta(days=1) if m > 9 else dt.datetime(2026, 9, 1, 2, 0), "DK00 0000 0000 0004 99", "Udbetaling Danmark",
       else_m["konto"], name(else_m), 14200, "Overførsel", "Løn/indkomst", "Folkepension", gid="L9-fuldmagt")

# ---- L10 refugees
for (y, m) in MONTHS:
    for c in L10:
        if (y, m) == (2026, 9):
            ts = dt.datetime(2026, 9, 20, 3, 0)
        else:
            ts = dt.datetime(y, m, 1, 3, 0) - dt.timedelta(days=1)
        tx(ts, "DK00 0000 4400 1200 10", "Vestkyst Kommune Ydelser", c["konto"], name(c), 11800, "Overførsel", "Løn/indkomst", "Selvforsørgelsesydelse",
           gid="L10-flygtninge-kommune")
        tx(ts + dt.timedelta(days=1, hours=5), c["konto"], name(c), "DK00 0000 4400 1200 77", "Vestkyst Kommune Boliganvisning", 3900, "Betalingsservice", "Bolig",
           "Husleje integrationsbolig", gid="L10-flygtninge-kommune")
        for _ in range(3):
            card(c, R.choice([x for x in DAYS if x.month == m and x >= dt.datetime(2026, 9, 16)]), R.choice(["Netto", "Lidl", "Rema 1000"]), "Dagligvarer", 80, 500,
                 gid="L10-flygtninge-kommune")
        if m > 9:
            tx(dt.datetime(y, m, R.randint(3, 9), 17, 0), c["konto"], name(c), ext_iban("UA"), "Rodyna " + c["efternavn"], R.choice([800, 1000, 1500]),
               "Udlandsoverførsel", "Overførsel udland", "для мами", land="UA", gid="L10-flygtninge-kommune")

# --------------------------------------------------------------------------- KYC log
KYC = []


def kyc(c, ts, hændelse, felt="", foer="", efter="", kanal="", udfoert_af="", notat="", gid=None):
    KYC.append(dict(kundenr=c["kundenr"], ts=ts, h=hændelse, felt=felt, foer=foer, efter=efter, kanal=kanal, af=udfoert_af, notat=notat, gid=gid))


# N1
for j, w in enumerate(N1W):
    c = w.get("cust")
    if not c:
        continue
    t = c["oprettet"]
    kyc(c, t, "Møde afholdt", kanal="Filial", udfoert_af="Costel Vasilescu (tolk/holdleder)",
        notat="Kunden taler ikke dansk/engelsk. Ledsager tolkede og havde kundens pas og lejekontrakt i en mappe med flere pas.", gid="N1-labour-holdleder")
    if j in (0, 3):
        kyc(c, t - dt.timedelta(days=2), "Video-ID afvist", kanal="App", notat="Kunden ønskede ikke video; henviste til møde i filial.", gid="N1-labour-holdleder")
    kyc(c, t + dt.timedelta(days=R.randint(20, 40), hours=2), "Henvendelse via tredjepart", kanal="Telefon", udfoert_af="Costel Vasilescu",
        notat=R.choice(["Ringede om kundens MobilePay-aktivering.", "Spurgte til kundens saldo; afvist uden fuldmagt.", "Bad om nyt NemID/MitID-kodeviser til kunden."]),
        gid="N1-labour-holdleder")
    if j in (0, 3, 5):
        old = c["mobil"]
        c["mobil"] = COSTEL_PHONE
        kyc(c, dt.datetime(2026, 9, 29, 20, 12) + dt.timedelta(minutes=7 * j), "Ændring af stamdata", "mobil", old, COSTEL_PHONE, "App",
            gid="N1-labour-holdleder")
    if j in (0, 5):
        kyc(c, dt.datetime(2026, 10, 2, 9, 40) + dt.timedelta(minutes=j), "Ændring af stamdata", "enhed", f"SM-A14-{R.randint(1000, 9999)}", "iPhone14-CV-7731",
            "App", gid="N1-labour-holdleder")
kyc(costel, dt.datetime(2023, 3, 2, 11, 20), "Møde afholdt", kanal="Filial", notat="Ny kunde. Arbejder som holdleder for vikarbureau.", gid="N1-labour-holdleder")
kyc(costel, dt.datetime(2026, 10, 15, 13, 0), "Kundedialog", kanal="Telefon",
    notat="Spurgt til mange indgående lønoverførsler fra vikarbureau. Kunden oplyser at han 'administrerer løn for sit hold' efter aftale.", gid="N1-labour-holdleder")

# N2
irina, daria = N2W[0]["cust"], N2W[2]["cust"]
for c, t in [(irina, irina["oprettet"]), (daria, daria["oprettet"])]:
    kyc(c, t - dt.timedelta(days=1, hours=3), "Video-ID fejlet", kanal="App", notat="To personer i billedet; mandlig stemme svarede på spørgsmål.", gid="N2-sex-lejlighed")
    kyc(c, t, "Møde afholdt", kanal="Filial", udfoert_af="Kenneth Bro (kæreste/kontaktperson)",
        notat="Formål: modtage løn fra massageklinik. Kunden kunne ikke oplyse arbejdsgiverens navn. Ledsager svarede.", gid="N2-sex-lejlighed")
    old = c["mobil"]
    c["mobil"] = KEN_PHONE
    kyc(c, t + dt.timedelta(days=R.randint(5, 12), hours=9), "Ændring af stamdata", "mobil", old, KEN_PHONE, "App", gid="N2-sex-lejlighed")
    kyc(c, t + dt.timedelta(days=R.randint(13, 20), hours=1), "Ændring af stamdata", "enhed", f"Redmi-{R.randint(1000, 9999)}", "iPhone15-KB-4117", "App",
        gid="N2-sex-lejlighed")
    kyc(c, t + dt.timedelta(days=R.randint(25, 40)), "Henvendelse via tredjepart", kanal="Telefon", udfoert_af="Kenneth Bro",
        notat="Ringede for kunden om forhøjet MobilePay-grænse.", gid="N2-sex-lejlighed")
kyc(irina, dt.datetime(2026, 11, 3, 10, 0), "Møde afvist", kanal="Telefon", notat="Inviteret til opfølgning (mange indbetalinger sent om aftenen). Svar via kontaktperson: kunden er bortrejst.",
    gid="N2-sex-lejlighed")
kyc(kenneth, dt.datetime(2026, 10, 28, 14, 0), "Kundedialog", kanal="Telefon",
    notat="Spurgt til mange MobilePay-indbetalinger aften/nat. Kunden oplyser salg af brugte bildele og 'udlæg for venner'.", gid="N2-sex-lejlighed")
# L1 staff house: agency onboarding days
for j, c in enumerate(L1W):
    kyc(c, c["oprettet"], "Video-ID gennemført" if j % 4 else "Møde afholdt", kanal="App" if j % 4 else "Filial",
        udfoert_af="" if j % 4 else "HR, Vestjysk Vikar ApS (lønkontodag)",
        notat="Lønkontodag arrangeret af arbejdsgiver; kunden selv til stede med eget pas." if j % 4 == 0 else "", gid="L1-vikar-personalebolig")
# L6 hotel staff onboarding day
for c in L6:
    kyc(c, c["oprettet"], "Video-ID gennemført", kanal="App", gid="L6-sæsonhotel")
    kyc(c, dt.datetime(2026, 10, 22, 10, 0) + dt.timedelta(minutes=R.randint(0, 300)), "Ændring af stamdata", "adresse", f"{HOTEL[0]}, {HOTEL[1]} {HOTEL[2]}",
        R.choice(["Calle Mayor 3, Sevilla", "Via Roma 12, Torino", "Calle Luna 8, Valencia", "Via Po 40, Torino", "Dlouhá 5, Brno", "Fő utca 9, Pécs"]), "Web",
        gid="L6-sæsonhotel")
# L9
kyc(else_m, dt.datetime(2026, 9, 10, 10, 30), "Fuldmagt registreret", kanal="Filial", udfoert_af="Bent Mortensen", notat="Generalfuldmagt, søn.", gid="L9-fuldmagt")
old = else_m["mobil"]
else_m["mobil"] = bent["mobil"]
kyc(else_m, dt.datetime(2026, 9, 10, 10, 45), "Ændring af stamdata", "mobil", old, bent["mobil"], "Filial", udfoert_af="Bent Mortensen", gid="L9-fuldmagt")
for d in [dt.datetime(2026, 10, 4, 11, 0), dt.datetime(2026, 11, 12, 9, 20)]:
    kyc(else_m, d, "Henvendelse via tredjepart", kanal="Telefon", udfoert_af="Bent Mortensen (fuldmagtshaver)", notat="Spørgsmål til betalingsservice.", gid="L9-fuldmagt")
kyc(else_m, dt.datetime(2026, 10, 20, 13, 0), "Video-ID fejlet", kanal="App", notat="Kunden har ikke smartphone.", gid="L9-fuldmagt")
# L10
for c in L10:
    kyc(c, c["oprettet"], "Møde afholdt", kanal="Filial", udfoert_af="Sagsbehandler Jobcenter Vestkyst + tolk (ukrainsk)",
        notat="Kunden selv til stede med eget pas og opholdstilladelse. Kontaktnummer midlertidigt kommunens integrationsteam.", gid="L10-flygtninge-kommune")
    kyc(c, c["oprettet"] + dt.timedelta(minutes=5), "Ændring af stamdata", "mobil", "", KOMMUNE_PHONE, "Filial", udfoert_af="Sagsbehandler Jobcenter Vestkyst",
        gid="L10-flygtninge-kommune")
    kyc(c, dt.datetime(2026, 10, R.randint(1, 14), R.randint(9, 15), 0), "Ændring af stamdata", "mobil", KOMMUNE_PHONE, c["mobil"], "App",
        gid="L10-flygtninge-kommune")
# L2
kyc(yil[1], dt.datetime(2026, 9, 18, 12, 0), "Ændring af stamdata", "mobil", phone(), FAM_PHONE, "App", notat="", gid="L2-familie-pizzeria")
# background noise
for c in R.sample(BG, 40):
    t = dt.datetime(2026, 9, 1) + dt.timedelta(days=R.randint(0, 89), hours=R.uniform(8, 21))
    kind = R.random()
    if kind < 0.35:
        new = phone()
        kyc(c, t, "Ændring af stamdata", "mobil", c["mobil"], new, "App")
        c["mobil"] = new
    elif kind < 0.55:
        new = f"{c['fornavn'].lower()}{R.randint(100, 999)}@gmail.com".replace("ø", "oe").replace("æ", "ae").replace("å", "aa")
        kyc(c, t, "Ændring af stamdata", "email", c["email"], new, "Web")
        c["email"] = new
    elif kind < 0.8:
        kyc(c, t, "Ændring af stamdata", "enhed", f"Phone-{R.randint(1000, 9999)}", f"Phone-{R.randint(1000, 9999)}", "App")
    elif kind < 0.93:
        kyc(c, t, "Video-ID gennemført", kanal="App", notat="Periodisk opdatering af kundekendskab.")
    else:
        kyc(c, t, "Møde afholdt", kanal="Filial", notat="Rådgivning, boliglån.")

# --------------------------------------------------------------------------- payroll (Vestjysk Vikar ApS)
PAY = []
for (y, m) in MONTHS:
    for j, w in enumerate(N1W):
        h = w["hours"][(y, m)]
        gross = h * 128.0
        am = gross * 0.08
        tax = (gross - am) * 0.36
        net = w["net"][(y, m)]
        to = costel["konto"] if w["to_costel"][(y, m)] else w["cust"]["konto"]
        PAY.append(dict(nr=1200 + j, navn=f"{w['first']} {w['last']}", foedt=w["born"], periode=f"{y}-{m:02d}", sted=R.choice(["Vestfisk Filet A/S", "Vestfisk Filet A/S", "Kyst Rengøring ApS"]),
                        timer=h, sats=128.0, brutto=gross, am=am, askat=tax, bolig=4500.0, transport=1250.0, andet=w["andet"][(y, m)], netto=net, konto=to,
                        bem="; ".join(x for x in ["Udbetaling til holdleder iflg. fuldmagt" if to == costel["konto"] else "",
                                                  "bolig/transport afregnes til holdleder",
                                                  "andet = forskud rejse/arbejdstøj iflg. holdleder" if w["andet"][(y, m)] else ""] if x),
                        gid="N1-labour-holdleder"))
    for j, c in enumerate(L1W):
        h, net = c["net"][(y, m)]
        gross = h * 158.0
        PAY.append(dict(nr=1100 + j, navn=name(c), foedt=c["foedt"], periode=f"{y}-{m:02d}", sted=R.choice(["Vestfisk Filet A/S", "Ringkøbing Slagteri A/S", "Hvide Sande Skibs- og Baadebyggeri"]),
                        timer=h, sats=158.0, brutto=gross, am=gross * 0.08, askat=gross * 0.92 - (net + 2400), bolig=2400.0, transport=0.0, andet=0.0, netto=net,
                        konto=c["konto"], bem="Personalebolig Industrivej 3 (lejekontrakt)", gid="L1-vikar-personalebolig"))
    for j, c in enumerate(DK_TEMPS):
        h, net = c["vnet"][(y, m)]
        gross = h * 165.0
        PAY.append(dict(nr=1000 + j, navn=name(c), foedt=c["foedt"], periode=f"{y}-{m:02d}", sted=R.choice(["Kyst Rengøring ApS", "Ringkøbing Slagteri A/S", "Vestfisk Filet A/S"]),
                        timer=h, sats=165.0, brutto=gross, am=gross * 0.08, askat=gross * 0.92 - net, bolig=0.0, transport=0.0, andet=0.0, netto=net,
                        konto=c["konto"], bem="", gid=None))

# --------------------------------------------------------------------------- housing register
HOUSE = []


def bo(navn, foedt, nat, addr, fra, til=None, form="Lejer", udlejer="", gid=None):
    HOUSE.append(dict(adresse=addr[0], postnr=addr[1], by=addr[2], navn=navn, foedt=foedt, nat=nat, fra=fra, til=til, form=form, udlejer=udlejer, gid=gid))


for c in BG + [costel, kenneth, nadia, bent] + stud:
    g = c.get("gid")
    u = "Kjær Ejendomme ApS" if c in KJAER_TENANTS else (c.get("home", ("",))[0] if c in BG else "")
    form = "Lejer" if u else R.choice(["Ejer", "Ejer", "Andelshaver"])
    if c in stud:
        u, form = "Esbjerg Boligudlejning", "Lejer"
    bo(name(c), c["foedt"], c["statsborgerskab"], (c["adresse"], c["postnr"], c["by"]),
       c["bopael_fra"] if (c.get("bopael_fra") and c["statsborgerskab"] != "DK") else dt.date(R.randint(2000, 2025), R.randint(1, 12), 1),
       form=form, udlejer=u, gid=g)
    # household members not in the bank
    if c in BG and R.random() < 0.45 and c["beskaeftigelse"] != "Studerende":
        bo(f"{R.choice(DK_F if c.get('male') else DK_M)} {c['efternavn']}", bdate(25, 70), "DK", (c["adresse"], c["postnr"], c["by"]),
           dt.date(R.randint(2000, 2025), R.randint(1, 12), 1), form=form, udlejer=u)
        if R.random() < 0.5:
            bo(f"{R.choice(DK_F + DK_M)} {c['efternavn']}", bdate(1, 17), "DK", (c["adresse"], c["postnr"], c["by"]), dt.date(R.randint(2010, 2025), R.randint(1, 12), 1),
               form=form, udlejer=u)
for w in N1W:
    bo(f"{w['first']} {w['last']}", w["born"], "RO", STRAND, w["arrived"], form="Fremlejer", udlejer="Costel Vasilescu", gid="N1-labour-holdleder")
bo("Henning Dahl", dt.date(1951, 1, 3), "DK", ("Skovbrynet 4", "6960", "Hvide Sande"), dt.date(1988, 5, 1), form="Ejer")
for w in N2W[:3]:
    bo(f"{w['first']} {w['last']}", w["born"], w["nat"], FLAT, w["flat_from"], form="Fremlejer", udlejer="Kenneth Bro", gid="N2-sex-lejlighed")
for c in L1W:
    bo(name(c), c["foedt"], c["statsborgerskab"], INDU, c["bopael_fra"], form="Personalebolig", udlejer="Vestjysk Vikar ApS", gid="L1-vikar-personalebolig")
# earlier staff-house residents who moved out
for f, l in [("Jan", "Kowalczyk"), ("Adam", "Krawczyk"), ("Vytautas", "Urbonas")]:
    bo(f"{f} {l}", bdate(25, 50), "PL" if f != "Vytautas" else "LT", INDU, dt.date(2025, 4, 1), dt.date(2026, 3, 31), form="Personalebolig",
       udlejer="Vestjysk Vikar ApS", gid="L1-vikar-personalebolig")
for c in yil:
    bo(name(c), c["foedt"], "DK", TORV, c["bopael_fra"] or dt.date(c["foedt"].year, 6, 1), form="Ejer", gid="L2-familie-pizzeria")
for c in L6:
    bo(name(c), c["foedt"], c["statsborgerskab"], HOTEL, c["bopael_fra"], dt.date(2026, 10, R.randint(20, 25)), form="Personalebolig",
       udlejer="Hotel Klitrosen ApS", gid="L6-sæsonhotel")
bo(name(else_m), else_m["foedt"], "DK", (else_m["adresse"], else_m["postnr"], else_m["by"]), dt.date(2023, 2, 1), form="Plejebolig", udlejer="Vestkyst Kommune",
   gid="L9-fuldmagt")
for c in L10:
    bo(name(c), c["foedt"], "UA", INTEG, c["bopael_fra"], form="Kommunal midlertidig bolig", udlejer="Vestkyst Kommune", gid="L10-flygtninge-kommune")
# the flat's previous tenant (Kjær tenant history)
bo("Rikke Søgaard", dt.date(1990, 4, 4), "DK", FLAT, dt.date(2021, 3, 1), dt.date(2026, 7, 31), form="Lejer", udlejer="Kjær Ejendomme ApS")

# --------------------------------------------------------------------------- phone A: Costel, SMS Backup export
SMSA = []


def sms(lst, ts, typ, addr, contact, body, gid=None):
    lst.append(dict(ts=ts, typ=typ, addr=addr, contact=contact, body=body, gid=gid))


def thread(lst, fn, t0, contact, addr, lines, gid, gap=(1, 40)):
    t = t0
    for who, text in lines:
        fn(lst, t, who, addr, contact, text, gid)
        t += dt.timedelta(minutes=R.randint(*gap))
    return t


RO_PH = {w["first"]: (w["cust"]["mobil"] if "cust" in w and w["cust"]["mobil"] != COSTEL_PHONE else f"+40 700 000 {100 + i:03d}") for i, w in enumerate(N1W)}
for i, w in enumerate(N1W):
    if RO_PH[w["first"]] == COSTEL_PHONE:
        RO_PH[w["first"]] = f"+40 700 000 {100 + i:03d}"
G1 = "N1-labour-holdleder"
IN, OUT = 1, 2
# recruitment (Sept)
thread(SMSA, sms, dt.datetime(2026, 9, 3, 19, 2), "Petru Olaru", RO_PH["Petru"], [
    (IN, "Buna ziua, am vazut anuntul pe Facebook cu munca in Danemarca. Mai e valabil?"),
    (OUT, "Da. Fabrica de peste si curatenie. 120 kr pe ora, 250 ore pe luna. Cazare si transport asigurate. Nu trebuie limba."),
    (IN, "Si cat costa drumul?"),
    (OUT, "Biletul de autobuz il platesc eu, il dai inapoi din primul salariu. Plus 200 euro avans pentru acte."),
    (OUT, "Trimite-mi azi poza la buletin si pasaport, fata-verso. Si numarul de cont daca ai."),
    (IN, "Nu am cont."),
    (OUT, "Nu e problema, facem acolo. Plecam luni din Bacau, locurile se termina repede."),
    (IN, "Ok. Vin si cu varul meu, Cristi."),
], G1)
thread(SMSA, sms, dt.datetime(2026, 9, 4, 8, 15), "Cristian Barbu", RO_PH["Cristian"], [
    (OUT, "Cristi, Petru mi-a dat numarul. Trimite poza la pasaport pana diseara, altfel nu ai loc in autobuz."),
    (IN, "Am trimis pe WhatsApp."),
    (OUT, "Bine. Datoria ta pentru drum si acte: 2.100 kr. Se scade din salariu."),
], G1)
# rules and debt, Sept-Nov
RULES = [
    "Maine la 4:45 plecam la fabrica. Cine intarzie plateste 200 kr.",
    "Nu vorbiti cu danezii de la fabrica despre bani sau despre casa. Daca intreaba, spuneti ca totul e ok.",
    "Salariul vine la mine ca de obicei. Vineri va dau banii de mancare, 500 de fiecare.",
    "Pasapoartele raman la mine pana se plateste datoria. Asa e regula pentru toti.",
    "Cine pleaca fara sa plateasca tot, stiu unde sta familia lui.",
    "Duminica nu iesiti din casa. Vine proprietarul sa vada.",
    "Sambata lucram si la curatenie la Kyst, 12 ore. Nu discutam.",
    "Cine are cont la banca: dupa salariu imi trimiteti pe MobilePay ca data trecuta. Chirie 4500, transport 1250, plus rata.",
]
group_members = [w["first"] for w in N1W]
t = dt.datetime(2026, 9, 7, 21, 0)
for k in range(34):
    who = R.choice(group_members)
    t = dt.datetime(2026, 9, 7) + dt.timedelta(days=int(k * 2.4), hours=R.uniform(19, 23))
    sms(SMSA, t, OUT, RO_PH[who], next(w["first"] + " " + w["last"] for w in N1W if w["first"] == who), RULES[k % len(RULES)] if k % 3 != 2 else
        R.choice(["Maine tura de la 5. Dormiti devreme.", "Azi ramaneti la casa, nu e lucru.", "Autobuzul pleaca la 4:50, fara intarziere."]), G1)
for who, debt_hist in [("Florin", [6400, 5100, 3900]), ("Ionuț", [5800, 4700, 3600]), ("Gheorghe", [7200, 6100, 5300]),
                       ("Petru", [4100, 3800, 3400]), ("Vasile", [6900, 6200, 5500]), ("Adrian", [5200, 4300, 3900])]:
    ph = RO_PH[who]
    full = next(w["first"] + " " + w["last"] for w in N1W if w["first"] == who)
    for k, debt in enumerate(debt_hist):
        t = dt.datetime(2026, 9 + k, 29 if k < 2 else 28, R.randint(19, 22), R.randint(0, 59))
        sms(SMSA, t, OUT, ph, full, f"{who}, datoria ta acum: {debt:,} kr (autobuz, avans, acte). Chiria si transportul s-au scazut.".replace(",", "."), G1)
        if k == 1 and who in ("Florin", "Gheorghe"):
            sms(SMSA, t + dt.timedelta(minutes=12), IN, ph, full,
                "Costel, am muncit 240 de ore, pe fluturasul de la firma scrie 30.000 brut. Eu am primit 2.000. Cum asa?", G1)
            sms(SMSA, t + dt.timedelta(minutes=20), OUT, ph, full, "Ai chirie, transport, datoria, taxele. Nu mai intreba, altfel nu mai ai lucru luni.", G1)
        if k == 2 and who == "Vasile":
            sms(SMSA, t + dt.timedelta(minutes=30), IN, ph, full, "Vreau sa merg acasa de Craciun. Imi dai pasaportul?", G1)
            sms(SMSA, t + dt.timedelta(minutes=41), OUT, ph, full, "Cand platesti tot. Inca 5.500. Mai lucrezi decembrie si vedem.", G1)
# wife of a worker
thread(SMSA, sms, dt.datetime(2026, 10, 18, 20, 31), "Mirela (sotia lui Gheorghe)", "+40 700 000 231", [
    (IN, "Buna seara domnule Costel. Gheorghe nu a trimis nimic acasa de doua luni. Copiii au nevoie de bani pentru scoala. Ce se intampla?"),
    (OUT, "Gheorghe are datorii la mine. Cand le plateste, trimite."),
    (IN, "El zice ca lucreaza 12 ore pe zi. Va rog."),
], G1)
# agency planner (Danish)
thread(SMSA, sms, dt.datetime(2026, 9, 10, 7, 55), "Lars Vikar", "+45 20 00 55 12", [
    (OUT, "Hej Lars. 3 mand mere fra mandag til Vestfisk. Løn til min konto som de andre, jeg har fuldmagterne."),
    (IN, "Ok Costel. Send fuldmagter og skattekort inden fredag. Husk sikkerhedssko til dem."),
    (OUT, "Ja. Bolig og transport trækker I som sidst og sender til mig."),
    (IN, "Det kører som aftalt. Timelisterne skal være underskrevet af dem selv fremover."),
    (OUT, "Jeg skriver under for dem, de kan ikke dansk."),
], G1)
thread(SMSA, sms, dt.datetime(2026, 10, 30, 15, 2), "Lars Vikar", "+45 20 00 55 12", [
    (IN, "Costel, Florin har ringet til kontoret og spurgt om sin løn. Kan du forklare ham lønsedlen?"),
    (OUT, "Ja, misforståelse. Jeg snakker med ham. Han skal ikke ringe til jer."),
], G1)
thread(SMSA, sms, dt.datetime(2026, 11, 9, 18, 40), "Bacau transport", "+40 700 000 310", [
    (IN, "4 oameni pentru luni 16.11. Bilete platite?"),
    (OUT, "Platite azi cu cardul. Ia-le pasapoartele la urcare si da-mi-le mie la Esbjerg."),
], G1)
thread(SMSA, sms, dt.datetime(2026, 10, 1, 9, 10), "Henning udlejer", "+45 20 00 70 18", [
    (OUT, "Hej Henning, husleje for oktober er overført."),
    (IN, "Tak. Naboen siger der bor mange i huset. Der må max bo 4 efter kontrakten."),
    (OUT, "Det er kun på besøg. Der bor 4."),
], G1)
# bank appointments
thread(SMSA, sms, dt.datetime(2026, 8, 25, 20, 0), "Adrian Matei", RO_PH["Adrian"], [
    (OUT, "Maine la 13:30 mergem la banca sa va fac cont. Eu vorbesc, voi semnati doar. Pasapoartele le am eu."),
    (IN, "Ok sefu."),
], G1)
# ordinary background on Costel's phone
ord_contacts = [("Mama", "+40 700 000 501"), ("Dani frate", "+40 700 000 502"), ("Audi Herning", "+45 20 00 33 90"), ("Mihaela", "+40 700 000 503"),
                ("Radu fotbal", "+45 20 00 33 91"), ("Pizza Hvide Sande", "+45 20 00 33 92"), ("TDC", "1231")]
ORD_RO = ["Ce faci?", "Bine, la munca. Tu?", "Te sun diseara.", "Ai vazut meciul?", "Sunt la magazin, iti trebuie ceva?", "Multumesc!", "La multi ani! 🎉",
          "Vin sambata acasa? Nu, poate de Craciun.", "Trimit bani la inceputul lunii.", "Ok", "Da", "Hai ca vorbim", "Mama, iti trimit poze cu masina noua.",
          "Cat costa revizia?", "Maine la 10 e gata masina."]
for _ in range(70):
    c, ph = R.choice(ord_contacts)
    d = R.choice(DAYS)
    if c == "TDC":
        sms(SMSA, rand_ts(d, 9, 18), IN, ph, "", "Din regning fra TDC paa 249,00 kr. er klar. Betales via Betalingsservice.", None)
        continue
    if c == "Audi Herning":
        sms(SMSA, rand_ts(d, 9, 16), IN, ph, c, R.choice(["Hej Costel, din bil er klar til afhentning.", "Påmindelse: service tirsdag kl. 8.00."]), None)
        continue
    sms(SMSA, rand_ts(d, 8, 23), R.choice([IN, OUT]), ph, c, R.choice(ORD_RO), None)
# on raid morning
thread(SMSA, sms, dt.datetime(2026, 11, 26, 6, 40), "Dani frate", "+40 700 000 502", [
    (IN, "Politia e la Kenneth? Am vazut la stiri Ringkobing."),
    (OUT, "Nu stiu nimic de el. Sterge mesajele."),
], None)

# --------------------------------------------------------------------------- phone B: Kenneth, forensic export (SMS + Messenger)
MB = []
KEN = "Kenneth Bro"
FBID = {"Kenneth Bro": "100081234500011", "Sofia Ceban": "100081234500021", "Mia Rusu": "100081234500022", "Daria Kovalenko": "100081234500023",
        "Alina Popa": "100081234500024", "Vasile Moraru": "100081234500031", "Jannik Bro": "100081234500041", "Tina Holm": "100081234500042"}


def msn(ts, fra, til, samtale, text, deleted=False, attach="", gid=None):
    MB.append(dict(src="Facebook Messenger", ts=ts, dir="Udgående" if fra == KEN else "Indgående", fra=f"{fra} ({FBID.get(fra, '')})",
                   til=f"{til} ({FBID.get(til, '')})", samtale=samtale, text=text, deleted=deleted, attach=attach, gid=gid))


def smsb(ts, out, number, text, deleted=False, gid=None):
    MB.append(dict(src="SMS", ts=ts, dir="Udgående" if out else "Indgående", fra=KEN_PHONE if out else number, til=number if out else KEN_PHONE,
                   samtale=number, text=text, deleted=deleted, attach="", gid=gid))


G2 = "N2-sex-lejlighed"
# recruitment via Messenger
t = dt.datetime(2026, 8, 12, 20, 5)
for fra, text in [("Alina Popa", "Hello, I saw your post in group 'Locuri de munca in strainatate'. Massage salon in Denmark, is it still?"),
                  (KEN, "Hi Alina. Yes. 3000 EUR per month minimum, apartment and ticket paid by us. No Danish needed. Only write here on Messenger, no calls."),
                  ("Alina Popa", "What kind of massage? I have no certificate."),
                  (KEN, "Relax massage for men, we teach you. Send me photo of passport and 3 photos of you, full body, today please."),
                  ("Alina Popa", "Is there a contract?"),
                  (KEN, "Contract when you arrive. Ticket is 1 200, you pay back from first week. Many girls want this place, decide by Friday.")]:
    msn(t, fra, KEN if fra != KEN else "Alina Popa", "Alina Popa", text, gid=G2)
    t += dt.timedelta(minutes=R.randint(2, 25))
# Moldovan recruiter
for d, fra, text in [(dt.datetime(2026, 8, 20, 13, 0), "Vasile Moraru", "Kenneth, 2 girls ready for September. Irina and Natalia. They know it is massage with extra."),
                     (dt.datetime(2026, 8, 20, 13, 9), KEN, "Good. Tickets I buy from Chisinau 1. sept. Your 5000 per girl after first month like before."),
                     (dt.datetime(2026, 10, 6, 19, 30), "Vasile Moraru", "New one from Iasi, Alina, you talked with her? She asks too much about contract."),
                     (dt.datetime(2026, 10, 6, 19, 44), KEN, "I take her. Ticket booked tonight. Tell her passport stays with me for safety."),
                     (dt.datetime(2026, 11, 20, 11, 2), "Vasile Moraru", "For December I have 3 more, young, first time abroad."),
                     (dt.datetime(2026, 11, 20, 11, 15), KEN, "Send photos. New girls every week is good for business. Ad says new girls this week.")]:
    msn(d, fra, KEN if fra != KEN else "Vasile Moraru", "Vasile Moraru", text, deleted=d > dt.datetime(2026, 10, 1), gid=G2)
# control messages to the women
WOMEN_FB = [("Sofia Ceban", "Sofia"), ("Mia Rusu", "Mia"), ("Daria Kovalenko", "Nikki"), ("Alina Popa", "Bella")]
CTRL = ["You have 3 clients tonight. 21, 22.30, 00. Money to me like always.",
        "Send me your location now.",
        "Send location. Now.",
        "Photo of the room, now.",
        "I saw on camera you opened door to someone without my ok. 500 fine.",
        "Camera shows you sleep at 15. No sleeping in day, clients come.",
        "You don't go out alone. If you need shop, I drive you.",
        "Your debt now {debt} kr. Flight, apartment, ads, phone.",
        "Client paid you direct on MobilePay. Send it to me tonight, all.",
        "Passport is safe in my car. You get it when debt is finished.",
        "If you talk with police or neighbours, your family sees the videos. Remember.",
        "No clients cancel. If client wants no condom and pays extra you say yes.",
        "Today 6 clients minimum. Yesterday only 3, not good.",
        "Put phone on charger and keep location on all the time."]
REPLIES = ["ok", "Ok", "yes", "I am very tired today", "Please can I go to pharmacy?", "I sent", "📍 Live location shared", "Sorry", "My mother is sick, I need to send her money",
           "Ok Kenneth", "I did not open for anyone, it was the neighbour", "When can I have my passport?", "I cannot today, I have pain"]
for w, (fb, pers) in enumerate(WOMEN_FB):
    start = dt.datetime(2026, 9, 2) if w < 2 else (dt.datetime(2026, 9, 18) if w == 2 else dt.datetime(2026, 10, 9))
    debt = [14200, 13800, 11900, 12600][w]
    d = start
    while d < RAID:
        for _ in range(R.randint(1, 2)):
            ts = rand_ts(d, 10, 23.5)
            text = R.choice(CTRL)
            if "{debt}" in text:
                text = text.format(debt=f"{debt:,}".replace(",", "."))
                debt = max(0, debt - R.randint(300, 1200) + (R.random() < 0.3) * 500)
            msn(ts, KEN, fb, fb, text, deleted=ts > dt.datetime(2026, 11, 1) or R.random() < 0.3, gid=G2)
            if R.random() < 0.7:
                r = R.choice(REPLIES)
                msn(ts + dt.timedelta(minutes=R.randint(1, 9)), fb, KEN, fb, r if r != "📍 Live location shared" else "Delte sin live-placering",
                    attach="location" if r.startswith("📍") else "", deleted=ts > dt.datetime(2026, 11, 1) or R.random() < 0.3, gid=G2)
        d += dt.timedelta(days=R.choice([1, 2, 2, 3, 4]))
# raid morning: disappearing messages switched on
for k, (fb, pers) in enumerate(WOMEN_FB + [("Vasile Moraru", "")]):
    msn(RAID + dt.timedelta(minutes=3 + k), KEN, fb, fb, "Kenneth Bro slog forsvindende beskeder til. Beskeder forsvinder efter 24 timer.", gid=G2)
msn(RAID + dt.timedelta(minutes=1), KEN, "Sofia Ceban", "Sofia Ceban", "Delete all chats now. Police. Say you are tourist.", deleted=True, gid=G2)
# SMS bookings with buyers
BOOK_IN = ["Hej, så jeres annonce. Er Sofia ledig i aften?", "Hej er der en pige ledig nu?", "Hvad koster en time?", "Hvilke piger har I i weekenden?",
           "Hej, kan man komme kl 22?", "Er Mia der i morgen?", "Er Nikki ny?", "Hej, har i en ledig tid i aften? Helst Bella", "Hvor ligger det?",
           "Er det diskret?", "Kan jeg betale kontant?", "Hej igen, samme som sidst?"]
BOOK_OUT = ["Ja skat, {p} er klar kl {h}. 1500 halv time, 2000 time. MobilePay til dette nummer før du kommer.",
            "{p} og {q} er her i aften. Hvem vil du have?", "Nye piger fra fredag 😘 {p} er helt ny.", "Kirkegade 7 Ringkøbing, ring på 2 tv. Send MobilePay først.",
            "Hun taler ikke dansk men hun er meget sød. 100% diskret.", "Nej ikke kontant, kun MobilePay til mig.", "Hun venter på dig. Ring ikke på, skriv når du er udenfor.",
            "{p} har tid kl {h}. Alt er muligt hvis du betaler ekstra.", "Ja samme pige. Hun husker dig 😉"]
buyer_phones = [b if k == "ext" else b["mobil"] for k, b in USED_BUYERS[:60]]
for d in DAYS:
    if d > RAID:
        break
    for _ in range(R.choice([0, 0, 1, 1, 2])):
        num = R.choice(buyer_phones)
        ts = rand_ts(d, 16, 23.5)
        smsb(ts, False, num, R.choice(BOOK_IN), deleted=R.random() < 0.15, gid=G2)
        ps = R.sample(["Sofia", "Mia", "Nikki"] + (["Bella"] if d > dt.datetime(2026, 10, 10) else []), 2)
        smsb(ts + dt.timedelta(minutes=R.randint(1, 12)), True, num,
             R.choice(BOOK_OUT).format(p=ps[0], q=ps[1], h=R.choice(["21", "22", "22.30", "23", "00"])), deleted=R.random() < 0.15, gid=G2)
# ordinary chats on Kenneth's phone
for _ in range(45):
    d = R.choice(DAYS)
    who = R.choice(["Jannik Bro", "Tina Holm"])
    fra = R.choice([KEN, who])
    msn(rand_ts(d, 9, 22), fra, who if fra == KEN else KEN, who,
        R.choice(["Skal vi se kampen søndag?", "Mor fylder 65 d. 14, kommer du?", "Har du stadig min boremaskine?", "Haha ja", "Ses i morgen",
                  "Kan du hente Lærke kl 15?", "👍", "Tak for i går", "Jeg ringer senere", "Hvad skal vi give far i julegave?"]))
for _ in range(25):
    d = R.choice(DAYS)
    smsb(rand_ts(d, 8, 20), False, R.choice(["1272", "+45 20 00 33 93", "+45 20 00 33 94"]),
         R.choice(["Din pakke fra GLS er klar i pakkeshoppen.", "Påmindelse: tandlæge tirsdag kl. 9.30.", "Din bil er klar hos Autohjørnet.",
                   "Din MitID-kode er udløbet, forny i appen.", "Tak for din ordre hos Pizza Ringkøbing, leveres om 35 min."]))
# Kenneth <-> landlord
for ts, out, text in [(dt.datetime(2026, 8, 3, 10, 0), False, "Hej Kenneth, kontrakten til Kirkegade 7 2tv er klar til underskrift. Husk depositum 29.400."),
                      (dt.datetime(2026, 8, 3, 10, 20), True, "Super, det er til min kæreste og hendes veninde der studerer. Jeg betaler."),
                      (dt.datetime(2026, 11, 10, 9, 0), False, "Hej Kenneth, vi har fået klager over mange besøgende om aftenen i 2tv. Fremleje er ikke tilladt."),
                      (dt.datetime(2026, 11, 10, 12, 30), True, "Det er bare venner. Det stopper.")]:
    smsb(ts, out, "+45 20 00 61 50", text, gid=G2)

# --------------------------------------------------------------------------- writing
def w_csv(path, header, rows, delim=";", quoting=csv.QUOTE_MINIMAL):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        wr = csv.writer(f, delimiter=delim, quoting=quoting, lineterminator="\n")
        wr.writerow(header)
        for r in rows:
            wr.writerow(r)


def d_dk(d):
    return d.strftime("%d.%m.%Y") if d else ""


# customers
cust_rows = []
for c in CUST:
    cust_rows.append([c["kundenr"], c["fornavn"], c["efternavn"], d_dk(c["foedt"]), c["statsborgerskab"], c["mobil"], c["email"],
                      c["adresse"], c["postnr"], c["by"], c["oprettet"].strftime("%d-%m-%Y %H:%M"), c["beskaeftigelse"],
                      dkk(c["indkomst_md"]) if c["indkomst_md"] else "", c["kundetype"], c["konto"], d_dk(c["bopael_fra"]), c["sprog"]])
    member(c["gid"], "bank/kunder.csv", c["kundenr"])
w_csv(f"{HERE}/bank/kunder.csv",
      ["kundenr", "fornavn", "efternavn", "fødselsdato", "statsborgerskab", "mobil", "email", "adresse", "postnr", "by", "oprettet",
       "beskæftigelse", "indkomst_md", "kundetype", "konto", "bopæl_dk_fra", "sprog"], cust_rows)

# postings
TX.sort(key=lambda r: (r["ts"], r["fra"], r["til"]))
rows = []
cnt = {}
for r in TX:
    k = r["ts"].strftime("%Y%m%d")
    cnt[k] = cnt.get(k, 0) + 1
    pid = f"{k}-{cnt[k]:04d}"
    rows.append([pid, r["ts"].strftime("%d-%m-%Y %H:%M"), r["fra"], r["fra_navn"], r["til"], r["til_navn"], dkk(r["amount"]), "DKK",
                 r["kanal"], r["kat"], r["tekst"], r["by"], r["land"]])
    member(r["gid"], "bank/posteringer.csv", pid)
w_csv(f"{HERE}/bank/posteringer.csv",
      ["posteringsid", "tidspunkt", "fra_konto", "fra_navn", "til_konto", "til_navn", "beløb", "valuta", "kanal", "kategori", "tekst", "by", "land"], rows)

# business statements (signed, running balance)
ST.sort(key=lambda r: (r["konto"], r["day"], -r["amount"]))
rows = []
bal = {}
acc_name = {c["konto"]: c["fornavn"] for c in CUST}
seq = 0
for r in ST:
    seq += 1
    bal.setdefault(r["konto"], round(R.uniform(40000, 400000), 2))
    bal[r["konto"]] = round(bal[r["konto"]] + r["amount"], 2)
    bilag = f"B{700000 + seq}"
    rows.append([r["konto"], acc_name[r["konto"]], bilag, d_dk(r["day"]), d_dk(r["day"]), r["tekst"], dkk(r["amount"], True), dkk(bal[r["konto"]], True),
                 r["modkonto"], r["modpart"]])
    member(r["gid"], "bank/kontoudtog_erhverv.csv", bilag)
w_csv(f"{HERE}/bank/kontoudtog_erhverv.csv",
      ["Kontonr", "Kontonavn", "Bilagsnr", "Bogført", "Rentedato", "Tekst", "Beløb", "Saldo", "Modkonto", "Modpart"], rows)

# KYC log (no id: line numbers)
KYC.sort(key=lambda r: (r["ts"], r["kundenr"]))
rows = []
for i, r in enumerate(KYC, 1):
    rows.append([r["kundenr"], r["ts"].strftime("%Y-%m-%d kl. %H.%M"), r["h"], r["felt"], r["foer"], r["efter"], r["kanal"], r["af"], r["notat"]])
    member(r["gid"], "bank/kyc_kontaktlog.csv", i)
w_csv(f"{HERE}/bank/kyc_kontaktlog.csv", ["kundenr", "dato", "hændelse", "felt", "før", "efter", "kanal", "udført_af", "notat"], rows)

# payroll (no id: line numbers)
PAY.sort(key=lambda r: (r["periode"], r["nr"]))
rows = []
for i, r in enumerate(PAY, 1):
    rows.append([r["nr"], r["navn"], r["foedt"].strftime("%d%m%y"), r["periode"], r["sted"], f"{r['timer']:.2f}".replace(".", ","),
                 dkk(r["sats"]), dkk(r["brutto"]), dkk(r["am"]), dkk(r["askat"]), dkk(r["bolig"]), dkk(r["transport"]), dkk(r["andet"]),
                 dkk(r["netto"]), r["konto"], r["bem"]])
    member(r["gid"], "vikarbureau/loenfil_2026_09-11.csv", i)
w_csv(f"{HERE}/vikarbureau/loenfil_2026_09-11.csv",
      ["MedarbNr", "Navn", "Fødselsdato", "Lønperiode", "Arbejdssted", "Timer", "Timeløn", "Bruttoløn", "AM-bidrag", "A-skat",
       "Fradrag bolig", "Fradrag transport", "Fradrag andet", "Nettoløn", "Udbetalingskonto", "Bemærkning"], rows)

# housing register (løbenr id)
HOUSE.sort(key=lambda r: (r["postnr"], r["adresse"], r["fra"]))
rows = []
for i, r in enumerate(HOUSE, 1):
    lid = f"BBR-{i:05d}"
    rows.append([lid, r["adresse"], r["postnr"], r["by"], r["navn"], d_dk(r["foedt"]), r["nat"], d_dk(r["fra"]), d_dk(r["til"]), r["form"], r["udlejer"]])
    member(r["gid"], "kommune/bopaelsregister.csv", lid)
w_csv(f"{HERE}/kommune/bopaelsregister.csv",
      ["løbenr", "adresse", "postnr", "by", "navn", "fødselsdato", "statsborgerskab", "tilflyttet", "fraflyttet", "boligform", "udlejer"], rows)

# phone A: SMS Backup & Restore CSV (comma, epoch ms, type 1/2)
MONTH_DA = ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]
SMSA.sort(key=lambda r: r["ts"])
rows = []
for i, r in enumerate(SMSA, 1):
    utc = r["ts"] - dt.timedelta(hours=2 if r["ts"] < dt.datetime(2026, 10, 25, 3) else 1)
    epoch = int((utc - dt.datetime(1970, 1, 1)).total_seconds() * 1000)
    readable = f"{r['ts'].day}. {MONTH_DA[r['ts'].month - 1]} {r['ts'].year} {r['ts'].strftime('%H.%M.%S')}"
    rows.append([epoch, readable, r["typ"], r["addr"], r["contact"], r["body"], 1])
    member(r["gid"], "telefoner/telefon_A_sms.csv", i)
w_csv(f"{HERE}/telefoner/telefon_A_sms.csv", ["date", "readable_date", "type", "address", "contact_name", "body", "read"], rows, delim=",")

# phone B: forensic export
MB.sort(key=lambda r: r["ts"])
rows = []
for i, r in enumerate(MB, 1):
    rows.append([r["src"], r["ts"].strftime("%d-%m-%Y %H:%M:%S") + (" (UTC+2)" if r["ts"] < dt.datetime(2026, 10, 25, 3) else " (UTC+1)"), r["dir"], r["fra"], r["til"],
                 r["samtale"], r["text"], "Ja" if r["deleted"] else "Nej", r["attach"]])
    member(r["gid"], "telefoner/telefon_B_beskeder.csv", i)
w_csv(f"{HERE}/telefoner/telefon_B_beskeder.csv", ["Kilde", "Tidspunkt", "Retning", "Fra", "Til", "Samtale", "Besked", "Slettet (gendannet)", "Vedhæftning"], rows)

# --------------------------------------------------------------------------- truth.yaml


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ranges(nums):
    return "[" + ", ".join(str(n) if isinstance(n, int) else q(n) for n in sorted(nums)) + "]"


lines = ["# Truth for world kommune-vestkyst (written blind). Row ids: bank/kunder.csv kundenr, bank/posteringer.csv posteringsid,",
         "# bank/kontoudtog_erhverv.csv Bilagsnr, kommune/bopaelsregister.csv løbenr; the other files by 1-based data line (header excluded).",
         f"seed: {SEED}", "networks:"]
for gid, g in GROUPS.items():
    lines.append(f"  - id: {gid}")
    lines.append(f"    positive: {'true' if g['positive'] else 'false'}")
    lines.append(f"    typology: {g['typology']}")
    lines.append(f"    description: {q(g['description'])}")
    lines.append("    indicators: [" + ", ".join(g["indicators"]) + "]")
    lines.append("    members:")
    for f, ids in sorted(MEMBERS[gid].items()):
        lines.append(f"      {f}: {ranges(ids)}")
with open(f"{HERE}/truth.yaml", "w", encoding="utf-8") as fh:
    fh.write("\n".join(lines) + "\n")

if __name__ == "__main__":
    for sub in ["bank", "vikarbureau", "kommune", "telefoner"]:
        for fn in sorted(os.listdir(f"{HERE}/{sub}")):
            with open(f"{HERE}/{sub}/{fn}", encoding="utf-8") as fh:
                print(f"{sub}/{fn}: {sum(1 for _ in fh) - 1} rows")
