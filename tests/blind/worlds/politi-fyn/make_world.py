#!/usr/bin/env python3
"""Re-make the politi-fyn blind world (Fyns Politi case material). Standard library only, fixed seed.

Writes: telefoner/*.csv|tsv (three phone extractions), bank/*.csv (a bank's answer to a
production order), annoncer/skaermbilleder_ocr.csv (screenshots of ads turned into text),
truth.yaml. Run: python3 make_world.py
"""
import csv
import datetime as dt
import os
import random

R = random.Random(20261207)
HERE = os.path.dirname(os.path.abspath(__file__))
D0 = dt.date(2026, 8, 1)          # period of the production order: 01-08-2026 .. 03-11-2026
D1 = dt.date(2026, 11, 3)
RAID = dt.datetime(2026, 11, 4, 6, 0)
DAYS = (D1 - D0).days + 1


def day(i):
    return D0 + dt.timedelta(days=i)


def at(d, hm):
    h, m = hm.split(":")
    return dt.datetime(d.year, d.month, d.day, int(h), int(m), R.randint(0, 59))


def rtime(a, b):
    """random time between hours a and b (b may exceed 24 -> next day handled by caller)."""
    mins = R.randint(a * 60, b * 60 - 1)
    return mins


# ----------------------------------------------------------------------------------------------
# truth collector
TRUTH = {}   # group id -> {file: [ids]}


def tag(group, file, rid):
    if group is None:
        return
    for g in (group if isinstance(group, (list, tuple)) else [group]):
        TRUTH.setdefault(g, {}).setdefault(file, []).append(rid)


# ==============================================================================================
# BANK: customers
# ==============================================================================================
ACCT_SEQ = [4410001200]


def new_acct():
    ACCT_SEQ[0] += R.randint(7, 97)
    return "0000 %010d" % ACCT_SEQ[0]


CUST = {}     # key -> dict
CUST_ORDER = []


def cust(key, navn, foedt, adresse, postnr, by, tlf, email, stat, siden, job, indt, typ="Privat",
         cvr="", reel="", sprog="da", group=None):
    c = dict(key=key, navn=navn, foedt=foedt, adresse=adresse, postnr=postnr, by=by, tlf=tlf,
             email=email, stat=stat, siden=siden, job=job, indt=indt, typ=typ, cvr=cvr, reel=reel,
             sprog=sprog, konto=new_acct(), group=group)
    c["kundenr"] = "%07d" % (1180000 + len(CUST_ORDER) * 37 + R.randint(0, 30))
    CUST[key] = c
    CUST_ORDER.append(key)
    return c


# --- N1: sexual exploitation (Romanian/Bulgarian women, Odense flat, remote organiser)
cust("daniel", "Daniel Popa", "14.03.1991", "Bolbrovænget 23, st. tv.", "5200", "Odense V", "+45 20 00 31 17",
     "danielpopa91@gmail.com", "Rumænien", "11-02-2022", "Chauffør (selvstændig)", 20000, sprog="ro", group="N1")
cust("bianca", "Bianca Dumitru", "02.05.2003", "Nyborgvej 212, 1. tv.", "5220", "Odense SØ", "+45 20 00 31 17",
     "bianca.d2003@gmail.com", "Rumænien", "18-08-2026", "Massør", 15000, sprog="ro", group="N1")
cust("roxana", "Roxana Ilie", "21.11.1998", "Nyborgvej 212, 1. tv.", "5220", "Odense SØ", "+45 20 00 31 17",
     "roxy.ilie98@yahoo.com", "Rumænien", "19-08-2026", "Massør", 15000, sprog="ro", group="N1")
# --- N2: labour exploitation (cleaning/food plant; Ukrainian/Moldovan workers)
cust("andrii", "Andrii Melnyk", "30.06.1984", "Rismarksvej 71", "5200", "Odense V", "+45 20 00 58 09",
     "a.melnyk.fyn@gmail.com", "Ukraine", "04-05-2023", "Driftsleder", 32000, sprog="uk", group="N2")
cust("fynservice", "FynService Partner ApS", "", "Skovvej 14", "5690", "Tommerup", "+45 20 00 58 09",
     "kontor@fynservice-partner.dk", "", "12-06-2025", "Rengøring og service (DB07 812100)", 0,
     typ="Erhverv", cvr="41 00 27 13", reel="Vasyl Hnatiuk (100 %)", group="N2")
cust("vasyl", "Vasyl Hnatiuk", "09.01.1979", "Skovvej 14", "5690", "Tommerup", "+45 20 00 58 09",
     "fynservice.job1@gmail.com", "Ukraine", "02-06-2025", "Rengøringsassistent", 17500, sprog="uk", group="N2")
cust("serhii", "Serhii Bondar", "17.07.1992", "Skovvej 14", "5690", "Tommerup", "+45 20 00 58 09",
     "fynservice.job2@gmail.com", "Ukraine", "04-08-2026", "Rengøringsassistent", 18500, sprog="uk", group="N2")
cust("mykola", "Mykola Tkachenko", "03.02.1988", "Skovvej 14", "5690", "Tommerup", "+45 20 00 58 22",
     "fynservice.job3@gmail.com", "Ukraine", "04-08-2026", "Rengøringsassistent", 18500, sprog="uk", group="N2")
cust("ivan", "Ivan Rusu", "25.09.1996", "Skovvej 14", "5690", "Tommerup", "+45 20 00 58 09",
     "fynservice.job4@gmail.com", "Moldova", "05-08-2026", "Produktionsmedarbejder", 18500, sprog="ro", group="N2")
cust("natalia", "Natalia Ceban", "12.12.1990", "Skovvej 14", "5690", "Tommerup", "+45 20 00 58 24",
     "fynservice.job5@gmail.com", "Moldova", "05-08-2026", "Rengøringsassistent", 18500, sprog="ro", group="N2")
# --- N3: forced criminality (cannabis grow; Vietnamese)
cust("tuan", "Tran Van Tuan", "08.08.1986", "Dalumvej 140, 2. th.", "5250", "Odense SV", "+45 20 00 77 02",
     "tuan.lotus86@gmail.com", "Vietnam", "15-03-2021", "Selvstændig (neglesalon)", 28000, sprog="vi", group="N3")
cust("lotus", "Lotus Nails Odense ApS", "", "Vestergade 88", "5000", "Odense C", "+45 20 00 77 02",
     "lotusnails.odense@gmail.com", "", "02-09-2024", "Neglesalon (DB07 960200)", 0, typ="Erhverv",
     cvr="44 01 96 58", reel="Pham Thi Hoa (100 %, bopæl Tyskland)", group="N3")
cust("kenneth", "Kenneth Bjerre Olsen", "19.04.1979", "Hjulbyvej 61", "5800", "Nyborg", "+45 20 00 64 90",
     "kenneth.b.olsen@hotmail.com", "Danmark", "01-10-2008", "Kontanthjælpsmodtager", 11800, group="N3")
# --- L1 independent sex worker
cust("camilla", "Camilla Holm Rasmussen", "27.01.1995", "Klostervej 15, 3. th.", "5000", "Odense C", "+45 20 00 19 86",
     "camilla.holm.r@gmail.com", "Danmark", "03-09-2013", "Selvstændig massør (enkeltmandsvirksomhed)", 26000, group="L1")
# --- L2 lawful Thai massage clinic
cust("baansabai", "Baan Sabai Thaimassage v/Siriporn Larsen", "", "Gerritsgade 31", "5700", "Svendborg",
     "+45 20 00 44 50", "info@baansabai-svendborg.dk", "", "01-04-2019", "Massage (DB07 960400)", 0, typ="Erhverv",
     cvr="39 88 12 04", reel="Siriporn Larsen (100 %)", group="L2")
cust("siriporn", "Siriporn Larsen", "11.06.1980", "Bregnegårdsvej 9", "5700", "Svendborg", "+45 20 00 44 51",
     "siriporn.larsen@outlook.dk", "Danmark", "20-02-2011", "Indehaver, massageklinik", 31000, sprog="da", group="L2")
# --- L3 seasonal farm
cust("hindsholm", "Hindsholm Bær I/S", "", "Hindsholmvej 41", "5390", "Martofte", "+45 20 00 90 10",
     "post@hindsholmbaer.dk", "", "14-03-2001", "Frugt- og bæravl (DB07 012500)", 0, typ="Erhverv",
     cvr="25 11 73 90", reel="Bent Hindsholm (50 %), Lise Hindsholm (50 %)", group="L3")
cust("marek", "Marek Wiśniewski", "30.10.1985", "Hindsholmvej 41 (medarbejderbolig 2)", "5390", "Martofte",
     "+45 20 00 90 31", "marek.wisniewski85@wp.pl", "Polen", "06-05-2026", "Sæsonarbejder", 21000, sprog="pl", group="L3")
cust("agnieszka", "Agnieszka Zielińska", "14.02.1993", "Hindsholmvej 41 (medarbejderbolig 2)", "5390", "Martofte",
     "+45 20 00 90 32", "aga.zielinska@onet.pl", "Polen", "06-05-2026", "Sæsonarbejder", 21000, sprog="pl", group="L3")
cust("florin", "Florin Neagu", "05.05.1989", "Hindsholmvej 41 (medarbejderbolig 1)", "5390", "Martofte",
     "+45 20 00 90 33", "florin.neagu89@gmail.com", "Rumænien", "07-05-2026", "Sæsonarbejder", 21000, sprog="ro", group="L3")
# --- L4 students sharing a flat
cust("freja", "Freja Marie Madsen", "04.08.2003", "Rødegårdsvej 98, 3. th.", "5000", "Odense C", "+45 20 00 26 11",
     "freja.m.madsen@gmail.com", "Danmark", "01-09-2019", "Studerende (SDU)", 7400, group="L4")
cust("ahmad", "Ahmad Rahimi", "22.12.2002", "Rødegårdsvej 98, 3. th.", "5000", "Odense C", "+45 20 00 26 12",
     "ahmad.rahimi02@gmail.com", "Danmark", "12-08-2021", "Studerende (SDU)", 7400, group="L4")
cust("sofie", "Sofie Lindqvist", "09.03.2004", "Rødegårdsvej 98, 3. th.", "5000", "Odense C", "+45 20 00 26 13",
     "sofie.lindqvist@student.sdu.dk", "Sverige", "28-08-2025", "Studerende (SDU)", 6800, sprog="sv", group="L4")
cust("jonas", "Jonas Kjær Pedersen", "16.11.2001", "Rødegårdsvej 98, 3. th.", "5000", "Odense C", "+45 20 00 26 14",
     "jonaskjaerp@hotmail.com", "Danmark", "02-03-2017", "Studerende (SDU)", 9800, group="L4")
# --- L5 Romanian family sharing a phone (Daniel's cousin)
cust("gheorghe", "Gheorghe Munteanu", "23.07.1970", "Ejbygade 12, 1. mf.", "5000", "Odense C", "+45 20 00 35 70",
     "gheorghe.munteanu70@gmail.com", "Rumænien", "01-03-2016", "Slagteriarbejder", 27500, sprog="ro", group="L5")
cust("maria", "Maria Vasile", "02.10.1972", "Ejbygade 12, 1. mf.", "5000", "Odense C", "+45 20 00 35 70",
     "gheorghe.munteanu70@gmail.com", "Rumænien", "12-06-2026", "Rengøringsassistent (Odense Kommune)", 19800, sprog="ro", group="L5")
cust("andreea", "Andreea Munteanu", "18.01.2004", "Ejbygade 12, 1. mf.", "5000", "Odense C", "+45 20 00 35 72",
     "andreea.munteanu04@gmail.com", "Rumænien", "03-08-2022", "Studerende (SDU)", 7900, sprog="ro", group="L5")
# --- L6 private landlord
cust("henrik", "Henrik Mørk", "01.12.1961", "Fruens Bøge Skovvej 3", "5260", "Odense S", "+45 20 00 11 80",
     "henrik.moerk@mail.dk", "Danmark", "15-06-1990", "Selvstændig (udlejning af boliger)", 58000, group="L6")
# --- L7 handball club
cust("ovh", "Odense Vest Håndboldklub", "", "Vollsmose Allé 2", "5240", "Odense NØ", "+45 20 00 14 00",
     "kasserer@ovh-haandbold.dk", "", "10-01-1998", "Forening (idræt)", 0, typ="Forening", cvr="30 12 44 87",
     reel="Bestyrelsen (formand Lene Juhl)", group="L7")
# --- L8 lawful staffing agency and two of its workers
cust("nordicstaff", "Nordic Staff Fyn ApS", "", "Middelfartvej 140", "5200", "Odense V", "+45 20 00 70 00",
     "job@nordicstaff-fyn.dk", "", "03-01-2017", "Vikarbureau (DB07 782000)", 0, typ="Erhverv", cvr="38 20 51 66",
     reel="Morten Bech (60 %), Anja Holt (40 %)", group="L8")
cust("tomasz", "Tomasz Kowalczyk", "11.04.1987", "Sanderumvej 44, st.", "5250", "Odense SV", "+45 20 00 70 21",
     "tomasz.kowalczyk87@gmail.com", "Polen", "10-07-2026", "Lagermedarbejder (vikar)", 24500, sprog="pl", group="L8")
cust("oleh", "Oleh Shevchenko", "27.09.1994", "Ørbækvej 301, 2. tv.", "5220", "Odense SØ", "+45 20 00 70 22",
     "oleh.shevchenko94@ukr.net", "Ukraine", "14-07-2026", "Produktionsmedarbejder (vikar)", 24500, sprog="uk", group="L8")
# --- ordinary people named in the order (phones/contacts), background
cust("iryna", "Iryna Melnyk", "12.05.1986", "Rismarksvej 71", "5200", "Odense V", "+45 20 00 58 10",
     "iryna.melnyk86@gmail.com", "Ukraine", "04-05-2023", "Pædagogmedhjælper", 21500, sprog="uk")
cust("jesper", "Jesper Kristensen", "05.09.1975", "Tarupvej 9", "5210", "Odense NV", "+45 20 00 47 12",
     "jesper.k75@gmail.com", "Danmark", "12-12-1999", "Elektriker", 34000)
cust("mads", "Mads Sørensen", "23.02.1983", "Skibhusvej 400", "5000", "Odense C", "+45 20 00 47 33",
     "mads.soerensen@live.dk", "Danmark", "02-02-2002", "Salgskonsulent", 39000)
cust("thomas", "Thomas Vestergaard", "14.06.1969", "Assensvej 22", "5771", "Stenstrup", "+45 20 00 48 05",
     "tvestergaard@firmapost.dk", "Danmark", "01-07-1988", "Landmand", 30000)
cust("lene", "Lene Juhl", "03.03.1977", "Vollsmose Allé 19", "5240", "Odense NØ", "+45 20 00 14 01",
     "lene.juhl@gmail.com", "Danmark", "11-05-1996", "Sygeplejerske", 36000)
cust("bent", "Bent Hindsholm", "29.05.1964", "Hindsholmvej 41", "5390", "Martofte", "+45 20 00 90 10",
     "bent@hindsholmbaer.dk", "Danmark", "14-03-1985", "Gårdejer", 42000, group="L3")

# ==============================================================================================
# BANK: postings
# ==============================================================================================
POST = []   # rows before numbering


def post(key, when, tekst, amount, modpart="", modkonto="", typ="Overførsel", by="", land="DK", medd="",
         group=None):
    c = CUST[key]
    row = dict(konto=c["konto"], when=when, tekst=tekst, amount=round(amount, 2), modpart=modpart,
               modkonto=modkonto, typ=typ, by=by or c["by"], land=land, medd=medd, group=group)
    POST.append(row)
    return row


def transfer(frm, to, when, amount, medd="", typ="Overførsel", group=None, tekst_out=None, tekst_in=None):
    a, b = CUST[frm], CUST[to]
    post(frm, when, tekst_out or ("Overført til " + b["navn"]), -amount, b["navn"], b["konto"], typ,
         medd=medd, group=group)
    post(to, when + dt.timedelta(minutes=R.choice([0, 0, 1])), tekst_in or ("Overført fra " + a["navn"]), amount,
         a["navn"], a["konto"], typ, medd=medd, group=group)


def mobilepay(frm, to, when, amount, medd="", group=None):
    a, b = CUST[frm], CUST[to]
    post(frm, when, "MobilePay: " + b["navn"], -amount, b["navn"], "MobilePay " + b["tlf"], "MobilePay",
         medd=medd, group=group)
    post(to, when, "MobilePay: " + a["navn"], amount, a["navn"], "MobilePay " + a["tlf"], "MobilePay",
         medd=medd, group=group)


def ext_acct(prefix="0000"):
    return "%s %010d" % (prefix, R.randint(1000000000, 9999999999))


FIRST_M = ["Jesper", "Lars", "Søren", "Morten", "Henrik", "Michael", "Thomas", "Anders", "Peter", "Martin",
           "Rasmus", "Kasper", "Jens", "Niels", "Brian", "Kim", "Claus", "Jacob", "Frederik", "Simon", "Ole",
           "Christian", "Mikkel", "Nikolaj", "Allan", "Carsten", "Bo", "René", "Torben", "Steffen", "Jan",
           "Kenneth", "Dennis", "Mathias", "Emil", "Jonas", "Ahmed", "Ali", "Tobias", "Per", "Flemming"]
FIRST_F = ["Anne", "Mette", "Louise", "Camilla", "Maria", "Sanne", "Hanne", "Pia", "Julie", "Line", "Ida",
           "Emma", "Signe", "Karina", "Susanne", "Helle", "Tina", "Marianne", "Birgitte", "Nanna", "Maja"]
LAST = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
        "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Johansen", "Møller",
        "Mortensen", "Knudsen", "Jakobsen", "Lund", "Holm", "Schmidt", "Frederiksen", "Eriksen", "Bach",
        "Dahl", "Kjær", "Iversen", "Vinther", "Brandt", "Laursen", "Skov", "Berg", "Mikkelsen", "Clausen"]
USED_PHONES = set(c["tlf"] for c in CUST.values())


def phone45():
    while True:
        p = "+45 20 00 %02d %02d" % (R.randint(10, 99), R.randint(0, 99))
        if p not in USED_PHONES:
            USED_PHONES.add(p)
            return p


GROC = [("NETTO", 0.35), ("REMA 1000", 0.2), ("FØTEX", 0.12), ("LIDL", 0.13), ("COOP 365", 0.12),
        ("MENY", 0.04), ("BILKA", 0.04)]


def groc_shop():
    x = R.random()
    s = 0
    for n, p in GROC:
        s += p
        if x < s:
            return n
    return "NETTO"


def last_banking_day(d):
    x = (d.replace(day=28) + dt.timedelta(days=4))
    x = x - dt.timedelta(days=x.day)
    while x.weekday() >= 5:
        x -= dt.timedelta(days=1)
    return x


def ordinary_life(key, salary=None, salary_from="", salary_day="last", rent=0, rent_to="", rent_konto="",
                  groc_per_week=2.5, groc_amt=(120, 650), city=None, extra=True, su=False, start=0,
                  card="Visa/Dankort", group=None):
    c = CUST[key]
    city = city or c["by"]
    for i in range(start, DAYS):
        d = day(i)
        # salary: last banking day of month
        if salary and d == last_banking_day(d):
            post(key, at(d, "06:%02d" % R.randint(0, 59)), ("SU " if su else "Løn ") + salary_from, salary,
                 salary_from, ext_acct(), "Lønoverførsel", group=group)
        if rent and d.day == 1:
            post(key, at(d, "05:%02d" % R.randint(0, 59)), "Husleje " + rent_to, -rent, rent_to,
                 rent_konto or ext_acct(), "Betalingsservice", group=group)
        if d.day == 3 and extra:
            post(key, at(d, "05:40"), "Betalingsservice Fynsk El A/S aconto", -R.choice([640, 715, 820, 905]),
                 "Fynsk El A/S", "0000 0077001234", "Betalingsservice")
        if d.day == 5 and extra:
            op = R.choice(["Telia", "3", "Telenor", "CBB Mobil", "Lebara"])
            post(key, at(d, "05:55"), "Betalingsservice " + op + " mobil", -R.choice([99, 129, 149, 179, 199]), op,
                 "0000 0091117788", "Betalingsservice")
        if R.random() < 0.7 * groc_per_week / 7:
            t = "%02d:%02d" % (R.randint(8, 20), R.randint(0, 59))
            post(key, at(d, t), groc_shop() + " " + city.upper().replace(" ", "")[:9],
                 -round(R.uniform(*groc_amt), 2), "", "", card, by=city)
        if extra and R.random() < 0.08:
            m = R.choice(["CIRCLE K", "Q8", "OK BENZIN", "SHELL", "INGO"])
            post(key, at(d, "%02d:%02d" % (R.randint(7, 20), R.randint(0, 59))), m + " " + city.upper()[:8],
                 -round(R.uniform(250, 700), 2), "", "", card, by=city)
        if extra and R.random() < 0.045:
            m = R.choice(["MATAS", "APOTEKET", "H&M", "JYSK", "SILVAN", "IMERCO", "NORMAL", "SØSTRENE GRENE",
                          "ELGIGANTEN", "BAUHAUS", "SPORT 24", "FLYING TIGER"])
            post(key, at(d, "%02d:%02d" % (R.randint(10, 19), R.randint(0, 59))), m + " " + city.upper()[:8],
                 -round(R.uniform(60, 900), 2), "", "", card, by=city)
        if extra and R.random() < 0.04:
            m = R.choice(["WOLT", "JUST EAT", "MCDONALDS", "SUNSET BOULEVARD", "PIZZA NAPOLI", "CAFE KORSGADE",
                          "STARBUCKS", "SUSHI SHOP", "BURGER KING"])
            post(key, at(d, "%02d:%02d" % (R.randint(11, 21), R.randint(0, 59))), m + " " + city.upper()[:8],
                 -round(R.uniform(70, 420), 2), "", "", card, by=city)
        if extra and d.day == 2:
            for n, a in R.sample([("Netflix", 129), ("Spotify", 109), ("Fitness World", 299), ("Viaplay", 149),
                                  ("TV2 Play", 119), ("DR Licens", 0), ("Tryg forsikring", 410)], 2):
                if a:
                    post(key, at(d, "04:10"), n, -a, n, "", "Kortabonnement" if n != "Tryg forsikring" else
                         "Betalingsservice")
        if extra and R.random() < 0.04:
            post(key, at(d, "%02d:%02d" % (R.randint(9, 19), R.randint(0, 59))), "Kontanthævning " + city,
                 -R.choice([200, 300, 500, 1000]), "", "", "Kontanthævning", by=city)


# --- ordinary background money for the named ordinary people
ordinary_life("iryna", salary=21500 * 0.62, salary_from="Odense Kommune", rent=0)
ordinary_life("jesper", salary=34000 * 0.6, salary_from="Fyns Elservice A/S", rent=0)
ordinary_life("mads", salary=39000 * 0.7, salary_from="Nordisk Kontorforsyning A/S", rent=9800,
              rent_to="Boligselskabet Skibhuskvarteret")
ordinary_life("thomas", salary=30000 * 0.62, salary_from="Vestergaard Landbrug I/S", city="Stenstrup")
ordinary_life("lene", salary=36000 * 0.6, salary_from="Region Syddanmark / OUH", rent=7900,
              rent_to="Fyns Almennyttige Boligselskab")
ordinary_life("bent", salary=None, city="Martofte", groc_per_week=1.5)
ordinary_life("iryna", salary=None, extra=False, groc_per_week=1.5)   # second card use stream for a family

# mortgage / house for Melnyk household (Andrii pays)
for m in (8, 9, 10):
    post("andrii", at(dt.date(2026, m, 1), "03:30"), "Totalkredit termin Rismarksvej 71", -11850,
         "Totalkredit", "0000 0050002211", "Betalingsservice", group=None)

# ------------------------------------------------------------------------------------------------
# L6 landlord Henrik Mørk: rents from many tenants (some of them customers)
HENRIK_TENANTS = [("Kenneth Bjerre Olsen", 10500, "kenneth"), ("Freja Marie Madsen", 14400, "freja")]
for i in range(7):
    nm = R.choice(FIRST_M + FIRST_F) + " " + R.choice(LAST)
    HENRIK_TENANTS.append((nm, R.choice([5200, 6100, 6800, 7450, 8900, 9300]), None))
for m in (8, 9, 10):
    for nm, amt, key in HENRIK_TENANTS:
        d = dt.date(2026, m, 1) + dt.timedelta(days=R.choice([0, 0, 0, 1, 2]))
        w = at(d, "%02d:%02d" % (R.randint(4, 9), R.randint(0, 59)))
        if key:
            transfer(key, "henrik", w, amt, medd="Husleje %s" % ["aug", "sep", "okt"][m - 8],
                     typ="Betalingsservice" if key == "kenneth" else "Overførsel",
                     tekst_out="Husleje Henrik Mørk", tekst_in="Husleje " + nm, group="L6")
        else:
            r = post("henrik", w, "Husleje " + nm, amt, nm, ext_acct(), "Overførsel",
                     medd="Husleje %s" % ["aug", "sep", "okt"][m - 8], group="L6")
    post("henrik", at(dt.date(2026, m, 1), "03:00"), "Nykredit termin udlejningsejendomme", -38600, "Nykredit",
         "0000 0050009911", "Betalingsservice", group="L6")
    post("henrik", at(dt.date(2026, m, 15), "08:10"), "Overført til Mørk Holding (pension)", -15000,
         "Henrik Mørk", "0000 4410000099", "Overførsel")
for _ in range(6):
    d = day(R.randrange(DAYS))
    who = R.choice(["Fynsk VVS ApS", "Malerfirmaet Bo Holm", "Låsesmeden Odense", "Odense Kommune ejendomsskat"])
    post("henrik", at(d, "10:%02d" % R.randint(0, 59)), "Faktura " + who, -R.randint(1800, 14000), who, ext_acct(),
         "Overførsel", group="L6")
ordinary_life("henrik", salary=None, city="Odense S", groc_per_week=2)

# ------------------------------------------------------------------------------------------------
# L4 students: Freja pays the rent, flatmates pay her share by MobilePay
ordinary_life("freja", salary=6397, salary_from="Uddannelses- og Forskningsstyrelsen", su=True,
              groc_amt=(60, 380))
ordinary_life("ahmad", salary=6397, salary_from="Uddannelses- og Forskningsstyrelsen", su=True,
              groc_amt=(50, 300))
ordinary_life("sofie", salary=6397, salary_from="Uddannelses- og Forskningsstyrelsen", su=True,
              groc_amt=(50, 320), start=20)
ordinary_life("jonas", salary=6397, salary_from="Uddannelses- og Forskningsstyrelsen", su=True,
              groc_amt=(50, 350))
for m in (8, 9, 10):
    for k in ("ahmad", "sofie", "jonas"):
        if k == "sofie" and m == 8:
            continue
        d = dt.date(2026, m, R.choice([26, 27, 28, 29])) if m < 10 else dt.date(2026, m, R.choice([27, 28]))
        d = dt.date(2026, m - 1 if m > 8 else 8, 28) if False else d
        mobilepay(k, "freja", at(d, "%02d:%02d" % (R.randint(9, 23), R.randint(0, 59))), 3600,
                  medd=R.choice(["husleje + net", "leje " + ["sep", "okt", "nov"][m - 8], "🏠 husleje", "husleje"]),
                  group="L4")
    for k in ("ahmad", "sofie", "jonas", "freja"):
        if R.random() < 0.6:
            other = R.choice([x for x in ("ahmad", "sofie", "jonas", "freja") if x != k])
            mobilepay(k, other, at(dt.date(2026, m, R.randint(1, 28)), "%02d:%02d" % (R.randint(12, 23),
                      R.randint(0, 59))), R.choice([45, 80, 120, 150, 215]),
                      medd=R.choice(["pizza", "øl fredag", "toiletpapir mm", "netto", "fællesindkøb 🧻"]),
                      group="L4")
for k in ("ahmad", "jonas", "freja"):
    d = day(R.randint(0, 20))
    post(k, at(d, "13:%02d" % R.randint(0, 59)), "SDU Studenterhus", -R.choice([35, 60, 90]), "", "", "Dankort",
         group=None)
for m in (8, 9, 10):
    post("freja", at(dt.date(2026, m, 10), "15:00"), "Løn Café Biografen (deltid)", R.randint(4100, 5200),
         "Café Biografen ApS", "0000 5012004411", "Lønoverførsel")
    post("ahmad", at(dt.date(2026, m, 12), "15:00"), "Løn Netto (deltid)", R.randint(3300, 4400), "Salling Group A/S",
         "0000 5012007788", "Lønoverførsel")
post("jonas", at(dt.date(2026, 9, 10), "16:00"), "Løn Føtex Odense (deltid)", 3920, "Salling Group A/S",
     ext_acct(), "Lønoverførsel")
post("jonas", at(dt.date(2026, 10, 9), "16:00"), "Løn Føtex Odense (deltid)", 4310, "Salling Group A/S",
     ext_acct(), "Lønoverførsel")

# ------------------------------------------------------------------------------------------------
# L5 family: father supports, mother's salary, daughter student; remittance to grandmother
ordinary_life("gheorghe", salary=23500, salary_from="Fynsk Slagteri A/S", rent=8200,
              rent_to="Odense Boligselskab", groc_per_week=3, groc_amt=(200, 900))
ordinary_life("maria", salary=14100, salary_from="Odense Kommune", extra=False, groc_per_week=1)
ordinary_life("andreea", salary=6397, salary_from="Uddannelses- og Forskningsstyrelsen", su=True,
              groc_amt=(40, 260))
for m in (8, 9, 10):
    post("gheorghe", at(dt.date(2026, m, R.randint(3, 7)), "17:%02d" % R.randint(0, 59)),
         "Udlandsoverførsel Elena Munteanu RO", -2500, "Elena Munteanu", "RO00 BTRL 0000 0000 0555 0181",
         "Udlandsoverførsel", medd="pentru mama", group="L5")
    transfer("maria", "gheorghe", at(dt.date(2026, m, 1), "07:10"), 6000, medd="fælles husholdning",
             group="L5", tekst_out="Overført til Gheorghe", tekst_in="Fra Maria")
    mobilepay("gheorghe", "andreea", at(dt.date(2026, m, 2), "19:%02d" % R.randint(0, 59)), 1500,
              medd="pentru carti ❤️", group="L5")
# family trip: father buys bus tickets for three (lawful FIN-TRAVEL-FOR-OTHERS look-alike)
post("gheorghe", at(dt.date(2026, 10, 9), "20:14"), "ATLASSIB TRAVEL RO (3 billetter Odense-Sibiu)", -3870,
     "Atlassib", "", "Visa/Dankort", by="Online", land="RO", group="L5")
post("gheorghe", at(dt.date(2026, 10, 10), "09:02"), "Ferie afspadsering tillæg", 0.0, "", "", "Gebyr")
POST.pop()  # (no zero postings)

# ------------------------------------------------------------------------------------------------
# L7 handball club: kontingent from many parents by MobilePay (evenings), hall rent and referees
parents = []
for i in range(58):
    nm = R.choice(FIRST_M + FIRST_F) + " " + R.choice(LAST)
    parents.append((nm, phone45()))
parents.append(("Andrii Melnyk", CUST["andrii"]["tlf"]))
parents.append(("Lene Juhl", CUST["lene"]["tlf"]))
for nm, ph in parents:
    d = dt.date(2026, 8, 15) + dt.timedelta(days=R.randint(0, 30))
    amt = R.choice([750, 750, 900, 900, 1100, 600])
    w = at(d, "%02d:%02d" % (R.choice([17, 18, 19, 20, 21, 21, 22]), R.randint(0, 59)))
    medd = R.choice(["kontingent", "Kontingent U12 drenge", "kontingent efterår", "Oliver U10", "Freja U14 piger",
                     "kont. Noah U11", "håndbold efterår 2026", "Kontingent 🤾", ""])
    if nm == "Andrii Melnyk":
        mobilepay("andrii", "ovh", w, 900, medd="Maksym U11 kontingent", group="L7")
    elif nm == "Lene Juhl":
        mobilepay("lene", "ovh", w, 750, medd="Kontingent Laura U13", group="L7")
    else:
        post("ovh", w, "MobilePay Box: " + nm, amt, nm, "MobilePay " + ph, "MobilePay", medd=medd, group="L7")
for m in (8, 9, 10):
    post("ovh", at(dt.date(2026, m, 5), "09:00"), "Odense Kommune haltimer", -6450, "Odense Kommune",
         "0000 0060000010", "Betalingsservice", group="L7")
    post("ovh", at(dt.date(2026, m, 20), "12:00"), "DHF Fyn dommerregning", -R.randint(2100, 4200), "DHF Fyn",
         ext_acct(), "Overførsel", group="L7")
    post("ovh", at(dt.date(2026, m, 26), "10:30"), "Trænergodtgørelse", -R.randint(6000, 9000), "Trænere (samlet)",
         ext_acct(), "Overførsel", group="L7")
for _ in range(9):
    d = day(R.randrange(DAYS))
    post("ovh", at(d, "%02d:%02d" % (R.randint(17, 21), R.randint(0, 59))), "Cafeteria salg (iZettle)",
         round(R.uniform(400, 2600), 2), "Zettle", "", "Kortindløsning", group="L7")

# ------------------------------------------------------------------------------------------------
# L8 staffing agency: many wages, A-skat, ATP; two workers at the bank with ordinary lives
staff_names = [(R.choice(["Tomasz", "Piotr", "Oleksandr", "Ionut", "Dmytro", "Kamil", "Mihai", "Andrzej", "Yulia",
                          "Katarzyna", "Olha", "Gabriela", "Jakub", "Bogdan", "Vitalii", "Laura", "Mette", "Kasper"])
                + " " + R.choice(["Nowak", "Kowalski", "Bondarenko", "Popescu", "Kravchenko", "Lewandowski",
                                  "Ionescu", "Mazur", "Shevchuk", "Jensen", "Nielsen", "Wójcik", "Lungu",
                                  "Marchenko", "Hansen"]), ext_acct()) for _ in range(22)]
for m in (8, 9, 10):
    d = dt.date(2026, m, 28) if m != 9 else dt.date(2026, 9, 30)
    tot = 0
    for nm, acct in staff_names:
        a = R.randint(14800, 23900)
        tot += a
        post("nordicstaff", at(d, "06:00"), "Løn " + nm, -a, nm, acct, "Lønoverførsel", group="L8")
    for k in ("tomasz", "oleh"):
        transfer("nordicstaff", k, at(d, "06:00"), R.randint(16800, 18900), typ="Lønoverførsel",
                 tekst_out="Løn " + CUST[k]["navn"], tekst_in="Løn Nordic Staff Fyn ApS", group="L8")
    post("nordicstaff", at(dt.date(2026, m, 10) + dt.timedelta(days=20 if m < 10 else 0), "08:00"),
         "Skattestyrelsen A-skat/AM-bidrag", -round(tot * 0.52), "Skattestyrelsen", "0000 0216004071",
         "Overførsel", group="L8")
    post("nordicstaff", at(dt.date(2026, m, 12), "08:00"), "ATP bidrag", -R.randint(5200, 6100), "ATP",
         "0000 0216001234", "Betalingsservice", group="L8")
    post("nordicstaff", at(dt.date(2026, m, 12), "08:05"), "FerieKonto feriepenge", -R.randint(28000, 36000),
         "FerieKonto", "0000 0216009999", "Overførsel", group="L8")
    for cl in ("Fyns Fjerkræ A/S", "Lager Syd Logistik ApS", "Odense Havn Terminal A/S", "Nyborg Emballage A/S"):
        post("nordicstaff", at(dt.date(2026, m, R.randint(5, 25)), "10:%02d" % R.randint(0, 59)),
             "Faktura indbetaling " + cl, R.randint(98000, 260000), cl, ext_acct(), "Overførsel", group="L8")
    post("nordicstaff", at(dt.date(2026, m, 1), "07:00"), "Husleje kontor Middelfartvej", -18500,
         "Ejendomsselskabet Vestpark", ext_acct(), "Betalingsservice", group="L8")
ordinary_life("tomasz", rent=6100, rent_to="Boligselskabet Sanderum", groc_per_week=3, group=None)
ordinary_life("oleh", rent=5900, rent_to="Civica Odense", groc_per_week=3, group=None)
for m in (8, 9, 10):
    post("tomasz", at(dt.date(2026, m, R.randint(1, 6)), "18:%02d" % R.randint(0, 59)),
         "Udlandsoverførsel Ewa Kowalczyk PL", -R.choice([2000, 2500, 3000]), "Ewa Kowalczyk",
         "PL00 1020 0000 0000 5550 1123", "Udlandsoverførsel", medd="dla rodziny", group="L8")
    post("oleh", at(dt.date(2026, m, R.randint(1, 6)), "19:%02d" % R.randint(0, 59)),
         "Udlandsoverførsel Halyna Shevchenko UA", -R.choice([1500, 2000]), "Halyna Shevchenko",
         "UA00 3052 9900 0000 0555 0131", "Udlandsoverførsel", medd="мамі", group="L8")

# ------------------------------------------------------------------------------------------------
# L3 seasonal farm: wages with housing deducted on the payslip (net paid), A-skat, ATP; workers' lives
FARM_STAFF = [(R.choice(["Paweł", "Krzysztof", "Ewa", "Marta", "Ionel", "Vasile", "Dorota", "Grzegorz"]) + " "
               + R.choice(["Nowak", "Mazur", "Lungu", "Dudek", "Popa", "Król"]), ext_acct()) for _ in range(9)]
for m in (8, 9, 10):
    d = dt.date(2026, m, 28) if m != 9 else dt.date(2026, 9, 30)
    n_season = 9 if m < 10 else 3
    tot = 0
    for nm, acct in FARM_STAFF[:n_season]:
        a = R.randint(15500, 21800) if m < 10 else R.randint(6000, 9000)
        tot += a
        post("hindsholm", at(d, "06:00"), "Løn " + nm, -a, nm, acct, "Lønoverførsel", group="L3")
    for k in ("marek", "agnieszka", "florin"):
        a = R.randint(16500, 19800) if m < 10 else R.randint(7200, 9900)
        transfer("hindsholm", k, at(d, "06:00"), a, typ="Lønoverførsel", tekst_out="Løn " + CUST[k]["navn"],
                 tekst_in="Løn Hindsholm Bær I/S (netto efter husleje)", group="L3")
    post("hindsholm", at(dt.date(2026, m, 10) + dt.timedelta(days=20 if m < 10 else 0), "08:00"),
         "Skattestyrelsen A-skat/AM-bidrag", -round(tot * 0.5), "Skattestyrelsen", "0000 0216004071", "Overførsel",
         group="L3")
    post("hindsholm", at(dt.date(2026, m, 12), "08:00"), "ATP bidrag", -R.randint(1800, 2600), "ATP",
         "0000 0216001234", "Betalingsservice", group="L3")
    for cl in ("Dansk Frugt & Grønt A/S", "Coop Danmark A/S", "Gårdbutik (MobilePay Box)"):
        post("hindsholm", at(dt.date(2026, m, R.randint(3, 25)), "11:%02d" % R.randint(0, 59)),
             "Indbetaling " + cl, R.randint(40000, 310000) if m < 10 else R.randint(8000, 40000), cl, ext_acct(),
             "Overførsel", group="L3")
    post("hindsholm", at(dt.date(2026, m, 15), "09:00"), "DLG Grovvare", -R.randint(9000, 42000), "DLG",
         ext_acct(), "Betalingsservice", group="L3")
for k in ("marek", "agnieszka", "florin"):
    ordinary_life(k, city="Kerteminde", groc_per_week=2.5, extra=True)
    for m in (8, 9, 10):
        benef = {"marek": ("Joanna Wiśniewska", "PL00 1140 0000 0000 5550 1167", "dla Joanny i dzieci"),
                 "agnieszka": ("Halina Zielińska", "PL00 1240 0000 0000 5550 1172", "dla mamy"),
                 "florin": ("Ana Neagu", "RO00 BRDE 0000 0000 0555 0199", "pentru casa")}[k]
        for half in (0, 1) if k == "marek" else (0,):
            post(k, at(dt.date(2026, m, 2 + half * 14), "19:%02d" % R.randint(0, 59)),
                 "Udlandsoverførsel " + benef[0], -R.choice([2500, 3000, 4000]), benef[0], benef[1],
                 "Udlandsoverførsel", medd=benef[2], group="L3")
ordinary_life("hindsholm", extra=False, groc_per_week=0)

# ------------------------------------------------------------------------------------------------
# L2 Thai massage clinic: card terminal by day, salaries, A-skat, rent; the owner's private life
for i in range(DAYS):
    d = day(i)
    if d.weekday() == 6:
        continue
    n = R.randint(4, 9)
    tot = sum(R.choice([395, 450, 550, 650, 750, 495]) for _ in range(n))
    nd = d + dt.timedelta(days=1 if d.weekday() < 4 else 7 - d.weekday())
    post("baansabai", at(nd, "04:%02d" % R.randint(0, 59)),
         "Nets kortomsætning %s (terminal 0441, %d køb)" % (d.strftime("%d.%m"), n), round(tot * 0.9875, 2),
         "Nets Denmark A/S", "0000 0400040400", "Kortindløsning", by="Svendborg", group="L2")
    if R.random() < 0.25:
        nm = R.choice(FIRST_M + FIRST_F) + " " + R.choice(LAST)
        post("baansabai", at(d, "%02d:%02d" % (R.randint(10, 17), R.randint(0, 59))), "MobilePay: " + nm,
             R.choice([450, 550, 650]), nm, "MobilePay " + phone45(), "MobilePay", by="Svendborg",
             medd=R.choice(["massage", "thai massage 60 min", "gavekort", "rygmassage", ""]), group="L2")
for m in (8, 9, 10):
    d = dt.date(2026, m, 28) if m != 9 else dt.date(2026, 9, 30)
    for nm in ("Nok Sriwan", "Pim Chaiyaporn"):
        post("baansabai", at(d, "06:00"), "Løn " + nm, -R.randint(17200, 18600), nm, ext_acct(), "Lønoverførsel",
             group="L2")
    transfer("baansabai", "siriporn", at(d, "06:05"), 24000, typ="Lønoverførsel",
             tekst_out="Løn Siriporn Larsen", tekst_in="Løn Baan Sabai Thaimassage", group="L2")
    post("baansabai", at(dt.date(2026, m, 10) + dt.timedelta(days=20 if m < 10 else 0), "08:00"),
         "Skattestyrelsen A-skat/AM-bidrag", -R.randint(21000, 24000), "Skattestyrelsen", "0000 0216004071",
         "Overførsel", group="L2")
    post("baansabai", at(dt.date(2026, m, 1), "05:00"), "Husleje Gerritsgade 31", -13500, "Svendborg Ejendomme ApS",
         ext_acct(), "Betalingsservice", group="L2")
    post("baansabai", at(dt.date(2026, m, 12), "08:00"), "ATP bidrag", -1420, "ATP", "0000 0216001234",
         "Betalingsservice", group="L2")
    post("baansabai", at(dt.date(2026, m, 18), "09:00"), "Thai Import Engros (olier, håndklæder)",
         -R.randint(2400, 5200), "Thai Import Engros ApS", ext_acct(), "Overførsel", group="L2")
    post("baansabai", at(dt.date(2026, m, 6), "09:00"), "Boost annoncering (Google Ads)", -R.choice([750, 900]),
         "Google Ireland", "", "Visa/Dankort", land="IE", group="L2")
ordinary_life("siriporn", city="Svendborg", groc_per_week=2.5, groc_amt=(150, 800))

# ------------------------------------------------------------------------------------------------
# L1 independent sex worker: her own MobilePay number in her ads; regulars; pays own costs and taxes
cam_clients = []
for i in range(34):
    nm = R.choice(FIRST_M) + " " + R.choice(LAST)
    cam_clients.append((nm, phone45(), R.random() < 0.45))
cam_clients.append(("Mads Sørensen", CUST["mads"]["tlf"], True))
for i in range(DAYS):
    d = day(i)
    if d.weekday() in (6,) or R.random() < 0.35:
        continue
    for _ in range(R.choice([1, 1, 1, 2])):
        regs = [c for c in cam_clients if c[2]]
        nm, ph, reg = R.choice(regs) if R.random() < 0.55 else R.choice(cam_clients)
        w = at(d, "%02d:%02d" % (R.choice([13, 15, 17, 18, 19, 20, 21]), R.randint(0, 59)))
        amt = R.choice([1500, 1500, 2000, 2200, 2500, 3000])
        medd = R.choice(["", "", "tak", "tak for i dag 😊", "massage", "booking", "depositum", "😘", "C"])
        if nm == "Mads Sørensen":
            mobilepay("mads", "camilla", w, amt, medd=medd, group="L1")
        else:
            post("camilla", w, "MobilePay: " + nm, amt, nm, "MobilePay " + ph, "MobilePay", medd=medd, group="L1")
ordinary_life("camilla", rent=8900, rent_to="Boligforeningen Klostervej", groc_per_week=3, groc_amt=(90, 600))
for m in (8, 9, 10):
    post("camilla", at(dt.date(2026, m, 20), "05:00"), "Skattestyrelsen B-skat rate", -6950, "Skattestyrelsen",
         "0000 0216004071", "Betalingsservice", group="L1")
    post("camilla", at(dt.date(2026, m, R.randint(1, 4)), "10:%02d" % R.randint(0, 59)),
         "LYSERØD.DK Premium-profil", -399, "Lyserød Media", "", "Visa/Dankort", by="Online", group="L1")
    post("camilla", at(dt.date(2026, m, 8), "05:00"), "Danica Pension indbetaling", -1500, "Danica Pension",
         ext_acct(), "Betalingsservice", group="L1")
    post("camilla", at(dt.date(2026, m, R.randint(10, 20)), "11:%02d" % R.randint(0, 59)),
         "Dinero regnskabsprogram", -229, "Dinero", "", "Kortabonnement", group="L1")
    post("camilla", at(dt.date(2026, m, 14), "10:00"), "Overført til opsparing", -5000, "Camilla Holm Rasmussen",
         "0000 4410009123", "Overførsel")

# ==============================================================================================
# N1: sexual exploitation network, money side
# ==============================================================================================
BUYERS = []   # (name, phone, customer key or None)
for i in range(260):
    BUYERS.append((R.choice(FIRST_M) + " " + R.choice(LAST), phone45(), None))
BUYERS += [("Jesper Kristensen", CUST["jesper"]["tlf"], "jesper"), ("Thomas Vestergaard", CUST["thomas"]["tlf"],
                                                                      "thomas")]
PERSONA = {"bianca": "Sofia", "roxana": "Laura", "desislava": "Mia"}
N1_BOOKINGS = []   # (datetime, buyer index, persona, amount, paid_to)
d = dt.date(2026, 8, 17)
while d <= dt.date(2026, 11, 3):
    active = ["Sofia", "Laura"] + (["Mia"] if d >= dt.date(2026, 9, 14) else [])
    for p in active:
        n = R.choice([0, 1, 1, 2, 2, 3]) if p != "Mia" else R.choice([1, 2, 2, 3])
        for _ in range(n):
            mins = R.randint(17 * 60, 26 * 60)
            w = dt.datetime(d.year, d.month, d.day) + dt.timedelta(minutes=mins, seconds=R.randint(0, 59))
            bi = R.randrange(len(BUYERS)) if R.random() < 0.85 else R.randrange(20)
            amt = R.choice([600, 1000, 1000, 1000, 1500, 2000]) if p != "Mia" else R.choice([500, 800, 1000, 1000])
            N1_BOOKINGS.append((w, bi, p, amt))
    d += dt.timedelta(days=1)
N1_BOOKINGS.sort()
# make the two bank-customer buyers pay at least once
N1_BOOKINGS.append((dt.datetime(2026, 9, 4, 21, 12, 5), len(BUYERS) - 2, "Sofia", 1000))
N1_BOOKINGS.append((dt.datetime(2026, 10, 2, 20, 41, 44), len(BUYERS) - 1, "Mia", 1000))
N1_BOOKINGS.sort()
MEMO_N1 = ["", "", "", "", "1t", "Sofia", "Laura 💋", "massage", "tak", "Mia", "30 min", "🌹", "aften", "D.",
           "betaling", "1 time", "ok"]
n1_daily = {}
for w, bi, p, amt in N1_BOOKINGS:
    nm, ph, key = BUYERS[bi]
    via = R.random()
    medd = R.choice(MEMO_N1)
    if medd in ("Sofia", "Laura 💋", "Mia"):
        medd = p if R.random() < 0.7 else p + " 💋"
    if via < 0.72:      # MobilePay to the booking phone = Daniel's account
        if key:
            mobilepay(key, "daniel", w - dt.timedelta(minutes=R.randint(5, 40)), amt, medd=medd, group="N1")
        else:
            post("daniel", w - dt.timedelta(minutes=R.randint(5, 40)), "MobilePay: " + nm, amt, nm,
                 "MobilePay " + ph, "MobilePay", medd=medd, group="N1")
    elif via < 0.82 and w.date() >= dt.date(2026, 8, 25):   # some paid to the women's own accounts
        k = {"Sofia": "bianca", "Laura": "roxana"}.get(p)
        if k:
            post(k, w - dt.timedelta(minutes=R.randint(5, 30)), "MobilePay: " + nm, amt, nm, "MobilePay " + ph,
                 "MobilePay", medd=medd, group="N1")
    n1_daily.setdefault(w.date() if w.hour >= 6 else w.date() - dt.timedelta(days=1), []).append((p, amt))
# women's accounts: night cash deposits and sweeps to Daniel within hours; no living costs
for k in ("bianca", "roxana"):
    c = CUST[k]
    for i in range(17, DAYS):
        d = day(i)
        if R.random() < 0.22:
            w = at(d, "%02d:%02d" % (R.choice([0, 1, 2, 23, 23]), R.randint(0, 59)))
            post(k, w, "Kontantindbetaling automat Odense SØ", R.choice([2000, 3000, 3500, 4000, 5000]), "", "",
                 "Kontantindbetaling", by="Odense SØ", group="N1")
    # sweep: sum of inflows each 2-3 days to Daniel
# compute sweeps after inflows exist
for k in ("bianca", "roxana"):
    c = CUST[k]
    inflows = sorted([r for r in POST if r["konto"] == c["konto"] and r["amount"] > 0], key=lambda r: r["when"])
    acc = 0
    last = None
    for r in inflows:
        acc += r["amount"]
        if acc >= 3000:
            w = r["when"] + dt.timedelta(hours=R.randint(1, 9), minutes=R.randint(0, 59))
            if w < RAID:
                transfer(k, "daniel", w, round(acc * R.choice([0.95, 1.0, 1.0]), 0),
                         medd=R.choice(["", "", "D", "chirie", "datorie"]), group="N1",
                         tekst_out="Overført til Daniel Popa", tekst_in="Fra " + c["navn"])
            acc = 0
    post(k, at(dt.date(2026, 8, 28), "10:12"), "Netto Odense SØ", -84.5, "", "", "Visa/Dankort", group="N1")
    post(k, at(dt.date(2026, 9, 30), "00:00"), "Kontogebyr", -25, "Banken", "", "Gebyr")
# Daniel: sweeps to Romania, ad sites, hotels/short lets, flights for others, prepaid, lingerie
weeks = [dt.date(2026, 8, 24) + dt.timedelta(days=7 * i) for i in range(11)]
for wk in weeks:
    w = at(wk + dt.timedelta(days=R.randint(0, 1)), "%02d:%02d" % (R.randint(10, 15), R.randint(0, 59)))
    who = R.choice([("Ana Stanciu", "RO00 RNCB 0000 0000 0555 0142"), ("Iulian Stanciu", "RO00 BTRL 0000 0000 0555 0107")])
    post("daniel", w, "Udlandsoverførsel " + who[0], -R.choice([14500, 17500, 18500, 19000, 19500]), who[0], who[1],
         "Udlandsoverførsel", land="RO", medd=R.choice(["familie", "pentru familie", "ajutor", "casa"]), group="N1")
    post("daniel", w + dt.timedelta(hours=R.randint(2, 30)), "Kontanthævning Odense C",
         -R.choice([3000, 4000, 5000]), "", "", "Kontanthævning", by="Odense C", group="N1")
for i in range(16, DAYS):
    d = day(i)
    if R.random() < 0.45:      # bump fees on the ad site (several profiles)
        for _ in range(R.choice([1, 2, 3])):
            post("daniel", at(d, "%02d:%02d" % (R.choice([21, 22, 22, 23]), R.randint(0, 59))),
                 "NATANNONCER.DK top-placering", -49, "Natannoncer ApS", "", "Visa/Dankort", by="Online",
                 group="N1")
    if d.day in (1, 15):
        post("daniel", at(d, "09:%02d" % R.randint(0, 59)), "LYSERØD.DK Premium-profil", -399, "Lyserød Media", "",
             "Visa/Dankort", by="Online", group="N1")
        post("daniel", at(d, "09:%02d" % R.randint(0, 59)), "LYSERØD.DK Premium-profil", -399, "Lyserød Media", "",
             "Visa/Dankort", by="Online", group="N1")
    if R.random() < 0.16:
        post("daniel", at(d, "%02d:%02d" % (R.randint(10, 20), R.randint(0, 59))),
             R.choice(["LEBARA TOPUP", "LYCAMOBILE TOPUP", "LEBARA TOPUP"]), -R.choice([100, 150, 200]),
             "", "", "Visa/Dankort", by="Online", group="N1")
    if R.random() < 0.09:
        post("daniel", at(d, "%02d:%02d" % (R.randint(11, 18), R.randint(0, 59))),
             R.choice(["HUNKEMÖLLER ROSENGÅRD", "MATAS ROSENGÅRD", "APOTEKET ODENSE SØ", "NORMAL ODENSE"]),
             -round(R.uniform(180, 1100), 2), "", "", "Visa/Dankort", by="Odense", group="N1")
    if R.random() < 0.2:
        post("daniel", at(d, "%02d:%02d" % (R.randint(18, 23), R.randint(0, 59))),
             R.choice(["WOLT", "JUST EAT", "PIZZA EXPRESS ODENSE"]), -round(R.uniform(180, 520), 2), "", "",
             "Visa/Dankort", by="Odense", group="N1")
stays = [(dt.date(2026, 9, 22), "AIRBNB * HM3KQ Svendborg", 2350, "Svendborg"),
         (dt.date(2026, 9, 29), "AIRBNB * HMX8T Middelfart", 2100, "Middelfart"),
         (dt.date(2026, 10, 6), "HOTEL NYBORG STRAND", 1495, "Nyborg"),
         (dt.date(2026, 10, 7), "AIRBNB * HMB21 Svendborg", 2480, "Svendborg"),
         (dt.date(2026, 10, 13), "AIRBNB * HM77P Middelfart", 1990, "Middelfart"),
         (dt.date(2026, 10, 20), "DANHOSTEL SVENDBORG", 980, "Svendborg"),
         (dt.date(2026, 10, 21), "AIRBNB * HMQ0L Nyborg", 2260, "Nyborg"),
         (dt.date(2026, 10, 27), "AIRBNB * HMZ4E Svendborg", 2400, "Svendborg")]
for d, t, a, by in stays:
    post("daniel", at(d, "%02d:%02d" % (R.randint(9, 14), R.randint(0, 59))), t, -a, "", "", "Visa/Dankort",
         by=by, land="DK" if "AIRBNB" not in t else "IE", group="N1")
for d, t, a in [(dt.date(2026, 8, 11), "WIZZ AIR W6 CRA-BLL", 1290), (dt.date(2026, 8, 11), "WIZZ AIR W6 CRA-BLL", 1290),
                (dt.date(2026, 9, 8), "WIZZ AIR W6 VAR-CPH", 1140), (dt.date(2026, 9, 12), "FLIXBUS DK CPH-ODE", 189),
                (dt.date(2026, 10, 26), "WIZZ AIR W6 OTP-BLL", 1380)]:
    post("daniel", at(d, "%02d:%02d" % (R.randint(19, 23), R.randint(0, 59))), t, -a, "Wizz Air" if "WIZZ" in t
         else "Flixbus", "", "Visa/Dankort", by="Online", land="HU" if "WIZZ" in t else "DE", group="N1")
for m in (8, 9, 10):
    post("daniel", at(dt.date(2026, m, 1), "05:10"), "Husleje Bolbrovænget", -6900, "Bolbro Boligforening",
         ext_acct(), "Betalingsservice")
    post("daniel", at(dt.date(2026, m, 1), "05:12"), "Leje Nyborgvej 212 1.tv", -11200, "Ejendomsfirmaet Ravn ApS",
         ext_acct(), "Overførsel", medd="leje lejl.", group="N1")
    post("daniel", at(dt.date(2026, m, R.randint(3, 6)), "20:%02d" % R.randint(0, 59)),
         "Udlandsoverførsel Elisabeta Popa", -2000, "Elisabeta Popa", "RO00 BTRL 0000 0000 0555 0188",
         "Udlandsoverførsel", medd="pentru medicamente", land="RO")
post("daniel", at(dt.date(2026, 8, 18), "15:20"), "EZVIZ CLOUD abonnement", -59, "EZVIZ", "", "Visa/Dankort",
     by="Online", land="NL", group="N1")
post("daniel", at(dt.date(2026, 8, 13), "12:44"), "ELGIGANTEN ROSENGÅRD (wifi-kamera)", -749, "", "", "Visa/Dankort",
     by="Odense", group="N1")
for m in (9, 10):
    post("daniel", at(dt.date(2026, m, 18), "15:20"), "EZVIZ CLOUD abonnement", -59, "EZVIZ", "", "Visa/Dankort",
         by="Online", land="NL", group="N1")
mobilepay("daniel", "freja", at(dt.date(2026, 8, 9), "14:31"), 1200, medd="sofa")
post("daniel", at(dt.date(2026, 9, 2), "16:05"), "Autoværkstedet Dalum", -3450, "Autoværkstedet Dalum ApS",
     ext_acct(), "Overførsel", medd="faktura 22871")
ordinary_life("daniel", groc_per_week=1.5, groc_amt=(60, 350), extra=True)

# ==============================================================================================
# N2: labour exploitation, money side
# ==============================================================================================
WORK_BANKED = ["vasyl", "serhii", "mykola", "ivan", "natalia"]
WORK_UNBANKED = ["Oksana Lysenko", "Petro Savchuk", "Yurii Danylenko"]
CLIENTS_N2 = [("Hotel Odense Havn ApS", (95000, 140000)), ("Svendborg Strand Hotel A/S", (60000, 90000)),
              ("Fyns Fjerkræ A/S", (120000, 175000))]
for m in (8, 9, 10):
    for cl, rng in CLIENTS_N2:
        post("fynservice", at(dt.date(2026, m, R.randint(6, 14)), "10:%02d" % R.randint(0, 59)),
             "Indbetaling faktura " + cl, R.randint(*rng), cl, ext_acct(), "Overførsel", group="N2")
    d = dt.date(2026, m, 28) if m != 9 else dt.date(2026, 9, 30)
    for k in WORK_BANKED:
        if k in ("serhii", "mykola", "ivan", "natalia") and m == 8:
            amt = 9800
        else:
            amt = R.choice([14250, 14480, 14620])
        transfer("fynservice", k, at(d, "06:00"), amt, typ="Lønoverførsel", tekst_out="Løn " + CUST[k]["navn"],
                 tekst_in="Løn FynService Partner ApS", group="N2")
    for nm in WORK_UNBANKED:
        transfer("fynservice", "andrii", at(d, "06:01"), R.choice([14250, 14480]), typ="Lønoverførsel",
                 tekst_out="Løn " + nm, tekst_in="Løn " + nm, medd="løn " + nm.split()[0].lower(), group="N2")
    transfer("fynservice", "andrii", at(d, "06:02"), 26000, typ="Lønoverførsel", tekst_out="Løn Andrii Melnyk",
             tekst_in="Løn FynService Partner ApS", group="N2")
    post("fynservice", at(dt.date(2026, m, 10) + dt.timedelta(days=20 if m < 10 else 0), "08:00"),
         "Skattestyrelsen A-skat/AM-bidrag", -R.randint(21000, 26000), "Skattestyrelsen", "0000 0216004071",
         "Overførsel", group="N2")
    post("fynservice", at(dt.date(2026, m, 1), "05:00"), "Leje Skovvej 14 Tommerup", -9500, "Poul Skov",
         ext_acct(), "Overførsel", group="N2")
    post("fynservice", at(dt.date(2026, m, R.randint(2, 9)), "09:%02d" % R.randint(0, 59)),
         "Kemikalier Nordisk Rengøring Engros", -R.randint(4000, 9000), "Nordisk Rengøring Engros A/S", ext_acct(),
         "Overførsel", group="N2")
    post("fynservice", at(dt.date(2026, m, R.randint(2, 9)), "11:%02d" % R.randint(0, 59)),
         "Overført til Andrii Melnyk (konsulentbistand)", -R.choice([35000, 40000, 45000]), "Andrii Melnyk",
         CUST["andrii"]["konto"], "Overførsel", group="N2")
    post("andrii", at(dt.date(2026, m, R.randint(2, 9)), "11:%02d" % R.randint(0, 59)),
         "Fra FynService Partner ApS", R.choice([35000, 40000, 45000]), "FynService Partner ApS",
         CUST["fynservice"]["konto"], "Overførsel", group="N2")
    for _ in range(R.randint(6, 10)):
        post("fynservice", at(dt.date(2026, m, R.randint(1, 28)), "%02d:%02d" % (R.randint(6, 18), R.randint(0, 59))),
             R.choice(["Q8 TOMMERUP", "CIRCLE K ODENSE V", "OK BENZIN ASSENS"]), -round(R.uniform(350, 900), 2),
             "", "", "Firmakort", group="N2")
# workers: within a day, "housing + debt" back to Andrii, and cash taken at one ATM in one burst
for m in (8, 9, 10):
    wk_kontos = set(CUST[x]["konto"] for x in WORK_BANKED)
    pay = [r for r in POST if r["tekst"] == "Løn FynService Partner ApS" and r["when"].month == m
           and r["konto"] in wk_kontos]
    atm_when = None
    for r in pay:
        k = [x for x in WORK_BANKED if CUST[x]["konto"] == r["konto"]][0]
        w = r["when"] + dt.timedelta(hours=R.randint(3, 14), minutes=R.randint(0, 59))
        back = 4500 + (3000 if k != "vasyl" else 1500)
        if m == 8 and k != "vasyl":
            back = 4500 + 1500
        transfer(k, "andrii", w, back, medd=R.choice(["житло + борг", "жилье+долг", "kirie+datorie", "husleje",
                                                       "житло"]), group="N2",
                 tekst_out="Overført til Andrii Melnyk", tekst_in="Fra " + CUST[k]["navn"])
        if atm_when is None:
            atm_when = r["when"] + dt.timedelta(days=1, hours=R.randint(9, 11))
        remit = R.choice([1800, 2000, 2200])
        rest = r["amount"] - back - remit - 600
        w2 = atm_when + dt.timedelta(minutes=WORK_BANKED.index(k) * 2, seconds=R.randint(0, 50))
        post(k, w2, "Kontanthævning automat Vesterbro Odense", -round(rest - rest % 100, 0), "", "",
             "Kontanthævning", by="Odense C", group="N2")
        # remittance of "debt" to the recruiter in Ukraine / Moldova
        post(k, w + dt.timedelta(days=R.randint(2, 5), hours=2), "Udlandsoverførsel Viktoriia Hrytsenko",
             -remit, "Viktoriia Hrytsenko", "UA00 3052 9900 0000 0555 0147",
             "Udlandsoverførsel", land="UA", medd=R.choice(["борг", "оплата", "datorie", "за квиток"]), group="N2")
    for k in WORK_BANKED:
        for _ in range(R.randint(1, 3)):
            post(k, at(dt.date(2026, m, R.randint(1, 28)), "%02d:%02d" % (R.randint(17, 20), R.randint(0, 59))),
                 R.choice(["NETTO TOMMERUP", "REMA 1000 TOMMERUP"]), -round(R.uniform(40, 160), 2), "", "",
                 "Visa/Dankort", by="Tommerup", group="N2")
    post("vasyl", at(dt.date(2026, m, 15), "09:00"), "Overført til FynService Partner ApS (indskud)", 0, "", "", "")
    POST.pop()
# Andrii: fees to the recruiter; gambling, luxury; remittances just below thresholds
for d, a in [(dt.date(2026, 7, 28) + dt.timedelta(days=4), 12000), (dt.date(2026, 8, 25), 14800),
             (dt.date(2026, 9, 22), 14800), (dt.date(2026, 10, 19), 14900)]:
    post("andrii", at(d, "%02d:%02d" % (R.randint(12, 18), R.randint(0, 59))),
         "Udlandsoverførsel Viktoriia Hrytsenko", -a, "Viktoriia Hrytsenko", "UA00 3052 9900 0000 0555 0147",
         "Udlandsoverførsel", land="UA", medd=R.choice(["за послуги", "послуги", "consulting"]), group="N2")
for i in range(DAYS):
    d = day(i)
    if R.random() < 0.17:
        post("andrii", at(d, "%02d:%02d" % (R.randint(20, 23), R.randint(0, 59))),
             R.choice(["DANSKE SPIL ONLINE", "BET365", "UNIBET"]), -R.choice([200, 500, 1000, 2000]),
             "", "", "Visa/Dankort", by="Online", land="MT" if R.random() < 0.5 else "DK", group="N2")
post("andrii", at(dt.date(2026, 9, 5), "14:22"), "BUCHERER KØBENHAVN", -48500, "", "", "Visa/Dankort",
     by="København", group="N2")
post("andrii", at(dt.date(2026, 10, 3), "13:08"), "AUDI CENTER ODENSE udbetaling", -60000, "Audi Center Odense",
     ext_acct(), "Overførsel", group="N2")
for d in (dt.date(2026, 8, 3), dt.date(2026, 8, 4), dt.date(2026, 8, 5)):
    post("andrii", at(d, "%02d:%02d" % (R.randint(8, 11), R.randint(0, 59))), "FLIXBUS UA KYIV-CPH (2 pers)",
         -R.choice([2190, 2350]), "Flixbus", "", "Visa/Dankort", by="Online", land="DE", group="N2")
for i in range(DAYS):
    if R.random() < 0.1:
        post("andrii", at(day(i), "%02d:%02d" % (R.randint(8, 18), R.randint(0, 59))), "LEBARA TOPUP",
             -100, "", "", "Visa/Dankort", by="Online", group="N2")
transfer("andrii", "iryna", at(dt.date(2026, 8, 1), "08:00"), 8000, medd="husholdning")
transfer("andrii", "iryna", at(dt.date(2026, 9, 1), "08:00"), 8000, medd="husholdning")
transfer("andrii", "iryna", at(dt.date(2026, 10, 1), "08:00"), 8000, medd="husholdning")
ordinary_life("andrii", groc_per_week=2, groc_amt=(150, 900))

# ==============================================================================================
# N3: forced criminality (cannabis grow at Hjulbyvej 61, Nyborg), money side
# ==============================================================================================
for i in range(DAYS):
    d = day(i)
    if d.weekday() == 6:
        continue
    n = R.randint(3, 8)
    tot = sum(R.choice([299, 349, 399, 450, 499, 550]) for _ in range(n))
    nd = d + dt.timedelta(days=1 if d.weekday() < 4 else 7 - d.weekday())
    post("lotus", at(nd, "04:%02d" % R.randint(0, 59)),
         "Nets kortomsætning %s (terminal 7720, %d køb)" % (d.strftime("%d.%m"), n), round(tot * 0.9875, 2),
         "Nets Denmark A/S", "0000 0400040400", "Kortindløsning", by="Odense C", group="N3")
    if d.weekday() == 4:
        post("lotus", at(d, "%02d:%02d" % (R.randint(15, 18), R.randint(0, 59))), "Kontanthævning Odense C",
             -R.choice([4000, 5000, 6000]), "", "", "Kontanthævning", by="Odense C", group="N3")
for m in (8, 9, 10):
    post("lotus", at(dt.date(2026, m, 1), "05:00"), "Husleje Vestergade 88", -16500, "Vestergade Ejendomme A/S",
         ext_acct(), "Betalingsservice", group="N3")
    post("lotus", at(dt.date(2026, m, R.randint(5, 12)), "10:%02d" % R.randint(0, 59)), "Nail Supply Europe GmbH",
         -R.randint(3500, 7000), "Nail Supply Europe", "DE00 5001 0000 0000 5550 12", "Udlandsoverførsel",
         land="DE", group="N3")
    transfer("lotus", "tuan", at(dt.date(2026, m, 25), "09:00"), 22000, medd="udbytte/løn", group="N3",
             tekst_out="Overført til Tran Van Tuan", tekst_in="Fra Lotus Nails Odense ApS")
# Tuan pays the straw tenant: rent + "electricity" + cash; grow supplies; remittances below 15.000
for m in (8, 9, 10):
    transfer("tuan", "kenneth", at(dt.date(2026, m, R.randint(26, 28)), "18:%02d" % R.randint(0, 59)),
             15000, medd=R.choice(["lån", "laan", "husleje+el"]), group="N3",
             tekst_out="Overført til Kenneth Olsen", tekst_in="Fra Tran Van Tuan")
    post("kenneth", at(dt.date(2026, m, 3), "05:40"), "Betalingsservice Fynsk El A/S aconto Hjulbyvej 61",
         -R.choice([5200, 5450, 5600]), "Fynsk El A/S", "0000 0077001234", "Betalingsservice", group="N3")
    post("kenneth", at(dt.date(2026, m, 9), "10:%02d" % R.randint(0, 59)), "Kontantindbetaling Nyborg",
         R.choice([4000, 5000]), "", "", "Kontantindbetaling", by="Nyborg", group="N3")
    post("kenneth", at(dt.date(2026, m, 30) if m != 8 else dt.date(2026, 8, 31), "06:00"),
         "Ydelse Nyborg Kommune (kontanthjælp)", 11800 * 0.92, "Nyborg Kommune", ext_acct(), "Lønoverførsel")
for d, a in [(dt.date(2026, 8, 12), 14500), (dt.date(2026, 8, 19), 14800), (dt.date(2026, 8, 24), 14600),
             (dt.date(2026, 9, 16), 14900), (dt.date(2026, 9, 21), 14700), (dt.date(2026, 10, 14), 14800),
             (dt.date(2026, 10, 17), 14500), (dt.date(2026, 10, 22), 14900)]:
    post("tuan", at(d, "%02d:%02d" % (R.randint(11, 17), R.randint(0, 59))), "Udlandsoverførsel Nguyen Thi Lan VN",
         -a, "Nguyen Thi Lan", "VN00 VCB 0000 0555 0163", "Udlandsoverførsel", land="VN",
         medd=R.choice(["gui me", "gia dinh", "tra no"]), group="N3")
for i in range(DAYS):
    d = day(i)
    if d.weekday() == 5:
        post("tuan", at(d, "%02d:%02d" % (R.randint(10, 13), R.randint(0, 59))), "ASIA SUPERMARKED ODENSE",
             -round(R.uniform(1200, 2300), 2), "", "", "Visa/Dankort", by="Odense", group="N3")
    if R.random() < 0.12:
        post("tuan", at(d, "%02d:%02d" % (R.randint(9, 20), R.randint(0, 59))), "LEBARA TOPUP", -100, "", "",
             "Visa/Dankort", by="Online", group="N3")
for d, t, a in [(dt.date(2026, 8, 6), "GRØNT LYS HYDRO APS (vækstlamper)", 8740),
                (dt.date(2026, 8, 21), "BAUHAUS ODENSE", 3210), (dt.date(2026, 9, 10), "GRØNT LYS HYDRO APS", 4480),
                (dt.date(2026, 9, 30), "GRØNT LYS HYDRO APS", 2960), (dt.date(2026, 10, 15), "JEM & FIX NYBORG", 1260),
                (dt.date(2026, 10, 20), "GRØNT LYS HYDRO APS", 5110)]:
    post("tuan", at(d, "%02d:%02d" % (R.randint(10, 17), R.randint(0, 59))), t, -a, "", "", "Visa/Dankort",
         by="Odense" if "NYBORG" not in t else "Nyborg", group="N3")
for i in range(3, DAYS, 6):
    by = R.choice(["Odense C", "Svendborg", "Nyborg", "Vejle", "Kolding", "Odense SØ"])
    post("tuan", at(day(i + R.randint(0, 2)), "%02d:%02d" % (R.choice([22, 23, 0, 1, 19]), R.randint(0, 59))),
         "Kontantindbetaling automat " + by, R.choice([6000, 8000, 9500, 9900, 12000]), "", "", "Kontantindbetaling",
         by=by, group="N3")
for m in (8, 9, 10):
    post("tuan", at(dt.date(2026, m, 1), "05:00"), "Husleje Dalumvej 140", -8900, "PKA Ejendomme", ext_acct(),
         "Betalingsservice")
ordinary_life("tuan", groc_per_week=1.5, groc_amt=(100, 500))
ordinary_life("kenneth", groc_per_week=2, groc_amt=(60, 300), city="Nyborg")

# ---------------------------------------------------------------------------------------------
# write bank files
def fmt_amt(x):
    s = "%.2f" % abs(x)
    i, f = s.split(".")
    i = "{:,}".format(int(i)).replace(",", ".")
    return ("-" if x < 0 else "") + i + "," + f


POST = [r for r in POST if D0 <= r["when"].date() <= D1 and r["when"] < RAID and r["amount"] != 0]
POST.sort(key=lambda r: (r["when"], r["konto"]))
open_bal = {c["konto"]: round(R.uniform(60000, 300000) if c["typ"] != "Privat" else R.uniform(4000, 40000), 2)
            for c in CUST.values()}
open_bal[CUST["tuan"]["konto"]] = 81210.55
open_bal[CUST["daniel"]["konto"]] = 36402.75
open_bal[CUST["henrik"]["konto"]] = 64120.10
open_bal[CUST["andrii"]["konto"]] = 41877.00
open_bal[CUST["vasyl"]["konto"]] = 1210.40
open_bal[CUST["bianca"]["konto"]] = 0.0
open_bal[CUST["roxana"]["konto"]] = 0.0
for c in ("serhii", "mykola", "ivan", "natalia"):
    open_bal[CUST[c]["konto"]] = 0.0
bal = dict(open_bal)
os.makedirs(os.path.join(HERE, "bank"), exist_ok=True)
rows = []
for n, r in enumerate(POST):
    bal[r["konto"]] = round(bal[r["konto"]] + r["amount"], 2)
    pid = "26%07d" % (3000000 + n * 3 + R.randint(0, 2))
    r["pid"] = pid
    d = r["when"]
    valor = d.date()
    if r["typ"] in ("Visa/Dankort", "Firmakort") and d.hour >= 20:
        valor = valor + dt.timedelta(days=1)
    rows.append([pid, r["konto"], d.strftime("%d-%m-%Y"), valor.strftime("%d-%m-%Y"), d.strftime("%H:%M"),
                 r["tekst"], fmt_amt(r["amount"]), fmt_amt(bal[r["konto"]]), r["modpart"], r["modkonto"], r["medd"],
                 r["typ"], r["by"], r["land"]])
    tag(r["group"], "bank/posteringer.csv", pid)
# the bank lists statements account by account (as an answer to a production order would)
konto_order = {CUST[k]["konto"]: i for i, k in enumerate(CUST_ORDER)}
rows.sort(key=lambda x: (konto_order[x[1]], x[0]))
with open(os.path.join(HERE, "bank", "posteringer.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";")
    w.writerow(["Posteringsnr", "Kontonr", "Bogføringsdato", "Valørdato", "Kl.", "Tekst", "Beløb", "Saldo",
                "Modpart", "Modpartskonto", "Meddelelse", "Transaktionstype", "By", "Land"])
    w.writerows(rows)
N_POST = len(rows)

with open(os.path.join(HERE, "bank", "kunder.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";")
    w.writerow(["Kundenr", "Kontonr", "Navn", "Fødselsdato", "Adresse", "Postnr", "By", "Telefon", "E-mail",
                "Statsborgerskab", "Kunde siden", "Beskæftigelse", "Indtægt pr. md. (kr.)", "Kundetype", "CVR-nr.",
                "Reel ejer", "Korrespondancesprog", "Saldo primo 01-08-2026"])
    for k in CUST_ORDER:
        c = CUST[k]
        w.writerow([c["kundenr"], c["konto"], c["navn"], c["foedt"], c["adresse"], c["postnr"], c["by"], c["tlf"],
                    c["email"], c["stat"], c["siden"], c["job"], fmt_amt(c["indt"]) if c["indt"] else "", c["typ"],
                    c["cvr"], c["reel"], c["sprog"], fmt_amt(open_bal[c["konto"]])])
        tag(c["group"], "bank/kunder.csv", c["kundenr"])
        if k in ("jesper", "thomas"):
            pass

# ---------------------------------------------------------------------------------------------
# netbank / mobile bank log
DEV = {}


def dev(owner):
    if owner not in DEV:
        DEV[owner] = R.choice(["iPhone", "SM-A", "SM-S", "Pixel", "moto g", "iPad"]) + "-" + "%08X" % R.getrandbits(32)
    return DEV[owner]


def ip_dk():
    return "%d.%d.%d.%d" % (R.choice([80, 87, 90, 94, 188, 212, 185]), R.randint(0, 255), R.randint(0, 255),
                            R.randint(1, 254))


HOME_IP = {}


def home_ip(k):
    if k not in HOME_IP:
        HOME_IP[k] = ip_dk()
    return HOME_IP[k]


LOG = []


def log(k, when, device, ip, land="DK", ev="Login", kanal="Mobilbank", group=None):
    LOG.append(dict(konto=CUST[k]["konto"], when=when, dev=device, ip=ip, land=land, ev=ev, kanal=kanal, group=group))


for k in CUST_ORDER:
    c = CUST[k]
    if k in ("bianca", "roxana", "serhii", "mykola", "ivan", "natalia", "vasyl"):
        continue
    per_week = 1.5 if c["typ"] != "Privat" else R.choice([0.5, 1, 1, 1.5])
    dv = dev(k)
    start = 0
    if c["siden"].endswith("2026"):
        sd = dt.datetime.strptime(c["siden"], "%d-%m-%Y").date()
        start = max(0, (sd - D0).days)
    for i in range(start, DAYS):
        if R.random() < per_week / 7:
            w = at(day(i), "%02d:%02d" % (R.randint(7, 22), R.randint(0, 59)))
            g = None
            ip = home_ip(k) if R.random() < 0.7 else ip_dk()
            kanal = "Mobilbank" if R.random() < 0.8 or c["typ"] == "Privat" else "Netbank erhverv"
            device = dv if kanal == "Mobilbank" else "Web-" + dv[-8:]
            log(k, w, device, ip, kanal=kanal, group=g)
# family look-alike: Maria has no smartphone; Gheorghe logs in for her from the household phone
for i in range(DAYS):
    if R.random() < 0.15:
        log("maria", at(day(i), "%02d:%02d" % (R.randint(18, 21), R.randint(0, 59))), dev("gheorghe"),
            home_ip("gheorghe"), group="L5")
LOG[:] = [e for e in LOG if not (e["konto"] == CUST["maria"]["konto"] and e["dev"] == DEV.get("maria"))]
# students each use their own phone from the same flat's wifi (shared IP, distinct devices)
for k in ("ahmad", "sofie", "jonas"):
    HOME_IP[k] = home_ip("freja")
for e in LOG:
    for k in ("ahmad", "sofie", "jonas", "freja"):
        if e["konto"] == CUST[k]["konto"] and e["ip"] != home_ip(k) and R.random() < 0.5:
            e["ip"] = home_ip("freja")
# N1: Daniel's account also used from Romania (organiser); women's accounts used from Daniel's phone
RO_IP = "86.120.%d.%d" % (R.randint(0, 255), R.randint(1, 254))
RO_DEV = "SM-S918B-" + "%08X" % R.getrandbits(32)
for i in range(10, DAYS):
    if R.random() < 0.3:
        log("daniel", at(day(i), "%02d:%02d" % (R.randint(8, 23), R.randint(0, 59))), RO_DEV, RO_IP, land="RO",
            group="N1")
for k, start in (("bianca", 17), ("roxana", 18)):
    log(k, at(day(start), "13:%02d" % R.randint(0, 59)), dev("daniel"), home_ip("daniel"), ev="Aktivering af mobilbank",
        group="N1")
    for i in range(start + 1, DAYS):
        if R.random() < 0.35:
            log(k, at(day(i), "%02d:%02d" % (R.randint(9, 23), R.randint(0, 59))), dev("daniel"),
                R.choice([home_ip("daniel"), ip_dk()]), group="N1")
        if R.random() < 0.05:
            log(k, at(day(i), "%02d:%02d" % (R.randint(9, 23), R.randint(0, 59))), RO_DEV, RO_IP, land="RO",
                group="N1")
# N2: workers' accounts activated and used from Andrii's phone; Vasyl's business login also from it
for k in ("serhii", "mykola", "ivan", "natalia"):
    sd = dt.datetime.strptime(CUST[k]["siden"], "%d-%m-%Y").date()
    log(k, at(sd, "14:%02d" % R.randint(0, 59)), dev("andrii"), home_ip("andrii"), ev="Aktivering af mobilbank",
        group="N2")
for k in ("vasyl", "serhii", "mykola", "ivan", "natalia"):
    for i in range(4, DAYS):
        if R.random() < 0.18:
            log(k, at(day(i), "%02d:%02d" % (R.randint(6, 22), R.randint(0, 59))), dev("andrii"),
                R.choice([home_ip("andrii"), ip_dk()]), group="N2")
for e in LOG:
    if e["konto"] == CUST["fynservice"]["konto"]:
        e["dev"] = dev("andrii") if e["kanal"] == "Mobilbank" else "Web-" + dev("andrii")[-8:]
        e["group"] = "N2"
# N3: Kenneth's account is sometimes opened from Tuan's phone
for i in range(DAYS):
    if R.random() < 0.06:
        log("kenneth", at(day(i), "%02d:%02d" % (R.randint(9, 21), R.randint(0, 59))), dev("tuan"), ip_dk(),
            group="N3")
for e in LOG:
    if e["konto"] == CUST["lotus"]["konto"]:
        e["group"] = "N3"
LOG.sort(key=lambda e: (e["when"], e["konto"]))
LOG = [e for e in LOG if e["when"] < RAID]
with open(os.path.join(HERE, "bank", "netbank_log.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";")
    w.writerow(["Log-ID", "Kontonr", "Tidspunkt", "Enhed", "IP-adresse", "IP-land", "Hændelse", "Kanal"])
    for n, e in enumerate(LOG):
        lid = "L%06d" % (n + 1)
        w.writerow([lid, e["konto"], e["when"].strftime("%d.%m.%Y %H:%M:%S"), e["dev"], e["ip"], e["land"], e["ev"],
                    e["kanal"]])
        tag(e["group"], "bank/netbank_log.csv", lid)
N_LOG = len(LOG)

# ---------------------------------------------------------------------------------------------
# KYC journal (the bank's customer log)
KYC = []


def kyc(k, when, ev, felt="", foer="", efter="", kanal="", medv="", notat="", group=None):
    KYC.append(dict(kundenr=CUST[k]["kundenr"], when=when, ev=ev, felt=felt, foer=foer, efter=efter, kanal=kanal,
                    medv=medv, notat=notat, group=group))


kyc("bianca", dt.datetime(2026, 8, 18, 11, 5), "Oprettelse - møde i filial", kanal="Filial Odense Rosengård",
    medv="Daniel Popa (oplyst fætter, tolk)",
    notat="Kunden taler ikke dansk/engelsk. Fætter tolkede og oplyste eget tlf.nr. som kontakt. Formål: løn som massør.",
    group="N1")
kyc("roxana", dt.datetime(2026, 8, 19, 10, 40), "Oprettelse - møde i filial", kanal="Filial Odense Rosengård",
    medv="Daniel Popa (tolk)", notat="Samme tolk som kunde " + CUST["bianca"]["kundenr"] + ". Kunden virkede træt.",
    group="N1")
kyc("roxana", dt.datetime(2026, 9, 2, 21, 48), "Ændring af kontaktoplysninger", felt="Telefon",
    foer="+45 20 00 31 58", efter="+45 20 00 31 17", kanal="Mobilbank", group="N1")
kyc("bianca", dt.datetime(2026, 10, 1, 9, 30), "Henvendelse fra tredjemand", kanal="Telefon",
    medv="Daniel Popa", notat="Ringede om kortet var spærret. Fik ikke oplysninger (ikke fuldmagt).", group="N1")
kyc("daniel", dt.datetime(2026, 9, 23, 14, 10), "Forespørgsel om midlernes oprindelse", kanal="Telefon",
    notat="Mange MobilePay-indbetalinger. Kunden oplyser: flytte- og transportopgaver for private, kontant/MobilePay.",
    group="N1")
kyc("daniel", dt.datetime(2026, 10, 12, 12, 0), "Intern underretning (hvidvask) oprettet", kanal="",
    notat="Overførsler til RO > 200.000 kr. på 2 mdr., indtægt ikke dokumenteret.", group="N1")
for k, dd, hh in (("serhii", 4, "10:15"), ("mykola", 4, "10:50"), ("ivan", 5, "10:10"), ("natalia", 5, "10:45")):
    kyc(k, dt.datetime(2026, 8, dd, int(hh[:2]), int(hh[3:])), "Oprettelse - møde i filial",
        kanal="Filial Odense Vestergade", medv="Andrii Melnyk (arbejdsgiver, tolk)",
        notat="Arbejdsgiver medbragte pas og ansættelseskontrakt, tolkede. Adresse = firmaets adresse.", group="N2")
kyc("mykola", dt.datetime(2026, 9, 8, 20, 12), "Ændring af kontaktoplysninger", felt="Telefon",
    foer="+45 20 00 58 22", efter="+45 20 00 58 09", kanal="Mobilbank", group="N2")
kyc("natalia", dt.datetime(2026, 9, 8, 20, 19), "Ændring af kontaktoplysninger", felt="Telefon",
    foer="+45 20 00 58 24", efter="+45 20 00 58 09", kanal="Mobilbank", group="N2")
kyc("natalia", dt.datetime(2026, 10, 6, 15, 2), "Videolegitimation afvist", kanal="Video", medv="",
    notat="Kunden kunne ikke selv fremvise pas; oplyste at 'chefen har det'.", group="N2")
kyc("fynservice", dt.datetime(2025, 6, 12, 13, 0), "Oprettelse erhverv - møde", kanal="Filial Odense Vestergade",
    medv="Andrii Melnyk (driftsleder, fuldmagt)", notat="Reel ejer Vasyl Hnatiuk fremmødt; Melnyk førte ordet.",
    group="N2")
kyc("fynservice", dt.datetime(2025, 6, 12, 13, 20), "Fuldmagt registreret", medv="Andrii Melnyk", kanal="Filial",
    group="N2")
kyc("lotus", dt.datetime(2024, 9, 2, 11, 0), "Oprettelse erhverv - møde", kanal="Filial Odense Vestergade",
    medv="Tran Van Tuan (fuldmagt)", notat="Reel ejer bor i Tyskland, deltog ikke. Fuldmagtshaver Tran Van Tuan.",
    group="N3")
kyc("lotus", dt.datetime(2024, 9, 2, 11, 15), "Fuldmagt registreret", medv="Tran Van Tuan", kanal="Filial", group="N3")
kyc("kenneth", dt.datetime(2026, 7, 29, 16, 40), "Ændring af kontaktoplysninger", felt="Adresse",
    foer="Tårnvej 4, 1. th., 5800 Nyborg", efter="Hjulbyvej 61, 5800 Nyborg", kanal="Mobilbank", group="N3")
kyc("kenneth", dt.datetime(2026, 9, 14, 10, 5), "Henvendelse fra tredjemand", kanal="Telefon",
    medv="Tran Van Tuan (oplyst ven)", notat="Spurgte til kundens overførsler. Afvist - ingen fuldmagt.", group="N3")
# look-alikes in the journal
kyc("maria", dt.datetime(2026, 6, 9, 14, 0), "Videolegitimation mislykket", kanal="Video",
    notat="Forbindelsen afbrudt. Kunden har ingen smartphone.", group="L5")
kyc("maria", dt.datetime(2026, 6, 10, 9, 15), "Videolegitimation mislykket", kanal="Video", group="L5")
kyc("maria", dt.datetime(2026, 6, 12, 10, 0), "Oprettelse - møde i filial", kanal="Filial Odense C",
    medv="Gheorghe Munteanu (ægtefælle)",
    notat="Ægtefælle tolkede; husstandens fælles telefon og mail. Pas fremvist af kunden selv.", group="L5")
kyc("maria", dt.datetime(2026, 6, 12, 10, 20), "Fuldmagt registreret", medv="Gheorghe Munteanu", kanal="Filial",
    group="L5")
for k, dd in (("marek", 6), ("agnieszka", 6), ("florin", 7)):
    kyc(k, dt.datetime(2026, 5, dd, 9 + (k == "agnieszka"), 30), "Oprettelse - møde i filial", kanal="Filial Kerteminde",
        medv="Lise Hindsholm (arbejdsgiver)",
        notat="Sæsonansat, ansættelseskontrakt på polsk/dansk. Bor i medarbejderbolig på gården.", group="L3")
for k in ("tomasz", "oleh"):
    sd = dt.datetime.strptime(CUST[k]["siden"], "%d-%m-%Y")
    kyc(k, sd + dt.timedelta(hours=11), "Videolegitimation gennemført", kanal="Video", group="L8")
kyc("sofie", dt.datetime(2025, 8, 28, 12, 0), "Videolegitimation gennemført", kanal="Video", group="L4")
kyc("sofie", dt.datetime(2026, 8, 20, 18, 2), "Ændring af kontaktoplysninger", felt="Adresse",
    foer="Campusvej 55, vær. 118, 5230 Odense M", efter="Rødegårdsvej 98, 3. th., 5000 Odense C", kanal="Mobilbank",
    group="L4")
kyc("camilla", dt.datetime(2026, 3, 2, 10, 0), "Forespørgsel om midlernes oprindelse", kanal="Møde",
    notat="Selvstændig erhvervsdrivende (massage/escort), CVR, revisor, B-skat. Dokumentation modtaget.", group="L1")
kyc("henrik", dt.datetime(2026, 1, 15, 13, 0), "Årlig KYC-opdatering", kanal="Netbank",
    notat="Udlejer 9 lejemål. Lejekontrakter på fil.", group="L6")
kyc("iryna", dt.datetime(2026, 9, 1, 9, 0), "Ændring af kontaktoplysninger", felt="E-mail",
    foer="iryna.m@ukr.net", efter="iryna.melnyk86@gmail.com", kanal="Mobilbank")
kyc("jesper", dt.datetime(2026, 8, 14, 16, 0), "Nyt kort udstedt", kanal="Mobilbank")
kyc("lene", dt.datetime(2026, 9, 3, 8, 0), "Ændring af kontaktoplysninger", felt="Enhed",
    foer="iPhone-8F2A11C0", efter=dev("lene"), kanal="Mobilbank")
KYC.sort(key=lambda e: e["when"])
with open(os.path.join(HERE, "bank", "kundelog.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";")
    w.writerow(["Kundenr", "Dato", "Hændelse", "Felt", "Før", "Efter", "Kanal", "Medvirkende", "Sagsbehandlers notat"])
    for n, e in enumerate(KYC):
        w.writerow([e["kundenr"], e["when"].strftime("%d-%m-%Y %H:%M"), e["ev"], e["felt"], e["foer"], e["efter"],
                    e["kanal"], e["medv"], e["notat"]])
        tag(e["group"], "bank/kundelog.csv", n + 1)
N_KYC = len(KYC)


# ==============================================================================================
# PHONE EXTRACTIONS (chats). No message ids; local time as the phone shows it.
# ==============================================================================================
MSG = {1: [], 2: [], 3: []}


def msg(ph, when, app, thread, frm, to, body, deleted=False, attach="", group=None, parts=""):
    if when >= RAID:
        return
    MSG[ph].append(dict(when=when, app=app, thread=thread, frm=frm, to=to, body=body, deleted=deleted,
                        attach=attach, group=group, parts=parts))


def script(ph, app, thread, me, them, lines, group=None, deleted_from=None, parts=""):
    """lines: (dd.mm, HH:MM, 'me'|'them', text[, attach])"""
    for ln in lines:
        dd, hm, who, text = ln[:4]
        attach = ln[4] if len(ln) > 4 else ""
        d = dt.date(2026, int(dd.split(".")[1]), int(dd.split(".")[0]))
        w = at(d, hm)
        frm, to = (me, them) if who == "me" else (them, me)
        if deleted_from == "all":
            dl = True
        else:
            dl = deleted_from is not None and w >= deleted_from
        msg(ph, w, app, thread, frm, to, text, dl, attach, group, parts)


# ---------------------------------------------------------------- phone 1: Daniel Popa (iPhone)
D_ME = "+4520003117 Daniel (owner)"
IUL = "@iulik_88 Iulik"
script(1, "Telegram", "Iulik", D_ME, IUL, [
    ("02.08", "19:12", "them", "Frate, am găsit două fete prin anunțul de pe canal. Bianca și Roxana, din Craiova. Vin pe 15."),
    ("02.08", "19:14", "me", "Ok. Cu ce vin?"),
    ("02.08", "19:20", "them", "Wizz Craiova-Billund. Iei tu biletele de pe cardul tău, le trecem la datorie. Bilet, cazare, anunțuri, tot."),
    ("02.08", "19:21", "me", "Cât le zici că e datoria?"),
    ("02.08", "19:25", "them", "1500 euro fiecare la început. Le zici că în 2 luni e gata dacă muncesc."),
    ("10.08", "11:02", "them", "Apartamentul de pe Nyborgvej e gata?"),
    ("10.08", "11:30", "me", "Da. Am pus și camera în hol cum ai zis, aia cu wifi de la Elgiganten."),
    ("10.08", "11:31", "them", "Bine. Vreau să văd pe telefon tot timpul. Trimite-mi datele de la aplicație pe privat."),
    ("11.08", "21:40", "me", "Am luat biletele, 2 bucăți, 15 august."),
    ("15.08", "23:58", "me", "Le-am luat de la Billund. Sunt în apartament. Le-am luat pașapoartele să nu le piardă 😅"),
    ("16.08", "00:03", "them", "Perfect. Pașapoartele la tine în mașină, nu în apartament."),
    ("16.08", "10:15", "them", "Luni le faci cont la bancă. Pui numărul tău de telefon, nu al lor. Tu mergi cu ele și vorbești tu."),
    ("18.08", "12:40", "me", "Am fost la bancă cu Bianca. Am zis că sunt vărul ei și traduc. Mâine Roxana."),
    ("18.08", "12:41", "them", "Cardurile și codurile le ții tu. Aplicația băncii pe telefonul tău."),
    ("17.08", "14:00", "them", "Anunțurile: Bianca e «Sofia», Roxana e «Laura». Același text, schimbi doar numele, vârsta și poza. Numărul tău."),
    ("19.08", "09:10", "them", "Spune-le regulile: nu ies din apartament fără să-mi scrie mie. Nu vorbesc cu clienții despre bani. Cine iese singură plătește 2000 amendă."),
    ("19.08", "09:11", "them", "Telefonul lor îl iei noaptea."),
    ("27.08", "22:30", "them", "Laura a stat pe telefon în română o oră aseară, am văzut pe cameră. Cu cine vorbește?"),
    ("27.08", "22:34", "me", "Cu sora ei zice."),
    ("27.08", "22:36", "them", "Dacă mai face figuri îi spun lui frate-su ce face ea aici. Are și copilul acasă la maică-sa, să nu uite asta."),
    ("01.09", "13:05", "them", "Trimite mâine 18.500 la Ana, restul cash când vine Marius cu autobuzul."),
    ("01.09", "13:06", "them", "Contul Anei: RO00 RNCB 0000 0000 0555 0142, Ana Stanciu. Scrie «familie» la mesaj."),
    ("02.09", "12:20", "me", "Am trimis la Ana."),
    ("08.09", "20:05", "them", "Vine Desislava din Varna pe 12, o bulgăroaică. 19 ani. O punem «Mia, new girl», în anunț zici 20."),
    ("08.09", "20:06", "me", "Vorbește engleză?"),
    ("08.09", "20:09", "them", "Puțin. Nu contează. Ia-i bilet Varna-Copenhaga și Flixbus până la Odense."),
    ("12.09", "23:10", "me", "Mia e aici. Foarte speriată, plânge."),
    ("12.09", "23:15", "them", "Îi trece. Mâine începe. Zi-i de datorie: 1800 euro."),
    ("23.09", "14:22", "me", "Banca m-a sunat azi, au întrebat de unde vin banii pe MobilePay."),
    ("23.09", "14:25", "them", "Ce ai zis?"),
    ("23.09", "14:26", "me", "Că fac mutări și transport pentru lume."),
    ("23.09", "14:30", "them", "Bine. De acum nu mai trimite peste 20.000 odată și pune mai multe pe conturile fetelor."),
    ("21.09", "10:00", "them", "Săptămâna asta Sofia la Svendborg marți-joi, Laura la Middelfart. Ia Airbnb pe numele tău. Mia rămâne în Odense."),
    ("05.10", "09:40", "them", "Nyborg luni, Svendborg marți. Urcă anunțurile noi cu orașul schimbat."),
    ("15.10", "22:10", "them", "Sofia a făcut doar 2 ieri. Zi-i că dacă nu face 5 pe zi îi pun 500 la datorie."),
    ("18.10", "21:45", "them", "Laura vrea acasă. Zi-i că pleacă când e datoria gata, nu mai devreme. Mai are 900 euro."),
    ("26.10", "18:00", "them", "Vine încă una pe 29, Ana-Maria. Ia bilet de la București."),
    ("03.11", "21:38", "them", "Poliția a fost azi la Svendborg la fetele lui Sorin. Șterge tot acum: Telegram, WhatsApp, poze. Anunțurile le șterg eu."),
    ("03.11", "21:39", "me", "Ok. Șterg acum."),
    ("03.11", "21:41", "them", "Fetele să zică că lucrează singure și că tu ești doar prieten care le ajută cu mașina."),
    ("03.11", "21:44", "them", "Camera o scoți din priză și o arunci."),
], group="N1", deleted_from="all", parts="+4520003117 Daniel (owner); @iulik_88 Iulik")
# daily reports to the organiser (the whole Telegram chat was deleted; recovered by the tool)
for d in sorted(n1_daily):
    if R.random() < 0.55:
        per = {}
        for p, a in n1_daily[d]:
            per.setdefault(p, []).append(a)
        parts_ = ", ".join("%s %d - %d" % (p, len(v), sum(v)) for p, v in sorted(per.items()))
        tot = sum(sum(v) for v in per.values())
        w = dt.datetime(d.year, d.month, d.day) + dt.timedelta(days=1, hours=2, minutes=R.randint(0, 50))
        msg(1, w, "Telegram", "Iulik", D_ME, IUL,
            R.choice(["Raport %s: %s. Total %d.", "%s -> %s. Total %d kr", "Azi (%s): %s. Total %d"]) %
            (d.strftime("%d.%m"), parts_, tot), True, "", "N1", "+4520003117 Daniel (owner); @iulik_88 Iulik")
        if R.random() < 0.3:
            msg(1, w + dt.timedelta(minutes=R.randint(3, 60)), "Telegram", "Iulik", IUL, D_ME,
                R.choice(["👍", "Puțin. Mâine mai mult.", "Ok", "De ce Laura așa puțin?", "Bine frate", "Mia să facă mai mult"]),
                True, "", "N1", "+4520003117 Daniel (owner); @iulik_88 Iulik")

GIRL_NUM = {"Sofia": "+4520003142 Sofia", "Laura": "+4520003158 Laura", "Mia": "+4520003163 Mia BG"}
INSTR_RO = ["Client la {t}, {d}. A plătit pe MobilePay {a}.", "La {t} vine unul, {d}, {a} kr cash. Banii în cutie.",
            "{t} client nou, {d}. Trimite-mi mesaj când termini.", "Pregătește-te, la {t} vine. {d}, {a}."]
INSTR_EN = ["Client {t}, {d}, he paid {a} MobilePay.", "{t} client. {d}. {a} kr cash, put in box.",
            "Get ready {t}. {d}. Write me when finish."]
REPL_RO = ["Ok", "Am terminat.", "Ok 👍", "A plecat.", "Am terminat, a dat cash 1000.", "Sunt obosită, pot să dorm puțin?",
           "Ok.", "Vine?", "Nu a venit încă."]
REPL_BG = ["Ok", "Свърших.", "ok", "Готово.", "Уморена съм, не мога повече днес.", "Той си тръгна."]
for w, bi, p, amt in N1_BOOKINGS:
    if R.random() < 0.22:
        d_ = "1 oră" if amt >= 1000 else "30 min"
        t = w.strftime("%H:%M")
        if p == "Mia":
            txt = R.choice(INSTR_EN).format(t=t, d="1 hour" if amt >= 1000 else "30 min", a=amt)
        else:
            txt = R.choice(INSTR_RO).format(t=t, d=d_, a=amt)
        w0 = w - dt.timedelta(minutes=R.randint(20, 90))
        msg(1, w0, "WhatsApp", p, D_ME, GIRL_NUM[p], txt, w0 >= dt.datetime(2026, 10, 20), "", "N1")
        if R.random() < 0.55:
            w1 = w + dt.timedelta(minutes=R.randint(35, 75))
            msg(1, w1, "WhatsApp", p, GIRL_NUM[p], D_ME, R.choice(REPL_BG if p == "Mia" else REPL_RO),
                w1 >= dt.datetime(2026, 10, 20), "", "N1")
script(1, "WhatsApp", "Sofia", D_ME, GIRL_NUM["Sofia"], [
    ("20.08", "15:02", "them", "Daniel, când primesc și eu bani? Mama are nevoie pentru copil."),
    ("20.08", "15:10", "me", "Banii sunt la Iulian. Îi primești la sfârșit, când e datoria gata."),
    ("24.08", "12:30", "them", "Nu mai avem mâncare în casă."),
    ("24.08", "12:31", "me", "Vin diseară cu mâncare. Nu ieși."),
    ("02.09", "21:50", "me", "Trimite-mi locația acum."),
    ("02.09", "21:51", "them", "", "location.vcf"),
    ("02.09", "22:40", "me", "De ce nu răspunzi? Scrie imediat când îți scriu."),
    ("22.09", "11:00", "me", "Azi mergi la Svendborg, te iau la 13. Ia prosoape și tot."),
    ("16.10", "13:05", "me", "Iulian zice că ieri ai făcut prea puțin. Azi minim 5. Altfel pune 500 la datorie."),
    ("16.10", "13:20", "them", "Am făcut tot ce am putut. Mă doare."),
    ("30.10", "20:10", "them", "Te rog lasă-mă să vorbesc cu mama duminică."),
    ("30.10", "20:15", "me", "Duminică cu mine de față. 10 minute."),
], group="N1", deleted_from=dt.datetime(2026, 10, 20))
script(1, "WhatsApp", "Laura", D_ME, GIRL_NUM["Laura"], [
    ("19.08", "10:20", "me", "Regulile: nu ieși fără să-mi spui. Nu vorbești cu clienții despre bani sau de unde ești. Amendă 2000."),
    ("19.08", "10:25", "them", "Și pașaportul meu?"),
    ("19.08", "10:26", "me", "E la mine, e mai sigur. Nu îți trebuie aici."),
    ("28.08", "09:15", "me", "Noaptea telefonul mi-l dai mie. Iulian te-a văzut pe cameră."),
    ("28.08", "09:40", "them", "Am vorbit cu sora mea, atât."),
    ("29.09", "12:00", "me", "Mâine Middelfart 3 zile. Te duc eu."),
    ("18.10", "21:50", "them", "Vreau acasă. Nu mai pot."),
    ("18.10", "21:55", "me", "Mai ai 900 euro. Când e gata pleci. Nu mai plânge, vine client la 23."),
    ("03.11", "21:52", "me", "Dacă vine cineva și întreabă, lucrezi singură. Eu sunt doar prieten cu mașina. Șterge tot din telefon."),
], group="N1", deleted_from=dt.datetime(2026, 10, 20))
script(1, "WhatsApp", "Mia BG", D_ME, GIRL_NUM["Mia"], [
    ("13.09", "11:00", "me", "Hello Mia. Rules: you stay in apartment. Clients I arrange. You don't talk about money. Debt 1800 euro, you pay from work."),
    ("13.09", "11:09", "them", "Никой не ми каза това в Варна. Казаха масаж."),
    ("13.09", "11:10", "me", "English please."),
    ("13.09", "11:12", "them", "In Varna they say only massage."),
    ("13.09", "11:13", "me", "It is massage. And more. Everybody do it. You go home when debt finish."),
    ("20.09", "23:40", "them", "Daniel, моля те, искам да се обадя на мама."),
    ("20.09", "23:45", "me", "Sunday. With me."),
    ("07.10", "22:00", "me", "Send location now and photo of room."),
    ("07.10", "22:03", "them", "", "IMG_0412.jpg"),
], group="N1", deleted_from=dt.datetime(2026, 10, 20))
# buyers by SMS: the booking number answers for the women (third person, choice of women)
ASK_DA = ["Hej, jeg så annoncen. Er {p} ledig i aften?", "Hej er det muligt med {p} kl {t}?", "Hej. Hvad koster 1 time med {p}?",
          "Er {p} ledig nu?", "Hej jeg har set jeres annonce på natannoncer. Har I tid i aften?", "Hej, er det stadig aktuelt?"]
ASK_EN = ["Hi, is {p} available tonight?", "Hello, price for 30 min?", "Hi is the new girl free at {t}?"]
REPLY_D = ["Yes my friend {p} is free {t}. 1h 1000kr, 30 min 600. MobilePay to this number before.",
           "Which girl you want? Sofia 23, Laura 26 or new girl Mia 20. All very nice.",
           "{p} available {t}. Pay MobilePay 20 00 31 17 before, then I send address.",
           "Ja {p} kan {t}. Betal MobilePay først. Hun taler kun lidt engelsk, ingen problem.",
           "Yes {t} ok. She is waiting for you. Write when you are outside."]
FOLLOW_B = ["Sendt på MobilePay", "Betalt 👍", "Jeg står udenfor", "ok", "Sendt {a}", "Fint, jeg kommer", "Paid"]
n_sms = 0
for w, bi, p, amt in N1_BOOKINGS:
    nm, ph, key = BUYERS[bi]
    if key or R.random() < 0.14:
        n_sms += 1
        bnum = ph.replace(" ", "")
        t = w.strftime("%H:%M")
        w0 = w - dt.timedelta(minutes=R.randint(60, 180))
        da = R.random() < 0.8
        msg(1, w0, "SMS", bnum, bnum, D_ME, R.choice(ASK_DA if da else ASK_EN).format(p=p, t=t), group="N1")
        msg(1, w0 + dt.timedelta(minutes=R.randint(1, 9)), "SMS", bnum, D_ME, bnum,
            R.choice(REPLY_D).format(p=p, t=t), group="N1")
        if R.random() < 0.5:
            msg(1, w0 + dt.timedelta(minutes=R.randint(10, 14)), "SMS", bnum, bnum, D_ME,
                "Ok " + p + " " + t, group="N1")
        msg(1, w - dt.timedelta(minutes=R.randint(1, 4)), "SMS", bnum, bnum, D_ME,
            R.choice(FOLLOW_B).format(a=amt), group="N1")
        if R.random() < 0.6:
            msg(1, w - dt.timedelta(minutes=1), "SMS", bnum, D_ME, bnum,
                R.choice(["Nyborgvej 212, 1 tv. Ring på 1 tv.", "Ok come now", "Door open", "Kom op, 1. sal"]),
                group="N1")
# recruitment post forwarded by the organiser (Telegram channel) and the approach to an independent worker
msg(1, dt.datetime(2026, 8, 1, 18, 20, 4), "Telegram", "Iulik", IUL, D_ME,
    "Uite anunțul de pe canal: «Căutăm fete pentru salon de masaj în Danemarca 🇩🇰. Câștig 2500–4000 €/lună. "
    "Bilet și cazare plătite. Nu e nevoie de experiență sau limbă. Scrie doar pe Telegram @job_masaj_dk»",
    True, "photo_2026-08-01.jpg", "N1", "+4520003117 Daniel (owner); @iulik_88 Iulik")
CAM = "+4520001986 Camilla"
script(1, "SMS", "+4520001986", D_ME, CAM, [
    ("05.09", "14:12", "me", "Hi Camilla, I see your ad. I have many clients. You work with me, I find apartment and clients, you give 40%. Good money."),
    ("05.09", "15:40", "them", "Nej tak. Jeg arbejder for mig selv og har ikke brug for nogen. Skriv ikke igen."),
    ("05.09", "15:41", "me", "Ok no problem sorry"),
], group="L1")
# ordinary life on Daniel's phone
MOM = "+40744555018 Mama"
GH = "+4520003570 Gheorghe văr"
COS = "+4520008866 Cosmin"
script(1, "WhatsApp", "Mama", D_ME, MOM, [
    ("03.08", "20:10", "them", "Ce faci puiule? Ai mâncat?"), ("03.08", "20:30", "me", "Bine mamă. Am trimis 2000 pentru medicamente."),
    ("03.08", "20:32", "them", "Mulțumesc, Dumnezeu să te binecuvânteze ❤️"),
    ("16.08", "10:05", "them", "Vii de Crăciun acasă?"), ("16.08", "11:20", "me", "Nu știu încă mamă, multă muncă."),
    ("04.09", "19:00", "me", "Am trimis banii pe luna asta."), ("04.09", "19:15", "them", "Am primit. Tata te salută."),
    ("20.09", "09:30", "them", "Ai văzut ce a scris Ionela pe Facebook? 😂"), ("20.09", "12:10", "me", "Da 😂"),
    ("05.10", "20:40", "me", "Mamă, banii sunt trimiși."), ("05.10", "21:00", "them", "Ai grijă de tine, e frig acolo?"),
    ("05.10", "21:02", "me", "E frig și plouă mereu 😅"), ("25.10", "18:00", "them", "La mulți ani de Sf. Dumitru, puiule!"),
    ("25.10", "18:30", "me", "Mulțumesc mamă! Te pup"),
])
script(1, "WhatsApp", "Gheorghe văr", D_ME, GH, [
    ("07.08", "18:00", "them", "Vii duminică la masă? Maria face sarmale."), ("07.08", "18:20", "me", "Vin, aduc eu berea."),
    ("21.08", "09:10", "them", "Îmi împrumuți remorca sâmbătă? Mutăm patul Andreei."), ("21.08", "09:40", "me", "Sigur, e în parcare la mine."),
    ("12.09", "20:00", "them", "Andreea a intrat la master la SDU! 🎉"), ("12.09", "20:05", "me", "Bravo ei! Felicitări"),
    ("09.10", "19:30", "them", "Am luat bilete la Atlassib pentru toți trei, de Crăciun la Sibiu. Vii și tu?"),
    ("09.10", "21:00", "me", "Poate. Vedem."), ("19.10", "17:45", "them", "Maria întreabă dacă mai ai nevoie de geaca de iarnă veche a mea."),
    ("19.10", "18:02", "me", "Da, mersi!"),
], group="L5")
script(1, "WhatsApp", "Cosmin", D_ME, COS, [
    ("08.08", "17:30", "them", "Meci diseară? OB joacă acasă"), ("08.08", "17:45", "me", "Nu pot azi, lucrez."),
    ("22.08", "14:00", "them", "Ai văzut ce a făcut Rapid? 3-0"), ("22.08", "14:30", "me", "Am văzut, nebunie 😂"),
    ("13.09", "21:10", "them", "Ce faci frate, nu mai dai niciun semn"), ("13.09", "23:55", "me", "Multă treabă cu mașina, mutări"),
    ("04.10", "16:20", "them", "Ieșim sâmbătă la Storms?"), ("04.10", "16:40", "me", "Sâmbătă nu, poate vineri."),
    ("17.10", "12:00", "them", "Ai mâna de ajutor duminică? Car mobila la Tommerup"), ("17.10", "12:30", "me", "Nu pot duminică, scuze"),
])
script(1, "SMS", "+4520002611", D_ME, "+4520002611", [
    ("08.08", "19:50", "me", "Hej, er sofaen fra DBA stadig til salg?"), ("08.08", "20:05", "them", "Hej ja den er! 1200 kr. Kan hentes i morgen efter kl 14"),
    ("08.08", "20:06", "me", "Ok jeg kommer 14.30"), ("09.08", "14:33", "me", "Jeg er udenfor"), ("09.08", "14:40", "them", "Tak! MobilePay modtaget 👍"),
], group="L4")
script(1, "SMS", "Autoværkstedet Dalum", D_ME, "+4520004400 Autoværkstedet Dalum", [
    ("01.09", "08:10", "me", "Hej kan I se på min bil i dag, bremserne hviner"), ("01.09", "08:30", "them", "Kom kl 10"),
    ("02.09", "15:20", "them", "Din bil er klar. Pris 3.450 kr inkl. moms. Kan betales ved afhentning."),
])
for dd, txt in [("06.08", "PostNord: Din pakke 00370726... er klar til afhentning i Netto Bolbro. Kode 4432"),
                ("13.08", "Elgiganten: Tak for dit køb. Ordre 88123. Du kan hente varen nu."),
                ("19.08", "Lebara: Din opfyldning på 100 kr til 20003142 er gennemført."),
                ("20.08", "Lebara: Din opfyldning på 150 kr til 20003158 er gennemført."),
                ("14.09", "Lebara: Din opfyldning på 100 kr til 20003163 er gennemført."),
                ("22.09", "Airbnb: Din reservation i Svendborg er bekræftet. Vært: Lene."),
                ("30.09", "Din kode til MitID er 448 201."),
                ("06.10", "Hotel Nyborg Strand: Velkommen! Værelse 214. Wifi: nyborgstrand"),
                ("15.10", "PostNord: Din pakke er leveret i pakkeboks."),
                ("21.10", "Airbnb: Din reservation i Nyborg er bekræftet."), ("28.10", "Wolt: Din ordre er på vej 🛵")]:
    d = dt.date(2026, int(dd[3:5]), int(dd[:2]))
    snd = txt.split(":")[0]
    msg(1, at(d, "%02d:%02d" % (R.randint(9, 20), R.randint(0, 59))), "SMS", snd, snd, D_ME, txt,
        group="N1" if ("Lebara" in txt or "Airbnb" in txt or "Nyborg Strand" in txt) else None)

# ---------------------------------------------------------------- phone 2: Andrii Melnyk (Samsung)
A_ME = "Andrii (ejer) +4520005809"
VIKA = "Вікторія робота +380555010147"
BRIG = "Бригада FynService"
W = {"serhii": "Сергій Бондар +4520005821", "mykola": "Микола Т +4520005822", "ivan": "Ivan Rusu +4520005823",
     "natalia": "Natalia +4520005824", "oksana": "Оксана +4520005825", "petro": "Петро +4520005826",
     "vasyl": "Василь +4520005820", "yurii": "Юрій +4520005827"}
script(2, "Telegram", "Вікторія робота", A_ME, VIKA, [
    ("01.08", "10:02", "them", "Андрію, привіт. Є ще 4 людини з Рівного і двоє з Молдови, готові їхати. Двоє чоловіків, дві жінки."),
    ("01.08", "10:10", "me", "Добре. Квитки на автобус я оплачу, потім вирахуємо з зарплати. Тобі по 400 євро за кожного, як домовлялись."),
    ("01.08", "10:14", "them", "Вони вже заплатили мені по 300 за оформлення. Паспорти віддадуть тобі?"),
    ("01.08", "10:15", "me", "Паспорти будуть у мене. Для реєстрації і банку. Так спокійніше."),
    ("01.08", "10:20", "them", "Ок. Оголошення знову поставила в групу «Робота в Європі», дивись скрін.", "screenshot_0801.jpg"),
    ("02.08", "18:00", "me", "Скажи їм: договір 37 годин, але роботи більше, хто хоче заробити — працює."),
    ("24.08", "11:30", "them", "Ти мені ще винен 1600 € за липень і серпень."),
    ("25.08", "13:05", "me", "Переказав 14 800 крон на твій рахунок. Решту в вересні."),
    ("20.09", "09:00", "them", "Наталя з Молдови писала моїй сестрі, що хоче додому. Контролюй."),
    ("20.09", "09:05", "me", "Нікуди вона не поїде, поки не віддасть борг. Паспорт в мене."),
    ("22.09", "16:40", "me", "Переказав ще 14 800."),
    ("10.10", "12:00", "them", "На листопад є ще 5 людей. Брати?"),
    ("10.10", "12:30", "me", "Беру трьох. Житла більше нема, і так 9 в будинку."),
    ("19.10", "15:10", "me", "Скинув 14 900. Більше 15 не кидаю, банк питає."),
], group="N2")
script(2, "Viber", BRIG, A_ME, BRIG, [
    ("03.08", "20:00", "me", "Всім привіт. У понеділок о 9 їдемо в банк відкривати рахунки. Я перекладаю. Телефон пишете мій, адресу — Skovvej 14."),
    ("03.08", "20:05", "me", "Паспорти поки в мене, після банку і комуни залишаю в сейфі."),
    ("06.08", "19:30", "me", "Завтра о 5:30 машина біля будинку. Hotel Odense Havn, 12 годин."),
    ("09.08", "21:00", "me", "Хто не вийде в неділю — штраф 500 крон."),
    ("27.08", "20:15", "me", "Зарплата прийде 28-го. З зарплати кожен переказує мені 4 500 за житло і 1 500 за квиток. Хто не переказав до п'ятниці — карта в мене."),
    ("28.08", "07:10", "me", "Картки і коди в мене, я сам зніму готівку. Вам на їжу по 500 на тиждень."),
    ("28.08", "07:12", "me", "Хто переказує сам: мій рахунок " + CUST["andrii"]["konto"] + " (Andrii Melnyk). В повідомленні пишіть «житло»."),
    ("30.08", "18:40", "me", "Не розмовляйте з данцями на об'єкті. Якщо спитають — ви працюєте 37 годин і живете в Оденсе."),
    ("08.09", "20:00", "me", "З сьогодні всі ставите мені локацію в Viber постійно, щоб я знав де ви."),
    ("08.09", "20:10", "me", "І телефон в банку я міняю на свій, щоб коди приходили мені."),
    ("21.09", "21:10", "me", "Наступного тижня Fyns Fjerkræ, нічна зміна 18-06, 6 днів."),
    ("26.09", "20:30", "me", "З наступної зарплати борг за квиток вже 3 000 з кожного. Бензин і житло подорожчали."),
    ("12.10", "19:45", "me", "В будинку прибрати! Приїде хазяїн, в будинку живуть тільки 4, решта сидять в машині."),
    ("27.10", "20:00", "me", "Завтра зарплата. Як завжди — переказ мені того ж дня."),
], group="N2", parts="; ".join([A_ME] + [W[k] for k in ("serhii", "mykola", "ivan", "natalia", "oksana", "petro", "vasyl", "yurii")]))
for k, lines in {
    "serhii": [("10.08", "22:10", "them", "Андрію, в договорі 37 годин, а ми працюємо по 60. Коли доплата?"),
               ("10.08", "22:20", "me", "Доплата коли віддаси борг. Не подобається — їдь додому."),
               ("10.08", "22:25", "them", "Тоді віддай паспорт."),
               ("10.08", "22:26", "me", "Паспорт в сейфі. Спочатку 14 000 крон борг, потім паспорт."),
               ("29.08", "08:00", "them", "Переказав 6000."),
               ("30.09", "07:45", "them", "Переказав."),
               ("29.10", "08:10", "them", "Переказав 7500. Залишилось скільки?"),
               ("29.10", "08:40", "me", "Ще 9 000.")],
    "natalia": [("14.08", "20:00", "them", "Andrii, am nevoie de pașaport, trebuie la doctor."),
                ("14.08", "20:30", "me", "Наталья, к врачу поедешь со мной, паспорт я возьму сам."),
                ("19.09", "23:15", "them", "Я хочу домой. Мама болеет."),
                ("19.09", "23:20", "me", "Отдашь долг — поедешь. Осталось 11 000."),
                ("06.10", "15:10", "them", "Банк звонил, просят паспорт по видео. Что сказать?"),
                ("06.10", "15:12", "me", "Скажи что паспорт у начальника, я сам схожу в банк.")],
    "ivan": [("02.09", "19:00", "them", "Nu mai am bani de mâncare. Poți să-mi dai ceva?"),
             ("02.09", "19:40", "me", "Завтра дам 300. Не трать на сигарети."),
             ("16.10", "06:10", "them", "Sunt bolnav azi, nu pot la lucru."),
             ("16.10", "06:12", "me", "Тоді мінус день і штраф 500. Через 20 хвилин машина.")],
    "oksana": [("29.08", "10:00", "them", "Андрію, а чому моя зарплата приходить на твій рахунок?"),
               ("29.08", "10:05", "me", "Бо в тебе ще нема рахунку. Я тобі віддам готівкою мінус житло і борг."),
               ("29.09", "12:00", "them", "Ти дав мені 2 500. А де решта?"),
               ("29.09", "12:10", "me", "Житло 4 500, борг 3 000, штраф за неділю 500, їжа. Все правильно.")],
    "mykola": [("05.09", "21:00", "them", "Андрію, мені прийшов код з банку на твій номер? Не можу зайти."),
               ("05.09", "21:05", "me", "Не треба тобі заходити. Все під контролем.")],
}.items():
    script(2, "Viber", W[k].rsplit(" ", 1)[0], A_ME, W[k], lines, group="N2")
script(2, "SMS", "Hotel Odense Havn - Susanne", A_ME, "+4520006120 Susanne Hotel", [
    ("05.08", "13:00", "them", "Hej Andrii. Kan I stille med 4 til rengøring søndag kl 8? Vi har bryllup lørdag."),
    ("05.08", "13:20", "me", "Hej Susanne, ja ingen problem, 4 personer."),
    ("31.08", "09:00", "them", "Tak for god indsats i august. Faktura er betalt."),
    ("18.09", "10:30", "them", "Jeres folk var her igen kl 23 i går? Jeg troede de havde fri."),
    ("18.09", "10:45", "me", "Det var frivilligt overarbejde, de ville gerne tjene lidt ekstra."),
    ("12.10", "14:00", "them", "Kan I tage 6 personer i uge 43? Efterårsferie, fuldt hus."),
    ("12.10", "14:02", "me", "Ja selvfølgelig."),
], group="N2")
script(2, "SMS", "Bent Hindsholm", A_ME, "+4520009010 Bent Hindsholm", [
    ("20.08", "09:15", "me", "Hello Bent. I can give you 6 workers from Ukraine for picking, 130 kr per hour, I take care of everything, housing and transport."),
    ("20.08", "12:40", "them", "Hej Andrii. Tak for tilbuddet, men vi ansætter selv og laver kontrakt direkte med folkene. Vi har også boliger her på gården. Held og lykke."),
], group="L3")
script(2, "SMS", "Revisor Kirsten", A_ME, "+4520006033 Kirsten Revision", [
    ("04.09", "10:00", "them", "Hej Andrii, jeg mangler lønsedler for august for alle ansatte og timesedler til A-skat indberetningen."),
    ("04.09", "16:30", "me", "Sender i morgen."), ("10.09", "09:00", "them", "Har stadig ikke fået timesedlerne. Vi skal indberette den 10."),
    ("10.09", "09:30", "me", "Alle har 37 timer. Jeg sender i dag."),
    ("03.10", "11:00", "them", "Hvorfor er der udbetalt løn for 3 personer til din private konto? Det skal vi have dokumentation for."),
    ("03.10", "11:20", "me", "De har ikke konto endnu. De får kontant af mig. Jeg laver kvittering."),
], group="N2")
script(2, "SMS", "Poul Skov (udlejer)", A_ME, "+4520005544 Poul Skov", [
    ("10.10", "17:00", "them", "Hej Andrii. Jeg kommer forbi Skovvej 14 på torsdag og ser på taget. Husk at der max må bo 4 personer efter kommunens regler."),
    ("10.10", "17:30", "me", "Selvfølgelig Poul, der bor kun 4."),
], group="N2")
IRY = "Іра ❤️ +4520005810"
script(2, "Viber", "Іра ❤️", A_ME, IRY, [
    ("04.08", "16:00", "them", "Купи молоко і хліб по дорозі"), ("04.08", "16:05", "me", "Ок"),
    ("18.08", "17:10", "them", "Забереш Максима з гандболу о 18? Я до 19 на роботі"), ("18.08", "17:12", "me", "Заберу"),
    ("25.08", "20:00", "them", "Я заплатила внесок за гандбол? Чи ти?"), ("25.08", "20:10", "me", "Я вже скинув через MobilePay 900"),
    ("03.09", "13:00", "them", "Де ти знову до ночі?"), ("03.09", "23:40", "me", "На об'єкті, проблеми з людьми"),
    ("05.09", "19:00", "them", "Звідки гроші на годинник?? Ти з глузду з'їхав"), ("05.09", "19:30", "me", "Бонус від фірми, не переживай"),
    ("20.09", "11:00", "them", "Мама питає чи приїдемо на Різдво"), ("20.09", "11:30", "me", "Подивимось"),
    ("03.10", "18:00", "them", "Ти купив Ауді??"), ("03.10", "18:15", "me", "Тільки перший внесок. Для роботи."),
    ("22.10", "08:00", "them", "Максим захворів, я вдома сьогодні"), ("22.10", "08:10", "me", "Добре, видужуйте"),
])
script(2, "SMS", "Odense Vest Håndbold", A_ME, "+4520001400 OVH", [
    ("15.08", "18:00", "them", "Kære forældre. Kontingent for efteråret (U11: 900 kr) betales via MobilePay Box 12345. Mvh kassereren"),
    ("01.10", "18:00", "them", "Husk kampdag lørdag kl 10 i Vollsmose Hallen. Kørsel: Melnyk og Juhl."),
], group="L7")
for dd, txt in [("05.08", "Din kode til MitID er 118 402."), ("05.08", "Din kode til MitID er 550 917."),
                ("05.08", "Din kode til MitID er 302 764."), ("08.09", "Banken: Dit telefonnummer er ændret. Kontakt os hvis det ikke var dig."),
                ("08.09", "Banken: Dit telefonnummer er ændret. Kontakt os hvis det ikke var dig."),
                ("12.09", "Banken: Engangskode 881 203 til godkendelse af overførsel 6.000,00 kr."),
                ("29.09", "Banken: Engangskode 120 557 til godkendelse af overførsel 6.000,00 kr."),
                ("29.10", "Banken: Engangskode 774 019 til godkendelse af overførsel 7.500,00 kr."),
                ("03.10", "Audi Center Odense: Tak for din bestilling. Levering uge 46.")]:
    d = dt.date(2026, int(dd[3:5]), int(dd[:2]))
    snd = "Banken" if "Bank" in txt else ("MitID" if "MitID" in txt else "Audi Center")
    msg(2, at(d, "%02d:%02d" % (R.randint(9, 20), R.randint(0, 59))), "SMS", snd, snd, A_ME, txt,
        group="N2" if snd != "Audi Center" else "N2")
# ordinary chats on Andrii's phone
FR = "Богдан +4520005890"
for i in range(14):
    d = day(R.randrange(DAYS))
    a, b = R.choice([("Привіт, як справи?", "Нормально, працюю. Ти як?"), ("Ти бачив матч Шахтаря?", "Бачив, ганьба 😂"),
                     ("Поїдемо на рибалку в неділю?", "Не можу, робота"), ("Позич дриль до завтра", "Бери, в гаражі"),
                     ("Коли шашлики?", "В суботу в мене"), ("Є номер нормального механіка?", "Autoværkstedet Dalum, питай Кіма")])
    msg(2, at(d, "%02d:%02d" % (R.randint(10, 21), R.randint(0, 59))), "Viber", "Богдан", FR, A_ME, a)
    msg(2, at(d, "%02d:%02d" % (R.randint(21, 23), R.randint(0, 59))), "Viber", "Богдан", A_ME, FR, b)

MAMA_A = "Мама +380555010199"
for i in range(12):
    d = day(R.randrange(DAYS))
    a, b = R.choice([("Синочку, як ви там? Як Максимко?", "Все добре мамо, Максим ходить на гандбол"),
                     ("Коли приїдете?", "На Різдво, якщо вийде"), ("Отримала гроші, дякую", "На здоров'я"),
                     ("В нас знову світло вимикали", "Тримайтесь, мамо ❤️"), ("Ти їси нормально?", "Так мамо, все добре")])
    msg(2, at(d, "%02d:%02d" % (R.randint(9, 19), R.randint(0, 59))), "Viber", "Мама", MAMA_A, A_ME, a)
    msg(2, at(d, "%02d:%02d" % (R.randint(19, 22), R.randint(0, 59))), "Viber", "Мама", A_ME, MAMA_A, b)
for dd, txt in [("12.08", "Netto+: Ugens tilbud er klar i appen"), ("21.08", "Din tid hos tandlægen er bekræftet 02.09 kl. 08.30"),
                ("15.09", "Skat: Du har en ny meddelelse i din digitale postkasse"), ("02.10", "PostNord: Din pakke er klar til afhentning"),
                ("18.10", "Vaccination: Der er åbent for influenzavaccination på Apoteket")]:
    d = dt.date(2026, int(dd[3:5]), int(dd[:2]))
    snd = txt.split(":")[0]
    msg(2, at(d, "%02d:%02d" % (R.randint(9, 18), R.randint(0, 59))), "SMS", snd, snd, A_ME, txt)

# ---------------------------------------------------------------- phone 3: Nguyen Van Long (Xiaomi)
L_ME = "Chủ máy"
TUAN = "Anh Tuấn (+4520007702)"
ME_ = "Mẹ (+84912555018)"
HANH = "Chị Hạnh XKLĐ (+84965555014)"
MINH = "Minh (+4520007743)"
script(3, "Zalo", "Chị Hạnh XKLĐ", L_ME, HANH, [
    ("20.07", "09:10", "them", "Em ơi chị có đơn đi Châu Âu làm nhà hàng, bao ăn ở, lương 1.500 – 2.000 €/tháng. Em có muốn đi không?"),
    ("20.07", "09:30", "me", "Chi phí bao nhiêu chị?"),
    ("20.07", "09:35", "them", "Trọn gói 22.000 đô. Đặt cọc 3.000 trước, còn lại sang đó làm trả dần, mỗi tháng trừ lương."),
    ("20.07", "09:36", "them", "", "tuyen_lao_dong.jpg"),
    ("21.07", "20:00", "me", "Em bàn với mẹ rồi, mẹ vay ông Hải đặt cọc."),
    ("28.07", "14:00", "them", "Em gửi chị ảnh hộ chiếu và ảnh thẻ nhé, chị làm giấy tờ."),
    ("30.07", "22:10", "them", "Sang đến nơi có anh Tuấn đón, nghe lời anh ấy là được."),
], group="N3")
script(3, "Messenger", "Anh Tuấn", L_ME, TUAN, [
    ("04.08", "23:20", "them", "Đến nơi rồi thì ngủ đi. Mai anh dạy việc. Hộ chiếu đưa anh giữ, mất là không về được."),
    ("05.08", "10:00", "them", "Em ở yên trong nhà, không được ra ngoài. Hàng xóm thấy là chết cả lũ."),
    ("05.08", "10:02", "them", "Mỗi ngày tưới 2 lần, đèn bật 18 tiếng. Nhiệt độ phải 26 độ."),
    ("09.08", "21:15", "me", "Anh ơi em hết gạo với mì tôm rồi."),
    ("09.08", "21:40", "them", "Thứ bảy anh mang đồ ăn tới."),
    ("14.08", "14:05", "them", "Anh xem camera thấy em ngủ cả buổi chiều. Cây mà chết thì em trả."),
    ("22.08", "20:00", "me", "Anh cho em gọi về cho mẹ được không?"),
    ("22.08", "20:10", "them", "Gọi thì được, nhưng không được nói em ở đâu. Nhà em ở Nghệ An anh biết."),
    ("01.09", "12:00", "them", "Vụ này phải được ít nhất 8 ký. Thiếu ký nào trừ vào nợ ký đó, 2.000 đô một ký."),
    ("01.09", "12:05", "me", "Em còn nợ anh bao nhiêu ạ?"),
    ("01.09", "12:10", "them", "19.500 đô tiền đường. Làm xong 3 vụ là hết nợ."),
    ("14.09", "09:00", "them", "Thứ hai anh Kenneth đến đọc đồng hồ điện, em trốn trên gác, không được phát ra tiếng động."),
    ("20.09", "16:30", "me", "Anh ơi em bị sốt, cho em đi bác sĩ được không?"),
    ("20.09", "17:00", "them", "Không đi bác sĩ được. Anh mang thuốc tới. Uống paracetamol."),
    ("03.10", "11:00", "them", "Vụ này được 6 ký. Thiếu 2 ký = 4.000 đô cộng vào nợ. Giờ em nợ 23.500."),
    ("03.10", "11:30", "me", "Sao lại thế anh, em làm đúng như anh dạy mà."),
    ("03.10", "11:32", "them", "Đừng cãi. Làm tiếp."),
    ("18.10", "22:00", "them", "Cửa anh khóa từ ngoài, có chuyện gì gọi anh, không được gọi ai khác."),
    ("25.10", "19:00", "them", "Nếu cảnh sát đến, em nói em tự đến đây, không biết ai cả. Nói sai thì nhà em ở quê biết tay."),
    ("26.10", "19:20", "them", "Tối nay anh nạp thẻ Lebara cho em rồi."),
], group="N3")
# weekly check-ins and photo-proof
for i in range(5, DAYS, 3):
    d = day(i)
    if R.random() < 0.75:
        t = at(d, "%02d:%02d" % (R.randint(8, 22), R.randint(0, 59)))
        q = R.choice(["Gửi ảnh cây cho anh xem", "Đang làm gì?", "Đèn bật chưa?", "Gửi ảnh nhiệt kế", "Trả lời ngay!",
                      "Tưới chưa?", "Sao không trả lời anh?"])
        msg(3, t, "Messenger", "Anh Tuấn", TUAN, L_ME, q, group="N3")
        r_ = R.choice(["Dạ em đang tưới", "Dạ rồi ạ", "", "Dạ em gửi ảnh", "Dạ 26 độ"])
        msg(3, t + dt.timedelta(minutes=R.randint(1, 25)), "Messenger", "Anh Tuấn", L_ME, TUAN, r_,
            attach="IMG_%04d.jpg" % R.randint(1000, 9999) if r_ in ("", "Dạ em gửi ảnh") else "", group="N3")
script(3, "Zalo", "Mẹ", L_ME, ME_, [
    ("05.08", "07:00", "them", "Con đến nơi chưa? Mẹ lo quá."), ("05.08", "07:30", "me", "Con đến rồi mẹ ơi. Con làm nhà hàng, ở cùng mấy anh."),
    ("17.08", "20:00", "them", "Con gửi tiền về chưa? Ông Hải hỏi tiền đặt cọc."), ("17.08", "20:30", "me", "Con chưa có lương mẹ ạ. Anh chủ giữ để trả nợ."),
    ("22.08", "20:20", "me", "Mẹ ơi con nhớ nhà quá."), ("22.08", "20:25", "them", "Cố lên con. Cả nhà trông vào con."),
    ("12.09", "19:00", "them", "Ông Hải bảo còn thiếu 60 triệu lãi. Con xin anh chủ ứng trước được không?"),
    ("12.09", "21:00", "me", "Con không dám hỏi mẹ ạ."),
    ("02.10", "06:00", "them", "Sao con lâu không nhắn? Con có khỏe không?"), ("02.10", "21:40", "me", "Con khỏe mẹ ạ. Bận lắm."),
    ("20.10", "19:10", "them", "Mẹ mơ thấy con gầy lắm. Con ăn uống đầy đủ không?"), ("20.10", "22:00", "me", "Con ăn đủ mẹ ạ, mẹ đừng lo."),
], group="N3")
script(3, "Messenger", "Minh", L_ME, MINH, [
    ("28.08", "23:00", "them", "Long ơi, bên em có bị khóa cửa không?"), ("28.08", "23:05", "me", "Có anh. Anh Tuấn khóa từ ngoài."),
    ("28.08", "23:07", "them", "Bên anh ở Svendborg cũng thế. Anh nợ 25 nghìn."),
    ("15.09", "01:10", "them", "Anh muốn trốn nhưng không có hộ chiếu, không biết tiếng."), ("15.09", "01:20", "me", "Em cũng thế. Sợ họ làm gì mẹ em."),
    ("11.10", "22:30", "them", "Anh Tuấn bảo vụ này anh thiếu 3 ký, cộng 6.000 vào nợ."), ("11.10", "22:40", "me", "Em cũng bị cộng 4.000."),
], group="N3")
for dd, txt in [("04.08", "Velkommen til Lebara! Dit nummer er 20007741."), ("26.08", "Lebara: Du har fået 100 kr. Saldo 112,50 kr."),
                ("27.09", "Lebara: Du har fået 100 kr. Saldo 104,00 kr."), ("26.10", "Lebara: Du har fået 100 kr. Saldo 131,20 kr."),
                ("10.09", "Lebara: Din saldo er lav (8,50 kr). Tank op på lebara.dk")]:
    d = dt.date(2026, int(dd[3:5]), int(dd[:2]))
    msg(3, at(d, "%02d:%02d" % (R.randint(9, 20), R.randint(0, 59))), "SMS", "Lebara", "Lebara", L_ME, txt, group="N3")

# ---------------------------------------------------------------- write the three extractions
os.makedirs(os.path.join(HERE, "telefoner"), exist_ok=True)
for ph in MSG:
    MSG[ph].sort(key=lambda m: m["when"])
P1_OWNER = D_ME
with open(os.path.join(HERE, "telefoner", "bilag_1-1_iphone_daniel_popa_chats.csv"), "w", newline="",
          encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["Source", "Chat", "Participants", "From", "To", "Timestamp", "Body", "Direction", "Deleted",
                "Attachment"])
    for n, m in enumerate(MSG[1]):
        parts = m["parts"] or (P1_OWNER + "; " + (m["to"] if m["frm"] == P1_OWNER else m["frm"]))
        w.writerow([m["app"], m["thread"], parts, m["frm"], m["to"], m["when"].strftime("%d/%m/%Y %H:%M:%S"),
                    m["body"], "Outgoing" if m["frm"] == P1_OWNER else "Incoming", "Yes" if m["deleted"] else "",
                    m["attach"]])
        tag(m["group"], "telefoner/bilag_1-1_iphone_daniel_popa_chats.csv", n + 1)
with open(os.path.join(HERE, "telefoner", "bilag_2-1_samsung_andrii_melnyk_beskeder.csv"), "w", newline="",
          encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";")
    w.writerow(["Tid (lokal)", "Applikation", "Samtale", "Afsender", "Modtager", "Besked", "Vedhæftet fil", "Slettet"])
    for n, m in enumerate(MSG[2]):
        w.writerow([m["when"].strftime("%d.%m.%Y %H:%M"), m["app"], m["thread"], m["frm"], m["to"], m["body"],
                    m["attach"], "Ja" if m["deleted"] else "Nej"])
        tag(m["group"], "telefoner/bilag_2-1_samsung_andrii_melnyk_beskeder.csv", n + 1)
with open(os.path.join(HERE, "telefoner", "bilag_3-1_xiaomi_hjulbyvej_chats.tsv"), "w", newline="",
          encoding="utf-8") as f:
    w = csv.writer(f, delimiter="\t")
    w.writerow(["Dato", "Tid", "App", "Samtale", "Afsender", "Modtager", "Tekst", "Vedhæftning", "Slettet"])
    for n, m in enumerate(MSG[3]):
        w.writerow([m["when"].strftime("%Y-%m-%d"), m["when"].strftime("%H:%M:%S"), m["app"], m["thread"], m["frm"],
                    m["to"], m["body"], m["attach"], "Deleted" if m["deleted"] else ""])
        tag(m["group"], "telefoner/bilag_3-1_xiaomi_hjulbyvej_chats.tsv", n + 1)

# ==============================================================================================
# ADS: screenshots taken during the investigation, turned into text (OCR)
# ==============================================================================================
ADS = []


def ocr_noise(t, rate=0.015):
    out = []
    for ch in t:
        x = R.random()
        if x < rate and ch in "lIoO0S":
            out.append({"l": "1", "I": "l", "o": "0", "O": "0", "0": "O", "S": "5"}[ch])
        elif x < rate * 0.3 and ch in "æøå":
            out.append({"æ": "ae", "ø": "o", "å": "a"}[ch])
        else:
            out.append(ch)
    return "".join(out)


def ad(when, kilde, url, lines, note="", group=None, noise=True):
    txt = " | ".join(l for l in lines if l)
    ADS.append(dict(when=when, kilde=kilde, url=url, txt=ocr_noise(txt) if noise else txt, note=note, group=group))


def fmt_ph(p):
    return p.replace("+45 ", "")


def rnd_when(a=0, b=DAYS - 1, h0=9, h1=17):
    return at(day(R.randint(a, b)), "%02d:%02d" % (R.randint(h0, h1), R.randint(0, 59)))


SEX_SITES = [("natannoncer.dk", "https://natannoncer.dk/annonce/"), ("lyserød.dk", "https://lyseroed.dk/profil/")]
EMO_OTHER = ["✨", "🔥", "😘", "❤️", "💦", "😍", "🥰", "⭐", "🌸", "💕"]


def lawful_escort(persona, phone, city, lang, age):
    """one lawful advertiser's texts, terms drawn once at real-ad rates"""
    t = {k: R.random() < p for k, p in dict(young=0.117, fresh=0.029, newtown=0.026, petite=0.082, sweet=0.33,
                                             baby=0.097, real=0.193, realpics=0.116, indep=0.201, textonly=0.026,
                                             h24=0.044, now=0.058, newgirl=0.023, we=0.177, girls=0.088, gfe=0.021,
                                             apps=0.01, massage=0.116, asian=0.134, latina=0.098, age1819=0.048,
                                             kiss=0.434, lolli=0.115, bow=0.095, tongue=0.195, cherry=0.068,
                                             rose=0.088, peach=0.064, candy=0.019, obsc=0.07).items()}
    if t["age1819"]:
        age = R.choice([18, 19])
    emo = "".join(e for e, k in (("💋", "kiss"), ("🍭", "lolli"), ("🎀", "bow"), ("👅", "tongue"), ("🍒", "cherry"),
                                 ("🌹", "rose"), ("🍑", "peach")) if t[k])
    if R.random() < 0.6:
        emo += R.choice(EMO_OTHER)
    ph = fmt_ph(phone)
    if t["obsc"]:
        ph = ph.replace("0", "O").replace(" ", ".") if R.random() < 0.5 else "tyve nul nul " + ph[6:]
    if lang == "da":
        title = "%s %d %s" % (persona, age, emo)
        body = ["Hej, jeg hedder %s og er %d år" % (persona, age)]
        if t["young"]:
            body.append(R.choice(["ung og glad pige", "ung kvinde med masser af energi"]))
        if t["sweet"]:
            body.append(R.choice(["sød og smilende", "sød, varm og nærværende"]))
        if t["petite"]:
            body.append("lille og slank (petite)")
        if t["asian"]:
            body.append(R.choice(["asiatisk skønhed", "halvt thai, halvt dansk"]))
        if t["latina"]:
            body.append("latina med temperament")
        if t["indep"]:
            body.append(R.choice(["selvstændig, ingen agency", "jeg arbejder selvstændigt"]))
        if t["real"] or t["realpics"]:
            body.append(R.choice(["100% ægte billeder", "ægte billeder, ingen overraskelser"]))
        if t["massage"]:
            body.append("afslappende massage og hyggeligt selskab")
        if t["gfe"]:
            body.append("GFE")
        if t["newtown"]:
            body.append("ny i byen")
        if t["h24"]:
            body.append("24/7 efter aftale")
        elif t["now"]:
            body.append("ledig nu")
        if t["we"] or t["girls"]:
            body.append(R.choice(["vi er to veninder der også tager imod par", "spørg efter vores duo-tilbud"]))
        body.append(R.choice(["Diskret lejlighed i %s" % city, "Privat lejlighed, %s" % city, "Kommer også ud i %s og omegn" % city]))
        body.append(R.choice(["Kun SMS" if t["textonly"] else "Ring eller SMS", "SMS først"]) + " " + ph)
        if t["apps"]:
            body.append("også WhatsApp")
        body.append(R.choice(["1 time 1.800 kr", "30 min 1.200 / 1 time 2.000", "1 t. 2.000 kr, 2 t. 3.600 kr",
                              "Pris: 1.500 pr time"]))
        body.append(R.choice(["Ingen nummervisning = intet svar", "Hilsen %s" % persona, "Vær sød at være hygiejnisk", ""]))
    else:
        title = "%s %s %s" % (persona, R.choice(["", "%d" % age]), emo)
        body = ["Hi gentlemen, I am %s" % persona]
        if t["young"]:
            body.append("young and fun")
        if t["sweet"]:
            body.append("sweet and caring")
        if t["petite"]:
            body.append("petite")
        if t["asian"]:
            body.append("asian beauty")
        if t["latina"]:
            body.append("hot latina")
        if t["indep"]:
            body.append("independent")
        if t["real"]:
            body.append("100% real")
        if t["realpics"]:
            body.append("real pics")
        if t["gfe"]:
            body.append("GFE")
        if t["newtown"]:
            body.append("new in town")
        if t["h24"]:
            body.append("24/7")
        elif t["now"]:
            body.append("available now")
        if t["baby"]:
            body.append("call me babe")
        if t["candy"]:
            body.append("sweet like candy")
        body.append(("text only " if t["textonly"] else "call or text ") + ph)
        if t["apps"]:
            body.append("whatsapp ok")
        body.append(R.choice(["incall %s" % city, "outcall %s" % city, "in/out %s" % city]))
        body.append(R.choice(["1h 2000 dkk", "30min 1200 / 1h 1800", "rates on request"]))
    return title, body


lawful_names = ["Nanna", "Julie", "Bella", "Amanda", "Kira", "Nora", "Luna", "Vanessa", "Emily", "Stine", "Alma",
                "Sasha", "Jasmin", "Rikke", "Tanja", "Malou", "Victoria", "Chloe", "Natalia", "Isabella", "Mai",
                "Nok", "Lina", "Paula", "Valentina", "Carmen", "Ella", "Olivia", "Kamilla", "Jenny", "Dina",
                "Helena", "Monica", "Rosa", "Fie"]
for nm in lawful_names:
    ph = phone45()
    city = R.choice(["Odense", "Odense", "Odense", "Svendborg", "Middelfart", "Nyborg", "Faaborg", "Assens",
                     "Kerteminde", "Bogense"])
    lang = "da" if R.random() < 0.65 else "en"
    title, body = lawful_escort(nm, ph, city, lang, R.randint(21, 45))
    site = R.choice(SEX_SITES)
    nposts = R.choice([1, 1, 1, 2, 2])
    aid = R.randint(100000, 999999)
    for k in range(nposts):
        ad(rnd_when(h0=10, h1=23), site[0], site[1] + str(aid + k), [title] + body)
# L1 Camilla (independent, her own number, her own MobilePay)
for k, d in enumerate([5, 19, 33, 47, 61, 78]):
    ad(at(day(d), "%02d:%02d" % (R.randint(10, 22), R.randint(0, 59))), "lyserød.dk",
       "https://lyseroed.dk/profil/camilla-odense",
       ["Camilla 31 💋 Odense C", "Hej, jeg er Camilla – dansk, selvstændig og 100% ægte.",
        "Jeg arbejder for mig selv, ingen agency, ingen chauffør.", "Sensuel massage og hyggeligt selskab for voksne, pæne mænd.",
        "Egen diskret lejlighed tæt på banegården.", "1 time 2.000 kr / 1½ time 2.800 kr. Betaling kontant eller MobilePay til mit nummer.",
        "Ring eller SMS 20 00 19 86 mellem 12 og 21. Hverdage + lørdag.", "Jeg svarer ikke skjulte numre. Kram C."],
       group="L1")
# L2 lawful Thai massage
for d in (12, 40, 70):
    ad(at(day(d), "11:%02d" % R.randint(0, 59)), "Facebook-side «Baan Sabai Thaimassage Svendborg»",
       "https://facebook.com/baansabaisvendborg",
       ["Baan Sabai Thaimassage 🌺 Svendborg", "Traditionel thaimassage, olie- og fodmassage. Uddannede thailandske massører.",
        "Kun terapeutisk massage – ingen erotik!", "Åbent man–lør 10–19. 60 min 550 kr. Gavekort fås.",
        "Book på 20 00 44 50 eller online. Kort og MobilePay.", "Gerritsgade 31, 5700 Svendborg. CVR 39881204"],
       group="L2")
# N1 ads: one booking number, third person, template, city rotation, obscured number, deleted at the raid
N1_TEMPL = [
    ["{n} {a} 💋 {city}", "Smuk {nat} pige, sød og frisk, lige kommet til {city}!",
     "Hun giver dig den bedste massage og meget mere. Alt er muligt.",
     "100% ægte billeder. Vi har også andre piger, spørg efter vores nye pige.",
     "Ring eller SMS {ph} — 24/7", "30 min 600 / 1 time 1.000"],
    ["{n} {a} 🍒 NEW in {city}", "Beautiful {nat_en} girl, sweet and young, {n} is waiting for you 24/7",
     "She does everything, no rush. Our girls are 100% real.", "Call/sms {ph} (only text if she is busy)",
     "30 min 600 dkk, 1 hour 1000 dkk"],
]
N1_PLAN = []
for d in range(16, DAYS):
    dd = day(d)
    for p in ("Sofia", "Laura", "Mia"):
        if p == "Mia" and dd < dt.date(2026, 9, 14):
            continue
        if R.random() < 0.085:
            city = "Odense"
            if p == "Sofia" and dd in (dt.date(2026, 9, 22), dt.date(2026, 9, 23), dt.date(2026, 10, 7),
                                       dt.date(2026, 10, 27)):
                city = "Svendborg"
            if p == "Laura" and dd in (dt.date(2026, 9, 29), dt.date(2026, 9, 30), dt.date(2026, 10, 13)):
                city = "Middelfart"
            if dd in (dt.date(2026, 10, 6), dt.date(2026, 10, 21)) and p != "Mia":
                city = "Nyborg"
            N1_PLAN.append((dd, p, city))
for dd, city, p in [(dt.date(2026, 9, 22), "Svendborg", "Sofia"), (dt.date(2026, 9, 29), "Middelfart", "Laura"),
                    (dt.date(2026, 10, 6), "Nyborg", "Laura"), (dt.date(2026, 10, 13), "Middelfart", "Laura"),
                    (dt.date(2026, 10, 27), "Svendborg", "Sofia"), (dt.date(2026, 9, 15), "Odense", "Mia"),
                    (dt.date(2026, 8, 18), "Odense", "Sofia"), (dt.date(2026, 8, 18), "Odense", "Laura")]:
    N1_PLAN.append((dd, p, city))
N1_PLAN.sort()
AGE = {"Sofia": 23, "Laura": 26, "Mia": 20}
NAT = {"Sofia": ("rumænsk", "romanian"), "Laura": ("rumænsk", "romanian"), "Mia": ("østeuropæisk", "bulgarian")}
for k, (dd, p, city) in enumerate(N1_PLAN):
    tpl = N1_TEMPL[0] if R.random() < 0.6 else N1_TEMPL[1]
    ph = R.choice(["20 00 31 17", "20 00 31 17", "2O OO 3l l7", "tyve nul nul 31 17", "20-00-31-17"])
    lines = [l.format(n=p, a=AGE[p], city=city, nat=NAT[p][0], nat_en=NAT[p][1], ph=ph) for l in tpl]
    if p == "Mia":
        lines.insert(1, "NY PIGE! Frisk og ung, kun 20 år 🎀" if tpl is N1_TEMPL[0] else "NEW GIRL, first time in Denmark 🎀")
    site = SEX_SITES[0] if R.random() < 0.7 else SEX_SITES[1]
    w = at(dd, "%02d:%02d" % (R.choice([21, 22, 22, 23]), R.randint(0, 59)))
    ad(w, site[0], site[1] + str(700100 + k * 7), lines,
       note="Annoncen slettet 03-11-2026 ml. 21.45 og 22.10 (konstateret ved kontrol)" if dd >= dt.date(2026, 10, 20)
       else "", group="N1")
ad(at(dt.date(2026, 8, 1), "18:02"), "Telegram-kanal «Muncă în străinătate 🇪🇺» (skærmbillede fra bilag 1-1)",
   "t.me/munca_strainatate_fete",
   ["🇩🇰 LUCRU ÎN DANEMARCA pentru fete 18-30 ani", "Salon de masaj, câștig 2500–4000 € pe lună, plata săptămânal",
    "Bilet de avion și cazare plătite de noi", "Nu e nevoie de experiență sau limbă străină",
    "Plecare rapidă, locuri limitate!", "Scrie DOAR pe Telegram @job_masaj_dk"], group="N1")
ad(at(dt.date(2026, 9, 2), "12:40"), "Telegram-kanal «Работа в чужбина»", "t.me/rabota_chuzhbina_bg",
   ["Работа в Дания за момичета 18+ 🇩🇰", "Масажен салон, 3000 € на месец", "Билет и квартира безплатно",
    "Без опит, без език", "Пиши само в Telegram @job_masaj_dk"], group="N1")
# N2 recruitment posts and the front's own local ad
ad(at(dt.date(2026, 7, 30), "20:11"), "Facebook-gruppe «Робота в Європі | Вакансії»", "https://facebook.com/groups/robota.europa",
   ["🇩🇰 РОБОТА В ДАНІЇ! Терміново!", "Прибирання готелів, птахофабрика. Від 2 500 € на місяць",
    "Житло надаємо. Квиток оплачуємо — потім віднімається з зарплати", "Без знання мови і без досвіду",
    "Оформлення документів 300 €", "Пишіть Viber/Telegram +380 55 501 0147 Вікторія"], group="N2")
ad(at(dt.date(2026, 10, 9), "19:30"), "Facebook-gruppe «Молдова – работа за границей»", "https://facebook.com/groups/md.rabota",
   ["Работа в Дании для мужчин и женщин", "Уборка, фабрика. 16 €/час, 60 часов в неделю", "Жильё есть, дорогу оплачиваем",
    "Язык не нужен. Оформление 300 €.", "Viber +380 55 501 0147"], group="N2")
ad(at(dt.date(2026, 8, 20), "10:05"), "jobfyn.dk", "https://jobfyn.dk/job/88231",
   ["Rengøringsassistenter søges – Odense og omegn", "FynService Partner ApS søger flittige medarbejdere til hotelrengøring.",
    "37 timer, overenskomst. Start straks.", "Kontakt driftsleder Andrii på 20 00 58 09"], group="N2")
# N3 recruitment post (Vietnamese) and the salon's own ad
ad(at(dt.date(2026, 7, 20), "09:36"), "Facebook (skærmbillede fundet i bilag 3-1)", "https://facebook.com/xkld.chauau.2026",
   ["TUYỂN GẤP LAO ĐỘNG ĐI CHÂU ÂU 🇪🇺 (Đức – Đan Mạch – Anh)", "Làm nhà hàng, nail, làm vườn",
    "Lương 1.500 – 2.000 €/tháng, bao ăn ở", "Không cần tiếng, không cần kinh nghiệm",
    "Chi phí trọn gói, đặt cọc trước 3.000$, còn lại trừ dần vào lương", "Bay trong 2 tuần",
    "LH Zalo chị Hạnh 0965 555 014"], group="N3", noise=False)
ad(at(dt.date(2026, 9, 3), "13:20"), "Facebook-side «Lotus Nails Odense»", "https://facebook.com/lotusnailsodense",
   ["Lotus Nails Odense 💅", "Gelé negle 299 kr, pedicure 349 kr", "Drop-in man–lør 10–19", "Vestergade 88, Odense C · 20 00 77 02"],
   group="N3")
# lawful look-alikes among job/housing/club posts
ad(at(dt.date(2026, 4, 2), "09:00"), "praca.fyn (polsk jobportal)", "https://pracafyn.example/oferta/2231",
   ["Praca sezonowa przy zbiorze truskawek i malin – Fionia, Dania", "Maj–wrzesień. 135 DKK/godz. brutto wg układu zbiorowego",
    "Umowa po polsku i duńsku, wypłata na konto co miesiąc", "Zakwaterowanie w domkach na farmie 1 200 DKK/mies. (na pasku wypłaty)",
    "Brak opłat za rekrutację. Dojazd we własnym zakresie", "Kontakt: Lise Hindsholm, +45 20 00 90 10, post@hindsholmbaer.dk"],
   group="L3", noise=False)
ad(at(dt.date(2026, 8, 26), "12:00"), "Facebook-gruppe «Українці в Оденсе»", "https://facebook.com/groups/ukr.odense",
   ["Nordic Staff Fyn ApS (CVR 38205166) шукає працівників складу та виробництва в Оденсе",
    "Оплата за колективним договором від 158 крон/год, договір данською і українською",
    "Ми НЕ беремо жодних платежів за працевлаштування", "Житло не надаємо, допомагаємо з пошуком",
    "Заявка: nordicstaff-fyn.dk/job або +45 20 00 70 00"], group="L8")
ad(at(dt.date(2026, 9, 15), "10:30"), "jobfyn.dk", "https://jobfyn.dk/job/89012",
   ["Lagermedarbejdere til Odense – vikariat med mulighed for fast ansættelse", "Nordic Staff Fyn søger 10 medarbejdere. Overenskomst, pension.",
    "Engelsk, polsk eller ukrainsk er ok. Søg på nordicstaff-fyn.dk"], group="L8")
ad(at(dt.date(2026, 8, 29), "16:00"), "Facebook-gruppe «Українці в Оденсе»", "https://facebook.com/groups/ukr.odense",
   ["Ukrainsk Forening Fyn / Українське товариство Фюн", "Безкоштовні курси датської щовівторка 17–19, Vollsmose Kulturhus",
    "Допомога з житлом через Odense Kommune і Røde Kors. Ніяких платежів!", "Пишіть: ukrforening.fyn@gmail.com"],
   group="L9")
ad(at(dt.date(2026, 10, 2), "18:20"), "Facebook-gruppe «Ukrainere på Fyn – hjælp»", "https://facebook.com/groups/ukr.fyn.help",
   ["Gratis transport til jobmesse i Odense for ukrainske flygtninge 14/10", "Arrangeret af Jobcenter Odense og Ukrainsk Forening Fyn",
    "Tilmelding på jobcentret. Ingen betaling."], group="L9")
ad(at(dt.date(2026, 8, 3), "20:44"), "boligfyn.dk", "https://boligfyn.dk/vaerelse/55120",
   ["Værelse i 4-mands kollektiv, Rødegårdsvej, Odense C", "3.600 kr/md inkl. varme og net. Ledigt 15/8",
    "Vi er 3 studerende (SDU), hyggeligt og roligt", "Skriv til Freja 20 00 26 11"], group="L4")
for k, (rooms, rent_) in enumerate([(2, 7450), (3, 8900), (1, 5200)]):
    ad(rnd_when(), "boligfyn.dk", "https://boligfyn.dk/lejlighed/%d" % (60100 + k),
       ["%d-værelses lejlighed udlejes i Odense S" % rooms, "Husleje %s kr/md + aconto" % fmt_amt(rent_)[:-3],
        "Depositum 3 mdr. Privat udlejer, lejekontrakt efter typeformular A10", "Henrik Mørk 20 00 11 80"], group="L6")
ad(at(dt.date(2026, 8, 10), "17:00"), "Facebook-side «Odense Vest Håndbold»", "https://facebook.com/ovhhaandbold",
   ["Kom og spil håndbold! 🤾 U9–U14 drenge og piger", "Kontingent 750–1.100 kr pr. halvår via MobilePay Box",
    "Træning tirsdag og torsdag i Vollsmose Hallen", "Kontakt kasserer@ovh-haandbold.dk"], group="L7")
# background: furniture, items, jobs, rooms
ITEMS = [("Sofa 3 pers. grå", 1200, 2500), ("Spisebord eg + 4 stole", 900, 2400), ("Børnecykel 16\"", 150, 400),
         ("iPhone 12 64GB", 1400, 2200), ("Vaskemaskine Bosch", 800, 1800), ("Barnevogn Emmaljunga", 600, 1500),
         ("Reol hvid IKEA", 100, 300), ("Sovesofa", 500, 1500), ("Kontorstol", 200, 700), ("Vinterdæk 16\"", 800, 1600),
         ("Herrecykel Kildemoes", 900, 2200), ("Lænestol Børge Mogensen-stil", 1500, 4000), ("PS5 + 2 controllere", 2500, 3200),
         ("Havemøbler", 400, 1200), ("Køleskab", 600, 1400), ("Seng 140 cm m/ madras", 700, 1500)]
for i in range(58):
    it, a, b = R.choice(ITEMS)
    city = R.choice(["Odense C", "Odense SV", "Odense N", "Nyborg", "Svendborg", "Middelfart", "Ringe", "Faaborg", "Otterup"])
    ad(rnd_when(h0=8, h1=22), "fynmarked.dk", "https://fynmarked.dk/annonce/%d" % R.randint(3000000, 3999999),
       [it, "Pris %d kr" % (R.randint(a, b) // 50 * 50), R.choice(["Pæn stand", "Brugt men fungerer fint", "Som ny", "Få ridser"]),
        "Afhentes i " + city, R.choice(["Ring/SMS " + fmt_ph(phone45()), "Skriv i beskeder", "Kun MobilePay eller kontant"])])
JOBS = [("Køkkenmedhjælper søges til restaurant i Odense C", "Aften og weekend, 20-30 timer. Erfaring en fordel."),
        ("Pædagogmedhjælper, vikar", "Odense Kommune, børnehuse i Vollsmose. Ren straffeattest."),
        ("Chauffør C/E", "Fast rute Fyn-Jylland. Overenskomst."), ("Rengøringsassistent, 25 t/uge", "Kontorrengøring i Odense Ø, tidlig morgen. Overenskomst."),
        ("Lagermedarbejder til nat", "Truckcertifikat påkrævet. Natarbejde tillæg."), ("Frisør søges", "Salon i Svendborg, fast løn + provision."),
        ("Tjener til bryllupssæson", "Hotel på Sydfyn, weekender."), ("Landbrugsmedhjælper", "Svinebedrift ved Ringe, bolig kan lejes."),
        ("Studentermedhjælper IT-support", "SDU, 15 t/uge"), ("Social- og sundhedshjælper", "Hjemmeplejen Nyborg, dag og aften."),
        ("Opvasker søges", "Restaurant ved havnen, start nu."), ("Massør søges til wellness hotel", "Uddannet massør, dansk eller engelsk.")]
for i in range(26):
    t, b = R.choice(JOBS)
    ad(rnd_when(h0=7, h1=16), R.choice(["jobfyn.dk", "Facebook-gruppe «Job på Fyn»"]),
       "https://jobfyn.dk/job/%d" % R.randint(80000, 99999),
       [t, b, R.choice(["Ansøgning via vores hjemmeside", "Skriv til os på job@%s.dk" % R.choice(["fynhotel", "odenserest", "vognmandfyn", "sdu-it"]),
                        "Ring til %s på %s" % (R.choice(FIRST_M + FIRST_F), fmt_ph(phone45()))])])
for i in range(9):
    ad(rnd_when(h0=9, h1=22), "boligfyn.dk", "https://boligfyn.dk/vaerelse/%d" % R.randint(50000, 59999),
       [R.choice(["Værelse udlejes", "Lille lejlighed til leje", "Fremleje 6 mdr."]) + " i " + R.choice(["Odense M", "Odense C", "Nyborg", "Svendborg"]),
        "%d kr/md inkl. forbrug" % R.choice([3200, 3800, 4200, 5100, 6300]), R.choice(["Kun ikke-ryger", "Gerne studerende", "Møbleret"]),
        "SMS " + fmt_ph(phone45())])

ADS.sort(key=lambda a: a["when"])
os.makedirs(os.path.join(HERE, "annoncer"), exist_ok=True)
with open(os.path.join(HERE, "annoncer", "skaermbilleder_ocr.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";")
    w.writerow(["Fil", "Optaget", "Kilde", "URL", "OCR-tekst", "Bemærkning"])
    for n, a in enumerate(ADS):
        fid = "SKB-%04d.png" % (n + 1)
        w.writerow([fid, a["when"].strftime("%d-%m-%Y kl. %H.%M"), a["kilde"], a["url"], a["txt"], a["note"]])
        tag(a["group"], "annoncer/skaermbilleder_ocr.csv", fid)
N_ADS = len(ADS)

# ==============================================================================================
# truth.yaml
# ==============================================================================================
C = lambda *ks: [CUST[k]["kundenr"] for k in ks]          # noqa: E731
A = lambda *ks: [CUST[k]["konto"] for k in ks]            # noqa: E731
GROUPS = [
    dict(id="N1", positive=True, typology="sexual_exploitation (Case-1 kind: remote organiser, booking phone, MobilePay to a third party)",
         description="Iulian Stanciu (in Romania, Telegram only, never a customer) recruits women through a Telegram job post for 'massage "
                     "in Denmark'; Daniel Popa (phone 1) is the local driver: he holds the booking number +45 20 00 31 17 that fronts the "
                     "ads of three personas (Sofia = Bianca Dumitru, Laura = Roxana Ilie, Mia = Desislava Petrova, 19, no account), answers "
                     "the buyers in third person, takes their MobilePay, opened the women's accounts as 'cousin/interpreter' with his own "
                     "phone, keeps cards, passports and the bank app, sweeps their money, pays flights, Airbnb stays for a Svendborg/Middelfart/"
                     "Nyborg circuit, ad bumps, prepaid top-ups and a Wi-Fi camera, and sends ~19,000 a week to the organiser's family in "
                     "Romania. Logins to Daniel's and the women's accounts come from a Romanian device. Quotas, fines, debt, "
                     "location requests; the Telegram chat and the ads were deleted the evening before the raid (04-11-2026).",
         entities=dict(customers=C("daniel", "bianca", "roxana"), accounts=A("daniel", "bianca", "roxana") +
                       ["RO00 RNCB 0000 0000 0555 0142", "RO00 BTRL 0000 0000 0555 0107"],
                       phones=["+45 20 00 31 17", "+45 20 00 31 42", "+45 20 00 31 58", "+45 20 00 31 63", "+40 722 555 014 (@iulik_88)"],
                       personas=["Sofia", "Laura", "Mia"], handles=["@iulik_88", "@job_masaj_dk"],
                       devices=[DEV.get("daniel", ""), RO_DEV], addresses=["Nyborgvej 212, 1. tv., 5220 Odense SØ"]),
         indicators=["RCS-REC-MESSENGER-JOB-AD", "RCS-REC-TOO-GOOD", "RCS-REC-PAID-TRAVEL-HOUSING", "RCS-REC-FEES-DEBT",
                     "RCS-DEBT-QUOTA", "RCS-RULES-THREATS", "RCS-REMOTE-CONTROLLER", "RCS-SURV-CAMERAS", "RCS-SURV-LOCATION",
                     "RCS-SURV-CHECKINS", "RCS-DOCS-RETAINED", "RCS-EARNINGS-CONTROL", "RCS-SURV-ACCOUNT-CONTROL",
                     "RCS-SURV-EVIDENCE-WIPE", "BEH-COORDINATED-DELETION", "BEH-CONTACT-PROXY", "BEH-MESSENGER-ONLY",
                     "BEH-AD-THIRD-PERSON", "BEH-AD-TEMPLATE", "BEH-MULTICITY-CIRCUIT", "BEH-OBSCURED-PHONE", "BEH-TRUST-LANG",
                     "BEH-YOUTH-LANG", "BEH-ETHNICITY-MARKETING", "BEH-ALWAYS-AVAILABLE", "BEH-ROTATING-ROSTER", "BEH-NO-LIMITS",
                     "BEH-LOW-PRICE", "BEH-SHARED-DEVICE", "BEH-REMOTE-CONTROL-LOGIN", "BEH-ACCOMPANIED",
                     "FIN-BUYER-PAYS-THIRD-PARTY", "FIN-WORKER-SWEEP", "FIN-NO-OWN-LIVING-COSTS", "FIN-AD-SITE-PAYMENTS",
                     "FIN-HOTEL-SHORT-STAYS", "FIN-TRAVEL-FOR-OTHERS", "FIN-PREPAID-TOPUPS", "FIN-SUSTENANCE-MULTI",
                     "FIN-AFTER-HOURS", "FIN-PAYMENT-MEMO-CUES", "KYC-SHARED-IDENTIFIERS", "KYC-THIRD-PARTY-ONBOARDING",
                     "KYC-CONTACT-TAKEOVER", "KYC-CONTACT-IN-SEX-ADS", "KYC-PROFILE-MISMATCH", "KYC-VULNERABILITY-CONTEXT"]),
    dict(id="N2", positive=True, typology="labour_exploitation (cleaning/food plant subcontractor; pooled wages, fees, debt, withheld passports)",
         description="Andrii Melnyk (phone 2) runs FynService Partner ApS, on paper owned by one of its own cleaners (Vasyl Hnatiuk) and "
                     "operated by Andrii under a power of attorney from his own phone. A recruiter in Ukraine (Viktoriia Hrytsenko, +380 55 501 "
                     "0147) posts job ads (Facebook groups, Viber) with 2,500 EUR/month, housing and paid tickets, and takes 300 EUR "
                     "'registration'; Andrii pays her 400 EUR a head (transfers just under 15,000 kr). Nine workers live in one farmhouse "
                     "that is also the company's address. Andrii took them to the bank as interpreter, gave his own phone and serial "
                     "e-mails, keeps cards, codes and passports; wages come in from the company and go back the same day as 'housing + debt', "
                     "the rest is drawn in cash at one ATM within minutes for all of them; three workers without accounts are paid "
                     "into Andrii's own account. Workers also pay 'debt' to the recruiter. Fines, 60-hour weeks, live location, 'don't talk "
                     "to Danes'. Andrii gambles and buys a watch and a car.",
         entities=dict(customers=C("andrii", "fynservice", "vasyl", "serhii", "mykola", "ivan", "natalia"),
                       accounts=A("andrii", "fynservice", "vasyl", "serhii", "mykola", "ivan", "natalia") + ["UA00 3052 9900 0000 0555 0147"],
                       phones=["+45 20 00 58 09", "+380 55 501 0147", "+45 20 00 58 20", "+45 20 00 58 21", "+45 20 00 58 22",
                               "+45 20 00 58 23", "+45 20 00 58 24", "+45 20 00 58 25", "+45 20 00 58 26", "+45 20 00 58 27"],
                       unbanked_workers=WORK_UNBANKED, devices=[DEV.get("andrii", "")],
                       addresses=["Skovvej 14, 5690 Tommerup"], cvr=["41 00 27 13"]),
         indicators=["RCS-REC-MESSENGER-JOB-AD", "RCS-REC-TOO-GOOD", "RCS-REC-PAID-TRAVEL-HOUSING", "RCS-REC-FEES-DEBT",
                     "RCS-DOCS-RETAINED", "RCS-RULES-THREATS", "RCS-DEBT-QUOTA", "RCS-EARNINGS-CONTROL", "RCS-ISOLATION",
                     "RCS-SURV-LOCATION", "RCS-SURV-ACCOUNT-CONTROL", "FIN-WAGES-POOLED", "FIN-RECRUIT-FEES-DEDUCTIONS",
                     "FIN-FAN-IN-FROM-WORKERS", "FIN-DEBT-REMITTANCE", "FIN-WORKER-SWEEP", "FIN-NO-OWN-LIVING-COSTS",
                     "FIN-TRAVEL-FOR-OTHERS", "FIN-THRESHOLD-AVOID", "FIN-LUXURY-GAMBLING", "FIN-PREPAID-TOPUPS",
                     "KYC-SHARED-IDENTIFIERS", "KYC-DISPOSABLE-CONTACT", "KYC-BATCH-ONBOARDING", "KYC-THIRD-PARTY-ONBOARDING",
                     "KYC-DOC-HANDLING", "KYC-CONTACT-TAKEOVER", "KYC-ADDRESS-AT-WORKPLACE", "KYC-NOMINEE-OWNER",
                     "KYC-AVOID-FACE-TO-FACE", "BEH-ACCOMPANIED", "BEH-SHARED-DEVICE", "KYC-VULNERABILITY-CONTEXT"]),
    dict(id="N3", positive=True, typology="forced_criminality (cannabis cultivation; Vietnamese victim in debt bondage)",
         description="Nguyen Van Long (19, phone 3, found in the grow house Hjulbyvej 61, Nyborg; no account, no passport) was recruited "
                     "on Zalo/Facebook ('restaurant work in Europe', 22,000 USD package, deposit, passport photo first). Tran Van Tuan "
                     "keeps his passport, locks him in, watches him by camera, demands photo proof and sets harvest quotas that add to the "
                     "debt. The house is rented by a straw tenant on benefits (Kenneth Bjerre Olsen) whose rent and 5,000 kr/month "
                     "electricity Tuan covers; Tuan's nail salon (owner of record resident in Germany, no payroll) and night cash deposits "
                     "in several towns carry the money; remittances to Vietnam just under 15,000 kr; weekly bulk groceries; top-ups for "
                     "the victim's prepaid number. Another grow site in Svendborg (Minh) is only mentioned.",
         entities=dict(customers=C("tuan", "lotus", "kenneth"), accounts=A("tuan", "lotus", "kenneth") + ["VN00 VCB 0000 0555 0163"],
                       phones=["+45 20 00 77 02", "+45 20 00 77 41", "+45 20 00 77 43", "+84 965 555 014", "+45 20 00 64 90"],
                       devices=[DEV.get("tuan", "")], addresses=["Hjulbyvej 61, 5800 Nyborg", "Vestergade 88, 5000 Odense C"],
                       cvr=["44 01 96 58"]),
         indicators=["RCS-REC-MESSENGER-JOB-AD", "RCS-REC-TOO-GOOD", "RCS-REC-FEES-DEBT", "RCS-REC-EARLY-ID-REQUEST",
                     "RCS-REC-PAID-TRAVEL-HOUSING", "RCS-DEBT-QUOTA", "RCS-QUOTAS-PUNISH", "RCS-DOCS-RETAINED", "RCS-ISOLATION",
                     "RCS-RULES-THREATS", "RCS-SURV-CAMERAS", "RCS-SURV-CHECKINS", "RCS-SURV-ACCOUNT-CONTROL",
                     "FIN-THRESHOLD-AVOID", "FIN-MULTI-ATM-DEPOSITS", "FIN-AFTER-HOURS", "FIN-PREPAID-TOPUPS",
                     "FIN-SUSTENANCE-MULTI", "FIN-BIZ-NO-PAYROLL", "KYC-NOMINEE-OWNER", "KYC-PROFILE-MISMATCH"]),
    dict(id="L1", positive=False, typology="lookalike: independent sex worker",
         description="Camilla Holm Rasmussen advertises herself (first person, 'selvstændig', '100% ægte'), takes MobilePay on her own "
                     "number from clients (many regulars, evenings), pays her own rent, B-tax, pension, one premium profile a month; "
                     "refused Daniel's offer by SMS.",
         entities=dict(customers=C("camilla"), accounts=A("camilla"), phones=["+45 20 00 19 86"]),
         indicators=["FIN-BUYER-PAYS-THIRD-PARTY", "KYC-CONTACT-IN-SEX-ADS", "KYC-PROFILE-MISMATCH", "FIN-AD-SITE-PAYMENTS",
                     "FIN-PAYMENT-MEMO-CUES", "BEH-TRUST-LANG"]),
    dict(id="L2", positive=False, typology="lookalike: lawful Thai massage clinic",
         description="Baan Sabai Thaimassage (Svendborg): Thai owner married in Denmark, daytime card sales settled by Nets, two salaried "
                     "employees with A-tax and ATP, rent, supplies; ads say 'no erotic'.",
         entities=dict(customers=C("baansabai", "siriporn"), accounts=A("baansabai", "siriporn"), phones=["+45 20 00 44 50"],
                       cvr=["39 88 12 04"]),
         indicators=["BEH-ETHNICITY-MARKETING", "FIN-FRONT-MASSAGE", "KYC-VULNERABILITY-CONTEXT"]),
    dict(id="L3", positive=False, typology="lookalike: seasonal farm employer providing housing",
         description="Hindsholm Bær I/S hires Polish and Romanian pickers directly (ad in Polish, no fees, housing deducted on the payslip), "
                     "onboarded together with the employer present, all at the farm address; full net wages stay with the workers, who "
                     "shop and send money home themselves. The farmer declined Andrii's offer of workers.",
         entities=dict(customers=C("hindsholm", "bent", "marek", "agnieszka", "florin"), accounts=A("hindsholm", "marek", "agnieszka", "florin"),
                       addresses=["Hindsholmvej 41, 5390 Martofte"]),
         indicators=["KYC-SHARED-IDENTIFIERS", "KYC-ADDRESS-AT-WORKPLACE", "KYC-BATCH-ONBOARDING", "BEH-ACCOMPANIED",
                     "RCS-REC-PAID-TRAVEL-HOUSING", "FIN-DEBT-REMITTANCE", "KYC-VULNERABILITY-CONTEXT"]),
    dict(id="L4", positive=False, typology="lookalike: students sharing a flat",
         description="Four SDU students with different surnames at one address on one Wi-Fi; three pay Freja their rent share by "
                     "MobilePay each month, she pays the landlord (L6).",
         entities=dict(customers=C("freja", "ahmad", "sofie", "jonas"), accounts=A("freja", "ahmad", "sofie", "jonas"),
                       addresses=["Rødegårdsvej 98, 3. th., 5000 Odense C"]),
         indicators=["KYC-SHARED-IDENTIFIERS", "FIN-FAN-IN-FROM-WORKERS"]),
    dict(id="L5", positive=False, typology="lookalike: family sharing a phone, e-mail and device",
         description="Gheorghe Munteanu, his wife Maria Vasile (other surname, no smartphone, failed video-ID twice, husband interpreted "
                     "and holds a power of attorney, logs in for her) and their student daughter; remittance to grandmother in Romania; "
                     "three bus tickets bought by the father. Daniel Popa's cousin (ordinary chats).",
         entities=dict(customers=C("gheorghe", "maria", "andreea"), accounts=A("gheorghe", "maria", "andreea"),
                       phones=["+45 20 00 35 70"]),
         indicators=["KYC-SHARED-IDENTIFIERS", "BEH-SHARED-DEVICE", "KYC-AVOID-FACE-TO-FACE", "BEH-ACCOMPANIED",
                     "KYC-THIRD-PARTY-ONBOARDING", "FIN-TRAVEL-FOR-OTHERS", "FIN-DEBT-REMITTANCE"]),
    dict(id="L6", positive=False, typology="lookalike: private landlord collecting rent from many",
         description="Henrik Mørk receives rent from nine tenants (one of them the N3 straw tenant, one the student flat), pays mortgage and "
                     "repairs; advertises flats.",
         entities=dict(customers=C("henrik"), accounts=A("henrik"), phones=["+45 20 00 11 80"]),
         indicators=["FIN-FAN-IN-FROM-WORKERS"]),
    dict(id="L7", positive=False, typology="lookalike: sports club collecting fees",
         description="Odense Vest Håndboldklub: ~60 parents pay a round fee by MobilePay Box in the evenings in Aug-Sep (one of them Andrii).",
         entities=dict(customers=C("ovh"), accounts=A("ovh")),
         indicators=["FIN-BUYER-PAYS-THIRD-PARTY", "FIN-PAYMENT-MEMO-CUES"]),
    dict(id="L8", positive=False, typology="lookalike: lawful staffing agency with foreign workers",
         description="Nordic Staff Fyn ApS pays wages to ~24 mostly foreign temps with A-tax, ATP and holiday pay; job posts in Ukrainian "
                     "and Danish stress 'no fees'; two of its workers bank here, live at their own addresses and send money home.",
         entities=dict(customers=C("nordicstaff", "tomasz", "oleh"), accounts=A("nordicstaff", "tomasz", "oleh")),
         indicators=["RCS-REC-MESSENGER-JOB-AD", "FIN-DEBT-REMITTANCE", "KYC-VULNERABILITY-CONTEXT"]),
    dict(id="L9", positive=False, typology="lookalike: refugee-help posts",
         description="Ukrainian association and job centre posts offering free language courses, housing help and transport to "
                     "Ukrainians (ads only).",
         entities=dict(), indicators=["RCS-REC-REFUGEE-TARGETING"]),
]


def yq(x):
    return '"' + str(x).replace("\\", "\\\\").replace('"', '\\"') + '"'


FILES = ["bank/kunder.csv", "bank/posteringer.csv", "bank/netbank_log.csv", "bank/kundelog.csv",
         "telefoner/bilag_1-1_iphone_daniel_popa_chats.csv", "telefoner/bilag_2-1_samsung_andrii_melnyk_beskeder.csv",
         "telefoner/bilag_3-1_xiaomi_hjulbyvej_chats.tsv", "annoncer/skaermbilleder_ocr.csv"]
out = ["# truth for the politi-fyn blind world (written by make_world.py)",
       "world: politi-fyn",
       "written: blind on 2026-12-07 from indicators.md and docs/data.md only",
       "row_ids:",
       "  bank/kunder.csv: Kundenr",
       "  bank/posteringer.csv: Posteringsnr",
       "  bank/netbank_log.csv: Log-ID",
       "  bank/kundelog.csv: data line number (1 = first line after the header)",
       "  telefoner/bilag_1-1_iphone_daniel_popa_chats.csv: data line number (1 = first line after the header)",
       "  telefoner/bilag_2-1_samsung_andrii_melnyk_beskeder.csv: data line number (1 = first line after the header)",
       "  telefoner/bilag_3-1_xiaomi_hjulbyvej_chats.tsv: data line number (1 = first line after the header)",
       "  annoncer/skaermbilleder_ocr.csv: Fil",
       "note: >-",
       "  Members are the records that show the group (its people, accounts, payments, logins, KYC entries, chats, ads);",
       "  the ordinary spending of a member (groceries, rent of his own flat) is background and not listed. Buyers who paid",
       "  the N1 booking number and are customers here (Jesper Kristensen, Thomas Vestergaard) and Camilla's client Mads",
       "  Sørensen are lawful background; only their payment rows to N1 are listed under N1.",
       "groups:"]
for g in GROUPS:
    out.append("  - id: " + g["id"])
    out.append("    positive: " + ("true" if g["positive"] else "false"))
    out.append("    typology: " + yq(g["typology"]))
    out.append("    description: " + yq(g["description"]))
    out.append("    entities:")
    if not g["entities"]:
        out[-1] += " {}"
    for k, v in g["entities"].items():
        out.append("      %s: [%s]" % (k, ", ".join(yq(x) for x in v)))
    out.append("    indicators: [%s]" % ", ".join(g["indicators"]))
    out.append("    members:")
    mem = TRUTH.get(g["id"], {})
    for f_ in FILES:
        if f_ in mem:
            ids = mem[f_]
            out.append("      %s: [%s]" % (f_, ", ".join(str(i) if isinstance(i, int) else yq(i) for i in ids)))
with open(os.path.join(HERE, "truth.yaml"), "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")

COUNTS = {"bank/kunder.csv": len(CUST_ORDER), "bank/posteringer.csv": N_POST, "bank/netbank_log.csv": N_LOG,
          "bank/kundelog.csv": N_KYC, "telefoner/bilag_1-1_iphone_daniel_popa_chats.csv": len(MSG[1]),
          "telefoner/bilag_2-1_samsung_andrii_melnyk_beskeder.csv": len(MSG[2]),
          "telefoner/bilag_3-1_xiaomi_hjulbyvej_chats.tsv": len(MSG[3]), "annoncer/skaermbilleder_ocr.csv": N_ADS}
for k, v in COUNTS.items():
    print("%6d  %s" % (v, k))
print("%6d  total" % sum(COUNTS.values()))
for g in GROUPS:
    print(g["id"], {f_.split("/")[-1][:22]: len(v) for f_, v in TRUTH.get(g["id"], {}).items()})
