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


def ordinary_life(key, salary=None, salary_from="", salary_day="last", rent=0, rent_to="", rent_konto="",
                  groc_per_week=2.5, groc_amt=(120, 650), city=None, extra=True, su=False, start=0,
                  card="Visa/Dankort", group=None):
    c = CUST[key]
    city = city or c["by"]
    for i in range(start, DAYS):
        d = day(i)
        # salary: last banking day of month
        nxt = d + dt.timedelta(days=1)
        if salary and (nxt.month != d.month) and d.weekday() < 5 or \
                (salary and nxt.month != d.month and d.weekday() >= 5 and False):
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
ordinary_life("mads", salary=39000 * 0.58, salary_from="Nordisk Kontorforsyning A/S", rent=9800,
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
post("jonas", at(dt.date(2026, 9, 10), "16:00"), "Løn Føtex Odense (deltid)", 3920, "Salling Group A/S",
     ext_acct(), "Lønoverførsel")
post("jonas", at(dt.date(2026, 10, 9), "16:00"), "Løn Føtex Odense (deltid)", 4310, "Salling Group A/S",
     ext_acct(), "Lønoverførsel")

# ------------------------------------------------------------------------------------------------
# L5 family: father supports, mother's salary, daughter student; remittance to grandmother
ordinary_life("gheorghe", salary=19800, salary_from="Fynsk Slagteri A/S", rent=8200,
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
for i in range(140):
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
    post(k, at(dt.date(2026, 8, 20), "10:12"), "Netto Odense SØ", -84.5, "", "", "Visa/Dankort", group="N1")
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
        rest = r["amount"] - back
        w2 = atm_when + dt.timedelta(minutes=WORK_BANKED.index(k) * 2, seconds=R.randint(0, 50))
        post(k, w2, "Kontanthævning Danske Bank automat Vesterbro Odense", -round(rest - rest % 100 - 500, 0), "", "",
             "Kontanthævning", by="Odense C", group="N2")
        # remittance of "debt" to the recruiter in Ukraine / Moldova
        post(k, w + dt.timedelta(days=R.randint(2, 5), hours=2), "Udlandsoverførsel Viktoriia Hrytsenko",
             -R.choice([1800, 2000, 2200]), "Viktoriia Hrytsenko", "UA00 3052 9900 0000 0555 0147",
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
             -R.choice([8000, 9000, 10000]), "", "", "Kontanthævning", by="Odense C", group="N3")
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
open_bal = {c["konto"]: round(R.uniform(800, 45000), 2) for c in CUST.values()}
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

exec(open(os.path.join(HERE, "_chats.py"), encoding="utf-8").read()) if os.path.exists(
    os.path.join(HERE, "_chats.py")) else None
