"""Typologies of the synthetic world: valid records, complete ground truth, variety between
instances, determinism, images, texts, and the real detectors firing where truth says they should
(and nowhere truth says they should not)."""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from redflags.catalogue import load_catalogue
from redflags.catalogue.lexicons import load_lexicon
from redflags.detectors import detector_for
from redflags.detectors.lexicon_matcher import LexiconMatcher
from redflags.engines import DuckDBEngine
from redflags.ingest import ingest_records
from redflags.model import KIND_TABLES, RECORD_TYPES, Finding, RecordKind
from redflags.normalise.phones import find_phones
from redflags.pipeline import evaluate
from redflags.store import Store
from redflags_synth.world import text
from redflags_synth.world.context import SCALES, WorldContext
from redflags_synth.world.images import HEIGHT, WIDTH, ImageMaker
from redflags_synth.world.typologies import TYPOLOGIES

SEED = 20260601
INSTANCES = (0, 1)
CATALOGUE = load_catalogue()
INDICATOR_IDS = {i.id for i in CATALOGUE}
DETECTED = sorted(i.id for i in CATALOGUE if not i.planned)
ID_FIELD = {kind.value: field for kind, (_, field) in KIND_TABLES.items()}
NAMES = [t.name for t in TYPOLOGIES]
BY_NAME = {t.name: t for t in TYPOLOGIES}
POSITIVES = [t.name for t in TYPOLOGIES if t.positive]
HARD_NEGATIVES = [t.name for t in TYPOLOGIES if t.hard_negative]
ENTITY_KINDS = {"customer", "account", "phone", "handle", "persona", "device", "image"}
ROLES = {"victim", "controller", "recruiter", "customer", "benign"}

# For each indicator with a detector, the hard negatives built to come close to its rule without
# matching it (independent worker: her own phone on her ads; club and flea market: many payers;
# family and shelter: shared addresses and phones; seasonal employer: a job abroad without a
# messenger).
LOOK_ALIKES = {
    "BEH-CONTACT-PROXY": ("hn_independent_sex_worker",),
    # her own photos, one name, one phone, one short trip: at most two cities
    "BEH-PHOTO-REUSE": ("hn_independent_sex_worker",),
    "BEH-AD-TEMPLATE": ("hn_independent_sex_worker",),
    "FIN-BUYER-PAYS-THIRD-PARTY": ("hn_sports_club", "hn_flea_market_landlord"),
    # the club's treasurer and the landlord pass money on, but not within hours of every payment
    "FIN-WORKER-SWEEP": ("hn_sports_club", "hn_flea_market_landlord"),
    "KYC-SHARED-IDENTIFIERS": ("hn_family_shared_address", "hn_shelter_dormitory"),
    "RCS-REC-MESSENGER-JOB-AD": ("hn_legitimate_agency_employer",),
    # ad and message wording (lexicon_presence, pronoun_ratio): the independent worker writes
    # her own ads; the registered agency hires abroad with a contract, a website and no fees.
    "BEH-AD-THIRD-PERSON": ("hn_independent_sex_worker",),
    "BEH-TRUST-LANG": ("hn_legitimate_agency_employer",),
    "BEH-YOUTH-LANG": ("hn_independent_sex_worker",),
    "BEH-ETHNICITY-MARKETING": ("hn_independent_sex_worker",),
    "BEH-ALWAYS-AVAILABLE": ("hn_independent_sex_worker",),
    "BEH-NO-LIMITS": ("hn_independent_sex_worker",),
    "BEH-MOVEMENT-WORDS": ("hn_legitimate_agency_employer",),
    "BEH-MESSENGER-ONLY": ("hn_independent_sex_worker", "hn_legitimate_agency_employer"),
    "RCS-RULES-THREATS": ("hn_legitimate_agency_employer",),
    "RCS-DEBT-QUOTA": ("hn_legitimate_agency_employer",),
    "RCS-DOCS-RETAINED": ("hn_legitimate_agency_employer",),
    "RCS-SURV-LOCATION": ("hn_legitimate_agency_employer",),
    "RCS-REC-PAID-TRAVEL-HOUSING": ("hn_legitimate_agency_employer",),
    "RCS-REC-FEES-DEBT": ("hn_legitimate_agency_employer",),
    "RCS-REC-EARLY-ID-REQUEST": ("hn_legitimate_agency_employer",),
    "RCS-REC-URGENCY": ("hn_legitimate_agency_employer",),
    "RCS-REC-SCAM-COMPOUND": ("hn_legitimate_agency_employer", "hn_travel_agency"),
    # Danish ads for foreign-born women who list Danish: her own ads, a clinic's staff bios
    "BEH-AD-LANG-MISMATCH": ("hn_independent_sex_worker", "hn_legitimate_agency_employer"),
    # message side (issue #4): a family sending holiday photos and videos to grandmother and
    # asking "where are you?"; a lawful employer's mail and wages by the collective agreement;
    # a worker or a clinic removing their own ads (one account each)
    "RCS-IMAGE-BLACKMAIL": ("hn_family_shared_address", "hn_legitimate_agency_employer"),
    "RCS-SURV-CHECKINS": ("hn_family_shared_address", "hn_independent_sex_worker"),
    "RCS-SURV-EVIDENCE-WIPE": ("hn_independent_sex_worker", "hn_legitimate_agency_employer"),
    "RCS-REC-TOO-GOOD": ("hn_legitimate_agency_employer",),
    "RCS-REC-CHANNEL-SWITCH": ("hn_legitimate_agency_employer", "hn_family_shared_address"),
    "BEH-COORDINATED-DELETION": ("hn_independent_sex_worker", "hn_legitimate_agency_employer"),
    # the clinic's reception number is written plainly; she prices like the market, keeps one
    # name and makes one short trip (two cities); the clinic has no obscured phone
    "BEH-OBSCURED-PHONE": ("hn_legitimate_agency_employer",),
    "BEH-LOW-PRICE": ("hn_independent_sex_worker", "hn_legitimate_agency_employer"),
    "BEH-ROTATING-ROSTER": ("hn_independent_sex_worker",),
    "BEH-MULTICITY-CIRCUIT": ("hn_independent_sex_worker", "hn_legitimate_agency_employer"),
    # the controller's own card spending (issue #5): the independent worker pays her own ad
    # every few weeks, takes a taxi home some nights, tops up her own number, buys a little
    # crypto and bets small sums; a family shops for several people on ordinary budgets
    "FIN-AD-SITE-PAYMENTS": ("hn_independent_sex_worker",),
    "FIN-RIDESHARE-VOLUME": ("hn_independent_sex_worker",),
    "FIN-PREPAID-TOPUPS": ("hn_independent_sex_worker",),
    "FIN-CRYPTO-OPAQUE": ("hn_independent_sex_worker",),
    "FIN-LUXURY-GAMBLING": ("hn_independent_sex_worker",),
    "FIN-SUSTENANCE-MULTI": ("hn_family_shared_address", "hn_independent_sex_worker"),
    # she pays in her cash every few weeks, now and then late and close to 15,000 kr
    "FIN-AFTER-HOURS": ("hn_independent_sex_worker",),
    "FIN-THRESHOLD-AVOID": ("hn_independent_sex_worker",),
    # her own cash, paid in at home
    "FIN-MULTI-ATM-DEPOSITS": ("hn_independent_sex_worker",),
    # a family, long-standing customers, supports grandmother abroad twice a month; lawful
    # seasonal workers, new customers, each send part of every wage home to their own family
    "FIN-DEBT-REMITTANCE": ("hn_family_shared_address", "hn_legitimate_agency_employer"),
    # KYC and device (issue #5): a family's shared tablet and landline, children onboarded with
    # a parent; shelter and student residents onboarded at one address on their own phones
    "BEH-SHARED-DEVICE": ("hn_family_shared_address", "hn_shelter_dormitory"),
    "BEH-REMOTE-CONTROL-LOGIN": ("hn_family_shared_address", "hn_legitimate_agency_employer"),
    "RCS-SURV-ACCOUNT-CONTROL": ("hn_family_shared_address", "hn_shelter_dormitory"),
    "KYC-BATCH-ONBOARDING": ("hn_shelter_dormitory", "hn_students_shared_address"),
    "KYC-THIRD-PARTY-ONBOARDING": ("hn_family_shared_address", "hn_shelter_dormitory"),
    "KYC-DOC-HANDLING": ("hn_family_shared_address", "hn_shelter_dormitory"),
    "KYC-CONTACT-IN-SEX-ADS": ("hn_legitimate_agency_employer", "hn_family_shared_address"),
    # residents of a shelter and of a student hall share an address, but no business is there
    "KYC-ADDRESS-AT-WORKPLACE": ("hn_shelter_dormitory", "hn_students_shared_address"),
    # the agency's staff coordinator writes to workers from Denmark, where they are
    "RCS-REMOTE-CONTROLLER": ("hn_legitimate_agency_employer",),
    # a family's and flatmates' own addresses ('jensen1', 'mette84'): stems of their own names
    "KYC-DISPOSABLE-CONTACT": ("hn_family_shared_address", "hn_students_shared_address"),
    # travel, stays and wages (issue #5): an agency buys tickets for its clients and a
    # consultant stays in two towns on the company card (business accounts); a lawful employer
    # pays each worker into their own account and nothing goes back; club members and a flea
    # market's buyers write ordinary notes
    "FIN-TRAVEL-FOR-OTHERS": ("hn_travel_agency",),
    "FIN-HOTEL-SHORT-STAYS": ("hn_hotel",),
    "FIN-FAN-IN-FROM-WORKERS": ("hn_legitimate_agency_employer",),
    "FIN-WAGES-POOLED": ("hn_legitimate_agency_employer",),
    "FIN-RECRUIT-FEES-DEDUCTIONS": ("hn_legitimate_agency_employer",),
    "FIN-PAYMENT-MEMO-CUES": ("hn_sports_club", "hn_flea_market_landlord"),
    # a family's wages and pocket money, students' grants and small transfers, a hotel guest's
    # own salary: inflow near the declared income from few payers (the landlord's rent, the
    # club's fees and the independent worker's month match the rule, and truth says so)
    "KYC-PROFILE-MISMATCH": ("hn_family_shared_address", "hn_students_shared_address", "hn_hotel"),
    # the independent worker and the landlord pay their own food and rent; salaried families
    # keep or spend their money themselves: nothing passes through untouched by living costs
    "FIN-NO-OWN-LIVING-COSTS": ("hn_independent_sex_worker", "hn_flea_market_landlord"),
    # the agency's staff and the hotel's guests pay by card in town, not on a fortnightly tour
    "FIN-GEO-CIRCUIT": ("hn_travel_agency", "hn_hotel"),
    # the company register: a registered clinic with one owner for years (half of them handed
    # over by a parent: one change), and her sole proprietorship on her own account (one owner,
    # one firm, at most a low income: one element)
    "KYC-NOMINEE-OWNER": ("hn_legitimate_agency_employer", "hn_independent_sex_worker"),
    # the clinic pays its staff wages; her sole proprietorship has no employees and takes in
    # less than one person alone cannot
    "FIN-BIZ-NO-PAYROLL": ("hn_legitimate_agency_employer", "hn_independent_sex_worker"),
    # the clinic opens late for commuters but is paid at its terminal; her evening MobilePay
    # goes to the business's own account, not to an owner beside it
    "FIN-FRONT-MASSAGE": ("hn_legitimate_agency_employer", "hn_independent_sex_worker"),
    # the KYC case log: one of a family moves to the landline the others hold (at home, two
    # surnames: a household); a social worker helps shelter residents through failed video-IDs
    # to a meeting in the branch (identified in the end)
    "KYC-CONTACT-TAKEOVER": ("hn_family_shared_address",),
    # field notes and KYC staff notes (this session): the lawful seasonal employer is inspected
    # (routine notes: staff housing with a lease, a colleague who translates, a copy of a
    # passport); a family member calls the bank for another, a social worker helps shelter
    # residents (the KYC log's own notes)
    "BEH-FEAR-INJURY": ("hn_legitimate_agency_employer", "hn_family_shared_address"),
    "BEH-COACHED-ANSWERS": ("hn_legitimate_agency_employer", "hn_shelter_dormitory"),
    "BEH-ACCOMPANIED": ("hn_legitimate_agency_employer", "hn_family_shared_address"),
    "BEH-FREQUENT-CHECKINS": ("hn_legitimate_agency_employer", "hn_family_shared_address"),
    "RCS-ISOLATION": ("hn_legitimate_agency_employer",),
    "RCS-LIVES-AT-VENUE": ("hn_legitimate_agency_employer",),
    "RCS-EARNINGS-CONTROL": ("hn_legitimate_agency_employer",),
    # a lawful employer's mail; a family's chat
    "RCS-SURV-CAMERAS": ("hn_legitimate_agency_employer", "hn_family_shared_address"),
    "RCS-QUOTAS-PUNISH": ("hn_legitimate_agency_employer",),
    "KYC-AVOID-FACE-TO-FACE": ("hn_shelter_dormitory",),
    # shelter residents without a fixed address, many newly arrived and writing English; a
    # family with a Thai mother writing English: the context is there, but no behavioural or
    # financial indicator fires on them, so nothing does (the students' hall is no look-alike:
    # their small transfers to one flatmate match FIN-FAN-IN-FROM-WORKERS's rule, and truth says so)
    "KYC-VULNERABILITY-CONTEXT": ("hn_shelter_dormitory", "hn_family_shared_address"),
}


def generate(out: Path, name: str, instances: tuple[int, ...] = INSTANCES) -> WorldContext:
    ctx = WorldContext(SEED, SCALES["demo"], out)
    for instance in instances:
        BY_NAME[name].generate(ctx, instance)
    return ctx


@pytest.fixture(scope="module")
def worlds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, WorldContext]:
    """Two instances of every typology, each typology in a fresh world."""
    return {name: generate(tmp_path_factory.mktemp(name), name) for name in NAMES}


def test_the_typologies_in_their_fixed_order() -> None:
    assert NAMES == [
        "case1_sexual_exploitation",
        "labour_exploitation",
        "scam_compound_recruitment",
        "hn_independent_sex_worker",
        "hn_legitimate_agency_employer",
        "hn_family_shared_address",
        "hn_students_shared_address",
        "hn_shelter_dormitory",
        "hn_sports_club",
        "hn_flea_market_landlord",
        "hn_travel_agency",
        "hn_hotel",
    ]
    for typology in TYPOLOGIES:
        assert typology.positive != typology.hard_negative, typology.name


@pytest.mark.parametrize("name", NAMES)
def test_records_are_canonical_and_each_has_its_truth(
    name: str, worlds: dict[str, WorldContext]
) -> None:
    ctx = worlds[name]
    typology = BY_NAME[name]
    networks = {n["network_id"]: n for n in ctx.truth.networks}
    assert networks, "a typology draws at least one network"
    for network in networks.values():
        assert network["typology"] == name
        assert network["positive"] is typology.positive
        assert network["hard_negative"] is typology.hard_negative
    emitted = set()
    for kind, rows in ctx.records.items():
        for record in rows:
            RECORD_TYPES[RecordKind(kind)].model_validate(record)
            emitted.add((kind, record[ID_FIELD[kind]]))
    assert sum(len(rows) for rows in ctx.records.values()) == len(emitted), "ids are unique"
    truth = [(r["kind"], r["record_id"]) for r in ctx.truth.records]
    assert len(truth) == len(set(truth)) and set(truth) == emitted
    for record in ctx.truth.records:
        assert record["network_id"] in networks
        unknown = set(record["expected_indicators"]) - INDICATOR_IDS
        assert not unknown, f"not in the catalogue: {unknown}"
    for entity in ctx.truth.entities:
        assert entity["network_id"] in networks
        assert entity["entity_kind"] in ENTITY_KINDS and entity["role"] in ROLES
        if entity["entity_kind"] == "image":
            assert (ctx.out / entity["entity_id"]).is_file() and entity["image_base"]
    if typology.positive:
        assert any(r["expected_indicators"] for r in ctx.truth.records)


def _content(ctx: WorldContext) -> list[str]:
    """The records without their ids (ids come from shared counters, so two instances drawn in
    fresh worlds share them)."""
    id_like = {"ad_id", "message_id", "txn_id", "customer_id", "event_id", "thread_id"}
    return sorted(
        repr(sorted((k, v) for k, v in record.items() if k not in id_like))
        for rows in ctx.records.values()
        for record in rows
    )


@pytest.mark.parametrize("name", NAMES)
def test_instances_differ(name: str, tmp_path: Path) -> None:
    first = generate(tmp_path / "a", name, (0,))
    second = generate(tmp_path / "b", name, (1,))
    assert _content(first) != _content(second)


@pytest.mark.parametrize("name", NAMES)
def test_the_same_seed_reproduces_records_truth_and_image_bytes(
    name: str, tmp_path: Path, worlds: dict[str, WorldContext]
) -> None:
    again = generate(tmp_path, name)
    before = worlds[name]
    assert again.records == before.records
    assert again.truth == before.truth
    images = sorted(p.relative_to(before.out) for p in before.out.rglob("*.jpg"))
    assert images == sorted(p.relative_to(again.out) for p in again.out.rglob("*.jpg"))
    for path in images:
        assert (before.out / path).read_bytes() == (again.out / path).read_bytes()


# -- images ---------------------------------------------------------------------------------------

_DCT = np.cos(np.pi * (2 * np.arange(32)[None, :] + 1) * np.arange(32)[:, None] / 64)


def phash(path: Path) -> np.ndarray:
    """64-bit perceptual hash (DCT of a 32x32 grey thumbnail, low 8x8 against their median)."""
    grey = Image.open(path).convert("L").resize((32, 32), Image.Resampling.LANCZOS)
    low = (_DCT @ np.asarray(grey, dtype=float) @ _DCT.T)[:8, :8].ravel()
    return low > np.median(low)


def test_images_are_small_jpegs_variants_near_and_scenes_far(tmp_path: Path) -> None:
    ctx = WorldContext(SEED, SCALES["demo"], tmp_path)
    maker = ImageMaker(ctx)
    uniques = [maker.unique(f"u{i}") for i in range(30)]
    groups = [maker.variants(f"b{i}", 5) for i in range(10)]
    for ref in uniques + [r for g in groups for r in g]:
        path = tmp_path / ref
        assert path.stat().st_size < 10_000
        with Image.open(path) as image:
            assert image.format == "JPEG" and image.size == (WIDTH, HEIGHT)
        assert maker.base_of[ref]
    far = [
        int((phash(tmp_path / a) != phash(tmp_path / b)).sum())
        for a, b in itertools.combinations(uniques, 2)
    ]
    near = [
        int((phash(tmp_path / a) != phash(tmp_path / b)).sum())
        for g in groups
        for a, b in itertools.combinations(g, 2)
    ]
    # The catalogue's photo-reuse rule treats Hamming distance <= 8 as the same image.
    assert np.median(near) <= 8 and np.percentile(near, 90) <= 10
    assert np.percentile(far, 5) >= 16 and min(far) > np.median(near)


def test_positives_reuse_photos_across_personas_and_negatives_have_their_own(
    worlds: dict[str, WorldContext],
) -> None:
    ctx = worlds["case1_sexual_exploitation"]
    persona_of_ref = {ref: ad["persona"] for ad in ctx.records["ad"] for ref in ad["image_refs"]}
    personas_of_base: dict[str, set[str]] = defaultdict(set)
    for entity in ctx.truth.entities:
        if entity["entity_kind"] == "image":
            assert entity["role"] == "victim"
            personas_of_base[entity["image_base"]].add(persona_of_ref[entity["entity_id"]])
    assert any(len(p) >= 2 for p in personas_of_base.values())
    bases: dict[str, set[str]] = defaultdict(set)
    for name in HARD_NEGATIVES:
        for entity in worlds[name].truth.entities:
            if entity["entity_kind"] == "image":
                assert entity["role"] == "benign"
                bases[entity["image_base"]].add(entity["network_id"])
    assert bases and all(len(networks) == 1 for networks in bases.values())


# -- texts ----------------------------------------------------------------------------------------

SLOTS: dict[str, Any] = {
    "persona": "Anna", "age": 24, "city": "Aarhus", "phone": "+45 21 34 56 78", "price": 800,
    "other": "Lina", "hour": "20:00", "clinic": "Klinik Berg", "years": 5, "earn": 3000,
    "currency": "EUR", "handle": "@nordic_jobs", "phone_shown": "+40 712 345 678", "debt": 2000,
    "fine": 500, "per_client": 30, "quota": 6, "fee": 300, "contact": "+40712345678",
    "net": 4000, "company": "Berg ApS", "n": 6, "hourly": 150, "website": "www.berg.dk",
    "email": "job@berg.dk", "date": "01.05.2026", "salary": 1500, "name": "Mette",
    "account": "1234-0000000001", "day": "12.06", "rent": 4200, "size": 60, "club": "Vejle IF",
    "hotel": "Hotel Park Vejle", "agency": "Vejle Rejser", "flight": "SK123", "amount": "212.50",
    "destination": "Cambodia", "sector_word": "construction", "month": "maj",
}  # fmt: skip
FILES = ("sex_ads", "recruitment", "labour", "scam", "everyday")


def _templates() -> list[tuple[str, str, str, int]]:
    return [
        (name, group, language, index)
        for name in FILES
        for group, by_language in text.load(name)["templates"].items()
        for language, entries in by_language.items()
        for index in range(len(entries))
    ]


@cache
def _matcher() -> LexiconMatcher:
    return LexiconMatcher(load_lexicon("recruitment_job_ad"))


@pytest.mark.parametrize(("name", "group", "language", "index"), _templates())
def test_every_template_fills_and_claims_only_what_it_says(
    name: str, group: str, language: str, index: int
) -> None:
    written = text.write(random.Random(0), name, group, language, choice=index, **SLOTS)
    assert "{" not in written.body and written.indicators <= INDICATOR_IDS
    if language not in ("da", "en", "ro", "bg", "ru", "uk"):
        return  # the lexicon has no terms for the language: nothing to compare
    entry = text.load(name)["templates"][group][language][index]
    claimed = set(entry.get("concepts", ())) if isinstance(entry, dict) else set()
    found = {hit.concept for hit in _matcher().find(f"{written.title or ''} {written.body}")}
    # What a template claims, the lexicon finds; a template that does not claim the job-ad
    # combination (with a non-sector in the sector slot) never reads as one.
    assert claimed <= found, (claimed - found, written.body)
    if text.JOB_AD not in written.indicators:
        assert not found >= text.JOB_AD_CONCEPTS, written.body


def test_obscured_phones_read_only_after_normalisation_and_shown_ones_plainly() -> None:
    """BEH-OBSCURED-PHONE's rule: a valid number that appears only after normalisation."""
    rng = random.Random(SEED)
    for _ in range(300):
        number = f"+45{rng.randrange(20_000_000, 70_000_000)}"
        if not find_phones(number):
            continue  # not a valid number to begin with
        hidden = find_phones(f"Ring {text.obfuscate_phone(rng, number)}")
        assert all(match.obfuscated for match in hidden)
        shown = find_phones(f"Ring {text.show_phone(rng, number)} i dag")
        assert [(m.e164, m.obfuscated) for m in shown] == [(number, False)]


# -- detectors against truth ----------------------------------------------------------------------


def test_every_detected_indicator_has_a_positive_and_a_look_alike(
    worlds: dict[str, WorldContext],
) -> None:
    assert set(LOOK_ALIKES) == set(DETECTED), "name a look-alike for each new detector"

    def expecting(name: str, indicator: str) -> bool:
        return any(indicator in r["expected_indicators"] for r in worlds[name].truth.records)

    for indicator in DETECTED:
        assert any(expecting(name, indicator) for name in POSITIVES), indicator
        detector = detector_for(CATALOGUE.get(indicator))
        assert detector is not None
        for name in LOOK_ALIKES[indicator]:
            assert BY_NAME[name].hard_negative
            kinds = {k for k, rows in worlds[name].records.items() if rows}
            assert kinds & set(detector.record_kinds), (indicator, name, "nothing to read")
            assert not expecting(name, indicator), (indicator, name)


def _findings(ctx: WorldContext) -> list[Finding]:
    with Store.open(None) as store:
        for kind, rows in ctx.records.items():
            report = ingest_records(store, kind, rows, source="t")
            assert report.quarantined == 0, kind
        engine = DuckDBEngine(store.connection)
        # every implemented indicator, as the evaluate stage runs them (modifiers last, on the
        # others' findings); ad image refs are relative to the world folder, as in a scan of it
        findings, evaluated = evaluate(CATALOGUE, engine, {"image_roots": [ctx.out]})
        assert sorted(evaluated) == DETECTED
        return findings


# Generator text that a detector does not read yet, written independently of its lexicon: the
# recall check skips these pairs (precision still holds), and docs/evaluation.md reports them.
KNOWN_GAPS = {
    # the compound's quota with a punishment, in en, ru and ro (da, uk and th are read)
    ("scam_compound_recruitment", "RCS-QUOTAS-PUNISH"),
}


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("instance", INSTANCES)
def test_detectors_fire_where_truth_expects_and_nowhere_else(
    name: str, instance: int, tmp_path: Path
) -> None:
    ctx = generate(tmp_path, name, (instance,))
    expected = {
        (r["kind"], r["record_id"]): set(r["expected_indicators"]) for r in ctx.truth.records
    }
    fired: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for finding in _findings(ctx):
        for evidence in finding.evidence:
            key = (evidence.kind, evidence.record_id)
            # Precision of truth: a detector only points at records truth says carry it.
            assert finding.indicator_id in expected[key], (finding.indicator_id, key)
            fired[finding.indicator_id].add(key)
    for indicator in DETECTED:
        wanted = {key for key, ids in expected.items() if indicator in ids}
        if (name, indicator) in KNOWN_GAPS and wanted:
            continue  # measured and reported (docs/evaluation.md), not hidden
        # Recall per network: every indicator truth expects fires on at least one such record.
        assert bool(wanted) == bool(fired[indicator] & wanted), indicator
