#!/usr/bin/env python3
"""Blind world "bank-sydhavn": Sydhavn Sparekasse AML export + Opslagstavlen.dk platform export.

Standard library only, fixed seed. Writes the data files and truth.yaml next to this script.
Written blind on 2026-12-07 from indicators.md and docs/data.md only.
"""
import csv
import hashlib
import json
import os
import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

R = random.Random(20261207)
OUT = os.path.dirname(os.path.abspath(__file__))
CPH = ZoneInfo("Europe/Copenhagen")
UTC = ZoneInfo("UTC")
START = datetime(2026, 9, 1)
END = datetime(2026, 11, 30, 23, 0)
RAID = datetime(2026, 11, 18, 10, 30)

# ---------------------------------------------------------------- helpers
_used_phones = set()


def phone_dk(fixed=None):
    """+45 20 00 xx xx, unique."""
    if fixed is not None:
        n = fixed
    else:
        while True:
            n = R.randrange(100, 10000)
            if n not in _used_phones:
                break
    _used_phones.add(n)
    return "+45 2000 %04d" % n


def e164(p):
    return p.replace(" ", "")


def ad_phone(p, style=0):
    d = e164(p)[3:]  # 8 digits
    if style == 0:
        return "%s %s %s %s" % (d[0:2], d[2:4], d[4:6], d[6:8])
    if style == 1:
        return d
    if style == 2:
        return "%s %s" % (d[0:4], d[4:8])
    return "+45 " + d


_accts = set()


def konto():
    while True:
        n = R.randrange(100000, 1000000)
        if n not in _accts:
            _accts.add(n)
            break
    s = "%06d" % n
    return "DK00 0000 5470 %s %s" % (s[:4], s[4:])


def ext_konto():
    s = "%010d" % R.randrange(10 ** 9, 10 ** 10)
    return "DK00 0000 %s %s %s" % (s[:4], s[4:8], s[8:])


def amt(x):
    s = "%.2f" % x
    whole, frac = s.split(".")
    neg = whole.startswith("-")
    whole = whole.lstrip("-")
    parts = []
    while len(whole) > 3:
        parts.insert(0, whole[-3:])
        whole = whole[:-3]
    parts.insert(0, whole)
    return ("-" if neg else "") + ".".join(parts) + "," + frac


def rnd_time(day, h0, h1):
    """a datetime on date `day` between hour h0 and h1 (h1 may exceed 24: after midnight)."""
    mins = R.randrange(int(h0 * 60), int(h1 * 60))
    return datetime(day.year, day.month, day.day) + timedelta(minutes=mins)


def days(d0, d1):
    d = d0
    while d <= d1:
        yield d
        d += timedelta(days=1)


def imghash(seed):
    return hashlib.sha1(("img-" + seed).encode()).hexdigest()[:16]


def devid(seed):
    return "APP-" + hashlib.md5(("dev-" + seed).encode()).hexdigest()[:12].upper()


def pdev(seed):
    return "w" + hashlib.md5(("pdev-" + seed).encode()).hexdigest()[:10]


# IP ranges by country (documentation ranges; the export's own geo column says the country)
_ip_n = [10]


def ip(country="DK"):
    _ip_n[0] += 1
    base = {"DK": "198.51.100.", "BG": "203.0.113.", "RO": "192.0.2.", "KH": "203.0.113.",
            "ES": "192.0.2.", "DE": "198.51.100.", "TH": "192.0.2.", "SE": "198.51.100.",
            "PL": "192.0.2.", "UA": "203.0.113.", "MM": "203.0.113."}[country]
    return base + str(R.randrange(1, 255))


# ---------------------------------------------------------------- stores
customers, txns, kyc, logins, companies, ads, msgs = [], [], [], [], [], [], []
TRUTH = {}  # net id -> dict


def tagrow(row, tag):
    row["_tag"] = set([tag]) if isinstance(tag, str) else set(tag or [])
    return row


_kns = set()


def kunde_nr_for(onboard):
    """numbers follow onboarding order, like a bank's running sequence"""
    n = 1000000 + (onboard - datetime(1975, 1, 1)).days * 4 + R.randrange(4)
    while n in _kns:
        n += 1
    _kns.add(n)
    return str(n)


def add_customer(first, last, born, nat, phone, email, addr, onboard, device, occ, inc,
                 segment="Privat", res_since=None, lang="da", tag=None):
    c = dict(kunde_nr=kunde_nr_for(onboard), konto_nr=konto(), fornavn=first, efternavn=last,
             foedselsdato=born, statsborgerskab=nat, mobil=phone, email=email, adresse=addr,
             oprettet=onboard, app_enhed=device, stilling=occ, indkomst_md=inc,
             kundetype=segment, bopael_dk_siden=res_since, sprog=lang)
    customers.append(tagrow(c, tag))
    return c


def name(c):
    return (c["fornavn"] + " " + c["efternavn"]).strip()


def tx(ts, fra, fra_navn, til, til_navn, beloeb, kanal, kat="", tekst="", by="København",
       land="DK", tag=None, valuta="DKK"):
    t = dict(ts=ts, fra_konto=fra, fra_navn=fra_navn, til_konto=til, til_navn=til_navn,
             beloeb=round(beloeb, 2), valuta=valuta, kanal=kanal, kategori=kat, tekst=tekst,
             by=by, land=land)
    txns.append(tagrow(t, tag))
    return t


def card(c, ts, merchant, a, kat, by="København", land="DK", tag=None, kanal="Dankort", tekst=""):
    return tx(ts, c["konto_nr"], name(c), "", merchant, a, kanal, kat, tekst, by, land, tag)


def mp(ts, fra, fra_navn, til, til_navn, a, tekst="", tag=None):
    return tx(ts, fra, fra_navn, til, til_navn, a, "MobilePay", "", tekst, "", "DK", tag)


def login(c, ts_local, device, country="DK", event="LOGON_OK", client=None, tag=None, ipaddr=None):
    logins.append(tagrow(dict(ts=ts_local, kunde_nr=c["kunde_nr"], enhed=device,
                              ip=ipaddr or ip(country), land=country, haendelse=event,
                              klient=client or R.choice(["MobilBank iOS 8.4", "MobilBank Android 8.4",
                                                         "MobilBank iOS 8.5"])), tag))


def kyc_ev(c, ts, ev, felt="", old="", new="", kanal="", aktoer="", notat="", tag=None):
    kyc.append(tagrow(dict(ts=ts, kunde_nr=c["kunde_nr"], haendelse=ev, felt=felt, gammel=old,
                           ny=new, kanal=kanal, aktoer=aktoer, notat=notat), tag))


_adids = set()


def ad_id_for(ts):
    n = int((ts - datetime(2020, 1, 1)).total_seconds() // 60) * 10 + R.randrange(10)
    while n in _adids:
        n += 1
    _adids.add(n)
    return "OT-%d" % n


def ad(ts, user, kat, by, title, body, phone="", price_kr=None, images=(), sprog=("da",),
       deleted=None, deleted_by=None, tag=None, profile=None, status=None):
    a = dict(annonce_id=ad_id_for(ts), oprettet=ts, bruger_id=user["id"],
             profilnavn=profile if profile is not None else user["navn"], kategori=kat, by=by,
             overskrift=title, tekst=body, telefon=phone,
             pris_oere=None if price_kr is None else int(round(price_kr * 100)),
             billeder=["%s.jpg" % h for h in images], sprog=list(sprog), enhed=user["enhed"],
             status=status or ("slettet" if deleted else ("udløbet" if ts < datetime(2026, 10, 31) else "aktiv")),
             slettet=deleted, slettet_af=deleted_by)
    ads.append(tagrow(a, tag))
    return a


def msg(thread, ad_id, ts, frm, to, text, tag=None):
    msgs.append(tagrow(dict(samtale_id=thread, annonce_id=ad_id, ts=ts, fra_bruger=frm["id"],
                            fra_tlf=e164(frm["tlf"]) if frm.get("tlf") else "",
                            til_bruger=to["id"], besked=text), tag))


_uids, _ths = set(), set()


def puser(navn, tlf, enhed=None):
    while True:
        n = R.randrange(100000, 1000000)
        if n not in _uids:
            _uids.add(n)
            break
    return dict(id="u%d" % n, navn=navn, tlf=tlf, enhed=enhed or pdev(str(n)))


def thread_id():
    while True:
        n = R.randrange(1000000, 10000000)
        if n not in _ths:
            _ths.add(n)
            break
    return "S-%d" % n


def net(nid, positive, typology, description, indicators):
    TRUTH[nid] = dict(positive=positive, typology=typology, description=description,
                      indicators=indicators)


# ---------------------------------------------------------------- vocabulary of the background
DK_F = ["Mette", "Anne", "Camilla", "Louise", "Sofie", "Maria", "Julie", "Emma", "Ida", "Line",
        "Katrine", "Helle", "Susanne", "Lene", "Pernille", "Signe", "Astrid", "Cecilie", "Nanna",
        "Karen", "Birgitte", "Maja", "Freja", "Laura", "Sara"]
DK_M = ["Jens", "Peter", "Lars", "Søren", "Henrik", "Thomas", "Martin", "Anders", "Mads",
        "Rasmus", "Jesper", "Morten", "Kasper", "Frederik", "Mikkel", "Christian", "Jonas",
        "Niels", "Ole", "Bo", "Kim", "Emil", "Oliver", "Magnus", "Simon", "Tobias", "Michael"]
DK_L = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
        "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
        "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen",
        "Lauridsen", "Holm", "Bach", "Dam", "Vestergaard", "Friis", "Skov", "Krogh", "Lund"]
OTHER = [("Aylin", "Yilmaz", "TR", "tr"), ("Mehmet", "Demir", "TR", "da"), ("Fatima", "Ali", "SO", "da"),
         ("Abdi", "Warsame", "SO", "da"), ("Imran", "Chaudhry", "PK", "da"), ("Agnieszka", "Kowalska", "PL", "pl"),
         ("Marek", "Lewandowski", "PL", "en"), ("Oksana", "Shevchenko", "UA", "uk"), ("Dmytro", "Melnyk", "UA", "uk"),
         ("Giulia", "Bianchi", "IT", "en"), ("Lukas", "Schmidt", "DE", "de"), ("Erik", "Lindqvist", "SE", "sv"),
         ("Ingrid", "Haugen", "NO", "no"), ("Nguyen", "Thi Lan", "VN", "da"), ("Pooja", "Sharma", "IN", "en"),
         ("Ali", "Hassan", "IQ", "da"), ("Leyla", "Karimi", "IR", "da"), ("Carlos", "Gómez", "ES", "en")]
STREETS = ["Sydhavnsgade", "Borgbjergsvej", "Mozarts Plads", "Wagnersvej", "Sjælør Boulevard",
           "Kongens Enghave", "Sluseholmen", "Teglholmsgade", "Valby Langgade", "Enghavevej",
           "Vesterbrogade", "Istedgade", "Musikbyen", "Hammelstrupvej", "Frederiksholms Kanal",
           "Haydnsvej", "Straussvej", "Bavnehøj Allé", "Sydhavns Plads", "Scandiagade"]
POST = ["2450 København SV", "2450 København SV", "2450 København SV", "2500 Valby", "1799 København V",
        "2300 København S"]
EMPLOYERS = ["Region Hovedstaden", "Københavns Kommune", "Carlsberg Danmark A/S", "Coop Danmark A/S",
             "ISS Facility Services A/S", "Novo Nordisk A/S", "DSB", "Sydhavn Skole", "Netcompany A/S",
             "Arla Foods amba", "Tivoli A/S", "Kalvebod Plejecenter", "Føtex Fisketorvet", "PostNord Danmark"]
OCC = [("Sygeplejerske", 31000), ("Lærer", 34000), ("Butiksassistent", 21000), ("Pædagog", 29000),
       ("IT-konsulent", 46000), ("Chauffør", 27000), ("Lagermedarbejder", 24000), ("Kontorassistent", 26000),
       ("Tømrer", 33000), ("Social- og sundhedsassistent", 25500), ("Ingeniør", 48000), ("Kok", 25000),
       ("Ejendomsservicetekniker", 29000), ("Bogholder", 32000), ("Elektriker", 35000)]
GROC = [("Netto Sydhavn", "Dagligvarer"), ("Rema 1000 Mozarts Plads", "Dagligvarer"),
        ("Føtex Fisketorvet", "Dagligvarer"), ("Lidl Valby", "Dagligvarer"), ("Meny Sluseholmen", "Dagligvarer"),
        ("Coop 365 Sydhavn", "Dagligvarer"), ("7-Eleven Sydhavn St.", "Kiosk")]
OTHERM = [("Matas Fisketorvet", "Personlig pleje"), ("Apoteket Sydhavn", "Apotek"), ("H&M Fisketorvet", "Tøj"),
          ("Rejsekort/DSB", "Transport"), ("Circle K Ellebjergvej", "Brændstof"), ("Sunset Boulevard", "Restaurant"),
          ("Café Bryggen", "Restaurant"), ("Netflix.com", "Abonnement"), ("Spotify", "Abonnement"),
          ("Fitness World", "Fritid"), ("Jysk Valby", "Bolig og have"), ("Elgiganten", "Elektronik"),
          ("Wolt", "Takeaway"), ("Just Eat", "Takeaway"), ("Normal Fisketorvet", "Personlig pleje"),
          ("Silvan", "Bolig og have"), ("Kino Fisketorvet", "Fritid"), ("Telenor", "Telefoni")]
MP_MEMO = ["", "", "pizza", "🍻", "tak for i går", "gave til Mette", "biograf", "halvdelen af regningen",
           "fodbold", "🍕", "Ikea", "benzin", "frokost", "tak!", "koncertbilletter", "🎂", "lån tilbage"]
HOUSING = ["AKB København", "KAB Boligselskab", "3B Boligforening", "fsb", "Ejendomsselskabet Teglholmen ApS",
           "Andelsboligforeningen Sydhavnsgården"]

STUDENT_OCC = ("Studerende", 6700)


def dk_person(sex=None):
    sex = sex or R.choice("FM")
    return (R.choice(DK_F if sex == "F" else DK_M), R.choice(DK_L), sex)


def addr():
    return "%s %d, %s, %s" % (R.choice(STREETS), R.randrange(1, 90),
                               R.choice(["st. tv", "st. th", "1. tv", "1. th", "2. tv", "3. th", "4. mf", "5. tv"]),
                               R.choice(POST))


def born(a0, a1):
    return date(2026 - R.randrange(a0, a1 + 1), R.randrange(1, 13), R.randrange(1, 29))


def month_ends():
    return [date(2026, 9, 30), date(2026, 10, 30), date(2026, 11, 30)]


# ---------------------------------------------------------------- background bank customers
BG_CUST = []


def make_background():
    n = 0
    households = []
    while n < 100:
        if R.random() < 0.82:
            f, l, sex = dk_person()
            nat, lang, res = "DK", "da", None
        else:
            f, l, nat, lang = R.choice(OTHER)
            res = date(R.randrange(1995, 2024), R.randrange(1, 13), 1)
        a = addr()
        # some couples share an address (same surname) - not phone
        if households and R.random() < 0.18:
            a, l = R.choice(households)
        households.append((a, l))
        student = R.random() < 0.12
        retired = (not student) and R.random() < 0.1
        occ, inc = STUDENT_OCC if student else (("Pensionist", 15500) if retired else R.choice(OCC))
        inc = round(inc * R.uniform(0.85, 1.2), -2)
        bd = born(19, 27) if student else (born(67, 88) if retired else born(25, 64))
        onb = datetime(R.randrange(2004, 2026), R.randrange(1, 13), R.randrange(1, 28),
                       R.randrange(9, 17), R.randrange(60))
        if onb > datetime(2026, 8, 1):
            onb = onb.replace(year=2024)
        email = "%s.%s%d@%s" % (f.lower().replace("ø", "oe").replace("å", "aa").replace("æ", "ae"),
                                l.lower().replace("ø", "oe").replace("ó", "o").replace(" ", ""),
                                R.randrange(1, 99), R.choice(["mail.example", "post.example", "net.example"]))
        c = add_customer(f, l, bd, nat, phone_dk(), email, a, onb, devid("bg%d" % n), occ, inc,
                         res_since=res, lang=lang)
        c["_employer"] = ("SU-styrelsen" if student else ("Udbetaling Danmark" if retired
                                                          else R.choice(EMPLOYERS)))
        c["_emp_acct"] = ext_konto()
        c["_rent_to"] = R.choice(HOUSING)
        c["_rent"] = round(R.uniform(4200, 11500), -1) if not student else round(R.uniform(3200, 5200), -1)
        BG_CUST.append(c)
        n += 1

    for c in BG_CUST:
        salary_text = {"SU-styrelsen": "SU", "Udbetaling Danmark": "Folkepension"}.get(c["_employer"], "Løn")
        for me in month_ends():
            d = me if salary_text != "Folkepension" else me.replace(day=1) + timedelta(days=31)
            if d > END.date():
                d = me.replace(day=R.randrange(26, 29))
            tx(datetime(d.year, d.month, d.day, 3, R.randrange(0, 59)), c["_emp_acct"], c["_employer"],
               c["konto_nr"], name(c), c["indkomst_md"] * R.uniform(0.96, 1.0), "Overførsel", "Indkomst",
               "%s %s" % (salary_text, ["SEP", "OKT", "NOV"][d.month - 9]))
        for m in (9, 10, 11):
            tx(datetime(2026, m, 1, 6, R.randrange(0, 59)), c["konto_nr"], name(c), ext_konto(), c["_rent_to"],
               c["_rent"], "Betalingsservice", "Bolig", "Husleje %s" % ["september", "oktober", "november"][m - 9])
            for _ in range(R.choice([1, 2, 2, 3])):
                m_, k_ = R.choice(GROC)
                card(c, rnd_time(date(2026, m, R.randrange(1, 29)), 8, 21), m_, R.uniform(45, 780), k_)
            if R.random() < 0.8:
                m_, k_ = R.choice(OTHERM)
                card(c, rnd_time(date(2026, m, R.randrange(1, 29)), 9, 22), m_, R.uniform(39, 1400), k_,
                     kanal=R.choice(["Dankort", "Visa/Dankort", "Apple Pay"]))
            if R.random() < 0.72:
                o = R.choice(BG_CUST)
                if o is not c:
                    mp(rnd_time(date(2026, m, R.randrange(1, 29)), 10, 23), c["konto_nr"], name(c), o["konto_nr"],
                       name(o), R.choice([50, 75, 100, 120, 150, 200, 250, 300, 400, 500]), R.choice(MP_MEMO))
            if R.random() < 0.22:
                tx(rnd_time(date(2026, m, R.randrange(1, 29)), 9, 20), c["konto_nr"], name(c), "",
                   "Hæveautomat Sydhavn St.", R.choice([200, 300, 500, 1000]), "Hæveautomat", "Kontanter")
            if R.random() < 0.3:
                tx(datetime(2026, m, R.randrange(2, 10), 5, 30), c["konto_nr"], name(c), ext_konto(),
                   R.choice(["Ørsted Salg & Service", "HOFOR", "Norlys", "Tryg Forsikring", "Telia"]),
                   R.uniform(180, 1350), "Betalingsservice", "Forsyning", "Aconto")
        # holidays abroad (card + logins in the same country)
        if R.random() < 0.08:
            cc, city = R.choice([("ES", "Málaga"), ("DE", "Berlin"), ("SE", "Malmö"), ("TH", "Phuket")])
            d0 = date(2026, R.choice([9, 10]), R.randrange(1, 20))
            for k in range(R.randrange(2, 4)):
                dd = d0 + timedelta(days=k * 2)
                card(c, rnd_time(dd, 10, 22), R.choice(["Supermercado Dia", "REWE", "ICA Nära", "Café Central",
                                                        "Restaurant Marina"]), R.uniform(60, 600),
                     "Restaurant", by=city, land=cc, kanal="Visa/Dankort")
                login(c, rnd_time(dd, 8, 22), c["app_enhed"], cc)
        for m in (9, 10, 11):
            for _ in range(R.choice([1, 1, 1, 2, 2])):
                login(c, rnd_time(date(2026, m, R.randrange(1, 29)), 6.5, 23.5), c["app_enhed"], "DK")
        if R.random() < 0.05:
            login(c, rnd_time(date(2026, R.choice([9, 10, 11]), R.randrange(1, 28)), 8, 22), "WEB-" + c["kunde_nr"],
                  "DK", client="Netbank web (Chrome)")

    # background KYC: phone/email/device changes, re-identification, moves
    for c in R.sample(BG_CUST, 16):
        d = rnd_time(date(2026, R.choice([9, 10, 11]), R.randrange(1, 28)), 8, 21)
        kind = R.random()
        if kind < 0.35:
            old = c["app_enhed"]
            c["app_enhed"] = devid("new" + c["kunde_nr"])
            kyc_ev(c, d, "Stamdataændring", "App-enhed", old, c["app_enhed"], "App")
        elif kind < 0.55:
            old = c["mobil"]
            c["mobil"] = phone_dk()
            kyc_ev(c, d, "Stamdataændring", "Mobilnr", old, c["mobil"], "App")
        elif kind < 0.7:
            old = c["email"]
            c["email"] = old.split("@")[0] + "@" + R.choice(["mail.example", "post.example"])
            kyc_ev(c, d, "Stamdataændring", "E-mail", old, c["email"], "Netbank")
        elif kind < 0.85:
            old = c["adresse"]
            c["adresse"] = addr()
            kyc_ev(c, d, "Stamdataændring", "Adresse", old, c["adresse"], "Netbank", notat="Flytning via CPR")
        else:
            kyc_ev(c, d, "Video-legitimation godkendt", kanal="Video", notat="Periodisk opdatering af legitimation")
    # after a device change, logins from the new device
    for k in kyc:
        if k["felt"] == "App-enhed":
            c = next(x for x in customers if x["kunde_nr"] == k["kunde_nr"])
            for _ in range(2):
                login(c, k["ts"] + timedelta(days=R.randrange(1, 12), minutes=R.randrange(600)), k["ny"], "DK")


# ---------------------------------------------------------------- background platform
CITIES = [("København", 0.5), ("Frederiksberg", 0.1), ("Aarhus", 0.12), ("Odense", 0.1), ("Aalborg", 0.06),
          ("Roskilde", 0.05), ("Køge", 0.04), ("Esbjerg", 0.03)]


def city():
    x, acc = R.random(), 0
    for c, p in CITIES:
        acc += p
        if x < acc:
            return c
    return "København"


GOODS = [
    ("Møbler", "Sofa 3 pers. grå", "Velholdt 3 pers. sofa fra Bolia, ingen pletter, røgfrit hjem. Skal hentes.", 1800),
    ("Møbler", "Spisebord eg + 4 stole", "Massivt egetræsbord 180x90 med 4 stole. Lidt brugsspor.", 2500),
    ("Møbler", "Reol hvid", "IKEA Billy reol, hvid. Afhentes i weekenden.", 150),
    ("Møbler", "Kontorstol", "Ergonomisk kontorstol, justerbar. Næsten ny.", 700),
    ("Møbler", "Seng 140x200", "Seng med madras, 3 år gammel. Sælges pga. flytning.", 1200),
    ("Cykler", "Damecykel 7 gear", "Fin damecykel, nye dæk og nyt bagdæk. Lås medfølger.", 900),
    ("Cykler", "Christiania ladcykel", "Ladcykel med kaleche, brugt til børn. Kører godt.", 6500),
    ("Cykler", "Børnecykel 16\"", "Børnecykel til 4-6 år, rød. Støttehjul medfølger.", 250),
    ("Elektronik", "iPhone 13 128GB", "Virker perfekt, batteri 86%. Cover medfølger.", 2300),
    ("Elektronik", "PS5 med 2 controllere", "Playstation 5 disc-version, 2 controllere og 3 spil.", 3200),
    ("Elektronik", "Samsung TV 55\"", "4K smart-tv, fjernbetjening medfølger. Afhentes.", 2200),
    ("Børneting", "Barnevogn Emmaljunga", "Kombivogn, lift og kalechen vasket. Røgfrit hjem.", 1500),
    ("Børneting", "Legetøj kasse", "Stor kasse Duplo og bamser. Samlet pris.", 200),
    ("Tøj", "Vinterjakke str. M", "Varm dunjakke, brugt en vinter. Sort.", 400),
    ("Bolig", "Værelse til leje Sydhavn", "Møbleret værelse 12 m2 i delelejlighed, 4.800 kr inkl. forbrug. Ikke-ryger.", 4800),
    ("Bolig", "2-værelses til fremleje", "Fremleje 6 mdr. fra 1/11, 2 vær. i Valby, 9.200 kr + forbrug.", 9200),
    ("Have", "Havemøbelsæt", "Bord og 4 stole i teak. Kan hentes i Køge.", 1100),
    ("Bil", "Toyota Yaris 2014", "Nysynet, 148.000 km, servicebog.", 42000),
]
JOBS = [
    ("Opvasker søges til restaurant i Vesterbro", "Vi søger en opvasker 20-25 t/uge, aftenvagter. Løn efter overenskomst (ca. 145 kr/t). Send ansøgning via beskedfunktionen.", "da"),
    ("Tjener / servitrice søges", "Café på Sluseholmen søger smilende tjener til weekender. Erfaring en fordel. Løn efter HORESTA-overenskomst.", "da"),
    ("Rengøringshjælp til privat hjem", "Familie i Valby søger rengøringshjælp 4 timer hver anden uge, 180 kr/t. Gerne med referencer.", "da"),
    ("Avisbud søges - Sydhavn", "Bliv avisbud om morgenen, 6 dage/uge. Fra 15 år. Løn pr. omdelt rute.", "da"),
    ("Handyman søges til ejendom", "Ejendomsadministration søger handyman 15 t/uge. Kørekort B påkrævet. Løn efter aftale.", "da"),
    ("Warehouse workers - Brøndby (English ok)", "Temp agency seeks warehouse staff, day and evening shifts, 158 DKK/hour by collective agreement. Danish CPR and bank account required. Apply in message.", "en"),
    ("Barnepige søges 2 eftermiddage", "Vi søger en sød barnepige til vores to børn (5 og 8) tirsdag og torsdag 14-17.", "da"),
]
# independent personal-ad advertisers (lawful background), vocabulary shares from vocabulary.md
VOCAB = [  # (share, danish/english phrase options)
    (0.117, ["ung", "young", "ung og frisk"]), (0.029, ["frisk", "fresh"]), (0.026, ["ny i byen", "new in town"]),
    (0.082, ["petite", "lille og slank"]), (0.33, ["sød", "sweet", "søde"]), (0.097, ["babe", "baby"]),
    (0.019, ["candy"]), (0.193, ["100% ægte", "100% real"]), (0.116, ["ægte billeder", "real pics"]),
    (0.201, ["selvstændig", "independent", "privat og selvstændig"]), (0.026, ["kun sms", "text only"]),
    (0.044, ["24/7"]), (0.058, ["ledig nu", "available now"]), (0.023, ["ny pige", "new girl"]),
    (0.021, ["GFE", "kæresteoplevelse"]), (0.01, ["WhatsApp", "Telegram"]),
]
EMOJI = [(0.434, "💋"), (0.195, "👅"), (0.115, "🍭"), (0.095, "🎀"), (0.088, "🌹"), (0.068, "🍒"), (0.064, "🍑"),
         (0.042, "🍬"), (0.6, "✨"), (0.3, "🔥")]
ETHN = [(0.098, "latina"), (0.134, "asiatisk"), (0.032, "ebony"), (0.01, "thai"), (0.004, "russisk"),
        (0.006, "europæisk")]
INDEP_NAMES = ["Sabrina", "Lea", "Bella", "Jasmin", "Nadia", "Isabella", "Mia", "Sandra", "Rikke", "Tina",
               "Carmen", "Yuki", "Amalie", "Victoria", "Stine", "Malou", "Lulu", "Diana", "Angel", "Natasha",
               "Josefine", "Kira"]
BUYERS = []  # external men with MobilePay numbers (some chat on the platform too)


def make_buyers():
    for i in range(120):
        f, l, _ = dk_person("M")
        p = phone_dk()
        BUYERS.append(dict(navn="%s %s" % (f, l), tlf=p, mp="+45 " + e164(p)[3:], id=None))


def buyer_user(b):
    if b["id"] is None:
        u = puser(b["navn"].split()[0] + ("" if R.random() < 0.5 else str(R.randrange(10, 99))), b["tlf"])
        b.update(id=u["id"], enhed=u["enhed"])
    return dict(id=b["id"], navn=b["navn"], tlf=b["tlf"], enhed=b["enhed"])


def personal_ad_text(nm, age, cty, draws, emo, eth, first_person=True, massage=True):
    bits = []
    head = "%s %s" % (nm, " ".join(emo[:2]))
    intro = R.choice(["Hej, jeg hedder %s, %d år" % (nm, age), "Hej søde, %s her (%d)" % (nm, age),
                      "Jeg er %s, %d år og bor i %s" % (nm, age, cty)])
    if eth:
        intro += ", %s" % eth
    bits.append(intro + ".")
    if massage:
        bits.append(R.choice(["Jeg tilbyder afslappende olie-massage med happy ending.",
                              "Sensuel massage i min egen diskrete lejlighed.",
                              "Body-to-body og klassisk massage, hyggelig stemning."]))
    else:
        bits.append(R.choice(["Escort til hyggelige herrer, incall og outcall.",
                              "Jeg mødes gerne på hotel eller hjemme hos dig.",
                              "Date, middag og mere - jeg elsker gode samtaler."]))
    for d in draws:
        bits.append(R.choice(["%s." % d.capitalize(), "%s!" % d.capitalize(), "%s %s" % (d, R.choice(emo or ["!"]))]))
    bits.append(R.choice(["Kun seriøse henvendelser.", "Ring eller skriv.", "Skriv gerne en sms først.",
                          "Hygiejne er et must.", "Vi ses 😘"]))
    bits.append(R.choice(["1 time 1.500 kr.", "30 min 1.000 / 60 min 1.600.", "1 t 1.800 kr, 2 t 3.200 kr.",
                          "Halv time 900, hel time 1.400."]))
    R.shuffle(bits[2:-1])
    return head, " ".join(bits)


def make_platform_background():
    make_buyers()
    sellers = []
    for i in range(95):
        f, l, _ = dk_person()
        sellers.append(puser(f + " " + l[0] + ".", phone_dk()))
    for i in range(135):
        u = R.choice(sellers)
        kat, title, body, price = R.choice(GOODS)
        ts = rnd_time(START.date() + timedelta(days=R.randrange(0, 90)), 7, 23.5)
        a = ad(ts, u, kat, city(), title, body, ad_phone(u["tlf"], R.randrange(4)) if R.random() < 0.4 else "",
               price * R.choice([1, 1, 0.9, 1.1]), images=[imghash("g%d" % i)] * R.randrange(0, 2) + [imghash("h%d" % i)])
        # buyers write to it
        for _ in range(R.choice([0, 0, 1, 1, 2])):
            b = buyer_user(R.choice(BUYERS)) if R.random() < 0.5 else puser("Køber", phone_dk())
            th = thread_id()
            t = ts + timedelta(hours=R.uniform(1, 60))
            q = R.choice(["Hej, er %s stadig til salg?" % title.lower(), "Hej! Kan du tage %d kr?" % int(price * 0.8),
                          "Hvornår kan den hentes?", "Er den stadig ledig? Kan hente i morgen", "Hej, hvor i %s bor du?" % a["by"]])
            msg(th, a["annonce_id"], t, b, u, q)
            if R.random() < 0.85:
                msg(th, a["annonce_id"], t + timedelta(minutes=R.randrange(5, 300)), u, b,
                    R.choice(["Ja den er ledig", "Ja, du kan hente i morgen efter kl 17", "Den er desværre solgt",
                              "Jeg kan gå ned til %d" % int(price * 0.9), "Ja. Adressen sender jeg når du kommer"]))
                if R.random() < 0.5:
                    msg(th, a["annonce_id"], t + timedelta(minutes=R.randrange(310, 900)), b, u,
                        R.choice(["Super, jeg kommer kl 18", "Fint, jeg betaler med MobilePay", "Ok tak", "Deal 👍"]))
    employers = [puser(n, phone_dk()) for n in ["Restaurant Kødbyen", "Café Sluse", "Familien Bang", "Ejendomsadm. Syd",
                                               "Avisbud Syd", "Jobpartner Vikar", "Familien Thorsen"]]
    for i, (title, body, lang) in enumerate(JOBS):
        for r in range(R.choice([1, 2])):
            ts = rnd_time(START.date() + timedelta(days=R.randrange(0, 85)), 8, 20)
            a = ad(ts, employers[i], "Job", R.choice(["København", "Valby", "Brøndby"]), title, body,
                   ad_phone(employers[i]["tlf"]), sprog=(lang,))
            for _ in range(R.choice([1, 2, 3])):
                b = puser(R.choice(DK_F + DK_M), phone_dk())
                th = thread_id()
                t = ts + timedelta(hours=R.uniform(2, 48))
                msg(th, a["annonce_id"], t, b, employers[i], R.choice(
                    ["Hej, jeg er interesseret i jobbet. Jeg har erfaring fra lignende.",
                     "Hello, I'm interested, I speak English and some Danish.",
                     "Hej, er stillingen stadig ledig? Jeg er 17, er det ok?"]))
                msg(th, a["annonce_id"], t + timedelta(hours=R.uniform(1, 20)), employers[i], b, R.choice(
                    ["Tak for din besked. Send gerne et CV til os, så ringer vi.",
                     "Thanks, please send your CV. We pay by collective agreement.",
                     "Hej, kan du komme til en samtale torsdag kl 14?"]))
    # lawful independent adult advertisers
    INDEP = []
    for i, nm in enumerate(INDEP_NAMES):
        p = phone_dk()
        u = puser(nm, p)
        age = R.randrange(21, 46) if R.random() > 0.048 else R.choice([18, 19])
        draws = [R.choice(opts) for share, opts in VOCAB if R.random() < share]
        emo = [e for share, e in EMOJI if R.random() < share]
        eth = next((e for share, e in ETHN if R.random() < share), None)
        cty = city()
        massage = R.random() < 0.55
        lang = ("da",) if R.random() < 0.7 else ("da", "en")
        INDEP.append((u, nm, age, cty))
        nads = R.choice([1, 2, 2, 3, 4])
        head, body = personal_ad_text(nm, age, cty, draws, emo, eth, massage=massage)
        imgs = [imghash("indep%d-%d" % (i, k)) for k in range(R.randrange(1, 4))]
        obf = R.random() < 0.07
        for k in range(nads):
            ts = rnd_time(START.date() + timedelta(days=R.randrange(0, 88)), 9, 24)
            t = head if (k == 0 or R.random() < 0.078) else "%s - %s" % (head, R.choice(["i dag", "weekend", "ledig", "ny uge"]))
            a = ad(ts, u, "Erotik & massage (18+)", cty, t,
                   body + (" Ring: " + " ".join({"0": "nul", "2": "to", "1": "en", "3": "tre", "4": "fire", "5": "fem",
                                                 "6": "seks", "7": "syv", "8": "otte", "9": "ni"}[ch] for ch in e164(p)[3:]) if obf else ""),
                   "" if obf else ad_phone(p, i % 4), 1500, imgs, lang)
            for _ in range(R.choice([0, 1, 1, 2])):
                b = buyer_user(R.choice(BUYERS))
                th = thread_id()
                t0 = ts + timedelta(hours=R.uniform(0.5, 30))
                msg(th, a["annonce_id"], t0, b, u, R.choice(["Hej, er du ledig i aften?", "Hej smukke, har du tid i morgen?",
                                                             "Hi, are you available tonight?", "Hvad koster en time?"]))
                msg(th, a["annonce_id"], t0 + timedelta(minutes=R.randrange(3, 90)), u, b, R.choice(
                    ["Hej, ja jeg er ledig fra kl 20. Skriv en sms til mig på mit nummer.",
                     "Hej skat, i morgen efter kl 18 passer mig fint. Jeg sender adressen når du er tæt på.",
                     "Hi, yes after 7pm. 1 hour 1500, cash or MobilePay to me.",
                     "1 time er 1.500. Jeg tager selv imod MobilePay eller kontant 😊"]))
    return INDEP


# ================================================================ N1: massage flat, Sydhavn (sexual exploitation)
def make_n1(landlord):
    T = "N1-lotus-sydhavn"
    net(T, True, "sexual_exploitation",
        "Bulgarian organiser runs a 'massage' flat at Mozarts Plads with three recruited women "
        "(two Bulgarian, one Romanian) and a fourth advertised woman who never banks here. He recruits "
        "through a Bulgarian job ad on the platform and moves to Telegram, posts templated Danish ads for "
        "four personas from one booking phone, answers buyers in the third person and has them pay his own "
        "MobilePay; what reaches the women's accounts is swept to him. He opened their accounts (his device, "
        "his phone number, serial e-mails, himself as 'interpreter'), reads their netbank from Sofia, pays "
        "their flights, ad bumps and a cloud camera. A nominee company (Lotus Wellness IVS) with one of the "
        "women as owner pays the flat's rent. At the raid (18-11-2026) all ads and profiles vanish within "
        "two hours and he empties his account to Bulgaria.",
        ["RCS-REC-MESSENGER-JOB-AD", "RCS-REC-TOO-GOOD", "RCS-REC-PAID-TRAVEL-HOUSING", "RCS-REC-FEES-DEBT",
         "RCS-REC-EARLY-ID-REQUEST", "RCS-REC-CHANNEL-SWITCH", "BEH-CONTACT-PROXY", "BEH-AD-THIRD-PERSON",
         "BEH-AD-LANG-MISMATCH", "BEH-AD-TEMPLATE", "BEH-PHOTO-REUSE", "BEH-MULTICITY-CIRCUIT",
         "BEH-OBSCURED-PHONE", "BEH-ALWAYS-AVAILABLE", "BEH-ROTATING-ROSTER", "BEH-LOW-PRICE",
         "BEH-MESSENGER-ONLY", "BEH-TRUST-LANG", "BEH-ETHNICITY-MARKETING", "BEH-SHARED-DEVICE",
         "BEH-REMOTE-CONTROL-LOGIN", "BEH-COORDINATED-DELETION", "BEH-ACCOMPANIED", "BEH-COACHED-ANSWERS",
         "FIN-BUYER-PAYS-THIRD-PARTY", "FIN-WORKER-SWEEP", "FIN-AD-SITE-PAYMENTS", "FIN-TRAVEL-FOR-OTHERS",
         "FIN-NO-OWN-LIVING-COSTS", "FIN-PAYMENT-MEMO-CUES", "FIN-LUXURY-GAMBLING",
         "KYC-SHARED-IDENTIFIERS", "KYC-CONTACT-IN-SEX-ADS", "KYC-THIRD-PARTY-ONBOARDING",
         "KYC-BATCH-ONBOARDING", "KYC-ADDRESS-AT-WORKPLACE", "KYC-PROFILE-MISMATCH", "KYC-NOMINEE-OWNER",
         "KYC-CONTACT-TAKEOVER", "KYC-DISPOSABLE-CONTACT", "KYC-AVOID-FACE-TO-FACE", "KYC-VULNERABILITY-CONTEXT",
         "RCS-RULES-THREATS", "RCS-DEBT-QUOTA", "RCS-EARNINGS-CONTROL", "RCS-DOCS-RETAINED",
         "RCS-REMOTE-CONTROLLER", "RCS-SURV-CAMERAS", "RCS-SURV-LOCATION", "RCS-SURV-ACCOUNT-CONTROL",
         "RCS-LIVES-AT-VENUE"])
    booking = phone_dk(4117)
    own = phone_dk(8802)
    bg_phone = "+359 88 000 0417"
    dev_s = devid("stoyan-phone")
    venue = "Mozarts Plads 9, 1. tv, 2450 København SV"
    s = add_customer("Stoyan", "Vasilev", date(1985, 3, 14), "BG", own, "s.vasilev85@mail.example",
                     "Hammelstrupvej 40, 3. th, 2450 København SV", datetime(2025, 2, 11, 13, 20), dev_s,
                     "Selvstændig (rengøring)", 18000, res_since=date(2019, 5, 1), lang="bg", tag=T)
    kyc_ev(s, datetime(2026, 1, 9, 11, 2), "Stamdataændring", "Mobilnr", bg_phone, own, "App", tag=T)
    workers = []
    specs = [("Desislava", "Ivanova", date(2002, 6, 2), "BG", "Nora", datetime(2026, 9, 3, 14, 10)),
             ("Raluca", "Stan", date(2004, 1, 23), "RO", "Lili", datetime(2026, 9, 5, 10, 40)),
             ("Yana", "Koleva", date(1999, 11, 8), "BG", "Vera", datetime(2026, 9, 11, 15, 5))]
    for i, (f, l, bd, nat, persona, onb) in enumerate(specs):
        w = add_customer(f, l, bd, nat, booking if i < 2 else phone_dk(), "vip.cph%d@mail.example" % (i + 1),
                         venue, onb, dev_s if i < 2 else devid("yana-own"), "Massør", 22000,
                         res_since=date(2026, 8, 28) + timedelta(days=i * 4), lang=("bg" if nat == "BG" else "ro"), tag=T)
        w["_persona"] = persona
        workers.append(w)
    # onboarding: video fails, branch meeting with him as interpreter
    for i, w in enumerate(workers):
        o = w["oprettet"]
        kyc_ev(w, o - timedelta(hours=30), "Video-legitimation fejlet", kanal="Video",
               notat="Forbindelse afbrudt, to personer i billedet", tag=T)
        if i == 1:
            kyc_ev(w, o - timedelta(hours=6), "Video-legitimation afvist af kunde", kanal="Video", tag=T)
        kyc_ev(w, o, "Møde afholdt", kanal="Filial", aktoer="Stoyan Vasilev",
               notat=["Ledsaget af 'fætter' der oversatte og svarede for kunden. Kunden kendte ikke sit postnr.",
                      "Samme ledsager som ved kunde %s. Pas fremvist af ledsager." % workers[0]["kunde_nr"],
                      "Ledsager (S.V.) havde kundens pas og lejekontrakt. Formål: 'løn fra massage'."][i], tag=T)
    y = workers[2]
    kyc_ev(y, datetime(2026, 9, 19, 22, 41), "Stamdataændring", "Mobilnr", y["mobil"], booking, "App", tag=T)
    kyc_ev(y, datetime(2026, 9, 19, 22, 44), "Stamdataændring", "App-enhed", y["app_enhed"], dev_s, "App", tag=T)
    y["mobil"], y["app_enhed"] = booking, dev_s
    kyc_ev(workers[0], datetime(2026, 10, 20, 16, 15), "Henvendelse via tredjemand", kanal="Telefon",
           aktoer="Stoyan Vasilev", notat="Mand ringede om spærret kort, oplyste at være bror. Kunden ikke til stede.", tag=T)
    kyc_ev(workers[1], datetime(2026, 11, 4, 12, 0), "Møde afslået", kanal="Telefon",
           notat="Indkaldt til KYC-opdatering (mange MobilePay-indbetalinger). Mand svarede at hun var på ferie.", tag=T)
    # nominee company
    lotus_c = add_customer("Lotus Wellness IVS", "", None, "DK", booking, "lotus.wellness@mail.example", venue,
                           datetime(2026, 2, 17, 10, 0), dev_s, "Fysisk velvære", 0, segment="Erhverv", tag=T)
    companies.append(tagrow(dict(cvr="44000017", navn="Lotus Wellness IVS", branchekode="960400",
                                 branchetekst="Fysisk velvære", adresse=venue, konto_nr=lotus_c["konto_nr"],
                                 startdato=date(2026, 2, 10), ansatte=0, ejer_navn="Stoyan Vasilev",
                                 ejer_foedt=date(1985, 3, 14), ejer_land="DK", ejer_kunde_nr=s["kunde_nr"],
                                 ejer_fra=date(2026, 2, 10), ejer_til=date(2026, 9, 21)), T))
    companies.append(tagrow(dict(cvr="44000017", navn="Lotus Wellness IVS", branchekode="960400",
                                 branchetekst="Fysisk velvære", adresse=venue, konto_nr=lotus_c["konto_nr"],
                                 startdato=date(2026, 2, 10), ansatte=0, ejer_navn="Raluca Stan",
                                 ejer_foedt=date(2004, 1, 23), ejer_land="DK", ejer_kunde_nr=workers[1]["kunde_nr"],
                                 ejer_fra=date(2026, 9, 22), ejer_til=None), T))
    for m in (10, 11):
        tx(datetime(2026, m, 1, 7, 2), lotus_c["konto_nr"], "Lotus Wellness IVS", landlord["konto_nr"],
           name(landlord), 14500, "Overførsel", "Bolig", "Husleje Mozarts Pl 9 1tv", tag=T)
        tx(datetime(2026, m, 28, 10, 5), s["konto_nr"], name(s), lotus_c["konto_nr"], "Lotus Wellness IVS",
           15000, "Overførsel", "", "indskud", tag=T)
        for _ in range(2):
            tx(rnd_time(date(2026, m, R.randrange(2, 28)), 11, 17), "Nets Indløsning", "Nets Indløsning",
               lotus_c["konto_nr"], "Lotus Wellness IVS", R.uniform(600, 1800), "Kortindløsning", "Indløsning",
               "Afregning terminal 4471", tag=T)
    # flights for the women
    for i, w in enumerate(workers):
        d = [date(2026, 9, 1), date(2026, 9, 2), date(2026, 9, 9)][i]
        card(s, rnd_time(d - timedelta(days=3), 20, 23), "WIZZ AIR", R.uniform(690, 1150), "Flyrejser",
             kanal="Visa/Dankort", tekst="SOF-CPH 1 pax %s/%s" % (w["efternavn"].upper(), w["fornavn"].upper()),
             by="Budapest", land="HU", tag=T)
    card(s, rnd_time(date(2026, 10, 9), 20, 23), "WIZZ AIR", 840, "Flyrejser", kanal="Visa/Dankort",
         tekst="SOF-CPH 1 pax PETROVA/MIRELA", by="Budapest", land="HU", tag=T)
    # camera cloud subscription, ad bumps, gambling
    for m in (9, 10, 11):
        card(s, datetime(2026, m, 4, 0, 12), "EZVIZ Cloud Play", 69, "Abonnement", kanal="Visa/Dankort",
             by="Hangzhou", land="CN", tag=T)
    bump_days = sorted(R.sample(range(0, 78), 22))
    for d in bump_days:
        card(s, rnd_time(START.date() + timedelta(days=d), 0, 24), "Opslagstavlen.dk", R.choice([49, 49, 99]),
             "Annoncer", kanal="Visa/Dankort", tekst="Topannonce/fremhævning", tag=T)
    for _ in range(9):
        card(s, rnd_time(START.date() + timedelta(days=R.randrange(0, 78)), 21, 26), R.choice(["Bet365", "Danske Spil"]),
             R.choice([500, 1000, 2000, 2500]), "Spil", kanal="Visa/Dankort", tag=T)
    card(s, rnd_time(date(2026, 10, 3), 12, 17), "Louis Vuitton Illum", 14900, "Tøj", tag=T)
    # buyers pay him by MobilePay (evening/night, round amounts), some pay the women directly
    buyers = R.sample(BUYERS, 95)
    pays = []
    for d in days(date(2026, 9, 8), date(2026, 11, 17)):
        for _ in range(R.choice([1, 2, 2, 3, 3, 4])):
            b = R.choice(buyers) if R.random() < 0.85 else R.choice(buyers[:10])
            ts = rnd_time(d, 17.5, 27)
            a = R.choice([600, 800, 1000, 1000, 1200, 1500])
            memo = R.choice(["", "", "", "massage", "Nora", "Vera", "Lili", "tak 🌸", "💋", "1t", "halv time", "M",
                             "tak for i aften", ""])
            if R.random() < 0.72:
                pays.append(mp(ts, b["mp"], b["navn"], s["konto_nr"], name(s), a, memo, tag=T))
            else:
                ws = [x for x in workers if x["oprettet"] + timedelta(days=2) < ts]
                if not ws:
                    continue
                w = R.choice(ws)
                mp(ts, b["mp"], b["navn"], w["konto_nr"], name(w), a, memo, tag=T)
    # workers: sweep within 48h, tiny own spending (card-present in Copenhagen)
    by_w = {w["konto_nr"]: [] for w in workers}
    for t in list(txns):
        if t["til_konto"] in by_w:
            by_w[t["til_konto"]].append(t)
    for w in workers:
        inflow = sorted(by_w[w["konto_nr"]], key=lambda t: t["ts"])
        week = {}
        for t in inflow:
            week.setdefault(t["ts"].isocalendar()[1], []).append(t)
        for wk, ts_ in week.items():
            tot = sum(t["beloeb"] for t in ts_)
            last = max(t["ts"] for t in ts_)
            tx(last + timedelta(hours=R.uniform(6, 40)), w["konto_nr"], name(w), s["konto_nr"], name(s),
               round(tot * R.uniform(0.88, 0.97), -1), R.choice(["MobilePay", "Overførsel"]), "",
               R.choice(["S", "uge %d" % wk, "husleje", "дълг", "for uge %d" % wk, ""]), tag=T)
        for k in range(7):
            d = date(2026, 9, 12) + timedelta(days=R.randrange(0, 66))
            card(w, rnd_time(d, 10, 23), R.choice(["7-Eleven Sydhavn St.", "Netto Mozarts Plads", "Normal Fisketorvet"]),
                 R.uniform(29, 180), "Dagligvarer", tag=T)
    # he is in Sofia 12-28 Oct: own card in BG, logins to the women's netbank from Bulgaria
    for d in days(date(2026, 10, 12), date(2026, 10, 28)):
        if R.random() < 0.5:
            card(s, rnd_time(d, 11, 23), R.choice(["Lidl Sofia", "Kaufland Sofia", "Shell Sofia", "Happy Bar & Grill"]),
                 R.uniform(60, 900), "Dagligvarer", by="Sofia", land="BG", kanal="Visa/Dankort", tag=T)
        login(s, rnd_time(d, 8, 24), dev_s, "BG", tag=T)
    bg_days = [date(2026, 10, 13), date(2026, 10, 15), date(2026, 10, 17), date(2026, 10, 20), date(2026, 10, 24),
               date(2026, 10, 27)]
    bg_ip = ip("BG")
    for d in bg_days:
        for w in workers:
            login(w, rnd_time(d, 9, 23), dev_s, "BG", tag=T, ipaddr=bg_ip if R.random() < 0.7 else None)
            card(w, rnd_time(d, 12, 22), R.choice(["7-Eleven Sydhavn St.", "Netto Mozarts Plads"]),
                 R.uniform(25, 140), "Dagligvarer", tag=T)
    for d in days(date(2026, 9, 4), date(2026, 11, 18)):
        if date(2026, 10, 12) <= d <= date(2026, 10, 28):
            continue
        if R.random() < 0.35:
            login(s, rnd_time(d, 7, 25), dev_s, "DK", tag=T)
        for w in workers:
            if w["oprettet"].date() <= d and R.random() < 0.16:
                login(w, rnd_time(d, 9, 26) if d < RAID.date() else rnd_time(d, 6, 9), dev_s, "DK", tag=T)
    login(workers[1], datetime(2026, 9, 6, 19, 12), devid("raluca-own"), "DK", tag=T)
    login(workers[1], datetime(2026, 9, 7, 9, 40), devid("raluca-own"), "DK", tag=T)
    login(s, datetime(2026, 11, 18, 12, 51), dev_s, "BG", tag=T)
    bal = sum(t["beloeb"] for t in txns if t["til_konto"] == s["konto_nr"]) * 0.22
    tx(datetime(2026, 11, 18, 12, 58), s["konto_nr"], name(s), "BG00 0000 0000 0000 0044 17", "Stoyan Vasilev",
       round(bal, -2), "Udlandsoverførsel", "", "transfer", "", "BG", tag=T)
    for k in range(3):
        tx(datetime(2026, 9 + k, 10, 9, 30), s["konto_nr"], name(s), "BG00 0000 0000 0000 0044 17", "Stoyan Vasilev",
           R.choice([9000, 12000, 14000]), "Udlandsoverførsel", "", "", "", "BG", tag=T)

    # ---- platform side
    job_u = puser("Rabota DK", bg_phone, pdev("stoyan-tab"))
    book_u = puser("Lotus CPH", booking, pdev("stoyan-tab"))
    persona_users = {p: puser(p, booking, pdev("stoyan-tab")) for p in ["Nora", "Lili", "Vera", "Mira"]}
    job_ads = []
    job_ads.append(ad(datetime(2026, 8, 18, 23, 40), job_u, "Job", "København",
                      "Работа в Дания - масажистка 💰",
                      "Търсим момичета 20-30 г. за работа в масажно студио в Копенхаген. Заплата 2000-3000 евро на "
                      "седмица! Осигурено жилище и самолетен билет. Не е нужен опит и език. Пишете само в Telegram "
                      "@lotus_cph_job", "", None, [imghash("lotus-job")], ("bg",), tag=T, status="udløbet"))
    job_ads.append(ad(datetime(2026, 9, 2, 1, 15), job_u, "Job", "København",
                      "Lucru în Danemarca - maseuză, 2000€/săptămână",
                      "Căutăm fete 20-30 ani pentru salon de masaj în Copenhaga. Câștig 2000-3000 euro pe săptămână, "
                      "cazare și bilet de avion plătite. Nu e nevoie de experiență sau limbă. Scrie doar pe Telegram "
                      "@lotus_cph_job", "", None, [imghash("lotus-job")], ("ro",), tag=T, status="udløbet"))
    job_ads.append(ad(datetime(2026, 10, 6, 0, 55), job_u, "Job", "København",
                      "Работа в Дания - масажистка 💰",
                      "Търсим момичета 20-30 г. за работа в масажно студио в Копенхаген. Заплата 2000-3000 евро на "
                      "седмица! Осигурено жилище и самолетен билет. Не е нужен опит и език. Пишете само в Telegram "
                      "@lotus_cph_job", "", None, [imghash("lotus-job")], ("bg",),
                      deleted=datetime(2026, 11, 18, 11, 7), deleted_by="bruger", tag=T))
    # persona ads: one template, slots swapped, rotation through cities, reused photos, odd-hour bumps
    tmpl = ("{new} hos os 🌸 {name}, {age} år, smuk {nat} pige med bløde hænder. Hun tilbyder afslappende "
            "body-to-body massage og meget mere. Diskret lejlighed, gratis parkering. Åbent alle dage 10-04. "
            "{contact} 100% ægte billeder. 30 min {p30} kr / 60 min {p60} kr. Vi glæder os til at se dig 💋")
    personas = [("Nora", 24, "bulgarsk", ["nora1", "nora2", "nora3"]),
                ("Lili", 22, "rumænsk", ["lili1", "lili2", "nora3"]),
                ("Vera", 27, "østeuropæisk", ["vera1", "nora2", "vera2"]),
                ("Mira", 21, "bulgarsk", ["mira1", "vera2", "mira2"])]
    circuit = ["København", "København", "Odense", "Aarhus", "Aalborg"]
    contacts = ["Kun SMS eller Telegram " + ad_phone(booking, 0) + ".",
                "SMS/Telegram: to-nul-nul-nul 41 17.",
                "Kun sms: 2OOO 4I17 (ingen opkald).",
                "Skriv på Telegram @lotus_cph."]
    persona_ads = {}
    start = {"Nora": date(2026, 9, 8), "Lili": date(2026, 9, 9), "Vera": date(2026, 9, 16), "Mira": date(2026, 10, 14)}
    for pn, age, nat, pics in personas:
        d = start[pn]
        k = 0
        while d < date(2026, 11, 18):
            cty = circuit[(k + len(pn)) % len(circuit)] if pn in ("Mira", "Vera") else ("København" if k % 3 else circuit[k % 5])
            body = tmpl.format(new=R.choice(["Ny pige", "NY pige", "Ny pige i byen"]), name=pn, age=age, nat=nat,
                               contact=R.choice(contacts), p30=600, p60=1000)
            if k % 4 == 3:
                body += " Nye piger hver uge!"
            ts = rnd_time(d, 0, 24)
            a = ad(ts, persona_users[pn], "Erotik & massage (18+)", cty, "%s %d 🌸 ny pige - body massage" % (pn, age),
                   body, ad_phone(booking, k % 4) if k % 3 else "", 1000, [imghash(p) for p in pics[:2 + (k % 2)]],
                   ("bg", "en") if nat != "rumænsk" else ("ro", "en"),
                   deleted=(RAID + timedelta(minutes=R.randrange(20, 130))) if ts > RAID - timedelta(days=30) else None,
                   deleted_by="bruger", tag=T)
            persona_ads.setdefault(pn, []).append(a)
            d += timedelta(days=R.choice([4, 5, 6, 7]))
            k += 1
    # venue roster ad from the booking account
    roster = ad(datetime(2026, 10, 20, 3, 12), book_u, "Erotik & massage (18+)", "København",
                "Lotus massage Sydhavn - 4 søde piger 24/7",
                "Vi har altid søde nye piger fra Østeuropa. Nora, Lili, Vera og Mira venter på dig. Åbent 24/7, "
                "også nat. Alt er muligt. Betaling MobilePay eller kontant. Kun sms " + ad_phone(booking, 2) + ".",
                ad_phone(booking, 2), 1000, [imghash("nora1"), imghash("vera1"), imghash("mira1")], ("bg", "en"),
                deleted=RAID + timedelta(minutes=29), deleted_by="bruger", tag=T)
    # booking chats: third person, 'which girl', pay to his own MobilePay
    all_p_ads = [a for v in persona_ads.values() for a in v] + [roster]
    for i in range(26):
        a = R.choice(all_p_ads)
        b = buyer_user(R.choice(buyers[:40]))
        th = thread_id()
        t0 = a["oprettet"] + timedelta(hours=R.uniform(0.3, 50))
        pn = a["profilnavn"] if a["profilnavn"] in persona_users else R.choice(["Nora", "Vera", "Mira"])
        q = R.choice(["Hej %s, er du ledig i aften?" % pn, "Hej er du ledig nu", "Hvad koster 1 time?",
                      "Hej, kan jeg komme kl 23?", "Hej søde, taler du dansk?", "Hi, available tonight?"])
        msg(th, a["annonce_id"], t0, b, persona_users.get(pn, book_u), q, tag=T)
        rep = R.choice([
            "Hej skat. %s er ledig kl 21. 1 time 1000. Betal MobilePay %s før du kommer." % (pn, ad_phone(own, 0)),
            "Hej. Hun er ledig efter kl 22. Hvilken pige vil du have? Nora eller Vera?",
            "%s taler kun lidt engelsk. Jeg sender adresse 10 min før. Betal MobilePay %s" % (pn, ad_phone(own, 1)),
            "yes she is free. 30 min 600. mobilepay first %s" % ad_phone(own, 0),
            "Hun har travlt nu, men Mira er ledig. Ny pige 🌸 Skriv sms %s" % ad_phone(booking, 0),
            "Ok. Husk MobilePay til %s, skriv ikke hendes navn." % ad_phone(own, 2)])
        msg(th, a["annonce_id"], t0 + timedelta(minutes=R.randrange(1, 25)), persona_users.get(pn, book_u), b, rep, tag=T)
        if R.random() < 0.6:
            msg(th, a["annonce_id"], t0 + timedelta(minutes=R.randrange(26, 60)), b, persona_users.get(pn, book_u),
                R.choice(["Ok, er på vej", "Betalt 👍", "Kan jeg ikke bare betale hende?", "Fint, ses"]), tag=T)
            if R.random() < 0.3:
                msg(th, a["annonce_id"], t0 + timedelta(minutes=R.randrange(61, 80)), persona_users.get(pn, book_u), b,
                    "Nej. Betaling kun til mig.", tag=T)
    # recruitment chats on the job ad (Bulgarian), then control in the same thread
    yana_u = puser("Yana K", "+359 88 000 0733")
    th = thread_id()
    jad = job_ads[0]
    conv = [
        (datetime(2026, 8, 21, 22, 4), yana_u, job_u, "Здравейте, за обявата за масажистка. Нямам опит, но имам нужда от работа. Имам дете и съм сама."),
        (datetime(2026, 8, 21, 22, 31), job_u, yana_u, "Здравей миличка. Не е нужен опит, ще те научим. Пиши ми в Telegram @lotus_cph_job там е по-лесно"),
        (datetime(2026, 8, 21, 22, 33), job_u, yana_u, "Прати ми снимка на личната карта и 2 снимки на цяло тяло, за да ти купя билет"),
        (datetime(2026, 8, 22, 9, 15), yana_u, job_u, "Колко точно ще изкарвам? И кой плаща билета?"),
        (datetime(2026, 8, 22, 9, 40), job_u, yana_u, "Ние плащаме билета и квартирата, после ги връщаш от работата. 300 евро за билет, 150 на седмица квартира. Пак ще ти остават много пари."),
        (datetime(2026, 8, 22, 9, 41), job_u, yana_u, "Трябва да решиш до утре, имам и други момичета"),
        (datetime(2026, 9, 27, 14, 2), yana_u, job_u, "Стоян искам си паспорта. Искам да се прибера за малко при детето."),
        (datetime(2026, 9, 27, 14, 20), job_u, yana_u, "Паспортът стои при мен докато не си платиш дълга. Още 11 000 кр."),
        (datetime(2026, 9, 27, 14, 21), job_u, yana_u, "Не излизаш от апартамента без да ми кажеш. Камерата вижда всичко. Пращай ми локация когато си навън."),
        (datetime(2026, 10, 16, 1, 52), job_u, yana_u, "Днес само 3 клиента. Минимум 6 на ден иначе глоба 500 кр."),
        (datetime(2026, 10, 16, 2, 10), yana_u, job_u, "Болна съм, не мога повече"),
        (datetime(2026, 10, 16, 2, 12), job_u, yana_u, "Не ме интересува. Знам къде живее майка ти."),
        (datetime(2026, 11, 2, 23, 5), job_u, yana_u, "Новото момиче идва в петък. Ще спите двете в малката стая. Парите всеки ден на моя MobilePay."),
    ]
    for ts, f_, t_, text in conv:
        msg(th, jad["annonce_id"], ts, f_, t_, text, tag=T)
    ral_u = puser("Raluca", "+40 700 000 212")
    th2 = thread_id()
    jad2 = job_ads[1]
    for ts, f_, t_, text in [
        (datetime(2026, 9, 2, 19, 30), ral_u, job_u, "Bună, anunțul mai e valabil? Câte ore se lucrează?"),
        (datetime(2026, 9, 2, 19, 44), job_u, ral_u, "Da. Program flexibil, câștigi mult. Scrie-mi pe Telegram @lotus_cph_job, aici nu răspund."),
        (datetime(2026, 9, 2, 19, 46), job_u, ral_u, "Trimite poză cu buletinul, îți iau bilet pentru joi."),
        (datetime(2026, 9, 2, 20, 3), ral_u, job_u, "Ok, am scris pe Telegram. Biletul îl dau înapoi din primul salariu?"),
        (datetime(2026, 9, 2, 20, 5), job_u, ral_u, "Da, biletul + cazarea le scădem din bani. Nu-ți face griji."),
    ]:
        msg(th2, jad2["annonce_id"], ts, f_, t_, text, tag=T)
    # one woman answers the ad but backs out (still part of the network's records)
    th3 = thread_id()
    gu = puser("Gergana", "+359 88 000 0981")
    msg(th3, job_ads[2]["annonce_id"], datetime(2026, 10, 7, 20, 11), gu, job_u, "Здравейте, какъв е масажът? Легален ли е?", tag=T)
    msg(th3, job_ads[2]["annonce_id"], datetime(2026, 10, 7, 20, 40), job_u, gu, "Всичко е легално. Пиши в Telegram, тук не отговарям.", tag=T)
    msg(th3, job_ads[2]["annonce_id"], datetime(2026, 10, 8, 9, 2), gu, job_u, "Не благодаря.", tag=T)
    TRUTH[T]["roles"] = dict([("kunder.csv:" + s["kunde_nr"], "organiser"), ("kunder.csv:" + lotus_c["kunde_nr"], "nominee company")]
                             + [("kunder.csv:" + w["kunde_nr"], "victim (persona %s)" % w["_persona"]) for w in workers]
                             + [("phone " + e164(booking), "booking phone"), ("phone " + e164(own), "organiser's MobilePay"),
                                ("platform " + job_u["id"], "recruiter account"), ("platform " + book_u["id"], "booking account")])
    return s, workers, persona_users


# ================================================================ N2: cleaning crew (labour exploitation)
def make_n2():
    T = "N2-blank-rengoering"
    net(T, True, "labour_exploitation",
        "A Romanian organiser recruits cleaners through a Romanian job ad on the platform (high net pay, "
        "flight and housing paid, no experience, WhatsApp only), takes a 300 EUR 'registration fee' and "
        "keeps the passports. Six workers are onboarded at the bank within ten days with him as interpreter, "
        "from his tablet, three with his phone number and serial e-mails, all at one flat at Wagnersvej. His "
        "company Blank & Skinnende ApS (owner on paper changed twice in a year, now a 23-year-old worker) "
        "bills hotels and offices, pays no A-tax or ATP, withdraws cash and pays 'wages' that go back to him "
        "within days as rent, transport, debt and fines; three workers' wages are paid straight into his own "
        "account. Each worker also pays monthly instalments to a recruitment firm in Romania.",
        ["RCS-REC-MESSENGER-JOB-AD", "RCS-REC-TOO-GOOD", "RCS-REC-PAID-TRAVEL-HOUSING", "RCS-REC-FEES-DEBT",
         "RCS-REC-EARLY-ID-REQUEST", "RCS-REC-CHANNEL-SWITCH", "RCS-REC-UNVERIFIABLE-EMPLOYER", "RCS-REC-URGENCY",
         "RCS-DOCS-RETAINED", "RCS-DEBT-QUOTA", "RCS-RULES-THREATS", "RCS-EARNINGS-CONTROL", "RCS-ISOLATION",
         "FIN-WAGES-POOLED", "FIN-RECRUIT-FEES-DEDUCTIONS", "FIN-BIZ-NO-PAYROLL", "FIN-DEBT-REMITTANCE",
         "FIN-FAN-IN-FROM-WORKERS", "FIN-WORKER-SWEEP", "FIN-NO-OWN-LIVING-COSTS", "BEH-LOW-PRICE",
         "KYC-SHARED-IDENTIFIERS", "KYC-THIRD-PARTY-ONBOARDING", "KYC-BATCH-ONBOARDING", "KYC-NOMINEE-OWNER",
         "KYC-CONTACT-TAKEOVER", "KYC-DISPOSABLE-CONTACT", "KYC-VULNERABILITY-CONTEXT", "BEH-ACCOMPANIED",
         "BEH-COACHED-ANSWERS", "BEH-SHARED-DEVICE", "RCS-SURV-ACCOUNT-CONTROL"])
    ip_phone = phone_dk(6390)
    tab = devid("ionut-tablet")
    i_ = add_customer("Ionuț", "Marin", date(1983, 7, 30), "RO", ip_phone, "ionut.marin@mail.example",
                      "Sjælør Boulevard 71, 2. tv, 2450 København SV", datetime(2024, 4, 2, 10, 0), devid("ionut-phone"),
                      "Direktør", 42000, res_since=date(2017, 3, 1), lang="ro", tag=T)
    flat = "Wagnersvej 22, st. th, 2450 København SV"
    mih = add_customer("Mihaela", "Dobre", date(2003, 2, 11), "RO", phone_dk(), "mihaela.dobre03@mail.example", flat,
                       datetime(2026, 6, 12, 11, 30), devid("mihaela"), "Rengøringsassistent", 14000,
                       res_since=date(2026, 5, 20), lang="ro", tag=T)
    comp = add_customer("Blank & Skinnende ApS", "", None, "DK", ip_phone, "kontakt@blankskinnende.example",
                        "Vestre Teglgade 6, 2450 København SV", datetime(2025, 11, 20, 9, 0), tab,
                        "Rengøring", 0, segment="Erhverv", tag=T)
    for own, bd, cc, f0, f1, kn in [("Ionuț Marin", date(1983, 7, 30), "DK", date(2025, 11, 1), date(2026, 3, 14), i_["kunde_nr"]),
                                    ("Florin Marin", date(1988, 4, 2), "RO", date(2026, 3, 15), date(2026, 6, 30), None),
                                    ("Mihaela Dobre", date(2003, 2, 11), "DK", date(2026, 7, 1), None, mih["kunde_nr"])]:
        companies.append(tagrow(dict(cvr="43900211", navn="Blank & Skinnende ApS", branchekode="812100",
                                     branchetekst="Almindelig rengøring i bygninger", adresse="Vestre Teglgade 6, 2450 København SV",
                                     konto_nr=comp["konto_nr"], startdato=date(2025, 11, 1), ansatte=2, ejer_navn=own,
                                     ejer_foedt=bd, ejer_land=cc, ejer_kunde_nr=kn, ejer_fra=f0, ejer_til=f1), T))
    specs = [("Andrei", "Popa", "M"), ("Sorin", "Dumitru", "M"), ("Gheorghe", "Lupu", "M"), ("Elena", "Rusu", "F"),
             ("Maria", "Stoica", "F"), ("Vasile", "Ungureanu", "M")]
    W = []
    for k, (f, l, sx) in enumerate(specs):
        onb = datetime(2026, 9, 8, 10, 0) + timedelta(days=R.choice([0, 1, 2, 3, 7, 8, 9][k:k + 1] or [9]), hours=k % 3)
        ph = ip_phone if k in (2, 4, 5) else phone_dk()
        w = add_customer(f, l, born(21, 52), "RO", ph, "blankjob%d@mail.example" % (k + 1), flat, onb, tab,
                         "Rengøringsassistent", 18000, res_since=date(2026, 9, 1) + timedelta(days=k), lang="ro", tag=T)
        W.append(w)
        kyc_ev(w, onb, "Møde afholdt", kanal="Filial", aktoer="Ionuț Marin",
               notat=R.choice(["Arbejdsgiver tolkede. Kunde kunne ikke oplyse egen adresse.",
                               "Kunden ledsaget af arbejdsgiver (I.M.), som havde kundens pas og ansættelseskontrakt.",
                               "Samme tolk som ved flere nye kunder denne uge.",
                               "Kunden så til ledsager før hvert svar. Formål: lønkonto."]), tag=T)
    # takeover of Andrei's phone; Maria's e-mail change
    a0 = W[0]
    kyc_ev(a0, datetime(2026, 10, 2, 21, 17), "Stamdataændring", "Mobilnr", a0["mobil"], ip_phone, "App", tag=T)
    a0["mobil"] = ip_phone
    kyc_ev(W[1], datetime(2026, 10, 27, 13, 0), "Henvendelse via tredjemand", kanal="Telefon", aktoer="Ionuț Marin",
           notat="Arbejdsgiver ringede og bad om kundens kontoudtog og nyt kort til 'firmaets adresse'.", tag=T)
    kyc_ev(W[1], datetime(2026, 11, 6, 10, 0), "Video-legitimation afvist af kunde", kanal="Video", tag=T)
    # company money: client invoices in, no A-tax/ATP, cash out, wages, returns
    clients = [("Hotel Bryggen Syd A/S", 72000), ("Kontorhuset Teglholmen ApS", 38000),
               ("Ejendomsservice Nord ApS", 22000), ("Hostel Kalvebod ApS", 17500)]
    for m in (9, 10, 11):
        for cn, base in clients:
            tx(datetime(2026, m, R.randrange(8, 16), 9, R.randrange(60)), ext_konto(), cn, comp["konto_nr"],
               "Blank & Skinnende ApS", base * R.uniform(0.9, 1.12), "Overførsel", "Indtægt",
               "Fakt. %d rengøring" % R.randrange(1100, 1999), tag=T)
        for _ in range(2):
            tx(rnd_time(date(2026, m, R.randrange(1, 28)), 10, 15), comp["konto_nr"], "Blank & Skinnende ApS", "",
               "Kontant udbetaling Filial Sydhavn", R.choice([20000, 25000, 30000]), "Kontant udbetaling", "Kontanter",
               "", tag=T)
        tx(datetime(2026, m, 3, 6, 0), comp["konto_nr"], "Blank & Skinnende ApS", ext_konto(), "Toyota Financial Services",
           4890, "Betalingsservice", "Leasing", "Leasing varebil", tag=T)
        card(comp, rnd_time(date(2026, m, R.randrange(1, 28)), 8, 16), "Abena Rengøringsartikler", R.uniform(2500, 6000),
             "Engros", kanal="Visa/Dankort", tag=T)
        card(comp, rnd_time(date(2026, m, R.randrange(1, 28)), 7, 18), "Q8 Teglholmen", R.uniform(600, 1200), "Brændstof",
             kanal="Visa/Dankort", tag=T)
        card(comp, rnd_time(date(2026, m, R.randrange(1, 28)), 0, 24), "Opslagstavlen.dk", 99, "Annoncer",
             kanal="Visa/Dankort", tekst="Jobannonce", tag=T)
        pay = date(2026, m, 30) if m != 10 else date(2026, 10, 30)
        for k, w in enumerate(W):
            if w["oprettet"].date() > pay:
                continue
            gross = R.choice([12400, 12400, 11800, 13100])
            if k in (2, 3, 5):  # wages paid straight into the organiser's account
                tx(datetime(pay.year, pay.month, pay.day, 8, 10 + k), comp["konto_nr"], "Blank & Skinnende ApS",
                   i_["konto_nr"], name(i_), gross, "Overførsel", "Løn", "Løn %s %s." % (w["fornavn"], w["efternavn"][0]), tag=T)
                if R.random() < 0.7:
                    tx(datetime(pay.year, pay.month, pay.day, 8, 10) + timedelta(days=R.randrange(1, 4), hours=R.randrange(2, 9)),
                       i_["konto_nr"], name(i_), w["konto_nr"], name(w), R.choice([2500, 3000, 3500]), "MobilePay", "",
                       R.choice(["bani", "avans", ""]), tag=T)
            else:
                tx(datetime(pay.year, pay.month, pay.day, 8, 10 + k), comp["konto_nr"], "Blank & Skinnende ApS",
                   w["konto_nr"], name(w), gross, "Overførsel", "Løn", "Løn %s" % ["SEP", "OKT", "NOV"][m - 9], tag=T)
                ret = datetime(pay.year, pay.month, pay.day, 8, 30) + timedelta(hours=R.uniform(5, 60))
                if ret <= END:
                    tx(ret, w["konto_nr"], name(w), i_["konto_nr"], name(i_), round(gross * R.uniform(0.58, 0.7), -1),
                       R.choice(["Overførsel", "MobilePay"]), "",
                       R.choice(["chirie+transport", "datorie", "kost og logi", "chirie", "amenda + chirie"]), tag=T)
        # instalments to the recruiter in Romania, and his own share
        for w in W:
            if w["oprettet"].date() < date(2026, m, 20):
                tx(rnd_time(date(2026, m, R.randrange(2, 7)), 9, 18) if m > 9 else rnd_time(date(2026, 9, 25), 9, 18), w["konto_nr"],
                   name(w), "RO00 0000 0000 0000 0000 4471", "SC Prima Job Recrutare SRL", R.choice([1400, 1500, 1500, 1600]),
                   "Udlandsoverførsel", "", "rata %d/6" % (m - 8), "", "RO", tag=T)
        tx(rnd_time(date(2026, m, 12), 9, 16), i_["konto_nr"], name(i_), "RO00 0000 0000 0000 0000 4471",
           "SC Prima Job Recrutare SRL", R.choice([8000, 9500]), "Udlandsoverførsel", "", "comision", "", "RO", tag=T)
    for w in W:
        for _ in range(R.randrange(2, 5)):
            card(w, rnd_time(date(2026, 9, 20) + timedelta(days=R.randrange(0, 65)), 18, 21),
                 R.choice(["Lidl Valby", "Netto Sydhavn", "Lebara Top-Up"]), R.uniform(30, 160), "Dagligvarer", tag=T)
    # the organiser's own account: ordinary living plus the returns
    for m in (9, 10, 11):
        card(i_, rnd_time(date(2026, m, R.randrange(1, 28)), 12, 22), R.choice(["Magasin", "BMW Financial Services", "Meny Sluseholmen"]),
             R.uniform(400, 6000), "Diverse", kanal="Visa/Dankort", tag=T)
    # logins: the workers' netbank from his tablet (and his phone)
    for d in days(date(2026, 9, 8), date(2026, 11, 30)):
        for w in W:
            if w["oprettet"].date() <= d and R.random() < 0.08:
                login(w, rnd_time(d, 19, 23.5), tab, "DK", client="MobilBank Android 8.4", tag=T)
        if R.random() < 0.2:
            login(i_, rnd_time(d, 7, 23), i_["app_enhed"], "DK", tag=T)
        if R.random() < 0.12:
            login(comp, rnd_time(d, 7, 18), tab, "DK", client="Erhverv Netbank (Chrome)", tag=T)
    login(mih, datetime(2026, 9, 30, 21, 5), tab, "DK", tag=T)
    login(mih, datetime(2026, 10, 30, 20, 40), tab, "DK", tag=T)

    # ---- platform side: Romanian job ad, chats with fee, passport, debt, fines
    rec = puser("Blank Job", ip_phone, pdev("ionut-tablet"))
    jads = []
    for ts in [datetime(2026, 8, 20, 21, 0), datetime(2026, 9, 14, 20, 30), datetime(2026, 10, 19, 22, 10)]:
        jads.append(ad(ts, rec, "Job", "København", "Angajăm urgent personal curățenie Copenhaga - 18.000 kr NET",
                       "Angajăm bărbați și femei pentru curățenie în hoteluri în Copenhaga. Salariu 18.000-22.000 kr/lună NET, "
                       "cazare și transport asigurate, bilet de avion plătit. Nu e nevoie de experiență sau limba engleză. "
                       "Plecare urgentă! Contact doar pe WhatsApp.", "", None, [imghash("blank-job")], ("ro",), tag=T))
    jads.append(ad(datetime(2026, 9, 22, 10, 0), rec, "Service", "København", "Erhvervsrengøring - hoteller og kontorer",
                   "Blank & Skinnende ApS: rengøring af hoteller, kontorer og trappeopgange. Fast team, 189 kr/time ex moms. "
                   "Ring for tilbud.", ad_phone(ip_phone, 0), 189, [imghash("blank-van")], ("da", "ro"), tag=T))
    cands = [("Sorin D", "+40 700 000 318"), ("Elena R", "+40 700 000 527"), ("Vasile U", "+40 700 000 640"),
             ("Cristina P", "+40 700 000 702")]
    scripts = [
        [("c", "Bună ziua, mai căutați oameni? Am 45 de ani și nu știu engleză."),
         ("r", "Da, căutăm. Nu contează engleza. Scrie-mi pe WhatsApp la numărul din profil."),
         ("r", "Trimite poza cu pașaportul și buletinul, facem contractul și biletul."),
         ("c", "Și cât costă? Prietenul meu zice că trebuie să plătești ceva."),
         ("r", "Taxa de înregistrare e 300 euro, o plătești acum sau o oprim din primul salariu. Locurile se termină săptămâna asta."),
         ("c", "Bine, o opriți din salariu.")],
        [("c", "Bună, anunțul e pentru femei? Am un copil acasă, aș trimite bani."),
         ("r", "Da, avem și femei. Cazarea e gratis primele 2 săptămâni, apoi 3.500 kr."),
         ("r", "Pașaportul îl ținem noi la birou pentru acte și contract, așa e în Danemarca."),
         ("c", "Ok. Când plec?"), ("r", "Luni. Trebuie să confirmi azi.")],
        [("c", "Salut, e valabil? Lucrez în construcții acum."),
         ("r", "Da. WhatsApp te rog, aici nu verific mesajele."),
         ("r", "Trimite și datele de card sau cont, ca să-ți virăm salariul.")],
        [("c", "Bună ziua, contractul e danez? Cu CPR și asigurare?"),
         ("r", "Da da, totul legal. Scrie pe WhatsApp."),
         ("c", "Pe site-ul firmei nu găsesc nimic, aveți CVR?"), ("r", "Scrie pe WhatsApp.")],
    ]
    for (nm, ph), sc, ja in zip(cands, scripts, [jads[0], jads[0], jads[1], jads[2]]):
        u = puser(nm, ph)
        th = thread_id()
        t = ja["oprettet"] + timedelta(hours=R.uniform(2, 30))
        for who, text in sc:
            msg(th, ja["annonce_id"], t, u if who == "c" else rec, rec if who == "c" else u, text, tag=T)
            t += timedelta(minutes=R.randrange(4, 200))
        if nm == "Sorin D":
            sorin_u, sorin_th, sorin_ad = u, th, ja
    # after arrival: the complaint in the same thread
    for ts, who, text in [
        (datetime(2026, 11, 2, 22, 14), "c", "Am primit doar 4.100 kr luna asta. Ai zis 18.000 net."),
        (datetime(2026, 11, 2, 22, 30), "r", "Ai datorie: bilet 2.200, taxa 300 euro, chirie 3.500, transport 1.000, amendă 800 pentru ziua lipsă."),
        (datetime(2026, 11, 2, 22, 31), "r", "Dacă nu-ți convine pleci acasă, dar fără pașaport până plătești tot. Și nu vorbești cu clienții de bani."),
        (datetime(2026, 11, 2, 22, 40), "c", "Vreau pașaportul meu înapoi."),
        (datetime(2026, 11, 2, 22, 41), "r", "Trimite restul de 2.000 kr pe contul meu %s și vorbim." % i_["konto_nr"]),
    ]:
        msg(sorin_th, sorin_ad["annonce_id"], ts, sorin_u if who == "c" else rec, rec if who == "c" else sorin_u, text, tag=T)
    TRUTH[T]["roles"] = dict([("kunder.csv:" + i_["kunde_nr"], "organiser"), ("kunder.csv:" + comp["kunde_nr"], "front company"),
                              ("kunder.csv:" + mih["kunde_nr"], "nominee owner (also exploited)")]
                             + [("kunder.csv:" + w["kunde_nr"], "victim") for w in W]
                             + [("platform " + rec["id"], "recruiter account"), ("RO00 0000 0000 0000 0000 4471", "recruitment firm abroad")])
    return i_, W


# ================================================================ N3: scam-compound recruitment
def make_n3():
    T = "N3-kundeservice-asien"
    net(T, True, "scam_compound_recruitment",
        "A Danish facilitator posts a Danish/English 'customer service in Bangkok' job (32,000 kr tax-free, "
        "flight and visa paid, no experience, Telegram), asks for passport photos in the first messages and "
        "presses for departure. He is paid from a Hong Kong company and by crypto, buys one-way tickets to "
        "Bangkok for three young people and flies with them. After arrival two of them (bank customers) lose "
        "control of their accounts: logins from Cambodia on new devices, phone and e-mail changed to foreign "
        "details, failed re-identification, and the accounts start receiving money from Danish scam victims "
        "that is forwarded to crypto the same day (forced criminality). A mother calls the bank.",
        ["RCS-REC-SCAM-COMPOUND", "RCS-REC-TOO-GOOD", "RCS-REC-PAID-TRAVEL-HOUSING", "RCS-REC-EARLY-ID-REQUEST",
         "RCS-REC-CHANNEL-SWITCH", "RCS-REC-URGENCY", "RCS-REC-MESSENGER-JOB-AD", "RCS-REC-UNVERIFIABLE-EMPLOYER",
         "FIN-TRAVEL-FOR-OTHERS", "FIN-CRYPTO-OPAQUE", "FIN-WORKER-SWEEP", "KYC-PROFILE-MISMATCH",
         "KYC-CONTACT-TAKEOVER", "KYC-DISPOSABLE-CONTACT", "KYC-AVOID-FACE-TO-FACE", "BEH-REMOTE-CONTROL-LOGIN",
         "RCS-SURV-ACCOUNT-CONTROL", "RCS-REMOTE-CONTROLLER", "RCS-QUOTAS-PUNISH", "BEH-MESSENGER-ONLY"])
    mp_ = phone_dk(1977)
    mk = add_customer("Mikkel", "Brandt", date(1997, 2, 19), "DK", mp_, "mikkel.brandt97@mail.example",
                      "Teglholmsgade 14, 4. tv, 2450 København SV", datetime(2021, 6, 1, 12, 0), devid("mikkel"),
                      "Konsulent", 25000, tag=T)
    emil = add_customer("Emil", "Nielsen", date(2005, 5, 2), "DK", phone_dk(), "emil.nielsen05@mail.example",
                        "Kongens Enghave 3, 2. th, 2450 København SV", datetime(2023, 5, 10, 10, 0), devid("emil"),
                        "Studerende", 6700, tag=T)
    sara = add_customer("Sara", "Jensen", date(2003, 9, 14), "DK", phone_dk(), "sarajensen03@mail.example",
                        "Borgbjergsvej 11, 1. tv, 2450 København SV", datetime(2022, 8, 2, 10, 0), devid("sara"),
                        "Ledig", 11200, tag=T)
    for v in (emil, sara):
        for m in (9, 10, 11):
            tx(datetime(2026, m, 28 if m != 9 else 30, 3, 5), ext_konto(), "SU-styrelsen" if v is emil else "A-kassen 3F",
               v["konto_nr"], name(v), v["indkomst_md"], "Overførsel", "Indkomst", "SU" if v is emil else "Dagpenge", tag=T)
        for _ in range(4):
            card(v, rnd_time(date(2026, 9, R.randrange(1, 29)), 10, 22), R.choice(GROC)[0], R.uniform(40, 300), "Dagligvarer", tag=T)
            login(v, rnd_time(date(2026, 9, R.randrange(1, 29)), 9, 23), v["app_enhed"], "DK", tag=T)
    tx(datetime(2026, 9, 29, 11, 0), "HK00 0000 0000 0000 7788 12", "Golden Sky Trading Ltd", mk["konto_nr"], name(mk),
       62000, "Udlandsoverførsel", "", "consulting fee Q3", "Hong Kong", "HK", tag=T)
    tx(datetime(2026, 10, 21, 11, 0), "HK00 0000 0000 0000 7788 12", "Golden Sky Trading Ltd", mk["konto_nr"], name(mk),
       45000, "Udlandsoverførsel", "", "recruitment bonus", "Hong Kong", "HK", tag=T)
    for pax in ["NIELSEN/EMIL", "JENSEN/SARA", "MOHAMED/HAMZA", "BRANDT/MIKKEL"]:
        card(mk, rnd_time(date(2026, 10, 6), 13, 16), "Qatar Airways", R.uniform(4300, 5100), "Flyrejser",
             kanal="Visa/Dankort", tekst="CPH-DOH-BKK one way pax %s" % pax, by="Doha", land="QA", tag=T)
    for d in [date(2026, 10, 14), date(2026, 10, 15), date(2026, 10, 16)]:
        card(mk, rnd_time(d, 10, 22), R.choice(["7-Eleven Sukhumvit", "Grab", "Terminal 21"]), R.uniform(80, 900), "Diverse",
             by="Bangkok", land="TH", kanal="Visa/Dankort", tag=T)
        login(mk, rnd_time(d, 8, 22), mk["app_enhed"], "TH", tag=T)
    for k in range(6):
        d = date(2026, 9, 3) + timedelta(days=14 * k)
        tx(rnd_time(d, 20, 23), mk["konto_nr"], name(mk), "", "Firi AS", R.choice([1990, 2000, 2000, 1995]),
           "Visa/Dankort", "Krypto", "USDT", "Oslo", "NO", tag=T)
    for d in days(date(2026, 9, 1), date(2026, 11, 30)):
        if R.random() < 0.15 and not (date(2026, 10, 13) <= d <= date(2026, 10, 17)):
            login(mk, rnd_time(d, 8, 23), mk["app_enhed"], "DK", tag=T)
    # departure; account takeover from Cambodia; mule inflows to crypto
    kh_dev = {"e": devid("kh-1"), "s": devid("kh-2")}
    kh_ip = ip("KH")
    for v, key in ((emil, "e"), (sara, "s")):
        card(v, datetime(2026, 10, 13, 14, 20), "CPH Airport - Joe & The Juice", 79, "Restaurant", tag=T)
        t0 = datetime(2026, 10, 18, 3, 10) if key == "e" else datetime(2026, 10, 19, 4, 2)
        kyc_ev(v, t0, "Stamdataændring", "App-enhed", v["app_enhed"], kh_dev[key], "App", tag=T)
        newp = "+855 10 000 %03d" % (311 if key == "e" else 312)
        kyc_ev(v, t0 + timedelta(minutes=6), "Stamdataændring", "Mobilnr", v["mobil"], newp, "App", tag=T)
        newe = "%s.work%d@mail.example" % (v["fornavn"].lower(), 1 if key == "e" else 2)
        kyc_ev(v, t0 + timedelta(days=2, minutes=20), "Stamdataændring", "E-mail", v["email"], newe, "App", tag=T)
        v["app_enhed"], v["mobil"], v["email"] = kh_dev[key], newp, newe
        for d in days(t0.date(), date(2026, 11, 30)):
            if R.random() < 0.45:
                login(v, rnd_time(d, 1, 14), kh_dev[key], "KH", ipaddr=kh_ip, client="MobilBank Android 8.4", tag=T)
        n_in = 13 if key == "e" else 8
        for j in range(n_in):
            d = date(2026, 10, 22) + timedelta(days=R.randrange(0, 38))
            f, l, _ = dk_person(R.choice("FM"))
            t = rnd_time(d, 7, 22)
            a = R.choice([3000, 4500, 5000, 7500, 9800, 12000, 15000, 24000])
            tx(t, ext_konto(), "%s %s" % (f, l), v["konto_nr"], name(v), a, R.choice(["Overførsel", "Straksoverførsel", "MobilePay"]),
               "", R.choice(["investering", "til Sofie ❤️", "lån som aftalt", "depositum", "bitcoin", "gebyr udbetaling",
                             "til dig skat", "investment"]), tag=T)
            tx(t + timedelta(minutes=R.randrange(20, 300)), v["konto_nr"], name(v), "", R.choice(["Firi AS", "Binance"]),
               round(a * R.uniform(0.95, 0.99), 0), "Visa/Dankort", "Krypto", "", "", R.choice(["NO", "MT"]), tag=T)
        kyc_ev(v, datetime(2026, 11, 3, 11, 0) + timedelta(hours=3 if key == "s" else 0), "Video-legitimation fejlet",
               kanal="Video", notat="Kunden ville ikke vise ansigt, anden person talte i baggrunden", tag=T)
    kyc_ev(emil, datetime(2026, 10, 29, 15, 30), "Henvendelse via tredjemand", kanal="Telefon", aktoer="Hanne Nielsen (mor)",
           notat="Mor oplyser at sønnen rejste til Thailand 13/10 for et kundeservicejob, har ikke hørt fra ham i 10 dage; "
                 "sidste besked: de har taget hans pas og de skal nå et mål hver dag.", tag=T)
    # platform: job ad, chats
    rec = puser("Nordic Support Asia", mp_, pdev("mikkel-laptop"))
    jads = [ad(datetime(2026, 9, 18, 21, 30), rec, "Job", "København", "Dansktalende kundeservice i Bangkok - 32.000 kr/md",
               "Vi søger dansk- og engelsktalende kundeservicemedarbejdere til vores kontor i Bangkok (online marketing og "
               "krypto-support). 32.000 kr/md skattefrit + bonus. Fly og visum betalt, gratis lejlighed. Ingen erfaring "
               "nødvendig! Start med det samme. Kontakt kun på Telegram @nsa_hr", "", None, [imghash("nsa")], ("da", "en"), tag=T),
           ad(datetime(2026, 9, 29, 20, 10), rec, "Job", "København", "Customer support in Thailand - Nordic languages, flight paid",
              "Hiring Danish/Swedish/Norwegian speakers for customer support in Bangkok. 4.300 EUR/month, visa + flight + "
              "apartment included. No experience needed. Contact Telegram @nsa_hr only.", "", None, [imghash("nsa")],
              ("en",), tag=T)]
    eu = puser("Emil", emil["mobil"])
    su = puser("Sara J", sara["mobil"])
    hu = puser("Hamza", phone_dk())
    for u, ja, sc in [
        (eu, jads[0], [("c", "Hej, er jobbet stadig ledigt? Jeg har ikke rigtig erfaring, men jeg er god til computer"),
                       ("r", "Hej Emil! Perfekt, ingen erfaring krævet, vi lærer dig op. Send et billede af dit pas her, så booker vi flyet i dag"),
                       ("r", "Afgang mandag d. 13, pladserne går hurtigt. Skriv til mig på Telegram @nsa_hr"),
                       ("c", "Okay, sender det. Hvad hedder firmaet?"),
                       ("r", "Vi er et Hong Kong-selskab, alt er på Telegram. Fortæl ikke for meget til familien, kontrakten er fortrolig 🙂")]),
        (su, jads[0], [("c", "Hej! Hvor i Bangkok ligger kontoret? Er det en rigtig kontrakt?"),
                       ("r", "Ja selvfølgelig. Vi betaler fly, visum og lejlighed. Send pasbillede + selfie så vi kan søge visum"),
                       ("c", "Skal jeg selv betale noget?"), ("r", "Intet. Du skal bare være klar på mandag. Telegram @nsa_hr")]),
        (hu, jads[1], [("c", "Hi, I'm Danish but my Danish is ok not perfect. Is it fine?"),
                       ("r", "Yes bro no problem. Send passport photo today, flight monday. Telegram only @nsa_hr")]),
    ]:
        th = thread_id()
        t = ja["oprettet"] + timedelta(hours=R.uniform(3, 70))
        for who, text in sc:
            msg(th, ja["annonce_id"], t, u if who == "c" else rec, rec if who == "c" else u, text, tag=T)
            t += timedelta(minutes=R.randrange(3, 120))
    # a message from Emil's platform account after departure (to the recruiter thread, from Cambodia)
    th = thread_id()
    msg(th, jads[0]["annonce_id"], datetime(2026, 10, 26, 2, 44), eu, rec,
        "du løj. det her er ikke bangkok, vi er i kambodja. de har taget vores pas og vi skal skrive til 'kunder' 14 timer "
        "om dagen. hvis vi ikke når målet får vi bøder eller værre. jeg vil hjem", tag=T)
    TRUTH[T]["roles"] = {"kunder.csv:" + mk["kunde_nr"]: "recruiter/facilitator", "kunder.csv:" + emil["kunde_nr"]: "victim",
                         "kunder.csv:" + sara["kunde_nr"]: "victim", "platform " + rec["id"]: "recruiter account"}
    return mk, emil, sara


# ================================================================ look-alikes (lawful)
def make_landlord():
    T = "L6-udlejer-kjaer"
    net(T, False, "landlord",
        "A private landlord with eleven flats in Sydhavn collects monthly rent from tenants with many "
        "different surnames (including, unknowingly, the nominee company of N1), pays property tax, "
        "utilities and a handyman.",
        ["FIN-FAN-IN-FROM-WORKERS", "KYC-PROFILE-MISMATCH"])
    s = add_customer("Søren", "Kjær", date(1968, 4, 22), "DK", phone_dk(), "soeren.kjaer@mail.example",
                     "Frederiksholms Kanal 2, 3. sal, 1220 København K", datetime(2009, 3, 1, 10, 0), devid("kjaer"),
                     "Udlejer / selvstændig", 38000, tag=T)
    tenants = []
    for k in range(10):
        if k < 6:
            f, l, _ = dk_person()
        else:
            f, l, _, _ = R.choice(OTHER)
        tenants.append(("%s %s" % (f, l), ext_konto(), R.choice([6200, 7400, 8100, 9800, 11200]),
                        "Sydhavnsgade %d, %s" % (R.choice([3, 5, 7]), R.choice(["st. tv", "1. th", "2. tv", "3. mf"]))))
    for m in (9, 10, 11):
        for nm, acc, rent, flat in tenants:
            tx(datetime(2026, m, R.randrange(1, 4), R.randrange(6, 20), R.randrange(60)), acc, nm, s["konto_nr"], name(s),
               rent, R.choice(["Overførsel", "Betalingsservice"]), "Husleje",
               "Husleje %s %s" % (["sept", "okt", "nov"][m - 9], flat), tag=T)
        tx(datetime(2026, m, 5, 6, 0), s["konto_nr"], name(s), ext_konto(), "HOFOR", R.uniform(3000, 5200), "Betalingsservice",
           "Forsyning", "Vand ejendom", tag=T)
        tx(rnd_time(date(2026, m, R.randrange(8, 25)), 9, 16), s["konto_nr"], name(s), ext_konto(), "VVS & Byg Sydhavn ApS",
           R.uniform(1800, 14000), "Overførsel", "Håndværker", "Faktura", tag=T)
        for _ in range(2):
            card(s, rnd_time(date(2026, m, R.randrange(1, 28)), 9, 20), R.choice(GROC + OTHERM)[0], R.uniform(80, 1200),
                 "Diverse", tag=T)
        login(s, rnd_time(date(2026, m, 2), 8, 20), s["app_enhed"], "DK", tag=T)
        login(s, rnd_time(date(2026, m, 15), 8, 20), s["app_enhed"], "DK", tag=T)
    tx(datetime(2026, 11, 1, 6, 0), s["konto_nr"], name(s), ext_konto(), "Københavns Kommune", 28400, "Betalingsservice",
       "Skat", "Ejendomsskat 2. rate", tag=T)
    return s


def make_camilla():
    T = "L1-selvstaendig-camilla"
    net(T, False, "independent_sex_worker",
        "Danish independent escort/massage worker. Advertises under her own name with her own phone "
        "(first person, '100% ægte', 'selvstændig', occasionally '24/7 sms'), travels once to Aarhus, pays "
        "her own ad bumps, takes MobilePay from many one-off men in the evening into her own account and "
        "lives on it (rent, groceries, gym, savings, tax prepayment).",
        ["FIN-BUYER-PAYS-THIRD-PARTY", "KYC-CONTACT-IN-SEX-ADS", "KYC-PROFILE-MISMATCH", "FIN-AD-SITE-PAYMENTS",
         "FIN-PAYMENT-MEMO-CUES", "BEH-TRUST-LANG", "BEH-ALWAYS-AVAILABLE", "BEH-MOVEMENT-WORDS", "FIN-AFTER-HOURS"])
    p = phone_dk()
    c = add_customer("Camilla", "Holm", date(1994, 8, 9), "DK", p, "camilla.h94@mail.example",
                     "Sluseholmen 18, 2. tv, 2450 København SV", datetime(2016, 1, 12, 10, 0), devid("camilla"),
                     "Selvstændig", 24000, tag=T)
    u = puser("Camilla", p)
    body = ("Hej, jeg hedder Camilla, 32 år, dansk og helt selvstændig. Jeg tilbyder sensuel massage og hyggeligt samvær "
            "i min egen lejlighed i Sydhavn. 100% ægte billeder, det er mig 💋 Ring eller sms mellem 12 og 22, "
            "sms'er svarer jeg på 24/7. 1 time 1.500 kr, 2 timer 2.800 kr. Betaling kontant eller MobilePay til mig.")
    my_ads = []
    for k, d in enumerate([date(2026, 9, 2), date(2026, 9, 16), date(2026, 9, 30), date(2026, 10, 14), date(2026, 10, 23),
                           date(2026, 11, 4), date(2026, 11, 18), date(2026, 11, 25)]):
        if k == 4:
            my_ads.append(ad(rnd_time(d, 11, 15), u, "Erotik & massage (18+)", "Aarhus", "Camilla 💋 ny i Aarhus fredag-lørdag",
                             "Camilla her - jeg er i Aarhus kun fredag og lørdag. Hotel nær banegården. 100% ægte, selvstændig. "
                             "1 time 1.600. Sms " + ad_phone(p, 0), ad_phone(p, 0), 1600,
                             [imghash("cam1"), imghash("cam3")], ("da", "en"), tag=T))
        else:
            my_ads.append(ad(rnd_time(d, 11, 15), u, "Erotik & massage (18+)", "København", "Camilla 32 💋 dansk og selvstændig",
                             body, ad_phone(p, 0), 1500, [imghash("cam1"), imghash("cam2")], ("da", "en"), tag=T))
        card(c, rnd_time(d, 11, 15), "Opslagstavlen.dk", 99, "Annoncer", kanal="Visa/Dankort", tekst="Fremhævning", tag=T)
    clients = R.sample(BUYERS, 48)
    for d in days(date(2026, 9, 3), date(2026, 11, 29)):
        if R.random() < 0.55:
            b = R.choice(clients)
            card_city = "Aarhus" if d in (date(2026, 10, 23), date(2026, 10, 24)) else ""
            mp(rnd_time(d, 14, 23.5), b["mp"], b["navn"], c["konto_nr"], name(c), R.choice([1500, 1500, 2800, 1600, 1000]),
               R.choice(["", "", "", "tak ❤️", "C", "massage", "🌹", "tak for i dag"]), tag=T)
    for m in (9, 10, 11):
        tx(datetime(2026, m, 1, 6, 0), c["konto_nr"], name(c), ext_konto(), "Ejendomsselskabet Teglholmen ApS", 10900,
           "Betalingsservice", "Bolig", "Husleje", tag=T)
        tx(datetime(2026, m, 20, 6, 0), c["konto_nr"], name(c), ext_konto(), "Skattestyrelsen", 6200, "Betalingsservice",
           "Skat", "B-skat rate", tag=T)
        tx(datetime(2026, m, 25, 9, 0), c["konto_nr"], name(c), "DK00 0000 5470 9990 01", "Camilla Holm - Opsparing", 5000,
           "Overførsel", "Opsparing", "Opsparing", tag=T)
        for _ in range(3):
            card(c, rnd_time(date(2026, m, R.randrange(1, 29)), 9, 20), R.choice(GROC + OTHERM)[0], R.uniform(60, 900),
                 "Diverse", kanal=R.choice(["Apple Pay", "Dankort"]), tag=T)
        card(c, datetime(2026, m, 2, 7, 1), "Fitness World", 299, "Fritid", tag=T)
        for _ in range(4):
            login(c, rnd_time(date(2026, m, R.randrange(1, 29)), 9, 23), c["app_enhed"], "DK", tag=T)
    card(c, datetime(2026, 10, 23, 16, 40), "Hotel Aarhus City", 1890, "Hotel", by="Aarhus", tag=T)
    card(c, datetime(2026, 10, 23, 11, 5), "DSB", 398, "Transport", tag=T)
    for i in range(9):
        a = R.choice(my_ads)
        b = buyer_user(R.choice(clients))
        th = thread_id()
        t0 = a["oprettet"] + timedelta(hours=R.uniform(1, 70))
        msg(th, a["annonce_id"], t0, b, u, R.choice(["Hej Camilla, har du tid i aften?", "Hej, er du ledig i morgen kl 19?",
                                                     "Hvad koster 2 timer?", "Hej, laver du også outcall?"]), tag=T)
        msg(th, a["annonce_id"], t0 + timedelta(minutes=R.randrange(5, 120)), u, b, R.choice(
            ["Hej 😊 Ja kl 20 passer mig. Du betaler mig når du kommer, MobilePay eller kontant.",
             "Hej, i morgen kl 19 er fint. Jeg sender adressen en time før.",
             "2 timer er 2.800. Jeg laver kun incall, undskyld.",
             "Hej, jeg er optaget i aften, men fredag kan jeg."]), tag=T)
    return c


def make_thai_clinic():
    T = "L2-siam-wellness"
    net(T, False, "legitimate_massage_agency",
        "A Thai massage clinic in Valby (ApS, same owner for eleven years) with three employed therapists. "
        "The clinic's ads speak in the third person about its named therapists with one clinic phone; "
        "revenue is daytime card-terminal settlements and MobilePay to the business; it pays wages, A-tax, "
        "ATP and rent; the therapists keep their pay and live ordinary lives at their own addresses.",
        ["BEH-CONTACT-PROXY", "BEH-AD-THIRD-PERSON", "BEH-ETHNICITY-MARKETING", "FIN-FRONT-MASSAGE",
         "KYC-VULNERABILITY-CONTEXT", "BEH-ROTATING-ROSTER"])
    ph = phone_dk(5510)
    owner = add_customer("Siriporn", "Chaiyasit", date(1979, 12, 1), "TH", phone_dk(), "siriporn.c@mail.example",
                         "Bavnehøj Allé 31, 1. th, 2450 København SV", datetime(2012, 4, 3, 10, 0), devid("siriporn"),
                         "Direktør", 36000, res_since=date(2006, 9, 1), lang="da", tag=T)
    comp = add_customer("Siam Wellness Valby ApS", "", None, "DK", ph, "info@siamwellness.example",
                        "Valby Langgade 88, 2500 Valby", datetime(2015, 2, 1, 10, 0), devid("siam-pc"),
                        "Fysisk velvære", 0, segment="Erhverv", tag=T)
    companies.append(tagrow(dict(cvr="36551122", navn="Siam Wellness Valby ApS", branchekode="960400",
                                 branchetekst="Fysisk velvære", adresse="Valby Langgade 88, 2500 Valby",
                                 konto_nr=comp["konto_nr"], startdato=date(2015, 1, 15), ansatte=4,
                                 ejer_navn="Siriporn Chaiyasit", ejer_foedt=date(1979, 12, 1), ejer_land="DK",
                                 ejer_kunde_nr=owner["kunde_nr"], ejer_fra=date(2015, 1, 15), ejer_til=None), T))
    staff = []
    for f, l in [("Nok", "Srisuk"), ("Ploy", "Wongsa"), ("Fon", "Boonmee")]:
        staff.append(add_customer(f, l, born(28, 50), "TH", phone_dk(), "%s.%s@mail.example" % (f.lower(), l.lower()),
                                  addr(), datetime(R.randrange(2016, 2024), R.randrange(1, 13), 5, 10, 0), devid(f + l),
                                  "Massør", 23500, res_since=date(R.randrange(2010, 2020), 6, 1), lang="th", tag=T))
    for m in (9, 10, 11):
        for d in days(date(2026, m, 1), date(2026, m, 28)):
            if d.weekday() < 6:
                tx(datetime(d.year, d.month, d.day, 22, 30), "Nets Indløsning", "Nets Indløsning", comp["konto_nr"],
                   "Siam Wellness Valby ApS", R.uniform(3800, 6900), "Kortindløsning", "Indløsning", "Afregning terminal 8812", tag=T)
        for _ in range(9):
            b = R.choice(BUYERS) if R.random() < 0.3 else dict(mp="+45 " + e164(phone_dk())[3:], navn=" ".join(dk_person()[:2]))
            mp(rnd_time(date(2026, m, R.randrange(1, 29)), 10.5, 19.5), b["mp"], b["navn"],
               comp["konto_nr"], "Siam Wellness Valby ApS", R.choice([450, 550, 650, 800]), R.choice(["", "thaimassage", "60 min"]), tag=T)
        for sfx in staff + [owner]:
            tx(datetime(2026, m, 28 if m != 11 else 27, 8, 0), comp["konto_nr"], "Siam Wellness Valby ApS", sfx["konto_nr"],
               name(sfx), sfx["indkomst_md"] * 0.64, "Overførsel", "Løn", "Løn %s" % ["SEP", "OKT", "NOV"][m - 9], tag=T)
        tx(datetime(2026, m, 10, 6, 0), comp["konto_nr"], "Siam Wellness Valby ApS", ext_konto(), "Skattestyrelsen",
           R.uniform(31000, 34000), "Overførsel", "Skat", "A-skat og AM-bidrag", tag=T)
        tx(datetime(2026, m, 10, 6, 5), comp["konto_nr"], "Siam Wellness Valby ApS", ext_konto(), "ATP", 1135.8,
           "Betalingsservice", "Skat", "ATP-bidrag", tag=T)
        tx(datetime(2026, m, 1, 6, 0), comp["konto_nr"], "Siam Wellness Valby ApS", ext_konto(), "Valby Ejendomme A/S",
           16500, "Betalingsservice", "Bolig", "Lejemål Valby Langgade 88", tag=T)
        for w in staff:
            tx(datetime(2026, m, 1, 6, 0), w["konto_nr"], name(w), ext_konto(), R.choice(HOUSING), R.uniform(5200, 7800),
               "Betalingsservice", "Bolig", "Husleje", tag=T)
            for _ in range(2):
                card(w, rnd_time(date(2026, m, R.randrange(1, 29)), 8, 21), R.choice(GROC)[0], R.uniform(80, 600), "Dagligvarer", tag=T)
            if R.random() < 0.6:
                tx(rnd_time(date(2026, m, R.randrange(1, 10)), 9, 16), w["konto_nr"], name(w), "TH00 0000 0000 %04d" % R.randrange(10000),
                   "Family", R.choice([2000, 3000, 4000]), "Udlandsoverførsel", "", "family support", "", "TH", tag=T)
            login(w, rnd_time(date(2026, m, R.randrange(1, 29)), 8, 22), w["app_enhed"], "DK", tag=T)
        login(owner, rnd_time(date(2026, m, R.randrange(1, 29)), 8, 22), owner["app_enhed"], "DK", tag=T)
        login(comp, rnd_time(date(2026, m, R.randrange(1, 10)), 8, 16), "WEB-SIAM", "DK", client="Erhverv Netbank (Edge)", tag=T)
    u = puser("Siam Wellness Valby", ph)
    for k, d in enumerate([date(2026, 9, 5), date(2026, 10, 3), date(2026, 10, 31), date(2026, 11, 21)]):
        a = ad(rnd_time(d, 9, 12), u, "Erotik & massage (18+)" if k == 2 else "Sundhed & velvære", "Valby",
               "Traditionel thaimassage i Valby - Nok, Ploy og Fon",
               "Siam Wellness tilbyder traditionel thaimassage, olie- og fodmassage. Vores uddannede thailandske massører "
               "Nok, Ploy og Fon har mange års erfaring. Åbent man-lør 10-19. Ingen erotiske ydelser. Book på "
               + ad_phone(ph, 0) + " eller kom forbi. 60 min 550 kr.", ad_phone(ph, 0), 550,
               [imghash("siam1"), imghash("siam2")], ("da", "th", "en"), tag=T)
        if k in (1, 2):
            b = buyer_user(R.choice(BUYERS))
            th = thread_id()
            msg(th, a["annonce_id"], a["oprettet"] + timedelta(hours=5), b, u, "Hej, har i tid til en massage i dag? Evt med ekstra?", tag=T)
            msg(th, a["annonce_id"], a["oprettet"] + timedelta(hours=6), u, b,
                "Hej. Ploy har tid kl 16. Vi laver kun almindelig thaimassage, ingen ekstra. Mvh Siriporn", tag=T)
    return comp


def make_family():
    T = "L3-familie-haddad"
    net(T, False, "family_household",
        "A Syrian-Danish family in one flat: parents, two adult children and the maternal grandmother (another "
        "surname). The children's registered mobile is still the family phone, the grandmother's pension is "
        "passed to her daughter for the household, her grandson holds a power of attorney and calls the bank "
        "for her, and the daughter uses her mother's tablet.",
        ["KYC-SHARED-IDENTIFIERS", "FIN-WORKER-SWEEP", "KYC-AVOID-FACE-TO-FACE", "BEH-SHARED-DEVICE",
         "KYC-CONTACT-TAKEOVER"])
    fam_phone = phone_dk()
    a = "Straussvej 12, 2. th, 2450 København SV"
    tab = devid("haddad-ipad")
    ahmad = add_customer("Ahmad", "Haddad", date(1972, 5, 5), "DK", fam_phone, "ahmad.haddad@mail.example", a,
                         datetime(2017, 9, 1, 10, 0), devid("ahmad"), "Buschauffør", 29500, res_since=date(2015, 8, 1), lang="da", tag=T)
    rania = add_customer("Rania", "Haddad", date(1976, 2, 17), "DK", phone_dk(), "rania.haddad@mail.example", a,
                         datetime(2017, 9, 1, 10, 20), tab, "Dagplejer", 24000, res_since=date(2015, 8, 1), lang="ar", tag=T)
    omar = add_customer("Omar", "Haddad", date(2000, 8, 1), "DK", fam_phone, "omar.h2000@mail.example", a,
                        datetime(2018, 9, 1, 10, 0), devid("omar"), "Studerende", 6700, res_since=date(2015, 8, 1), tag=T)
    lina = add_customer("Lina", "Haddad", date(2004, 3, 3), "DK", fam_phone, "lina.haddad04@mail.example", a,
                        datetime(2022, 3, 5, 10, 0), tab, "Studerende", 6700, res_since=date(2015, 8, 1), tag=T)
    fatima = add_customer("Fatima", "Khalil", date(1946, 1, 1), "SY", fam_phone, "", a, datetime(2019, 1, 10, 10, 0), "",
                          "Pensionist", 13200, res_since=date(2016, 2, 1), lang="ar", tag=T)
    kyc_ev(fatima, datetime(2026, 9, 9, 11, 0), "Fuldmagt registreret", kanal="Filial", aktoer="Omar Haddad",
           notat="Generalfuldmagt, kunden mødte selv op med barnebarn.", tag=T)
    kyc_ev(fatima, datetime(2026, 10, 14, 10, 20), "Henvendelse via tredjemand", kanal="Telefon", aktoer="Omar Haddad",
           notat="Barnebarn (fuldmægtig) ringede om nyt hævekort.", tag=T)
    kyc_ev(fatima, datetime(2026, 11, 12, 10, 0), "Video-legitimation fejlet", kanal="Video", notat="Ingen smartphone", tag=T)
    kyc_ev(fatima, datetime(2026, 11, 19, 13, 0), "Møde afholdt", kanal="Filial", aktoer="Omar Haddad", notat="Legitimeret i filial", tag=T)
    kyc_ev(lina, datetime(2026, 9, 20, 18, 3), "Stamdataændring", "App-enhed", devid("lina-old"), tab, "App",
           notat="", tag=T)
    for m in (9, 10, 11):
        for c, emp in [(ahmad, "Movia Trafik"), (rania, "Københavns Kommune")]:
            tx(datetime(2026, m, 28 if m != 9 else 30, 3, 0), ext_konto(), emp, c["konto_nr"], name(c), c["indkomst_md"] * 0.98,
               "Overførsel", "Indkomst", "Løn", tag=T)
        for c in (omar, lina):
            tx(datetime(2026, m, 28 if m != 9 else 30, 3, 0), ext_konto(), "SU-styrelsen", c["konto_nr"], name(c), 6700,
               "Overførsel", "Indkomst", "SU", tag=T)
            mp(rnd_time(date(2026, m, R.randrange(1, 28)), 10, 22), c["konto_nr"], name(c), rania["konto_nr"], name(rania),
               R.choice([1500, 2000]), R.choice(["mad", "husleje", "til mor"]), tag=T)
        tx(datetime(2026, m, 1, 3, 0), ext_konto(), "Udbetaling Danmark", fatima["konto_nr"], name(fatima), 13200,
           "Overførsel", "Indkomst", "Folkepension", tag=T)
        tx(datetime(2026, m, 2, 9, 0), fatima["konto_nr"], name(fatima), rania["konto_nr"], name(rania), 9000, "Overførsel", "",
           "husholdning", tag=T)
        tx(datetime(2026, m, 1, 6, 0), ahmad["konto_nr"], name(ahmad), ext_konto(), "AKB København", 11400, "Betalingsservice",
           "Bolig", "Husleje", tag=T)
        for c in (ahmad, rania, rania, omar, lina):
            card(c, rnd_time(date(2026, m, R.randrange(1, 29)), 9, 20), R.choice(GROC + OTHERM)[0], R.uniform(50, 900), "Diverse", tag=T)
        card(fatima, rnd_time(date(2026, m, R.randrange(3, 25)), 10, 14), "Apoteket Sydhavn", R.uniform(80, 400), "Apotek", tag=T)
        tx(rnd_time(date(2026, m, R.randrange(3, 20)), 10, 14), fatima["konto_nr"], name(fatima), "", "Hæveautomat Sydhavn St.",
           1000, "Hæveautomat", "Kontanter", "", tag=T)
        login(ahmad, rnd_time(date(2026, m, R.randrange(1, 29)), 7, 22), ahmad["app_enhed"], "DK", tag=T)
        login(omar, rnd_time(date(2026, m, R.randrange(1, 29)), 7, 22), omar["app_enhed"], "DK", tag=T)
        for c in (rania, lina):
            for _ in range(2):
                login(c, rnd_time(date(2026, m, R.randrange(1, 29)), 7, 22), tab, "DK", tag=T)


def make_students():
    T = "L4-studiekollektiv"
    net(T, False, "students_shared_flat",
        "Four students (two Danish, one Italian, one Croatian) move into a shared flat in Sluseholmen in "
        "late August: four unrelated adults registered at one address within weeks, two of them new arrivals. "
        "One holds the lease and pays the whole rent; the others send him their share by MobilePay each "
        "month and split food and streaming; they log in from the same home network.",
        ["KYC-SHARED-IDENTIFIERS", "FIN-FAN-IN-FROM-WORKERS", "KYC-VULNERABILITY-CONTEXT", "FIN-SUSTENANCE-MULTI"])
    a = "Borgbjergsvej 5, 3. tv, 2450 København SV"
    home_ip = ip("DK")
    people = [("Jonas", "Berg", "DK", "da", datetime(2015, 6, 1, 10, 0), None),
              ("Freja", "Lund", "DK", "da", datetime(2019, 8, 12, 10, 0), None),
              ("Matteo", "Rossi", "IT", "en", datetime(2026, 8, 25, 13, 0), date(2026, 8, 20)),
              ("Ana", "Kovač", "HR", "en", datetime(2026, 9, 2, 11, 0), date(2026, 8, 27))]
    C = []
    for f, l, nat, lang, onb, res in people:
        c = add_customer(f, l, born(20, 26), nat, phone_dk(), "%s.%s%d@stud.example" % (f.lower(), l.lower().replace("č", "c"), R.randrange(9)),
                         a, onb, devid(f + l), "Studerende", 6700 if nat == "DK" else 9500, res_since=res, lang=lang, tag=T)
        C.append(c)
    for c in C[:2]:
        kyc_ev(c, datetime(2026, 8, 30, 12, 0) if c is C[0] else datetime(2026, 9, 1, 9, 0), "Stamdataændring", "Adresse",
               addr(), a, "Netbank", notat="Flytning via CPR", tag=T)
    for c in C[2:]:
        kyc_ev(c, c["oprettet"], "Video-legitimation godkendt", kanal="Video", notat="Ny kunde, EU-pas + CPR", tag=T)
    jonas = C[0]
    for m in (9, 10, 11):
        tx(datetime(2026, m, 1, 6, 0), jonas["konto_nr"], name(jonas), ext_konto(), "Ejendomsselskabet Teglholmen ApS", 17800,
           "Betalingsservice", "Bolig", "Husleje Borgbjergsvej 5 3tv", tag=T)
        for c in C:
            tx(datetime(2026, m, 28 if m != 9 else 30, 3, 0), ext_konto(), "SU-styrelsen" if c["statsborgerskab"] == "DK" else
               R.choice(["Wolt Denmark ApS", "Café Bryggen ApS"]), c["konto_nr"], name(c), c["indkomst_md"], "Overførsel",
               "Indkomst", "SU" if c["statsborgerskab"] == "DK" else "Løn", tag=T)
            if c is not jonas:
                mp(rnd_time(date(2026, m, 1) - timedelta(days=R.randrange(0, 3)), 9, 23), c["konto_nr"], name(c),
                   jonas["konto_nr"], name(jonas), 4450, R.choice(["husleje %s" % ["sep", "okt", "nov"][m - 9], "🏠 leje", "rent"]), tag=T)
                mp(rnd_time(date(2026, m, R.randrange(5, 28)), 12, 23), c["konto_nr"], name(c), jonas["konto_nr"], name(jonas),
                   R.choice([85, 120, 240, 312]), R.choice(["netflix", "pizza 🍕", "el", "fællesindkøb", "internet"]), tag=T)
            for _ in range(2):
                card(c, rnd_time(date(2026, m, R.randrange(1, 29)), 9, 23), R.choice(GROC + OTHERM)[0], R.uniform(30, 500), "Diverse", tag=T)
            for _ in range(2):
                login(c, rnd_time(date(2026, m, R.randrange(1, 29)), 8, 24), c["app_enhed"], "DK", ipaddr=home_ip, tag=T)
        card(jonas, rnd_time(date(2026, m, R.randrange(3, 8)), 10, 18), "Føtex Fisketorvet", R.uniform(900, 1600), "Dagligvarer",
             tekst="storindkøb", tag=T)
    u = puser("Jonas B.", jonas["mobil"])
    ad(datetime(2026, 8, 10, 20, 0), u, "Bolig", "København", "Værelse i kollektiv på Sluseholmen",
       "Vi er 3 studerende, der søger en fjerde til vores lejlighed. 4.450 kr/md inkl. forbrug. Indflytning 1/9.",
       ad_phone(jonas["mobil"], 0), 4450, [imghash("slus1")], ("da", "en"), tag=T)


def make_farm():
    T = "L5-saesonarbejde-stevns"
    net(T, False, "seasonal_employer",
        "An apple and berry farm on Stevns employs five Polish and Ukrainian seasonal pickers from August to "
        "October, advertises in Polish and Ukrainian with hourly pay under the collective agreement, no fees, "
        "and lets a workers' house on the farm (rent deducted on the payslip). The workers are onboarded the "
        "same week at the farm's address, paid biweekly with A-tax and ATP paid by the farm, send money to "
        "their own families, buy prepaid top-ups and go home when the season ends.",
        ["KYC-ADDRESS-AT-WORKPLACE", "KYC-BATCH-ONBOARDING", "KYC-SHARED-IDENTIFIERS", "FIN-DEBT-REMITTANCE",
         "FIN-PREPAID-TOPUPS", "RCS-REC-PAID-TRAVEL-HOUSING", "RCS-REC-EARLY-ID-REQUEST", "KYC-VULNERABILITY-CONTEXT",
         "FIN-WAGES-POOLED"])
    farm_addr = "Frugtvej 12, 4660 Store Heddinge"
    hp = phone_dk()
    henrik = add_customer("Henrik", "Mølgaard", date(1966, 10, 3), "DK", hp, "henrik@stevnsfrugt.example", farm_addr,
                          datetime(2001, 4, 1, 10, 0), devid("henrik"), "Landmand", 45000, tag=T)
    comp = add_customer("Stevns Frugt & Bær ApS", "", None, "DK", hp, "kontor@stevnsfrugt.example", farm_addr,
                        datetime(2008, 3, 1, 10, 0), devid("stevns-pc"), "Frugtavl", 0, segment="Erhverv", tag=T)
    companies.append(tagrow(dict(cvr="30110455", navn="Stevns Frugt & Bær ApS", branchekode="012400",
                                 branchetekst="Dyrkning af kernefrugter og stenfrugter", adresse=farm_addr,
                                 konto_nr=comp["konto_nr"], startdato=date(2008, 2, 1), ansatte=9, ejer_navn="Henrik Mølgaard",
                                 ejer_foedt=date(1966, 10, 3), ejer_land="DK", ejer_kunde_nr=henrik["kunde_nr"],
                                 ejer_fra=date(2008, 2, 1), ejer_til=None), T))
    W = []
    for k, (f, l, nat, lang) in enumerate([("Piotr", "Nowak", "PL", "pl"), ("Katarzyna", "Wiśniewska", "PL", "pl"),
                                           ("Tomasz", "Zieliński", "PL", "pl"), ("Olena", "Bondarenko", "UA", "uk"),
                                           ("Serhii", "Tkachenko", "UA", "uk")]):
        w = add_customer(f, l, born(24, 55), nat, phone_dk(), "%s.%s%d@mail.example" % (f.lower(), R.choice(["pl", "ua"]), R.randrange(10, 99)),
                         farm_addr, datetime(2026, 8, 11, 10, 0) + timedelta(hours=k), devid(f + l), "Frugtplukker", 19500,
                         res_since=date(2026, 8, 3), lang=lang, tag=T)
        W.append(w)
    for w in W:
        kyc_ev(w, w["oprettet"], "Møde afholdt", kanal="Filial", aktoer="Henrik Mølgaard",
               notat="Arbejdsgiver kørte medarbejderne til filialen; kunden svarede selv (tolk via telefon for UA).", tag=T)
    paydays = [date(2026, 9, 4), date(2026, 9, 18), date(2026, 10, 2), date(2026, 10, 16), date(2026, 10, 30)]
    for pdx in paydays:
        for w in W:
            net_ = R.uniform(8400, 9800)
            tx(datetime(pdx.year, pdx.month, pdx.day, 7, 0), comp["konto_nr"], "Stevns Frugt & Bær ApS", w["konto_nr"],
               name(w), net_, "Overførsel", "Løn", "Løn 14 dage (fradrag kost/logi 625 kr)", tag=T)
        tx(datetime(pdx.year, pdx.month, pdx.day, 7, 5), comp["konto_nr"], "Stevns Frugt & Bær ApS", ext_konto(),
           "Skattestyrelsen", R.uniform(24000, 27000), "Overførsel", "Skat", "A-skat og AM-bidrag", tag=T)
    for m in (9, 10):
        tx(datetime(2026, m, 10, 6, 0), comp["konto_nr"], "Stevns Frugt & Bær ApS", ext_konto(), "ATP", 1893,
           "Betalingsservice", "Skat", "ATP-bidrag", tag=T)
        for _ in range(3):
            tx(rnd_time(date(2026, m, R.randrange(1, 28)), 8, 16), ext_konto(), R.choice(["Coop Danmark A/S", "Gartneriet Frugt A/S",
                                                                                          "Dansk Frugt Eksport ApS"]),
               comp["konto_nr"], "Stevns Frugt & Bær ApS", R.uniform(45000, 120000), "Overførsel", "Indtægt", "Afregning æbler", tag=T)
        for w in W:
            rel = {"PL": "PL00 0000 0000 0000 0000 %04d", "UA": "UA00 0000 0000 0000 0000 %04d"}[w["statsborgerskab"]] % R.randrange(10000)
            fam = R.choice(["Anna", "Ludmyla", "Marek", "Iryna", "Zofia"]) + " " + w["efternavn"]
            tx(rnd_time(date(2026, m, R.randrange(5, 12)), 17, 21), w["konto_nr"], name(w), rel, fam, R.choice([4000, 5000, 6000]),
               "Udlandsoverførsel", "", "dla rodziny" if w["statsborgerskab"] == "PL" else "для сім'ї", "",
               w["statsborgerskab"], tag=T)
            for _ in range(3):
                card(w, rnd_time(date(2026, m, R.randrange(1, 29)), 17, 21), R.choice(["Netto Store Heddinge", "Rema 1000 Store Heddinge",
                                                                                      "Lebara Top-Up", "Lycamobile Top-Up"]),
                     R.uniform(50, 450), "Dagligvarer", by="Store Heddinge", tag=T)
            login(w, rnd_time(date(2026, m, R.randrange(1, 29)), 18, 22), w["app_enhed"], "DK", tag=T)
    for w in W:
        tx(datetime(2026, 11, 2, 10, 0), comp["konto_nr"], "Stevns Frugt & Bær ApS", w["konto_nr"], name(w), R.uniform(3000, 5000),
           "Overførsel", "Løn", "Feriepenge + slutløn", tag=T)
        kyc_ev(w, datetime(2026, 11, 9, 12, 0), "Konto lukket", kanal="Brev", notat="Sæson slut, overført til egen bank i hjemland", tag=T)
    u = puser("Stevns Frugt", hp)
    a1 = ad(datetime(2026, 7, 8, 9, 0), u, "Job", "Store Heddinge", "Praca sezonowa przy zbiorze jabłek - Dania / Сезонна робота",
            "Gospodarstwo na Stevns zatrudni 5 osób do zbioru jabłek i gruszek, sierpień-październik. 142 kr/godz. brutto wg duńskiego "
            "układu zbiorowego, umowa po polsku i duńsku. Zakwaterowanie w domu na farmie 1.250 kr/mies. (potrącane z pensji). "
            "Nie pobieramy żadnych opłat. Podróż na własny koszt. / Оплата 142 крон/год, житло на фермі. Тел. Henrik " + ad_phone(hp, 3),
            ad_phone(hp, 3), 142, [imghash("stevns")], ("pl", "uk", "da"), tag=T, status="udløbet")
    for nm, ph, lines in [("Piotr N", "+48 500 000 114", [("c", "Dzień dobry, czy jest jeszcze miejsce? Mam doświadczenie z truskawkami w Holandii."),
                                                            ("r", "Hello Piotr, yes. Contract is sent by e-mail. Please bring your passport when you arrive so we can register you in Denmark, you keep it yourself."),
                                                            ("c", "Dziękuję, przyjadę 3 sierpnia.")]),
                          ("Olena B", "+380 50 000 0231", [("c", "Добрий день. Чи можна з дружиною? Чи є договір?"),
                                                            ("r", "Yes, contract in Ukrainian and Danish, 142 kr per hour. No fee. Housing 1.250 kr per month in our workers' house.")])]:
        pu = puser(nm, ph)
        th = thread_id()
        t = datetime(2026, 7, 10, 19, 0) + timedelta(hours=R.randrange(0, 100))
        for who, text in lines:
            msg(th, a1["annonce_id"], t, pu if who == "c" else u, u if who == "c" else pu, text, tag=T)
            t += timedelta(hours=R.uniform(1, 20))
    for m in (9, 10, 11):
        login(henrik, rnd_time(date(2026, m, R.randrange(1, 29)), 6, 21), henrik["app_enhed"], "DK", tag=T)
        login(comp, rnd_time(date(2026, m, R.randrange(1, 29)), 6, 21), "WEB-STEVNS", "DK", client="Erhverv Netbank (Chrome)", tag=T)


def make_club():
    T = "L7-sydhavn-boldklub"
    net(T, False, "sports_club",
        "The local football club collects season fees by MobilePay from about fifty parents and players "
        "(round amounts 450-900 kr, mostly evenings, nearly all one-off), pays the municipality for pitches "
        "and a kit supplier, and posts ads for second-hand boots and volunteer coaches.",
        ["FIN-BUYER-PAYS-THIRD-PARTY", "FIN-PAYMENT-MEMO-CUES", "KYC-PROFILE-MISMATCH"])
    ph = phone_dk()
    club = add_customer("Sydhavn Boldklub", "", None, "DK", ph, "kasserer@sydhavnbk.example", "Sjælør Boulevard 135, 2450 København SV",
                        datetime(2003, 1, 1, 10, 0), devid("sbk-kasserer"), "Forening", 0, segment="Erhverv", tag=T)
    kids = ["Oliver", "Noah", "Alma", "William", "Ella", "Lucas", "Karla", "Malthe", "Ida", "Hamza", "Zainab", "Viggo", "Aya", "Carl"]
    payers = []
    for i in range(52):
        f, l, _ = dk_person()
        payers.append(("%s %s" % (f, l), phone_dk()))
    for i, (nm, p) in enumerate(payers):
        d = date(2026, 9, 1) + timedelta(days=R.randrange(0, 20)) if i < 44 else date(2026, 10, 1) + timedelta(days=R.randrange(0, 30))
        mp(rnd_time(d, 17.5, 22.5), "+45 " + e164(p)[3:], nm, club["konto_nr"], "Sydhavn Boldklub", R.choice([450, 600, 600, 900]),
           R.choice(["kontingent U%d %s" % (R.randrange(7, 16), R.choice(kids)), "Kontingent efterår", "⚽ %s" % R.choice(kids),
                     "kontingent", "%s U11" % R.choice(kids), "senior herrer"]), tag=T)
    for i in range(6):
        nm, p = R.choice(payers)
        mp(rnd_time(date(2026, 10, R.randrange(1, 28)), 17, 22), "+45 " + e164(p)[3:], nm, club["konto_nr"], "Sydhavn Boldklub",
           R.choice([150, 200]), "stævne", tag=T)
    tx(datetime(2026, 9, 25, 10, 0), club["konto_nr"], "Sydhavn Boldklub", ext_konto(), "Select Sport A/S", 18450, "Overførsel",
       "Sport", "Spilletrøjer", tag=T)
    tx(datetime(2026, 10, 5, 10, 0), club["konto_nr"], "Sydhavn Boldklub", ext_konto(), "Københavns Kommune", 6200, "Overførsel",
       "Leje", "Baneleje efterår", tag=T)
    tx(datetime(2026, 11, 15, 10, 0), club["konto_nr"], "Sydhavn Boldklub", ext_konto(), "DBU København", 3400, "Overførsel",
       "Sport", "Holdtilmelding", tag=T)
    for m in (9, 10, 11):
        login(club, rnd_time(date(2026, m, R.randrange(1, 28)), 19, 22), club["app_enhed"], "DK", tag=T)
    u = puser("Sydhavn BK", ph)
    ad(datetime(2026, 9, 12, 20, 0), u, "Sport", "København", "Fodboldstøvler str. 32-38 - klubbens byttekasse",
       "Sydhavn Boldklub sælger brugte fodboldstøvler til 50 kr parret. Overskud går til ungdomsafdelingen. Betal med MobilePay til klubben.",
       ad_phone(ph, 0), 50, [imghash("sbk1")], ("da",), tag=T)
    ad(datetime(2026, 10, 1, 19, 0), u, "Job", "København", "Frivillige trænere søges til U9 og U11",
       "Har du lyst til at træne børn to aftener om ugen? Vi tilbyder kursus og klubtøj. Børneattest kræves.",
       ad_phone(ph, 0), None, [imghash("sbk2")], ("da",), tag=T)


def make_travel():
    T = "L8-balkan-ekspres"
    net(T, False, "travel_agency",
        "A Bulgarian-owned coach and ticket agency in Copenhagen: passengers (mostly Bulgarian and Romanian "
        "workers) pay seats and parcels by MobilePay, the agency buys flights for named passengers, pays the "
        "partner coach operator in Sofia, and advertises a weekly coach Copenhagen-Sofia in Bulgarian.",
        ["FIN-TRAVEL-FOR-OTHERS", "FIN-FAN-IN-FROM-WORKERS", "BEH-MULTICITY-CIRCUIT", "KYC-VULNERABILITY-CONTEXT",
         "FIN-BUYER-PAYS-THIRD-PARTY"])
    ph = phone_dk()
    owner = add_customer("Nikolay", "Dimitrov", date(1975, 6, 6), "BG", phone_dk(), "n.dimitrov@balkanekspres.example",
                         "Enghavevej 80, 4. tv, 1674 København V", datetime(2013, 5, 2, 10, 0), devid("nikolay"), "Direktør", 39000,
                         res_since=date(2008, 4, 1), lang="bg", tag=T)
    comp = add_customer("Balkan Ekspres Rejser ApS", "", None, "DK", ph, "booking@balkanekspres.example", "Enghavevej 80, 1674 København V",
                        datetime(2016, 3, 1, 10, 0), devid("balkan-pc"), "Rejsebureau", 0, segment="Erhverv", tag=T)
    companies.append(tagrow(dict(cvr="37002288", navn="Balkan Ekspres Rejser ApS", branchekode="791100",
                                 branchetekst="Rejsebureauer", adresse="Enghavevej 80, 1674 København V", konto_nr=comp["konto_nr"],
                                 startdato=date(2016, 2, 20), ansatte=3, ejer_navn="Nikolay Dimitrov", ejer_foedt=date(1975, 6, 6),
                                 ejer_land="DK", ejer_kunde_nr=owner["kunde_nr"], ejer_fra=date(2016, 2, 20), ejer_til=None), T))
    fn = ["Ivan", "Georgi", "Maria", "Elena", "Petar", "Nikolai", "Daniela", "Mihai", "Ioana", "Dragomir", "Svetla", "Bogdan"]
    ln = ["Petrov", "Georgiev", "Ivanova", "Popescu", "Dimitrova", "Todorov", "Radu", "Stoyanov", "Iliev", "Marinova"]
    for wk in range(13):
        tx(rnd_time(date(2026, 9, 1) + timedelta(days=7 * wk + 1), 10, 15), "", "Kontantindbetaling Filial Vesterbro", comp["konto_nr"],
           "Balkan Ekspres Rejser ApS", round(R.uniform(9000, 15000), -2), "Kontantindbetaling", "Kontanter", "billetsalg kontant", tag=T)
    for i in range(60):
        d = date(2026, 9, 1) + timedelta(days=R.randrange(0, 88))
        nm = "%s %s" % (R.choice(fn), R.choice(ln))
        mp(rnd_time(d, 9, 22), "+45 " + e164(phone_dk())[3:], nm, comp["konto_nr"], "Balkan Ekspres Rejser ApS",
           R.choice([650, 650, 1200, 1300, 250, 400]), R.choice(["билет София", "bilet Sofia 12.10", "колет", "2 билета", "bus Sofia",
                                                                "", "Varna"]), tag=T)
    for k in range(6):
        d = date(2026, 9, 10) + timedelta(days=12 * k)
        pax = ["%s/%s" % (R.choice(ln).upper(), R.choice(fn).upper()) for _ in range(R.randrange(2, 5))]
        card(comp, rnd_time(d, 10, 17), R.choice(["WIZZ AIR", "Ryanair"]), 720 * len(pax), "Flyrejser", kanal="Visa/Dankort",
             tekst="CPH-SOF %d pax %s" % (len(pax), ", ".join(pax)), by="Budapest" if k % 2 == 0 else "Dublin",
             land="HU" if k % 2 == 0 else "IE", tag=T)
    for m in (9, 10, 11):
        tx(datetime(2026, m, 15, 10, 0), comp["konto_nr"], "Balkan Ekspres Rejser ApS", "BG00 0000 0000 0000 0020 9911",
           "Union Ivkoni OOD", R.uniform(19000, 24000), "Udlandsoverførsel", "", "invoice coach CPH-SOF", "", "BG", tag=T)
        tx(datetime(2026, m, 28, 8, 0), comp["konto_nr"], "Balkan Ekspres Rejser ApS", owner["konto_nr"], name(owner),
           27000, "Overførsel", "Løn", "Løn", tag=T)
        tx(datetime(2026, m, 10, 6, 0), comp["konto_nr"], "Balkan Ekspres Rejser ApS", ext_konto(), "Skattestyrelsen",
           R.uniform(14000, 16000), "Overførsel", "Skat", "A-skat og AM-bidrag", tag=T)
        login(comp, rnd_time(date(2026, m, R.randrange(1, 28)), 9, 17), "WEB-BALKAN", "DK", client="Erhverv Netbank (Chrome)", tag=T)
        login(owner, rnd_time(date(2026, m, R.randrange(1, 28)), 8, 22), owner["app_enhed"], "DK", tag=T)
    u = puser("Balkan Ekspres", ph)
    for k, (d, cty) in enumerate([(date(2026, 9, 3), "København"), (date(2026, 9, 24), "Aarhus"), (date(2026, 10, 15), "Odense"),
                                  (date(2026, 11, 5), "København")]):
        a = ad(rnd_time(d, 9, 17), u, "Rejser", cty, "Автобус Копенхаген - София всяка събота / Autobuz Copenhaga - Sofia",
               "Редовен автобус Копенхаген-Хамбург-София всяка събота, 650 кр. Пратки и колети. Качване в %s. "
               "Плащане с MobilePay към фирмата. Tel. %s" % (cty, ad_phone(ph, 0)), ad_phone(ph, 0), 650, [imghash("balkan-bus")],
               ("bg", "ro", "da"), tag=T)
        for _ in range(2):
            pu = puser(R.choice(fn), "+359 88 000 %04d" % R.randrange(1000, 9999))
            th = thread_id()
            t = a["oprettet"] + timedelta(hours=R.uniform(2, 80))
            msg(th, a["annonce_id"], t, pu, u, R.choice(["Здравейте, има ли места за 2 души тази събота?", "Колко струва колет 10 кг?",
                                                         "Bună, aveți loc sâmbătă pentru Sofia?"]), tag=T)
            msg(th, a["annonce_id"], t + timedelta(hours=1), u, pu, R.choice(["Има места. Платете 650 кр на MobilePay към фирмата и пратете име.",
                                                                              "Колет до 10 кг е 250 кр.", "Da, avem locuri. 650 kr."]), tag=T)


def make_elderly():
    T = "L9-uden-smartphone"
    net(T, False, "elderly_without_smartphone",
        "Two elderly customers without smartphones: one fails video identification twice and is identified "
        "in a branch, the other has her son as holder of a power of attorney, who calls the bank and logs "
        "in to her netbank from his own computer.",
        ["KYC-AVOID-FACE-TO-FACE", "KYC-CONTACT-TAKEOVER", "BEH-SHARED-DEVICE"])
    bent = add_customer("Bent", "Andersen", date(1944, 2, 2), "DK", phone_dk(), "", "Haydnsvej 4, st. tv, 2450 København SV",
                        datetime(1988, 5, 1, 10, 0), "", "Pensionist", 17800, tag=T)
    kyc_ev(bent, datetime(2026, 10, 6, 10, 15), "Video-legitimation fejlet", kanal="Video", notat="Kunne ikke få kameraet til at virke", tag=T)
    kyc_ev(bent, datetime(2026, 10, 13, 11, 0), "Video-legitimation fejlet", kanal="Video", notat="Lånt tablet, forbindelse afbrudt", tag=T)
    kyc_ev(bent, datetime(2026, 10, 20, 10, 30), "Møde afholdt", kanal="Filial", notat="Legitimeret med pas i filial", tag=T)
    son_dev = devid("kim-laptop")
    son = add_customer("Kim", "Rasmussen", date(1969, 9, 9), "DK", phone_dk(), "kim.rasmussen@mail.example",
                       "Vesterbrogade 160, 3. th, 1800 Frederiksberg C", datetime(2005, 3, 3, 10, 0), son_dev, "Ingeniør", 52000, tag=T)
    mor = add_customer("Inger", "Rasmussen", date(1937, 12, 24), "DK", phone_dk(), "", "Kalvebod Plejecenter, Sjælør Blvd 1, 2450 København SV",
                       datetime(1979, 2, 1, 10, 0), "", "Pensionist", 16400, tag=T)
    kyc_ev(mor, datetime(2026, 9, 15, 13, 0), "Fuldmagt registreret", kanal="Filial", aktoer="Kim Rasmussen", notat="Fuldmagt, kunde på plejecenter", tag=T)
    kyc_ev(mor, datetime(2026, 9, 15, 13, 5), "Stamdataændring", "E-mail", "", son["email"], "Filial", aktoer="Kim Rasmussen", tag=T)
    kyc_ev(mor, datetime(2026, 10, 28, 9, 0), "Henvendelse via tredjemand", kanal="Telefon", aktoer="Kim Rasmussen", notat="Søn (fuldmægtig) spurgte til plejehjemsbetaling", tag=T)
    mor["email"] = son["email"]
    for m in (9, 10, 11):
        for c in (bent, mor):
            tx(datetime(2026, m, 1, 3, 0), ext_konto(), "Udbetaling Danmark", c["konto_nr"], name(c), c["indkomst_md"], "Overførsel",
               "Indkomst", "Folkepension", tag=T)
        tx(datetime(2026, m, 1, 6, 0), mor["konto_nr"], name(mor), ext_konto(), "Københavns Kommune", 12800, "Betalingsservice",
           "Bolig", "Plejebolig husleje og service", tag=T)
        tx(rnd_time(date(2026, m, R.randrange(2, 20)), 9, 13), bent["konto_nr"], name(bent), "", "Hæveautomat Sydhavn St.", 2000,
           "Hæveautomat", "Kontanter", "", tag=T)
        card(bent, rnd_time(date(2026, m, R.randrange(1, 28)), 9, 12), "Netto Sydhavn", R.uniform(100, 400), "Dagligvarer", tag=T)
        login(mor, rnd_time(date(2026, m, R.randrange(1, 28)), 19, 22), son_dev, "DK", client="Netbank web (Firefox)", tag=T)
        login(son, rnd_time(date(2026, m, R.randrange(1, 28)), 7, 22), son_dev, "DK", client="Netbank web (Firefox)", tag=T)
        card(son, rnd_time(date(2026, m, R.randrange(1, 28)), 9, 20), R.choice(GROC)[0], R.uniform(100, 700), "Dagligvarer", tag=T)
        tx(datetime(2026, m, 28, 3, 0), ext_konto(), "Rambøll Danmark A/S", son["konto_nr"], name(son), 52000 * 0.62,
           "Overførsel", "Indkomst", "Løn", tag=T)


# ================================================================ writing
def f_bank_ts(t):
    return t.strftime("%d-%m-%Y %H:%M")


def f_date(d):
    return d.strftime("%d.%m.%Y") if d else ""


def iso_local(t):
    return t.replace(tzinfo=CPH).isoformat(timespec="seconds") if t else None


def write_csv(fn, header, rows):
    with open(os.path.join(OUT, fn), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        w.writerow(header)
        for r in rows:
            w.writerow(r)


def main():
    make_background()
    make_platform_background()
    landlord = make_landlord()
    make_n1(landlord)
    make_n2()
    make_n3()
    make_camilla()
    make_thai_clinic()
    make_family()
    make_students()
    make_farm()
    make_club()
    make_travel()
    make_elderly()

    # background device changes: later logins use the new device
    for k in kyc:
        if k["felt"] == "App-enhed" and not k["_tag"]:
            for lg in logins:
                if lg["kunde_nr"] == k["kunde_nr"] and lg["ts"] > k["ts"] and lg["enhed"] == k["gammel"]:
                    lg["enhed"] = k["ny"]
    # nothing after the export date
    txns[:] = [t for t in txns if t["ts"] <= datetime(2026, 11, 30, 23, 59)]
    logins[:] = [l for l in logins if l["ts"] <= datetime(2026, 11, 30, 23, 59)]

    members = {nid: {} for nid in TRUTH}

    def mark(tags, fn, key):
        for t in tags:
            members[t].setdefault(fn, []).append(key)

    # kunder.csv
    rows = []
    for c in sorted(customers, key=lambda c: int(c["kunde_nr"])):
        rows.append([c["kunde_nr"], c["konto_nr"], c["fornavn"], c["efternavn"], f_date(c["foedselsdato"]),
                     c["statsborgerskab"], c["mobil"], c["email"], c["adresse"], f_bank_ts(c["oprettet"]), c["app_enhed"],
                     c["stilling"], amt(c["indkomst_md"]) if c["indkomst_md"] else "", c["kundetype"],
                     f_date(c["bopael_dk_siden"]), c["sprog"]])
        mark(c["_tag"], "kunder.csv", c["kunde_nr"])
    write_csv("kunder.csv", ["kunde_nr", "konto_nr", "fornavn", "efternavn", "foedselsdato", "statsborgerskab", "mobil",
                             "email", "adresse", "oprettet", "app_enhed", "stilling", "indkomst_md", "kundetype",
                             "bopael_dk_siden", "sprog"], rows)
    # posteringer.csv
    rows = []
    n = 4410000
    for t in sorted(txns, key=lambda t: (t["ts"], t["fra_konto"], t["beloeb"])):
        n += R.randrange(1, 9)
        pid = "P%d" % n
        rows.append([pid, f_bank_ts(t["ts"]), t["fra_konto"], t["fra_navn"], t["til_konto"], t["til_navn"], amt(t["beloeb"]),
                     t["valuta"], t["kanal"], t["kategori"], t["tekst"], t["by"], t["land"]])
        mark(t["_tag"], "posteringer.csv", pid)
    write_csv("posteringer.csv", ["posterings_id", "bogfoert", "fra_konto", "fra_navn", "til_konto", "til_navn", "beloeb",
                                  "valuta", "kanal", "kategori", "tekst", "by", "land"], rows)
    # kyc_log.csv (no id: data line numbers)
    rows = []
    for i, k in enumerate(sorted(kyc, key=lambda k: (k["ts"], k["kunde_nr"])), 1):
        rows.append([k["ts"].strftime("%d.%m.%Y %H:%M"), k["kunde_nr"], k["haendelse"], k["felt"], k["gammel"], k["ny"],
                     k["kanal"], k["aktoer"], k["notat"]])
        mark(k["_tag"], "kyc_log.csv", i)
    write_csv("kyc_log.csv", ["registreret", "kunde_nr", "haendelse", "felt", "gammel_vaerdi", "ny_vaerdi", "kanal", "aktoer",
                              "notat"], rows)
    # netbank_logins.csv (UTC, no id)
    rows = []
    for lg in logins:
        lg["_utc"] = (lg["ts"] + timedelta(seconds=R.randrange(60))).replace(tzinfo=CPH).astimezone(UTC)
    for i, lg in enumerate(sorted(logins, key=lambda l: (l["_utc"], l["kunde_nr"])), 1):
        rows.append([lg["_utc"].strftime("%Y-%m-%dT%H:%M:%SZ"), lg["kunde_nr"], lg["enhed"], lg["ip"], lg["land"],
                     lg["haendelse"], lg["klient"]])
        mark(lg["_tag"], "netbank_logins.csv", i)
    write_csv("netbank_logins.csv", ["tidspunkt_utc", "kunde_nr", "enheds_id", "ip_adresse", "geo_land", "haendelse", "klient"], rows)
    # virksomheder.csv (no id: data line numbers)
    rows = []
    for i, c in enumerate(sorted(companies, key=lambda c: (c["cvr"], c["ejer_fra"])), 1):
        rows.append([c["cvr"], c["navn"], c["branchekode"], c["branchetekst"], c["adresse"], c["konto_nr"], f_date(c["startdato"]),
                     c["ansatte"], c["ejer_navn"], f_date(c["ejer_foedt"]), c["ejer_land"], c["ejer_kunde_nr"] or "",
                     f_date(c["ejer_fra"]), f_date(c["ejer_til"])])
        mark(c["_tag"], "virksomheder.csv", i)
    write_csv("virksomheder.csv", ["cvr", "navn", "branchekode", "branchetekst", "adresse", "konto_nr", "startdato", "antal_ansatte",
                                   "ejer_navn", "ejer_foedt", "ejer_bopaelsland", "ejer_kunde_nr", "ejer_fra", "ejer_til"], rows)
    # annoncer.jsonl
    with open(os.path.join(OUT, "annoncer.jsonl"), "w", encoding="utf-8") as fh:
        for a in sorted(ads, key=lambda a: a["oprettet"]):
            o = {k: v for k, v in a.items() if not k.startswith("_")}
            o["oprettet"] = iso_local(a["oprettet"])
            o["slettet"] = iso_local(a["slettet"])
            fh.write(json.dumps(o, ensure_ascii=False) + "\n")
            mark(a["_tag"], "annoncer.jsonl", a["annonce_id"])
    # beskeder.csv (no id)
    rows, seen = [], set()
    for m in sorted(msgs, key=lambda m: (m["ts"], m["samtale_id"])):
        key = (m["samtale_id"], m["ts"], m["fra_bruger"], m["besked"])
        if key in seen:
            continue
        seen.add(key)
        rows.append((m, [m["samtale_id"], m["annonce_id"], m["ts"].strftime("%d/%m/%Y %H:%M:%S"), m["fra_bruger"], m["fra_tlf"],
                         m["til_bruger"], m["besked"]]))
    for i, (m, r) in enumerate(rows, 1):
        mark(m["_tag"], "beskeder.csv", i)
    write_csv("beskeder.csv", ["samtale_id", "annonce_id", "tidspunkt", "fra_bruger", "fra_tlf", "til_bruger", "besked"],
              [r for _, r in rows])

    # truth.yaml
    q = lambda x: json.dumps(x, ensure_ascii=False)
    out = ["# Truth for the blind world bank-sydhavn (written by make_world.py; do not edit by hand).",
           "# Members per file: kunder.csv by kunde_nr, posteringer.csv by posterings_id, annoncer.jsonl by annonce_id;",
           "# kyc_log.csv, netbank_logins.csv, virksomheder.csv and beskeder.csv have no id column: 1-based data line",
           "# numbers (line 1 = the first row after the header). Rows not listed are background (no network).",
           "world: bank-sydhavn", "seed: 20261207", "networks:"]
    for nid, t in sorted(TRUTH.items(), key=lambda kv: (not kv[1]["positive"], kv[0])):
        out.append("  - id: %s" % nid)
        out.append("    positive: %s" % ("true" if t["positive"] else "false"))
        out.append("    typology: %s" % t["typology"])
        out.append("    description: %s" % q(t["description"]))
        out.append("    indicators: [%s]" % ", ".join(t["indicators"]))
        if t.get("roles"):
            out.append("    roles:")
            for k, v in t["roles"].items():
                out.append("      %s: %s" % (q(k), q(v)))
        out.append("    members:")
        for fn in ["kunder.csv", "posteringer.csv", "kyc_log.csv", "netbank_logins.csv", "virksomheder.csv", "annoncer.jsonl",
                   "beskeder.csv"]:
            if fn in members[nid]:
                out.append("      %s: [%s]" % (fn, ", ".join(q(x) if isinstance(x, str) else str(x) for x in members[nid][fn])))
    with open(os.path.join(OUT, "truth.yaml"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(out) + "\n")
    counts = dict(kunder=len(customers), posteringer=len(txns), kyc_log=len(kyc), netbank_logins=len(logins),
                  virksomheder=len(companies), annoncer=len(ads), beskeder=len(rows))
    print(counts, "total", sum(counts.values()))
    for nid in TRUTH:
        print(nid, {k: len(v) for k, v in members[nid].items()})


if __name__ == "__main__":
    main()
