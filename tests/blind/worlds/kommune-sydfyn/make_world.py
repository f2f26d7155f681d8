#!/usr/bin/env python3
"""Re-make the kommune-sydfyn blind world (standard library only, fixed seed).

Writes bank/kunder.csv, bank/posteringer.csv, bank/kyc_noter.csv,
kommune/tilsyn_noter.csv, telefon/chat_eksport.csv and truth.yaml.
"""
import csv, os, random, datetime as dt
from collections import defaultdict

R = random.Random(20261207)
HERE = os.path.dirname(os.path.abspath(__file__))
T0 = dt.datetime(2026, 9, 1)
DAYS = 91  # Sep-Nov 2026

truth = defaultdict(lambda: defaultdict(list))   # group -> file -> ids

def tag(group, file, rid):
    if group:
        truth[group][file].append(rid)

# ---------------------------------------------------------------- helpers
_phone_used = set()
def phone():
    while True:
        p = "+45 20 00 %02d %02d" % (R.randint(10, 99), R.randint(0, 99))
        if p not in _phone_used:
            _phone_used.add(p); return p
_acc = [0]
def account():
    _acc[0] += 1
    return "DK00 0000 %04d %04d" % (R.randint(1000, 9999), 1000 + _acc[0])
def kr(x):
    s = "%.2f" % x
    i, d = s.split(".")
    i = "{:,}".format(int(i)).replace(",", ".")
    return i + "," + d
def ts(t):  return t.strftime("%d-%m-%Y %H:%M")
def d8(t):  return t.strftime("%d.%m.%Y")

DK_FIRST = "Anders Mette Lars Hanne Søren Camilla Jens Louise Mikkel Sofie Rasmus Ida Thomas Julie Peter Line Henrik Maja Morten Anne Kasper Emma Jesper Karen Niels Birgitte Ole Signe Christian Laura Frederik Nanna Martin Lene Jakob Tina Bo Pia Kim Helle".split()
DK_LAST = "Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen Petersen Madsen Kristensen Olsen Thomsen Poulsen Johansen Knudsen Mortensen Møller Holm Lund Bech Frost Dahl Skov".split()
STREETS = "Østergade Vestergade Bagergade Møllergade Svinget Skovvej Strandvejen Havnegade Nyborgvej Odensevej Faaborgvej Ringevej Klosterplads Kirkestræde Rødmevej Tvedvej".split()
TOWNS = [("5700", "Svendborg")] * 5 + [("5600", "Faaborg")] * 2 + [("5800", "Nyborg")] * 2 + [("5900", "Rudkøbing"), ("5762", "Vester Skerninge"), ("5771", "Stenstrup")]
def addr(street=None, no=None, town=None):
    pc, by = town or R.choice(TOWNS)
    return "%s %s, %s %s" % (street or R.choice(STREETS), no or R.randint(1, 140), pc, by)

customers = []   # dicts
def cust(group=None, **kw):
    c = dict(kunde_nr="%07d" % (4100000 + len(customers) * 7 + R.randint(0, 6)),
             kontonr=account(), navn="", foedt="", statsborgerskab="Danmark",
             mobil=phone(), email="", adresse=addr(), oprettet="", kundetype="Privat",
             stilling="", indkomst_md="", cpr_bopael_fra="", sprog="da", app_enhed="")
    c.update(kw)
    if not c["oprettet"]:
        c["oprettet"] = (dt.date(2004, 1, 1) + dt.timedelta(days=R.randint(0, 7800))).strftime("%d-%m-%Y")
    if not c["app_enhed"]:
        c["app_enhed"] = "APP-%06X" % R.randint(0, 0xFFFFFF)
    if not c["cpr_bopael_fra"] and c["kundetype"] == "Privat":
        c["cpr_bopael_fra"] = "fra fødsel" if c["statsborgerskab"] == "Danmark" else d8(dt.date(2010, 1, 1) + dt.timedelta(days=R.randint(0, 4000)))
    c["_g"] = group
    customers.append(c)
    return c

def email_for(first, last, dom=None):
    t = str.maketrans("æøåéáăâîșțęłńśźżó", "aoaeaaaistelnszzo")
    return "%s.%s@%s" % (first.lower().translate(t), last.lower().translate(t), dom or R.choice(["gmail.com", "hotmail.com", "outlook.dk", "mail.dk"]))

postings = []
def post(t, fra, til, amount, kanal, kategori, tekst, by="Svendborg", group=None):
    postings.append(dict(t=t, fra=fra, til=til, beloeb=amount, kanal=kanal, kategori=kategori, tekst=tekst, by=by, _g=group))

kyc = []
def kycn(c, t, haendelse, felt="", foer="", efter="", kanal="", udfoert_af="", notat="", group=None):
    kyc.append(dict(kunde_nr=c["kunde_nr"], t=t, haendelse=haendelse, felt=felt, foer=foer, efter=efter,
                    kanal=kanal, udfoert_af=udfoert_af, notat=notat, _g=group))

def day(n, h=None, m=None):
    return T0 + dt.timedelta(days=n, hours=h if h is not None else R.randint(7, 21), minutes=m if m is not None else R.randint(0, 59))

MERCH = [("NETTO", "dagligvarer", 80, 650), ("REMA 1000", "dagligvarer", 60, 700), ("FØTEX", "dagligvarer", 90, 900),
         ("LIDL", "dagligvarer", 60, 500), ("Q8", "brændstof", 250, 700), ("CIRCLE K", "brændstof", 200, 650),
         ("APOTEKET", "apotek", 40, 350), ("MATAS", "personlig pleje", 50, 400), ("BILKA", "dagligvarer", 150, 1400),
         ("JYSK", "bolig", 100, 1800), ("DSB", "transport", 40, 320), ("FYNBUS", "transport", 24, 160),
         ("SVENDBORG BIO", "fritid", 90, 260), ("PIZZERIA ROMA", "restaurant", 110, 420), ("SUNSET BOULEVARD", "restaurant", 70, 200)]

def ordinary_life(c, salary_payer, salary, rent_to, rent, group=None, daily=0.55, town="Svendborg", mp_friends=None):
    """Salary in, rent out, card spending, utilities, some MobilePay."""
    for mth in (9, 10, 11):
        last = dt.date(2026, mth, 28) if mth != 11 else dt.date(2026, 11, 27)
        if salary_payer:
            post(dt.datetime.combine(last, dt.time(3, 10)), salary_payer, c["kontonr"], salary, "Overførsel", "løn", "Løn %s" % ["", "", "", "", "", "", "", "", "", "september", "oktober", "november"][mth], town, group)
        if rent_to:
            post(dt.datetime(2026, mth, 1, 6, R.randint(0, 59)), c["kontonr"], rent_to, rent, "Overførsel", "husleje", "Husleje", town, group)
        post(dt.datetime(2026, mth, R.randint(2, 8), 5, R.randint(0, 59)), c["kontonr"], "Betalingsservice", R.randint(350, 1400) + R.choice([0, .5, .95]), "Betalingsservice", "forsyning", R.choice(["SEAS-NVE el", "Vandcenter Syd", "Telia", "TopDanmark forsikring", "YouSee"]), town, group)
    n = int(DAYS * daily * 0.22)
    for _ in range(n):
        name, cat, lo, hi = R.choice(MERCH)
        t = day(R.randrange(DAYS), R.randint(8, 20))
        post(t, c["kontonr"], "%s %s" % (name, town.upper()), round(R.uniform(lo, hi), 2), "Dankort", cat, "Dankort-køb %s" % name, town, group)
    for _ in range(R.randint(0, 3)):
        post(day(R.randrange(DAYS), R.randint(9, 18)), c["kontonr"], "Hæveautomat %s" % town, R.choice([200, 300, 500, 1000]), "Hæveautomat", "kontant", "Kontanthævning", town, group)
    if mp_friends:
        for _ in range(R.randint(1, 5)):
            f = R.choice(mp_friends)
            if f is c: continue
            post(day(R.randrange(DAYS), R.randint(10, 23)), c["kontonr"], "MobilePay %s" % f["mobil"], R.choice([50, 75, 100, 120, 150, 200, 250, 350]), "MobilePay", "overførsel privat",
                 R.choice(["Pizza 🍕", "øl", "Tak for lån", "gave til Mette", "Bio", "Taxa", "fodbold", "🎁", "kaffe", "halvdelen af regningen"]), town, group)

# ================================================================ BACKGROUND
LANDLORDS = [cust(None, navn="Boligselskabet Sydfyn", kundetype="Erhverv", stilling="Almen boligorganisation (CVR 29 11 45 01)", foedt="", indkomst_md="", sprog="da", adresse=addr("Ryttergade", 2, ("5700", "Svendborg")))]
bg = []
for i in range(75):
    f, l = R.choice(DK_FIRST), R.choice(DK_LAST)
    age = R.randint(19, 84)
    c = cust(None, navn="%s %s" % (f, l), foedt=d8(dt.date(2026 - age, R.randint(1, 12), R.randint(1, 28))),
             email=email_for(f, l), stilling=R.choice(["Sygeplejerske", "Pædagog", "Tømrer", "Lærer", "Kontorassistent", "SOSU-assistent", "Lagerarbejder", "Elektriker", "Butiksassistent", "Pensionist", "Studerende", "Ingeniør", "Landmand", "Chauffør"]) if age < 68 else "Pensionist",
             indkomst_md=kr(R.randint(13000, 52000)) if age < 68 else kr(R.randint(11000, 24000)))
    bg.append(c)
for i in range(12):  # background immigrants (lawful)
    f, l, nat, lang = R.choice([("Ahmad", "Rahimi", "Afghanistan", "fa"), ("Olena", "Kovalenko", "Ukraine", "uk"), ("Marta", "Nowak", "Polen", "pl"), ("Andrei", "Popescu", "Rumænien", "ro"),
                                ("Linh", "Pham", "Vietnam", "vi"), ("Sarah", "Müller", "Tyskland", "de"), ("Jonas", "Berg", "Sverige", "sv"), ("Ewa", "Zielińska", "Polen", "pl")])
    c = cust(None, navn="%s %s" % (f, l), foedt=d8(dt.date(R.randint(1965, 2001), R.randint(1, 12), R.randint(1, 28))), statsborgerskab=nat, sprog=lang,
             email=email_for(f, l), stilling=R.choice(["Lagerarbejder", "Sygehjælper", "Kok", "Rengøringsassistent", "Chauffør", "IT-konsulent"]), indkomst_md=kr(R.randint(17000, 34000)))
    bg.append(c)
EMPLOYERS = ["DK00 0000 8811 0001 (Svendborg Kommune)", "DK00 0000 8811 0002 (Region Syddanmark)", "DK00 0000 8811 0003 (Danish Crown A/S)",
             "DK00 0000 8811 0004 (Tømrerfirmaet Skov & Søn)", "DK00 0000 8811 0005 (Coop Danmark)", "DK00 0000 8811 0006 (Udbetaling Danmark)", "DK00 0000 8811 0007 (Lindø Industripark)"]
for c in bg:
    pens = c["stilling"] in ("Pensionist",)
    payer = EMPLOYERS[5] if pens or c["stilling"] == "Studerende" else R.choice(EMPLOYERS[:5] + EMPLOYERS[6:])
    sal = R.randint(5500, 7000) if c["stilling"] == "Studerende" else R.randint(11000, 31000)
    ordinary_life(c, payer, sal + R.choice([0, .25, .5]), R.choice([LANDLORDS[0]["kontonr"], "DK00 0000 7310 %04d (udlejer)" % R.randint(1000, 9999)]), R.randint(3800, 9800), None, R.uniform(0.15, 0.35),
                  R.choice(["Svendborg", "Svendborg", "Faaborg", "Nyborg"]), bg)

# ================================================================ N1 labour, Polish (construction), controller Marek
G1 = "N1"
MAREK = cust(G1, navn="Marek Wiśniewski", foedt="03.04.1981", statsborgerskab="Polen", mobil="+45 20 00 41 17", email="marek.fynbygg@gmail.com",
             adresse="Gammel Nyborgvej 12, 5700 Svendborg", oprettet="14-03-2024", stilling="Formand", indkomst_md=kr(32000), sprog="pl", cpr_bopael_fra="01.02.2024")
NOMINEE = cust(G1, navn="Jørgen Kragh", foedt="19.08.1957", mobil=phone(), adresse="Skovvej 4, 5771 Stenstrup", oprettet="02-11-2015", stilling="Pensionist", indkomst_md=kr(14800), email="jkragh57@mail.dk")
FYNBYGG = cust(G1, navn="Fyn-Bygg Service ApS (CVR 44 51 20 87)", kundetype="Erhverv", mobil="+45 20 00 41 17", email="fynbygg.service@gmail.com",
               adresse="Gammel Nyborgvej 12, 5700 Svendborg", oprettet="20-03-2024", stilling="Byggeentreprise, nedrivning (branchekode 439900); reel ejer: Jørgen Kragh 100 %", indkomst_md="", sprog="da")
SZEF_ACC = "PL00 0000 5550 0102 0000 0000 01"
PL_WORKERS = [("Krzysztof", "Mazur"), ("Paweł", "Kaczmarek"), ("Dariusz", "Wójcik"), ("Sebastian", "Lis"), ("Grzegorz", "Pawlak"),
              ("Łukasz", "Dudek"), ("Rafał", "Sikora"), ("Tomasz", "Baran"), ("Mariusz", "Kubiak")]
onb1 = dt.datetime(2026, 9, 8, 10, 0)
n1w = []
for i, (f, l) in enumerate(PL_WORKERS):
    c = cust(G1, navn="%s %s" % (f, l), foedt=d8(dt.date(R.randint(1972, 2003), R.randint(1, 12), R.randint(1, 28))), statsborgerskab="Polen",
             mobil="+45 20 00 41 17" if i % 3 != 2 else phone(), email="fynbygg.service@gmail.com" if i < 5 else "",
             adresse="Gammel Nyborgvej 12, 5700 Svendborg", oprettet=onb1.strftime("%d-%m-%Y"), stilling="Bygningsarbejder",
             indkomst_md=kr(26500), sprog="pl", cpr_bopael_fra="01.09.2026", app_enhed="APP-7F31C2" if i < 6 else "")
    n1w.append(c)
    kycn(c, onb1 + dt.timedelta(minutes=14 * i), "Kunde oprettet", kanal="filial", udfoert_af="Marek Wiśniewski (arbejdsgiver, tolk)",
         notat=R.choice(["Kunden taler ikke dansk/engelsk. Formand tolkede. Pas forevist af formand.", "Oprettet sammen med 8 kolleger. Arbejdsgiver ønsker lønkonto hurtigt.",
                         "Adresse = firmaets adresse. Kunden kunne ikke oplyse egen adresse.", "Pas lå i formandens mappe sammen med de andres."]), group=G1)
# wages, pooling and sweep
for mth, payday in ((9, dt.datetime(2026, 9, 30, 2, 30)), (10, dt.datetime(2026, 10, 30, 2, 30)), (11, dt.datetime(2026, 11, 27, 2, 30))):
    post(payday - dt.timedelta(days=1, hours=-10), "DK00 0000 6620 4410 (Hovedentreprenør Brdr. Ravn A/S)", FYNBYGG["kontonr"], R.randint(310000, 360000) + .0, "Overførsel", "indbetaling", "Faktura %d aconto byggeplads Ørbæk" % (1140 + mth), "Svendborg", G1)
    for c in n1w:
        net = R.choice([14820.5, 15110.0, 14975.25, 15240.0])
        post(payday, FYNBYGG["kontonr"], c["kontonr"], net, "Overførsel", "løn", "Lønoverførsel %02d/2026" % mth, "Svendborg", G1)
        t = payday + dt.timedelta(hours=R.randint(9, 11), minutes=R.randint(0, 50))
        post(t, c["kontonr"], MAREK["kontonr"], R.choice([6500.0, 7000.0, 7500.0]), "MobilePay", "overførsel privat",
             R.choice(["kwatera + transport", "mieszkanie", "dług", "bilet + pokój", "zwrot", "kwatera"]), "Svendborg", G1)
        post(t + dt.timedelta(minutes=R.randint(40, 80)), c["kontonr"], "Hæveautomat Svendborg Centrum", R.choice([4000, 5000]), "Hæveautomat", "kontant", "Kontanthævning", "Svendborg", G1)
        post(t + dt.timedelta(days=R.randint(3, 12)), c["kontonr"], "NETTO SVENDBORG", round(R.uniform(60, 190), 2), "Dankort", "dagligvarer", "Dankort-køb NETTO", "Svendborg", G1)
    # Marek forwards
    post(payday + dt.timedelta(days=1, hours=9), MAREK["kontonr"], SZEF_ACC, R.choice([38000.0, 41000.0, 45000.0]), "Overførsel", "udland", "pożyczka zwrot", "Svendborg", G1)
    post(payday + dt.timedelta(days=3), FYNBYGG["kontonr"], NOMINEE["kontonr"], 5000.0, "Overførsel", "overførsel", "honorar", "Svendborg", G1)
    post(payday + dt.timedelta(days=2), FYNBYGG["kontonr"], MAREK["kontonr"], R.randint(40000, 60000) + .0, "Overførsel", "overførsel", "udlæg materialer", "Svendborg", G1)
# company pays no A-skat/ATP; recruitment costs
post(dt.datetime(2026, 9, 3, 11, 12), FYNBYGG["kontonr"], "FlixBus Polska (online)", 7640.0, "Dankort", "rejse", "9x bilet Gdańsk-Odense", "Svendborg", G1)
post(dt.datetime(2026, 9, 2, 20, 4), MAREK["kontonr"], "Facebook Ads", 450.0, "Dankort", "annoncering", "FACEBK *ADS", "Svendborg", G1)
ordinary_life(MAREK, None, 0, None, 0, None, 0.3)
ordinary_life(NOMINEE, EMPLOYERS[5], 14800.0, None, 0, None, 0.25, "Svendborg")
kycn(MAREK, dt.datetime(2026, 9, 8, 10, 0), "Henvendelse via tredjemand", kanal="filial", udfoert_af="Marek Wiśniewski",
     notat="Formand møder op med 9 nye medarbejdere til oprettelse af lønkonti. Oplyser at de alle bor i firmaets skurvogne.", group=G1)
kycn(FYNBYGG, dt.datetime(2026, 9, 15, 9, 30), "Møde aflyst", kanal="telefon", udfoert_af="Marek Wiśniewski",
     notat="Reel ejer Jørgen Kragh indkaldt til møde om ejerforhold. Formand ringede og aflyste på hans vegne.", group=G1)
kycn(NOMINEE, dt.datetime(2026, 10, 2, 13, 0), "Møde afholdt", kanal="filial",
     notat="Hr. Kragh oplyser at han 'bare har lånt sit navn' til firmaet, og at en polsk bekendt driver det. Kender ikke antal ansatte.", group=G1)
for c in n1w[:3]:
    kycn(c, dt.datetime(2026, 10, 20, 11, R.randint(0, 59)), "Ændring", felt="telefon", foer=c["mobil"] if c["mobil"] != "+45 20 00 41 17" else "+48 555 010 1%02d" % R.randint(10, 99),
         efter="+45 20 00 41 17", kanal="app", notat="", group=G1)
    c["mobil"] = "+45 20 00 41 17"

# ================================================================ N2 labour, Vietnamese nail salon (debt bondage)
G2 = "N2"
HUNG = cust(G2, navn="Nguyễn Văn Hùng", foedt="11.02.1979", statsborgerskab="Vietnam", mobil="+45 20 00 58 36", email="hung.nguyen79@gmail.com",
            adresse="Vestergade 31, 2. th, 5700 Svendborg", oprettet="03-06-2021", stilling="Selvstændig", indkomst_md=kr(21000), sprog="vi", cpr_bopael_fra="12.04.2019")
BIRTHE = cust(G2, navn="Birthe Holm", foedt="24.06.1962", mobil=phone(), adresse="Rødmevej 88, 5700 Svendborg", oprettet="11-09-2009", stilling="Førtidspensionist", indkomst_md=kr(16900), email="birtheholm@mail.dk")
LOTUS = cust(G2, navn="Lotus Nails & Beauty IVS (CVR 43 88 01 56)", kundetype="Erhverv", mobil="+45 20 00 58 36", email="lotusnails.svb@gmail.com",
             adresse="Gerritsgade 17, 5700 Svendborg", oprettet="05-01-2025", stilling="Negle- og skønhedssalon (branchekode 960200); ejer Birthe Holm 100 %", sprog="da")
VN_W = [("Trần Thị Thu", "2004"), ("Lê Thị Hoa", "2002"), ("Phạm Văn Nam", "2005"), ("Đỗ Thị Ngọc", "2003")]
n2w = []
onb2 = dt.datetime(2026, 9, 22, 13, 0)
for i, (nm, y) in enumerate(VN_W):
    c = cust(G2, navn=nm, foedt="%02d.%02d.%s" % (R.randint(1, 28), R.randint(1, 12), y), statsborgerskab="Vietnam", mobil="+45 20 00 58 36" if i != 2 else phone(),
             email="lotusnails.svb@gmail.com", adresse="Gerritsgade 17, 5700 Svendborg", oprettet=onb2.strftime("%d-%m-%Y"), stilling="Neglebehandler",
             indkomst_md=kr(9000), sprog="vi", cpr_bopael_fra="15.09.2026", app_enhed="APP-2B9D40")
    n2w.append(c)
    kycn(c, onb2 + dt.timedelta(minutes=5 * i), "Video-ID afvist", kanal="video", udfoert_af="Nguyễn Văn Hùng",
         notat="Kunden ønskede ikke video. Hr. Nguyễn svarede på alle spørgsmål for kunden.", group=G2)
    kycn(c, onb2 + dt.timedelta(days=2, minutes=5 * i), "Kunde oprettet", kanal="filial", udfoert_af="Nguyễn Văn Hùng (tolk)",
         notat=R.choice(["Pas medbragt af tolk, ikke af kunden.", "Kunden så ned under hele mødet.", "Bopæl oplyst som salonens adresse.", "Tolk havde kundens NemID-brev."]), group=G2)
# salon card takings; almost no payroll
for dd in range(DAYS):
    t0 = T0 + dt.timedelta(days=dd)
    if t0.weekday() == 6: continue
    post(t0.replace(hour=23, minute=5), "Nets indløsning (terminal 55120)", LOTUS["kontonr"], round(R.uniform(2800, 6900), 2), "Overførsel", "indløsning", "Nets kortindløsning %s" % t0.strftime("%d%m"), "Svendborg", G2)
for mth in (9, 10, 11):
    post(dt.datetime(2026, mth, 2, 8, 0), LOTUS["kontonr"], "DK00 0000 7310 5511 (Gerritsgade Ejendomme ApS)", 14500.0, "Overførsel", "husleje", "Husleje butik + baglokale", "Svendborg", G2)
    post(dt.datetime(2026, mth, 5, 12, 0), LOTUS["kontonr"], HUNG["kontonr"], R.randint(42000, 58000) + .0, "Overførsel", "overførsel", "konsulent", "Svendborg", G2)
    post(dt.datetime(2026, mth, 6, 12, 0), LOTUS["kontonr"], BIRTHE["kontonr"], 3000.0, "Overførsel", "overførsel", "Tak", "Svendborg", G2)
    post(dt.datetime(2026, mth, 10, 15, 0), LOTUS["kontonr"], "OPI Nordic / nail supply", round(R.uniform(3000, 7000), 2), "Overførsel", "varekøb", "Faktura neglelak", "Svendborg", G2)
    if mth >= 10:
        for c in n2w:
            post(dt.datetime(2026, mth, 28, 3, 0), LOTUS["kontonr"], c["kontonr"], 2000.0, "Overførsel", "løn", "lương", "Svendborg", G2)
            post(dt.datetime(2026, mth, 28, 17, R.randint(0, 59)), c["kontonr"], "MobilePay +45 20 00 58 36", 2000.0, "MobilePay", "overførsel privat",
                 R.choice(["trả nợ", "tiền nhà", "trả anh Hùng", "nợ tháng %d" % mth]), "Svendborg", G2)
    for c in n2w:
        post(dt.datetime(2026, mth, R.randint(12, 20), 21, R.randint(0, 59)), c["kontonr"], "MobilePay +45 20 00 58 36", R.choice([1500.0, 2500.0, 3000.0]), "MobilePay", "overførsel privat", R.choice(["trả nợ", "góp", "👍", ""]), "Svendborg", G2)
    post(dt.datetime(2026, mth, 15, 14, 0), HUNG["kontonr"], "Western Union – Hà Tĩnh, Vietnam", R.randint(18000, 30000) + .0, "Overførsel", "pengeoverførsel udland", "Vo Thi Lan (mẹ Thu) - gửi nợ", "Svendborg", G2)
    post(dt.datetime(2026, mth, 16, 14, 0), HUNG["kontonr"], "Western Union – Nghệ An, Vietnam", R.randint(10000, 16000) + .0, "Overførsel", "pengeoverførsel udland", "anh Tuấn - tiền cọc 2 người", "Svendborg", G2)
    for _ in range(3):
        post(dt.datetime(2026, mth, R.randint(1, 27), R.randint(9, 16), R.randint(0, 59)), "Kontant indbetaling", HUNG["kontonr"], R.choice([9000.0, 9500.0, 9800.0]), "Kontant indbetaling", "kontant",
             "Indbetaling automat %s" % R.choice(["Svendborg", "Faaborg", "Nyborg", "Odense C"]), R.choice(["Svendborg", "Faaborg", "Nyborg", "Odense"]), G2)
ordinary_life(HUNG, None, 0, "DK00 0000 7310 2201 (privat udlejer)", 7200.0, None, 0.3)
ordinary_life(BIRTHE, EMPLOYERS[5], 16900.0, LANDLORDS[0]["kontonr"], 5600.0, None, 0.25)
kycn(LOTUS, dt.datetime(2026, 10, 8, 10, 0), "Henvendelse via tredjemand", kanal="telefon", udfoert_af="Nguyễn Văn Hùng",
     notat="Hr. Nguyễn ringer om salonens konto; er ikke tegningsberettiget. Ejer Birthe Holm ikke truffet.", group=G2)
kycn(BIRTHE, dt.datetime(2026, 10, 14, 9, 0), "Møde aflyst", kanal="telefon", notat="Kunden aflyser møde om salonens ejerforhold; 'det er Hùngs forretning, jeg skriver bare under'.", group=G2)
kycn(n2w[2], dt.datetime(2026, 11, 3, 16, 0), "Ændring", felt="telefon", foer=n2w[2]["mobil"], efter="+45 20 00 58 36", kanal="app", group=G2)
n2w[2]["mobil"] = "+45 20 00 58 36"

# ================================================================ N3 sexual exploitation, Thai massage clinic (Case-1-like)
G3 = "N3"
KENNETH = cust(G3, navn="Kenneth Brandt", foedt="30.11.1986", mobil="+45 20 00 73 09", email="kb.invest86@gmail.com",
               adresse="Strandvejen 5, 5600 Faaborg", oprettet="12-05-2012", stilling="Selvstændig", indkomst_md=kr(18000), sprog="da")
SIAM = cust(G3, navn="Siam Thai Wellness v/ Kenneth Brandt (CVR 42 17 93 30)", kundetype="Erhverv", mobil="+45 20 00 73 10", email="siamwellness.faaborg@outlook.dk",
            adresse="Havnegade 9, 5600 Faaborg", oprettet="01-08-2023", stilling="Massage (branchekode 960400)", sprog="da")
TH_W = [("Siriporn", "Kaewmanee", "1994"), ("Nattaya", "Sornchai", "1999"), ("Ploy", "Chaiyasit", "2001")]
n3w = []
for i, (f, l, y) in enumerate(TH_W):
    c = cust(G3, navn="%s %s" % (f, l), foedt="%02d.%02d.%s" % (R.randint(1, 28), R.randint(1, 12), y), statsborgerskab="Thailand", mobil=phone(),
             email="", adresse="Havnegade 9, 1. sal, 5600 Faaborg", oprettet=(dt.date(2026, 6, 1) + dt.timedelta(days=30 * i)).strftime("%d-%m-%Y"),
             stilling="Massør", indkomst_md=kr(22000), sprog="th", cpr_bopael_fra=(dt.date(2026, 5, 20) + dt.timedelta(days=30 * i)).strftime("%d.%m.%Y"), app_enhed="APP-C4410E")
    n3w.append(c)
    kycn(c, dt.datetime(2026, 9, 5 + 9 * i, 11, 0), "Ændring", felt="telefon", foer=c["mobil"], efter="+45 20 00 73 09", kanal="telefon", udfoert_af="Kenneth Brandt", notat="Ændret pr. telefon af arbejdsgiver.", group=G3)
    kycn(c, dt.datetime(2026, 9, 6 + 9 * i, 11, 0), "Henvendelse via tredjemand", kanal="telefon", udfoert_af="Kenneth Brandt",
         notat=R.choice(["Arbejdsgiver spørger til saldo og kort på kundens vegne.", "Arbejdsgiver beder om nyt kort sendt til Strandvejen 5.", "Kunden selv ikke truffet; arbejdsgiver taler for hende."]), group=G3)
    c["mobil"] = "+45 20 00 73 09"
# buyers pay Kenneth's private MobilePay, evenings/nights
buyers = R.sample(bg, 40)
for k in range(190):
    b = R.choice(buyers)
    d = R.randrange(DAYS)
    h = R.choice([18, 19, 20, 21, 22, 22, 23, 23, 0, 1])
    t = T0 + dt.timedelta(days=d, hours=h, minutes=R.randint(0, 59))
    post(t, b["kontonr"], "MobilePay +45 20 00 73 09", R.choice([500.0, 600.0, 800.0, 1000.0, 1200.0, 1500.0]), "MobilePay", "overførsel privat",
         R.choice(["massage", "Ploy", "thai", "🙏", "1 time", "tak", "", "Nattaya 1t", "💆", "45 min", "massage + ekstra"]), "Faaborg", G3)
for mth in (9, 10, 11):
    post(dt.datetime(2026, mth, 1, 9, 0), SIAM["kontonr"], "DK00 0000 7310 8870 (Faaborg Havn Ejendom)", 11000.0, "Overførsel", "husleje", "Leje Havnegade 9 stuen + 1. sal", "Faaborg", G3)
    for d in range(0, 28, 3):
        post(dt.datetime(2026, mth, d + 1, 17, 0), "Nets indløsning (terminal 61877)", SIAM["kontonr"], round(R.uniform(300, 900), 2), "Overførsel", "indløsning", "Kortindløsning", "Faaborg", G3)
    for c in n3w:
        post(dt.datetime(2026, mth, 28, 3, 0), SIAM["kontonr"], c["kontonr"], 21950.0, "Overførsel", "løn", "Løn", "Faaborg", G3)
        post(dt.datetime(2026, mth, 28, 9, R.randint(0, 30)), c["kontonr"], KENNETH["kontonr"], 19500.0, "Overførsel", "overførsel", "bolig og mad", "Faaborg", G3)
        post(dt.datetime(2026, mth, R.randint(1, 25), 12, 0), c["kontonr"], "Western Union – Udon Thani, Thailand", R.choice([1500.0, 2000.0]), "Overførsel", "pengeoverførsel udland", "for mother", "Faaborg", G3)
    post(dt.datetime(2026, mth, 20, 10, 0), KENNETH["kontonr"], "Wise – THB account (Bangkok)", R.randint(60000, 90000) + .0, "Overførsel", "pengeoverførsel udland", "P. Sombat invoice", "Faaborg", G3)
    post(dt.datetime(2026, mth, 12, 14, 0), KENNETH["kontonr"], "ELGIGANTEN ODENSE", 2396.0, "Dankort", "elektronik", "IP-kamera x4", "Odense", G3) if mth == 9 else None
ordinary_life(KENNETH, None, 0, None, 0, None, 0.35, "Faaborg")
kycn(KENNETH, dt.datetime(2026, 11, 24, 10, 0), "Note", kanal="intern", notat="Mange MobilePay-indbetalinger fra forskellige mænd, aften/nat, 500-1.500 kr. Kunden oplyser 'udlejning af massagestol'. Sendt til compliance.", group=G3)

# ================================================================ LOOK-ALIKES
# L1 lawful Polish construction firm with housing
L1 = "L1"
BUDFYN = cust(L1, navn="Bud-Fyn ApS (CVR 39 70 22 14)", kundetype="Erhverv", mobil="+45 20 00 36 52", email="biuro@bud-fyn.dk", adresse="Industrivej 6, 5700 Svendborg",
              oprettet="11-04-2018", stilling="Murer- og tømrerarbejde (branchekode 433200); ejer Piotr Zając 100 %", sprog="pl")
PIOTR = cust(L1, navn="Piotr Zając", foedt="14.01.1976", statsborgerskab="Polen", mobil="+45 20 00 36 52", email="piotr@bud-fyn.dk", adresse="Egevej 3, 5700 Svendborg",
             oprettet="03-03-2012", stilling="Direktør", indkomst_md=kr(48000), sprog="pl", cpr_bopael_fra="01.08.2008")
l1w = []
for i, (f, l) in enumerate([("Adam", "Krawczyk"), ("Janusz", "Wróbel"), ("Michał", "Górski"), ("Bartosz", "Jasiński"), ("Kamil", "Szymański"), ("Artur", "Woźniak")]):
    c = cust(L1, navn="%s %s" % (f, l), foedt=d8(dt.date(R.randint(1975, 1998), R.randint(1, 12), R.randint(1, 28))), statsborgerskab="Polen", email=email_for(f, l, "wp.pl"),
             adresse="Industrivej 6A, 5700 Svendborg" if i < 4 else addr(), oprettet=("14-04-2026" if i < 4 else "02-05-2019"), stilling="Tømrer" if i % 2 else "Murer",
             indkomst_md=kr(38500), sprog="pl", cpr_bopael_fra="10.04.2026" if i < 4 else "01.04.2019")
    l1w.append(c)
    if i < 4:
        kycn(c, dt.datetime(2026, 4, 14, 9 + i, 0), "Kunde oprettet", kanal="filial", udfoert_af="Bud-Fyn ApS (HR: Agnieszka Zając)",
             notat="Kunden medbragte selv pas, ansættelseskontrakt på dansk og polsk og lejekontrakt for firmaets bolig.", group=L1)
for mth in (9, 10, 11):
    post(dt.datetime(2026, mth, 20, 10, 0), "DK00 0000 6620 4410 (Hovedentreprenør Brdr. Ravn A/S)", BUDFYN["kontonr"], R.randint(280000, 320000) + .0, "Overførsel", "indbetaling", "Faktura byggeplads Tåsinge", "Svendborg", L1)
    for c in l1w:
        post(dt.datetime(2026, mth, 28, 2, 30), BUDFYN["kontonr"], c["kontonr"], R.choice([27410.0, 26890.5, 28120.0]), "Overførsel", "løn", "Lønoverførsel %02d/2026 (lønseddel i e-Boks)" % mth, "Svendborg", L1)
    post(dt.datetime(2026, mth, 10, 9, 0), BUDFYN["kontonr"], "Skattestyrelsen A-skat/AM-bidrag", R.randint(95000, 110000) + .0, "Overførsel", "skat", "A-skat og AM-bidrag %02d" % (mth - 1), "Svendborg", L1)
    post(dt.datetime(2026, mth, 10, 9, 5), BUDFYN["kontonr"], "ATP", 1704.0, "Overførsel", "skat", "ATP-bidrag", "Svendborg", L1)
    for c in l1w[:4]:
        post(dt.datetime(2026, mth, 1, 7, R.randint(0, 59)), c["kontonr"], BUDFYN["kontonr"], 3200.0, "Overførsel", "husleje", "czynsz pokój Industrivej 6A (umowa)", "Svendborg", L1)
    post(dt.datetime(2026, mth, 28, 2, 30), BUDFYN["kontonr"], PIOTR["kontonr"], 48000.0, "Overførsel", "løn", "Løn direktør", "Svendborg", L1)
for c in l1w:
    ordinary_life(c, None, 0, None, 0, L1, 0.35)
    post(dt.datetime(2026, 10, R.randint(1, 28), 12, 0), c["kontonr"], "Western Union – Polska", R.choice([2000.0, 3000.0]), "Overførsel", "pengeoverførsel udland", R.choice(["dla mamy", "dla żony", "rachunki"]), "Svendborg", L1)
ordinary_life(PIOTR, None, 0, None, 0, L1, 0.3)

# L2 lawful Vietnamese nail salon
L2 = "L2"
MAI = cust(L2, navn="Trần Thị Mai", foedt="02.09.1983", statsborgerskab="Danmark", mobil="+45 20 00 62 18", email="kimnails.nyborg@gmail.com", adresse="Kongegade 22, 5800 Nyborg",
           oprettet="15-02-2011", stilling="Selvstændig neglebehandler", indkomst_md=kr(29000), sprog="vi", cpr_bopael_fra="01.06.2006")
KIM = cust(L2, navn="Kim Nails Nyborg v/ Trần Thị Mai (CVR 36 54 90 12)", kundetype="Erhverv", mobil="+45 20 00 62 18", email="kimnails.nyborg@gmail.com", adresse="Nørregade 4, 5800 Nyborg",
           oprettet="20-03-2015", stilling="Negle- og skønhedssalon (branchekode 960200); ejer Trần Thị Mai", sprog="vi")
l2w = []
for nm, y in [("Nguyễn Thị Lan", "1990"), ("Vũ Thị Hằng", "1996"), ("Bùi Minh Đức", "1998")]:
    c = cust(L2, navn=nm, foedt="%02d.%02d.%s" % (R.randint(1, 28), R.randint(1, 12), y), statsborgerskab="Vietnam", adresse=addr(town=("5800", "Nyborg")),
             oprettet=(dt.date(2022, 1, 1) + dt.timedelta(days=R.randint(0, 900))).strftime("%d-%m-%Y"), stilling="Neglebehandler", indkomst_md=kr(25500), sprog="vi")
    l2w.append(c)
for mth in (9, 10, 11):
    for c in l2w:
        post(dt.datetime(2026, mth, 28, 3, 0), KIM["kontonr"], c["kontonr"], R.choice([19820.0, 20115.5]), "Overførsel", "løn", "Løn %02d-2026" % mth, "Nyborg", L2)
        post(dt.datetime(2026, mth, R.randint(2, 26), 19, 0), c["kontonr"], "Western Union – Hải Phòng, Vietnam", R.choice([1500.0, 2500.0]), "Overførsel", "pengeoverførsel udland", R.choice(["gửi mẹ", "gửi bố mẹ", "tiền học cho em"]), "Nyborg", L2)
    post(dt.datetime(2026, mth, 10, 9, 0), KIM["kontonr"], "Skattestyrelsen A-skat/AM-bidrag", R.randint(21000, 24000) + .0, "Overførsel", "skat", "A-skat %02d" % (mth - 1), "Nyborg", L2)
    post(dt.datetime(2026, mth, 2, 8, 0), KIM["kontonr"], "DK00 0000 7310 4090 (Nyborg Ejendomme)", 12000.0, "Overførsel", "husleje", "Husleje butik", "Nyborg", L2)
for dd in range(0, DAYS):
    t0 = T0 + dt.timedelta(days=dd)
    if t0.weekday() >= 6: continue
    post(t0.replace(hour=22, minute=50), "Nets indløsning (terminal 41902)", KIM["kontonr"], round(R.uniform(3200, 7800), 2), "Overførsel", "indløsning", "Nets kortindløsning", "Nyborg", L2)
for c in l2w:
    ordinary_life(c, None, 0, "DK00 0000 7310 %04d (udlejer)" % R.randint(1000, 9999), R.randint(4800, 6200), L2, 0.3, "Nyborg", l2w)
    post(day(R.randrange(DAYS), 12), c["kontonr"], "MobilePay +45 20 00 62 18", R.choice([60.0, 85.0]), "MobilePay", "overførsel privat", R.choice(["tiền ăn trưa", "chị Mai phở 🍜"]), "Nyborg", L2)
ordinary_life(MAI, KIM["kontonr"], 29000.0, None, 0, L2, 0.3, "Nyborg")

# L3 seasonal fruit farm with housing (Romanian/Ukrainian)
L3 = "L3"
FARM = cust(L3, navn="Tåsinge Frugt & Bær I/S (CVR 25 31 66 40)", kundetype="Erhverv", mobil=phone(), email="kontor@taasingefrugt.dk", adresse="Bregningevej 40, 5700 Svendborg",
            oprettet="07-05-2001", stilling="Frugtavl (branchekode 012400)", sprog="da")
l3w = []
for i, (f, l, nat, lang) in enumerate([("Ionuț", "Stan", "Rumænien", "ro"), ("Maria", "Dumitru", "Rumænien", "ro"), ("Vasile", "Ciobanu", "Rumænien", "ro"), ("Elena", "Munteanu", "Rumænien", "ro"),
                                        ("Oksana", "Melnyk", "Ukraine", "uk"), ("Taras", "Bondar", "Ukraine", "uk"), ("Iryna", "Shevchuk", "Ukraine", "uk")]):
    c = cust(L3, navn="%s %s" % (f, l), foedt=d8(dt.date(R.randint(1970, 2000), R.randint(1, 12), R.randint(1, 28))), statsborgerskab=nat, email=email_for(f, l),
             adresse="Bregningevej 40 (medarbejderbolig), 5700 Svendborg", oprettet="05-05-2026", stilling="Sæsonarbejder", indkomst_md=kr(27000), sprog=lang, cpr_bopael_fra="01.05.2026")
    l3w.append(c)
    kycn(c, dt.datetime(2026, 5, 5, 9, 0) + dt.timedelta(minutes=20 * i), "Kunde oprettet", kanal="filial", udfoert_af="Lone Friis (kontor, Tåsinge Frugt)",
         notat="Sæsonhold; gårdens kontor bestilte tid til samlet oprettelse. Kunden med eget pas og kontrakt; bopæl i gårdens godkendte medarbejderboliger.", group=L3)
for mth in (9, 10):
    for c in l3w:
        post(dt.datetime(2026, mth, 28 if mth == 9 else 23, 2, 30), FARM["kontonr"], c["kontonr"], R.choice([21840.0, 22410.0, 20975.0]), "Overførsel", "løn", "Løn %02d/26 - husleje 2.100 kr trukket jf. lønseddel" % mth, "Svendborg", L3)
        post(dt.datetime(2026, mth, 29 if mth == 9 else 24, R.randint(12, 20), 0), c["kontonr"], "Western Union – %s" % ("România" if c["sprog"] == "ro" else "Україна"), R.choice([5000.0, 7000.0, 8000.0]),
             "Overførsel", "pengeoverførsel udland", R.choice(["pentru copii", "mama", "для родини", "дітям"]), "Svendborg", L3)
    post(dt.datetime(2026, mth, 10, 9, 0), FARM["kontonr"], "Skattestyrelsen A-skat/AM-bidrag", R.randint(60000, 70000) + .0, "Overførsel", "skat", "A-skat", "Svendborg", L3)
for c in l3w:
    ordinary_life(c, None, 0, None, 0, L3, 0.2)
    post(dt.datetime(2026, 10, 25, 7, 0), c["kontonr"], "FLIXBUS", R.choice([890.0, 1120.0]), "Dankort", "rejse", "Odense-%s" % ("București" if c["sprog"] == "ro" else "Lviv"), "Svendborg", L3)
    kycn(c, dt.datetime(2026, 10, 24, 12, 0), "Ændring", felt="adresse", foer="Bregningevej 40 (medarbejderbolig), 5700 Svendborg", efter="udlandsadresse (sæson slut)", kanal="app", group=L3)

# L4 independent sex worker
L4 = "L4"
NADIA = cust(L4, navn="Nadia Kowalczyk", foedt="17.07.1993", statsborgerskab="Polen", mobil="+45 20 00 27 71", email="nadia.relax@protonmail.com", adresse="Bagergade 12, 2. tv, 5700 Svendborg",
             oprettet="09-02-2019", stilling="Selvstændig (massage/escort)", indkomst_md=kr(34000), sprog="pl", cpr_bopael_fra="15.01.2018")
for k in range(85):
    b = R.choice(bg)
    t = T0 + dt.timedelta(days=R.randrange(DAYS), hours=R.choice([13, 15, 17, 19, 20, 21, 22]), minutes=R.randint(0, 59))
    post(t, b["kontonr"], "MobilePay +45 20 00 27 71", R.choice([1200.0, 1500.0, 2000.0, 2500.0]), "MobilePay", "overførsel privat", R.choice(["Nadia", "❤️", "tak for i dag", "", "1t", "💋", "N."]), "Svendborg", L4)
for mth in (9, 10, 11):
    post(dt.datetime(2026, mth, 1, 8, 0), NADIA["kontonr"], "DK00 0000 7310 1212 (Bagergade 12 ApS)", 8900.0, "Overførsel", "husleje", "Husleje lejl. 2 tv", "Svendborg", L4)
    post(dt.datetime(2026, mth, 20, 9, 0), NADIA["kontonr"], "Skattestyrelsen B-skat", 9800.0, "Betalingsservice", "skat", "B-skat rate", "Svendborg", L4)
    post(dt.datetime(2026, mth, 3, 9, 0), NADIA["kontonr"], "Sexlist.dk / annonce", 599.0, "Dankort", "annoncering", "Profil Premium", "Svendborg", L4)
ordinary_life(NADIA, None, 0, None, 0, L4, 0.6)

# L5 family sharing address and phone (son interprets; power of attorney)
L5 = "L5"
fam_phone = phone()
fam = []
for nm, y, job, inc in [("Khalil Haddad", "1961", "Førtidspensionist", 14200), ("Rania Haddad", "1965", "Husmor", 0), ("Omar Haddad", "1994", "Elektriker", 33000), ("Layla Haddad", "2001", "Studerende", 6400)]:
    c = cust(L5, navn=nm, foedt="%02d.%02d.%s" % (R.randint(1, 28), R.randint(1, 12), y), statsborgerskab="Danmark" if y > "1990" else "Syrien", mobil=fam_phone if y < "1990" else phone(),
             email="haddad.family@gmail.com" if y < "1990" else email_for(nm.split()[0], "Haddad"), adresse="Tvedvej 77, 5700 Svendborg", stilling=job, indkomst_md=kr(inc) if inc else "", sprog="ar" if y < "1990" else "da",
             cpr_bopael_fra="03.11.2015", app_enhed="APP-9A0F11" if y < "1990" else "")
    fam.append(c)
kycn(fam[0], dt.datetime(2026, 9, 14, 10, 0), "Fuldmagt registreret", kanal="filial", udfoert_af="Omar Haddad (søn)", notat="Generalfuldmagt til søn; kunden læser ikke dansk. Kunden selv til stede.", group=L5)
kycn(fam[1], dt.datetime(2026, 9, 14, 10, 20), "Fuldmagt registreret", kanal="filial", udfoert_af="Omar Haddad (søn)", notat="Som ovenfor.", group=L5)
kycn(fam[0], dt.datetime(2026, 10, 30, 15, 0), "Henvendelse via tredjemand", kanal="telefon", udfoert_af="Omar Haddad (søn, fuldmagtshaver)", notat="Spørgsmål om boligydelse.", group=L5)
kycn(fam[1], dt.datetime(2026, 11, 5, 10, 0), "Ændring", felt="telefon", foer=phone(), efter=fam_phone, kanal="filial", notat="Fælles husstandsnummer.", group=L5)
for c in fam[:2]:
    ordinary_life(c, EMPLOYERS[5] if c is fam[0] else None, 14200.0, LANDLORDS[0]["kontonr"] if c is fam[0] else None, 7400.0, L5, 0.2, "Svendborg", fam)
ordinary_life(fam[2], EMPLOYERS[6], 33000.0, None, 0, L5, 0.4, "Svendborg", fam)
ordinary_life(fam[3], EMPLOYERS[5], 6400.0, None, 0, L5, 0.3, "Svendborg", fam)
for mth in (9, 10, 11):
    post(dt.datetime(2026, mth, 1, 9, 0), fam[2]["kontonr"], fam[0]["kontonr"], 3000.0, "Overførsel", "overførsel", "Til husleje far", "Svendborg", L5)
    post(dt.datetime(2026, mth, 2, 9, 0), fam[3]["kontonr"], fam[0]["kontonr"], 1000.0, "MobilePay", "overførsel privat", "mad 🥘", "Svendborg", L5)

# L6 students sharing a flat (one pays landlord)
L6 = "L6"
stud = []
for f, l in [("Emil", "Vestergaard"), ("Freja", "Lauridsen"), ("Ahmed", "Yilmaz"), ("Clara", "Bruun"), ("Viktor", "Eskildsen")]:
    c = cust(L6, navn="%s %s" % (f, l), foedt=d8(dt.date(R.randint(2002, 2006), R.randint(1, 12), R.randint(1, 28))), email=email_for(f, l, "stud.sdu.dk"),
             adresse="Møllergade 48, 1. th, 5700 Svendborg", stilling="Studerende", indkomst_md=kr(6820), oprettet=(dt.date(2020, 8, 1) + dt.timedelta(days=R.randint(0, 1800))).strftime("%d-%m-%Y"))
    stud.append(c)
for mth in (9, 10, 11):
    for c in stud[1:]:
        post(dt.datetime(2026, mth, R.randint(1, 3), R.randint(8, 23), R.randint(0, 59)), c["kontonr"], "MobilePay %s" % stud[0]["mobil"], 3150.0, "MobilePay", "overførsel privat", R.choice(["husleje", "husleje 🏠", "leje + net", "rent"]), "Svendborg", L6)
    post(dt.datetime(2026, mth, 4, 10, 0), stud[0]["kontonr"], "DK00 0000 7310 4848 (Møllergade 48 I/S)", 15750.0, "Overførsel", "husleje", "Husleje 1. th", "Svendborg", L6)
for c in stud:
    ordinary_life(c, EMPLOYERS[5], 6820.0, None, 0, L6, 0.35, "Svendborg", stud)

# L7 private landlord collecting rent from many
L7 = "L7"
LL = cust(L7, navn="Hansen Udlejning ApS (CVR 31 44 09 87)", kundetype="Erhverv", mobil=phone(), email="udlejning@hansen-svb.dk", adresse="Klosterplads 3, 5700 Svendborg", stilling="Udlejning af boliger (branchekode 682040)")
tenants = R.sample([c for c in bg if c["_g"] is None], 16)
for mth in (9, 10, 11):
    for c in tenants:
        post(dt.datetime(2026, mth, 1, R.randint(0, 9), R.randint(0, 59)), c["kontonr"], LL["kontonr"], R.choice([5200.0, 6100.0, 6850.0, 7400.0]), "Overførsel", "husleje", "Husleje %s" % R.choice(["Klosterplads", "Kirkestræde 4", "Havnegade 21", "lejl. %d" % R.randint(1, 16)]), "Svendborg", L7)
    post(dt.datetime(2026, mth, 15, 10, 0), LL["kontonr"], "Svendborg Kommune ejendomsskat", 18400.0, "Betalingsservice", "skat", "Ejendomsskat", "Svendborg", L7)
    post(dt.datetime(2026, mth, 18, 10, 0), LL["kontonr"], "VVS Sydfyn", round(R.uniform(2000, 9000), 2), "Overførsel", "håndværker", "Faktura vedligehold", "Svendborg", L7)

# L8 handball club collecting fees by MobilePay
L8 = "L8"
CLUB = cust(L8, navn="Svendborg Håndboldklub (foreningskonto)", kundetype="Erhverv", mobil="+45 20 00 90 90", email="kasserer@svb-hk.dk", adresse="Ryttergade 100, 5700 Svendborg", stilling="Idrætsforening (branchekode 931200)")
members = R.sample(bg, 45)
for c in members:
    post(dt.datetime(2026, 9, R.randint(1, 20), R.randint(7, 22), R.randint(0, 59)), c["kontonr"], "MobilePay Box 90 90 (Svendborg HK)", R.choice([650.0, 850.0, 1100.0]), "MobilePay", "fritid", R.choice(["Kontingent efterår", "kontingent U13", "Kontingent - Sofie", "kontingent 🤾"]), "Svendborg", L8)
for c in R.sample(members, 25):
    post(dt.datetime(2026, 11, R.randint(5, 15), R.randint(7, 22), R.randint(0, 59)), c["kontonr"], "MobilePay Box 90 90 (Svendborg HK)", 350.0, "MobilePay", "fritid", "Stævne Kolding + bus", "Svendborg", L8)
post(dt.datetime(2026, 11, 18, 10, 0), CLUB["kontonr"], "Sydfyns Turistbusser", 9800.0, "Overførsel", "transport", "Bus stævne Kolding", "Svendborg", L8)
post(dt.datetime(2026, 10, 2, 10, 0), CLUB["kontonr"], "DHF (Dansk Håndbold Forbund)", 14200.0, "Overførsel", "fritid", "Holdtilmelding", "Svendborg", L8)

# L9 legitimate Thai massage (owner-run, registered)
L9 = "L9"
ARUNEE = cust(L9, navn="Arunee Sørensen", foedt="08.03.1978", statsborgerskab="Danmark", mobil="+45 20 00 84 40", email="arunee.thaimassage@gmail.com", adresse="Ringevej 19, 5900 Rudkøbing",
              stilling="Selvstændig massør", indkomst_md=kr(24000), sprog="th", oprettet="14-06-2008", cpr_bopael_fra="01.02.2004")
ARU_BIZ = cust(L9, navn="Arunee Thai Massage v/ Arunee Sørensen (CVR 33 12 88 05)", kundetype="Erhverv", mobil="+45 20 00 84 40", email="arunee.thaimassage@gmail.com",
               adresse="Brogade 2, 5900 Rudkøbing", stilling="Massage (branchekode 960400)", sprog="th")
for k in range(70):
    b = R.choice(bg)
    post(T0 + dt.timedelta(days=R.randrange(DAYS), hours=R.randint(10, 17), minutes=R.randint(0, 59)), b["kontonr"], "MobilePay MyShop 84 40 (Arunee Thai Massage)", R.choice([400.0, 550.0, 650.0]),
         "MobilePay", "sundhed/velvære", R.choice(["massage", "ryg/nakke", "60 min", "gavekort", "🙏"]), "Rudkøbing", L9)
for mth in (9, 10, 11):
    post(dt.datetime(2026, mth, 28, 3, 0), ARU_BIZ["kontonr"], ARUNEE["kontonr"], 24000.0, "Overførsel", "overførsel", "Hævet fra virksomhed", "Rudkøbing", L9)
    post(dt.datetime(2026, mth, 20, 9, 0), ARU_BIZ["kontonr"], "Skattestyrelsen moms/B-skat", 7200.0, "Betalingsservice", "skat", "B-skat", "Rudkøbing", L9)
ordinary_life(ARUNEE, None, 0, None, 0, L9, 0.35, "Rudkøbing")

# ================================================================ INSPECTION NOTES (kommune)
insp = []
def note(dato, sted, cvr, adresse, person, nat, tlf, bolig, notat, opf, group=None):
    insp.append(dict(dato=dato, sted=sted, cvr=cvr, adresse=adresse, person=person, nat=nat, tlf=tlf, bolig=bolig, notat=notat, opf=opf, _g=group))
# N1 site (Ørbæk)
n1_notes = [
    "Arbejder på stillads uden hjelm. Kan ikke oplyse sin timeløn. Formand (Marek W.) kom til og svarede for ham.",
    "Siger han har arbejdet 'hver dag, også søndag' siden ankomst. Pas 'ligger hos Marek for sikkerheds skyld'.",
    "Oplyser via tolk at han skylder for bussen fra Polen og for sengen. Ved ikke hvor meget der er tilbage. Virkede nervøs, kiggede mod formanden.",
    "Svarede præcist det samme som de to andre: '37 timer, 180 kr i timen, alt er ok'. Lød indøvet.",
    "Bor i skurvogn på firmaets plads, Gammel Nyborgvej 12, sammen med 8 andre. Betaler 'kwatera' hver måned til formanden.",
    "Har ikke sit eget dankort; 'Marek har kortene, vi får kontanter om fredagen'.",
    "Ingen ansættelseskontrakt. Ved ikke hvad firmaet hedder. Kender kun 'Marek'.",
    "Fortæller at man får 'kara' (bøde) 500 kr hvis man kommer for sent. Ville ikke sige mere.",
    "Ville ikke tale. Formanden stod ved siden af hele tiden.",
]
for i, c in enumerate(n1w):
    note("18.11.2026", "Byggeplads Ørbæk Skole (underentreprenør Fyn-Bygg Service ApS)", "44512087", "Skolevej 2, 5853 Ørbæk", c["navn"], "polsk", "+45 20 00 41 17 (formandens)", "Gammel Nyborgvej 12 (skurvogn)",
         n1_notes[i], "Sendt til politi/CMM; SKAT: A-skat ikke indberettet" if i % 2 == 0 else "Sendt til politi", G1)
note("18.11.2026", "Byggeplads Ørbæk Skole (underentreprenør Fyn-Bygg Service ApS)", "44512087", "Skolevej 2, 5853 Ørbæk", "Marek Wiśniewski", "polsk", "+45 20 00 41 17", "Gammel Nyborgvej 12",
     "Præsenterer sig som formand og tolk. Ville have alle samtaler gennem sig. Oplyser at direktøren Jørgen Kragh 'er syg'. Udleverede en mappe med 9 pas.", "Sendt til politi", G1)
# N2 salon
n2_notes = [
    "Bor i baglokalet bag salonen; 4 madrasser på gulvet, kogeplade. Ankom for 2 mdr. siden. Tolk (tlf.-tolk) oversatte: 'em nợ anh Hùng nhiều tiền' – skylder Hùng mange penge.",
    "Arbejder 10-20 alle dage. Ved ikke hvad hun tjener; 'anh Hùng giữ tiền, gửi về cho gia đình' (Hùng beholder pengene og sender hjem til familien).",
    "Mindreårig? Oplyser at være 21 men pas ikke fremvist; 'hộ chiếu anh Hùng cầm' (Hùng har passet).",
    "Meget bange; spurgte om politiet ville sende hende hjem. Siger hun skal betale 15.000 USD for rejsen før hun må stoppe.",
]
for i, c in enumerate(n2w):
    note("25.11.2026", "Lotus Nails & Beauty", "43880156", "Gerritsgade 17, 5700 Svendborg", c["navn"], "vietnamesisk", "+45 20 00 58 36", "Gerritsgade 17 (baglokale)", n2_notes[i], "Sendt til politi/CMM; Brand- og redningstjeneste: ulovlig beboelse", G2)
note("25.11.2026", "Lotus Nails & Beauty", "43880156", "Gerritsgade 17, 5700 Svendborg", "Nguyễn Văn Hùng", "vietnamesisk", "+45 20 00 58 36", "Vestergade 31",
     "Kom til salonen 10 min efter os. Siger han 'bare hjælper' sin veninde Birthe, som ejer salonen. Havde nøgler, kasseapparatets kode og medarbejdernes opholdskort i tasken.", "Sendt til politi", G2)
# N3 clinic
n3_notes = [
    "Kender ikke prisen på behandlingerne; 'Kenneth tager sig af kunderne, bookinger på hans telefon'. Bor på 1. sal.",
    "Kamera i reception og i gangen; appen på Kenneths telefon. Må ikke gå ud alene om aftenen ('rules'). Engelsk meget begrænset.",
    "Siger at 'boss in Bangkok' bestemmer og at hun skylder for flybilletten. Får 'pocket money' 500 kr om ugen.",
]
for i, c in enumerate(n3w):
    note("02.12.2026", "Siam Thai Wellness", "42179330", "Havnegade 9, 5600 Faaborg", c["navn"], "thailandsk", "", "Havnegade 9, 1. sal", n3_notes[i], "Sendt til politi/CMM", G3)
# look-alike inspections
for c in l1w[:4]:
    note("18.11.2026", "Byggeplads Tåsinge Strand (Bud-Fyn ApS)", "39702214", "Strandgårdsvej 8, 5700 Svendborg", c["navn"], "polsk", c["mobil"], "Industrivej 6A (firmabolig)",
         R.choice(["Viste kontrakt på polsk og dansk, lønsedler i e-Boks. Husleje 3.200 kr/md efter lejekontrakt. Eget pas.", "Taler lidt dansk. Overenskomstløn, 37 t. Bor i firmabolig med 3 kolleger, eget værelse.",
                   "Alt i orden. Har selv dankort og MobilePay. Kører selv hjem til Polen hver 3. weekend.", "Kontrakt fremvist; 'umowa na czas nieokreślony'. Ingen bemærkninger."]), "Ingen bemærkninger", L1)
note("18.11.2026", "Byggeplads Tåsinge Strand (Bud-Fyn ApS)", "39702214", "Strandgårdsvej 8, 5700 Svendborg", "Piotr Zając", "polsk/dansk", "+45 20 00 36 52", "Egevej 3",
     "Direktør. Fremlagde RUT-registrering ikke nødvendig (dansk firma), lønsedler og boligaftaler for 4 ansatte. Medarbejderne talte frit uden ham.", "Ingen bemærkninger", L1)
for c in l2w:
    note("25.11.2026", "Kim Nails Nyborg", "36549012", "Nørregade 4, 5800 Nyborg", c["navn"], "vietnamesisk", c["mobil"], c["adresse"],
         R.choice(["Ansat siden 2023, kontrakt og lønsedler OK. Taler dansk. Bor i egen lejlighed.", "Arbejdstid 9.30-17.30 man-lør. Opholdstilladelse ok. 'Chị Mai là chủ tốt' (Mai er en god chef).", "Elev, fremviste kontrakt. Ingen bemærkninger."]), "Ingen bemærkninger", L2)
for c in l3w:
    note("16.09.2026", "Tåsinge Frugt & Bær", "25316640", "Bregningevej 40, 5700 Svendborg", c["navn"], {"ro": "rumænsk", "uk": "ukrainsk"}[c["sprog"]], c["mobil"], "Bregningevej 40 (medarbejderbolig)",
         R.choice(["Sæsonkontrakt maj-okt. Husleje 2.100 kr trækkes i løn, fremgår af lønseddel. Eget pas.", "Boliger godkendt (byggesag 2019). 2 pr. værelse. Arbejder 7-16, overtid betales.", "Tredje sæson på gården. Ingen bemærkninger.", "Akkord på jordbær, timeløn garanteret. Lønsedler fremvist."]), "Ingen bemærkninger", L3)
note("02.12.2026", "Arunee Thai Massage", "33128805", "Brogade 2, 5900 Rudkøbing", "Arunee Sørensen", "dansk/thai", "+45 20 00 84 40", "Ringevej 19",
     "Ejer og eneste behandler. Uddannet i Bangkok (Wat Pho) og dansk RAB-godkendt. Booking på egen hjemmeside. Ingen bemærkninger.", "Ingen bemærkninger", L9)
# background inspections (ordinary workplaces)
SITES = [("Café Havnen", "37112090", "Jessens Mole 1, 5700 Svendborg"), ("Svendborg Pizza & Kebab", "38890413", "Gerritsgade 40, 5700 Svendborg"), ("Rengøring Syd ApS", "40112233", "Vestergade 80, 5700 Svendborg"),
         ("Faaborg Vognmandsforretning", "21553074", "Industrivej 9, 5600 Faaborg"), ("Landbrug Holmegaard", "18776102", "Holmegårdsvej 2, 5762 Vester Skerninge"), ("Nyborg Autoværksted", "30419865", "Odensevej 55, 5800 Nyborg"),
         ("Sushi Nyborg", "41187620", "Kongegade 3, 5800 Nyborg"), ("Tømrer Skov & Søn", "26700321", "Skovvej 44, 5700 Svendborg"), ("Hotel Svendborg", "12998470", "Centrumpladsen 1, 5700 Svendborg")]
BGN = ["Kontrakt og lønsedler fremvist. Ingen bemærkninger.", "Elev, 2. år. Ingen bemærkninger.", "Deltid 20 t/uge. Studerende.", "Taler dansk. Fastansat siden 2019.",
       "Manglende personlige værnemidler påtalt (Arbejdstilsynet).", "Ikke registreret i eIndkomst for oktober – arbejdsgiver retter (fejl hos lønbureau).", "Vikar via vikarbureau, kontrakt fremvist.",
       "Ukrainsk, midlertidig opholdstilladelse (særlov), kontrakt OK.", "Sæsonhjælp, ingen bemærkninger.", "Ikke til stede ved samtale – sygemeldt.", "Rumænsk chauffør, A1-attest fremvist.",
       "Arbejder i køkken, bor hos sin bror. Ingen bemærkninger.", "Polsk tømrer, eget firma (enkeltmandsvirksomhed) som underleverandør, RUT ikke relevant."]
for i in range(62):
    s = R.choice(SITES)
    f, l, nat = R.choice([(R.choice(DK_FIRST), R.choice(DK_LAST), "dansk")] * 6 + [("Andrei", "Popa", "rumænsk"), ("Olena", "Kravets", "ukrainsk"), ("Ahmad", "Hussaini", "afghansk"),
                          ("Marta", "Nowak", "polsk"), ("Tuấn", "Lê", "vietnamesisk"), ("Ewa", "Kowalska", "polsk"), ("Ionela", "Radu", "rumænsk"), ("Dmytro", "Hnatiuk", "ukrainsk")])
    note("%02d.%02d.2026" % (R.randint(1, 28), R.choice([9, 10, 11])), s[0], s[1], s[2], "%s %s" % (f, l), nat,
         phone() if R.random() < .7 else "", addr(), R.choice(BGN), R.choice(["Ingen bemærkninger"] * 4 + ["Påbud", "Vejledning givet"]))

# ================================================================ CHAT EXPORT (Marek's seized phone)
OWNER = "+45 20 00 41 17"
chats = []
def msg(chat, platform, t, frm, til, body, deleted=False, group=None):
    chats.append(dict(chat=chat, platform=platform, t=t, frm=frm, til=til, body=body, deleted=deleted, _g=group))
SZEF = "+48 555 010 127"
def out(chat, pl, t, til, body, deleted=False, group=None): msg(chat, pl, t, "Marek (ejer) " + OWNER, til, body, deleted, group)
def inn(chat, pl, t, frm, body, deleted=False, group=None): msg(chat, pl, t, frm, "Marek (ejer) " + OWNER, body, deleted, group)
# recruitment (Facebook Messenger) Aug-Sep
rec = [("Krzysztof Mazur", "Dzień dobry, widziałem ogłoszenie na grupie 'Praca Dania'. Aktualne?"),
       ("Paweł Kaczmarek", "Hej, czy jest jeszcze praca na budowie w Danii?"),
       ("Dariusz Wójcik", "ile płacicie na godzinę?"), ("Sebastian Lis", "Mam 19 lat, nie mam doświadczenia, czy mogę?")]
for i, (nm, first) in enumerate(rec):
    chat = "Messenger: %s" % nm
    t = dt.datetime(2026, 8, 20 + i, 19, 10)
    inn(chat, "Facebook Messenger", t, nm, first, group=G1)
    out(chat, "Facebook Messenger", t + dt.timedelta(minutes=6), nm, "Aktualne. 180 koron na godzinę, mieszkanie jest, bilet załatwiamy my. Praca od zaraz.", group=G1)
    out(chat, "Facebook Messenger", t + dt.timedelta(minutes=7), nm, "Wyślij zdjęcie dowodu i paszportu, przód i tył. Piszemy dalej na WhatsApp: +45 20 00 41 17", group=G1)
    inn(chat, "Facebook Messenger", t + dt.timedelta(minutes=20), nm, R.choice(["ok wysłałem", "a umowa będzie?", "super, dziękuję!!", "kiedy wyjazd?"]), group=G1)
    out(chat, "Facebook Messenger", t + dt.timedelta(minutes=25), nm, "Umowa na miejscu. Autobus w sobotę z Gdańska. Nie ma czasu, miejsca szybko się kończą.", group=G1)
# group chat with workers (WhatsApp)
GRP = "WhatsApp-gruppe: Ekipa Fyn 🏗️"
grp_out = [
    (dt.datetime(2026, 9, 7, 21, 0), "Jutro 6:00 zbiórka przy bramie. Paszporty zostają u mnie, idziemy razem do banku."),
    (dt.datetime(2026, 9, 8, 8, 0), "W banku nikt nic nie mówi. Ja tłumaczę. Adres: Gammel Nyborgvej 12."),
    (dt.datetime(2026, 9, 12, 19, 30), "Kto się spóźni płaci 500 kr kary. Kto pije na kwaterze – 1000."),
    (dt.datetime(2026, 9, 30, 7, 30), "Wypłata przyszła. Do 12:00 każdy robi MobilePay 7000 na mój numer za kwaterę, bilet i dług. Karty oddajecie mi wieczorem."),
    (dt.datetime(2026, 10, 4, 20, 0), "Niedziela też pracujemy. Duński szef chce skończyć dach."),
    (dt.datetime(2026, 10, 30, 7, 15), "Jak wczoraj. 7000 do 12:00. Kto nie przeleje, nie dostaje kasy na jedzenie."),
    (dt.datetime(2026, 11, 17, 22, 10), "Jutro kontrola z kommune. Mówicie: 37 godzin, 180 na godzinę, mieszkanie płacicie sami, wszystko ok. Kto powie inaczej, wraca do Polski bez wypłaty."),
    (dt.datetime(2026, 11, 18, 16, 40), "Kasujcie wszystkie wiadomości z tej grupy. TERAZ."),
    (dt.datetime(2026, 11, 27, 7, 20), "Wypłata. Jak zawsze. Mariusz i Tomasz jeszcze winni 4000 za październik."),
]
for t, body in grp_out:
    msg(GRP, "WhatsApp", t, "Marek (ejer) " + OWNER, "Ekipa Fyn (9 deltagere)", body, deleted=t >= dt.datetime(2026, 9, 30), group=G1)
grp_in = [("Paweł Kaczmarek", dt.datetime(2026, 9, 12, 19, 45), "A kiedy dostaniemy umowę?"), ("Łukasz Dudek", dt.datetime(2026, 9, 30, 8, 2), "Marek, zostaje mi 500 koron na cały miesiąc, jak mam żyć?"),
          ("Krzysztof Mazur", dt.datetime(2026, 10, 4, 20, 10), "jestem chory, nie dam rady"), ("Rafał Sikora", dt.datetime(2026, 10, 30, 11, 58), "przelałem"),
          ("Dariusz Wójcik", dt.datetime(2026, 10, 30, 11, 40), "przelane 7000"), ("Tomasz Baran", dt.datetime(2026, 11, 17, 22, 20), "ok szefie"),
          ("Sebastian Lis", dt.datetime(2026, 11, 17, 22, 25), "a jak zapytają o paszporty?"), ("Grzegorz Pawlak", dt.datetime(2026, 11, 27, 9, 3), "ile mi jeszcze zostało długu?")]
for nm, t, body in grp_in:
    ph = next(c["mobil"] for c in n1w if c["navn"] == nm)
    msg(GRP, "WhatsApp", t, ("%s %s" % (nm, ph)) if ph != OWNER else nm, "Ekipa Fyn (9 deltagere)", body, deleted=t >= dt.datetime(2026, 9, 30), group=G1)
out(GRP, "WhatsApp", dt.datetime(2026, 11, 17, 22, 30), "Ekipa Fyn (9 deltagere)", "Paszporty są w biurze u szefa. Koniec tematu.", deleted=True, group=G1)
out(GRP, "WhatsApp", dt.datetime(2026, 10, 4, 20, 15), "Ekipa Fyn (9 deltagere)", "Chory to w Polsce. Tu się pracuje. Albo 1000 kary.", deleted=True, group=G1)
# with the boss in Poland (Telegram)
BOSS_CHAT = "Telegram: Szef"
boss = [(dt.datetime(2026, 9, 1, 18, 0), "in", "9 ludzi w sobotę. Bilety kupione z konta firmy."),
        (dt.datetime(2026, 9, 8, 13, 0), "out", "Konta w banku załatwione, wszystkie na mój numer i mail firmy. Karty mam ja."),
        (dt.datetime(2026, 9, 16, 10, 0), "in", "Ten Duńczyk Kragh nie może gadać z bankiem. Pilnuj."),
        (dt.datetime(2026, 9, 16, 10, 5), "out", "Dzwoniłem, odwołałem spotkanie. Dostaje 5000 co miesiąc, jest cicho."),
        (dt.datetime(2026, 10, 1, 9, 30), "out", "Przelałem 41000 na PL00 0000 5550 0102 0000 0000 01. Reszta gotówką w czwartek."),
        (dt.datetime(2026, 10, 1, 9, 35), "in", "Dobra. Długi każdemu zostaw, żeby nie uciekli."),
        (dt.datetime(2026, 10, 31, 9, 10), "out", "Przelane. Łukasz chce wracać. Powiedziałem że najpierw 6000 długu."),
        (dt.datetime(2026, 11, 17, 21, 0), "in", "Jutro kontrola na Ørbæk. Przygotuj chłopaków."),
        (dt.datetime(2026, 11, 18, 17, 0), "out", "Było kommune i policja. Zabrali kopie paszportów. Kasuję wszystko."),
        (dt.datetime(2026, 11, 18, 17, 2), "in", "Kasuj i zmień numer."),
        (dt.datetime(2026, 11, 28, 9, 0), "out", "Przelane jak zawsze."),]
for t, d, body in boss:
    if d == "in": inn(BOSS_CHAT, "Telegram", t, "Szef " + SZEF, body, deleted=True, group=G1)
    else: out(BOSS_CHAT, "Telegram", t, "Szef " + SZEF, body, deleted=True, group=G1)
# individual control chats (WhatsApp), Polish
for c in n1w[:5]:
    chat = "WhatsApp: %s" % c["navn"]
    ph = c["mobil"]
    for t, d, body in [(dt.datetime(2026, 10, R.randint(5, 25), R.randint(18, 22), R.randint(0, 59)), "in", R.choice(["Marek, potrzebuję karty, muszę kupić leki", "Mogę zadzwonić do żony z twojego telefonu?", "Gdzie jest mój paszport? Chcę jechać na święta"])),
                       (None, "out", R.choice(["Kartę dostaniesz w piątek.", "Najpierw dług. 8000 zostało.", "Paszport jest bezpieczny u mnie. Nie pytaj więcej.", "Gdzie jesteś? Wyślij lokalizację."]))]:
        if t is None: t = last + dt.timedelta(minutes=R.randint(2, 30))
        last = t
        if d == "in": inn(chat, "WhatsApp", t, "%s %s" % (c["navn"], ph if ph != OWNER else "(intet nummer)"), body, group=G1)
        else: out(chat, "WhatsApp", t, "%s %s" % (c["navn"], ph if ph != OWNER else "(intet nummer)"), body, group=G1)
# L1: lawful Polish firm Bud-Fyn's director asks Marek about carpenters
PCHAT = "WhatsApp: Piotr Bud-Fyn"
pz = [(dt.datetime(2026, 9, 24, 17, 5), "in", "Cześć Marek, szukam dwóch cieśli od listopada. Umowa na stałe, stawka wg układu zbiorowego, mieszkanie na Industrivej 3200 kr. Znasz kogoś?"),
      (dt.datetime(2026, 9, 24, 17, 40), "out", "Moi ludzie są zajęci. Może w grudniu."),
      (dt.datetime(2026, 9, 24, 17, 42), "in", "Jasne. Niech piszą bezpośrednio do mnie albo na biuro@bud-fyn.dk, dokumenty sami przynoszą."),
      (dt.datetime(2026, 10, 19, 8, 3), "in", "Łukasz z twojej ekipy pisał do mnie o pracę. Wszystko ok u was?"),
      (dt.datetime(2026, 10, 19, 8, 30), "out", "Nie zabieraj mi ludzi Piotr."),
      (dt.datetime(2026, 10, 19, 8, 34), "in", "Nikogo nie zabieram. Każdy może zmienić pracę. Pozdrawiam."),]
for t, d, body in pz:
    (inn if d == "in" else out)(PCHAT, "WhatsApp", t, "Piotr Zając +45 20 00 36 52", body, group=L1)
# background personal chats
WIFE = "Agnieszka 💕 +48 555 010 144"
wife_lines_in = ["Kochanie, kiedy przyjedziesz?", "Ola ma gorączkę", "Przelew doszedł, dzięki ❤️", "Zadzwoń wieczorem", "Mama pyta o święta", "Kupiłam buty dla Kuby", "Tęsknimy 😘", "Rachunek za prąd 430 zł", "Dobranoc"]
wife_lines_out = ["Wieczorem zadzwonię", "Buziaki dla dzieci", "Praca praca praca", "Na święta będę 22.12", "Przelałem na konto", "Zmęczony jestem", "❤️", "Daj znać jak Ola", "Kocham was"]
for k in range(70):
    t = T0 + dt.timedelta(days=R.randrange(DAYS), hours=R.randint(7, 23), minutes=R.randint(0, 59))
    if R.random() < .5: inn("WhatsApp: Agnieszka 💕", "WhatsApp", t, WIFE, R.choice(wife_lines_in))
    else: out("WhatsApp: Agnieszka 💕", "WhatsApp", t, WIFE, R.choice(wife_lines_out))
FRIEND = "Bartek Odense +45 20 00 19 83"
fr_in = ["Mecz w sobotę? Lech gra", "Piwo w piątek?", "Masz przyczepę pożyczyć?", "haha dobre", "Widziałeś wynik?", "Sprzedaję opony zimowe, chcesz?", "👍"]
fr_out = ["Nie mogę, praca", "Ok o 19", "Tak, weź w niedzielę", "ile za opony?", "😂", "Lech znowu przegrał"]
for k in range(45):
    t = T0 + dt.timedelta(days=R.randrange(DAYS), hours=R.randint(12, 23), minutes=R.randint(0, 59))
    if R.random() < .5: inn("WhatsApp: Bartek Odense", "WhatsApp", t, FRIEND, R.choice(fr_in))
    else: out("WhatsApp: Bartek Odense", "WhatsApp", t, FRIEND, R.choice(fr_out))
CAR = "Bilhuset Svendborg (SMS) +45 20 00 66 01"
car = [(dt.datetime(2026, 10, 6, 10, 2), "in", "Hej Marek. Din Transporter er klar til afhentning efter service. Pris 4.860 kr. Mvh Bilhuset"),
       (dt.datetime(2026, 10, 6, 10, 30), "out", "Ok tak jeg kommer kl 16"),
       (dt.datetime(2026, 11, 2, 9, 0), "in", "Påmindelse: vinterdæk-skift tirsdag kl. 8.00. Svar JA for at bekræfte."),
       (dt.datetime(2026, 11, 2, 9, 14), "out", "JA")]
for t, d, body in car:
    (inn if d == "in" else out)("SMS: Bilhuset Svendborg", "SMS", t, CAR, body)
for k in range(20):
    t = T0 + dt.timedelta(days=R.randrange(DAYS), hours=R.randint(8, 20))
    inn("SMS: Korte beskeder", "SMS", t, R.choice(["MobilePay", "Telia", "PostNord", "NemID/MitID", "Netto+"]),
        R.choice(["Din kode er %06d" % R.randint(0, 999999), "Din pakke kan afhentes i Pakkeshop REMA 1000 Svendborg. Kode %04d" % R.randint(0, 9999), "Du har modtaget 7.000,00 kr fra Krzysztof M.",
                  "Du har modtaget 7.000,00 kr fra Rafał S.", "Din regning på 249 kr er klar.", "Ugens tilbud: Kaffe 2 stk. 79 kr"]), group=None)
# mark the MobilePay receipts for N1
for m in chats:
    if m["body"].startswith("Du har modtaget 7.000"):
        m["_g"] = G1
# Danish main contractor (lawful background business contact)
RAVN = "Henrik Ravn (Brdr. Ravn A/S) +45 20 00 52 20"
rv = [(dt.datetime(2026, 9, 9, 7, 0), "in", "Godmorgen Marek, stilladset på blok B skal være klar torsdag. Husk sikkerhedskurser til de nye – jeg skal have kopi af jeres papirer."),
      (dt.datetime(2026, 9, 9, 7, 20), "out", "Ok Henrik. Papirer kommer."),
      (dt.datetime(2026, 10, 14, 15, 0), "in", "Jeg mangler stadig ansættelsesbeviser og A1/skattekort på jeres folk. Ellers kan jeg ikke betale næste aconto."),
      (dt.datetime(2026, 10, 14, 15, 45), "out", "Direktøren sender i næste uge."),
      (dt.datetime(2026, 11, 19, 8, 0), "in", "Marek, efter kontrollen i går holder vi betalingen tilbage indtil jeres papirer er i orden."),]
for t, d, body in rv:
    (inn if d == "in" else out)("WhatsApp: Henrik Ravn", "WhatsApp", t, RAVN, body, group=G1 if t.month >= 10 else None)

chats.sort(key=lambda m: (m["chat"], m["t"]))
# exporter order: by chat, then time

# ================================================================ WRITE
os.makedirs(os.path.join(HERE, "bank"), exist_ok=True)
os.makedirs(os.path.join(HERE, "kommune"), exist_ok=True)
os.makedirs(os.path.join(HERE, "telefon"), exist_ok=True)

def write(path, header, rows, delim=";"):
    with open(os.path.join(HERE, path), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=delim, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow(header)
        for r in rows: w.writerow(r)

write("bank/kunder.csv", ["kunde_nr", "kontonr", "navn", "fødselsdato", "statsborgerskab", "mobil", "email", "adresse", "oprettet", "kundetype", "stilling", "indkomst_md", "cpr_bopæl_fra", "sprog", "app_enhed"],
      [[c[k] for k in ("kunde_nr", "kontonr", "navn", "foedt", "statsborgerskab", "mobil", "email", "adresse", "oprettet", "kundetype", "stilling", "indkomst_md", "cpr_bopael_fra", "sprog", "app_enhed")] for c in customers])
for c in customers: tag(c["_g"], "bank/kunder.csv", c["kunde_nr"])

postings.sort(key=lambda p: p["t"])
rows = []
for i, p in enumerate(postings):
    bid = "B%07d" % (2610000 + i)
    rows.append([bid, ts(p["t"]), p["fra"], p["til"], kr(p["beloeb"]), p["kanal"], p["kategori"], p["tekst"], p["by"]])
    tag(p["_g"], "bank/posteringer.csv", bid)
write("bank/posteringer.csv", ["bilag", "bogført", "fra_konto", "til_konto", "beløb", "kanal", "kategori", "tekst", "by"], rows)

# background KYC noise
for c in R.sample(bg, 40):
    t = day(R.randrange(DAYS))
    ev = R.choice(["Ændring", "Ændring", "Video-ID gennemført", "Møde afholdt", "Note"])
    if ev == "Ændring":
        f = R.choice(["telefon", "email", "adresse", "app_enhed"])
        new = {"telefon": phone(), "email": email_for(c["navn"].split()[0], c["navn"].split()[-1], "gmail.com"), "adresse": addr(), "app_enhed": "APP-%06X" % R.randint(0, 0xFFFFFF)}[f]
        old = {"telefon": "mobil", "email": "email", "adresse": "adresse", "app_enhed": "app_enhed"}[f]
        kycn(c, t, ev, f, c[old], new, R.choice(["app", "web", "filial"]))
    else:
        kycn(c, t, ev, kanal=R.choice(["video", "filial", "telefon"]), notat=R.choice(["Periodisk KYC-opdatering.", "Boliglån, rådgivningsmøde.", "Kunden ringede om nyt kort.", "Opdateret oplysninger om indkomst.", ""]))
kyc.sort(key=lambda k: k["t"])
rows = []
for i, k in enumerate(kyc):
    lid = "KYC-%05d" % (i + 1)
    rows.append([lid, k["kunde_nr"], k["t"].strftime("%d/%m/%Y %H:%M"), k["haendelse"], k["felt"], k["foer"], k["efter"], k["kanal"], k["udfoert_af"], k["notat"]])
    tag(k["_g"], "bank/kyc_noter.csv", lid)
write("bank/kyc_noter.csv", ["løbenr", "kunde_nr", "dato", "hændelse", "felt", "før", "efter", "kanal", "udført_af", "notat"], rows)

R.shuffle(insp)
insp.sort(key=lambda n: (n["dato"][6:], n["dato"][3:5], n["dato"][:2]))
rows = []
for i, n in enumerate(insp):
    nid = "TS-2026-%04d" % (101 + i)
    rows.append([nid, n["dato"], n["sted"], n["cvr"], n["adresse"], n["person"], n["nat"], n["tlf"], n["bolig"], n["notat"], n["opf"]])
    tag(n["_g"], "kommune/tilsyn_noter.csv", nid)
write("kommune/tilsyn_noter.csv", ["sagsnr", "besøgsdato", "arbejdssted", "cvr", "adresse", "person_oplyst", "nationalitet_oplyst", "telefon_oplyst", "bopæl_oplyst", "notat", "opfølgning"], rows)

rows = []
for i, m in enumerate(chats):
    rows.append([m["chat"], m["platform"], m["t"].strftime("%Y-%m-%d %H:%M:%S") + "(UTC+%d)" % (2 if m["t"] < dt.datetime(2026, 10, 25, 3) else 1), m["frm"], m["til"], m["body"],
                 "Udgående" if m["frm"].startswith("Marek (ejer)") else "Indgående", "Slettet" if m["deleted"] else "Intakt"])
    tag(m["_g"], "telefon/chat_eksport.csv", i + 1)
write("telefon/chat_eksport.csv", ["Chat", "Kilde-app", "Tidsstempel", "Fra", "Til", "Brødtekst", "Retning", "Status"], rows)

# ================================================================ TRUTH
META = {
 "N1": (True, "labour_exploitation", "Polish construction crew under foreman Marek Wiśniewski (phone seized); nominee Danish owner of Fyn-Bygg Service ApS; wages paid then swept back by MobilePay and ATM the same day; passports and cards kept; debt for travel and bunk; coached answers before the 18-11 inspection; chats deleted.",
        ["RCS-REC-MESSENGER-JOB-AD", "RCS-REC-TOO-GOOD", "RCS-REC-URGENCY", "RCS-REC-EARLY-ID-REQUEST", "RCS-REC-CHANNEL-SWITCH", "RCS-REC-PAID-TRAVEL-HOUSING", "RCS-REC-FEES-DEBT", "RCS-DEBT-QUOTA", "RCS-DOCS-RETAINED", "RCS-RULES-THREATS", "RCS-SURV-ACCOUNT-CONTROL", "RCS-SURV-LOCATION", "RCS-SURV-EVIDENCE-WIPE", "RCS-REMOTE-CONTROLLER", "FIN-WAGES-POOLED", "FIN-WORKER-SWEEP", "FIN-FAN-IN-FROM-WORKERS", "FIN-RECRUIT-FEES-DEDUCTIONS", "FIN-NO-OWN-LIVING-COSTS", "FIN-TRAVEL-FOR-OTHERS", "FIN-PAYMENT-MEMO-CUES", "KYC-BATCH-ONBOARDING", "KYC-THIRD-PARTY-ONBOARDING", "KYC-SHARED-IDENTIFIERS", "KYC-ADDRESS-AT-WORKPLACE", "KYC-CONTACT-TAKEOVER", "KYC-DOC-HANDLING", "KYC-NOMINEE-OWNER", "KYC-AVOID-FACE-TO-FACE", "BEH-SHARED-DEVICE", "BEH-ACCOMPANIED", "BEH-COACHED-ANSWERS", "BEH-FEAR-INJURY"]),
 "N2": (True, "labour_exploitation (debt bondage, nail salon)", "Vietnamese nail salon Lotus Nails run by Nguyễn Văn Hùng behind a Danish nominee owner; four young workers live in the back room, are paid 2,000 kr and pay it back to Hùng's MobilePay (memo 'trả nợ'); Hùng deposits cash under 10,000 kr in several towns and remits 'debt' money to the workers' families in Vietnam.",
        ["KYC-NOMINEE-OWNER", "FIN-BIZ-NO-PAYROLL", "FIN-FRONT-MASSAGE", "KYC-ADDRESS-AT-WORKPLACE", "RCS-LIVES-AT-VENUE", "RCS-REC-FEES-DEBT", "RCS-DEBT-QUOTA", "RCS-DOCS-RETAINED", "FIN-DEBT-REMITTANCE", "FIN-FAN-IN-FROM-WORKERS", "FIN-WORKER-SWEEP", "FIN-PAYMENT-MEMO-CUES", "FIN-THRESHOLD-AVOID", "FIN-MULTI-ATM-DEPOSITS", "FIN-NO-OWN-LIVING-COSTS", "KYC-THIRD-PARTY-ONBOARDING", "KYC-AVOID-FACE-TO-FACE", "KYC-SHARED-IDENTIFIERS", "KYC-CONTACT-TAKEOVER", "KYC-BATCH-ONBOARDING", "KYC-DOC-HANDLING", "BEH-SHARED-DEVICE", "BEH-ACCOMPANIED", "BEH-FEAR-INJURY", "RCS-EARNINGS-CONTROL"]),
 "N3": (True, "sexual_exploitation (massage clinic, Case-1-like)", "Siam Thai Wellness in Faaborg: men pay Kenneth Brandt's private MobilePay in the evening and at night, not the clinic; three Thai women live upstairs, hand back their salary as 'bolig og mad', their phone numbers were changed to his by phone; cameras; money sent to a 'boss in Bangkok'.",
        ["FIN-BUYER-PAYS-THIRD-PARTY", "FIN-AFTER-HOURS", "FIN-FRONT-MASSAGE", "FIN-WORKER-SWEEP", "FIN-NO-OWN-LIVING-COSTS", "RCS-EARNINGS-CONTROL", "RCS-LIVES-AT-VENUE", "RCS-SURV-CAMERAS", "RCS-RULES-THREATS", "RCS-REMOTE-CONTROLLER", "RCS-REC-FEES-DEBT", "BEH-CONTACT-PROXY", "KYC-CONTACT-TAKEOVER", "KYC-SHARED-IDENTIFIERS", "KYC-ADDRESS-AT-WORKPLACE", "BEH-SHARED-DEVICE", "KYC-PROFILE-MISMATCH"]),
 "L1": (False, "lawful Polish construction firm with housing", "Bud-Fyn ApS: pays collective-agreement wages with payslips, A-skat and ATP; four workers rent firm rooms at one address by written lease (memo 'czynsz'); director writes to Marek in Polish asking for carpenters.",
        ["KYC-ADDRESS-AT-WORKPLACE", "KYC-BATCH-ONBOARDING", "FIN-FAN-IN-FROM-WORKERS", "RCS-REC-PAID-TRAVEL-HOUSING"]),
 "L2": (False, "lawful Vietnamese nail salon", "Kim Nails Nyborg owned and run by Trần Thị Mai: full salaries, A-skat, workers live in their own flats and send money home ('gửi mẹ'); MobilePay for lunch in Vietnamese.",
        ["FIN-FRONT-MASSAGE", "FIN-DEBT-REMITTANCE", "FIN-PAYMENT-MEMO-CUES"]),
 "L3": (False, "seasonal fruit farm with housing", "Tåsinge Frugt & Bær: Romanian and Ukrainian seasonal workers onboarded together by the farm office, living at the farm; rent deducted on the payslip; remittances home; leave at season end.",
        ["KYC-BATCH-ONBOARDING", "KYC-THIRD-PARTY-ONBOARDING", "KYC-ADDRESS-AT-WORKPLACE", "FIN-RECRUIT-FEES-DEDUCTIONS", "FIN-DEBT-REMITTANCE"]),
 "L4": (False, "independent sex worker", "Nadia Kowalczyk takes MobilePay from many men afternoons and evenings on her own number, pays her own rent, B-skat and ad-site fee.",
        ["FIN-AFTER-HOURS", "FIN-AD-SITE-PAYMENTS", "FIN-FAN-IN-FROM-WORKERS"]),
 "L5": (False, "family sharing address, phone and app device", "Haddad family: parents share one phone, e-mail and app device; son holds power of attorney and calls the bank for them; children chip in for rent.",
        ["KYC-SHARED-IDENTIFIERS", "KYC-CONTACT-TAKEOVER", "KYC-THIRD-PARTY-ONBOARDING", "BEH-SHARED-DEVICE"]),
 "L6": (False, "students sharing a flat", "Five students at one address; four pay 'husleje' by MobilePay to one who pays the landlord.",
        ["FIN-FAN-IN-FROM-WORKERS", "KYC-SHARED-IDENTIFIERS"]),
 "L7": (False, "landlord collecting rent from many", "Hansen Udlejning ApS receives rent from 16 tenants on the 1st and pays property tax and repairs.",
        ["FIN-FAN-IN-FROM-WORKERS"]),
 "L8": (False, "sports club collecting fees", "Svendborg Håndboldklub receives membership fees and a tournament bus fee by MobilePay Box.",
        ["FIN-FAN-IN-FROM-WORKERS", "FIN-TRAVEL-FOR-OTHERS"]),
 "L9": (False, "owner-run Thai massage", "Arunee Thai Massage in Rudkøbing: the Thai-born owner is the only masseuse, takes MobilePay MyShop in daytime, pays B-skat.",
        ["FIN-FRONT-MASSAGE", "BEH-ETHNICITY-MARKETING"]),
}
def yq(s): return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'
with open(os.path.join(HERE, "truth.yaml"), "w", encoding="utf-8") as f:
    f.write("# kommune-sydfyn: truth (written blind on 2026-12-07)\n# members: file -> row ids (bank: kunde_nr, bilag, løbenr; kommune: sagsnr; chat export: 1-based data line number)\n")
    f.write("world: kommune-sydfyn\ngroups:\n")
    for gid in ("N1", "N2", "N3", "L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8", "L9"):
        pos, typ, desc, ind = META[gid]
        f.write("  - id: %s\n    positive: %s\n    typology: %s\n    description: %s\n    indicators: [%s]\n    members:\n" % (gid, "true" if pos else "false", yq(typ), yq(desc), ", ".join(ind)))
        for file in ("bank/kunder.csv", "bank/posteringer.csv", "bank/kyc_noter.csv", "kommune/tilsyn_noter.csv", "telefon/chat_eksport.csv"):
            ids = truth[gid].get(file, [])
            if ids:
                f.write("      %s: [%s]\n" % (file, ", ".join(yq(x) if isinstance(x, str) else str(x) for x in ids)))
print({k: len(v) for k, v in [("kunder", customers), ("posteringer", postings), ("kyc", kyc), ("tilsyn", insp), ("chat", chats)]})
