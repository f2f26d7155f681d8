"""Template clustering (BEH-AD-TEMPLATE): pairwise quality and throughput.

    .venv/bin/redflags synth --out /tmp/wtpl --scale small --seed 3
    .venv/bin/python bench/bench_templates.py --world /tmp/wtpl
    .venv/bin/python bench/bench_templates.py --sizes 10000 100000 1000000

World mode: quality against the generator's templates. The world's truth does not name an ad's
template, so it is recovered here by matching each ad against every typology template of
redflags_synth/world/data/typology_texts (slots as wildcards). True pairs are two ads of different
personas from the same typology template used for 2..100 personas (the catalogue's cluster
sizes); predicted pairs are two ads of different personas in one found cluster. A predicted
pair with a background ad counts as false.

Real-like mode (`--real-like 6000 --seed 2`): ads that look like the real US ads of issue #12
(bench/real_like_ads.py: English, emoji, stock phrases, US phones written many ways, re-posts
with edits; no persona field), with the poster behind each ad as truth. The project's method
runs as `redflags templates` does (catalogue parameters, an ad without a persona stands for its
phone, one poster's re-posts linked, each cluster explained) and InfoShield
(bench/infoshield.py, reimplemented from its paper: coarse tf-idf phrase graph, fine MDL
templates) on the same ads in one run, InfoShield twice: vectorised, and "reference" (tf-idf
rows read element by element and alignments cell by cell, as the authors' code does; same
clusters). True pairs: two ads of one poster; near-duplicate pairs: those whose title and body
are not exact copies. Prints ads/s, the speed ratios, pairwise precision and recall and
near-duplicate recall for each, and how much of the project's time is masking.

Size mode: N synthetic ads, made quickly: 70 % independent texts (random words from a 5,000-word
vocabulary), 28 % as the background generator writes them — half from the classified site
templates, half personal ads each in an advertiser's own wording (benign/wording.py); they must
not cluster — and 2 % planted clusters of 3..8 ads for different personas from one typology
template made unique per cluster by a random sentence before and after it. Prints ads/s, peak
RSS and pairwise P/R.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import resource
import sys
import time
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import yaml

from redflags.catalogue import load_catalogue
from redflags.detectors.ad_template import (
    TemplateAd,
    cluster_ads,
    count_personas,
    explain,
    fingerprint_tokens,
    personal_ads,
)
from redflags_synth.world.benign.wording import Wording

sys.path.insert(0, str(Path(__file__).parent))
from infoshield import infoshield
from real_like_ads import generate

PARAMS = load_catalogue().get("BEH-AD-TEMPLATE").detector.params
LOW, HIGH = int(PARAMS["min_cluster_size"]), int(PARAMS["max_cluster_size"])
DATA = resources.files("redflags_synth.world") / "data"
SLOT = re.compile(r"\{(\w+)\}")
# The sexual-exploitation typology (Case 1) writes its ads from these groups (typologies/sexual.py).
CASE1 = ("sex_ads/third_person/", "sex_ads/first_person/")


def _params() -> dict[str, Any]:
    """BEH-AD-TEMPLATE's catalogue parameters as cluster_ads takes them."""
    names = {"min_cluster_size": "min_personas", "max_cluster_size": "max_personas"}
    names["max_shingle_ad_share"] = "boilerplate_share"
    skip = {"pair_strength", "persona_fallback"}  # the finding's and the detector's own
    return {names.get(k, k): v for k, v in PARAMS.items() if k not in skip}


def background_templates() -> dict[str, tuple[str | None, str]]:
    """template id -> (title, body) of every background ad template (data/texts.yaml)."""
    spec = yaml.safe_load((DATA / "texts.yaml").read_text("utf-8"))["ads"]
    return {
        f"background/{kind}/{lang}/{i}": (title, body)
        for kind, ads in spec.items()
        for lang, pairs in ads.get("templates", {}).items()
        for i, (title, body) in enumerate(pairs)
    }


def typology_templates() -> dict[str, tuple[str | None, str]]:
    """template id -> (title, body) of every typology template."""
    out: dict[str, tuple[str | None, str]] = {}
    for path in sorted((DATA / "typology_texts").iterdir(), key=str):
        name = path.name.removesuffix(".yaml")
        for group, by_lang in (
            yaml.safe_load(path.read_text("utf-8")).get("templates") or {}
        ).items():
            for lang, entries in by_lang.items():
                for i, entry in enumerate(entries):
                    entry = {"body": entry} if isinstance(entry, str) else entry
                    out[f"{name}/{group}/{lang}/{i}"] = (entry.get("title"), entry["body"])
    return out


def _pattern(template: str) -> re.Pattern[str]:
    parts = SLOT.split(" ".join(template.split()))
    regex = "".join(re.escape(p) if i % 2 == 0 else "(.+?)" for i, p in enumerate(parts))
    return re.compile(regex, re.S)


def template_of_ads(ads: list[dict[str, Any]]) -> dict[str, str]:
    templates = typology_templates() | background_templates()
    patterns = [(tid, _pattern(body)) for tid, (_, body) in templates.items()]
    found: dict[str, str] = {}
    for ad in ads:
        body = " ".join(str(ad.get("body") or "").split())
        for tid, pattern in patterns:
            if pattern.fullmatch(body):
                found[str(ad["ad_id"])] = tid
                break
    return found


def pairs_of(groups: list[list[tuple[str, str]]]) -> set[tuple[str, str]]:
    """Pairs (a < b) of ads of different personas within each group of (ad_id, persona)."""
    out = set()
    for group in groups:
        for (a, pa), (b, pb) in itertools.combinations(sorted(group), 2):
            if pa != pb:
                out.add((a, b))
    return out


def score(predicted: set[tuple[str, str]], true: set[tuple[str, str]]) -> tuple[float, float]:
    hit = len(predicted & true)
    return hit / max(1, len(predicted)), hit / max(1, len(true))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(ads: list[dict[str, Any]]) -> tuple[list[list[tuple[str, str]]], float]:
    start = time.perf_counter()
    clusters = cluster_ads(personal_ads(ads, PARAMS["persona_fallback"]), **_params())
    seconds = time.perf_counter() - start
    return [[(a.ad_id, a.persona) for a in c] for c in clusters], seconds


def world(folder: Path) -> None:
    ads = pq.read_table(folder / "ads").to_pylist()
    of = template_of_ads(ads)
    persona = {str(a["ad_id"]): (a.get("persona") or "").strip().casefold() for a in ads}
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for ad_id, tid in of.items():
        if persona[ad_id]:
            groups[tid].append((ad_id, persona[ad_id]))
    kept = {t: g for t, g in groups.items() if LOW <= len({p for _, p in g}) <= HIGH}
    clusters, seconds = run(ads)
    predicted = pairs_of(clusters)
    typology = sum(1 for t in of.values() if not t.startswith("background/"))
    print(f"world {folder}: {len(ads)} ads, {typology} from typology templates, ")
    print(f"  {len(of) - typology} from background templates; {len(clusters)} clusters found")
    for name, chosen in (
        ("all generator templates", list(kept.values())),
        ("typology templates only", [g for t, g in kept.items() if not t.startswith("back")]),
        ("Case-1 templates only", [g for t, g in kept.items() if t.startswith(CASE1)]),
    ):
        true = pairs_of(chosen)
        precision, recall = score(predicted, true)
        print(
            f"  {name}: {len(chosen)} templates with {LOW}..{HIGH} personas, {len(true)} true "
            f"pairs, {len(predicted)} predicted; pairwise precision {precision:.3f} "
            f"recall {recall:.3f}"
        )
    true = pairs_of(list(kept.values()))
    print(f"  {len(ads) / seconds:,.0f} ads/s, peak RSS {peak_rss_mb():,.0f} MB")
    missed = Counter(of[a] for a, _ in true - predicted)
    if missed:
        print("  missed pairs by template:", dict(missed.most_common(8)))
    wrong = Counter(of.get(a, "none") for a, _ in predicted - true)
    if wrong:
        print("  false pairs by template of the first ad:", dict(wrong.most_common(8)))


def fill(rng: random.Random, template: str, persona: str, city: str) -> str:
    """The template with its slots filled: persona and city as given, others random numbers."""
    given = {"persona": persona, "city": city}
    return ANY_SLOT.sub(lambda m: given.get(m.group(1), str(rng.randint(18, 2500))), template)


ANY_SLOT = re.compile(r"\{([^{}]+)\}")
NAMES = [
    "Anna",
    "Bella",
    "Lina",
    "Mia",
    "Nora",
    "Ella",
    "Sofie",
    "Maja",
    "Ida",
    "Clara",
    "Emma",
    "Laura",
    "Alma",
    "Freja",
    "Vera",
    "Luna",
]
CITIES = [
    "København",
    "Aarhus",
    "Odense",
    "Aalborg",
    "Esbjerg",
    "Vejle",
    "Kolding",
    "Horsens",
    "Randers",
    "Roskilde",
]


def synthetic(n: int, seed: int = 7) -> tuple[list[dict[str, Any]], set[tuple[str, str]]]:
    rng = random.Random(seed)
    vocab = [
        "".join(
            rng.choice("bdfgklmnprstv") + rng.choice("aeiouy") for _ in range(rng.randint(1, 4))
        )
        for _ in range(5000)
    ]
    typology = [body for _, body in typology_templates().values() if "{persona}" in body]
    spec = yaml.safe_load((DATA / "texts.yaml").read_text("utf-8"))["ads"]
    background = [
        b
        for kind in spec.values()
        for pairs in kind.get("templates", {}).values()
        for _, b in pairs
    ]
    wordings = [
        Wording.parse(w) for kind in spec.values() for w in kind.get("compose", {}).values()
    ]
    ads: list[dict[str, Any]] = []
    truth: list[list[tuple[str, str]]] = []

    def ad(persona: str, city: str, body: str) -> dict[str, Any]:
        row = {"ad_id": f"A{len(ads):08d}", "persona": persona, "city": city, "body": body}
        ads.append(row)
        return row

    def person() -> str:
        return f"{rng.choice(NAMES)} {rng.choice(vocab).title()}"

    while len(ads) < n:
        roll = rng.random()
        city = rng.choice(CITIES)
        if roll < 0.02:
            words = " ".join(rng.choices(vocab, k=6))
            tail = " ".join(rng.choices(vocab, k=6))
            template = f"{words.capitalize()}. {rng.choice(typology)} {tail}."
            group = []
            for _ in range(rng.randint(3, 8)):
                persona = person()
                body = fill(rng, template, persona, city)
                group.append((ad(persona, rng.choice(CITIES), body)["ad_id"], persona.casefold()))
            truth.append(group)
        elif roll < 0.30:  # the background generator: a classified, or a personal ad
            persona = person()
            if rng.random() < 0.5:
                template = rng.choice(background)
            else:  # an advertiser of her own; the bench gives each such ad its own advertiser
                template = rng.choice(wordings).compose(rng)[1]
            ad(persona, city, fill(rng, template, persona, city))
        else:
            persona = person()
            words = " ".join(rng.choices(vocab, k=rng.randint(25, 60)))
            ad(persona, city, f"{persona}: {words}. Tlf {rng.randint(20000000, 99999999)}")
    return ads[:n], pairs_of(truth)


def sizes(ns: list[int]) -> None:
    for n in ns:
        ads, true = synthetic(n)
        true = {p for p in true if p[1] < f"A{n:08d}"}
        clusters, seconds = run(ads)
        precision, recall = score(pairs_of(clusters), true)
        print(
            f"{n:>9,} ads: {seconds:7.1f} s, {n / seconds:8,.0f} ads/s, peak RSS "
            f"{peak_rss_mb():7,.0f} MB, {len(clusters):,} clusters, pairwise precision "
            f"{precision:.3f} recall {recall:.3f}",
            flush=True,
        )
        del ads, clusters


def ours(ads: list[dict[str, Any]], region: str) -> tuple[list[list[TemplateAd]], float]:
    """The project's clusters as `redflags templates` makes them (explanations included)."""
    params = _params()
    start = time.perf_counter()
    clusters = cluster_ads(
        ads,
        shingle_words=params["shingle_words"],
        num_perm=params["num_perm"],
        bands=params["bands"],
        min_jaccard=params["min_jaccard"],
        min_personas=1,
        max_personas=params["max_personas"],
        boilerplate_share=params["boilerplate_share"],
        region=region,
        link_same_persona=True,
        keep_large=True,
    )
    for cluster in clusters:
        explain([a.tokens() for a in cluster])
        count_personas(cluster)
    return clusters, time.perf_counter() - start


def masking_seconds(ads: list[dict[str, Any]], region: str) -> float:
    """Time of the similarity masking alone (fingerprint_tokens of every ad)."""
    start = time.perf_counter()
    for ad in ads:
        text = " . ".join(str(ad[f]) for f in ("title", "body") if ad.get(f))
        fingerprint_tokens(text, ad.get("persona"), ad.get("city"), region)
    return time.perf_counter() - start


def persona_seconds(clusters: list[list[TemplateAd]]) -> float:
    """Time of reading the contacts of the clustered ads (the persona fallback) once more."""
    ads = [ad for cluster in clusters for ad in cluster]
    for ad in ads:
        ad._contacts = ad._persona = None
    start = time.perf_counter()
    for ad in ads:
        ad.contacts()
    return time.perf_counter() - start


def real_like(n: int, seed: int, reference: bool = True) -> None:
    rows = generate(n, seed)
    poster = {r["ad_id"]: r["poster"] for r in rows}
    ads = [{k: v for k, v in r.items() if k != "poster"} for r in rows]
    by_poster: dict[str, list[str]] = defaultdict(list)
    for ad in ads:
        by_poster[poster[ad["ad_id"]]].append(ad["ad_id"])
    true = _all_pairs(by_poster.values())
    text = {a["ad_id"]: (a.get("title"), a["body"]) for a in ads}
    near = {p for p in true if text[p[0]] != text[p[1]]}
    print(
        f"real-like ads (seed {seed}): {len(ads):,} ads, {len(by_poster):,} posters, "
        f"{len(true):,} true pairs ({len(near):,} near-duplicates that are not exact copies)"
    )
    texts = [f"{a.get('title') or ''} {a['body']}" for a in ads]
    clusters, seconds = ours(ads, "US")
    results = {"redflags": ([[a.ad_id for a in c] for c in clusters], seconds)}
    start = time.perf_counter()
    found = infoshield(texts)
    results["InfoShield (vectorised)"] = (
        [[ads[i]["ad_id"] for i in c] for c in found],
        time.perf_counter() - start,
    )
    if reference:
        start = time.perf_counter()
        found = infoshield(texts, reference=True)
        results["InfoShield (reference)"] = (
            [[ads[i]["ad_id"] for i in c] for c in found],
            time.perf_counter() - start,
        )
    mine = results["redflags"][1]
    for name, (found_ids, seconds) in results.items():
        predicted = _all_pairs(found_ids)
        precision, recall = score(predicted, true)
        near_recall = len(predicted & near) / max(1, len(near))
        print(
            f"  {name:<24} {len(ads) / seconds:8,.0f} ads/s ({seconds:6.2f} s; redflags "
            f"{seconds / mine:5.1f}× as fast) {len(found_ids):5,} clusters; pairwise precision "
            f"{precision:.3f} recall {recall:.3f} near-duplicate recall {near_recall:.3f}"
        )
    masking = masking_seconds(ads, "US")
    contacts = persona_seconds(clusters)
    print(
        f"  redflags: of {mine:.2f} s, masking {masking:.2f} s ({masking / mine:.0%}) and "
        f"reading the clustered ads' contacts for their personas {contacts:.2f} s "
        f"({contacts / mine:.0%})"
    )


def _all_pairs(groups: Any) -> set[tuple[str, str]]:
    """Every pair (a < b) of ad ids within each group."""
    out: set[tuple[str, str]] = set()
    for group in groups:
        out.update(itertools.combinations(sorted(group), 2))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--world", type=Path)
    parser.add_argument("--sizes", type=int, nargs="*", default=[])
    parser.add_argument("--real-like", type=int, default=0, help="ads in real-like mode")
    parser.add_argument("--seed", type=int, default=2, help="real-like mode's seed")
    parser.add_argument("--no-reference", action="store_true", help="skip the slow InfoShield")
    args = parser.parse_args()
    if args.real_like:
        real_like(args.real_like, args.seed, not args.no_reference)
    if args.world:
        world(args.world)
    if args.sizes:
        sizes(args.sizes)


if __name__ == "__main__":
    main()
