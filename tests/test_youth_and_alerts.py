"""Issue #12, items 3 and 4: youth evidence by strength, the youth queue, alerts and the budget.

The ads-only fixture is written here from the measured shares of everyday words and emoji in
6,201 real US adult ads (shared/data/real-ads/vocabulary.md): 200 lawful-looking ads, each term
in about its real share of the ads, plus a handful of ads with a strong signal of a minor.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from redflags.cases.queues import QueueSettings, build_alerts, build_youth_queue, volume
from redflags.catalogue import load_catalogue
from redflags.detectors import detector_for
from redflags.link import Group
from redflags.model import Evidence, Finding
from redflags.pipeline import ScanOptions, ScanResult, run_scan
from redflags.score import RiskV1

CATALOGUE = load_catalogue()

# term -> share of real ads (vocabulary.md); the weak youth cues and the other everyday words.
EVERYDAY: dict[str, float] = {
    "young": 0.117,
    "fresh": 0.029,
    "new in town": 0.026,
    "petite": 0.082,
    "sweet": 0.330,
    "baby": 0.097,
    "candy": 0.019,
    "🎀": 0.095,
    "🍭": 0.115,
    "🍬": 0.042,
    "🍒": 0.068,
    "💋": 0.434,
    "🌹": 0.088,
    "latina": 0.098,
    "asian": 0.134,
    "100% real": 0.193,
    "real pics": 0.116,
    "independent": 0.201,
    "24/7": 0.044,
    "available now": 0.058,
    "new girl": 0.023,
    "gfe": 0.021,
    "massage": 0.116,
}
STATED_ADULT_AGE = 0.048  # "19 yo" / "18 years old"
LAWFUL_ADS = 200
STRONG = {
    "s1": "Kelly 16yo new in town, sweet and fun 💋",
    "s2": "Sofie 17 år, ny pige i byen, ring nu",
    "s3": "Ana are 16 ani, fata noua, suna-ma",
    "s4": "Barely legal cutie 🍭 waiting for you",
    "s5": "Still in high school, discreet visits after class",
}
OPENERS = (
    "Hi, I am {name}{age}.",
    "{name}{age} here, visiting {city}",
    "Hello gentlemen, my name is {name}{age}",
    "{city} - {name}{age}",
    "Looking for a good time? It's {name}{age}",
    "Hey there, {name}{age} in {city}",
    "Welcome, I'm {name}{age}",
)
CLOSERS = (
    "Call me for an appointment.",
    "Text me.",
    "Serious callers only.",
    "Incall and outcall.",
    "See you soon!",
    "No blocked numbers please.",
    "Call or text, discreet.",
)
CITIES = ("Oakland", "Fresno", "San Jose", "Sacramento", "Stockton", "Modesto", "Salinas")


def _lawful_ads() -> list[dict[str, Any]]:
    """Each term lands in round(share x 200) ads, spread by a fixed shuffle per term."""
    rng = random.Random(12)
    words: list[list[str]] = [[] for _ in range(LAWFUL_ADS)]
    for term, share in EVERYDAY.items():
        for i in rng.sample(range(LAWFUL_ADS), round(share * LAWFUL_ADS)):
            words[i].append(term)
    adult_age = set(rng.sample(range(LAWFUL_ADS), round(STATED_ADULT_AGE * LAWFUL_ADS)))
    ads = []
    start = datetime(2026, 6, 1, 10, tzinfo=UTC)
    for i in range(LAWFUL_ADS):
        age = f", {18 + i % 2} yo" if i in adult_age else ""
        rng.shuffle(words[i])
        # each lawful ad written by its own author: no shared skeleton (a template cluster of
        # 200 ads would be an artefact of this fixture, not of the market)
        opener = rng.choice(OPENERS).format(name=f"Lady{i}", age=age, city=CITIES[i % 7])
        body = f"{opener} {' '.join(words[i])} {rng.choice(CLOSERS)} #{rng.randrange(10**6)}"
        ads.append(_ad(f"w{i}", body, i, start + timedelta(hours=7 * i)))
    return ads


def _ad(ad_id: str, body: str, i: int, posted: datetime) -> dict[str, Any]:
    return {
        "ad_id": ad_id,
        "site": "ads.example",
        "posted_at": posted.isoformat(),
        "city": CITIES[i % len(CITIES)],
        "persona": f"Lady{i}",
        "title": f"Lady{i} in {CITIES[i % len(CITIES)]}",
        "body": body,
        "phone": f"+4520{i:06d}",
    }


@pytest.fixture(scope="module")
def ads_scan(tmp_path_factory: pytest.TempPathFactory) -> ScanResult:
    root = tmp_path_factory.mktemp("youth_ads")
    data = root / "data"
    data.mkdir()
    start = datetime(2026, 7, 1, 10, tzinfo=UTC)
    strong = [
        _ad(ad_id, body, 500 + n, start + timedelta(days=n))
        for n, (ad_id, body) in enumerate(STRONG.items())
    ]
    lines = [json.dumps(a, ensure_ascii=False) for a in [*_lawful_ads(), *strong]]
    (data / "ads.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return run_scan([data], ScanOptions(out=root / "run", redaction_key=b"k"))


def _weak_ads() -> set[str]:
    return {f"ad:w{i}" for i in range(LAWFUL_ADS)}


def test_the_fixture_really_carries_weak_youth_cues(ads_scan: ScanResult) -> None:
    """Not vacuous: the detector fires on the lawful ads, and grades them weak."""
    youth = [f for f in ads_scan.findings if f.indicator_id == "BEH-YOUTH-LANG"]
    weak = [f for f in youth if f"ad:{f.subject}" in _weak_ads()]
    assert len(weak) >= 0.2 * LAWFUL_ADS
    assert all(f.facts["cue_strength"] == "weak" and f.facts["weak_cues"] for f in weak)
    assert all(f.strength < 0.5 for f in weak)


def test_weak_only_ads_raise_no_youth_item_and_no_case(ads_scan: ScanResult) -> None:
    queued = {r for y in ads_scan.youth_queue for r in y.records}
    assert not queued & _weak_ads()
    assert not {r for c in ads_scan.cases for r in c.records} & _weak_ads()
    assert not ads_scan.cases


def test_every_strong_ad_reaches_the_youth_queue(ads_scan: ScanResult) -> None:
    by_record = {r: y for y in ads_scan.youth_queue for r in y.records}
    for ad_id in STRONG:
        item = by_record[f"ad:{ad_id}"]
        assert item.item_id.startswith("Y-") and item.strength == "strong"
        assert item.strong_cues and item.reasons_en and item.review_within_hours == 24


def test_alert_rate_within_the_budget_and_reported(ads_scan: ScanResult) -> None:
    ads = LAWFUL_ADS + len(STRONG)
    assert len(ads_scan.alerts) <= 0.05 * ads
    fairness = {i.id for i in CATALOGUE if i.fairness_sensitive}
    for alert in ads_scan.alerts:  # weak youth cues never lift an ad to the alert line
        youth = sum(s.delta for s in alert.score.steps if s.code == "BEH-YOUTH-LANG")
        assert youth <= (CATALOGUE.get("BEH-YOUTH-LANG").weak_weight or 0) * 1.25
        without = sum(
            s.delta
            for s in alert.score.steps
            if s.code not in fairness and s.code != "BEH-YOUTH-LANG"
        )
        assert without >= 4 or alert.score.anchors
    vol = ads_scan.volume
    assert vol["ads_only"] and vol["ads"] == ads and vol["budget"]["alerts_within"]
    assert vol["youth_queue"] == len(ads_scan.youth_queue) == len(STRONG)
    run = json.loads((ads_scan.run_dir / "run.json").read_text(encoding="utf-8"))
    assert run["volume"]["alerts_per_1k_ads"] == vol["alerts_per_1k_ads"]
    assert {y["item_id"] for y in run["youth_queue"]} == {y.item_id for y in ads_scan.youth_queue}
    assert all(y["reasons"] for y in run["youth_queue"])
    cases_json = json.loads((ads_scan.run_dir / "cases.json").read_text(encoding="utf-8"))
    assert len(cases_json["youth_queue"]) == len(STRONG) and "alerts" in cases_json
    html = ads_scan.report.read_text(encoding="utf-8")
    assert html.index('id="youth-queue"') < html.index('id="alerts"')
    assert all(y.item_id in html for y in ads_scan.youth_queue)
    assert "+4520" not in html  # redacted like cases


# --- risk-v1's youth rule and the alert line, on hand-made findings ------------------------


def _finding(indicator_id: str, record: str, kind: str = "ad", **facts: Any) -> Finding:
    indicator = CATALOGUE.get(indicator_id)
    return Finding(
        indicator_id=indicator_id,
        indicator_version=indicator.version,
        subject_kind=kind,
        subject=record,
        summary_en="x",
        summary_da="x",
        evidence=(Evidence(kind=kind, record_id=record),),
        strength=1.0 if facts.get("cue_strength", "strong") == "strong" else 0.1,
        facts=facts,
    )


WEAK = {"cue_strength": "weak", "weak_cues": ["young", "🍭"], "strong_cues": []}
STRONG_FACTS = {"cue_strength": "strong", "strong_cues": ["16yo"], "weak_cues": []}


def test_weak_youth_alone_adds_nothing_and_forces_nothing() -> None:
    score = RiskV1(CATALOGUE).score([_finding("BEH-YOUTH-LANG", "a1", **WEAK)])
    assert score.total == 0 and not score.forced_review and not score.is_case


def test_weak_youth_with_a_control_indicator_forces_review() -> None:
    findings = [_finding("BEH-YOUTH-LANG", "a1", **WEAK), _finding("BEH-AD-THIRD-PERSON", "a1")]
    model = RiskV1(CATALOGUE)
    score = model.score(findings)
    assert score.forced_review and not score.is_case
    decision = model.youth(findings)
    assert decision is not None and decision.strength == "weak_with_control"
    assert decision.control_indicators == ("BEH-AD-THIRD-PERSON",)


def test_weak_youth_with_an_everyday_indicator_is_not_control() -> None:
    findings = [_finding("BEH-YOUTH-LANG", "a1", **WEAK), _finding("BEH-TRUST-LANG", "a1")]
    assert not RiskV1(CATALOGUE).score(findings).forced_review


def test_strong_youth_forces_review_into_the_queue_not_the_cases() -> None:
    finding = _finding(
        "BEH-YOUTH-LANG", "a1", **STRONG_FACTS, urgent_review=True, review_within_hours=24
    )
    score = RiskV1(CATALOGUE).score([finding])
    assert score.forced_review and not score.is_case and score.total > 0
    group = Group(group_id="G-7", records=("ad:a1",), pivots=(), findings=(finding,))
    [item] = build_youth_queue([(group, score)], CATALOGUE)
    assert item.item_id == "Y-7" and item.case_id is None and item.review_within_hours == 24
    assert build_alerts([(group, score)], CATALOGUE) == []  # not counted twice


def test_no_single_indicator_raises_an_alert_alone() -> None:
    model = RiskV1(CATALOGUE)
    for indicator in CATALOGUE:
        if indicator.planned or indicator.requires_human or model.is_anchor(indicator):
            continue
        finding = _finding(indicator.id, "a1")
        group = Group(group_id="G-1", records=("ad:a1",), pivots=(), findings=(finding,))
        assert build_alerts([(group, model.score([finding]))], CATALOGUE) == [], indicator.id


def test_alerts_are_ranked_and_marked_below_the_budget_line() -> None:
    model = RiskV1(CATALOGUE)
    scored = []
    for n in range(4):
        ids = ["BEH-TRUST-LANG", "BEH-OBSCURED-PHONE", "BEH-PHOTO-REUSE"][: 2 + (n % 2)]
        findings = tuple(_finding(i, f"a{n}") for i in ids)
        group = Group(group_id=f"G-{n}", records=(f"ad:a{n}",), pivots=(), findings=findings)
        scored.append((group, model.score(findings)))
    alerts = build_alerts(scored, CATALOGUE, budget=1)
    assert [a.rank for a in alerts] == [1, 2, 3, 4]
    assert [a.score.total for a in alerts] == sorted((a.score.total for a in alerts), reverse=True)
    assert [a.within_budget for a in alerts] == [True, False, False, False]
    assert all(a.alert_id.startswith("A-") and a.reasons_en for a in alerts)
    vol = volume(100, 100, 0, alerts, 0, QueueSettings(max_alert_share=0.02))
    assert vol["budget"]["alert_line"] == 2 and vol["budget"]["alerts_below_line"] == 2
    assert vol["alerts_per_1k_ads"] == 40.0 and not vol["budget"]["alerts_within"]


# --- the detector's grading --------------------------------------------------------------


def _graded(engine_for: Any, body: str) -> Finding | None:
    detector = detector_for(CATALOGUE.get("BEH-YOUTH-LANG"))
    assert detector is not None
    record = {"ad_id": "a1", "site": "ads.example", "posted_at": "2026-07-01T09:00:00Z"}
    found = list(detector.evaluate(engine_for({"ads": [{**record, "body": body}]})))
    return found[0] if found else None


@pytest.mark.parametrize(
    ("body", "strength"),
    [
        ("Kelly 16yo, call", "strong"),
        ("Sofie 17 år, ring", "strong"),
        ("Ana, fata de 16 ani", "strong"),
        ("Мне 16 лет", "strong"),
        ("น้อง 16 ปี", "strong"),
        ("I'm 17 and new here", "strong"),
        ("barely legal cutie", "strong"),
        ("jailbait", "strong"),
        ("still in high school", "strong"),
        ("går i 9. klasse", "strong"),
        ("young petite 🍭 🎀", "weak"),
        ("teen 19 yo", "weak"),
        ("schoolgirl", "weak"),
        ("high school fantasy, schoolgirl outfit role play", "weak"),  # a costume
        ("young, 15 years experience", "weak"),
        ("ung pige, har arbejdet i 15 år", "weak"),
        ("I am 15 min from the airport, fresh", "weak"),
    ],
)
def test_cues_are_graded_by_strength(engine_for: Any, body: str, strength: str) -> None:
    finding = _graded(engine_for, body)
    assert finding is not None
    assert finding.facts["cue_strength"] == strength
    assert finding.facts["urgent_review"] is (strength == "strong")
    assert (finding.strength == 1.0) is (strength == "strong")
    cues = finding.facts["strong_cues"] if strength == "strong" else finding.facts["weak_cues"]
    assert cues


@pytest.mark.parametrize(
    "body", ["Mature lady, no underage clients, no one under 18", "Massage, 10 år erfaring"]
)
def test_age_rules_and_durations_do_not_fire(engine_for: Any, body: str) -> None:
    assert _graded(engine_for, body) is None
