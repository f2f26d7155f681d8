#!/usr/bin/env python3
"""Blind synthetic world 'emoney-oresund' (written blind, 2026-12-07).

Imitates three data owners around Øresund/Denmark:
  * Kvikpung A/S, an e-money issuer (prepaid wallet + card + P2P 'Send'):
      kvikpung_kunder.jsonl, kvikpung_posteringer.csv, kvikpung_logins.tsv
  * Opslagstavlen.dk, a classifieds site: opslag_annoncer.jsonl, opslag_beskeder.csv
  * Gadeplan Øst, an NGO doing outreach: gadeplan_logbog.csv and two chat exports
    handed in by clients (chat_ioana_whatsapp.txt, chat_mikkel_telegram.txt)
Standard library only; fixed seed; re-running writes the same bytes.
"""
import json
import os
import random
from datetime import datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(20261207)
START = datetime(2026, 9, 1)
END = datetime(2026, 11, 30, 23, 59)
DAYS = (END - START).days + 1

# ------------------------------------------------------------------ helpers
_phone_n = [0]


def new_phone():
    _phone_n[0] += 1
    n = _phone_n[0]
    return "+45 20 00 %02d %02d" % (n // 100 % 100, n % 100)


_dev_n = [0]


def new_device(kind="and"):
    _dev_n[0] += 1
    return "%s-%06x" % (kind, 0x3a0000 + _dev_n[0] * 7919)


def rnd_time(day=None, h0=7, h1=22):
    if day is None:
        day = START + timedelta(days=R.randrange(DAYS))
    return day.replace(hour=0, minute=0) + timedelta(
        minutes=R.randrange(h0 * 60, h1 * 60))


def cph_offset(dt):
    """Europe/Copenhagen UTC offset in hours for a naive local time (EU summer time rule)."""
    def last_sunday(y, m):
        d = datetime(y, m + 1, 1) - timedelta(days=1) if m < 12 else datetime(y, 12, 31)
        return d - timedelta(days=(d.weekday() + 1) % 7)
    a = last_sunday(dt.year, 3).replace(hour=2)
    b = last_sunday(dt.year, 10).replace(hour=3)
    return 2 if a <= dt < b else 1


def epoch_utc(dt):
    return int((dt - timedelta(hours=cph_offset(dt)) - datetime(1970, 1, 1)).total_seconds())


def ip_dk():
    return "%d.%d.%d.%d" % (R.choice([77, 80, 87, 93, 188, 212]), R.randrange(256),
                            R.randrange(256), R.randrange(1, 255))


FIRST_DK = ["Mette", "Anne", "Kirsten", "Hanne", "Louise", "Camilla", "Sofie", "Emma", "Ida",
            "Julie", "Lars", "Jens", "Peter", "Michael", "Søren", "Thomas", "Mads", "Rasmus",
            "Frederik", "Oliver", "Lukas", "Mathias", "Christian", "Henrik", "Ole", "Birgit",
            "Freja", "Signe", "Kasper", "Nikolaj", "Morten", "Line", "Tobias", "Laura", "Asger"]
LAST_DK = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen",
           "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen",
           "Thomsen", "Poulsen", "Johansen", "Møller", "Mortensen", "Lund", "Holm", "Kjær",
           "Dahl", "Bech", "Skov", "Vestergaard", "Bak", "Lauridsen", "Frost", "Krogh"]
STREETS = ["Vesterbrogade", "Nørregade", "Søndergade", "Østergade", "Algade", "Jernbanegade",
           "Skolevej", "Kirkevej", "Møllevej", "Parkvej", "Strandvejen", "Bakkedraget",
           "Engvej", "Rosenvænget", "Kastanjevej", "Ahornvej"]
CITIES = [("København V", "1620"), ("Aarhus C", "8000"), ("Odense C", "5000"),
          ("Aalborg", "9000"), ("Vejle", "7100"), ("Kolding", "6000"), ("Roskilde", "4000"),
          ("Helsingør", "3000"), ("Esbjerg", "6700"), ("Randers C", "8900"),
          ("Frederiksberg", "2000"), ("Køge", "4600")]
CITY_NAMES = ["København", "Aarhus", "Odense", "Aalborg", "Vejle", "Kolding", "Roskilde",
              "Helsingør", "Esbjerg", "Randers", "Frederiksberg", "Køge"]


def addr():
    c, z = R.choice(CITIES)
    return "%s %d, %s %s" % (R.choice(STREETS), R.randrange(1, 140), z, c), c


# ------------------------------------------------------------------ stores
customers = []      # dicts, written as JSON lines
txns = []           # dicts; id assigned after sorting
logins = []
ads = []
pmsgs = []          # platform messages (no id)
ngolog = []         # NGO log (no id)
chat_ioana = []     # (dt, sender, text, tag)
chat_mikkel = []

TAGS = {}           # tag -> {file: [ids/lines]}


def tag_add(tag, fname, ident):
    if tag:
        TAGS.setdefault(tag, {}).setdefault(fname, []).append(ident)


_cust_n = [0]


def customer(name, born, phone, email, address, opened, device, occ, income_md, nat="DK",
             lang="da", tag=None, note=None, kyc="MitID"):
    _cust_n[0] += 1
    wid = "KP%06d" % (104000 + _cust_n[0] * 3)
    c = {"wallet_id": wid, "navn": name, "foedt": born, "nationalitet": nat,
         "mobil": phone, "mail": email, "adresse": address,
         "oprettet": opened.strftime("%Y-%m-%dT%H:%M:%S") + "+%02d:00" % cph_offset(opened),
         "oprettet_paa_enhed": device, "beskaeftigelse": occ,
         "indkomst_pr_md": income_md, "sprog": lang, "legitimation": kyc,
         "bemaerkning": note or ""}
    customers.append(c)
    tag_add(tag, "kvikpung_kunder.jsonl", wid)
    c["_tag"] = tag
    return c


def txn(ts, fra, til, amount, kind, text="", merchant="", mcc="", city="", country="DK",
        tag=None):
    txns.append({"ts": ts, "fra": fra, "til": til, "amount": amount, "kind": kind,
                 "text": text, "merchant": merchant, "mcc": mcc, "city": city,
                 "country": country, "_tag": tag})


def login(wid, ts, device, ip, country="DK", event="login", tag=None):
    logins.append({"wid": wid, "ts": ts, "device": device, "ip": ip, "country": country,
                   "event": event, "_tag": tag})


_ad_n = [0]


def ad(ts, cat, city, profile, title, body, phone, contact="", price="", photos=(),
       lang="da", tag=None, status="aktiv"):
    _ad_n[0] += 1
    aid = "OT-%d" % (770000 + _ad_n[0] * 13)
    ads.append({"annonce_id": aid, "oprettet": epoch_utc(ts), "kategori": cat, "by": city,
                "profilnavn": profile, "overskrift": title, "tekst": body,
                "telefon": phone, "kontakt": contact, "pris": price,
                "billeder": ",".join(photos), "sprog_i_profil": lang, "status": status,
                "_ts": ts, "_tag": tag})
    return aid


def pmsg(ts, aid, frm, to, text, tag=None):
    pmsgs.append({"ts": ts, "aid": aid, "frm": frm, "to": to, "text": text, "_tag": tag})


def ngo(ts, worker, place, person, phone, lang, note, tag=None):
    ngolog.append({"ts": ts, "worker": worker, "place": place, "person": person,
                   "phone": phone, "lang": lang, "note": note, "_tag": tag})


def wallet_id_of(c):
    return c["wallet_id"]


# ------------------------------------------------------------------ merchants
GROCERY = [("Netto", "5411"), ("Rema 1000", "5411"), ("Føtex", "5411"), ("Lidl", "5411"),
           ("Meny", "5411"), ("SuperBrugsen", "5411"), ("Coop 365", "5411")]
OTHER = [("7-Eleven", "5499", 35, 120), ("Circle K", "5541", 250, 700),
         ("DSB", "4112", 24, 420), ("Rejsekort", "4111", 100, 300), ("Wolt", "5812", 120, 380),
         ("Just Eat", "5812", 110, 350), ("Matas", "5977", 60, 400), ("Bilka", "5311", 150, 900),
         ("Spotify", "5815", 109, 109), ("Apotek", "5912", 40, 300),
         ("Sportmaster", "5941", 200, 900), ("Café Korn", "5814", 45, 160),
         ("Normal", "5331", 30, 220), ("Jysk", "5712", 150, 1500)]
P2P_MEMO = ["pizza 🍕", "tak for i går", "biograf", "øl", "gave til mor", "fødselsdag",
            "benzin", "din halvdel", "🍻", "koncert", "frokost", "lån tilbage", "sushi",
            "bowling", "taxa hjem", "🎁", "kaffe", "", "", ""]

# ------------------------------------------------------------------ background customers
OCC = [("Lønmodtager", 24000, 42000), ("Studerende", 6500, 12000), ("Pensionist", 14000, 21000),
       ("Selvstændig", 18000, 45000), ("Lønmodtager", 26000, 38000), ("Ledig", 11000, 16000)]
bg = []
for i in range(88):
    fn, ln = R.choice(FIRST_DK), R.choice(LAST_DK)
    a, c = addr()
    occ, lo, hi = R.choice(OCC)
    born = "%02d/%02d/%d" % (R.randrange(1, 29), R.randrange(1, 13),
                             R.randrange(1950, 2006) if occ != "Studerende"
                             else R.randrange(1998, 2007))
    opened = START - timedelta(days=R.randrange(20, 900)) + timedelta(minutes=R.randrange(1440))
    dev = new_device(R.choice(["and", "ios"]))
    cu = customer("%s %s" % (fn, ln), born, new_phone(),
                  "%s.%s%d@%s" % (fn.lower(), ln.lower(), R.randrange(10, 99),
                                  R.choice(["gmail.com", "hotmail.com", "outlook.dk", "mail.dk"])),
                  a, opened, dev, occ, "%d" % (R.randrange(lo, hi) // 100 * 100))
    cu["_city"] = c.split()[0]
    cu["_dev"] = dev
    bg.append(cu)

for cu in bg:
    wid = cu["wallet_id"]
    city = cu["_city"]
    # monthly top-up from own bank
    for m in range(3):
        d = START + timedelta(days=30 * m + R.randrange(0, 4))
        txn(rnd_time(d, 6, 9), "BANK " + cu["navn"], wid, R.choice([1000, 1500, 2000, 3000, 4000]),
            "Optankning", "Overførsel fra egen bankkonto")
    n = R.randrange(4, 9)
    for _ in range(n):
        t = rnd_time(None, 8, 21)
        if R.random() < 0.5:
            m, mcc = R.choice(GROCERY)
            amt = round(R.uniform(45, 620), 2)
        else:
            m, mcc, lo, hi = R.choice(OTHER)
            amt = round(R.uniform(lo, hi), 2)
        txn(t, wid, m, amt, "Kort", "", m, mcc, city)
    for _ in range(R.randrange(0, 4)):
        other = R.choice(bg)
        if other is cu:
            continue
        txn(rnd_time(None, 10, 23), wid, other["wallet_id"], R.choice([50, 75, 100, 120, 150, 200, 250, 300]),
            "Send", R.choice(P2P_MEMO))
    for _ in range(R.randrange(2, 5)):
        login(wid, rnd_time(None, 7, 23), cu["_dev"], ip_dk())

# ------------------------------------------------------------------ ordinary classifieds
FURN = [("Sofa sælges", "3-personers sofa, grå, 4 år gammel. Afhentes.", 1200),
        ("Spisebord m. 6 stole", "Eg, lidt brugsspor. Skal hentes i weekenden.", 1800),
        ("Barnevogn Emmaljunga", "Velholdt, med regnslag og lift.", 1500),
        ("Cykel 26\"", "Damecykel 7 gear, ny kæde.", 650),
        ("iPhone 13 128 GB", "Ingen ridser, original æske medfølger.", 2900),
        ("Vinterdæk 16\"", "4 stk, 6 mm mønster.", 1400),
        ("Reol fra IKEA", "Billy, hvid, 2 stk.", 300),
        ("PS5 med 2 controllere", "Virker perfekt, sælges pga. flytning.", 3200),
        ("Havetrampolin", "Ø 3,66 m, net skal skiftes.", 400),
        ("Brændeovn", "Morsø, røgrør medfølger.", 2500)]
JOBS = [("Opvasker søges", "Restaurant i {c} søger opvasker til aftenvagter. Løn efter overenskomst.", ""),
        ("Pædagogmedhjælper, vikar", "Børnehuset i {c} søger vikar. Ring til lederen.", ""),
        ("Chauffør C-kørekort", "Vognmand i {c}. Fast arbejde, overenskomst, pension.", ""),
        ("Rengøringsassistent 25 t/uge", "Rengøringsfirma med kollektiv overenskomst søger medarbejder i {c}. CVR 00000000.", ""),
        ("Lagermedarbejder", "Lager i {c} søger medarbejder til 2-holdsskift via vikarbureau.", ""),
        ("Tjener weekend", "Café i {c} søger smilende tjener. Erfaring en fordel.", "")]
for i in range(125):
    t = rnd_time(None, 7, 23)
    city = R.choice(CITY_NAMES)
    if R.random() < 0.72:
        ti, bo, p = R.choice(FURN)
        ad(t, "Til salg", city, R.choice(FIRST_DK), ti, bo, new_phone(), "", str(int(p * R.uniform(0.8, 1.2)) // 50 * 50))
    else:
        ti, bo, p = R.choice(JOBS)
        ad(t, "Job", city, R.choice(["Restaurant Havnen", "Vikarservice ApS", "Rengøring Nord ApS",
                                     "Børnehuset Mælkebøtten", "Vognmand Bak", "Café Torvet"]),
           ti, bo.format(c=city), new_phone(), "")

# independent adult massage/escort ads (lawful background), everyday vocabulary at real shares
NAMES_ESC = ["Sara", "Nadia", "Lea", "Vicky", "Mia", "Nicole", "Jasmin", "Sandra", "Kim", "Jenny",
             "Lola", "Bella", "Angel", "Tina", "Maja", "Eva", "Natalie", "Rose", "Luna", "Ruby",
             "Stine", "Carmen", "Diana", "Linda", "Amanda"]
VOC = [("ung", .117), ("frisk", .029), ("petite", .082), ("sød", .33), ("babe", .097),
       ("100% ægte", .193), ("ægte billeder", .116), ("selvstændig", .201), ("kun sms", .026),
       ("24/7", .044), ("ledig nu", .058), ("GFE", .021), ("latina", .098), ("asiatisk", .134),
       ("massage", .3)]
EMO = [("🎀", .095), ("🍭", .115), ("🍬", .042), ("🍒", .068), ("👅", .195), ("💋", .434),
       ("🌹", .088), ("🍑", .064), ("✨", .3), ("😘", .3)]
indep = []
for i, nm in enumerate(NAMES_ESC[:22]):
    ph = new_phone()
    city = R.choice(CITY_NAMES)
    words = [w for w, s in VOC if R.random() < s]
    emo = "".join(e for e, s in EMO if R.random() < s)
    age = R.choice([19, 23, 25, 27, 29, 31, 34, 38, 42]) if R.random() > 0.05 else 19
    base = ("Hej, jeg hedder %s, %d år. Jeg tager imod i egen lejlighed i %s eller kommer til dig. "
            "Diskret og hyggelig. Ring eller skriv for tid. %s" % (nm, age, city, " ".join(words)))
    for k in range(R.randrange(2, 5)):
        t = rnd_time(None, 9, 23)
        title = "%s %s %s" % (nm, emo, ["", "i dag", "ny uge", "weekend"][k % 4])
        aid = ad(t, "Massage & escort", city, nm, title.strip(), base, ph, "",
                 str(R.choice([1000, 1200, 1500, 1800, 2000])), ["img%05x" % (i * 97 + 11)], "da,en")

# ordinary platform messages about furniture
for i in range(112):
    a = R.choice([x for x in ads if x["kategori"] == "Til salg"])
    t = a["_ts"] + timedelta(hours=R.randrange(1, 60))
    buyer = "bruger%05d" % R.randrange(10000, 99999)
    seller = "bruger%05d" % (int(a["annonce_id"][3:]) % 90000 + 10000)
    q = R.choice(["Hej, er den stadig til salg?", "Kan du gå lidt ned i pris?",
                  "Hvornår kan den hentes?", "Hej! Kan jeg hente i morgen efter kl 17?",
                  "Er der mulighed for levering?", "Hvad er målene?"])
    pmsg(t, a["annonce_id"], buyer, seller, q)
    if R.random() < 0.7:
        pmsg(t + timedelta(minutes=R.randrange(5, 300)), a["annonce_id"], seller, buyer,
             R.choice(["Ja den er der stadig", "Du kan få den for lidt mindre hvis du henter i dag",
                       "Fint, adressen får du på sms", "Den er desværre solgt", "Ja det kan godt lade sig gøre"]))

# NGO background log
NGO_W = ["Karen (sygeplejerske)", "Amalie", "Jonas", "Dorthe"]
BG_NOTES = ["Udleveret kondomer og glidecreme. Ingen bekymring.",
            "Kort snak, hun kender vores klinik i forvejen.",
            "Spurgte til skat og moms som selvstændig, henvist til rådgiver.",
            "Fulgt op på tandlægetid. Hun har det godt.",
            "Ingen hjemme. Lagt folder.",
            "Snak om sikkerhed ved udekørende kunder. Hun arbejder selv og bestemmer selv.",
            "Hun ønsker ikke kontakt, respekteret.",
            "Spurgte efter gratis test. Aftalt tid onsdag."]
for i in range(38):
    t = rnd_time(None, 10, 22)
    ngo(t, R.choice(NGO_W), R.choice(["Istedgade", "Lejlighed, Vesterbro", "Massageklinik, Odense",
                                      "Escort (telefon)", "Lejlighed, Aarhus C", "Gadeplan, Halmtorvet"]),
        R.choice(NAMES_ESC), "", R.choice(["dansk", "engelsk", "spansk", "thai"]), R.choice(BG_NOTES))

# ==================================================================== NETWORK N1
# Sexual exploitation: Romanian women moved between hotels/short lets in four cities; the
# controller (Marius) writes the ads, fronts the phone, takes buyers' payments on his wallet,
# opened the women's wallets from his own phone and sweeps what reaches them.
T1 = "N1"
m_phone = new_phone()
m_dev = new_device("and")
marius = customer("Marius Dobre", "14/03/1988", m_phone, "mdobre88@gmail.com",
                  "Bredgade 41, 1. th, 6000 Kolding", datetime(2026, 7, 2, 13, 10), m_dev,
                  "Selvstændig (transport)", "22000", "RO", "ro", T1)
cousin = customer("Florin Dobre", "02/11/1991", new_phone(), "florin.dobre91@yahoo.com",
                  "Bredgade 41, 1. th, 6000 Kolding", datetime(2026, 7, 2, 13, 40), m_dev,
                  "Chauffør", "18000", "RO", "ro", T1)
women = []
wnames = [("Ioana Stan", "Ana", "09/06/2003"), ("Roxana Vlad", "Bianca ", "22/01/2001"),
          ("Elena Munteanu", "Sabrina", "17/08/2004"), ("Daniela Pop", "Alexa", "30/12/2002")]
for j, (nm, alias, born) in enumerate(wnames):
    w = customer(nm, born, m_phone if j < 2 else "+40 700 000 %03d" % (110 + j),
                 "%s%d@gmail.com" % (nm.split()[0].lower(), 2026 + j),
                 "Bredgade 41, 1. th, 6000 Kolding",
                 datetime(2026, 8, 24, 19, 5 + j * 6), m_dev, "Rengøring", "12000", "RO", "ro", T1,
                 note="Pas-scanning uploadet fra samme enhed")
    w["_alias"] = alias.strip()
    women.append(w)
for w in women + [marius, cousin]:
    login(w["wallet_id"], w and datetime(2026, 8, 24, 19, 5), m_dev, "77.%d.14.201" % 112, tag=T1) \
        if w in women else None
# logins: women's wallets mostly from Marius's phone; Marius sometimes from Romania
for d in range(0, DAYS, 3):
    day = START + timedelta(days=d)
    for w in women:
        if R.random() < 0.5:
            login(w["wallet_id"], rnd_time(day, 9, 12), m_dev, "77.241.14.%d" % R.randrange(2, 250), tag=T1)
    if R.random() < 0.4:
        ctry = "RO" if 40 <= d <= 52 else "DK"
        login(marius["wallet_id"], rnd_time(day, 8, 23), m_dev,
              "86.124.%d.%d" % (R.randrange(256), R.randrange(256)) if ctry == "RO" else "77.241.14.9",
              ctry, tag=T1)
# circuit: city blocks of ~5 days, repeating
circuit = ["Aarhus", "Odense", "Aalborg", "København", "Vejle"]
hotels = {"Aarhus": "Hotel Kongsgaard Aarhus", "Odense": "CityStay Odense",
          "Aalborg": "Hotel Limfjord Aalborg", "København": "Cabinn-lignende Hotel Øresund",
          "Vejle": "Fjordhotel Vejle"}
shortlet = "Airbnb * ophold"
tmpl = ("{name} 💋 ny i byen kun få dage! Sød og frisk pige {age} år fra {land} 🌹 "
        "100% ægte billeder. Hun tilbyder alt, også uden, GFE, massage, overnatning. "
        "Åben 24/7, ring eller sms {tel}. Hotel diskret i {city}.")
engtmpl = ("NEW {name} {age}yo in {city} 💋 young and sweet girl from {land}, real pics. "
           "She do everything, no limits, 24/7 incall hotel. Call/whatsapp {tel}")
obf = "tyve nul nul %s %s" % (m_phone[-5:-3], m_phone[-2:])
ad_ids_n1 = []
blk = 0
day = START + timedelta(days=2)
while day < END - timedelta(days=3):
    city = circuit[blk % len(circuit)]
    # controller pays the stay: two rooms / or short let
    nights = R.randrange(4, 7)
    for room in range(2):
        txn(rnd_time(day, 14, 17), marius["wallet_id"], hotels[city] if room == 0 or R.random() < .5 else shortlet,
            round(nights * R.uniform(640, 890), 2), "Kort", "", hotels[city] if room == 0 else shortlet,
            "7011", city, tag=T1)
    # bump fees on the ad site
    for k in range(3):
        txn(rnd_time(day + timedelta(days=k), 0, 3) if k == 1 else rnd_time(day + timedelta(days=k), 9, 23),
            marius["wallet_id"], "Opslagstavlen.dk", 49.0, "Kort", "Fremhævning", "Opslagstavlen.dk",
            "5968", "", tag=T1)
    # ads for each woman in this city, written by the controller
    for j, w in enumerate(women):
        if blk % 2 == 0 and j == 3:
            continue
        t = rnd_time(day, 9, 11)
        eng = R.random() < 0.4
        body = (engtmpl if eng else tmpl).format(name=w["_alias"], age=R.choice([19, 20, 21]),
                                                 land=R.choice(["Rumænien", "Østeuropa"]) if not eng else "Romania",
                                                 tel=obf if j == 2 else m_phone, city=city)
        aid = ad(t, "Massage & escort", city, w["_alias"], "%s %s ny i %s" % (w["_alias"], "💋🎀", city),
                 body, m_phone, "WhatsApp", R.choice(["700", "800", "900"]),
                 ["n1p%02d" % (j * 3 + (blk % 3))], "ro", T1)
        ad_ids_n1.append(aid)
        # a couple of buyer chats on the platform
        if R.random() < 0.45:
            b = "bruger%05d" % R.randrange(10000, 99999)
            tb = t + timedelta(hours=R.randrange(2, 10))
            pmsg(tb, aid, b, "tavle_%s" % m_phone[-5:].replace(" ", ""),
                 R.choice(["Hej, er %s ledig i aften?" % w["_alias"], "hvad koster en time", "Kan jeg komme kl 23?"]), T1)
            pmsg(tb + timedelta(minutes=R.randrange(2, 15)), aid, "tavle_%s" % m_phone[-5:].replace(" ", ""), b,
                 R.choice(["Ja hun er klar. 1 time 900, betaling MobilePay/Kvikpung til %s før du kommer op" % m_phone,
                           "Hvilken pige vil du have? Ana eller Sabrina. Hun taler ikke dansk, kun lidt engelsk",
                           "Send penge først til %s, så får du værelsesnummer" % m_phone]), T1)
    # buyers pay the controller's wallet (P2P from many one-off payers), evenings/nights
    for k in range(nights):
        dd = day + timedelta(days=k)
        for _ in range(R.randrange(2, 5)):
            payer = "Ekstern: +45 %s" % "20 00 9%d %02d" % (R.randrange(10), R.randrange(100))
            memo = R.choice(["", "", "", "massage", "Ana", "Sabrina", "🌹", "aften", "hotel", "1t"])
            txn(rnd_time(dd, 19, 24) if R.random() < .8 else rnd_time(dd + timedelta(days=1), 0, 3),
                payer, marius["wallet_id"], R.choice([800, 900, 900, 1500, 1600]), "Send", memo, tag=T1)
        # some customers pay the women directly in cash, which the women top up and is swept
    for w in women:
        tu = rnd_time(day + timedelta(days=nights - 1), 22, 24)
        amt = R.choice([2000, 2500, 3000, 3500])
        txn(tu, "Kontant indbetaling 7-Eleven", w["wallet_id"], amt, "Optankning",
            "Kontant optankning", "7-Eleven", "6540", city, tag=T1)
        txn(tu + timedelta(hours=R.randrange(1, 10)), w["wallet_id"], marius["wallet_id"], amt - R.choice([0, 0, 100, 200]),
            "Send", R.choice(["", "", "datorie", "chirie", "M"]), tag=T1)
    # Marius passes money on to Florin and abroad
    txn(rnd_time(day + timedelta(days=nights), 10, 16), marius["wallet_id"], "RO00 XXXX 0000 0000 1188 (Banca, Craiova)",
        R.choice([9500, 9800, 9900]), "Overførsel", "familie", "", "", "", "RO", tag=T1)
    txn(rnd_time(day + timedelta(days=nights), 10, 16), marius["wallet_id"], "Danske Spil",
        R.choice([500, 1000, 2000]), "Kort", "", "Danske Spil", "7995", "", tag=T1)
    # the women's wallets: almost no own living costs, only small 7-Eleven/Matas
    for w in women:
        if R.random() < 0.5:
            txn(rnd_time(day + timedelta(days=1), 12, 18), w["wallet_id"], "Matas", round(R.uniform(40, 120), 2),
                "Kort", "", "Matas", "5977", city, tag=T1)
    # rides between hotels
    for _ in range(R.randrange(2, 4)):
        txn(rnd_time(day + timedelta(days=R.randrange(nights)), 21, 24), marius["wallet_id"], "Dantaxi",
            round(R.uniform(120, 380), 2), "Kort", "", "Dantaxi", "4121", city, tag=T1)
    day += timedelta(days=nights)
    blk += 1
# bulk deletion of the ads after the NGO visit / police contact (status slettet)
for a in ads:
    if a["_tag"] == T1 and a["_ts"] > datetime(2026, 11, 20):
        a["status"] = "slettet af bruger 2026-11-27 03:1%d" % R.randrange(10)

ngo(datetime(2026, 10, 14, 21, 30), "Amalie", "Hotel Limfjord Aalborg (værelse 214)", "Ana", m_phone,
    "rumænsk (via tolk på telefon)",
    "To unge kvinder på samme værelse, det var en mand der tog telefonen da vi ringede. "
    "Ana siger hun gør rengøring. Hun har ikke selv pas, 'M har det'. Flytter videre på fredag.", T1)
ngo(datetime(2026, 10, 29, 20, 15), "Karen (sygeplejerske)", "CityStay Odense", "Sabrina", m_phone,
    "rumænsk/engelsk", "Ville ikke tale længe, kigger på telefonen hele tiden. Der holder en sort bil "
    "udenfor. Spurgte om test, sagde at hun skal spørge først.", T1)
ngo(datetime(2026, 11, 22, 14, 0), "Dorthe", "Gadeplan Øst kontor", "Ioana (Ana)", "+40 700 000 990",
    "rumænsk", "Kom selv ind sammen med veninde. Vil hjem. Gæld på 'bilet og hotel' 18.000 kr som stiger. "
    "Hun har vist chat fra telefon (gemt som chat_ioana_whatsapp.txt). Henvist til CMM.", T1)

# Ioana's WhatsApp chat with Marius (Romanian), handed in at the NGO
cd = datetime(2026, 9, 20, 11, 2)
IO = [("Marius", "Azi mergeți la Odense. Trenul la 14. Nu vorbiți cu nimeni la recepție"),
      ("Ioana", "ok"),
      ("Marius", "Trimite-mi locatia cand ajungi"),
      ("Ioana", "Am ajuns. camera 31"),
      ("Marius", "Ai facut doar 3 clienti ieri. Trebuie minim 6. Altfel amenda 500"),
      ("Ioana", "Ma doare rau, vreau o zi libera"),
      ("Marius", "Nu exista zi libera pana platesti datoria. Bilet, hotel, reclame. Mai ai 14.000"),
      ("Marius", "Banii cash ii pui pe card la 7-Eleven si mi-i trimiti pe Kvikpung. Tot"),
      ("Ioana", "Si pentru mancare?"),
      ("Marius", "Florin aduce mancare. Nu ai nevoie de bani"),
      ("Marius", "Poza acum din camera. Vreau sa vad ca esti acolo"),
      ("Ioana", "<Media omitted>"),
      ("Marius", "Pasaportul ramane la mine ca sa nu-l pierzi"),
      ("Ioana", "Vreau sa vorbesc cu mama"),
      ("Marius", "Daca pleci, mama ta afla ce faci aici. Am pozele"),
      ("Marius", "Maine Aalborg. Pregateste-te la 10"),
      ("Ioana", "Da"),
      ("Marius", "Trimite locatia"),
      ("Ioana", "📍 Location: https://maps.google.com/?q=57.0480,9.9187"),
      ("Marius", "Azi 7 clienti. Bine. Mai ai 12.500"),
      ("Marius", "Sterge mesajele in fiecare seara")]
for s, tx in IO:
    cd += timedelta(minutes=R.randrange(1, 600))
    chat_ioana.append((cd, s, tx, T1))

# ==================================================================== NETWORK N2
# Labour exploitation: car wash in Kolding/Vejle. Moldovan/Ukrainian workers recruited by a
# Russian-language ad, wallets opened at the agent's address with the agent's phone; wages come
# as 'løn' but are pooled and mostly sent back to the agent for housing/transport/debt.
T2 = "N2"
v_phone = new_phone()
v_dev = new_device("ios")
vasyl = customer("Vasile Ciobanu", "05/05/1979", v_phone, "vasile.cb@mail.ru",
                 "Skovvangen 12, 6000 Kolding", datetime(2026, 3, 11, 9, 40), v_dev,
                 "Konsulent", "15000", "MD", "ru", T2)
washco = customer("Glans Bilvask ApS", "", new_phone(), "info.glansbilvask@gmail.com",
                  "Industrivej 88, 7100 Vejle", datetime(2025, 11, 2, 10, 0), new_device("web"),
                  "Erhverv: bilvask (CVR 00000000, ejer reg. 2026-05: Ion Rusu, bopæl Moldova)",
                  "220000", "DK", "da", T2, kyc="CVR+MitID Erhverv")
workers = []
for j, (nm, born) in enumerate([("Ion Rusu", "12/02/1997"), ("Andrii Kovalenko", "03/09/1993"),
                                 ("Serghei Lungu", "27/06/1999"), ("Mykola Bondar", "19/01/1990"),
                                 ("Petru Ceban", "08/10/2001")]):
    w = customer(nm, born, v_phone, "", "Skovvangen 12, 6000 Kolding",
                 datetime(2026, 8, 3, 10, 12) + timedelta(minutes=9 * j), v_dev,
                 "Bilvasker", "19000", "MD" if j % 2 == 0 else "UA", "ru", T2,
                 note="Kom med tolk (V. Ciobanu), som svarede på spørgsmålene" if j < 3 else "")
    workers.append(w)
for d in range(0, DAYS, 4):
    for w in workers:
        if R.random() < 0.6:
            login(w["wallet_id"], rnd_time(START + timedelta(days=d), 18, 21), v_dev,
                  "87.61.200.%d" % R.randrange(2, 250), tag=T2)
# recruitment ad (Russian), on the classifieds job section
ad(datetime(2026, 7, 10, 21, 4), "Job", "Vejle", "Работа Дания",
   "Работа в Дании! Автомойка, 15000 крон в месяц",
   "Срочно нужны мужчины на автомойку в Дании. Опыт и язык не нужен. Жильё и дорога есть, "
   "оплатим билет, потом вычтем из зарплаты. Документы делаем сами. Пишите только Viber/WhatsApp "
   + v_phone, v_phone, "Viber", "15000", [], "ru", T2)
ad(datetime(2026, 9, 28, 22, 10), "Job", "Kolding", "Работа Дания",
   "Автомойка Дания, нужны 3 человека", "Нужны ещё 3 человека на мойку. Жильё есть. "
   "Билет оплатим. Зарплата 15000. Только WhatsApp " + v_phone, v_phone, "WhatsApp", "15000", [], "ru", T2)
# revenue of the car wash: card payments by customers, day time, plus cash
for d in range(DAYS):
    day = START + timedelta(days=d)
    for _ in range(1):
        txn(rnd_time(day, 17, 19), "Kortindløsning Nets", washco["wallet_id"], round(R.uniform(900, 4500), 2),
            "Indløsning", "Dagens kortsalg", "", "", "Vejle", tag=T2)
# wages: paid to 3 wallets, two of them carry wages for two workers each (pooled)
for m in range(3):
    pd = START + timedelta(days=30 * m + 28)
    names = [w["navn"] for w in workers]
    pools = [(workers[0], [names[0], names[1]]), (workers[2], [names[2], names[3]]), (workers[4], [names[4]])]
    for acc, nms in pools:
        amt = 11500 * len(nms)
        txn(pd.replace(hour=16, minute=R.randrange(60)), washco["wallet_id"], acc["wallet_id"], amt,
            "Overførsel", "Løn " + " + ".join(nms), tag=T2)
        txn(pd.replace(hour=19, minute=R.randrange(60)), acc["wallet_id"], vasyl["wallet_id"],
            round(amt * R.uniform(0.62, 0.7), -2), "Send",
            R.choice(["kvartira + transport", "жильё, долг", "bolig/gæld", "za kvartiru i dolg"]), tag=T2)
    # small pocket money from the agent and cash withdrawals by company
    for w in workers:
        txn(pd + timedelta(days=2, hours=10), w["wallet_id"], R.choice(GROCERY)[0], round(R.uniform(60, 180), 2),
            "Kort", "", "Lidl", "5411", "Kolding", tag=T2)
    for _ in range(3):
        txn(rnd_time(pd - timedelta(days=R.randrange(1, 25)), 9, 15), washco["wallet_id"], "Hæveautomat Vejle",
            R.choice([9000, 9500, 9900]), "Hævning", "", "Nordea ATM", "6011", "Vejle", tag=T2)
    # agent sends money to Moldova
    for _ in range(2):
        txn(rnd_time(pd + timedelta(days=R.randrange(2, 10)), 10, 16), vasyl["wallet_id"],
            "MD00 0000 0000 4471 (Chisinau)", R.choice([14500, 14800, 14900]), "Overførsel", "", "", "", "", "MD", tag=T2)
    txn(rnd_time(pd + timedelta(days=3), 12, 15), vasyl["wallet_id"], "FlixBus",
        R.choice([1450, 2190]), "Kort", "Billetter Chisinau-Vejle: P. Ceban, M. Bondar", "FlixBus", "4131", "", tag=T2)
# platform chat of the recruitment (Russian)
rec = [("kandidat_petru", "tavle_vasile", "Здравствуйте, работа ещё есть?"),
       ("tavle_vasile", "kandidat_petru", "Есть. Пиши в WhatsApp " + v_phone),
       ("kandidat_petru", "tavle_vasile", "А сколько за жильё?"),
       ("tavle_vasile", "kandidat_petru", "Всё решим на месте. Пришли фото паспорта сюда, я куплю билет")]
tt = datetime(2026, 7, 12, 20, 5)
for a, b, tx in rec:
    tt += timedelta(minutes=R.randrange(3, 50))
    pmsg(tt, [x for x in ads if x["_tag"] == T2][0]["annonce_id"], a, b, tx, T2)
ngo(datetime(2026, 10, 6, 17, 40), "Jonas", "Glans Bilvask, Industrivej 88, Vejle", "Andrii", v_phone,
    "russisk/ukrainsk",
    "5 mænd arbejder 7 dage om ugen, 11-12 timer. Sover i container bag vaskehallen. Chefen 'Vasile' "
    "har deres pas 'til skat'. De siger de skylder for rejsen og får ca. 3.500 kr om måneden selv.", T2)
ngo(datetime(2026, 11, 10, 12, 0), "Jonas", "Glans Bilvask, Vejle", "Serghei", "", "russisk",
    "Ville ikke tale, Vasile kom ud og sagde de ikke har brug for noget.", T2)

# ==================================================================== NETWORK N3
# Recruitment into a scam compound: Danish-speaking young people recruited by a 'customer
# support in Bangkok' job ad; moved to Telegram; registration/visa fee paid to the recruiter's
# wallet; tickets bought by one wallet for several passengers; later 'ransom'/debt payments.
T3 = "N3"
r_phone = "+45 20 00 66 01"
r_dev = new_device("and")
recr = customer("Jonas Thorsen", "11/11/1996", r_phone, "jt.recruit.asia@proton.me",
                "c/o Postboks 11, 2300 København S", datetime(2026, 8, 1, 23, 44), r_dev,
                "Freelancer", "30000", "DK", "da", T3, note="Kontaktadresse er en postboks")
scam_ads = []
scam_ads.append(ad(datetime(2026, 8, 4, 20, 30), "Job", "København", "AsiaSupport Recruitment",
   "Dansk-talende kundeservice i Bangkok – 28.000 kr/md + bolig",
   "Vi søger dig der taler dansk og engelsk til kundeservice / online marketing for et stort "
   "krypto-firma i Thailand. Ingen erfaring nødvendig. Flybillet og visum betales, gratis bolig. "
   "Start om 1 uge! Kontakt kun på Telegram @asia_support_dk", r_phone, "Telegram", "28000", [], "da", T3))
scam_ads.append(ad(datetime(2026, 9, 15, 21, 5), "Job", "Aarhus", "AsiaSupport Recruitment",
   "Job i Asien for nordiske sprog – høj løn", "Skandinavisk kundeservice, arbejde i Thailand/Myanmar "
   "grænseområdet (Mae Sot). 25-30.000 kr. Vi betaler rejsen. Skriv på Telegram @asia_support_dk",
   r_phone, "Telegram", "30000", [], "da", T3))
cands = []
for j, (nm, born) in enumerate([("Mikkel Lund", "02/04/2004"), ("Sebastian Holm", "17/07/2003"),
                                 ("Emil Krogh", "25/12/2005")]):
    c = customer(nm, born, new_phone(), "%s%d@gmail.com" % (nm.split()[0].lower(), 2003 + j),
                 "%s %d, %s" % (R.choice(STREETS), R.randrange(1, 90), R.choice(["8000 Aarhus C", "2400 København NV", "5000 Odense C"])),
                 START - timedelta(days=R.randrange(100, 600)), new_device("and"),
                 R.choice(["Ledig", "Studerende"]), "9000", "DK", "da", T3)
    cands.append(c)
    a = scam_ads[j % 2]
    tb = datetime(2026, 8, 6, 19, 10) + timedelta(days=12 * j)
    for fr, to, tx in [
            ("u_" + nm.split()[0].lower(), "AsiaSupport", "Hej, er jobbet i Bangkok stadig ledigt?"),
            ("AsiaSupport", "u_" + nm.split()[0].lower(), "Hej! Ja. Skriv til mig på Telegram @asia_support_dk, her svarer jeg ikke så tit"),
            ("u_" + nm.split()[0].lower(), "AsiaSupport", "ok skriver nu")]:
        tb += timedelta(minutes=R.randrange(2, 30))
        pmsg(tb, a, fr, to, tx, T3)
    # fee paid to the recruiter before any contract
    txn(tb + timedelta(days=2, hours=3), c["wallet_id"], recr["wallet_id"], 2450.0, "Send",
        R.choice(["visum gebyr", "registrering", "visa fee"]), tag=T3)
    # candidate's normal life before departure
    for k in range(6):
        m, mcc = R.choice(GROCERY)
        txn(rnd_time(START + timedelta(days=R.randrange(0, 30 + 12 * j)), 9, 21), c["wallet_id"], m,
            round(R.uniform(40, 300), 2), "Kort", "", m, mcc, "Aarhus", tag=T3)
    login(c["wallet_id"], tb + timedelta(days=2, hours=3), c["oprettet_paa_enhed"], ip_dk(), tag=T3)
    # after departure: logins from Myanmar/Thailand border, some from the recruiter's device
    dep = tb + timedelta(days=9)
    for k in range(5):
        login(c["wallet_id"], dep + timedelta(days=3 + k * 6, hours=R.randrange(24)),
              R.choice([c["oprettet_paa_enhed"], "and-7f0e11"]),
              "103.%d.%d.%d" % (R.randrange(40, 60), R.randrange(256), R.randrange(256)),
              R.choice(["MM", "MM", "TH"]), tag=T3)
    # family pays 'debt' to get him out
    fam = "Ekstern: %s (mor)" % new_phone()
    txn(dep + timedelta(days=30, hours=5), fam, c["wallet_id"], 15000, "Send", "til dig skat ❤️ pas på", tag=T3)
    txn(dep + timedelta(days=30, hours=7), c["wallet_id"], "USDT via KryptoNu ApS", 14900, "Kort",
        "", "KryptoNu", "6051", "", tag=T3)
# tickets bought by the recruiter for the three, one-way
for j, c in enumerate(cands):
    txn(datetime(2026, 8, 10, 14, 2) + timedelta(days=12 * j), recr["wallet_id"], "Qatar Airways", round(R.uniform(3900, 4600), 2),
        "Kort", "CPH-BKK enkeltbillet, pax %s" % c["navn"].upper(), "Qatar Airways", "3136", "", "QA", T3)
for j in range(3):
    txn(datetime(2026, 8, 12, 9, 30) + timedelta(days=12 * j), recr["wallet_id"], "TH00 0000 9900 1212 (Bangkok agent)",
        R.choice([6900, 7200]), "Overførsel", "", "", "", "", "TH", T3)
for d in range(0, DAYS, 6):
    login(recr["wallet_id"], rnd_time(START + timedelta(days=d), 6, 23), r_dev,
          R.choice(["103.51.%d.%d" % (R.randrange(256), R.randrange(256)), ip_dk()]),
          R.choice(["TH", "DK", "DK"]), tag=T3)
ngo(datetime(2026, 11, 3, 10, 30), "Dorthe", "Telefon", "Mikkels mor", "", "dansk",
    "Mor ringer: søn rejste i august til 'kundeservice-job' i Bangkok, er nu et sted ved Myawaddy. "
    "Han skriver at de tager hans telefon, han skal lave 'dating scams', og at han skal betale 15.000 "
    "før de giver passet tilbage. Hun har sendt chat fra Telegram (chat_mikkel_telegram.txt). "
    "Henvist til politi og Udenrigsministeriets borgerservice.", T3)
# Mikkel's Telegram export (Danish/English)
cd = datetime(2026, 8, 7, 9, 2)
MK = [("AsiaSupport", "Hej Mikkel 👋 Velkommen. Send et billede af dit pas og dit kontonummer, så laver vi kontrakten"),
      ("Mikkel", "Skal jeg ikke have kontrakten først?"),
      ("AsiaSupport", "Kontrakt kommer når visum er klar. Visum gebyr 2450 kr til Kvikpung " + r_phone + ". Du skal afsted på fredag, ellers går pladsen til en anden"),
      ("Mikkel", "ok har sendt"),
      ("AsiaSupport", "Super. Flybillet er købt. Du bliver hentet i Bangkok lufthavn og kørt videre"),
      ("Mikkel", "hvorfor skal vi køre så langt? vi har kørt i 8 timer"),
      ("AsiaSupport", "Company policy. Phone is collected during work hours"),
      ("Mikkel", "de siger jeg skal skrive til danske mænd på dating apps og få dem til at investere"),
      ("AsiaSupport", "Target is 3 clients a week. No target = penalty and no salary"),
      ("Mikkel", "Jeg vil hjem"),
      ("AsiaSupport", "You can leave when you pay back ticket and visa. 15000 kr. Passport stays with company"),
      ("Mikkel", "mor kan du sende pengene til min kvikpung"),
      ("AsiaSupport", "Messages are deleted after 24h. Don't talk to police or your family will pay more")]
for s, tx in MK:
    cd += timedelta(hours=R.randrange(1, 90))
    chat_mikkel.append((cd, s, tx, T3))

# ==================================================================== LOOK-ALIKES
# L1 independent Romanian escort on tour, her own phone, her own wallet, pays her own hotels
L1 = "L1"
b_phone = new_phone()
bianca = customer("Bianca Georgescu", "04/04/1994", b_phone, "bianca.g.escort@gmail.com",
                  "Jagtvej 150, 2200 København N", datetime(2025, 2, 3, 12, 0), new_device("ios"),
                  "Selvstændig (escort, CVR)", "35000", "RO", "ro", L1)
for k, city in enumerate(["Aarhus", "Aalborg", "Odense", "København", "Aarhus", "Odense"]):
    d = START + timedelta(days=k * 14 + 3)
    aid = ad(d.replace(hour=12), "Massage & escort", city, "Bianca",
             "Bianca 💋 ny i %s få dage" % city,
             "Hej, jeg er Bianca, 32 år, fra Rumænien og bor i København. Jeg er selvstændig og "
             "besøger %s i 3 dage. Jeg bestemmer selv, altid med kondom. Ring mig selv på %s, "
             "jeg taler engelsk og lidt dansk. Eu vorbesc si romana 😘" % (city, b_phone),
             b_phone, "", "1800", ["bia01", "bia02"], "ro,en,da", L1)
    txn(d.replace(hour=15), bianca["wallet_id"], hotels.get(city, "Hotel Øresund"), round(R.uniform(2100, 2600), 2),
        "Kort", "", hotels.get(city, "Hotel Øresund"), "7011", city, tag=L1)
    txn(d.replace(hour=11), bianca["wallet_id"], "Opslagstavlen.dk", 49.0, "Kort", "Fremhævning",
        "Opslagstavlen.dk", "5968", "", tag=L1)
    for q in range(R.randrange(4, 8)):
        txn(rnd_time(d + timedelta(days=R.randrange(3)), 16, 23), "Ekstern: +45 20 00 8%d %02d" % (R.randrange(10), R.randrange(100)),
            bianca["wallet_id"], R.choice([1800, 1800, 3000]), "Send", R.choice(["", "tak", "🌹"]), tag=L1)
for m in range(3):
    for (mm, mcc) in [("Netto", "5411"), ("Matas", "5977"), ("Wolt", "5812")]:
        txn(rnd_time(START + timedelta(days=30 * m + R.randrange(25)), 10, 20), bianca["wallet_id"], mm,
            round(R.uniform(120, 600), 2), "Kort", "", mm, mcc, "København", tag=L1)
    txn(START + timedelta(days=30 * m + 1, hours=9), bianca["wallet_id"], "Udlejer Jagtvej ApS", 7800,
        "Overførsel", "Husleje", tag=L1)
    txn(START + timedelta(days=30 * m + 20, hours=9), bianca["wallet_id"], "Skattestyrelsen", 6200,
        "Overførsel", "B-skat rate", tag=L1)
    login(bianca["wallet_id"], START + timedelta(days=30 * m + 2, hours=10), bianca["oprettet_paa_enhed"], ip_dk(), tag=L1)
ngo(datetime(2026, 10, 1, 19, 0), "Amalie", "Lejlighed, Nørrebro", "Bianca", b_phone, "rumænsk/engelsk",
    "Kender os. Arbejder selvstændigt, turnerer selv. Ønskede info om moms. Ingen bekymring.", L1)

# L2 seasonal apple/strawberry farm with Ukrainian workers: wages paid one by one, housing
# deduction shown on payslip (2,000 kr), workers remit to family in Ukraine, shared address.
L2 = "L2"
farm = customer("Frugtgården Stevns I/S", "", new_phone(), "kontor@frugtgaarden-stevns.dk",
                "Højervej 4, 4660 Store Heddinge", datetime(2024, 4, 1, 9, 0), new_device("web"),
                "Erhverv: frugtavl (CVR 00000000)", "400000", "DK", "da", L2, kyc="CVR+MitID Erhverv")
fw = []
for j, nm in enumerate(["Oksana Melnyk", "Taras Shevchuk", "Iryna Tkachenko", "Oleh Kravets",
                        "Nataliia Boiko", "Yurii Savchenko"]):
    w = customer(nm, "%02d/%02d/%d" % (j + 3, j + 2, 1975 + j * 4), new_phone(),
                 "%s@ukr.net" % nm.split()[1].lower(), "Højervej 4, 4660 Store Heddinge (medarbejderbolig)",
                 datetime(2026, 8, 18, 10, 0) + timedelta(minutes=20 * j), new_device("and"),
                 "Sæsonarbejder, frugtplukning", "24500", "UA", "uk", L2)
    fw.append(w)
    for m in range(3):
        pd = START + timedelta(days=30 * m + 29, hours=12)
        txn(pd, farm["wallet_id"], w["wallet_id"], round(R.uniform(19800, 22400), 2), "Overførsel",
            "Løn %s, fradrag bolig 2.000 jf. lønseddel" % ["september", "oktober", "november"][m], tag=L2)
        txn(pd + timedelta(days=R.randrange(1, 5), hours=3), w["wallet_id"],
            "UA00 0000 0000 00%02d (PrivatBank)" % j, R.choice([5000, 6000, 8000]), "Overførsel",
            R.choice(["мамі", "для дітей", "сім'ї", "на ліки"]), "", "", "", "UA", tag=L2)
        for _ in range(4):
            mm, mcc = R.choice(GROCERY)
            txn(rnd_time(pd - timedelta(days=R.randrange(1, 28)), 9, 20), w["wallet_id"], mm,
                round(R.uniform(80, 520), 2), "Kort", "", mm, mcc, "Store Heddinge", tag=L2)
        login(w["wallet_id"], pd + timedelta(hours=6), w["oprettet_paa_enhed"], ip_dk(), tag=L2)
    txn(datetime(2026, 9, 12, 10, 0), farm["wallet_id"], "SKAT A-skat/AM-bidrag", 54000, "Overførsel",
        "A-skat september", tag=L2) if j == 0 else None
ad(datetime(2026, 7, 1, 10, 0), "Job", "Stevns", "Frugtgården Stevns",
   "Сезонна робота: збір яблук, Стевнс / Sæsonarbejde æbleplukning",
   "Шукаємо 6 працівників на збір яблук серпень–листопад. Зарплата за колективним договором "
   "(ca. 140 kr/t), житло на фермі 2000 kr/міс, договір датською та українською. Телефон офісу, "
   "CVR 00000000. / Løn efter overenskomst, bolig 2.000 kr/md.", farm["mobil"], "", "", [], "uk,da", L2)

# L3 students sharing a flat in Aarhus: one pays rent, three send their share
L3 = "L3"
studs = []
for nm in ["Freja Holm", "Ahmad Rahimi", "Sofie Kjær", "Lukas Bech"]:
    s = customer(nm, "%02d/0%d/200%d" % (R.randrange(1, 28), R.randrange(1, 9), R.randrange(1, 5)), new_phone(),
                 nm.lower().replace(" ", ".") + "@post.au.dk", "Nørrebrogade 52, 3. tv, 8000 Aarhus C",
                 datetime(2026, 8, 27, 12, 0) + timedelta(hours=R.randrange(1, 200)), new_device("ios"),
                 "Studerende", "7800", "DK", "da", L3)
    studs.append(s)
for m in range(3):
    d = START + timedelta(days=30 * m)
    txn(d.replace(hour=8), studs[0]["wallet_id"], "Boligforening AAB", 12400, "Overførsel", "Husleje", tag=L3)
    for s in studs[1:]:
        txn(rnd_time(d - timedelta(days=1), 18, 23), s["wallet_id"], studs[0]["wallet_id"], 3100, "Send",
            R.choice(["husleje 🏠", "leje", "husleje + net"]), tag=L3)
    for s in studs:
        for _ in range(3):
            mm, mcc = R.choice(GROCERY)
            txn(rnd_time(d + timedelta(days=R.randrange(28)), 10, 22), s["wallet_id"], mm, round(R.uniform(40, 300), 2),
                "Kort", "", mm, mcc, "Aarhus", tag=L3)
        login(s["wallet_id"], rnd_time(d + timedelta(days=3), 8, 23), s["oprettet_paa_enhed"], ip_dk(), tag=L3)

# L4 a landlord collecting rent from many tenants
L4 = "L4"
land = customer("Poul Erik Vestergaard", "21/05/1958", new_phone(), "pev.udlejning@mail.dk",
                "Strandvejen 201, 3000 Helsingør", datetime(2023, 5, 2, 10, 0), new_device("ios"),
                "Udlejer (privat)", "61000", "DK", "da", L4)
tenants = []
for j in range(9):
    t_ = customer("%s %s" % (R.choice(FIRST_DK), R.choice(LAST_DK)), "01/0%d/19%d" % (j % 9 + 1, 70 + j * 3),
                  new_phone(), "lejer%d.hg@gmail.com" % j, "Stengade %d, %d. sal, 3000 Helsingør" % (30 + j // 3, j % 3 + 1),
                  datetime(2025, 1, 5) + timedelta(days=30 * j), new_device("and"), "Lønmodtager",
                  "%d" % R.randrange(22000, 36000), "DK", "da", L4)
    tenants.append(t_)
for m in range(3):
    for t_ in tenants:
        txn(START + timedelta(days=30 * m + R.randrange(0, 3), hours=R.randrange(7, 20)), t_["wallet_id"],
            land["wallet_id"], R.choice([5200, 5900, 6400]), "Send", "husleje %s" % ["sep", "okt", "nov"][m], tag=L4)
    txn(START + timedelta(days=30 * m + 9, hours=10), land["wallet_id"], "Helsingør Forsyning", 8400, "Overførsel",
        "Vand/varme Stengade", tag=L4)

# L5 handball club collecting fees (many payers, round amounts, evenings)
L5 = "L5"
club = customer("Køge Håndboldklub", "", new_phone(), "kasserer@koegehk.dk", "Hallen, Ølbycentret, 4600 Køge",
                datetime(2022, 8, 1, 10, 0), new_device("web"), "Forening (CVR 00000000)", "30000", "DK", "da", L5,
                kyc="CVR+MitID Erhverv")
for k in range(46):
    payer = R.choice(bg + tenants)["wallet_id"] if R.random() < 0.3 else "Ekstern: +45 20 00 7%d %02d" % (R.randrange(10), R.randrange(100))
    txn(rnd_time(START + timedelta(days=R.randrange(0, 40)), 18, 23), payer, club["wallet_id"],
        R.choice([600, 600, 900, 1200]), "Send", R.choice(["kontingent U13", "kontingent efterår", "Emma U11",
                                                            "træningslejr", "kontingent + dragt", ""]), tag=L5)
for m in range(3):
    txn(START + timedelta(days=30 * m + 25, hours=11), club["wallet_id"], "Køge Kommune Hallen", 4500, "Overførsel",
        "Haltid", tag=L5)

# L6 travel agency buying tickets for many passengers to Bangkok + a genuine tour-guide job ad
L6 = "L6"
travel = customer("Rejsehuset Fyn ApS", "", new_phone(), "booking@rejsehusetfyn.dk", "Kongensgade 20, 5000 Odense C",
                  datetime(2019, 3, 1, 9, 0), new_device("web"), "Erhverv: rejsebureau (CVR 00000000, medlem af Rejsegarantifonden)",
                  "900000", "DK", "da", L6, kyc="CVR+MitID Erhverv")
pax = ["HANSEN/BIRGIT", "HANSEN/OLE", "MADSEN/KIRSTEN", "LUND/PETER", "DAHL/HANNE", "SKOV/JENS",
       "KROGH/METTE", "FROST/ANNE"]
for k, p in enumerate(pax):
    txn(datetime(2026, 9, 20 + k // 3, 10 + k % 3, 15), travel["wallet_id"], "Thai Airways",
        round(R.uniform(6900, 7400), 2), "Kort", "CPH-BKK-CPH retur, pax %s, grupperejse Thailand nov" % p,
        "Thai Airways", "3000", "", "TH", L6)
for k in range(12):
    txn(rnd_time(START + timedelta(days=R.randrange(0, 60)), 9, 17), "Ekstern: +45 20 00 5%d %02d" % (R.randrange(10), R.randrange(100)),
        travel["wallet_id"], R.choice([14900, 16500]), "Overførsel", "Thailand rundrejse depositum", tag=L6)
ad(datetime(2026, 8, 20, 9, 0), "Job", "Odense", "Rejsehuset Fyn ApS", "Rejseleder til Thailand vinter 2027",
   "Rejsehuset Fyn søger dansk rejseleder til vores grupperejser i Thailand jan–mar. Løn efter aftale, "
   "fly og hotel dækkes under rejsen. Skriftlig kontrakt. Send ansøgning til job@rejsehusetfyn.dk, "
   "tlf. 66 00 00 00. CVR 00000000.", travel["mobil"], "email", "", [], "da", L6)

# L7 Romanian family sharing one phone and device (parents + adult children), same address
L7 = "L7"
fam_phone = new_phone()
fam_dev = new_device("and")
fam = []
for nm, born, occ, inc in [("Gheorghe Popescu", "10/10/1968", "Lagerarbejder", "27000"),
                           ("Maria Popescu", "03/03/1971", "Rengøringsassistent", "21000"),
                           ("Andrei Popescu", "12/12/2000", "Mekanikerlærling", "14000"),
                           ("Cristina Popescu", "01/06/2003", "Studerende", "7000")]:
    f = customer(nm, born, fam_phone, "popescu.familie@gmail.com", "Grønnegade 7, 8900 Randers C",
                 datetime(2026, 2, 10, 17, 0) + timedelta(days=R.randrange(0, 90)), fam_dev, occ, inc, "RO", "ro", L7)
    fam.append(f)
for m in range(3):
    for f in fam:
        txn(START + timedelta(days=30 * m + 27, hours=14), "Arbejdsgiver via bank", f["wallet_id"],
            int(f["indkomst_pr_md"]) * 0.62 // 1, "Optankning", "Løn", tag=L7)
        for _ in range(3):
            mm, mcc = R.choice(GROCERY)
            txn(rnd_time(START + timedelta(days=30 * m + R.randrange(28)), 9, 20), f["wallet_id"], mm,
                round(R.uniform(80, 700), 2), "Kort", "", mm, mcc, "Randers", tag=L7)
        login(f["wallet_id"], rnd_time(START + timedelta(days=30 * m + 5), 18, 22), fam_dev, ip_dk(), tag=L7)
    txn(START + timedelta(days=30 * m + 2, hours=9), fam[0]["wallet_id"], "Randers Boligforening", 8700, "Overførsel",
        "Husleje", tag=L7)
    txn(START + timedelta(days=30 * m + 3, hours=19), fam[2]["wallet_id"], fam[0]["wallet_id"], 1500, "Send",
        "chirie mama", tag=L7)
    txn(START + timedelta(days=30 * m + 12, hours=11), fam[1]["wallet_id"], "RO00 0000 0000 5521 (bunica, Iasi)", 1000,
        "Overførsel", "pentru bunica", "", "", "", "RO", tag=L7)

# L8 Thai massage clinic, lawful: card terminal, day hours, own staff paid wages
L8 = "L8"
thai = customer("Sabai Thai Massage v/ Nok Sørensen", "", new_phone(), "sabaithai.roskilde@gmail.com",
                "Algade 14, 4000 Roskilde", datetime(2021, 6, 1, 9, 0), new_device("web"),
                "Erhverv: massage (CVR 00000000)", "60000", "DK", "th", L8, kyc="CVR+MitID Erhverv")
for k in range(3):
    ad(datetime(2026, 9, 5, 9, 0) + timedelta(days=30 * k), "Massage & escort", "Roskilde", "Sabai Thai Massage",
       "Traditionel thai massage 🌺 ny medarbejder",
       "Vi tilbyder traditionel thaimassage og olie-massage. Vores uddannede thai massører har mange års "
       "erfaring. Åbent man-lør 10-19. Kun massage, ingen andre ydelser. Book på tlf %s eller online." % thai["mobil"],
       thai["mobil"], "", "450", ["sabai1"], "th,da", L8)
for d in range(DAYS):
    if (START + timedelta(days=d)).weekday() == 6:
        continue
    txn((START + timedelta(days=d)).replace(hour=19, minute=30), "Kortindløsning Nets", thai["wallet_id"],
        round(R.uniform(1800, 4200), 2), "Indløsning", "Dagens kortsalg", "", "", "Roskilde", tag=L8)
for m in range(3):
    for nm in ["Pim Wongsa", "Dao Chaiyaporn"]:
        txn(START + timedelta(days=30 * m + 29, hours=10), thai["wallet_id"], "Lønkonto %s" % nm, 19800,
            "Overførsel", "Løn %s" % nm, tag=L8)
    txn(START + timedelta(days=30 * m + 10, hours=10), thai["wallet_id"], "SKAT", 9100, "Overførsel",
        "A-skat og AM-bidrag", tag=L8)

# L9 a Polish cleaning company that pays each employee into their own account (same address as office)
L9 = "L9"
clean = customer("Czysto Rengøring ApS", "", new_phone(), "biuro@czysto.dk", "Valby Langgade 90, 2500 Valby",
                 datetime(2020, 2, 1, 9, 0), new_device("web"), "Erhverv: rengøring (CVR 00000000, overenskomst)",
                 "350000", "DK", "pl", L9, kyc="CVR+MitID Erhverv")
cw = []
for nm in ["Agnieszka Nowak", "Paweł Wiśniewski", "Katarzyna Wójcik"]:
    w = customer(nm, "0%d/0%d/198%d" % (R.randrange(1, 9), R.randrange(1, 9), R.randrange(0, 9)), new_phone(),
                 nm.split()[0].lower().replace("ł", "l") + ".pl@wp.pl",
                 "%s %d, 2500 Valby" % (R.choice(STREETS), R.randrange(1, 100)),
                 datetime(2024, 9, 1) + timedelta(days=R.randrange(200)), new_device("and"),
                 "Rengøringsassistent", "23000", "PL", "pl", L9)
    cw.append(w)
for m in range(3):
    for w in cw:
        txn(START + timedelta(days=30 * m + 29, hours=9), clean["wallet_id"], w["wallet_id"],
            round(R.uniform(17000, 19000), 2), "Overførsel", "Wynagrodzenie / Løn", tag=L9)
        txn(START + timedelta(days=30 * m + R.randrange(1, 5), hours=9), w["wallet_id"], "Udlejer %s" % w["navn"].split()[1],
            R.choice([5400, 6100]), "Overførsel", "Husleje", tag=L9)
        txn(START + timedelta(days=30 * m + R.randrange(6, 20), hours=17), w["wallet_id"], "PL00 0000 0000 77%s (PKO)" % w["navn"][0],
            1500, "Overførsel", "dla mamy", "", "", "", "PL", tag=L9)
    txn(START + timedelta(days=30 * m + 10, hours=10), clean["wallet_id"], "SKAT", 15800, "Overførsel",
        "A-skat, AM-bidrag, ATP", tag=L9)
ngo(datetime(2026, 10, 20, 11, 0), "Jonas", "Kontor, Valby (arbejdsmiljø-kampagne)", "Agnieszka", "", "polsk",
    "Har kontrakt og lønseddel, fagforening. Ingen bekymring.", L9)
ngo(datetime(2026, 9, 15, 9, 0), "Jonas", "Frugtgården Stevns", "Oksana", "", "ukrainsk",
    "Besøg sammen med 3F. Kontrakter på ukrainsk, bolig 2.000 kr/md trukket på lønseddel, egne pas. "
    "De kan frit tage til byen. Ingen bekymring.", L2)

# ==================================================================== WRITE FILES
os.makedirs(HERE, exist_ok=True)


def wjsonl(fname, rows, keys):
    with open(os.path.join(HERE, fname), "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps({k: r[k] for k in keys}, ensure_ascii=False) + "\n")


customers.sort(key=lambda c: c["oprettet"][:19])
wjsonl("kvikpung_kunder.jsonl", customers,
       ["wallet_id", "navn", "foedt", "nationalitet", "mobil", "mail", "adresse", "oprettet",
        "oprettet_paa_enhed", "beskaeftigelse", "indkomst_pr_md", "sprog", "legitimation", "bemaerkning"])

ads.sort(key=lambda a: a["_ts"])
for a in ads:
    tag_add(a["_tag"], "opslag_annoncer.jsonl", a["annonce_id"])
wjsonl("opslag_annoncer.jsonl", ads, ["annonce_id", "oprettet", "kategori", "by", "profilnavn", "overskrift",
                                       "tekst", "telefon", "kontakt", "pris", "billeder", "sprog_i_profil", "status"])


def dkamount(x):
    s = "%.2f" % x
    a, b = s.split(".")
    out = ""
    while len(a) > 3:
        out = "." + a[-3:] + out
        a = a[:-3]
    return a + out + "," + b


txns.sort(key=lambda t: t["ts"])
TX_TAGS = {}
with open(os.path.join(HERE, "kvikpung_posteringer.csv"), "w", encoding="utf-8", newline="\n") as f:
    f.write("posteringsnr;tidspunkt;fra;til;beløb;valuta;type;modtager_navn;mcc;besked;by;land\n")
    for i, t in enumerate(txns):
        pid = "P%07d" % (5200000 + i * 11)
        esc = lambda s: '"%s"' % s.replace('"', '""') if (";" in s or '"' in s) else s
        f.write(";".join([pid, t["ts"].strftime("%d.%m.%Y %H:%M"), esc(t["fra"]), esc(t["til"]),
                          dkamount(t["amount"]), "DKK", t["kind"], esc(t["merchant"]), t["mcc"],
                          esc(t["text"]), t["city"], t["country"]]) + "\n")
        tag_add(t["_tag"], "kvikpung_posteringer.csv", pid)

logins.sort(key=lambda l: (l["ts"], l["wid"]))
with open(os.path.join(HERE, "kvikpung_logins.tsv"), "w", encoding="utf-8", newline="\n") as f:
    f.write("wallet\tdato\tkl\tenheds_id\tip_adresse\tland\thaendelse\n")
    for i, l in enumerate(logins):
        f.write("\t".join([l["wid"], l["ts"].strftime("%Y%m%d"), l["ts"].strftime("%H:%M:%S"), l["device"],
                           l["ip"], l["country"], l["event"]]) + "\n")
        tag_add(l["_tag"], "kvikpung_logins.tsv", i + 1)

pmsgs.sort(key=lambda m: m["ts"])
with open(os.path.join(HERE, "opslag_beskeder.csv"), "w", encoding="utf-8", newline="\n") as f:
    f.write("annonce;afsender;modtager;sendt;besked\n")
    for i, m in enumerate(pmsgs):
        txt = '"%s"' % m["text"].replace('"', '""')
        f.write(";".join([m["aid"], m["frm"], m["to"], m["ts"].strftime("%d/%m/%Y %H.%M"), txt]) + "\n")
        tag_add(m["_tag"], "opslag_beskeder.csv", i + 1)

ngolog.sort(key=lambda n: n["ts"])
with open(os.path.join(HERE, "gadeplan_logbog.csv"), "w", encoding="utf-8", newline="\n") as f:
    f.write("dato,medarbejder,sted,kontakt_alias,telefon,sprog,notat\n")
    for i, n in enumerate(ngolog):
        q = lambda s: '"%s"' % s.replace('"', '""')
        f.write(",".join([n["ts"].strftime("%d-%m-%Y kl. %H:%M"), q(n["worker"]), q(n["place"]), q(n["person"]),
                          q(n["phone"]), q(n["lang"]), q(n["note"])]) + "\n")
        tag_add(n["_tag"], "gadeplan_logbog.csv", i + 1)

# WhatsApp Android layout, Ioana's phone (contact saved as 'Marius'), no ids
with open(os.path.join(HERE, "chat_ioana_whatsapp.txt"), "w", encoding="utf-8", newline="\n") as f:
    for i, (dt, s, tx, tg) in enumerate(chat_ioana):
        f.write("%s - %s: %s\n" % (dt.strftime("%d/%m/%Y, %H:%M"), s, tx))
        tag_add(tg, "chat_ioana_whatsapp.txt", i + 1)
# Telegram 'plain text' copy the mother pasted: [date time] name: text
with open(os.path.join(HERE, "chat_mikkel_telegram.txt"), "w", encoding="utf-8", newline="\n") as f:
    for i, (dt, s, tx, tg) in enumerate(chat_mikkel):
        f.write("[%s] %s: %s\n" % (dt.strftime("%d.%m.%Y %H:%M"), s, tx))
        tag_add(tg, "chat_mikkel_telegram.txt", i + 1)

# ------------------------------------------------------------------ truth.yaml
META = {
    "N1": (True, "sexual_exploitation_hotel_circuit",
           "Romanian women moved between hotels and short lets in five cities every 4-6 days by "
           "Marius Dobre, who writes and pays for their ads, fronts one phone for four personas, takes "
           "buyers' P2P payments, opened the women's wallets from his phone and sweeps their cash "
           "top-ups; debt, quotas, passport held, location demands, image threats; ads deleted at once.",
           ["BEH-CONTACT-PROXY", "BEH-AD-THIRD-PERSON", "BEH-AD-TEMPLATE", "BEH-PHOTO-REUSE",
            "BEH-MULTICITY-CIRCUIT", "BEH-OBSCURED-PHONE", "BEH-NO-LIMITS", "BEH-ALWAYS-AVAILABLE",
            "BEH-AD-LANG-MISMATCH", "BEH-SHARED-DEVICE", "BEH-COORDINATED-DELETION", "BEH-MESSENGER-ONLY",
            "BEH-REMOTE-CONTROL-LOGIN", "FIN-BUYER-PAYS-THIRD-PARTY", "FIN-WORKER-SWEEP", "FIN-HOTEL-SHORT-STAYS",
            "FIN-AD-SITE-PAYMENTS", "FIN-RIDESHARE-VOLUME", "FIN-NO-OWN-LIVING-COSTS", "FIN-THRESHOLD-AVOID",
            "FIN-LUXURY-GAMBLING", "FIN-PAYMENT-MEMO-CUES", "KYC-SHARED-IDENTIFIERS", "KYC-CONTACT-IN-SEX-ADS",
            "KYC-THIRD-PARTY-ONBOARDING", "KYC-BATCH-ONBOARDING", "KYC-DOC-HANDLING", "KYC-PROFILE-MISMATCH",
            "RCS-RULES-THREATS", "RCS-DEBT-QUOTA", "RCS-EARNINGS-CONTROL", "RCS-DOCS-RETAINED",
            "RCS-SURV-LOCATION", "RCS-SURV-CHECKINS", "RCS-IMAGE-BLACKMAIL", "RCS-SURV-EVIDENCE-WIPE",
            "RCS-SURV-ACCOUNT-CONTROL", "BEH-ACCOMPANIED"]),
    "N2": (True, "labour_exploitation_car_wash",
           "Glans Bilvask ApS (Vejle), nominee owner resident in Moldova; agent Vasile Ciobanu recruits "
           "via Russian-language ads (no experience, ticket paid then deducted, Viber/WhatsApp only), "
           "opens the workers' wallets at his address with his phone and device, interprets at onboarding; "
           "wages for two workers land in one wallet and ~65 % goes back to him as 'housing/debt'; the "
           "company withdraws cash just under 10,000; workers sleep at the wash, passports held.",
           ["RCS-REC-MESSENGER-JOB-AD", "RCS-REC-TOO-GOOD", "RCS-REC-PAID-TRAVEL-HOUSING", "RCS-REC-FEES-DEBT",
            "RCS-REC-EARLY-ID-REQUEST", "RCS-REC-CHANNEL-SWITCH", "RCS-REC-URGENCY", "FIN-WAGES-POOLED",
            "FIN-RECRUIT-FEES-DEDUCTIONS", "FIN-FAN-IN-FROM-WORKERS", "FIN-DEBT-REMITTANCE", "FIN-BIZ-NO-PAYROLL",
            "FIN-THRESHOLD-AVOID", "FIN-TRAVEL-FOR-OTHERS", "KYC-SHARED-IDENTIFIERS", "KYC-THIRD-PARTY-ONBOARDING",
            "KYC-BATCH-ONBOARDING", "KYC-NOMINEE-OWNER", "KYC-ADDRESS-AT-WORKPLACE", "BEH-SHARED-DEVICE",
            "BEH-ACCOMPANIED", "BEH-COACHED-ANSWERS", "RCS-DOCS-RETAINED", "RCS-DEBT-QUOTA",
            "RCS-EARNINGS-CONTROL", "RCS-LIVES-AT-VENUE", "RCS-SURV-ACCOUNT-CONTROL", "KYC-VULNERABILITY-CONTEXT"]),
    "N3": (True, "recruitment_scam_compound",
           "'AsiaSupport' (wallet of Jonas Thorsen, postbox address, proton mail) posts Danish-speaking "
           "customer-service/crypto jobs in Bangkok/Mae Sot with paid flight and housing; moves candidates "
           "to Telegram, asks passport and account number first, takes a 2,450 kr 'visa fee', buys one-way "
           "tickets for three names; the young men then log in from Myanmar/Thailand, families send 15,000 "
           "which goes out as crypto; quotas and penalties, passport held, messages auto-deleted.",
           ["RCS-REC-SCAM-COMPOUND", "RCS-REC-MESSENGER-JOB-AD", "RCS-REC-TOO-GOOD", "RCS-REC-PAID-TRAVEL-HOUSING",
            "RCS-REC-FEES-DEBT", "RCS-REC-EARLY-ID-REQUEST", "RCS-REC-CHANNEL-SWITCH", "RCS-REC-URGENCY",
            "RCS-REC-UNVERIFIABLE-EMPLOYER", "RCS-QUOTAS-PUNISH", "RCS-DOCS-RETAINED", "RCS-RULES-THREATS",
            "RCS-SURV-EVIDENCE-WIPE", "FIN-TRAVEL-FOR-OTHERS", "FIN-CRYPTO-OPAQUE", "BEH-REMOTE-CONTROL-LOGIN",
            "BEH-SHARED-DEVICE", "RCS-SURV-ACCOUNT-CONTROL"]),
    "L1": (False, "independent_sex_worker_touring",
           "Bianca, a self-employed Romanian escort living in Copenhagen, tours cities herself with her own "
           "phone, first-person ads, takes P2P payments on her own wallet, pays hotel, rent and B-tax.",
           ["BEH-MULTICITY-CIRCUIT", "FIN-HOTEL-SHORT-STAYS", "FIN-AD-SITE-PAYMENTS", "BEH-MOVEMENT-WORDS",
            "BEH-ETHNICITY-MARKETING", "KYC-CONTACT-IN-SEX-ADS"]),
    "L2": (False, "seasonal_farm_employer",
           "Frugtgården Stevns pays six Ukrainian seasonal pickers individually under a collective agreement, "
           "2,000 kr housing deducted on the payslip, staff housing at the farm, own passports; workers remit "
           "to family in Ukraine. Ukrainian-language job ad.",
           ["KYC-SHARED-IDENTIFIERS", "KYC-ADDRESS-AT-WORKPLACE", "RCS-REC-PAID-TRAVEL-HOUSING",
            "FIN-DEBT-REMITTANCE", "KYC-VULNERABILITY-CONTEXT", "KYC-BATCH-ONBOARDING"]),
    "L3": (False, "students_sharing_flat",
           "Four students at one Aarhus address; one pays the rent and the others send their share each month.",
           ["KYC-SHARED-IDENTIFIERS", "FIN-FAN-IN-FROM-WORKERS"]),
    "L4": (False, "landlord_collecting_rent",
           "A private landlord in Helsingør receives monthly rent from nine tenants by P2P.",
           ["FIN-FAN-IN-FROM-WORKERS", "FIN-BUYER-PAYS-THIRD-PARTY"]),
    "L5": (False, "sports_club_fees",
           "Køge Håndboldklub collects membership fees in round amounts, mostly in the evening, from many payers.",
           ["FIN-BUYER-PAYS-THIRD-PARTY", "KYC-PROFILE-MISMATCH"]),
    "L6": (False, "travel_agency_thailand",
           "Rejsehuset Fyn buys return tickets to Bangkok for eight named group travellers and advertises a "
           "tour-guide job in Thailand with contract, e-mail and landline.",
           ["FIN-TRAVEL-FOR-OTHERS", "RCS-REC-SCAM-COMPOUND", "RCS-REC-PAID-TRAVEL-HOUSING"]),
    "L7": (False, "family_shared_phone_device",
           "A Romanian family in Randers: four adults share one phone number, e-mail, app device and address; "
           "the son pays rent to the father, the mother sends 1,000 kr to grandmother.",
           ["BEH-SHARED-DEVICE", "KYC-SHARED-IDENTIFIERS", "FIN-DEBT-REMITTANCE"]),
    "L8": (False, "legitimate_thai_massage_clinic",
           "Sabai Thai Massage in Roskilde: daytime card sales, payroll and A-tax, 'thai' and 'ny medarbejder' in ads.",
           ["BEH-ETHNICITY-MARKETING", "BEH-AD-THIRD-PERSON", "BEH-ROTATING-ROSTER", "FIN-FRONT-MASSAGE"]),
    "L9": (False, "cleaning_company_polish_staff",
           "Czysto Rengøring ApS pays three Polish cleaners into their own wallets, pays A-tax/ATP; staff pay "
           "their own rent and send small amounts home.",
           ["FIN-WAGES-POOLED", "FIN-BIZ-NO-PAYROLL", "FIN-DEBT-REMITTANCE"]),
}


def yq(s):
    return '"%s"' % str(s).replace("\\", "\\\\").replace('"', '\\"')


with open(os.path.join(HERE, "truth.yaml"), "w", encoding="utf-8", newline="\n") as f:
    f.write("# Truth for world emoney-oresund (written blind on 2026-12-07 from indicators.md and docs/data.md only).\n")
    f.write("# members: file -> row ids (id column) or 1-based data line numbers (files without ids;\n")
    f.write("# line 1 = first row after the header; chat exports have no header, so line 1 = first line).\n")
    f.write("# Indicators listed for look-alikes are the ones they are expected to trip falsely.\n")
    f.write("world: emoney-oresund\nseed: 20261207\nentities:\n")
    for k, (pos, typ, desc, inds) in META.items():
        f.write("  - id: %s\n    positive: %s\n    typology: %s\n    description: %s\n" %
                (k, "true" if pos else "false", typ, yq(desc)))
        f.write("    indicators: [%s]\n    members:\n" % ", ".join(inds))
        for fname, ids in sorted(TAGS.get(k, {}).items()):
            f.write("      %s: [%s]\n" % (fname, ", ".join(yq(x) if isinstance(x, str) else str(x) for x in ids)))

tot = 0
for fn in sorted(os.listdir(HERE)):
    if fn.endswith((".csv", ".jsonl", ".tsv", ".txt")):
        n = sum(1 for _ in open(os.path.join(HERE, fn), encoding="utf-8"))
        hdr = 1 if fn.endswith((".csv", ".tsv")) else 0
        tot += n - hdr
        print("%-28s %5d rows" % (fn, n - hdr))
print("total rows", tot)
