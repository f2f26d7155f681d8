#!/usr/bin/env python3
"""Nordby Sparekasse: a synthetic export (customers/KYC, postings, net-bank log, CVR lookups).

Standard library only, fixed seed. Writes data/*.csv and truth.yaml next to this file.
Written blind on 2026-12-07 from indicators.md and docs/data.md only.
"""
import csv
import os
import random
from datetime import datetime, timedelta, date

SEED = 20261207
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "data")
START = datetime(2026, 8, 1)
END = datetime(2026, 10, 31, 23, 59)
RAID = datetime(2026, 10, 24, 6, 0)

# ---------------------------------------------------------------- helpers
FIRST_M = ["Jens", "Peter", "Lars", "Søren", "Mikkel", "Anders", "Thomas", "Rasmus", "Martin", "Henrik",
           "Jesper", "Kasper", "Niels", "Frederik", "Emil", "Jonas", "Christian", "Morten", "Ole", "Bo",
           "Kim", "Torben", "Mads", "Simon", "Jakob", "Nikolaj", "Tobias", "Oliver", "Magnus", "Steffen"]
FIRST_F = ["Anne", "Mette", "Hanne", "Susanne", "Camilla", "Louise", "Maria", "Julie", "Line", "Pia",
           "Lene", "Tina", "Charlotte", "Ida", "Emma", "Freja", "Sofie", "Katrine", "Birgitte", "Helle",
           "Signe", "Karen", "Lone", "Nanna", "Astrid", "Cecilie", "Maja", "Rikke", "Dorthe", "Trine"]
LAST = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
        "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen",
        "Johansen", "Møller", "Mortensen", "Knudsen", "Mikkelsen", "Frandsen", "Bech", "Vestergaard",
        "Holm", "Lund", "Dam", "Skov", "Kjær", "Bak", "Iversen", "Riis", "Laursen", "Østergaard", "Brix"]
CITIES = [("7400", "Herning"), ("8000", "Aarhus C"), ("6000", "Kolding"), ("7100", "Vejle"),
          ("8600", "Silkeborg"), ("7500", "Holstebro"), ("8800", "Viborg"), ("7430", "Ikast")]
STREETS = ["Vestergade", "Østergade", "Bredgade", "Skolevej", "Kirkevej", "Solsikkevej", "Engvej",
           "Birkevej", "Møllevej", "Fredensgade", "Tværgade", "Parkvej", "Grønnegade", "Ahornvej", "Lærkevej"]
EMPLOYERS = ["Midtjysk Maskinfabrik A/S", "Nordby Kommune", "Region Vestjylland", "Herning Trælast A/S",
             "Kvik Logistik ApS", "Jysk Plast A/S", "Vestjysk Tandklinik", "Silkeborg Stål ApS",
             "Nordby Sparekasse", "Fjordens Plejecenter", "Andelsmejeriet Vest", "Kolding Havn A/S"]
GROCERS = [("Netto", 5411), ("Rema 1000", 5411), ("Føtex", 5411), ("Lidl", 5411), ("Coop 365", 5411),
           ("SuperBrugsen", 5411), ("Meny", 5411)]
MISC = [("Circle K", 5541, 250, 650), ("Q8", 5541, 200, 600), ("Matas", 5977, 60, 400),
        ("Sunset Boulevard", 5814, 90, 260), ("Jysk", 5712, 150, 1200), ("Elgiganten", 5732, 200, 2500),
        ("Bog & Idé", 5942, 80, 300), ("Apoteket", 5912, 40, 350), ("Biografen", 7832, 90, 320),
        ("Restaurant Kronen", 5812, 250, 900), ("Føtex Tøj", 5651, 150, 700), ("DSB", 4112, 60, 450)]
OCCS = ["Lagerarbejder", "Sygeplejerske", "Pædagog", "Tømrer", "Kontorassistent", "Lærer", "Ingeniør",
        "Butiksassistent", "Chauffør", "SOSU-assistent", "Elektriker", "Pensionist", "Revisor", "Smed",
        "IT-konsulent", "Landmand", "Frisør", "Kok"]

used_phones = set()


def phone(fixed=None):
    if fixed:
        used_phones.add(fixed)
        return fixed
    while True:
        p = "+45 20 00 %02d %02d" % (R.randint(0, 99), R.randint(0, 99))
        if p not in used_phones and not p.startswith("+45 20 00 6") and not p.startswith("+45 20 00 7"):
            used_phones.add(p)
            return p


used_acc = set()


def iban(prefix="DK00 0000"):
    while True:
        d = "%010d" % R.randint(1000000, 9999999999)
        a = "%s %s %s %s" % (prefix, d[:4], d[4:8], d[8:])
        if a not in used_acc:
            used_acc.add(a)
            return a


def foreign_iban(cc):
    d = "%016d" % R.randint(10 ** 12, 10 ** 16 - 1)
    return "%s00 0000 %s %s %s %s" % (cc, d[:4], d[4:8], d[8:12], d[12:])


def money(x):
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


def dk_ts(t):
    return t.strftime("%d-%m-%Y %H:%M")


def rand_time(day, lo=8, hi=20):
    return datetime(day.year, day.month, day.day, R.randint(lo, hi - 1), R.randint(0, 59))


def night_time(day):
    h = R.choice([18, 19, 20, 20, 21, 21, 22, 22, 23, 23, 0, 1])
    t = datetime(day.year, day.month, day.day, h, R.randint(0, 59))
    if h < 6:
        t += timedelta(days=1)
    return t


def days(a=START, b=END):
    d = a
    while d <= b:
        yield d
        d += timedelta(days=1)


def month_ends():
    return [datetime(2026, 8, 31), datetime(2026, 9, 30), datetime(2026, 10, 30)]


def addr():
    pc, by = R.choice(CITIES)
    return "%s %d, %s %s" % (R.choice(STREETS), R.randint(1, 120), pc, by), by


# ---------------------------------------------------------------- tables
customers = []   # dicts
kyc = []         # dicts (ts, ...)
txns = []        # dicts
logins = []      # dicts
companies = []   # dicts


def tag(row, *nets):
    row["_nets"] = set(nets)
    return row


def add_customer(nets=(), **kw):
    cid = kw.pop("kunde_nr", None) or str(R.randint(200000, 899999))
    while any(c["kunde_nr"] == cid for c in customers):
        cid = str(R.randint(200000, 899999))
    c = dict(kunde_nr=cid, konto_nr=kw.pop("konto_nr", None) or iban(), fornavn="", efternavn="",
             foedselsdato="", statsborgerskab="DK", telefon="", email="", adresse="", oprettet="",
             app_enhed="", stilling="", maanedsindkomst="", kundetype="Privat", bopael_dk_siden="",
             sprog="da")
    c.update(kw)
    customers.append(tag(c, *nets))
    return c


def T(t, fra, fra_navn, til, til_navn, beloeb, kanal, tekst="", sted="", mcc="", by="", land="DK",
      valuta="DKK", nets=()):
    txns.append(tag(dict(t=t, fra_konto=fra, fra_navn=fra_navn, til_konto=til, til_navn=til_navn,
                         beloeb=beloeb, valuta=valuta, kanal=kanal, tekst=tekst, brugssted=sted,
                         mcc=str(mcc), by=by, land=land), *nets))


def card(c, t, sted, mcc, amount, by, land="DK", nets=(), kanal="Dankort"):
    T(t, c["konto_nr"], name(c), merchant_id(sted, by), ("%s %s" % (sted, by)).strip(), amount, kanal,
      sted=("%s %s" % (sted, by.upper())).strip(), mcc=mcc, by=by, land=land, nets=nets)


_mid = {}


def merchant_id(sted, by):
    k = (sted, by)
    if k not in _mid:
        _mid[k] = "IND %07d" % R.randint(1000000, 9999999)
    return _mid[k]


def name(c):
    return "%s %s" % (c["fornavn"], c["efternavn"])


def K(t, c, haendelse, felt="", gammel="", ny="", kanal="", aktoer="", notat="", nets=()):
    kyc.append(tag(dict(t=t, kunde_nr=c["kunde_nr"], haendelse=haendelse, felt=felt, gammel_vaerdi=gammel,
                        ny_vaerdi=ny, kanal=kanal, aktoer=aktoer, notat=notat), *nets))


def L(t, c, enhed, ip, land="DK", haendelse="login", kanal="app", nets=()):
    logins.append(tag(dict(t=t, kunde_nr=c["kunde_nr"], enhed=enhed, ip=ip, land=land,
                           haendelse=haendelse, kanal=kanal), *nets))


def dev(kind="ios"):
    return "%s-%s" % (kind, "".join(R.choice("0123456789ABCDEF") for _ in range(12)))


def dk_ip():
    return "%d.%d.%d.%d" % (R.choice([87, 188, 80, 93, 185]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))


def onboarding(c, t, kanal="app", nets=(), **kw):
    c["oprettet"] = t.strftime("%d-%m-%Y")
    K(t, c, "Kunde oprettet", kanal=kanal, nets=nets, **kw)


# ---------------------------------------------------------------- background
EXT_EMPLOYER = {e: iban("DK00 0001") for e in EMPLOYERS}
EXT_LANDLORDS = ["Boligselskabet Vestparken", "AAB Afd. 41", "Ejendomsadm. Fjord ApS", "Privat udlejer"]
EXT_LL_ACC = {e: iban("DK00 0002") for e in EXT_LANDLORDS}
BS_CREDITORS = [("Andel Energi", 450, 1100), ("Tryg Forsikring", 300, 900), ("Norlys Fiber", 249, 399),
                ("Nordby Vandværk", 150, 400), ("Fitness World", 249, 299), ("Danmarks Radio? nej - Netflix", 89, 149)]
BS_CREDITORS = [(n if "?" not in n else "Netflix", a, b) for n, a, b in BS_CREDITORS]
BS_ACC = {n: iban("DK00 0003") for n, _, _ in BS_CREDITORS}

background = []
for i in range(112):
    female = R.random() < 0.5
    fn = R.choice(FIRST_F if female else FIRST_M)
    ln = R.choice(LAST)
    a, by = addr()
    occ = R.choice(OCCS)
    inc = R.choice([24000, 27500, 29000, 31000, 33500, 36000, 38000, 42000, 47000, 52000])
    if occ == "Pensionist":
        inc = R.choice([14500, 17800, 21000])
    born = date(R.randint(1950, 2002), R.randint(1, 12), R.randint(1, 28))
    onb = datetime(R.randint(2004, 2025), R.randint(1, 12), R.randint(1, 28), R.randint(9, 16), R.randint(0, 59))
    c = add_customer(fornavn=fn, efternavn=ln, foedselsdato=born.strftime("%d.%m.%Y"), telefon=phone(),
                     email="%s.%s%d@%s" % (fn.lower(), ln.lower().replace("ø", "oe").replace("æ", "ae"),
                                           R.randint(1, 99), R.choice(["webpost.example", "netmail.example", "postkasse.example"])),
                     adresse=a, oprettet=onb.strftime("%d-%m-%Y"), app_enhed=dev(R.choice(["ios", "and"])),
                     stilling=occ, maanedsindkomst=money(inc), bopael_dk_siden=born.strftime("%d.%m.%Y"))
    c["_by"] = by
    c["_inc"] = inc
    c["_employer"] = R.choice(EMPLOYERS)
    background.append(c)

# a few background households of two (same surname, same address, own phones)
for j in range(0, 16, 2):
    a, b = background[j], background[j + 1]
    b["efternavn"] = a["efternavn"]
    b["adresse"] = a["adresse"]
    b["_by"] = a["_by"]

# ordinary foreign nationals and newly arrived customers in the background (lawful)
FOREIGN = [("Erik", "Lindqvist", "SE", "sv"), ("Karin", "Åberg", "SE", "sv"), ("Jan", "Kowalczyk", "PL", "pl"),
           ("Agnieszka", "Mazur", "PL", "pl"), ("Olena", "Shevchenko", "UA", "uk"), ("Oleksandr", "Bondarenko", "UA", "uk"),
           ("Maria", "Ionescu", "RO", "ro"), ("Mihai", "Popescu", "RO", "ro"), ("Stefan", "Müller", "DE", "de"),
           ("Julia", "Schneider", "DE", "de"), ("Rami", "Al-Hassan", "SY", "ar"), ("Joy", "Santos", "PH", "en"),
           ("Ivan", "Dimitrov", "BG", "bg"), ("Laura", "García", "ES", "es"), ("Tuan", "Nguyen", "VN", "vi"),
           ("Priya", "Sharma", "IN", "en")]
for c, (fn, ln, nat, lang) in zip(background[60:76], FOREIGN):
    c.update(fornavn=fn, efternavn=ln, statsborgerskab=nat, sprog=lang,
             bopael_dk_siden="%02d.%02d.%d" % (R.randint(1, 28), R.randint(1, 12), R.randint(2008, 2025)))
for k, c in enumerate(background[70:84]):
    t = datetime(2026, R.randint(8, 10), R.randint(1, 28), R.randint(9, 20), R.randint(0, 59))
    c["oprettet"] = t.strftime("%d-%m-%Y")
    if c["statsborgerskab"] != "DK":
        c["bopael_dk_siden"] = (t - timedelta(days=R.randint(20, 200))).strftime("%d.%m.%Y")
    K(t, c, "Kunde oprettet", kanal=R.choice(["app", "app", "filial"]))
    if R.random() < 0.2:
        K(t + timedelta(minutes=9), c, "Video-ID afvist", kanal="video", notat="dårligt lys")
        K(t + timedelta(days=1, minutes=R.randint(0, 300)), c, "Video-ID godkendt", kanal="video")
    else:
        K(t + timedelta(minutes=R.randint(5, 40)), c, "Video-ID godkendt", kanal="video")

# look-alike L5: a landlord company collecting rent from 14 background customers
landlord = add_customer(("L5-landlord",), fornavn="Åbrinken Udlejning", efternavn="ApS", kundetype="Erhverv",
                        telefon=phone(), email="udlejning@aabrinken.example", adresse="Åbrinken 2, 7400 Herning",
                        oprettet="14-03-2012", app_enhed=dev("web"), stilling="Udlejning af boliger",
                        maanedsindkomst=money(310000), sprog="da")
landlord["_by"] = "Herning"
tenants = background[20:34]
for c in tenants:
    c["_landlord"] = landlord

for c in background:
    by = c["_by"]
    rent = round(c["_inc"] * R.uniform(0.18, 0.3) / 50) * 50
    for me in month_ends():
        # salary
        pay = datetime(me.year, me.month, me.day, R.randint(0, 5), R.randint(0, 59))
        net = round(c["_inc"] * R.uniform(0.6, 0.66), 2)
        if c["stilling"] == "Pensionist":
            T(pay, "DK00 0009 0000 0000 01", "Udbetaling Danmark", c["konto_nr"], name(c), net, "Overførsel",
              "Folkepension %s" % me.strftime("%m-%Y"))
        else:
            T(pay, EXT_EMPLOYER[c["_employer"]], c["_employer"], c["konto_nr"], name(c), net, "Lønoverførsel",
              "LØN %s" % me.strftime("%m/%Y"))
    for m in (8, 9, 10):
        first = datetime(2026, m, 1, R.randint(6, 9), R.randint(0, 59))
        if "_landlord" in c:
            ll = c["_landlord"]
            T(first, c["konto_nr"], name(c), ll["konto_nr"], name(ll), rent, "Overførsel",
              "Husleje %s lejl. %d" % (["aug", "sep", "okt"][m - 8], R.randint(1, 40)), nets=("L5-landlord",))
        else:
            ll = R.choice(EXT_LANDLORDS)
            T(first, c["konto_nr"], name(c), EXT_LL_ACC[ll], ll, rent, "Betalingsservice", "Husleje")
        cred = R.choice(BS_CREDITORS)
        T(datetime(2026, m, R.randint(2, 6), 5, R.randint(0, 59)), c["konto_nr"], name(c), BS_ACC[cred[0]], cred[0],
          round(R.uniform(cred[1], cred[2]), 2), "Betalingsservice", cred[0])
        for _ in range(2):
            g, mcc = R.choice(GROCERS)
            card(c, rand_time(datetime(2026, m, R.randint(1, 28)), 9, 20), g, mcc, round(R.uniform(120, 780), 2), by)
        if R.random() < 0.7:
            s, mcc, lo, hi = R.choice(MISC)
            card(c, rand_time(datetime(2026, m, R.randint(1, 28)), 10, 21), s, mcc, round(R.uniform(lo, hi), 2), by,
                 kanal=R.choice(["Dankort", "Visa/Dankort"]))
        if R.random() < 0.8:
            other = R.choice(background)
            if other is not c:
                memo = R.choice(["🍕", "pizza", "bio", "tak for lån", "gave", "🎁", "benzin", "fodbold", "sushi 🍣",
                                 "halvdelen af regningen", "", "øl 🍺", "togbillet"])
                T(rand_time(datetime(2026, m, R.randint(1, 28)), 10, 22), c["konto_nr"], name(c), other["konto_nr"],
                  name(other), R.choice([50, 75, 100, 120, 150, 200, 250, 300, 350, 500]), "MobilePay", memo)
    # logins
    ip = dk_ip()
    for _ in range(R.randint(3, 6)):
        d = START + timedelta(days=R.randint(0, 91))
        L(rand_time(d, 7, 23), c, c["app_enhed"], ip if R.random() < 0.8 else dk_ip())
    if R.random() < 0.08:
        L(rand_time(START + timedelta(days=R.randint(0, 91)), 8, 20), c, c["app_enhed"],
          "%d.%d.%d.%d" % (R.choice([84, 91]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)),
          land=R.choice(["ES", "DE", "SE"]))  # holiday abroad
    if R.random() < 0.05:
        newp = phone()
        K(datetime(2026, R.randint(8, 10), R.randint(1, 28), R.randint(9, 16), R.randint(0, 59)), c,
          "Stamdata ændret", "telefon", c["telefon"], newp, "app")
        c["telefon"] = newp
    if R.random() < 0.08:
        newd = dev(R.choice(["ios", "and"]))
        K(datetime(2026, R.randint(8, 10), R.randint(1, 28), R.randint(9, 16), R.randint(0, 59)), c,
          "Stamdata ændret", "enhed", c["app_enhed"], newd, "app", notat="ny telefon")
        c["app_enhed"] = newd

# landlord's own outflows
for m in (8, 9, 10):
    T(datetime(2026, m, 10, 10, 5), landlord["konto_nr"], name(landlord), "DK00 0004 7711 2200 33", "Herning Ejendomsservice",
      38500.0, "Overførsel", "Vicevært og trappevask", nets=("L5-landlord",))
    T(datetime(2026, m, 15, 10, 5), landlord["konto_nr"], name(landlord), "DK00 0004 1120 3344 55", "Nordea Kredit",
      61200.0, "Overførsel", "Terminsydelse", nets=("L5-landlord",))
L(datetime(2026, 9, 2, 9, 14), landlord, landlord["app_enhed"], "188.114.20.7", kanal="web", nets=("L5-landlord",))
L(datetime(2026, 10, 1, 9, 2), landlord, landlord["app_enhed"], "188.114.20.7", kanal="web", nets=("L5-landlord",))
companies.append(tag(dict(cvr="31447520", navn="Åbrinken Udlejning ApS", branchekode="682040",
                          branchetekst="Udlejning af boliger", adresse="Åbrinken 2, 7400 Herning",
                          konto_nr=landlord["konto_nr"], stiftet="01-03-2008", ansatte="1",
                          ejer_navn="Poul Åbrink", ejer_foedt="12.05.1961", ejer_land="DK", ejer_kunde_nr="",
                          ejer_fra="01-03-2008", ejer_til=""), "L5-landlord"))

# ================================================================ NETWORK N1: Lotus (sexual exploitation)
N1 = "N1-lotus-herning"
CLINIC = "Vestergade 14, st., 7400 Herning"
D_COLL = "and-SM-A346B-77A1C0"     # collector's phone (app)
D_REMOTE = "and-XIAOMI-RO-3F9920"  # organiser's phone abroad
IP_RO = ["89.137.%d.%d" % (R.randint(0, 255), R.randint(1, 254)) for _ in range(3)]
IP_COLL = "87.61.114.201"
P_COLL = "+45 20 00 71 10"
coll = add_customer((N1,), fornavn="Dorin", efternavn="Marinescu", foedselsdato="03.02.1988", statsborgerskab="RO",
                    telefon=phone(P_COLL), email="d.marinescu88@fastpost.example",
                    adresse="Søndergade 41, 2. th, 8000 Aarhus C", oprettet="12-11-2025", app_enhed=D_COLL,
                    stilling="Selvstændig, transport", maanedsindkomst=money(22000), bopael_dk_siden="02.10.2025",
                    sprog="en")
K(datetime(2025, 11, 12, 11, 20), coll, "Kunde oprettet", kanal="app", nets=(N1,))
K(datetime(2025, 11, 12, 11, 31), coll, "Video-ID godkendt", kanal="video", nets=(N1,))
vics = []
vspec = [("Svitlana", "Koval", "14.06.1990", "UA", "+45 20 00 71 41", datetime(2026, 8, 18, 21, 40)),
         ("Ioana", "Rusu", "22.01.2001", "RO", P_COLL, datetime(2026, 8, 20, 22, 5)),
         ("Mihaela", "Stan", "09.11.2004", "RO", "+45 20 00 71 57", datetime(2026, 8, 27, 20, 55))]
for k, (fn, ln, b, nat, ph, onb) in enumerate(vspec):
    v = add_customer((N1,), fornavn=fn, efternavn=ln, foedselsdato=b, statsborgerskab=nat,
                     telefon=phone(ph), email="wellness.herning%d@webpost.example" % (k + 1), adresse=CLINIC,
                     app_enhed=D_COLL, stilling="Massør", maanedsindkomst=money(15000),
                     bopael_dk_siden=onb.strftime("%d.%m.%Y"), sprog="en")
    onboarding(v, onb, "app", nets=(N1,), notat="oprettet i app; enhed %s" % D_COLL)
    vics.append(v)
v1, v2, v3 = vics
K(datetime(2026, 8, 19, 10, 12), v1, "Video-ID afvist", kanal="video", nets=(N1,),
  notat="to personer i billedet; en mand svarede på spørgsmålene for kunden")
K(datetime(2026, 8, 21, 9, 40), v1, "Møde aflyst af kunde", kanal="telefon", aktoer="Dorin Marinescu", nets=(N1,))
K(datetime(2026, 8, 26, 13, 2), v1, "Video-ID godkendt", kanal="video", nets=(N1,), notat="kunde læste svar op fra papir")
K(datetime(2026, 8, 21, 10, 15), v2, "Henvendelse via tredjepart", kanal="telefon", aktoer="Dorin Marinescu", nets=(N1,),
  notat="ringede på kundens vegne, oplyste at kunden ikke taler dansk eller engelsk; kendte ikke kundens adresse")
K(datetime(2026, 8, 22, 11, 0), v2, "Video-ID afslået af kunde", kanal="video", nets=(N1,))
K(datetime(2026, 8, 29, 10, 30), v2, "Møde afholdt", kanal="filial", aktoer="Dorin Marinescu (tolk)", nets=(N1,),
  notat="ledsager havde kundens pas og svarede for hende")
K(datetime(2026, 8, 28, 9, 5), v3, "Video-ID afvist", kanal="video", nets=(N1,), notat="forbindelse afbrudt")
K(datetime(2026, 9, 1, 9, 5), v3, "Video-ID godkendt", kanal="video", nets=(N1,))
K(datetime(2026, 9, 5, 23, 12), v3, "Stamdata ændret", "telefon", v3["telefon"], P_COLL, "app", nets=(N1,))
v3["telefon"] = P_COLL
K(datetime(2026, 9, 12, 22, 48), v1, "Stamdata ændret", "email", v1["email"], "d.marinescu88@fastpost.example", "app",
  nets=(N1,))
v1["email"] = "d.marinescu88@fastpost.example"

lotus = add_customer((N1,), fornavn="Lotus Wellness Herning", efternavn="IVS", kundetype="Erhverv",
                     telefon=phone("+45 20 00 71 10"), email="lotus.herning@webpost.example", adresse=CLINIC,
                     oprettet="03-10-2025", app_enhed=D_COLL, stilling="Massage og velvære",
                     maanedsindkomst=money(45000), sprog="en")
for row in [("Elena Popa", "17.07.1979", "RO", "", "01-10-2025", "14-03-2026"),
            ("Marin Ciobanu", "30.04.1983", "RO", "", "15-03-2026", "31-08-2026"),
            ("Ioana Rusu", "22.01.2001", "DK", v2["kunde_nr"], "01-09-2026", "")]:
    companies.append(tag(dict(cvr="43917266", navn="Lotus Wellness Herning IVS", branchekode="960400",
                              branchetekst="Fysisk velvære (massage, spa)", adresse=CLINIC, konto_nr=lotus["konto_nr"],
                              stiftet="01-10-2025", ansatte="0", ejer_navn=row[0], ejer_foedt=row[1], ejer_land=row[2],
                              ejer_kunde_nr=row[3], ejer_fra=row[4], ejer_til=row[5]), N1))
K(datetime(2026, 9, 2, 14, 0), lotus, "Stamdata ændret", "ejer", "Marin Ciobanu", "Ioana Rusu", "brev", nets=(N1,),
  notat="ny reel ejer ifølge CVR")

# buyers: external MobilePay users
buyers = []
for _ in range(95):
    buyers.append((phone(), "%s %s" % (R.choice(FIRST_M), R.choice(LAST))))
regulars = buyers[:8]
MEMO_N1 = ["", "", "", "massage", "tak", "tak for i aften", "1 time", "30 min", "💋", "🌹", "Ioana", "Svetlana",
           "Mihaela", "massage + ekstra", "for i går", "😘", "hygge", "Mia 😍"]
AMTS = [500, 800, 800, 1000, 1000, 1000, 1200, 1500, 1500, 2000]
bi = 8
for d in days(datetime(2026, 8, 22), datetime(2026, 10, 23)):
    for _ in range(R.choice([0, 1, 1, 2, 2, 3])):
        if R.random() < 0.12:
            b = R.choice(regulars)
        else:
            b = buyers[bi % len(buyers)]
            bi += 1
        t = night_time(d) if R.random() < 0.8 else rand_time(d, 12, 18)
        amount = R.choice(AMTS)
        if R.random() < 0.8:
            T(t, b[0], b[1], coll["konto_nr"], name(coll), amount, "MobilePay", R.choice(MEMO_N1), nets=(N1,))
        else:
            v = R.choice([v1, v3])
            T(t, b[0], b[1], v["konto_nr"], name(v), amount, "MobilePay", R.choice(MEMO_N1), nets=(N1,))
            v.setdefault("_in", []).append((t, amount))
# victims: sweep to collector within 48h; tiny own spending; monthly "salary" from Lotus then swept
for v in (v1, v2, v3):
    for me in month_ends():
        t = datetime(me.year, me.month, me.day, 7, 10)
        T(t, lotus["konto_nr"], name(lotus), v["konto_nr"], name(v), 4200.0, "Lønoverførsel", "Løn", nets=(N1,))
        v.setdefault("_in", []).append((t, 4200.0))
    inflow = sorted(v.get("_in", []))
    # group per 2 days and sweep
    k = 0
    while k < len(inflow):
        t0 = inflow[k][0]
        grp = [a for (t, a) in inflow if t0 <= t < t0 + timedelta(days=2)]
        k += len(grp)
        tsw = t0 + timedelta(hours=R.randint(8, 40))
        T(tsw, v["konto_nr"], name(v), coll["konto_nr"], name(coll), round(sum(grp) * R.uniform(0.93, 1.0), 0),
          R.choice(["MobilePay", "Overførsel"]), R.choice(["", "", "D", "ok", "tilbage"]), nets=(N1,))
    # small card use in Herning on days the account is logged into from Romania
    for d in [datetime(2026, 9, x) for x in (3, 9, 16, 24)] + [datetime(2026, 10, x) for x in (2, 8, 15)]:
        t = rand_time(d, 10, 17)
        card(v, t, R.choice(["7-Eleven", "Kiosk Banegården", "Netto"]), 5499, round(R.uniform(28, 95), 2), "Herning",
             nets=(N1,))
        L(t - timedelta(minutes=R.randint(20, 200)), v, D_REMOTE, R.choice(IP_RO), land="RO", nets=(N1,))
    for _ in range(5):
        L(night_time(datetime(2026, R.randint(9, 10), R.randint(1, 22))), v, D_COLL, IP_COLL, nets=(N1,))

# collector outflows
for d in [datetime(2026, 8, 28), datetime(2026, 9, 4), datetime(2026, 9, 11), datetime(2026, 9, 18),
          datetime(2026, 9, 25), datetime(2026, 10, 2), datetime(2026, 10, 9), datetime(2026, 10, 16),
          datetime(2026, 10, 22)]:
    T(rand_time(d, 9, 12), coll["konto_nr"], name(coll), "RO00 0000 0000 4471 9920 1187", "Vasile Marinescu",
      round(R.uniform(14000, 23000), -2), "Udlandsoverførsel", "family support", valuta="DKK", land="RO", nets=(N1,))
for d, a in [(datetime(2026, 10, 5, 10, 2), 9800), (datetime(2026, 10, 6, 9, 41), 9900), (datetime(2026, 10, 8, 11, 15), 9700),
             (datetime(2026, 10, 19, 9, 30), 9850)]:
    T(d, coll["konto_nr"], name(coll), "RO00 0000 0000 5520 1834 0090", "Elena Popa", a, "Udlandsoverførsel", "loan",
      land="RO", nets=(N1,))
for d in days(datetime(2026, 8, 24), datetime(2026, 10, 20)):
    if d.weekday() == 0:
        for site in ("NatAnnonce.dk", "Rødlys Annoncer"):
            for _ in range(R.choice([1, 2])):
                card(coll, rand_time(d, 0, 23), site, 7311, 149.0, "", nets=(N1,), kanal="Visa/Dankort")
    if d.weekday() in (1, 4):
        card(coll, rand_time(d, 10, 20), "Lebara Tank-op", 4814, 100.0, "", nets=(N1,), kanal="Visa/Dankort")
        txns[-1]["tekst"] = "Genopfyldning %s" % R.choice([v1["telefon"], "+45 20 00 71 57", "+45 20 00 71 63"])
for d, city, hotel, amt in [(datetime(2026, 9, 7), "Aalborg", "Hotel Limfjord Bymidte", 1895), (datetime(2026, 9, 8), "Aalborg", "Hotel Limfjord Bymidte", 1895),
                            (datetime(2026, 9, 14), "Odense", "Odense Cityhotel", 1640), (datetime(2026, 9, 21), "Esbjerg", "Hotel Vestkysten Esbjerg", 1590),
                            (datetime(2026, 9, 22), "Esbjerg", "Hotel Vestkysten Esbjerg", 1590), (datetime(2026, 10, 12), "Aalborg", "Hotel Limfjord Bymidte", 3790)]:
    card(coll, rand_time(d, 13, 18), hotel, 7011, float(amt), city, nets=(N1,), kanal="Visa/Dankort")
for d in [datetime(2026, 8, 25), datetime(2026, 9, 10), datetime(2026, 9, 29), datetime(2026, 10, 14)]:
    card(coll, rand_time(d, 11, 18), "Hunkemöller", 5621, round(R.uniform(900, 1900), 2), "Herning", nets=(N1,))
    card(coll, rand_time(d, 11, 18), "Apoteket Bryggen", 5912, round(R.uniform(600, 1200), 2), "Herning", nets=(N1,))
    card(coll, rand_time(d, 11, 18), "Bilka", 5411, round(R.uniform(1800, 2900), 2), "Herning", nets=(N1,))
for d in days(datetime(2026, 8, 23), datetime(2026, 10, 22)):
    if R.random() < 0.18:
        card(coll, night_time(d), "LuckyNord Casino", 7995, float(R.choice([500, 1000, 2000, 2500])), "", land="MT",
             nets=(N1,), kanal="Visa/Dankort")
card(coll, datetime(2026, 9, 19, 15, 22), "Urmager Sølvgade", 5944, 28900.0, "Aarhus C", nets=(N1,))
for m in (9, 10):
    card(coll, datetime(2026, m, 3, 4, 12), "EZVIZ CloudPlay", 4816, 79.0, "", land="NL", nets=(N1,), kanal="Visa/Dankort")
    txns[-1]["tekst"] = "Cloud abonnement 4 kameraer"
# collector logins: own device in DK, the organiser's device from Romania
for _ in range(14):
    L(night_time(datetime(2026, R.randint(8, 10), R.randint(1, 22))), coll, D_COLL, IP_COLL, nets=(N1,))
for _ in range(9):
    L(rand_time(datetime(2026, R.randint(8, 10), R.randint(1, 22)), 8, 23), coll, D_REMOTE, R.choice(IP_RO), land="RO",
      nets=(N1,))
# Lotus business account: a little card turnover, rent, cash out, no payroll beyond the 'Løn' above
for d in days(datetime(2026, 8, 3), datetime(2026, 10, 23)):
    if d.weekday() in (2, 5):
        T(datetime(d.year, d.month, d.day, 23, 50), "NETS INDLØSNING", "Nets Denmark", lotus["konto_nr"], name(lotus),
          round(R.uniform(900, 3800), 2), "Kortindløsning", "Dankort/Visa salg", nets=(N1,))
    if d.weekday() == 4:
        T(rand_time(d, 21, 23), lotus["konto_nr"], name(lotus), "HÆVEAUTOMAT 0233", "Hæveautomat Bryggen Herning",
          float(R.choice([3000, 4000, 5000])), "Hævning", by="Herning", nets=(N1,))
for m in (8, 9, 10):
    T(datetime(2026, m, 1, 8, 0), lotus["konto_nr"], name(lotus), "DK00 0004 3310 2299 10", "Herning Erhvervsudlejning ApS",
      14000.0, "Overførsel", "Husleje Vestergade 14 st.", nets=(N1,))
L(datetime(2026, 9, 2, 22, 14), lotus, D_COLL, IP_COLL, kanal="web", nets=(N1,))
L(datetime(2026, 10, 1, 23, 2), lotus, D_REMOTE, IP_RO[0], land="RO", kanal="web", nets=(N1,))
# the raid: everything switched off from the organiser's phone within hours
for k, (who, ev) in enumerate([(coll, "MobilePay afmeldt"), (v1, "MobilePay afmeldt"), (v2, "App-enhed fjernet"),
                               (v3, "MobilePay afmeldt"), (coll, "App-enhed fjernet"), (v1, "App-enhed fjernet"),
                               (v3, "App-enhed fjernet")]):
    L(RAID + timedelta(minutes=35 + 17 * k), who, D_REMOTE, IP_RO[1], land="RO", haendelse=ev, nets=(N1,))
K(RAID + timedelta(hours=3, minutes=10), coll, "Kunde anmoder om ophør", kanal="app", nets=(N1,),
  notat="ønsker alle konti lukket straks; saldo til udlandet")

# ================================================================ NETWORK N2: Kolding Facade (labour exploitation)
N2 = "N2-kolding-facade"
HOUSE = "Industrivej 7, 1. sal, 6000 Kolding"
P_AGENT = "+45 20 00 63 30"
D_AGENT = "and-SM-S918B-4C02E1"
IP_AGENT = "93.165.20.44"
agent = add_customer((N2,), fornavn="Plamen", efternavn="Georgiev", foedselsdato="19.09.1979", statsborgerskab="BG",
                     telefon=phone(P_AGENT), email="p.georgiev.bg@fastpost.example", adresse="Skovvangen 3, 6000 Kolding",
                     oprettet="07-04-2024", app_enhed=D_AGENT, stilling="Direktør", maanedsindkomst=money(35000),
                     bopael_dk_siden="15.03.2024", sprog="en")
firm = add_customer((N2,), fornavn="Kolding Facade & Stillads", efternavn="ApS", kundetype="Erhverv", telefon=phone(P_AGENT),
                    email="kontakt@koldingfacade.example", adresse="Industrivej 7, 6000 Kolding", oprettet="02-06-2024",
                    app_enhed=D_AGENT, stilling="Stilladsarbejde og facaderenovering", maanedsindkomst=money(420000))
companies.append(tag(dict(cvr="44120957", navn="Kolding Facade & Stillads ApS", branchekode="439910",
                          branchetekst="Stilladsarbejde", adresse="Industrivej 7, 6000 Kolding", konto_nr=firm["konto_nr"],
                          stiftet="01-06-2024", ansatte="5-9", ejer_navn="Kenneth Holm", ejer_foedt="02.12.1990",
                          ejer_land="DK", ejer_kunde_nr="", ejer_fra="01-06-2024", ejer_til="31-05-2026"), N2))
companies.append(tag(dict(cvr="44120957", navn="Kolding Facade & Stillads ApS", branchekode="439910",
                          branchetekst="Stilladsarbejde", adresse="Industrivej 7, 6000 Kolding", konto_nr=firm["konto_nr"],
                          stiftet="01-06-2024", ansatte="5-9", ejer_navn="Plamen Georgiev", ejer_foedt="19.09.1979",
                          ejer_land="BG", ejer_kunde_nr=agent["kunde_nr"], ejer_fra="01-06-2026", ejer_til=""), N2))
wspec = [("Stoyan", "Dimitrov"), ("Nikolay", "Hristov"), ("Georgi", "Ivanov"), ("Todor", "Petkov"),
         ("Vasil", "Angelov"), ("Krasimir", "Yordanov")]
workers = []
for k, (fn, ln) in enumerate(wspec):
    onb = datetime(2026, 9, 1 + k * 2 if k < 4 else 8 + k, 10 + k % 3, 15)
    w = add_customer((N2,), fornavn=fn, efternavn=ln, foedselsdato="%02d.%02d.%d" % (R.randint(1, 28), R.randint(1, 12), R.randint(1978, 2000)),
                     statsborgerskab="BG", telefon=phone(P_AGENT) if k in (0, 1, 3, 5) else phone(),
                     email="kfs.team%02d@webpost.example" % (k + 1), adresse=HOUSE, app_enhed=D_AGENT if k % 2 == 0 else dev("and"),
                     stilling="Stilladsarbejder", maanedsindkomst=money(26000), bopael_dk_siden=onb.strftime("%d.%m.%Y"), sprog="bg")
    onboarding(w, onb, "filial", nets=(N2,), aktoer="Plamen Georgiev (tolk)",
               notat="arbejdsgiver medbragte pas og opholdsdokumenter for kunden")
    workers.append(w)
for w in workers[:3]:
    K(datetime.strptime(w["oprettet"], "%d-%m-%Y") + timedelta(days=1, hours=11), w, "Fuldmagt registreret",
      kanal="filial", aktoer="Plamen Georgiev", nets=(N2,), notat="fuld fuldmagt til netbank og kort")
K(datetime(2026, 9, 20, 21, 3), workers[2], "Stamdata ændret", "telefon", workers[2]["telefon"], P_AGENT, "app", nets=(N2,))
workers[2]["telefon"] = P_AGENT
K(datetime(2026, 10, 6, 10, 30), workers[4], "Henvendelse via tredjepart", kanal="telefon", aktoer="Plamen Georgiev",
  nets=(N2,), notat="spurgte til kundens saldo og kort; kunden ikke til stede")
BG_RECRUITER = ("BG00 0000 0000 7719 3302 55", "Balkan Staff Consult EOOD")
clients = [("Kolding Boligforening", iban("DK00 0005")), ("Trekantens Byg A/S", iban("DK00 0005")),
           ("Fredericia Ejendomme ApS", iban("DK00 0005"))]
for d in [datetime(2026, 8, 5), datetime(2026, 8, 19), datetime(2026, 9, 4), datetime(2026, 9, 18),
          datetime(2026, 10, 2), datetime(2026, 10, 16), datetime(2026, 10, 29)]:
    cl = R.choice(clients)
    T(rand_time(d, 9, 15), cl[1], cl[0], firm["konto_nr"], name(firm), round(R.uniform(85000, 190000), -2), "Overførsel",
      "Faktura %d" % R.randint(1040, 1099), nets=(N2,))
for d in days(datetime(2026, 8, 3), datetime(2026, 10, 30)):
    if d.weekday() == 4:
        T(rand_time(d, 14, 17), firm["konto_nr"], name(firm), "HÆVEAUTOMAT 0511", "Hæveautomat Kolding Storcenter",
          float(R.choice([20000, 25000, 30000])), "Hævning", by="Kolding", nets=(N2,))
for me in month_ends()[1:]:
    lt = datetime(me.year, me.month, me.day, 6, 30)
    for k, w in enumerate(workers):
        sal = 16200.0
        if k in (4, 5):   # two workers' pay lands in the agent's own account
            T(lt, firm["konto_nr"], name(firm), agent["konto_nr"], name(agent), sal, "Lønoverførsel",
              "Løn %s %s." % (w["efternavn"], w["fornavn"][0]), nets=(N2,))
            continue
        T(lt, firm["konto_nr"], name(firm), w["konto_nr"], name(w), sal, "Lønoverførsel", "LØN %s" % me.strftime("%m/%Y"),
          nets=(N2,))
        t2 = lt + timedelta(hours=R.randint(10, 50))
        T(t2, w["konto_nr"], name(w), agent["konto_nr"], name(agent), float(R.choice([9500, 10000, 10500])),
          R.choice(["MobilePay", "Overførsel"]), R.choice(["bolig+transport", "lån", "afdrag", "bolig", "gebyr+bolig"]),
          nets=(N2,))
        t3 = t2 + timedelta(hours=R.randint(2, 30))
        T(t3, w["konto_nr"], name(w), BG_RECRUITER[0], BG_RECRUITER[1], float(R.choice([1500, 2000])), "Udlandsoverførsel",
          "vnoska", land="BG", nets=(N2,))
        for _ in range(R.randint(2, 4)):
            card(w, rand_time(lt + timedelta(days=R.randint(1, 20)), 17, 21), "Lidl", 5411, round(R.uniform(45, 160), 2),
                 "Kolding", nets=(N2,))
    T(lt + timedelta(days=3), agent["konto_nr"], name(agent), "BG00 0000 0000 1200 4471 09", "Plamen Georgiev",
      float(R.choice([30000, 35000])), "Udlandsoverførsel", "", land="BG", nets=(N2,))
# first partial month (September hires): a cash "advance" handed over and paid back
for w in workers:
    for _ in range(4):
        d = datetime(2026, R.randint(9, 10), R.randint(1, 28))
        L(rand_time(d, 20, 23), w, D_AGENT, IP_AGENT, nets=(N2,))
    if w["app_enhed"] != D_AGENT:
        L(rand_time(datetime(2026, 9, 28), 18, 21), w, w["app_enhed"], IP_AGENT, nets=(N2,))
for _ in range(10):
    L(rand_time(datetime(2026, R.randint(8, 10), R.randint(1, 28)), 7, 23), agent, D_AGENT, IP_AGENT, nets=(N2,))
for d in [datetime(2026, 8, 12), datetime(2026, 9, 16), datetime(2026, 10, 14)]:
    card(agent, rand_time(d, 12, 20), "Kolding Bilcenter", 5511, float(R.choice([6500, 7200])), "Kolding", nets=(N2,))
    card(agent, rand_time(d, 19, 23), "Restaurant Gæstgiveriet", 5812, round(R.uniform(900, 2400), 2), "Kolding", nets=(N2,))
L(datetime(2026, 9, 30, 7, 1), firm, D_AGENT, IP_AGENT, kanal="web", nets=(N2,))
L(datetime(2026, 10, 30, 7, 3), firm, D_AGENT, IP_AGENT, kanal="web", nets=(N2,))

# ================================================================ LOOK-ALIKES
# L1 independent sex worker / masseuse with her own firm
L1 = "L1-independent-escort"
cam = add_customer((L1,), fornavn="Camilla", efternavn="Bech", foedselsdato="11.03.1992", telefon=phone("+45 20 00 48 19"),
                   email="camilla.bech.massage@webpost.example", adresse="Fredensgade 9, 2. tv, 8000 Aarhus C",
                   oprettet="04-05-2017", app_enhed="ios-CB19A0E4421F", stilling="Selvstændig (massage/escort)",
                   maanedsindkomst=money(38000))
companies.append(tag(dict(cvr="39880412", navn="Camilla Bech Wellness", branchekode="960400",
                          branchetekst="Fysisk velvære (massage, spa)", adresse="Fredensgade 9, 2. tv, 8000 Aarhus C",
                          konto_nr=cam["konto_nr"], stiftet="01-06-2018", ansatte="0", ejer_navn="Camilla Bech",
                          ejer_foedt="11.03.1992", ejer_land="DK", ejer_kunde_nr=cam["kunde_nr"], ejer_fra="01-06-2018",
                          ejer_til=""), L1))
cbuy = [(phone(), "%s %s" % (R.choice(FIRST_M), R.choice(LAST))) for _ in range(40)]
for d in days():
    if d.weekday() in (6,):
        continue
    for _ in range(R.choice([0, 0, 1, 1, 2])):
        b = R.choice(cbuy[:10]) if R.random() < 0.35 else R.choice(cbuy)
        t = night_time(d) if R.random() < 0.55 else rand_time(d, 11, 18)
        T(t, b[0], b[1], cam["konto_nr"], name(cam), float(R.choice([1200, 1500, 1500, 2000, 2500])), "MobilePay",
          R.choice(["", "tak 💋", "massage", "tak for sidst", "🌹", "1,5 t"]), nets=(L1,))
for m in (8, 9, 10):
    T(datetime(2026, m, 1, 7, 30), cam["konto_nr"], name(cam), "DK00 0002 8891 2200 17", "AAB Afd. 12", 8950.0,
      "Betalingsservice", "Husleje", nets=(L1,))
    T(datetime(2026, m, 20, 9, 0), cam["konto_nr"], name(cam), "DK00 0009 0000 0000 02", "Skattestyrelsen", 9400.0,
      "Overførsel", "B-skat rate %d" % (m + 1), nets=(L1,))
    for _ in range(5):
        g, mcc = R.choice(GROCERS)
        card(cam, rand_time(datetime(2026, m, R.randint(1, 28)), 9, 20), g, mcc, round(R.uniform(120, 640), 2), "Aarhus C",
             nets=(L1,))
    for wk in range(4):
        card(cam, datetime(2026, m, 2 + wk * 7, 10, 4), "NatAnnonce.dk", 7311, 149.0, "", nets=(L1,), kanal="Visa/Dankort")
    card(cam, rand_time(datetime(2026, m, 12), 10, 18), "Fitness World", 7997, 299.0, "Aarhus C", nets=(L1,))
card(cam, datetime(2026, 9, 17, 15, 10), "Hotel Limfjord Bymidte", 7011, 2350.0, "Aalborg", nets=(L1,), kanal="Visa/Dankort")
T(datetime(2026, 10, 28, 10, 0), cam["konto_nr"], name(cam), "DK00 0006 5521 0042 99", "Camilla Bech - opsparing", 10000.0,
  "Overførsel", "pension", nets=(L1,))
for _ in range(12):
    L(rand_time(datetime(2026, R.randint(8, 10), R.randint(1, 28)), 8, 23), cam, cam["app_enhed"], "80.197.11.62", nets=(L1,))

# L2 family with mixed surnames sharing address, phone and a tablet; grandmother acts via her daughter
L2 = "L2-family-kjaer-haddad"
FAM_ADDR = "Lærkevej 17, 7430 Ikast"
TAB = "ios-iPad-FAM8813C2"
mette = add_customer((L2,), fornavn="Mette", efternavn="Kjær", foedselsdato="04.08.1975", telefon=phone("+45 20 00 52 90"),
                     email="mette.kjaer@netmail.example", adresse=FAM_ADDR, oprettet="02-02-2001", app_enhed="ios-MK55A1B02C77",
                     stilling="Sygeplejerske", maanedsindkomst=money(41000))
ahmed = add_customer((L2,), fornavn="Ahmed", efternavn="Haddad", foedselsdato="29.10.1972", statsborgerskab="DK",
                     telefon=phone("+45 20 00 52 91"), email="ahmed.haddad@netmail.example", adresse=FAM_ADDR,
                     oprettet="15-06-2004", app_enhed="and-AH0091EE31C2", stilling="Buschauffør", maanedsindkomst=money(33000),
                     bopael_dk_siden="01.09.1994")
sara = add_customer((L2,), fornavn="Sara", efternavn="Haddad", foedselsdato="12.01.2007", telefon=phone("+45 20 00 52 90"),
                    email="mette.kjaer@netmail.example", adresse=FAM_ADDR, oprettet="20-01-2025", app_enhed=TAB,
                    stilling="Studerende", maanedsindkomst=money(6400))
inge = add_customer((L2,), fornavn="Inge", efternavn="Kjær", foedselsdato="30.05.1941", telefon=phone("+45 20 00 52 33"),
                    email="", adresse=FAM_ADDR, oprettet="11-11-1978", app_enhed=TAB, stilling="Pensionist",
                    maanedsindkomst=money(17800))
K(datetime(2026, 8, 11, 10, 0), inge, "Fuldmagt registreret", kanal="filial", aktoer="Mette Kjær (datter)", nets=(L2,))
K(datetime(2026, 8, 12, 14, 20), inge, "Stamdata ændret", "telefon", inge["telefon"], "+45 20 00 52 90", "filial",
  aktoer="Mette Kjær (datter)", nets=(L2,))
inge["telefon"] = "+45 20 00 52 90"
K(datetime(2026, 9, 3, 10, 30), inge, "Video-ID afvist", kanal="video", nets=(L2,), notat="kunden kunne ikke betjene kameraet")
K(datetime(2026, 9, 4, 11, 0), inge, "Video-ID afvist", kanal="video", nets=(L2,))
K(datetime(2026, 9, 10, 13, 0), inge, "Møde afholdt", kanal="filial", aktoer="Mette Kjær (datter)", nets=(L2,),
  notat="legitimeret med pas i filialen")
K(datetime(2026, 10, 2, 15, 0), inge, "Henvendelse via tredjepart", kanal="telefon", aktoer="Mette Kjær (datter)", nets=(L2,))
for p, emp in [(mette, "Region Vestjylland"), (ahmed, "Midttrafik Vest")]:
    for me in month_ends():
        T(datetime(me.year, me.month, me.day, 3, 10), "DK00 0001 1100 4455 66", emp, p["konto_nr"], name(p),
          round(float(p["maanedsindkomst"].replace(".", "").replace(",", ".")) * 0.63, 2), "Lønoverførsel", "LØN", nets=(L2,))
for m in (8, 9, 10):
    T(datetime(2026, m, 1, 6, 0), mette["konto_nr"], name(mette), "DK00 0004 2277 1900 01", "Totalkredit", 11800.0,
      "Betalingsservice", "Boliglån", nets=(L2,))
    T(datetime(2026, m, 2, 9, 0), ahmed["konto_nr"], name(ahmed), mette["konto_nr"], name(mette), 7000.0, "Overførsel",
      "budget", nets=(L2,))
    T(datetime(2026, m, 10, 9, 0), "DK00 0009 0000 0000 01", "Udbetaling Danmark", inge["konto_nr"], name(inge), 11200.0,
      "Overførsel", "Folkepension", nets=(L2,))
    T(datetime(2026, m, 11, 12, 0), inge["konto_nr"], name(inge), mette["konto_nr"], name(mette), 3000.0, "Overførsel",
      "kostpenge", nets=(L2,))
    T(datetime(2026, m, 15, 9, 0), "DK00 0009 0000 0000 03", "SU-styrelsen", sara["konto_nr"], name(sara), 6397.0,
      "Overførsel", "SU", nets=(L2,))
    for p in (mette, ahmed, sara):
        for _ in range(3):
            g, mcc = R.choice(GROCERS)
            card(p, rand_time(datetime(2026, m, R.randint(1, 28)), 9, 20), g, mcc, round(R.uniform(90, 900), 2), "Ikast",
                 nets=(L2,))
    T(rand_time(datetime(2026, m, 20), 17, 20), mette["konto_nr"], name(mette), sara["konto_nr"], name(sara), 500.0,
      "MobilePay", "lommepenge ❤️", nets=(L2,))
for p in (mette, sara, inge):
    for _ in range(5):
        L(rand_time(datetime(2026, R.randint(8, 10), R.randint(1, 28)), 8, 22), p, TAB, "80.62.200.14", nets=(L2,))
for p in (mette, ahmed, sara):
    for _ in range(3):
        L(rand_time(datetime(2026, R.randint(8, 10), R.randint(1, 28)), 7, 22), p, p["app_enhed"] if p is not sara else TAB,
          "80.62.200.14", nets=(L2,))

# L3 students sharing a flat in Aarhus
L3 = "L3-students-flat"
FLAT = "Nørrebrogade 88, 3. tv, 8000 Aarhus C"
studs = []
for k, (fn, ln, b) in enumerate([("Freja", "Nielsen", "03.04.2005"), ("Jonas", "Lund", "21.09.2004"),
                                 ("Mikkel", "Abbas", "14.02.2006"), ("Ida", "Sørensen", "30.07.2005")]):
    s = add_customer((L3,), fornavn=fn, efternavn=ln, foedselsdato=b, telefon=phone(),
                     email="%s.%s@stud.example" % (fn.lower(), ln.lower().replace("ø", "oe")), adresse=FLAT,
                     app_enhed=dev(R.choice(["ios", "and"])), stilling="Studerende", maanedsindkomst=money(6400))
    onboarding(s, datetime(2026, 8, 10 + 3 * k, 13, 10 + k), "app", nets=(L3,))
    K(datetime(2026, 8, 10 + 3 * k, 13, 25 + k), s, "Video-ID godkendt", kanal="video", nets=(L3,))
    studs.append(s)
for m in (8, 9, 10):
    for s in studs:
        T(datetime(2026, m, 15, 9, 0), "DK00 0009 0000 0000 03", "SU-styrelsen", s["konto_nr"], name(s), 6397.0,
          "Overførsel", "SU", nets=(L3,))
        if s is not studs[0]:
            T(rand_time(datetime(2026, m, R.randint(26, 30) if m != 8 else 28), 10, 22) if m != 8 else datetime(2026, 8, 28, 20, 4),
              s["konto_nr"], name(s), studs[0]["konto_nr"], name(studs[0]), 4250.0, "MobilePay",
              R.choice(["husleje + net", "husleje 🏠", "leje"]), nets=(L3,))
        for _ in range(3):
            g, mcc = R.choice(GROCERS)
            card(s, rand_time(datetime(2026, m, R.randint(1, 28)), 10, 22), g, mcc, round(R.uniform(40, 320), 2), "Aarhus C",
                 nets=(L3,))
        card(s, night_time(datetime(2026, m, R.randint(1, 28))), "Studenterhus Aarhus", 5813, float(R.choice([45, 90, 135])),
             "Aarhus C", nets=(L3,))
    T(datetime(2026, m, 1, 8, 0), studs[0]["konto_nr"], name(studs[0]), "DK00 0002 7741 0099 12", "Ejendomsadm. Fjord ApS",
      16500.0, "Overførsel", "Husleje Nørrebrogade 88 3tv", nets=(L3,))
for s in studs:
    for _ in range(4):
        L(rand_time(datetime(2026, R.randint(8, 10), R.randint(1, 28)), 9, 24), s, s["app_enhed"], "185.45.12.90", nets=(L3,))

# L4 seasonal fruit farm: wages, housing on the farm, small rent, own remittances
L4 = "L4-seasonal-farm"
FARM = "Bøgelyvej 12, 5953 Tranekær"
farm = add_customer((L4,), fornavn="Bøgely Frugtplantage", efternavn="I/S", kundetype="Erhverv", telefon=phone("+45 20 00 55 10"),
                    email="post@boegely.example", adresse=FARM, oprettet="01-04-1998", app_enhed=dev("web"),
                    stilling="Frugtavl", maanedsindkomst=money(380000))
companies.append(tag(dict(cvr="18774321", navn="Bøgely Frugtplantage I/S", branchekode="012400",
                          branchetekst="Dyrkning af kerne- og stenfrugter", adresse=FARM, konto_nr=farm["konto_nr"],
                          stiftet="01-04-1998", ansatte="10-19", ejer_navn="Jens Bøgely", ejer_foedt="08.08.1966",
                          ejer_land="DK", ejer_kunde_nr="", ejer_fra="01-04-1998", ejer_til=""), L4))
seas = []
for k, (fn, ln, nat) in enumerate([("Marek", "Kowalski", "PL"), ("Anna", "Wiśniewska", "PL"), ("Piotr", "Zieliński", "PL"),
                                   ("Andrei", "Munteanu", "RO"), ("Elena", "Dumitru", "RO"), ("Tomasz", "Nowak", "PL")]):
    s = add_customer((L4,), fornavn=fn, efternavn=ln, foedselsdato="%02d.%02d.%d" % (R.randint(1, 28), R.randint(1, 12), R.randint(1975, 2001)),
                     statsborgerskab=nat, telefon=phone(), email="%s.%s%d@netmail.example" % (fn.lower(), "x" + str(k), R.randint(10, 99)),
                     adresse=FARM, app_enhed=dev("and"), stilling="Sæsonarbejder (frugtplukning)",
                     maanedsindkomst=money(24500), bopael_dk_siden="28.07.2026", sprog="pl" if nat == "PL" else "ro")
    onboarding(s, datetime(2026, 8, 3 + k // 2, 10, 10 * k), "filial", nets=(L4,), aktoer="Jens Bøgely (arbejdsgiver)",
               notat="arbejdsgiver bookede mødet; kunden legitimeret med eget pas")
    K(datetime(2026, 8, 3 + k // 2, 10, 10 * k + 5), s, "Møde afholdt", kanal="filial", nets=(L4,))
    seas.append(s)
for d in days(datetime(2026, 8, 7), datetime(2026, 10, 30)):
    if d.weekday() == 4:
        for s in seas:
            T(datetime(d.year, d.month, d.day, 6, 0), farm["konto_nr"], name(farm), s["konto_nr"], name(s),
              round(R.uniform(4300, 5200), 2), "Lønoverførsel", "Løn uge %d" % d.isocalendar()[1], nets=(L4,))
        T(datetime(d.year, d.month, d.day, 6, 5), farm["konto_nr"], name(farm), "DK00 0009 0000 0000 02", "Skattestyrelsen",
          round(R.uniform(7800, 9400), 2), "Overførsel", "A-skat og AM-bidrag", nets=(L4,))
for m in (9, 10):
    T(datetime(2026, m, 5, 8, 0), farm["konto_nr"], name(farm), "DK00 0009 0000 0000 04", "ATP", 1705.0, "Betalingsservice",
      "ATP-bidrag", nets=(L4,))
    T(datetime(2026, m, 12, 9, 0), "DK00 0007 4411 2290 10", "Frugtgrossisten A/S", farm["konto_nr"], name(farm),
      round(R.uniform(240000, 320000), -2), "Overførsel", "Afregning æbler", nets=(L4,))
fam_ib = {}
for s in seas:
    cc = "PL" if s["statsborgerskab"] == "PL" else "RO"
    fam_ib[s["kunde_nr"]] = (foreign_iban(cc), "%s %s" % (R.choice(["Maria", "Jan", "Ewa", "Ion", "Maria", "Ana"]), s["efternavn"]))
    for m in (8, 9, 10):
        T(datetime(2026, m, R.randint(2, 5), R.randint(8, 12), 0), s["konto_nr"], name(s), farm["konto_nr"], name(farm),
          1200.0, "Overførsel", "Husleje campingvogn %s" % ["aug", "sep", "okt"][m - 8], nets=(L4,))
        for _ in range(4):
            card(s, rand_time(datetime(2026, m, R.randint(1, 28)), 16, 20), R.choice(["Rema 1000", "SuperBrugsen"]), 5411,
                 round(R.uniform(90, 420), 2), "Tranekær", nets=(L4,))
        if m > 8:
            T(datetime(2026, m, R.randint(8, 20), R.randint(17, 21), 0), s["konto_nr"], name(s), fam_ib[s["kunde_nr"]][0],
              fam_ib[s["kunde_nr"]][1], float(R.choice([4000, 5000, 6000, 7500])), "Udlandsoverførsel", "dla rodziny" if cc == "PL" else "pentru familie",
              land=cc, nets=(L4,))
    for _ in range(5):
        L(rand_time(datetime(2026, R.randint(8, 10), R.randint(1, 28)), 18, 23), s, s["app_enhed"], "62.243.88.17", nets=(L4,))

# L6 sports club collecting membership fees by MobilePay
L6 = "L6-sports-club"
club = add_customer((L6,), fornavn="Nordby IF", efternavn="(forening)", kundetype="Erhverv", telefon=phone("+45 20 00 31 00"),
                    email="kasserer@nordbyif.example", adresse="Stadionvej 4, 7400 Herning", oprettet="12-02-1989",
                    app_enhed="ios-KASS0A77E013", stilling="Idrætsforening", maanedsindkomst=money(25000))
kids = ["Emil", "Noah", "Alma", "Clara", "William", "Karla", "Oscar", "Ella", "Lucas", "Agnes", "Viggo", "Ida", "Malthe", "Freja"]
for _ in range(44):
    p = (phone(), "%s %s" % (R.choice(FIRST_F + FIRST_M), R.choice(LAST)))
    d = datetime(2026, R.choice([8, 8, 8, 9]), R.randint(1, 28))
    team = R.choice(["U9", "U11", "U13", "U15", "Damer", "Oldboys", "Senior"])
    amt = {"U9": 450.0, "U11": 650.0, "U13": 650.0, "U15": 900.0}.get(team, 1100.0)
    T(rand_time(d, 8, 23), p[0], p[1], club["konto_nr"], name(club), amt, "MobilePay",
      "kontingent %s %s" % (team, R.choice(kids) if team.startswith("U") else ""), nets=(L6,))
for m in (8, 9, 10):
    T(datetime(2026, m, 20, 10, 0), club["konto_nr"], name(club), "DK00 0004 8820 1100 07", "DBU Jylland",
      round(R.uniform(3000, 9000), 2), "Overførsel", "Holdtilmelding", nets=(L6,))
    card(club, rand_time(datetime(2026, m, 12), 10, 18), "Sportmaster", 5941, round(R.uniform(1500, 6000), 2), "Herning", nets=(L6,))
for _ in range(6):
    L(rand_time(datetime(2026, R.randint(8, 10), R.randint(1, 28)), 19, 23), club, club["app_enhed"], "188.176.41.3", nets=(L6,))
companies.append(tag(dict(cvr="29114088", navn="Nordby Idrætsforening", branchekode="931200",
                          branchetekst="Sportsklubber", adresse="Stadionvej 4, 7400 Herning", konto_nr=club["konto_nr"],
                          stiftet="12-02-1989", ansatte="1", ejer_navn="", ejer_foedt="", ejer_land="", ejer_kunde_nr="",
                          ejer_fra="", ejer_til=""), L6))

# L7 travel agency buying tickets and rooms for many travellers
L7 = "L7-travel-agency"
travel = add_customer((L7,), fornavn="Rejsehuset Kattegat", efternavn="ApS", kundetype="Erhverv", telefon=phone("+45 20 00 36 60"),
                      email="booking@rejsehusetkattegat.example", adresse="Havnegade 3, 8000 Aarhus C", oprettet="05-09-2011",
                      app_enhed=dev("web"), stilling="Rejsebureau", maanedsindkomst=money(520000))
companies.append(tag(dict(cvr="33205519", navn="Rejsehuset Kattegat ApS", branchekode="791100",
                          branchetekst="Rejsebureauer", adresse="Havnegade 3, 8000 Aarhus C", konto_nr=travel["konto_nr"],
                          stiftet="05-09-2011", ansatte="5-9", ejer_navn="Birthe Kattegaard", ejer_foedt="21.10.1970",
                          ejer_land="DK", ejer_kunde_nr="", ejer_fra="05-09-2011", ejer_til=""), L7))
for _ in range(26):
    d = datetime(2026, R.randint(8, 10), R.randint(1, 28))
    pax = "%s %s" % (R.choice(FIRST_F + FIRST_M), R.choice(LAST))
    air, mcc = R.choice([("SAS", 4511), ("Norwegian", 4511), ("Wizz Air", 4511), ("DSB", 4112)])
    card(travel, rand_time(d, 9, 16), air, mcc, round(R.uniform(900, 5200), 2), "", nets=(L7,), kanal="Visa/Dankort")
    txns[-1]["tekst"] = "%s retur %s" % (pax, R.choice(["AAR-LHR", "BLL-ALC", "CPH-BKK", "AAL-CPH", "BLL-SPU", "CPH-NCE"]))
    if R.random() < 0.5:
        city, h = R.choice([("Berlin", "Hotel Spree Mitte"), ("Rom", "Albergo Roma Centro"), ("Aalborg", "Hotel Limfjord Bymidte"),
                            ("København", "Hotel Nyhavn Kaj")])
        card(travel, rand_time(d, 9, 16), h, 7011, round(R.uniform(2400, 9800), 2), city, nets=(L7,), kanal="Visa/Dankort",
             land={"Berlin": "DE", "Rom": "IT"}.get(city, "DK"))
    T(rand_time(d - timedelta(days=R.randint(1, 5)), 9, 21), iban("DK00 0008"), pax, travel["konto_nr"], name(travel),
      round(R.uniform(3500, 14000), -2), "Overførsel", "Rejse ordre %d" % R.randint(20110, 20999), nets=(L7,))
for m in (8, 9, 10):
    T(datetime(2026, m, 30 if m != 10 else 30, 6, 0), travel["konto_nr"], name(travel), "DK00 0008 7700 1200 01", "Lønservice Danløn",
      148000.0, "Overførsel", "Løn %d medarbejdere" % 7, nets=(L7,))
for _ in range(8):
    L(rand_time(datetime(2026, R.randint(8, 10), R.randint(1, 28)), 8, 17), travel, travel["app_enhed"], "87.54.3.120", kanal="web", nets=(L7,))

# L8 legitimate sports-massage clinic in Herning (same trade and town as Lotus)
L8 = "L8-legit-massage-clinic"
smc = add_customer((L8,), fornavn="Herning Sportsmassage", efternavn="ApS", kundetype="Erhverv", telefon=phone("+45 20 00 44 70"),
                   email="info@herningsportsmassage.example", adresse="Brændgårdvej 22, 7400 Herning", oprettet="01-02-2016",
                   app_enhed=dev("web"), stilling="Massage og fysioterapi", maanedsindkomst=money(140000))
companies.append(tag(dict(cvr="37522910", navn="Herning Sportsmassage ApS", branchekode="960400",
                          branchetekst="Fysisk velvære (massage, spa)", adresse="Brændgårdvej 22, 7400 Herning",
                          konto_nr=smc["konto_nr"], stiftet="01-02-2016", ansatte="2-4", ejer_navn="Rune Brix",
                          ejer_foedt="14.06.1984", ejer_land="DK", ejer_kunde_nr="", ejer_fra="01-02-2016", ejer_til=""), L8))
for d in days():
    if d.weekday() < 5:
        T(datetime(d.year, d.month, d.day, 23, 55), "NETS INDLØSNING", "Nets Denmark", smc["konto_nr"], name(smc),
          round(R.uniform(3500, 8200), 2), "Kortindløsning", "Dankort/Visa salg", nets=(L8,))
for _ in range(30):
    d = datetime(2026, R.randint(8, 10), R.randint(1, 28))
    p = (phone(), "%s %s" % (R.choice(FIRST_F + FIRST_M), R.choice(LAST)))
    T(rand_time(d, 8, 18), p[0], p[1], smc["konto_nr"], name(smc), float(R.choice([450, 550, 650])), "MobilePay",
      R.choice(["sportsmassage", "behandling", "klippekort", ""]), nets=(L8,))
for me in month_ends():
    for emp in ("Rune Brix", "Lise Toft", "Omar Saleh"):
        T(datetime(me.year, me.month, me.day, 5, 0), smc["konto_nr"], name(smc), iban("DK00 0011"), emp,
          round(R.uniform(22000, 27000), 2), "Lønoverførsel", "LØN %s" % me.strftime("%m/%Y"), nets=(L8,))
    T(datetime(me.year, me.month, me.day, 5, 5), smc["konto_nr"], name(smc), "DK00 0009 0000 0000 02", "Skattestyrelsen",
      round(R.uniform(26000, 30000), 2), "Overførsel", "A-skat og AM-bidrag", nets=(L8,))
    T(datetime(me.year, me.month, 28, 8, 0), smc["konto_nr"], name(smc), "DK00 0004 3310 2299 10",
      "Herning Erhvervsudlejning ApS", 12500.0, "Overførsel", "Husleje Brændgårdvej", nets=(L8,))

# L9 touring musician: hotels in many cities, night taxis, MobilePay from bandmates
L9 = "L9-touring-musician"
mus = add_customer((L9,), fornavn="Troels", efternavn="Vind", foedselsdato="07.07.1986", telefon=phone(),
                   email="troels.vind@postkasse.example", adresse="Grønnegade 40, 8800 Viborg", oprettet="19-03-2009",
                   app_enhed="ios-TV771B20D9A0", stilling="Musiker (selvstændig)", maanedsindkomst=money(29000))
tour = [("Aalborg", 9, 4), ("Aarhus C", 9, 5), ("Odense", 9, 6), ("Esbjerg", 9, 11), ("Kolding", 9, 12), ("København", 9, 13),
        ("Aalborg", 10, 2), ("Aarhus C", 10, 3), ("Odense", 10, 9), ("Vejle", 10, 10), ("København", 10, 16), ("Randers", 10, 17)]
for city, m, dd in tour:
    card(mus, datetime(2026, m, dd, 16, R.randint(0, 59)), "Cabinn %s" % city.replace(" C", ""), 7011,
         round(R.uniform(650, 1100), 2), city, nets=(L9,), kanal="Visa/Dankort")
    card(mus, datetime(2026, m, dd + 1, R.randint(0, 2), R.randint(0, 59)), "Taxa %s" % city.replace(" C", ""), 4121,
         round(R.uniform(140, 380), 2), city, nets=(L9,), kanal="Visa/Dankort")
    T(datetime(2026, m, dd + 1, 11, 0), "DK00 0012 4400 1991 00", "Spillestedet %s" % city.replace(" C", ""), mus["konto_nr"],
      name(mus), float(R.choice([4000, 5000, 6000])), "Overførsel", "Gage koncert", nets=(L9,))
for _ in range(8):
    p = R.choice(background[40:45])
    T(rand_time(datetime(2026, R.randint(9, 10), R.randint(1, 28)), 10, 23), p["konto_nr"], name(p), mus["konto_nr"],
      name(mus), float(R.choice([200, 350, 500])), "MobilePay", R.choice(["benzin 🚐", "hotel split", "strenge", "øvelokale"]),
      nets=(L9,))
for m in (8, 9, 10):
    T(datetime(2026, m, 1, 7, 0), mus["konto_nr"], name(mus), "DK00 0002 1200 8811 40", "Boligselskabet Vestparken", 6900.0,
      "Betalingsservice", "Husleje", nets=(L9,))
    for _ in range(3):
        g, mcc = R.choice(GROCERS)
        card(mus, rand_time(datetime(2026, m, R.randint(1, 28)), 9, 20), g, mcc, round(R.uniform(100, 500), 2), "Viborg", nets=(L9,))
for city, m, dd in tour:
    L(datetime(2026, m, dd, 23, R.randint(0, 59)), mus, mus["app_enhed"], dk_ip(), nets=(L9,))

# nothing happens on an account before the customer was onboarded
_onb = {c["konto_nr"]: datetime.strptime(c["oprettet"], "%d-%m-%Y") for c in customers}
_onb_id = {c["kunde_nr"]: datetime.strptime(c["oprettet"], "%d-%m-%Y") for c in customers}
txns = [r for r in txns if r["t"] >= max(_onb.get(r["fra_konto"], START), _onb.get(r["til_konto"], START))]
logins = [r for r in logins if r["t"] >= _onb_id[r["kunde_nr"]]]

# ---------------------------------------------------------------- write
os.makedirs(OUT, exist_ok=True)
truth = {}  # net -> file -> list of ids


def note(net, f, rid):
    truth.setdefault(net, {}).setdefault(f, []).append(rid)


# customers
cust_cols = ["kunde_nr", "konto_nr", "fornavn", "efternavn", "foedselsdato", "statsborgerskab", "telefon", "email", "adresse",
             "oprettet", "app_enhed", "stilling", "maanedsindkomst", "kundetype", "bopael_dk_siden", "sprog"]
customers.sort(key=lambda c: datetime.strptime(c["oprettet"], "%d-%m-%Y"))
with open(os.path.join(OUT, "kunder.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\r\n")
    w.writerow(cust_cols)
    for c in customers:
        w.writerow([c[k] for k in cust_cols])
        for n in c["_nets"]:
            note(n, "data/kunder.csv", c["kunde_nr"])

# postings
txns.sort(key=lambda r: r["t"])
cols = ["bilagsnr", "tidspunkt", "fra_konto", "fra_navn", "til_konto", "til_navn", "beløb", "valuta", "kanal", "tekst",
        "brugssted", "mcc", "by", "land"]
with open(os.path.join(OUT, "posteringer.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\r\n")
    w.writerow(cols)
    for i, r in enumerate(txns):
        bil = "B%08d" % (26080000 + i * 7 + R.randint(0, 6))
        w.writerow([bil, dk_ts(r["t"]), r["fra_konto"], r["fra_navn"], r["til_konto"], r["til_navn"], money(r["beloeb"]),
                    r["valuta"], r["kanal"], r["tekst"], r["brugssted"], r["mcc"], r["by"], r["land"]])
        for n in r["_nets"]:
            note(n, "data/posteringer.csv", bil)

# KYC log
kyc.sort(key=lambda r: r["t"])
cols = ["løbenr", "kunde_nr", "dato", "hændelse", "felt", "gammel_værdi", "ny_værdi", "kanal", "aktør", "notat"]
with open(os.path.join(OUT, "kyc_log.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\r\n")
    w.writerow(cols)
    for i, r in enumerate(kyc):
        lid = "K%06d" % (31000 + i)
        w.writerow([lid, r["kunde_nr"], dk_ts(r["t"]), r["haendelse"], r["felt"], r["gammel_vaerdi"], r["ny_vaerdi"], r["kanal"],
                    r["aktoer"], r["notat"]])
        for n in r["_nets"]:
            note(n, "data/kyc_log.csv", lid)

# net-bank log: another system, comma-separated, UTC ISO timestamps, no id column
logins.sort(key=lambda r: r["t"])


def utc(t):
    # Copenhagen is UTC+2 until 25-10-2026 03:00, then UTC+1
    off = 2 if t < datetime(2026, 10, 25, 3, 0) else 1
    return (t - timedelta(hours=off)).strftime("%Y-%m-%dT%H:%M:%SZ")


with open(os.path.join(OUT, "netbank_log.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=",", lineterminator="\n")
    w.writerow(["timestamp_utc", "customer_no", "device_id", "ip", "geo_country", "event", "channel"])
    for i, r in enumerate(logins):
        w.writerow([utc(r["t"].replace(second=R.randint(0, 59))), r["kunde_nr"], r["enhed"], r["ip"], r["land"],
                    r["haendelse"], r["kanal"]])
        for n in r["_nets"]:
            note(n, "data/netbank_log.csv", i + 1)

# CVR lookups
cols = ["cvr", "navn", "branchekode", "branchetekst", "adresse", "konto_nr", "stiftet", "ansatte", "ejer_navn", "ejer_foedt",
        "ejer_land", "ejer_kunde_nr", "ejer_fra", "ejer_til"]
with open(os.path.join(OUT, "cvr_opslag.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\r\n")
    w.writerow(cols)
    for i, r in enumerate(companies):
        w.writerow([r[k] for k in cols])
        for n in r["_nets"]:
            note(n, "data/cvr_opslag.csv", i + 1)

# ---------------------------------------------------------------- truth.yaml
META = {
    N1: dict(positive=True, typology="sexual_exploitation",
             description="CMM Case 1 pattern: 'Lotus Wellness Herning IVS' massage clinic. Three recently arrived women "
                         "(UA/RO) live at the clinic address, were onboarded from the collector's phone, are accompanied and "
                         "answered for at ID checks; buyers pay the collector Dorin Marinescu by MobilePay in the evening "
                         "(round amounts, worker names in memos); what reaches the women is swept to him within two days; "
                         "their net-bank is used from an organiser's phone in Romania while their cards are used in Herning; "
                         "he wires money to Romania (some just under 10.000), buys ad bumps, hotels, prepaid top-ups for the "
                         "women's numbers, a cloud subscription for 4 cameras and gambles; the clinic's CVR owner changed "
                         "twice and is now one of the women; at the raid (24-10-2026 06:00) MobilePay and app devices of all "
                         "four accounts are removed from the Romanian phone within two hours.",
             indicators=["FIN-BUYER-PAYS-THIRD-PARTY", "FIN-WORKER-SWEEP", "RCS-EARNINGS-CONTROL", "FIN-PAYMENT-MEMO-CUES",
                         "FIN-NO-OWN-LIVING-COSTS", "FIN-AD-SITE-PAYMENTS", "FIN-HOTEL-SHORT-STAYS", "FIN-PREPAID-TOPUPS",
                         "FIN-SUSTENANCE-MULTI", "FIN-THRESHOLD-AVOID", "FIN-LUXURY-GAMBLING", "FIN-FRONT-MASSAGE",
                         "KYC-PROFILE-MISMATCH", "KYC-SHARED-IDENTIFIERS",
                         "KYC-THIRD-PARTY-ONBOARDING", "KYC-BATCH-ONBOARDING", "KYC-ADDRESS-AT-WORKPLACE",
                         "KYC-CONTACT-TAKEOVER", "KYC-DISPOSABLE-CONTACT", "KYC-AVOID-FACE-TO-FACE", "KYC-NOMINEE-OWNER",
                         "KYC-VULNERABILITY-CONTEXT", "BEH-ACCOMPANIED", "BEH-COACHED-ANSWERS", "BEH-SHARED-DEVICE",
                         "BEH-REMOTE-CONTROL-LOGIN", "RCS-REMOTE-CONTROLLER", "RCS-SURV-ACCOUNT-CONTROL",
                         "RCS-SURV-CAMERAS", "RCS-LIVES-AT-VENUE", "BEH-COORDINATED-DELETION", "RCS-DOCS-RETAINED"]),
    N2: dict(positive=True, typology="labour_exploitation",
             description="'Kolding Facade & Stillads ApS' and its owner Plamen Georgiev. Six Bulgarian scaffolders onboarded "
                         "within two weeks at a branch with him as 'interpreter' holding their passports; they live above the "
                         "firm's premises; five carry his phone number (one changed to it), all are logged into from his phone, "
                         "three gave him power of attorney. Two workers' wages go straight into his own account; the others "
                         "send ~60 % of each salary back to him within two days ('bolig+transport', 'lån', 'afdrag') and a "
                         "fixed instalment to a Bulgarian recruiter that all of them pay. The firm has large invoices but "
                         "withdraws 20-30k cash every Friday.",
             indicators=["FIN-WAGES-POOLED", "FIN-RECRUIT-FEES-DEDUCTIONS", "FIN-FAN-IN-FROM-WORKERS", "FIN-DEBT-REMITTANCE",
                         "FIN-BIZ-NO-PAYROLL", "FIN-NO-OWN-LIVING-COSTS", "KYC-SHARED-IDENTIFIERS", "KYC-BATCH-ONBOARDING",
                         "KYC-THIRD-PARTY-ONBOARDING", "KYC-DOC-HANDLING", "KYC-ADDRESS-AT-WORKPLACE", "KYC-CONTACT-TAKEOVER",
                         "KYC-DISPOSABLE-CONTACT", "KYC-AVOID-FACE-TO-FACE", "KYC-VULNERABILITY-CONTEXT", "BEH-ACCOMPANIED",
                         "BEH-SHARED-DEVICE", "RCS-SURV-ACCOUNT-CONTROL", "RCS-DEBT-QUOTA", "RCS-DOCS-RETAINED",
                         "RCS-LIVES-AT-VENUE"]),
    L1: dict(positive=False, typology="lookalike_independent_sex_worker",
             description="Camilla Bech, Danish, self-employed masseuse/escort with her own CVR: many MobilePay payers in the "
                         "evening, round amounts, weekly ad-site bumps, a hotel night in Aalborg; she pays her own rent, "
                         "groceries, B-skat and pension and logs in only from her own phone.",
             indicators=["FIN-BUYER-PAYS-THIRD-PARTY", "FIN-PAYMENT-MEMO-CUES", "FIN-AD-SITE-PAYMENTS", "KYC-PROFILE-MISMATCH"]),
    L2: dict(positive=False, typology="lookalike_family_shared_identifiers",
             description="Family Kjær/Haddad in Ikast (different surnames): one address, the mother's phone and e-mail on the "
                         "daughter and grandmother, a family iPad logging into three accounts; the grandmother (85) acts "
                         "through her daughter (power of attorney), fails video-ID twice and is identified in a branch.",
             indicators=["KYC-SHARED-IDENTIFIERS", "BEH-SHARED-DEVICE", "KYC-CONTACT-TAKEOVER", "KYC-AVOID-FACE-TO-FACE",
                         "KYC-THIRD-PARTY-ONBOARDING"]),
    L3: dict(positive=False, typology="lookalike_students_flat",
             description="Four students (different surnames) onboarded in August at one Aarhus flat, same Wi-Fi IP; three pay "
                         "4.250 'husleje + net' by MobilePay to the one who holds the lease and pays the landlord.",
             indicators=["KYC-SHARED-IDENTIFIERS", "KYC-BATCH-ONBOARDING", "FIN-FAN-IN-FROM-WORKERS"]),
    L4: dict(positive=False, typology="lookalike_seasonal_employer",
             description="Bøgely Frugtplantage pays six Polish/Romanian pickers weekly, with A-skat and ATP; they live on the "
                         "farm, were onboarded in a batch at a branch meeting the employer booked, pay 1.200/month for a "
                         "caravan (≈5 % of pay), buy their own food and send money to their own families.",
             indicators=["KYC-BATCH-ONBOARDING", "KYC-ADDRESS-AT-WORKPLACE", "KYC-THIRD-PARTY-ONBOARDING",
                         "FIN-RECRUIT-FEES-DEDUCTIONS", "FIN-DEBT-REMITTANCE", "KYC-VULNERABILITY-CONTEXT"]),
    "L5-landlord": dict(positive=False, typology="lookalike_landlord",
                        description="Åbrinken Udlejning ApS receives monthly rent from 14 tenants with different surnames.",
                        indicators=["FIN-FAN-IN-FROM-WORKERS"]),
    L6: dict(positive=False, typology="lookalike_sports_club",
             description="Nordby IF collects season fees by MobilePay from ~44 parents (one-off, round amounts, some evenings).",
             indicators=["FIN-BUYER-PAYS-THIRD-PARTY", "KYC-PROFILE-MISMATCH"]),
    L7: dict(positive=False, typology="lookalike_travel_agency",
             description="Rejsehuset Kattegat ApS pays flights and hotels for many named travellers in several cities and "
                         "countries; customers pay it by transfer; it pays salaries through a payroll service.",
             indicators=["FIN-TRAVEL-FOR-OTHERS", "FIN-HOTEL-SHORT-STAYS"]),
    L8: dict(positive=False, typology="lookalike_massage_clinic",
             description="Herning Sportsmassage ApS (same trade code and town as Lotus): daytime card turnover, MobilePay "
                         "from clients, salaries, A-skat and rent.",
             indicators=["FIN-FRONT-MASSAGE"]),
    L9: dict(positive=False, typology="lookalike_touring_musician",
             description="Troels Vind, musician on tour: budget hotels in 12 cities in two loops, taxis after midnight, "
                         "gig fees and MobilePay from band mates.",
             indicators=["FIN-HOTEL-SHORT-STAYS", "FIN-GEO-CIRCUIT", "FIN-RIDESHARE-VOLUME"]),
}


def y(s):
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'


with open(os.path.join(HERE, "truth.yaml"), "w", encoding="utf-8") as f:
    f.write("# Ground truth for the bank-nordby world (written blind on 2026-12-07).\n")
    f.write("# members: file -> ids (kunder: kunde_nr, posteringer: bilagsnr, kyc_log: løbenr,\n")
    f.write("#          netbank_log and cvr_opslag: 1-based data line number, header excluded).\n")
    f.write("# Rows not listed are background. Look-alikes list the indicators they are built to resemble.\n")
    f.write("world: bank-nordby\nseed: %d\nnetworks:\n" % SEED)
    for net, meta in META.items():
        f.write("  - id: %s\n    positive: %s\n    typology: %s\n    description: %s\n" % (
            net, "true" if meta["positive"] else "false", meta["typology"], y(meta["description"])))
        f.write("    indicators: [%s]\n    members:\n" % ", ".join(meta["indicators"]))
        for fn, ids in truth.get(net, {}).items():
            f.write("      %s: [%s]\n" % (fn, ", ".join(y(i) if isinstance(i, str) else str(i) for i in ids)))

counts = {}
for fn in sorted(os.listdir(OUT)):
    with open(os.path.join(OUT, fn), encoding="utf-8") as fh:
        counts[fn] = sum(1 for _ in fh) - 1
print(counts, "total", sum(counts.values()))
