"""BEH-AD-TEMPLATE: slot masking, the template explanation, the MinHash index and the report."""

from __future__ import annotations

import numpy as np

from redflags.detectors.ad_template import cluster_ads, explain, masked_tokens, shingle_hashes
from redflags.detectors.minhash import MinHashIndex
from redflags.report.html import _template_markup

ANNA = "Smukke Anna er ny i Vejle! Hun er 22 år og rumænsk. 1.500 kr. Ring 52 61 47 83 @anna_dk"
BELLA = (
    "Smukke Bella er ny i Odense! Hun er 25 år og thai. 900 kr. "
    "Ring fem to seks en fire syv otte tre"
)


def test_slots_are_masked_and_the_rest_folded() -> None:
    shown: list[str] = []
    tokens = masked_tokens(ANNA, "Anna", "Vejle", shown)
    assert tokens == [
        "smukke", "{persona}", "er", "ny", "i", "{city}", "!", "hun", "er", "{number}", "ar",
        "og", "{nationality}", ".", "{number}", "kr", ".", "ring", "{phone}", "{handle}",
    ]  # fmt: skip
    assert shown[10] == "år" and shown[1] == "{persona}"
    # Names, cities, numbers, nationalities and (obscured) phones swapped: the same tokens.
    bella = masked_tokens(BELLA, "Bella", "Odense")
    assert bella == tokens[:-1]


def test_the_template_marks_what_varies() -> None:
    texts = [
        ("Anna", "Vejle", "Anna er ny i Vejle! Hun er 22 år. Ring 52 61 47 83, kun i dag."),
        ("Bella", "Odense", "Bella er ny i Odense! Hun er 24 år. Ring 30112233, hele ugen."),
        ("Lina", "Aarhus", "Lina er ny i Aarhus! Hun er 21 år. Ring +45 41 22 33 44, kun i dag."),
    ]
    ads = []
    for persona, city, text in texts:
        shown: list[str] = []
        ads.append((masked_tokens(text, persona, city, shown), shown))
    assert explain(ads) == "{persona} er ny i {city}! Hun er {number} år. Ring {phone}, {…}."


def test_shingles_are_distinct_hashes_of_word_windows() -> None:
    tokens = masked_tokens("a b c d e f a b c d e f", None, None)
    hashes = shingle_hashes(tokens, 5)
    assert hashes.dtype == np.uint64 and len(hashes) == 6  # 8 windows, 2 repeats
    assert len(shingle_hashes(["kort", "."], 5)) == 1


def test_the_index_pairs_near_duplicates_only() -> None:
    index = MinHashIndex(num_perm=128, bands=32)
    near = np.arange(100, dtype=np.uint64)
    index.add([near, near + np.uint64(3), near + np.uint64(1000), np.zeros(0, np.uint64)])
    assert list(index.candidate_pairs()) == [(0, 1)]
    assert index.query(near) == [0, 1]


def test_clusters_need_three_personas_and_skip_one_persona_reposting() -> None:
    body = "Smukke {p} er nu hos os i {c}. Hun er 22 år, sød og diskret. Ring til 52 61 47 83."
    rows = [
        {"ad_id": f"a{i}", "persona": p, "city": c, "body": body.format(p=p, c=c)}
        for i, (p, c) in enumerate([("Anna", "Vejle"), ("Bella", "Odense"), ("Lina", "Aarhus")])
    ]
    (cluster,) = cluster_ads(rows)
    assert sorted(a.ad_id for a in cluster) == ["a0", "a1", "a2"]
    same = [dict(r, persona="Maja", body=body.format(p="Maja", c=r["city"])) for r in rows]
    assert cluster_ads(same) == []
    assert cluster_ads(rows[:2]) == []


def test_the_report_marks_template_slots() -> None:
    markup = _template_markup("<b> {persona} er ny i {city}")
    assert str(markup) == (
        '&lt;b&gt; <mark class="slot">{persona}</mark> er ny i <mark class="slot">{city}</mark>'
    )
    assert _template_markup(None) is None
