#!/usr/bin/env python3
"""Annoncen.dk trust & safety export: ads, user profiles, internal messages, sessions, payments.

Standard library only, fixed seed. Writes data/* and truth.yaml next to this file.
Written blind on 2026-12-07 from indicators.md and docs/data.md only.
"""
import csv
import json
import os
import random
from datetime import datetime, timedelta

SEED = 4207
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "data")
START = datetime(2026, 9, 1)
END = datetime(2026, 11, 30, 23, 0)
PURGE = datetime(2026, 11, 18, 7, 5)

FIRST_F = ["Mette", "Anne", "Louise", "Camilla", "Sofie", "Julie", "Line", "Maria", "Emma", "Ida", "Freja", "Signe", "Nanna",
           "Katrine", "Pia", "Helle", "Rikke", "Trine", "Maja", "Cecilie"]
FIRST_M = ["Jens", "Lars", "Søren", "Mikkel", "Anders", "Thomas", "Rasmus", "Martin", "Henrik", "Kasper", "Niels", "Emil",
           "Jonas", "Morten", "Bo", "Kim", "Mads", "Simon", "Jakob", "Tobias", "Peter", "Frederik", "Steen", "Allan"]
LAST = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Larsen", "Sørensen", "Rasmussen", "Madsen", "Kristensen",
        "Olsen", "Thomsen", "Poulsen", "Møller", "Knudsen", "Holm", "Lund", "Kjær", "Bech", "Dam", "Skov", "Riis"]
CITIES = ["København", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Vejle", "Kolding", "Horsens", "Randers", "Roskilde",
          "Herning", "Silkeborg"]

used_ph = set()


def ph(fixed=None):
    if fixed:
        used_ph.add(fixed)
        return fixed
    while True:
        p = "+4520%02d%02d%02d" % (0, R.randint(0, 99), R.randint(0, 99))
        if p not in used_ph and p[5:7] not in ("81", "82", "83"):
            used_ph.add(p)
            return p


def shown(p, style=None):
    """How a person types a number in an ad."""
    d = p[3:]
    style = style or R.choice(["sp", "sp", "plain", "plus"])
    if style == "sp":
        return "%s %s %s %s" % (d[:2], d[2:4], d[4:6], d[6:])
    if style == "plain":
        return d
    return "+45 " + "%s %s %s %s" % (d[:2], d[2:4], d[4:6], d[6:])


def phash():
    return "".join(R.choice("0123456789abcdef") for _ in range(16))


def fp():
    return "fp_" + "".join(R.choice("0123456789abcdef") for _ in range(10))


def dk_ip():
    return "%d.%d.%d.%d" % (R.choice([87, 188, 80, 93, 185, 2]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))


def rt(day, lo=8, hi=22):
    return datetime(day.year, day.month, day.day, R.randint(lo, hi - 1), R.randint(0, 59), R.randint(0, 59))


def rday(a=START, b=END):
    return a + timedelta(days=R.randint(0, (b - a).days))


def utc(t):
    return t - timedelta(hours=2 if t < datetime(2026, 10, 25, 3) else 1)


users, ads, msgs, sess, pays = [], [], [], [], []
_uid = set()


def tag(row, nets):
    row["_nets"] = set(nets)
    return row


def U(nets=(), **kw):
    while True:
        uid = "u%06d" % R.randint(100000, 999999)
        if uid not in _uid:
            _uid.add(uid)
            break
    u = dict(bruger_id=uid, brugernavn="", email="", telefon_verificeret="", oprettet=None, registreringsland="DK",
             kontotype="privat", cvr="", id_verificeret="nej", status="aktiv", status_dato="")
    u.update(kw)
    u["_fp"] = kw.get("_fp") or fp()
    u["_ip"] = kw.get("_ip") or dk_ip()
    users.append(tag(u, nets))
    S(u["oprettet"], u, "konto_opret", nets=nets)
    return u


_aid = set()


def A(u, t, kategori, by, titel, tekst, nets=(), navn=None, alder=None, telefon=None, kontakt=None, pris=None,
      billeder=(), sprog=("da",), status=None, status_tid=None, fp_=None, ip=None, land=None):
    while True:
        aid = "AN-%07d" % R.randint(5100000, 5999999)
        if aid not in _aid:
            _aid.add(aid)
            break
    if status is None:
        exp = t + timedelta(days=30)
        status, status_tid = ("udløbet", exp) if exp < END else ("aktiv", None)
    a = dict(annonce_id=aid, bruger_id=u["bruger_id"], kategori=kategori, oprettet=t, by=by, titel=titel, tekst=tekst,
             navn=navn, alder=alder, telefon=telefon, kontakt_app=kontakt, pris=pris, billeder=list(billeder),
             sprog=list(sprog), status=status, status_tid=status_tid)
    ads.append(tag(a, nets))
    S(t, u, "annonce_opret", nets=nets, fp_=fp_, ip=ip, land=land, ref=aid)
    return a


def M(thread, t, fra, til, text, nets=(), ad=None):
    msgs.append(tag(dict(t=t, samtale=thread, fra=fra["bruger_id"], til=til["bruger_id"], tekst=text,
                         annonce=ad["annonce_id"] if ad else ""), nets))


def S(t, u, handling, nets=(), fp_=None, ip=None, land=None, ref=""):
    sess.append(tag(dict(t=t, bruger=u["bruger_id"], handling=handling, fp=fp_ or u["_fp"], ip=ip or u["_ip"],
                         land=land or u.get("_land", "DK"), ua=u.get("_ua", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5)"),
                         ref=ref), nets))


_pid = [880000]


def P(t, u, amount, produkt, middel, kort="", mp="", ad=None, nets=(), kortland="DK"):
    _pid[0] += R.randint(1, 9)
    pays.append(tag(dict(betaling_id="PAY%07d" % _pid[0], bruger=u["bruger_id"], t=t, beloeb=amount, produkt=produkt,
                         middel=middel, kort=kort, kortland=kortland, mp=mp, annonce=ad["annonce_id"] if ad else ""), nets))


_thr = [1000]


def thread():
    _thr[0] += R.randint(1, 5)
    return "T%06d" % _thr[0]


def card_token():
    return "kort-%04d-%s" % (R.randint(1000, 9999), "".join(R.choice("abcdef0123456789") for _ in range(4)))


# ================================================================ background users
def private_user(first=None, last=None, land="DK", created=None, nets=()):
    fn = first or R.choice(FIRST_F + FIRST_M)
    ln = last or R.choice(LAST)
    uname = R.choice(["%s_%s" % (fn.lower(), ln[0].lower()), "%s%d" % (fn.lower(), R.randint(60, 99)),
                      "%s.%s" % (fn.lower(), ln.lower()), "%s%s" % (fn[:3].lower(), R.randint(100, 999))])
    uname = uname.replace("ø", "o").replace("æ", "ae").replace("å", "aa")
    u = U(nets, brugernavn=uname, email="%s@%s" % (uname, R.choice(["webpost.example", "netmail.example", "postkasse.example"])),
          telefon_verificeret=ph() if R.random() < 0.8 else "",
          oprettet=created or datetime(R.randint(2014, 2026), R.randint(1, 8), R.randint(1, 28), R.randint(7, 22), R.randint(0, 59)),
          registreringsland=land, id_verificeret=R.choice(["ja", "nej", "nej"]))
    u["_name"] = (fn, ln)
    u["_ua"] = R.choice(["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5)", "Mozilla/5.0 (Linux; Android 14; SM-A546B)",
                         "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/131.0", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6)"])
    return u


people = [private_user() for _ in range(230)]
for u in people:
    for _ in range(R.randint(1, 3)):
        S(rt(rday(), 7, 23), u, "login")

GOODS = [("Møbler", "Sofa 3-personers", "Pæn sofa sælges pga. flytning. Røgfrit hjem. Afhentes.", (300, 2500)),
         ("Møbler", "Spisebord med 6 stole", "Egetræ, få brugsspor. Kan ses efter aftale.", (800, 3000)),
         ("Møbler", "Reol", "Hvid reol 80x200, skal afmonteres af køber.", (100, 500)),
         ("Møbler", "Kontorstol", "Hæve-sænke kontorstol, virker perfekt.", (200, 900)),
         ("Elektronik", "iPhone 13 128 GB", "Altid haft cover på. Batteri 86 %. Kvittering haves.", (1800, 2900)),
         ("Elektronik", "PlayStation 5", "Med 2 controllere og 3 spil.", (2500, 3600)),
         ("Elektronik", "Fladskærm 55\"", "Samsung 4K, fjernbetjening medfølger.", (1200, 3200)),
         ("Tøj", "Vinterjakke str. M", "Brugt én vinter. Sendes gerne.", (150, 600)),
         ("Tøj", "Børnetøj 2-3 år", "Stor pose blandet børnetøj.", (50, 200)),
         ("Cykler", "Damecykel 7 gear", "Nyserviceret, ny kæde og bremser.", (600, 2200)),
         ("Cykler", "Ladcykel", "Christiania-model, med kaleche.", (3000, 8000)),
         ("Have", "Havetrampolin 3,6 m", "Skal hentes, nettet er lidt falmet.", (200, 800))]
for u in people[:170]:
    for _ in range(R.randint(1, 2)):
        kat, tit, txt, (lo, hi) = R.choice(GOODS)
        A(u, rt(rday(), 7, 23), kat, R.choice(CITIES), tit, txt, pris="%d kr." % (R.randint(lo, hi) // 50 * 50),
          billeder=[phash() for _ in range(R.randint(1, 4))], telefon=None)

# goods chats
goods_ads = [a for a in ads if a["kategori"] in ("Møbler", "Elektronik", "Tøj", "Cykler", "Have")]
Q = [["Hej, er {t} stadig til salg?", "Ja den er 🙂", "Vil du tage {p} kr?", "Kan mødes på {p2}", "Ok, kan hente i morgen kl 17",
      "Super, adressen er {adr}"],
     ["Hej! Kan den sendes?", "Nej desværre kun afhentning", "Ok tak alligevel"],
     ["Hej, hvilke mål har den?", "Den er ca. 200 x 90", "Fint, jeg byder {p}", "Ok det er en aftale. Du kan betale med MobilePay ved afhentning"],
     ["Er den solgt?", "Ja, beklager", "Ok"]]
for a in R.sample(goods_ads, 150):
    seller = next(u for u in users if u["bruger_id"] == a["bruger_id"])
    buyer = R.choice(people)
    if buyer is seller:
        continue
    th = thread()
    t = a["oprettet"] + timedelta(hours=R.randint(1, 60))
    price = int(a["pris"].split()[0])
    conv = R.choice(Q)
    for k, line in enumerate(conv):
        who, other = (buyer, seller) if k % 2 == 0 else (seller, buyer)
        txt = line.format(t=a["titel"].lower(), p=max(50, price - R.choice([50, 100, 200])), p2=price - 50,
                          adr="%s %d" % (R.choice(["Skolevej", "Engvej", "Birkevej", "Parkvej"]), R.randint(1, 80)))
        M(th, t, who, other, txt, ad=a)
        t += timedelta(minutes=R.randint(2, 240))

# housing and ordinary jobs
for u in R.sample(people[100:230], 40):
    by = R.choice(CITIES)
    m2 = R.randint(12, 85)
    A(u, rt(rday(), 8, 22), "Bolig", by, R.choice(["Værelse udlejes", "Lejlighed til leje", "Fremleje 6 mdr."]),
      "%d m² i %s. Husleje %d kr. + forbrug. Depositum 3 mdr. Ikke-ryger." % (m2, by, m2 * R.randint(90, 140)),
      pris="%d kr./md." % (m2 * 110), billeder=[phash() for _ in range(3)])
employers = []
for name, by, trade, cvr in [("Café Kronen ApS", "Vejle", "Tjener/opvasker", "36110042"), ("Randers Lager A/S", "Randers", "Lagermedarbejder", "29988101"),
                             ("Bornholms Bageri", "Roskilde", "Bagermedhjælper", "40122930"), ("Cleanwise ApS", "Aarhus", "Rengøringsassistent", "38871204"),
                             ("Hotel Fjordgården", "Horsens", "Stuepige/roomservice", "31822007"), ("Kolding Kro", "Kolding", "Køkkenmedhjælper", "25519034"),
                             ("Tandlæge Holm", "Silkeborg", "Klinikassistent", "33700218"), ("Odense Flyt & Transport", "Odense", "Flyttemand", "37001562")]:
    u = U(brugernavn=name.lower().replace(" ", "").replace("&", "og")[:18], email="job@%s.example" % name.split()[0].lower(),
          telefon_verificeret=ph(), oprettet=datetime(R.randint(2015, 2024), R.randint(1, 12), R.randint(1, 28), 10, 0),
          kontotype="erhverv", cvr=cvr, id_verificeret="ja")
    u["_name"] = (name, "")
    employers.append(u)
    for _ in range(R.randint(1, 3)):
        A(u, rt(rday(), 8, 16), "Job", by, "%s søges" % trade,
          "%s i %s søger %s, 25-37 t/uge. Løn efter overenskomst. Send ansøgning via Annoncen eller ring %s." %
          (name, by, trade.lower(), shown(u["telefon_verificeret"])), pris="Overenskomst", billeder=[])
job_ads = [a for a in ads if a["kategori"] == "Job"]
for a in job_ads:
    emp = next(u for u in users if u["bruger_id"] == a["bruger_id"])
    for _ in range(R.randint(1, 3)):
        app = R.choice(people)
        th = thread()
        t = a["oprettet"] + timedelta(hours=R.randint(2, 90))
        M(th, t, app, emp, R.choice(["Hej, jeg vil gerne søge stillingen. Jeg har erfaring fra lignende job.",
                                     "Hej. Er stillingen stadig ledig? Jeg kan starte 1. i næste måned.",
                                     "Hello, I am interested in the job. I speak English and a little Danish."]), ad=a)
        M(th, t + timedelta(hours=R.randint(3, 30)), emp, app,
          R.choice(["Tak for din henvendelse. Vil du sende dit CV til os på mail, så ringer vi dig op?",
                    "Hej, ja. Kan du komme til samtale på tirsdag kl. 10?",
                    "Thanks, we need some Danish for this job, but please send your CV."]), ad=a)

# ================================================================ independent adult advertisers (background)
NAT_WORDS = [("", 0.55), ("thai", 0.07), ("latina", 0.08), ("asiatisk", 0.08), ("dansk", 0.12), ("svensk", 0.03),
             ("brasiliansk", 0.04), ("spansk", 0.03)]


def pick_nat():
    x = R.random()
    for w, p in NAT_WORDS:
        x -= p
        if x <= 0:
            return w
    return ""


ESC_NAMES = ["Mia", "Luna", "Bella", "Nicole", "Jasmin", "Victoria", "Sasha", "Emilie", "Lily", "Chloe", "Sabrina",
             "Kamilla", "Angel", "Isabella", "Rose", "Tanja", "Lisa", "Maja", "Amanda", "Natalie", "Jessica", "Stella",
             "Diana", "Carmen", "Nina", "Paula", "Vanessa", "Leila", "Mai", "Kim", "Sara", "Mira", "Ruby", "Eva",
             "Anja", "Dina", "Lola", "Tina", "Alexa", "Sandra", "Marco", "Jacob"]


def esc_text(name, age, nat, city, phone_txt, first_person=True, rng=R):
    bits = []
    lang_en = rng.random() < 0.35
    if lang_en:
        hello = rng.choice(["Hi gentlemen", "Hello sweeties", "Hi darling", "Welcome"])
        bits.append("%s %s" % (hello, rng.choice(["💋", "🌹", "😘", "💋💋", ""])))
        bits.append("I'm %s, %s%s%s%s, %d years." % (name, "sweet " if rng.random() < 0.33 else "",
                                                   "young " if rng.random() < 0.12 else "", (nat + " ") if nat else "",
                                                   rng.choice(["girl", "lady", "woman"]), age))
        if rng.random() < 0.2:
            bits.append("Independent.")
        if rng.random() < 0.19:
            bits.append("100% real pics.")
        if rng.random() < 0.03:
            bits.append("New in town, only a few days!")
        bits.append(rng.choice(["Incall in %s, outcall possible." % city, "Private apartment in %s." % city,
                                "Relaxing massage and GFE.", "Classy and discreet."]))
        if rng.random() < 0.06:
            bits.append("Available 24/7.")
        bits.append(rng.choice(["Call or sms %s", "Text me: %s", "%s (sms first)"]) % phone_txt)
    else:
        bits.append("%s %s" % (rng.choice(["Hej søde", "Hej", "Hej med dig", "Velkommen"]), rng.choice(["💋", "🌹", "😘", "", "🍑"])))
        desc = []
        if rng.random() < 0.12:
            desc.append("ung")
        if rng.random() < 0.08:
            desc.append("petite")
        desc.append(rng.choice(["sød", "lækker", "smilende", "kurvet", "slank", "moden"]))
        bits.append("Jeg er %s, %d år, %s %spige." % (name, age, " og ".join(desc), (nat + " ") if nat else ""))
        if rng.random() < 0.2:
            bits.append("Jeg arbejder selvstændigt.")
        if rng.random() < 0.19:
            bits.append("100% ægte billeder.")
        if rng.random() < 0.03:
            bits.append("Ny i byen – kun få dage!")
        bits.append(rng.choice(["Jeg tilbyder afslappende massage og hygge.", "Massage, GFE og kys.",
                                "Diskret lejlighed i %s." % city, "Kun pæne og hygiejniske herrer."]))
        if rng.random() < 0.06:
            bits.append("Åben 24/7")
        bits.append(rng.choice(["Ring eller sms %s", "Sms %s", "Skriv på %s - ingen skjulte numre"]) % phone_txt)
    if rng.random() < 0.4:
        bits.append(rng.choice(["💋", "🍒", "👅", "🌹", "🎀", "🍭", "✨"]))
    return " ".join(b for b in bits if b)


escorts = []
for k in range(46):
    f_name = ESC_NAMES[k % len(ESC_NAMES)]
    u = private_user(created=datetime(R.randint(2019, 2026), R.randint(1, 8), R.randint(1, 28), R.randint(10, 23), 5))
    u["brugernavn"] = R.choice(["%s_%s" % (f_name.lower(), R.choice(["privat", "dk", "sweet", "massage", "xx"])),
                                "%s%d" % (f_name.lower(), R.randint(1, 99))])
    u["telefon_verificeret"] = ph()
    u["_persona"] = f_name
    u["_age"] = R.choice([21, 23, 24, 25, 26, 27, 28, 29, 30, 31, 33, 35, 38, 41, 44]) if R.random() > 0.05 else 19
    u["_nat"] = pick_nat()
    u["_city"] = R.choice(CITIES)
    u["_card"] = card_token()
    u["_pics"] = [phash() for _ in range(R.randint(2, 5))]
    escorts.append(u)
    base_txt = esc_text(f_name, u["_age"], u["_nat"], u["_city"], shown(u["telefon_verificeret"]))
    price = R.choice([1200, 1500, 1500, 1800, 2000, 2000, 2500])
    prev = None
    for n in range(R.randint(2, 6)):
        t = rt(rday(), 9, 24)
        city = u["_city"] if R.random() < 0.85 else R.choice(CITIES)
        txt = base_txt if (prev and R.random() < 0.5) else esc_text(f_name, u["_age"], u["_nat"], city, shown(u["telefon_verificeret"]))
        a = A(u, t, "Escort & massage", city, R.choice(["%s %s" % (f_name, R.choice(["💋", "🌹", "", "✨"])),
                                                        "Sød %s i %s" % (f_name, city), "%s - massage og hygge" % f_name]),
              txt, navn=f_name, alder=u["_age"], telefon=shown(u["telefon_verificeret"]), pris="%d kr./time" % price,
              billeder=R.sample(u["_pics"], min(len(u["_pics"]), R.randint(1, 3))),
              sprog=["da", "en"] if u["_nat"] in ("", "dansk") else ["en"] + (["th"] if u["_nat"] == "thai" else []),
              kontakt=R.choice(["WhatsApp", "Telegram"]) if R.random() < 0.03 else None)
        prev = a
        for _ in range(R.randint(0, 3)):
            P(t + timedelta(days=R.randint(1, 12), hours=R.randint(0, 10)), u, 49.0, "Bump", "kort", kort=u["_card"], ad=a)
        if R.random() < 0.3:
            P(t + timedelta(minutes=3), u, 199.0, "Top-annonce 7 dage", "MobilePay", mp=u["telefon_verificeret"], ad=a)
    for _ in range(R.randint(2, 5)):
        S(rt(rday(), 9, 24), u, "login")
BUYERS = [u for u in people if u["_name"][0] in FIRST_M]
BOOK = [["Hej {n}, er du ledig i aften?", "Hej søde 😘 ja fra kl 20. 1 time {p} kr", "Perfekt, kl 21?",
         "Ja det passer. Skriv når du er på vej, så sender jeg adressen"],
        ["Hi, do you do outcall to hotel?", "Hi dear, yes outcall +500 for taxi. When?", "Tomorrow 19?", "Ok baby see you 💋"],
        ["Hej, hvad koster en halv time?", "Hej, {p2} kr for 30 min. Jeg tager kontant eller MobilePay til mit nummer",
         "Ok, jeg vender tilbage"],
        ["Er du ægte?", "Ja, det er mig på billederne 🙂 Du er velkommen til at ringe"]]
for u in escorts:
    my_ads = [a for a in ads if a["bruger_id"] == u["bruger_id"]]
    for _ in range(R.randint(1, 4)):
        a = R.choice(my_ads)
        b = R.choice(BUYERS)
        th = thread()
        t = a["oprettet"] + timedelta(hours=R.randint(1, 100))
        p = int(a["pris"].split()[0])
        for k, line in enumerate(R.choice(BOOK)):
            who, other = (b, u) if k % 2 == 0 else (u, b)
            M(th, t, who, other, line.format(n=u["_persona"], p=p, p2=p * 6 // 10 // 100 * 100), ad=a)
            t += timedelta(minutes=R.randint(1, 50))

# ================================================================ P1: controller behind five "women"
P1 = "P1-telegram-girls"
C_FP, C_IP_RO, C_IP_DK = "fp_9e04c1a7d2", "89.137.204.18", "5.186.77.212"
C_PHONE, C_PHONE2 = "+4520008120", "+4520008127"
TG = "@dk_service77"
ctrl = U((P1,), brugernavn="dk_service77", email="kontakt.dk77@fastpost.example", telefon_verificeret=ph(C_PHONE),
         oprettet=datetime(2026, 7, 20, 2, 14), registreringsland="RO", _fp=C_FP, _ip=C_IP_RO, _land="RO")
ctrl["_ua"] = "Mozilla/5.0 (Linux; Android 13; Redmi Note 12)"
women = []
for k, (nm, age, land, created) in enumerate([("Nadia", 24, "RO", datetime(2026, 9, 2, 23, 40)),
                                              ("Bianca", 22, "RO", datetime(2026, 9, 3, 0, 12)),
                                              ("Alina", 26, "MD", datetime(2026, 9, 6, 22, 51)),
                                              ("Kira", 19, "RO", datetime(2026, 9, 11, 23, 5)),
                                              ("Sofia", 23, "DK", datetime(2026, 9, 12, 1, 30))]):
    w = U((P1,), brugernavn="%s_%s" % (nm.lower(), R.choice(["sweet", "dk", "new", "vip", "hot"])),
          email="girls.dk%02d@webpost.example" % (k + 1), telefon_verificeret=ph(C_PHONE if k != 2 else C_PHONE2),
          oprettet=created, registreringsland=land, _fp=C_FP, _ip=C_IP_RO if k % 2 == 0 else C_IP_DK,
          _land="RO" if k % 2 == 0 else "DK")
    w["_ua"] = ctrl["_ua"]
    w["_persona"], w["_age"] = nm, age
    w["_own_fp"] = fp()
    women.append(w)
PICS = [phash() for _ in range(9)]
wpics = {"Nadia": [PICS[0], PICS[1]], "Bianca": [PICS[2], PICS[3]], "Alina": [PICS[4], PICS[0]],
         "Kira": [PICS[5], PICS[3]], "Sofia": [PICS[6], PICS[7], PICS[8]]}
NATW = {"Nadia": "rumænsk", "Bianca": "rumænsk", "Alina": "østeuropæisk", "Kira": "rumænsk", "Sofia": "østeuropæisk"}
OBSC = ["2O OO 8I 2O", "tyve nul nul otteogfirs tyve", "2️⃣0️⃣0️⃣0️⃣8️⃣1️⃣2️⃣0️⃣", "20-00-81-20", "20 oo 81 2o"]


def p1_text(w, city, k):
    nm, age = w["_persona"], w["_age"]
    youth = " Hun er helt ny og det er hendes første gang i Danmark 🍭" if nm == "Kira" else ""
    t = ("%s %s 💋 %s er %d år, sød og villig %s pige.%s Hun er i %s nu. 100%% ægte billeder. "
         "Hun tilbyder det hele: massage, GFE, kys, %s. Åben 24/7. Kun Telegram %s eller sms %s")
    extra = R.choice(["alt er muligt", "uden kondom efter aftale", "69, franskt", "alt er muligt"])
    head = R.choice(["Ny pige i byen!", "NY I BYEN!!", "Kun få dage!", "Ny pige!"])
    return t % (head, "🌹" if k % 2 else "✨", nm, age, NATW[nm], youth, city, extra, TG,
                OBSC[k % len(OBSC)] if k % 3 else shown(C_PHONE if nm != "Alina" else C_PHONE2, "sp"))


# circuit: Odense -> Vejle -> Aalborg -> Esbjerg -> Odense ... one week each, two women per city at a time
CIRCUIT = ["Odense", "Vejle", "Aalborg", "Esbjerg"]
p1_ads = []
k = 0
for week in range(10):
    wk_start = datetime(2026, 9, 14) + timedelta(days=7 * week)
    if wk_start >= PURGE:
        break
    for j, w in enumerate(women):
        if wk_start < w["oprettet"]:
            continue
        city = CIRCUIT[(week + j) % 4]
        t = datetime(wk_start.year, wk_start.month, wk_start.day, R.choice([22, 23, 1, 2]), R.randint(0, 59)) + timedelta(days=R.randint(0, 1))
        a = A(w, t, "Escort & massage", city, "%s %s – ny i %s" % (w["_persona"], R.choice(["💋", "🌹", "🔥"]), city),
              p1_text(w, city, k), nets=(P1,), navn=w["_persona"], alder=w["_age"], telefon=None, kontakt="Telegram " + TG,
              pris=R.choice(["500 kr./30 min – 800 kr./time", "600 kr. halv time, 900 kr. time", "800 kr./time"]),
              billeder=wpics[w["_persona"]], sprog=["ro", "en"], fp_=C_FP, ip=C_IP_RO, land="RO")
        exp = t + timedelta(days=7)
        a["status"], a["status_tid"] = ("udløbet", exp) if exp < PURGE else ("slettet", PURGE + timedelta(minutes=R.randint(1, 70)))
        p1_ads.append(a)
        k += 1
        # bumps for every woman from one card
        for d in range(0, 7, 2):
            bt = t + timedelta(days=d, hours=R.randint(1, 20))
            if bt < PURGE:
                P(bt, w, 49.0, "Bump", "kort", kort="kort-4417-9c0e", ad=a, nets=(P1,), kortland="RO")
                S(bt, w, "bump", nets=(P1,), fp_=C_FP, ip=C_IP_RO, land="RO", ref=a["annonce_id"])
        # edits of all women's ads from the controller's phone
        S(t + timedelta(hours=R.randint(20, 60)), w, "annonce_rediger", nets=(P1,), fp_=C_FP, ip=C_IP_RO, land="RO",
          ref=a["annonce_id"])
# the "agency" ad of the controller account, Nov
roster = A(ctrl, datetime(2026, 11, 2, 0, 40), "Escort & massage", "Odense", "Nye piger hver uge 💋",
           "Vores piger fra Østeuropa er klar til dig. Nye piger hver uge i Odense, Vejle, Aalborg og Esbjerg. "
           "Billige priser, 100%% ægte, alt er muligt. Skriv på Telegram %s – vi svarer 24/7." % TG,
           nets=(P1,), navn="Nadia, Bianca, Alina, Kira, Sofia", kontakt="Telegram " + TG, pris="fra 500 kr.",
           billeder=[PICS[0], PICS[2], PICS[5]], sprog=["en"], status="slettet", status_tid=PURGE + timedelta(minutes=4),
           fp_=C_FP, ip=C_IP_RO, land="RO")
P(datetime(2026, 11, 2, 0, 42), ctrl, 199.0, "Top-annonce 7 dage", "kort", kort="kort-4417-9c0e", ad=roster, nets=(P1,),
  kortland="RO")
# controller logins from Romania; women's accounts mostly from the controller's phone, rarely their own
for _ in range(25):
    S(rt(rday(datetime(2026, 9, 1), datetime(2026, 11, 17)), 0, 24), ctrl, "login", nets=(P1,))
for w in women:
    for _ in range(10):
        t = rt(rday(max(w["oprettet"], datetime(2026, 9, 12)), datetime(2026, 11, 17)), 0, 24)
        S(t, w, "login", nets=(P1,), fp_=C_FP, ip=C_IP_RO, land="RO")
    for _ in range(2):
        t = rt(rday(datetime(2026, 9, 20), datetime(2026, 11, 15)), 11, 15)
        S(t, w, "login", nets=(P1,), fp_=w["_own_fp"], ip=C_IP_DK, land="DK", )
# buyers' chats: answered in third person by whoever holds the accounts; pay the controller by MobilePay first
P1BOOK = [["Hej {n}, er du ledig i aften?", "Hej. {n} er ledig fra kl 22. 800 for en time",
           "Ok. Hvor er det?", "Send 800 på MobilePay til 20 00 81 20 først. Så får du adressen. Skriv på telegram " + TG],
          ["Hi, how much for 1 hour?", "Hi. 800 kr. She is ready now. Pay first to MobilePay 20008120",
           "Can I pay cash to her?", "No cash. Only MobilePay first. Write on telegram " + TG],
          ["Hej søde, taler du dansk?", "Hun taler ikke dansk, lidt engelsk. Du kan vælge Nadia eller Kira i aften",
           "Kira", "Ok. 500 for halv time, betal på 20 00 81 20 mobilepay og skriv navnet på pigen"],
          ["Er billederne ægte?", "100% ægte. Hun venter på dig. Skriv på telegram " + TG]]
for a in p1_ads:
    w = next(u for u in users if u["bruger_id"] == a["bruger_id"])
    for _ in range(R.choice([0, 1, 1, 2])):
        b = R.choice(BUYERS)
        th = thread()
        t = a["oprettet"] + timedelta(hours=R.randint(1, 100))
        if t >= PURGE:
            continue
        for kk, line in enumerate(R.choice(P1BOOK)):
            who, other = (b, w) if kk % 2 == 0 else (w, b)
            price = R.choice(["800", "800", "900", "700"])
            M(th, t, who, other, line.format(n=w["_persona"]).replace("800", price), nets=(P1,), ad=a)
            t += timedelta(minutes=R.randint(1, 12))
# the controller's own messages to the women (rules, debt, quotas, location, check-ins, threats)
RULES = ["You don't go out without asking me. Understood?", "Send location now", "trimite locatia acum",
         "Photo every hour. I want to see you are at the apartment", "Today minimum 8 clients. Yesterday only 5, fine 500",
         "You still owe 6.400 for ticket, ads and apartment. This week you pay 2.000", "Raspunde!! de ce nu raspunzi",
         "Clients pay me, not you. If somebody gives you cash you give it to me", "Don't talk with the neighbours",
         "If you stop working your mother will see the pictures. Don't test me", "Tomorrow you go to Aalborg with Bianca. Taxi at 10",
         "Camera shows you were sleeping at 15. No sleeping when clients write", "Ai inteles?", "Where are you??",
         "Send me photo now", "Delete this chat after reading", "Debt now 4.400. Good girl", "You go to Esbjerg on Monday"]
REPLIES = ["ok", "da", "ok sorry", "I am here", "yes", "am inteles", "i was in shower", "ok 👍", "pls I am tired"]
for w in women:
    for _ in range(14):
        d = rday(max(w["oprettet"] + timedelta(days=2), datetime(2026, 9, 14)), datetime(2026, 11, 17))
        th = "T%06d" % (900000 + women.index(w))
        t = rt(d, 9, 24)
        M(th, t, ctrl, w, R.choice(RULES), nets=(P1,))
        if R.random() < 0.7:
            M(th, t + timedelta(minutes=R.randint(1, 9)), w, ctrl, R.choice(REPLIES), nets=(P1,))
# two days of constant check-ins (every ~20 min) for Kira and Bianca
for w, d in [(women[3], datetime(2026, 10, 7)), (women[1], datetime(2026, 10, 21))]:
    th = "T%06d" % (900000 + women.index(w))
    t = datetime(d.year, d.month, d.day, 10, 3)
    while t.hour < 23:
        M(th, t, ctrl, w, R.choice(["?", "unde esti", "Where are you??", "Send photo now", "location", "raspunde", "??",
                                    "send location"]), nets=(P1,))
        if R.random() < 0.4:
            M(th, t + timedelta(minutes=2), w, ctrl, R.choice(["here", "ok", "with client", "📍"]), nets=(P1,))
        t += timedelta(minutes=R.randint(14, 26))
# purge after the police action in Odense on 18-11-2026
for k, w in enumerate([ctrl] + women):
    S(PURGE + timedelta(minutes=3 + 9 * k), w, "beskeder_slettet", nets=(P1,), fp_=C_FP, ip=C_IP_RO, land="RO")
    S(PURGE + timedelta(minutes=7 + 9 * k), w, "konto_slettet", nets=(P1,), fp_=C_FP, ip=C_IP_RO, land="RO")
    w["status"], w["status_dato"] = "slettet_af_bruger", PURGE + timedelta(minutes=7 + 9 * k)
for a in p1_ads:
    if a["status"] == "slettet":
        S(a["status_tid"], next(u for u in users if u["bruger_id"] == a["bruger_id"]), "annonce_slet", nets=(P1,),
          fp_=C_FP, ip=C_IP_RO, land="RO", ref=a["annonce_id"])
S(roster["status_tid"], ctrl, "annonce_slet", nets=(P1,), ref=roster["annonce_id"])

# ================================================================ P2: recruitment into a scam compound
P2 = "P2-asia-jobs"
R_FP, R_IP = "fp_31b7e0aa54", "103.216.51.88"
recruiters = []
for k, (nm, land, created) in enumerate([("asia_career_dk", "TH", datetime(2026, 10, 3, 4, 10)),
                                         ("global.hr.jobs", "KH", datetime(2026, 10, 9, 5, 2)),
                                         ("nordic_support_jobs", "DK", datetime(2026, 10, 20, 3, 44))]):
    r = U((P2,), brugernavn=nm, email="%s.hr%d@fastpost.example" % (nm.split("_")[0].split(".")[0], k + 1),
          telefon_verificeret="", oprettet=created, registreringsland=land, kontotype="erhverv",
          cvr=["", "10293847", ""][k], _fp=R_FP, _ip=R_IP, _land="KH")
    r["_ua"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/129.0"
    recruiters.append(r)
RTG = ["@asia_hr_recruit", "@asia_hr_recruit", "@nordic_hr_team"]
JOBS = [("Kundeservice på dansk – Bangkok", "Bangkok"), ("Online marketing – Phnom Penh", "Phnom Penh"),
        ("Crypto support (dansk/svensk/norsk) – Manila", "Manila"), ("Customer Service Nordic – Thailand", "Bangkok"),
        ("Social media assistant – Sihanoukville", "Sihanoukville")]
p2_ads = []
for k in range(15):
    r = recruiters[k % 3] if k < 12 else recruiters[2]
    t = rt(rday(max(r["oprettet"], datetime(2026, 10, 3)), datetime(2026, 11, 25)), 2, 12)
    tit, place = JOBS[k % len(JOBS)]
    salary = R.choice(["28.000-35.000 kr./md. netto", "4.500 USD/month + bonus", "30.000 kr. netto + provision"])
    if k % 2:
        txt = ("Vi søger dansktalende til %s. Løn %s. Ingen erfaring nødvendig – fuld oplæring. Fly, visum og bolig betales af "
               "firmaet. Start med det samme, få pladser tilbage! Kontakt kun på Telegram %s" % (place, salary, RTG[k % 3]))
        lang = ["da"]
    else:
        txt = ("We hire Danish/Scandinavian speakers for %s. Salary %s. No experience needed, training provided. "
               "Free flight ticket, visa and accommodation included. Start ASAP – only few seats left! "
               "Contact only Telegram %s / WhatsApp" % (place, salary, RTG[k % 3]))
        lang = ["en"]
    a = A(r, t, "Job i udlandet", "Udlandet", tit, txt, nets=(P2,), kontakt="Telegram " + RTG[k % 3], pris=salary,
          billeder=["c0ffee%010x" % (k % 3)], sprog=lang, fp_=R_FP, ip=R_IP, land="KH")
    p2_ads.append(a)
    P(t + timedelta(minutes=2), r, 299.0, "Job-annonce fremhævet", "kort", kort="kort-8831-71aa", ad=a, nets=(P2,), kortland="TH")
for r in recruiters:
    for _ in range(6):
        S(rt(rday(r["oprettet"], datetime(2026, 11, 28)), 0, 24), r, "login", nets=(P2,))
# applicants (lawful users who answer; their chats are part of the network's evidence)
applicants = []
for k in range(11):
    a_user = private_user(first=R.choice(FIRST_F + FIRST_M), nets=(P2,), created=datetime(R.randint(2020, 2026), R.randint(1, 9), R.randint(1, 28), 18, 0))
    if k in (3, 7):
        a_user["registreringsland"] = "UA"
        a_user["_name"] = (R.choice(["Oksana", "Dmytro", "Iryna"]), R.choice(["Melnyk", "Kravets"]))
    applicants.append(a_user)
REC_CHAT = [
    ("a", "Hej, er jobbet stadig ledigt? Jeg taler dansk og engelsk"),
    ("r", "Hello! Yes still open. We continue on Telegram, it is faster: {tg}"),
    ("a", "Ok. Hvad er arbejdet præcist?"),
    ("r", "Chat with customers online, easy job. Send us passport photo and one selfie so HR can book your flight"),
    ("r", "Flight is on Friday from Copenhagen to Bangkok, you must answer today – only 2 seats left"),
    ("a", "Skal jeg betale noget?"),
    ("r", "Only visa and processing fee 2.500 kr in advance, you get it back with first salary. Pay to the account I send on Telegram"),
    ("r", "When you arrive the company keeps passport for work permit, this is normal. Target is 5 new customers per day, bonus if more"),
]
for k, ap in enumerate(applicants):
    a = R.choice([x for x in p2_ads if x["oprettet"] < datetime(2026, 10, 28)] if k in (0, 5) else p2_ads)
    r = next(u for u in users if u["bruger_id"] == a["bruger_id"])
    th = thread()
    t = a["oprettet"] + timedelta(hours=R.randint(2, 40))
    n = 8 if k in (0, 5) else R.choice([4, 5, 8, 8])
    for who, line in REC_CHAT[:n]:
        src, dst = (ap, r) if who == "a" else (r, ap)
        M(th, t, src, dst, line.format(tg=RTG[recruiters.index(r)]), nets=(P2,), ad=a)
        t += timedelta(minutes=R.randint(3, 90))
# two recruited applicants: after they left, their accounts write templated investment pitches from Cambodia
PITCH = ["Hej {n}! Jeg så din annonce. Må jeg spørge – har du prøvet at investere i krypto? Jeg tjente 40.000 kr sidste måned 🙂",
         "Hej {n}, undskyld jeg skriver. Jeg har en ven der kan lære dig at handle krypto, 100% sikkert. Skriv på WhatsApp?",
         "Hi {n}! Do you want extra income from home? My mentor helps with crypto trading, very easy. Write me on WhatsApp"]
for ap, start in [(applicants[0], datetime(2026, 11, 8)), (applicants[5], datetime(2026, 11, 14))]:
    for d in range(8):
        day = start + timedelta(days=d)
        if day > END:
            break
        S(rt(day, 2, 10), ap, "login", nets=(P2,), fp_=R_FP, ip="103.216.51.%d" % R.randint(20, 99), land="KH")
        for target in R.sample(people, 3):
            t = rt(day, 3, 12)
            th = thread()
            M(th, t, ap, target, R.choice(PITCH).format(n=target["_name"][0]), nets=(P2,))
            if R.random() < 0.25:
                M(th, t + timedelta(minutes=R.randint(20, 300)), target, ap, R.choice(["Nej tak", "Hvem er du?", "Stop spam"]),
                  nets=(P2,))

# ================================================================ LOOK-ALIKES
def lookalike_escort():
    L = "L1-independent-escort"
    u = private_user(first="Line", last="Mortensen", created=datetime(2021, 5, 14, 20, 11), nets=(L,))
    u["brugernavn"], u["id_verificeret"] = "line_privat", "ja"
    u["telefon_verificeret"] = ph("+4520004471")
    pics = [phash() for _ in range(4)]
    card_ = card_token()
    for k, (d, city) in enumerate([(datetime(2026, 9, 3), "Aarhus"), (datetime(2026, 9, 24), "Aarhus"), (datetime(2026, 10, 6), "Aalborg"),
                                   (datetime(2026, 10, 15), "Aarhus"), (datetime(2026, 11, 3), "Aarhus"), (datetime(2026, 11, 20), "Aalborg")]):
        aal = city == "Aalborg"
        txt = ("Hej søde 💋 Jeg er Line, 34 år, dansk og selvstændig. 100%% ægte billeder – det er mig. "
               "Jeg tilbyder sensuel massage og GFE i min egen diskrete lejlighed. %s"
               "Ingen skjulte numre. Sms eller ring 20 00 44 71. Depositum på MobilePay til mit nummer ved nye kunder." %
               ("Ny i Aalborg – kun 3 dage! " if aal else ""))
        a = A(u, rt(d, 10, 14), "Escort & massage", city, "Line 💋 dansk & selvstændig" + (" – Aalborg 3 dage" if aal else ""),
              txt, nets=(L,), navn="Line", alder=34, telefon="20 00 44 71", pris="1.800 kr./time", billeder=pics[:3], sprog=["da", "en"])
        for _ in range(3):
            P(a["oprettet"] + timedelta(days=R.randint(1, 10)), u, 49.0, "Bump", "kort", kort=card_, ad=a, nets=(L,))
        for _ in range(R.randint(1, 3)):
            b = R.choice(BUYERS)
            th = thread()
            t = a["oprettet"] + timedelta(hours=R.randint(2, 60))
            for kk, line in enumerate(["Hej Line, har du tid torsdag aften?", "Hej 😊 ja, kl 20 eller 21. Jeg beder om 300 kr i depositum på MobilePay til 20 00 44 71",
                                       "Kl 21 passer fint, sender nu", "Tak, så ses vi 💋"]):
                who, other = (b, u) if kk % 2 == 0 else (u, b)
                M(th, t, who, other, line, nets=(L,), ad=a)
                t += timedelta(minutes=R.randint(2, 40))
    for _ in range(8):
        S(rt(rday(), 9, 23), u, "login", nets=(L,))


lookalike_escort()

# L2 legitimate escort agency: one phone, several models, third-person ads, stable roster, verified business
L2 = "L2-licensed-agency"
ag = U((L2,), brugernavn="nordic_elite_escort", email="booking@nordicelite.example", telefon_verificeret=ph("+4520003390"),
       oprettet=datetime(2018, 2, 1, 12, 0), kontotype="erhverv", cvr="39551208", id_verificeret="ja")
ag["_ua"] = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6)"
for nm, age, pics in [("Josefine", 29, [phash(), phash()]), ("Amalie", 32, [phash(), phash()]), ("Vera", 27, [phash()]),
                      ("Christina", 36, [phash(), phash()])]:
    for d in [datetime(2026, 9, 5), datetime(2026, 10, 5), datetime(2026, 11, 5)]:
        a = A(ag, rt(d, 10, 16), "Escort & massage", "København", "%s – Nordic Elite" % nm,
              "%s er %d år og en af vores faste damer. Hun er uddannet, charmerende og taler dansk og engelsk. "
              "Vi tilbyder middag, selskab og overnatning i København. Alle damer arbejder selvstændigt gennem bureauet "
              "og vælger selv deres kunder og tider. Booking via vores telefon 20 00 33 90 eller booking@nordicelite.example." % (nm, age),
              nets=(L2,), navn=nm, alder=age, telefon="20 00 33 90", pris="3.500 kr./time – middag 6.000 kr.", billeder=pics,
              sprog=["da", "en"])
        P(a["oprettet"] + timedelta(minutes=5), ag, 199.0, "Top-annonce 7 dage", "faktura", ad=a, nets=(L2,))
        if R.random() < 0.6:
            b = R.choice(BUYERS)
            th = thread()
            t = a["oprettet"] + timedelta(hours=R.randint(3, 80))
            for kk, line in enumerate(["Hej, er %s ledig fredag aften?" % nm,
                                       "Hej og tak for din henvendelse. %s er ledig fredag fra kl. 19. Hun ønsker at kende dit fornavn og et telefonnummer, og betaling sker til hende ved mødet." % nm,
                                       "Fint, jeg ringer"]):
                who, other = (b, ag) if kk % 2 == 0 else (ag, b)
                M(th, t, who, other, line, nets=(L2,), ad=a)
                t += timedelta(minutes=R.randint(10, 120))
for _ in range(14):
    S(rt(rday(), 9, 18), ag, "login", nets=(L2,))

# L3 Thai massage clinic: shared phone for three therapists, ethnicity words, low-ish price, daytime
L3 = "L3-thai-massage-clinic"
tm = U((L3,), brugernavn="baan_thai_vejle", email="info@baanthai-vejle.example", telefon_verificeret=ph("+4520005150"),
       oprettet=datetime(2016, 6, 10, 11, 0), kontotype="erhverv", cvr="36620419", id_verificeret="ja")
for d in [datetime(2026, 9, 1), datetime(2026, 9, 29), datetime(2026, 10, 27), datetime(2026, 11, 24)]:
    for nm in ("Nok", "Ploy", "Dao"):
        A(tm, rt(d, 9, 12), "Escort & massage", "Vejle", "Traditionel thai massage – %s" % nm,
          "Baan Thai Massage i Vejle. %s er uddannet massør fra Wat Pho i Bangkok. Traditionel thailandsk massage, "
          "olie- og fodmassage. Åbent man-lør 10-19. Kun massage – ingen erotik. Ring 20 00 51 50." % nm,
          nets=(L3,), navn=nm, telefon="20 00 51 50", pris="450 kr./time", billeder=[phash()], sprog=["da", "th"])
for _ in range(8):
    S(rt(rday(), 9, 18), tm, "login", nets=(L3,))

# L4 second-hand furniture shop with two branches: template ads and reused stock photos in two cities
L4 = "L4-furniture-reseller"
fs = U((L4,), brugernavn="genbrugskompagniet", email="salg@genbrugskompagniet.example", telefon_verificeret=ph("+4520002260"),
       oprettet=datetime(2017, 3, 3, 9, 0), kontotype="erhverv", cvr="38114725", id_verificeret="ja")
stock = [phash() for _ in range(6)]
items = ["Chesterfield sofa", "Sofabord i teak", "Spisebordsstole, 4 stk.", "Kommode i fyr", "Lænestol", "Skænk 60'er stil",
         "Sengebord", "Reol i eg", "Skrivebord"]
for k in range(30):
    it = items[k % len(items)]
    city = "Odense" if k % 2 else "Vejle"
    A(fs, rt(rday(), 9, 17), "Møbler", city, "%s – GenbrugsKompagniet %s" % (it, city),
      "%s sælges fra vores butik i %s. Tjekket og rengjort. Levering mulig mod betaling. Se flere varer i butikken "
      "man-fre 10-17:30, lør 10-14. CVR 38114725." % (it, city), nets=(L4,), pris="%d kr." % R.choice([400, 650, 900, 1200, 1800]),
      billeder=[stock[k % 6], stock[(k + 1) % 6]])
for _ in range(10):
    S(rt(rday(), 9, 17), fs, "login", nets=(L4,))

# L5 strawberry farm recruiting seasonal pickers abroad, housing provided, lawful
L5 = "L5-seasonal-farm-jobs"
farm = U((L5,), brugernavn="stensgaard_baer", email="job@stensgaardbaer.example", telefon_verificeret=ph("+4520006610"),
         oprettet=datetime(2019, 1, 20, 8, 0), kontotype="erhverv", cvr="30441189", id_verificeret="ja")
for d, lang, tit, txt in [
    (datetime(2026, 11, 2), "da", "Sæsonmedarbejdere til jordbær 2027",
     "Stensgaard Bær ved Horsens søger 20 plukkere til sæsonen maj-august 2027. Løn efter overenskomst, 142,50 kr./t + akkord. "
     "Bolig i campingvogn på gården kan lejes for 1.000 kr./md. Egen transport til Danmark. Ansøg via Annoncen, på job@stensgaardbaer.example "
     "eller ring 20 00 66 10. CVR 30441189."),
    (datetime(2026, 11, 2), "pl", "Praca w Danii – zbiór truskawek 2027",
     "Gospodarstwo Stensgaard Bær (Dania, Horsens) szuka 20 osób do zbioru truskawek maj-sierpień 2027. Wynagrodzenie wg układu "
     "zbiorowego 142,50 DKK/godz. Zakwaterowanie w przyczepie na farmie 1.000 DKK/mies. Kontakt: telefon, e-mail lub WhatsApp +45 20 00 66 10."),
    (datetime(2026, 11, 3), "ro", "Muncă în Danemarca – cules de căpșuni",
     "Ferma Stensgaard Bær (Horsens) caută culegători pentru sezonul mai-august 2027. Salariu conform contractului colectiv 142,50 DKK/oră. "
     "Cazare în rulotă la fermă 1.000 DKK/lună. Contract scris înainte de plecare. Telefon/WhatsApp +45 20 00 66 10.")]:
    a = A(farm, rt(d, 8, 12), "Job", "Horsens", tit, txt, nets=(L5,), telefon="20 00 66 10", pris="142,50 kr./t",
          billeder=[phash()], sprog=[lang], kontakt="WhatsApp" if lang != "da" else None)
    for _ in range(R.randint(2, 3)):
        ap = R.choice(people)
        th = thread()
        t = a["oprettet"] + timedelta(hours=R.randint(3, 70))
        M(th, t, ap, farm, R.choice(["Dzień dobry, czy jest jeszcze miejsce? Mam doświadczenie z 2025.",
                                     "Hej, er der plads til to personer? Vi er et par.", "Bună ziua, se plătește transportul?"]), nets=(L5,), ad=a)
        M(th, t + timedelta(hours=R.randint(2, 20)), farm, ap,
          "Tak for din besked. Vi sender kontrakt og vilkår på mail. Rejsen betaler du selv; du får lønseddel hver 14. dag. "
          "Send gerne dit CV til job@stensgaardbaer.example.", nets=(L5,), ad=a)
for _ in range(6):
    S(rt(rday(datetime(2026, 10, 25), END), 8, 16), farm, "login", nets=(L5,))

# L6 lawful overseas IT job: Danish company with an office in Bangkok, relocation package
L6 = "L6-overseas-it-job"
itco = U((L6,), brugernavn="supportnordic_dk", email="hr@supportnordic.example", telefon_verificeret=ph("+4520007788"),
         oprettet=datetime(2020, 4, 2, 9, 0), kontotype="erhverv", cvr="41228350", id_verificeret="ja")
for d in [datetime(2026, 9, 15), datetime(2026, 10, 20), datetime(2026, 11, 16)]:
    a = A(itco, rt(d, 9, 14), "Job i udlandet", "Udlandet", "IT-supporter med dansk til vores kontor i Bangkok",
          "SupportNordic A/S (CVR 41228350, Aarhus) søger dansktalende IT-supportere til vores kontor i Bangkok. "
          "Løn 22.000 kr./md. efter dansk kontrakt, 12 mdr. Vi betaler fly og visum og hjælper med bolig første måned. "
          "Krav: erfaring med IT-support. To samtaler på video før ansættelse; kontrakten underskrives i Danmark. "
          "Ansøg på supportnordic.example/job eller hr@supportnordic.example.",
          nets=(L6,), pris="22.000 kr./md.", billeder=[phash()], sprog=["da"])
    for _ in range(2):
        ap = R.choice(people)
        th = thread()
        t = a["oprettet"] + timedelta(hours=R.randint(3, 50))
        M(th, t, ap, itco, "Hej, lyder spændende. Hvordan foregår ansættelsen?", nets=(L6,), ad=a)
        M(th, t + timedelta(hours=R.randint(2, 30)), itco, ap,
          "Hej og tak. Send dit CV via supportnordic.example/job, så inviterer vi til en første samtale på video. "
          "Vi beder først om pas og bankoplysninger, når kontrakten er underskrevet.", nets=(L6,), ad=a)
for _ in range(6):
    S(rt(rday(), 9, 16), itco, "login", nets=(L6,))

# L7 family of three sharing a tablet (different surnames), each selling their own things
L7 = "L7-family-shared-tablet"
FAM_FP, FAM_IP = "fp_ab12f00d77", "80.62.211.9"
fam = []
for fn, ln in [("Susanne", "Holm"), ("Kasper", "Holm-Ali"), ("Yasmin", "Ali")]:
    u = private_user(first=fn, last=ln, nets=(L7,))
    u["_fp"], u["_ip"] = FAM_FP, FAM_IP
    fam.append(u)
fam[1]["telefon_verificeret"] = fam[0]["telefon_verificeret"]
for u in fam:
    for _ in range(3):
        kat, tit, txt, (lo, hi) = R.choice(GOODS)
        A(u, rt(rday(), 16, 22), kat, "Roskilde", tit, txt, nets=(L7,), pris="%d kr." % (R.randint(lo, hi) // 50 * 50),
          billeder=[phash()], fp_=FAM_FP, ip=FAM_IP)
    for _ in range(4):
        S(rt(rday(), 16, 22), u, "login", nets=(L7,), fp_=FAM_FP, ip=FAM_IP)

# L8 refugee-help housing offer by an established volunteer association (families, not women only)
L8 = "L8-refugee-housing-volunteers"
vol = U((L8,), brugernavn="venligbolig_roskilde", email="kontakt@venligbolig.example", telefon_verificeret=ph("+4520009045"),
        oprettet=datetime(2022, 3, 4, 10, 0), kontotype="forening", cvr="43002219", id_verificeret="ja")
for d in [datetime(2026, 9, 10), datetime(2026, 10, 22)]:
    a = A(vol, rt(d, 9, 15), "Bolig", "Roskilde", "Bolig til ukrainske familier / Житло для українських сімей",
          "Venligbolig Roskilde formidler gratis midlertidige værelser hos private værter til ukrainske familier, i samarbejde med "
          "Roskilde Kommune. Vi hjælper også med CPR og jobcenter. Kontakt os her, på kontakt@venligbolig.example eller 20 00 90 45 (hverdage 9-15). "
          "Житло безкоштовно, у співпраці з муніципалітетом.", nets=(L8,), telefon="20 00 90 45", pris="Gratis",
          billeder=[phash()], sprog=["da", "uk"])
    for _ in range(3):
        ap = R.choice(people)
        th = thread()
        t = a["oprettet"] + timedelta(hours=R.randint(3, 60))
        M(th, t, ap, vol, R.choice(["Hello, we are a family of 3 from Kharkiv, is there a room?", "Добрий день, чи є житло для мами з дитиною?",
                                    "Hej, jeg vil gerne være vært. Hvordan gør man?"]), nets=(L8,), ad=a)
        M(th, t + timedelta(hours=R.randint(2, 24)), vol, ap,
          "Tak for din besked. Vi ringer dig op og aftaler et møde på vores kontor på biblioteket, sammen med kommunens medarbejder.",
          nets=(L8,), ad=a)

# ---------------------------------------------------------------- write
os.makedirs(OUT, exist_ok=True)
truth = {}


def note(net, f, rid):
    truth.setdefault(net, {}).setdefault(f, []).append(rid)


def loc(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S") + ("+02:00" if t < datetime(2026, 10, 25, 3) else "+01:00")


# ads (JSON Lines, local time with offset)
ads.sort(key=lambda a: a["oprettet"])
ads = [a for a in ads if a["oprettet"] <= END]
with open(os.path.join(OUT, "annoncer.jsonl"), "w", encoding="utf-8") as f:
    for a in ads:
        rec = {"annonce_id": a["annonce_id"], "bruger_id": a["bruger_id"], "kategori": a["kategori"], "oprettet": loc(a["oprettet"]),
               "by": a["by"], "titel": a["titel"], "tekst": a["tekst"], "navn": a["navn"], "alder": a["alder"],
               "telefon": a["telefon"], "kontakt_app": a["kontakt_app"], "pris": a["pris"], "billeder": a["billeder"],
               "sprog": a["sprog"], "status": a["status"], "status_tid": loc(a["status_tid"]) if a["status_tid"] else None}
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        for n in a["_nets"]:
            note(n, "data/annoncer.jsonl", a["annonce_id"])

# users (comma CSV, ISO dates)
users.sort(key=lambda u: u["oprettet"])
with open(os.path.join(OUT, "brugere.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    cols = ["bruger_id", "brugernavn", "email", "telefon_verificeret", "oprettet", "registreringsland", "kontotype", "cvr",
            "id_verificeret", "status", "status_dato"]
    w.writerow(cols)
    for u in users:
        row = dict(u)
        row["oprettet"] = u["oprettet"].strftime("%Y-%m-%d %H:%M:%S")
        row["status_dato"] = u["status_dato"].strftime("%Y-%m-%d %H:%M:%S") if u["status_dato"] else ""
        w.writerow([row[c] for c in cols])
        for n in u["_nets"]:
            note(n, "data/brugere.csv", u["bruger_id"])

# messages: the moderation tool's chat export, no message ids; deleted conversations are kept for legal hold
msgs.sort(key=lambda m: (m["t"], m["samtale"]))
msgs = [m for m in msgs if m["t"] <= END]
with open(os.path.join(OUT, "beskeder.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\n")
    w.writerow(["samtale", "sendt", "fra_bruger", "til_bruger", "annonce", "besked"])
    for i, m in enumerate(msgs):
        w.writerow([m["samtale"], m["t"].strftime("%d.%m.%Y %H:%M"), m["fra"], m["til"], m["annonce"], m["tekst"]])
        for n in m["_nets"]:
            note(n, "data/beskeder.csv", i + 1)

# sessions (TSV, unix epoch seconds UTC)
sess.sort(key=lambda s: s["t"])
sess = [s for s in sess if START - timedelta(days=60) <= s["t"] <= END]
with open(os.path.join(OUT, "sessioner.tsv"), "w", encoding="utf-8") as f:
    f.write("epoch\tbruger_id\thandling\tenhed_fp\tip\tip_land\tuser_agent\treference\n")
    import calendar
    for i, s in enumerate(sess):
        ep = calendar.timegm(utc(s["t"]).timetuple())
        ua = next((u.get("_ua") for u in users if u["bruger_id"] == s["bruger"]), "")
        f.write("%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" % (ep, s["bruger"], s["handling"], s["fp"], s["ip"], s["land"], ua or s["ua"], s["ref"]))
        for n in s["_nets"]:
            note(n, "data/sessioner.tsv", i + 1)

# payments for ad products
pays.sort(key=lambda p: p["t"])
pays = [p for p in pays if p["t"] <= END]
with open(os.path.join(OUT, "betalinger.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\n")
    w.writerow(["betaling_id", "tidspunkt", "bruger_id", "annonce_id", "produkt", "beløb_kr", "betalingsmiddel", "kort_token",
                "kort_udstedt_land", "mobilepay_nr"])
    for i, p in enumerate(pays):
        p["betaling_id"] = "PAY%07d" % (880100 + i * 3 + (i * 7) % 3)
        w.writerow([p["betaling_id"], p["t"].strftime("%d-%m-%Y %H:%M"), p["bruger"], p["annonce"], p["produkt"],
                    ("%.2f" % p["beloeb"]).replace(".", ","), p["middel"], p["kort"], p["kortland"] if p["kort"] else "", p["mp"]])
        for n in p["_nets"]:
            note(n, "data/betalinger.csv", p["betaling_id"])

META = {
    P1: dict(positive=True, typology="sexual_exploitation",
             description="A controller (account dk_service77, registered from Romania) runs five 'women' (Nadia, Bianca, Alina, "
                         "Kira, Sofia) whose accounts were all created within ten days at night from his phone, with serial "
                         "e-mails and his number (one a second number). Their ads are one Danish template in the third person "
                         "with name/age/city swapped, list no Danish among the languages, share photos across names, give only "
                         "his Telegram and an obfuscated phone, 24/7, 'uden kondom', low prices, 'Kira, 19, første gang 🍭'; "
                         "they rotate weekly Odense-Vejle-Aalborg-Esbjerg; one Romanian card pays every bump; he posts 'nye piger "
                         "hver uge'. Buyers are answered in the third person, offered a choice of women and told to pay his "
                         "MobilePay first. His messages to the women set rules, fines, quotas and a running debt, demand "
                         "location and photos (two days of check-ins every ~20 min), mention the camera and threaten to send "
                         "pictures to a mother. On 18-11-2026 after a police action all ads, chats and six accounts are "
                         "deleted from his phone within an hour.",
             indicators=["BEH-CONTACT-PROXY", "BEH-AD-THIRD-PERSON", "BEH-AD-LANG-MISMATCH", "BEH-AD-TEMPLATE", "BEH-PHOTO-REUSE",
                         "BEH-MULTICITY-CIRCUIT", "BEH-OBSCURED-PHONE", "BEH-TRUST-LANG", "BEH-YOUTH-LANG",
                         "BEH-ETHNICITY-MARKETING", "BEH-ALWAYS-AVAILABLE", "BEH-NO-LIMITS", "BEH-LOW-PRICE",
                         "BEH-ROTATING-ROSTER", "BEH-MESSENGER-ONLY", "BEH-SHARED-DEVICE", "BEH-COORDINATED-DELETION",
                         "KYC-SHARED-IDENTIFIERS", "KYC-BATCH-ONBOARDING", "KYC-DISPOSABLE-CONTACT", "FIN-AD-SITE-PAYMENTS",
                         "FIN-BUYER-PAYS-THIRD-PARTY", "RCS-EARNINGS-CONTROL", "RCS-RULES-THREATS", "RCS-DEBT-QUOTA",
                         "RCS-REMOTE-CONTROLLER", "RCS-ISOLATION", "RCS-SURV-LOCATION", "RCS-SURV-CHECKINS",
                         "RCS-SURV-CAMERAS", "RCS-SURV-ACCOUNT-CONTROL", "RCS-SURV-EVIDENCE-WIPE", "RCS-IMAGE-BLACKMAIL"]),
    P2: dict(positive=True, typology="recruitment_scam_compound_forced_criminality",
             description="Three new business accounts (registered from Thailand/Cambodia in October, one shared device, a "
                         "foreign card, no or invalid CVR, free-mail) post templated Danish/English jobs: Danish-speaking "
                         "customer service, marketing or crypto support in Bangkok, Phnom Penh, Manila, Sihanoukville; high "
                         "net pay, no experience, flight, visa and housing paid, only Telegram/WhatsApp. Applicants are moved "
                         "to Telegram at once, asked for passport photo and selfie, pressed to fly Friday, asked for a 2.500 kr "
                         "fee and told the company keeps the passport and sets daily targets. Two applicants' accounts are "
                         "later logged into from the recruiters' device in Cambodia and send templated crypto pitches to "
                         "strangers (forced scam work).",
             indicators=["RCS-REC-SCAM-COMPOUND", "RCS-REC-TOO-GOOD", "RCS-REC-PAID-TRAVEL-HOUSING", "RCS-REC-MESSENGER-JOB-AD",
                         "BEH-MESSENGER-ONLY", "RCS-REC-CHANNEL-SWITCH", "RCS-REC-EARLY-ID-REQUEST", "RCS-REC-URGENCY",
                         "RCS-REC-FEES-DEBT", "RCS-DOCS-RETAINED", "RCS-QUOTAS-PUNISH", "RCS-REC-UNVERIFIABLE-EMPLOYER",
                         "BEH-AD-TEMPLATE", "BEH-SHARED-DEVICE", "RCS-SURV-ACCOUNT-CONTROL", "KYC-SHARED-IDENTIFIERS"]),
    "L1-independent-escort": dict(positive=False, typology="lookalike_independent_sex_worker",
                                  description="Line, 34, Danish and independent: first-person ads, '100% ægte', 💋, her own "
                                              "verified phone, a 3-day trip to Aalborg ('ny i Aalborg'), deposit by MobilePay to "
                                              "her own number, bumps from her own card.",
                                  indicators=["BEH-TRUST-LANG", "BEH-MOVEMENT-WORDS", "BEH-MULTICITY-CIRCUIT", "FIN-AD-SITE-PAYMENTS"]),
    L2: dict(positive=False, typology="lookalike_escort_agency",
             description="Nordic Elite Escort: a verified business account with CVR posting four stable models under one phone, "
                         "third-person text, high prices, clients pay the woman at the meeting.",
             indicators=["BEH-CONTACT-PROXY", "BEH-AD-THIRD-PERSON", "BEH-AD-TEMPLATE"]),
    L3: dict(positive=False, typology="lookalike_thai_massage_clinic",
             description="Baan Thai Massage Vejle: three therapists under one phone, 'thailandsk', 450 kr/hour, daytime hours, "
                         "'kun massage – ingen erotik', CVR, same template monthly.",
             indicators=["BEH-CONTACT-PROXY", "BEH-ETHNICITY-MARKETING", "BEH-AD-TEMPLATE", "BEH-LOW-PRICE"]),
    L4: dict(positive=False, typology="lookalike_template_reseller",
             description="GenbrugsKompagniet: 30 template furniture ads in two cities reusing six stock photos.",
             indicators=["BEH-AD-TEMPLATE", "BEH-PHOTO-REUSE", "BEH-MULTICITY-CIRCUIT"]),
    L5: dict(positive=False, typology="lookalike_seasonal_job_abroad",
             description="Stensgaard Bær recruits strawberry pickers in Danish, Polish and Romanian: housing on the farm, "
                         "collective-agreement pay, WhatsApp offered next to phone and e-mail, written contract, CVR.",
             indicators=["RCS-REC-MESSENGER-JOB-AD", "RCS-REC-PAID-TRAVEL-HOUSING"]),
    L6: dict(positive=False, typology="lookalike_overseas_it_job",
             description="SupportNordic A/S (CVR, account since 2020): Danish-speaking IT support in Bangkok, realistic pay, "
                         "flight and visa paid, video interviews, passport only after contract.",
             indicators=["RCS-REC-SCAM-COMPOUND", "RCS-REC-PAID-TRAVEL-HOUSING"]),
    L7: dict(positive=False, typology="lookalike_family_shared_device",
             description="Mother, son and his partner (Holm / Holm-Ali / Ali) selling household goods from one tablet and "
                         "one home IP; mother and son share a phone.",
             indicators=["BEH-SHARED-DEVICE", "KYC-SHARED-IDENTIFIERS"]),
    L8: dict(positive=False, typology="lookalike_refugee_housing_help",
             description="Venligbolig Roskilde, an established association with CVR: free rooms for Ukrainian families with "
                         "the municipality, office meetings, no off-platform contact.",
             indicators=["RCS-REC-REFUGEE-TARGETING"]),
}


def y(s):
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'


with open(os.path.join(HERE, "truth.yaml"), "w", encoding="utf-8") as f:
    f.write("# Ground truth for the platform-annoncen world (written blind on 2026-12-07).\n")
    f.write("# members: file -> ids (annoncer: annonce_id, brugere: bruger_id, betalinger: betaling_id,\n")
    f.write("#          beskeder and sessioner: 1-based data line number, header excluded).\n")
    f.write("# Rows not listed are background. Look-alikes list the indicators they are built to resemble.\n")
    f.write("world: platform-annoncen\nseed: %d\nnetworks:\n" % SEED)
    for net, meta in META.items():
        f.write("  - id: %s\n    positive: %s\n    typology: %s\n    description: %s\n" % (
            net, "true" if meta["positive"] else "false", meta["typology"], y(meta["description"])))
        f.write("    indicators: [%s]\n    members:\n" % ", ".join(meta["indicators"]))
        for fn, ids in truth.get(net, {}).items():
            f.write("      %s: [%s]\n" % (fn, ", ".join(y(i) if isinstance(i, str) else str(i) for i in ids)))

counts = {}
for fn in sorted(os.listdir(OUT)):
    with open(os.path.join(OUT, fn), encoding="utf-8") as fh:
        counts[fn] = sum(1 for _ in fh) - (0 if fn.endswith(".jsonl") else 1)
print(counts, "total", sum(counts.values()))
